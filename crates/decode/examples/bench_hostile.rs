//! The seconds each hostile input of the regression guards (`tests/support/hostile.rs`) takes to decode, at
//! half its size and at its size, and the ratio (2.0 is linear). The guards themselves count the work instead
//! (`tests/regressions.rs`): a test that times would measure the machine's other load.
//! `cargo run --release -p hoinghi-decode --example bench_hostile`

use std::time::Instant;

#[path = "../tests/support/hostile.rs"]
mod hostile;

fn seconds(f: impl FnOnce()) -> f64 {
    let t = Instant::now();
    f();
    t.elapsed().as_secs_f64()
}

fn main() {
    println!("{:<22} {:>10} {:>10} {:>10} {:>7}", "input", "MB", "s (half)", "s (full)", "ratio");
    for shape in hostile::SHAPES {
        let (half, full) = ((shape.input)(shape.n / 2), (shape.input)(shape.n));
        let small = seconds(|| (shape.call)(&half, shape.n / 2));
        let large = seconds(|| (shape.call)(&full, shape.n));
        let mb = full.len() as f64 / 1e6;
        println!("{:<22} {mb:>10.1} {small:>10.3} {large:>10.3} {:>7.2}", shape.name, large / small.max(1e-9));
    }
}
