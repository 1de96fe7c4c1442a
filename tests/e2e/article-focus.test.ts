/// <reference types="chrome" />
/**
 * Real pages annotate their article, not their menus, in real Chromium: fixture pages laid out
 * like a provincial portal (menus, ticker, a long footer of counties and ministries), a national
 * news site (a ticker above, related and recommended columns beside), a research society (a side
 * menu of items on separate lines) and a newspaper's home page (no article). Each article page
 * marks its article with `data-fixture="article"`; every highlight must fall inside it, unless
 * the reader switches 整页标注 on. The side panel's query is the article: the portal page built
 * around a seed article lists it first, the same boilerplate around an unrelated article lists
 * nothing; 添加本页 stores the headline, not the hidden logo heading.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { askContent, openDone as openDoneIn, ROOT, SCREENSHOT_DIR, tabIdOf as tabIdIn, useExtensionSession, waitFor } from './harness';

const session = useExtensionSession({ beforeAll, afterAll });

type Host = Parameters<typeof session.server.url>[0];

/** Highlighted ranges on the page, inside and outside the fixture's article element. */
function highlightPlaces(page: Page): Promise<{ inside: number; outside: number; outsideTexts: string[] }> {
  return page.evaluate(() => {
    const article = document.querySelector('[data-fixture="article"]');
    let inside = 0;
    let outside = 0;
    const outsideTexts: string[] = [];
    for (const highlight of (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.values()) {
      for (const range of highlight) {
        if (article?.contains(range.startContainer)) inside++;
        else {
          outside++;
          if (outsideTexts.length < 10) outsideTexts.push(range.toString());
        }
      }
    }
    return { inside, outside, outsideTexts };
  });
}

/** Opens a fixture page and waits until its annotation is done; resolves with the page and its listing. */
const openDone = (host: Host, file: string) => openDoneIn(session, host, file);
const tabIdOf = (url: string) => tabIdIn(session, url);

describe('article focus on real page layouts', () => {
  for (const [host, file, least] of [
    ['www.qinghai.gov.cn', 'gov-portal-article.html', 10],
    ['www.news.cn', 'news-article.html', 15],
    ['kjt.qinghai.gov.cn', 'society-news.html', 10],
  ] as const) {
    it(`annotates and counts only the article of ${file}`, async () => {
      const { page, list } = await openDone(host, file);
      expect(list.progress.scope).toBe('article');
      // The read is done before its spans near the screen are painted (the next frames): wait
      // for the paint, then look at where it went.
      const places = await waitFor(async () => {
        const p = await highlightPlaces(page);
        return p.inside >= least || p.outside > 0 ? p : undefined;
      }, 10_000, `the article of ${file} to be painted`);
      expect(places.outsideTexts).toEqual([]);
      expect(places.outside).toBe(0);
      expect(places.inside).toBeGreaterThanOrEqual(least);
      // What the popup counts is what is painted: the article's entities only.
      const inArticle = await page.evaluate((spans: Array<{ start: number; end: number }>) => spans.length, list.entities);
      expect(inArticle).toBe(list.entities.length);
      expect(list.entities.length).toBeGreaterThanOrEqual(least);
      await page.screenshot({ path: join(SCREENSHOT_DIR, `article-focus-${file.replace('.html', '')}.png`) });
      await page.close();
    });
  }

  it('annotates the whole page with 整页标注, from the popup, and back', async () => {
    const { page, url } = await openDone('www.qinghai.gov.cn', 'gov-portal-article.html');
    const before = await highlightPlaces(page);
    const popup = await session.browser.openExtensionPage(`popup.html?tabId=${await tabIdOf(url)}`);
    await popup.getByText('只标注本页的文章', { exact: false }).waitFor({ timeout: 15_000 });
    await popup.screenshot({ path: join(SCREENSHOT_DIR, 'popup-article-scope.png'), fullPage: true });
    await popup.getByLabel(/整页标注/).check();
    const whole = await waitFor(async () => {
      const p = await highlightPlaces(page);
      return p.outside > 20 ? p : undefined;
    }, 30_000, 'the whole page to be annotated');
    expect(whole.inside).toBeGreaterThanOrEqual(before.inside);
    expect(whole.outsideTexts.join(' ')).toMatch(/外交部|湟源县|西宁市|教育厅/);
    await popup.getByLabel(/整页标注/).uncheck();
    await waitFor(async () => ((await highlightPlaces(page)).outside === 0 ? true : undefined), 30_000, 'the article alone again');
    await popup.close();
    await page.close();
  });

  it('leaves a home page without an article unmarked until the reader asks', async () => {
    const { page, url, list } = await openDone('www.gansudaily.com.cn', 'paper-home.html');
    expect(list.progress.scope).toBe('light');
    expect(list.entities).toEqual([]);
    expect((await highlightPlaces(page)).inside + (await highlightPlaces(page)).outside).toBe(0);
    // What the reader selects is read and marked, and only that.
    const headline = await page.evaluate(() => {
      // A headline naming a province or city in full (甘肃省与…), so that it holds a name to mark.
      const link = [...document.querySelectorAll('a')].find((a) => /[\u4e00-\u9fff]{2}[市省]/.test(a.textContent ?? '') && (a.textContent ?? '').length >= 8)!;
      const range = document.createRange();
      range.selectNodeContents(link);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return link.textContent!;
    });
    const selected = await waitFor(async () => {
      const p = await highlightPlaces(page);
      return p.outside > 0 ? p : undefined;
    }, 15_000, `the selection (${headline}) to be marked`);
    expect(selected.outside).toBeLessThanOrEqual(4);
    expect(headline).toContain(selected.outsideTexts[0]!);
    await page.evaluate(() => getSelection()!.removeAllRanges());
    const popup = await session.browser.openExtensionPage(`popup.html?tabId=${await tabIdOf(url)}`);
    await popup.getByRole('tab', { name: '本页' }).click();
    await popup.getByText('本页没有找到文章正文', { exact: false }).waitFor({ timeout: 15_000 });
    await popup.screenshot({ path: join(SCREENSHOT_DIR, 'popup-light-mode.png'), fullPage: true });
    await popup.getByRole('button', { name: '标注整页' }).click();
    await waitFor(async () => ((await highlightPlaces(page)).outside > 10 ? true : undefined), 30_000, 'the home page to be annotated on request');
    await popup.close();
    await page.close();
  });
});

describe('the side panel reads the article', () => {
  async function panelFor(host: Host, file: string) {
    const { page, url } = await openDone(host, file);
    const panel = await session.browser.openExtensionPage(`sidepanel.html?tabId=${await tabIdOf(url)}`);
    await panel.setViewportSize({ width: 400, height: 900 });
    return { page, panel };
  }

  it('lists the seed article inside a portal\'s boilerplate first, and stores the headline with 添加本页', async () => {
    const { page, panel } = await panelFor('www.qinghai.gov.cn', 'gov-portal-article.html');
    const first = () => panel.getByRole('list', { name: '相关文章' }).locator('.result-title').first().textContent();
    await expect.poll(first, { timeout: 30_000 }).toBe('优化营商环境护航经济发展');
    await panel.screenshot({ path: join(SCREENSHOT_DIR, 'sidepanel-portal-article.png'), fullPage: true });
    await panel.getByRole('button', { name: '添加本页' }).click();
    await panel.getByRole('status').filter({ hasText: '已添加本页：《优化营商环境护航经济发展》' }).waitFor({ timeout: 30_000 });
    // Its publication date, from the page's <meta name="PubDate">, in words.
    await expect
      .poll(() => panel.getByRole('list', { name: '我的文章' }).getByRole('listitem').filter({ hasText: '优化营商环境护航经济发展' }).textContent(), { timeout: 15_000 })
      .toContain('发布：2024年6月20日');
    await panel.close();
    await page.close();
  });

  it('searches the corpus by one character, by phrase and in traditional characters', async () => {
    const { page, panel } = await panelFor('www.qinghai.gov.cn', 'gov-portal-unrelated.html');
    const box = panel.getByRole('searchbox', { name: '搜索语料' });
    const results = () => panel.getByRole('list', { name: '搜索结果' }).locator('.result-title').allTextContents();
    await box.fill('镁');
    await expect.poll(results, { timeout: 30_000 }).toEqual(expect.arrayContaining(['青海省发布镁产业专利导航成果', '德令哈建成全国最大盐湖食品级氧化镁生产线']));
    await box.fill('知識產權');
    await expect.poll(async () => (await results()).length, { timeout: 15_000 }).toBeGreaterThan(2);
    expect((await results())[0]).toMatch(/知识产权|专利/);
    await panel.screenshot({ path: join(SCREENSHOT_DIR, 'sidepanel-search-traditional.png'), fullPage: true });
    await panel.close();
    await page.close();
  });

  it('lists a reader\'s article telling the same story first for a whole news page', async () => {
    const { page, panel } = await panelFor('www.news.cn', 'news-article.html');
    await panel.getByTestId('jsonl-input').setInputFiles(join(ROOT, 'tests/corpus/near-copy.jsonl'));
    await panel.getByRole('status').filter({ hasText: '已从 near-copy.jsonl 添加 1 篇文章。' }).waitFor({ timeout: 30_000 });
    const first = () => panel.getByRole('list', { name: '相关文章' }).locator('.result-title').first().textContent();
    await expect.poll(first, { timeout: 30_000 }).toBe('杭州举办宋代书法精品展 百余件珍品亮相钱塘书画博物馆');
    const meter = panel.getByRole('list', { name: '相关文章' }).getByRole('listitem').first().getByRole('meter', { name: '相关度' });
    expect(Number(await meter.getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(50);
    await panel.screenshot({ path: join(SCREENSHOT_DIR, 'sidepanel-news-near-copy.png'), fullPage: true });
    await panel.getByRole('button', { name: /^移除《杭州举办宋代书法精品展/ }).click();
    await panel.getByRole('status').filter({ hasText: '已移除 1 篇文章' }).waitFor();
    await panel.close();
    await page.close();
  });

  it('says 没有相关文章 for an unrelated article in the same boilerplate', async () => {
    const { page, panel } = await panelFor('www.qinghai.gov.cn', 'gov-portal-unrelated.html');
    await panel.getByRole('status').filter({ hasText: '没有相关文章' }).waitFor({ timeout: 30_000 });
    expect(await panel.getByRole('list', { name: '相关文章' }).count()).toBe(0);
    await panel.close();
    await page.close();
  });
});

describe('opening a clipping', () => {
  it('opens a 200-character clipping of two paragraphs scrolled to it', async () => {
    const { page, url } = await openDone('www.qinghai.gov.cn', 'gov-portal-article.html');
    // From the start of one paragraph into the next: about 200 characters over a block break.
    const quote = await page.evaluate(() => {
      const ps = [...document.querySelectorAll('#zoom p')];
      const a = ps.find((p) => p.textContent!.startsWith('该县组织企业申报'))!;
      const b = a.nextElementSibling!;
      const range = document.createRange();
      range.setStart(a.firstChild!, 0);
      range.setEnd(b.firstChild!, 60);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return getSelection()!.toString();
    });
    expect(quote.length).toBeGreaterThan(180);
    expect((await askContent(session.ext, url, 'clippings/save-selection'))?.ok).toBe(true);
    await page.close();

    const popup = await session.browser.openExtensionPage('popup.html');
    // The library finds it from traditional characters too (烏蘭縣 → 乌兰县).
    await popup.getByRole('searchbox', { name: '搜索摘录' }).fill('烏蘭縣');
    await expect.poll(() => popup.getByRole('button', { name: '打开原文：优化营商环境护航经济发展' }).count(), { timeout: 15_000 }).toBe(1);
    const opened = session.browser.context.waitForEvent('page');
    await popup.getByRole('button', { name: '打开原文：优化营商环境护航经济发展' }).first().click();
    const tab = await opened;
    expect(tab.url()).toContain('#:~:text=');
    // The clipping is highlighted and on screen: the page scrolled down to it.
    const place = await waitFor(async () => {
      const p = await tab.evaluate(() => {
        const clip = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('zwpz-CLIP');
        const range = clip && [...clip][0];
        if (!range) return undefined;
        const rect = range.getBoundingClientRect();
        return { top: rect.top, bottom: rect.bottom, scrollY: window.scrollY, height: innerHeight };
      }).catch(() => undefined);
      return p && p.scrollY > 300 && p.top < p.height && p.bottom > 0 ? p : undefined;
    }, 20_000, 'the clipping on screen');
    expect(place.scrollY).toBeGreaterThan(300);
    await tab.screenshot({ path: join(SCREENSHOT_DIR, 'clipping-opened.png') });
    await tab.close();
    await popup.close();
  });
});
