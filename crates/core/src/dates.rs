//! Stage 3, dates: the publish date line, dates in running text, parts of day, periods.
//!
//! Shapes tried cheapest first: numeric dates (`17/6/2024`, `29-10-2021`, `13-7`, `13.5`),
//! then the spelled form (`ngày 3 tháng 4 năm 2018`), then relative days
//! (`sáng nay`, `hôm qua`). A date without a year takes the publish year,
//! unless that puts it well after the publish date (then the year before);
//! with no publish date its year stays unknown and it resolves to nothing. A day counted from
//! another (`chiều cùng ngày`, `sáng hôm sau`) counts from the day last named before it.
//!
//! The publish stamp ([`stamp`]) is read by shape, not by outlet: ISO 8601 (an instant with a zone
//! becomes Vietnamese time, UTC+7), year first (`2023/03/25`), day first with a four- or two-digit
//! year, a time before or after, and around them only the words of `data/date_words.tsv` (weekday,
//! label, zone, a meta line's counts) or a short outlet/byline. Vocabulary lives in `data/`:
//! `date_words.tsv`, `relative_days.tsv`.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::calendar::Date;
use crate::chars::is_word_char;
use crate::data::{self, TextList};
use crate::fold::fold;
use crate::record::PartOfDay;

/// A date as written: any part may be missing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    pub range: Range<usize>,
    pub day: Option<u32>,
    pub month: Option<u32>,
    pub year: Option<i32>,
    /// Days from the publish date, for `nay` (0), `hôm qua` (-1), `mai` (1); with `from_named`, from the day
    /// last named before it (`cùng ngày` 0, `hôm sau` 1).
    pub relative: Option<i64>,
    /// A relative day counted from the day the article last named (see [`resolve_in_context`]).
    pub from_named: bool,
    /// `sáng`, `trưa`, `chiều`, `tối`.
    pub part_of_day: Option<PartOfDay>,
}

/// A publish stamp: the day and, when given, the time, both in Vietnamese time (UTC+7).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub date: Date,
    pub time: Option<(u32, u32)>,
}

impl Stamp {
    /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`.
    pub fn iso(&self) -> String {
        match self.time {
            Some((h, m)) => format!("{}T{h:02}:{m:02}", self.date),
            None => self.date.to_string(),
        }
    }
}

/// The article's own date line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateLine {
    pub line: Range<usize>,
    pub date: Date,
    pub time: Option<(u32, u32)>,
}

impl DateLine {
    /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`.
    pub fn iso(&self) -> String {
        self.stamp().iso()
    }

    pub fn stamp(&self) -> Stamp {
        Stamp { date: self.date, time: self.time }
    }
}

/// Nouns before a day's number (`text_lists.tsv` list `day_noun`: `ngày`, `hôm`), lower case.
static DAY_NOUNS: LazyLock<Vec<String>> =
    LazyLock::new(|| TextList::DayNoun.phrases().map(str::to_lowercase).collect());
static NUMERIC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{1,2})\s?([/.\-])\s?(\d{1,2})(?:\s?[/.\-]\s?(\d{4}))?").unwrap());
// The shapes of a date and a period below (`ngày D tháng M năm Y`, `quý I`, `nhiệm kỳ 2020-2025`, `6 tháng
// đầu năm`) are each one rule's own pattern: their words are the grammar of the shape, not a list to extend.
static SPELLED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)ngày (\d{1,2}) tháng (\d{1,2})(?:,? năm (\d{4}))?").unwrap());
static MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)tháng (\d{1,2})\s?[/.\-]\s?(\d{4})").unwrap());
/// Relative days (`data/relative_days.tsv`): lower-case phrase → (days, counted from the day last named).
static RELATIVE_DAYS: LazyLock<Vec<(&'static str, i64, bool, bool)>> = LazyLock::new(|| {
    let mut days: Vec<(&str, i64, bool, bool)> = data::rows(&data::RELATIVE_DAYS)
        .iter()
        .map(|r| {
            let offset = r.get("offset").parse().unwrap_or_else(|_| r.malformed("offset is not a number of days"));
            (r.get("phrase"), offset, r.get("from") == "named", r.yes("alone"))
        })
        .collect();
    // Longest first: the regex takes the first alternative that matches.
    days.sort_by_key(|d| std::cmp::Reverse(d.0.len()));
    days
});
static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    let all: Vec<String> = RELATIVE_DAYS.iter().map(|d| regex::escape(d.0)).collect();
    let alone: Vec<String> = RELATIVE_DAYS.iter().filter(|d| d.3).map(|d| regex::escape(d.0)).collect();
    let parts = part_of_day_alternation();
    Regex::new(&format!(r"(?i)(?:({parts}) ({})|({}))", all.join("|"), alone.join("|"))).unwrap()
});
/// A part of the day right before a date (`sáng`, `chiều nay`, `tối hôm`): `nay`, `hôm`, `ngày` are the
/// rule's own words between the part and the date, not a list.
static PART_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    let parts = part_of_day_alternation();
    Regex::new(&format!(r"(?i)(?:^|\s)({parts})(?: nay)?(?: hôm)?(?: ngày)?\s*,?\s*$")).unwrap()
});
static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:(?:3|6|9|sáu|chín|ba) tháng (?:đầu|cuối) năm(?: \d{4})?|quý (?:I{1,3}|IV|[1-4])(?:\s?/\s?\d{4}| năm \d{4})?|giai đoạn \d{4}\s?-\s?\d{4}|nhiệm kỳ \d{4}\s?-\s?\d{4}|khóa [IVXL]+|năm \d{4})")
        .unwrap()
});

