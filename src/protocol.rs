//! What the extraction worker does with one article, and what it answers: decoding and extraction run
//! off the page's thread (`src/bin/hoinghi-worker.rs`), so the page's own wasm carries neither the
//! extractor nor the decoders and never blocks while hundreds of articles load.

use hoinghi_core::{Published, PublishedFrom, Record};
use serde::{Deserialize, Serialize};

/// The worker's answer for one article: a record, or the reason in Vietnamese naming the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Extracted {
    pub record: Option<Record>,
    pub error: Option<String>,
    pub note: Option<String>,
}

/// The worker's answer as the page reads it: the record read from its JSON, which the worker sends apart
/// (`split`) so that the page hands that string on to its storage and to the merge worker as it got it,
/// without writing the record again or copying it out of its wasm (at thousands of articles, writing every
/// record twice more, and copying it out twice, was a good part of the page's own work).
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub record: Option<Record>,
    pub error: Option<String>,
    pub note: Option<String>,
}

/// An [`Extracted`] as the worker sends it to the page: the JSON of the rest, and the record's JSON.
pub fn split(mut out: Extracted) -> (String, Option<String>) {
    let record = out.record.take().map(|r| serde_json::to_string(&r).unwrap_or_default());
    (serde_json::to_string(&out).unwrap_or_default(), record)
}

/// Reads the worker's answer: the JSON of an [`Extracted`] (its record, if any, is read too) and the record's
/// JSON sent apart ([`split`]).
pub fn read_answer(json: &str, record_json: Option<&str>) -> Result<Answer, String> {
    let Extracted { record, error, note } = serde_json::from_str(json).map_err(|e| crate::model::json_fault(&e))?;
    let record = match record_json {
        // Read as a str: `from_slice` would build a second reader of every record type into the page's wasm.
        Some(r) => Some(serde_json::from_str::<Record>(r).map_err(|e| crate::model::json_fault(&e))?),
        None => record,
    };
    Ok(Answer { record, error, note })
}

/// Pasted or typed text: repaired when it is TCVN3/VNI mojibake (`pasted`), then extracted.
pub fn from_text(name: &str, text: &str, pasted: bool) -> Extracted {
    from_text_with_progress(name, text, pasted, &mut |_| {})
}

/// [`from_text`], telling `progress` the fraction of the extraction done ([`hoinghi_core::extract_with_progress`]).
pub fn from_text_with_progress(name: &str, text: &str, pasted: bool, progress: &mut dyn FnMut(f64)) -> Extracted {
    if text.trim().is_empty() {
        return Extracted {
            record: None,
            error: Some("Ô dán đang trống: không có bài nào để thêm.".into()),
            note: None,
        };
    }
    match pasted.then(|| hoinghi_decode::repair_pasted(text)).flatten() {
        Some(r) => extracted(name, &r.text, None, Some(r.note), progress),
        None => extracted(name, text, None, None, progress),
    }
}

/// A file's bytes: decoded (any Vietnamese encoding, web page, Word), then extracted.
pub fn from_bytes(name: &str, bytes: &[u8]) -> Extracted {
    from_bytes_with_progress(name, bytes, &mut |_| {})
}

/// [`from_bytes`], telling `progress` the fraction of the extraction done ([`hoinghi_core::extract_with_progress`]).
pub fn from_bytes_with_progress(name: &str, bytes: &[u8], progress: &mut dyn FnMut(f64)) -> Extracted {
    match hoinghi_decode::decode(bytes, name) {
        Ok(d) => {
            // A saved page's metadata dates it when its text shows no date line (the text's line wins in the core).
            let page = d.published.as_deref().and_then(hoinghi_core::dates::stamp);
            let published = page.map(|stamp| Published { stamp, from: PublishedFrom::PageMetadata });
            extracted(name, &d.text, published, (!d.notes.is_empty()).then(|| d.notes.join("; ")), progress)
        }
        Err(e) => Extracted { record: None, error: Some(e.describe(name)), note: None },
    }
}

fn extracted(
    name: &str,
    text: &str,
    published: Option<Published>,
    note: Option<String>,
    progress: &mut dyn FnMut(f64),
) -> Extracted {
    let mut record = hoinghi_core::extract_with_progress(text, published, &mut |p| progress(p.fraction));
    record.source = Some(name.to_string());
    Extracted { record: Some(record), error: None, note }
}

