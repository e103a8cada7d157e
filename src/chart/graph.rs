//! Who meets whom as a picture: edges as lines as thick as the meetings shared, officials as circles as large
//! as the meetings they took part in, names written for the largest (the rest show on hover).

use hoinghi_merge::graph::Graph;

use super::{Anchor, Paint, Scene, Shape};

/// How many names are written on the picture; the others are read on hover.
pub const LABELLED: usize = 24;

/// The picture of `graph` in a square `size` pixels wide; `name` gives a node's label from its person id.
/// A node's item is its person id, so a click opens that person.
pub fn scene(graph: &Graph, size: f64, name: impl Fn(usize) -> String) -> Scene {
    let margin = 28.0;
    let at = |i: usize| {
        let n = &graph.nodes[i];
        (margin + n.x * (size - 2.0 * margin), margin + n.y * (size - 2.0 * margin))
    };
    // Thin edges first, thick ones over them (and each width stroked at once on the canvas).
    let mut edges: Vec<_> = graph.edges.iter().collect();
    edges.sort_by_key(|e| e.meetings);
    let mut shapes = Vec::new();
    for e in edges {
        let ((x1, y1), (x2, y2)) = (at(e.a), at(e.b));
        let width = (1.0 + (e.meetings as f64).sqrt()).min(6.0);
        shapes.push(Shape::Line { x1, y1, x2, y2, paint: Paint::Soft, width });
    }
    // Small nodes first, so the large ones are on top.
    let mut order: Vec<usize> = (0..graph.nodes.len()).collect();
    order.reverse();
    for i in order {
        let (x, y) = at(i);
        let n = &graph.nodes[i];
        shapes.push(Shape::Circle { x, y, r: radius(n.meetings), paint: Paint::Mark, item: Some(n.person) });
    }
    // Nodes come heaviest first: the first ones get their names.
    for (i, n) in graph.nodes.iter().enumerate().take(LABELLED) {
        let (x, y) = at(i);
        let anchor = if x > size * 0.7 { Anchor::End } else { Anchor::Start };
        let dx = if anchor == Anchor::End { -radius(n.meetings) - 3.0 } else { radius(n.meetings) + 3.0 };
        shapes.push(Shape::Text { x: x + dx, y: y + 4.0, text: name(n.person), anchor, size: 11.0, paint: Paint::Ink });
    }
    Scene { width: size, height: size, shapes }
}

/// A node's radius: its area grows with the meetings taken part in.
pub fn radius(meetings: usize) -> f64 {
    (3.0 + 2.2 * (meetings as f64).sqrt()).min(18.0)
}

#[cfg(test)]
mod tests {
    use hoinghi_merge::graph::{Edge, Graph, Node};

    use super::*;

    #[test]
    fn nodes_edges_and_the_largest_names_are_drawn() {
        let node = |person: usize, meetings: usize, x: f64, y: f64| Node { person, meetings, x, y };
        let graph = Graph {
            nodes: vec![node(7, 5, 0.0, 0.0), node(3, 1, 1.0, 1.0)],
            edges: vec![Edge { a: 0, b: 1, meetings: 1 }],
            left_out: 0,
        };
        let s = scene(&graph, 400.0, |id| format!("người {id}"));
        let circles: Vec<(f64, f64, Option<usize>)> = s
            .shapes
            .iter()
            .filter_map(|sh| match sh {
                Shape::Circle { x, y, item, .. } => Some((*x, *y, *item)),
                _ => None,
            })
            .collect();
        assert_eq!(circles, vec![(372.0, 372.0, Some(3)), (28.0, 28.0, Some(7))], "small first, in the margins");
        assert_eq!(s.shapes.iter().filter(|sh| matches!(sh, Shape::Line { .. })).count(), 1);
        let texts: Vec<&str> = s
            .shapes
            .iter()
            .filter_map(|sh| if let Shape::Text { text, .. } = sh { Some(text.as_str()) } else { None })
            .collect();
        assert_eq!(texts, ["người 7", "người 3"]);
        assert_eq!(s.item_at(30.0, 30.0, 2.0), Some(7), "a click on a node gives its person");
        assert!(radius(1) < radius(5) && radius(10_000) == 18.0);
    }
}
