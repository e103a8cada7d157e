//! A user's corrections of what the extractor found: facts edited, added or deleted in one article, and
//! people or documents the merge should join or keep apart.
//!
//! Corrections are data, kept apart from the records: [`Corrections::apply`] gives the corrected record of
//! an article (applied before merging, so every table, filter and export sees the corrected facts), and
//! [`Corrections::identity`] the joins and splits the merge's grouping follows ([`crate::Merger::set_identity`]).
//!
//! A fact is found by the article it is in and the span that names it ([`FactRef`]), never by its position
//! in a list, so a correction still finds its fact when the article is extracted again: an official by the
//! first mention of the name, a meeting by its sentence, a document by its citation. Edits are applied in
//! the order they were made; a later edit of the same field of the same fact replaces the earlier one.
//!
//! ```
//! use hoinghi_core::{Official, Record, Span};
//! use hoinghi_merge::corrections::{Change, Corrections, FactRef};
//!
//! let record = Record {
//!     source: Some("a.txt".into()),
//!     officials: vec![Official {
//!         name: "Lê Trí Vũ".into(),
//!         titles: vec!["Trưởng Ban Tuyên giáo".into()],
//!         mentions: vec![Span { start: 10, end: 19 }],
//!         ..Official::default()
//!     }],
//!     ..Record::default()
//! };
//! let mut fixes = Corrections::default();
//! let at = FactRef { source: "a.txt".into(), at: Span { start: 10, end: 19 } };
//! fixes.push(at, Change::OfficialTitles(vec!["Trưởng Ban Dân vận Thành ủy".into()]));
//! let fixed = fixes.apply(&record).unwrap();
//! assert_eq!(fixed.officials[0].titles, ["Trưởng Ban Dân vận Thành ủy"]);
//! ```

use std::collections::{BTreeSet, HashSet};

use hoinghi_core::{Official, Precision, Record, Role, Span};
use serde::{Deserialize, Serialize};

/// A fact in one article: the article's source and the span naming the fact (an official's first
/// mention, a meeting's sentence, a document's citation).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct FactRef {
    pub source: String,
    pub at: Span,
}

/// What a correction changes. Lists (titles, chairs, organisers) are given whole: the list as the user
/// left it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    OfficialName(String),
    OfficialTitles(Vec<String>),
    /// An official the extractor missed, named at the span (the user's selection).
    OfficialAdd {
        name: String,
        titles: Vec<String>,
    },
    OfficialDelete,
    /// `YYYY-MM-DD`, or none when the article does not say.
    MeetingDate(Option<String>),
    MeetingKind(String),
    MeetingChairs(Vec<String>),
    MeetingOrganizers(Vec<String>),
    DocumentNumber(String),
    DocumentIssuer(Option<String>),
    DocumentDelete,
    /// The official is the same person as the official at this other fact.
    SamePerson(FactRef),
    /// The official is a person of their own, whatever the merge's rule says.
    OtherPerson,
    /// The document is the same as the document at this other citation.
    SameDocument(FactRef),
    /// The user read the article and found its facts right as they stand (the fact's span is empty): it
    /// counts as corrected, for the gold export.
    ArticleChecked,
}

impl Change {
    /// Which field of a fact the change sets: a later change of the same field replaces an earlier one.
    fn field(&self) -> &'static str {
        match self {
            Change::OfficialName(_) => "official.name",
            Change::OfficialTitles(_) => "official.titles",
            Change::OfficialAdd { .. } => "official.add",
            Change::OfficialDelete => "official.delete",
            Change::MeetingDate(_) => "meeting.date",
            Change::MeetingKind(_) => "meeting.kind",
            Change::MeetingChairs(_) => "meeting.chairs",
            Change::MeetingOrganizers(_) => "meeting.organizers",
            Change::DocumentNumber(_) => "document.number",
            Change::DocumentIssuer(_) => "document.issuer",
            Change::DocumentDelete => "document.delete",
            // Identity choices about one fact: the latest one stands (a split undoes a join and the reverse).
            Change::SamePerson(_) | Change::OtherPerson => "person",
            Change::SameDocument(_) => "document.same",
            Change::ArticleChecked => "article.checked",
        }
    }
}

