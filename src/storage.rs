//! What the page keeps across reloads, in the browser's IndexedDB (database `hoinghi`, through the `idb`
//! crate): localStorage holds a few megabytes, an archive of thousands of articles needs hundreds.
//!
//! Two object stores:
//! - `articles`: the articles, a batch of up to [`BATCH`] a record, the value `[[name, json], ...]` (the JSON of
//!   `model::article_json`, a string or, for an article a worker read, in parts, strings and UTF-8 bytes), under a key the browser gives (`autoIncrement`): the key generator is the store's,
//!   shared by every tab, so two tabs loading articles at once never take the same key, and the keys grow in
//!   the order the articles were written, which is the order a reload brings them back (read a page at a time).
//!   Version 2 wrote one record an article, the value `[name, json]`; such records are read as they are (a
//!   user's archive stays whole) and written again only when one of their articles is renamed. Storing cost a
//!   5,000-article load 0.8 s of the page's CPU and 1.6 s of the browser process's (`make bench-page` with and
//!   without IndexedDB, `BENCH_NO_STORAGE=1`), mostly a request an article: 5,000 values of ~10 KB took the
//!   browser process 1.0–1.3 s of CPU one a request and 0.3–0.4 s 8 or 25 a request. The module keeps the name → key map of what this page stored or read back, to delete by name:
//!   an article removed from a batch is removed by writing the batch again without it (read in the same
//!   transaction). A stored article whose name another one already has (two tabs each loaded an `a.txt`) comes
//!   back renamed (`a (2).txt`, and is stored so); one with the same name and the same content (two tabs each
//!   loaded the samples) is the same article stored twice: the copy is dropped as it is read.
//! - `state`: a general key-value store for small page state (JSON text under a key), for whatever else must
//!   survive a reload: [`put_state`] / [`get_state`] / [`delete_state`], and [`update_state`] for what two tabs
//!   both change (a read and a write in one transaction: the corrections). Keys are named `part.what`
//!   (`corrections`, ...), one key per part of the page, so parts do not overwrite each other.
//!
//! Version 1 of the database numbered the articles itself, from the greatest key it saw when it opened: two
//! tabs open at once wrote over each other's articles. Opening version 2 moves them, in order and with their
//! keys, into the store with a key generator, inside the upgrade (if anything fails the upgrade is undone and
//! version 1 stays as it was). A tab of an older version still open is asked to close its connection (the
//! `versionchange` event): this version closes at once and says to reload ([`Notice::Replaced`]); one that does
//! not (version 1 never did) holds the upgrade (`blocked`), and the new tab says to close it
//! ([`Notice::Blocked`]), goes on in memory, and reads and writes once it is closed.
//!
//! Writes are queued ([`put_article`], [`delete_article`], [`clear_articles`], [`put_state`], ...) and go to the
//! database in one transaction per [`flush`], which takes everything queued since the last one: thousands of
//! articles arriving make a few transactions, not thousands. A write the browser refuses (quota, private
//! mode, no IndexedDB) is a [`NotKept`] for the caller to show, saying how many articles are stored and how
//! many are not; what the page holds in memory is untouched. A refused write is not tried again (a full
//! store would refuse the backlog with every new article); the articles it held are counted as not kept
//! until they are removed from the page.
//!
//! Articles of an earlier version of the page, in localStorage under `hoinghi.v1.*`, are read once by
//! [`legacy_articles`] and removed by [`forget_legacy`] once they are safely here.

use std::cell::{Cell, RefCell};
use std::collections::hash_map::DefaultHasher;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::future::IntoFuture;
use std::hash::{Hash, Hasher};
use std::rc::Rc;

use gloo_storage::Storage as _;
use idb::request::futures::AddStoreRequestFuture;
use idb::{
    CursorDirection, Database, DatabaseEvent, Event, Factory, KeyRange, ObjectStore, ObjectStoreParams, Query, Request,
    Transaction, TransactionMode, TransactionResult,
};
use js_sys::Array;
use wasm_bindgen::{JsCast, JsValue};

const DATABASE: &str = "hoinghi";
/// 1: article keys given by the page; 2: given by the store's key generator; 3: articles stored in batches
/// (the stores as in 2: a tab of version 2, which reads one article a record, is asked to step aside); 4: an
/// article's JSON may be stored in parts, strings and UTF-8 bytes (`protocol::text_of`; the stores as in 3: a tab of
/// version 3, which would pass such an article over, is asked to step aside).
const VERSION: u32 = 4;
/// At most this many articles a record of `articles`.
const BATCH: usize = 25;
const ARTICLES: &str = "articles";
/// Version 1's `articles` while version 2's upgrade moves them.
const ARTICLES_V1: &str = "articles.v1";
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
    /// A newer version of the page, opened in another tab, changed the database: this tab let go of it.
    Replaced,
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Refused(why) => write!(
                f,
                "Trình duyệt không cho trang lưu dữ liệu ({why}), có thể vì đây là cửa sổ ẩn danh hoặc trình duyệt chặn lưu trữ"
            ),
            StorageError::Full => f.write_str("Bộ nhớ trình duyệt dành cho trang đã đầy (QuotaExceededError)"),
            StorageError::Failed(why) => write!(f, "Không lưu được vào bộ nhớ trình duyệt ({why})"),
            StorageError::Replaced => {
                f.write_str("Trang vừa được mở bằng một phiên bản mới hơn ở thẻ khác; hãy tải lại thẻ này để lưu tiếp")
            }
        }
    }
}

