//! The page's filters natively at thousands of articles (the page runs the same code in wasm, 2–3× slower):
//! `cargo run --release --example bench_filters -- ../shared/corpus 5000`. Makes N distinct articles from the
//! corpus as `tests/e2e/corpus.js` does (each copy after the first with a line of its own), extracts and merges
//! them, then prints the milliseconds of reading the merged view for filtering (`filtering::Index`), of each
//! change of the filters (the view and every list's counts) and of building the view the filters keep.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use hoinghi_core::Record;
use hoinghi_web::filtering::{keep, view, Index};
use hoinghi_web::model::Filters;

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

fn ms(since: Instant) -> f64 {
    since.elapsed().as_secs_f64() * 1000.0
}

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "../shared/corpus".into());
    let n: usize = std::env::args().nth(2).and_then(|r| r.parse().ok()).unwrap_or(5000);
    let mut paths = Vec::new();
    files(Path::new(&dir), &mut paths);
    let texts: Vec<String> = paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect();
    assert!(!texts.is_empty(), "no .txt under {dir}");
    let started = Instant::now();
    let jobs: Vec<(String, String)> = (0..n)
        .map(|i| {
            let (round, k) = (i / texts.len(), i % texts.len());
            let text = match round {
                0 => texts[k].clone(),
                r => format!("{}\n\nBan luu so {r}.\n", texts[k]),
            };
            (format!("{i:05}.txt"), text)
        })
        .collect();
    let threads = std::thread::available_parallelism().map_or(1, |p| p.get());
    let records: Vec<Record> = std::thread::scope(|s| {
        let chunks: Vec<_> = jobs
            .chunks(jobs.len().div_ceil(threads))
            .map(|chunk| {
                s.spawn(move || {
                    chunk
                        .iter()
                        .map(|(name, text)| {
                            let mut r = hoinghi_core::extract(text, None);
                            r.source = Some(name.clone());
                            r
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        chunks.into_iter().flat_map(|c| c.join().unwrap()).collect()
    });
    let merged = hoinghi_merge::merge(&records);
    println!(
        "{n} articles extracted and merged in {:.0} ms: {} meetings, {} officials, {} documents",
        ms(started),
        merged.meetings.len(),
        merged.people.len(),
        merged.documents.len()
    );
    let by_name: HashMap<String, Arc<Record>> =
        records.into_iter().map(|r| (r.source.clone().unwrap_or_default(), Arc::new(r))).collect();

    let t = Instant::now();
    let index = Index::new(&merged, &by_name);
    println!("read for filtering, first time: {:.1} ms", ms(t));
    let t = Instant::now();
    let index_again = Index::new(&merged, &by_name);
    println!("read for filtering, again (texts read before): {:.1} ms", ms(t));
    drop(index_again);

    let province = format!("w:{}", merged.provinces.iter().max_by_key(|p| p.articles).map_or("", |p| &p.name));
    let text = |q: &str| Filters { text: q.into(), ..Filters::default() };
    // (what, filters)
    let cases: Vec<(&str, Filters)> = vec![
        ("nothing", Filters::default()),
        ("text “b”", text("b")),
        ("text “bi thu”", text("bi thu")),
        ("text “bí thư”", text("bí thư")),
        ("text “UBND tỉnh”", text("UBND tỉnh")),
        ("text “nguyen van”", text("nguyen van")),
        ("province (most articles)", Filters { province: province.clone(), ..Filters::default() }),
        ("province and text “bi thu”", Filters { province, ..text("bi thu") }),
        ("organisation “tỉnh ủy”", Filters { organisation: "tỉnh ủy".into(), ..Filters::default() }),
    ];
    println!("{:32} {:>10} {:>10} {:>10}", "filters", "pass ms", "view ms", "kept");
    for (what, f) in cases {
        let t = Instant::now();
        let kept = keep(&merged, &index, &f);
        let pass = ms(t);
        let t = Instant::now();
        let v = view(&merged, &kept);
        let built = ms(t);
        let shown = format!("{}/{}/{}", v.meetings.len(), v.people.len(), v.documents.len());
        println!("{what:32} {pass:>10.1} {built:>10.1} {shown:>10}");
    }
}
