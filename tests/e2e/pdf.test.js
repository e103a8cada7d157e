// PDFs in the page: a text PDF extracts like the article it was made from, the PDF reader is fetched only when
// the first PDF comes, and a scanned, encrypted or damaged PDF says why. Fixtures: tests/fixtures/pdf/ (made by
// its make_pdfs.py with LibreOffice from eval articles). Run through `make e2e` (after `make dist`).
import { beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';

import { servedPage } from './suite.js';
import { extractFileInWorker, startWorker } from './worker.js';

const BASE_PATH = process.env.BASE_PATH;
const PDF = 'tests/fixtures/pdf';
// Each text PDF and the article it was made from: LibreOffice's export of the .txt (monospace, blank lines
// between paragraphs), the article set as a justified document with indented paragraphs, and a Word file.
const TEXT_PDFS = ['m01_caobang', 'm13_hcm_hdnd', 'm20_binhphuoc', 'dev002'];
// The files of the PDF reader, fetched with the first PDF.
const READER = ['pdf/read-pdf.js', 'pdf/pdf.min.mjs', 'pdf/pdf.worker.min.mjs'];

/** What a record says, as the comparison with the article's text sees it. */
function facts(record) {
  return {
    officials: record.officials.map((o) => `${o.name}: ${o.titles.join('; ')}`).sort(),
    meetings: record.meetings.map((m) => `${m.date} ${m.kind} | ${m.name} | chủ trì: ${m.chairs.join(', ')}`).sort(),
    documents: record.documents.map((d) => `${d.kind} ${d.number} ${d.date} ${d.issuer}`).sort(),
    province: record.province,
    published: record.published,
  };
}

describe('PDF files', () => {
  const served = servedPage();
  let server, browser, guarded, app, page;
  beforeEach(() => ({ server, browser, guarded, app, page } = served));
  let requested;

  beforeEach(() => {
    requested = [];
    page.on('request', (req) => requested.push(new URL(req.url()).pathname.slice(BASE_PATH.length)));
  });

  it('a text PDF extracts like the article it was made from', async () => {
    await app.open(server.url);
    await startWorker(page, server.url);
    for (const name of TEXT_PDFS) {
      const bytes = await readFile(`${PDF}/${name}.pdf`);
      // The page's own path: the reader's text layer, then the extraction worker.
      const layer = await page.evaluate(async ([b64, file]) => {
        const reader = await import(new URL('pdf/read-pdf.js', document.baseURI).href);
        const pdf = new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], file);
        return [...new Uint8Array(await (await reader.textLayer(pdf, file)).arrayBuffer())];
      }, [bytes.toString('base64'), `${name}.pdf`]);
      const fromPdf = await extractFileInWorker(page, `${name}.pdf`, Buffer.from(layer));
      const fromText = await extractFileInWorker(page, `${name}.txt`, await readFile(`${PDF}/${name}.txt`));
      assert.equal(fromPdf.error, null, `${name}.pdf: ${fromPdf.error}`);
      const want = facts(fromText.record);
      assert.ok(want.officials.length > 0 && want.meetings.length > 0, `${name}: the article names officials and a meeting`);
      assert.deepEqual(facts(fromPdf.record), want, `${name}.pdf against ${name}.txt`);
      // Vietnamese comes out composed (NFC), as from the text file.
      assert.equal(fromPdf.record.text, fromPdf.record.text.normalize('NFC'), `${name}: NFC`);
    }
  });

  it('a PDF dropped through the file input shows its meeting and officials; the reader is fetched only then', async () => {
    await app.open(server.url);
    await app.loadSamples();
    const early = requested.filter((p) => p.startsWith('pdf/'));
    assert.deepEqual(early, [], 'the PDF reader is not part of the first load');
    await app.chooseFiles([`${PDF}/m13_hcm_hdnd.pdf`]);
    await app.waitForArticles(6, 30_000);
    for (const file of READER) assert.ok(requested.includes(file), `${file} requested with the first PDF: ${requested.join(' ')}`);
    assert.deepEqual(await app.articleErrors.allInnerTexts(), []);
    assert.ok((await app.byTestId('article-title').allInnerTexts()).some((t) => /TP HCM có thêm Phó chủ tịch/.test(t)));
    await app.tab('officials').click();
    await app.officialRow('Dương Anh Đức').waitFor();
    assert.match(await app.titlesOf('Dương Anh Đức').innerText(), /Phó Chủ tịch/i);
    await app.officialRow('Nguyễn Thành Phong').waitFor();
    await app.tab('timeline').click();
    const meetings = await app.meetings.allInnerTexts();
    assert.ok(meetings.some((m) => /27\/03\/2020/.test(m) && /kỳ họp/i.test(m) && /m13_hcm_hdnd\.pdf/.test(m)), meetings.join('\n'));
    await app.screenshot('pdf-01-dropped');
    // A second PDF uses the reader already there: nothing fetched again.
    const before = requested.length;
    await app.dropFiles([{ path: `${PDF}/m20_binhphuoc.pdf` }]);
    await app.waitForArticles(7, 30_000);
    assert.deepEqual(requested.slice(before).filter((p) => p.startsWith('pdf/')), []);
    // The size of what the first PDF brings (printed for the closing note, not asserted).
    const sizes = await Promise.all(READER.map(async (f) => {
      const b = await readFile(`dist/${f}`);
      return `${f} ${(await stat(`dist/${f}`)).size} B, ${gzipSync(b, { level: 9 }).length} B gzipped`;
    }));
    console.log(`# PDF reader, fetched with the first PDF: ${sizes.join('; ')}`);
  });

  it('a scanned, an encrypted and a damaged PDF each say why, and nothing else loaded is lost', async () => {
    await app.open(server.url);
    await app.chooseFiles([`${PDF}/m01_caobang.pdf`]);
    await app.waitForArticles(1, 30_000);
    await app.dropFiles([
      { path: `${PDF}/scanned.pdf`, name: 'luu-tru/scanned.pdf' },
      { path: `${PDF}/encrypted.pdf`, name: 'luu-tru/encrypted.pdf' },
      { path: `${PDF}/broken.pdf`, name: 'luu-tru/broken.pdf' },
      { path: 'tests/fixtures/bad/report.pdf', name: 'luu-tru/report.pdf' },
    ]);
    await app.waitForArticles(5, 60_000);
    const errors = await app.articleErrors.allInnerTexts();
    const say = (file, pattern) => assert.ok(errors.some((e) => e.includes(file) && pattern.test(e)), `${file}: ${errors.join('\n')}`);
    say('scanned.pdf', /ảnh quét.*không có lớp chữ/);
    say('encrypted.pdf', /mật khẩu/);
    say('broken.pdf', /PDF bị hỏng/);
    say('report.pdf', /PDF bị hỏng/);
    assert.equal(errors.length, 4, errors.join('\n'));
    assert.match(await app.byTestId('articles-count').innerText(), /\(1; 4 lỗi\)/);
    await app.tab('officials').click();
    await app.officialRow('Quản Minh Cường').waitFor();
    await app.screenshot('pdf-02-scanned-desktop');
    await page.setViewportSize({ width: 390, height: 844 });
    await app.screenshot('pdf-03-scanned-phone');
  });
});
