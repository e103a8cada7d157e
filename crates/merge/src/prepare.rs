//! One record read once into the keys the merge compares, so that re-merging after an added article
//! only groups keys and folds nothing again. The article text is not kept.

use std::collections::HashMap;

use hoinghi_core::{Position, Precision, Record, Span};

use crate::canon::{day_of, display, fold, phrase_key};
use crate::documents::document_key;
use crate::titles::{read_position, read_post, scope_of_key, PostKey, Scope};

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
    pub province_today_key: Option<String>,
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
    /// (as written, key).
    pub roles: Vec<(String, String)>,
    pub mentions: Vec<Span>,
    pub date: Option<(String, DateFrom)>,
    /// The province a local (or unknown-scope) post ties the person to: the one the post names
    /// (`Bí thư Tỉnh ủy Yên Bái`), else the article's. `None` for national posts only.
    pub locality: Option<Locality>,
}

/// A province as shown and as keyed, with today's unit.
#[derive(Debug, Clone)]
pub(crate) struct Locality {
    pub name: String,
    pub key: String,
    pub today: Option<String>,
    pub today_key: Option<String>,
}

#[derive(Debug, Clone)]
pub(crate) struct PMeeting {
    pub date: Option<String>,
    pub date_precision: Option<Precision>,
    pub time_of_day: Option<String>,
    pub time_key: Option<String>,
    pub kind: String,
    pub kind_key: String,
    pub name: String,
    /// (as written, key, scope).
    pub organizers: Vec<(String, String, Scope)>,
    /// (as written, name key).
    pub chairs: Vec<(String, String)>,
    pub attendees: Vec<(String, String)>,
    /// (as written, key).
    pub places: Vec<(String, String)>,
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

/// Keys already computed, by the text they were computed from: posts, names and kinds repeat across
/// articles, so each distinct spelling is folded once per merge (or once per [`crate::Merger`]).
#[derive(Debug, Default, Clone)]
pub(crate) struct Keys {
    folded: HashMap<String, String>,
    phrases: HashMap<String, String>,
    posts: HashMap<String, PostKey>,
    positions: HashMap<(String, Position), PostKey>,
}

impl Keys {
    fn fold(&mut self, text: &str) -> String {
        memo(&mut self.folded, text, fold)
    }

    fn phrase(&mut self, text: &str) -> String {
        memo(&mut self.phrases, text, phrase_key)
    }

    fn post(&mut self, title: &str) -> PostKey {
        memo(&mut self.posts, title, read_post)
    }

