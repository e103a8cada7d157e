//! Corrections on the page: made (checked by `hoinghi_merge::corrections`), undone and redone, applied
//! where the records are merged, and kept across reloads (`Ws::persist_corrections`, in IndexedDB).

use std::collections::BTreeSet;
use std::sync::Arc;

use hoinghi_core::{Record, Span};
use hoinghi_merge::{Change, Corrections, FactRef};
use leptos::prelude::*;

use crate::app::Ws;
use crate::merge_worker;

/// The corrections before each change (undo) and after each undone one (redo).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    undo: Vec<Corrections>,
    redo: Vec<Corrections>,
}

impl History {
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

/// How many changes can be undone.
const UNDO_DEPTH: usize = 200;

/// The article's record as corrected (the same `Arc` when nothing in it is corrected).
pub fn corrected(corrections: &Corrections, record: &Arc<Record>) -> Arc<Record> {
    match corrections.apply(record) {
        Some(r) => Arc::new(r),
        None => record.clone(),
    }
}

impl Ws {
    /// Makes corrections, one step to undo; `Err` is the reason one was refused (then none is made), for
    /// the user.
    pub fn correct(self, changes: Vec<(FactRef, Change)>) -> Result<(), String> {
        if changes.is_empty() {
            return Ok(());
        }
        let mut next = self.corrections.get_untracked();
        for (fact, change) in changes {
            next.push(fact, change).map_err(|e| e.to_string())?;
        }
        let before = self.corrections.get_untracked();
        self.history.update(|h| {
            h.undo.push(before);
            if h.undo.len() > UNDO_DEPTH {
                h.undo.remove(0);
            }
            h.redo.clear();
        });
        self.set_corrections(next);
        Ok(())
    }

    /// Goes back to the corrections before the last change.
    pub fn undo(self) {
        let Some(before) = self.history.try_update(|h| h.undo.pop()).flatten() else { return };
        let now = self.corrections.get_untracked();
        self.history.update(|h| h.redo.push(now));
        self.set_corrections(before);
    }

    /// Makes the last undone change again.
    pub fn redo(self) {
        let Some(after) = self.history.try_update(|h| h.redo.pop()).flatten() else { return };
        let now = self.corrections.get_untracked();
        self.history.update(|h| h.undo.push(now));
        self.set_corrections(after);
    }

    /// Replaces the corrections without a step to undo (a reload, an opened workspace, "Xóa tất cả").
    pub(crate) fn reset_corrections(self, corrections: Corrections) {
        self.history.set(History::default());
        self.set_corrections(corrections);
    }

    /// Sets the corrections: the articles they touch (before or now) are merged again, corrected.
    fn set_corrections(self, next: Corrections) {
        let touched: BTreeSet<String> = self
            .corrections
            .with_untracked(|now| now.sources().into_iter().chain(next.sources()).map(str::to_string).collect());
        self.articles.with_untracked(|list| {
            for a in list.iter().filter(|a| touched.contains(&a.name)) {
                if let Some(r) = &a.record {
                    merge_worker::add(&serde_json::to_string(&*corrected(&next, r)).unwrap_or_default());
                }
            }
        });
        merge_worker::set_identity(&serde_json::to_string(&next).unwrap_or_default());
        self.persist_corrections(&next);
        self.corrections.set(next);
        self.remerge();
    }

    /// Whether the fact at (`source`, `at`) is corrected (tracked: for the marks in the tables).
    pub fn is_marked(self, source: &str, at: Span) -> bool {
        self.marked.with(|m| !m.0.is_empty() && m.0.contains(&FactRef { source: source.to_string(), at }))
    }
}

/// Where the text a user selected (`selected`) is in `text`: the occurrence nearest to char `near` (the
/// sentence shown), as a char span, with the selection trimmed. `None` when it is not in the text, empty,
/// or longer than a name or a post can be.
pub fn selected_span(text: &str, selected: &str, near: usize) -> Option<(Span, String)> {
    let needle = selected.split_whitespace().collect::<Vec<_>>().join(" ");
    if needle.is_empty() || needle.chars().count() > 200 {
        return None;
    }
    let near_byte = text.char_indices().nth(near).map_or(text.len(), |(b, _)| b);
    let (byte, _) = text.match_indices(&needle).min_by_key(|(b, _)| b.abs_diff(near_byte))?;
    let start = text[..byte].chars().count();
    Some((Span { start, end: start + needle.chars().count() }, needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selections_are_found_nearest_the_sentence_shown() {
        let text = "Ông Lê Trí Vũ phát biểu. Chiều 13/7, ông Lê Trí Vũ chủ trì.";
        /// (selected, near, span and text found)
        type Case = (&'static str, usize, Option<(usize, usize, &'static str)>);
        let cases: &[Case] = &[
            ("Lê Trí Vũ", 0, Some((4, 13, "Lê Trí Vũ"))),
            ("Lê Trí Vũ", 40, Some((41, 50, "Lê Trí Vũ"))),
            ("  Lê Trí\nVũ ", 40, Some((41, 50, "Lê Trí Vũ"))),
            ("Phạm Văn A", 0, None),
            ("   ", 0, None),
            ("Vũ", 1000, Some((48, 50, "Vũ"))),
        ];
        for (selected, near, expected) in cases {
            let got = selected_span(text, selected, *near);
            let expected = expected.map(|(s, e, t)| (Span { start: s, end: e }, t.to_string()));
            assert_eq!(got, expected, "{selected:?} near {near}");
        }
    }
}
