//! Tables of cases that must merge and must not, each with its reason, from real articles in
//! `shared/corpus/` (`vntc/NNNN`, `baomoi2017/NNNN`) and `shared/eval/dev/` (`dev/NNN`). Names, posts,
//! provinces and dates are as those articles write them; where a case needs a second report that the
//! corpus does not have, the reason says what was changed ("constructed").

use hoinghi_core::{Document, Meeting, Official, Record};
use hoinghi_merge::{merge, Merged, Merger};

/// One official as one article gives them.
struct Said {
    source: &'static str,
    published: Option<&'static str>,
    province: Option<&'static str>,
    name: &'static str,
    titles: &'static [&'static str],
}

fn record_of(said: &Said) -> Record {
    Record {
        source: Some(said.source.into()),
        published: said.published.map(Into::into),
        province: said.province.map(Into::into),
        officials: vec![Official {
            name: said.name.into(),
            titles: said.titles.iter().map(|t| t.to_string()).collect(),
            ..Official::default()
        }],
        ..Record::default()
    }
}

/// (why, first article, second article, one person?)
const PEOPLE: &[(&str, Said, Said, bool)] = &[
    (
        "case typo in the text of dev/003 against the spelling its gold file uses; same city, same posts",
        Said { source: "dev/003", published: Some("2021-07-13"), province: Some("Hải Phòng"), name: "Lê trí Vũ",
               titles: &["UVBTV Thành ủy", "Trưởng ban dân vận Thành ủy"] },
        Said { source: "dev/003.gold", published: Some("2021-07-13"), province: Some("Hải Phòng"), name: "Lê Trí Vũ",
               titles: &["Ủy viên Ban Thường vụ Thành ủy", "Trưởng Ban Dân vận Thành ủy"] },
        true,
    ),
    (
        "two outlets on the same Yên Bái conference: a national body (Ban Tổ chức Trung ương) and the same province",
        Said { source: "baomoi2017/0009", published: Some("2017-02-08"), province: Some("Yên Bái"), name: "Nguyễn Thanh Bình",
               titles: &["Ủy viên Trung ương Đảng", "Phó Trưởng Ban thường trực Ban Tổ chức Trung ương"] },
        Said { source: "baomoi2017/0010", published: Some("2017-02-08"), province: Some("Yên Bái"), name: "Nguyễn Thanh Bình",
               titles: &["Phó trưởng ban Thường trực Ban Tổ chức Trung ương"] },
        true,
    ),
    (
        "a Deputy Prime Minister travels: Ninh Thuận and Hồ Chí Minh City, linked by the national body (Chính phủ)",
        Said { source: "vntc/0273", published: None, province: Some("Ninh Thuận"), name: "Nguyễn Tấn Dũng",
               titles: &["Phó Thủ tướng thường trực"] },
        Said { source: "vntc/0027", published: None, province: Some("Thành phố Hồ Chí Minh"), name: "Nguyễn Tấn Dũng",
               titles: &["Phó Thủ tướng Thường trực"] },
        true,
    ),
    (
        "the shortened `Phó thủ tướng` (vntc/0163, no province) shares the body Chính phủ with the full post",
        Said { source: "vntc/0273", published: None, province: Some("Ninh Thuận"), name: "Nguyễn Tấn Dũng",
               titles: &["Phó Thủ tướng thường trực"] },
        Said { source: "vntc/0163", published: None, province: None, name: "Nguyễn Tấn Dũng", titles: &["Phó thủ tướng"] },
        true,
    ),
    (
        "same city written `TP` and `TPHCM`, same post",
        Said { source: "vntc/0278", published: None, province: Some("Thành phố Hồ Chí Minh"), name: "Nguyễn Văn Đua",
               titles: &["Phó chủ tịch UBND TP"] },
        Said { source: "vntc/0028", published: None, province: Some("Thành phố Hồ Chí Minh"), name: "Nguyễn Văn Đua",
               titles: &["Phó Chủ tịch UBND TPHCM"] },
        true,
    ),
    (
        "no province on one side: `Phó chủ tịch UBND` (vntc/0170) shortens the body of `Phó chủ tịch UBND TP`",
        Said { source: "vntc/0278", published: None, province: Some("Thành phố Hồ Chí Minh"), name: "Nguyễn Văn Đua",
               titles: &["Phó chủ tịch UBND TP"] },
        Said { source: "vntc/0170", published: None, province: None, name: "Nguyễn Văn Đua", titles: &["Phó chủ tịch UBND"] },
        true,
    ),
    (
        "`Quốc hội` and `QH`: one national body, no province in either article",
        Said { source: "baomoi2017/0059", published: None, province: None, name: "Nguyễn Hạnh Phúc", titles: &["Tổng thư ký Quốc hội"] },
        Said { source: "baomoi2017/0077", published: None, province: None, name: "Nguyễn Hạnh Phúc", titles: &["Tổng thư ký QH"] },
        true,
    ),
    (
        "a promotion over twelve years in one city: Phó Chủ tịch Thường trực UBND (2005) to Bí thư Thành ủy (2017)",
        Said { source: "vntc/0252", published: None, province: Some("Thành phố Hồ Chí Minh"), name: "Nguyễn Thiện Nhân",
               titles: &["Phó Chủ tịch Thường trực UBND TPHCM"] },
        Said { source: "baomoi2017/0021", published: Some("2017-05-10"), province: Some("Thành phố Hồ Chí Minh"), name: "Nguyễn Thiện Nhân",
               titles: &["Ủy viên Bộ Chính trị", "Chủ tịch UB Trung ương MTTQ Việt Nam", "Bí thư Thành ủy TPHCM"] },
        true,
    ),
    (
        "same province; `Ủy viên Ban Chấp hành Trung ương Đảng` is `Ủy viên Trung ương Đảng`",
        Said { source: "baomoi2017/0009", published: Some("2017-02-08"), province: Some("Yên Bái"), name: "Phạm Thị Thanh Trà",
               titles: &["Bí thư Tỉnh ủy Yên Bái", "Chủ tịch UBND tỉnh Yên Bái"] },
        Said { source: "baomoi2017/0010", published: Some("2017-02-08"), province: Some("Yên Bái"), name: "Phạm Thị Thanh Trà",
               titles: &["Ủy viên Ban Chấp hành Trung ương Đảng", "Bí thư Tỉnh ủy"] },
        true,
    ),
    (
        "a ministry written without `Bộ` (vntc/0145) and with it (vntc/0231)",
        Said { source: "vntc/0145", published: None, province: None, name: "Nguyễn Sinh Hùng", titles: &["Bộ trưởng Tài chính"] },
        Said { source: "vntc/0231", published: None, province: None, name: "Nguyễn Sinh Hùng", titles: &["Bộ trưởng Bộ Tài chính"] },
        true,
    ),
    (
        "the ministry abbreviated (vntc/0085 `Bộ trưởng NNPTNT`) and written out (vntc/0127)",
        Said { source: "vntc/0085", published: None, province: None, name: "Cao Đức Phát", titles: &["Bộ trưởng NNPTNT"] },
        Said { source: "vntc/0127", published: None, province: None, name: "Cao Đức Phát",
               titles: &["Bộ trưởng Nông nghiệp và Phát triển nông thôn"] },
        true,
    ),
    (
        "the post names its province: vntc/0027 (article province read as Kon Tum) and vntc/0046 (Quảng Nam)",
        Said { source: "vntc/0027", published: None, province: Some("Kon Tum"), name: "Nguyễn Xuân Phúc",
               titles: &["Chủ tịch UBND tỉnh Quảng Nam"] },
        Said { source: "vntc/0046", published: None, province: Some("Quảng Nam"), name: "Nguyễn Xuân Phúc",
               titles: &["Chủ tịch Ủy ban nhân dân tỉnh Quảng Nam"] },
        true,
    ),
    (
        "Bí thư Thành ủy TPHCM moved to the Ban Kinh tế Trung ương (May 2017): Politburo members sit in the Central Committee",
        Said { source: "baomoi2017/0014", published: None, province: Some("Thành phố Hồ Chí Minh"), name: "Đinh La Thăng",
               titles: &["Ủy viên Bộ Chính trị", "Bí thư Thành ủy TPHCM"] },
        Said { source: "baomoi2017/0021", published: Some("2017-05-10"), province: Some("Thành phố Hồ Chí Minh"), name: "Đinh La Thăng",
               titles: &["Ủy viên Trung ương Đảng", "Phó Trưởng Ban Kinh tế Trung ương"] },
        true,
    ),
    (
        "two people: a vice-chairman of Đà Nẵng (baomoi2017/0007) and a standing vice-chairman of Hà Nội's HĐND (baomoi2017/0079)",
        Said { source: "baomoi2017/0007", published: None, province: Some("Khánh Hòa"), name: "Nguyễn Ngọc Tuấn",
               titles: &["Phó Chủ tịch UBND thành phố Đà Nẵng"] },
        Said { source: "baomoi2017/0079", published: None, province: Some("Hà Nội"), name: "Nguyễn Ngọc Tuấn",
               titles: &["Phó Chủ tịch Thường trực HĐND thành phố"] },
        false,
    ),
    (
        "two people: a provincial vice-chairman in Thừa Thiên Huế (dev/004) and a central Party official in Yên Bái (baomoi2017/0009)",
        Said { source: "dev/004", published: Some("2023-12-13"), province: Some("Thừa Thiên Huế"), name: "Nguyễn Thanh Bình",
               titles: &["Ủy viên Ban Thường vụ Tỉnh ủy", "Phó Chủ tịch Thường trực UBND tỉnh"] },
        Said { source: "baomoi2017/0009", published: Some("2017-02-08"), province: Some("Yên Bái"), name: "Nguyễn Thanh Bình",
               titles: &["Ủy viên Trung ương Đảng", "Phó Trưởng Ban thường trực Ban Tổ chức Trung ương"] },
        false,
    ),
    (
        "two people: Bí thư Tỉnh ủy Điện Biên (baomoi2017/0018) and a department director in Đà Nẵng (baomoi2017/0025)",
        Said { source: "baomoi2017/0018", published: None, province: Some("Điện Biên"), name: "Trần Văn Sơn",
               titles: &["Ủy viên T.Ư Đảng", "Bí thư Tỉnh ủy", "Trưởng đoàn Đại biểu Quốc hội tỉnh Điện Biên"] },
        Said { source: "baomoi2017/0025", published: None, province: Some("Đà Nẵng"), name: "Trần Văn Sơn",
               titles: &["Giám đốc Sở KH&ĐT"] },
        false,
    ),
    (
        "constructed: the Thừa Thiên Huế vice-chairman of dev/004 against the same name with the same local post in Yên Bái",
        Said { source: "dev/004", published: Some("2023-12-13"), province: Some("Thừa Thiên Huế"), name: "Nguyễn Thanh Bình",
               titles: &["Phó Chủ tịch Thường trực UBND tỉnh"] },
        Said { source: "constructed/yen-bai", published: Some("2023-12-14"), province: Some("Yên Bái"), name: "Nguyễn Thanh Bình",
               titles: &["Phó Chủ tịch Thường trực UBND tỉnh"] },
        false,
    ),
    (
        "no province on either side and nothing in common but the name: a minister (vntc/0161) and a provincial post",
        Said { source: "vntc/0161", published: None, province: None, name: "Nguyễn Minh Hiển", titles: &["Bộ trưởng Bộ Giáo dục và Đào tạo"] },
        Said { source: "constructed/no-province", published: None, province: None, name: "Nguyễn Minh Hiển",
               titles: &["Giám đốc Sở Tài chính"] },
        false,
    ),
];

