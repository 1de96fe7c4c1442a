/// <reference types="chrome" />
/**
 * The page's cards in real Chromium, driven with the real mouse: where the hover card goes (never
 * over the name it describes, always inside the window: at the right and bottom edges, in the
 * top left corner, in a short and in a narrow window), which occurrence it shows and how it
 * follows ‹ ›, the confirmation and 撤销 after 添加为实体 and 不是实体, a corpus hit opening
 * the article in the side panel's reader, and a clipping's note and tags on hover.
 */
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { askContent, cardOf, SCREENSHOT_DIR, selectOnPage, useExtensionSession, waitFor, type CardDriver } from './harness';

const session = useExtensionSession({ beforeAll, afterAll });

/** The pages a test opened, closed after it even when it fails (the tests find tabs by address). */
const opened: Page[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((p) => p.close().catch(() => undefined)));
});

type Span = { start: number; end: number; type: string; text: string };
type Box = { x: number; y: number; width: number; height: number };

const FIXTURE = 'cards-edges.html';
/** The corpus line has its answer (the card may grow with it). */
const CORPUS_DONE = /种子语料中的相关文章(（|：没有|：暂时)/;

async function entities(url: string): Promise<Span[] | undefined> {
  const answer = await askContent(session.ext, url, 'annotations/list');
  return answer?.ok ? answer.value.entities : undefined;
}

/** Opens the fixture and waits until the given names are highlighted. */
async function openAnnotated(names: string[], viewport = { width: 1200, height: 900 }): Promise<{ page: Page; url: string; card: CardDriver }> {
  const url = session.server.url('www.qhnews.com', FIXTURE);
  const page = await session.browser.context.newPage();
  opened.push(page);
  await page.setViewportSize(viewport);
  await page.goto(url);
  await waitFor(async () => {
    const list = await entities(url);
    return list && names.every((n) => list.some((s) => s.text === n)) ? true : undefined;
  }, 30_000, `${names.join('、')} to be highlighted`);
  return { page, url, card: await cardOf(page) };
}

/**
 * The box of the `nth` occurrence of `text` on the page (inside the element `within`, if given),
 * in viewport coordinates.
 */
async function textBox(page: Page, text: string, options: { within?: string; nth?: number; chars?: [number, number] } = {}): Promise<Box> {
  const box = await page.evaluate(
    ([wanted, within, nth, chars]) => {
      const root = within ? document.getElementById(within) : document.body;
      if (!root) return null;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        let at = (node as Text).data.indexOf(wanted);
        while (at >= 0) {
          if (seen++ === nth) {
            const range = document.createRange();
            range.setStart(node, at + (chars ? chars[0] : 0));
            range.setEnd(node, at + (chars ? chars[1] : wanted.length));
            const r = range.getBoundingClientRect();
            return { x: r.x, y: r.y, width: r.width, height: r.height };
          }
          at = (node as Text).data.indexOf(wanted, at + 1);
        }
      }
      return null;
    },
    [text, options.within ?? null, options.nth ?? 0, options.chars ?? null] as const,
  );
  if (!box) throw new Error(`not on the page: ${text}`);
  return box;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The window's size without scroll bars. */
const windowSize = (page: Page) => page.evaluate(() => ({ width: document.documentElement.clientWidth, height: document.documentElement.clientHeight }));

/** Asserts that the card is inside the window and clear of `span`. */
async function expectPlaced(page: Page, card: CardDriver, span: Box, where: string): Promise<Box> {
  const box = await card.box();
  const size = await windowSize(page);
  const note = `${where}: card ${JSON.stringify(box)}, name ${JSON.stringify(span)}, window ${JSON.stringify(size)}`;
  expect(box.width, note).toBeGreaterThan(100);
  expect(box.x, note).toBeGreaterThanOrEqual(0);
  expect(box.y, note).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, note).toBeLessThanOrEqual(size.width);
  expect(box.y + box.height, note).toBeLessThanOrEqual(size.height);
  expect(overlaps(box, span), note).toBe(false);
  return box;
}

/** Scrolls the element holding `text` (inside `within`) to the middle of the window, if it is not in view. */
async function scrollTo(page: Page, text: string, within?: string): Promise<void> {
  const box = await textBox(page, text, { within });
  const size = await windowSize(page);
  if (box.y >= 0 && box.y + box.height <= size.height) return;
  await page.evaluate((y) => window.scrollBy({ top: y, behavior: 'instant' as ScrollBehavior }), box.y - size.height / 2);
  await page.waitForTimeout(300);
}