/// What the page asked to keep and the browser did not: why, and how many articles are kept.
#[derive(Debug, Clone, PartialEq)]
pub struct NotKept {
    pub why: StorageError,
    /// Articles of the page stored in the browser.
    pub stored: usize,
    /// Articles of the page the browser refused: they are lost on a reload.
    pub unsaved: usize,
}

impl fmt::Display for NotKept {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let NotKept { why, stored, unsaved } = self;
        let file = "Hãy bấm “Lưu phiên làm việc” để giữ chúng trong một tệp.";
        if *unsaved > 0 {
            write!(
                f,
                "{why}: đã lưu {} bài; {} bài chưa lưu được vẫn còn trên trang nhưng sẽ mất khi tải lại. {file}",
                count_vi(*stored),
                count_vi(*unsaved)
            )
        } else {
            write!(f, "{why}: các bài vẫn còn trên trang nhưng những thay đổi mới nhất sẽ mất khi tải lại. {file}")
        }
    }
}

/// What the storage has to tell the user as it happens, not in answer to a write (the page shows it:
/// [`on_notice`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// Opening the database waits for another tab of the page, still on an older version of the database,
    /// to let go of it.
    Blocked,
    /// The wait is over: the database is open (or refused, which the next write says).
    Unblocked,
    /// A newer version of the page, opened in another tab, changed the database: this tab let go of it.
    Replaced,
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Notice::Blocked => {
                "Một thẻ Hội Nghị khác đang mở phiên bản cũ của trang nên trang chưa lưu được vào bộ nhớ trình duyệt: hãy đóng (hoặc tải lại) thẻ đó. Trong lúc chờ, các bài vẫn nạp và giữ trên trang; thẻ kia đóng là trang tự lưu tiếp."
            }
            Notice::Unblocked => "Đã mở được bộ nhớ trình duyệt: trang lưu tiếp như thường.",
            Notice::Replaced => {
                "Trang vừa được cập nhật ở một thẻ khác: hãy tải lại thẻ này. Các bài đang có trên trang vẫn còn, nhưng thẻ này không lưu thêm được gì cho đến khi tải lại."
            }
        })
    }
}

/// Tells `show` what the storage has to say as it happens ([`Notice`]); the page calls it once, at start.
pub fn on_notice(show: impl Fn(Notice) + 'static) {
    NOTICE.with(|n| *n.borrow_mut() = Some(Rc::new(show)));
}

/// What shows a [`Notice`] to the user.
type ShowNotice = Rc<dyn Fn(Notice)>;

fn notice(what: Notice) {
    // Called outside the borrow: the page may open the storage again from it.
    if let Some(show) = NOTICE.with(|n| n.borrow().clone()) {
        show(what);
    }
}

/// A count as Vietnamese writes it (`5.000`).
fn count_vi(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
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
            // The variants without a browser error are slips of this code, not the browser's refusal; one message
            // says so (idb's Display or Debug would add ~2 KB of English to the first load, for no user).
            _ => JsValue::from_str("lỗi trong mã của trang khi dùng IndexedDB"),
        };
        StorageError::from_js(&value, refused)
    }
}

/// One queued write.
enum Op {
    /// The article's name and its JSON (a JS string: an article a worker read is never copied into the page's wasm).
    PutArticle(String, JsValue),
    DeleteArticle(String),
    /// A stored copy of an article read back before it (same name, same content): removed as it is read.
    DropCopy(f64),
    /// A batch read back, written again as it now is (copies dropped, names given anew).
    PutBatch(f64, Vec<Entry>),
    ClearArticles,
    PutState(String, String),
    DeleteState(String),
}