/// The worker's answer to a bench message (`make bench`'s wasm row): the extractor alone over `texts`,
/// `rounds` timed passes after one warm-up pass, as `crates/core/examples/bench_corpus.rs` does natively.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bench {
    /// UTF-8 bytes of one pass.
    pub bytes: usize,
    pub rounds: u32,
    /// Milliseconds for all the timed rounds.
    pub ms: f64,
    /// Officials found in one pass.
    pub officials: usize,
    /// The size of the wasm linear memory after the run (it only grows, so this is its peak); set by the worker.
    pub wasm_memory_bytes: u64,
}

/// Times `rounds` passes of `hoinghi_core::extract` over `texts` with the clock `now` (milliseconds).
pub fn bench(texts: &[String], rounds: u32, now: impl Fn() -> f64) -> Bench {
    // Warm-up: the lexicons and regexes are built on first use, and this pass counts the officials.
    let officials = texts.iter().map(|t| hoinghi_core::extract(t, None).officials.len()).sum();
    let start = now();
    for _ in 0..rounds {
        for t in texts {
            std::hint::black_box(hoinghi_core::extract(t, None));
        }
    }
    let ms = now() - start;
    Bench { bytes: texts.iter().map(String::len).sum(), rounds, ms, officials, wasm_memory_bytes: 0 }
}

/// Why a file is not read at all (by its name or size), in Vietnamese naming it.
pub fn refuse_file(name: &str, size: usize) -> Option<String> {
    refuse_name(name).or_else(|| {
        // The message alone, not `DecodeError::describe`: that links every decoding error's text into the page.
        (size > hoinghi_decode::MAX_FILE_BYTES)
            .then(|| format!("«{name}»: {}", hoinghi_decode::too_large(size, hoinghi_decode::MAX_FILE_BYTES)))
    })
}

/// Why a file is not sent to the worker, by its name alone (the worker checks the size before reading it).
pub fn refuse_name(name: &str) -> Option<String> {
    hoinghi_decode::skip_reason(name).map(|reason| format!("“{name}”: {reason}"))
}

/// What reading a file handed to the worker unread gave. The worker streams it (asking its size would cost a
/// synchronous call to the browser for every file) and stops once it is over [`hoinghi_decode::MAX_FILE_BYTES`].
#[derive(Debug, Clone, PartialEq)]
pub enum FileRead {
    Bytes(Vec<u8>),
    /// Over the limit: its size, asked for only then.
    TooLarge(usize),
    /// The browser's reason for not giving the bytes.
    Refused(String),
}

/// A file handed to the worker unread (a `File` or `Blob`), as read: extracted, or why not.
pub fn from_file_read(name: &str, read: FileRead, progress: &mut dyn FnMut(f64)) -> Extracted {
    let failed = |error| Extracted { record: None, error: Some(error), note: None };
    match read {
        FileRead::Bytes(bytes) => from_bytes_with_progress(name, &bytes, progress),
        FileRead::TooLarge(size) => {
            failed(hoinghi_decode::DecodeError::TooLarge { size, limit: hoinghi_decode::MAX_FILE_BYTES }.describe(name))
        }
        FileRead::Refused(why) => failed(format!("“{name}”: trình duyệt không cho đọc tệp ({why}); hãy chọn lại tệp.")),
    }
}

