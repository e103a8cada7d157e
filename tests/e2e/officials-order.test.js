// Browser specs of the officials table's order (src/components/officials_table.rs): everyone is sorted once per
// merged view and sort, and a filter shows some of them in that order; a change of the filters that keeps the same
// officials leaves the rows as they are (the table used to be sorted and built again at every change of the view),
// and rows that tie keep their order whatever the filters.
// Run through `make e2e` (after `make dist`): node --test tests/e2e/
import { beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { servedPage } from './suite.js';

describe('Officials table: sorted when the rows or the sort change, ties in one order', () => {
  const served = servedPage();
  let server, app, page;
  beforeEach(() => ({ server, app, page } = served));

  /** The names in the table, in its order. */
  async function names() {
    return (await app.byTestId('official-name').allInnerTexts()).map((n) => n.trim());
  }

  it('a filter that keeps everyone leaves the rows; one that keeps some keeps their order', async () => {
    await app.open(server.url);
    await app.loadSamples();
    await app.tab('officials').click();
    await app.officialRows.first().waitFor();
    // By the number of articles: most officials tie (one article each).
    await app.byTestId('sort-articles').click();
    const all = await names();
    assert.ok(all.length > 10, all.join(' | '));

    // The rows in the page, marked; a date filter from long before every article keeps every official.
    await page.evaluate(() => document.querySelectorAll('[data-testid="official-row"]').forEach((r) => { r.kept = true; }));
    await app.byTestId('filter-from').fill('2000-01-01');
    await page.waitForFunction(() => /2000-01-01|tu=/.test(location.hash));
    await page.waitForTimeout(300);
    assert.deepEqual(await names(), all);
    const kept = await page.evaluate(() => [...document.querySelectorAll('[data-testid="official-row"]')].every((r) => r.kept));
    assert.ok(kept, 'the rows are the same elements: nothing was sorted or built again');

    // A province keeps some: in the order they had among everyone, and back to it when cleared.
    await app.byTestId('filter-from').fill('');
    const province = await app.byTestId('filter-province').locator('option[value^="w:"]').first().getAttribute('value');
    await app.byTestId('filter-province').selectOption(province);
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="official-row"]').length < n, all.length);
    const some = await names();
    assert.deepEqual(some, all.filter((n) => some.includes(n)), `${province}: in the order of everyone`);
    await app.screenshot('officials-order-01-province');
    await page.setViewportSize({ width: 390, height: 844 });
    await app.screenshot('officials-order-01-province-phone');
    await page.setViewportSize({ width: 1100, height: 900 });
    await app.byTestId('filter-province').selectOption('');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="official-row"]').length === n, all.length);
    assert.deepEqual(await names(), all);
  });
});
