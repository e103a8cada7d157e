// Talks to the extraction worker (dist/hoinghi-worker_loader.js) straight from a page of the site,
// the way src/browser.rs does: one Worker, "ready" first, then one answer per message, keyed by
// its first element. Used by the wasm bench (bench-core-wasm.js) and by the page's specs.

/** Starts the worker in `page` (already on the site at `siteUrl`) and waits for its "ready". */
export async function startWorker(page, siteUrl) {
  await page.evaluate((url) => new Promise((ready, failed) => {
    const worker = new Worker(url);
    const waiting = new Map();
    worker.onmessage = (e) => {
      if (e.data === 'ready') return ready();
      const [key, json] = e.data;
      waiting.get(key)?.(json);
      waiting.delete(key);
    };
    worker.onerror = (e) => failed(new Error(`the worker failed: ${e.message}`));
    window.__hoinghiWorker = (message, transfer = []) => new Promise((answer) => {
      waiting.set(message[0], answer);
      worker.postMessage(message, transfer);
    });
  }), new URL('hoinghi-worker_loader.js', siteUrl).href);
}

/** The worker's bench message: `rounds` timed passes over `texts`; resolves to protocol::Bench. */
export async function benchInWorker(page, texts, rounds) {
  const json = await page.evaluate(([t, r]) => window.__hoinghiWorker(['bench', t, r]), [texts, rounds]);
  return JSON.parse(json);
}

let seq = 0;
/** One file's bytes through the normal message path, as the page sends a picked file; resolves to protocol::Extracted. */
export async function extractFileInWorker(page, name, bytes) {
  const json = await page.evaluate(([id, n, b64]) => {
    const buffer = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)).buffer;
    return window.__hoinghiWorker([id, n, buffer, false], [buffer]);
  }, [++seq, name, Buffer.from(bytes).toString('base64')]);
  return JSON.parse(json);
}
