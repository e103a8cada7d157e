// Benchmark (not a test: `node --test` picks only names like *.test.js): the extraction core in the
// wasm the page ships, in headless Chromium. Serves dist/ (or $DIST) under BASE_PATH, opens the page, starts
// the extraction worker (dist/hoinghi-worker_loader.js) in it and sends it the texts of the files
// given with a bench message: ROUNDS timed passes after one warm-up, timed by the worker's own
// performance.now(), so neither the copy of the texts nor the messages are counted. Prints one
// JSON line on stdout:
//   {"kb_per_s", "peak_mb" (the worker's wasm linear memory), "officials" (per pass), "files", "bytes", "rounds", "ms"}
// With --records OUT, also extracts every *.txt of --dev DIR through the worker's normal message
// path (the file's bytes, as the page sends a picked file) and writes the records as JSONL, for
// score.py. Run by bench/compare.sh (after make dist):
//   node tests/e2e/bench-core-wasm.js [--rounds 100] [--dev DIR --records OUT.jsonl] FILE|DIR...
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';

import { launchBrowser } from './browser.js';
import { startServer } from './server.js';
import { benchInWorker, extractFileInWorker, startWorker } from './worker.js';

const BASE_PATH = process.env.BASE_PATH ?? '/hoinghi/';
const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: { rounds: { type: 'string', default: '100' }, dev: { type: 'string' }, records: { type: 'string' } },
});
const rounds = Number(opts.rounds);
if (!positionals.length || !(rounds >= 1) || Boolean(opts.dev) !== Boolean(opts.records)) {
  console.error('usage: node tests/e2e/bench-core-wasm.js [--rounds N] [--dev DIR --records OUT.jsonl] FILE|DIR...');
  process.exit(2);
}

async function txtFiles(path) {
  if (!(await stat(path)).isDirectory()) return [path];
  const out = [];
  for (const e of (await readdir(path)).sort()) {
    const p = join(path, e);
    if ((await stat(p)).isDirectory()) out.push(...await txtFiles(p));
    else if (e.endsWith('.txt')) out.push(p);
  }
  return out;
}

const paths = (await Promise.all(positionals.map(txtFiles))).flat();
const texts = await Promise.all(paths.map((p) => readFile(p, 'utf8')));

const server = await startServer({ dist: process.env.DIST ?? 'dist', basePath: BASE_PATH });
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error(`bench-core-wasm: page error: ${e.message}`));
  await page.goto(server.url, { waitUntil: 'load' });
  await startWorker(page, server.url);
  const b = await benchInWorker(page, texts, rounds);
  console.log(JSON.stringify({
    kb_per_s: Math.round((b.bytes * b.rounds) / 1024 / (b.ms / 1000)),
    peak_mb: Number((b.wasm_memory_bytes / 1024 / 1024).toFixed(1)),
    officials: b.officials,
    files: paths.length,
    bytes: b.bytes,
    rounds: b.rounds,
    ms: Math.round(b.ms),
  }));
  if (opts.records) {
    const lines = [];
    for (const p of await txtFiles(opts.dev)) {
      const x = await extractFileInWorker(page, basename(p), await readFile(p));
      if (x.record) lines.push(JSON.stringify(x.record));
      else console.error(`bench-core-wasm: ${x.error}`);
    }
    await writeFile(opts.records, lines.join('\n') + '\n');
  }
} finally {
  await browser.close();
  await server.close();
}
