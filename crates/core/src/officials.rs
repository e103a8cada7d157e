//! Stage 4c, officials: people with the titles attached to them, across the sentences of one article.
//!
//! Each name's titles are rendered with abbreviations expanded (`titles`) and as written
//! (`titles_as_written`). A party-committee rank without a body borrows the committee of a
//! sibling title (`Ủy viên Thường vụ, Trưởng Ban Dân vận Thành ủy` → `Ủy viên Ban Thường vụ
//! Thành ủy`); `A kiêm B X` gives A the organisation X. Shortened repeats (`UVBTV, Trưởng Ban`)
//! and ranks that say nothing without a body are dropped; a person with no title left is not an official.

use crate::fasthash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::ops::Range;

use crate::abbreviations::{expand, Definitions};
use crate::classes::{self, Class};
use crate::fold::fold;
use crate::items::{announced_list, attach, items, listed_names, roles_of, shared_title, Item};
use crate::lexicon::RANKS;
use crate::places::province_mentions;
use crate::positions::{rank_is_standing, standing_at, Title};
use crate::record::{Official, Position, Role, Span};
use crate::spans::CharIndex;
use crate::tokens::{within, Cursor, Token};

/// One rendered title.
#[derive(Debug, Clone)]
struct Rendered {
    expanded: String,
    written: String,
    needs_body: bool,
    has_body: bool,
    /// A rank without a body listed before the person's next title (`Phó Tư lệnh, Tham mưu trưởng Quân khu 5`,
    /// `Tổng Thư ký, Chủ nhiệm Văn phòng Quốc hội`): a post of its own, as the article gives it.
    listed: bool,
    /// A title shared by a list of names after it (`5 Phó Chủ tịch là: A, B`): the article gives it to each of
    /// them as it stands, body or not.
    shared: bool,
    position: Position,
}

impl Rendered {
    /// A title worth keeping: it has its body, needs none, or stands in a list of posts.
    fn complete(&self) -> bool {
        self.has_body || !self.needs_body || self.listed || self.shared
    }
}

/// What one sentence says of each person in it.
#[derive(Debug, Clone)]
pub struct Mention {
    pub name: String,
    pub span: Span,
    pub sentence: Range<usize>,
    pub titles: Vec<(String, String)>,
    /// The same titles read into their parts (parallel to `titles`).
    pub positions: Vec<Position>,
    pub roles: Vec<Role>,
}

/// Where a party committee (`Tỉnh ủy`, `Thành ủy TPHCM`, `Đảng ủy Khối`) starts in a body.
fn committee_start(tokens: &[Token], body: &Range<usize>) -> Option<usize> {
    body.clone().skip(1).find(|&k| tokens[k].is(Class::Committee)).map(|k| k - 1)
}

fn render(title: &Title, body: Range<usize>, tokens: &[Token], text: &str, defs: &Definitions) -> Rendered {
    let rank = &RANKS.list[title.rank];
    // `Quyền` and `Thường trực` are how the record writes an acting or standing post (as serde writes a role),
    // whatever words of class `acting` or `standing` the article used: output, not words the rules look for.
    let expanded_body = (!body.is_empty()).then(|| expand(tokens, text, body.clone(), defs));
    // The parts joined by spaces, written straight into one string of their length (an official keeps it).
    const ACTING: &str = "Quyền ";
    const STANDING: &str = " Thường trực";
    let length = usize::from(title.acting) * ACTING.len()
        + rank.name.len()
        + usize::from(title.standing) * STANDING.len()
        + expanded_body.as_ref().map_or(0, |b| 1 + b.len());
    let mut expanded = String::with_capacity(length);
    if title.acting {
        expanded.push_str(ACTING);
    }
    expanded.push_str(rank.name);
    if !body.is_empty() && rank.name.ends_with(" ban") {
        expanded.replace_range(expanded.len() - 3.., "Ban");
    }
    if title.standing {
        expanded.push_str(STANDING);
    }
    if let Some(body) = &expanded_body {
        expanded.push(' ');
        expanded.push_str(body);
    }
    let position =
        Position { rank: rank.name.to_string(), body: expanded_body, standing: title.standing, acting: title.acting };
    let written_end = tokens[title.tokens.end.max(title.tokens.start + 1) - 1].range().end;
    Rendered {
        expanded,
        written: text[tokens[title.tokens.start].range().start..written_end].to_string(),
        needs_body: rank.needs_body,
        has_body: !body.is_empty(),
        listed: false,
        shared: false,
        position,
    }
}

