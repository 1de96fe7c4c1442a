/**
 * Highlights and the hover card in real Firefox ESR, with the Firefox build (MV2 background
 * page: the segmenter and the name model run there, no offscreen document). Debian's Firefox
 * ESR speaks English (no Chinese language pack), so the extension's UI follows it in English.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STRICT_CSP } from '../e2e/harness';
import { annotated, askContent, cardOf, highlightCounts, pointOnText, SCREENSHOT_DIR, selectOnPage, useFirefoxSession, waitFor } from './harness';

const session = useFirefoxSession({ beforeAll, afterAll });

describe('Firefox: highlights', () => {
  it('paints the article of a listed site with CSS highlights from the background page, leaving the DOM alone', async () => {
    const { page, url } = await session.openFixture('www.qhnews.com', 'qhnews-article.html');
    const before = await page.evaluate(() => document.body.innerHTML);
    const list = await annotated(session.ext, url);
    const found = list.entities.map((s) => `${s.type}:${s.text}`);
    expect(found).toEqual(expect.arrayContaining(['PERSON:崔永焘', 'ORG:青海省市场监管局', 'PLACE:西宁市']));
    expect(list.entities.find((s) => s.text === '30 万元')).toMatchObject({ type: 'MONEY', value: 300000, unit: 'CNY' });
    // Names come from the trained model (the background page loaded it), not the rules' fallback.
    expect(list.progress?.names?.source).toBe('model');
    const counts = await waitFor(async () => {
      const c = await highlightCounts(page);
      return c['zwpz-PERSON'] && c['zwpz-ORG'] && c['zwpz-MONEY'] ? c : undefined;
    }, 15_000, 'highlights');
    expect(Object.keys(counts)).toEqual(expect.arrayContaining(['zwpz-ORG', 'zwpz-PERSON', 'zwpz-PLACE', 'zwpz-MONEY']));
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(before);
    // No WebAssembly in the page: segmentation runs in the background page.
    expect(await page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('.wasm')))).toBe(false);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'highlighted-page.png') });
    await page.close();
  });

  it('leaves a site outside the list alone', async () => {
    const { page, url } = await session.openFixture('www.example.com', 'other-site.html');
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await askContent(session.ext, url, 'annotations/list')).toBeUndefined();
    expect(await page.evaluate(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size)).toBe(0);
    await page.close();
  });
});

describe('Firefox: the hover card', () => {
  it('opens from the mouse with the value in words, out of the page scripts’ reach, and Esc closes it', async () => {
    const { page, url } = await session.openFixture('www.qhnews.com', 'qhnews-article.html');
    await annotated(session.ext, url);
    const point = await pointOnText(page, '30 万元');
    expect(point).not.toBeNull();
    await page.mouse.move(point!.x, point!.y);
    const card = cardOf(page);
    await card.waitVisible();
    await card.waitText('Money');
    expect(await card.text()).toContain('¥300,000');
    expect(await card.text()).toContain('Related articles');
    // A closed shadow root: the page's scripts see no card.
    expect(await page.evaluate(() => document.querySelector('zwpz-ui')?.shadowRoot ?? null)).toBeNull();
    const box = await card.box();
    expect(box.width).toBeGreaterThan(150);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'hover-card.png') });
    await page.keyboard.press('Escape');
    await card.waitHidden();
    await page.close();
  });

  it('opens from the keyboard (Alt+Shift+E), moves through its buttons with Tab, and Esc closes it', async () => {
    const { page, url } = await session.openFixture('www.qhnews.com', 'qhnews-article.html');
    await annotated(session.ext, url);
    await selectOnPage(page, '青海省市场监管局', { caretAt: 2 });
    await page.keyboard.down('Alt');
    await page.keyboard.down('Shift');
    await page.keyboard.press('E');
    await page.keyboard.up('Shift');
    await page.keyboard.up('Alt');
    const card = cardOf(page);
    await card.waitVisible();
    expect(await card.text()).toContain('Organization');
    expect(await card.text()).toContain('青海省市场监管局');
    const first = await card.focusedLabel();
    expect(first).not.toBeNull();
    await page.keyboard.press('Tab');
    expect(await card.focusedLabel()).not.toBe(first);
    await page.keyboard.press('Escape');
    await card.waitHidden();
    await page.close();
  });
});

describe('Firefox: hard pages', () => {
  it('works under a strict CSP, hover card included', async () => {
    const { page, url } = await session.openFixture('www.qhnews.com', 'qhnews-article.html?csp=strict');
    const policy = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
    expect(policy).toBe(STRICT_CSP);
    const list = await annotated(session.ext, url);
    expect(list.entities.map((s) => s.text)).toContain('崔永焘');
    const point = await pointOnText(page, '崔永焘');
    await page.mouse.move(point!.x, point!.y);
    const card = cardOf(page);
    await card.waitVisible();
    await card.waitText('Person');
    await page.close();
  });

  it('reads a GBK-encoded page', async () => {
    const { page, url } = await session.openFixture('www.qhnews.com', 'qhnews-article.gbk.html');
    expect(await page.evaluate(() => document.characterSet.toLowerCase())).toMatch(/gbk|gb18030/);
    const list = await annotated(session.ext, url);
    expect(list.entities.find((s) => s.text === '30 万元')).toMatchObject({ type: 'MONEY', value: 300000 });
    await page.close();
  });

  it('reads text that arrives after load, and what is added later', async () => {
    const { page, url } = await session.openFixture('www.gov.cn', 'late-text.html');
    await waitFor(async () => ((await annotated(session.ext, url)).entities.some((s) => s.text === '国家知识产权局') ? true : undefined), 30_000, 'the late text');
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = '新华社北京6月20日电 国家知识产权局局长申长雨表示，上半年发明专利授权量达到52.4万件。';
      document.body.append(p);
    });
    const grown = await waitFor(async () => {
      const list = await annotated(session.ext, url);
      return list.entities.some((s) => s.text === '52.4万件') ? list : undefined;
    }, 30_000, 'the added paragraph');
    expect(grown.entities.map((s) => s.text)).toEqual(expect.arrayContaining(['申长雨', '52.4万件']));
    await page.close();
  });
});

describe('Firefox: the background page restarted', () => {
  it('annotates again after the add-on reloads (the segmenter and the model load anew)', async () => {
    await session.ext.evaluate(() => {
      setTimeout(() => (globalThis as unknown as { browser: { runtime: { reload(): void } } }).browser.runtime.reload(), 0);
    }).catch(() => undefined);
    // The add-on's pages close with it; its options page comes back at the same address.
    await new Promise((r) => setTimeout(r, 1_500));
    const ext = await waitFor(async () => {
      try {
        return await session.openExtensionPage('options.html');
      } catch {
        return undefined;
      }
    }, 30_000, 'the add-on back');
    session.ext = ext;
    const { page, url } = await session.openFixture('www.qhnews.com', 'qhnews-article.html');
    const list = await annotated(session.ext, url);
    expect(list.entities.map((s) => s.text)).toContain('崔永焘');
    await page.close();
  });
});
