// Browser specs of two tabs of the page sharing one browser's storage (src/storage.rs, src/correcting.rs): a tab
// still holding the first version of the database open holds the upgrade, and the new tab says which tab to
// close, goes on in memory, and stores once it is closed; a tab asked to let go by a newer version says to
// reload; corrections made in two tabs are both kept (each tab takes in the other's rather than write over
// them), told to the other tab at once where the browser has a BroadcastChannel, at the next correction where
// not.
// Run through `make e2e` (after `make dist`): node --test tests/e2e/
import { beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { openGuardedPage } from './browser.js';
import { HoiNghiPage } from './page.js';
import { servedPage } from './suite.js';

const PASTED = 'Ngày 3/6/2024, Tỉnh ủy Bình Định tổ chức Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 20.';
const NEW_TITLE = 'Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Bình Định';
const BLOCKED = /Một thẻ Hội Nghị khác đang mở phiên bản cũ của trang.*hãy đóng \(hoặc tải lại\) thẻ đó/;

describe('Two tabs', () => {
  const served = servedPage();
  let server, browser, guarded, app, page;
  beforeEach(() => ({ server, browser, guarded, app, page } = served));

  /** Another tab of the same browser profile, its logged errors kept in `errors`. */
  async function otherTab() {
    const tab = new HoiNghiPage(await page.context().newPage());
    tab.errors = [];
    tab.page.on('console', (msg) => { if (msg.type() === 'error') tab.errors.push(msg.text()); });
    tab.page.on('pageerror', (e) => tab.errors.push(e.message));
    return tab;
  }

  it('a tab holding version 1 open: the new tab says to close it, goes on in memory, stores once it is closed', async () => {
    // An article as the first version stored it (the workspace file's article entry), from a browser profile
    // of its own; then a fresh profile for the spec.
    await app.open(server.url);
    await app.loadSamples();
    const [stored] = JSON.parse((await app.download(app.byTestId('save-workspace'))).text).articles;
    await guarded.close();
    guarded = await openGuardedPage(browser, server.origin);
    page = guarded.page;
    app = new HoiNghiPage(page);

    // The old tab: version 1 open, and never closed when asked (as the first version's page did).
    const old = await page.context().newPage();
    // A tab of the same origin that is not the page (the server's answer outside the sub-path).
    await old.goto(`${server.origin}/`);
    await old.evaluate((a) => new Promise((ok, no) => {
      const open = indexedDB.open('hoinghi', 1);
      open.onupgradeneeded = () => {
        open.result.createObjectStore('articles').put([a.name, JSON.stringify(a)], 1);
        open.result.createObjectStore('state');
      };
      open.onsuccess = () => { window.held = open.result; ok(); };
      open.onerror = () => no(open.error);
    }), stored);

    await app.open(server.url);
    await page.waitForFunction((re) => new RegExp(re).test(document.querySelector('[data-testid="message"]')?.textContent ?? ''), BLOCKED.source);
    // Work goes on in memory meanwhile.
    await app.fillAndAdd(PASTED);
    await app.waitForArticles(1);
    assert.match(await app.message.innerText(), BLOCKED);
    await app.screenshot('tabs-01-blocked');
    await page.setViewportSize({ width: 390, height: 844 });
    await app.screenshot('tabs-01-blocked-phone');
    await page.setViewportSize({ width: 1100, height: 900 });

    // The old tab closed: the upgrade runs, the stored article comes back beside the pasted one, the message goes.
    await old.close();
    await app.waitForArticles(2, 30_000);
    await page.waitForFunction(() => !document.querySelector('[data-testid="message"]'));
    const names = await app.byTestId('article-source').allInnerTexts();
    assert.deepEqual([...names].sort(), [stored.name, 'Bài dán 1'].sort());
    await page.reload();
    await app.pasteBox.waitFor();
    await app.waitForArticles(2, 30_000);
    assert.deepEqual([...await app.byTestId('article-source').allInnerTexts()].sort(), [...names].sort(), 'both stored');
  });

  it('a newer version opened in another tab: this tab lets go at once and says to reload, keeping its articles', async () => {
    await app.open(server.url);
    await app.loadSamples();
    const newer = await page.context().newPage();
    await newer.goto(`${server.origin}/`);
    const opened = await newer.evaluate(() => new Promise((ok, no) => {
      let blocked = false;
      // A version newer than any this page knows.
      const open = indexedDB.open('hoinghi', 1000);
      open.onblocked = () => { blocked = true; };
      open.onsuccess = () => { ok({ version: open.result.version, blocked }); open.result.close(); };
      open.onerror = () => no(open.error);
    }));
    assert.deepEqual(opened, { version: 1000, blocked: false }, 'the page let go when asked');
    await app.message.waitFor();
    assert.match(await app.message.innerText(), /Trang vừa được cập nhật ở một thẻ khác: hãy tải lại thẻ này/);
    assert.equal(await app.articleItems.count(), 5, 'the articles stay on the page');
    await app.screenshot('tabs-02-replaced');
  });

  /** Opens the correction card of the official called `name` (officials tab) in `tab`. */
  async function openOfficial(tab, name) {
    await tab.tab('officials').click();
    await tab.officialRow(name).locator('[data-testid="official-name"]').click();
    await tab.byTestId('official-form').waitFor();
  }

  /** The title correction of the corrections spec, made in `tab`. */
  async function correctTitle(tab) {
    await openOfficial(tab, 'Nguyễn Thị Phong Vũ');
    await tab.byTestId('edit-titles').fill(['Trưởng Ban Dân vận Tỉnh ủy', NEW_TITLE].join('\n'));
    await tab.byTestId('save-official').click();
    await tab.officialRow('Nguyễn Thị Phong Vũ').locator('[data-testid="corrected"]').waitFor();
  }

  /** Deletes the official Y Ngọc in `tab`. */
  async function deleteYNgoc(tab) {
    await openOfficial(tab, 'Y Ngọc');
    await tab.byTestId('delete-official').click();
    await tab.page.waitForFunction(() => ![...document.querySelectorAll('[data-testid="official-name"]')].some((e) => e.textContent.trim() === 'Y Ngọc'));
  }

  /** Whether `tab` shows both corrections: the new title, and Y Ngọc gone. */
  async function bothCorrections(tab) {
    await tab.tab('officials').click();
    await tab.titlesOf('Nguyễn Thị Phong Vũ').waitFor();
    return {
      title: (await tab.titlesOf('Nguyễn Thị Phong Vũ').innerText()).includes(NEW_TITLE),
      deleted: (await tab.officialRow('Y Ngọc').count()) === 0,
    };
  }

  async function reloaded(tab) {
    await tab.page.reload();
    await tab.waitForArticles(5, 30_000);
    return bothCorrections(tab);
  }

  // Each case: whether the second tab hears the first (a BroadcastChannel); either way, neither correction
  // is lost when the other tab keeps its own.
  for (const hears of [true, false]) {
    it(`corrections in two tabs are both kept${hears ? ', and each tab shows the other’s at once' : ' (a tab that never heard of the other’s)'}`, async () => {
      const second = await otherTab();
      if (!hears) await second.page.addInitScript(() => { Object.defineProperty(window, 'BroadcastChannel', { value: undefined }); });
      await Promise.all([app.open(server.url), second.open(server.url)]);
      await app.loadSamples();
      await second.loadSamples();

      await second.tab('officials').click();
      await correctTitle(app);
      if (hears) {
        await second.page.waitForFunction((t) => document.querySelector('[data-testid="officials-table"]')?.textContent.includes(t), NEW_TITLE);
      } else {
        assert.deepEqual(await bothCorrections(second), { title: false, deleted: false }, 'the second tab has not heard');
      }
      await deleteYNgoc(second);
      // The second tab took the first's correction in as it kept its own.
      await second.page.waitForFunction((t) => document.querySelector('[data-testid="officials-table"]')?.textContent.includes(t), NEW_TITLE);
      if (hears) {
        await page.waitForFunction(() => ![...document.querySelectorAll('[data-testid="official-name"]')].some((e) => e.textContent.trim() === 'Y Ngọc'));
        assert.deepEqual(await bothCorrections(app), { title: true, deleted: true }, 'the first tab shows the second’s');
        await app.screenshot('tabs-03-both-corrections');
      }
      assert.deepEqual(await reloaded(app), { title: true, deleted: true }, 'the first tab, reloaded');
      assert.deepEqual(await reloaded(second), { title: true, deleted: true }, 'the second tab, reloaded');
      await second.page.close();
      assert.deepEqual(second.errors, [], 'the second tab logged errors');
    });
  }
});
