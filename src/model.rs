//! The page's data, free of the browser: loaded articles, the shared filters and what they keep,
//! the workspace file (save / open / the browser's storage) and its validation. Tested natively.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::Arc;

use hoinghi_core::{Record, Span};
use hoinghi_merge::{Change, Corrections, Merged};
use serde::{Deserialize, Serialize};

/// One loaded article: its record, or the reason it could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// Unique on the page; also the record's `source` and the merge's key.
    pub name: String,
    pub record: Option<Arc<Record>>,
    /// A message in Vietnamese naming the file, when it could not be read.
    pub error: Option<String>,
    /// What decoding did (encoding converted, ...), shown under the name.
    pub note: Option<String>,
}

/// A name not yet used by `taken`: `name`, then `name (2).txt`, `name (3).txt`, ... (the extension kept last).
pub fn unique_name(name: &str, taken: &HashSet<String>) -> String {
    let base = if name.trim().is_empty() { "bài" } else { name.trim() };
    if !taken.contains(base) {
        return base.to_string();
    }
    let (stem, ext) = match base.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && !ext.contains(['/', ' ']) && ext.len() <= 5 => {
            (stem, format!(".{ext}"))
        }
        _ => (base, String::new()),
    };
    (2..).map(|n| format!("{stem} ({n}){ext}")).find(|c| !taken.contains(c)).unwrap()
}

/// The facets every view and export follows. Empty fields keep everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    pub text: String,
    /// `YYYY-MM-DD` bounds, inclusive.
    pub from: String,
    pub to: String,
    /// `w:<as written>` or `t:<today's unit>`.
    pub province: String,
    pub kind: String,
    pub role: String,
    /// Part of an organisation's name (organisers, issuers, posts).
    pub organisation: String,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }
}

/// The view shown: the tabs of the page, and the cards of a person, a meeting and a document.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Tab {
    #[default]
    Timeline,
    Officials,
    Documents,
    /// Who meets whom.
    Graph,
    Map,
    /// The card of the person with this [`hoinghi_merge::Person::id`].
    Person(usize),
    /// The card of the meeting with this [`hoinghi_merge::MergedMeeting::id`] (under the timeline's tab).
    Meeting(usize),
    /// The card of the document with this [`hoinghi_merge::MergedDocument::id`] (under the documents' tab).
    Document(usize),
}

impl Tab {
    /// The tabs, in the order of their buttons.
    pub const ALL: [Tab; 5] = [Tab::Timeline, Tab::Officials, Tab::Documents, Tab::Graph, Tab::Map];

    /// Its name in the address (`#/can-bo`, `#/can-bo/12`).
    pub fn slug(self) -> String {
        match self {
            Tab::Timeline => "dong-thoi-gian".into(),
            Tab::Officials => "can-bo".into(),
            Tab::Documents => "van-ban".into(),
            Tab::Graph => "quan-he".into(),
            Tab::Map => "ban-do".into(),
            Tab::Person(id) => format!("can-bo/{id}"),
            Tab::Meeting(id) => format!("cuoc-hop/{id}"),
            Tab::Document(id) => format!("van-ban/{id}"),
        }
    }

    /// The tab button lit for this view: a person's card belongs to the officials, a meeting's to the
    /// timeline, a document's to the documents.
    pub fn button(self) -> Tab {
        match self {
            Tab::Person(_) => Tab::Officials,
            Tab::Meeting(_) => Tab::Timeline,
            Tab::Document(_) => Tab::Documents,
            t => t,
        }
    }

    /// Whether this is a card (a person's, a meeting's, a document's) rather than a tab.
    pub fn is_card(self) -> bool {
        self.button() != self
    }

