//! A PDF's text layer, as the page's PDF reader (pdf.js, `public/pdf/read-pdf.js`) hands it over, rebuilt into
//! lines and paragraphs. A PDF holds no paragraphs, only runs of glyphs placed on a page: a sentence that goes on
//! to the next line is two runs, and a paragraph break is only a gap. The rules below read the gaps the way a
//! reader does, so that the extractor gets the same text as from the article's `.txt`:
//! - runs on one baseline are one line (a space where a gap is wider than a space and none is written), unless
//!   far apart (the two columns of a letterhead, the cells of a table);
//! - a line that is only a page number at the top or foot of a page is dropped;
//! - two lines are one paragraph unless the second starts after a wider gap than the lines' usual spacing, is
//!   indented, is set in another size, or the first line starts far from the margin (a centred title) or stopped
//!   short of the right edge by more than the second line's first word (that word would have fitted: the writer
//!   broke the line);
//! - a paragraph goes on over a page break when its last line reaches the right edge.
//!
//! The layer is JSON (the reader writes it; `decode` knows it by [`TEXT_LAYER_MAGIC`]): pages of items
//! `[text, x, y, width, size]` in the order the PDF draws them, `x`/`y` the baseline start in points from the
//! page's bottom left. A reader that could not open the file says why instead (`"error": "password" | "broken"`).

use std::collections::HashMap;

use serde::Deserialize;

use crate::DecodeError;

/// How a text layer starts: the reader writes this key first.
pub const TEXT_LAYER_MAGIC: &[u8] = b"{\"hoinghi_pdf_text\":";

/// Whether a file name is a PDF's, which the page reads through its PDF reader.
pub fn is_pdf_name(file_name: &str) -> bool {
    crate::extension(file_name) == "pdf"
}

