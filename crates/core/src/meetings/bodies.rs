//! Organising bodies: a body's name read on tokens (`Ban Dân vận Tỉnh ủy`, `Đoàn công tác của Bộ Y tế`), the
//! subject of a clause that holds or hosts a meeting, and the body inside a meeting's noun phrase. The words come
//! from the word classes of `data/word_classes.tsv` (body heads, organiser and visit verbs, co-subjects, day words).

use std::ops::Range;

use crate::abbreviations::Definitions;
use crate::chars::is_letter;
use crate::classes::{self, Class};
use crate::lexicon::{BODY_WORDS, MEETING_KINDS, STOP_WORDS};
use crate::people::name_at;
use crate::positions::rank_at;
use crate::roles::role_at;
use crate::tokens::Token;

use super::phrases::{inside_a_body_name, meeting_phrases, name_start, names_another, with_classifier};

pub(super) fn word(tokens: &[Token], k: usize) -> &str {
    tokens.get(k).filter(|t| t.is_word()).map_or("", |t| t.folded().as_str())
}

pub(super) fn is_digits(t: &Token) -> bool {
    t.is_word() && t.folded().starts_with(|c: char| c.is_ascii_digit())
}

/// A lower-case word that ends a body's name: a verb or function word (`data/stop_words.tsv`), or one that ends
/// any phrase of the meeting's grammar ([`ends_a_phrase`]).
pub(super) fn ends_a_name(tokens: &[Token], k: usize) -> bool {
    STOP_WORDS.contains(tokens[k].folded().as_str())
        || tokens[k].is(Class::Ordinal)
        || classes::longest_at(tokens, k, Class::MeetingModifier).is_some()
        || ends_a_phrase(tokens, k)
}

/// A word that ends a meeting's noun phrase and a body's name: a clause word, a day, an adverb, the other side's
/// word (`với`), a co-subject, an organiser's or visitor's verb, a meeting word, a role verb.
fn ends_a_phrase(tokens: &[Token], k: usize) -> bool {
    grammar_word(tokens, k) || role_at(tokens, k).is_some()
}

/// [`ends_a_phrase`] but for role verbs, which may be the second syllable of a name (`Ban chỉ đạo`).
fn grammar_word(tokens: &[Token], k: usize) -> bool {
    let t = &tokens[k];
    t.is(Class::ClauseWord)
        || t.is(Class::Counterpart)
        || t.is(Class::PeriodWord)
        || classes::longest_at(tokens, k, Class::DayWord).is_some()
        || classes::longest_at(tokens, k, Class::PreVerb).is_some()
        || classes::longest_at(tokens, k, Class::CoSubject).is_some()
        || classes::longest_at(tokens, k, Class::OrganiserVerb).is_some()
        || classes::longest_at(tokens, k, Class::VisitVerb).is_some()
        || MEETING_KINDS.longest_at(tokens, k).is_some()
}

/// A capitalised word that starts something else than more of a body's name: a person or a rank.
fn starts_a_person(tokens: &[Token], text: &str, k: usize) -> bool {
    rank_at(tokens, k).is_some() || name_at(tokens, text, k).is_some()
}

/// Lower-case words from `k` that lead on to more of a body's name (`Ban chỉ đạo quốc gia phòng chống Covid-19`,
/// `Đoàn công tác của Bộ Y tế`): the index they lead to, when they do.
fn bridge(tokens: &[Token], text: &str, k: usize, defs: &Definitions) -> Option<usize> {
    let mut j = k;
    // A verb or function word inside ("Quy chế dân chủ (QCDC)") only when the words end at the article's own
    // abbreviation of them.
    let mut crossed_stop = false;
    while j < tokens.len() && j - k < 6 {
        let t = &tokens[j];
        if paired_comma(tokens, j) {
            j += 1;
            continue;
        }
        if !t.is_word() || t.is_capitalised() || is_digits(t) || ends_a_phrase(tokens, j) {
            break;
        }
        crossed_stop |= STOP_WORDS.contains(t.folded().as_str());
        if BODY_WORDS.contains(t.folded().as_str()) && !crossed_stop {
            return Some(j);
        }
        j += 1;
    }
    let t = tokens.get(j)?;
    // The words end at the article's abbreviation of them, or its short name for the body ("(Ban chỉ đạo)").
    let defined = definition_len(tokens, j, text, defs) > 0 || short_name_len(tokens, j) > 0;
    let leads = (t.is_word() && t.is_capitalised() && !starts_a_person(tokens, text, j) && !crossed_stop) || defined;
    (j > k && leads).then_some(j)
}

