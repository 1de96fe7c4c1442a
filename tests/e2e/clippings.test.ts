/// <reference types="chrome" />
/**
 * Clippings in real Chromium: saving a selection with the toolbar button and with the command,
 * the page highlighted again when it is opened later, and the popup library.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IMPORT_MESSAGE_CHARS } from '../../lib/store/exchange';
import { bigExport } from '../bench/big-export';
import { askContent, cardOf, launchWithExtension, pointOnText, ROOT, SCREENSHOT_DIR, selectOnPage, startFixtureServer, useExtensionSession, waitFor } from './harness';

const session = useExtensionSession({ beforeAll, afterAll });

/** Drags the mouse from the first character of `from` to the last character of `to`. */
async function selectText(page: Page, from: string, to: string): Promise<void> {
  const a = await pointOnText(page, from);
  const b = await pointOnText(page, to);
  if (!a || !b) throw new Error(`text not on the page: ${from} … ${to}`);
  // pointOnText gives the middle of the second character; characters are 16 px wide here.
  await page.bringToFront(); // the mouse selects only in the focused tab
  await page.mouse.move(a.x - 22, a.y);
  await page.mouse.down();
  await page.mouse.move(b.x + (to.length - 2) * 16 + 7, b.y, { steps: 5 });
  await page.mouse.up();
}

const clipHighlights = (page: Page) =>
  page.evaluate(() => (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('zwpz-CLIP')?.size ?? 0);

describe('clippings', () => {
  it('saves a selection with the toolbar button and the command, and highlights them again on the next visit', async () => {
    const url = session.server.url('www.qhnews.com', 'qhnews-article.html');
    const page = await session.browser.context.newPage();
    await page.goto(url);
    await page.waitForTimeout(1500);
    await selectText(page, '过去的一年', '专利导航工作机制');
    expect(await page.evaluate(() => getSelection()?.toString())).toBe('过去的一年，省知识产权局不断完善专利导航工作机制');
    const card = await cardOf(page);
    await card.waitVisible();
    await card.click('保存摘录');
    await card.waitText('已保存摘录');
    await card.fill('笔记', '知识产权部门的年度工作');
    await card.fill('标签', '专利 年度');
    await card.click('保存笔记和标签');
    await card.waitHidden();
    await expect.poll(() => clipHighlights(page)).toBe(1);

    // The command (Alt+Shift+S) asks the content script the same way the background does.
    await selectOnPage(page, '揭示产业发展中存在的优势与不足');
    const saved = await askContent(session.ext, url, 'clippings/save-selection');
    expect(saved?.ok).toBe(true);
    await expect.poll(() => clipHighlights(page)).toBe(2);
    await page.close();

    // Next visit: both found and highlighted in their own style.
    const again = await session.browser.context.newPage();
    await again.goto(url);
    await expect.poll(() => clipHighlights(again), { timeout: 15_000 }).toBe(2);
    // The toolbar badge counts the page's clippings.
    const badge = () =>
      session.browser.serviceWorker.evaluate(async () => {
        const tabs = await chrome.tabs.query({});
        const tab = tabs.find((t) => t.url?.includes('qhnews-article.html'));
        return tab?.id === undefined ? null : chrome.action.getBadgeText({ tabId: tab.id });
      });
    await expect.poll(badge, { timeout: 10_000 }).toBe('2');
    const status = await waitFor(async () => {
      const s = await askContent(session.ext, url, 'clippings/status');
      return s?.ok && s.value.items.length === 2 ? s.value : undefined;
    });
    expect(status.items.every((i: { anchored: boolean }) => i.anchored)).toBe(true);
    await again.close();
  });

  it('finds a clipping in the popup by a word from the middle of its quote, edits its note, deletes and undoes, exports and re-imports', async () => {
    const url = session.server.url('www.qhnews.com', 'qhnews-article.html');
    const page = await session.browser.context.newPage();
    await page.goto(url);
    await expect.poll(() => clipHighlights(page), { timeout: 15_000 }).toBe(2);
    const tabId = await session.ext.evaluate(async () => Math.max(...(await chrome.tabs.query({})).map((t) => t.id ?? -1)));
    const popup = await session.browser.openExtensionPage(`popup.html?tabId=${tabId}`);
    await popup.getByRole('tab', { name: '摘录库' }).click();
    const list = popup.getByRole('list', { name: /摘录/ });
    await expect.poll(() => list.getByRole('listitem').count()).toBe(2);
    // Both are this page's, found on it.
    expect(await list.locator('.badge').allTextContents()).toEqual(['本页', '本页']);

    // A word from the middle of a quote (not its start), and a tag.
    await popup.getByRole('searchbox', { name: '搜索摘录' }).fill('知识产权');
    await expect.poll(() => list.getByRole('listitem').allTextContents()).toEqual([expect.stringContaining('过去的一年，省知识产权局')]);
    await popup.getByRole('searchbox', { name: '搜索摘录' }).fill('年度');
    await expect.poll(() => list.getByRole('listitem').count()).toBe(1);
    await popup.getByRole('searchbox', { name: '搜索摘录' }).fill('');
    await expect.poll(() => list.getByRole('listitem').count()).toBe(2);

    // Edit the note of the second one.
    const item = list.getByRole('listitem').filter({ hasText: '揭示产业发展中存在的优势与不足' });
    await item.getByRole('button', { name: '编辑笔记和标签' }).click();
    await popup.getByRole('group', { name: '编辑摘录' }).getByRole('textbox', { name: '笔记' }).fill('问题导向');
    await popup.getByRole('group', { name: '编辑摘录' }).getByRole('button', { name: '保存' }).click();
    await expect.poll(() => item.textContent()).toContain('问题导向');
    await popup.getByRole('searchbox', { name: '搜索摘录' }).fill('问题导向');
    await expect.poll(() => list.getByRole('listitem').count()).toBe(1);
    await popup.getByRole('searchbox', { name: '搜索摘录' }).fill('');

    // Delete, then undo.
    await item.getByRole('button', { name: '删除摘录' }).click();
    await expect.poll(() => list.getByRole('listitem').count()).toBe(1);
    await popup.getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => list.getByRole('listitem').count()).toBe(2);

    // Export JSON, then import the same file: nothing is duplicated.
    const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: 'JSON', exact: true }).click()]);
    const file = await download.path();
    const exported = JSON.parse(readFileSync(file, 'utf8'));
    expect(exported).toMatchObject({ format: 'zwpz-clippings', version: 1 });
    expect(exported.clippings).toHaveLength(2);
    expect(exported.clippings.map((c: { note: string }) => c.note).sort()).toEqual(['知识产权部门的年度工作', '问题导向']);
    // The recognizer's entities came with them.
    expect(exported.clippings.flatMap((c: { entities: Array<{ text: string }> }) => c.entities.map((e) => e.text))).toContain('省知识产权局');
    await popup.getByLabel('导入 JSON 文件').setInputFiles(file);
    await popup.getByText('已导入：新增 0 条，更新 0 条，2 条已存在。').waitFor();
    await expect.poll(() => list.getByRole('listitem').count()).toBe(2);
    // A malformed file is refused whole, with the reason.
    const bad = join(tmpdir(), 'zwpz-bad-import.json');
    writeFileSync(bad, JSON.stringify({ ...exported, clippings: [exported.clippings[0], { ...exported.clippings[1], createdAt: 'yesterday' }] }));
    await popup.getByLabel('导入 JSON 文件').setInputFiles(bad);
    await expect.poll(() => popup.getByRole('alert').textContent()).toContain('第 2 条摘录');
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.screenshot({ path: join(SCREENSHOT_DIR, 'popup-library.png'), fullPage: true });
    await popup.close();
    await page.close();
  });
});