/// The words of the parts of the day as a regex alternation, in the file's order.
fn part_of_day_alternation() -> String {
    PartOfDay::words().iter().map(|(w, _)| regex::escape(w)).collect::<Vec<_>>().join("|")
}

fn part_of_day(word: &str) -> Option<PartOfDay> {
    PartOfDay::parse(word)
}

/// The last `bytes` bytes of `s` (fewer, to stay on a char boundary).
pub fn tail(s: &str, bytes: usize) -> &str {
    let mut from = s.len().saturating_sub(bytes);
    while !s.is_char_boundary(from) {
        from += 1;
    }
    &s[from..]
}

/// Every date mentioned in `text[range]`, in order: spelled (`ngày 5 tháng 6 năm 2024`), a month and year
/// (`tháng 6/2024`), numeric (`5/6`, `5.6.2024`), relative (`hôm qua`, `chiều cùng ngày`), each with the part of
/// the day before it (`sáng 5/6`).
pub fn date_mentions(text: &str, range: Range<usize>) -> Vec<DateMention> {
    let mut found = written_dates(text, range.clone());
    relative_days(&text[range.clone()], range.start, &mut found);
    parts_of_day_before(text, range.start, &mut found);
    found.sort_by_key(|m| m.range.start);
    found
}

/// The mentions of [`date_mentions`] that name a year, in order (with no part of the day): a citation's date is
/// one. Relative days never name a year and a part of the day moves no mention, so their two passes are left out.
pub fn mentions_with_year(text: &str, range: Range<usize>) -> Vec<DateMention> {
    let mut found = written_dates(text, range);
    found.retain(|m| m.year.is_some());
    found.sort_by_key(|m| m.range.start);
    found
}

/// The dates written out in `text[range]`, spelled, a month and year, or numeric; not in order.
fn written_dates(text: &str, range: Range<usize>) -> Vec<DateMention> {
    let slice = &text[range.clone()];
    let mut found: Vec<DateMention> = Vec::new();
    // Both need `tháng`: most sentences have none, and a byte scan tells so for less than a regex's search.
    if may_name_a_month(slice) {
        spelled_dates(slice, range.start, &mut found);
        month_years(slice, range.start, &mut found);
    }
    numeric_dates(slice, range.start, &mut found);
    found
}

/// Whether `slice` may hold `tháng` as [`SPELLED`] and [`MONTH_YEAR`] read it, case-insensitive: `t`, `h`, `á`, `n`,
/// `g`, each in either case (`á` is C3 A1, `Á` C3 81; none of the five has another case fold).
fn may_name_a_month(slice: &str) -> bool {
    // Most sentences have no `á` at all: two substring searches (vectorised in std) tell so before the byte loop.
    if !slice.contains('á') && !slice.contains('Á') {
        return false;
    }
    let b = slice.as_bytes();
    let is = |at: usize, letter: u8| b.get(at).is_some_and(|&x| x | 0x20 == letter);
    (3..b.len()).any(|i| {
        matches!(b[i], 0xa1 | 0x81)
            && b[i - 1] == 0xc3
            && is(i - 2, b'h')
            && is(i - 3, b't')
            && is(i + 1, b'n')
            && is(i + 2, b'g')
    })
}

/// `ngày 5 tháng 6 năm 2024` in `slice`, which starts at `base` in the text.
fn spelled_dates(slice: &str, base: usize, found: &mut Vec<DateMention>) {
    for c in SPELLED.captures_iter(slice) {
        let m = c.get(0).unwrap();
        found.push(DateMention {
            range: base + m.start()..base + m.end(),
            day: c[1].parse().ok(),
            month: c[2].parse().ok(),
            year: c.get(3).and_then(|y| y.as_str().parse().ok()),
            relative: None,
            from_named: false,
            part_of_day: None,
        });
    }
}

/// `tháng 6/2024`: a month and its year.
fn month_years(slice: &str, base: usize, found: &mut Vec<DateMention>) {
    for c in MONTH_YEAR.captures_iter(slice) {
        let m = c.get(0).unwrap();
        let month: u32 = c[1].parse().unwrap_or(0);
        if (1..=12).contains(&month) {
            found.push(DateMention {
                range: base + m.start()..base + m.end(),
                day: None,
                month: Some(month),
                year: c[2].parse().ok(),
                relative: None,
                from_named: false,
                part_of_day: None,
            });
        }
    }
}

