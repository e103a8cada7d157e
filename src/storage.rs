//! What the page keeps across reloads, in the browser's IndexedDB (database `hoinghi`, through the `idb`
//! crate): localStorage holds a few megabytes, an archive of thousands of articles needs hundreds.
//!
//! Two object stores:
//! - `articles`: one record an article, keyed by a number that grows as articles arrive (so a reload brings
//!   them back in the order they were loaded, read a page at a time), the value `[name, json]` (the JSON of
//!   `model::article_json`). The module keeps the name → key map of what it stored, to delete by name.
//! - `state`: a general key-value store for small page state (JSON text under a key), for whatever else must
//!   survive a reload: [`put_state`] / [`get_state`] / [`delete_state`]. Keys are named `part.what`
//!   (`corrections.v1`, ...), one key per part of the page, so parts do not overwrite each other.
//!
//! Writes are queued ([`put_article`], [`delete_article`], [`clear_articles`], [`put_state`], ...) and go to the
//! database in one transaction per [`flush`], which takes everything queued since the last one: thousands of
//! articles arriving make a few transactions, not thousands. A write the browser refuses (quota, private
//! mode, no IndexedDB) is a [`StorageError`] for the caller to show; what the page holds in memory is untouched.
//!
//! Articles of an earlier version of the page, in localStorage under `hoinghi.v1.*`, are read once by
//! [`legacy_articles`] and removed by [`forget_legacy`] once they are safely here.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::fmt;
use std::rc::Rc;

use gloo_storage::Storage as _;
use idb::{
    CursorDirection, Database, DatabaseEvent, Factory, KeyRange, ObjectStoreParams, Query, TransactionMode,
    TransactionResult,
};
use js_sys::Array;
use wasm_bindgen::{JsCast, JsValue};

const DATABASE: &str = "hoinghi";
const VERSION: u32 = 1;
const ARTICLES: &str = "articles";
const STATE: &str = "state";

/// Why the browser did not keep something. The page goes on with what it holds in memory.
#[derive(Debug, Clone, PartialEq)]
pub enum StorageError {
    /// No IndexedDB, or the browser refused to open it (private window, a site setting); the browser's words.
    Refused(String),
    /// The browser's space for this site is used up (`QuotaExceededError`).
    Full,
    /// A read or write failed otherwise; the browser's words.
    Failed(String),
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let keep = "các bài vẫn còn trên trang nhưng sẽ mất khi tải lại. Hãy bấm “Lưu phiên làm việc” để giữ chúng trong một tệp.";
        match self {
            StorageError::Refused(why) => write!(
                f,
                "Trình duyệt không cho trang lưu dữ liệu ({why}), có thể vì đây là cửa sổ ẩn danh hoặc trình duyệt chặn lưu trữ: {keep}"
            ),
            StorageError::Full => {
                write!(f, "Bộ nhớ trình duyệt dành cho trang đã đầy (QuotaExceededError): {keep}")
            }
            StorageError::Failed(why) => write!(f, "Không lưu được vào bộ nhớ trình duyệt ({why}): {keep}"),
        }
    }
}

impl StorageError {
    /// From what the browser threw or reported: a `DOMException` named `QuotaExceededError` is a full store.
    fn from_js(value: &JsValue, refused: bool) -> StorageError {
        let name = js_sys::Reflect::get(value, &"name".into()).ok().and_then(|n| n.as_string());
        let message = js_sys::Reflect::get(value, &"message".into()).ok().and_then(|n| n.as_string());
        if name.as_deref() == Some("QuotaExceededError") {
            return StorageError::Full;
        }
        let why = match (name, message) {
            (Some(n), Some(m)) if !m.is_empty() => format!("{n}: {m}"),
            (Some(n), _) => n,
            _ => value.as_string().unwrap_or_else(|| "lỗi không rõ".into()),
        };
        if refused {
            StorageError::Refused(why)
        } else {
            StorageError::Failed(why)
        }
    }

    fn from_idb(e: idb::Error, refused: bool) -> StorageError {
        let value = match e {
            idb::Error::DomException(d) => d.into(),
            idb::Error::IndexedDbNotFound(v) | idb::Error::IndexedDbOpenFailed(v) => v,
            idb::Error::UpdateFailed(v) | idb::Error::AddFailed(v) | idb::Error::TransactionOpenFailed(v) => v,
            other => JsValue::from(other.to_string()),
        };
        StorageError::from_js(&value, refused)
    }
}

/// One queued write.
enum Op {
    PutArticle(String, String),
    DeleteArticle(String),
    ClearArticles,
    PutState(String, String),
    DeleteState(String),
}

