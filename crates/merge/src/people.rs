//! People across articles: one [`Person`] per official, with every post they were given and when.
//!
//! # The rule
//! Officials are grouped by folded name ([`crate::canon::fold`]). Within one name, occurrences are taken
//! in date order (undated last, then by source) and each joins the first person it is compatible with,
//! else starts a new one. An occurrence is compatible with a person when
//! 1. they share a **national body** (`Ban Tổ chức Trung ương`, `Chính phủ` for `Thủ tướng`, `Bộ Xây dựng`):
//!    there is one such body, so the name and the body identify the person wherever the article was written;
//! 2. otherwise, when both are tied to a province (a local post, or a post of unknown scope, tied to the
//!    province it names — `Bí thư Tỉnh ủy Yên Bái` — or else to the article's), when the provinces are the
//!    same — and never when they differ;
//! 3. otherwise (a province is missing on one side, or one side holds only national posts), when they share
//!    a post, or a body — the same, or one a shortening of the other (`Ủy ban nhân dân` and
//!    `Ủy ban nhân dân thành phố`).
//!
//! After that pass, people of one name that have become compatible (each filled in by later occurrences)
//! are joined.
//!
//! So the same name in two provinces stays two people unless a national post links them, and a name with
//! nothing in common but the name stays apart: a wrong merge would put someone else's post in a person's
//! history, a wrong split only shows two rows with one name.
//!
//! The user has the last word ([`crate::corrections::Identity`]): an official marked as a person of their own
//! joins no one by the rule, and two officials marked as one person are joined, whatever their names.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::LazyLock;

use hoinghi_core::Span;
use serde::{Deserialize, Serialize};

use crate::canon::{is_capitalised, phrase_key, THUONG_TRUC};
use crate::corrections::{FactRef, Identity};
use crate::prepare::{DateFrom, Locality, POfficial, Prepared};
use crate::titles::{PostKey, Scope};
use hoinghi_core::data;

/// One person across all articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Person {
    /// Index in [`crate::Merged::people`]; meetings refer to people by it.
    pub id: usize,
    /// The name as written, preferring a spelling with every word capitalised, then the most frequent.
    pub name: String,
    /// Every spelling seen (`Lê trí Vũ`, `Lê Trí Vũ`).
    pub name_variants: Vec<String>,
    /// Each distinct post, in the order it was first stated.
    pub posts: Vec<Post>,
    /// Every post with the article and the date it was stated at, in date order (undated last).
    pub history: Vec<Position>,
    pub roles: Vec<String>,
    /// Provinces of the articles that give the person a local post, as written and as today's units.
    pub provinces: Vec<String>,
    pub provinces_today: Vec<String>,
    pub sources: Vec<String>,
    pub articles: usize,
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
    pub mentions: Vec<Mention>,
}

/// A distinct post of one person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Post {
    pub title: String,
    pub scope: Scope,
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
    pub articles: usize,
    /// The full post this one shortens (`Trưởng Ban` -> `Trưởng Ban Dân vận Tỉnh ủy`).
    pub short_of: Option<String>,
}

/// One post stated by one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Position {
    pub title: String,
    pub as_written: String,
    pub source: String,
    pub date: Option<String>,
    pub date_from: Option<DateFrom>,
    pub short_of: Option<String>,
}

/// Where a person is named: the article and the char span in its normalised text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub source: String,
    pub span: Span,
}

/// One official in one record.
struct Occ<'a> {
    record: &'a Prepared,
    official: &'a POfficial,
    /// The province the person is tied to through a local (or unknown-scope) post.
    locality: Option<&'a str>,
}

impl Occ<'_> {
    /// Whether this is the official at `fact` (the article and the first mention of the name).
    fn is(&self, fact: &FactRef) -> bool {
        self.record.source == fact.source && self.official.mentions.first() == Some(&fact.at)
    }
}

#[derive(Default)]
struct Cluster<'a> {
    /// Set apart by the user: joins no one by the rule.
    alone: bool,
    occs: Vec<Occ<'a>>,
    localities: BTreeSet<&'a str>,
    national: BTreeSet<&'a str>,
    bodies: BTreeSet<&'a str>,
    posts: BTreeSet<&'a str>,
}

/// The national bodies a post belongs to: its own, and the Central Committee for the Politburo and the
/// Secretariat (their members are members of it).
fn national_bodies(post: &PostKey) -> impl Iterator<Item = &str> {
    // `data/central_bodies.tsv`: body key → the key of the body its members sit in.
    static MEMBER_OF: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
        let rows = data::rows(&data::CENTRAL_BODIES);
        rows.iter().map(|r| (phrase_key(r.get("body")), phrase_key(r.get("member_of")))).collect()
    });
    let own = (post.scope == Scope::National).then_some(post.body.as_str());
    let central = own.and_then(|b| MEMBER_OF.get(b)).map(String::as_str);
    own.into_iter().chain(central)
}

