/// <reference types="chrome" />
/**
 * The side panel in real Chromium (opened as a tab with `?tabId=` of the page's tab): related
 * seed articles of a page and of a selection on it, an unrelated and an unreadable page, the
 * corpus search, the reader view, "关联到摘录", and the reader's own articles.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { askContent, SCREENSHOT_DIR, selectOnPage, useExtensionSession } from './harness';

const session = useExtensionSession({ beforeAll, afterAll });

const ENERGY = '液态空气储能示范项目在格尔木落地';
const MAGNESIUM = '德令哈建成全国最大盐湖食品级氧化镁生产线';
const ZIBO = '淄博高新区:知识产权工作获省级督查激励';

/** Opens a fixture page in a new tab, then the side panel for that tab (400 px wide, as in the browser). */
async function openWithPanel(host: Parameters<typeof session.server.url>[0], file: string): Promise<{ page: Page; panel: Page; url: string }> {
  const url = session.server.url(host, file);
  const page = await session.browser.context.newPage();
  await page.goto(url);
  const tabId = await session.ext.evaluate(async () => Math.max(...(await chrome.tabs.query({})).map((t) => t.id ?? -1)));
  const panel = await session.browser.openExtensionPage(`sidepanel.html?tabId=${tabId}`);
  await panel.setViewportSize({ width: 400, height: 900 });
  return { page, panel, url };
}

const titles = (panel: Page, list: string) => panel.getByRole('list', { name: list }).locator('.result-title').allTextContents();

