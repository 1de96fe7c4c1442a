/// <reference types="chrome" />
/**
 * The toolbar popup's layout in real Chromium, at the browser's largest popup (800×600) and at
 * its usual width (400×600): one scrolling area (nothing scrolls inside anything else), the two
 * tabs 本页 | 摘录库 (one click, or the arrow keys), the tab it opens on, a clipping's linked
 * articles opening in the side panel's reader, and an import in parts that can be cancelled
 * while the rest of the popup stays usable.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { bigExport } from '../bench/big-export';
import { ROOT, SCREENSHOT_DIR, askContent, useExtensionSession, waitFor } from './harness';

const session = useExtensionSession({ beforeAll, afterAll });

const ZIBO = '淄博高新区:知识产权工作获省级督查激励';
const ZIBO_ID = 'seed:004_ab11b81221d97ae2#3';
/** Clippings put in the library first: enough that the list is several screens long. */
const CLIPPINGS = 40;

/** A valid clipping (see lib/store/clipping.ts), number `i`. */
function clipping(i: number, related: Array<{ articleId: string; title: string; score: number }> = []) {
  const quote = `第${i}条版面摘录：青海省知识产权局发布年度报告，推动镁产业高质量发展。`;
  const createdAt = Date.UTC(2026, 0, 1) + i * 60_000;
  const url = `https://www.qhnews.com/layout/${i}.html`;
  return {
    id: `c0000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
    quote,
    selectors: {
      quote: { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: quote.length },
    },
    url,
    canonicalUrl: url,
    title: `版面测试 ${i}`,
    site: 'www.qhnews.com',
    createdAt,
    updatedAt: createdAt,
    note: '',
    tags: [],
    color: 'yellow',
    entities: [],
    related,
  };
}

/** Imports clippings through the background, as the popup does for a small file. */
async function importClippings(clippings: object[]): Promise<void> {
  const text = JSON.stringify({ format: 'zwpz-clippings', version: 1, clippings });
  const answer = await session.ext.evaluate((t) => chrome.runtime.sendMessage({ target: 'background', type: 'clippings/import', text: t }), text);
  expect(answer, JSON.stringify(answer)).toMatchObject({ ok: true });
}

async function newestTabId(): Promise<number> {
  return session.ext.evaluate(async () => Math.max(...(await chrome.tabs.query({})).map((t) => t.id ?? -1)));
}

/**
 * Elements that scroll, or could, other than the page itself: each with a computed overflow of
 * `auto` or `scroll` and more content than room (`all`), and any such overflow at all on the
 * way from `selector` up to the page (`ancestors`).
 */
async function scrollers(popup: Page, selector: string): Promise<{ all: string[]; ancestors: string[] }> {
  return popup.evaluate((sel) => {
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().replace(/\s+/g, '.')}` : ''}`;
    const scrolls = (v: string) => v === 'auto' || v === 'scroll';
    const root = document.documentElement;
    const all: string[] = [];
    for (const el of document.querySelectorAll('body, body *')) {
      const s = getComputedStyle(el);
      if ((scrolls(s.overflowY) && el.scrollHeight > el.clientHeight) || (scrolls(s.overflowX) && el.scrollWidth > el.clientWidth)) all.push(name(el));
    }
    const ancestors: string[] = [];
    for (let el = document.querySelector(sel); el && el !== root; el = el.parentElement) {
      const s = getComputedStyle(el);
      if (scrolls(s.overflowY) || scrolls(s.overflowX)) ancestors.push(`${name(el)} (${s.overflowX} ${s.overflowY})`);
    }
    return { all, ancestors };
  }, selector);
}

// The library the tests find: the oldest clipping has five linked articles.
beforeAll(async () => {
  await importClippings([
    clipping(0, [
      { articleId: ZIBO_ID, title: ZIBO, score: 0.9 },
      { articleId: 'seed:000_d9cd63c087f90da5#0', title: '第二篇关联文章', score: 0.5 },
      { articleId: 'seed:000_d9cd63c087f90da5#1', title: '第三篇关联文章', score: 0.4 },
      { articleId: 'seed:000_d9cd63c087f90da5#2', title: '第四篇关联文章', score: 0.3 },
      { articleId: 'seed:000_d9cd63c087f90da5#3', title: '第五篇关联文章', score: 0.2 },
    ]),
    ...Array.from({ length: CLIPPINGS - 1 }, (_, i) => clipping(i + 1)),
  ]);
});

const selectedTab = (popup: Page) => popup.evaluate(() => document.querySelector('[role=tab][aria-selected=true]')?.textContent?.replace(/[\d,]+$/, '') ?? null);

describe('the popup fits 800×600 and 400×600', () => {
  it('has one scrolling area, the library one click (or arrow key) away, and opens on 本页 for an annotated page', async () => {
    const url = session.server.url('www.qhnews.com', 'qhnews-article.html');
    const page = await session.browser.context.newPage();
    await page.goto(url);
    await waitFor(async () => ((await askContent(session.ext, url, 'annotations/list'))?.value?.entities?.length ? true : undefined), 30_000, 'the page to be annotated');
    const tabId = await newestTabId();

    for (const [width, height] of [
      [800, 600],
      [400, 600],
    ] as const) {
      const popup = await session.browser.openExtensionPage(`popup.html?tabId=${tabId}`);
      await popup.setViewportSize({ width, height });
      // An annotated page: the popup opens on 本页, with the page's entities.
      await popup.getByRole('tabpanel', { name: '本页' }).getByLabel('各类数量').waitFor({ timeout: 15_000 });
      expect(await selectedTab(popup)).toBe('本页');
      await popup.getByRole('list', { name: '本页实体' }).waitFor();
      expect(await scrollers(popup, '.entity-list')).toEqual({ all: [], ancestors: [] });
      await popup.screenshot({ path: join(SCREENSHOT_DIR, `popup-layout-page-${width}x${height}.png`) });

      // The library: one click on its tab.
      await popup.getByRole('tab', { name: '摘录库' }).click();
      const list = popup.getByRole('list', { name: /^摘录（\d+ 条）$/ });
      await list.getByRole('listitem').first().waitFor();
      expect(await selectedTab(popup)).toBe('摘录库');
      expect(await popup.getByRole('tabpanel', { name: '本页' }).count()).toBe(0);
      // The search box, the export buttons and the list are all in the first screen.
      for (const control of [popup.getByRole('searchbox', { name: '搜索摘录' }), popup.getByRole('button', { name: 'JSON', exact: true }), list.getByRole('listitem').first()]) {
        const box = (await control.boundingBox())!;
        expect(box.y + box.height).toBeLessThanOrEqual(height);
      }
      expect(await scrollers(popup, '.clip-list')).toEqual({ all: [], ancestors: [] });
      // The page is what scrolls: the list is as long as its rows.
      const scroll = await popup.evaluate(() => ({ height: document.scrollingElement!.scrollHeight, view: innerHeight }));
      expect(scroll.height).toBeGreaterThan(scroll.view);
      await popup.screenshot({ path: join(SCREENSHOT_DIR, `popup-layout-${width}x${height}.png`) });

      // Scrolled to its end: the last rows are drawn, the tabs and the buttons stay in view.
      await popup.mouse.move(width / 4, height / 2);
      await popup.mouse.wheel(0, 100_000);
      await list.getByRole('listitem').filter({ hasText: '第1条版面摘录' }).waitFor();
      const tabs = (await popup.getByRole('tablist').boundingBox())!;
      expect(tabs.y).toBe(0);
      const footer = (await popup.getByRole('button', { name: '打开侧边栏' }).boundingBox())!;
      expect(footer.y + footer.height).toBeLessThanOrEqual(height);
      expect(await list.getByRole('listitem').count()).toBeLessThan(CLIPPINGS);
      // The first tab's place is kept.
      await popup.getByRole('tab', { name: '本页' }).click();
      expect(await popup.evaluate(() => scrollY)).toBe(0);
      await popup.getByRole('tab', { name: '摘录库' }).click();
      expect(await popup.evaluate(() => scrollY)).toBeGreaterThan(0);
      await popup.close();
    }
    await page.close();
  });

  it('works the tabs from the keyboard', async () => {
    const popup = await session.browser.openExtensionPage('popup.html');
    await popup.setViewportSize({ width: 400, height: 600 });
    // Nothing to show about the page (the popup's own tab): it opens on 摘录库.
    await popup.getByRole('tabpanel', { name: '摘录库' }).waitFor({ timeout: 15_000 });
    const library = popup.getByRole('tab', { name: '摘录库' });
    const pageTab = popup.getByRole('tab', { name: '本页' });
    expect(await library.getAttribute('aria-selected')).toBe('true');
    expect(await library.getAttribute('tabindex')).toBe('0');
    expect(await pageTab.getAttribute('tabindex')).toBe('-1');
    // Tab reaches the selected tab first (the brand has nothing to focus).
    await popup.keyboard.press('Tab');
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('tab');
    await popup.keyboard.press('ArrowLeft');
    await popup.getByRole('tabpanel', { name: '本页' }).waitFor();
    expect(await pageTab.evaluate((el) => el === document.activeElement)).toBe(true);
    await popup.keyboard.press('ArrowRight');
    await popup.getByRole('tabpanel', { name: '摘录库' }).waitFor();
    expect(await library.evaluate((el) => el === document.activeElement)).toBe(true);
    await popup.keyboard.press('Home');
    await popup.getByRole('tabpanel', { name: '本页' }).waitFor();
    await popup.keyboard.press('End');
    await popup.getByRole('tabpanel', { name: '摘录库' }).waitFor();
    // The next Tab goes into the panel: the search box.
    await popup.keyboard.press('Tab');
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('搜索摘录');
    await popup.close();
  });

  it('opens on 摘录库 for a page it does not annotate', async () => {
    const url = session.server.url('www.example.com', 'other-site.html');
    const page = await session.browser.context.newPage();
    await page.goto(url);
    const popup = await session.browser.openExtensionPage(`popup.html?tabId=${await newestTabId()}`);
    await popup.getByRole('tabpanel', { name: '摘录库' }).waitFor({ timeout: 15_000 });
    // The page's offer is one click away.
    await popup.getByRole('tab', { name: '本页' }).click();
    await popup.getByRole('button', { name: '仅此一次标注本页' }).waitFor();
    await popup.close();
    await page.close();
  });
});

describe('linked articles in the library', () => {
  it('shows a clipping’s linked articles (three, then how many more) and opens one in the side panel’s reader', async () => {
    const popup = await session.browser.openExtensionPage('popup.html');
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.getByRole('searchbox', { name: '搜索摘录' }).fill('第0条版面摘录');
    const item = popup.getByRole('list', { name: /摘录/ }).getByRole('listitem').filter({ hasText: '第0条版面摘录' });
    await item.waitFor({ timeout: 15_000 });
    const linked = item.getByRole('group', { name: '关联文章' });
    expect(await linked.getByRole('button').allTextContents()).toEqual([ZIBO, '第二篇关联文章', '第三篇关联文章', '还有 2 篇']);
    await linked.getByRole('button', { name: '还有 2 篇' }).click();
    expect(await linked.getByRole('button').count()).toBe(6);
    await popup.screenshot({ path: join(SCREENSHOT_DIR, 'popup-linked-articles.png') });
    await linked.getByRole('button', { name: '收起' }).click();

    // The popup closes itself once the panel is open; a real popup is no tab, this one stays so
    // that its tab, the one the panel is for, stays the active one.
    await popup.evaluate(() => {
      window.close = () => document.documentElement.setAttribute('data-closed', '');
    });
    const panelContexts = () => session.ext.evaluate(() => chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL' as chrome.runtime.ContextType] }));
    const pending = () => session.ext.evaluate(async () => (await chrome.storage.session.get('sidepanel.pendingArticle'))['sidepanel.pendingArticle'] as unknown);
    expect(await panelContexts()).toEqual([]);
    await linked.getByRole('button', { name: `在侧边栏阅读：${ZIBO}` }).click();
    // The browser's side panel opens (a user gesture), and the popup closes.
    await popup.locator('html[data-closed]').waitFor({ state: 'attached', timeout: 15_000 });
    expect(await popup.getByRole('alert').count()).toBe(0);
    const [context] = await panelContexts();
    expect(context?.documentUrl).toMatch(/\/sidepanel\.html$/);
    // The panel takes the article the popup left for its tab (and shows it in its reader: a side
    // panel is out of the test's reach, so the same hand-over is shown in a panel opened as a tab).
    await expect.poll(pending, { timeout: 15_000 }).toBeUndefined();
    // For a tab id no real panel follows (the real panel takes what is left for the active tab).
    const otherTab = 999_999;
    await session.ext.evaluate(
      (value) => chrome.storage.session.set({ 'sidepanel.pendingArticle': value }),
      { tabId: otherTab, articleId: ZIBO_ID, title: ZIBO, at: Date.now() },
    );
    const panel = await session.browser.openExtensionPage(`sidepanel.html?tabId=${otherTab}`);
    const reader = panel.getByRole('article', { name: ZIBO });
    await reader.waitFor({ timeout: 30_000 });
    expect(await reader.textContent()).toContain('淄博');
    await panel.close();
    if (!popup.isClosed()) await popup.close();
  });
});

describe('an import in parts', () => {
  it('shows done/total and the time left, can be cancelled, and leaves the popup usable meanwhile', async () => {
    const { text, count } = bigExport(ROOT, 30e6);
    const file = join(tmpdir(), 'zwpz-popup-layout-export.json');
    writeFileSync(file, text);
    const popup = await session.browser.openExtensionPage('popup.html');
    await popup.setViewportSize({ width: 400, height: 600 });
    const totalText = () => popup.getByText(/^共 \d+ 条 · 导出$/).textContent();
    await expect.poll(totalText, { timeout: 15_000 }).toMatch(/^共 [1-9]\d* 条/);
    const before = Number((await totalText())!.match(/\d+/)![0]);

    await popup.getByLabel('导入 JSON 文件').setInputFiles(file);
    const progress = popup.getByRole('group', { name: '导入进度' });
    await progress.waitFor({ timeout: 60_000 });
    expect(await progress.textContent()).toMatch(new RegExp(`正在导入：\\d+ / ${count} 条…`));
    // The popup answers meanwhile: the tabs switch and the search finds clippings.
    await popup.getByRole('tab', { name: '本页' }).click();
    await popup.getByRole('tab', { name: '摘录库' }).click();
    await popup.getByRole('searchbox', { name: '搜索摘录' }).fill('第5条版面摘录');
    await expect.poll(() => popup.getByRole('list', { name: /摘录/ }).getByRole('listitem').count(), { timeout: 15_000 }).toBe(1);
    await popup.getByRole('searchbox', { name: '搜索摘录' }).fill('');
    expect(await popup.getByRole('button', { name: '导入…' }).isDisabled()).toBe(true);
    // Once a part is in, the time left is known.
    await progress.getByText(/^约剩 \d+ (秒|分钟)$/).waitFor({ timeout: 120_000 });
    await popup.screenshot({ path: join(SCREENSHOT_DIR, 'popup-import-progress.png') });
    await progress.getByRole('button', { name: '取消' }).click();
    await progress.getByText(/正在取消/).waitFor();

    const done = popup.getByText(/^已取消导入：已导入 \d+ 条/);
    await done.waitFor({ timeout: 120_000 });
    const [, imported, added, , , left] = (await done.textContent())!.match(/已导入 (\d+) 条（新增 (\d+) 条，更新 (\d+) 条，(\d+) 条已存在），其余 (\d+) 条未导入。/)!.map(Number);
    expect(imported).toBeGreaterThan(0);
    expect(left).toBeGreaterThan(0);
    expect(imported! + left!).toBe(count);
    // What was imported stays; the rest was not sent.
    await expect.poll(totalText).toBe(`共 ${before + added!} 条 · 导出`);
    expect(await progress.count()).toBe(0);
    expect(await popup.getByRole('button', { name: '导入…' }).isDisabled()).toBe(false);
    await popup.close();
  }, 300_000);
});
