//! The provinces' tile grid the page's map draws (public/map/province_grid.tsv) and the counts on it.

use std::collections::HashSet;

use hoinghi_core::{data, Meeting, Record};
use hoinghi_merge::map::{meetings_by_province, read_grid, Era, GridError, Tile};
use hoinghi_merge::merge;

fn grid() -> Vec<Tile> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/map/province_grid.tsv");
    read_grid(&std::fs::read_to_string(path).expect("the grid file")).expect("a readable grid")
}

#[test]
fn every_province_of_both_eras_has_one_cell_of_its_own() {
    let tiles = grid();
    for (era, name) in [(Era::Written, "old"), (Era::Today, "2025")] {
        let want: HashSet<&str> =
            data::rows(&data::PROVINCES).iter().filter(|r| r.get("era") == name).map(|r| r.get("name")).collect();
        let of_era: Vec<&Tile> = tiles.iter().filter(|t| t.era == era).collect();
        let names: HashSet<&str> = of_era.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, want, "{name}: the grid's provinces are provinces.tsv's");
        assert_eq!(of_era.len(), want.len(), "{name}: one cell each");
        let cells: HashSet<(u32, u32)> = of_era.iter().map(|t| (t.col, t.row)).collect();
        assert_eq!(cells.len(), of_era.len(), "{name}: no two provinces in one cell");
        // The country runs north to south: Hà Giang's or Lai Châu's row is above Cà Mau's.
        let row = |n: &str| of_era.iter().find(|t| t.name == n).map(|t| t.row).unwrap();
        assert!(row("Lai Châu") < row("Hà Nội") && row("Hà Nội") < row("Đà Nẵng") && row("Đà Nẵng") < row("Cà Mau"));
    }
}

#[test]
fn broken_grid_files_say_where() {
    let cases: &[(&str, &str, Result<usize, GridError>)] = &[
        ("header and a row", "name\tera\tlat\tlon\tcol\trow\tlabel\nHà Nội\told\t21.0\t105.8\t4\t3\tHà|Nội\n", Ok(1)),
        ("comments and blank lines are skipped", "# x\n\nname\tera\tlat\tlon\tcol\trow\tlabel\n", Ok(0)),
        ("no header", "Hà Nội\told\t21.0\t105.8\t4\t3\tHN\n", Err(GridError::Header)),
        ("the old header without labels", "name\tera\tlat\tlon\tcol\trow\n", Err(GridError::Header)),
        (
            "an empty label",
            "name\tera\tlat\tlon\tcol\trow\tlabel\nHà Nội\told\t21\t105\t4\t3\t\n",
            Err(GridError::Row(2)),
        ),
        ("empty file", "", Err(GridError::Header)),
        (
            "an unknown era",
            "name\tera\tlat\tlon\tcol\trow\tlabel\nHà Nội\t1990\t21.0\t105.8\t4\t3\tHà|Nội\n",
            Err(GridError::Row(2)),
        ),
        (
            "a column missing",
            "name\tera\tlat\tlon\tcol\trow\tlabel\nHà Nội\told\t21.0\t105.8\t4\t3\n",
            Err(GridError::Row(2)),
        ),
        (
            "a column too many",
            "name\tera\tlat\tlon\tcol\trow\tlabel\nHà Nội\told\t21\t105\t4\t3\tHN\t9\n",
            Err(GridError::Row(2)),
        ),
        (
            "a cell not a number",
            "name\tera\tlat\tlon\tcol\trow\tlabel\nHà Nội\told\t21.0\t105.8\tA\t3\tHN\n",
            Err(GridError::Row(2)),
        ),
    ];
    for (why, tsv, want) in cases {
        assert_eq!(&read_grid(tsv).map(|t| t.len()), want, "{why}");
    }
}

fn meeting_in(source: &str, province: &str, today: &str) -> Record {
    Record {
        source: Some(source.into()),
        province: Some(province.into()),
        province_today: Some(today.into()),
        meetings: vec![Meeting { date: Some("2025-08-01".into()), kind: "giao ban".into(), ..Meeting::default() }],
        ..Record::default()
    }
}

#[test]
fn meetings_count_on_their_cell_in_either_era() {
    let tiles = grid();
    let merged = merge(&[
        meeting_in("a", "Hà Giang", "Tuyên Quang"),
        meeting_in("b", "Tuyên Quang", "Tuyên Quang"),
        // Written the 2025 way: the old grid has no `Huế`, the unit that became it has a cell.
        meeting_in("c", "Huế", "Huế"),
    ]);
    let written = meetings_by_province(&merged, &tiles, Era::Written);
    let count = |m: &std::collections::HashMap<Option<String>, usize>, n: &str| m.get(&Some(n.to_string())).copied();
    assert_eq!(count(&written, "Hà Giang"), Some(1));
    assert_eq!(count(&written, "Tuyên Quang"), Some(1));
    assert_eq!(count(&written, "Thừa Thiên Huế"), Some(1));
    assert_eq!(written.get(&None), None);
    let today = meetings_by_province(&merged, &tiles, Era::Today);
    assert_eq!(count(&today, "Tuyên Quang"), Some(2));
    assert_eq!(count(&today, "Huế"), Some(1));
}
