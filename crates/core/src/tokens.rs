//! Words, punctuation and sentences of the normalised text, as byte ranges into it.
//!
//! A word is a run of letters and digits, with the joiners that keep one unit
//! whole: `H'Yim`, `KH&ĐT`, `CT-XH`, `TP.HCM`, `T.Ư`. A dash with spaces
//! around it is punctuation (`Nguyễn Văn A - Bí thư`).

use std::cell::RefCell;
use std::fmt;
use std::ops::{Deref, Range};
use std::rc::Rc;

use compact_str::CompactString;

use crate::chars::{is_upper, is_word_char};
use crate::fasthash::FxHashMap;
use crate::fold::{fold_compact, Shape};
use crate::word_classes::{self, Class, Classes};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    Word,
    Punct(char),
}

/// What one word form (as written) is: its fold and its bits, learnt once per thread and form by the
/// tokenizer's cache and shared by every token of the form.
#[derive(Debug, PartialEq, Eq, Hash)]
struct Form {
    folded: CompactString,
    /// The word's classes (`data/word_classes.tsv`) and in the top bits [`WORD`], [`CAPITALISED`] and
    /// [`ALL_CAPS`].
    bits: u64,
}

/// A word's folded form (lower case, one tone placement; the character itself for punctuation), shared: every
/// token of one word form holds the [`Form`] the tokenizer's cache made, through a counted pointer of 8 bytes.
/// The genre's vocabulary is a few thousand word forms, and an article of 20 MB has about 5 million tokens: a
/// string and the class bits in each were most of its memory. Compares as its text.
#[derive(Clone)]
pub struct Folded(Rc<Form>);

impl Folded {
    fn new(folded: CompactString, bits: u64) -> Folded {
        Folded(Rc::new(Form { folded, bits }))
    }
    pub fn as_str(&self) -> &str {
        self.0.folded.as_str()
    }
}