impl<'a> Cluster<'a> {
    /// Whether one more occurrence is the same person (rules 1-3 of the module doc).
    fn accepts(&self, occ: &Occ<'a>) -> bool {
        let mut other = Cluster::default();
        other.add_keys(occ);
        self.compatible(&other)
    }

    /// Whether two groups of occurrences are the same person.
    fn compatible(&self, other: &Cluster<'a>) -> bool {
        if self.alone || other.alone {
            return false;
        }
        if !self.national.is_disjoint(&other.national) {
            return true;
        }
        if !self.localities.is_empty() && !other.localities.is_empty() {
            return !self.localities.is_disjoint(&other.localities);
        }
        !self.posts.is_disjoint(&other.posts)
            || other.bodies.iter().any(|o| self.bodies.iter().any(|b| word_prefix(b, o) || word_prefix(o, b)))
    }

    fn add_keys(&mut self, occ: &Occ<'a>) {
        for (_, _, p) in &occ.official.titles {
            self.national.extend(national_bodies(p));
            self.bodies.insert(&p.body);
            self.posts.insert(&p.key);
        }
        self.localities.extend(occ.locality);
    }

    fn push(&mut self, occ: Occ<'a>) {
        self.add_keys(&occ);
        self.occs.push(occ);
    }

    fn absorb(&mut self, other: Cluster<'a>) {
        self.national.extend(other.national);
        self.bodies.extend(other.bodies);
        self.posts.extend(other.posts);
        self.localities.extend(other.localities);
        self.occs.extend(other.occs);
    }
}

/// Joins people that turned out compatible once later occurrences filled them in (a person first seen with
/// only `Ủy viên Trung ương Đảng` and one first seen as `Phó Bí thư Thành ủy`, later seen with both).
fn join_compatible(clusters: &mut Vec<Cluster>) {
    let mut i = 0;
    while i < clusters.len() {
        match (i + 1..clusters.len()).find(|&j| clusters[i].compatible(&clusters[j])) {
            Some(j) => {
                let other = clusters.remove(j);
                clusters[i].absorb(other);
            }
            None => i += 1,
        }
    }
}

/// Merges the officials of `records` (sorted by source) into people, sorted by name; also returns
/// (source, folded name) -> person id for the meetings.
#[inline(never)] // a part of `merge_prepared`: see there why
pub(crate) fn merge_people(
    records: &[&Prepared],
    identity: &Identity,
) -> (Vec<Person>, HashMap<(String, String), usize>) {
    let mut by_name: BTreeMap<&str, Vec<(usize, Occ)>> = BTreeMap::new();
    for record in records {
        for (i, official) in record.officials.iter().enumerate() {
            let locality = official.locality.as_ref().map(|l| l.key.as_str());
            by_name.entry(official.key.as_str()).or_default().push((i, Occ { record, official, locality }));
        }
    }
    let mut clusters: Vec<Cluster> = Vec::new();
    for (_, mut occs) in by_name {
        occs.sort_by(|(i, a), (j, b)| {
            // Borrowed: a copy of the date at each comparison cost an allocation each, n log n of them.
            fn date<'o>(o: &Occ<'o>) -> Option<&'o str> {
                o.official.date.as_ref().map(|(d, _)| d.as_str())
            }
            (date(a).is_none(), date(a), &a.record.source, i).cmp(&(date(b).is_none(), date(b), &b.record.source, j))
        });
        let mut named: Vec<Cluster> = Vec::new();
        for (_, occ) in occs {
            let alone = identity.other_people.iter().any(|f| occ.is(f));
            match named.iter_mut().find(|c| !alone && c.accepts(&occ)) {
                Some(cluster) => cluster.push(occ),
                None => {
                    let mut cluster = Cluster { alone, ..Cluster::default() };
                    cluster.push(occ);
                    named.push(cluster);
                }
            }
        }
        join_compatible(&mut named);
        clusters.extend(named);
    }
    join_chosen(&mut clusters, &identity.same_people);
    // (folded name, person, the (source, folded name) pairs it stands for).
    type Built = (String, Person, Vec<(String, String)>);
    let mut people: Vec<Built> = Vec::new();
    for cluster in &mut clusters {
        cluster.occs.sort_by(|a, b| (&a.record.source, &a.official.key).cmp(&(&b.record.source, &b.official.key)));
        let person = build_person(cluster);
        let refs = cluster.occs.iter().map(|o| (o.record.source.clone(), o.official.key.clone())).collect();
        people.push((cluster.occs[0].official.key.clone(), person, refs));
    }
    people.sort_by(|(ka, a, _), (kb, b, _)| (ka, &a.first_seen, &a.sources).cmp(&(kb, &b.first_seen, &b.sources)));
    let mut lookup = HashMap::new();
    let people = people
        .into_iter()
        .enumerate()
        .map(|(id, (_, mut person, refs))| {
            person.id = id;
            lookup.extend(refs.into_iter().map(|r: (String, String)| (r, id)));
            person
        })
        .collect();
    (people, lookup)
}

