//! A time axis in days: the window shown, zooming about a point and panning within the loaded range, and
//! ticks whose step follows the zoom (years, quarters, months, weeks, days).

use hoinghi_core::Date;

/// Days since 1970-01-01 of an ISO date (`YYYY-MM-DD`, or `YYYY-MM` / `YYYY` placed mid-month / mid-year).
pub fn day_of(iso: &str) -> Option<f64> {
    if let Some(d) = Date::parse_iso(iso) {
        return Some(d.days_since_epoch() as f64 + 0.5);
    }
    let mut parts = iso.split('-');
    let year: i32 = parts.next()?.parse().ok()?;
    match parts.next() {
        Some(m) => {
            let m: u32 = m.parse().ok()?;
            let first = Date::new(year, m, 1)?.days_since_epoch();
            let next = if m == 12 { Date::new(year + 1, 1, 1) } else { Date::new(year, m + 1, 1) }?.days_since_epoch();
            Some((first + next) as f64 / 2.0)
        }
        None => {
            let first = Date::new(year, 1, 1)?.days_since_epoch();
            Some(first as f64 + 182.5)
        }
    }
}

/// The date of a day number (the day it falls in).
pub fn date_of(day: f64) -> Option<Date> {
    Date::from_days_since_epoch(day.floor() as i64)
}

/// The window shown, in days (`start < end`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Window {
    pub start: f64,
    pub end: f64,
}

/// The narrowest window: a week, so that single days stay apart.
pub const MIN_SPAN: f64 = 7.0;

impl Window {
    /// The window over `days` with a margin each side (a month around a single day).
    pub fn around(days: impl IntoIterator<Item = f64>) -> Option<Window> {
        let (lo, hi) = days.into_iter().fold((f64::MAX, f64::MIN), |(lo, hi), d| (lo.min(d), hi.max(d)));
        if lo > hi {
            return None;
        }
        let margin = ((hi - lo) * 0.04).max(15.0);
        Some(Window { start: lo - margin, end: hi + margin })
    }

    pub fn span(&self) -> f64 {
        self.end - self.start
    }

    /// The x of `day` on an axis `width` wide.
    pub fn x(&self, day: f64, width: f64) -> f64 {
        (day - self.start) / self.span() * width
    }

    /// The day at `x` on an axis `width` wide.
    pub fn day(&self, x: f64, width: f64) -> f64 {
        self.start + x / width * self.span()
    }

    /// Zoomed by `factor` (< 1 zooms in) about the point at `at` (0.0 left edge .. 1.0 right edge), kept within
    /// `bounds` (the loaded range: never wider than it, never narrower than a week).
    pub fn zoom(&self, factor: f64, at: f64, bounds: Window) -> Window {
        // min/max, not `clamp`: clamp's check of its bounds would link the float formatting of its panic
        // message into the page (the widest span is never below MIN_SPAN, so the result is the same).
        let span = (self.span() * factor).max(MIN_SPAN).min(bounds.span().max(MIN_SPAN));
        let pivot = self.start + at.clamp(0.0, 1.0) * self.span();
        let start = pivot - at.clamp(0.0, 1.0) * span;
        Window { start, end: start + span }.within(bounds)
    }

    /// Moved by `fraction` of its width (negative: to the past), kept within `bounds`.
    pub fn pan(&self, fraction: f64, bounds: Window) -> Window {
        let shift = fraction * self.span();
        Window { start: self.start + shift, end: self.end + shift }.within(bounds)
    }

    /// Slid back inside `bounds` when it passes an edge (its span kept when it fits).
    fn within(self, bounds: Window) -> Window {
        let span = self.span().min(bounds.span().max(MIN_SPAN));
        let start = if self.start < bounds.start {
            bounds.start
        } else if self.start + span > bounds.end {
            (bounds.end - span).max(bounds.start.min(bounds.end - span))
        } else {
            self.start
        };
        Window { start, end: start + span }
    }
}

/// One tick of the axis: its day, its label, and whether it starts a larger unit (a year on a month axis).
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub day: f64,
    pub label: String,
    pub major: bool,
}

/// The step between ticks, chosen so that labels about 70 px wide do not collide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Years(u32),
    Months(u32),
    Days(u32),
}

/// The finest step whose ticks stay at least `min_gap` pixels apart.
pub fn step_for(window: Window, width: f64, min_gap: f64) -> Step {
    let days_per_px = window.span() / width.max(1.0);
    let min_days = days_per_px * min_gap;
    const STEPS: [(Step, f64); 11] = [
        (Step::Days(1), 1.0),
        (Step::Days(2), 2.0),
        (Step::Days(7), 7.0),
        (Step::Days(14), 14.0),
        (Step::Months(1), 30.4),
        (Step::Months(3), 91.3),
        (Step::Months(6), 182.6),
        (Step::Years(1), 365.25),
        (Step::Years(2), 730.5),
        (Step::Years(5), 1826.0),
        (Step::Years(10), 3652.5),
    ];
    STEPS.iter().find(|(_, days)| *days >= min_days).map(|(s, _)| *s).unwrap_or(Step::Years(25))
}

