//! Single-byte code pages: Windows-1252 (what legacy-font bytes are "read as") and
//! Windows-1258 (Vietnamese, with combining tone marks).

/// Windows-1252 for 0x80..=0x9F; the five unassigned bytes map to the C1 control of the same value.
const CP1252_80: [char; 32] = [
    '\u{20AC}', '\u{0081}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}', '\u{02C6}',
    '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{008D}', '\u{017D}', '\u{008F}', '\u{0090}', '\u{2018}',
    '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}', '\u{02DC}', '\u{2122}', '\u{0161}',
    '\u{203A}', '\u{0153}', '\u{009D}', '\u{017E}', '\u{0178}',
];

/// One byte as Windows-1252.
pub fn cp1252(b: u8) -> char {
    if (0x80..0xA0).contains(&b) {
        CP1252_80[(b - 0x80) as usize]
    } else {
        b as char
    }
}

/// A character back to its Windows-1252 byte, if it has one.
pub fn cp1252_byte(c: char) -> Option<u8> {
    let u = c as u32;
    if u < 0x80 || (0xA0..=0xFF).contains(&u) {
        return Some(u as u8);
    }
    CP1252_80.iter().position(|&x| x == c).map(|i| 0x80 + i as u8)
}

/// One byte as Windows-1258. Tone marks come out as combining characters (U+0300, U+0301,
/// U+0303, U+0309, U+0323); the caller composes them with NFC.
pub fn cp1258(b: u8) -> char {
    match b {
        0x8A => '\u{008A}',
        0x8E => '\u{008E}',
        0x9A => '\u{009A}',
        0x9E => '\u{009E}',
        0xC3 => 'Ă',
        0xCC => '\u{0300}',
        0xD0 => 'Đ',
        0xD2 => '\u{0309}',
        0xD5 => 'Ơ',
        0xDD => 'Ư',
        0xDE => '\u{0303}',
        0xE3 => 'ă',
        0xEC => '\u{0301}',
        0xF0 => 'đ',
        0xF2 => '\u{0323}',
        0xF5 => 'ơ',
        0xFD => 'ư',
        0xFE => '₫',
        _ => cp1252(b),
    }
}

pub fn decode_cp1258(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| cp1258(b)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn cp1252_round_trips() {
        for b in 0u8..=255 {
            assert_eq!(cp1252_byte(cp1252(b)), Some(b));
        }
    }
    #[test]
    fn cp1258_vietnamese_letters() {
        // "Việt" as Windows-1258: V i e^ (0xEA) + dot below (0xF2) t.
        let s = decode_cp1258(&[b'V', b'i', 0xEA, 0xF2, b't']);
        use unicode_normalization::UnicodeNormalization;
        assert_eq!(s.nfc().collect::<String>(), "Việt");
    }
}
