//! Meetings across articles: reports of one meeting by several outlets become one [`MergedMeeting`].
//!
//! # The rule
//! Two reports are of the same meeting when
//! 1. both are dated, on the same day (an undated report never merges: without a day, the monthly
//!    `giao ban` of one body cannot be told from the next one);
//! 2. they come from different articles (one article's meetings are different meetings);
//! 3. their kinds agree, after folding, or one of them is the generic `hội nghị` / `họp`;
//! 4. their times of day (`sáng`, `chiều`) agree when both give one;
//! 5. they share a chair (the same merged person, see [`crate::people`]), or an organiser — a national one
//!    (`Ban Dân vận Trung ương`) anywhere, a local one (`Ban Dân vận Tỉnh ủy`) only when both articles are
//!    about the same province (or both say no province) — or, in the same province, two participants
//!    (chairs or attendees).
//!
//! Reports are taken in order (date, source) and each joins the first meeting it matches.

use std::collections::{BTreeSet, HashMap};
use std::sync::LazyLock;

use hoinghi_core::data;
use hoinghi_core::{Precision, Span};
use serde::{Deserialize, Serialize};

use crate::canon::phrase_key;
use crate::people::distinct;
use crate::prepare::{PMeeting, Prepared};
use crate::titles::Scope;

/// One meeting, from one or more articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MergedMeeting {
    /// Index in [`crate::Merged::meetings`].
    pub id: usize,
    pub date: Option<String>,
    pub date_precision: Option<Precision>,
    pub time_of_day: Option<String>,
    /// The most specific kind the reports give.
    pub kind: String,
    /// The longest name the reports give.
    pub name: String,
    pub organizers: Vec<String>,
    pub chairs: Vec<String>,
    /// The chairs as [`crate::Person::id`]s, where the chair is also among the article's officials.
    pub chair_ids: Vec<usize>,
    pub attendees: Vec<String>,
    /// The attendees as [`crate::Person::id`]s, where the attendee is among the article's officials (a chair
    /// is never listed here too).
    pub attendee_ids: Vec<usize>,
    pub places: Vec<String>,
    pub provinces: Vec<String>,
    pub provinces_today: Vec<String>,
    /// One per article that reports the meeting.
    pub reports: Vec<Report>,
    pub sources: Vec<String>,
    pub articles: usize,
}

/// One article's report of a meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub source: String,
    pub published: Option<String>,
    pub name: String,
    pub evidence: Span,
}

struct Occ<'a> {
    record: &'a Prepared,
    meeting: &'a PMeeting,
    /// Person ids of the chairs (or the folded name where the chair is not among the officials).
    chairs: Vec<Result<usize, &'a str>>,
    /// The same for the attendees.
    attendees: Vec<Result<usize, &'a str>>,
    /// The same for chairs and attendees.
    participants: Vec<Result<usize, &'a str>>,
}

/// Kinds that say only "a meeting" (no kind, or a `generic` phrase of `meeting_kinds.tsv`), compatible with any kind.
fn is_generic(kind_key: &str) -> bool {
    static GENERIC: LazyLock<Vec<String>> = LazyLock::new(|| {
        let rows = data::rows(&data::MEETING_KINDS);
        let generic = rows.iter().filter(|r| r.yes("generic")).map(|r| r.get("phrase"));
        std::iter::once("").chain(generic).map(phrase_key).collect()
    });
    GENERIC.iter().any(|g| g == kind_key)
}

fn kinds_agree(a: &str, b: &str) -> bool {
    a == b || is_generic(a) || is_generic(b)
}

fn same_meeting(a: &Occ, b: &Occ) -> bool {
    if a.meeting.date.is_none() || a.meeting.date != b.meeting.date || a.record.source == b.record.source {
        return false;
    }
    if !kinds_agree(&a.meeting.kind_key, &b.meeting.kind_key) {
        return false;
    }
    if let (Some(x), Some(y)) = (&a.meeting.time_key, &b.meeting.time_key) {
        if x != y {
            return false;
        }
    }
    if a.chairs.iter().any(|c| b.chairs.contains(c)) {
        return true;
    }
    let same_place = a.record.province_key == b.record.province_key;
    let shared_organiser = a.meeting.organizers.iter().any(|(_, key, scope)| {
        b.meeting.organizers.iter().any(|(_, k, _)| k == key) && (*scope == Scope::National || same_place)
    });
    let shared_participants = a.participants.iter().filter(|p| b.participants.contains(p)).count();
    shared_organiser || (same_place && shared_participants >= 2)
}

