//! Finding things the way people type them, and sorting them the way Vietnamese readers expect.
//!
//! **Search.** Text and query are read into letters, each a base letter with its marks apart: the
//! shape (`â` `ă` `ê` `ô` `ơ` `ư` `đ`) and the tone. A query letter matches a letter of the text when
//! the bases agree and every mark the query *does* write is there: `pham anh tuan` finds `Phạm Anh
//! Tuấn`, `tuấn` finds it too, but `hải` does not find `Hai`. Case, Unicode form and where the tone
//! sits (`hoà` = `hòa`, the core's [`hoinghi_core::lexicon::fold`]) do not matter. A query matches
//! at the start of a word. Abbreviations (the core's `abbreviations.tsv`, the rows the merge expands)
//! are expanded on both sides, so `UBND tỉnh` finds `Ủy ban nhân dân tỉnh` and the reverse; the text
//! as written is tried first, so a query that only looks like an abbreviation still finds itself.
//!
//! **Order.** [`sort_key`] orders as a Vietnamese dictionary does: letters first (`a ă â b c d đ e ê
//! ... o ô ơ ... u ư ...`), case aside, then the tone of each syllable (none, huyền, hỏi, ngã, sắc,
//! nặng) before the next syllable; a run of digits is one number (`9/NQ` before `15/NQ`).

use std::cmp::Ordering;
use std::collections::HashMap;
use std::sync::LazyLock;

/// One letter of folded text: the base (`a`..`z`, a digit, another letter, or `' '` between words),
/// its shape mark and its tone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Letter {
    base: char,
    /// 0 none, 1 breve (`ă`), 2 circumflex (`â ê ô`), 3 horn (`ơ ư`), 4 stroke (`đ`), 5 another mark.
    shape: u8,
    /// 0 none (ngang), 1 huyền, 2 hỏi, 3 ngã, 4 sắc, 5 nặng: the dictionary's order.
    tone: u8,
}

const SPACE: Letter = Letter { base: ' ', shape: 0, tone: 0 };

impl Letter {
    /// Whether `self`, typed in a query, finds `other` in a text.
    fn finds(self, other: Letter) -> bool {
        self.base == other.base
            && (self.shape == 0 || self.shape == other.shape)
            && (self.tone == 0 || self.tone == other.tone)
    }
}

fn mark(c: char) -> Option<(u8, u8)> {
    // (shape, tone)
    Some(match c {
        '\u{0306}' => (1, 0),
        '\u{0302}' => (2, 0),
        '\u{031B}' => (3, 0),
        '\u{0300}' | '\u{0340}' => (0, 1),
        '\u{0309}' => (0, 2),
        '\u{0303}' => (0, 3),
        '\u{0301}' | '\u{0341}' => (0, 4),
        '\u{0323}' => (0, 5),
        '\u{0300}'..='\u{036F}' => (5, 0),
        _ => return None,
    })
}

/// Letters that join a word rather than split it (`H'Yim`, `K’Bang`).
fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '‘')
}

/// The letters of `text`, words separated by one [`SPACE`], none at either end.
fn letters(text: &str) -> Vec<Letter> {
    let folded = hoinghi_core::lexicon::fold(&crate::nfc::nfc(text));
    let mut out: Vec<Letter> = Vec::with_capacity(folded.len());
    for c in folded.chars() {
        let push_base = |out: &mut Vec<Letter>, b: char, shape: u8| {
            out.push(Letter { base: b, shape, tone: 0 });
        };
        match c {
            'đ' | 'Đ' => push_base(&mut out, 'd', 4),
            c if c.is_alphanumeric() => {
                let mut first = true;
                unicode_normalization::char::decompose_canonical(c, |d| {
                    if first {
                        first = false;
                        out.extend(d.to_lowercase().map(|b| Letter { base: b, shape: 0, tone: 0 }));
                    } else if let (Some((shape, tone)), Some(last)) = (mark(d), out.last_mut()) {
                        last.shape = last.shape.max(shape);
                        last.tone = last.tone.max(tone);
                    }
                });
            }
            c if is_joiner(c) => {}
            _ => {
                if out.last().is_some_and(|l| *l != SPACE) {
                    out.push(SPACE);
                }
            }
        }
    }
    if out.last() == Some(&SPACE) {
        out.pop();
    }
    out
}

