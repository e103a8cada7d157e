//! Long tables and lists shown a window at a time: only the rows near the screen are in the page, with a
//! spacer above and below standing for the others, so that the DOM stays small at any number of rows while
//! the scroll bar and scrolling are those of the whole list. A list of at most [`MIN_ROWS`] rows is shown
//! whole (so a short list is all there for find-in-page and for the specs); a longer one shows the rows that
//! cover the screen and some way beyond it. Rows may differ in height: the
//! spacers use the average of the rows shown, measured as they appear.
//!
//! The caller renders rows `range()` between [`spacer_row`]s (a table body) or [`spacer_item`]s (a list)
//! inside the element whose id it gave, and says where the list scrolls: with the page, or in its own box
//! (then it calls [`Window::measure`] from that element's `scroll` event).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::fixed::fixed;

/// Lists of at most this many rows are shown whole; longer ones show the rows that cover the screen and the
/// overscan (fewer rows make a switch of tabs and a change of the filters cheaper: each row is built anew).
pub const MIN_ROWS: usize = 100;
/// Pixels of rows kept in the page above and below what is on screen (a fast scroll shows no gap).
const OVERSCAN_PX: f64 = 1200.0;
/// The window moves by this many rows at a time, so that a small scroll changes nothing.
const STEP: usize = 20;

/// The rows `[start, end)` to show of `count` rows about `row_px` high, when the first `from_px` pixels of
/// the list are scrolled out of view and `screen_px` pixels of it can show.
pub fn window(count: usize, from_px: f64, screen_px: f64, row_px: f64) -> (usize, usize) {
    if count <= MIN_ROWS {
        return (0, count);
    }
    let row = row_px.max(1.0);
    let first = ((from_px - OVERSCAN_PX).max(0.0) / row) as usize;
    let shown = (((screen_px.max(0.0) + 2.0 * OVERSCAN_PX) / row).ceil() as usize + STEP).min(count);
    let start = (first / STEP * STEP).min(count - shown);
    (start, start + shown)
}

/// Where a list scrolls.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Scroll {
    /// With the page (a table in the page's flow).
    Page,
    /// In its own box (`overflow-y: auto`).
    Own,
}

/// The window of one list: which rows to show, and the spacers' heights.
#[derive(Clone, Copy)]
pub struct Window {
    id: &'static str,
    scroll: Scroll,
    count: Signal<usize>,
    /// (pixels of the list scrolled out of view, pixels that can show).
    seen: RwSignal<(f64, f64)>,
    /// The average height of a row shown.
    row_px: RwSignal<f64>,
    range: Memo<(usize, usize)>,
}

impl Window {
    /// The window of the `count` rows held by the element `id`, rows about `row_px` high until measured.
    pub fn new(id: &'static str, scroll: Scroll, count: Signal<usize>, row_px: f64) -> Window {
        let seen = RwSignal::new((0.0, 900.0));
        let row_px = RwSignal::new(row_px);
        // A long list's rows come in the frame after the list itself (spacers stand for them meanwhile), so that
        // a switch of tabs is two tasks, not one long one.
        let ready = RwSignal::new(false);
        request_animation_frame(move || {
            ready.try_set(true);
        });
        let range = Memo::new(move |_| {
            let (from, screen) = seen.get();
            let n = count.get();
            if n > MIN_ROWS && !ready.get() {
                return (0, 0);
            }
            window(n, from, screen, row_px.get())
        });
        let w = Window { id, scroll, count, seen, row_px, range };
        if scroll == Scroll::Page {
            let on_scroll = window_event_listener(leptos::ev::scroll, move |_| w.measure());
            let on_resize = window_event_listener(leptos::ev::resize, move |_| w.measure());
            on_cleanup(move || {
                on_scroll.remove();
                on_resize.remove();
            });
        }
        // Once rows show, measure them (after the browser laid them out).
        Effect::new(move |_| {
            range.track();
            request_animation_frame(move || w.measure_rows());
        });
        w
    }

    /// The rows to show, `[start, end)`.
    pub fn range(self) -> (usize, usize) {
        self.range.get()
    }

