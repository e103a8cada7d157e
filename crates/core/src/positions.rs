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
use crate::data::TextList;
pub use crate::lexicon::rank_at;
use crate::lexicon::{BODY_WORDS, RANKS, STOP_WORDS};
use crate::people::{
    country_before_holder, country_len, foreign_name_after_country, foreign_name_at, given_name_country, glued_prefix,
    name_at, place_len,
};
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
    /// The holder is named right after the post by surname alone (`Tổng thống Trump`, the token after the title):
    /// the post is nobody's of those the sentence names in full.
    pub by_surname: bool,
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

/// Whether a post whose holder has a foreign name starts at token `i` (`Tổng thống`, `Bộ trưởng Pete Hegseth`): a
/// test that a sentence with no family name of the lexicon may still name an official.
pub fn may_start_foreign_post(tokens: &[Token], text: &str, i: usize) -> bool {
    let Some((n, rank)) = rank_at(tokens, i) else { return false };
    RANKS.list[rank].foreign || foreign_name_at(tokens, text, i + n).is_some()
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
    let standing_len = standing_at(tokens, i + len).filter(|_| !rank_is_standing(rank));
    let mut body = Body::new(tokens, text, i + len + standing_len.unwrap_or(0), in_chain);
    body.foreign_post = RANKS.list[rank].foreign;
    body.needs_body = RANKS.list[rank].needs_body;
    body.walk();
    let before = i.checked_sub(1).and_then(|b| tokens.get(b));
    let before_is = |class: Class| before.is_some_and(|t| t.is(class));
    let plural = before_is(Class::Plural)
        || before.is_some_and(|t| t.folded().parse::<u32>().is_ok_and(|n| (2..100).contains(&n)));
    // `nguyên`, `cựu`, `từng là`: a word or a phrase.
    let former = classes::ends_before(tokens, i, Class::Former);
    // `quyền` ending a noun before the post is no acting (`chính quyền Tổng thống Trump`: his administration).
    let acting = before_is(Class::Acting) && !acting_word_in_a_noun(tokens, i - 1);
    Some(Title {
        tokens: i..body.end.max(body.start),
        rank,
        standing: standing_len.is_some(),
        body: body.start..body.end,
        plural,
        former,
        acting,
        holder: body.holder,
        by_surname: body.by_surname,
    })
}

/// The walk over a title's body, token by token: each rule below says whether the token at `k` is taken into
/// the body, passed over (a dash, `và`, lower-case words that lead on: taken only if more body follows), or
/// ends it.
struct Body<'a> {
    tokens: &'a [Token],
    text: &'a str,
    /// The title follows a name (see [`title_at`]).
    in_chain: bool,
    start: usize,
    /// The next token to read.
    k: usize,
    /// Where the body ends so far.
    end: usize,
    /// The last capitalised word taken into the body as an ordinary word (not a place, not a name).
    plain_capital: Option<usize>,
    /// Where a foreign holder's name may start: after a country in the body, or right after a foreign post's rank.
    holder_at: Option<usize>,
    /// The foreign holder's name, when one was read there.
    holder: Option<Range<usize>>,
    /// The rank is a post only foreign states have (`Tổng thống`): a capitalised word right after it is its holder.
    foreign_post: bool,
    /// The post's holder is named right after it by surname alone (`Tổng thống Trump`).
    by_surname: bool,
    /// The rank says nothing without a body (`Chủ tịch`; `ranks.tsv`, `needs_body`).
    needs_body: bool,
}

/// What one rule of [`Body`] makes of the tokens at `k`.
enum Step {
    /// This many tokens are part of the body.
    Take(usize),
    /// This many tokens continue the body only if more of it follows.
    Pass(usize),
    /// The body ends before `k`.
    End,
}

impl<'a> Body<'a> {
    fn new(tokens: &'a [Token], text: &'a str, start: usize, in_chain: bool) -> Self {
        Body {
            tokens,
            text,
            in_chain,
            start,
            k: start,
            end: start,
            plain_capital: None,
            holder_at: None,
            holder: None,
            foreign_post: false,
            by_surname: false,
            needs_body: false,
        }
    }

