//! Stage 4b, positions: titles (a rank and its body) at a run of tokens.
//!
//! A title is a rank from `data/ranks.tsv` (`Phó Chủ tịch`, `UVBTV`), an
//! optional `Thường trực`, then a body: capitalised words, body words
//! (`tỉnh`, `cán sự đảng`), abbreviations, province names, and lower-case
//! words that bridge to more of the body (`Trung tâm Bảo tồn di tích cố đô Huế`).
//! The body ends at punctuation, a verb or function word, a person's name or a
//! new rank. Which person a title belongs to is [`crate::items`].

use std::ops::Range;
use std::sync::LazyLock;

use crate::classes::{self, Class};
pub use crate::lexicon::rank_at;
use crate::lexicon::{BODY_WORDS, RANKS, STOP_WORDS};
use crate::people::{country_len, foreign_name_after_country, glued_prefix, name_at, place_len};
use crate::tokens::Token;

/// A title found at a run of tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Title {
    pub tokens: Range<usize>,
    pub rank: usize,
    /// `Thường trực` written after a rank that does not include it.
    pub standing: bool,
    pub body: Range<usize>,
    /// After `các`, `hai`, `2`...: the title is shared by the names listed after it.
    pub plural: bool,
    /// After `nguyên`, `cựu`: a former post, not a title the person holds.
    pub former: bool,
    /// After `quyền`: acting in the post (`quyền Bộ trưởng`).
    pub acting: bool,
    /// A foreign person's name that ends the post after its country (`Thủ tướng Lào Thongloun Sisoulith`): the
    /// holder, read as the name after the title, so the post never passes to a neighbour.
    pub holder: Option<Range<usize>>,
}

/// The length in tokens of the words that make a post standing (`thường trực`, class `standing`) at token `k`:
/// after a rank (`Phó Chủ tịch Thường trực`), or in a person's note (`Lê Thanh Liêm (thường trực)`).
pub fn standing_at(tokens: &[Token], k: usize) -> Option<usize> {
    classes::phrase_at(tokens, k, Class::Standing)
}

/// Whether a rank's own name ends with the words that make a post standing (`Phó Chủ tịch Thường trực`): the
/// words after it add nothing then.
pub fn rank_is_standing(rank: usize) -> bool {
    static STANDING: LazyLock<Vec<bool>> = LazyLock::new(|| {
        RANKS
            .list
            .iter()
            .map(|r| {
                let tokens = crate::tokens::tokenize(r.name, 0..r.name.len());
                classes::ends_before(&tokens, tokens.len(), Class::Standing)
            })
            .collect()
    });
    STANDING[rank]
}

