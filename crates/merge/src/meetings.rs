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
pub(crate) fn merge_meetings<'a>(
    records: &[&'a Prepared],
    people: &HashMap<(String, String), usize>,
) -> Vec<MergedMeeting> {
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
    occs.sort_by(|(i, a), (j, b)| {
        let key = |o: &Occ| (o.meeting.date.is_none(), o.meeting.date.clone());
        (key(a), &a.record.source, i).cmp(&(key(b), &b.record.source, j))
    });
    // Only reports of one day can merge: group each day on its own (occs are sorted by date).
    let mut groups: Vec<Vec<Occ>> = Vec::new();
    let mut day_starts = 0;
    for (_, occ) in occs {
        if groups.last().is_some_and(|g| g[0].meeting.date != occ.meeting.date) {
            day_starts = groups.len();
        }
        // An undated report is a meeting of its own (rule 1): no need to look through the others, which would
        // cost the square of their number (thousands in a big archive).
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
    let mut meetings: Vec<MergedMeeting> = groups.iter().map(|g| build_meeting(g)).collect();
    meetings.sort_by(|a, b| {
        (a.date.is_none(), &a.date, &a.kind, &a.sources).cmp(&(b.date.is_none(), &b.date, &b.kind, &b.sources))
    });
    for (id, meeting) in meetings.iter_mut().enumerate() {
        meeting.id = id;
    }
    meetings
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