/// Splits letters into words.
fn words(letters: &[Letter]) -> Vec<&[Letter]> {
    letters.split(|l| *l == SPACE).filter(|w| !w.is_empty()).collect()
}

fn bases(word: &[Letter]) -> String {
    word.iter().map(|l| l.base).collect()
}

/// First word's bases -> (pattern words, expansion letters), longest pattern first.
type Table = HashMap<String, Vec<(Vec<Vec<Letter>>, Vec<Letter>)>>;

static ABBREVIATIONS: LazyLock<Table> = LazyLock::new(|| {
    let mut table: Table = HashMap::new();
    for a in hoinghi_core::lexicon::ALL_ABBREVIATIONS.iter().filter(|a| a.merge) {
        let written = letters(a.written);
        let pattern: Vec<Vec<Letter>> = words(&written).into_iter().map(<[Letter]>::to_vec).collect();
        if let Some(first) = pattern.first() {
            table.entry(bases(first)).or_default().push((pattern, letters(a.expansion)));
        }
    }
    for patterns in table.values_mut() {
        crate::order::sort_by_cached_key(patterns, |(words, _)| std::cmp::Reverse(words.len()));
    }
    table
});

/// Replaces abbreviations by what they stand for, longest first. A pattern matches a word whose
/// bases are the same and whose marks it has (`hdnd` and `HĐND` are `Hội đồng nhân dân`).
fn expand(text: &[Letter]) -> Vec<Letter> {
    let ws = words(text);
    let mut out: Vec<Letter> = Vec::with_capacity(text.len() + 16);
    let mut i = 0;
    let push = |out: &mut Vec<Letter>, w: &[Letter]| {
        if w.is_empty() {
            return;
        }
        if !out.is_empty() {
            out.push(SPACE);
        }
        out.extend_from_slice(w);
    };
    while i < ws.len() {
        let hit = ABBREVIATIONS.get(&bases(ws[i])).and_then(|patterns| {
            patterns.iter().find(|(p, _)| {
                ws.len() - i >= p.len()
                    && p.iter()
                        .zip(&ws[i..])
                        .all(|(a, b)| a.len() == b.len() && b.iter().zip(a).all(|(b, a)| b.finds(*a)))
            })
        });
        match hit {
            Some((pattern, expansion)) => {
                push(&mut out, expansion);
                i += pattern.len();
            }
            None => {
                push(&mut out, ws[i]);
                i += 1;
            }
        }
    }
    out
}

/// [`expand`] twice, so that what an expansion writes is read too (`KH&ĐT` -> `Kế hoạch và Đầu tư`, whose `và`
/// the merge's rows drop, as they drop it from the text).
fn expand_all(text: &[Letter]) -> Vec<Letter> {
    expand(&expand(text))
}

/// Whether `query` occurs in `text` starting at a word.
fn occurs(query: &[Letter], text: &[Letter]) -> bool {
    if query.is_empty() {
        return true;
    }
    (0..text.len().saturating_sub(query.len() - 1)).any(|start| {
        (start == 0 || text[start - 1] == SPACE) && query.iter().zip(&text[start..]).all(|(q, t)| q.finds(*t))
    })
}

/// A search as typed, read once and matched against many texts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    written: Vec<Letter>,
    /// With abbreviations expanded, when that changes anything.
    expanded: Option<Vec<Letter>>,
}

impl Query {
    pub fn new(query: &str) -> Query {
        let written = letters(query);
        let expanded = expand_all(&written);
        let expanded = (expanded != written).then_some(expanded);
        Query { written, expanded }
    }

    /// True when the query has no letter or digit: it keeps everything.
    pub fn is_empty(&self) -> bool {
        self.written.is_empty()
    }

