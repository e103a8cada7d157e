//! The data files in `data/`, compiled in, and the one reader every lexicon goes through.
//!
//! A data file is UTF-8 TSV: `#` lines first, saying what the file holds and where it comes from
//! (more `#` lines may stand between rows), then a line of column names, then one row a line with one
//! cell per column (cells are trimmed; a blank line is skipped). Code reads a cell by its column's
//! name ([`Row::get`]), never by its position, so a column can be added to a file without breaking
//! the code that reads the others.
//!
//! The files are compiled in, so a malformed one is a bug of this crate: [`rows`] panics on it, at
//! the first use of the lexicon, with the file and line. [`parse`] says the same as an error, for
//! tests (`tests/data_files.rs` parses every file in [`FILES`]).
//!
//! ```
//! use hoinghi_core::data;
//! let ranks = data::rows(&data::RANKS);
//! assert_eq!(ranks[0].get("rank"), "Tổng Bí thư");
//! ```

use std::sync::{Arc, LazyLock};

/// One compiled-in data file: its name in `data/` and its text.
#[derive(Debug, Clone, Copy)]
pub struct DataFile {
    pub name: &'static str,
    pub text: &'static str,
}

macro_rules! data_files {
    ($($(#[$doc:meta])* $id:ident = $file:literal;)*) => {
        // In wasm, the copies build.rs wrote without the words of their `#` lines (the first load's bytes).
        $($(#[$doc])*
        #[cfg(not(target_arch = "wasm32"))]
        pub const $id: DataFile = DataFile { name: $file, text: include_str!(concat!("../data/", $file)) };
        #[cfg(target_arch = "wasm32")]
        pub const $id: DataFile = DataFile { name: $file, text: include_str!(concat!(env!("OUT_DIR"), "/", $file)) };)*
        /// Every data file of the crate.
        pub const FILES: &[DataFile] = &[$($id),*];
    };
}

data_files! {
    /// Abbreviations: expanded by the extractor inside positions, folded by the merge when comparing.
    ABBREVIATIONS = "abbreviations.tsv";
    /// Lower-case words that may stand inside a position's body.
    BODY_WORDS = "body_words.tsv";
    /// Bodies whose members sit in a larger one (`Bộ Chính trị` in `Trung ương Đảng`), read by the merge.
    CENTRAL_BODIES = "central_bodies.tsv";
    /// Countries whose first syllable is also a Vietnamese name.
    COUNTRIES = "countries.tsv";
    /// Words allowed around a date line's date, and relative stamps (`9 giờ trước`) that are no date.
    DATE_WORDS = "date_words.tsv";
    /// Issuers by their code in a document number.
    DOCUMENT_ISSUERS = "document_issuers.tsv";
    /// Document kinds and the letters that stand for them in a number.
    DOCUMENT_KINDS = "document_kinds.tsv";
    /// What a document number's symbol tells of the kind and the issuer (read by the merge).
    DOCUMENT_SYMBOLS = "document_symbols.tsv";
    /// Family names and name-start patterns.
    FAMILY_NAMES = "family_names.tsv";
    /// Site furniture: lines that are not the article.
    FURNITURE = "furniture.tsv";
    /// Meeting-kind phrases.
    MEETING_KINDS = "meeting_kinds.tsv";
    /// Provincial news outlets and portals.
    OUTLETS = "outlets.tsv";
    /// Words that put a meeting at another time than the lead's day (`sẽ`, `dự kiến`).
    OTHER_TIME_WORDS = "other_time_words.tsv";
    /// Parts of the day a date is given with (`sáng`, `chiều`).
    PARTS_OF_DAY = "parts_of_day.tsv";
    /// Provinces before and after 1 July 2025.
    PROVINCES = "provinces.tsv";
    /// Ranks: the heads of positions.
    RANKS = "ranks.tsv";
    /// Relative days (`hôm qua`, `cùng ngày`) and what they count from.
    RELATIVE_DAYS = "relative_days.tsv";
    /// Verbs that report (`cho biết`): a day before one dates the report, not the meeting.
    REPORTING_VERBS = "reporting_verbs.tsv";
    /// Role verbs.
    ROLES = "roles.tsv";
    /// Words that tell whether a post or an organiser is national or local (read by the merge).
    SCOPES = "scopes.tsv";
    /// Lower-case words that end a position.
    STOP_WORDS = "stop_words.tsv";
    /// Phrases matched on the raw text, not on tokens (`TextList`).
    TEXT_LISTS = "text_lists.tsv";
    /// Word classes: what the rules know about a word (`classes.rs`).
    WORD_CLASSES = "word_classes.tsv";
}

/// One row of a data file.
#[derive(Debug, Clone)]
pub struct Row {
    file: &'static str,
    line: usize,
    columns: Arc<[&'static str]>,
    cells: Vec<&'static str>,
}

impl Row {
    /// The cell of the column named `column`; panics, naming the file, when the file has no such column.
    pub fn get(&self, column: &str) -> &'static str {
        match self.columns.iter().position(|c| *c == column) {
            Some(i) => self.cells[i],
            None => panic!("data/{}: no column `{column}` (its columns: {})", self.file, self.columns.join(", ")),
        }
    }

    /// The non-empty `|`-separated items of a cell (`variants` of a rank).
    pub fn list(&self, column: &str) -> impl Iterator<Item = &'static str> {
        self.get(column).split('|').map(str::trim).filter(|s| !s.is_empty())
    }

    /// Whether a `yes`/`no` cell says yes.
    pub fn yes(&self, column: &str) -> bool {
        self.get(column) == "yes"
    }

    /// A cell, `None` when it is empty.
    pub fn optional(&self, column: &str) -> Option<&'static str> {
        Some(self.get(column)).filter(|c| !c.is_empty())
    }

    /// Panics with what is wrong with this row, naming its file and line.
    pub fn malformed(&self, what: &str) -> ! {
        panic!("data/{}:{}: {what}", self.file, self.line)
    }

    /// The line of the file the row is on, counted from 1.
    pub fn line(&self) -> usize {
        self.line
    }

    /// The cells, in the order of the file's columns.
    pub fn cells(&self) -> &[&'static str] {
        &self.cells
    }
}

/// A parsed data file: its column names and its rows.
#[derive(Debug, Clone)]
pub struct Table {
    pub columns: Vec<&'static str>,
    pub rows: Vec<Row>,
}

/// The rows of a data file; panics with the file and line when it is malformed (see the module doc).
pub fn rows(file: &DataFile) -> Vec<Row> {
    parse(file).unwrap_or_else(|e| panic!("{e}")).rows
}

/// Parses a data file, or says what is wrong with it and where (`data/ranks.tsv:12: ...`).
pub fn parse(file: &DataFile) -> Result<Table, String> {
    let at = |line: usize, what: String| format!("data/{}:{line}: {what}", file.name);
    let mut lines = file.text.lines().enumerate().map(|(i, l)| (i + 1, l));
    if !file.text.starts_with('#') {
        return Err(at(1, "no `#` header saying what the file holds and where it comes from".into()));
    }
    let mut content = lines.by_ref().filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty());
    let Some((header_line, header)) = content.next() else {
        return Err(at(1, "no line of column names".into()));
    };
    let columns: Vec<&'static str> = header.split('\t').map(str::trim).collect();
    for (i, c) in columns.iter().enumerate() {
        if c.is_empty() {
            return Err(at(header_line, format!("column {} has no name", i + 1)));
        }
        if columns[..i].contains(c) {
            return Err(at(header_line, format!("column `{c}` named twice")));
        }
    }
    let shared: Arc<[&'static str]> = columns.clone().into();
    let mut rows = Vec::new();
    for (line, text) in content {
        let cells: Vec<&'static str> = text.split('\t').map(str::trim).collect();
        if cells.len() != columns.len() {
            return Err(at(
                line,
                format!("{} cells, but the file has {} columns ({})", cells.len(), columns.len(), columns.join(", ")),
            ));
        }
        rows.push(Row { file: file.name, line, columns: shared.clone(), cells });
    }
    Ok(Table { columns, rows })
}

/// A list of `text_lists.tsv`: phrases a rule matches on the raw text (a regex's alternation, a suffix of the
/// lower-cased text before a name), not on tokens, so they take no bit of a token's classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextList {
    /// A provincial unit's word before a province's name (`tỉnh Nghệ An`, `TP Huế`, `thành phố Đà Nẵng`).
    ProvinceUnit,
    /// Words right before a province's name that show the article names the province itself (`tỉnh`, `Tỉnh ủy`,
    /// `điểm cầu`, `UBND tỉnh`): the mention weighs more. Matched on the lower-cased text before the name.
    ProvinceLead,
    /// A unit under a province (`quận`, `huyện`, `xã`): `quận Ba Đình, Hà Nội` gives a place with its province.
    LocalUnit,
    /// A noun before a day's number (`ngày 2.5`, `hôm 3.5`): a dotted pair after it is a date, not a decimal.
    DayNoun,
    /// A qualifier between a document's kind and its number (`Thông tư liên tịch số`, `Công điện hỏa tốc số`).
    KindQualifier,
    /// A verb, conjunction or function word that ends a document's issuer (`của Thủ tướng về ...`,
    /// `của UBND tỉnh không ...`). Matched as written, in any case, as whole words.
    IssuerEnd,
    /// A word after a plain number that makes it a quantity, not a document's number (`kế hoạch 5 năm`, `16 %`).
    /// Compared with the lower-cased word as written.
    DocumentQuantity,
    /// An institution, street or award that takes a person's name (`Trường Chính trị Nguyễn Văn Linh`, `Bệnh viện
    /// Bạch Mai`, `đường Nguyễn Huệ`, `THPT Nguyễn Thị Bích Châu`): a name right after it is its name, not a person
    /// the article reports. Compared with the folded words before the name.
    NamedAfter,
    /// Words in the clause before a meeting phrase that is a verb alone (`ký kết`) that make it an act mentioned, not
    /// one the article reports: passive (`được`, `bị`), made a noun (`việc`, `sự`), to come or only wanted (`sẽ`,
    /// `dự kiến`, `tìm cách`). Compared with the folded words of the clause.
    NotTheAct,
    /// Nouns that end in the acting word (`chính quyền`, `thẩm quyền`): before a post they are no `quyền Bộ trưởng`
    /// (`chính quyền Tổng thống Trump`). Compared with the folded words before the post.
    NotActing,
    /// Words that hold a meeting phrase and name no meeting (`hội họp`, `tụ họp`: gathering as such; `Tuần lễ` is a
    /// week): the phrase inside them is none. Compared with the folded words around the phrase.
    NotAMeeting,
}

