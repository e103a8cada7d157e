//! The way back from a meeting's or a document's card: "‹ Quay lại" returns to the view it was opened from
//! (cards open cards: a meeting its documents and people, a document its meetings), else to the card's tab;
//! and a card opened far down a list is brought into view.

use leptos::prelude::*;

use crate::app::Ws;
use crate::model::Tab;

/// The views the cards shown were opened from, the latest last.
#[derive(Clone, Copy)]
pub struct Trail(StoredValue<Vec<Tab>>);

/// Longer trails forget their start.
const TRAIL: usize = 50;

/// The trail after moving from `from` to `to`: a tab forgets it all, going back to the last view drops it,
/// opening a card remembers where from.
fn step(trail: &mut Vec<Tab>, from: Tab, to: Tab) {
    if !to.is_card() {
        trail.clear();
    } else if trail.last() == Some(&to) {
        trail.pop();
    } else {
        trail.push(from);
        if trail.len() > TRAIL {
            trail.remove(0);
        }
    }
}

/// Keeps the trail as the view changes, for every [`BackLink`] below.
pub fn provide_trail(ws: Ws) {
    let trail = Trail(StoredValue::new(Vec::new()));
    provide_context(trail);
    Effect::new(move |prev: Option<Tab>| {
        let now = ws.tab.get();
        if let Some(prev) = prev.filter(|p| *p != now) {
            trail.0.update_value(|t| step(t, prev, now));
        }
        now
    });
}

/// "‹ Quay lại": to the view the card was opened from.
#[component]
pub fn BackLink() -> impl IntoView {
    let ws = expect_context::<Ws>();
    let trail = expect_context::<Trail>();
    let back = move |_| {
        let to = trail.0.with_value(|t| t.last().copied()).unwrap_or_else(|| ws.tab.get_untracked().button());
        ws.tab.set(to);
    };
    view! { <button type="button" class="link" data-testid="card-back" on:click=back>"‹ Quay lại"</button> }
}

/// Scrolls the card's top into view when it opens above the window (opened from far down a list).
pub fn bring_into_view(top: NodeRef<leptos::html::Section>) {
    Effect::new(move |_| {
        if let Some(el) = top.get() {
            if el.get_bounding_client_rect().top() < 0.0 {
                el.scroll_into_view();
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_trail_goes_back_the_way_it_came() {
        // (moves from the timeline, the trail after them)
        let cases: &[(&[Tab], &[Tab])] = &[
            (&[Tab::Meeting(1)], &[Tab::Timeline]),
            (&[Tab::Meeting(1), Tab::Document(2)], &[Tab::Timeline, Tab::Meeting(1)]),
            // Back from the document to the meeting, then to the timeline.
            (&[Tab::Meeting(1), Tab::Document(2), Tab::Meeting(1)], &[Tab::Timeline]),
            (&[Tab::Meeting(1), Tab::Document(2), Tab::Meeting(1), Tab::Timeline], &[]),
            (&[Tab::Meeting(1), Tab::Person(4), Tab::Map], &[]),
            (&[Tab::Documents, Tab::Document(2), Tab::Meeting(5)], &[Tab::Documents, Tab::Document(2)]),
        ];
        for (moves, want) in cases {
            let mut trail = Vec::new();
            let mut at = Tab::Timeline;
            for to in moves.iter() {
                step(&mut trail, at, *to);
                at = *to;
            }
            assert_eq!(&trail, want, "{moves:?}");
        }
        let mut trail = Vec::new();
        for i in 0..TRAIL + 5 {
            step(&mut trail, Tab::Meeting(i), Tab::Meeting(i + 1));
        }
        assert_eq!(trail.len(), TRAIL);
        assert_eq!(trail.last(), Some(&Tab::Meeting(TRAIL + 4)));
    }
}
