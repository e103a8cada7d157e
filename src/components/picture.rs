//! A picture the user can point at: a canvas drawing a [`Scene`], whose marks name themselves on hover and
//! open something on a click (Enter on the focused canvas opens the one named), with SVG and PNG downloads
//! captioned with the filters. Used by who-meets-whom and the map; the timeline has its own (it zooms).

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::{Shared, Ws};
use crate::chart::{self, canvas, Scene};

#[component]
pub fn Picture(
    /// What is drawn (rebuilt by the view when its data or `width` change).
    scene: Memo<Shared<Scene>>,
    /// The width the picture has to fill, measured here.
    width: RwSignal<f64>,
    /// `data-testid` of the canvas; the downloads are `{testid}-svg` and `{testid}-png`.
    testid: &'static str,
    /// What the picture shows, for screen readers and the caption.
    label: &'static str,
    /// The download's file name without extension.
    file: &'static str,
    /// What the mark of an item says on hover.
    describe: Callback<usize, Option<String>>,
    /// What a click on an item does.
    pick: Callback<usize>,
    /// The status line when the pointer is on nothing.
    idle: Signal<String>,
) -> impl IntoView {
    let ws = expect_context::<Ws>();
    let hover = RwSignal::new(None::<usize>);
    let holder = NodeRef::<html::Div>::new();
    let canvas_ref = NodeRef::<html::Canvas>::new();
    track_width(holder, width);
    Effect::new(move |_| {
        let s = scene.get();
        let h = hover.get();
        if let Some(c) = canvas_ref.get() {
            canvas::paint(&c, &s.0, h);
        }
    });
    let item_at = move |ev: &web_sys::MouseEvent| {
        pointer_at(ev).and_then(|(x, y)| scene.with_untracked(|s| s.0.item_at(x, y, 3.0)))
    };
    let caption = move || chart::caption(&ws.filters.get_untracked(), label);
    let save_svg = move |_| {
        let svg = chart::to_svg(&chart::with_caption(&scene.get_untracked().0, &caption()));
        crate::browser::download(&format!("{file}.svg"), &svg, "image/svg+xml");
    };
    let save_png =
        move |_| canvas::save_png(&chart::with_caption(&scene.get_untracked().0, &caption()), &format!("{file}.png"));
    view! {
        <div class="chart-canvas" node_ref=holder>
            <canvas node_ref=canvas_ref tabindex="0" role="img" aria-label=label data-testid=testid
                data-items=move || scene.with(|s| s.0.shapes.iter().filter(|sh| matches!(sh,
                    chart::Shape::Circle { item: Some(_), .. } | chart::Shape::Rect { item: Some(_), .. })).count())
                on:pointermove=move |ev: web_sys::PointerEvent| {
                    let item = item_at(&ev);
                    if item != hover.get_untracked() {
                        hover.set(item);
                    }
                }
                on:pointerleave=move |_| hover.set(None)
                on:click=move |ev: web_sys::MouseEvent| {
                    if let Some(item) = item_at(&ev) {
                        pick.run(item);
                    }
                }
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    if ev.key() == "Enter" {
                        if let Some(item) = hover.get_untracked() {
                            pick.run(item);
                        }
                    }
                }></canvas>
        </div>
        <p class="chart-status" data-testid=format!("{testid}-status") aria-live="polite">
            {move || hover.get().and_then(|i| describe.run(i)).unwrap_or_else(|| idle.get())}
        </p>
        <div class="chart-actions">
            <button type="button" class="small secondary" data-testid=format!("{testid}-svg") on:click=save_svg>"Tải SVG"</button>
            <button type="button" class="small secondary" data-testid=format!("{testid}-png") on:click=save_png>"Tải PNG"</button>
        </div>
    }
}

/// Keeps `width` at the width of `holder`, measured when it appears and whenever the window is resized (a
/// picture is drawn at the width it has, so its text keeps its size).
///
/// When the holder appears it is measured in the next animation frame, not at once: the effect runs while the
/// view that made the holder is still being built, and reading a width then makes the browser lay the page out
/// in the middle of that task (at 5,000 articles, 182 ms of layout inside one 376 ms task). In the frame, the
/// layout is the one the browser does anyway, in a task of its own.
pub fn track_width(holder: NodeRef<html::Div>, width: RwSignal<f64>) {
    let measure = move || {
        if let Some(el) = holder.try_get_untracked().flatten() {
            let w = f64::from(el.client_width());
            if w > 0.0 && (w - width.get_untracked()).abs() > 0.5 {
                width.try_set(w);
            }
        }
    };
    Effect::new(move |_| {
        if holder.get().is_some() {
            request_animation_frame(measure);
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
}

/// Where the pointer of `ev` is, in pixels from the top left of the element it is over (the canvas).
pub fn pointer_at(ev: &web_sys::MouseEvent) -> Option<(f64, f64)> {
    let rect = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok())?.get_bounding_client_rect();
    Some((f64::from(ev.client_x()) - rect.left(), f64::from(ev.client_y()) - rect.top()))
}
