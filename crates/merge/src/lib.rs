//! Merging the records of many articles: one person with the history of their posts, one meeting from
//! several outlets, one document cited many times, and the provinces as written and as today's units.
//!
//! The merge is a pure function of [`hoinghi_core::Record`]s — no I/O, no clock — so the CLI
//! (`hoinghi merge FILE...`) and the page (compiled to wasm) share it.
//!
//! ```
//! use hoinghi_core::{Official, Record};
//!
//! let article = |source: &str, name: &str, published: &str| Record {
//!     source: Some(source.into()),
//!     published: Some(published.into()),
//!     province: Some("Hải Phòng".into()),
//!     officials: vec![Official {
//!         name: name.into(),
//!         titles: vec!["Trưởng Ban Dân vận Thành ủy".into()],
//!         ..Official::default()
//!     }],
//!     ..Record::default()
//! };
//! // The same man, once with a typo in his name.
//! let merged = hoinghi_merge::merge(&[
//!     article("a.txt", "Lê trí Vũ", "2021-07-13"),
//!     article("b.txt", "Lê Trí Vũ", "2021-08-02"),
//! ]);
//! assert_eq!(merged.people.len(), 1);
//! assert_eq!(merged.people[0].name, "Lê Trí Vũ");
//! assert_eq!(merged.people[0].articles, 2);
//! ```
//!
//! # How it works
//! 1. [`prepare`](crate::prepare) reads each record once into comparison keys: names folded by
//!    [`canon::fold`] (NFC, case, tone-mark placement, whitespace), posts read into a body and a scope
//!    (national: one in the country; local: one per province): from the rank and body the core found
//!    ([`titles::read_position`], `Official::positions`), or for records without them from the title
//!    string ([`titles::read_post`]). Ranks, abbreviations, scopes and document symbols are the core's
//!    data files (`crates/core/data`, [`hoinghi_core::data`]).
//! 2. [`people`] groups officials by folded name and splits each name into people by province and body
//!    (the rule is written at the top of that module); each person keeps a dated history of posts, with
//!    shortened repeats linked to the post they shorten.
//! 3. [`meetings`] joins reports of one meeting: same day, same kind, a shared chair or organiser.
//! 4. [`documents`] keys numbers (`33/CT-TTg` = `33/CTTTG`) and infers kind and issuer from the symbol.
//! 5. [`provinces`] lists each province as written with today's unit.
//! 6. [`graph`] draws who meets whom from the merged meetings (the page's graph and a person's card);
//!    [`map`] reads the provinces' tile grid and counts meetings on it; [`links`] ties a meeting to its people
//!    and to the documents its articles cite (the page's cards).
//! 7. [`csv`] writes the tables; [`Merger`] keeps prepared records so the page can add and remove articles.
//!
//! Output order does not depend on input order: records are sorted by `source` before merging, and every
//! list is sorted. Records should have distinct sources; one without a source is named `#N` (its position).

pub mod canon;
pub mod corrections;
pub mod csv;
pub mod documents;
pub mod graph;
pub mod links;
pub mod map;
pub mod meetings;
pub mod nfc;
pub mod order;
pub mod people;
mod prepare;
pub mod provinces;
pub mod search;
pub mod titles;

use std::collections::BTreeMap;

use hoinghi_core::Record;
use serde::{Deserialize, Serialize};

pub use corrections::{Change, Corrections, FactRef, Identity};
pub use csv::{cell_text, documents_csv, meetings_csv, people_csv, positions_csv};
pub use documents::{Citation, MergedDocument};
pub use links::Named;
pub use meetings::{MergedMeeting, Report};
pub use people::{Mention, Person, Position, Post};
pub use prepare::DateFrom;
pub use provinces::ProvinceRef;
pub use titles::Scope;

use prepare::{prepare, Keys, Prepared};

/// Everything merged across a set of articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Merged {
    /// Sorted by name, then first seen.
    pub people: Vec<Person>,
    /// Sorted by date (undated last), then kind.
    pub meetings: Vec<MergedMeeting>,
    /// Sorted by number key, then date.
    pub documents: Vec<MergedDocument>,
    /// Sorted by name.
    pub provinces: Vec<ProvinceRef>,
}

/// Merges the records of many articles. A record without `source` is named `#N` (1-based position).
pub fn merge(records: &[Record]) -> Merged {
    let mut keys = Keys::default();
    let prepared: Vec<Prepared> =
        records.iter().enumerate().map(|(i, r)| prepare(r, &format!("#{}", i + 1), &mut keys)).collect();
    merge_prepared(prepared.iter().collect(), &Identity::default())
}

/// Merges the records as corrected by the user: each record corrected, the people and documents grouped as
/// the user chose.
pub fn merge_corrected(records: &[Record], corrections: &Corrections) -> Merged {
    let corrected: Vec<Record> = records.iter().map(|r| corrections.apply(r).unwrap_or_else(|| r.clone())).collect();
    let mut keys = Keys::default();
    let prepared: Vec<Prepared> =
        corrected.iter().enumerate().map(|(i, r)| prepare(r, &format!("#{}", i + 1), &mut keys)).collect();
    merge_prepared(prepared.iter().collect(), &corrections.identity())
}

/// Its four parts are each `#[inline(never)]`: inlined into this function (each is called from here alone), they
/// made a 52 KB wasm function that the browser's optimising compiler took 130-330 ms to compile in the merge
/// worker, where a part alone costs a fraction of that (the cost grows faster than a function's size).
fn merge_prepared(mut records: Vec<&Prepared>, identity: &Identity) -> Merged {
    records.sort_by(|a, b| a.source.cmp(&b.source));
    let (people, lookup) = people::merge_people(&records, identity);
    Merged {
        meetings: meetings::merge_meetings(&records, &lookup),
        documents: documents::merge_documents(&records, &identity.same_documents),
        provinces: provinces::merge_provinces(&records),
        people,
    }
}

/// An incremental merge for the page: articles come and go, the merged view is recomputed from records
/// read once (folding the text is the costly part; grouping 500 articles' keys takes a few milliseconds).
#[derive(Debug, Default, Clone)]
pub struct Merger {
    records: BTreeMap<String, Prepared>,
    unnamed: usize,
    keys: Keys,
    identity: Identity,
}

impl Merger {
    pub fn new() -> Merger {
        Merger::default()
    }

    /// Adds an article's record, replacing any earlier one with the same source; returns the source it is
    /// filed under (`#N` when the record has none).
    pub fn add(&mut self, record: &Record) -> String {
        self.unnamed += 1;
        let prepared = prepare(record, &format!("#{}", self.unnamed), &mut self.keys);
        let source = prepared.source.clone();
        self.records.insert(source.clone(), prepared);
        source
    }

    /// Removes the article filed under `source`; false when there was none.
    pub fn remove(&mut self, source: &str) -> bool {
        self.records.remove(source).is_some()
    }

    /// The sources of the articles held, sorted.
    pub fn sources(&self) -> impl Iterator<Item = &str> {
        self.records.keys().map(String::as_str)
    }

    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// Follows the user's joins and splits of people and documents from now on.
    pub fn set_identity(&mut self, identity: Identity) {
        self.identity = identity;
    }

    /// The merged view of the articles held now.
    pub fn merged(&self) -> Merged {
        merge_prepared(self.records.values().collect(), &self.identity)
    }
}
