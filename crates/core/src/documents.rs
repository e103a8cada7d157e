//! Stage 7, documents: citations such as `Chỉ thị số 33/CT-TTg, ngày 26/11/2021 của Thủ tướng Chính phủ`.
//!
//! A citation is a kind from `data/document_kinds.tsv`, an optional `số`, a number, then optionally its
//! date and `của` its issuer. Numbers are read as written in the wild: spaces around the separators
//! (`05 - CT/TW`, `18 NQ/ TU`) are left out of the number the record gives. A bare number with a known
//! symbol (`số 150-CTr/BDVTU`) is a citation too, its kind read from the symbol, and so are further
//! numbers listed after the first (`Quyết định 935, 936`), which take the last one's symbol when only
//! it has one (`Nghị quyết số 18, 19-NQ/TW`). A short mention (`Nghị quyết 68`) of a number the article
//! also cites in full (`Nghị quyết số 68-NQ/TW`) is that document, not another. The issuer, when the
//! text does not name it, comes from the codes in the number (`TTg` → Thủ tướng Chính phủ).
//!
//! Everything is read within the range the caller passes (the article): nothing outside it is cited.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::chars::is_word_char;
use crate::data::TextList;
use crate::dates::{mentions_with_year, resolve};
use crate::fasthash::FxHashSet;
use crate::lexicon::{folded_tokens, PhraseIndex, DOCUMENT_ISSUERS, DOCUMENT_KINDS};
use crate::record::Document;
use crate::spans::CharIndex;
use crate::tokens::{within, Token};

/// Document kinds by their folded words, as an index into `DOCUMENT_KINDS`. Kinds are found among
/// the tokens (the words `Quyết định`, `Kế hoạch` are everywhere in this genre, and a regex over the
/// whole text with every kind in every case cost more than the rest of the stage).
static KIND_PHRASES: LazyLock<PhraseIndex<usize>> =
    LazyLock::new(|| PhraseIndex::new(DOCUMENT_KINDS.iter().enumerate().map(|(i, k)| (folded_tokens(k.name), i))));
/// What follows a kind in a citation: a qualifier (`text_lists.tsv` list `kind_qualifier`: `liên tịch`, `khẩn`), `số`, then the
/// first digit of the number (read by [`number_at`]). A `của` qualifier (`Quyết định của UBND tỉnh số 12`) needs
/// the `số`. (`của` and `số` are this rule's own words: the shape of a citation, not a list.)
static AFTER_KIND: LazyLock<Regex> = LazyLock::new(|| {
    let qualifiers = alternation(TextList::KindQualifier);
    Regex::new(&format!(r"(?i)^(?: (?:{qualifiers}|(của [^\d,.;]{{2,40}}?)))?(?: (số))? ?\d")).unwrap()
});
/// The first words of the qualifiers (`liên`, `khẩn`, `hỏa`), and `số`, `của`: a kind followed by none of them
/// (or a digit) cites nothing.
static LEADS_TO_NUMBER: LazyLock<Vec<String>> = LazyLock::new(|| {
    let qualifiers = TextList::KindQualifier.phrases().filter_map(|q| folded_tokens(q).into_iter().next());
    ["số".to_string(), "của".to_string()].into_iter().chain(qualifiers).collect()
});

/// The phrases of `list` as a regex alternation, in the data file's order.
fn alternation(list: TextList) -> String {
    list.phrases().map(regex::escape).collect::<Vec<_>>().join("|")
}
/// Where a number without a kind word may start: digits, a separator (or a space alone), a symbol, a
/// separator; [`number_at`] reads the rest and the symbol must be a kind's.
static BARE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)\d{1,5}(?: ?[/\-] ?| )[A-ZĐ][\p{L}]{0,5} ?[/\-]").unwrap());
/// The issuer ends at punctuation, a line break or a closing bracket, at a verb, conjunction or function word
/// (`của Thủ tướng nhưng lại`, `của UBND tỉnh không`), or at `và` before a number or
/// a lower-case word (`của Bộ Chính trị và kết quả kiểm điểm`); a dot inside a word stays (`Ban Chấp hành T.Ư`).
/// Word ends are `(?:\W|$)`, not `\b`: a Unicode word boundary keeps a regex off its fast engine on Vietnamese text.
/// The words that end it are `text_lists.tsv` list `issuer_end`; `ban hành`, `ngày ... tháng ... năm`, `của`
/// and `và` are the rule's own words (the shape of `ban hành ngày ... của X`), not a list.
static ISSUER: LazyLock<Regex> = LazyLock::new(|| {
    let ends = alternation(TextList::IssuerEnd);
    Regex::new(&format!(r"^\s*(?:,\s*)?(?:ban hành\s+)?(?:ngày [\d/.\- ]{{3,12}}(?:tháng \d{{1,2}} năm \d{{4}})?\s*)?(?:,\s*)?của ((?:[^,;.“”\x22():\n]|\.\S)+?)(?:\s+(?:{ends})(?:\W|$)|\s+và\s+[\p{{Ll}}\d]|[,;“”\x22():\n]|\.(?:\s|$)|$)")).unwrap()
});
/// ISSUER's first two endings, those that start with a space: an `issuer_end` word, or `và` before a number or a
/// lower-case word; anchored, asked at a space inside an issuer by [`issuer_in`].
static ISSUER_END_AT_SPACE: LazyLock<Regex> = LazyLock::new(|| {
    let ends = alternation(TextList::IssuerEnd);
    Regex::new(&format!(r"^(?:\s+(?:{ends})(?:\W|$)|\s+và\s+[\p{{Ll}}\d])")).unwrap()
});