impl TextList {
    const ALL: [(TextList, &'static str); 11] = [
        (TextList::ProvinceUnit, "province_unit"),
        (TextList::ProvinceLead, "province_lead"),
        (TextList::LocalUnit, "local_unit"),
        (TextList::DayNoun, "day_noun"),
        (TextList::KindQualifier, "kind_qualifier"),
        (TextList::IssuerEnd, "issuer_end"),
        (TextList::DocumentQuantity, "document_quantity"),
        (TextList::NamedAfter, "named_after"),
        (TextList::NotTheAct, "not_the_act"),
        (TextList::NotActing, "not_acting"),
        (TextList::NotAMeeting, "not_a_meeting"),
    ];

    /// The list a data file names, `None` for a name that is no list.
    pub fn parse(name: &str) -> Option<TextList> {
        TextList::ALL.iter().find(|(_, n)| *n == name).map(|(l, _)| *l)
    }

    /// The phrases of the list as the file writes them, in its order (a regex alternation keeps it).
    pub fn phrases(self) -> impl Iterator<Item = &'static str> {
        static ROWS: LazyLock<Vec<(&'static str, TextList)>> = LazyLock::new(|| {
            rows(&TEXT_LISTS)
                .iter()
                .map(|r| {
                    let name = r.get("list");
                    let list = TextList::parse(name).unwrap_or_else(|| r.malformed(&format!("{name:?} is no list")));
                    (r.get("phrase"), list)
                })
                .collect()
        });
        ROWS.iter().filter(move |(_, l)| *l == self).map(|(p, _)| *p)
    }
}

