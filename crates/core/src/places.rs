//! Provinces of Viet Nam (the 63 units before 1 July 2025 and the 34 after) and the provincial news outlets that identify them, read once from `data/provinces.tsv` and `data/outlets.tsv`: lookup by name, mentions in running text, outlet markers, and each unit's successor after the merger.
//!
//! Names are compared word by word after folding: NFC or NFD input, case, and tone placement
//! (`hoà`/`hòa`, `thuỷ`/`thủy`) do not matter. In running text a word that the table capitalises
//! must be capitalised (so `hòa bình`, "peace", is not the province `Hòa Bình`), words must be
//! whole, and between words the text must use the same kind of separator as the table (space,
//! dash with optional spaces, or a dot with optional spaces after it).

use crate::data;
use crate::fasthash::FxHashMap;
use compact_str::CompactString;
use std::cell::RefCell;
use std::ops::Range;
use std::sync::LazyLock;

use unicode_normalization::char::decompose_canonical;

/// A province or centrally-run city, as named in `provinces.tsv`.
#[derive(Debug, PartialEq, Eq)]
pub struct Province {
    /// Canonical name as written in news: `Thừa Thiên Huế`, `Thành phố Hồ Chí Minh`, `Bà Rịa - Vũng Tàu`.
    pub name: &'static str,
    /// `tỉnh` or `thành phố`.
    pub kind: &'static str,
    /// Today's unit (after 1 July 2025): the canonical name of a row with era `2025`.
    pub today: &'static str,
    /// Which map the unit belongs to (the `era` column: `old` or `2025`).
    pub era: Era,
}

/// The two maps of provinces: before and after the merger of 1 July 2025.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Era {
    /// The 63 units until 30 June 2025 (`old` in `provinces.tsv`).
    Old,
    /// The 34 units from 1 July 2025 (`2025`).
    Merged2025,
}

impl Era {
    fn parse(cell: &str) -> Option<Era> {
        match cell {
            "old" => Some(Era::Old),
            "2025" => Some(Era::Merged2025),
            _ => None,
        }
    }
}

/// All rows of `provinces.tsv`: 63 with era `old`, then 34 with era `2025`.
pub fn provinces() -> &'static [Province] {
    &PLACES.provinces
}

/// The province a name or variant refers to: case-, tone-placement- (hoà/hòa, thuỷ/thủy) and whitespace-insensitive; accepts "tỉnh X", "thành phố X", "TP X", "TP. X".
///
/// A name shared by an old unit and a 2025 unit (`Hà Nội`, `Gia Lai`) gives the old row; `Huế`
/// gives the 2025 city, `Thừa Thiên Huế` the old province.
pub fn province_named(name: &str) -> Option<&'static Province> {
    // The stages ask the same names again and again (each capitalised run that may be a place, each body's
    // last words): each is read once per thread, in a bounded cache (cleared when full). A long list of people
    // asks more runs than it holds, so it is cleared again and again: its names are kept inline (up to 24 bytes,
    // nearly all of them), which neither allocates nor frees one by one as a boxed name did.
    thread_local! {
        static NAMED: RefCell<FxHashMap<CompactString, Option<&'static Province>>> =
            RefCell::new(FxHashMap::default());
    }
    if let Some(known) = NAMED.with_borrow(|named| named.get(name).copied()) {
        return known;
    }
    let found = read_province_name(name);
    NAMED.with_borrow_mut(|named| {
        if named.len() >= NAMES_CACHED {
            named.clear();
        }
        named.insert(name.into(), found);
    });
    found
}

/// Names kept by [`province_named`]'s cache.
const NAMES_CACHED: usize = 1 << 14;

/// [`province_named`], read.
fn read_province_name(name: &str) -> Option<&'static Province> {
    let p = &*PLACES;
    let mut words: Vec<String> = Vec::new();
    let mut buf = String::new();
    for w in words_of(name) {
        fold_word(&name[w], &mut buf);
        words.push(buf.clone());
    }
    if words.is_empty() {
        return None;
    }
    let find = |ws: &[String]| p.by_key.get(&ws.join(" ")).map(|&i| &p.provinces[i]);
    if let Some(found) = find(&words) {
        return Some(found);
    }
    // A province named with its unit (`tỉnh Nghệ An`, `thành phố Huế`): the name after it.
    let unit = p.prefixes.iter().find(|unit| words.len() > unit.len() && words.starts_with(unit))?;
    find(&words[unit.len()..])
}

