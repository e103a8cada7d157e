//! The lexicons: data files in `data/`, read once into lookup tables.
//!
//! Every file is a TSV with `#` comment lines, then a line of column names,
//! then rows. Words are compared by [`fold`]: lower case, one tone placement.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use crate::normalise::traditional_tone_placement;

/// The folded tokens of a lexicon phrase, as the tokenizer would give them in running text.
pub fn folded_tokens(phrase: &str) -> Vec<String> {
    crate::tokens::tokenize(phrase, 0..phrase.len()).into_iter().map(|t| t.folded).collect()
}

/// Rows of a lexicon file, header and comments skipped, each split on tabs.
pub fn rows(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    data.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// Lower case with the traditional tone placement, for comparing words.
pub fn fold(word: &str) -> String {
    let lower = if word.chars().any(char::is_uppercase) { word.to_lowercase() } else { word.to_string() };
    if lower.is_ascii() {
        lower
    } else {
        traditional_tone_placement(&lower)
    }
}

/// A rank: the head of a position (`Phó Chủ tịch`).
#[derive(Debug)]
pub struct Rank {
    pub name: &'static str,
    pub needs_body: bool,
    pub party: bool,
}

/// Ranks by their folded word sequence (canonical spellings and variants).
pub struct Ranks {
    pub by_words: HashMap<Vec<String>, usize>,
    pub list: Vec<Rank>,
    pub first_words: HashSet<String>,
    pub longest: usize,
}

pub static RANKS: LazyLock<Ranks> = LazyLock::new(|| {
    let mut list = Vec::new();
    let mut by_words = HashMap::new();
    for row in rows(include_str!("../data/ranks.tsv")) {
        let index = list.len();
        list.push(Rank { name: row[0], needs_body: row.get(1) == Some(&"yes"), party: row.get(2) == Some(&"yes") });
        let variants = row.get(3).copied().unwrap_or("");
        for spelling in std::iter::once(row[0]).chain(variants.split('|').filter(|v| !v.is_empty())) {
            by_words.entry(folded_tokens(spelling)).or_insert(index);
        }
    }
    let first_words = by_words.keys().map(|w| w[0].clone()).collect();
    let longest = by_words.keys().map(Vec::len).max().unwrap_or(1);
    Ranks { by_words, list, first_words, longest }
});

/// Abbreviation → expansion, by the abbreviation's word sequence (case-sensitive).
pub static ABBREVIATIONS: LazyLock<HashMap<&'static str, &'static str>> =
    LazyLock::new(|| rows(include_str!("../data/abbreviations.tsv")).map(|r| (r[0], r[1])).collect());

fn word_set(data: &'static str) -> HashSet<String> {
    rows(data).map(|r| fold(r[0])).collect()
}

/// Lower-case words that may stand inside a position's body.
pub static BODY_WORDS: LazyLock<HashSet<String>> = LazyLock::new(|| word_set(include_str!("../data/body_words.tsv")));

/// Lower-case words that end a position.
pub static STOP_WORDS: LazyLock<HashSet<String>> = LazyLock::new(|| word_set(include_str!("../data/stop_words.tsv")));

/// Family names, each as its folded word sequence (`rơ châm`), with the longest length.
pub struct FamilyNames {
    pub names: HashSet<Vec<String>>,
    pub longest: usize,
}

pub static FAMILY_NAMES: LazyLock<FamilyNames> = LazyLock::new(|| {
    let names: HashSet<Vec<String>> = rows(include_str!("../data/family_names.tsv"))
        .map(|r| folded_tokens(r[0]))
        .collect();
    let longest = names.iter().map(Vec::len).max().unwrap_or(1);
    FamilyNames { names, longest }
});

/// Meeting-kind phrases (folded words) with the kind and its priority.
pub static MEETING_KINDS: LazyLock<Vec<(Vec<String>, &'static str, u8)>> = LazyLock::new(|| {
    rows(include_str!("../data/meeting_kinds.tsv"))
        .map(|r| (folded_tokens(r[0]), r[1], r[2].parse().unwrap_or(0)))
        .collect()
});

/// Document kinds (canonical spelling, symbol letters), longest first.
pub static DOCUMENT_KINDS: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| {
    let mut kinds: Vec<_> = rows(include_str!("../data/document_kinds.tsv")).map(|r| (r[0], r.get(1).copied().unwrap_or(""))).collect();
    kinds.sort_by_key(|(k, _)| std::cmp::Reverse(k.len()));
    kinds
});

/// Issuer codes in document numbers (`TTg`) → issuer.
pub static DOCUMENT_ISSUERS: LazyLock<HashMap<&'static str, &'static str>> =
    LazyLock::new(|| rows(include_str!("../data/document_issuers.tsv")).map(|r| (r[0], r[1])).collect());

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicons_load_and_fold() {
        assert!(RANKS.list.len() > 50);
        let words: Vec<String> = "phó chủ tịch".split(' ').map(String::from).collect();
        assert_eq!(RANKS.list[RANKS.by_words[&words]].name, "Phó Chủ tịch");
        assert_eq!(ABBREVIATIONS["UBND"], "Ủy ban nhân dân");
        assert!(FAMILY_NAMES.names.contains(&vec!["nguyễn".to_string()]));
        assert_eq!(fold("Uỷ"), "ủy");
        assert!(STOP_WORDS.contains("chủ") && BODY_WORDS.contains("tỉnh"));
    }
}
