// The hooks every spec file shares: the built page served from its sub-path (BASE_PATH) and one Chromium for
// the file; a fresh guarded page for each spec, checked after it for requests to other hosts and logged
// errors. Call `servedPage()` inside `describe`; its fields are filled before each spec runs.
import { after, afterEach, before, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';

import { launchBrowser, openGuardedPage } from './browser.js';
import { HoiNghiPage } from './page.js';
import { startServer } from './server.js';

/** Registers the hooks; returns { server, browser, guarded, page, app }, current for the spec running. */
export function servedPage() {
  const s = {};
  before(async () => {
    assert.ok(process.env.BASE_PATH, 'BASE_PATH is not set: run the browser tests through `make e2e`');
    await mkdir('tests/screenshots', { recursive: true });
    s.server = await startServer({ dist: 'dist', basePath: process.env.BASE_PATH });
    s.browser = await launchBrowser();
  });
  after(async () => {
    await s.browser?.close();
    await s.server?.close();
  });
  beforeEach(async () => {
    s.guarded = await openGuardedPage(s.browser, s.server.origin);
    s.page = s.guarded.page;
    s.app = new HoiNghiPage(s.page);
  });
  afterEach(async () => {
    const { offsite, errors } = s.guarded.problems();
    await s.guarded.close();
    assert.deepEqual(offsite, [], 'the page requested something from another host');
    assert.deepEqual(errors, [], 'the page logged errors');
  });
  return s;
}
