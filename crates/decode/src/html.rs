//! Saved web pages: the charset from the BOM or `<meta>`, then the article only — its title, its
//! date line and its body paragraphs — without menus, related lists, comments and scripts.
//!
//! html5gum tokenizes (WHATWG rules: raw text in `<script>`/`<style>`, character references);
//! a small tree builder here closes what browsers close (`<p>` before a block, `<li>` before
//! `<li>`, end tags that skip unclosed elements). The body is found readability-style: each
//! paragraph scores its parent and, half, its grandparent; the best-scoring element, less the
//! link-heavy and furniture parts inside it, is the article.

use crate::text::{decode_as, decode_text};
use crate::{DecodeError, Encoding};
use html5gum::{DefaultEmitter, Token, Tokenizer};

/// Does this look like a web page (for files without an `.html` name)?
pub fn sniff(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let has = |n: &[u8]| lower.windows(n.len()).any(|w| w == n);
    has(b"<!doctype html") || has(b"<html") || has(b"<head") || has(b"<body")
}

/// The charset a page declares in its first 4 KB (`<meta charset>` or `http-equiv`).
fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head: Vec<u8> = bytes[..bytes.len().min(4096)].iter().map(|b| b.to_ascii_lowercase()).collect();
    let pos = head.windows(8).position(|w| w == b"charset=")?;
    let rest = &head[pos + 8..];
    let rest = rest.strip_prefix(b"\"").or_else(|| rest.strip_prefix(b"'")).unwrap_or(rest);
    let name: Vec<u8> = rest
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'))
        .copied()
        .collect();
    (!name.is_empty()).then(|| String::from_utf8_lossy(&name).into_owned())
}

/// Decodes a page's bytes: BOM, then the declared charset, then detection.
pub fn decode_charset(bytes: &[u8]) -> Result<(String, Encoding, Vec<String>), DecodeError> {
    let has_bom =
        bytes.starts_with(&[0xEF, 0xBB, 0xBF]) || bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    if !has_bom {
        let declared = declared_charset(bytes).and_then(|c| match c.as_str() {
            "utf-8" | "utf8" => std::str::from_utf8(bytes).is_ok().then_some(Encoding::Utf8),
            "windows-1258" | "cp1258" | "x-cp1258" => Some(Encoding::Windows1258),
            "tcvn" | "tcvn3" | "tcvn-3" | "x-viet-tcvn" | "x-viet-tcvn5712" | "tcvn5712-1" | "abc" => {
                Some(Encoding::Tcvn3)
            }
            "vni" | "x-viet-vni" | "vni-windows" => Some(Encoding::Vni),
            _ => None,
        });
        if let Some(e) = declared {
            let mut notes = vec![];
            if e != Encoding::Utf8 {
                notes.push(format!("Đã chuyển từ mã {} sang Unicode.", e.label()));
            }
            return Ok((decode_as(bytes, e), e, notes));
        }
    }
    // Undeclared, or a Western charset (often a lie for .VnTime pages): let the letters decide.
    decode_text(bytes)
}

const VOID: [&str; 15] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track",
    "wbr",
];
const INLINE: [&str; 30] = [
    "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "dfn", "em", "font", "i", "kbd", "label", "mark",
    "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "nobr",
];
/// Never text of the article, wherever they are.
const HARD_SKIP: [&str; 16] = [
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas", "head", "select",
    "button", "input", "textarea", "video",
];
/// Site furniture by element.
const FURNITURE: [&str; 4] = ["nav", "aside", "footer", "header"];
/// Class or id words that always mean furniture.
const FURNITURE_ALWAYS: [&str; 27] = [
    "comment",
    "binhluan",
    "binh-luan",
    "related",
    "lienquan",
    "lien-quan",
    "tinkhac",
    "tin-khac",
    "xemnhieu",
    "xem-nhieu",
    "mostread",
    "most-read",
    "share",
    "social",
    "tukhoa",
    "tu-khoa",
    "keyword",
    "captcha",
    "cungchuyenmuc",
    "cung-chuyen-muc",
    "sharing",
    "facebook",
    "rating",
    "danhgia",
    "danh-gia",
    "vote",
    "poll",
];
/// Class or id words that mean furniture unless the element also says it is the content.
const FURNITURE_WORDS: [&str; 16] = [
    "menu",
    "nav",
    "navbar",
    "sidebar",
    "footer",
    "header",
    "banner",
    "widget",
    "breadcrumb",
    "breadcrumbs",
    "ads",
    "advert",
    "quangcao",
    "tags",
    "tag",
    "popup",
];
const CONTENT_WORDS: [&str; 10] =
    ["article", "content", "detail", "chitiet", "noidung", "body", "main", "story", "entry", "text"];