/// `5/6`, `5-6-2024`, `5.6` after a day noun or a part of the day: not inside a longer number, a code, a ratio or
/// a figure, nor inside a date already found.
fn numeric_dates(slice: &str, base: usize, found: &mut Vec<DateMention>) {
    // The match alone (a DFA), its groups read from it by `NumericParts`: the captures engine cost most of the pass.
    for m in NUMERIC.find_iter(slice) {
        let c = NumericParts::of(m.as_str());
        let before = slice[..m.start()].chars().next_back();
        let after = slice[m.end()..].chars().next();
        // Not part of a longer number, a code (33/CT-TTg), a ratio (1:500) or a decimal.
        if before.is_some_and(|b| is_word_char(b) || matches!(b, '/' | '.' | ',' | ':' | '-'))
            || after.is_some_and(|a| {
                is_word_char(a)
                    || a == '/'
                    || a == '%'
                    || (matches!(a, '.' | ',' | '-') && slice[m.end() + 1..].starts_with(|x: char| x.is_ascii_digit()))
            })
        {
            continue;
        }
        let (day, month): (u32, u32) = (c.day.parse().unwrap_or(0), c.month.parse().unwrap_or(0));
        let year: Option<i32> = c.year.and_then(|y| y.parse().ok());
        // Without a year a dot reads as a decimal or thousands ("2.5", "13.5" is ambiguous): keep it only with two digits after.
        let just_before = tail(&slice[..m.start()], 32);
        if year.is_none()
            && c.separator == "."
            && c.month.len() == 1
            && !DAY_NOUNS.iter().any(|w| just_before.to_lowercase().trim_end().ends_with(w.as_str()))
            && !PART_BEFORE.is_match(just_before)
        {
            continue;
        }
        if !(1..=31).contains(&day) || !(1..=12).contains(&month) {
            continue;
        }
        if let Some(y) = year {
            if Date::new(y, month, day).is_none() {
                continue;
            }
        }
        let start = base + m.start();
        if found.iter().any(|f| f.range.start <= start && start < f.range.end) {
            continue;
        }
        found.push(DateMention {
            range: start..base + m.end(),
            day: Some(day),
            month: Some(month),
            year,
            relative: None,
            from_named: false,
            part_of_day: None,
        });
    }
}

/// The groups of a [`NUMERIC`] match, read from the match itself: its day, separator, month and year as the
/// regex's captures give them. The match has one path through the pattern: a digit (`\d`, numeric) is never a
/// space (`\s`) nor a separator, so each run of digits, each optional space and each separator is where it must be.
#[derive(Debug, PartialEq, Eq)]
struct NumericParts<'a> {
    day: &'a str,
    separator: &'a str,
    month: &'a str,
    year: Option<&'a str>,
}

