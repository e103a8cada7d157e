//! Word `.docx`: paragraphs and table cells in document order from `word/document.xml`, with runs
//! in legacy fonts (`.VnTime*` → TCVN3, `VNI-*` → VNI) converted to Unicode.

use crate::legacy::{self, Legacy};
use crate::zip::Zip;
use crate::{finish, DecodeError, Decoded, Encoding, Format};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::collections::HashMap;

/// How a font's characters are to be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FontKind {
    Unicode,
    /// TCVN3; `true` for the `H` fonts (`.VnTimeH`) that draw every letter as a capital.
    Tcvn3(bool),
    Vni,
}

fn font_kind(name: &str) -> FontKind {
    let lower = name.trim().to_ascii_lowercase();
    if lower.starts_with(".vn") {
        FontKind::Tcvn3(name.trim().ends_with('H'))
    } else if lower.starts_with("vni-") || lower.starts_with("vni ") {
        FontKind::Vni
    } else {
        FontKind::Unicode
    }
}

fn xml_error(e: impl std::fmt::Display) -> DecodeError {
    DecodeError::BadXml { detail: e.to_string() }
}

fn attr(e: &BytesStart, key: &[u8]) -> Option<String> {
    e.attributes().flatten().find(|a| a.key.as_ref() == key).map(|a| {
        a.unescape_value().map(|v| v.into_owned()).unwrap_or_else(|_| String::from_utf8_lossy(&a.value).into_owned())
    })
}

/// The font of a `w:rFonts`: the one Word uses for Latin text beyond ASCII, else the ASCII one.
fn rfonts(e: &BytesStart) -> Option<String> {
    attr(e, b"w:hAnsi").or_else(|| attr(e, b"w:ascii"))
}

fn xml_text(bytes: &[u8]) -> Result<&str, DecodeError> {
    let b = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    std::str::from_utf8(b).map_err(|_| xml_error("XML không phải UTF-8"))
}

/// Fonts named by styles: style id → (font, basedOn), plus the document default.
struct Styles {
    fonts: HashMap<String, (Option<String>, Option<String>)>,
    default: Option<String>,
}

impl Styles {
    fn parse(xml: &str) -> Result<Styles, DecodeError> {
        let mut r = Reader::from_str(xml);
        let mut fonts = HashMap::new();
        let mut default = None;
        let mut current: Option<String> = None;
        let (mut in_defaults, mut font, mut based) = (false, None, None);
        loop {
            match r.read_event().map_err(xml_error)? {
                Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                    b"w:style" => {
                        current = attr(&e, b"w:styleId");
                        font = None;
                        based = None;
                    }
                    b"w:docDefaults" => in_defaults = true,
                    b"w:basedOn" => based = attr(&e, b"w:val"),
                    b"w:rFonts" => {
                        if in_defaults {
                            default = rfonts(&e);
                        } else if current.is_some() {
                            font = rfonts(&e);
                        }
                    }
                    _ => {}
                },
                Event::End(e) => match e.name().as_ref() {
                    b"w:style" => {
                        if let Some(id) = current.take() {
                            fonts.insert(id, (font.take(), based.take()));
                        }
                    }
                    b"w:docDefaults" => in_defaults = false,
                    _ => {}
                },
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(Styles { fonts, default })
    }

    fn font(&self, style: Option<&str>) -> Option<String> {
        let mut id = style?.to_string();
        for _ in 0..16 {
            let (font, based) = self.fonts.get(&id)?;
            if font.is_some() {
                return font.clone();
            }
            id = based.clone()?;
        }
        None
    }
}

/// One paragraph being read: its text so far as (font kind, characters) pieces.
#[derive(Default)]
struct Para {
    pieces: Vec<(FontKind, String)>,
}

impl Para {
    fn push(&mut self, kind: FontKind, s: &str) {
        match self.pieces.last_mut() {
            Some((k, t)) if *k == kind => t.push_str(s),
            _ => self.pieces.push((kind, s.to_string())),
        }
    }
    fn render(&self, counts: &mut [usize; 3]) -> String {
        let mut out = String::new();
        for (kind, s) in &self.pieces {
            match kind {
                FontKind::Unicode => {
                    counts[0] += s.len();
                    out.push_str(s)
                }
                FontKind::Tcvn3(caps) => {
                    counts[1] += s.len();
                    let t = legacy::decode_surface(s, Legacy::Tcvn3);
                    if *caps {
                        out.extend(t.chars().flat_map(char::to_uppercase));
                    } else {
                        out.push_str(&t);
                    }
                }
                FontKind::Vni => {
                    counts[2] += s.len();
                    out.push_str(&legacy::decode_surface(s, Legacy::Vni))
                }
            }
        }
        out
    }
}

pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let mut zip = Zip::open(bytes)?;
    let doc_name = if zip.has("word/document.xml") {
        "word/document.xml".to_string()
    } else if let Some(e) = zip.entries.iter().find(|e| e.name.starts_with("word/") && e.name.ends_with("document.xml"))
    {
        e.name.clone()
    } else {
        let kind = if zip.has("xl/workbook.xml") {
            "bảng tính Excel (.xlsx)"
        } else if zip.has("ppt/presentation.xml") {
            "trình chiếu PowerPoint (.pptx)"
        } else if zip.has("content.xml") {
            "văn bản OpenDocument (.odt/.ods)"
        } else {
            "tệp nén .zip"
        };
        return Err(DecodeError::NotDocx { kind });
    };
    let styles = match zip.read("word/styles.xml")? {
        Some(b) => Styles::parse(xml_text(&b)?).unwrap_or(Styles { fonts: HashMap::new(), default: None }),
        None => Styles { fonts: HashMap::new(), default: None },
    };
    let doc = zip.read(&doc_name)?.unwrap_or_default();
    let (text, counts) = paragraphs(xml_text(&doc)?, &styles)?;
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    let mut notes = Vec::new();
    let legacy_chars = counts[1] + counts[2];
    if counts[1] > 0 {
        notes.push("Đã chuyển các đoạn phông .VnTime (mã TCVN3) sang Unicode.".to_string());
    }
    if counts[2] > 0 {
        notes.push("Đã chuyển các đoạn phông VNI sang Unicode.".to_string());
    }
    let encoding = if legacy_chars * 2 > counts[0] {
        if counts[1] >= counts[2] {
            Encoding::Tcvn3
        } else {
            Encoding::Vni
        }
    } else {
        Encoding::Utf8
    };
    Ok(finish(text, Format::Docx, encoding, notes))
}

