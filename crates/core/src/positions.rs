//! Stage 4b, positions: titles, and which person each belongs to.
//!
//! A title is a rank from `data/ranks.tsv` (`Phó Chủ tịch`, `UVBTV`), an
//! optional `Thường trực`, then a body: capitalised words, body words
//! (`tỉnh`, `cán sự đảng`), abbreviations, province names, and lower-case
//! words that bridge to more of the body (`Trung tâm Bảo tồn di tích cố đô Huế`).
//! The body ends at punctuation, a verb or function word, a person's name or a
//! new rank.
//!
//! A sentence becomes a row of items (names, titles, separators, role verbs,
//! other words) and titles are attached to names by the shapes the genre uses:
//! `NAME - TITLE, TITLE`, `NAME (TITLE)`, `TITLE, TITLE NAME`, lists split by
//! `;` and `,`, and plural titles shared by a list (`các Phó Thủ tướng: A, B, C`).

use crate::fasthash::FxHashMap as HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use crate::classes::{self, Class, Classes};
use crate::lexicon::{BODY_WORDS, RANKS, STOP_WORDS};
use crate::people::{capitalise, country_len, foreign_name_after_country, glued_prefix, name_at, place_len, NameMatch};
use crate::roles::{role_at, Role};
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

/// One element of a sentence.
#[derive(Debug, Clone)]
pub enum Item {
    Name(NameMatch),
    Title(Title),
    Sep(char),
    Role(Role, Range<usize>),
    /// Any other word, folded, with its classes.
    Word(compact_str::CompactString, Classes),
}

