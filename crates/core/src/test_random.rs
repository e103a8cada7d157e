//! Deterministic pseudo-random numbers for the tests that check a fast path against the plain one on many generated
//! texts (xorshift64: no dependency, and the same texts on every run, so a failure can be replayed).

pub(crate) struct XorShift(u64);

impl XorShift {
    /// A generator from `seed` (not zero).
    pub(crate) fn new(seed: u64) -> Self {
        XorShift(seed)
    }

    /// The next number.
    pub(crate) fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// One of `items`.
    pub(crate) fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[(self.next() % items.len() as u64) as usize]
    }

    /// `count` texts, each of fewer than `longest` pieces of `alphabet`.
    pub(crate) fn texts(&mut self, alphabet: &[&str], count: usize, longest: u64) -> Vec<String> {
        (0..count).map(|_| (0..self.next() % longest).map(|_| self.pick(alphabet)).collect()).collect()
    }
}
