// The page object: what a user sees and does on the Hội Nghị page, through data-testid only.

export class HoiNghiPage {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
  }

  byTestId(id) {
    return this.page.locator(`[data-testid="${id}"]`);
  }

  get pasteBox() { return this.byTestId('paste-box'); }
  get extractButton() { return this.byTestId('extract-button'); }
  get clearButton() { return this.byTestId('clear-button'); }
  get privacyNote() { return this.byTestId('privacy-note'); }
  get officialsTable() { return this.byTestId('officials-table'); }
  get officialsHint() { return this.byTestId('officials-hint'); }
  get officialRows() { return this.byTestId('official-row'); }

  /** Opens the page and waits until the app has mounted (the paste box is there). */
  async open(url) {
    const response = await this.page.goto(url);
    if (!response || !response.ok()) throw new Error(`GET ${url}: ${response?.status()}`);
    await this.pasteBox.waitFor({ state: 'visible' });
  }

  /** Pastes `text` into the box as a user would: through the clipboard and Ctrl+V. */
  async paste(text) {
    await this.page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await this.pasteBox.click();
    await this.page.keyboard.press('ControlOrMeta+V');
  }

  /** Empties the box, which also clears the results. */
  async clear() {
    await this.clearButton.click();
  }

  /** Replaces the box's content with `text` (no paste event), then presses the extract button. */
  async fillAndExtract(text) {
    await this.pasteBox.fill(text);
    await this.extractButton.click();
  }

  /** The row of the official called `name` (exact match of the name cell). */
  officialRow(name) {
    return this.officialRows.filter({
      has: this.page.locator('[data-testid="official-name"]', { hasText: new RegExp(`^\\s*${escapeRegExp(name)}\\s*$`) }),
    });
  }

  /** The titles cell of `name`'s row. */
  titlesOf(name) {
    return this.officialRow(name).locator('[data-testid="official-titles"]');
  }

  async screenshot(name) {
    await this.page.screenshot({ path: `tests/screenshots/${name}.png`, fullPage: true });
  }
}

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