/// The issuer [`ISSUER`] captures in `window` (its group 1), found without its captures engine, which cost a
/// citation more than the rest of its reading. Whether ISSUER matches is asked of its DFA. Its group then starts
/// right after the window's first `của `: the words the pattern allows before `của` (spaces, commas, `ban hành`,
/// `ngày` and a date) hold none. The group takes one char at a time (a dot with the char after it), as few as
/// it can, and ends at the first place one of ISSUER's endings matches: a space that starts an `issuer_end` word
/// or `và` before a lower-case word or a number ([`ISSUER_END_AT_SPACE`]), a char the group may not hold, a dot
/// before a space or the window's end, or the end. (A space can only start one of the first two, a dot only the
/// fourth: the endings never compete.)
fn issuer_in(window: &str) -> Option<&str> {
    if !ISSUER.is_match(window) {
        return None;
    }
    let rest = &window[window.find("của ")? + "của ".len()..];
    let stop = |c: char| matches!(c, ',' | ';' | '“' | '”' | '"' | '(' | ')' | ':' | '\n');
    let mut end = 0;
    loop {
        let here = &rest[end..];
        let mut chars = here.chars();
        let next = chars.next();
        let ends = match next {
            None => true,
            Some(c) if stop(c) => true,
            Some('.') => chars.next().is_none_or(char::is_whitespace),
            Some(c) if c.is_whitespace() => ISSUER_END_AT_SPACE.is_match(here),
            Some(_) => false,
        };
        if ends && end > 0 {
            return Some(&rest[..end]);
        }
        // One more char of the group: a dot takes the char after it, which is no space.
        end += match next? {
            c if stop(c) => return None,
            '.' => 1 + here[1..].chars().next().filter(|n| !n.is_whitespace())?.len_utf8(),
            c => c.len_utf8(),
        };
    }
}

/// Words after a plain number that make it a quantity, not a document number (`text_lists.tsv` list `document_quantity`:
/// `kế hoạch 5 năm`), lower case.
static UNITS: LazyLock<Vec<String>> =
    LazyLock::new(|| TextList::DocumentQuantity.phrases().map(str::to_lowercase).collect());

fn kind_for_symbol(symbol: &str) -> Option<&'static str> {
    DOCUMENT_KINDS.iter().find(|k| !k.symbol.is_empty() && k.symbol.eq_ignore_ascii_case(symbol)).map(|k| k.name)
}

/// The issuer named by the codes of a number. A party number puts its kind before the slash and its issuers
/// after it (`01-KL/TW` → `TW`; `150-CTr/BCSĐUBND-BDVTU` is joint, two issuers, and names none on its own).
/// A state number puts the kind, if any, after the slash, then the issuer, then the drafting unit
/// (`33/CT-TTg` → `TTg`, `657/TTg-CN` → `TTg`, `8188/VPCP-CN` → `VPCP`): Nghị định 30/2020/NĐ-CP.
fn issuer_for_number(number: &str) -> Option<&'static str> {
    let (head, symbol) = number.split_once('/')?;
    let codes =
        symbol.split(['/', '-']).filter(|c| kind_for_symbol(c).is_none() && !c.chars().all(|ch| ch.is_ascii_digit()));
    if head.contains('-') {
        let codes: Vec<&str> = codes.collect();
        match codes.as_slice() {
            [code] => DOCUMENT_ISSUERS.get(code).copied(),
            _ => None,
        }
    } else {
        codes.take(1).find_map(|c| DOCUMENT_ISSUERS.get(c).copied())
    }
}

/// Whether the words of a kind are written with one space between them, as the lexicon has them.
fn spaced_by_one(text: &str, words: &[Token]) -> bool {
    words.windows(2).all(|w| &text[w[0].range().end..w[1].range().start] == " ")
}

