//! One row per official across the articles: name, posts (as written on hover), roles, number of
//! articles, first and last seen; sortable by every column; capped with "xem thêm".

use std::cmp::Ordering;

use hoinghi_merge::Person;
use leptos::prelude::*;

use crate::app::Ws;
use crate::model::date_vi;

/// The column the table is sorted by.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Col {
    Name,
    Posts,
    Roles,
    Articles,
    First,
    Last,
}

const PAGE: usize = 100;

/// Vietnamese names sort by the given name (the last word), then the whole name.
fn name_key(name: &str) -> (String, String) {
    let lower = name.to_lowercase();
    (lower.rsplit(' ').next().unwrap_or("").to_string(), lower)
}

fn compare(a: &Person, b: &Person, col: Col) -> Ordering {
    match col {
        Col::Name => name_key(&a.name).cmp(&name_key(&b.name)),
        Col::Posts => {
            a.posts.first().map(|p| p.title.to_lowercase()).cmp(&b.posts.first().map(|p| p.title.to_lowercase()))
        }
        Col::Roles => a.roles.join(",").cmp(&b.roles.join(",")),
        Col::Articles => a.articles.cmp(&b.articles),
        Col::First => a.first_seen.cmp(&b.first_seen),
        Col::Last => a.last_seen.cmp(&b.last_seen),
    }
}

/// How the table is sorted: (column, ascending). Owned by the views, so that it survives a switch
/// to another tab and back.
pub fn default_sort() -> RwSignal<(Col, bool)> {
    RwSignal::new((Col::Name, true))
}

#[component]
pub fn OfficialsTable(sort: RwSignal<(Col, bool)>) -> impl IntoView {
    let ws = expect_context::<Ws>();
    let limit = RwSignal::new(PAGE);
    let rows = Memo::new(move |_| {
        let v = ws.view.get();
        let (col, asc) = sort.get();
        let mut people: Vec<&Person> = v.0.people.iter().collect();
        people.sort_by(|a, b| {
            let o = compare(a, b, col).then_with(|| name_key(&a.name).cmp(&name_key(&b.name)));
            if asc {
                o
            } else {
                o.reverse()
            }
        });
        people.into_iter().map(|p| p.id).collect::<Vec<_>>()
    });
    let header = move |col: Col, label: &'static str, id: &'static str| {
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
        <section class="officials">
            {move || {
                let n = ws.view.with(|v| v.0.people.len());
                if n == 0 { return view! { <p class="hint" data-testid="officials-empty">"Không có cán bộ nào (theo bộ lọc hiện tại)."</p> }.into_any(); }
                view! {
                    <div class="table-wrap">
                    <table data-testid="officials-table">
                        <caption class="sr-only">"Cán bộ"</caption>
                        <thead><tr>
                            {header(Col::Name, "Họ tên", "sort-name")}
                            {header(Col::Posts, "Chức vụ", "sort-posts")}
                            {header(Col::Roles, "Vai trò", "sort-roles")}
                            {header(Col::Articles, "Số bài", "sort-articles")}
                            {header(Col::First, "Lần đầu", "sort-first")}
                            {header(Col::Last, "Lần cuối", "sort-last")}
                        </tr></thead>
                        <tbody>
                            {move || {
                                let v = ws.view.get();
                                let ids = rows.get();
                                let by_id: std::collections::HashMap<usize, &Person> = v.0.people.iter().map(|p| (p.id, p)).collect();
                                ids.iter().take(limit.get()).filter_map(|id| by_id.get(id)).map(|p| person_row(ws, p)).collect_view()
                            }}
                        </tbody>
                    </table>
                    </div>
                    {move || (n > limit.get()).then(|| view! {
                        <button type="button" class="link" data-testid="officials-more" on:click=move |_| limit.update(|l| *l += 200)>{format!("Xem thêm ({} người nữa)", n - limit.get())}</button>
                    })}
                }.into_any()
            }}
        </section>
    }
}

fn person_row(ws: Ws, p: &Person) -> impl IntoView {
    let mention = p.mentions.first().cloned();
    let name = p.name.clone();
    let label = p.name.clone();
    let posts = p
        .posts
        .iter()
        .map(|post| {
            let mut written: Vec<&str> =
                p.history.iter().filter(|h| h.title == post.title).map(|h| h.as_written.as_str()).collect();
            written.sort_unstable();
            written.dedup();
            let hover = format!("Như bài viết: {}", written.join(" | "));
            view! { <li title=hover data-testid="official-post">{post.title.clone()}</li> }
        })
        .collect_view();
    let variants = (p.name_variants.len() > 1).then(|| format!("Cách viết khác: {}", p.name_variants.join(", ")));
    view! {
        <tr data-testid="official-row">
            <td class="name">
                <button type="button" class="link" data-testid="official-name" title=variants
                    on:click=move |_| if let Some(m) = &mention { ws.show(&m.source, m.span, &label) }>{name}</button>
            </td>
            <td data-label="Chức vụ"><ul class="posts" data-testid="official-titles">{posts}</ul></td>
            <td data-label="Vai trò" data-testid="official-roles">{p.roles.join(", ")}</td>
            <td data-label="Số bài" class="num" data-testid="official-articles">{p.articles}</td>
            <td data-label="Lần đầu" class="date">{p.first_seen.as_deref().map(|d| date_vi(d, None))}</td>
            <td data-label="Lần cuối" class="date">{p.last_seen.as_deref().map(|d| date_vi(d, None))}</td>
        </tr>
    }
}
