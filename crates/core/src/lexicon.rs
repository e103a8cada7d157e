//! The lexicons: data files in `data/`, read once into lookup tables.
//!
//! Every file is a TSV with `#` comment lines, then a line of column names,
//! then rows, read by [`crate::data::rows`]. Words are compared by [`fold`]: lower case, one tone placement.

use crate::data;
use crate::fasthash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

use crate::normalise::traditional_tone_placement;

/// The folded tokens of a lexicon phrase, as the tokenizer would give them in running text.
pub fn folded_tokens(phrase: &str) -> Vec<String> {
    crate::tokens::tokenize(phrase, 0..phrase.len()).into_iter().map(|t| t.folded.to_string()).collect()
}

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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
                (crate::tokens::is_letter(c), crate::tokens::is_upper(c))
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

/// A rank: the head of a position (`Phó Chủ tịch`).
#[derive(Debug)]
pub struct Rank {
    pub name: &'static str,
    pub needs_body: bool,
    pub party: bool,
    /// Other spellings and abbreviations.
    pub variants: Vec<&'static str>,
    /// The body a bare rank stands for (`Thủ tướng`: `Chính phủ`), for the merge.
    pub implied_body: Option<&'static str>,
    /// The word a body under this rank starts with, when an article leaves it out (`Bộ trưởng Tài chính`:
    /// `Bộ`), for the merge.
    pub body_starts_with: Option<&'static str>,
    /// Whether the extractor finds it in running text (`use` = both); a `merge` row only helps the merge
    /// read a post.
    pub extract: bool,
}

/// Ranks by their folded word sequence (canonical spellings and variants).
pub struct Ranks {
    pub list: Vec<Rank>,
    /// Phrases by first word, longest first: (folded tokens, rank index).
    pub by_first: PhraseIndex<usize>,
}

/// Phrases of folded tokens, found by their first token without allocating: candidates longest first.
pub struct PhraseIndex<T> {
    map: HashMap<String, Vec<(Vec<String>, T)>>,
    /// A filter on the first words' (length, first byte, last byte): most words of running text start
    /// no phrase, and this answers them without hashing the word.
    filter: WordFilter,
}

impl<T: Copy> PhraseIndex<T> {
    pub fn new(phrases: impl IntoIterator<Item = (Vec<String>, T)>) -> Self {
        let mut map: HashMap<String, Vec<(Vec<String>, T)>> = HashMap::default();
        for (words, value) in phrases {
            if let Some(first) = words.first().cloned() {
                map.entry(first).or_default().push((words, value));
            }
        }
        for list in map.values_mut() {
            list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
        let mut filter = WordFilter::default();
        for word in map.keys() {
            filter.insert(word);
        }
        PhraseIndex { map, filter }
    }

    /// The longest phrase starting at `tokens[i]` whose value `keep` accepts: (token count, value).
    pub fn longest_where(
        &self,
        tokens: &[crate::tokens::Token],
        i: usize,
        keep: impl Fn(&T) -> bool,
    ) -> Option<(usize, T)> {
        let first = tokens.get(i)?.folded.as_str();
        if !self.filter.may_contain(first) {
            return None;
        }
        self.map.get(first)?.iter().find_map(|(words, value)| {
            let n = words.len();
            (keep(value) && i + n <= tokens.len() && tokens[i..i + n].iter().zip(words).all(|(t, w)| t.folded == *w))
                .then_some((n, *value))
        })
    }

    /// The longest phrase starting at `tokens[i]`: (token count, value).
    pub fn longest_at(&self, tokens: &[crate::tokens::Token], i: usize) -> Option<(usize, T)> {
        let first = tokens.get(i)?.folded.as_str();
        if !self.filter.may_contain(first) {
            return None;
        }
        let list = self.map.get(first)?;
        list.iter().find_map(|(words, value)| {
            let n = words.len();
            (i + n <= tokens.len() && tokens[i..i + n].iter().zip(words).all(|(t, w)| t.folded == *w))
                .then_some((n, *value))
        })
    }

    pub fn has_first(&self, word: &str) -> bool {
        self.filter.may_contain(word) && self.map.contains_key(word)
    }
}

/// A 4,096-bit filter of words by (length, first byte, last byte): no false negatives.
pub struct WordFilter([u64; 64]);

impl Default for WordFilter {
    fn default() -> Self {
        WordFilter([0; 64])
    }
}

impl WordFilter {
    fn bit(word: &str) -> usize {
        let b = word.as_bytes();
        let (first, last) = (b.first().copied().unwrap_or(0) as usize, b.last().copied().unwrap_or(0) as usize);
        (first.wrapping_mul(0x9e37) ^ last.wrapping_mul(0x85eb) ^ b.len().wrapping_mul(0xc2b3)) & 4095
    }

