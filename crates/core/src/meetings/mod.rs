//! Stage 6, meetings: the meeting an article reports, from its lead sentence.
//!
//! The lead is the first body sentence that names a meeting (`hội nghị`, `buổi làm việc`,
//! `kỳ họp`, ... from `data/meeting_kinds.tsv`), preferring one that also gives a date. From it:
//! the kind (the most specific phrase), the name (from the meeting word to the end of its clause),
//! the day and part of day (never invented: `None` when the text does not say, or its year is
//! unknown), the organisers (`X tổ chức`, `X phối hợp Y tổ chức`), the period it covers and the
//! places (`tại X`, `điểm cầu X`). Chairs and attendees are the officials with those roles.

mod bodies;
mod full_names;
mod others;
mod phrases;
mod when;

use std::ops::Range;

use crate::abbreviations::Definitions;
use crate::calendar::Date;
use crate::classes::{self, Class};
use crate::dates::{date_mentions, periods, resolve_in_context, DateMention};
use crate::lexicon::{folded_tokens, DOCUMENT_KINDS, MEETING_KINDS, STOP_WORDS};
use crate::record::{Meeting, Official, Precision, Role};
use crate::spans::CharIndex;
use crate::tokens::{within, Cursor, Token};

use bodies::{body_in_phrase, clause_starts, ends_a_name, is_digits, names_of, organizers_in, subject_at};
use phrases::{is_verb_at, kind_in, kind_of, meeting_phrases, name_start, Phrase};
use when::{anchored, cited_date, dates_a_report, folded_words, has_phrase, lead_day, Citations, OTHER_TIME};

/// The meeting's name: its whole noun phrase, from the classifier or meeting word it starts with (`Hội nghị` of
/// `Hội nghị giao ban`, `Buổi` of `buổi làm việc`) to a date, a function word or the end of its clause; a comma
/// inside a list of nouns (`các sở, ban, ngành`, `phòng, chống`) does not end it. At most 30 words.
fn name_from(text: &str, tokens: &[Token], phrase: &Range<usize>) -> String {
    if phrase.is_empty() || phrase.end > tokens.len() {
        return String::new();
    }
    let start = name_start(tokens, phrase.start);
    let phrase_end = phrase.end;
    let mut end = phrase_end;
    let mut k = phrase_end;
    while k < tokens.len() && k - start < 30 {
        let t = &tokens[k];
        if t.is_punct(',') {
            let listed = k > 0
                && tokens[k - 1].is_word()
                && !tokens[k - 1].is_capitalised()
                && tokens.get(k + 1).is_some_and(|n| n.is_word() && !n.is_capitalised() && !ends_a_name(tokens, k + 1));
            if listed {
                k += 1;
                continue;
            }
            break;
        }
        // A quoted title inside the name is whole, commas and verbs included (`Hội thảo "Đảng bộ Hà Nội - 90 năm
        // xây dựng, phát triển"`, `Diễn đàn “Lắng nghe nông dân nói”`, `Hội nghị 'Liên minh những quốc gia sẵn sàng'`).
        if let Some(close) = quote_end(tokens, k) {
            end = close + 1;
            k = close + 1;
            continue;
        }
        let inside = ['-', '/', '"', '“', '”', '&'].iter().any(|&c| t.is_punct(c));
        if !t.is_word() && !inside {
            break;
        }
        let day = t.is(Class::DayWord)
            // "chiều cùng ngày": `cùng` is this rule's pattern (a day word before it), not the co-subject `cùng`.
            && tokens.get(k + 1).is_some_and(|n| is_digits(n) || n.is(Class::DayWord) || n.folded() == "cùng");
        if day || (t.is_word() && !t.is_capitalised() && (t.is(Class::ClauseWord) || t.is(Class::PreVerb))) {
            break;
        }
        if t.is_word() {
            end = k + 1;
        }
        k += 1;
    }
    // Not ending on a function word ("... vào", "... diễn ra") or an ordinal cut from its number ("... lần" of
    // "lần này sẽ").
    let function_word = |t: &Token| {
        STOP_WORDS.contains(t.folded().as_str())
            || t.is(Class::ClauseWord)
            || t.is(Class::Counterpart)
            || t.is(Class::Ordinal)
    };
    // ... but not the second syllable of a capitalised word (`Chỉ đạo` of `Phiên họp thứ hai của Ban Chỉ đạo`).
    let second_syllable = |k: usize| {
        tokens[k].is(Class::NameSecondSyllable)
            && k > 0
            && tokens[k - 1].is_capitalised()
            && !tokens[k - 1].is_all_caps()
    };
    while end > phrase_end
        && !tokens[end - 1].is_capitalised()
        && function_word(&tokens[end - 1])
        && !second_syllable(end - 1)
    {
        end -= 1;
    }
    let span = tokens[start].range().start..tokens[end - 1].range().end;
    let mut name = text[span].to_string();
    if let Some(first) = name.chars().next() {
        name.replace_range(..first.len_utf8(), &first.to_uppercase().to_string());
    }
    name
}

