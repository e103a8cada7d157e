// Benchmark (not a test): loads 1,000, 5,000 and 10,000 distinct articles (made from ../shared/corpus,
// tests/e2e/corpus.js) into the built page in headless Chromium through the file picker, one fresh page
// each (then once more as their folder dropped, for its time and long tasks), and prints one table: the time until all are shown, the main thread's long tasks, wasm memory
// (page and worker), the JS heap, the DOM's size, then with every article loaded: searches typed, a province
// chosen and tabs switched (each from its last event to the frame that shows it, and the longest task
// meanwhile), and how each figure grows from one size to the next; the load average beside it. Then the first load's transfer size gzipped.
// Run by `make bench-page` (after `make dist`); `BENCH_SIZES=1000,5000` picks the sizes, `DIST` the build.
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { launchBrowser } from './browser.js';
import { CORPUS, distinctArticles } from './corpus.js';
import { allShown, openBenchPage } from './loaded.js';
import { HoiNghiPage } from './page.js';
import { startServer } from './server.js';

const BASE_PATH = process.env.BASE_PATH ?? '/hoinghi/';
const DIST = process.env.DIST ?? 'dist';
const SIZES = (process.env.BENCH_SIZES ?? '1000,5000,10000').split(',').map(Number);
const mb = (n) => (n / 1024 / 1024).toFixed(1);

const server = await startServer({ dist: DIST, basePath: BASE_PATH });
const browser = await launchBrowser();

/** CPU milliseconds of each thread of this harness's Chromium renderers, by thread id: { name, ms }. Read
 * from /proc, so that the page's own work and the workers' can be told apart on a machine shared with
 * other work (wall-clock times there say as much about the neighbours as about the page). */
function rendererThreads() {
  const parent = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch { /* gone */ }
  }
  const ours = (pid) => { for (let p = parent.get(pid); p > 1; p = parent.get(p)) if (p === process.pid) return true; return false; };
  const threads = new Map();
  for (const pid of parent.keys()) {
    if (!ours(pid)) continue;
    try {
      // The browser process and its helpers (GPU, network, storage): the files' bytes handed to the workers, the
      // snapshots of posted Files and IndexedDB's writes are done there, on CPU the page's threads do not show.
      const renderer = readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer');
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const ms = (Number(f[11]) + Number(f[12])) * 10;
        // The renderer's main thread is the process's own (its name is the program's).
        if (!renderer) threads.set(`${pid}/${tid}`, { name: 'browser', ms });
        else threads.set(`${pid}/${tid}`, { name: Number(tid) === pid ? 'main' : name, ms });
      }
    } catch { /* gone */ }
  }
  return threads;
}

/** CPU ms since `before` (a rendererThreads()) of the page's main thread, of its workers (each), of the browser
 * process and of the renderer's other threads (its thread pool compiles the wasm's hot functions with V8's
 * optimising compiler and marks garbage; its IO thread carries the messages). */
function cpuSince(before) {
  const used = { main: 0, workers: [], browser: 0, other: 0 };
  for (const [id, t] of rendererThreads()) {
    const ms = t.ms - (before.get(id)?.ms ?? 0);
    if (t.name === 'main') used.main += ms;
    else if (t.name === 'browser') used.browser += ms;
    else if (t.name.startsWith('DedicatedWorker')) used.workers.push(ms);
    else used.other += ms;
  }
  used.workers.sort((a, b) => b - a);
  return used;
}

