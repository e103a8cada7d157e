//! When a meeting took place: the day its sentence gives, or the lead's, never a document's or a report's.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::calendar::Date;
use crate::chars::is_word_char;
use crate::classes::{self, Class};
use crate::data;
use crate::dates::{date_mentions, resolve, DateMention};
use crate::lexicon::fold;

/// The phrases are this rule's own pattern, not a word list: a relative day written with its date as `d/m`
/// pins it; other shapes (`Sáng nay 8-2`) were read too often against a wrong year.
/// (`(?:\W|$)`, not `\b`: a Unicode word boundary keeps the regex off its fast engine on Vietnamese text.)
static ANCHOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(ngày mai|hôm qua|hôm nay|sáng mai|chiều mai|sáng nay|chiều nay)\s*[,(]?\s*(?:ngày\s*)?(\d{1,2})\s?/\s?(\d{1,2})(?:\W|$)").unwrap()
});
static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?-u:\b)(19[5-9]\d|20\d\d)(?-u:\b)").unwrap());

/// Without a publish date, a relative day ("sáng nay") is still a day when the article pins another
/// relative day to a date ("Ngày mai, 21/12") and names its year often (the year most written, twice or more).
pub(super) fn anchored(text: &str, sentences: &[Range<usize>], mention: &DateMention) -> Option<Date> {
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

/// The phrases of class `cites_date`, folded (lower case).
static CITES_DATE: LazyLock<Vec<String>> = LazyLock::new(|| {
    crate::word_classes::entries().iter().filter(|(_, c)| *c == Class::CitesDate).map(|(w, _)| fold(w)).collect()
});

/// date ("có hiệu lực từ ngày 01-01-2006"), a deadline ("trước ngày 15-4"): a phrase of class `cites_date` in the
/// few words before it.
pub(super) fn cited_date(text: &str, m: &DateMention) -> bool {
    let before = crate::dates::tail(&text[..m.range.start], 40).trim_end();
    let after = text[m.range.end..].trim_start();
    // Spans are written with any dash, and some pages put a star or a tilde there ("(18/11/1930 * 18/11/2025)").
    const SPAN: [char; 5] = ['-', '–', '—', '*', '~'];
    let span = (before.ends_with('(') && after.starts_with(SPAN)) || (before.ends_with(SPAN) && after.starts_with(')'));
    // Every date of every sentence passes here: the window is lowered once and searched for the class's phrases.
    span || {
        let lower = before.to_lowercase();
        CITES_DATE.iter().any(|p| lower.contains(p.as_str()))
    }
}

/// The `phrase` column of a data file, each phrase folded and split into words (compared with [`folded_words`]).
pub(super) fn phrases(file: &data::DataFile) -> Vec<Vec<String>> {
    data::rows(file).iter().map(|r| fold(r.get("phrase")).split_whitespace().map(String::from).collect()).collect()
}

/// Reporting verbs (`data/reporting_verbs.tsv`), folded.
static REPORTING: LazyLock<Vec<Vec<String>>> = LazyLock::new(|| phrases(&data::REPORTING_VERBS));

/// Whether folded `words` hold one of `phrases` as whole words.
pub(super) fn has_phrase(words: &[String], phrases: &[Vec<String>]) -> bool {
    phrases.iter().any(|p| words.windows(p.len()).any(|w| w == p.as_slice()))
}

pub(super) fn folded_words(s: &str) -> Vec<String> {
    words_of(s).map(fold).collect()
}

/// The words of `s` as the phrase lists compare them: runs of word characters.
pub(super) fn words_of(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !is_word_char(c)).filter(|w| !w.is_empty())
}

/// A day before a reporting verb that comes before the meeting's words dates the report, not the meeting:
/// "Ngày 5/3, Ủy ban Kiểm tra Trung ương thông báo ... tại kỳ họp 42".
pub(super) fn dates_a_report(text: &str, m: &DateMention, meeting: &Range<usize>) -> bool {
    m.range.end <= meeting.start && has_phrase(&folded_words(&text[m.range.end..meeting.start]), &REPORTING)
}

/// Words that put a meeting at another time than the lead's day (`data/other_time_words.tsv`), folded.
pub(super) static OTHER_TIME: LazyLock<Vec<Vec<String>>> = LazyLock::new(|| phrases(&data::OTHER_TIME_WORDS));
/// A year or a month named in the sentence ("năm 2018", "APEC 2025", "tháng 5"): another time than the lead's day.
static YEAR_OR_MONTH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?:^|\D)(?:19|20)\d\d(?:\D|$)|tháng\s?\d").unwrap());

/// The day of the article's lead (its first body sentence) for a meeting whose own sentence names no day, no
/// year and no other time: "Sáng 2/11, Đoàn công tác ... đến kiểm tra ..." then "Tại buổi làm việc, ...".
/// The lead reports the event the meeting belongs to.
pub(super) fn lead_day(
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

/// The citations' ranges, to ask whether a date starts inside one or within 40 bytes after it (it dates the
/// document, not a meeting). Every date of the article asks: a binary search, not a pass over every citation.
pub(super) struct Citations {
    /// Starts, sorted.
    starts: Vec<usize>,
    /// The furthest end among the citations up to each start (same order).
    furthest_end: Vec<usize>,
}

impl Citations {
    pub(super) fn new(docs: &[Range<usize>]) -> Citations {
        let mut sorted: Vec<&Range<usize>> = docs.iter().collect();
        sorted.sort_by_key(|d| d.start);
        let mut furthest = 0;
        let furthest_end = sorted.iter().map(|d| {
            furthest = furthest.max(d.end);
            furthest
        });
        Citations { furthest_end: furthest_end.collect(), starts: sorted.iter().map(|d| d.start).collect() }
    }

    /// Whether `range` starts inside a citation or within 40 bytes after one.
    pub(super) fn dates_one(&self, range: &Range<usize>) -> bool {
        let before = self.starts.partition_point(|&s| s <= range.start);
        before > 0 && range.start <= self.furthest_end[before - 1] + 40
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn citations_table() {
        // (citations, a date's start, whether it dates one): inside, within 40 bytes after, a long one that holds
        // a short one, before any, too far after.
        type Case = (&'static [(usize, usize)], usize, bool);
        let cases: [Case; 6] = [
            (&[(10, 20)], 15, true),
            (&[(10, 20)], 60, true),
            (&[(10, 20)], 61, false),
            (&[(10, 500), (100, 110)], 300, true),
            (&[(10, 20), (100, 110)], 5, false),
            (&[], 5, false),
        ];
        for (docs, start, want) in cases {
            let docs: Vec<Range<usize>> = docs.iter().map(|&(a, b)| a..b).collect();
            assert_eq!(Citations::new(&docs).dates_one(&(start..start + 4)), want, "{docs:?} {start}");
        }
    }
}