/// A text that crossed between threads or was stored: a string, its UTF-8 bytes (how the workers send text: a JS
/// string of Vietnamese is UTF-16, converted at each crossing), or a list of such parts, joined; `None` for
/// anything else, or bytes that are not UTF-8.
pub fn text_of(value: &wasm_bindgen::JsValue) -> Option<String> {
    use wasm_bindgen::JsCast;
    if let Some(parts) = value.dyn_ref::<js_sys::Array>() {
        let mut text = String::new();
        for part in parts.iter() {
            text += &text_of(&part)?;
        }
        return Some(text);
    }
    match value.as_string() {
        Some(text) => Some(text),
        None => String::from_utf8(value.dyn_ref::<js_sys::Uint8Array>()?.to_vec()).ok(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_bytes_and_refusals() {
        let text = include_str!("../public/samples/000_a1b6cc5c598c13a5.txt");
        let a = from_text("a.txt", text, true);
        let b = from_bytes("a.txt", text.as_bytes());
        assert_eq!(a.record, b.record);
        assert_eq!(a.record.as_ref().unwrap().source.as_deref(), Some("a.txt"));
        assert!(from_text("x", "  ", false).error.is_some());
        assert!(from_bytes("x.txt", b"").error.unwrap().contains("x.txt"));
        assert!(refuse_file("cu.doc", 10).unwrap().contains("cu.doc"));
        assert!(refuse_file("to.txt", 100 << 20).unwrap().contains("to.txt"));
        assert!(refuse_file("bai.txt", 10).is_none());
        assert_eq!(refuse_name("cu.doc"), refuse_file("cu.doc", 10));
        assert!(refuse_name("to.txt").is_none());
        // A file read in the worker: its bytes extracted, refused over the limit, or the browser's refusal.
        let read = from_file_read("a.txt", FileRead::Bytes(text.as_bytes().to_vec()), &mut |_| {});
        assert_eq!(read.record, b.record);
        let over = from_file_read("to.txt", FileRead::TooLarge(100 << 20), &mut |_| {});
        assert!(over.error.unwrap().contains("to.txt"));
        let denied = from_file_read("a.txt", FileRead::Refused("NotReadableError".into()), &mut |_| {});
        assert!(denied.error.unwrap().contains("NotReadableError"));
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(serde_json::from_str::<Extracted>(&json).unwrap(), a);
    }

    /// The answer read on the page, split by the worker (the record's JSON apart) or whole, holds the record,
    /// the error and the note; the stored form the page builds from the record's JSON
    /// (`browser::stored_article`: `{"name":…,"record":…,"note":…}`) reads back as `model::article_json` stores.
    #[test]
    fn answers_split_by_the_worker_read_as_whole_ones() {
        use crate::model::{article_json, read_stored, Article};
        use std::sync::Arc;
        let text = include_str!("../public/samples/000_a1b6cc5c598c13a5.txt");
        let cases = [
            from_text("a.txt", text, false),
            Extracted { note: Some("đã đổi từ TCVN3".into()), ..from_text("b “c”.txt", text, false) },
            from_text("x", " ", false),
        ];
        for extracted in cases {
            let whole = read_answer(&serde_json::to_string(&extracted).unwrap(), None).unwrap();
            let (meta, record_json) = split(extracted.clone());
            let answer = read_answer(&meta, record_json.as_deref()).unwrap();
            assert_eq!(answer, whole);
            assert_eq!(answer.record, extracted.record);
            assert_eq!((&answer.error, &answer.note), (&extracted.error, &extracted.note));
            let (Some(record), Some(json)) = (answer.record, record_json) else {
                assert!(answer.error.is_some());
                continue;
            };
            let name = record.source.clone().unwrap();
            let quoted = |s: &str| serde_json::to_string(s).unwrap();
            let note = answer.note.as_deref().map(|n| format!(",\"note\":{}", quoted(n))).unwrap_or_default();
            let stored = format!("{{\"name\":{},\"record\":{json}{note}}}", quoted(&name));
            let article = Article { name, record: Some(Arc::new(record)), error: None, note: answer.note.clone() };
            assert_eq!(
                read_stored(vec![stored], "x").unwrap(),
                read_stored(vec![article_json(&article)], "x").unwrap()
            );
        }
        assert!(read_answer("{", None).is_err());
        assert!(read_answer(&split(from_text("x", " ", false)).0, Some("{")).is_err());
    }

    #[test]
    fn a_saved_page_is_dated_by_its_metadata() {
        let page = r#"<html><head><meta property="article:published_time" content="2025-11-01T18:30:00Z"></head>
            <body><div class=detail><h1>Hội nghị giao ban</h1><p>Sáng nay, Ban Dân vận Tỉnh ủy tổ chức Hội nghị giao ban công tác dân vận, có dấu phẩy.</p></div></body></html>"#;
        let record = from_bytes("a.html", page.as_bytes()).record.unwrap();
        assert_eq!(record.published.as_deref(), Some("2025-11-02T01:30"));
        assert_eq!(record.published_from, Some(PublishedFrom::PageMetadata));
        assert_eq!(record.meetings[0].date.as_deref(), Some("2025-11-02"));
    }

    #[test]
    fn bench_counts_one_pass_and_times_the_rounds() {
        let text = include_str!("../public/samples/000_a1b6cc5c598c13a5.txt");
        let started = std::time::Instant::now();
        let b = bench(&[text.to_string(), text.to_string()], 3, || started.elapsed().as_secs_f64() * 1e3);
        let found = from_text("a.txt", text, false).record.unwrap().officials.len();
        assert!(found > 0);
        assert_eq!((b.bytes, b.rounds, b.officials), (2 * text.len(), 3, 2 * found));
        assert!(b.ms > 0.0);
    }
}
