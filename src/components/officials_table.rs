//! One row per official across the articles: name, posts (as written on hover), roles, number of
//! articles, first and last seen; sortable by every column; the rows near the screen in the page
//! (`virtual_list`), however many officials there are.

use hoinghi_merge::search::sort_key;
use hoinghi_merge::Person;
use leptos::prelude::*;

use crate::app::Ws;
use crate::components::corrected_mark;
use crate::components::virtual_list::{spacer_row, Scroll, Window};
use crate::model::{date_vi, sorted_ids, SortKey as Key};

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

/// A name's sort key: the given name's, then the whole name's.
type NameKey = (Vec<u64>, Vec<u64>);

/// Vietnamese names sort by the given name (the last word), then the whole name, in Vietnamese order.
fn name_key(name: &str) -> NameKey {
    (sort_key(name.rsplit(' ').next().unwrap_or("")), sort_key(name))
}

fn column_key(p: &Person, col: Col) -> Key {
    match col {
        Col::Name => Key::Text(Vec::new()),
        Col::Posts => Key::Text(p.posts.first().map(|p| sort_key(&p.title)).unwrap_or_default()),
        Col::Roles => Key::Text(sort_key(&p.roles.join(", "))),
        Col::Articles => Key::Count(p.articles),
        Col::First => Key::Date(p.first_seen.clone()),
        Col::Last => Key::Date(p.last_seen.clone()),
    }
}

/// The ids of `people` in the table's order.
fn order(people: &[Person], col: Col, asc: bool) -> Vec<usize> {
    sorted_ids(people.iter().map(|p| ((column_key(p, col), name_key(&p.name)), p.id)).collect(), asc)
}

/// The ids of `all` (everyone, in the table's order) that are among `people` (the filtered view's), in that order.
fn kept_in_order(all: &[usize], people: &[Person]) -> Vec<usize> {
    // The view's people are some of everyone's, each with its id (its place among everyone).
    if people.len() == all.len() {
        return all.to_vec();
    }
    let mut kept = vec![false; all.len()];
    for p in people {
        if let Some(k) = kept.get_mut(p.id) {
            *k = true;
        }
    }
    all.iter().copied().filter(|id| kept.get(*id) == Some(&true)).collect()
}

/// How the table is sorted: (column, ascending). Owned by the views, so that it survives a switch
/// to another tab and back.
pub fn default_sort() -> RwSignal<(Col, bool)> {
    RwSignal::new((Col::Name, true))
}