describe('a tab closed right after saving', () => {
  it('loses nothing: the background has written the clipping', async () => {
    const url = session.server.url('amr.qinghai.gov.cn', 'gov-notice.html');
    const page = await session.browser.context.newPage();
    await page.goto(url);
    await selectText(page, '根据《青海省实施', '工作措施》要求');
    const card = await cardOf(page);
    await card.waitVisible();
    await card.click('保存摘录');
    await page.close(); // at once, without waiting for anything
    const popup = await session.browser.openExtensionPage('popup.html');
    await popup.getByRole('searchbox', { name: '搜索摘录' }).fill('普惠工程');
    await expect.poll(() => popup.getByRole('list', { name: /摘录/ }).getByRole('listitem').allTextContents()).toEqual([
      expect.stringContaining('根据《青海省实施知识产权公共服务普惠工程工作措施》要求'),
    ]);
    await popup.close();
  });
});

describe('clippings survive a browser restart', () => {
  it('keeps the library in the same profile', async () => {
    const browser = await launchWithExtension({ keepProfile: true });
    const server = await startFixtureServer();
    try {
      const url = server.url('www.qhnews.com', 'qhnews-article.html');
      const page = await browser.context.newPage();
      await page.goto(url);
      await page.bringToFront();
      await selectOnPage(page, '合力推动我省镁产业高质量发展');
      const ext = await browser.openExtensionPage('options.html');
      expect((await askContent(ext, url, 'clippings/save-selection'))?.ok).toBe(true);
      await browser.context.close();

      const again = await launchWithExtension({ profileDir: browser.profileDir });
      try {
        const page2 = await again.context.newPage();
        await page2.goto(url);
        await expect.poll(() => clipHighlights(page2), { timeout: 15_000 }).toBe(1);
        const popup = await again.openExtensionPage('popup.html');
        await popup.getByRole('searchbox', { name: '搜索摘录' }).fill('镁产业');
        await expect.poll(() => popup.getByRole('list', { name: /摘录/ }).getByRole('listitem').count()).toBe(1);
      } finally {
        await again.close();
      }
    } finally {
      await server.close();
    }
  }, 90_000);
});

describe('an export too big for one message', () => {
  it('is checked whole, then imported in parts with progress; importing it again adds nothing', async () => {
    // Over IMPORT_MESSAGE_CHARS (8 M characters): the popup sends it in parts.
    const { text, count } = bigExport(ROOT, 15e6);
    expect(text.length).toBeGreaterThan(IMPORT_MESSAGE_CHARS);
    const file = join(tmpdir(), 'zwpz-big-export.json');
    writeFileSync(file, text);
    const browser = await launchWithExtension();
    try {
      const popup = await browser.openExtensionPage('popup.html');
      await popup.getByLabel('导入 JSON 文件').setInputFiles(file);
      // Progress is shown while the parts go.
      await popup.getByText(new RegExp(`^正在导入：\\d+ / ${count} 条…$`)).first().waitFor({ timeout: 60_000 });
      await popup.getByText(`已导入：新增 ${count} 条，更新 0 条，0 条已存在。`).waitFor({ timeout: 120_000 });
      await popup.getByText(`共 ${count} 条 · 导出`).waitFor();
      await popup.getByLabel('导入 JSON 文件').setInputFiles(file);
      await popup.getByText(`已导入：新增 0 条，更新 0 条，${count} 条已存在。`).waitFor({ timeout: 120_000 });
      await popup.getByText(`共 ${count} 条 · 导出`).waitFor();
    } finally {
      await browser.close();
    }
  }, 300_000);
});
