//! The page's state and the loading pipeline: articles come in (paste, files, folders, samples, a saved
//! workspace), are decoded and extracted in chunks that yield to the browser, and are merged
//! incrementally; the filtered view feeds every table, the timeline and every export.

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::Arc;

use hoinghi_core::{Record, Span};
use hoinghi_merge::{Merged, Merger};
use leptos::prelude::*;

use crate::browser;
use crate::components::{ArticleList, EvidencePanel, ExportBar, FilterBar, InputPanel, SiteHeader, Views};
use crate::model::{self, Article, Filters};

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

/// What the evidence panel shows: an article and the sentence to highlight.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    pub source: String,
    pub span: Span,
    /// What was clicked (a meeting's name, an official, a document number).
    pub label: String,
}

/// The page's state, shared with every component through the context.
#[derive(Clone, Copy)]
pub struct Ws {
    pub articles: RwSignal<Vec<Article>>,
    pub merged: RwSignal<Shared<Merged>>,
    pub filters: RwSignal<Filters>,
    pub records: Memo<Shared<HashMap<String, Arc<Record>>>>,
    pub view: Memo<Shared<Merged>>,
    /// (done, total) while a batch loads.
    pub progress: RwSignal<Option<(usize, usize)>>,
    /// A message about storage or a workspace file.
    pub message: RwSignal<Option<String>>,
    pub evidence: RwSignal<Option<Evidence>>,
    merger: StoredValue<Merger>,
}

/// One piece of work for the loader.
pub enum Job {
    Text { name: String, text: String, pasted: bool },
    /// `reading`: the file's bytes, asked for ahead of time so that reads overlap with extraction.
    File { name: String, file: web_sys::File, reading: Option<js_sys::Promise> },
    Saved(Article),
    /// Read back from localStorage: already stored.
    Stored(Article),
}

thread_local! {
    static QUEUE: RefCell<VecDeque<Job>> = const { RefCell::new(VecDeque::new()) };
    static RUNNING: Cell<bool> = const { Cell::new(false) };
    /// Milliseconds spent reading, extracting and merging in the current batch (for the console).
    static STATS: Cell<(f64, f64, f64)> = const { Cell::new((0.0, 0.0, 0.0)) };
}

const INDEX_KEY: &str = "hoinghi.v1.index";

fn storage_key(name: &str) -> String {
    format!("hoinghi.v1.article:{name}")
}

/// How many files are read ahead of the one being extracted.
const READ_AHEAD: usize = 24;

fn add_stat(read: f64, extract: f64, merge: f64) {
    STATS.with(|s| {
        let (a, b, c) = s.get();
        s.set((a + read, b + extract, c + merge));
    });
}

/// Starts reading the next few files of the queue.
fn read_ahead() {
    QUEUE.with(|q| {
        for job in q.borrow_mut().iter_mut().take(READ_AHEAD) {
            if let Job::File { file, reading: reading @ None, .. } = job {
                if (file.size() as usize) <= hoinghi_decode::MAX_FILE_BYTES {
                    *reading = Some(file.array_buffer());
                }
            }
        }
    });
}

/// Milliseconds of work between two yields to the browser.
const SLICE_MS: f64 = 30.0;
/// At most this often the merged view is recomputed while a batch loads.
const MERGE_EVERY_MS: f64 = 700.0;

impl Ws {
    fn new() -> Ws {
        let articles = RwSignal::new(Vec::<Article>::new());
        let merged = RwSignal::new(Shared::<Merged>::default());
        let filters = RwSignal::new(Filters::default());
        let records = Memo::new(move |_| {
            Shared(Arc::new(articles.with(|list| {
                list.iter().filter_map(|a| Some((a.name.clone(), a.record.clone()?))).collect::<HashMap<_, _>>()
            })))
        });
        let view = Memo::new(move |_| {
            let m = merged.get();
            let f = filters.get();
            if f.is_empty() {
                m
            } else {
                Shared(Arc::new(model::apply(&m.0, &f, &records.get().0)))
            }
        });
        Ws {
            articles,
            merged,
            filters,
            records,
            view,
            progress: RwSignal::new(None),
            message: RwSignal::new(None),
            evidence: RwSignal::new(None),
            merger: StoredValue::new(Merger::new()),
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
            leptos::task::spawn_local(self.run());
        }
    }