/// Every mention of a province (by canonical name or a variant) in text, as (byte range, province), longest match first, whole words only (not "Nam" inside "Quảng Nam", not "Huế" inside other words).
///
/// Results are in text order and do not overlap: at each word the longest name wins
/// (`Thừa Thiên Huế` over `Huế`, `TP.HCM` over `HCM`), and phrases listed as `not_mentions`
/// (`Thái Bình Dương`, `Điện Biên Phủ`, `Đoàn TNCS HCM`) swallow the names inside them.
pub fn province_mentions(text: &str) -> Vec<(Range<usize>, &'static Province)> {
    let p = &*PLACES;
    p.mentions.scan(text).into_iter().map(|(r, i)| (r, &p.provinces[i])).collect()
}

/// Outlet markers (domains, outlet abbreviations like "TTH.VN") found in text, with their province.
pub fn outlet_mentions(text: &str) -> Vec<(Range<usize>, &'static Province)> {
    let p = &*PLACES;
    p.outlets.scan(text).into_iter().map(|(r, i)| (r, &p.provinces[i])).collect()
}

/// Today's unit (after 1 July 2025) of an old or new province name.
pub fn today_unit(name: &str) -> Option<&'static str> {
    province_named(name).map(|p| p.today)
}

// ---------------------------------------------------------------------------------------------
// Tables

struct Places {
    provinces: Vec<Province>,
    /// Folded name (words joined by one space) → row.
    by_key: FxHashMap<String, usize>,
    mentions: Matcher,
    outlets: Matcher,
    /// Folded `tỉnh`, `thành`, `phố`, `tp`.
    /// The folded words of each provincial unit (`text_lists.tsv` list `province_unit`: `tỉnh`, `tp`, `thành phố`).
    prefixes: Vec<Vec<String>>,
}

static PLACES: LazyLock<Places> = LazyLock::new(build);

