//! The visual timeline: a density strip of meetings by month, one lane per province or organiser (the user's
//! choice) with a mark for each dated meeting, and the time axis. Undated meetings are never placed: the page
//! lists them apart.

use std::collections::HashMap;

use super::time_axis::{date_of, ticks, Window};
use super::{shorten, Anchor, Paint, Scene, Shape};

/// One dated meeting on the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// The meeting's id (its index in the merged meetings).
    pub item: usize,
    /// Days since 1970-01-01 ([`super::time_axis::day_of`]).
    pub day: f64,
    /// Only its month or year is known: drawn hollow.
    pub approx: bool,
    /// Its lane, an index into the lane labels.
    pub lane: usize,
}

/// The lanes for `keys` (one per meeting: its province or organiser, `None` when it has none): the `max - 1`
/// most frequent keys in order of frequency (then name), and one lane `Khác` for the rest when there are more;
/// meetings without a key go to `Không rõ`. Returns the labels and each meeting's lane.
pub fn lanes(keys: &[Option<&str>], max: usize) -> (Vec<String>, Vec<usize>) {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for key in keys.iter().flatten() {
        *counts.entry(key).or_default() += 1;
    }
    let mut order: Vec<(&str, usize)> = counts.into_iter().collect();
    hoinghi_merge::order::sort_by(&mut order, |(a, ca), (b, cb)| cb.cmp(ca).then(a.cmp(b)));
    let has_none = keys.iter().any(Option::is_none);
    let room = max.max(2) - usize::from(has_none);
    let (kept, rest) = if order.len() > room { order.split_at(room - 1) } else { (&order[..], &[][..]) };
    let mut labels: Vec<String> = kept.iter().map(|(k, _)| k.to_string()).collect();
    let index: HashMap<&str, usize> = kept.iter().enumerate().map(|(i, (k, _))| (*k, i)).collect();
    let other = (!rest.is_empty()).then(|| {
        labels.push("Khác".into());
        labels.len() - 1
    });
    let unknown = has_none.then(|| {
        labels.push("Không rõ".into());
        labels.len() - 1
    });
    let lane_of = keys
        .iter()
        .map(|k| match k {
            Some(k) => index.get(k).copied().or(other).unwrap_or(0),
            None => unknown.unwrap_or(0),
        })
        .collect();
    (labels, lane_of)
}

/// Sizes of the picture's parts, in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Layout {
    pub width: f64,
    /// The lane labels' column at the left.
    pub label_width: f64,
    pub density_height: f64,
    pub lane_height: f64,
    pub axis_height: f64,
}

impl Layout {
    /// The layout for a view `width` pixels wide (a narrower label column at phone width).
    pub fn for_width(width: f64) -> Layout {
        Layout {
            width,
            label_width: if width < 600.0 { 96.0 } else { 168.0 },
            density_height: 40.0,
            lane_height: 24.0,
            axis_height: 26.0,
        }
    }

    pub fn plot_left(&self) -> f64 {
        self.label_width
    }

    pub fn plot_width(&self) -> f64 {
        (self.width - self.label_width - 8.0).max(10.0)
    }

    pub fn height(&self, lanes: usize) -> f64 {
        self.density_height + self.lane_height * lanes as f64 + self.axis_height
    }

    /// The day under the pointer at `x` (pixels from the picture's left).
    pub fn day_at(&self, window: Window, x: f64) -> f64 {
        window.day(x - self.plot_left(), self.plot_width())
    }

    /// The dates (`YYYY-MM-DD`) of a range brushed between two x positions, in order.
    pub fn brushed(&self, window: Window, x0: f64, x1: f64) -> Option<(String, String)> {
        let (a, b) = (self.day_at(window, x0.min(x1)), self.day_at(window, x0.max(x1)));
        Some((date_of(a)?.to_string(), date_of(b)?.to_string()))
    }
}

