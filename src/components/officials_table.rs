//! The table of officials found in the article: name, positions, roles.

use hoinghi_core::Official;
use leptos::prelude::*;

/// Officials of the last extraction; a hint before the first one, a note when none was found.
#[component]
pub fn OfficialsTable(
    /// `None` until the first extraction.
    officials: Signal<Option<Vec<Official>>>,
) -> impl IntoView {
    move || match officials.get() {
        None => view! {
            <p class="hint" data-testid="officials-hint">
                "Dán một bài báo vào ô trên: danh sách cán bộ hiện ra ngay (hoặc bấm “Trích xuất”)."
            </p>
        }
        .into_any(),
        Some(list) if list.is_empty() => view! {
            <p class="hint" data-testid="officials-empty">"Không tìm thấy cán bộ nào trong bài."</p>
        }
        .into_any(),
        Some(list) => view! {
            <section class="officials">
                <h2 data-testid="officials-count">{format!("Cán bộ ({})", list.len())}</h2>
                <table data-testid="officials-table">
                    <thead>
                        <tr>
                            <th scope="col">"Họ tên"</th>
                            <th scope="col">"Chức vụ"</th>
                            <th scope="col">"Vai trò"</th>
                        </tr>
                    </thead>
                    <tbody>{list.into_iter().map(official_row).collect_view()}</tbody>
                </table>
            </section>
        }
        .into_any(),
    }
}

/// One row: the name, the positions joined by semicolons, the roles by commas.
fn official_row(official: Official) -> impl IntoView {
    view! {
        <tr data-testid="official-row">
            <td data-testid="official-name" class="name">{official.name}</td>
            <td data-testid="official-titles">{official.titles.join("; ")}</td>
            <td data-testid="official-roles">{official.roles.join(", ")}</td>
        </tr>
    }
}