/** Selects `text` (its first occurrence, on one line) with the mouse, as a reader does. */
async function selectWithMouse(page: Page, text: string): Promise<Box> {
  await scrollTo(page, text);
  const first = await textBox(page, text, { chars: [0, 1] });
  const last = await textBox(page, text, { chars: [text.length - 1, text.length] });
  await page.mouse.move(first.x + 1, first.y + first.height / 2);
  await page.mouse.down();
  await page.mouse.move(last.x + last.width - 1, last.y + last.height / 2, { steps: 6 });
  await page.mouse.up();
  expect(await page.evaluate(() => getSelection()?.toString())).toBe(text);
  return textBox(page, text);
}

/** Hovers the middle of `text` (inside `within`) and waits for its card, with its corpus line answered. */
async function hover(page: Page, card: CardDriver, text: string, within?: string, nth = 0): Promise<Box> {
  await scrollTo(page, text, within);
  const span = await textBox(page, text, { within, nth });
  await page.mouse.move(span.x + span.width / 2, span.y + span.height / 2);
  await card.waitVisible();
  await card.waitText(text);
  await card.waitText(CORPUS_DONE);
  // Placed again as the corpus line arrives: let that frame pass.
  await page.waitForTimeout(100);
  return span;
}

/** The box of the card once it stopped moving (a smooth scroll to the occurrence ended). */
async function settledBox(page: Page, card: CardDriver): Promise<Box> {
  let last = '';
  return waitFor(async () => {
    await page.waitForTimeout(150);
    const box = await card.box();
    const key = JSON.stringify(box);
    const same = key === last;
    last = key;
    return same ? box : undefined;
  }, 10_000, 'the card to settle');
}

/** The reader's user dictionary, read through an extension page. */
const dictionary = () =>
  session.ext.evaluate(async () => {
    const stored = (await chrome.storage.local.get('userDictionary.v1'))['userDictionary.v1'] as
      | { added: Array<{ text: string }>; rejected: Array<{ text: string }> }
      | undefined;
    return { added: stored?.added.map((a) => a.text) ?? [], rejected: stored?.rejected.map((r) => r.text) ?? [] };
  });

describe('hover card placement', () => {
  it('keeps the card inside the window and off its name at every edge, and in a short and a narrow window', async () => {
    const { page, card } = await openAnnotated(['青海省市场监管局', '崔永焘', '西宁市']);

    // A name at the right edge: below it, pulled left into the window.
    const right = await hover(page, card, '青海省市场监管局', 'edge-right');
    expect(right.x + right.width).toBeGreaterThan((await windowSize(page)).width - 10);
    const rightBox = await expectPlaced(page, card, right, 'right edge');
    expect(rightBox.y).toBeGreaterThanOrEqual(right.y + right.height);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'card-right-edge.png') });
    await page.keyboard.press('Escape');
    await card.waitHidden();

    // A name on the bottom line: above it.
    const bottom = await hover(page, card, '崔永焘', 'edge-bottom');
    const bottomBox = await expectPlaced(page, card, bottom, 'bottom edge');
    expect(bottomBox.y + bottomBox.height).toBeLessThanOrEqual(bottom.y);
    await page.keyboard.press('Escape');
    await card.waitHidden();

    // A name in the top left corner: below it.
    const corner = await hover(page, card, '西宁市', 'edge-top-left');
    const cornerBox = await expectPlaced(page, card, corner, 'top left corner');
    expect(cornerBox.y).toBeGreaterThanOrEqual(corner.y + corner.height);
    await page.keyboard.press('Escape');
    await card.waitHidden();

    // A window too short for the card above or below the name: beside it (or scrolling inside itself).
    await page.setViewportSize({ width: 1200, height: 240 });
    const middle = await hover(page, card, '西宁市', 'edge-middle');
    await expectPlaced(page, card, middle, 'short window');
    await page.keyboard.press('Escape');
    await card.waitHidden();

    // A narrow window (a phone-sized or split-screen browser), the name at its right edge.
    await page.setViewportSize({ width: 400, height: 700 });
    const narrow = await hover(page, card, '青海省市场监管局', 'edge-right');
    await expectPlaced(page, card, narrow, 'narrow window');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'card-narrow-window.png') });
    await page.close();
  });

  it('says which occurrence it shows, and ‹ › move it to the next one, clear of it', async () => {
    const { page, url, card } = await openAnnotated(['格尔木市']);
    const count = (await entities(url))!.filter((s) => s.text === '格尔木市').length;
    expect(count).toBe(3);
    await hover(page, card, '格尔木市', 'p1');
    expect(await card.text()).toContain(`本页出现 3 次‹1/3›`);

    await card.click('下一处');
    await card.waitText('2/3');
    const box = await settledBox(page, card);
    const second = await textBox(page, '格尔木市', { within: 'p2' });
    const size = await windowSize(page);
    // The page scrolled to the second one, and the card went with it.
    expect(second.y).toBeGreaterThan(0);
    expect(second.y + second.height).toBeLessThan(size.height);
    await expectPlaced(page, card, second, 'after ›');
    expect(Math.abs(box.y - (second.y + second.height)) < 40 || Math.abs(box.y + box.height - second.y) < 40).toBe(true);

    // The same button again: the third.
    await card.click('下一处');
    await card.waitText('3/3');
    await settledBox(page, card);
    await expectPlaced(page, card, await textBox(page, '格尔木市', { within: 'p3' }), 'after › again');

    // ‹ goes back.
    await card.click('上一处');
    await card.waitText('2/3');
    await settledBox(page, card);
    await expectPlaced(page, card, await textBox(page, '格尔木市', { within: 'p2' }), 'after ‹');
    await page.keyboard.press('Escape');
    await card.waitHidden();

    // From the keyboard: Alt+Shift+E on the first one, Tab to ›, Enter; focus stays on ›.
    await selectOnPage(page, '格尔木市围绕', { caretAt: 1 });
    await page.keyboard.press('Alt+Shift+E');
    await card.waitText('1/3');
    expect(await card.focusedLabel()).toBe('上一处');
    await page.keyboard.press('Tab');
    expect(await card.focusedLabel()).toBe('下一处');
    await page.keyboard.press('Enter');
    await card.waitText('2/3');
    expect(await card.focusedLabel()).toBe('下一处');
    await settledBox(page, card);
    await expectPlaced(page, card, await textBox(page, '格尔木市', { within: 'p2' }), 'after Enter on ›');
    await page.keyboard.press('Escape');
    await card.waitHidden();
  });
});

