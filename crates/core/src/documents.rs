//! Stage 7, documents: citations such as `Chỉ thị số 33/CT-TTg, ngày 26/11/2021 của Thủ tướng Chính phủ`.
//!
//! A citation is a kind from `data/document_kinds.tsv`, an optional `số`, a number as written
//! (with `/` and `-` codes), then optionally its date and `của` its issuer. A bare number with a
//! known symbol (`số 150-CTr/BDVTU`) is a citation too, its kind read from the symbol, and so is
//! a second number listed after the first (`Quyết định 935, 936`). The issuer, when the text does
//! not name it, comes from the code in the number (`TTg` → Thủ tướng Chính phủ).

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::dates::{date_mentions, resolve};
use crate::lexicon::{folded_tokens, PhraseIndex, DOCUMENT_ISSUERS, DOCUMENT_KINDS};
use crate::record::Document;
use crate::spans::CharIndex;
use crate::tokens::{within, Token};

/// Document kinds by their folded words, as an index into `DOCUMENT_KINDS`. Kinds are found among
/// the tokens (the words `Quyết định`, `Kế hoạch` are everywhere in this genre, and a regex over the
/// whole text with every kind in every case cost more than the rest of the stage).
static KIND_PHRASES: LazyLock<PhraseIndex<usize>> =
    LazyLock::new(|| PhraseIndex::new(DOCUMENT_KINDS.iter().enumerate().map(|(i, (k, _))| (folded_tokens(k), i))));
/// What follows a kind in a citation: a qualifier, `số`, then the number as written.
static AFTER_KIND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?: (?:liên tịch|khẩn|hỏa tốc|mật|của [^\d,.;]{2,40}?))?(?: (số))? ?(\d{1,5}(?:[/\-][\p{L}\d&]+)*)",
    )
    .unwrap()
});
static BARE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)(\d{1,5})([/\-])([A-ZĐ][\p{L}]{0,5})([/\-][\p{L}\d&]+)+").unwrap());
static ISSUER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:,\s*)?(?:ban hành\s+)?(?:ngày [\d/.\- ]{3,12}(?:tháng \d{1,2} năm \d{4})?\s*)?(?:,\s*)?của ((?:[^,;.“”\x22():\n]|\.\S)+?)(?:\s+(?:về|khóa|ban hành|nhằm|quy định|hướng dẫn|tại|là|đã|thì|mà|còn|cũng|đang|sẽ|có|được|cho)(?:\W|$)|\s+và\s+\p{Ll}|[,;“”\x22():\n]|\.(?:\s|$)|$)").unwrap()
});
/// The issuer ends at punctuation, a line break or a closing bracket, at a verb or function word, or at `và` before
/// a lower-case word (`của Bộ Chính trị và kết quả kiểm điểm`); a dot inside a word stays (`Ban Chấp hành T.Ư`).
/// Word ends are `(?:\W|$)`, not `\b`: a Unicode word boundary keeps a regex off its fast engine on Vietnamese text.
static NEXT_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:,| và) (\d{1,5}(?:[/\-][\p{L}\d&]+)*)(?:\W|$)").unwrap());

/// Words after a plain number that make it a quantity, not a document number (`kế hoạch 5 năm`).
const UNITS: [&str; 16] = [
    "năm", "tháng", "ngày", "người", "tỷ", "triệu", "nghìn", "ngàn", "%", "điểm", "lần", "nhóm", "nội", "mục", "giải",
    "khóa",
];

fn kind_for_symbol(symbol: &str) -> Option<&'static str> {
    DOCUMENT_KINDS.iter().find(|(_, s)| !s.is_empty() && s.eq_ignore_ascii_case(symbol)).map(|(k, _)| *k)
}

/// The issuer named by the last code of a number (`33/CT-TTg` → `TTg`, `01-KL/TW` → `TW`).
/// A joint symbol (`150-CTr/BCSĐUBND-BDVTU`, two issuers) names none on its own.
fn issuer_for_number(number: &str) -> Option<&'static str> {
    let tail = number.rsplit('/').next()?;
    let codes: Vec<&str> =
        tail.split('-').filter(|c| kind_for_symbol(c).is_none() && !c.chars().all(|ch| ch.is_ascii_digit())).collect();
    match codes.as_slice() {
        [code] => DOCUMENT_ISSUERS.get(code).copied(),
        _ => None,
    }
}

/// Whether the words of a kind are written with one space between them, as the lexicon has them.
fn spaced_by_one(text: &str, words: &[Token]) -> bool {
    words.windows(2).all(|w| &text[w[0].range.end..w[1].range.start] == " ")
}

