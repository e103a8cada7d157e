//! A person's card (`#/can-bo/<id>`): every post with the first and last day an article shows it and the
//! articles that say so, drawn as a small career timeline; the meetings they chaired or attended; the people
//! they met most. Every line opens its sentences in the evidence panel.

use std::collections::BTreeSet;

use hoinghi_core::Span;
use hoinghi_merge::graph::met_most;
use hoinghi_merge::{Merged, MergedMeeting, Person};
use leptos::prelude::*;

use crate::app::{Shared, Ws};
use crate::chart::{self, career};
use crate::model::{date_vi, Tab};

/// People listed under "met most".
const MET: usize = 10;

/// The person `id` in the filtered view, or among everyone when the filters hide them.
/// The merged view is shared, not copied: at thousands of articles it is megabytes.
fn find(ws: Ws, id: usize) -> Option<(Person, Shared<Merged>)> {
    let view = ws.view.get();
    if let Some(p) = view.0.people.iter().find(|p| p.id == id) {
        return Some((p.clone(), view.clone()));
    }
    let all = ws.merged.get();
    let p = all.0.people.iter().find(|p| p.id == id)?.clone();
    Some((p, all))
}

/// The mentions of `person` in the articles that give them `title`.
fn post_mentions(person: &Person, title: &str) -> Vec<(String, Span)> {
    let sources: BTreeSet<&str> =
        person.history.iter().filter(|h| h.title == title).map(|h| h.source.as_str()).collect();
    person.mentions.iter().filter(|m| sources.contains(m.source.as_str())).map(|m| (m.source.clone(), m.span)).collect()
}

fn meeting_mentions(m: &MergedMeeting) -> Vec<(String, Span)> {
    m.reports.iter().map(|r| (r.source.clone(), r.evidence)).collect()
}

#[component]
pub fn PersonCard(id: usize) -> impl IntoView {
    let ws = expect_context::<Ws>();
    let back = move |_| ws.tab.set(Tab::Officials);
    view! {
        <section class="person-card" data-testid="person-card">
            <button type="button" class="link" data-testid="person-back" on:click=back>"‹ Danh sách cán bộ"</button>
            {move || match find(ws, id) {
                None => view! {
                    <p class="hint" data-testid="person-missing">"Không tìm thấy cán bộ này trong các bài đã nạp (có thể bài đã bị xóa)."</p>
                }.into_any(),
                Some((p, merged)) => card(ws, p, &merged.0).into_any(),
            }}
        </section>
    }
}

