// Browser specs of what the page keeps across reloads (src/storage.rs: IndexedDB): an archive comes back
// whole and in order, a browser that refuses storage gets a clear message and loses nothing from the page,
// the localStorage of an earlier version moves over once, "Xóa tất cả" empties the store.
// Run through `make e2e` (after `make dist`): node --test tests/e2e/
import { beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { openGuardedPage } from './browser.js';
import { HoiNghiPage } from './page.js';
import { servedPage } from './suite.js';
import { NO_CORPUS, corpusFiles } from './corpus.js';

/** How many articles the page's IndexedDB holds (the store as the page wrote it). */
function storedCount(page) {
  return page.evaluate(() => new Promise((ok, no) => {
    const open = indexedDB.open('hoinghi');
    open.onerror = () => no(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const count = db.transaction('articles').objectStore('articles').count();
      count.onsuccess = () => { db.close(); ok(count.result); };
      count.onerror = () => { db.close(); no(count.error); };
    };
  }));
}

async function waitForStored(page, n, timeout = 60_000) {
  const until = Date.now() + timeout;
  let last;
  while (Date.now() < until) {
    last = await storedCount(page);
    if (last === n) return;
    await new Promise((ok) => setTimeout(ok, 200));
  }
  assert.fail(`IndexedDB holds ${last} articles, expected ${n}`);
}

/** Read and failed articles, from the list's heading "Bài đã nạp (N; M lỗi)", once no batch is loading. */
async function waitForCount(page, n, timeout = 120_000) {
  await page.waitForFunction((n) => {
    if (document.querySelector('[data-testid="progress"]')) return false;
    const m = /\((\d+)(?:; (\d+) lỗi)?\)/.exec(document.querySelector('[data-testid="articles-count"]')?.textContent ?? '');
    return m && Number(m[1]) + Number(m[2] ?? 0) === n;
  }, n, { timeout, polling: 100 });
}

describe('Hội Nghị page: storage', () => {
  const served = servedPage();
  let server, browser, guarded, app, page;
  beforeEach(() => ({ server, browser, guarded, app, page } = served));

  it('the whole corpus comes back after a reload, in order; "Xóa tất cả" empties the store', { skip: NO_CORPUS }, async () => {
    const paths = await corpusFiles();
    assert.ok(paths.length > 1000, `${paths.length} corpus files`);
    await app.open(server.url);
    await app.chooseFiles(paths);
    await waitForCount(page, paths.length);
    await waitForStored(page, paths.length);
    const heading = await app.byTestId('articles-count').innerText();
    const first = await app.byTestId('article-source').allInnerTexts();
    await page.reload();
    await app.pasteBox.waitFor();
    await waitForCount(page, paths.length);
    assert.equal(await app.byTestId('articles-count').innerText(), heading);
    assert.deepEqual(await app.byTestId('article-source').allInnerTexts(), first, 'the same articles, in the same order');
    await app.meetings.first().waitFor();
    await app.screenshot('storage-01-corpus-after-reload');

    // An article added while a reload is still reading the stored ones takes nobody's place.
    await page.reload();
    await app.pasteBox.waitFor();
    await app.fillAndAdd('Ngày 3/6/2024, Tỉnh ủy Bình Định tổ chức Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 20.');
    await waitForCount(page, paths.length + 1);
    await waitForStored(page, paths.length + 1);
    const withPasted = await app.byTestId('article-source').allInnerTexts();
    const stored = withPasted.filter((n) => first.includes(n));
    assert.ok(withPasted.length - stored.length <= 1, withPasted.join(' | '));
    assert.deepEqual(stored, first.slice(0, stored.length), 'the stored ones still in their order');
    await page.reload();
    await app.pasteBox.waitFor();
    await waitForCount(page, paths.length + 1);
    assert.deepEqual(await app.byTestId('article-source').allInnerTexts(), withPasted);

    // One removed stays removed.
    await app.byTestId('remove-article').first().click();
    await waitForStored(page, paths.length);
    page.once('dialog', (d) => d.accept());
    await app.byTestId('clear-all').click();
    await waitForCount(page, 0);
    await waitForStored(page, 0);
    await page.reload();
    await app.pasteBox.waitFor();
    await app.byTestId('articles-empty').waitFor();
    assert.equal(await app.articleItems.count(), 0);
  });

  // Each case breaks the browser's storage before the page starts; the five samples must still be shown,
  // with a message saying they will not survive a reload and what to do.
  const refusals = [
    {
      name: 'indexedDB.open throws (a private window, a site setting)',
      breaks: () => { IDBFactory.prototype.open = function () { throw new DOMException('denied', 'SecurityError'); }; },
      says: /không cho trang lưu dữ liệu \(SecurityError: denied/,
    },
    {
      name: 'no IndexedDB at all',
      breaks: () => { Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true }); },
      says: /không cho trang lưu dữ liệu \(không có IndexedDB/,
    },
    {
      name: 'the quota is used up',
      breaks: () => { IDBObjectStore.prototype.put = function () { throw new DOMException('full', 'QuotaExceededError'); }; },
      says: /đã đầy \(QuotaExceededError\)/,
    },
  ];
  for (const c of refusals) {
    it(`storage refused: ${c.name} → a message, nothing lost from the page`, async () => {
      await page.addInitScript(c.breaks);
      await app.open(server.url);
      await app.loadSamples();
      await app.message.waitFor();
      const text = await app.message.innerText();
      assert.match(text, c.says);
      assert.match(text, /vẫn còn trên trang/);
      assert.match(text, /Lưu phiên làm việc/);
      assert.equal(await app.articleItems.count(), 5);
      await app.meetings.first().waitFor();
      // Work goes on: one more article is taken and shown.
      await app.fillAndAdd('Ngày 3/6/2024, Tỉnh ủy Bình Định tổ chức Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 20.');
      await app.waitForArticles(6);
      await app.screenshot(`storage-02-refused-${refusals.indexOf(c)}`);
      await page.setViewportSize({ width: 390, height: 844 });
      await app.screenshot(`storage-02-refused-${refusals.indexOf(c)}-phone`);
    });
  }

  it('articles an earlier version kept in localStorage move to IndexedDB once, then leave localStorage', async () => {
    // The articles as the earlier version stored them (one JSON per key: the workspace's article entries).
    await app.open(server.url);
    await app.loadSamples();
    const saved = JSON.parse((await app.download(app.byTestId('save-workspace'))).text);
    const legacy = saved.articles.slice(0, 3);
    await guarded.close();

    guarded = await openGuardedPage(browser, server.origin);
    page = guarded.page;
    app = new HoiNghiPage(page);
    // Seeded before the first load only (an init script runs on every load).
    await page.addInitScript((legacy) => {
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('hoinghi.v1.index', JSON.stringify(legacy.map((a) => a.name)));
      for (const a of legacy) localStorage.setItem(`hoinghi.v1.article:${a.name}`, JSON.stringify(a));
      localStorage.setItem('other.site.key', 'kept');
    }, legacy);
    await app.open(server.url);
    await app.waitForArticles(3);
    await waitForStored(page, 3);
    const left = await page.evaluate(() => Object.keys(localStorage).sort());
    assert.deepEqual(left, ['other.site.key'], 'the hoinghi.v1.* keys are gone, nothing else');
    const names = await app.byTestId('article-source').allInnerTexts();
    assert.deepEqual(names, legacy.map((a) => a.name));
    await page.reload();
    await app.pasteBox.waitFor();
    await app.waitForArticles(3);
    assert.deepEqual(await app.byTestId('article-source').allInnerTexts(), names, 'once: not twice after a reload');
  });
});
