//! Time to merge 500 articles' records natively (target: at most 50 ms), then how the merge grows with the
//! number of articles (1,000 doubling to 16,000: ratios near 2.0 are linear).
//!
//!     cargo bench -p hoinghi-merge                      # 500 synthetic records, then the doubling tables
//!     cargo bench -p hoinghi-merge -- records.jsonl     # records from `hoinghi extract --format jsonl`
//!
//! The synthetic records are shaped like the corpus: each article is about one of 30 provinces, names
//! about six officials (five of that province, one national), one or two meetings and a few documents;
//! the same leaders come back across articles, as they do in the news. The growth is measured on two
//! archives where many reports fall on one day: the synthetic records dated within one month, and the
//! corpus (`$SHARED/corpus`, default `../shared`) extracted and copied under other names as the page's bench
//! does (skipped with a message where it is absent).

use std::collections::HashMap;
use std::path::Path;
use std::time::{Duration, Instant};

use hoinghi_core::{Document, Meeting, Official, Record};
use hoinghi_merge::{merge, Merger};

const PROVINCES: &[&str] = &[
    "Bình Định",
    "Kon Tum",
    "Thừa Thiên Huế",
    "Hải Phòng",
    "Yên Bái",
    "An Giang",
    "Đà Nẵng",
    "Hà Nội",
    "Quảng Nam",
    "Thành phố Hồ Chí Minh",
    "Ninh Thuận",
    "Điện Biên",
    "Gia Lai",
    "Quảng Ngãi",
    "Bến Tre",
    "Vĩnh Long",
    "Cần Thơ",
    "Nghệ An",
    "Thanh Hóa",
    "Lào Cai",
    "Sơn La",
    "Đắk Lắk",
    "Khánh Hòa",
    "Lâm Đồng",
    "Bình Dương",
    "Đồng Nai",
    "Long An",
    "Cà Mau",
    "Bắc Ninh",
    "Quảng Ninh",
];
const FAMILY: &[&str] =
    &["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"];
const MIDDLE: &[&str] = &["Văn", "Thị", "Thanh", "Đức", "Minh", "Hữu", "Quốc", "Thị Phong", "Chí", "Trí"];
const GIVEN: &[&str] =
    &["Bình", "Vũ", "Tài", "Tiến", "Hoài", "Sơn", "Yến", "Tùng", "Hạnh", "Ngon", "Tuy", "Duy", "Trà", "Hải", "Nhân"];
const LOCAL_POSTS: &[&str] = &[
    "Ủy viên Ban Thường vụ Tỉnh ủy",
    "Trưởng Ban Dân vận Tỉnh ủy",
    "Phó Chủ tịch Thường trực UBND tỉnh",
    "Chủ tịch HĐND tỉnh",
    "Phó Bí thư Thường trực Tỉnh ủy",
    "Chủ tịch Ủy ban MTTQ Việt Nam tỉnh",
    "Phó Giám đốc Công an tỉnh",
    "Chính ủy Bộ Chỉ huy Quân sự tỉnh",
    "Giám đốc Sở Kế hoạch và Đầu tư",
    "Trưởng Ban",
];
const NATIONAL_POSTS: &[&str] = &[
    "Ủy viên Trung ương Đảng",
    "Phó Trưởng ban Thường trực Ban Tổ chức Trung ương",
    "Bí thư Trung ương Đảng",
    "Trưởng Ban Dân vận Trung ương",
    "Phó Thủ tướng",
    "Bộ trưởng Bộ Xây dựng",
];
const KINDS: &[&str] = &["giao ban", "sơ kết", "tổng kết", "hội nghị", "buổi làm việc", "hội thảo"];
const ORGANISERS: &[&str] =
    &["Ban Dân vận Tỉnh ủy", "UBND tỉnh", "Ban cán sự đảng UBND tỉnh", "Ban Dân vận Trung ương", "Tỉnh ủy"];
const DOCUMENTS: &[(&str, &str)] = &[
    ("Chỉ thị", "33/CT-TTg"),
    ("Kết luận", "01-KL/TW"),
    ("Chỉ thị", "05-CT/TW"),
    ("Quy định", "144-QĐ/TW"),
    ("Nghị quyết", "54"),
    ("Kế hoạch", "91-KH/BDVTU-CAT"),
    ("Quyết định", "25/QĐ-UBND"),
    ("Nghị định", "30/2020/NĐ-CP"),
];

/// A deterministic pseudo-random stream (xorshift).
struct Rng(u64);
impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

