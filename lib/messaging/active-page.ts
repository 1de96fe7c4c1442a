import { createClient } from './index';
import { contentProtocol, type AnnotationProgress, type PageSegmentation, type WireSpan } from './protocol';

export type ActivePageState =
  | { state: 'inactive' }
  | { state: 'pending' }
  | { state: 'failed'; error: string }
  | { state: 'done'; result: PageSegmentation };

/** The part of `browser.tabs` this needs (pass `browser.tabs`; tests pass a fake). */
export interface TabsApi {
  query(query: { active: true; currentWindow: true }): Promise<Array<{ id?: number; url?: string }>>;
  sendMessage(tabId: number, message: unknown): Promise<unknown>;
}

/**
 * Asks the content script of the active tab (or of tab `tabId`, when a page of the extension
 * is opened in a tab of its own with `?tabId=`) how its page went. Never rejects: a tab
 * without our content script (browser pages, sites not enabled) is `inactive`.
 */
export async function queryActivePage(tabs: TabsApi, tabId?: number): Promise<ActivePageState> {
  if (tabId === undefined) {
    const [tab] = await tabs.query({ active: true, currentWindow: true }).catch(() => []);
    if (tab?.id === undefined) return { state: 'inactive' };
    tabId = tab.id;
  }
  const target = tabId;
  const client = createClient('content', contentProtocol, (m) => tabs.sendMessage(target, m));
  const answer = await client.call('page/segmentation', {});
  if (!answer.ok) return { state: 'inactive' };
  return answer.value;
}

/**
 * The tab a page of the extension reports on, from its own URL's `?tabId=`; undefined means
 * the active tab. Ignores anything that is not a non-negative integer.
 */
export function tabIdFromLocation(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw === null || !/^\d+$/.test(raw)) return undefined;
  return Number(raw);
}

/**
 * What the content script of the tab paints, with the page's URL, or null when no content
 * script answers. Never rejects.
 */
export async function queryAnnotations(
  tabs: TabsApi,
  tabId?: number,
): Promise<{ url: string; entities: WireSpan[]; progress?: AnnotationProgress } | null> {
  const id = tabId ?? (await tabs.query({ active: true, currentWindow: true }).catch(() => []))[0]?.id;
  if (id === undefined) return null;
  const client = createClient('content', contentProtocol, (m) => tabs.sendMessage(id, m));
  const answer = await client.call('annotations/list', {});
  return answer.ok ? answer.value : null;
}

/** Asks the tab's content script to scroll to a span. Resolves false if it could not. */
export async function revealAnnotation(tabs: TabsApi, span: { start: number; end: number }, tabId?: number): Promise<boolean> {
  const id = tabId ?? (await tabs.query({ active: true, currentWindow: true }).catch(() => []))[0]?.id;
  if (id === undefined) return false;
  const client = createClient('content', contentProtocol, (m) => tabs.sendMessage(id, m));
  const answer = await client.call('annotations/reveal', { start: span.start, end: span.end });
  return answer.ok && answer.value.found;
}
