//! Word classes: what the rules know about a word, learnt once per word form and carried by its token.
//!
//! `data/word_classes.tsv` lists each word with its class (a word may have several). The tokenizer
//! asks [`of`] once per word form (through its fold cache) and stores the answer in the token, so a
//! stage asks `token.is(Class::Unit)` instead of keeping a list of its own: one list per class, one
//! place to add a word.

use std::sync::LazyLock;

use crate::data;
use crate::fasthash::FxHashMap as HashMap;
use crate::lexicon::{fold, folded_tokens, PhraseIndex, WordFilter};
use crate::tokens::Token;

/// A class of words the stages' grammar refers to. The names in the data file are the snake_case
/// forms of these (`org_head`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Class {
    /// An administrative unit (`tỉnh`, `huyện`, `phường`): capitalised words after it are its name.
    Unit,
    /// A word that starts a body's name (`Ban`, `Bộ`, `Sở`): a `và` before it joins two bodies.
    OrgHead,
    /// An organisation's head after which a pair of capitalised words names it (`Bộ Nông Nghiệp`), not a person.
    NamedOrgHead,
    /// A head that `kiêm` shares between two titles (`Tổng Giám đốc kiêm Chủ tịch HĐQT Tập đoàn ...`).
    SharedHead,
    /// A form of address before a name (`ông`, `bà`, `đ/c`, `ngài`).
    Honorific,
    /// A word between a comma and a name in an apposition (`Cục trưởng ..., tiến sĩ Lê Hồng Sơn`).
    Apposition,
    /// A word that may stand between the names a verb applies to (`của Thủ tướng A và các Phó Thủ tướng: B, C`).
    ListWord,
    /// A word that may stand in the list of names after a shared title (`các Phó Thủ tướng như ông A, B`).
    TitleListWord,
    /// A word before a title that makes it shared by the names listed after it (`các Phó Thủ tướng`).
    Plural,
    /// A word before a title that makes it a former post (`nguyên`, `cựu`).
    Former,
    /// A word of a clause (a verb or function word): a phrase holding one is not a body's name.
    ClauseWord,
    /// A word that ends a list of a verb's subjects when it stands after a name (`và`, `đã`, `cùng`).
    SubjectEnd,
    /// A word that joins two posts one person holds at once (`kiêm`).
    Concurrent,
    /// A word before a verb that says nobody does it (`không`, `chưa`).
    Negation,
    /// The writer's note in a bracket after a title (`- PV)`): not part of the body.
    WriterNote,
    /// A word before a title that makes it the person's new post (`tân Bộ trưởng`).
    NewPost,
    /// A stop word that is also the second syllable of a capitalised name (`Ban Chỉ đạo`, `Phát triển`).
    NameSecondSyllable,
    /// A counted noun after a plain number (`5 năm`, `10 tỷ`, `3 nhiệm kỳ`): the number is a quantity.
    Quantity,
    /// A word pair that names a body with the head word before it, even in lower case or when it is a rank
    /// elsewhere: `Ban chỉ đạo`, `Tổ công tác`, `Ban quản lý`, `Bộ Tư lệnh`, `Bộ Chỉ huy`.
    HeadCompound,
    /// A function word that links phrases (`của`, `về`, `với`): never the second syllable of a capitalised name,
    /// so a body does not end on one (`Ban chỉ đạo phòng chống Covid-19 của quân đội`).
    Connective,
    /// A word right after a title that opens the list of the people who hold it (`Phó ban gồm các ông A, B`,
    /// `5 Phó Chủ tịch là: A, B`, `bao gồm các đồng chí: A, B`): the title is each listed person's.
    ListOpener,
}

impl Class {
    const ALL: [(Class, &'static str); 21] = [
        (Class::Unit, "unit"),
        (Class::OrgHead, "org_head"),
        (Class::NamedOrgHead, "named_org_head"),
        (Class::SharedHead, "shared_head"),
        (Class::Honorific, "honorific"),
        (Class::Apposition, "apposition"),
        (Class::ListWord, "list_word"),
        (Class::TitleListWord, "title_list_word"),
        (Class::Plural, "plural"),
        (Class::Former, "former"),
        (Class::ClauseWord, "clause_word"),
        (Class::SubjectEnd, "subject_end"),
        (Class::Concurrent, "concurrent"),
        (Class::Negation, "negation"),
        (Class::WriterNote, "writer_note"),
        (Class::NewPost, "new_post"),
        (Class::NameSecondSyllable, "name_second_syllable"),
        (Class::Quantity, "quantity"),
        (Class::HeadCompound, "head_compound"),
        (Class::Connective, "connective"),
        (Class::ListOpener, "list_opener"),
    ];

    /// The class a data file names, `None` for a name that is no class.
    pub fn parse(name: &str) -> Option<Class> {
        Class::ALL.iter().find(|(_, n)| *n == name).map(|(c, _)| *c)
    }

    /// The name the data file uses.
    pub fn name(self) -> &'static str {
        Class::ALL.iter().find(|(c, _)| *c == self).map_or("", |(_, n)| n)
    }

