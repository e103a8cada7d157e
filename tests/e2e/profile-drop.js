// Measure (not a test): what a drop of N files costs against the bench's file picker. Headless Chromium has no
// drag from the desktop, so the drop is made in the page: the files are first handed to a plain input of the
// page that nothing listens to (Chromium's own work of making N disk-backed `File`s, timed alone), then put
// in a `DataTransfer` and dropped on the drop zone; from the drop to all shown is the page's own path. Prints
// the wall time and the page's main-thread CPU (from /proc) of each part. `DROP_N` (default 1000), `DIST`.
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';

import { launchBrowser } from './browser.js';
import { distinctArticles } from './corpus.js';
import { allShown } from './loaded.js';
import { startServer } from './server.js';

const BASE_PATH = process.env.BASE_PATH ?? '/hoinghi/';
const DIST = process.env.DIST ?? 'dist';
const N = Number(process.env.DROP_N ?? 1000);

/** CPU ms of this harness's renderers' main threads (a renderer's main thread is the process's own). */
function rendererMainCpu() {
  let ms = 0;
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (!readFileSync(`/proc/${d}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      const stat = readFileSync(`/proc/${d}/task/${d}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ms += (Number(f[11]) + Number(f[12])) * 10;
    } catch { /* gone */ }
  }
  return ms;
}

const server = await startServer({ dist: DIST, basePath: BASE_PATH });
const browser = await launchBrowser();
const paths = await distinctArticles(N, join('target', 'bench-page', String(N)));
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
await page.goto(server.url);
await page.locator('[data-testid="paste-box"]').waitFor();
await page.waitForLoadState('networkidle');
await page.locator('[data-testid="paste-box"]').focus();
await page.waitForTimeout(1500);
await page.evaluate(() => {
  const input = document.createElement('input');
  input.type = 'file';
  input.multiple = true;
  input.id = 'drop-source';
  input.hidden = true;
  document.body.append(input);
});

let cpu = rendererMainCpu();
let t = Date.now();
await page.locator('#drop-source').setInputFiles(paths);
const made = { ms: Date.now() - t, cpu: rendererMainCpu() - cpu };

cpu = rendererMainCpu();
t = Date.now();
await page.evaluate(() => {
  const dt = new DataTransfer();
  for (const f of document.getElementById('drop-source').files) dt.items.add(f);
  const zone = document.querySelector('[data-testid="drop-zone"]');
  zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
});
await allShown(page, N, 100);
const shown = { ms: Date.now() - t, cpu: rendererMainCpu() - cpu };

console.log(`drop of ${N} files, build ${DIST}/, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(`  Chromium making the Files (a plain input, no listener): ${made.ms} ms, page main-thread CPU ${made.cpu} ms`);
console.log(`  dropped on the drop zone to all shown: ${shown.ms} ms, page main-thread CPU ${shown.cpu} ms`);
await context.close();
await browser.close();
await server.close();
