//! Hội Nghị's extraction core: meetings, officials and documents from Vietnamese political news.
//!
//! Pure Rust, no I/O and no clock: the host passes the text and, when it knows one, the publish
//! date. The same code runs natively (the `hoinghi` CLI) and in the browser (wasm).
//!
//! ```
//! let text = "Thứ hai 17/06/2024 17:01\n\nChiều ngày 17/6/2024, Ban Dân vận Tỉnh ủy tổ chức Hội nghị giao ban. \
//!             Đ/c Nguyễn Thị Phong Vũ - UVBTV Tỉnh ủy, Trưởng Ban Dân vận Tỉnh ủy chủ trì Hội nghị.";
//! let record = hoinghi_core::extract(text, None);
//! assert_eq!(record.published.as_deref(), Some("2024-06-17T17:01"));
//! let vu = &record.officials[0];
//! assert_eq!(vu.name, "Nguyễn Thị Phong Vũ");
//! assert_eq!(vu.titles, ["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng Ban Dân vận Tỉnh ủy"]);
//! assert_eq!(record.meetings[0].chairs, ["Nguyễn Thị Phong Vũ"]);
//! assert_eq!(record.meetings[0].date.as_deref(), Some("2024-06-17"));
//! ```
//!
//! # The pipeline
//!
//! Each stage is one module, run in this order by [`extract`]:
//!
//! 1. [`normalise`]: NFC, one tone placement, whitespace and dashes. Every span in the record
//!    points into this normalised text, which the record carries.
//! 2. [`furniture`]: where the article is: the portal header, the title, the date line, the
//!    body, and the share boxes and related-article lists after it (left out of every later stage).
//! 3. [`dates`]: the date line (the publish date): a stamp in any outlet's shape (ISO 8601 with its zone
//!    turned to Vietnamese time, day or year first, weekday, labels, `(GMT+7)`), among the first lines, under
//!    the sapo or closing the article; relative stamps (`9 giờ trước`) are furniture, not dates. Dates in
//!    running text with their part of day; year-less and relative days (`chiều qua`, `chiều cùng ngày`)
//!    resolved against the publish date or the day named before them.
//!
//! 4. [`people`], [`positions`], [`items`], [`officials`]: names by the family-name lexicon, titles by the
//!    rank lexicon with their bodies, attached to names by the genre's shapes, abbreviations
//!    expanded ([`abbreviations`], including those the article defines).
//! 5. [`roles`]: `chủ trì`, `dự`, `phát biểu`, ... for the people each verb applies to ([`items::roles_of`]).
//! 6. [`documents`]: citations with kind, number as written, date and issuer.
//! 7. [`meetings`]: the lead sentence's meeting: kind, name, date, organisers, chairs, places.
//! 8. [`province`]: the province the article is about, and its unit after the 2025 merger ([`places`]).
//!
//! The publish date's precedence: the article's own date line, then a saved page's metadata, then the
//! caller's date ([`extract_with`], [`PublishedFrom`]): the line is what the reader sees; metadata can be
//! a crawl or update time, and a caller's date is one for a whole batch.
//!
//! # Layers: where the words live
//!
//! - **Data** (`data/*.tsv`, read by [`data`]: one reader, columns by name, a header on every file saying
//!   what it holds and where it comes from; `tests/data_files.rs` checks them all). The merge crate reads the
//!   same files through this crate: one home for every word the rules know.
//! - **Text** ([`chars`]: the one word-character table; [`normalise`]; [`fold`]: the one fold, lower case
//!   and one tone placement; [`word_classes`]: the table of `data/word_classes.tsv`, each folded word's
//!   classes — administrative unit, organisation head, honorific, list word, connective, quantity, ...;
//!   [`tokens`]): every token carries its fold, its shape and its classes, learnt once per word form, so a
//!   stage asks `token.is(Class::Unit)` instead of keeping a list of its own.
//! - **Lexicons** ([`lexicon`]: ranks, abbreviations, family names, meeting and document kinds as lookup
//!   tables over tokens; [`classes`]: a word or phrase of a class at a token).
//! - **Stages** (the pipeline above) hold the grammar: which shapes of classes and lexicon entries make a
//!   title, a name, a role, a citation, a meeting. Word-level stages ([`people`], [`positions`], [`roles`])
//!   come before [`items`], the sentence as a row of them, which [`officials`] and [`meetings`] read.
//!
//! Imports run one way only, down this list (data → text → lexicons → stages → `lib.rs`).
//!
//! To teach the extractor a word, edit one data file: a rank (`ranks.tsv`), an abbreviation
//! (`abbreviations.tsv`), an honorific or any other class (`word_classes.tsv`), a role verb (`roles.tsv`).
//!
//! # Speed
//!
//! Every byte of every article passes the first stages, so they read bytes where they can:
//! line and sentence breaks, the clean-text check and Vietnamese letters (lowered and classed by
//! their UTF-8 bytes) need no decoding. Words are folded once per thread and word form (a bounded
//! cache: the genre's vocabulary is a few thousand syllables), and carry their shape (capitalised,
//! all capitals). Lexicon lookups pass a small filter on (length, first byte, last byte) before
//! hashing, since most words start no phrase. Regexes avoid Unicode `\b`, which keeps them off the
//! fast engine on Vietnamese text, and read windows rather than the rest of the article.
//! `make bench-core` measures MB/s; `callgrind` counts instructions per pass (stable on a shared machine).