fn fold_phrase(s: &str) -> String {
    let mut buf = String::new();
    words_of(s)
        .map(|w| {
            fold_word(&s[w], &mut buf);
            buf.clone()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn build() -> Places {
    let rows = data::rows(&data::PROVINCES);
    let provinces: Vec<Province> = rows
        .iter()
        .map(|r| Province {
            name: r.get("name"),
            kind: r.get("kind"),
            today: r.get("today"),
            era: Era::parse(r.get("era")).unwrap_or_else(|| r.malformed("era is neither `old` nor `2025`")),
        })
        .collect();
    let mut by_key: FxHashMap<String, usize> = FxHashMap::default();
    let mut mentions = Matcher::default();
    // Old rows first, so that a name shared with a 2025 unit gives the old row.
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by_key(|&i| provinces[i].era != Era::Old);
    for &i in &order {
        let r = &rows[i];
        let scanned = std::iter::once(r.get("name")).chain(r.list("variants")).map(|n| (n, true));
        let lookup_only = r.list("lookup_only").map(|n| (n, false));
        for (name, scan) in scanned.chain(lookup_only) {
            let key = fold_phrase(name);
            match by_key.get(&key) {
                Some(&j) if provinces[j].name != provinces[i].name => {
                    panic!(
                        "data/provinces.tsv:{}: `{name}` names both {} and {}",
                        r.line(),
                        provinces[j].name,
                        provinces[i].name
                    )
                }
                // The 2025 row of a surviving name: the old row already has it.
                Some(&j) if j != i => continue,
                Some(_) => {}
                None => {
                    by_key.insert(key, i);
                }
            }
            if scan {
                mentions.add(name, Some(i));
            }
        }
        for phrase in r.list("not_mentions") {
            mentions.add(phrase, None);
        }
    }
    let mut outlets = Matcher::default();
    for r in data::rows(&data::OUTLETS) {
        let province = r.get("province");
        let i = *by_key
            .get(&fold_phrase(province))
            .unwrap_or_else(|| panic!("data/outlets.tsv:{}: unknown province `{province}`", r.line()));
        outlets.add(r.get("marker"), Some(i));
    }
    mentions.finish();
    outlets.finish();
    let prefixes = crate::data::TextList::ProvinceUnit
        .phrases()
        .map(|unit| fold_phrase(unit).split(' ').map(String::from).collect())
        .collect();
    Places { provinces, by_key, mentions, outlets, prefixes }
}

// ---------------------------------------------------------------------------------------------
// Matching names in running text

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sep {
    Space,
    Dash,
    Dot,
}

struct Pattern {
    /// Folded words, each with whether the text must capitalise it.
    words: Vec<(String, bool)>,
    /// Separators between consecutive words.
    seps: Vec<Sep>,
    /// Row of `provinces.tsv`, or `None` for a phrase that is not a mention.
    target: Option<usize>,
}

#[derive(Default)]
struct Matcher {
    patterns: Vec<Pattern>,
    /// Folded first word → patterns, longest first.
    by_first: FxHashMap<String, Vec<usize>>,
    /// First letters (folded) of patterns whose first word may be lower case in the text.
    lower_firsts: Vec<char>,
    /// Whether every such pattern is a domain (a dot right after its first word).
    lower_dot_only: bool,
}

impl Matcher {
    fn add(&mut self, phrase: &str, target: Option<usize>) {
        let mut words = Vec::new();
        let mut seps = Vec::new();
        let mut buf = String::new();
        let mut prev_end = None;
        for w in words_of(phrase) {
            if let Some(end) = prev_end {
                let (sep, _) = read_sep(phrase, end).unwrap_or_else(|| panic!("odd separator in `{phrase}`"));
                seps.push(sep);
            }
            prev_end = Some(w.end);
            fold_word(&phrase[w.clone()], &mut buf);
            let upper = phrase[w].chars().next().is_some_and(char::is_uppercase);
            words.push((buf.clone(), upper));
        }
        let Some((first, upper)) = words.first().cloned() else {
            return;
        };
        let dup = self
            .by_first
            .get(&first)
            .is_some_and(|v| v.iter().any(|&j| self.patterns[j].words == words && self.patterns[j].seps == seps));
        if dup {
            return;
        }
        if !upper {
            let c = first.chars().next().unwrap();
            if !self.lower_firsts.contains(&c) {
                self.lower_firsts.push(c);
            }
        }
        self.by_first.entry(first).or_default().push(self.patterns.len());
        self.patterns.push(Pattern { words, seps, target });
    }

    fn finish(&mut self) {
        let patterns = &self.patterns;
        let len = |i: &usize| {
            let p = &patterns[*i];
            (p.words.len(), p.words.iter().map(|w| w.0.len()).sum::<usize>())
        };
        for v in self.by_first.values_mut() {
            v.sort_by_key(|i| std::cmp::Reverse(len(i)));
        }
        self.lower_dot_only = patterns.iter().filter(|p| !p.words[0].1).all(|p| p.seps.first() == Some(&Sep::Dot));
    }

    /// Leftmost-longest, non-overlapping matches of the patterns with a target.
    fn scan(&self, text: &str) -> Vec<(Range<usize>, usize)> {
        let mut out = Vec::new();
        let mut buf = String::new();
        let mut pos = 0;
        while let Some(w) = next_word(text, pos) {
            pos = w.end;
            let c = text[w.start..].chars().next().unwrap();
            let upper = if c.is_ascii() { c.is_ascii_uppercase() } else { c.is_uppercase() };
            if !upper
                && (self.lower_dot_only && text.as_bytes().get(w.end) != Some(&b'.')
                    || !self.lower_firsts.contains(&fold_char(c)))
            {
                continue;
            }
            fold_word(&text[w.clone()], &mut buf);
            let Some(cands) = self.by_first.get(buf.as_str()) else {
                continue;
            };
            let mut lookahead = Lookahead::default();
            for &i in cands {
                let p = &self.patterns[i];
                if p.words[0].1 && !upper {
                    continue;
                }
                if let Some(end) = self.match_rest(text, w.end, p, &mut lookahead) {
                    if let Some(t) = p.target {
                        out.push((w.start..end, t));
                    }
                    pos = end;
                    break;
                }
            }
        }
        out
    }

    /// End of the match of `p` whose first word ends at `end`, if the following words match.
    fn match_rest(&self, text: &str, mut end: usize, p: &Pattern, la: &mut Lookahead) -> Option<usize> {
        for (k, ((key, upper), sep)) in p.words[1..].iter().zip(&p.seps).enumerate() {
            let (tsep, range, folded, t_upper) = la.get(text, end, k)?;
            if tsep != *sep || folded != key.as_str() || (*upper && !t_upper) {
                return None;
            }
            end = range.end;
        }
        Some(end)
    }
}

/// The words after a candidate's first word, folded once and shared by all candidates.
#[derive(Default)]
struct Lookahead {
    words: Vec<(Sep, Range<usize>, String, bool)>,
    done: bool,
}

impl Lookahead {
    fn get(&mut self, text: &str, first_end: usize, k: usize) -> Option<(Sep, Range<usize>, &str, bool)> {
        while self.words.len() <= k && !self.done {
            let from = self.words.last().map_or(first_end, |w| w.1.end);
            let Some((sep, start)) = read_sep(text, from) else {
                self.done = true;
                break;
            };
            let w = next_word(text, start).unwrap();
            let mut buf = String::new();
            fold_word(&text[w.clone()], &mut buf);
            let upper = text[w.start..].chars().next().is_some_and(char::is_uppercase);
            self.words.push((sep, w, buf, upper));
        }
        self.words.get(k).map(|(s, r, f, u)| (*s, r.clone(), f.as_str(), *u))
    }
}

// ---------------------------------------------------------------------------------------------
// Words and folding

fn is_word_char(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        '\0'..='\u{7f}' | '\u{d7}' | '\u{f7}' => false,
        // Latin letters with marks (Vietnamese included) and combining marks (NFD text).
        '\u{c0}'..='\u{24f}' | '\u{300}'..='\u{36f}' | '\u{1e00}'..='\u{1eff}' => true,
        // General punctuation (quotes, dashes, ellipsis) is common in news and never a letter.
        '\u{2000}'..='\u{206f}' => false,
        _ => c.is_alphanumeric(),
    }
}

/// The next maximal run of word characters at or after `from` (which must be a char boundary).
fn next_word(text: &str, from: usize) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    let mut i = from;
    loop {
        if i >= bytes.len() {
            return None;
        }
        let (w, n) = word_char_at(text, i);
        if w {
            break;
        }
        i += n;
    }
    let start = i;
    while i < bytes.len() {
        let (w, n) = word_char_at(text, i);
        if !w {
            break;
        }
        i += n;
    }
    Some(start..i)
}

/// [`is_word_char`] of the char at byte `i` (a char boundary), and its length. The scans read every
/// byte of the text, so Vietnamese letters, combining marks and general punctuation are told by
/// their UTF-8 bytes; only other characters are decoded.
fn word_char_at(text: &str, i: usize) -> (bool, usize) {
    let b = text.as_bytes();
    let x = b[i];
    let y = b.get(i + 1).copied().unwrap_or(0);
    match x {
        0..=0x7f => (crate::chars::ASCII_WORD[x as usize], 1),
        // U+00C0..U+00FF except × and ÷; U+0100..U+023F; U+0300..U+036F.
        0xc3 => (!matches!(y, 0x97 | 0xb7), 2),
        0xc4..=0xc8 | 0xcc => (true, 2),
        0xcd if y <= 0xaf => (true, 2),
        // U+1E00..U+1EFF.
        0xe1 if (0xb8..=0xbb).contains(&y) => (true, 3),
        // U+2000..U+206F.
        0xe2 if y == 0x80 || (y == 0x81 && b.get(i + 2).is_some_and(|&z| z < 0xb0)) => (false, 3),
        _ => {
            let c = text[i..].chars().next().unwrap_or('\0');
            (is_word_char(c), c.len_utf8())
        }
    }
}

fn words_of(s: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut pos = 0;
    std::iter::from_fn(move || {
        let w = next_word(s, pos)?;
        pos = w.end;
        Some(w)
    })
}

/// The separator between a word ending at `from` and the next word, and where that word starts:
/// spaces only, one dash (`-`, `–`, `—`) with optional spaces, or one dot right after the word with
/// optional spaces after it. Line breaks and anything else end a name.
fn read_sep(text: &str, from: usize) -> Option<(Sep, usize)> {
    let mut sep = None;
    for (k, c) in text[from..].char_indices() {
        if is_word_char(c) {
            return sep.map(|s| (s, from + k));
        }
        if k > 12 {
            return None;
        }
        sep = match (c, sep) {
            (' ' | '\t' | '\u{a0}', None) => Some(Sep::Space),
            (' ' | '\t' | '\u{a0}', s) => s,
            ('-' | '\u{2010}' | '\u{2011}' | '\u{2013}' | '\u{2014}', None | Some(Sep::Space)) => Some(Sep::Dash),
            ('.', None) => Some(Sep::Dot),
            _ => return None,
        };
    }
    None
}

/// Folded form of a word: lower case, tone marks removed and the tone put at the end (as a control
/// character), so that every tone placement of a syllable folds alike. Vowel marks (â, ă, ơ, ư) and đ stay.
fn fold_word(word: &str, out: &mut String) {
    out.clear();
    let mut tone = None;
    for c in word.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if let Some((folded, t)) = folded_letter(c) {
            // Vietnamese letters from a table made once: decomposing them each time cost more than the scan.
            out.push_str(folded);
            tone = t.or(tone);
        } else {
            fold_char_into(c, out, &mut tone);
        }
    }
    out.extend(tone);
}

