//! Stage 2, strip furniture: find where the article is inside what the user pasted.
//!
//! Portal greetings and section names come before the headline; share and
//! comment boxes and related-article lists (whose teasers carry meetings and
//! officials of their own) come after the body. Nothing is deleted: the stage
//! returns the ranges of the title and the body, and later stages read only those.

use std::ops::Range;
use std::sync::LazyLock;

use crate::dates::{self, DateLine};
use crate::fold::fold;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Where {
    Head,
    Tail,
}

struct Phrase {
    folded: String,
    place: Where,
    whole: bool,
}

static PHRASES: LazyLock<Vec<Phrase>> = LazyLock::new(|| {
    crate::data::rows(&crate::data::FURNITURE)
        .iter()
        .map(|r| Phrase {
            folded: fold(r.get("phrase")),
            place: if r.get("where") == "head" { Where::Head } else { Where::Tail },
            whole: r.get("match") == "whole",
        })
        .collect()
});

/// Where the article is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// Every non-empty line, trimmed.
    pub lines: Vec<Range<usize>>,
    pub title: Option<Range<usize>>,
    pub date_line: Option<DateLine>,
    /// Lines before the title that are site furniture (greeting, section); the province may show there.
    pub head: Option<Range<usize>>,
    /// From the first line after the title (or date line) to the end of the body.
    pub body: Range<usize>,
}

fn matches(line: &str, place: Where) -> bool {
    // Furniture phrases are short: only a line's first words need folding.
    let line = line.trim();
    // Every line of the body is asked: one whose folded first char starts no phrase is none, told without folding
    // its words. That char is the line's first folded alone, but for an initial `o` or `u`, which a tone moving
    // to the first vowel (`oà` → `òa`) can change: those lines go the long way.
    if let Some(c) = line.chars().next() {
        let first = fold(&line[..c.len_utf8()]).chars().next();
        let starts_one =
            |f: char| PHRASES.iter().any(|p| p.place == place && (p.folded.is_empty() || p.folded.starts_with(f)));
        if first.is_some_and(|f| !matches!(f, 'o' | 'u') && !starts_one(f)) {
            return false;
        }
    }
    let head = match line.char_indices().nth(48) {
        Some((i, _)) => &line[..i],
        None => line,
    };
    let folded_colon = fold(head);
    let folded = folded_colon.trim_end_matches(':');
    PHRASES.iter().filter(|p| p.place == place).any(|p| {
        if p.whole {
            folded == p.folded || folded_colon == p.folded
        } else {
            folded_colon.starts_with(&p.folded)
        }
    })
}

/// Non-empty lines of the text, trimmed.
pub fn lines(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    // A byte scan: `\n` never occurs inside another character's UTF-8.
    let breaks = text.bytes().enumerate().filter(|(_, b)| *b == b'\n').map(|(i, _)| i);
    for i in breaks.chain(std::iter::once(text.len())) {
        let s = &text[start..i];
        let lead = s.len() - s.trim_start().len();
        let trimmed = s.trim();
        if !trimmed.is_empty() {
            out.push(start + lead..start + lead + trimmed.len());
        }
        start = i + 1;
    }
    out
}

/// A related-article line as news sites list them: a headline ending in its date, `... (04/04/2005)`.
fn is_dated_teaser(line: &str) -> bool {
    let t = line.trim_end();
    t.ends_with(')') && t.len() > 14 && {
        let inner = &t[t.rfind('(').unwrap_or(0)..];
        inner.len() <= 14 && inner.chars().filter(char::is_ascii_digit).count() >= 6
    }
}

/// Whether a line before the date line may be the title: a sapo (a sentence, ending in a full stop) may not.
fn may_be_title(line: &str) -> bool {
    !line.trim_end().ends_with('.')
}

