//! Inputs found by fuzzing and hostile-input probing (see FUZZING.md), kept as regression cases.
//!
//! They check what comes out, not how long it takes: a clock measures the machine's other load as much as the
//! code. Growth with the input is `examples/bench_linear.rs`'s to print (a size-doubling table).

use hoinghi_core::extract;

fn spans_inside(r: &hoinghi_core::Record) {
    let n = r.text.chars().count();
    assert!(r.body.start <= r.body.end && r.body.end <= n);
    for o in &r.officials {
        assert!(o.mentions.iter().all(|s| s.start <= s.end && s.end <= n), "{o:?}");
    }
    for d in &r.documents {
        assert!(d.span.start <= d.span.end && d.span.end <= n, "{d:?}");
    }
    for m in &r.meetings {
        assert!(m.evidence.start <= m.evidence.end && m.evidence.end <= n, "{m:?}");
    }
}

/// Thousands of distinct document numbers: the de-duplication compared each new citation with
/// every earlier one (quadratic: 10,000 citations took minutes). Now a set of keys.
#[test]
fn many_distinct_citations_stay_linear() {
    let text: String = (0..20_000).map(|i| format!("Nghị quyết số {i}/NQ-TW, ")).collect();
    let r = extract(&text, None);
    assert_eq!(r.documents.len(), 20_000);
    assert_eq!(r.documents[19_999].number, "19999/NQ-TW");
    spans_inside(&r);
}

/// Many citations followed by bare numbers: each bare number was checked against every covered
/// range (quadratic). Now a binary search over sorted, merged ranges.
#[test]
fn many_covered_citations_then_bare_numbers() {
    let mut text: String = (0..20_000).map(|i| format!("Quyết định số {i}/QĐ-UBND và ")).collect();
    text.push_str("căn cứ văn bản 150-CTr/BDVTU.");
    let r = extract(&text, None);
    assert_eq!(r.documents.len(), 20_001);
    // A bare number inside a citation is not cited twice.
    assert_eq!(r.documents.iter().filter(|d| d.number == "7/QĐ-UBND").count(), 1);
    assert_eq!(r.documents.last().unwrap().number, "150-CTr/BDVTU");
    spans_inside(&r);
}
