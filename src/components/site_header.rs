//! The page title and the promise that nothing leaves the browser.

use leptos::prelude::*;

/// Title, one line on what the page does, and the privacy note.
#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <header class="site-header">
            <h1>"Hội Nghị"</h1>
            <p class="tagline">
                "Trích xuất hội nghị, cán bộ và chức vụ từ bài báo tiếng Việt về hoạt động của Đảng và chính quyền."
            </p>
            <p class="privacy" data-testid="privacy-note">
                "Mọi xử lý diễn ra ngay trong trình duyệt của bạn: văn bản không được gửi đi đâu cả."
            </p>
        </header>
    }
}
