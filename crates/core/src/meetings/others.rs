//! The other meetings an article reports beside its lead's: a meeting its body names together with who holds it.
//!
//! News of one meeting often reports others: the meeting it prepares (`Kỳ họp bất thường HĐND TP Hải Phòng dự
//! kiến diễn ra ngày 28/2`), the one before it (`Trước đó sáng 13/4, tại cuộc họp Ban chỉ đạo, ...`), the one the
//! decision goes to (`Dự kiến chiều nay 15/4, Thường trực Chính phủ họp ...`). A mention counts when the
//! sentence says who holds the meeting, inside its noun phrase (`cuộc họp thường trực Chính phủ`) or as the
//! subject whose verb it is (`Thường trực Chính phủ họp`, `UBND tỉnh đã có các cuộc họp`): a bare `tại cuộc họp`
//! is the lead's meeting again, or too little to place. A meeting named without its day (`sẽ ... tại kỳ họp
//! thứ 9`, `Hội nghị Trung ương vừa rồi`) is too little to place; one awaited (`trước kỳ họp thứ 3`), cited or
//! called off is no meeting (see [`super::phrases`]).

use std::collections::hash_map::Entry;
use std::hash::{Hash, Hasher};
use std::ops::Range;

use crate::fasthash::{FxHashMap as HashMap, FxHasher};

use crate::abbreviations::Definitions;
use crate::calendar::Date;
use crate::classes::{self, Class};
use crate::dates::{date_mentions, resolve_in_context, DateMention};
use crate::record::PartOfDay;
use crate::tokens::{Cursor, Token};

use super::bodies::{body_end, clause_starts, fronted_holder, names_of, subject_and_verb_at};
use super::phrases::{with_classifier, Phrase};
use super::when::{dates_a_report, words_of};

/// A meeting named in a sentence with its holders.
pub(super) struct Mention {
    pub kind: &'static str,
    /// The sentence's tokens that name it.
    pub phrase: Range<usize>,
    pub sentence: Range<usize>,
    pub organizers: Vec<String>,
    pub date: Option<Date>,
    pub time_of_day: Option<PartOfDay>,
}

/// What the other meetings' days are read with: the publish date, and which date mentions date something else
/// (a document, an anniversary's span).
pub(super) struct Context<'a> {
    pub published: Option<Date>,
    pub keep: &'a dyn Fn(&DateMention) -> bool,
    pub defs: &'a Definitions,
}

