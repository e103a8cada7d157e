//! Correcting what the evidence panel shows, beside its sentence: the official, meeting or document at
//! the span (name, titles; date, kind, chairs, organisers; number, issuer), deleting it, joining or
//! splitting people and documents, and adding a missed official or chair from a selection in the text.
//! Every change goes through `Ws::correct` (one step to undo). What is typed and not yet saved outlives the card
//! ([`field`]), which the evidence panel makes again at each update of the articles (every 400 ms while a batch
//! loads) and of the merged view.

use std::cell::RefCell;

use hoinghi_core::{Document, Meeting, Official, Record, Span};
use hoinghi_merge::search::Query;
use hoinghi_merge::{Change, FactRef, Merged};
use leptos::prelude::*;

use crate::app::Ws;
use crate::correcting::selected_span;

/// One item a line, trimmed, empty lines left out.
fn lines(text: &str) -> Vec<String> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect()
}

/// The text the user selected on the page.
fn selection() -> String {
    let selection = web_sys::window().and_then(|w| w.get_selection().ok().flatten());
    selection.map(|s| String::from(s.to_string())).unwrap_or_default()
}

/// A field's text typed and not saved: (the field, the value typed over, what was typed).
type Draft = (&'static str, String, String);

thread_local! {
    /// What the user typed in the card's fields and has not saved, for the fact shown. The evidence panel makes
    /// the card again when the articles or the merged view change (in place: the same elements, so the focus
    /// stays); a field whose value is still the one typed over gets back what was typed in it, a field whose fact
    /// changed (a save, an undo) shows the fact.
    static DRAFTS: RefCell<(Option<FactRef>, Vec<Draft>)> = const { RefCell::new((None, Vec::new())) };
}

thread_local! {
    /// The person or document chosen to join with the fact shown and not yet joined: (the chooser, the candidate).
    /// Kept like [`DRAFTS`], by the candidate rather than its place in the list, which the merged view reorders.
    static CHOSEN: RefCell<Vec<(&'static str, FactRef)>> = const { RefCell::new(Vec::new()) };
}

/// Starts the card of `fact`: what was typed or chosen in another fact's card is dropped.
fn drafts_for(fact: FactRef) {
    DRAFTS.with_borrow_mut(|(shown, typed)| {
        if shown.as_ref() != Some(&fact) {
            *shown = Some(fact);
            typed.clear();
            CHOSEN.with_borrow_mut(Vec::clear);
        }
    });
}

/// How a field is typed in: a line (`Grow`: taking the room left in its row), a date, or lines.
#[derive(Clone, Copy, PartialEq)]
enum Input {
    Line,
    Grow,
    Date,
    Lines(u8),
}

/// The field `key` (its test id), labelled `label`, for a fact that holds `value`, and its text: what was typed
/// over `value` before the card was made again, or `value`. When the card goes, what it holds is kept. (One
/// function for every field: a view written out for each weighed ~300 bytes gzipped more on the first load.)
fn field(key: &'static str, label: &'static str, how: Input, value: String) -> (RwSignal<String>, AnyView) {
    let typed = DRAFTS.with_borrow_mut(|(_, d)| {
        let at = d.iter().position(|(k, over, _)| *k == key && *over == value)?;
        Some(d.swap_remove(at).2)
    });
    let text = RwSignal::new(typed.unwrap_or_else(|| value.clone()));
    on_cleanup(move || {
        if let Some(typed) = text.try_get_untracked().filter(|t| *t != value) {
            DRAFTS.with_borrow_mut(|(_, d)| d.push((key, value, typed)));
        }
    });
    let set = move |ev: leptos::ev::Event| text.set(event_target_value(&ev));
    let class = if how == Input::Grow { "field grow" } else { "field" };
    let shown = text.get_untracked();
    show(key, &shown);
    let view = match how {
        Input::Lines(rows) => view! {
            <label class=class>{label}
                <textarea rows=rows.to_string() data-testid=key on:input=set>{shown}</textarea>
            </label>
        }
        .into_any(),
        _ => view! {
            <label class=class>{label}
                <input type=if how == Input::Date { "date" } else { "text" } data-testid=key value=shown on:input=set/>
            </label>
        }
        .into_any(),
    };
    (text, view)
}

/// Puts `text` in the field whose test id is `key`, if the page shows it and it holds something else. The card is
/// made again on the same elements while the user types (see [`DRAFTS`]); it was given its values anew, which
/// moved the caret to the end even when they were the ones typed. Now a field is given its text as its default
/// (shown by a field made new, not by one typed in), and the field on the page, about to be reused, is set here
/// only when its fact changed (a save, an undo, another fact). A chooser's value is its chosen option's (its first,
/// the prompt, when none has the `selected` attribute, which would choose it again at each rebuild). Whether the
/// page shows the field.
fn show(key: &'static str, text: &str) -> bool {
    let field = document().query_selector(&format!("[data-testid=\"{key}\"]")).ok().flatten();
    let Some(field) = field else { return false };
    let value = wasm_bindgen::JsValue::from_str("value");
    if js_sys::Reflect::get(&field, &value).ok().and_then(|v| v.as_string()).as_deref() != Some(text) {
        let _ = js_sys::Reflect::set(&field, &value, &wasm_bindgen::JsValue::from_str(text));
    }
    true
}

/// Runs a correction; a refusal is shown in `status`.
fn apply(ws: Ws, status: RwSignal<Option<String>>, changes: Vec<(FactRef, Change)>) {
    match ws.correct(changes) {
        Ok(()) => status.set(None),
        Err(e) => status.set(Some(e)),
    }
}

#[component]
pub fn CorrectionCard(source: String, span: Span, record: std::sync::Arc<Record>) -> impl IntoView {
    let ws = expect_context::<Ws>();
    drafts_for(FactRef { source: source.clone(), at: span });
    let status = RwSignal::new(None::<String>);
    // The merged view as it is now: the evidence panel makes the card again when it changes (another
    // correction, a load, a removal), so the people and documents offered to join are never stale.
    let merged = ws.merged.get_untracked();
    let official = record.officials.iter().find(|o| o.mentions.contains(&span)).cloned();
    let meeting = record.meetings.iter().find(|m| m.evidence == span).cloned();
    let document = record.documents.iter().find(|d| d.span == span).cloned();
    let marked = |at: Span| ws.is_marked(&source, at);
    let corrected = official.as_ref().and_then(|o| o.mentions.first()).is_some_and(|at| marked(*at))
        || meeting.as_ref().is_some_and(|m| marked(m.evidence))
        || document.as_ref().is_some_and(|d| marked(d.span));
    let forms = (
        official.map(|o| official_form(ws, status, &source, o, &merged.0)),
        meeting.map(|m| meeting_form(ws, status, &source, m)),
        document.map(|d| document_form(ws, status, &source, d, &merged.0)),
    );
    let nothing = forms.0.is_none() && forms.1.is_none() && forms.2.is_none();
    view! {
        <details class="correct" open data-testid="correction-card">
            <summary>
                "Sửa dữ kiện"
                {corrected.then(|| view! { <span class="corrected" data-testid="card-corrected">"đã sửa"</span> })}
            </summary>
            {nothing.then(|| view! { <p class="hint">"Không còn dữ kiện nào ở đây (đã xóa hoặc đã sửa chỗ khác). Có thể bấm “Hoàn tác”."</p> })}
            {forms}
            {selection_tools(ws, status, &source, span, &record)}
            {move || status.get().map(|s| view! { <p class="error" role="alert" data-testid="correction-error">{s}</p> })}
        </details>
    }
}

/// The person the merge made of the official at `fact`.
fn person_of<'m>(merged: &'m Merged, fact: &FactRef) -> Option<&'m hoinghi_merge::Person> {
    merged.people.iter().find(|p| p.mentions.iter().any(|m| m.source == fact.source && m.span == fact.at))
}

