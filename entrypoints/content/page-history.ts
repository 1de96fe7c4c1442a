import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createClient } from '@/lib/messaging';
import { backgroundProtocol } from '@/lib/messaging/protocol';
import { readSettings, SETTINGS_KEY } from '@/lib/store/settings';
import { storageAreaStore } from '@/lib/store/user-dictionary';
import { articleRead, type DoneRead } from './article-read';
import type { PageAnnotations } from './page-annotations';
import { pagePublished } from './page-text';

/** Shortest article kept in the reading history (characters): shorter reads are notices, not articles. */
const MIN_HISTORY_CHARS = 200;

/**
 * The reading history (阅读记录, opt-in in the options): once a read of an annotated page with an
 * article is done, its article (headline, text, address, publication date, the spans recognized
 * in it) goes to the background's 已读 collection, once per address and text. Nothing is sent
 * while the switch is off, for whole pages, light mode or frames. A failure is logged, never
 * shown on the page.
 */
export function startPageHistory(ctx: ContentScriptContext, annotations: PageAnnotations): void {
  if (window !== window.top) return;
  const background = createClient('background', backgroundProtocol, (m) => browser.runtime.sendMessage(m));
  const store = storageAreaStore(browser.storage.local);
  let enabled: boolean | undefined;
  let sent = '';
  const onChanged = (changes: Record<string, unknown>) => {
    if (SETTINGS_KEY in changes) enabled = undefined;
  };
  browser.storage.onChanged.addListener(onChanged);
  ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onChanged));

  annotations.onDone((done) => void record(done));

  async function record(done: DoneRead): Promise<void> {
    const { article } = done;
    if (!article || !ctx.isValid) return;
    enabled ??= (await readSettings(store)).history;
    if (!enabled) return;
    const { text, marks } = articleRead(done);
    if (text.trim().length < MIN_HISTORY_CHARS) return;
    const key = `${location.href}\n${text.length}\n${text.slice(0, 200)}`;
    if (key === sent) return;
    sent = key;
    const title = (article.headlineText || document.title).trim().slice(0, 500) || location.host;
    const request: Parameters<typeof background.call<'history/add'>>[1] = { url: location.href, title, text, marks };
    const published = pagePublished(document);
    if (published) request.published = published;
    const site = document.querySelector<HTMLMetaElement>('meta[property="og:site_name"], meta[name="SiteName"]')?.content?.trim();
    if (site) request.source = site.slice(0, 100);
    const answer = await background.call('history/add', request);
    if (!answer.ok) console.warn('[history] not recorded:', answer.error);
  }
}
