//! Pictures of the merged articles, free of the browser: each view (the timeline, who meets whom, the map)
//! is built as a [`Scene`] of plain shapes in pixels, which the page draws on a canvas as the user zooms and
//! which [`to_svg`] writes as a picture to keep (the PNG is the canvas's). One description, two renderers:
//! what is exported is what was seen. Tested natively.

use crate::fixed::{decimal, fixed};
use crate::model::Filters;

pub mod canvas;
pub mod career;
pub mod graph;
pub mod map;
pub mod time_axis;
pub mod timeline;

/// How a shape is painted; the same palette on the canvas and in the SVG (the page's colours, style/main.css).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paint {
    /// Text and axis lines.
    Ink,
    /// Secondary text, ticks.
    Muted,
    /// Grid lines and lane separators.
    Line,
    /// A meeting, a node: the page's accent.
    Mark,
    /// A meeting whose day is not known (only its month or year): drawn hollow.
    MarkApprox,
    /// Density bars.
    Soft,
    /// What the pointer is on or what is selected.
    Highlight,
    /// A step of the map's sequential scale, 0 (none) to 5 (most).
    Scale(u8),
    /// A range being selected, see-through.
    Selection,
}

impl Paint {
    pub fn colour(self) -> &'static str {
        match self {
            Paint::Ink => "#1d2430",
            Paint::Muted => "#5b6575",
            Paint::Line => "#dfe3ea",
            Paint::Mark => "#1f4e79",
            Paint::MarkApprox => "#1f4e79",
            Paint::Soft => "#b9cde2",
            Paint::Highlight => "#c26a00",
            Paint::Selection => "rgba(194, 106, 0, 0.25)",
            Paint::Scale(step) => {
                ["#f1f3f6", "#dbe7f3", "#b9cde2", "#86a9cc", "#4f7fae", "#1f4e79"][usize::from(step.min(5))]
            }
        }
    }
}

/// Where a text's anchor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// One shape, in pixels from the scene's top left.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// A box; `item` as for a circle (a province's tile).
    Rect {
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        paint: Paint,
        item: Option<usize>,
    },
    Line {
        x1: f64,
        y1: f64,
        x2: f64,
        y2: f64,
        paint: Paint,
        width: f64,
    },
    /// A mark for something that can be pointed at: `item` is its index in the view's list (a meeting's id).
    Circle {
        x: f64,
        y: f64,
        r: f64,
        paint: Paint,
        item: Option<usize>,
    },
    Text {
        x: f64,
        y: f64,
        text: String,
        anchor: Anchor,
        size: f64,
        paint: Paint,
    },
}

/// A picture: its size and its shapes, drawn in order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Scene {
    pub width: f64,
    pub height: f64,
    pub shapes: Vec<Shape>,
}

impl Scene {
    /// The item of the mark nearest to (x, y) within `reach` pixels of its edge (a box: inside it), if any.
    pub fn item_at(&self, x: f64, y: f64, reach: f64) -> Option<usize> {
        let mut best: Option<(f64, usize)> = None;
        for shape in &self.shapes {
            let d = match shape {
                Shape::Circle { x: cx, y: cy, r, item: Some(item), .. } => {
                    (((cx - x).powi(2) + (cy - y).powi(2)).sqrt() - r, *item)
                }
                Shape::Rect { x: rx, y: ry, w, h, item: Some(item), .. }
                    if (*rx..=rx + w).contains(&x) && (*ry..=ry + h).contains(&y) =>
                {
                    (0.0, *item)
                }
                _ => continue,
            };
            if d.0 <= reach && best.is_none_or(|(bd, _)| d.0 < bd) {
                best = Some(d);
            }
        }
        best.map(|(_, item)| item)
    }
}

/// The scene with `caption` (what it shows, the filters in force) written under it: what is exported.
pub fn with_caption(scene: &Scene, caption: &str) -> Scene {
    let mut out = scene.clone();
    let mut y = scene.height + 6.0;
    // Long captions wrap at about 7 px a character.
    let per_line = ((scene.width - 16.0) / 6.5).max(20.0) as usize;
    for line in wrap(caption, per_line) {
        y += 16.0;
        out.shapes.push(Shape::Text { x: 8.0, y, text: line, anchor: Anchor::Start, size: 12.0, paint: Paint::Muted });
    }
    out.height = y + 10.0;
    out
}

/// Words of `text` in lines of at most `width` characters (a longer word gets a line of its own).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// What an exported picture says under it: the view, then every filter in force in the page's words.
pub fn caption(filters: &Filters, what: &str) -> String {
    let province = match filters.province.split_once(':') {
        Some(("t", p)) => format!("tỉnh (nay) {p}"),
        Some((_, p)) => format!("tỉnh {p}"),
        None => String::new(),
    };
    let parts: Vec<String> = [
        (!filters.text.is_empty()).then(|| format!("tìm “{}”", filters.text)),
        (!filters.from.is_empty()).then(|| format!("từ {}", filters.from)),
        (!filters.to.is_empty()).then(|| format!("đến {}", filters.to)),
        (!province.is_empty()).then_some(province),
        (!filters.kind.is_empty()).then(|| format!("loại {}", filters.kind)),
        (!filters.role.is_empty()).then(|| format!("vai trò {}", filters.role)),
        (!filters.organisation.is_empty()).then(|| format!("cơ quan “{}”", filters.organisation)),
    ]
    .into_iter()
    .flatten()
    .collect();
    if parts.is_empty() {
        format!("{what} · Hội Nghị · không lọc")
    } else {
        format!("{what} · Hội Nghị · lọc: {}", parts.join("; "))
    }
}

