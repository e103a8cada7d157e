//! A meeting's card (`#/cuoc-hop/<id>`): its day (to the precision the articles give), kind, place and province,
//! organisers, chairs and attendees (each person opening their card); every article that reports it, with
//! the sentence, opening the evidence; the documents those articles cite, each opening its card.

use hoinghi_core::Precision;
use hoinghi_merge::{Merged, MergedMeeting, Named};
use leptos::prelude::*;

use super::card_back::{bring_into_view, BackLink};
use super::document_card::{more, PAGE};
use crate::app::Ws;
use crate::model::{date_vi, split_at_span, Tab};

/// The meeting's name as the lists show it: its name, else its kind.
pub(super) fn meeting_label(m: &MergedMeeting) -> String {
    if m.name.is_empty() {
        m.kind.clone()
    } else {
        m.name.clone()
    }
}

/// The meeting's day as readers write it, with the time of day, or "không rõ ngày".
pub(super) fn meeting_when(m: &MergedMeeting) -> String {
    match m.date.as_deref() {
        Some(d) => {
            let d = date_vi(d, m.date_precision);
            match &m.time_of_day {
                Some(t) => format!("{t} {d}"),
                None => d,
            }
        }
        None => "không rõ ngày".to_string(),
    }
}

/// What the articles leave unknown about the day.
fn precision_note(m: &MergedMeeting) -> Option<&'static str> {
    match (m.date.as_ref(), m.date_precision) {
        (None, _) => None,
        (Some(_), Some(Precision::Month)) => Some(" (bài chỉ nói tháng)"),
        (Some(_), Some(Precision::Year)) => Some(" (bài chỉ nói năm)"),
        _ => None,
    }
}

