//! One line on the article as a whole: its title and publish date when found.

use hoinghi_core::Record;
use leptos::prelude::*;

/// Title and publish date of the last extraction; nothing before the first one.
#[component]
pub fn Summary(
    /// The last extraction's result, `None` until the first one.
    record: Signal<Option<Record>>,
) -> impl IntoView {
    move || {
        record.with(|r| {
            r.as_ref().map(|r| {
                let title = r.title.clone().unwrap_or_else(|| "(không rõ tiêu đề)".to_string());
                let published = r.published.clone().map(|d| format!("Đăng ngày {d}"));
                view! {
                    <section class="summary" data-testid="summary">
                        <h2 data-testid="article-title">{title}</h2>
                        {published.map(|p| view! { <p class="published" data-testid="article-published">{p}</p> })}
                    </section>
                }
            })
        })
    }
}
