//! The page title, how it works, and the promise that nothing leaves the browser.

use leptos::prelude::*;

/// Title, one line on what the page does, the privacy note and a short "how it works".
#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <header class="site-header">
            <h1>"Hội Nghị"</h1>
            <p class="tagline">
                "Dòng thời gian hội nghị, bảng cán bộ và văn bản từ nhiều bài báo tiếng Việt về hoạt động của Đảng và chính quyền."
            </p>
            <p class="privacy" data-testid="privacy-note">
                "Mọi xử lý diễn ra ngay trong trình duyệt của bạn: văn bản không được gửi đi đâu cả."
            </p>
            <details class="how" data-testid="how-it-works">
                <summary>"Cách hoạt động"</summary>
                <p>
                    "Dán bài hoặc thả tệp (.txt mọi bảng mã tiếng Việt, .html, .docx, .pdf có chữ, cả thư mục). Trang tự đọc tên, chức vụ, vai trò, hội nghị và văn bản trong từng bài, rồi gộp: một người qua nhiều bài, một hội nghị nhiều báo đưa tin, một văn bản được trích nhiều lần. Bấm vào một dòng để xem câu gốc trong bài. Không có máy chủ: bài chỉ được lưu trong trình duyệt này (IndexedDB) cho lần mở sau, và ra tệp khi bạn bấm xuất."
                </p>
            </details>
        </header>
    }
}
