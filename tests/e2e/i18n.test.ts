/**
 * The UI in both languages, in real Chromium: a browser whose pages speak English gets the
 * extension in English (popup, side panel, options, hover and selection cards), a Chinese one in
 * Chinese, and the options page's 界面语言 switch changes it. Screenshots of every view in both
 * languages go to the screenshot folder (the README shows them).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG } from '../../lib/i18n/catalog';
import { askContent, cardOf, launchWithExtension, pointOnText, SCREENSHOT_DIR, startFixtureServer, waitFor, type ExtensionBrowser, type FixtureServer } from './harness';

type Lang = 'zh_CN' | 'en';
const text = (key: keyof typeof CATALOG, lang: Lang) => CATALOG[key][lang];

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server?.close();
});

describe.each<[Lang, 'zh-CN' | 'en-US']>([
  ['en', 'en-US'],
  ['zh_CN', 'zh-CN'],
])('the UI in %s', (lang, browserLanguage) => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension({ language: browserLanguage });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('follows the browser: cards, popup, side panel and options in its language', async () => {
    const url = server.url('www.qhnews.com', 'qhnews-article.html');
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1000, height: 700 });
    await page.goto(url);
    const ext = await browser.openExtensionPage('options.html');
    await waitFor(async () => {
      const answer = await askContent(ext, url, 'annotations/list');
      return answer?.ok && answer.value.entities.length > 20 ? true : undefined;
    }, 30_000, 'the page to be annotated');

    // The hover card: the type's name and the value in words of the language.
    await page.bringToFront();
    const point = await pointOnText(page, '30 万元');
    await page.mouse.move(point!.x, point!.y);
    const card = await cardOf(page);
    await card.waitVisible();
    const said = await card.text();
    expect(said).toContain(text('typeMONEY', lang));
    expect(said).toContain(lang === 'en' ? '¥300,000 (30 万元)' : '30 万元（¥300,000）');
    expect(said).toContain(text('cardSeenOnce', lang));
    await page.screenshot({ path: join(SCREENSHOT_DIR, `hover-card-${lang}.png`) });
    await page.keyboard.press('Escape');
    await card.waitHidden();

    // The selection card, opened by the reader's mouse.
    const from = await pointOnText(page, '镁产业专利导航');
    await page.mouse.move(from!.x - 22, from!.y);
    await page.mouse.down();
    await page.mouse.move(from!.x + 5 * 16 + 7, from!.y, { steps: 5 });
    await page.mouse.up();
    await card.waitText(text('cardSaveClipping', lang));
    await page.screenshot({ path: join(SCREENSHOT_DIR, `selection-card-${lang}.png`) });
    await page.keyboard.press('Escape');

    const tabId = await ext.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id, url);
    const popup = await browser.openExtensionPage(`popup.html?tabId=${tabId}`);
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.getByRole('tab', { name: text('popupLibraryHeading', lang) }).click();
    await popup.getByRole('heading', { name: text('popupLibraryHeading', lang), exact: true }).waitFor();
    await popup.getByText(text('popupSubtitle', lang)).waitFor();
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe(lang === 'en' ? 'en' : 'zh-CN');
    await popup.screenshot({ path: join(SCREENSHOT_DIR, `popup-${lang}.png`) });
    await popup.close();

    const panel = await browser.openExtensionPage(`sidepanel.html?tabId=${tabId}`);
    await panel.setViewportSize({ width: 400, height: 800 });
    await panel.getByRole('heading', { name: text('sidepanelRelatedArticles', lang), exact: true }).waitFor();
    await panel.screenshot({ path: join(SCREENSHOT_DIR, `sidepanel-${lang}.png`) });
    await panel.close();

    await ext.setViewportSize({ width: 800, height: 900 });
    await ext.getByLabel(text('optionsLanguage', lang)).waitFor();
    await ext.screenshot({ path: join(SCREENSHOT_DIR, `options-${lang}.png`), fullPage: true });
    await ext.close();
    await page.close();
  });

  it("switches with the options page's 界面语言, and back to the browser's", async () => {
    const options = await browser.openExtensionPage('options.html');
    const other: Lang = lang === 'en' ? 'zh_CN' : 'en';
    const select = options.getByLabel(text('optionsLanguage', lang));
    await select.selectOption(other === 'en' ? 'en' : 'zh');
    // The page reloads in the other language.
    await options.getByLabel(text('optionsLanguage', other)).waitFor();
    const popup = await browser.openExtensionPage('popup.html');
    await popup.getByText(text('popupSubtitle', other)).waitFor();
    await popup.close();
    await options.getByLabel(text('optionsLanguage', other)).selectOption('auto');
    await options.getByLabel(text('optionsLanguage', lang)).waitFor();
    await options.close();
  });
});
