//! The shared filters applied at thousands of articles: what each meeting, official and document is searched
//! and filtered by is read once when the merged view arrives ([`Index`]: every distinct text read for
//! searching once, every article named by a number), so that a change of the filters is one pass over it
//! ([`filter`]) giving the view and the counts of every list filter together.
//!
//! The counts follow one rule: a value of a list counts what the view would keep with that value chosen and
//! every other filter as it is. So each item is tested once against each filter, and an item that fails
//! only the province filter still counts for the provinces (and so on), with no second pass.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use hoinghi_core::Record;
use hoinghi_merge::search::{Query, SearchKey};
use hoinghi_merge::Merged;

use crate::model::{Facets, Filters};

/// Which filters an item fails, one bit each.
type Fails = u8;
const TEXT: Fails = 1;
const DATE: Fails = 2;
const PROVINCE: Fails = 4;
const KIND: Fails = 8;
const ROLE: Fails = 16;
const ORG: Fails = 32;

/// What one meeting, official or document is searched by: ids of texts in [`Index::keys`], and its articles.
#[derive(Debug, Default)]
struct Item {
    /// The texts the free-text search looks in.
    text: Box<[u32]>,
    /// The organisations' names the organisation box looks in (organisers, posts, the issuer).
    org: Box<[u32]>,
    /// Its articles, as ids in [`Index::sources`].
    sources: Box<[u32]>,
}

/// What the filters need of one article (for a document, which is filtered by the articles citing it).
#[derive(Debug, Default)]
struct Source {
    province: Option<String>,
    province_today: Option<String>,
    kinds: Vec<String>,
    roles: Vec<String>,
}

/// The merged view read for filtering, once per merged view.
#[derive(Debug, Default)]
pub struct Index {
    /// Every distinct text searched, read once.
    keys: Vec<Arc<SearchKey>>,
    /// Parallel to `Merged::meetings`, `people`, `documents`.
    meetings: Vec<Item>,
    people: Vec<Item>,
    documents: Vec<Item>,
    /// Parallel to `Merged::provinces`: their articles.
    provinces: Vec<Box<[u32]>>,
    /// Every article, by id.
    sources: Vec<Source>,
}

thread_local! {
    /// Every text read for searching so far, kept from one merged view to the next: while a folder loads, a
    /// new view reads only the texts it brings.
    static KEYS: std::cell::RefCell<HashMap<String, Arc<SearchKey>>> = std::cell::RefCell::new(HashMap::new());
}

/// Hands out ids: for texts (read for searching once) and for articles.
#[derive(Default)]
struct Ids<'a> {
    texts: HashMap<&'a str, u32>,
    keys: Vec<Arc<SearchKey>>,
    sources: HashMap<&'a str, u32>,
    source_names: Vec<&'a str>,
}

impl<'a> Ids<'a> {
    #[inline(never)]
    fn text(&mut self, text: &'a str) -> u32 {
        if let Some(id) = self.texts.get(text) {
            return *id;
        }
        let key = KEYS.with(|keys| {
            let mut keys = keys.borrow_mut();
            if let Some(key) = keys.get(text) {
                return key.clone();
            }
            if keys.len() > 400_000 {
                keys.clear();
            }
            let key = Arc::new(SearchKey::new(text));
            keys.insert(text.to_string(), key.clone());
            key
        });
        let id = self.keys.len() as u32;
        self.keys.push(key);
        self.texts.insert(text, id);
        id
    }

    fn texts<I: IntoIterator<Item = &'a String>>(&mut self, texts: I) -> Box<[u32]> {
        texts.into_iter().map(|t| self.text(t)).collect()
    }

    fn source(&mut self, name: &'a str) -> u32 {
        let next = self.source_names.len() as u32;
        *self.sources.entry(name).or_insert_with(|| {
            self.source_names.push(name);
            next
        })
    }

    fn sources(&mut self, names: &'a [String]) -> Box<[u32]> {
        names.iter().map(|s| self.source(s)).collect()
    }
}

/// The articles' records by name.
pub trait RecordsByName {
    fn record(&self, name: &str) -> Option<&Arc<Record>>;
}

impl RecordsByName for HashMap<String, Arc<Record>> {
    fn record(&self, name: &str) -> Option<&Arc<Record>> {
        self.get(name)
    }
}

