//! The browser's side: files from a drop (folders walked recursively), downloads, localStorage,
//! yielding to the event loop. Small JS helpers where the web-sys callbacks would be long.

use js_sys::{Array, Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(inline_js = r#"
async function walk(entry, prefix, out) {
  if (entry.isFile) {
    const file = await new Promise((ok, no) => entry.file(ok, no)).catch(() => null);
    if (file) out.push([prefix + entry.name, file]);
  } else if (entry.isDirectory) {
    const reader = entry.createReader();
    for (;;) {
      const batch = await new Promise((ok, no) => reader.readEntries(ok, no)).catch(() => []);
      if (!batch.length) break;
      for (const e of batch) await walk(e, prefix + entry.name + '/', out);
    }
  }
}
export async function dropped_files(dt) {
  const out = [];
  const entries = [];
  for (const item of Array.from(dt.items || [])) {
    const e = item.kind === 'file' && item.webkitGetAsEntry ? item.webkitGetAsEntry() : null;
    if (e) entries.push(e);
  }
  if (entries.length) {
    for (const e of entries) await walk(e, '', out);
  } else {
    for (const f of Array.from(dt.files || [])) out.push([f.name, f]);
  }
  return out;
}
export function input_files(input) {
  return Array.from(input.files || []).map((f) => [f.webkitRelativePath || f.name, f]);
}
export function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
export function store(key, value) {
  try { localStorage.setItem(key, value); return ''; }
  catch (e) { return String(e && e.name || e); }
}
export function load(key) {
  try { return localStorage.getItem(key); } catch (e) { return null; }
}
export function forget(key) {
  try { localStorage.removeItem(key); } catch (e) { }
}
export function stamp() {
  return new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
}
export function today() {
  return new Date().toISOString().slice(0, 10);
}
// A macrotask without setTimeout's 4 ms clamp on nested timers.
const channel = new MessageChannel();
const waiting = [];
channel.port1.onmessage = () => { const ok = waiting.shift(); if (ok) ok(); };
export function next_tick() {
  return new Promise((ok) => { waiting.push(ok); channel.port2.postMessage(0); });
}
// The extraction workers: the first started on first use (or when the inputs are reached for), a second
// (one a core, at most two: the merge worker, src/merge_worker.rs, takes the rest) only once articles
// queue up, so that a paste does not boot two; answers by id; each article goes to the one with the
// fewest waiting. A worker that fails (a crash in one article) fails the articles it held and is
// started afresh.
const WORKER_URL = new URL('../../hoinghi-worker_loader.js', import.meta.url);
const EXTRACTORS = Math.max(1, Math.min(2, navigator.hardwareConcurrency || 1));
const extractors = [];
let seq = 0;
function start(slot) {
  if (slot.ready) return slot.ready;
  const worker = new Worker(WORKER_URL);
  slot.worker = worker;
  slot.ready = new Promise((ok, no) => {
    worker.onmessage = (e) => {
      if (e.data === 'ready') return ok();
      const [id, json] = e.data;
      const p = slot.pending.get(id);
      slot.pending.delete(id);
      if (p) p.ok(json);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      const why = String(e.message || 'lỗi không rõ');
      for (const p of slot.pending.values()) p.no(why);
      slot.pending.clear();
      worker.terminate();
      slot.ready = null;
      no(why);
    };
  });
  slot.ready.catch(() => {});
  return slot.ready;
}
function slots() {
  while (extractors.length < EXTRACTORS) extractors.push({ worker: null, ready: null, pending: new Map() });
  return extractors;
}
// Articles waiting at the first worker before the second is started.
const QUEUED_FOR_SECOND = 4;
export function warm_worker() {
  start(slots()[0]);
}
function call(name, payload, pasted) {
  const all = slots();
  const slot = all[0].pending.size < QUEUED_FOR_SECOND ? all[0]
    : all.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
  const id = ++seq;
  const answer = new Promise((ok, no) => slot.pending.set(id, { ok, no }));
  start(slot).then(() => {
    if (payload instanceof ArrayBuffer) slot.worker.postMessage([id, name, payload, pasted], [payload]);
    else slot.worker.postMessage([id, name, payload, pasted]);
  }, (why) => {
    const p = slot.pending.get(id);
    slot.pending.delete(id);
    if (p) p.no(why);
  });
  return answer;
}
export function extract_text(name, text, pasted) {
  return call(name, text, pasted);
}
export function extract_file(name, file) {
  return file.arrayBuffer().then((b) => call(name, b, false));
}
export function ask(text) {
  return window.confirm(text);
}
export function now() {
  return performance.now();
}
export function location_hash() {
  return location.hash;
}
export function replace_hash(hash) {
  if (location.hash === hash || (hash === '' && location.hash === '')) return;
  history.replaceState(history.state, '', hash || location.pathname + location.search);
}
export function scroll_y() {
  return window.scrollY;
}
export function scroll_back(y) {
  requestAnimationFrame(() => window.scrollTo({ top: y }));
}
export function scroll_to(id) {
  requestAnimationFrame(() => {
    const el = document.getElementById(id);
    if (el) el.scrollIntoView({ block: 'center' });
  });
}
"#)]
extern "C" {
    fn dropped_files(dt: &web_sys::DataTransfer) -> Promise;
    fn input_files(input: &web_sys::HtmlInputElement) -> Array;
    #[wasm_bindgen(js_name = download)]
    fn js_download(name: &str, text: &str, mime: &str);
    fn store(key: &str, value: &str) -> String;
    fn load(key: &str) -> Option<String>;
    fn forget(key: &str);
    pub fn stamp() -> String;
    pub fn today() -> String;
    fn next_tick() -> Promise;
    pub fn ask(text: &str) -> bool;
    pub fn warm_worker();
    /// Resolves to the JSON of `protocol::Extracted`; rejects with the reason when the worker failed.
    pub fn extract_text(name: &str, text: &str, pasted: bool) -> Promise;
    pub fn extract_file(name: &str, file: &web_sys::File) -> Promise;
    pub fn now() -> f64;
    pub fn scroll_to(id: &str);
    /// `location.hash`, `#` included (empty when there is none).
    pub fn location_hash() -> String;
    /// Writes the address's hash (empty: none) in place of the current history entry.
    pub fn replace_hash(hash: &str);
    pub fn scroll_y() -> f64;
    /// Scrolls the page back to `y` on the next frame.
    pub fn scroll_back(y: f64);
}

/// A file with its path inside the dropped folder.
pub type NamedFile = (String, web_sys::File);

fn pairs(list: Array) -> Vec<NamedFile> {
    list.iter()
        .filter_map(|pair| {
            let pair: Array = pair.dyn_into().ok()?;
            let name = pair.get(0).as_string()?;
            let file: web_sys::File = pair.get(1).dyn_into().ok()?;
            Some((name, file))
        })
        .collect()
}

/// Every file of a drop, folders walked recursively.
pub async fn files_of_drop(dt: &web_sys::DataTransfer) -> Vec<NamedFile> {
    match JsFuture::from(dropped_files(dt)).await {
        Ok(list) => pairs(list.unchecked_into()),
        Err(_) => Vec::new(),
    }
}

/// The files chosen in an `<input type=file>` (with their folder path when a folder was picked).
pub fn files_of_input(input: &web_sys::HtmlInputElement) -> Vec<NamedFile> {
    pairs(input_files(input))
}

/// The file's bytes.
pub async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, ()> {
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|_| ())?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// The answer of the worker for one article.
pub async fn extracted(call: Promise) -> Result<String, String> {
    match JsFuture::from(call).await {
        Ok(json) => json.as_string().ok_or_else(|| "trả lời không phải văn bản".to_string()),
        Err(e) => Err(e.as_string().unwrap_or_else(|| "lỗi không rõ".into())),
    }
}

/// Lets the browser paint and answer clicks.
pub async fn yield_now() {
    let _ = JsFuture::from(next_tick()).await;
}

pub fn download(name: &str, text: &str, mime: &str) {
    js_download(name, text, mime);
}

/// Writes one localStorage item; `Err` names the failure (`QuotaExceededError`).
pub fn store_item(key: &str, value: &str) -> Result<(), String> {
    let e = store(key, value);
    if e.is_empty() {
        Ok(())
    } else {
        Err(e)
    }
}

pub fn load_item(key: &str) -> Option<String> {
    load(key)
}

pub fn forget_item(key: &str) {
    forget(key)
}
