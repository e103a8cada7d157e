//! "Xuất làm dữ liệu chuẩn": the corrected articles as gold data in the format of `shared/eval`
//! (`NAME.txt`, the article's text, and `NAME.gold.json`, its facts as the user corrected them), zipped,
//! so that `score.py` measures the extractor on the user's own articles (README: "Dữ liệu chuẩn").

use std::collections::HashSet;

use hoinghi_core::Record;
use serde::Serialize;

/// A gold file: the fields `score.py` reads, plus kind, organisers, roles and issuer for reading, in the
/// order the hand-made gold files use.
#[derive(Serialize)]
struct Gold<'a> {
    published: Option<&'a str>,
    province: Option<&'a str>,
    meetings: Vec<GoldMeeting<'a>>,
    officials: Vec<GoldOfficial<'a>>,
    documents: Vec<GoldDocument<'a>>,
}

#[derive(Serialize)]
struct GoldMeeting<'a> {
    date: Option<&'a str>,
    time_of_day: Option<&'static str>,
    kind: &'a str,
    organizers: &'a [String],
    chairs: &'a [String],
}

#[derive(Serialize)]
struct GoldOfficial<'a> {
    name: &'a str,
    titles: &'a [String],
    roles: Vec<&'static str>,
}

#[derive(Serialize)]
struct GoldDocument<'a> {
    kind: Option<&'a str>,
    number: &'a str,
    date: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    issuer: Option<&'a str>,
}

/// The day of an ISO date or time (`2024-06-17T17:01` -> `2024-06-17`).
fn day(d: &Option<String>) -> Option<&str> {
    d.as_deref().map(|d| d.get(..10).unwrap_or(d))
}

/// The gold file of a (corrected) record.
pub fn gold_json(r: &Record) -> String {
    let gold = Gold {
        published: day(&r.published),
        province: r.province.as_deref(),
        meetings: r
            .meetings
            .iter()
            .map(|m| GoldMeeting {
                date: day(&m.date),
                time_of_day: m.time_of_day.map(|t| t.as_str()),
                kind: &m.kind,
                organizers: &m.organizers,
                chairs: &m.chairs,
            })
            .collect(),
        officials: r
            .officials
            .iter()
            .map(|o| GoldOfficial {
                name: &o.name,
                titles: &o.titles,
                roles: o.roles.iter().map(|r| r.as_str()).collect(),
            })
            .collect(),
        documents: r
            .documents
            .iter()
            .map(|d| GoldDocument {
                kind: d.kind.as_deref(),
                number: &d.number,
                date: day(&d.date),
                issuer: d.issuer.as_deref(),
            })
            .collect(),
    };
    serde_json::to_string_pretty(&gold).unwrap_or_default() + "\n"
}

/// The extensions `score.py` takes off a source's name to find its gold file.
const EXTENSIONS: [&str; 6] = [".txt", ".html", ".htm", ".docx", ".pdf", ".md"];

/// A file name stem for an article: its name (folders joined by `_`) without the extension, characters
/// that file systems refuse replaced by `_`, made unique among `taken`.
pub fn file_stem(name: &str, taken: &mut HashSet<String>) -> String {
    let lower = name.to_lowercase();
    let cut = EXTENSIONS.iter().find(|e| lower.ends_with(*e)).map_or(name.len(), |e| name.len() - e.len());
    let stem: String =
        name[..cut].chars().map(|c| if c.is_control() || "/\\:*?\"<>|".contains(c) { '_' } else { c }).collect();
    let stem = stem.trim().trim_start_matches('.').to_string();
    let stem = if stem.is_empty() { "bai".to_string() } else { stem };
    let unique = (1..).map(|n| if n == 1 { stem.clone() } else { format!("{stem}-{n}") }).find(|s| !taken.contains(s));
    let unique = unique.unwrap_or(stem);
    taken.insert(unique.clone());
    unique
}

