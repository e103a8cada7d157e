//! One row per document: kind, number, date, issuer, the articles that cite it; sortable by every
//! column, the number as a number (`9/NQ-TW` before `15/NQ-TW`) and text in Vietnamese order. Each number
//! opens its citations, and "Chi tiết ›" the document's card. Only the rows near the screen are in the page
//! (`virtual_list`), however many documents there are.

use hoinghi_merge::search::sort_key;
use hoinghi_merge::MergedDocument;
use leptos::prelude::*;

use crate::app::Ws;
use crate::components::corrected_mark;
use crate::components::virtual_list::{spacer_row, Scroll, Window};
use crate::model::{date_vi, sorted_ids, SortKey as Key, Tab};

/// The column the table is sorted by.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum DocCol {
    Kind,
    Number,
    Date,
    Issuer,
    Articles,
}

fn column_key(d: &MergedDocument, col: DocCol) -> Key {
    let text = |t: &Option<String>| Key::Text(t.as_deref().map(sort_key).unwrap_or_default());
    match col {
        DocCol::Kind => text(&d.kind),
        DocCol::Number => Key::Text(Vec::new()),
        DocCol::Date => Key::Date(d.date.clone()),
        DocCol::Issuer => text(&d.issuer),
        DocCol::Articles => Key::Count(d.articles),
    }
}

/// The ids of `docs` in the table's order (ties by number).
fn order(docs: &[MergedDocument], col: DocCol, asc: bool) -> Vec<usize> {
    sorted_ids(docs.iter().enumerate().map(|(i, d)| ((column_key(d, col), sort_key(&d.number)), i)).collect(), asc)
}

/// How the table is sorted: (column, ascending); owned by the views, so that it survives a switch of tabs.
pub fn default_doc_sort() -> RwSignal<(DocCol, bool)> {
    RwSignal::new((DocCol::Number, true))
}

