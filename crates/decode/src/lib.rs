//! File decoding for Hội Nghị: turns the files a user drops — text in any Vietnamese encoding,
//! saved web pages, Word documents, and the text layer the page reads from a PDF — into NFC plain text for
//! the extractor. Pure Rust, no I/O;
//! the same code runs in the CLI and, compiled to wasm, in the page.
//!
//! ```
//! let d = hoinghi_decode::decode("Hội nghị".as_bytes(), "a.txt").unwrap();
//! assert_eq!(d.text, "Hội nghị");
//! ```

mod charsets;
mod docx;
mod html;
pub mod legacy;
pub mod pdf;
pub mod score;
mod text;
mod zip;

/// The zip reader's CRC-32 (a 256-entry table built on first use), also what the page's gold export writes.
pub use zip::crc32;

use std::fmt;

/// The largest file accepted: 20 MB. An article as text, a saved page or a Word file with its
/// photos is well under 5 MB; in the page the whole file is copied into wasm memory and its text
/// decoded beside it, so a 100 MB file would cost hundreds of MB of a browser tab for nothing an
/// article needs. Bigger files are refused before any work.
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;

/// The most a `.docx` may unpack to (all parts read together): 64 MB. The text of a 500-page
/// report is under 10 MB of XML; more than this is a zip bomb.
pub const MAX_UNPACKED_BYTES: usize = 64 * 1024 * 1024;

/// What the file was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
    Docx,
    /// A PDF's text layer read by the page's PDF reader ([`pdf`]).
    Pdf,
}

/// The character encoding the text was read in (for `.docx`, the XML's; legacy-font runs are
/// listed in `notes`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    Windows1258,
    Tcvn3,
    Vni,
}

impl Encoding {
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16Le => "UTF-16 LE",
            Encoding::Utf16Be => "UTF-16 BE",
            Encoding::Windows1258 => "Windows-1258",
            Encoding::Tcvn3 => "TCVN3 (ABC)",
            Encoding::Vni => "VNI",
        }
    }
}

/// A decoded file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// Plain text in NFC. Saved pages and Word files give one paragraph per line with a blank
    /// line between paragraphs.
    pub text: String,
    pub format: Format,
    pub encoding: Encoding,
    /// What was done to the text, in Vietnamese, for the page to show
    /// (e.g. "Đã chuyển từ mã TCVN3 sang Unicode").
    pub notes: Vec<String>,
    /// A saved page's publish time as its metadata writes it (`<meta property="article:published_time">`,
    /// `itemprop="datePublished"`, JSON-LD `datePublished`, else the first `<time datetime>` of the article),
    /// e.g. `2025-11-02T09:54:41+07:00`; `None` for text and Word files. The host passes it to the
    /// extractor, where the text's own date line still wins.
    pub published: Option<String>,
}

/// Pasted text repaired by [`repair_pasted`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Repaired {
    pub text: String,
    /// `Tcvn3` or `Vni`.
    pub encoding: Encoding,
    /// For the page, in Vietnamese.
    pub note: String,
}