/// The title starting at token `i`. `in_chain`: the title follows a name (`NAME, TITLE`), so a short
/// capitalised pair at its end is a place (`Bí thư Thị ủy La Gi.`), not the next person.
pub fn title_at(tokens: &[Token], text: &str, i: usize, in_chain: bool) -> Option<Title> {
    let (len, rank) = rank_at(tokens, i)?;
    // "nhiệm vụ Phó Trưởng ban", "chức vụ phó giám đốc": a head word before `phó` that starts the real rank
    // is not the `Vụ phó` / `Tổ phó` rank.
    if len >= 2 && tokens[i + len - 1].is(Class::Deputy) && rank_at(tokens, i + len - 1).is_some() {
        return None;
    }
    let mut k = i + len;
    let standing_len = standing_at(tokens, k).filter(|_| !rank_is_standing(rank));
    let standing = standing_len.is_some();
    k += standing_len.unwrap_or(0);
    let body_start = k;
    let mut end = k;
    // The last capitalised word taken into the body as an ordinary word (not a place, not a name).
    let mut plain_capital: Option<usize> = None;
    // Where the last country in the body ends, and the foreign holder's name right after it.
    let mut country_end: Option<usize> = None;
    let mut holder = None;
    while k < tokens.len() {
        let t = &tokens[k];
        if let Some(n) = head_compound_at(tokens, body_start, k) {
            k += n;
            end = k;
            continue;
        }
        if !t.is_word() {
            match t.kind {
                crate::tokens::Kind::Punct('-') if end > body_start => {
                    // A dash inside the body ("Văn hóa - Thể thao") unless what follows starts a person or a title,
                    // or is the writer's note in a bracket ("Chủ tịch TP Hải Phòng - PV)": PV phóng viên, NV người viết).
                    let next = k + 1;
                    let continues = tokens.get(next).is_some_and(|n| {
                        n.is_word() && n.is_capitalised() && !(n.is_all_caps() && n.is(Class::WriterNote))
                    }) && name_at(tokens, text, next).is_none()
                        && rank_at(tokens, next).is_none();
                    if continues {
                        k += 1;
                        continue;
                    }
                }
                crate::tokens::Kind::Punct(c) if end > body_start && joins_body(tokens, text, body_start, k, c) => {
                    k += 1;
                    continue;
                }
                _ => {}
            }
            break;
        }
        if t.is_capitalised() {
            if country_end == Some(k) {
                if let Some(n) = foreign_name_after_country(tokens, text, k) {
                    holder = Some(k..k + n);
                    break;
                }
            }
            let place = place_len(tokens, text, k);
            if place > 0 {
                if country_len(tokens, k) == place {
                    country_end = Some(k + place);
                }
                k += place;
                end = k;
                continue;
            }
            if let Some(name) = name_at(tokens, text, k) {
                // "Bí thư Thị ủy La Gi." — a two-syllable pair ending the sentence after a unit word is the unit's place.
                // "huyện Thạch Thành", "thành phố Uông Bí": a pair after an administrative unit is its name.
                let prev_token = tokens.get(k.wrapping_sub(1));
                let after_unit = prev_token.is_some_and(|p| p.is(Class::Unit));
                let after_committee = prev_token.is_some_and(|p| p.is(Class::Committee));
                // "Bộ Nông Nghiệp", "Sở Kim Khí": a pair right after an organisation's head word names the organisation.
                let after_org = prev_token.is_some_and(|p| p.is(Class::NamedOrgHead) && p.is_capitalised());
                let ends = tokens.get(name.tokens.end).is_none_or(|n| !n.is_word());
                let ends_sentence =
                    tokens.get(name.tokens.end).is_none_or(|n| n.is_punct('.') || n.is_punct(';') || n.is_punct('('));
                let short_place = name.tokens.len() == 2
                    && ((in_chain && ends) || (after_committee && ends_sentence) || after_unit || after_org);
                // "phường Quảng Cư Lường Văn Hoàng": the unit's two-syllable name, then the person;
                // "huyện K'Bang Nguyễn Văn An": a glued minority word is a one-token name of the unit.
                let unit_name_len = if glued_prefix(t) { 1 } else { 2 };
                let place_then_name = (after_unit || after_org)
                    && name.tokens.len() >= unit_name_len + 3
                    && name_at(tokens, text, k + unit_name_len).is_some_and(|n| n.tokens.len() >= 3);
                if place_then_name {
                    k += unit_name_len;
                    end = k;
                    continue;
                }
                // Inside a run of capitalised words the body took as its own (not a known province):
                // "huyện Nam Trà My": a pair ending a unit's name is more of that name;
                // "Kiểm lâm Quế Sơn Lê Quang Kim": a name whose second word starts a full name is the place's last word, then the person.
                let mid_run = plain_capital == Some(k - 1);
                if mid_run && name.tokens.len() == 2 && ends_unit_name(tokens, body_start, k) {
                    k = name.tokens.end;
                    end = k;
                    continue;
                }
                // (`Văn`, `Thị` are the middle names of "Vũ Văn Tám", not family names.)
                let middle = tokens[k + 1].is(Class::MiddleName);
                if mid_run
                    && !middle
                    && name.tokens.len() >= 4
                    && name_at(tokens, text, k + 1)
                        .is_some_and(|n| n.tokens.len() >= 3 && n.tokens.end == name.tokens.end)
                {
                    k += 1;
                    end = k;
                    continue;
                }
                if !short_place {
                    break;
                }
                k = name.tokens.end;
                end = k;
                continue;
            }
            if k > body_start && rank_at(tokens, k).is_some() && !t.is_all_caps() {
                break;
            }
            plain_capital = Some(k);
            k += 1;
            end = k;
            continue;
        }
        let f = &t.folded;
        // "Quân khu 5", "quận 7", "Ban Chỉ đạo 138 phường Hà Đông": a number right after a unit word or a
        // capitalised name word is part of the body's name, when what follows does not make it a quantity.
        if k > body_start && numbers_unit(tokens, k) {
            k += 1;
            end = k;
            continue;
        }
        if t.is(Class::And) {
            // "Sở Văn hóa, Thể thao và Du lịch": a capitalised word that is not a new body or person.
            // An honorific after `và` starts the next person ("Chủ tịch Đảng Công Minh và Bà Murata Renho").
            let next_ok = tokens.get(k + 1).is_some_and(|n| {
                n.is_word()
                    && n.is_capitalised()
                    && !n.is_all_caps()
                    && !n.is(Class::OrgHead)
                    && !n.is(Class::Honorific)
                    && !n.is(Class::HonorificStart)
            }) && name_at(tokens, text, k + 1).is_none()
                && rank_at(tokens, k + 1).is_none();
            if next_ok && end > body_start {
                k += 1;
                continue;
            }
            break;
        }
        // The second syllable of a capitalised compound: "Bộ Xây dựng", "Ban Dân vận", "Ban Chỉ đạo".
        let after_capital = k > body_start
            && !t.is(Class::Connective)
            && tokens[k - 1].is_word()
            && tokens[k - 1].is_capitalised()
            && !tokens[k - 1].is_all_caps()
            && !ends_unit_name(tokens, body_start, k);
        let second = after_capital
            && (t.is(Class::NameSecondSyllable) || classes::phrase_at(tokens, k - 1, Class::NameCompound) == Some(2));
        if STOP_WORDS.contains(f.as_str()) && !second {
            break;
        }
        if BODY_WORDS.contains(f.as_str()) || after_capital {
            k += 1;
            end = k;
            continue;
        }
        // Bridge: a few lower-case words that lead on to more body.
        let mut j = k;
        while j < tokens.len() && j - k < 7 {
            let tj = &tokens[j];
            if !tj.is_word()
                || tj.is_capitalised()
                || STOP_WORDS.contains(tj.folded.as_str())
                || BODY_WORDS.contains(tj.folded.as_str())
            {
                break;
            }
            j += 1;
        }
        let leads_on = tokens.get(j).is_some_and(|n| {
            n.is_word()
                && ((n.is_capitalised() && rank_at(tokens, j).is_none() && (end > body_start || j - k <= 4))
                    && (name_at(tokens, text, j).is_none() || j - k <= 4)
                    || (end > body_start && !n.is_capitalised() && BODY_WORDS.contains(n.folded.as_str())))
        });
        if leads_on && j > k {
            k = j;
            continue;
        }
        break;
    }
    let before = i.checked_sub(1).and_then(|b| tokens.get(b));
    let before_is = |class: Class| before.is_some_and(|t| t.is(class));
    let plural = before_is(Class::Plural)
        || before.is_some_and(|t| t.folded.parse::<u32>().is_ok_and(|n| (2..100).contains(&n)));
    // `nguyên`, `cựu`, `từng là`: a word or a phrase.
    let former = classes::ends_before(tokens, i, Class::Former);
    let acting = before_is(Class::Acting);
    Some(Title {
        tokens: i..end.max(body_start),
        rank,
        standing,
        body: body_start..end,
        plural,
        former,
        acting,
        holder,
    })
}

