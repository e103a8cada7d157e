//! Folding text to comparison keys: names, posts, organisers, dates.
//!
//! Two spellings fold to the same key when they differ only in Unicode form (NFC/NFD), case, where the
//! tone mark sits (`hoà`/`hòa`, `Uỷ`/`Ủy`), whitespace or punctuation. The tone mark is taken off its
//! vowel and written as a digit after the syllable (`hòa` -> `hoa2`), so no rule about *where* it belongs
//! is needed. Keys are for comparing only; what users see is always text as some article wrote it.

use std::collections::HashMap;
use std::sync::LazyLock;

use hoinghi_core::classes::{written, Class};

/// The tone marks of Vietnamese in NFD, each with the digit it folds to.
fn tone_digit(c: char) -> Option<char> {
    match c {
        '\u{0301}' | '\u{0341}' => Some('1'), // sắc
        '\u{0300}' | '\u{0340}' => Some('2'), // huyền
        '\u{0309}' => Some('3'),              // hỏi
        '\u{0303}' => Some('4'),              // ngã
        '\u{0323}' => Some('5'),              // nặng
        _ => None,
    }
}

/// Letters that join a word rather than split it (`H'Yim`, `K’Bang`).
fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '‘')
}

/// The folded key of `text`: lower-case syllables, tone as a trailing digit, single spaces.
///
/// Works a char at a time (decomposing only non-ASCII chars and composing each mark back onto its
/// letter), which is several times faster than a whole-string NFD then NFC and gives the same key.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut tone: Option<char> = None;
    // Where the current word starts in `out` (`None` between words).
    let mut word: Option<usize> = None;
    let end_word = |out: &mut String, tone: &mut Option<char>, word: &mut Option<usize>| {
        if let Some(start) = word.take() {
            // A footnote number glued to a word (`Chính phủ4`, `Trung ương10`) is not part of it.
            let letters = out[start..].trim_end_matches(|c: char| c.is_ascii_digit()).len();
            if letters > 0 {
                out.truncate(start + letters);
            }
            if let Some(t) = tone.take() {
                out.push(t);
            }
        }
    };
    let take = |c: char, out: &mut String, tone: &mut Option<char>, word: &mut Option<usize>| {
        if let Some(t) = tone_digit(c) {
            *tone = Some(t);
        } else if is_combining(c) {
            if word.is_some() {
                let last = out.pop().expect("a word has a letter");
                match unicode_normalization::char::compose(last, c) {
                    Some(composed) => out.push(composed),
                    None => {
                        out.push(last);
                        out.push(c);
                    }
                }
            }
        } else if c.is_alphanumeric() {
            if word.is_none() {
                if !out.is_empty() {
                    out.push(' ');
                }
                *word = Some(out.len());
            }
            out.extend(c.to_lowercase());
        } else if !is_joiner(c) {
            end_word(out, tone, word);
        }
    };
    for c in text.chars() {
        if c.is_ascii() {
            take(c, &mut out, &mut tone, &mut word);
        } else {
            unicode_normalization::char::decompose_canonical(c, |d| take(d, &mut out, &mut tone, &mut word));
        }
    }
    end_word(&mut out, &mut tone, &mut word);
    out
}

/// Combining marks other than tones: circumflex, breve, horn and the rare others, kept on their letter.
fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}')
}

/// First folded word -> (pattern words, replacement), longest pattern first.
type Abbreviations = HashMap<String, Vec<(Vec<String>, String)>>;

static ABBREVIATIONS: LazyLock<Abbreviations> = LazyLock::new(|| {
    let mut table: Abbreviations = HashMap::new();
    // The core's `abbreviations.tsv`, the rows with `use` = both or merge.
    for a in hoinghi_core::lexicon::ALL_ABBREVIATIONS.iter().filter(|a| a.merge) {
        let words: Vec<String> = fold(a.written).split(' ').map(str::to_string).collect();
        table.entry(words[0].clone()).or_default().push((words, fold(a.expansion)));
    }
    for patterns in table.values_mut() {
        patterns.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
    }
    table
});