/// The end of a window of about `len` bytes from `from`, within `text[..limit]` and on a char boundary.
fn window_end(text: &str, from: usize, len: usize, limit: usize) -> usize {
    ((from + len).min(limit)..=limit).find(|&e| text.is_char_boundary(e)).unwrap_or(limit)
}

/// A word inside a number's symbol: letters, digits and `&` (`KHCN&MT`).
fn is_code_char(c: char) -> bool {
    is_word_char(c) || c == '&'
}

/// A code after a spaced separator must look like one: two capitals (`CT`, `TTg`, `NĐ`) or a year. Text
/// that merely follows a dash (`Chỉ thị 16 - Ảnh`, `quận 1 - TPHCM`) does not continue the number.
fn looks_like_code(code: &str) -> bool {
    let mut chars = code.chars();
    let two_capitals = chars.next().is_some_and(char::is_uppercase) && chars.next().is_some_and(char::is_uppercase);
    two_capitals || (code.len() == 4 && code.bytes().all(|b| b.is_ascii_digit()))
}

/// The separator at the start of `s` and its length: `/` or `-` with a space on either side or none, or a
/// space alone before a kind's symbol and its slash (`18 NQ/ TU`, the party style's `-` left out), given as `-`.
fn separator(s: &str) -> Option<(char, usize)> {
    let lead = usize::from(s.starts_with(' '));
    let rest = &s[lead..];
    if let Some(sep) = rest.chars().next().filter(|c| matches!(c, '/' | '-')) {
        let trail = usize::from(rest[1..].starts_with(' '));
        return Some((sep, lead + 1 + trail));
    }
    if lead == 0 {
        return None;
    }
    let word_len = rest.find(|c: char| !is_code_char(c)).unwrap_or(rest.len());
    let symbol_then_slash =
        kind_for_symbol(&rest[..word_len]).is_some() && rest[word_len..].trim_start_matches(' ').starts_with('/');
    (word_len > 0 && symbol_then_slash).then_some(('-', 1))
}

/// The document number at the start of `s` (`33/CT-TTg`, `05 - CT/TW`, `18 NQ/ TU`): how many bytes of `s` it
/// takes, and the number without its spaces (`05-CT/TW`, `18-NQ/TU`). Spaced separators count only in a
/// symbol with a slash: a dash with spaces around it in running text is punctuation.
fn number_at(s: &str) -> Option<(usize, String)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=5).contains(&digits) {
        return None;
    }
    // A sub-number before the slash: the 2025 series `Nghị quyết 66.7/2025/NQ-CP` (not `15.000`, a thousands dot).
    let sub = s[digits..].strip_prefix('.').map_or(0, |r| {
        let d = r.bytes().take_while(u8::is_ascii_digit).count();
        if (1..=2).contains(&d) && r[d..].starts_with('/') {
            d + 1
        } else {
            0
        }
    });
    let mut number = s[..digits + sub].to_string();
    let mut end = digits + sub;
    // Where the number stood before its first spaced separator, to fall back to.
    let mut unspaced: Option<(usize, usize)> = None;
    while let Some((sep, sep_len)) = separator(&s[end..]) {
        let code_start = end + sep_len;
        let code_len = s[code_start..].find(|c: char| !is_code_char(c)).unwrap_or(s.len() - code_start);
        let code = &s[code_start..code_start + code_len];
        let spaced = sep_len > 1 || s[end..].starts_with(' ');
        if code.is_empty() || (spaced && !looks_like_code(code)) {
            break;
        }
        if spaced && unspaced.is_none() {
            unspaced = Some((end, number.len()));
        }
        number.push(sep);
        number.push_str(code);
        end = code_start + code_len;
    }
    if let Some((e, n)) = unspaced.filter(|_| !number.contains('/')) {
        end = e;
        number.truncate(n);
    }
    Some((end, number))
}

fn is_bare(number: &str) -> bool {
    number.bytes().all(|b| b.is_ascii_digit())
}

/// The number a citation starts with (`68` of `68-NQ/TW`), as a value: `05` and `5` are one. A sub-number
/// (`66.7/2025/NQ-CP`) is its own document, not Nghị quyết 66.
fn leading_number(number: &str) -> Option<u32> {
    let digits = number.bytes().take_while(u8::is_ascii_digit).count();
    if number[digits..].starts_with('.') {
        return None;
    }
    number[..digits].parse().ok()
}

/// Only digits and separators, a day and a month first (`25/10/2017`): a date after a comma, not a listed number.
fn looks_like_date(number: &str) -> bool {
    let parts: Vec<&str> = number.split(['/', '-']).collect();
    let value = |i: usize| parts.get(i).and_then(|p| p.parse::<u32>().ok());
    (2..=3).contains(&parts.len())
        && parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        && value(0).is_some_and(|d| (1..=31).contains(&d))
        && value(1).is_some_and(|m| (1..=12).contains(&m))
}

