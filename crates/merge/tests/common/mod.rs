//! What the merge's test files share: an article reporting one meeting.

use hoinghi_core::{Document, Meeting, Official, Record, Role, Span};

/// One article on `date` reporting one meeting chaired by `chair` with `attendees` (those in `officials` are
/// among the article's officials), citing `documents`.
pub fn article(
    source: &str,
    date: &str,
    chair: &str,
    attendees: &[&str],
    officials: &[&str],
    documents: &[&str],
) -> Record {
    let official = |name: &str, role: Role| Official {
        name: name.into(),
        titles: vec!["Phó Chủ tịch UBND tỉnh".into()],
        roles: vec![role],
        ..Official::default()
    };
    let mut listed = vec![official(chair, Role::Chair)];
    listed.extend(officials.iter().map(|a| official(a, Role::Attend)));
    Record {
        source: Some(source.into()),
        published: Some(date.into()),
        province: Some("Bình Định".into()),
        meetings: vec![Meeting {
            date: Some(date.into()),
            kind: "giao ban".into(),
            name: format!("Hội nghị giao ban {source}"),
            chairs: vec![chair.into()],
            attendees: attendees.iter().map(|a| a.to_string()).collect(),
            evidence: Span { start: 0, end: 10 },
            ..Meeting::default()
        }],
        officials: listed,
        documents: documents
            .iter()
            .enumerate()
            .map(|(i, n)| Document {
                number: n.to_string(),
                span: Span { start: 20 + i, end: 21 + i },
                ..Document::default()
            })
            .collect(),
        ..Record::default()
    }
}
