//! Stage 8, province: the province or centrally-run city the article is about.
//!
//! Evidence is weighed: an outlet marker (`TTH.VN`, `baokontum.com.vn`) or the portal's own
//! name in the header counts most, then a headline prefix (`Kon Tum: ...`), the headline, a
//! named unit in the body (`tỉnh X`, `Tỉnh ủy X`, `điểm cầu X`), then a bare mention. The
//! province is the one with clearly the most weight; `None` when nothing or no one stands out
//! (a national meeting that names several provinces in passing).

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use crate::data::TextList;

use crate::calendar::Date;
use crate::furniture::Layout;
use crate::people::may_start_place;
use crate::places::{outlet_mentions, province_mentions, Era, Province};
use crate::tokens::{Cursor, Token};

/// Title-cases an ALL-CAPS line, so `ĐẢNG BỘ TỈNH BÌNH ĐỊNH` reads as names do.
/// Words that end the lower-cased text before a province's name when the article names the province itself
/// (`text_lists.tsv` list `province_lead`: `tỉnh`, `tỉnh ủy`, `ubnd tỉnh`).
static PROVINCE_LEADS: LazyLock<Vec<String>> =
    LazyLock::new(|| TextList::ProvinceLead.phrases().map(str::to_lowercase).collect());

/// A unit under a province followed by a space (`text_lists.tsv` list `local_unit`: `quận `, `thị xã `), looked for in the text
/// before a province's name after a comma.
static LOCAL_UNITS: LazyLock<Vec<String>> =
    LazyLock::new(|| TextList::LocalUnit.phrases().map(|w| format!("{} ", w.to_lowercase())).collect());

fn title_case(line: &str) -> String {
    if line.chars().any(char::is_lowercase) {
        return line.to_string();
    }
    line.split(' ')
        .map(|w| {
            let lower = w.to_lowercase();
            let mut c = lower.chars();
            c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
        })
        .collect::<Vec<String>>()
        .join(" ")
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn weigh(scores: &mut HashMap<&'static str, (u32, &'static Province)>, p: &'static Province, w: u32) {
    scores.entry(p.name).or_insert((0, p)).0 += w;
}

/// The article's province, if one stands out.
#[inline(never)] // a stage of `extract_with_progress`: see there why
pub fn province(
    text: &str,
    layout: &Layout,
    tokens: &[Token],
    sentences: &[Range<usize>],
    published: Option<Date>,
) -> Option<&'static Province> {
    let mut scores: HashMap<&'static str, (u32, &'static Province)> = HashMap::new();
    // Outlet markers stand at the edges: the header, the lead's first words, the byline and after.
    let lead_end = floor_boundary(text, (layout.body.start + 300).min(layout.body.end));
    let tail_start = floor_boundary(text, layout.body.end.saturating_sub(400).max(lead_end));
    for edge in [0..lead_end, tail_start..text.len()] {
        for (_, p) in outlet_mentions(&text[edge]) {
            weigh(&mut scores, p, 6);
        }
    }
    if let Some(head) = &layout.head {
        for line in text[head.clone()].lines() {
            for (_, p) in province_mentions(&title_case(line)) {
                weigh(&mut scores, p, 6);
            }
        }
    }
    if let Some(title) = &layout.title {
        let line = title_case(&text[title.clone()]);
        let prefix = line.split_once(':').map(|(p, _)| p.to_string());
        for (r, p) in province_mentions(&line) {
            let is_prefix = prefix.as_ref().is_some_and(|pre| r.end <= pre.len() && pre.trim().chars().count() < 30);
            weigh(&mut scores, p, if is_prefix { 6 } else { 3 });
        }
    }
    // Only sentences with a word that may start a province name are scanned.
    let mut cursor = Cursor::new(tokens);
    for sentence in sentences {
        let tokens = cursor.within(sentence);
        if !(0..tokens.len()).any(|i| may_start_place(tokens, i)) {
            continue;
        }
        let slice = &text[sentence.clone()];
        let preceding = &text[layout.body.start.min(sentence.start)..sentence.start];
        for (r, p) in province_mentions(slice) {
            let before = format!("{} {}", crate::dates::tail(preceding, 48), &slice[..r.start]);
            let before = crate::dates::tail(&before, 48).trim_end().to_lowercase();
            let named_unit = PROVINCE_LEADS.iter().any(|w| before.ends_with(w.as_str()));
            // "quận Ba Đình, Hà Nội": a place given with its province.
            let tail: String = before.chars().rev().take(30).collect::<Vec<_>>().into_iter().rev().collect();
            let named_unit =
                named_unit || (before.ends_with(',') && LOCAL_UNITS.iter().any(|w| tail.contains(w.as_str())));
            weigh(&mut scores, p, if named_unit { 2 } else { 1 });
        }
    }
    // "Huế" (today's city) in an article that also names "Thừa Thiên Huế" (the province of its day) is the same place:
    // one name takes the other's weight. An article published after the 1 July 2025 merger calls it by today's unit
    // when its text does (an outlet keeps its old name, "Báo Thừa Thiên Huế", over "TP. Huế" in every line); an
    // older one, or one of unknown date, by the province of its day.
    let after_merger = published.is_some_and(|d| Date::new(2025, 7, 1).is_some_and(|merger| d >= merger));
    let new_units: Vec<&'static str> =
        scores.values().filter(|(_, p)| p.era == Era::Merged2025).map(|(_, p)| p.name).collect();
    for unit in new_units {
        let olds: Vec<&'static str> = scores
            .values()
            .filter(|(_, p)| p.era != Era::Merged2025 && p.today == unit && p.name != unit)
            .map(|(_, p)| p.name)
            .collect();
        if after_merger {
            for old in olds {
                if let Some((moved, _)) = scores.remove(old) {
                    scores.get_mut(unit).expect("present").0 += moved;
                }
            }
        } else if let Some(old) = olds.into_iter().max_by_key(|old| scores[old].0) {
            if let Some((moved, _)) = scores.remove(unit) {
                scores.get_mut(old).expect("present").0 += moved;
            }
        }
    }
    let mut ranked: Vec<(u32, &'static Province)> = scores.into_values().collect();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.name.cmp(b.1.name)));
    let (top, p) = *ranked.first()?;
    let second = ranked.get(1).map_or(0, |r| r.0);
    (top >= 2 && top >= 2 * second.max(1) && top > second).then_some(p)
}