/// A dot or comma then a digit after the digits read: a figure (`30.000 căn hộ`, `4,3 triệu`), not a number.
fn continues_a_figure(after: &str) -> bool {
    let mut chars = after.chars();
    chars.next().is_some_and(|c| matches!(c, '.' | ',')) && chars.next().is_some_and(|c| c.is_ascii_digit())
}

fn is_quantity(after: &str) -> bool {
    let mut words = after.split_whitespace();
    let next = words.next().unwrap_or("").to_lowercase();
    let next = next.trim_end_matches([',', '.']);
    // `chỉ thị 16 ngày 31/3/2020`: a date follows, the number is the document's (`ngày` before digits is this
    // rule's own shape, not a list).
    if next == "ngày" && words.next().is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit())) {
        return false;
    }
    UNITS.iter().any(|u| u == next)
}

/// A further number listed at `slice[at..]` after a citation's (`, 936`, ` và 49`, `, số 218`, `, 19-NQ/TW`):
/// its range in `slice` and the number.
fn next_listed(slice: &str, at: usize) -> Option<(Range<usize>, String)> {
    let rest = &slice[at..];
    // The list's own joiners (`, `, ` và `, then `số`): the shape of a list of numbers, not a word list.
    let joined = rest.strip_prefix(", ").or_else(|| rest.strip_prefix(" và "))?;
    let number_text = joined.strip_prefix("số ").unwrap_or(joined);
    let start = at + rest.len() - number_text.len();
    let end_limit = window_end(number_text, 0, 120, number_text.len());
    let (len, number) = number_at(&number_text[..end_limit])?;
    let after = &number_text[len..];
    if after.starts_with(is_word_char) || continues_a_figure(after) || looks_like_date(&number) || is_quantity(after) {
        return None;
    }
    Some((start..start + len, number))
}

/// `Nghị quyết số 18, 19-NQ/TW`: numbers listed bare before the last take its symbol (`18-NQ/TW`).
fn share_symbol(list: &mut [(String, Range<usize>)]) {
    let Some((last, _)) = list.last() else { return };
    let digits = last.bytes().take_while(u8::is_ascii_digit).count();
    let symbol = last[digits..].to_string();
    if symbol.is_empty() {
        return;
    }
    for (number, _) in list.iter_mut() {
        if is_bare(number) {
            number.push_str(&symbol);
        }
    }
}

/// Whether a document kind starts among `tokens` (the words of a `của` qualifier): `Kết luận của Phó Thủ tướng
/// tại Văn bản số 219/TB-VPCP` cites the Văn bản, not a Kết luận.
fn names_a_kind(tokens: &[Token]) -> bool {
    (0..tokens.len()).any(|i| KIND_PHRASES.longest_at(tokens, i).is_some())
}

fn date_and_issuer(text: &str, after: usize, limit: usize) -> (Option<String>, Option<String>) {
    let window_end = window_end(text, after, 120, limit);
    let window = &text[after..window_end];
    let date = mentions_with_year(text, after..window_end)
        .into_iter()
        .find(|m| m.range.start - after <= 12 && m.year.is_some())
        .and_then(|m| resolve(&m, None))
        .map(|d| d.to_string());
    let issuer =
        issuer_in(window).map(|s| s.trim().to_string()).filter(|s| s.chars().next().is_some_and(char::is_uppercase));
    (date, issuer)
}

/// Keeps the first citation of each number; `seen` holds the keys of those in `out` (a set, so
/// that an article citing thousands of numbers stays linear).
fn push(out: &mut Vec<(Document, Range<usize>)>, seen: &mut FxHashSet<String>, doc: Document, range: Range<usize>) {
    // Upper case without spaces and dashes, in one pass: no capital is a space or a dash, so dropping them first
    // is the same key, without the second string `to_uppercase().replace(..)` built.
    let key = |n: &str| n.chars().filter(|c| !matches!(c, ' ' | '-')).flat_map(char::to_uppercase).collect::<String>();
    if seen.insert(key(&doc.number)) {
        out.push((doc, range));
    }
}

