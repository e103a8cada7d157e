//! The three views of the filtered, merged articles, as tabs: timeline, officials, documents.

use leptos::prelude::*;

use super::documents_table::DocumentsTable;
use super::officials_table::OfficialsTable;
use super::timeline::Timeline;
use crate::app::Ws;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    Timeline,
    Officials,
    Documents,
}

#[component]
pub fn Views() -> impl IntoView {
    let ws = expect_context::<Ws>();
    let tab = RwSignal::new(Tab::Timeline);
    let button = move |t: Tab, id: &'static str, label: &'static str| {
        view! {
            <button type="button" role="tab" data-testid=id
                aria-selected=move || (tab.get() == t).to_string()
                class:active=move || tab.get() == t
                on:click=move |_| tab.set(t)>{label}</button>
        }
    };
    view! {
        <section class="views">
            <div class="tabs" role="tablist" aria-label="Cách xem">
                {button(Tab::Timeline, "tab-timeline", "Dòng thời gian")}
                {button(Tab::Officials, "tab-officials", "Cán bộ")}
                {button(Tab::Documents, "tab-documents", "Văn bản")}
            </div>
            <div role="tabpanel">
                {move || if ws.articles.with(Vec::is_empty) {
                    view! { <p class="hint" data-testid="views-hint">"Thêm bài để thấy dòng thời gian hội nghị, bảng cán bộ và văn bản."</p> }.into_any()
                } else {
                    match tab.get() {
                        Tab::Timeline => view! { <Timeline/> }.into_any(),
                        Tab::Officials => view! { <OfficialsTable/> }.into_any(),
                        Tab::Documents => view! { <DocumentsTable/> }.into_any(),
                    }
                }}
            </div>
        </section>
    }
}