/// Whether two names could be one person's: the given names (last words) match as people type them.
fn same_given_name(a: &str, b: &str) -> bool {
    let given = |n: &str| n.rsplit(' ').next().unwrap_or("").to_string();
    let (a, b) = (given(a), given(b));
    !a.is_empty() && (Query::new(&a).matches(&b) || Query::new(&b).matches(&a))
}

fn official_form(
    ws: Ws,
    status: RwSignal<Option<String>>,
    source: &str,
    o: Official,
    merged: &Merged,
) -> impl IntoView {
    let fact = FactRef { source: source.to_string(), at: o.mentions.first().copied().unwrap_or_default() };
    let (name, name_field) = field("edit-name", "Họ tên", Input::Line, o.name.clone());
    let (titles, titles_field) =
        field("edit-titles", "Chức vụ (mỗi dòng một chức vụ)", Input::Lines(3), o.titles.join("\n"));
    let save = {
        let (fact, o) = (fact.clone(), o.clone());
        move |_| {
            let mut changes = Vec::new();
            if name.get_untracked().trim() != o.name {
                changes.push((fact.clone(), Change::OfficialName(name.get_untracked())));
            }
            let new_titles = lines(&titles.get_untracked());
            if new_titles != o.titles {
                changes.push((fact.clone(), Change::OfficialTitles(new_titles)));
            }
            apply(ws, status, changes);
        }
    };
    let delete = {
        let fact = fact.clone();
        move |_| apply(ws, status, vec![(fact.clone(), Change::OfficialDelete)])
    };
    let person = person_of(merged, &fact);
    let split = person.filter(|p| p.articles > 1).map(|p| {
        let fact = fact.clone();
        let others = p.articles - 1;
        view! {
            <button type="button" class="secondary small" data-testid="split-person"
                title=format!("Người trong bài này khác với người cùng tên ở {others} bài kia")
                on:click=move |_| apply(ws, status, vec![(fact.clone(), Change::OtherPerson)])>"Tách thành người khác"</button>
        }
    });
    let candidates: Vec<(FactRef, String)> = merged
        .people
        .iter()
        .filter(|p| person.is_none_or(|me| me.id != p.id) && same_given_name(&o.name, &p.name))
        .filter_map(|p| {
            let m = p.mentions.first()?;
            let post = p.posts.first().map(|post| format!(", {}", post.title)).unwrap_or_default();
            Some((FactRef { source: m.source.clone(), at: m.span }, format!("{}{post} ({} bài)", p.name, p.articles)))
        })
        .take(50)
        .collect();
    let join = join_chooser(ws, status, fact.clone(), candidates, Join::Person);
    view! {
        <form class="fact-form" data-testid="official-form" on:submit=|ev| ev.prevent_default()>
            <h3>"Cán bộ"</h3>
            {name_field}
            {titles_field}
            <div class="actions">
                <button type="button" class="small" data-testid="save-official" on:click=save>"Lưu"</button>
                <button type="button" class="secondary small" data-testid="delete-official" on:click=delete>"Xóa cán bộ này"</button>
                {split}
            </div>
            {join}
        </form>
    }
}

