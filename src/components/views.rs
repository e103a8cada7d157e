//! The views of the filtered, merged articles, as tabs: timeline (and a meeting's card), officials (and a
//! person's card), documents (and a document's card), who meets whom, the map.

use leptos::prelude::*;

use super::card_back::provide_trail;
use super::document_card::DocumentCard;
use super::documents_table::{default_doc_sort, DocumentsTable};
use super::graph_view::GraphView;
use super::map_view::MapView;
use super::meeting_card::MeetingCard;
use super::officials_table::{default_sort, OfficialsTable};
use super::person_card::PersonCard;
use super::timeline::Timeline;
use super::timeline_chart::TimelineChart;
use crate::app::Ws;
use crate::model::Tab;

/// The tab buttons' test ids, in [`Tab::ALL`]'s order.
const TAB_IDS: [&str; 5] = ["tab-timeline", "tab-officials", "tab-documents", "tab-graph", "tab-map"];

#[component]
pub fn Views() -> impl IntoView {
    let ws = expect_context::<Ws>();
    let tab = ws.tab;
    provide_trail(ws);
    let officials_sort = default_sort();
    let documents_sort = default_doc_sort();
    // A memo, not a closure over the list: the view is built again only when the page empties or fills,
    // not each time a round of articles arrives (at thousands of articles, rebuilding it every round
    // was most of the page's long tasks).
    let empty = Memo::new(move |_| ws.articles.with(Vec::is_empty));
    let button = move |t: Tab, id: &'static str, label: &'static str| {
        view! {
            <button type="button" role="tab" data-testid=id
                aria-selected=move || (tab.get().button() == t).to_string()
                tabindex=move || if tab.get().button() == t { "0" } else { "-1" }
                class:active=move || tab.get().button() == t
                on:click=move |_| tab.set(t)>{label}</button>
        }
    };
    view! {
        <section class="views">
            <div class="tabs" role="tablist" aria-label="Cách xem"
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    // Arrow keys move between the tabs, as in any tab list.
                    let order = Tab::ALL;
                    let n = order.len();
                    let i = order.iter().position(|t| *t == tab.get_untracked().button()).unwrap_or(0);
                    let next = match ev.key().as_str() {
                        "ArrowRight" => order[(i + 1) % n],
                        "ArrowLeft" => order[(i + n - 1) % n],
                        _ => return,
                    };
                    ev.prevent_default();
                    tab.set(next);
                    let id = TAB_IDS[order.iter().position(|t| *t == next).unwrap_or(0)];
                    if let Some(el) = document().query_selector(&format!("[data-testid={id}]")).ok().flatten() {
                        if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                            let _ = el.focus();
                        }
                    }
                }>
                {button(Tab::Timeline, "tab-timeline", "Dòng thời gian")}
                {button(Tab::Officials, "tab-officials", "Cán bộ")}
                {button(Tab::Documents, "tab-documents", "Văn bản")}
                {button(Tab::Graph, "tab-graph", "Ai họp với ai")}
                {button(Tab::Map, "tab-map", "Bản đồ")}
            </div>
            <div role="tabpanel">
                {move || if empty.get() {
                    view! { <p class="hint" data-testid="views-hint">"Thêm bài để thấy dòng thời gian hội nghị, bảng cán bộ và văn bản."</p> }.into_any()
                } else {
                    match tab.get() {
                        Tab::Timeline => view! { <TimelineChart/> <Timeline/> }.into_any(),
                        Tab::Officials => view! { <OfficialsTable sort=officials_sort/> }.into_any(),
                        Tab::Documents => view! { <DocumentsTable sort=documents_sort/> }.into_any(),
                        Tab::Graph => view! { <GraphView/> }.into_any(),
                        Tab::Map => view! { <MapView/> }.into_any(),
                        Tab::Person(id) => view! { <PersonCard id=id/> }.into_any(),
                        Tab::Meeting(id) => view! { <MeetingCard id=id/> }.into_any(),
                        Tab::Document(id) => view! { <DocumentCard id=id/> }.into_any(),
                    }
                }}
            </div>
        </section>
    }
}
