// Page object for the editor: finds things the way a person or a screen
// reader does — by role and accessible name.
import { expect } from './expect.mjs';

export class EditorPage {
  constructor(page) {
    this.page = page;
  }

  /** A table cell by its accessible name (row labels, then column labels). */
  cell(name) {
    return this.page.getByRole('textbox', { name, exact: true });
  }

  t3(row, col = '自然人') {
    return this.cell(`${row} ${col}`);
  }

  async fill(name, value) {
    const c = this.cell(name);
    await c.fill(value);
    await c.blur();
  }

  summary() {
    return this.page.locator('#error-summary');
  }

  async summaryText() {
    return (await this.summary().count()) ? this.summary().innerText() : '';
  }

  notice() {
    return this.page.locator('#notice');
  }

  button(name) {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** Accessible name of the focused element. */
  focusedName() {
    return this.page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.id);
  }

  async setYear(year) {
    const y = this.page.getByRole('spinbutton', { name: '报告年度' });
    await y.fill(String(year));
    await y.press('Enter');
    await y.blur();
  }

  /** Puts text on the system clipboard and pastes it with Ctrl+V into `name`. */
  async paste(name, text) {
    await this.cell(name).focus();
    await this.page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await this.page.keyboard.press('Control+V');
  }

  async value(name) {
    return this.cell(name).inputValue();
  }

  async waitForValue(name, want) {
    await expect(async () => (await this.value(name)) === want, `${name} = ${want}`);
  }
}
