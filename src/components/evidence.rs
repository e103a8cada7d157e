//! The article behind a fact, as text (never HTML), with the sentence marked and scrolled into view;
//! next and previous step through every mention, Escape (app.rs) or × closes it. Above the text, the card
//! that corrects the fact shown (`correction_card.rs`).

use leptos::prelude::*;

use crate::app::Ws;
use crate::components::correction_card::CorrectionCard;
use crate::model::split_at_span;

#[component]
pub fn EvidencePanel() -> impl IntoView {
    let ws = expect_context::<Ws>();
    move || {
        let e = ws.evidence.get()?;
        let (source, span) = e.current()?.clone();
        let record = ws.records.with(|r| r.0.get(&source).cloned());
        // The correction card offers what the merged view holds (people and documents to join, a split): made
        // again when the view changes, which comes after the records do (the merge worker answers later).
        ws.merged.track();
        let n = e.mentions.len();
        let stepper = (n > 1).then(|| {
            view! {
                <div class="stepper" role="group" aria-label="Các lần nhắc đến">
                    <button type="button" class="small secondary" data-testid="evidence-prev" on:click=move |_| ws.step(-1)>"‹ Trước"</button>
                    <span data-testid="evidence-position">{format!("{} / {n}", e.index + 1)}</span>
                    <button type="button" class="small secondary" data-testid="evidence-next" on:click=move |_| ws.step(1)>"Sau ›"</button>
                </div>
            }
        });
        let card = record.clone().map(|record| view! { <CorrectionCard source=source.clone() span record/> });
        let body = match record {
            Some(r) => {
                let (before, marked, after) = split_at_span(&r.text, span);
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
                    <button type="button" class="icon" data-testid="evidence-close" aria-label="Đóng" title="Đóng (Esc)" on:click=move |_| ws.close_evidence()>"×"</button>
                </div>
                <p class="evidence-meta"><strong>{e.label.clone()}</strong>" · "<span data-testid="evidence-source">{source}</span></p>
                {stepper}
                {card}
                {body}
            </aside>
        })
    }
}
