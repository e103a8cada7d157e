//! A body's fullest name: the writer names a body in full once (`Thường vụ Thành ủy Hà Nội`, `HĐND TP Hải
//! Phòng`) and shorter elsewhere (`Thường vụ Thành ủy`, `HĐND thành phố`). An organiser found in its short form
//! takes the full one when it asks for its place (it ends with a unit word or a local Party committee's) and the
//! article gives exactly one; two provinces leave it as written, and a name whole as written (`Sở Tư pháp`) stays.

use std::collections::HashMap;
use std::ops::Range;

use crate::abbreviations::{expand, Definitions};
use crate::classes::{self, Class};
use crate::lexicon::fold;
use crate::places::province_named;
use crate::tokens::{tokenize, Token};

use super::bodies::{body_end, strip_definitions};

/// The bodies an article names with a province at the end, by the rest of their name (abbreviations expanded,
/// folded): `thường vụ thành ủy` → the tokens of `Thường vụ Thành ủy Hà Nội`.
pub(super) struct FullNames {
    by_short: HashMap<String, Vec<Range<usize>>>,
}

/// A name's words with abbreviations expanded, folded (`HĐND TP` and `Hội đồng nhân dân thành phố` alike).
fn expanded_words(tokens: &[Token], text: &str, range: Range<usize>, defs: &Definitions) -> Vec<String> {
    fold(&expand(tokens, text, range, defs)).split_whitespace().map(String::from).collect()
}

/// Whether the words start with a word or pair of `class`.
fn starts_with(words: &[String], class: Class) -> bool {
    (1..=2.min(words.len())).any(|n| classes::is(&words[..n].join(" "), class))
}

/// Whether the words end with a word or pair of `class`: a name that asks for its place (`HĐND thành phố`,
/// `Thường vụ Thành ủy`), where `Sở Tư pháp` is whole as written.
fn ends_with(words: &[String], class: Class) -> bool {
    (1..=2.min(words.len())).any(|n| classes::is(&words[words.len() - n..].join(" "), class))
}

impl FullNames {
    /// One pass over the article: each body that starts with a capitalised head and ends with a province's name.
    pub(super) fn new(all: &[Token], text: &str, defs: &Definitions) -> FullNames {
        let mut by_short: HashMap<String, Vec<Range<usize>>> = HashMap::new();
        for j in 0..all.len() {
            if !all[j].is_capitalised() || classes::longest_at(all, j, Class::BodyHead).is_none() {
                continue;
            }
            let Some(e) = body_end(all, text, j, defs) else { continue };
            let words = expanded_words(all, text, j..e, defs);
            // The longest province name at the end (`Thừa Thiên Huế` before `Huế`), with something before it.
            // The unit word stays in the short name (`HĐND thành phố` + `Hải Phòng`), so the province is the
            // tail that does not start with one.
            let province = (1..=4.min(words.len().saturating_sub(1))).rev().find(|&n| {
                let tail = &words[words.len() - n..];
                !starts_with(tail, Class::Unit) && province_named(&tail.join(" ")).is_some()
            });
            let Some(n) = province else { continue };
            let short = &words[..words.len() - n];
            if ends_with(short, Class::Unit) || ends_with(short, Class::LocalCommittee) {
                by_short.entry(short.join(" ")).or_default().push(j..e);
            }
        }
        FullNames { by_short }
    }

    /// The full name of the organiser `name` (as the article writes it), when the article gives it one province.
    pub(super) fn fullest(&self, all: &[Token], text: &str, name: &str, defs: &Definitions) -> Option<String> {
        let own = tokenize(name, 0..name.len());
        let short = expanded_words(&own, name, 0..own.len(), defs).join(" ");
        let found = self.by_short.get(&short)?;
        let full = |r: &Range<usize>| expanded_words(all, text, r.clone(), defs);
        let first = found.first()?;
        if found.iter().any(|r| full(r) != full(first)) {
            return None;
        }
        Some(strip_definitions(&text[all[first.start].range.start..all[first.end - 1].range.end], defs))
    }
}
