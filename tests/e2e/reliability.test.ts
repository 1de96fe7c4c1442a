/// <reference types="chrome" />
/**
 * The highlighting on hard pages, in real Chromium: pages left exactly as they were, a strict
 * CSP, same-origin frames, GBK, single-page navigation, a recognizer that restarts mid-page,
 * long pages read in parts, and pages that change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Frame, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { askContent, FIXTURES_DIR, pointOnText, STRICT_CSP, useExtensionSession, waitFor, cardOf } from './harness';

type Span = { start: number; end: number; type: string; text: string; value?: number | string; unit?: string };
type Progress = { scans: number; pending: number; firstPaintMs: number | null; doneMs: number | null; failed: number; sentChars: number; painter: string };
type Listing = { url: string; entities: Span[]; progress: Progress };

const session = useExtensionSession({ beforeAll, afterAll });

async function listing(url: string): Promise<Listing | undefined> {
  const answer = await askContent(session.ext, url, 'annotations/list');
  return answer?.ok ? answer.value : undefined;
}

/** Waits until the page's latest read is done with at least `min` spans, and returns it. */
function readDone(url: string, min = 1, scans = 1): Promise<Listing> {
  return waitFor(
    async () => {
      const l = await listing(url);
      const p = l?.progress;
      return l && p && p.scans >= scans && p.doneMs !== null && p.pending === 0 && l.entities.length >= min ? l : undefined;
    },
    30_000,
    `annotations of ${url}`,
  );
}

/** What a reader sees of a page: its text, its elements and where its text blocks sit. */
function snapshot(target: Page | Frame) {
  return target.evaluate(() => {
    const ours = (el: Element) => el.closest('[data-zwpz-ui]') || el.tagName === 'ZWPZ-UI';
    const elements = [...document.querySelectorAll('*')].filter((el) => !ours(el));
    const boxes = [...document.querySelectorAll('p, h1, h2, h3, h4, td, li')].map((el) => {
      const r = el.getBoundingClientRect();
      return [Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)].join(',');
    });
    return { text: document.body.innerText, html: document.body.innerHTML, elements: elements.length, boxes };
  });
}

const FIXTURES: Array<[string, 'www.qhnews.com' | 'amr.qinghai.gov.cn' | 'www.chinahightech.com' | 'www.gansudaily.com.cn', string[]]> = [
  ['qhnews-article.html', 'www.qhnews.com', ['PERSON:崔永焘', 'ORG:青海省市场监管局']],
  ['gov-notice.html', 'amr.qinghai.gov.cn', ['DOC:青市监函〔2024〕144号', 'ORG:青海省市场监督管理局', 'DATE:2024年4—9月']],
  ['hightech-news.html', 'www.chinahightech.com', ['PLACE:济南高新区', 'QUANTITY:120余件']],
  ['paper-page.html', 'www.gansudaily.com.cn', ['ORG:金川集团', 'PLACE:祁连山']],
  ['qhnews-article.gbk.html', 'www.qhnews.com', ['PERSON:崔永焘', 'ORG:青海省市场监管局']],
];

describe('pages are left as they were', () => {
  it.each(FIXTURES)('%s: same text, elements and layout with the extension on as without it', async (file, host, expected) => {
    // Without: the same page under a host the extension does not run on.
    const plain = await session.browser.context.newPage();
    await plain.goto(session.server.url('www.example.com', file));
    const without = await snapshot(plain);
    await plain.close();

    const url = session.server.url(host, file);
    const page = await session.browser.context.newPage();
    await page.goto(url);
    const list = await readDone(url);
    const found = list.entities.map((s) => `${s.type}:${s.text}`);
    expect(found).toEqual(expect.arrayContaining(expected));
    expect(list.progress.painter).toBe('css');
    // Painted: the page's highlights hold ranges.
    await waitFor(async () => ((await page.evaluate(() => [...(CSS as any).highlights.values()].reduce((n: number, h: any) => n + h.size, 0))) > 0 ? true : undefined));
    expect(await snapshot(page)).toEqual(without);
    await page.close();
  });
});

