/// <reference types="chrome" />
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askContent, SCREENSHOT_DIR, useExtensionSession, waitFor } from './harness';

type Answer = { ok: true; value: any } | { ok: false; error: string };

const session = useExtensionSession({ beforeAll, afterAll });

function sendRuntime(message: object): Promise<Answer> {
  return session.ext.evaluate((m: object) => chrome.runtime.sendMessage(m), message) as Promise<Answer>;
}

async function pageSegmentation(url: string): Promise<Answer | undefined> {
  return (await askContent(session.ext, url, 'page/segmentation')) as Answer | undefined;
}

/** The id of the tab opened last (tab ids grow); works for sites the extension cannot read. */
async function newestTabId(): Promise<number> {
  return session.ext.evaluate(async () => Math.max(...(await chrome.tabs.query({})).map((t) => t.id ?? -1)));
}

describe('extension foundation in real Chromium', () => {
  it('starts the service worker with the manifest it was built with', async () => {
    expect(session.browser.extensionId).toMatch(/^[a-p]{32}$/);
    const manifest = await session.browser.serviceWorker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.manifest_version).toBe(3);
    // The name comes from _locales, in the browser's UI language (Debian's chromium without
    // chromium-l10n has only en-US; Chinese where the browser runs in Chinese).
    const name = await session.browser.serviceWorker.evaluate(() => chrome.i18n.getMessage('extName'));
    expect(manifest.name).toBe(name);
    expect(['政务新闻批注阅读', "Official News Reader's Notes"]).toContain(name);
    expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
    expect(JSON.stringify(manifest.content_security_policy)).toContain("'wasm-unsafe-eval'");
  });

  it('answers a segment request from the offscreen document, which loaded the WASM', async () => {
    const answer = await sendRuntime({ target: 'background', type: 'segment', text: '青海省市场监管局在西宁市发布专利导航项目成果' });
    expect(answer.ok, JSON.stringify(answer)).toBe(true);
    if (!answer.ok) return;
    expect(answer.value.host).toBe('offscreen');
    const words = answer.value.tokens.map((t: { word: string }) => t.word);
    expect(words).toContain('西宁市');
    expect(words.join('')).toBe('青海省市场监管局在西宁市发布专利导航项目成果');

    const contexts = await session.ext.evaluate(() =>
      chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as chrome.runtime.ContextType] }),
    );
    expect(contexts).toHaveLength(1);
    expect(contexts[0]!.documentUrl).toMatch(/\/offscreen\.html$/);

    const status = await sendRuntime({ target: 'background', type: 'segmenter/status' });
    expect(status).toMatchObject({ ok: true, value: { host: 'offscreen', ready: true } });
  });

  it('re-creates the offscreen document when it is gone', async () => {
    await session.ext.evaluate(() => chrome.offscreen.closeDocument());
    const closed = await session.ext.evaluate(() =>
      chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as chrome.runtime.ContextType] }),
    );
    expect(closed).toHaveLength(0);
    const answer = await sendRuntime({ target: 'background', type: 'segment', text: '德令哈市黄河路社区' });
    expect(answer).toMatchObject({ ok: true, value: { host: 'offscreen' } });
  });

  it('rejects a malformed request with a clear error instead of throwing', async () => {
    const answer = await sendRuntime({ target: 'background', type: 'segment', text: 42 });
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error).toMatch(/^segment: text:/);
  });

  it('runs the content script on a news site and gets the page segmented by the offscreen document', async () => {
    const url = session.server.url('www.qhnews.com', 'qhnews-article.html');
    const page = await session.browser.context.newPage();
    await page.goto(url);
    const result = await waitFor(
      async () => {
        const a = await pageSegmentation(url);
        return a?.ok && a.value.state === 'done' ? a.value.result : undefined;
      },
      20_000,
      'the content script to report its segmentation',
    );
    expect(result.host).toBe('offscreen');
    expect(result.title).toBe('我省发布镁产业专利导航项目成果_青海新闻网');
    // The article, not the site's name or its navigation: headline, dateline, then the body.
    expect(result.sample.map((t: { word: string }) => t.word).join('')).toMatch(/^我省发布镁产业专利导航项目成果\s*2024-04-24 08:30:12　来源：青海日报　作者：崔永焘\s*青海新闻网讯（记者 崔永焘）/);
    expect(result.chars).toBeGreaterThan(800);
    expect(result.tokens).toBeGreaterThan(300);
    // Segmentation happened off the page: no WebAssembly in the page's isolated world or main world.
    expect(await page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('.wasm')))).toBe(false);

    const tabId = await newestTabId();
    const popup = await session.browser.openExtensionPage(`popup.html?tabId=${tabId}`);
    // A browser popup grows by its scrollbar; the viewport does not, so leave room for it.
    await popup.setViewportSize({ width: 396, height: 600 });
    // A reader's status, no segmentation details (those are for developers).
    await popup.getByText(/本页已读取 [\d,]+ 字/).waitFor();
    expect(await popup.locator('.stat').count()).toBe(0);
    // The page's entities and figures, counted per type and listed with values.
    await popup.getByLabel('各类数量').waitFor();
    expect(await popup.getByLabel('各类数量').textContent()).toMatch(/人名 \d+.*地名 \d+.*机构 \d+/);
    await popup.getByRole('button', { name: /30 万元/ }).waitFor();
    expect(await popup.getByRole('button', { name: /30 万元/ }).textContent()).toContain('30 万元（¥300,000）');
    await popup.screenshot({ path: join(SCREENSHOT_DIR, 'popup.png') });
    // Switching a type off removes its highlights from the page; switching it on brings them back.
    const highlightNames = () => page.evaluate(() => [...(CSS as unknown as { highlights: Map<string, unknown> }).highlights.keys()]);
    await popup.getByRole('button', { name: /^地名/ }).click();
    await expect.poll(highlightNames).not.toContain('zwpz-PLACE');
    await popup.getByRole('button', { name: /地名 已隐藏/ }).waitFor();
    await popup.getByRole('button', { name: /^地名/ }).click();
    await expect.poll(highlightNames).toContain('zwpz-PLACE');
    // Clicking an entry scrolls the page to it and selects it.
    await popup.getByRole('button', { name: /崔永焘/ }).first().click();
    await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('崔永焘');
    await popup.close();

    const panel = await session.browser.openExtensionPage(`sidepanel.html?tabId=${tabId}`);
    await panel.setViewportSize({ width: 400, height: 800 });
    await panel.getByRole('heading', { name: /种子语料（5 篇文档）/ }).waitFor();
    await expect.poll(() => panel.locator('.list li').count()).toBe(5);
    await panel.screenshot({ path: join(SCREENSHOT_DIR, 'sidepanel.png'), fullPage: true });
    await panel.close();

    // Developer details only when switched on in the options (开发者信息).
    const options = await session.browser.openExtensionPage('options.html');
    const developer = options.getByLabel('显示开发者信息（分词耗时与分词示例）');
    await developer.check();
    await expect.poll(() => developer.isChecked()).toBe(true);
    const dev = await session.browser.openExtensionPage(`popup.html?tabId=${tabId}`);
    await dev.getByRole('tab', { name: '本页' }).click();
    await dev.getByText(/离屏文档分词/).waitFor();
    await dev.close();
    await developer.uncheck();
    await expect.poll(() => developer.isChecked()).toBe(false);
    await options.close();
    await page.close();
  });

  it('does not run on sites outside the host list', async () => {
    const url = session.server.url('www.example.com', 'other-site.html');
    const page = await session.browser.context.newPage();
    await page.goto(url);
    await page.waitForLoadState('load');
    await new Promise((r) => setTimeout(r, 500));
    expect(await pageSegmentation(url)).toBeUndefined();
    const tabId = await newestTabId();
    const popup = await session.browser.openExtensionPage(`popup.html?tabId=${tabId}`);
    await popup.getByRole('tab', { name: '本页' }).click();
    await popup.getByText('本页不在自动标注的网站之列', { exact: false }).waitFor();
    await popup.close();
    await page.close();
  });

  it('renders the options page with the default sites and the form to enable another one', async () => {
    const options = await session.browser.openExtensionPage('options.html');
    await options.setViewportSize({ width: 820, height: 900 });
    await options.getByRole('heading', { name: '政务新闻批注阅读' }).waitFor();
    await options.getByText('people.com.cn', { exact: false }).first().waitFor();
    await options.getByLabel('网址或域名').fill('not a url at all');
    await options.getByRole('button', { name: '启用' }).click();
    await options.getByText('无法识别这个网址', { exact: false }).waitFor();
    await options.screenshot({ path: join(SCREENSHOT_DIR, 'options.png'), fullPage: true });
    await options.close();
  });
});