    /// The height the rows above the window would take.
    pub fn above_px(self) -> f64 {
        self.range.with(|r| r.0) as f64 * self.row_px.get()
    }

    /// The height the rows below the window would take.
    pub fn below_px(self) -> f64 {
        let end = self.range.with(|r| r.1);
        self.count.get().saturating_sub(end) as f64 * self.row_px.get()
    }

    fn element(self) -> Option<web_sys::HtmlElement> {
        gloo_utils::document().get_element_by_id(self.id)?.dyn_into().ok()
    }

    /// Reads how far the list is scrolled (call it from the list's own `scroll` event).
    pub fn measure(self) {
        let Some(el) = self.element() else { return };
        let seen = match self.scroll {
            Scroll::Page => {
                let screen = gloo_utils::window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(900.0);
                ((-el.get_bounding_client_rect().top()).max(0.0), screen)
            }
            Scroll::Own => (f64::from(el.scroll_top()), f64::from(el.client_height())),
        };
        let was = self.seen.get_untracked();
        if (seen.0 - was.0).abs() >= 1.0 || (seen.1 - was.1).abs() >= 1.0 {
            self.seen.set(seen);
        }
    }

    /// Measures the rows shown: their average height sizes the spacers.
    fn measure_rows(self) {
        let Some(el) = self.element() else { return };
        let (start, end) = self.range.get_untracked();
        if end <= start {
            return;
        }
        let spacers = (self.count.get_untracked() - (end - start)) as f64 * self.row_px.get_untracked();
        let rows = match self.scroll {
            Scroll::Page => el.get_bounding_client_rect().height(),
            Scroll::Own => f64::from(el.scroll_height()),
        } - spacers;
        let average = rows / (end - start) as f64;
        if average > 1.0 && (average - self.row_px.get_untracked()).abs() > 1.0 {
            self.row_px.set(average);
        }
        self.measure();
    }
}

/// A table body's spacer of `px` pixels, `columns` wide.
pub fn spacer_row(px: f64, columns: usize) -> impl IntoView {
    (px > 0.0).then(|| {
        view! { <tr class="spacer" aria-hidden="true" style:height=format!("{}px", fixed(px, 0))><td colspan=columns.to_string()></td></tr> }
    })
}

/// A list's spacer of `px` pixels.
pub fn spacer_item(px: f64) -> impl IntoView {
    (px > 0.0).then(|| view! { <li class="spacer" aria-hidden="true" style:height=format!("{}px", fixed(px, 0))></li> })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_covers_the_screen_and_more() {
        // (count, scrolled out, screen, row height, expected window)
        let cases = [
            (0, 0.0, 900.0, 50.0, (0, 0)),
            (80, 5000.0, 900.0, 50.0, (0, 80)),
            (MIN_ROWS, 0.0, 900.0, 50.0, (0, MIN_ROWS)),
            // At the top: the screen and the overscan below (3,300 px of 50 px rows, and a step).
            (5000, 0.0, 900.0, 50.0, (0, 86)),
            (5000, 0.0, 900.0, 20.0, (0, 185)),
            // Scrolled to row 200 (10,000 px): from 24 rows above it, down to the overscan below the screen.
            (5000, 10_000.0, 900.0, 50.0, (160, 246)),
            // A small scroll keeps the same window.
            (5000, 10_400.0, 900.0, 50.0, (180, 266)),
            (5000, 10_450.0, 900.0, 50.0, (180, 266)),
            // At the end: the last rows, never past them.
            (5000, 1e9, 900.0, 50.0, (4914, 5000)),
            // Rows taller than the screen and overscan: still a step of rows.
            (5000, 0.0, 900.0, 5000.0, (0, 21)),
        ];
        for (count, from, screen, row, expected) in cases {
            assert_eq!(window(count, from, screen, row), expected, "{count} rows, {from} px scrolled");
            let (start, end) = window(count, from, screen, row);
            // Whatever is on screen is in the window.
            let first_seen = ((from / row) as usize).min(count);
            let last_seen = (((from + screen) / row).ceil() as usize).min(count);
            assert!(count == 0 || first_seen >= start.min(count - 1) || start == 0);
            assert!(last_seen <= end || end == count);
        }
    }
}
