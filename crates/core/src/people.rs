//! Stage 4a, people: full names of people, found by the family-name lexicon.
//!
//! A Kinh name is a family name and one to four more capitalised syllables
//! (`Nguyễn Thị Phong Vũ`); minority names start with their own patterns
//! (`Y Ngọc`, `H'Yim Kđoh`, `Ksor Phước`, `Rơ Châm ...`), all in
//! `data/family_names.tsv`. A lower-case middle syllable is a typo of case
//! (`Lê trí Vũ`) when an honorific comes before and a title after. Place names
//! that start like family names (`Hà Nội`, `Hồ Chí Minh`) are not people.

use std::ops::Range;

use std::sync::LazyLock;

use crate::classes::{self, Class};
use crate::data::{self, TextList};
use crate::lexicon::{folded_tokens, PhraseIndex, WordSet, FAMILY_NAMES, STOP_WORDS};
use crate::places::province_named;
use crate::tokens::Token;

/// First words (folded) of every province name and variant in `data/provinces.tsv`.
static PLACE_FIRST_WORDS: LazyLock<WordSet> = LazyLock::new(|| {
    data::rows(&data::PROVINCES)
        .iter()
        .flat_map(|r| std::iter::once(r.get("name")).chain(r.list("variants")).chain(r.list("lookup_only")))
        .filter_map(|name| folded_tokens(name).into_iter().next())
        // A province written with its unit: `tỉnh`, `tp`, `thành` of `thành phố` (`text_lists.tsv` list `province_unit`).
        .chain(TextList::ProvinceUnit.phrases().filter_map(|unit| folded_tokens(unit).into_iter().next()))
        .collect()
});

/// The countries of `data/countries.tsv` whose `alone` is `alone`: places anywhere (`yes`), or one-syllable names
/// that are also given names (`Mỹ`, `Nga`), countries only before a post's foreign holder (`no`).
fn countries(alone: bool) -> PhraseIndex<()> {
    let rows = data::rows(&data::COUNTRIES);
    PhraseIndex::new(rows.iter().filter(|r| r.yes("alone") == alone).map(|r| (folded_tokens(r.get("name")), ())))
}

/// Countries and international bodies (`data/countries.tsv`): places, not people.
static COUNTRIES: LazyLock<PhraseIndex<()>> = LazyLock::new(|| countries(true));

/// One-syllable countries that are also given names (`Mỹ`, `Nga`, `Anh`): see [`country_before_holder`].
static GIVEN_NAME_COUNTRIES: LazyLock<PhraseIndex<()>> = LazyLock::new(|| countries(false));

/// Institutions, streets and awards that take a person's name (`text_lists.tsv` list `named_after`), by their folded
/// words; the longest has three words.
static NAMED_AFTER: LazyLock<PhraseIndex<()>> =
    LazyLock::new(|| PhraseIndex::new(TextList::NamedAfter.phrases().map(|p| (folded_tokens(p), ()))));

/// Whether the words right before `tokens[i]` are an institution, street or award that takes a person's name
/// (`Trường Chính trị` before `Nguyễn Văn Linh`, `Bệnh viện` before `Bạch Mai`): the name is the institution's.
/// Asked at every name: the index's filter answers most words before one without a lookup.
fn after_named_institution(tokens: &[Token], i: usize) -> bool {
    for n in 1..=3.min(i) {
        if !tokens[i - n].is_word() {
            return false;
        }
        if NAMED_AFTER.exactly_at(tokens, i - n, n).is_some() {
            return true;
        }
    }
    false
}

/// A name found at a run of tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameMatch {
    /// Token indices.
    pub tokens: Range<usize>,
    /// Each syllable capitalised, as a user expects to read it.
    pub name: String,
    /// Tokens of the form of address right before the name (`ông`, `đồng chí`, `thiếu tướng`), 0 when none:
    /// a list of names after a shared title reads over them.
    pub honorific: usize,
}

/// Words before a name that mark a person (`ông`, `bà`, `đồng chí`, `Đ/c`, and `ngài` before foreign guests).
pub fn honorific_before(tokens: &[Token], i: usize) -> bool {
    classes::ends_before(tokens, i, Class::Honorific)
}

