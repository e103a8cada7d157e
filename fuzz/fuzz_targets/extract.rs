//! Arbitrary bytes → lossy UTF-8 → `extract`; every span must lie inside the record's text.
#![no_main]
use hoinghi_core::{extract, Date, Record, Span};
use libfuzzer_sys::fuzz_target;

fn check(record: &Record) {
    let n = record.text.chars().count();
    let ok = |s: &Span, what: &str| {
        assert!(s.start <= s.end && s.end <= n, "{what} span {s:?} outside text of {n} chars");
    };
    ok(&record.body, "body");
    for m in &record.meetings {
        ok(&m.evidence, "meeting evidence");
    }
    for o in &record.officials {
        for s in &o.mentions {
            ok(s, "official mention");
        }
    }
    for d in &record.documents {
        ok(&d.span, "document");
    }
}

fuzz_target!(|data: &[u8]| {
    // The first byte picks whether the caller passes a publish date.
    let (published, rest) = match data.split_first() {
        Some((b, rest)) if b & 1 == 1 => (Date::new(2024, 6, 17), rest),
        Some((_, rest)) => (None, rest),
        None => (None, data),
    };
    let text = String::from_utf8_lossy(rest);
    let record = extract(&text, published);
    check(&record);
});
