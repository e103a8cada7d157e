//! A body's fullest name: the writer names a body in full once (`Thường vụ Thành ủy Hà Nội`, `HĐND TP Hải
//! Phòng`) and shorter elsewhere (`Thường vụ Thành ủy`, `HĐND thành phố`). An organiser found in its short form
//! takes the full one when it asks for its place (it ends with a unit word or a local Party committee's) and the
//! article gives exactly one; two provinces leave it as written, and a name whole as written (`Sở Tư pháp`) stays.

use std::ops::Range;

use crate::abbreviations::{expand, Definitions};
use crate::classes::{self, Class};
use crate::lexicon::fold;
use crate::places::province_named;
use crate::tokens::{tokenize, Token};

use super::bodies::{body_end, strip_definitions};

/// A name's words with abbreviations expanded, folded (`HĐND TP` and `Hội đồng nhân dân thành phố` alike).
fn expanded_words(tokens: &[Token], text: &str, range: Range<usize>, defs: &Definitions) -> Vec<String> {
    fold(&expand(tokens, text, range, defs)).split_whitespace().map(String::from).collect()
}

/// The full name of the organiser `name` (as the article writes it) when it asks for its place and the article
/// (its tokens `all`) names the same body with one province after it: each body that starts with the same word is
/// read, and kept when its words are the short name's and then a province's (`TP` stays with the short name:
/// `HĐND thành phố` + `Hải Phòng`).
pub(super) fn fullest(all: &[Token], text: &str, name: &str, defs: &Definitions) -> Option<String> {
    let own = tokenize(name, 0..name.len());
    let short = expanded_words(&own, name, 0..own.len(), defs);
    if !classes::asks_for_place(&short) {
        return None;
    }
    let first = &own.first()?.folded;
    let mut found: Option<(Range<usize>, Vec<String>)> = None;
    for j in 0..all.len() {
        if all[j].folded != *first || !all[j].is_capitalised() {
            continue;
        }
        let Some(e) = body_end(all, text, j, defs) else { continue };
        let words = expanded_words(all, text, j..e, defs);
        if words.len() <= short.len() || !words.starts_with(&short) {
            continue;
        }
        let tail = &words[short.len()..];
        if tail.len() > 4 || classes::words_start_with(tail, Class::Unit) || province_named(&tail.join(" ")).is_none() {
            continue;
        }
        match &found {
            Some((_, seen)) if *seen != words => return None,
            Some(_) => {}
            None => found = Some((j..e, words)),
        }
    }
    let (range, _) = found?;
    Some(strip_definitions(&text[all[range.start].range.start..all[range.end - 1].range.end], defs))
}