    /// Whether the query finds `text` (always, when empty).
    pub fn matches(&self, text: &str) -> bool {
        self.matches_key(&SearchKey::new(text))
    }

    /// As [`Query::matches`], on a text read once by [`SearchKey::new`].
    pub fn matches_key(&self, key: &SearchKey) -> bool {
        occurs(&self.written, &key.written)
            || occurs(
                self.expanded.as_deref().unwrap_or(&self.written),
                key.expanded.as_deref().unwrap_or(&key.written),
            )
    }
}

/// A text read for searching (what [`Query::matches`] computes each time), for callers that keep it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchKey {
    written: Vec<Letter>,
    expanded: Option<Vec<Letter>>,
}

impl SearchKey {
    pub fn new(text: &str) -> SearchKey {
        let written = letters(text);
        let expanded = expand_all(&written);
        let expanded = (expanded != written).then_some(expanded);
        SearchKey { written, expanded }
    }
}

// ---------------------------------------------------------------- order

/// Where a letter's base sits in the alphabet: digits, then `a ă â b c d đ e ê g h i k l m n o ô ơ p q
/// r s t u ư v x y` (and the letters Vietnamese borrows, `f j w z`, where English puts them), then other
/// letters by code point.
fn rank(l: Letter) -> u64 {
    let shape = u64::from(l.shape);
    match l.base {
        'a'..='z' => 1_000 + (l.base as u64 - 'a' as u64) * 8 + shape,
        c => 10_000 + c as u64 * 8 + shape,
    }
}

/// The dictionary key of `text`: per word its letters' ranks (a run of digits as one number), then the
/// end of the word, then its tone; compared element by element, a shorter word first.
pub fn sort_key(text: &str) -> Vec<u64> {
    const END: u64 = 1;
    const NUMBER: u64 = 100;
    let all = letters(text);
    let mut key = Vec::with_capacity(all.len() + 8);
    for word in words(&all) {
        let mut tone = 0;
        let mut i = 0;
        while i < word.len() {
            if word[i].base.is_ascii_digit() {
                let mut n: u64 = 0;
                while i < word.len() && word[i].base.is_ascii_digit() {
                    n = n.saturating_mul(10).saturating_add(u64::from(word[i].base as u8 - b'0'));
                    i += 1;
                }
                key.extend([NUMBER, n]);
                continue;
            }
            tone = tone.max(word[i].tone);
            key.push(rank(word[i]));
            i += 1;
        }
        key.extend([END, 2 + u64::from(tone)]);
    }
    key
}

/// Compares two texts in Vietnamese dictionary order ([`sort_key`]); equal keys fall back on the text.
pub fn compare(a: &str, b: &str) -> Ordering {
    sort_key(a).cmp(&sort_key(b)).then_with(|| a.cmp(b))
}

