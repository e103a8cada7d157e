//! Word classes: what the rules know about a word (`data/word_classes.tsv`), as a table of folded words.
//!
//! The text layer's part of the classes: the tokenizer asks [`of`] once per word form (through its fold cache)
//! and stores the answer in the token. Lookups over tokens (phrases of a class at a token) are [`crate::classes`],
//! above the tokenizer; it re-exports this module's names, so a stage imports `crate::classes` alone.

use std::sync::LazyLock;

use crate::data;
use crate::fasthash::{FxHashMap as HashMap, WordFilter};
use crate::fold::fold;

/// A class of words the stages' grammar refers to. The names in the data file are the snake_case
/// forms of these (`org_head`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Class {
    /// An administrative unit (`tỉnh`, `huyện`, `phường`): capitalised words after it are its name.
    Unit,
    /// A word that starts a body's name (`Ban`, `Bộ`, `Sở`): a `và` before it joins two bodies.
    OrgHead,
    /// An organisation's head after which a pair of capitalised words names it (`Bộ Nông Nghiệp`), not a person.
    NamedOrgHead,
    /// A head that `kiêm` shares between two titles (`Tổng Giám đốc kiêm Chủ tịch HĐQT Tập đoàn ...`).
    SharedHead,
    /// A form of address before a name (`ông`, `bà`, `đ/c`, `ngài`).
    Honorific,
    /// A word between a comma and a name in an apposition (`Cục trưởng ..., tiến sĩ Lê Hồng Sơn`).
    Apposition,
    /// A word that may stand between the names a verb applies to (`của Thủ tướng A và các Phó Thủ tướng: B, C`).
    ListWord,
    /// A word that may stand in the list of names after a shared title (`các Phó Thủ tướng như ông A, B`).
    TitleListWord,
    /// A word before a title that makes it shared by the names listed after it (`các Phó Thủ tướng`).
    Plural,
    /// A word before a title that makes it a former post (`nguyên`, `cựu`).
    Former,
    /// A word of a clause (a verb or function word): a phrase holding one is not a body's name.
    ClauseWord,
    /// A word that ends a list of a verb's subjects when it stands after a name (`và`, `đã`, `cùng`).
    SubjectEnd,
    /// A word that joins two posts one person holds at once (`kiêm`).
    Concurrent,
    /// A word before a verb that says nobody does it (`không`, `chưa`), or a pair that says a meeting is not held
    /// (`không thể`, `không nhóm` before `họp`).
    Negation,
    /// The writer's note in a bracket after a title (`- PV)`): not part of the body.
    WriterNote,
    /// A word before a title that makes it the person's new post (`tân Bộ trưởng`).
    NewPost,
    /// A stop word that is also the second syllable of a capitalised name (`Ban Chỉ đạo`, `Phát triển`).
    NameSecondSyllable,
    /// A counted noun after a plain number (`5 năm`, `10 tỷ`, `3 nhiệm kỳ`): the number is a quantity.
    Quantity,
    /// A word pair that names a body with the head word before it, even in lower case or when it is a rank
    /// elsewhere: `Ban chỉ đạo`, `Tổ công tác`, `Ban quản lý`, `Bộ Tư lệnh`, `Bộ Chỉ huy`.
    HeadCompound,
    /// A function word that links phrases (`của`, `về`, `với`): never the second syllable of a capitalised name,
    /// so a body does not end on one (`Ban chỉ đạo phòng chống Covid-19 của quân đội`).
    Connective,
    /// An abbreviation written with a dot after it (`TP.`, `ThS.`, `PGS.`): the dot does not end the sentence.
    DottedAbbreviation,
    /// A word or phrase that starts the name of a body that can hold a meeting (`Ban`, `Ủy ban`, `Đoàn công tác`,
    /// `Thường trực`, `Quốc hội`): the meetings stage reads organisers as phrases that start with one.
    BodyHead,
    /// A verb whose object is a meeting, making its subject the organiser (`tổ chức`, `chủ trì`, `có` `buổi làm việc`).
    OrganiserVerb,
    /// A verb of a visiting body, whose subject hosts or leads the meeting the sentence reports (`đến`, `thăm`, `làm việc`).
    VisitVerb,
    /// A word between a subject and its verb that leaves the subject as it is (`đã`, `tiếp tục`, `long trọng`).
    PreVerb,
    /// A word that joins a second subject to the first (`và`, `cùng`, `phối hợp với`, `dẫn đầu`).
    CoSubject,
    /// A word of a day or time (`sáng`, `ngày`, `hôm`, `nay`, `tháng`): it ends a body's name and may stand between
    /// a subject and its verb (`... sáng 2/11 đã tổ chức`).
    DayWord,
    /// A classifier noun before a meeting word, where the meeting's name starts (`buổi`, `cuộc`, `phiên`, `lễ`).
    MeetingNoun,
    /// A word before the other side of a meeting (`làm việc với X`, `họp giữa X và Y`): X is no organiser.
    Counterpart,
    /// Words before a meeting phrase that cite another meeting than the one reported (`Nghị quyết Đại hội IX`,
    /// `chuẩn bị kỳ họp`, `chào mừng Đại hội`, `trước thềm Hội nghị`).
    CitesMeeting,
    /// A word after a meeting phrase that puts it in the future (`kỳ họp tới`, `Đại hội sắp tới`).
    Coming,
    /// A noun or verb that stands in a comma list inside one name (`phòng, chống dịch`, `các sở, ban, ngành`).
    ListedWord,
    /// A word of a period (`tháng`, `năm`): it ends a body's name (`Ngành ... năm 2020`), not a meeting's.
    PeriodWord,
    /// A word of an ordinal (`lần thứ 5`, `khóa`): it ends a body's name (`Hội LHTN Việt Nam lần thứ V`).
    Ordinal,
    /// A word or phrase that qualifies a meeting (`bất thường`, `đột xuất`, `thường kỳ`, `trực tuyến`): it ends a
    /// body's name (`kỳ họp HĐND bất thường`).
    MeetingModifier,
    /// A verb that calls meetings off (`hoãn`, `hủy`, `tạm dừng`): the meetings after it were not held.
    Cancels,
    /// A word in a list of meetings after a verb (`tất cả các cuộc họp cũng như hội nghị, hội thảo`).
    MeetingListWord,
    /// A word before the place a meeting is held (`tại`, `điểm cầu`).
    PlaceIntro,
    /// A noun that starts a meeting's place before its name (`tỉnh`, `thành phố`, `TP`, `trụ sở`, `hội trường`), or
    /// stands inside it (`Công ty PouYuen`, `Trung tâm Hội nghị Quốc tế`, `Trường Đại học Y`, `Nhà văn hóa thôn
    /// Đoài`): its lower-case words belong to the place's name.
    PlaceNoun,
    /// A word right after a title that opens the list of the people who hold it (`Phó ban gồm các ông A, B`,
    /// `5 Phó Chủ tịch là: A, B`, `bao gồm các đồng chí: A, B`): the title is each listed person's.
    ListOpener,
    /// A whole name that reads as a person's and names a place or an idea in the genre (`Hồ Chí Minh`).
    NotAPerson,
    /// A word pair before a title that makes it the new post of the sentence's person (`trở thành`, `giữ chức`,
    /// `được bầu làm`, `bổ nhiệm làm`).
    Appointment,
    /// The word pair that makes a post the standing one, after a rank (`Phó Chủ tịch Thường trực`) or in a
    /// person's note (`Lê Thanh Liêm (thường trực)`).
    Standing,
    /// The deputy word (`phó`): a rank that ends on it before another rank is the head word of that rank
    /// (`nhiệm vụ Phó Trưởng ban`), not `Vụ phó`.
    Deputy,
    /// The word that makes a party committee of the word before it (`Tỉnh ủy`, `Thành ủy`, `Đảng ủy Khối`).
    Committee,
    /// A middle name that is also a family name (`Văn`, `Thị` of `Vũ Văn Tám`): no full name starts on it.
    MiddleName,
    /// The conjunction `và`: inside a body's name it joins its parts (`Sở Văn hóa, Thể thao và Du lịch`).
    And,
    /// The first word of a form of address written in two (`Đồng` of `Đồng chí`): after `và` it starts the
    /// next person, not more of the body.
    HonorificStart,
    /// A capitalised compound whose second word stays in a body's name though it is a stop word (`Thế giới`).
    NameCompound,
    /// A word before a title that makes the person acting in the post (`quyền Bộ trưởng`).
    Acting,
    /// A word before an appointment that makes it a post being left (`thôi giữ chức`).
    LeavesPost,
    /// The verb between a name and a title that makes the title the person's post (`A làm Trưởng đoàn`).
    ServesAs,
    /// Words that open a sentence listing the people a plural title before it announced (`Đó là ông A, ông B`).
    ListIntro,
    /// A word after `chủ trì,` that makes it lead a task, not chair a meeting (`chủ trì, phối hợp với ...`).
    TaskLead,
    /// A word that makes a role verb a noun, with its people after it (`dưới sự chủ trì của A và B`).
    Nominaliser,
    /// A body's whole name in its head alone (`Chính phủ`, `Quốc hội`, `Bộ Chính trị`): no short reference to a
    /// body named before, as `Đoàn` or `Ban chỉ đạo` are.
    WholeBody,
    /// Words right before a meeting phrase that make the meeting a time to come or a point of reference, not one
    /// the article reports (`trước kỳ họp thứ 3`, `chào mừng Đại hội`, `hướng tới Đại hội`).
    AwaitsMeeting,
    /// A local Party committee's word that stands for its place (`Tỉnh ủy`, `Thành ủy`, `Huyện ủy`): a body named
    /// with it and no place (`Thường vụ Thành ủy`) takes the place the article gives it elsewhere, as a body ending
    /// in a unit word does (`HĐND thành phố`).
    LocalCommittee,
    /// A verb of a body that holds the meeting it speaks in (`nhận định`, `thảo luận`, `thông qua`, `bầu`): after
    /// `Tại cuộc họp, ...` its subject is the holder, where one that reports or proposes (`trình`, `đề xuất`)
    /// takes part.
    Deliberates,
    /// Words before a date that make it a deadline or the day a text takes effect, not a meeting's day
    /// (`trước ngày 15-4`, `có hiệu lực từ ngày`, `hạn chót`).
    CitesDate,
}