describe('side panel', () => {
  it('lists the seed article a page is built from first, follows a selection, searches and reads an article', async () => {
    const { page, panel, url } = await openWithPanel('www.qhnews.com', 'qhnews-energy.html');
    // The corpus loads and the segmenter starts on first use: allow for a cold start.
    await expect.poll(() => titles(panel, '相关文章').then((t) => t[0]), { timeout: 30_000 }).toBe(ENERGY);
    const first = panel.getByRole('list', { name: '相关文章' }).getByRole('listitem').first();
    await expect.poll(() => first.getByRole('list', { name: '共同的实体' }).textContent()).toContain('格尔木市');
    expect(await first.locator('.result-sentence mark').count()).toBeGreaterThan(0);
    expect(await first.getByRole('meter', { name: '相关度' }).getAttribute('aria-valuenow')).toMatch(/^\d+$/);
    await panel.screenshot({ path: join(SCREENSHOT_DIR, 'sidepanel-related.png'), fullPage: true });

    // A selection on the page: the list is about it, until "显示整页相关文章".
    await selectOnPage(page, '青海创信电子材料年产1万吨食品级氧化镁生产线设备于近日完成安装调试');
    await panel.getByText('根据选中的文字').waitFor({ timeout: 10_000 });
    await expect.poll(() => titles(panel, '相关文章').then((t) => t[0]), { timeout: 15_000 }).toBe(MAGNESIUM);
    await panel.screenshot({ path: join(SCREENSHOT_DIR, 'sidepanel-selection.png'), fullPage: true });
    await panel.getByRole('button', { name: '显示整页相关文章' }).click();
    await expect.poll(() => titles(panel, '相关文章').then((t) => t[0]), { timeout: 15_000 }).toBe(ENERGY);

    // A clipping saved on the page (its related articles are filled in by the background).
    await selectOnPage(page, '液态空气储能作为支撑新型电力系统的重要技术和基础装备');
    await panel.getByRole('button', { name: '显示整页相关文章' }).waitFor({ timeout: 10_000 });
    expect((await askContent(session.ext, url, 'clippings/save-selection'))?.ok).toBe(true);
    await panel.getByRole('button', { name: '显示整页相关文章' }).click();

    // The search box finds an article of the corpus, which "关联到摘录" links to the page's clipping.
    await panel.getByRole('searchbox', { name: '搜索语料' }).fill('淄博高新区 知识产权');
    await expect.poll(() => titles(panel, '搜索结果').then((t) => t[0]), { timeout: 15_000 }).toBe(ZIBO);
    const ziboItem = panel.getByRole('list', { name: '搜索结果' }).getByRole('listitem').filter({ has: panel.getByRole('button', { name: ZIBO }) });
    await ziboItem.getByRole('button', { name: '关联到摘录' }).click();
    await ziboItem.getByRole('button', { name: '关联', exact: true }).click();
    await ziboItem.getByRole('status').filter({ hasText: '已关联到摘录' }).waitFor();
    await ziboItem.getByRole('button', { name: '已关联到摘录' }).waitFor();
    const linked = await panel.evaluate(async () => {
      const open = indexedDB.open('zwpz');
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        open.onsuccess = () => ok(open.result);
        open.onerror = () => fail(open.error);
      });
      const rows = await new Promise<Array<{ related: Array<{ articleId: string }> }>>((ok) => {
        const req = db.transaction('clippings').objectStore('clippings').getAll();
        req.onsuccess = () => ok(req.result);
      });
      db.close();
      return rows.flatMap((r) => r.related.map((a) => a.articleId));
    });
    expect(linked).toContain('seed:004_ab11b81221d97ae2#3');
    await panel.getByRole('searchbox', { name: '搜索语料' }).fill('');
    await expect.poll(() => titles(panel, '相关文章').then((t) => t[0])).toBe(ENERGY);

    // The reader view: the article with its entities highlighted and the matching sentence marked.
    await panel.getByRole('list', { name: '相关文章' }).getByRole('button', { name: ENERGY }).click();
    const reader = panel.getByRole('article', { name: ENERGY });
    await reader.waitFor();
    await expect.poll(() => reader.locator('mark.ent').count(), { timeout: 15_000 }).toBeGreaterThan(5);
    expect(await reader.locator('mark.ent.type-PLACE', { hasText: '格尔木市' }).count()).toBeGreaterThan(0);
    expect(await reader.locator('mark.ent.type-MONEY').first().textContent()).toBe('15.68亿元');
    expect(await reader.textContent()).toContain('种子文件 001_453188b8ede87603.txt');
    expect(await reader.locator('mark.match').count()).toBeGreaterThan(0);
    // The colors are the page's.
    expect(await reader.locator('mark.ent.type-PLACE').first().evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgba(46, 160, 67, 0.3)');
    await expect.poll(() => panel.evaluate(() => document.activeElement?.textContent)).toContain('返回列表');
    await panel.screenshot({ path: join(SCREENSHOT_DIR, 'sidepanel-reader.png') });
    await panel.keyboard.press('Escape');
    await reader.waitFor({ state: 'detached' });
    await expect.poll(() => panel.evaluate(() => document.activeElement?.textContent)).toBe(ENERGY);

    // This page in "我的文章": added, listed, then removed.
    await panel.getByRole('button', { name: '添加本页' }).click();
    await panel.getByRole('status').filter({ hasText: `已添加本页：《${ENERGY}》` }).waitFor({ timeout: 30_000 });
    const mine = panel.getByRole('list', { name: '我的文章' });
    await mine.getByRole('button', { name: ENERGY, exact: true }).waitFor();
    await panel.getByRole('button', { name: '本页已添加' }).waitFor();
    // The page's own copy is not listed as related to the page.
    await expect.poll(() => titles(panel, '相关文章').then((t) => t.length), { timeout: 15_000 }).toBeGreaterThan(0);
    expect((await titles(panel, '相关文章')).filter((t) => t === ENERGY)).toHaveLength(1);
    await mine.getByRole('button', { name: `移除《${ENERGY}》` }).click();
    await panel.getByRole('status').filter({ hasText: '已移除 1 篇文章' }).waitFor();
    await mine.waitFor({ state: 'detached' });
    await panel.getByRole('button', { name: '添加本页' }).waitFor();

    // A folder of files (.txt and .html; others skipped), then a JSONL file with a bad line (nothing added).
    const dir = await mkdtemp(join(tmpdir(), 'zwpz-articles-'));
    try {
      await mkdir(join(dir, 'news'));
      await writeFile(join(dir, 'news', 'a.txt'), '# 格尔木市推进储能产业集群建设\n\n格尔木市围绕液态空气储能示范项目，推进储能产业集群建设。');
      await writeFile(join(dir, 'news', 'b.html'), '<html><head><title>德令哈盐湖镁产业_青海新闻网</title></head><body><h1>德令哈盐湖镁产业提速</h1><p>德令哈市食品级氧化镁生产线建成投产。</p></body></html>');
      await writeFile(join(dir, 'news', 'c.png'), 'not an image');
      await panel.getByTestId('folder-input').setInputFiles(join(dir, 'news'));
      await panel.getByRole('status').filter({ hasText: '已添加 2 篇文章（跳过 1 个其他文件）。' }).waitFor({ timeout: 30_000 });
      await expect.poll(() => mine.getByRole('listitem').count()).toBe(2);
      await mine.getByRole('button', { name: '德令哈盐湖镁产业提速', exact: true }).waitFor();
      await writeFile(join(dir, 'bad.jsonl'), '{"title":"一","text":"正文一"}\n{"title":"二"}\n');
      await panel.getByTestId('jsonl-input').setInputFiles(join(dir, 'bad.jsonl'));
      await panel.getByRole('alert').filter({ hasText: 'bad.jsonl：第 2 行缺少“text”（正文），未添加任何文章。' }).waitFor();
      expect(await mine.getByRole('listitem').count()).toBe(2);
      await writeFile(join(dir, 'good.jsonl'), '{"title":"格尔木储能电站并网","text":"格尔木市液态空气储能电站并网发电。","url":"http://www.qhnews.com/b.shtml"}\n');
      await panel.getByTestId('jsonl-input').setInputFiles(join(dir, 'good.jsonl'));
      await panel.getByRole('status').filter({ hasText: '已从 good.jsonl 添加 1 篇文章。' }).waitFor({ timeout: 30_000 });
      await expect.poll(() => mine.getByRole('listitem').count()).toBe(3);
      expect(await panel.getByText('语料共 26 篇：种子文章 23 篇，我的文章 3 篇。').count()).toBe(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    for (let left = 3; left > 0; left--) {
      await mine.getByRole('button', { name: /^移除《/ }).first().click();
      await panel.getByRole('status').filter({ hasText: '已移除 1 篇文章' }).waitFor();
      await expect.poll(() => mine.getByRole('listitem').count()).toBe(left - 1);
    }
    await panel.close();
    await page.close();
  });

  it('follows a single-page site to its next article without a page load', async () => {
    const { page, panel } = await openWithPanel('www.qhnews.com', 'spa.html');
    await expect.poll(() => titles(panel, '相关文章').then((t) => t[0]), { timeout: 30_000 }).toBe('老旧小区改造提升居民幸福指数');
    const loads = await page.evaluate(() => performance.getEntriesByType('navigation').length);
    await page.getByRole('link', { name: '济南高新区' }).click();
    await expect.poll(() => titles(panel, '相关文章').then((t) => t[0]), { timeout: 15_000 }).toBe('济南高新区以党建引领乡村治理');
    // The same document: the address changed through the History API only.
    expect(await page.evaluate(() => [performance.getEntriesByType('navigation').length, location.search])).toEqual([loads, '?id=2']);
    await panel.close();
    await page.close();
  });

  it('adds a big JSONL file in batches with progress, stays usable meanwhile, and cancels keeping whole batches', async () => {
    const { page, panel } = await openWithPanel('www.qhnews.com', 'qhnews-energy.html');
    await expect.poll(() => titles(panel, '相关文章').then((t) => t[0]), { timeout: 30_000 }).toBe(ENERGY);
    // Generated news articles, about 500 characters each (the file is over 2 MB: it is read in slices).
    const TOTAL = 6000;
    const cities = ['西宁市', '海东市', '格尔木市', '德令哈市', '玉树市', '共和县', '门源县', '同仁市'];
    const topics = ['光伏发电', '盐湖化工', '生态保护', '乡村振兴', '文化旅游', '知识产权', '城市更新', '交通建设'];
    const lines = Array.from({ length: TOTAL }, (_, i) => {
      const city = cities[i % cities.length]!;
      const topic = topics[Math.floor(i / cities.length) % topics.length]!;
      const text = Array.from(
        { length: 8 },
        (_, k) => `${city}召开${topic}第${i + 1}次推进会，部署${2024 + (k % 2)}年${(k % 12) + 1}月重点任务，计划投资${(i % 90) + k + 1}.${k}亿元，带动就业${(i % 500) + 100 * k}人。`,
      ).join('\n');
      return JSON.stringify({ title: `${city}推进${topic}（第${i + 1}号）`, text, source: '生成的测试文章' });
    });
    const dir = await mkdtemp(join(tmpdir(), 'zwpz-big-jsonl-'));
    const countStored = () =>
      panel.evaluate(async () => {
        const open = indexedDB.open('zwpz');
        const db = await new Promise<IDBDatabase>((ok, fail) => {
          open.onsuccess = () => ok(open.result);
          open.onerror = () => fail(open.error);
        });
        const keys = await new Promise<IDBValidKey[]>((ok) => {
          const req = db.transaction('articles').objectStore('articles').getAllKeys();
          req.onsuccess = () => ok(req.result);
        });
        db.close();
        return keys.map(String);
      });
    try {
      const file = join(dir, 'big.jsonl');
      await writeFile(file, `${lines.join('\n')}\n`);
      await panel.getByTestId('jsonl-input').setInputFiles(file);
      const progress = panel.getByTestId('import-progress');
      // After the first batch: done/total and an estimate of the time left.
      await expect.poll(() => progress.textContent(), { timeout: 60_000 }).toMatch(/^正在添加：[1-9][\d,]* \/ 6,000 篇，约剩 \d+ (秒|分钟)/);
      expect(Number(await panel.getByRole('progressbar', { name: '添加进度' }).getAttribute('value'))).toBeGreaterThan(0);

      // Search and the reader keep working while the articles are added.
      await panel.getByRole('searchbox', { name: '搜索语料' }).fill('淄博高新区 知识产权');
      await expect.poll(() => titles(panel, '搜索结果').then((t) => t[0]), { timeout: 20_000 }).toBe(ZIBO);
      await panel.getByRole('list', { name: '搜索结果' }).getByRole('button', { name: ZIBO }).click();
      const reader = panel.getByRole('article', { name: ZIBO });
      await expect.poll(() => reader.locator('mark.ent').count(), { timeout: 20_000 }).toBeGreaterThan(0);
      await panel.keyboard.press('Escape');
      await reader.waitFor({ state: 'detached' });
      expect(await progress.isVisible()).toBe(true);

      // 取消: the batch being stored is finished, no other is sent.
      await panel.locator('.import-progress').getByRole('button', { name: '取消' }).click();
      const status = panel.getByRole('status').filter({ hasText: /^已添加 [\d,]+ 篇，已取消其余。$/ });
      await status.waitFor({ timeout: 30_000 });
      const reported = Number(/已添加 ([\d,]+) 篇/.exec((await status.textContent()) ?? '')![1]!.replace(/,/g, ''));
      expect(reported).toBeGreaterThan(0);
      expect(reported).toBeLessThan(TOTAL);
      // Whole batches only (200 articles each), and the database holds just what was reported.
      expect(reported % 200).toBe(0);
      const stored = await countStored();
      expect(stored.length).toBe(reported);
      expect(await progress.count()).toBe(0);
      await panel.getByText(`我的文章 ${reported.toLocaleString('zh-CN')} 篇。`, { exact: false }).waitFor();
      await expect.poll(() => panel.getByRole('list', { name: '我的文章' }).getByRole('listitem').count()).toBe(reported);
      // Nothing more arrives later.
      await new Promise((ok) => setTimeout(ok, 1500));
      expect((await countStored()).length).toBe(reported);

      // Removed again, for the tests after this one.
      const removed = await panel.evaluate(
        (ids) => chrome.runtime.sendMessage({ target: 'background', type: 'corpus/remove', ids }) as Promise<{ ok: boolean; value?: { removed: number } }>,
        stored,
      );
      expect(removed).toMatchObject({ ok: true, value: { removed: reported } });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    await panel.close();
    await page.close();
  }, 180_000);

  it('says “没有相关文章” with the reason on an unrelated page and on a page it cannot read', async () => {
    const weather = await openWithPanel('www.gov.cn', 'gov-weather.html');
    const empty = weather.panel.getByRole('status').filter({ hasText: '没有相关文章' });
    await empty.waitFor({ timeout: 30_000 });
    expect(await empty.textContent()).toContain('本页与语料中的文章没有足够多共同的');
    await weather.panel.screenshot({ path: join(SCREENSHOT_DIR, 'sidepanel-unrelated.png') });
    await weather.panel.close();
    await weather.page.close();

    const other = await openWithPanel('www.example.com', 'other-site.html');
    const unreadable = other.panel.getByRole('status').filter({ hasText: '没有相关文章' });
    await unreadable.waitFor({ timeout: 30_000 });
    expect(await unreadable.textContent()).toContain('无法读取本页');
    expect(await other.panel.getByRole('button', { name: '添加本页' }).isDisabled()).toBe(true);
    await other.panel.close();
    await other.page.close();
  });
});
