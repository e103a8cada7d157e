//! PDFs in the page: the loader hands a `.pdf` file here instead of straight to the extraction worker. Its text
//! layer is read by the page's PDF reader (`public/pdf/read-pdf.js` over pdf.js, copied to `pdf/` in the build),
//! which is fetched the first time a PDF comes, so the first load does not carry it; the layer then goes to the
//! extraction worker like any file, where `hoinghi_decode` rebuilds its paragraphs (`crates/decode/src/pdf.rs`)
//! or says why there are none (a scan, a password, a damaged file).

use js_sys::Promise;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{future_to_promise, JsFuture};

use crate::browser;

// The reader is imported on first use, relative to this snippet (dist/snippets/<crate>/inline0.js), so that it
// works under any public path. A failed import (the connection dropped) is tried again with the next PDF.
#[wasm_bindgen(inline_js = r#"
let reader = null;
export function pdf_text_layer(file, name) {
  if (!reader) {
    reader = import(new URL('../../pdf/read-pdf.js', import.meta.url).href);
    reader.catch(() => { reader = null; });
  }
  return reader.then((m) => m.textLayer(file, name));
}
"#)]
extern "C" {
    /// Resolves to a `File` holding the text layer as JSON; rejects only when the reader could not be loaded.
    fn pdf_text_layer(file: &web_sys::File, name: &str) -> Promise;
}

/// Whether the loader sends this file here: a PDF by its name (a PDF under another name is told by the decoder).
pub fn is_pdf(file: &web_sys::File) -> bool {
    hoinghi_decode::pdf::is_pdf_name(&file.name())
}

/// Like `browser::extract_file`: resolves to the JSON of `protocol::Extracted` for the PDF `file`, named `name`.
pub fn extract_file(name: &str, file: &web_sys::File) -> Promise {
    let (name, file) = (name.to_string(), file.clone());
    future_to_promise(async move {
        let layer = JsFuture::from(pdf_text_layer(&file, &name)).await.map_err(|e| {
            let why = e.as_string().or_else(|| js_sys::Error::from(e).message().as_string()).unwrap_or_default();
            JsValue::from_str(&format!("không tải được bộ đọc PDF của trang: {why}; hãy tải lại trang rồi thả lại tệp"))
        })?;
        JsFuture::from(browser::extract_file(&name, &layer.unchecked_into(), hoinghi_decode::MAX_FILE_BYTES as u32))
            .await
    })
}