/// The meetings the body's sentences name with their holders, in order, except the lead's own phrase (`lead`, a
/// byte range). Mentions of the same holders on the same day are one meeting. A mention without its day is too
/// little to place on a timeline (one cited, `Hội nghị Trung ương vừa rồi`; an instruction, `UBND tỉnh làm việc
/// với Bộ ...`): the caller only reads it for the holder of the lead's meeting.
pub(super) fn mentions(
    text: &str,
    tokens: &[Token],
    body: &super::Body,
    lead: &Range<usize>,
    cx: &Context,
) -> Vec<Mention> {
    let body_sentences = body.sentences;
    let mut out: Vec<Mention> = Vec::new();
    // The mentions kept so far by their day and their holders' words: a mention finds the first of its own day
    // with the same holders in a few lookups, however many the article lists.
    let mut kept = SameHolders::default();
    // The folded holders of each mention in `out`, kept beside it: a lookup compares with them, and folding them
    // again at each comparison cost more than the rest of the stage.
    let mut out_holders: Vec<Folded> = Vec::new();
    let mut folder = Folder::default();
    let mut cursor = Cursor::new(tokens);
    // Each sentence's phrases' bytes and clause starts, in buffers kept from one sentence to the next (a long
    // list of meetings has hundreds of thousands of sentences).
    let mut spans: Vec<Range<usize>> = Vec::new();
    let mut clause_buf: Vec<usize> = Vec::new();
    for (sentence, phrases) in body.sentences.iter().zip(body.phrases) {
        let words = cursor.within(sentence);
        spans.clear();
        spans.extend(phrases.iter().map(|p| words[p.tokens.start].range().start..words[p.tokens.end - 1].range().end));
        // The sentence's days, read once when a phrase in it has holders.
        let mut days: Option<Vec<DateMention>> = None;
        // Where its clauses start, read once for all its phrases (a long run without a full stop has hundreds).
        let mut clauses_read = false;
        for (phrase, bytes) in phrases.iter().zip(&spans) {
            if bytes.start < lead.end && lead.start < bytes.end {
                continue;
            }
            // "(Hội nghị Trung ương 4)": the short name of a meeting named just before, not another one.
            let bracketed = phrase.tokens.start > 0 && words[phrase.tokens.start - 1].is_punct('(');
            if bracketed || awaited(words, phrase.tokens.start) {
                continue;
            }
            if !clauses_read {
                clause_buf.clear();
                clause_buf.extend(clause_starts(words));
                clauses_read = true;
            }
            let organizers = holders(tokens, words, &clause_buf, text, phrase, cx.defs);
            if organizers.is_empty() {
                continue;
            }
            let days = days.get_or_insert_with(|| {
                let day = |m: &DateMention| (cx.keep)(m) && (m.day.is_some() || m.relative.is_some());
                let mut days = date_mentions(text, sentence.clone());
                days.retain(day);
                days
            });
            let (date, time_of_day) = day_of(text, body_sentences, sentence, days, &spans, bytes, cx);
            let holder_words = folder.folded(&organizers);
            if let Some(i) = kept.first(date, &holder_words, &out_holders) {
                // [`keep_longer`] changes a name only for a longer one: most repeats name their holders alike.
                if !organizers.iter().any(|o| out[i].organizers.iter().any(|n| o.len() > n.len())) {
                    continue;
                }
                let mut longer = out[i].organizers.clone();
                keep_longer(&mut longer, &organizers);
                if longer != out[i].organizers {
                    kept.remove(i, date, &out_holders[i]);
                    out_holders[i] = stored(folder.folded(&longer));
                    kept.insert(i, date, &out_holders[i]);
                    out[i].organizers = longer;
                }
                continue;
            }
            kept.insert(out.len(), date, &holder_words);
            out_holders.push(stored(holder_words));
            out.push(Mention {
                kind: phrase.kind,
                phrase: phrase.tokens.clone(),
                sentence: sentence.clone(),
                organizers,
                date,
                time_of_day,
            });
        }
    }
    out
}

/// The mentions kept so far, indexed so that a new one finds the first of its day whose holders are the same as
/// its own by [`same_holders`] without comparing it with each: two names are the same holder when one is the other's
/// start or end, word for word, so a name is filed under its whole words and under each of its starts and ends,
/// and a new name looks up its own words among the starts and ends, and its starts and ends among the wholes.
/// (Compared one by one, a list of thousands of meetings on one day would cost the square of its length.) A key is
/// a hash of the day and the words, small for an article that lists thousands; a mention found under one is checked
/// with [`same_holders`], so two words that hash alike cost a comparison, never a wrong merge.
#[derive(Default)]
struct SameHolders {
    filed: HashMap<u64, Filed>,
}

/// The mentions filed under one key, in order: nearly always one.
enum Filed {
    One(u32),
    Many(Vec<u32>),
}