/// The text layer of one PDF as the reader sends it.
#[derive(Debug, Deserialize)]
pub struct TextLayer {
    /// The format's version, 1.
    #[allow(dead_code)]
    hoinghi_pdf_text: u32,
    #[serde(default)]
    pages: Vec<Page>,
    /// Why the reader could not open the file: `password` (encrypted for reading), `broken` (not a PDF or damaged).
    #[serde(default)]
    error: Option<String>,
    /// The reader's own words about the failure, for the message.
    #[serde(default)]
    detail: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Page {
    items: Vec<Item>,
}

/// One run of glyphs: `[text, x, y, width, size]`.
#[derive(Debug, Deserialize, Clone)]
struct Item(String, f64, f64, f64, f64);

/// One line of a page: its text and where it sits.
#[derive(Debug, Clone, PartialEq)]
struct Line {
    text: String,
    left: f64,
    right: f64,
    /// The baseline, points from the bottom.
    y: f64,
    size: f64,
    page: usize,
}

/// The rebuilt text of a PDF (one paragraph per line, a blank line between paragraphs, not yet NFC) and the
/// pages that had no text (scanned), 1-based.
#[derive(Debug, PartialEq)]
pub struct PdfText {
    pub text: String,
    pub pages: usize,
    pub pages_without_text: Vec<usize>,
}

/// Reads a text layer: the rebuilt text, or why there is none.
pub fn read_text_layer(bytes: &[u8]) -> Result<PdfText, DecodeError> {
    let layer: TextLayer = serde_json::from_slice(bytes)
        .map_err(|e| DecodeError::PdfBroken { detail: format!("lớp chữ không đọc được: {e}") })?;
    match layer.error.as_deref() {
        Some("password") => return Err(DecodeError::PdfEncrypted),
        Some(_) => return Err(DecodeError::PdfBroken { detail: layer.detail.unwrap_or_default() }),
        None => {}
    }
    if layer.pages.is_empty() {
        return Err(DecodeError::PdfBroken { detail: "không có trang nào".to_string() });
    }
    let lines: Vec<Vec<Line>> = layer.pages.iter().enumerate().map(|(i, p)| page_lines(&p.items, i)).collect();
    let pages_without_text: Vec<usize> =
        lines.iter().enumerate().filter(|(_, l)| !has_letters(l)).map(|(i, _)| i + 1).collect();
    if pages_without_text.len() == layer.pages.len() {
        return Err(DecodeError::PdfScanned { pages: layer.pages.len() });
    }
    let lines: Vec<Line> = lines.into_iter().flat_map(without_page_numbers).collect();
    Ok(PdfText { text: paragraphs(&lines), pages: layer.pages.len(), pages_without_text })
}

/// A page counts as text when it has a few letters (a scan may carry a stray stamp or page number).
fn has_letters(lines: &[Line]) -> bool {
    lines.iter().flat_map(|l| l.text.chars()).filter(|c| c.is_alphabetic()).nth(8).is_some()
}

/// The page's runs gathered into lines, in the order the PDF draws them.
fn page_lines(items: &[Item], page: usize) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::new();
    for Item(text, x, y, width, size) in items {
        let size = if size.is_finite() && *size > 0.0 { *size } else { 1.0 };
        if text.is_empty() || ![x, y, width].iter().all(|v| v.is_finite()) {
            continue;
        }
        match lines.last_mut() {
            // The same baseline, unless far to the right: the other column of a letterhead (`ỦY BAN NHÂN DÂN ...`
            // beside `CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`) or another cell of a table is a line of its own.
            Some(line) if (line.y - y).abs() <= 0.5 * line.size.min(size) && x - line.right <= 4.0 * size => {
                // A gap wider than a fifth of the type's size is a space, unless one is written already; so is a
                // jump back along the line (another cell of a table), but not a small overlap (a glyph's mark).
                let gap = x - line.right;
                let spaced = line.text.ends_with(char::is_whitespace) || text.starts_with(char::is_whitespace);
                if !spaced && (gap > 0.2 * size || gap < -2.0 * size) {
                    line.text.push(' ');
                }
                line.text.push_str(text);
                line.right = line.right.max(x + width);
                line.left = line.left.min(*x);
                line.size = line.size.max(size);
            }
            _ => {
                if text.trim().is_empty() {
                    continue;
                }
                lines.push(Line { text: text.clone(), left: *x, right: x + width, y: *y, size, page })
            }
        }
    }
    for line in &mut lines {
        line.text = line.text.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    lines.retain(|l| !l.text.is_empty());
    lines
}

/// The page's lines without a page number at its top or foot (`3`, `- 3 -`, `Trang 3`, `3/12`).
fn without_page_numbers(mut lines: Vec<Line>) -> Vec<Line> {
    let is_number = |l: &Line| {
        let t = l.text.trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
        let t = t.strip_prefix("Trang ").unwrap_or(t);
        !t.is_empty()
            && t.len() <= 9
            && t.chars().all(|c| c.is_ascii_digit() || c == '/')
            && t.starts_with(|c: char| c.is_ascii_digit())
    };
    if lines.last().is_some_and(is_number) {
        lines.pop();
    }
    if lines.len() > 1 && lines.first().is_some_and(is_number) {
        lines.remove(0);
    }
    lines
}

/// The usual distance between the baselines of two lines of one paragraph: the most common step down a page
/// (rounded to half a point), so that the gaps between paragraphs, rarer, do not count.
fn usual_spacing(lines: &[Line]) -> Option<f64> {
    let mut counts: HashMap<i64, usize> = HashMap::new();
    for pair in lines.windows(2) {
        let step = pair[0].y - pair[1].y;
        if pair[0].page == pair[1].page && step > 0.0 {
            *counts.entry((step * 2.0).round() as i64).or_default() += 1;
        }
    }
    // The most common step; of two as common, the smaller (the lines inside paragraphs).
    counts.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0))).map(|(k, _)| k as f64 / 2.0)
}

/// The text's left margin and right edge: the most common line start, and the far end of the longest lines
/// (the 90th percentile of the ends, so that a line running into the margin does not move it).
fn margins(lines: &[Line]) -> (f64, f64) {
    let mut starts: Vec<i64> = lines.iter().map(|l| l.left.round() as i64).collect();
    starts.sort_unstable();
    let left = starts
        .chunk_by(|a, b| a == b)
        .max_by(|a, b| a.len().cmp(&b.len()).then(b[0].cmp(&a[0])))
        .map_or(0.0, |run| run[0] as f64);
    let mut ends: Vec<f64> = lines.iter().map(|l| l.right).collect();
    ends.sort_by(f64::total_cmp);
    let right = ends.get(ends.len() * 9 / 10).or(ends.last()).copied().unwrap_or(0.0);
    (left, right)
}