/// Why a file could not be read. `Display` says it in Vietnamese with what to do;
/// [`DecodeError::describe`] adds the file's name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Zero bytes, or only whitespace.
    Empty,
    /// Over [`MAX_FILE_BYTES`].
    TooLarge { size: usize, limit: usize },
    /// Not text: an image, a program, an archive... `kind` names it in Vietnamese.
    Binary { kind: &'static str },
    /// An old Word `.doc` (OLE compound file).
    LegacyDoc,
    /// A PDF's own bytes: only the page reads PDFs (through pdf.js, which hands over the text layer).
    Pdf,
    /// A PDF with no text layer: every page is an image (a scan). `pages` counts them.
    PdfScanned { pages: usize },
    /// A PDF that needs a password to be read.
    PdfEncrypted,
    /// Not a PDF after all, or a damaged one; `detail` is the reader's word.
    PdfBroken { detail: String },
    /// A zip (`.docx`) cut short or damaged.
    BrokenZip { detail: String },
    /// A `.docx` that unpacks to more than the cap.
    ZipBomb { limit: usize },
    /// A zip that is not a Word document (`.xlsx`, `.odt`, a plain archive...).
    NotDocx { kind: &'static str },
    /// The `.docx` XML could not be read.
    BadXml { detail: String },
    /// A web page with no article text in it.
    NoArticle,
}

/// `n` bytes in MB (MiB) to a tenth, rounded up, the Vietnamese way (`20,1 MB`; `20 MB` when whole): a file just
/// over the limit must not read as the limit (rounded, 20.03 MB said "20 MB; giới hạn 20 MB").
fn mb(n: usize) -> String {
    let tenths = (n as u64 * 10).div_ceil(1024 * 1024);
    match tenths % 10 {
        0 => format!("{} MB", tenths / 10),
        t => format!("{},{t} MB", tenths / 10),
    }
}

/// [`DecodeError::LegacyDoc`]'s message. The page says it (and [`too_large`]'s) without the other errors'
/// messages, which only the extraction worker needs: the page's first load carries these two alone.
pub const LEGACY_DOC: &str = "Tệp .doc (Word cũ) chưa đọc được: hãy mở bằng Word và lưu lại thành .docx.";

/// [`DecodeError::TooLarge`]'s message.
pub fn too_large(size: usize, limit: usize) -> String {
    format!(
        "Tệp quá lớn ({}; giới hạn {}): một bài báo không cần lớn như vậy, và trình duyệt sẽ hết bộ nhớ. Hãy chỉ lưu phần bài viết (Lưu trang \"chỉ HTML\", hoặc chép chữ sang tệp .txt/.docx).",
        mb(size),
        mb(limit)
    )
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Empty => write!(f, "Tệp trống: không có chữ nào để đọc."),
            DecodeError::TooLarge { size, limit } => f.write_str(&too_large(*size, *limit)),
            DecodeError::Binary { kind } => write!(
                f,
                "Tệp này không phải văn bản mà là {kind} (có thể bị đổi đuôi). Hãy chọn tệp .txt, .html hoặc .docx chứa bài viết."
            ),
            DecodeError::LegacyDoc => f.write_str(LEGACY_DOC),
            DecodeError::Pdf => write!(
                f,
                "Đây là tệp PDF. Trang Hội Nghị đọc được chữ của PDF khi tệp có đuôi .pdf (hãy đổi tên nếu chưa); dòng lệnh hoinghi chưa đọc PDF: hãy thả tệp vào trang, hoặc chép chữ ra tệp .txt."
            ),
            DecodeError::PdfScanned { pages } => write!(
                f,
                "PDF này là ảnh quét ({pages} trang không có lớp chữ) nên không có chữ nào để đọc. Hãy dùng bản PDF có chữ (bôi đen được chữ khi mở), hoặc nhận dạng chữ (OCR) rồi lưu thành .txt/.docx."
            ),
            DecodeError::PdfEncrypted => write!(
                f,
                "PDF này có mật khẩu nên không đọc được chữ. Hãy mở bằng trình đọc PDF với mật khẩu, lưu một bản không mật khẩu rồi thả lại."
            ),
            DecodeError::PdfBroken { detail } => {
                write!(f, "Tệp PDF bị hỏng hoặc tải về chưa hết")?;
                if !detail.is_empty() {
                    write!(f, " ({detail})")?;
                }
                write!(f, ". Hãy tải lại tệp, hoặc mở bằng trình đọc PDF và lưu lại.")
            }
            DecodeError::BrokenZip { detail } => write!(
                f,
                "Tệp Word (.docx) bị hỏng hoặc tải về chưa hết ({detail}). Hãy tải lại hoặc mở bằng Word và lưu lại."
            ),
            DecodeError::ZipBomb { limit } => write!(
                f,
                "Tệp .docx bung ra quá lớn (hơn {}), có thể là tệp độc hại (zip bomb): đã dừng đọc.",
                mb(*limit)
            ),
            DecodeError::NotDocx { kind } => write!(
                f,
                "Tệp nén này là {kind}, không phải văn bản Word: hãy lưu bài viết thành .docx hoặc .txt."
            ),
            DecodeError::BadXml { detail } => write!(
                f,
                "Nội dung tệp Word (.docx) bị lỗi ({detail}). Hãy mở bằng Word và lưu lại."
            ),
            DecodeError::NoArticle => write!(
                f,
                "Trang web không có bài viết nào (không thấy đoạn văn nào). Hãy mở đúng trang bài báo rồi lưu lại, hoặc chép phần bài viết vào ô văn bản."
            ),
        }
    }
}

impl std::error::Error for DecodeError {}

impl DecodeError {
    /// The message with the file's name in front, for a list of skipped files.
    pub fn describe(&self, file_name: &str) -> String {
        format!("«{file_name}»: {self}")
    }