/// One character of [`fold_word`]: its letters pushed to `out`, its tone (if any) into `tone`.
fn fold_char_into(c: char, out: &mut String, tone: &mut Option<char>) {
    decompose_canonical(c, |d| match d {
        '\u{300}' => *tone = Some('\u{1}'),
        '\u{301}' => *tone = Some('\u{2}'),
        '\u{303}' => *tone = Some('\u{3}'),
        '\u{309}' => *tone = Some('\u{4}'),
        '\u{323}' => *tone = Some('\u{5}'),
        d if d.is_ascii() => out.push(d.to_ascii_lowercase()),
        'Đ' | 'đ' => out.push('đ'),
        '\u{302}' | '\u{306}' | '\u{31b}' => out.push(d),
        d => out.extend(d.to_lowercase()),
    });
}

/// The letters of Vietnamese (Latin-1 to Latin Extended-B, and U+1EA0..U+1EF9) as [`fold_char_into`]
/// folds them: (folded letters, tone).
fn folded_letter(c: char) -> Option<(&'static str, Option<char>)> {
    static TABLE: LazyLock<Vec<(String, Option<char>)>> = LazyLock::new(|| {
        (0xc0..=0x24f_u32)
            .chain(0x1ea0..=0x1ef9)
            .map(|u| {
                let (mut s, mut tone) = (String::new(), None);
                fold_char_into(char::from_u32(u).unwrap_or('\0'), &mut s, &mut tone);
                (s, tone)
            })
            .collect()
    });
    let i = match c as u32 {
        u @ 0xc0..=0x24f => u - 0xc0,
        u @ 0x1ea0..=0x1ef9 => u - 0x1ea0 + (0x24f - 0xc0 + 1),
        _ => return None,
    };
    TABLE.get(i as usize).map(|(s, t)| (s.as_str(), *t))
}

