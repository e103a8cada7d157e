//! The page's side of the merge worker (`crate::merging`, a second instance of the extraction worker's
//! wasm): articles are filed there as they arrive and the merged view is asked for when the page wants to
//! show it, so that merging thousands of articles never blocks the page.

use js_sys::Promise;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(inline_js = r#"
const WORKER_URL = new URL('../../hoinghi-worker_loader.js', import.meta.url);
let worker = null;
let ready = null;
// Answers come back in the order asked.
const waiting = [];
function start() {
  if (ready) return ready;
  worker = new Worker(WORKER_URL);
  ready = new Promise((ok, no) => {
    worker.onmessage = (e) => {
      if (e.data === 'ready') return ok();
      const w = waiting.shift();
      if (w) w.ok(e.data[1]);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      const why = String(e.message || 'lỗi không rõ');
      for (const w of waiting.splice(0)) w.no(why);
      worker.terminate();
      ready = null;
      no(why);
    };
  });
  ready.catch(() => {});
  return ready;
}
function post(msg) {
  start().then(() => worker.postMessage(msg), () => {});
}
export function merge_warm() { start(); }
export function merge_add(record) { post(['merge:add', record]); }
export function merge_add_all(records) { post(['merge:add', records]); }
export function merge_remove(source) { post(['merge:remove', source]); }
export function merge_clear() { post(['merge:clear']); }
export function merge_identity(corrections_json) { post(['merge:identity', corrections_json]); }
function ask(msg) {
  return new Promise((ok, no) => {
    start().then(() => { waiting.push({ ok, no }); worker.postMessage(msg); }, no);
  });
}
export function merge_now() { return ask(['merge']); }
export function merge_gold(articles_json) { return ask(['gold', articles_json]); }
"#)]
extern "C" {
    fn merge_warm();
    fn merge_add(record_json: &str);
    fn merge_add_all(records: &js_sys::Array);
    fn merge_remove(source: &str);
    fn merge_clear();
    fn merge_identity(corrections_json: &str);
    fn merge_now() -> Promise;
    fn merge_gold(articles_json: &str) -> Promise;
}

/// Starts the merge worker ahead of the first article (with the extraction worker, when the inputs are
/// reached for).
pub fn warm() {
    merge_warm();
}

/// Files an article's record with the merge worker (JSON of `hoinghi_core::Record`).
pub fn add(record_json: &str) {
    merge_add(record_json);
}

/// Files many articles' records in one message: each a record's JSON as UTF-8 bytes (as the extraction worker
/// wrote it, never copied into the page's wasm, unless the user corrected it). Copied into the message, not
/// transferred: the storage keeps the same bytes (`browser::stored_article`) and writes them later.
pub fn add_all(records: &js_sys::Array) {
    if records.length() > 0 {
        merge_add_all(records);
    }
}

/// Takes an article out of the merge.
pub fn remove(source: &str) {
    merge_remove(source);
}

/// Forgets every article.
pub fn clear() {
    merge_clear();
}

/// Makes the merge follow the people and documents the user joined or split (JSON of `Corrections`).
pub fn set_identity(corrections_json: &str) {
    merge_identity(corrections_json);
}

/// The merged view of the articles filed so far, in parts of JSON as UTF-8 bytes (`crate::merging::MergedParts`
/// reads them), left in JS: copied into the page's wasm one at a time as it reads them ([`part_text`]; at 10,000
/// articles the view's JSON is tens of megabytes, which wasm memory, never shrinking, would otherwise hold whole
/// beside the view).
pub async fn merged_parts() -> Result<Vec<JsValue>, String> {
    match JsFuture::from(merge_now()).await {
        Ok(parts) => match parts.dyn_into::<js_sys::Array>() {
            Ok(parts) => Ok(parts.iter().collect()),
            Err(_) => Err("trả lời không phải danh sách".into()),
        },
        Err(e) => Err(e.as_string().unwrap_or_else(|| "lỗi không rõ".into())),
    }
}

/// The text of a part of [`merged_parts`].
pub fn part_text(part: &JsValue) -> Result<String, String> {
    crate::protocol::text_of(part).ok_or_else(|| "phần kết quả gộp không phải văn bản".to_string())
}

/// The gold export's zip of `articles_json` (JSON of `[[name, record], ...]`), written by the worker
/// (`crate::gold::gold_zip_of_json`): its bytes, or why not.
pub async fn gold_zip(articles_json: &str) -> Result<Vec<u8>, String> {
    match JsFuture::from(merge_gold(articles_json)).await {
        Ok(answer) => match answer.dyn_into::<js_sys::Uint8Array>() {
            Ok(bytes) => Ok(bytes.to_vec()),
            Err(why) => Err(why.as_string().unwrap_or_else(|| "trả lời không phải tệp zip".into())),
        },
        Err(e) => Err(e.as_string().unwrap_or_else(|| "lỗi không rõ".into())),
    }
}