impl Deref for Folded {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Debug for Folded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Folded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq for Folded {
    fn eq(&self, other: &Folded) -> bool {
        Rc::ptr_eq(&self.0, &other.0) || self.as_str() == other.as_str()
    }
}

impl Eq for Folded {}

impl PartialEq<str> for Folded {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Folded {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Folded {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<Folded> for &str {
    fn eq(&self, other: &Folded) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<Folded> for String {
    fn eq(&self, other: &Folded) -> bool {
        self == other.as_str()
    }
}

/// One word or punctuation mark. 16 bytes: an article of 20 MB holds about 5 million of them, so what a word
/// form is lives once in its shared [`Folded`] and the offsets are `u32` (ask [`Token::range`],
/// [`Token::kind`], [`Token::classes`]).
#[derive(Debug, Clone)]
pub struct Token {
    form: Folded,
    start: u32,
    end: u32,
}

// The size this layout is for, on 64-bit hosts (4 bytes less in wasm32).
const _: () = assert!(std::mem::size_of::<Token>() <= 16);

/// A word, not punctuation.
const WORD: u64 = 1 << 63;
/// [`crate::chars::is_capitalised`] of the word, asked once here: the later stages ask it of every token.
const CAPITALISED: u64 = 1 << 62;
/// [`crate::chars::is_all_caps`] of the word (`UBND`, `01-KL`).
const ALL_CAPS: u64 = 1 << 61;
const SHAPE_BITS: u64 = WORD | CAPITALISED | ALL_CAPS;

/// The bits of a form: its classes, kind and shape.
fn form_bits(kind: &Kind, shape: Shape, classes: Classes) -> u64 {
    let flag = |on: bool, bit: u64| if on { bit } else { 0 };
    classes.bits()
        | flag(*kind == Kind::Word, WORD)
        | flag(shape.capitalised, CAPITALISED)
        | flag(shape.all_caps, ALL_CAPS)
}

impl Token {
    fn new(range: Range<usize>, form: Folded) -> Token {
        // Offsets past 4 GiB saturate: no article comes near (the page takes 20 MB).
        let at = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
        Token { form, start: at(range.start), end: at(range.end) }
    }
    fn bits(&self) -> u64 {
        self.form.0.bits
    }
    /// Folded form of a word (lower case, one tone placement); the character itself for punctuation.
    pub fn folded(&self) -> &Folded {
        &self.form
    }
    /// The token's bytes in the normalised text.
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
    pub fn kind(&self) -> Kind {
        if self.is_word() {
            Kind::Word
        } else {
            Kind::Punct(self.form.chars().next().unwrap_or(' '))
        }
    }
    /// The word's classes (`data/word_classes.tsv`).
    pub fn classes(&self) -> Classes {
        Classes::from_bits(self.bits() & !SHAPE_BITS)
    }
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.range()]
    }
    pub fn is_word(&self) -> bool {
        self.bits() & WORD != 0
    }
    pub fn is_punct(&self, c: char) -> bool {
        !self.is_word() && self.form.starts_with(c)
    }
    /// A word starting with a capital letter.
    pub fn is_capitalised(&self) -> bool {
        self.bits() & CAPITALISED != 0
    }
    /// A word of two or more letters, all capitals.
    pub fn is_all_caps(&self) -> bool {
        self.bits() & ALL_CAPS != 0
    }
    /// A word of `class` ([`crate::classes`]).
    pub fn is(&self, class: Class) -> bool {
        self.classes().has(class)
    }
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '&' | '-' | '.')
}

/// Tokens of `text[range]`, with ranges into `text`.
#[inline(never)] // a stage of `extract_with_progress`: see there why
pub fn tokenize(text: &str, range: Range<usize>) -> Vec<Token> {
    let slice = &text[range.clone()];
    let base = range.start;
    let bytes = slice.as_bytes();
    // The char at a byte offset known to be a char boundary; ASCII without decoding.
    let char_at = |i: usize| if bytes[i] < 0x80 { bytes[i] as char } else { slice[i..].chars().next().unwrap_or('\0') };
    let mut tokens = Vec::with_capacity(slice.len() / 5 + 4);
    let mut scratch = Vec::with_capacity(32);
    let mut i = 0;
    while i < slice.len() {
        if tokens.len() == tokens.capacity() {
            reserve_for_rest(&mut tokens, i, slice.len());
        }
        let c = char_at(i);
        if !is_word_char(c) {
            if !c.is_whitespace() {
                let range = base + i..base + i + c.len_utf8();
                tokens.push(Token::new(range, punct_folded(c)));
            }
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let mut prev = c;
        let mut j = i + c.len_utf8();
        // Whether the word so far is all capitals and dots (TP.HCM, T.Ư), kept as it grows: asking it of the
        // whole word at each dot would cost the square of a word's length (`A.A.A.A...`).
        let mut caps_and_dots = is_upper(c);
        while j < slice.len() {
            let cj = char_at(j);
            if is_word_char(cj) {
                prev = cj;
                caps_and_dots &= is_upper(cj);
                j += cj.len_utf8();
                continue;
            }
            let after_at = j + cj.len_utf8();
            if is_joiner(cj) && after_at < slice.len() {
                let after = char_at(after_at);
                if is_word_char(after) && joins(prev, cj, after, cj == '.' && caps_and_dots) {
                    caps_and_dots &= cj == '.' && is_upper(after);
                    prev = after;
                    j = after_at + after.len_utf8();
                    continue;
                }
            }
            break;
        }
        tokens.push(Token::new(base + start..base + j, fold_cached(&slice[start..j], &mut scratch)));
        i = j;
    }
    tokens
}

/// Room for the tokens of the rest of the text when `tokens` is full after `done` of its `len` bytes, by the
/// tokens per byte so far and a little more: doubling the vector, as `push` would, could hold twice the memory
/// the tokens need (a 20 MB article has about 5 million tokens).
fn reserve_for_rest(tokens: &mut Vec<Token>, done: usize, len: usize) {
    let per_byte = tokens.len() as f64 / done.max(1) as f64;
    let rest = ((len - done) as f64 * per_byte * 1.05) as usize;
    tokens.reserve_exact(rest.max(tokens.len() / 16).max(16));
}

/// A punctuation mark's [`Folded`]: the character itself, one shared copy per thread and character.
fn punct_folded(c: char) -> Folded {
    thread_local! {
        static MARKS: RefCell<FxHashMap<char, Folded>> = RefCell::new(FxHashMap::default());
    }
    MARKS.with_borrow_mut(|marks| {
        if marks.len() >= FOLD_CACHE_WORDS {
            marks.clear();
        }
        marks
            .entry(c)
            .or_insert_with(|| {
                let bits = form_bits(&Kind::Punct(c), Shape::default(), Classes::NONE);
                Folded::new(CompactString::from(&*c.encode_utf8(&mut [0; 4])), bits)
            })
            .clone()
    })
}

/// [`fold_compact`] and the word's classes, as the word form's shared [`Folded`], through a cache of the words
/// seen on this thread: the vocabulary of the genre is a few thousand syllables, so nearly every word of an
/// article was learnt before. Bounded: cleared when it holds [`FOLD_CACHE_WORDS`] words (the tokens made
/// before keep their forms).
fn fold_cached(word: &str, scratch: &mut Vec<u8>) -> Folded {
    thread_local! {
        static FOLDS: RefCell<FxHashMap<CompactString, Folded>> = RefCell::new(FxHashMap::default());
    }
    FOLDS.with_borrow_mut(|cache| {
        if let Some(hit) = cache.get(word) {
            return hit.clone();
        }
        let (folded, shape) = fold_compact(word, scratch);
        let classes = word_classes::of(&folded);
        let learnt = Folded::new(folded, form_bits(&Kind::Word, shape, classes));
        if cache.len() >= FOLD_CACHE_WORDS {
            cache.clear();
        }
        cache.insert(CompactString::from(word), learnt.clone());
        learnt
    })
}

/// Words kept by [`fold_cached`] (about 60 bytes each).
const FOLD_CACHE_WORDS: usize = 1 << 15;

/// The tokens of `all` (sorted, as `tokenize` gives them) that lie inside `range`.
pub fn within<'a>(all: &'a [Token], range: &Range<usize>) -> &'a [Token] {
    let a = all.partition_point(|t| t.range().start < range.start);
    let b = all.partition_point(|t| t.range().start < range.end);
    &all[a..b.max(a)]
}

/// [`within`] for a stage that reads ranges in order (its sentences, one after another): each search starts
/// where the one before ended and gallops forward, a few steps over the sentence's own tokens. Two binary
/// searches over an article's millions of tokens for each of its hundreds of thousands of sentences were a tenth
/// of a long article's time, most of it cache misses. A range before the last one is searched from the start:
/// the answer is always [`within`]'s.
pub struct Cursor<'a> {
    all: &'a [Token],
    /// Every token before it starts before the last range asked.
    at: usize,
}

