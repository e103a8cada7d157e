//! CSV tables of a [`Merged`] view, for Excel and friends.
//!
//! RFC 4180: comma-separated, CRLF line ends, a cell quoted when it holds a comma, a quote, CR or LF, quotes
//! doubled. A cell that starts with `=`, `+`, `-`, `@`, a tab or a CR gets a leading `'` so that a
//! spreadsheet reads it as text, not a formula (CSV injection). Lists in one cell are joined with `; `.
//!
//! The output has **no byte-order mark**: Excel needs one (`\u{FEFF}`) to read UTF-8, so a caller writing a
//! file for Excel puts it in front (`format!("\u{FEFF}{}", people_csv(&merged))`).

use crate::Merged;

/// One row per person: name, full posts, shortened posts, roles, provinces, articles, dates, sources.
pub fn people_csv(merged: &Merged) -> String {
    let mut out = String::new();
    row(
        &mut out,
        &[
            "id",
            "name",
            "posts",
            "shortened_posts",
            "roles",
            "provinces",
            "provinces_today",
            "articles",
            "first_seen",
            "last_seen",
            "sources",
            "spellings",
        ],
    );
    for p in &merged.people {
        let (full, short): (Vec<_>, Vec<_>) = p.posts.iter().partition(|post| post.short_of.is_none());
        row(
            &mut out,
            &[
                &p.id.to_string(),
                &p.name,
                &join(full.iter().map(|post| post.title.as_str())),
                &join(short.iter().map(|post| post.title.as_str())),
                &join(p.roles.iter()),
                &join(p.provinces.iter()),
                &join(p.provinces_today.iter()),
                &p.articles.to_string(),
                opt(&p.first_seen),
                opt(&p.last_seen),
                &join(p.sources.iter()),
                &join(p.name_variants.iter()),
            ],
        );
    }
    out
}

/// One row per stated post (a person's history): who held which post, stated where and when.
pub fn positions_csv(merged: &Merged) -> String {
    let mut out = String::new();
    row(&mut out, &["person_id", "name", "date", "date_from", "post", "as_written", "shortens", "source"]);
    for p in &merged.people {
        for h in &p.history {
            let from = h.date_from.map(|f| format!("{f:?}").to_lowercase()).unwrap_or_default();
            row(
                &mut out,
                &[
                    &p.id.to_string(),
                    &p.name,
                    opt(&h.date),
                    &from,
                    &h.title,
                    &h.as_written,
                    opt(&h.short_of),
                    &h.source,
                ],
            );
        }
    }
    out
}

/// One row per merged meeting.
pub fn meetings_csv(merged: &Merged) -> String {
    let mut out = String::new();
    row(
        &mut out,
        &[
            "id",
            "date",
            "time_of_day",
            "kind",
            "name",
            "organizers",
            "chairs",
            "attendees",
            "places",
            "provinces",
            "provinces_today",
            "articles",
            "sources",
        ],
    );
    for m in &merged.meetings {
        row(
            &mut out,
            &[
                &m.id.to_string(),
                opt(&m.date),
                opt(&m.time_of_day),
                &m.kind,
                &m.name,
                &join(m.organizers.iter()),
                &join(m.chairs.iter()),
                &join(m.attendees.iter()),
                &join(m.places.iter()),
                &join(m.provinces.iter()),
                &join(m.provinces_today.iter()),
                &m.articles.to_string(),
                &join(m.sources.iter()),
            ],
        );
    }
    out
}

/// One row per merged document.
pub fn documents_csv(merged: &Merged) -> String {
    let mut out = String::new();
    row(
        &mut out,
        &[
            "id",
            "number",
            "kind",
            "kind_inferred",
            "issuer",
            "issuer_inferred",
            "date",
            "articles",
            "sources",
            "numbers_as_written",
        ],
    );
    for d in &merged.documents {
        row(
            &mut out,
            &[
                &d.id.to_string(),
                &d.number,
                opt(&d.kind),
                yes_no(d.kind_inferred),
                opt(&d.issuer),
                yes_no(d.issuer_inferred),
                opt(&d.date),
                &d.articles.to_string(),
                &join(d.sources.iter()),
                &join(d.numbers_as_written.iter()),
            ],
        );
    }
    out
}

fn opt(value: &Option<String>) -> &str {
    value.as_deref().unwrap_or("")
}

fn yes_no(value: bool) -> &'static str {
    if value {
        "yes"
    } else {
        "no"
    }
}

fn join<S: AsRef<str>>(items: impl Iterator<Item = S>) -> String {
    items.map(|s| s.as_ref().to_string()).collect::<Vec<_>>().join("; ")
}

fn row(out: &mut String, cells: &[&str]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&cell_text(cell));
    }
    out.push_str("\r\n");
}

/// One cell, neutralised and quoted as needed.
pub fn cell_text(cell: &str) -> String {
    let neutral =
        if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{cell}") } else { cell.to_string() };
    if neutral.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", neutral.replace('"', "\"\""))
    } else {
        neutral
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells() {
        let cases = [
            ("Lê Trí Vũ", "Lê Trí Vũ"),
            ("Ủy viên, Trưởng Ban", "\"Ủy viên, Trưởng Ban\""),
            ("nói \"dân vận khéo\"", "\"nói \"\"dân vận khéo\"\"\""),
            ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""),
            ("+84", "'+84"),
            ("-1", "'-1"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("dòng 1\ndòng 2", "\"dòng 1\ndòng 2\""),
            ("", ""),
        ];
        for (cell, want) in cases {
            assert_eq!(cell_text(cell), want, "{cell:?}");
        }
    }
}