/// The provinces as written, each with today's unit when it differs: `Bình Định (nay Gia Lai)`.
pub(super) fn provinces_shown(m: &MergedMeeting) -> String {
    m.provinces
        .iter()
        .zip(m.provinces_today.iter().map(Some).chain(std::iter::repeat(None)))
        .map(|(p, t)| match t {
            Some(t) if t != p => format!("{p} (nay {t})"),
            _ => p.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The (article, sentence) of every report of `m`, for the evidence panel.
pub(super) fn report_mentions(m: &MergedMeeting) -> Vec<(String, hoinghi_core::Span)> {
    m.reports.iter().map(|r| (r.source.clone(), r.evidence)).collect()
}

#[component]
pub fn MeetingCard(id: usize) -> impl IntoView {
    let ws = expect_context::<Ws>();
    let top = NodeRef::<leptos::html::Section>::new();
    bring_into_view(top);
    let limits = (RwSignal::new(PAGE), RwSignal::new(PAGE));
    view! {
        <section class="person-card" data-testid="meeting-card" node_ref=top>
            <BackLink/>
            {move || {
                // The whole merged view, borrowed (not copied): a meeting's card shows all of it, whatever the
                // filters hide (its people and documents may not match them).
                let all = ws.merged.get();
                match all.0.meeting(id) {
                    None => view! {
                        <p class="hint" data-testid="meeting-missing">"Không tìm thấy hội nghị này trong các bài đã nạp (có thể bài đã bị xóa)."</p>
                    }.into_any(),
                    Some(m) => card(ws, m, &all.0, limits).into_any(),
                }
            }}
        </section>
    }
}

/// A list of people: each known person a button to their card, the others as written.
fn people(ws: Ws, list: Vec<Named>, test_id: &'static str) -> impl IntoView {
    let n = list.len();
    list.into_iter()
        .enumerate()
        .map(|(i, named)| {
            let sep = (i + 1 < n).then_some("; ");
            let name = match named.person {
                Some(id) => view! {
                    <button type="button" class="link" data-testid=test_id title="Hồ sơ người này"
                        on:click=move |_| ws.tab.set(Tab::Person(id))>{named.name}</button>
                }
                .into_any(),
                None => view! { <span data-testid=test_id>{named.name}</span> }.into_any(),
            };
            view! { {name}{sep} }
        })
        .collect_view()
}

/// The card of `m`; `limits` cut the reports and the documents.
fn card(ws: Ws, m: &MergedMeeting, merged: &Merged, limits: (RwSignal<usize>, RwSignal<usize>)) -> impl IntoView {
    let label = meeting_label(m);
    let mentions = report_mentions(m);
    let all_label = label.clone();
    let all_mentions = mentions.clone();
    let province = provinces_shown(m);
    let chairs = merged.chairs_of(m);
    let attendees = merged.attendees_of(m);
    let records = ws.records.get();
    let reports = m
        .reports
        .iter()
        .enumerate()
        .take(limits.0.get())
        .map(|(i, r)| {
            let sentence = records.0.get(&r.source).map(|rec| split_at_span(&rec.text, r.evidence).1.to_string());
            let published = r.published.as_deref().map(|p| format!(" · đăng {}", date_vi(&p[..p.len().min(10)], None)));
            let (mentions, label) = (mentions.clone(), label.clone());
            view! {
                <li data-testid="meeting-report">
                    <button type="button" class="link source" on:click=move |_| ws.show(mentions.clone(), i, &label)>{r.source.clone()}</button>
                    <span class="meta">{published}</span>
                    {sentence.map(|s| view! { <q class="card-quote" data-testid="meeting-report-sentence">{s}</q> })}
                </li>
            }
        })
        .collect_view();
    let documents = merged.documents_of(m);
    let cited = documents.len();
    let documents = documents
        .into_iter()
        .take(limits.1.get())
        .map(|d| {
            let id = d.id;
            let about = [d.kind.clone(), d.issuer.clone(), d.date.as_deref().map(|x| date_vi(x, None))]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" · ");
            view! {
                <li data-testid="meeting-document">
                    <button type="button" class="link" title="Trang văn bản" on:click=move |_| ws.tab.set(Tab::Document(id))>{d.number.clone()}</button>
                    {(!about.is_empty()).then(|| view! { <span class="meta">{format!(" · {about}")}</span> })}
                </li>
            }
        })
        .collect_view();
    let n = m.reports.len();
    view! {
        <h2 data-testid="meeting-card-name">{label.clone()}</h2>
        <p class="meta">
            {format!("{n} bài đưa tin · ")}
            <button type="button" class="link" data-testid="meeting-card-sentences"
                on:click=move |_| ws.show(all_mentions.clone(), 0, &all_label)>"mọi câu kể về hội nghị"</button>
        </p>
        <dl class="facts card-facts" data-testid="meeting-card-facts">
            <dt>"Ngày"</dt><dd data-testid="meeting-card-date">{meeting_when(m)}{precision_note(m)}</dd>
            {(!m.kind.is_empty()).then(|| view! { <dt>"Loại"</dt><dd>{m.kind.clone()}</dd> })}
            {(!m.places.is_empty()).then(|| view! { <dt>"Nơi họp"</dt><dd>{m.places.join("; ")}</dd> })}
            {(!province.is_empty()).then(|| view! { <dt>"Tỉnh"</dt><dd>{province}</dd> })}
            {(!m.organizers.is_empty()).then(|| view! { <dt>"Tổ chức"</dt><dd>{m.organizers.join("; ")}</dd> })}
            {(!chairs.is_empty()).then(|| view! { <dt>"Chủ trì"</dt><dd>{people(ws, chairs, "meeting-card-chair")}</dd> })}
            {(!attendees.is_empty()).then(|| view! { <dt>"Dự"</dt><dd>{people(ws, attendees, "meeting-card-attendee")}</dd> })}
        </dl>
        <h3>{format!("Các bài đưa tin ({n})")}</h3>
        <ul class="person-list">{reports}</ul>
        {more(limits.0, n, "meeting-reports-more")}
        <h3>{format!("Văn bản được nhắc trong các bài này ({cited})")}</h3>
        {if cited == 0 {
            view! { <p class="hint">"Các bài đưa tin không nhắc văn bản nào."</p> }.into_any()
        } else {
            view! { <ul class="person-list">{documents}</ul> }.into_any()
        }}
        {more(limits.1, cited, "meeting-documents-more")}
    }
}
