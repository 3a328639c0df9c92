// The 汇总 workspace: many units' files dropped at once (this app's JSON and
// published reports as text), one line each with its checks; 有错误 shows
// exactly the broken units; the roll-up's 表三 is the hand sum; the unit list
// downloads as CSV with its columns; a duplicate asks which to keep; a reload
// keeps the workspace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, shared, openApp, appReady } from './harness.mjs';
import { expect } from './expect.mjs';

const s = shared();
const FIXTURES = join(ROOT, 'crates/nianbao-core/tests/fixtures');

/** 30 units of 2024: unit k's 表三 is the base report's scaled by k; units 4, 11 and 25 break T3-3. */
async function units() {
  const base = JSON.parse(await readFile(join(FIXTURES, 'base-f2021.json'), 'utf8'));
  const out = [];
  for (let k = 1; k <= 30; k++) {
    const doc = structuredClone(base);
    doc.report.agency.name = `第${k}局`;
    for (const row of Object.values(doc.report.table3)) {
      for (const col of Object.keys(row)) if (row[col] !== null) row[col] *= k;
    }
    if ([4, 11, 25].includes(k)) {
      doc.report.table3.newReceived.natural += 1;
      doc.report.table3.newReceived.total += 1;
    }
    out.push({ name: `unit-${k}.json`, bytes: [...Buffer.from(JSON.stringify(doc))] });
  }
  for (const y of [2023, 2024]) {
    const name = `${y}_county_jiangsu_huaian_hongze_govt.txt`;
    out.push({ name, bytes: [...(await readFile(join(FIXTURES, 'samples', name)))] });
  }
  return { base, files: out };
}

async function drop(page, files) {
  const dt = await page.evaluateHandle((list) => {
    const t = new DataTransfer();
    for (const f of list) t.items.add(new File([new Uint8Array(f.bytes)], f.name));
    return t;
  }, files);
  await page.dispatchEvent('section.collect', 'dragover', { dataTransfer: dt });
  await page.dispatchEvent('section.collect', 'drop', { dataTransfer: dt });
}

const rows = (page) => page.locator('#collect-list tbody tr');

test('the first load fetches the editor only; the 汇总 module is fetched the first time #collect shows', async () => {
  // No service worker: requests go to the network, where the test sees (and blocks) them.
  const context = await s.browser.newContext({ locale: 'zh-CN', serviceWorkers: 'block' });
  const page = await context.newPage();
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname.split('/').pop()));
  await page.goto(s.url);
  await appReady(page);
  await page.getByRole('textbox', { name: '机关名称' }).fill('某县人民政府');
  assert.ok(fetched.includes('nianbao_bg.wasm'));
  for (const later of ['nianbao_collect.js', 'nianbao_collect_bg.wasm', 'collect-store.js', 'nianbao_ledger_bg.wasm', 'nianbao_files_bg.wasm', 'nianbao_word_bg.wasm', 'nianbao_portal.js', 'nianbao_portal_bg.wasm', 'nianbao_drafts.js', 'nianbao_drafts_bg.wasm', 'nianbao_check.js', 'nianbao_check_bg.wasm', 'nianbao_compose.js', 'nianbao_compose_bg.wasm', 'nianbao_graphic.js', 'nianbao_graphic_bg.wasm']) {
    assert.ok(!fetched.includes(later), `${later} is not part of the first load`);
  }
  await page.getByRole('link', { name: '汇总多个单位' }).click();
  await page.getByRole('heading', { name: '汇总：检查和合计多个单位的报告' }).waitFor();
  assert.ok(fetched.includes('nianbao_collect_bg.wasm'), 'loaded on first use');
  // Back to the editor: what was typed is there; the workspace is kept.
  await page.getByRole('link', { name: '返回编辑报告' }).click();
  assert.equal(await page.getByRole('textbox', { name: '机关名称' }).inputValue(), '某县人民政府');
  await context.close();
});

