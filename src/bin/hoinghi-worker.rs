//! The extraction worker (a dedicated Web Worker built by Trunk, `data-type="worker"`): receives
//! `["group", [[id, name, text | File | ArrayBuffer, pasted], ...]]` from the page, several articles a message,
//! answered `["answers", [[id, json, record bytes], ...]]` (`group`); also, one article alone (as
//! the specs send it), `[id, name, text | File | ArrayBuffer, pasted]`, answered `[id, json of
//! protocol::Extracted]`. A `File` is streamed here and refused past the size limit. Says
//! `"ready"` once it can take work, after building the extractor's tables. While it extracts an article
//! over [`PROGRESS_FROM`] bytes it also posts `["progress", id, fraction]` (0.0 to 1.0), at most one
//! every [`PROGRESS_EVERY_MS`], so the page can show how far a huge article has got.
//!
//! The same worker, started a second time, is the page's merge worker (`hoinghi_web::merging`): it takes
//! `["merge:add", [records' JSON as UTF-8 bytes...] | one record's JSON]`, `["merge:remove", source]`, `["merge:clear"]`,
//! `["merge:identity", corrections json]` and answers `["merge"]` with `["merge", [parts of the merged view as
//! JSON, each UTF-8 bytes...]]`.
//!
//! Text crosses between the threads as UTF-8 bytes (their buffers transferred where the sender keeps none), not
//! as strings: a JS string of Vietnamese is UTF-16, so each crossing was a conversion out of one wasm and another
//! into the next, and a copy in the message (at 5,000 articles ~0.8 s of this worker's CPU converting records).
//!
//! The merge worker also writes the gold export's zip: `["gold", json of [[name, record], ...]]` is answered with
//! `["gold", the zip's bytes]` or `["gold", a message]` (`hoinghi_web::gold::gold_zip_of_json`), in order with
//! the merges.
//!
//! Its wasm memory is `self.wasmMemory`, for `make bench-page` to read.
//!
//! `make bench` also sends `["bench", [texts...], rounds]` to time the extractor alone in the
//! wasm the page ships; the answer is `["bench", json of protocol::Bench]`.

use std::cell::RefCell;
use std::rc::Rc;

use hoinghi_web::merging::MergeDesk;
use hoinghi_web::protocol;
use js_sys::{Array, Uint8Array, WebAssembly};
use wasm_bindgen::prelude::*;
use web_sys::{Blob, DedicatedWorkerGlobalScope, MessageEvent};

/// Articles over this many bytes (about 1 MB) report their progress; shorter ones take under a second.
const PROGRESS_FROM: usize = 1 << 20;
/// The least time between two progress messages.
const PROGRESS_EVERY_MS: f64 = 100.0;

fn main() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
        let msg: Array = ev.data().unchecked_into();
        let id = msg.get(0);
        let json = match id.as_string().as_deref() {
            Some("bench") => bench(&reply_to, &msg),
            Some("gold") => {
                let answer = match hoinghi_web::gold::gold_zip_of_json(&msg.get(1).as_string().unwrap_or_default()) {
                    Ok(zip) => JsValue::from(Uint8Array::from(zip.as_slice())),
                    Err(e) => JsValue::from_str(&e),
                };
                let _ = reply_to.post_message(&Array::of2(&id, &answer));
                return;
            }
            Some("group") => {
                group(&reply_to, &Array::from(&msg.get(1)));
                return;
            }
            Some(what) if what.starts_with("merge") => {
                if let Some((parts, buffers)) = merge(what, &msg) {
                    let _ = reply_to.post_message_with_transfer(&Array::of2(&id, &parts), &buffers);
                }
                return;
            }
            _ => {
                extract_item(&reply_to, &msg, |scope, id, out| answer(scope, id, &out));
                return;
            }
        };
        let _ = reply_to.post_message(&Array::of2(&id, &JsValue::from_str(&json)));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    let _ = js_sys::Reflect::set(&scope, &JsValue::from_str("wasmMemory"), &wasm_bindgen::memory());
    on_message.forget();
    // Build the extractor's tables now, not on the first article.
    let _ = hoinghi_core::extract("Sáng 17/6/2024, Ban Dân vận Tỉnh ủy tổ chức hội nghị giao ban.", None);
    let _ = scope.post_message(&JsValue::from_str("ready"));
}

