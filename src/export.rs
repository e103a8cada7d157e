//! The files the page hands out: CSV for Excel, JSON of the records, ICS of the meetings with a day.
//! Pure functions of the filtered view; the browser side only downloads them.

use hoinghi_core::{Precision, Record};
use hoinghi_merge::Merged;

/// Excel reads a CSV as UTF-8 only with a byte-order mark; the merge crate's tables already use CRLF
/// and neutralise cells that would start a formula.
pub fn csv_for_excel(table: &str) -> String {
    format!("\u{FEFF}{table}")
}

/// The records (pretty JSON array).
pub fn records_json(records: &[&Record]) -> String {
    serde_json::to_string_pretty(records).unwrap_or_else(|_| "[]".into())
}

/// RFC 5545 TEXT: backslash, semicolon, comma and newlines escaped.
pub fn ics_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets (never inside a UTF-8 sequence), CRLF and a space between parts.
fn push_line(out: &mut String, line: &str) {
    let mut used = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += n;
    }
    out.push_str("\r\n");
}

/// One VEVENT per meeting whose day is known (all-day events); `stamp` is `YYYYMMDDTHHMMSSZ`.
pub fn meetings_ics(view: &Merged, stamp: &str) -> String {
    let mut out = String::new();
    for l in ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Hoi Nghi//trich xuat hoi nghi//VI", "CALSCALE:GREGORIAN"] {
        push_line(&mut out, l);
    }
    for m in &view.meetings {
        let Some(date) = m.date.as_deref() else { continue };
        if m.date_precision.is_some_and(|p| p != Precision::Day) || date.len() < 10 {
            continue;
        }
        let day: String = date[..10].chars().filter(char::is_ascii_digit).collect();
        if day.len() != 8 {
            continue;
        }
        let mut summary = m.name.clone();
        if summary.trim().is_empty() {
            summary = m.kind.clone();
        }
        let mut desc = Vec::new();
        if let Some(t) = &m.time_of_day {
            desc.push(format!("Buổi: {t}"));
        }
        if !m.organizers.is_empty() {
            desc.push(format!("Tổ chức: {}", m.organizers.join("; ")));
        }
        if !m.chairs.is_empty() {
            desc.push(format!("Chủ trì: {}", m.chairs.join("; ")));
        }
        desc.push(format!("Nguồn: {}", m.sources.join("; ")));
        let location: Vec<&String> = m.places.iter().chain(m.provinces.iter()).collect();
        push_line(&mut out, "BEGIN:VEVENT");
        push_line(&mut out, &format!("UID:hoinghi-{}-{day}@hoinghi.local", m.id));
        push_line(&mut out, &format!("DTSTAMP:{stamp}"));
        push_line(&mut out, &format!("DTSTART;VALUE=DATE:{day}"));
        push_line(&mut out, &format!("SUMMARY:{}", ics_text(&summary)));
        push_line(&mut out, &format!("CATEGORIES:{}", ics_text(&m.kind)));
        push_line(&mut out, &format!("DESCRIPTION:{}", ics_text(&desc.join("\n"))));
        if !location.is_empty() {
            let loc: Vec<&str> = location.iter().map(|s| s.as_str()).collect();
            push_line(&mut out, &format!("LOCATION:{}", ics_text(&loc.join(", "))));
        }
        push_line(&mut out, "END:VEVENT");
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ics_escapes_and_folds() {
        assert_eq!(ics_text("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne");
        let mut out = String::new();
        push_line(&mut out, &format!("SUMMARY:{}", "Hội nghị ".repeat(20)));
        for line in out.split("\r\n") {
            assert!(line.len() <= 75, "{line}");
        }
        assert!(out.ends_with("\r\n"));
    }

    #[test]
    fn ics_of_dev_article_has_its_day() {
        let mut r = hoinghi_core::extract(include_str!("../public/samples/000_a1b6cc5c598c13a5.txt"), None);
        r.source = Some("a.txt".into());
        let m = hoinghi_merge::merge(&[r]);
        let ics = meetings_ics(&m, "20261126T120000Z");
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
        assert!(ics.contains("DTSTART;VALUE=DATE:20240617\r\n"), "{ics}");
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert!(!ics.replace("\r\n", "").contains('\n'));
    }

    #[test]
    fn csv_has_bom_and_neutral_cells() {
        let csv = csv_for_excel(&hoinghi_merge::people_csv(&Merged::default()));
        assert!(csv.starts_with('\u{FEFF}'));
        assert_eq!(hoinghi_merge::csv::cell_text("=1+1"), "'=1+1");
    }
}