thread_local! {
    /// The open database, once [`open`] has answered (or why it could not be opened).
    static DB: RefCell<Option<Result<Rc<Database>, StorageError>>> = const { RefCell::new(None) };
    /// [`open`] is waiting for the browser: a second caller waits for its answer rather than open another
    /// connection (which would be left open, holding the next version's upgrade).
    static OPENING: Cell<bool> = const { Cell::new(false) };
    /// Who shows the user a [`Notice`].
    static NOTICE: RefCell<Option<ShowNotice>> = const { RefCell::new(None) };
    static QUEUE: RefCell<Vec<Op>> = const { RefCell::new(Vec::new()) };
    static FLUSHING: Cell<bool> = const { Cell::new(false) };
    static WAITING: Cell<bool> = const { Cell::new(false) };
    /// The key of every article this page stored or read back, by name.
    static KEYS: RefCell<HashMap<String, f64>> = RefCell::new(HashMap::new());
    /// How many records a page of [`articles_after`] reads: at first a few (they may be batches), then as many as
    /// make a page of articles at the records' size so far.
    static PAGE_RECORDS: Cell<u32> = const { Cell::new(4) };
    /// Every name this page asked to store or read back (stored, queued or refused): a stored article read
    /// later under one of them is renamed.
    static TAKEN: RefCell<HashSet<String>> = RefCell::new(HashSet::new());
    /// A fingerprint of the JSON of each article read back, by name: a second record with the same name and
    /// the same JSON is a copy.
    static READ: RefCell<HashSet<(String, u64)>> = RefCell::new(HashSet::new());
    /// Articles and state keys whose last write the browser refused, and why (the last refusal).
    static UNSAVED: RefCell<HashSet<String>> = RefCell::new(HashSet::new());
    static UNSAVED_STATE: RefCell<HashSet<String>> = RefCell::new(HashSet::new());
    static LAST_REFUSAL: RefCell<Option<StorageError>> = const { RefCell::new(None) };
    /// The greatest key when the database was opened: what a reload brings back ends there (articles
    /// written since are on the page already).
    static LAST_AT_OPEN: Cell<f64> = const { Cell::new(0.0) };
}

/// Opens the database (once; later calls answer at once with the same result, and calls made while it opens
/// wait for it).
pub async fn open() -> Result<Rc<Database>, StorageError> {
    loop {
        if let Some(done) = DB.with(|d| d.borrow().clone()) {
            return done;
        }
        if !OPENING.with(|o| o.replace(true)) {
            break;
        }
        // Opening can wait for another tab for as long as it stays open (`blocked`): polled, as `flush` waits.
        gloo_timers::future::TimeoutFuture::new(20).await;
    }
    let result = match open_database().await {
        Ok(mut db) => {
            // A newer version opening the database in another tab waits for this connection to close: it is
            // closed at once, and the user told to reload (what the page holds stays; writes say they cannot).
            db.on_version_change(|_| {
                let open = DB.with(|d| d.replace(Some(Err(StorageError::Replaced))));
                if let Some(Ok(db)) = open {
                    db.close();
                }
                notice(Notice::Replaced);
            });
            last_key(&db).await.map(|last| {
                LAST_AT_OPEN.with(|l| l.set(last));
                Rc::new(db)
            })
        }
        Err(e) => Err(e),
    };
    DB.with(|d| *d.borrow_mut() = Some(result.clone()));
    OPENING.with(|o| o.set(false));
    result
}

async fn open_database() -> Result<Database, StorageError> {
    let refused = |e| StorageError::from_idb(e, true);
    let factory = Factory::new().map_err(|_| StorageError::Refused("không có IndexedDB".into()))?;
    let mut request = factory.open(DATABASE, Some(VERSION)).map_err(refused)?;
    // Another tab holds an older version open and did not let go when asked (a page of version 1 never
    // does): the request waits until that tab closes or reloads. The user is told which tab to close; the
    // page goes on in memory, and its writes wait for this answer.
    let blocked = Rc::new(Cell::new(false));
    request.on_blocked({
        let blocked = blocked.clone();
        move |_| {
            blocked.set(true);
            notice(Notice::Blocked);
        }
    });
    request.on_upgrade_needed(|event| {
        let (Ok(db), Ok(request)) = (event.database(), event.target()) else { return };
        let Some(tx) = request.transaction() else { return };
        if let Err(e) = upgrade(db, &tx) {
            web_sys::console::warn_1(
                &format!("hoinghi: không nâng cấp được cơ sở dữ liệu ({})", StorageError::from_idb(e, false)).into(),
            );
            let _ = tx.abort();
        }
    });
    let opened = request.await.map_err(refused);
    if blocked.get() {
        notice(Notice::Unblocked);
    }
    opened
}

/// Brings the stores to this version: `state` as it was; `articles` with a key generator (version 1's
/// articles moved into it, see [`move_v1_articles`]).
fn upgrade(db: Database, tx: &Transaction) -> Result<(), idb::Error> {
    let names = db.store_names();
    if !names.iter().any(|n| n == STATE) {
        db.create_object_store(STATE, ObjectStoreParams::new())?;
    }
    let v1 = names.iter().any(|n| n == ARTICLES) && !tx.object_store(ARTICLES)?.auto_increment();
    if v1 {
        tx.object_store(ARTICLES)?.set_name(ARTICLES_V1);
    }
    if v1 || !names.iter().any(|n| n == ARTICLES) {
        let mut params = ObjectStoreParams::new();
        params.auto_increment(true);
        db.create_object_store(ARTICLES, params)?;
    }
    if v1 {
        let tx = tx.object_store(ARTICLES)?.transaction();
        wasm_bindgen_futures::spawn_local(async move {
            if let Err(e) = move_v1_articles(&db, &tx).await {
                web_sys::console::warn_1(
                    &format!("hoinghi: không chuyển được các bài đã lưu ({})", StorageError::from_idb(e, false)).into(),
                );
                let _ = tx.abort();
            }
        });
    }
    Ok(())
}

