//! Stage 6, meetings: the meeting an article reports, from its lead sentence.
//!
//! The lead is the first body sentence that names a meeting (`hội nghị`, `buổi làm việc`,
//! `kỳ họp`, ... from `data/meeting_kinds.tsv`), preferring one that also gives a date. From it:
//! the kind (the most specific phrase), the name (from the meeting word to the end of its clause),
//! the day and part of day (never invented: `None` when the text does not say, or its year is
//! unknown), the organisers (`X tổ chức`, `X phối hợp Y tổ chức`), the period it covers and the
//! places (`tại X`, `điểm cầu X`). Chairs and attendees are the officials with those roles.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::abbreviations::Definitions;
use crate::calendar::Date;
use crate::classes::{self, Class};
use crate::data;
use crate::dates::{date_mentions, periods, resolve, resolve_in_context, DateMention};
use crate::lexicon::{fold, BODY_WORDS, MEETING_KINDS, STOP_WORDS};
use crate::people::name_at;
use crate::positions::rank_at;
use crate::record::{Meeting, Official, Precision, Role};
use crate::roles::role_at;
use crate::spans::CharIndex;
use crate::tokens::{within, Token};

/// "Ngày mai, 21/12" / "hôm qua (19/12)": a relative day the article pins to a date.
/// (`(?:\W|$)`, not `\b`: a Unicode word boundary keeps the regex off its fast engine on Vietnamese text.)
static ANCHOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(ngày mai|hôm qua|hôm nay|sáng mai|chiều mai|sáng nay|chiều nay)\s*[,(]?\s*(?:ngày\s*)?(\d{1,2})\s?/\s?(\d{1,2})(?:\W|$)").unwrap()
});
static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?-u:\b)(19[5-9]\d|20\d\d)(?-u:\b)").unwrap());

/// Without a publish date, a relative day ("sáng nay") is still a day when the article pins another
/// relative day to a date ("Ngày mai, 21/12") and names its year often (the year most written, twice or more).
fn anchored(text: &str, sentences: &[Range<usize>], mention: &DateMention) -> Option<Date> {
    let offset = mention.relative?;
    let body = sentences.first()?.start..sentences.last()?.end;
    let slice = &text[body];
    let c = ANCHOR.captures(slice)?;
    let anchor_offset: i64 = match c[1].to_lowercase().as_str() {
        "ngày mai" | "sáng mai" | "chiều mai" => 1,
        "hôm qua" => -1,
        _ => 0,
    };
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for y in YEAR.find_iter(slice) {
        *counts.entry(y.as_str()).or_default() += 1;
    }
    let (year, n) = counts.into_iter().max_by_key(|(y, n)| (*n, std::cmp::Reverse(*y)))?;
    if n < 2 {
        return None;
    }
    let anchor = Date::new(year.parse().ok()?, c[3].parse().ok()?, c[2].parse().ok()?)?;
    let days = anchor.days_since_epoch() - anchor_offset + offset;
    Date::from_days_since_epoch(days)
}