impl Filed {
    fn as_slice(&self) -> &[u32] {
        match self {
            Filed::One(i) => std::slice::from_ref(i),
            Filed::Many(v) => v,
        }
    }
    /// Adds `i` in its place (a new mention comes last: no move).
    fn insert(&mut self, i: u32) {
        match self {
            Filed::One(j) if *j != i => *self = Filed::Many(if *j < i { vec![*j, i] } else { vec![i, *j] }),
            Filed::One(_) => {}
            Filed::Many(v) => {
                if let Err(at) = v.binary_search(&i) {
                    v.insert(at, i);
                }
            }
        }
    }
    /// Takes `i` out; whether none is left.
    fn remove(&mut self, i: u32) -> bool {
        match self {
            Filed::One(j) => *j == i,
            Filed::Many(v) => {
                if let Ok(at) = v.binary_search(&i) {
                    v.remove(at);
                }
                v.is_empty()
            }
        }
    }
}

/// Whether words are a holder's whole name or a start or an end of it (the whole too).
#[derive(Hash, Clone, Copy)]
enum Part {
    Whole,
    Affix,
}

/// A key: the day, the part and a run of words by its [`affix_runs`] hash and length.
fn key(date: Option<Date>, part: Part, (run, len): (u64, usize)) -> u64 {
    let mut h = FxHasher::default();
    (date, part, run, len).hash(&mut h);
    h.finish()
}

/// The hash and length of every start and every end of a name's words, the whole first and once ([`affixes`]'s
/// runs): from one hash a word, a start's from the start before it and an end's from the end after it, where
/// hashing each run's words again cost the square of the name's length. A run's hash is a polynomial of its words'
/// hashes, the same whether the run starts one name or ends another.
fn affix_runs(words: &[Word]) -> Vec<(u64, usize)> {
    const BASE: u64 = 0x0000_0100_0000_01b3;
    // Each word hashed where it is used (twice for most: cheaper than a vector of them for every name).
    let hash = |w: &Word| {
        let mut h = FxHasher::default();
        h.write(w.as_bytes());
        h.finish()
    };
    let mut runs = Vec::with_capacity(2 * words.len());
    let mut start = 0u64;
    for (n, w) in words.iter().enumerate() {
        start = start.wrapping_mul(BASE).wrapping_add(hash(w));
        runs.push((start, n + 1));
    }
    // The whole first: [`SameHolders`] files a name under it apart.
    runs.rotate_right(1);
    let (mut end, mut power) = (0u64, 1u64);
    for (n, w) in words.iter().skip(1).rev().enumerate() {
        end = hash(w).wrapping_mul(power).wrapping_add(end);
        power = power.wrapping_mul(BASE);
        runs.push((end, n + 1));
    }
    runs
}

impl SameHolders {
    /// The first mention of `date` with a holder that is one of `names`, its start or its end, or that starts or
    /// ends one of them: the one [`same_holders`] would find comparing `names` with the holders of each mention in
    /// order (`holders[i]`, folded).
    fn first(&self, date: Option<Date>, names: &Folded, holders: &[Folded]) -> Option<usize> {
        // The lists filed under the keys `names` looks up, each passed to `each` (read twice only after a collision).
        let lists = |each: &mut dyn FnMut(&[u32])| {
            for words in names {
                let runs = affix_runs(words);
                let keys = std::iter::once(key(date, Part::Affix, runs[0]))
                    .chain(runs.iter().map(|&run| key(date, Part::Whole, run)));
                keys.filter_map(|k| self.filed.get(&k)).for_each(|f| each(f.as_slice()));
            }
        };
        // Every mention filed under these keys has the same holders, unless two words hashed alike: the first of
        // them is the one, checked once; after a collision, the first of all that check.
        let mut first: Option<u32> = None;
        lists(&mut |l| first = first.into_iter().chain(l.first().copied()).min());
        let first = first? as usize;
        if same_words(&holders[first], names) {
            return Some(first);
        }
        let mut all: Vec<usize> = Vec::new();
        lists(&mut |l| all.extend(l.iter().map(|&i| i as usize)));
        all.sort_unstable();
        all.into_iter().find(|&i| same_words(&holders[i], names))
    }

