//! Exports of the filtered view (CSV for Excel, JSON, ICS), the corrected articles as gold data, undo and
//! redo of corrections, and the workspace file (save / open).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::Ws;
use crate::{browser, export, model};

#[component]
pub fn ExportBar() -> impl IntoView {
    let ws = expect_context::<Ws>();
    let csv = move |file: &'static str, table: fn(&hoinghi_merge::Merged) -> String| {
        move |_| {
            let v = ws.view.get_untracked();
            browser::download(file, &export::csv_for_excel(&table(&v.0)), "text/csv;charset=utf-8");
        }
    };
    let json = move |_| {
        let records = ws.filtered_records();
        let refs: Vec<&hoinghi_core::Record> = records.iter().map(|r| r.as_ref()).collect();
        browser::download("hoinghi-bai.json", &export::records_json(&refs), "application/json");
    };
    let ics = move |_| {
        let v = ws.view.get_untracked();
        browser::download(
            "hoinghi-hoi-nghi.ics",
            &export::meetings_ics(&v.0, &browser::stamp()),
            "text/calendar;charset=utf-8",
        );
    };
    let save = move |_| {
        let json = ws.corrections.with_untracked(|c| ws.articles.with_untracked(|l| model::workspace_json(l, c)));
        browser::download(&format!("hoinghi-phien-{}.json", browser::today()), &json, "application/json");
    };
    let open = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|l| l.get(0)) else { return };
        input.set_value("");
        leptos::task::spawn_local(async move {
            let name = file.name();
            let result = if file.size() > 200.0 * 1024.0 * 1024.0 {
                Err(format!("Không mở được “{name}”: tệp quá lớn. Trang giữ nguyên các bài đang có."))
            } else {
                match browser::read_bytes(&file).await {
                    Ok(bytes) => match String::from_utf8(bytes) {
                        Ok(text) => model::read_workspace(&text, &name),
                        Err(_) => Err(format!(
                            "Không mở được “{name}”: tệp không phải văn bản UTF-8. Trang giữ nguyên các bài đang có."
                        )),
                    },
                    Err(()) => Err(format!("Không mở được “{name}”: trình duyệt không đọc được tệp.")),
                }
            };
            match result {
                Ok((list, corrections)) => {
                    ws.replace(list, corrections);
                    ws.message.set(Some(format!("Đã mở phiên làm việc “{name}”.")));
                }
                Err(e) => ws.message.set(Some(e)),
            }
        });
    };
    let gold = move |_| {
        let records = ws.records.get_untracked();
        let chosen: Vec<(String, std::sync::Arc<hoinghi_core::Record>)> = ws.corrections.with_untracked(|c| {
            ws.articles.with_untracked(|l| {
                l.iter()
                    .filter(|a| c.touches(&a.name))
                    .filter_map(|a| Some((a.name.clone(), records.0.get(&a.name)?.clone())))
                    .collect()
            })
        });
        if chosen.is_empty() {
            ws.message.set(Some("Chưa có bài nào đã sửa hay đã kiểm tra: hãy sửa một dữ kiện (hoặc bấm “Bài này đã đúng” ở khung câu gốc) trước khi xuất dữ liệu chuẩn.".into()));
            return;
        }
        // The zip is written by the merge worker: its deflate and pretty JSON stay out of the first load.
        let refs: Vec<(&str, &hoinghi_core::Record)> = chosen.iter().map(|(n, r)| (n.as_str(), r.as_ref())).collect();
        let json = serde_json::to_string(&refs).unwrap_or_default();
        let count = chosen.len();
        leptos::task::spawn_local(async move {
            match crate::merge_worker::gold_zip(&json).await {
                Ok(zip) => {
                    browser::download_bytes(
                        &format!("hoinghi-du-lieu-chuan-{}.zip", browser::today()),
                        &zip,
                        "application/zip",
                    );
                    ws.message.set(Some(format!(
                        "Đã xuất {count} bài làm dữ liệu chuẩn (tệp .txt và .gold.json, xem README: “Dữ liệu chuẩn”)."
                    )));
                }
                Err(why) => ws.message.set(Some(format!("Không xuất được dữ liệu chuẩn ({why}). Hãy thử lại."))),
            }
        });
    };
    let no_corrections = move || ws.corrections.with(hoinghi_merge::Corrections::is_empty);
    let cannot_undo = move || !ws.history.with(|h| h.can_undo());
    let cannot_redo = move || !ws.history.with(|h| h.can_redo());
    let empty = move || ws.articles.with(Vec::is_empty);
    view! {
        <section class="exports" aria-label="Xuất dữ liệu">
            <span class="label">"Xuất (theo bộ lọc):"</span>
            <button type="button" class="secondary small" data-testid="export-people" disabled=empty on:click=csv("hoinghi-can-bo.csv", hoinghi_merge::people_csv)>"Cán bộ CSV"</button>
            <button type="button" class="secondary small" data-testid="export-positions" disabled=empty on:click=csv("hoinghi-chuc-vu.csv", hoinghi_merge::positions_csv)>"Chức vụ CSV"</button>
            <button type="button" class="secondary small" data-testid="export-meetings" disabled=empty on:click=csv("hoinghi-hoi-nghi.csv", hoinghi_merge::meetings_csv)>"Hội nghị CSV"</button>
            <button type="button" class="secondary small" data-testid="export-documents" disabled=empty on:click=csv("hoinghi-van-ban.csv", hoinghi_merge::documents_csv)>"Văn bản CSV"</button>
            <button type="button" class="secondary small" data-testid="export-json" disabled=empty on:click=json>"JSON"</button>
            <button type="button" class="secondary small" data-testid="export-ics" disabled=empty on:click=ics>"Lịch ICS"</button>
            <button type="button" class="secondary small" data-testid="export-gold" disabled=no_corrections on:click=gold
                title="Các bài đã sửa: NAME.txt và NAME.gold.json để chấm bộ trích xuất bằng score.py">"Xuất làm dữ liệu chuẩn"</button>
            <span class="spacer"></span>
            <button type="button" class="secondary small" data-testid="undo" disabled=cannot_undo on:click=move |_| ws.undo()>"↶ Hoàn tác"</button>
            <button type="button" class="secondary small" data-testid="redo" disabled=cannot_redo on:click=move |_| ws.redo()>"↷ Làm lại"</button>
            <button type="button" class="secondary small" data-testid="save-workspace" disabled=empty on:click=save>"Lưu phiên làm việc"</button>
            <label class="button secondary small">
                "Mở phiên làm việc…"
                <input type="file" accept=".json,application/json" class="sr-only" data-testid="open-workspace" on:change=open/>
            </label>
        </section>
    }
}
