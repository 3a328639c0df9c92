// A local rule pack set by the deployment (index.html's #nianbao-rules): a
// 1,000-character 总体情况, a required phrase and a threshold on a derived
// indicator raise 提示 naming the pack — at their places, in the summary
// and in the 体检报告. A broken pack is refused in words; the page works on.
// Without a pack, its module is not fetched for it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { shared, openIn } from './harness.mjs';
import { expect } from './expect.mjs';

const s = shared();
const GRANTED = '三、本年度办理结果（一）予以公开';
const SECRET = '三、本年度办理结果（三）不予公开1.属于国家秘密';
const EMPTY = '<script type="application/json" id="nianbao-rules"></script>';

const PACK = JSON.stringify({
  schema: 'nianbao.rules',
  schemaVersion: 1,
  name: '某市补充要求',
  rules: [
    { maxChars: { field: 'overview', max: 1000 } },
    { phrase: { field: 'problems', phrase: '改进措施' } },
    { indicator: { name: '实质公开率', min: 50 } },
  ],
});

/** The app as a deployment with `pack` in its index.html serves it. */
async function deployed(pack) {
  const context = await s.browser.newContext({ acceptDownloads: true, locale: 'zh-CN', serviceWorkers: 'block' });
  const fetched = [];
  context.on('request', (r) => fetched.push(new URL(r.url()).pathname.split('/').pop()));
  await context.route((url) => url.pathname === '/' || url.pathname.endsWith('/index.html'), async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(EMPTY, EMPTY.replace('><', `>${pack}<`));
    await route.fulfill({ response, body });
  });
  return { context, fetched, ...(await openIn(context, s.url)) };
}

test('a local pack raises its findings with its name, in the editor, the summary and the 体检报告', async () => {
  const { context, page, ed, errors } = await deployed(PACK);
  await ed.setYear(2025);
  await page.getByRole('textbox', { name: '总述' }).fill('本机关'.repeat(334));
  await page.getByRole('textbox', { name: '存在的主要问题及改进情况' }).fill('存在的问题：公开内容不够全面。');
  await ed.fill(`${GRANTED} 自然人`, '1');
  await ed.fill(`${SECRET} 自然人`, '9');
  await ed.check();
  const summary = () => ed.summaryText();
  await expect(async () => /【某市补充要求】“一、总体情况”最多 1000 个字，现有 1002 个字/.test(await summary()), 'length limit');
  assert.match(await summary(), /【某市补充要求】“五、存在的主要问题及改进情况”应写明“改进措施”/);
  assert.match(await summary(), /【某市补充要求】实质公开率为 10\.0%.*本地要求不低于 50%/);
  // At its place: under the section's box.
  assert.match(await page.locator('.field-findings', { hasText: '改进措施' }).first().textContent(), /某市补充要求/);
  // Fixed: it goes.
  await page.getByRole('textbox', { name: '存在的主要问题及改进情况' }).fill('存在的问题和改进措施：……');
  await expect(async () => !/应写明“改进措施”/.test(await summary()), 'the phrase is there now');

  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '体检报告', exact: true }).first().click()]);
  const html = await readFile(await d.path(), 'utf8');
  assert.match(html, /【某市补充要求】3 条规则，已一并检查/);
  assert.match(html, /【某市补充要求】实质公开率为 10\.0%/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a broken pack is refused in words and the page works on', async () => {
  const broken = PACK.replace('"overview"', '"nowhere"');
  const { context, page, ed, errors } = await deployed(broken);
  await expect(async () => /本地规则包无法使用：第 1 条规则指向的栏目“nowhere”不存在。其余检查照常进行。/.test(await ed.notice().innerText()), 'refused in words');
  await ed.fill(`${GRANTED} 自然人`, '4');
  assert.equal(await ed.value(`${GRANTED} 自然人`), '4');
  await ed.check();
  assert.doesNotMatch(await ed.summaryText(), /某市补充要求/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('without a pack the checks module is not fetched for it', async () => {
  const { context, page, ed, fetched } = await deployed('');
  await ed.fill(`${GRANTED} 自然人`, '4');
  await page.waitForTimeout(500);
  assert.ok(!fetched.includes('nianbao_check_bg.wasm'), fetched.join(' '));
  await context.close();
});
