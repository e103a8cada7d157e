//! A document's card (`#/van-ban/<id>`): its number (and the other ways articles write it), kind, issuer and
//! date; how often it is cited, in how many articles and meetings; every citation with its sentence, opening
//! the evidence; the meetings whose articles cite it, each opening its card.

use hoinghi_core::Span;
use hoinghi_merge::{Merged, MergedDocument};
use leptos::prelude::*;

use super::card_back::{bring_into_view, BackLink};
use super::meeting_card::{meeting_label, meeting_when};
use crate::app::Ws;
use crate::model::{date_vi, split_at_span, Tab};

/// At most this many characters of the sentence are shown on either side of a citation.
const QUOTE: usize = 160;

/// Lines of a card's list shown at first, and added by "Xem thêm" (a document cited in thousands of articles
/// keeps the page light).
pub(super) const PAGE: usize = 100;

/// "Xem thêm (N nữa)" under a list of `n` lines cut at `limit`, if it is cut.
pub(super) fn more(limit: RwSignal<usize>, n: usize, test_id: &'static str) -> impl IntoView {
    let shown = limit.get();
    (n > shown).then(|| {
        view! {
            <button type="button" class="link" data-testid=test_id on:click=move |_| limit.update(|l| *l += PAGE)>
                {format!("Xem thêm ({} nữa)", n - shown)}
            </button>
        }
    })
}

/// The sentence around `span` in `text`, cut as (before, the span, after): from the end of the sentence
/// before (a `.`, `!`, `?` before a space, or a line break) to the end of its own, at most [`QUOTE`]
/// characters either side (`…` where cut).
pub(super) fn sentence_around(text: &str, span: Span) -> (String, String, String) {
    let (before, marked, after) = split_at_span(text, span);
    let ends = |c: char, next: Option<char>| {
        c == '\n' || (matches!(c, '.' | '!' | '?') && next.is_none_or(char::is_whitespace))
    };
    let mut start = None;
    let mut next = marked.chars().next();
    for (n, (i, c)) in before.char_indices().rev().enumerate() {
        if ends(c, next) {
            start = Some(before[i + c.len_utf8()..].trim_start().to_string());
            break;
        }
        if n + 1 == QUOTE {
            start = Some(format!("…{}", &before[i..]));
            break;
        }
        next = Some(c);
    }
    let start = start.unwrap_or_else(|| before.trim_start().to_string());
    let mut end = None;
    let mut chars = after.char_indices().peekable();
    let mut n = 0;
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|(_, c)| *c);
        if c == '\n' {
            end = Some(after[..i].to_string());
            break;
        }
        if ends(c, next) {
            end = Some(after[..i + c.len_utf8()].to_string());
            break;
        }
        n += 1;
        if n == QUOTE {
            end = Some(format!("{}…", &after[..i + c.len_utf8()]));
            break;
        }
    }
    let end = end.unwrap_or_else(|| after.trim_end().to_string());
    (start, marked.to_string(), end)
}

#[component]
pub fn DocumentCard(id: usize) -> impl IntoView {
    let ws = expect_context::<Ws>();
    let top = NodeRef::<leptos::html::Section>::new();
    bring_into_view(top);
    let limits = (RwSignal::new(PAGE), RwSignal::new(PAGE));
    view! {
        <section class="person-card" data-testid="document-card" node_ref=top>
            <BackLink/>
            {move || {
                // The whole merged view, borrowed (not copied): every citation, whatever the filters hide.
                let all = ws.merged.get();
                match all.0.document(id) {
                    None => view! {
                        <p class="hint" data-testid="document-missing">"Không tìm thấy văn bản này trong các bài đã nạp (có thể bài đã bị xóa)."</p>
                    }.into_any(),
                    Some(d) => card(ws, d, &all.0, limits).into_any(),
                }
            }}
        </section>
    }
}