/// Where the quotation opened at `tokens[k]` closes (its closing mark's index), when it holds words and closes within
/// thirty tokens: a title written in quotes.
fn quote_end(tokens: &[Token], k: usize) -> Option<usize> {
    const PAIRS: [(char, char); 4] = [('"', '"'), ('“', '”'), ('\'', '\''), ('‘', '’')];
    let &(_, close) = PAIRS.iter().find(|(open, _)| tokens[k].is_punct(*open))?;
    let stop = tokens.len().min(k + 31);
    let at = (k + 1..stop).find(|&j| tokens[j].is_punct(close))?;
    (at > k + 1).then_some(at)
}

/// The lead sentence: the first in the body that names a meeting and gives a date, else the first that names one.
fn lead(
    text: &str,
    tokens: &[Token],
    sentences: &[Range<usize>],
    phrases: &[Vec<Phrase>],
) -> Option<(Range<usize>, &'static str, Range<usize>)> {
    let mut cursor = Cursor::new(tokens);
    let mut named = sentences
        .iter()
        .zip(phrases)
        .filter_map(|(s, p)| kind_of(cursor.within(s), p).map(|(k, r, _)| (s.clone(), k, r)));
    let mut first = None;
    for candidate in named.by_ref().take(6) {
        if date_mentions(text, candidate.0.clone()).iter().any(|m| m.day.is_some() || m.relative.is_some()) {
            return Some(candidate);
        }
        // A sentence with no day whose meeting is a verb alone (`các thành viên ... ký kết hợp đồng`) tells a habit
        // or a plan, not an event to report.
        if !is_verb_at(tokens, candidate.2.start) {
            first.get_or_insert(candidate);
        }
    }
    first
}

/// The organisers of the lead sentence's meeting; when it names none, the subjects of the article's first sentence
/// that reports a visit or a meeting (among its first five, since a headline and the outlet's lines may come first) (`Đoàn công tác của Tỉnh ủy ... đã đến xã Lương Sơn kiểm tra`, above a lead
/// `Tại buổi làm việc, ...`), else of the headline (`Sở Tư pháp làm việc với các xã` above a lead whose subject is
/// a person).
/// The body's sentences and the meeting phrases of each (parallel).
struct Body<'a> {
    sentences: &'a [Range<usize>],
    phrases: &'a [Vec<Phrase>],
}

fn lead_organizers(
    text: &str,
    tokens: &[Token],
    sentence: &[Token],
    lead: &Range<usize>,
    others: &[&Range<usize>],
    body: &Body,
    defs: &Definitions,
) -> Vec<String> {
    let found = organizers_in(tokens, sentence, text, lead, defs);
    if !found.is_empty() {
        return found;
    }
    let found = same_meeting_elsewhere(text, tokens, &sentence[lead.clone()], body, defs);
    if !found.is_empty() {
        return found;
    }
    // A meeting the lead puts at another time (`sẽ được báo cáo tại hội nghị`) is not the visit or meeting the
    // opening sentences report: the same words that keep it from the lead's day keep it from their organisers.
    let said = sentence.first().zip(sentence.last()).map_or("", |(a, b)| &text[a.range().start..b.range().end]);
    if has_phrase(&folded_words(said), &OTHER_TIME) {
        return Vec::new();
    }
    for other in others {
        let other = within(tokens, other);
        if other.first().map(|t| t.range().start) == sentence.first().map(|t| t.range().start) {
            continue;
        }
        let bodies: Vec<Range<usize>> = clause_starts(other).flat_map(|s| subject_at(other, text, s, defs)).collect();
        let names = names_of(tokens, other, text, bodies, defs);
        if !names.is_empty() {
            return names;
        }
    }
    Vec::new()
}

