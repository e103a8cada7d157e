//! Arbitrary text thrown at `extract`: it never panics, every span lies on char boundaries
//! inside the normalised text, and the same input gives the same output.

use hoinghi_core::{extract, Record, Span};

/// A small deterministic generator (xorshift), so failures reproduce without a seed file.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const PIECES: &[&str] = &[
    "Đồng chí ",
    "Nguyễn Thị Phong Vũ",
    " - ",
    "UVBTV Tỉnh ủy",
    ", ",
    "Trưởng Ban Dân vận Tỉnh ủy",
    " chủ trì ",
    "Hội nghị",
    "Chiều 13/12",
    "17/06/2024 17:01",
    "Chỉ thị số 33/CT-TTg",
    ", ngày 26/11/2021",
    "(QCDC)",
    ".",
    "\n",
    ";",
    ":",
    "(",
    ")",
    "Ho\u{300}a",
    "U\u{309}y ban",
    "\u{1F600}",
    "\u{0}",
    "\u{7}",
    "\t",
    "\u{200b}",
    "\u{feff}",
    "é",
    "\r\n",
    "TP.HCM",
    "H'Yim",
    "các Phó Thủ tướng: ",
    "Lê trí Vũ",
    "29-10-2021",
    "ngày 3 tháng 4 năm 2018",
    "Sáng nay",
    "Ngày mai, 21/12",
    "năm 2005",
    "–",
    "Gửi cho bạn bè",
    "BÌNH LUẬN",
    "99/99/9999",
    "31/2",
    "1/1/1",
    "Quyết định 935, 936",
    "\u{301}\u{301}",
    "ĐẢNG BỘ TỈNH BÌNH ĐỊNH",
];

fn spans(record: &Record) -> Vec<Span> {
    let mut out = vec![record.body];
    out.extend(record.meetings.iter().map(|m| m.evidence));
    out.extend(record.officials.iter().flat_map(|o| o.mentions.iter().copied()));
    out.extend(record.documents.iter().map(|d| d.span));
    out
}

fn check(input: &str) {
    let a = extract(input, None);
    let chars = a.text.chars().count();
    for s in spans(&a) {
        assert!(s.start <= s.end && s.end <= chars, "span {s:?} outside text of {chars} chars for {input:?}");
    }
    assert_eq!(a, extract(input, None), "not deterministic for {input:?}");
}

#[test]
fn random_texts_never_panic() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..3000 {
        let n = (rng.next() % 40) as usize;
        let text: String = (0..n).map(|_| rng.pick(PIECES)).collect();
        check(&text);
    }
}

#[test]
fn edge_inputs() {
    check("");
    check("\n\n\n");
    check("\u{301}");
    check(&"Nguyễn Văn An, Bí thư Tỉnh ủy, ".repeat(40_000)); // one line of about 1 MB
    check(&"a".repeat(1 << 20));
    check(&"17/6/2024 ".repeat(10_000));
}
