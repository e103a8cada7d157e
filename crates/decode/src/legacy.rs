//! TCVN3 (ABC, `.VnTime` fonts) and VNI (`VNI-Times` fonts): the two legacy Vietnamese
//! font encodings. Their tables are data files (`data/tcvn3.txt`, `data/vni.txt`) written from
//! the published code charts and read once into a `OnceLock`.

use crate::charsets::{cp1252, cp1252_byte};
use std::sync::OnceLock;

/// A legacy font encoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Legacy {
    Tcvn3,
    Vni,
}

struct Table {
    /// Sequences of one or two bytes, sorted, for binary search: key = first << 8 | second
    /// (second = 0 for a one-byte sequence).
    decode: Vec<(u16, char)>,
    /// Letter -> the bytes a writer puts down for it.
    encode: Vec<(char, [u8; 2], usize)>,
}

fn parse(src: &str) -> Table {
    let mut decode = Vec::new();
    let mut encode: Vec<(char, [u8; 2], usize)> = Vec::new();
    for line in src.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut cols = line.split('\t');
        let hex = cols.next().unwrap_or("");
        let letter = cols.next().and_then(|s| s.chars().next());
        let decode_only = cols.next() == Some("decode-only");
        let bytes: Vec<u8> = hex.split(' ').filter_map(|h| u8::from_str_radix(h, 16).ok()).collect();
        let (Some(letter), 1..=2) = (letter, bytes.len()) else { continue };
        let key = (bytes[0] as u16) << 8 | bytes.get(1).copied().unwrap_or(0) as u16;
        decode.push((key, letter));
        if !decode_only && !encode.iter().any(|e| e.0 == letter) {
            encode.push((letter, [bytes[0], bytes.get(1).copied().unwrap_or(0)], bytes.len()));
        }
    }
    decode.sort_by_key(|e| e.0);
    Table { decode, encode }
}

fn table(enc: Legacy) -> &'static Table {
    static TCVN3: OnceLock<Table> = OnceLock::new();
    static VNI: OnceLock<Table> = OnceLock::new();
    match enc {
        Legacy::Tcvn3 => TCVN3.get_or_init(|| parse(include_str!("../data/tcvn3.txt"))),
        Legacy::Vni => VNI.get_or_init(|| parse(include_str!("../data/vni.txt"))),
    }
}

fn lookup(t: &Table, key: u16) -> Option<char> {
    t.decode.binary_search_by_key(&key, |e| e.0).ok().map(|i| t.decode[i].1)
}

/// Decodes legacy-font bytes; bytes outside the table read as Windows-1252.
/// The result is not yet NFC and, for TCVN3, has lower-case toned letters only
/// (see [`restore_tcvn3_case`]).
pub fn decode_bytes(bytes: &[u8], enc: Legacy) -> String {
    let t = table(enc);
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 4);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 && enc == Legacy::Tcvn3 {
            out.push(b as char);
            i += 1;
            continue;
        }
        if let Some(&n) = bytes.get(i + 1) {
            if n >= 0x80 {
                if let Some(c) = lookup(t, (b as u16) << 8 | n as u16) {
                    out.push(c);
                    i += 2;
                    continue;
                }
            }
        }
        out.push(if b >= 0x80 { lookup(t, (b as u16) << 8).unwrap_or_else(|| cp1252(b)) } else { b as char });
        i += 1;
    }
    out
}

/// Bytes a legacy writer would put down for `text` (for tests and fixtures). Letters the
/// encoding lacks fall back to Windows-1252, then to `?`. TCVN3 writes upper-case toned
/// letters with their lower-case codes, as a `.VnTimeH` document does.
pub fn encode(text: &str, enc: Legacy) -> Vec<u8> {
    use unicode_normalization::UnicodeNormalization;
    let t = table(enc);
    let mut out = Vec::with_capacity(text.len());
    for c in text.nfc() {
        let found = t.encode.iter().find(|e| e.0 == c).or_else(|| {
            if enc == Legacy::Tcvn3 && c.is_uppercase() {
                let lower = c.to_lowercase().next().unwrap_or(c);
                t.encode.iter().find(|e| e.0 == lower)
            } else {
                None
            }
        });
        match found {
            Some(&(_, bytes, n)) => out.extend_from_slice(&bytes[..n]),
            None => out.push(cp1252_byte(c).unwrap_or(b'?')),
        }
    }
    out
}