/// Which person a title is rendered for: the name's item, and whether a note after it makes the titles before
/// it standing (`Lê Thanh Liêm (thường trực)`). `None` for a title read without its person.
#[derive(Debug, Clone, Copy)]
struct Holder {
    item: usize,
    standing_note: bool,
}

/// The titles of one name, in order, with bodies borrowed where the genre shares them.
fn titles_of(
    owned: &[usize],
    items: &[Item],
    holder: Option<Holder>,
    tokens: &[Token],
    text: &str,
    defs: &Definitions,
) -> Vec<Rendered> {
    let owned: Vec<usize> = owned.iter().copied().filter(|&i| matches!(items[i], Item::Title(_))).collect();
    let titles: Vec<&Title> =
        owned.iter().filter_map(|&i| if let Item::Title(t) = &items[i] { Some(t) } else { None }).collect();
    let mut out = Vec::new();
    for (n, title) in titles.iter().enumerate() {
        // A title an announced list shares (`5 Phó Chủ tịch là: A, B`): given as it stands; standing when the
        // person's note after the name says so (`A (thường trực)`), as for any title before the name.
        let before_holder = holder.filter(|h| owned[n] < h.item);
        let shared = before_holder.is_some_and(|h| {
            shared_title(items, owned[n])
                && announced_list(items, owned[n])
                && listed_names(items, owned[n]).contains(&h.item)
        });
        let standing_note = before_holder.is_some_and(|h| h.standing_note);
        if title.former {
            continue;
        }
        let mut body = title.body.clone();
        if body.is_empty() {
            let rank = &RANKS.list[title.rank];
            let later = titles[n + 1..].iter();
            if rank.party {
                if let Some((t, start)) = later.clone().find_map(|t| committee_start(tokens, &t.body).map(|s| (t, s))) {
                    body = start..t.body.end;
                }
            } else if rank.needs_body {
                let kiem = tokens.get(title.tokens.end).is_some_and(|t| t.is(Class::Concurrent));
                if let (true, Some(next)) = (kiem, titles.get(n + 1)) {
                    if let Some(start) = next.body.clone().rev().find(|&k| {
                        tokens[k].is(Class::SharedHead) && tokens[k].text(text).starts_with(char::is_uppercase)
                    }) {
                        body = start..next.body.end;
                    }
                }
            }
        }
        let noted;
        let title = if standing_note && !title.standing && !rank_is_standing(title.rank) {
            noted = Title { standing: true, ..(*title).clone() };
            &noted
        } else {
            *title
        };
        let mut rendered = render(title, body, tokens, text, defs);
        rendered.shared = shared;
        // Only before a complete post ("UVBTV, Trưởng Ban" is a shortened repeat), not a party rank (those borrow
        // their committee) and not a plural title ("các ĐB, Bộ trưởng ... NAME" lists the deputies, then the person).
        // A comma or `kiêm` between them (`Phó Tư lệnh kiêm Tham mưu trưởng Quân khu 5`: two posts, the first as
        // written when the second's body has no head to share with it).
        rendered.listed = !title.plural
            && titles.get(n + 1).is_some_and(|next| {
                tokens.get(title.tokens.end).is_some_and(|t| t.is_punct(',') || t.is(Class::Concurrent))
                    && next.tokens.start == title.tokens.end + 1
                    && !next.body.is_empty()
            });
        out.push(rendered);
    }
    out
}