/// "phòng, chống dịch", "các sở, ban, ngành": a comma between two lower-case words of a list inside one name.
fn paired_comma(tokens: &[Token], k: usize) -> bool {
    let listed = |j: usize| tokens.get(j).is_some_and(|t| !t.is_capitalised() && t.is(Class::ListedWord));
    tokens[k].is_punct(',') && k > 0 && listed(k - 1) && listed(k + 1)
}

/// The second syllable of a capitalised word of a name (`Ban Dân vận`, `Sở Tư pháp`, `Ủy ban Kiểm tra`): after
/// one capitalised word, or a head and one more; not after a place's name (`Đảng bộ Bình Thuận diễn ra`).
fn second_syllable(tokens: &[Token], k: usize) -> bool {
    // Not after a code or a number ("Covid-19 mới đây").
    if k == 0 || !tokens[k - 1].folded().chars().all(is_letter) {
        return false;
    }
    let mut j = k;
    while j > 0 && tokens[j - 1].is_word() && tokens[j - 1].is_capitalised() && !tokens[j - 1].is_all_caps() {
        j -= 1;
    }
    match k - j {
        1 => true,
        2 => classes::longest_at(tokens, j, Class::BodyHead) == Some(1),
        _ => false,
    }
}

/// `(QCDC)` after a body whose abbreviation the article defines: part of the body's span, dropped from its name.
fn definition_len(tokens: &[Token], k: usize, text: &str, defs: &Definitions) -> usize {
    let defined = tokens.get(k).is_some_and(|t| t.is_punct('('))
        && tokens.get(k + 1).is_some_and(|t| defs.contains_key(t.text(text)))
        && tokens.get(k + 2).is_some_and(|t| t.is_punct(')'));
    if defined {
        3
    } else {
        0
    }
}

