// Browser specs of a big load: 5,000 distinct articles (made from ../shared/corpus, tests/e2e/corpus.js)
// through the file picker, a click answered while they load, the long table and list scrolled to their
// ends with the page small, the load stopped halfway (picked, and dropped as a folder), a copy refused; a huge article (made here, ~3 MB)
// shows how far its reading has got; one past the size limit is refused.
// How fast is `make bench-page`'s to say, not these specs'.
// Run through `make e2e` (after `make dist`): node --test tests/e2e/
import { before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { NO_CORPUS, distinctArticles } from './corpus.js';
import { servedPage } from './suite.js';

const MANY = 5000;
const SAMPLE_000 = 'public/samples/000_a1b6cc5c598c13a5.txt';
const SAMPLE_001 = 'public/samples/001_054d4c0633b05464.txt';

/** The counts of the article list's heading: read, failed, refused as copies. */
async function articleCounts(app) {
  const text = await app.byTestId('articles-count').innerText();
  const m = /\((\d+)(?:; (\d+) lỗi)?(?:; (\d+) trùng)?\)/.exec(text);
  assert.ok(m, `unexpected heading: ${text}`);
  return { read: Number(m[1]), failed: Number(m[2] ?? 0), copies: Number(m[3] ?? 0) };
}

describe('Hội Nghị page, many articles', { skip: NO_CORPUS }, () => {
  const served = servedPage();
  let server, browser, guarded, app, page;
  beforeEach(() => ({ server, browser, guarded, app, page } = served));
  let paths;

  before(async () => {
    paths = await distinctArticles(MANY, join('target', 'e2e-scale'));
  });

  it('5,000 articles through the file picker: all shown, and a click during the load is answered', async () => {
    await app.open(server.url);
    await app.chooseFiles(paths);
    await app.progress.waitFor();
    // While the batch loads: the progress bar counts, and a tab and the filter answer clicks.
    await page.waitForFunction(() => /Đang đọc \d+\/5000 bài/.test(document.querySelector('[data-testid="progress-text"]')?.textContent ?? ''));
    await app.tab('officials').click();
    assert.equal(await app.tab('officials').getAttribute('aria-selected'), 'true');
    assert.equal(await app.progress.count(), 1, 'the click came while the articles were loading');
    await app.byTestId('filter-text').fill('bi thu');
    assert.equal(await app.byTestId('filter-text').inputValue(), 'bi thu');
    await app.screenshot('40-loading-5000');
    await app.byTestId('filter-text').fill('');
    await page.waitForFunction(() => !document.querySelector('[data-testid="progress"]'), null, { timeout: 180_000 });
    const counts = await articleCounts(app);
    assert.equal(counts.read + counts.failed + counts.copies, MANY, JSON.stringify(counts));
    assert.ok(counts.read > MANY * 0.95, JSON.stringify(counts));
    // Every article is in the merge: the officials table and the view's counts are there.
    const shown = await app.viewCounts.innerText();
    const [meetings, people] = /(\d+) hội nghị · (\d+) cán bộ/.exec(shown).slice(1).map(Number);
    assert.ok(meetings > 1000 && people > 100, shown);
    assert.ok(await app.officialRows.count() > 0);
    // The lists stay short on the page however many articles there are, and scroll to their last row.
    assert.ok(await app.articleItems.count() <= 100);
    await page.locator('#article-rows').evaluate((ul) => { ul.scrollTop = ul.scrollHeight; });
    await page.waitForFunction((n) => [...document.querySelectorAll('[data-testid="article-item"]')]
      .some((li) => li.getAttribute('aria-posinset') === String(n) && li.getAttribute('aria-setsize') === String(n)), counts.read + counts.failed);
    assert.ok(await app.articleItems.count() <= 100);
    await app.tab('officials').click();
    await app.officialRows.first().waitFor();
    const rowcount = Number(await app.officialsTable.getAttribute('aria-rowcount'));
    assert.equal(rowcount, people + 1, 'the table says how many rows it has, header included');
    assert.ok(await app.officialRows.count() <= 200, `${await app.officialRows.count()} rows in the page`);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForFunction((n) => document.querySelector(`[data-testid="official-row"][aria-rowindex="${n}"]`), rowcount);
    assert.ok(await app.officialRows.count() <= 200);
    await app.screenshot('41a-officials-scrolled-to-the-end');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForFunction(() => document.querySelector('[data-testid="official-row"][aria-rowindex="2"]'));
    await app.tab('timeline').click();
    assert.ok(await page.evaluate(() => document.getElementsByTagName('*').length) < 10_000);
    await app.screenshot('41-loaded-5000');
  });

  it('"Dừng" stops the load and keeps the articles read so far', async () => {
    await app.open(server.url);
    await app.chooseFiles(paths);
    await page.waitForFunction(() => {
      const m = /Đang đọc (\d+)\//.exec(document.querySelector('[data-testid="progress-text"]')?.textContent ?? '');
      return m && Number(m[1]) >= 100;
    }, null, { timeout: 60_000 });
    await app.byTestId('cancel-load').click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="progress"]'), null, { timeout: 60_000 });
    const counts = await articleCounts(app);
    const kept = counts.read + counts.failed + counts.copies;
    assert.ok(kept >= 100 && kept < MANY, `kept ${kept} of ${MANY}`);
    assert.match(await app.message.innerText(), /Đã dừng: \d+ bài chưa đọc được bỏ qua/);
    // What was read is merged and shown, and nothing more arrives later.
    assert.match(await app.viewCounts.innerText(), /[1-9]\d* hội nghị/);
    await page.waitForTimeout(1000);
    assert.deepEqual(await articleCounts(app), counts);
    await app.screenshot('42-load-stopped');
  });

  it('"Dừng" during a dropped folder\'s walk stops the walk too', async () => {
    await app.open(server.url);
    await app.dropFolder(join('target', 'e2e-scale'));
    // Stopped as soon as the first files are found: the walk of 5,000 goes on for a second or more.
    await app.byTestId('cancel-load').click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="progress"]'), null, { timeout: 60_000 });
    const counts = await articleCounts(app);
    const kept = counts.read + counts.failed + counts.copies;
    // Those in the workers' hands when it stopped, not the rest of the folder.
    assert.ok(kept > 0 && kept < MANY / 2, `kept ${kept} of ${MANY}`);
    // The walk found no more files to queue after the stop: nothing starts loading again.
    await page.waitForTimeout(1500);
    assert.equal(await app.progress.count(), 0);
    assert.deepEqual(await articleCounts(app), counts);
  });

  it('the same article loaded twice is refused, naming both files, and not merged twice', async () => {
    const dir = join('target', 'e2e-copies');
    await mkdir(dir, { recursive: true });
    const text = await readFile(SAMPLE_000, 'utf8');
    // A copy saved with Windows line ends is still the same text once normalised.
    await writeFile(join(dir, 'ban-goc.txt'), text);
    await writeFile(join(dir, 'ban-sao.txt'), text.replace(/\n/g, '\r\n'));
    await app.open(server.url);
    await app.chooseFiles([join(dir, 'ban-goc.txt'), SAMPLE_001]);
    await app.waitForArticles(2);
    const before = await app.viewCounts.innerText();
    await app.chooseFiles([join(dir, 'ban-sao.txt')]);
    await app.byTestId('duplicates').waitFor();
    assert.match(await app.byTestId('duplicates').innerText(), /“ban-sao\.txt” có cùng nội dung với “ban-goc\.txt” đã nạp/);
    await app.waitForArticles(2);
    assert.deepEqual(await articleCounts(app), { read: 2, failed: 0, copies: 1 });
    assert.equal(await app.viewCounts.innerText(), before, 'the copy is not counted in the merge');
    await app.screenshot('43-copy-refused');
    // Removed, the first may come back; the copy is then read as the article.
    await app.byTestId('duplicates-dismiss').click();
    assert.equal(await app.byTestId('duplicates').count(), 0);
    await app.articleItems.filter({ hasText: 'ban-goc.txt' }).getByTestId('remove-article').click();
    await app.waitForArticles(1);
    await app.chooseFiles([join(dir, 'ban-sao.txt')]);
    await app.waitForArticles(2);
    assert.equal(await app.viewCounts.innerText(), before);
    assert.equal(await app.byTestId('duplicates').count(), 0);
  });
});