/// Number of tokens of a family name starting at `i` (0 when none).
fn family_len(tokens: &[Token], i: usize) -> usize {
    let first = &tokens[i];
    if !first.is_word() || !first.is_capitalised() {
        return 0;
    }
    if let Some((n, ())) = FAMILY_NAMES.longest_at(tokens, i) {
        if tokens[i..i + n].iter().all(Token::is_word) {
            return n;
        }
    }
    // Glued minority prefixes: H'Yim, K'Sor.
    usize::from(glued_prefix(first))
}

/// A word with a minority name's prefix glued on (`H'Yim`, `K'Mák`): the prefix and the name in one token.
pub fn glued_prefix(token: &Token) -> bool {
    let f = &token.folded();
    (f.starts_with("h'") || f.starts_with("k'") || f.starts_with("h’")) && f.chars().count() > 2
}

/// Number of tokens of a country or international body (`data/countries.tsv`) starting at `i` (0 when none).
pub fn country_len(tokens: &[Token], i: usize) -> usize {
    match COUNTRIES.longest_at(tokens, i) {
        Some((n, ())) if tokens[i].is_word() && tokens[i].is_capitalised() => n,
        _ => 0,
    }
}

/// Whether `tokens[i]`, capitalised, is a one-syllable country that is also a given name (`Mỹ`, `Nga`, `Anh`).
pub fn given_name_country(tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    t.is_word() && t.is_capitalised() && GIVEN_NAME_COUNTRIES.longest_at(tokens, i).is_some()
}

/// Whether `tokens[i]` is a one-syllable country that is also a given name (`Mỹ`, `Nga`, `Anh`) standing in a post
/// before its holder (`Tổng thống Mỹ Donald Trump`, `Bộ trưởng Tài chính Mỹ Scott Bessent`): a foreign name follows
/// whose words start no Vietnamese name, and no unit word comes before (`xã Mỹ Hòa` is a commune).
pub fn country_before_holder(tokens: &[Token], text: &str, i: usize) -> bool {
    if !given_name_country(tokens, i) {
        return false;
    }
    if i > 0 && tokens[i - 1].is(Class::Unit) {
        return false;
    }
    foreign_name_at(tokens, text, i + 1).is_some()
}

/// A foreign name at `tokens[i]` with no country before it to say so: a run that [`foreign_name_after_country`] reads
/// whose words are no Vietnamese syllables (`Donald Trump`, `Lee Jae-myung`; not `Vụ Địa phương`, `Trump Huân
/// chương`) and start no Vietnamese name. Its length in tokens.
pub fn foreign_name_at(tokens: &[Token], text: &str, i: usize) -> Option<usize> {
    let foreign = |w: &Token| {
        !w.is_word()
            || !(FAMILY_NAMES.has_first(w.folded())
                || w.text(text).chars().any(crate::chars::has_vietnamese_mark)
                || GIVEN_NAME_COUNTRIES.has_first(w.folded()))
    };
    foreign_name_after_country(tokens, text, i).filter(|&n| tokens[i..i + n].iter().all(foreign))
}

/// Whether a country, or a one-syllable one before a holder, may start at token `i`: a cheap test that a sentence
/// may name a foreign post's holder, who need not have a family name of the lexicon (`Chủ tịch Trung Quốc Tập Cận
/// Bình`).
pub fn may_start_country(tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    t.is_word() && t.is_capitalised() && (COUNTRIES.has_first(t.folded()) || GIVEN_NAME_COUNTRIES.has_first(t.folded()))
}

