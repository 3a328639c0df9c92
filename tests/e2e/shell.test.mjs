import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, serveDist, openApp, ARTIFACTS, appReady } from './harness.mjs';

const HEADINGS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
];

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function checkShell(prefix, shot) {
  const { server, url } = await serveDist({ prefix });
  try {
    const { context, page, errors } = await openApp(browser, url);
    await assert.doesNotReject(
      page.getByRole('heading', { level: 1, name: '政府信息公开工作年度报告编制' }).waitFor(),
    );
    const h2 = await page.locator('section.report-section h2').allTextContents();
    assert.deepEqual(h2, HEADINGS);
    for (const name of HEADINGS) {
      // Each section is a region landmark named by its heading.
      assert.equal(await page.getByRole('region', { name, exact: true }).count(), 1, name);
    }
    await page.screenshot({ path: join(ARTIFACTS, shot), fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    server.close();
  }
}

test('the release page shows the title and the six official headings in order', async () => {
  await checkShell('/', 'shell.png');
});

test('dist/ works when served from a sub-path (relative asset URLs)', async () => {
  await checkShell('/some/sub/path/', 'shell-subpath.png');
});

test('an internal error (a wasm trap) is said in plain Chinese, and what was typed comes back after a reload', async () => {
  const { server, url } = await serveDist();
  const { context, page } = await openApp(browser, url);
  const name = page.getByRole('textbox', { name: '机关名称' });
  await name.fill('东里街道办事处');
  // What the browser reports when the release build stops at a panic.
  await page.evaluate(() => window.dispatchEvent(new ErrorEvent('error', { error: new WebAssembly.RuntimeError('unreachable') })));
  const alert = page.locator('#fatal-error');
  assert.match(await alert.innerText(), /程序遇到内部错误，已停止工作。刚才输入的内容已保存在本浏览器中，请刷新页面继续/);
  assert.equal(await alert.getAttribute('role'), 'alert');
  // Another error does not stack a second message.
  await page.evaluate(() => window.dispatchEvent(new ErrorEvent('error', { error: new WebAssembly.RuntimeError('unreachable') })));
  assert.equal(await page.locator('#fatal-error').count(), 1);
  await page.reload();
  await appReady(page);
  assert.equal(await page.getByRole('textbox', { name: '机关名称' }).inputValue(), '东里街道办事处');
  await context.close();
  server.close();
});

test('when the file module cannot load, writing HTML says so in Chinese and nothing typed is lost', async () => {
  // A deployment that lost the module (or a network that drops it mid-way).
  const { server, url } = await serveDist({ edits: { 'nianbao_files.js': () => 'throw new Error("unavailable");' } });
  const { context, page } = await openApp(browser, url);
  await page.getByRole('textbox', { name: '机关名称' }).fill('东里街道办事处');
  await page.getByRole('button', { name: '下载 HTML' }).click();
  const notice = page.locator('.notice-error');
  await notice.waitFor();
  assert.match(await notice.innerText(), /无法加载读写文件的程序部分（nianbao_files），可能是网络中断。请检查网络后重试；已输入的内容不受影响。/);
  assert.equal(await page.getByRole('textbox', { name: '机关名称' }).inputValue(), '东里街道办事处');
  // The JSON file needs no extra part.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 JSON' }).click()]);
  assert.match(download.suggestedFilename(), /\.json$/);
  await context.close();
  server.close();
});

test('the form appears where it stays: no layout shift while the page loads', async () => {
  const { server, url } = await serveDist();
  for (const viewport of [{ width: 412, height: 823 }, { width: 1280, height: 800 }]) {
    const context = await browser.newContext({ viewport });
    await context.addInitScript(() => {
      window.__shift = 0;
      new PerformanceObserver((l) => l.getEntries().forEach((e) => { window.__shift += e.value; })).observe({ type: 'layout-shift', buffered: true });
    });
    const page = await context.newPage();
    await page.goto(url);
    await appReady(page);
    await page.waitForTimeout(1000);
    assert.equal(await page.evaluate(() => window.__shift), 0, `layout shift at ${viewport.width}px`);
    await context.close();
  }
  server.close();
});
