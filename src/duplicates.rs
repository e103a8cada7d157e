//! The same article loaded twice: two articles are the same when their normalised texts (the record's
//! `text`) are equal. The page keeps one key per loaded article, so that a second copy is refused (and
//! said so, naming both files) instead of counted twice in every table.
//!
//! The key is the text's length and 64-bit hash rather than the text itself: thousands of articles'
//! texts are already held once in their records.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

/// A text's key: (length in bytes, hash).
type Key = (usize, u64);

fn key(text: &str) -> Key {
    let mut h = DefaultHasher::new();
    text.hash(&mut h);
    (text.len(), h.finish())
}

/// The texts of the articles on the page, by name.
#[derive(Debug, Default)]
pub struct Texts {
    by_key: HashMap<Key, String>,
    by_name: HashMap<String, Key>,
}

impl Texts {
    /// Files the article `name` with its normalised `text`; when an article with the same text is
    /// there already, files nothing and returns that article's name.
    pub fn file(&mut self, name: &str, text: &str) -> Result<(), String> {
        let k = key(text);
        if let Some(first) = self.by_key.get(&k) {
            return Err(first.clone());
        }
        self.by_key.insert(k, name.to_string());
        self.by_name.insert(name.to_string(), k);
        Ok(())
    }

    /// Forgets the article `name` (removed from the page): its text may come again.
    pub fn forget(&mut self, name: &str) {
        if let Some(k) = self.by_name.remove(name) {
            self.by_key.remove(&k);
        }
    }

    pub fn clear(&mut self) {
        *self = Texts::default();
    }
}

