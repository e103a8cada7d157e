//! What ties the merged facts together, for the page's cards of a meeting and of a document: a meeting's
//! people by name with the person each name is (when the article lists them among its officials), the
//! documents cited in the articles that report a meeting, and the meetings reported by the articles that
//! cite a document.
//!
//! A meeting and a document meet in an article: the merge keeps no finer tie (a citation is a span of the
//! article, a report's sentence another), and an article that reports a meeting is about it.

use std::collections::HashSet;

use crate::canon::fold;
use crate::{Merged, MergedDocument, MergedMeeting, Person};

/// A name in a meeting's list of chairs or attendees, and the person it is, if known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    pub name: String,
    /// A [`Person::id`].
    pub person: Option<usize>,
}

impl Merged {
    /// The person with this [`Person::id`] (ids rise along the list, in a filtered view too).
    pub fn person(&self, id: usize) -> Option<&Person> {
        self.people.binary_search_by_key(&id, |p| p.id).ok().map(|i| &self.people[i])
    }

    /// The meeting with this [`MergedMeeting::id`].
    pub fn meeting(&self, id: usize) -> Option<&MergedMeeting> {
        self.meetings.binary_search_by_key(&id, |m| m.id).ok().map(|i| &self.meetings[i])
    }

    /// The document with this [`MergedDocument::id`].
    pub fn document(&self, id: usize) -> Option<&MergedDocument> {
        self.documents.binary_search_by_key(&id, |d| d.id).ok().map(|i| &self.documents[i])
    }

    /// The meeting's chairs, each name with the person it is.
    pub fn chairs_of(&self, m: &MergedMeeting) -> Vec<Named> {
        self.named(&m.chairs, &m.chair_ids)
    }

    /// The meeting's attendees (never a chair again), each name with the person it is.
    pub fn attendees_of(&self, m: &MergedMeeting) -> Vec<Named> {
        let chairs: HashSet<String> = m.chairs.iter().map(|c| fold(c)).collect();
        let names: Vec<String> = m.attendees.iter().filter(|a| !chairs.contains(&fold(a))).cloned().collect();
        self.named(&names, &m.attendee_ids)
    }

    /// `names` in their order, each joined to the one of `ids` whose name or a spelling of it folds the same;
    /// then any of `ids` no name matched (the merge chose another spelling), by its own name.
    fn named(&self, names: &[String], ids: &[usize]) -> Vec<Named> {
        let people: Vec<&Person> = ids.iter().filter_map(|id| self.person(*id)).collect();
        let mut used: HashSet<usize> = HashSet::new();
        let mut out: Vec<Named> = names
            .iter()
            .map(|name| {
                let key = fold(name);
                let person = people
                    .iter()
                    .find(|p| {
                        !used.contains(&p.id)
                            && (fold(&p.name) == key || p.name_variants.iter().any(|v| fold(v) == key))
                    })
                    .map(|p| p.id);
                used.extend(person);
                Named { name: name.clone(), person }
            })
            .collect();
        out.extend(
            people.iter().filter(|p| !used.contains(&p.id)).map(|p| Named { name: p.name.clone(), person: Some(p.id) }),
        );
        out
    }

    /// The documents cited in the articles that report `m`, in the order of [`Merged::documents`].
    pub fn documents_of(&self, m: &MergedMeeting) -> Vec<&MergedDocument> {
        let sources: HashSet<&str> = m.sources.iter().map(String::as_str).collect();
        self.documents.iter().filter(|d| d.sources.iter().any(|s| sources.contains(s.as_str()))).collect()
    }

    /// The meetings reported by the articles that cite `d`, in the order of [`Merged::meetings`].
    pub fn meetings_citing(&self, d: &MergedDocument) -> Vec<&MergedMeeting> {
        let sources: HashSet<&str> = d.sources.iter().map(String::as_str).collect();
        self.meetings.iter().filter(|m| m.sources.iter().any(|s| sources.contains(s.as_str()))).collect()
    }
}
