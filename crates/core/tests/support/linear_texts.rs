//! Generated articles of any size for the linear-time checks: the property test (`tests/properties.rs`) and
//! the size-doubling bench (`examples/bench_linear.rs`) read the same shapes. Deterministic (xorshift), so a
//! failure reproduces without a seed file, and nothing is committed but this generator.
// Each of the two users reads a part of it.
#![allow(dead_code)]

/// A small deterministic generator (xorshift).
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// What an article repeats or lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// One sentence naming an official and a meeting, repeated on one line after a heading.
    Repeated,
    /// Different officials (with different titles) chairing different meetings on different days, one a line.
    Officials,
    /// The same list as one paragraph: no line break at all.
    Paragraph,
    /// The same list with no full stop and no line break: one "sentence" as long as the text.
    NoFullStop,
    /// Other meetings named with their holders and days (`tại cuộc họp ... ngày N/M`), citations and quotes.
    OtherMeetings,
}

impl Shape {
    pub const ALL: [Shape; 5] =
        [Shape::Repeated, Shape::Officials, Shape::Paragraph, Shape::NoFullStop, Shape::OtherMeetings];

    pub fn name(self) -> &'static str {
        match self {
            Shape::Repeated => "repeated sentence",
            Shape::Officials => "different officials, one a line",
            Shape::Paragraph => "different officials, one paragraph",
            Shape::NoFullStop => "no full stop, no line break",
            Shape::OtherMeetings => "other meetings, citations, quotes",
        }
    }
}

/// The sentence of [`Shape::Repeated`].
pub const SENTENCE: &str = "Sáng 17/6/2024, đồng chí Nguyễn Văn An, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Dân vận \
                            Tỉnh ủy chủ trì hội nghị giao ban công tác dân vận quý II. ";

/// The heading every generated article starts with.
pub const HEADING: &str = "Ban Dân vận Tỉnh ủy tổ chức hội nghị giao ban\n";

const FAMILY: &[&str] = &["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ"];
const MIDDLE: &[&str] = &["Văn", "Thị", "Hữu", "Đức", "Minh", "Quang", "Thanh", "Ngọc", "Xuân", "Hồng"];
const GIVEN: &[&str] = &[
    "An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Lan", "Mai", "Nam", "Phong", "Quân", "Sơn", "Tâm", "Thảo", "Trung",
    "Vinh", "Yến", "Hòa", "Khánh", "Long",
];
const RANK: &[&str] = &[
    "Phó Chủ tịch UBND",
    "Chủ tịch UBND",
    "Bí thư",
    "Phó Bí thư",
    "Trưởng Ban Dân vận",
    "Chủ tịch HĐND",
    "Giám đốc Sở Tài chính",
];
const PLACE: &[&str] = &["huyện", "xã", "thị xã", "thành phố", "phường"];
const KIND: &[&str] = &[
    "hội nghị giao ban công tác dân vận quý II",
    "hội nghị sơ kết 6 tháng đầu năm",
    "hội nghị tổng kết công tác năm",
    "cuộc họp bàn giải pháp phát triển kinh tế",
    "buổi làm việc với Ban Thường vụ Huyện ủy",
];

/// A different person each call (from 12 × 10 × 20 × 20 names).
fn person(rng: &mut Rng) -> String {
    format!("{} {} {} {}", rng.pick(FAMILY), rng.pick(MIDDLE), rng.pick(GIVEN), rng.pick(GIVEN))
}

fn day(rng: &mut Rng) -> String {
    format!("{}/{}/{}", 1 + rng.below(28), 1 + rng.below(12), 2015 + rng.below(10))
}

/// A post with a body of its own: the rank, the unit and its name (`Chủ tịch UBND xã Hòa Bình`).
fn post(rng: &mut Rng) -> String {
    format!("{} {} {} {}", rng.pick(RANK), rng.pick(PLACE), rng.pick(GIVEN), rng.pick(GIVEN))
}

/// One piece of a shape: a sentence or a line.
fn piece(shape: Shape, rng: &mut Rng) -> String {
    match shape {
        Shape::Repeated => SENTENCE.to_string(),
        Shape::Officials | Shape::Paragraph | Shape::NoFullStop => {
            let (when, who, title, what) = (day(rng), person(rng), post(rng), rng.pick(KIND));
            match shape {
                Shape::Officials => format!("Sáng {when}, đồng chí {who}, {title}, chủ trì {what} năm {}.\n", rng.below(99)),
                Shape::Paragraph => format!("Sáng {when}, đồng chí {who}, {title}, chủ trì {what}. "),
                _ => format!("sáng {when} đồng chí {who}, {title}, chủ trì {what}, "),
            }
        }
        Shape::OtherMeetings => format!(
            "Trước đó, tại cuộc họp Ban Thường vụ Huyện ủy {} ngày {}, đồng chí {}, Bí thư Huyện ủy {} (chủ trì) nói: “{} \
             theo Quyết định số {}/QĐ-UBND ngày {} của UBND tỉnh”. ",
            rng.pick(GIVEN),
            day(rng),
            person(rng),
            rng.pick(GIVEN),
            rng.pick(KIND),
            1 + rng.below(9999),
            day(rng)
        ),
    }
}

/// An article of about `bytes` bytes (at least the heading and one piece) in `shape`.
pub fn article(shape: Shape, bytes: usize, seed: u64) -> String {
    let mut rng = Rng(seed | 1);
    let mut out = String::with_capacity(bytes + 512);
    out.push_str(HEADING);
    loop {
        out.push_str(&piece(shape, &mut rng));
        if out.len() >= bytes {
            return out;
        }
    }
}