/// Where the body starts after the title (or date line) at `after`: past the outlet's name and the site's
/// stamp or meta lines that stand just there (baomoi: `Báo Cao Bằng`, then `9 giờ trước 383 liên quan Gốc`).
fn past_stamps(text: &str, lines: &[Range<usize>], after: usize, date_index: Option<usize>) -> usize {
    let mut first = after;
    for j in after..(after + 3).min(lines.len()) {
        let line = &text[lines[j].clone()];
        if Some(j) == date_index || dates::is_relative_stamp(line) || dates::stamp(line).is_some() {
            first = j + 1;
        } else if line.chars().count() > 60 {
            // A sentence: the body has begun.
            break;
        }
    }
    first
}

/// Finds the title, date line, head furniture and body.
#[inline(never)] // a stage of `extract_with_progress`: see there why
pub fn layout(text: &str) -> Layout {
    let lines = lines(text);
    let mut date_line = dates::find_date_line(text, &lines);
    let date_index = date_line.as_ref().and_then(|d| lines.iter().position(|l| *l == d.line));

    // Head: greeting and section lines at the very top.
    let mut first = 0;
    while first < lines.len().min(4) && matches(&text[lines[first].clone()], Where::Head) {
        first += 1;
    }
    // The title: with a date line among the first lines, the longest line before it that is not a sapo
    // (section names are short), or the first line after it when it comes first; otherwise the first line.
    let title_index = match date_index {
        Some(d) if d > first => {
            let titles = || (first..d).filter(|&i| may_be_title(&text[lines[i].clone()]));
            let pick = if titles().next().is_some() { titles().max_by_key(|&i| lines[i].len()) } else { None };
            pick.or_else(|| (first..d).max_by_key(|&i| lines[i].len()))
        }
        Some(d) => (d + 1 < lines.len()).then_some(d + 1),
        None => (first < lines.len()).then_some(first),
    };
    let top = [title_index, date_index].into_iter().flatten().min().unwrap_or(first);
    let head = (top > 0).then(|| lines[0].start..lines[top - 1].end);
    // The body follows the title and date line; a date line below a sapo leaves the sapo in the body.
    let after = match (title_index, date_index) {
        (Some(t), Some(d)) if d > t + 1 => t + 1,
        _ => [title_index, date_index].iter().flatten().max().map_or(first, |i| i + 1),
    };
    let body_first = past_stamps(text, &lines, after, date_index);

    // Tail: the first furniture line after the body has started, or a run of dated teasers.
    let mut last = lines.len();
    for i in body_first..lines.len() {
        let line = &text[lines[i].clone()];
        if matches(line, Where::Tail) {
            last = i;
            break;
        }
        if is_dated_teaser(line) && lines[i + 1..].iter().take(1).all(|l| is_dated_teaser(&text[l.clone()])) {
            last = i;
            break;
        }
    }
    // No date line at the top: one may close the article (`Nguồn: ..., ngày 2/11/2025`).
    if date_line.is_none() && body_first < last {
        date_line = dates::find_closing_date_line(text, &lines[body_first..last]);
    }
    let body = match (lines.get(body_first), last.checked_sub(1).and_then(|l| lines.get(l))) {
        (Some(a), Some(b)) if body_first < last => a.start..b.end,
        _ => text.len()..text.len(),
    };
    Layout { title: title_index.map(|i| lines[i].clone()), date_line, head, body, lines }
}

