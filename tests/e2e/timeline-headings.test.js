// Browser spec of the timeline list's headings (src/components/timeline.rs, style/main.css): scrolled anywhere in
// its box, at desktop and at phone width, the heading at the top of the box is that of the meetings there, also
// in the middle of a month of a hundred meetings, where the list keeps only the entries near view (the month's own
// heading is no longer in the page). The headings used to stick only while their own entry was on screen.
// Run through `make e2e` (after `make dist`): node --test tests/e2e/
import { before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { servedPage } from './suite.js';

const PROVINCES = ['Bình Định', 'Kon Tum', 'Gia Lai', 'Phú Yên'];
const MONTHS = [3, 4, 5];
/** One meeting an article: each day of three months in four provinces (112 meetings a month). */
const MEETINGS = PROVINCES.length * 28 * MONTHS.length;

describe('Timeline list: the heading of the meetings in view stays at the top', () => {
  const served = servedPage();
  let server, app, page;
  beforeEach(() => ({ server, app, page } = served));
  let paths;

  before(async () => {
    const dir = join('target', 'e2e-timeline-headings');
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    paths = [];
    for (const month of MONTHS) {
      for (let day = 1; day <= 28; day++) {
        for (const province of PROVINCES) {
          const path = join(dir, `${month}-${day}-${paths.length}.txt`);
          await writeFile(path, `${province}, ngày ${day}/${month}/2024\n\nSáng ${day}/${month}, UBND tỉnh ${province} tổ chức hội nghị triển khai nhiệm vụ năm 2024.\n`);
          paths.push(path);
        }
      }
    }
  });

  /** Scrolls the list's box to `fraction` of its height; returns (the heading seen at the top of the box, the
   * heading of the entry there: the last entry in the page that starts above that line). The line is 20 px into
   * the box: a heading is taller, and the first one starts a margin below the top. */
  async function headingsAt(fraction) {
    await page.evaluate((f) => {
      const box = document.getElementById('timeline-rows');
      box.scrollTop = f * (box.scrollHeight - box.clientHeight);
    }, fraction);
    // The rows of the new window come in the next frames.
    await page.waitForTimeout(300);
    return page.evaluate(() => {
      const box = document.getElementById('timeline-rows');
      const top = box.getBoundingClientRect().top + 20;
      const label = (el) => el.querySelector('h3').textContent.replace(/ · \d+$/, '');
      const month = (date) => `Tháng ${Number(date.slice(5, 7))}/${date.slice(0, 4)}`;
      const seen = document.elementFromPoint(box.getBoundingClientRect().left + 20, top)?.closest('li.group');
      let expected = null;
      for (const el of box.querySelectorAll('li.group, li.meeting')) {
        // The heading kept first after the spacer stands for one out of the page: not an entry of its own.
        if (el.previousElementSibling?.classList.contains('spacer')) continue;
        if (el.getBoundingClientRect().top > top) break;
        expected = el.classList.contains('group') ? label(el) : month(el.querySelector('[data-testid="meeting-date"]').dataset.date);
      }
      return { seen: seen ? label(seen) : null, expected, scrollTop: box.scrollTop };
    });
  }

  it('scrolled through three months of 112 meetings, at desktop and phone width', async () => {
    await app.open(server.url);
    await app.chooseFiles(paths);
    await page.waitForFunction((n) => !document.querySelector('[data-testid="progress"]')
      && new RegExp(`${n} hội nghị`).test(document.querySelector('[data-testid="view-counts"]')?.textContent ?? ''),
    MEETINGS, { timeout: 120_000 });
    for (const [width, height, suffix] of [[1100, 900, ''], [390, 844, '-phone']]) {
      await page.setViewportSize({ width, height });
      await app.byTestId('timeline-list').scrollIntoViewIfNeeded();
      for (const fraction of [0, 0.05, 0.17, 0.33, 0.34, 0.5, 0.66, 0.7, 0.9, 1]) {
        const at = await headingsAt(fraction);
        assert.ok(at.expected, `an entry at the top at ${fraction}: ${JSON.stringify(at)}`);
        assert.equal(at.seen, at.expected, `the heading at the top of the box, scrolled to ${fraction} (${width} px wide)`);
        if (fraction === 0.5) {
          // The middle of April: its heading is far above, out of the page.
          assert.equal(at.seen, 'Tháng 4/2024');
          await page.evaluate(() => document.getElementById('timeline-rows').scrollIntoView());
          await page.screenshot({ path: `tests/screenshots/timeline-heading-scrolled${suffix}.png` });
        }
      }
    }
  });
});