/// What the page says about the copies it refused: (copy, the article already loaded), oldest first.
pub fn notice(refused: &[(String, String)]) -> Option<String> {
    const SHOWN: usize = 3;
    let (copy, first) = refused.first()?;
    let mut text = if refused.len() == 1 {
        format!("“{copy}” có cùng nội dung với “{first}” đã nạp, nên không nạp lần nữa.")
    } else {
        let named: Vec<String> = refused.iter().take(SHOWN).map(|(c, f)| format!("“{c}” (giống “{f}”)")).collect();
        format!("{} bài có cùng nội dung với bài đã nạp, nên không nạp lần nữa: {}", refused.len(), named.join(", "))
    };
    if refused.len() > SHOWN {
        text.push_str(&format!(" và {} bài khác.", refused.len() - SHOWN));
    } else if refused.len() > 1 {
        text.push('.');
    }
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol;

    /// (name, text) pairs.
    type Named<'a> = Vec<(&'a str, &'a str)>;
    /// (copy, the article it copies) pairs.
    type Refused = Vec<(String, String)>;

    const SAMPLE: &str = include_str!("../public/samples/000_a1b6cc5c598c13a5.txt");
    const OTHER: &str = include_str!("../public/samples/001_054d4c0633b05464.txt");

    /// The normalised text of `raw` as the worker extracts it (`pasted`: repaired as a paste is).
    fn normalised(raw: &str, pasted: bool) -> String {
        protocol::from_text("x", raw, pasted).record.unwrap().text
    }

    #[test]
    fn the_same_text_after_normalising_is_refused_naming_the_first() {
        // (texts filed in order as (name, raw text), the names refused with the article they copy)
        let crlf = SAMPLE.replace('\n', "\r\n");
        let cases: Vec<(Named, Named)> = vec![
            (vec![("a.txt", SAMPLE), ("b.txt", OTHER)], vec![]),
            (vec![("a.txt", SAMPLE), ("b.txt", SAMPLE)], vec![("b.txt", "a.txt")]),
            // Line ends and decomposed marks are normalised away: still the same article.
            (vec![("a.txt", SAMPLE), ("a-crlf.txt", &crlf)], vec![("a-crlf.txt", "a.txt")]),
            (
                vec![("a.txt", SAMPLE), ("b.txt", OTHER), ("c.txt", SAMPLE), ("d.txt", OTHER)],
                vec![("c.txt", "a.txt"), ("d.txt", "b.txt")],
            ),
        ];
        for (filed, expected) in cases {
            let mut texts = Texts::default();
            let refused: Vec<(&str, String)> = filed
                .iter()
                .filter_map(|(name, raw)| texts.file(name, &normalised(raw, false)).err().map(|first| (*name, first)))
                .collect();
            let expected: Vec<(&str, String)> = expected.iter().map(|(c, f)| (*c, f.to_string())).collect();
            assert_eq!(refused, expected, "{filed:?}");
        }
    }

    /// Another outlet's report of the meeting of `SAMPLE` (dev/000): its own words, so not a copy; the two
    /// stay two articles and their meeting merges into one with two reports.
    const OTHER_OUTLET: &str = "BÁO BÌNH ĐỊNH

Giao ban công tác dân vận 6 tháng đầu năm 2024
Thứ ba 18/06/2024 08:00

Chiều 17/6/2024, Ban Dân vận Tỉnh ủy Bình Định tổ chức Hội nghị giao ban công tác dân vận 6 tháng đầu năm 2024. \
Đồng chí Nguyễn Thị Phong Vũ, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Dân vận Tỉnh ủy, chủ trì hội nghị.
";

    #[test]
    fn the_same_story_from_two_outlets_is_two_articles_and_one_meeting() {
        let a = protocol::from_text("bbd.txt", SAMPLE, false).record.unwrap();
        let b = protocol::from_text("baobinhdinh.txt", OTHER_OUTLET, false).record.unwrap();
        let mut texts = Texts::default();
        assert_eq!(texts.file("bbd.txt", &a.text), Ok(()));
        assert_eq!(texts.file("baobinhdinh.txt", &b.text), Ok(()));
        let merged = hoinghi_merge::merge(&[a, b]);
        let giao_ban: Vec<_> = merged.meetings.iter().filter(|m| m.kind == "giao ban").collect();
        assert_eq!(giao_ban.len(), 1, "{:#?}", merged.meetings);
        assert_eq!(giao_ban[0].sources, vec!["baobinhdinh.txt".to_string(), "bbd.txt".to_string()]);
        assert_eq!(giao_ban[0].reports.len(), 2);
    }

    #[test]
    fn a_removed_article_may_come_again() {
        let mut texts = Texts::default();
        let text = normalised(SAMPLE, false);
        texts.file("a.txt", &text).unwrap();
        assert_eq!(texts.file("b.txt", &text), Err("a.txt".to_string()));
        texts.forget("a.txt");
        assert_eq!(texts.file("b.txt", &text), Ok(()));
        texts.clear();
        assert_eq!(texts.file("c.txt", &text), Ok(()));
    }

    #[test]
    fn the_notice_names_both_files() {
        let pair = |c: &str, f: &str| (c.to_string(), f.to_string());
        let cases: Vec<(Refused, Option<&str>)> = vec![
            (vec![], None),
            (vec![pair("b.txt", "a.txt")], Some("“b.txt” có cùng nội dung với “a.txt” đã nạp, nên không nạp lần nữa.")),
            (
                vec![pair("b", "a"), pair("d", "c")],
                Some("2 bài có cùng nội dung với bài đã nạp, nên không nạp lần nữa: “b” (giống “a”), “d” (giống “c”)."),
            ),
            (
                vec![pair("b", "a"), pair("d", "c"), pair("f", "e"), pair("h", "g"), pair("j", "i")],
                Some("5 bài có cùng nội dung với bài đã nạp, nên không nạp lần nữa: “b” (giống “a”), “d” (giống “c”), “f” (giống “e”) và 2 bài khác."),
            ),
        ];
        for (refused, expected) in cases {
            assert_eq!(notice(&refused).as_deref(), expected);
        }
    }
}
