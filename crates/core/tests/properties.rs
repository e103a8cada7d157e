//! Arbitrary text thrown at `extract`: it never panics, every span lies on char boundaries
//! inside the normalised text, and the same input gives the same output. Long generated articles
//! (`support/linear_texts.rs`, what `make bench-linear` times) keep the record's invariants, and an
//! article twice as long says at least what its first half says.

use hoinghi_core::{extract, Record, Span};

#[path = "support/linear_texts.rs"]
mod linear_texts;

use linear_texts::{article, Rng, Shape};

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
    // One word of dotted capitals (`TP.HCM` grown long): its shape is read once, not at every dot.
    check(&"A.".repeat(1 << 17));
    // A title line with no full stop and nothing after it.
    check(&"đồng chí Nguyễn Văn An, Bí thư Tỉnh ủy chủ trì hội nghị, ".repeat(5_000));
}

/// What every record holds: parallel title lists, a title for each official, spans in the text, each meeting's
/// evidence inside the body, chairs that are officials.
fn invariants(what: &str, r: &Record) {
    let chars = r.text.chars().count();
    for s in spans(r) {
        assert!(s.start <= s.end && s.end <= chars, "{what}: span {s:?} outside text of {chars} chars");
    }
    for o in &r.officials {
        assert!(!o.titles.is_empty(), "{what}: {} has no title", o.name);
        assert_eq!(o.titles.len(), o.titles_as_written.len(), "{what}: {}", o.name);
        assert_eq!(o.titles.len(), o.positions.len(), "{what}: {}", o.name);
        assert!(!o.mentions.is_empty(), "{what}: {} is never mentioned", o.name);
    }
    for m in &r.meetings {
        assert!(!m.kind.is_empty(), "{what}: a meeting without its kind");
        assert!(r.body.start <= m.evidence.start && m.evidence.end <= r.body.end, "{what}: evidence outside the body");
        for chair in &m.chairs {
            assert!(r.officials.iter().any(|o| &o.name == chair), "{what}: chair {chair} is no official");
        }
    }
}

/// The long generated articles: no panic, the record's invariants, and the article of twice the size (which starts
/// with the smaller one) keeps every official of the smaller with its titles, and the same lead meeting.
#[test]
fn long_generated_articles() {
    for shape in Shape::ALL {
        let (single, double) = (article(shape, 120_000, 7), article(shape, 240_000, 7));
        assert!(double.starts_with(&single), "{shape:?}: the generator extends the same article");
        let (a, b) = (extract(&single, None), extract(&double, None));
        invariants(&format!("{shape:?} {} bytes", single.len()), &a);
        invariants(&format!("{shape:?} {} bytes", double.len()), &b);
        assert!(!a.officials.is_empty(), "{shape:?}: officials found");
        // The last sentence of a text without a full stop is cut elsewhere in the longer text.
        if shape == Shape::NoFullStop {
            continue;
        }
        for o in &a.officials {
            let Some(same) = b.officials.iter().find(|x| x.name == o.name) else {
                panic!("{shape:?}: {} lost in the longer article", o.name)
            };
            for t in &o.titles {
                assert!(same.titles.contains(t), "{shape:?}: {} lost the title {t}", o.name);
            }
            assert!(same.mentions.len() >= o.mentions.len(), "{shape:?}: {} lost mentions", o.name);
        }
        let lead =
            |r: &Record| r.meetings.first().map(|m| (m.kind.clone(), m.name.clone(), m.date.clone(), m.evidence));
        assert_eq!(lead(&a), lead(&b), "{shape:?}: the lead meeting");
        if shape == Shape::Repeated {
            // One official, mentioned once a sentence: twice the sentences, twice the mentions.
            assert_eq!((a.officials.len(), b.officials.len()), (1, 1));
            let sentences = |t: &str| t.matches(linear_texts::SENTENCE).count();
            assert_eq!(a.officials[0].mentions.len(), sentences(&single));
            assert_eq!(b.officials[0].mentions.len(), sentences(&double));
        }
    }
}
