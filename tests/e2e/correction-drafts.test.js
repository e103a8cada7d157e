// Browser specs of what the user types in the correction card (src/components/correction_card.rs, evidence.rs):
// typed and not yet saved, it stays in its field, focused, while a batch of articles loads (the list updates every
// 400 ms) and when the merge worker answers, and then saves. (The card used to be made again at each update and
// at each answer, its fields back to the extracted values.)
// Run through `make e2e` (after `make dist`): node --test tests/e2e/
import { before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { servedPage } from './suite.js';

const ARTICLE = 'Bình Định, ngày 5/6/2024\n\nSáng 5/6, UBND tỉnh Bình Định tổ chức hội nghị triển khai nhiệm vụ năm 2024. '
  + 'Ông Nguyễn Văn Bình, Chủ tịch UBND tỉnh Bình Định, chủ trì hội nghị.\n';
/** How many articles the batch loaded while the user types holds: enough for several of the list's updates. */
const BATCH = 300;

describe('Correction card: what is typed survives the updates of the page', () => {
  const served = servedPage();
  let server, app, page;
  beforeEach(() => ({ server, app, page } = served));
  let paths;

  before(async () => {
    // Other articles of other officials and meetings, each its own (the page refuses a copy).
    const dir = join('target', 'e2e-drafts');
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    paths = [];
    for (let i = 0; i < BATCH; i++) {
      const path = join(dir, `${String(i).padStart(4, '0')}.txt`);
      const day = 1 + (i % 28);
      await writeFile(path, `Kon Tum, ngày ${day}/3/2024\n\nSáng ${day}/3, UBND tỉnh Kon Tum tổ chức hội nghị sơ kết số ${i}. `
        + `Ông Trần Văn Hùng, Phó Chủ tịch UBND tỉnh Kon Tum, chủ trì hội nghị.\n\nBan luu so ${i}.\n`);
      paths.push(path);
    }
  });

  /** The value of the field `testId`, whether it has the focus, and where its caret is. */
  async function field(testId) {
    return page.evaluate((id) => {
      const el = document.querySelector(`[data-testid="${id}"]`);
      return { value: el?.value, focused: !!el && document.activeElement === el, caret: el?.selectionStart };
    }, testId);
  }

  /** Waits until `n` articles are on the page (the list shows a window of them: its heading counts) and the batch
   * is done. */
  async function waitForCount(n) {
    await page.waitForFunction((n) => !document.querySelector('[data-testid="progress"]')
      && new RegExp(`^\\D*\\(${n}\\b`).test(document.querySelector('[data-testid="articles-count"]')?.textContent ?? ''),
    n, { timeout: 120_000 });
  }

  it('typed during a load stays typed and focused, then saves; typed before a merge answers stays too', async () => {
    await app.open(server.url);
    await app.fillAndAdd(ARTICLE);
    await app.waitForArticles(1);
    await app.tab('officials').click();
    await app.officialRow('Nguyễn Văn Bình').getByTestId('official-name').click();
    const name = app.byTestId('edit-name');
    await name.waitFor();

    // A batch starts; the user types into the name while it loads, a key at a time.
    await app.chooseFiles(paths);
    await app.progress.waitFor();
    await name.click();
    await page.keyboard.press('Home');
    await page.keyboard.type('Sửa ', { delay: 150 });
    await page.waitForTimeout(500);
    // The list updated meanwhile: the caret stayed where the user typed (it used to jump to the end).
    await page.keyboard.type('Ô ', { delay: 150 });
    await waitForCount(BATCH + 1);
    // The merge answered at the end of the batch: everyone is in the table.
    await app.officialRow('Trần Văn Hùng').waitFor();
    assert.deepEqual(await field('edit-name'), { value: 'Sửa Ô Nguyễn Văn Bình', focused: true, caret: 'Sửa Ô '.length });
    await app.screenshot('drafts-01-typed-during-load');
    await page.setViewportSize({ width: 390, height: 844 });
    await app.screenshot('drafts-01-typed-during-load-phone');
    await page.setViewportSize({ width: 1100, height: 900 });

    // Saved: the table names the official so.
    await app.byTestId('save-official').click();
    await app.officialRow('Sửa Ô Nguyễn Văn Bình').waitFor();
    assert.equal(await app.byTestId('edit-name').inputValue(), 'Sửa Ô Nguyễn Văn Bình');

    // A title typed, not saved; another article removed (the click takes the focus): the merge worker answers
    // (the other official has one article less), the typed title is still there, and saves.
    const titles = app.byTestId('edit-titles');
    const extracted = await titles.inputValue();
    await titles.click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type('\nBí thư Tỉnh ủy');
    const hung = app.officialRow('Trần Văn Hùng').getByTestId('official-articles');
    assert.equal((await hung.innerText()).trim(), String(BATCH));
    await app.articleItems.filter({ hasText: '0000.txt' }).getByTestId('remove-article').click();
    await page.waitForFunction((n) => [...document.querySelectorAll('[data-testid="official-row"]')]
      .some((r) => /Trần Văn Hùng/.test(r.textContent) && r.querySelector('[data-testid="official-articles"]').textContent.trim() === n),
    String(BATCH - 1), { timeout: 15_000 });
    assert.equal((await field('edit-titles')).value, `${extracted}\nBí thư Tỉnh ủy`);
    await app.byTestId('save-official').click();
    await app.titlesOf('Sửa Ô Nguyễn Văn Bình').filter({ hasText: 'Bí thư Tỉnh ủy' }).waitFor();
  });
});