/// Tells the page how far the extraction of an article of `size` bytes has got: `["progress", id, fraction]`, for
/// articles over [`PROGRESS_FROM`] only, at most one every [`PROGRESS_EVERY_MS`].
fn progress<'a>(scope: &'a DedicatedWorkerGlobalScope, id: &'a JsValue, size: usize) -> impl FnMut(f64) + 'a {
    let clock = scope.performance();
    let mut last_ms = f64::NEG_INFINITY;
    move |fraction| {
        let Some(now) = clock.as_ref().map(|c| c.now()) else { return };
        if size > PROGRESS_FROM && now - last_ms >= PROGRESS_EVERY_MS {
            last_ms = now;
            let _ = scope.post_message(&Array::of3(&"progress".into(), id, &fraction.into()));
        }
    }
}

/// `["group", [[id, name, text | ArrayBuffer | File, pasted], ...]]`: the articles the page sent together, answered
/// together, `["answers", [[id, json of protocol::Extracted without its record, the record's JSON as UTF-8
/// bytes], ...]]`, the bytes' buffers transferred (the record apart, so that the page hands it on to its storage
/// and to the merge worker as the bytes it got, never written again). A file comes as its bytes (streamed by the
/// page) or, over the size limit or unreadable there, as its `File`, streamed here and refused with the reason.
fn group(scope: &DedicatedWorkerGlobalScope, items: &Array) {
    let count = items.length() as usize;
    let answers = Rc::new(RefCell::new((Array::new(), Array::new())));
    for item in items.iter() {
        let answers = answers.clone();
        // The group is sent once its last article is answered, whether read from a file or not.
        extract_item(scope, item.unchecked_ref(), move |scope, id, out| {
            let (answers, buffers) = &*answers.borrow();
            answers.push(&split_answer(id, out, buffers));
            if answers.length() as usize == count {
                let message = Array::of2(&"answers".into(), answers);
                let _ = scope.post_message_with_transfer(&message, buffers);
            }
        });
    }
}

/// Extracts the article `[id, name, text | ArrayBuffer | File, pasted]` and hands what came out to `done`: at once
/// for a text or bytes; for a `File`, once streamed (the files of a group at once, none held whole past the limit).
fn extract_item(
    scope: &DedicatedWorkerGlobalScope,
    item: &Array,
    done: impl FnOnce(&DedicatedWorkerGlobalScope, &JsValue, protocol::Extracted) + 'static,
) {
    let (id, name, payload) = (item.get(0), item.get(1).as_string().unwrap_or_default(), item.get(2));
    if payload.is_instance_of::<Blob>() {
        let scope = scope.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let blob: Blob = payload.unchecked_into();
            let read = read_blob(&blob).await;
            let size = match &read {
                protocol::FileRead::Bytes(bytes) => bytes.len(),
                _ => 0,
            };
            let out = protocol::from_file_read(&name, read, &mut progress(&scope, &id, size));
            done(&scope, &id, out);
        });
        return;
    }
    let out = match payload.as_string() {
        Some(text) => protocol::from_text_with_progress(
            &name,
            &text,
            item.get(3).is_truthy(),
            &mut progress(scope, &id, text.len()),
        ),
        None => {
            let bytes = Uint8Array::new(&payload).to_vec();
            protocol::from_bytes_with_progress(&name, &bytes, &mut progress(scope, &id, bytes.len()))
        }
    };
    done(scope, &id, out);
}

/// `[id, json of protocol::Extracted without its record, the record's JSON as UTF-8 bytes (absent when none)]`,
/// the bytes' buffer added to `transfer`: the page copies them into its wasm as they are and hands the same
/// bytes on to its storage and the merge worker.
fn split_answer(id: &JsValue, out: protocol::Extracted, transfer: &Array) -> Array {
    let (meta, record) = protocol::split(out);
    let answer = Array::of2(id, &JsValue::from_str(&meta));
    if let Some(record) = record {
        let bytes = Uint8Array::from(record.as_bytes());
        transfer.push(&bytes.buffer());
        answer.push(&bytes);
    }
    answer
}

/// `[id, json of protocol::Extracted]`.
fn answer(scope: &DedicatedWorkerGlobalScope, id: &JsValue, out: &protocol::Extracted) {
    let json = serde_json::to_string(out).unwrap_or_default();
    let _ = scope.post_message(&Array::of2(id, &JsValue::from_str(&json)));
}

