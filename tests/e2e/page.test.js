// Browser end-to-end specs of the built page, served from its sub-path (BASE_PATH).
// Run through `make e2e` (after `make dist`): node --test tests/e2e/
import { beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

import { distinctArticles } from './corpus.js';
import { allShown } from './loaded.js';
import { servedPage } from './suite.js';
import { benchInWorker, extractFileInWorker, startWorker } from './worker.js';

const BASE_PATH = process.env.BASE_PATH;
const FIX = 'tests/fixtures';
const SAMPLE_000 = 'public/samples/000_a1b6cc5c598c13a5.txt';
const SAMPLE_001 = 'public/samples/001_054d4c0633b05464.txt';

describe('Hội Nghị page', () => {
  const served = servedPage();
  let server, browser, guarded, app, page;
  beforeEach(() => ({ server, browser, guarded, app, page } = served));

  it('loads from the sub-path, in Vietnamese, and says nothing leaves the browser', async () => {
    await app.open(server.url);
    await app.screenshot('01-empty-page');
    assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
    assert.match(await app.privacyNote.innerText(), /trình duyệt/);
    await app.byTestId('how-it-works').click();
    assert.match(await app.byTestId('how-it-works').innerText(), /Không có máy chủ/);
  });

  it('an unknown address under the sub-path still serves the page (404.html), worker included', async () => {
    guarded.expectError(/status of 404/);
    const response = await page.goto(server.url + 'khong-co/trang-nay');
    assert.equal(response.status(), 404);
    await app.pasteBox.waitFor({ state: 'visible' });
    await app.fillAndAdd(await readFile(SAMPLE_000, 'utf8'));
    await app.waitForArticles(1);
    assert.equal(await app.articleErrors.count(), 0);
    await app.screenshot('12-404-fallback');
  });

  it('pasting two articles lists both and merges their officials', async () => {
    await app.open(server.url);
    await app.paste(await readFile(SAMPLE_000, 'utf8'));
    await app.fillAndAdd(await readFile(SAMPLE_001, 'utf8'));
    await app.waitForArticles(2);
    assert.equal(await app.pasteBox.inputValue(), '', 'the box is emptied for the next article');
    const titles = await app.byTestId('article-title').allInnerTexts();
    assert.match(titles.join('\n'), /Kon Tum/);
    assert.deepEqual(await app.byTestId('article-source').allInnerTexts(), ['Bài dán 1', 'Bài dán 2']);
    await app.tab('officials').click();
    await app.officialRow('Nguyễn Thị Phong Vũ').waitFor();
    assert.match(await app.titlesOf('Nguyễn Thị Phong Vũ').innerText(), /Trưởng Ban Dân vận Tỉnh ủy/);
    await app.officialRow('Y Ngọc').waitFor();
    await app.screenshot('02-two-pasted-officials');
  });

  it('the extraction worker answers make bench\'s bench message, and articles after it', async () => {
    await app.open(server.url);
    await startWorker(page, server.url);
    const text = await readFile(SAMPLE_000, 'utf8');
    const b = await benchInWorker(page, [text, text], 2);
    assert.equal(b.bytes, 2 * Buffer.byteLength(text));
    assert.equal(b.rounds, 2);
    assert.ok(b.ms > 0 && b.wasm_memory_bytes > 0, JSON.stringify(b));
    const x = await extractFileInWorker(page, 'a.txt', await readFile(SAMPLE_000));
    assert.equal(x.record.source, 'a.txt');
    assert.ok(x.record.officials.length > 0);
    assert.equal(b.officials, 2 * x.record.officials.length, 'one pass over the two texts');
  });

  it('files of every kind, dropped and picked, load; a bad file says why and keeps the rest', async () => {
    await app.open(server.url);
    await app.chooseFiles([
      `${FIX}/docx/000.docx`, `${FIX}/html/001.html`, `${FIX}/text/002.tcvn3.txt`,
      `${FIX}/text/003.utf16le.txt`, `${FIX}/bad/photo.txt`, `${FIX}/bad/old.doc`,
    ]);
    await app.waitForArticles(6);
    // A folder as the browser gives it: files with their paths inside it.
    await app.dropFiles([
      { path: `${FIX}/text/004.vni.txt`, name: 'bao-cao/tinh/004.vni.txt' },
      { path: `${FIX}/text/001.cp1258.txt`, name: 'bao-cao/001.cp1258.txt' },
      { path: `${FIX}/bad/empty.txt`, name: 'bao-cao/empty.txt' },
    ]);
    await app.waitForArticles(9);
    // Every other bad input: each says why, naming its file, and the loaded articles stay.
    const bad = ['blank.txt', 'program.txt', 'report.pdf', 'truncated.docx', 'bomb.docx', 'sheet.docx', 'no-article.html'];
    await app.dropFiles(bad.map((f) => ({ path: `${FIX}/bad/${f}`, name: `hong/${f}` })));
    await app.waitForArticles(9 + bad.length);
    const errors = await app.articleErrors.allInnerTexts();
    assert.equal(errors.length, 3 + bad.length, errors.join('\n'));
    for (const f of bad) assert.ok(errors.some((e) => e.includes(f)), `${f}: ${errors.join('\n')}`);
    assert.ok(errors.some((e) => e.includes('photo.txt')), errors.join('\n'));
    assert.ok(errors.some((e) => e.includes('old.doc') && /\.docx/.test(e)), errors.join('\n'));
    assert.ok(errors.some((e) => e.includes('empty.txt')), errors.join('\n'));
    assert.match(await app.byTestId('articles-count').innerText(), /\(6; 10 lỗi\)/);
    const notes = (await app.byTestId('article-note').allInnerTexts()).join('\n');
    assert.match(notes, /TCVN3/);
    await app.tab('officials').click();
    await app.officialRow('Nguyễn Thị Phong Vũ').waitFor();
    await app.screenshot('03-files-and-errors');
    // Removing one article keeps the others.
    await app.byTestId('remove-article').first().click();
    await app.waitForArticles(8 + bad.length);
  });

  it('pasted TCVN3 mojibake is repaired and the page says so', async () => {
    await app.open(server.url);
    await app.paste(await readFile(`${FIX}/text/002.tcvn3-mojibake.txt`, 'utf8'));
    await app.waitForArticles(1);
    assert.match(await app.byTestId('article-note').innerText(), /TCVN3/);
    assert.match(await app.byTestId('article-title').innerText(), /Tổng kết chương trình/);
  });

  it('the officials table sorts by every column', async () => {
    await app.open(server.url);
    await app.loadSamples();
    await app.tab('officials').click();
    await app.officialRows.first().waitFor();
    await app.byTestId('sort-articles').click();
    await app.byTestId('sort-articles').click();
    const counts = (await app.byTestId('official-articles').allInnerTexts()).map(Number);
    assert.deepEqual(counts, [...counts].sort((a, b) => b - a), 'articles, descending');
    await app.byTestId('tab-officials').focus();
    await page.keyboard.press('ArrowRight');
    assert.equal(await app.tab('documents').getAttribute('aria-selected'), 'true', 'arrow keys move between tabs');
    await page.keyboard.press('ArrowLeft');
    await app.officialRows.first().waitFor();
    assert.equal(await app.byTestId('sort-articles').locator('xpath=..').getAttribute('aria-sort'), 'descending', 'the sort survives a switch of tabs');
    assert.deepEqual((await app.byTestId('official-articles').allInnerTexts()).map(Number), counts);
    await app.byTestId('sort-first').click();
    const firsts = await app.officialRows.evaluateAll((rows) => rows.map((r) => r.children[4].textContent.split('/').reverse().join('')));
    assert.deepEqual(firsts, [...firsts].sort(), 'first seen, ascending');
    for (const col of ['name', 'posts', 'roles', 'last']) await app.byTestId(`sort-${col}`).click();
    assert.equal(await app.officialRows.count(), counts.length);
    const hover = await app.byTestId('official-post').first().getAttribute('title');
    assert.match(hover, /^Như bài viết: /);
  });

  it('a full browser storage gives a message and keeps the work in memory', async () => {
    await page.addInitScript(() => {
      IDBObjectStore.prototype.put = IDBObjectStore.prototype.add = function () { throw new DOMException('full', 'QuotaExceededError'); };
    });
    await app.open(server.url);
    await app.loadSamples();
    await app.message.waitFor();
    assert.match(await app.message.innerText(), /QuotaExceededError/);
    assert.match(await app.message.innerText(), /Lưu phiên làm việc/);
    assert.equal(await app.articleItems.count(), 5);
    await app.meetings.first().waitFor();
  });

  it('picking a folder loads every file inside it, with its path', async () => {
    await app.open(server.url);
    await app.folderInput.setInputFiles(`${FIX}/html`);
    await app.waitForArticles(10);
    const sources = await app.byTestId('article-source').allInnerTexts();
    assert.ok(sources.every((s) => s.startsWith('html/')), sources.join(' | '));
    assert.equal(await app.articleErrors.count(), 0);
    await app.tab('documents').click();
    await app.documentRows.first().waitFor();
    await app.screenshot('13-folder-documents');
  });

  it('a folder dropped loads every file inside it and its subfolders, with their paths', async () => {
    // More files than the walk hands on at once (64), some in a subfolder.
    const dir = join(tmpdir(), 'hoinghi-drop', 'bao-cao');
    const paths = await distinctArticles(150, dir);
    await mkdir(join(dir, 'tinh'));
    for (const p of paths.slice(20)) await rename(p, join(dir, 'tinh', basename(p)));
    await app.open(server.url);
    await app.dropFolder(dir);
    await allShown(page, 150);
    assert.match(await app.byTestId('articles-count').innerText(), /\(150\)/);
    const sources = await app.byTestId('article-source').allInnerTexts();
    assert.ok(sources.length > 0 && sources.every((s) => /^bao-cao\/(tinh\/)?\d{5}-/.test(s)), sources.join(' | '));
    assert.ok(sources.some((s) => s.startsWith('bao-cao/tinh/')), sources.join(' | '));
  });

  it('a folder picked where the browser has a folder picker loads through it (an empty one says so); where it refuses, the input', async () => {
    // The picker's folder: one of the origin's private file system (a real directory handle), with a subfolder.
    const texts = await Promise.all([SAMPLE_000, SAMPLE_001].map((p) => readFile(p, 'utf8')));
    await app.open(server.url);
    await page.evaluate(async (texts) => {
      const root = await navigator.storage.getDirectory();
      const dir = await root.getDirectoryHandle('bao-cao', { create: true });
      const sub = await dir.getDirectoryHandle('tinh', { create: true });
      for (const [folder, name, text] of [[dir, 'a.txt', texts[0]], [sub, 'b.txt', texts[1]]]) {
        const w = await (await folder.getFileHandle(name, { create: true })).createWritable();
        await w.write(text);
        await w.close();
      }
      window.showDirectoryPicker = async () => dir;
    }, texts);
    await page.getByText('Chọn thư mục…').click();
    await app.waitForArticles(2);
    const sources = await app.byTestId('article-source').allInnerTexts();
    assert.deepEqual(sources.sort(), ['bao-cao/a.txt', 'bao-cao/tinh/b.txt']);
    // A folder with no file in it says so.
    await page.evaluate(async () => {
      const empty = await (await navigator.storage.getDirectory()).getDirectoryHandle('trong', { create: true });
      window.showDirectoryPicker = async () => empty;
    });
    await page.getByText('Chọn thư mục…').click();
    await app.message.waitFor();
    assert.match(await app.message.innerText(), /Không tìm thấy tệp nào/);
    assert.equal(await app.articleItems.count(), 2);
    // Refused (as an administrator's policy can): the folder input's own dialog opens instead.
    await page.evaluate(() => { window.showDirectoryPicker = async () => { throw new DOMException('no', 'SecurityError'); }; });
    const chooser = page.waitForEvent('filechooser');
    await page.getByText('Chọn thư mục…').click();
    await (await chooser).setFiles(`${FIX}/html`);
    await app.waitForArticles(12);
  });

  it('the timeline lists meetings in date order, grouped; undated ones apart', async () => {
    await app.open(server.url);
    await app.loadSamples();
    await app.meetings.first().waitFor();
    const dates = await app.byTestId('meeting-date').evaluateAll((els) => els.map((e) => e.dataset.date).filter(Boolean));
    assert.ok(dates.length >= 4, `meetings with a date: ${dates}`);
    assert.deepEqual(dates, [...dates].sort(), 'in date order');
    const groups = await app.byTestId('timeline-group-label').allInnerTexts();
    assert.ok(groups.every((g) => /^Tháng \d+\/\d{4}/.test(g)), groups.join(' | '));
    await app.byTestId('zoom-year').click();
    assert.ok((await app.byTestId('timeline-group-label').allInnerTexts()).every((g) => /^Năm \d{4}/.test(g)));
    await app.screenshot('04-timeline');
  });

  it('filters by text, province, kind and date follow into every view', async () => {
    await app.open(server.url);
    await app.loadSamples();
    await app.meetings.first().waitFor();
    const all = await app.meetings.count();
    await app.byTestId('filter-province').selectOption('w:Bình Định');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="meeting"]').length < n, all);
    const provinces = await app.byTestId('meeting-province').allInnerTexts();
    assert.ok(provinces.length > 0 && provinces.every((p) => p.includes('Bình Định')), provinces.join(' | '));
    await app.tab('officials').click();
    await app.officialRow('Nguyễn Thị Phong Vũ').waitFor();
    assert.equal(await app.officialRow('Y Ngọc').count(), 0, 'an official of Kon Tum is filtered out');
    await app.byTestId('filter-reset').click();
    await app.byTestId('filter-text').fill('phong vũ');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="official-row"]').length === 1);
    await app.byTestId('filter-reset').click();
    await app.tab('timeline').click();
    await app.byTestId('filter-from').fill('2030-01-01');
    await app.byTestId('timeline-empty').waitFor();
    await app.byTestId('filter-reset').click();
    const kinds = await app.byTestId('filter-kind').locator('option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
    await app.byTestId('filter-kind').selectOption(kinds[0]);
    const shown = await app.byTestId('meeting-kind').allInnerTexts();
    assert.ok(shown.length > 0 && shown.every((k) => k === kinds[0]), shown.join(' | '));
    await app.screenshot('05-filtered');
  });

  it('clicking a meeting, an official or a document shows its sentence highlighted', async () => {
    await app.open(server.url);
    await app.loadSamples();
    await app.byTestId('meeting-name').first().click();
    await app.evidenceMark.waitFor();
    const marked = await app.evidenceMark.innerText();
    assert.ok(marked.length > 10, `marked: ${marked}`);
    const source = await app.byTestId('evidence-source').innerText();
    assert.match(source, /^mẫu-00\d\.txt$/);
    assert.ok(await app.evidenceMark.evaluate((m) => {
      const r = m.getBoundingClientRect();
      return r.bottom > 0 && r.top < window.innerHeight;
    }), 'the sentence is scrolled into view');
    await app.screenshot('06-evidence-meeting');
    await app.tab('officials').click();
    await app.officialRow('Nguyễn Thị Phong Vũ').locator('[data-testid="official-name"]').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="evidence-mark"]')?.textContent.includes('Phong Vũ'));
    await app.tab('documents').click();
    await app.byTestId('document-number').first().click();
    const number = await app.byTestId('document-number').first().innerText();
    await page.waitForFunction((n) => document.querySelector('[data-testid="evidence-mark"]')?.textContent.includes(n.split('/')[0]), number);
    await app.screenshot('07-evidence-document');
  });

  it('exports CSV for Excel, JSON and ICS, following the filters', async () => {
    await app.open(server.url);
    await app.loadSamples();
    const people = await app.download(app.byTestId('export-people'));
    assert.equal(people.name, 'hoinghi-can-bo.csv');
    assert.ok(people.text.startsWith('\uFEFF'), 'UTF-8 byte-order mark for Excel');
    assert.match(people.text, /Nguyễn Thị Phong Vũ/);
    assert.match(people.text, /\r\n/);
    const meetings = await app.download(app.byTestId('export-meetings'));
    assert.ok(meetings.text.startsWith('\uFEFFid,date'));
    const ics = await app.download(app.byTestId('export-ics'));
    assert.ok(ics.text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n'));
    assert.match(ics.text, /BEGIN:VEVENT\r\nUID:[^\r\n]+\r\nDTSTAMP:\d{8}T\d{6}Z\r\nDTSTART;VALUE=DATE:20240617\r\n/);
    assert.ok(ics.text.endsWith('END:VCALENDAR\r\n'));
    assert.ok(ics.text.split('\r\n').every((l) => Buffer.byteLength(l) <= 75), 'lines folded at 75 octets');
    assert.ok(!/[^\r]\n/.test(ics.text), 'CRLF only');
    const json = JSON.parse((await app.download(app.byTestId('export-json'))).text);
    assert.equal(json.length, 5);
    // Filtered: Bình Định only.
    await app.byTestId('filter-province').selectOption('w:Bình Định');
    const filtered = await app.download(app.byTestId('export-people'));
    assert.match(filtered.text, /Nguyễn Thị Phong Vũ/);
    assert.doesNotMatch(filtered.text, /Y Ngọc/);
    const fjson = JSON.parse((await app.download(app.byTestId('export-json'))).text);
    assert.ok(fjson.length >= 1 && fjson.length < 5, `records: ${fjson.length}`);
    const fics = await app.download(app.byTestId('export-ics'));
    assert.ok((fics.text.match(/BEGIN:VEVENT/g) ?? []).length < (ics.text.match(/BEGIN:VEVENT/g) ?? []).length);
  });

  it('saves the workspace and opens it again; a hostile file changes nothing', async () => {
    await app.open(server.url);
    await app.loadSamples();
    const saved = await app.download(app.byTestId('save-workspace'));
    assert.match(saved.name, /^hoinghi-phien-\d{4}-\d\d-\d\d\.json$/);
    await app.clearAll();
    await app.byTestId('open-workspace').setInputFiles(saved.path);
    await app.waitForArticles(5);
    await app.tab('officials').click();
    await app.officialRow('Nguyễn Thị Phong Vũ').waitFor();
    const hostile = join(tmpdir(), 'hoinghi-hostile.json');
    const ws = JSON.parse(saved.text);
    ws.articles[0].record.meetings[0] = { ...ws.articles[0].record.meetings[0], evidence: { start: 0, end: 1e9 } };
    await writeFile(hostile, JSON.stringify(ws));
    await app.byTestId('open-workspace').setInputFiles(hostile);
    await app.message.waitFor();
    assert.match(await app.message.innerText(), /Không mở được “hoinghi-hostile\.json”/);
    await writeFile(hostile, '{"format":"hoinghi-workspace","version":1,"articles":[{"name":"<img src=x onerror=alert(1)>"');
    await app.byTestId('open-workspace').setInputFiles(hostile);
    await page.waitForFunction(() => /không phải tệp phiên/.test(document.querySelector('[data-testid="message"]')?.textContent));
    assert.equal(await app.articleItems.count(), 5, 'the articles are untouched');
    await app.screenshot('08-hostile-workspace');
  });

  it('a reload keeps the loaded articles; "Xóa tất cả" asks first', async () => {
    await app.open(server.url);
    await app.loadSamples();
    await page.reload();
    await app.waitForArticles(5);
    page.once('dialog', (d) => d.dismiss());
    await app.byTestId('clear-all').click();
    assert.equal(await app.articleItems.count(), 5, 'dismissing keeps them');
    await app.clearAll();
    await page.reload();
    await app.pasteBox.waitFor();
    assert.equal(await app.articleItems.count(), 0);
  });

  it('article text with HTML stays inert', async () => {
    let dialogs = 0;
    page.on('dialog', (d) => { dialogs += 1; d.dismiss(); });
    await app.open(server.url);
    const xss = 'Hội nghị <img src=x onerror=alert(1)><script>alert(2)</script>\n\n'
      + 'Sáng 17/6/2024, Ban Dân vận Tỉnh ủy tổ chức hội nghị giao ban <img src=x onerror=alert(1)>. '
      + 'Đồng chí Nguyễn Văn An <a href="javascript:alert(3)">x</a>, Trưởng Ban Dân vận Tỉnh ủy chủ trì hội nghị.\u202E\u200B';
    await app.fillAndAdd(xss);
    await app.waitForArticles(1);
    await app.meetings.first().waitFor();
    await app.byTestId('meeting-name').first().click();
    await app.evidenceMark.waitFor();
    assert.match(await app.byTestId('evidence-text').innerText(), /<img src=x onerror=alert\(1\)>/);
    assert.equal(await page.locator('main img, main script, main a[href]').count(), 0, 'no element made from the text');
    assert.equal(dialogs, 0, 'no script ran');
    await app.screenshot('09-xss-inert');
  });

  it('reads well at phone width', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await app.open(server.url);
    await app.loadSamples();
    await app.byTestId('meeting-name').first().click();
    await app.evidenceMark.waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `no sideways scrolling (${overflow}px)`);
    await app.screenshot('10-phone-timeline');
    await app.tab('officials').click();
    await app.screenshot('11-phone-officials');
  });
  it('a search without diacritics or with abbreviations finds officials (desktop and phone)', async () => {
    await app.open(server.url);
    await app.loadSamples();
    await app.tab('officials').click();
    await app.officialRows.first().waitFor();
    await app.byTestId('filter-text').fill('pham thanh tung');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="official-row"]').length === 1);
    await app.officialRow('Phạm Thanh Tùng').waitFor();
    // An abbreviation finds the full name, and the full name the abbreviation.
    await app.byTestId('filter-text').fill('ubnd tinh');
    await app.officialRow('Nguyễn Trúc Sơn').waitFor();
    await app.officialRow('Y Ngọc').waitFor();
    assert.equal(await app.officialRow('Phạm Thanh Tùng').count(), 0);
    await app.byTestId('filter-text').fill('');
    await app.byTestId('filter-org').fill('Hội đồng nhân dân');
    await app.officialRow('Hồ Thị Hoàng Yến').waitFor();
    await app.byTestId('filter-org').fill('HĐND');
    await app.officialRow('Hồ Thị Hoàng Yến').waitFor();
    assert.equal(await app.officialRow('Y Ngọc').count(), 0);
    await app.byTestId('filter-org').fill('');
    await app.byTestId('filter-text').fill('ubnd tinh');
    await app.officialRow('Y Ngọc').waitFor();
    await app.screenshot('14-search-no-diacritics');
    await page.setViewportSize({ width: 375, height: 800 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `no sideways scrolling (${overflow}px)`);
    await app.screenshot('15-phone-search');
  });

  it('officials sort by given name in Vietnamese order; documents by number as a number', async () => {
    await app.open(server.url);
    await app.loadSamples();
    await app.tab('officials').click();
    await app.officialRows.first().waitFor();
    const names = await app.byTestId('official-name').allInnerTexts();
    const given = names.map((n) => n.trim().split(' ').pop());
    const collator = new Intl.Collator('vi');
    assert.deepEqual(given, [...given].sort((a, b) => collator.compare(a, b)), given.join(' | '));
    await app.tab('documents').click();
    await app.documentRows.first().waitFor();
    const first = (ns) => ns.map((n) => parseInt(n.match(/\d+/)?.[0] ?? '0', 10));
    const asc = first(await app.byTestId('document-number').allInnerTexts());
    assert.deepEqual(asc, [...asc].sort((a, b) => a - b), `numbers ascending: ${asc}`);
    await app.byTestId('sort-doc-number').click();
    const desc = first(await app.byTestId('document-number').allInnerTexts());
    assert.deepEqual(desc, [...desc].sort((a, b) => b - a), `numbers descending: ${desc}`);
  });

  it('every filter value shows its count, which is what choosing it keeps', async () => {
    await app.open(server.url);
    await app.loadSamples();
    await app.meetings.first().waitFor();
    const options = async (id) => app.byTestId(id).locator('option[data-count]').evaluateAll(
      (os) => os.map((o) => ({ value: o.value, text: o.textContent, count: Number(o.dataset.count) })));
    const provinces = await options('filter-province');
    assert.ok(provinces.length > 0 && provinces.every((o) => new RegExp(`\\(${o.count} bài\\)$`).test(o.text)), JSON.stringify(provinces));
    const roles = await options('filter-role');
    assert.ok(roles.length > 0 && roles.every((o) => new RegExp(`\\(${o.count} người\\)$`).test(o.text)), JSON.stringify(roles));
    const kinds = await options('filter-kind');
    assert.ok(kinds.length > 0 && kinds.every((o) => new RegExp(`\\(${o.count}\\)$`).test(o.text)), JSON.stringify(kinds));
    // Choosing a kind keeps as many meetings as its count says.
    const kind = kinds.find((k) => k.count > 0);
    await app.byTestId('filter-kind').selectOption(kind.value);
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="meeting"]').length === n, kind.count);
    // Choosing a role keeps as many officials as its count says; the other lists count under it.
    const role = roles.find((r) => r.count > 0);
    await app.byTestId('filter-kind').selectOption('');
    await app.byTestId('filter-role').selectOption(role.value);
    await app.tab('officials').click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="official-row"]').length === n, role.count);
    assert.equal(await app.byTestId('filter-role').inputValue(), role.value, 'the choice stays as the counts change');
    await app.screenshot('16-filter-counts');
  });

  it('a shared link restores the view and the filters after a reload', async () => {
    await app.open(server.url);
    await app.loadSamples();
    await app.tab('officials').click();
    await app.byTestId('filter-province').selectOption('w:Bình Định');
    await app.byTestId('filter-text').fill('tinh uy');
    await page.waitForFunction(() => location.hash.includes('q=tinh%20uy'));
    const link = page.url();
    assert.match(link, /#\/can-bo\?q=tinh%20uy&tinh=B%C3%ACnh%20%C4%90%E1%BB%8Bnh$/);
    const rows = await app.byTestId('official-name').allInnerTexts();
    assert.ok(rows.length > 0);
    // Somewhere else, then the link again, as if pasted: the same screen.
    await page.goto(server.url);
    await app.waitForArticles(5);
    assert.equal(await app.tab('timeline').getAttribute('aria-selected'), 'true');
    await page.goto(link);
    await page.reload();
    await app.waitForArticles(5);
    assert.equal(await app.tab('officials').getAttribute('aria-selected'), 'true');
    assert.equal(await app.byTestId('filter-text').inputValue(), 'tinh uy');
    assert.equal(await app.byTestId('filter-province').inputValue(), 'w:Bình Định');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="official-row"]').length === n, rows.length);
    assert.deepEqual(await app.byTestId('official-name').allInnerTexts(), rows);
    await app.screenshot('17-shared-link');
    // Reset clears the address.
    await app.byTestId('filter-reset').click();
    await page.waitForFunction(() => location.hash === '#/can-bo');
  });

  it('evidence steps through every mention; Escape closes it and keeps the place (phone)', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await app.open(server.url);
    await app.loadSamples();
    await app.tab('officials').click();
    await app.officialRow('Nguyễn Thị Phong Vũ').waitFor();
    await app.byTestId('filter-text').fill('phong vu');
    const name = app.officialRow('Nguyễn Thị Phong Vũ').locator('[data-testid="official-name"]');
    await name.scrollIntoViewIfNeeded();
    const before = await page.evaluate(() => window.scrollY);
    await name.click();
    await app.evidenceMark.waitFor();
    const position = await app.byTestId('evidence-position').innerText();
    const [, total] = position.match(/^1 \/ (\d+)$/) ?? [];
    assert.ok(Number(total) > 1, position);
    const firstMark = await app.evidenceMark.innerText();
    await app.byTestId('evidence-next').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="evidence-position"]')?.textContent.startsWith('2 /'));
    assert.match(await app.evidenceMark.innerText(), /Phong Vũ/);
    await app.screenshot('18-phone-evidence-steps');
    await app.byTestId('evidence-prev').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="evidence-position"]')?.textContent.startsWith('1 /'));
    assert.equal(await app.evidenceMark.innerText(), firstMark);
    await page.keyboard.press('Escape');
    await app.evidence.waitFor({ state: 'detached' });
    await page.waitForFunction((y) => Math.abs(window.scrollY - y) < 2, before);
  });
});
