// Browser specs of what the page keeps across reloads (src/storage.rs: IndexedDB): an archive comes back
// whole and in order (the corpus, 5,000 articles), two tabs loading at once both keep theirs, a database of
// the first version (keys given by the page) or of the second (one record an article) is read whole, with nothing
// lost, a browser that refuses storage (at once or midway)
// gets a clear message and loses nothing from the page, the localStorage of an earlier version moves over
// once, "Xóa tất cả" empties the store.
// Run through `make e2e` (after `make dist`): node --test tests/e2e/
import { beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { openGuardedPage } from './browser.js';
import { HoiNghiPage } from './page.js';
import { servedPage } from './suite.js';
import { NO_CORPUS, corpusFiles, distinctArticles } from './corpus.js';

const SAMPLES = 'public/samples';
const PASTED = 'Ngày 3/6/2024, Tỉnh ủy Bình Định tổ chức Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 20.';

/** `n` distinct articles made from the five samples (each copy with a line of its own), written into `dir`. */
async function sampleCopies(n, dir) {
  const names = (await readdir(SAMPLES)).filter((f) => f.endsWith('.txt')).sort();
  const texts = await Promise.all(names.map((f) => readFile(join(SAMPLES, f), 'utf8')));
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const paths = [];
  for (let i = 0; i < n; i++) {
    const path = join(dir, `ban-${String(i).padStart(3, '0')}.txt`);
    await writeFile(path, `${texts[i % texts.length]}\n\nBản lưu số ${i}.\n`);
    paths.push(path);
  }
  return paths;
}

/** The page's database as stored: its version, stores, whether article keys are the store's, the keys. */
function storeInfo(page) {
  return page.evaluate(() => new Promise((ok, no) => {
    const open = indexedDB.open('hoinghi');
    open.onerror = () => no(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const store = db.transaction('articles').objectStore('articles');
      const keys = store.getAllKeys();
      keys.onsuccess = () => {
        ok({ version: db.version, stores: [...db.objectStoreNames], autoIncrement: store.autoIncrement, keys: keys.result });
        db.close();
      };
      keys.onerror = () => { db.close(); no(keys.error); };
    };
  }));
}

/** How many articles the page's IndexedDB holds (the store as the page wrote it): a record is a batch of
 * articles, `[[name, json], ...]`, or one article as the second version stored it, `[name, json]`. */
function storedCount(page) {
  return page.evaluate(() => new Promise((ok, no) => {
    const open = indexedDB.open('hoinghi');
    open.onerror = () => no(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const all = db.transaction('articles').objectStore('articles').getAll();
      all.onsuccess = () => {
        db.close();
        ok(all.result.reduce((n, v) => n + (typeof v[0] === 'string' ? 1 : v.length), 0));
      };
      all.onerror = () => { db.close(); no(all.error); };
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

/** Read, failed and refused articles, from the list's heading "Bài đã nạp (N; M lỗi; K trùng)", once no batch
 * is loading. */
async function waitForCount(page, n, timeout = 120_000) {
  await page.waitForFunction((n) => {
    if (document.querySelector('[data-testid="progress"]')) return false;
    const m = /\((\d+)(?:; (\d+) lỗi)?(?:; (\d+) trùng)?\)/.exec(document.querySelector('[data-testid="articles-count"]')?.textContent ?? '');
    return m && Number(m[1]) + Number(m[2] ?? 0) + Number(m[3] ?? 0) === n;
  }, n, { timeout, polling: 100 });
}

/** The counts of the list's heading: read, failed, refused as copies. */
async function articleCounts(app) {
  const text = await app.byTestId('articles-count').innerText();
  const m = /\((\d+)(?:; (\d+) lỗi)?(?:; (\d+) trùng)?\)/.exec(text);
  assert.ok(m, `unexpected heading: ${text}`);
  return { read: Number(m[1]), failed: Number(m[2] ?? 0), copies: Number(m[3] ?? 0) };
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
    await app.fillAndAdd(PASTED);
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
      breaks: () => {
        IDBObjectStore.prototype.put = IDBObjectStore.prototype.add = function () { throw new DOMException('full', 'QuotaExceededError'); };
      },
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
      assert.match(text, /đã lưu 0 bài; 5 bài chưa lưu được vẫn còn trên trang/);
      assert.match(text, /Lưu phiên làm việc/);
      assert.equal(await app.articleItems.count(), 5);
      await app.meetings.first().waitFor();
      // Work goes on: one more article is taken and shown.
      await app.fillAndAdd(PASTED);
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

  it('5,000 articles come back after a reload', { skip: NO_CORPUS }, async () => {
    const paths = await distinctArticles(5000, join('target', 'e2e-storage-5000'));
    await app.open(server.url);
    await app.chooseFiles(paths);
    await waitForCount(page, paths.length, 300_000);
    const counts = await articleCounts(app);
    // The copies refused are not stored; every other article is.
    await waitForStored(page, counts.read + counts.failed, 120_000);
    const first = await app.byTestId('article-source').allInnerTexts();
    await page.reload();
    await app.pasteBox.waitFor();
    await waitForCount(page, counts.read + counts.failed, 300_000);
    assert.deepEqual(await articleCounts(app), { ...counts, copies: 0 });
    assert.deepEqual(await app.byTestId('article-source').allInnerTexts(), first, 'the first ones, in the same order');
    assert.match(await app.viewCounts.innerText(), /[1-9]\d* hội nghị/);
  });

  it('two tabs loading at once keep both sets: after a reload every article is back once', async () => {
    // Both tabs in one browser profile (one IndexedDB), opened before either stores anything.
    const second = new HoiNghiPage(await page.context().newPage());
    const secondErrors = [];
    second.page.on('console', (msg) => { if (msg.type() === 'error') secondErrors.push(msg.text()); });
    second.page.on('pageerror', (e) => secondErrors.push(e.message));
    const files = await sampleCopies(7, join('target', 'e2e-two-tabs'));
    await Promise.all([app.open(server.url), second.open(server.url)]);
    // Each tab: the five samples (the same files: stored twice, read back once), a pasted article named
    // "Bài dán 1" in both (different texts: the second is renamed), and files of its own.
    await Promise.all([
      (async () => {
        await app.loadSamples();
        await app.fillAndAdd(PASTED);
        await app.chooseFiles(files.slice(0, 4));
        await app.waitForArticles(10);
      })(),
      (async () => {
        await second.loadSamples();
        await second.fillAndAdd('Sáng 9/5/2024, ông Y Ngoc, Phó Chủ tịch UBND tỉnh Kon Tum, chủ trì hội nghị triển khai công tác dân vận.');
        await second.chooseFiles(files.slice(4));
        await second.waitForArticles(9);
      })(),
    ]);
    await waitForStored(page, 19);
    const names = [
      ...await app.byTestId('article-source').allInnerTexts(),
      ...await second.byTestId('article-source').allInnerTexts(),
    ];
    await second.page.close();
    assert.deepEqual(secondErrors, [], 'the second tab logged errors');

    await page.reload();
    await app.pasteBox.waitFor();
    await waitForCount(page, 14);
    assert.deepEqual(await articleCounts(app), { read: 14, failed: 0, copies: 0 }, 'the samples stored twice come back once');
    const back = await app.byTestId('article-source').allInnerTexts();
    const expected = [...new Set(names), 'Bài dán 1 (2)'].sort();
    assert.deepEqual([...back].sort(), expected);
    // The copies are gone from the store, the renamed article is stored under its new name.
    await waitForStored(page, 14);
    await app.tab('officials').click();
    await app.officialRow('Y Ngoc').waitFor();
    await page.reload();
    await app.pasteBox.waitFor();
    await waitForCount(page, 14);
    assert.deepEqual(await app.byTestId('article-source').allInnerTexts(), back, 'the same articles, in the same order');
    await app.screenshot('storage-03-two-tabs');
  });

  // A user's archive stored by an earlier version of the page: read whole and in order, its records left as they
  // are; new articles stored after it, in batches; an article removed from either stays removed.
  const earlier = [
    { name: 'the first version (keys given by the page)', version: 1 },
    { name: 'the second version (one record an article, keys from the store)', version: 2 },
    { name: 'the third version (articles in batches, as strings)', version: 3 },
  ];
  for (const e of earlier) {
    it(`a database of ${e.name} is read whole, in order; new articles go after it, in batches`, async () => {
      await app.open(server.url);
      await app.loadSamples();
      const saved = JSON.parse((await app.download(app.byTestId('save-workspace'))).text);
      await guarded.close();
      guarded = await openGuardedPage(browser, server.origin);
      page = guarded.page;
      app = new HoiNghiPage(page);
      // The database as the earlier page left it: keys 1, 2 and 4 (3 deleted), values [name, json].
      const old = saved.articles.slice(0, 3).map((a, i) => [[1, 2, 4][i], a]);
      await page.addInitScript(([old, version]) => {
        if (sessionStorage.getItem('seeded')) return;
        sessionStorage.setItem('seeded', '1');
        const open = indexedDB.open('hoinghi', version);
        open.onupgradeneeded = () => {
          // Version 1 gave the keys itself; version 2's store has a key generator.
          const articles = open.result.createObjectStore('articles', { autoIncrement: version > 1 });
          open.result.createObjectStore('state');
          // Versions 1 and 2 stored one article a record; version 3 a batch, here of one article.
          for (const [key, a] of old) {
            const article = [a.name, JSON.stringify(a)];
            articles.put(version > 2 ? [article] : article, key);
          }
        };
        open.onsuccess = () => open.result.close();
      }, [old, e.version]);
      await app.open(server.url);
      await app.waitForArticles(3);
      assert.deepEqual(await app.byTestId('article-source').allInnerTexts(), old.map(([, a]) => a.name));
      assert.deepEqual(await storeInfo(page), { version: 4, stores: ['articles', 'state'], autoIncrement: true, keys: [1, 2, 4] });
      // New articles are numbered after the greatest key, several to a record.
      await app.chooseFiles(await sampleCopies(3, join('target', `e2e-earlier-${e.version}`)));
      await app.waitForArticles(6);
      await waitForStored(page, 6);
      const { keys } = await storeInfo(page);
      assert.deepEqual(keys.slice(0, 3), [1, 2, 4]);
      assert.ok(keys.length < 6 && keys.slice(3).every((k) => k > 4), `keys ${keys}`);
      // One article of the old records and one of a batch removed: both stay removed after a reload.
      const names = await app.byTestId('article-source').allInnerTexts();
      for (const gone of [names[1], names[4]]) {
        await app.articleItems.filter({ hasText: gone }).getByTestId('remove-article').click();
      }
      await waitForStored(page, 4);
      const left = names.filter((_, i) => i !== 1 && i !== 4);
      assert.deepEqual(await app.byTestId('article-source').allInnerTexts(), left);
      await page.reload();
      await app.pasteBox.waitFor();
      await app.waitForArticles(4);
      assert.deepEqual(await app.byTestId('article-source').allInnerTexts(), left);
    });
  }

  it('storage full midway: every article stays on the page, the message says how many were stored', async () => {
    const paths = await sampleCopies(30, join('target', 'e2e-quota'));
    // The browser's space runs out after 12 articles (a write past them is refused as over the quota).
    await page.addInitScript((limit) => {
      let added = 0;
      const add = IDBObjectStore.prototype.add;
      IDBObjectStore.prototype.add = function (...args) {
        // A record holds a batch of articles.
        added += Array.isArray(args[0]?.[0]) ? args[0].length : 1;
        if (this.name === 'articles' && added > limit) throw new DOMException('full', 'QuotaExceededError');
        return add.apply(this, args);
      };
    }, 12);
    await app.open(server.url);
    await app.chooseFiles(paths.slice(0, 10));
    await waitForCount(page, 10);
    await waitForStored(page, 10);
    assert.equal(await app.message.count(), 0, 'nothing to say while everything is stored');
    await app.chooseFiles(paths.slice(10));
    await waitForCount(page, 30);
    await app.message.waitFor();
    const said = await app.message.innerText();
    const m = /đã đầy \(QuotaExceededError\): đã lưu (\d+) bài; (\d+) bài chưa lưu được vẫn còn trên trang nhưng sẽ mất khi tải lại\. Hãy bấm “Lưu phiên làm việc”/.exec(said);
    assert.ok(m, said);
    const [stored, unsaved] = [Number(m[1]), Number(m[2])];
    assert.ok(stored >= 10 && stored <= 12, said);
    assert.equal(stored + unsaved, 30, said);
    assert.equal(await storedCount(page), stored, 'the count said is what the browser holds');
    // Nothing is lost from the page: every article is listed and merged, and work goes on.
    assert.deepEqual(await articleCounts(app), { read: 30, failed: 0, copies: 0 });
    await app.tab('officials').click();
    assert.ok(await app.officialRows.count() > 0);
    await app.screenshot('storage-04-full-midway');
    await page.setViewportSize({ width: 390, height: 844 });
    await app.screenshot('storage-04-full-midway-phone');
    await page.setViewportSize({ width: 1100, height: 900 });
    // An article not stored, removed from the page, is no longer counted.
    const unstored = (await app.byTestId('article-source').allInnerTexts()).at(-1);
    await app.articleItems.filter({ hasText: unstored }).getByTestId('remove-article').click();
    await page.waitForFunction((n) => document.querySelector('[data-testid="message"]')?.textContent.includes(`${n} bài chưa lưu được`), unstored ? unsaved - 1 : unsaved);
    // The workspace file keeps them all.
    const file = JSON.parse((await app.download(app.byTestId('save-workspace'))).text);
    assert.equal(file.articles.length, 29);
    await page.reload();
    await app.pasteBox.waitFor();
    await waitForCount(page, stored);
  });
});