/// A short mention (`Nghị quyết 68`, `Quyết định số 218`) of a number the article also cites with its symbol
/// (`Nghị quyết số 68-NQ/TW`, `Quyết định số 218-QĐ/TƯ`) and of the same kind is that document: only the full
/// citation stays, taking the short one's date and issuer when it has none. A short mention with no full
/// citation beside it stays as written (`Chỉ thị 16`).
fn merge_short_mentions(found: Vec<(Document, Range<usize>)>) -> Vec<(Document, Range<usize>)> {
    let mut full: HashMap<(&str, u32), usize> = HashMap::new();
    for (i, (doc, _)) in found.iter().enumerate() {
        let (Some(n), Some(kind)) = (leading_number(&doc.number), doc.kind.as_deref()) else { continue };
        if is_bare(&doc.number) {
            continue;
        }
        full.entry((kind, n)).or_insert(i);
        // `Văn bản số 91/TB-VPCP` may come back as `Thông báo 91`: the symbol names the kind too (its first
        // code that is not a year: `30/2014/TT-BTNMT` → TT).
        let symbol = doc.number[doc.number.bytes().take_while(u8::is_ascii_digit).count()..]
            .split(['/', '-'])
            .find(|c| !c.is_empty() && !c.bytes().all(|b| b.is_ascii_digit()));
        if let Some(kind) = symbol.and_then(kind_for_symbol) {
            full.entry((kind, n)).or_insert(i);
        }
    }
    let mut into: Vec<Option<usize>> = vec![None; found.len()];
    for (i, (doc, _)) in found.iter().enumerate() {
        if is_bare(&doc.number) {
            into[i] = doc.kind.as_deref().zip(leading_number(&doc.number)).and_then(|key| full.get(&key).copied());
        }
    }
    let mut found = found;
    for (i, j) in into.iter().enumerate() {
        let Some(j) = *j else { continue };
        let (date, issuer) = (found[i].0.date.clone(), found[i].0.issuer.clone());
        let kept = &mut found[j].0;
        kept.date = kept.date.take().or(date);
        kept.issuer = kept.issuer.take().or(issuer);
    }
    found.into_iter().zip(into).filter(|(_, into)| into.is_none()).map(|(f, _)| f).collect()
}

/// Documents cited in `text[range]`, each with its byte range; `all_tokens` are the text's tokens. First the
/// citations a kind word starts (`Quyết định số 12/QĐ-UBND`), then bare numbers whose symbol names a kind
/// (`33/CT-TTg`) outside them.
#[inline(never)] // a stage of `extract_with_progress`: see there why
pub fn documents(
    text: &str,
    range: Range<usize>,
    all_tokens: &[Token],
    index: &CharIndex,
) -> Vec<(Document, Range<usize>)> {
    let tokens = within(all_tokens, &range);
    let mut found = Citations { text, range, index, out: Vec::new(), seen: FxHashSet::default(), covered: Vec::new() };
    found.after_kinds(tokens);
    found.bare_numbers();
    merge_short_mentions(found.out)
}

/// The citations found in `text[range]` so far.
struct Citations<'a> {
    text: &'a str,
    range: Range<usize>,
    index: &'a CharIndex<'a>,
    out: Vec<(Document, Range<usize>)>,
    /// The numbers found, as [`push`] keys them.
    seen: FxHashSet<String>,
    /// The text the citations after a kind cover: no bare number is read inside it.
    covered: Vec<Range<usize>>,
}