    fn position(&mut self, title: &str, position: &Position) -> PostKey {
        let key = (title.to_string(), position.clone());
        if let Some(v) = self.positions.get(&key) {
            return v.clone();
        }
        let v = read_position(title, position);
        self.positions.insert(key, v.clone());
        v
    }
}

fn memo<V: Clone>(map: &mut HashMap<String, V>, text: &str, compute: fn(&str) -> V) -> V {
    if let Some(v) = map.get(text) {
        return v.clone();
    }
    let v = compute(text);
    map.insert(text.to_string(), v.clone());
    v
}

/// Reads `record`; `fallback_source` names it when the host left `source` empty.
pub(crate) fn prepare(record: &Record, fallback_source: &str, keys: &mut Keys) -> Prepared {
    let source = record.source.clone().filter(|s| !s.is_empty()).unwrap_or_else(|| fallback_source.to_string());
    let published = record.published.as_deref().and_then(day_of);
    let province = record.province.as_deref().map(display).filter(|p| !p.is_empty());
    let province_key = province.as_deref().map(|p| keys.phrase(p));
    let meetings: Vec<PMeeting> =
        record.meetings.iter().map(|m| prepare_meeting(m, province_key.as_deref(), keys)).collect();
    let here = province.as_ref().map(|name| Locality {
        name: name.clone(),
        key: province_key.clone().unwrap_or_default(),
        today: record.province_today.as_deref().map(display).filter(|p| !p.is_empty()),
        today_key: record.province_today.as_deref().map(|p| keys.phrase(p)).filter(|p| !p.is_empty()),
    });
    let officials =
        record.officials.iter().map(|o| prepare_official(o, &published, &meetings, here.as_ref(), keys)).collect();
    Prepared {
        source,
        province_key,
        province,
        province_today: record.province_today.as_deref().map(display).filter(|p| !p.is_empty()),
        province_today_key: record.province_today.as_deref().map(|p| keys.phrase(p)).filter(|p| !p.is_empty()),
        published,
        officials,
        meetings,
        documents: record.documents.iter().map(|d| prepare_document(d, keys)).collect(),
    }
}

/// Each non-empty item as shown, with its folded key.
fn keyed(items: &[String], keys: &mut Keys) -> Vec<(String, String)> {
    items
        .iter()
        .map(|i| display(i))
        .filter(|i| !i.is_empty())
        .map(|i| (keys.fold(&i), i))
        .map(|(k, i)| (i, k))
        .collect()
}

fn prepare_official(
    o: &hoinghi_core::Official,
    published: &Option<String>,
    meetings: &[PMeeting],
    here: Option<&Locality>,
    keys: &mut Keys,
) -> POfficial {
    let name = display(&o.name);
    let key = keys.fold(&name);
    let titles = o
        .titles
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let written = o.titles_as_written.get(i).map(|w| display(w)).unwrap_or_else(|| display(t));
            // The core's parts when the record has them (parallel to `titles`), else the string read again.
            let post = match o.positions.get(i).filter(|_| o.positions.len() == o.titles.len()) {
                Some(position) => keys.position(t, position),
                None => keys.post(t),
            };
            (display(t), written, post)
        })
        .filter(|(t, _, _)| !t.is_empty())
        .collect::<Vec<(String, String, PostKey)>>();
    let local: Vec<&PostKey> = titles.iter().map(|(_, _, p)| p).filter(|p| p.scope != Scope::National).collect();
    let named = local.iter().find_map(|p| p.province).map(|name| {
        let today = hoinghi_core::places::province_named(name).map(|p| p.today);
        Locality {
            name: name.to_string(),
            key: keys.phrase(name),
            today: today.map(str::to_string),
            today_key: today.map(|t| keys.phrase(t)),
        }
    });
    let locality = if local.is_empty() { None } else { named.or_else(|| here.cloned()) };
    POfficial {
        locality,
        titles,
        roles: keyed(&o.roles.iter().map(|r| r.to_string()).collect::<Vec<_>>(), keys),
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
fn organiser_key(organiser: &str, province_key: Option<&str>, keys: &mut Keys) -> String {
    let key = keys.phrase(organiser);
    match province_key.and_then(|p| key.strip_suffix(p)).and_then(|k| k.strip_suffix(' ')) {
        Some(stripped) if !stripped.is_empty() => stripped.to_string(),
        _ => key,
    }
}

fn prepare_meeting(m: &hoinghi_core::Meeting, province_key: Option<&str>, keys: &mut Keys) -> PMeeting {
    PMeeting {
        date: m.date.as_deref().and_then(day_of),
        date_precision: m.date_precision,
        time_of_day: m.time_of_day.map(|t| t.to_string()),
        time_key: m.time_of_day.map(|t| keys.fold(t.as_str())),
        kind_key: keys.phrase(&m.kind),
        kind: display(&m.kind),
        name: display(&m.name),
        organizers: m
            .organizers
            .iter()
            .map(|o| display(o))
            .filter(|o| !o.is_empty())
            .map(|o| {
                let key = organiser_key(&o, province_key, keys);
                (o, key.clone(), scope_of_key(&key))
            })
            .collect(),
        chairs: keyed(&m.chairs, keys),
        attendees: keyed(&m.attendees, keys),
        places: keyed(&m.places, keys),
        evidence: m.evidence,
    }
}

fn prepare_document(d: &hoinghi_core::Document, _keys: &mut Keys) -> PDocument {
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
