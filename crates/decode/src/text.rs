//! Text files: byte-order marks, UTF-8, UTF-16, and the legacy single-byte encodings told apart
//! by letter statistics.

use crate::charsets::decode_cp1258;
use crate::legacy::{self, Legacy};
use crate::score::score;
use crate::{DecodeError, Encoding};

/// What a file that is not text is, by its first bytes.
pub fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: [(&[u8], &str); 16] = [
        (b"\x89PNG\r\n\x1a\n", "ảnh PNG"),
        (b"\xFF\xD8\xFF", "ảnh JPEG"),
        (b"GIF87a", "ảnh GIF"),
        (b"GIF89a", "ảnh GIF"),
        (b"II*\x00", "ảnh TIFF"),
        (b"MM\x00*", "ảnh TIFF"),
        (b"MZ", "chương trình Windows (.exe)"),
        (b"\x7FELF", "chương trình (ELF)"),
        (b"\xCA\xFE\xBA\xBE", "chương trình (Mach-O)"),
        (b"\xCF\xFA\xED\xFE", "chương trình (Mach-O)"),
        (b"\x1F\x8B", "tệp nén gzip"),
        (b"Rar!\x1A\x07", "tệp nén RAR"),
        (b"7z\xBC\xAF\x27\x1C", "tệp nén 7z"),
        (b"ID3", "tệp âm thanh MP3"),
        (b"OggS", "tệp âm thanh/video Ogg"),
        (b"\x00asm", "tệp WebAssembly"),
    ];
    for (m, kind) in MAGIC {
        if bytes.starts_with(m) {
            // "MZ" and "ID3" could begin a text by chance: believe them only with binary after.
            if (m == b"MZ" || m == b"ID3") && control_ratio(bytes) < 0.02 {
                continue;
            }
            return Some(kind);
        }
    }
    if bytes.len() >= 12 && &bytes[0..4] == b"RIFF" {
        return Some(match &bytes[8..12] {
            b"WEBP" => "ảnh WebP",
            b"WAVE" => "tệp âm thanh WAV",
            _ => "tệp đa phương tiện (RIFF)",
        });
    }
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        return Some("tệp video/ảnh (MP4/HEIC)");
    }
    if utf16_without_bom(bytes).is_none() && utf16_bom(bytes).is_none() && control_ratio(bytes) > 0.01 {
        return Some("dữ liệu nhị phân");
    }
    None
}

/// Share of bytes (in the first 64 KB) that no text has: NUL and C0 controls other than
/// tab, line feed, form feed, carriage return and escape.
fn control_ratio(bytes: &[u8]) -> f64 {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    if head.is_empty() {
        return 0.0;
    }
    let bad = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B)).count();
    bad as f64 / head.len() as f64
}

fn utf16_bom(bytes: &[u8]) -> Option<Encoding> {
    if bytes.starts_with(&[0xFF, 0xFE]) {
        Some(Encoding::Utf16Le)
    } else if bytes.starts_with(&[0xFE, 0xFF]) {
        Some(Encoding::Utf16Be)
    } else {
        None
    }
}

/// UTF-16 without a byte-order mark: the high byte of ASCII and of most Vietnamese letters
/// (U+00xx, U+01xx, U+1Exx) is a zero or small byte in every other position.
fn utf16_without_bom(bytes: &[u8]) -> Option<Encoding> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    if head.len() < 8 {
        return None;
    }
    let pairs = head.len() / 2;
    let zeros = |off: usize| head.iter().skip(off).step_by(2).filter(|&&b| b == 0).count();
    let (even, odd) = (zeros(0), zeros(1));
    if odd * 10 >= pairs * 3 && even * 20 <= pairs {
        Some(Encoding::Utf16Le)
    } else if even * 10 >= pairs * 3 && odd * 20 <= pairs {
        Some(Encoding::Utf16Be)
    } else {
        None
    }
}

