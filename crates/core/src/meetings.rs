//! Stage 6, meetings: the meeting an article reports, from its lead sentence.
//!
//! The lead is the first body sentence that names a meeting (`hội nghị`, `buổi làm việc`,
//! `kỳ họp`, ... from `data/meeting_kinds.tsv`), preferring one that also gives a date. From it:
//! the kind (the most specific phrase), the name (from the meeting word to the end of its clause),
//! the day and part of day (never invented: `None` when the text does not say, or its year is
//! unknown), the organisers (`X tổ chức`, `X phối hợp Y tổ chức`), the period it covers and the
//! places (`tại X`, `điểm cầu X`). Chairs and attendees are the officials with those roles.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::abbreviations::Definitions;
use crate::calendar::Date;
use crate::data;
use crate::dates::{date_mentions, periods, resolve, resolve_in_context, DateMention};
use crate::lexicon::fold;
use crate::lexicon::MEETING_KINDS;
use crate::record::{Meeting, Official, Precision, Role};
use crate::spans::CharIndex;
use crate::tokens::{within, Token};

/// The verbs that end the organisers' phrase at the start of a lead sentence.
static ORGANIZER_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s(?:đã |vừa |long trọng )?(?:tổ chức|tổng kết|sơ kết|họp|có (?:một )?(?:buổi|cuộc)|làm việc|tiếp|khai mạc|triệu tập|chủ trì)(?:\s|,|$)").unwrap()
});
static SPLIT_ORGANIZERS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*(?:,|;| và | phối hợp với | phối hợp | cùng | với )\s*").unwrap());
/// "Ngày mai, 21/12" / "hôm qua (19/12)": a relative day the article pins to a date.
/// (`(?:\W|$)`, not `\b`: a Unicode word boundary keeps the regex off its fast engine on Vietnamese text.)
static ANCHOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(ngày mai|hôm qua|hôm nay|sáng mai|chiều mai|sáng nay|chiều nay)\s*[,(]?\s*(?:ngày\s*)?(\d{1,2})\s?/\s?(\d{1,2})(?:\W|$)").unwrap()
});
static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?-u:\b)(19[5-9]\d|20\d\d)(?-u:\b)").unwrap());

/// Without a publish date, a relative day ("sáng nay") is still a day when the article pins another
/// relative day to a date ("Ngày mai, 21/12") and names its year often (the year most written, twice or more).
fn anchored(text: &str, sentences: &[Range<usize>], mention: &DateMention) -> Option<Date> {
    let offset = mention.relative?;
    let body = sentences.first()?.start..sentences.last()?.end;
    let slice = &text[body];
    let c = ANCHOR.captures(slice)?;
    let anchor_offset: i64 = match c[1].to_lowercase().as_str() {
        "ngày mai" | "sáng mai" | "chiều mai" => 1,
        "hôm qua" => -1,
        _ => 0,
    };
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for y in YEAR.find_iter(slice) {
        *counts.entry(y.as_str()).or_default() += 1;
    }
    let (year, n) = counts.into_iter().max_by_key(|(y, n)| (*n, std::cmp::Reverse(*y)))?;
    if n < 2 {
        return None;
    }
    let anchor = Date::new(year.parse().ok()?, c[3].parse().ok()?, c[2].parse().ok()?)?;
    let days = anchor.days_since_epoch() - anchor_offset + offset;
    Date::from_days_since_epoch(days)
}

static PLACE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:điểm cầu|tại) ((?:(?:tỉnh|thành phố|TP\.?|huyện|quận|thị xã|trụ sở|hội trường) )?\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*){0,4})").unwrap()
});