    /// The view an address path names (`can-bo/12`), if any.
    fn from_slug(path: &str) -> Option<Tab> {
        let path = path.trim_end_matches('/');
        if let Some((tab, id)) = path.split_once('/') {
            let id: Option<usize> = id.parse().ok();
            return match tab {
                "can-bo" => id.map(Tab::Person),
                "cuoc-hop" => id.map(Tab::Meeting),
                "van-ban" => id.map(Tab::Document),
                _ => None,
            };
        }
        Tab::ALL.into_iter().find(|t| t.slug() == path)
    }
}

/// The address of a screen: `#/can-bo?q=pham&tinh=Bình%20Định`, empty for the timeline unfiltered.
pub fn to_hash(tab: Tab, f: &Filters) -> String {
    let (written, today) = match f.province.split_once(':') {
        Some(("w", p)) => (p, ""),
        Some(("t", p)) => ("", p),
        _ => ("", ""),
    };
    let params: Vec<String> = [
        ("q", f.text.as_str()),
        ("tu", &f.from),
        ("den", &f.to),
        ("tinh", written),
        ("tinh-nay", today),
        ("loai", &f.kind),
        ("vai-tro", &f.role),
        ("co-quan", &f.organisation),
    ]
    .iter()
    .filter(|(_, v)| !v.is_empty())
    .map(|(k, v)| format!("{k}={}", encode(v)))
    .collect();
    match (tab, params.is_empty()) {
        (Tab::Timeline, true) => String::new(),
        (_, true) => format!("#/{}", tab.slug()),
        _ => format!("#/{}?{}", tab.slug(), params.join("&")),
    }
}

/// Reads an address written by [`to_hash`]; anything it does not know is left out.
pub fn from_hash(hash: &str) -> (Tab, Filters) {
    let hash = hash.trim_start_matches('#').trim_start_matches('/');
    let (path, query) = hash.split_once('?').unwrap_or((hash, ""));
    let tab = Tab::from_slug(path).unwrap_or_default();
    let mut f = Filters::default();
    for pair in query.split('&') {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let v = decode(v);
        match k {
            "q" => f.text = v,
            "tu" if is_day(&v) => f.from = v,
            "den" if is_day(&v) => f.to = v,
            "tinh" if !v.is_empty() => f.province = format!("w:{v}"),
            "tinh-nay" if !v.is_empty() => f.province = format!("t:{v}"),
            "loai" => f.kind = v,
            "vai-tro" => f.role = v,
            "co-quan" => f.organisation = v,
            _ => {}
        }
    }
    (tab, f)
}

fn is_day(s: &str) -> bool {
    s.len() == 10 && s.chars().enumerate().all(|(i, c)| if i == 4 || i == 7 { c == '-' } else { c.is_ascii_digit() })
}

