// What the benches open and wait for: a fresh page recording its long tasks; every file handed to the page
// counted in its list (read, failed, or refused as a duplicate) and no batch loading.

/** A fresh page (1280×900) whose main-thread long tasks are recorded in `window.__longTasks`, opened at `url`
 * after `prepare(page)` (more init scripts, listeners) and ready for input. Returns { context, page }. */
export async function openBenchPage(browser, url, prepare = async () => {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await prepare(page);
  await page.goto(url);
  await page.locator('[data-testid="paste-box"]').waitFor();
  return { context, page };
}

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
