//! Hostile inputs probed while fuzzing (see FUZZING.md): each must come back quickly with text or
//! an error, never a panic, a hang or a blow-up in memory. None of these failed; they stay as
//! guards for the shapes a coverage-guided fuzzer with short inputs does not reach.

use std::time::{Duration, Instant};

use hoinghi_decode::{decode, repair_pasted};

fn quick<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let t = Instant::now();
    let out = f();
    assert!(t.elapsed() < Duration::from_secs(30), "{what} took {:?}", t.elapsed());
    out
}

#[test]
fn deeply_nested_html() {
    let mut page = b"<html><body>".to_vec();
    page.extend(b"<div>".repeat(100_000));
    page.extend("Hội nghị".as_bytes());
    let _ = quick("nested divs", || decode(&page, "bai.html"));
    let mut tables = b"<table>".to_vec();
    tables.extend(b"<tr><td><table>".repeat(20_000));
    let _ = quick("nested tables", || decode(&tables, "bai.html"));
}

#[test]
fn entity_and_paragraph_floods() {
    let amp = b"&amp;".repeat(400_000);
    let _ = quick("entities", || decode(&amp, "bai.html"));
    let paras = "<p>Nguy&#7877;n ".repeat(100_000);
    // Either text or an error (one run-on "paragraph" may read as no article at all).
    if let Ok(d) = quick("paragraphs", || decode(paras.as_bytes(), "bai.htm")) {
        assert!(d.text.contains("Nguyễn"));
    }
}

#[test]
fn upper_half_bytes_as_text() {
    let bytes: Vec<u8> = (128u8..=255).cycle().take(2_000_000).collect();
    let _ = quick("upper half", || decode(&bytes, "bai.txt"));
    let _ = quick("upper half, no name", || decode(&bytes, "bai"));
}

#[test]
fn long_mojibake_paste() {
    let text = "B¶o Th¾ng ".repeat(200_000);
    let r = quick("paste", || repair_pasted(&text));
    if let Some(r) = r {
        assert!(!r.text.is_empty());
    }
}

#[test]
fn not_a_zip_named_docx() {
    for bytes in [&b"PK\x03\x04"[..], b"PK\x05\x06", b"PK\x03\x04\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff"] {
        assert!(decode(bytes, "bai.docx").is_err());
        assert!(decode(bytes, "bai.txt").is_err());
    }
}

#[test]
fn pdf_text_layer_floods() {
    // 200,000 runs, every line at its own spacing and start, on one page and on 2,000: the paragraph rules stay linear.
    let items: Vec<String> = (0..200_000)
        .map(|i| {
            format!("[\"Hội nghị {i}\",{},{},{},10]", i % 97, 1e6 - (i as u64 * i as u64 % 7919) as f64, 40 + i % 13)
        })
        .collect();
    let one_page = format!("{{\"hoinghi_pdf_text\":1,\"pages\":[{{\"items\":[{}]}}]}}", items.join(","));
    let text = quick("one page", || decode(one_page.as_bytes(), "a.pdf")).expect("text").text;
    assert!(text.contains("Hội nghị 199999"));
    let pages: Vec<String> = items.chunks(100).map(|c| format!("{{\"items\":[{}]}}", c.join(","))).collect();
    let many = format!("{{\"hoinghi_pdf_text\":1,\"pages\":[{}]}}", pages.join(","));
    let _ = quick("2,000 pages", || decode(many.as_bytes(), "a.pdf"));
}
