//! Meetings in date order, grouped by year, month or day (the zoom); meetings without a date are
//! listed apart, never given one. At most a few hundred entries are drawn, then "xem thêm". Each meeting opens
//! its sentences and, by "Chi tiết ›", its card.

use hoinghi_merge::MergedMeeting;
use leptos::prelude::*;

use super::meeting_card::{meeting_label, meeting_when, provinces_shown, report_mentions};
use crate::app::Ws;
use crate::components::corrected_mark;
use crate::model::Tab;

const PAGE: usize = 150;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Zoom {
    Year,
    Month,
    Day,
}

fn group_label(key: &str, zoom: Zoom) -> String {
    let parts: Vec<&str> = key.split('-').collect();
    match (zoom, parts.as_slice()) {
        (Zoom::Year, [y, ..]) => format!("Năm {y}"),
        (Zoom::Month, [y, m, ..]) => format!("Tháng {}/{y}", m.trim_start_matches('0')),
        (Zoom::Day, [y, m, d, ..]) => format!("{d}/{m}/{y}"),
        (_, [y, m]) => format!("Tháng {}/{y} (không rõ ngày)", m.trim_start_matches('0')),
        (_, [y]) => format!("Năm {y} (không rõ tháng)"),
        _ => key.to_string(),
    }
}

fn group_key(date: &str, zoom: Zoom) -> String {
    let len = match zoom {
        Zoom::Year => 4,
        Zoom::Month => 7,
        Zoom::Day => 10,
    };
    date.chars().take(len).collect()
}

#[component]
pub fn Timeline() -> impl IntoView {
    let ws = expect_context::<Ws>();
    let zoom = RwSignal::new(Zoom::Month);
    let limit = RwSignal::new(PAGE);
    let zoom_button = move |z: Zoom, id: &'static str, label: &'static str| {
        view! {
            <button type="button" class="small" class:secondary=move || zoom.get() != z data-testid=id
                aria-pressed=move || (zoom.get() == z).to_string() on:click=move |_| zoom.set(z)>{label}</button>
        }
    };
    view! {
        <section class="timeline" data-testid="timeline">
            <div class="section-head">
                <h2>"Hội nghị theo thời gian"</h2>
                <div class="zoom" role="group" aria-label="Nhóm theo">
                    {zoom_button(Zoom::Year, "zoom-year", "Năm")}
                    {zoom_button(Zoom::Month, "zoom-month", "Tháng")}
                    {zoom_button(Zoom::Day, "zoom-day", "Ngày")}
                </div>
            </div>
            {move || {
                let v = ws.view.get();
                let z = zoom.get();
                let lim = limit.get();
                let dated: Vec<&MergedMeeting> = v.0.meetings.iter().filter(|m| m.date.is_some()).collect();
                let undated: Vec<&MergedMeeting> = v.0.meetings.iter().filter(|m| m.date.is_none()).collect();
                let n = dated.len();
                let mut groups: Vec<(String, Vec<&MergedMeeting>)> = Vec::new();
                for m in dated.iter().take(lim) {
                    let key = group_key(m.date.as_deref().unwrap_or(""), z);
                    match groups.last_mut() {
                        Some((k, list)) if *k == key => list.push(m),
                        _ => groups.push((key, vec![m])),
                    }
                }
                let shown = groups.into_iter().map(|(key, list)| view! {
                    <section class="group" data-testid="timeline-group">
                        <h3 data-testid="timeline-group-label">{group_label(&key, z)}<span class="count">{format!(" · {}", list.len())}</span></h3>
                        <ol class="meetings">{list.into_iter().map(|m| meeting_item(ws, m)).collect_view()}</ol>
                    </section>
                }).collect_view();
                view! {
                    {(n == 0).then(|| view! { <p class="hint" data-testid="timeline-empty">"Không có hội nghị nào có ngày (theo bộ lọc hiện tại)."</p> })}
                    {shown}
                    {(n > lim).then(|| view! {
                        <button type="button" class="link" data-testid="timeline-more" on:click=move |_| limit.update(|l| *l += 300)>{format!("Xem thêm ({} hội nghị nữa)", n - lim)}</button>
                    })}
                    {(!undated.is_empty()).then(|| view! {
                        <section class="group undated" data-testid="timeline-undated">
                            <h3>{format!("Không rõ ngày · {}", undated.len())}</h3>
                            <ol class="meetings">{undated.into_iter().take(lim).map(|m| meeting_item(ws, m)).collect_view()}</ol>
                        </section>
                    })}
                }
            }}
        </section>
    }
}

fn meeting_item(ws: Ws, m: &MergedMeeting) -> impl IntoView {
    let when = meeting_when(m);
    let mentions = report_mentions(m);
    let label = meeting_label(m);
    let title = label.clone();
    let province = provinces_shown(m);
    let id = m.id;
    let sources = m
        .reports
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let label = label.clone();
            let mentions = mentions.clone();
            view! { <button type="button" class="link source" data-testid="meeting-source" on:click=move |_| ws.show(mentions.clone(), i, &label)>{r.source.clone()}</button> }
        })
        .collect_view();
    view! {
        <li class="meeting" data-testid="meeting">
            <div class="when" data-testid="meeting-date" data-date=m.date.clone().unwrap_or_default()>{when}</div>
            <div class="what">
                <span class="kind" data-testid="meeting-kind">{m.kind.clone()}</span>
                <button type="button" class="link meeting-name" data-testid="meeting-name"
                    on:click=move |_| ws.show(mentions.clone(), 0, &title)>{label.clone()}</button>
                {corrected_mark(ws, m.reports.iter().map(|r| (r.source.as_str(), r.evidence)))}
                <button type="button" class="link card-link" data-testid="meeting-card-open" title="Trang hội nghị: các bài đưa tin, người chủ trì và dự, văn bản được nhắc"
                    on:click=move |_| ws.tab.set(Tab::Meeting(id))>"Chi tiết ›"</button>
                <dl class="facts">
                    {(!m.organizers.is_empty()).then(|| view! { <dt>"Tổ chức"</dt><dd data-testid="meeting-organizers">{m.organizers.join("; ")}</dd> })}
                    {(!m.chairs.is_empty()).then(|| view! { <dt>"Chủ trì"</dt><dd data-testid="meeting-chairs">{m.chairs.join("; ")}</dd> })}
                    {(!province.is_empty()).then(|| view! { <dt>"Tỉnh"</dt><dd data-testid="meeting-province">{province}</dd> })}
                    <dt>{if m.reports.len() > 1 { "Các bài" } else { "Bài" }}</dt><dd class="sources">{sources}</dd>
                </dl>
            </div>
        </li>
    }
}
