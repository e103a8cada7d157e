//! `hoinghi extract --jsonl` and `-j`: rows in, records out in the inputs' order at any thread count; a bad
//! row is reported with its file and line and costs only itself.

use std::path::PathBuf;
use std::process::{Command, Output};

const ARTICLE: &str =
    "Thứ hai 17/06/2024 17:01\n\nChiều ngày 17/6/2024, Ban Dân vận Tỉnh ủy tổ chức Hội nghị giao ban. \
                       Đ/c Nguyễn Thị Phong Vũ - UVBTV Tỉnh ủy, Trưởng Ban Dân vận Tỉnh ủy chủ trì Hội nghị.";
const UNDATED: &str =
    "Sáng nay, Ban Dân vận Tỉnh ủy tổ chức Hội nghị giao ban. Đ/c Lê Văn Hùng, Phó Trưởng Ban chủ trì.";

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hoinghi-cli-jsonl-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn hoinghi(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hoinghi")).args(args).output().unwrap()
}

fn row(source: &str, text: &str, published: Option<&str>) -> String {
    serde_json::json!({ "source": source, "text": text, "published": published }).to_string()
}

#[test]
fn rows_come_out_in_order_and_bad_rows_are_named() {
    let dir = scratch("rows");
    let rows = dir.join("rows.jsonl");
    // (the line, the source printed for it or None when refused, the message on stderr for a refused row)
    let cases: [(String, Option<&str>, Option<&str>); 8] = [
        (row("a", ARTICLE, None), Some("a"), None),
        (r#"{"source": "b"}"#.into(), None, Some("rows.jsonl:2: not an article row {\"source\": ..., \"text\": ..., \"published\": ...}: missing field `text`")),
        (row("c", UNDATED, Some("2024-06-20")), Some("c"), None),
        (String::new(), None, None),
        ("not json".into(), None, Some("rows.jsonl:5: not an article row")),
        (row("f", UNDATED, Some("20/06/2024")), None, Some("rows.jsonl:6: published: `20/06/2024` is not a date")),
        (serde_json::json!({ "text": ARTICLE }).to_string(), Some("rows.jsonl:7"), None),
        (row("h", "", None), Some("h"), None),
    ];
    let content: Vec<&str> = cases.iter().map(|c| c.0.as_str()).collect();
    std::fs::write(&rows, content.join("\n")).unwrap();
    let rows = rows.to_string_lossy().to_string();
    let mut outputs = Vec::new();
    for jobs in ["1", "2", "5"] {
        let out = hoinghi(&["extract", "-j", jobs, "--jsonl", &rows]);
        assert_eq!(out.status.code(), Some(1), "a bad row makes the exit status 1");
        let stdout = String::from_utf8(out.stdout).unwrap();
        let sources: Vec<String> = stdout
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["source"].as_str().unwrap().to_string())
            .collect();
        let want: Vec<String> = cases.iter().filter_map(|c| c.1.map(|s| s.replace("rows.jsonl", &rows))).collect();
        assert_eq!(sources, want, "-j {jobs}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        let messages: Vec<&str> = stderr.lines().collect();
        let want: Vec<String> =
            cases.iter().filter_map(|c| c.2.map(|m| format!("hoinghi: {}", m.replace("rows.jsonl", &rows)))).collect();
        assert_eq!(messages.len(), want.len(), "{stderr}");
        for (got, want) in messages.iter().zip(&want) {
            assert!(got.starts_with(want.as_str()), "got {got}\nwant {want}");
        }
        outputs.push(stdout);
    }
    assert!(outputs.windows(2).all(|w| w[0] == w[1]), "the same records at any -j");
    // The row's own date for an undated text; the text's date line over it.
    let records: Vec<serde_json::Value> = outputs[0].lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(records[0]["published"], "2024-06-17T17:01");
    assert_eq!(records[1]["published"], "2024-06-20");
    assert_eq!(records[1]["published_from"], "argument");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn files_and_rows_mix_and_every_format_is_the_same_at_any_thread_count() {
    let dir = scratch("mix");
    let mut files = Vec::new();
    for i in 0..12 {
        let path = dir.join(format!("{i:02}.txt"));
        std::fs::write(&path, if i % 3 == 0 { ARTICLE } else { UNDATED }).unwrap();
        files.push(path.to_string_lossy().to_string());
    }
    let rows = dir.join("rows.jsonl");
    std::fs::write(&rows, format!("{}\n{}\n", row("r1", ARTICLE, None), row("r2", UNDATED, None))).unwrap();
    let missing = dir.join("missing.txt").to_string_lossy().to_string();
    let rows = rows.to_string_lossy().to_string();
    for format in ["jsonl", "json", "csv"] {
        let mut args = vec!["extract", "--format", format, "--published", "2024-06-01"];
        args.extend(files[..6].iter().map(String::as_str));
        args.extend(["--jsonl", &rows, &missing]);
        args.extend(files[6..].iter().map(String::as_str));
        let runs: Vec<Output> = ["1", "2", "7"].iter().map(|j| hoinghi(&[&args[..], &["-j", j]].concat())).collect();
        for out in &runs {
            assert_eq!(out.stdout, runs[0].stdout, "{format}");
            assert_eq!(out.stderr, runs[0].stderr, "{format}");
            assert_eq!(out.status.code(), Some(1), "{format}: the missing file");
        }
        let stdout = String::from_utf8(runs[0].stdout.clone()).unwrap();
        if format == "json" {
            let records: Vec<serde_json::Value> = serde_json::from_str(&stdout).unwrap();
            let sources: Vec<&str> = records.iter().map(|r| r["source"].as_str().unwrap()).collect();
            let mut want: Vec<&str> = files[..6].iter().map(String::as_str).collect();
            want.extend(["r1", "r2"]);
            want.extend(files[6..].iter().map(String::as_str));
            assert_eq!(sources, want);
        }
    }
    // No input that works: an empty array, still valid JSON.
    let out = hoinghi(&["extract", "--format", "json", &missing]);
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "[]\n");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn rows_from_standard_input() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_hoinghi"))
        .args(["extract", "--jsonl", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let input = format!("{}\r\n{{\"text\": 1}}\n", row("s", ARTICLE, None));
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 1);
    assert!(String::from_utf8(out.stderr).unwrap().starts_with("hoinghi: stdin:2: not an article row"));
}
