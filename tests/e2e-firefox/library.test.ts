/**
 * The popup and the sidebar in real Firefox ESR: the page's counts, saving a selection from the
 * selection card, the library (search, export JSON to the downloads folder, import it back),
 * the sidebar's related articles and reader view, and the UI language switch. Firefox opens the
 * toolbar popup and the sidebar in browser chrome that WebDriver cannot reach; their pages are
 * opened in tabs with `?tabId=` (the tab they describe), as the Chromium suite does.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annotated, askContent, byRole, cardOf, downloaded, highlightCounts, pointOnText, SCREENSHOT_DIR, selectOnPage, tabIdOf, textOf, useFirefoxSession, waitFor } from './harness';

const session = useFirefoxSession({ beforeAll, afterAll });

/** The viewport point in the middle of character `index` of the first occurrence of `text`. */
async function charPoint(page: Page, text: string, index: number): Promise<{ x: number; y: number }> {
  const point = await pointOnText(page, text, index);
  if (!point) throw new Error(`text not on the page: ${text}`);
  return point;
}

/** Drags the mouse over `text` on the page, from before its first character to after its last. */
async function dragOver(page: Page, text: string): Promise<void> {
  const a = await charPoint(page, text, 0);
  const b = await charPoint(page, text, text.length - 1);
  await page.mouse.move(a.x - 6, a.y);
  await page.mouse.down();
  await page.mouse.move(b.x + 6, b.y, { steps: 5 });
  await page.mouse.up();
}

const clipHighlights = async (page: Page) => (await highlightCounts(page))['zwpz-CLIP'] ?? 0;

describe('Firefox: the popup and the library', () => {
  it('counts the page, saves a selection from the card and with the command, and shows them in the library', async () => {
    const { page, url } = await session.openFixture('www.qhnews.com', 'qhnews-article.html');
    await annotated(session.ext, url);
    await dragOver(page, '过去的一年，省知识产权局不断完善专利导航工作机制');
    expect(await page.evaluate(() => getSelection()?.toString())).toBe('过去的一年，省知识产权局不断完善专利导航工作机制');
    const card = cardOf(page);
    await card.waitVisible();
    await card.click('Save clipping');
    await card.waitText('saved', 15_000);
    await card.fill('Note', '知识产权部门的年度工作');
    await card.fill('Tags', '专利 年度');
    await card.click(/^Save note/);
    await card.waitHidden();
    await waitFor(async () => ((await clipHighlights(page)) === 1 ? true : undefined), 15_000, 'the clipping highlighted');
    // The command's path (Alt+Shift+S): the background asks the content script to save.
    await selectOnPage(page, '揭示产业发展中存在的优势与不足');
    expect((await askContent(session.ext, url, 'clippings/save-selection'))?.ok).toBe(true);
    await waitFor(async () => ((await clipHighlights(page)) === 2 ? true : undefined), 15_000, 'two clippings highlighted');

    const popup = await session.openExtensionPage(`popup.html?tabId=${await tabIdOf(session.ext, url)}`);
    // This page: its counts by type, the names found.
    await waitFor(async () => ((await textOf(popup)).includes('崔永焘') ? true : undefined), 15_000, 'the page’s entities in the popup');
    expect(await textOf(popup)).toMatch(/Person/);
    expect(await textOf(popup)).toContain('Open sidebar');
    await popup.screenshot({ path: join(SCREENSHOT_DIR, 'popup-page.png'), clip: { x: 0, y: 0, width: 400, height: 600 } });
    await (await byRole(popup, 'tab', /^Clippings/)).click();
    const rows = () => popup.evaluate(() => [...document.querySelectorAll('[role="listitem"].clip')].map((r) => r.textContent ?? ''));
    await waitFor(async () => ((await rows()).length === 2 ? true : undefined), 15_000, 'two clippings listed');
    // Search by a word from the middle of a quote, then by a tag.
    const search = await byRole(popup, 'searchbox', 'Search clippings');
    await search.type('知识产权');
    await waitFor(async () => {
      const r = await rows();
      return r.length === 1 && r[0]!.includes('过去的一年，省知识产权局') ? true : undefined;
    }, 10_000, 'the search to find one');
    await search.click({ count: 3 });
    await popup.keyboard.press('Backspace');
    await waitFor(async () => ((await rows()).length === 2 ? true : undefined), 10_000, 'both again');
    await popup.screenshot({ path: join(SCREENSHOT_DIR, 'popup-library.png'), clip: { x: 0, y: 0, width: 400, height: 600 } });

    // Export JSON: Firefox saves it to the downloads folder.
    await (await byRole(popup, 'button', 'JSON')).click();
    const file = await downloaded(session.downloads, /\.json$/);
    const exported = JSON.parse(readFileSync(file, 'utf8'));
    expect(exported).toMatchObject({ format: 'zwpz-clippings', version: 1 });
    expect(exported.clippings.map((c: { note: string }) => c.note).sort()).toEqual(['', '知识产权部门的年度工作']);
    // Import it back: nothing is duplicated.
    const input = await byRole(popup, 'file', 'Import a JSON file');
    await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(file);
    await waitFor(async () => ((await textOf(popup)).includes('Imported: 0 new, 0 updated, 2 already there.') ? true : undefined), 15_000, 'the import result');
    expect((await rows()).length).toBe(2);
    await popup.close();
    await page.close();
  });
});

