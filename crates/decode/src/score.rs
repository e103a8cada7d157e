//! Letter statistics: how Vietnamese a candidate decoding reads. Each word with a non-ASCII
//! letter scores +1 when it is a well-formed Vietnamese syllable and -1 otherwise; ASCII words
//! read the same in every candidate and don't count.

use unicode_normalization::UnicodeNormalization;

const ONSETS: [&str; 27] = [
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g", "h", "k", "l", "m",
    "n", "p", "r", "s", "t", "v", "x",
];
const CODAS: [&str; 8] = ["ng", "nh", "ch", "c", "m", "n", "p", "t"];
const NUCLEI: [&str; 58] = [
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia",
    "iê", "iu", "oa", "oă", "oe", "oi", "ôi", "ơi", "oo", "ua", "uâ", "uê", "ui", "uô", "uơ", "ươ", "ưa", "ưi", "ưu",
    "uy", "yê", "uya", "uyê", "uyu", "iêu", "yêu", "oai", "oay", "oeo", "uôi", "ươi", "ươu", "uây", "ôô", "ưo", "oao",
    "ueo",
];

/// Is `word` (letters only) one well-formed Vietnamese syllable, in any case and either
/// normalisation form?
pub fn is_syllable(word: &str) -> bool {
    let mut base = String::with_capacity(word.len());
    let mut tones = 0;
    for c in word.nfd().flat_map(char::to_lowercase) {
        match c {
            'a'..='z' | 'đ' => base.push(c),
            '\u{0300}' | '\u{0301}' | '\u{0303}' | '\u{0309}' | '\u{0323}' => tones += 1,
            '\u{0306}' | '\u{0302}' | '\u{031B}' => {
                let Some(prev) = base.pop() else { return false };
                let m = match (prev, c) {
                    ('a', '\u{0306}') => 'ă',
                    ('a', '\u{0302}') => 'â',
                    ('e', '\u{0302}') => 'ê',
                    ('o', '\u{0302}') => 'ô',
                    ('o', '\u{031B}') => 'ơ',
                    ('u', '\u{031B}') => 'ư',
                    _ => return false,
                };
                base.push(m);
            }
            _ => return false,
        }
    }
    if tones > 1 || base.is_empty() || base.chars().count() > 7 {
        return false;
    }
    let rest_after = |onset: &str| base.strip_prefix(onset);
    let mut candidates: Vec<&str> = ONSETS.iter().filter_map(|o| rest_after(o)).collect();
    candidates.push(&base);
    // "gì", "gìn": gi + nothing is g + i.
    if let Some(r) = base.strip_prefix('g') {
        candidates.push(r);
    }
    candidates.iter().any(|rest| {
        let mut rimes = vec![*rest];
        rimes.extend(CODAS.iter().filter_map(|c| rest.strip_suffix(c)));
        rimes.iter().any(|n| NUCLEI.contains(n))
    })
}

/// Score of a candidate decoding; higher reads more like Vietnamese.
pub fn score(text: &str) -> i64 {
    let mut s = 0i64;
    for token in text.split(|c: char| c.is_whitespace() || (c.is_ascii_punctuation() && c != '\'')) {
        let word = token.trim_matches(|c: char| {
            matches!(c, '“' | '”' | '‘' | '’' | '…' | '–' | '—' | '«' | '»' | '\'' | '\u{00A0}')
        });
        if word.is_ascii() || word.is_empty() {
            continue;
        }
        if word.chars().any(|c| c == '\u{FFFD}' || c.is_control()) {
            s -= 2;
        } else if is_syllable(word) {
            s += 1;
        } else {
            s -= 1;
        }
    }
    s
}

/// The start of `text`, at most about `max` bytes, cut at a line end (or a char boundary).
pub fn sample(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    match text[..end].rfind('\n') {
        Some(nl) if nl > max / 2 => &text[..nl],
        _ => &text[..end],
    }
}

/// Number of words with a non-ASCII letter (the most [`score`] can reach).
pub fn scored_words(text: &str) -> i64 {
    text.split(|c: char| c.is_whitespace() || c.is_ascii_punctuation()).filter(|w| !w.is_ascii()).count() as i64
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn syllables() {
        for w in ["Nguyễn", "Việt", "người", "khuya", "gì", "giữ", "Quốc", "ĐẢNG", "ủy", "uỷ", "nghiêng", "hoà", "tỉnh"]
        {
            assert!(is_syllable(w), "{w}");
        }
        for w in ["B¶o", "Th¾ng", "Vieät", "nhµ", "ÑAÛNG", "café", "Zürich", "tỉnhh"] {
            assert!(!is_syllable(w), "{w}");
        }
    }
    #[test]
    fn scores() {
        assert!(score("Bảo Thắng") > score("B¶o Th¾ng"));
    }
}
