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
                let published = r.published.as_deref().map(|d| format!("Đăng ngày {}", date_as_vietnamese(d)));
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

/// `2024-06-17` → `17/06/2024`, `2024-06-17T17:01` → `17/06/2024 17:01`; anything else as is.
fn date_as_vietnamese(iso: &str) -> String {
    let (date, time) = iso.split_once('T').unwrap_or((iso, ""));
    let parts: Vec<&str> = date.split('-').collect();
    let [year, month, day] = parts[..] else {
        return iso.to_string();
    };
    let date = format!("{day}/{month}/{year}");
    if time.is_empty() {
        date
    } else {
        format!("{date} {time}")
    }
}

#[cfg(test)]
mod tests {
    use super::date_as_vietnamese;

    #[test]
    fn dates_read_day_first() {
        assert_eq!(date_as_vietnamese("2024-06-17"), "17/06/2024");
        assert_eq!(date_as_vietnamese("2024-06-17T17:01"), "17/06/2024 17:01");
        assert_eq!(date_as_vietnamese("2024"), "2024");
    }
}