    pub fn insert(&mut self, word: &str) {
        let bit = Self::bit(word);
        self.0[bit / 64] |= 1 << (bit % 64);
    }

    pub fn may_contain(&self, word: &str) -> bool {
        let bit = Self::bit(word);
        self.0[bit / 64] & (1 << (bit % 64)) != 0
    }
}

pub static RANKS: LazyLock<Ranks> = LazyLock::new(|| {
    let mut list = Vec::new();
    let mut by_words = HashMap::default();
    for row in data::rows(&data::RANKS) {
        let index = list.len();
        let rank = Rank {
            name: row.get("rank"),
            needs_body: row.yes("needs_body"),
            party: row.yes("party"),
            variants: row.list("variants").collect(),
            implied_body: row.optional("implied_body"),
            body_starts_with: row.optional("body_starts_with"),
            extract: uses(&row, &["both", "merge"]).0,
        };
        if rank.extract {
            for spelling in std::iter::once(rank.name).chain(rank.variants.iter().copied()) {
                by_words.entry(folded_tokens(spelling)).or_insert(index);
            }
        }
        list.push(rank);
    }
    // The first spelling of a phrase wins when two ranks list the same one.
    let by_first = PhraseIndex::new(by_words);
    Ranks { list, by_first }
});

/// Abbreviation → expansion, by the abbreviation's word sequence (case-sensitive): the rows the
/// extractor expands (`use` = both or extract).
pub static ABBREVIATIONS: LazyLock<HashMap<&'static str, &'static str>> =
    LazyLock::new(|| ALL_ABBREVIATIONS.iter().filter(|a| a.extract).map(|a| (a.written, a.expansion)).collect());

/// One row of `abbreviations.tsv`.
#[derive(Debug, Clone, Copy)]
pub struct Abbreviation {
    pub written: &'static str,
    /// Empty when the merge drops the words (`và`).
    pub expansion: &'static str,
    /// Whether the extractor expands it in the positions it prints (`use` = both or extract).
    pub extract: bool,
    /// Whether the merge folds it before comparing (`use` = both or merge).
    pub merge: bool,
}

/// Whether the `use` cell of a row says `both` or `extract`, and whether it says `both` or `merge`;
/// panics, naming the file and line, on any other value than those `allowed`.
fn uses(row: &data::Row, allowed: &[&str]) -> (bool, bool) {
    match row.get("use") {
        u if !allowed.contains(&u) => row.malformed(&format!("use `{u}` is not one of {}", allowed.join(", "))),
        u => (u != "merge", u != "extract"),
    }
}

/// Every row of `abbreviations.tsv`, in the file's order.
pub static ALL_ABBREVIATIONS: LazyLock<Vec<Abbreviation>> = LazyLock::new(|| {
    data::rows(&data::ABBREVIATIONS)
        .iter()
        .map(|r| {
            let (extract, merge) = uses(r, &["both", "extract", "merge"]);
            Abbreviation { written: r.get("abbreviation"), expansion: r.get("expansion"), extract, merge }
        })
        .collect()
});

fn word_set(file: &data::DataFile) -> WordSet {
    data::rows(file).iter().map(|r| fold(r.get("word"))).collect()
}

/// A set of folded words, with a [`WordFilter`] in front of the hash.
#[derive(Default)]
pub struct WordSet {
    set: HashSet<String>,
    filter: WordFilter,
}

impl WordSet {
    pub fn contains(&self, word: &str) -> bool {
        self.filter.may_contain(word) && self.set.contains(word)
    }
}

impl FromIterator<String> for WordSet {
    fn from_iter<I: IntoIterator<Item = String>>(words: I) -> Self {
        let mut out = WordSet::default();
        for w in words {
            out.filter.insert(&w);
            out.set.insert(w);
        }
        out
    }
}

/// Lower-case words that may stand inside a position's body.
pub static BODY_WORDS: LazyLock<WordSet> = LazyLock::new(|| word_set(&data::BODY_WORDS));

/// Lower-case words that end a position.
pub static STOP_WORDS: LazyLock<WordSet> = LazyLock::new(|| word_set(&data::STOP_WORDS));

/// Family names, each as its folded word sequence (`rơ châm`), indexed by first word.
pub static FAMILY_NAMES: LazyLock<PhraseIndex<()>> = LazyLock::new(|| {
    PhraseIndex::new(data::rows(&data::FAMILY_NAMES).iter().map(|r| (folded_tokens(r.get("name")), ())))
});

/// Meeting-kind phrases (folded words) → (kind, priority), indexed by first word.
pub static MEETING_KINDS: LazyLock<PhraseIndex<(&'static str, u8)>> = LazyLock::new(|| {
    PhraseIndex::new(
        data::rows(&data::MEETING_KINDS)
            .iter()
            .map(|r| (folded_tokens(r.get("phrase")), (r.get("kind"), r.get("priority").parse().unwrap_or(0)))),
    )
});