    fn walk(&mut self) {
        while self.k < self.tokens.len() {
            match self.step() {
                Step::Take(n) => {
                    self.k += n;
                    self.end = self.k;
                }
                Step::Pass(n) => self.k += n,
                Step::End => break,
            }
        }
    }

    fn step(&mut self) -> Step {
        let t = &self.tokens[self.k];
        if let Some(n) = head_compound_at(self.tokens, self.start, self.k) {
            return Step::Take(n);
        }
        if !t.is_word() {
            return self.punctuation();
        }
        if t.is_capitalised() {
            return self.capitalised();
        }
        self.lower_case()
    }

    /// Whether the body has taken a word yet.
    fn has_words(&self) -> bool {
        self.end > self.start
    }

    /// Punctuation inside the body: a dash between its parts, or what [`joins_body`] allows.
    fn punctuation(&self) -> Step {
        let (tokens, text, k) = (self.tokens, self.text, self.k);
        match tokens[k].kind() {
            crate::tokens::Kind::Punct('-') if self.has_words() => {
                // A dash inside the body ("Văn hóa - Thể thao") unless what follows starts a person or a title,
                // or is the writer's note in a bracket ("Chủ tịch TP Hải Phòng - PV)": PV phóng viên, NV người viết).
                let next = k + 1;
                let continues = tokens.get(next).is_some_and(|n| {
                    n.is_word() && n.is_capitalised() && !(n.is_all_caps() && n.is(Class::WriterNote))
                }) && name_at(tokens, text, next).is_none()
                    && rank_at(tokens, next).is_none();
                if continues {
                    return Step::Pass(1);
                }
                Step::End
            }
            crate::tokens::Kind::Punct(c) if self.has_words() && joins_body(tokens, text, self.start, k, c) => {
                Step::Pass(1)
            }
            _ => Step::End,
        }
    }

    /// A capitalised word: a foreign holder after a country or a foreign post, a place, a name (a place's or the
    /// next person's), a new rank, or an ordinary word of the body's name.
    fn capitalised(&mut self) -> Step {
        let (tokens, text, k) = (self.tokens, self.text, self.k);
        if self.holder_at == Some(k) {
            if let Some(n) = foreign_name_after_country(tokens, text, k) {
                self.holder = Some(k..k + n);
                return Step::End;
            }
        }
        // Right after the rank, a foreign name is the holder of a post whose country the article leaves out
        // (`Tổng thống Donald Trump`, `Bộ trưởng Pete Hegseth`).
        // After a name, only a post complete without a body (`Volodymyr Zelenski, Thủ tướng Ulf Kristersson`): one that
        // needs a body is that person's, and what follows it the body (`Bob McNally, Chủ tịch Rapidan Energy Group`).
        if k == self.start && !(self.in_chain && self.needs_body) && !country_before_holder(tokens, text, k) {
            if let Some(n) = foreign_name_at(tokens, text, k) {
                self.holder = Some(k..k + n);
                return Step::End;
            }
        }
        // "Tổng thống Trump": a foreign post's holder named by surname alone, nobody else's post.
        if k == self.start && self.foreign_post && place_len(tokens, text, k) == 0 && !given_name_country(tokens, k) {
            self.by_surname = tokens.get(k + 1).is_none_or(|n| !n.is_word() || !n.is_capitalised());
            return Step::End;
        }
        // "Bộ trưởng Tài chính Scott Bessent": a foreign name after the body's last lower-case syllable is the holder's,
        // unless the body names a firm or a place whose name it may be (`Công ty Samsung Display`).
        // After a function word or `và` the name is more of the body (`thống đốc Virginia và New Jersey`).
        let syllable_before = tokens[k - 1].is_word()
            && !tokens[k - 1].is_capitalised()
            && !tokens[k - 1].is(Class::And)
            && !STOP_WORDS.contains(tokens[k - 1].folded().as_str());
        if k > self.start
            && syllable_before
            && !(self.start..k)
                .any(|j| tokens[j].is(Class::OrgHead) || classes::phrase_at(tokens, j, Class::PlaceNoun).is_some())
        {
            if let Some(n) = foreign_name_at(tokens, text, k) {
                self.holder = Some(k..k + n);
                return Step::End;
            }
        }
        let place = place_len(tokens, text, k);
        if place > 0 {
            if country_len(tokens, k) == place {
                self.holder_at = Some(k + place);
            }
            return Step::Take(place);
        }
        if country_before_holder(tokens, text, k) {
            self.holder_at = Some(k + 1);
            return Step::Take(1);
        }
        if let Some(name) = name_at(tokens, text, k) {
            return self.name(&name.tokens);
        }
        if k > self.start && rank_at(tokens, k).is_some() && !tokens[k].is_all_caps() {
            return Step::End;
        }
        self.plain_capital = Some(k);
        Step::Take(1)
    }