    /// The keys a mention with holders `names` is filed under on `date`.
    fn keys(date: Option<Date>, names: &Folded) -> impl Iterator<Item = u64> + '_ {
        names.iter().flat_map(move |words| {
            let runs = affix_runs(words);
            std::iter::once(key(date, Part::Whole, runs[0]))
                .chain(runs.into_iter().map(move |run| key(date, Part::Affix, run)))
        })
    }

    /// Files mention `i` with holders `names` on `date`.
    fn insert(&mut self, i: usize, date: Option<Date>, names: &Folded) {
        let i = i as u32;
        for k in Self::keys(date, names) {
            match self.filed.entry(k) {
                Entry::Vacant(e) => {
                    e.insert(Filed::One(i));
                }
                Entry::Occupied(mut e) => e.get_mut().insert(i),
            }
        }
    }

    /// Takes mention `i` with holders `names` on `date` out (before its holders change).
    fn remove(&mut self, i: usize, date: Option<Date>, names: &Folded) {
        for k in Self::keys(date, names) {
            if let Entry::Occupied(mut e) = self.filed.entry(k) {
                if e.get_mut().remove(i as u32) {
                    e.remove();
                }
            }
        }
    }
}

/// Every start and every end of a name's words, the whole once.
#[cfg(test)]
fn affixes(words: &[Word]) -> impl Iterator<Item = &[Word]> {
    (1..=words.len()).map(|n| &words[..n]).chain((1..words.len()).map(|n| &words[n..]))
}

/// "trước kỳ họp thứ 3", "chào mừng Đại hội": words right before the phrase (or its classifier) that make it a time
/// to come or a point of reference.
fn awaited(words: &[Token], start: usize) -> bool {
    let start = with_classifier(words, start);
    (1..=start.min(2)).any(|back| classes::longest_at(words, start - back, Class::AwaitsMeeting) == Some(back))
}

/// Who holds the meeting of `phrase` in a sentence's `words`: the body inside its noun phrase (`cuộc họp Ban chỉ
/// đạo`, `phiên họp thứ 43 của Ủy ban Thường vụ Quốc hội`), else the subjects of the clause whose verb it is
/// (`Thường trực Chính phủ họp`, `UBND tỉnh Bạc Liêu đã có các cuộc họp`). `clauses` are the sentence's
/// [`clause_starts`].
fn holders(
    all: &[Token],
    words: &[Token],
    clauses: &[usize],
    text: &str,
    phrase: &Phrase,
    defs: &Definitions,
) -> Vec<String> {
    let named = holder_in_phrase(words, text, &phrase.tokens, defs);
    if let Some(body) = named.or_else(|| fronted_holder(words, text, &phrase.tokens, defs)) {
        return names_of(all, words, text, vec![body], defs);
    }
    let start = phrase.tokens.start;
    // "X làm việc với Y" without `buổi`: a visit or an instruction (`yêu cầu, Sở Xây dựng làm việc với chủ đầu
    // tư`), too little for a meeting of its own.
    let classified = start > 0 && words[start - 1].is(Class::MeetingNoun);
    if !classified && classes::longest_at(words, start, Class::VisitVerb).is_some() {
        return Vec::new();
    }
    // The verb is the meeting word, or an organiser's verb a few words before it (`có các cuộc họp`).
    let verb_of_phrase = |v: usize| v <= start && start - v <= 3;
    // The subject of the phrase's own clause (from the last comma, colon or dash before it).
    // The starts are in order: the last at or before the phrase.
    let Some(&s) = clauses[..clauses.partition_point(|&s| s <= start)].last() else { return Vec::new() };
    match subject_and_verb_at(words, text, s, defs) {
        Some((bodies, verb)) if verb_of_phrase(verb) && !bodies.is_empty() => names_of(all, words, text, bodies, defs),
        _ => Vec::new(),
    }
}

