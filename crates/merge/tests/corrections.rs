//! The user's corrections: tables of edits and what the corrected record and the merge must show, and the
//! joins and splits of people and documents. Names and posts are from `shared/eval/dev`.

use hoinghi_core::{Document, Meeting, Official, Record, Role, Span};
use hoinghi_merge::corrections::{BadHistory, Edit, History, Refused, SavedHistory, Step, UNDO_DEPTH};
use hoinghi_merge::{merge, merge_corrected, Change, Corrections, FactRef, Merger};

const fn span(start: usize, end: usize) -> Span {
    Span { start, end }
}

fn at(source: &str, start: usize, end: usize) -> FactRef {
    FactRef { source: source.into(), at: span(start, end) }
}

fn official(name: &str, titles: &[&str], first: Span) -> Official {
    Official {
        name: name.into(),
        titles: titles.iter().map(|t| t.to_string()).collect(),
        titles_as_written: titles.iter().map(|t| t.to_string()).collect(),
        roles: vec![Role::Speak],
        mentions: vec![first, span(first.start + 200, first.end + 200)],
        ..Official::default()
    }
}

/// dev/000 as the extractor could have read it, with a wrong title and a missed chair.
fn article(source: &str) -> Record {
    Record {
        source: Some(source.into()),
        published: Some("2024-06-17".into()),
        province: Some("Bình Định".into()),
        officials: vec![
            official("Nguyễn Thị Phong Vũ", &["Trưởng Ban Tuyên giáo Tỉnh ủy"], span(10, 29)),
            official("Đặng Xuân Thanh", &["Phó Bí thư Thường trực Tỉnh ủy"], span(40, 55)),
        ],
        meetings: vec![Meeting {
            date: Some("2024-06-18".into()),
            kind: "hội nghị".into(),
            name: "Hội nghị giao ban công tác dân vận".into(),
            organizers: vec!["Ban Dân vận".into()],
            chairs: vec!["nguyễn thị phong vũ".into()],
            evidence: span(0, 120),
            ..Meeting::default()
        }],
        documents: vec![Document {
            kind: Some("Nghị quyết".into()),
            number: "68".into(),
            span: span(130, 132),
            ..Document::default()
        }],
        text: "x".repeat(400),
        ..Record::default()
    }
}