impl<'a> NumericParts<'a> {
    fn of(m: &'a str) -> NumericParts<'a> {
        let digits = |s: &str| s.find(|c: char| !c.is_numeric()).unwrap_or(s.len());
        let separator = |c: char| matches!(c, '/' | '.' | '-');
        // An optional space: one char that is neither a digit nor a separator.
        let space = |s: &str| s.chars().next().filter(|&c| !c.is_numeric() && !separator(c)).map_or(0, char::len_utf8);
        let day_end = digits(m);
        let sep_start = day_end + space(&m[day_end..]);
        let sep_end = sep_start + m[sep_start..].chars().next().map_or(0, char::len_utf8);
        let month_start = sep_end + space(&m[sep_end..]);
        let month_end = month_start + digits(&m[month_start..]);
        let rest = &m[month_end..];
        // The year's group: a space, a separator, a space, then its four digits, the match's end.
        let year = (!rest.is_empty())
            .then(|| &rest[rest.len() - rest.chars().rev().take(4).map(char::len_utf8).sum::<usize>()..]);
        NumericParts { day: &m[..day_end], separator: &m[sep_start..sep_end], month: &m[month_start..month_end], year }
    }
}

/// `hôm qua`, `sáng nay`, `chiều cùng ngày` (`data/relative_days.tsv`), as whole words.
fn relative_days(slice: &str, base: usize, found: &mut Vec<DateMention>) {
    for c in RELATIVE.captures_iter(slice) {
        let m = c.get(0).unwrap();
        let (part, rel) = match (c.get(1), c.get(2), c.get(3)) {
            (Some(p), Some(r), _) => (part_of_day(p.as_str()), r.as_str().to_lowercase()),
            (_, _, Some(r)) => (None, r.as_str().to_lowercase()),
            _ => continue,
        };
        // Whole words only ("qua" is not "quan").
        let before = slice[..m.start()].chars().next_back();
        let after = &slice[m.end()..];
        if before.is_some_and(is_word_char) || after.starts_with(is_word_char) {
            continue;
        }
        let Some(&(_, offset, named, _)) = RELATIVE_DAYS.iter().find(|d| d.0 == rel) else { continue };
        // "cùng ngày 1/11" names its day itself ("sáng nay 25/4" keeps its relative day: it gives the year).
        if named && after.trim_start().starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        found.push(DateMention {
            range: base + m.start()..base + m.end(),
            day: None,
            month: None,
            year: None,
            relative: Some(offset),
            from_named: named,
            part_of_day: part,
        });
    }
}

/// The part of the day right before each mention that has none yet (`sáng 5/6`), looked for in the text from
/// `start` on.
fn parts_of_day_before(text: &str, start: usize, found: &mut [DateMention]) {
    for mention in found.iter_mut() {
        if mention.part_of_day.is_none() {
            let mut from = start.max(mention.range.start.saturating_sub(24));
            while !text.is_char_boundary(from) {
                from += 1;
            }
            let before = &text[from..mention.range.start];
            if let Some(c) = PART_BEFORE.captures(before) {
                mention.part_of_day = part_of_day(&c[1]);
            }
        }
    }
}

/// The day a mention names, resolved against the publish date; `None` when its year (or day) is unknown.
pub fn resolve(mention: &DateMention, published: Option<Date>) -> Option<Date> {
    // "Chiều cùng ngày" counts from a day named before it: alone it says nothing ([`resolve_in_context`]).
    if mention.from_named {
        return None;
    }
    if let Some(offset) = mention.relative {
        let p = published?;
        return Date::from_days_since_epoch(p.days_since_epoch() + offset);
    }
    let (day, month) = (mention.day?, mention.month?);
    if let Some(y) = mention.year {
        return Date::new(y, month, day);
    }
    let p = published?;
    let same_year = Date::new(p.year, month, day)?;
    // "Well after" the publish date: more than two months later means last year's date.
    if same_year.days_since_epoch() - p.days_since_epoch() > 60 {
        Date::new(p.year - 1, month, day)
    } else {
        Some(same_year)
    }
}

/// The day a mention names, read in its article: a day counted from the one last named (`chiều cùng ngày`,
/// `sáng hôm sau`) counts from the last day named in `text[context.start..mention]` among the mentions
/// `keep` accepts (not a document's date), and is unknown when none was; any other mention is [`resolve`]d.
pub fn resolve_in_context(
    text: &str,
    context: Range<usize>,
    mention: &DateMention,
    published: Option<Date>,
    keep: impl Fn(&DateMention) -> bool,
) -> Option<Date> {
    if !mention.from_named || context.start > mention.range.start {
        return resolve(mention, published);
    }
    let mut last: Option<Date> = None;
    for m in date_mentions(text, context.start..mention.range.start).iter().filter(|m| keep(m)) {
        let day = if m.from_named { last.and_then(|d| shift(d, m.relative)) } else { None };
        if let Some(d) = day.or_else(|| resolve(m, published)) {
            last = Some(d);
        }
    }
    last.and_then(|d| shift(d, mention.relative))
}

fn shift(date: Date, days: Option<i64>) -> Option<Date> {
    Date::from_days_since_epoch(date.days_since_epoch() + days.unwrap_or(0))
}

/// What a word of a stamp line is, beside the date and time (`data/date_words.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum StampWord {
    /// Weekday, label, zone, clock icon, am/pm, a meta line's words: allowed around the date.
    Allowed,
    /// `giờ trước`, `phút trước`: the line is a relative stamp, not a date.
    Relative,
}

/// Phrases of `data/date_words.tsv`, folded and split into words, longest first.
static STAMP_WORDS: LazyLock<Vec<(Vec<String>, StampWord)>> = LazyLock::new(|| {
    let mut words: Vec<(Vec<String>, StampWord)> = data::rows(&data::DATE_WORDS)
        .iter()
        .map(|r| {
            let kind = if r.get("kind") == "relative" { StampWord::Relative } else { StampWord::Allowed };
            (fold(r.get("phrase")).split_whitespace().map(String::from).collect(), kind)
        })
        .collect();
    words.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    words
});

/// ISO 8601: `2025-11-02`, `2025-11-02 09:54:41`, `2025-11-02T09:54:41.000Z`, `...+07:00`.
static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?\s?(Z|[+-]\d{2}(?::?\d{2})?)?)?",
    )
    .unwrap()
});
/// Year first with slashes or dots: `2023/03/25`.
static YEAR_FIRST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{4})\s?[/.]\s?(\d{1,2})\s?[/.]\s?(\d{1,2})").unwrap());
/// Day first, four- or two-digit year: `15/4/2020`, `29-10-2021`, `02-11-25`.
static DAY_FIRST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{1,2})\s?[/.\-]\s?(\d{1,2})\s?[/.\-]\s?(\d{4}|\d{2})").unwrap());
/// A clock time: `09:54`, `09:54:41`, `10h42`, `10g42`.
static CLOCK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(\d{1,2})\s?[:hg]\s?(\d{2})(?::\d{2})?").unwrap());

/// Whether `m` stands alone in `s`: no digit glued before or after it (a longer number, a code).
fn stands_alone(s: &str, m: &regex::Match) -> bool {
    let before = s[..m.start()].chars().next_back();
    let after = s[m.end()..].chars().next();
    !before.is_some_and(|c| c.is_ascii_digit()) && !after.is_some_and(|c| c.is_ascii_digit())
}

