//! Documents across articles: one [`MergedDocument`] per document number, with every article citing it.
//!
//! # The rule
//! The key of a number is the number upper-cased, spaces and dashes removed, `Đ` read as `D`
//! (`33/CT-TTg` = `33/CTTTG`, `18 NQ/ TU` = `18-NQ/TU`). A bare number (`Nghị quyết 54`) says little, so
//! its key also holds the kind. Citations of one key with different dates are different documents
//! (`01-KL/TW` of 2016 and of 2021); an undated citation goes to the latest dated one not after the citing
//! article's publish date, else to the earliest. The number shown is the one first written (by date, then
//! source). Kind and issuer are the ones articles write, most frequent first; when no article writes them,
//! they are read from the symbol (the core's `data/document_symbols.tsv`) and marked as inferred.
//!
//! Two citations the user said cite one document ([`crate::corrections::Identity`]: `Nghị quyết 68` and
//! `68-NQ/TW`) join their documents, whatever the keys.

use hoinghi_core::data::DOCUMENT_SYMBOL_RULES;
use hoinghi_core::Span;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use crate::canon::phrase_key;
use crate::corrections::FactRef;
use crate::prepare::{PDocument, Prepared};

/// One document, cited by one or more articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MergedDocument {
    /// Index in [`crate::Merged::documents`].
    pub id: usize,
    /// The comparison key (`33/CTTTG`).
    pub key: String,
    /// The number as first written.
    pub number: String,
    pub numbers_as_written: Vec<String>,
    pub kind: Option<String>,
    /// True when no article names the kind and it was read from the symbol.
    pub kind_inferred: bool,
    pub issuer: Option<String>,
    pub issuer_inferred: bool,
    pub date: Option<String>,
    pub citations: Vec<Citation>,
    pub sources: Vec<String>,
    pub articles: usize,
}

/// One article citing a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Citation {
    pub source: String,
    pub published: Option<String>,
    pub number: String,
    pub kind: Option<String>,
    pub issuer: Option<String>,
    pub span: Span,
}

/// The comparison key of a document number.
pub fn document_key(number: &str) -> String {
    number
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '–' | '—' | '‐' | '‑' | '.'))
        .map(|c| if matches!(c, 'Đ' | 'đ') { 'D' } else { c })
        .flat_map(char::to_uppercase)
        .collect()
}

/// The codes of a number's symbol: `33/CT-TTg` -> `["33", "CT", "TTG"]`.
fn symbol_codes(number: &str) -> Vec<String> {
    number
        .split(|c: char| c == '/' || c == '-' || c == '–' || c.is_whitespace())
        .filter(|c| !c.is_empty())
        .map(document_key)
        .collect()
}

fn code_matches(pattern: &str, code: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(prefix) => code.starts_with(prefix),
        None => pattern == code,
    }
}

/// The kind and issuer a number's symbol tells (`33/CT-TTg` -> Chỉ thị, Thủ tướng Chính phủ).
pub fn infer_from_symbol(number: &str) -> (Option<&'static str>, Option<&'static str>) {
    let codes = symbol_codes(number);
    let Some(at) = codes.iter().position(|c| c.chars().any(char::is_alphabetic)) else { return (None, None) };
    let (kind_code, issuers) = (&codes[at], &codes[at + 1..]);
    let rule = DOCUMENT_SYMBOL_RULES.iter().find(|r| {
        code_matches(r.kind_code, kind_code)
            && (r.issuer_code == "*" || issuers.iter().any(|i| code_matches(r.issuer_code, i)))
    });
    rule.map_or((None, None), |r| (r.kind, r.issuer))
}

/// The key a citation is grouped by: a bare number also carries its kind.
fn group_key(d: &PDocument) -> String {
    if d.key.chars().any(char::is_alphabetic) {
        d.key.clone()
    } else {
        format!("{}|{}", d.key, d.kind.as_deref().map(phrase_key).unwrap_or_default())
    }
}

/// Merges the documents of `records` (sorted by source), sorted by key then date.
#[inline(never)] // a part of `merge_prepared`: see there why
pub(crate) fn merge_documents(records: &[&Prepared], same: &[(FactRef, FactRef)]) -> Vec<MergedDocument> {
    let mut by_key: BTreeMap<String, Vec<(&Prepared, &PDocument)>> = BTreeMap::new();
    for record in records {
        for doc in &record.documents {
            by_key.entry(group_key(doc)).or_default().push((record, doc));
        }
    }
    let mut all: Vec<Vec<(&Prepared, &PDocument)>> = Vec::new();
    for (_, mut cites) in by_key {
        cites.sort_by(|(ra, a), (rb, b)| {
            (a.date.is_none(), &a.date, &ra.published, &ra.source).cmp(&(
                b.date.is_none(),
                &b.date,
                &rb.published,
                &rb.source,
            ))
        });
        let dates: Vec<&String> =
            cites.iter().filter_map(|(_, d)| d.date.as_ref()).collect::<BTreeSet<_>>().into_iter().collect();
        let mut groups: BTreeMap<Option<&String>, Vec<(&Prepared, &PDocument)>> = BTreeMap::new();
        for (record, doc) in cites {
            let date = doc.date.as_ref().or_else(|| undated_goes_to(&dates, record.published.as_ref()));
            groups.entry(date).or_default().push((record, doc));
        }
        all.extend(groups.into_values());
    }
    for (a, b) in same {
        let is = |f: &FactRef, (r, d): &(&Prepared, &PDocument)| r.source == f.source && d.span == f.at;
        let find =
            |f: &FactRef, all: &[Vec<(&Prepared, &PDocument)>]| all.iter().position(|g| g.iter().any(|c| is(f, c)));
        let (Some(i), Some(j)) = (find(a, &all), find(b, &all)) else { continue };
        if i != j {
            let other = all.remove(i.max(j));
            all[i.min(j)].extend(other);
        }
    }
    let mut documents: Vec<MergedDocument> = all.iter().map(|g| build_document(g)).collect();
    for (id, doc) in documents.iter_mut().enumerate() {
        doc.id = id;
    }
    documents
}

