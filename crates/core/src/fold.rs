//! The one fold of the text layer: lower case with the traditional tone placement (`Uỷ` → `ủy`), how every
//! word is compared with the data files. Below the tokenizer, which folds each word form once.

use crate::chars::{is_letter, is_upper, lower_char};
use crate::normalise::traditional_tone_placement;

/// Lower case with the traditional tone placement, for comparing words.
pub fn fold(word: &str) -> String {
    let mut buf = Vec::with_capacity(word.len());
    let shape = lower_into(word, &mut buf);
    // Whole UTF-8 sequences only (see `as_str`): the bytes become the string without a copy.
    let lower = String::from_utf8(buf).unwrap_or_default();
    if shape.may_move {
        traditional_tone_placement(lower)
    } else {
        lower
    }
}

/// [`fold`] into an inline string, for tokens, with the word's [`Shape`]; `buf` is scratch space
/// reused across calls.
pub fn fold_compact(word: &str, buf: &mut Vec<u8>) -> (compact_str::CompactString, Shape) {
    buf.clear();
    let shape = lower_into(word, buf);
    let lower = as_str(buf);
    let folded = if shape.may_move {
        compact_str::CompactString::from(traditional_tone_placement(lower))
    } else {
        compact_str::CompactString::from(lower)
    };
    (folded, shape)
}

/// What lowering a word saw of its letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Shape {
    /// A tone may sit on the second vowel of oa/oe/uy (see [`traditional_tone_placement`]).
    pub may_move: bool,
    /// The first character is a capital letter.
    pub capitalised: bool,
    /// Two or more letters, all capitals (`UBND`, `01-KL`).
    pub all_caps: bool,
}

/// The bytes [`lower_into`] wrote, as text. It writes whole UTF-8 sequences only (ASCII bytes, a
/// lead byte of the valid input followed by continuation bytes its arithmetic keeps in 0x80..=0xBF,
/// or `char::encode_utf8`: `byte_lowering_agrees_with_chars` checks every character it touches), so
/// this cannot fail; validating stays cheap since words are folded once per thread (`tokens`).
fn as_str(lowered: &[u8]) -> &str {
    std::str::from_utf8(lowered).unwrap_or_default()
}

/// Appends `word` in lower case to `out` as UTF-8, and tells its [`Shape`]. Every word of every
/// article passes here, so the letters of Vietnamese are lowered on their UTF-8 bytes (a capital
/// and its small letter differ in the last byte), and only other characters are decoded.
fn lower_into(word: &str, out: &mut Vec<u8>) -> Shape {
    let b = word.as_bytes();
    let mut may_move = false;
    let (mut letters, mut small, mut first_upper) = (0u32, 0u32, None);
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        if x < 0x80 {
            let upper = x.is_ascii_uppercase();
            letters += u32::from(x.is_ascii_alphabetic());
            small += u32::from(x.is_ascii_lowercase());
            first_upper.get_or_insert(upper);
            out.push(x.to_ascii_lowercase());
            i += 1;
            continue;
        }
        let after_o_u = matches!(out.last(), Some(b'o' | b'u'));
        let start = out.len();
        let next = b.get(i + 1).copied().unwrap_or(0);
        let third = b.get(i + 2).copied().unwrap_or(0);
        // (is a letter, is a capital)
        let (letter, upper) = match (x, next) {
            // Latin-1 capitals À..Þ (not ×) are 0x20 below their small letters; à..ÿ are small already.
            (0xc3, 0x80..=0x9e) if next != 0x97 => {
                push2(out, x, next + 0x20);
                (true, true)
            }
            (0xc3, 0x9f..=0xbf) if next != 0xb7 => {
                push2(out, x, next);
                (true, false)
            }
            // Ă Đ Ĩ Ũ Ơ are one below their small letters, Ư two; the small letters stay.
            (0xc4, 0x82 | 0x90 | 0xa8) | (0xc5, 0xa8) | (0xc6, 0xa0) => {
                push2(out, x, next + 1);
                (true, true)
            }
            (0xc6, 0xaf) => {
                push2(out, x, 0xb0);
                (true, true)
            }
            (0xc4, 0x83 | 0x91 | 0xa9) | (0xc5, 0xa9) | (0xc6, 0xa1 | 0xb0) => {
                push2(out, x, next);
                (true, false)
            }
            // Ạ..ỹ (U+1EA0..U+1EF9): capitals at even code points, the small letter one above.
            (0xe1, 0xba) if third >= 0xa0 => {
                push3(out, x, next, third | 1);
                (true, third & 1 == 0)
            }
            (0xe1, 0xbb) if (0x80..=0xb9).contains(&third) => {
                push3(out, x, next, third | 1);
                (true, third & 1 == 0)
            }
            _ => {
                let c = word[i..].chars().next().unwrap_or('\0');
                out.extend_from_slice(lower_char(c).encode_utf8(&mut [0; 4]).as_bytes());
                (is_letter(c), is_upper(c))
            }
        };
        letters += u32::from(letter);
        small += u32::from(letter && !upper);
        first_upper.get_or_insert(upper);
        i += utf8_len(x);
        if after_o_u {
            let c = as_str(&out[start..]).chars().next().unwrap_or('\0');
            may_move |=
                matches!(c, 'á' | 'à' | 'ả' | 'ã' | 'ạ' | 'é' | 'è' | 'ẻ' | 'ẽ' | 'ẹ' | 'ý' | 'ỳ' | 'ỷ' | 'ỹ' | 'ỵ');
        }
    }
    Shape { may_move, capitalised: first_upper == Some(true), all_caps: letters >= 2 && small == 0 }
}

// Two and three bytes pushed one by one: `extend_from_slice` of a short array calls memcpy.
#[inline]
fn push2(out: &mut Vec<u8>, a: u8, b: u8) {
    out.push(a);
    out.push(b);
}

#[inline]
fn push3(out: &mut Vec<u8>, a: u8, b: u8, c: u8) {
    out.push(a);
    out.push(b);
    out.push(c);
}

/// Length of the UTF-8 sequence a lead byte starts.
fn utf8_len(lead: u8) -> usize {
    match lead {
        0x00..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        _ => 4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_lowering_agrees_with_chars() {
        for c in (0..0x2100).chain(0x1e00..0x1f00).filter_map(char::from_u32) {
            for word in [format!("{c}"), format!("x{c}Y"), format!("o{c}")] {
                let mut buf = Vec::new();
                let shape = lower_into(&word, &mut buf);
                let want: String = word.chars().map(lower_char).collect();
                assert_eq!(String::from_utf8(buf).unwrap(), want, "{c:?}");
                assert_eq!(shape.capitalised, crate::chars::is_capitalised(&word), "{c:?}");
                assert_eq!(shape.all_caps, crate::chars::is_all_caps(&word), "{word:?}");
            }
        }
        let table = [
            ("HOÀ", "hòa"),
            ("Uỷ", "ủy"),
            ("KHOẺ", "khỏe"),
            ("Thuý", "thúy"),
            ("quý", "quý"),
            ("ĐẢNG", "đảng"),
            ("ƯU", "ưu"),
        ];
        for (word, want) in table {
            assert_eq!(fold(word), want);
            assert_eq!(fold_compact(word, &mut Vec::new()).0, want);
        }
    }
}
