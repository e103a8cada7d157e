// Benchmark (not a test): loads every .txt of ../shared/corpus/ into the built page in headless
// Chromium through the file picker, and prints the time until all are extracted and shown, the
// longest main-thread long task, the JS heap after, and the first load's transfer size gzipped.
// Run by `make bench-page` (after `make dist`).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { launchBrowser } from './browser.js';
import { startServer } from './server.js';

const BASE_PATH = process.env.BASE_PATH ?? '/hoinghi/';
const CORPUS = join(process.env.SHARED ?? '../shared', 'corpus');

async function files(dir) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...await files(p));
    else if (e.name.endsWith('.txt')) out.push(p);
  }
  return out.sort();
}

const paths = await files(CORPUS);
const server = await startServer({ dist: 'dist', basePath: BASE_PATH });
const browser = await launchBrowser();
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
page.on('console', (m) => console.log('  page says: ' + m.text()));
await page.addInitScript(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
});
const loaded = [];
page.on('response', (r) => loaded.push(new URL(r.url()).pathname));
await page.goto(server.url);
await page.locator('[data-testid="paste-box"]').waitFor();
await page.waitForLoadState('networkidle');

// First load, gzipped: every file the page fetched, compressed as a static host would (-9).
let transfer = 0;
const rows = [];
for (const p of new Set(loaded)) {
  let rel = p.slice(BASE_PATH.length) || 'index.html';
  const bytes = await readFile(join('dist', rel)).catch(() => null);
  if (!bytes) continue;
  const gz = gzipSync(bytes, { level: 9 }).length;
  transfer += gz;
  rows.push(`  ${rel.padEnd(48)} ${String(gz).padStart(8)} B gzipped`);
}

const before = await page.evaluate(() => performance.now());
const started = Date.now();
await page.locator('[data-testid="file-input"]').setInputFiles(paths);
// While the batch loads: a click on a tab must be answered at once.
await page.locator('[data-testid="progress"]').waitFor({ timeout: 10_000 }).catch(() => {});
const clickAt = Date.now();
const loadingWhenClicked = await page.locator('[data-testid="progress"]').count();
await page.locator('[data-testid="tab-officials"]').click();
await page.waitForFunction(() => document.querySelector('[data-testid="tab-officials"]')?.getAttribute('aria-selected') === 'true', null, { polling: 'raf' });
const clickMs = Date.now() - clickAt;
// Done when no batch is loading and the list counts every file (read or failed).
await page.waitForFunction(
  (n) => {
    if (document.querySelector('[data-testid="progress"]')) return false;
    const m = /\((\d+)(?:; (\d+) lỗi)?\)/.exec(document.querySelector('[data-testid="articles-count"]')?.textContent ?? '');
    return m && Number(m[1]) + Number(m[2] ?? 0) === n;
  },
  paths.length, { timeout: 120_000, polling: 50 },
).catch(async (e) => {
  console.error('bench-page: timed out;', await page.locator('[data-testid="articles-count"]').innerText(), await page.locator('[data-testid="progress"]').count());
  throw e;
});
const elapsed = Date.now() - started;
// A click while nothing loads must be answered: the page is responsive after the batch.
const counts = await page.locator('[data-testid="view-counts"]').innerText()
  + ' · ' + await page.locator('[data-testid="articles-count"]').innerText();
const tasks = await page.evaluate((t0) => window.__longTasks.filter((t) => t.start >= t0), before);
const longest = tasks.reduce((m, t) => Math.max(m, t.duration), 0);
const cdp = await context.newCDPSession(page);
await cdp.send('HeapProfiler.collectGarbage');
const { usedSize } = await cdp.send('Runtime.getHeapUsage');
const mb = (n) => (n / 1024 / 1024).toFixed(1);

console.log(`bench-page: ${paths.length} files of ${CORPUS}`);
console.log(`  shown all:            ${elapsed} ms (target ≤ 3000 ms)`);
console.log(`  long tasks:           ${tasks.length}, longest ${longest.toFixed(0)} ms (target ≤ 200 ms)`);
console.log(`  click during load:    answered in ${clickMs} ms${loadingWhenClicked ? '' : ' (the batch had already finished)'}`);
console.log(`  JS heap after (GC):   ${mb(usedSize)} MB`);
console.log(`  merged view:          ${counts}`);
console.log(`  first load gzipped:   ${(transfer / 1024).toFixed(1)} KB (target ≤ 600 KB)`);
const worker = await Promise.all(['hoinghi-worker_loader.js', 'hoinghi-worker.js', 'hoinghi-worker_bg.wasm']
  .map(async (f) => gzipSync(await readFile(join('dist', f)), { level: 9 }).length));
console.log(`  extraction worker:    ${(worker.reduce((a, b) => a + b, 0) / 1024).toFixed(1)} KB gzipped, fetched when the inputs are first used`);
console.log(rows.join('\n'));
console.log('  long tasks (ms): ' + tasks.map((t) => `${t.duration.toFixed(0)}@${(t.start - before).toFixed(0)}`).join(' '));
await browser.close();
await server.close();