/// "Cũng tại kỳ họp chiều nay, ..." after "... tại kỳ họp bất thường HĐND TP HCM khóa IX": the body that another
/// sentence names inside the same meeting phrase (the same words), the first.
fn same_meeting_elsewhere(
    text: &str,
    tokens: &[Token],
    phrase: &[Token],
    body: &Body,
    defs: &Definitions,
) -> Vec<String> {
    // A meeting with its classifier (`kỳ họp`, `cuộc họp`, `phiên họp`), not a meeting word alone (`Hội nghị`, `Đại
    // hội`), which an article also uses for other meetings it cites.
    if phrase.len() < 2 || !phrase[0].is(Class::MeetingNoun) {
        return Vec::new();
    }
    let mut cursor = Cursor::new(tokens);
    for (sentence, found) in body.sentences.iter().zip(body.phrases) {
        let words = cursor.within(sentence);
        for p in found {
            let same = p.tokens.len() == phrase.len()
                && words[p.tokens.clone()].iter().zip(phrase).all(|(a, b)| a.folded() == b.folded());
            if !same {
                continue;
            }
            if let Some(found) = body_in_phrase(words, text, &p.tokens, defs) {
                let names = names_of(tokens, words, text, vec![found], defs);
                if !names.is_empty() {
                    return names;
                }
            }
        }
    }
    Vec::new()
}

/// The sentences that open the article before its lead sentence (at most five), then the headline. A lead without
/// a full stop is a headline the body repeats (`Bí thư Tỉnh ủy ... làm việc với ...`): the sentences after it open
/// the article.
fn opening_sentences<'a>(
    text: &str,
    body: &'a [Range<usize>],
    lead: &Range<usize>,
    title: Option<&'a Range<usize>>,
) -> Vec<&'a Range<usize>> {
    let at = body.iter().position(|s| s == lead).unwrap_or(body.len());
    let headline_lead = !text[lead.clone()].trim_end().ends_with(['.', '!', '?', '…', '"', '”']);
    let opening = if headline_lead && at < 5 { &body[..5.min(body.len())] } else { &body[..at.min(5)] };
    opening.iter().filter(|s| *s != lead).chain(title).collect()
}

/// The places a sentence holds its meeting at: after `tại` or `điểm cầu` (lower case), an optional place noun
/// (`tỉnh`, `thành phố`, `TP`, `trụ sở`), then up to eight words of a name: capitalised words and the place nouns
/// inside it, whatever their case (`tại Công ty PouYuen Việt Nam`, `tại Trung tâm Hội nghị Quốc tế`, `tại Nhà văn
/// hóa thôn Đoài`), a lower-case one only before more of the name. What `tại` introduces that is a meeting, a day
/// or a text (`tại Hội nghị Thành ủy`, `tại Kỳ họp thứ 9`, `tại Thông báo số 5`) is no place.
fn places_in(tokens: &[Token], text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < tokens.len() {
        let intro = if tokens[k].is_capitalised() { None } else { classes::longest_at(tokens, k, Class::PlaceIntro) };
        let Some(n) = intro else {
            k += 1;
            continue;
        };
        let start = k + n;
        let mut j = start;
        // The place noun: lower case, or an abbreviation in capitals with an optional dot ("TP. Huế").
        if let Some(m) = classes::longest_at(tokens, j, Class::PlaceNoun) {
            if !tokens[j].is_capitalised() || tokens[j].is_all_caps() {
                j += m;
                if tokens[j - 1].is_all_caps() && tokens.get(j).is_some_and(|t| t.is_punct('.')) {
                    j += 1;
                }
            }
        }
        let name_start = j;
        if names_no_place(tokens, name_start) {
            k = name_start.max(k + 1);
            continue;
        }
        // Letters, and the marks that join the parts of one word (`Elmendorf-Richardson`, `H'Mông`).
        let letters = |t: &Token| {
            t.is_word()
                && t.is_capitalised()
                && t.text(text).chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
        };
        // "Quận 2", "Phường 5": a number right after a unit word is its name (not a date: `tỉnh 2/9`).
        let unit_number = |j: usize| {
            j > name_start
                && is_digits(&tokens[j])
                && tokens[j - 1].is(Class::Unit)
                && !tokens.get(j + 1).is_some_and(|n| n.is_punct('/') || n.is(Class::PeriodWord))
        };
        // An institution's name (after `Trung tâm`, `trụ sở`, not `tỉnh`) writes a capital on a word's first syllable
        // only (`Trung tâm Nghiên cứu Chiến lược`, `Trụ sở Chính phủ`): a lower-case syllable right after a capitalised
        // one goes on with its word, unless it is a function word, a verb that ends a name or a day.
        let mut institution = j > start && !tokens[start].is(Class::Unit);
        while j < tokens.len() && j - name_start < 8 {
            // A place noun inside the name, its lower-case words with it: capitalised, or lower case before more of
            // the name (`thôn` of `Nhà văn hóa thôn Đoài`).
            let noun = classes::longest_at(tokens, j, Class::PlaceNoun)
                .filter(|&m| tokens[j..j + m].iter().all(|t| t.is_word()))
                .filter(|&m| {
                    // ... or a unit word that ends an institution's name (`Trung tâm Hội nghị tỉnh`).
                    let last = tokens.get(j + m).is_none_or(|t| !t.is_word());
                    tokens[j].is_capitalised()
                        || tokens.get(j + m).is_some_and(letters)
                        || (institution && last && tokens[j].is(Class::Unit))
                });
            if let Some(m) = noun {
                institution |= !tokens[j].is(Class::Unit);
                j += m;
            } else if letters(&tokens[j])
                || unit_number(j)
                || (institution && j > name_start && syllable_goes_on(tokens, j))
            {
                j += 1;
            } else {
                break;
            }
        }
        if j > name_start {
            let span = tokens[start].range().start..tokens[j - 1].range().end;
            out.push(text[span].trim_end_matches('.').to_string());
        }
        k = j.max(k + 1);
    }
    out
}

