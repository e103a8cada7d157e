//! Command-line flags of `hoinghi`.

use std::fmt;

use hoinghi_core::Date;

pub const HELP: &str = "\
hoinghi: extract meetings, officials and documents from Vietnamese political news

USAGE:
    hoinghi extract [--format jsonl|json|csv] [--published YYYY-MM-DD] [--text] FILE... | -
    hoinghi merge [--format json|csv] RECORDS.jsonl...
    hoinghi --help | --version

extract: one record per article, in the order the files are given.
    FILE...               articles: plain text (any Vietnamese encoding), saved web pages (.html),
                          Word documents (.docx); `-` reads one article from standard input
    --format jsonl        one JSON record per line (default; what shared/eval/score.py reads)
    --format json         one JSON array of records
    --format csv          one row per official: source, published, province, name, titles, roles
    --published DATE      publish date for articles whose text has no date line (YYYY-MM-DD);
                          a date line in the text wins, then a saved page's metadata
                          (published_from: text, page_metadata, argument)
    --text                include the normalised text (every span points into it)

merge: people, meetings and documents across articles, from records printed by `extract`.
    --format json         the merged view as one JSON object (default)
    --format csv          the people table

A file that cannot be read or decoded is reported on stderr and skipped; the others are still
extracted, and the exit status is 1 at the end. Bad flags exit with status 2.
";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Jsonl,
    Json,
    Csv,
}

#[derive(Debug)]
pub enum Command {
    Help,
    Version,
    Extract { format: Format, published: Option<Date>, with_text: bool, inputs: Vec<String> },
    Merge { format: Format, inputs: Vec<String> },
}

/// A flag the user got wrong.
#[derive(Debug, PartialEq, Eq)]
pub enum ArgError {
    NoCommand,
    UnknownCommand(String),
    UnknownFlag(String),
    MissingValue(&'static str),
    BadFormat(String),
    BadDate(String),
    NoInput,
}

impl fmt::Display for ArgError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArgError::NoCommand => write!(f, "no command given: try `hoinghi extract FILE...` or `hoinghi --help`"),
            ArgError::UnknownCommand(c) => write!(f, "unknown command `{c}`: the commands are `extract` and `merge`"),
            ArgError::UnknownFlag(x) => write!(f, "unknown flag `{x}`: see `hoinghi --help`"),
            ArgError::MissingValue(flag) => write!(f, "`{flag}` needs a value"),
            ArgError::BadFormat(v) => write!(f, "unknown format `{v}`: use jsonl, json or csv"),
            ArgError::BadDate(v) => write!(f, "`{v}` is not a date: write it as YYYY-MM-DD, e.g. 2024-06-17"),
            ArgError::NoInput => write!(f, "no input: give one or more files, or `-` for standard input"),
        }
    }
}

/// Parses the arguments after the program name.
pub fn parse(args: &[String]) -> Result<Command, ArgError> {
    let mut it = args.iter();
    let command = match it.next().map(String::as_str) {
        None => return Err(ArgError::NoCommand),
        Some("-h" | "--help" | "help") => return Ok(Command::Help),
        Some("-V" | "--version") => return Ok(Command::Version),
        Some(c @ ("extract" | "merge")) => c.to_string(),
        Some(other) => return Err(ArgError::UnknownCommand(other.to_string())),
    };
    let mut format = None;
    let mut published = None;
    let mut with_text = false;
    let mut inputs = Vec::new();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "--format" | "-f" => {
                let v = it.next().ok_or(ArgError::MissingValue("--format"))?;
                format = Some(match v.as_str() {
                    "jsonl" => Format::Jsonl,
                    "json" => Format::Json,
                    "csv" => Format::Csv,
                    _ => return Err(ArgError::BadFormat(v.clone())),
                });
            }
            "--published" => {
                let v = it.next().ok_or(ArgError::MissingValue("--published"))?;
                published =
                    Some(Date::parse_iso(v).filter(|_| v.len() == 10).ok_or_else(|| ArgError::BadDate(v.clone()))?);
            }
            "--text" => with_text = true,
            "-" => inputs.push(arg.clone()),
            flag if flag.starts_with('-') => return Err(ArgError::UnknownFlag(flag.to_string())),
            _ => inputs.push(arg.clone()),
        }
    }
    if inputs.is_empty() {
        return Err(ArgError::NoInput);
    }
    Ok(match command.as_str() {
        "extract" => Command::Extract { format: format.unwrap_or(Format::Jsonl), published, with_text, inputs },
        _ => Command::Merge { format: format.unwrap_or(Format::Json), inputs },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn table() {
        assert!(matches!(parse(&args("extract a.txt")), Ok(Command::Extract { format: Format::Jsonl, .. })));
        assert!(matches!(parse(&args("extract --format csv -")), Ok(Command::Extract { format: Format::Csv, .. })));
        assert!(matches!(parse(&args("--help")), Ok(Command::Help)));
        assert_eq!(parse(&args("extract")).unwrap_err(), ArgError::NoInput);
        assert_eq!(parse(&args("extract --format xml a")).unwrap_err(), ArgError::BadFormat("xml".into()));
        assert_eq!(parse(&args("extract --published 17/6/2024 a")).unwrap_err(), ArgError::BadDate("17/6/2024".into()));
        assert_eq!(parse(&args("extract --bogus a")).unwrap_err(), ArgError::UnknownFlag("--bogus".into()));
        assert_eq!(parse(&args("frobnicate")).unwrap_err(), ArgError::UnknownCommand("frobnicate".into()));
        assert_eq!(parse(&[]).unwrap_err(), ArgError::NoCommand);
    }
}
