//! `hoinghi extract`: read each input, extract its record, print them.

use std::io::{self, BufWriter, Read, Write};

use hoinghi_core::{dates, extract_with, Date, Published, PublishedFrom, Record, Stamp};

use crate::args::Format;

/// Reads one input as text (any Vietnamese encoding, a saved web page, a .docx), with the publish time a saved
/// page's metadata states. Errors name the file and what to do.
fn read_input(path: &str) -> Result<(String, Option<String>), String> {
    let bytes = if path == "-" {
        let mut buf = Vec::new();
        io::stdin().read_to_end(&mut buf).map_err(|e| format!("standard input: {e}"))?;
        buf
    } else {
        std::fs::read(path).map_err(|e| format!("{path}: cannot read: {e}"))?
    };
    let name = if path == "-" { "stdin.txt" } else { path };
    hoinghi_decode::decode(&bytes, name).map(|d| (d.text, d.published)).map_err(|e| e.describe(name))
}

/// The publish date from outside the text: the page's metadata (it knows this article), else `--published`
/// (one date for the batch). The text's own date line wins over both (`extract_with`).
fn outside_date(page: Option<&str>, argument: Option<Date>) -> Option<Published> {
    let from_page = page.and_then(dates::stamp).map(|stamp| Published { stamp, from: PublishedFrom::PageMetadata });
    from_page
        .or_else(|| argument.map(|date| Published { stamp: Stamp { date, time: None }, from: PublishedFrom::Argument }))
}

/// Extracts every input and prints the records; `Ok(false)` when some input failed.
pub fn run(format: Format, published: Option<Date>, with_text: bool, inputs: &[String]) -> io::Result<bool> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut all_ok = true;
    let mut records: Vec<Record> = Vec::new();
    if format == Format::Csv {
        out.write_all(b"\xEF\xBB\xBFsource,published,province,name,titles,titles_as_written,roles\r\n")?;
    }
    for path in inputs {
        let (text, page_date) = match read_input(path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("hoinghi: {e}");
                all_ok = false;
                continue;
            }
        };
        // A failure inside the core must cost one article, never the batch.
        let outside = outside_date(page_date.as_deref(), published);
        let Ok(mut record) = std::panic::catch_unwind(|| extract_with(&text, outside)) else {
            eprintln!("hoinghi: {path}: extraction failed inside the extractor (a bug: please report this file)");
            all_ok = false;
            continue;
        };
        record.source = Some(path.clone());
        if !with_text {
            record.text.clear();
        }
        match format {
            Format::Jsonl => {
                serde_json::to_writer(&mut out, &record)?;
                out.write_all(b"\n")?;
            }
            Format::Json => records.push(record),
            Format::Csv => write_csv(&mut out, &record)?,
        }
    }
    if format == Format::Json {
        serde_json::to_writer_pretty(&mut out, &records)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(all_ok)
}

fn write_csv(out: &mut impl Write, record: &Record) -> io::Result<()> {
    for o in &record.officials {
        let row = [
            record.source.as_deref().unwrap_or(""),
            record.published.as_deref().unwrap_or(""),
            record.province.as_deref().unwrap_or(""),
            &o.name,
            &o.titles.join("; "),
            &o.titles_as_written.join("; "),
            &o.roles.iter().map(|r| r.as_str()).collect::<Vec<_>>().join("; "),
        ];
        // One cell rule for every CSV the project writes: quoted as needed, formula starts neutralised.
        let line: Vec<String> = row.iter().map(|v| hoinghi_merge::cell_text(v)).collect();
        write!(out, "{}\r\n", line.join(","))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_metadata_before_the_argument() {
        let flag = Date::new(2024, 6, 17);
        // (page metadata, --published, the date passed to the extractor and where it came from)
        let cases = [
            (Some("2025-11-01T18:30:00Z"), flag, Some(("2025-11-02T01:30", PublishedFrom::PageMetadata))),
            (Some("2025-11-02"), None, Some(("2025-11-02", PublishedFrom::PageMetadata))),
            (None, flag, Some(("2024-06-17", PublishedFrom::Argument))),
            (Some("không phải ngày"), flag, Some(("2024-06-17", PublishedFrom::Argument))),
            (None, None, None),
        ];
        for (page, argument, want) in cases {
            let got = outside_date(page, argument).map(|p| (p.stamp.iso(), p.from));
            assert_eq!(got, want.map(|(iso, from)| (iso.to_string(), from)), "{page:?}");
        }
    }
}
