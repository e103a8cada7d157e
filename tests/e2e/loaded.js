// What the benches wait for: every file handed to the page counted in its list (read, failed, or refused as a
// duplicate) and no batch loading.

/** Waits until the page's list counts `n` files and no batch is loading (up to ten minutes). */
export function allShown(page, n, polling = 100) {
  return page.waitForFunction(
    (n) => {
      if (document.querySelector('[data-testid="progress"]')) return false;
      const text = document.querySelector('[data-testid="articles-count"]')?.textContent ?? '';
      const m = /\((\d+)(?:; (\d+) lỗi)?(?:; (\d+) trùng)?\)/.exec(text);
      return m && Number(m[1]) + Number(m[2] ?? 0) + Number(m[3] ?? 0) === n;
    },
    n, { timeout: 600_000, polling },
  );
}