/// Whether the capitalised words just before `k` name an administrative unit (`huyện Nam Giang`): a unit's
/// name is all capitalised, so a lower-case word after it ends the body ("huyện Nam Giang khổ sở giải trình").
fn ends_unit_name(tokens: &[Token], body_start: usize, k: usize) -> bool {
    let mut j = k;
    // The walk stops at the unit word itself, capitalised or not ("UBND TP Đà Nẵng", "UBND Thành phố Huế").
    while j > body_start && tokens[j - 1].is_word() && tokens[j - 1].is_capitalised() && !tokens[j - 1].is(Class::Unit)
    {
        j -= 1;
    }
    j < k && j > body_start && tokens[j - 1].is(Class::Unit)
}

/// The length of a compound that names a body with the head word before it (`Ban chỉ đạo`, `Tổ công tác`,
/// `Bộ Tư lệnh`): the head is capitalised inside the body, or ends the rank (`Trưởng ban quản lý dự án`).
fn head_compound_at(tokens: &[Token], body_start: usize, k: usize) -> Option<usize> {
    let head = tokens.get(k.checked_sub(1)?)?;
    if !head.is(Class::OrgHead) || !(head.is_capitalised() || k == body_start) {
        return None;
    }
    classes::phrase_at(tokens, k, Class::HeadCompound)
}

