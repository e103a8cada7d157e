//! Stage 1, normalise: one spelling of the same text, so later stages match one form.
//!
//! - Unicode NFC (input may be NFD, as macOS and some Word files give it);
//! - one tone-mark placement: the traditional one the gold data and most
//!   outlets use (`hòa`, `Ủy`, `thủy`), not `hoà`/`Uỷ`/`thuỷ`;
//! - line breaks as `\n`, other whitespace runs as one space, no trailing spaces;
//! - every dash (`–`, `—`, `−`, ...) as `-`, zero-width and control characters dropped;
//! - a word glued to the one before it by a source's layout (`TP HCMTừ 0h`) split in two.
//!
//! Offsets in the record point into this normalised text.

use unicode_normalization::UnicodeNormalization;

// Every character of every article is asked: the Unicode tables answer Vietnamese letters slowly.
use crate::chars::{is_letter, is_lower, is_upper};

/// The normalised text (see the module doc).
#[inline(never)] // a stage of `extract_with_progress`: see there why
pub fn normalise(text: &str) -> String {
    // Most input is NFC already: skip the composing iterator when a quick check says so.
    let quick = if surely_nfc(text) {
        unicode_normalization::IsNormalized::Yes
    } else {
        unicode_normalization::is_nfc_quick(text.chars())
    };
    let out = match quick {
        unicode_normalization::IsNormalized::Yes => match first_unclean(text, 0) {
            // Clean already (a leading space is found at 0); else its scan goes on from the first change.
            None => text.to_string(),
            Some(first) => clean_composed(text, first),
        },
        _ => clean(text.len(), text.nfc()),
    };
    split_glued_words(traditional_tone_placement(out))
}

/// "TP HCMTừ 0h ngày 14/4", "Hà NộiTrên địa bàn": a source's location label glued to the first word of the sapo.
/// A capital that starts a lower-case run inside a word, after a lower-case letter or after two capitals, starts
/// a new word when the word has a Vietnamese letter; brands in plain Latin letters keep their capitals
/// (`VnExpress`, `TikTok`, `nCoV`), and so do `TTg` (one capital before) and words all in capitals.
fn split_glued_words(text: String) -> String {
    let mut cuts: Vec<usize> = Vec::new();
    let mut word_start = 0;
    let mut capitals = 0;
    let mut prev: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !is_letter(c) {
            (word_start, capitals, prev) = (i + c.len_utf8(), 0, None);
            continue;
        }
        if is_upper(c) {
            let after_word = prev.is_some_and(is_lower) || capitals >= 2;
            let starts_run = chars.peek().is_some_and(|&(_, n)| is_lower(n));
            if after_word && starts_run {
                let end = text[i..].find(|ch: char| !is_letter(ch)).map_or(text.len(), |e| i + e);
                if !text[word_start..end].is_ascii() {
                    cuts.push(i);
                }
            }
            capitals += 1;
        } else {
            capitals = 0;
        }
        prev = Some(c);
    }
    if cuts.is_empty() {
        return text;
    }
    let mut out = String::with_capacity(text.len() + cuts.len());
    let mut from = 0;
    for cut in cuts {
        out.push_str(&text[from..cut]);
        out.push(' ');
        from = cut;
    }
    out.push_str(&text[from..]);
    out
}

/// Whether the text is NFC for certain without the Unicode tables: it has only ASCII, Latin letters
/// up to U+02FF, Vietnamese precomposed letters (U+1E00..U+1EFF) and general punctuation
/// (U+2000..U+207F), all of which are NFC and none of which combines with what comes before.
fn surely_nfc(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            0..=0x7f => i += 1,
            0xc2..=0xcb => i += 2,
            0xe1 if matches!(b.get(i + 1), Some(0xb8..=0xbb)) => i += 3,
            0xe2 if matches!(b.get(i + 1), Some(0x80 | 0x81)) => i += 3,
            _ => return false,
        }
    }
    true
}