pub mod abbreviations;
pub mod calendar;
pub mod chars;
pub mod classes;
pub mod data;
pub mod dates;
pub mod documents;
pub mod fasthash;
pub mod fold;
pub mod furniture;
pub mod items;
pub mod lexicon;
pub mod meetings;
pub mod normalise;
pub mod officials;
pub mod people;
pub mod places;
pub mod positions;
pub mod province;
pub mod record;
pub mod roles;
pub mod spans;
#[cfg(test)]
mod test_random;
pub mod tokens;
pub mod word_classes;

use std::ops::Range;

pub use calendar::Date;
pub use dates::Stamp;
pub use record::{Document, Meeting, Official, PartOfDay, Position, Precision, PublishedFrom, Record, Role, Span};

/// Extracts one article's record. `published` is used when the text carries no date line.
pub fn extract(text: &str, published: Option<Date>) -> Record {
    let published =
        published.map(|date| Published { stamp: Stamp { date, time: None }, from: PublishedFrom::Argument });
    extract_with(text, published)
}

/// A publish date the host knows from outside the text: the page's metadata or the user's argument.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Published {
    pub stamp: Stamp,
    /// [`PublishedFrom::PageMetadata`] or [`PublishedFrom::Argument`].
    pub from: PublishedFrom,
}

/// Extracts one article's record with a publish date from outside the text. The article's own date line
/// wins: it is what the reader sees, and a page's metadata can be the crawl or update time. The host
/// passes the page's metadata before its argument (the page knows the article, a flag only the batch).
pub fn extract_with(text: &str, published: Option<Published>) -> Record {
    extract_with_progress(text, published, &mut |_| {})
}

/// What [`extract_with_progress`] is doing: the stage it has begun and how much of the whole extraction is
/// done (0.0 to 1.0), by the share of time each stage takes on a long article.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Progress {
    pub stage: Stage,
    pub fraction: f64,
}

/// The stages [`extract_with_progress`] reports, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Normalise,
    Layout,
    Tokens,
    Officials,
    Documents,
    Meetings,
    Province,
    Done,
}

impl Stage {
    /// Each stage's share of the time on long generated articles (`make bench-linear`), in order.
    const SHARES: [(Stage, f64); 7] = [
        (Stage::Normalise, 0.04),
        (Stage::Layout, 0.02),
        (Stage::Tokens, 0.22),
        (Stage::Officials, 0.52),
        (Stage::Documents, 0.06),
        (Stage::Meetings, 0.12),
        (Stage::Province, 0.02),
    ];

    /// The fraction of the extraction done when this stage begins.
    pub fn begins_at(self) -> f64 {
        Stage::SHARES.iter().take_while(|(s, _)| *s != self).map(|(_, share)| share).sum::<f64>().min(1.0)
    }

    fn share(self) -> f64 {
        Stage::SHARES.iter().find(|(s, _)| *s == self).map_or(0.0, |(_, share)| *share)
    }
}