/// Whether the number at `tokens[k]` numbers the unit before it (`Quân khu 5`, `quận 7`, `Ban Chỉ đạo 138`).
fn numbers_unit(tokens: &[Token], k: usize) -> bool {
    let t = &tokens[k];
    let number = t.folded.len() <= 4 && t.folded.bytes().all(|b| b.is_ascii_digit());
    // After a word of the body's name: `Quân khu 5`, `quận 7`, `Ban Chỉ đạo 138`, not after an abbreviation (`UBND 5`).
    let prev = &tokens[k - 1];
    let after_unit = prev.is_word() && !prev.is_all_caps() && !STOP_WORDS.contains(prev.folded.as_str());
    // A counted noun after it makes it a quantity (`5 năm`, `3 nhiệm kỳ`), not the unit's number.
    let next_ok = tokens.get(k + 1).is_none_or(|n| !n.is(Class::Quantity));
    number && after_unit && next_ok
}

/// Whether punctuation `c` at `tokens[k]` stands inside the body rather than ending it:
/// `Kế hoạch & Đầu tư` (a spaced ampersand), `TP. Huế` (the dot of a unit's abbreviation),
/// `quận Vyborg, thành phố Saint Petersburg` (a unit's name, then the unit it lies in),
/// `Văn phòng Đoàn ĐBQH, HĐND, UBND tỉnh` (a list of bodies' abbreviations sharing one office).
fn joins_body(tokens: &[Token], text: &str, body_start: usize, k: usize, c: char) -> bool {
    let (Some(prev), Some(next)) = (tokens.get(k.wrapping_sub(1)), tokens.get(k + 1)) else { return false };
    if !prev.is_word() || !next.is_word() || name_at(tokens, text, k + 1).is_some() {
        return false;
    }
    if let Some(n) = classes::phrase_at(tokens, k + 1, Class::Unit).filter(|_| c == ',') {
        // The unit's name follows its word, capitalised: `, thành phố Saint Petersburg`.
        return ends_unit_name(tokens, body_start, k)
            && tokens.get(k + 1 + n).is_some_and(|w| w.is_word() && w.is_capitalised());
    }
    if !next.is_capitalised() {
        return false;
    }
    match c {
        '&' => rank_at(tokens, k + 1).is_none(),
        '.' => prev.is(Class::Unit) && prev.is_all_caps(),
        ',' => {
            prev.is_all_caps()
                && next.is_all_caps()
                && rank_at(tokens, k + 1).is_none()
                && crate::lexicon::ABBREVIATIONS.contains_key(next.text(text))
                && tokens.get(k + 2).is_some_and(|n| n.is_punct(',') || (n.is_word() && !n.is_capitalised()))
        }
        _ => false,
    }
}