/// The end (token index) of the body's name that starts at `tokens[i]` with a body head (`Ban`, `Ủy ban`, `Đoàn
/// công tác`): capitalised words, body words, numbers after the head (`Quân khu 5`), lower-case words that lead
/// on to more of it, `và` or `,` before a capitalised word that starts no new body (`Bộ Văn hóa, Thể thao và Du
/// lịch`), `phòng, chống`. A name of one word (`Đoàn`, `Ban`) refers back to a body; it is no name by itself.
pub(super) fn body_end(tokens: &[Token], text: &str, i: usize, defs: &Definitions) -> Option<usize> {
    let head = classes::longest_at(tokens, i, Class::BodyHead)?;
    let first = &tokens[i];
    // "Hội nghị", "Hội thảo": a meeting, not the body `Hội`; "Bộ trưởng": a rank; "Đại hội đồng": no body starts
    // inside a word (a body's name starts with a capital).
    let rank = rank_at(tokens, i).is_some_and(|(n, _)| n > head);
    if !first.is_word() || !first.is_capitalised() || rank || MEETING_KINDS.longest_at(tokens, i).is_some() {
        return None;
    }
    let mut k = i + head;
    let mut end = k;
    let mut capitalised = true;
    // Whether the word before was taken as a second syllable ("Ban chỉ" before "đạo").
    let mut after_second = false;
    while k < tokens.len() {
        let t = &tokens[k];
        let prev_capital = k > 0 && tokens[k - 1].is_word() && tokens[k - 1].is_capitalised();
        let next_starts_more = |j: usize| {
            tokens.get(j).is_some_and(|n| {
                n.is_word()
                    && n.is_capitalised()
                    && classes::longest_at(tokens, j, Class::BodyHead).is_none()
                    && !starts_a_person(tokens, text, j)
            })
        };
        if !t.is_word() {
            let skip = definition_len(tokens, k, text, defs);
            if skip > 0 {
                k += skip;
                end = k;
                continue;
            }
            // The words up to the body's short name in brackets are its name; the bracket is not.
            if short_name_len(tokens, k) > 0 {
                end = k;
                break;
            }
            // "Lao động - Thương binh", "Kế hoạch & Đầu tư".
            let joins = (t.is_punct('-') || t.is_punct('&')) && next_starts_more(k + 1);
            // "Văn hóa, Thể thao và Du lịch": a capitalised list inside one name ends with `và`.
            let listed = t.is_punct(',')
                && !prev_capital
                && next_starts_more(k + 1)
                && (k + 2..(k + 5).min(tokens.len())).any(|j| tokens[j].is_word() && tokens[j].is(Class::And));
            // "phòng, chống dịch": two lower-case verbs of one name.
            let paired = paired_comma(tokens, k) && bridge(tokens, text, k + 1, defs).is_some();
            if joins || listed || paired {
                k += 1;
                continue;
            }
            break;
        }
        // "Ủy ban kiểm tra Trung ương", "Ban tuyên giáo Tỉnh ủy": a head, then a pair that names a body with it even
        // in lower case (class `head_compound`), though the pair is a verb elsewhere; or a rank ("Bộ Tư lệnh").
        if k == i + head && classes::longest_at(tokens, i, Class::OrgHead).is_some() {
            // Not an organiser's verb: "Tỉnh đoàn tổ chức hội thảo" is a body and its verb.
            let pair = classes::longest_at(tokens, k, Class::HeadCompound);
            if let Some(n) = pair.filter(|_| classes::longest_at(tokens, k, Class::OrganiserVerb).is_none()) {
                k += n;
                end = k;
                after_second = false;
                continue;
            }
        }
        // "Quốc hội Quốc hội đã nghe": a body whose head is its whole name ends before another body's head.
        let whole = k == i + head && classes::longest_at(tokens, i, Class::WholeBody) == Some(head);
        if whole && t.is_capitalised() && classes::longest_at(tokens, k, Class::BodyHead).is_some() {
            break;
        }
        if t.is_capitalised() || t.is_all_caps() {
            // A rank that is also a body's head continues it ("Ủy ban Thường vụ Quốc hội").
            let head_rank = classes::longest_at(tokens, k, Class::BodyHead) == rank_at(tokens, k).map(|(n, _)| n)
                && name_at(tokens, text, k).is_none();
            if starts_a_person(tokens, text, k) && !t.is_all_caps() && !head_rank {
                break;
            }
            if MEETING_KINDS.longest_at(tokens, k).is_some()
                && classes::longest_at(tokens, k, Class::BodyHead).is_none()
            {
                break;
            }
            capitalised = true;
            k += 1;
            end = k;
            continue;
        }
        if is_digits(t) {
            // "Quân khu 5", "Ban chỉ đạo 138", "UBND Quận 2", "Bộ Tư lệnh Quân khu 5": a number right after the head, a
            // head inside the name or a unit word; not a date
            // ("2/11", "6 tháng") or a quantity ("5 năm").
            let date = tokens.get(k + 1).is_some_and(|n| {
                n.is_punct('/') || n.is(Class::DayWord) || n.is(Class::PeriodWord) || n.is(Class::Quantity)
            });
            let after_head = k == i + head || classes::ends_before(tokens, k, Class::BodyHead);
            if date || !(after_head || tokens[k - 1].is(Class::Unit)) {
                break;
            }
            k += 1;
            end = k;
            continue;
        }
        // `và` inside a name: "Bộ Giáo dục và Đào tạo" (before a capitalised word that starts no new body).
        if t.is(Class::And) {
            if next_starts_more(k + 1) && end == k {
                k += 1;
                continue;
            }
            break;
        }
        // The second syllable of a capitalised word ("Ban Dân vận", "Sở Tư pháp", "Ban chỉ đạo"), a body word.
        let second = (prev_capital && second_syllable(tokens, k) || after_second && t.is(Class::NameSecondSyllable))
            && !grammar_word(tokens, k);
        after_second = second;
        if ends_a_name(tokens, k) && !second {
            // "Quy chế dân chủ (QCDC)": a verb or function word inside a name the article abbreviates.
            match bridge(tokens, text, k, defs) {
                Some(j) if definition_len(tokens, j, text, defs) > 0 || short_name_len(tokens, j) > 0 => {
                    k = j;
                    continue;
                }
                _ => break,
            }
        }
        if second || BODY_WORDS.contains(t.folded().as_str()) {
            k += 1;
            end = k;
            continue;
        }
        match bridge(tokens, text, k, defs) {
            Some(j) => k = j,
            None => break,
        }
    }
    // A lower-case head must lead to a capitalised name ("thường trực Chính phủ"), and one word is no name.
    (capitalised && end - i > 1).then_some(end)
}