/// The kind named by the highest-priority meeting phrase in `text[range]`, and where the phrase is.
/// Whether the meeting phrase at `tokens[k..k + n]` names another meeting than the one reported:
/// one to come (`Đại hội Đảng sắp tới`, `kỳ họp tới`) or one cited (`Nghị quyết Đại hội IX`).
fn names_another(tokens: &[Token], k: usize, n: usize) -> bool {
    let word = |i: usize| tokens.get(i).map_or("", |t| t.folded.as_str());
    let before = |back: usize| k.checked_sub(back).map_or("", word);
    let pair = (before(2), before(1));
    let cited =
        matches!(pair, ("nghị", "quyết") | ("văn", "kiện") | ("tinh", "thần") | ("chuẩn", "bị") | ("kết", "luận"));
    // "kỳ họp tới", "Đại hội sắp tới", "Đại hội Đảng các cấp sắp tới".
    let coming = word(k + n) == "tới"
        || word(k + n) == "sắp"
        || (1..4).any(|d| word(k + n + d) == "sắp" && word(k + n + d + 1) == "tới");
    cited || coming
}

fn kind_in(tokens: &[Token]) -> Option<(&'static str, Range<usize>, u8)> {
    let mut best: Option<(&'static str, Range<usize>, u8)> = None;
    let mut k = 0;
    while k < tokens.len() {
        let Some((n, (kind, priority))) = MEETING_KINDS.longest_at(tokens, k) else {
            k += 1;
            continue;
        };
        // A rejected phrase takes its own words with it ("kỳ họp tới" is not a "họp" either);
        // an accepted one does not ("cuộc họp báo" is also a "họp báo").
        if names_another(tokens, k, n) {
            k += n;
            continue;
        }
        if best.as_ref().is_none_or(|b| priority > b.2) {
            best = Some((kind, tokens[k].range.start..tokens[k + n - 1].range.end, priority));
        }
        k += 1;
    }
    best
}

/// A date that is not the meeting's: an anniversary's span ("(19.4.1946 - 19.4.2006)"), a law's effective
/// date ("có hiệu lực từ ngày 01-01-2006"), a deadline ("trước ngày 15-4").
fn cited_date(text: &str, m: &DateMention) -> bool {
    let before = crate::dates::tail(&text[..m.range.start], 40).trim_end();
    let after = text[m.range.end..].trim_start();
    // Spans are written with any dash, and some pages put a star or a tilde there ("(18/11/1930 * 18/11/2025)").
    const SPAN: [char; 5] = ['-', '–', '—', '*', '~'];
    let span = (before.ends_with('(') && after.starts_with(SPAN)) || (before.ends_with(SPAN) && after.starts_with(')'));
    span || before.contains("hiệu lực") || before.ends_with("trước ngày") || before.ends_with("hạn chót")
}

/// Reporting verbs (`data/reporting_verbs.tsv`), folded.
static REPORTING: LazyLock<Vec<Vec<String>>> = LazyLock::new(|| {
    data::rows(&data::REPORTING_VERBS)
        .iter()
        .map(|r| fold(r.get("phrase")).split_whitespace().map(String::from).collect())
        .collect()
});

/// Whether folded `words` hold one of `phrases` as whole words.
fn has_phrase(words: &[String], phrases: &[Vec<String>]) -> bool {
    phrases.iter().any(|p| words.windows(p.len()).any(|w| w == p.as_slice()))
}

fn folded_words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(fold).collect()
}

/// A day before a reporting verb that comes before the meeting's words dates the report, not the meeting:
/// "Ngày 5/3, Ủy ban Kiểm tra Trung ương thông báo ... tại kỳ họp 42".
fn dates_a_report(text: &str, m: &DateMention, meeting: &Range<usize>) -> bool {
    m.range.end <= meeting.start && has_phrase(&folded_words(&text[m.range.end..meeting.start]), &REPORTING)
}

/// Words that put a meeting at another time than the lead's day (`data/other_time_words.tsv`), folded.
static OTHER_TIME: LazyLock<Vec<Vec<String>>> = LazyLock::new(|| {
    data::rows(&data::OTHER_TIME_WORDS)
        .iter()
        .map(|r| fold(r.get("phrase")).split_whitespace().map(String::from).collect())
        .collect()
});
/// A year or a month named in the sentence ("năm 2018", "APEC 2025", "tháng 5"): another time than the lead's day.
static YEAR_OR_MONTH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?:^|\D)(?:19|20)\d\d(?:\D|$)|tháng\s?\d").unwrap());