struct Elem {
    name: String,
    /// class and id, lower case.
    label: String,
    parent: usize,
    kids: Vec<Kid>,
    /// Pre-order position, for "before"/"after".
    order: usize,
}

enum Kid {
    E(usize),
    T(String),
}

struct Dom {
    e: Vec<Elem>,
    og_title: Option<String>,
    /// Publish-time metadata the page carries, best kind first once sorted (see [`MetaDate`]).
    published: Vec<(MetaDate, String)>,
    /// `<time datetime>` elements, in document order: (element, datetime).
    times: Vec<(usize, String)>,
}

/// Where a page states its publish time, most trusted first: what the page declares for the article in its
/// `<head>` (Open Graph's `article:published_time`, schema.org's `datePublished` as an attribute or in JSON-LD),
/// then the first `<time datetime>` outside furniture (a related-article list has its own).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum MetaDate {
    ArticlePublishedTime,
    ItempropDatePublished,
    JsonLd,
    TimeElement,
}

/// `"datePublished": "2025-11-02T09:54:41+07:00"` in a JSON-LD script (no JSON parser needed for one string).
fn json_ld_date(script: &str) -> Option<String> {
    let at = script.find("\"datePublished\"")?;
    let rest = script[at + "\"datePublished\"".len()..].trim_start().strip_prefix(':')?.trim_start();
    let value = rest.strip_prefix('"')?;
    let end = value.find('"')?;
    let value = value[..end].trim();
    (!value.is_empty() && value.len() <= 64).then(|| value.to_string())
}