/// "Đoàn cũng có buổi làm việc": a capitalised head alone refers back to a body named before.
fn reference_end(tokens: &[Token], k: usize) -> Option<usize> {
    let head = classes::longest_at(tokens, k, Class::BodyHead)?;
    (tokens[k].is_word() && tokens[k].is_capitalised() && MEETING_KINDS.longest_at(tokens, k).is_none())
        .then_some(k + head)
}

/// Whether a body's name may be a short reference to one named before: its head alone (`Đoàn`, `Đoàn công tác`),
/// or a head and lower-case words or the second syllable of a capitalised one (`Ban chỉ đạo`, `Ban Chỉ đạo`),
/// within three words.
fn is_reference(tokens: &[Token], body: &Range<usize>) -> bool {
    let head = classes::longest_at(tokens, body.start, Class::BodyHead).unwrap_or(0);
    let len = body.end - body.start;
    if len == head && classes::longest_at(tokens, body.start, Class::WholeBody) == Some(len) {
        return false;
    }
    let rest_short = tokens[body.start + head..body.end].iter().skip(1).all(|t| !t.is_capitalised());
    len == head || (head == 1 && len > head && len <= 3 && rest_short)
}

/// The body a short reference at byte `at` refers to: the nearest body named before it (in the article, at most
/// 600 words back) whose name starts with the reference's words and is longer (`Đoàn` → `Đoàn công tác của Bộ Y
/// tế`, `Ban Chỉ đạo` → `Ban Chỉ đạo quốc gia ...`).
fn referent(all: &[Token], text: &str, at: usize, short: &[Token], defs: &Definitions) -> Option<Range<usize>> {
    let end = all.partition_point(|t| t.range().start < at);
    if let Some(defined) = defined_as(all, text, end, short, defs) {
        return Some(defined);
    }
    for j in (end.saturating_sub(600)..end).rev() {
        let same = short.iter().enumerate().all(|(d, s)| all.get(j + d).is_some_and(|t| t.folded() == s.folded()));
        if !same {
            continue;
        }
        if let Some(e) = body_end(all, text, j, defs) {
            if e - j > short.len() {
                return Some(j..e);
            }
        }
    }
    None
}

/// The body the article gave `short` as its short name before token `end`: `Ban chỉ đạo quốc gia về phòng chống
/// Covid-19 (Ban chỉ đạo)`. The writer's own definition wins over a nearer body that starts with the same words.
fn defined_as(all: &[Token], text: &str, end: usize, short: &[Token], defs: &Definitions) -> Option<Range<usize>> {
    let n = short.len();
    // Within the last few thousand words, so a long text's references cost no more than a short one's.
    for j in (end.saturating_sub(3000)..end.saturating_sub(n + 1)).rev() {
        let bracket = all[j].is_punct('(')
            && all.get(j + n + 1).is_some_and(|t| t.is_punct(')'))
            && short.iter().enumerate().all(|(d, s)| all[j + 1 + d].folded() == s.folded());
        if !bracket {
            continue;
        }
        // The name is every word from where it starts with the short name's words up to the bracket.
        let starts = |i: usize| short.iter().enumerate().all(|(d, s)| all[i + d].folded() == s.folded());
        let start = (j.saturating_sub(20)..j)
            .rev()
            .take_while(|&i| !all[i].is_punct('.') && !all[i].is_punct(';'))
            .filter(|&i| starts(i) && body_end(all, text, i, defs).is_some())
            .last();
        return start.map(|i| i..j);
    }
    None
}