/// The scene as a standalone SVG document (numbers written by [`crate::fixed`], not `format!("{:.1}")`).
pub fn to_svg(scene: &Scene) -> String {
    let (w, h) = (fixed(scene.width, 0), fixed(scene.height, 0));
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" \
         font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\">\n\
         <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
    );
    let f1 = |v: &f64| fixed(*v, 1);
    for shape in &scene.shapes {
        out += &match shape {
            Shape::Rect { x, y, w, h, paint, .. } => format!(
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>\n",
                f1(x),
                f1(y),
                f1(w),
                f1(h),
                paint.colour()
            ),
            Shape::Line { x1, y1, x2, y2, paint, width } => format!(
                "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"{}\"/>\n",
                f1(x1),
                f1(y1),
                f1(x2),
                f1(y2),
                paint.colour(),
                decimal(*width, 3)
            ),
            Shape::Circle { x, y, r, paint, .. } => {
                let fill = if *paint == Paint::MarkApprox { "#ffffff" } else { paint.colour() };
                format!(
                    "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{fill}\" stroke=\"{}\" stroke-width=\"1\"/>\n",
                    f1(x),
                    f1(y),
                    f1(r),
                    paint.colour()
                )
            }
            Shape::Text { x, y, text, anchor, size, paint } => format!(
                "<text x=\"{}\" y=\"{}\" font-size=\"{}\" fill=\"{}\" text-anchor=\"{}\">{}</text>\n",
                f1(x),
                f1(y),
                decimal(*size, 3),
                paint.colour(),
                match anchor {
                    Anchor::Start => "start",
                    Anchor::Middle => "middle",
                    Anchor::End => "end",
                },
                escape(text)
            ),
        };
    }
    out += "</svg>\n";
    out
}

/// `text` cut to `max` characters with an ellipsis (a label that must fit its column).
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        text.chars().take(max.saturating_sub(1)).chain(['…']).collect()
    }
}

/// Text safe inside an SVG element.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_svg_holds_every_shape_and_the_caption_escaped() {
        let scene = Scene {
            width: 200.0,
            height: 100.0,
            shapes: vec![
                Shape::Rect { x: 0.0, y: 0.0, w: 10.0, h: 5.0, paint: Paint::Soft, item: None },
                Shape::Line { x1: 0.0, y1: 1.0, x2: 200.0, y2: 1.0, paint: Paint::Line, width: 1.0 },
                Shape::Circle { x: 5.0, y: 5.0, r: 3.0, paint: Paint::MarkApprox, item: Some(4) },
                Shape::Text {
                    x: 1.0,
                    y: 2.0,
                    text: "Ủy ban <Hà Nội> & \"TP\"".into(),
                    anchor: Anchor::End,
                    size: 11.0,
                    paint: Paint::Ink,
                },
            ],
        };
        let svg = to_svg(&with_caption(&scene, "Lọc: tỉnh = Bình Định & năm 2024"));
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"148\""));
        assert_eq!(svg.matches("<rect").count(), 2, "background and the bar");
        assert!(svg.contains("<line ") && svg.contains("<circle cx=\"5.0\" cy=\"5.0\" r=\"3.0\" fill=\"#ffffff\""));
        assert!(svg.contains("Ủy ban &lt;Hà Nội&gt; &amp; &quot;TP&quot;"));
        assert!(svg.contains("text-anchor=\"end\""));
        assert!(
            svg.contains(">Lọc: tỉnh = Bình Định &amp; năm</text>") && svg.contains(">2024</text>"),
            "wrapped in two"
        );
        assert!(svg.trim_end().ends_with("</svg>"));
    }

    #[test]
    fn captions_say_every_filter_and_wrap() {
        let none = Filters::default();
        assert_eq!(caption(&none, "Bản đồ"), "Bản đồ · Hội Nghị · không lọc");
        let f = Filters {
            text: "pham".into(),
            from: "2024-01-01".into(),
            province: "t:Huế".into(),
            kind: "giao ban".into(),
            ..Filters::default()
        };
        assert_eq!(
            caption(&f, "Dòng thời gian"),
            "Dòng thời gian · Hội Nghị · lọc: tìm “pham”; từ 2024-01-01; tỉnh (nay) Huế; loại giao ban"
        );
        assert_eq!(wrap("một hai ba bốn", 7), ["một hai", "ba bốn"]);
        assert_eq!(wrap("dài-hơn-cả-dòng x", 4), ["dài-hơn-cả-dòng", "x"]);
        let s = with_caption(
            &Scene { width: 100.0, height: 50.0, shapes: vec![] },
            "một hai ba bốn năm sáu bảy tám chín mười mười một",
        );
        assert_eq!(s.shapes.len(), 3, "three lines of at most 20 characters at 100 px");
        assert_eq!(s.height, 50.0 + 6.0 + 48.0 + 10.0);
    }

    #[test]
    fn the_pointer_finds_the_nearest_mark_within_reach() {
        let mark = |x: f64, item: usize| Shape::Circle { x, y: 10.0, r: 3.0, paint: Paint::Mark, item: Some(item) };
        let scene = Scene { width: 100.0, height: 20.0, shapes: vec![mark(10.0, 1), mark(20.0, 2), mark(80.0, 3)] };
        let cases: &[(f64, f64, Option<usize>)] = &[
            (10.0, 10.0, Some(1)),
            (16.0, 10.0, Some(2)),
            (14.0, 10.0, Some(1)),
            (50.0, 10.0, None),
            (80.0, 15.0, Some(3)),
        ];
        for (x, y, want) in cases {
            assert_eq!(scene.item_at(*x, *y, 4.0), *want, "({x}, {y})");
        }
    }
}
