//! Draws a [`Scene`] on a canvas, as the page shows it; sharp on high-density screens (the backing store is
//! scaled by the device pixel ratio). Marks of one paint are filled as one path: 2,000 meetings are one
//! `fill()` call, which keeps a frame of panning well under its budget.

use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use super::{Anchor, Paint, Scene, Shape};
use crate::fixed::decimal;

const FONT: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

/// The letters the charts' labels are written in (Vietnamese, digits, the axis's marks), shaped once by
/// [`warm_fonts`].
const WARM_TEXT: &str = "Hội nghị Ủy ban Đảng ắằẳẵặ ếềểễệ ốồổỗộ ớờởỡợ ứừửữự ýỳỷỹỵ 0123456789 /–…";

/// Shapes the charts' letters at their sizes on a canvas of its own (never shown), so that the browser finds
/// the fonts for them now. The first text a canvas draws makes the page's thread wait for the browser to match
/// fonts (a synchronous call, on Linux to the browser process): traced at 5,000 articles, the chart's first
/// paint during a load held the thread 1.3 s for a dozen labels, with the browser process busy with the files.
/// Called once, when the page is first idle.
pub fn warm_fonts() {
    crate::browser::shape_text(FONT, &[10, 11, 12, 13], WARM_TEXT);
}

/// Paints `scene` on `canvas` (resized to it), the mark of `highlight` (an item) ringed.
pub fn paint(canvas: &HtmlCanvasElement, scene: &Scene, highlight: Option<usize>) {
    let ratio = web_sys::window().map(|w| w.device_pixel_ratio()).unwrap_or(1.0).max(1.0);
    paint_at(canvas, scene, highlight, ratio);
}

/// [`paint`] at `ratio` backing pixels per CSS pixel.
fn paint_at(canvas: &HtmlCanvasElement, scene: &Scene, highlight: Option<usize>, ratio: f64) {
    let (w, h) = ((scene.width * ratio).round() as u32, (scene.height * ratio).round() as u32);
    if canvas.width() != w || canvas.height() != h {
        canvas.set_width(w);
        canvas.set_height(h);
    }
    let style = canvas.style();
    let _ = style.set_property("width", &format!("{}px", decimal(scene.width, 3)));
    let _ = style.set_property("height", &format!("{}px", decimal(scene.height, 3)));
    let Some(ctx) = canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
    else {
        return;
    };
    let _ = ctx.set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0);
    ctx.clear_rect(0.0, 0.0, scene.width, scene.height);
    ctx.set_fill_style_str("#ffffff");
    ctx.fill_rect(0.0, 0.0, scene.width, scene.height);

    // Lines in a row of the same paint and width are stroked as one path: a graph's thousand edges are a
    // handful of strokes, not a thousand.
    let mut stroke: Option<(Paint, f64)> = None;
    let finish = |stroke: &mut Option<(Paint, f64)>| {
        if stroke.take().is_some() {
            ctx.stroke();
        }
    };
    for shape in &scene.shapes {
        if !matches!(shape, Shape::Line { .. }) {
            finish(&mut stroke);
        }
        match shape {
            Shape::Rect { x, y, w, h, paint, .. } => {
                ctx.set_fill_style_str(paint.colour());
                ctx.fill_rect(*x, *y, *w, *h);
            }
            Shape::Line { x1, y1, x2, y2, paint, width } => {
                if stroke != Some((*paint, *width)) {
                    finish(&mut stroke);
                    ctx.begin_path();
                    ctx.set_stroke_style_str(paint.colour());
                    ctx.set_line_width(*width);
                    stroke = Some((*paint, *width));
                }
                ctx.move_to(*x1, *y1);
                ctx.line_to(*x2, *y2);
            }
            Shape::Text { x, y, text, anchor, size, paint } => {
                ctx.set_font(&format!("{}px {FONT}", decimal(*size, 3)));
                ctx.set_text_align(match anchor {
                    Anchor::Start => "start",
                    Anchor::Middle => "center",
                    Anchor::End => "end",
                });
                ctx.set_fill_style_str(paint.colour());
                let _ = ctx.fill_text(text, *x, *y);
            }
            Shape::Circle { .. } => {}
        }
    }
    finish(&mut stroke);
    // Circles last and in batches by paint, in scene order within each batch.
    for paint in [Paint::Soft, Paint::Mark, Paint::MarkApprox, Paint::Highlight] {
        let mut any = false;
        ctx.begin_path();
        for shape in &scene.shapes {
            if let Shape::Circle { x, y, r, paint: p, .. } = shape {
                if *p == paint {
                    ctx.move_to(x + r, *y);
                    let _ = ctx.arc(*x, *y, *r, 0.0, std::f64::consts::TAU);
                    any = true;
                }
            }
        }
        if any {
            if paint == Paint::MarkApprox {
                ctx.set_fill_style_str("#ffffff");
                ctx.fill();
            } else {
                ctx.set_fill_style_str(paint.colour());
                ctx.fill();
            }
            ctx.set_stroke_style_str(paint.colour());
            ctx.set_line_width(1.0);
            ctx.stroke();
        }
    }
    if let Some(item) = highlight {
        for shape in &scene.shapes {
            if let Shape::Circle { x, y, r, item: Some(i), .. } = shape {
                if *i == item {
                    ctx.begin_path();
                    let _ = ctx.arc(*x, *y, r + 3.0, 0.0, std::f64::consts::TAU);
                    ctx.set_stroke_style_str(Paint::Highlight.colour());
                    ctx.set_line_width(2.0);
                    ctx.stroke();
                }
            }
        }
    }
}

/// Downloads `scene` as a PNG named `name`, drawn on a canvas of its own at twice its size (sharp when
/// printed); nothing leaves the page (a data address on a link the page clicks).
pub fn save_png(scene: &Scene, name: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(canvas) = document.create_element("canvas").ok().and_then(|e| e.dyn_into::<HtmlCanvasElement>().ok())
    else {
        return;
    };
    paint_at(&canvas, scene, None, 2.0);
    let Ok(url) = canvas.to_data_url_with_type("image/png") else { return };
    let Some(link) = document.create_element("a").ok().and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return;
    };
    link.set_href(&url);
    link.set_download(name);
    if let Some(body) = document.body() {
        let _ = body.append_child(&link);
        link.click();
        link.remove();
    }
}