/// The minutes east of UTC an ISO zone names (`Z`, `+07:00`, `-0500`, `+07`).
fn zone_minutes(zone: &str) -> Option<i64> {
    if zone == "Z" {
        return Some(0);
    }
    let sign = if zone.starts_with('-') { -1 } else { 1 };
    let digits: String = zone.chars().filter(char::is_ascii_digit).collect();
    let hours: i64 = digits.get(..2)?.parse().ok()?;
    let minutes: i64 = digits.get(2..4).map_or(Some(0), |m| m.parse().ok())?;
    Some(sign * (hours * 60 + minutes))
}

/// An instant at `offset` minutes east of UTC, as the day and time in Vietnam (UTC+7).
fn to_vietnam_time(date: Date, (h, m): (u32, u32), offset: i64) -> Stamp {
    const VIETNAM: i64 = 7 * 60;
    let minutes = i64::from(h * 60 + m) + VIETNAM - offset;
    let days = date.days_since_epoch() + minutes.div_euclid(24 * 60);
    let minutes = minutes.rem_euclid(24 * 60);
    let date = Date::from_days_since_epoch(days).unwrap_or(date);
    Stamp { date, time: Some(((minutes / 60) as u32, (minutes % 60) as u32)) }
}

/// The date a stamp writes, where it stands in the line, and the time when the date's own shape carries it (ISO).
fn stamp_date(s: &str) -> Option<(Range<usize>, Stamp)> {
    if let Some(c) = ISO.captures_iter(s).find(|c| stands_alone(s, &c.get(0).unwrap())) {
        let date = Date::new(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)?;
        let time = match (c.get(4), c.get(5)) {
            (Some(h), Some(m)) => Some((h.as_str().parse().ok()?, m.as_str().parse().ok()?)),
            _ => None,
        };
        let stamp = match (time, c.get(7).and_then(|z| zone_minutes(z.as_str()))) {
            (Some(t), Some(offset)) if t.0 < 24 && t.1 < 60 => to_vietnam_time(date, t, offset),
            (t, _) => Stamp { date, time: t.filter(|&(h, m)| h < 24 && m < 60) },
        };
        return Some((c.get(0).unwrap().range(), stamp));
    }
    if let Some(c) = YEAR_FIRST.captures_iter(s).find(|c| stands_alone(s, &c.get(0).unwrap())) {
        let date = Date::new(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)?;
        return Some((c.get(0).unwrap().range(), Stamp { date, time: None }));
    }
    let c = DAY_FIRST.captures_iter(s).find(|c| stands_alone(s, &c.get(0).unwrap()))?;
    let year: i32 = c[3].parse().ok()?;
    // A two-digit year (`02-11-25 09:54`) is this century's: the genre's stamps are all after 2000.
    let year = if c[3].len() == 2 { 2000 + year } else { year };
    let date = Date::new(year, c[2].parse().ok()?, c[1].parse().ok()?)?;
    Some((c.get(0).unwrap().range(), Stamp { date, time: None }))
}

/// The words of a stamp line left once its date and time are taken out: `Allowed` and number words dropped.
/// `None` when a relative word (`giờ trước`) is among them.
fn leftover_words(rest: &str) -> Option<Vec<&str>> {
    let words: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '-' | '–' | '(' | ')' | ':' | ';' | '/' | '.'))
        .filter(|w| !w.is_empty())
        .collect();
    let folded: Vec<String> = words.iter().map(|w| fold(w)).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = folded[i].as_str();
        // An icon's text glued to the stamp: `ClockThứ Tư`.
        let w = if w.len() > "clock".len() { w.strip_prefix("clock").unwrap_or(w) } else { w };
        if w.trim_start_matches(['+', '-']).chars().all(|c| c.is_ascii_digit()) {
            i += 1;
            continue;
        }
        let phrase = STAMP_WORDS.iter().find(|(p, _)| {
            p.iter().enumerate().all(|(k, pw)| match k {
                0 => w == pw,
                _ => folded.get(i + k).is_some_and(|f| f == pw),
            })
        });
        match phrase {
            Some((_, StampWord::Relative)) => return None,
            Some((p, StampWord::Allowed)) => i += p.len(),
            None => {
                out.push(words[i]);
                i += 1;
            }
        }
    }
    Some(out)
}

/// A relative stamp (`9 giờ trước`, baomoi's `9 giờ trước 383 liên quan Gốc`): site furniture, no date.
pub fn is_relative_stamp(line: &str) -> bool {
    line.chars().count() <= 80 && line.chars().any(|c| c.is_ascii_digit()) && leftover_words(line).is_none() && {
        // Only stamp words besides the relative phrase: take it out and look again.
        let cut = STAMP_WORDS
            .iter()
            .filter(|(_, k)| *k == StampWord::Relative)
            .fold(fold(line), |l, (p, _)| l.replace(&p.join(" "), " "));
        leftover_words(&cut).is_some_and(|w| w.is_empty())
    }
}

