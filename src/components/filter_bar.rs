//! Filters shared by every view and every export: free text, date range, province (as written or
//! today's unit), meeting kind, role, organisation.

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::app::Ws;
use crate::model::Filters;

#[component]
pub fn FilterBar() -> impl IntoView {
    let ws = expect_context::<Ws>();
    let f = ws.filters;
    let options = Memo::new(move |_| {
        let m = ws.merged.get();
        let written: BTreeSet<String> = m.0.provinces.iter().map(|p| p.name.clone()).collect();
        let today: BTreeSet<String> = m.0.provinces.iter().filter_map(|p| p.today.clone()).collect();
        let kinds: BTreeSet<String> = m.0.meetings.iter().map(|x| x.kind.clone()).filter(|k| !k.is_empty()).collect();
        let roles: BTreeSet<String> = m.0.people.iter().flat_map(|p| p.roles.iter().cloned()).collect();
        (written, today, kinds, roles)
    });
    let set = move |apply: fn(&mut Filters, String)| {
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            f.update(|f| apply(f, v));
        }
    };
    view! {
        <section class="filters" aria-label="Bộ lọc" data-testid="filters">
            <label class="field grow">
                <span>"Tìm"</span>
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
                        {move || options.with(|o| o.0.iter().map(|p| view! { <option value=format!("w:{p}")>{p.clone()}</option> }).collect_view())}
                    </optgroup>
                    <optgroup label="Đơn vị hiện nay (từ 1/7/2025)">
                        {move || options.with(|o| o.1.iter().map(|p| view! { <option value=format!("t:{p}")>{format!("{p} (nay)")}</option> }).collect_view())}
                    </optgroup>
                </select>
            </label>
            <label class="field">
                <span>"Loại hội nghị"</span>
                <select data-testid="filter-kind" prop:value=move || f.with(|f| f.kind.clone()) on:change=set(|f, v| f.kind = v)>
                    <option value="">"Tất cả"</option>
                    {move || options.with(|o| o.2.iter().map(|k| view! { <option value=k.clone()>{k.clone()}</option> }).collect_view())}
                </select>
            </label>
            <label class="field">
                <span>"Vai trò"</span>
                <select data-testid="filter-role" prop:value=move || f.with(|f| f.role.clone()) on:change=set(|f, v| f.role = v)>
                    <option value="">"Tất cả"</option>
                    {move || options.with(|o| o.3.iter().map(|k| view! { <option value=k.clone()>{k.clone()}</option> }).collect_view())}
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
