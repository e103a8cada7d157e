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
    File { name: String, file: web_sys::File },
    Saved(Article),
}

thread_local! {
    static QUEUE: RefCell<VecDeque<Job>> = const { RefCell::new(VecDeque::new()) };
    static RUNNING: Cell<bool> = const { Cell::new(false) };
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
            while browser::now() - start < SLICE_MS {
                let Some(job) = QUEUE.with(|q| q.borrow_mut().pop_front()) else { break };
                let article = process(job, &taken).await;
                taken.insert(article.name.clone());
                batch.push(article);
            }
            let left = QUEUE.with(|q| q.borrow().len());
            if batch.is_empty() && left == 0 {
                break;
            }
            done += batch.len();
            self.merger.update_value(|m| {
                for a in &batch {
                    if let Some(r) = &a.record {
                        m.add(r);
                    }
                }
            });
            self.articles.update(|l| l.extend(batch));
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
        self.persist();
    }

    fn remerge(self) {
        let merged = self.merger.with_value(Merger::merged);
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
        self.persist();
    }

    /// Forgets every article (the caller asked the user first).
    pub fn clear(self) {
        QUEUE.with(|q| q.borrow_mut().clear());
        self.articles.set(Vec::new());
        self.merger.set_value(Merger::new());
        self.evidence.set(None);
        self.remerge();
        browser::forget_local();
        self.message.set(None);
    }

    /// Replaces the workspace with the articles of an opened file (already validated).
    pub fn replace(self, articles: Vec<Article>) {
        self.clear();
        self.enqueue(articles.into_iter().map(Job::Saved).collect());
    }

    /// Keeps the articles across reloads; a full storage keeps the work in memory and says so.
    pub fn persist(self) {
        let json = self.articles.with_untracked(|l| model::workspace_json(l));
        match browser::save_local(&json) {
            Ok(()) => {
                if self.message.with_untracked(|m| m.as_deref().is_some_and(|m| m.starts_with("Không lưu được"))) {
                    self.message.set(None);
                }
            }
            Err(e) => self.message.set(Some(format!(
                "Không lưu được vào bộ nhớ trình duyệt ({e}): các bài vẫn còn trên trang nhưng sẽ mất khi tải lại. Hãy bấm “Lưu phiên làm việc” để giữ chúng trong một tệp."
            ))),
        }
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
        Job::Saved(a) => return a,
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
        Job::File { name, file } => {
            let name = model::unique_name(&name, taken);
            if let Some(reason) = hoinghi_decode::skip_reason(&name) {
                return fail(name.clone(), format!("“{name}”: {reason}"));
            }
            let size = file.size() as usize;
            if size > hoinghi_decode::MAX_FILE_BYTES {
                let e = hoinghi_decode::DecodeError::TooLarge { size, limit: hoinghi_decode::MAX_FILE_BYTES };
                return fail(name.clone(), e.describe(&name));
            }
            let Ok(bytes) = browser::read_bytes(&file).await else {
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
    let mut record = hoinghi_core::extract(&text, None);
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
    // Articles saved by an earlier visit.
    if let Some(json) = browser::load_local() {
        match model::read_workspace(&json, "bộ nhớ trình duyệt") {
            Ok(list) => ws.enqueue(list.into_iter().map(Job::Saved).collect()),
            Err(e) => ws.message.set(Some(e)),
        }
    }
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
