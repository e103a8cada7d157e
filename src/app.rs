//! The page's state and the loading pipeline: articles come in (paste, files, folders, samples, a saved
//! workspace), are decoded and extracted by the extraction workers in rounds that yield to the browser,
//! checked against the texts already loaded (a copy is refused, `duplicates`), and filed with the merge
//! worker (`merge_worker`), which answers the merged view while the page stays free; the filtered view
//! feeds every table, the timeline and every export.

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet, VecDeque};
use std::rc::Rc;
use std::sync::Arc;

use hoinghi_core::{Record, Span};
use hoinghi_merge::{Corrections, FactRef, Merged};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::browser;
use crate::components::{ArticleList, EvidencePanel, ExportBar, FilterBar, InputPanel, SiteHeader, Views};
use crate::correcting::History;
use crate::duplicates::Texts;
use crate::filtering;
use crate::fixed::fixed;
use crate::model::{self, Article, Filters, Tab};
use crate::pdf;
use crate::storage;
use crate::{merge_worker, merging, protocol};

/// An `Arc` compared by identity, so that memos over big values stay cheap.
#[derive(Debug)]
pub struct Shared<T>(pub Arc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T: Default> Default for Shared<T> {
    fn default() -> Self {
        Shared(Arc::new(T::default()))
    }
}

/// The articles' records by name, as corrected. Kept in parts shared from one value to the next: a showing of
/// the articles read adds a part of theirs rather than building the map of every article again (at 10,000
/// articles a load shows what it read some forty times); a removal or a change of the corrections builds it
/// anew, and past [`RECORDS_PARTS`] parts they are joined into one.
#[derive(Debug, Default)]
pub struct Records {
    parts: Vec<Arc<HashMap<String, Arc<Record>>>>,
    /// How many articles of the list (its first ones) the parts hold.
    len: usize,
    /// The list's removals and the corrections' changes seen (`Ws::removals`, the corrections' version).
    seen: (u64, u64),
}

/// At most this many parts of [`Records`] before they are joined.
const RECORDS_PARTS: usize = 8;

impl Records {
    pub fn get(&self, name: &str) -> Option<&Arc<Record>> {
        self.parts.iter().rev().find_map(|part| part.get(name))
    }

    /// The records of `list` corrected by `corrections`: from `before`'s parts and the articles added since when
    /// nothing was removed nor corrected since (`seen` is as it was), all of them anew otherwise.
    fn follow(before: Option<&Records>, list: &[Article], corrections: &Corrections, seen: (u64, u64)) -> Records {
        let of = |articles: &[Article]| -> HashMap<String, Arc<Record>> {
            articles
                .iter()
                .filter_map(|a| Some((a.name.clone(), crate::correcting::corrected(corrections, a.record.as_ref()?))))
                .collect()
        };
        let mut parts = match before {
            Some(b) if b.seen == seen && b.len <= list.len() => {
                let mut parts = b.parts.clone();
                parts.push(Arc::new(of(&list[b.len..])));
                parts
            }
            _ => vec![Arc::new(of(list))],
        };
        if parts.len() > RECORDS_PARTS {
            let mut one = HashMap::with_capacity(list.len());
            for part in &parts {
                one.extend(part.iter().map(|(name, record)| (name.clone(), record.clone())));
            }
            parts = vec![Arc::new(one)];
        }
        Records { parts, len: list.len(), seen }
    }
}

impl filtering::RecordsByName for Records {
    fn record(&self, name: &str) -> Option<&Arc<Record>> {
        self.get(name)
    }
}

/// What the evidence panel shows: every mention of what was clicked, the one shown highlighted.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    /// (article, sentence) of every mention: an official's, a meeting's reports, a document's citations.
    pub mentions: Vec<(String, Span)>,
    /// The one shown.
    pub index: usize,
    /// What was clicked (a meeting's name, an official, a document number).
    pub label: String,
    /// Where the page was scrolled when it opened, to go back there on closing (at phone width the
    /// panel sits below the list).
    pub scrolled: f64,
}

impl Evidence {
    /// The article and sentence shown.
    pub fn current(&self) -> Option<&(String, Span)> {
        self.mentions.get(self.index)
    }
}

