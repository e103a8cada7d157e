//! `hoinghi extract`: read each input, extract its record, print them.
//!
//! Articles go through [`hoinghi_cli::ordered::map_ordered`]: reading, decoding, extracting and formatting
//! run on `-j` threads, the records are printed in the order the inputs were given, and only a few
//! articles are in memory at once, however many there are.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};

use hoinghi_cli::ordered::map_ordered;
use hoinghi_cli::row::parse_row;
use hoinghi_core::{dates, extract_with, Date, Published, PublishedFrom, Record, Stamp};

use crate::args::{Extract, Format, Input};

/// One article to extract, as taken from the inputs (on the main thread: cheap, no decoding).
enum Job {
    /// A file's path (`-`: standard input).
    File(String),
    /// A line of a JSONL file; `at` is `FILE:LINE`, its name in messages.
    Row { at: String, line: Vec<u8> },
    /// An input that could not be read: the message.
    Unreadable(String),
}

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

/// The jobs of every input in order. A JSONL file is read a line at a time as the window frees up.
fn jobs(inputs: &[Input]) -> impl Iterator<Item = Job> + '_ {
    inputs.iter().flat_map(|input| -> Box<dyn Iterator<Item = Job>> {
        match input {
            Input::File(path) => Box::new(std::iter::once(Job::File(path.clone()))),
            Input::Rows(path) => rows(path),
        }
    })
}

/// The rows of a JSONL file (`-`: standard input), blank lines skipped; a read error ends the file.
fn rows(path: &str) -> Box<dyn Iterator<Item = Job>> {
    let reader: Box<dyn BufRead> = if path == "-" {
        Box::new(BufReader::new(io::stdin()))
    } else {
        match File::open(path) {
            Ok(f) => Box::new(BufReader::new(f)),
            Err(e) => return Box::new(std::iter::once(Job::Unreadable(format!("{path}: cannot read: {e}")))),
        }
    };
    let name = if path == "-" { "stdin" } else { path }.to_string();
    let mut failed = false;
    Box::new(
        reader
            .split(b'\n')
            .enumerate()
            .map_while(move |(n, line)| {
                if failed {
                    return None;
                }
                let at = format!("{name}:{}", n + 1);
                Some(match line {
                    Ok(mut line) => {
                        if line.last() == Some(&b'\r') {
                            line.pop();
                        }
                        Job::Row { at, line }
                    }
                    Err(e) => {
                        failed = true;
                        Job::Unreadable(format!("{at}: cannot read: {e}"))
                    }
                })
            })
            .filter(|job| !matches!(job, Job::Row { line, .. } if line.iter().all(u8::is_ascii_whitespace))),
    )
}

/// Reads, extracts and formats one article: its output bytes, or the message saying why it was skipped.
fn run_job(job: Job, options: &Extract) -> Result<Vec<u8>, String> {
    let (source, text, outside) = match job {
        Job::Unreadable(message) => return Err(message),
        Job::File(path) => {
            let (text, page_date) = read_input(&path)?;
            let outside = outside_date(page_date.as_deref(), options.published);
            (path, text, outside)
        }
        Job::Row { at, line } => {
            let row = parse_row(&line).map_err(|e| format!("{at}: {e}"))?;
            // The row's own date knows its article; --published is one date for the batch.
            let outside = match row.published {
                Some(stamp) => Some(Published { stamp, from: PublishedFrom::Argument }),
                None => outside_date(None, options.published),
            };
            (row.source.unwrap_or(at), row.text, outside)
        }
    };
    // A failure inside the core must cost one article, never the batch.
    let Ok(mut record) = std::panic::catch_unwind(|| extract_with(&text, outside)) else {
        return Err(format!("{source}: extraction failed inside the extractor (a bug: please report this file)"));
    };
    record.source = Some(source);
    if !options.with_text {
        record.text.clear();
    }
    let mut out = Vec::new();
    match options.format {
        Format::Jsonl => {
            serde_json::to_writer(&mut out, &record).map_err(|e| e.to_string())?;
            out.push(b'\n');
        }
        Format::Json => json_array_item(&mut out, &record).map_err(|e| e.to_string())?,
        Format::Csv => write_csv(&mut out, &record).map_err(|e| e.to_string())?,
    }
    Ok(out)
}

/// A record as an item of the pretty-printed array `serde_json::to_writer_pretty` writes for a `Vec`: the
/// record pretty-printed, every line indented two more spaces (JSON strings hold no raw line breaks). This is
/// what lets `--format json` stream, one record at a time, and stay byte-identical to printing the whole Vec.
fn json_array_item(out: &mut Vec<u8>, record: &Record) -> serde_json::Result<()> {
    let pretty = serde_json::to_vec_pretty(record)?;
    for line in pretty.split(|&b| b == b'\n') {
        out.extend_from_slice(b"  ");
        out.extend_from_slice(line);
        out.push(b'\n');
    }
    out.pop();
    Ok(())
}

/// Extracts every input and prints the records in the inputs' order; `Ok(false)` when some input failed.
pub fn run(options: &Extract) -> io::Result<bool> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut all_ok = true;
    let mut printed = 0usize;
    if options.format == Format::Csv {
        out.write_all(b"\xEF\xBB\xBFsource,published,province,name,titles,titles_as_written,roles\r\n")?;
    }
    map_ordered(
        jobs(&options.inputs),
        options.jobs,
        |job| run_job(job, options),
        |result| {
            match result {
                Ok(bytes) => {
                    if options.format == Format::Json {
                        out.write_all(if printed == 0 { b"[\n" } else { b",\n" })?;
                    }
                    out.write_all(&bytes)?;
                    printed += 1;
                }
                Err(message) => {
                    eprintln!("hoinghi: {message}");
                    all_ok = false;
                }
            }
            Ok::<(), io::Error>(())
        },
    )?;
    if options.format == Format::Json {
        out.write_all(if printed == 0 { b"[]\n" } else { b"\n]\n" })?;
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

    #[test]
    fn json_items_join_to_the_pretty_array() {
        let text = "Sáng 17/6/2024, Ban Dân vận Tỉnh ủy tổ chức Hội nghị giao ban. Đ/c Nguyễn Thị Phong Vũ - Trưởng Ban Dân vận Tỉnh ủy chủ trì.";
        for n in [1, 2, 3] {
            let records: Vec<Record> = (0..n).map(|_| hoinghi_core::extract(text, None)).collect();
            let mut streamed = b"[\n".to_vec();
            for (i, r) in records.iter().enumerate() {
                if i > 0 {
                    streamed.extend_from_slice(b",\n");
                }
                json_array_item(&mut streamed, r).unwrap();
            }
            streamed.extend_from_slice(b"\n]");
            assert_eq!(String::from_utf8(streamed).unwrap(), serde_json::to_string_pretty(&records).unwrap());
        }
        assert_eq!(serde_json::to_string_pretty(&Vec::<Record>::new()).unwrap(), "[]");
    }
}
