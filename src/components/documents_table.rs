//! One row per document: kind, number, date, issuer, the articles that cite it.

use hoinghi_merge::MergedDocument;
use leptos::prelude::*;

use crate::app::Ws;
use crate::model::date_vi;

const PAGE: usize = 100;

#[component]
pub fn DocumentsTable() -> impl IntoView {
    let ws = expect_context::<Ws>();
    let limit = RwSignal::new(PAGE);
    view! {
        <section class="documents">
            {move || {
                let v = ws.view.get();
                let n = v.0.documents.len();
                if n == 0 { return view! { <p class="hint" data-testid="documents-empty">"Không có văn bản nào (theo bộ lọc hiện tại)."</p> }.into_any(); }
                view! {
                    <div class="table-wrap">
                    <table data-testid="documents-table">
                        <caption class="sr-only">"Văn bản"</caption>
                        <thead><tr>
                            <th scope="col">"Loại"</th><th scope="col">"Số hiệu"</th><th scope="col">"Ngày"</th>
                            <th scope="col">"Cơ quan ban hành"</th><th scope="col">"Bài trích dẫn"</th>
                        </tr></thead>
                        <tbody>{v.0.documents.iter().take(limit.get()).map(|d| document_row(ws, d)).collect_view()}</tbody>
                    </table>
                    </div>
                    {(n > limit.get()).then(|| view! {
                        <button type="button" class="link" data-testid="documents-more" on:click=move |_| limit.update(|l| *l += 200)>{format!("Xem thêm ({} văn bản nữa)", n - limit.get())}</button>
                    })}
                }.into_any()
            }}
        </section>
    }
}

fn document_row(ws: Ws, d: &MergedDocument) -> impl IntoView {
    let first = d.citations.first().cloned();
    let number = d.number.clone();
    let label = d.number.clone();
    let inferred = |yes: bool| yes.then_some("suy từ số hiệu");
    let cites = d
        .citations
        .iter()
        .map(|c| {
            let c = c.clone();
            let label = d.number.clone();
            view! { <li><button type="button" class="link source" on:click=move |_| ws.show(&c.source, c.span, &label)>{c.source.clone()}</button></li> }
        })
        .collect_view();
    view! {
        <tr data-testid="document-row">
            <td data-label="Loại" title=inferred(d.kind_inferred)>{d.kind.clone()}</td>
            <td class="name"><button type="button" class="link" data-testid="document-number"
                on:click=move |_| if let Some(c) = &first { ws.show(&c.source, c.span, &label) }>{number}</button></td>
            <td data-label="Ngày" class="date">{d.date.as_deref().map(|x| date_vi(x, None))}</td>
            <td data-label="Ban hành" title=inferred(d.issuer_inferred)>{d.issuer.clone()}</td>
            <td data-label="Bài"><ul class="sources">{cites}</ul></td>
        </tr>
    }
}
