//! Records made by `extract` from the fuzz input, split into several articles at NUL bytes
//! (at most 8), then merged; the CSV exports are built from the result too.
#![no_main]
use hoinghi_core::{extract, Date};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let records: Vec<_> = data
        .split(|&b| b == 0)
        .take(8)
        .enumerate()
        .map(|(i, part)| {
            let text = String::from_utf8_lossy(part);
            // Alternate: no date, and a date per article, so year-less dates resolve differently.
            let published = if i % 2 == 1 { Date::new(2020 + i as i32, 1 + i as u32, 10) } else { None };
            let mut r = extract(&text, published);
            // Two articles may share a source name: the host can be given the same file twice.
            r.source = Some(format!("bai{}.txt", i % 5));
            r
        })
        .collect();
    let merged = hoinghi_merge::merge(&records);
    let _ = hoinghi_merge::people_csv(&merged);
    let _ = hoinghi_merge::positions_csv(&merged);
    let _ = hoinghi_merge::meetings_csv(&merged);
    let _ = hoinghi_merge::documents_csv(&merged);
});
