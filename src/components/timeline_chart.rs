//! The visual timeline (a canvas over [`crate::chart::timeline`]): meetings as marks on lanes by province or
//! organiser, a density strip by month, the time axis. The wheel zooms about the pointer, a drag pans, a drag
//! along the density strip brushes a date range into the filters, the keys pan (← →) and zoom (+ −, 0 shows
//! everything); hovering names the meeting, a click opens its evidence (and offers its card). The grouped list
//! below stays the accessible view of the same meetings. Pictures out: SVG (the same scene, written) and PNG
//! (the canvas).

use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;

use super::picture::{pointer_at, track_width};
use crate::app::{Shared, Ws};
use crate::chart::time_axis::{day_of, Window};
use crate::chart::timeline::{lanes, scene, Layout, Mark};
use crate::chart::{self, canvas, Scene};
use crate::model::{date_vi, Tab};

/// What the lanes follow.
#[derive(Clone, Copy, PartialEq, Eq)]
enum LaneBy {
    Province,
    Organiser,
}

/// The most lanes drawn; the rest are gathered in `Khác`.
const MAX_LANES: usize = 8;

/// A drag in progress: panning from a window, or brushing from an x.
#[derive(Clone, Copy)]
enum Drag {
    Pan { x: f64, from: Window },
    Brush { x: f64 },
}

/// The marks and lanes of the meetings in view, computed once per view and lane choice.
struct Plot {
    marks: Vec<Mark>,
    labels: Vec<String>,
    bounds: Option<Window>,
    undated: usize,
}

fn plot(ws: Ws, by: LaneBy) -> Plot {
    let view = ws.view.get();
    let meetings = &view.0.meetings;
    let dated: Vec<(usize, f64, bool, Option<&str>)> = meetings
        .iter()
        .filter_map(|m| {
            let day = day_of(m.date.as_deref()?)?;
            let approx = m.date_precision.is_some_and(|p| p != hoinghi_core::Precision::Day);
            let key = match by {
                LaneBy::Province => m.provinces.first(),
                LaneBy::Organiser => m.organizers.first(),
            };
            Some((m.id, day, approx, key.map(String::as_str)))
        })
        .collect();
    let keys: Vec<Option<&str>> = dated.iter().map(|d| d.3).collect();
    let (labels, lane_of) = lanes(&keys, MAX_LANES);
    let marks: Vec<Mark> =
        dated.iter().zip(lane_of).map(|(&(item, day, approx, _), lane)| Mark { item, day, approx, lane }).collect();
    let bounds = Window::around(marks.iter().map(|m| m.day));
    Plot { marks, labels, bounds, undated: meetings.len() - dated.len() }
}