fn card(ws: Ws, p: Person, merged: &Merged) -> impl IntoView {
    let name = p.name.clone();
    let all_mentions: Vec<(String, Span)> = p.mentions.iter().map(|m| (m.source.clone(), m.span)).collect();
    let spans: Vec<career::Span> = p
        .posts
        .iter()
        .map(|post| career::Span {
            title: post.title.clone(),
            first: post.first_seen.clone(),
            last: post.last_seen.clone(),
        })
        .collect();
    // Drawn at the width it will have, so its labels keep their size on a phone.
    let room = web_sys::window().and_then(|w| w.inner_width().ok()).and_then(|w| w.as_f64()).unwrap_or(640.0) - 48.0;
    let picture = career::scene(&spans, room.clamp(280.0, 640.0)).map(|s| chart::to_svg(&s));
    let posts = p
        .posts
        .iter()
        .map(|post| {
            let mentions = post_mentions(&p, &post.title);
            let label = format!("{} — {}", p.name, post.title);
            let when = match (post.first_seen.as_deref(), post.last_seen.as_deref()) {
                (Some(a), Some(b)) if a != b => format!("{} – {}", date_vi(a, None), date_vi(b, None)),
                (Some(a), _) => date_vi(a, None),
                _ => "không rõ ngày".into(),
            };
            let short = post.short_of.as_ref().map(|s| format!(" (viết tắt của: {s})"));
            view! {
                <li data-testid="person-post">
                    <button type="button" class="link" on:click=move |_| ws.show(mentions.clone(), 0, &label)>{post.title.clone()}</button>
                    {short}
                    <span class="meta">{format!(" · {when} · {} bài", post.articles)}</span>
                </li>
            }
        })
        .collect_view();
    let mut took_part: Vec<(&MergedMeeting, &'static str)> = merged
        .meetings
        .iter()
        .filter_map(|m| {
            if m.chair_ids.contains(&p.id) {
                Some((m, "chủ trì"))
            } else if m.attendee_ids.contains(&p.id) {
                Some((m, "dự"))
            } else {
                None
            }
        })
        .collect();
    hoinghi_merge::order::sort_by(&mut took_part, |(a, _), (b, _)| {
        (a.date.is_none(), &a.date).cmp(&(b.date.is_none(), &b.date))
    });
    let meetings = took_part
        .iter()
        .map(|(m, role)| {
            let mentions = meeting_mentions(m);
            let label = if m.name.is_empty() { m.kind.clone() } else { m.name.clone() };
            let title = label.clone();
            let when = m.date.as_deref().map(|d| date_vi(d, m.date_precision)).unwrap_or_else(|| "không rõ ngày".into());
            let id = m.id;
            view! {
                <li data-testid="person-meeting">
                    <span class="meta">{format!("{when} · {role} · ")}</span>
                    <button type="button" class="link" on:click=move |_| ws.show(mentions.clone(), 0, &title)>{label}</button>
                    <a class="card-link" data-testid="person-meeting-card" href=format!("#/cuoc-hop/{id}")
                        title="Trang hội nghị: các bài đưa tin, người chủ trì và dự, văn bản được nhắc"
                        on:click=move |ev| { ev.prevent_default(); ws.tab.set(Tab::Meeting(id)); }>"Chi tiết ›"</a>
                </li>
            }
        })
        .collect_view();
    let names: std::collections::HashMap<usize, String> =
        merged.people.iter().map(|q| (q.id, q.name.clone())).collect();
    let met: Vec<(usize, String, usize)> = met_most(merged, p.id)
        .into_iter()
        .take(MET)
        .filter_map(|(other, n)| Some((other, names.get(&other)?.clone(), n)))
        .collect();
    let no_met = met.is_empty();
    let met = met
        .into_iter()
        .map(|(other, other_name, n)| {
            view! {
                <li data-testid="person-met">
                    <button type="button" class="link" on:click=move |_| ws.tab.set(Tab::Person(other))>{other_name}</button>
                    <span class="meta">{format!(" · {n} cuộc họp")}</span>
                </li>
            }
        })
        .collect_view();
    let variants = (p.name_variants.len() > 1).then(|| format!("Cách viết khác: {}", p.name_variants.join(", ")));
    let places = (!p.provinces.is_empty()).then(|| p.provinces.join(", "));
    let seen = match (p.first_seen.as_deref(), p.last_seen.as_deref()) {
        (Some(a), Some(b)) => {
            format!("Thấy trong {} bài, từ {} đến {}", p.articles, date_vi(a, None), date_vi(b, None))
        }
        _ => format!("Thấy trong {} bài", p.articles),
    };
    let label = name.clone();
    let no_meetings = took_part.is_empty();
    view! {
        <h2 data-testid="person-name">{name}</h2>
        <p class="meta">
            {seen}
            {places.map(|pl| format!(" · {pl}"))}
            " · "
            <button type="button" class="link" data-testid="person-mentions" on:click=move |_| ws.show(all_mentions.clone(), 0, &label)>"mọi câu nhắc đến"</button>
        </p>
        {variants.map(|v| view! { <p class="meta">{v}</p> })}
        <h3>"Chức vụ"</h3>
        {picture.map(|svg| view! { <div class="career" data-testid="person-career" inner_html=svg></div> })}
        <ul class="person-list">{posts}</ul>
        <h3>"Hội nghị chủ trì hoặc dự"</h3>
        {if no_meetings {
            view! { <p class="hint">"Chưa thấy hội nghị nào ghi người này chủ trì hay dự."</p> }.into_any()
        } else {
            view! { <ul class="person-list">{meetings}</ul> }.into_any()
        }}
        <h3>"Họp cùng nhiều nhất"</h3>
        {if no_met {
            view! { <p class="hint">"Chưa thấy ai cùng chủ trì hay dự một hội nghị với người này."</p> }.into_any()
        } else {
            view! { <ul class="person-list">{met}</ul> }.into_any()
        }}
    }
}
