//! The ties the page's cards follow: a meeting's people with the person each name is, the documents its
//! articles cite, the meetings of the articles citing a document, and finding each by id.

mod common;

use common::article;
use hoinghi_core::Record;
use hoinghi_merge::{merge, Merged, Named};

fn named(merged: &Merged, list: &[Named]) -> Vec<(String, Option<String>)> {
    list.iter().map(|n| (n.name.clone(), n.person.and_then(|id| merged.person(id)).map(|p| p.name.clone()))).collect()
}

#[test]
fn a_meetings_people_link_to_the_persons_they_are() {
    // (why, articles, chairs as (name, person), attendees as (name, person))
    type Case = (
        &'static str,
        Vec<Record>,
        Vec<(&'static str, Option<&'static str>)>,
        Vec<(&'static str, Option<&'static str>)>,
    );
    let cases: Vec<Case> = vec![
        (
            "chair and an attendee among the officials, another attendee named only",
            vec![article("a", "2024-06-17", "Lâm Hải Giang", &["Hồ Quốc Dũng", "Trần Văn B"], &["Hồ Quốc Dũng"], &[])],
            vec![("Lâm Hải Giang", Some("Lâm Hải Giang"))],
            vec![("Hồ Quốc Dũng", Some("Hồ Quốc Dũng")), ("Trần Văn B", None)],
        ),
        (
            "a name spelt in another case is still the person",
            vec![article("a", "2024-06-17", "lâm hải giang", &[], &[], &[])],
            vec![("lâm hải giang", Some("lâm hải giang"))],
            vec![],
        ),
        (
            "a chair also listed among the attendees is a chair only",
            vec![article(
                "a",
                "2024-06-17",
                "Lâm Hải Giang",
                &["Lâm Hải Giang", "Hồ Quốc Dũng"],
                &["Hồ Quốc Dũng"],
                &[],
            )],
            vec![("Lâm Hải Giang", Some("Lâm Hải Giang"))],
            vec![("Hồ Quốc Dũng", Some("Hồ Quốc Dũng"))],
        ),
    ];
    for (why, records, chairs, attendees) in cases {
        let merged = merge(&records);
        let m = &merged.meetings[0];
        let want = |l: &[(&str, Option<&str>)]| -> Vec<(String, Option<String>)> {
            l.iter().map(|(n, p)| (n.to_string(), p.map(str::to_string))).collect()
        };
        assert_eq!(named(&merged, &merged.chairs_of(m)), want(&chairs), "{why}: chairs");
        assert_eq!(named(&merged, &merged.attendees_of(m)), want(&attendees), "{why}: attendees");
    }
}

#[test]
fn meetings_and_documents_meet_in_their_articles() {
    let merged = merge(&[
        article("a", "2024-06-17", "Lâm Hải Giang", &[], &[], &["68-NQ/TW", "33/CT-TTg"]),
        article("b", "2024-07-02", "Hồ Quốc Dũng", &[], &[], &["68-NQ/TW"]),
        article("c", "2024-08-01", "Trần Văn B", &[], &[], &[]),
    ]);
    let meeting = |source: &str| merged.meetings.iter().find(|m| m.sources == [source]).unwrap();
    let document = |number: &str| merged.documents.iter().find(|d| d.number == number).unwrap();
    // (meeting's article, numbers its articles cite)
    let cited: &[(&str, &[&str])] = &[("a", &["33/CT-TTg", "68-NQ/TW"]), ("b", &["68-NQ/TW"]), ("c", &[])];
    for (source, numbers) in cited {
        let mut got: Vec<&str> = merged.documents_of(meeting(source)).iter().map(|d| d.number.as_str()).collect();
        got.sort();
        assert_eq!(&got, numbers, "documents of the meeting of {source}");
    }
    // (document, articles of the meetings citing it)
    let citing: &[(&str, &[&str])] = &[("68-NQ/TW", &["a", "b"]), ("33/CT-TTg", &["a"])];
    for (number, sources) in citing {
        let got: Vec<&str> = merged.meetings_citing(document(number)).iter().map(|m| m.sources[0].as_str()).collect();
        assert_eq!(&got, sources, "meetings citing {number}");
    }
}

#[test]
fn found_by_id_in_the_whole_view_and_in_a_filtered_one() {
    let merged = merge(&[
        article("a", "2024-06-17", "Lâm Hải Giang", &[], &[], &["68-NQ/TW"]),
        article("b", "2024-07-02", "Hồ Quốc Dũng", &[], &[], &["9/CT-TTg"]),
    ]);
    for m in &merged.meetings {
        assert_eq!(merged.meeting(m.id), Some(m));
    }
    for d in &merged.documents {
        assert_eq!(merged.document(d.id), Some(d));
    }
    for p in &merged.people {
        assert_eq!(merged.person(p.id), Some(p));
    }
    // A filtered view keeps the ids of the whole: the second of each is found by its id, the first is not.
    let kept = Merged {
        people: merged.people[1..].to_vec(),
        meetings: merged.meetings[1..].to_vec(),
        documents: merged.documents[1..].to_vec(),
        provinces: Vec::new(),
    };
    assert_eq!(kept.meeting(1), merged.meeting(1));
    assert_eq!(kept.meeting(0), None);
    assert_eq!(kept.document(1), merged.document(1));
    assert_eq!(kept.document(0), None);
    assert_eq!(kept.person(1), merged.person(1));
    assert_eq!(kept.person(0), None);
    assert_eq!(merged.meeting(99), None);
}