thread_local! {
    /// The open database, once [`open`] has answered (or why it could not be opened).
    static DB: RefCell<Option<Result<Rc<Database>, StorageError>>> = const { RefCell::new(None) };
    static QUEUE: RefCell<Vec<Op>> = const { RefCell::new(Vec::new()) };
    static FLUSHING: Cell<bool> = const { Cell::new(false) };
    /// The key of every article stored, by name; and the next key to give.
    static KEYS: RefCell<HashMap<String, f64>> = RefCell::new(HashMap::new());
    static NEXT_KEY: Cell<f64> = const { Cell::new(1.0) };
    /// The greatest key when the database was opened: what a reload brings back ends there (articles
    /// written since are on the page already).
    static LAST_AT_OPEN: Cell<f64> = const { Cell::new(0.0) };
}

/// Opens the database (once; later calls answer at once with the same result).
pub async fn open() -> Result<Rc<Database>, StorageError> {
    if let Some(done) = DB.with(|d| d.borrow().clone()) {
        return done;
    }
    let result = match open_database().await {
        Ok(db) => last_key(&db).await.map(|last| {
            NEXT_KEY.with(|n| n.set(n.get().max(last + 1.0)));
            LAST_AT_OPEN.with(|l| l.set(last));
            Rc::new(db)
        }),
        Err(e) => Err(e),
    };
    // Two callers may have raced to open: the first answer is kept.
    DB.with(|d| d.borrow_mut().get_or_insert(result).clone())
}

async fn open_database() -> Result<Database, StorageError> {
    let refused = |e| StorageError::from_idb(e, true);
    let factory = Factory::new().map_err(|_| StorageError::Refused("không có IndexedDB".into()))?;
    let mut request = factory.open(DATABASE, Some(VERSION)).map_err(refused)?;
    request.on_upgrade_needed(|event| {
        // Version 1: the two stores, keys given by the page (no key path).
        if let Ok(db) = event.database() {
            let names = db.store_names();
            for store in [ARTICLES, STATE] {
                if !names.iter().any(|n| n == store) {
                    let _ = db.create_object_store(store, ObjectStoreParams::new());
                }
            }
        }
    });
    request.await.map_err(refused)
}

/// The greatest article key stored (0 when none): new articles are numbered after it, so that an article
/// added while a reload is still reading the stored ones never takes the key of one not yet read.
async fn last_key(db: &Database) -> Result<f64, StorageError> {
    let failed = |e| StorageError::from_idb(e, false);
    let tx = db.transaction(&[ARTICLES], TransactionMode::ReadOnly).map_err(failed)?;
    let store = tx.object_store(ARTICLES).map_err(failed)?;
    let cursor = store.open_key_cursor(None, Some(CursorDirection::Prev)).map_err(failed)?.await.map_err(failed)?;
    Ok(cursor.and_then(|c| c.key().ok()).and_then(|k| k.as_f64()).unwrap_or(0.0))
}

/// Queues the article's JSON under its name (replacing what was stored under that name).
pub fn put_article(name: &str, json: String) {
    QUEUE.with(|q| q.borrow_mut().push(Op::PutArticle(name.to_string(), json)));
}

pub fn delete_article(name: &str) {
    QUEUE.with(|q| q.borrow_mut().push(Op::DeleteArticle(name.to_string())));
}

/// Queues the removal of every article (what was queued before is dropped with them).
pub fn clear_articles() {
    QUEUE.with(|q| {
        let mut q = q.borrow_mut();
        q.retain(|op| !matches!(op, Op::PutArticle(..) | Op::DeleteArticle(_)));
        q.push(Op::ClearArticles);
    });
}

/// Queues small page state (JSON text) under `key` in the `state` store; [`flush`] writes it.
pub fn put_state(key: &str, json: String) {
    QUEUE.with(|q| q.borrow_mut().push(Op::PutState(key.to_string(), json)));
}

pub fn delete_state(key: &str) {
    QUEUE.with(|q| q.borrow_mut().push(Op::DeleteState(key.to_string())));
}

/// The JSON text kept under `key` in the `state` store, `None` when there is none.
pub async fn get_state(key: &str) -> Result<Option<String>, StorageError> {
    let db = open().await?;
    let failed = |e| StorageError::from_idb(e, false);
    let tx = db.transaction(&[STATE], TransactionMode::ReadOnly).map_err(failed)?;
    let store = tx.object_store(STATE).map_err(failed)?;
    let value = store.get(Query::Key(key.into())).map_err(failed)?.await.map_err(failed)?;
    Ok(value.and_then(|v| v.as_string()))
}

/// Writes everything queued, one transaction a round, until the queue is empty. When a flush is already
/// running it answers `Ok` at once: the running one takes what was just queued and reports its errors.
/// On an error the round's writes are dropped (the page still holds them in memory) and later ones stay queued.
pub async fn flush() -> Result<(), StorageError> {
    if FLUSHING.with(|f| f.replace(true)) {
        return Ok(());
    }
    let result = flush_rounds().await;
    FLUSHING.with(|f| f.set(false));
    result
}

async fn flush_rounds() -> Result<(), StorageError> {
    let db = open().await;
    loop {
        let ops = QUEUE.with(|q| std::mem::take(&mut *q.borrow_mut()));
        if ops.is_empty() {
            return Ok(());
        }
        let db = db.clone()?;
        write(&db, ops).await?;
    }
}

