//! Stage 3, dates: the publish date line, dates in running text, parts of day, periods.
//!
//! Shapes tried cheapest first: numeric dates (`17/6/2024`, `29-10-2021`, `13-7`, `13.5`),
//! then the spelled form (`ngày 3 tháng 4 năm 2018`), then relative days
//! (`sáng nay`, `hôm qua`). A date without a year takes the publish year,
//! unless that puts it well after the publish date (then the year before);
//! with no publish date its year stays unknown and it resolves to nothing.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::calendar::Date;

/// A date as written: any part may be missing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    pub range: Range<usize>,
    pub day: Option<u32>,
    pub month: Option<u32>,
    pub year: Option<i32>,
    /// Days from the publish date, for `nay` (0), `hôm qua` (-1), `mai` (1).
    pub relative: Option<i64>,
    /// `sáng`, `trưa`, `chiều`, `tối`.
    pub part_of_day: Option<&'static str>,
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
        match self.time {
            Some((h, m)) => format!("{}T{h:02}:{m:02}", self.date),
            None => self.date.to_string(),
        }
    }
}

static NUMERIC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{1,2})\s?([/.\-])\s?(\d{1,2})(?:\s?[/.\-]\s?(\d{4}))?").unwrap());
static SPELLED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)ngày (\d{1,2}) tháng (\d{1,2})(?:,? năm (\d{4}))?").unwrap());
static MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)tháng (\d{1,2})\s?[/.\-]\s?(\d{4})").unwrap());
static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:(sáng|trưa|chiều|tối|đêm) (nay|qua|mai|hôm qua|hôm nay)|(hôm nay|hôm qua|ngày mai))").unwrap()
});
static PART_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|\s)(sáng|trưa|chiều|tối|đêm)(?: nay)?(?: hôm)?(?: ngày)?\s*,?\s*$").unwrap()
});
static TIME: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?-u:\b)(\d{1,2})\s?[:hg]\s?(\d{2})(?-u:\b)").unwrap());
static DATE_LINE_NOISE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)clock|cập nhật|ngày đăng|đăng lúc|lúc|ngày|gmt\s?\+?\s?7|thứ (hai|ba|tư|năm|sáu|bảy|bẩy|2|3|4|5|6|7)|chủ nhật|[,|\-:/()\s]|\d|am|pm|sa|ch").unwrap()
});
static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:(?:3|6|9|sáu|chín|ba) tháng (?:đầu|cuối) năm(?: \d{4})?|quý (?:I{1,3}|IV|[1-4])(?:\s?/\s?\d{4}| năm \d{4})?|giai đoạn \d{4}\s?-\s?\d{4}|nhiệm kỳ \d{4}\s?-\s?\d{4}|khóa [IVXL]+|năm \d{4})")
        .unwrap()
});

fn part_of_day(word: &str) -> Option<&'static str> {
    match word.to_lowercase().as_str() {
        "sáng" => Some("sáng"),
        "trưa" => Some("trưa"),
        "chiều" => Some("chiều"),
        "tối" | "đêm" => Some("tối"),
        _ => None,
    }
}

/// The last `bytes` bytes of `s` (fewer, to stay on a char boundary).
pub fn tail(s: &str, bytes: usize) -> &str {
    let mut from = s.len().saturating_sub(bytes);
    while !s.is_char_boundary(from) {
        from += 1;
    }
    &s[from..]
}

