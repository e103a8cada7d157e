//! Hostile inputs probed while fuzzing (`support/hostile.rs`, see FUZZING.md): each must come back with text or
//! an error, never a panic, a hang or a blow-up in memory. None of these failed; they stay as guards for the
//! shapes a coverage-guided fuzzer with short inputs does not reach.
//!
//! The work is counted, not timed (a clock measures the machine's other load as much as the code; the
//! seconds are `examples/bench_hostile.rs`'s to print): a global allocator counts, for the calling thread, the
//! allocations, the bytes allocated and the most bytes held. Each shape is decoded at half its size and at its
//! size; every count may grow at most [`MAX_GROWTH`] times for twice the input (2 is linear, 4 quadratic: a
//! rule that rebuilds or rescans what it has read shows there), and what is held stays within
//! [`MAX_HELD_PER_BYTE`] bytes per input byte.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use hoinghi_decode::decode;

#[path = "support/hostile.rs"]
mod hostile;

/// How much a count may grow when the input doubles.
const MAX_GROWTH: f64 = 3.0;
/// The most bytes held during a call per byte of its input (deeply nested HTML holds about 60: a node a tag).
const MAX_HELD_PER_BYTE: usize = 128;

/// What a call cost the thread that made it.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Work {
    allocations: usize,
    bytes_allocated: usize,
    /// The most bytes held at once during the call, above what the thread held before it.
    peak_held: usize,
}

thread_local! {
    /// This thread's counts: allocations, bytes allocated, bytes held (allocated here, less freed here) and
    /// the most held since the last [`measure`] began. Constant cells: reading them never allocates.
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
    static ALLOCATED: Cell<usize> = const { Cell::new(0) };
    static HELD: Cell<isize> = const { Cell::new(0) };
    static PEAK: Cell<isize> = const { Cell::new(0) };
}

/// The system allocator, counting per thread (the test harness runs the tests on threads of their own).
struct Counting;

fn grew(bytes: usize) {
    let _ = ALLOCATED.try_with(|a| a.set(a.get() + bytes));
    let _ = HELD.try_with(|h| {
        h.set(h.get() + bytes as isize);
        let _ = PEAK.try_with(|p| p.set(p.get().max(h.get())));
    });
}

fn shrank(bytes: usize) {
    let _ = HELD.try_with(|h| h.set(h.get() - bytes as isize));
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let _ = ALLOCATIONS.try_with(|a| a.set(a.get() + 1));
            grew(layout.size());
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        shrank(layout.size());
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            let _ = ALLOCATIONS.try_with(|a| a.set(a.get() + 1));
            match new_size >= layout.size() {
                true => grew(new_size - layout.size()),
                false => shrank(layout.size() - new_size),
            }
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// What `f` cost this thread.
fn measure(f: impl FnOnce()) -> Work {
    let (allocations, allocated, held) = (ALLOCATIONS.get(), ALLOCATED.get(), HELD.get());
    PEAK.set(held);
    f();
    Work {
        allocations: ALLOCATIONS.get() - allocations,
        bytes_allocated: ALLOCATED.get() - allocated,
        peak_held: (PEAK.get() - held).max(0) as usize,
    }
}

#[test]
fn the_counter_sees_linear_and_quadratic_work() {
    // The check itself, on work whose growth is known: a vector filled once, and one rebuilt at every step.
    let linear = |n: usize| measure(|| drop((0..n).map(|i| i as u8).collect::<Vec<u8>>()));
    let quadratic = |n: usize| {
        measure(|| {
            let mut v: Vec<u8> = Vec::new();
            for i in 0..n {
                v = v.iter().copied().chain([i as u8]).collect();
            }
            drop(v);
        })
    };
    let ratio = |small: Work, large: Work| large.bytes_allocated as f64 / small.bytes_allocated.max(1) as f64;
    assert!(ratio(linear(50_000), linear(100_000)) <= MAX_GROWTH);
    assert!(ratio(quadratic(1_000), quadratic(2_000)) > MAX_GROWTH);
    let held = linear(100_000).peak_held;
    assert!((100_000..=200_000).contains(&held), "{held} bytes held for a vector of 100,000");
}

#[test]
fn hostile_inputs_take_work_linear_in_their_size() {
    for shape in hostile::SHAPES {
        let (half, full) = ((shape.input)(shape.n / 2), (shape.input)(shape.n));
        let small = measure(|| (shape.call)(&half, shape.n / 2));
        let large = measure(|| (shape.call)(&full, shape.n));
        let counts = [
            ("allocations", small.allocations, large.allocations),
            ("bytes allocated", small.bytes_allocated, large.bytes_allocated),
            ("bytes held", small.peak_held, large.peak_held),
        ];
        for (what, small, large) in counts {
            // A count of a few hundred is the call's fixed cost, not growth.
            let growth = large as f64 / small.max(256) as f64;
            assert!(
                growth <= MAX_GROWTH,
                "{}: {what} grew {growth:.2}× for twice the input ({small} → {large}; 2 is linear, 4 quadratic)",
                shape.name
            );
        }
        assert!(
            large.peak_held <= MAX_HELD_PER_BYTE * full.len(),
            "{}: {} bytes held for {} bytes of input",
            shape.name,
            large.peak_held,
            full.len()
        );
    }
}

#[test]
fn not_a_zip_named_docx() {
    for bytes in [&b"PK\x03\x04"[..], b"PK\x05\x06", b"PK\x03\x04\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff"] {
        assert!(decode(bytes, "bai.docx").is_err());
        assert!(decode(bytes, "bai.txt").is_err());
    }
}
