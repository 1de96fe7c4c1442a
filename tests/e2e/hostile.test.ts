/// <reference types="chrome" />
/**
 * Hostile pages in real Chromium: each attack is a page script on a fixture under a listed host
 * name, and each test asserts that nothing happened (the script still runs, nothing was stored,
 * nothing private was read).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { askContent, cardOf, pointOnText, useExtensionSession, waitFor } from './harness';

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

  it('cannot open, read or click the card: no clipping, no correction, no private title read', async () => {
    const { page, url } = await openAnnotated('hostile-stop.html');
    const card = await cardOf(page);
    const clippings = () => session.ext.evaluate(async () => {
      const open = indexedDB.open('zwpz');
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        open.onsuccess = () => ok(open.result);
        open.onerror = () => fail(open.error);
      });
      const n = await new Promise<number>((ok) => {
        const req = db.transaction('clippings').objectStore('clippings').count();
        req.onsuccess = () => ok(req.result);
      });
      db.close();
      return n;
    });
    const before = await clippings();
    // The page selects a sentence and fakes the reader's mouse and keys, many times over.
    const reached = await page.evaluate(async () => {
      const p = document.querySelector('#content p')!;
      const range = document.createRange();
      range.selectNodeContents(p);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      const rect = range.getBoundingClientRect();
      let found = 0;
      for (let k = 0; k < 50; k++) {
        document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, clientX: rect.left, clientY: rect.bottom }));
        document.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX: rect.left + 10, clientY: rect.top + 5 }));
        document.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, altKey: true, shiftKey: true, code: 'KeyE', key: 'E' }));
        await new Promise((r) => setTimeout(r, 20));
        const host = document.querySelector('zwpz-ui');
        if (host?.shadowRoot) found++;
        // Clicks wherever a card would be, on the host itself and at its place on the screen.
        host?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
        document.elementFromPoint(rect.left + 20, rect.bottom + 30)?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      }
      return found;
    });
    expect(reached).toBe(0);
    expect(await card.visible()).toBe(false);
    await page.waitForTimeout(500);
    expect(await clippings()).toBe(before);
    expect((await askContent(session.ext, url, 'annotations/list'))?.value.entities.length).toBeGreaterThan(5);

    // The reader's own hover opens the card; the page still cannot read it or press its buttons.
    const point = await pointOnText(page, '崔永焘');
    await page.mouse.move(point!.x, point!.y);
    await card.waitVisible();
    await card.waitText('人名');
    const leak = await page.evaluate(() => {
      const host = document.querySelector('zwpz-ui')!;
      const seen = [host.shadowRoot === null, host.textContent === '', host.innerHTML === ''];
      for (const el of document.querySelectorAll('*')) el.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      return seen;
    });
    expect(leak).toEqual([true, true, true]);
    expect(await card.visible()).toBe(true);
    expect((await askContent(session.ext, url, 'annotations/list'))?.value.entities.map((s: { text: string }) => s.text)).toContain('崔永焘');
    await page.close();
  });

  it('cannot freeze the tab with one text node of a million characters, and it is read to the end', async () => {
    const url = session.server.url('www.gov.cn', 'huge-node.html?chars=1000000');
    const page = await session.browser.context.newPage();
    const started = Date.now();
    await page.goto(url);
    const done = await waitFor(async () => {
      const a = await askContent(session.ext, url, 'annotations/list');
      return a?.ok && a.value.progress?.doneMs != null && a.value.progress.pending === 0 && a.value.entities.length > 50_000 ? a.value : undefined;
    }, 60_000, 'the million characters to be recognized');
    const gaps: number[] = await page.evaluate(() => (window as unknown as { __gaps: number[] }).__gaps);
    console.log(`[hostile] 1M-character text node: ${done.entities.length} spans in ${(Date.now() - started) / 1000} s; main-thread pauses over 50 ms: ${JSON.stringify(gaps)}`);
    // The page's own first layout of the node is the longest pause: ~200–300 ms on an idle
    // machine, 420 ms once in CI with the whole suite running. What the extension adds stays
    // short (it was pauses of up to 22 s, never finishing); `npm run bench:page` measures it finely.
    expect(gaps.filter((g) => g > 1_000)).toEqual([]);
    expect(done.progress.scope).toBe('article');
    await page.close();
  }, 90_000);
});