/// Sorts texts in Vietnamese order, each key computed once.
pub fn sort_texts<T: AsRef<str>>(texts: &mut [T]) {
    crate::order::sort_by_cached_key(texts, |t| (sort_key(t.as_ref()), t.as_ref().to_string()));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (query, text, found?, why)
    const FINDS: &[(&str, &str, bool, &str)] = &[
        ("pham anh tuan", "Phạm Anh Tuấn", true, "no diacritics"),
        ("PHAM ANH TUAN", "Phạm Anh Tuấn", true, "any case"),
        ("phạm anh tuấn", "PHẠM ANH TUẤN", true, "capitals in the text"),
        ("tuấn", "Phạm Anh Tuấn", true, "with the marks"),
        ("tuân", "Phạm Anh Tuấn", true, "circumflex typed, tone left out"),
        ("tuần", "Phạm Anh Tuấn", false, "another tone typed"),
        ("hải", "Lê Thanh Hai", false, "a mark typed must be there"),
        ("hai", "Lê Thanh Hải", true, "a mark left out matches any"),
        ("dak lak", "Đắk Lắk", true, "d finds đ"),
        ("đak", "Dak Nong", false, "đ does not find d"),
        ("hoà", "Hòa Bình", true, "old and new tone placement"),
        ("Uỷ ban", "Ủy ban nhân dân", true, "tone on y or on u"),
        ("Nguye\u{0302}\u{0303}n", "Nguyễn Văn An", true, "NFD query"),
        ("an", "Nguyễn Văn An", true, "a whole word"),
        ("an", "Nguyễn Văn Hoan", false, "not inside a word"),
        ("van a", "Nguyễn Văn An", true, "a word begun"),
        ("UBND tỉnh", "Ủy ban nhân dân tỉnh Gia Lai", true, "abbreviation in the query"),
        ("ubnd tinh", "Chủ tịch Ủy ban nhân dân tỉnh", true, "abbreviation, no diacritics"),
        ("Ủy ban nhân dân tỉnh", "Chủ tịch UBND tỉnh Gia Lai", true, "abbreviation in the text"),
        ("uy ban nhan dan", "UBND TP.HCM", true, "abbreviation in the text, no diacritics"),
        ("hdnd", "Hội đồng nhân dân tỉnh", true, "abbreviation typed without đ"),
        ("thanh pho ho chi minh", "UBND TP.HCM", true, "two abbreviations"),
        ("Bộ KH&ĐT", "Bộ Kế hoạch và Đầu tư", true, "abbreviation with &"),
        ("ubnd", "UBND tỉnh", true, "the abbreviation as written"),
        ("ubnd", "Hội đồng nhân dân tỉnh", false, "another body"),
        ("15/nq", "Nghị quyết 15/NQ-TW", true, "a document number"),
        ("15/2024", "Nghị định 115/2024/NĐ-CP", false, "the number is a word"),
        ("   ", "anything", true, "nothing typed keeps everything"),
        ("tinh uy", "Tỉnh ủy Bình Định", true, "no diacritics, two words"),
    ];

    #[test]
    fn queries_find_texts() {
        for (query, text, found, why) in FINDS {
            assert_eq!(Query::new(query).matches(text), *found, "{query:?} in {text:?}: {why}");
        }
    }

    #[test]
    fn keys_match_as_texts_do() {
        let q = Query::new("ubnd tinh");
        assert!(q.matches_key(&SearchKey::new("Ủy ban nhân dân tỉnh")));
        assert!(Query::new("").is_empty());
        assert!(!Query::new("a").is_empty());
    }

    /// Each list is in Vietnamese order.
    const ORDERED: &[&[&str]] = &[
        &["Dung", "Đào", "Đức"],
        &["an", "ăn", "ân", "ba"],
        &["ba", "bà", "bả", "bã", "bá", "bạ", "bác", "bạc", "bách"],
        &["an", "an ninh", "án"],
        &["Yên Bái", "Zê"],
        &["o", "ô", "ơ", "p"],
        &["u", "ư", "v"],
        &["Bình Định", "Cà Mau", "Đà Nẵng", "Đắk Lắk", "Gia Lai", "Hà Nội", "Yên Bái"],
        &["9/NQ-TW", "15/NQ-TW", "57-NQ/TW", "115/2024/NĐ-CP"],
        &["Kế hoạch 2", "Kế hoạch 10"],
        &["tỉnh", "Tỉnh ủy"],
    ];

    #[test]
    fn vietnamese_order() {
        for list in ORDERED {
            for pair in list.windows(2) {
                assert_eq!(compare(pair[0], pair[1]), Ordering::Less, "{:?} before {:?}", pair[0], pair[1]);
            }
            let mut shuffled: Vec<&str> = list.iter().rev().copied().collect();
            sort_texts(&mut shuffled);
            assert_eq!(&shuffled, list);
        }
    }

    #[test]
    fn case_and_form_aside() {
        assert_eq!(sort_key("ĐÀ NẴNG"), sort_key("Đà Nẵng"));
        assert_eq!(sort_key("hoà"), sort_key("hòa"));
        assert_eq!(compare("a", "a"), Ordering::Equal);
    }
}