/// A foreign person's name right after a country in a post (`Thủ tướng Lào Thongloun Sisoulith`,
/// `Chủ tịch Trung Quốc Tập Cận Bình`): two to four capitalised words, none a rank, place or abbreviation,
/// that end the phrase (punctuation, a lower-case word or the end follow). Its length in tokens.
pub fn foreign_name_after_country(tokens: &[Token], text: &str, i: usize) -> Option<usize> {
    let mut n = 0;
    while let Some(t) = tokens.get(i + n) {
        // "Lee Jae-myung", "Wi Sung-lac": a hyphen glued between two syllables joins them into one given name.
        if n > 0 && glued_hyphen(tokens, i + n) {
            n += 2;
            continue;
        }
        let plain = t.is_word()
            && t.is_capitalised()
            && !t.is_all_caps()
            && !t.is(Class::OrgHead)
            && crate::lexicon::rank_at(tokens, i + n).is_none()
            && place_len(tokens, text, i + n) == 0;
        if !plain || n == 4 {
            break;
        }
        n += 1;
    }
    let ends = tokens.get(i + n).is_none_or(|t| !t.is_word() || !t.is_capitalised());
    (n >= 2 && ends).then_some(n)
}

/// Whether `tokens[k]` is a hyphen glued to the words on both sides (`Jae-myung`), the second being a word.
fn glued_hyphen(tokens: &[Token], k: usize) -> bool {
    let (Some(prev), Some(hyphen), Some(next)) = (tokens.get(k.wrapping_sub(1)), tokens.get(k), tokens.get(k + 1))
    else {
        return false;
    };
    hyphen.is_punct('-')
        && prev.is_word()
        && next.is_word()
        && prev.range().end == hyphen.range().start
        && hyphen.range().end == next.range().start
}

/// Number of tokens of a province name starting at `i` (0 when none).
pub fn place_len(tokens: &[Token], text: &str, i: usize) -> usize {
    if let Some((n, ())) = COUNTRIES.longest_at(tokens, i) {
        if tokens[i].is_word() && tokens[i].is_capitalised() {
            return n;
        }
    }
    if !PLACE_FIRST_WORDS.contains(tokens[i].folded().as_str()) {
        return 0;
    }
    for n in (1..=5).rev() {
        let Some(run) = tokens.get(i..i + n) else { continue };
        let words_or_dash = run.iter().all(|t| (t.is_word() && t.is_capitalised()) || t.is_punct('-'));
        if !words_or_dash || !run[n - 1].is_word() {
            continue;
        }
        if province_named(&text[run[0].range().start..run[n - 1].range().end]).is_some() {
            return n;
        }
    }
    0
}

/// Whether a province name may start at token `i` (a capitalised first word of some province name).
pub fn may_start_place(tokens: &[Token], i: usize) -> bool {
    tokens[i].is_word() && tokens[i].is_capitalised() && PLACE_FIRST_WORDS.contains(tokens[i].folded().as_str())
}

/// A cheap test that a name may start at token `i`: a capitalised family name, or an honorific before a capital.
pub fn may_start_name(tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    t.is_word()
        && t.is_capitalised()
        && (FAMILY_NAMES.has_first(t.folded())
            || t.folded().starts_with("h'")
            || t.folded().starts_with("k'")
            || honorific_before(tokens, i))
}

/// The name starting at token `i`, if one does.
pub fn name_at(tokens: &[Token], text: &str, i: usize) -> Option<NameMatch> {
    let t = tokens.get(i)?;
    if !t.is_word() || !t.is_capitalised() || t.is_all_caps() {
        return None;
    }
    // "Ông Phạm Thế Triều", "Ông Roderich Haire": `Ông` is a family name too, but in news it is the honorific.
    if t.is(Class::Honorific) {
        return None;
    }
    // The checks that refuse a name are asked cheapest first (the answer is the same in any order): most
    // capitalised words have no family name and no honorific before them.
    let family = family_len(tokens, i);
    // Asked once: the bool decides whether a name may start here, the length goes into the match.
    let honorific_len = classes::length_before(tokens, i, Class::Honorific).unwrap_or(0);
    let honorific = honorific_len > 0;
    if family == 0 && !honorific {
        return None;
    }
    if place_len(tokens, text, i) > 0 {
        return None;
    }
    if after_named_institution(tokens, i) {
        return None;
    }
    // The typo of case is a Vietnamese name's (`Lê trí Vũ`), after a family name: "ông Trump ở Hàn Quốc" is no name.
    let (end, typo) = given_names_end(tokens, text, i, i + family.max(1), honorific && family > 0);
    // A glued prefix is a syllable of its own: "ông K'Mák", "bà H'Hoa" after a form of address are full names.
    let syllables = end - i + usize::from(honorific && glued_prefix(t));
    // Two syllables without a family name ("ông Kitaoka Shinichi, Chủ tịch JICA") only with an honorific
    // before and a title after: alone they are as often a nickname or a place ("bà Tài Nhân", "ông Ba Hạnh").
    let titled = honorific
        && tokens.get(end).is_some_and(|p| p.is_punct(',') || p.is_punct('-') || p.is_punct('('))
        && crate::lexicon::rank_at(tokens, end + 1).is_some();
    let needed = if family > 0 || titled { 2 } else { 3 };
    if syllables < needed {
        return None;
    }
    // A typo syllable must be followed by at least one more capitalised one.
    if typo && !tokens[end - 1].text(text).starts_with(char::is_uppercase) {
        return None;
    }
    let name = written_name(&tokens[i..end], text);
    // A name that the genre uses for a place or an idea, not a person it reports (`TP Hồ Chí Minh`,
    // `tư tưởng Hồ Chí Minh`): class `not_a_person`.
    if classes::phrase_at(tokens, i, Class::NotAPerson) == Some(end - i) {
        return None;
    }
    Some(NameMatch { tokens: i..end, name, honorific: honorific_len })
}

