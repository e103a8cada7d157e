//! Every fixture in `tests/fixtures/` (the dev articles as .docx, saved web pages, and text in
//! TCVN3, VNI, Windows-1258, UTF-16 and NFD) extracts to the same officials, titles, meetings and
//! documents as the plain-text article it was made from; every bad input is refused with a message.

use std::path::{Path, PathBuf};

use hoinghi_core::{extract, Record};

/// Capitals in mid-sentence are lost in plain TCVN3 text (its base font has none), so one title
/// comes back as "Chủ tịch ủy ban ...": a known limit of the encoding, not of the decoder.
const KNOWN_DIFFERENT: [&str; 1] = ["000.tcvn3.txt"];

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

/// What must match between a fixture and its plain-text article: (name, titles), document numbers, (date, chairs).
type Key = (Vec<(String, Vec<String>)>, Vec<String>, Vec<(Option<String>, Vec<String>)>);

fn key(r: &Record) -> Key {
    let mut officials: Vec<_> = r.officials.iter().map(|o| (o.name.clone(), o.titles.clone())).collect();
    officials.sort();
    let mut documents: Vec<_> = r.documents.iter().map(|d| d.number.clone()).collect();
    documents.sort();
    (officials, documents, r.meetings.iter().map(|m| (m.date.clone(), m.chairs.clone())).collect())
}

fn decoded(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).unwrap();
    let name = path.file_name().unwrap().to_string_lossy().to_string();
    hoinghi_decode::decode(&bytes, &name).map(|d| d.text).map_err(|e| e.describe(&name))
}

#[test]
fn every_format_extracts_like_the_plain_text() {
    let mut checked = 0;
    for dir in ["docx", "html", "text"] {
        let mut paths: Vec<_> = std::fs::read_dir(fixtures().join(dir)).unwrap().flatten().map(|e| e.path()).collect();
        paths.sort();
        for path in paths {
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            let plain = fixtures().join("plain").join(format!("{}.txt", &name[..3]));
            if name.ends_with(".expected.txt") || !plain.exists() || KNOWN_DIFFERENT.contains(&name.as_str()) {
                continue;
            }
            let want = extract(&std::fs::read_to_string(&plain).unwrap(), None);
            let got = extract(&decoded(&path).unwrap(), None);
            assert_eq!(key(&got), key(&want), "{dir}/{name}");
            checked += 1;
        }
    }
    assert!(checked >= 30, "only {checked} fixtures checked");
}

#[test]
fn bad_inputs_are_refused_with_a_message() {
    for entry in std::fs::read_dir(fixtures().join("bad")).unwrap().flatten() {
        let err = decoded(&entry.path()).expect_err(&entry.path().display().to_string());
        assert!(err.len() > 20, "{err}");
    }
}

/// The CLI does not read PDFs (the page does, through pdf.js): each fixture PDF is refused with a message that
/// names the page, the scanned and the damaged ones too.
#[test]
fn pdfs_are_sent_to_the_page() {
    let mut seen = 0;
    for entry in std::fs::read_dir(fixtures().join("pdf")).unwrap().flatten() {
        if entry.path().extension().is_some_and(|e| e == "pdf") {
            let err = decoded(&entry.path()).expect_err(&entry.path().display().to_string());
            assert!(err.contains("Trang Hội Nghị"), "{err}");
            seen += 1;
        }
    }
    assert!(seen >= 5, "{seen} PDFs");
}

/// A saved page whose text shows no date line: the page's metadata is the publish date (`page_metadata`),
/// over `--published`; a page that shows its date line keeps it (`text`).
#[test]
fn a_saved_page_dates_itself_by_its_metadata() {
    let dir = std::env::temp_dir().join(format!("hoinghi-cli-meta-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let body = "<div class=detail><h1>Hội nghị giao ban</h1><p>Sáng nay, Ban Dân vận Tỉnh ủy tổ chức Hội nghị giao ban công tác dân vận, có dấu phẩy.</p></div>";
    let meta = r#"<meta property="article:published_time" content="2025-11-01T18:30:00Z">"#;
    // (file, page, published, published_from, the meeting's day)
    let cases = [
        ("meta.html", format!("<html><head>{meta}</head><body>{body}</body></html>"), "2025-11-02T01:30", "page_metadata", "2025-11-02"),
        (
            "line.html",
            format!("<html><head>{meta}</head><body><div class=detail><div class=date>Thứ hai, 03/11/2025 08:00</div>{body}</div></body></html>"),
            "2025-11-03T08:00",
            "text",
            "2025-11-03",
        ),
    ];
    for (file, page, published, from, day) in cases {
        let path = dir.join(file);
        std::fs::write(&path, page).unwrap();
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_hoinghi"))
            .args(["extract", "--published", "2024-06-17"])
            .arg(&path)
            .output()
            .unwrap();
        let record: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(record["published"], published, "{file}");
        assert_eq!(record["published_from"], from, "{file}");
        assert_eq!(record["meetings"][0]["date"], day, "{file}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