#[component]
pub fn OfficialsTable(sort: RwSignal<(Col, bool)>) -> impl IntoView {
    let ws = expect_context::<Ws>();
    // Everyone in the merged view, sorted when it or the sort changes (not at each change of the filters, which
    // only choose among them): the order of two rows never depends on the filters.
    let sorted = Memo::new(move |_| {
        let (col, asc) = sort.get();
        ws.merged.with(|m| order(&m.0.people, col, asc))
    });
    let rows = Memo::new(move |_| ws.view.with(|v| sorted.with(|all| kept_in_order(all, &v.0.people))));
    let rows_window = Window::new("official-rows", Scroll::Page, Signal::derive(move || rows.with(Vec::len)), 56.0);
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
                if rows.with(Vec::is_empty) { return view! { <p class="hint" data-testid="officials-empty">"Không có cán bộ nào (theo bộ lọc hiện tại)."</p> }.into_any(); }
                view! {
                    <div class="table-wrap">
                    <table data-testid="officials-table" aria-rowcount=move || (rows.with(Vec::len) + 1).to_string()>
                        <caption class="sr-only">"Cán bộ"</caption>
                        <thead><tr aria-rowindex="1">
                            {header(Col::Name, "Họ tên", "sort-name")}
                            {header(Col::Posts, "Chức vụ", "sort-posts")}
                            {header(Col::Roles, "Vai trò", "sort-roles")}
                            {header(Col::Articles, "Số bài", "sort-articles")}
                            {header(Col::First, "Lần đầu", "sort-first")}
                            {header(Col::Last, "Lần cuối", "sort-last")}
                        </tr></thead>
                        <tbody id="official-rows">
                            {move || {
                                let (start, end) = rows_window.range();
                                // A person's id is its place in the merged view.
                                let shown = ws.merged.with(|m| rows.with(|ids| {
                                    ids.get(start..end).unwrap_or_default().iter().enumerate()
                                        .filter_map(|(i, id)| Some(person_row(ws, m.0.people.get(*id).filter(|p| p.id == *id)?, start + i)))
                                        .collect_view()
                                }));
                                view! { {spacer_row(rows_window.above_px(), 6)} {shown} {spacer_row(rows_window.below_px(), 6)} }
                            }}
                        </tbody>
                    </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}

/// The row of `p`, the `index`th of the table (from 0).
fn person_row(ws: Ws, p: &Person, index: usize) -> impl IntoView {
    let mentions: Vec<_> = p.mentions.iter().map(|m| (m.source.clone(), m.span)).collect();
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
    let id = p.id;
    let variants = (p.name_variants.len() > 1).then(|| format!("Cách viết khác: {}", p.name_variants.join(", ")));
    view! {
        <tr data-testid="official-row" aria-rowindex=(index + 2).to_string()>
            <td class="name">
                <button type="button" class="link" data-testid="official-name" title=variants
                    on:click=move |_| ws.show(mentions.clone(), 0, &label)>{name}</button>
                {corrected_mark(ws, p.mentions.iter().map(|m| (m.source.as_str(), m.span)))}
                <button type="button" class="link card-link" data-testid="official-card" title="Hồ sơ: chức vụ qua thời gian, hội nghị, người họp cùng"
                    on:click=move |_| ws.tab.set(crate::model::Tab::Person(id))>"Hồ sơ ›"</button>
            </td>
            <td data-label="Chức vụ"><ul class="posts" data-testid="official-titles">{posts}</ul></td>
            <td data-label="Vai trò" data-testid="official-roles">{p.roles.join(", ")}</td>
            <td data-label="Số bài" class="num" data-testid="official-articles">{p.articles}</td>
            <td data-label="Lần đầu" class="date">{p.first_seen.as_deref().map(|d| date_vi(d, None))}</td>
            <td data-label="Lần cuối" class="date">{p.last_seen.as_deref().map(|d| date_vi(d, None))}</td>
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(id: usize, name: &str, articles: usize) -> Person {
        Person {
            id,
            name: name.into(),
            name_variants: vec![name.into()],
            posts: Vec::new(),
            history: Vec::new(),
            roles: Vec::new(),
            provinces: Vec::new(),
            provinces_today: Vec::new(),
            sources: Vec::new(),
            articles,
            first_seen: None,
            last_seen: None,
            mentions: Vec::new(),
        }
    }

    #[test]
    fn names_in_vietnamese_order_by_given_name() {
        // (names in the table's order by name)
        let cases: &[&[&str]] = &[
            &["Nguyễn Văn An", "Trần Ân", "Phạm Dung", "Lê Đào", "Hồ Thị Hoàng Yến"],
            &["Lê Văn Ba", "Trần Bà", "Nguyễn Bá", "Võ Văn Bách"],
            &["Đỗ Anh Tuấn", "Phạm Anh Tuấn"],
        ];
        for names in cases {
            let people: Vec<Person> = names.iter().rev().enumerate().map(|(i, n)| person(i, n, 1)).collect();
            let shown: Vec<&str> = order(&people, Col::Name, true).iter().map(|id| people[*id].name.as_str()).collect();
            assert_eq!(&shown, names);
        }
    }

    #[test]
    fn a_filter_shows_some_in_the_order_of_everyone() {
        let people = vec![person(0, "Lê Đào", 2), person(1, "Phạm Dung", 1), person(2, "Trần Ân", 2)];
        let all = order(&people, Col::Articles, true);
        assert_eq!(all, vec![1, 2, 0]);
        // (ids of the view's people, in the view's order; the rows)
        let cases: &[(&[usize], &[usize])] =
            &[(&[0, 1, 2], &[1, 2, 0]), (&[0, 2], &[2, 0]), (&[2, 0], &[2, 0]), (&[1], &[1]), (&[], &[])];
        for (view, rows) in cases {
            let shown: Vec<Person> = view.iter().map(|id| people[*id].clone()).collect();
            assert_eq!(kept_in_order(&all, &shown), *rows, "view {view:?}");
        }
    }

    #[test]
    fn counts_as_numbers_ties_by_name() {
        let people = vec![person(0, "Lê Đào", 2), person(1, "Phạm Dung", 10), person(2, "Trần Ân", 2)];
        assert_eq!(order(&people, Col::Articles, true), vec![2, 0, 1]);
        assert_eq!(order(&people, Col::Articles, false), vec![1, 0, 2]);
    }
}