/// The body's first sentence without the outlet's place line that was glued to it (`TP HCMTừ 0h ngày 14/4 ...`,
/// `Hà NộiThứ trưởng ...`, `Bình PhướcÔng Lưu Văn Thanh ...`; the normaliser has split the glue, so the sentence reads
/// `TP HCM Từ 0h ...`): a province's name, then a capitalised word that starts the sentence. The place is furniture,
/// as the outlet's name is, not the subject of the sentence. Only the body's first sentence, where sources put it.
pub fn past_place_label(text: &str, sentence: Range<usize>) -> Range<usize> {
    let head = &text[sentence.clone()];
    // The longest run of words before a capitalised word that names a province (`Thừa Thiên - Huế`, not `Thừa`).
    let mut found = None;
    for (i, _) in head.match_indices(' ').take_while(|&(i, _)| i < 40) {
        let next = &head[i + 1..];
        let capitalised = next.starts_with(char::is_uppercase) && next.chars().nth(1).is_some_and(char::is_lowercase);
        if capitalised && crate::places::province_named(&head[..i]).is_some() {
            found = Some(i + 1);
        }
    }
    match found {
        Some(i) => sentence.start + i..sentence.end,
        None => sentence,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (what it guards, text, title, body, start of the head furniture)
    const CASES: [(&str, &str, &str, &str, Option<&str>); 6] = [
        (
            "greeting and section before an all-caps headline; share box and related list after the body",
            "CHÀO MỪNG ĐẾN VỚI TRANG\n\nCác ban\nHỘI NGHỊ GIAO BAN CÔNG TÁC DÂN VẬN\nThứ hai 17/06/2024 17:01\n\nChiều ngày 17/6/2024, Ban tổ chức.\nĐoạn hai.\n\nGửi cho bạn bè\nXem nhiều nhất\nTeaser",
            "HỘI NGHỊ GIAO BAN CÔNG TÁC DÂN VẬN",
            "Chiều ngày 17/6/2024, Ban tổ chức.\nĐoạn hai.",
            Some("CHÀO MỪNG"),
        ),
        (
            "no date line; related articles listed with their dates",
            "Tiêu đề bài\nThân bài một.\nBộ VHTT đề nghị dừng dự án(04/04/2005)\nThừa Thiên Huế xin tiếp tục(18/03/2005)",
            "Tiêu đề bài",
            "Thân bài một.",
            None,
        ),
        (
            "date line first, headline after it; the outlet's byline stays in the body",
            "Thứ Tư, 8/5/2024\nKon Tum: Ban Dân vận\n\nĐồng chí Y Ngọc chủ trì.\n(baokontum.com.vn)\n\nGửi cho bạn bè",
            "Kon Tum: Ban Dân vận",
            "Đồng chí Y Ngọc chủ trì.\n(baokontum.com.vn)",
            None,
        ),
        (
            "baomoi: the instant first, then title, outlet and the meta line, which are not the body",
            "2025-11-02T09:54:41.000Z\n\nHội nghị công bố quyết định\n\nBáo Cao Bằng\n\n9 giờ trước 383 liên quan Gốc\n\nSáng 2/11, Tỉnh ủy tổ chức hội nghị.",
            "Hội nghị công bố quyết định",
            "Sáng 2/11, Tỉnh ủy tổ chức hội nghị.",
            None,
        ),
        (
            "the date line under the sapo: the title is not the sapo, and the sapo stays in the body",
            "Tiêu đề ngắn\nSáng 2/11, Tỉnh ủy tổ chức hội nghị công bố các quyết định về công tác cán bộ.\nThứ hai, 02/11/2025 10:05\nĐoạn hai.",
            "Tiêu đề ngắn",
            "Sáng 2/11, Tỉnh ủy tổ chức hội nghị công bố các quyết định về công tác cán bộ.\nThứ hai, 02/11/2025 10:05\nĐoạn hai.",
            None,
        ),
        (
            "an older baomoi page: title, outlet, then the date with its counts",
            "Hội nghị công bố quyết định\nBáo Cao Bằng\n24/10/2025 29 liên quan Gốc\nSáng 24/10, Tỉnh ủy tổ chức hội nghị.",
            "Hội nghị công bố quyết định",
            "Sáng 24/10, Tỉnh ủy tổ chức hội nghị.",
            None,
        ),
    ];

    #[test]
    fn layout_table() {
        for (what, text, title, body, head) in CASES {
            let l = layout(text);
            assert_eq!(l.title.clone().map(|t| &text[t]), Some(title), "{what}");
            assert_eq!(&text[l.body.clone()], body, "{what}");
            assert_eq!(
                l.head.clone().map(|h| text[h].starts_with(head.unwrap_or("\u{0}"))),
                head.map(|_| true),
                "{what}"
            );
        }
    }
}
