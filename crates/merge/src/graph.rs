//! Who meets whom: the officials as nodes, the meetings they shared as weighted edges, and a layout of
//! them in the unit square that depends on nothing but the input.
//!
//! # What counts
//! A person takes part in a merged meeting as a chair ([`MergedMeeting::chair_ids`]) or an attendee
//! ([`MergedMeeting::attendee_ids`]); a node's weight is the number of meetings they took part in, an edge's
//! the number of meetings both took part in. Names a meeting gives without the article naming the person
//! among its officials have no person id and are left out: a graph of strings could not link to a card.
//!
//! # The layout
//! A force-directed layout (Fruchterman & Reingold, 1991): every pair of nodes repels, every edge pulls its
//! ends together in proportion to its weight, a weak pull to the centre keeps separate groups in view, and
//! the steps shrink to nothing over a fixed number of rounds. The start is drawn from a fixed xorshift
//! sequence over the nodes in their order (meetings, then id), never from a clock, and only `+ - * / sqrt`
//! are used, so the same merge gives the same picture in the page and natively.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::{Merged, MergedMeeting};

/// One official in the graph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Node {
    /// [`crate::Person::id`].
    pub person: usize,
    /// Meetings taken part in (as chair or attendee) among those given.
    pub meetings: usize,
    /// Position in the unit square, `0.0..=1.0` on both axes.
    pub x: f64,
    pub y: f64,
}

/// Two officials who took part in the same meetings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Edge {
    /// Indexes into [`Graph::nodes`], `a < b`.
    pub a: usize,
    pub b: usize,
    /// Meetings both took part in.
    pub meetings: usize,
}

/// The nodes, heaviest first (then by person id), and the edges between them, sorted by `(a, b)`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Graph {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    /// People who took part in a meeting but were left out by `limit`.
    pub left_out: usize,
}

/// Rounds of the layout: enough for a few hundred nodes to settle.
const ROUNDS: usize = 300;

/// The people of `merged.meetings` (all of them, or only those a filter kept: pass the filtered view), the
/// `limit` who took part in the most meetings, and the meetings they shared, laid out.
pub fn who_meets_whom(merged: &Merged, limit: usize) -> Graph {
    let mut graph = people_and_pairs(merged, limit);
    let mut layout = Layout::new(&graph);
    layout.run(ROUNDS);
    layout.place(&mut graph);
    graph
}

/// [`who_meets_whom`] before the layout: every node at `(0, 0)`. The page lays it out with [`Layout`] a few
/// rounds at a time, so that hundreds of people never hold the page for more than a frame.
pub fn people_and_pairs(merged: &Merged, limit: usize) -> Graph {
    let mut weight: HashMap<usize, usize> = HashMap::new();
    for meeting in &merged.meetings {
        for id in participants(meeting) {
            *weight.entry(id).or_default() += 1;
        }
    }
    let mut people: Vec<(usize, usize)> = weight.into_iter().collect();
    crate::order::sort_by(&mut people, |(a, wa), (b, wb)| wb.cmp(wa).then(a.cmp(b)));
    let left_out = people.len().saturating_sub(limit);
    people.truncate(limit);
    let index: HashMap<usize, usize> = people.iter().enumerate().map(|(i, (id, _))| (*id, i)).collect();

    let mut shared: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for meeting in &merged.meetings {
        let mut kept: Vec<usize> = participants(meeting).filter_map(|id| index.get(&id).copied()).collect();
        kept.sort_unstable();
        kept.dedup();
        for (i, a) in kept.iter().enumerate() {
            for b in &kept[i + 1..] {
                *shared.entry((*a, *b)).or_default() += 1;
            }
        }
    }
    let edges: Vec<Edge> = shared.into_iter().map(|((a, b), meetings)| Edge { a, b, meetings }).collect();
    let nodes = people.into_iter().map(|(person, meetings)| Node { person, meetings, x: 0.0, y: 0.0 }).collect();
    Graph { nodes, edges, left_out }
}

fn participants(meeting: &MergedMeeting) -> impl Iterator<Item = usize> + '_ {
    meeting.chair_ids.iter().chain(&meeting.attendee_ids).copied()
}

/// The people `person` took part in meetings with, most shared meetings first (then by id): `(id, meetings)`.
pub fn met_most(merged: &Merged, person: usize) -> Vec<(usize, usize)> {
    let mut counts: HashMap<usize, usize> = HashMap::new();
    for meeting in &merged.meetings {
        let mut ids: Vec<usize> = participants(meeting).collect();
        ids.sort_unstable();
        ids.dedup();
        if ids.contains(&person) {
            for id in ids.into_iter().filter(|id| *id != person) {
                *counts.entry(id).or_default() += 1;
            }
        }
    }
    let mut out: Vec<(usize, usize)> = counts.into_iter().collect();
    crate::order::sort_by(&mut out, |(a, ca), (b, cb)| cb.cmp(ca).then(a.cmp(b)));
    out
}