impl Class {
    const ALL: [(Class, &'static str); 60] = [
        (Class::Unit, "unit"),
        (Class::OrgHead, "org_head"),
        (Class::NamedOrgHead, "named_org_head"),
        (Class::SharedHead, "shared_head"),
        (Class::Honorific, "honorific"),
        (Class::Apposition, "apposition"),
        (Class::ListWord, "list_word"),
        (Class::TitleListWord, "title_list_word"),
        (Class::Plural, "plural"),
        (Class::Former, "former"),
        (Class::ClauseWord, "clause_word"),
        (Class::SubjectEnd, "subject_end"),
        (Class::Concurrent, "concurrent"),
        (Class::Negation, "negation"),
        (Class::WriterNote, "writer_note"),
        (Class::NewPost, "new_post"),
        (Class::NameSecondSyllable, "name_second_syllable"),
        (Class::Quantity, "quantity"),
        (Class::HeadCompound, "head_compound"),
        (Class::Connective, "connective"),
        (Class::DottedAbbreviation, "dotted_abbreviation"),
        (Class::BodyHead, "body_head"),
        (Class::OrganiserVerb, "organiser_verb"),
        (Class::VisitVerb, "visit_verb"),
        (Class::PreVerb, "pre_verb"),
        (Class::CoSubject, "co_subject"),
        (Class::DayWord, "day_word"),
        (Class::MeetingNoun, "meeting_noun"),
        (Class::Counterpart, "counterpart"),
        (Class::CitesMeeting, "cites_meeting"),
        (Class::Coming, "coming"),
        (Class::ListedWord, "listed_word"),
        (Class::PeriodWord, "period_word"),
        (Class::Ordinal, "ordinal"),
        (Class::MeetingModifier, "meeting_modifier"),
        (Class::Cancels, "cancels"),
        (Class::MeetingListWord, "meeting_list_word"),
        (Class::PlaceIntro, "place_intro"),
        (Class::PlaceNoun, "place_noun"),
        (Class::ListOpener, "list_opener"),
        (Class::NotAPerson, "not_a_person"),
        (Class::Appointment, "appointment"),
        (Class::Standing, "standing"),
        (Class::Deputy, "deputy"),
        (Class::Committee, "committee"),
        (Class::MiddleName, "middle_name"),
        (Class::And, "and"),
        (Class::HonorificStart, "honorific_start"),
        (Class::NameCompound, "name_compound"),
        (Class::Acting, "acting"),
        (Class::LeavesPost, "leaves_post"),
        (Class::ServesAs, "serves_as"),
        (Class::ListIntro, "list_intro"),
        (Class::TaskLead, "task_lead"),
        (Class::Nominaliser, "nominaliser"),
        (Class::WholeBody, "whole_body"),
        (Class::AwaitsMeeting, "awaits_meeting"),
        (Class::LocalCommittee, "local_committee"),
        (Class::Deliberates, "deliberates"),
        (Class::CitesDate, "cites_date"),
    ];

    /// How many classes there are.
    pub const COUNT: usize = Class::ALL.len();

    /// The class a data file names, `None` for a name that is no class.
    pub fn parse(name: &str) -> Option<Class> {
        Class::ALL.iter().find(|(_, n)| *n == name).map(|(c, _)| *c)
    }

    /// The name the data file uses.
    pub fn name(self) -> &'static str {
        Class::ALL.iter().find(|(c, _)| *c == self).map_or("", |(_, n)| n)
    }