/// The page's state, shared with every component through the context.
#[derive(Clone, Copy)]
pub struct Ws {
    pub articles: RwSignal<Vec<Article>>,
    pub merged: RwSignal<Shared<Merged>>,
    pub filters: RwSignal<Filters>,
    pub records: Memo<Shared<Records>>,
    pub view: Memo<Shared<Merged>>,
    /// The values of each list filter with how many each keeps.
    pub facets: Memo<model::Facets>,
    /// (done, total) while a batch loads.
    pub progress: RwSignal<Option<(usize, usize)>>,
    /// Seconds the batch still needs, by its pace so far (once it has one).
    pub seconds_left: RwSignal<Option<f64>>,
    /// A huge article (over 1 MB) the workers are reading: its name and the fraction done.
    pub huge: RwSignal<Option<(String, f64)>>,
    /// Dropped or picked folders still being walked, their files queued as found: the batch's total grows, and
    /// the loader waits for more while one is.
    pub walking: RwSignal<u32>,
    /// Copies refused: (copy, the article already loaded with the same text).
    pub duplicates: RwSignal<Vec<(String, String)>>,
    /// A message about storage or a workspace file.
    pub message: RwSignal<Option<String>>,
    pub evidence: RwSignal<Option<Evidence>>,
    /// The view shown (kept in the address with the filters).
    pub tab: RwSignal<Tab>,
    /// The user's corrections (`correcting.rs`); `records` and the merge see the articles corrected.
    pub corrections: RwSignal<Corrections>,
    /// Every corrected fact, for the "đã sửa" marks.
    pub marked: Memo<Shared<HashSet<FactRef>>>,
    pub(crate) history: RwSignal<History>,
    /// The normalised texts of the articles on the page, to refuse a copy.
    texts: StoredValue<Texts>,
    /// Bumped as articles are taken out of the list (`records` then builds its map anew).
    removals: StoredValue<u64>,
    prepared: StoredValue<Option<Prepared>>,
}

/// A merged view read for filtering before it is shown, each step in a task of its own (`Ws::show_merged`): the
/// filtering memos take it when they see that view with those filters. At 5,000 articles the index, the filters'
/// pass and the views' rebuild were one task of 60-90 ms of CPU, over 100 ms on a busy machine.
struct Prepared {
    merged: Shared<Merged>,
    index: Shared<filtering::Index>,
    filters: Filters,
    filtered: (Shared<Merged>, model::Facets),
}

/// The view `f` keeps of `merged`, and the lists' counts.
fn filtered_view(merged: &Shared<Merged>, index: &filtering::Index, f: &Filters) -> (Shared<Merged>, model::Facets) {
    let kept = filtering::keep(&merged.0, index, f);
    let view = if f.is_empty() { merged.clone() } else { Shared(Arc::new(filtering::view(&merged.0, &kept))) };
    (view, kept.facets)
}

/// One piece of work for the loader.
pub enum Job {
    Text {
        name: String,
        text: String,
        pasted: bool,
    },
    File {
        name: String,
        file: web_sys::File,
    },
    Saved(Article),
    /// Read back from the browser's storage: already stored.
    Stored(Article),
}

thread_local! {
    static QUEUE: RefCell<VecDeque<Job>> = const { RefCell::new(VecDeque::new()) };
    static RUNNING: Cell<bool> = const { Cell::new(false) };
    /// Bumped by "Xóa tất cả": answers for articles handed out before it are dropped.
    static GENERATION: Cell<u32> = const { Cell::new(0) };
    /// Set by "Dừng": the loader stops after the round in flight.
    static CANCELLED: Cell<bool> = const { Cell::new(false) };
    /// Bumped by "Dừng" and "Xóa tất cả": a folder still being walked stops handing on its files.
    static STOPS: Cell<u32> = const { Cell::new(0) };
    /// A merged view is being asked for; asked again after it when articles changed meanwhile.
    static MERGING: Cell<bool> = const { Cell::new(false) };
    static MERGE_AGAIN: Cell<bool> = const { Cell::new(false) };
    /// Milliseconds waiting for the workers, reading merged views back and showing them (longest task), in all.
    static STATS: Cell<(f64, f64, f64)> = const { Cell::new((0.0, 0.0, 0.0)) };
    /// Milliseconds of the page's own work on the answers: reading and filing them, showing them.
    static FILING: Cell<(f64, f64)> = const { Cell::new((0.0, 0.0)) };
    /// Milliseconds the last merged view took, asked to shown (the next is asked for no sooner than a few
    /// times that: the merge worker recomputes the whole view on a core the extraction also wants).
    static MERGE_TOOK: Cell<f64> = const { Cell::new(0.0) };
}

/// How many stored articles a reload reads (and checks) at a time, yielding between pages.
const RESTORE_PAGE: u32 = 100;

