//! Meetings in date order, grouped by year, month or day (the zoom); meetings without a date are
//! listed apart, never given one. One list of headings and meetings, scrolling in its box, of which only the
//! entries near view are in the page (`virtual_list`), however many meetings there are. Each meeting opens its sentences and, by
//! "Chi tiết ›", its card.

use std::sync::Arc;

use hoinghi_merge::MergedMeeting;
use leptos::prelude::*;

use super::meeting_card::{meeting_label, meeting_when, provinces_shown, report_mentions};
use super::virtual_list::{spacer_item, Scroll, Window};
use crate::app::{Shared, Ws};
use crate::components::corrected_mark;
use crate::model::Tab;

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

fn group_key(date: &str, zoom: Zoom) -> &str {
    let len = match zoom {
        Zoom::Year => 4,
        Zoom::Month => 7,
        Zoom::Day => 10,
    };
    date.get(..len).unwrap_or(date)
}

/// One entry of the list: a group's heading, or a meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Entry {
    /// A group of dated meetings: its label and how many it holds.
    Group(String, usize),
    /// The meetings without a date, how many.
    Undated(usize),
    /// The meeting at this position in the view, the `n`th meeting of the list (from 0).
    Meeting { at: usize, n: usize },
}

/// The list's entries for `meetings` (in date order, undated last): each group's heading before its meetings,
/// then the heading of the undated ones and them.
fn entries(meetings: &[MergedMeeting], zoom: Zoom) -> Vec<Entry> {
    let mut out = Vec::with_capacity(meetings.len() + 64);
    // Where the open group's heading is, and its key.
    let mut heading: Option<(usize, &str)> = None;
    let mut undated = Vec::new();
    let mut n = 0;
    for (at, m) in meetings.iter().enumerate() {
        let Some(date) = m.date.as_deref() else {
            undated.push(at);
            continue;
        };
        let key = group_key(date, zoom);
        if heading.is_none_or(|(_, k)| k != key) {
            close_group(&mut out, heading, zoom);
            heading = Some((out.len(), key));
            out.push(Entry::Group(String::new(), 0));
        }
        out.push(Entry::Meeting { at, n });
        n += 1;
    }
    close_group(&mut out, heading, zoom);
    if !undated.is_empty() {
        out.push(Entry::Undated(undated.len()));
        for at in undated {
            out.push(Entry::Meeting { at, n });
            n += 1;
        }
    }
    out
}

/// The heading of the group that the entry before `start` is in: the window of entries shown starts at `start`,
/// and that heading, out of the window, is shown first in it, kept at the top of the box while its group scrolls by
/// (style/main.css: with no height of its own; the headings after it cover it as they reach the top).
fn group_of(entries: &[Entry], start: usize) -> Option<&Entry> {
    entries.get(..start)?.iter().rev().find(|e| !matches!(e, Entry::Meeting { .. }))
}

/// Names the group whose heading is at `heading` and counts its meetings (those after it).
fn close_group(out: &mut [Entry], heading: Option<(usize, &str)>, zoom: Zoom) {
    if let Some((at, key)) = heading {
        out[at] = Entry::Group(group_label(key, zoom), out.len() - at - 1);
    }
}

#[component]
pub fn Timeline() -> impl IntoView {
    let ws = expect_context::<Ws>();
    let zoom = RwSignal::new(Zoom::Month);
    // Computed once per view and zoom; the entries shown are read from it as the page scrolls.
    let list = Memo::new(move |_| Shared(Arc::new(ws.view.with(|v| entries(&v.0.meetings, zoom.get())))));
    let total = Memo::new(move |_| ws.view.with(|v| v.0.meetings.len()));
    // In its own box: the page stays as long as the screen, whatever the number of meetings.
    let rows = Window::new("timeline-rows", Scroll::Own, Signal::derive(move || list.with(|l| l.0.len())), 100.0);
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
            {move || list.with(|l| !l.0.iter().any(|e| matches!(e, Entry::Group(..)))).then(|| view! {
                <p class="hint" data-testid="timeline-empty">"Không có hội nghị nào có ngày (theo bộ lọc hiện tại)."</p>
            })}
            <ol class="meetings timeline-rows" id="timeline-rows" data-testid="timeline-list" on:scroll=move |_| rows.measure()>
                {move || spacer_item(rows.above_px())}
                {move || {
                    let (start, end) = rows.range();
                    ws.view.with(|v| list.with(|l| {
                        // Stuck at the top of the box (as each heading is, over it, once scrolled to): the heading
                        // of the group the entries shown start in, which is not in the page.
                        let shown = group_of(&l.0, start).into_iter().chain(l.0.get(start..end).unwrap_or_default());
                        shown.map(|e| entry_view(ws, e, &v.0.meetings, total)).collect_view()
                    }))
                }}
                {move || spacer_item(rows.below_px())}
            </ol>
        </section>
    }
}