    fn bit(self) -> u64 {
        1 << self as u8
    }
}

// Every class has its own bit of [`Classes`]; a token keeps its shape in the top three (`tokens::Token`).
const _: () = assert!(Class::ALL.len() <= 61);

/// The classes of one word, as bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Classes(u64);

impl Classes {
    pub const NONE: Classes = Classes(0);

    pub fn has(self, class: Class) -> bool {
        self.0 & class.bit() != 0
    }

    /// The classes as bits (one a class, [`Class::bit`]), for a token that keeps them with others of its own.
    pub fn bits(self) -> u64 {
        self.0
    }

    /// Classes from [`Classes::bits`].
    pub fn from_bits(bits: u64) -> Classes {
        Classes(bits)
    }

    fn with(self, class: Class) -> Classes {
        Classes(self.0 | class.bit())
    }
}

/// Words by folded form → their classes, with a filter in front of the hash (most words have none).
struct Table {
    words: HashMap<String, Classes>,
    filter: WordFilter,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut words: HashMap<String, Classes> = HashMap::default();
    let mut filter = WordFilter::default();
    for &(word, class) in entries() {
        let word = fold(word);
        filter.insert(&word);
        let entry = words.entry(word).or_default();
        *entry = entry.with(class);
    }
    Table { words, filter }
});

