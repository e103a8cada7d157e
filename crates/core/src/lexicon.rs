//! The lexicons: data files in `data/`, read once into lookup tables.
//!
//! Every file is a TSV with `#` comment lines, then a line of column names,
//! then rows, read by [`crate::data::rows`]. Words are compared by [`fold`]: lower case, one tone placement.

use crate::data;
use crate::fasthash::{FxHashMap as HashMap, FxHashSet as HashSet, WordFilter};
use std::sync::LazyLock;

/// The one fold, kept under this name for the stages that compare words with the lexicons.
pub use crate::fold::fold;

/// The folded tokens of a lexicon phrase, as the tokenizer would give them in running text.
pub fn folded_tokens(phrase: &str) -> Vec<String> {
    crate::tokens::tokenize(phrase, 0..phrase.len()).into_iter().map(|t| t.folded().to_string()).collect()
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
    /// A post only foreign states have (`Tổng thống`): a foreign name right after it is its holder.
    pub foreign: bool,
}

/// Ranks by their folded word sequence (canonical spellings and variants).
pub struct Ranks {
    pub list: Vec<Rank>,
    /// Phrases by first word, longest first: (folded tokens, rank index).
    pub by_first: PhraseIndex<usize>,
}

/// Phrases of folded tokens, found by their first token without allocating: a tree of words from each first
/// word, so a lookup compares each next token with the words that may follow, never a whole phrase again.
pub struct PhraseIndex<T> {
    map: HashMap<String, Node<T>>,
    /// A filter on the first words' (length, first byte, last byte): most words of running text start
    /// no phrase, and this answers them without hashing the word.
    filter: WordFilter,
}

/// The phrases that go on past some words: the value of the phrase that ends here, and the next words.
struct Node<T> {
    value: Option<T>,
    /// The words after this one, in the order first given; a few at most past the first word.
    next: Vec<(Box<str>, Node<T>)>,
}

impl<T> Node<T> {
    fn new() -> Self {
        Node { value: None, next: Vec::new() }
    }
}

impl<T: Copy> PhraseIndex<T> {
    pub fn new(phrases: impl IntoIterator<Item = (Vec<String>, T)>) -> Self {
        let mut map: HashMap<String, Node<T>> = HashMap::default();
        for (words, value) in phrases {
            let Some(first) = words.first() else { continue };
            let mut node = map.entry(first.clone()).or_insert_with(Node::new);
            for word in &words[1..] {
                let at = match node.next.iter().position(|(w, _)| **w == **word) {
                    Some(at) => at,
                    None => {
                        node.next.push((word.as_str().into(), Node::new()));
                        node.next.len() - 1
                    }
                };
                node = &mut node.next[at].1;
            }
            // The first of two same phrases wins, as the first of a list of equal lengths did.
            node.value.get_or_insert(value);
        }
        let mut filter = WordFilter::default();
        for word in map.keys() {
            filter.insert(word);
        }
        PhraseIndex { map, filter }
    }

    /// The longest phrase starting at `tokens[i]`: (token count, value).
    // Inline: the stages ask it of nearly every token, and most words are answered by the filter, in a few
    // instructions where a call with its saved registers cost more than the answer.
    #[inline]
    pub fn longest_at(&self, tokens: &[crate::tokens::Token], i: usize) -> Option<(usize, T)> {
        let first = tokens.get(i)?.folded().as_str();
        if !self.filter.may_contain(first) {
            return None;
        }
        self.longest_from(tokens, i, first)
    }

    /// [`PhraseIndex::longest_at`] of a first word that passed the filter.
    #[inline(never)]
    fn longest_from(&self, tokens: &[crate::tokens::Token], i: usize, first: &str) -> Option<(usize, T)> {
        let mut node = self.map.get(first)?;
        let mut longest = node.value.map(|v| (1, v));
        for (n, token) in tokens[i + 1..].iter().enumerate() {
            let word = token.folded().as_str();
            let Some((_, next)) = node.next.iter().find(|(w, _)| **w == *word) else { break };
            node = next;
            if let Some(v) = node.value {
                longest = Some((n + 2, v));
            }
        }
        longest
    }

    /// The value of the phrase of exactly `n` tokens starting at `tokens[i]`, if there is one.
    pub fn exactly_at(&self, tokens: &[crate::tokens::Token], i: usize, n: usize) -> Option<T> {
        let first = tokens.get(i)?.folded().as_str();
        if n == 0 || !self.filter.may_contain(first) {
            return None;
        }
        let mut node = self.map.get(first)?;
        for token in tokens.get(i + 1..i + n)? {
            node = &node.next.iter().find(|(w, _)| **w == *token.folded().as_str())?.1;
        }
        node.value
    }

    pub fn has_first(&self, word: &str) -> bool {
        self.filter.may_contain(word) && self.map.contains_key(word)
    }
}

/// The longest rank at token `i`: (token count, rank index). Here, under the stages, because names and titles
/// both ask it (a rank ends a name).
pub fn rank_at(tokens: &[crate::tokens::Token], i: usize) -> Option<(usize, usize)> {
    RANKS.by_first.longest_at(tokens, i)
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
            foreign: row.yes("foreign"),
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
        assert!(STOP_WORDS.contains("chủ") && BODY_WORDS.contains("tỉnh"));
    }
}
