//! Articles in: a paste box, a file picker, a folder picker, a drop zone, the sample articles; a
//! progress bar while a batch loads (counts, time left, a button that stops it).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::{Job, Ws};
use crate::browser;
use crate::fixed::{decimal, fixed};

#[component]
pub fn InputPanel() -> impl IntoView {
    let ws = expect_context::<Ws>();
    let text = RwSignal::new(String::new());
    let pasted = StoredValue::new(false);
    let counter = StoredValue::new(0usize);
    let dragging = RwSignal::new(false);
    // `webkitdirectory` is not an attribute Leptos knows: set it once the input exists.
    let folder = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(input) = folder.get() {
            let _ = input.set_attribute("webkitdirectory", "");
        }
    });
    let add = move || {
        let body = text.get_untracked();
        if body.trim().is_empty() {
            return;
        }
        counter.update_value(|n| *n += 1);
        let name = format!("Bài dán {}", counter.get_value());
        ws.enqueue(vec![Job::Text { name, text: body, pasted: pasted.get_value() }]);
        pasted.set_value(false);
        text.set(String::new());
    };
    let take_files = move |files: Vec<browser::NamedFile>| {
        ws.enqueue(files.into_iter().map(|(name, file)| Job::File { name, file }).collect());
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        take_files(browser::files_of_input(&input));
        input.set_value("");
    };
    // Where the browser has a folder picker that gives the files one at a time, it takes the folder input's
    // click (from its label, or the keyboard); the input's own dialog stays for the others and for a browser
    // that refuses the picker (then clicked once more, let through).
    let input_dialog = StoredValue::new(false);
    let on_folder_click = move |ev: leptos::ev::MouseEvent| {
        if !browser::has_folder_picker() || input_dialog.try_update_value(std::mem::take).unwrap_or(false) {
            return;
        }
        ev.prevent_default();
        leptos::task::spawn_local(async move {
            match browser::choose_folder_to_walk().await {
                browser::Chosen::Folder(dir) => ws.enqueue_walk(browser::Walked::Folder(dir)).await,
                browser::Chosen::Nothing => {}
                browser::Chosen::Refused => {
                    // After the click that asked (a refusal can come before its dispatch ends, and Chromium
                    // ignores a click on an element still dispatching one).
                    gloo_timers::future::TimeoutFuture::new(0).await;
                    if let Some(input) = folder.get_untracked() {
                        input_dialog.set_value(true);
                        input.click();
                    }
                }
            }
        });
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(dt) = ev.data_transfer() {
            leptos::task::spawn_local(ws.enqueue_walk(browser::Walked::Drop(dt)));
        }
    };

    let loading = Memo::new(move |_| ws.progress.with(Option::is_some));
    let warm = || {
        browser::warm_worker();
        crate::merge_worker::warm();
    };
    let counts = move || ws.progress.get().unwrap_or_default();

    view! {
        // The extraction worker (its own wasm) is fetched once the user reaches for the inputs, not with
        // the page: the first load stays small.
        <section class="input" aria-labelledby="input-title"
            on:pointerenter=move |_| warm() on:focusin=move |_| warm()>
            <h2 id="input-title">"Thêm bài"</h2>
            <label for="article" class="sr-only">"Nội dung bài báo"</label>
            <textarea
                id="article"
                data-testid="paste-box"
                rows="6"
                spellcheck="false"
                placeholder="Dán toàn bộ một bài báo vào đây (tiêu đề, ngày đăng, nội dung), rồi bấm “Thêm bài” (Ctrl+Enter)…"
                prop:value=move || text.get()
                on:paste=move |_| pasted.set_value(true)
                on:input=move |ev| text.set(event_target_value(&ev))
                on:keydown=move |ev| {
                    if ev.key() == "Enter" && (ev.ctrl_key() || ev.meta_key()) {
                        ev.prevent_default();
                        add();
                    }
                }
            ></textarea>
            <div class="actions">
                <button type="button" data-testid="add-button" on:click=move |_| add()>"Thêm bài"</button>
                <button type="button" class="secondary" data-testid="samples-button"
                    on:click=move |_| ws.add_samples()
                >"Thử với bài mẫu"</button>
            </div>
            <div
                class="drop-zone"
                class:dragging=move || dragging.get()
                data-testid="drop-zone"
                on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop
            >
                <p>"Thả tệp hoặc cả thư mục vào đây (.txt, .html, .docx, .pdf)"</p>
                <div class="actions">
                    <label class="button secondary">
                        "Chọn tệp…"
                        <input type="file" multiple class="sr-only" data-testid="file-input" on:change=on_pick
                            accept=".txt,.text,.html,.htm,.docx,.doc,.pdf"/>
                    </label>
                    <label class="button secondary">
                        "Chọn thư mục…"
                        <input type="file" multiple node_ref=folder class="sr-only" data-testid="folder-input"
                            on:click=on_folder_click on:change=on_pick/>
                    </label>
                </div>
            </div>
            // Built once a batch starts and kept while it loads (only the figures change), so that "Dừng"
            // is the same button however often the counts move.
            {move || loading.get().then(|| view! {
                <div class="progress" data-testid="progress">
                    // A huge article in the workers counts by the fraction of it read.
                    <progress max=move || counts().1
                        value=move || decimal(counts().0 as f64 + ws.huge.with(|h| h.as_ref().map_or(0.0, |(_, f)| *f)), 3)></progress>
                    <span data-testid="progress-text">{move || {
                        let (done, total) = counts();
                        let left = if ws.walking.get() > 0 { Left::Walking } else { Left::Seconds(ws.seconds_left.get()) };
                        ws.huge.with(|h| progress_text(done, total, left, h.as_ref().map(|(n, f)| (n.as_str(), *f))))
                    }}</span>
                    <button type="button" class="secondary small" data-testid="cancel-load"
                        disabled=move || { let (done, total) = counts(); done >= total && ws.walking.get() == 0 }
                        on:click=move |_| ws.cancel()>"Dừng"</button>
                </div>
            })}
        </section>
    }
}