/// The card of `d`; `limits` cut the citations and the meetings.
fn card(ws: Ws, d: &MergedDocument, merged: &Merged, limits: (RwSignal<usize>, RwSignal<usize>)) -> impl IntoView {
    let mentions: Vec<(String, Span)> = d.citations.iter().map(|c| (c.source.clone(), c.span)).collect();
    let label = d.number.clone();
    let title = match &d.kind {
        Some(k) => format!("{k} {}", d.number),
        None => format!("Văn bản {}", d.number),
    };
    let inferred = |yes: bool| yes.then_some(" (suy từ số hiệu)");
    let other_numbers: Vec<&String> = d.numbers_as_written.iter().filter(|n| **n != d.number).collect();
    let other_numbers =
        (!other_numbers.is_empty()).then(|| other_numbers.iter().map(|n| n.as_str()).collect::<Vec<_>>().join("; "));
    let meetings = merged.meetings_citing(d);
    let counts = format!("Được trích {} lần trong {} bài · {} hội nghị", d.citations.len(), d.articles, meetings.len());
    let records = ws.records.get();
    let citations = d
        .citations
        .iter()
        .enumerate()
        .take(limits.0.get())
        .map(|(i, c)| {
            let quote = records.0.get(&c.source).map(|r| sentence_around(&r.text, c.span));
            let published = c.published.as_deref().map(|p| format!(" · đăng {}", date_vi(&p[..p.len().min(10)], None)));
            let (mentions, label) = (mentions.clone(), label.clone());
            view! {
                <li data-testid="document-citation">
                    <button type="button" class="link source" on:click=move |_| ws.show(mentions.clone(), i, &label)>{c.source.clone()}</button>
                    <span class="meta">{published}</span>
                    {quote.map(|(a, b, z)| view! { <q class="card-quote" data-testid="document-citation-sentence">{a}<b>{b}</b>{z}</q> })}
                </li>
            }
        })
        .collect_view();
    let (cited, met) = (d.citations.len(), meetings.len());
    let meetings = meetings
        .into_iter()
        .take(limits.1.get())
        .map(|m| {
            let id = m.id;
            view! {
                <li data-testid="document-meeting">
                    <span class="meta">{format!("{} · ", meeting_when(m))}</span>
                    <button type="button" class="link" title="Trang hội nghị" on:click=move |_| ws.tab.set(Tab::Meeting(id))>{meeting_label(m)}</button>
                </li>
            }
        })
        .collect_view();
    view! {
        <h2 data-testid="document-card-title">{title}</h2>
        <p class="meta" data-testid="document-counts">{counts}</p>
        <dl class="facts card-facts" data-testid="document-card-facts">
            <dt>"Số hiệu"</dt><dd data-testid="document-card-number">{d.number.clone()}</dd>
            {other_numbers.map(|o| view! { <dt>"Cũng viết"</dt><dd>{o}</dd> })}
            {d.kind.clone().map(|k| view! { <dt>"Loại"</dt><dd>{k}{inferred(d.kind_inferred)}</dd> })}
            {d.issuer.clone().map(|i| view! { <dt>"Ban hành"</dt><dd>{i}{inferred(d.issuer_inferred)}</dd> })}
            {d.date.as_deref().map(|x| view! { <dt>"Ngày"</dt><dd>{date_vi(x, None)}</dd> })}
        </dl>
        <h3>{format!("Các lần trích dẫn ({})", d.citations.len())}</h3>
        <ul class="person-list">{citations}</ul>
        {more(limits.0, cited, "document-citations-more")}
        <h3>{format!("Hội nghị trong các bài trích dẫn ({met})")}</h3>
        {if met == 0 {
            view! { <p class="hint">"Các bài trích dẫn văn bản này không kể hội nghị nào."</p> }.into_any()
        } else {
            view! { <ul class="person-list">{meetings}</ul> }.into_any()
        }}
        {more(limits.1, met, "document-meetings-more")}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_citation_is_shown_in_its_sentence() {
        let text = "Tiêu đề\nHội nghị mở đầu. Quán triệt Nghị quyết 68-NQ/TW của Bộ Chính trị tại TP.HCM. Câu sau.";
        let at = |s: &str| {
            let start = text.find(s).unwrap();
            Span { start: text[..start].chars().count(), end: text[..start].chars().count() + s.chars().count() }
        };
        let long = format!("{}Nghị quyết 57 {}", "a ".repeat(200), "b ".repeat(200));
        let long_at = Span { start: 400, end: 413 };
        // (text, span, before, marked, after)
        let cases: Vec<(&str, Span, String, &str, String)> = vec![
            (text, at("68-NQ/TW"), "Quán triệt Nghị quyết ".into(), "68-NQ/TW", " của Bộ Chính trị tại TP.HCM.".into()),
            (text, at("Tiêu đề"), "".into(), "Tiêu đề", "".into()),
            (text, at("Câu"), "".into(), "Câu", " sau.".into()),
            (&long, long_at, format!("…{}", "a ".repeat(80)), "Nghị quyết 57", format!("{}…", " b".repeat(80))),
        ];
        for (text, span, before, marked, after) in cases {
            assert_eq!(sentence_around(text, span), (before, marked.to_string(), after), "{marked}");
        }
    }
}