/// The width the first word of `line` takes, estimated from the line's own width per character.
fn first_word_width(line: &Line) -> f64 {
    let chars = line.text.chars().count().max(1) as f64;
    let per_char = (line.right - line.left) / chars;
    let word = line.text.split(' ').next().map_or(0, |w| w.chars().count()) as f64;
    per_char * word
}

/// Whether `next` starts a new paragraph after `line`.
fn breaks(line: &Line, next: &Line, spacing: Option<f64>, (left, right): (f64, f64)) -> bool {
    let size = line.size.max(next.size);
    // Another type size: a heading and its text.
    if (line.size - next.size).abs() > 0.15 * size {
        return true;
    }
    // Indented: a paragraph's first line (a wrapped line starts at the margin).
    if next.left > left + 1.5 * size && next.left > line.left + 1.5 * size {
        return true;
    }
    // This line starts far right of the margin (a centred title, a letterhead's right column): it is a block of
    // its own, not the start of a paragraph that wraps back to the margin.
    if line.left > left + 4.0 * size {
        return true;
    }
    // The first word of the next line would have fitted at the end of this one.
    let room = right - line.right;
    if room > first_word_width(next) + 0.6 * size {
        return true;
    }
    if line.page != next.page {
        return false;
    }
    let step = line.y - next.y;
    // Back up the page (another column) or a wider gap than between the lines of a paragraph.
    step <= 0.0 || spacing.is_none_or(|s| step > 1.3 * s)
}

/// Whether a line ends in a hyphen that joins two words (`2015-` of `2015-2020`): the line was broken there,
/// and the words go back together without a space. A dash set apart (`Văn hoá –`) keeps its space.
fn broken_at_hyphen(text: &str) -> bool {
    let mut end = text.chars().rev();
    end.next() == Some('-') && end.next().is_some_and(char::is_alphanumeric)
}