/// Joins the people the user said are one (pairs of officials; a pair naming an official no longer
/// extracted is left out).
fn join_chosen(clusters: &mut Vec<Cluster>, pairs: &[(FactRef, FactRef)]) {
    for (a, b) in pairs {
        let find = |f: &FactRef, cs: &[Cluster]| cs.iter().position(|c| c.occs.iter().any(|o| o.is(f)));
        let (Some(i), Some(j)) = (find(a, clusters), find(b, clusters)) else { continue };
        if i != j {
            let other = clusters.remove(i.max(j));
            clusters[i.min(j)].absorb(other);
        }
    }
}

fn build_person(cluster: &Cluster) -> Person {
    let occs = &cluster.occs;
    let mut history: Vec<(Position, String, Scope)> = Vec::new();
    let mut seen = BTreeSet::new();
    for occ in occs {
        for (title, written, post) in &occ.official.titles {
            if seen.insert((occ.record.source.as_str(), post.key.as_str())) {
                let (date, date_from) = occ.official.date.clone().map_or((None, None), |(d, f)| (Some(d), Some(f)));
                let position = Position {
                    title: title.clone(),
                    as_written: written.clone(),
                    source: occ.record.source.clone(),
                    date,
                    date_from,
                    short_of: None,
                };
                history.push((position, post.key.clone(), post.scope));
            }
        }
    }
    history.sort_by(|(a, _, _), (b, _, _)| {
        (a.date.is_none(), &a.date, &a.source).cmp(&(b.date.is_none(), &b.date, &b.source))
    });
    let posts = link_shortened(&mut history);
    let sources: BTreeSet<&str> = occs.iter().map(|o| o.record.source.as_str()).collect();
    let dates: Vec<String> = history.iter().filter_map(|(p, _, _)| p.date.clone()).collect();
    let places: Vec<&Locality> = occs.iter().filter_map(|o| o.official.locality.as_ref()).collect();
    Person {
        id: 0,
        name: choose_name(occs.iter().map(|o| o.official.name.as_str())),
        name_variants: distinct(occs.iter().map(|o| (o.official.name.as_str(), o.official.name.as_str()))),
        posts,
        history: history.into_iter().map(|(p, _, _)| p).collect(),
        roles: distinct(occs.iter().flat_map(|o| o.official.roles.iter().map(|(r, k)| (r.as_str(), k.as_str())))),
        provinces: distinct(places.iter().map(|l| (l.name.as_str(), l.key.as_str()))),
        provinces_today: distinct(places.iter().filter_map(|l| l.today.as_deref().zip(l.today_key.as_deref()))),
        articles: sources.len(),
        sources: sources.into_iter().map(str::to_string).collect(),
        first_seen: dates.iter().min().map(|d| d.to_string()),
        last_seen: dates.iter().max().map(|d| d.to_string()),
        mentions: occs
            .iter()
            .flat_map(|o| o.official.mentions.iter().map(|s| Mention { source: o.record.source.clone(), span: *s }))
            .collect(),
    }
}

/// One distinct post: its key, positions, the articles stating it, the first date (days since 1970).
struct Distinct<'h> {
    key: &'h str,
    scope: Scope,
    positions: Vec<&'h Position>,
    sources: BTreeSet<&'h str>,
    first_day: Option<i64>,
    /// The key without `thường trực`, when it has one.
    without_standing: Option<String>,
}

/// The distinct posts of a person's history (by key), in the order first stated.
fn distinct_posts(history: &[(Position, String, Scope)]) -> Vec<Distinct<'_>> {
    let mut posts: Vec<Distinct> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (position, key, scope) in history.iter() {
        let i = *index.entry(key.as_str()).or_insert_with(|| {
            let first_day =
                position.date.as_deref().and_then(hoinghi_core::Date::parse_iso).map(|d| d.days_since_epoch());
            let without_standing = key
                .contains(THUONG_TRUC.as_str())
                .then(|| key.replace(THUONG_TRUC.as_str(), " ").split_whitespace().collect::<Vec<_>>().join(" "));
            posts.push(Distinct {
                key,
                scope: *scope,
                positions: Vec::new(),
                sources: BTreeSet::new(),
                first_day,
                without_standing,
            });
            posts.len() - 1
        });
        posts[i].positions.push(position);
        posts[i].sources.insert(&position.source);
    }
    posts
}