fn meeting_form(ws: Ws, status: RwSignal<Option<String>>, source: &str, m: Meeting) -> impl IntoView {
    let fact = FactRef { source: source.to_string(), at: m.evidence };
    let day = m.date.clone().map(|d| d.chars().take(10).collect()).unwrap_or_default();
    let (date, date_field) = field("edit-date", "Ngày", Input::Date, day);
    let (kind, kind_field) = field("edit-kind", "Loại", Input::Grow, m.kind.clone());
    let (chairs, chairs_field) =
        field("edit-chairs", "Chủ trì (mỗi dòng một người)", Input::Lines(2), m.chairs.join("\n"));
    let (organizers, organizers_field) =
        field("edit-organizers", "Đơn vị tổ chức (mỗi dòng một đơn vị)", Input::Lines(2), m.organizers.join("\n"));
    let save = move |_| {
        let mut changes = Vec::new();
        let new_date = Some(date.get_untracked()).filter(|d| !d.trim().is_empty());
        if new_date.as_deref() != m.date.as_deref().map(|d| d.get(..10).unwrap_or(d)) {
            changes.push((fact.clone(), Change::MeetingDate(new_date)));
        }
        if kind.get_untracked().trim() != m.kind {
            changes.push((fact.clone(), Change::MeetingKind(kind.get_untracked())));
        }
        if lines(&chairs.get_untracked()) != m.chairs {
            changes.push((fact.clone(), Change::MeetingChairs(lines(&chairs.get_untracked()))));
        }
        if lines(&organizers.get_untracked()) != m.organizers {
            changes.push((fact.clone(), Change::MeetingOrganizers(lines(&organizers.get_untracked()))));
        }
        apply(ws, status, changes);
    };
    view! {
        <form class="fact-form" data-testid="meeting-form" on:submit=|ev| ev.prevent_default()>
            <h3>"Hội nghị"</h3>
            <div class="pair">
                {date_field}
                {kind_field}
            </div>
            {chairs_field}
            {organizers_field}
            <div class="actions">
                <button type="button" class="small" data-testid="save-meeting" on:click=save>"Lưu"</button>
            </div>
        </form>
    }
}