fn build(html: &str) -> Dom {
    let mut emitter = DefaultEmitter::default();
    emitter.naively_switch_states(true);
    let mut e = vec![Elem { name: "#root".into(), label: String::new(), parent: 0, kids: vec![], order: 0 }];
    let mut stack: Vec<usize> = vec![0];
    let mut og_title = None;
    let mut published: Vec<(MetaDate, String)> = Vec::new();
    // The text of the JSON-LD script being read, if any.
    let mut json_ld: Option<String> = None;
    let mut times: Vec<(usize, String)> = Vec::new();
    let close_in_scope = |stack: &mut Vec<usize>, e: &[Elem], names: &[&str], scope: &[&str]| {
        for i in (1..stack.len()).rev() {
            let n = e[stack[i]].name.as_str();
            if names.contains(&n) {
                stack.truncate(i);
                return;
            }
            if scope.contains(&n) {
                return;
            }
        }
    };
    for tok in Tokenizer::new_with_emitter(html, emitter).flatten() {
        match tok {
            Token::StartTag(t) => {
                let name = String::from_utf8_lossy(&t.name).to_ascii_lowercase();
                let n = name.as_str();
                let boundary = ["table", "td", "th", "button", "template"];
                if !INLINE.contains(&n) && !VOID.contains(&n) {
                    close_in_scope(&mut stack, &e, &["p"], &boundary);
                }
                match n {
                    "li" => close_in_scope(&mut stack, &e, &["li"], &["ul", "ol", "table"]),
                    "dt" | "dd" => close_in_scope(&mut stack, &e, &["dt", "dd"], &["dl", "table"]),
                    "td" | "th" => close_in_scope(&mut stack, &e, &["td", "th"], &["tr", "table"]),
                    "tr" => close_in_scope(&mut stack, &e, &["tr"], &["table"]),
                    "option" => close_in_scope(&mut stack, &e, &["option"], &["select"]),
                    _ => {}
                }
                let attr = |k: &[u8]| t.attributes.get(k).map(|v| String::from_utf8_lossy(v).into_owned());
                if n == "meta" && attr(b"property").as_deref() == Some("og:title") {
                    og_title = attr(b"content");
                }
                let property = attr(b"property").or_else(|| attr(b"name")).unwrap_or_default().to_ascii_lowercase();
                if n == "meta" && property == "article:published_time" {
                    published.extend(attr(b"content").map(|c| (MetaDate::ArticlePublishedTime, c)));
                }
                if attr(b"itemprop").is_some_and(|p| p.eq_ignore_ascii_case("datepublished")) {
                    published.extend(
                        attr(b"content").or_else(|| attr(b"datetime")).map(|c| (MetaDate::ItempropDatePublished, c)),
                    );
                }
                if n == "script" && attr(b"type").is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json")) {
                    json_ld = Some(String::new());
                }
                let label = format!("{} {}", attr(b"class").unwrap_or_default(), attr(b"id").unwrap_or_default())
                    .to_lowercase();
                let parent = *stack.last().unwrap_or(&0);
                let idx = e.len();
                e.push(Elem { name, label, parent, kids: vec![], order: 0 });
                e[parent].kids.push(Kid::E(idx));
                if e[idx].name == "time" {
                    times.extend(attr(b"datetime").map(|d| (idx, d)));
                }
                // Past 256 open elements (unclosed tags pile up in broken pages) new ones become
                // siblings: the walks over the tree stay shallow.
                if !t.self_closing && !VOID.contains(&e[idx].name.as_str()) && stack.len() < 256 {
                    stack.push(idx);
                }
            }
            Token::EndTag(t) => {
                let name = String::from_utf8_lossy(&t.name).to_ascii_lowercase();
                if name == "script" {
                    if let Some(date) = json_ld.take().as_deref().and_then(json_ld_date) {
                        published.push((MetaDate::JsonLd, date));
                    }
                }
                if name == "br" {
                    let parent = *stack.last().unwrap_or(&0);
                    let idx = e.len();
                    e.push(Elem { name, label: String::new(), parent, kids: vec![], order: 0 });
                    e[parent].kids.push(Kid::E(idx));
                } else if let Some(i) = stack.iter().rposition(|&i| i != 0 && e[i].name == name) {
                    stack.truncate(i);
                }
            }
            Token::String(s) => {
                let parent = *stack.last().unwrap_or(&0);
                let s = String::from_utf8_lossy(&s);
                if let Some(script) = json_ld.as_mut() {
                    script.push_str(&s);
                }
                match e[parent].kids.last_mut() {
                    Some(Kid::T(t)) => t.push_str(&s),
                    _ => e[parent].kids.push(Kid::T(s.into_owned())),
                }
            }
            _ => {}
        }
    }
    // Pre-order numbering.
    let mut order = 0;
    let mut todo = vec![0usize];
    while let Some(i) = todo.pop() {
        e[i].order = order;
        order += 1;
        for k in e[i].kids.iter().rev() {
            if let Kid::E(c) = k {
                todo.push(*c);
            }
        }
    }
    Dom { e, og_title, published, times }
}

fn words(label: &str) -> Vec<&str> {
    label.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).collect()
}

impl Dom {
    fn hard_skip(&self, i: usize) -> bool {
        HARD_SKIP.contains(&self.e[i].name.as_str())
    }

    /// Furniture by element or class/id.
    fn furniture(&self, i: usize) -> bool {
        let el = &self.e[i];
        if FURNITURE.contains(&el.name.as_str()) {
            return true;
        }
        let l = el.label.as_str();
        if l.trim().is_empty() {
            return false;
        }
        if FURNITURE_ALWAYS.iter().any(|w| l.contains(w)) {
            return true;
        }
        let ws = words(l);
        ws.iter().any(|w| FURNITURE_WORDS.contains(w)) && !ws.iter().any(|w| CONTENT_WORDS.contains(w))
    }

    fn is_inline(&self, i: usize) -> bool {
        INLINE.contains(&self.e[i].name.as_str())
    }

    /// Is `i` or an ancestor skipped (hard) or furniture?
    fn excluded(&self, mut i: usize) -> bool {
        while i != 0 {
            if self.hard_skip(i) || self.furniture(i) {
                return true;
            }
            i = self.e[i].parent;
        }
        false
    }

    /// The text of `i` that is not in a block child, and how much of it is link text.
    fn inline_text(&self, i: usize, out: &mut String, links: &mut usize, in_link: bool) {
        for k in &self.e[i].kids {
            match k {
                Kid::T(t) => {
                    out.push_str(t);
                    if in_link {
                        *links += t.chars().count();
                    }
                }
                Kid::E(c) if self.is_inline(*c) && !self.hard_skip(*c) => {
                    self.inline_text(*c, out, links, in_link || self.e[*c].name == "a")
                }
                Kid::E(c) if self.e[*c].name == "br" => out.push(' '),
                _ => {}
            }
        }
    }

