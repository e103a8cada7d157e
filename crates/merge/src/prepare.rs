//! One record read once into the keys the merge compares, so that re-merging after an added article
//! only groups keys and folds nothing again. The article text is not kept.

use hoinghi_core::{Precision, Record, Span};

use crate::canon::{day_of, display, fold, phrase_key};
use crate::documents::document_key;
use crate::titles::{read_post, scope_of, PostKey, Scope};

/// Where the date of a stated position comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateFrom {
    /// The article's publish date.
    Published,
    /// The date of the meeting the person chaired or attended (the article has no publish date).
    Meeting,
}

#[derive(Debug, Clone)]
pub(crate) struct Prepared {
    pub source: String,
    pub published: Option<String>,
    pub province: Option<String>,
    pub province_key: Option<String>,
    pub province_today: Option<String>,
    pub officials: Vec<POfficial>,
    pub meetings: Vec<PMeeting>,
    pub documents: Vec<PDocument>,
}

#[derive(Debug, Clone)]
pub(crate) struct POfficial {
    pub name: String,
    pub key: String,
    /// (post as the core expanded it, as the article wrote it, its keys).
    pub titles: Vec<(String, String, PostKey)>,
    pub roles: Vec<String>,
    pub mentions: Vec<Span>,
    pub date: Option<(String, DateFrom)>,
}

#[derive(Debug, Clone)]
pub(crate) struct PMeeting {
    pub date: Option<String>,
    pub date_precision: Option<Precision>,
    pub time_of_day: Option<String>,
    pub kind: String,
    pub kind_key: String,
    pub name: String,
    /// (as written, key, scope).
    pub organizers: Vec<(String, String, Scope)>,
    /// (as written, name key).
    pub chairs: Vec<(String, String)>,
    pub attendees: Vec<(String, String)>,
    pub places: Vec<String>,
    pub evidence: Span,
}

#[derive(Debug, Clone)]
pub(crate) struct PDocument {
    pub number: String,
    pub key: String,
    pub kind: Option<String>,
    pub date: Option<String>,
    pub issuer: Option<String>,
    pub span: Span,
}

/// Reads `record`; `fallback_source` names it when the host left `source` empty.
pub(crate) fn prepare(record: &Record, fallback_source: &str) -> Prepared {
    let source = record.source.clone().filter(|s| !s.is_empty()).unwrap_or_else(|| fallback_source.to_string());
    let published = record.published.as_deref().and_then(day_of);
    let province = record.province.as_deref().map(display).filter(|p| !p.is_empty());
    let province_key = province.as_deref().map(phrase_key);
    let meetings: Vec<PMeeting> = record.meetings.iter().map(|m| prepare_meeting(m, province_key.as_deref())).collect();
    let officials = record.officials.iter().map(|o| prepare_official(o, &published, &meetings)).collect();
    Prepared {
        source,
        province_key,
        province,
        province_today: record.province_today.as_deref().map(display).filter(|p| !p.is_empty()),
        published,
        officials,
        meetings,
        documents: record.documents.iter().map(prepare_document).collect(),
    }
}

fn prepare_official(o: &hoinghi_core::Official, published: &Option<String>, meetings: &[PMeeting]) -> POfficial {
    let name = display(&o.name);
    let key = fold(&name);
    let titles = o
        .titles
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let written = o.titles_as_written.get(i).map(|w| display(w)).unwrap_or_else(|| display(t));
            (display(t), written, read_post(t))
        })
        .filter(|(t, _, _)| !t.is_empty())
        .collect();
    POfficial {
        titles,
        roles: o.roles.iter().map(|r| display(r)).collect(),
        mentions: o.mentions.clone(),
        date: stated_date(&key, published, meetings),
        name,
        key,
    }
}

/// The publish date; else the date of a meeting the person chaired or attended; else of the only dated meeting.
fn stated_date(key: &str, published: &Option<String>, meetings: &[PMeeting]) -> Option<(String, DateFrom)> {
    if let Some(p) = published {
        return Some((p.clone(), DateFrom::Published));
    }
    let takes_part = |m: &&&PMeeting| m.chairs.iter().chain(&m.attendees).any(|(_, k)| k == key);
    let dated: Vec<&PMeeting> = meetings.iter().filter(|m| m.date.is_some()).collect();
    let meeting = dated.iter().find(takes_part).or(if dated.len() == 1 { dated.first() } else { None });
    meeting.and_then(|m| m.date.clone()).map(|d| (d, DateFrom::Meeting))
}

/// The key of an organiser, without the article's own province at its end (`Tỉnh ủy Yên Bái` = `Tỉnh ủy`
/// in an article about Yên Bái), so that outlets that name the province and outlets that do not agree.
fn organiser_key(organiser: &str, province_key: Option<&str>) -> String {
    let key = phrase_key(organiser);
    match province_key.and_then(|p| key.strip_suffix(p)).and_then(|k| k.strip_suffix(' ')) {
        Some(stripped) if !stripped.is_empty() => stripped.to_string(),
        _ => key,
    }
}

fn prepare_meeting(m: &hoinghi_core::Meeting, province_key: Option<&str>) -> PMeeting {
    let people = |names: &[String]| -> Vec<(String, String)> {
        names.iter().map(|n| display(n)).filter(|n| !n.is_empty()).map(|n| (fold(&n), n)).map(|(k, n)| (n, k)).collect()
    };
    PMeeting {
        date: m.date.as_deref().and_then(day_of),
        date_precision: m.date_precision,
        time_of_day: m.time_of_day.clone(),
        kind_key: phrase_key(&m.kind),
        kind: display(&m.kind),
        name: display(&m.name),
        organizers: m
            .organizers
            .iter()
            .map(|o| display(o))
            .filter(|o| !o.is_empty())
            .map(|o| (organiser_key(&o, province_key), scope_of(&o), o))
            .map(|(k, s, o)| (o, k, s))
            .collect(),
        chairs: people(&m.chairs),
        attendees: people(&m.attendees),
        places: m.places.iter().map(|p| display(p)).collect(),
        evidence: m.evidence,
    }
}

fn prepare_document(d: &hoinghi_core::Document) -> PDocument {
    let number = display(&d.number);
    PDocument {
        key: document_key(&number),
        number,
        kind: d.kind.as_deref().map(display).filter(|k| !k.is_empty()),
        date: d.date.as_deref().and_then(day_of),
        issuer: d.issuer.as_deref().map(display).filter(|i| !i.is_empty()),
        span: d.span,
    }
}