/// Percent-encodes everything but letters, digits and `-._~` (UTF-8 bytes).
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Undoes [`encode`] (and `+` for a space, as forms write it); a broken escape stays as written.
fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |x: u8| (x as char).to_digit(16);
        match b[i] {
            b'%' if i + 2 < b.len() => match (hex(b[i + 1]), hex(b[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' => out.push(b' '),
            x => out.push(x),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Applies `f` to `merged`; `records` (by source) give each article's province and meeting kinds. (The page
/// keeps the index of a merged view between changes of the filters: `crate::filtering`.)
pub fn apply(merged: &Merged, f: &Filters, records: &HashMap<String, Arc<Record>>) -> Merged {
    if f.is_empty() {
        return merged.clone();
    }
    let index = crate::filtering::Index::new(merged, records);
    crate::filtering::view(merged, &crate::filtering::keep(merged, &index, f))
}

/// The values each list filter offers, in Vietnamese order, with how many each keeps: articles for a
/// province (as written, then today's units), meetings for a kind, officials for a role.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facets {
    pub written: Vec<(String, usize)>,
    pub today: Vec<(String, usize)>,
    pub kinds: Vec<(String, usize)>,
    pub roles: Vec<(String, usize)>,
}

/// The sources a filtered view draws on (all of them when nothing is filtered).
pub fn view_sources(view: &Merged) -> BTreeSet<String> {
    view.meetings
        .iter()
        .flat_map(|m| m.sources.iter())
        .chain(view.people.iter().flat_map(|p| p.sources.iter()))
        .chain(view.documents.iter().flat_map(|d| d.sources.iter()))
        .cloned()
        .collect()
}

/// What a table's column sorts by, computed once per row: text by its Vietnamese sort key, a count, a date.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
pub enum SortKey {
    Text(Vec<u64>),
    Count(usize),
    Date(Option<String>),
}

/// The ids of a table's rows in order: rows are (sort key, id), sorted by key, descending when `asc` is false.
/// (A stable sort: rows with equal keys keep the order they came in.)
pub fn sorted_ids<K: Ord>(mut rows: Vec<(K, usize)>, asc: bool) -> Vec<usize> {
    hoinghi_merge::order::sort_by(&mut rows, |a, b| if asc { a.0.cmp(&b.0) } else { b.0.cmp(&a.0) });
    rows.into_iter().map(|(_, id)| id).collect()
}

/// A date as Vietnamese readers write it, to the precision known: `17/06/2024`, `06/2024`, `2024`.
pub fn date_vi(iso: &str, precision: Option<hoinghi_core::Precision>) -> String {
    use hoinghi_core::Precision;
    let (date, time) = iso.split_once('T').unwrap_or((iso, ""));
    let parts: Vec<&str> = date.split('-').collect();
    let shown = match (precision, parts.as_slice()) {
        (Some(Precision::Year), [y, ..]) => y.to_string(),
        (Some(Precision::Month), [y, m, ..]) => format!("{m}/{y}"),
        (_, [y, m, d]) => format!("{d}/{m}/{y}"),
        (_, [y, m]) => format!("{m}/{y}"),
        _ => date.to_string(),
    };
    if time.is_empty() {
        shown
    } else {
        format!("{shown} {time}")
    }
}

/// Splits `text` at the char span into (before, marked, after); a span out of range marks nothing.
pub fn split_at_span(text: &str, span: Span) -> (&str, &str, &str) {
    let byte = |chars: usize| text.char_indices().nth(chars).map(|(b, _)| b).unwrap_or(text.len());
    let start = byte(span.start);
    let end = byte(span.end.max(span.start));
    (&text[..start], &text[start..end], &text[end..])
}

// ---------------------------------------------------------------- workspace file

pub const WORKSPACE_FORMAT: &str = "hoinghi-workspace";
pub const WORKSPACE_VERSION: u32 = 1;
/// More than a newsroom's year of articles; a file above it is refused.
const MAX_ARTICLES: usize = 20_000;
const MAX_TEXT_CHARS: usize = 5_000_000;
const MAX_NAME_CHARS: usize = 1_000;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workspace {
    pub format: String,
    pub version: u32,
    pub articles: Vec<SavedArticle>,
    /// The user's corrections (absent in files saved before corrections existed, and when there are none).
    #[serde(default, skip_serializing_if = "Corrections::is_empty")]
    pub corrections: Corrections,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SavedArticle {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record: Option<Record>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

fn saved(a: &Article) -> SavedArticle {
    SavedArticle {
        name: a.name.clone(),
        record: a.record.as_ref().map(|r| (**r).clone()),
        error: a.error.clone(),
        note: a.note.clone(),
    }
}

/// The workspace file of `articles` and the corrections made to them.
pub fn workspace_json(articles: &[Article], corrections: &Corrections) -> String {
    let ws = Workspace {
        format: WORKSPACE_FORMAT.into(),
        version: WORKSPACE_VERSION,
        articles: articles.iter().map(saved).collect(),
        corrections: corrections.clone(),
    };
    serde_json::to_string(&ws).unwrap_or_default()
}

/// One article as the browser's storage keeps it (src/storage.rs), one record an article.
pub fn article_json(article: &Article) -> String {
    serde_json::to_string(&saved(article)).unwrap_or_default()
}

/// Where and how a JSON text is broken, in the user's words: serde_json's own message is English (and its texts,
/// with the I/O errors' it can name, weighed ~1 KB of the page's first load).
pub fn json_fault(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let what = match e.classify() {
        Category::Eof => "dừng giữa chừng",
        Category::Syntax => "sai cú pháp JSON",
        Category::Data => "dữ liệu không đúng dạng",
        Category::Io => "không đọc được",
    };
    format!("{what} ở dòng {}, cột {}", e.line(), e.column())
}

/// Articles stored one a key, read back and checked as one workspace.
pub fn read_stored(parts: Vec<String>, what: &str) -> Result<Vec<Article>, String> {
    let mut articles = Vec::with_capacity(parts.len());
    for part in parts {
        let a: SavedArticle = serde_json::from_str(&part)
            .map_err(|e| format!("Không đọc lại được “{what}”: dữ liệu đã lưu bị hỏng ({}).", json_fault(&e)))?;
        articles.push(a);
    }
    let ws = Workspace {
        format: WORKSPACE_FORMAT.into(),
        version: WORKSPACE_VERSION,
        articles,
        corrections: Corrections::default(),
    };
    validate(ws, what).map(|(articles, _)| articles)
}

/// At most this many corrections in a file; a user makes a few per article.
const MAX_EDITS: usize = 200_000;

/// The corrections kept in the browser (`json`), checked as a workspace file's; an error names `what`.
pub fn read_corrections(json: &str, what: &str) -> Result<Corrections, String> {
    let c: Corrections = serde_json::from_str(json).map_err(|e| {
        format!("Không đọc lại được các chỗ đã sửa trong “{what}”: dữ liệu đã lưu bị hỏng ({}).", json_fault(&e))
    })?;
    check_corrections(&c).map_err(|why| format!("Không đọc lại được các chỗ đã sửa trong “{what}”: {why}."))?;
    Ok(c)
}

/// Every text of a correction short, every list of a sane length: a hostile file cannot flood the page.
fn check_corrections(c: &Corrections) -> Result<(), String> {
    if c.edits.len() > MAX_EDITS {
        return Err(format!("quá nhiều chỗ sửa ({}, tối đa {MAX_EDITS})", c.edits.len()));
    }
    let short = |s: &String| s.chars().count() <= MAX_NAME_CHARS;
    let list = |l: &Vec<String>| l.len() <= 1_000 && l.iter().all(short);
    for e in &c.edits {
        let ok = short(&e.fact.source)
            && match &e.change {
                Change::OfficialName(s) | Change::MeetingKind(s) | Change::DocumentNumber(s) => short(s),
                Change::OfficialTitles(l) | Change::MeetingChairs(l) | Change::MeetingOrganizers(l) => list(l),
                Change::OfficialAdd { name, titles } => short(name) && list(titles),
                Change::MeetingDate(d) | Change::DocumentIssuer(d) => d.as_ref().is_none_or(short),
                Change::SamePerson(f) | Change::SameDocument(f) => short(&f.source),
                Change::OfficialDelete | Change::DocumentDelete | Change::OtherPerson | Change::ArticleChecked => true,
            };
        if !ok {
            return Err("một chỗ sửa quá dài".into());
        }
    }
    Ok(())
}

/// Reads and checks a workspace file (articles and corrections); the error is a message in Vietnamese
/// naming `file_name`.
pub fn read_workspace(json: &str, file_name: &str) -> Result<(Vec<Article>, Corrections), String> {
    let bad = |why: String| format!("Không mở được “{file_name}”: {why}. Trang giữ nguyên các bài đang có.");
    let ws: Workspace = serde_json::from_str(json)
        .map_err(|e| bad(format!("không phải tệp phiên làm việc hợp lệ ({})", json_fault(&e))))?;
    validate(ws, file_name)
}

fn validate(ws: Workspace, file_name: &str) -> Result<(Vec<Article>, Corrections), String> {
    let bad = |why: String| format!("Không mở được “{file_name}”: {why}. Trang giữ nguyên các bài đang có.");
    if ws.format != WORKSPACE_FORMAT {
        return Err(bad("tệp không phải phiên làm việc của Hội Nghị".into()));
    }
    if ws.version != WORKSPACE_VERSION {
        return Err(bad(format!("phiên bản {} không được hỗ trợ", ws.version)));
    }
    if ws.articles.len() > MAX_ARTICLES {
        return Err(bad(format!("quá nhiều bài ({}, tối đa {MAX_ARTICLES})", ws.articles.len())));
    }
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(ws.articles.len());
    for (i, a) in ws.articles.into_iter().enumerate() {
        let n = i + 1;
        if a.name.trim().is_empty() || a.name.chars().count() > MAX_NAME_CHARS {
            return Err(bad(format!("bài thứ {n} có tên không hợp lệ")));
        }
        if !seen.insert(a.name.clone()) {
            return Err(bad(format!("tên bài “{}” bị lặp", a.name)));
        }
        if a.record.is_none() == a.error.is_none() {
            return Err(bad(format!("bài “{}” phải có đúng một trong hai: kết quả hoặc lỗi", a.name)));
        }
        let mut record = a.record;
        if let Some(r) = record.as_mut() {
            check_record(r).map_err(|why| bad(format!("bài “{}”: {why}", a.name)))?;
            r.source = Some(a.name.clone());
        }
        out.push(Article { name: a.name, record: record.map(Arc::new), error: a.error, note: a.note });
    }
    check_corrections(&ws.corrections).map_err(bad)?;
    Ok((out, ws.corrections))
}

/// Every span inside the text, every date shaped as a date: a hostile record cannot break the page.
fn check_record(r: &Record) -> Result<(), String> {
    let len = r.text.chars().count();
    if len > MAX_TEXT_CHARS {
        return Err("văn bản quá dài".into());
    }
    let ok = |s: &Span| s.start <= s.end && s.end <= len;
    let spans = std::iter::once(&r.body)
        .chain(r.meetings.iter().map(|m| &m.evidence))
        .chain(r.officials.iter().flat_map(|o| o.mentions.iter()))
        .chain(r.documents.iter().map(|d| &d.span));
    if !spans.into_iter().all(ok) {
        return Err("vị trí trích dẫn nằm ngoài văn bản".into());
    }
    let date_ok = |d: &Option<String>| {
        d.as_deref().is_none_or(|d| d.len() <= 16 && d.chars().all(|c| c.is_ascii_digit() || "-T:".contains(c)))
    };
    if !date_ok(&r.published)
        || !r.meetings.iter().all(|m| date_ok(&m.date))
        || !r.documents.iter().all(|d| date_ok(&d.date))
    {
        return Err("ngày không đúng dạng".into());
    }
    if r.officials.iter().any(|o| o.titles.len() != o.titles_as_written.len() && !o.titles_as_written.is_empty()) {
        return Err("chức vụ không khớp với dạng viết".into());
    }
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The first two sample articles: their records by name, and merged.
    pub(crate) fn two_samples() -> (HashMap<String, Arc<Record>>, Merged) {
        let arts = [
            article("a.txt", include_str!("../public/samples/000_a1b6cc5c598c13a5.txt")),
            article("b.txt", include_str!("../public/samples/001_054d4c0633b05464.txt")),
        ];
        let records: HashMap<String, Arc<Record>> =
            arts.iter().map(|a| (a.name.clone(), a.record.clone().unwrap())).collect();
        let recs: Vec<Record> = arts.iter().map(|a| (**a.record.as_ref().unwrap()).clone()).collect();
        (records, hoinghi_merge::merge(&recs))
    }

    fn article(name: &str, text: &str) -> Article {
        let mut r = hoinghi_core::extract(text, None);
        r.source = Some(name.into());
        Article { name: name.into(), record: Some(Arc::new(r)), error: None, note: None }
    }

    #[test]
    fn broken_json_is_said_in_the_users_words() {
        for (json, said) in [
            ("[1, 2", "dừng giữa chừng ở dòng 1, cột 5"),
            ("[1,\n x]", "sai cú pháp JSON ở dòng 2, cột 2"),
            ("\"chữ\"", "dữ liệu không đúng dạng ở dòng 1, cột 7"),
        ] {
            let e = serde_json::from_str::<Vec<u32>>(json).unwrap_err();
            assert_eq!(json_fault(&e), said, "{json}");
        }
    }

    #[test]
    fn names_are_made_unique() {
        let taken: HashSet<String> = ["a.txt".to_string(), "a (2).txt".to_string(), "Bài dán".to_string()].into();
        assert_eq!(unique_name("a.txt", &taken), "a (3).txt");
        assert_eq!(unique_name("Bài dán", &taken), "Bài dán (2)");
        assert_eq!(unique_name("b.txt", &taken), "b.txt");
    }

    #[test]
    fn dates_to_their_precision() {
        use hoinghi_core::Precision;
        assert_eq!(date_vi("2024-06-17", Some(Precision::Day)), "17/06/2024");
        assert_eq!(date_vi("2024-06", Some(Precision::Month)), "06/2024");
        assert_eq!(date_vi("2024-06-01", Some(Precision::Year)), "2024");
        assert_eq!(date_vi("2024-06-17T17:01", None), "17/06/2024 17:01");
    }

    #[test]
    fn span_split_counts_chars() {
        let (a, b, c) = split_at_span("Đà Nẵng họp", Span { start: 3, end: 7 });
        assert_eq!((a, b, c), ("Đà ", "Nẵng", " họp"));
        let (a, b, c) = split_at_span("ab", Span { start: 5, end: 9 });
        assert_eq!((a, b, c), ("ab", "", ""));
    }

    #[test]
    fn workspace_round_trip_and_hostile_files() {
        let a = article("a.txt", include_str!("../public/samples/000_a1b6cc5c598c13a5.txt"));
        let bad = Article { name: "x.doc".into(), record: None, error: Some("lỗi".into()), note: None };
        let json = workspace_json(&[a.clone(), bad.clone()], &Corrections::default());
        assert!(!json.contains("corrections"), "a file without corrections is as before");
        let back = read_workspace(&json, "w.json").unwrap();
        assert_eq!(back, (vec![a.clone(), bad.clone()], Corrections::default()));
        let mut fixes = Corrections::default();
        let at = hoinghi_merge::FactRef { source: "a.txt".into(), at: Span { start: 1, end: 5 } };
        fixes.push(at.clone(), Change::OfficialName("Nguyễn Thị Phong Vũ".into())).unwrap();
        fixes.push(at, Change::OtherPerson).unwrap();
        let json = workspace_json(std::slice::from_ref(&a), &fixes);
        assert_eq!(read_workspace(&json, "w.json").unwrap(), (vec![a.clone()], fixes.clone()));
        let stored = serde_json::to_string(&fixes).unwrap();
        assert_eq!(read_corrections(&stored, "bộ nhớ").unwrap(), fixes);
        assert!(read_corrections("{\"edits\":[{}]}", "bộ nhớ").unwrap_err().contains("bộ nhớ"));
        let stored = read_stored(vec![article_json(&a), article_json(&bad)], "bộ nhớ").unwrap();
        assert_eq!(stored, vec![a, bad]);
        for hostile in [
            "",
            "[]",
            "{\"format\":\"x\",\"version\":1,\"articles\":[]}",
            "{\"format\":\"hoinghi-workspace\",\"version\":9,\"articles\":[]}",
            "{\"format\":\"hoinghi-workspace\",\"version\":1,\"articles\":[{\"name\":\"a\"}]}",
            "{\"format\":\"hoinghi-workspace\",\"version\":1,\"articles\":[],\"corrections\":{\"edits\":[{\"fact\":1}]}}",
            "{\"format\":\"hoinghi-workspace\",\"version\":1,\"articles\":[{\"name\":\"a\",\"error\":\"e\"},{\"name\":\"a\",\"error\":\"e\"}]}",
            "{\"format\":\"hoinghi-workspace\",\"version\":1,\"articles\":[{\"name\":\"a\",\"record\":{\"source\":null,\"title\":null,\"published\":null,\"published_from\":null,\"province\":null,\"province_today\":null,\"meetings\":[],\"officials\":[],\"documents\":[],\"text\":\"ab\",\"body\":{\"start\":0,\"end\":99}}}]}",
        ] {
            let err = read_workspace(hostile, "w.json").unwrap_err();
            assert!(err.contains("w.json"), "{err}");
        }
    }

    #[test]
    fn filters_keep_matching_meetings_and_people() {
        let (records, merged) = two_samples();
        let all = apply(&merged, &Filters::default(), &records);
        assert_eq!(all, merged);
        let f = Filters { province: "w:Bình Định".into(), ..Filters::default() };
        let v = apply(&merged, &f, &records);
        assert!(v.meetings.iter().all(|m| m.provinces.contains(&"Bình Định".to_string())));
        assert!(v.people.iter().any(|p| p.name == "Nguyễn Thị Phong Vũ"));
        assert!(!v.people.iter().any(|p| p.name == "Y Ngọc"));
        let f = Filters { text: "phong vũ".into(), ..Filters::default() };
        assert_eq!(apply(&merged, &f, &records).people.len(), 1);
        let f = Filters { from: "2030-01-01".into(), ..Filters::default() };
        assert!(apply(&merged, &f, &records).meetings.is_empty());
    }

    #[test]
    fn addresses_keep_the_screen() {
        // (tab, filters, address)
        let cases: &[(Tab, Filters, &str)] = &[
            (Tab::Timeline, Filters::default(), ""),
            (Tab::Officials, Filters::default(), "#/can-bo"),
            (
                Tab::Officials,
                Filters { text: "pham anh tuan".into(), province: "w:Bình Định".into(), ..Filters::default() },
                "#/can-bo?q=pham%20anh%20tuan&tinh=B%C3%ACnh%20%C4%90%E1%BB%8Bnh",
            ),
            (
                Tab::Documents,
                Filters {
                    from: "2024-01-01".into(),
                    to: "2024-12-31".into(),
                    province: "t:Gia Lai".into(),
                    kind: "hội nghị".into(),
                    role: "chủ trì".into(),
                    organisation: "UBND & HĐND".into(),
                    ..Filters::default()
                },
                "#/van-ban?tu=2024-01-01&den=2024-12-31&tinh-nay=Gia%20Lai&loai=h%E1%BB%99i%20ngh%E1%BB%8B&vai-tro=ch%E1%BB%A7%20tr%C3%AC&co-quan=UBND%20%26%20H%C4%90ND",
            ),
            (Tab::Timeline, Filters { text: "a=b&c?#%".into(), ..Filters::default() }, "#/dong-thoi-gian?q=a%3Db%26c%3F%23%25"),
            (Tab::Person(12), Filters::default(), "#/can-bo/12"),
            (Tab::Person(0), Filters { text: "an".into(), ..Filters::default() }, "#/can-bo/0?q=an"),
            (Tab::Meeting(3), Filters::default(), "#/cuoc-hop/3"),
            (Tab::Meeting(0), Filters { kind: "giao ban".into(), ..Filters::default() }, "#/cuoc-hop/0?loai=giao%20ban"),
            (Tab::Document(41), Filters::default(), "#/van-ban/41"),
            (Tab::Document(7), Filters { text: "68".into(), ..Filters::default() }, "#/van-ban/7?q=68"),
            (Tab::Graph, Filters::default(), "#/quan-he"),
            (Tab::Map, Filters { province: "t:Huế".into(), ..Filters::default() }, "#/ban-do?tinh-nay=Hu%E1%BA%BF"),
        ];
        for (tab, f, hash) in cases {
            assert_eq!(to_hash(*tab, f), *hash);
            assert_eq!(from_hash(hash), (*tab, f.clone()), "{hash}");
        }
        // Typed or mangled by hand: what is known is kept.
        let (tab, f) = from_hash("#/can-bo/?q=ph%E1%BA%A1m+anh&tu=hôm-qua&x=1&q2");
        assert_eq!(tab, Tab::Officials);
        assert_eq!(f, Filters { text: "phạm anh".into(), ..Filters::default() });
        assert_eq!(from_hash("#/can-bo/12/"), (Tab::Person(12), Filters::default()));
        assert_eq!(from_hash("#/can-bo/mười"), (Tab::Timeline, Filters::default()), "not a person's number");
        assert_eq!(from_hash("#/cuoc-hop/5/"), (Tab::Meeting(5), Filters::default()));
        assert_eq!(from_hash("#/cuoc-hop/"), (Tab::Timeline, Filters::default()), "no meeting named");
        assert_eq!(from_hash("#/van-ban/"), (Tab::Documents, Filters::default()), "the documents' tab");
        assert_eq!(from_hash("#/van-ban/-1"), (Tab::Timeline, Filters::default()), "not a document's number");
        // Each card lights its tab's button.
        let lit = [
            (Tab::Person(1), Tab::Officials),
            (Tab::Meeting(1), Tab::Timeline),
            (Tab::Document(1), Tab::Documents),
            (Tab::Map, Tab::Map),
        ];
        for (tab, button) in lit {
            assert_eq!(tab.button(), button, "{tab:?}");
            assert_eq!(tab.is_card(), tab != button, "{tab:?}");
        }
        assert_eq!(
            from_hash("#/khong-co?q=%zz%"),
            (Tab::Timeline, Filters { text: "%zz%".into(), ..Filters::default() })
        );
    }

    #[test]
    fn search_as_people_type() {
        let arts: Vec<Article> = [
            include_str!("../public/samples/000_a1b6cc5c598c13a5.txt"),
            include_str!("../public/samples/001_054d4c0633b05464.txt"),
            include_str!("../public/samples/002_a93842e3d5632565.txt"),
        ]
        .iter()
        .enumerate()
        .map(|(i, t)| article(&format!("{i}.txt"), t))
        .collect();
        let records: HashMap<String, Arc<Record>> =
            arts.iter().map(|a| (a.name.clone(), a.record.clone().unwrap())).collect();
        let recs: Vec<Record> = arts.iter().map(|a| (**a.record.as_ref().unwrap()).clone()).collect();
        let merged = hoinghi_merge::merge(&recs);
        // (text, organisation, an official found, one not found)
        let cases: &[(&str, &str, &str, &str)] = &[
            ("pham thanh tung", "", "Phạm Thanh Tùng", "Nguyễn Trúc Sơn"),
            ("PHẠM THANH TÙNG", "", "Phạm Thanh Tùng", "Nguyễn Trúc Sơn"),
            ("ubnd tinh", "", "Nguyễn Trúc Sơn", "Phạm Thanh Tùng"),
            ("", "UBND tỉnh", "Y Ngọc", "Phạm Thanh Tùng"),
            ("hdnd", "", "Hồ Thị Hoàng Yến", "Y Ngọc"),
            ("phong vu", "tinh uy", "Nguyễn Thị Phong Vũ", "Y Ngọc"),
        ];
        for (text, org, found, not) in cases {
            let f = Filters { text: text.to_string(), organisation: org.to_string(), ..Filters::default() };
            let names: Vec<String> = apply(&merged, &f, &records).people.into_iter().map(|p| p.name).collect();
            assert!(names.iter().any(|n| n == found), "{text:?}/{org:?} should find {found}: {names:?}");
            assert!(!names.iter().any(|n| n == not), "{text:?}/{org:?} should not find {not}: {names:?}");
        }
    }
}
