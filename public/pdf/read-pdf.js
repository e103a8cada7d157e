// The page's PDF reader, fetched the first time a PDF comes in (src/pdf.rs), never on the first load.
// pdf.js (Mozilla, Apache-2.0; the legacy build of npm's pdfjs-dist, copied beside this file by Trunk) parses the
// file in its own worker; this module only gathers the text layer, page by page, and hands it over as the JSON
// that crates/decode/src/pdf.rs rebuilds into lines and paragraphs in the extraction worker.
//
// Nothing is fetched but pdf.js's own worker script from this site: the file's bytes are given to pdf.js, no
// character maps, standard fonts, colour profiles or image decoders are asked for (text extraction needs none of
// them for Vietnamese: the fonts a PDF embeds carry their own Unicode maps), fonts are never loaded into the page
// (disableFontFace) and nothing is rendered.
import { getDocument, GlobalWorkerOptions, PDFWorker, VerbosityLevel } from './pdf.min.mjs';

GlobalWorkerOptions.workerSrc = new URL('./pdf.worker.min.mjs', import.meta.url).href;

const OPTIONS = {
  verbosity: VerbosityLevel.ERRORS,
  disableFontFace: true,
  useSystemFonts: false,
  useWorkerFetch: false,
  useWasm: false,
  enableXfa: false,
  isOffscreenCanvasSupported: false,
  isImageDecoderSupported: false,
  disableWorkerRendering: true,
  disableAutoFetch: true,
  disableStream: true,
  disableRange: true,
};

// A PDF that keeps pdf.js busy longer than this is given up (its worker is ended, the next PDF gets a new one).
const PATIENCE_MS = 60_000;

// One pdf.js worker for every PDF, one PDF at a time: a folder of PDFs does not start a worker each. It is ended
// when no PDF has come for a while, so that its memory goes back while the user works on the articles.
const IDLE_MS = 30_000;
let worker = null;
let idle = null;
let queue = Promise.resolve();

/** The text layer of `file` (a File or Blob) as a File of JSON named `name`, ready for the extraction worker. */
export function textLayer(file, name) {
  const run = queue.then(() => read(file)).then((json) => new File([json], name, { type: 'application/json' }));
  queue = run.catch(() => {});
  return run;
}

async function read(file) {
  clearTimeout(idle);
  try {
    return await readWith(file);
  } finally {
    idle = setTimeout(() => {
      worker?.destroy();
      worker = null;
    }, IDLE_MS);
  }
}

async function readWith(file) {
  worker ??= new PDFWorker({ name: 'hoinghi-pdf' });
  let task = null;
  let timer = null;
  const late = new Promise((_, no) => {
    timer = setTimeout(() => no(Object.assign(new Error('đọc quá lâu, đã dừng'), { late: true })), PATIENCE_MS);
  });
  try {
    task = getDocument({ ...OPTIONS, data: new Uint8Array(await file.arrayBuffer()), worker });
    return await Promise.race([pages(task), late]);
  } catch (e) {
    if (e && e.late) {
      worker.destroy();
      worker = null;
    }
    return layer({ error: e && e.name === 'PasswordException' ? 'password' : 'broken', detail: String(e && e.message || e) });
  } finally {
    clearTimeout(timer);
    task?.destroy().catch(() => {});
  }
}

/** Every page's runs `[text, x, y, width, size]`, in the order the page draws them. */
async function pages(task) {
  const doc = await task.promise;
  const out = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent({ includeMarkedContent: false });
    const items = [];
    for (const item of content.items) {
      if (typeof item.str !== 'string' || item.str === '') continue;
      const [, , c, d, x, y] = item.transform;
      items.push([item.str, round(x), round(y), round(item.width), round(Math.hypot(c, d) || item.height)]);
    }
    out.push({ items });
    page.cleanup();
  }
  return layer({ pages: out });
}

function round(v) {
  return Math.round(v * 100) / 100;
}

/** The JSON crates/decode knows by its first key. */
function layer(body) {
  return JSON.stringify({ hoinghi_pdf_text: 1, ...body });
}