/** A file of at least `bytes` made of one sample article over and over (made here, not kept in git): its path. */
async function repeatedSample(name, bytes) {
  const dir = join('target', 'e2e-huge');
  await mkdir(dir, { recursive: true });
  const text = await readFile(SAMPLE_000, 'utf8');
  const path = join(dir, name);
  await writeFile(path, text.repeat(Math.ceil(bytes / Buffer.byteLength(text))));
  return path;
}

describe('Hội Nghị page, a huge article', () => {
  const served = servedPage();
  let server, app, page;
  beforeEach(() => ({ server, app, page } = served));

  it('a ~3 MB article shows how far its reading has got', async () => {
    // The worker reports its progress.
    const huge = await repeatedSample('bai-rat-dai.txt', 3e6);
    await app.open(server.url);
    // Every percentage the progress line shows, as it changes.
    await page.evaluate(() => {
      window.__fractions = [];
      new MutationObserver(() => {
        const m = /bài lớn “bai-rat-dai\.txt”: (\d+)%/.exec(document.querySelector('[data-testid="progress-text"]')?.textContent ?? '');
        if (m && window.__fractions.at(-1) !== Number(m[1])) window.__fractions.push(Number(m[1]));
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await app.dropFiles([{ path: huge }]);
    await app.waitForArticles(1, 120_000);
    const fractions = await page.evaluate(() => window.__fractions);
    assert.ok(fractions.length >= 2, `the fraction moved: ${fractions}`);
    assert.deepEqual(fractions, [...fractions].sort((a, b) => a - b), `the fraction only grows: ${fractions}`);
    assert.equal(await app.articleErrors.count(), 0);
    assert.match(await app.viewCounts.innerText(), /[1-9]\d* cán bộ/);
  });

  it('a file past the 20 MB limit is refused with its size, the article beside it read', async () => {
    const tooBig = await repeatedSample('qua-lon.txt', 21e6);
    await app.open(server.url);
    await app.chooseFiles([tooBig, SAMPLE_001]);
    await app.waitForArticles(2, 60_000);
    assert.equal(await app.articleErrors.count(), 1);
    assert.match(await app.articleErrors.first().innerText(), /qua-lon\.txt[\s\S]*quá lớn \(20,1 MB; giới hạn 20 MB\)/);
    assert.match(await app.viewCounts.innerText(), /[1-9]\d* cán bộ/);
  });
});