#[component]
pub fn DocumentsTable(sort: RwSignal<(DocCol, bool)>) -> impl IntoView {
    let ws = expect_context::<Ws>();
    let rows = Memo::new(move |_| {
        let (col, asc) = sort.get();
        ws.view.with(|v| order(&v.0.documents, col, asc))
    });
    let rows_window = Window::new("document-rows", Scroll::Page, Signal::derive(move || rows.with(Vec::len)), 60.0);
    let empty = Memo::new(move |_| ws.view.with(|v| v.0.documents.is_empty()));
    let header = move |col: DocCol, label: &'static str, id: &'static str| {
        view! {
            <th scope="col" aria-sort=move || match sort.get() { (c, true) if c == col => "ascending", (c, false) if c == col => "descending", _ => "none" }>
                <button type="button" class="sort" data-testid=id on:click=move |_| sort.update(|s| *s = if s.0 == col { (col, !s.1) } else { (col, true) })>
                    {label}
                    <span class="arrow" aria-hidden="true">{move || match sort.get() { (c, true) if c == col => "▲", (c, false) if c == col => "▼", _ => "" }}</span>
                </button>
            </th>
        }
    };
    view! {
        <section class="documents">
            {move || {
                if empty.get() { return view! { <p class="hint" data-testid="documents-empty">"Không có văn bản nào (theo bộ lọc hiện tại)."</p> }.into_any(); }
                view! {
                    <div class="table-wrap">
                    <table data-testid="documents-table" aria-rowcount=move || (rows.with(Vec::len) + 1).to_string()>
                        <caption class="sr-only">"Văn bản"</caption>
                        <thead><tr aria-rowindex="1">
                            {header(DocCol::Kind, "Loại", "sort-doc-kind")}
                            {header(DocCol::Number, "Số hiệu", "sort-doc-number")}
                            {header(DocCol::Date, "Ngày", "sort-doc-date")}
                            {header(DocCol::Issuer, "Cơ quan ban hành", "sort-doc-issuer")}
                            {header(DocCol::Articles, "Bài trích dẫn", "sort-doc-articles")}
                        </tr></thead>
                        <tbody id="document-rows">
                            {move || spacer_row(rows_window.above_px(), 5)}
                            {move || {
                                let (start, end) = rows_window.range();
                                ws.view.with(|v| rows.with(|ids| {
                                    let shown = ids.get(start..end).unwrap_or_default().iter().enumerate();
                                    shown.filter_map(|(i, at)| Some(document_row(ws, v.0.documents.get(*at)?, start + i))).collect_view()
                                }))
                            }}
                            {move || spacer_row(rows_window.below_px(), 5)}
                        </tbody>
                    </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}

/// The row of `d`, the `index`th of the table (from 0).
fn document_row(ws: Ws, d: &MergedDocument, index: usize) -> impl IntoView {
    let mentions: Vec<_> = d.citations.iter().map(|c| (c.source.clone(), c.span)).collect();
    let number = d.number.clone();
    let label = d.number.clone();
    let id = d.id;
    let inferred = |yes: bool| yes.then_some("suy từ số hiệu");
    let cites = d
        .citations
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let label = d.number.clone();
            let mentions = mentions.clone();
            view! { <li><button type="button" class="link source" on:click=move |_| ws.show(mentions.clone(), i, &label)>{c.source.clone()}</button></li> }
        })
        .collect_view();
    view! {
        <tr data-testid="document-row" aria-rowindex=(index + 2).to_string()>
            <td data-label="Loại" title=inferred(d.kind_inferred)>{d.kind.clone()}</td>
            <td class="name"><button type="button" class="link" data-testid="document-number"
                on:click=move |_| ws.show(mentions.clone(), 0, &label)>{number}</button>
                {corrected_mark(ws, d.citations.iter().map(|c| (c.source.as_str(), c.span)))}
                <button type="button" class="link card-link" data-testid="document-card-open" title="Trang văn bản: mọi lần trích dẫn, các hội nghị"
                    on:click=move |_| ws.tab.set(Tab::Document(id))>"Chi tiết ›"</button></td>
            <td data-label="Ngày" class="date">{d.date.as_deref().map(|x| date_vi(x, None))}</td>
            <td data-label="Ban hành" title=inferred(d.issuer_inferred)>{d.issuer.clone()}</td>
            <td data-label="Bài"><ul class="sources">{cites}</ul></td>
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(number: &str, kind: &str, articles: usize) -> MergedDocument {
        MergedDocument {
            id: 0,
            key: number.into(),
            number: number.into(),
            numbers_as_written: vec![number.into()],
            kind: Some(kind.into()),
            kind_inferred: false,
            issuer: None,
            issuer_inferred: false,
            date: None,
            citations: Vec::new(),
            sources: Vec::new(),
            articles,
        }
    }

    #[test]
    fn numbers_sort_as_numbers_and_kinds_in_vietnamese_order() {
        let docs = vec![
            doc("15/NQ-TW", "Nghị quyết", 1),
            doc("115/2024/NĐ-CP", "Nghị định", 3),
            doc("9/CT-TTg", "Chỉ thị", 2),
            doc("57-NQ/TW", "Đề án", 1),
        ];
        // (column, ascending, numbers in order)
        let cases: &[(DocCol, bool, &[&str])] = &[
            (DocCol::Number, true, &["9/CT-TTg", "15/NQ-TW", "57-NQ/TW", "115/2024/NĐ-CP"]),
            (DocCol::Number, false, &["115/2024/NĐ-CP", "57-NQ/TW", "15/NQ-TW", "9/CT-TTg"]),
            (DocCol::Kind, true, &["9/CT-TTg", "57-NQ/TW", "115/2024/NĐ-CP", "15/NQ-TW"]),
            (DocCol::Articles, false, &["115/2024/NĐ-CP", "9/CT-TTg", "57-NQ/TW", "15/NQ-TW"]),
        ];
        for (col, asc, want) in cases {
            let got: Vec<&str> = order(&docs, *col, *asc).iter().map(|i| docs[*i].number.as_str()).collect();
            assert_eq!(&got, want);
        }
        // As numbers, however the symbol is written: 9 before 68 before 120 (as text, "120" < "68" < "9").
        // (numbers given, in order)
        let numbers: &[(&[&str], &[&str])] = &[
            (&["120-NQ/TW", "68-NQ/TW", "9-NQ/TW"], &["9-NQ/TW", "68-NQ/TW", "120-NQ/TW"]),
            (
                &["68", "120/KH-UBND", "9/2024/QĐ-UBND", "68-NQ/TW"],
                &["9/2024/QĐ-UBND", "68", "68-NQ/TW", "120/KH-UBND"],
            ),
            (&["1193/QĐ-TTg", "33/CT-TTg", "144-QĐ/TW"], &["33/CT-TTg", "144-QĐ/TW", "1193/QĐ-TTg"]),
        ];
        for (given, want) in numbers {
            let docs: Vec<MergedDocument> = given.iter().map(|n| doc(n, "Nghị quyết", 1)).collect();
            let got: Vec<&str> = order(&docs, DocCol::Number, true).iter().map(|i| docs[*i].number.as_str()).collect();
            assert_eq!(&got, want);
        }
    }
}
