//! Who meets whom: which people and shared meetings the graph holds, and that its layout repeats.

mod common;

use common::article;
use hoinghi_core::Record;
use hoinghi_merge::graph::{met_most, people_and_pairs, who_meets_whom, Layout};
use hoinghi_merge::merge;

/// One article reporting one meeting: its date, its chair and its attendees (all among its officials).
fn report(source: &str, date: &str, chair: &str, attendees: &[&str]) -> Record {
    article(source, date, chair, attendees, attendees, &[])
}

fn names(merged: &hoinghi_merge::Merged, ids: impl IntoIterator<Item = usize>) -> Vec<String> {
    ids.into_iter().map(|id| merged.people[id].name.clone()).collect()
}

/// (why, articles, limit, nodes heaviest first, edges as (name, name, meetings), left out)
type Case =
    (&'static str, Vec<Record>, usize, &'static [&'static str], &'static [(&'static str, &'static str, usize)], usize);

fn cases() -> Vec<Case> {
    vec![
        ("no meeting, no graph", vec![], 10, &[], &[], 0),
        (
            "a chair alone is a node without edges",
            vec![report("a", "2024-06-17", "Lâm Hải Giang", &[])],
            10,
            &["Lâm Hải Giang"],
            &[],
            0,
        ),
        (
            "two meetings on different days: the pair who met twice weighs 2, the others 1",
            vec![
                report("a", "2024-06-17", "Lâm Hải Giang", &["Nguyễn Tự Công Hoàng", "Hồ Quốc Dũng"]),
                report("b", "2024-07-02", "Lâm Hải Giang", &["Nguyễn Tự Công Hoàng"]),
            ],
            10,
            &["Lâm Hải Giang", "Nguyễn Tự Công Hoàng", "Hồ Quốc Dũng"],
            &[
                ("Lâm Hải Giang", "Nguyễn Tự Công Hoàng", 2),
                ("Lâm Hải Giang", "Hồ Quốc Dũng", 1),
                ("Nguyễn Tự Công Hoàng", "Hồ Quốc Dũng", 1),
            ],
            0,
        ),
        (
            "the limit keeps the people of most meetings and drops the edges to those left out",
            vec![
                report("a", "2024-06-17", "Lâm Hải Giang", &["Nguyễn Tự Công Hoàng", "Hồ Quốc Dũng"]),
                report("b", "2024-07-02", "Lâm Hải Giang", &["Nguyễn Tự Công Hoàng"]),
            ],
            2,
            &["Lâm Hải Giang", "Nguyễn Tự Công Hoàng"],
            &[("Lâm Hải Giang", "Nguyễn Tự Công Hoàng", 2)],
            1,
        ),
        (
            "two outlets' reports of one meeting are one meeting shared, not two",
            vec![
                report("a", "2024-06-17", "Lâm Hải Giang", &["Nguyễn Tự Công Hoàng"]),
                report("b", "2024-06-17", "Lâm Hải Giang", &["Nguyễn Tự Công Hoàng"]),
            ],
            10,
            &["Lâm Hải Giang", "Nguyễn Tự Công Hoàng"],
            &[("Lâm Hải Giang", "Nguyễn Tự Công Hoàng", 1)],
            0,
        ),
    ]
}

#[test]
fn the_graph_holds_the_people_and_the_meetings_they_shared() {
    let mut failures = Vec::new();
    for (why, records, limit, nodes, edges, left_out) in cases() {
        let merged = merge(&records);
        let graph = who_meets_whom(&merged, limit);
        let got_nodes = names(&merged, graph.nodes.iter().map(|n| n.person));
        let node_name = |i: usize| merged.people[graph.nodes[i].person].name.clone();
        let mut got_edges: Vec<(String, String, usize)> =
            graph.edges.iter().map(|e| (node_name(e.a), node_name(e.b), e.meetings)).collect();
        got_edges.sort();
        let mut want_edges: Vec<(String, String, usize)> =
            edges.iter().map(|(a, b, m)| (a.to_string(), b.to_string(), *m)).collect();
        want_edges.sort();
        // An edge may name its ends either way round.
        let same_edges = got_edges.len() == want_edges.len()
            && want_edges.iter().all(|(a, b, m)| {
                got_edges.iter().any(|(x, y, n)| n == m && ((x == a && y == b) || (x == b && y == a)))
            });
        if got_nodes != *nodes || !same_edges || graph.left_out != left_out {
            failures.push(format!("{why}: nodes {got_nodes:?}, edges {got_edges:?}, left out {}", graph.left_out));
        }
        let inside = graph.nodes.iter().all(|n| (0.0..=1.0).contains(&n.x) && (0.0..=1.0).contains(&n.y));
        if !inside {
            failures.push(format!("{why}: a node outside the unit square"));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// A bigger meeting network: 40 people in 30 meetings of 2 to 6, drawn from a fixed sequence.
fn network() -> Vec<Record> {
    let family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng"];
    let given = ["An", "Bình", "Cường", "Dũng", "Giang", "Hải", "Khoa", "Long"];
    let people: Vec<String> = (0..40).map(|i| format!("{} Văn {}", family[i % 5], given[i / 5])).collect();
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let mut next = move |n: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n) as usize
    };
    (0..30)
        .map(|m| {
            let chair = &people[next(40)];
            let attendees: Vec<&str> =
                (0..1 + next(5)).map(|_| people[next(40)].as_str()).filter(|a| *a != chair.as_str()).collect();
            let mut attendees = attendees;
            attendees.sort();
            attendees.dedup();
            report(&format!("m{m:02}"), &format!("2024-{:02}-{:02}", 1 + m % 12, 1 + m % 28), chair, &attendees)
        })
        .collect()
}

#[test]
fn the_layout_repeats_and_spreads_the_nodes() {
    let merged = merge(&network());
    let first = who_meets_whom(&merged, 300);
    let again = who_meets_whom(&merged, 300);
    assert_eq!(first, again, "the same merge must give the same picture");
    assert!(first.nodes.len() > 20, "{} nodes", first.nodes.len());
    // No two people drawn on top of each other.
    let closest = first
        .nodes
        .iter()
        .enumerate()
        .flat_map(|(i, a)| first.nodes[i + 1..].iter().map(move |b| ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt()))
        .fold(f64::MAX, f64::min);
    assert!(closest > 0.005, "two nodes {closest} apart");
    // The picture fills the square along its longer side.
    let xs = first.nodes.iter().map(|n| n.x);
    let ys = first.nodes.iter().map(|n| n.y);
    let span = |v: Vec<f64>| v.iter().cloned().fold(f64::MIN, f64::max) - v.iter().cloned().fold(f64::MAX, f64::min);
    let (w, h) = (span(xs.collect()), span(ys.collect()));
    assert!((w.max(h) - 1.0).abs() < 1e-9, "spans {w} x {h}");
}

#[test]
fn a_layout_run_in_slices_ends_where_one_run_does() {
    let merged = merge(&network());
    let whole = who_meets_whom(&merged, 300);
    // (why, rounds per slice): the page runs as many rounds as fit in a frame.
    let cases = [("one round a frame", 1), ("seven", 7), ("more than it needs", 10_000)];
    for (why, slice) in cases {
        let mut graph = people_and_pairs(&merged, 300);
        let mut layout = Layout::new(&graph);
        let mut slices = 1;
        while !layout.run(slice) {
            slices += 1;
            assert!(slices < 1_000, "{why}: never finished");
        }
        assert_eq!(layout.fraction(), 1.0, "{why}");
        layout.place(&mut graph);
        assert_eq!(graph, whole, "{why}: {slices} slices");
    }
}

#[test]
fn people_met_most_come_first() {
    let merged = merge(&[
        report("a", "2024-06-17", "Lâm Hải Giang", &["Nguyễn Tự Công Hoàng", "Hồ Quốc Dũng"]),
        report("b", "2024-07-02", "Lâm Hải Giang", &["Nguyễn Tự Công Hoàng"]),
    ]);
    let giang = merged.people.iter().find(|p| p.name == "Lâm Hải Giang").unwrap().id;
    let met = met_most(&merged, giang);
    let got: Vec<(String, usize)> = met.iter().map(|(id, n)| (merged.people[*id].name.clone(), *n)).collect();
    assert_eq!(got, vec![("Nguyễn Tự Công Hoàng".to_string(), 2), ("Hồ Quốc Dũng".to_string(), 1)]);
}