/// [`extract_with`], telling `progress` as each stage begins and, in the longest one, every few thousand
/// sentences (a few dozen calls for the longest article, never one per word), for a host that shows a huge
/// article's progress. The record is the one [`extract_with`] returns.
///
/// Each stage's entry is `#[inline(never)]`: called from here alone, the stages were inlined into this function,
/// a 37-97 KB function in the page's worker that the browser's optimising compiler took 100-450 ms to compile
/// (once or twice a load), where the stages apart cost a fraction of that (the cost grows faster than a
/// function's size; bench/README.md, "Session 12"). A call a stage an article costs nothing to speak of.
pub fn extract_with_progress(text: &str, published: Option<Published>, progress: &mut dyn FnMut(Progress)) -> Record {
    let mut begin = |stage: Stage| progress(Progress { stage, fraction: stage.begins_at() });
    begin(Stage::Normalise);
    let text = normalise::normalise(text);
    let index = spans::CharIndex::new(&text);
    begin(Stage::Layout);
    let layout = furniture::layout(&text);

    let (published_iso, published_date, published_from) = match (&layout.date_line, published) {
        (Some(line), _) => (Some(line.iso()), Some(line.date), Some(PublishedFrom::Text)),
        (None, Some(p)) => (Some(p.stamp.iso()), Some(p.stamp.date), Some(p.from)),
        (None, None) => (None, None, None),
    };

    begin(Stage::Tokens);
    let body_sentences = tokens::sentences(&text, layout.body.clone());
    // A title line is read as a sentence, as long as one at most (see `tokens::MAX_SENTENCE`).
    let mut article_sentences: Vec<Range<usize>> =
        layout.title.iter().flat_map(|t| tokens::bounded(&text, t.clone())).collect();
    article_sentences.extend(body_sentences.iter().cloned());

    let all_tokens = tokens::tokenize(&text, article_range(&layout));
    let defs = abbreviations::definitions(&all_tokens, &text);
    begin(Stage::Officials);
    // Each mention joins its official as it is found: a long article's mentions are never all held at once.
    let mut gathered = officials::Gathered::default();
    let (start, share) = (Stage::Officials.begins_at(), Stage::Officials.share());
    officials::each_mention(
        &text,
        &all_tokens,
        &article_sentences,
        &defs,
        &index,
        &mut |m| gathered.add(m),
        &mut |f| progress(Progress { stage: Stage::Officials, fraction: start + share * f }),
    );
    let mut officials = gathered.officials();
    officials::complete_places(&mut officials, &text, article_range(&layout));
    let mut begin = |stage: Stage| progress(Progress { stage, fraction: stage.begins_at() });
    begin(Stage::Documents);
    let found_documents = documents::documents(&text, article_range(&layout), &all_tokens, &index);
    let document_ranges: Vec<Range<usize>> = found_documents.iter().map(|(_, r)| r.clone()).collect();
    begin(Stage::Meetings);
    // The outlet's place label glued to the first sentence (`TP HCMTừ 0h ...`) is no subject of it; the province
    // stage reads it as the place it is.
    let mut meeting_sentences = body_sentences.clone();
    if let Some(first) = meeting_sentences.first_mut() {
        *first = furniture::past_place_label(&text, first.clone());
    }
    let meetings = meetings::meetings(
        &text,
        &all_tokens,
        &meeting_sentences,
        article_sentences.first().filter(|_| layout.title.is_some()).cloned(),
        published_date,
        &meetings::Found { officials: &officials, documents: &document_ranges, defs: &defs },
        &index,
    );
    begin(Stage::Province);
    let province = province::province(&text, &layout, &all_tokens, &body_sentences, published_date);

    progress(Progress { stage: Stage::Done, fraction: 1.0 });
    Record {
        source: None,
        title: layout.title.as_ref().map(|t| text[t.clone()].to_string()),
        published: published_iso,
        published_from,
        province: province.map(|p| p.name.to_string()),
        province_today: province.map(|p| p.today.to_string()),
        meetings,
        officials,
        documents: found_documents.into_iter().map(|(d, _)| d).collect(),
        body: index.span(layout.body.clone()),
        text,
    }
}

/// Title and body: the part of the text later stages read.
fn article_range(layout: &furniture::Layout) -> Range<usize> {
    let start = layout.title.as_ref().map_or(layout.body.start, |t| t.start.min(layout.body.start));
    start..layout.body.end.max(start)
}