/// One correction: a change to the fact at `fact`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Edit {
    pub fact: FactRef,
    pub change: Change,
}

/// The joins and splits the merge follows, from the identity corrections.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Identity {
    /// Pairs of officials (source, first mention) that are one person.
    pub same_people: Vec<(FactRef, FactRef)>,
    /// Officials that are a person of their own.
    pub other_people: HashSet<FactRef>,
    /// Pairs of citations that cite one document.
    pub same_documents: Vec<(FactRef, FactRef)>,
}

impl Identity {
    pub fn is_empty(&self) -> bool {
        self.same_people.is_empty() && self.other_people.is_empty() && self.same_documents.is_empty()
    }
}

/// Why a correction was refused: a message in Vietnamese the user can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    EmptyName,
    BadDate(String),
    EmptyNumber,
    SameFact,
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refused::EmptyName => f.write_str("Tên không được để trống."),
            Refused::BadDate(d) => write!(f, "Ngày “{d}” không đúng dạng năm-tháng-ngày (ví dụ 2024-06-17)."),
            Refused::EmptyNumber => f.write_str("Số hiệu văn bản không được để trống."),
            Refused::SameFact => f.write_str("Hãy chọn một người (hoặc văn bản) khác để gộp."),
        }
    }
}

/// Every correction, in the order made.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Corrections {
    pub edits: Vec<Edit>,
}

/// Whether `d` is a day `YYYY-MM-DD` that exists.
fn is_day(d: &str) -> bool {
    d.len() == 10 && hoinghi_core::Date::parse_iso(d).is_some_and(|p| p.to_string() == d)
}

