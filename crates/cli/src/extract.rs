//! `hoinghi extract`: read each input, extract its record, print them.

use std::io::{self, BufWriter, Read, Write};

use hoinghi_core::{extract, Date, Record};

use crate::args::Format;

/// Reads one input as text (any Vietnamese encoding, a saved web page, a .docx). Errors name the file and what to do.
fn read_input(path: &str) -> Result<String, String> {
    let bytes = if path == "-" {
        let mut buf = Vec::new();
        io::stdin().read_to_end(&mut buf).map_err(|e| format!("standard input: {e}"))?;
        buf
    } else {
        std::fs::read(path).map_err(|e| format!("{path}: cannot read: {e}"))?
    };
    let name = if path == "-" { "stdin.txt" } else { path };
    hoinghi_decode::decode(&bytes, name).map(|d| d.text).map_err(|e| e.describe(name))
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
        let text = match read_input(path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("hoinghi: {e}");
                all_ok = false;
                continue;
            }
        };
        // A failure inside the core must cost one article, never the batch.
        let Ok(mut record) = std::panic::catch_unwind(|| extract(&text, published)) else {
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
