//! A zip archive written in memory, for downloads of several files (the gold export): each entry deflated
//! (miniz_oxide) with its CRC-32 (`hoinghi_decode::crc32`, the zip reader's, whose table is built at run
//! time: crc32fast's built-in tables were 16 KB of the page's first load, which gzip cannot shrink). No
//! zip64: an archive and each entry stay under 4 GB, far above what a page holds.

use miniz_oxide::deflate::compress_to_vec;

/// Deflate level: 6 is zlib's default, a fair trade of time for size.
const LEVEL: u8 = 6;
/// Version needed to extract: 2.0 (deflate).
const VERSION: u16 = 20;
/// General purpose flag bit 11: names are UTF-8 (Vietnamese file names).
const UTF8_NAMES: u16 = 1 << 11;
const DEFLATE: u16 = 8;
/// 1980-01-01 00:00 in MS-DOS time: entries carry no clock time (the page's exports are pure functions).
const DOS_DATE: u16 = (1 << 5) | 1;

fn put16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// The archive of `files` (name, content), in order.
pub fn zip(files: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut directory = Vec::new();
    for (name, content) in files {
        let packed = compress_to_vec(content, LEVEL);
        let crc = hoinghi_decode::crc32(content);
        let offset = out.len() as u32;
        // Local file header, then the data.
        put32(&mut out, 0x0403_4b50);
        let header = |out: &mut Vec<u8>| {
            put16(out, VERSION);
            put16(out, UTF8_NAMES);
            put16(out, DEFLATE);
            put16(out, 0);
            put16(out, DOS_DATE);
            put32(out, crc);
            put32(out, packed.len() as u32);
            put32(out, content.len() as u32);
            put16(out, name.len() as u16);
            put16(out, 0);
        };
        header(&mut out);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(&packed);
        // Its central directory record.
        put32(&mut directory, 0x0201_4b50);
        put16(&mut directory, VERSION);
        header(&mut directory);
        put16(&mut directory, 0); // comment length
        put16(&mut directory, 0); // disk number
        put16(&mut directory, 0); // internal attributes
        put32(&mut directory, 0); // external attributes
        put32(&mut directory, offset);
        directory.extend_from_slice(name.as_bytes());
    }
    let start = out.len() as u32;
    out.extend_from_slice(&directory);
    put32(&mut out, 0x0605_4b50);
    put16(&mut out, 0);
    put16(&mut out, 0);
    put16(&mut out, files.len() as u16);
    put16(&mut out, files.len() as u16);
    put32(&mut out, directory.len() as u32);
    put32(&mut out, start);
    put16(&mut out, 0);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u32_at(d: &[u8], at: usize) -> u32 {
        u32::from_le_bytes([d[at], d[at + 1], d[at + 2], d[at + 3]])
    }
    fn u16_at(d: &[u8], at: usize) -> usize {
        u16::from_le_bytes([d[at], d[at + 1]]) as usize
    }

    /// Reads the archive back through its central directory: (name, content) of every entry.
    fn unzip(d: &[u8]) -> Vec<(String, Vec<u8>)> {
        let end = d.len() - 22;
        assert_eq!(u32_at(d, end), 0x0605_4b50);
        let count = u16_at(d, end + 10);
        let mut at = u32_at(d, end + 16) as usize;
        let mut out = Vec::new();
        for _ in 0..count {
            assert_eq!(u32_at(d, at), 0x0201_4b50);
            let (crc, packed, size) = (u32_at(d, at + 16), u32_at(d, at + 20) as usize, u32_at(d, at + 24) as usize);
            let name_len = u16_at(d, at + 28);
            let name = String::from_utf8(d[at + 46..at + 46 + name_len].to_vec()).unwrap();
            let local = u32_at(d, at + 42) as usize;
            assert_eq!(u32_at(d, local), 0x0403_4b50);
            let data = local + 30 + u16_at(d, local + 26) + u16_at(d, local + 28);
            let content = miniz_oxide::inflate::decompress_to_vec(&d[data..data + packed]).unwrap();
            assert_eq!((content.len(), hoinghi_decode::crc32(&content)), (size, crc), "{name}");
            out.push((name, content));
            at += 46 + name_len;
        }
        out
    }

    #[test]
    fn entries_read_back() {
        let cases: &[&[(&str, &str)]] = &[
            &[],
            &[("a.txt", "")],
            &[("mẫu-000.txt", "Chiều 17/6, Ban Dân vận Tỉnh ủy tổ chức hội nghị."), ("mẫu-000.gold.json", "{}")],
            &[("big.txt", &"Hội nghị giao ban. ".repeat(10_000))],
        ];
        for files in cases {
            let files: Vec<(String, Vec<u8>)> =
                files.iter().map(|(n, c)| (n.to_string(), c.as_bytes().to_vec())).collect();
            assert_eq!(unzip(&zip(&files)), files);
        }
    }
}
