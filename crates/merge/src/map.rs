//! The map of provinces: each province's cell in a tile-grid cartogram and the meetings counted on it.
//!
//! The grid is a data file the page fetches only when the map is first opened (`public/map/province_grid.tsv`,
//! made by `scripts/make-province-grid.py` from the seats in PyPI `vietnamadminunits` 1.0.4, MIT licence):
//! one cell per province for each era of `crates/core/data/provinces.tsv` — the 63 units to 30 June 2025 for
//! provinces as written, the 34 units from 1 July 2025 for today's units. This module reads it and counts.

use std::collections::HashMap;
use std::fmt;

use hoinghi_core::data;
use serde::{Deserialize, Serialize};

use crate::Merged;

/// Which provinces the map shows: as the articles wrote them, or the unit each belongs to today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Era {
    /// The 63 provinces and cities to 30 June 2025 (`era=old`).
    Written,
    /// The 34 units from 1 July 2025 (`era=2025`).
    Today,
}

/// One province's cell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tile {
    pub name: String,
    pub era: Era,
    /// The seat, in degrees.
    pub lat: f64,
    pub lon: f64,
    /// Column from the west, row from the north.
    pub col: u32,
    pub row: u32,
    /// What the tile says, one entry a line (`Quảng`, `Ninh`; `TP`, `HCM`).
    pub label: Vec<String>,
}

/// Why the grid file could not be read: the page says it and keeps every other view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GridError {
    /// The header line is not `name era lat lon col row label`.
    Header,
    /// A row with a missing or unreadable field (1-based line number).
    Row(usize),
}

impl fmt::Display for GridError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GridError::Header => write!(f, "Tệp bản đồ tỉnh không đúng định dạng (dòng tiêu đề)."),
            GridError::Row(n) => write!(f, "Tệp bản đồ tỉnh hỏng ở dòng {n}."),
        }
    }
}

impl std::error::Error for GridError {}

/// Reads the grid file: `#` comment lines, a header, then one tab-separated row per province.
pub fn read_grid(tsv: &str) -> Result<Vec<Tile>, GridError> {
    let mut lines = tsv.lines().enumerate().filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty());
    match lines.next() {
        Some((_, header))
            if header.split('\t').collect::<Vec<_>>() == ["name", "era", "lat", "lon", "col", "row", "label"] => {}
        _ => return Err(GridError::Header),
    }
    lines
        .map(|(i, line)| {
            let f: Vec<&str> = line.split('\t').collect();
            let tile = || -> Option<Tile> {
                let era = match *f.get(1)? {
                    "old" => Era::Written,
                    "2025" => Era::Today,
                    _ => return None,
                };
                Some(Tile {
                    name: f.first().filter(|n| !n.is_empty())?.to_string(),
                    era,
                    lat: degrees(f.get(2)?)?,
                    lon: degrees(f.get(3)?)?,
                    col: f.get(4)?.parse().ok()?,
                    row: f.get(5)?.parse().ok()?,
                    label: f.get(6).filter(|l| !l.is_empty())?.split('|').map(str::to_string).collect(),
                })
            };
            tile().filter(|_| f.len() == 7).ok_or(GridError::Row(i + 1))
        })
        .collect()
}

/// A seat's latitude or longitude as the grid writes it (`21.0278`, `-0.5`): the same number as
/// `str::parse::<f64>`, without it. The page opens the grid, and `f64`'s general parser carries a
/// 10 KB table of powers of five that gzip cannot shrink; a decimal of at most 15 digits is an exact
/// integer over an exact power of ten, and one IEEE division of those rounds as the parser does.
fn degrees(text: &str) -> Option<f64> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !all_digits(whole) || !all_digits(fraction) || whole.len() + fraction.len() > 15 {
        return None;
    }
    let mantissa: u64 = format!("{whole}{fraction}").parse().ok()?;
    let value = mantissa as f64 / 10f64.powi(fraction.len() as i32);
    Some(if negative { -value } else { value })
}

/// Meetings counted by province for `era`: a meeting counts once for each province it is about. A province
/// written by its 2025 name that the old grid has no cell for (`Huế`) is counted on the old unit that became
/// it; names the grid cannot place are counted under `None` so the map can say how many it leaves out.
pub fn meetings_by_province(merged: &Merged, tiles: &[Tile], era: Era) -> HashMap<Option<String>, usize> {
    let in_era: HashMap<&str, &str> =
        tiles.iter().filter(|t| t.era == era).map(|t| (t.name.as_str(), t.name.as_str())).collect();
    // Today's name -> the first old unit that became it (provinces.tsv order), for names written the 2025 way.
    let mut became: HashMap<&str, &str> = HashMap::new();
    for row in data::rows(&data::PROVINCES).iter().filter(|r| r.get("era") == "old") {
        if in_era.contains_key(row.get("name")) {
            became.entry(row.get("today")).or_insert(row.get("name"));
        }
    }
    let mut counts: HashMap<Option<String>, usize> = HashMap::new();
    for meeting in &merged.meetings {
        let names = match era {
            Era::Written => &meeting.provinces,
            Era::Today => &meeting.provinces_today,
        };
        for name in names {
            let cell = in_era.get(name.as_str()).or_else(|| became.get(name.as_str())).map(|n| n.to_string());
            *counts.entry(cell).or_default() += 1;
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    #[test]
    fn degrees_are_what_the_float_parser_reads() {
        let grid = include_str!("../../../public/map/province_grid.tsv");
        let seats = grid.lines().skip(2).flat_map(|l| l.split('\t').skip(2).take(2));
        let written =
            ["0", "-0", "0.0", "21.0278", "105.8342", "-8.6", "179.99999999", "0.1", "0.3", "90.000000000001", "1."];
        for text in written.into_iter().chain(seats) {
            assert_eq!(super::degrees(text).map(f64::to_bits), text.parse::<f64>().ok().map(f64::to_bits), "{text}");
        }
        for broken in ["", "-", ".5", "1e3", "+1", "1,5", "nan", "inf", "1.2.3", "1234567890.1234567"] {
            assert_eq!(super::degrees(broken), None, "{broken}");
        }
    }
}
