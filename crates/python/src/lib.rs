//! `hoinghi` for Python: the extraction core, the decoder and the merge, as the CLI runs them.
//!
//! Records cross into Python through their serde form (`pythonize`), so a dict has the very field names and
//! values `hoinghi extract` prints. Spans are offsets in Unicode code points into the record's `text` (the
//! normalised text), which is what a Python `str` is indexed by: `text[span["start"]:span["end"]]`.
//! Errors carry the CLI's messages (`hoinghi_cli::row`, `hoinghi_decode::DecodeError`).

use hoinghi_cli::ordered::{all_cores, map_ordered};
use hoinghi_cli::row::parse_published;
use hoinghi_core::{extract_with, Published, PublishedFrom, Record};
use pyo3::create_exception;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyString};

create_exception!(
    hoinghi,
    HoinghiError,
    PyValueError,
    "Input the extractor cannot use: a publish date that is not one, a record that is not one. The message says what to fix."
);
create_exception!(
    hoinghi,
    DecodeError,
    HoinghiError,
    "A file that cannot be read as an article (empty, binary, a PDF, a broken .docx...). The message is the CLI's."
);

/// A Python `str` as Rust text. A lone surrogate (which UTF-8 cannot hold) becomes one U+FFFD, so the text keeps
/// its length in code points.
fn text_of(text: &Bound<'_, PyString>) -> PyResult<String> {
    if let Ok(t) = text.to_cow() {
        return Ok(t.into_owned());
    }
    let utf16 = text.call_method1("encode", ("utf-16-le", "surrogatepass"))?;
    let bytes = utf16.cast::<PyBytes>()?.as_bytes();
    let units = bytes.chunks_exact(2).map(|u| u16::from_le_bytes([u[0], u[1]]));
    Ok(char::decode_utf16(units).map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER)).collect())
}

/// `published` as the CLI reads a row's: `YYYY-MM-DD` or an ISO 8601 time.
fn published_of(value: Option<&str>) -> PyResult<Option<Published>> {
    value
        .map(|v| {
            parse_published(v)
                .map(|stamp| Published { stamp, from: PublishedFrom::Argument })
                .map_err(|e| HoinghiError::new_err(format!("published: {e}")))
        })
        .transpose()
}

/// One article's record, with the core's panics (a bug) turned into a message, as the CLI does.
fn record_of(
    text: &str,
    published: Option<Published>,
    source: Option<String>,
    with_text: bool,
) -> Result<Record, String> {
    let name = source.clone().unwrap_or_else(|| "the text".into());
    let mut record = std::panic::catch_unwind(|| extract_with(text, published))
        .map_err(|_| format!("{name}: extraction failed inside the extractor (a bug: please report this text)"))?;
    record.source = source;
    if !with_text {
        record.text.clear();
    }
    Ok(record)
}

/// extract(text, published=None, *, source=None, with_text=True) -> dict
///
/// Extracts one article: the record `hoinghi extract` prints, as a dict with the same fields (source, title,
/// published, published_from, province, province_today, meetings, officials, documents, text, body).
///
/// `published` is the publish date when the text has no date line of its own (`YYYY-MM-DD`, or an ISO 8601
/// time such as `2024-06-17T08:30:00+07:00`). `source` names the record (the CLI puts the file's path there).
/// `text` in the record is the normalised text every span indexes, in code points like a Python str
/// (`record["text"][s["start"]:s["end"]]`); `with_text=False` leaves it empty, as the CLI does without `--text`.
/// Raises HoinghiError when `published` is not a date.
#[pyfunction]
#[pyo3(signature = (text, published=None, *, source=None, with_text=true))]
fn extract<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyString>,
    published: Option<&str>,
    source: Option<String>,
    with_text: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let text = text_of(text)?;
    let published = published_of(published)?;
    let record = py.detach(|| record_of(&text, published, source, with_text)).map_err(HoinghiError::new_err)?;
    Ok(pythonize::pythonize(py, &record)?)
}

