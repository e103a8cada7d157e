//! Corrections on the page: made (checked by `hoinghi_merge::corrections`), undone and redone, applied
//! where the records are merged, and kept across reloads with their undo history (`Ws::persist_corrections`,
//! in IndexedDB). The saved workspace file holds the corrections, not the history: a file is the work to
//! hand on, and opening one starts a history of its own.

use std::collections::BTreeSet;
use std::sync::Arc;

use hoinghi_core::{Record, Span};
use hoinghi_merge::corrections::SavedHistory;
use hoinghi_merge::{Change, Corrections, FactRef};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::app::Ws;
use crate::{merge_worker, model, storage};

pub use hoinghi_merge::corrections::History;

/// The corrections' key in the storage's page state ([`storage::put_state`]): the corrections with their
/// undo history, `{"edits": [...], "history": {...}}` (a reader of `Corrections` alone passes over the history).
const CORRECTIONS_KEY: &str = "corrections";

/// The corrections as kept in the browser, with the history of the changes that led to them.
#[derive(Serialize)]
struct Kept<'a> {
    edits: &'a [hoinghi_merge::corrections::Edit],
    #[serde(skip_serializing_if = "SavedHistory::is_empty")]
    history: SavedHistory,
}

/// The history part of what [`Kept`] wrote (absent when an earlier version of the page kept the corrections).
#[derive(Deserialize)]
struct KeptHistory {
    #[serde(default)]
    history: SavedHistory,
}

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
        self.history.update(|h| h.record(before));
        self.set_corrections(next);
        Ok(())
    }

    /// Goes back to the corrections before the last change.
    pub fn undo(self) {
        let now = self.corrections.get_untracked();
        let Some(before) = self.history.try_update(|h| h.undo(&now)).flatten() else { return };
        self.set_corrections(before);
    }

    /// Makes the last undone change again.
    pub fn redo(self) {
        let now = self.corrections.get_untracked();
        let Some(after) = self.history.try_update(|h| h.redo(&now)).flatten() else { return };
        self.set_corrections(after);
    }

    /// Replaces the corrections without a step to undo (a reload, an opened workspace, "Xóa tất cả").
    pub(crate) fn reset_corrections(self, corrections: Corrections) {
        self.history.set(History::default());
        self.set_corrections(corrections);
    }

    /// The corrections and their undo history kept by an earlier visit (before the articles are read back,
    /// so that they come back corrected). A history that does not fit the corrections is left out, and said.
    pub(crate) async fn restore_corrections(self, what: &str) {
        let Ok(Some(json)) = storage::get_state(CORRECTIONS_KEY).await else { return };
        let corrections = match model::read_corrections(&json, what) {
            Ok(c) => c,
            Err(e) => return self.message.set(Some(e)),
        };
        let history = serde_json::from_str::<KeptHistory>(&json)
            .map_err(|e| e.to_string())
            .and_then(|kept| History::restore(&kept.history, &corrections).map_err(|e| e.to_string()));
        let history = history.unwrap_or_else(|why| {
            self.message.set(Some(format!(
                "Không đọc lại được lịch sử hoàn tác trong “{what}” ({why}): các chỗ đã sửa vẫn giữ nguyên, chỉ không hoàn tác được những lần sửa trước khi tải lại."
            )));
            History::default()
        });
        self.history.set(history);
        self.set_corrections(corrections);
    }

    /// Keeps the corrections and their undo history across reloads: one entry of the storage's page state
    /// (a user makes a few corrections per article; the history is at most `UNDO_DEPTH` steps of an edit or
    /// two), written with the next flush; a refusal is said like any other storage refusal.
    fn persist_corrections(self, corrections: &Corrections) {
        let history = self.history.with_untracked(|h| h.saved(corrections));
        if corrections.is_empty() && history.is_empty() {
            storage::delete_state(CORRECTIONS_KEY);
        } else {
            let kept = Kept { edits: &corrections.edits, history };
            storage::put_state(CORRECTIONS_KEY, serde_json::to_string(&kept).unwrap_or_default());
        }
        self.save();
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
