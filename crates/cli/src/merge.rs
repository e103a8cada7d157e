//! `hoinghi merge`: people, meetings and documents across the records `hoinghi extract` printed.

use std::io::{self, BufRead, Write};

use hoinghi_core::Record;

use crate::args::Format;

/// Reads JSON records (one per line, or JSON arrays) from each input and prints the merged view.
pub fn run(format: Format, inputs: &[String]) -> io::Result<bool> {
    let mut records: Vec<Record> = Vec::new();
    let mut all_ok = true;
    for path in inputs {
        let reader: Box<dyn BufRead> = if path == "-" {
            Box::new(io::BufReader::new(io::stdin()))
        } else {
            match std::fs::File::open(path) {
                Ok(f) => Box::new(io::BufReader::new(f)),
                Err(e) => {
                    eprintln!("hoinghi: {path}: cannot read: {e}");
                    all_ok = false;
                    continue;
                }
            }
        };
        for (n, line) in reader.lines().enumerate() {
            let line = line?;
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            let parsed = if line.starts_with('[') {
                serde_json::from_str::<Vec<Record>>(line)
            } else {
                serde_json::from_str::<Record>(line).map(|r| vec![r])
            };
            match parsed {
                Ok(rs) => records.extend(rs),
                Err(e) => {
                    eprintln!("hoinghi: {path}:{}: not a record printed by `hoinghi extract`: {e}", n + 1);
                    all_ok = false;
                }
            }
        }
    }
    let merged = hoinghi_merge::merge(&records);
    let mut out = io::stdout().lock();
    match format {
        Format::Csv => out.write_all(format!("\u{feff}{}", hoinghi_merge::people_csv(&merged)).as_bytes())?,
        _ => {
            serde_json::to_writer_pretty(&mut out, &merged)?;
            out.write_all(b"\n")?;
        }
    }
    Ok(all_ok)
}