/// Every person mentioned with a title or a role, sentence by sentence.
pub fn mentions(
    text: &str,
    all_tokens: &[Token],
    sentences: &[Range<usize>],
    defs: &Definitions,
    index: &CharIndex,
) -> Vec<Mention> {
    let mut out = Vec::new();
    each_mention(text, all_tokens, sentences, defs, index, &mut |m| out.push(m), &mut |_| {});
    out
}

/// How many sentences [`each_mention`] reads between two calls of its `progress`.
const PROGRESS_EVERY: usize = 4096;

/// [`mentions`] one at a time, to `found` as they come (a long article's mentions need not all be held at
/// once: [`Gathered`] takes them), with the fraction of sentences read to `progress` every few thousand.
#[inline(never)] // a stage of `extract_with_progress`: see there why
pub fn each_mention(
    text: &str,
    all_tokens: &[Token],
    sentences: &[Range<usize>],
    defs: &Definitions,
    index: &CharIndex,
    found: &mut dyn FnMut(Mention),
    progress: &mut dyn FnMut(f64),
) {
    let mut previous: Option<&Range<usize>> = None;
    let mut cursor = Cursor::new(all_tokens);
    for (read, sentence) in sentences.iter().enumerate() {
        if read % PROGRESS_EVERY == PROGRESS_EVERY - 1 {
            progress(read as f64 / sentences.len() as f64);
        }
        let before = previous.replace(sentence);
        let tokens = cursor.within(sentence);
        // Most sentences name nobody: skip them before the full parse. A foreign post's holder may have no family
        // name of the lexicon, but comes after a country or a foreign post (`Tổng thống Donald Trump`).
        let may_name = |i| {
            crate::people::may_start_name(tokens, i)
                || crate::people::may_start_country(tokens, i)
                || crate::positions::may_start_foreign_post(tokens, text, i)
        };
        if !(0..tokens.len()).any(may_name) {
            continue;
        }
        let items = items(tokens, text);
        if !items.iter().any(|i| matches!(i, Item::Name(_))) {
            continue;
        }
        let owned = attach(&items);
        let roles = roles_of(&items);
        let shared = before
            .filter(|_| opens_a_list(tokens))
            .map(|b| trailing_plural(text, all_tokens, b, defs))
            .unwrap_or_default();
        for (n, item) in items.iter().enumerate() {
            let Item::Name(name) = item else { continue };
            let holder = Holder { item: n, standing_note: standing_note_after(tokens, name.tokens.end) };
            let mut titles =
                owned.get(&n).map(|o| titles_of(o, &items, Some(holder), tokens, text, defs)).unwrap_or_default();
            titles.extend(shared.iter().cloned());
            let span = index.span(tokens[name.tokens.start].range().start..tokens[name.tokens.end - 1].range().end);
            titles.retain(Rendered::complete);
            let (titles, positions) = titles.into_iter().map(|t| ((t.expanded, t.written), t.position)).unzip();
            found(Mention {
                name: name.name.clone(),
                span,
                sentence: sentence.clone(),
                titles,
                positions,
                roles: roles.get(&n).cloned().unwrap_or_default(),
            });
        }
    }
}

/// A bracket right after a name that says the person's post is the standing one: `Lê Thanh Liêm (thường trực)`.
fn standing_note_after(tokens: &[Token], end: usize) -> bool {
    tokens.get(end).is_some_and(|t| t.is_punct('('))
        && standing_at(tokens, end + 1).is_some_and(|n| tokens.get(end + 1 + n).is_some_and(|t| t.is_punct(')')))
}

/// A sentence that lists the people a plural title before it announced: "Đó là ông A ..., ông B ...".
fn opens_a_list(tokens: &[Token]) -> bool {
    classes::phrase_at(tokens, 0, Class::ListIntro).is_some()
}