/// Whether the meeting phrase at `tokens[k..k + n]` names another meeting than the one reported:
/// one to come (`Đại hội Đảng sắp tới`, `kỳ họp tới`) or one cited (`Nghị quyết Đại hội IX`).
fn names_another(tokens: &[Token], k: usize, n: usize) -> bool {
    let cited = (2..=k.min(3)).any(|back| classes::longest_at(tokens, k - back, Class::CitesMeeting) == Some(back));
    // "kỳ họp tới", "Đại hội sắp tới", "Đại hội Đảng các cấp sắp tới".
    let coming = tokens.get(k + n).is_some_and(|t| t.is(Class::Coming))
        || (1..4).any(|d| {
            tokens.get(k + n + d).is_some_and(|t| t.is(Class::Coming))
                && tokens.get(k + n + d + 1).is_some_and(|t| t.is(Class::Coming))
        });
    cited || coming || cancelled(tokens, k)
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

/// A date that is not the meeting's: an anniversary's span ("(19.4.1946 - 19.4.2006)"), a law's effective
/// date ("có hiệu lực từ ngày 01-01-2006"), a deadline ("trước ngày 15-4").
fn cited_date(text: &str, m: &DateMention) -> bool {
    let before = crate::dates::tail(&text[..m.range.start], 40).trim_end();
    let after = text[m.range.end..].trim_start();
    // Spans are written with any dash, and some pages put a star or a tilde there ("(18/11/1930 * 18/11/2025)").
    const SPAN: [char; 5] = ['-', '–', '—', '*', '~'];
    let span = (before.ends_with('(') && after.starts_with(SPAN)) || (before.ends_with(SPAN) && after.starts_with(')'));
    span || before.contains("hiệu lực") || before.ends_with("trước ngày") || before.ends_with("hạn chót")
}

/// The `phrase` column of a data file, each phrase folded and split into words (compared with [`folded_words`]).
fn phrases(file: &data::DataFile) -> Vec<Vec<String>> {
    data::rows(file).iter().map(|r| fold(r.get("phrase")).split_whitespace().map(String::from).collect()).collect()
}

/// Reporting verbs (`data/reporting_verbs.tsv`), folded.
static REPORTING: LazyLock<Vec<Vec<String>>> = LazyLock::new(|| phrases(&data::REPORTING_VERBS));

/// Whether folded `words` hold one of `phrases` as whole words.
fn has_phrase(words: &[String], phrases: &[Vec<String>]) -> bool {
    phrases.iter().any(|p| words.windows(p.len()).any(|w| w == p.as_slice()))
}

fn folded_words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(fold).collect()
}

/// A day before a reporting verb that comes before the meeting's words dates the report, not the meeting:
/// "Ngày 5/3, Ủy ban Kiểm tra Trung ương thông báo ... tại kỳ họp 42".
fn dates_a_report(text: &str, m: &DateMention, meeting: &Range<usize>) -> bool {
    m.range.end <= meeting.start && has_phrase(&folded_words(&text[m.range.end..meeting.start]), &REPORTING)
}

/// Words that put a meeting at another time than the lead's day (`data/other_time_words.tsv`), folded.
static OTHER_TIME: LazyLock<Vec<Vec<String>>> = LazyLock::new(|| phrases(&data::OTHER_TIME_WORDS));
/// A year or a month named in the sentence ("năm 2018", "APEC 2025", "tháng 5"): another time than the lead's day.
static YEAR_OR_MONTH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?:^|\D)(?:19|20)\d\d(?:\D|$)|tháng\s?\d").unwrap());

/// The day of the article's lead (its first body sentence) for a meeting whose own sentence names no day, no
/// year and no other time: "Sáng 2/11, Đoàn công tác ... đến kiểm tra ..." then "Tại buổi làm việc, ...".
/// The lead reports the event the meeting belongs to.
fn lead_day(
    text: &str,
    body_sentences: &[Range<usize>],
    sentence: &Range<usize>,
    sentence_mentions: &[DateMention],
    published: Option<Date>,
    keep: &impl Fn(&DateMention) -> bool,
) -> Option<DateMention> {
    let lead = body_sentences.first().filter(|l| l.end <= sentence.start)?;
    let s = &text[sentence.clone()];
    let other_time = has_phrase(&folded_words(s), &OTHER_TIME);
    if !sentence_mentions.is_empty() || other_time || YEAR_OR_MONTH.is_match(s) {
        return None;
    }
    // The lead opens with its day ("Sáng 2/11, ...", "HNN.VN - Sáng 2/11, ...", "(NLĐ) - Sáng 2/11"): a day later in
    // the sentence dates something else ("phiên giao dịch ngày 31-10", "từ ngày 1-1-2006").
    let opens = |m: &DateMention| m.range.start - lead.start < 40 || after_outlet(&text[lead.start..m.range.start]);
    let day =
        date_mentions(text, lead.clone()).into_iter().find(|m| keep(m) && (m.day.is_some() || m.relative.is_some()));
    day.filter(|m| opens(m) && (m.from_named || resolve(m, published).is_some()))
}

