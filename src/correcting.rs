//! Corrections on the page: made (checked by `hoinghi_merge::corrections`), undone and redone, applied
//! where the records are merged, and kept across reloads with their undo history (`Ws::sync_corrections`,
//! in IndexedDB). The saved workspace file holds the corrections, not the history: a file is the work to
//! hand on, and opening one starts a history of its own.
//!
//! Two tabs of the page share what is kept. Each keeping reads what is there and writes in one transaction
//! (`storage::update_state`), taking in what another tab changed since this one last read or wrote
//! (`Corrections::rebased`) rather than writing over it; it is shown here too, and every state of the undo
//! history takes it, so that an undo here takes back only what was done here. A tab that wrote tells the
//! others (a `BroadcastChannel`), which take it in at once.

use std::cell::{Cell, RefCell};
use std::collections::BTreeSet;
use std::rc::Rc;
use std::sync::Arc;

use hoinghi_core::{Record, Span};
use hoinghi_merge::corrections::SavedHistory;
use hoinghi_merge::{Change, Corrections, FactRef};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::app::Ws;
use crate::{merge_worker, model, storage};

pub use hoinghi_merge::corrections::History;

/// The corrections' key in the storage's page state ([`storage::update_state`]): the corrections with their
/// undo history, `{"edits": [...], "history": {...}}` (a reader of `Corrections` alone passes over the history).
const CORRECTIONS_KEY: &str = "corrections";

/// The channel a tab that kept the corrections tells the other tabs of the page on.
const CHANNEL: &str = "hoinghi.corrections";

/// How a keeping treats what the storage holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Keeping {
    /// Another tab's changes are taken in (a correction, an undo, a word from another tab).
    Merge,
    /// This tab's corrections replace what is kept ("Xóa tất cả", an opened workspace file).
    Replace,
}

