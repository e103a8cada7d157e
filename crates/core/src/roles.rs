//! Stage 5, roles: what each person does at the meeting (`chủ trì`, `dự`, `phát biểu`, ...).
//!
//! A role verb applies to the people named before it in its sentence, back to the previous
//! role verb (`A, B, C chủ trì hội nghị`; `A; B; C dự hội nghị`); verbs joined by `và` share
//! their people (`đã dự và chủ trì`). A verb that opens the sentence applies to the people
//! after it (`Dự hội nghị có ...`, `Phát biểu kết luận, đồng chí A ...`).

use crate::fasthash::FxHashMap as HashMap;
use std::sync::LazyLock;

use crate::classes::Class;
use crate::data;
use crate::lexicon::{folded_tokens, PhraseIndex};
use crate::positions::Item;
use crate::tokens::Token;

pub use crate::record::Role;

/// Verb phrases → the role they name; `None` for a longer word that starts like a verb and is none
/// (`dự án`, `trao đổi`): the longest phrase wins, so listing it is enough to keep it from being a role.
static ROLE_VERBS: LazyLock<PhraseIndex<Option<Role>>> = LazyLock::new(|| {
    PhraseIndex::new(data::rows(&data::ROLES).iter().map(|r| {
        let role = match r.get("role") {
            "-" => None,
            verb => Some(Role::parse(verb).unwrap_or_else(|| r.malformed(&format!("no role {verb:?}")))),
        };
        (folded_tokens(r.get("phrase")), role)
    }))
});

/// The role verb at token `k`: (role, token count).
pub fn role_at(tokens: &[Token], k: usize) -> Option<(Role, usize)> {
    let first = tokens.get(k)?;
    if k > 0 && first.is_capitalised() {
        return None;
    }
    let (n, role) = ROLE_VERBS.longest_at(tokens, k)?;
    let role = role?;
    // "không có ai chủ trì": nobody does. "Bộ X chủ trì, phối hợp với ...": leads a task, does not chair a meeting
    // (`chủ trì phối hợp` without the comma is a row of the data file; the comma is punctuation, so it is here).
    if role == Role::Chair {
        if k > 0 && tokens[k - 1].is(Class::Negation) {
            return None;
        }
        let comma = tokens.get(k + n).is_some_and(|t| t.is_punct(','));
        if comma && tokens.get(k + n + 1).is_some_and(|t| t.is(Class::TaskLead)) {
            return None;
        }
    }
    Some((role, n))
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
        if p > 0 && matches!(&items[p - 1], Item::Word(_, c) if c.has(Class::Nominaliser)) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_verb_table() {
        // (sentence, the word the verb starts at, expected role)
        let cases = [
            ("ông A chủ trì hội nghị", "chủ", Some(Role::Chair)),
            ("ông A đồng chủ trì hội nghị", "đồng", Some(Role::CoChair)),
            ("ông A tham dự hội nghị", "tham", Some(Role::Attend)),
            ("triển khai dự án mới", "dự", None),
            ("các bên trao đổi ý kiến", "trao", None),
            ("không có ai chủ trì", "chủ", None),
            ("Bộ Y tế chủ trì phối hợp với", "chủ", None),
            ("Bộ Y tế chủ trì, phối hợp với", "chủ", None),
            ("ông A trao quà", "trao", Some(Role::Award)),
            ("Ban Chỉ đạo họp", "Chỉ", None),
        ];
        for (text, word, want) in cases {
            let tokens = crate::tokens::tokenize(text, 0..text.len());
            let k = tokens.iter().position(|t| t.text(text) == word).expect(word);
            assert_eq!(role_at(&tokens, k).map(|(r, _)| r), want, "{text}");
        }
    }
}
