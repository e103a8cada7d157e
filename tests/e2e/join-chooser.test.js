// Browser specs of the correction card's join chooser (src/components/correction_card.rs): the people and the
// documents it offers follow the merged view while the card stays open, through a load, a join, a split and a
// removal (they were computed once when the card opened, and went stale).
// Run through `make e2e` (after `make dist`): node --test tests/e2e/
import { beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { servedPage } from './suite.js';

const Y_NGOC = 'Kon Tum, ngày 9/5/2024\n\nChiều 9/5, ông Y Ngoc, Phó Chủ tịch UBND tỉnh Kon Tum, chủ trì hội nghị triển khai công tác dân vận.';
/** An article of someone else. */
const OTHER = 'Hà Nội, ngày 10/5/2024\n\nSáng 10/5, ông Nguyễn Văn An, Phó Chủ tịch UBND TP Hà Nội, chủ trì hội nghị sơ kết công tác quý I.';
/** The sample article that names Y Ngọc (public/samples). */
const SAMPLE_WITH_Y_NGOC = 'mẫu-001.txt';

describe('Correction card: the join chooser follows the merged view', () => {
  const served = servedPage();
  let server, app, page;
  beforeEach(() => ({ server, app, page } = served));

  /** The options of a chooser, as the user reads them (the prompt left out). */
  async function offered(testId) {
    const chooser = app.byTestId(testId);
    if (!(await chooser.count())) return [];
    return (await chooser.locator('option').allInnerTexts()).filter((o) => !o.startsWith('—'));
  }

  /** Waits until the chooser `testId` offers something matching `re` (or, with `present` false, nothing). */
  async function waitForOffer(testId, re, present = true) {
    await page.waitForFunction(({ testId, source, present }) => {
      const options = [...document.querySelectorAll(`[data-testid="${testId}"] option`)].map((o) => o.textContent);
      return options.some((o) => new RegExp(source).test(o)) === present;
    }, { testId, source: re.source, present }, { timeout: 15_000 });
  }

  it('people: a load adds a candidate, a join and a split change it, a removal takes it away', async () => {
    await app.open(server.url);
    await app.fillAndAdd(Y_NGOC);
    await app.waitForArticles(1);
    await app.tab('officials').click();
    await app.officialRow('Y Ngoc').locator('[data-testid="official-name"]').click();
    await app.byTestId('official-form').waitFor();
    assert.deepEqual(await offered('join-person-with'), [], 'alone on the page: nobody to join');

    // The samples come while the card is open: Y Ngọc (another article, same given name) is offered.
    await app.samplesButton.click();
    await app.waitForArticles(6, 30_000);
    await waitForOffer('join-person-with', /^Y Ngọc/);
    assert.equal(await app.byTestId('split-person').count(), 0, 'one article: nothing to split off');

    // Joined: the card now offers the split, and Y Ngọc no longer as someone else.
    const option = (await offered('join-person-with')).find((o) => o.startsWith('Y Ngọc'));
    await app.byTestId('join-person-with').selectOption({ label: option });
    // Another article comes before the click: the card is made again, and keeps the choice, ready to join (its
    // button went disabled while the chooser still showed the choice).
    await app.fillAndAdd(OTHER);
    await app.waitForArticles(7);
    await page.waitForFunction(() => /Nguyễn Văn An/.test(document.querySelector('[data-testid="officials-table"]')?.textContent ?? ''));
    assert.equal(await app.byTestId('join-person-with').evaluate((s) => s.selectedOptions[0]?.textContent), option);
    assert.equal(await app.byTestId('join-person').isEnabled(), true);
    await app.byTestId('join-person').click();
    await app.byTestId('split-person').waitFor();
    await waitForOffer('join-person-with', /^Y Ngọc/, false);
    await app.screenshot('join-01-joined');
    await page.setViewportSize({ width: 390, height: 844 });
    await app.screenshot('join-01-joined-phone');
    await page.setViewportSize({ width: 1100, height: 900 });

    // Split again: Y Ngọc is offered once more.
    await app.byTestId('split-person').click();
    await waitForOffer('join-person-with', /^Y Ngọc/);
    await page.waitForFunction(() => !document.querySelector('[data-testid="split-person"]'));

    // The article naming Y Ngọc removed: nobody is left to offer.
    await app.articleItems.filter({ hasText: SAMPLE_WITH_Y_NGOC }).getByTestId('remove-article').click();
    await app.waitForArticles(6);
    await waitForOffer('join-person-with', /^Y Ngọc/, false);
    assert.equal(await app.byTestId('official-form').count(), 1, 'the card stays open');
  });

  it('documents: one cited by an article loaded while the card is open is offered, and gone once joined', async () => {
    await app.open(server.url);
    await app.fillAndAdd('Hà Nội, ngày 5/6/2024\n\nSáng 5/6, Thành ủy Hà Nội tổ chức hội nghị quán triệt Nghị quyết 68 của Bộ Chính trị về phát triển kinh tế tư nhân.');
    await app.waitForArticles(1);
    await app.tab('documents').click();
    await app.byTestId('document-number').filter({ hasText: /^\s*68\s*$/ }).click();
    await app.byTestId('document-form').waitFor();
    assert.deepEqual(await offered('join-document-with'), []);
    await app.fillAndAdd('Đà Nẵng, ngày 7/6/2024\n\nChiều 7/6, Thành ủy Đà Nẵng tổ chức hội nghị triển khai Nghị quyết số 68-NQ/TW ngày 4/5/2025 của Bộ Chính trị.');
    await app.waitForArticles(2);
    await waitForOffer('join-document-with', /68-NQ\/TW \(1 bài\)/);
    const option = (await offered('join-document-with')).find((o) => o.includes('68-NQ/TW'));
    await app.byTestId('join-document-with').selectOption({ label: option });
    await app.byTestId('join-document').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="document-row"]').length === 1);
    await waitForOffer('join-document-with', /68-NQ\/TW/, false);
  });
});