thread_local! {
    /// The corrections as this tab last read them from the storage or wrote them there: what another tab
    /// changed since is the difference between what the storage holds and them.
    static KEPT: RefCell<Corrections> = RefCell::new(Corrections::default());
    /// A keeping is running; the one asked for meanwhile runs after it (a replacement wins over a merge).
    static KEEPING: Cell<bool> = const { Cell::new(false) };
    static KEEP_AGAIN: Cell<Option<Keeping>> = const { Cell::new(None) };
    /// The channel to the other tabs and the listener on it (none where the browser has no BroadcastChannel:
    /// then a tab takes in the other's corrections at its next correction or reload).
    static OTHER_TABS: RefCell<Option<(web_sys::BroadcastChannel, gloo_events::EventListener)>> = const { RefCell::new(None) };
}

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
        self.show_corrections(corrections);
        self.sync_corrections(Keeping::Replace);
    }

    /// The corrections and their undo history kept by an earlier visit (before the articles are read back,
    /// so that they come back corrected). A history that does not fit the corrections is left out, and said.
    /// From now on, what another tab keeps is taken in as it is kept.
    pub(crate) async fn restore_corrections(self, what: &str) {
        self.follow_other_tabs();
        let Ok(Some(json)) = storage::get_state(CORRECTIONS_KEY).await else { return };
        let corrections = match model::read_corrections(&json, what) {
            Ok(c) => c,
            Err(e) => return self.message.set(Some(e)),
        };
        if self.corrections.with_untracked(|c| !c.is_empty()) {
            // Corrected here before the storage answered (it waited for another tab to close): that keeping
            // takes the kept corrections in.
            return;
        }
        let history = serde_json::from_str::<KeptHistory>(&json)
            .map_err(|e| model::json_fault(&e))
            .and_then(|kept| History::restore(&kept.history, &corrections).map_err(|e| e.to_string()));
        let history = history.unwrap_or_else(|why| {
            self.message.set(Some(format!(
                "Không đọc lại được lịch sử hoàn tác trong “{what}” ({why}): các chỗ đã sửa vẫn giữ nguyên, chỉ không hoàn tác được những lần sửa trước khi tải lại."
            )));
            History::default()
        });
        KEPT.with(|k| *k.borrow_mut() = corrections.clone());
        self.history.set(history);
        self.show_corrections(corrections);
    }

    /// Listens for the other tabs of the page keeping corrections, to take theirs in.
    fn follow_other_tabs(self) {
        if OTHER_TABS.with(|o| o.borrow().is_some()) {
            return;
        }
        let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL) else { return };
        let listener =
            gloo_events::EventListener::new(&channel, "message", move |_| self.sync_corrections(Keeping::Merge));
        OTHER_TABS.with(|o| *o.borrow_mut() = Some((channel, listener)));
    }

    /// Keeps the corrections and their undo history across reloads: one entry of the storage's page state (a
    /// user makes a few corrections per article; the history is at most `UNDO_DEPTH` steps of an edit or two),
    /// read and written in one transaction, taking in what another tab kept meanwhile ([`Keeping::Merge`]).
    /// One keeping runs at a time (each reads the corrections as they are when it runs); a refusal is said
    /// like any other storage refusal.
    fn sync_corrections(self, how: Keeping) {
        if KEEPING.with(|k| k.replace(true)) {
            KEEP_AGAIN.with(|again| {
                let replace = how == Keeping::Replace || again.get() == Some(Keeping::Replace);
                again.set(Some(if replace { Keeping::Replace } else { Keeping::Merge }));
            });
            return;
        }
        leptos::task::spawn_local(async move {
            let mut how = how;
            loop {
                let outcome = Rc::new(RefCell::new(None));
                let update = {
                    let outcome = outcome.clone();
                    move |stored: Option<String>| {
                        let (update, now) = self.kept_with(stored, how);
                        *outcome.borrow_mut() = Some((now, !matches!(update, storage::StateUpdate::Keep)));
                        update
                    }
                };
                let written = storage::update_state(CORRECTIONS_KEY, update).await;
                if let (Ok(()), Some((now, wrote))) = (written, outcome.take()) {
                    KEPT.with(|k| *k.borrow_mut() = now);
                    if wrote {
                        tell_other_tabs();
                    }
                }
                match KEEP_AGAIN.with(Cell::take) {
                    Some(next) => how = next,
                    None => break,
                }
            }
            KEEPING.with(|k| k.set(false));
            // Writes what else is queued and says whether everything is kept.
            self.save();
        });
    }

    /// What to keep, given what the storage holds (`stored`), inside the keeping's transaction; and the
    /// corrections kept. Merging, another tab's changes are taken in here first (shown, and into every state
    /// of the undo history); nothing is written when the storage holds these corrections already (so that two
    /// tabs telling each other do not write back and forth).
    fn kept_with(self, stored: Option<String>, how: Keeping) -> (storage::StateUpdate, Corrections) {
        let theirs = match &stored {
            None => Some(Corrections::default()),
            // Unreadable (damaged): written over.
            Some(json) => model::read_corrections(json, "").ok(),
        };
        let mut now = self.corrections.get_untracked();
        if how == Keeping::Merge {
            let base = KEPT.with(|k| k.borrow().clone());
            let other = theirs.clone().unwrap_or_else(|| base.clone());
            let merged = now.rebased(&base, &other);
            if merged != now {
                self.history.update(|h| *h = h.map(|state| state.rebased(&base, &other)));
                self.show_corrections(merged.clone());
                now = merged;
            }
            if theirs.as_ref() == Some(&now) {
                return (storage::StateUpdate::Keep, now);
            }
        }
        let history = self.history.with_untracked(|h| h.saved(&now));
        let update = match (now.is_empty() && history.is_empty(), stored.is_some()) {
            (true, true) => storage::StateUpdate::Delete,
            (true, false) => storage::StateUpdate::Keep,
            (false, _) => {
                let kept = Kept { edits: &now.edits, history };
                storage::StateUpdate::Put(serde_json::to_string(&kept).unwrap_or_default())
            }
        };
        (update, now)
    }

    /// Sets the corrections and keeps them.
    fn set_corrections(self, next: Corrections) {
        self.show_corrections(next);
        self.sync_corrections(Keeping::Merge);
    }

    /// Shows the corrections: the articles they touch (before or now) are merged again, corrected.
    fn show_corrections(self, next: Corrections) {
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
        self.corrections.set(next);
        self.remerge();
    }

    /// Whether the fact at (`source`, `at`) is corrected (tracked: for the marks in the tables).
    pub fn is_marked(self, source: &str, at: Span) -> bool {
        self.marked.with(|m| !m.0.is_empty() && m.0.contains(&FactRef { source: source.to_string(), at }))
    }
}

/// Tells the other tabs of the page that the corrections kept changed.
fn tell_other_tabs() {
    OTHER_TABS.with(|o| {
        if let Some((channel, _)) = &*o.borrow() {
            let _ = channel.post_message(&CORRECTIONS_KEY.into());
        }
    });
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