/** Loads `n` articles into a fresh page and measures it. */
async function measure(n) {
  const paths = await distinctArticles(n, join('target', 'bench-page', String(n)));
  const workers = [];
  const loaded = [];
  const { context, page } = await openBenchPage(browser, server.url, async (page) => {
    page.on('console', (m) => { if (/hoinghi:/.test(m.text())) console.log(`  [${n}] page says: ${m.text()}`); });
    page.on('worker', (w) => workers.push(w));
    page.on('response', (r) => loaded.push(new URL(r.url()).pathname));
    await page.addInitScript(() => {
      // When the file input's change event starts and ends (the page's own handler lies in between): the
      // task that hands thousands of files to the input is mostly Chromium's, before the event. The first
      // change only: the filters' selects fire change events of their own later on.
      addEventListener('change', () => { window.__changeStart ??= performance.now(); }, true);
      addEventListener('change', () => { window.__changeEnd ??= performance.now(); });
      // Trunk's start event carries the page's wasm exports, and with them its memory.
      addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; });
    });
    // BENCH_NO_STORAGE=1: the page without IndexedDB (it says it cannot keep the articles and goes on), to see
    // what storing them costs.
    if (process.env.BENCH_NO_STORAGE === '1') {
      await page.addInitScript(() => Object.defineProperty(window, 'indexedDB', { get: () => undefined }));
    }
  });
  await page.waitForLoadState('networkidle');

  const before = await page.evaluate(() => performance.now());
  const threadsBefore = rendererThreads();
  const started = Date.now();
  await page.locator('[data-testid="file-input"]').setInputFiles(paths);
  // While the batch loads: a click on a tab must be answered at once.
  await page.locator('[data-testid="progress"]').waitFor({ timeout: 20_000 }).catch(() => {});
  const clickAt = Date.now();
  const loadingWhenClicked = await page.locator('[data-testid="progress"]').count();
  await page.locator('[data-testid="tab-officials"]').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="tab-officials"]')?.getAttribute('aria-selected') === 'true', null, { polling: 'raf' });
  const click = Date.now() - clickAt;
  await page.locator('[data-testid="tab-timeline"]').click();
  // Done when no batch is loading and the list counts every file (read, failed or refused as a duplicate).
  await allShown(page, n, 100).catch(async (e) => {
    console.error(`bench-page: ${n} timed out;`, await page.locator('[data-testid="articles-count"]').innerText());
    throw e;
  });
  const shown = Date.now() - started;
  const cpu = cpuSince(threadsBefore);
  // The load's tasks are those up to here: the tabs clicked next (to count each view's DOM) have their own rows
  // in the interactions (until 2026-12-02 their tasks were counted as the load's).
  const shownAt = await page.evaluate(() => performance.now());
  const counts = await page.locator('[data-testid="view-counts"]').innerText();

  // The DOM's size: the largest of the three views.
  let dom = 0;
  for (const tab of ['timeline', 'officials', 'documents']) {
    await page.locator(`[data-testid="tab-${tab}"]`).click();
    await page.waitForTimeout(300);
    dom = Math.max(dom, await page.evaluate(() => document.getElementsByTagName('*').length));
  }
  // Interactions once all is shown: searches typed, a province chosen, tabs switched (interactions()).
  // BENCH_LOAD_ONLY=1: the load alone (for runs back to back), without the interactions.
  const acts = process.env.BENCH_LOAD_ONLY === '1' ? {} : await interactions(page);

  const tasks = await page.evaluate(([t0, t1]) => window.__longTasks.filter((t) => t.start >= t0 && t.start <= t1), [before, shownAt]);
  const change = await page.evaluate(() => [window.__changeStart, window.__changeEnd]);
  const pageWasm = await page.evaluate(() => window.__wasm?.memory?.buffer.byteLength ?? 0);
  // Every worker's (extraction and merge), as the worker exposes it (`self.wasmMemory`).
  const eachWorker = [];
  for (const w of workers) eachWorker.push(await w.evaluate(() => self.wasmMemory?.buffer.byteLength ?? 0).catch(() => 0));
  const workerWasm = eachWorker.reduce((a, b) => a + b, 0);
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const row = {
    n,
    shown,
    longest: tasks.reduce((m, t) => Math.max(m, t.duration), 0),
    over100: tasks.filter((t) => t.duration > 100).length,
    pageWasm,
    workerWasm,
    eachWorker,
    heap: usedSize,
    dom,
    acts,
    cpu,
    click,
    clickedWhileLoading: loadingWhenClicked > 0,
    change,
    after: tasks.filter((t) => t.start > change[0]),
    counts,
    tasks,
    before,
    loaded,
  };
  await context.close();
  return row;
}