/// The end of a window of about `len` bytes from `from`, within `text[..limit]` and on a char boundary.
fn window_end(text: &str, from: usize, len: usize, limit: usize) -> usize {
    ((from + len).min(limit)..=limit).find(|&e| text.is_char_boundary(e)).unwrap_or(limit)
}

fn is_quantity(after: &str) -> bool {
    let next = after.split_whitespace().next().unwrap_or("");
    UNITS.contains(&next.to_lowercase().trim_end_matches([',', '.']))
}

fn date_and_issuer(text: &str, after: usize, limit: usize) -> (Option<String>, Option<String>) {
    let window_end = window_end(text, after, 120, limit);
    let window = &text[after..window_end];
    let date = date_mentions(text, after..window_end)
        .into_iter()
        .find(|m| m.range.start - after <= 12 && m.year.is_some())
        .and_then(|m| resolve(&m, None))
        .map(|d| d.to_string());
    let issuer = ISSUER
        .captures(window)
        .map(|c| c[1].trim().to_string())
        .filter(|s| s.chars().next().is_some_and(char::is_uppercase));
    (date, issuer)
}

/// Keeps the first citation of each number; `seen` holds the keys of those in `out` (a set, so
/// that an article citing thousands of numbers stays linear).
fn push(out: &mut Vec<(Document, Range<usize>)>, seen: &mut HashSet<String>, doc: Document, range: Range<usize>) {
    let key = |n: &str| n.to_uppercase().replace([' ', '-'], "");
    if seen.insert(key(&doc.number)) {
        out.push((doc, range));
    }
}