/// The first byte from `from` (a char boundary) that `clean` would change, or whose neighbour makes it change
/// (a space before a space, a line break or the end); `None` when it would change none: no `\r`, tab, control or
/// invisible character, no dash to unify, no run of spaces and no space at a line's start or end. A byte scan:
/// most articles have none.
fn first_unclean(text: &str, from: usize) -> Option<usize> {
    // Bytes that need a closer look; every other byte (letters, digits, punctuation, the inner bytes
    // of other characters) is clean by itself.
    const LOOK: [bool; 256] = {
        let mut t = [false; 256];
        let mut x = 0;
        while x < 0x20 {
            t[x] = true;
            x += 1;
        }
        t[b' ' as usize] = true;
        t[0x7f] = true;
        t[0xc2] = true;
        t[0xe2] = true;
        t[0xe3] = true;
        t[0xef] = true;
        t
    };
    let b = text.as_bytes();
    let mut i = from;
    while i < b.len() {
        let x = b[i];
        if !LOOK[x as usize] {
            i += 1;
            continue;
        }
        let ok = match x {
            b'\n' => b.get(i + 1) != Some(&b' '),
            b' ' => i > 0 && b[i - 1] != b'\n' && !matches!(b.get(i + 1), None | Some(b' ' | b'\n')),
            0..=0x1f | 0x7f => false,
            // U+0080..U+00BF: C1 controls, no-break space, soft hyphen.
            0xc2 => !matches!(b.get(i + 1), Some(0x80..=0x9f | 0xa0 | 0xad)),
            // U+2000..U+206F spaces, dashes, separators, bidi and invisible marks; U+2212 minus.
            0xe2 => match (b.get(i + 1), b.get(i + 2)) {
                (Some(0x80), Some(y)) => !matches!(y, 0x80..=0x95 | 0xa8..=0xaf),
                (Some(0x81), Some(y)) => !matches!(y, 0x9f..=0xa4),
                (Some(0x88), Some(0x92)) => false,
                _ => true,
            },
            // U+3000 ideographic space; U+FE58, U+FE63, U+FEFF, U+FF0D.
            0xe3 => !(b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x80)),
            0xef => !matches!(
                (b.get(i + 1), b.get(i + 2)),
                (Some(0xb9), Some(0x98 | 0xa3)) | (Some(0xbb), Some(0xbf)) | (Some(0xbc), Some(0x8d))
            ),
            _ => true,
        };
        if !ok {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// [`clean`] of a composed text, the same string: what lies between the changes is copied as it is, not char by
/// char (one space left at the end of a paste sent the whole text through the slow path). From a text's start,
/// and right after an ASCII letter or digit, `clean` has written every char before and holds no space back; from
/// there to the next byte [`first_unclean`] finds, it writes each char as it is.
/// `first` is [`first_unclean`] from 0.
fn clean_composed(text: &str, first: usize) -> String {
    let mut out = String::with_capacity(text.len());
    let mut state = Cleaning::START;
    let mut pos = 0;
    let mut next_bad = Some(first);
    while let Some(bad) = next_bad {
        let cut = text[pos..bad].rfind(|c: char| c.is_ascii_alphanumeric()).map_or(pos, |k| pos + k + 1);
        if cut > pos {
            out.push_str(&text[pos..cut]);
            state = Cleaning::AFTER_WORD;
        }
        // Char by char through the change, up to the next ASCII letter or digit after it.
        // (The char at `bad` is none: a space, a control or the first byte of a longer char.)
        let resume = text[bad..].find(|c: char| c.is_ascii_alphanumeric()).map_or(text.len(), |k| bad + k + 1);
        state = clean_into(&mut out, text[cut..resume].chars(), state);
        pos = resume;
        next_bad = first_unclean(text, pos);
    }
    out.push_str(&text[pos..]);
    out
}

/// Line breaks, spaces, dashes and invisible characters, in one pass over composed chars.
fn clean(len: usize, chars: impl Iterator<Item = char>) -> String {
    let mut out = String::with_capacity(len);
    clean_into(&mut out, chars, Cleaning::START);
    out
}

/// Where [`clean_into`] is: a space seen and not yet written; at a line's start.
#[derive(Clone, Copy)]
struct Cleaning {
    pending_space: bool,
    line_start: bool,
}

impl Cleaning {
    const START: Cleaning = Cleaning { pending_space: false, line_start: true };
    const AFTER_WORD: Cleaning = Cleaning { pending_space: false, line_start: false };
}

/// [`clean`] of `chars` onto `out` from `state`; the state after them.
fn clean_into(out: &mut String, chars: impl Iterator<Item = char>, state: Cleaning) -> Cleaning {
    let Cleaning { mut pending_space, mut line_start } = state;
    for c in chars {
        if c.is_ascii_alphanumeric() {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            line_start = false;
            out.push(c);
            continue;
        }
        match c {
            '\r' => continue,
            '\n' | '\u{2028}' | '\u{2029}' => {
                out.push('\n');
                pending_space = false;
                line_start = true;
            }
            ' ' | '\t' | '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => {
                pending_space = !line_start;
            }
            '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{feff}' | '\u{ad}' => {}
            c if c.is_control() => {}
            c => {
                if pending_space {
                    out.push(' ');
                    pending_space = false;
                }
                line_start = false;
                out.push(match c {
                    '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{fe58}' | '\u{fe63}' | '\u{ff0d}' => '-',
                    c => c,
                });
            }
        }
    }
    Cleaning { pending_space, line_start }
}

/// Moves the tone of a word-final `oa`, `oe`, `uy` (not after `q`) to the first vowel: `hoà` → `hòa`, `Uỷ` → `Ủy`.
pub fn traditional_tone_placement(text: impl Into<String>) -> String {
    let text: String = text.into();
    let bytes = text.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0;
    // Candidates by bytes: an ASCII `o`/`u` right before a multi-byte char (a toned vowel is one).
    for i in 0..bytes.len().saturating_sub(1) {
        let first = bytes[i];
        if !matches!(first, b'o' | b'u' | b'O' | b'U') || bytes[i + 1] < 0xc3 {
            continue;
        }
        if i > 0 && matches!(bytes[i - 1], b'q' | b'Q') {
            continue;
        }
        let Some(c) = text[i + 1..].chars().next() else { continue };
        let Some((base, tone)) = split_tone(c) else { continue };
        let prev = first as char;
        let pair_ok =
            matches!((prev.to_ascii_lowercase(), base.to_ascii_lowercase()), ('o', 'a') | ('o', 'e') | ('u', 'y'));
        let after = i + 1 + c.len_utf8();
        let word_end = text[after..].chars().next().is_none_or(|n| !crate::chars::is_word_char(n));
        if let (true, true, Some(toned)) = (pair_ok, word_end, with_tone(prev, tone)) {
            let o = out.get_or_insert_with(|| String::with_capacity(text.len()));
            o.push_str(&text[copied..i]);
            o.push(toned);
            o.push(base);
            copied = after;
        }
    }
    match out {
        Some(mut o) => {
            o.push_str(&text[copied..]);
            o
        }
        None => text,
    }
}

/// `à` → (`a`, 1): the base vowel and the tone's index (sắc, huyền, hỏi, ngã, nặng) for a, e, y.
fn split_tone(c: char) -> Option<(char, usize)> {
    let (base, tone) = match c {
        'á' => ('a', 0),
        'à' => ('a', 1),
        'ả' => ('a', 2),
        'ã' => ('a', 3),
        'ạ' => ('a', 4),
        'é' => ('e', 0),
        'è' => ('e', 1),
        'ẻ' => ('e', 2),
        'ẽ' => ('e', 3),
        'ẹ' => ('e', 4),
        'ý' => ('y', 0),
        'ỳ' => ('y', 1),
        'ỷ' => ('y', 2),
        'ỹ' => ('y', 3),
        'ỵ' => ('y', 4),
        'Á' => ('A', 0),
        'À' => ('A', 1),
        'Ả' => ('A', 2),
        'Ã' => ('A', 3),
        'Ạ' => ('A', 4),
        'É' => ('E', 0),
        'È' => ('E', 1),
        'Ẻ' => ('E', 2),
        'Ẽ' => ('E', 3),
        'Ẹ' => ('E', 4),
        'Ý' => ('Y', 0),
        'Ỳ' => ('Y', 1),
        'Ỷ' => ('Y', 2),
        'Ỹ' => ('Y', 3),
        'Ỵ' => ('Y', 4),
        _ => return None,
    };
    Some((base, tone))
}

/// `o` with tone 1 → `ò`; only plain `o`/`u` (either case) take the moved tone.
fn with_tone(c: char, tone: usize) -> Option<char> {
    let set = match c {
        'o' => "óòỏõọ",
        'O' => "ÓÒỎÕỌ",
        'u' => "úùủũụ",
        'U' => "ÚÙỦŨỤ",
        _ => return None,
    };
    set.chars().nth(tone)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_random::XorShift;

    #[test]
    fn table() {
        let cases = [
            ("hoà bình", "hòa bình"),
            ("Uỷ ban", "Ủy ban"),
            ("thuỷ lợi", "thủy lợi"),
            ("quý I", "quý I"),
            ("hoàng", "hoàng"),
            ("khoẻ", "khỏe"),
            ("Ho\u{300}a", "Hòa"),
            ("a\u{a0} \t b", "a b"),
            ("x – y — z", "x - y - z"),
            ("  lead\r\nnext  \n", "lead\nnext\n"),
            ("zero\u{200b}width", "zerowidth"),
            ("a\u{a0}b", "a b"),
            ("x\u{2212}y", "x-y"),
            ("“quoted” text", "“quoted” text"),
            ("a \nb", "a\nb"),
            ("\u{feff}bom", "bom"),
            ("end ", "end"),
            ("Phó Chủ tịch", "Phó Chủ tịch"),
            // A location label glued to the sapo is split; brands, `TTg` and capitals stay.
            ("TP HCMTừ 0h ngày 14/4", "TP HCM Từ 0h ngày 14/4"),
            ("Hà NộiTrên địa bàn", "Hà Nội Trên địa bàn"),
            ("Bình PhướcÔng Nguyễn Văn A", "Bình Phước Ông Nguyễn Văn A"),
            ("VnExpress, TikTok, nCoV, VietnamPlus", "VnExpress, TikTok, nCoV, VietnamPlus"),
            ("số 33/CT-TTg của Thủ tướng", "số 33/CT-TTg của Thủ tướng"),
            ("UBND, HĐND, ĐBQH", "UBND, HĐND, ĐBQH"),
        ];
        for (input, want) in cases {
            assert_eq!(normalise(input), want, "{input:?}");
        }
    }

    /// `clean_composed` copies the clean stretches whole: the same string as `clean` char by char, on every mix of
    /// the characters either treats apart (deterministic xorshift strings).
    #[test]
    fn clean_composed_is_clean() {
        let alphabet = [
            "a", "Z", "7", "ệ", "Đ", " ", " ", " ", "\n", "\n", "\r", "\t", "\u{a0}", "\u{3000}", "\u{200b}",
            "\u{feff}", "\u{ad}", "–", "\u{2212}", "\u{2028}", "“", "\u{1}", "\u{85}", "-", ".",
        ];
        let mut random = XorShift::new(0x9e37_79b9_7f4a_7c15);
        for text in random.texts(&alphabet, 20_000, 24) {
            let composed = first_unclean(&text, 0).map_or(text.clone(), |first| clean_composed(&text, first));
            assert_eq!(composed, clean(text.len(), text.chars()), "{text:?}");
        }
    }
}