/// The number a document number starts with (`68-NQ/TW` -> `68`), to offer documents to join.
/// What a join makes one: two people, or two documents.
#[derive(Clone, Copy)]
enum Join {
    Person,
    Document,
}

/// "Cùng một người/văn bản với [chọn] Gộp": joins `fact` with the candidate chosen (`(fact, label)`); nothing
/// when there is no candidate.
fn join_chooser(
    ws: Ws,
    status: RwSignal<Option<String>>,
    fact: FactRef,
    candidates: Vec<(FactRef, String)>,
    join: Join,
) -> Option<impl IntoView> {
    if candidates.is_empty() {
        return None;
    }
    let (label, prompt, with_id, button_id) = match join {
        Join::Person => ("Cùng một người với", "— chọn người —", "join-person-with", "join-person"),
        Join::Document => ("Cùng một văn bản với", "— chọn văn bản —", "join-document-with", "join-document"),
    };
    let was = CHOSEN.with_borrow_mut(|c| {
        let at = c.iter().position(|(id, _)| *id == with_id)?;
        Some(c.swap_remove(at).1)
    });
    // Shown by the chooser on the page, about to be reused; none when there is none to show it.
    let chosen = was.and_then(|was| candidates.iter().position(|(f, _)| *f == was));
    let chosen = RwSignal::new(chosen.filter(|i| show(with_id, &i.to_string())));
    on_cleanup({
        let candidates = candidates.clone();
        move || {
            let Some(i) = chosen.try_get_untracked().flatten() else { return };
            if let Some((other, _)) = candidates.get(i) {
                CHOSEN.with_borrow_mut(|c| c.push((with_id, other.clone())));
            }
        }
    });
    if chosen.get_untracked().is_none() {
        show(with_id, "");
    }
    let options = candidates
        .iter()
        .enumerate()
        .map(|(i, (_, l))| view! { <option value=i.to_string()>{l.clone()}</option> })
        .collect_view();
    Some(view! {
        <div class="join">
            <label class="field grow">{label}
                <select data-testid=with_id on:change=move |ev| chosen.set(event_target_value(&ev).parse().ok())>
                    <option value="">{prompt}</option>{options}
                </select>
            </label>
            <button type="button" class="secondary small" data-testid=button_id disabled=move || chosen.get().is_none()
                on:click=move |_| {
                    let Some((other, _)) = chosen.get_untracked().and_then(|i| candidates.get(i)) else { return };
                    let change = match join {
                        Join::Person => Change::SamePerson(other.clone()),
                        Join::Document => Change::SameDocument(other.clone()),
                    };
                    apply(ws, status, vec![(fact.clone(), change)]);
                }>"Gộp"</button>
        </div>
    })
}

fn leading_number(number: &str) -> &str {
    let end = number.find(|c: char| !c.is_ascii_digit()).unwrap_or(number.len());
    &number[..end]
}

fn document_form(
    ws: Ws,
    status: RwSignal<Option<String>>,
    source: &str,
    d: Document,
    merged: &Merged,
) -> impl IntoView {
    let fact = FactRef { source: source.to_string(), at: d.span };
    let (number, number_field) = field("edit-number", "Số hiệu", Input::Line, d.number.clone());
    let (issuer, issuer_field) =
        field("edit-issuer", "Cơ quan ban hành", Input::Grow, d.issuer.clone().unwrap_or_default());
    let save = {
        let (fact, d) = (fact.clone(), d.clone());
        move |_| {
            let mut changes = Vec::new();
            if number.get_untracked().trim() != d.number {
                changes.push((fact.clone(), Change::DocumentNumber(number.get_untracked())));
            }
            let new_issuer = Some(issuer.get_untracked()).filter(|i| !i.trim().is_empty());
            if new_issuer != d.issuer {
                changes.push((fact.clone(), Change::DocumentIssuer(new_issuer)));
            }
            apply(ws, status, changes);
        }
    };
    let delete = {
        let fact = fact.clone();
        move |_| apply(ws, status, vec![(fact.clone(), Change::DocumentDelete)])
    };
    let lead = leading_number(&d.number);
    let mine = |doc: &&hoinghi_merge::MergedDocument| {
        doc.citations.iter().any(|c| c.source == fact.source && c.span == d.span)
    };
    let candidates: Vec<(FactRef, String)> = merged
        .documents
        .iter()
        .filter(|doc| !mine(doc) && !lead.is_empty() && leading_number(&doc.number) == lead)
        .filter_map(|doc| {
            let c = doc.citations.first()?;
            let kind = doc.kind.as_deref().map(|k| format!("{k} ")).unwrap_or_default();
            Some((
                FactRef { source: c.source.clone(), at: c.span },
                format!("{kind}{} ({} bài)", doc.number, doc.articles),
            ))
        })
        .take(50)
        .collect();
    let join = join_chooser(ws, status, fact.clone(), candidates, Join::Document);
    view! {
        <form class="fact-form" data-testid="document-form" on:submit=|ev| ev.prevent_default()>
            <h3>"Văn bản"</h3>
            <div class="pair">
                {number_field}
                {issuer_field}
            </div>
            <div class="actions">
                <button type="button" class="small" data-testid="save-document" on:click=save>"Lưu"</button>
                <button type="button" class="secondary small" data-testid="delete-document" on:click=delete>"Xóa văn bản này"</button>
            </div>
            {join}
        </form>
    }
}

