// Browser specs of the views at a large-ish size: a search typed without diacritics among 600 articles finds
// the official it names; the timeline's list, shown a window at a time, scrolls to its last meeting and opens its
// card; the documents table (240 documents, generated here), shown a window at a time, keeps the numbers in
// order at both ends and in both directions. How fast is `make bench-page`'s to say, not these specs'.
// Run through `make e2e` (after `make dist`): node --test tests/e2e/
import { before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { NO_CORPUS, distinctArticles } from './corpus.js';
import { servedPage } from './suite.js';

const ARTICLES = 600;

/** Without diacritics and in lower case, as people type: `Phạm Đức` -> `pham duc`. */
function plain(s) {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().trim();
}

/** The official-name cells' texts on the page. */
async function namesShown(app) {
  return (await app.byTestId('official-name').allInnerTexts()).map((n) => n.trim());
}

describe('Hội Nghị page, long lists shown a window at a time', { skip: NO_CORPUS }, () => {
  const served = servedPage();
  let server, app, page;
  beforeEach(() => ({ server, app, page } = served));
  let paths;

  before(async () => {
    paths = await distinctArticles(ARTICLES, join('target', 'e2e-large'));
  });

  /** Scrolls to the end of the page, or of the box `box` (an id), until `selector` is there (the spacers' heights
   * are estimates, measured as rows show: the end moves a little as the last rows come). */
  async function scrollToTheEnd(selector, box = null) {
    await page.waitForFunction(([sel, id]) => {
      const scroller = id ? document.getElementById(id) : document.scrollingElement;
      scroller.scrollTop = scroller.scrollHeight;
      return document.querySelector(sel);
    }, [selector, box], { timeout: 15_000, polling: 200 });
  }

  /** The screen at desktop width, then at phone width, each after `inView` brought what it shows into view (the
   * screen, not the whole page: the page is as long as the documents table). */
  async function screenshots(name, inView) {
    await inView();
    await page.screenshot({ path: `tests/screenshots/${name}.png` });
    const size = page.viewportSize();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300);
    await inView();
    await page.screenshot({ path: `tests/screenshots/${name}-phone.png` });
    await page.setViewportSize(size);
    await page.waitForTimeout(300);
  }

  async function loadCorpus() {
    await app.open(server.url);
    await app.chooseFiles(paths);
    await page.waitForFunction(() => !document.querySelector('[data-testid="progress"]')
      && /\(\d+/.test(document.querySelector('[data-testid="articles-count"]')?.textContent ?? '')
      && /[1-9]\d* hội nghị/.test(document.querySelector('[data-testid="view-counts"]')?.textContent ?? ''),
    null, { timeout: 180_000 });
  }

  it('a search typed without diacritics finds the official among hundreds, as with them', async () => {
    await loadCorpus();
    await app.tab('officials').click();
    // The official with a Vietnamese name (one with diacritics: a foreign head of state may be in more) in most
    // articles: sorted by their number, largest first.
    await app.byTestId('sort-articles').click();
    await app.byTestId('sort-articles').click();
    const top = (await app.byTestId('official-name').allInnerTexts()).map((n) => n.trim());
    const name = top.find((n) => plain(n) !== n.toLowerCase());
    assert.ok(name, `an official with diacritics among the first rows: ${top.join(' | ')}`);
    const all = Number(await app.officialsTable.getAttribute('aria-rowcount')) - 1;
    const box = app.byTestId('filter-text');
    // (typed, how)
    const cases = [[plain(name), 'without diacritics'], [name, 'as written'], [name.toUpperCase(), 'in capitals']];
    const found = {};
    for (const [typed, how] of cases) {
      await box.fill(typed);
      await app.officialRow(name).first().waitFor();
      await page.waitForFunction((n) => Number(document.querySelector('[data-testid="officials-table"]')
        ?.getAttribute('aria-rowcount')) - 1 < n, all);
      const shown = await namesShown(app);
      assert.ok(shown.includes(name), `${how}: ${typed} finds ${name}: ${shown.join(' | ')}`);
      found[how] = Number(await app.officialsTable.getAttribute('aria-rowcount')) - 1;
    }
    // Left out marks keep at least what the marks keep; case does not matter.
    assert.ok(found['without diacritics'] >= found['as written'], JSON.stringify(found));
    assert.equal(found['in capitals'], found['as written'], JSON.stringify(found));
    // Every official kept is named so, or holds a post whose words begin so (the search looks in posts too).
    const first = plain(name).split(' ')[0];
    for (const shown of await namesShown(app)) {
      const row = app.officialRow(shown);
      const text = plain(await row.first().innerText());
      assert.ok(text.split(/[\s,.;:()/-]+/).includes(first), `${shown} kept for "${name}": ${text}`);
    }
  });

  it("the timeline's list scrolls to its last meeting, small on the page, and opens its card", async () => {
    await loadCorpus();
    const counts = await app.viewCounts.innerText();
    const meetings = Number(/(\d+) hội nghị/.exec(counts)[1]);
    assert.ok(meetings > 300, counts);
    await app.meetings.first().waitFor();
    assert.ok(await app.meetings.count() <= 200, `${await app.meetings.count()} meetings in the page`);
    assert.equal(await app.meetings.first().getAttribute('aria-setsize'), String(meetings));
    // To the end of the list (in its box): the last meeting comes into the page, the first leave it.
    await scrollToTheEnd(`[data-testid="meeting"][aria-posinset="${meetings}"]`, 'timeline-rows');
    const last = page.locator(`[data-testid="meeting"][aria-posinset="${meetings}"]`);
    assert.equal(await page.locator('[data-testid="meeting"][aria-posinset="1"]').count(), 0, 'the first meeting left the page');
    assert.ok(await app.meetings.count() <= 200, `${await app.meetings.count()} meetings in the page at the end`);
    await screenshots('60-timeline-list-end', () => app.byTestId('timeline').evaluate((el) => el.scrollIntoView()));
    await scrollToTheEnd(`[data-testid="meeting"][aria-posinset="${meetings}"]`, 'timeline-rows');
    const name = (await last.getByTestId('meeting-name').innerText()).trim();
    // Its sentence opens, then its card.
    await last.getByTestId('meeting-name').click();
    await app.evidence.waitFor({ state: 'visible' });
    await app.byTestId('evidence-close').click();
    await last.getByTestId('meeting-card-open').click();
    await app.byTestId('meeting-card').waitFor();
    assert.equal((await app.byTestId('meeting-card-name').innerText()).trim(), name);
    // Back to the list by the tab: it is there again, its first meeting at the top, and the page no longer than
    // a few screens however many meetings it lists.
    await app.tab('timeline').click();
    await page.locator('[data-testid="meeting"][aria-posinset="1"]').waitFor();
    assert.ok(await page.evaluate(() => document.body.scrollHeight) < 5 * 900);
  });

  it('the documents table, 240 rows shown a window at a time, keeps number order at both ends and both ways', async () => {
    // 40 articles citing 6 documents each, numbered 1 to 240 (as numbers: 9 before 10 before 100).
    const dir = join('target', 'e2e-documents');
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    const files = [];
    for (let a = 0; a < 40; a++) {
      const numbers = Array.from({ length: 6 }, (_, k) => `Nghị quyết số ${a * 6 + k + 1}/NQ-CP`);
      const text = `Bình Định, ngày ${1 + (a % 28)}/3/2024. Sáng nay, UBND tỉnh Bình Định tổ chức hội nghị số ${a + 1} `
        + `triển khai ${numbers.join(', ')}. Chủ tịch UBND tỉnh Phạm Anh Tuấn chủ trì hội nghị.\n`;
      const path = join(dir, `van-ban-${String(a).padStart(2, '0')}.txt`);
      await writeFile(path, text);
      files.push(path);
    }
    await app.open(server.url);
    await app.chooseFiles(files);
    await app.waitForArticles(40, 60_000);
    await app.tab('documents').click();
    const table = app.byTestId('documents-table');
    await page.waitForFunction(() => document.querySelector('[data-testid="documents-table"]')?.getAttribute('aria-rowcount') === '241');
    const rows = async () => page.locator('[data-testid="document-row"]').evaluateAll((trs) => trs.map((tr) => ({
      index: Number(tr.getAttribute('aria-rowindex')),
      number: parseInt(tr.querySelector('[data-testid="document-number"]').textContent, 10),
    })));
    // (direction, what the first and last rows hold)
    const cases = [['ascending', 1, 240], ['descending', 240, 1]];
    for (const [direction, first, lastNumber] of cases) {
      if (direction === 'descending') await app.byTestId('sort-doc-number').click();
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForFunction((n) => parseInt(document.querySelector('[data-testid="document-row"][aria-rowindex="2"] [data-testid="document-number"]')?.textContent, 10) === n, first);
      let shown = await rows();
      assert.ok(shown.length < 240, `${shown.length} rows in the page`);
      const step = direction === 'ascending' ? 1 : -1;
      const inOrder = (list) => list.every((r, i) => i === 0 || (r.number - list[i - 1].number) * step > 0 && r.index === list[i - 1].index + 1);
      assert.ok(inOrder(shown), `${direction}: ${shown.map((r) => r.number).join(' ')}`);
      assert.equal(await table.locator('th[aria-sort]').filter({ hasText: 'Số hiệu' }).getAttribute('aria-sort'), direction);
      await scrollToTheEnd('[data-testid="document-row"][aria-rowindex="241"]');
      shown = await rows();
      assert.equal(shown.at(-1).number, lastNumber);
      assert.ok(shown.length < 240 && inOrder(shown), `${direction} at the end: ${shown.map((r) => r.number).join(' ')}`);
    }
    await screenshots('61-documents-table-end', () => scrollToTheEnd('[data-testid="document-row"][aria-rowindex="241"]'));
    // The last row's card opens, by the keyboard (back at the end: the screenshots resized the page).
    await scrollToTheEnd('[data-testid="document-row"][aria-rowindex="241"]');
    const last = page.locator('[data-testid="document-row"][aria-rowindex="241"]');
    await last.getByTestId('document-card-open').focus();
    await page.keyboard.press('Enter');
    await app.byTestId('document-card').waitFor();
    assert.equal(await app.byTestId('document-card-number').innerText(), '1/NQ-CP');
  });
});
