//! The merge worker's side: a second instance of the worker (`src/bin/hoinghi-worker.rs`) holds the
//! incremental [`Merger`] of every article on the page and answers the merged view as JSON, so that
//! merging thousands of articles never blocks the page's thread (at 5,000 articles one merge takes
//! about a second in wasm; the page only parses the answer).
//!
//! Messages: `["merge:add", records]` (each record's JSON as UTF-8 bytes, already corrected by the page; the page
//! sends what it read since it last showed it, one message, not one an article; or one record's JSON, a string),
//! `["merge:remove", source]`, `["merge:clear"]`, `["merge:identity", corrections json]` (the people and
//! documents the user joined or split), and `["merge"]`, answered `["merge", [parts...]]` in the order asked:
//! the merged view in parts of a few hundred kilobytes of JSON each (UTF-8 bytes; at 5,000 articles ~10 MB in
//! all), which the page reads one at a time, letting the browser answer clicks in between ([`MergedParts`]).

use hoinghi_core::Record;
use hoinghi_merge::{Corrections, Merged, Merger};

/// The merged articles of the page, as the merge worker holds them.
#[derive(Debug, Default)]
pub struct MergeDesk {
    merger: Merger,
    /// The corrections whose joins and splits the merge follows.
    identity: Corrections,
}

impl MergeDesk {
    pub fn new() -> MergeDesk {
        MergeDesk::default()
    }

    /// Files one article's record (JSON of [`Record`]); a record it cannot read is named in the error.
    pub fn add(&mut self, record_json: &str) -> Result<(), String> {
        let record: Record = serde_json::from_str(record_json)
            .map_err(|e| format!("bản ghi không đọc được ({})", crate::model::json_fault(&e)))?;
        self.merger.add(&record);
        Ok(())
    }

    /// Files `records` (each a record's JSON; `None` for one that came as no text), all of them that it can
    /// read; the error names how many it could not, and the first reason.
    pub fn add_all(&mut self, records: impl IntoIterator<Item = Option<String>>) -> Result<(), String> {
        let mut failed = 0;
        let mut first = None;
        for record in records {
            let added = record.ok_or_else(|| "bản ghi không phải văn bản".to_string()).and_then(|r| self.add(&r));
            if let Err(e) = added {
                failed += 1;
                first.get_or_insert(e);
            }
        }
        match first {
            None => Ok(()),
            Some(e) => Err(format!("{failed} bản ghi không gộp được: {e}")),
        }
    }

    pub fn remove(&mut self, source: &str) {
        self.merger.remove(source);
    }

    /// Forgets every article; the user's joins and splits stay (they name articles that may come back).
    pub fn clear(&mut self) {
        let mut merger = Merger::new();
        merger.set_identity(self.identity.identity());
        self.merger = merger;
    }

    /// Follows the people and documents the user joined or split (JSON of [`Corrections`]).
    pub fn set_identity(&mut self, corrections_json: &str) -> Result<(), String> {
        let corrections: Corrections = serde_json::from_str(corrections_json)
            .map_err(|e| format!("các chỗ sửa không đọc được ({})", crate::model::json_fault(&e)))?;
        self.merger.set_identity(corrections.identity());
        self.identity = corrections;
        Ok(())
    }

    pub fn len(&self) -> usize {
        self.merger.len()
    }

    pub fn is_empty(&self) -> bool {
        self.merger.is_empty()
    }

    /// The merged view now, in parts, as the page reads it back ([`MergedParts`]).
    pub fn merged_parts(&self) -> Vec<String> {
        to_parts(&self.merger.merged())
    }

    /// [`MergeDesk::merged_parts`], each part handed to `each` as soon as it is written (the worker passes
    /// it on to JS and lets it go: at 10,000 articles the view's JSON is tens of megabytes, which the worker's
    /// memory would otherwise hold whole, and keep, as wasm memory never shrinks).
    pub fn each_merged_part(&self, each: &mut dyn FnMut(String)) {
        each_part(&self.merger.merged(), each);
    }
}

/// About this many bytes of JSON a part: read in a few milliseconds on the page.
const PART_BYTES: usize = 200_000;

/// `merged` as parts: each a JSON object with one list's items (`people`, `meetings`, `documents`,
/// `provinces`), in order.
pub fn to_parts(merged: &Merged) -> Vec<String> {
    let mut parts = Vec::new();
    each_part(merged, &mut |p| parts.push(p));
    parts
}