/// A kind of document (`data/document_kinds.tsv`).
#[derive(Debug)]
pub struct DocumentKind {
    /// Canonical spelling (`Chỉ thị`).
    pub name: &'static str,
    /// The letters that stand for the kind inside a number (`CT` in `33/CT-TTg`), empty when none.
    pub symbol: &'static str,
    /// The kind names nothing but a document: written in lower case before a bare number it still cites one
    /// (`theo chỉ thị 16`), where a kind that is also a common word does not (`kế hoạch 800 cửa hàng`).
    pub bare: bool,
}

/// Document kinds, longest first.
pub static DOCUMENT_KINDS: LazyLock<Vec<DocumentKind>> = LazyLock::new(|| {
    let mut kinds: Vec<_> = data::rows(&data::DOCUMENT_KINDS)
        .iter()
        .map(|r| DocumentKind { name: r.get("kind"), symbol: r.get("symbol"), bare: r.yes("bare") })
        .collect();
    kinds.sort_by_key(|k| std::cmp::Reverse(k.name.len()));
    kinds
});

/// Issuer codes in document numbers (`TTg`) → issuer.
pub static DOCUMENT_ISSUERS: LazyLock<HashMap<&'static str, &'static str>> =
    LazyLock::new(|| data::rows(&data::DOCUMENT_ISSUERS).iter().map(|r| (r.get("code"), r.get("issuer"))).collect());

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicons_load_and_fold() {
        assert!(RANKS.list.len() > 50);
        let tokens = crate::tokens::tokenize("Phó chủ tịch", 0.."Phó chủ tịch".len());
        assert_eq!(
            RANKS.by_first.longest_at(&tokens, 0).map(|(n, r)| (n, RANKS.list[r].name)),
            Some((3, "Phó Chủ tịch"))
        );
        assert_eq!(ABBREVIATIONS["UBND"], "Ủy ban nhân dân");
        assert!(FAMILY_NAMES.has_first("nguyễn"));
        assert_eq!(fold("Uỷ"), "ủy");
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
        assert!(STOP_WORDS.contains("chủ") && BODY_WORDS.contains("tỉnh"));
    }

    #[test]
    fn byte_lowering_agrees_with_chars() {
        for c in (0..0x2100).chain(0x1e00..0x1f00).filter_map(char::from_u32) {
            for word in [format!("{c}"), format!("x{c}Y"), format!("o{c}")] {
                let mut buf = Vec::new();
                let shape = lower_into(&word, &mut buf);
                let want: String = word.chars().map(lower_char).collect();
                assert_eq!(String::from_utf8(buf).unwrap(), want, "{c:?}");
                assert_eq!(shape.capitalised, crate::tokens::is_capitalised(&word), "{c:?}");
                assert_eq!(shape.all_caps, crate::tokens::is_all_caps(&word), "{word:?}");
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
