//! Stable sorts that share one copy of the sort's code, for the page's first load.
//!
//! Every `slice::sort_by` with its own element type or closure compiles the standard library's whole stable
//! sort once more: about 4 KB of wasm each, and the page sorted in over a dozen places (facets, tables,
//! charts, the graph, search). These functions sort the *indices* of the items with the comparison behind a
//! `dyn`, so the standard sort is compiled once, then move the items into that order. Same results as
//! `sort_by` and `sort_by_cached_key`: stable, each key computed once.

use std::cmp::Ordering;

/// Sorts `items` stably by `compare`, as `slice::sort_by` does.
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let order = stable_order(items.len(), &|a, b| compare(&items[a], &items[b]));
    permute(items, order);
}

/// Sorts `items` stably by a key computed once for each, as `slice::sort_by_cached_key` does.
pub fn sort_by_cached_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    let keys: Vec<K> = items.iter().map(key).collect();
    let order = stable_order(keys.len(), &|a, b| keys[a].cmp(&keys[b]));
    permute(items, order);
}

/// The indices `0..len` in stable order by `compare`: the one instantiation of the standard sort.
fn stable_order(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Moves the item at `order[i]` to place `i`, for every `i` (`order` is a permutation), one cycle at a time.
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..order.len() {
        let mut hole = start;
        // A place is done when it holds its own index.
        while order[hole] != hole {
            let from = order[hole];
            order[hole] = hole;
            if from == start {
                break;
            }
            items.swap(hole, from);
            hole = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lists from a fixed pseudo-random sequence: (key, position it came in), keys with many ties.
    fn lists() -> Vec<Vec<(u8, usize)>> {
        let mut state: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut out = vec![vec![], vec![(1, 0)], vec![(2, 0), (1, 1)], vec![(1, 0), (1, 1), (1, 2)]];
        for len in [3, 10, 33, 100, 1000] {
            for _ in 0..20 {
                out.push((0..len).map(|i| ((next() % 7) as u8, i)).collect());
            }
        }
        out
    }

    #[test]
    fn sorts_as_the_standard_library_does() {
        for list in lists() {
            let by_key = |a: &(u8, usize), b: &(u8, usize)| b.0.cmp(&a.0);
            let (mut ours, mut std) = (list.clone(), list.clone());
            sort_by(&mut ours, by_key);
            std.sort_by(by_key);
            assert_eq!(ours, std, "sort_by {list:?}");

            let (mut ours, mut std) = (list.clone(), list.clone());
            sort_by_cached_key(&mut ours, |e| e.0 % 3);
            std.sort_by_cached_key(|e| e.0 % 3);
            assert_eq!(ours, std, "sort_by_cached_key {list:?}");
        }
    }
}
