//! An ordered parallel map: jobs run on `threads` threads, their results come back in the order the jobs went
//! in, and at most `window` jobs are in flight (taken from the input but not yet handed to the sink). The window
//! is what keeps memory flat however many jobs there are: a slow job holds back at most `window` results.

use std::collections::BTreeMap;
use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};

/// The number of threads to use when the caller does not say: every core the process may use.
pub fn all_cores() -> usize {
    std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)
}

/// How many jobs may be in flight for `threads` threads: enough that no thread waits for the slowest job's
/// neighbours, few enough that a handful of articles is all that sits in memory.
pub fn window(threads: usize) -> usize {
    threads.max(1) * 4
}

/// Runs `work` on every job on `threads` threads and passes the results to `sink` in the jobs' order, on the
/// calling thread (so the sink may hold a lock on standard output). Jobs are taken from the iterator on the
/// calling thread as room in the window frees up. Stops at the sink's first error and returns it. A panic
/// in `work` is raised again here once the other threads have stopped.
pub fn map_ordered<T, R, E>(
    jobs: impl IntoIterator<Item = T>,
    threads: usize,
    work: impl Fn(T) -> R + Sync,
    mut sink: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E>
where
    T: Send,
    R: Send,
{
    let threads = threads.max(1);
    let window = window(threads);
    let mut jobs = jobs.into_iter();
    let work = &work;
    std::thread::scope(|scope| {
        // Both channels live in this closure: returning from it (the end, the sink's error, a panic) closes
        // them, and the workers stop once they have finished the job they hold.
        let (job_tx, job_rx) = mpsc::channel::<(usize, T)>();
        let (result_tx, result_rx) = mpsc::channel::<(usize, std::thread::Result<R>)>();
        let job_rx = Arc::new(Mutex::new(job_rx));
        for _ in 0..threads {
            let (job_rx, result_tx) = (Arc::clone(&job_rx), result_tx.clone());
            scope.spawn(move || loop {
                // The lock is held only to take a job, never while working on one.
                let next = job_rx.lock().map(|rx| rx.recv());
                let Ok(Ok((i, job))) = next else { return };
                let result = panic::catch_unwind(AssertUnwindSafe(|| work(job)));
                if result_tx.send((i, result)).is_err() {
                    return;
                }
            });
        }
        drop(result_tx);
        let (mut sent, mut written) = (0usize, 0usize);
        let mut waiting: BTreeMap<usize, R> = BTreeMap::new();
        let mut exhausted = false;
        loop {
            while !exhausted && sent - written < window {
                match jobs.next() {
                    Some(job) => {
                        // The workers outlive this loop, so the channel is open.
                        let _ = job_tx.send((sent, job));
                        sent += 1;
                    }
                    None => exhausted = true,
                }
            }
            if written == sent {
                return Ok(());
            }
            let Ok((i, result)) = result_rx.recv() else { return Ok(()) };
            match result {
                Ok(r) => {
                    waiting.insert(i, r);
                }
                Err(payload) => panic::resume_unwind(payload),
            }
            while let Some(r) = waiting.remove(&written) {
                written += 1;
                sink(r)?;
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Work whose cost varies by job, so that later jobs often finish before earlier ones.
    fn uneven(i: u64) -> u64 {
        (0..(i % 7) * 20_000).fold(i, |acc, x| acc.wrapping_mul(31).wrapping_add(x)) % 1000 + i * 1000
    }

    #[test]
    fn results_come_out_in_the_jobs_order_at_any_thread_count() {
        // (threads, jobs)
        let cases = [(1, 0), (1, 50), (2, 1), (2, 200), (3, 97), (8, 500), (0, 10)];
        for (threads, n) in cases {
            let mut out = Vec::new();
            map_ordered(0..n, threads, uneven, |r| {
                out.push(r / 1000);
                Ok::<(), ()>(())
            })
            .unwrap();
            assert_eq!(out, (0..n).collect::<Vec<_>>(), "threads {threads}, {n} jobs");
        }
    }

    #[test]
    fn never_more_than_the_window_in_flight() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let taken = AtomicUsize::new(0);
        let mut written = 0;
        let jobs = (0..300).inspect(|_| {
            taken.fetch_add(1, Ordering::SeqCst);
        });
        map_ordered(jobs, 3, uneven, |_| {
            written += 1;
            assert!(taken.load(Ordering::SeqCst) - (written - 1) <= window(3));
            Ok::<(), ()>(())
        })
        .unwrap();
        assert_eq!(written, 300);
    }

    #[test]
    fn the_sinks_error_stops_the_run() {
        let mut seen = 0;
        let got = map_ordered(0..1000u64, 2, uneven, |_| {
            seen += 1;
            if seen == 5 {
                Err("closed")
            } else {
                Ok(())
            }
        });
        assert_eq!(got, Err("closed"));
        assert_eq!(seen, 5);
    }

    #[test]
    fn a_panic_in_the_work_is_raised_to_the_caller() {
        let got = panic::catch_unwind(|| {
            map_ordered(0..100u64, 2, |i| if i == 42 { panic!("job 42") } else { i }, |_| Ok::<(), ()>(()))
        });
        assert!(got.is_err());
    }
}