/// A plural title that ends a sentence with nobody named after it ("kỷ luật 4 ủy viên trung ương Đảng.").
fn trailing_plural(text: &str, all_tokens: &[Token], sentence: &Range<usize>, defs: &Definitions) -> Vec<Rendered> {
    let tokens = within(all_tokens, sentence);
    let items = items(tokens, text);
    let Some(t) = items.iter().rposition(|i| matches!(i, Item::Title(title) if title.plural)) else {
        return Vec::new();
    };
    if items[t..].iter().any(|i| matches!(i, Item::Name(_))) {
        return Vec::new();
    }
    titles_of(&[t], &items, None, tokens, text, defs).into_iter().filter(Rendered::complete).collect()
}

/// Officials from mentions: one per name (case and tone placement folded), titles deduplicated,
/// shortened repeats dropped, people without a title left out.
pub fn officials(mentions: &[Mention]) -> Vec<Official> {
    let mut gathered = Gathered::default();
    for m in mentions {
        gathered.add(m.clone());
    }
    gathered.officials()
}

/// The officials of the mentions added so far (what [`officials`] returns, one mention at a time).
#[derive(Default)]
pub struct Gathered {
    /// Each official with its titles folded, in the order their names first came.
    found: Vec<(Official, FoldedTitles)>,
    /// Each official's place in `found` by folded name.
    by_name: HashMap<String, usize>,
}

impl Gathered {
    /// Takes one mention: its strings move into the official (a long list's mentions are each added once).
    pub fn add(&mut self, m: Mention) {
        let found = &mut self.found;
        let at = *self.by_name.entry(fold(&m.name)).or_insert_with(|| {
            found.push((Official { name: m.name, ..Official::default() }, FoldedTitles::default()));
            found.len() - 1
        });
        let (official, folded_titles) = &mut found[at];
        for ((expanded, written), position) in m.titles.into_iter().zip(m.positions) {
            if folded_titles.insert(fold(&expanded)) {
                official.titles.push(expanded);
                official.titles_as_written.push(written);
                official.positions.push(position);
            }
        }
        for role in &m.roles {
            if !official.roles.contains(role) {
                official.roles.push(*role);
            }
        }
        official.mentions.push(m.span);
    }

    /// The officials in the order their names first came, shortened repeats dropped, those without a title left out.
    #[inline(never)] // a stage of `extract_with_progress`: see there why
    pub fn officials(self) -> Vec<Official> {
        self.found
            .into_iter()
            .map(|(official, folded)| drop_shortened(official, &folded.list))
            .filter(|o| !o.titles.is_empty())
            .collect()
    }
}

/// One official's titles folded, in the order of its titles: what a new title is compared with, and what
/// [`drop_shortened`] reads (folding them all again there cost as much as gathering them).
#[derive(Default)]
struct FoldedTitles {
    list: Vec<String>,
    /// The same titles as a set once there are more than [`FEW_TITLES`]: one name may hold thousands.
    set: HashSet<String>,
}

/// Up to this many titles, comparing with each is quicker than hashing (nearly every official has one to three).
const FEW_TITLES: usize = 16;

impl FoldedTitles {
    /// Adds a folded title; whether it is new.
    fn insert(&mut self, folded: String) -> bool {
        if self.list.len() < FEW_TITLES {
            if self.list.contains(&folded) {
                return false;
            }
        } else {
            if self.set.is_empty() {
                self.set.extend(self.list.iter().cloned());
            }
            if !self.set.insert(folded.clone()) {
                return false;
            }
        }
        self.list.push(folded);
        true
    }
}

