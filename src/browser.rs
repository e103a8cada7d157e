//! The browser's side: files from a drop or a picker (folders walked recursively), downloads, the clock,
//! yielding to the event loop, the address and scrolling, the extraction worker.
//!
//! Through the gloo crates wherever they cover a need: `gloo-file` (file lists, reading a file, the Blob and
//! object URL of a download), `gloo-timers` (revoking a download's URL later), `gloo-events` (the message
//! port that yields), `gloo-utils` (window, document, body); the page's storage is `src/storage.rs`
//! (IndexedDB through `idb`, and `gloo-storage` for the old localStorage). The rest is `web-sys`/`js-sys`.
//!
//! Inline JS is left for three things no well-kept crate covers:
//! - walking a dropped or picked folder (`dropped_files`, `folder_files`): `webkitGetAsEntry` and the directory
//!   reader are callback APIs, recursive, called in batches until an empty one, and the File System Access
//!   handles (`showDirectoryPicker`, async iterators) are not in `web-sys`'s stable bindings nor in gloo; in Rust
//!   the walk would be a tree of boxed closures three times as long. Both walks get a file at a time, where the
//!   folder input (the fallback where the picker is missing or refused) makes every `File` of the folder in one
//!   task of Chromium's, 1–2 s at 5,000 files. They ask for eight files at a time (each `file()` a round trip to
//!   the browser process: one at a time the walk of 5,000 files took 2.6 s, all of a directory's batch at once
//!   made one task of 1.2 s as the answers came back together), walk a folder where it stands, a picked folder's
//!   entries in the order of their names, and hand the files on as found, 64 at a time (`found` answers false
//!   once the user stopped the load), so that the loader reads the first while the walk goes on.
//!   `choose_folder` answers null when the user closed the picker, undefined when the browser refused it (as a
//!   policy can);
//! - drawing the charts' letters once on a canvas never shown (`shape_text`, `chart::canvas::warm_fonts`): the
//!   same through `web-sys` grew the page's first load by ~300 bytes gzipped, past its budget, for six lines;
//! - the extraction workers (`extract_text`, ...): started from the worker loader Trunk writes (found relative
//!   to this module's JS, `import.meta.url`, which Rust cannot see), the first on first use (or when the inputs
//!   are reached for), a second (one a core, at most two: the merge worker, src/merge_worker.rs, takes the rest)
//!   only once 4 articles wait at the first, so that a paste does not boot two; each article goes to the one
//!   with the fewest waiting; answers matched by id. A worker that fails (a crash in one article) fails the
//!   articles it held and is started afresh. Articles go in groups, one message for several
//!   (`["group", [[id, name, text | File, pasted], ...]]`, answered `["answers", [...]]`,
//!   `src/bin/hoinghi-worker.rs`): at thousands of files a message each way for every article was a good part of
//!   the page's thread, each waking it and the worker. A group is sent once it holds 8 articles, one group a task.
//!   A huge article's progress comes as `["progress", id, fraction]`. A picked file is streamed here
//!   (`bytes_of`), stopped past the size limit, and its bytes transferred to the worker in one `ArrayBuffer`; a file
//!   over the limit, or one that cannot be read here, goes as its `File`, for the worker to refuse with the reason.
//!   Posting every `File` (as the page did until 2026-12-02) cost this thread little CPU but made it wait for
//!   Chromium's snapshot of each, a synchronous call to the browser process (~1.3 ms a file: at 5,000 files more
//!   than the rest of the page's work), as asking a file's size does; streaming is asynchronous. Measured at 5,000
//!   articles, two runs each back to back: the workers' CPU 10.1 → 6.9 s, the browser process's 7.2 → 6.2 s, the
//!   page's 4.7 → 6.4 s, all shown 16.6 → 15.0 s. `stored_article` writes the JSON the storage keeps for an
//!   article a worker read (`model::article_json`'s form) from the record's JSON as the worker wrote it, so that
//!   the record never goes through the page's wasm again. `gloo-worker` brings its own protocol (its worker registrar and bincode) in
//!   place of the plain messages of `src/protocol.rs` that the worker binary answers. The merge worker
//!   (`src/merge_worker.rs`) is the same binary started once more, driven the same way.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use gloo_events::EventListener;
use js_sys::{Array, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(inline_js = r#"
const FOUND_EVERY = 64;
const file_of_entry = (e) => (e.isFile ? new Promise((ok, no) => e.file(ok, no)).catch(() => null) : null);
const file_of_handle = (h) => (h.kind === 'file' ? h.getFile().catch(() => null) : null);
async function walk_list(kids, inside, walker, file_of, walk_folder) {
  for (let i = 0; i < kids.length && !walker.stopped; i += 8) {
    const some = kids.slice(i, i + 8);
    const files = await Promise.all(some.map(file_of));
    for (let k = 0; k < some.length && !walker.stopped; k++) {
      if (files[k]) walker.out.push([inside + some[k].name, files[k]]);
      else await walk_folder(some[k], inside, walker);
    }
    if (walker.out.length >= FOUND_EVERY) hand_on(walker);
  }
}
async function walk_entry(entry, prefix, walker) {
  if (!entry.isDirectory) return;
  const reader = entry.createReader();
  while (!walker.stopped) {
    const batch = await new Promise((ok, no) => reader.readEntries(ok, no)).catch(() => []);
    if (!batch.length) break;
    await walk_list(batch, prefix + entry.name + '/', walker, file_of_entry, walk_entry);
  }
}
async function walk_handle(dir, prefix, walker) {
  if (dir.kind !== 'directory') return;
  const kids = [];
  try {
    for await (const h of dir.values()) kids.push(h);
  } catch { return; }
  kids.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  await walk_list(kids, prefix + dir.name + '/', walker, file_of_handle, walk_handle);
}
function hand_on(walker) {
  if (walker.out.length && !walker.stopped && walker.found(walker.out.splice(0)) === false) walker.stopped = true;
}
export async function dropped_files(dt, found) {
  const walker = { out: [], stopped: false, found };
  const entries = [];
  for (const item of Array.from(dt.items || [])) {
    const e = item.kind === 'file' && item.webkitGetAsEntry ? item.webkitGetAsEntry() : null;
    if (e) entries.push(e);
  }
  if (entries.length) {
    await walk_list(entries, '', walker, file_of_entry, walk_entry);
  } else {
    for (const f of Array.from(dt.files || [])) walker.out.push([f.name, f]);
  }
  hand_on(walker);
}
export const has_folder_picker = () => typeof window.showDirectoryPicker === 'function';
export async function choose_folder() {
  try {
    return await window.showDirectoryPicker({ id: 'hoinghi', mode: 'read' });
  } catch (e) {
    return e && e.name === 'AbortError' ? null : undefined;
  }
}
export async function folder_files(dir, found) {
  const walker = { out: [], stopped: false, found };
  await walk_handle(dir, '', walker);
  hand_on(walker);
}
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
      const [what, list, fraction] = e.data;
      if (what === 'progress') {
        const p = slot.pending.get(list);
        if (p && progress_listener) progress_listener(p.name, fraction);
        return;
      }
      for (const a of list) {
        const p = slot.pending.get(a[0]);
        slot.pending.delete(a[0]);
        if (p) p.ok(a);
      }
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
  while (extractors.length < EXTRACTORS) extractors.push({ worker: null, ready: null, pending: new Map(), outbox: [], timer: 0 });
  return extractors;
}
const QUEUED_FOR_SECOND = 4;
let progress_listener = null;
export function on_progress(listener) {
  progress_listener = listener;
}
export function warm_worker() {
  start(slots()[0]);
}
const GROUP = 8;
function send(slot) {
  clearTimeout(slot.timer);
  slot.timer = 0;
  const group = slot.outbox.splice(0, GROUP);
  if (slot.outbox.length) slot.timer = setTimeout(() => send(slot), 0);
  const bytes = group.map((a) => a[2]).filter((p) => p instanceof ArrayBuffer);
  if (group.length) start(slot).then(() => slot.worker.postMessage(['group', group], bytes), (why) => {
    for (const [id] of group) {
      const p = slot.pending.get(id);
      slot.pending.delete(id);
      if (p) p.no(why);
    }
  });
}
function call(name, payload, pasted) {
  const all = slots();
  const slot = all[0].pending.size < QUEUED_FOR_SECOND ? all[0]
    : all.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
  const id = ++seq;
  const answer = new Promise((ok, no) => slot.pending.set(id, { ok, no, name }));
  Promise.resolve(payload).then((payload) => {
    if (!slot.pending.has(id)) return;
    slot.outbox.push([id, name, payload, pasted]);
    if (!slot.timer) slot.timer = setTimeout(() => send(slot), 0);
  });
  return answer;
}
async function bytes_of(file, max) {
  try {
    const reader = file.stream().getReader();
    const chunks = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > max) {
        reader.cancel().catch(() => {});
        return file;
      }
      chunks.push(value);
    }
    const one = chunks[0];
    if (chunks.length === 1 && one.byteOffset === 0 && one.byteLength === one.buffer.byteLength) return one.buffer;
    const out = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.byteLength;
    }
    return out.buffer;
  } catch {
    return file;
  }
}
export function extract_text(name, text, pasted) {
  return call(name, text, pasted);
}
export function extract_file(name, file, max) {
  return call(name, bytes_of(file, max), false);
}
export function shape_text(font, sizes, text) {
  const ctx = document.createElement('canvas').getContext('2d');
  for (const size of ctx ? sizes : []) {
    ctx.font = `${size}px ${font}`;
    ctx.fillText(text, 0, 12);
  }
}
export function stored_article(name, record, note) {
  return [`{"name":${JSON.stringify(name)},"record":`, record, note == null ? '}' : `,"note":${JSON.stringify(note)}}`];
}
"#)]
extern "C" {
    fn dropped_files(dt: &web_sys::DataTransfer, found: &Closure<dyn FnMut(Array) -> bool>) -> Promise;
    /// Whether the browser has a folder picker that hands the folder's files one at a time (File System
    /// Access: Chromium's); elsewhere the folder input's list is the way.
    pub fn has_folder_picker() -> bool;
    fn choose_folder() -> Promise;
    fn folder_files(dir: &JsValue, found: &Closure<dyn FnMut(Array) -> bool>) -> Promise;
    pub fn warm_worker();
    /// Resolves to the JSON of `protocol::Extracted`; rejects with the reason when the worker failed.
    pub fn extract_text(name: &str, text: &str, pasted: bool) -> Promise;
    /// Streams a file here and transfers its bytes to a worker (over `max_bytes`, or unreadable here, it goes
    /// as its `File`, for the worker to refuse with the reason). Resolves as [`extract_text`] does.
    pub fn extract_file(name: &str, file: &web_sys::File, max_bytes: u32) -> Promise;
    /// The stored JSON of an article the worker read (`model::article_json`'s form) in three parts, its record's
    /// JSON as the UTF-8 bytes the worker sent between the two strings around it (`storage` reads them joined).
    pub fn stored_article(name: &str, record: &js_sys::Uint8Array, note: Option<String>) -> Array;
    /// Draws `text` in `font` at each of `sizes` (px) on a canvas never shown (`chart::canvas::warm_fonts`).
    pub fn shape_text(font: &str, sizes: &[u8], text: &str);
    #[wasm_bindgen(js_name = on_progress)]
    fn set_progress_listener(listener: &js_sys::Function);
}