/// The timeline's picture of `marks` in `window`.
pub fn scene(marks: &[Mark], labels: &[String], window: Window, layout: Layout) -> Scene {
    let mut shapes = Vec::new();
    let (left, plot_w) = (layout.plot_left(), layout.plot_width());
    let x = |day: f64| left + window.x(day, plot_w);
    let lanes_top = layout.density_height;
    let lanes_bottom = lanes_top + layout.lane_height * labels.len() as f64;

    // The density strip: meetings per month in view, the tallest month full height.
    let mut months: HashMap<(i32, u8), usize> = HashMap::new();
    for m in marks.iter().filter(|m| m.day >= window.start && m.day <= window.end) {
        if let Some(d) = date_of(m.day) {
            *months.entry((d.year, d.month)).or_default() += 1;
        }
    }
    let tallest = months.values().copied().max().unwrap_or(0).max(1) as f64;
    let mut bars: Vec<((i32, u8), usize)> = months.into_iter().collect();
    hoinghi_merge::order::sort_by(&mut bars, Ord::cmp);
    for ((year, month), count) in bars {
        let first = hoinghi_core::Date::new(year, u32::from(month), 1).map(|d| d.days_since_epoch() as f64);
        let next = if month == 12 {
            hoinghi_core::Date::new(year + 1, 1, 1)
        } else {
            hoinghi_core::Date::new(year, u32::from(month) + 1, 1)
        }
        .map(|d| d.days_since_epoch() as f64);
        let (Some(a), Some(b)) = (first, next) else { continue };
        let (xa, xb) = (x(a.max(window.start)), x(b.min(window.end)));
        let h = (layout.density_height - 8.0) * count as f64 / tallest;
        shapes.push(Shape::Rect {
            x: xa + 0.5,
            y: layout.density_height - 4.0 - h,
            w: (xb - xa - 1.0).max(1.0),
            h,
            paint: Paint::Soft,
            item: None,
        });
    }

    // Lanes: a separator and a label each.
    for (i, label) in labels.iter().enumerate() {
        let top = lanes_top + layout.lane_height * i as f64;
        shapes.push(Shape::Line { x1: 0.0, y1: top, x2: layout.width, y2: top, paint: Paint::Line, width: 1.0 });
        shapes.push(Shape::Text {
            x: left - 8.0,
            y: top + layout.lane_height / 2.0 + 4.0,
            text: shorten(label, ((layout.label_width - 14.0) / 7.5) as usize),
            anchor: Anchor::End,
            size: 12.0,
            paint: Paint::Ink,
        });
    }

    // The axis: ticks through the lanes, labels under them.
    shapes.push(Shape::Line {
        x1: left,
        y1: lanes_bottom,
        x2: left + plot_w,
        y2: lanes_bottom,
        paint: Paint::Muted,
        width: 1.0,
    });
    for tick in ticks(window, plot_w) {
        let tx = x(tick.day);
        shapes.push(Shape::Line {
            x1: tx,
            y1: lanes_top,
            x2: tx,
            y2: lanes_bottom + 4.0,
            paint: if tick.major { Paint::Muted } else { Paint::Line },
            width: 1.0,
        });
        // A label at either end of the axis is kept inside the picture.
        let half = tick.label.chars().count() as f64 * 3.5;
        let (lx, anchor) = if tx + half > layout.width - 2.0 {
            (layout.width - 2.0, Anchor::End)
        } else if tx - half < 2.0 {
            (2.0, Anchor::Start)
        } else {
            (tx, Anchor::Middle)
        };
        shapes.push(Shape::Text {
            x: lx,
            y: lanes_bottom + 17.0,
            text: tick.label,
            anchor,
            size: 11.0,
            paint: if tick.major { Paint::Ink } else { Paint::Muted },
        });
    }

    // The meetings in view, drawn last so they sit on the grid.
    for m in marks.iter().filter(|m| m.day >= window.start && m.day <= window.end && m.lane < labels.len()) {
        shapes.push(Shape::Circle {
            x: x(m.day),
            y: lanes_top + layout.lane_height * (m.lane as f64 + 0.5),
            r: 4.5,
            paint: if m.approx { Paint::MarkApprox } else { Paint::Mark },
            item: Some(m.item),
        });
    }
    Scene { width: layout.width, height: layout.height(labels.len()), shapes }
}