/// The names of the bodies found in `tokens` (a sentence of `all`), short references resolved; a head alone that
/// refers to nothing named is dropped. Each name once, in order.
pub(super) fn names_of(
    all: &[Token],
    tokens: &[Token],
    text: &str,
    bodies: Vec<Range<usize>>,
    defs: &Definitions,
) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for body in bodies {
        let name = if is_reference(tokens, &body) {
            match referent(all, text, tokens[body.start].range().start, &tokens[body.clone()], defs) {
                Some(r) => body_name(all, text, r, defs),
                // A head of one word alone names nothing; `Đoàn công tác`, `Chính phủ` do.
                None if body.end - body.start > 1 => body_name(tokens, text, body, defs),
                None => continue,
            }
        } else {
            body_name(tokens, text, body, defs)
        };
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// The words of a body's name as written, without the article's definitions (`Ban Dân vận (DV) Tỉnh ủy`).
fn body_name(tokens: &[Token], text: &str, body: Range<usize>, defs: &Definitions) -> String {
    let span = tokens[body.start].range().start..tokens[body.end - 1].range().end;
    strip_definitions(&text[span], defs)
}

/// The predicate that makes the subject before it the meeting's organiser, at `tokens[k]`: a meeting word (`họp`,
/// `làm việc với`), an organiser verb before a meeting word (`tổ chức Hội nghị`, `có buổi làm việc`,
/// `chủ trì cuộc họp`), or a visit (`đến kiểm tra`, `làm việc tại`).
fn predicate_at(tokens: &[Token], k: usize) -> bool {
    let meeting_at = |j: usize| {
        MEETING_KINDS.longest_at(tokens, j).is_some_and(|(n, _)| !names_another(tokens, j, n))
            && !inside_a_body_name(tokens, j)
    };
    if meeting_at(k) || classes::longest_at(tokens, k, Class::VisitVerb).is_some() {
        return true;
    }
    let Some(n) = classes::longest_at(tokens, k, Class::OrganiserVerb) else { return false };
    // "tổ chức Hội nghị", "có buổi làm việc", "tổ chức các cuộc họp": the object within two words.
    (k + n..(k + n + 3).min(tokens.len())).any(meeting_at)
}

/// Words between a subject and its verb: a day (`sáng 2/11`), an adverb (`đã`, `tiếp tục`).
fn gap_len(tokens: &[Token], k: usize) -> usize {
    let t = &tokens[k];
    if t.is(Class::DayWord) || is_digits(t) || t.is_punct('/') {
        return 1;
    }
    classes::longest_at(tokens, k, Class::PreVerb).unwrap_or(0)
}

/// "Đoàn công tác ... do đồng chí X làm Trưởng đoàn đã đến": the clause that names who leads the subject, skipped.
/// (The phrases are this rule's pattern: `làm trưởng đoàn`, `dẫn đầu`, said of a person after `do`.)
fn led_by_len(tokens: &[Token], k: usize) -> usize {
    if word(tokens, k) != "do" {
        return 0;
    }
    for j in k + 1..(k + 40).min(tokens.len()) {
        if tokens[j].is_punct('.') || tokens[j].is_punct(';') {
            return 0;
        }
        if word(tokens, j) == "trưởng" && word(tokens, j + 1) == "đoàn" {
            return j + 2 - k;
        }
        if word(tokens, j) == "dẫn" && word(tokens, j + 1) == "đầu" {
            return j + 2 - k;
        }
    }
    0
}

/// The bodies that are the subject of the clause starting at `tokens[s]`, when its verb makes them organisers:
/// `Ban Dân vận Tỉnh ủy tổ chức Hội nghị`, `X phối hợp với Y, Z tổ chức`, `Thường trực Chính phủ họp`,
/// `Đoàn công tác của Tỉnh ủy do ... làm Trưởng đoàn đã đến`, and a body that joins a person
/// (`Chủ tịch UBND tỉnh Hồ Văn Mười cùng Đoàn công tác đã có buổi làm việc`). A person is no organiser.
pub(super) fn subject_at(tokens: &[Token], text: &str, s: usize, defs: &Definitions) -> Vec<Range<usize>> {
    subject_and_verb_at(tokens, text, s, defs).map_or_else(Vec::new, |(bodies, _)| bodies)
}

/// [`subject_at`] with where its verb starts: the subjects of the clause at `tokens[s]` and the index of the
/// predicate that makes them organisers, `None` when the clause has no such predicate.
pub(super) fn subject_and_verb_at(
    tokens: &[Token],
    text: &str,
    s: usize,
    defs: &Definitions,
) -> Option<(Vec<Range<usize>>, usize)> {
    let mut bodies: Vec<Range<usize>> = Vec::new();
    let mut expect_body = true;
    let mut person_words = 0;
    let mut k = s;
    while k < tokens.len() {
        let t = &tokens[k];
        if expect_body {
            if let Some(e) = body_end(tokens, text, k, defs).or_else(|| reference_end(tokens, k)) {
                bodies.push(k..e);
                k = e;
                expect_body = false;
                continue;
            }
        }
        let short = if bodies.is_empty() { 0 } else { short_name_len(tokens, k) };
        if short > 0 {
            k += short;
            continue;
        }
        if t.is_punct(',') && !bodies.is_empty() && body_end(tokens, text, k + 1, defs).is_some() {
            // "X, Y và Z tổ chức": a list of bodies.
            k += 1;
            expect_body = true;
            continue;
        }
        if !t.is_word() && !t.is_punct('/') {
            break;
        }
        let led_by = led_by_len(tokens, k);
        if led_by > 0 {
            k += led_by;
            continue;
        }
        // "X cùng Y", "do X và Y chủ trì": more subjects.
        if let Some(n) = classes::longest_at(tokens, k, Class::CoSubject) {
            k += n;
            expect_body = true;
            continue;
        }
        if predicate_at(tokens, k) {
            return Some((bodies, k));
        }
        let gap = gap_len(tokens, k);
        if gap > 0 {
            k += gap;
            continue;
        }
        // A person (with titles) as the first subject: read on to a body joined to them, or the verb.
        if bodies.is_empty() && person_words < 25 {
            person_words += 1;
            expect_body = false;
            k += 1;
            continue;
        }
        break;
    }
    None
}

/// Lower-case words after a body's name inside a meeting's noun phrase, up to its day or its end ("cuộc họp Ban
/// chỉ đạo quốc gia phòng chống dịch corona sáng 17/2"): how many, 0 when something else follows them.
fn phrase_tail(tokens: &[Token], e: usize) -> usize {
    let j = lower_run_end(tokens, e);
    let ends = j < tokens.len() && classes::longest_at(tokens, j, Class::DayWord).is_some();
    if j > e && ends {
        j - e
    } else {
        0
    }
}

/// The end of a run of at most 8 lower-case words from `e` that end no name (`data/stop_words.tsv`: `vào`, `nhấn
/// mạnh`; [`ends_a_phrase`]).
fn lower_run_end(tokens: &[Token], e: usize) -> usize {
    let mut j = e;
    while j < tokens.len() && j - e < 8 && tokens[j].is_word() && !tokens[j].is_capitalised() && !ends_a_name(tokens, j)
    {
        j += 1;
    }
    j
}

/// "Ban chỉ đạo quốc gia ... (Ban chỉ đạo)": the short name the article gives a body, in brackets after it.
fn short_name_len(tokens: &[Token], k: usize) -> usize {
    if !tokens[k].is_punct('(') || classes::longest_at(tokens, k + 1, Class::BodyHead).is_none() {
        return 0;
    }
    (k + 2..(k + 8).min(tokens.len())).find(|&j| tokens[j].is_punct(')')).map_or(0, |j| j + 1 - k)
}

/// Where the clauses of a sentence start: its first token and after each comma, colon or dash
/// (`Sáng 2/11, X tổ chức`, `Kon Tum: X`, `(NLĐ)- Sáng 23-5, X`).
pub(super) fn clause_starts(tokens: &[Token]) -> impl Iterator<Item = usize> + '_ {
    std::iter::once(0).chain(
        tokens
            .iter()
            .enumerate()
            .filter(|(_, t)| t.is_punct(',') || t.is_punct(':') || t.is_punct('-'))
            .map(|(k, _)| k + 1),
    )
}

