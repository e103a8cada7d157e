//! The merge worker's side: a second instance of the worker (`src/bin/hoinghi-worker.rs`) holds the
//! incremental [`Merger`] of every article on the page and answers the merged view as JSON, so that
//! merging thousands of articles never blocks the page's thread (at 5,000 articles one merge takes
//! about a second in wasm; the page only parses the answer).
//!
//! Messages (all strings): `["merge:add", record json]`, `["merge:remove", source]`, `["merge:clear"]`,
//! and `["merge"]`, answered `["merge", merged json]` in the order asked.

use hoinghi_core::Record;
use hoinghi_merge::{Merged, Merger};

/// The merged articles of the page, as the merge worker holds them.
#[derive(Debug, Default)]
pub struct MergeDesk {
    merger: Merger,
}

impl MergeDesk {
    pub fn new() -> MergeDesk {
        MergeDesk::default()
    }

    /// Files one article's record (JSON of [`Record`]); a record it cannot read is named in the error.
    pub fn add(&mut self, record_json: &str) -> Result<(), String> {
        let record: Record = serde_json::from_str(record_json).map_err(|e| format!("bản ghi không đọc được ({e})"))?;
        self.merger.add(&record);
        Ok(())
    }

    pub fn remove(&mut self, source: &str) {
        self.merger.remove(source);
    }

    pub fn clear(&mut self) {
        self.merger = Merger::new();
    }

    pub fn len(&self) -> usize {
        self.merger.len()
    }

    pub fn is_empty(&self) -> bool {
        self.merger.is_empty()
    }

    /// The merged view now, as the page reads it back ([`merged_from_json`]).
    pub fn merged_json(&self) -> String {
        serde_json::to_string(&self.merger.merged()).unwrap_or_default()
    }
}

/// The merge worker's answer, read back on the page.
pub fn merged_from_json(json: &str) -> Result<Merged, String> {
    serde_json::from_str(json).map_err(|e| format!("kết quả gộp không đọc được ({e})"))
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
        let cases: &[(&[usize], &[usize])] = &[(&[], &[]), (&[0], &[]), (&[0, 1, 2], &[]), (&[2, 0, 1], &[1]), (&[0, 1], &[0, 1])];
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
            let back = merged_from_json(&desk.merged_json()).unwrap();
            assert_eq!(back, hoinghi_merge::merge(&kept), "added {added:?}, removed {removed:?}");
            assert_eq!(desk.len(), kept.len());
        }
    }

    #[test]
    fn clear_empties_and_bad_json_is_refused() {
        let mut desk = MergeDesk::new();
        desk.add(&serde_json::to_string(&record("a.txt", SAMPLES[0])).unwrap()).unwrap();
        desk.clear();
        assert!(desk.is_empty());
        assert_eq!(merged_from_json(&desk.merged_json()).unwrap(), Merged::default());
        assert!(desk.add("{not json").unwrap_err().contains("không đọc được"));
        assert!(merged_from_json("[").is_err());
    }
}