thread_local! {
    /// The storage message on show, to take it away once a write succeeds again.
    static STORAGE_MESSAGE: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// At most this often the merged view is asked for while a batch loads (the merge worker recomputes it
/// whole: about a second at 5,000 articles, on a core the extraction also wants).
const MERGE_EVERY_MS: f64 = 2000.0;

/// Milliseconds waiting for the workers and reading merged views, for the console line at the end of a batch.
fn add_stat(wait: f64, read: f64) {
    STATS.with(|s| {
        let (a, b, c) = s.get();
        s.set((a + wait, b.max(read), c + read));
    });
}

/// Milliseconds reading and filing answers, and showing what was read, for the console line.
fn add_filing(filing: f64, showing: f64) {
    FILING.with(|s| {
        let (a, b) = s.get();
        s.set((a + filing, b + showing));
    });
}

/// How many articles the workers hold at any time: topped up as each answer comes, so that they never wait
/// for the page.
const IN_FLIGHT: usize = 48;

/// How long the loader waits for a folder's walk to find more files when every file found is read.
const WALK_WAIT_MS: u32 = 20;

/// The page's work on answers in one task at most (then it yields to clicks and painting).
const SLICE_MS: f64 = 25.0;

/// At most this often the articles read are shown (the list, the counts, the progress) and stored: each
/// showing costs the page a layout, so not for every answer.
const SHOW_EVERY_MS: f64 = 400.0;

impl Ws {
    fn new() -> Ws {
        let articles = RwSignal::new(Vec::<Article>::new());
        let merged = RwSignal::new(Shared::<Merged>::default());
        let filters = RwSignal::new(Filters::default());
        let corrections = RwSignal::new(Corrections::default());
        let removals = StoredValue::new(0u64);
        // Counts the corrections' changes: `records` builds its map anew after one.
        let corrected = Memo::new(move |before: Option<&u64>| {
            corrections.track();
            before.map_or(0, |n| n + 1)
        });
        let records = Memo::new(move |before: Option<&Shared<Records>>| {
            let seen = (removals.get_value(), corrected.get());
            corrections
                .with(|c| articles.with(|list| Shared(Arc::new(Records::follow(before.map(|b| &*b.0), list, c, seen)))))
        });
        // The merged view read for filtering once (src/filtering.rs), then one pass a change of the filters for
        // the view and the lists' counts. (The records are read, not followed: the merged view follows them.)
        // A view `show_merged` read ahead is taken as it is (`Prepared`).
        let prepared = StoredValue::new(None::<Prepared>);
        let index = Memo::new(move |_| {
            merged.with(|m| {
                let ready = prepared.with_value(|p| p.as_ref().filter(|p| p.merged == *m).map(|p| p.index.clone()));
                ready.unwrap_or_else(|| Shared(Arc::new(filtering::Index::new(&m.0, &*records.get_untracked().0))))
            })
        });
        let filtered = Memo::new(move |_| {
            let (m, f) = (merged.get(), filters.get());
            // The index first (it takes the prepared one), so that this memo follows it whichever way it goes.
            index.with(|i| match prepared.try_update_value(Option::take).flatten() {
                Some(p) if p.merged == m && p.filters == f => p.filtered,
                _ => filtered_view(&m, &i.0, &f),
            })
        });
        let view = Memo::new(move |_| filtered.with(|(v, _)| v.clone()));
        let facets = Memo::new(move |_| filtered.with(|(_, f)| f.clone()));
        Ws {
            articles,
            merged,
            filters,
            records,
            view,
            facets,
            progress: RwSignal::new(None),
            seconds_left: RwSignal::new(None),
            huge: RwSignal::new(None),
            walking: RwSignal::new(0),
            duplicates: RwSignal::new(Vec::new()),
            message: RwSignal::new(None),
            evidence: RwSignal::new(None),
            tab: RwSignal::new(Tab::default()),
            corrections,
            marked: Memo::new(move |_| Shared(Arc::new(corrections.with(Corrections::marked)))),
            prepared,
            history: RwSignal::new(History::default()),
            texts: StoredValue::new(Texts::default()),
            removals,
        }
    }

    /// Queues jobs and starts the loader if it is idle.
    pub fn enqueue(self, jobs: Vec<Job>) {
        if jobs.is_empty() {
            return;
        }
        QUEUE.with(|q| q.borrow_mut().extend(jobs));
        if !RUNNING.with(Cell::get) {
            RUNNING.with(|r| r.set(true));
            CANCELLED.with(|c| c.set(false));
            leptos::task::spawn_local(self.run());
        }
    }

    /// Queues a dropped or picked folder's files as its walk finds them, so that the first are read while the
    /// walk goes on; the loader waits for more until the walk is done, and a stop or a clear ends the walk.
    pub async fn enqueue_walk(self, walked: browser::Walked) {
        let stops = STOPS.with(Cell::get);
        self.walking.update(|w| *w += 1);
        let found = Rc::new(Cell::new(0usize));
        let counted = found.clone();
        browser::walk_files(walked, move |files| {
            if STOPS.with(Cell::get) != stops {
                return false;
            }
            counted.set(counted.get() + files.len());
            self.enqueue(files.into_iter().map(|(name, file)| Job::File { name, file }).collect());
            true
        })
        .await;
        if found.get() == 0 && STOPS.with(Cell::get) == stops {
            self.message.set(Some("Không tìm thấy tệp nào để đọc trong thư mục này.".into()));
        }
        self.walking.update(|w| *w -= 1);
    }

    async fn run(self) {
        let started = browser::now();
        let mut done = 0usize;
        let mut last_merge = started;
        let mut last_shown = started;
        let mut slice = started;
        let mut flight: VecDeque<Pending> = VecDeque::new();
        let mut taken = self.names();
        let mut generation = GENERATION.with(Cell::get);
        // Read since the last showing.
        let mut read = Read::default();
        // The bar from the start: a single huge article shows how far it has got before it is read.
        self.progress.set(Some((0, QUEUE.with(|q| q.borrow().len()))));
        loop {
            if generation != GENERATION.with(Cell::get) {
                // "Xóa tất cả": the answers still on their way are for articles no longer wanted.
                generation = GENERATION.with(Cell::get);
                flight.clear();
                read = Read::default();
                taken = self.names();
            }
            // Keep the workers busy: hand out articles as answers come, before the page works on one.
            QUEUE.with(|q| {
                let mut q = q.borrow_mut();
                while flight.len() < IN_FLIGHT {
                    let Some(job) = q.pop_front() else { break };
                    flight.push_back(dispatch(job, &mut taken));
                }
            });
            let Some(next) = flight.pop_front() else {
                if self.walking.get_untracked() > 0 {
                    // A folder is still being walked: its next files are on their way.
                    gloo_timers::future::TimeoutFuture::new(WALK_WAIT_MS).await;
                    slice = browser::now();
                    continue;
                }
                break;
            };
            let t = browser::now();
            let settled = next.settle().await;
            let waited = browser::now() - t;
            add_stat(waited, 0.0);
            if waited > 1.0 {
                // The task ended while waiting: a new slice starts.
                slice = browser::now();
            }
            if generation != GENERATION.with(Cell::get) {
                continue;
            }
            done += 1;
            let t = browser::now();
            self.file(settled, &mut read);
            add_filing(browser::now() - t, 0.0);
            let now = browser::now();
            let left = QUEUE.with(|q| q.borrow().len()) + flight.len();
            if now - last_shown >= SHOW_EVERY_MS || left == 0 {
                // The showing in a task of its own: the views it changes are rebuilt in the task that changes
                // them (the effects run before it ends), which after a slice of filing ran past 100 ms.
                browser::yield_now().await;
                if generation != GENERATION.with(Cell::get) {
                    continue;
                }
                let now = browser::now();
                self.show_read(std::mem::take(&mut read));
                self.progress.set(Some((done, done + left)));
                self.seconds_left.set(seconds_left(done, left, now - started));
                last_shown = now;
                add_filing(0.0, browser::now() - now);
                let every = MERGE_EVERY_MS.max(3.0 * MERGE_TOOK.with(Cell::get));
                if left > 0 && now - last_merge > every {
                    self.remerge();
                    last_merge = now;
                }
                browser::yield_now().await;
                slice = browser::now();
            }
            if browser::now() - slice > SLICE_MS {
                browser::yield_now().await;
                slice = browser::now();
            }
        }
        self.show_read(read);
        // The last merged view, with every article, before the batch is done.
        self.seconds_left.set(None);
        self.huge.set(None);
        if done > 0 {
            self.show_merged().await;
        }
        // Articles queued while that view was on its way (a reload's next page of stored articles): the
        // loader is still the running one, so it takes them.
        if QUEUE.with(|q| !q.borrow().is_empty()) {
            return Box::pin(self.run()).await;
        }
        self.progress.set(None);
        RUNNING.with(|r| r.set(false));
        CANCELLED.with(|c| c.set(false));
        let (wait, longest_read, read) = STATS.with(|s| s.replace((0.0, 0.0, 0.0)));
        let (filing, showing) = FILING.with(|s| s.replace((0.0, 0.0)));
        let memory = wasm_bindgen::memory()
            .unchecked_into::<js_sys::WebAssembly::Memory>()
            .buffer()
            .unchecked_into::<js_sys::ArrayBuffer>()
            .byte_length();
        web_sys::console::info_1(
            &format!("hoinghi: {done} bài trong {} ms; chờ bộ trích xuất {} ms, đọc và nộp câu trả lời {} ms, hiện danh sách {} ms, đọc kết quả gộp {} ms (lâu nhất {} ms); bộ nhớ wasm của trang {} MB", fixed(browser::now() - started, 0), fixed(wait, 0), fixed(filing, 0), fixed(showing, 0), fixed(read, 0), fixed(longest_read, 0), fixed(f64::from(memory) / 1048576.0, 1)).into(),
        );
    }

    /// The names on the page (a new article's name must differ).
    fn names(self) -> HashSet<String> {
        self.articles.with_untracked(|l| l.iter().map(|a| a.name.clone()).collect())
    }

    /// Refuses a copy of an article already loaded, keeps the others for the merge worker (their record's
    /// JSON as the worker wrote it, unless the user corrected the article; sent with the next showing) and
    /// for the storage those not stored yet.
    fn file(self, settled: Settled, read: &mut Read) {
        let Settled { article, stored, record_json } = settled;
        if self.huge.with_untracked(|h| h.as_ref().is_some_and(|(name, _)| *name == article.name)) {
            self.huge.set(None);
        }
        if let Some(record) = &article.record {
            if let Err(first) = self.texts.try_update_value(|t| t.file(&article.name, &record.text)).unwrap_or(Ok(())) {
                read.refused.push((article.name.clone(), first));
                return;
            }
            // The merge sees the article as the user corrected it.
            let corrected = self.corrections.with_untracked(|c| c.apply(record));
            let bytes = |r: &Record| js_sys::Uint8Array::from(serde_json::to_string(r).unwrap_or_default().as_bytes());
            read.merge.push(match (corrected, &record_json) {
                (Some(corrected), _) => bytes(&corrected),
                (None, Some(json)) => json.clone(),
                (None, None) => bytes(record),
            });
        }
        if !stored {
            let json = match &record_json {
                Some(json) => browser::stored_article(&article.name, json, article.note.clone()).into(),
                None => JsValue::from_str(&model::article_json(&article)),
            };
            read.fresh.push((article.name.clone(), json));
        }
        read.articles.push(article);
    }

    /// Shows the articles read since the last time in the list and the copies refused, and stores those
    /// not stored yet.
    fn show_read(self, read: Read) {
        let Read { articles, fresh, refused, merge } = read;
        merge_worker::add_all(&merge.iter().collect());
        if !articles.is_empty() {
            self.articles.update(|l| l.extend(articles));
        }
        if !refused.is_empty() {
            self.duplicates.update(|d| d.extend(refused));
        }
        if !fresh.is_empty() {
            for (name, json) in fresh {
                storage::put_article_js(&name, json);
            }
            self.save();
        }
    }

    /// Stops loading: the articles not yet handed to the workers are dropped, those read are kept.
    pub fn cancel(self) {
        STOPS.with(|s| s.set(s.get().wrapping_add(1)));
        let dropped = QUEUE.with(|q| q.borrow_mut().drain(..).count());
        if dropped > 0 {
            CANCELLED.with(|c| c.set(true));
            self.message
                .set(Some(format!("Đã dừng: {dropped} bài chưa đọc được bỏ qua; các bài đã đọc vẫn giữ nguyên.")));
        }
    }

    /// Asks the merge worker for the merged view and shows it; while one is on its way, asks once more
    /// after it, so that the last answer holds every article.
    pub(crate) fn remerge(self) {
        if MERGING.with(|m| m.replace(true)) {
            MERGE_AGAIN.with(|a| a.set(true));
            return;
        }
        leptos::task::spawn_local(async move {
            loop {
                MERGE_AGAIN.with(|a| a.set(false));
                self.show_merged().await;
                if !MERGE_AGAIN.with(Cell::get) {
                    break;
                }
            }
            MERGING.with(|m| m.set(false));
        });
    }

    /// Asks the merge worker for the merged view of every article filed so far and shows it (answers come
    /// in the order asked, so a later call's view is never replaced by an earlier one's).
    async fn show_merged(self) {
        let generation = GENERATION.with(Cell::get);
        let asked = browser::now();
        let answer = merge_worker::merged_parts().await;
        // Read a part a task, so that no task is long however big the view.
        let mut read = merging::MergedParts::default();
        let (parts, mut result) = match answer {
            Ok(parts) => (parts, Ok(())),
            Err(e) => (Vec::new(), Err(e)),
        };
        for part in &parts {
            let t = browser::now();
            result = merge_worker::part_text(part).and_then(|text| read.read(&text));
            add_stat(0.0, browser::now() - t);
            if result.is_err() {
                break;
            }
            browser::yield_now().await;
        }
        if generation != GENERATION.with(Cell::get) {
            // Asked before "Xóa tất cả": the view asked after it follows.
            return;
        }
        match result {
            Ok(()) => {
                let t = browser::now();
                let merged = Shared(Arc::new(read.finish()));
                add_stat(0.0, browser::now() - t);
                if !self.prepare(merged.clone()).await {
                    return;
                }
                let t = browser::now();
                self.merged.set(merged);
                add_stat(0.0, browser::now() - t);
            }
            Err(e) => self.message.set(Some(format!(
                "Không gộp được các bài ({e}): các bảng có thể chưa đủ. Hãy tải lại trang; các bài đã lưu sẽ được nạp lại."
            ))),
        }
        MERGE_TOOK.with(|m| m.set(browser::now() - asked));
    }

    /// Reads `merged` for filtering ahead of showing it, a step a task ([`Prepared`]); false when the user
    /// cleared the page meanwhile.
    async fn prepare(self, merged: Shared<Merged>) -> bool {
        let generation = GENERATION.with(Cell::get);
        browser::yield_now().await;
        let t = browser::now();
        let index = Shared(Arc::new(filtering::Index::new(&merged.0, &*self.records.get_untracked().0)));
        add_stat(0.0, browser::now() - t);
        browser::yield_now().await;
        let t = browser::now();
        let filters = self.filters.get_untracked();
        let filtered = filtered_view(&merged, &index.0, &filters);
        self.prepared.set_value(Some(Prepared { merged, index, filters, filtered }));
        add_stat(0.0, browser::now() - t);
        browser::yield_now().await;
        generation == GENERATION.with(Cell::get)
    }

    /// Removes one article from the list and the merge.
    pub fn remove(self, name: &str) {
        self.removals.update_value(|n| *n += 1);
        self.articles.update(|l| l.retain(|a| a.name != name));
        merge_worker::remove(name);
        self.texts.update_value(|t| t.forget(name));
        if self.evidence.with_untracked(|e| e.as_ref().is_some_and(|e| e.mentions.iter().any(|(s, _)| s == name))) {
            self.evidence.set(None);
        }
        self.remerge();
        storage::delete_article(name);
        self.save();
    }

    /// Forgets every article (the caller asked the user first).
    pub fn clear(self) {
        QUEUE.with(|q| q.borrow_mut().clear());
        GENERATION.with(|g| g.set(g.get().wrapping_add(1)));
        STOPS.with(|s| s.set(s.get().wrapping_add(1)));
        self.removals.update_value(|n| *n += 1);
        self.articles.set(Vec::new());
        merge_worker::clear();
        self.texts.update_value(Texts::clear);
        self.duplicates.set(Vec::new());
        self.evidence.set(None);
        self.reset_corrections(Corrections::default());
        self.remerge();
        storage::clear_articles();
        self.save();
        self.message.set(None);
    }

    /// Replaces the workspace with the articles and corrections of an opened file (already validated).
    pub fn replace(self, articles: Vec<Article>, corrections: Corrections) {
        self.clear();
        self.reset_corrections(corrections);
        self.enqueue(articles.into_iter().map(Job::Saved).collect());
    }

    /// Writes what was queued for the storage, then shows (or takes away) the storage message.
    pub(crate) fn save(self) {
        leptos::task::spawn_local(async move { self.storage_said(storage::flush().await) });
    }

    fn storage_said(self, result: Result<(), storage::NotKept>) {
        match result {
            Ok(()) => {
                if let Some(shown) = STORAGE_MESSAGE.with(|m| m.borrow_mut().take()) {
                    if self.message.with_untracked(|m| m.as_deref() == Some(shown.as_str())) {
                        self.message.set(None);
                    }
                }
            }
            Err(e) => {
                let text = e.to_string();
                STORAGE_MESSAGE.with(|m| *m.borrow_mut() = Some(text.clone()));
                self.message.set(Some(text));
            }
        }
    }

    /// Shows what the storage says as it happens (src/storage.rs `Notice`); the end of a wait for another tab
    /// takes away the message about it.
    fn storage_notice(self, notice: storage::Notice) {
        if notice != storage::Notice::Unblocked {
            return self.message.set(Some(notice.to_string()));
        }
        let waiting = storage::Notice::Blocked.to_string();
        if self.message.with_untracked(|m| m.as_deref() == Some(waiting.as_str())) {
            self.message.set(None);
        }
    }

    /// Articles saved by an earlier visit, read a page at a time; first, once, those an earlier version of
    /// the page kept in localStorage move to IndexedDB (and stay where they were when it refuses).
    fn restore(self) {
        leptos::task::spawn_local(async move {
            let what = "bộ nhớ trình duyệt";
            let generation = GENERATION.with(Cell::get);
            // The corrections first, so that the articles come back corrected.
            self.restore_corrections(what).await;
            let legacy = storage::legacy_articles();
            if !legacy.is_empty() {
                match model::read_stored(legacy, what) {
                    Ok(list) => {
                        for a in &list {
                            storage::put_article(&a.name, model::article_json(a));
                        }
                        // Kept in localStorage until IndexedDB has them.
                        match storage::flush().await {
                            Ok(()) => storage::forget_legacy(),
                            Err(e) => self.storage_said(Err(e)),
                        }
                        self.enqueue(list.into_iter().map(Job::Stored).collect());
                    }
                    Err(e) => self.message.set(Some(e)),
                }
            }
            let mut after = None;
            while generation == GENERATION.with(Cell::get) {
                let page = match storage::articles_after(after, RESTORE_PAGE).await {
                    Ok(page) if !page.is_empty() => page,
                    // Nothing stored, or no storage: nothing to bring back (a write says why it cannot keep).
                    _ => break,
                };
                after = page.last().map(|(key, _, _)| *key);
                match model::read_stored(page.into_iter().map(|(_, _, json)| json).collect(), what) {
                    Ok(list) if generation == GENERATION.with(Cell::get) => {
                        self.enqueue(list.into_iter().map(Job::Stored).collect())
                    }
                    Ok(_) => break,
                    Err(e) => self.message.set(Some(e)),
                }
                browser::yield_now().await;
            }
            // Copies dropped and names given anew while reading (src/storage.rs) are written now.
            self.save();
        });
    }

    /// The records under the current filters (all of them when nothing is filtered), corrected.
    pub fn filtered_records(self) -> Vec<Arc<Record>> {
        let all = self.filters.with_untracked(Filters::is_empty);
        let keep = model::view_sources(&self.view.get_untracked().0);
        let records = self.records.get_untracked();
        self.articles.with_untracked(|l| {
            l.iter()
                .filter_map(|a| records.0.get(&a.name).cloned())
                .filter(|r| all || r.source.as_ref().is_some_and(|s| keep.contains(s)))
                .collect()
        })
    }

    /// Opens the evidence panel on the `index`th of `mentions` (article, sentence), with next and previous.
    pub fn show(self, mentions: Vec<(String, Span)>, index: usize, label: &str) {
        if index >= mentions.len() {
            return;
        }
        let scrolled = match self.evidence.get_untracked() {
            Some(e) => e.scrolled,
            None => browser::scroll_y(),
        };
        self.evidence.set(Some(Evidence { mentions, index, label: label.into(), scrolled }));
        browser::scroll_to("evidence-mark");
    }

    /// Steps to the next (`+1`) or previous (`-1`) mention, round the ends.
    pub fn step(self, by: isize) {
        self.evidence.update(|e| {
            if let Some(e) = e.as_mut() {
                let n = e.mentions.len() as isize;
                if n > 0 {
                    e.index = (e.index as isize + by).rem_euclid(n) as usize;
                }
            }
        });
        browser::scroll_to("evidence-mark");
    }

    /// Closes the evidence panel and goes back to where the page was when it opened.
    pub fn close_evidence(self) {
        if let Some(e) = self.evidence.get_untracked() {
            self.evidence.set(None);
            browser::scroll_back(e.scrolled);
        }
    }
}

/// Seconds a batch still needs at the pace of the `done` articles read in `elapsed` ms (none before a few).
fn seconds_left(done: usize, left: usize, elapsed: f64) -> Option<f64> {
    (left > 0 && done >= 20 && elapsed > 0.0).then(|| left as f64 * elapsed / done as f64 / 1000.0)
}

/// A job handed out: ready now, or waiting for the worker.
enum Pending {
    Ready(Article, bool),
    Worker(String, js_sys::Promise),
}

/// What the loader read since it last showed it.
#[derive(Default)]
struct Read {
    /// For the list.
    articles: Vec<Article>,
    /// (name, JSON) of those to store.
    fresh: Vec<(String, JsValue)>,
    /// Copies refused: (copy, the article it copies).
    refused: Vec<(String, String)>,
    /// The records' JSON for the merge worker: sent in one message when shown.
    merge: Vec<js_sys::Uint8Array>,
}

/// A job's article, whether it is stored already, and its record's JSON as the worker wrote it (UTF-8 bytes,
/// handed on as they are).
struct Settled {
    article: Article,
    stored: bool,
    record_json: Option<js_sys::Uint8Array>,
}

/// Names the job's article and hands it to the worker (files the page refuses by name or size never go).
fn dispatch(job: Job, taken: &mut HashSet<String>) -> Pending {
    let fail = |name: String, error: String| {
        Pending::Ready(Article { name, record: None, error: Some(error), note: None }, false)
    };
    let pending = match job {
        Job::Saved(a) => Pending::Ready(a, false),
        Job::Stored(a) => Pending::Ready(a, true),
        Job::Text { name, text, pasted } => {
            let name = model::unique_name(&name, taken);
            let call = browser::extract_text(&name, &text, pasted);
            Pending::Worker(name, call)
        }
        Job::File { name, file } => {
            let name = model::unique_name(&name, taken);
            // A PDF's text layer is read first, by the reader fetched with the first PDF (src/pdf.rs), so its
            // size is checked here; any other file is streamed and stopped past the size limit (`browser`'s
            // `extract_file`): its size would cost the page's thread a synchronous call to the browser.
            let pdf = pdf::is_pdf(&file);
            let refused = match pdf {
                true => protocol::refuse_file(&name, file.size() as usize),
                false => protocol::refuse_name(&name),
            };
            match refused {
                Some(why) => fail(name, why),
                None if pdf => Pending::Worker(name.clone(), pdf::extract_file(&name, &file)),
                None => Pending::Worker(
                    name.clone(),
                    browser::extract_file(&name, &file, hoinghi_decode::MAX_FILE_BYTES as u32),
                ),
            }
        }
    };
    let name = match &pending {
        Pending::Ready(a, _) => a.name.clone(),
        Pending::Worker(n, _) => n.clone(),
    };
    taken.insert(name);
    pending
}

impl Pending {
    async fn settle(self) -> Settled {
        match self {
            Pending::Ready(article, stored) => Settled { article, stored, record_json: None },
            Pending::Worker(name, call) => {
                let answer = browser::extracted(call).await.and_then(|(json, record)| {
                    let (record, text) = record.unzip();
                    protocol::read_answer(&json, text.as_deref()).map(|x| (x, record))
                });
                let (article, record_json) = match answer {
                    Ok((x, json)) => {
                        let record = x.record.map(Arc::new);
                        let json = json.filter(|_| record.is_some());
                        (Article { record, error: x.error, note: x.note, name }, json)
                    }
                    Err(why) => (
                        Article {
                            error: Some(format!(
                                "“{name}”: trích xuất bị lỗi ({why}); các bài khác không bị ảnh hưởng."
                            )),
                            name,
                            record: None,
                            note: None,
                        },
                        None,
                    ),
                };
                Settled { article, stored: false, record_json }
            }
        }
    }
}

/// The five dev articles of "Thử với bài mẫu" (name shown, file beside the page, copied from public/samples):
/// fetched when asked for, so their 30 KB of text are not in the page's first load.
pub const SAMPLES: [(&str, &str); 5] = [
    ("mẫu-000.txt", "samples/000_a1b6cc5c598c13a5.txt"),
    ("mẫu-001.txt", "samples/001_054d4c0633b05464.txt"),
    ("mẫu-002.txt", "samples/002_a93842e3d5632565.txt"),
    ("mẫu-003.txt", "samples/003_83e200c658e8049b.txt"),
    ("mẫu-004.txt", "samples/004_fdc397119527ca91.txt"),
];

impl Ws {
    /// Fetches the sample articles and queues them; when one cannot be had, says so and queues none.
    pub fn add_samples(self) {
        leptos::task::spawn_local(async move {
            let mut jobs = Vec::with_capacity(SAMPLES.len());
            for (name, path) in SAMPLES {
                match browser::fetch_text(path).await {
                    Ok(text) => jobs.push(Job::Text { name: name.to_string(), text, pasted: false }),
                    Err(what) => {
                        self.message.set(Some(format!("Không tải được bài mẫu “{name}” ({what}).")));
                        return;
                    }
                }
            }
            self.enqueue(jobs);
        });
    }
}

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    console_error_panic_hook::set_once();
    let ws = Ws::new();
    provide_context(ws);
    browser::on_extraction_progress(move |name, fraction| ws.huge.set(Some((name, fraction))));
    storage::on_notice(move |notice| ws.storage_notice(notice));
    ws.restore();
    // The charts' fonts found while the page is idle, not at the first paint of a chart mid-load.
    request_idle_callback(crate::chart::canvas::warm_fonts);
    let has_evidence = move || ws.evidence.with(Option::is_some);

    // The address keeps the view and the filters (`#/can-bo?q=...`): read at start and when it changes
    // (a link pasted in this tab), written as they change, replacing the entry (no history per keystroke).
    let read_address = move || {
        let (tab, filters) = model::from_hash(&browser::location_hash());
        ws.tab.set(tab);
        ws.filters.set(filters);
    };
    read_address();
    Effect::new(move |_| {
        let hash = model::to_hash(ws.tab.get(), &ws.filters.get());
        browser::replace_hash(&hash);
    });
    let _ = window_event_listener(leptos::ev::hashchange, move |_| read_address());
    let _ = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && ws.evidence.with_untracked(Option::is_some) {
            ws.close_evidence();
        }
    });

    view! {
        <SiteHeader/>
        <main class="page">
            <div class="intake">
                <InputPanel/>
                <ArticleList/>
            </div>
            {move || ws.message.get().map(|m| view! { <p class="message" role="status" data-testid="message">{m}</p> })}
            <FilterBar/>
            <ExportBar/>
            <div class="results" class:with-evidence=has_evidence>
                <Views/>
                <EvidencePanel/>
            </div>
        </main>
    }
}
