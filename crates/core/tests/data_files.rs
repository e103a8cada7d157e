//! The data files in `crates/core/data/`: every one parses, has the columns the code reads, no key twice, and no
//! entry that another file (or another row of its own) contradicts. The extractor and the merge both read them.

use std::collections::{BTreeMap, BTreeSet};

use hoinghi_core::data::{self, DataFile};
use hoinghi_core::lexicon::{fold, folded_tokens, ALL_ABBREVIATIONS, RANKS};

/// Each file with the columns the code reads, in the file's order, and the columns that make a row's key.
const FILES: &[(&str, &[&str], &[&str])] = &[
    ("abbreviations.tsv", &["abbreviation", "expansion", "use"], &["abbreviation"]),
    ("body_words.tsv", &["word"], &["word"]),
    ("central_bodies.tsv", &["body", "member_of"], &["body"]),
    ("countries.tsv", &["name", "alone"], &["name"]),
    ("date_words.tsv", &["phrase", "kind"], &["phrase"]),
    ("document_issuers.tsv", &["code", "issuer"], &["code"]),
    ("document_kinds.tsv", &["kind", "symbol", "bare"], &["kind"]),
    ("document_symbols.tsv", &["type", "issuer", "kind", "issuer_name"], &["type", "issuer"]),
    ("family_names.tsv", &["name", "group", "note"], &["name"]),
    ("furniture.tsv", &["phrase", "where", "match"], &["phrase", "where"]),
    ("meeting_kinds.tsv", &["phrase", "kind", "priority", "generic", "verb"], &["phrase"]),
    ("outlets.tsv", &["marker", "province", "kind"], &["marker"]),
    ("other_time_words.tsv", &["phrase"], &["phrase"]),
    ("parts_of_day.tsv", &["word", "part"], &["word"]),
    (
        "provinces.tsv",
        &["name", "kind", "era", "today", "code", "variants", "lookup_only", "not_mentions"],
        &["name", "era"],
    ),
    (
        "ranks.tsv",
        &["rank", "needs_body", "party", "variants", "implied_body", "body_starts_with", "use", "foreign"],
        &["rank"],
    ),
    ("relative_days.tsv", &["phrase", "offset", "from", "alone"], &["phrase"]),
    ("reporting_verbs.tsv", &["phrase"], &["phrase"]),
    ("roles.tsv", &["phrase", "role"], &["phrase"]),
    ("scopes.tsv", &["marker", "scope"], &["marker"]),
    ("stop_words.tsv", &["word"], &["word"]),
    ("text_lists.tsv", &["phrase", "list"], &["phrase", "list"]),
    ("word_classes.tsv", &["word", "class"], &["word", "class"]),
];

fn file(name: &str) -> &'static DataFile {
    data::FILES.iter().find(|f| f.name == name).unwrap_or_else(|| panic!("{name} is not in data::FILES"))
}

/// A phrase as the lexicons compare it: folded tokens.
fn key(phrase: &str) -> String {
    folded_tokens(phrase).join(" ")
}

#[test]
fn every_file_parses_with_its_columns_and_a_header() {
    let listed: BTreeSet<&str> = data::FILES.iter().map(|f| f.name).collect();
    let on_disk: BTreeSet<String> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/data"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(on_disk.iter().map(String::as_str).collect::<BTreeSet<_>>(), listed, "data/ against data::FILES");
    assert_eq!(FILES.iter().map(|f| f.0).collect::<BTreeSet<_>>(), listed, "this test's table against data::FILES");
    for (name, columns, _) in FILES {
        let f = file(name);
        let table = data::parse(f).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(table.columns, *columns, "{name}: columns");
        assert!(!table.rows.is_empty(), "{name}: no rows");
        assert!(unicode_normalization::is_nfc(f.text), "{name} is not NFC");
        let header: String = f.text.lines().take_while(|l| l.starts_with('#')).collect::<Vec<_>>().join("\n");
        let says_source = ["Source", "source", "Compiled", "compiled", "Hand-written", "by hand"];
        assert!(
            says_source.iter().any(|w| header.contains(w)),
            "{name}: the header does not say where the data comes from"
        );
        for row in &table.rows {
            for cell in row.cells() {
                assert!(!cell.contains('"'), "data/{name}:{}: a quote in a cell", row.line());
            }
        }
    }
}

#[test]
fn no_key_twice() {
    for (name, _, key_columns) in FILES {
        let mut seen: BTreeMap<Vec<String>, usize> = BTreeMap::new();
        for row in data::rows(file(name)) {
            // Abbreviations are case-sensitive in the extractor (`TP` and `Tp` are two rows); other files ignore
            // case. Both tone placements of a word may be listed for readers (`ủy`, `uỷ`): the code folds them.
            let k: Vec<String> = key_columns
                .iter()
                .map(|c| if case_sensitive(name) { row.get(c).to_string() } else { row.get(c).to_lowercase() })
                .collect();
            if let Some(first) = seen.insert(k.clone(), row.line()) {
                panic!("data/{name}:{}: {k:?} again (first on line {first})", row.line());
            }
        }
    }
}

#[test]
fn ranks_spell_one_rank_each() {
    let mut by_spelling: BTreeMap<String, &str> = BTreeMap::new();
    for rank in &RANKS.list {
        for spelling in std::iter::once(rank.name).chain(rank.variants.iter().copied()) {
            if let Some(other) = by_spelling.insert(key(spelling), rank.name) {
                panic!("ranks.tsv: `{spelling}` spells both {other} and {}", rank.name);
            }
        }
    }
}