/// Documents cited in `text[range]`, each with its byte range; `all_tokens` are the text's tokens.
pub fn documents(
    text: &str,
    range: Range<usize>,
    all_tokens: &[Token],
    index: &CharIndex,
) -> Vec<(Document, Range<usize>)> {
    let slice = &text[range.clone()];
    let tokens = within(all_tokens, &range);
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    let mut covered: Vec<Range<usize>> = Vec::new();
    let mut k = 0;
    while k < tokens.len() {
        // A kind, then what follows it; a citation refused below still uses up its words, as a match would.
        let Some((n, kind)) =
            KIND_PHRASES.longest_at(tokens, k).filter(|(n, _)| spaced_by_one(text, &tokens[k..k + n]))
        else {
            k += 1;
            continue;
        };
        // Most kinds in running text cite nothing ("kế hoạch đề ra"): only a number or a word that leads to one may follow.
        let leads_to_number = tokens.get(k + n).is_some_and(|t| {
            t.folded.starts_with(|c: char| c.is_ascii_digit())
                || matches!(t.folded.as_str(), "số" | "của" | "liên" | "khẩn" | "hỏa" | "mật")
        });
        if !leads_to_number {
            k += 1;
            continue;
        }
        let kind_start = tokens[k].range.start - range.start;
        let kind_end = tokens[k + n - 1].range.end - range.start;
        // A citation's tail is short: the regex sees a window, not the rest of the article (its
        // captures engine clears memory in proportion to what it is given).
        let window_end = window_end(slice, kind_end, 320, slice.len());
        let Some(c) = AFTER_KIND.captures(&slice[kind_end..window_end]) else {
            k += 1;
            continue;
        };
        let whole = kind_start..kind_end + c.get(0).map_or(0, |m| m.end());
        k += tokens[k..].partition_point(|t| t.range.start < range.start + whole.end);
        if slice[..whole.start].chars().next_back().is_some_and(char::is_alphanumeric) {
            continue;
        }
        let written_kind = &slice[kind_start..kind_end];
        let number = c[2].trim_end_matches(['-', '/']).to_string();
        let has_so = c.get(1).is_some();
        let has_code = number.contains(['/', '-']);
        let capitalised = written_kind.starts_with(char::is_uppercase);
        let after = &slice[whole.end..];
        if !has_so
            && !has_code
            && (!capitalised || is_quantity(after) || number.parse::<u32>().is_ok_and(|n| (1900..2100).contains(&n)))
        {
            continue;
        }
        if after.starts_with(|ch: char| ch.is_alphanumeric()) {
            continue;
        }
        let start = range.start + whole.start;
        let end = range.start + whole.end;
        let (date, issuer) = date_and_issuer(text, end, range.end);
        let kind = DOCUMENT_KINDS[kind].0;
        let issuer = issuer.or_else(|| issuer_for_number(&number).map(String::from));
        push(
            &mut out,
            &mut seen,
            Document {
                kind: Some(kind.to_string()),
                number: number.clone(),
                date,
                issuer: issuer.clone(),
                span: index.span(start..end),
            },
            start..end,
        );
        covered.push(start..end);
        // "Quyết định 935, 936" / "Quyết định 935 và Quyết định 936" (the second is its own match).
        let mut at = whole.end;
        while let Some(n) = NEXT_NUMBER.captures(&slice[at..]) {
            let m = n.get(1).unwrap();
            let num = m.as_str().to_string();
            if is_quantity(&slice[at + m.end()..]) {
                break;
            }
            let s = range.start + at + m.start();
            let e = range.start + at + m.end();
            push(
                &mut out,
                &mut seen,
                Document {
                    kind: Some(kind.to_string()),
                    number: num,
                    date: None,
                    issuer: issuer.clone(),
                    span: index.span(s..e),
                },
                s..e,
            );
            covered.push(s..e);
            at += m.end();
        }
    }
    // Disjoint and sorted, for a binary search per bare number (linear scans were quadratic).
    covered.sort_by_key(|r| r.start);
    let mut disjoint: Vec<Range<usize>> = Vec::with_capacity(covered.len());
    for r in covered {
        match disjoint.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => disjoint.push(r),
        }
    }
    for c in BARE.captures_iter(slice) {
        let whole = c.get(0).unwrap();
        let start = range.start + whole.start();
        let i = disjoint.partition_point(|r| r.start <= start);
        if i > 0 && start < disjoint[i - 1].end {
            continue;
        }
        let Some(kind) = kind_for_symbol(&c[3]) else { continue };
        let number = whole.as_str().to_string();
        let end = range.start + whole.end();
        let (date, issuer) = date_and_issuer(text, end, range.end);
        let issuer = issuer.or_else(|| issuer_for_number(&number).map(String::from));
        push(
            &mut out,
            &mut seen,
            Document { kind: Some(kind.to_string()), number, date, issuer, span: index.span(start..end) },
            start..end,
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docs(text: &str) -> Vec<(String, String, Option<String>, Option<String>)> {
        let index = CharIndex::new(text);
        let tokens = crate::tokens::tokenize(text, 0..text.len());
        documents(text, 0..text.len(), &tokens, &index)
            .into_iter()
            .map(|(d, _)| (d.kind.unwrap_or_default(), d.number, d.date, d.issuer))
            .collect()
    }

    #[test]
    fn citation_table() {
        let s = |x: &str| Some(x.to_string());
        // (text, [(kind, number, date, issuer)])
        type Expected<'a> = Vec<(&'a str, &'a str, Option<String>, Option<String>)>;
        let cases: Vec<(&str, Expected)> = vec![
            (
                "thực hiện Chỉ thị số 33/CT-TTg, ngày 26/11/2021 của Thủ tướng Chính phủ về “Tiếp tục",
                vec![("Chỉ thị", "33/CT-TTg", s("2021-11-26"), s("Thủ tướng Chính phủ"))],
            ),
            (
                "Kết luận số 01-KL/TW, ngày 18-5-2021 của Bộ Chính trị về tiếp tục",
                vec![("Kết luận", "01-KL/TW", s("2021-05-18"), s("Bộ Chính trị"))],
            ),
            (
                "Chương trình phối hợp số 150-CTr/BCSĐUBND-BDVTU, ngày 21-4-2017 giữa",
                vec![("Chương trình phối hợp", "150-CTr/BCSĐUBND-BDVTU", s("2017-04-21"), None)],
            ),
            ("thắng lợi Nghị quyết 54 của Bộ Chính trị, đưa", vec![("Nghị quyết", "54", None, s("Bộ Chính trị"))]),
            (
                "quyết định số 1193 ngày 6/4/2015 của UBND tỉnh Quảng Nam về việc",
                vec![("Quyết định", "1193", s("2015-04-06"), s("UBND tỉnh Quảng Nam"))],
            ),
            (
                "nội dung chính của Quyết định 935 và Quyết định 936, nêu",
                vec![("Quyết định", "935", None, None), ("Quyết định", "936", None, None)],
            ),
            (
                "việc ban hành các Quyết định 935, 936 có ý nghĩa",
                vec![("Quyết định", "935", None, None), ("Quyết định", "936", None, None)],
            ),
            ("kế hoạch 5 năm 2001-2005, cần", vec![]),
            ("Kế hoạch năm 2024 và Luật Dân chủ", vec![]),
            ("công văn số 304/VPCP thông báo", vec![("Công văn", "304/VPCP", None, s("Văn phòng Chính phủ"))]),
            // The issuer ends at a line break (a headline often follows without a full stop).
            (
                "Chỉ thị 05-CT/TW của Bộ Chính trị\nSáng 18/5, hội nghị",
                vec![("Chỉ thị", "05-CT/TW", None, s("Bộ Chính trị"))],
            ),
        ];
        for (text, want) in cases {
            let want: Vec<_> = want.into_iter().map(|(k, n, d, i)| (k.to_string(), n.to_string(), d, i)).collect();
            assert_eq!(docs(text), want, "{text}");
        }
    }
}