/// Whether lower-case `tokens[j]` is the second syllable of the capitalised word before it in a name (`Quốc tế`,
/// `Chính phủ`, `Thế giới`): not after an abbreviation, and not a function word, a verb that ends a name or a word of
/// a day.
fn syllable_goes_on(tokens: &[Token], j: usize) -> bool {
    let (word, next) = (&tokens[j - 1], &tokens[j]);
    word.is_capitalised()
        && !word.is_all_caps()
        && next.is_word()
        && !next.is_capitalised()
        && next.range().start == word.range().end + 1
        && (!STOP_WORDS.contains(next.folded().as_str())
            || next.is(Class::NameSecondSyllable)
            || classes::longest_at(tokens, j - 1, Class::NameCompound) == Some(2))
        && ![Class::ClauseWord, Class::DayWord, Class::PreVerb, Class::Connective, Class::And, Class::CoSubject]
            .iter()
            .any(|&c| next.is(c))
}

/// Whether the words at `tokens[i]` after `tại` name a meeting (`Hội nghị`, `Kỳ họp`, `Lễ`), a day (`Ngày hội`) or a
/// text (`Thông báo`, `Quyết định`), not the place a meeting is held at.
fn names_no_place(tokens: &[Token], i: usize) -> bool {
    let Some(t) = tokens.get(i) else {
        return false;
    };
    if t.is(Class::MeetingNoun) || t.is(Class::DayWord) || MEETING_KINDS.longest_at(tokens, i).is_some() {
        return true;
    }
    DOCUMENT_KINDS.iter().any(|kind| {
        let words = folded_tokens(kind.name);
        tokens.len() >= i + words.len() && tokens[i..i + words.len()].iter().zip(&words).all(|(t, w)| t.folded() == w)
    })
}

/// The tokens of `tokens` that a byte range covers.
fn token_range(tokens: &[Token], bytes: &Range<usize>) -> Range<usize> {
    let start = tokens.partition_point(|t| t.range().start < bytes.start);
    let end = tokens.partition_point(|t| t.range().start < bytes.end).max(start + 1).min(tokens.len());
    start.min(end)..end
}

/// What the earlier stages found, which the meeting stage reads.
pub struct Found<'a> {
    pub officials: &'a [Official],
    /// The citations' ranges: a date inside one dates the document, not the meeting.
    pub documents: &'a [Range<usize>],
    /// Abbreviations the article defines.
    pub defs: &'a Definitions,
}