/// The dated variant an undated citation belongs to.
fn undated_goes_to<'a>(dates: &[&'a String], published: Option<&String>) -> Option<&'a String> {
    let before = published.and_then(|p| dates.iter().rev().find(|d| d.as_str() <= p.as_str()));
    before.or(dates.first()).copied()
}

fn build_document(cites: &[(&Prepared, &PDocument)]) -> MergedDocument {
    // The value most citations give, the first given among equals: counted in one pass (a document cited by
    // thousands of articles is counted once each, not once per pair).
    let written = |f: fn(&PDocument) -> Option<&String>| -> Option<String> {
        let mut counts: Vec<(&str, usize)> = Vec::new();
        let mut index: HashMap<&str, usize> = HashMap::new();
        for value in cites.iter().filter_map(|(_, d)| f(d).map(String::as_str)) {
            let i = *index.entry(value).or_insert_with(|| {
                counts.push((value, 0));
                counts.len() - 1
            });
            counts[i].1 += 1;
        }
        let best = counts.iter().enumerate().max_by_key(|(first, (_, n))| (*n, std::cmp::Reverse(*first)));
        best.map(|(_, (v, _))| v.to_string())
    };
    let number = cites[0].1.number.clone();
    let (kind_guess, issuer_guess) = infer_from_symbol(&number);
    let kind = written(|d| d.kind.as_ref());
    let issuer = written(|d| d.issuer.as_ref());
    let sources: BTreeSet<&str> = cites.iter().map(|(r, _)| r.source.as_str()).collect();
    let mut seen: HashSet<&str> = HashSet::new();
    let numbers: Vec<String> =
        cites.iter().filter(|(_, d)| seen.insert(d.number.as_str())).map(|(_, d)| d.number.clone()).collect();
    MergedDocument {
        id: 0,
        key: cites[0].1.key.clone(),
        kind_inferred: kind.is_none() && kind_guess.is_some(),
        kind: kind.or(kind_guess.map(str::to_string)),
        issuer_inferred: issuer.is_none() && issuer_guess.is_some(),
        issuer: issuer.or(issuer_guess.map(str::to_string)),
        date: cites.iter().find_map(|(_, d)| d.date.clone()),
        number,
        numbers_as_written: numbers,
        citations: cites
            .iter()
            .map(|(r, d)| Citation {
                source: r.source.clone(),
                published: r.published.clone(),
                number: d.number.clone(),
                kind: d.kind.clone(),
                issuer: d.issuer.clone(),
                span: d.span,
            })
            .collect(),
        articles: sources.len(),
        sources: sources.into_iter().map(str::to_string).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (number as written, kind, issuer) the symbol must tell; from shared/eval and shared/DOMAIN.md.
    const SYMBOLS_TOLD: &[(&str, Option<&str>, Option<&str>)] = &[
        ("33/CT-TTg", Some("Chỉ thị"), Some("Thủ tướng Chính phủ")),
        ("01-KL/TW", Some("Kết luận"), Some("Trung ương Đảng")),
        ("05-CT/TW", Some("Chỉ thị"), Some("Trung ương Đảng")),
        ("144-QĐ/TW", Some("Quy định"), Some("Trung ương Đảng")),
        ("439 – QĐNS/TW", Some("Quyết định"), Some("Trung ương Đảng")),
        ("1193/QĐ-TTg", Some("Quyết định"), Some("Thủ tướng Chính phủ")),
        ("25/QĐ-UBND", Some("Quyết định"), Some("UBND")),
        ("12/2023/NQ-HĐND", Some("Nghị quyết"), Some("HĐND")),
        ("30/2020/NĐ-CP", Some("Nghị định"), Some("Chính phủ")),
        ("01/2011/TT-BNV", Some("Thông tư"), None),
        ("150-CTr/BCSĐUBND-BDVTU", Some("Chương trình"), None),
        ("1763/CTrPH-BCH-BDV", Some("Chương trình phối hợp"), None),
        ("91-KH/BDVTU-CAT", Some("Kế hoạch"), None),
        ("123/KH-UBND", Some("Kế hoạch"), Some("UBND")),
        ("43/2022/QH15", None, Some("Quốc hội")),
        ("54", None, None),
    ];

    #[test]
    fn reads_symbols() {
        for (number, kind, issuer) in SYMBOLS_TOLD {
            assert_eq!(infer_from_symbol(number), (*kind, *issuer), "{number}");
        }
    }

    #[test]
    fn keys() {
        assert_eq!(document_key("18 NQ/ TU"), document_key("18-NQ/TU"));
        assert_eq!(document_key("33/CT-TTg"), "33/CTTTG");
        assert_eq!(document_key("144-QĐ/TW"), "144QD/TW");
    }
}
