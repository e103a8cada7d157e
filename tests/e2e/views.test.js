// Browser specs of the pictures: the visual timeline (zoom, pan, keys, brush, hover, click, SVG and PNG out).
// Run through `make e2e` (after `make dist`): node --test tests/e2e/
import { before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { servedPage } from './suite.js';

const PROVINCES = ['Bình Định', 'Hải Phòng', 'Nghệ An', 'Cần Thơ', 'Đà Nẵng', 'Lào Cai'];

/** Articles made in the spec: a provincial party committee's conference on a day of 2023–2024. */
function articles(n) {
  return Array.from({ length: n }, (_, i) => {
    const province = PROVINCES[i % PROVINCES.length];
    const day = 1 + (i * 7) % 28;
    const month = 1 + (i * 5) % 12;
    const year = 2023 + (Math.floor(i / 12) % 2);
    return {
      name: `bai-${String(i).padStart(2, '0')}.txt`,
      text: `Tỉnh ủy ${province} tổng kết công tác dân vận\n\nSáng ${day}/${month}/${year}, Ban Dân vận Tỉnh ủy ${province} tổ chức hội nghị tổng kết công tác dân vận năm ${year}. Đồng chí Nguyễn Văn An${i}, Trưởng Ban Dân vận Tỉnh ủy chủ trì hội nghị.\n`,
    };
  });
}

/** Meetings of one province's leaders: a chair and attendees drawn from five people, on different days. */
const LEADERS = [
  ['Lê Văn Bình', 'Phó Bí thư Thường trực Tỉnh ủy'],
  ['Trần Thị Hoa', 'Trưởng Ban Dân vận Tỉnh ủy'],
  ['Phạm Quốc Hùng', 'Phó Chủ tịch UBND tỉnh'],
  ['Đỗ Minh Tâm', 'Chủ tịch Ủy ban MTTQ Việt Nam tỉnh'],
  ['Võ Thành Long', 'Trưởng Ban Tổ chức Tỉnh ủy'],
];
function meetingsOfLeaders() {
  const who = [[0, 1, 2], [0, 1, 3], [0, 2, 4], [1, 3, 4], [0, 1, 4], [0, 3]];
  return who.map(([chair, ...rest], i) => ({
    name: `hop-${i}.txt`,
    text: `Tỉnh ủy Bình Định họp\n\nSáng ${3 + i}/${2 + i}/2024, Ban Dân vận Tỉnh ủy Bình Định tổ chức hội nghị giao ban công tác dân vận. `
      + `Đồng chí ${LEADERS[chair][0]}, ${LEADERS[chair][1]} chủ trì hội nghị. Dự hội nghị có `
      + rest.map((k) => `đồng chí ${LEADERS[k][0]}, ${LEADERS[k][1]}`).join('; ') + '.\n',
  }));
}

describe('Hội Nghị pictures', () => {
  const served = servedPage();
  let server, browser, guarded, app, page;
  beforeEach(() => ({ server, browser, guarded, app, page } = served));
  let dir;

  before(async () => {
    dir = join(tmpdir(), `hoinghi-views-${process.pid}`);
    await mkdir(dir, { recursive: true });
  });

  async function loadArticles(n, made = articles(n)) {
    const paths = [];
    for (const a of made) {
      const p = join(dir, a.name);
      await writeFile(p, a.text);
      paths.push(p);
    }
    await app.open(server.url);
    await app.chooseFiles(paths);
    await app.waitForArticles(n, 30_000);
  }

  const canvas = () => app.byTestId('timeline-canvas');
  const windowShown = async () => ({
    start: await canvas().getAttribute('data-start'),
    end: await canvas().getAttribute('data-end'),
  });
  const days = (w) => (Date.parse(w.end) - Date.parse(w.start)) / 86_400_000;

  /** Moves the pointer along the first lane until the status names a meeting; returns that point. */
  async function findMark(box) {
    const lane = box.y + 40 + 12;
    for (let x = box.x + 100; x < box.x + box.width - 4; x += 2) {
      await page.mouse.move(x, lane);
      const said = await app.byTestId('timeline-hover').innerText();
      if (/·/.test(said) && /\d{4}/.test(said) && !/hội nghị có ngày/.test(said)) return { x, y: lane, said };
    }
    return null;
  }

  it('the timeline zooms with the wheel, pans by dragging and with keys, and 0 shows everything', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await loadArticles(24);
    await canvas().waitFor({ state: 'visible' });
    assert.equal(Number(await canvas().getAttribute('data-marks')), 24, 'every dated meeting is a mark');
    const all = await windowShown();
    assert.ok(all.start <= '2023-01-01' && all.end >= '2024-12-01', JSON.stringify(all));
    await app.byTestId('timeline-chart').screenshot({ path: 'tests/screenshots/20-timeline-chart-desktop.png' });

    await canvas().scrollIntoViewIfNeeded();
    const box = await canvas().boundingBox();
    await page.mouse.move(box.x + box.width * 0.6, box.y + 80);
    for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -200);
    await page.waitForFunction((d) => {
      const c = document.querySelector('[data-testid="timeline-canvas"]');
      return (Date.parse(c.dataset.end) - Date.parse(c.dataset.start)) / 86_400_000 < d * 0.6;
    }, days(all));
    const zoomed = await windowShown();
    assert.ok(days(zoomed) < days(all) * 0.6, `zoomed in: ${JSON.stringify(zoomed)}`);

    // Dragging to the right shows earlier days.
    await page.mouse.move(box.x + box.width * 0.5, box.y + 80);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.7, box.y + 80, { steps: 5 });
    await page.mouse.up();
    const panned = await windowShown();
    assert.ok(panned.start < zoomed.start, `panned to the past: ${JSON.stringify([zoomed, panned])}`);

    await canvas().focus();
    await page.keyboard.press('ArrowRight');
    const keyed = await windowShown();
    assert.ok(keyed.start > panned.start, 'the right arrow goes forward in time');
    await page.keyboard.press('0');
    assert.deepEqual(await windowShown(), all, '0 shows everything again');
  });

  it('hovering a mark names its meeting, a click opens its evidence, a brush filters by the dates', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await loadArticles(12);
    await canvas().waitFor({ state: 'visible' });
    await canvas().scrollIntoViewIfNeeded();
    let box = await canvas().boundingBox();
    const mark = await findMark(box);
    assert.ok(mark, 'a mark on the first lane answers the pointer');
    assert.match(mark.said, /tổng kết/);
    await page.mouse.click(mark.x, mark.y);
    await app.evidence.waitFor({ state: 'visible' });
    assert.match(await app.evidenceMark.innerText(), /tổ chức hội nghị tổng kết/);

    // Brush the first half of the density strip: the date filter takes that range. (The evidence panel
    // moved the picture: measure it again.)
    await canvas().scrollIntoViewIfNeeded();
    box = await canvas().boundingBox();
    await page.mouse.move(box.x + 180, box.y + 15);
    await page.mouse.down();
    await page.mouse.move(box.x + 180 + (box.width - 180) / 2, box.y + 15, { steps: 6 });
    await page.mouse.up();
    await page.waitForFunction(() => /tu=\d{4}-\d\d-\d\d/.test(location.hash) && /den=/.test(location.hash));
    const marks = Number(await canvas().getAttribute('data-marks'));
    assert.ok(marks > 0 && marks < 12, `the brushed range keeps some meetings: ${marks}`);
  });

  it('the timeline exports as SVG and PNG with its filters in the caption, and fits a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await loadArticles(12);
    await canvas().waitFor({ state: 'visible' });
    await canvas().scrollIntoViewIfNeeded();
    const box = await canvas().boundingBox();
    assert.ok(box.width <= 390, `no wider than the phone: ${box.width}`);
    await app.byTestId('timeline-chart').screenshot({ path: 'tests/screenshots/21-timeline-chart-phone.png' });

    const svg = await app.download(app.byTestId('timeline-svg'));
    assert.equal(svg.name, 'hoi-nghi-dong-thoi-gian.svg');
    assert.match(svg.text, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.match(svg.text, /Dòng thời gian hội nghị · Hội Nghị · không lọc/);
    assert.equal((svg.text.match(/<circle /g) || []).length, 12);

    const [dl] = await Promise.all([page.waitForEvent('download'), app.byTestId('timeline-png').click()]);
    assert.equal(dl.suggestedFilename(), 'hoi-nghi-dong-thoi-gian.png');
    const png = await readFile(await dl.path());
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it('who meets whom: people as nodes, hover names them, a click opens the card, which its address reopens', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await loadArticles(6, meetingsOfLeaders());
    await app.byTestId('tab-graph').click();
    const graph = app.byTestId('graph-canvas');
    await graph.waitFor({ state: 'visible' });
    // Laid out a slice per frame: the people stop moving when it is finished.
    await page.locator('[data-testid="graph-view"][data-laid-out="true"]').waitFor();
    assert.equal(Number(await graph.getAttribute('data-items')), 5, 'the five leaders');
    assert.ok(Number(await app.byTestId('graph-view').getAttribute('data-layout-ms')) >= 0);
    assert.match(await app.byTestId('graph-canvas-status').innerText(), /5 cán bộ, 9 cặp từng cùng họp/);
    await app.byTestId('graph-view').screenshot({ path: 'tests/screenshots/22-graph-desktop.png' });

    // Find a node by moving over the picture, then click it.
    await graph.scrollIntoViewIfNeeded();
    const box = await graph.boundingBox();
    let found = null;
    for (let y = box.y + 10; y < box.y + box.height && !found; y += 6) {
      for (let x = box.x + 10; x < box.x + box.width && !found; x += 6) {
        await page.mouse.move(x, y);
        const said = await app.byTestId('graph-canvas-status').innerText();
        if (/cuộc họp · gặp/.test(said)) found = { x, y, said };
      }
    }
    assert.ok(found, 'a node answers the pointer');
    const name = found.said.split(' · ')[0];
    await page.mouse.click(found.x, found.y);
    await app.byTestId('person-card').waitFor();
    assert.equal(await app.byTestId('person-name').innerText(), name);
    assert.match(await page.evaluate(() => location.hash), /^#\/can-bo\/\d+$/);
    assert.ok(await app.byTestId('person-meeting').count() >= 2, 'their meetings are listed');
    assert.ok(await app.byTestId('person-met').count() >= 2, 'the people they met');

    // The address survives a reload (the articles come back from storage).
    const address = await page.evaluate(() => location.href);
    await page.reload();
    await app.byTestId('person-card').waitFor({ timeout: 30_000 });
    await page.waitForFunction((n) => document.querySelector('[data-testid="person-name"]')?.innerText === n, name);
    assert.equal(await page.evaluate(() => location.href), address);
  });

  it("an official's card from the table: posts on a career line, meetings, people met; each line opens its sentence", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await loadArticles(6, meetingsOfLeaders());
    await app.byTestId('tab-officials').click();
    const row = app.officialRows.filter({ hasText: 'Lê Văn Bình' });
    await row.getByTestId('official-card').click();
    await app.byTestId('person-card').waitFor();
    assert.equal(await app.byTestId('person-name').innerText(), 'Lê Văn Bình');
    assert.match(await app.byTestId('person-post').first().innerText(), /Phó Bí thư Thường trực Tỉnh ủy/);
    assert.match(await app.byTestId('person-career').innerHTML(), /<svg/);
    assert.equal(await app.byTestId('person-meeting').count(), 5, 'he chaired five of the six meetings');
    const met = await app.byTestId('person-met').allInnerTexts();
    assert.match(met[0], /Trần Thị Hoa · 3 cuộc họp/);
    await app.byTestId('person-card').screenshot({ path: 'tests/screenshots/23-person-card-phone.png' });
    await app.byTestId('person-meeting').first().getByRole('button').click();
    await app.evidence.waitFor({ state: 'visible' });
    assert.match(await app.evidenceMark.innerText(), /giao ban/);
    // From a met person's line to their card.
    await app.byTestId('person-met').first().getByRole('button').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="person-name"]')?.innerText === 'Trần Thị Hoa');
    // From one of her meetings to its card, and its address.
    await app.byTestId('person-meeting-card').first().click();
    await app.byTestId('meeting-card').waitFor();
    assert.match(await app.byTestId('meeting-card-name').innerText(), /giao ban/);
    assert.match(page.url(), /#\/cuoc-hop\/\d+/);
  });

  it('the map loads its grid when first opened, counts meetings by province, and a click filters', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const grids = [];
    page.on('request', (r) => { if (r.url().includes('province_grid')) grids.push(r.url()); });
    await loadArticles(12);
    assert.equal(grids.length, 0, 'the grid is not part of the first load');
    await app.byTestId('tab-map').click();
    const map = app.byTestId('map-canvas');
    await map.waitFor({ state: 'visible' });
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="map-canvas"]')?.dataset.items) === 63);
    assert.equal(grids.length, 1);
    assert.match(await app.byTestId('map-canvas-status').innerText(), /12 lượt hội nghị theo tỉnh/);
    await app.byTestId('map-view').screenshot({ path: 'tests/screenshots/24-map-desktop.png' });
    await app.byTestId('map-today').click();
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="map-canvas"]')?.dataset.items) === 34);

    // Hover until a province with meetings is named, click it: the province filter takes it.
    await map.scrollIntoViewIfNeeded();
    const box = await map.boundingBox();
    let found = null;
    for (let y = box.y + 8; y < box.y + box.height && !found; y += 10) {
      for (let x = box.x + 8; x < box.x + box.width && !found; x += 10) {
        await page.mouse.move(x, y);
        const said = await app.byTestId('map-canvas-status').innerText();
        if (/· [1-9]\d* hội nghị/.test(said)) found = { x, y, said };
      }
    }
    assert.ok(found, 'a province with meetings answers the pointer');
    await page.mouse.click(found.x, found.y);
    const province = found.said.split(' · ')[0];
    await page.waitForFunction((p) => decodeURIComponent(location.hash).includes(`tinh-nay=${p}`), province);
    const svg = await app.download(app.byTestId('map-canvas-svg'));
    assert.match(svg.text, new RegExp(`Bản đồ hội nghị theo tỉnh · Hội Nghị · lọc: tỉnh \\(nay\\) ${province}`));
  });
});