/// The body named right after a meeting phrase, within its noun phrase: after its number, its qualifiers or `của`
/// (`cuộc họp Ban chỉ đạo`, `phiên họp thứ 43 của Ủy ban Thường vụ Quốc hội`, `Kỳ họp bất thường HĐND TP`), and
/// a lower-case head before a capitalised name (`phiên họp thường trực Chính phủ`). Narrower than the lead's
/// [`body_in_phrase`]: a body further on (`diễn đàn để lực lượng Công an lắng nghe`) is what the meeting is about.
fn holder_in_phrase(words: &[Token], text: &str, phrase: &Range<usize>, defs: &Definitions) -> Option<Range<usize>> {
    // "làm việc với UBND tỉnh": the phrase ends with the other side's word; who follows was met.
    if words[phrase.end - 1].is(Class::Counterpart) {
        return None;
    }
    let mut j = phrase.end;
    while j < words.len() && j - phrase.end < 5 {
        let t = &words[j];
        let number = t.is_word() && t.folded().starts_with(|c: char| c.is_ascii_digit());
        let modifier = classes::longest_at(words, j, Class::MeetingModifier);
        // `của` is this rule's own pattern (the holder after it), not a class: `về` after a meeting names its
        // subject and `với` the other side, though all three are connectives.
        if number || t.is(Class::Ordinal) || t.folded() == "của" {
            j += 1;
        } else if let Some(n) = modifier.filter(|_| !t.is_capitalised()) {
            j += n;
        } else {
            break;
        }
    }
    if let Some(e) = body_end(words, text, j, defs) {
        return Some(j..e);
    }
    let head = classes::longest_at(words, j, Class::BodyHead).filter(|_| !words[j].is_capitalised())?;
    body_end(words, text, j + head, defs).map(|e| j..e)
}

/// The day of a meeting named at `bytes` in `sentence`: a day in the phrase's own clause (`tại cuộc họp thường
/// trực Chính phủ chiều 13/4`, `Kỳ họp ... dự kiến diễn ra ngày 28/2, ...`), else the last day before the phrase
/// with no other meeting between them (`Trước đó sáng 13/4, tại cuộc họp Ban chỉ đạo`); never one that dates a
/// document, a span or a report. `None` when there is none: the lead's day is the lead's meeting's.
fn day_of(
    text: &str,
    body_sentences: &[Range<usize>],
    sentence: &Range<usize>,
    sentence_days: &[DateMention],
    phrases: &[Range<usize>],
    bytes: &Range<usize>,
    cx: &Context,
) -> (Option<Date>, Option<PartOfDay>) {
    let body = body_sentences.first().map_or(sentence.start, |s| s.start)..sentence.end;
    let days: Vec<&DateMention> = sentence_days.iter().filter(|m| !dates_a_report(text, m, bytes)).collect();
    // A day and a phrase with no comma, semicolon or colon between them are one clause.
    let same_clause = |m: &DateMention, p: &Range<usize>| {
        let (a, b) = if m.range.start < p.start { (m.range.end, p.start) } else { (p.end, m.range.start) };
        a <= b && !text[a..b].contains([',', ';', ':'])
    };
    let in_clause = days.iter().copied().find(|m| same_clause(m, bytes));
    // "... tại kỳ họp ... ngày 28/3, sau đề nghị ... tại cuộc họp Ban chỉ đạo": a day in another meeting's clause
    // is that meeting's.
    let claimed = |m: &DateMention| phrases.iter().any(|p| p != bytes && same_clause(m, p));
    let before = || {
        days.iter()
            .copied()
            .rev()
            .find(|m| m.range.end <= bytes.start)
            .filter(|m| !claimed(m) && !phrases.iter().any(|p| m.range.end <= p.start && p.end <= bytes.start))
    };
    let Some(m) = in_clause.or_else(before) else { return (None, None) };
    let date = resolve_in_context(text, body, m, cx.published, cx.keep);
    (date, date.and(m.part_of_day))
}