#[cfg(test)]
mod tests {
    use super::super::time_axis::day_of;
    use super::*;

    #[test]
    fn lanes_keep_the_most_frequent_and_gather_the_rest() {
        // (keys, max lanes, labels, lanes)
        type Case = (&'static [Option<&'static str>], usize, &'static [&'static str], &'static [usize]);
        let cases: &[Case] = &[
            (&[], 5, &[], &[]),
            (&[Some("Huế"), Some("Hà Nội"), Some("Hà Nội")], 5, &["Hà Nội", "Huế"], &[1, 0, 0]),
            (
                &[Some("A"), Some("B"), Some("B"), Some("C"), Some("D"), None],
                4,
                &["B", "A", "Khác", "Không rõ"],
                &[1, 0, 0, 2, 2, 3],
            ),
            (&[None, None], 3, &["Không rõ"], &[0, 0]),
            (&[Some("A"), Some("B"), Some("C")], 3, &["A", "B", "C"], &[0, 1, 2]),
        ];
        for (keys, max, labels, lane_of) in cases {
            let (l, lanes_of) = lanes(keys, *max);
            let l: Vec<&str> = l.iter().map(String::as_str).collect();
            assert_eq!((l.as_slice(), lanes_of.as_slice()), (*labels, *lane_of), "{keys:?} in {max}");
        }
    }

    fn mark(item: usize, iso: &str, lane: usize) -> Mark {
        Mark { item, day: day_of(iso).unwrap(), approx: iso.len() < 10, lane }
    }

    #[test]
    fn the_scene_places_meetings_in_view_on_their_lane() {
        let marks = [mark(0, "2024-06-17", 0), mark(1, "2024-07", 1), mark(2, "2021-01-01", 0)];
        let labels = vec!["Bình Định".to_string(), "Hà Nội".to_string()];
        let window = Window { start: day_of("2024-06-01").unwrap(), end: day_of("2024-08-01").unwrap() };
        let layout = Layout::for_width(900.0);
        let s = scene(&marks, &labels, window, layout);
        let circles: Vec<(f64, f64, Paint, Option<usize>)> = s
            .shapes
            .iter()
            .filter_map(|sh| match sh {
                Shape::Circle { x, y, paint, item, .. } => Some((*x, *y, *paint, *item)),
                _ => None,
            })
            .collect();
        assert_eq!(circles.len(), 2, "the 2021 meeting is out of view");
        assert_eq!(circles[0].3, Some(0));
        assert_eq!(circles[1].2, Paint::MarkApprox, "a month-only date is hollow");
        assert!(circles[1].1 > circles[0].1, "lane 1 below lane 0");
        assert!(circles[0].0 < circles[1].0, "June before July");
        // The pointer on a mark finds its meeting.
        assert_eq!(s.item_at(circles[0].0, circles[0].1, 3.0), Some(0));
        // One bar per month with meetings in view.
        assert_eq!(s.shapes.iter().filter(|sh| matches!(sh, Shape::Rect { .. })).count(), 2);
        assert_eq!(s.height, layout.height(2));
    }

    #[test]
    fn a_brush_gives_the_dates_it_covers() {
        let window = Window { start: day_of("2024-01-01").unwrap() - 0.5, end: day_of("2024-12-31").unwrap() + 0.5 };
        let layout = Layout::for_width(1000.0);
        let (left, w) = (layout.plot_left(), layout.plot_width());
        let at = |iso: &str| left + window.x(day_of(iso).unwrap(), w);
        let got = layout.brushed(window, at("2024-09-30"), at("2024-03-02"));
        assert_eq!(got, Some(("2024-03-02".to_string(), "2024-09-30".to_string())));
    }
}
