/// <reference types="chrome" />
/**
 * The trained name tagger in the built extension: loaded by the offscreen document, used for a
 * page's names, and, when its file is corrupt, reported in the popup while the rules take over.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NAME_MODEL_PATH } from '@/lib/recognize/tagger/model-path';
import { askContent, EXTENSION_DIR, SCREENSHOT_DIR, launchWithExtension, startFixtureServer, useExtensionSession, waitFor, type ExtensionBrowser, type FixtureServer } from './harness';

type Answer = { ok: true; value: any } | { ok: false; error: string };
type Span = { type: string; text: string };

const session = useExtensionSession({ beforeAll, afterAll });

/** The spans the page's content script paints, once the page is done. */
async function pageSpans(ext: import("playwright-core").Page, url: string): Promise<{ entities: Span[]; progress: any }> {
  return waitFor(async () => {
    const answer = (await askContent(ext, url, 'annotations/list')) as Answer | undefined;
    if (!answer?.ok || !answer.value.progress || answer.value.progress.doneMs === null || !answer.value.entities.length) return undefined;
    return answer.value as { entities: Span[]; progress: any };
  }, 30_000, `annotations of ${url}`);
}

describe('the name model in real Chromium', () => {
  it('is loaded and checked by the offscreen document', async () => {
    const status = await waitFor(async () => {
      const answer = (await session.ext.evaluate(() => chrome.runtime.sendMessage({ target: 'background', type: 'segmenter/status' }))) as Answer;
      return answer.ok && answer.value.names.state === 'ready' ? answer.value : undefined;
    }, 30_000, 'the model to load');
    expect(status.host).toBe('offscreen');
    expect(status.names.rows).toBeGreaterThan(100_000);
    expect(status.names.bytes).toBeLessThanOrEqual(6 * 1024 * 1024);
    console.log(`[names] model loaded in the offscreen document in ${Math.round(status.names.loadMs)} ms (${status.names.bytes} bytes, ${status.names.rows} rows)`);
  });

  it('finds names no list holds on a page and says the model found them', async () => {
    const url = session.server.url('paper.people.com.cn', 'paper-culture.html');
    const page = await session.browser.context.newPage();
    await page.goto(url);
    const { entities, progress } = await pageSpans(session.ext, url);
    expect(progress.names).toEqual({ source: 'model' });
    const marked = entities.map((s) => `${s.type} ${s.text}`);
    for (const want of ['PERSON 范仲淹', 'PERSON 景海鹏', 'PERSON 桂海潮', 'PERSON 钟文远', 'ORG 中国科学院地理科学与资源研究所', 'ORG 中国青年网', 'ORG 市发改委', 'PLACE 岳阳楼', 'MONEY 15.68亿元']) {
      expect(marked).toContain(want);
    }
    // The side menu's provinces are places, one a line, never people.
    for (const province of ['北京', '天津', '江苏', '宁夏']) expect(marked).toContain(`PLACE ${province}`);
    expect(marked.filter((m) => m.startsWith('PERSON ') && ['江苏', '宁夏'].includes(m.slice(7)))).toEqual([]);
    await page.close();
  });
});

describe('a corrupt name model', () => {
  let dir: string;
  let server: FixtureServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    // A copy of the build whose model file is damaged (a truncated download, a bad disk).
    dir = await mkdtemp(join(tmpdir(), 'zwpz-badmodel-'));
    await cp(EXTENSION_DIR, dir, { recursive: true });
    await writeFile(join(dir, NAME_MODEL_PATH), 'ZWNERMDL this is not a model');
    server = await startFixtureServer();
    browser = await launchWithExtension({ extensionDir: dir });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('leaves the rules to find names, and the popup says why', async () => {
    const ext = await browser.openExtensionPage('options.html');
    const url = server.url('paper.people.com.cn', 'paper-culture.html');
    const page = await browser.context.newPage();
    await page.goto(url);
    const { entities, progress } = await pageSpans(ext, url);
    expect(progress.names.source).toBe('rules');
    expect(progress.names.error).toMatch(/model/);
    const marked = entities.map((s) => `${s.type} ${s.text}`);
    expect(marked).toContain('MONEY 15.68亿元');
    expect(marked).toContain('PLACE 北京');
    const status = (await ext.evaluate(() => chrome.runtime.sendMessage({ target: 'background', type: 'segmenter/status' }))) as Answer;
    expect(status).toMatchObject({ ok: true, value: { names: { state: 'failed' } } });

    await page.bringToFront();
    const tabId = await ext.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]!.id!, url.replace(/:\d+\//, '/'));
    const popup = await browser.openExtensionPage(`popup.html?tabId=${tabId}`);
    const notice = popup.getByRole('status').filter({ hasText: '名称模型未能加载' });
    await notice.waitFor({ timeout: 15_000 });
    expect(await notice.textContent()).toMatch(/规则/);
    await popup.setViewportSize({ width: 420, height: 640 });
    await popup.screenshot({ path: join(SCREENSHOT_DIR, 'popup-rules-fallback.png') });
  });
});