    fn bit(self) -> u32 {
        1 << self as u8
    }
}

/// The classes of one word, as bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Classes(u32);

impl Classes {
    pub const NONE: Classes = Classes(0);

    pub fn has(self, class: Class) -> bool {
        self.0 & class.bit() != 0
    }

    fn with(self, class: Class) -> Classes {
        Classes(self.0 | class.bit())
    }
}

/// Words by folded form → their classes, with a filter in front of the hash (most words have none).
struct Table {
    words: HashMap<String, Classes>,
    filter: WordFilter,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut words: HashMap<String, Classes> = HashMap::default();
    let mut filter = WordFilter::default();
    for (word, class) in entries() {
        let word = fold(word);
        filter.insert(&word);
        let entry = words.entry(word).or_default();
        *entry = entry.with(class);
    }
    Table { words, filter }
});

/// Entries of more than one token (`đồng chí`, `Đ/c`): found by [`phrase_at`], not carried by a token.
static PHRASES: LazyLock<PhraseIndex<Class>> = LazyLock::new(|| {
    PhraseIndex::new(entries().into_iter().map(|(w, c)| (folded_tokens(w), c)).filter(|(words, _)| words.len() > 1))
});

/// The length in tokens of a word or phrase of `class` starting at `tokens[i]`.
pub fn phrase_at(tokens: &[Token], i: usize, class: Class) -> Option<usize> {
    if tokens.get(i)?.is(class) {
        return Some(1);
    }
    PHRASES.longest_at(tokens, i).and_then(|(n, c)| (c == class).then_some(n))
}

/// Whether a word or phrase of `class` ends right before `tokens[i]` (`đồng chí` before a name).
pub fn ends_before(tokens: &[Token], i: usize, class: Class) -> bool {
    length_before(tokens, i, class).is_some()
}

/// The length in tokens of the longest word or phrase of `class` that ends right before `tokens[i]`.
pub fn length_before(tokens: &[Token], i: usize, class: Class) -> Option<usize> {
    (1..=i.min(4)).rev().find(|&n| phrase_at(tokens, i - n, class) == Some(n))
}

/// The classes of a folded word.
pub fn of(folded: &str) -> Classes {
    let table = &*TABLE;
    if !table.filter.may_contain(folded) {
        return Classes::NONE;
    }
    table.words.get(folded).copied().unwrap_or_default()
}

/// Whether a folded word is of `class` (for words held without their token).
pub fn is(folded: &str, class: Class) -> bool {
    of(folded).has(class)
}

/// Every (word, class) row of the data file. A class that is not one of [`Class`] is a mistake in the
/// compiled-in file, so it stops the program at first use with the row to mend.
pub fn entries() -> Vec<(&'static str, Class)> {
    data::rows(&data::WORD_CLASSES)
        .iter()
        .map(|r| {
            let name = r.get("class");
            let class = Class::parse(name).unwrap_or_else(|| r.malformed(&format!("{name:?} is not a word class")));
            (r.get("word"), class)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_table() {
        // (word as written, class, expected)
        let cases = [
            ("tỉnh", Class::Unit, true),
            ("Phường", Class::Unit, true),
            ("ông", Class::Honorific, true),
            ("Đ/c", Class::Honorific, true),
            ("các", Class::Plural, true),
            ("các", Class::ListWord, true),
            ("nguyên", Class::Former, true),
            ("PV", Class::WriterNote, true),
            ("Nguyễn", Class::Unit, false),
            ("hội", Class::OrgHead, true),
        ];
        for (word, class, want) in cases {
            assert_eq!(is(&fold(word), class), want, "{word} {class:?}");
        }
    }

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

    #[test]
    fn every_class_has_a_name_and_words() {
        for (class, name) in Class::ALL {
            assert_eq!(Class::parse(name), Some(class));
            assert_eq!(class.name(), name);
            assert!(entries().iter().any(|(_, c)| *c == class), "no word of class {name}");
        }
    }
}