/// "(NLĐ)- Sáng 23-9": the lead's date comes after a headline and the outlet's mark, with at most a few day
/// words (`Sáng`, `ngày`) between them.
fn after_outlet(before: &str) -> bool {
    let mut rest = before.trim_end();
    for _ in 0..3 {
        let start =
            rest.char_indices().rev().take_while(|(_, c)| c.is_alphabetic()).last().map_or(rest.len(), |(i, _)| i);
        let word = &rest[start..];
        if word.is_empty() || !classes::is(&fold(word), Class::DayWord) {
            break;
        }
        rest = rest[..start].trim_end();
    }
    [")-", ") -", ") –", ")–"].iter().any(|mark| rest.ends_with(mark))
}

fn inside(range: &Range<usize>, docs: &[Range<usize>]) -> bool {
    docs.iter().any(|d| d.start <= range.start && range.start <= d.end + 40)
}

// ---------------------------------------------------------------------------------------------------------------
// Meeting phrases, names and organisers, read on tokens. The words come from `data/meeting_kinds.tsv` and the
// word classes of `data/word_classes.tsv` (body heads, organiser and visit verbs, co-subjects, day words).
// ---------------------------------------------------------------------------------------------------------------

/// A meeting phrase of a sentence: its kind, its tokens and its priority.
struct Phrase {
    kind: &'static str,
    tokens: Range<usize>,
    priority: u8,
}

/// The meeting phrases of a sentence's tokens that name the meeting reported, in order.
fn meeting_phrases(tokens: &[Token]) -> Vec<Phrase> {
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
        if !inside_a_body_name(tokens, k) {
            out.push(Phrase { kind, tokens: k..k + n, priority });
        }
        k += 1;
    }
    out
}

/// "Quốc hội thảo luận": the phrase's first word ends a body's name (`Quốc hội`), so `hội thảo` is no meeting.
fn inside_a_body_name(tokens: &[Token], k: usize) -> bool {
    k > 0
        && tokens[k - 1].is_capitalised()
        && classes::longest_at(tokens, k - 1, Class::BodyHead).is_some_and(|n| n > 1)
}

/// The kind named by the highest-priority meeting phrase of `tokens`, and where the phrase is (a byte range).
fn kind_in(tokens: &[Token]) -> Option<(&'static str, Range<usize>, u8)> {
    let mut best: Option<&Phrase> = None;
    let phrases = meeting_phrases(tokens);
    for p in &phrases {
        if best.is_none_or(|b| p.priority > b.priority) {
            best = Some(p);
        }
    }
    best.map(|p| (p.kind, tokens[p.tokens.start].range.start..tokens[p.tokens.end - 1].range.end, p.priority))
}

fn word(tokens: &[Token], k: usize) -> &str {
    tokens.get(k).filter(|t| t.is_word()).map_or("", |t| t.folded.as_str())
}

fn is_digits(t: &Token) -> bool {
    t.is_word() && t.folded.starts_with(|c: char| c.is_ascii_digit())
}