/// Moves version 1's articles into the new store, in order and under the same keys (the key generator goes on
/// after the greatest), then drops the old store; all inside the upgrade's transaction, so that a failure
/// leaves version 1 as it was. The requests are issued from the answers of the ones before (as a promise
/// library over IndexedDB does), which keeps the transaction open.
async fn move_v1_articles(db: &Database, tx: &Transaction) -> Result<(), idb::Error> {
    let from = tx.object_store(ARTICLES_V1)?;
    let to = tx.object_store(ARTICLES)?;
    let mut cursor = from.open_cursor(None, None)?.await?;
    while let Some(c) = cursor {
        // Not awaited one by one: a failing one fails the transaction, and with it the upgrade.
        to.add(&c.value()?, Some(&c.key()?))?;
        cursor = c.next(None)?.await?;
    }
    db.delete_object_store(ARTICLES_V1)
}

/// The greatest article key stored (0 when none): what a reload reads ends there, so that an article added
/// while a reload is still reading the stored ones is not read back a second time.
async fn last_key(db: &Database) -> Result<f64, StorageError> {
    let failed = |e| StorageError::from_idb(e, false);
    let tx = db.transaction(&[ARTICLES], TransactionMode::ReadOnly).map_err(failed)?;
    let store = tx.object_store(ARTICLES).map_err(failed)?;
    let cursor = store.open_key_cursor(None, Some(CursorDirection::Prev)).map_err(failed)?.await.map_err(failed)?;
    Ok(cursor.and_then(|c| c.key().ok()).and_then(|k| k.as_f64()).unwrap_or(0.0))
}

/// Queues the article's JSON under its name (replacing what this page stored under that name).
pub fn put_article(name: &str, json: String) {
    put_article_js(name, JsValue::from_str(&json));
}

/// [`put_article`] with the article's JSON as a JS string (`browser::stored_article`).
pub fn put_article_js(name: &str, json: JsValue) {
    TAKEN.with(|t| t.borrow_mut().insert(name.to_string()));
    QUEUE.with(|q| q.borrow_mut().push(Op::PutArticle(name.to_string(), json)));
}

/// Queues the removal of the article stored under `name` (and drops a write of it still queued).
pub fn delete_article(name: &str) {
    TAKEN.with(|t| t.borrow_mut().remove(name));
    UNSAVED.with(|u| u.borrow_mut().remove(name));
    QUEUE.with(|q| {
        let mut q = q.borrow_mut();
        q.retain(|op| !matches!(op, Op::PutArticle(n, _) if n == name));
        q.push(Op::DeleteArticle(name.to_string()));
    });
}