/// The key of a post, a body or an organiser: folded, abbreviations expanded (`UBND tỉnh` = `Ủy ban nhân dân tỉnh`).
pub fn phrase_key(text: &str) -> String {
    // Twice, so that a phrase formed by an expansion is seen (`UBMTTQ Việt Nam` -> `Ủy ban Mặt trận Tổ quốc Việt Nam` -> ...).
    expand(&expand(&fold(text)))
}

/// Replaces abbreviations in an already folded text, longest match first.
pub fn expand(folded: &str) -> String {
    let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    let mut out: Vec<&str> = Vec::with_capacity(words.len() + 4);
    let mut i = 0;
    while i < words.len() {
        let hit = ABBREVIATIONS.get(words[i]).and_then(|patterns| {
            patterns.iter().find(|(p, _)| words.len() - i >= p.len() && p.iter().zip(&words[i..]).all(|(a, b)| a == b))
        });
        match hit {
            Some((pattern, replacement)) => {
                out.extend(replacement.split(' ').filter(|w| !w.is_empty()));
                i += pattern.len();
            }
            None => {
                out.push(words[i]);
                i += 1;
            }
        }
    }
    out.join(" ")
}

/// The folded words of `thường trực` (`Standing`), which a post may carry or drop without changing: the core's
/// class `standing` (`data/word_classes.tsv`), whose one entry the merge takes out of a post's key.
pub static THUONG_TRUC: LazyLock<String> =
    LazyLock::new(|| fold(written(Class::Standing).next().expect("word_classes.tsv has a standing entry")));

/// Text as shown: NFC, whitespace runs collapsed to one space, trimmed.
pub fn display(text: &str) -> String {
    let tidy = |t: &str| {
        let mut prev_space = true;
        !t.chars().any(|c| {
            let bad = c.is_whitespace() && (prev_space || c != ' ');
            prev_space = c.is_whitespace();
            bad
        }) && !prev_space
    };
    let nfc = unicode_normalization::is_nfc_quick(text.chars()) == unicode_normalization::IsNormalized::Yes;
    match (nfc, tidy(text)) {
        (true, true) => text.to_string(),
        (true, false) => text.split_whitespace().collect::<Vec<_>>().join(" "),
        (false, _) => crate::nfc::nfc(text).split_whitespace().collect::<Vec<_>>().join(" "),
    }
}

/// Whether every word of a name starts with a capital letter (`Lê Trí Vũ` yes, `Lê trí Vũ` no).
pub fn is_capitalised(name: &str) -> bool {
    name.split_whitespace().all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()))
}

/// The `YYYY-MM-DD` part of a date or date-time, `None` unless it is a real calendar day.
pub fn day_of(text: &str) -> Option<String> {
    hoinghi_core::Date::parse_iso(text).map(|_| text[..10].to_string())
}