    async fn run(self) {
        let mut done = 0usize;
        let mut last_merge = browser::now();
        loop {
            let start = browser::now();
            let mut taken: HashSet<String> = self.articles.with_untracked(|l| l.iter().map(|a| a.name.clone()).collect());
            let mut batch = Vec::new();
            let mut fresh = Vec::new();
            while browser::now() - start < SLICE_MS {
                let Some(job) = QUEUE.with(|q| q.borrow_mut().pop_front()) else { break };
                read_ahead();
                let stored = matches!(job, Job::Stored(_));
                let article = process(job, &taken).await;
                taken.insert(article.name.clone());
                if !stored {
                    fresh.push(article.clone());
                }
                batch.push(article);
            }
            let left = QUEUE.with(|q| q.borrow().len());
            if batch.is_empty() && left == 0 {
                break;
            }
            done += batch.len();
            let t = browser::now();
            self.merger.update_value(|m| {
                for a in &batch {
                    if let Some(r) = &a.record {
                        m.add(r);
                    }
                }
            });
            add_stat(0.0, 0.0, browser::now() - t);
            self.articles.update(|l| l.extend(batch));
            if !fresh.is_empty() {
                self.persist_new(&fresh);
            }
            if left == 0 || browser::now() - last_merge > MERGE_EVERY_MS {
                self.remerge();
                last_merge = browser::now();
            }
            self.progress.set((left > 0).then_some((done, done + left)));
            browser::yield_now().await;
        }
        self.remerge();
        self.progress.set(None);
        RUNNING.with(|r| r.set(false));
        let (read, extract, merge) = STATS.with(|s| s.replace((0.0, 0.0, 0.0)));
        web_sys::console::info_1(&format!("hoinghi: {done} bài; đọc tệp {read:.0} ms, trích xuất {extract:.0} ms, gộp {merge:.0} ms").into());
    }

    fn remerge(self) {
        let t = browser::now();
        let merged = self.merger.with_value(Merger::merged);
        add_stat(0.0, 0.0, browser::now() - t);
        self.merged.set(Shared(Arc::new(merged)));
    }

    /// Removes one article from the list and the merge.
    pub fn remove(self, name: &str) {
        self.articles.update(|l| l.retain(|a| a.name != name));
        self.merger.update_value(|m| {
            m.remove(name);
        });
        if self.evidence.with_untracked(|e| e.as_ref().is_some_and(|e| e.source == name)) {
            self.evidence.set(None);
        }
        self.remerge();
        browser::forget_item(&storage_key(name));
        self.persist_index(None);
    }

    /// Forgets every article (the caller asked the user first).
    pub fn clear(self) {
        QUEUE.with(|q| q.borrow_mut().clear());
        self.articles.set(Vec::new());
        self.merger.set_value(Merger::new());
        self.evidence.set(None);
        self.remerge();
        self.forget_stored();
        self.message.set(None);
    }

    /// Replaces the workspace with the articles of an opened file (already validated).
    pub fn replace(self, articles: Vec<Article>) {
        self.clear();
        self.enqueue(articles.into_iter().map(Job::Saved).collect());
    }

    /// Keeps the articles across reloads: each article under its own key (written as it arrives, so no
    /// single write blocks the page), and the list of names. A full storage keeps the work in memory
    /// and says so.
    fn persist_new(self, added: &[Article]) {
        let mut failed = None;
        for a in added {
            if let Err(e) = browser::store_item(&storage_key(&a.name), &model::article_json(a)) {
                failed = Some(e);
                break;
            }
        }
        self.persist_index(failed);
    }

    fn persist_index(self, failed: Option<String>) {
        let names: Vec<String> = self.articles.with_untracked(|l| l.iter().map(|a| a.name.clone()).collect());
        let failed = failed.or_else(|| browser::store_item(INDEX_KEY, &serde_json::to_string(&names).unwrap_or_default()).err());
        match failed {
            None => {
                if self.message.with_untracked(|m| m.as_deref().is_some_and(|m| m.starts_with("Không lưu được"))) {
                    self.message.set(None);
                }
            }
            Some(e) => self.message.set(Some(format!(
                "Không lưu được vào bộ nhớ trình duyệt ({e}): các bài vẫn còn trên trang nhưng có thể mất khi tải lại. Hãy bấm “Lưu phiên làm việc” để giữ chúng trong một tệp."
            ))),
        }
    }

    /// Articles saved by an earlier visit.
    fn restore(self) {
        let Some(index) = browser::load_item(INDEX_KEY) else { return };
        let names: Vec<String> = serde_json::from_str(&index).unwrap_or_default();
        let parts: Vec<String> = names.iter().filter_map(|n| browser::load_item(&storage_key(n))).collect();
        match model::read_stored(parts, "bộ nhớ trình duyệt") {
            Ok(list) => {
                self.enqueue(list.into_iter().map(Job::Stored).collect());
            }
            Err(e) => self.message.set(Some(e)),
        }
    }