    /// A run of capitalised words that reads as a person's name (`name`, starting at `k`): part of a place's name
    /// in the body when the words around it say so, else the next person, who ends the body.
    fn name(&self, name: &Range<usize>) -> Step {
        let (tokens, text, k) = (self.tokens, self.text, self.k);
        let prev_token = tokens.get(k.wrapping_sub(1));
        // "huyện Thạch Thành", "thành phố Uông Bí": a pair after an administrative unit is its name.
        let after_unit = prev_token.is_some_and(|p| p.is(Class::Unit));
        // "Bí thư Thị ủy La Gi." — a two-syllable pair ending the sentence after a party committee is its place.
        let after_committee = prev_token.is_some_and(|p| p.is(Class::Committee));
        // "Bộ Nông Nghiệp", "Sở Kim Khí": a pair right after an organisation's head word names the organisation.
        let after_org = prev_token.is_some_and(|p| p.is(Class::NamedOrgHead) && p.is_capitalised());
        let ends = tokens.get(name.end).is_none_or(|n| !n.is_word());
        let ends_sentence = tokens.get(name.end).is_none_or(|n| n.is_punct('.') || n.is_punct(';') || n.is_punct('('));
        let short_place = name.len() == 2
            && ((self.in_chain && ends) || (after_committee && ends_sentence) || after_unit || after_org);
        // "phường Quảng Cư Lường Văn Hoàng": the unit's two-syllable name, then the person;
        // "huyện K'Bang Nguyễn Văn An": a glued minority word is a one-token name of the unit.
        let unit_name_len = if glued_prefix(&tokens[k]) { 1 } else { 2 };
        let place_then_name = (after_unit || after_org)
            && name.len() >= unit_name_len + 3
            && name_at(tokens, text, k + unit_name_len).is_some_and(|n| n.tokens.len() >= 3);
        if place_then_name {
            return Step::Take(unit_name_len);
        }
        // Inside a run of capitalised words the body took as its own (not a known province):
        // "huyện Nam Trà My": a pair ending a unit's name is more of that name;
        // "Kiểm lâm Quế Sơn Lê Quang Kim": a name whose second word starts a full name is the place's last word, then the person.
        let mid_run = self.plain_capital == Some(k - 1);
        if mid_run && name.len() == 2 && ends_unit_name(tokens, self.start, k) {
            return Step::Take(name.end - k);
        }
        // (`Văn`, `Thị` are the middle names of "Vũ Văn Tám", not family names.)
        let middle = tokens.get(k + 1).is_some_and(|t| t.is(Class::MiddleName));
        if mid_run
            && !middle
            && name.len() >= 4
            && name_at(tokens, text, k + 1).is_some_and(|n| n.tokens.len() >= 3 && n.tokens.end == name.end)
        {
            return Step::Take(1);
        }
        if !short_place {
            return Step::End;
        }
        Step::Take(name.end - k)
    }