    /// Lines of the article under `root`: one per block, without furniture and link-heavy lines.
    fn lines(&self, root: usize) -> Vec<String> {
        let mut lines = Vec::new();
        let mut cur = (String::new(), 0usize);
        self.walk(root, &mut lines, &mut cur, false);
        flush(&mut lines, &mut cur);
        lines
    }

    fn walk(&self, i: usize, lines: &mut Vec<String>, cur: &mut (String, usize), in_link: bool) {
        for k in &self.e[i].kids {
            match k {
                Kid::T(t) => {
                    cur.0.push_str(t);
                    if in_link {
                        cur.1 += t.trim().chars().count();
                    }
                }
                Kid::E(c) => {
                    let c = *c;
                    if self.hard_skip(c) || self.furniture(c) {
                        continue;
                    }
                    let name = self.e[c].name.as_str();
                    if name == "br" {
                        flush(lines, cur);
                        continue;
                    }
                    let inline = self.is_inline(c);
                    if !inline {
                        flush(lines, cur);
                    }
                    if matches!(name, "ul" | "ol") && self.link_density(c) > 0.5 {
                        continue;
                    }
                    self.walk(c, lines, cur, in_link || name == "a");
                    if !inline {
                        flush(lines, cur);
                    }
                }
            }
        }
    }

    fn link_density(&self, i: usize) -> f64 {
        let (mut all, mut links) = (0usize, 0usize);
        self.count(i, &mut all, &mut links, false);
        if all == 0 {
            0.0
        } else {
            links as f64 / all as f64
        }
    }

    fn count(&self, i: usize, all: &mut usize, links: &mut usize, in_link: bool) {
        for k in &self.e[i].kids {
            match k {
                Kid::T(t) => {
                    let n = t.split_whitespace().map(|w| w.chars().count()).sum::<usize>();
                    *all += n;
                    if in_link {
                        *links += n;
                    }
                }
                Kid::E(c) if !self.hard_skip(*c) => self.count(*c, all, links, in_link || self.e[*c].name == "a"),
                _ => {}
            }
        }
    }

    fn text_of(&self, i: usize) -> String {
        let mut s = String::new();
        let mut l = 0;
        self.inline_text(i, &mut s, &mut l, false);
        for k in &self.e[i].kids {
            if let Kid::E(c) = k {
                if !self.is_inline(*c) && !self.hard_skip(*c) {
                    s.push(' ');
                    s.push_str(&self.text_of(*c));
                }
            }
        }
        collapse(&s)
    }
}

fn collapse(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c == '\u{200B}').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

fn flush(lines: &mut Vec<String>, cur: &mut (String, usize)) {
    let line = collapse(&cur.0);
    let chars = line.chars().count();
    // A line that is mostly links is a teaser or a menu, not the article.
    if !line.is_empty() && cur.1 * 2 <= chars {
        lines.push(line);
    }
    cur.0.clear();
    cur.1 = 0;
}

/// Does `s` hold a date like 17/06/2024, 29-10-2021, 13.12.2023 or 2024-06-17?
pub fn has_date(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |i: usize| b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_digit()) {
            let d1 = digits(i);
            let j = i + d1;
            if j + 1 < b.len() && matches!(b[j], b'/' | b'-' | b'.') {
                let sep = b[j];
                let d2 = digits(j + 1);
                let k = j + 1 + d2;
                if d2 >= 1 && k + 1 < b.len() && b[k] == sep {
                    let d3 = digits(k + 1);
                    if (d1 <= 2 && d2 <= 2 && d3 == 4) || (d1 == 4 && d2 <= 2 && (1..=2).contains(&d3)) {
                        return true;
                    }
                }
            }
            i = j;
        } else {
            i += 1;
        }
    }
    false
}

/// A page's article: its text and the publish time its metadata states.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// Title, date line, then the body, one paragraph per line with a blank line between.
    pub text: String,
    pub notes: Vec<String>,
    /// The publish time as the page's metadata writes it (`2025-11-02T09:54:41+07:00`), the most trusted
    /// kind first ([`MetaDate`]); the extractor reads it (the text's own date line still wins there).
    pub published: Option<String>,
}

