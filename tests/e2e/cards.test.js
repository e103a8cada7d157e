// Browser specs of the cards of a meeting (#/cuoc-hop/<id>) and of a document (#/van-ban/<id>): opened from
// the timeline (its list and a mark of the picture) and from the documents table, their people, reports and
// citations, the way back, and their addresses after a reload.
// Run through `make e2e` (after `make dist`): node --test tests/e2e/
import { before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { servedPage } from './suite.js';

/** Two outlets report one meeting (hop-a, hop-b); a third article another; three documents cited among them. */
const ARTICLES = [
  {
    name: 'hop-a.txt',
    text: 'Tỉnh ủy Bình Định giao ban công tác dân vận\n\n'
      + 'Sáng 3/2/2024, Ban Dân vận Tỉnh ủy Bình Định tổ chức hội nghị giao ban công tác dân vận. '
      + 'Đồng chí Lê Văn Bình, Phó Bí thư Thường trực Tỉnh ủy chủ trì hội nghị. Dự hội nghị có đồng chí Trần Thị Hoa, '
      + 'Trưởng Ban Dân vận Tỉnh ủy; đồng chí Phạm Quốc Hùng, Phó Chủ tịch UBND tỉnh.\n\n'
      + 'Hội nghị quán triệt Nghị quyết số 68-NQ/TW của Bộ Chính trị về phát triển kinh tế tư nhân và Chỉ thị số 9-CT/TW của Ban Bí thư.\n',
  },
  {
    name: 'hop-b.txt',
    text: 'Bình Định: giao ban dân vận đầu năm\n\n'
      + 'Ngày 3/2/2024, Ban Dân vận Tỉnh ủy Bình Định tổ chức hội nghị giao ban công tác dân vận quý I. '
      + 'Đồng chí Lê Văn Bình, Phó Bí thư Thường trực Tỉnh ủy chủ trì hội nghị.\n\n'
      + 'Các đại biểu thảo luận việc thực hiện Nghị quyết số 68-NQ/TW trong hệ thống dân vận.\n',
  },
  {
    name: 'hop-c.txt',
    text: 'UBND tỉnh Bình Định họp về kinh tế tư nhân\n\n'
      + 'Chiều 10/3/2024, UBND tỉnh Bình Định tổ chức hội nghị triển khai kế hoạch phát triển kinh tế tư nhân. '
      + 'Đồng chí Phạm Quốc Hùng, Phó Chủ tịch UBND tỉnh chủ trì hội nghị.\n\n'
      + 'Hội nghị triển khai Kế hoạch số 120/KH-UBND thực hiện Nghị quyết số 68-NQ/TW.\n',
  },
];

describe('Hội Nghị cards of a meeting and of a document', () => {
  const served = servedPage();
  let server, app, page;
  beforeEach(() => ({ server, app, page } = served));
  let dir;

  before(async () => {
    dir = join(tmpdir(), `hoinghi-cards-${process.pid}`);
    await mkdir(dir, { recursive: true });
  });

  /** Writes the articles as files; their paths. */
  async function written(made) {
    const paths = [];
    for (const a of made) {
      const p = join(dir, a.name);
      await writeFile(p, a.text);
      paths.push(p);
    }
    return paths;
  }

  async function loadArticles() {
    await app.open(server.url);
    await app.chooseFiles(await written(ARTICLES));
    await app.waitForArticles(ARTICLES.length, 30_000);
  }

  const texts = (id) => app.byTestId(id).allInnerTexts();
  const hash = () => page.evaluate(() => location.hash);

  /** Reloads the page (the articles come back from storage) and waits for `card` to show `text` in `field`. */
  async function reloadTo(card, field, text) {
    const address = await page.evaluate(() => location.href);
    await page.reload();
    await app.byTestId(card).waitFor({ timeout: 30_000 });
    await page.waitForFunction(
      ([id, t]) => document.querySelector(`[data-testid="${id}"]`)?.innerText.includes(t), [field, text],
      { timeout: 30_000 },
    );
    assert.equal(await page.evaluate(() => location.href), address, 'the address is kept');
  }

  it("a meeting's card from the timeline: its day, people, reports and documents; a person from it; its address after a reload", async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await loadArticles();
    const item = app.meetings.filter({ hasText: 'quý I' });
    await item.screenshot({ path: 'tests/screenshots/34-timeline-item-card-link.png' });
    await item.getByTestId('meeting-card-open').click();
    await app.byTestId('meeting-card').waitFor();
    assert.match(await app.byTestId('meeting-card-name').innerText(), /giao ban công tác dân vận quý I/);
    assert.match(await hash(), /^#\/cuoc-hop\/\d+$/);
    assert.equal(await app.byTestId('tab-timeline').getAttribute('aria-selected'), 'true', 'lit under the timeline');
    assert.match(await app.byTestId('meeting-card-date').innerText(), /03\/02\/2024/);
    assert.deepEqual(await texts('meeting-card-chair'), ['Lê Văn Bình']);
    assert.deepEqual(await texts('meeting-card-attendee'), ['Trần Thị Hoa', 'Phạm Quốc Hùng']);
    assert.equal(await app.byTestId('meeting-report').count(), 2, 'two outlets report it');
    assert.match((await texts('meeting-report-sentence')).join(' | '), /Sáng 3\/2\/2024, Ban Dân vận .* \| Ngày 3\/2\/2024/);
    const documents = await texts('meeting-document');
    assert.equal(documents.length, 2);
    assert.ok(documents.some((d) => d.startsWith('68-NQ/TW')) && documents.some((d) => d.startsWith('9-CT/TW')), documents.join());
    await app.byTestId('meeting-card').screenshot({ path: 'tests/screenshots/30-meeting-card-desktop.png' });

    // A report opens its sentence in the evidence panel, which steps through both.
    await app.byTestId('meeting-report').nth(1).getByRole('button').click();
    await app.evidence.waitFor({ state: 'visible' });
    assert.equal(await app.byTestId('evidence-source').innerText(), 'hop-b.txt');
    assert.equal(await app.byTestId('evidence-position').innerText(), '2 / 2');
    assert.match(await app.evidenceMark.innerText(), /giao ban công tác dân vận quý I/);
    await app.byTestId('evidence-close').click();

    // The address survives a reload; from the card to a person's card.
    await reloadTo('meeting-card', 'meeting-card-name', 'quý I');
    await app.byTestId('meeting-card-attendee').filter({ hasText: 'Trần Thị Hoa' }).click();
    await app.byTestId('person-card').waitFor();
    assert.equal(await app.byTestId('person-name').innerText(), 'Trần Thị Hoa');
    assert.match(await hash(), /^#\/can-bo\/\d+$/);

    // A mark of the visual timeline opens the evidence and offers the meeting's card.
    await app.byTestId('tab-timeline').click();
    const canvas = app.byTestId('timeline-canvas');
    await canvas.waitFor({ state: 'visible' });
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    let mark = null;
    for (let x = box.x + 100; x < box.x + box.width - 4 && !mark; x += 2) {
      await page.mouse.move(x, box.y + 52);
      if (/quý I/.test(await app.byTestId('timeline-hover').innerText())) mark = { x, y: box.y + 52 };
    }
    assert.ok(mark, 'the mark of the meeting answers the pointer');
    await page.mouse.click(mark.x, mark.y);
    await app.evidence.waitFor({ state: 'visible' });
    await app.byTestId('timeline-open-card').click();
    await page.waitForFunction(() => /quý I/.test(document.querySelector('[data-testid="meeting-card-name"]')?.innerText ?? ''));
  });

  it("a document's card from the table: counts, each citation opening its sentence, its meetings; its address after a reload", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await loadArticles();
    await app.byTestId('tab-documents').click();
    assert.deepEqual(await texts('document-number'), ['9-CT/TW', '68-NQ/TW', '120/KH-UBND'], 'numbers sort as numbers');
    await app.documentRows.filter({ hasText: '68-NQ/TW' }).getByTestId('document-card-open').click();
    await app.byTestId('document-card').waitFor();
    assert.match(await hash(), /^#\/van-ban\/\d+$/);
    assert.equal(await app.byTestId('tab-documents').getAttribute('aria-selected'), 'true', 'lit under the documents');
    assert.equal(await app.byTestId('document-card-title').innerText(), 'Nghị quyết 68-NQ/TW');
    assert.equal(await app.byTestId('document-counts').innerText(), 'Được trích 3 lần trong 3 bài · 2 hội nghị');
    assert.equal(await app.byTestId('document-citation').count(), 3);
    const sentences = await texts('document-citation-sentence');
    assert.ok(sentences.every((s) => s.includes('68-NQ/TW')), sentences.join(' | '));
    assert.match(sentences.join(' | '), /Kế hoạch số 120\/KH-UBND thực hiện Nghị quyết số 68-NQ\/TW\./);
    assert.equal(await app.byTestId('document-meeting').count(), 2);
    await app.byTestId('document-card').screenshot({ path: 'tests/screenshots/31-document-card-phone.png' });

    // A citation opens its sentence, the number marked.
    await app.byTestId('document-citation').nth(2).getByRole('button').click();
    await app.evidence.waitFor({ state: 'visible' });
    assert.equal(await app.byTestId('evidence-source').innerText(), 'hop-c.txt');
    assert.equal(await app.byTestId('evidence-position').innerText(), '3 / 3');
    assert.match(await app.evidenceMark.innerText(), /68-NQ\/TW/);
    await app.byTestId('evidence-close').click();

    // The address survives a reload; a meeting citing it opens its card, and "‹ Quay lại" goes back the same way.
    await reloadTo('document-card', 'document-card-title', '68-NQ/TW');
    await app.byTestId('document-meeting').filter({ hasText: 'kinh tế tư nhân' }).getByRole('button').click();
    await app.byTestId('meeting-card').waitFor();
    assert.deepEqual(await texts('meeting-card-chair'), ['Phạm Quốc Hùng']);
    await app.byTestId('meeting-card').screenshot({ path: 'tests/screenshots/32-meeting-card-phone.png' });
    await app.byTestId('card-back').click();
    await app.byTestId('document-card').waitFor();
    await app.byTestId('card-back').click();
    await app.byTestId('documents-table').waitFor();
    assert.equal(await hash(), '#/van-ban');
  });

  it("a document's card at desktop width, its long list cut until 'Xem thêm', and an address naming no card", async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await loadArticles();
    await app.byTestId('tab-documents').click();
    await app.documentRows.filter({ hasText: '68-NQ/TW' }).getByTestId('document-card-open').click();
    await app.byTestId('document-card').waitFor();
    await app.byTestId('document-card').screenshot({ path: 'tests/screenshots/33-document-card-desktop.png' });

    // Cited 101 times: the first 100 citations, then the rest on asking.
    const more = Array.from({ length: 98 }, (_, i) => ({
      name: `trich-${String(i).padStart(2, '0')}.txt`,
      text: `Tin số ${i}\n\nCác cơ quan của tỉnh tiếp tục thực hiện Nghị quyết số 68-NQ/TW (bài ${i}).\n`,
    }));
    await app.chooseFiles(await written(more));
    // (The list shows its first 50 articles: wait on the count in its heading.)
    await page.waitForFunction(
      () => /^Bài đã nạp \(101\)/.test(document.querySelector('[data-testid="articles-count"]')?.innerText ?? '')
        && !document.querySelector('[data-testid="progress"]'),
      null, { timeout: 60_000 },
    );
    await app.byTestId('tab-documents').click();
    await app.documentRows.filter({ hasText: '68-NQ/TW' }).getByTestId('document-card-open').click();
    await app.byTestId('document-card').waitFor();
    assert.match(await app.byTestId('document-counts').innerText(), /^Được trích 101 lần trong 101 bài · 2 hội nghị$/);
    assert.equal(await app.byTestId('document-citation').count(), 100);
    await app.byTestId('document-citations-more').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="document-citation"]').length === 101);
    assert.equal(await app.byTestId('document-citations-more').count(), 0, 'nothing more to show');
    // A stale link (the article removed, or another set of articles): the card says so, the page stays.
    await page.evaluate(() => { location.hash = '#/cuoc-hop/999'; });
    await app.byTestId('meeting-missing').waitFor();
    await page.evaluate(() => { location.hash = '#/van-ban/999'; });
    await app.byTestId('document-missing').waitFor();
    await app.byTestId('tab-documents').click();
    assert.equal(await app.documentRows.count(), 3, 'the articles are all there');
  });
});