fn decode_utf16(bytes: &[u8], le: bool) -> String {
    let units =
        bytes
            .chunks_exact(2)
            .map(|c| if le { u16::from_le_bytes([c[0], c[1]]) } else { u16::from_be_bytes([c[0], c[1]]) });
    char::decode_utf16(units).map(|r| r.unwrap_or('\u{FFFD}')).collect()
}

fn legacy_note(e: Encoding) -> String {
    format!("Đã chuyển từ mã {} sang Unicode.", e.label())
}

/// Decodes the bytes of a text (or HTML) file: BOM first, then UTF-16 without BOM, then UTF-8,
/// then the single-byte candidate that reads as the most Vietnamese.
pub fn decode_text(bytes: &[u8]) -> Result<(String, Encoding, Vec<String>), DecodeError> {
    let (text, enc, notes) = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        (String::from_utf8_lossy(rest).into_owned(), Encoding::Utf8, vec![])
    } else if let Some(e) = utf16_bom(bytes).or_else(|| utf16_without_bom(bytes)) {
        let body = if utf16_bom(bytes).is_some() { &bytes[2..] } else { bytes };
        (decode_utf16(body, e == Encoding::Utf16Le), e, vec![])
    } else if let Ok(s) = std::str::from_utf8(bytes) {
        (s.to_string(), Encoding::Utf8, vec![])
    } else {
        let (t, e, n) = decode_single_byte(bytes);
        (t, e, n)
    };
    let text = text.trim_start_matches('\u{FEFF}').to_string();
    let controls = text.chars().filter(|&c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0C}')).count();
    if controls * 100 > text.chars().count() {
        return Err(DecodeError::Binary { kind: "dữ liệu nhị phân" });
    }
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok((text, enc, notes))
}

/// Bytes that are not UTF-8: Windows-1258, TCVN3 or VNI, whichever reads as the most Vietnamese.
pub fn decode_single_byte(bytes: &[u8]) -> (String, Encoding, Vec<String>) {
    // Decide on the first 256 KB, up to a line end; decode it all with the winner.
    let mut probe = &bytes[..bytes.len().min(256 * 1024)];
    if probe.len() < bytes.len() {
        if let Some(nl) = probe.iter().rposition(|&b| b == b'\n') {
            probe = &probe[..nl];
        }
    }
    let mut best: Option<(i64, Encoding)> = None;
    for e in [Encoding::Windows1258, Encoding::Tcvn3, Encoding::Vni] {
        let s = score(&decode_as(probe, e));
        if best.is_none_or(|b| s > b.0) {
            best = Some((s, e));
        }
    }
    let (s, e) = best.expect("three candidates");
    let t = decode_as(bytes, e);
    let mut notes = vec![legacy_note(e)];
    if s <= 0 {
        notes =
            vec!["Không nhận ra bảng mã tiếng Việt của tệp; đã đọc theo Windows-1258, hãy kiểm tra chữ.".to_string()];
    }
    (t, e, notes)
}

/// Decodes bytes in a named encoding (a web page's declared charset).
pub fn decode_as(bytes: &[u8], e: Encoding) -> String {
    match e {
        Encoding::Utf8 => {
            String::from_utf8_lossy(bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes)).into_owned()
        }
        Encoding::Utf16Le | Encoding::Utf16Be => {
            let body = if utf16_bom(bytes).is_some() { &bytes[2..] } else { bytes };
            decode_utf16(body, e == Encoding::Utf16Le)
        }
        Encoding::Windows1258 => decode_cp1258(bytes),
        Encoding::Tcvn3 => legacy::restore_tcvn3_case(&legacy::decode_bytes(bytes, Legacy::Tcvn3)),
        Encoding::Vni => legacy::decode_bytes(bytes, Legacy::Vni),
    }
}

/// Line ends to `\n`, stray NULs and BOMs out.
pub fn tidy_plain(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n").replace(['\u{0}', '\u{FEFF}'], "")
}