/// extract_many(texts, published=None, threads=None, *, sources=None, with_text=True) -> list[dict]
///
/// Extracts many articles on `threads` threads (default: every core) with the GIL released, and returns their
/// records in the order of `texts`, each as `extract` returns it.
///
/// `published` is one date for every text, or a list with one date (or None) per text. `sources` is None or
/// one name per text. Raises HoinghiError for a date that is not one, or lists of the wrong length.
#[pyfunction]
#[pyo3(signature = (texts, published=None, threads=None, *, sources=None, with_text=true))]
fn extract_many<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    published: Option<&Bound<'py, PyAny>>,
    threads: Option<usize>,
    sources: Option<Vec<Option<String>>>,
    with_text: bool,
) -> PyResult<Bound<'py, PyList>> {
    let mut articles: Vec<(String, Option<Published>, Option<String>)> = Vec::new();
    for (i, text) in texts.try_iter()?.enumerate() {
        let text = text?;
        let text = text.cast::<PyString>().map_err(|_| PyTypeError::new_err(format!("texts[{i}] is not a str")))?;
        articles.push((text_of(text)?, None, None));
    }
    let n = articles.len();
    match published {
        None => {}
        Some(p) if p.is_none() => {}
        Some(p) if p.is_instance_of::<PyString>() => {
            let one = published_of(Some(&p.extract::<String>()?))?;
            articles.iter_mut().for_each(|a| a.1 = one);
        }
        Some(p) => {
            let dates: Vec<Option<String>> = p.extract().map_err(|_| {
                PyTypeError::new_err("published: give one date (str), or a list with one date or None per text")
            })?;
            if dates.len() != n {
                return Err(HoinghiError::new_err(format!("published: {} dates for {n} texts", dates.len())));
            }
            for (i, (a, d)) in articles.iter_mut().zip(dates).enumerate() {
                a.1 = published_of(d.as_deref())
                    .map_err(|e| HoinghiError::new_err(format!("published[{i}]: {}", e.value(py))))?;
            }
        }
    }
    if let Some(sources) = sources {
        if sources.len() != n {
            return Err(HoinghiError::new_err(format!("sources: {} names for {n} texts", sources.len())));
        }
        articles.iter_mut().zip(sources).for_each(|(a, s)| a.2 = s);
    }
    if threads == Some(0) {
        return Err(HoinghiError::new_err("threads: give the number of threads, 1 or more"));
    }
    // No more threads than texts: a call with a handful of texts starts a handful of threads.
    let threads = threads.unwrap_or_else(all_cores).min(n.max(1));
    let records: Result<Vec<Record>, String> = py.detach(|| {
        let mut records = Vec::with_capacity(n);
        map_ordered(
            articles,
            threads,
            |(text, published, source)| record_of(&text, published, source, with_text),
            |r| r.map(|r| records.push(r)),
        )?;
        Ok(records)
    });
    let list = PyList::empty(py);
    for record in records.map_err(HoinghiError::new_err)? {
        list.append(pythonize::pythonize(py, &record)?)?;
    }
    Ok(list)
}

/// decode(data, filename) -> str
///
/// A file's bytes as text, as the CLI reads it: plain text in any Vietnamese encoding (UTF-8/16, Windows-1258,
/// TCVN3, VNI), a saved web page (.html) or a Word document (.docx), told apart by content and `filename`.
/// Raises DecodeError with the CLI's message (empty, binary, PDF, a broken .docx, a page without an article...).
/// Only the text: for a saved page whose text shows no date line, the CLI also takes the publish date from the
/// page's metadata, which this does not return (pass it to `extract` as `published` when you know it).
#[pyfunction]
fn decode(py: Python<'_>, data: &[u8], filename: &str) -> PyResult<String> {
    py.detach(|| hoinghi_decode::decode(data, filename))
        .map(|d| d.text)
        .map_err(|e| DecodeError::new_err(e.describe(filename)))
}

/// merge(records) -> dict
///
/// People, meetings, documents and provinces across articles, as `hoinghi merge` prints them (`--format
/// json`). `records` are dicts as `extract` returns them (or JSON strings, a line of `hoinghi extract`'s
/// output). Raises HoinghiError naming the first item that is not a record.
#[pyfunction]
fn merge<'py>(py: Python<'py>, records: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let dumps = py.import("json")?.getattr("dumps")?;
    let mut read = Vec::new();
    for (i, item) in records.try_iter()?.enumerate() {
        let item = item?;
        // Through JSON, as the CLI reads its input: the same checks, the same messages.
        let json: String = match item.cast::<PyString>() {
            Ok(s) => text_of(s)?,
            Err(_) => dumps.call1((&item,))?.extract()?,
        };
        let record: Record = serde_json::from_str(&json).map_err(|e| {
            HoinghiError::new_err(format!("records[{i}]: not a record printed by `hoinghi extract`: {e}"))
        })?;
        read.push(record);
    }
    let merged = py.detach(|| hoinghi_merge::merge(&read));
    Ok(pythonize::pythonize(py, &merged)?)
}

/// Meetings, officials and documents from Vietnamese political news: the Hội Nghị extractor.
#[pymodule]
fn _hoinghi(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(extract_many, m)?)?;
    m.add_function(wrap_pyfunction!(decode, m)?)?;
    m.add_function(wrap_pyfunction!(merge, m)?)?;
    m.add("HoinghiError", m.py().get_type::<HoinghiError>())?;
    m.add("DecodeError", m.py().get_type::<DecodeError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