#[wasm_bindgen]
extern "C" {
    /// A `Blob` seen as what `stream()` is called on (web-sys has it behind features the page does not build).
    type StreamedBlob;
    #[wasm_bindgen(method)]
    fn stream(this: &StreamedBlob) -> ByteStream;
    type ByteStream;
    #[wasm_bindgen(method, js_name = getReader)]
    fn get_reader(this: &ByteStream) -> ByteReader;
    type ByteReader;
    /// Resolves to `{done, value: Uint8Array}`.
    #[wasm_bindgen(method)]
    fn read(this: &ByteReader) -> js_sys::Promise;
    #[wasm_bindgen(method)]
    fn cancel(this: &ByteReader) -> js_sys::Promise;
}

/// A file's bytes, streamed: without asking its size first (a synchronous call to the browser for every file,
/// as is `FileReaderSync`, which held the worker ~2 ms a file waiting), and stopped once over the limit (a
/// huge file is never held whole; its size is asked for the message).
async fn read_blob(blob: &Blob) -> protocol::FileRead {
    let why = |e: JsValue| e.as_string().or_else(|| js_sys::Error::from(e).message().as_string()).unwrap_or_default();
    let reader = blob.unchecked_ref::<StreamedBlob>().stream().get_reader();
    let mut bytes = Vec::new();
    loop {
        let chunk = match wasm_bindgen_futures::JsFuture::from(reader.read()).await {
            Ok(chunk) => chunk,
            Err(e) => return protocol::FileRead::Refused(why(e)),
        };
        if js_sys::Reflect::get(&chunk, &"done".into()).is_ok_and(|d| d.is_truthy()) {
            return protocol::FileRead::Bytes(bytes);
        }
        let Ok(value) = js_sys::Reflect::get(&chunk, &"value".into()) else {
            return protocol::FileRead::Refused("không đọc được phần của tệp".into());
        };
        let value: Uint8Array = value.unchecked_into();
        let at = bytes.len();
        if at + value.length() as usize > hoinghi_decode::MAX_FILE_BYTES {
            let _ = reader.cancel();
            return protocol::FileRead::TooLarge(blob.size() as usize);
        }
        bytes.resize(at + value.length() as usize, 0);
        value.copy_to(&mut bytes[at..]);
    }
}

thread_local! {
    /// The merge worker's articles (empty in the extraction worker).
    static DESK: RefCell<MergeDesk> = RefCell::new(MergeDesk::new());
}

/// A merge message: `Some((the merged view in parts, their buffers to transfer))` for `["merge"]` (answered in
/// order), `None` for the others.
fn merge(what: &str, msg: &Array) -> Option<(Array, Array)> {
    DESK.with(|desk| {
        let mut desk = desk.borrow_mut();
        match what {
            "merge:add" => {
                let added = match msg.get(1).dyn_into::<Array>() {
                    Ok(records) => desk.add_all(records.iter().map(|r| protocol::text_of(&r))),
                    Err(one) => desk.add(&one.as_string().unwrap_or_default()),
                };
                if let Err(e) = added {
                    web_sys::console::warn_1(&format!("hoinghi: {e}").into());
                }
                None
            }
            "merge:remove" => {
                desk.remove(&msg.get(1).as_string().unwrap_or_default());
                None
            }
            "merge:clear" => {
                desk.clear();
                None
            }
            "merge:identity" => {
                if let Err(e) = desk.set_identity(&msg.get(1).as_string().unwrap_or_default()) {
                    web_sys::console::warn_1(&format!("hoinghi: {e}").into());
                }
                None
            }
            _ => {
                // Each part goes to JS as it is written, so the worker never holds the whole view's JSON.
                let (parts, buffers) = (Array::new(), Array::new());
                desk.each_merged_part(&mut |part| {
                    let bytes = Uint8Array::from(part.as_bytes());
                    buffers.push(&bytes.buffer());
                    parts.push(&bytes);
                });
                Some((parts, buffers))
            }
        }
    })
}

/// `["bench", [texts...], rounds]`: timed with the worker's own clock, so the message passing is not counted.
fn bench(scope: &DedicatedWorkerGlobalScope, msg: &Array) -> String {
    let texts: Vec<String> = Array::from(&msg.get(1)).iter().filter_map(|t| t.as_string()).collect();
    let rounds = msg.get(2).as_f64().unwrap_or(1.0).max(1.0) as u32;
    let Some(clock) = scope.performance() else { return String::new() };
    let mut out = protocol::bench(&texts, rounds, || clock.now());
    let memory: WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    out.wasm_memory_bytes = memory.buffer().unchecked_into::<js_sys::ArrayBuffer>().byte_length() as u64;
    serde_json::to_string(&out).unwrap_or_default()
}
