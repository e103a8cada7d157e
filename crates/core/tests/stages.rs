//! Tables of cases as data, one runner per stage: `tests/cases/*.tsv`.
//! Each row says what it guards; a failure names the row.

use hoinghi_core::{extract, Date, Record};

fn rows(data: &str) -> Vec<Vec<&str>> {
    data.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
        .map(|l| l.split('\t').collect())
        .collect()
}

/// Runs a table: each row is (what it guards, sentence, what `render` must give of its record).
fn run_table(data: &str, at_least: usize, published: Option<Date>, render: impl Fn(&Record) -> String) {
    let table = rows(data);
    assert!(table.len() >= at_least);
    for row in table {
        let (what, sentence, want) = (row[0], row[1], row.get(2).copied().unwrap_or(""));
        let record = extract(&format!("Tiêu đề\n{sentence}"), published);
        assert_eq!(render(&record), want, "{what}");
    }
}

fn or_empty(s: &Option<String>) -> &str {
    s.as_deref().unwrap_or("")
}

#[test]
fn officials_table() {
    run_table(include_str!("cases/officials.tsv"), 19, None, |r| {
        r.officials.iter().map(|o| format!("{} = {}", o.name, o.titles.join("; "))).collect::<Vec<_>>().join(" | ")
    });
}

#[test]
fn documents_table() {
    run_table(include_str!("cases/documents.tsv"), 7, None, |r| {
        let docs = r
            .documents
            .iter()
            .map(|d| format!("{} | {} | {} | {}", or_empty(&d.kind), d.number, or_empty(&d.date), or_empty(&d.issuer)));
        docs.collect::<Vec<_>>().join(" || ")
    });
}

#[test]
fn meetings_table() {
    run_table(include_str!("cases/meetings.tsv"), 19, Date::new(2024, 6, 17), |r| {
        let meetings = r.meetings.iter().map(|m| {
            format!("{} | {} | {} | {}", or_empty(&m.date), m.kind, m.chairs.join("; "), m.organizers.join("; "))
        });
        meetings.collect::<Vec<_>>().join(" || ")
    });
}

#[test]
fn places_table() {
    run_table(include_str!("cases/places.tsv"), 10, Date::new(2024, 6, 17), |r| {
        r.meetings.first().map(|m| m.places.join("; ")).unwrap_or_default()
    });
}

#[test]
fn meeting_names_table() {
    run_table(include_str!("cases/meeting_names.tsv"), 2, Date::new(2024, 6, 17), |r| {
        r.meetings.first().map(|m| m.name.clone()).unwrap_or_default()
    });
}

#[test]
fn published_table() {
    let table = rows(include_str!("cases/published.tsv"));
    assert!(table.len() >= 8);
    for row in table {
        let (what, text, want) = (row[0], row[1].replace(" / ", "\n"), row[2]);
        let record = extract(&text, Date::new(2024, 6, 17));
        let from = record.published_from.map(|f| serde_json::to_string(&f).unwrap().trim_matches('"').to_string());
        assert_eq!(format!("{} | {}", or_empty(&record.published), from.unwrap_or_default()), want, "{what}");
    }
}

#[test]
fn province_table() {
    let table = rows(include_str!("cases/province.tsv"));
    assert!(table.len() >= 4);
    for row in table {
        let (what, text, published, want) =
            (row[0], row[1].replace(" / ", "\n"), row[2], row.get(3).copied().unwrap_or(""));
        let published = published.split('-').map(|p| p.parse().unwrap_or(0)).collect::<Vec<i32>>();
        let date =
            (published.len() == 3).then(|| Date::new(published[0], published[1] as u32, published[2] as u32)).flatten();
        let record = extract(&text, date);
        assert_eq!(record.province.as_deref().unwrap_or(""), want, "{what}");
    }
}
