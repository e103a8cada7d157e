//! The box the article is pasted into, and the button that extracts.

use leptos::prelude::*;

/// A textarea bound to `text`; pasting into it, or pressing the button, runs `on_extract`.
/// The clear button empties the box and runs `on_extract` too (which then clears the results).
#[component]
pub fn PasteBox(
    /// The article as the user pasted or typed it.
    text: RwSignal<String>,
    /// Runs the extraction on the current `text`.
    on_extract: Callback<()>,
) -> impl IntoView {
    // A paste is followed by an input event; extract once the text has been updated.
    let pasted = StoredValue::new(false);
    view! {
        <section class="paste">
            <label for="article" class="paste-label">"Nội dung bài báo"</label>
            <textarea
                id="article"
                data-testid="paste-box"
                rows="12"
                spellcheck="false"
                placeholder="Dán toàn bộ bài báo vào đây (tiêu đề, ngày đăng, nội dung)…"
                prop:value=move || text.get()
                on:paste=move |_| pasted.set_value(true)
                on:input=move |ev| {
                    text.set(event_target_value(&ev));
                    if pasted.get_value() {
                        pasted.set_value(false);
                        on_extract.run(());
                    }
                }
            ></textarea>
            <div class="paste-actions">
                <button
                    type="button"
                    data-testid="extract-button"
                    on:click=move |_| on_extract.run(())
                >
                    "Trích xuất"
                </button>
                <button
                    type="button"
                    class="secondary"
                    data-testid="clear-button"
                    on:click=move |_| {
                        text.set(String::new());
                        on_extract.run(());
                    }
                >
                    "Xóa"
                </button>
            </div>
        </section>
    }
}