test('when the 汇总 module cannot be fetched, the page says so and the editor keeps working', async () => {
  // No service worker: requests go to the network, where the test sees (and blocks) them.
  const context = await s.browser.newContext({ locale: 'zh-CN', serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.route(/nianbao_collect/, (r) => r.abort());
  await page.goto(s.url);
  await appReady(page);
  await page.getByRole('link', { name: '汇总多个单位' }).click();
  await expect(async () => /无法加载程序文件 \.\/nianbao_collect\.js，可能是网络中断/.test(await page.locator('#collect').innerText()), 'said');
  assert.match(await page.locator('#live').innerText(), /无法加载程序文件/);
  await page.evaluate(() => (location.hash = ''));
  await page.getByRole('textbox', { name: '机关名称' }).fill('仍可填写');
  assert.equal(await page.getByRole('textbox', { name: '机关名称' }).inputValue(), '仍可填写');
  await context.close();
});

test('drop 32 files, filter, roll up, CSV, reload', async () => {
  const { context, page, errors } = await openApp(s.browser, s.url);
  await page.getByRole('link', { name: '汇总多个单位' }).click();
  await page.getByRole('heading', { name: '汇总：检查和合计多个单位的报告' }).waitFor();
  const { base, files } = await units();
  await drop(page, files);
  await expect(async () => /共 32 个单位，显示 32 个/.test(await page.locator('#collect-count').innerText()), '32 units listed', 60000);
  // A line per unit with its counts.
  const third = rows(page).filter({ hasText: '第3局' });
  assert.match(await third.innerText(), /\b66\b/, '新收 22 × 3');

  await page.getByRole('radio', { name: '有错误' }).check();
  await expect(async () => /显示 \d+ 个/.test(await page.locator('#collect-count').innerText()), 'filtered');
  const broken = await rows(page).locator('th').allInnerTexts();
  const names = broken.map((t) => t.split('\n')[0].split('（')[0].trim()).sort();
  // The published county reports: 2023 has its two genuine 表四 errors; 2024 none in its tables but blank cells.
  const expectedUnits = ['第11局', '第25局', '第4局'];
  for (const n of expectedUnits) assert.ok(names.includes(n), `${n} listed as having errors: ${names}`);
  for (const n of names) assert.ok(expectedUnits.includes(n) || /洪泽/.test(n), `only units with errors: ${n}`);
  const withErrors = await rows(page).locator('.unit-errors').allInnerTexts();
  assert.ok(withErrors.every((e) => Number(e) > 0));
  await page.getByRole('radio', { name: '全部' }).check();

  // Roll up the 30 generated units of 2024 (the county's 2024 report left out).
  const county = rows(page).filter({ hasText: '2024_county' });
  await county.getByRole('checkbox').uncheck();
  await page.getByRole('button', { name: /合计 2024 年度（2021年版格式）的 30 个单位/ }).click();
  const tables = page.locator('#rollup-tables');
  await tables.waitFor();
  // 表三 of the roll-up: the base's values times Σk (465), one more 自然人 new per broken unit.
  const sum = 465;
  const t3 = tables.locator('table').nth(1);
  const cells = await t3.locator('td.num').allInnerTexts();
  const order = Object.entries(base.report.table3).flatMap(([row, cols]) => Object.entries(cols).map(([col, v]) => [row, col, v]));
  assert.equal(cells.length, order.length);
  order.forEach(([row, col, v], i) => {
    let want = v === null ? '' : String(v * sum);
    if (row === 'newReceived' && (col === 'natural' || col === 'total')) want = String(v * sum + 3);
    assert.equal(cells[i], want, `${row} ${col}`);
  });
  // 派生指标 of the roll-up come from its summed totals, never an average of the units' rates.
  const t3base = base.report.table3;
  const [g, p, handled] = [t3base.granted.total, t3base.partial.total, t3base.resultTotal.total].map((v) => v * sum);
  const rate = `${((g + p) * 100 / handled).toFixed(1)}%`;
  const indicators = await page.locator('#rollup-indicators tr', { hasText: '实质公开率' }).innerText();
  assert.match(indicators, new RegExp(`${g + p}[\\s\\S]*${handled}[\\s\\S]*${rate.replace('.', '\\.')}`), indicators);
  // The sum as open data: each figure keyed, with its labels and unit.
  const [sumCsv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载合计数据（CSV）' }).click()]);
  assert.equal(sumCsv.suggestedFilename(), '2024年度合计（数据）.csv');
  const sumLines = (await readFile(await sumCsv.path(), 'utf8')).replace(/^\uFEFF/, '').split(/\r?\n/);
  assert.ok(
    sumLines.includes(`table3.granted.total,30 个单位合计,2024,2021年版格式,表三,三、本年度办理结果（一）予以公开,总计,${t3base.granted.total * sum},件`),
    sumLines.filter((l) => l.includes('granted')).join('\n'),
  );
  const found = await page.locator('#rollup-findings').innerText();
  assert.match(found, /T3-3/);
  assert.match(found, /造成不符的单位：第4局、第11局、第25局|造成不符的单位：第11局、第25局、第4局|造成不符的单位：[第\d局、]+/);
  for (const n of expectedUnits) assert.ok(found.includes(n), `${n} named`);

  // The unit list as CSV.
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载单位清单（CSV）' }).click()]);
  const csv = await readFile(await d.path(), 'utf8');
  assert.ok(csv.startsWith('\ufeff'), 'BOM for Excel');
  const lines = csv.slice(1).trim().split('\n');
  const head = lines[0].split(',');
  assert.deepEqual(head.slice(0, 4), ['来源文件', '机关名称', '机关类型', '报告年度']);
  assert.ok(head.includes('新收申请') && head.includes('错误'));
  assert.equal(lines.length, 33);
  const unit7 = lines.find((l) => l.startsWith('unit-7.json')).split(',');
  assert.equal(unit7[head.indexOf('新收申请')], String(22 * 7));
  assert.equal(unit7[head.indexOf('错误')], '0');
  assert.equal(head.at(-1), '错误内容');
  assert.match(lines.find((l) => l.startsWith('unit-4.json')), /T3-3：/, 'the errors in words');

  // The printable summary: the list and the roll-up as it was made.
  const [h] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载汇总（可打印的 HTML）' }).click()]);
  const summary = await readFile(await h.path(), 'utf8');
  assert.match(summary, /2024 年度政府信息公开工作年度报告汇总/);
  assert.match(summary, /共 32 个单位/);
  assert.match(summary, /造成不符的单位：[^<]*第4局/, "the roll-up's findings with their units");
  const drawn = await tables.innerHTML();
  assert.ok(summary.includes(drawn.slice(0, 200)), "the roll-up's tables as drawn in the workspace");

  // Search and order: typing narrows the list by agency or file name; 错误数 puts the broken units first.
  const search = page.getByRole('searchbox', { name: /搜索/ });
  await search.pressSequentially('第2');
  await expect(async () => /共 32 个单位，显示 11 个/.test(await page.locator('#collect-count').innerText()), '第2, 第20–29 shown');
  await search.fill('unit-25.json');
  await expect(async () => /显示 1 个/.test(await page.locator('#collect-count').innerText()), 'by file name');
  await search.fill('');
  await page.getByRole('combobox', { name: /排序/ }).selectOption({ label: '错误数（多的在前）' });
  await expect(async () => Number(await rows(page).first().locator('.unit-errors').innerText()) > 0, 'most errors first');
  const errs = (await rows(page).locator('.unit-errors').allInnerTexts()).map(Number);
  assert.deepEqual(errs, [...errs].sort((a, b) => b - a), 'in order of errors');

  // A reload keeps the workspace.
  await page.reload();
  await page.getByRole('heading', { name: '汇总：检查和合计多个单位的报告' }).waitFor();
  await expect(async () => /共 32 个单位/.test(await page.locator('#collect-count').innerText()), 'kept after reload', 30000);

  // The same file again: the same unit, said and not added (A7: never summed twice).
  await drop(page, [files[6]]);
  await expect(async () => /“unit-7\.json”与已添加的“unit-7\.json”内容完全相同，没有重复添加/.test(await page.locator('.collect-problems').innerText()), 'identical said');
  assert.match(await page.locator('#collect-count').innerText(), /共 32 个单位/);
  // The same agency and year with other figures: the person chooses.
  const changed = JSON.parse(Buffer.from(files[6].bytes).toString());
  changed.report.signedDate = '2025-01-21';
  await drop(page, [{ name: 'unit-7-again.json', bytes: [...Buffer.from(JSON.stringify(changed))] }]);
  const dialog = page.getByRole('dialog', { name: '有重复的单位' });
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /第7局/);
  await dialog.getByRole('button', { name: '保留原有的' }).click();
  await dialog.waitFor({ state: 'hidden' });
  assert.match(await page.locator('#collect-count').innerText(), /共 32 个单位/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('units of different years are never summed; a unit opens read-only or as a draft', async () => {
  const { context, page, errors } = await openApp(s.browser, s.url);
  await page.goto(`${s.url}#collect`);
  await page.getByRole('heading', { name: '汇总：检查和合计多个单位的报告' }).waitFor();
  const base = JSON.parse(await readFile(join(FIXTURES, 'base-f2021.json'), 'utf8'));
  const old = structuredClone(base);
  old.report.year = 2020;
  await drop(page, [
    { name: 'a.json', bytes: [...Buffer.from(JSON.stringify(base))] },
    { name: 'old.json', bytes: [...Buffer.from(JSON.stringify(old))] },
  ]);
  await expect(async () => /共 2 个单位/.test(await page.locator('#collect-count').innerText()), 'two');
  // One roll-up per year and format: the two are never offered together.
  const groups = await page.getByRole('button', { name: /^合计 / }).allInnerTexts();
  assert.deepEqual(groups.sort(), ['合计 2020 年度（2021年版格式）的 1 个单位', '合计 2024 年度（2021年版格式）的 1 个单位']);
  await rows(page).filter({ hasText: 'old.json' }).getByRole('button', { name: '移除' }).click();
  await expect(async () => /共 1 个单位/.test(await page.locator('#collect-count').innerText()), 'removed');
  await rows(page).getByRole('button', { name: '查看' }).click();
  const view = page.getByRole('dialog', { name: /示例区发展和改革局2024年政府信息公开工作年度报告（只读）/ });
  await view.waitFor();
  await view.getByRole('button', { name: '作为草稿打开以修改' }).click();
  await page.locator('#main').waitFor({ state: 'visible' });
  await expect(async () => (await page.getByRole('textbox', { name: '机关名称' }).inputValue()) === '示例区发展和改革局', 'opened as a draft');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a12: a drop while “有重复的单位” is open adds its question to the open ones, never instead of them', async () => {
  const { context, page, errors } = await openApp(s.browser, s.url);
  await page.goto(`${s.url}#collect`);
  await page.getByRole('heading', { name: '汇总：检查和合计多个单位的报告' }).waitFor();
  const { files } = await units();
  await drop(page, files.slice(0, 3));
  await expect(async () => /共 3 个单位/.test(await page.locator('#collect-count').innerText()), '3 units', 30000);
  const again = (k) => {
    const doc = JSON.parse(Buffer.from(files[k].bytes).toString());
    doc.report.signedDate = '2025-01-22';
    return { name: `again-${k}.json`, bytes: [...Buffer.from(JSON.stringify(doc))] };
  };
  await drop(page, [again(0)]);
  const dialog = page.getByRole('dialog', { name: '有重复的单位' });
  await dialog.waitFor();
  await drop(page, [again(1)]);
  await expect(async () => (await dialog.locator('li').count()) === 2, 'both questions');
  assert.match(await dialog.innerText(), /第1局[\s\S]*第2局/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a12/f3: files dropped the moment the workspace opens are all kept, and a reload midway keeps those read', async () => {
  const { context, page, errors } = await openApp(s.browser, s.url);
  const { files } = await units();
  // Dropped at once, while the stored workspace is still loading.
  await page.goto(`${s.url}#collect`);
  await drop(page, files.slice(0, 10));
  await expect(async () => /共 10 个单位/.test(await page.locator('#collect-count').innerText()), '10 units', 30000);
  await page.waitForTimeout(500);
  assert.match(await page.locator('#collect-count').innerText(), /共 10 个单位/, 'none vanished when the stored list arrived');
  // 20 more at 4× CPU, and a reload while they are being read.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await drop(page, files.slice(10, 30));
  await expect(async () => /正在读取和检查：(9|1\d) \/ 20/.test(await page.locator('.collect-progress').innerText()), 'midway', 60000);
  await page.reload();
  await page.getByRole('heading', { name: '汇总：检查和合计多个单位的报告' }).waitFor();
  await expect(async () => {
    const n = Number(/共 (\d+) 个单位/.exec(await page.locator('#collect-count').innerText())?.[1]);
    return n >= 18;
  }, 'those read before the reload are kept', 30000);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a13: the workspace belongs to its storage namespace', async () => {
  const { context, page } = await openApp(s.browser, `${s.url}?ns=unit-a#collect`);
  await page.getByRole('heading', { name: '汇总：检查和合计多个单位的报告' }).waitFor();
  const { files } = await units();
  await drop(page, files.slice(0, 2));
  await expect(async () => /共 2 个单位/.test(await page.locator('#collect-count').innerText()), '2 units', 30000);
  const other = await context.newPage();
  await other.goto(`${s.url}?ns=unit-b#collect`);
  await other.getByRole('heading', { name: '汇总：检查和合计多个单位的报告' }).waitFor();
  await other.waitForTimeout(500);
  assert.match(await other.locator('#collect-count').innerText(), /共 0 个单位/);
  await other.goto(`${s.url}?ns=unit-a#collect`);
  await expect(async () => /共 2 个单位/.test(await other.locator('#collect-count').innerText()), 'its own', 30000);
  await context.close();
});

test('a7: a unit without a printed year or an agency is held out of the roll-up until confirmed; two windows store one unit once', async () => {
  const { context, page, errors } = await openApp(s.browser, s.url);
  await page.goto(`${s.url}#collect`);
  await page.getByRole('heading', { name: '汇总：检查和合计多个单位的报告' }).waitFor();
  const text = '一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |\n二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |';
  const nameless = [{ name: 'a.txt', bytes: [...Buffer.from(text)] }, { name: 'b.txt', bytes: [...Buffer.from(text)] }];
  await drop(page, nameless);
  // Identical content: one unit, said.
  await expect(async () => /“b\.txt”与已添加的“a\.txt”内容完全相同/.test(await page.locator('.collect-problems').innerText()), 'identical', 30000);
  const row = rows(page).filter({ hasText: 'a.txt' });
  assert.match(await row.innerText(), /需要确认：文件中没有找到报告年度，没有机关名称/);
  assert.match(await row.innerText(), /未确认/, 'the stand-in year is not shown as its year');
  assert.equal(await page.getByRole('button', { name: /^合计/ }).count(), 0, 'not offered for a roll-up');
  assert.match(await page.locator('#collect-unsure').innerText(), /1 个单位需要先确认/);
  await row.getByRole('button', { name: '确认年度和机关名称' }).click();
  const dialog = page.getByRole('dialog', { name: '确认年度和机关名称' });
  await dialog.getByRole('spinbutton', { name: '报告年度' }).fill('2025');
  await dialog.getByRole('textbox', { name: '机关名称' }).fill('某镇人民政府');
  await dialog.getByRole('button', { name: '确认', exact: true }).click();
  await expect(async () => (await page.getByRole('button', { name: /^合计 2025 年度/ }).count()) === 1, 'now offered');
  // The same file added in a second window: still one unit after a reload.
  const { files } = await units();
  const other = await context.newPage();
  await other.goto(`${s.url}#collect`);
  await other.getByRole('heading', { name: '汇总：检查和合计多个单位的报告' }).waitFor();
  await Promise.all([drop(page, [files[0]]), drop(other, [files[0]])]);
  await expect(async () => /共 2 个单位/.test(await page.locator('#collect-count').innerText()), 'added here', 30000);
  await expect(async () => /共 2 个单位/.test(await other.locator('#collect-count').innerText()), 'added there', 30000);
  await page.reload();
  await expect(async () => /共 2 个单位/.test(await page.locator('#collect-count').innerText()), 'stored once', 30000);
  assert.deepEqual(errors, []);
  await context.close();
});
