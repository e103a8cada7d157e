//! A small zip reader for `.docx`: the central directory, stored and deflated entries, CRC-32,
//! and caps on what an entry may unpack to (zip bombs). No zip64, no encryption: a Word file
//! needs neither.

use crate::{DecodeError, MAX_UNPACKED_BYTES};

pub struct Entry {
    pub name: String,
    method: u16,
    crc: u32,
    compressed: usize,
    uncompressed: usize,
    local_offset: usize,
}

pub struct Zip<'a> {
    data: &'a [u8],
    pub entries: Vec<Entry>,
    /// Bytes unpacked so far, against [`MAX_UNPACKED_BYTES`].
    unpacked: usize,
}

fn broken(detail: &str) -> DecodeError {
    DecodeError::BrokenZip { detail: detail.to_string() }
}

fn u16_at(d: &[u8], at: usize) -> Option<u16> {
    d.get(at..at + 2).map(|b| u16::from_le_bytes([b[0], b[1]]))
}
fn u32_at(d: &[u8], at: usize) -> Option<u32> {
    d.get(at..at + 4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// An entry may unpack to at most this much, whatever its compressed size...
const ENTRY_FLOOR: usize = 8 * 1024 * 1024;
/// ...or to this many times its compressed size when that is more. Word XML deflates 5-15x;
/// a bomb deflates 1000x.
const MAX_RATIO: usize = 100;

impl<'a> Zip<'a> {
    pub fn open(data: &'a [u8]) -> Result<Zip<'a>, DecodeError> {
        // End of central directory: 22 bytes plus a comment of up to 64 KB, at the end.
        let from = data.len().saturating_sub(22 + 0xFFFF);
        let eocd = (from..data.len().saturating_sub(21))
            .rev()
            .find(|&i| data[i..].starts_with(b"PK\x05\x06"))
            .ok_or_else(|| broken("thiếu mục lục cuối tệp, có lẽ tệp bị cắt cụt"))?;
        let count = u16_at(data, eocd + 10).unwrap_or(0) as usize;
        let cd_size = u32_at(data, eocd + 12).unwrap_or(0) as usize;
        let cd_offset = u32_at(data, eocd + 16).unwrap_or(0) as usize;
        if count == 0xFFFF || cd_offset == 0xFFFF_FFFF {
            return Err(broken("định dạng zip64 không được hỗ trợ"));
        }
        if cd_offset.checked_add(cd_size).is_none_or(|end| end > eocd) {
            return Err(broken("mục lục trỏ ra ngoài tệp, có lẽ tệp bị cắt cụt"));
        }
        let mut entries = Vec::with_capacity(count.min(4096));
        let mut at = cd_offset;
        for _ in 0..count {
            if u32_at(data, at) != Some(0x0201_4b50) {
                return Err(broken("mục lục hỏng"));
            }
            let field = |off: usize| u32_at(data, at + off).unwrap_or(0) as usize;
            let name_len = u16_at(data, at + 28).unwrap_or(0) as usize;
            let extra_len = u16_at(data, at + 30).unwrap_or(0) as usize;
            let comment_len = u16_at(data, at + 32).unwrap_or(0) as usize;
            let name = data.get(at + 46..at + 46 + name_len).ok_or_else(|| broken("mục lục hỏng"))?;
            entries.push(Entry {
                name: String::from_utf8_lossy(name).replace('\\', "/"),
                method: u16_at(data, at + 10).unwrap_or(0),
                crc: field(16) as u32,
                compressed: field(20),
                uncompressed: field(24),
                local_offset: field(42),
            });
            at += 46 + name_len + extra_len + comment_len;
        }
        Ok(Zip { data, entries, unpacked: 0 })
    }

    pub fn has(&self, name: &str) -> bool {
        self.entries.iter().any(|e| e.name == name)
    }

    /// The unpacked bytes of entry `name`, or `None` if there is no such entry.
    pub fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, DecodeError> {
        let Some(e) = self.entries.iter().find(|e| e.name == name) else { return Ok(None) };
        let d = self.data;
        let lo = e.local_offset;
        if u32_at(d, lo) != Some(0x0403_4b50) {
            return Err(broken(&format!("không tìm thấy phần {name}, có lẽ tệp bị cắt cụt")));
        }
        let start = lo + 30 + u16_at(d, lo + 26).unwrap_or(0) as usize + u16_at(d, lo + 28).unwrap_or(0) as usize;
        let raw = start
            .checked_add(e.compressed)
            .and_then(|end| d.get(start..end))
            .ok_or_else(|| broken(&format!("phần {name} bị cắt cụt")))?;
        let budget = MAX_UNPACKED_BYTES - self.unpacked;
        let cap = ENTRY_FLOOR.max(e.compressed.saturating_mul(MAX_RATIO)).min(budget);
        if e.uncompressed > cap {
            return Err(DecodeError::ZipBomb { limit: MAX_UNPACKED_BYTES });
        }
        let out = match e.method {
            0 => raw.to_vec(),
            8 => match miniz_oxide::inflate::decompress_to_vec_with_limit(raw, cap) {
                Ok(v) => v,
                Err(err) if err.status == miniz_oxide::inflate::TINFLStatus::HasMoreOutput => {
                    return Err(DecodeError::ZipBomb { limit: MAX_UNPACKED_BYTES })
                }
                Err(_) => return Err(broken(&format!("phần {name} giải nén lỗi"))),
            },
            m => return Err(broken(&format!("kiểu nén {m} không được hỗ trợ"))),
        };
        if crc32(&out) != e.crc {
            return Err(broken(&format!("phần {name} sai mã kiểm tra CRC")));
        }
        self.unpacked += out.len();
        Ok(Some(out))
    }
}

pub fn crc32(data: &[u8]) -> u32 {
    static TABLE: std::sync::OnceLock<[u32; 256]> = std::sync::OnceLock::new();
    let t = TABLE.get_or_init(|| {
        let mut t = [0u32; 256];
        for (i, v) in t.iter_mut().enumerate() {
            let mut c = i as u32;
            for _ in 0..8 {
                c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
            }
            *v = c;
        }
        t
    });
    !data.iter().fold(!0u32, |c, &b| t[((c ^ b as u32) & 0xFF) as usize] ^ (c >> 8))
}

#[cfg(test)]
mod tests {
    #[test]
    fn crc() {
        assert_eq!(super::crc32(b"123456789"), 0xCBF4_3926);
    }
}
