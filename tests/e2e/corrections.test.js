// Browser specs of corrections: a fact edited in place and carried into the tables, the CSV and a reload; a
// missed chair added from a selection in the evidence; undo and redo, and both after a reload; the corrected
// articles exported as gold and scored with shared/eval/score.py against the command-line extractor; two
// people joined and split; two documents joined, in the table, the CSV and after a reload.
// Run through `make e2e` (after `make dist`); the gold spec needs target/release/hoinghi and ../shared.
import { beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { servedPage } from './suite.js';

const SHARED = process.env.SHARED ?? '../shared';
const SCORE = join(SHARED, 'eval/score.py');
const HOINGHI = 'target/release/hoinghi';
const NEW_TITLE = 'Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Bình Định';
const TITLES = ['Ủy viên Ban Thường vụ Tỉnh ủy', 'Trưởng Ban Dân vận Tỉnh ủy', NEW_TITLE];

/** The cells of one CSV line (quoted cells unquoted). */
function csvCells(line) {
  return [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map(([, c]) => (c.startsWith('"') ? c.slice(1, -1).replace(/""/g, '"') : c));
}

describe('Corrections', () => {
  const served = servedPage();
  let server, browser, guarded, app, page;
  beforeEach(() => ({ server, browser, guarded, app, page } = served));

  /** Opens the evidence of the official called `name` (officials tab). */
  async function openOfficial(name) {
    await app.tab('officials').click();
    await app.officialRow(name).locator('[data-testid="official-name"]').click();
    await app.byTestId('official-form').waitFor();
  }

  /** Selects `text` inside the evidence panel's article text, as a user drags over it. */
  async function selectInEvidence(text) {
    await page.evaluate((needle) => {
      const root = document.querySelector('[data-testid="evidence-text"]');
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.data.indexOf(needle);
        if (at >= 0) {
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + needle.length);
          getSelection().removeAllRanges();
          getSelection().addRange(range);
          return;
        }
      }
      throw new Error(`"${needle}" is not in the evidence`);
    }, text);
  }

  /** Opens the card's "add what the extractor missed" section (it stays as the user left it). */
  async function openAddMissed() {
    const section = page.locator('details:has(> [data-testid="add-missed"])');
    if (!(await section.evaluate((d) => d.open))) await app.byTestId('add-missed').click();
  }

  /** Opens the evidence of the meeting whose name contains `words` (timeline). */
  async function openMeeting(words) {
    await app.tab('timeline').click();
    await app.byTestId('meeting-name').filter({ hasText: words }).first().click();
    await app.byTestId('meeting-form').waitFor();
  }

  /** The chairs of the meeting whose name contains `words`, as the timeline shows them. */
  async function chairsOf(words) {
    const meeting = app.meetings.filter({ has: page.locator('[data-testid="meeting-name"]', { hasText: words }) });
    const chairs = meeting.locator('[data-testid="meeting-chairs"]');
    return (await chairs.count()) ? chairs.innerText() : '';
  }

  it('a corrected title shows in the officials table, the CSV and after a reload', async () => {
    await app.open(server.url);
    await app.loadSamples();
    await openOfficial('Nguyễn Thị Phong Vũ');
    await app.byTestId('edit-titles').fill(TITLES.join('\n'));
    await app.byTestId('save-official').click();
    await page.waitForFunction((t) => document.querySelector('[data-testid="officials-table"]')?.textContent.includes(t), NEW_TITLE);
    const row = app.officialRow('Nguyễn Thị Phong Vũ');
    assert.match(await row.locator('[data-testid="official-titles"]').innerText(), /tỉnh Bình Định/);
    assert.equal(await row.locator('[data-testid="corrected"]').innerText(), 'đã sửa');
    assert.equal(await app.byTestId('card-corrected').count(), 1, 'the card says the fact is corrected');
    await app.screenshot('c1-corrected-title');
    const csv = await app.download(app.byTestId('export-people'));
    assert.match(csv.text, new RegExp(NEW_TITLE));
    const json = JSON.parse((await app.download(app.byTestId('export-json'))).text);
    const vu = json.flatMap((r) => r.officials).find((o) => o.name === 'Nguyễn Thị Phong Vũ');
    assert.deepEqual(vu.titles, TITLES);
    // The search filter sees the corrected title too.
    await page.reload();
    await app.waitForArticles(5);
    await app.tab('officials').click();
    await app.titlesOf('Nguyễn Thị Phong Vũ').waitFor();
    assert.match(await app.titlesOf('Nguyễn Thị Phong Vũ').innerText(), /tỉnh Bình Định/);
    assert.equal(await app.officialRow('Nguyễn Thị Phong Vũ').locator('[data-testid="corrected"]').count(), 1);
    // The workspace file keeps it: save, clear, open.
    const saved = await app.download(app.byTestId('save-workspace'));
    assert.equal(JSON.parse(saved.text).corrections.edits.length, 1);
    await app.clearAll();
    await app.byTestId('open-workspace').setInputFiles(saved.path);
    await app.waitForArticles(5);
    await app.tab('officials').click();
    await app.titlesOf('Nguyễn Thị Phong Vũ').waitFor();
    assert.match(await app.titlesOf('Nguyễn Thị Phong Vũ').innerText(), /tỉnh Bình Định/);
  });

  it('a missed chair is added from a selection in the evidence; undo and redo', async () => {
    await app.open(server.url);
    await app.loadSamples();
    await openMeeting('QCDC ở cơ sở');
    assert.equal(await chairsOf('QCDC ở cơ sở'), '', 'the extractor found no chair');
    await openAddMissed();
    await selectInEvidence('Nguyễn Chí Tài');
    await app.byTestId('add-chair').click();
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="meeting-chairs"]')].some((e) => e.textContent.includes('Nguyễn Chí Tài')));
    assert.equal(await chairsOf('QCDC ở cơ sở'), 'Nguyễn Chí Tài');
    assert.equal(await app.byTestId('edit-chairs').inputValue(), 'Nguyễn Chí Tài', 'the card shows the new chair');
    await app.screenshot('c2-chair-added');
    await page.setViewportSize({ width: 390, height: 800 });
    await app.screenshot('c2-chair-added-phone');
    await page.setViewportSize({ width: 1100, height: 900 });
    await app.byTestId('undo').click();
    await page.waitForFunction(() => ![...document.querySelectorAll('[data-testid="meeting-chairs"]')].some((e) => e.textContent.includes('Nguyễn Chí Tài')));
    assert.equal(await chairsOf('QCDC ở cơ sở'), '');
    assert.ok(await app.byTestId('undo').isDisabled(), 'nothing more to undo');
    await app.byTestId('redo').click();
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="meeting-chairs"]')].some((e) => e.textContent.includes('Nguyễn Chí Tài')));
    // A selection that is not in the article is refused with a reason.
    await page.evaluate(() => getSelection().removeAllRanges());
    await openAddMissed();
    await app.byTestId('add-chair').click();
    assert.match(await app.byTestId('correction-error').innerText(), /bôi đen/);
  });

  it('the corrected articles export as gold that score.py reads', { skip: !existsSync(SCORE) && `no ${SCORE}` }, async () => {
    assert.ok(existsSync(HOINGHI), `${HOINGHI} is missing: cargo build --release -p hoinghi-cli`);
    await app.open(server.url);
    await app.loadSamples();
    await openOfficial('Nguyễn Thị Phong Vũ');
    await app.byTestId('edit-titles').fill(TITLES.join('\n'));
    await app.byTestId('save-official').click();
    await app.officialRow('Nguyễn Thị Phong Vũ').locator('[data-testid="corrected"]').waitFor();
    await openMeeting('QCDC ở cơ sở');
    await openAddMissed();
    await selectInEvidence('Nguyễn Chí Tài');
    await app.byTestId('add-chair').click();
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="meeting-chairs"]')].some((e) => e.textContent.includes('Nguyễn Chí Tài')));
    await app.tab('officials').click();
    await app.officialRow('Y Ngọc').locator('[data-testid="official-name"]').click();
    await openAddMissed();
    await app.byTestId('article-checked').click();

    const zip = await app.download(app.byTestId('export-gold'));
    assert.match(zip.name, /^hoinghi-du-lieu-chuan-\d{4}-\d\d-\d\d\.zip$/);
    const dir = await mkdtemp(join(tmpdir(), 'hoinghi-gold-'));
    try {
      execFileSync('python3', ['-c', 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])', zip.path, dir]);
      const files = (await readdir(dir)).sort();
      assert.deepEqual(files, ['mẫu-000.gold.json', 'mẫu-000.txt', 'mẫu-001.gold.json', 'mẫu-001.txt', 'mẫu-004.gold.json', 'mẫu-004.txt']);
      const gold000 = JSON.parse(await readFile(join(dir, 'mẫu-000.gold.json'), 'utf8'));
      assert.deepEqual(gold000.officials.find((o) => o.name === 'Nguyễn Thị Phong Vũ').titles, TITLES);
      const gold004 = JSON.parse(await readFile(join(dir, 'mẫu-004.gold.json'), 'utf8'));
      assert.deepEqual(gold004.meetings[0].chairs, ['Nguyễn Chí Tài']);
      // As the README says: extract the .txt files with the CLI, then score against the gold.
      const txts = files.filter((f) => f.endsWith('.txt')).map((f) => join(dir, f));
      const pred = execFileSync(HOINGHI, ['extract', '--format', 'jsonl', ...txts], { encoding: 'utf8' });
      const score = (...args) => execFileSync('python3', [SCORE, '--gold', dir, '--pred', '-', ...args], { input: pred, encoding: 'utf8' });
      const summary = JSON.parse(score('--json'));
      assert.equal(summary['article.found'].accuracy, 1);
      assert.equal(summary['officials.name'].f1, 1, 'names were not corrected');
      assert.equal(summary['documents.number'].f1, 1, 'numbers were not corrected');
      assert.ok(summary['officials.titles'].recall < 1, 'the extractor misses the corrected title');
      assert.ok(summary['meetings.chairs'].recall < 1, 'the extractor misses the added chair');
      const errors = score('--errors');
      assert.match(errors, /== mẫu-000\n {2}officials\.titles: \{"missed": \[\["nguyễn thị phong vũ", "chủ tịch u[ỷy] ban mặt trận tổ quốc việt nam tỉnh bình định"\]\]/);
      assert.match(errors, /== mẫu-004\n {2}meetings\.chairs: \{"missed": \["nguyễn chí tài"\], "extra": \[\]\}/);
      assert.doesNotMatch(errors, /== mẫu-001/, 'the article checked as right scores in full');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('two people the extractor kept apart are joined, then split again', async () => {
    await app.open(server.url);
    await app.loadSamples();
    await app.fillAndAdd('Kon Tum, ngày 9/5/2024\n\nChiều 9/5, ông Y Ngoc, Phó Chủ tịch UBND tỉnh Kon Tum, chủ trì hội nghị triển khai công tác dân vận.');
    await app.waitForArticles(6);
    await app.tab('officials').click();
    await app.officialRow('Y Ngoc').waitFor();
    assert.equal(await app.officialRow('Y Ngọc').count(), 1);
    await openOfficial('Y Ngoc');
    assert.match(await app.byTestId('join-person-with').innerText(), /Y Ngọc/);
    await app.byTestId('join-person-with').selectOption({ label: (await app.byTestId('join-person-with').locator('option', { hasText: 'Y Ngọc' }).innerText()) });
    await app.byTestId('join-person').click();
    // One row now, under either spelling (the other is kept as a variant).
    const rowsNamed = () => page.evaluate(() => [...document.querySelectorAll('[data-testid="official-name"]')]
      .filter((e) => ['Y Ngoc', 'Y Ngọc'].includes(e.textContent.trim())).length);
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="official-name"]')]
      .filter((e) => ['Y Ngoc', 'Y Ngọc'].includes(e.textContent.trim())).length === 1);
    const joined = app.officialRows.filter({ has: page.locator('[data-testid="official-name"]', { hasText: /^\s*Y Ngo/ }) });
    assert.equal(await joined.locator('[data-testid="official-articles"]').innerText(), '2');
    assert.equal(await joined.locator('[data-testid="corrected"]').count(), 1);
    await app.screenshot('c3-people-joined');
    // The joined person's card offers to split this article off again.
    await joined.locator('[data-testid="official-name"]').click();
    await app.byTestId('split-person').click();
    await app.officialRow('Y Ngoc').waitFor();
    await app.officialRow('Y Ngọc').waitFor();
    assert.equal(await rowsNamed(), 2);
    assert.equal(await app.officialRow('Y Ngọc').locator('[data-testid="official-articles"]').innerText(), '1');
  });

  it('the undo history survives a reload: undo, reload, redo', async () => {
    await app.open(server.url);
    await app.loadSamples();
    await app.tab('officials').click();
    const original = await app.titlesOf('Nguyễn Thị Phong Vũ').innerText();
    assert.doesNotMatch(original, /tỉnh Bình Định/);
    await openOfficial('Nguyễn Thị Phong Vũ');
    await app.byTestId('edit-titles').fill(TITLES.join('\n'));
    await app.byTestId('save-official').click();
    await app.officialRow('Nguyễn Thị Phong Vũ').locator('[data-testid="corrected"]').waitFor();
    assert.ok(await app.byTestId('redo').isDisabled());

    const reload = async () => {
      await page.reload();
      await app.waitForArticles(5);
      await app.tab('officials').click();
      await app.titlesOf('Nguyễn Thị Phong Vũ').waitFor();
    };
    await reload();
    assert.match(await app.titlesOf('Nguyễn Thị Phong Vũ').innerText(), /tỉnh Bình Định/);
    assert.ok(await app.byTestId('undo').isEnabled(), 'the correction can be undone after the reload');
    await app.byTestId('undo').click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="officials-table"]')?.textContent.includes('tỉnh Bình Định'));
    assert.equal(await app.titlesOf('Nguyễn Thị Phong Vũ').innerText(), original);
    assert.equal(await app.officialRow('Nguyễn Thị Phong Vũ').locator('[data-testid="corrected"]').count(), 0);
    assert.ok(await app.byTestId('undo').isDisabled(), 'nothing more to undo');

    // Undone, reloaded: the correction stays undone and can be made again.
    await reload();
    assert.equal(await app.titlesOf('Nguyễn Thị Phong Vũ').innerText(), original);
    assert.ok(await app.byTestId('undo').isDisabled());
    await app.byTestId('redo').click();
    await page.waitForFunction((t) => document.querySelector('[data-testid="officials-table"]')?.textContent.includes(t), NEW_TITLE);
    assert.equal(await app.officialRow('Nguyễn Thị Phong Vũ').locator('[data-testid="corrected"]').count(), 1);
    await app.screenshot('c5-redone-after-reload');
  });

  it('two documents joined: one row in the documents table, in the CSV and after a reload', async () => {
    await app.open(server.url);
    await app.fillAndAdd('Hà Nội, ngày 5/6/2024\n\nSáng 5/6, Thành ủy Hà Nội tổ chức hội nghị quán triệt Nghị quyết 68 của Bộ Chính trị về phát triển kinh tế tư nhân.');
    await app.waitForArticles(1);
    await app.fillAndAdd('Đà Nẵng, ngày 7/6/2024\n\nChiều 7/6, Thành ủy Đà Nẵng tổ chức hội nghị triển khai Nghị quyết số 68-NQ/TW ngày 4/5/2025 của Bộ Chính trị.');
    await app.waitForArticles(2);
    await app.tab('documents').click();
    const numbers = () => app.byTestId('document-number').allInnerTexts();
    assert.deepEqual((await numbers()).sort(), ['68', '68-NQ/TW']);
    // The card of "68" offers the other 68 to join.
    await app.byTestId('document-number').filter({ hasText: /^\s*68\s*$/ }).click();
    await app.byTestId('document-form').waitFor();
    const chooser = app.byTestId('join-document-with');
    const option = await chooser.locator('option', { hasText: '68-NQ/TW' }).innerText();
    assert.match(option, /Nghị quyết 68-NQ\/TW \(1 bài\)/);
    await chooser.selectOption({ label: option });
    await app.byTestId('join-document').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="document-row"]').length === 1);
    const row = app.documentRows.first();
    assert.match(await row.locator('[data-testid="document-number"]').innerText(), /68/);
    assert.equal(await row.locator('[data-testid="corrected"]').count(), 1);
    assert.deepEqual((await row.locator('.sources li').allInnerTexts()).sort(), ['Bài dán 1', 'Bài dán 2']);
    await app.screenshot('c6-documents-joined');

    // The CSV: one document, cited by both articles, under both numbers as written.
    const csv = (await app.download(app.byTestId('export-documents'))).text.replace(/^\uFEFF/, '');
    const lines = csv.trim().split(/\r?\n/);
    assert.equal(lines.length, 2, csv);
    const [header, cells] = lines.map(csvCells);
    const cell = (name) => cells[header.indexOf(name)];
    assert.equal(cell('articles'), '2', csv);
    assert.equal(cell('sources'), 'Bài dán 1; Bài dán 2', csv);
    assert.deepEqual(cell('numbers_as_written').split('; ').sort(), ['68', '68-NQ/TW'], csv);

    await page.reload();
    await app.waitForArticles(2);
    await app.tab('documents').click();
    await app.documentRows.first().waitFor();
    assert.equal(await app.documentRows.count(), 1, 'still joined after a reload');
    assert.equal(await app.documentRows.first().locator('[data-testid="corrected"]').count(), 1);
    // And undone (the join is one step to undo, kept across the reload): two documents again.
    await app.byTestId('undo').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="document-row"]').length === 2);
  });
});
