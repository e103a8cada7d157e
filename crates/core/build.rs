//! The wasm builds (the page and its worker) carry the data files without the words of their `#` lines: those
//! say what a file holds and where it comes from, for people reading `data/`, and are ~3 KB of the page's
//! first load gzipped. Each `#` line is kept as a bare `#`, so line numbers in `data::parse`'s messages stay
//! true. Native builds (tests, the CLI, the Python package) compile the files in as written (src/data.rs).

use std::{env, fs, path::Path};

fn main() {
    // A directory here is watched whole: any file in it added, removed or changed.
    println!("cargo:rerun-if-changed=data");
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for entry in fs::read_dir("data").expect("crates/core/data") {
        let path = entry.expect("a data file").path();
        let text = fs::read_to_string(&path).expect("a UTF-8 data file");
        let mut bare = String::with_capacity(text.len());
        for line in text.lines() {
            bare.push_str(if line.starts_with('#') { "#" } else { line });
            bare.push('\n');
        }
        fs::write(Path::new(&out).join(path.file_name().expect("a file name")), bare).expect("OUT_DIR is writable");
    }
}
