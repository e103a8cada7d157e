// Profile (not a test): loads N distinct articles (tests/e2e/corpus.js) into the built page through the file
// picker, as tests/e2e/bench.js does, with Chromium's tracing on (devtools.timeline + the V8 sampling
// profiler, every thread: the page's main thread and each worker), then prints, for each thread, its CPU by
// function, self and inclusive, and the page's tasks over 50 ms. Build with the wasm's function names to read
// the wasm frames (bench/README.md, "Where a load's time goes"); `PROFILE_N` (default 1000), `DIST`.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { launchBrowser } from './browser.js';
import { distinctArticles } from './corpus.js';
import { allShown } from './loaded.js';
import { startServer } from './server.js';

const BASE_PATH = process.env.BASE_PATH ?? '/hoinghi/';
const DIST = process.env.DIST ?? 'dist';
const N = Number(process.env.PROFILE_N ?? 1000);
const TOP = Number(process.env.PROFILE_TOP ?? 30);

const server = await startServer({ dist: DIST, basePath: BASE_PATH });
const browser = await launchBrowser();
const paths = await distinctArticles(N, join('target', 'bench-page', String(N)));
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
page.on('console', (m) => { if (/hoinghi:/.test(m.text())) console.log(`page says: ${m.text()}`); });
await page.goto(server.url);
await page.locator('[data-testid="paste-box"]').waitFor();
await page.waitForLoadState('networkidle');
// The workers start when the inputs are reached for: started before the trace, as a user's pointer would.
await page.locator('[data-testid="paste-box"]').focus();
await page.waitForTimeout(1500);

await browser.startTracing(page, {
  categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-v8.cpu_profiler', 'toplevel', 'v8'],
});
const started = Date.now();
await page.locator('[data-testid="file-input"]').setInputFiles(paths);
await allShown(page, N, 100);
const shown = Date.now() - started;
const trace = JSON.parse((await browser.stopTracing()).toString());
if (process.env.PROFILE_SAVE) writeFileSync(process.env.PROFILE_SAVE, JSON.stringify(trace));
await context.close();
await browser.close();
await server.close();

const events = trace.traceEvents ?? trace;
const threadName = new Map();
for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadName.set(`${e.pid}/${e.tid}`, e.args.name);

// The sampled profiles: one per thread (a `Profile` event, then its `ProfileChunk`s).
const profiles = new Map();
for (const e of events) {
  if (e.name !== 'Profile' && e.name !== 'ProfileChunk') continue;
  const key = `${e.pid}/${e.id}`;
  let p = profiles.get(key);
  if (!p) profiles.set(key, p = { thread: `${e.pid}/${e.tid}`, nodes: new Map(), samples: [], deltas: [] });
  if (e.name === 'Profile') p.thread = `${e.pid}/${e.tid}`;
  const data = e.args?.data;
  for (const n of data?.cpuProfile?.nodes ?? []) p.nodes.set(n.id, n);
  p.samples.push(...(data?.cpuProfile?.samples ?? []));
  p.deltas.push(...(data?.timeDeltas ?? []));
}

const label = (n) => {
  const f = n.callFrame;
  const url = f.url ? f.url.replace(/^.*\//, '') : '';
  return `${f.functionName || '(anonymous)'}${url && !url.endsWith('.wasm') ? ` ${url}:${f.lineNumber}` : ''}`;
};
const idle = new Set(['(idle)', '(program)', '(root)']);
console.log(`${N} articles all shown in ${shown} ms (traced: slower than the bench)`);
for (const p of profiles.values()) {
  const self = new Map();
  const inclusive = new Map();
  let busy = 0;
  for (let i = 0; i < p.samples.length; i++) {
    const dt = (p.deltas[i + 1] ?? 0) / 1000;
    let n = p.nodes.get(p.samples[i]);
    if (!n || idle.has(n.callFrame.functionName)) continue;
    busy += dt;
    self.set(label(n), (self.get(label(n)) ?? 0) + dt);
    const seen = new Set();
    for (; n; n = p.nodes.get(n.parent)) {
      const l = label(n);
      if (seen.has(l)) continue;
      seen.add(l);
      inclusive.set(l, (inclusive.get(l) ?? 0) + dt);
    }
    // Parents: the nodes carry `parent` in traces; fill it from `children` where they do not.
  }
  if (busy < 50) continue;
  const top = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, TOP)
    .map(([l, ms]) => `  ${ms.toFixed(0).padStart(7)} ms  ${l.slice(0, 150)}`).join('\n');
  console.log(`\n== ${threadName.get(p.thread) ?? p.thread}: ${busy.toFixed(0)} ms sampled busy\n-- self\n${top(self)}\n-- inclusive\n${top(inclusive)}`);
}

// The page's long tasks (its renderer's main thread).
const main = [...threadName].filter(([, n]) => n === 'CrRendererMain').map(([k]) => k);
const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && main.includes(`${e.pid}/${e.tid}`) && e.dur > 50_000);
console.log(`\nmain-thread tasks over 50 ms: ${tasks.length}; over 100 ms: ${tasks.filter((t) => t.dur > 100_000).length}; `
  + `longest ${(Math.max(0, ...tasks.map((t) => t.dur)) / 1000).toFixed(0)} ms`);
// What each task over 100 ms ran: the main thread's samples inside it, by inclusive function (the trace's
// clock is the samples' clock: a profile's `startTime` plus its deltas, in microseconds).
const mainProfile = [...profiles.values()].find((p) => main.includes(p.thread));
const inputAt = events.find((e) => e.name === 'Profile' && main.includes(`${e.pid}/${e.tid}`))?.args?.data?.startTime ?? 0;
for (const t of tasks.filter((t) => t.dur > 100_000)) {
  const inclusive = new Map();
  if (mainProfile) {
    let at = inputAt;
    for (let i = 0; i < mainProfile.samples.length; i++) {
      at += mainProfile.deltas[i] ?? 0;
      if (at < t.ts || at > t.ts + t.dur) continue;
      const dt = (mainProfile.deltas[i + 1] ?? 0) / 1000;
      const seen = new Set();
      for (let n = mainProfile.nodes.get(mainProfile.samples[i]); n; n = mainProfile.nodes.get(n.parent)) {
        const l = label(n);
        if (seen.has(l) || idle.has(n.callFrame.functionName)) continue;
        seen.add(l);
        inclusive.set(l, (inclusive.get(l) ?? 0) + dt);
      }
    }
  }
  const rows = [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 25)
    .map(([l, ms]) => `  ${ms.toFixed(0).padStart(7)} ms  ${l.slice(0, 150)}`).join('\n');
  // The trace's own events inside the task (layout, style, paint, GC, script), by name: what the samples miss.
  const inside = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || e === t || `${e.pid}/${e.tid}` !== `${t.pid}/${t.tid}` || e.ts < t.ts || e.ts > t.ts + t.dur) continue;
    inside.set(e.name, (inside.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
  }
  const within = [...inside].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([n, ms]) => `${n} ${ms.toFixed(0)}`).join(', ');
  console.log(`\n-- task of ${(t.dur / 1000).toFixed(0)} ms (CPU ${((t.tdur ?? 0) / 1000).toFixed(0)} ms) at ${((t.ts - inputAt) / 1000).toFixed(0)} ms after the trace began\n  events: ${within}\n${rows}`);
}