impl Index {
    /// Reads `merged` for filtering; `records` (by article) give each document's articles' provinces, meeting
    /// kinds and roles.
    pub fn new(merged: &Merged, records: &impl RecordsByName) -> Index {
        let mut ids = Ids::default();
        let meetings = merged
            .meetings
            .iter()
            .map(|m| {
                let texts = [&m.name, &m.kind].into_iter().chain(&m.organizers).chain(&m.chairs).chain(&m.places);
                Item { text: ids.texts(texts), org: ids.texts(&m.organizers), sources: ids.sources(&m.sources) }
            })
            .collect();
        let people = merged
            .people
            .iter()
            .map(|p| {
                let titles = || p.posts.iter().map(|post| &post.title);
                let texts = std::iter::once(&p.name).chain(&p.name_variants).chain(titles());
                Item { text: ids.texts(texts), org: ids.texts(titles()), sources: ids.sources(&p.sources) }
            })
            .collect();
        let documents = merged
            .documents
            .iter()
            .map(|d| {
                let texts = std::iter::once(&d.number).chain(&d.kind).chain(&d.issuer);
                Item { text: ids.texts(texts), org: ids.texts(&d.issuer), sources: ids.sources(&d.sources) }
            })
            .collect();
        let provinces = merged.provinces.iter().map(|p| ids.sources(&p.sources)).collect();
        let sources = ids
            .source_names
            .iter()
            .map(|name| match records.record(name) {
                Some(r) => {
                    let mut kinds: Vec<String> = r.meetings.iter().map(|m| m.kind.clone()).collect();
                    kinds.sort_unstable();
                    kinds.dedup();
                    let mut roles: Vec<String> =
                        r.officials.iter().flat_map(|o| o.roles.iter().map(|r| r.as_str().to_string())).collect();
                    roles.sort_unstable();
                    roles.dedup();
                    Source { province: r.province.clone(), province_today: r.province_today.clone(), kinds, roles }
                }
                None => Source::default(),
            })
            .collect();
        Index { keys: ids.keys, meetings, people, documents, provinces, sources }
    }
}

/// Whether each text of the index is found by a query, each read once at most.
struct Found<'a> {
    query: Query,
    keys: &'a [Arc<SearchKey>],
    /// 0 not read yet, 1 found, 2 not found.
    seen: Vec<u8>,
}

impl<'a> Found<'a> {
    fn new(query: &str, keys: &'a [Arc<SearchKey>]) -> Found<'a> {
        Found { query: Query::new(query), keys, seen: vec![0; keys.len()] }
    }

    /// Whether the query finds any of the texts `ids` (always, when it is empty).
    fn any(&mut self, ids: &[u32]) -> bool {
        if self.query.is_empty() {
            return true;
        }
        ids.iter().any(|&id| {
            let id = id as usize;
            if self.seen[id] == 0 {
                self.seen[id] = if self.query.matches_key(&self.keys[id]) { 1 } else { 2 };
            }
            self.seen[id] == 1
        })
    }
}

/// Whether the date `d` (ISO, any precision) may fall within `[from, to]`.
pub fn date_in(d: &str, from: &str, to: &str) -> bool {
    // Compare on the common prefix so that `2024-06` is within 2024-06-10..2024-06-20.
    let lo_ok = from.is_empty() || d >= &from[..from.len().min(d.len())];
    let hi_ok = to.is_empty() || d <= &to[..to.len().min(d.len())];
    lo_ok && hi_ok
}

/// Whether the provinces (as written, as today's units) match the province filter (`w:` or `t:`).
fn province_matches<'a>(
    mut written: impl Iterator<Item = &'a String>,
    mut today: impl Iterator<Item = &'a String>,
    filter: &str,
) -> bool {
    match filter.split_once(':') {
        Some(("w", p)) => written.any(|w| w == p),
        Some(("t", p)) => today.any(|t| t == p),
        _ => true,
    }
}

/// Whether an item failing `fails` is in the view without the filters `cleared` (0: the view itself).
fn kept(fails: Fails, cleared: Fails) -> bool {
    fails & !cleared == 0
}

/// Which of `merged`'s meetings, officials and documents the filters `f` keep (their positions), and the
/// counts of the list filters' values.
pub struct Kept {
    pub meetings: Vec<usize>,
    pub people: Vec<usize>,
    pub documents: Vec<usize>,
    pub provinces: Vec<usize>,
    pub facets: Facets,
}