/// Merges the meetings of `records` (sorted by source); `people` maps (source, folded name) to person ids.
#[inline(never)] // a part of `merge_prepared`: see there why
pub(crate) fn merge_meetings(records: &[&Prepared], people: &HashMap<(String, String), usize>) -> Vec<MergedMeeting> {
    let groups = group_by_meeting(occurrences(records, people));
    let mut meetings: Vec<MergedMeeting> = groups.iter().map(|g| build_meeting(&g.reports)).collect();
    meetings.sort_by(|a, b| {
        (a.date.is_none(), &a.date, &a.kind, &a.sources).cmp(&(b.date.is_none(), &b.date, &b.kind, &b.sources))
    });
    for (id, meeting) in meetings.iter_mut().enumerate() {
        meeting.id = id;
    }
    meetings
}

/// Every report of `records`, in the order they are grouped: by date (undated last), source, then place in the
/// article.
fn occurrences<'a>(records: &[&'a Prepared], people: &HashMap<(String, String), usize>) -> Vec<Occ<'a>> {
    let mut occs: Vec<(usize, Occ<'a>)> = Vec::new();
    for record in records {
        for (i, meeting) in record.meetings.iter().enumerate() {
            let person = |(_, key): &'a (String, String)| {
                people.get(&(record.source.clone(), key.clone())).copied().ok_or(key.as_str())
            };
            let chairs = meeting.chairs.iter().map(person).collect();
            let attendees = meeting.attendees.iter().map(person).collect();
            let mut participants: Vec<_> = meeting.chairs.iter().chain(&meeting.attendees).map(person).collect();
            participants.sort();
            participants.dedup();
            occs.push((i, Occ { record, meeting, chairs, attendees, participants }));
        }
    }
    // Borrowed keys: a copy of the date at each comparison cost an allocation each, n log n of them.
    occs.sort_by(|(i, a), (j, b)| {
        let key = |o: &Occ<'a>| (o.meeting.date.is_none(), o.meeting.date.as_deref());
        (key(a), &a.record.source, i).cmp(&(key(b), &b.record.source, j))
    });
    occs.into_iter().map(|(_, occ)| occ).collect()
}

/// The reports of one meeting, as they are grouped.
struct Group<'a> {
    reports: Vec<Occ<'a>>,
    /// The one kind of the reports that is not generic, if any: a report of another such kind never joins
    /// (rule 3), so the reports of a group never give two.
    specific: Option<&'a str>,
}

impl<'a> Group<'a> {
    fn of(occ: Occ<'a>) -> Group<'a> {
        let mut group = Group { reports: Vec::new(), specific: None };
        group.push(occ);
        group
    }
    fn push(&mut self, occ: Occ<'a>) {
        if !is_generic(&occ.meeting.kind_key) {
            self.specific = Some(occ.meeting.kind_key.as_str());
        }
        self.reports.push(occ);
    }
    /// Whether the kind of every report agrees with `occ`'s (rule 3).
    fn kind_fits(&self, occ: &Occ) -> bool {
        self.specific.is_none_or(|kind| kinds_agree(kind, &occ.meeting.kind_key))
    }
}

/// What one report shares with another that can make them one meeting (rule 5): a report is compared only with
/// the reports of its day that share one of these with it, not with every report of the day (a big archive has
/// hundreds a day).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Clue<'a> {
    Chair(Result<usize, &'a str>),
    /// An organiser's key, and the province (key) its report is about, or `None` for a national organiser,
    /// which is shared anywhere.
    Organiser(&'a str, Option<Option<&'a str>>),
    /// A chair or an attendee, in the province its report is about (two of them make one meeting there).
    Participant(Result<usize, &'a str>, Option<&'a str>),
}

/// The clues a report already grouped gives: what `same_meeting(it, later)` reads of it.
fn clues_given<'a>(occ: &Occ<'a>) -> Vec<Clue<'a>> {
    let place = occ.record.province_key.as_deref();
    let organisers = occ.meeting.organizers.iter().map(|(_, key, scope)| {
        Clue::Organiser(key.as_str(), if *scope == Scope::National { None } else { Some(place) })
    });
    let participants = occ.participants.iter().map(|p| Clue::Participant(*p, place));
    occ.chairs.iter().map(|c| Clue::Chair(*c)).chain(organisers).chain(participants).collect()
}