describe('Firefox: the sidebar', () => {
  it('lists the seed article the page is built from first and reads it', async () => {
    const { page, url } = await session.openFixture('www.qhnews.com', 'qhnews-article.html');
    await annotated(session.ext, url);
    const panel = await session.openExtensionPage(`sidepanel.html?tabId=${await tabIdOf(session.ext, url)}`);
    const titles = () => panel.evaluate(() => [...document.querySelectorAll('[aria-label="Related articles"] .result-title')].map((b) => b.textContent ?? ''));
    const first = await waitFor(async () => (await titles())[0], 30_000, 'related articles');
    expect(first).toBe('青海省发布镁产业专利导航成果');
    await panel.screenshot({ path: join(SCREENSHOT_DIR, 'sidebar-related.png') });
    await (await byRole(panel, 'button', '青海省发布镁产业专利导航成果')).click();
    await waitFor(async () => ((await textOf(panel)).includes('Back to the list') ? true : undefined), 15_000, 'the reader view');
    const reader = await textOf(panel);
    expect(reader).toContain('崔永焘');
    expect(reader).toContain('Seed article');
    await panel.screenshot({ path: join(SCREENSHOT_DIR, 'sidebar-reader.png') });
    await panel.close();
    await page.close();
  });
});

describe('Firefox: the UI language', () => {
  it('follows the browser (English here) and switches to Chinese from the options', async () => {
    const options = await session.openExtensionPage('options.html');
    const select = await waitFor(async () => (await options.$('select')) ?? undefined, 10_000, 'the language menu');
    const values = await options.evaluate(() => [...document.querySelectorAll('select')].map((s) => [...s.options].map((o) => o.value)));
    expect(values.flat()).toEqual(expect.arrayContaining(['zh', 'en']));
    await options.evaluate(() => {
      const menu = [...document.querySelectorAll('select')].find((s) => [...s.options].some((o) => o.value === 'zh'))!;
      menu.focus();
    });
    // Chosen with the keyboard, as a reader would.
    const menu = await options.evaluateHandle(() => [...document.querySelectorAll('select')].find((s) => [...s.options].some((o) => o.value === 'zh'))!);
    await (menu as unknown as { select(...v: string[]): Promise<string[]> }).select('zh');
    await waitFor(async () => ((await textOf(options)).includes('界面语言') ? true : undefined), 10_000, 'the options in Chinese');
    const popup = await session.openExtensionPage('popup.html');
    await waitFor(async () => ((await textOf(popup)).includes('摘录库') ? true : undefined), 10_000, 'the popup in Chinese');
    await popup.screenshot({ path: join(SCREENSHOT_DIR, 'popup-zh_CN.png'), clip: { x: 0, y: 0, width: 400, height: 600 } });
    await popup.close();
    await options.close();
    void select;
  });
});