    /// A short stable name for the kind of error (tests, logs).
    pub fn kind(&self) -> &'static str {
        match self {
            DecodeError::Empty => "empty",
            DecodeError::TooLarge { .. } => "too-large",
            DecodeError::Binary { .. } => "binary",
            DecodeError::LegacyDoc => "legacy-doc",
            DecodeError::Pdf => "pdf",
            DecodeError::PdfScanned { .. } => "pdf-scanned",
            DecodeError::PdfEncrypted => "pdf-encrypted",
            DecodeError::PdfBroken { .. } => "pdf-broken",
            DecodeError::BrokenZip { .. } => "broken-zip",
            DecodeError::ZipBomb { .. } => "zip-bomb",
            DecodeError::NotDocx { .. } => "not-docx",
            DecodeError::BadXml { .. } => "bad-xml",
            DecodeError::NoArticle => "no-article",
        }
    }
}

/// Extensions of the files the page reads, for a folder drop to pick files by name: what [`decode`] reads, and
/// PDFs, whose text layer the page's PDF reader hands to [`decode`] ([`pdf`]).
pub const SUPPORTED_EXTENSIONS: [&str; 6] = ["txt", "text", "html", "htm", "docx", "pdf"];

/// Whether a folder drop should read this file (by its name); the others are listed as skipped
/// with [`skip_reason`].
pub fn is_supported(file_name: &str) -> bool {
    SUPPORTED_EXTENSIONS.contains(&extension(file_name).as_str())
}

/// Why a folder drop skips a file, in Vietnamese; `None` for a file [`decode`] reads.
pub fn skip_reason(file_name: &str) -> Option<String> {
    let ext = extension(file_name);
    match ext.as_str() {
        e if SUPPORTED_EXTENSIONS.contains(&e) => None,
        "doc" => Some(LEGACY_DOC.to_string()),
        "" => Some("Tệp không có đuôi: chưa biết là loại gì, nên đã bỏ qua.".to_string()),
        e => Some(format!("Tệp .{e} không phải bài viết dạng .txt, .html hoặc .docx, nên đã bỏ qua.")),
    }
}

pub(crate) fn extension(file_name: &str) -> String {
    match file_name.rsplit_once('.') {
        Some((_, ext)) if !ext.contains('/') && !ext.contains('\\') => ext.to_ascii_lowercase(),
        _ => String::new(),
    }
}

/// Decodes one file's bytes. The content decides over the name: a `.txt` that is really a zip,
/// an image or a PDF is treated as what it is. Never panics; every failure is a [`DecodeError`].
pub fn decode(bytes: &[u8], file_name: &str) -> Result<Decoded, DecodeError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(DecodeError::TooLarge { size: bytes.len(), limit: MAX_FILE_BYTES });
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(DecodeError::Empty);
    }
    let ext = extension(file_name);
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Err(if matches!(ext.as_str(), "xls" | "ppt" | "msg") {
            DecodeError::Binary { kind: "tệp Office cũ (không phải Word)" }
        } else {
            DecodeError::LegacyDoc
        });
    }
    if bytes.starts_with(b"%PDF") {
        return Err(DecodeError::Pdf);
    }
    if bytes.starts_with(pdf::TEXT_LAYER_MAGIC) {
        let read = pdf::read_text_layer(bytes)?;
        let mut notes = Vec::new();
        if !read.pages_without_text.is_empty() {
            let list: Vec<String> = read.pages_without_text.iter().map(usize::to_string).collect();
            notes.push(format!(
                "Trang {} (trên {}) của PDF là ảnh quét, không có lớp chữ: phần đó không được đọc.",
                list.join(", "),
                read.pages
            ));
        }
        return Ok(finish(read.text, Format::Pdf, Encoding::Utf8, notes));
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return docx::decode(bytes);
    }
    if let Some(kind) = text::binary_kind(bytes) {
        return Err(DecodeError::Binary { kind });
    }
    if ext == "docx" {
        return Err(DecodeError::BrokenZip { detail: "tệp không có dạng zip của .docx".to_string() });
    }
    if matches!(ext.as_str(), "html" | "htm" | "xhtml" | "shtml" | "asp" | "aspx" | "php")
        || (ext != "txt" && html::sniff(bytes))
    {
        let (text, encoding, mut notes) = html::decode_charset(bytes)?;
        let article = html::extract(&text)?;
        notes.extend(article.notes);
        let mut decoded = finish(article.text, Format::Html, encoding, notes);
        decoded.published = article.published;
        return Ok(decoded);
    }
    let (text, encoding, notes) = text::decode_text(bytes)?;
    let t = text::tidy_plain(&text);
    if t.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok(finish(t, Format::Text, encoding, notes))
}

