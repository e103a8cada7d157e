// The page object: what a user sees and does on the Hội Nghị page, through data-testid only.
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';

export class HoiNghiPage {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
  }

  byTestId(id) {
    return this.page.locator(`[data-testid="${id}"]`);
  }

  get pasteBox() { return this.byTestId('paste-box'); }
  get addButton() { return this.byTestId('add-button'); }
  get samplesButton() { return this.byTestId('samples-button'); }
  get fileInput() { return this.byTestId('file-input'); }
  get folderInput() { return this.byTestId('folder-input'); }
  get dropZone() { return this.byTestId('drop-zone'); }
  get privacyNote() { return this.byTestId('privacy-note'); }
  get articleItems() { return this.byTestId('article-item'); }
  get articleErrors() { return this.byTestId('article-error'); }
  get progress() { return this.byTestId('progress'); }
  get message() { return this.byTestId('message'); }
  get officialsTable() { return this.byTestId('officials-table'); }
  get officialRows() { return this.byTestId('official-row'); }
  get documentRows() { return this.byTestId('document-row'); }
  get meetings() { return this.byTestId('meeting'); }
  get evidence() { return this.byTestId('evidence'); }
  get evidenceMark() { return this.byTestId('evidence-mark'); }
  get viewCounts() { return this.byTestId('view-counts'); }

  /** Opens the page and waits until the app has mounted (the paste box is there). */
  async open(url) {
    const response = await this.page.goto(url);
    if (!response || !response.ok()) throw new Error(`GET ${url}: ${response?.status()}`);
    await this.pasteBox.waitFor({ state: 'visible' });
  }

  /** Pastes `text` into the box as a user would (clipboard and Ctrl+V), then adds it. */
  async paste(text) {
    await this.page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await this.pasteBox.click();
    await this.page.keyboard.press('ControlOrMeta+V');
    await this.addButton.click();
  }

  /** Types `text` into the box (no paste event) and adds it. */
  async fillAndAdd(text) {
    await this.pasteBox.fill(text);
    await this.addButton.click();
  }

  /** Waits until `n` articles are listed and no batch is loading. */
  async waitForArticles(n, timeout = 15_000) {
    await this.page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="article-item"]').length === n
        && !document.querySelector('[data-testid="progress"]'),
      n, { timeout },
    );
  }

  /** Empties the page with "Xóa tất cả", accepting its confirmation, and waits until no article is left. */
  async clearAll() {
    this.page.once('dialog', (d) => d.accept());
    await this.byTestId('clear-all').click();
    await this.waitForArticles(0);
  }

  async loadSamples() {
    await this.samplesButton.click();
    await this.waitForArticles(5);
  }

  /** Chooses files in the file picker. */
  async chooseFiles(paths) {
    await this.fileInput.setInputFiles(paths);
  }

  /** Drops files on the drop zone, as a DataTransfer with the given names (paths inside a folder). */
  async dropFiles(files) {
    const payload = await Promise.all(files.map(async ({ path, name }) => ({
      name: name ?? basename(path),
      bytes: [...await readFile(path)],
    })));
    const dt = await this.page.evaluateHandle((payload) => {
      const dt = new DataTransfer();
      for (const f of payload) dt.items.add(new File([new Uint8Array(f.bytes)], f.name));
      return dt;
    }, payload);
    await this.dropZone.dispatchEvent('drop', { dataTransfer: dt });
  }

  /** Drops a folder of the disk on the drop zone as Chromium's own drag and drop does (through the DevTools
   * protocol): the page walks it, subfolders too, with `webkitGetAsEntry`. */
  async dropFolder(path) {
    const zone = await this.dropZone.boundingBox();
    const at = { x: zone.x + zone.width / 2, y: zone.y + zone.height / 2 };
    const data = { items: [], files: [resolve(path)], dragOperationsMask: 1 };
    const cdp = await this.page.context().newCDPSession(this.page);
    for (const type of ['dragEnter', 'dragOver', 'drop']) await cdp.send('Input.dispatchDragEvent', { type, ...at, data });
    await cdp.detach();
  }

  tab(name) { return this.byTestId(`tab-${name}`); }

  /** The row of the official called `name` (exact match of the name cell). */
  officialRow(name) {
    return this.officialRows.filter({
      has: this.page.locator('[data-testid="official-name"]', { hasText: new RegExp(`^\\s*${escapeRegExp(name)}\\s*$`) }),
    });
  }

  titlesOf(name) {
    return this.officialRow(name).locator('[data-testid="official-titles"]');
  }

  /** Clicks `button` and returns the downloaded file's name and text. */
  async download(button) {
    const [dl] = await Promise.all([this.page.waitForEvent('download'), button.click()]);
    const path = await dl.path();
    return { name: dl.suggestedFilename(), path, text: await readFile(path, 'utf8') };
  }

  async screenshot(name) {
    await this.page.screenshot({ path: `tests/screenshots/${name}.png`, fullPage: true });
  }
}

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