/// "Chủ tịch UBND tỉnh" where the article also writes "Chủ tịch UBND tỉnh Gia Lai": a title whose body asks for its
/// place (it ends with a unit word or a local Party committee's: `UBND tỉnh`, `Tỉnh ủy`) takes the one province
/// the article writes right after the same words; the fullest form of a position is the one kept. Two provinces
/// after it, or none, leave it as written. `article` is the title and body (byte range).
#[inline(never)] // a stage of `extract_with_progress`: see there why
pub fn complete_places(officials: &mut [Official], text: &str, article: Range<usize>) {
    let scope = &text[article];
    // One search per title as written, however many people hold it: a long list stays linear.
    let mut places_after: HashMap<String, Option<String>> = HashMap::default();
    // Whether each body asks for its place, folded and read once however many people's titles have it.
    let mut asking: HashMap<String, bool> = HashMap::default();
    for official in officials.iter_mut() {
        for i in 0..official.titles.len() {
            let body = official.positions.get(i).and_then(|p| p.body.as_deref());
            let asks = body.is_some_and(|b| match asking.get(b) {
                Some(&asks) => asks,
                None => {
                    let asks =
                        classes::asks_for_place(&fold(b).split_whitespace().map(String::from).collect::<Vec<_>>());
                    asking.insert(b.to_string(), asks);
                    asks
                }
            });
            if !asks {
                continue;
            }
            // Looked up by the title as written before it is copied: most are asked before.
            let written = &official.titles_as_written[i];
            let place = match places_after.get(written.as_str()) {
                Some(place) => place.clone(),
                None => {
                    let place = one_place_after(scope, written);
                    places_after.insert(written.clone(), place.clone());
                    place
                }
            };
            let Some(place) = place else { continue };
            official.titles[i] = format!("{} {place}", official.titles[i]);
            official.titles_as_written[i] = format!("{} {place}", official.titles_as_written[i]);
            if let Some(body) = official.positions[i].body.as_mut() {
                *body = format!("{body} {place}");
            }
        }
    }
}

/// The one province the text writes right after `written` (`Chủ tịch UBND tỉnh` + ` Gia Lai`), `None` when it
/// writes none or several.
fn one_place_after(scope: &str, written: &str) -> Option<String> {
    let mut places: Vec<&str> = Vec::new();
    for (at, _) in scope.match_indices(written) {
        let after = &scope[at + written.len()..];
        let Some(rest) = after.strip_prefix(' ') else { continue };
        let mut end = rest.len().min(60);
        while !rest.is_char_boundary(end) {
            end -= 1;
        }
        let window = &rest[..end];
        if let Some((r, _)) = province_mentions(window).into_iter().find(|(r, _)| r.start == 0) {
            if !places.contains(&&window[r.clone()]) {
                places.push(&window[r]);
            }
        }
    }
    match places[..] {
        [place] => Some(place.to_string()),
        _ => None,
    }
}

/// Drops a title that is the start of a longer one of the same person (`Trưởng Ban` of `Trưởng Ban Dân vận Tỉnh ủy`).
/// `folded` are the titles folded, in order.
fn drop_shortened(mut official: Official, folded: &[String]) -> Official {
    // One title is the start of no other.
    if official.titles.len() < 2 {
        return official;
    }
    // A title is a start of another that ends before one of its spaces.
    let keep: Vec<bool> = if folded.len() <= FEW_TITLES {
        let starts = |t: &str, u: &String| u.starts_with(t) && u.as_bytes().get(t.len()) == Some(&b' ');
        folded.iter().map(|t| !folded.iter().any(|u| starts(t, u))).collect()
    } else {
        // Every such start as a set, so a person with many titles stays linear.
        let starts: HashSet<&str> =
            folded.iter().flat_map(|t| t.char_indices().filter(|(_, c)| *c == ' ').map(|(i, _)| &t[..i])).collect();
        folded.iter().map(|t| !starts.contains(t.as_str())).collect()
    };
    let mut k = keep.iter();
    official.titles.retain(|_| *k.next().unwrap_or(&true));
    let mut k = keep.iter();
    official.titles_as_written.retain(|_| *k.next().unwrap_or(&true));
    let mut k = keep.iter();
    official.positions.retain(|_| *k.next().unwrap_or(&true));
    official
}