impl<'a> Cursor<'a> {
    pub fn new(all: &'a [Token]) -> Cursor<'a> {
        Cursor { all, at: 0 }
    }

    /// The tokens of `all` that lie inside `range`, as [`within`].
    pub fn within(&mut self, range: &Range<usize>) -> &'a [Token] {
        let all = self.all;
        let from = if self.at == 0 || all[self.at - 1].range().start < range.start { self.at } else { 0 };
        let a = first_starting_at(all, from, range.start);
        self.at = a;
        if range.end <= range.start {
            return &all[a..a];
        }
        &all[a..first_starting_at(all, a, range.end)]
    }
}

/// The first token of `all` from `from` on that starts at or after `at`, when every token before `from` starts
/// before it: steps of 1, 2, 4, ... past `from`, then a binary search in the last step.
fn first_starting_at(all: &[Token], from: usize, at: usize) -> usize {
    let (mut lo, mut step) = (from, 1);
    while lo + step <= all.len() && all[lo + step - 1].range().start < at {
        lo += step;
        step *= 2;
    }
    let hi = (lo + step).min(all.len());
    lo + all[lo..hi].partition_point(|t| t.range().start < at)
}

/// Whether a joiner between `before` and `after` keeps one word whole.
fn joins(before: char, joiner: char, after: char, caps_and_dots: bool) -> bool {
    match joiner {
        // Apostrophes inside minority names (H'Yim, K'Sor) and elisions.
        '\'' | '’' => true,
        // Abbreviations: KH&ĐT, NN&PTNT.
        '&' => is_upper(before) || is_upper(after),
        // Codes: CT-XH, BR-VT, 150-CTr; not "Hà Nội-Hải Phòng" style prose (both sides lower).
        '-' => is_upper(before) || is_upper(after) || before.is_ascii_digit() || after.is_ascii_digit(),
        // Dotted abbreviations (TP.HCM, T.Ư) and numbers (2.226), not a sentence glued by a typo ("Hà Nội.Sáng").
        '.' => (caps_and_dots && is_upper(after)) || (before.is_ascii_digit() && after.is_ascii_digit()),
        _ => false,
    }
}

