//! The record `extract` returns: one article's meetings, officials and documents.
//!
//! Field names and shapes follow `shared/eval/README.md` (the contract the
//! scorer reads); everything else is free to grow. Spans are offsets in
//! Unicode scalar values (chars) into [`Record::text`], the normalised text.

use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

use crate::data;

/// A half-open range `[start, end)` of char offsets into [`Record::text`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// How much of a date the article tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Month,
    Year,
}

/// Where the publish date came from. Precedence (see [`crate::extract_with`]): the article's own date line,
/// then the saved page's metadata, then the caller's argument.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PublishedFrom {
    /// A date line in the article itself (`text`).
    Text,
    /// A saved web page's metadata (`page_metadata`): `article:published_time`, `datePublished`, `<time datetime>`.
    PageMetadata,
    /// The caller's `published` argument (`argument`): a flag, a date the user typed.
    Argument,
}

/// Everything found in one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Record {
    /// Set by the host (file path or a name the user gave); `extract` leaves it `None`.
    pub source: Option<String>,
    pub title: Option<String>,
    /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`.
    pub published: Option<String>,
    pub published_from: Option<PublishedFrom>,
    /// The province or centrally-run city the article is about, as written (canonical spelling).
    pub province: Option<String>,
    /// The unit that province belongs to since the merger of 1 July 2025.
    pub province_today: Option<String>,
    pub meetings: Vec<Meeting>,
    pub officials: Vec<Official>,
    pub documents: Vec<Document>,
    /// The normalised text every span points into.
    pub text: String,
    /// The article proper, without site furniture before and after it.
    pub body: Span,
}

/// One meeting the article reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Meeting {
    /// ISO date, `None` when the article never says (or its year is unknown).
    pub date: Option<String>,
    pub date_precision: Option<Precision>,
    /// `sáng`, `trưa`, `chiều` or `tối`.
    pub time_of_day: Option<PartOfDay>,
    /// The kind, from the meeting-kind lexicon (`giao ban`, `tổng kết`, ...).
    pub kind: String,
    /// The meeting's name as the article gives it.
    pub name: String,
    pub organizers: Vec<String>,
    /// Full names of the people who chair (`chủ trì`, `đồng chủ trì`).
    pub chairs: Vec<String>,
    pub attendees: Vec<String>,
    /// Places named for the meeting (`tại ...`, online `điểm cầu ...`).
    pub places: Vec<String>,
    /// The period the meeting reviews (`6 tháng đầu năm 2024`, `nhiệm kỳ 2021-2026`).
    pub period: Option<String>,
    /// The sentence the meeting was found in.
    pub evidence: Span,
}

/// One named person given at least one position.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Official {
    pub name: String,
    /// Each position on its own, abbreviations expanded.
    pub titles: Vec<String>,
    /// The same positions as the article wrote them (parallel to `titles`).
    pub titles_as_written: Vec<String>,
    /// The same positions read into their parts (parallel to `titles`); empty in records written before
    /// it existed.
    #[serde(default)]
    pub positions: Vec<Position>,
    /// `chủ trì`, `đồng chủ trì`, `dự`, `phát biểu`, `kết luận`, `chỉ đạo`, `trao`, `ký kết`.
    pub roles: Vec<Role>,
    pub mentions: Vec<Span>,
}

/// The part of the day a date is given with (`Chiều 13/12`). Serialised as the Vietnamese word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PartOfDay {
    #[serde(rename = "sáng")]
    Morning,
    #[serde(rename = "trưa")]
    Noon,
    #[serde(rename = "chiều")]
    Afternoon,
    /// `tối`, and `đêm` (night), which the record writes as `tối`.
    #[serde(rename = "tối")]
    Evening,
}

impl PartOfDay {
    /// The Vietnamese word, as the record writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            PartOfDay::Morning => "sáng",
            PartOfDay::Noon => "trưa",
            PartOfDay::Afternoon => "chiều",
            PartOfDay::Evening => "tối",
        }
    }

    /// The part of the day a word names, any case (`Sáng`, `đêm`): `data/parts_of_day.tsv`.
    pub fn parse(word: &str) -> Option<PartOfDay> {
        let word = word.to_lowercase();
        PartOfDay::words().iter().find(|(w, _)| *w == word).map(|(_, p)| *p)
    }

    /// The words of `data/parts_of_day.tsv` as written (lower case), in the file's order, with their part.
    pub fn words() -> &'static [(&'static str, PartOfDay)] {
        static WORDS: LazyLock<Vec<(&'static str, PartOfDay)>> = LazyLock::new(|| {
            data::rows(&data::PARTS_OF_DAY)
                .iter()
                .map(|r| {
                    let part = match r.get("part") {
                        "morning" => PartOfDay::Morning,
                        "noon" => PartOfDay::Noon,
                        "afternoon" => PartOfDay::Afternoon,
                        "evening" => PartOfDay::Evening,
                        other => r.malformed(&format!("{other:?} is not morning, noon, afternoon or evening")),
                    };
                    (r.get("word"), part)
                })
                .collect()
        });
        &WORDS
    }
}

impl std::fmt::Display for PartOfDay {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a person does at the meeting, from the verbs of `data/roles.tsv`. Serialised as the Vietnamese verb
/// (`"chủ trì"`), the record's field values since the first version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Role {
    #[serde(rename = "chủ trì")]
    Chair,
    #[serde(rename = "đồng chủ trì")]
    CoChair,
    #[serde(rename = "dự")]
    Attend,
    #[serde(rename = "phát biểu")]
    Speak,
    #[serde(rename = "kết luận")]
    Conclude,
    #[serde(rename = "chỉ đạo")]
    Direct,
    #[serde(rename = "trao")]
    Award,
    #[serde(rename = "ký kết")]
    Sign,
}

impl Role {
    pub const ALL: [Role; 8] =
        [Role::Chair, Role::CoChair, Role::Attend, Role::Speak, Role::Conclude, Role::Direct, Role::Award, Role::Sign];

    /// The Vietnamese verb, as the record and the data file write it.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Chair => "chủ trì",
            Role::CoChair => "đồng chủ trì",
            Role::Attend => "dự",
            Role::Speak => "phát biểu",
            Role::Conclude => "kết luận",
            Role::Direct => "chỉ đạo",
            Role::Award => "trao",
            Role::Sign => "ký kết",
        }
    }

    /// The role a verb names (`"chủ trì"`), `None` for any other text.
    pub fn parse(verb: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == verb)
    }

    /// Chairing or co-chairing: the meeting's chairs.
    pub fn chairs(self) -> bool {
        matches!(self, Role::Chair | Role::CoChair)
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One position read into its parts, as the extractor found it: what the merge compares, so that it
/// need not parse the title string again.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub struct Position {
    /// The rank's canonical spelling, a `rank` of `data/ranks.tsv` (`Phó Chủ tịch`).
    pub rank: String,
    /// The body, abbreviations expanded (`Ủy ban nhân dân tỉnh`); `None` when the title has none.
    pub body: Option<String>,
    /// `Thường trực` written after a rank that does not include it.
    pub standing: bool,
    /// `Quyền` (acting) written before the rank.
    pub acting: bool,
}

/// One document the article cites.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Document {
    pub kind: Option<String>,
    /// As written, without `số`.
    pub number: String,
    pub date: Option<String>,
    pub issuer: Option<String>,
    pub span: Span,
}