/// A line that is a publish stamp: a full date, maybe a time before or after it, and only stamp words
/// (weekday, label, zone, a meta line's counts) around them, or a short run of capitalised words (the
/// outlet or the byline: `Nguồn: Báo Cao Bằng, ngày 2/11/2025`). A sentence with a date is not a stamp.
pub fn stamp(line: &str) -> Option<Stamp> {
    let line = line.trim();
    if line.chars().count() > 100 {
        return None;
    }
    let (date_range, mut stamp) = stamp_date(line)?;
    let mut rest = format!("{} {}", &line[..date_range.start], &line[date_range.end..]);
    if stamp.time.is_none() {
        if let Some(c) = CLOCK.captures_iter(&rest).find(|c| stands_alone(&rest, &c.get(0).unwrap())) {
            let (h, m): (u32, u32) = (c[1].parse().ok()?, c[2].parse().ok()?);
            let after = fold(rest[c.get(0).unwrap().end()..].trim_start());
            // A 12-hour clock: `02:30 PM`, `02:30 CH` (`chiều`): the clock's own suffixes, not a word list.
            let h = if h < 12 && (after.starts_with("pm") || after.starts_with("ch")) { h + 12 } else { h };
            if h < 24 && m < 60 {
                stamp.time = Some((h, m));
                rest.replace_range(c.get(0).unwrap().range(), " ");
            }
        }
    }
    let left = leftover_words(&rest)?;
    // An outlet or a byline: a few capitalised words, at most two of them all capitals (`TTXVN`, `VOV`);
    // an all-caps headline with a date (`HỘI NGHỊ GIAO BAN 17/6/2024`) is no stamp.
    let all_caps = left.iter().filter(|w| w.chars().count() > 1 && !w.chars().any(char::is_lowercase)).count();
    let names = left.len() <= 5 && all_caps <= 2 && left.iter().all(|w| w.starts_with(char::is_uppercase));
    (left.is_empty() || names).then_some(stamp)
}

/// The article's date line among its first lines: the first line that is a publish stamp
/// (relative stamps and dated sentences are passed over).
pub fn find_date_line(text: &str, lines: &[Range<usize>]) -> Option<DateLine> {
    lines.iter().take(12).find_map(|line| date_line(text, line))
}

/// A date line closing the article (`Nguồn: ... ngày 2/11/2025`, `Cập nhật: ...`) among the last lines of `lines`.
pub fn find_closing_date_line(text: &str, lines: &[Range<usize>]) -> Option<DateLine> {
    lines.iter().rev().take(8).find_map(|line| date_line(text, line))
}

fn date_line(text: &str, line: &Range<usize>) -> Option<DateLine> {
    let s = stamp(&text[line.clone()])?;
    Some(DateLine { line: line.clone(), date: s.date, time: s.time })
}