/// First character of `fold_word` of a word starting with `c`.
fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    if let Some(f) = folded_letter(c).and_then(|(s, _)| s.chars().next()) {
        return f;
    }
    let mut first = None;
    decompose_canonical(c, |d| {
        first.get_or_insert(d);
    });
    match first {
        Some(d) if d.is_ascii() => d.to_ascii_lowercase(),
        Some('Đ' | 'đ') => 'đ',
        Some(d) => d.to_lowercase().next().unwrap_or(d),
        None => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    fn named(s: &str) -> Option<&'static str> {
        province_named(s).map(|p| p.name)
    }

    fn mentioned(text: &str) -> Vec<(&str, &'static str)> {
        province_mentions(text).into_iter().map(|(r, p)| (&text[r], p.name)).collect()
    }

    #[test]
    fn counts_and_shape() {
        let old: Vec<_> = provinces().iter().filter(|p| p.era == Era::Old).collect();
        let new: Vec<_> = provinces().iter().filter(|p| p.era == Era::Merged2025).collect();
        assert_eq!(old.len(), 63);
        assert_eq!(new.len(), 34);
        assert_eq!(provinces().len(), 97);
        assert_eq!(new.iter().filter(|p| p.kind == "thành phố").count(), 6);
        assert_eq!(old.iter().filter(|p| p.kind == "thành phố").count(), 5);
        for p in provinces() {
            assert!(p.kind == "tỉnh" || p.kind == "thành phố", "{}", p.name);
            assert!(new.iter().any(|n| n.name == p.today), "{} → {}", p.name, p.today);
        }
        for n in &new {
            assert_eq!(n.today, n.name);
            assert!(old.iter().any(|o| o.today == n.name), "no old unit became {}", n.name);
        }
        let mut names: Vec<_> = old.iter().map(|p| p.name).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), 63);
    }

    #[test]
    fn merger() {
        let cases = [
            ("Kon Tum", "Quảng Ngãi"),
            ("Bình Định", "Gia Lai"),
            ("Bến Tre", "Vĩnh Long"),
            ("Thừa Thiên Huế", "Huế"),
            ("Huế", "Huế"),
            ("Hà Nội", "Hà Nội"),
            ("Quảng Nam", "Đà Nẵng"),
            ("Bà Rịa - Vũng Tàu", "Thành phố Hồ Chí Minh"),
            ("Bình Dương", "Thành phố Hồ Chí Minh"),
            ("Hải Dương", "Hải Phòng"),
            ("Hà Giang", "Tuyên Quang"),
            ("Yên Bái", "Lào Cai"),
            ("Bắc Kạn", "Thái Nguyên"),
            ("Hòa Bình", "Phú Thọ"),
            ("Vĩnh Phúc", "Phú Thọ"),
            ("Bắc Giang", "Bắc Ninh"),
            ("Thái Bình", "Hưng Yên"),
            ("Hà Nam", "Ninh Bình"),
            ("Nam Định", "Ninh Bình"),
            ("Quảng Bình", "Quảng Trị"),
            ("Phú Yên", "Đắk Lắk"),
            ("Ninh Thuận", "Khánh Hòa"),
            ("Bình Thuận", "Lâm Đồng"),
            ("Đắk Nông", "Lâm Đồng"),
            ("Bình Phước", "Đồng Nai"),
            ("Long An", "Tây Ninh"),
            ("Tiền Giang", "Đồng Tháp"),
            ("Trà Vinh", "Vĩnh Long"),
            ("Kiên Giang", "An Giang"),
            ("Hậu Giang", "Cần Thơ"),
            ("Sóc Trăng", "Cần Thơ"),
            ("Bạc Liêu", "Cà Mau"),
            ("Cao Bằng", "Cao Bằng"),
            ("tỉnh Gia Lai", "Gia Lai"),
            ("Daklak", "Đắk Lắk"),
        ];
        for (old, new) in cases {
            assert_eq!(today_unit(old), Some(new), "{old}");
        }
        assert_eq!(today_unit("Hà Tây"), None);
        assert_eq!(province_named("Huế").unwrap().era, Era::Merged2025);
        assert_eq!(province_named("Gia Lai").unwrap().era, Era::Old);
    }

    #[test]
    fn names_and_variants() {
        let cases = [
            ("Thừa Thiên Huế", Some("Thừa Thiên Huế")),
            ("tỉnh Thừa Thiên - Huế", Some("Thừa Thiên Huế")),
            ("TT-Huế", Some("Thừa Thiên Huế")),
            ("Huế", Some("Huế")),
            ("thành phố Huế", Some("Huế")),
            ("TP HCM", Some("Thành phố Hồ Chí Minh")),
            ("TP.HCM", Some("Thành phố Hồ Chí Minh")),
            ("Tp.HCM", Some("Thành phố Hồ Chí Minh")),
            ("TPHCM", Some("Thành phố Hồ Chí Minh")),
            ("TP. Hồ Chí Minh", Some("Thành phố Hồ Chí Minh")),
            ("thành phố Hồ Chí Minh", Some("Thành phố Hồ Chí Minh")),
            ("Hồ Chí Minh", Some("Thành phố Hồ Chí Minh")),
            ("Sài Gòn", Some("Thành phố Hồ Chí Minh")),
            ("BR-VT", Some("Bà Rịa - Vũng Tàu")),
            ("Bà Rịa-Vũng Tàu", Some("Bà Rịa - Vũng Tàu")),
            ("Đắc Lắc", Some("Đắk Lắk")),
            ("ĐẮK LẮK", Some("Đắk Lắk")),
            ("Hoà Bình", Some("Hòa Bình")),
            ("hòa bình", Some("Hòa Bình")),
            ("Khánh Hoà", Some("Khánh Hòa")),
            ("Thanh Hoá", Some("Thanh Hóa")),
            ("  Kon   Tum ", Some("Kon Tum")),
            ("Kontum", Some("Kon Tum")),
            ("TỈNH KON TUM", Some("Kon Tum")),
            ("Thành phố Đà Nẵng", Some("Đà Nẵng")),
            ("TP Cần Thơ", Some("Cần Thơ")),
            ("Hà Nội", Some("Hà Nội")),
            ("Quảng", None),
            ("Nam", None),
            ("tỉnh", None),
            ("", None),
            ("Hà Tây", None),
        ];
        for (name, want) in cases {
            assert_eq!(named(name), want, "{name:?}");
            assert_eq!(named(&name.nfd().collect::<String>()), want, "NFD {name:?}");
        }
    }

    #[test]
    fn mentions() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            ("Hội nghị tại tỉnh Quảng Nam và Hà Nam", &[("Quảng Nam", "Quảng Nam"), ("Hà Nam", "Hà Nam")]),
            ("Nam Bộ, miền Nam, Quảng", &[]),
            ("Tỉnh ủy Thừa Thiên Huế; thành phố Huế", &[("Thừa Thiên Huế", "Thừa Thiên Huế"), ("Huế", "Huế")]),
            ("Huếch, ThừaHuế, Huế1", &[]),
            (
                "Đoàn công tác TP.HCM và TP HCM, TP. Hồ Chí Minh",
                &[
                    ("TP.HCM", "Thành phố Hồ Chí Minh"),
                    ("TP HCM", "Thành phố Hồ Chí Minh"),
                    ("TP. Hồ Chí Minh", "Thành phố Hồ Chí Minh"),
                ],
            ),
            ("học tập tư tưởng Hồ Chí Minh, Đoàn TNCS HCM, Chủ tịch Hồ Chí Minh", &[]),
            ("tại thành phố Hồ Chí Minh", &[("thành phố Hồ Chí Minh", "Thành phố Hồ Chí Minh")]),
            ("giữ gìn hòa bình; tỉnh Hoà Bình", &[("Hoà Bình", "Hòa Bình")]),
            (
                "Thái Bình Dương; tỉnh Thái Bình; Bình Dương",
                &[("Thái Bình", "Thái Bình"), ("Bình Dương", "Bình Dương")],
            ),
            ("Chiến thắng Điện Biên Phủ; tỉnh Điện Biên", &[("Điện Biên", "Điện Biên")]),
            (
                "Bà Rịa – Vũng Tàu, BR-VT, Bà Rịa-Vũng Tàu",
                &[
                    ("Bà Rịa – Vũng Tàu", "Bà Rịa - Vũng Tàu"),
                    ("BR-VT", "Bà Rịa - Vũng Tàu"),
                    ("Bà Rịa-Vũng Tàu", "Bà Rịa - Vũng Tàu"),
                ],
            ),
            ("Kon Tum: Hội nghị", &[("Kon Tum", "Kon Tum")]),
            ("Kon\nTum", &[]),
            ("Đắk Lắk, Đắc Lắc, Daklak", &[("Đắk Lắk", "Đắk Lắk"), ("Đắc Lắc", "Đắk Lắk"), ("Daklak", "Đắk Lắk")]),
            ("Quảng Nam - Đà Nẵng", &[("Quảng Nam", "Quảng Nam"), ("Đà Nẵng", "Đà Nẵng")]),
        ];
        for (text, want) in cases {
            assert_eq!(mentioned(text), want.to_vec(), "{text:?}");
        }
        // NFD text: same provinces, ranges in the NFD text.
        let nfd: String = "Sáng 13/12, tại tỉnh Thừa Thiên Huế".nfd().collect();
        let got = mentioned(&nfd);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].1, "Thừa Thiên Huế");
        assert_eq!(got[0].0.nfc().collect::<String>(), "Thừa Thiên Huế");
    }

    #[test]
    fn outlets() {
        let cases: &[(&str, &[&str])] = &[
            ("TTH.VN - Chiều 13/12, Ban Dân vận Tỉnh ủy", &["Thừa Thiên Huế"]),
            ("Tin, ảnh: Quốc Hùng (baokontum.com.vn)", &["Kon Tum"]),
            ("Nguồn: https://www.baobinhdinh.vn/viewer.aspx?macm=1", &["Bình Định"]),
            ("Theo Báo Bình Định", &["Bình Định"]),
            ("Theo báo cáo, baoquangninh.com.vn và sggp.org.vn", &["Quảng Ninh", "Thành phố Hồ Chí Minh"]),
            ("Theo VnExpress, Tuổi Trẻ, Thanh Niên", &[]),
            ("notbaokontum.com.vn", &[]),
        ];
        for (text, want) in cases {
            let got: Vec<_> = outlet_mentions(text).into_iter().map(|(_, p)| p.name).collect();
            assert_eq!(got, want.to_vec(), "{text:?}");
        }
        let text = "TTH.VN - Chiều 13/12";
        assert_eq!(outlet_mentions(text)[0].0, 0..6);
    }

    #[test]
    fn tables_are_clean() {
        // Every file parses, is NFC, has no duplicate key: tests/data_files.rs.
        // Every outlet row resolves, and no marker is listed twice.
        let rows = data::rows(&data::OUTLETS);
        let mut markers: Vec<_> = rows.iter().map(|r| fold_phrase(r.get("marker"))).collect();
        for r in &rows {
            let province = r.get("province");
            let p = province_named(province).unwrap_or_else(|| panic!("data/outlets.tsv:{}: {province}", r.line()));
            assert_eq!(p.era, Era::Old, "{province}");
            assert!(["domain", "name", "abbreviation"].contains(&r.get("kind")), "{:?}", r);
        }
        markers.sort();
        let n = markers.len();
        markers.dedup();
        assert_eq!(markers.len(), n, "duplicate outlet marker");
        assert!(n >= 63 * 3);
        // Family names: known groups, no duplicates.
        let fam = data::rows(&data::FAMILY_NAMES);
        let mut names: Vec<_> = fam.iter().map(|r| r.get("name")).collect();
        for r in &fam {
            assert!(["kinh", "minority"].contains(&r.get("group")), "{:?}", r);
        }
        names.sort();
        names.dedup();
        assert_eq!(names.len(), fam.len());
        for must in ["Nguyễn", "Trần", "Lê", "Huỳnh", "Ksor", "Rơ Châm", "H'", "Y", "Điểu", "Thạch", "Danh", "Lò"]
        {
            assert!(names.contains(&must), "{must}");
        }
    }

    #[test]
    fn byte_classes_agree() {
        for c in (0..0x2100).chain(0x1e00..0x1f00).filter_map(char::from_u32) {
            let s = format!("{c}a");
            assert_eq!(word_char_at(&s, 0), (is_word_char(c), c.len_utf8()), "{c:?}");
            let mut first = None;
            decompose_canonical(c, |d| {
                first.get_or_insert(d);
            });
            let slow = match first {
                Some(d) if d.is_ascii() => d.to_ascii_lowercase(),
                Some('Đ' | 'đ') => 'đ',
                Some(d) => d.to_lowercase().next().unwrap_or(d),
                None => c,
            };
            assert_eq!(fold_char(c), slow, "{c:?}");
        }
    }

    #[test]
    fn folding() {
        let mut a = String::new();
        let mut b = String::new();
        for (x, y) in [("hoà", "hòa"), ("Thuỷ", "thủy"), ("khoẻ", "khỏe"), ("ĐẮK", "đắk"), ("Uỷ", "ủy")]
        {
            fold_word(x, &mut a);
            fold_word(y, &mut b);
            assert_eq!(a, b, "{x} {y}");
        }
        fold_word("hồ", &mut a);
        fold_word("hố", &mut b);
        assert_ne!(a, b);
        fold_word("hô", &mut b);
        assert_ne!(a, b);
    }
}
