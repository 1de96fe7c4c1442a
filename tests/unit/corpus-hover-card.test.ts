// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { buildTextMap } from '@/lib/anchor/text-map';
import type { WireSpan } from '@/lib/messaging/protocol';
import { startHoverCard, type CorpusMentions, type HoverCardSource } from '@/entrypoints/content/hover-card';
import type { PageClippings } from '@/entrypoints/content/page-clippings';

/** The parts of a content script context the card uses; `invalidate()` ends it. */
function fakeContext() {
  const undo: Array<() => void> = [];
  const ctx = {
    addEventListener(target: EventTarget, type: string, listener: EventListener, options?: AddEventListenerOptions) {
      target.addEventListener(type, listener, options);
      undo.push(() => target.removeEventListener(type, listener, options));
    },
    onInvalidated(fn: () => void) {
      undo.push(fn);
    },
  };
  return { ctx: ctx as unknown as ContentScriptContext, invalidate: () => undo.splice(0).forEach((f) => f()) };
}

/** The card's shadow root is closed: the test keeps the roots attached, as only the card's code can. */
const shadowRoots: ShadowRoot[] = [];
const attachShadow = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init: ShadowRootInit) {
  const root = attachShadow.call(this, init);
  shadowRoots.push(root);
  return root;
};

let invalidate = () => {};
afterEach(() => {
  invalidate();
  document.body.replaceChildren();
});

/** A page with one place name, and the card opened on it from the keyboard (Alt+Shift+E). */
async function openCard(mentions: CorpusMentions) {
  document.body.innerHTML = '<p>液态空气储能示范项目在格尔木市落地。</p>';
  const map = buildTextMap(document.body);
  const start = map.text.indexOf('格尔木市');
  const spans: WireSpan[] = [{ start, end: start + 4, type: 'PLACE', text: '格尔木市' }];
  const source: HoverCardSource = {
    current: () => ({ spans, map }),
    reveal: () => true,
    reject: async () => null,
    add: async () => null,
  };
  const context = fakeContext();
  invalidate = context.invalidate;
  const asked: WireSpan[] = [];
  startHoverCard(context.ctx, source, {} as PageClippings, (span) => {
    asked.push(span);
    return mentions(span);
  });
  // The reader's key press: the card acts only on trusted events (a browser's own).
  const press = new KeyboardEvent('keydown', { altKey: true, shiftKey: true, code: 'KeyE', key: 'E' });
  Object.defineProperty(press, 'isTrusted', { value: true });
  document.dispatchEvent(press);
  const card = shadowRoots.at(-1)!.querySelector('.card') as HTMLElement;
  const corpus = () => card.querySelector('.corpus') as HTMLElement;
  return { card, corpus, asked, settle: () => new Promise((r) => setTimeout(r, 0)) };
}

describe('the hover card’s corpus line', () => {
  it('lists the articles mentioning the span, as text, with counts', async () => {
    const titles = Array.from({ length: 7 }, (_, i) => ({ articleId: `seed:x#${i}`, title: `<b>第${i + 1}篇</b>`, count: 7 - i }));
    const { card, corpus, asked, settle } = await openCard(async () => titles);
    expect(card.hidden).toBe(false);
    expect(asked).toEqual([expect.objectContaining({ type: 'PLACE', text: '格尔木市' })]);
    expect(corpus().textContent).toContain('种子语料中的相关文章');
    await settle();
    expect(corpus().textContent).toContain('种子语料中的相关文章（7 篇提到它）');
    const hits = [...corpus().querySelectorAll('.hit')].map((h) => h.textContent);
    expect(hits).toEqual(['<b>第1篇</b>（7 次）', '<b>第2篇</b>（6 次）', '<b>第3篇</b>（5 次）', '<b>第4篇</b>（4 次）', '<b>第5篇</b>（3 次）']);
    // Titles are text, never markup.
    expect(corpus().querySelector('b')).toBeNull();
    expect(corpus().textContent).toContain('另有 2 篇');
  });

  it('marks the articles the reader added', async () => {
    const { corpus, settle } = await openCard(async () => [
      { articleId: 'seed:000#1', title: '种子文章', count: 2 },
      { articleId: 'user:0b6f', title: '我的文章', count: 1 },
    ]);
    await settle();
    expect([...corpus().querySelectorAll('.hit')].map((h) => h.textContent)).toEqual(['种子文章（2 次）', '我的文章（1 次） · 我添加的']);
  });

  it('says when no article mentions it, or when the corpus cannot be asked', async () => {
    const none = await openCard(async () => []);
    await none.settle();
    expect(none.corpus().textContent).toBe('种子语料中的相关文章：没有文章提到它');
    invalidate();

    const failing = await openCard(async () => '语料文件无法读取');
    await failing.settle();
    expect(failing.corpus().textContent).toBe('种子语料中的相关文章：暂时无法查询（语料文件无法读取）');
  });

  it('ignores an answer that comes after the card closed', async () => {
    let answer: (v: Awaited<ReturnType<CorpusMentions>>) => void = () => {};
    const { card, corpus, settle } = await openCard(() => new Promise((r) => (answer = r)));
    // A page's synthetic Escape closes nothing; the reader's does.
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(card.hidden).toBe(false);
    const escape = new KeyboardEvent('keydown', { key: 'Escape' });
    Object.defineProperty(escape, 'isTrusted', { value: true });
    document.dispatchEvent(escape);
    expect(card.hidden).toBe(true);
    answer([{ articleId: 'seed:x#1', title: '迟到的结果', count: 1 }]);
    await settle();
    expect(corpus().textContent).not.toContain('迟到的结果');
  });
});