/// The classes of a folded word.
pub fn of(folded: &str) -> Classes {
    let table = &*TABLE;
    if !table.filter.may_contain(folded) {
        return Classes::NONE;
    }
    table.words.get(folded).copied().unwrap_or_default()
}

/// Entries by their exact written form, for the few rules where case tells words apart (`TH.` a
/// photographer's initials ends a sentence, `Th.` an abbreviation does not).
static WRITTEN: LazyLock<HashMap<&'static str, Classes>> = LazyLock::new(|| {
    let mut words: HashMap<&'static str, Classes> = HashMap::default();
    for &(word, class) in entries() {
        let entry = words.entry(word).or_default();
        *entry = entry.with(class);
    }
    words
});

/// Whether `word`, exactly as written (case included), is an entry of `class`.
pub fn is_written(word: &str, class: Class) -> bool {
    WRITTEN.get(word).is_some_and(|c| c.has(class))
}

/// The entries of `class` as the data file writes them, in its order: for rules that read raw text (a regex's
/// alternation, a suffix of the lower-cased text before a name).
pub fn written(class: Class) -> impl Iterator<Item = &'static str> {
    entries().iter().filter(move |(_, c)| *c == class).map(|(w, _)| *w)
}

/// Whether a folded word is of `class` (for words held without their token).
pub fn is(folded: &str, class: Class) -> bool {
    of(folded).has(class)
}

/// Every (word, class) row of the data file. A class that is not one of [`Class`] is a mistake in the
/// compiled-in file, so it stops the program at first use with the row to mend.
/// Read once: the three lookup tables below are built from it.
pub fn entries() -> &'static [(&'static str, Class)] {
    static ENTRIES: LazyLock<Vec<(&'static str, Class)>> = LazyLock::new(|| {
        data::rows(&data::WORD_CLASSES)
            .iter()
            .map(|r| {
                let name = r.get("class");
                let class = Class::parse(name).unwrap_or_else(|| r.malformed(&format!("{name:?} is not a word class")));
                (r.get("word"), class)
            })
            .collect()
    });
    &ENTRIES
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_table() {
        // (word as written, class, expected)
        let cases = [
            ("tỉnh", Class::Unit, true),
            ("Phường", Class::Unit, true),
            ("ông", Class::Honorific, true),
            ("Đ/c", Class::Honorific, true),
            ("các", Class::Plural, true),
            ("các", Class::ListWord, true),
            ("nguyên", Class::Former, true),
            ("PV", Class::WriterNote, true),
            ("Nguyễn", Class::Unit, false),
            ("hội", Class::OrgHead, true),
        ];
        for (word, class, want) in cases {
            assert_eq!(is(&fold(word), class), want, "{word} {class:?}");
        }
    }

    #[test]
    fn every_class_has_a_name_and_words() {
        for (class, name) in Class::ALL {
            assert_eq!(Class::parse(name), Some(class));
            assert_eq!(class.name(), name);
            assert!(entries().iter().any(|(_, c)| *c == class), "no word of class {name}");
        }
    }
}
