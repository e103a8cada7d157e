//! Reading a post: its rank, the body it belongs to, and whether that body is national or local.
//!
//! `Phó Trưởng ban Thường trực Ban Tổ chức Trung ương` has the rank `Phó Trưởng ban`, the body
//! `Ban Tổ chức Trung ương`, and is national: there is one such body in the country, so two people of one
//! name holding posts in it are one person wherever the article was written. `Phó Chủ tịch UBND tỉnh` is
//! local: there is one in every province, so it only identifies someone together with the province.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use hoinghi_core::data::{ScopeMarker, SCOPE_MARKERS};
use hoinghi_core::Position;

use crate::canon::{phrase_key, THUONG_TRUC};

/// Whether a body exists once in the country or once per locality.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    National,
    Local,
    /// Neither kind of word (`Tổng Giám đốc Tập đoàn Sao Mai`): treated as tied to the article's province.
    Unknown,
}

/// A post read into its parts; every field is a folded key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostKey {
    /// The whole post, abbreviations expanded.
    pub key: String,
    /// The body without the rank and without `thường trực` (`ban tổ chức trung ương`).
    pub body: String,
    pub scope: Scope,
    /// The province the post names (`Bí thư Tỉnh ủy Yên Bái`), canonical spelling, if it names one.
    pub province: Option<&'static str>,
}

/// Reads one post as written or expanded by the core, finding its rank again in the string.
pub fn read_post(title: &str) -> PostKey {
    let key = phrase_key(title);
    let body = body_of_key(&key);
    post_key(title, key, body)
}

/// Reads one post from the parts the core found (`Official::positions`): the rank and the body are
/// taken as they are, the string gives the whole key, the scope and the province. A rank the core's
/// `ranks.tsv` no longer has is read from the string, as [`read_post`] does.
pub fn read_position(title: &str, position: &Position) -> PostKey {
    let key = phrase_key(title);
    let body = body_of_position(position).unwrap_or_else(|| body_of_key(&key));
    post_key(title, key, body)
}

fn post_key(title: &str, key: String, body: String) -> PostKey {
    let scope = scope_of_key(&key);
    let province = hoinghi_core::places::province_mentions(title).first().map(|(_, p)| p.name);
    PostKey { key, body, scope, province }
}

/// The body of a position whose rank the core named: its own body (with the word the rank's bodies
/// start with, when the article left it out), else the body the bare rank implies.
fn body_of_position(position: &Position) -> Option<String> {
    static BY_NAME: LazyLock<HashMap<&'static str, &'static hoinghi_core::lexicon::Rank>> =
        LazyLock::new(|| hoinghi_core::lexicon::RANKS.list.iter().map(|r| (r.name, r)).collect());
    let rank = BY_NAME.get(position.rank.as_str())?;
    match position.body.as_deref().map(phrase_key).filter(|b| !b.is_empty()) {
        Some(body) => Some(match rank.body_starts_with.map(phrase_key) {
            Some(unit) if !(body == unit || body.starts_with(&format!("{unit} "))) => format!("{unit} {body}"),
            _ => body,
        }),
        None => rank.implied_body.map(phrase_key),
    }
}

/// The scope of an organiser or a post, from its words (see the core's `data/scopes.tsv`).
pub fn scope_of(text: &str) -> Scope {
    scope_of_key(&phrase_key(text))
}

/// Marker words by first word: (words, scope or `None` for a hiding row), longest first.
type Markers = HashMap<String, Vec<(Vec<String>, Option<Scope>)>>;

static SCOPES: LazyLock<Markers> = LazyLock::new(|| {
    let mut table: Markers = HashMap::new();
    for (marker, scope) in SCOPE_MARKERS.iter() {
        let words: Vec<String> = phrase_key(marker).split(' ').map(str::to_string).collect();
        let scope = match scope {
            ScopeMarker::Local => Some(Scope::Local),
            ScopeMarker::National => Some(Scope::National),
            ScopeMarker::None => None,
        };
        table.entry(words[0].clone()).or_default().push((words, scope));
    }
    for rows in table.values_mut() {
        rows.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
    }
    table
});

