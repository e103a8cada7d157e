//! Meeting phrases: where a sentence names a meeting (`data/meeting_kinds.tsv`), its kind, and its name.

use std::ops::Range;
use std::sync::LazyLock;

use crate::classes::{self, Class};
use crate::data::{self, TextList};
use crate::lexicon::{folded_tokens, PhraseIndex, MEETING_KINDS, STOP_WORDS};
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
        if names_another(tokens, k, n) || a_mentioned_act(tokens, k, n) || inside_a_word(tokens, k) {
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

/// The words of `TextList::NotAMeeting` (folded tokens), indexed by their first.
static NOT_A_MEETING: LazyLock<PhraseIndex<()>> =
    LazyLock::new(|| PhraseIndex::new(TextList::NotAMeeting.phrases().map(|p| (folded_tokens(p), ()))));

/// Whether the meeting phrase at `tokens[k]` is a syllable of a word that names no meeting (`hội họp`: "dừng các
/// hoạt động hội họp", "nơi hội họp của nghĩa quân"): a word of `not_a_meeting` starting a syllable before it, unless
/// that syllable ends a capitalised name (`Quốc hội họp phiên toàn thể`).
fn inside_a_word(tokens: &[Token], k: usize) -> bool {
    let ends_a_name = k >= 2 && tokens[k - 2].is_word() && tokens[k - 2].is_capitalised();
    k > 0 && !ends_a_name && NOT_A_MEETING.longest_at(tokens, k - 1).is_some_and(|(n, ())| n >= 2)
}

/// The meeting phrases that are a verb alone (`verb` in `data/meeting_kinds.tsv`: `ký kết`).
static VERB_PHRASES: LazyLock<PhraseIndex<()>> = LazyLock::new(|| {
    let rows = data::rows(&data::MEETING_KINDS);
    PhraseIndex::new(rows.iter().filter(|r| r.yes("verb")).map(|r| (folded_tokens(r.get("phrase")), ())))
});

/// Whether the meeting phrase starting at byte `at` of `tokens` is a verb alone (`ký kết`).
pub(super) fn is_verb_at(tokens: &[Token], at: usize) -> bool {
    let k = tokens.partition_point(|t| t.range().start < at);
    VERB_PHRASES.longest_at(tokens, k).is_some()
}

/// The words of `TextList::NotTheAct` (folded tokens), indexed by their first.
static NOT_THE_ACT: LazyLock<PhraseIndex<()>> =
    LazyLock::new(|| PhraseIndex::new(TextList::NotTheAct.phrases().map(|p| (folded_tokens(p), ()))));

/// Whether the verb phrase at `tokens[k..k + n]` (`ký kết`) is an act mentioned, not one the article reports: no
/// object right after it (`các thỏa thuận đã ký kết.`, `văn kiện được ký kết với`, `ký kết năm 2020`), or a word of
/// `not_the_act` in its clause before it (`được`, `việc`, `sẽ`, `tìm cách`: passive, a noun, only wanted).
fn a_mentioned_act(tokens: &[Token], k: usize, n: usize) -> bool {
    if VERB_PHRASES.longest_at(tokens, k) != Some((n, ())) {
        return false;
    }
    // The object: a content word, or a plural before one (`các văn bản`), not a function word or a day.
    let object = tokens.get(k + n).is_some_and(|t| {
        t.is_word()
            && (t.is(Class::Plural) || !STOP_WORDS.contains(t.folded().as_str()))
            && ![Class::DayWord, Class::PeriodWord, Class::CoSubject, Class::And].iter().any(|&c| t.is(c))
    });
    if !object {
        return true;
    }
    // The clause before the verb: back to a comma, a colon or a bracket, twenty words at most (a passive's agent may
    // be two names with their titles: `được Thủ tướng Thái Lan A và người đồng cấp Campuchia B ký kết`).
    let clause_end =
        |t: &Token| !t.is_word() && [',', ';', ':', '(', ')', '.', '!', '?'].iter().any(|&c| t.is_punct(c));
    let from = k.saturating_sub(20);
    let start = (from..k).rev().find(|&j| clause_end(&tokens[j])).map_or(from, |j| j + 1);
    (start..k).any(|j| NOT_THE_ACT.longest_at(tokens, j).is_some_and(|(m, _)| j + m <= k))
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
        // A verb phrase (`ký kết`) before a meeting noun is what was done there, not the start of its name.
        let verb = || VERB_PHRASES.longest_at(tokens, j).is_some();
        if t.is(Class::MeetingNoun) || (MEETING_KINDS.longest_at(tokens, j).is_some() && !verb()) {
            start = j;
        }
    }
    // "Tuần lễ Cấp cao APEC": a classifier that is the second syllable of the noun before it (`tuần lễ`, a
    // two-word `meeting_noun`) starts the name with that word.
    if start > 0 && classes::phrase_at(tokens, start - 1, Class::MeetingNoun) == Some(2) {
        start -= 1;
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
