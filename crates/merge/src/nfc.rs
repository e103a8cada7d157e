//! Unicode NFC built from the canonical tables alone, for the page's first load.
//!
//! `unicode_normalization`'s `nfc()` iterator decides between canonical and compatibility decomposition at
//! run time, so whatever calls it carries the compatibility tables too: about 55 KB in the page's wasm
//! (27 KB gzipped) for a form the merge never asks for. [`nfc`] gives the same string (tested against
//! `nfc()` over every code point and over mixed runs of marks) from the char-level functions, which take
//! only the canonical decomposition, composition and combining-class tables.

use unicode_normalization::char::{canonical_combining_class, compose, decompose_canonical};

/// `text` in Normalization Form C (UAX #15): canonical decomposition, marks in canonical order, then
/// canonical composition.
pub fn nfc(text: &str) -> String {
    if text.is_ascii() {
        return text.to_string();
    }
    // Canonical order as the marks come: each mark (class > 0) moves before the marks of a higher class
    // just ahead of it, never past one of its own class or a starter (an insertion sort of each short
    // run; a library sort would add its code to the page once more).
    let mut decomposed: Vec<(char, u8)> = Vec::with_capacity(text.len());
    for c in text.chars() {
        decompose_canonical(c, |d| {
            let class = canonical_combining_class(d);
            let mut at = decomposed.len();
            while class > 0 && at > 0 && decomposed[at - 1].1 > class {
                at -= 1;
            }
            decomposed.insert(at, (d, class));
        });
    }
    compose_in_order(&decomposed)
}

/// Canonical composition of chars already decomposed and in canonical order: each char joins the last
/// starter when nothing between them blocks it (a char of class 0, or of a class not below its own).
fn compose_in_order(chars: &[(char, u8)]) -> String {
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    // The last starter's place in `out`, and the class of the last char kept after it (`None`: none kept).
    let mut starter: Option<usize> = None;
    let mut last_class: Option<u8> = None;
    for &(c, class) in chars {
        if let Some(s) = starter {
            let blocked = last_class.is_some_and(|last| last == 0 || last >= class);
            if !blocked {
                if let Some(composed) = compose(out[s], c) {
                    out[s] = composed;
                    continue;
                }
            }
        }
        if class == 0 {
            starter = Some(out.len());
            last_class = None;
        } else {
            last_class = Some(class);
        }
        out.push(c);
    }
    out.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::nfc;
    use unicode_normalization::UnicodeNormalization;

    fn reference(text: &str) -> String {
        text.nfc().collect()
    }

    #[test]
    fn named_cases() {
        let cases = [
            ("ascii", "Hội nghị".nfd().collect::<String>(), "Hội nghị"),
            ("already composed", "Phạm Anh Tuấn".to_string(), "Phạm Anh Tuấn"),
            ("shape mark then tone", "e\u{0302}\u{0301}".to_string(), "ế"),
            ("two marks of one class: the second stays apart", "e\u{0301}\u{0302}".to_string(), "é\u{0302}"),
            ("marks of one class keep their order", "a\u{0301}\u{0300}".to_string(), "á\u{0300}"),
            ("a blocked mark stays apart", "a\u{0323}\u{0302}\u{0323}".to_string(), "ậ\u{0323}"),
            ("a mark with no letter", "\u{0301}a".to_string(), "\u{0301}a"),
            ("hangul from jamo", "\u{1100}\u{1161}\u{11A8}".to_string(), "\u{AC01}"),
            ("singleton decomposition", "\u{212B}".to_string(), "Å"),
            ("excluded composition", "\u{0958}".to_string(), "\u{0915}\u{093C}"),
            ("compatibility forms are kept", "ﬁ ① ｶ".to_string(), "ﬁ ① ｶ"),
            ("empty", String::new(), ""),
        ];
        for (name, text, want) in cases {
            assert_eq!(nfc(&text), want, "{name}");
            assert_eq!(nfc(&text), reference(&text), "{name}");
        }
    }

    #[test]
    fn every_code_point_alone_and_after_a_letter() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            for text in [c.to_string(), format!("a{c}"), format!("{c}\u{0301}")] {
                assert_eq!(nfc(&text), reference(&text), "{text:?}");
            }
        }
    }

    #[test]
    fn mixed_runs_of_letters_and_marks() {
        // Letters and marks of many classes (0, 1, 7, 202, 216, 220, 230, 232, 233, 234, 240), Hangul jamo and
        // letters whose decomposition is more than one mark; every string from a fixed pseudo-random sequence.
        let pool: Vec<char> = "aeiouyAEOUđơưăâê\u{1EA0}\u{01D5}\u{0344}\u{0300}\u{0301}\u{0302}\u{0303}\u{0306}\u{0309}\u{031B}\u{0323}\u{0327}\u{0328}\u{0334}\u{0338}\u{0345}\u{093C}\u{05B0}\u{035C}\u{035D}\u{0F71}\u{1100}\u{1161}\u{11A8}\u{AC00}\u{0915}\u{3099}\u{304B} "
            .chars()
            .collect();
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..200_000 {
            let len = 1 + (next() % 8) as usize;
            let text: String = (0..len).map(|_| pool[(next() % pool.len() as u64) as usize]).collect();
            assert_eq!(nfc(&text), reference(&text), "{text:?}");
        }
    }
}