/// The scope of an already folded key.
pub(crate) fn scope_of_key(key: &str) -> Scope {
    let words: Vec<&str> = key.split(' ').collect();
    let (mut local, mut national) = (false, false);
    let mut i = 0;
    while i < words.len() {
        let hit = SCOPES.get(words[i]).and_then(|rows| {
            rows.iter().find(|(p, _)| words.len() - i >= p.len() && p.iter().zip(&words[i..]).all(|(a, b)| a == b))
        });
        match hit {
            Some((pattern, scope)) => {
                local |= *scope == Some(Scope::Local);
                national |= *scope == Some(Scope::National);
                i += pattern.len();
            }
            None => i += 1,
        }
    }
    match (local, national) {
        (true, _) => Scope::Local,
        (false, true) => Scope::National,
        _ => Scope::Unknown,
    }
}

/// A rank (folded words), the body a bare rank implies, and the word its body starts with.
struct Rank {
    words: Vec<String>,
    implied: Option<String>,
    unit: Option<String>,
}

/// Every spelling of every rank of the core's `ranks.tsv` (those the extractor looks for and those only
/// the merge reads), longest first.
static RANKS: LazyLock<Vec<Rank>> = LazyLock::new(|| {
    let mut ranks: Vec<Rank> = hoinghi_core::lexicon::RANKS
        .list
        .iter()
        .flat_map(|rank| {
            std::iter::once(rank.name).chain(rank.variants.iter().copied()).map(|spelling| Rank {
                words: phrase_key(spelling).split(' ').map(str::to_string).collect(),
                implied: rank.implied_body.map(phrase_key),
                unit: rank.body_starts_with.map(phrase_key),
            })
        })
        .collect();
    ranks.sort_by_key(|r| std::cmp::Reverse(r.words.len()));
    ranks
});

