//! Word classes: what the rules know about a word, learnt once per word form and carried by its token.
//!
//! `data/word_classes.tsv` lists each word with its class (a word may have several). The tokenizer
//! asks [`of`] once per word form (through its fold cache) and stores the answer in the token, so a
//! stage asks `token.is(Class::Unit)` instead of keeping a list of its own: one list per class, one
//! place to add a word.
//!
//! The table itself is [`crate::word_classes`], under the tokenizer (re-exported here); this module adds the
//! lookups over tokens: a word or a phrase of a class at a token, or right before it.

use std::sync::LazyLock;

use crate::lexicon::{folded_tokens, PhraseIndex};
use crate::tokens::Token;
pub use crate::word_classes::{entries, is, is_written, of, written, Class, Classes};

/// Entries of more than one token (`đồng chí`, `Đ/c`): found by [`phrase_at`], not carried by a token.
/// One index per class (a phrase may have several: `tổ chức`, an organiser's verb and a body's name after
/// `Ban`), so a lookup walks only its own class's phrases, and most classes have none.
static PHRASES: LazyLock<Vec<PhraseIndex<()>>> = LazyLock::new(|| {
    let mut by_class: Vec<Vec<(Vec<String>, ())>> = vec![Vec::new(); Class::COUNT];
    for &(word, class) in entries() {
        let words = folded_tokens(word);
        if words.len() > 1 && !by_class[class as usize].iter().any(|(w, _)| *w == words) {
            by_class[class as usize].push((words, ()));
        }
    }
    by_class.into_iter().map(PhraseIndex::new).collect()
});

/// The longest phrase of `class` (more than one token) starting at `tokens[i]`.
// Inline: asked of nearly every token for several classes, and most are answered by the index's filter.
#[inline]
fn phrase_of(tokens: &[Token], i: usize, class: Class) -> Option<usize> {
    PHRASES[class as usize].longest_at(tokens, i).map(|(n, _)| n)
}

/// The length in tokens of a word or phrase of `class` starting at `tokens[i]`.
pub fn phrase_at(tokens: &[Token], i: usize, class: Class) -> Option<usize> {
    if tokens.get(i)?.is(class) {
        return Some(1);
    }
    phrase_of(tokens, i, class)
}

/// The length in tokens of the longest word or phrase of `class` starting at `tokens[i]` (`Đoàn công tác`, not
/// `Đoàn`): a phrase of the class wins over its first word.
pub fn longest_at(tokens: &[Token], i: usize, class: Class) -> Option<usize> {
    phrase_of(tokens, i, class).or_else(|| tokens.get(i)?.is(class).then_some(1))
}

/// Whether a word or phrase of `class` ends right before `tokens[i]` (`đồng chí` before a name).
pub fn ends_before(tokens: &[Token], i: usize, class: Class) -> bool {
    // Shortest first: the one-word case is a bit of the token, asked for every capitalised word.
    (1..=i.min(MAX_PHRASE)).any(|n| phrase_at(tokens, i - n, class) == Some(n))
}

/// The length in tokens of the longest word or phrase of `class` that ends right before `tokens[i]`.
pub fn length_before(tokens: &[Token], i: usize, class: Class) -> Option<usize> {
    (1..=i.min(MAX_PHRASE)).rev().find(|&n| phrase_at(tokens, i - n, class) == Some(n))
}

/// The longest entry, in tokens, that [`ends_before`] and [`length_before`] look back for (`Đ / c` is three).
const MAX_PHRASE: usize = 4;

/// Whether folded `words` start with a word or pair of `class`.
pub fn words_start_with(words: &[String], class: Class) -> bool {
    (1..=2.min(words.len())).any(|n| is(&words[..n].join(" "), class))
}

/// Whether folded `words` end with a word or pair of `class`.
pub fn words_end_with(words: &[String], class: Class) -> bool {
    (1..=2.min(words.len())).any(|n| is(&words[words.len() - n..].join(" "), class))
}

/// Whether a name (folded words) asks for its place: it ends with a unit word or a local Party committee's
/// (`Ủy ban nhân dân tỉnh`, `HĐND thành phố`, `Thường vụ Thành ủy`), where `Sở Tư pháp` is whole as written.
pub fn asks_for_place(words: &[String]) -> bool {
    words_end_with(words, Class::Unit) || words_end_with(words, Class::LocalCommittee)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_before_a_name() {
        // (text, token index of the name, class, expected)
        let cases = [
            ("đồng chí Nguyễn Văn A", 2, Class::Honorific, true),
            ("Đ/c Nguyễn Văn A", 3, Class::Honorific, true),
            ("ông Nguyễn Văn A", 1, Class::Honorific, true),
            ("đồng Nguyễn Văn A", 1, Class::Honorific, false),
            ("Nguyễn Văn A", 0, Class::Honorific, false),
        ];
        for (text, i, class, want) in cases {
            let tokens = crate::tokens::tokenize(text, 0..text.len());
            assert_eq!(ends_before(&tokens, i, class), want, "{text}");
        }
    }
}