/// Every letter the table writes (for round-trip tests).
pub fn letters(enc: Legacy) -> Vec<char> {
    table(enc).encode.iter().map(|e| e.0).collect()
}

/// A Windows-1252 character of 0x80..=0x9F (smart quotes, dashes...).
pub fn is_cp1252_special(c: char) -> bool {
    !c.is_ascii() && (c as u32) > 0xFF && cp1252_byte(c).is_some()
}

/// Decodes text whose characters are legacy-font bytes read as Windows-1252/Latin-1 (what a
/// copy from an old document, or a `.VnTime` run in a Word file, gives). Characters that are not
/// such bytes pass through. The two glyph substitutions PDF text layers make for TCVN3
/// (U+2212 for ư, U+2219 for ã) are undone beside a letter.
pub fn decode_surface(text: &str, enc: Legacy) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut run: Vec<u8> = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        let near_letter =
            || (i > 0 && chars[i - 1].is_alphabetic()) || chars.get(i + 1).is_some_and(|n| n.is_alphabetic());
        let byte = match c {
            '\u{2212}' if enc == Legacy::Tcvn3 && near_letter() => Some(0xAD),
            '\u{2219}' if enc == Legacy::Tcvn3 && near_letter() => Some(0xB7),
            // Symbol-font private-use mapping Word sometimes keeps for legacy fonts.
            '\u{F020}'..='\u{F0FF}' => Some((c as u32 - 0xF000) as u8),
            _ => cp1252_byte(c),
        };
        match byte {
            Some(b) => run.push(b),
            None => {
                out.push_str(&decode_bytes(&run, enc));
                run.clear();
                out.push(c);
            }
        }
    }
    out.push_str(&decode_bytes(&run, enc));
    out
}

/// Toned letters TCVN3 can only write in lower case.
fn tcvn3_lower_only(c: char) -> bool {
    static TONED: OnceLock<Vec<char>> = OnceLock::new();
    let toned = TONED.get_or_init(|| {
        let mut v: Vec<char> = table(Legacy::Tcvn3).encode.iter().filter(|e| e.1[0] >= 0xB5).map(|e| e.0).collect();
        v.sort_unstable();
        v
    });
    !c.is_ascii() && toned.binary_search(&c).is_ok()
}

fn upper(c: char) -> char {
    c.to_uppercase().next().unwrap_or(c)
}

