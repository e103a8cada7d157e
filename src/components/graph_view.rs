//! Who meets whom: the officials of the meetings in view (the shared filters: province, period, body, …) as a
//! graph laid out in Rust (`hoinghi_merge::graph`, the same picture for the same articles); the 300 who took
//! part in most meetings, names on the largest, the rest on hover; a click opens the person's card.
//!
//! The layout runs a few rounds per animation frame (`hoinghi_merge::graph::Layout`), drawn as it settles:
//! three hundred people cost the page's small build most of a second, which must never be one task.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

use hoinghi_merge::graph::{people_and_pairs, Graph, Layout};
use leptos::prelude::*;

use super::picture::Picture;
use crate::app::{Shared, Ws};
use crate::browser;
use crate::chart::graph::scene;
use crate::fixed::fixed;
use crate::model::Tab;

/// The most people drawn: readable, and laid out in under a second.
pub const MAX_PEOPLE: usize = 300;

/// The layout's share of a frame (ms): the rest is the page's, to draw and answer the pointer.
const SLICE_MS: f64 = 8.0;

/// A layout under way, with what the page shows of it.
struct Settling {
    /// Which view it lays out: a newer one stops it.
    generation: u64,
    base: Arc<Graph>,
    layout: Layout,
    /// Time spent in its rounds so far.
    ms: f64,
    /// When the picture was last redrawn from it (`browser::now`).
    shown_at: f64,
}

/// How often a layout under way is redrawn (ms): each drawing of hundreds of people and their edges costs
/// more than a slice of the layout, so the picture moves a few times a second, not every frame.
const REDRAW_MS: f64 = 250.0;

#[component]
pub fn GraphView() -> impl IntoView {
    let ws = expect_context::<Ws>();
    let width = RwSignal::new(720.0_f64);
    // The people and pairs of the view; their layout follows, a slice per frame (the bench reads its time
    // from data-layout-ms, the specs wait for data-laid-out).
    let pairs = Memo::new(move |_| Shared(Arc::new(ws.view.with(|v| people_and_pairs(&v.0, MAX_PEOPLE)))));
    let laid_out = RwSignal::new(Shared(Arc::new((Graph::default(), 0.0_f64))));
    let settled = RwSignal::new(false);
    let progress = RwSignal::new(0.0_f64);
    let generation = StoredValue::new(0_u64);
    Effect::new(move |_| {
        let base = pairs.get().0;
        let next = generation.get_value() + 1;
        generation.set_value(next);
        settled.set(false);
        let layout = Layout::new(&base);
        let settling = Rc::new(RefCell::new(Settling { generation: next, base, layout, ms: 0.0, shown_at: f64::MIN }));
        advance(settling, generation, laid_out, settled, progress);
    });
    let names = Memo::new(move |_| {
        Shared(Arc::new(ws.view.with(|v| v.0.people.iter().map(|p| (p.id, p.name.clone())).collect::<HashMap<_, _>>())))
    });
    let picture = Memo::new(move |_| {
        let g = laid_out.get();
        let n = names.get();
        let size = width.get().min(760.0);
        Shared(Arc::new(scene(&g.0 .0, size, |id| n.0.get(&id).cloned().unwrap_or_default())))
    });
    let describe = Callback::new(move |person: usize| {
        let g = laid_out.get_untracked();
        let node = g.0 .0.nodes.iter().find(|n| n.person == person)?;
        let name = names.with_untracked(|n| n.0.get(&person).cloned())?;
        let partners = partners(&g.0 .0, person);
        Some(format!("{name} · {} cuộc họp · gặp {partners} người trong hình", node.meetings))
    });
    let pick = Callback::new(move |person: usize| ws.tab.set(Tab::Person(person)));
    let idle = Signal::derive(move || {
        let g = laid_out.get();
        let (graph, _) = &*g.0;
        if !settled.get() {
            let people = pairs.with(|p| p.0.nodes.len());
            return format!("Đang sắp xếp {people} cán bộ… {}%", fixed(progress.get() * 100.0, 0));
        }
        if graph.nodes.is_empty() {
            return "Chưa có cán bộ nào được ghi là chủ trì hay dự cùng một hội nghị (theo bộ lọc hiện tại).".into();
        }
        let left = if graph.left_out > 0 {
            format!(" (và {} người ít họp hơn không vẽ)", graph.left_out)
        } else {
            String::new()
        };
        format!(
            "{} cán bộ{left}, {} cặp từng cùng họp. Di chuột lên một người để xem tên; bấm để mở hồ sơ.",
            graph.nodes.len(),
            graph.edges.len()
        )
    });
    view! {
        <section class="chart graph-view" data-testid="graph-view"
            data-layout-ms=move || fixed(laid_out.get().0 .1, 1)
            data-laid-out=move || settled.get().to_string()>
            <div class="section-head"><h2>"Ai họp với ai"</h2></div>
            <Picture scene=picture width=width testid="graph-canvas" label="Ai họp với ai" file="hoi-nghi-ai-hop-voi-ai"
                describe=describe pick=pick idle=idle/>
        </section>
    }
}

/// Runs the layout for a slice of this frame, shows where it got to, and asks for the next frame until it is
/// finished; stops when a newer view has started its own or the view is gone.
fn advance(
    settling: Rc<RefCell<Settling>>,
    generation: StoredValue<u64>,
    laid_out: RwSignal<Shared<(Graph, f64)>>,
    settled: RwSignal<bool>,
    progress: RwSignal<f64>,
) {
    let (shown, done, fraction) = {
        let mut s = settling.borrow_mut();
        if generation.try_get_value() != Some(s.generation) {
            return;
        }
        let start = browser::now();
        while !s.layout.run(1) && browser::now() - start < SLICE_MS {}
        let end = browser::now();
        s.ms += end - start;
        let done = s.layout.done();
        let shown = (done || end - s.shown_at >= REDRAW_MS).then(|| {
            s.shown_at = end;
            let mut graph = (*s.base).clone();
            s.layout.place(&mut graph);
            (graph, s.ms)
        });
        (shown, done, s.layout.fraction())
    };
    if progress.try_set(fraction).is_some() {
        return;
    }
    if let Some(shown) = shown {
        laid_out.set(Shared(Arc::new(shown)));
    }
    if done {
        settled.set(true);
    } else {
        request_animation_frame(move || advance(settling, generation, laid_out, settled, progress));
    }
}

/// How many people `person` shares an edge with.
fn partners(graph: &Graph, person: usize) -> usize {
    let Some(i) = graph.nodes.iter().position(|n| n.person == person) else { return 0 };
    graph.edges.iter().filter(|e| e.a == i || e.b == i).count()
}