/// Applies `f` to `merged`, read by `index` (built from the same view): what it keeps and every count.
pub fn keep(merged: &Merged, index: &Index, f: &Filters) -> Kept {
    let mut text = Found::new(&f.text, &index.keys);
    let mut org = Found::new(&f.organisation, &index.keys);
    let dated = !f.from.is_empty() || !f.to.is_empty();
    let date_ok = |d: &Option<String>| d.as_deref().is_some_and(|d| date_in(d, &f.from, &f.to));
    let bit = |fails: bool, which: Fails| if fails { which } else { 0 };

    // By official id: whether they have the role (a meeting keeps by its chairs' roles).
    let ids = merged.people.iter().map(|p| p.id + 1).max().unwrap_or(0);
    let mut has_role = vec![f.role.is_empty(); ids];
    for p in merged.people.iter().filter(|p| p.roles.contains(&f.role)) {
        has_role[p.id] = true;
    }
    let meetings: Vec<Fails> = merged
        .meetings
        .iter()
        .zip(&index.meetings)
        .map(|(m, item)| {
            bit(!text.any(&item.text), TEXT)
                | bit(dated && !date_ok(&m.date), DATE)
                | bit(!province_matches(m.provinces.iter(), m.provinces_today.iter(), &f.province), PROVINCE)
                | bit(!f.kind.is_empty() && m.kind != f.kind, KIND)
                | bit(!org.any(&item.org), ORG)
                | bit(!f.role.is_empty() && !m.chair_ids.iter().any(|id| has_role.get(*id) == Some(&true)), ROLE)
        })
        .collect();
    // With a kind chosen, an official is kept when chairing a meeting of that kind the view keeps: in the
    // view itself, and in the views without the province and without the role filter (for their counts).
    let chairs = |cleared: Fails| -> Option<Vec<bool>> {
        (!f.kind.is_empty()).then(|| {
            let mut chaired = vec![false; ids];
            for (m, fails) in merged.meetings.iter().zip(&meetings) {
                if kept(*fails, cleared) {
                    for id in &m.chair_ids {
                        if let Some(c) = chaired.get_mut(*id) {
                            *c = true;
                        }
                    }
                }
            }
            chaired
        })
    };
    let (chaired, chaired_any_province, chaired_any_role) = (chairs(0), chairs(PROVINCE), chairs(ROLE));
    let people: Vec<Fails> = merged
        .people
        .iter()
        .zip(&index.people)
        .map(|(p, item)| {
            bit(!text.any(&item.text), TEXT)
                | bit(dated && !p.history.iter().any(|h| date_ok(&h.date)), DATE)
                | bit(!province_matches(p.provinces.iter(), p.provinces_today.iter(), &f.province), PROVINCE)
                | bit(!f.role.is_empty() && !p.roles.contains(&f.role), ROLE)
                | bit(!org.any(&item.org), ORG)
        })
        .collect();
    let person_kept = |i: usize, cleared: Fails| {
        let chaired = match cleared {
            KIND => &None,
            PROVINCE => &chaired_any_province,
            ROLE => &chaired_any_role,
            _ => &chaired,
        };
        kept(people[i], cleared) && chaired.as_ref().is_none_or(|c| c[merged.people[i].id])
    };
    // A document is filtered by the articles citing it: their provinces, meeting kinds and roles.
    let source_fails: Vec<Fails> = index
        .sources
        .iter()
        .map(|s| {
            bit(!province_matches(s.province.iter(), s.province_today.iter(), &f.province), PROVINCE)
                | bit(!f.kind.is_empty() && !s.kinds.contains(&f.kind), KIND)
                | bit(!f.role.is_empty() && !s.roles.contains(&f.role), ROLE)
        })
        .collect();
    let documents: Vec<Fails> = merged
        .documents
        .iter()
        .zip(&index.documents)
        .map(|(d, item)| {
            let cited = |which: Fails| item.sources.iter().any(|s| source_fails[*s as usize] & which == 0);
            let published_in = || {
                d.citations
                    .iter()
                    .any(|c| c.published.as_deref().is_some_and(|x| date_in(&x[..x.len().min(10)], &f.from, &f.to)))
            };
            bit(!text.any(&item.text), TEXT)
                | bit(dated && !date_ok(&d.date) && !published_in(), DATE)
                | bit(!f.province.is_empty() && !cited(PROVINCE), PROVINCE)
                | bit(!f.kind.is_empty() && !cited(KIND), KIND)
                | bit(!f.role.is_empty() && !cited(ROLE), ROLE)
                | bit(!org.any(&item.org), ORG)
        })
        .collect();

    // The articles each view draws on, for the provinces' counts and the provinces kept.
    let sources_of = |cleared: Fails| {
        let mut seen = vec![false; index.sources.len()];
        let mut mark = |items: &[Item], keep: &dyn Fn(usize) -> bool| {
            for (i, item) in items.iter().enumerate() {
                if keep(i) {
                    for s in item.sources.iter() {
                        seen[*s as usize] = true;
                    }
                }
            }
        };
        mark(&index.meetings, &|i| kept(meetings[i], cleared));
        mark(&index.people, &|i| person_kept(i, cleared));
        mark(&index.documents, &|i| kept(documents[i], cleared));
        seen
    };
    let in_view = sources_of(0);
    let in_view_any_province = if f.province.is_empty() { in_view.clone() } else { sources_of(PROVINCE) };

    let facets = facets(merged, index, &in_view_any_province, |i| kept(meetings[i], KIND), |i| person_kept(i, ROLE));
    let positions = |fails: &[Fails], keep: &dyn Fn(usize) -> bool| -> Vec<usize> {
        (0..fails.len()).filter(|i| keep(*i)).collect()
    };
    Kept {
        meetings: positions(&meetings, &|i| meetings[i] == 0),
        people: positions(&people, &|i| person_kept(i, 0)),
        documents: positions(&documents, &|i| documents[i] == 0),
        provinces: (0..index.provinces.len())
            .filter(|i| index.provinces[*i].iter().any(|s| in_view[*s as usize]))
            .collect(),
        facets,
    }
}

