// Browser end-to-end specs of the built page, served from its sub-path (BASE_PATH).
// Run through `make e2e` (after `make dist`): node --test tests/e2e/
import { after, before, beforeEach, afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';

import { launchBrowser, openGuardedPage } from './browser.js';
import { HoiNghiPage } from './page.js';
import { startServer } from './server.js';

const BASE_PATH = process.env.BASE_PATH;
const SHARED = process.env.SHARED ?? '../shared';
const ARTICLE_000 = `${SHARED}/eval/dev/000_a1b6cc5c598c13a5.txt`;

describe('Hội Nghị page', () => {
  let server, browser, guarded, app;

  before(async () => {
    assert.ok(BASE_PATH, 'BASE_PATH is not set: run the browser tests through `make e2e`');
    await mkdir('tests/screenshots', { recursive: true });
    server = await startServer({ dist: 'dist', basePath: BASE_PATH });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  beforeEach(async () => {
    guarded = await openGuardedPage(browser, server.origin);
    app = new HoiNghiPage(guarded.page);
  });

  afterEach(async () => {
    const { offsite, errors } = guarded.problems();
    await guarded.close();
    assert.deepEqual(offsite, [], 'the page requested something from another host');
    assert.deepEqual(errors, [], 'the page logged errors');
  });

  it('loads from the sub-path, in Vietnamese, and says nothing leaves the browser', async () => {
    await app.open(server.url);
    await app.screenshot('01-empty-page');
    assert.equal(await guarded.page.locator('html').getAttribute('lang'), 'vi');
    assert.match(await app.privacyNote.innerText(), /trình duyệt/);
    assert.match(await app.officialsHint.innerText(), /Trích xuất/);
  });

  it('pasting article 000 lists Nguyễn Thị Phong Vũ as Trưởng Ban Dân vận Tỉnh ủy', async () => {
    const article = await readFile(ARTICLE_000, 'utf8');
    await app.open(server.url);
    await app.paste(article);
    await app.officialsTable.waitFor({ state: 'visible', timeout: 10_000 }).catch(() => {});
    await app.screenshot('02-article-000');
    assert.equal(await app.pasteBox.inputValue(), article, 'the paste box holds the article');
    await app.officialRow('Nguyễn Thị Phong Vũ').waitFor({ state: 'visible', timeout: 5_000 });
    assert.match(await app.titlesOf('Nguyễn Thị Phong Vũ').innerText(), /Trưởng Ban Dân vận Tỉnh ủy/);
  });

  it('an unknown address under the sub-path still serves the page (404.html)', async () => {
    guarded.expectError(/status of 404/);
    const response = await guarded.page.goto(server.url + 'khong-co-trang-nay');
    assert.equal(response.status(), 404);
    await app.pasteBox.waitFor({ state: 'visible' });
    await app.fillAndExtract('Không có ai ở đây.');
    await app.byTestId('officials-empty').waitFor({ state: 'visible' });
    await app.screenshot('03-404-fallback');
    await app.clear();
    await app.officialsHint.waitFor({ state: 'visible' });
    assert.equal(await app.pasteBox.inputValue(), '');
  });
});