describe('corrections from the card', () => {
  it('confirms 添加为实体 with 撤销, which leaves no added entity', async () => {
    const { page, url, card } = await openAnnotated(['崔永焘']);
    expect((await entities(url))!.some((s) => s.text === '盐湖化工')).toBe(false);
    const word = await selectWithMouse(page, '盐湖化工');
    await card.waitText('添加为实体');
    await expectPlaced(page, card, word, 'selection card');
    await card.click('添加为机构');
    await card.waitText('已添加为机构：盐湖化工');
    expect((await dictionary()).added).toContain('盐湖化工');
    await expect.poll(async () => (await entities(url))?.some((s) => s.text === '盐湖化工' && s.type === 'ORG'), { timeout: 20_000 }).toBe(true);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'card-added-undo.png') });

    await card.click('撤销');
    await card.waitText('已撤销：盐湖化工');
    expect((await dictionary()).added).not.toContain('盐湖化工');
    // (The page is read again; the segmenter keeps the word it was given until it restarts, so
    // the name may still be highlighted by its tag: the dictionary is what 撤销 changes.)
    // The confirmation goes by itself.
    await card.waitHidden(10_000);
    await page.close();
  });

  it('shows 已标为非实体 with 撤销 after 不是实体, and 撤销 highlights the name again', async () => {
    const { page, url, card } = await openAnnotated(['西宁市']);
    await hover(page, card, '西宁市', 'p3');
    await card.click('不是实体');
    await card.waitText('已标为非实体：西宁市');
    expect((await dictionary()).rejected).toContain('西宁市');
    await expect.poll(async () => (await entities(url))?.some((s) => s.text === '西宁市')).toBe(false);
    // Still there a moment later (the old card just closed).
    await page.waitForTimeout(1_000);
    expect(await card.visible()).toBe(true);

    await card.click('撤销');
    await card.waitText('已撤销');
    expect((await dictionary()).rejected).not.toContain('西宁市');
    await expect.poll(async () => (await entities(url))?.some((s) => s.text === '西宁市'), { timeout: 20_000 }).toBe(true);
    await page.close();
  });
});

