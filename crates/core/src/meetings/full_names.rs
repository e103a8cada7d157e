//! A body's fullest name: the writer names a body in full once (`Thường vụ Thành ủy Hà Nội`, `HĐND TP Hải
//! Phòng`) and shorter elsewhere (`Thường vụ Thành ủy`, `HĐND thành phố`). An organiser found in its short form
//! takes the full one when it asks for its place (it ends with a unit word or a local Party committee's) and the
//! article gives exactly one; two provinces leave it as written, and a name whole as written (`Sở Tư pháp`) stays.

use std::collections::hash_map::Entry;
use std::ops::Range;

use crate::fasthash::{FxHashMap as HashMap, FxHashSet as HashSet};

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

/// The article's bodies that may be an organiser's full name, read once per first word however many organisers
/// ask (a long list of bodies stays linear): each capitalised token is read as a body's start at most once.
pub(super) struct FullNames<'a> {
    all: &'a [Token],
    text: &'a str,
    defs: &'a Definitions,
    /// Where each capitalised word (folded) stands, built on the first question.
    starts: Option<HashMap<&'a str, Vec<usize>>>,
    /// First words whose bodies are read into `by_short`.
    read: HashSet<String>,
    /// A short name (its first word as written, folded, and its expanded words) → the first body that is it and
    /// then a province, and whether another body with other words is too.
    by_short: HashMap<ShortName, FullBody>,
}

/// A short name: its first word as written, folded, and its expanded words.
type ShortName = (String, Vec<String>);
/// The first body that completes a short name, its words, and whether another with other words does too.
type FullBody = (Range<usize>, Vec<String>, bool);

impl<'a> FullNames<'a> {
    pub(super) fn new(all: &'a [Token], text: &'a str, defs: &'a Definitions) -> FullNames<'a> {
        FullNames { all, text, defs, starts: None, read: HashSet::default(), by_short: HashMap::default() }
    }

    /// The full name of the organiser `name` (as the article writes it) when it asks for its place and the
    /// article names the same body with one province after it: each body that starts with the same word is read,
    /// and kept when its words are the short name's and then a province's (`TP` stays with the short name:
    /// `HĐND thành phố` + `Hải Phòng`); two such bodies with other words leave it as written.
    pub(super) fn fullest(&mut self, name: &str) -> Option<String> {
        let own = tokenize(name, 0..name.len());
        let short = expanded_words(&own, name, 0..own.len(), self.defs);
        if !classes::asks_for_place(&short) {
            return None;
        }
        let first = own.first()?.folded().to_string();
        self.read_bodies(&first);
        let (range, _, ambiguous) = self.by_short.get(&(first, short))?;
        if *ambiguous {
            return None;
        }
        let (all, text) = (self.all, self.text);
        Some(strip_definitions(&text[all[range.start].range().start..all[range.end - 1].range().end], self.defs))
    }

    /// Every body of the article starting with the capitalised word `first`, filed under each short name it
    /// completes: its words but the last one to four when those name a province.
    fn read_bodies(&mut self, first: &str) {
        if !self.read.insert(first.to_string()) {
            return;
        }
        let (all, text, defs) = (self.all, self.text, self.defs);
        let starts = self.starts.get_or_insert_with(|| {
            let mut starts: HashMap<&'a str, Vec<usize>> = HashMap::default();
            for (j, t) in all.iter().enumerate().filter(|(_, t)| t.is_capitalised()) {
                starts.entry(t.folded().as_str()).or_default().push(j);
            }
            starts
        });
        // A body written the same way again (a repeated sentence, a post many people hold) has the same words and
        // files nothing new: it is expanded and looked up once. Its expansion also asks whether `)` follows it.
        let mut written: HashSet<(&str, bool)> = HashSet::default();
        for &j in starts.get(first).map_or(&[][..], Vec::as_slice) {
            let Some(e) = body_end(all, text, j, defs) else { continue };
            let closes = all.get(e).is_some_and(|t| t.is_punct(')'));
            if !written.insert((&text[all[j].range().start..all[e - 1].range().end], closes)) {
                continue;
            }
            let words = expanded_words(all, text, j..e, defs);
            for k in words.len().saturating_sub(4).max(1)..words.len() {
                let tail = &words[k..];
                if classes::words_start_with(tail, Class::Unit) || province_named(&tail.join(" ")).is_none() {
                    continue;
                }
                match self.by_short.entry((first.to_string(), words[..k].to_vec())) {
                    Entry::Occupied(mut seen) => {
                        let (_, seen_words, ambiguous) = seen.get_mut();
                        *ambiguous |= *seen_words != words;
                    }
                    Entry::Vacant(slot) => {
                        slot.insert((j..e, words.clone(), false));
                    }
                }
            }
        }
    }
}