/// The zip of `NAME.txt` and `NAME.gold.json` for each (article name, corrected record).
pub fn gold_zip(articles: &[(&str, &Record)]) -> Vec<u8> {
    let mut taken = HashSet::new();
    let mut files = Vec::with_capacity(articles.len() * 2);
    for (name, record) in articles {
        let stem = file_stem(name, &mut taken);
        files.push((format!("{stem}.txt"), record.text.as_bytes().to_vec()));
        files.push((format!("{stem}.gold.json"), gold_json(record).into_bytes()));
    }
    crate::zip::zip(&files)
}

/// [`gold_zip`] of articles sent as JSON (`[[name, record], ...]`): what the merge worker answers to the page's
/// `["gold", json]`, so that the zip writer (deflate, the pretty JSON) is in the worker's wasm, not the first load.
pub fn gold_zip_of_json(json: &str) -> Result<Vec<u8>, String> {
    let articles: Vec<(String, Record)> = serde_json::from_str(json).map_err(|e| crate::model::json_fault(&e))?;
    let refs: Vec<(&str, &Record)> = articles.iter().map(|(name, record)| (name.as_str(), record)).collect();
    Ok(gold_zip(&refs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_name_files_score_py_matches() {
        // (article names, the stems given)
        let cases: &[(&[&str], &[&str])] = &[
            (&["mẫu-000.txt"], &["mẫu-000"]),
            (&["bài dán 1"], &["bài dán 1"]),
            (&["a.TXT", "a.docx", "a.html"], &["a", "a-2", "a-3"]),
            (&["thư mục/con/b.txt"], &["thư mục_con_b"]),
            (&["..ẩn.txt", "a:b?.txt", ".txt", "  "], &["ẩn", "a_b_", "bai", "bai-2"]),
        ];
        for (names, stems) in cases {
            let mut taken = HashSet::new();
            let got: Vec<String> = names.iter().map(|n| file_stem(n, &mut taken)).collect();
            assert_eq!(&got, stems, "{names:?}");
        }
    }

    #[test]
    fn the_zip_from_json_is_the_zip_of_the_records() {
        let text = include_str!("../public/samples/000_a1b6cc5c598c13a5.txt");
        let r = hoinghi_core::extract(text, None);
        let json = serde_json::to_string(&[("mẫu-000.txt", &r), ("b.txt", &r)]).unwrap();
        assert_eq!(gold_zip_of_json(&json).unwrap(), gold_zip(&[("mẫu-000.txt", &r), ("b.txt", &r)]));
        assert!(gold_zip_of_json("[[1]]").is_err());
    }

    #[test]
    fn gold_keeps_the_scored_fields_of_the_record() {
        for (_, path) in crate::app::SAMPLES {
            let text = std::fs::read_to_string(format!("{}/public/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap();
            let r = hoinghi_core::extract(&text, None);
            let gold: serde_json::Value = serde_json::from_str(&gold_json(&r)).unwrap();
            let names: Vec<&str> =
                gold["officials"].as_array().unwrap().iter().map(|o| o["name"].as_str().unwrap()).collect();
            assert_eq!(names, r.officials.iter().map(|o| o.name.as_str()).collect::<Vec<_>>());
            assert_eq!(gold["published"].as_str(), r.published.as_deref().map(|d| &d[..10]));
            assert_eq!(gold["province"].as_str(), r.province.as_deref());
            let chairs = |v: &serde_json::Value| {
                v["meetings"].as_array().unwrap().iter().map(|m| m["chairs"].clone()).collect::<Vec<_>>()
            };
            assert_eq!(chairs(&gold).len(), r.meetings.len());
            let numbers: Vec<&str> =
                gold["documents"].as_array().unwrap().iter().map(|d| d["number"].as_str().unwrap()).collect();
            assert_eq!(numbers, r.documents.iter().map(|d| d.number.as_str()).collect::<Vec<_>>());
        }
    }
}