/// What the progress line says of the rest of the batch.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Left {
    /// Seconds it still needs, by its pace so far (once it has one).
    Seconds(Option<f64>),
    /// A folder is still being walked.
    Walking,
}

/// The progress line: counts, then the time left once the pace is known, and how far a huge article in the
/// workers (`huge`: its name and the fraction read) has got.
fn progress_text(done: usize, total: usize, left: Left, huge: Option<(&str, f64)>) -> String {
    if done >= total && left != Left::Walking {
        return format!("Đã đọc {total} bài, đang gộp…");
    }
    let left = match left {
        // The total is what the walk found so far: no time can be told from it.
        Left::Walking => " · đang tìm thêm tệp trong thư mục".to_string(),
        Left::Seconds(Some(s)) if s >= 90.0 => format!(" · còn khoảng {} phút", fixed((s / 60.0).round(), 0)),
        Left::Seconds(Some(s)) => format!(" · còn khoảng {} giây", fixed(s.ceil().max(1.0), 0)),
        Left::Seconds(None) => String::new(),
    };
    let huge = match huge {
        Some((name, fraction)) => {
            format!(" · bài lớn “{name}”: {}%", fixed((fraction * 100.0).clamp(0.0, 100.0).floor(), 0))
        }
        None => String::new(),
    };
    format!("Đang đọc {done}/{total} bài{left}{huge}…")
}

#[cfg(test)]
mod tests {
    use super::{progress_text, Left};

    #[test]
    fn progress_says_counts_and_time_left() {
        let cases = [
            (10, 5000, Left::Seconds(None), None, "Đang đọc 10/5000 bài…"),
            (1000, 5000, Left::Seconds(Some(6.2)), None, "Đang đọc 1000/5000 bài · còn khoảng 7 giây…"),
            (1000, 5000, Left::Seconds(Some(0.2)), None, "Đang đọc 1000/5000 bài · còn khoảng 1 giây…"),
            (100, 10000, Left::Seconds(Some(150.0)), None, "Đang đọc 100/10000 bài · còn khoảng 3 phút…"),
            (5000, 5000, Left::Seconds(None), None, "Đã đọc 5000 bài, đang gộp…"),
            (0, 1, Left::Seconds(None), Some(("lon.txt", 0.426)), "Đang đọc 0/1 bài · bài lớn “lon.txt”: 42%…"),
            (
                3,
                9,
                Left::Seconds(Some(2.0)),
                Some(("lon.txt", 1.0)),
                "Đang đọc 3/9 bài · còn khoảng 2 giây · bài lớn “lon.txt”: 100%…",
            ),
            // A folder still walked: its files found so far, all read or not, and no time told.
            (64, 128, Left::Walking, None, "Đang đọc 64/128 bài · đang tìm thêm tệp trong thư mục…"),
            (128, 128, Left::Walking, None, "Đang đọc 128/128 bài · đang tìm thêm tệp trong thư mục…"),
        ];
        for (done, total, left, huge, expected) in cases {
            assert_eq!(progress_text(done, total, left, huge), expected);
        }
    }
}