describe('hard pages', () => {
  it('works under a strict CSP (no inline script, nothing foreign), hover card included', async () => {
    const url = session.server.url('www.qhnews.com', 'qhnews-article.html?csp=strict');
    const page = await session.browser.context.newPage();
    const response = await page.goto(url);
    expect(response?.headers()['content-security-policy']).toBe(STRICT_CSP);
    // The policy is in force: an inline script does not run.
    expect(
      await page.evaluate(() => {
        const s = document.createElement('script');
        s.textContent = 'window.__inline = 1';
        document.head.append(s);
        return (window as unknown as { __inline?: number }).__inline ?? 0;
      }),
    ).toBe(0);
    const list = await readDone(url);
    expect(list.entities.map((s) => s.text)).toContain('崔永焘');
    const point = await pointOnText(page, '崔永焘');
    await page.mouse.move(point!.x, point!.y);
    const card = await cardOf(page);
    await card.waitVisible();
    expect(await card.text()).toContain('人名');
    // Its styles applied too (the shadow root's stylesheet is not blocked by the page's policy).
    const box = await card.box();
    expect(box.width).toBeGreaterThan(150);
    expect(await card.style('position')).toMatch(/fixed|absolute/);
    await page.close();
  });

  it('paints the article inside a same-origin frame; the top frame answers for the tab', async () => {
    const url = session.server.url('www.qhnews.com', 'frames.html');
    const page = await session.browser.context.newPage();
    await page.goto(url);
    const frame = await waitFor(async () => page.frames().find((f) => f.url().endsWith('qhnews-article.html')));
    const names = await waitFor(async () => {
      const keys = await frame.evaluate(() => [...(CSS as unknown as { highlights: Map<string, unknown> }).highlights.keys()]);
      return keys.includes('zwpz-PERSON') ? keys : undefined;
    });
    expect(names).toEqual(expect.arrayContaining(['zwpz-ORG', 'zwpz-PLACE']));
    // The tab's listing is the top page's own (its header), not the frame's.
    const top = await readDone(url, 0);
    expect(top.url).toBe(url);
    expect(top.entities.map((s) => s.text)).not.toContain('崔永焘');
    await page.close();
  });

  it('reads a GBK-encoded page', async () => {
    const url = session.server.url('www.qhnews.com', 'qhnews-article.gbk.html');
    const page = await session.browser.context.newPage();
    await page.goto(url);
    expect(await page.evaluate(() => document.characterSet.toLowerCase())).toMatch(/gbk|gb18030/);
    const list = await readDone(url);
    expect(list.entities.find((s) => s.text === '30 万元')).toMatchObject({ type: 'MONEY', value: 300000 });
    await page.close();
  });

  it('reads the new article after a single-page navigation', async () => {
    const url = session.server.url('www.qhnews.com', 'spa.html');
    const page = await session.browser.context.newPage();
    await page.goto(url);
    expect((await readDone(url)).entities.map((s) => s.text)).toContain('德令哈市');
    await page.click('a[data-id="2"]');
    const next = page.url();
    expect(next).toContain('id=2');
    const after = await waitFor(async () => {
      const l = await listing(next);
      // 120余件 is only in the new article (济南高新区 is in the menu too).
      return l?.entities.some((s) => s.text === '120余件') && l.progress.doneMs !== null ? l : undefined;
    });
    expect(after.entities.map((s) => s.text)).not.toContain('德令哈市');
    expect(after.entities.find((s) => s.text === '120余件')).toMatchObject({ type: 'QUANTITY', value: 120 });
    await page.close();
  });
});

