// Many distinct articles from ../shared/corpus for the bench and the scale spec: the corpus files in turn,
// each copy after the first with a line of its own appended (ASCII, so that any encoding stays readable), so that no two texts are the same (the page
// refuses an article whose text it already holds).
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';

export const CORPUS = join(process.env.SHARED ?? '../shared', 'corpus');

/** A spec's `skip` where the shared corpus is not beside the clone and that is allowed (GitHub's runner sets
 * QUALITY_OPTIONAL=1, as for the quality floors): the reason; elsewhere false, so a missing corpus fails. */
export const NO_CORPUS = !existsSync(CORPUS) && process.env.QUALITY_OPTIONAL === '1'
  ? `no corpus at ${CORPUS} (QUALITY_OPTIONAL=1)` : false;

/** Every .txt under `dir`, sorted. */
export async function corpusFiles(dir = CORPUS) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...await corpusFiles(p));
    else if (e.name.endsWith('.txt')) out.push(p);
  }
  return out.sort();
}

/** Writes `n` distinct articles into `dir` (emptied first) and returns their paths. */
export async function distinctArticles(n, dir) {
  const sources = await corpusFiles();
  if (!sources.length) throw new Error(`no .txt files under ${CORPUS}`);
  const texts = await Promise.all(sources.map((p) => readFile(p)));
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const paths = [];
  for (let i = 0; i < n; i++) {
    const round = Math.floor(i / sources.length);
    const k = i % sources.length;
    // Numbered: corpus folders share file names.
    const path = join(dir, `${String(i).padStart(5, '0')}-${basename(sources[k])}`);
    const text = round === 0 ? texts[k] : Buffer.concat([texts[k], Buffer.from(`\n\nBan luu so ${round}.\n`)]);
    await writeFile(path, text);
    paths.push(path);
  }
  return paths;
}
