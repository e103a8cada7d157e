//! The "đã sửa" mark beside a fact the user corrected, in every table and list.

use hoinghi_core::Span;
use leptos::prelude::*;

use crate::app::Ws;

/// The mark, when any of `facts` (article, span: a person's mentions, a meeting's reports, a document's
/// citations) is corrected.
pub fn corrected_mark<'a>(ws: Ws, mut facts: impl Iterator<Item = (&'a str, Span)>) -> Option<AnyView> {
    facts.any(|(source, at)| ws.is_marked(source, at)).then(|| {
        view! { <span class="corrected" data-testid="corrected" title="Đã sửa tay: khác với kết quả trích xuất">"đã sửa"</span> }.into_any()
    })
}
