//! One golden snapshot per dev article: what `extract` finds, without the text.
//! `UPDATE_GOLDEN=1 cargo test -p hoinghi-core --test golden` rewrites them after a deliberate change.

use std::path::Path;

fn snapshot(text: &str) -> String {
    let mut record = hoinghi_core::extract(text, None);
    record.text.clear();
    serde_json::to_string_pretty(&record).unwrap() + "\n"
}

#[test]
fn dev_articles_match_their_snapshots() {
    let dev = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/dev");
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut entries: Vec<_> =
        std::fs::read_dir(&dev).expect("shared/eval/dev beside the repository").flatten().map(|e| e.path()).collect();
    entries.sort();
    let mut checked = 0;
    for path in entries.into_iter().filter(|p| p.extension().is_some_and(|e| e == "txt")) {
        let got = snapshot(&std::fs::read_to_string(&path).unwrap());
        let name = path.file_stem().unwrap().to_string_lossy().to_string() + ".json";
        let want_path = golden.join(&name);
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(&want_path, &got).unwrap();
        }
        let want = std::fs::read_to_string(&want_path).unwrap_or_default();
        assert_eq!(got, want, "{name} changed: rerun with UPDATE_GOLDEN=1 if the change is intended");
        checked += 1;
    }
    assert_eq!(checked, 5);
}