fn body_of_key(key: &str) -> String {
    let words: Vec<&str> = key.split(' ').collect();
    let rank = RANKS.iter().find(|r| words.len() >= r.words.len() && r.words.iter().zip(&words).all(|(a, b)| a == b));
    let Some(rank) = rank else { return key.to_string() };
    let mut rest = &words[rank.words.len()..];
    let standing: Vec<&str> = THUONG_TRUC.split(' ').collect();
    if rest.starts_with(&standing) {
        rest = &rest[standing.len()..];
    }
    if rest.is_empty() {
        return rank.implied.clone().unwrap_or_else(|| key.to_string());
    }
    let rest = rest.join(" ");
    // `Bộ trưởng Tài chính` is the minister of the `Bộ Tài chính`; `Trưởng Ban Dân vận` heads the `Ban Dân vận`.
    match &rank.unit {
        Some(unit) if !(rest == *unit || rest.starts_with(&format!("{unit} "))) => format!("{unit} {rest}"),
        _ => rest,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (post, body it belongs to, scope, why) — posts from shared/eval/dev and shared/corpus.
    const POSTS: &[(&str, &str, Scope, &str)] = &[
        (
            "Phó Trưởng ban Thường trực Ban Tổ chức Trung ương",
            "Ban Tổ chức Trung ương",
            Scope::National,
            "baomoi2017/0009",
        ),
        ("Phó Chủ tịch Thường trực UBND tỉnh", "Ủy ban nhân dân tỉnh", Scope::Local, "dev/004"),
        ("Ủy viên Ban Thường vụ Tỉnh ủy", "Ban Thường vụ Tỉnh ủy", Scope::Local, "Thường vụ is not a Vụ"),
        ("Phó Thủ tướng Thường trực", "Chính phủ", Scope::National, "bare rank implies its body"),
        ("Thủ tướng", "Chính phủ", Scope::National, "bare rank implies its body"),
        ("Phó Chính ủy Bộ Chỉ huy Quân sự tỉnh", "Bộ Chỉ huy Quân sự tỉnh", Scope::Local, "Bộ Chỉ huy is local"),
        ("Thứ trưởng Bộ Xây dựng", "Bộ Xây dựng", Scope::National, "baomoi2017/0009"),
        (
            "Chủ tịch Ủy ban Trung ương MTTQ Việt Nam",
            "Ủy ban Trung ương Mặt trận Tổ quốc",
            Scope::National,
            "baomoi2017/0060",
        ),
        ("Tổng Giám đốc Tập đoàn Sao Mai", "Tập đoàn Sao Mai", Scope::Unknown, "a company"),
        ("Trưởng Ban Dân vận Trung ương", "Ban Dân vận Trung ương", Scope::National, "dev/003"),
        ("Giám đốc Sở Kế hoạch và Đầu tư", "Sở Kế hoạch và Đầu tư", Scope::Local, "a province's department"),
        ("Bộ trưởng Tài chính", "Bộ Tài chính", Scope::National, "vntc/0145: the ministry without `Bộ`"),
        (
            "Bộ trưởng Bộ LĐ-TB-XH",
            "Bộ Lao động - Thương binh - Xã hội",
            Scope::National,
            "vntc/0229 and vntc-mixed/0074",
        ),
        ("Bộ trưởng NNPTNT", "Bộ Nông nghiệp và Phát triển nông thôn", Scope::National, "vntc/0085"),
        ("Bộ trưởng GDĐT", "Bộ Giáo dục và Đào tạo", Scope::National, "vntc/0105"),
        ("Cục trưởng Thú y", "Cục Thú y", Scope::National, "vntc/0128 against vntc/0085"),
        ("Chủ nhiệm Ủy ban Kinh tế và Ngân sách", "Ủy ban kinh tế ngân sách", Scope::Unknown, "`và` does not count"),
    ];

    #[test]
    fn provinces_named_in_posts() {
        assert_eq!(read_post("Bí thư Tỉnh ủy Yên Bái").province, Some("Yên Bái"));
        assert_eq!(read_post("Phó Chủ tịch UBND TPHCM").province, Some("Thành phố Hồ Chí Minh"));
        assert_eq!(read_post("Phó Chủ tịch Thường trực UBND tỉnh").province, None);
    }

    #[test]
    fn reads_the_cores_positions() {
        let position = |rank: &str, body: Option<&str>| Position {
            rank: rank.into(),
            body: body.map(Into::into),
            standing: false,
            acting: false,
        };
        // (title, position, body, why)
        let cases = [
            (
                "Quyền Bộ trưởng Nông nghiệp và Phát triển nông thôn",
                position("Bộ trưởng", Some("Nông nghiệp và Phát triển nông thôn")),
                "Bộ Nông nghiệp và Phát triển nông thôn",
                "vntc/0085: the string starts with `Quyền`, which no rank does",
            ),
            ("Thủ tướng", position("Thủ tướng", None), "Chính phủ", "a bare rank implies its body"),
            (
                "Ủy viên Ban Thường vụ Tỉnh ủy",
                position("Ủy viên Ban Thường vụ", Some("Tỉnh ủy")),
                "Ban Thường vụ Tỉnh ủy",
                "the body with the words the rank's bodies start with",
            ),
            ("Phó Giám đốc Sở Y tế", position("Không có", Some("Sở Y tế")), "Sở Y tế", "an unknown rank: the string"),
        ];
        for (title, position, body, why) in cases {
            assert_eq!(read_position(title, &position).body, phrase_key(body), "{title}: {why}");
        }
    }

    #[test]
    fn reads_posts() {
        for (post, body, scope, why) in POSTS {
            let read = read_post(post);
            assert_eq!(read.body, phrase_key(body), "{post}: {why}");
            assert_eq!(read.scope, *scope, "{post}: {why}");
        }
    }
}