/// Builds the distinct posts and links each shortened post (a word-prefix of a longer post of the same
/// person, also once `thường trực` is left out of the longer one) to the post it shortens: the one stated
/// in the same article if any, else the one first stated nearest in time.
fn link_shortened(history: &mut [(Position, String, Scope)]) -> Vec<Post> {
    let posts = distinct_posts(history);
    let titles: Vec<String> =
        posts.iter().map(|p| most_frequent(p.positions.iter().map(|p| p.title.as_str()))).collect();
    let short_of: Vec<Option<usize>> = posts
        .iter()
        .map(|short| {
            let same_article = |long: &Distinct| !short.sources.is_disjoint(&long.sources);
            let candidates = posts.iter().enumerate().filter(|(_, long)| {
                match shortens(short.key, long.key, long.without_standing.as_deref()) {
                    Some(Strictly) => true,
                    Some(LeavingOutStanding) => same_article(long),
                    None => false,
                }
            });
            candidates
                .min_by_key(|(_, long)| {
                    let distance = match (short.first_day, long.first_day) {
                        (Some(a), Some(b)) => (a - b).abs(),
                        _ => i64::MAX,
                    };
                    (!same_article(long), distance, std::cmp::Reverse(long.positions.len()), long.key)
                })
                .map(|(i, _)| i)
        })
        .collect();
    let result = posts
        .iter()
        .zip(&short_of)
        .zip(&titles)
        .map(|((post, short), title)| {
            let dates: Vec<&String> = post.positions.iter().filter_map(|p| p.date.as_ref()).collect();
            Post {
                title: title.clone(),
                scope: post.scope,
                first_seen: dates.iter().min().map(|d| d.to_string()),
                last_seen: dates.iter().max().map(|d| d.to_string()),
                articles: post.sources.len(),
                short_of: short.map(|i| titles[i].clone()),
            }
        })
        .collect();
    let links: HashMap<String, String> = posts
        .iter()
        .zip(&short_of)
        .filter_map(|(post, short)| short.map(|i| (post.key.to_string(), titles[i].clone())))
        .collect();
    for (position, key, _) in history.iter_mut() {
        position.short_of = links.get(key.as_str()).cloned();
    }
    result
}

/// Whether the words of `short` start the words of `long` (or are them).
fn word_prefix(short: &str, long: &str) -> bool {
    long.strip_prefix(short).is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
}

/// How a post shortens another.
enum Shortening {
    /// Word-prefix: `Trưởng Ban` of `Trưởng Ban Dân vận Tỉnh ủy`.
    Strictly,
    /// Prefix once `Thường trực` is left out of the longer post: `Phó Chủ tịch UBND` of `Phó Chủ tịch
    /// Thường trực UBND tỉnh`. Across articles this may be a promotion, so it only counts within one.
    LeavingOutStanding,
}
use Shortening::*;

/// Whether post key `short` is a shortened repeat of `long` (`without_standing`: `long` less `thường trực`).
fn shortens(short: &str, long: &str, without_standing: Option<&str>) -> Option<Shortening> {
    if short == long {
        None
    } else if word_prefix(short, long) {
        Some(Strictly)
    } else {
        without_standing.filter(|w| word_prefix(short, w)).map(|_| LeavingOutStanding)
    }
}

/// The spelling to show: capitalised first, then the most frequent, then the first seen.
fn choose_name<'a>(names: impl Iterator<Item = &'a str>) -> String {
    let names: Vec<&str> = names.collect();
    let capitalised: Vec<&str> = names.iter().copied().filter(|n| is_capitalised(n)).collect();
    most_frequent(if capitalised.is_empty() { names } else { capitalised }.into_iter())
}

/// The most frequent item, the first one seen among equals.
fn most_frequent<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for item in items {
        match counts.iter_mut().find(|(i, _)| *i == item) {
            Some((_, n)) => *n += 1,
            None => counts.push((item, 1)),
        }
    }
    let best = counts.iter().map(|(_, n)| *n).max().unwrap_or(0);
    counts.into_iter().find(|(_, n)| *n == best).map(|(i, _)| i.to_string()).unwrap_or_default()
}

/// Distinct items in first-seen order, compared by their keys: (item, key) pairs.
pub(crate) fn distinct<'a>(items: impl Iterator<Item = (&'a str, &'a str)>) -> Vec<String> {
    let mut seen = HashSet::new();
    items.filter(|(i, k)| !i.is_empty() && seen.insert(*k)).map(|(i, _)| i.to_string()).collect()
}