/// The lines as paragraphs: one a line, a blank line between two.
fn paragraphs(lines: &[Line]) -> String {
    let spacing = usual_spacing(lines);
    let edges = margins(lines);
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            let before = &lines[i - 1];
            out.push_str(if breaks(before, line, spacing, edges) {
                "\n\n"
            } else if broken_at_hyphen(&before.text) {
                ""
            } else {
                " "
            });
        }
        out.push_str(&line.text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page of lines `(text, x, y)` set in 10 pt, each line one run whose width is 5 points a character.
    fn page(lines: &[(&str, f64, f64)]) -> String {
        let items: Vec<String> =
            lines.iter().map(|(t, x, y)| format!("[{:?},{x},{y},{},10]", t, 5.0 * t.chars().count() as f64)).collect();
        format!("{{\"items\":[{}]}}", items.join(","))
    }

    fn layer(pages: &[String]) -> String {
        format!("{{\"hoinghi_pdf_text\":1,\"pages\":[{}]}}", pages.join(","))
    }

    fn text_of(json: &str) -> Result<String, String> {
        read_text_layer(json.as_bytes()).map(|t| t.text).map_err(|e| e.kind().to_string())
    }

    // A 60-character measure: lines that fill it run from x=50 to x=350.
    const FULL: &str = "Sáng 17/6, Ban Dân vận Tỉnh ủy tổ chức hội nghị giao ban côn";
    const FULL_HYPHEN: &str = "Sáng 17/6, Ban Dân vận Tỉnh ủy tổ chức hội nghị giao ban 20-";
    const FULL_DASH: &str = "Sáng 17/6, Ban Dân vận Tỉnh ủy tổ chức hội nghị giao ban c –";

    #[test]
    fn lines_and_paragraphs_are_rebuilt() {
        assert_eq!(FULL.chars().count(), 60);
        // (what, the page's lines `(text, x, y)`, the text rebuilt)
        type Case<'a> = (&'a str, &'a [(&'a str, f64, f64)], &'a str);
        let cases: &[Case] = &[
            (
                "a wrapped sentence is joined, a blank line breaks the paragraph",
                &[(FULL, 50.0, 700.0), ("g tác dân vận.", 50.0, 688.0), ("Dự hội nghị có đồng chí A.", 50.0, 664.0)],
                "Sáng 17/6, Ban Dân vận Tỉnh ủy tổ chức hội nghị giao ban côn g tác dân vận.\n\nDự hội nghị có đồng chí A.",
            ),
            (
                "a short line ends its paragraph even without a gap (the next word would have fitted)",
                &[("Thứ Hai, 17/6/2024", 50.0, 700.0), (FULL, 50.0, 688.0), ("tiếp.", 50.0, 676.0)],
                &"Thứ Hai, 17/6/2024\n\nFULL tiếp.".replace("FULL", FULL),
            ),
            (
                "an indented first line starts a paragraph",
                &[(FULL, 50.0, 700.0), ("Hội nghị kết thúc lúc 17 giờ cùng ngày và các đồng chí về.", 70.0, 688.0)],
                &"FULL\n\nHội nghị kết thúc lúc 17 giờ cùng ngày và các đồng chí về.".replace("FULL", FULL),
            ),
            (
                "runs on one baseline are one line, spaced where a gap is",
                &[("Phạm Anh", 50.0, 700.0), ("Tuấn", 100.0, 700.0), ("A", 200.0, 650.0)],
                "Phạm Anh Tuấn\n\nA",
            ),
            (
                "a letterhead's two columns are two lines, each its own paragraph",
                &[("UBND TỈNH NGHỆ AN", 50.0, 800.0), ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 250.0, 800.0), ("Số: 12/QĐ-UBND", 50.0, 788.0), ("Độc lập - Tự do - Hạnh phúc", 270.0, 788.0)],
                "UBND TỈNH NGHỆ AN\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nSố: 12/QĐ-UBND\n\nĐộc lập - Tự do - Hạnh phúc",
            ),
            (
                "a line broken after a hyphen joins without a space; a dash set apart keeps it",
                &[(FULL_HYPHEN, 50.0, 700.0), (FULL_DASH, 50.0, 688.0), ("Xã hội.", 50.0, 676.0)],
                &format!("{FULL_HYPHEN}{FULL_DASH} Xã hội."),
            ),
            ("a page number at the foot is dropped", &[("Hội nghị giao ban công tác.", 50.0, 700.0), ("2", 200.0, 40.0)], "Hội nghị giao ban công tác."),
        ];
        for (what, lines, want) in cases {
            assert_eq!(text_of(&layer(&[page(lines)])).as_deref(), Ok(*want), "{what}");
        }
    }

    #[test]
    fn a_full_last_line_goes_on_over_the_page_break() {
        let one = page(&[(FULL, 50.0, 700.0), (FULL, 50.0, 688.0)]);
        let two = page(&[("kết thúc.", 50.0, 800.0), ("Câu mới ở đoạn mới, ngắn.", 50.0, 776.0)]);
        assert_eq!(text_of(&layer(&[one, two])), Ok(format!("{FULL} {FULL} kết thúc.\n\nCâu mới ở đoạn mới, ngắn.")));
    }

    #[test]
    fn failures_have_their_kind() {
        let cases: &[(&str, &str)] = &[
            ("{\"hoinghi_pdf_text\":1,\"pages\":[{\"items\":[]},{\"items\":[[\" \",1,1,1,10]]}]}", "pdf-scanned"),
            ("{\"hoinghi_pdf_text\":1,\"pages\":[{\"items\":[[\"12\",1,1,1,10]]}]}", "pdf-scanned"),
            ("{\"hoinghi_pdf_text\":1,\"pages\":[],\"error\":\"password\"}", "pdf-encrypted"),
            (
                "{\"hoinghi_pdf_text\":1,\"pages\":[],\"error\":\"broken\",\"detail\":\"Invalid PDF structure.\"}",
                "pdf-broken",
            ),
            ("{\"hoinghi_pdf_text\":1,\"pages\":[{\"items\":[[1,2]]}]}", "pdf-broken"),
            ("{\"hoinghi_pdf_text\":1,\"pages\":[]}", "pdf-broken"),
        ];
        for (json, kind) in cases {
            assert_eq!(text_of(json), Err(kind.to_string()), "{json}");
        }
    }

    #[test]
    fn pages_without_text_are_listed() {
        let json = "{\"hoinghi_pdf_text\":1,\"pages\":[{\"items\":[[\"Hội nghị giao ban công tác dân vận.\",50,700,170,10]]},{\"items\":[]}]}";
        let t = read_text_layer(json.as_bytes()).unwrap();
        assert_eq!((t.pages, t.pages_without_text), (2, vec![2]));
    }
}