/// Periods named in `text[range]` (`6 tháng đầu năm 2024`, `quý I/2024`, `nhiệm kỳ 2021-2026`, `khóa XV`).
pub fn periods(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    PERIOD.find_iter(&text[range.clone()]).map(|m| range.start + m.start()..range.start + m.end()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_random::XorShift;

    /// `NumericParts` reads the groups the regex's captures give, on every mix of digits (ASCII and others),
    /// spaces (ASCII and others) and separators.
    #[test]
    fn numeric_parts_are_the_captures() {
        let alphabet =
            ["1", "2", "0", "9", "٣", "𝟘", " ", "\u{a0}", "\u{3000}", "\t", "/", ".", "-", "a", "đ", ",", "\n"];
        let mut matches = 0;
        for text in XorShift::new(0x2545_f491_4f6c_dd1d).texts(&alphabet, 30_000, 16) {
            for c in NUMERIC.captures_iter(&text) {
                let parts = NumericParts::of(c.get(0).unwrap().as_str());
                let want =
                    NumericParts { day: &c[1], separator: &c[2], month: &c[3], year: c.get(4).map(|y| y.as_str()) };
                assert_eq!(parts, want, "{text:?}");
                matches += 1;
            }
        }
        assert!(matches > 5_000, "{matches}");
    }

    /// `may_name_a_month` reads `tháng` as the patterns' `(?i)` does: each of its letters has exactly its two cases.
    #[test]
    fn month_word_cases_are_the_patterns() {
        for (letter, cases) in [("t", "Tt"), ("h", "Hh"), ("á", "Áá"), ("n", "Nn"), ("g", "Gg")] {
            let pattern = Regex::new(&format!("(?i)^{letter}$")).unwrap();
            let folds: String = (0..=0x10ffff)
                .filter_map(char::from_u32)
                .filter(|c| pattern.is_match(c.encode_utf8(&mut [0; 4])))
                .collect();
            assert_eq!(folds, cases, "{letter}");
        }
        for (text, want) in
            [("tháng 5", true), ("THÁNG", true), ("tHáNg", true), ("thang", false), ("tháng"[..5].as_ref(), false)]
        {
            assert_eq!(may_name_a_month(text), want, "{text}");
            assert_eq!(
                SPELLED.is_match(&format!("ngày 1 {text} 2")) || MONTH_YEAR.is_match(&format!("{text} 2/2024")),
                want
            );
        }
    }

    fn lines(text: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut start = 0;
        for (i, c) in text.char_indices() {
            if c == '\n' {
                out.push(start..i);
                start = i + 1;
            }
        }
        out.push(start..text.len());
        out
    }

    #[test]
    fn date_lines() {
        let cases = [
            ("Thứ hai 17/06/2024 17:01", Some("2024-06-17T17:01")),
            ("29/10/2021 - 14:57", Some("2021-10-29T14:57")),
            ("19:07 13/07/2021", Some("2021-07-13T19:07")),
            ("Thứ Tư, 8/5/2024", Some("2024-05-08")),
            ("ClockThứ Tư, 13/12/2023 16:40", Some("2023-12-13T16:40")),
            ("Cập nhật: 05/01/2022 08:00 GMT+7", Some("2022-01-05T08:00")),
            ("Ngày 29-10-2021, Ban Dân vận Tỉnh ủy phối hợp", None),
            // ISO 8601 in all its shapes; an instant in another zone becomes Vietnamese time (UTC+7).
            ("2025-11-02", Some("2025-11-02")),
            ("2025-11-02 09:54:41", Some("2025-11-02T09:54")),
            ("2025-11-02T09:54:41", Some("2025-11-02T09:54")),
            ("2025-11-02T09:54:41.000Z", Some("2025-11-02T16:54")),
            ("2025-11-01T18:30:00Z", Some("2025-11-02T01:30")),
            ("2025-11-02T09:54:41+07:00", Some("2025-11-02T09:54")),
            ("2025-12-31T20:00:00.123-05:00", Some("2026-01-01T08:00")),
            // Day first, two-digit year, year first, weekday first, separators, the time first.
            ("02-11-25 09:54", Some("2025-11-02T09:54")),
            ("2023/03/25", Some("2023-03-25")),
            ("Thứ tư, 15/4/2020, 10:42 (GMT+7)", Some("2020-04-15T10:42")),
            ("Chủ Nhật, 02/11/2025 | 08:15", Some("2025-11-02T08:15")),
            ("Thứ ba, 17/11/2020 - 13:02", Some("2020-11-17T13:02")),
            ("10:42 | 15/04/2020", Some("2020-04-15T10:42")),
            ("Cập nhật: 02/11/2025 02:30 PM", Some("2025-11-02T14:30")),
            ("Ngày đăng: 02/11/2025", Some("2025-11-02")),
            ("Đăng lúc 09h54 ngày 02/11/2025", Some("2025-11-02T09:54")),
            // baomoi's meta line: the date with its counts is a stamp; a relative stamp is none.
            ("24/10/2025 2 đăng lại 29 liên quan Gốc", Some("2025-10-24")),
            ("9 giờ trước 383 liên quan Gốc", None),
            // An outlet or byline beside the stamp; a sentence or a teaser is not a stamp.
            ("Nguồn: Báo Cao Bằng, ngày 2/11/2025", Some("2025-11-02")),
            ("Chủ tịch nước thăm Đại bảo tàng GEM ngày 4/8/2025", None),
            ("21/10/2025: Football Tribe phiên bản Nhật cho biết JFA phủ nhận", None),
            ("Tiêu đề bài báo liên quan(13/03/2005)", None),
            ("2025-13-45T99:99:99Z", None),
            ("HỘI NGHỊ GIAO BAN CÔNG TÁC DÂN VẬN 17/06/2024", None),
            ("Nguồn: TTXVN, 02/11/2025", Some("2025-11-02")),
            ("Thứ Hai, ngày 02/11/2025 - 09:54:41", Some("2025-11-02T09:54")),
            ("Cập nhật lúc 09:54 02/11/2025 (GMT+7)", Some("2025-11-02T09:54")),
        ];
        for (text, want) in cases {
            let got = find_date_line(text, &lines(text)).map(|d| d.iso());
            assert_eq!(got.as_deref(), want, "{text}");
        }
    }

    #[test]
    fn mentions_resolved() {
        let published = Date::new(2023, 12, 13);
        let cases: [(&str, Option<&str>, Option<&str>); 23] = [
            ("Chiều 13/12, Ban", Some("2023-12-13"), Some("chiều")),
            ("Chiều ngày 17/6/2024, Ban", Some("2024-06-17"), Some("chiều")),
            ("Sáng 13-7, Ban", Some("2023-07-13"), Some("sáng")),
            ("Ngày 29-10-2021, Ban", Some("2021-10-29"), None),
            ("ngày 3 tháng 4 năm 2018", Some("2018-04-03"), None),
            ("tiếp xúc cử tri sáng 13.5 tại", Some("2023-05-13"), Some("sáng")),
            ("sáng 31-3, BCH", Some("2023-03-31"), Some("sáng")),
            ("có 2.226 mô hình", None, None),
            ("tỷ lệ 1:500 nhằm", None, None),
            ("Chỉ thị số 33/CT-TTg", None, None),
            ("Sáng nay, kỳ họp", Some("2023-12-13"), Some("sáng")),
            ("Ngày 28/12, hội nghị", Some("2023-12-28"), None),
            // Dotted and hyphenated days, a stray space, a part of day before them.
            ("hội đàm hôm 16.10 tại", Some("2023-10-16"), None),
            ("họp sáng 2 -11 tại", Some("2023-11-02"), Some("sáng")),
            ("khai mạc tối 1/11, Ban", Some("2023-11-01"), Some("tối")),
            ("ngày 27/2/2020, Ban", Some("2020-02-27"), None),
            // Relative days against the publish date; whole words only.
            ("Chiều qua, Ban", Some("2023-12-12"), Some("chiều")),
            ("Tối hôm qua, Ban", Some("2023-12-12"), Some("tối")),
            ("Sáng mai, kỳ họp", Some("2023-12-14"), Some("sáng")),
            ("hôm kia, Ban", Some("2023-12-11"), None),
            ("chiều quanh hồ", None, None),
            ("Sáng nay 13/12, Ban", Some("2023-12-13"), Some("sáng")),
            // Counted from the day named before it: alone, unknown.
            ("Chiều cùng ngày, Ban", None, Some("chiều")),
        ];
        for (text, want, part) in cases {
            let m = date_mentions(text, 0..text.len());
            let got = m.first().and_then(|m| resolve(m, published)).map(|d| d.to_string());
            assert_eq!(got.as_deref(), want, "{text}");
            assert_eq!(m.first().and_then(|m| m.part_of_day).map(PartOfDay::as_str), part, "{text}");
        }
    }

    #[test]
    fn days_counted_from_the_day_named_before() {
        // (text, the last mention's day)
        let cases = [
            ("Sáng 15/4, Ban chỉ đạo kiến nghị. Cuộc họp chiều cùng ngày.", Some("2023-04-15")),
            ("Hôm nay Bộ thông báo. Tại cuộc họp sáng cùng ngày, Ban nhận định.", Some("2023-12-13")),
            ("Ngày 5/3, đoàn đến. Sáng hôm sau, đoàn họp.", Some("2023-03-06")),
            ("Ngày 5/3, đoàn đến. Cùng ngày 7/3, đoàn họp.", Some("2023-03-07")),
            ("Chiều cùng ngày, đoàn họp.", None),
            ("Ngày 5/3, bệnh viện báo cáo. Chiều hôm đó trong cuộc họp Ban chỉ đạo.", Some("2023-03-05")),
        ];
        for (text, want) in cases {
            let mentions = date_mentions(text, 0..text.len());
            let last = mentions.last().unwrap();
            let got = resolve_in_context(text, 0..text.len(), last, Date::new(2023, 12, 13), |_| true);
            assert_eq!(got.map(|d| d.to_string()).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn year_before_when_well_after_publish_date() {
        let text = "Sáng 29/12, hội nghị";
        let m = date_mentions(text, 0..text.len());
        assert_eq!(resolve(&m[0], Date::new(2024, 1, 5)).map(|d| d.to_string()).as_deref(), Some("2023-12-29"));
    }

    #[test]
    fn year_unknown_without_publish_date() {
        let text = "Sáng 16-6, Thành ủy";
        let m = date_mentions(text, 0..text.len());
        assert_eq!(resolve(&m[0], None), None);
    }

    #[test]
    fn mentions_with_year_are_date_mentions_naming_a_year() {
        let texts = [
            "Sáng 15/4/2024, hôm qua 16/4, ngày 5 tháng 6 năm 2023 và tháng 6/2022; chiều cùng ngày 7.3.2021",
            "theo Quyết định số 12/QĐ-UBND ngày 3/5/2020 của UBND tỉnh, hôm nay 1-2-2019",
            "NGÀY 1 THÁNG 2 NĂM 2020, 33/CT-TTg, 2.5.2024, 13.5 và 5/6",
        ];
        for text in texts {
            let all: Vec<Range<usize>> =
                date_mentions(text, 0..text.len()).into_iter().filter(|m| m.year.is_some()).map(|m| m.range).collect();
            let with_year: Vec<Range<usize>> =
                mentions_with_year(text, 0..text.len()).into_iter().map(|m| m.range).collect();
            assert!(!all.is_empty(), "{text}");
            assert_eq!(with_year, all, "{text}");
        }
    }

    #[test]
    fn period_table() {
        let text = "giao ban 6 tháng đầu năm 2024, quý I/2024, giai đoạn 2017 - 2020, nhiệm kỳ 2021-2026, khóa XV";
        let got: Vec<&str> = periods(text, 0..text.len()).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            got,
            ["6 tháng đầu năm 2024", "quý I/2024", "giai đoạn 2017 - 2020", "nhiệm kỳ 2021-2026", "khóa XV"]
        );
    }
}