fn name(rng: &mut Rng) -> String {
    format!("{} {} {}", rng.pick(FAMILY), rng.pick(MIDDLE), rng.pick(GIVEN))
}

fn synthetic(n: usize) -> Vec<Record> {
    synthetic_within(n, 8 * 12)
}

/// `n` synthetic records dated within `months` months from January 2017.
fn synthetic_within(n: usize, months: usize) -> Vec<Record> {
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    // Ten regulars per province and thirty national figures, so names come back across articles.
    let locals: Vec<Vec<String>> = PROVINCES.iter().map(|_| (0..10).map(|_| name(&mut rng)).collect()).collect();
    let nationals: Vec<String> = (0..30).map(|_| name(&mut rng)).collect();
    (0..n)
        .map(|i| {
            let p = rng.below(PROVINCES.len());
            let month = rng.below(months);
            let date = format!("20{:02}-{:02}-{:02}", 17 + month / 12, 1 + month % 12, 1 + rng.below(28));
            let mut officials: Vec<Official> = (0..5)
                .map(|_| {
                    let written = locals[p][rng.below(10)].clone();
                    // Now and then the lower-case typo of dev/003 (`Lê trí Vũ`).
                    let written = if rng.below(20) == 0 { written.to_lowercase() } else { written };
                    // A third of the posts name their province (`Bí thư Tỉnh ủy Yên Bái`), as articles do.
                    let mut post = || match rng.below(3) {
                        0 => format!("{} {}", rng.pick(LOCAL_POSTS), PROVINCES[p]),
                        _ => rng.pick(LOCAL_POSTS).to_string(),
                    };
                    let titles = vec![post(), post()];
                    Official {
                        name: written,
                        titles_as_written: titles.clone(),
                        titles,
                        roles: vec![hoinghi_core::Role::Attend],
                        ..Official::default()
                    }
                })
                .collect();
            let titles = vec![rng.pick(NATIONAL_POSTS).to_string()];
            officials.push(Official {
                name: nationals[rng.below(30)].clone(),
                titles,
                roles: vec![hoinghi_core::Role::Chair],
                ..Official::default()
            });
            let meetings = (0..1 + rng.below(2))
                .map(|_| Meeting {
                    date: Some(date.clone()),
                    kind: rng.pick(KINDS).into(),
                    name: "Hội nghị giao ban công tác dân vận 6 tháng đầu năm".into(),
                    organizers: vec![rng.pick(ORGANISERS).into()],
                    chairs: vec![officials[5].name.clone(), officials[0].name.clone()],
                    attendees: officials[1..5].iter().map(|o| o.name.clone()).collect(),
                    ..Meeting::default()
                })
                .collect();
            let documents = (0..rng.below(4))
                .map(|_| {
                    let (kind, number) = DOCUMENTS[rng.below(DOCUMENTS.len())];
                    Document { kind: Some(kind.into()), number: number.into(), ..Document::default() }
                })
                .collect();
            Record {
                source: Some(format!("synthetic/{i:04}.txt")),
                published: Some(date),
                province: Some(PROVINCES[p].into()),
                meetings,
                officials,
                documents,
                ..Record::default()
            }
        })
        .collect()
}

fn read_jsonl(path: &str) -> Vec<Record> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines().filter(|l| !l.trim().is_empty()).map(|l| serde_json::from_str(l).expect("a Record per line")).collect()
}

/// The best and the median of `runs` timings of `f`: this thread's CPU time where Linux tells it, which other
/// programs on a shared machine do not inflate as they do the wall clock; else the wall clock.
fn time(runs: usize, mut f: impl FnMut()) -> (Duration, Duration) {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let (start, cpu) = (Instant::now(), thread_cpu());
            f();
            match (cpu, thread_cpu()) {
                (Some(a), Some(b)) => b.saturating_sub(a),
                _ => start.elapsed(),
            }
        })
        .collect();
    times.sort();
    (times[0], times[runs / 2])
}

/// The CPU time of this thread so far (`/proc/thread-self/schedstat`, in nanoseconds).
fn thread_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    Some(Duration::from_nanos(stat.split_whitespace().next()?.parse().ok()?))
}

/// The `.txt` articles under `dir`, extracted (release build: about a second for the corpus).
fn corpus(dir: &Path) -> Vec<Record> {
    let mut paths = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(d) = dirs.pop() {
        for path in std::fs::read_dir(&d).into_iter().flatten().flatten().map(|e| e.path()) {
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "txt") {
                paths.push(path);
            }
        }
    }
    paths.sort();
    paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()).map(|t| hoinghi_core::extract(&t, None)).collect()
}