    /// A lower-case word: a unit's number, `và` between parts, a word of the body, or a bridge of a few words to
    /// more of it; a stop word ends the body.
    fn lower_case(&self) -> Step {
        let (tokens, k) = (self.tokens, self.k);
        let t = &tokens[k];
        let f = &t.folded();
        // "Quân khu 5", "quận 7", "Ban Chỉ đạo 138 phường Hà Đông": a number right after a unit word or a
        // capitalised name word is part of the body's name, when what follows does not make it a quantity.
        if k > self.start && numbers_unit(tokens, k) {
            return Step::Take(1);
        }
        if t.is(Class::And) {
            return self.and();
        }
        // The second syllable of a capitalised compound: "Bộ Xây dựng", "Ban Dân vận", "Ban Chỉ đạo".
        let after_capital = k > self.start
            && !t.is(Class::Connective)
            && tokens[k - 1].is_word()
            && tokens[k - 1].is_capitalised()
            && !tokens[k - 1].is_all_caps()
            && !ends_unit_name(tokens, self.start, k);
        let second = after_capital
            && (t.is(Class::NameSecondSyllable) || classes::phrase_at(tokens, k - 1, Class::NameCompound) == Some(2));
        if STOP_WORDS.contains(f.as_str()) && !second {
            return Step::End;
        }
        if BODY_WORDS.contains(f.as_str()) || after_capital {
            return Step::Take(1);
        }
        self.bridge()
    }

    /// `và` inside the body: "Sở Văn hóa, Thể thao và Du lịch", before a capitalised word that is not a new body
    /// or person. An honorific after `và` starts the next person ("Chủ tịch Đảng Công Minh và Bà Murata Renho").
    fn and(&self) -> Step {
        let (tokens, text, k) = (self.tokens, self.text, self.k);
        let next_ok = tokens.get(k + 1).is_some_and(|n| {
            n.is_word()
                && n.is_capitalised()
                && !n.is_all_caps()
                && !n.is(Class::OrgHead)
                && !n.is(Class::Honorific)
                && !n.is(Class::HonorificStart)
        }) && name_at(tokens, text, k + 1).is_none()
            && rank_at(tokens, k + 1).is_none();
        if next_ok && self.has_words() {
            return Step::Pass(1);
        }
        Step::End
    }

    /// A bridge: a few lower-case words that lead on to more body (`Trung tâm Bảo tồn di tích cố đô Huế`).
    fn bridge(&self) -> Step {
        let (tokens, text, k) = (self.tokens, self.text, self.k);
        let mut j = k;
        while j < tokens.len() && j - k < 7 {
            let tj = &tokens[j];
            if !tj.is_word()
                || tj.is_capitalised()
                || STOP_WORDS.contains(tj.folded().as_str())
                || BODY_WORDS.contains(tj.folded().as_str())
            {
                break;
            }
            j += 1;
        }
        let has_words = self.has_words();
        let leads_on = tokens.get(j).is_some_and(|n| {
            n.is_word()
                && ((n.is_capitalised() && rank_at(tokens, j).is_none() && (has_words || j - k <= 4))
                    && (name_at(tokens, text, j).is_none() || j - k <= 4)
                    || (has_words && !n.is_capitalised() && BODY_WORDS.contains(n.folded().as_str())))
        });
        if leads_on && j > k {
            return Step::Pass(j - k);
        }
        Step::End
    }
}

/// Whether the acting word at `tokens[k]` (`quyền`) ends a noun with the word before it (`chính quyền`, `thẩm
/// quyền`: `text_lists.tsv` list `not_acting`).
fn acting_word_in_a_noun(tokens: &[Token], k: usize) -> bool {
    static NOUNS: LazyLock<crate::lexicon::PhraseIndex<()>> = LazyLock::new(|| {
        crate::lexicon::PhraseIndex::new(TextList::NotActing.phrases().map(|p| (crate::lexicon::folded_tokens(p), ())))
    });
    k > 0 && NOUNS.exactly_at(tokens, k - 1, 2).is_some()
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
    let number = t.folded().len() <= 4 && t.folded().bytes().all(|b| b.is_ascii_digit());
    // After a word of the body's name: `Quân khu 5`, `quận 7`, `Ban Chỉ đạo 138`, not after an abbreviation (`UBND 5`).
    let prev = &tokens[k - 1];
    let after_unit = prev.is_word() && !prev.is_all_caps() && !STOP_WORDS.contains(prev.folded().as_str());
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
