//! The article behind a fact, as text (never HTML), with the sentence marked and scrolled into view;
//! next and previous step through every mention, Escape (app.rs) or × closes it. Above the text, the card
//! that corrects the fact shown (`correction_card.rs`), made again only when the article or the corrections
//! change (not at each update of the list while a batch loads) or the merged view does (once a batch is done);
//! what was typed in it and not saved comes back in it.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::Ws;
use crate::components::correction_card::CorrectionCard;
use crate::model::split_at_span;

#[component]
pub fn EvidencePanel() -> impl IntoView {
    let ws = expect_context::<Ws>();
    // What the correction card is made of: the article shown, by its record as read (each update of the list
    // while a batch loads makes the records again, corrected, but leaves the articles read as they were), and the
    // merged view, for the people and documents it offers to join and the split (the view comes after the
    // records: the merge worker answers later), followed once a batch is done, not at each answer while it loads.
    let made_of = Memo::new(move |_| {
        let source = ws.evidence.with(|e| Some(e.as_ref()?.current()?.0.clone()));
        let article = ws.articles.with(|l| {
            let record = l.iter().find(|a| Some(&a.name) == source.as_ref())?.record.as_ref();
            record.map(|r| Arc::as_ptr(r) as usize)
        });
        let merged = ws.progress.with(Option::is_none).then(|| ws.merged.with(|m| Arc::as_ptr(&m.0) as usize));
        (article, merged)
    });
    move || {
        let e = ws.evidence.get()?;
        let (source, span) = e.current()?.clone();
        // The card again when one of those changes, or the corrections do (a save, an undo).
        made_of.track();
        ws.corrections.track();
        let record = ws.records.with_untracked(|r| r.0.get(&source).cloned());
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