/// [`to_parts`], each part handed to `each` as it is written.
fn each_part(merged: &Merged, each: &mut dyn FnMut(String)) {
    section(each, "people", &merged.people);
    section(each, "meetings", &merged.meetings);
    section(each, "documents", &merged.documents);
    section(each, "provinces", &merged.provinces);
}

fn section<T: serde::Serialize>(each: &mut dyn FnMut(String), name: &str, items: &[T]) {
    let mut part = String::new();
    for (i, item) in items.iter().enumerate() {
        if part.is_empty() {
            part.push_str(&format!("{{\"{name}\":["));
        } else {
            part.push(',');
        }
        part.push_str(&serde_json::to_string(item).unwrap_or_default());
        if part.len() >= PART_BYTES || i + 1 == items.len() {
            part.push_str("]}");
            each(std::mem::take(&mut part));
        }
    }
}

/// The merged view read back part by part (the page yields between two).
#[derive(Debug, Default)]
pub struct MergedParts {
    merged: Merged,
}

/// One part: whichever list it holds.
#[derive(serde::Deserialize)]
struct Part {
    #[serde(default)]
    people: Vec<hoinghi_merge::Person>,
    #[serde(default)]
    meetings: Vec<hoinghi_merge::MergedMeeting>,
    #[serde(default)]
    documents: Vec<hoinghi_merge::MergedDocument>,
    #[serde(default)]
    provinces: Vec<hoinghi_merge::ProvinceRef>,
}

impl MergedParts {
    pub fn read(&mut self, part: &str) -> Result<(), String> {
        let part: Part = serde_json::from_str(part)
            .map_err(|e| format!("kết quả gộp không đọc được ({})", crate::model::json_fault(&e)))?;
        self.merged.people.extend(part.people);
        self.merged.meetings.extend(part.meetings);
        self.merged.documents.extend(part.documents);
        self.merged.provinces.extend(part.provinces);
        Ok(())
    }

    pub fn finish(self) -> Merged {
        self.merged
    }
}