fn paragraphs(xml: &str, styles: &Styles) -> Result<(String, [usize; 3]), DecodeError> {
    let mut r = Reader::from_str(xml);
    let mut out: Vec<String> = Vec::new();
    let mut counts = [0usize; 3];
    let mut para = Para::default();
    let mut para_style: Option<String> = None;
    // Where we are: inside a run, its properties, paragraph properties, text to skip.
    let (mut in_run, mut in_rpr, mut in_ppr, mut in_t) = (false, false, false, false);
    let mut skip_depth = 0usize;
    let mut run_font: Option<String> = None;
    let mut run_style: Option<String> = None;
    let kind_now = |run_font: &Option<String>, run_style: &Option<String>, para_style: &Option<String>| {
        let f = run_font
            .clone()
            .or_else(|| styles.font(run_style.as_deref()))
            .or_else(|| styles.font(para_style.as_deref()))
            .or_else(|| styles.default.clone());
        f.map(|f| font_kind(&f)).unwrap_or(FontKind::Unicode)
    };
    let flush = |para: &mut Para, out: &mut Vec<String>, counts: &mut [usize; 3]| {
        let s = para.render(counts);
        for line in s.split('\n') {
            let line = line.trim();
            if !line.is_empty() {
                out.push(line.to_string());
            }
        }
        para.pieces.clear();
    };
    loop {
        let ev = r.read_event().map_err(xml_error)?;
        match ev {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(ev, Event::Empty(_));
                let name = e.name();
                let name = name.as_ref();
                if skip_depth > 0 {
                    if !empty {
                        skip_depth += 1;
                    }
                    continue;
                }
                match name {
                    b"mc:Fallback" | b"w:del" | b"w:instrText" | b"w:delText" | b"w:fldCode" if !empty => {
                        skip_depth = 1
                    }
                    b"w:p" => {
                        if !para.pieces.is_empty() {
                            flush(&mut para, &mut out, &mut counts);
                        }
                        para_style = None;
                        if empty {
                            continue;
                        }
                    }
                    b"w:pPr" if !empty => in_ppr = true,
                    b"w:pStyle" if in_ppr => para_style = attr(e, b"w:val"),
                    b"w:r" if !empty => {
                        in_run = true;
                        run_font = None;
                        run_style = None;
                    }
                    b"w:rPr" if in_run && !empty => in_rpr = true,
                    b"w:rFonts" if in_rpr => run_font = rfonts(e),
                    b"w:rStyle" if in_rpr => run_style = attr(e, b"w:val"),
                    b"w:t" if in_run && !empty => in_t = true,
                    b"w:tab" if in_run => para.push(FontKind::Unicode, "\t"),
                    b"w:br" | b"w:cr" if in_run => para.push(FontKind::Unicode, "\n"),
                    b"w:noBreakHyphen" if in_run => para.push(FontKind::Unicode, "-"),
                    b"w:softHyphen" if in_run => {
                        // In a TCVN3 font the soft-hyphen code is the letter ư.
                        let k = kind_now(&run_font, &run_style, &para_style);
                        if matches!(k, FontKind::Tcvn3(_)) {
                            para.push(k, "\u{AD}");
                        }
                    }
                    b"w:sym" if in_run => {
                        let font = attr(e, b"w:font").unwrap_or_default();
                        let k = font_kind(&font);
                        let code = attr(e, b"w:char").and_then(|c| u32::from_str_radix(&c, 16).ok());
                        if let (true, Some(code)) = (k != FontKind::Unicode, code) {
                            if let Some(c) = char::from_u32(code) {
                                para.push(k, &c.to_string());
                            }
                        }
                    }
                    _ => {}
                }
            }
            Event::End(ref e) => {
                if skip_depth > 0 {
                    skip_depth -= 1;
                    continue;
                }
                match e.name().as_ref() {
                    b"w:p" | b"w:tc" => flush(&mut para, &mut out, &mut counts),
                    b"w:pPr" => in_ppr = false,
                    b"w:r" => in_run = false,
                    b"w:rPr" => in_rpr = false,
                    b"w:t" => in_t = false,
                    _ => {}
                }
            }
            Event::Text(ref t) if in_t && skip_depth == 0 => {
                let s = t.unescape().map_err(xml_error)?;
                let k = kind_now(&run_font, &run_style, &para_style);
                para.push(k, &s);
            }
            Event::CData(ref t) if in_t && skip_depth == 0 => {
                let k = kind_now(&run_font, &run_style, &para_style);
                para.push(k, &String::from_utf8_lossy(t));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    flush(&mut para, &mut out, &mut counts);
    Ok((out.join("\n\n"), counts))
}
