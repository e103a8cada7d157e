//! Time to merge 500 articles' records natively (target: at most 50 ms).
//!
//!     cargo bench -p hoinghi-merge                      # 500 synthetic records
//!     cargo bench -p hoinghi-merge -- records.jsonl     # records from `hoinghi extract --format jsonl`
//!
//! The synthetic records are shaped like the corpus: each article is about one of 30 provinces, names
//! about six officials (five of that province, one national), one or two meetings and a few documents;
//! the same leaders come back across articles, as they do in the news.

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
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    // Ten regulars per province and thirty national figures, so names come back across articles.
    let locals: Vec<Vec<String>> = PROVINCES.iter().map(|_| (0..10).map(|_| name(&mut rng)).collect()).collect();
    let nationals: Vec<String> = (0..30).map(|_| name(&mut rng)).collect();
    (0..n)
        .map(|i| {
            let p = rng.below(PROVINCES.len());
            let date = format!("20{:02}-{:02}-{:02}", 17 + rng.below(8), 1 + rng.below(12), 1 + rng.below(28));
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

/// The best and the median of `runs` timings of `f`.
fn time(runs: usize, mut f: impl FnMut()) -> (Duration, Duration) {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    (times[0], times[runs / 2])
}

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
}