/// The meetings of the article (the genre reports one per article; related-article teasers are furniture).
#[inline(never)] // a stage of `extract_with_progress`: see there why
pub fn meetings(
    text: &str,
    tokens: &[Token],
    body_sentences: &[Range<usize>],
    title: Option<Range<usize>>,
    published: Option<Date>,
    found: &Found,
    index: &CharIndex,
) -> Vec<Meeting> {
    let Found { officials, documents, defs } = *found;
    // Every body sentence's meeting phrases, found once: the lead, the meeting named again and the others read them.
    let mut cursor = Cursor::new(tokens);
    let phrases: Vec<Vec<Phrase>> = body_sentences.iter().map(|s| meeting_phrases(cursor.within(s))).collect();
    let Some((sentence, _, phrase)) = lead(text, tokens, body_sentences, &phrases).or_else(|| {
        let title = title.clone()?;
        let title_phrases = meeting_phrases(within(tokens, &title));
        lead(text, tokens, &[title], &[title_phrases])
    }) else {
        return Vec::new();
    };
    // A lead found in the headline alone names its kind there too; the genre's generic word is the fallback.
    let (kind, _, _) = kind_in(within(tokens, &sentence)).unwrap_or(("hội nghị", phrase.clone(), 0));
    let citations = Citations::new(documents);
    let keep = |m: &DateMention| !citations.dates_one(&m.range) && !cited_date(text, m);
    let all_mentions = date_mentions(text, sentence.clone());
    let mentions: Vec<DateMention> =
        all_mentions.iter().filter(|m| keep(m) && !dates_a_report(text, m, &phrase)).cloned().collect();
    let body = body_sentences.first().map_or(sentence.start, |s| s.start)..sentence.end;
    let lead_day = || lead_day(text, body_sentences, &sentence, &all_mentions, published, &keep);
    let when = mentions.iter().find(|m| m.day.is_some() || m.relative.is_some()).cloned().or_else(lead_day);
    let date = when.as_ref().and_then(|m| {
        resolve_in_context(text, body.clone(), m, published, keep).or_else(|| {
            if published.is_none() && !m.from_named {
                anchored(text, body_sentences, m)
            } else {
                None
            }
        })
    });
    let when = when.as_ref();
    let time_of_day = when.and_then(|m| m.part_of_day).or_else(|| mentions.iter().find_map(|m| m.part_of_day));
    let chairs: Vec<String> =
        officials.iter().filter(|o| o.roles.iter().any(|r| r.chairs())).map(|o| o.name.clone()).collect();
    let attendees = officials
        .iter()
        .filter(|o| o.roles.contains(&Role::Attend) && !chairs.contains(&o.name))
        .map(|o| o.name.clone())
        .collect();
    let period = periods(text, sentence.clone()).first().map(|r| text[r.clone()].to_string());
    let places = places_in(within(tokens, &sentence), text);
    let sentence_tokens = within(tokens, &sentence);
    let lead_phrase = token_range(sentence_tokens, &phrase);
    let name = name_from(text, sentence_tokens, &lead_phrase);
    let others = opening_sentences(text, body_sentences, &sentence, title.as_ref());
    let body = Body { sentences: body_sentences, phrases: &phrases };
    let organizers = lead_organizers(text, tokens, sentence_tokens, &lead_phrase, &others, &body, defs);
    let mut lead = Meeting {
        date: date.map(|d| d.to_string()),
        date_precision: date.map(|_| Precision::Day),
        time_of_day,
        kind: kind.to_string(),
        name,
        organizers,
        chairs,
        attendees,
        places,
        period,
        evidence: index.span(sentence.clone()),
    };
    let cx = others::Context { published, keep: &keep, defs };
    let mentioned = others::mentions(text, tokens, &body, &phrase, &cx);
    let mut found = Vec::new();
    let mut cursor = Cursor::new(tokens);
    for other in mentioned {
        let other_date = other.date.map(|d| d.to_string());
        // The days first: comparing holders folds their names, and most mentions are of other days.
        if compatible(&lead.date, &other_date) && others::same_holders(&lead.organizers, &other.organizers) {
            others::keep_longer(&mut lead.organizers, &other.organizers);
            continue;
        }
        // The lead's meeting named again with its holder (`Hội nghị ...` in the lead, `Tại hội nghị, Ban Thường vụ
        // ... thống nhất` below it).
        if lead.organizers.is_empty() && other.kind == lead.kind && compatible(&lead.date, &other_date) {
            lead.organizers = other.organizers;
            continue;
        }
        if other_date.is_none() {
            continue;
        }
        let words = cursor.within(&other.sentence);
        found.push(Meeting {
            date: other_date,
            date_precision: other.date.map(|_| Precision::Day),
            time_of_day: other.time_of_day,
            kind: other.kind.to_string(),
            name: name_from(text, words, &other.phrase),
            organizers: other.organizers,
            evidence: index.span(other.sentence),
            ..Meeting::default()
        });
    }
    found.insert(0, lead);
    // One search per organiser's name, however many meetings it holds; the bodies it reads are read once.
    let mut full_names = full_names::FullNames::new(tokens, text, defs);
    let mut fullest: std::collections::HashMap<String, Option<String>> = std::collections::HashMap::new();
    for meeting in &mut found {
        let mut names: Vec<String> = Vec::new();
        for name in &meeting.organizers {
            let full = fullest.entry(name.clone()).or_insert_with(|| full_names.fullest(name));
            let name = full.clone().unwrap_or_else(|| name.clone());
            if !names.contains(&name) {
                names.push(name);
            }
        }
        meeting.organizers = names;
    }
    found
}

/// Two days that may be one meeting's: the same, or one not known.
fn compatible(a: &Option<String>, b: &Option<String>) -> bool {
    a.is_none() || b.is_none() || a == b
}