#[component]
pub fn TimelineChart() -> impl IntoView {
    let ws = expect_context::<Ws>();
    let by = RwSignal::new(LaneBy::Province);
    // None: everything loaded is in view (follows the data as it grows).
    let window = RwSignal::new(None::<Window>);
    let width = RwSignal::new(900.0_f64);
    let hover = RwSignal::new(None::<usize>);
    let drag = StoredValue::new(None::<Drag>);
    let brush = RwSignal::new(None::<(f64, f64)>);
    // The meeting last clicked, whose card the actions offer.
    let picked = RwSignal::new(None::<usize>);
    let holder = NodeRef::<html::Div>::new();
    let canvas_ref = NodeRef::<html::Canvas>::new();

    let plot = Memo::new(move |_| {
        let b = by.get();
        Shared(Arc::new(plot(ws, b)))
    });
    // The window shown: the user's, kept inside what is loaded, or all of it.
    let shown = Memo::new(move |_| {
        let p = plot.get();
        let bounds = p.0.bounds?;
        Some(match window.get() {
            Some(w) => w.zoom(1.0, 0.5, bounds),
            None => bounds,
        })
    });
    let layout = Memo::new(move |_| Layout::for_width(width.get()));
    let picture = Memo::new(move |_| {
        let p = plot.get();
        let scene_of = |w: Window| scene(&p.0.marks, &p.0.labels, w, layout.get());
        Shared(Arc::new(shown.get().map(scene_of).unwrap_or_default()))
    });

    track_width(holder, width);

    // Draw whenever the picture, the pointer's mark or the brush changes.
    Effect::new(move |_| {
        let s = picture.get();
        let h = hover.get();
        let b = brush.get();
        if let Some(c) = canvas_ref.get() {
            canvas::paint(&c, &with_brush(&s.0, b, layout.get_untracked()), h);
        }
    });

    let bounds = move || plot.with_untracked(|p| p.0.bounds);
    let current = move || shown.get_untracked();
    let set_window = move |w: Window| window.set(Some(w));
    let at = pointer_at;
    let on_wheel = move |ev: web_sys::WheelEvent| {
        let (Some(w), Some(b), Some((x, _))) = (current(), bounds(), at(&ev)) else { return };
        ev.prevent_default();
        let l = layout.get_untracked();
        let fraction = ((x - l.plot_left()) / l.plot_width()).clamp(0.0, 1.0);
        let factor = if ev.delta_y() > 0.0 { 1.25 } else { 0.8 };
        set_window(w.zoom(factor, fraction, b));
    };
    let on_down = move |ev: web_sys::PointerEvent| {
        let (Some(w), Some((x, y))) = (current(), at(&ev)) else { return };
        if let Some(el) = canvas_ref.get_untracked() {
            let _ = el.set_pointer_capture(ev.pointer_id());
        }
        let in_strip = y < layout.get_untracked().density_height;
        drag.set_value(Some(if in_strip { Drag::Brush { x } } else { Drag::Pan { x, from: w } }));
    };
    let on_move = move |ev: web_sys::PointerEvent| {
        let Some((x, y)) = at(&ev) else { return };
        match drag.get_value() {
            Some(Drag::Pan { x: x0, from }) => {
                if let Some(b) = bounds() {
                    let l = layout.get_untracked();
                    set_window(from.pan(-(x - x0) / l.plot_width(), b));
                }
            }
            Some(Drag::Brush { x: x0 }) => brush.set(Some((x0, x))),
            None => {
                let item = picture.with_untracked(|s| s.0.item_at(x, y, 3.0));
                if item != hover.get_untracked() {
                    hover.set(item);
                }
            }
        }
    };
    let on_up = move |ev: web_sys::PointerEvent| {
        let finished = drag.get_value();
        drag.set_value(None);
        let Some((x, y)) = at(&ev) else { return };
        match finished {
            Some(Drag::Brush { x: x0 }) if (x - x0).abs() > 4.0 => {
                brush.set(None);
                if let Some(w) = current() {
                    if let Some((from, to)) = layout.get_untracked().brushed(w, x0, x) {
                        ws.filters.update(|f| {
                            f.from = from;
                            f.to = to;
                        });
                        window.set(None);
                    }
                }
            }
            Some(Drag::Pan { x: x0, .. }) if (x - x0).abs() <= 3.0 => {
                open(ws, picked, picture.with_untracked(|s| s.0.item_at(x, y, 3.0)))
            }
            Some(Drag::Brush { .. }) => {
                brush.set(None);
                open(ws, picked, picture.with_untracked(|s| s.0.item_at(x, y, 3.0)));
            }
            _ => {}
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let (Some(w), Some(b)) = (current(), bounds()) else { return };
        let next = match ev.key().as_str() {
            "ArrowLeft" => w.pan(-0.2, b),
            "ArrowRight" => w.pan(0.2, b),
            "+" | "=" => w.zoom(0.8, 0.5, b),
            "-" | "_" => w.zoom(1.25, 0.5, b),
            "0" => {
                ev.prevent_default();
                window.set(None);
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        set_window(next);
    };

    let hovered = move || {
        let id = hover.get()?;
        let view = ws.view.get();
        let m = view.0.meetings.iter().find(|m| m.id == id)?;
        let when = date_vi(m.date.as_deref()?, m.date_precision);
        let what = if m.name.is_empty() { m.kind.clone() } else { m.name.clone() };
        let place = m.provinces.first().map(|p| format!(" · {p}")).unwrap_or_default();
        Some(format!("{when} · {what}{place}"))
    };
    let caption = move || chart::caption(&ws.filters.get_untracked(), "Dòng thời gian hội nghị");
    let save_svg = move |_| {
        let svg = chart::to_svg(&chart::with_caption(&picture.get_untracked().0, &caption()));
        crate::browser::download("hoi-nghi-dong-thoi-gian.svg", &svg, "image/svg+xml");
    };
    let save_png = move |_| {
        if let Some(c) = canvas_ref.get_untracked() {
            let _ = c;
            canvas::save_png(
                &chart::with_caption(&picture.get_untracked().0, &caption()),
                "hoi-nghi-dong-thoi-gian.png",
            );
        }
    };

    view! {
        <section class="chart timeline-chart" data-testid="timeline-chart">
            <div class="section-head">
                <h2>"Biểu đồ thời gian"</h2>
                <div class="zoom" role="group" aria-label="Làn theo">
                    <button type="button" class="small" class:secondary=move || by.get() != LaneBy::Province
                        data-testid="lanes-province" aria-pressed=move || (by.get() == LaneBy::Province).to_string()
                        on:click=move |_| by.set(LaneBy::Province)>"Theo tỉnh"</button>
                    <button type="button" class="small" class:secondary=move || by.get() != LaneBy::Organiser
                        data-testid="lanes-organiser" aria-pressed=move || (by.get() == LaneBy::Organiser).to_string()
                        on:click=move |_| by.set(LaneBy::Organiser)>"Theo cơ quan tổ chức"</button>
                </div>
            </div>
            <div class="chart-canvas" node_ref=holder>
                <canvas node_ref=canvas_ref tabindex="0" data-testid="timeline-canvas"
                    role="img" aria-label="Biểu đồ hội nghị theo thời gian: lăn chuột để phóng to, kéo để di chuyển, kéo trên dải mật độ để chọn khoảng ngày"
                    data-start=move || shown.get().and_then(|w| crate::chart::time_axis::date_of(w.start)).map(|d| d.to_string())
                    data-end=move || shown.get().and_then(|w| crate::chart::time_axis::date_of(w.end)).map(|d| d.to_string())
                    data-marks=move || picture.with(|s| s.0.shapes.iter().filter(|sh| matches!(sh, chart::Shape::Circle { .. })).count())
                    on:wheel=on_wheel on:pointerdown=on_down on:pointermove=on_move on:pointerup=on_up
                    on:pointerleave=move |_| hover.set(None) on:keydown=on_key></canvas>
            </div>
            <p class="chart-status" data-testid="timeline-hover" aria-live="polite">
                {move || hovered().unwrap_or_else(|| {
                    let p = plot.get().0;
                    let undated = if p.undated > 0 { format!(" · {} hội nghị không rõ ngày ở danh sách dưới", p.undated) } else { String::new() };
                    format!("{} hội nghị có ngày{undated}. Lăn chuột để phóng to, kéo để di chuyển, kéo trên dải trên cùng để lọc theo khoảng ngày; phím ← → + − 0.", p.marks.len())
                })}
            </p>
            <div class="chart-actions">
                <button type="button" class="small secondary" data-testid="timeline-reset" on:click=move |_| window.set(None)>"Xem toàn bộ"</button>
                <button type="button" class="small secondary" data-testid="timeline-svg" on:click=save_svg>"Tải SVG"</button>
                <button type="button" class="small secondary" data-testid="timeline-png" on:click=save_png>"Tải PNG"</button>
                {move || picked.get().map(|id| view! {
                    <button type="button" class="small" data-testid="timeline-open-card" on:click=move |_| ws.tab.set(Tab::Meeting(id))>"Chi tiết hội nghị vừa chọn ›"</button>
                })}
            </div>
        </section>
    }
}

/// Opens the evidence of meeting `id`, if any, and offers its card.
fn open(ws: Ws, picked: RwSignal<Option<usize>>, id: Option<usize>) {
    let Some(id) = id else { return };
    picked.set(Some(id));
    let view = ws.view.get_untracked();
    let Some(m) = view.0.meetings.iter().find(|m| m.id == id) else { return };
    let mentions: Vec<_> = m.reports.iter().map(|r| (r.source.clone(), r.evidence)).collect();
    let label = if m.name.is_empty() { m.kind.clone() } else { m.name.clone() };
    ws.show(mentions, 0, &label);
}

/// The scene with the range being brushed shaded over the density strip.
fn with_brush(scene: &Scene, brush: Option<(f64, f64)>, layout: Layout) -> Scene {
    let Some((a, b)) = brush else { return scene.clone() };
    let mut s = scene.clone();
    s.shapes.push(chart::Shape::Rect {
        x: a.min(b),
        y: 0.0,
        w: (a - b).abs(),
        h: layout.density_height,
        paint: chart::Paint::Selection,
        item: None,
    });
    s
}