/// NFC, and a legacy-font repair when the text is still mojibake.
fn finish(text: String, format: Format, encoding: Encoding, mut notes: Vec<String>) -> Decoded {
    use unicode_normalization::{is_nfc, UnicodeNormalization};
    let mut text = text;
    if matches!(encoding, Encoding::Utf8 | Encoding::Utf16Le | Encoding::Utf16Be | Encoding::Windows1258) {
        if let Some(r) = repair_pasted(&text) {
            text = r.text;
            notes.push(r.note);
        }
    }
    if !is_nfc(&text) {
        if encoding != Encoding::Windows1258 {
            notes.push("Đã chuẩn hoá dấu tiếng Việt sang dạng dựng sẵn (NFC).".to_string());
        }
        text = text.nfc().collect();
    }
    Decoded { text, format, encoding, notes, published: None }
}

/// Repairs pasted text that is TCVN3 or VNI read as Latin-1/Windows-1252 (mojibake such as
/// `B¶o Th¾ng` for `Bảo Thắng`, `Vieät Nam` for `Việt Nam`). `None` when the text reads as
/// Vietnamese already (or as neither).
pub fn repair_pasted(text: &str) -> Option<Repaired> {
    use unicode_normalization::UnicodeNormalization;
    let convert = |text: &str, enc: legacy::Legacy| -> String {
        let t = legacy::decode_surface(text, enc);
        let t = if enc == legacy::Legacy::Tcvn3 { legacy::restore_tcvn3_case(&t) } else { t };
        t.nfc().collect()
    };
    // Decide on the first 256 KB (the letters of a long text say the same), convert it all.
    let probe = score::sample(text, 256 * 1024);
    // Text with no character from the Latin-1/Windows-1252 upper half can't be such mojibake.
    if !probe.chars().any(|c| ('\u{80}'..='\u{FF}').contains(&c) || legacy::is_cp1252_special(c)) {
        return None;
    }
    // Nor can text that already writes Vietnamese letters no single-byte Latin page has
    // (ă, đ, ơ, ư, ĩ, ũ and the precomposed tones U+1EA0..U+1EF9): skip the costly scoring.
    let vietnamese = probe
        .chars()
        .filter(|&c| {
            matches!(c, 'ă' | 'Ă' | 'đ' | 'Đ' | 'ơ' | 'Ơ' | 'ư' | 'Ư' | 'ĩ' | 'Ĩ' | 'ũ' | 'Ũ' | '\u{1EA0}'..='\u{1EF9}')
        })
        .take(8)
        .count();
    if vietnamese >= 8 {
        return None;
    }
    let before = score::score(probe);
    let mut best: Option<(i64, legacy::Legacy, Encoding)> = None;
    for (enc, e) in [(legacy::Legacy::Tcvn3, Encoding::Tcvn3), (legacy::Legacy::Vni, Encoding::Vni)] {
        let s = score::score(&convert(probe, enc));
        if best.as_ref().is_none_or(|b| s > b.0) {
            best = Some((s, enc, e));
        }
    }
    let (s, enc, e) = best?;
    // Clearly better: more than a few words gained and at least a fifth of the words.
    let words = score::scored_words(probe).max(1);
    if s >= 2 && s - before >= 2 && (s - before) * 5 >= words {
        let note = format!("Chữ mã {} bị đọc nhầm thành ký tự Latin: đã chuyển sang Unicode.", e.label());
        Some(Repaired { text: convert(text, enc), encoding: e, note })
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_said_in_tenths_of_a_mb_rounded_up() {
        const MIB: usize = 1024 * 1024;
        for (bytes, said) in [
            (20 * MIB, "20 MB"),
            (20 * MIB + 1, "20,1 MB"),
            (21_000_000, "20,1 MB"),
            (64 * MIB, "64 MB"),
            (1, "0,1 MB"),
            (0, "0 MB"),
        ] {
            assert_eq!(mb(bytes), said, "{bytes} bytes");
        }
        assert!(too_large(21_000_000, MAX_FILE_BYTES).contains("(20,1 MB; giới hạn 20 MB)"));
    }
}