/// The day of the article's lead (its first body sentence) for a meeting whose own sentence names no day, no
/// year and no other time: "Sáng 2/11, Đoàn công tác ... đến kiểm tra ..." then "Tại buổi làm việc, ...".
/// The lead reports the event the meeting belongs to.
fn lead_day(
    text: &str,
    body_sentences: &[Range<usize>],
    sentence: &Range<usize>,
    sentence_mentions: &[DateMention],
    published: Option<Date>,
    keep: &impl Fn(&DateMention) -> bool,
) -> Option<DateMention> {
    let lead = body_sentences.first().filter(|l| l.end <= sentence.start)?;
    let s = &text[sentence.clone()];
    let other_time = has_phrase(&folded_words(s), &OTHER_TIME);
    if !sentence_mentions.is_empty() || other_time || YEAR_OR_MONTH.is_match(s) {
        return None;
    }
    // The lead opens with its day ("Sáng 2/11, ...", "HNN.VN - Sáng 2/11, ...", "(NLĐ) - Sáng 2/11"): a day later in
    // the sentence dates something else ("phiên giao dịch ngày 31-10", "từ ngày 1-1-2006").
    let opens = |m: &DateMention| m.range.start - lead.start < 40 || after_outlet(&text[lead.start..m.range.start]);
    let day =
        date_mentions(text, lead.clone()).into_iter().find(|m| keep(m) && (m.day.is_some() || m.relative.is_some()));
    day.filter(|m| opens(m) && (m.from_named || resolve(m, published).is_some()))
}

fn inside(range: &Range<usize>, docs: &[Range<usize>]) -> bool {
    docs.iter().any(|d| d.start <= range.start && range.start <= d.end + 40)
}

/// The meeting's name: from its first meeting word to the end of that clause, at most ~25 words.
fn name_from(text: &str, sentence: &Range<usize>, phrase: &Range<usize>) -> String {
    let s = &text[sentence.clone()];
    let rel = phrase.start - sentence.start;
    // Back to the meeting word the phrase belongs to ("Hội nghị giao ban" for "giao ban").
    let start = [
        "Hội nghị",
        "hội nghị",
        "Buổi",
        "buổi",
        "Kỳ họp",
        "kỳ họp",
        "Lễ",
        "lễ",
        "Hội thảo",
        "hội thảo",
        "Cuộc họp",
        "cuộc họp",
        "Phiên",
        "phiên",
    ]
    .iter()
    .filter_map(|w| s[..rel].rfind(w).or_else(|| s[rel..].starts_with(w).then_some(rel)))
    .filter(|&p| rel - p < 40)
    .min()
    .unwrap_or(rel);
    let rest = &s[start..];
    let end = rest.find(['.', ';', '(', ':']).unwrap_or(rest.len());
    let clause = rest[..end].split(". Đ").next().unwrap_or("");
    let clause = clause.split(", ").next().unwrap_or(clause);
    let words: Vec<&str> = clause.split_whitespace().take(30).collect();
    let mut name = words.join(" ");
    if let Some(first) = name.chars().next() {
        name.replace_range(..first.len_utf8(), &first.to_uppercase().to_string());
    }
    name
}