impl Dom {
    /// The publish time the page's metadata states, most trusted kind first.
    fn published(&self) -> Option<String> {
        let declared = self.published.iter().filter(|(_, v)| !v.trim().is_empty()).min_by_key(|(kind, _)| *kind);
        let shown = || {
            self.times
                .iter()
                .find(|(i, v)| !v.trim().is_empty() && !self.excluded(*i))
                .map(|(_, v)| (MetaDate::TimeElement, v.clone()))
        };
        declared.cloned().or_else(shown).map(|(_, v)| v.trim().to_string())
    }
}

/// The article of a page as plain text: title, date line, then the body, one paragraph per
/// line with a blank line between; and the publish time of the page's metadata.
pub fn extract(html: &str) -> Result<Article, DecodeError> {
    let dom = build(html);
    let n = dom.e.len();
    // Paragraph scores, readability-style.
    let mut score = vec![0f64; n];
    let mut paragraphs = Vec::new();
    for i in 1..n {
        let el = &dom.e[i];
        if dom.is_inline(i) || VOID.contains(&el.name.as_str()) || el.name.starts_with('h') && el.name.len() == 2 {
            continue;
        }
        let (mut s, mut links) = (String::new(), 0usize);
        dom.inline_text(i, &mut s, &mut links, false);
        let s = collapse(&s);
        let len = s.chars().count();
        if len < 25 || links * 2 > len || dom.excluded(i) {
            continue;
        }
        paragraphs.push(i);
        let p = 1.0 + s.matches(',').count() as f64 + (len as f64 / 100.0).min(3.0);
        let parent = el.parent;
        score[parent] += p;
        if parent != 0 {
            score[dom.e[parent].parent] += p / 2.0;
        }
    }
    let best = (1..n)
        .filter(|&i| score[i] > 0.0)
        .map(|i| {
            let ws = words(&dom.e[i].label);
            let bonus = if ws.iter().any(|w| CONTENT_WORDS.contains(w)) { 5.0 } else { 0.0 };
            (i, (score[i] + bonus) * (1.0 - dom.link_density(i)))
        })
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|x| x.0)
        .ok_or(DecodeError::NoArticle)?;
    let mut body = dom.lines(best);
    let body_chars: usize = body.iter().map(|l| l.chars().count()).sum();
    if body_chars < 80 {
        return Err(DecodeError::NoArticle);
    }
    let first_para = paragraphs
        .iter()
        .map(|&p| dom.e[p].order)
        .filter(|&o| o > dom.e[best].order)
        .min()
        .unwrap_or(dom.e[best].order);
    let last_para = paragraphs.iter().map(|&p| dom.e[p].order).max().unwrap_or(first_para);
    // Title: the last <h1> before the body (or the first inside it), else og:title, else <title>.
    let h1s: Vec<usize> = (1..n).filter(|&i| dom.e[i].name == "h1" && !dom.excluded(i)).collect();
    let title_el = h1s
        .iter()
        .copied()
        .filter(|&i| dom.e[i].order < first_para)
        .max_by_key(|&i| dom.e[i].order)
        .or_else(|| h1s.iter().copied().find(|&i| dom.e[i].order <= last_para));
    let title = title_el
        .map(|i| dom.text_of(i))
        .filter(|t| !t.is_empty())
        .or_else(|| dom.og_title.as_deref().map(collapse))
        .or_else(|| (1..n).find(|&i| dom.e[i].name == "title").map(|i| dom.text_of(i)))
        .filter(|t| !t.is_empty());
    let title_order = title_el.map(|i| dom.e[i].order).unwrap_or(first_para);
    // Date line: a short block with a date, nearest the title, not in furniture.
    let date = (1..n)
        .filter(|&i| !dom.is_inline(i) || matches!(dom.e[i].name.as_str(), "time" | "span"))
        .filter(|&i| dom.e[i].order <= last_para && !dom.excluded(i))
        .filter_map(|i| {
            let (mut s, mut l) = (String::new(), 0);
            dom.inline_text(i, &mut s, &mut l, false);
            let s = collapse(&s);
            (s.chars().count() <= 100 && has_date(&s)).then(|| (dom.e[i].order.abs_diff(title_order), s))
        })
        .min_by_key(|x| x.0)
        .map(|x| x.1);
    let mut out: Vec<String> = Vec::new();
    if let Some(t) = &title {
        out.push(t.clone());
    }
    if let Some(d) = &date {
        out.push(d.clone());
    }
    body.retain(|l| Some(l) != title.as_ref() && Some(l) != date.as_ref());
    out.extend(body);
    Ok(Article { text: out.join("\n\n"), notes: vec![], published: dom.published() })
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn dates() {
        for s in [
            "Thứ hai 17/06/2024 17:01",
            "29/10/2021 - 14:57",
            "ClockThứ Tư, 13/12/2023 16:40",
            "2024-06-17",
            "8/5/2024",
        ] {
            assert!(has_date(s), "{s}");
        }
        for s in ["6 tháng đầu năm 2024", "150-CTr/BCSĐUBND-BDVTU", "13-7"] {
            assert!(!has_date(s), "{s}");
        }
    }
    #[test]
    fn article_without_furniture() {
        let html = r#"<html><head><title>T - Site</title><script>var x = "<p>không phải bài</p>";</script></head>
        <body><ul class="menu"><li><a href=/>Trang chủ</a><li><a href=/a>Thời sự</a></ul>
        <div class="detail"><h1>Tiêu đề bài</h1><div class="date">Thứ hai 17/06/2024 17:01</div>
        <p>Chiều ngày 17/6/2024, Ban Dân vận Tỉnh ủy tổ chức Hội nghị giao ban công tác dân vận.
        <p>Đoạn thứ hai của bài, có dấu phẩy, và đủ dài để được tính là một đoạn văn.</p>
        <div class="related"><a href=/x>Tin khác rất dài rất dài về một hội nghị khác</a></div></div>
        <div id="comments"><p>Bình luận của bạn đọc, cũng khá dài để trông như một đoạn văn.</p></div>
        <footer>Bản quyền thuộc về trang tin điện tử, ghi rõ nguồn khi phát hành lại.</footer></body></html>"#;
        let t = extract(html).unwrap().text;
        assert_eq!(
            t,
            "Tiêu đề bài\n\nThứ hai 17/06/2024 17:01\n\nChiều ngày 17/6/2024, Ban Dân vận Tỉnh ủy tổ chức Hội nghị giao ban công tác dân vận.\n\nĐoạn thứ hai của bài, có dấu phẩy, và đủ dài để được tính là một đoạn văn."
        );
    }
    #[test]
    fn publish_time_from_metadata() {
        let body = "<div class=detail><h1>Tiêu đề</h1><p>Sáng 2/11, Ban Dân vận Tỉnh ủy tổ chức Hội nghị giao ban công tác dân vận, có dấu phẩy.</p></div>";
        let related = "<div class=related><time datetime=2025-10-01T08:00:00Z>1/10</time><a href=/x>Tin khác</a></div>";
        // (what it guards, head, before the article, after the article, the publish time)
        let cases = [
            (
                "Open Graph",
                r#"<meta property="article:published_time" content="2025-11-02T09:54:41+07:00">"#,
                "",
                "",
                Some("2025-11-02T09:54:41+07:00"),
            ),
            (
                "schema.org attribute",
                "",
                r#"<span itemprop="datePublished" content="2025-11-02T02:54:41Z"></span>"#,
                "",
                Some("2025-11-02T02:54:41Z"),
            ),
            (
                "JSON-LD",
                r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished": "2025-11-02T09:54:41+07:00"}</script>"#,
                "",
                "",
                Some("2025-11-02T09:54:41+07:00"),
            ),
            (
                "the head's declaration wins over JSON-LD",
                r#"<script type="application/ld+json">{"datePublished":"2025-11-01"}</script><meta name="article:published_time" content="2025-11-02">"#,
                "",
                "",
                Some("2025-11-02"),
            ),
            (
                "a related list's time is furniture; the article's own is taken",
                "",
                related,
                r#"<time datetime="2025-11-02 09:54">2/11</time>"#,
                Some("2025-11-02 09:54"),
            ),
            ("none", "", related, "", None),
        ];
        for (what, head, before, after, want) in cases {
            let html = format!("<html><head>{head}</head><body>{before}{body}{after}</body></html>");
            assert_eq!(extract(&html).unwrap().published.as_deref(), want, "{what}");
        }
    }

    #[test]
    fn no_article() {
        let html = "<html><body><ul class=menu><li><a href=/>Trang chủ</a></li></ul><img src=a.png></body></html>";
        assert_eq!(extract(html), Err(DecodeError::NoArticle));
    }
}