/// Trimmed items, empty ones left out, each once.
fn clean_list(items: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in items.iter().map(|i| i.split_whitespace().collect::<Vec<_>>().join(" ")) {
        if !item.is_empty() && !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Corrections {
    pub fn is_empty(&self) -> bool {
        self.edits.is_empty()
    }

    /// Checks and tidies a change (names trimmed, lists without empty or repeated items).
    pub fn check(fact: &FactRef, change: Change) -> Result<Change, Refused> {
        Ok(match change {
            Change::OfficialName(n) => {
                Change::OfficialName(Some(clean(&n)).filter(|n| !n.is_empty()).ok_or(Refused::EmptyName)?)
            }
            Change::OfficialAdd { name, titles } => Change::OfficialAdd {
                name: Some(clean(&name)).filter(|n| !n.is_empty()).ok_or(Refused::EmptyName)?,
                titles: clean_list(&titles),
            },
            Change::OfficialTitles(t) => Change::OfficialTitles(clean_list(&t)),
            Change::MeetingDate(Some(d)) if d.trim().is_empty() => Change::MeetingDate(None),
            Change::MeetingDate(Some(d)) if !is_day(d.trim()) => return Err(Refused::BadDate(d)),
            Change::MeetingDate(d) => Change::MeetingDate(d.map(|d| d.trim().to_string())),
            Change::MeetingKind(k) => Change::MeetingKind(clean(&k)),
            Change::MeetingChairs(c) => Change::MeetingChairs(clean_list(&c)),
            Change::MeetingOrganizers(o) => Change::MeetingOrganizers(clean_list(&o)),
            Change::DocumentNumber(n) => {
                Change::DocumentNumber(Some(clean(&n)).filter(|n| !n.is_empty()).ok_or(Refused::EmptyNumber)?)
            }
            Change::DocumentIssuer(i) => Change::DocumentIssuer(i.map(|i| clean(&i)).filter(|i| !i.is_empty())),
            Change::SamePerson(other) | Change::SameDocument(other) if &other == fact => return Err(Refused::SameFact),
            other => other,
        })
    }

    /// Adds a correction (checked by [`Corrections::check`]), replacing an earlier one of the same field of
    /// the same fact.
    pub fn push(&mut self, fact: FactRef, change: Change) -> Result<(), Refused> {
        let change = Corrections::check(&fact, change)?;
        let field = change.field();
        self.edits.retain(|e| !(e.fact == fact && e.change.field() == field));
        self.edits.push(Edit { fact, change });
        Ok(())
    }

    /// Whether any correction is about the article `source`.
    pub fn touches(&self, source: &str) -> bool {
        self.edits.iter().any(|e| e.fact.source == source || other_fact(&e.change).is_some_and(|f| f.source == source))
    }

    /// The articles corrected, sorted.
    pub fn sources(&self) -> BTreeSet<&str> {
        self.edits
            .iter()
            .flat_map(|e| std::iter::once(&e.fact).chain(other_fact(&e.change)))
            .map(|f| f.source.as_str())
            .collect()
    }

    /// Every fact a correction is about (both sides of a join), for the "đã sửa" marks.
    pub fn marked(&self) -> HashSet<FactRef> {
        self.edits.iter().flat_map(|e| std::iter::once(&e.fact).chain(other_fact(&e.change))).cloned().collect()
    }

    /// The corrected record of an article; `None` when nothing in it is corrected (use the record as it is).
    pub fn apply(&self, record: &Record) -> Option<Record> {
        let source = record.source.as_deref()?;
        let mut edits = self.edits.iter().filter(|e| e.fact.source == source).peekable();
        edits.peek()?;
        let mut out = record.clone();
        for edit in edits {
            apply_edit(&mut out, edit.fact.at, &edit.change);
        }
        Some(out)
    }

    /// The joins and splits for the merge. An official split off after a join is no longer joined by it.
    pub fn identity(&self) -> Identity {
        let mut identity = Identity::default();
        for e in &self.edits {
            match &e.change {
                Change::SamePerson(other) => {
                    identity.other_people.remove(&e.fact);
                    identity.same_people.push((e.fact.clone(), other.clone()));
                }
                Change::OtherPerson => {
                    identity.same_people.retain(|(a, b)| a != &e.fact && b != &e.fact);
                    identity.other_people.insert(e.fact.clone());
                }
                Change::SameDocument(other) => identity.same_documents.push((e.fact.clone(), other.clone())),
                _ => {}
            }
        }
        identity
    }
}

impl Corrections {
    /// These corrections (this tab's) with what another tab changed: `theirs` is what the other tab kept, `base`
    /// what this tab last read or kept itself, so the other tab's edits are those in `theirs` and not in `base`
    /// (appended, or replacing this tab's edit of the same field of the same fact) and its removals (an undo, a
    /// field changed again) those in `base` and not in `theirs`. Where both tabs changed the same field of the
    /// same fact since `base`, this tab's edit stays: it is the one being kept now. Taking the same changes
    /// twice changes nothing.
    ///
    /// ```
    /// use hoinghi_core::Span;
    /// use hoinghi_merge::corrections::{Change, Corrections, FactRef};
    ///
    /// let at = |start| FactRef { source: "a.txt".into(), at: Span { start, end: start + 5 } };
    /// let base = Corrections::default();
    /// // Tab A kept a correction; tab B, which never saw it, made one of its own.
    /// let mut theirs = base.clone();
    /// theirs.push(at(0), Change::OfficialName("Lê Trí Vũ".into())).unwrap();
    /// let mut ours = base.clone();
    /// ours.push(at(40), Change::OfficialDelete).unwrap();
    /// let both = ours.rebased(&base, &theirs);
    /// assert_eq!(both.edits, [theirs.edits[0].clone(), ours.edits[0].clone()]);
    /// ```
    pub fn rebased(&self, base: &Corrections, theirs: &Corrections) -> Corrections {
        if theirs == base {
            return self.clone();
        }
        let key = |e: &Edit| (e.fact.clone(), e.change.field());
        let in_base = |e: &Edit| base.edits.contains(e);
        let removed: Vec<&Edit> = base.edits.iter().filter(|e| !theirs.edits.contains(e)).collect();
        let added = theirs.edits.iter().filter(|e| !in_base(e));
        let (kept, mine): (Vec<&Edit>, Vec<&Edit>) = self.edits.iter().partition(|e| in_base(e));
        let mine_keys: Vec<_> = mine.iter().map(|e| key(e)).collect();
        let mut out: Vec<Edit> = kept.into_iter().filter(|e| !removed.contains(e)).cloned().collect();
        for e in added.filter(|e| !mine_keys.contains(&key(e))) {
            let k = key(e);
            out.retain(|o| key(o) != k);
            out.push(e.clone());
        }
        for e in mine {
            let k = key(e);
            out.retain(|o| key(o) != k);
            out.push(e.clone());
        }
        Corrections { edits: out }
    }
}

/// The other fact a join names.
fn other_fact(change: &Change) -> Option<&FactRef> {
    match change {
        Change::SamePerson(f) | Change::SameDocument(f) => Some(f),
        _ => None,
    }
}

/// The official whose name is first mentioned at `at`.
fn official_at(record: &mut Record, at: Span) -> Option<&mut Official> {
    record.officials.iter_mut().find(|o| o.mentions.first() == Some(&at))
}

fn set_titles(o: &mut Official, titles: &[String]) {
    o.titles = titles.to_vec();
    o.titles_as_written = titles.to_vec();
    // The parts were read from the extracted titles: the merge reads the corrected ones again.
    o.positions.clear();
}

fn apply_edit(record: &mut Record, at: Span, change: &Change) {
    match change {
        Change::OfficialName(name) => {
            if let Some(o) = official_at(record, at) {
                let old = std::mem::replace(&mut o.name, name.clone());
                rename_in_meetings(record, &old, name);
            }
        }
        Change::OfficialTitles(titles) => {
            if let Some(o) = official_at(record, at) {
                set_titles(o, titles);
            }
        }
        Change::OfficialAdd { name, titles } => match official_at(record, at) {
            Some(o) => {
                o.name = name.clone();
                set_titles(o, titles);
            }
            None => {
                let mut o = Official { name: name.clone(), mentions: vec![at], ..Official::default() };
                set_titles(&mut o, titles);
                record.officials.push(o);
            }
        },
        Change::OfficialDelete => record.officials.retain(|o| o.mentions.first() != Some(&at)),
        Change::MeetingDate(date) => {
            if let Some(m) = record.meetings.iter_mut().find(|m| m.evidence == at) {
                m.date = date.clone();
                m.date_precision = date.as_ref().map(|_| Precision::Day);
            }
        }
        Change::MeetingKind(kind) => {
            if let Some(m) = record.meetings.iter_mut().find(|m| m.evidence == at) {
                m.kind = kind.clone();
            }
        }
        Change::MeetingChairs(chairs) => {
            if let Some(m) = record.meetings.iter_mut().find(|m| m.evidence == at) {
                m.chairs = chairs.clone();
            }
            mark_chairs(record, chairs);
        }
        Change::MeetingOrganizers(organizers) => {
            if let Some(m) = record.meetings.iter_mut().find(|m| m.evidence == at) {
                m.organizers = organizers.clone();
            }
        }
        Change::DocumentNumber(number) => {
            if let Some(d) = record.documents.iter_mut().find(|d| d.span == at) {
                d.number = number.clone();
            }
        }
        Change::DocumentIssuer(issuer) => {
            if let Some(d) = record.documents.iter_mut().find(|d| d.span == at) {
                d.issuer = issuer.clone();
            }
        }
        Change::DocumentDelete => record.documents.retain(|d| d.span != at),
        Change::SamePerson(_) | Change::OtherPerson | Change::SameDocument(_) | Change::ArticleChecked => {}
    }
}

/// The meetings' chairs and attendees named `old` are named `new`: a name corrected once is corrected
/// wherever the article gives it.
fn rename_in_meetings(record: &mut Record, old: &str, new: &str) {
    let old = crate::canon::fold(old);
    for m in &mut record.meetings {
        for person in m.chairs.iter_mut().chain(m.attendees.iter_mut()) {
            if crate::canon::fold(person) == old {
                *person = new.to_string();
            }
        }
    }
}

/// An official named as a chair chairs: the role follows the corrected list.
fn mark_chairs(record: &mut Record, chairs: &[String]) {
    let fold = |s: &str| crate::canon::fold(s);
    let chair_keys: HashSet<String> = chairs.iter().map(|c| fold(c)).collect();
    for o in &mut record.officials {
        let chairs = chair_keys.contains(&fold(&o.name));
        if chairs && !o.roles.iter().any(|r| matches!(r, Role::Chair | Role::CoChair)) {
            o.roles.insert(0, Role::Chair);
        }
    }
}

// ---------------------------------------------------------------- undo history

/// How many changes can be undone; the history (undo and redo together) never holds more states.
pub const UNDO_DEPTH: usize = 200;

/// The corrections as they were before each change (to undo) and after each undone one (to redo).
///
/// ```
/// use hoinghi_core::Span;
/// use hoinghi_merge::corrections::{Change, Corrections, FactRef, History};
///
/// let at = FactRef { source: "a.txt".into(), at: Span { start: 0, end: 9 } };
/// let mut now = Corrections::default();
/// let mut history = History::default();
/// history.record(now.clone());
/// now.push(at, Change::OfficialName("Lê Trí Vũ".into())).unwrap();
/// // Kept across a reload: the steps, then the history again from them and the corrections.
/// let saved = history.saved(&now);
/// let mut history = History::restore(&saved, &now).unwrap();
/// assert_eq!(history.undo(&now), Some(Corrections::default()));
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    /// Oldest first: the last is what "undo" goes back to.
    undo: Vec<Corrections>,
    /// Furthest first: the last is what "redo" brings back.
    redo: Vec<Corrections>,
}

impl History {
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    pub fn is_empty(&self) -> bool {
        self.undo.is_empty() && self.redo.is_empty()
    }

    /// A change was made to the corrections `before`: it can be undone (the oldest step goes beyond
    /// [`UNDO_DEPTH`]), and what was undone before it can no longer be redone.
    pub fn record(&mut self, before: Corrections) {
        self.undo.push(before);
        if self.undo.len() > UNDO_DEPTH {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// The corrections to go back to from `now` (then `now` can be redone); `None` when there is nothing to undo.
    pub fn undo(&mut self, now: &Corrections) -> Option<Corrections> {
        let before = self.undo.pop()?;
        self.redo.push(now.clone());
        Some(before)
    }

    /// The corrections the last undo left (then `now` can be undone again); `None` when there is nothing to redo.
    pub fn redo(&mut self, now: &Corrections) -> Option<Corrections> {
        let after = self.redo.pop()?;
        self.undo.push(now.clone());
        Some(after)
    }

    /// The history with each state it holds passed through `f`: another tab's changes taken into every state
    /// (see [`Corrections::rebased`]), so that an undo here takes back only what was done here.
    pub fn map(&self, f: impl Fn(&Corrections) -> Corrections) -> History {
        History { undo: self.undo.iter().map(&f).collect(), redo: self.redo.iter().map(&f).collect() }
    }

    /// The history as kept across reloads beside the corrections `now`: each state written as the [`Step`]
    /// from its neighbour (a change touches an edit or two), so two hundred states of a thousand corrections
    /// take kilobytes, not the megabytes of two hundred copies.
    pub fn saved(&self, now: &Corrections) -> SavedHistory {
        let undo = self.undo.iter().chain(std::iter::once(now)).collect::<Vec<_>>();
        let redo = std::iter::once(now).chain(self.redo.iter().rev()).collect::<Vec<_>>();
        let steps =
            |chain: &[&Corrections]| chain.windows(2).map(|w| Step::between(&w[0].edits, &w[1].edits)).collect();
        SavedHistory { undo: steps(&undo), redo: steps(&redo) }
    }

    /// The history [`History::saved`] wrote, beside the corrections `now`. Refused when the steps do not lead
    /// to `now` (the corrections were kept without them, by an earlier version of the page) or there are more
    /// than the history holds.
    pub fn restore(saved: &SavedHistory, now: &Corrections) -> Result<History, BadHistory> {
        if saved.undo.len() + saved.redo.len() > UNDO_DEPTH {
            return Err(BadHistory::TooLong(saved.undo.len() + saved.redo.len()));
        }
        let mut undo = Vec::with_capacity(saved.undo.len());
        let mut state = now.edits.clone();
        for step in saved.undo.iter().rev() {
            state = step.back(&state).ok_or(BadHistory::DoesNotFit)?;
            undo.push(Corrections { edits: state.clone() });
        }
        undo.reverse();
        let mut redo = Vec::with_capacity(saved.redo.len());
        let mut state = now.edits.clone();
        for step in &saved.redo {
            state = step.forward(&state).ok_or(BadHistory::DoesNotFit)?;
            redo.push(Corrections { edits: state.clone() });
        }
        redo.reverse();
        Ok(History { undo, redo })
    }
}

/// The undo history as kept (JSON, beside the corrections it leads to): the steps between its states.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SavedHistory {
    /// From the oldest state that can be undone to the next, ..., the last one leading to the corrections now.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub undo: Vec<Step>,
    /// From the corrections now to what "redo" brings back, then to the next, ...
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub redo: Vec<Step>,
}

impl SavedHistory {
    pub fn is_empty(&self) -> bool {
        self.undo.is_empty() && self.redo.is_empty()
    }
}

/// Why a kept history was not taken back; the corrections themselves are kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BadHistory {
    DoesNotFit,
    TooLong(usize),
}

impl std::fmt::Display for BadHistory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BadHistory::DoesNotFit => f.write_str("lịch sử không khớp với các chỗ đã sửa"),
            BadHistory::TooLong(n) => write!(f, "lịch sử quá dài ({n} bước, tối đa {UNDO_DEPTH})"),
        }
    }
}