/// Days between two `YYYY-MM-DD` dates (`b - a`), `None` when either does not parse.
pub fn days_between(a: &str, b: &str) -> Option<i64> {
    let (a, b) = (hoinghi_core::Date::parse_iso(a)?, hoinghi_core::Date::parse_iso(b)?);
    Some(b.days_since_epoch() - a.days_since_epoch())
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    /// Spellings that must fold to one key, each with why.
    const SAME: &[(&str, &str, &str)] = &[
        ("Lê trí Vũ", "Lê Trí Vũ", "case typo in eval/dev/003"),
        ("hoà", "hòa", "old and new tone placement"),
        ("Uỷ ban", "Ủy ban", "tone on y or on u"),
        ("thuỷ", "thủy", "tone on y or on u"),
        ("Nguye\u{0302}\u{0303}n  Thanh\tBình", "Nguyễn Thanh Bình", "NFD input and stray whitespace"),
        ("H'Yim Kđoh", "H’Yim Kđoh", "straight and curly apostrophe"),
        ("Phó Thủ tướng Thường trực Chính phủ4", "Phó Thủ tướng Thường trực Chính phủ", "footnote digit in vntc/0269"),
        ("Khoá XV", "khóa xv", "tone placement and case"),
        (
            "Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng ban Dân vận Tỉnh ủy",
            "ỦY VIÊN BAN THƯỜNG VỤ TỈNH ỦY - TRƯỞNG BAN DÂN VẬN TỈNH ỦY",
            "all caps headline",
        ),
    ];

    /// Spellings that must stay apart.
    const DIFFERENT: &[(&str, &str, &str)] = &[
        ("Nguyễn Văn An", "Nguyễn Văn Ân", "different vowel quality"),
        ("Lê Thanh Hải", "Lê Thanh Hai", "tone mark dropped is another name"),
        ("Phạm Thị Thanh Trà", "Phạm Thị Thanh Tra", "tone mark dropped is another name"),
        ("Đỗ Đức Duy", "Do Duc Duy", "đ is not d in names"),
        ("khóa 14", "khóa", "a number on its own is a word"),
    ];

    #[test]
    fn folds_alike() {
        for (a, b, why) in SAME {
            assert_eq!(fold(a), fold(b), "{why}");
        }
        for (a, b, why) in DIFFERENT {
            assert_ne!(fold(a), fold(b), "{why}");
        }
    }

    #[test]
    fn nfc_and_nfd_fold_alike() {
        // dev/004, line 11, and dev/000's lead.
        let text = "UVTV Tỉnh ủy, Trưởng ban DV Tỉnh ủy, Phó Trưởng ban Thường trực Ban Chỉ đạo QCDC ở cơ sở tỉnh \
                    Nguyễn Chí Tài; Chiều 17/6, Ban Dân vận Tỉnh ủy tổ chức hội nghị giao ban công tác dân vận \
                    6 tháng đầu năm 2024. Đồng chí Nguyễn Thị Phong Vũ - Ủy viên Ban Thường vụ Tỉnh ủy chủ trì.";
        let nfd: String = text.nfd().collect();
        assert_eq!(fold(text), fold(&nfd));
        assert!(fold(text).starts_with("uvtv tinh3 uy3 trương3 ban dv"), "{}", fold(text));
    }

    #[test]
    fn expands_abbreviations() {
        assert_eq!(phrase_key("UVBTV Tỉnh uỷ"), phrase_key("Ủy viên Ban Thường vụ Tỉnh ủy"));
        assert_eq!(phrase_key("Phó Chủ tịch UBND tỉnh"), phrase_key("Phó Chủ tịch Ủy ban nhân dân tỉnh"));
        assert_eq!(
            phrase_key("Chủ tịch UBMTTQ Việt Nam tỉnh"),
            phrase_key("Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh")
        );
        assert_eq!(phrase_key("Phó Chủ tịch UBND TP.HCM"), phrase_key("Phó Chủ tịch UBND TPHCM"));
    }

    #[test]
    fn days() {
        assert_eq!(day_of("2024-06-17T17:01").as_deref(), Some("2024-06-17"));
        assert_eq!(day_of("2024-02-30"), None);
        assert_eq!(days_between("2024-06-17", "2024-06-18"), Some(1));
        assert!(is_capitalised("Y Ngọc") && !is_capitalised("Lê trí Vũ"));
        for (raw, shown) in [
            ("Lê Trí Vũ", "Lê Trí Vũ"),
            ("  Lê  Trí\tVũ ", "Lê Trí Vũ"),
            ("Nguye\u{0302}\u{0303}n", "Nguyễn"),
            ("", ""),
        ] {
            assert_eq!(display(raw), shown, "{raw:?}");
        }
    }
}
