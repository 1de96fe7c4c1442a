/// <reference types="chrome" />
/**
 * Clippings in real Chromium: saving a selection with the toolbar button and with the command,
 * the page highlighted again when it is opened later, and the popup library.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { askContent, pointOnText, useExtensionSession, waitFor } from './harness';

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
    const card = page.locator('zwpz-ui .card');
    await card.getByRole('button', { name: /保存摘录/ }).click();
    await card.getByText('已保存摘录').waitFor();
    await card.getByRole('textbox', { name: '笔记' }).fill('知识产权部门的年度工作');
    await card.getByRole('textbox', { name: '标签' }).fill('专利 年度');
    await card.getByRole('button', { name: '保存笔记和标签' }).click();
    await card.waitFor({ state: 'hidden' });
    await expect.poll(() => clipHighlights(page)).toBe(1);

    // The command (Alt+Shift+S) asks the content script the same way the background does.
    await page.evaluate(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node as Text).data.indexOf('揭示产业发展中存在的优势与不足');
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + '揭示产业发展中存在的优势与不足'.length);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return;
      }
    });
    const saved = await askContent(session.ext, url, 'clippings/save-selection');
    expect(saved?.ok).toBe(true);
    await expect.poll(() => clipHighlights(page)).toBe(2);
    await page.close();

    // Next visit: both found and highlighted in their own style.
    const again = await session.browser.context.newPage();
    await again.goto(url);
    await expect.poll(() => clipHighlights(again), { timeout: 15_000 }).toBe(2);
    const status = await waitFor(async () => {
      const s = await askContent(session.ext, url, 'clippings/status');
      return s?.ok && s.value.items.length === 2 ? s.value : undefined;
    });
    expect(status.items.every((i: { anchored: boolean }) => i.anchored)).toBe(true);
    await again.close();
  });
});