/// The values each list offers (all of `merged`'s, so that none vanishes while filtering), each counted in the
/// view that would keep it: the articles of each province among `sources` (of the view without the province
/// filter), the meetings of each kind `meeting_kept` keeps, the officials of each role `person_kept` keeps.
fn facets(
    merged: &Merged,
    index: &Index,
    sources: &[bool],
    meeting_kept: impl Fn(usize) -> bool,
    person_kept: impl Fn(usize) -> bool,
) -> Facets {
    fn sorted(counts: HashMap<&str, usize>) -> Vec<(String, usize)> {
        let mut list: Vec<(String, usize)> = counts.into_iter().map(|(k, n)| (k.to_string(), n)).collect();
        hoinghi_merge::order::sort_by_cached_key(&mut list, |(k, _)| (hoinghi_merge::search::sort_key(k), k.clone()));
        list
    }
    let mut written: HashMap<&str, usize> = HashMap::new();
    let mut today: HashMap<&str, BTreeSet<u32>> = HashMap::new();
    for (p, ids) in merged.provinces.iter().zip(&index.provinces) {
        let here = ids.iter().filter(|s| sources[**s as usize]);
        *written.entry(&p.name).or_default() += here.clone().count();
        if let Some(t) = &p.today {
            today.entry(t).or_default().extend(here);
        }
    }
    let today = today.into_iter().map(|(k, v)| (k, v.len())).collect();
    let mut kinds: HashMap<&str, usize> = HashMap::new();
    for (i, m) in merged.meetings.iter().enumerate().filter(|(_, m)| !m.kind.is_empty()) {
        *kinds.entry(&m.kind).or_default() += usize::from(meeting_kept(i));
    }
    let mut roles: HashMap<&str, usize> = HashMap::new();
    for (i, p) in merged.people.iter().enumerate() {
        let n = usize::from(person_kept(i));
        for r in &p.roles {
            *roles.entry(r).or_default() += n;
        }
    }
    Facets { written: sorted(written), today: sorted(today), kinds: sorted(kinds), roles: sorted(roles) }
}