/// Queues the removal of every article (what was queued before is dropped with them).
pub fn clear_articles() {
    TAKEN.with(|t| t.borrow_mut().clear());
    READ.with(|r| r.borrow_mut().clear());
    UNSAVED.with(|u| u.borrow_mut().clear());
    QUEUE.with(|q| {
        let mut q = q.borrow_mut();
        q.retain(|op| !matches!(op, Op::PutArticle(..) | Op::DeleteArticle(_) | Op::DropCopy(_) | Op::PutBatch(..)));
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

/// What [`update_state`] leaves under its key.
pub enum StateUpdate {
    /// What is there (nothing to write).
    Keep,
    Put(String),
    Delete,
}

/// Reads the JSON kept under `key` and writes what `update` makes of it, in one transaction: another tab's
/// write of the key comes before the read or after the write, never between (two tabs keeping the
/// corrections each take the other's rather than overwrite them). Not queued: it answers when written. A
/// refusal is kept like a refused [`put_state`], for [`flush`] to say.
pub async fn update_state(key: &str, update: impl FnOnce(Option<String>) -> StateUpdate) -> Result<(), StorageError> {
    let result = read_and_write_state(key, update).await;
    match &result {
        Ok(()) => drop(UNSAVED_STATE.with(|u| u.borrow_mut().remove(key))),
        Err(why) => {
            UNSAVED_STATE.with(|u| u.borrow_mut().insert(key.to_string()));
            LAST_REFUSAL.with(|l| *l.borrow_mut() = Some(why.clone()));
        }
    }
    result
}

async fn read_and_write_state(
    key: &str,
    update: impl FnOnce(Option<String>) -> StateUpdate,
) -> Result<(), StorageError> {
    let db = open().await?;
    let failed = |e| StorageError::from_idb(e, false);
    let tx = db.transaction(&[STATE], TransactionMode::ReadWrite).map_err(failed)?;
    let store = tx.object_store(STATE).map_err(failed)?;
    let watched = store.transaction();
    // The write is issued from the read's answer, which keeps the transaction open (as `move_v1_articles`).
    let now = store.get(Query::Key(key.into())).map_err(failed)?.await.map_err(failed)?;
    match update(now.and_then(|v| v.as_string())) {
        StateUpdate::Keep => {}
        StateUpdate::Put(json) => drop(store.put(&json.as_str().into(), Some(&key.into())).map_err(failed)?),
        StateUpdate::Delete => drop(store.delete(Query::Key(key.into())).map_err(failed)?),
    }
    match tx.commit().map_err(failed)?.await.map_err(failed)? {
        TransactionResult::Committed => Ok(()),
        TransactionResult::Aborted => Err(match watched.error() {
            Some(e) => StorageError::from_js(&e.into(), false),
            None => StorageError::Failed("giao dịch bị hủy".into()),
        }),
    }
}

/// Writes everything queued, one transaction a round, until the queue is empty; `Err` while anything the
/// page asked to keep is not kept (this round's refusal or an earlier one's), with the counts. One flush runs
/// at a time: a second waits for it, then writes what is left, so that its answer covers what was queued
/// before it was called; a third, while one already waits, answers at once with what is known (the waiting
/// one will write its queue and answer).
pub async fn flush() -> Result<(), NotKept> {
    if FLUSHING.with(Cell::get) {
        if WAITING.with(|w| w.replace(true)) {
            return not_kept().map_or(Ok(()), Err);
        }
        while FLUSHING.with(Cell::get) {
            gloo_timers::future::TimeoutFuture::new(10).await;
        }
        WAITING.with(|w| w.set(false));
    }
    FLUSHING.with(|f| f.set(true));
    let db = open().await;
    loop {
        let ops = QUEUE.with(|q| std::mem::take(&mut *q.borrow_mut()));
        if ops.is_empty() {
            break;
        }
        let written = match &db {
            Ok(db) => write(db, &ops).await,
            Err(e) => Err(e.clone()),
        };
        settle(&ops, written);
    }
    FLUSHING.with(|f| f.set(false));
    not_kept().map_or(Ok(()), Err)
}

/// What is not kept, if anything: why (the last refusal) and the counts.
fn not_kept() -> Option<NotKept> {
    let unsaved = UNSAVED.with(|u| u.borrow().len());
    let state = UNSAVED_STATE.with(|u| !u.borrow().is_empty());
    if unsaved == 0 && !state {
        return None;
    }
    let why = LAST_REFUSAL.with(|l| l.borrow().clone()).unwrap_or(StorageError::Failed("lỗi không rõ".into()));
    Some(NotKept { why, stored: KEYS.with(|k| k.borrow().len()), unsaved })
}

/// An article as a batch record holds it: its name and its JSON (a JS string).
type Entry = (String, JsValue);

/// The batches a round added: the names in each, and the key the store gave it (none when the round failed).
type Added = Vec<(Vec<String>, Option<f64>)>;

/// After a round: the name → key map follows what was written; what was refused is counted as not kept.
fn settle(ops: &[Op], written: Result<Added, StorageError>) {
    match written {
        Ok(added) => {
            for op in ops {
                match op {
                    Op::PutArticle(name, _) => drop(UNSAVED.with(|u| u.borrow_mut().remove(name))),
                    Op::DeleteArticle(name) => drop(KEYS.with(|k| k.borrow_mut().remove(name))),
                    Op::ClearArticles => KEYS.with(|k| k.borrow_mut().clear()),
                    Op::DropCopy(_) | Op::PutBatch(..) => {}
                    Op::PutState(key, _) | Op::DeleteState(key) => {
                        UNSAVED_STATE.with(|u| u.borrow_mut().remove(key));
                    }
                }
            }
            for (names, key) in added {
                let Some(key) = key else { continue };
                KEYS.with(|k| k.borrow_mut().extend(names.into_iter().map(|name| (name, key))));
            }
        }
        Err(why) => {
            for op in ops {
                match op {
                    // Still on the page (a removal since would have dropped it from the queue).
                    Op::PutArticle(name, _) if TAKEN.with(|t| t.borrow().contains(name)) => {
                        UNSAVED.with(|u| u.borrow_mut().insert(name.clone()));
                    }
                    Op::PutState(key, _) | Op::DeleteState(key) => {
                        UNSAVED_STATE.with(|u| u.borrow_mut().insert(key.clone()));
                    }
                    _ => {}
                }
            }
            LAST_REFUSAL.with(|l| *l.borrow_mut() = Some(why));
        }
    }
}

/// One transaction over both stores: the records an article leaves read first, then every op issued at once,
/// the transaction awaited once; then the keys the store gave to the batches added.
async fn write(db: &Database, ops: &[Op]) -> Result<Added, StorageError> {
    let failed = |e| StorageError::from_idb(e, false);
    let tx = db.transaction(&[ARTICLES, STATE], TransactionMode::ReadWrite).map_err(failed)?;
    let articles = tx.object_store(ARTICLES).map_err(failed)?;
    let state = tx.object_store(STATE).map_err(failed)?;
    // Why the browser aborted it, if it does: a store over its quota fails the commit, not a request.
    let watched = articles.transaction();
    let mut added = Vec::new();
    // The ops are issued from the reads' answers, which keeps the transaction open (as `update_state`).
    let outcome = match read_records(&articles, ops).await {
        Err(e) => Err(e),
        Ok(read) => issue(&articles, &state, ops, read, &mut added),
    };
    let outcome = match outcome {
        Err(e) => {
            let _ = tx.abort();
            Err(failed(e))
        }
        // Committed now rather than when the page next idles: a reload right after a load must find it written.
        Ok(()) => match tx.commit().map_err(failed) {
            Err(e) => Err(e),
            Ok(tx) => match tx.await.map_err(failed) {
                Ok(TransactionResult::Committed) => Ok(()),
                Ok(TransactionResult::Aborted) => Err(match watched.error() {
                    Some(e) => StorageError::from_js(&e.into(), false),
                    None => StorageError::Failed("giao dịch bị hủy".into()),
                }),
                Err(e) => Err(e),
            },
        },
    };
    // Every request added answers, with its key or (the transaction aborted) an error: each answer is
    // awaited, also after a failure, so that none comes to a listener already dropped.
    let mut keys = Vec::with_capacity(added.len());
    for (names, answer) in added {
        keys.push((names, answer.await.ok().and_then(|k: JsValue| k.as_f64())));
    }
    outcome.map(|()| keys)
}

/// A record an article of the round leaves (removed, or stored anew), as read at the start of the round: its key,
/// whether it is a batch (or version 2's one article), and its articles.
type Read = (f64, bool, Vec<Entry>);

/// Reads the records the round's ops take an article out of.
async fn read_records(articles: &ObjectStore, ops: &[Op]) -> Result<Vec<Read>, idb::Error> {
    let mut keys: Vec<f64> = Vec::new();
    for op in ops {
        if let Op::DeleteArticle(name) | Op::PutArticle(name, _) = op {
            if let Some(key) = KEYS.with(|k| k.borrow().get(name).copied()).filter(|k| !keys.contains(k)) {
                keys.push(key);
            }
        }
    }
    // All asked at once, then their answers read.
    let mut asked = Vec::with_capacity(keys.len());
    for key in &keys {
        asked.push(articles.get(Query::Key((*key).into()))?.into_future());
    }
    let mut read = Vec::with_capacity(keys.len());
    for (key, answer) in keys.into_iter().zip(asked) {
        let value = answer.await?.unwrap_or(JsValue::NULL);
        read.push((key, is_batch(&value), entries_of(&value)));
    }
    Ok(read)
}

/// The articles of a stored record: a batch's entries, or the one article of a version 2 record.
fn entries_of(value: &JsValue) -> Vec<Entry> {
    let Some(list) = value.dyn_ref::<Array>() else { return Vec::new() };
    if list.get(0).is_string() {
        return list.get(0).as_string().map(|name| vec![(name, list.get(1))]).unwrap_or_default();
    }
    list.iter()
        .filter_map(|pair| {
            let pair = pair.dyn_into::<Array>().ok()?;
            Some((pair.get(0).as_string()?, pair.get(1)))
        })
        .collect()
}

/// A batch record's value: `[[name, json], ...]`.
fn batch_value(entries: &[Entry]) -> JsValue {
    let value = Array::new();
    for (name, json) in entries {
        value.push(&Array::of2(&name.as_str().into(), json));
    }
    value.into()
}

/// Writes the record `key` as `entries` now are (deleted when none are left).
fn rewrite(articles: &ObjectStore, key: f64, entries: &[Entry]) -> Result<(), idb::Error> {
    match entries.is_empty() {
        true => drop(articles.delete(Query::Key(key.into()))?),
        false => drop(articles.put(&batch_value(entries), Some(&key.into()))?),
    }
    Ok(())
}

/// Issues the round's requests, not awaited one by one (a failing one fails the transaction): the new articles
/// in batches of [`BATCH`], each added with its names in `added` (its key comes with the answer); an article
/// leaving a batch (removed, or stored anew) writes the batch again without it, from the records `read`.
fn issue(
    articles: &ObjectStore,
    state: &ObjectStore,
    ops: &[Op],
    mut read: Vec<Read>,
    added: &mut Vec<(Vec<String>, AddStoreRequestFuture)>,
) -> Result<(), idb::Error> {
    // Names removed earlier in this round: written again, they are new records (at the end of the order).
    let mut gone: HashSet<&str> = HashSet::new();
    let mut cleared = false;
    let mut fresh: Vec<Entry> = Vec::new();
    for op in ops {
        let known = (!cleared)
            .then(|| match op {
                Op::PutArticle(name, _) | Op::DeleteArticle(name) if !gone.contains(name.as_str()) => {
                    KEYS.with(|k| k.borrow().get(name).copied())
                }
                _ => None,
            })
            .flatten();
        // The record the article is in, as read: a batch loses it (written again); version 2's record is the
        // article's own.
        let batch = known.and_then(|key| read.iter_mut().find(|(k, batch, _)| *k == key && *batch));
        match op {
            Op::PutArticle(name, json) => match (known, batch) {
                (Some(key), Some((_, _, entries))) => {
                    entries.retain(|(n, _)| n != name);
                    rewrite(articles, key, entries)?;
                    fresh.push((name.clone(), json.clone()));
                }
                // An article of version 2 given a new name as it was read: its record written again in place.
                (Some(key), None) => drop(articles.put(&Array::of2(&name.as_str().into(), json), Some(&key.into()))?),
                (None, _) => fresh.push((name.clone(), json.clone())),
            },
            Op::DeleteArticle(name) => {
                match (known, batch) {
                    (Some(key), Some((_, _, entries))) => {
                        entries.retain(|(n, _)| n != name);
                        rewrite(articles, key, entries)?;
                    }
                    (Some(key), None) => drop(articles.delete(Query::Key(key.into()))?),
                    (None, _) => {}
                }
                gone.insert(name);
            }
            Op::DropCopy(key) => drop(articles.delete(Query::Key((*key).into()))?),
            Op::PutBatch(key, entries) if !cleared => {
                rewrite(articles, *key, entries)?;
                read.retain(|(k, _, _)| k != key);
                read.push((*key, true, entries.clone()));
            }
            Op::PutBatch(..) => {}
            Op::ClearArticles => {
                cleared = true;
                articles.clear()?;
            }
            Op::PutState(key, json) => drop(state.put(&json.as_str().into(), Some(&key.as_str().into()))?),
            Op::DeleteState(key) => drop(state.delete(Query::Key(key.as_str().into()))?),
        }
        // What was queued before a clear went with it (`clear_articles`): nothing fresh is left to add before it.
        if fresh.len() >= BATCH || (cleared && !fresh.is_empty()) {
            add_batch(articles, &mut fresh, added)?;
        }
    }
    if !fresh.is_empty() {
        add_batch(articles, &mut fresh, added)?;
    }
    Ok(())
}

/// Adds the articles `fresh` as one batch record (emptying it); its key comes with the answer, in `added`.
fn add_batch(
    articles: &ObjectStore,
    fresh: &mut Vec<Entry>,
    added: &mut Vec<(Vec<String>, AddStoreRequestFuture)>,
) -> Result<(), idb::Error> {
    let answer = articles.add(&batch_value(fresh), None)?.into_future();
    added.push((fresh.drain(..).map(|(name, _)| name).collect(), answer));
    Ok(())
}

/// A fingerprint of an article's JSON, to know a copy of one read back.
fn fingerprint(json: &str) -> u64 {
    let mut h = DefaultHasher::new();
    json.hash(&mut h);
    h.finish()
}

/// Up to `limit` articles stored before this visit, after the key `after` (from the start when `None`), in
/// the order they were loaded: (their key, for the next page; name; JSON); none when all are read. The names
/// are remembered, to delete them later; a name already taken is given anew (the article is stored so), and
/// a copy of an article read before (same name and content: two tabs loaded the same files) is dropped.
pub async fn articles_after(after: Option<f64>, limit: u32) -> Result<Vec<(f64, String, String)>, StorageError> {
    let db = open().await?;
    let failed = |e| StorageError::from_idb(e, false);
    let until = LAST_AT_OPEN.with(Cell::get);
    let mut from = after.unwrap_or(0.0);
    // Pages made only of copies are passed over: an empty answer means the end.
    while from < until {
        let records = PAGE_RECORDS.with(Cell::get).clamp(1, limit.max(1));
        let tx = db.transaction(&[ARTICLES], TransactionMode::ReadOnly).map_err(failed)?;
        let store = tx.object_store(ARTICLES).map_err(failed)?;
        let range = KeyRange::bound(&from.into(), &until.into(), Some(true), Some(false)).map_err(failed)?;
        let range = Some(Query::KeyRange(range));
        let keys = store.get_all_keys(range.clone(), Some(records)).map_err(failed)?.await.map_err(failed)?;
        let values = store.get_all(range, Some(records)).map_err(failed)?.await.map_err(failed)?;
        let mut out = Vec::with_capacity(values.len());
        let mut articles = 0;
        for (key, value) in keys.iter().zip(values) {
            let Some(key) = key.as_f64() else { continue };
            let entries = entries_of(&value);
            articles += entries.len();
            out.extend(read_record(key, is_batch(&value), entries));
        }
        // The next page: as many records as make `limit` articles at this page's size of a record.
        if articles > 0 {
            let per_record = articles.div_ceil(keys.len().max(1));
            PAGE_RECORDS.with(|p| p.set((limit as usize / per_record).max(1) as u32));
        }
        match keys.last().and_then(|k| k.as_f64()) {
            _ if !out.is_empty() => return Ok(out),
            Some(last) => from = last,
            None => break,
        }
    }
    Ok(Vec::new())
}

/// Whether a stored record is a batch (`[[name, json], ...]`) rather than version 2's one article.
fn is_batch(value: &JsValue) -> bool {
    value.dyn_ref::<Array>().is_some_and(|list| !list.get(0).is_string())
}

/// The articles of the record under `key` read back ([`read_back`]); a record whose articles changed as they
/// were read (a copy dropped, a name given anew) is queued to be written so.
fn read_record(key: f64, batch: bool, entries: Vec<Entry>) -> Vec<(f64, String, String)> {
    let mut out = Vec::with_capacity(entries.len());
    let mut kept = Vec::with_capacity(entries.len());
    let mut changed = false;
    for (name, value) in entries {
        // Not an article's JSON: left as it is, and not read (as version 2 did).
        // An article a worker read is stored in parts (`browser::stored_article`: its record's JSON as the UTF-8
        // bytes the worker sent, between the two strings around it), never copied or converted on its way.
        let Some(json) = crate::protocol::text_of(&value) else {
            kept.push((name, value));
            continue;
        };
        match read_back(key, &name, json) {
            ReadBack::Copy => changed = true,
            ReadBack::Article(new_name, json) if new_name == name => {
                kept.push((name, value));
                out.push((key, new_name, json));
            }
            ReadBack::Article(new_name, json) => {
                changed = true;
                kept.push((new_name.clone(), JsValue::from_str(&json)));
                out.push((key, new_name, json));
            }
        }
    }
    let op = match (changed, batch) {
        (false, _) => None,
        (true, true) => Some(Op::PutBatch(key, kept)),
        // Version 2's one article a record: a copy is deleted, a name given anew is written in place.
        (true, false) => Some(match kept.pop() {
            None => Op::DropCopy(key),
            Some((name, json)) => Op::PutArticle(name, json),
        }),
    };
    if let Some(op) = op {
        QUEUE.with(|q| q.borrow_mut().push(op));
    }
    out
}

/// What became of a stored article read back.
enum ReadBack {
    /// The same name and content as one read before it (two tabs stored it): dropped.
    Copy,
    /// Its name on the page (given anew when another article has it already) and its JSON.
    Article(String, String),
}

/// One stored article read back: remembered under its name, renamed when the name is taken, dropped when it
/// is a copy of one read before.
fn read_back(key: f64, name: &str, json: String) -> ReadBack {
    let print = (name.to_string(), fingerprint(&json));
    if READ.with(|r| r.borrow().contains(&print)) {
        return ReadBack::Copy;
    }
    READ.with(|r| r.borrow_mut().insert(print));
    let (name, json) = match TAKEN.with(|t| t.borrow().contains(name)) {
        true => renamed(name, json),
        false => (name.to_string(), json),
    };
    KEYS.with(|k| k.borrow_mut().insert(name.clone(), key));
    TAKEN.with(|t| t.borrow_mut().insert(name.clone()));
    ReadBack::Article(name, json)
}

/// The article's JSON under a name not taken yet (read and written as the page reads and writes a stored
/// article, `model::SavedArticle`).
fn renamed(name: &str, json: String) -> (String, String) {
    let Ok(mut article) = serde_json::from_str::<crate::model::SavedArticle>(&json) else {
        // Not an article: reading it says so.
        return (name.to_string(), json);
    };
    article.name = TAKEN.with(|t| crate::model::unique_name(name, &t.borrow()));
    let renamed = serde_json::to_string(&article).unwrap_or(json);
    (article.name, renamed)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refusal_says_why_and_how_many_articles_are_kept() {
        let not_kept = |why, stored, unsaved| NotKept { why, stored, unsaved }.to_string();
        let cases: &[(String, &[&str])] = &[
            (
                not_kept(StorageError::Full, 1234, 3766),
                &[
                    "đã đầy (QuotaExceededError): đã lưu 1.234 bài; 3.766 bài chưa lưu được vẫn còn trên trang",
                    "Lưu phiên làm việc",
                ],
            ),
            (
                not_kept(StorageError::Refused("SecurityError: denied".into()), 0, 5),
                &["không cho trang lưu dữ liệu (SecurityError: denied)", "đã lưu 0 bài; 5 bài chưa lưu được"],
            ),
            (
                not_kept(StorageError::Failed("AbortError".into()), 12, 0),
                &["(AbortError): các bài vẫn còn trên trang nhưng những thay đổi mới nhất sẽ mất khi tải lại"],
            ),
            (not_kept(StorageError::Replaced, 3, 1), &["phiên bản mới hơn ở thẻ khác", "đã lưu 3 bài; 1 bài chưa lưu"]),
        ];
        for (text, says) in cases {
            for part in *says {
                assert!(text.contains(part), "{text:?} does not say {part:?}");
            }
        }
        let counts = [(0, "0"), (999, "999"), (1000, "1.000"), (5000, "5.000"), (1234567, "1.234.567")];
        for (n, written) in counts {
            assert_eq!(count_vi(n), written);
        }
    }
}