/** Loads the same `n` articles into a fresh page as a user drops their folder (Chromium's own drop of a
 * directory, through the DevTools protocol: the page walks it with `webkitGetAsEntry`, a file at a time, so
 * no task builds thousands of `File`s as the picker's does). Returns the time to all shown and the long tasks
 * from the drop on. */
async function measureDrop(n) {
  const dir = join('target', 'bench-page', String(n));
  const { context, page } = await openBenchPage(browser, server.url);
  await page.waitForLoadState('networkidle');
  const before = await page.evaluate(() => performance.now());
  const threadsBefore = rendererThreads();
  const started = Date.now();
  await new HoiNghiPage(page).dropFolder(dir);
  await allShown(page, n, 100);
  const shown = Date.now() - started;
  const cpu = cpuSince(threadsBefore);
  const tasks = await page.evaluate((t0) => window.__longTasks.filter((t) => t.start >= t0), before);
  await context.close();
  return { shown, cpu, longest: tasks.reduce((m, t) => Math.max(m, t.duration), 0), over100: tasks.filter((t) => t.duration > 100).length };
}

/** The queries typed in the search box: without and with diacritics, an abbreviation, a name. */
const QUERIES = ['bi thu', 'bí thư', 'UBND tỉnh', 'nguyen van'];

/** Watches the page for what an interaction changes: the last input, change or click event (capture phase,
 * before the page's own handlers) and the frame after the last DOM change that followed it, or after the task
 * that handled the event when nothing changed. */