/// The longest rank at token `i`: (token count, rank index).
pub fn rank_at(tokens: &[Token], i: usize) -> Option<(usize, usize)> {
    RANKS.by_first.longest_at(tokens, i)
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

/// The items of one sentence.
pub fn items(tokens: &[Token], text: &str) -> Vec<Item> {
    let mut out: Vec<Item> = Vec::new();
    let mut k = 0;
    while k < tokens.len() {
        let t = &tokens[k];
        if let crate::tokens::Kind::Punct(c) = t.kind {
            out.push(Item::Sep(c));
            k += 1;
            continue;
        }
        let in_chain = matches!(out.last(), Some(Item::Sep(',' | '-' | '(')))
            && out
                .iter()
                .rev()
                .skip(1)
                .find(|i| !matches!(i, Item::Title(_) | Item::Sep(',')))
                .is_some_and(|i| matches!(i, Item::Name(_)));
        if let Some(title) = title_at(tokens, text, k, in_chain) {
            k = title.tokens.end.max(k + 1);
            let holder = title.holder.clone();
            out.push(Item::Title(title));
            if let Some(run) = holder {
                k = run.end;
                out.push(Item::Name(foreign_holder(tokens, text, run)));
            }
            continue;
        }
        if let Some(name) = name_at(tokens, text, k) {
            k = name.tokens.end;
            out.push(Item::Name(name));
            continue;
        }
        if let Some((role, len)) = role_at(tokens, k) {
            out.push(Item::Role(role, k..k + len));
            k += len;
            continue;
        }
        out.push(Item::Word(t.folded.clone(), t.classes));
        k += 1;
    }
    out
}

/// The foreign holder's name that ends a post (`Thủ tướng Lào Thongloun Sisoulith`), as a name item.
fn foreign_holder(tokens: &[Token], text: &str, run: Range<usize>) -> NameMatch {
    let name = tokens[run.clone()].iter().map(|t| capitalise(t.text(text))).collect::<Vec<_>>().join(" ");
    NameMatch { tokens: run, name, honorific: 0 }
}

/// For each name item, the indices of the title items that belong to it.
pub fn attach(items: &[Item]) -> HashMap<usize, Vec<usize>> {
    let mut owner: HashMap<usize, usize> = HashMap::default();
    let is_title = |i: usize| matches!(items.get(i), Some(Item::Title(_)));
    let is_name = |i: usize| matches!(items.get(i), Some(Item::Name(_)));
    let is_sep = |i: usize, cs: &[char]| matches!(items.get(i), Some(Item::Sep(c)) if cs.contains(c));
    // NAME, TITLE, TITLE / NAME - TITLE / NAME (TITLE): forward chains; a title glued to the next name is that name's.
    for (n, item) in items.iter().enumerate() {
        if !matches!(item, Item::Name(_)) {
            continue;
        }
        let mut k = n + 1;
        if !(is_sep(k, &[',', '-', '(', ':']) && is_title(k + 1)) {
            continue;
        }
        k += 1;
        while is_title(k) && !is_name(k + 1) {
            owner.insert(k, n);
            if is_sep(k + 1, &[',']) && is_title(k + 2) || is_kiem_word(items, k + 1) && is_title(k + 2) {
                k += 2;
            } else {
                break;
            }
        }
    }
    // TITLE, TITLE NAME / TITLE - NAME: backward chains over titles nobody owns.
    for (n, item) in items.iter().enumerate() {
        if !matches!(item, Item::Name(_)) || n == 0 {
            continue;
        }
        // "Chủ tịch UBND tỉnh Cà Mau - Phạm Thành Ngại": a dash between the title and the name.
        let last = if n >= 2 && is_sep(n - 1, &['-']) { n - 2 } else { n - 1 };
        if !is_title(last) || owner.contains_key(&last) {
            continue;
        }
        let mut k = last;
        loop {
            owner.insert(k, n);
            if k >= 2
                && (is_sep(k - 1, &[',']) || is_kiem_word(items, k - 1))
                && is_title(k - 2)
                && !owner.contains_key(&(k - 2))
            {
                k -= 2;
            } else {
                break;
            }
        }
    }
    // TITLE, ông NAME / TITLE, tiến sĩ NAME: an apposition after a comma.
    for (n, item) in items.iter().enumerate() {
        if !matches!(item, Item::Name(_)) {
            continue;
        }
        let mut k = n;
        while k > 0 && matches!(&items[k - 1], Item::Word(_, c) if c.has(Class::Apposition)) {
            k -= 1;
        }
        if k == n || k < 2 || !is_sep(k - 1, &[',']) || !is_title(k - 2) || owner.contains_key(&(k - 2)) {
            continue;
        }
        owner.insert(k - 2, n);
    }
    // NAME ... trở thành / giữ chức / được bầu làm TITLE: the new post of the sentence's first person.
    for (t, item) in items.iter().enumerate() {
        let Item::Title(_) = item else { continue };
        let mut k = t;
        while k > 0 && matches!(&items[k - 1], Item::Word(_, c) if c.has(Class::NewPost)) {
            k -= 1;
        }
        let prev = |n: usize| match k.checked_sub(n).and_then(|j| items.get(j)) {
            Some(Item::Word(w, _)) => w.as_str(),
            _ => "",
        };
        let prev_is = |n: usize, class: Class| matches!(k.checked_sub(n).and_then(|j| items.get(j)), Some(Item::Word(_, c)) if c.has(class));
        // Two words before the title that make it a new post (`trở thành`, `giữ chức`, `bầu làm`: class
        // `appointment`), unless the post is being left (`thôi giữ chức`: class `leaves_post`).
        let pair = format!("{} {}", prev(2), prev(1));
        let appointed = classes::is(&pair, Class::Appointment) && !prev_is(3, Class::LeavesPost);
        // "giao Phó Thủ tướng A làm Tổ trưởng Tổ công tác", "do ông A làm Trưởng đoàn": the person just named serves as it.
        let serves = k >= 2 && prev_is(1, Class::ServesAs) && matches!(items[k - 2], Item::Name(_));
        let appointed = appointed || serves;
        let subject = items[..t].iter().rposition(|i| matches!(i, Item::Name(_)));
        if let (true, Some(f)) = (appointed, subject) {
            owner.entry(t).or_insert(f);
        }
    }
    let mut by_name: HashMap<usize, Vec<usize>> = HashMap::default();
    for (t, n) in owner {
        by_name.entry(n).or_default().push(t);
    }
    // Shared titles: every name listed after them is given them ("các Phó Thủ tướng: A, B, C").
    for t in 0..items.len() {
        if shared_title(items, t) {
            for k in listed_names(items, t) {
                by_name.entry(k).or_default().push(t);
            }
        }
    }
    for titles in by_name.values_mut() {
        titles.sort_unstable();
        titles.dedup();
    }
    by_name
}

/// Whether the title at `items[t]` is shared by the names listed after it: a plural title (`các Phó Thủ tướng`,
/// `5 Phó Chủ tịch`) or one a list opener follows (`Phó ban gồm các ông A, B`, `Trưởng Ban là ông A`).
/// A title after a form of address is the person it names, not a post listed (`con ông chủ tịch huyện là A`).
pub fn shared_title(items: &[Item], t: usize) -> bool {
    let Some(Item::Title(title)) = items.get(t) else { return false };
    let addressed = t > 0 && matches!(&items[t - 1], Item::Word(_, c) if c.has(Class::Honorific));
    title.plural || (!addressed && matches!(items.get(t + 1), Some(Item::Word(_, c)) if c.has(Class::ListOpener)))
}

/// Whether the list after the shared title at `items[t]` is announced, by a colon or a list opener before its
/// first name (`các Ủy viên Trung ương Đảng: A, B`, `5 Phó Chủ tịch là A, B`), rather than only following a
/// plural (`các đại biểu A (Đồng Tháp), B`).
pub fn announced_list(items: &[Item], t: usize) -> bool {
    items[t + 1..].iter().take_while(|i| !matches!(i, Item::Name(_))).any(|i| match i {
        Item::Sep(':') => true,
        Item::Word(_, c) => c.has(Class::ListOpener),
        _ => false,
    })
}

/// The names listed after the shared title at `items[t]`, over separators, list words (`gồm các ông`, `và`),
/// each person's form of address (`thiếu tướng`), own titles after the name, and a bracketed note after it
/// (`A (thường trực), B`). Another shared title starts another list. A title right before a name is that
/// person's own and starts another phrase ("các ĐB, Bộ trưởng Công thương NAME"), unless a plural title
/// announced the list ("các Ủy viên Trung ương Đảng: Bí thư Tỉnh ủy A, Bộ trưởng B").
pub fn listed_names(items: &[Item], t: usize) -> Vec<usize> {
    let plural = matches!(items.get(t), Some(Item::Title(title)) if title.plural);
    let titled_list = plural && announced_list(items, t);
    let mut out = Vec::new();
    let mut k = t + 1;
    while k < items.len() {
        match &items[k] {
            Item::Name(_) => {
                out.push(k);
                k = bracket_note_end(items, k + 1).unwrap_or(k + 1);
                continue;
            }
            Item::Title(_) if shared_title(items, k) || (!titled_list && title_before_name(items, k)) => break,
            Item::Title(_) | Item::Sep(',' | ';' | ':' | '-' | '(' | ')') => {}
            Item::Word(_, c) if c.has(Class::TitleListWord) => {}
            Item::Word(..) if address_before_name(items, k) => {}
            _ => break,
        }
        k += 1;
    }
    out
}

/// Whether the title at `items[k]` stands right before a name (`TITLE NAME`, `TITLE - NAME`).
fn title_before_name(items: &[Item], k: usize) -> bool {
    match items.get(k + 1) {
        Some(Item::Name(_)) => true,
        Some(Item::Sep('-')) => matches!(items.get(k + 2), Some(Item::Name(_))),
        _ => false,
    }
}

/// Whether the words from `items[k]` on are the form of address of the name right after them (`thiếu tướng A`).
fn address_before_name(items: &[Item], k: usize) -> bool {
    let Some(run) = items[k..].iter().position(|i| !matches!(i, Item::Word(..))) else { return false };
    matches!(items.get(k + run), Some(Item::Name(name)) if name.honorific >= run)
}

/// Where a bracket right after a name ends (the item after `)`), when it holds no other name: the person's
/// note (`Lê Thanh Liêm (thường trực)`, `thiếu tướng A (Tư lệnh ...)`).
pub fn bracket_note_end(items: &[Item], k: usize) -> Option<usize> {
    if !matches!(items.get(k), Some(Item::Sep('('))) {
        return None;
    }
    let close = items[k..].iter().position(|i| matches!(i, Item::Sep(')')))? + k;
    (!items[k..close].iter().any(|i| matches!(i, Item::Name(_)))).then_some(close + 1)
}

fn is_kiem_word(items: &[Item], k: usize) -> bool {
    matches!(items.get(k), Some(Item::Word(_, c)) if c.has(Class::Concurrent))
}
