//! Stage 5, roles: what each person does at the meeting (`chủ trì`, `dự`, `phát biểu`, ...).
//!
//! A role verb applies to the people named before it in its sentence, back to the previous
//! role verb (`A, B, C chủ trì hội nghị`; `A; B; C dự hội nghị`); verbs joined by `và` share
//! their people (`đã dự và chủ trì`). A verb that opens the sentence applies to the people
//! after it (`Dự hội nghị có ...`, `Phát biểu kết luận, đồng chí A ...`).

use crate::fasthash::FxHashMap as HashMap;
use std::sync::LazyLock;

use crate::data;
use crate::lexicon::{folded_tokens, PhraseIndex};
use crate::positions::Item;
use crate::tokens::Token;

pub type Role = &'static str;

static ROLE_VERBS: LazyLock<PhraseIndex<Role>> = LazyLock::new(|| {
    PhraseIndex::new(data::rows(&data::ROLES).iter().map(|r| (folded_tokens(r.get("phrase")), r.get("role"))))
});

/// Words after `dự` that make it another word (`dự án`, `dự kiến`).
const NOT_ATTEND: [&str; 14] =
    ["án", "kiến", "thảo", "báo", "toán", "trữ", "bị", "định", "đoán", "khuyết", "phòng", "thi", "tính", "luật"];

/// The role verb at token `k`: (role, token count).
pub fn role_at(tokens: &[Token], k: usize) -> Option<(Role, usize)> {
    let first = tokens.get(k)?;
    if k > 0 && first.is_capitalised() {
        return None;
    }
    let (n, role) = ROLE_VERBS.longest_at(tokens, k)?;
    if role == "dự" && n == 1 && tokens.get(k + 1).is_some_and(|t| NOT_ATTEND.contains(&t.folded.as_str())) {
        return None;
    }
    // "Bộ X chủ trì, phối hợp với ...": leads a task, does not chair a meeting; "không có ai chủ trì": nobody does.
    if role == "chủ trì" {
        if k > 0 && matches!(tokens[k - 1].folded.as_str(), "không" | "ai" | "chưa") {
            return None;
        }
        let next = |d: usize| tokens.get(k + n + d).map_or("", |t| t.folded.as_str());
        if next(0) == "phối" || (next(0) == "," && next(1) == "phối") || next(0) == "việc" {
            return None;
        }
    }
    if role == "trao" && tokens.get(k + 1).is_some_and(|t| matches!(t.folded.as_str(), "đổi" | "quyền")) {
        return None;
    }
    Some((role, n))
}

/// The names of the list that starts at `items[from]` ("của Thủ tướng A và các Phó Thủ tướng: B, C"):
/// titles, separators and list words only; any other word after a name ends it.
const LIST_WORDS: [&str; 8] = ["của", "và", "các", "cùng", "đồng", "chí", "ông", "bà"];

fn names_after(items: &[Item], from: usize) -> Vec<usize> {
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate().skip(from) {
        match item {
            Item::Name(_) => out.push(i),
            Item::Title(_) | Item::Sep(',' | ':' | '-' | ';') => {}
            Item::Word(w) if LIST_WORDS.contains(&w.as_str()) => {}
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
                run = if matches!(&items[i], Item::Word(w) if !LIST_WORDS.contains(&w.as_str())) { run + 1 } else { 0 };
                run >= 3
            });
            if let Some(cut) = cut {
                subjects.retain(|&i| i > cut);
            }
        }
        if p > 0 && matches!(&items[p - 1], Item::Word(w) if w == "sự") {
            // "dưới sự chủ trì của A và B": the people after it, not before.
            subjects = names_after(items, p + 1);
        } else if subjects.is_empty() {
            let joined = items[region_start..p].iter().all(|i| {
                matches!(i, Item::Word(w) if w == "và" || w == "đã" || w == "cùng") || matches!(i, Item::Role(..))
            });
            if joined && p > 0 && !last_subjects.is_empty() {
                subjects = last_subjects.clone();
            } else if Some(p) == first_content {
                // The verb opens the sentence: the people after it.
                let after = (p + 1..items.len()).filter(|&i| matches!(items[i], Item::Name(_)));
                subjects = if matches!(*role, "chủ trì" | "đồng chủ trì" | "dự") {
                    after.collect()
                } else {
                    after.take(1).collect()
                };
            }
        }
        for &s in &subjects {
            let roles = out.entry(s).or_default();
            if !roles.contains(role) {
                roles.push(role);
            }
        }
        if !subjects.is_empty() {
            last_subjects = subjects;
        }
        region_start = p + 1;
    }
    out
}