/// Where the syllables of the name starting at `tokens[i]` end, read on from `end` (after its family name):
/// capitalised words up to five syllables, one lower-case typo syllable after an honorific (`Lê trí Vũ`: the
/// bool says so), a place name that ends the name as its given name. A rank or a place before more
/// capitalised words ends it.
fn given_names_end(tokens: &[Token], text: &str, i: usize, mut end: usize, honorific: bool) -> (usize, bool) {
    let mut typo = false;
    while end < tokens.len() && end - i < 5 {
        let tok = &tokens[end];
        let word = tok.text(text);
        if !tok.is_word() || tok.is_all_caps() || word.chars().any(|c| c.is_ascii_digit()) {
            break;
        }
        if !tok.is_capitalised() {
            // "Lê trí Vũ": one lower-case syllable between capitalised ones, after an honorific;
            // never a function word ("ông Nguyễn Công Khế và Trần Quốc Huy" are two people).
            let next_cap = tokens.get(end + 1).is_some_and(|n| n.is_word() && n.is_capitalised());
            if honorific
                && !typo
                && end > i
                && next_cap
                && word.chars().count() <= 5
                && !STOP_WORDS.contains(tok.folded().as_str())
            {
                typo = true;
                end += 1;
                continue;
            }
            break;
        }
        if crate::lexicon::rank_at(tokens, end).is_some() {
            break;
        }
        let place = place_len(tokens, text, end);
        if place > 0 {
            // "Nguyễn Văn Huế", "Đỗ Bình Dương - Tổng Kiểm toán": a place name that ends the name is its given
            // name; one followed by more capitalised words is the place before the next person.
            let ends_name = tokens.get(end + place).is_none_or(|n| !(n.is_word() && n.is_capitalised()));
            if ends_name && place <= 2 && tokens[end..end + place].iter().all(Token::is_word) && end + place - i <= 5 {
                end += place;
            }
            break;
        }
        end += 1;
    }
    (end, typo)
}

/// `trí` → `Trí`; `H'yim` stays as written after the first letter.
/// A name's tokens as its name is written: each word capitalised, one space between. Into one string: a list of
/// strings joined cost more than the rest of a name's reading.
pub fn written_name(tokens: &[Token], text: &str) -> String {
    let span = tokens.first().zip(tokens.last()).map_or(0, |(a, b)| b.range().end - a.range().start);
    let mut name = String::with_capacity(span);
    for (k, t) in tokens.iter().enumerate() {
        // "Lee Jae-myung": a syllable glued to the one before stays glued, as written.
        if k > 0 && tokens[k - 1].range().end == t.range().start {
            name.push_str(t.text(text));
            continue;
        }
        if k > 0 {
            name.push(' ');
        }
        let mut chars = t.text(text).chars();
        name.extend(chars.next().into_iter().flat_map(char::to_uppercase).chain(chars));
    }
    name
}
