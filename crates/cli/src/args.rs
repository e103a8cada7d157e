//! Command-line flags of `hoinghi`.

use std::fmt;

use hoinghi_cli::row::DateError;
use hoinghi_core::Date;

pub const HELP: &str = "\
hoinghi: extract meetings, officials and documents from Vietnamese political news

USAGE:
    hoinghi extract [--format jsonl|json|csv] [--published YYYY-MM-DD] [--text] [-j N] [--jsonl ROWS] FILE... | -
    hoinghi merge [--format json|csv] RECORDS.jsonl...
    hoinghi --help | --version

extract: one record per article, in the order the files and rows are given.
    FILE...               articles: plain text (any Vietnamese encoding), saved web pages (.html),
                          Word documents (.docx); `-` reads one article from standard input
    --jsonl ROWS          articles as rows of a JSONL file (`-`: standard input), one JSON object a line:
                          {\"source\": \"name\", \"text\": \"the article\", \"published\": \"2024-06-17\"};
                          only text is required; source defaults to ROWS:LINE; published may also be
                          an ISO 8601 time and wins over --published; other fields are ignored.
                          May be given more than once, and mixed with files.
    -j, --jobs N          extract on N threads (default: every core); the output is the same at any N
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

A file that cannot be read or decoded, or a row that is not an article row, is reported on stderr
(with its file and line) and skipped; the others are still extracted, and the exit status is 1 at
the end. Bad flags exit with status 2.
";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Jsonl,
    Json,
    Csv,
}

/// Where articles come from, in the order given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// One article a file (`-`: standard input).
    File(String),
    /// One article a line of a JSONL file (`--jsonl`; `-`: standard input).
    Rows(String),
}

#[derive(Debug)]
pub struct Extract {
    pub format: Format,
    pub published: Option<Date>,
    pub with_text: bool,
    /// Threads; every core when not given.
    pub jobs: usize,
    pub inputs: Vec<Input>,
}

#[derive(Debug)]
pub enum Command {
    Help,
    Version,
    Extract(Extract),
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
    BadDate(DateError),
    BadJobs(String),
    /// `-` (standard input) given twice: as a file and as rows, say.
    StdinTwice,
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
            ArgError::BadDate(e) => write!(f, "--published: {e}"),
            ArgError::BadJobs(v) => write!(f, "`-j {v}`: give the number of threads, 1 or more"),
            ArgError::StdinTwice => write!(f, "standard input (`-`) can be read once: give it once"),
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
    let mut jobs = None;
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
                published = Some(
                    Date::parse_iso(v)
                        .filter(|_| v.len() == 10)
                        .ok_or_else(|| ArgError::BadDate(DateError(v.clone())))?,
                );
            }
            "--text" => with_text = true,
            "-j" | "--jobs" => {
                let v = it.next().ok_or(ArgError::MissingValue("-j"))?;
                jobs = Some(v.parse::<usize>().ok().filter(|&n| n > 0).ok_or_else(|| ArgError::BadJobs(v.clone()))?);
            }
            "--jsonl" => inputs.push(Input::Rows(it.next().ok_or(ArgError::MissingValue("--jsonl"))?.clone())),
            "-" => inputs.push(Input::File(arg.clone())),
            flag if flag.starts_with('-') => return Err(ArgError::UnknownFlag(flag.to_string())),
            _ => inputs.push(Input::File(arg.clone())),
        }
    }
    if inputs.is_empty() {
        return Err(ArgError::NoInput);
    }
    let stdin = |i: &Input| matches!(i, Input::File(p) | Input::Rows(p) if p == "-");
    if inputs.iter().filter(|i| stdin(i)).count() > 1 {
        return Err(ArgError::StdinTwice);
    }
    Ok(match command.as_str() {
        "extract" => Command::Extract(Extract {
            format: format.unwrap_or(Format::Jsonl),
            published,
            with_text,
            jobs: jobs.unwrap_or_else(hoinghi_cli::ordered::all_cores),
            inputs,
        }),
        _ => {
            // merge reads record files: rows of articles are extract's.
            let files = inputs.into_iter().map(|i| match i {
                Input::File(p) => Ok(p),
                Input::Rows(_) => Err(ArgError::UnknownFlag("--jsonl".into())),
            });
            Command::Merge { format: format.unwrap_or(Format::Json), inputs: files.collect::<Result<_, _>>()? }
        }
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
        assert!(matches!(parse(&args("extract a.txt")), Ok(Command::Extract(Extract { format: Format::Jsonl, .. }))));
        assert!(matches!(
            parse(&args("extract --format csv -")),
            Ok(Command::Extract(Extract { format: Format::Csv, .. }))
        ));
        assert!(matches!(parse(&args("--help")), Ok(Command::Help)));
        assert_eq!(parse(&args("extract")).unwrap_err(), ArgError::NoInput);
        assert_eq!(parse(&args("extract --format xml a")).unwrap_err(), ArgError::BadFormat("xml".into()));
        assert_eq!(
            parse(&args("extract --published 17/6/2024 a")).unwrap_err(),
            ArgError::BadDate(DateError("17/6/2024".into()))
        );
        assert_eq!(parse(&args("extract -j 0 a")).unwrap_err(), ArgError::BadJobs("0".into()));
        assert_eq!(parse(&args("extract -j two a")).unwrap_err(), ArgError::BadJobs("two".into()));
        assert_eq!(parse(&args("extract a -j")).unwrap_err(), ArgError::MissingValue("-j"));
        assert_eq!(parse(&args("extract --jsonl")).unwrap_err(), ArgError::MissingValue("--jsonl"));
        assert_eq!(parse(&args("extract - --jsonl -")).unwrap_err(), ArgError::StdinTwice);
        assert_eq!(parse(&args("merge --jsonl a")).unwrap_err(), ArgError::UnknownFlag("--jsonl".into()));
        assert_eq!(parse(&args("extract --bogus a")).unwrap_err(), ArgError::UnknownFlag("--bogus".into()));
        assert_eq!(parse(&args("frobnicate")).unwrap_err(), ArgError::UnknownCommand("frobnicate".into()));
        assert_eq!(parse(&[]).unwrap_err(), ArgError::NoCommand);
    }

    #[test]
    fn inputs_and_threads() {
        // (arguments, the inputs in order, threads)
        let file = |p: &str| Input::File(p.into());
        let rows = |p: &str| Input::Rows(p.into());
        let cases = [
            ("extract a.txt -j 2", vec![file("a.txt")], Some(2)),
            ("extract --jobs 16 a b", vec![file("a"), file("b")], Some(16)),
            ("extract a --jsonl r.jsonl b", vec![file("a"), rows("r.jsonl"), file("b")], None),
            ("extract --jsonl - --jsonl r2", vec![rows("-"), rows("r2")], None),
        ];
        for (line, want_inputs, want_jobs) in cases {
            let Ok(Command::Extract(e)) = parse(&args(line)) else { panic!("{line}") };
            assert_eq!(e.inputs, want_inputs, "{line}");
            assert_eq!(e.jobs, want_jobs.unwrap_or_else(hoinghi_cli::ordered::all_cores), "{line}");
        }
    }
}
