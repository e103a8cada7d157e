//! Whether `extract` grows linearly with what an article repeats or lists: for each generated shape
//! (`tests/support/linear_texts.rs`), a table of doubling sizes with the seconds, the peak of bytes held on
//! the heap during the call (a counting global allocator) and the ratios of the CPU seconds (the wall clock's
//! where Linux does not tell them) and of the peak to the row before (about 2.0 is linear; 4.0 would be quadratic).
//! `make bench-linear` (`LINEAR_MB=20`: one row at 20 MB), or
//! `cargo run --release -p hoinghi-core --example bench_linear -- [FROM_MB] [TO_MB] [SHAPE]`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

#[path = "../tests/support/linear_texts.rs"]
mod linear_texts;

use linear_texts::{article, Shape};

/// The system allocator, counting the bytes held now and the most held since the last [`Counting::reset`].
struct Counting;

static HELD: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = HELD.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        HELD.fetch_sub(layout.size(), Ordering::Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                let now = HELD.fetch_add(new_size - layout.size(), Ordering::Relaxed) + new_size - layout.size();
                PEAK.fetch_max(now, Ordering::Relaxed);
            } else {
                HELD.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

impl Counting {
    /// Starts a new peak from what is held now.
    fn reset() {
        PEAK.store(HELD.load(Ordering::Relaxed), Ordering::Relaxed);
    }
    /// The most bytes held since the last reset, above `base`.
    fn peak_above(base: usize) -> usize {
        PEAK.load(Ordering::Relaxed).saturating_sub(base)
    }
}

/// The peak of each stage of one extraction (`extract_with_progress` tells when each begins): what holds the
/// memory of the row's peak.
struct StagePeaks {
    base: usize,
    current: Option<(hoinghi_core::Stage, f64)>,
    /// Each stage, its peak and its CPU seconds.
    peaks: Vec<(hoinghi_core::Stage, usize, f64)>,
}

impl StagePeaks {
    fn new(base: usize) -> StagePeaks {
        StagePeaks { base, current: None, peaks: Vec::new() }
    }
    /// Closes the stage before (its peak) and starts `stage`'s from what is held now.
    fn begin(&mut self, stage: hoinghi_core::Stage) {
        if self.current.is_some_and(|(s, _)| s == stage) {
            return;
        }
        let now = thread_cpu_seconds().unwrap_or(0.0);
        if let Some((done, began)) = self.current.replace((stage, now)) {
            self.peaks.push((done, Counting::peak_above(self.base), now - began));
        }
        Counting::reset();
    }
    /// The peak of the whole extraction: its highest stage's.
    fn peak(&self) -> usize {
        self.peaks.iter().map(|(_, p, _)| *p).max().unwrap_or(0)
    }
    fn summary(&self) -> String {
        let mb = |b: usize| b as f64 / 1048576.0;
        self.peaks.iter().map(|(s, p, cpu)| format!("{s:?} {:.0} MB {cpu:.2} s", mb(*p))).collect::<Vec<_>>().join(", ")
    }
}

/// The CPU time of this thread so far (Linux's `/proc/thread-self/schedstat`), which other programs on a shared
/// machine do not inflate as they do the wall-clock seconds; `None` elsewhere.
fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    Some(stat.split_whitespace().next()?.parse::<f64>().ok()? / 1e9)
}

fn main() {
    let arg = |n: usize, default: f64| std::env::args().nth(n).and_then(|a| a.parse::<f64>().ok()).unwrap_or(default);
    // One size alone (`LINEAR_MB=20`) is one row at that size when it is past the default end.
    let from_mb = arg(1, 1.0);
    let to_mb = arg(2, from_mb.max(16.0));
    // Warm-up: lexicons and regexes are built once per process, not counted in any row.
    std::hint::black_box(hoinghi_core::extract(&article(Shape::Officials, 20_000, 1), None));
    println!("Linear in the input: each row doubles the article; ratios ≈ 2.0 are linear, ≈ 4.0 quadratic.");
    println!("Peak heap: the most bytes held during the call beyond the text itself (a counting allocator).");
    // A third argument keeps the shapes whose name holds it (`other`: only "other meetings, citations, quotes").
    let only = std::env::args().nth(3).unwrap_or_default();
    for shape in Shape::ALL.into_iter().filter(|s| s.name().contains(only.as_str())) {
        println!("\n{}", shape.name());
        println!(
            "{:>8}  {:>8}  {:>8}  {:>6}  {:>10}  {:>6}  {:>9}  {:>9}",
            "MB", "seconds", "cpu s", "ratio", "peak MB", "ratio", "B/byte", "officials"
        );
        let mut previous: Option<(f64, usize)> = None;
        let mut mb = from_mb;
        while mb <= to_mb + 1e-9 {
            let text = article(shape, (mb * 1024.0 * 1024.0) as usize, 0x9e37_79b9_7f4a_7c15);
            let base = HELD.load(Ordering::Relaxed);
            Counting::reset();
            let (start, cpu_start) = (Instant::now(), thread_cpu_seconds());
            let mut stages = StagePeaks::new(base);
            let record = hoinghi_core::extract_with_progress(&text, None, &mut |p| stages.begin(p.stage));
            let secs = start.elapsed().as_secs_f64();
            let cpu = thread_cpu_seconds().zip(cpu_start).map(|(end, start)| end - start);
            stages.begin(hoinghi_core::Stage::Done);
            let peak = stages.peak();
            let ratio = |now: f64, before: f64| if before > 0.0 { format!("{:.2}", now / before) } else { "-".into() };
            // The ratio of this thread's CPU seconds where Linux tells them: on a shared machine the wall clock
            // measures the neighbours too.
            let work = cpu.unwrap_or(secs);
            let (secs_ratio, peak_ratio) = match previous {
                Some((s, p)) => (ratio(work, s), ratio(peak as f64, p as f64)),
                None => ("-".into(), "-".into()),
            };
            println!(
                "{:>8.1}  {:>8.3}  {:>8}  {:>6}  {:>10.1}  {:>6}  {:>9.1}  {:>9}",
                text.len() as f64 / 1048576.0,
                secs,
                cpu.map_or("-".into(), |c| format!("{c:.3}")),
                secs_ratio,
                peak as f64 / 1048576.0,
                peak_ratio,
                peak as f64 / text.len() as f64,
                record.officials.len()
            );
            println!("          by stage (peak, cpu): {}", stages.summary());
            previous = Some((work, peak));
            drop(record);
            mb *= 2.0;
        }
    }
}
