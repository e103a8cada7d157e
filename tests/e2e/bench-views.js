// Benchmark (not a test) of the pictures, run by `make bench-page` after bench.js: in headless Chromium, with
// (a) every article of ../shared/corpus loaded and (b) 2,000 generated articles of one meeting each (2,000
// dated meetings over 22 years, 300 officials in 25 provinces), it prints
// - the visual timeline's frame times while the user drags it to pan and wheels to zoom (every frame's
//   interval from requestAnimationFrame, and the main thread's long tasks meanwhile; the bar is no
//   frame over 50 ms at 2,000 meetings),
// - who-meets-whom: the layout's time as the page measures it (data-layout-ms, the sum of its slices: it runs
//   a few rounds per frame) and the click on its tab until the picture is drawn and finished,
// - the map: the click on its tab until the picture is drawn, the first time (it fetches the province grid).
// `DIST` picks the build; `BENCH_VIEWS=corpus,generated` the sets.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { launchBrowser } from './browser.js';
import { CORPUS, corpusFiles } from './corpus.js';
import { allShown, openBenchPage } from './loaded.js';
import { startServer } from './server.js';

const BASE_PATH = process.env.BASE_PATH ?? '/hoinghi/';
const DIST = process.env.DIST ?? 'dist';
const SETS = (process.env.BENCH_VIEWS ?? 'corpus,generated').split(',');

const PROVINCES = ['Bình Định', 'Hải Phòng', 'Nghệ An', 'Cần Thơ', 'Đà Nẵng', 'Lào Cai', 'Thanh Hóa', 'Quảng Ninh',
  'Gia Lai', 'Đắk Lắk', 'Long An', 'Bến Tre', 'Thái Bình', 'Nam Định', 'Hà Tĩnh', 'Quảng Bình', 'Phú Yên',
  'Khánh Hòa', 'Lâm Đồng', 'Tây Ninh', 'An Giang', 'Kiên Giang', 'Sơn La', 'Yên Bái', 'Bắc Ninh'];
const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Võ'];
const MIDDLES = ['Văn', 'Thị', 'Minh', 'Quốc'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Hải', 'Hùng', 'Khoa', 'Lan', 'Long', 'Nam', 'Phúc', 'Quang', 'Sơn',
  'Tâm', 'Thắng'];
const POSTS = ['Bí thư Tỉnh ủy', 'Phó Bí thư Thường trực Tỉnh ủy', 'Chủ tịch UBND tỉnh', 'Phó Chủ tịch UBND tỉnh',
  'Trưởng Ban Tổ chức Tỉnh ủy', 'Trưởng Ban Dân vận Tỉnh ủy', 'Chủ tịch Ủy ban MTTQ Việt Nam tỉnh',
  'Trưởng Ban Tuyên giáo Tỉnh ủy', 'Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy', 'Giám đốc Sở Nội vụ', 'Giám đốc Sở Tài chính',
  'Phó Chủ tịch HĐND tỉnh'];

/** The `k`th of a province's twelve leaders: a name of its own (300 in all) and a post. */
function leader(p, k) {
  const n = p * POSTS.length + k;
  const name = `${SURNAMES[n % SURNAMES.length]} ${MIDDLES[Math.floor(n / SURNAMES.length) % MIDDLES.length]} `
    + `${GIVEN[Math.floor(n / (SURNAMES.length * MIDDLES.length)) % GIVEN.length]}`;
  return [name, POSTS[k]];
}

/** Writes `n` articles, each one provincial conference on its own day from 2004 (four days apart), chaired by
 * one of the province's leaders with two others attending; returns their paths. */
async function generated(n, dir) {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const paths = [];
  for (let i = 0; i < n; i++) {
    const day = new Date(Date.UTC(2004, 0, 1) + i * 4 * 86_400_000);
    const [d, m, y] = [day.getUTCDate(), day.getUTCMonth() + 1, day.getUTCFullYear()];
    const p = (i * 7) % PROVINCES.length;
    const [chair, a, b] = [i % 12, (i + 5) % 12, (i * 5 + 1) % 12].map((k) => leader(p, k));
    const province = PROVINCES[p];
    const text = `Tỉnh ủy ${province} tổ chức hội nghị lần thứ ${1 + (i % 40)}\n\n`
      + `Ngày ${d}/${m}/${y}, Ban Chấp hành Đảng bộ tỉnh ${province} tổ chức Hội nghị lần thứ ${1 + (i % 40)} để đánh giá `
      + `tình hình thực hiện nhiệm vụ. Đồng chí ${chair[0]}, ${chair[1]} chủ trì hội nghị. Dự hội nghị có đồng chí `
      + `${a[0]}, ${a[1]}; đồng chí ${b[0]}, ${b[1]}.\n`;
    const path = join(dir, `hoi-nghi-${String(i).padStart(5, '0')}.txt`);
    await writeFile(path, text);
    paths.push(path);
  }
  return paths;
}

const server = await startServer({ dist: DIST, basePath: BASE_PATH });
const browser = await launchBrowser();

/** Percentile `q` (0–1) of `xs`. */
const pct = (xs, q) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] : 0);