/// A layout under way: positions in the unit square for the nodes of a [`Graph`] (Fruchterman–Reingold with a
/// pull to the centre, cooled linearly over [`ROUNDS`]). [`Layout::run`] advances it by some rounds; the
/// positions after the last round do not depend on how the rounds were split.
#[derive(Debug, Clone)]
pub struct Layout {
    pos: Vec<(f64, f64)>,
    shift: Vec<(f64, f64)>,
    /// `(a, b, pull)`: each edge's ends and how strongly it pulls them together.
    springs: Vec<(usize, usize, f64)>,
    round: usize,
}

impl Layout {
    /// The start: a fixed pseudo-random scatter of `graph`'s nodes.
    pub fn new(graph: &Graph) -> Layout {
        let n = graph.nodes.len();
        let mut random = XorShift(0x9E37_79B9_7F4A_7C15);
        let pos = (0..n).map(|_| (random.unit(), random.unit())).collect();
        // Attraction d²/k along the unit vector, stronger for pairs who meet often (but not linearly: one pair
        // meeting weekly must not pull the whole picture into a point).
        let springs = graph.edges.iter().map(|e| (e.a, e.b, (1.0 + (e.meetings as f64).sqrt()) / 2.0)).collect();
        // One node or none has nothing to settle.
        let round = if n < 2 { ROUNDS } else { 0 };
        Layout { pos, shift: vec![(0.0, 0.0); n], springs, round }
    }

    /// Runs up to `rounds` more rounds; true when the layout is finished.
    pub fn run(&mut self, rounds: usize) -> bool {
        let end = (self.round + rounds).min(ROUNDS);
        while self.round < end {
            self.round_once();
            self.round += 1;
        }
        self.done()
    }

    pub fn done(&self) -> bool {
        self.round >= ROUNDS
    }

    /// How far the layout is, `0.0..=1.0`.
    pub fn fraction(&self) -> f64 {
        self.round as f64 / ROUNDS as f64
    }

    /// Writes the positions so far, fitted to the unit square, into `graph`'s nodes.
    pub fn place(&self, graph: &mut Graph) {
        let mut pos = self.pos.clone();
        match pos.len() {
            0 => {}
            1 => pos[0] = (0.5, 0.5),
            _ => fit(&mut pos),
        }
        for (node, (x, y)) in graph.nodes.iter_mut().zip(pos) {
            (node.x, node.y) = (x, y);
        }
    }

    fn round_once(&mut self) {
        let (pos, shift) = (&mut self.pos, &mut self.shift);
        let n = pos.len();
        // The ideal distance between nodes when the square is shared evenly.
        let k = (1.0 / n as f64).sqrt();
        let temperature = 0.1 * (1.0 - self.round as f64 / ROUNDS as f64);
        shift.iter_mut().for_each(|s| *s = (0.0, 0.0));
        for i in 0..n {
            for j in i + 1..n {
                let (dx, dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
                let d2 = (dx * dx + dy * dy).max(1e-9);
                // Repulsion k²/d along the unit vector: k²·(dx, dy)/d².
                let f = k * k / d2;
                shift[i].0 += dx * f;
                shift[i].1 += dy * f;
                shift[j].0 -= dx * f;
                shift[j].1 -= dy * f;
            }
        }
        for &(a, b, pull) in &self.springs {
            let (dx, dy) = (pos[a].0 - pos[b].0, pos[a].1 - pos[b].1);
            let d = (dx * dx + dy * dy).sqrt().max(1e-9);
            let f = d / k * pull;
            shift[a].0 -= dx * f;
            shift[a].1 -= dy * f;
            shift[b].0 += dx * f;
            shift[b].1 += dy * f;
        }
        for (p, s) in pos.iter_mut().zip(shift.iter()) {
            // The pull to the centre keeps groups with no edge between them from drifting apart.
            let s = (s.0 - (p.0 - 0.5) * 0.3 / k, s.1 - (p.1 - 0.5) * 0.3 / k);
            let len = (s.0 * s.0 + s.1 * s.1).sqrt();
            if len > 0.0 {
                let step = len.min(temperature) / len;
                p.0 += s.0 * step;
                p.1 += s.1 * step;
            }
        }
    }
}

/// Scales and moves the points to fill the unit square, keeping their proportions.
fn fit(pos: &mut [(f64, f64)]) {
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for p in pos.iter() {
        (x0, y0, x1, y1) = (x0.min(p.0), y0.min(p.1), x1.max(p.0), y1.max(p.1));
    }
    let span = (x1 - x0).max(y1 - y0).max(1e-9);
    let (cx, cy) = ((1.0 - (x1 - x0) / span) / 2.0, (1.0 - (y1 - y0) / span) / 2.0);
    for p in pos.iter_mut() {
        *p = (cx + (p.0 - x0) / span, cy + (p.1 - y0) / span);
    }
}

/// A fixed pseudo-random sequence (xorshift64*), so that layouts repeat exactly.
struct XorShift(u64);

impl XorShift {
    /// The next number in `0.0..1.0`.
    fn unit(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64
    }
}