    fn forget_stored(self) {
        if let Some(index) = browser::load_item(INDEX_KEY) {
            let names: Vec<String> = serde_json::from_str(&index).unwrap_or_default();
            for n in names {
                browser::forget_item(&storage_key(&n));
            }
        }
        browser::forget_item(INDEX_KEY);
    }

    /// The records under the current filters (all of them when nothing is filtered).
    pub fn filtered_records(self) -> Vec<Arc<Record>> {
        let all = self.filters.with_untracked(Filters::is_empty);
        let keep = model::view_sources(&self.view.get_untracked().0);
        self.articles.with_untracked(|l| {
            l.iter().filter_map(|a| a.record.clone()).filter(|r| all || r.source.as_ref().is_some_and(|s| keep.contains(s))).collect()
        })
    }

    /// Opens the evidence panel on `source` at `span`.
    pub fn show(self, source: &str, span: Span, label: &str) {
        self.evidence.set(Some(Evidence { source: source.into(), span, label: label.into() }));
        browser::scroll_to("evidence-mark");
    }
}

/// Decodes and extracts one job; never fails (a failure is an article with an error).
async fn process(job: Job, taken: &HashSet<String>) -> Article {
    let fail = |name: String, error: String| Article { name, record: None, error: Some(error), note: None };
    let (name, text, note) = match job {
        Job::Saved(a) | Job::Stored(a) => return a,
        Job::Text { name, text, pasted } => {
            let name = model::unique_name(&name, taken);
            if text.trim().is_empty() {
                return fail(name, "Ô dán đang trống: không có bài nào để thêm.".into());
            }
            match pasted.then(|| hoinghi_decode::repair_pasted(&text)).flatten() {
                Some(r) => (name, r.text, Some(r.note)),
                None => (name, text, None),
            }
        }
        Job::File { name, file, reading } => {
            let name = model::unique_name(&name, taken);
            if let Some(reason) = hoinghi_decode::skip_reason(&name) {
                return fail(name.clone(), format!("“{name}”: {reason}"));
            }
            let size = file.size() as usize;
            if size > hoinghi_decode::MAX_FILE_BYTES {
                let e = hoinghi_decode::DecodeError::TooLarge { size, limit: hoinghi_decode::MAX_FILE_BYTES };
                return fail(name.clone(), e.describe(&name));
            }
            let t = browser::now();
            let bytes = match reading {
                Some(p) => browser::bytes_of(p).await,
                None => browser::read_bytes(&file).await,
            };
            add_stat(browser::now() - t, 0.0, 0.0);
            let Ok(bytes) = bytes else {
                return fail(name.clone(), format!("“{name}”: trình duyệt không đọc được tệp này."));
            };
            match hoinghi_decode::decode(&bytes, &name) {
                Ok(d) => {
                    let note = (!d.notes.is_empty()).then(|| d.notes.join("; "));
                    (name, d.text, note)
                }
                Err(e) => return fail(name.clone(), e.describe(&name)),
            }
        }
    };
    let t = browser::now();
    let mut record = hoinghi_core::extract(&text, None);
    let took = browser::now() - t;
    if took > 50.0 {
        web_sys::console::info_1(&format!("hoinghi: {name}: trích xuất {took:.0} ms").into());
    }
    add_stat(0.0, took, 0.0);
    record.source = Some(name.clone());
    Article { name, record: Some(Arc::new(record)), error: None, note }
}

/// The five dev articles bundled with the page.
pub const SAMPLES: [(&str, &str); 5] = [
    ("mẫu-000.txt", include_str!("../public/samples/000_a1b6cc5c598c13a5.txt")),
    ("mẫu-001.txt", include_str!("../public/samples/001_054d4c0633b05464.txt")),
    ("mẫu-002.txt", include_str!("../public/samples/002_a93842e3d5632565.txt")),
    ("mẫu-003.txt", include_str!("../public/samples/003_83e200c658e8049b.txt")),
    ("mẫu-004.txt", include_str!("../public/samples/004_fdc397119527ca91.txt")),
];

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    console_error_panic_hook::set_once();
    let ws = Ws::new();
    provide_context(ws);
    ws.restore();
    // The extractor builds its tables on first use (a few hundred ms in wasm): do it now, while the
    // user reads the page, rather than on the first article.
    leptos::task::spawn_local(async {
        browser::yield_now().await;
        let _ = hoinghi_core::extract(SAMPLES[1].1, None);
    });
    let has_evidence = move || ws.evidence.with(Option::is_some);

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