/** Loads `paths` into a fresh page and measures the three pictures. */
async function measure(label, paths) {
  const { context, page } = await openBenchPage(browser, server.url);
  await page.locator('[data-testid="file-input"]').setInputFiles(paths);
  await allShown(page, paths.length, 200);
  // Let the last merged view settle and be drawn.
  await page.waitForTimeout(1000);

  // The timeline: everything in view, then drag to pan and wheel to zoom, recording every frame meanwhile.
  const canvas = page.locator('[data-testid="timeline-canvas"]');
  await canvas.scrollIntoViewIfNeeded();
  const marks = Number(await canvas.getAttribute('data-marks'));
  const box = await canvas.boundingBox();
  await page.evaluate(() => {
    window.__frames = [];
    window.__tasksFrom = performance.now();
    let last = performance.now();
    const tick = (t) => {
      window.__frames.push(t - last);
      last = t;
      if (window.__recording) requestAnimationFrame(tick);
    };
    window.__recording = true;
    requestAnimationFrame(tick);
  });
  const y = box.y + box.height * 0.6;
  const left = box.x + box.width * 0.25;
  const right = box.x + box.width * 0.75;
  // Zoom in to about a year first (a pan over the whole range does not move), then pan both ways.
  await page.mouse.move(box.x + box.width / 2, y);
  for (let i = 0; i < 12; i++) {
    await page.mouse.wheel(0, -100);
    await page.waitForTimeout(16);
  }
  for (let round = 0; round < 3; round++) {
    await page.mouse.move(left, y);
    await page.mouse.down();
    await page.mouse.move(right, y, { steps: 40 });
    await page.mouse.up();
    await page.mouse.move(right, y);
    await page.mouse.down();
    await page.mouse.move(left, y, { steps: 40 });
    await page.mouse.up();
  }
  for (let i = 0; i < 12; i++) {
    await page.mouse.wheel(0, 100);
    await page.waitForTimeout(16);
  }
  const timeline = await page.evaluate(() => {
    window.__recording = false;
    // The first interval counts from before the interaction.
    const frames = window.__frames.slice(1);
    const tasks = window.__longTasks.filter((t) => t.start >= window.__tasksFrom).map((t) => t.duration);
    return { frames, tasks };
  });

  // Who meets whom: the tab's click until its picture is drawn; the layout as the page timed it.
  const graph = await page.evaluate(() => new Promise((done) => {
    const t0 = performance.now();
    document.querySelector('[data-testid="tab-graph"]').click();
    const poll = () => {
      const view = document.querySelector('[data-testid="graph-view"]');
      const c = document.querySelector('[data-testid="graph-canvas"]');
      if (view && c && c.width > 0 && view.dataset.laidOut === 'true') {
        requestAnimationFrame(() => done({ open: performance.now() - t0, layout: Number(view.dataset.layoutMs),
          items: Number(c.dataset.items),
          tasks: window.__longTasks.filter((t) => t.start >= t0).map((t) => t.duration) }));
      } else requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  }));
  // The map, first opened: fetches the province grid, then draws.
  const map = await page.evaluate(() => new Promise((done) => {
    const t0 = performance.now();
    document.querySelector('[data-testid="tab-map"]').click();
    const poll = () => {
      const c = document.querySelector('[data-testid="map-canvas"]');
      if (c && Number(c.dataset.items) > 0) requestAnimationFrame(() => done({ open: performance.now() - t0 }));
      else requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  }));
  await context.close();
  return { label, articles: paths.length, marks, ...timeline, graph, map };
}

const rows = [];
for (const set of SETS) {
  if (set === 'corpus') rows.push(await measure(`corpus (${CORPUS})`, await corpusFiles()));
  else if (set === 'generated') rows.push(await measure('generated', await generated(2000, join('target', 'bench-views'))));
  else throw new Error(`bench-views: unknown set ${set} (corpus, generated)`);
}

console.log(`\nbench-page, the pictures (build ${DIST}/)`);
const figures = [
  ['articles', (r) => r.articles, ''],
  ['dated meetings on the timeline', (r) => r.marks, '2,000'],
  ['timeline frames while panning/zooming', (r) => r.frames.length, ''],
  ['  median frame interval (ms)', (r) => pct(r.frames, 0.5).toFixed(1), ''],
  ['  95th percentile (ms)', (r) => pct(r.frames, 0.95).toFixed(1), ''],
  ['  longest frame interval (ms)', (r) => Math.max(0, ...r.frames).toFixed(1), '≤ 50'],
  ['  frames over 50 ms', (r) => r.frames.filter((f) => f > 50).length, '0'],
  ['  long tasks meanwhile (longest ms)', (r) => `${r.tasks.length} (${Math.max(0, ...r.tasks).toFixed(0)})`, ''],
  ['who meets whom: people drawn', (r) => r.graph.items, '≤ 300'],
  ['  layout (ms, data-layout-ms)', (r) => r.graph.layout.toFixed(1), ''],
  ['  tab click to picture settled (ms)', (r) => r.graph.open.toFixed(0), ''],
  ['  long tasks meanwhile (longest ms)', (r) => `${r.graph.tasks.length} (${Math.max(0, ...r.graph.tasks).toFixed(0)})`, '0'],
  ['map: first open to picture (ms)', (r) => r.map.open.toFixed(0), ''],
];
console.log(['figure'.padEnd(40), ...rows.map((r) => r.label.split(' ')[0].padStart(12)), '  target'].join(' '));
for (const [name, get, target] of figures) {
  console.log([name.padEnd(40), ...rows.map((r) => String(get(r)).padStart(12)), `  ${target}`].join(' '));
}
await browser.close();
await server.close();
