//! Sentence items: one sentence as a row of names, titles, separators, role verbs and other words, and what
//! attaches to what in it.
//!
//! Titles are attached to names by the shapes the genre uses: `NAME - TITLE, TITLE`, `NAME (TITLE)`,
//! `TITLE, TITLE NAME`, lists split by `;` and `,`, and plural titles shared by a list (`các Phó Thủ tướng:
//! A, B, C`). Role verbs apply to the people named before them ([`roles_of`]). Above the word-level stages it
//! reads ([`crate::people`] names, [`crate::positions`] titles, [`crate::roles`] verbs), below the officials.

use std::ops::Range;

use crate::classes::{self, Class, Classes};
use crate::fasthash::FxHashMap as HashMap;
use crate::people::{name_at, written_name, NameMatch};
use crate::positions::{title_at, Title};
use crate::roles::{role_at, Role};
use crate::tokens::Token;

/// One element of a sentence.
#[derive(Debug, Clone)]
pub enum Item {
    Name(NameMatch),
    Title(Title),
    Sep(char),
    Role(Role, Range<usize>),
    /// Any other word, folded, with its classes.
    Word(crate::tokens::Folded, Classes),
}

/// The items of one sentence.
pub fn items(tokens: &[Token], text: &str) -> Vec<Item> {
    let mut out: Vec<Item> = Vec::new();
    let mut k = 0;
    while k < tokens.len() {
        let t = &tokens[k];
        if let crate::tokens::Kind::Punct(c) = t.kind() {
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
            if title.by_surname {
                // "Tổng thống Trump": the post and the surname of its holder, words of nobody's title here.
                let end = title.tokens.end + 1;
                out.extend(tokens[k..end].iter().map(|t| Item::Word(t.folded().clone(), t.classes())));
                k = end;
                continue;
            }
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
        out.push(Item::Word(t.folded().clone(), t.classes()));
        k += 1;
    }
    out
}

/// The foreign holder's name that ends a post (`Thủ tướng Lào Thongloun Sisoulith`), as a name item.
fn foreign_holder(tokens: &[Token], text: &str, run: Range<usize>) -> NameMatch {
    let name = written_name(&tokens[run.clone()], text);
    NameMatch { tokens: run, name, honorific: 0 }
}

/// For each name item, the indices of the title items that belong to it. Each rule below gives titles nobody
/// owns yet to a name, in this order; then shared titles are given to every name listed after them.
pub fn attach(items: &[Item]) -> HashMap<usize, Vec<usize>> {
    let mut owner: HashMap<usize, usize> = HashMap::default();
    forward_chains(items, &mut owner);
    backward_chains(items, &mut owner);
    appositions(items, &mut owner);
    new_posts(items, &mut owner);
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

fn is_title(items: &[Item], i: usize) -> bool {
    matches!(items.get(i), Some(Item::Title(_)))
}

fn is_name(items: &[Item], i: usize) -> bool {
    matches!(items.get(i), Some(Item::Name(_)))
}

fn is_sep(items: &[Item], i: usize, cs: &[char]) -> bool {
    matches!(items.get(i), Some(Item::Sep(c)) if cs.contains(c))
}

/// NAME, TITLE, TITLE / NAME - TITLE - TITLE / NAME (TITLE): forward chains; a title glued to the next name is that
/// name's.
fn forward_chains(items: &[Item], owner: &mut HashMap<usize, usize>) {
    for n in (0..items.len()).filter(|&n| is_name(items, n)) {
        let mut k = n + 1;
        if !(is_sep(items, k, &[',', '-', '(', ':']) && is_title(items, k + 1)) {
            continue;
        }
        k += 1;
        while is_title(items, k) && !is_name(items, k + 1) {
            owner.insert(k, n);
            // "Trưởng Công an phường - Phó Trưởng ban Ban chỉ đạo 138": a dash between two posts as a comma.
            if is_sep(items, k + 1, &[',', '-']) && is_title(items, k + 2)
                || is_kiem_word(items, k + 1) && is_title(items, k + 2)
            {
                k += 2;
            } else {
                break;
            }
        }
    }
}

/// TITLE, TITLE NAME / TITLE - NAME: backward chains over titles nobody owns.
fn backward_chains(items: &[Item], owner: &mut HashMap<usize, usize>) {
    for n in (1..items.len()).filter(|&n| is_name(items, n)) {
        // "Chủ tịch UBND tỉnh Cà Mau - Phạm Thành Ngại": a dash between the title and the name.
        let last = if n >= 2 && is_sep(items, n - 1, &['-']) { n - 2 } else { n - 1 };
        if !is_title(items, last) || owner.contains_key(&last) {
            continue;
        }
        let mut k = last;
        loop {
            owner.insert(k, n);
            if k >= 2
                && (is_sep(items, k - 1, &[',', '-']) || is_kiem_word(items, k - 1))
                && is_title(items, k - 2)
                && !owner.contains_key(&(k - 2))
            {
                k -= 2;
            } else {
                break;
            }
        }
    }
}

/// TITLE, ông NAME / TITLE, tiến sĩ NAME: an apposition after a comma.
fn appositions(items: &[Item], owner: &mut HashMap<usize, usize>) {
    for n in (0..items.len()).filter(|&n| is_name(items, n)) {
        let mut k = n;
        while k > 0 && matches!(&items[k - 1], Item::Word(_, c) if c.has(Class::Apposition)) {
            k -= 1;
        }
        if k == n || k < 2 || !is_sep(items, k - 1, &[',']) || !is_title(items, k - 2) || owner.contains_key(&(k - 2)) {
            continue;
        }
        owner.insert(k - 2, n);
    }
}

/// NAME ... trở thành / giữ chức / được bầu làm TITLE: the new post of the sentence's first person.
fn new_posts(items: &[Item], owner: &mut HashMap<usize, usize>) {
    for t in (0..items.len()).filter(|&t| is_title(items, t)) {
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

/// The names of the list that starts at `items[from]` ("của Thủ tướng A và các Phó Thủ tướng: B, C"):
/// titles, separators and list words only; any other word after a name ends it.
fn names_after(items: &[Item], from: usize) -> Vec<usize> {
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate().skip(from) {
        match item {
            Item::Name(_) => out.push(i),
            Item::Title(_) | Item::Sep(',' | ':' | '-' | ';') => {}
            Item::Word(_, c) if c.has(Class::ListWord) => {}
            _ => break,
        }
    }
    out
}

/// Whether the role verb at `items[p]` has a passive's agent with no name (`do Chủ tịch UBND tỉnh chủ trì`, `do
/// Tổng thống Hàn Quốc chủ trì`): `do` then only titles and words up to the verb. `do` is this rule's own pattern
/// (the agent after it), not a class.
fn unnamed_agent(items: &[Item], region_start: usize, p: usize) -> bool {
    let from = region_start.max(p.saturating_sub(8));
    for k in (from..p).rev() {
        match &items[k] {
            Item::Word(w, _) if w.as_str() == "do" => return k + 1 < p,
            Item::Word(..) | Item::Title(_) => {}
            _ => return false,
        }
    }
    false
}

/// The roles of each name item in one sentence's items.
pub fn roles_of(items: &[Item]) -> HashMap<usize, Vec<Role>> {
    let mut out: HashMap<usize, Vec<Role>> = HashMap::default();
    let mut region_start = 0;
    let mut last_subjects: Vec<usize> = Vec::new();
    let first_content = items.iter().position(|i| !matches!(i, Item::Sep(_)));
    for (p, item) in items.iter().enumerate() {
        let Item::Role(role, _) = item else { continue };
        let mut subjects: Vec<usize> = (region_start..p).filter(|&i| matches!(items[i], Item::Name(_))).collect();
        // "Ông A chính thức về nhận nhiệm vụ ... Ông B, TITLE đã chủ trì" (a caption glued to the sentence): a run of
        // three plain words between names ends the subjects; the name nearest the verb always stays.
        if let Some(&nearest) = subjects.last() {
            let mut run = 0;
            let cut = (region_start..nearest).rev().find(|&i| {
                run = if matches!(&items[i], Item::Word(_, c) if !c.has(Class::ListWord)) { run + 1 } else { 0 };
                run >= 3
            });
            if let Some(cut) = cut {
                subjects.retain(|&i| i > cut);
            }
        }
        if unnamed_agent(items, region_start, p) {
            // "hội nghị do Chủ tịch UBND tỉnh chủ trì": the verb's agent is an office with no name, nobody before it.
            subjects.clear();
        } else if p > 0 && matches!(&items[p - 1], Item::Word(_, c) if c.has(Class::Nominaliser)) {
            // "dưới sự chủ trì của A và B": the people after it, not before.
            subjects = names_after(items, p + 1);
        } else if subjects.is_empty() {
            let joined = items[region_start..p]
                .iter()
                .all(|i| matches!(i, Item::Word(_, c) if c.has(Class::SubjectEnd)) || matches!(i, Item::Role(..)));
            if joined && p > 0 && !last_subjects.is_empty() {
                subjects = last_subjects.clone();
            } else if Some(p) == first_content {
                // The verb opens the sentence: the people after it.
                let after = (p + 1..items.len()).filter(|&i| matches!(items[i], Item::Name(_)));
                subjects = if matches!(*role, Role::Chair | Role::CoChair | Role::Attend) {
                    after.collect()
                } else {
                    after.take(1).collect()
                };
            }
        }
        for &s in &subjects {
            let roles = out.entry(s).or_default();
            if !roles.contains(role) {
                roles.push(*role);
            }
        }
        if !subjects.is_empty() {
            last_subjects = subjects;
        }
        region_start = p + 1;
    }
    out
}
