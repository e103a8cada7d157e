//! The map of provinces: meetings counted on a tile-grid cartogram, by the province as written or by today's
//! unit after the 2025 merger. The grid (`public/map/province_grid.tsv`, copied to `map/`) is fetched only when
//! the map is first opened; a click on a province filters by it.

use std::collections::HashMap;
use std::sync::Arc;

use hoinghi_merge::map::{meetings_by_province, read_grid, Era, Tile};
use leptos::prelude::*;

use super::picture::Picture;
use crate::app::{Shared, Ws};
use crate::chart::map::scene;

/// The grid, once fetched: kept for the page's life.
type Grid = Result<Arc<Vec<Tile>>, String>;

thread_local! {
    static GRID: std::cell::RefCell<Option<Grid>> = const { std::cell::RefCell::new(None) };
}

/// Fetches the grid file beside the page.
async fn fetch_grid() -> Grid {
    let text = crate::browser::fetch_text("map/province_grid.tsv")
        .await
        .map_err(|what| format!("Không tải được bản đồ tỉnh ({what}). Các phần khác của trang vẫn dùng được."))?;
    read_grid(&text).map(Arc::new).map_err(|e| e.to_string())
}

#[component]
pub fn MapView() -> impl IntoView {
    let ws = expect_context::<Ws>();
    let grid = RwSignal::new(GRID.with(|g| g.borrow().clone()));
    if grid.get_untracked().is_none() {
        leptos::task::spawn_local(async move {
            let fetched = fetch_grid().await;
            GRID.with(|g| *g.borrow_mut() = Some(fetched.clone()));
            grid.set(Some(fetched));
        });
    }
    // As written unless the province filter already speaks of today's units.
    let era = RwSignal::new(if ws.filters.with_untracked(|f| f.province.starts_with("t:")) {
        Era::Today
    } else {
        Era::Written
    });
    let width = RwSignal::new(560.0_f64);
    let tiles = Memo::new(move |_| grid.get().and_then(Result::ok).map(Shared));
    let counts = Memo::new(move |_| {
        let tiles = tiles.get()?;
        let view = ws.view.get();
        let by = meetings_by_province(&view.0, &tiles.0, era.get());
        Some(Shared(Arc::new(by)))
    });
    let picture = Memo::new(move |_| {
        let (Some(tiles), Some(counts)) = (tiles.get(), counts.get()) else { return Shared::default() };
        let named: HashMap<String, usize> = counts.0.iter().filter_map(|(k, v)| Some((k.clone()?, *v))).collect();
        // At most the height of a laptop's screen, so the whole country is seen at once.
        Shared(Arc::new(scene(&tiles.0, era.get(), &named, width.get().min(620.0), 860.0)))
    });
    let tile = move |i: usize| tiles.with_untracked(|t| t.as_ref().and_then(|t| t.0.get(i).cloned()));
    let describe = Callback::new(move |i: usize| {
        let t = tile(i)?;
        let n =
            counts.with_untracked(|c| c.as_ref().and_then(|c| c.0.get(&Some(t.name.clone())).copied())).unwrap_or(0);
        Some(format!("{} · {n} hội nghị · bấm để lọc theo tỉnh này", t.name))
    });
    let pick = Callback::new(move |i: usize| {
        if let Some(t) = tile(i) {
            let prefix = if t.era == Era::Today { "t" } else { "w" };
            ws.filters.update(|f| f.province = format!("{prefix}:{}", t.name));
        }
    });
    let idle = Signal::derive(move || {
        let Some(c) = counts.get() else { return "Đang tải bản đồ…".to_string() };
        let placed: usize = c.0.iter().filter(|(k, _)| k.is_some()).map(|(_, v)| v).sum();
        let unplaced = c.0.get(&None).copied().unwrap_or(0);
        let more =
            if unplaced > 0 { format!("; {unplaced} không đặt được lên bản đồ") } else { String::new() };
        format!("{placed} lượt hội nghị theo tỉnh{more}. Bấm một tỉnh để lọc.")
    });
    let era_button = move |e: Era, id: &'static str, label: &'static str| {
        view! {
            <button type="button" class="small" class:secondary=move || era.get() != e data-testid=id
                aria-pressed=move || (era.get() == e).to_string() on:click=move |_| era.set(e)>{label}</button>
        }
    };
    view! {
        <section class="chart map-view" data-testid="map-view">
            <div class="section-head">
                <h2>"Bản đồ hội nghị theo tỉnh"</h2>
                <div class="zoom" role="group" aria-label="Tỉnh theo">
                    {era_button(Era::Written, "map-written", "Như bài viết")}
                    {era_button(Era::Today, "map-today", "Theo tỉnh mới (2025)")}
                </div>
            </div>
            {move || match grid.get() {
                Some(Err(e)) => view! { <p class="error" data-testid="map-error">{e}</p> }.into_any(),
                _ => view! {
                    <Picture scene=picture width=width testid="map-canvas" label="Bản đồ hội nghị theo tỉnh" file="hoi-nghi-ban-do"
                        describe=describe pick=pick idle=idle/>
                }.into_any(),
            }}
            <p class="hint small">"Mỗi ô là một tỉnh, đặt theo vị trí tỉnh lỵ (dữ liệu vietnamadminunits, giấy phép MIT)."</p>
        </section>
    }
}