/// TCVN3 has no upper-case toned letters: a document set them in a `.VnTimeH` font, which draws
/// the lower-case codes as capitals, and plain text loses that. This puts the capitals back where
/// the text shows them: a line with no lower-case ASCII letter and at least three capitals is an
/// all-caps line; a word with two capitals and no lower-case ASCII is an all-caps word; the first
/// letter of a line or a sentence is a capital. Mid-sentence capitals (`Chủ tịch Ủy ban`) can't be
/// told from the bytes and stay lower case.
pub fn restore_tcvn3_case(text: &str) -> String {
    let caps = |c: char| c.is_ascii_uppercase() || matches!(c, 'Ă' | 'Â' | 'Ê' | 'Ô' | 'Ơ' | 'Ư' | 'Đ');
    let mut out = String::with_capacity(text.len());
    for (li, line) in text.split('\n').enumerate() {
        if li > 0 {
            out.push('\n');
        }
        let lower_ascii = line.chars().filter(|c| c.is_ascii_lowercase()).count();
        let capitals = line.chars().filter(|&c| caps(c)).count();
        if lower_ascii == 0 && capitals >= 3 {
            out.extend(line.chars().map(upper));
            continue;
        }
        let chars: Vec<char> = line.chars().collect();
        let mut i = 0;
        let mut sentence_start = true;
        while i < chars.len() {
            let c = chars[i];
            if !c.is_alphabetic() {
                if matches!(c, '.' | '!' | '?' | '…') {
                    sentence_start = true;
                } else if !(c.is_whitespace()
                    || matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '-' | '–' | '•' | '*'))
                {
                    sentence_start = false;
                }
                out.push(c);
                i += 1;
                continue;
            }
            let start = i;
            while i < chars.len() && chars[i].is_alphabetic() {
                i += 1;
            }
            let word = &chars[start..i];
            let word_caps = word.iter().filter(|&&c| caps(c)).count();
            let word_lower = word.iter().any(|c| c.is_ascii_lowercase());
            if word_caps >= 2 && !word_lower {
                out.extend(word.iter().map(|&c| upper(c)));
            } else {
                for (k, &c) in word.iter().enumerate() {
                    if k == 0 && sentence_start && tcvn3_lower_only(c) {
                        out.push(upper(c));
                    } else {
                        out.push(c);
                    }
                }
            }
            sentence_start = false;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    const ALPHABET: &str = "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ";

    #[test]
    fn every_letter_round_trips() {
        for enc in [Legacy::Tcvn3, Legacy::Vni] {
            for c in ALPHABET.chars() {
                let s = c.to_string();
                assert_eq!(decode_bytes(&encode(&s, enc), enc), s, "{enc:?} {c}");
                let up: String = s.to_uppercase();
                let back = decode_bytes(&encode(&up, enc), enc);
                if enc == Legacy::Vni || c.is_ascii() || "ăâđêôơư".contains(c) {
                    assert_eq!(back, up, "{enc:?} {up}");
                } else {
                    // TCVN3 writes upper-case toned letters with the lower-case code.
                    assert_eq!(back, s, "{enc:?} {up}");
                }
            }
            for c in letters(enc) {
                assert_eq!(decode_bytes(&encode(&c.to_string(), enc), enc), c.to_string());
            }
        }
    }

    #[test]
    fn tables_are_complete() {
        // TCVN3: 67 lower-case letters with a code + 7 capitals (Ă Â Ê Ô Ơ Ư Đ).
        assert_eq!(letters(Legacy::Tcvn3).len(), 74);
        // VNI: every letter of the alphabet but the plain ASCII ones, in both cases.
        let non_ascii = ALPHABET.chars().filter(|c| !c.is_ascii()).count();
        assert_eq!(letters(Legacy::Vni).len(), 2 * non_ascii);
    }

    #[test]
    fn known_words() {
        assert_eq!(decode_surface("B¶o Th¾ng", Legacy::Tcvn3), "Bảo Thắng");
        assert_eq!(decode_surface("Vieät Nam", Legacy::Vni), "Việt Nam");
        assert_eq!(decode_surface("Ñaø Naüng", Legacy::Vni), "Đà Nẵng");
        assert_eq!(decode_surface("nhµ n\u{2212}íc", Legacy::Tcvn3), "nhà nước");
        assert_eq!(decode_surface("cheát vì", Legacy::Vni), "chết vì");
    }

    #[test]
    fn tcvn3_capitals() {
        let raw =
            decode_bytes(&encode("HỘI NGHỊ GIAO BAN\nỦy ban nhân dân. Ý kiến Đảng", Legacy::Tcvn3), Legacy::Tcvn3);
        assert_eq!(raw, "HộI NGHị GIAO BAN\nủy ban nhân dân. ý kiến Đảng");
        assert_eq!(restore_tcvn3_case(&raw), "HỘI NGHỊ GIAO BAN\nỦy ban nhân dân. Ý kiến Đảng");
        assert_eq!(restore_tcvn3_case("Hà Nội"), "Hà Nội");
        let _ = "".nfc();
    }
}