/// Reads every part at once (tests; the page reads them one a task).
pub fn from_parts(parts: &[String]) -> Result<Merged, String> {
    let mut read = MergedParts::default();
    for part in parts {
        read.read(part)?;
    }
    Ok(read.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol;

    const SAMPLES: [&str; 3] = [
        include_str!("../public/samples/000_a1b6cc5c598c13a5.txt"),
        include_str!("../public/samples/001_054d4c0633b05464.txt"),
        include_str!("../public/samples/002_a93842e3d5632565.txt"),
    ];

    fn record(name: &str, text: &str) -> Record {
        protocol::from_text(name, text, false).record.unwrap()
    }

    /// Through the desk and back from its JSON, the merge is the one `hoinghi_merge::merge` gives.
    #[test]
    fn the_desk_merges_as_the_merge_crate_does() {
        let records: Vec<Record> = SAMPLES.iter().enumerate().map(|(i, t)| record(&format!("{i}.txt"), t)).collect();
        // (records added, records then removed)
        let cases: &[(&[usize], &[usize])] =
            &[(&[], &[]), (&[0], &[]), (&[0, 1, 2], &[]), (&[2, 0, 1], &[1]), (&[0, 1], &[0, 1])];
        for (added, removed) in cases {
            let mut desk = MergeDesk::new();
            for i in *added {
                desk.add(&serde_json::to_string(&records[*i]).unwrap()).unwrap();
            }
            for i in *removed {
                desk.remove(&format!("{i}.txt"));
            }
            let kept: Vec<Record> =
                added.iter().filter(|i| !removed.contains(i)).map(|i| records[*i].clone()).collect();
            let back = from_parts(&desk.merged_parts()).unwrap();
            assert_eq!(back, hoinghi_merge::merge(&kept), "added {added:?}, removed {removed:?}");
            assert_eq!(desk.len(), kept.len());
        }
    }

    /// The user's joins reach the desk as corrections JSON and the desk merges as the merge crate's
    /// `Merger` with that identity does; a clear keeps them for the articles that come back.
    #[test]
    fn the_desk_follows_the_users_joins() {
        use hoinghi_merge::{Change, FactRef, Merger};
        let records: Vec<Record> = SAMPLES.iter().enumerate().map(|(i, t)| record(&format!("{i}.txt"), t)).collect();
        let first = |r: &Record| FactRef { source: r.source.clone().unwrap(), at: r.officials[0].mentions[0] };
        let mut corrections = Corrections::default();
        corrections.push(first(&records[0]), Change::SamePerson(first(&records[1]))).unwrap();
        let mut desk = MergeDesk::new();
        desk.set_identity(&serde_json::to_string(&corrections).unwrap()).unwrap();
        let mut merger = Merger::new();
        merger.set_identity(corrections.identity());
        for r in &records {
            desk.add(&serde_json::to_string(r).unwrap()).unwrap();
            merger.add(r);
        }
        let joined = from_parts(&desk.merged_parts()).unwrap();
        assert_eq!(joined, merger.merged());
        assert_ne!(joined, hoinghi_merge::merge(&records), "the join changed the merge");
        desk.clear();
        for r in &records {
            desk.add(&serde_json::to_string(r).unwrap()).unwrap();
        }
        assert_eq!(from_parts(&desk.merged_parts()).unwrap(), joined, "kept across a clear");
        assert!(desk.set_identity("{").unwrap_err().contains("không đọc được"));
    }

    /// Records sent together, one message for many articles, are filed as one by one; one it cannot read (not
    /// JSON, or no text at all) is counted and the others are filed.
    #[test]
    fn records_come_together() {
        let records: Vec<Record> = SAMPLES.iter().enumerate().map(|(i, t)| record(&format!("{i}.txt"), t)).collect();
        let json: Vec<String> = records.iter().map(|r| serde_json::to_string(r).unwrap()).collect();
        let j = |i: usize| Some(json[i].clone());
        type Sent = Vec<Option<String>>;
        // (records sent, records filed, error)
        let cases: &[(Sent, usize, Option<&str>)] = &[
            (vec![], 0, None),
            (vec![j(0)], 1, None),
            (vec![j(0), j(1), j(2)], 3, None),
            (vec![j(0), Some("{oops".into()), j(1)], 2, Some("1 bản ghi không gộp được")),
            (vec![j(0), None, j(2)], 2, Some("1 bản ghi không gộp được: bản ghi không phải văn bản")),
        ];
        for (sent, filed, error) in cases {
            let mut desk = MergeDesk::new();
            let result = desk.add_all(sent.clone());
            assert_eq!(desk.len(), *filed, "{sent:.40?}");
            match error {
                None => assert_eq!(result, Ok(())),
                Some(says) => assert!(result.unwrap_err().contains(says)),
            }
        }
        let mut one_by_one = MergeDesk::new();
        for j in &json {
            one_by_one.add(j).unwrap();
        }
        let mut together = MergeDesk::new();
        together.add_all(json.iter().cloned().map(Some)).unwrap();
        assert_eq!(together.merged_parts(), one_by_one.merged_parts());
    }

    #[test]
    fn clear_empties_and_bad_json_is_refused() {
        let mut desk = MergeDesk::new();
        desk.add(&serde_json::to_string(&record("a.txt", SAMPLES[0])).unwrap()).unwrap();
        desk.clear();
        assert!(desk.is_empty());
        assert_eq!(desk.merged_parts(), Vec::<String>::new());
        assert_eq!(from_parts(&desk.merged_parts()).unwrap(), Merged::default());
        assert!(desk.add("{not json").unwrap_err().contains("không đọc được"));
        assert!(from_parts(&["[".to_string()]).is_err());
    }

    /// Many articles: the view is cut in parts of about `PART_BYTES`, and read back whole.
    #[test]
    fn a_big_view_comes_in_parts_and_back_whole() {
        let mut records = Vec::new();
        for copy in 0..60 {
            for (i, text) in SAMPLES.iter().enumerate() {
                records.push(record(&format!("{copy}-{i}.txt"), &format!("{text}\n\nBản số {copy}.")));
            }
        }
        let merged = hoinghi_merge::merge(&records);
        let parts = to_parts(&merged);
        assert!(parts.len() > 3, "{} parts", parts.len());
        assert!(parts.iter().all(|p| p.len() < 2 * PART_BYTES));
        assert_eq!(from_parts(&parts).unwrap(), merged);
    }
}
