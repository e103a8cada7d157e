//! Stage 5, roles: the verbs that say what a person does at the meeting (`chủ trì`, `dự`, `phát biểu`, ...),
//! found at a token. Which people each verb applies to is [`crate::items::roles_of`]:
//!
//! A role verb applies to the people named before it in its sentence, back to the previous
//! role verb (`A, B, C chủ trì hội nghị`; `A; B; C dự hội nghị`); verbs joined by `và` share
//! their people (`đã dự và chủ trì`). A verb that opens the sentence applies to the people
//! after it (`Dự hội nghị có ...`, `Phát biểu kết luận, đồng chí A ...`).

use std::sync::LazyLock;

use crate::classes::Class;
use crate::data;
use crate::lexicon::{folded_tokens, PhraseIndex};
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