async function watch(page) {
  await page.evaluate(() => {
    if (window.__watching) return;
    window.__watching = true;
    window.__event = 0;
    window.__firstEvent = 0;
    window.__shown = 0;
    for (const type of ['input', 'change', 'click']) {
      addEventListener(type, () => {
        window.__event = performance.now();
        if (!window.__firstEvent) window.__firstEvent = window.__event;
        // The frame after the task that handles the event (a keystroke that changes nothing on the page
        // still costs the work of finding that out).
        setTimeout(() => requestAnimationFrame(() => { window.__shown = Math.max(window.__shown, performance.now()); }), 0);
      }, true);
    }
    new MutationObserver(() => requestAnimationFrame(() => { window.__shown = Math.max(window.__shown, performance.now()); }))
      .observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

/** Runs `act` (which types, chooses or clicks), waits until the page has changed nothing for a second, and
 * returns { ms: from the last event to the frame that showed the last change, longest: the longest main-thread
 * task from the first event of the act to that frame }. */
async function timed(page, act) {
  await page.evaluate(() => { window.__event = 0; window.__firstEvent = 0; window.__shown = 0; window.__act = performance.now(); });
  await act();
  // (An act may fire no event: filling an empty box with nothing.)
  await page.waitForFunction(() => performance.now() - Math.max(window.__act, window.__event, window.__shown) > 1000,
    null, { polling: 100, timeout: 120_000 })
    .catch(async (e) => {
      console.error('bench-page: the page did not settle', await page.evaluate(() => [window.__event, window.__shown, performance.now()]));
      throw e;
    });
  return page.evaluate(() => {
    const [first, last, shown] = [window.__firstEvent, window.__event, Math.max(window.__shown, window.__event)];
    const longest = window.__longTasks.filter((t) => t.start + t.duration > first && t.start < shown)
      .reduce((m, t) => Math.max(m, t.duration), 0);
    return { ms: shown - last, longest };
  });
}

/** Searches typed as a person types them (a key every 120 ms; the time runs from the last key), a province
 * chosen (the one with the most articles) and cleared, the tabs switched; on the timeline with every article
 * loaded. */
async function interactions(page) {
  await watch(page);
  await timed(page, () => page.locator('[data-testid="tab-timeline"]').click());
  const box = page.locator('[data-testid="filter-text"]');
  const acts = {};
  for (const q of QUERIES) {
    await timed(page, () => box.fill(''));
    acts[`search “${q}”`] = await timed(page, () => box.pressSequentially(q, { delay: 120 }));
  }
  await timed(page, () => box.fill(''));
  const select = page.locator('[data-testid="filter-province"]');
  const biggest = await select.locator('option[data-count]').evaluateAll((os) => os
    .filter((o) => o.value.startsWith('w:')).sort((a, b) => b.dataset.count - a.dataset.count)[0]?.value);
  acts['province chosen'] = await timed(page, () => select.selectOption(biggest));
  acts['province cleared'] = await timed(page, () => select.selectOption(''));
  for (const [from, to] of [['timeline', 'officials'], ['officials', 'documents'], ['documents', 'timeline']]) {
    acts[`tab ${from} → ${to}`] = await timed(page, () => page.locator(`[data-testid="tab-${to}"]`).click());
  }
  return acts;
}

const rows = [];
for (const n of SIZES) {
  const r = await measure(n);
  r.drop = await measureDrop(n);
  rows.push(r);
  const [c0, c1] = r.change;
  const first = r.tasks[0];
  console.log(`  [${n}] the files' change event: ${(c0 - r.before).toFixed(0)} ms after they were handed over, `
    + `the page's handlers ${(c1 - c0).toFixed(0)} ms; the first long task ${first ? `${first.duration.toFixed(0)}@${(first.start - r.before).toFixed(0)}` : 'none'}`);
  console.log(`  [${n}] CPU to all shown: page ${r.cpu.main} ms, workers ${r.cpu.workers.join(' + ')} ms, the browser process and its helpers ${r.cpu.browser} ms, the renderer's other threads ${r.cpu.other} ms; `
    + `wasm memory: page ${mb(r.pageWasm)} MB, workers ${r.eachWorker.map(mb).join(' + ')} MB`);
  console.log(`  [${n}] folder dropped: shown in ${r.drop.shown} ms; CPU page ${r.drop.cpu.main} ms, workers ${r.drop.cpu.workers.join(' + ')} ms, `
    + `the browser process ${r.drop.cpu.browser} ms, the renderer's other threads ${r.drop.cpu.other} ms`);
  console.log(`  [${n}] shown in ${r.shown} ms; ${r.counts}; long tasks (ms@ms): `
    + r.tasks.filter((t) => t.duration > 100).map((t) => `${t.duration.toFixed(0)}@${(t.start - r.before).toFixed(0)}`).join(' '));
}

const figures = [
  ['time to all shown (ms)', (r) => r.shown, (v) => v.toFixed(0), '≤ 10000 at 5k'],
  ['longest main-thread task (ms)', (r) => r.longest, (v) => v.toFixed(0), '≤ 100'],
  ['main-thread tasks > 100 ms', (r) => r.over100, (v) => v.toFixed(0), '0'],
  // CPU time (from /proc), which the machine's other work does not inflate as it does the times above.
  // The same files dropped as their folder: no task of Chromium's builds them all at once.
  ['folder dropped: all shown (ms)', (r) => r.drop.shown, (v) => v.toFixed(0), '≤ 10000 at 5k'],
  ['  longest main-thread task (ms)', (r) => r.drop.longest, (v) => v.toFixed(0), '≤ 100'],
  ['  tasks > 100 ms', (r) => r.drop.over100, (v) => v.toFixed(0), '0'],
  ['page main thread CPU (ms)', (r) => r.cpu.main, (v) => v.toFixed(0), ''],
  ['workers\' CPU, all (ms)', (r) => r.cpu.workers.reduce((a, b) => a + b, 0), (v) => v.toFixed(0), ''],
  ['browser process CPU (ms)', (r) => r.cpu.browser, (v) => v.toFixed(0), ''],
  ['renderer\'s other threads CPU (ms)', (r) => r.cpu.other, (v) => v.toFixed(0), ''],
  // The task that hands the files to the input is mostly Chromium's (building thousands of File objects
  // for the harness's setInputFiles) and ends with the change event: the page's own tasks come after it.
  ['  longest after the file input (ms)', (r) => r.after.reduce((m, t) => Math.max(m, t.duration), 0), (v) => v.toFixed(0), '≤ 100'],
  ['  tasks > 100 ms after it', (r) => r.after.filter((t) => t.duration > 100).length, (v) => v.toFixed(0), '0'],
  ['page wasm memory (MB)', (r) => r.pageWasm, mb, ''],
  ['workers\' wasm memory (MB)', (r) => r.workerWasm, mb, ''],
  ['  page + worker (MB)', (r) => r.pageWasm + r.workerWasm, mb, '≤ 150'],
  ['JS heap after GC (MB)', (r) => r.heap, mb, ''],
  ['DOM nodes (largest view)', (r) => r.dom, (v) => v.toFixed(0), 'small'],
  ['tab click during load (ms)', (r) => r.click, (v) => v.toFixed(0), ''],
];
// Each interaction: from its last event to the frame that showed it, and the longest task meanwhile.
for (const name of Object.keys(rows[0]?.acts ?? {})) {
  const target = name.startsWith('tab') ? '' : '≤ 100';
  figures.push([`${name} (ms)`, (r) => r.acts[name].ms, (v) => v.toFixed(0), target]);
  figures.push(['  longest task meanwhile (ms)', (r) => r.acts[name].longest, (v) => v.toFixed(0), '≤ 100']);
}
const growth = (a, b) => (a > 0 ? `×${(b / a).toFixed(2)}` : '-');
const head = ['figure'.padEnd(32), ...rows.map((r) => String(r.n).padStart(9)),
  ...rows.slice(1).map((r, i) => `${rows[i].n / 1000}k→${r.n / 1000}k`.padStart(10)), '  target'];
console.log(`\nbench-page: distinct articles from ${CORPUS}, build ${DIST}/; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(head.join(' '));
for (const [label, get, show, target] of figures) {
  const values = rows.map(get);
  console.log([label.padEnd(32), ...values.map((v) => show(v).padStart(9)),
    ...values.slice(1).map((v, i) => growth(values[i], v).padStart(10)), `  ${target}`].join(' '));
}
for (const r of rows) {
  console.log(`  ${String(r.n).padStart(6)}: ${r.counts}${r.clickedWhileLoading ? '' : ' (the tab click came after the load)'}`);
}

// First load, gzipped: every file the page fetched, compressed as a static host would (-9).
let transfer = 0;
const files = [];
for (const p of new Set(rows[0].loaded)) {
  const rel = p.slice(BASE_PATH.length) || 'index.html';
  if (rel.startsWith('hoinghi-worker')) continue;
  const bytes = await readFile(join(DIST, rel)).catch(() => null);
  if (!bytes) continue;
  const gz = gzipSync(bytes, { level: 9 }).length;
  transfer += gz;
  files.push(`  ${rel.padEnd(48)} ${String(gz).padStart(8)} B gzipped`);
}
console.log(`first load gzipped: ${(transfer / 1024).toFixed(1)} KB (target ≤ 450 KB, issue 13; scripts/size.sh counts the wasm, JS and snippets alone)`);
const worker = await Promise.all(['hoinghi-worker_loader.js', 'hoinghi-worker.js', 'hoinghi-worker_bg.wasm']
  .map(async (f) => gzipSync(await readFile(join(DIST, f)), { level: 9 }).length));
console.log(`extraction worker: ${(worker.reduce((a, b) => a + b, 0) / 1024).toFixed(1)} KB gzipped, fetched when the inputs are first used`);
console.log(files.join('\n'));
await browser.close();
await server.close();
