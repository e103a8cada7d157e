//! Throughput of `extract` over a folder tree of articles, single thread, warm:
//! `cargo run --release -p hoinghi-core --example bench_corpus -- ../shared/corpus [ROUNDS]`.
//! Prints MB/s and the process's peak resident memory (VmHWM).

use std::path::{Path, PathBuf};
use std::time::Instant;

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
}

fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status.lines().find(|l| l.starts_with("VmHWM:"))?.split_whitespace().nth(1)?.parse().ok()
}

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "../shared/corpus".into());
    let rounds: usize = std::env::args().nth(2).and_then(|r| r.parse().ok()).unwrap_or(5);
    let mut paths = Vec::new();
    files(Path::new(&dir), &mut paths);
    let texts: Vec<String> = paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    // Warm-up: lexicons and regexes are built once per process.
    let mut found = 0;
    for t in &texts {
        found += hoinghi_core::extract(t, None).officials.len();
    }
    let start = Instant::now();
    for _ in 0..rounds {
        for t in &texts {
            std::hint::black_box(hoinghi_core::extract(t, None));
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let mb = (bytes * rounds) as f64 / 1e6;
    println!(
        "articles: {} ({:.2} MB), rounds: {rounds}, officials found per round: {found}",
        texts.len(),
        bytes as f64 / 1e6
    );
    println!("throughput: {:.1} MB/s ({:.3} s per round)", mb / secs, secs / rounds as f64);
    if let Some(kb) = peak_rss_kb() {
        println!("peak RSS: {:.1} MB", kb as f64 / 1024.0);
    }
}
