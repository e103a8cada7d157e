//! The loaded articles: title, publish date, source name, what was found, errors, a remove button; the
//! copies refused (same text as an article already loaded), named with the article they copy. The list
//! scrolls in its box with only the articles near view in the page (`virtual_list`).

use leptos::prelude::*;

use crate::app::Ws;
use crate::components::virtual_list::{spacer_item, Scroll, Window};
use crate::model::{date_vi, Article};

#[component]
pub fn ArticleList() -> impl IntoView {
    let ws = expect_context::<Ws>();
    let items = Window::new("article-rows", Scroll::Own, Signal::derive(move || ws.articles.with(Vec::len)), 64.0);
    let clear_all = move |_| {
        if crate::browser::ask("Xóa tất cả các bài đã nạp khỏi trang và khỏi bộ nhớ trình duyệt?")
        {
            ws.clear();
        }
    };
    view! {
        <section class="articles" aria-labelledby="articles-title">
            <div class="section-head">
                <h2 id="articles-title" data-testid="articles-count">
                    {move || {
                        let (ok, bad) = ws.articles.with(|l| (l.iter().filter(|a| a.record.is_some()).count(), l.iter().filter(|a| a.error.is_some()).count()));
                        let copies = ws.duplicates.with(Vec::len);
                        let mut counts = ok.to_string();
                        if bad > 0 { counts.push_str(&format!("; {bad} lỗi")); }
                        if copies > 0 { counts.push_str(&format!("; {copies} trùng")); }
                        format!("Bài đã nạp ({counts})")
                    }}
                </h2>
                <button type="button" class="secondary small" data-testid="clear-all"
                    disabled=move || ws.articles.with(Vec::is_empty) on:click=clear_all>"Xóa tất cả"</button>
            </div>
            {move || ws.duplicates.with(|d| crate::duplicates::notice(d)).map(|text| view! {
                <p class="notice" role="status" data-testid="duplicates">
                    {text}
                    <button type="button" class="link" data-testid="duplicates-dismiss" on:click=move |_| ws.duplicates.set(Vec::new())>"Đã hiểu"</button>
                </p>
            })}
            {move || ws.articles.with(Vec::is_empty).then(|| view! {
                <p class="hint" data-testid="articles-empty">"Chưa có bài nào. Dán một bài, thả tệp, hoặc bấm “Thử với bài mẫu”."</p>
            })}
            <ul class="article-list" id="article-rows" data-testid="article-list" on:scroll=move |_| items.measure()>
                {move || spacer_item(items.above_px())}
                <For
                    each=move || {
                        let (start, end) = items.range();
                        ws.articles.with(|l| l.get(start..end).unwrap_or_default().iter().cloned().enumerate().map(|(i, a)| (start + i, a)).collect::<Vec<_>>())
                    }
                    key=|(i, a)| (*i, a.name.clone())
                    children=move |(i, a)| article_item(ws, a, i)
                />
                {move || spacer_item(items.below_px())}
            </ul>
        </section>
    }
}

/// The `index`th article of the list (from 0).
fn article_item(ws: Ws, a: Article, index: usize) -> impl IntoView {
    let name = a.name.clone();
    let remove_name = a.name.clone();
    let (title, meta) = match &a.record {
        Some(r) => (
            r.title.clone().unwrap_or_else(|| "(không rõ tiêu đề)".into()),
            r.published
                .as_deref()
                .map(|d| format!("Đăng {}", date_vi(d, None)))
                .unwrap_or_else(|| "không rõ ngày đăng".into()),
        ),
        None => ("Không đọc được".into(), String::new()),
    };
    // What was found, as corrected (the counts follow the corrections). Only the text follows the records: they
    // change with every showing of a load (every 400 ms), and rebuilding the element would write its attributes
    // again each time (the page's build erases the views' types, and an erased element's attributes are all
    // removed and set again when it is rebuilt).
    let (counted, marked) = (a.name.clone(), a.name.clone());
    let counts = move || {
        ws.records.with(|r| {
            r.0.get(&counted).map(|r| {
                format!("{} hội nghị · {} cán bộ · {} văn bản", r.meetings.len(), r.officials.len(), r.documents.len())
            })
        })
    };
    let found = a.record.is_some().then(|| {
        view! {
            <span data-testid="article-found">{counts}</span>
            {move || ws.corrections.with(|c| c.touches(&marked)).then(|| view! {
                <span class="corrected" data-testid="article-corrected">"đã sửa"</span>
            })}
        }
    });
    let failed = a.error.is_some();
    view! {
        <li class="article" class:failed=failed data-testid="article-item"
            aria-posinset=(index + 1).to_string() aria-setsize=move || ws.articles.with(Vec::len).to_string()>
            <div class="article-main">
                <span class="article-title" data-testid="article-title">{title}</span>
                <span class="article-meta">
                    <span class="source" data-testid="article-source">{name.clone()}</span>
                    {(!meta.is_empty()).then(|| view! { <span>{meta}</span> })}
                    {found}
                </span>
                {a.note.map(|n| view! { <span class="note" data-testid="article-note">{n}</span> })}
                {a.error.map(|e| view! { <span class="error" role="alert" data-testid="article-error">{e}</span> })}
            </div>
            <button type="button" class="icon" data-testid="remove-article"
                aria-label=format!("Bỏ bài {name}") title="Bỏ bài này"
                on:click=move |_| ws.remove(&remove_name)>"×"</button>
        </li>
    }
}