/// Calls `listener(name, fraction done)` as a worker works through a huge article (over 1 MB).
pub fn on_extraction_progress(listener: impl Fn(String, f64) + 'static) {
    let listener = Closure::<dyn Fn(String, f64)>::new(listener);
    set_progress_listener(listener.as_ref().unchecked_ref());
    // Called for as long as the page lives.
    listener.forget();
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

/// What the folder picker gave.
pub enum Chosen {
    Folder(JsValue),
    /// The user closed the picker.
    Nothing,
    /// The browser refused it (an administrator's policy can): the folder input is the way left.
    Refused,
}

/// Opens the browser's folder picker (only where [`has_folder_picker`]).
pub async fn choose_folder_to_walk() -> Chosen {
    match JsFuture::from(choose_folder()).await {
        Ok(dir) if dir.is_null() => Chosen::Nothing,
        Ok(dir) if dir.is_object() => Chosen::Folder(dir),
        _ => Chosen::Refused,
    }
}

/// What a walk goes through: a drop (its folders walked) or a folder the picker gave.
pub enum Walked {
    Drop(web_sys::DataTransfer),
    Folder(JsValue),
}

/// Every file of a drop or a picked folder, subfolders walked, handed to `found` a few dozen at a time as the
/// walk finds them (it answers false to stop the walk); done when the walk is.
pub async fn walk_files(walked: Walked, mut found: impl FnMut(Vec<NamedFile>) -> bool + 'static) {
    let found = Closure::<dyn FnMut(Array) -> bool>::new(move |list: Array| found(pairs(list)));
    let walk = match &walked {
        Walked::Drop(dt) => dropped_files(dt, &found),
        Walked::Folder(dir) => folder_files(dir, &found),
    };
    let _ = JsFuture::from(walk).await;
}

/// The files chosen in an `<input type=file>` (with their folder path when a folder was picked).
pub fn files_of_input(input: &web_sys::HtmlInputElement) -> Vec<NamedFile> {
    let Some(list) = input.files() else { return Vec::new() };
    gloo_file::FileList::from(list)
        .iter()
        .map(|f| {
            let file: &web_sys::File = f.as_ref();
            // `webkitRelativePath` (not in web-sys): the path inside a picked folder, empty for single files.
            let path = js_sys::Reflect::get(file, &"webkitRelativePath".into()).ok().and_then(|p| p.as_string());
            (path.filter(|p| !p.is_empty()).unwrap_or_else(|| f.name()), file.clone())
        })
        .collect()
}

/// The file's bytes.
pub async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, ()> {
    gloo_file::futures::read_as_bytes(&gloo_file::Blob::from(file.clone())).await.map_err(|_| ())
}

/// A text file served beside the page (`path` relative to it, so it works under any sub-path): the map's grid,
/// the sample articles. The error says what failed, in Vietnamese, for the caller's message.
pub async fn fetch_text(path: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("không có cửa sổ")?;
    let response = JsFuture::from(window.fetch_with_str(path)).await.map_err(|_| "mạng")?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "trả lời lạ")?;
    if !response.ok() {
        return Err(format!("mã {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|_| "nội dung")?).await.map_err(|_| "nội dung")?;
    text.as_string().ok_or_else(|| "nội dung".to_string())
}

/// The answer of the worker for one article (`["answers", [[id, json, record bytes], ...]]` from
/// `src/bin/hoinghi-worker.rs`, each resolving its article's call): the JSON of `protocol::Extracted` without its
/// record, and the record's JSON (`protocol::split`) as the UTF-8 bytes the worker sent, which the page hands on
/// to its storage and to the merge worker as they are, and as a `String` copied from them, which it reads.
pub async fn extracted(call: Promise) -> Result<(String, Option<(js_sys::Uint8Array, String)>), String> {
    let odd = || "trả lời không phải văn bản".to_string();
    match JsFuture::from(call).await {
        Ok(answer) => {
            let answer: Array = answer.dyn_into().map_err(|_| odd())?;
            let json = answer.get(1).as_string().ok_or_else(odd)?;
            let record = answer.get(2).dyn_into::<js_sys::Uint8Array>().ok();
            let bytes = record.as_ref().map(|b| b.to_vec());
            // SAFETY: the bytes are `String::as_bytes` of the record's JSON, written by our own extraction worker
            // (`split_answer` in src/bin/hoinghi-worker.rs) and copied here as they are: valid UTF-8 by construction.
            // This function is the only reader of those answers, and a worker is the page's own script (no other
            // page or frame can post to it). Checking them again was ~0.25 s of a 5,000-article load in the profile.
            let text = bytes.map(|b| unsafe { String::from_utf8_unchecked(b) });
            Ok((json, record.zip(text)))
        }
        Err(e) => Err(e.as_string().unwrap_or_else(|| "lỗi không rõ".into())),
    }
}

/// A message port that answers on the next macrotask: a yield without `setTimeout`'s 4 ms clamp on nested
/// timers. Each message sent wakes the oldest waiter.
struct Ticks {
    send: web_sys::MessagePort,
    waiting: Rc<RefCell<VecDeque<js_sys::Function>>>,
    _listener: EventListener,
}

impl Ticks {
    fn new() -> Option<Ticks> {
        let channel = web_sys::MessageChannel::new().ok()?;
        let waiting = Rc::new(RefCell::new(VecDeque::<js_sys::Function>::new()));
        let woken = waiting.clone();
        let receive = channel.port1();
        let listener = EventListener::new(&receive, "message", move |_| {
            if let Some(ok) = woken.borrow_mut().pop_front() {
                let _ = ok.call0(&JsValue::UNDEFINED);
            }
        });
        // A port listened to with addEventListener must be started.
        receive.start();
        Some(Ticks { send: channel.port2(), waiting, _listener: listener })
    }
}

thread_local! {
    static TICKS: Option<Ticks> = Ticks::new();
}

/// Lets the browser paint and answer clicks.
pub async fn yield_now() {
    let tick = TICKS.with(|t| {
        t.as_ref().map(|t| {
            Promise::new(&mut |ok, _| {
                t.waiting.borrow_mut().push_back(ok);
                let _ = t.send.post_message(&JsValue::from(0));
            })
        })
    });
    match tick {
        Some(promise) => {
            let _ = JsFuture::from(promise).await;
        }
        None => gloo_timers::future::TimeoutFuture::new(0).await,
    }
}

/// Saves `text` as a file called `name`: a link to a Blob, clicked; its URL revoked a second later (Chrome
/// reads it after the click returns).
pub fn download(name: &str, text: &str, mime: &str) {
    download_blob(name, gloo_file::Blob::new_with_options(text, Some(mime)));
}

/// Saves bytes (a zip) as a file called `name`, as [`download`] does.
pub fn download_bytes(name: &str, bytes: &[u8], mime: &str) {
    download_blob(name, gloo_file::Blob::new_with_options(bytes, Some(mime)));
}

fn download_blob(name: &str, blob: gloo_file::Blob) {
    let url = gloo_file::ObjectUrl::from(blob);
    let Ok(a) = gloo_utils::document().create_element("a") else { return };
    let a: web_sys::HtmlAnchorElement = a.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    let body = gloo_utils::body();
    if body.append_child(&a).is_ok() {
        a.click();
        a.remove();
    }
    gloo_timers::callback::Timeout::new(1000, move || drop(url)).forget();
}

/// The time now, UTC, as `20240617T083000Z` (for file names and ICS stamps).
pub fn stamp() -> String {
    let iso = String::from(js_sys::Date::new_0().to_iso_string());
    // 2024-06-17T08:30:00.123Z: no dashes, no colons, no milliseconds.
    let compact: String = iso.chars().filter(|c| *c != '-' && *c != ':').collect();
    match (compact.find('.'), compact.find('Z')) {
        (Some(dot), Some(z)) if dot < z => format!("{}{}", &compact[..dot], &compact[z..]),
        _ => compact,
    }
}

/// Today's date, UTC, as `2024-06-17`.
pub fn today() -> String {
    String::from(js_sys::Date::new_0().to_iso_string()).chars().take(10).collect()
}

/// Asks the user to confirm (the browser's own dialog).
pub fn ask(text: &str) -> bool {
    gloo_utils::window().confirm_with_message(text).unwrap_or(false)
}

/// Milliseconds since the page started (`performance.now()`).
pub fn now() -> f64 {
    CLOCK.with(|clock| clock.as_ref().map(|p| p.now())).unwrap_or_else(js_sys::Date::now)
}

thread_local! {
    /// `window.performance`, asked for once: the loader reads the clock several times an article.
    static CLOCK: Option<web_sys::Performance> = gloo_utils::window().performance();
}

/// `location.hash`, `#` included (empty when there is none).
pub fn location_hash() -> String {
    gloo_utils::window().location().hash().unwrap_or_default()
}

/// Writes the address's hash (empty: none) in place of the current history entry.
pub fn replace_hash(hash: &str) {
    let location = gloo_utils::window().location();
    if location.hash().unwrap_or_default() == hash {
        return;
    }
    let url = if hash.is_empty() {
        location.pathname().unwrap_or_default() + &location.search().unwrap_or_default()
    } else {
        hash.to_string()
    };
    let history = gloo_utils::history();
    let state = history.state().unwrap_or(JsValue::NULL);
    let _ = history.replace_state_with_url(&state, "", Some(&url));
}

pub fn scroll_y() -> f64 {
    gloo_utils::window().scroll_y().unwrap_or(0.0)
}

/// Scrolls the page back to `y` on the next frame.
pub fn scroll_back(y: f64) {
    leptos::prelude::request_animation_frame(move || {
        let window = gloo_utils::window();
        window.scroll_to_with_x_and_y(window.scroll_x().unwrap_or(0.0), y);
    });
}

/// Brings the element `id` to the middle of the screen on the next frame.
pub fn scroll_to(id: &str) {
    let id = id.to_string();
    leptos::prelude::request_animation_frame(move || {
        if let Some(el) = gloo_utils::document().get_element_by_id(&id) {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Center);
            el.scroll_into_view_with_scroll_into_view_options(&options);
        }
    });
}
