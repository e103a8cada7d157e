//! A person's career as a small picture: one row per post, a bar from the first to the last day an article
//! shows them in it (a dot when that is one day), on a shared time axis.

use super::time_axis::{day_of, ticks, Window};
use super::{shorten, Anchor, Paint, Scene, Shape};

/// One post: its title and the first and last dates seen (`YYYY-MM-DD`).
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub title: String,
    pub first: Option<String>,
    pub last: Option<String>,
}

const ROW: f64 = 22.0;
const AXIS: f64 = 24.0;

/// The picture of `posts` (in the card's order) `width` pixels wide; posts never dated are left out (the card
/// lists them); `None` when no post has a date.
pub fn scene(posts: &[Span], width: f64) -> Option<Scene> {
    let dated: Vec<(&Span, f64, f64)> = posts
        .iter()
        .filter_map(|p| {
            let a = day_of(p.first.as_deref()?)?;
            let b = p.last.as_deref().and_then(day_of).unwrap_or(a);
            Some((p, a.min(b), a.max(b)))
        })
        .collect();
    let window = Window::around(dated.iter().flat_map(|(_, a, b)| [*a, *b]))?;
    let label_width = (width * 0.42).min(300.0);
    let plot = (width - label_width - 12.0).max(40.0);
    let x = |day: f64| label_width + 4.0 + window.x(day, plot);
    let mut shapes = Vec::new();
    for (i, (post, a, b)) in dated.iter().enumerate() {
        let y = ROW * i as f64 + ROW / 2.0;
        shapes.push(Shape::Text {
            x: label_width - 4.0,
            y: y + 4.0,
            text: shorten(&post.title, (label_width / 6.6) as usize),
            anchor: Anchor::End,
            size: 11.0,
            paint: Paint::Ink,
        });
        let (xa, xb) = (x(*a), x(*b));
        if xb - xa < 4.0 {
            shapes.push(Shape::Circle { x: (xa + xb) / 2.0, y, r: 4.0, paint: Paint::Mark, item: Some(i) });
        } else {
            shapes.push(Shape::Rect { x: xa, y: y - 4.0, w: xb - xa, h: 8.0, paint: Paint::Mark, item: Some(i) });
        }
    }
    let bottom = ROW * dated.len() as f64;
    shapes.push(Shape::Line {
        x1: label_width + 4.0,
        y1: bottom,
        x2: label_width + 4.0 + plot,
        y2: bottom,
        paint: Paint::Muted,
        width: 1.0,
    });
    for tick in ticks(window, plot) {
        let tx = x(tick.day);
        shapes.push(Shape::Line { x1: tx, y1: 0.0, x2: tx, y2: bottom + 3.0, paint: Paint::Line, width: 1.0 });
        shapes.push(Shape::Text {
            x: tx,
            y: bottom + 16.0,
            text: tick.label,
            anchor: Anchor::Middle,
            size: 10.0,
            paint: Paint::Muted,
        });
    }
    // Grid lines first, so that bars and labels sit on them.
    hoinghi_merge::order::sort_by_cached_key(&mut shapes, |s| !matches!(s, Shape::Line { .. }));
    Some(Scene { width, height: bottom + AXIS, shapes })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(title: &str, first: Option<&str>, last: Option<&str>) -> Span {
        Span { title: title.into(), first: first.map(Into::into), last: last.map(Into::into) }
    }

    #[test]
    fn posts_become_bars_or_dots_and_undated_ones_stay_out() {
        let posts = [
            span("Bí thư Tỉnh ủy", Some("2021-03-01"), Some("2024-06-17")),
            span("Chủ tịch HĐND tỉnh", Some("2022-05-05"), Some("2022-05-05")),
            span("Ủy viên Trung ương Đảng", None, None),
        ];
        let s = scene(&posts, 600.0).expect("dated posts");
        let bars = s.shapes.iter().filter(|sh| matches!(sh, Shape::Rect { .. })).count();
        let dots = s.shapes.iter().filter(|sh| matches!(sh, Shape::Circle { .. })).count();
        assert_eq!((bars, dots), (1, 1));
        assert_eq!(s.height, 2.0 * ROW + AXIS, "two rows");
        let texts: Vec<&str> = s
            .shapes
            .iter()
            .filter_map(|sh| if let Shape::Text { text, .. } = sh { Some(text.as_str()) } else { None })
            .collect();
        assert!(texts.contains(&"Bí thư Tỉnh ủy") && !texts.contains(&"Ủy viên Trung ương Đảng"));
        assert!(matches!(s.shapes[0], Shape::Line { .. }), "grid first");
        assert_eq!(scene(&posts[2..], 600.0), None, "nothing dated, no picture");
    }
}