/// The body inside a meeting's noun phrase: `phiên họp thứ 43 của Ủy ban Thường vụ Quốc hội`, `cuộc họp Ban chỉ
/// đạo ...`, `Kỳ họp bất thường HĐND TP`, `Đại hội Thi đua yêu nước lần thứ 5 của Ngành ...`. The phrase ends at
/// punctuation, a day, `với` (the other side) or a function word; a person or a rank in it is no organiser.
pub(super) fn body_in_phrase(
    tokens: &[Token],
    text: &str,
    phrase: &Range<usize>,
    defs: &Definitions,
) -> Option<Range<usize>> {
    // "làm việc với UBND xã": the phrase ends with the other side's word.
    if phrase.end == 0 || tokens[phrase.end - 1].is(Class::Counterpart) {
        return None;
    }
    let mut k = phrase.end;
    while k < tokens.len() && k - phrase.end < 10 {
        let t = &tokens[k];
        // "cuộc họp phòng, chống dịch của X"; not "buổi gặp mặt, động viên X" (X is who was met).
        if k > phrase.end && paired_comma(tokens, k) {
            k += 1;
            continue;
        }
        if !t.is_word() {
            return None;
        }
        if let Some(e) = body_end(tokens, text, k, defs) {
            return Some(k..e + phrase_tail(tokens, e));
        }
        if t.is_capitalised() && starts_a_person(tokens, text, k) {
            return None;
        }
        if !t.is_capitalised() && ends_a_phrase(tokens, k) {
            return None;
        }
        k += 1;
    }
    None
}

