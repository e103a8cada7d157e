//! Extracts every `.txt` article under the folders given (default `../shared/corpus`), merges them and
//! prints how many official mentions collapse to how many people, then people seen in 2+ articles.
//!
//!     cargo run --release -p hoinghi-merge --example corpus -- ../shared/corpus [how many to show]

use std::path::{Path, PathBuf};
use std::time::Instant;

fn articles(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            articles(&path, out);
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = args.first().map(String::as_str).unwrap_or("../shared/corpus");
    let show: usize = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(20);
    let mut paths = Vec::new();
    articles(Path::new(dir), &mut paths);
    let start = Instant::now();
    let records: Vec<hoinghi_core::Record> = paths
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).unwrap_or_default();
            let mut record = hoinghi_core::extract(&text, None);
            record.source = Some(path.strip_prefix(dir).unwrap_or(path).display().to_string());
            record
        })
        .collect();
    let extracted = start.elapsed();
    let start = Instant::now();
    let merged = hoinghi_merge::merge(&records);
    let merging = start.elapsed();
    let mentions: usize = records.iter().map(|r| r.officials.len()).sum();
    let several: Vec<&hoinghi_merge::Person> = merged.people.iter().filter(|p| p.articles >= 2).collect();
    println!("{} articles (extract {extracted:.0?}, merge {merging:.1?})", records.len());
    println!("{mentions} officials in articles -> {} people ({} in 2+ articles)", merged.people.len(), several.len());
    let reports: usize = merged.meetings.iter().map(|m| m.reports.len()).sum();
    println!(
        "{reports} meeting reports -> {} meetings ({} from 2+ articles)",
        merged.meetings.len(),
        merged.meetings.iter().filter(|m| m.articles >= 2).count()
    );
    let cites: usize = merged.documents.iter().map(|d| d.citations.len()).sum();
    println!("{cites} document citations -> {} documents", merged.documents.len());
    let step = (several.len() / show.max(1)).max(1);
    for p in several.iter().step_by(step).take(show) {
        println!("\n{} [{} articles; {}]", p.name, p.articles, p.provinces.join(", "));
        for post in &p.posts {
            let short = post.short_of.as_deref().map(|s| format!("  (shortens {s})")).unwrap_or_default();
            println!("  - {} ({} art.){short}", post.title, post.articles);
        }
        println!("  sources: {}", p.sources.join(" "));
    }
    // Names that stayed more than one person: check the split by hand.
    let mut by_name: std::collections::BTreeMap<String, Vec<&hoinghi_merge::Person>> = Default::default();
    for p in &merged.people {
        by_name.entry(hoinghi_merge::canon::fold(&p.name)).or_default().push(p);
    }
    let split: Vec<_> = by_name.values().filter(|ps| ps.len() > 1).collect();
    println!("\n{} names stayed two or more people:", split.len());
    for ps in split.iter().take(show) {
        for p in ps.iter() {
            let posts: Vec<&str> = p.posts.iter().map(|p| p.title.as_str()).collect();
            println!("  {} [{}] {} <- {}", p.name, p.provinces.join(", "), posts.join("; "), p.sources.join(" "));
        }
        println!();
    }
    for m in merged.meetings.iter().filter(|m| m.articles >= 2).take(5) {
        println!("\nMEETING {:?} {} {} <- {}", m.date, m.kind, m.name, m.sources.join(" "));
    }
    graph(&merged);
}

/// Who meets whom over the corpus: the layout's time for the page's 300 people, and the picture as
/// `target/who-meets-whom.svg` to look at.
fn graph(merged: &hoinghi_merge::Merged) {
    let start = Instant::now();
    let graph = hoinghi_merge::graph::who_meets_whom(merged, 300);
    println!(
        "\nwho meets whom: {} people, {} pairs ({} left out), laid out in {:.1?}",
        graph.nodes.len(),
        graph.edges.len(),
        graph.left_out,
        start.elapsed()
    );
    let at = |i: usize| (20.0 + graph.nodes[i].x * 760.0, 20.0 + graph.nodes[i].y * 760.0);
    let mut svg = String::from(r#"<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800">"#);
    for e in &graph.edges {
        let ((x1, y1), (x2, y2)) = (at(e.a), at(e.b));
        svg += &format!(
            r##"<line x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}" stroke="#999" stroke-width="{}"/>"##,
            e.meetings
        );
    }
    for (i, n) in graph.nodes.iter().enumerate() {
        let (x, y) = at(i);
        let r = 2.0 + (n.meetings as f64).sqrt() * 2.0;
        svg += &format!(r##"<circle cx="{x:.1}" cy="{y:.1}" r="{r:.1}" fill="#2a6"/>"##);
        if i < 25 {
            svg += &format!(r#"<text x="{x:.1}" y="{y:.1}" font-size="10">{}</text>"#, merged.people[n.person].name);
        }
    }
    svg += "</svg>";
    let _ = std::fs::write("target/who-meets-whom.svg", svg);
}