#[test]
fn people_merge_or_stay_apart() {
    let mut failures = Vec::new();
    for (why, a, b, same) in PEOPLE {
        for records in [vec![record_of(a), record_of(b)], vec![record_of(b), record_of(a)]] {
            let merged = merge(&records);
            let people = merged.people.len();
            if (people == 1) != *same {
                failures.push(format!("{why}: got {people} people"));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn people_joined_once_later_articles_fill_them_in() {
    // vntc/0026 gives only the city post, vntc/0209 only the national one, vntc/0236 both: one person
    // whatever order they are read in.
    let city = Said {
        source: "vntc/0026",
        published: None,
        province: Some("Thành phố Hồ Chí Minh"),
        name: "Lê Hoàng Quân",
        titles: &["Phó Bí thư Thường trực Thành ủy TPHCM"],
    };
    let national = Said {
        source: "vntc/0209",
        published: None,
        province: Some("Thành phố Hồ Chí Minh"),
        name: "Lê Hoàng Quân",
        titles: &["Ủy viên Trung ương Đảng"],
    };
    let both = Said {
        source: "vntc/0236",
        published: None,
        province: Some("Thành phố Hồ Chí Minh"),
        name: "Lê Hoàng Quân",
        titles: &["Ủy viên Trung ương Đảng", "Phó Bí thư Thường trực Thành ủy TPHCM"],
    };
    let merged = merge(&[record_of(&city), record_of(&national), record_of(&both)]);
    assert_eq!(merged.people.len(), 1, "{:#?}", merged.people);
    assert_eq!(merged.people[0].articles, 3);
}

#[test]
fn history_in_date_order_with_shortened_posts_linked() {
    // dev/004: `UVTV Tỉnh ủy, Trưởng ban DV Tỉnh ủy`; a later article (constructed) repeats him as `Trưởng Ban`.
    let full = Said {
        source: "dev/004",
        published: Some("2023-12-13"),
        province: Some("Thừa Thiên Huế"),
        name: "Nguyễn Chí Tài",
        titles: &["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng Ban Dân vận Tỉnh ủy"],
    };
    let short = Said {
        source: "constructed/later",
        published: Some("2024-01-05T08:00"),
        province: Some("Thừa Thiên Huế"),
        name: "Nguyễn Chí Tài",
        titles: &["Ủy viên Ban Thường vụ", "Trưởng Ban"],
    };
    let merged = merge(&[record_of(&short), record_of(&full)]);
    let person = &merged.people[0];
    assert_eq!(merged.people.len(), 1);
    let dates: Vec<_> = person.history.iter().map(|h| h.date.as_deref().unwrap()).collect();
    assert_eq!(dates, ["2023-12-13", "2023-12-13", "2024-01-05", "2024-01-05"]);
    let link = |title: &str| person.posts.iter().find(|p| p.title == title).and_then(|p| p.short_of.clone());
    assert_eq!(link("Trưởng Ban").as_deref(), Some("Trưởng Ban Dân vận Tỉnh ủy"));
    assert_eq!(link("Ủy viên Ban Thường vụ").as_deref(), Some("Ủy viên Ban Thường vụ Tỉnh ủy"));
    assert_eq!(link("Trưởng Ban Dân vận Tỉnh ủy"), None);
    assert_eq!((person.first_seen.as_deref(), person.last_seen.as_deref()), (Some("2023-12-13"), Some("2024-01-05")));
    assert_eq!(person.articles, 2);
}

#[test]
fn promotion_shows_as_a_change() {
    // baomoi2017/0009 (8 Feb 2017): Đỗ Đức Duy, Thứ trưởng Bộ Xây dựng, named Phó Bí thư Tỉnh ủy Yên Bái and
    // put forward for Chủ tịch UBND tỉnh; the later report is constructed from that announcement.
    let before = Said {
        source: "baomoi2017/0009",
        published: Some("2017-02-08"),
        province: Some("Yên Bái"),
        name: "Đỗ Đức Duy",
        titles: &["Thứ trưởng Bộ Xây dựng", "Phó Bí thư Tỉnh ủy Yên Bái"],
    };
    let after = Said {
        source: "constructed/2017-03",
        published: Some("2017-03-01"),
        province: Some("Yên Bái"),
        name: "Đỗ Đức Duy",
        titles: &["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh Yên Bái"],
    };
    let merged = merge(&[record_of(&after), record_of(&before)]);
    assert_eq!(merged.people.len(), 1);
    let posts: Vec<_> = merged.people[0]
        .posts
        .iter()
        .map(|p| (p.title.as_str(), p.first_seen.as_deref(), p.last_seen.as_deref()))
        .collect();
    assert!(posts.contains(&("Thứ trưởng Bộ Xây dựng", Some("2017-02-08"), Some("2017-02-08"))), "{posts:?}");
    assert!(posts.contains(&("Chủ tịch UBND tỉnh Yên Bái", Some("2017-03-01"), Some("2017-03-01"))), "{posts:?}");
}

/// One meeting as one article reports it.
struct Reported {
    source: &'static str,
    province: Option<&'static str>,
    date: Option<&'static str>,
    time_of_day: Option<&'static str>,
    kind: &'static str,
    organizers: &'static [&'static str],
    chairs: &'static [&'static str],
}

fn meeting_record(r: &Reported) -> Record {
    Record {
        source: Some(r.source.into()),
        published: r.date.map(Into::into),
        province: r.province.map(Into::into),
        meetings: vec![Meeting {
            date: r.date.map(Into::into),
            time_of_day: r.time_of_day.and_then(hoinghi_core::PartOfDay::parse),
            kind: r.kind.into(),
            name: format!("Hội nghị {}", r.kind),
            organizers: r.organizers.iter().map(|o| o.to_string()).collect(),
            chairs: r.chairs.iter().map(|c| c.to_string()).collect(),
            ..Meeting::default()
        }],
        ..Record::default()
    }
}

/// (why, first report, second report, one meeting?)
const MEETINGS: &[(&str, Reported, Reported, bool)] = &[
    (
        "baomoi2017/0009 and 0010 report the same Yên Bái conference (sáng 8-2-2017): `Ban Chấp hành Đảng bộ tỉnh Yên Bái` is `Tỉnh ủy Yên Bái`",
        Reported { source: "baomoi2017/0009", province: Some("Yên Bái"), date: Some("2017-02-08"), time_of_day: Some("sáng"),
                   kind: "hội nghị", organizers: &["Ban Chấp hành Đảng bộ tỉnh Yên Bái"], chairs: &[] },
        Reported { source: "baomoi2017/0010", province: Some("Yên Bái"), date: Some("2017-02-08"), time_of_day: Some("sáng"),
                   kind: "hội nghị", organizers: &["Tỉnh ủy Yên Bái"], chairs: &[] },
        true,
    ),
    (
        "constructed second report of dev/003's national online conference from another province: a national organiser and the same chair",
        Reported { source: "dev/003", province: Some("Hải Phòng"), date: Some("2021-07-13"), time_of_day: Some("sáng"),
                   kind: "sơ kết", organizers: &["Ban Dân vận Trung ương"], chairs: &["Bùi Thị Minh Hoài", "Lê trí Vũ"] },
        Reported { source: "constructed/binh-dinh", province: Some("Bình Định"), date: Some("2021-07-13"), time_of_day: None,
                   kind: "sơ kết", organizers: &["Ban Dân vận TW"], chairs: &["Bùi Thị Minh Hoài"] },
        true,
    ),
    (
        "constructed: dev/000's Bình Định giao ban and dev/001's Kon Tum meeting put on the same day — every province has a Ban Dân vận Tỉnh ủy",
        Reported { source: "dev/000", province: Some("Bình Định"), date: Some("2024-06-17"), time_of_day: Some("chiều"),
                   kind: "giao ban", organizers: &["Ban Dân vận Tỉnh ủy"], chairs: &["Nguyễn Thị Phong Vũ"] },
        Reported { source: "dev/001", province: Some("Kon Tum"), date: Some("2024-06-17"), time_of_day: None,
                   kind: "hội nghị", organizers: &["Ban Dân vận Tỉnh ủy", "Ban cán sự đảng UBND tỉnh"], chairs: &["Y Ngọc", "Nguyễn Đức Tuy"] },
        false,
    ),
    (
        "dev/001 never gives its meeting day: an undated report never merges with a dated one",
        Reported { source: "dev/001", province: Some("Kon Tum"), date: None, time_of_day: None,
                   kind: "hội nghị", organizers: &["Ban Dân vận Tỉnh ủy"], chairs: &["Y Ngọc", "Nguyễn Đức Tuy"] },
        Reported { source: "constructed/kon-tum-dated", province: Some("Kon Tum"), date: Some("2024-05-08"), time_of_day: None,
                   kind: "hội nghị", organizers: &["Ban Dân vận Tỉnh ủy"], chairs: &["Y Ngọc", "Nguyễn Đức Tuy"] },
        false,
    ),
    (
        "constructed: dev/004's afternoon tổng kết and a morning meeting of the same Ban Dân vận the same day",
        Reported { source: "dev/004", province: Some("Thừa Thiên Huế"), date: Some("2023-12-13"), time_of_day: Some("chiều"),
                   kind: "tổng kết", organizers: &["Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở tỉnh", "Ban Dân vận Tỉnh ủy"], chairs: &[] },
        Reported { source: "constructed/hue-morning", province: Some("Thừa Thiên Huế"), date: Some("2023-12-13"), time_of_day: Some("sáng"),
                   kind: "tổng kết", organizers: &["Ban Dân vận Tỉnh ủy"], chairs: &[] },
        false,
    ),
    (
        "constructed: same day, same province, same organiser, but a tổng kết and a giao ban are two meetings",
        Reported { source: "dev/004", province: Some("Thừa Thiên Huế"), date: Some("2023-12-13"), time_of_day: Some("chiều"),
                   kind: "tổng kết", organizers: &["Ban Dân vận Tỉnh ủy"], chairs: &[] },
        Reported { source: "constructed/hue-giao-ban", province: Some("Thừa Thiên Huế"), date: Some("2023-12-13"), time_of_day: Some("chiều"),
                   kind: "giao ban", organizers: &["Ban Dân vận Tỉnh ủy"], chairs: &[] },
        false,
    ),
];

#[test]
fn meetings_merge_or_stay_apart() {
    let mut failures = Vec::new();
    for (why, a, b, same) in MEETINGS {
        for records in [vec![meeting_record(a), meeting_record(b)], vec![meeting_record(b), meeting_record(a)]] {
            let merged = merge(&records);
            if (merged.meetings.len() == 1) != *same {
                failures.push(format!("{why}: got {} meetings", merged.meetings.len()));
            }
            if *same && merged.meetings.first().is_some_and(|m| m.reports.len() != 2) {
                failures.push(format!("{why}: expected two reports"));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn chairs_are_linked_to_people() {
    let mut record = meeting_record(&MEETINGS[1].1);
    record.officials = vec![Official {
        name: "Lê trí Vũ".into(),
        titles: vec!["Trưởng ban dân vận Thành ủy".into()],
        roles: vec![hoinghi_core::Role::Chair],
        ..Official::default()
    }];
    let merged = merge(&[record]);
    let meeting = &merged.meetings[0];
    assert_eq!(meeting.chair_ids.len(), 1);
    assert_eq!(merged.people[meeting.chair_ids[0]].name, "Lê trí Vũ");
}

fn cited(source: &str, published: &str, kind: Option<&str>, number: &str, date: Option<&str>) -> Record {
    Record {
        source: Some(source.into()),
        published: Some(published.into()),
        documents: vec![Document {
            kind: kind.map(Into::into),
            number: number.into(),
            date: date.map(Into::into),
            ..Document::default()
        }],
        ..Record::default()
    }
}

#[test]
fn documents_one_row_per_number() {
    let merged = merge(&[
        // dev/001: `Chỉ thị số 33/CT-TTg, ngày 26/11/2021 của Thủ tướng Chính phủ`.
        cited("dev/001", "2024-05-08", Some("Chỉ thị"), "33/CT-TTg", Some("2021-11-26")),
        // constructed: a later article writes it with spaces and no kind.
        cited("constructed/a", "2024-07-01", None, "33/CT - TTg", None),
        // dev/002: `Kết luận số 01-KL/TW, ngày 18-5-2021 của Bộ Chính trị`.
        cited("dev/002", "2021-10-29", Some("Kết luận"), "01-KL/TW", Some("2021-05-18")),
        // constructed: Kết luận 01-KL/TW of 1 April 2016 is another document with the same number.
        cited("constructed/b", "2016-06-01", None, "01-KL/TW", Some("2016-04-01")),
        // dev/004 cites `Nghị quyết 54`; a bare `Quyết định 54` is something else.
        cited("dev/004", "2023-12-13", Some("Nghị quyết"), "54", None),
        cited("constructed/c", "2023-12-14", Some("Quyết định"), "54", None),
        // vntc/0051 and vntc/0234 both cite `Nghị quyết 49-NQ/TW`.
        cited("vntc/0051", "2005-06-01", Some("Nghị quyết"), "49-NQ/TW", None),
        cited("vntc/0234", "2005-07-01", Some("Nghị quyết"), "49-NQ/TW", None),
    ]);
    let row = |number: &str, date: Option<&str>| {
        merged
            .documents
            .iter()
            .find(|d| d.number == number && d.date.as_deref() == date)
            .unwrap_or_else(|| panic!("{number} {date:?}: {:#?}", merged.documents))
    };
    assert_eq!(merged.documents.len(), 6);
    let ct33 = row("33/CT-TTg", Some("2021-11-26"));
    assert_eq!((ct33.articles, ct33.kind.as_deref(), ct33.kind_inferred), (2, Some("Chỉ thị"), false));
    assert_eq!((ct33.issuer.as_deref(), ct33.issuer_inferred), (Some("Thủ tướng Chính phủ"), true));
    assert_eq!(row("01-KL/TW", Some("2016-04-01")).kind.as_deref(), Some("Kết luận"));
    assert_eq!(row("01-KL/TW", Some("2021-05-18")).articles, 1);
    assert_eq!(row("49-NQ/TW", None).articles, 2);
    assert_eq!(row("49-NQ/TW", None).issuer.as_deref(), Some("Trung ương Đảng"));
    assert_eq!(merged.documents.iter().filter(|d| d.number == "54").count(), 2);
}

#[test]
fn provinces_as_written_and_today() {
    let dev004 = PEOPLE.iter().find(|c| c.1.source == "dev/004").unwrap();
    let mut records = vec![record_of(&dev004.1), record_of(&dev004.2)];
    records[0].province_today = Some("Huế".into());
    records[1].province_today = Some("Lào Cai".into());
    let merged = merge(&records);
    let pairs: Vec<_> = merged.provinces.iter().map(|p| (p.name.as_str(), p.today.as_deref())).collect();
    assert_eq!(pairs, [("Thừa Thiên Huế", Some("Huế")), ("Yên Bái", Some("Lào Cai"))]);
    let hue = merged.people.iter().find(|p| p.provinces == ["Thừa Thiên Huế"]).unwrap();
    assert_eq!(hue.provinces_today, ["Huế"]);
}

/// Every record of the tables above.
fn all_records() -> Vec<Record> {
    let mut records: Vec<Record> = Vec::new();
    let mut push = |r: Record| {
        let source = r.source.clone();
        match records.iter_mut().find(|x| x.source == source) {
            Some(x) => {
                x.officials.extend(r.officials);
                x.meetings.extend(r.meetings);
                x.documents.extend(r.documents);
                if x.province.is_none() {
                    x.province = r.province;
                }
                if x.published.is_none() {
                    x.published = r.published;
                }
            }
            None => records.push(r),
        }
    };
    for (_, a, b, _) in PEOPLE {
        push(record_of(a));
        push(record_of(b));
    }
    for (_, a, b, _) in MEETINGS {
        push(meeting_record(a));
        push(meeting_record(b));
    }
    records
}

/// A small deterministic shuffle (xorshift), so the test needs no extra crate.
fn shuffle<T>(items: &mut [T], seed: &mut u64) {
    for i in (1..items.len()).rev() {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        items.swap(i, (*seed % (i as u64 + 1)) as usize);
    }
}

#[test]
fn merge_does_not_depend_on_record_order() {
    let mut records = all_records();
    let expected: Merged = merge(&records);
    assert!(expected.people.len() > 10 && expected.meetings.len() > 5);
    let mut seed = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..200 {
        shuffle(&mut records, &mut seed);
        assert_eq!(merge(&records), expected);
    }
}

#[test]
fn merger_adds_and_removes() {
    let records = all_records();
    let mut merger = Merger::new();
    for r in &records {
        merger.add(r);
    }
    assert_eq!(merger.merged(), merge(&records));
    assert!(merger.remove("dev/004"));
    assert!(!merger.remove("dev/004"));
    let rest: Vec<Record> = records.iter().filter(|r| r.source.as_deref() != Some("dev/004")).cloned().collect();
    assert_eq!(merger.merged(), merge(&rest));
    // Adding a record with the same source replaces it.
    merger.add(&records[0]);
    assert_eq!(merger.len(), rest.len());
}

#[test]
fn json_round_trip_and_csv() {
    let merged = merge(&all_records());
    let json = serde_json::to_string(&merged).unwrap();
    assert_eq!(serde_json::from_str::<Merged>(&json).unwrap(), merged);
    let people = hoinghi_merge::people_csv(&merged);
    assert!(people.starts_with("id,name,posts,"));
    assert!(people.contains("Lê Trí Vũ"));
    assert_eq!(people.lines().count(), merged.people.len() + 1);
    assert!(hoinghi_merge::meetings_csv(&merged).lines().count() == merged.meetings.len() + 1);
    assert!(hoinghi_merge::positions_csv(&merged).contains("Phó Trưởng Ban thường trực Ban Tổ chức Trung ương"));
    assert!(hoinghi_merge::documents_csv(&merged).starts_with("id,number,"));
}