/// How one list of edits becomes the next: the edits taken out (with their places in the older list) and
/// those appended. Any two lists are a step apart (at worst every edit out, every edit in); a correction is
/// an edit or two, as [`Corrections::push`] replaces an edit by appending its successor.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Step {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub removed: Vec<(usize, Edit)>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub added: Vec<Edit>,
}

impl Step {
    /// The step from `older` to `newer`: the longest run of `older`'s edits (in order) that begins `newer` is
    /// kept, the others are taken out, and the rest of `newer` is appended.
    pub fn between(older: &[Edit], newer: &[Edit]) -> Step {
        let mut kept = 0;
        let mut removed = Vec::new();
        for (i, e) in older.iter().enumerate() {
            if newer.get(kept) == Some(e) {
                kept += 1;
            } else {
                removed.push((i, e.clone()));
            }
        }
        Step { removed, added: newer[kept..].to_vec() }
    }

    /// `newer` from `older`; `None` when the edits taken out are not where the step says.
    pub fn forward(&self, older: &[Edit]) -> Option<Vec<Edit>> {
        let mut out = Vec::with_capacity(older.len() + self.added.len());
        let mut removed = self.removed.iter().peekable();
        for (i, e) in older.iter().enumerate() {
            match removed.peek() {
                Some((at, gone)) if *at == i => {
                    if gone != e {
                        return None;
                    }
                    removed.next();
                }
                _ => out.push(e.clone()),
            }
        }
        if removed.next().is_some() {
            return None;
        }
        out.extend(self.added.iter().cloned());
        Some(out)
    }

    /// `older` from `newer`; `None` when `newer` does not end with the edits appended, or the places of
    /// those taken out do not fit.
    pub fn back(&self, newer: &[Edit]) -> Option<Vec<Edit>> {
        let kept = newer.len().checked_sub(self.added.len())?;
        if newer[kept..] != self.added[..] {
            return None;
        }
        let mut out = Vec::with_capacity(kept + self.removed.len());
        let mut rest = newer[..kept].iter();
        for (at, e) in &self.removed {
            while out.len() < *at {
                out.push(rest.next()?.clone());
            }
            if out.len() != *at {
                return None;
            }
            out.push(e.clone());
        }
        out.extend(rest.cloned());
        Some(out)
    }
}