/// (what, the edit, what the corrected record of `article("a")` must show)
type EditCase = (&'static str, fn() -> (FactRef, Change), fn(&Record) -> bool);
const EDITS: &[EditCase] = &[
    (
        "a title edited in place",
        || (at("a", 10, 29), Change::OfficialTitles(vec!["Trưởng Ban Dân vận Tỉnh ủy".into()])),
        |r| {
            r.officials[0].titles == ["Trưởng Ban Dân vận Tỉnh ủy"]
                && r.officials[0].titles_as_written == r.officials[0].titles
        },
    ),
    (
        "a name edited, found by its first mention",
        || (at("a", 40, 55), Change::OfficialName("Đặng  Xuân Thanh ".into())),
        |r| r.officials[1].name == "Đặng Xuân Thanh",
    ),
    (
        "a name edited: the meeting's chair of that name follows",
        || (at("a", 10, 29), Change::OfficialName("Nguyễn Thị Phong Vũ (sửa)".into())),
        |r| r.officials[0].name == "Nguyễn Thị Phong Vũ (sửa)" && r.meetings[0].chairs == ["Nguyễn Thị Phong Vũ (sửa)"],
    ),
    (
        "a missed official added at the selected span",
        || {
            (
                at("a", 300, 310),
                Change::OfficialAdd {
                    name: "Y Ngọc".into(), titles: vec!["Phó Chủ tịch UBND tỉnh".into(), "".into()]
                },
            )
        },
        |r| {
            r.officials.len() == 3
                && r.officials[2].name == "Y Ngọc"
                && r.officials[2].mentions == [span(300, 310)]
                && r.officials[2].titles.len() == 1
        },
    ),
    (
        "a wrong official deleted",
        || (at("a", 40, 55), Change::OfficialDelete),
        |r| r.officials.len() == 1 && r.officials[0].name == "Nguyễn Thị Phong Vũ",
    ),
    (
        "a meeting's date, found by its sentence, as a day",
        || (at("a", 0, 120), Change::MeetingDate(Some("2024-06-17".into()))),
        |r| {
            r.meetings[0].date.as_deref() == Some("2024-06-17")
                && r.meetings[0].date_precision == Some(hoinghi_core::Precision::Day)
        },
    ),
    (
        "a meeting's date cleared",
        || (at("a", 0, 120), Change::MeetingDate(Some(" ".into()))),
        |r| r.meetings[0].date.is_none() && r.meetings[0].date_precision.is_none(),
    ),
    (
        "a meeting's kind",
        || (at("a", 0, 120), Change::MeetingKind("giao ban".into())),
        |r| r.meetings[0].kind == "giao ban",
    ),
    (
        "a missed chair added; the official of that name now chairs",
        || (at("a", 0, 120), Change::MeetingChairs(vec!["Nguyễn Thị Phong Vũ".into()])),
        |r| r.meetings[0].chairs == ["Nguyễn Thị Phong Vũ"] && r.officials[0].roles[0] == Role::Chair,
    ),
    (
        "organisers",
        || {
            (
                at("a", 0, 120),
                Change::MeetingOrganizers(vec!["Ban Dân vận Tỉnh ủy".into(), "Ban Dân vận Tỉnh ủy".into()]),
            )
        },
        |r| r.meetings[0].organizers == ["Ban Dân vận Tỉnh ủy"],
    ),
    (
        "a document's number, found by its citation",
        || (at("a", 130, 132), Change::DocumentNumber("68-NQ/TW".into())),
        |r| r.documents[0].number == "68-NQ/TW",
    ),
    (
        "a document's issuer",
        || (at("a", 130, 132), Change::DocumentIssuer(Some("Bộ Chính trị".into()))),
        |r| r.documents[0].issuer.as_deref() == Some("Bộ Chính trị"),
    ),
    ("a wrong document deleted", || (at("a", 130, 132), Change::DocumentDelete), |r| r.documents.is_empty()),
    (
        "an edit of another article changes nothing here",
        || (at("b", 10, 29), Change::OfficialName("Ai Đó".into())),
        |r| r == &article("a"),
    ),
    (
        "an edit of a span that names nothing changes nothing",
        || (at("a", 11, 29), Change::OfficialName("Ai Đó".into())),
        |r| r == &article("a"),
    ),
];

#[test]
fn edits_change_the_fact_they_name() {
    for (what, edit, check) in EDITS {
        let (fact, change) = edit();
        let mut fixes = Corrections::default();
        fixes.push(fact, change).unwrap_or_else(|e| panic!("{what}: {e}"));
        let record = article("a");
        let fixed = fixes.apply(&record).unwrap_or(record);
        assert!(check(&fixed), "{what}: {fixed:#?}");
    }
}

#[test]
fn edits_follow_the_fact_not_its_position() {
    // Extracted again, the officials come in another order: the edit still finds its official.
    let mut fixes = Corrections::default();
    fixes.push(at("a", 40, 55), Change::OfficialTitles(vec!["Bí thư Tỉnh ủy".into()])).unwrap();
    let mut again = article("a");
    again.officials.reverse();
    let fixed = fixes.apply(&again).unwrap();
    assert_eq!(fixed.officials[0].name, "Đặng Xuân Thanh");
    assert_eq!(fixed.officials[0].titles, ["Bí thư Tỉnh ủy"]);
    assert_eq!(fixed.officials[1].titles, ["Trưởng Ban Tuyên giáo Tỉnh ủy"]);
}

#[test]
fn a_later_edit_of_a_field_replaces_the_earlier() {
    let mut fixes = Corrections::default();
    fixes.push(at("a", 10, 29), Change::OfficialName("Nguyễn Thị Vũ".into())).unwrap();
    fixes.push(at("a", 10, 29), Change::OfficialTitles(vec!["Trưởng Ban Dân vận Tỉnh ủy".into()])).unwrap();
    fixes.push(at("a", 10, 29), Change::OfficialName("Nguyễn Thị Phong Vũ".into())).unwrap();
    assert_eq!(fixes.edits.len(), 2);
    let fixed = fixes.apply(&article("a")).unwrap();
    assert_eq!(fixed.officials[0].name, "Nguyễn Thị Phong Vũ");
    assert!(fixes.touches("a") && !fixes.touches("b"));
    assert!(fixes.apply(&article("b")).is_none());
}

#[test]
fn bad_edits_are_refused_with_a_reason() {
    let cases: &[(Change, Refused)] = &[
        (Change::OfficialName("  ".into()), Refused::EmptyName),
        (Change::OfficialAdd { name: "".into(), titles: vec![] }, Refused::EmptyName),
        (Change::MeetingDate(Some("2024-02-30".into())), Refused::BadDate("2024-02-30".into())),
        (Change::MeetingDate(Some("17/6/2024".into())), Refused::BadDate("17/6/2024".into())),
        (Change::DocumentNumber(" ".into()), Refused::EmptyNumber),
        (Change::SamePerson(at("a", 10, 29)), Refused::SameFact),
    ];
    for (change, refused) in cases {
        let mut fixes = Corrections::default();
        assert_eq!(fixes.push(at("a", 10, 29), change.clone()).as_ref(), Err(refused), "{change:?}");
        assert!(fixes.is_empty());
        assert!(!refused.to_string().is_empty());
    }
}

#[test]
fn corrections_round_trip_as_json() {
    let mut fixes = Corrections::default();
    for (_, edit, _) in EDITS {
        let (fact, change) = edit();
        fixes.push(fact, change).unwrap();
    }
    fixes.push(at("a", 10, 29), Change::SamePerson(at("b", 5, 9))).unwrap();
    fixes.push(at("a", 130, 132), Change::SameDocument(at("b", 1, 3))).unwrap();
    let json = serde_json::to_string(&fixes).unwrap();
    assert_eq!(serde_json::from_str::<Corrections>(&json).unwrap(), fixes);
}

/// One official in one article (the first mention at 0..9), for the identity cases.
fn one(source: &str, province: &str, name: &str, title: &str) -> Record {
    Record {
        source: Some(source.into()),
        published: Some("2024-01-01".into()),
        province: Some(province.into()),
        officials: vec![official(name, &[title], span(0, 9))],
        ..Record::default()
    }
}

/// (why, articles, identity edits, the people's names the merge must give, sorted)
type IdentityCase = (&'static str, fn() -> Vec<Record>, fn() -> Vec<(FactRef, Change)>, &'static [&'static str]);
const PEOPLE: &[IdentityCase] = &[
    (
        "two spellings the rule keeps apart, joined by the user",
        || {
            vec![
                one("a", "Kon Tum", "Y Ngọc", "Phó Chủ tịch UBND tỉnh"),
                one("b", "Kon Tum", "Y Ngoc", "Phó Chủ tịch UBND tỉnh"),
            ]
        },
        || vec![(at("a", 0, 9), Change::SamePerson(at("b", 0, 9)))],
        &["Y Ngọc"],
    ),
    (
        "one name in one province the rule joins, split by the user",
        || {
            vec![
                one("a", "Hải Phòng", "Lê Trí Vũ", "Trưởng Ban Dân vận Thành ủy"),
                one("b", "Hải Phòng", "Lê Trí Vũ", "Trưởng Ban Dân vận Thành ủy"),
            ]
        },
        || vec![(at("b", 0, 9), Change::OtherPerson)],
        &["Lê Trí Vũ", "Lê Trí Vũ"],
    ),
    (
        "a split after a join undoes the join",
        || {
            vec![
                one("a", "Kon Tum", "Y Ngọc", "Phó Chủ tịch UBND tỉnh"),
                one("b", "Kon Tum", "Y Ngoc", "Phó Chủ tịch UBND tỉnh"),
            ]
        },
        || vec![(at("a", 0, 9), Change::SamePerson(at("b", 0, 9))), (at("b", 0, 9), Change::OtherPerson)],
        &["Y Ngoc", "Y Ngọc"],
    ),
    (
        "a join after a split joins",
        || {
            vec![
                one("a", "Hải Phòng", "Lê Trí Vũ", "Trưởng Ban Dân vận Thành ủy"),
                one("b", "Hải Phòng", "Lê Trí Vũ", "Trưởng Ban Dân vận Thành ủy"),
            ]
        },
        || vec![(at("b", 0, 9), Change::OtherPerson), (at("b", 0, 9), Change::SamePerson(at("a", 0, 9)))],
        &["Lê Trí Vũ"],
    ),
    (
        "a split official stays apart from a third article of the same name too",
        || {
            vec![
                one("a", "Hải Phòng", "Lê Trí Vũ", "Trưởng Ban Dân vận Thành ủy"),
                one("b", "Hải Phòng", "Lê Trí Vũ", "Trưởng Ban Dân vận Thành ủy"),
                one("c", "Hải Phòng", "Lê Trí Vũ", "Trưởng Ban Dân vận Thành ủy"),
            ]
        },
        || vec![(at("a", 0, 9), Change::OtherPerson)],
        &["Lê Trí Vũ", "Lê Trí Vũ"],
    ),
    (
        "a join naming an official no longer extracted is left out",
        || {
            vec![
                one("a", "Kon Tum", "Y Ngọc", "Phó Chủ tịch UBND tỉnh"),
                one("b", "Kon Tum", "Y Ngoc", "Phó Chủ tịch UBND tỉnh"),
            ]
        },
        || vec![(at("a", 0, 9), Change::SamePerson(at("c", 0, 9)))],
        &["Y Ngoc", "Y Ngọc"],
    ),
];

#[test]
fn people_join_and_split_as_the_user_chose() {
    for (why, records, edits, expected) in PEOPLE {
        let records = records();
        let mut fixes = Corrections::default();
        for (fact, change) in edits() {
            fixes.push(fact, change).unwrap();
        }
        // The whole merge and the page's incremental one agree.
        let mut merger = Merger::new();
        for r in &records {
            merger.add(r);
        }
        merger.set_identity(fixes.identity());
        for merged in [merge_corrected(&records, &fixes), merger.merged()] {
            let mut names: Vec<&str> = merged.people.iter().map(|p| p.name.as_str()).collect();
            names.sort_unstable();
            assert_eq!(&names, expected, "{why}");
        }
    }
}

#[test]
fn documents_join_as_the_user_chose() {
    let mut b = article("b");
    b.documents = vec![Document { number: "68-NQ/TW".into(), span: span(7, 15), ..Document::default() }];
    let records = vec![article("a"), b];
    assert_eq!(merge(&records).documents.len(), 2);
    let mut fixes = Corrections::default();
    fixes.push(at("a", 130, 132), Change::SameDocument(at("b", 7, 15))).unwrap();
    let merged = merge_corrected(&records, &fixes);
    assert_eq!(merged.documents.len(), 1, "{:#?}", merged.documents);
    assert_eq!(merged.documents[0].articles, 2);
    assert_eq!(merged.documents[0].numbers_as_written.len(), 2);
}

#[test]
fn corrected_facts_reach_the_merge() {
    let mut fixes = Corrections::default();
    fixes.push(at("a", 10, 29), Change::OfficialTitles(vec!["Trưởng Ban Dân vận Tỉnh ủy".into()])).unwrap();
    fixes.push(at("a", 0, 120), Change::MeetingChairs(vec!["Nguyễn Thị Phong Vũ".into()])).unwrap();
    let merged = merge_corrected(&[article("a")], &fixes);
    let vu = merged.people.iter().find(|p| p.name == "Nguyễn Thị Phong Vũ").unwrap();
    assert_eq!(vu.posts.iter().map(|p| p.title.as_str()).collect::<Vec<_>>(), ["Trưởng Ban Dân vận Tỉnh ủy"]);
    assert_eq!(merged.meetings[0].chairs, ["Nguyễn Thị Phong Vũ"]);
    assert_eq!(merged.meetings[0].chair_ids, [vu.id]);
    let marked = fixes.marked();
    assert!(vu.mentions.iter().any(|m| marked.contains(&FactRef { source: m.source.clone(), at: m.span })));
}

// ---------------------------------------------------------------- the undo history, kept across reloads

/// What a user does in a session: a correction (one step to undo), undo, redo.
#[derive(Clone, Copy, Debug)]
enum Act {
    /// The official at 10..29 of article `.0` renamed `.1`.
    Rename(&'static str, &'static str),
    /// The titles of the official at 40..55 of article `.0`.
    Titles(&'static str, &'static str),
    Delete(&'static str),
    Undo,
    Redo,
}

/// Plays `acts` as the page does (`correcting.rs`): the corrections after them, and their history.
fn play(acts: &[Act]) -> (Corrections, History) {
    let mut now = Corrections::default();
    let mut history = History::default();
    for act in acts {
        let change = match *act {
            Act::Rename(a, name) => (at(a, 10, 29), Change::OfficialName(name.into())),
            Act::Titles(a, title) => (at(a, 40, 55), Change::OfficialTitles(vec![title.into()])),
            Act::Delete(a) => (at(a, 130, 132), Change::DocumentDelete),
            Act::Undo => {
                now = history.undo(&now).unwrap_or(now);
                continue;
            }
            Act::Redo => {
                now = history.redo(&now).unwrap_or(now);
                continue;
            }
        };
        let before = now.clone();
        now.push(change.0, change.1).unwrap();
        history.record(before);
    }
    (now, history)
}

/// Every state undo and redo reach from `now`, in turn: all undone, then all redone.
fn walk(mut now: Corrections, mut history: History) -> Vec<Corrections> {
    let mut seen = vec![now.clone()];
    while let Some(before) = history.undo(&now) {
        now = before;
        seen.push(now.clone());
    }
    while let Some(after) = history.redo(&now) {
        now = after;
        seen.push(now.clone());
    }
    seen
}

#[test]
fn the_undo_history_comes_back_after_a_reload() {
    use Act::*;
    let sessions: &[(&str, &[Act])] = &[
        ("nothing done", &[]),
        ("one correction", &[Rename("a", "Nguyễn Thị Vũ")]),
        ("one correction, undone", &[Rename("a", "Nguyễn Thị Vũ"), Undo]),
        (
            "a field corrected twice: the second replaces the first in the middle of the list",
            &[Rename("a", "X"), Titles("a", "Bí thư"), Delete("b"), Rename("a", "Y")],
        ),
        (
            "undo and redo mixed, something left to redo",
            &[Rename("a", "X"), Titles("b", "Bí thư"), Undo, Undo, Redo, Delete("a"), Titles("a", "Phó Bí thư"), Undo],
        ),
        ("everything undone", &[Rename("a", "X"), Rename("a", "Y"), Rename("a", "Z"), Undo, Undo, Undo]),
        ("a correction after an undo forgets the redo", &[Rename("a", "X"), Rename("a", "Y"), Undo, Delete("c")]),
    ];
    for (what, acts) in sessions {
        let (now, history) = play(acts);
        let json = serde_json::to_string(&history.saved(&now)).unwrap();
        let saved: SavedHistory = serde_json::from_str(&json).unwrap();
        let back = History::restore(&saved, &now).unwrap_or_else(|e| panic!("{what}: {e}"));
        assert_eq!(back, history, "{what}: {json}");
        assert_eq!(walk(now.clone(), back), walk(now, history), "{what}");
    }
}

#[test]
fn the_history_is_bounded_and_kept_as_steps() {
    // 1,000 corrections, then 250 more of the first ones' names: 200 can be undone, each kept as a step of an
    // edit or two rather than a copy of the thousand.
    let mut now = Corrections::default();
    let mut history = History::default();
    for i in 0..1250 {
        let before = now.clone();
        let a = format!("a{}", i % 1000);
        now.push(at(&a, 10, 29), Change::OfficialName(format!("Người {i}"))).unwrap();
        history.record(before);
    }
    assert_eq!(now.edits.len(), 1000);
    let saved = history.saved(&now);
    assert_eq!((saved.undo.len(), saved.redo.len()), (UNDO_DEPTH, 0));
    assert!(saved.undo.iter().all(|s| s.added.len() == 1 && s.removed.len() == 1), "one edit replaced a step");
    let json = serde_json::to_string(&saved).unwrap();
    assert!(json.len() < 100_000, "{} bytes", json.len());
    let back = History::restore(&saved, &now).unwrap();
    assert_eq!(back, history);
    let mut back = back;
    for _ in 0..UNDO_DEPTH {
        now = back.undo(&now).unwrap();
    }
    assert!(!back.can_undo());
    assert_eq!(now.edits.last().unwrap().change, Change::OfficialName("Người 1049".into()));
}

#[test]
fn steps_lead_between_any_two_lists() {
    let e = |a: &str, name: &str| Edit { fact: at(a, 10, 29), change: Change::OfficialName(name.into()) };
    let (x, y, z, w) = (e("a", "X"), e("b", "Y"), e("c", "Z"), e("d", "W"));
    /// (what, older, newer, how many edits the step takes out and appends)
    type Case = (&'static str, Vec<Edit>, Vec<Edit>, (usize, usize));
    let cases: Vec<Case> = vec![
        ("the same", vec![x.clone(), y.clone()], vec![x.clone(), y.clone()], (0, 0)),
        ("one appended", vec![x.clone()], vec![x.clone(), y.clone()], (0, 1)),
        (
            "one replaced in the middle",
            vec![x.clone(), y.clone(), z.clone()],
            vec![x.clone(), z.clone(), w.clone()],
            (1, 1),
        ),
        ("all gone", vec![x.clone(), y.clone()], vec![], (2, 0)),
        ("from nothing", vec![], vec![x.clone(), y.clone()], (0, 2)),
        ("reordered", vec![x.clone(), y.clone(), z.clone()], vec![z.clone(), x.clone(), y.clone()], (2, 2)),
        ("the same edit pushed again", vec![x.clone(), y.clone()], vec![y.clone(), x.clone()], (1, 1)),
    ];
    for (what, older, newer, (out, appended)) in cases {
        let step = Step::between(&older, &newer);
        assert_eq!((step.removed.len(), step.added.len()), (out, appended), "{what}");
        assert_eq!(step.forward(&older).as_ref(), Some(&newer), "{what}: forward");
        assert_eq!(step.back(&newer).as_ref(), Some(&older), "{what}: back");
    }
}

#[test]
fn a_history_that_does_not_fit_the_corrections_is_refused() {
    let (now, history) = play(&[Act::Rename("a", "X"), Act::Titles("a", "Bí thư"), Act::Undo]);
    let good = history.saved(&now);
    let other = play(&[Act::Delete("z")]).0;
    let mut moved = good.clone();
    moved.undo[0].removed.push((99, now.edits[0].clone()));
    let mut wrong_redo = good.clone();
    wrong_redo.redo[0].removed.push((0, other.edits[0].clone()));
    let long = SavedHistory { undo: vec![Step::default(); UNDO_DEPTH + 1], redo: Vec::new() };
    let cases: &[(&str, &SavedHistory, &Corrections, BadHistory)] = &[
        ("other corrections", &good, &other, BadHistory::DoesNotFit),
        ("a removed edit past the end", &moved, &now, BadHistory::DoesNotFit),
        ("a redo step taking out an edit that is not there", &wrong_redo, &now, BadHistory::DoesNotFit),
        ("more steps than the history holds", &long, &now, BadHistory::TooLong(UNDO_DEPTH + 1)),
    ];
    for (what, saved, corrections, expected) in cases {
        assert_eq!(History::restore(saved, corrections).as_ref(), Err(expected), "{what}");
        assert!(!expected.to_string().is_empty());
    }
    assert_eq!(History::restore(&SavedHistory::default(), &now), Ok(History::default()));
}

/// A name given to the official at `start` of "a.txt" (one field of one fact).
fn named(start: usize, name: &str) -> Edit {
    Edit { fact: at("a.txt", start, start + 5), change: Change::OfficialName(name.into()) }
}

/// The corrections made of `edits` (as a tab holds or keeps them).
fn kept(edits: &[&Edit]) -> Corrections {
    Corrections { edits: edits.iter().map(|e| (*e).clone()).collect() }
}

#[test]
fn another_tabs_corrections_are_taken_not_overwritten() {
    let (a, b, c, d) = (named(0, "A"), named(10, "B"), named(20, "C"), named(30, "D"));
    let (a2, a3) = (named(0, "A2"), named(0, "A3"));
    /// (what, base: what this tab last read or kept, theirs: what the other tab kept, ours, expected)
    type Case<'e> = (&'static str, &'e [&'e Edit], &'e [&'e Edit], &'e [&'e Edit], &'e [&'e Edit]);
    let cases: &[Case] = &[
        ("the other tab changed nothing", &[&a], &[&a], &[&a, &b], &[&a, &b]),
        ("it added one: taken, before ours", &[&a], &[&a, &c], &[&a, &b], &[&a, &c, &b]),
        ("the lost update: neither saw the other", &[], &[&c], &[&b], &[&c, &b]),
        ("it undid one", &[&a, &b], &[&b], &[&a, &b, &d], &[&b, &d]),
        ("it changed a field this tab left alone", &[&a, &b], &[&a2, &b], &[&a, &b], &[&b, &a2]),
        ("both changed one field: this tab's stays", &[&a], &[&a2], &[&a3], &[&a3]),
        ("taken twice: the same", &[&a], &[&a, &c], &[&a, &c], &[&a, &c]),
        ("it emptied them: only this tab's new ones stay", &[&a, &b], &[], &[&a, &b, &d], &[&d]),
        ("nothing new here: theirs", &[&a, &b], &[&b, &c], &[&a, &b], &[&b, &c]),
    ];
    for (what, base, theirs, ours, expected) in cases {
        let got = kept(ours).rebased(&kept(base), &kept(theirs));
        assert_eq!(got, kept(expected), "{what}");
        assert_eq!(got.rebased(&kept(base), &kept(theirs)), got, "{what}: taken twice");
    }
}

#[test]
fn another_tabs_corrections_reach_every_state_of_the_history() {
    // This tab: b (kept), then d (two steps to undo). The other tab read b and kept c after it.
    let (b, c, d) = (named(10, "B"), named(20, "C"), named(30, "D"));
    let mut history = History::default();
    history.record(kept(&[]));
    history.record(kept(&[&b]));
    let (base, theirs) = (kept(&[&b]), kept(&[&b, &c]));
    let now = kept(&[&b, &d]).rebased(&base, &theirs);
    let mut history = history.map(|s| s.rebased(&base, &theirs));
    assert_eq!(now, kept(&[&b, &c, &d]));
    // Undone here: this tab's steps go, the other tab's correction stays.
    let back = history.undo(&now).unwrap();
    assert_eq!(back, kept(&[&b, &c]));
    assert_eq!(history.undo(&back).unwrap(), kept(&[&c]));
}
