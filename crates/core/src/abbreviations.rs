//! Abbreviations: the article's own definitions (`Quy chế dân chủ (QCDC)`) and expanding a run of tokens.
//!
//! A definition is a parenthesised all-capitals word whose letters are the initials of the words
//! just before it (`Ban Dân vận (DV)` defines `DV` as `Dân vận`, the words whose initials match).
//! The article's definitions take precedence over `data/abbreviations.tsv`.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use crate::chars::is_all_caps;
use crate::fasthash::FxHashSet;
use crate::lexicon::ABBREVIATIONS;
use crate::tokens::Token;

/// Definitions an article makes: abbreviation → expansion as written.
pub type Definitions = HashMap<String, String>;

/// The first words of the abbreviations of two or three words (`TP` of `TP HCM`): [`expand`] joins the words
/// after a token to look one up only after these. Asked of every word expanded: a quick hash of a short word.
static STARTS_LONGER: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| ABBREVIATIONS.keys().filter_map(|k| k.split_once(' ').map(|(first, _)| first)).collect());

fn initial(word: &str) -> Option<char> {
    let c = word.chars().next()?.to_uppercase().next()?;
    Some(if c == 'Đ' { 'D' } else { c })
}

/// Finds `words (ABBR)` definitions among the tokens of the article.
#[inline(never)] // a stage of `extract_with_progress`: see there why
pub fn definitions(tokens: &[Token], text: &str) -> Definitions {
    let mut out = Definitions::new();
    for k in 1..tokens.len().saturating_sub(2) {
        if !(tokens[k].is_punct('(') && tokens[k + 2].is_punct(')')) {
            continue;
        }
        let abbr = tokens[k + 1].text(text);
        if !is_all_caps(abbr) || abbr.chars().count() > 8 || !abbr.chars().all(char::is_alphabetic) {
            continue;
        }
        let letters: Vec<char> = abbr.chars().map(|c| if c == 'Đ' { 'D' } else { c }).collect();
        let n = letters.len();
        if k < n || !tokens[k - n..k].iter().all(Token::is_word) {
            continue;
        }
        let words = &tokens[k - n..k];
        if words.iter().zip(&letters).all(|(w, l)| initial(w.text(text)) == Some(*l)) {
            out.insert(abbr.to_string(), text[words[0].range().start..words[n - 1].range().end].to_string());
        }
    }
    out
}

/// The text of `tokens[range]` with abbreviations expanded and `(ABBR)` definitions left out.
pub fn expand(tokens: &[Token], text: &str, range: Range<usize>, defs: &Definitions) -> String {
    let mut out = String::new();
    let mut k = range.start;
    let mut prev_end: Option<usize> = None;
    while k < range.end {
        let t = &tokens[k];
        if t.is_punct('(')
            && k + 2 < range.end + 1
            && tokens.get(k + 2).is_some_and(|c| c.is_punct(')'))
            && tokens.get(k + 1).is_some_and(|a| a.is_all_caps())
        {
            k += 3;
            continue;
        }
        // "TP. Huế": the dot of a unit's abbreviation goes with the abbreviation it closes ("thành phố Huế").
        if t.is_punct('.') && k > range.start && tokens[k - 1].is(crate::classes::Class::Unit) {
            k += 1;
            continue;
        }
        if let Some(p) = prev_end {
            if t.range().start > p || t.is_punct('-') || t.is_punct('&') {
                out.push(' ');
            }
        }
        // Two- and three-token abbreviations first ("TP HCM", "UB MTTQ"), after a word that starts one.
        let mut done = false;
        let starts_longer = STARTS_LONGER.contains(t.text(text));
        for n in [3usize, 2] {
            if starts_longer && k + n <= range.end {
                let joined = tokens[k..k + n].iter().map(|t| t.text(text)).collect::<Vec<_>>().join(" ");
                if let Some(full) = ABBREVIATIONS.get(joined.as_str()) {
                    out.push_str(full);
                    prev_end = Some(tokens[k + n - 1].range().end);
                    k += n;
                    done = true;
                    break;
                }
            }
        }
        if done {
            continue;
        }
        let word = t.text(text);
        match defs.get(word).map(String::as_str).or_else(|| ABBREVIATIONS.get(word).copied()) {
            Some(full) if t.is_word() => out.push_str(full),
            _ => out.push_str(word),
        }
        prev_end = Some(t.range().end);
        if t.is_punct('-') || t.is_punct('&') {
            out.push(' ');
            prev_end = None;
        }
        k += 1;
    }
    // Nearly always one space between words already: then `out` is the answer, with no copy (and no room to
    // spare: an official keeps it).
    if single_spaced(&out) {
        out.shrink_to_fit();
        return out;
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `s` is its words joined by one space (what joining its `split_whitespace` would give).
fn single_spaced(s: &str) -> bool {
    let mut after_space = true;
    for c in s.chars() {
        if c.is_whitespace() {
            if c != ' ' || after_space {
                return false;
            }
            after_space = true;
        } else {
            after_space = false;
        }
    }
    !after_space || s.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    #[test]
    fn definitions_table() {
        let text =
            "Ban Chỉ đạo thực hiện Quy chế dân chủ (QCDC) ở cơ sở tỉnh, Ban Dân vận (DV) Tỉnh ủy, Tập đoàn (ABC)";
        let tokens = tokenize(text, 0..text.len());
        let defs = definitions(&tokens, text);
        assert_eq!(defs.get("QCDC").map(String::as_str), Some("Quy chế dân chủ"));
        assert_eq!(defs.get("DV").map(String::as_str), Some("Dân vận"));
        assert_eq!(defs.get("ABC"), None);
    }

    #[test]
    fn single_spaced_is_joined_words() {
        for s in ["", " ", "a", "a b", " a", "a ", "a  b", "a\tb", "a\u{a0}b", "Ủy ban  nhân", "x - y"] {
            assert_eq!(single_spaced(s), s.split_whitespace().collect::<Vec<_>>().join(" ") == s, "{s:?}");
        }
    }

    #[test]
    fn expand_table() {
        let defs: Definitions = [("DV".to_string(), "Dân vận".to_string())].into();
        let cases = [
            ("Chủ tịch UBND tỉnh", "Chủ tịch Ủy ban nhân dân tỉnh"),
            ("Trưởng ban DV Tỉnh ủy", "Trưởng ban Dân vận Tỉnh ủy"),
            ("Giám đốc Sở KH&ĐT", "Giám đốc Sở Kế hoạch và Đầu tư"),
            ("Sở Văn hóa - Thể thao", "Sở Văn hóa - Thể thao"),
            ("Thành ủy TP HCM", "Thành ủy Thành phố Hồ Chí Minh"),
            ("Ban Chỉ đạo (BCĐ) tỉnh", "Ban Chỉ đạo tỉnh"),
        ];
        for (input, want) in cases {
            let tokens = tokenize(input, 0..input.len());
            assert_eq!(expand(&tokens, input, 0..tokens.len(), &defs), want, "{input}");
        }
    }
}
