//! Words, punctuation and sentences of the normalised text, as byte ranges into it.
//!
//! A word is a run of letters and digits, with the joiners that keep one unit
//! whole: `H'Yim`, `KH&ĐT`, `CT-XH`, `TP.HCM`, `T.Ư`. A dash with spaces
//! around it is punctuation (`Nguyễn Văn A - Bí thư`).

use std::ops::Range;

use compact_str::CompactString;

use crate::lexicon::fold_compact;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    Word,
    Punct(char),
}

#[derive(Debug, Clone)]
pub struct Token {
    pub kind: Kind,
    pub range: Range<usize>,
    /// Folded form of a word (lower case, one tone placement); the character itself for punctuation.
    /// Inline (no allocation) for words up to 24 bytes, which is nearly all of them.
    pub folded: CompactString,
}

impl Token {
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.range.clone()]
    }
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }
}

/// Letters and digits, with Vietnamese letters answered without the Unicode tables.
#[inline]
pub fn is_word_char(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        c if c.is_ascii() => false,
        '\u{c0}'..='\u{24f}' => c != '\u{d7}' && c != '\u{f7}',
        '\u{1e00}'..='\u{1eff}' => true,
        c => c.is_alphanumeric(),
    }
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '&' | '-' | '.')
}

/// Tokens of `text[range]`, with ranges into `text`.
pub fn tokenize(text: &str, range: Range<usize>) -> Vec<Token> {
    let slice = &text[range.clone()];
    let base = range.start;
    let chars: Vec<(usize, char)> = slice.char_indices().collect();
    let mut tokens = Vec::with_capacity(slice.len() / 5 + 4);
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if is_word_char(c) {
            let mut j = i + 1;
            while j < chars.len() {
                let cj = chars[j].1;
                if is_word_char(cj) {
                    j += 1;
                } else if is_joiner(cj) && j + 1 < chars.len() && is_word_char(chars[j + 1].1) && joins(&chars, i, j) {
                    j += 2;
                } else {
                    break;
                }
            }
            let end = chars.get(j).map_or(slice.len(), |(b, _)| *b);
            let word = &slice[at..end];
            tokens.push(Token { kind: Kind::Word, range: base + at..base + end, folded: fold_compact(word) });
            i = j;
        } else {
            if !c.is_whitespace() {
                tokens.push(Token { kind: Kind::Punct(c), range: base + at..base + at + c.len_utf8(), folded: CompactString::from(&*c.encode_utf8(&mut [0; 4])) });
            }
            i += 1;
        }
    }
    tokens
}

/// The tokens of `all` (sorted, as `tokenize` gives them) that lie inside `range`.
pub fn within<'a>(all: &'a [Token], range: &Range<usize>) -> &'a [Token] {
    let a = all.partition_point(|t| t.range.start < range.start);
    let b = all.partition_point(|t| t.range.start < range.end);
    &all[a..b.max(a)]
}

/// Whether the joiner at `j` keeps the word that started at `start` whole.
fn joins(chars: &[(usize, char)], start: usize, j: usize) -> bool {
    let joiner = chars[j].1;
    let before = chars[j - 1].1;
    let after = chars[j + 1].1;
    match joiner {
        // Apostrophes inside minority names (H'Yim, K'Sor) and elisions.
        '\'' | '’' => true,
        // Abbreviations: KH&ĐT, NN&PTNT.
        '&' => before.is_uppercase() || after.is_uppercase(),
        // Codes: CT-XH, BR-VT, 150-CTr; not "Hà Nội-Hải Phòng" style prose (both sides lower).
        '-' => before.is_uppercase() || after.is_uppercase() || before.is_ascii_digit() || after.is_ascii_digit(),
        // Dotted abbreviations: TP.HCM, T.Ư, but not the end of a sentence "Hà Nội.Sáng" glued by a typo
        // (only when the word so far is all capitals or digits).
        '.' => {
            let so_far: String = chars[start..j].iter().map(|(_, c)| *c).collect();
            (so_far.chars().all(|c| c.is_uppercase() || c == '.') && after.is_uppercase())
                || (before.is_ascii_digit() && after.is_ascii_digit())
        }
        _ => false,
    }
}

/// Sentences of `text[range]`: split at line breaks and at `.`, `!`, `?` followed by a space and a capital
/// (or an opening quote), except after short abbreviations (`TP.`, `Th.`, `TS.`).
pub fn sentences(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = range.start;
    let slice = &text[range.clone()];
    let mut iter = slice.char_indices().peekable();
    while let Some((at, c)) = iter.next() {
        let abs = range.start + at;
        let cut = match c {
            '\n' => Some(abs),
            '.' | '!' | '?' | '…' => {
                let rest = &slice[at + c.len_utf8()..];
                let mut next = rest.chars();
                let space = next.next();
                let after = next.next();
                let ends = matches!(space, Some(' ')) && after.is_some_and(|a| a.is_uppercase() || matches!(a, '"' | '“' | '(' | '\''));
                let glued = space.is_some_and(|s| s.is_uppercase()) && c != '.';
                if (ends && !after_abbreviation(&slice[..at])) || glued || rest.is_empty() {
                    Some(abs + c.len_utf8())
                } else {
                    None
                }
            }
            _ => None,
        };
        if let Some(end) = cut {
            push_trimmed(text, start..end, &mut out);
            start = if c == '\n' { abs + 1 } else { end };
        }
    }
    push_trimmed(text, start..range.end, &mut out);
    out
}

fn after_abbreviation(before: &str) -> bool {
    let last = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    let n = last.chars().count();
    (n == 1 && last.chars().all(char::is_uppercase)) || matches!(last, "TP" | "Tp" | "Th" | "TS" | "ThS" | "PGS" | "GS" | "BS" | "St" | "Q" | "P" | "TT")
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[range.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(range.start + lead..range.end - trail);
    }
}

/// Whether a word starts with a capital letter.
pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether a word is all capitals (an abbreviation such as `UBND`), at least two letters.
pub fn is_all_caps(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && word.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, 0..text.len()).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn token_table() {
        let cases: [(&str, &[&str]); 5] = [
            ("Sở KH&ĐT, TP.HCM", &["Sở", "KH&ĐT", ",", "TP.HCM"]),
            ("ông H'Yim Kđoh - Bí thư", &["ông", "H'Yim", "Kđoh", "-", "Bí", "thư"]),
            ("CT-XH và 150-CTr/BCSĐ", &["CT-XH", "và", "150-CTr", "/", "BCSĐ"]),
            ("Hà Nội. Sáng", &["Hà", "Nội", ".", "Sáng"]),
            ("2.226 mô hình", &["2.226", "mô", "hình"]),
        ];
        for (text, want) in cases {
            assert_eq!(words(text), want, "{text}");
        }
    }

    #[test]
    fn sentence_table() {
        let text = "Sáng 13-7, Ban tổ chức. Đồng chí A chủ trì.\nTP. Hồ Chí Minh đẹp. Xong";
        let got: Vec<&str> = sentences(text, 0..text.len()).into_iter().map(|r| &text[r]).collect();
        assert_eq!(got, ["Sáng 13-7, Ban tổ chức.", "Đồng chí A chủ trì.", "TP. Hồ Chí Minh đẹp.", "Xong"]);
    }
}
