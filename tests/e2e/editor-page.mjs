// Page object for the editor: finds things the way a person or a screen
// reader does — by role and accessible name.
import { expect } from './expect.mjs';

/** A cell of the form by its accessible name, in a page or frame. */
export function cellIn(scope, name) {
  return scope.getByRole('textbox', { name, exact: true });
}

/** Types `value` into a cell as a person does: focus (the editor input moves
 *  into the cell, its text selected), type over, leave. */
export async function fillCell(cell, value) {
  await cell.focus();
  await cell.fill(value);
  await cell.blur();
}

/** What a cell shows: the editor's value while it is being edited, else its text. */
export function cellValue(cell) {
  return cell.evaluate((el) => (el instanceof HTMLInputElement ? el.value : el.textContent));
}

export class EditorPage {
  constructor(page) {
    this.page = page;
  }

  /** A table cell by its accessible name (row labels, then column labels):
   *  its text, or the editor input while the cell has focus. */
  cell(name) {
    return cellIn(this.page, name);
  }

  t3(row, col = '自然人') {
    return this.cell(`${row} ${col}`);
  }

  async fill(name, value) {
    await fillCell(this.cell(name), value);
  }

  summary() {
    return this.page.locator('#error-summary');
  }

  /** Clicks 检查 and waits for the summary (drawn by a module loaded on first use). */
  async check() {
    await this.button('检查').click();
    await this.summary().waitFor();
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
    return cellValue(this.cell(name));
  }

  async waitForValue(name, want) {
    await expect(async () => (await this.value(name)) === want, `${name} = ${want}`);
  }
}
