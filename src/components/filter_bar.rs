//! Filters shared by every view and every export: free text (without diacritics, abbreviations or not),
//! date range, province (as written or today's unit), meeting kind, role, organisation. Each value of a
//! list says how many it keeps under the other filters, in Vietnamese order.

use leptos::prelude::*;

use crate::app::Ws;
use crate::model::Filters;

/// An option of a list filter: its value, its name and how many it keeps (`unit`: bài, người, or none);
/// `chosen` when it is the filter's value (the options are redrawn as the counts change).
fn option(value: String, name: &str, count: usize, unit: &str, chosen: &str) -> impl IntoView {
    let label = if unit.is_empty() { format!("{name} ({count})") } else { format!("{name} ({count} {unit})") };
    let selected = value == chosen;
    view! { <option value=value selected=selected data-count=count.to_string()>{label}</option> }
}

#[component]
pub fn FilterBar() -> impl IntoView {
    let ws = expect_context::<Ws>();
    let f = ws.filters;
    // Every list's counts come with the view (src/filtering.rs: one pass a change of the filters).
    let options = ws.facets;
    let set = move |apply: fn(&mut Filters, String)| {
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            f.update(|f| apply(f, v));
        }
    };
    view! {
        <section class="filters" aria-label="Bộ lọc" data-testid="filters">
            <label class="field grow">
                <span>"Tìm · không dấu, viết tắt đều được"</span>
                <input type="search" data-testid="filter-text" placeholder="tên, chức vụ, hội nghị, số văn bản…"
                    prop:value=move || f.with(|f| f.text.clone()) on:input=set(|f, v| f.text = v)/>
            </label>
            <label class="field">
                <span>"Từ ngày"</span>
                <input type="date" data-testid="filter-from" prop:value=move || f.with(|f| f.from.clone()) on:change=set(|f, v| f.from = v)/>
            </label>
            <label class="field">
                <span>"Đến ngày"</span>
                <input type="date" data-testid="filter-to" prop:value=move || f.with(|f| f.to.clone()) on:change=set(|f, v| f.to = v)/>
            </label>
            <label class="field">
                <span>"Tỉnh, thành"</span>
                <select data-testid="filter-province" prop:value=move || f.with(|f| f.province.clone()) on:change=set(|f, v| f.province = v)>
                    <option value="">"Tất cả"</option>
                    <optgroup label="Như bài viết">
                        {move || options.with(|o| o.written.iter().map(|(p, n)| option(format!("w:{p}"), p, *n, "bài", &f.with_untracked(|f| f.province.clone()))).collect_view())}
                    </optgroup>
                    <optgroup label="Đơn vị hiện nay (từ 1/7/2025)">
                        {move || options.with(|o| o.today.iter().map(|(p, n)| option(format!("t:{p}"), &format!("{p}, nay"), *n, "bài", &f.with_untracked(|f| f.province.clone()))).collect_view())}
                    </optgroup>
                </select>
            </label>
            <label class="field">
                <span>"Loại hội nghị"</span>
                <select data-testid="filter-kind" prop:value=move || f.with(|f| f.kind.clone()) on:change=set(|f, v| f.kind = v)>
                    <option value="">"Tất cả"</option>
                    {move || options.with(|o| o.kinds.iter().map(|(k, n)| option(k.clone(), k, *n, "", &f.with_untracked(|f| f.kind.clone()))).collect_view())}
                </select>
            </label>
            <label class="field">
                <span>"Vai trò"</span>
                <select data-testid="filter-role" prop:value=move || f.with(|f| f.role.clone()) on:change=set(|f, v| f.role = v)>
                    <option value="">"Tất cả"</option>
                    {move || options.with(|o| o.roles.iter().map(|(k, n)| option(k.clone(), k, *n, "người", &f.with_untracked(|f| f.role.clone()))).collect_view())}
                </select>
            </label>
            <label class="field">
                <span>"Cơ quan"</span>
                <input type="search" data-testid="filter-org" placeholder="vd. Tỉnh ủy"
                    prop:value=move || f.with(|f| f.organisation.clone()) on:input=set(|f, v| f.organisation = v)/>
            </label>
            <button type="button" class="secondary small" data-testid="filter-reset"
                disabled=move || f.with(Filters::is_empty) on:click=move |_| f.set(Filters::default())>"Bỏ lọc"</button>
            <p class="counts" data-testid="view-counts">
                {move || {
                    let v = ws.view.get();
                    format!("{} hội nghị · {} cán bộ · {} văn bản", v.0.meetings.len(), v.0.people.len(), v.0.documents.len())
                }}
            </p>
        </section>
    }
}
