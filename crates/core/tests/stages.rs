//! Tables of cases as data, one runner per stage: `tests/cases/*.tsv`.
//! Each row says what it guards; a failure names the row.

use hoinghi_core::extract;

fn rows(data: &str) -> Vec<Vec<&str>> {
    data.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).skip(1).map(|l| l.split('\t').collect()).collect()
}

#[test]
fn officials_table() {
    let table = rows(include_str!("cases/officials.tsv"));
    assert!(table.len() >= 19);
    for row in table {
        let (what, sentence, want) = (row[0], row[1], row.get(2).copied().unwrap_or(""));
        let record = extract(&format!("Tiêu đề\n{sentence}"), None);
        let got: Vec<String> = record.officials.iter().map(|o| format!("{} = {}", o.name, o.titles.join("; "))).collect();
        assert_eq!(got.join(" | "), want, "{what}");
    }
}

#[test]
fn documents_table() {
    let table = rows(include_str!("cases/documents.tsv"));
    assert!(table.len() >= 7);
    for row in table {
        let (what, sentence, want) = (row[0], row[1], row.get(2).copied().unwrap_or(""));
        let record = extract(&format!("Tiêu đề\n{sentence}"), None);
        let got: Vec<String> = record
            .documents
            .iter()
            .map(|d| format!("{} | {} | {} | {}", d.kind.as_deref().unwrap_or(""), d.number, d.date.as_deref().unwrap_or(""), d.issuer.as_deref().unwrap_or("")))
            .collect();
        assert_eq!(got.join(" || "), want, "{what}");
    }
}

#[test]
fn meetings_table() {
    let table = rows(include_str!("cases/meetings.tsv"));
    assert!(table.len() >= 19);
    for row in table {
        let (what, sentence, want) = (row[0], row[1], row.get(2).copied().unwrap_or(""));
        let record = extract(&format!("Tiêu đề\n{sentence}"), hoinghi_core::Date::new(2024, 6, 17));
        let got: Vec<String> = record
            .meetings
            .iter()
            .map(|m| format!("{} | {} | {} | {}", m.date.as_deref().unwrap_or(""), m.kind, m.chairs.join("; "), m.organizers.join("; ")))
            .collect();
        assert_eq!(got.join(" || "), want, "{what}");
    }
}
