//! One article as a row of a JSONL file, `{"source": ..., "text": ..., "published": ...}`, and the publish
//! dates a caller may give (`--published`, a row's `published`, Python's `published=`).

use std::fmt;

use hoinghi_core::{dates, Date, Stamp};
use serde::Deserialize;

/// An article row as read: `text` is required; `source` names it in the output (the host names it when
/// absent); `published` is its publish date, `YYYY-MM-DD` or an ISO 8601 time (`2024-06-17T08:30:00+07:00`).
/// Other fields (an id, a URL) are allowed and ignored, so a dataset's rows can be passed as they are.
#[derive(Debug, Deserialize)]
struct RawRow {
    #[serde(default)]
    source: Option<String>,
    text: String,
    #[serde(default)]
    published: Option<String>,
}

/// An article row, its date read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub source: Option<String>,
    pub text: String,
    pub published: Option<Stamp>,
}

/// Why a row cannot be extracted. `Display` says what to fix; the host puts the row's place in front.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowError {
    /// Not UTF-8.
    NotUtf8,
    /// Not a JSON object with a string `text` (serde's words: which field, which column).
    NotARow(String),
    /// `published` is not a date.
    BadDate(DateError),
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RowError::NotUtf8 => write!(f, "not UTF-8 text: save the file as UTF-8"),
            RowError::NotARow(why) => {
                write!(f, r#"not an article row {{"source": ..., "text": ..., "published": ...}}: {why}"#)
            }
            RowError::BadDate(e) => write!(f, "published: {e}"),
        }
    }
}

impl std::error::Error for RowError {}

/// A publish date that is not one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError(pub String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` is not a date: write it as YYYY-MM-DD, e.g. 2024-06-17", self.0)
    }
}

impl std::error::Error for DateError {}

/// Reads one line of a JSONL file (without its line break) as an article row.
pub fn parse_row(line: &[u8]) -> Result<Row, RowError> {
    let line = std::str::from_utf8(line).map_err(|_| RowError::NotUtf8)?;
    let raw: RawRow = serde_json::from_str(line).map_err(|e| RowError::NotARow(e.to_string()))?;
    let published = raw.published.as_deref().map(parse_published).transpose().map_err(RowError::BadDate)?;
    Ok(Row { source: raw.source, text: raw.text, published })
}

/// A publish date given by the caller: `YYYY-MM-DD`, or an ISO 8601 time whose zone is turned to Vietnamese
/// time as a saved page's metadata is (`2025-11-01T18:30:00Z` is `2025-11-02T01:30`).
pub fn parse_published(value: &str) -> Result<Stamp, DateError> {
    let bad = || DateError(value.to_string());
    if value.len() == 10 {
        return Date::parse_iso(value).map(|date| Stamp { date, time: None }).ok_or_else(bad);
    }
    // A time after the date: only the ISO shape, not every date line the extractor reads in a text.
    let iso_time = value.len() > 10 && value.as_bytes()[10] == b'T' && Date::parse_iso(value).is_some();
    iso_time.then(|| dates::stamp(value)).flatten().ok_or_else(bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A row as read: (source, text, published).
    type Read<'a> = (Option<&'a str>, &'a str, Option<&'a str>);

    #[test]
    fn rows() {
        // (line, Ok((source, text, published)) or Err(the start of the message))
        let cases: [(&[u8], Result<Read, &str>); 12] = [
            (r#"{"source": "a.txt", "text": "Hội nghị", "published": "2024-06-17"}"#.as_bytes(), Ok((Some("a.txt"), "Hội nghị", Some("2024-06-17")))),
            (br#"{"text": "x"}"#, Ok((None, "x", None))),
            (br#"{"text": "x", "published": null, "source": null}"#, Ok((None, "x", None))),
            (br#"{"text": "x", "url": "https://a", "id": 7}"#, Ok((None, "x", None))),
            (br#"{"text": "x", "published": "2025-11-01T18:30:00Z"}"#, Ok((None, "x", Some("2025-11-02T01:30")))),
            (br#"{"source": "a"}"#, Err("not an article row {\"source\": ..., \"text\": ..., \"published\": ...}: missing field `text`")),
            (br#"{"text": 3}"#, Err("not an article row {\"source\": ..., \"text\": ..., \"published\": ...}: invalid type: integer `3`")),
            (br#"["x"]"#, Err("not an article row")),
            (br#"{"text": "x""#, Err("not an article row")),
            (br#"{"text": "x", "published": "17/6/2024"}"#, Err("published: `17/6/2024` is not a date: write it as YYYY-MM-DD")),
            (br#"{"text": "x", "published": "2024-02-30"}"#, Err("published: `2024-02-30` is not a date")),
            (b"{\"text\": \"\xff\"}", Err("not UTF-8 text")),
        ];
        for (line, want) in cases {
            let got =
                parse_row(line).map(|r| (r.source, r.text, r.published.map(|s| s.iso()))).map_err(|e| e.to_string());
            match (got, want) {
                (Ok((source, text, published)), Ok(want)) => {
                    assert_eq!((source.as_deref(), text.as_str(), published.as_deref()), want)
                }
                (Err(message), Err(start)) => assert!(message.starts_with(start), "{message}"),
                (got, want) => panic!("{}: got {got:?}, want {want:?}", String::from_utf8_lossy(line)),
            }
        }
    }

    #[test]
    fn published_dates() {
        // (value, the stamp or None when refused)
        let cases = [
            ("2024-06-17", Some("2024-06-17")),
            ("2024-06-17T08:30:00+07:00", Some("2024-06-17T08:30")),
            ("2024-06-17T08:30", Some("2024-06-17T08:30")),
            ("2024-6-17", None),
            ("17/06/2024", None),
            ("Thứ hai 17/06/2024 17:01", None),
            ("", None),
            ("2024-06-17 và hơn nữa", None),
        ];
        for (value, want) in cases {
            assert_eq!(parse_published(value).ok().map(|s| s.iso()).as_deref(), want, "{value}");
        }
    }
}
