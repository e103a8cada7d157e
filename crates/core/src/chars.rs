//! The one word-character table of the text layer: which characters make words, letters and capitals, and
//! their lower case, with Vietnamese letters answered without the Unicode tables (every character of every
//! article is asked). The bottom of the core: it imports nothing of it.

/// Letters and digits, with Vietnamese letters answered without the Unicode tables.
#[inline]
pub fn is_word_char(c: char) -> bool {
    match c {
        c if c.is_ascii() => ASCII_WORD[c as usize],
        '\u{c0}'..='\u{24f}' => c != '\u{d7}' && c != '\u{f7}',
        '\u{1e00}'..='\u{1eff}' => true,
        // General punctuation: quotes, dashes, ellipsis.
        '\u{2000}'..='\u{206f}' => false,
        c => c.is_alphanumeric(),
    }
}

/// ASCII letters and digits, as a table: the tokenizer asks for every character.
pub const ASCII_WORD: [bool; 128] = {
    let mut t = [false; 128];
    let mut x = 0;
    while x < 128 {
        t[x] = (x as u8).is_ascii_alphanumeric();
        x += 1;
    }
    t
};

/// Whether a word starts with a capital letter.
pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(is_upper)
}

/// Whether a word is all capitals (an abbreviation such as `UBND`), at least two letters.
pub fn is_all_caps(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars().filter(|&c| is_letter(c)) {
        if !is_upper(c) {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

/// `char::is_alphabetic`, with Vietnamese letters answered without the Unicode tables.
#[inline]
pub fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        c if c.is_ascii() => false,
        '\u{c0}'..='\u{24f}' => c != '\u{d7}' && c != '\u{f7}',
        '\u{1e00}'..='\u{1eff}' => true,
        c => c.is_alphabetic(),
    }
}

/// Whether a letter carries a mark Vietnamese writes (`ơ`, `đ`, `â`, a tone: `á`, `ạ`): a word with one is a
/// Vietnamese syllable more likely than a foreign name's (`Huân`, `Chính`, not `Trump`, `Hegseth`). Foreign
/// names written with `á` or `é` read as Vietnamese here; a rule that asks this errs toward Vietnamese.
pub fn has_vietnamese_mark(c: char) -> bool {
    matches!(
        lower_char(c),
        '\u{1ea0}'
            ..='\u{1ef9}'
                | 'à'
                | 'á'
                | 'â'
                | 'ã'
                | 'è'
                | 'é'
                | 'ê'
                | 'ì'
                | 'í'
                | 'ò'
                | 'ó'
                | 'ô'
                | 'õ'
                | 'ù'
                | 'ú'
                | 'ý'
                | 'ă'
                | 'đ'
                | 'ĩ'
                | 'ũ'
                | 'ơ'
                | 'ư'
    )
}

/// `char::is_uppercase`, with Vietnamese letters answered without the Unicode tables.
#[inline]
pub fn is_upper(c: char) -> bool {
    match c {
        'A'..='Z' => true,
        c if c.is_ascii() => false,
        // Precomposed Vietnamese letters: capitals at even code points.
        '\u{1ea0}'..='\u{1ef9}' => c as u32 & 1 == 0,
        '\u{c0}'..='\u{de}' => c != '\u{d7}',
        '\u{df}'..='\u{ff}' => false,
        c => c.is_uppercase(),
    }
}

/// `char::is_lowercase`, with Vietnamese letters answered without the Unicode tables.
#[inline]
pub fn is_lower(c: char) -> bool {
    match c {
        'a'..='z' => true,
        c if c.is_ascii() => false,
        // Precomposed Vietnamese letters: small letters at odd code points.
        '\u{1ea0}'..='\u{1ef9}' => c as u32 & 1 == 1,
        '\u{c0}'..='\u{de}' => false,
        '\u{df}'..='\u{ff}' => c != '\u{f7}',
        c => c.is_lowercase(),
    }
}

/// Lower case of one char, with Vietnamese letters done without the Unicode tables.
#[inline]
pub fn lower_char(c: char) -> char {
    match c {
        'A'..='Z' => (c as u8 + 32) as char,
        c if c.is_ascii() => c,
        // Latin-1 capitals À..Þ (not ×).
        '\u{c0}'..='\u{de}' if c != '\u{d7}' => char::from_u32(c as u32 + 32).unwrap_or(c),
        // Vietnamese precomposed letters: capitals at even code points, the small letter follows.
        '\u{1ea0}'..='\u{1ef9}' => char::from_u32(c as u32 | 1).unwrap_or(c),
        'Ă' | 'Đ' | 'Ĩ' | 'Ũ' | 'Ơ' => char::from_u32(c as u32 + 1).unwrap_or(c),
        'Ư' => 'ư',
        c if c.is_uppercase() => c.to_lowercase().next().unwrap_or(c),
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_letter_and_case_agree_with_std() {
        for c in (0..0x2100).chain(0x1e00..0x1f00).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_upper(c), c.is_uppercase(), "{c:?}");
            assert_eq!(is_lower(c), c.is_lowercase(), "{c:?}");
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn lower_char_agrees_with_std() {
        for word in [
            "ĐẢNG BỘ TỈNH BÌNH ĐỊNH",
            "ỦY BAN NHÂN DÂN",
            "ƯỚC",
            "ĂN",
            "Ĩ",
            "ŨNG",
            "ƠN",
            "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ",
            "ẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ",
        ] {
            let want: String = word.to_lowercase();
            let got: String = word.chars().map(lower_char).collect();
            assert_eq!(got, want);
        }
    }
}
