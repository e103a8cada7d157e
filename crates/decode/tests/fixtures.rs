//! Every fixture in tests/fixtures/ (made by tests/fixtures/make_fixtures.py from the dev
//! articles) decodes to the text of the plain .txt; every bad input gives its error.

use hoinghi_decode::{decode, repair_pasted, DecodeError, Encoding, Format, MAX_FILE_BYTES};
use std::path::PathBuf;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

fn read(rel: &str) -> Vec<u8> {
    std::fs::read(dir().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Whitespace-normalised lines: runs of spaces (NBSP too) collapsed, blank lines dropped.
fn norm(s: &str) -> Vec<String> {
    s.lines()
        .map(|l| l.split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect()
}

fn plain(article: &str) -> Vec<String> {
    norm(&String::from_utf8(read(&format!("plain/{article}.txt"))).unwrap())
}

/// TCVN3 text can't hold a capital toned letter mid-sentence (`Chủ tịch Ủy ban`): such a letter may
/// come back in lower case, and nothing else may differ. Returns how many did.
fn eq_but_tcvn3_capitals(file: &str, want: &[String], got: &[String]) -> usize {
    assert_eq!(want.len(), got.len(), "{file}: line count\n{got:#?}");
    let mut lowered = 0;
    for (w, g) in want.iter().zip(got) {
        let (wc, gc): (Vec<char>, Vec<char>) = (w.chars().collect(), g.chars().collect());
        assert_eq!(wc.len(), gc.len(), "{file}:\n want {w}\n  got {g}");
        for (a, b) in wc.iter().zip(&gc) {
            if a != b {
                let lower = a.to_lowercase().next().unwrap();
                assert!(!a.is_ascii() && a.is_uppercase() && *b == lower, "{file}:\n want {w}\n  got {g}");
                lowered += 1;
            }
        }
    }
    lowered
}

const TEXT_CASES: &[(&str, &str, Encoding, Format)] = &[
    ("text/000.tcvn3.txt", "000", Encoding::Tcvn3, Format::Text),
    ("text/001.tcvn3.txt", "001", Encoding::Tcvn3, Format::Text),
    ("text/002.tcvn3.txt", "002", Encoding::Tcvn3, Format::Text),
    ("text/003.tcvn3.txt", "003", Encoding::Tcvn3, Format::Text),
    ("text/004.tcvn3.txt", "004", Encoding::Tcvn3, Format::Text),
    ("text/000.vni.txt", "000", Encoding::Vni, Format::Text),
    ("text/001.vni.txt", "001", Encoding::Vni, Format::Text),
    ("text/002.vni.txt", "002", Encoding::Vni, Format::Text),
    ("text/003.vni.txt", "003", Encoding::Vni, Format::Text),
    ("text/004.vni.txt", "004", Encoding::Vni, Format::Text),
    ("text/000.cp1258.txt", "000", Encoding::Windows1258, Format::Text),
    ("text/001.cp1258.txt", "001", Encoding::Windows1258, Format::Text),
    ("text/002.cp1258.txt", "002", Encoding::Windows1258, Format::Text),
    ("text/003.cp1258.txt", "003", Encoding::Windows1258, Format::Text),
    ("text/004.cp1258.txt", "004", Encoding::Windows1258, Format::Text),
    ("text/000.nfd.txt", "000", Encoding::Utf8, Format::Text),
    ("text/001.nfd.txt", "001", Encoding::Utf8, Format::Text),
    ("text/002.nfd.txt", "002", Encoding::Utf8, Format::Text),
    ("text/003.nfd.txt", "003", Encoding::Utf8, Format::Text),
    ("text/004.nfd.txt", "004", Encoding::Utf8, Format::Text),
    ("text/000.utf8bom.txt", "000", Encoding::Utf8, Format::Text),
    ("text/001.utf8bom.txt", "001", Encoding::Utf8, Format::Text),
    ("text/002.utf8bom.txt", "002", Encoding::Utf8, Format::Text),
    ("text/003.utf8bom.txt", "003", Encoding::Utf8, Format::Text),
    ("text/004.utf8bom.txt", "004", Encoding::Utf8, Format::Text),
    ("text/000.utf16le.txt", "000", Encoding::Utf16Le, Format::Text),
    ("text/003.utf16le.txt", "003", Encoding::Utf16Le, Format::Text),
    ("text/001.utf16be.txt", "001", Encoding::Utf16Be, Format::Text),
    ("text/004.utf16le-nobom.txt", "004", Encoding::Utf16Le, Format::Text),
    ("text/002.tcvn3-mojibake.txt", "002", Encoding::Utf8, Format::Text),
    ("text/003.vni-mojibake.txt", "003", Encoding::Utf8, Format::Text),
    ("plain/000.txt", "000", Encoding::Utf8, Format::Text),
    ("docx/000.docx", "000", Encoding::Utf8, Format::Docx),
    ("docx/001.docx", "001", Encoding::Utf8, Format::Docx),
    ("docx/002.docx", "002", Encoding::Utf8, Format::Docx),
    ("docx/003.docx", "003", Encoding::Utf8, Format::Docx),
    ("docx/004.docx", "004", Encoding::Utf8, Format::Docx),
    ("docx/000.vntime.docx", "000", Encoding::Tcvn3, Format::Docx),
    ("docx/003.vntime.docx", "003", Encoding::Tcvn3, Format::Docx),
    ("docx/001.vni.docx", "001", Encoding::Vni, Format::Docx),
];

#[test]
fn every_fixture_decodes_to_its_article() {
    let mut failures = Vec::new();
    for &(file, article, encoding, format) in TEXT_CASES {
        let d = match decode(&read(file), file) {
            Ok(d) => d,
            Err(e) => {
                failures.push(format!("{file}: {e}"));
                continue;
            }
        };
        assert_eq!((d.format, d.encoding), (format, encoding), "{file}: {:?}", d.notes);
        assert!(unicode_normalization::is_nfc(&d.text), "{file}: not NFC");
        let (want, got) = (plain(article), norm(&d.text));
        let legacy_plain_tcvn3 = file.contains("tcvn3") && format == Format::Text;
        if legacy_plain_tcvn3 {
            let lowered = eq_but_tcvn3_capitals(file, &want, &got);
            eprintln!("{file}: {lowered} mid-sentence capitals come back lower case");
            assert!(lowered <= 4, "{file}: {lowered} capitals lost");
            assert!(d.notes.iter().any(|n| n.contains("TCVN3")), "{file}: {:?}", d.notes);
        } else if want != got {
            let at = want.iter().zip(&got).position(|(a, b)| a != b).unwrap_or(want.len().min(got.len()));
            failures.push(format!("{file}: line {at}\n want {:?}\n  got {:?}", want.get(at), got.get(at)));
        }
        match encoding {
            Encoding::Tcvn3 | Encoding::Vni | Encoding::Windows1258 => {
                assert!(!d.notes.is_empty(), "{file}: a legacy encoding must be noted")
            }
            _ => {}
        }
        if file.contains("mojibake") || file.contains("nfd") {
            assert!(!d.notes.is_empty(), "{file}: the repair must be noted");
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn web_pages_give_the_article_lines_only() {
    let mut failures = Vec::new();
    for (n, encoding) in [
        ("000", Encoding::Utf8),
        ("001", Encoding::Windows1258),
        ("002", Encoding::Utf8),
        ("003", Encoding::Vni),
        ("004", Encoding::Utf8),
    ] {
        let file = format!("html/{n}.html");
        let d = decode(&read(&file), &file).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!((d.format, d.encoding), (Format::Html, encoding), "{file}");
        let want = norm(&String::from_utf8(read(&format!("html/{n}.expected.txt"))).unwrap());
        let got = norm(&d.text);
        // Blank line between paragraphs.
        assert!(!d.text.contains("\n\n\n") && d.text.lines().count() == 2 * got.len() - 1, "{file}");
        if want != got {
            failures.push(format!("{file}:\n--- want\n{}\n--- got\n{}", want.join("\n"), got.join("\n")));
        }
        // And every line is a line of the plain article.
        let all = plain(n);
        for l in &got {
            assert!(all.contains(l), "{file}: {l}");
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn word_tables_in_document_order() {
    let d = decode(&read("docx/table.docx"), "table.docx").unwrap();
    assert_eq!(
        norm(&d.text),
        [
            "Danh sách đại biểu dự hội nghị:",
            "Họ và tên",
            "Chức vụ",
            "Nguyễn Đức Tuy",
            "Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Dân vận Tỉnh ủy",
            "Hội nghị kết thúc lúc 17 giờ."
        ]
    );
}

const BAD_CASES: &[(&str, &str)] = &[
    ("bad/empty.txt", "empty"),
    ("bad/blank.txt", "empty"),
    ("bad/photo.txt", "binary"),
    ("bad/program.txt", "binary"),
    ("bad/old.doc", "legacy-doc"),
    ("bad/report.pdf", "pdf"),
    ("bad/truncated.docx", "broken-zip"),
    ("bad/bomb.docx", "zip-bomb"),
    ("bad/sheet.docx", "not-docx"),
    ("bad/no-article.html", "no-article"),
];

#[test]
fn bad_inputs_give_their_error() {
    for &(file, kind) in BAD_CASES {
        let err = decode(&read(file), file).expect_err(file);
        assert_eq!(err.kind(), kind, "{file}: {err}");
        let msg = err.describe(file);
        assert!(msg.contains(file) && msg.len() > 40, "{msg}");
    }
    assert_eq!(
        decode(&read("bad/old.doc"), "old.doc").unwrap_err().to_string(),
        "Tệp .doc (Word cũ) chưa đọc được: hãy mở bằng Word và lưu lại thành .docx."
    );
    // A PDF's own bytes: only the page reads PDFs (through its text layer); the message says where to go.
    assert!(decode(&read("bad/report.pdf"), "a.pdf").unwrap_err().to_string().contains("Trang Hội Nghị"));
}

#[test]
fn too_large_is_refused_before_reading() {
    let big = vec![b'a'; MAX_FILE_BYTES + 1];
    let err = decode(&big, "big.txt").unwrap_err();
    assert!(
        matches!(err, DecodeError::TooLarge { size, limit } if size == MAX_FILE_BYTES + 1 && limit == MAX_FILE_BYTES)
    );
    assert!(err.to_string().contains("MB"));
}

#[test]
fn zip_bomb_with_a_lying_size_is_still_stopped() {
    let mut bomb = read("bad/bomb.docx");
    // Claim the 12 MB part is 100 bytes, in both headers.
    let real = bomb
        .windows(4)
        .map(|w| u32::from_le_bytes([w[0], w[1], w[2], w[3]]))
        .find(|&v| v > 12 * 1024 * 1024 && v < 13 * 1024 * 1024)
        .unwrap();
    let (from, to) = (real.to_le_bytes(), 100u32.to_le_bytes());
    for i in 0..bomb.len() - 4 {
        if bomb[i..i + 4] == from {
            bomb[i..i + 4].copy_from_slice(&to);
        }
    }
    assert_eq!(decode(&bomb, "bomb.docx").unwrap_err().kind(), "zip-bomb");
}

/// Cut every fixture at many points and flip bytes: always an answer, never a panic.
#[test]
fn damaged_files_never_panic() {
    let mut files: Vec<String> = TEXT_CASES.iter().map(|c| c.0.to_string()).collect();
    files.extend(BAD_CASES.iter().map(|c| c.0.to_string()));
    files.extend((0..5).map(|n| format!("html/00{n}.html")));
    files.push("docx/table.docx".into());
    let mut seed = 0x2545_F491u32;
    // (The bomb has its own tests; inflating it hundreds of times only slows this one.)
    for file in files.iter().filter(|f| !f.contains("bomb")) {
        let data = read(file);
        for k in 1..10 {
            let cut = data.len() * k / 10;
            let _ = decode(&data[..cut], file);
            let mut flipped = data.clone();
            for _ in 0..8 {
                seed ^= seed << 13;
                seed ^= seed >> 17;
                seed ^= seed << 5;
                if !flipped.is_empty() {
                    let at = seed as usize % flipped.len();
                    flipped[at] ^= (seed >> 8) as u8 | 1;
                }
            }
            let _ = decode(&flipped, file);
        }
    }
}

#[test]
fn folder_drops_pick_files_by_name() {
    for f in ["a.txt", "b.HTML", "c.htm", "d.docx", "e.PDF"] {
        assert!(hoinghi_decode::is_supported(f) && hoinghi_decode::skip_reason(f).is_none(), "{f}");
    }
    for f in ["a.jpg", "b.doc", "README", "e.xlsx"] {
        assert!(!hoinghi_decode::is_supported(f) && hoinghi_decode::skip_reason(f).is_some(), "{f}");
    }
    // A picture renamed .docx is named as what it is.
    let png = read("bad/photo.txt");
    assert_eq!(decode(&png, "anh.docx").unwrap_err().kind(), "binary");
    assert_eq!(decode(b"just text", "x.docx").unwrap_err().kind(), "broken-zip");
}

#[test]
fn pasted_mojibake_is_repaired() {
    let r = repair_pasted("B¶o Th¾ng").unwrap();
    assert_eq!((r.text.as_str(), r.encoding), ("Bảo Thắng", Encoding::Tcvn3));
    let r = repair_pasted("Ñoàng chí Nguyeãn Ñöùc Tuy - UÛy vieân Ban Thöôøng vuï Tænh uûy").unwrap();
    assert_eq!(
        (r.text.as_str(), r.encoding),
        ("Đồng chí Nguyễn Đức Tuy - Ủy viên Ban Thường vụ Tỉnh ủy", Encoding::Vni)
    );
    assert!(r.note.contains("VNI"));
    for fine in ["Bảo Thắng", "Hội nghị giao ban công tác dân vận", "UBND tỉnh", "Café crème à Paris", ""]
    {
        assert_eq!(repair_pasted(fine), None, "{fine}");
    }
}

#[test]
fn vntime_page_saved_as_utf8_is_repaired() {
    use hoinghi_decode::legacy::{encode, Legacy};
    let body = "Chiều ngày 17/6/2024, Ban Dân vận Tỉnh ủy tổ chức Hội nghị giao ban công tác dân vận 6 tháng đầu năm và triển khai công tác dân vận 6 tháng cuối năm 2024 với Mặt trận Tổ quốc.";
    let surface: String = encode(body, Legacy::Tcvn3).iter().map(|&b| b as char).collect();
    let html = format!(
        "<html><head><meta charset=\"utf-8\"></head><body><h1>Héi nghÞ</h1><div class=\"content\"><p><font face=\".VnTime\">{surface}</font></p></div></body></html>"
    );
    let d = decode(html.as_bytes(), "trang.html").unwrap();
    assert_eq!(d.text, format!("Hội nghị\n\n{body}"));
    assert!(d.notes.iter().any(|n| n.contains("TCVN3")), "{:?}", d.notes);
}