impl Citations<'_> {
    /// A kind, then what follows it: a qualifier, `số`, the number; a list of numbers after it.
    fn after_kinds(&mut self, tokens: &[Token]) {
        let slice = &self.text[self.range.clone()];
        let mut k = 0;
        while k < tokens.len() {
            // A kind, then what follows it; a citation refused below still uses up its words, as a match would.
            let Some((n, kind)) =
                KIND_PHRASES.longest_at(tokens, k).filter(|(n, _)| spaced_by_one(self.text, &tokens[k..k + n]))
            else {
                k += 1;
                continue;
            };
            // Most kinds in running text cite nothing ("kế hoạch đề ra"): only a number or a word that leads to one may follow.
            let leads_to_number = tokens.get(k + n).is_some_and(|t| {
                t.folded().starts_with(|c: char| c.is_ascii_digit())
                    || LEADS_TO_NUMBER.iter().any(|w| *w == t.folded().as_str())
            });
            if !leads_to_number {
                k += 1;
                continue;
            }
            let kind_start = tokens[k].range().start - self.range.start;
            let kind_end = tokens[k + n - 1].range().end - self.range.start;
            // A citation's tail is short: the regex sees a window, not the rest of the article (its
            // captures engine clears memory in proportion to what it is given).
            let window_end = window_end(slice, kind_end, 320, slice.len());
            let Some(c) = AFTER_KIND.captures(&slice[kind_end..window_end]) else {
                k += 1;
                continue;
            };
            let has_so = c.get(2).is_some();
            if let Some(q) = c.get(1) {
                let qualifier = self.range.start + kind_end + q.start()..self.range.start + kind_end + q.end();
                if !has_so || names_a_kind(within(tokens, &qualifier)) {
                    k += 1;
                    continue;
                }
            }
            // The match ends at the number's first digit (one byte).
            let number_start = kind_end + c.get(0).map_or(1, |m| m.end()) - 1;
            let Some((number_len, number)) = number_at(&slice[number_start..window_end]) else {
                k += 1;
                continue;
            };
            let whole = kind_start..number_start + number_len;
            // Past the citation's few words: a scan forward, not a search of the rest of the article's tokens.
            let end = self.range.start + whole.end;
            while k < tokens.len() && tokens[k].range().start < end {
                k += 1;
            }
            if slice[..whole.start].chars().next_back().is_some_and(is_word_char) {
                continue;
            }
            let written_kind = &slice[kind_start..kind_end];
            let (kind, cited_bare) = (DOCUMENT_KINDS[kind].name, DOCUMENT_KINDS[kind].bare);
            let has_code = number.contains(['/', '-']);
            let after = &slice[whole.end..];
            if after.starts_with(is_word_char) || continues_a_figure(after) {
                continue;
            }
            let (date, issuer) = date_and_issuer(self.text, self.range.start + whole.end, self.range.end);
            // A bare number after a kind in lower case that is also a common word (`quyết định 150 hoặc 170`) is
            // cited only when a citation's tail follows it: its date or `của` its issuer (`quyết định 49 (ngày
            // 1/9/2011) của Thủ tướng`, `quy định 345 của Bộ Y tế`).
            let named =
                written_kind.starts_with(char::is_uppercase) || cited_bare || date.is_some() || issuer.is_some();
            if !has_so
                && !has_code
                && (!named || is_quantity(after) || number.parse::<u32>().is_ok_and(|n| (1900..2100).contains(&n)))
            {
                continue;
            }
            self.list(kind, number, whole, date, issuer);
        }
    }

    /// The citation of `number` (at `whole` in the slice, with the date and issuer after it), and the numbers
    /// listed after it ("Quyết định 935, 936"), each a document of `kind`.
    fn list(&mut self, kind: &str, number: String, whole: Range<usize>, date: Option<String>, issuer: Option<String>) {
        let slice = &self.text[self.range.clone()];
        // "Quyết định 935, 936" / "Nghị quyết số 18, 19-NQ/TW" ("Quyết định 935 và Quyết định 936" is two matches).
        let mut list = vec![(number, whole.clone())];
        let mut at = whole.end;
        while let Some((r, listed)) = next_listed(slice, at) {
            at = r.end;
            list.push((listed, r));
        }
        share_symbol(&mut list);
        // What follows the list is said of every number in it ("Quyết định 217, 218 của Bộ Chính trị").
        let (list_date, list_issuer) = match list.len() {
            1 => (None, None),
            _ => date_and_issuer(self.text, self.range.start + at, self.range.end),
        };
        for (i, (number, r)) in list.into_iter().enumerate() {
            let (date, issuer) = match i {
                0 => (date.clone().or(list_date.clone()), issuer.clone().or(list_issuer.clone())),
                _ => (list_date.clone(), list_issuer.clone().or(issuer.clone())),
            };
            let issuer = issuer.or_else(|| issuer_for_number(&number).map(String::from));
            let (s, e) = (self.range.start + r.start, self.range.start + r.end);
            let doc = Document { kind: Some(kind.to_string()), number, date, issuer, span: self.index.span(s..e) };
            self.covered.push(s..e);
            push(&mut self.out, &mut self.seen, doc, s..e);
        }
    }

    /// Bare numbers whose symbol names a kind (`33/CT-TTg`), outside the citations after a kind.
    fn bare_numbers(&mut self) {
        let slice = &self.text[self.range.clone()];
        // Disjoint and sorted, for a binary search per bare number (linear scans were quadratic).
        let mut covered = std::mem::take(&mut self.covered);
        covered.sort_by_key(|r| r.start);
        let mut disjoint: Vec<Range<usize>> = Vec::with_capacity(covered.len());
        for r in covered {
            match disjoint.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => disjoint.push(r),
            }
        }
        let mut from = 0;
        while let Some(m) = BARE.find_at(slice, from) {
            from = m.end();
            let start = self.range.start + m.start();
            let i = disjoint.partition_point(|r| r.start <= start);
            if i > 0 && start < disjoint[i - 1].end {
                continue;
            }
            let limit = window_end(slice, m.start(), 120, slice.len());
            let Some((len, number)) = number_at(&slice[m.start()..limit]) else { continue };
            let mut codes = number.split(['/', '-']).skip(1);
            let kind = codes.next().and_then(kind_for_symbol);
            let (Some(kind), Some(_)) = (kind, codes.next()) else { continue };
            from = from.max(m.start() + len);
            let end = start + len;
            let (date, issuer) = date_and_issuer(self.text, end, self.range.end);
            let issuer = issuer.or_else(|| issuer_for_number(&number).map(String::from));
            push(
                &mut self.out,
                &mut self.seen,
                Document { kind: Some(kind.to_string()), number, date, issuer, span: self.index.span(start..end) },
                start..end,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_random::XorShift;

    /// `issuer_in` finds ISSUER's group 1, on windows made of the pieces its pattern turns on (random, deterministic).
    #[test]
    fn issuer_in_is_the_captured_group() {
        let starts =
            ["", " ", ", ", " ban hành ", " ngày 5/6/2020 ", " ngày 1 tháng 2 năm 2020, ", "  ,  ", " về ", "x "];
        let pieces = [
            "UBND",
            " tỉnh",
            "Thủ tướng",
            " Chính phủ",
            " ",
            "  ",
            ",",
            ".",
            ". ",
            ".X",
            "..",
            "\n",
            "(",
            ")",
            ":",
            ";",
            "“",
            "”",
            "\"",
            " và ",
            " và 5",
            " và x",
            " Và",
            "và",
            " không",
            " khôngx",
            " không,",
            " chủ trì",
            " ban hành",
            " về.",
            "T.Ư",
            "\u{a0}",
            "\u{3000}",
            "\u{a0}và\u{a0}b",
            " của ",
            "của",
            " 12",
            "é",
            " tại",
            "\t",
        ];
        let mut random = XorShift::new(0x2545_f491_4f6c_dd1d);
        let mut found = 0;
        for _ in 0..40_000 {
            let mut window = random.pick(&starts).to_string();
            if !random.next().is_multiple_of(8) {
                window.push_str("của ");
            }
            for _ in 0..random.next() % 10 {
                window.push_str(random.pick(&pieces));
            }
            let want = ISSUER.captures(&window).map(|c| c.get(1).unwrap().as_str());
            assert_eq!(issuer_in(&window), want, "{window:?}");
            found += usize::from(want.is_some());
        }
        assert!(found > 10_000, "{found}");
    }

    /// `issuer_in` tells a space by `char::is_whitespace`, where ISSUER says `\s`: the same chars.
    #[test]
    fn whitespace_is_the_patterns() {
        let space = Regex::new(r"^\s$").unwrap();
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            assert_eq!(c.is_whitespace(), space.is_match(c.encode_utf8(&mut [0; 4])), "{c:?}");
        }
    }

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
            // Spaces around a separator, or a space alone before the symbol, are left out of the number.
            ("Chỉ thị số 05 - CT/TW của Bộ Chính trị về", vec![("Chỉ thị", "05-CT/TW", None, s("Bộ Chính trị"))]),
            (
                "thực hiện Nghị quyết số 15 -NQ/TW, hội nghị",
                vec![("Nghị quyết", "15-NQ/TW", None, s("Ban Chấp hành Trung ương Đảng"))],
            ),
            ("quán triệt Nghị quyết 18 NQ/ TU về", vec![("Nghị quyết", "18-NQ/TU", None, s("Tỉnh ủy"))]),
            ("Nghị định 210/2013/NĐ - CP có hiệu lực", vec![("Nghị định", "210/2013/NĐ-CP", None, s("Chính phủ"))]),
            (
                "công bố Quyết định số 439 - QĐNS/TW ngày 6/2/2017 của Ban Bí thư",
                vec![("Quyết định", "439-QĐNS/TW", s("2017-02-06"), s("Ban Bí thư"))],
            ),
            // A dash with spaces in running text is punctuation, not part of the number.
            ("thực hiện Chỉ thị 16 - Ảnh: TTXVN", vec![("Chỉ thị", "16", None, None)]),
            ("căn cứ 12 - KH/TU của Tỉnh ủy", vec![("Kế hoạch", "12-KH/TU", None, s("Tỉnh ủy"))]),
            // Numbers listed bare before the last take its symbol, and share what follows the list.
            (
                "Nghị quyết số 18, 19-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương về",
                vec![
                    ("Nghị quyết", "18-NQ/TW", s("2017-10-25"), s("Ban Chấp hành Trung ương")),
                    ("Nghị quyết", "19-NQ/TW", s("2017-10-25"), s("Ban Chấp hành Trung ương")),
                ],
            ),
            (
                "Quyết định số 217, số 218 của Bộ Chính trị đã",
                vec![("Quyết định", "217", None, s("Bộ Chính trị")), ("Quyết định", "218", None, s("Bộ Chính trị"))],
            ),
            // A date after a comma is not a listed number.
            (
                "Nghị quyết số 18-NQ/TW, 25/10/2017 về",
                vec![("Nghị quyết", "18-NQ/TW", s("2017-10-25"), s("Ban Chấp hành Trung ương Đảng"))],
            ),
            // A short mention of a number cited in full is that document.
            (
                "triển khai Nghị quyết số 68-NQ/TW của Bộ Chính trị. Nghị quyết 68 mở ra",
                vec![("Nghị quyết", "68-NQ/TW", None, s("Bộ Chính trị"))],
            ),
            (
                "Quyết định số 218 ngày 12-12-2013 của Bộ Chính trị. Quyết định số 218-QĐ/TƯ về",
                vec![("Quyết định", "218-QĐ/TƯ", s("2013-12-12"), s("Ban Chấp hành Trung ương Đảng"))],
            ),
            // A kind that names only a document cites a bare number in lower case; a common word does not.
            ("thực hiện tốt chỉ thị 16 của Thủ tướng nhưng", vec![("Chỉ thị", "16", None, s("Thủ tướng"))]),
            ("Thủ tướng ra chỉ thị 16 ngày 31/3/2020 yêu cầu", vec![("Chỉ thị", "16", s("2020-03-31"), None)]),
            ("theo kế hoạch 800 cửa hàng, quy định 28 ngày, thông báo 5 ca", vec![]),
            ("Chương trình 30.000 căn hộ và Nghị quyết 4,5 tỷ", vec![]),
            // A common word before a bare number cites it when the number's date or issuer follows.
            (
                "ông viện dẫn quyết định 49 (ngày 1/9/2011) của Thủ tướng và quy định 345 của Bộ Y tế",
                vec![("Quyết định", "49", s("2011-09-01"), None), ("Quy định", "345", None, s("Bộ Y tế"))],
            ),
            ("đại hội có thể quyết định 150 hoặc 170 ủy viên", vec![]),
            (
                "Văn bản số 91/TB-VPCP nêu rõ. Thông báo 91 yêu cầu. Nghị quyết 66 và Nghị quyết số 66.7/2025/NQ-CP.",
                vec![
                    ("Văn bản", "91/TB-VPCP", None, s("Văn phòng Chính phủ")),
                    ("Nghị quyết", "66", None, None),
                    ("Nghị quyết", "66.7/2025/NQ-CP", None, s("Chính phủ")),
                ],
            ),
            // Văn bản and Công văn numbers: the issuer is the code after the slash (a kind first, if any).
            (
                "tại văn bản số 657/TTg-CN ngày 22/7/2022 và văn bản số 8188/VPCP-CN ngày 06/12/2022 về",
                vec![
                    ("Văn bản", "657/TTg-CN", s("2022-07-22"), s("Thủ tướng Chính phủ")),
                    ("Văn bản", "8188/VPCP-CN", s("2022-12-06"), s("Văn phòng Chính phủ")),
                ],
            ),
            // A kind inside a `của` qualifier is the one cited.
            (
                "kết luận của Phó Thủ tướng tại Văn bản số 219/TB-VPCP và",
                vec![("Văn bản", "219/TB-VPCP", None, s("Văn phòng Chính phủ"))],
            ),
            (
                "Quyết định của UBND tỉnh số 12/QĐ-UBND về",
                vec![("Quyết định", "12/QĐ-UBND", None, s("Ủy ban nhân dân"))],
            ),
            ("Nghị quyết của Đại hội Đảng toàn quốc lần thứ 13 đã", vec![]),
            (
                "Nghị quyết số 66.7/2025/NQ-CP của Chính phủ và 15.000 hồ sơ",
                vec![("Nghị quyết", "66.7/2025/NQ-CP", None, s("Chính phủ"))],
            ),
        ];
        for (text, want) in cases {
            let want: Vec<_> = want.into_iter().map(|(k, n, d, i)| (k.to_string(), n.to_string(), d, i)).collect();
            assert_eq!(docs(text), want, "{text}");
        }
    }

    /// Text after the range (a sidebar of recent documents) lends nothing: no listed number, no
    /// symbol, no full citation for a short mention, no date or issuer.
    #[test]
    fn stays_within_the_range() {
        let article = "Thực hiện Nghị quyết số 18";
        let text = format!("{article}, 19-NQ/TW ngày 25/10/2017 của Bộ Chính trị. Nghị quyết số 18-NQ/TW");
        let index = CharIndex::new(&text);
        let tokens = crate::tokens::tokenize(&text, 0..text.len());
        let found: Vec<_> = documents(&text, 0..article.len(), &tokens, &index)
            .into_iter()
            .map(|(d, r)| (d.number, d.date, d.issuer, r))
            .collect();
        assert_eq!(found, vec![("18".to_string(), None, None, article.find("Nghị").unwrap()..article.len())]);
    }
}