/// Adding what the extractor missed from a selection in the text, and marking the article right as it is.
fn selection_tools(
    ws: Ws,
    status: RwSignal<Option<String>>,
    source: &str,
    span: Span,
    record: &Record,
) -> impl IntoView {
    let (title, title_field) = field("add-title", "Chức vụ của cán bộ thêm (nếu có)", Input::Line, String::new());
    let text = record.text.clone();
    let meetings: Vec<Meeting> = record.meetings.clone();
    let source = source.to_string();
    let picked = {
        let text = text.clone();
        move || {
            let found = selected_span(&text, &selection(), span.start);
            if found.is_none() {
                status.set(Some("Hãy bôi đen một tên trong bài (ở khung bên dưới) trước khi bấm.".into()));
            }
            found
        }
    };
    let add_official = {
        let (source, picked) = (source.clone(), picked.clone());
        move |_| {
            let Some((at, name)) = picked() else { return };
            let titles = lines(&title.get_untracked());
            let fact = FactRef { source: source.clone(), at };
            apply(ws, status, vec![(fact, Change::OfficialAdd { name: name.clone(), titles })]);
            if status.get_untracked().is_none() {
                ws.show(vec![(source.clone(), at)], 0, &name);
            }
        }
    };
    let add_chair = {
        let source = source.clone();
        move |_| {
            let Some((at, name)) = picked() else { return };
            let inside = |m: &&Meeting| m.evidence.start <= at.start && at.end <= m.evidence.end;
            let near = |m: &&Meeting| m.evidence.start <= span.start && span.end <= m.evidence.end;
            let Some(m) = meetings.iter().find(inside).or_else(|| meetings.iter().find(near)).or(meetings.first())
            else {
                status.set(Some("Bài này chưa có hội nghị nào để thêm người chủ trì.".into()));
                return;
            };
            let mut chairs = m.chairs.clone();
            chairs.push(name);
            apply(
                ws,
                status,
                vec![(FactRef { source: source.clone(), at: m.evidence }, Change::MeetingChairs(chairs))],
            );
        }
    };
    let checked_fact = FactRef { source: source.clone(), at: Span::default() };
    let checked = ws.is_marked(&source, Span::default());
    view! {
        <details class="selection-tools">
            <summary data-testid="add-missed">"Thêm điều bộ trích xuất bỏ sót"</summary>
            <div class="fact-form">
            <p class="hint">"Bôi đen một tên trong bài bên dưới, rồi bấm:"</p>
            {title_field}
            <div class="actions">
                <button type="button" class="secondary small" data-testid="add-official" on:click=add_official>"Thêm cán bộ"</button>
                <button type="button" class="secondary small" data-testid="add-chair" on:click=add_chair>"Thêm người chủ trì"</button>
                <button type="button" class="secondary small" data-testid="article-checked" disabled=checked
                    title="Đưa bài vào “Xuất làm dữ liệu chuẩn” dù không cần sửa gì"
                    on:click=move |_| apply(ws, status, vec![(checked_fact.clone(), Change::ArticleChecked)])>
                    {if checked { "Bài đã kiểm tra ✓" } else { "Bài này đã đúng" }}
                </button>
            </div>
            </div>
        </details>
    }
}
