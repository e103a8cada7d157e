//! Arbitrary bytes decoded under each file-name extension the page accepts.
//! The first byte picks the name: .txt, .html, .docx (or no extension / .htm / .TXT).
#![no_main]
use libfuzzer_sys::fuzz_target;

const NAMES: [&str; 6] = ["bai.txt", "bai.html", "bai.docx", "bai", "trang.htm", "BAI.TXT"];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else { return };
    let name = NAMES[pick as usize % NAMES.len()];
    match hoinghi_decode::decode(bytes, name) {
        Ok(d) => {
            // What the page does next with a decoded file.
            let _ = hoinghi_core::extract(&d.text, None);
        }
        Err(e) => {
            let _ = e.describe(name);
        }
    }
});