/** A long report built from the fixture articles' paragraphs, served at `url`. */
async function longReport(page: Page, url: string, paragraphs: number): Promise<void> {
  const source = readFileSync(join(FIXTURES_DIR, 'hightech-news.html'), 'utf8');
  const texts = [...source.matchAll(/<p>([^<]+)<\/p>/g)].map((m) => m[1]!);
  const body = Array.from({ length: paragraphs }, (_, i) => `<p>（${i + 1}）${texts[i % texts.length]}</p>`).join('\n');
  await page.route(url, (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>工作报告</title></head><body><h1>政府工作报告</h1>${body}</body></html>` }),
  );
}

describe('long pages', () => {
  it('reads a long page in parts, paints what is near the screen, and follows the reader', async () => {
    const url = `http://www.gov.cn:${session.server.port}/long-report.html`;
    const page = await session.browser.context.newPage();
    await longReport(page, url, 600);
    await page.goto(url);
    const list = await readDone(url, 100);
    const chars = await page.evaluate(() => document.body.innerText.length);
    expect(chars).toBeGreaterThan(60_000);
    // Every part was recognized (spans from the end of the page too)…
    expect(list.entities.some((s) => s.start > chars - 2000)).toBe(true);
    // …but only what is near the screen holds ranges.
    const ranges = () =>
      page.evaluate(() => {
        let n = 0;
        let maxTop = -Infinity;
        for (const h of (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.values()) {
          for (const r of h) {
            n++;
            maxTop = Math.max(maxTop, r.getBoundingClientRect().top);
          }
        }
        return { n, maxTop };
      });
    const top = await waitFor(async () => ((await ranges()).n > 0 ? ranges() : undefined));
    expect(top.n).toBeLessThan(list.entities.length / 2);
    expect(top.maxTop).toBeLessThan(3 * 900);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    // The end of the page is painted once the reader gets there.
    await waitFor(async () => {
      const r = await ranges();
      return r.n > 0 && r.maxTop > 0 && r.maxTop < 900 ? true : undefined;
    });
    // The page moves under the painter (a tall banner without text pushed in at the top): at the
    // top now only the banner is near the screen, and the first paragraphs are painted where
    // they went.
    await page.evaluate(() => {
      const banner = document.createElement('div');
      banner.style.height = '6000px';
      document.body.prepend(banner);
      window.scrollTo(0, 0);
    });
    await waitFor(async () => ((await ranges()).n === 0 ? true : undefined), 5000, 'the highlights to leave with the paragraphs');
    await page.evaluate(() => window.scrollTo(0, 6000));
    const moved = await waitFor(async () => {
      const r = await ranges();
      return r.n > 0 ? r : undefined;
    }, 5000, 'the first paragraphs to be painted again');
    expect(moved.maxTop).toBeLessThan(3 * 900);
    await page.close();
  });

  it('paints a tab panel the reader opens, though the page keeps its size, and reads text shown by removing `hidden`', async () => {
    const url = `http://www.gov.cn:${session.server.port}/tabs.html`;
    const page = await session.browser.context.newPage();
    const panel = (id: string, text: string, shown: boolean) =>
      `<div id="${id}" style="height:200px;overflow:hidden${shown ? '' : ';display:none'}"><p>${text}</p></div>`;
    await page.route(url, (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>通知</title></head><body>
<h1>工作动态</h1><button id="tab">专利</button>
${panel('a', '青海省市场监管局召开全省知识产权保护工作会议。', true)}
${panel('b', '国家知识产权局公布第二批专利导航服务基地名单。', false)}
<button id="more">展开</button><div id="c" hidden><p>海东市市场监督管理局开展计量专项检查。</p></div>
<script>document.getElementById('tab').onclick = () => { a.style.display = 'none'; b.style.display = ''; };
document.getElementById('more').onclick = () => { c.hidden = false; };</script>
</body></html>`,
      }),
    );
    await page.goto(url);
    await readDone(url);
    const painted = () =>
      page.evaluate(() => [...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.values()].flatMap((h) => [...h].map((r) => r.toString())));
    await waitFor(async () => ((await painted()).includes('青海省市场监管局') ? true : undefined), 5000, 'the shown panel to be painted');
    // The hidden panel's text is recognized but has no box to paint yet.
    expect(await painted()).not.toContain('国家知识产权局');
    await page.click('#tab');
    await waitFor(async () => ((await painted()).includes('国家知识产权局') ? true : undefined), 5000, 'the opened panel to be painted');
    // Text under a `hidden` attribute is not read at all (the walk skips it) until it is shown.
    expect((await listing(url))?.entities.map((s) => s.text)).not.toContain('海东市市场监督管理局');
    await page.click('#more');
    const shown = await waitFor(async () => {
      const list = await listing(url);
      return list?.entities.some((s) => s.text === '海东市市场监督管理局') ? list : undefined;
    }, 10_000, 'the text shown by removing hidden to be read');
    expect(shown.entities.map((s) => `${s.type}:${s.text}`)).toContain('ORG:海东市市场监督管理局');
    await waitFor(async () => ((await painted()).includes('海东市市场监督管理局') ? true : undefined), 5000, 'the shown text to be painted');
    await page.close();
  });

  it('keeps painting a sticky header while the page scrolls under it', async () => {
    const url = `http://www.gov.cn:${session.server.port}/sticky.html`;
    const page = await session.browser.context.newPage();
    const source = readFileSync(join(FIXTURES_DIR, 'hightech-news.html'), 'utf8');
    const texts = [...source.matchAll(/<p>([^<]+)<\/p>/g)].map((m) => m[1]!);
    const body = Array.from({ length: 150 }, (_, i) => `<p>${texts[i % texts.length]}</p>`).join('\n');
    await page.route(url, (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>通知</title></head><body>
<header style="position:sticky;top:0;background:#fff;padding:8px">海东市市场监督管理局 通知公告</header>${body}</body></html>`,
      }),
    );
    await page.goto(url);
    await readDone(url);
    const painted = () =>
      page.evaluate(() => [...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.values()].flatMap((h) => [...h].map((r) => r.toString())));
    await waitFor(async () => ((await painted()).includes('海东市市场监督管理局') ? true : undefined), 5000, 'the header to be painted');
    // Far down the page, in steps as a reader scrolls: the header is still on screen, and painted.
    for (let y = 900; y < 12 * 900; y += 900) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      await page.waitForTimeout(30);
    }
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(6 * 900);
    expect(await painted()).toContain('海东市市场监督管理局');
    await page.close();
  });

  it('sends only the new text when the page grows', async () => {
    const url = `http://www.gov.cn:${session.server.port}/growing-report.html`;
    const page = await session.browser.context.newPage();
    await longReport(page, url, 200);
    await page.goto(url);
    const first = await readDone(url, 50);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = '新华社北京6月20日电 国家知识产权局局长申长雨表示，上半年发明专利授权量达到52.4万件。';
      document.body.append(p);
    });
    const second = await readDone(url, first.entities.length + 1, 2);
    expect(second.progress.sentChars).toBeLessThan(200);
    expect(second.entities.map((s) => s.text)).toEqual(expect.arrayContaining(['申长雨', '52.4万件']));
    await page.close();
  });

  /**
   * How many spans a long report of `paragraphs` gets when nothing goes wrong (read once in a page
   * of its own), then the same report opened again and read until its first part is painted.
   */
  async function reportPaintedOnce(file: string, paragraphs: number, beforeLoad?: (page: Page) => Promise<void>) {
    const url = `http://www.gov.cn:${session.server.port}/${file}`;
    const reference = await session.browser.context.newPage();
    await longReport(reference, url, paragraphs);
    await reference.goto(url);
    const expected = (await readDone(url, 100)).entities.length;
    await reference.close();

    const page = await session.browser.context.newPage();
    await longReport(page, url, paragraphs);
    await beforeLoad?.(page);
    await page.goto(url);
    await waitFor(async () => {
      const l = await listing(url);
      return l?.progress.firstPaintMs !== null && l?.progress.firstPaintMs !== undefined ? true : undefined;
    });
    return { url, page, expected };
  }

  it('loses nothing when the recognizer restarts mid-page', async () => {
    // As soon as the first part is back, the offscreen document (the recognizer) goes away.
    const { url, page, expected } = await reportPaintedOnce('restart-report.html', 800);
    const closed = await session.browser.serviceWorker.evaluate(async () => {
      if (!(await chrome.offscreen.hasDocument())) return false;
      await chrome.offscreen.closeDocument();
      return true;
    });
    expect(closed).toBe(true);
    const list = await readDone(url, 100);
    expect(list.progress.failed).toBe(0);
    expect(list.entities.length).toBe(expected);
    await page.close();
  });

  it('loses nothing when the extension\'s worker is stopped mid-page', async () => {
    // As soon as the first part is back, every service worker stops (as Chromium stops an idle
    // one, or one that an update replaces): the requests in flight lose their answers.
    let cdp: CDPSession | undefined;
    const { url, page, expected } = await reportPaintedOnce('worker-stop-report.html', 3000, async (p) => {
      cdp = await session.browser.context.newCDPSession(p);
    });
    await cdp!.send('ServiceWorker.enable');
    await cdp!.send('ServiceWorker.stopAllWorkers');
    // Stopped while parts were still being recognized.
    expect((await listing(url))?.progress.doneMs).toBeNull();
    const list = await readDone(url, 100);
    expect(list.progress.failed).toBe(0);
    expect(list.entities.length).toBe(expected);
    await page.close();
  });
});
