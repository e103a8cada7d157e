//! The map of provinces as a picture: a tile-grid cartogram (one square per province, placed by its seat;
//! `hoinghi_merge::map`), shaded by how many meetings it holds, with its name (the grid file's label lines)
//! and the count on each.

use std::collections::HashMap;

use hoinghi_merge::map::{Era, Tile};

use super::{Anchor, Paint, Scene, Shape};

/// The picture of the tiles of `era`, at most `width` pixels wide and `height` high (the country is long: the
/// tiles shrink to fit a screen), shaded by `counts` (province name -> meetings). A tile's item is its index in
/// `tiles`, so a click can filter by that province.
pub fn scene(tiles: &[Tile], era: Era, counts: &HashMap<String, usize>, width: f64, height: f64) -> Scene {
    let of_era: Vec<(usize, &Tile)> = tiles.iter().enumerate().filter(|(_, t)| t.era == era).collect();
    let cols = of_era.iter().map(|(_, t)| t.col + 1).max().unwrap_or(1) as f64;
    let rows = of_era.iter().map(|(_, t)| t.row + 1).max().unwrap_or(1) as f64;
    let cell = (width / cols).min(height / rows).min(64.0);
    let left = (width - cell * cols) / 2.0;
    let most = counts.values().copied().max().unwrap_or(0);
    let mut shapes = Vec::new();
    for (i, tile) in of_era {
        let (x, y) = (left + f64::from(tile.col) * cell, f64::from(tile.row) * cell);
        let count = counts.get(&tile.name).copied().unwrap_or(0);
        let step = shade(count, most);
        shapes.push(Shape::Rect {
            x: x + 1.0,
            y: y + 1.0,
            w: cell - 2.0,
            h: cell - 2.0,
            paint: Paint::Scale(step),
            item: Some(i),
        });
        let ink = if step >= 4 { Paint::Scale(0) } else { Paint::Ink };
        let size = (cell / 5.0).clamp(7.0, 11.0);
        // The name's lines, then the count, centred in the tile together.
        let lines: Vec<String> = tile.label.iter().cloned().chain((count > 0).then(|| count.to_string())).collect();
        let first = y + cell / 2.0 - (lines.len() as f64 - 1.0) * (size + 1.0) / 2.0 + size / 3.0;
        for (k, line) in lines.into_iter().enumerate() {
            let is_count = k == tile.label.len();
            shapes.push(Shape::Text {
                x: x + cell / 2.0,
                y: first + k as f64 * (size + 1.0),
                text: line,
                anchor: Anchor::Middle,
                size: if is_count { size + 1.0 } else { size },
                paint: ink,
            });
        }
    }
    Scene { width, height: rows * cell, shapes }
}

/// The shade of a count: 0 for none, then 1..=5 on a square-root scale of the largest count, so that one
/// busy capital does not leave every other province pale.
pub fn shade(count: usize, most: usize) -> u8 {
    if count == 0 || most == 0 {
        return 0;
    }
    let share = (count as f64 / most as f64).sqrt();
    (1.0 + (share * 4.0).round()).min(5.0) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shades_grow_with_the_square_root_of_the_count() {
        let cases = [(0, 10, 0), (5, 0, 0), (10, 10, 5), (1, 100, 1), (25, 100, 3), (100, 100, 5), (1, 1, 5)];
        for (count, most, want) in cases {
            assert_eq!(shade(count, most), want, "{count} of {most}");
        }
    }

    #[test]
    fn each_tile_is_drawn_in_its_cell_and_can_be_clicked() {
        let tile = |name: &str, era: Era, col: u32, row: u32| Tile {
            name: name.into(),
            era,
            lat: 0.0,
            lon: 0.0,
            col,
            row,
            label: name.split(' ').map(String::from).collect(),
        };
        let tiles =
            vec![tile("Hà Nội", Era::Written, 0, 0), tile("Huế", Era::Today, 0, 0), tile("Cà Mau", Era::Written, 1, 2)];
        let counts = HashMap::from([("Hà Nội".to_string(), 4)]);
        let s = scene(&tiles, Era::Written, &counts, 100.0, 1000.0);
        assert_eq!(scene(&tiles, Era::Written, &counts, 100.0, 60.0).height, 60.0, "shrunk to the height");
        let rects = s.shapes.iter().filter(|sh| matches!(sh, Shape::Rect { .. })).count();
        assert_eq!(rects, 2, "only the era asked for");
        assert_eq!(s.height, 150.0);
        assert_eq!(s.item_at(10.0, 10.0, 0.0), Some(0));
        assert_eq!(s.item_at(60.0, 110.0, 0.0), Some(2));
        assert_eq!(s.item_at(60.0, 10.0, 0.0), None, "no province there");
        let texts: Vec<&str> = s
            .shapes
            .iter()
            .filter_map(|sh| if let Shape::Text { text, .. } = sh { Some(text.as_str()) } else { None })
            .collect();
        assert_eq!(texts, ["Hà", "Nội", "4", "Cà", "Mau"]);
    }
}