/// A lower-case word that ends a body's name: a verb or function word (`data/stop_words.tsv`), or one that ends
/// any phrase of the meeting's grammar ([`ends_a_phrase`]).
fn ends_a_name(tokens: &[Token], k: usize) -> bool {
    STOP_WORDS.contains(tokens[k].folded.as_str())
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
        crossed_stop |= STOP_WORDS.contains(t.folded.as_str());
        if BODY_WORDS.contains(t.folded.as_str()) && !crossed_stop {
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
    if k == 0 || !tokens[k - 1].folded.chars().all(char::is_alphabetic) {
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
fn body_end(tokens: &[Token], text: &str, i: usize, defs: &Definitions) -> Option<usize> {
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
                && (k + 2..(k + 5).min(tokens.len())).any(|j| word(tokens, j) == "và");
            // "phòng, chống dịch": two lower-case verbs of one name.
            let paired = paired_comma(tokens, k) && bridge(tokens, text, k + 1, defs).is_some();
            if joins || listed || paired {
                k += 1;
                continue;
            }
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
            // "Quân khu 5", "Ban chỉ đạo 138"; not a date ("2/11", "6 tháng").
            let date =
                tokens.get(k + 1).is_some_and(|n| n.is_punct('/') || n.is(Class::DayWord) || n.is(Class::PeriodWord));
            if date || k != i + head {
                break;
            }
            k += 1;
            end = k;
            continue;
        }
        // `và` inside a name: "Bộ Giáo dục và Đào tạo" (before a capitalised word that starts no new body).
        if word(tokens, k) == "và" {
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
        if second || BODY_WORDS.contains(t.folded.as_str()) {
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
    let rest_short = tokens[body.start + head..body.end].iter().skip(1).all(|t| !t.is_capitalised());
    len == head || (head == 1 && len > head && len <= 3 && rest_short)
}

/// The body a short reference at byte `at` refers to: the nearest body named before it (in the article, at most
/// 600 words back) whose name starts with the reference's words and is longer (`Đoàn` → `Đoàn công tác của Bộ Y
/// tế`, `Ban Chỉ đạo` → `Ban Chỉ đạo quốc gia ...`).
fn referent(all: &[Token], text: &str, at: usize, short: &[Token], defs: &Definitions) -> Option<Range<usize>> {
    let end = all.partition_point(|t| t.range.start < at);
    for j in (end.saturating_sub(600)..end).rev() {
        let same = short.iter().enumerate().all(|(d, s)| all.get(j + d).is_some_and(|t| t.folded == s.folded));
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

/// The names of the bodies found in `tokens` (a sentence of `all`), short references resolved; a head alone that
/// refers to nothing named is dropped. Each name once, in order.
fn names_of(all: &[Token], tokens: &[Token], text: &str, bodies: Vec<Range<usize>>, defs: &Definitions) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for body in bodies {
        let name = if is_reference(tokens, &body) {
            match referent(all, text, tokens[body.start].range.start, &tokens[body.clone()], defs) {
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
    let span = tokens[body.start].range.start..tokens[body.end - 1].range.end;
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
fn subject_at(tokens: &[Token], text: &str, s: usize, defs: &Definitions) -> Vec<Range<usize>> {
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
            return bodies;
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
    Vec::new()
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
fn clause_starts(tokens: &[Token]) -> impl Iterator<Item = usize> + '_ {
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
fn body_in_phrase(tokens: &[Token], text: &str, phrase: &Range<usize>, defs: &Definitions) -> Option<Range<usize>> {
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
fn organizers_in(all: &[Token], tokens: &[Token], text: &str, lead: &Range<usize>, defs: &Definitions) -> Vec<String> {
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
    names_of(all, tokens, text, found, defs)
}

/// Back from the meeting phrase at `tokens[p]` to the first meeting word or classifier of its noun phrase, a few
/// words before (`Hội nghị` of `Hội nghị giao ban`, `cuộc` of `cuộc họp`).
fn name_start(tokens: &[Token], p: usize) -> usize {
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

/// The meeting's name: its whole noun phrase, from the classifier or meeting word it starts with (`Hội nghị` of
/// `Hội nghị giao ban`, `Buổi` of `buổi làm việc`) to a date, a function word or the end of its clause; a comma
/// inside a list of nouns (`các sở, ban, ngành`, `phòng, chống`) does not end it. At most 30 words.
fn name_from(text: &str, tokens: &[Token], phrase: &Range<usize>) -> String {
    if phrase.is_empty() || phrase.end > tokens.len() {
        return String::new();
    }
    let start = name_start(tokens, phrase.start);
    let phrase_end = phrase.end;
    let mut end = phrase_end;
    let mut k = phrase_end;
    while k < tokens.len() && k - start < 30 {
        let t = &tokens[k];
        if t.is_punct(',') {
            let listed = k > 0
                && tokens[k - 1].is_word()
                && !tokens[k - 1].is_capitalised()
                && tokens.get(k + 1).is_some_and(|n| n.is_word() && !n.is_capitalised() && !ends_a_name(tokens, k + 1));
            if listed {
                k += 1;
                continue;
            }
            break;
        }
        let inside = ['-', '/', '"', '“', '”', '&'].iter().any(|&c| t.is_punct(c));
        if !t.is_word() && !inside {
            break;
        }
        let day = t.is(Class::DayWord)
            && tokens.get(k + 1).is_some_and(|n| is_digits(n) || n.is(Class::DayWord) || n.folded == "cùng");
        if day || (t.is_word() && !t.is_capitalised() && (t.is(Class::ClauseWord) || t.is(Class::PreVerb))) {
            break;
        }
        if t.is_word() {
            end = k + 1;
        }
        k += 1;
    }
    // Not ending on a function word ("... vào", "... diễn ra") or an ordinal cut from its number ("... lần" of
    // "lần này sẽ").
    let function_word = |t: &Token| {
        STOP_WORDS.contains(t.folded.as_str())
            || t.is(Class::ClauseWord)
            || t.is(Class::Counterpart)
            || t.is(Class::Ordinal)
    };
    while end > phrase_end && !tokens[end - 1].is_capitalised() && function_word(&tokens[end - 1]) {
        end -= 1;
    }
    let span = tokens[start].range.start..tokens[end - 1].range.end;
    let mut name = text[span].to_string();
    if let Some(first) = name.chars().next() {
        name.replace_range(..first.len_utf8(), &first.to_uppercase().to_string());
    }
    name
}

/// "Ban Dân vận (DV) Tỉnh ủy" → "Ban Dân vận Tỉnh ủy".
fn strip_definitions(s: &str, defs: &Definitions) -> String {
    let mut out = s.to_string();
    for abbr in defs.keys() {
        out = out.replace(&format!(" ({abbr})"), "");
    }
    out.trim().to_string()
}

/// The lead sentence: the first in the body that names a meeting and gives a date, else the first that names one.
fn lead(
    text: &str,
    tokens: &[Token],
    sentences: &[Range<usize>],
) -> Option<(Range<usize>, &'static str, Range<usize>)> {
    let mut named = sentences.iter().filter_map(|s| kind_in(within(tokens, s)).map(|(k, r, _)| (s.clone(), k, r)));
    let mut first = None;
    for candidate in named.by_ref().take(6) {
        if date_mentions(text, candidate.0.clone()).iter().any(|m| m.day.is_some() || m.relative.is_some()) {
            return Some(candidate);
        }
        first.get_or_insert(candidate);
    }
    first
}

/// The organisers of the lead sentence's meeting; when it names none, the subjects of the article's first sentence
/// that reports a visit or a meeting (among its first five, since a headline and the outlet's lines may come first) (`Đoàn công tác của Tỉnh ủy ... đã đến xã Lương Sơn kiểm tra`, above a lead
/// `Tại buổi làm việc, ...`), else of the headline (`Sở Tư pháp làm việc với các xã` above a lead whose subject is
/// a person).
fn lead_organizers(
    text: &str,
    tokens: &[Token],
    sentence: &[Token],
    lead: &Range<usize>,
    others: &[&Range<usize>],
    body: &[Range<usize>],
    defs: &Definitions,
) -> Vec<String> {
    let found = organizers_in(tokens, sentence, text, lead, defs);
    if !found.is_empty() {
        return found;
    }
    let found = same_meeting_elsewhere(text, tokens, &sentence[lead.clone()], body, defs);
    if !found.is_empty() {
        return found;
    }
    // A meeting the lead puts at another time (`sẽ được báo cáo tại hội nghị`) is not the visit or meeting the
    // opening sentences report: the same words that keep it from the lead's day keep it from their organisers.
    let said = sentence.first().zip(sentence.last()).map_or("", |(a, b)| &text[a.range.start..b.range.end]);
    if has_phrase(&folded_words(said), &OTHER_TIME) {
        return Vec::new();
    }
    for other in others {
        let other = within(tokens, other);
        if other.first().map(|t| t.range.start) == sentence.first().map(|t| t.range.start) {
            continue;
        }
        let bodies: Vec<Range<usize>> = clause_starts(other).flat_map(|s| subject_at(other, text, s, defs)).collect();
        let names = names_of(tokens, other, text, bodies, defs);
        if !names.is_empty() {
            return names;
        }
    }
    Vec::new()
}

/// "Cũng tại kỳ họp chiều nay, ..." after "... tại kỳ họp bất thường HĐND TP HCM khóa IX": the body that another
/// sentence names inside the same meeting phrase (the same words), the first.
fn same_meeting_elsewhere(
    text: &str,
    tokens: &[Token],
    phrase: &[Token],
    body: &[Range<usize>],
    defs: &Definitions,
) -> Vec<String> {
    // A meeting with its classifier (`kỳ họp`, `cuộc họp`, `phiên họp`), not a meeting word alone (`Hội nghị`, `Đại
    // hội`), which an article also uses for other meetings it cites.
    if phrase.len() < 2 || !phrase[0].is(Class::MeetingNoun) {
        return Vec::new();
    }
    for sentence in body {
        let words = within(tokens, sentence);
        for p in meeting_phrases(words) {
            let same = p.tokens.len() == phrase.len()
                && words[p.tokens.clone()].iter().zip(phrase).all(|(a, b)| a.folded == b.folded);
            if !same {
                continue;
            }
            if let Some(found) = body_in_phrase(words, text, &p.tokens, defs) {
                let names = names_of(tokens, words, text, vec![found], defs);
                if !names.is_empty() {
                    return names;
                }
            }
        }
    }
    Vec::new()
}

/// The sentences that open the article before its lead sentence (at most five), then the headline. A lead without
/// a full stop is a headline the body repeats (`Bí thư Tỉnh ủy ... làm việc với ...`): the sentences after it open
/// the article.
fn opening_sentences<'a>(
    text: &str,
    body: &'a [Range<usize>],
    lead: &Range<usize>,
    title: Option<&'a Range<usize>>,
) -> Vec<&'a Range<usize>> {
    let at = body.iter().position(|s| s == lead).unwrap_or(body.len());
    let headline_lead = !text[lead.clone()].trim_end().ends_with(['.', '!', '?', '…', '"', '”']);
    let opening = if headline_lead && at < 5 { &body[..5.min(body.len())] } else { &body[..at.min(5)] };
    opening.iter().filter(|s| *s != lead).chain(title).collect()
}

/// The places a sentence holds its meeting at: after `tại` or `điểm cầu` (lower case), an optional place noun
/// (`tỉnh`, `thành phố`, `TP`, `trụ sở`), then one to five capitalised words (`tại hội trường Tỉnh ủy`).
fn places_in(tokens: &[Token], text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < tokens.len() {
        let intro = if tokens[k].is_capitalised() { None } else { classes::longest_at(tokens, k, Class::PlaceIntro) };
        let Some(n) = intro else {
            k += 1;
            continue;
        };
        let start = k + n;
        let mut j = start;
        // The place noun: lower case, or an abbreviation in capitals with an optional dot ("TP. Huế").
        if let Some(m) = classes::longest_at(tokens, j, Class::PlaceNoun) {
            if !tokens[j].is_capitalised() || tokens[j].is_all_caps() {
                j += m;
                if tokens[j - 1].is_all_caps() && tokens.get(j).is_some_and(|t| t.is_punct('.')) {
                    j += 1;
                }
            }
        }
        let name_start = j;
        let letters = |t: &Token| {
            t.is_word() && t.is_capitalised() && t.text(text).chars().all(|c| c.is_alphabetic() || c == '.')
        };
        while j < tokens.len() && j - name_start < 5 && letters(&tokens[j]) {
            j += 1;
        }
        if j > name_start {
            let span = tokens[start].range.start..tokens[j - 1].range.end;
            out.push(text[span].trim_end_matches('.').to_string());
        }
        k = j.max(k + 1);
    }
    out
}

/// The tokens of `tokens` that a byte range covers.
fn token_range(tokens: &[Token], bytes: &Range<usize>) -> Range<usize> {
    let start = tokens.partition_point(|t| t.range.start < bytes.start);
    let end = tokens.partition_point(|t| t.range.start < bytes.end).max(start + 1).min(tokens.len());
    start.min(end)..end
}

/// What the earlier stages found, which the meeting stage reads.
pub struct Found<'a> {
    pub officials: &'a [Official],
    /// The citations' ranges: a date inside one dates the document, not the meeting.
    pub documents: &'a [Range<usize>],
    /// Abbreviations the article defines.
    pub defs: &'a Definitions,
}

/// The meetings of the article (the genre reports one per article; related-article teasers are furniture).
pub fn meetings(
    text: &str,
    tokens: &[Token],
    body_sentences: &[Range<usize>],
    title: Option<Range<usize>>,
    published: Option<Date>,
    found: &Found,
    index: &CharIndex,
) -> Vec<Meeting> {
    let Found { officials, documents, defs } = *found;
    let Some((sentence, _, phrase)) =
        lead(text, tokens, body_sentences).or_else(|| title.clone().and_then(|t| lead(text, tokens, &[t])))
    else {
        return Vec::new();
    };
    let (kind, _, _) = kind_in(within(tokens, &sentence)).unwrap_or(("hội nghị", phrase.clone(), 0));
    let keep = |m: &DateMention| !inside(&m.range, documents) && !cited_date(text, m);
    let all_mentions = date_mentions(text, sentence.clone());
    let mentions: Vec<DateMention> =
        all_mentions.iter().filter(|m| keep(m) && !dates_a_report(text, m, &phrase)).cloned().collect();
    let body = body_sentences.first().map_or(sentence.start, |s| s.start)..sentence.end;
    let lead_day = || lead_day(text, body_sentences, &sentence, &all_mentions, published, &keep);
    let when = mentions.iter().find(|m| m.day.is_some() || m.relative.is_some()).cloned().or_else(lead_day);
    let date = when.as_ref().and_then(|m| {
        resolve_in_context(text, body.clone(), m, published, keep).or_else(|| {
            if published.is_none() && !m.from_named {
                anchored(text, body_sentences, m)
            } else {
                None
            }
        })
    });
    let when = when.as_ref();
    let time_of_day = when.and_then(|m| m.part_of_day).or_else(|| mentions.iter().find_map(|m| m.part_of_day));
    let chairs: Vec<String> =
        officials.iter().filter(|o| o.roles.iter().any(|r| r.chairs())).map(|o| o.name.clone()).collect();
    let attendees = officials
        .iter()
        .filter(|o| o.roles.contains(&Role::Attend) && !chairs.contains(&o.name))
        .map(|o| o.name.clone())
        .collect();
    let period = periods(text, sentence.clone()).first().map(|r| text[r.clone()].to_string());
    let places = places_in(within(tokens, &sentence), text);
    let sentence_tokens = within(tokens, &sentence);
    let lead_phrase = token_range(sentence_tokens, &phrase);
    let name = name_from(text, sentence_tokens, &lead_phrase);
    let others = opening_sentences(text, body_sentences, &sentence, title.as_ref());
    let organizers = lead_organizers(text, tokens, sentence_tokens, &lead_phrase, &others, body_sentences, defs);
    vec![Meeting {
        date: date.map(|d| d.to_string()),
        date_precision: date.map(|_| Precision::Day),
        time_of_day,
        kind: kind.to_string(),
        name,
        organizers,
        chairs,
        attendees,
        places,
        period,
        evidence: index.span(sentence),
    }]
}