/// Whether a post or an organiser exists once in the country or once per locality (`scopes.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeMarker {
    National,
    Local,
    /// A phrase that only hides the words inside it (`xã hội` is not a commune).
    None,
}

/// The markers of `scopes.tsv`: (phrase as written, scope).
pub static SCOPE_MARKERS: LazyLock<Vec<(&'static str, ScopeMarker)>> = LazyLock::new(|| {
    rows(&SCOPES)
        .into_iter()
        .map(|r| {
            let scope = match r.get("scope") {
                "national" => ScopeMarker::National,
                "local" => ScopeMarker::Local,
                "none" => ScopeMarker::None,
                other => r.malformed(&format!("scope `{other}` is not national, local or none")),
            };
            (r.get("marker"), scope)
        })
        .collect()
});

/// One rule of `document_symbols.tsv`: what a symbol tells of a document's kind and issuer.
#[derive(Debug, Clone)]
pub struct DocumentSymbol {
    /// Matched against the first code with a letter: exact, `X*` a prefix, `*` anything.
    pub kind_code: &'static str,
    /// Matched against any later code, the same way.
    pub issuer_code: &'static str,
    pub kind: Option<&'static str>,
    pub issuer: Option<&'static str>,
}

/// The rules of `document_symbols.tsv`, in the file's order (the first that matches wins).
pub static DOCUMENT_SYMBOL_RULES: LazyLock<Vec<DocumentSymbol>> = LazyLock::new(|| {
    let tells = |s: &'static str| (s != "-").then_some(s);
    rows(&DOCUMENT_SYMBOLS)
        .into_iter()
        .map(|r| DocumentSymbol {
            kind_code: r.get("type"),
            issuer_code: r.get("issuer"),
            kind: tells(r.get("kind")),
            issuer: tells(r.get("issuer_name")),
        })
        .collect()
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_files_say_where() {
        let bad = DataFile { name: "x.tsv", text: "# x\na\tb\n1\t2\n# more\n3\n" };
        assert_eq!(parse(&bad).unwrap_err(), "data/x.tsv:5: 1 cells, but the file has 2 columns (a, b)");
        let bad = DataFile { name: "x.tsv", text: "a\tb\n" };
        assert!(parse(&bad).unwrap_err().contains("no `#` header"));
        let good = DataFile { name: "x.tsv", text: "# x\na\tb\n\n1\t \n" };
        let t = parse(&good).unwrap();
        assert_eq!((t.rows[0].get("a"), t.rows[0].optional("b"), t.rows[0].line()), ("1", None, 4));
    }

    /// The wasm builds' copies (build.rs) give every row, on its line, as the files do.
    #[test]
    fn the_copies_without_comments_read_as_the_files() {
        for file in FILES {
            let path = format!("{}/{}", env!("OUT_DIR"), file.name);
            let text: &'static str = Box::leak(std::fs::read_to_string(&path).unwrap().into_boxed_str());
            assert!(text.len() < file.text.len(), "{}: nothing left out", file.name);
            let (bare, full) = (parse(&DataFile { name: file.name, text }).unwrap(), parse(file).unwrap());
            assert_eq!(bare.columns, full.columns, "{}", file.name);
            let rows = |t: &Table| t.rows.iter().map(|r| (r.line(), r.cells().to_vec())).collect::<Vec<_>>();
            assert_eq!(rows(&bare), rows(&full), "{}", file.name);
        }
    }

    #[test]
    fn every_text_list_has_a_name_and_phrases() {
        for (list, name) in TextList::ALL {
            assert_eq!(TextList::parse(name), Some(list));
            assert!(list.phrases().next().is_some(), "no phrase in list {name}");
        }
    }
}
