//! Pasted text (arbitrary bytes, lossy UTF-8) through the TCVN3/VNI mojibake repair.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Some(r) = hoinghi_decode::repair_pasted(&text) {
        assert!(!r.note.is_empty());
    }
});
