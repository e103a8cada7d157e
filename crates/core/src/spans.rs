//! Byte offsets (what Rust slices by) to char offsets (what the record gives the page).

use std::ops::Range;

use crate::record::Span;

/// Char counts at every 64th byte, so a byte offset becomes a char offset with a short scan.
pub struct CharIndex<'a> {
    text: &'a str,
    blocks: Vec<u32>,
}

const BLOCK: usize = 64;

impl<'a> CharIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut blocks = Vec::with_capacity(text.len() / BLOCK + 1);
        let mut count = 0u32;
        for chunk in text.as_bytes().chunks(BLOCK) {
            blocks.push(count);
            // Count char starts: bytes that are not UTF-8 continuation bytes.
            count += chunk.iter().filter(|b| **b & 0xC0 != 0x80).count() as u32;
        }
        CharIndex { text, blocks }
    }

    /// The char offset of a byte offset on a char boundary.
    pub fn char_at(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        let block = byte / BLOCK;
        let Some(&base) = self.blocks.get(block) else {
            return self.text[..byte].chars().count();
        };
        let from = block * BLOCK;
        base as usize + self.text.as_bytes()[from..byte].iter().filter(|b| **b & 0xC0 != 0x80).count()
    }

    pub fn span(&self, range: Range<usize>) -> Span {
        Span { start: self.char_at(range.start), end: self.char_at(range.end) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_chars_count() {
        let text = "Nguyễn Thị Phong Vũ - Trưởng Ban Dân vận Tỉnh ủy ".repeat(20);
        let index = CharIndex::new(&text);
        for (byte, _) in text.char_indices() {
            assert_eq!(index.char_at(byte), text[..byte].chars().count());
        }
        assert_eq!(index.char_at(text.len()), text.chars().count());
    }
}