/// Every date mentioned in `text[range]`, in order.
pub fn date_mentions(text: &str, range: Range<usize>) -> Vec<DateMention> {
    let slice = &text[range.clone()];
    let mut found: Vec<DateMention> = Vec::new();
    for c in SPELLED.captures_iter(slice) {
        let m = c.get(0).unwrap();
        found.push(DateMention {
            range: range.start + m.start()..range.start + m.end(),
            day: c[1].parse().ok(),
            month: c[2].parse().ok(),
            year: c.get(3).and_then(|y| y.as_str().parse().ok()),
            relative: None,
            part_of_day: None,
        });
    }
    for c in MONTH_YEAR.captures_iter(slice) {
        let m = c.get(0).unwrap();
        let month: u32 = c[1].parse().unwrap_or(0);
        if (1..=12).contains(&month) {
            found.push(DateMention {
                range: range.start + m.start()..range.start + m.end(),
                day: None,
                month: Some(month),
                year: c[2].parse().ok(),
                relative: None,
                part_of_day: None,
            });
        }
    }
    for c in NUMERIC.captures_iter(slice) {
        let m = c.get(0).unwrap();
        let before = slice[..m.start()].chars().next_back();
        let after = slice[m.end()..].chars().next();
        // Not part of a longer number, a code (33/CT-TTg), a ratio (1:500) or a decimal.
        if before.is_some_and(|b| b.is_alphanumeric() || matches!(b, '/' | '.' | ',' | ':' | '-'))
            || after.is_some_and(|a| {
                a.is_alphanumeric()
                    || a == '/'
                    || a == '%'
                    || (matches!(a, '.' | ',' | '-') && slice[m.end() + 1..].starts_with(|x: char| x.is_ascii_digit()))
            })
        {
            continue;
        }
        let (day, month): (u32, u32) = (c[1].parse().unwrap_or(0), c[3].parse().unwrap_or(0));
        let year: Option<i32> = c.get(4).and_then(|y| y.as_str().parse().ok());
        // Without a year a dot reads as a decimal or thousands ("2.5", "13.5" is ambiguous): keep it only with two digits after.
        let just_before = tail(&slice[..m.start()], 32);
        if year.is_none()
            && &c[2] == "."
            && c[3].len() == 1
            && !just_before.to_lowercase().trim_end().ends_with("ngày")
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
        let start = range.start + m.start();
        if found.iter().any(|f| f.range.start <= start && start < f.range.end) {
            continue;
        }
        found.push(DateMention {
            range: start..range.start + m.end(),
            day: Some(day),
            month: Some(month),
            year,
            relative: None,
            part_of_day: None,
        });
    }
    for c in RELATIVE.captures_iter(slice) {
        let m = c.get(0).unwrap();
        let (part, rel) = match (c.get(1), c.get(2), c.get(3)) {
            (Some(p), Some(r), _) => (part_of_day(p.as_str()), r.as_str().to_lowercase()),
            (_, _, Some(r)) => (None, r.as_str().to_lowercase()),
            _ => continue,
        };
        let relative = match rel.as_str() {
            "nay" | "hôm nay" => 0,
            "qua" | "hôm qua" => -1,
            "mai" | "ngày mai" => 1,
            _ => continue,
        };
        found.push(DateMention {
            range: range.start + m.start()..range.start + m.end(),
            day: None,
            month: None,
            year: None,
            relative: Some(relative),
            part_of_day: part,
        });
    }
    for mention in &mut found {
        if mention.part_of_day.is_none() {
            let mut from = range.start.max(mention.range.start.saturating_sub(24));
            while !text.is_char_boundary(from) {
                from += 1;
            }
            let before = &text[from..mention.range.start];
            if let Some(c) = PART_BEFORE.captures(before) {
                mention.part_of_day = part_of_day(&c[1]);
            }
        }
    }
    found.sort_by_key(|m| m.range.start);
    found
}

/// The day a mention names, resolved against the publish date; `None` when its year (or day) is unknown.
pub fn resolve(mention: &DateMention, published: Option<Date>) -> Option<Date> {
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

/// The article's date line among its first lines: a short line that is a full date, maybe a weekday, a time and an icon word.
pub fn find_date_line(text: &str, lines: &[Range<usize>]) -> Option<DateLine> {
    for line in lines.iter().take(12) {
        let s = &text[line.clone()];
        if s.chars().count() > 60 {
            continue;
        }
        let mentions = date_mentions(text, line.clone());
        let Some(m) = mentions.iter().find(|m| m.year.is_some() && m.day.is_some()) else { continue };
        let rest = DATE_LINE_NOISE.replace_all(s, "");
        if rest.chars().count() > 3 {
            continue;
        }
        let date = resolve(m, None)?;
        let time = TIME.captures(s).and_then(|c| {
            let (h, mi): (u32, u32) = (c[1].parse().ok()?, c[2].parse().ok()?);
            (h < 24 && mi < 60).then_some((h, mi))
        });
        return Some(DateLine { line: line.clone(), date, time });
    }
    None
}

/// Periods named in `text[range]` (`6 tháng đầu năm 2024`, `quý I/2024`, `nhiệm kỳ 2021-2026`, `khóa XV`).
pub fn periods(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    PERIOD.find_iter(&text[range.clone()]).map(|m| range.start + m.start()..range.start + m.end()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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
        ];
        for (text, want) in cases {
            let got = find_date_line(text, &lines(text)).map(|d| d.iso());
            assert_eq!(got.as_deref(), want, "{text}");
        }
    }

    #[test]
    fn mentions_resolved() {
        let published = Date::new(2023, 12, 13);
        let cases: [(&str, Option<&str>, Option<&str>); 12] = [
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
        ];
        for (text, want, part) in cases {
            let m = date_mentions(text, 0..text.len());
            let got = m.first().and_then(|m| resolve(m, published)).map(|d| d.to_string());
            assert_eq!(got.as_deref(), want, "{text}");
            assert_eq!(m.first().and_then(|m| m.part_of_day), part, "{text}");
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
    fn period_table() {
        let text = "giao ban 6 tháng đầu năm 2024, quý I/2024, giai đoạn 2017 - 2020, nhiệm kỳ 2021-2026, khóa XV";
        let got: Vec<&str> = periods(text, 0..text.len()).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            got,
            ["6 tháng đầu năm 2024", "quý I/2024", "giai đoạn 2017 - 2020", "nhiệm kỳ 2021-2026", "khóa XV"]
        );
    }
}