/// The view `kept` describes: `merged`'s meetings, officials, documents and provinces at those positions.
pub fn view(merged: &Merged, kept: &Kept) -> Merged {
    fn pick<T: Clone>(all: &[T], at: &[usize]) -> Vec<T> {
        at.iter().filter_map(|i| all.get(*i).cloned()).collect()
    }
    Merged {
        meetings: pick(&merged.meetings, &kept.meetings),
        people: pick(&merged.people, &kept.people),
        documents: pick(&merged.documents, &kept.documents),
        provinces: pick(&merged.provinces, &kept.provinces),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{apply, tests::two_samples, view_sources};

    #[test]
    fn date_range_on_prefixes() {
        assert!(date_in("2024-06", "2024-06-10", "2024-06-20"));
        assert!(!date_in("2024-05-31", "2024-06-01", ""));
        assert!(date_in("2024-06-01", "2024-06-01", "2024-06-01"));
    }

    fn count(list: &[(String, usize)], k: &str) -> Option<usize> {
        list.iter().find(|(v, _)| v == k).map(|(_, n)| *n)
    }

    #[test]
    fn facets_count_what_the_other_filters_keep() {
        let (records, merged) = two_samples();
        let index = Index::new(&merged, &records);
        let all = keep(&merged, &index, &Filters::default()).facets;
        assert_eq!(count(&all.written, "Bình Định"), Some(1));
        assert_eq!(count(&all.written, "Kon Tum"), Some(1));
        assert_eq!(
            all.kinds.iter().map(|(_, n)| n).sum::<usize>(),
            merged.meetings.iter().filter(|m| !m.kind.is_empty()).count()
        );
        // In Vietnamese order, whatever the bytes say (`Đ` sorts after `D`, not after `Y`).
        let names: Vec<&str> = all.written.iter().map(|(k, _)| k.as_str()).collect();
        let mut sorted = names.clone();
        hoinghi_merge::search::sort_texts(&mut sorted);
        assert_eq!(names, sorted);
        // Under a text filter: Kon Tum keeps its value, counted 0.
        let f = Filters { text: "phong vũ".into(), ..Filters::default() };
        let some = keep(&merged, &index, &f).facets;
        assert_eq!(count(&some.written, "Kon Tum"), Some(0));
        assert_eq!(count(&some.written, "Bình Định"), Some(1));
        assert!(some.roles.iter().any(|(_, n)| *n == 0));
    }

    /// Every count of the one pass is what the view keeps when that value is chosen (kinds: meetings; roles:
    /// officials) or, for a province, how many of its articles the view without the province filter draws on.
    #[test]
    fn one_pass_counts_as_choosing_would() {
        let (records, merged) = two_samples();
        let index = Index::new(&merged, &records);
        let kind = merged.meetings.iter().find(|m| !m.kind.is_empty()).map(|m| m.kind.clone()).unwrap();
        let role = merged.people.iter().find_map(|p| p.roles.first().cloned()).unwrap();
        let province = format!("w:{}", merged.provinces[0].name);
        // (filters under which the counts are checked)
        let cases = [
            Filters::default(),
            Filters { text: "ubnd tinh".into(), ..Filters::default() },
            Filters { text: "nguyen".into(), role: role.clone(), ..Filters::default() },
            Filters { kind: kind.clone(), ..Filters::default() },
            Filters { kind: kind.clone(), province: province.clone(), ..Filters::default() },
            Filters { province: province.clone(), role: role.clone(), ..Filters::default() },
            Filters { organisation: "tỉnh ủy".into(), from: "2024-01-01".into(), ..Filters::default() },
        ];
        for f in &cases {
            let facets = keep(&merged, &index, f).facets;
            for (k, n) in &facets.kinds {
                let chosen = Filters { kind: k.clone(), ..f.clone() };
                assert_eq!(apply(&merged, &chosen, &records).meetings.len(), *n, "kind {k} under {f:?}");
            }
            for (r, n) in &facets.roles {
                let chosen = Filters { role: r.clone(), ..f.clone() };
                assert_eq!(apply(&merged, &chosen, &records).people.len(), *n, "role {r} under {f:?}");
            }
            let any_province = apply(&merged, &Filters { province: String::new(), ..f.clone() }, &records);
            let kept = view_sources(&any_province);
            for p in &merged.provinces {
                let n = p.sources.iter().filter(|s| kept.contains(*s)).count();
                assert_eq!(count(&facets.written, &p.name), Some(n), "province {} under {f:?}", p.name);
            }
        }
    }

    #[test]
    fn the_view_keeps_what_each_filter_keeps() {
        let (records, merged) = two_samples();
        let index = Index::new(&merged, &records);
        // (filters, an official kept, one left out)
        let cases: &[(Filters, &str, &str)] = &[
            (Filters { province: "w:Bình Định".into(), ..Filters::default() }, "Nguyễn Thị Phong Vũ", "Y Ngọc"),
            (Filters { text: "phong vu".into(), ..Filters::default() }, "Nguyễn Thị Phong Vũ", "Y Ngọc"),
            (Filters { organisation: "UBND tỉnh".into(), ..Filters::default() }, "Y Ngọc", "Nguyễn Thị Phong Vũ"),
        ];
        for (f, found, not) in cases {
            let v = view(&merged, &keep(&merged, &index, f));
            let names: Vec<&str> = v.people.iter().map(|p| p.name.as_str()).collect();
            assert!(names.contains(found), "{f:?} keeps {found}: {names:?}");
            assert!(!names.contains(not), "{f:?} leaves out {not}: {names:?}");
            // Every meeting and document kept draws on an article of the view's provinces.
            let sources = view_sources(&v);
            assert!(v.provinces.iter().all(|p| p.sources.iter().any(|s| sources.contains(s))));
        }
    }
}
