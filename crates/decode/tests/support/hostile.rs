//! Hostile inputs probed while fuzzing (see FUZZING.md), generated at any size: the regression test
//! (`tests/regressions.rs`: the work each takes, counted, grows linearly) and the bench
//! (`examples/bench_hostile.rs`: the seconds each takes, printed) read the same shapes.
// Each of the two users reads a part of it.
#![allow(dead_code)]

use hoinghi_decode::{decode, repair_pasted};

/// One shape: how it is made at a size and what is called on it.
pub struct Shape {
    pub name: &'static str,
    /// The input with its repeated unit `n` times.
    pub input: fn(usize) -> Vec<u8>,
    /// The call the input made with `n` must come back from (text or an error, never a panic), with its own
    /// checks of the answer.
    pub call: fn(&[u8], usize),
    /// The size the fuzzing probed (the largest a user's file plausibly holds of the shape).
    pub n: usize,
}

fn nested_divs(n: usize) -> Vec<u8> {
    let mut page = b"<html><body>".to_vec();
    page.extend(b"<div>".repeat(n));
    page.extend("Hội nghị".as_bytes());
    page
}

fn nested_tables(n: usize) -> Vec<u8> {
    let mut tables = b"<table>".to_vec();
    tables.extend(b"<tr><td><table>".repeat(n));
    tables
}

fn html(bytes: &[u8], _: usize) {
    let _ = decode(bytes, "bai.html");
}

fn paragraphs(bytes: &[u8], _: usize) {
    // Either text or an error (one run-on "paragraph" may read as no article at all).
    if let Ok(d) = decode(bytes, "bai.htm") {
        assert!(d.text.contains("Nguyễn"));
    }
}

fn as_text(bytes: &[u8], _: usize) {
    let _ = decode(bytes, "bai.txt");
    let _ = decode(bytes, "bai");
}

fn pasted(bytes: &[u8], _: usize) {
    let text = std::str::from_utf8(bytes).expect("UTF-8");
    if let Some(r) = repair_pasted(text) {
        assert!(!r.text.is_empty());
    }
}

/// `n` text runs of a PDF's layer, every line at its own spacing and start.
fn pdf_items(n: usize) -> Vec<String> {
    (0..n)
        .map(|i| {
            format!("[\"Hội nghị {i}\",{},{},{},10]", i % 97, 1e6 - (i as u64 * i as u64 % 7919) as f64, 40 + i % 13)
        })
        .collect()
}

fn pdf_one_page(n: usize) -> Vec<u8> {
    format!("{{\"hoinghi_pdf_text\":1,\"pages\":[{{\"items\":[{}]}}]}}", pdf_items(n).join(",")).into_bytes()
}

fn pdf_pages(n: usize) -> Vec<u8> {
    let pages: Vec<String> = pdf_items(n).chunks(100).map(|c| format!("{{\"items\":[{}]}}", c.join(","))).collect();
    format!("{{\"hoinghi_pdf_text\":1,\"pages\":[{}]}}", pages.join(",")).into_bytes()
}

fn pdf(bytes: &[u8], n: usize) {
    let text = decode(bytes, "a.pdf").expect("text").text;
    assert!(text.contains(&format!("Hội nghị {}", n - 1)), "the last run is in the text");
}

/// Every shape, at the size the fuzzing probed.
pub const SHAPES: &[Shape] = &[
    Shape { name: "nested divs", input: nested_divs, call: html, n: 100_000 },
    Shape { name: "nested tables", input: nested_tables, call: html, n: 20_000 },
    Shape { name: "entities", input: |n| b"&amp;".repeat(n), call: html, n: 400_000 },
    Shape { name: "paragraphs", input: |n| "<p>Nguy&#7877;n ".repeat(n).into_bytes(), call: paragraphs, n: 100_000 },
    Shape { name: "upper-half bytes", input: |n| (128u8..=255).cycle().take(n).collect(), call: as_text, n: 2_000_000 },
    Shape { name: "mojibake paste", input: |n| "B¶o Th¾ng ".repeat(n).into_bytes(), call: pasted, n: 200_000 },
    // 200,000 runs on one page and on 2,000: the paragraph rules stay linear.
    Shape { name: "PDF runs, one page", input: pdf_one_page, call: pdf, n: 200_000 },
    Shape { name: "PDF runs, 100 a page", input: pdf_pages, call: pdf, n: 200_000 },
];
