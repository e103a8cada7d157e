//! Provinces across articles: each province as written with the unit it belongs to today.
//!
//! The core fills [`hoinghi_core::Record::province_today`] from its mapping of the 1 July 2025 merger;
//! here we only gather the pairs so the page can filter by either name.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::canon::phrase_key;
use crate::prepare::Prepared;

/// One province as articles write it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProvinceRef {
    /// As written (canonical spelling from the core), e.g. `Bình Định`.
    pub name: String,
    /// The unit since 1 July 2025, e.g. `Gia Lai`; `None` when the core did not say.
    pub today: Option<String>,
    pub sources: Vec<String>,
    pub articles: usize,
}

/// The provinces of `records` (sorted by source), sorted by name.
#[inline(never)] // a part of `merge_prepared`: see there why
pub(crate) fn merge_provinces(records: &[&Prepared]) -> Vec<ProvinceRef> {
    let mut by_key: BTreeMap<(String, Option<String>), ProvinceRef> = BTreeMap::new();
    for record in records {
        let Some(name) = &record.province else { continue };
        let key = (phrase_key(name), record.province_today.as_deref().map(phrase_key));
        let entry = by_key.entry(key).or_insert_with(|| ProvinceRef {
            name: name.clone(),
            today: record.province_today.clone(),
            sources: Vec::new(),
            articles: 0,
        });
        entry.sources.push(record.source.clone());
        entry.articles = entry.sources.len();
    }
    by_key.into_values().collect()
}