/// The organisers of the meeting a sentence reports: the subjects of its clauses that hold or host it, and the
/// bodies named inside its meeting phrases; each once, in order.
pub(super) fn organizers_in(
    all: &[Token],
    tokens: &[Token],
    text: &str,
    lead: &Range<usize>,
    defs: &Definitions,
) -> Vec<String> {
    let mut found: Vec<Range<usize>> = Vec::new();
    for s in clause_starts(tokens) {
        for body in subject_at(tokens, text, s, defs) {
            if !found.iter().any(|f| f.start <= body.start && body.start < f.end) {
                found.push(body);
            }
        }
    }
    // The lead phrase and the meeting words its noun phrase starts with ("cuộc họp giao ban"), not a meeting the
    // sentence only mentions ("tại kỳ họp HĐND ... tới"); only when no subject organises it: after `X tổ chức hội
    // nghị ôn lại truyền thống Mặt trận Tổ quốc`, the body in the name is the meeting's subject matter.
    let first = name_start(tokens, lead.start);
    let subjects_found = !found.is_empty();
    let phrases = meeting_phrases(tokens).into_iter().filter(|p| (first..=lead.start).contains(&p.tokens.start));
    for phrase in phrases.filter(|_| !subjects_found) {
        if let Some(body) = body_in_phrase(tokens, text, &phrase.tokens, defs) {
            if !found.iter().any(|f| f.start <= body.start && body.start < f.end) {
                found.push(body);
            }
        }
    }
    if found.is_empty() {
        found.extend(fronted_holder(tokens, text, lead, defs));
    }
    names_of(all, tokens, text, found, defs)
}

/// "Tại cuộc họp sáng cùng ngày, Ban chỉ đạo quốc gia ... nhận định", "Trước đó tại kỳ họp thứ 42, Ủy ban Kiểm tra
/// Trung ương xác định": the body that deliberates in the clause after a fronted `tại` + meeting holds the meeting.
/// A body that reports or proposes there (`Sở Y tế đề xuất`, `UBND tỉnh trình`) takes part; a person speaks.
pub(super) fn fronted_holder(
    tokens: &[Token],
    text: &str,
    phrase: &Range<usize>,
    defs: &Definitions,
) -> Option<Range<usize>> {
    // `tại` (or `Tại`) opens the phrase's clause, at most three words in ("Trước đó tại ...").
    let start = with_classifier(tokens, phrase.start);
    let intro =
        (1..=4.min(start)).find(|&back| classes::longest_at(tokens, start - back, Class::PlaceIntro) == Some(1));
    let opens = intro.is_some_and(|back| {
        let at = start - back;
        let clause = (0..at).rev().find(|&j| !tokens[j].is_word()).map_or(0, |j| j + 1);
        at - clause <= 3
    });
    if !opens {
        return None;
    }
    // The clause ends at the next comma, within a dozen words (its day, `này`, `thứ 42 (tháng 1/2020)`).
    let comma = (phrase.end..(phrase.end + 12).min(tokens.len())).find(|&j| tokens[j].is_punct(','))?;
    let body_start = comma + 1;
    let end = body_end(tokens, text, body_start, defs).or_else(|| reference_end(tokens, body_start))?;
    let mut k = end + short_name_len(tokens, end);
    while k < tokens.len() && gap_len(tokens, k) > 0 && !is_digits(&tokens[k]) {
        k += gap_len(tokens, k);
    }
    classes::longest_at(tokens, k, Class::Deliberates).map(|_| body_start..end)
}

/// "Ban Dân vận (DV) Tỉnh ủy" → "Ban Dân vận Tỉnh ủy".
pub(super) fn strip_definitions(s: &str, defs: &Definitions) -> String {
    let mut out = s.to_string();
    for abbr in defs.keys() {
        out = out.replace(&format!(" ({abbr})"), "");
    }
    out.trim().to_string()
}