#[test]
fn no_word_in_two_classes_that_exclude_each_other() {
    let words =
        |name: &str| -> BTreeSet<String> { data::rows(file(name)).iter().map(|r| fold(r.get("word"))).collect() };
    let (stop, body) = (words("stop_words.tsv"), words("body_words.tsv"));
    let both: Vec<_> = stop.intersection(&body).collect();
    assert!(both.is_empty(), "both a stop word (ends a position) and a body word (stays inside one): {both:?}");
    // A one-word rank that is a stop word would end the position it starts.
    for rank in &RANKS.list {
        for spelling in std::iter::once(rank.name).chain(rank.variants.iter().copied()) {
            let k = key(spelling);
            assert!(!stop.contains(&k), "`{spelling}` is a rank ({}) and a stop word", rank.name);
        }
    }
}

#[test]
fn abbreviations_expand_to_one_thing() {
    // The extractor matches the abbreviation as written.
    let mut exact: BTreeMap<&str, &str> = BTreeMap::new();
    // The merge folds both sides, so two rows that fold alike must expand alike.
    let mut folded: BTreeMap<String, (&str, String)> = BTreeMap::new();
    for a in ALL_ABBREVIATIONS.iter() {
        if a.extract {
            if let Some(other) = exact.insert(a.written, a.expansion) {
                assert_eq!(other, a.expansion, "`{}` expands to two things", a.written);
            }
        }
        if a.merge {
            let (k, e) = (key(a.written), key(a.expansion));
            if let Some((other, e0)) = folded.insert(k, (a.written, e.clone())) {
                assert_eq!(e0, e, "`{other}` and `{}` fold alike but expand to two things", a.written);
            }
        }
    }
    // An abbreviation that is also a rank's variant expands to that rank.
    for rank in &RANKS.list {
        for v in &rank.variants {
            if let Some(e) = exact.get(v) {
                let spellings: Vec<String> =
                    std::iter::once(rank.name).chain(rank.variants.iter().copied()).map(key).collect();
                assert!(spellings.contains(&key(e)), "`{v}` is a variant of {} but abbreviates {e}", rank.name);
            }
        }
    }
}

#[test]
fn cells_hold_known_values() {
    let values = |name: &str, column: &str, allowed: &[&str]| {
        for row in data::rows(file(name)) {
            let v = row.get(column);
            assert!(allowed.contains(&v), "data/{name}:{}: {column} `{v}` is not one of {allowed:?}", row.line());
        }
    };
    values("ranks.tsv", "needs_body", &["yes", "no"]);
    values("ranks.tsv", "party", &["yes", "no"]);
    values("ranks.tsv", "foreign", &["yes", "no"]);
    values("countries.tsv", "alone", &["yes", "no"]);
    values("ranks.tsv", "use", &["both", "merge"]);
    values("abbreviations.tsv", "use", &["both", "extract", "merge"]);
    values("scopes.tsv", "scope", &["national", "local", "none"]);
    values("furniture.tsv", "where", &["head", "tail", "line"]);
    values("furniture.tsv", "match", &["prefix", "whole"]);
    values("provinces.tsv", "era", &["old", "2025"]);
    for row in data::rows(file("meeting_kinds.tsv")) {
        assert!(row.get("priority").parse::<u8>().is_ok(), "data/meeting_kinds.tsv:{}: priority", row.line());
    }
}

#[test]
fn document_symbols_name_known_kinds() {
    let kinds: BTreeSet<&str> = data::rows(file("document_kinds.tsv")).iter().map(|r| r.get("kind")).collect();
    for row in data::rows(file("document_symbols.tsv")) {
        let kind = row.get("kind");
        assert!(
            kind == "-" || kinds.contains(kind),
            "data/document_symbols.tsv:{}: `{kind}` is not in document_kinds.tsv",
            row.line()
        );
    }
}

#[test]
fn a_malformed_file_names_its_line() {
    let bad = DataFile { name: "bad.tsv", text: "# Hand-written.\nword\tnote\nchủ\n" };
    assert_eq!(data::parse(&bad).unwrap_err(), "data/bad.tsv:3: 1 cells, but the file has 2 columns (word, note)");
}

/// Files whose keys differ by case: abbreviations (`TP` and `Tp` are two rows for the extractor) and word
/// classes (`TH.` ends a sentence where `Th.` does not).
fn case_sensitive(name: &str) -> bool {
    matches!(name, "abbreviations.tsv" | "word_classes.tsv")
}

/// Word classes that would contradict each other on one word: a connective that heads a body, a counted noun
/// that is a unit (`5 năm` vs `quận 5`), a form of address that starts a body.
#[test]
fn no_word_in_two_contradicting_classes() {
    use hoinghi_core::classes::{self, Class};
    let contradicting = [
        (Class::Connective, Class::OrgHead),
        (Class::Connective, Class::Unit),
        (Class::Connective, Class::HeadCompound),
        (Class::Quantity, Class::Unit),
        (Class::Honorific, Class::OrgHead),
        (Class::Honorific, Class::Unit),
    ];
    for (word, _) in classes::entries() {
        let folded = fold(word);
        for (a, b) in contradicting {
            assert!(
                !(classes::is(&folded, a) && classes::is(&folded, b)),
                "data/word_classes.tsv: {word:?} is both {} and {}",
                a.name(),
                b.name()
            );
        }
    }
}