fn organizers(
    text: &str,
    sentence: &Range<usize>,
    first_date: Option<&DateMention>,
    defs: &Definitions,
    people: &[&str],
) -> Vec<String> {
    let s = &text[sentence.clone()];
    // After the leading date clause ("Chiều 13/12, ..."), up to the verb.
    let from = first_date
        .filter(|d| d.range.start - sentence.start < 40 || after_outlet(&s[..d.range.start - sentence.start]))
        .and_then(|d| s[d.range.end - sentence.start..].find(',').map(|c| d.range.end - sentence.start + c + 1))
        .unwrap_or(0);
    // "Sáng 22-6, tại Hà Nội, Ủy ban ... tổ chức": the place clause is not the organiser.
    let from = match s[from..].trim_start().strip_prefix("tại ").and_then(|r| r.find(',').filter(|&c| c < 80)) {
        Some(c) => s.len() - s[from..].trim_start().len() + "tại ".len() + c + 1,
        None => from,
    };
    let Some(verb) = ORGANIZER_VERB.find(&s[from..]) else { return Vec::new() };
    let phrase = &s[from..from + verb.start()];
    if phrase.chars().count() > 200
        || !phrase.trim_start().starts_with(char::is_uppercase)
        || !names_a_body(phrase.trim())
    {
        return Vec::new();
    }
    // "X phối hợp Y, Z tổ chức": the partners are organisers too (the split below separates them).
    // A piece that names no body continues the one before ("Bộ Giáo dục | và | Đào tạo", "Bộ Văn hóa | , | Thể thao | và | Du lịch").
    let mut pieces: Vec<&str> = Vec::new();
    let mut last = 0;
    for sep in SPLIT_ORGANIZERS.find_iter(phrase) {
        let next_end = SPLIT_ORGANIZERS.find_at(phrase, sep.end()).map_or(phrase.len(), |m| m.start());
        let next = &phrase[sep.end()..next_end];
        let joins = matches!(sep.as_str().trim(), "và" | ",")
            && next.starts_with(char::is_uppercase)
            && next.split_whitespace().count() <= 4
            && !names_a_body(next)
            && names_a_body(phrase[last..sep.start()].trim());
        if !joins {
            pieces.push(&phrase[last..sep.start()]);
            last = sep.end();
        }
    }
    pieces.push(&phrase[last..]);
    pieces
        .into_iter()
        .map(|o| strip_definitions(o.trim().trim_start_matches("phối hợp với ").trim_start_matches("phối hợp "), defs))
        .filter(|o| {
            o.chars().next().is_some_and(char::is_uppercase)
                && (2..=16).contains(&o.split_whitespace().count())
                && names_a_body(o)
        })
        .filter(|o| !names_a_person_or_clause(o, people))
        .collect()
}

/// "(NLĐ)- Sáng 23-9": the lead's date comes after a headline and the outlet's mark.
fn after_outlet(before: &str) -> bool {
    let before = before.trim_end();
    let before = before
        .strip_suffix(|c: char| c.is_alphabetic())
        .map_or(before, |_| before.trim_end_matches(char::is_alphabetic))
        .trim_end();
    let before = before.strip_suffix("ngày").unwrap_or(before).trim_end();
    let before = ["Sáng", "Trưa", "Chiều", "Tối", "Ngày", "sáng", "chiều", "tối", "ngày"]
        .iter()
        .find_map(|w| before.strip_suffix(w))
        .unwrap_or(before)
        .trim_end();
    before.ends_with(")-") || before.ends_with(") -") || before.ends_with(") –") || before.ends_with(")–")
}

/// An organiser is a body: not a person ("Thủ tướng Nguyễn Xuân Phúc", "Phó Chủ tịch Hội ..."), not the meeting
/// itself ("Hội nghị lần thứ 6 ..."), not a clause with a verb ("Ủy ban Thường vụ Quốc hội đã cho ý kiến về việc").
fn names_a_person_or_clause(o: &str, people: &[&str]) -> bool {
    const RANKS: [&str; 12] = [
        "Chủ tịch",
        "Phó",
        "Bí thư",
        "Tổng Bí thư",
        "Thủ tướng",
        "Bộ trưởng",
        "Thứ trưởng",
        "Giám đốc",
        "Trưởng",
        "Ủy viên",
        "Đại tướng",
        "Chủ nhiệm",
    ];
    const MEETING: [&str; 5] = ["hội nghị", "hội thảo", "kỳ họp", "phiên họp", "cuộc họp"];
    const CLAUSE_WORDS: [&str; 18] = [
        "đã", "vừa", "sẽ", "đang", "được", "bị", "cho", "khi", "tại", "trong", "như", "là", "đến", "theo", "sau", "có",
        "nghe", "thưa",
    ];
    let lower = o.to_lowercase();
    people.iter().any(|p| o.contains(p))
        || RANKS.iter().any(|r| {
            o.strip_prefix(r).is_some_and(|rest| rest.starts_with(' '))
                && !o.starts_with("Trưởng ban")
                && !o.starts_with("Phó ban")
        })
        || MEETING.iter().any(|m| lower.starts_with(m))
        || lower.split_whitespace().any(|w| CLAUSE_WORDS.contains(&w))
}