/// The clues a new report looks for among those given: any report it can be one meeting with gives one of them.
fn clues_sought<'a>(occ: &Occ<'a>) -> Vec<Clue<'a>> {
    let place = occ.record.province_key.as_deref();
    let organisers = occ
        .meeting
        .organizers
        .iter()
        .flat_map(|(_, key, _)| [Clue::Organiser(key.as_str(), None), Clue::Organiser(key.as_str(), Some(place))]);
    let participants = occ.participants.iter().map(|p| Clue::Participant(*p, place));
    occ.chairs.iter().map(|c| Clue::Chair(*c)).chain(organisers).chain(participants).collect()
}

/// The reports grouped by meeting: each report joins the first group (in the order groups were made) whose kinds
/// fit it and which holds a report of the same meeting ([`same_meeting`]), else starts one. Only reports of one
/// day can merge, and only those that share a [`Clue`]: each report is compared with those, found through an
/// index of the day's clues ([`DayClues`]), so a day of many reports costs about their number, not its square.
fn group_by_meeting(occs: Vec<Occ<'_>>) -> Vec<Group<'_>> {
    let mut groups: Vec<Group> = Vec::new();
    let mut day = DayClues::default();
    for occ in occs {
        if groups.last().is_some_and(|g| g.reports[0].meeting.date != occ.meeting.date) {
            day = DayClues::default();
        }
        // An undated report is a meeting of its own (rule 1).
        if occ.meeting.date.is_none() {
            groups.push(Group::of(occ));
            continue;
        }
        let sought = clues_sought(&occ);
        let joined = day.groups_sharing(&sought).into_iter().find(|&g| {
            groups[g].kind_fits(&occ)
                && sought
                    .iter()
                    .any(|clue| day.reports(clue, g).iter().any(|&r| same_meeting(&groups[g].reports[r], &occ)))
        });
        let at = match joined {
            Some(g) => {
                groups[g].push(occ);
                (g, groups[g].reports.len() - 1)
            }
            None => {
                groups.push(Group::of(occ));
                (groups.len() - 1, 0)
            }
        };
        for clue in clues_given(&groups[at.0].reports[at.1]) {
            day.add(clue, at);
        }
    }
    groups
}

/// The clues of one day's reports: each clue to the groups that hold a report giving it, and each (clue, group)
/// to those reports. Kept by group, not by report: the reports of one meeting share most clues (its chair, its
/// organiser), and a new report need look at each group once, however many of its reports give the clue.
#[derive(Default)]
struct DayClues<'a> {
    groups: HashMap<Clue<'a>, Vec<usize>>,
    reports: HashMap<(Clue<'a>, usize), Vec<usize>>,
}

impl<'a> DayClues<'a> {
    /// Files report `report` of group `group` under `clue`.
    fn add(&mut self, clue: Clue<'a>, (group, report): (usize, usize)) {
        let reports = self.reports.entry((clue, group)).or_default();
        if reports.is_empty() {
            self.groups.entry(clue).or_default().push(group);
        }
        reports.push(report);
    }
    /// The groups holding a report that gives one of `clues`, in the order the groups were made.
    fn groups_sharing(&self, clues: &[Clue<'a>]) -> Vec<usize> {
        let mut groups: Vec<usize> = clues.iter().filter_map(|c| self.groups.get(c)).flatten().copied().collect();
        groups.sort_unstable();
        groups.dedup();
        groups
    }
    /// The reports of `group` that give `clue`.
    fn reports(&self, clue: &Clue<'a>, group: usize) -> &[usize] {
        self.reports.get(&(*clue, group)).map_or(&[], Vec::as_slice)
    }
}

fn build_meeting(group: &[Occ]) -> MergedMeeting {
    let first = group[0].meeting;
    let specific = group.iter().map(|o| o.meeting).find(|m| !is_generic(&m.kind_key)).unwrap_or(first);
    let longest = group.iter().map(|o| &o.meeting.name).max_by_key(|n| n.chars().count()).cloned().unwrap_or_default();
    let mut chair_ids = BTreeSet::new();
    let mut chairs = Vec::new();
    let mut seen_names = BTreeSet::new();
    for occ in group {
        for (chair, (name, key)) in occ.chairs.iter().zip(&occ.meeting.chairs) {
            let new = match chair {
                Ok(id) => chair_ids.insert(*id) && seen_names.insert(key.as_str()),
                Err(key) => seen_names.insert(*key),
            };
            if new {
                chairs.push(name.clone());
            }
        }
    }
    let attendee_ids: BTreeSet<usize> = group
        .iter()
        .flat_map(|o| o.attendees.iter().filter_map(|a| a.ok()))
        .filter(|id| !chair_ids.contains(id))
        .collect();
    let sources: Vec<String> =
        group.iter().map(|o| o.record.source.clone()).collect::<BTreeSet<_>>().into_iter().collect();
    MergedMeeting {
        id: 0,
        date: first.date.clone(),
        date_precision: group.iter().find_map(|o| o.meeting.date_precision),
        time_of_day: group.iter().find_map(|o| o.meeting.time_of_day.clone()),
        kind: specific.kind.clone(),
        name: longest,
        organizers: distinct(
            group.iter().flat_map(|o| o.meeting.organizers.iter().map(|(w, k, _)| (w.as_str(), k.as_str()))),
        ),
        chairs,
        chair_ids: chair_ids.into_iter().collect(),
        attendee_ids: attendee_ids.into_iter().collect(),
        attendees: distinct(
            group.iter().flat_map(|o| o.meeting.attendees.iter().map(|(w, k)| (w.as_str(), k.as_str()))),
        ),
        places: distinct(group.iter().flat_map(|o| o.meeting.places.iter().map(|(w, k)| (w.as_str(), k.as_str())))),
        provinces: distinct(
            group.iter().filter_map(|o| o.record.province.as_deref().zip(o.record.province_key.as_deref())),
        ),
        provinces_today: distinct(
            group.iter().filter_map(|o| o.record.province_today.as_deref().zip(o.record.province_today_key.as_deref())),
        ),
        reports: group
            .iter()
            .map(|o| Report {
                source: o.record.source.clone(),
                published: o.record.published.clone(),
                name: o.meeting.name.clone(),
                evidence: o.meeting.evidence,
            })
            .collect(),
        articles: sources.len(),
        sources,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corrections::Identity;
    use crate::prepare::{prepare, Keys};
    use hoinghi_core::{Meeting, Official, PartOfDay, Record};

    /// The grouping before the clue index: each report compared with every report of every group of its day.
    /// Kept here to show that the index groups exactly as it did.
    fn group_pairwise(occs: Vec<Occ<'_>>) -> Vec<Vec<Occ<'_>>> {
        let mut groups: Vec<Vec<Occ>> = Vec::new();
        let mut day_starts = 0;
        for occ in occs {
            if groups.last().is_some_and(|g| g[0].meeting.date != occ.meeting.date) {
                day_starts = groups.len();
            }
            if occ.meeting.date.is_none() {
                groups.push(vec![occ]);
                continue;
            }
            let kind_fits = |g: &Vec<Occ>| g.iter().all(|o| kinds_agree(&o.meeting.kind_key, &occ.meeting.kind_key));
            match groups[day_starts..].iter_mut().find(|g| kind_fits(g) && g.iter().any(|o| same_meeting(o, &occ))) {
                Some(group) => group.push(occ),
                None => groups.push(vec![occ]),
            }
        }
        groups
    }

    /// Each group as its reports' (source, place of the meeting in its article).
    fn named(groups: &[&[Occ]]) -> Vec<Vec<(String, usize)>> {
        let place = |o: &Occ| {
            let at = o.record.meetings.iter().position(|m| std::ptr::eq(m, o.meeting)).unwrap_or(usize::MAX);
            (o.record.source.clone(), at)
        };
        groups.iter().map(|g| g.iter().map(place).collect()).collect()
    }

    /// The groups of `records`' meetings by the clue index and by the pairwise comparison.
    type Groupings = (Vec<Vec<(String, usize)>>, Vec<Vec<(String, usize)>>);

    fn both_ways(records: &[Record]) -> Groupings {
        let mut keys = Keys::default();
        let prepared: Vec<Prepared> =
            records.iter().enumerate().map(|(i, r)| prepare(r, &format!("#{}", i + 1), &mut keys)).collect();
        let mut sorted: Vec<&Prepared> = prepared.iter().collect();
        sorted.sort_by(|a, b| a.source.cmp(&b.source));
        let (_, people) = crate::people::merge_people(&sorted, &Identity::default());
        let indexed = group_by_meeting(occurrences(&sorted, &people));
        let pairwise = group_pairwise(occurrences(&sorted, &people));
        let indexed: Vec<&[Occ]> = indexed.iter().map(|g| g.reports.as_slice()).collect();
        let pairwise: Vec<&[Occ]> = pairwise.iter().map(Vec::as_slice).collect();
        (named(&indexed), named(&pairwise))
    }

    /// A deterministic stream (xorshift).
    struct Rng(u64);
    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }
        fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
            items[self.below(items.len())]
        }
        fn some(&mut self, items: &[&str], most: usize) -> Vec<String> {
            (0..self.below(most + 1)).map(|_| self.pick(items).to_string()).collect()
        }
    }

    /// Articles crowded on three days in three provinces (and none), with kinds generic and not, times of day,
    /// national and local organisers and a dozen people, some of them officials of the article: every rule of
    /// [`same_meeting`] is met and missed many times over.
    fn crowded(seed: u64, n: usize) -> Vec<Record> {
        const PEOPLE: &[&str] = &[
            "Nguyễn Văn An",
            "Trần Thị Bình",
            "Lê Văn Cường",
            "Phạm Minh Dũng",
            "Hoàng Văn Hải",
            "Võ Thị Lan",
            "Đặng Văn Nam",
            "Bùi Thị Mai",
            "Đỗ Văn Sơn",
            "Phan Thị Yến",
            "Huỳnh Văn Tâm",
            "Vũ Đức Long",
        ];
        const KINDS: &[&str] = &["hội nghị", "họp", "", "giao ban", "sơ kết", "buổi làm việc"];
        const ORGANISERS: &[&str] =
            &["Ban Dân vận Trung ương", "Chính phủ", "UBND tỉnh", "Tỉnh ủy", "Ban Dân vận Tỉnh ủy", "Sở Tài chính"];
        const PROVINCES: &[&str] = &["Bình Định", "Gia Lai", "Hà Nội", ""];
        let mut rng = Rng(seed | 1);
        (0..n)
            .map(|i| {
                let province = rng.pick(PROVINCES);
                let officials = rng
                    .some(PEOPLE, 4)
                    .into_iter()
                    .map(|name| Official { name, titles: vec!["Bí thư Tỉnh ủy".into()], ..Official::default() })
                    .collect();
                let meetings = (0..1 + rng.below(3))
                    .map(|_| {
                        let times = [None, Some(PartOfDay::Morning), Some(PartOfDay::Afternoon)];
                        Meeting {
                            date: (rng.below(8) > 0).then(|| format!("2024-06-1{}", rng.below(3))),
                            time_of_day: times[rng.below(3)],
                            kind: rng.pick(KINDS).into(),
                            name: "Hội nghị".into(),
                            organizers: rng.some(ORGANISERS, 2),
                            chairs: rng.some(PEOPLE, 2),
                            attendees: rng.some(PEOPLE, 4),
                            ..Meeting::default()
                        }
                    })
                    .collect();
                Record {
                    source: Some(format!("crowded/{:04}.txt", rng.below(n * 2) * 10_000 + i)),
                    province: (!province.is_empty()).then(|| province.to_string()),
                    meetings,
                    officials,
                    ..Record::default()
                }
            })
            .collect()
    }

    #[test]
    fn the_clue_index_groups_as_the_pairwise_comparison_did() {
        for (seed, n) in [(1, 40), (2, 200), (3, 600), (0x9e37_79b9, 1500)] {
            let (indexed, pairwise) = both_ways(&crowded(seed, n));
            let merged: usize = pairwise.iter().filter(|g| g.len() > 1).map(Vec::len).sum();
            assert!(merged > n / 4, "seed {seed}: too few reports merged ({merged}) for the check to mean much");
            assert_eq!(indexed, pairwise, "seed {seed}, {n} articles");
        }
    }

    /// The corpus (`../shared/corpus`) extracted, three times over under other sources, as a big archive with
    /// copies: the same groups both ways. Skipped with a message where the shared data is absent.
    #[test]
    fn the_clue_index_groups_the_corpus_as_the_pairwise_comparison_did() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
        let mut paths = Vec::new();
        let mut dirs = vec![dir.clone()];
        while let Some(d) = dirs.pop() {
            for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "txt") {
                    paths.push(path);
                }
            }
        }
        if paths.is_empty() {
            eprintln!("skipped: no corpus at {}", dir.display());
            return;
        }
        paths.sort();
        let records: Vec<Record> = paths
            .iter()
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .map(|text| hoinghi_core::extract(&text, None))
            .collect();
        let copies: Vec<Record> = (0..3)
            .flat_map(|copy| {
                records
                    .iter()
                    .enumerate()
                    .map(move |(i, r)| Record { source: Some(format!("{copy}/{i:04}")), ..r.clone() })
            })
            .collect();
        let (indexed, pairwise) = both_ways(&copies);
        let merged: usize = pairwise.iter().filter(|g| g.len() > 1).map(Vec::len).sum();
        assert!(merged > records.len() / 5, "too few reports merged ({merged}) for the check to mean much");
        assert_eq!(indexed, pairwise);
    }
}