/// One transaction over both stores: every op issued at once, the transaction awaited once.
async fn write(db: &Database, ops: Vec<Op>) -> Result<(), StorageError> {
    let failed = |e| StorageError::from_idb(e, false);
    let tx = db.transaction(&[ARTICLES, STATE], TransactionMode::ReadWrite).map_err(failed)?;
    let articles = tx.object_store(ARTICLES).map_err(failed)?;
    let state = tx.object_store(STATE).map_err(failed)?;
    for op in ops {
        // The requests are not awaited one by one: a failing one fails the transaction, awaited below.
        let issued = match op {
            Op::PutArticle(name, json) => {
                let key = KEYS.with(|k| *k.borrow_mut().entry(name.clone()).or_insert_with(next_key));
                let value = Array::of2(&name.into(), &json.into());
                articles.put(&value, Some(&key.into())).map(drop)
            }
            Op::DeleteArticle(name) => match KEYS.with(|k| k.borrow_mut().remove(&name)) {
                Some(key) => articles.delete(Query::Key(key.into())).map(drop),
                None => Ok(()),
            },
            Op::ClearArticles => {
                KEYS.with(|k| k.borrow_mut().clear());
                articles.clear().map(drop)
            }
            Op::PutState(key, json) => state.put(&json.into(), Some(&key.into())).map(drop),
            Op::DeleteState(key) => state.delete(Query::Key(key.into())).map(drop),
        };
        if let Err(e) = issued {
            let _ = tx.abort();
            return Err(failed(e));
        }
    }
    // Committed now rather than when the page next idles: a reload right after a load must find it written.
    let tx = tx.commit().map_err(failed)?;
    match tx.await.map_err(failed)? {
        TransactionResult::Committed => Ok(()),
        TransactionResult::Aborted => Err(StorageError::Failed("giao dịch bị hủy".into())),
    }
}

fn next_key() -> f64 {
    NEXT_KEY.with(|n| n.replace(n.get() + 1.0))
}

/// Up to `limit` articles stored before this visit, after the key `after` (from the start when `None`), in
/// the order they were loaded: (their key, for the next page; name; JSON). The names are remembered, to
/// delete them later.
pub async fn articles_after(after: Option<f64>, limit: u32) -> Result<Vec<(f64, String, String)>, StorageError> {
    let db = open().await?;
    let failed = |e| StorageError::from_idb(e, false);
    let from = after.unwrap_or(0.0);
    let until = LAST_AT_OPEN.with(Cell::get);
    if from >= until {
        return Ok(Vec::new());
    }
    let tx = db.transaction(&[ARTICLES], TransactionMode::ReadOnly).map_err(failed)?;
    let store = tx.object_store(ARTICLES).map_err(failed)?;
    let range =
        Some(Query::KeyRange(KeyRange::bound(&from.into(), &until.into(), Some(true), Some(false)).map_err(failed)?));
    let keys = store.get_all_keys(range.clone(), Some(limit)).map_err(failed)?.await.map_err(failed)?;
    let values = store.get_all(range, Some(limit)).map_err(failed)?.await.map_err(failed)?;
    let mut out = Vec::with_capacity(values.len());
    for (key, value) in keys.iter().zip(values) {
        let (Some(key), Ok(pair)) = (key.as_f64(), value.dyn_into::<Array>()) else { continue };
        let (Some(name), Some(json)) = (pair.get(0).as_string(), pair.get(1).as_string()) else { continue };
        KEYS.with(|k| k.borrow_mut().insert(name.clone(), key));
        NEXT_KEY.with(|n| n.set(n.get().max(key + 1.0)));
        out.push((key, name, json));
    }
    Ok(out)
}

const LEGACY_INDEX: &str = "hoinghi.v1.index";

fn legacy_key(name: &str) -> String {
    format!("hoinghi.v1.article:{name}")
}

/// localStorage, when the browser lets the page read it (it throws in some private modes).
fn local_storage_usable() -> bool {
    web_sys::window().is_some_and(|w| matches!(w.local_storage(), Ok(Some(_))))
}

/// The articles an earlier version of the page kept in localStorage (`hoinghi.v1.*`): the JSON of each, in order.
pub fn legacy_articles() -> Vec<String> {
    if !local_storage_usable() {
        return Vec::new();
    }
    let names: Vec<String> = gloo_storage::LocalStorage::get(LEGACY_INDEX).unwrap_or_default();
    let raw = gloo_storage::LocalStorage::raw();
    names.iter().filter_map(|n| raw.get_item(&legacy_key(n)).ok().flatten()).collect()
}

/// Removes the localStorage articles of an earlier version, once they are in IndexedDB.
pub fn forget_legacy() {
    if !local_storage_usable() {
        return;
    }
    let names: Vec<String> = gloo_storage::LocalStorage::get(LEGACY_INDEX).unwrap_or_default();
    for n in names {
        gloo_storage::LocalStorage::delete(legacy_key(&n));
    }
    gloo_storage::LocalStorage::delete(LEGACY_INDEX);
}