/// Whether a phrase names an organisation (an organiser), not a stray clause ("Phát biểu tại hội nghị").
fn names_a_body(phrase: &str) -> bool {
    // People chair meetings; organisers are bodies ("Đồng chí Y Ngọc - Ủy viên ... cùng chủ trì").
    let lower = phrase.to_lowercase();
    if ["đồng chí", "đ/c", "ông ", "bà ", "các đồng chí"].iter().any(|p| lower.starts_with(p)) || phrase.contains(" - ")
    {
        return false;
    }
    const HEADS: [&str; 39] = [
        "Ban",
        "Bộ",
        "Sở",
        "UBND",
        "HĐND",
        "Tỉnh ủy",
        "Thành ủy",
        "Huyện ủy",
        "Đảng",
        "Ủy ban",
        "Hội",
        "Mặt trận",
        "MTTQ",
        "Công an",
        "Chính phủ",
        "Quốc hội",
        "Tập đoàn",
        "Công ty",
        "Trung ương",
        "Cục",
        "Văn phòng",
        "Viện",
        "Trường",
        "TP",
        "tỉnh",
        "Liên đoàn",
        "Đoàn",
        "Tổng",
        "Hội đồng",
        "lãnh đạo",
        "Tỉnh đoàn",
        "Thành đoàn",
        "Huyện đoàn",
        "Quận ủy",
        "Thị ủy",
        "Tòa án",
        "Ngân hàng",
        "Kho bạc",
        "Quân khu",
    ];
    HEADS.iter().any(|h| phrase.starts_with(h) || phrase.contains(&format!(" {h}")))
}

/// "Ban Dân vận (DV) Tỉnh ủy" → "Ban Dân vận Tỉnh ủy".
fn strip_definitions(s: &str, defs: &Definitions) -> String {
    let mut out = s.to_string();
    for abbr in defs.keys() {
        out = out.replace(&format!(" ({abbr})"), "");
    }
    out.trim().to_string()
}

/// The lead sentence: the first in the body that names a meeting and gives a date, else the first that names one.
fn lead(
    text: &str,
    tokens: &[Token],
    sentences: &[Range<usize>],
) -> Option<(Range<usize>, &'static str, Range<usize>)> {
    let mut named = sentences.iter().filter_map(|s| kind_in(within(tokens, s)).map(|(k, r, _)| (s.clone(), k, r)));
    let mut first = None;
    for candidate in named.by_ref().take(6) {
        if date_mentions(text, candidate.0.clone()).iter().any(|m| m.day.is_some() || m.relative.is_some()) {
            return Some(candidate);
        }
        first.get_or_insert(candidate);
    }
    first
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
    let Some((sentence, _, phrase)) =
        lead(text, tokens, body_sentences).or_else(|| title.and_then(|t| lead(text, tokens, &[t])))
    else {
        return Vec::new();
    };
    let (kind, _, _) = kind_in(within(tokens, &sentence)).unwrap_or(("hội nghị", phrase.clone(), 0));
    let keep = |m: &DateMention| !inside(&m.range, documents) && !cited_date(text, m);
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
    let places = PLACE.captures_iter(&text[sentence.clone()]).map(|c| c[1].trim_end_matches('.').to_string()).collect();
    let name = name_from(text, &sentence, &phrase);
    vec![Meeting {
        date: date.map(|d| d.to_string()),
        date_precision: date.map(|_| Precision::Day),
        time_of_day: time_of_day.map(String::from),
        kind: kind.to_string(),
        name,
        organizers: organizers(
            text,
            &sentence,
            mentions.first(),
            defs,
            &officials.iter().map(|o| o.name.as_str()).collect::<Vec<_>>(),
        ),
        chairs,
        attendees,
        places,
        period,
        evidence: index.span(sentence),
    }]
}
