// Launches Debian's Chromium through playwright-core, and keeps the page honest:
// every request must go to the local test server, and no script may fail.
import { chromium } from 'playwright-core';

const EXECUTABLE = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** A headless Chromium; `CHROMIUM_ARGS` (space-separated) adds switches, for a bench or profile to look inside
 * (e.g. `--js-flags=--trace-wasm-compilation-times`, read with `DEBUG=pw:browser`). */
export function launchBrowser() {
  const extra = (process.env.CHROMIUM_ARGS ?? '').split(' ').filter(Boolean);
  return chromium.launch({ executablePath: EXECUTABLE, args: [...ARGS, ...extra], headless: true });
}

/**
 * Opens a page whose requests, console errors and uncaught exceptions are recorded.
 * `problems()` lists requests to any other origin than `origin`, and errors
 * except those a spec said it expects (`expectError(regex)`).
 */
export async function openGuardedPage(browser, origin) {
  const context = await browser.newContext({
    viewport: { width: 1100, height: 900 },
    locale: 'vi-VN',
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await context.newPage();
  const offsite = [];
  const errors = [];
  const expected = [];
  page.on('request', (req) => {
    if (new URL(req.url()).origin !== origin) offsite.push(req.url());
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
  return {
    page,
    expectError: (regex) => expected.push(regex),
    problems: () => ({
      offsite: [...offsite],
      errors: errors.filter((e) => !expected.some((r) => r.test(e))),
    }),
    close: () => context.close(),
  };
}
