/// <reference types="chrome" />
/**
 * Hostile pages in real Chromium: each attack is a page script on a fixture under a listed host
 * name, and each test asserts that nothing happened (the script still runs, nothing was stored,
 * nothing private was read).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { askContent, useExtensionSession, waitFor } from './harness';

const session = useExtensionSession({ beforeAll, afterAll });

const highlightCount = (page: Page) =>
  page.evaluate(() => [...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.values()].reduce((n, h) => n + h.size, 0));

async function openAnnotated(file: string): Promise<{ page: Page; url: string; count: number }> {
  const url = session.server.url('www.qhnews.com', file);
  const page = await session.browser.context.newPage();
  await page.goto(url);
  const count = await waitFor(async () => {
    const n = await highlightCount(page);
    return n > 5 ? n : undefined;
  }, 30_000, 'highlights');
  return { page, url, count };
}

describe('a hostile page', () => {
  it('cannot stop the content script by answering or forging its start message', async () => {
    const { page, url, count } = await openAnnotated('hostile-stop.html');
    // The script posted nothing to the page that it could send back.
    expect(await page.evaluate(() => (window as unknown as { __seenStart?: number }).__seenStart ?? 0)).toBe(0);
    // The page forges the start of a newer script, by window message and by DOM event, with
    // the extension's id and the script's name (both can be known to a page).
    const id = session.browser.extensionId;
    await page.evaluate((extId) => {
      for (let k = 0; k < 5; k++) {
        const type = `${extId}:content:wxt:content-script-started`;
        window.postMessage({ type, contentScriptName: 'content', messageId: `forged-${k}` }, '*');
        window.postMessage({ type: 'wxt:content-script-started', contentScriptName: 'content', messageId: `forged-${k}` }, '*');
        document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: 'content', messageId: `forged-${k}` } }));
      }
    }, id);
    await page.waitForTimeout(1_500);
    expect(await highlightCount(page)).toBe(count);
    const answer = await askContent(session.ext, url, 'annotations/list');
    expect(answer?.ok).toBe(true);
    // Still reading the page: new text is annotated.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = '另据了解，格尔木市市场监管局将于6月开展专利侵权专项检查，涉及企业120家。';
      document.querySelector('#content')!.append(p);
    });
    await waitFor(async () => ((await highlightCount(page)) > count ? true : undefined), 15_000, 'the new paragraph to be annotated');
    await page.close();
  });
});