/// The ticks inside `window` for an axis `width` pixels wide.
pub fn ticks(window: Window, width: f64) -> Vec<Tick> {
    let step = step_for(window, width, 72.0);
    let (Some(first), Some(_)) = (date_of(window.start), date_of(window.end)) else { return Vec::new() };
    let mut out = Vec::new();
    let mut push = |date: Date, major: bool, label: String| {
        let day = date.days_since_epoch() as f64;
        if day >= window.start && day <= window.end {
            out.push(Tick { day, label, major });
        }
    };
    match step {
        Step::Years(n) => {
            let mut y = first.year - first.year.rem_euclid(n as i32);
            while let Some(d) = Date::new(y, 1, 1) {
                if d.days_since_epoch() as f64 > window.end {
                    break;
                }
                push(d, true, y.to_string());
                y += n as i32;
            }
        }
        Step::Months(n) => {
            let (mut y, mut m) = (first.year, 1 + (u32::from(first.month) - 1) / n * n);
            while let Some(d) = Date::new(y, m, 1) {
                if d.days_since_epoch() as f64 > window.end {
                    break;
                }
                let label = if m == 1 { y.to_string() } else { format!("th{m}") };
                push(d, m == 1, label);
                m += n;
                if m > 12 {
                    (y, m) = (y + 1, m - 12);
                }
            }
        }
        Step::Days(n) => {
            let mut day = window.start.floor() as i64;
            // Weekly and fortnightly ticks fall on Mondays (1970-01-05 was one).
            if n >= 7 {
                day += (5 - day).rem_euclid(7);
            }
            while (day as f64) <= window.end {
                if let Some(d) = Date::from_days_since_epoch(day) {
                    let major = d.day == 1;
                    let label = if major && d.month == 1 {
                        format!("1/1/{}", d.year)
                    } else {
                        format!("{}/{}", d.day, d.month)
                    };
                    push(d, major, label);
                }
                day += i64::from(n);
            }
        }
    }
    // The first tick says its year when it does not already, so a zoomed-in axis is never without one.
    if let Some(first) = out.first_mut() {
        if let Some(year) = date_of(first.day).map(|d| d.year.to_string()) {
            if !first.label.ends_with(&year) {
                first.label = format!("{}/{year}", first.label);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(iso: &str) -> f64 {
        Date::parse_iso(iso).unwrap().days_since_epoch() as f64
    }

    #[test]
    fn dates_of_every_precision_have_a_day() {
        let cases: &[(&str, Option<f64>)] = &[
            ("2024-06-17", Some(day("2024-06-17") + 0.5)),
            ("2024-06", Some(day("2024-06-01") + 15.0)),
            ("2024-02", Some(day("2024-02-01") + 14.5)),
            ("2024", Some(day("2024-01-01") + 182.5)),
            ("2024-13", None),
            ("năm ngoái", None),
            ("", None),
        ];
        for (iso, want) in cases {
            assert_eq!(day_of(iso), *want, "{iso}");
        }
    }

    #[test]
    fn the_step_follows_the_zoom() {
        // (window in days, axis width, step)
        let cases: &[(f64, f64, Step)] = &[
            (12.0, 1000.0, Step::Days(1)),
            (60.0, 1000.0, Step::Days(7)),
            (365.0, 1000.0, Step::Months(1)),
            (365.0, 320.0, Step::Months(3)),
            (3650.0, 1000.0, Step::Years(1)),
            (7300.0, 320.0, Step::Years(5)),
        ];
        for (span, width, want) in cases {
            let w = Window { start: 19_000.0, end: 19_000.0 + span };
            assert_eq!(step_for(w, *width, 72.0), *want, "{span} days on {width} px");
        }
    }

    #[test]
    fn ticks_fall_on_calendar_boundaries_inside_the_window() {
        let year = Window { start: day("2023-11-20"), end: day("2024-11-20") };
        let t = ticks(year, 1000.0);
        let labels: Vec<&str> = t.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels.first(), Some(&"th12/2023"));
        assert!(labels.contains(&"2024"), "{labels:?}");
        assert!(t.iter().all(|t| t.day >= year.start && t.day <= year.end));
        assert!(t.iter().find(|t| t.label == "2024").unwrap().major);

        let decade = Window { start: day("2004-03-01"), end: day("2025-09-01") };
        let labels: Vec<String> = ticks(decade, 400.0).into_iter().map(|t| t.label).collect();
        assert_eq!(labels, ["2005", "2010", "2015", "2020", "2025"].map(String::from));

        let fortnight = Window { start: day("2024-06-10"), end: day("2024-06-24") };
        let labels: Vec<String> = ticks(fortnight, 1200.0).into_iter().map(|t| t.label).collect();
        assert_eq!(labels.first().map(String::as_str), Some("10/6/2024"));
        assert_eq!(labels.len(), 15);
    }

    #[test]
    fn zoom_and_pan_stay_within_the_loaded_range() {
        let bounds = Window { start: 0.0, end: 1000.0 };
        let all = bounds;
        // Zooming in about the middle keeps the middle.
        let z = all.zoom(0.5, 0.5, bounds);
        assert_eq!(z, Window { start: 250.0, end: 750.0 });
        // About the left edge keeps the left edge.
        assert_eq!(all.zoom(0.1, 0.0, bounds), Window { start: 0.0, end: 100.0 });
        // Never narrower than a week, never wider than the range.
        assert_eq!(all.zoom(0.0001, 0.5, bounds).span(), MIN_SPAN);
        assert_eq!(z.zoom(10.0, 0.5, bounds), bounds);
        // Panning stops at the edges.
        assert_eq!(z.pan(-2.0, bounds), Window { start: 0.0, end: 500.0 });
        assert_eq!(z.pan(2.0, bounds), Window { start: 500.0, end: 1000.0 });
        assert_eq!(z.pan(0.1, bounds), Window { start: 300.0, end: 800.0 });
        // x and day are inverse.
        assert_eq!(z.day(z.x(333.0, 800.0), 800.0), 333.0);
    }

    #[test]
    fn a_window_around_days_has_a_margin() {
        assert_eq!(Window::around([]), None);
        let one = Window::around([100.0]).unwrap();
        assert_eq!((one.start, one.end), (85.0, 115.0));
        let many = Window::around([0.0, 1000.0]).unwrap();
        assert_eq!((many.start, many.end), (-40.0, 1040.0));
    }
}