/// `n` records from `articles`, copied as often as needed, each copy under a source of its own.
fn copies(articles: &[Record], n: usize) -> Vec<Record> {
    (0..n)
        .map(|i| Record {
            source: Some(format!("{}/{i:05}", i / articles.len())),
            ..articles[i % articles.len()].clone()
        })
        .collect()
}

/// One table: for each size, doubling, the whole merge and the merge of the same records keeping only their
/// meetings (no officials, no documents: about the meetings' part alone), the best of a few runs, each with its
/// ratio to the row before (2.0 is linear).
fn doubling(what: &str, records_of: &dyn Fn(usize) -> Vec<Record>) {
    println!("\n{what}");
    println!(
        "{:>8}  {:>9}  {:>11}  {:>11}  {:>6}  {:>12}  {:>6}",
        "articles", "meetings", "reports/day", "merge ms", "ratio", "meetings ms", "ratio"
    );
    let mut previous: Option<(f64, f64)> = None;
    for n in SIZES {
        let records = records_of(n);
        let meetings_only: Vec<Record> =
            records.iter().map(|r| Record { officials: Vec::new(), documents: Vec::new(), ..r.clone() }).collect();
        let merged = merge(&records);
        let mut days: HashMap<&str, usize> = HashMap::new();
        for (day, reports) in merged.meetings.iter().flat_map(|m| m.date.as_deref().map(|d| (d, m.reports.len()))) {
            *days.entry(day).or_default() += reports;
        }
        let busiest = days.values().max().copied().unwrap_or(0);
        let runs = if n >= 8_000 { 3 } else { 5 };
        let (whole, _) = time(runs, || {
            std::hint::black_box(merge(std::hint::black_box(&records)));
        });
        let (meetings, _) = time(runs, || {
            std::hint::black_box(merge(std::hint::black_box(&meetings_only)));
        });
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        let (whole, meetings) = (ms(whole), ms(meetings));
        let ratio = |now: f64, before: Option<f64>| before.map_or("-".into(), |b| format!("{:.2}", now / b));
        println!(
            "{n:>8}  {:>9}  {busiest:>11}  {whole:>11.1}  {:>6}  {meetings:>12.1}  {:>6}",
            merged.meetings.len(),
            ratio(whole, previous.map(|p| p.0)),
            ratio(meetings, previous.map(|p| p.1)),
        );
        previous = Some((whole, meetings));
    }
}

/// The archive sizes of the doubling tables.
const SIZES: [usize; 5] = [1_000, 2_000, 4_000, 8_000, 16_000];

fn main() {
    let file = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let records = match &file {
        Some(path) => read_jsonl(path),
        None => synthetic(500),
    };
    let what = file.as_deref().unwrap_or("synthetic");
    let merged = merge(&records);
    let mentions: usize = records.iter().map(|r| r.officials.len()).sum();
    println!(
        "{} records ({what}): {mentions} official mentions -> {} people, {} meetings, {} documents, {} provinces",
        records.len(),
        merged.people.len(),
        merged.meetings.len(),
        merged.documents.len(),
        merged.provinces.len()
    );
    let (best, median) = time(20, || {
        std::hint::black_box(merge(std::hint::black_box(&records)));
    });
    println!("merge, all records:        best {best:>10.2?}  median {median:>10.2?}  (target <= 50 ms)");

    let (last, rest) = records.split_last().expect("at least one record");
    let mut merger = Merger::new();
    for r in rest {
        merger.add(r);
    }
    let (best, median) = time(20, || {
        merger.add(last);
        std::hint::black_box(merger.merged());
    });
    println!("Merger, add one + merged(): best {best:>10.2?}  median {median:>10.2?}");

    if file.is_some() {
        return;
    }
    println!("\nHow the merge grows (each size doubles the one before: a linear part's ratios are 2.0).");
    println!("reports/day: the most reports of one day. Times: this thread's CPU time, best of a few runs.");
    doubling("synthetic records dated within one month", &|n| synthetic_within(n, 1));
    // `SHARED` as the Makefile gives it, relative to the project's root (a bench runs in its crate's folder).
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let shared = root.join(std::env::var("SHARED").unwrap_or_else(|_| "../shared".into()));
    let articles = corpus(&shared.join("corpus"));
    if articles.is_empty() {
        println!("\ncorpus copies: skipped, no articles at {}", shared.join("corpus").display());
        return;
    }
    doubling(&format!("the corpus ({} articles) copied under other names", articles.len()), &|n| copies(&articles, n));
}
