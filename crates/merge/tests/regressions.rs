//! Hostile inputs probed while fuzzing (see FUZZING.md): many articles with many distinct
//! officials merge, and the same source named twice does not break the merge. What comes out is checked, not
//! the time it takes: the merge's growth with its input is `benches/merge.rs`'s to print (a doubling table).

use hoinghi_core::extract;

#[test]
fn many_distinct_officials_across_articles() {
    let fam = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng"];
    let mid = ["Văn", "Thị", "Đức", "Minh", "Thanh", "Quốc", "Hữu", "Ngọc"];
    let giv = ["An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khoa", "Lâm", "Long", "Nam"];
    let mut names = Vec::new();
    for f in fam {
        for m in mid {
            for g in giv {
                names.push(format!("{f} {m} {g}"));
            }
        }
    }
    let records: Vec<_> = (0..8)
        .map(|k| {
            let body: String = names[k * 80..(k + 1) * 80]
                .iter()
                .chain(&names[..80])
                .map(|n| format!("Đồng chí {n}, Bí thư Huyện ủy, phát biểu. "))
                .collect();
            let mut r =
                extract(&format!("Thứ hai 17/06/2024 17:01\n\nSáng 17/6, Tỉnh ủy tổ chức Hội nghị. {body}"), None);
            // Sources repeat: the host may be handed the same file twice.
            r.source = Some(format!("bai{}.txt", k % 5));
            r
        })
        .collect();
    let merged = hoinghi_merge::merge(&records);
    // 640 different names: 80 in every article, 560 in one each; none is joined with another.
    assert_eq!(merged.people.len(), names.len());
    let people = hoinghi_merge::people_csv(&merged);
    assert_eq!(people.lines().count(), names.len() + 1, "a header and a row a person");
    assert!(!hoinghi_merge::meetings_csv(&merged).is_empty());
}

#[test]
fn empty_and_junk_records() {
    let records: Vec<_> =
        ["", "\u{0}", "\u{FFFD}\u{FFFD}", "Hội nghị", "(((((", "Đồng chí"].iter().map(|t| extract(t, None)).collect();
    let merged = hoinghi_merge::merge(&records);
    let _ = hoinghi_merge::documents_csv(&merged);
    let _ = hoinghi_merge::positions_csv(&merged);
}