describe('the card’s corpus hits', () => {
  it('opens a hit in the side panel’s reader, the sentence with the name marked', async () => {
    const { page, url, card } = await openAnnotated(['格尔木市']);
    await hover(page, card, '格尔木市', 'p1');
    await card.waitText(/种子语料中的相关文章（\S+ 篇提到它）/);
    await card.click(/^在侧边栏阅读《/);
    // The background opens the panel for the tab when the browser lets it, and leaves the
    // article for that tab's panel either way.
    await card.waitText(/已在侧边栏打开《|侧边栏未能自动打开/);
    const said = await card.text();
    const title = /(?:已在侧边栏打开《|阅读《)(.+?)》/.exec(said)?.[1];
    expect(title, said).toBeTruthy();
    const tabId = await session.ext.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id, url.replace(/:\d+\//, '/'));
    const readPending = () =>
      session.ext.evaluate(async () => ((await chrome.storage.session.get('sidepanel.pendingArticle'))['sidepanel.pendingArticle'] ?? null) as
        | { tabId: number; articleId: string; title: string; mention?: string }
        | null);

    if (said.includes('已在侧边栏打开')) {
      // The browser opened the side panel (headless Chromium does): it shows the article.
      const contexts = await session.browser.serviceWorker.evaluate(async () =>
        (await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL' as chrome.runtime.ContextType] })).map((c) => c.documentUrl ?? ''),
      );
      expect(contexts.some((u) => u.endsWith('/sidepanel.html'))).toBe(true);
      // The panel is no tab Playwright sees; an extension page reaches its document.
      const shown = await waitFor(async () => {
        const view = await session.ext.evaluate(() => {
          const panel = chrome.extension.getViews().find((v) => new URL(v.location.href).pathname === '/sidepanel.html');
          if (!panel) return null;
          const doc = panel.document;
          return {
            title: doc.querySelector('.reader-title')?.textContent ?? null,
            entities: doc.querySelectorAll('.reader-text mark.ent').length,
            match: [...doc.querySelectorAll('.reader-text mark.match')].map((m) => m.textContent).join(''),
            text: doc.querySelector('.reader-text')?.textContent ?? '',
          };
        });
        return view && view.title === title && view.entities > 0 ? view : undefined;
      }, 20_000, 'the side panel to show the article');
      // The first sentence with the name, as written, is marked.
      if (shown.text.includes('格尔木市')) expect(shown.match).toContain('格尔木市');
      // Taken once: the panel opened again later starts at its list.
      expect(await readPending()).toBeNull();
      return;
    }

    // The browser did not open it: the request reached the background, and the article waits
    // for this tab's panel (opened here as a tab of its own).
    const pending = await readPending();
    expect(pending).toMatchObject({ tabId, title, mention: '格尔木市' });
    expect(pending!.articleId).toMatch(/^(seed|user):/);
    const panel = await session.browser.openExtensionPage(`sidepanel.html?tabId=${tabId}`);
    opened.push(panel);
    await panel.setViewportSize({ width: 400, height: 900 });
    const reader = panel.getByRole('article', { name: title! });
    await reader.waitFor({ timeout: 20_000 });
    await expect.poll(() => reader.locator('mark.ent').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    if ((await reader.textContent())?.includes('格尔木市')) {
      expect((await reader.locator('mark.match').allTextContents()).join('')).toContain('格尔木市');
    }
    await panel.screenshot({ path: join(SCREENSHOT_DIR, 'card-hit-in-reader.png') });
    expect(await readPending()).toBeNull();
  });
});

describe('clippings on hover', () => {
  it('shows a saved clipping’s note and tags when the pointer is on it', async () => {
    const { page, url, card } = await openAnnotated(['崔永焘']);
    // Select words without names and save them with a note and tags.
    await selectWithMouse(page, '辖区特警队、巡警队民（辅）警');
    await card.click('保存摘录');
    await card.waitText('已保存摘录');
    await card.fill('笔记', '联防队的人员构成');
    await card.fill('标签', '治安 基层');
    await card.click('保存笔记和标签');
    await card.waitHidden();

    // Away, then onto the clipping.
    await page.mouse.move(1150, 600);
    await scrollTo(page, '巡警队民');
    const inside = await textBox(page, '巡警队民');
    await page.mouse.move(inside.x + inside.width / 2, inside.y + inside.height / 2);
    await card.waitText('联防队的人员构成');
    const text = await card.text();
    expect(text).toContain('已保存的摘录');
    expect(text).toContain('治安');
    expect(text).toContain('基层');
    await expectPlaced(page, card, inside, 'clipping card');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'card-clipping-note.png') });
    // Off the clipping: the card goes.
    await page.mouse.move(1150, 600);
    await card.waitHidden();

    // Next visit: the note is read back with the page's clippings.
    await page.reload();
    await waitFor(async () => ((await entities(url))?.length ? true : undefined), 30_000, 'the page to be annotated again');
    await waitFor(async () => {
      const s = await askContent(session.ext, url, 'clippings/status');
      return s?.ok && s.value.items.some((i: { anchored: boolean }) => i.anchored) ? true : undefined;
    });
    await scrollTo(page, '巡警队民');
    const again = await textBox(page, '巡警队民');
    await page.mouse.move(again.x + again.width / 2, again.y + again.height / 2);
    await card.waitText('联防队的人员构成');
    await page.close();
  });
});
