//! Stage 1, normalise: one spelling of the same text, so later stages match one form.
//!
//! - Unicode NFC (input may be NFD, as macOS and some Word files give it);
//! - one tone-mark placement: the traditional one the gold data and most
//!   outlets use (`hòa`, `Ủy`, `thủy`), not `hoà`/`Uỷ`/`thuỷ`;
//! - line breaks as `\n`, other whitespace runs as one space, no trailing spaces;
//! - every dash (`–`, `—`, `−`, ...) as `-`, zero-width and control characters dropped.
//!
//! Offsets in the record point into this normalised text.

use unicode_normalization::UnicodeNormalization;

/// The normalised text (see the module doc).
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    let mut line_start = true;
    for c in text.nfc() {
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
    traditional_tone_placement(&out)
}

/// Moves the tone of a word-final `oa`, `oe`, `uy` (not after `q`) to the first vowel: `hoà` → `hòa`, `Uỷ` → `Ủy`.
pub fn traditional_tone_placement(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if i + 1 < chars.len() {
            let (a, b) = (chars[i], chars[i + 1]);
            let word_end = chars.get(i + 2).is_none_or(|c| !c.is_alphanumeric());
            let after_q = i > 0 && matches!(chars[i - 1], 'q' | 'Q');
            if word_end && !after_q {
                if let Some((base_a, tone)) = split_tone(b) {
                    let pair = (fold_base(a), base_a.to_ascii_lowercase());
                    if matches!(pair, ('o', 'a') | ('o', 'e') | ('u', 'y')) && split_tone(a).is_none() {
                        if let Some(toned) = with_tone(a, tone) {
                            out.push(toned);
                            out.push(base_a);
                            i += 2;
                            continue;
                        }
                    }
                }
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

const TONED: [(&str, char); 6] = [
    ("áàảãạ", 'a'),
    ("éèẻẽẹ", 'e'),
    ("ýỳỷỹỵ", 'y'),
    ("ÁÀẢÃẠ", 'A'),
    ("ÉÈẺẼẸ", 'E'),
    ("ÝỲỶỸỴ", 'Y'),
];

/// `à` → (`a`, 1): the base vowel and the tone's index (sắc, huyền, hỏi, ngã, nặng) for a, e, y.
fn split_tone(c: char) -> Option<(char, usize)> {
    TONED.iter().find_map(|(set, base)| set.chars().position(|x| x == c).map(|t| (*base, t)))
}

fn fold_base(c: char) -> char {
    match c {
        'o' | 'O' => 'o',
        'u' | 'U' => 'u',
        _ => c,
    }
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
            ("Phó Chủ tịch", "Phó Chủ tịch"),
        ];
        for (input, want) in cases {
            assert_eq!(normalise(input), want, "{input:?}");
        }
    }
}
