//! The article behind a fact, as text (never HTML), with the sentence marked and scrolled into view.

use leptos::prelude::*;

use crate::app::Ws;
use crate::model::split_at_span;

#[component]
pub fn EvidencePanel() -> impl IntoView {
    let ws = expect_context::<Ws>();
    move || {
        let e = ws.evidence.get()?;
        let record = ws.records.with(|r| r.0.get(&e.source).cloned());
        let body = match record {
            Some(r) => {
                let (before, marked, after) = split_at_span(&r.text, e.span);
                let (before, marked, after) = (before.to_string(), marked.to_string(), after.to_string());
                view! {
                    <div class="article-text" data-testid="evidence-text" tabindex="0">
                        {before}<mark id="evidence-mark" data-testid="evidence-mark">{marked}</mark>{after}
                    </div>
                }
                .into_any()
            }
            None => view! { <p class="hint">"Bài này không còn trên trang."</p> }.into_any(),
        };
        Some(view! {
            <aside class="evidence" data-testid="evidence" aria-label="Câu gốc trong bài">
                <div class="section-head">
                    <h2>"Câu gốc"</h2>
                    <button type="button" class="icon" data-testid="evidence-close" aria-label="Đóng" on:click=move |_| ws.evidence.set(None)>"×"</button>
                </div>
                <p class="evidence-meta"><strong>{e.label.clone()}</strong>" · "<span data-testid="evidence-source">{e.source.clone()}</span></p>
                {body}
            </aside>
        })
    }
}