/// One entry of the list: a heading, or the meeting it names among `meetings` (the view's).
fn entry_view(ws: Ws, e: &Entry, meetings: &[MergedMeeting], total: Memo<usize>) -> AnyView {
    match *e {
        Entry::Group(ref label, n) => view! {
            <li class="group" data-testid="timeline-group">
                <h3 data-testid="timeline-group-label">{label.clone()}<span class="count">{format!(" · {n}")}</span></h3>
            </li>
        }
        .into_any(),
        Entry::Undated(n) => view! {
            <li class="group undated" data-testid="timeline-undated"><h3>{format!("Không rõ ngày · {n}")}</h3></li>
        }
        .into_any(),
        Entry::Meeting { at, n } => meetings.get(at).map(|m| meeting_item(ws, m, n, total)).into_any(),
    }
}

/// The meeting `m`, the `n`th of the list's `total` (from 0).
fn meeting_item(ws: Ws, m: &MergedMeeting, n: usize, total: Memo<usize>) -> impl IntoView {
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
        <li class="meeting" data-testid="meeting" aria-posinset=(n + 1).to_string() aria-setsize=move || total.get().to_string()>
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

#[cfg(test)]
mod tests {
    use super::*;

    fn meeting(id: usize, date: Option<&str>) -> MergedMeeting {
        MergedMeeting {
            id,
            date: date.map(str::to_string),
            date_precision: None,
            time_of_day: None,
            kind: "hội nghị".into(),
            name: format!("Hội nghị {id}"),
            organizers: Vec::new(),
            chairs: Vec::new(),
            chair_ids: Vec::new(),
            attendees: Vec::new(),
            attendee_ids: Vec::new(),
            places: Vec::new(),
            provinces: Vec::new(),
            provinces_today: Vec::new(),
            reports: Vec::new(),
            sources: Vec::new(),
            articles: 1,
        }
    }

    #[test]
    fn headings_before_their_meetings_undated_last() {
        let dates = [Some("2024-05-02"), Some("2024-05-30"), Some("2024-06"), Some("2025-01-09"), None, None];
        let meetings: Vec<MergedMeeting> = dates.iter().enumerate().map(|(i, d)| meeting(i, *d)).collect();
        let m = |at: usize| Entry::Meeting { at, n: at };
        let group = |label: &str, n: usize| Entry::Group(label.into(), n);
        // (zoom, entries)
        let cases = [
            (
                Zoom::Month,
                vec![
                    group("Tháng 5/2024", 2),
                    m(0),
                    m(1),
                    group("Tháng 6/2024", 1),
                    m(2),
                    group("Tháng 1/2025", 1),
                    m(3),
                    Entry::Undated(2),
                    m(4),
                    m(5),
                ],
            ),
            (
                Zoom::Year,
                vec![group("Năm 2024", 3), m(0), m(1), m(2), group("Năm 2025", 1), m(3), Entry::Undated(2), m(4), m(5)],
            ),
            (
                Zoom::Day,
                vec![
                    group("02/05/2024", 1),
                    m(0),
                    group("30/05/2024", 1),
                    m(1),
                    group("Tháng 6/2024 (không rõ ngày)", 1),
                    m(2),
                    group("09/01/2025", 1),
                    m(3),
                    Entry::Undated(2),
                    m(4),
                    m(5),
                ],
            ),
        ];
        for (zoom, want) in cases {
            assert_eq!(entries(&meetings, zoom), want);
        }
        assert_eq!(entries(&[], Zoom::Month), vec![]);
        // The heading kept at the top when the entries shown start at `start`: (start, heading).
        let list = entries(&meetings, Zoom::Month);
        let above = [
            (0, None),
            (1, Some(group("Tháng 5/2024", 2))),
            (3, Some(group("Tháng 5/2024", 2))),
            (4, Some(group("Tháng 6/2024", 1))),
            (6, Some(group("Tháng 1/2025", 1))),
            (7, Some(group("Tháng 1/2025", 1))),
            (9, Some(Entry::Undated(2))),
            (10, Some(Entry::Undated(2))),
            (11, None),
        ];
        for (start, want) in above {
            assert_eq!(group_of(&list, start), want.as_ref(), "from entry {start}");
        }
        assert_eq!(
            entries(&meetings[4..], Zoom::Month),
            vec![Entry::Undated(2), Entry::Meeting { at: 0, n: 0 }, Entry::Meeting { at: 1, n: 1 }]
        );
    }
}