/// Sentences of `text[range]`: split at line breaks and at `.`, `!`, `?` followed by a space and a capital
/// (or an opening quote), except after short abbreviations (`TP.`, `Th.`, `TS.`).
#[inline(never)] // a stage of `extract_with_progress`: see there why
pub fn sentences(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = range.start;
    let slice = &text[range.clone()];
    // Only these bytes can end a sentence, and none of them occurs inside another character's UTF-8.
    let bytes = slice.as_bytes();
    const ENDS: [bool; 256] = {
        let mut t = [false; 256];
        t[b'\n' as usize] = true;
        t[b'.' as usize] = true;
        t[b'!' as usize] = true;
        t[b'?' as usize] = true;
        t[0xe2] = true;
        t
    };
    for at in 0..bytes.len() {
        if !ENDS[bytes[at] as usize] {
            continue;
        }
        let c = match bytes[at] {
            b'\n' => '\n',
            b'.' => '.',
            b'!' => '!',
            b'?' => '?',
            0xe2 if bytes[at + 1..].starts_with(&[0x80, 0xa6]) => '…',
            _ => continue,
        };
        let abs = range.start + at;
        let cut = match c {
            '\n' => Some(abs),
            '.' | '!' | '?' | '…' => {
                let rest = &slice[at + c.len_utf8()..];
                let mut next = rest.chars();
                let space = next.next();
                let after = next.next();
                let ends = matches!(space, Some(' '))
                    && after.is_some_and(|a| a.is_uppercase() || matches!(a, '"' | '“' | '(' | '\''));
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

/// Whether `before` ends in a single capital (an initial) or an abbreviation written with a dot (`TP.`, `ThS.`,
/// `PGS.`: class `dotted_abbreviation`, as written: `TH.`, a photographer's initials, ends the sentence).
fn after_abbreviation(before: &str) -> bool {
    let last = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    let n = last.chars().count();
    let capitalised = last.chars().next().is_some_and(char::is_uppercase);
    (capitalised && n == 1) || word_classes::is_written(last, Class::DottedAbbreviation)
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[range.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.extend(bounded(text, range.start + lead..range.end - trail));
    }
}

/// The longest sentence the later stages read, in bytes. The genre's longest sentences are about 2,500 bytes
/// (a list of attendees); a longer run without a full stop is a list or a page without punctuation, and the
/// stages that compare a sentence's phrases, days and names with each other would spend time on it that grows
/// with its square.
pub const MAX_SENTENCE: usize = 6_000;

/// `range` cut into pieces of at most [`MAX_SENTENCE`] bytes (one piece, itself, when it is short): each cut
/// after the last `;`, else `,`, else space before the limit, so a clause or at least a word stays whole.
pub fn bounded(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(1);
    let mut start = range.start;
    while range.end - start > MAX_SENTENCE {
        let window = &text.as_bytes()[start..start + MAX_SENTENCE];
        // Cut after an ASCII byte, always a char boundary; a window without any is cut at a char boundary.
        let after = |b: u8| window.iter().rposition(|&x| x == b).filter(|&i| i > 0).map(|i| start + i + 1);
        let cut = after(b';').or_else(|| after(b',')).or_else(|| after(b' ')).unwrap_or_else(|| {
            (start + MAX_SENTENCE..range.end).find(|&i| text.is_char_boundary(i)).unwrap_or(range.end)
        });
        let piece = text[start..cut].trim_end();
        if !piece.is_empty() {
            out.push(start..start + piece.len());
        }
        start = cut + (text[cut..range.end].len() - text[cut..range.end].trim_start().len());
    }
    if start < range.end {
        out.push(start..range.end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, 0..text.len()).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn token_shapes() {
        let shapes = [
            ("UBND", true, true),
            ("Ủy", true, false),
            ("01-KL", false, true),
            ("150-CTr", false, false),
            ("ĐẢNG", true, true),
            ("A", true, false),
            ("đảng", false, false),
        ];
        for (word, cap, caps) in shapes {
            let t = &tokenize(word, 0..word.len())[0];
            assert_eq!((t.is_capitalised(), t.is_all_caps()), (cap, caps), "{word}");
        }
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

    /// The cursor finds what `within` finds, for ranges in order, backwards, overlapping, empty or past the end.
    #[test]
    fn cursor_is_within() {
        let mut random = crate::test_random::XorShift::new(0x9e37_79b9_7f4a_7c15);
        let texts = random.texts(&["Sở", " ", "KH&ĐT", ", ", "A. ", "ủy", "\n", "-"], 200, 60);
        for text in &texts {
            let all = tokenize(text, 0..text.len());
            let mut cursor = Cursor::new(&all);
            for _ in 0..40 {
                let a = (random.next() % (text.len() as u64 + 3)) as usize;
                let b = if random.next() & 3 == 0 { a.saturating_sub(2) } else { a + (random.next() % 12) as usize };
                let range = a..b;
                let want = within(&all, &range);
                let got = cursor.within(&range);
                assert_eq!(got.as_ptr_range(), want.as_ptr_range(), "{text:?} {range:?}");
            }
        }
    }
}
