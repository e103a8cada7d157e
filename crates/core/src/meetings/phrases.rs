//! Meeting phrases: where a sentence names a meeting (`data/meeting_kinds.tsv`), its kind, and its name.

use std::ops::Range;

use crate::classes::{self, Class};
use crate::lexicon::MEETING_KINDS;
use crate::tokens::Token;

/// Whether the meeting phrase at `tokens[k..k + n]` names another meeting than the one reported:
/// one to come (`Đại hội Đảng sắp tới`, `kỳ họp tới`), one cited (`Nghị quyết Đại hội IX`), or one called off or
/// not held (`hoãn`, `tạm nghỉ họp`, `không nhóm họp`).
pub(super) fn names_another(tokens: &[Token], k: usize, n: usize) -> bool {
    let cited = (2..=k.min(3)).any(|back| classes::longest_at(tokens, k - back, Class::CitesMeeting) == Some(back));
    // "kỳ họp tới", "Đại hội sắp tới", "Đại hội Đảng các cấp sắp tới".
    let coming = tokens.get(k + n).is_some_and(|t| t.is(Class::Coming))
        || (1..4).any(|d| {
            tokens.get(k + n + d).is_some_and(|t| t.is(Class::Coming))
                && tokens.get(k + n + d + 1).is_some_and(|t| t.is(Class::Coming))
        });
    cited || coming || cancelled(tokens, k) || negated(tokens, k)
}

/// "Hạ viện không nhóm họp", "không thể họp ngay", "sẽ không tổ chức hội nghị": a meeting said not to be held, a
/// negation (`không`, `chưa`, `không thể`) right before the phrase or before the verbs that hold it (`tổ chức`, `sẽ`).
fn negated(tokens: &[Token], k: usize) -> bool {
    // From the start of the meeting's noun phrase (`hội nghị` of `hội nghị tổng kết`).
    let mut j = name_start(tokens, k);
    for _ in 0..3 {
        // The longest entry, so that `không nhóm` is found though `không` is one on its own.
        if (1..=j.min(2)).any(|n| classes::longest_at(tokens, j - n, Class::Negation) == Some(n)) {
            return true;
        }
        let verb = |n: usize| {
            [Class::PreVerb, Class::OrganiserVerb].iter().any(|&c| classes::phrase_at(tokens, j - n, c) == Some(n))
        };
        let Some(n) = (1..=j.min(2)).find(|&n| verb(n)) else {
            return false;
        };
        j -= n;
    }
    false
}

/// "đã hoãn tất cả các cuộc họp cũng như hội nghị, hội thảo": the object of a verb that calls meetings off, the
/// words between it and the phrase being a list of meetings.
fn cancelled(tokens: &[Token], k: usize) -> bool {
    let in_a_meeting_word = |j: usize| {
        MEETING_KINDS.longest_at(tokens, j).is_some()
            || (j > 0 && MEETING_KINDS.longest_at(tokens, j - 1).is_some_and(|(n, _)| n > 1))
            || tokens[j].is(Class::MeetingNoun)
    };
    let mut j = k;
    while j > 0 && k - j < 16 {
        j -= 1;
        let t = &tokens[j];
        if classes::longest_at(tokens, j, Class::Cancels).is_some() {
            return true;
        }
        let list_comma = t.is_punct(',') && MEETING_KINDS.longest_at(tokens, j + 1).is_some();
        if !(list_comma || t.is(Class::MeetingListWord) || in_a_meeting_word(j)) {
            return false;
        }
    }
    false
}

/// A meeting phrase of a sentence: its kind, its tokens and its priority.
pub(super) struct Phrase {
    pub(super) kind: &'static str,
    pub(super) tokens: Range<usize>,
    pub(super) priority: u8,
}

/// The meeting phrases of a sentence's tokens that name the meeting reported, in order.
pub(super) fn meeting_phrases(tokens: &[Token]) -> Vec<Phrase> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < tokens.len() {
        let Some((n, (kind, priority))) = MEETING_KINDS.longest_at(tokens, k) else {
            k += 1;
            continue;
        };
        // A rejected phrase takes its own words with it ("kỳ họp tới" is not a "họp" either);
        // an accepted one does not ("cuộc họp báo" is also a "họp báo").
        if names_another(tokens, k, n) {
            k += n;
            continue;
        }
        if !inside_a_body_name(tokens, k) && !split_by_case(tokens, k, n) {
            out.push(Phrase { kind, tokens: k..k + n, priority });
        }
        k += 1;
    }
    out
}

/// "giao Ban Quản lý dự án": a phrase's words that start in lower case and go on with a capital are a verb and the
/// name of its object, not the phrase (`giao ban`).
fn split_by_case(tokens: &[Token], k: usize, n: usize) -> bool {
    !tokens[k].is_capitalised() && tokens[k + 1..k + n].iter().any(|t| t.is_capitalised())
}

/// "Quốc hội thảo luận": the phrase's first word ends a body's name (`Quốc hội`), so `hội thảo` is no meeting.
pub(super) fn inside_a_body_name(tokens: &[Token], k: usize) -> bool {
    k > 0
        && tokens[k - 1].is_capitalised()
        && classes::longest_at(tokens, k - 1, Class::BodyHead).is_some_and(|n| n > 1)
}

/// The kind named by the highest-priority meeting phrase of `tokens`, and where the phrase is (a byte range).
pub(super) fn kind_in(tokens: &[Token]) -> Option<(&'static str, Range<usize>, u8)> {
    kind_of(tokens, &meeting_phrases(tokens))
}

/// [`kind_in`] over phrases already found in `tokens`.
pub(super) fn kind_of(tokens: &[Token], phrases: &[Phrase]) -> Option<(&'static str, Range<usize>, u8)> {
    let mut best: Option<&Phrase> = None;
    for p in phrases {
        if best.is_none_or(|b| p.priority > b.priority) {
            best = Some(p);
        }
    }
    best.map(|p| (p.kind, tokens[p.tokens.start].range().start..tokens[p.tokens.end - 1].range().end, p.priority))
}

/// Back from the meeting phrase at `tokens[p]` to the first meeting word or classifier of its noun phrase, a few
/// words before (`Hội nghị` of `Hội nghị giao ban`, `cuộc` of `cuộc họp`).
pub(super) fn name_start(tokens: &[Token], p: usize) -> usize {
    let mut start = p;
    for j in (p.saturating_sub(6)..p).rev() {
        let t = &tokens[j];
        if !t.is_word() {
            break;
        }
        if t.is(Class::MeetingNoun) || MEETING_KINDS.longest_at(tokens, j).is_some() {
            start = j;
        }
    }
    start
}

/// Where a meeting phrase's noun starts: its classifier just before it (`cuộc` of `cuộc họp`), else the phrase.
pub(super) fn with_classifier(tokens: &[Token], start: usize) -> usize {
    if start > 0 && tokens[start - 1].is(Class::MeetingNoun) {
        start - 1
    } else {
        start
    }
}
