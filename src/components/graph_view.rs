//! Who meets whom: the officials of the meetings in view (the shared filters: province, period, body, …) as a
//! graph laid out in Rust (`hoinghi_merge::graph`, the same picture for the same articles); the 300 who took
//! part in most meetings, names on the largest, the rest on hover; a click opens the person's card.

use std::collections::HashMap;
use std::sync::Arc;

use hoinghi_merge::graph::{who_meets_whom, Graph};
use leptos::prelude::*;

use super::picture::Picture;
use crate::app::{Shared, Ws};
use crate::browser;
use crate::chart::graph::scene;
use crate::model::Tab;

/// The most people drawn: readable, and laid out in a few tens of milliseconds.
pub const MAX_PEOPLE: usize = 300;

#[component]
pub fn GraphView() -> impl IntoView {
    let ws = expect_context::<Ws>();
    let width = RwSignal::new(720.0_f64);
    // The layout, timed (the bench reads it from data-layout-ms).
    let laid_out = Memo::new(move |_| {
        let view = ws.view.get();
        let start = browser::now();
        let graph = who_meets_whom(&view.0, MAX_PEOPLE);
        Shared(Arc::new((graph, browser::now() - start)))
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
            data-layout-ms=move || format!("{:.1}", laid_out.get().0 .1)>
            <div class="section-head"><h2>"Ai họp với ai"</h2></div>
            <Picture scene=picture width=width testid="graph-canvas" label="Ai họp với ai" file="hoi-nghi-ai-hop-voi-ai"
                describe=describe pick=pick idle=idle/>
        </section>
    }
}

/// How many people `person` shares an edge with.
fn partners(graph: &Graph, person: usize) -> usize {
    let Some(i) = graph.nodes.iter().position(|n| n.person == person) else { return 0 };
    graph.edges.iter().filter(|e| e.a == i || e.b == i).count()
}