/// Whether two meetings' holders are the same body: a name of one is the other's, or its start or end (`Thường vụ
/// Thành ủy` and `Thường vụ Thành ủy Hà Nội`, `Thường vụ Quốc hội` and `Ủy ban Thường vụ Quốc hội`), compared
/// folded.
pub(super) fn same_holders(a: &[String], b: &[String]) -> bool {
    same_words(&folded(a), &folded(b))
}

/// Holders' names as compared: each one's folded words (none empty).
type Folded = Vec<Vec<Word>>;

/// A folded word of a holder's name: inline (a syllable is a few bytes), where a `String` each cost an
/// allocation and a free for every word of every mention of a long list of meetings.
type Word = compact_str::CompactString;

/// Folds holders' words, each form once: a long list of meetings names the same few bodies again and again, and
/// folding each of their words at each mention cost more than filing them.
#[derive(Default)]
struct Folder {
    /// Scratch space for [`crate::fold::fold_compact`].
    buf: Vec<u8>,
    /// Word as written → its fold; bounded, since an article may name any number of different bodies.
    known: HashMap<Word, Word>,
}

impl Folder {
    const MAX_KNOWN: usize = 4096;

    /// Each name's words as [`super::when::folded_words`] splits and folds them.
    fn folded(&mut self, names: &[String]) -> Folded {
        names
            .iter()
            .map(|n| words_of(n).map(|w| self.word(w)).collect::<Vec<Word>>())
            .filter(|w| !w.is_empty())
            .collect()
    }

    fn word(&mut self, w: &str) -> Word {
        if let Some(f) = self.known.get(w) {
            return f.clone();
        }
        let f = crate::fold::fold_compact(w, &mut self.buf).0;
        if self.known.len() < Self::MAX_KNOWN {
            self.known.insert(Word::from(w), f.clone());
        }
        f
    }
}

fn folded(names: &[String]) -> Folded {
    Folder::default().folded(names)
}

/// Folded holders as kept for a whole article: without the room their lists grew (a 20 MB list of meetings
/// keeps tens of thousands).
fn stored(mut names: Folded) -> Folded {
    names.iter_mut().for_each(|words| words.shrink_to_fit());
    names.shrink_to_fit();
    names
}

/// [`same_holders`] of names already folded.
fn same_words(a: &Folded, b: &Folded) -> bool {
    a.iter().any(|x| b.iter().any(|y| x.starts_with(y) || y.starts_with(x) || x.ends_with(y) || y.ends_with(x)))
}

/// Each holder in `names` by the longest name the article gives it in `other` (the writer's fullest form).
pub(super) fn keep_longer(names: &mut [String], other: &[String]) {
    for name in names.iter_mut() {
        for o in other {
            // The lengths first: folding the names is the costly part, and most are no longer.
            if o.len() > name.len() && same_holders(std::slice::from_ref(name), std::slice::from_ref(o)) {
                *name = o.clone();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_random::XorShift;

    /// `affix_runs` hashes each start and end of a name as a name of those words alone hashes whole: a run that
    /// starts one name and ends another is filed under one key.
    #[test]
    fn affix_runs_hash_each_run_as_a_whole() {
        let vocabulary = ["ban", "thường", "vụ", "huyện", "ủy", "an", "ban"];
        let mut random = XorShift::new(0x2545_f491_4f6c_dd1d);
        for _ in 0..2_000 {
            let seed = random.next();
            let words: Vec<Word> =
                (0..1 + seed % 6).map(|k| Word::from(vocabulary[((seed >> (8 * k)) % 7) as usize])).collect();
            let mut runs = affix_runs(&words);
            assert_eq!(runs[0], (affix_runs(&words)[0].0, words.len()), "{words:?}");
            let mut each: Vec<(u64, usize)> = affixes(&words).map(|run| affix_runs(run)[0]).collect();
            runs.sort_unstable();
            each.sort_unstable();
            assert_eq!(runs, each, "{words:?}");
        }
    }
}
