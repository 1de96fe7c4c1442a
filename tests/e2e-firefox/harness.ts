/**
 * Real-Firefox harness: Debian's `firefox-esr` (or FIREFOX_PATH) driven by puppeteer-core over
 * WebDriver BiDi, with the built add-on (`.output/firefox-mv2`) installed into a fresh profile
 * and the fixture pages of the Chromium suite served on 127.0.0.1 under the host names of real
 * news sites (Firefox's `network.dns.localDomains` resolves them to this machine).
 *
 * Firefox differs from Chromium where the extension does: an MV2 background page instead of a
 * service worker and an offscreen document (the segmenter and the name model live in the
 * background page), a sidebar instead of the side panel (its page, `sidepanel.html`, is opened
 * in a tab with `?tabId=` here, as the Chromium suite does), downloads to a folder.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type LaunchOptions, type Page } from 'puppeteer-core';
import { FIXTURE_HOSTS, ROOT, startFixtureServer, waitFor, type FixtureServer } from '../e2e/harness';
import { selectTextInPage, textPointInPage } from '../e2e/in-page';

export { FIXTURE_HOSTS, ROOT, waitFor };
export const FIREFOX_EXTENSION_DIR = join(ROOT, '.output/firefox-mv2');
/** The add-on's id (the manifest's `browser_specific_settings.gecko.id`). */
export const ADDON_ID = 'zhengwu-pizhu@news-annotator.local';
/** The add-on's internal UUID, fixed through a preference so its pages have a known origin. */
export const ADDON_UUID = '6f1c2b9e-3d4a-4c5b-9e8f-7a6b5c4d3e2f';
export const EXTENSION_ORIGIN = `moz-extension://${ADDON_UUID}`;
/** Screenshots from Firefox: committed under tests/screenshots/firefox when UPDATE_SCREENSHOTS=1. */
export const SCREENSHOT_DIR = process.env.UPDATE_SCREENSHOTS ? join(ROOT, 'tests/screenshots/firefox') : join(ROOT, '.output/screenshots/firefox');

/**
 * The Firefox binary to drive.
 * @throws Error naming the install command if it is missing.
 */
export function firefoxPath(): string {
  const path = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
  if (!existsSync(path)) {
    throw new Error(`Firefox not found at ${path}. The Firefox end-to-end tests need Debian's Firefox ESR: install it with \`sudo apt-get install -y firefox-esr\`, or set FIREFOX_PATH.`);
  }
  return path;
}

export interface FirefoxSession {
  browser: Browser;
  server: FixtureServer;
  /** An extension page kept open to call extension APIs (tabs, runtime) from inside. */
  ext: Page;
  /** Where Firefox saves downloads in this profile. */
  downloads: string;
  /** Opens a page of the add-on (`popup.html?tabId=3`, `sidepanel.html?tabId=3`, `options.html`) in a tab. */
  openExtensionPage(path: string): Promise<Page>;
  /** Opens a fixture page under a host name and resolves once it has loaded. */
  openFixture(host: (typeof FIXTURE_HOSTS)[number], file: string): Promise<{ page: Page; url: string }>;
  close(): Promise<void>;
}

/**
 * Navigates `page` to an extension page. Firefox loads `moz-extension:` pages without the
 * navigation events puppeteer waits for, so this waits for the document instead.
 */
export async function gotoExtensionPage(page: Page, url: string): Promise<void> {
  void page.goto(url, { timeout: 5_000, waitUntil: 'domcontentloaded' }).catch(() => undefined);
  await waitFor(
    async () => {
      const { href, state } = await page.evaluate(() => ({ href: location.href, state: document.readyState }));
      return href === url && state !== 'loading' ? true : undefined;
    },
    15_000,
    `extension page ${url}`,
  );
}

/**
 * How the tests and the Firefox page benchmark launch Firefox ESR: headless, the fixture host
 * names resolved to this machine, the add-on's UUID fixed, plus `prefs`.
 */
export function firefoxLaunchOptions(prefs: Record<string, string | number | boolean> = {}): LaunchOptions {
  return {
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    // Firefox 140 refuses the screen-orientation override puppeteer's viewport emulation sends:
    // the window's own size is the viewport.
    defaultViewport: null,
    args: ['--window-size=1200,900'],
    extraPrefsFirefox: {
      'network.dns.localDomains': FIXTURE_HOSTS.join(','),
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
      ...prefs,
    },
  };
}

/** Launches Firefox ESR with the built add-on installed in a fresh profile, and the fixture server. */
export async function launchFirefox(): Promise<FirefoxSession> {
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No Firefox build at ${FIREFOX_EXTENSION_DIR}: run \`npm run build:firefox\` first.`);
  }
  const server = await startFixtureServer();
  const downloads = await mkdtemp(join(tmpdir(), 'zwpz-ff-downloads-'));
  const browser = await puppeteer.launch(
    firefoxLaunchOptions({
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      'browser.download.alwaysOpenPanel': false,
    }),
  );
  await browser.installExtension(FIREFOX_EXTENSION_DIR);
  const openExtensionPage = async (path: string) => {
    const page = await browser.newPage();
    await gotoExtensionPage(page, `${EXTENSION_ORIGIN}/${path}`);
    return page;
  };
  const ext = await openExtensionPage('options.html');
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  return {
    browser,
    server,
    ext,
    downloads,
    openExtensionPage,
    async openFixture(host, file) {
      const url = server.url(host, file);
      const page = await browser.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return { page, url };
    },
    async close() {
      await browser.close().catch(() => undefined);
      await server.close();
      await rm(downloads, { recursive: true, force: true });
    },
  };
}

/** Launches Firefox before a file's tests and closes it after them; the object is filled by `beforeAll`. */
export function useFirefoxSession(hooks: { beforeAll: (fn: () => Promise<void>, timeout?: number) => void; afterAll: (fn: () => Promise<void>) => void }): FirefoxSession {
  const session = {} as FirefoxSession;
  hooks.beforeAll(async () => {
    Object.assign(session, await launchFirefox());
  });
  hooks.afterAll(async () => {
    await session.close?.();
  });
  return session;
}

/** Extension APIs as an extension page sees them (Firefox's promise-based `browser`). */
type ExtensionGlobal = {
  browser: {
    tabs: {
      query(q: object): Promise<Array<{ id?: number; url?: string }>>;
      sendMessage(id: number, message: object): Promise<unknown>;
    };
    runtime: { reload(): void };
  };
};

/** The id of the tab showing `url` (any port), asked from an extension page. */
export async function tabIdOf(ext: Page, url: string): Promise<number> {
  return waitFor(
    () =>
      ext.evaluate(async (u) => {
        const tabs = await (globalThis as unknown as ExtensionGlobal).browser.tabs.query({});
        return tabs.find((t) => t.url === u)?.id;
      }, url),
    10_000,
    `a tab showing ${url}`,
  );
}

/**
 * Sends `{target: 'content', type}` to the content script of the tab showing `url` and resolves
 * with its raw answer, or undefined when no tab or no content script answers.
 */
export async function askContent(ext: Page, url: string, type: string): Promise<{ ok: boolean; value?: any; error?: string } | undefined> {
  return ext.evaluate(
    async (u, kind) => {
      const api = (globalThis as unknown as ExtensionGlobal).browser;
      const tab = (await api.tabs.query({})).find((t) => t.url === u);
      if (tab?.id === undefined) return undefined;
      try {
        return (await api.tabs.sendMessage(tab.id, { target: 'content', type: kind })) as { ok: boolean; value?: any; error?: string };
      } catch {
        return undefined;
      }
    },
    url,
    type,
  );
}

type Span = { start: number; end: number; type: string; text: string; value?: number | string; unit?: string };

/** The content script's annotations of the tab showing `url`, once it has some. */
export async function annotated(ext: Page, url: string, timeoutMs = 30_000): Promise<{ url: string; entities: Span[]; progress?: any }> {
  return waitFor(
    async () => {
      const a = await askContent(ext, url, 'annotations/list');
      return a?.ok && a.value.entities.length > 0 ? a.value : undefined;
    },
    timeoutMs,
    `annotations of ${url}`,
  );
}

/** Ranges in the page's CSS highlights, per highlight name. */
export async function highlightCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const out: Record<string, number> = {};
    for (const [name, h] of (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights) out[name] = h.size;
    return out;
  });
}

/** The viewport point in the middle of character `index` (the second by default) of the first occurrence of `text`, or null. */
export async function pointOnText(page: Page, text: string, index = 1): Promise<{ x: number; y: number } | null> {
  return page.evaluate(textPointInPage, [text, index] as const);
}

/** Selects the first occurrence of `text` (or puts the caret `caretAt` characters into it), as a script would. */
export async function selectOnPage(page: Page, text: string, options: { caretAt?: number } = {}): Promise<void> {
  if (!(await page.evaluate(selectTextInPage, [text, options.caretAt ?? null] as const))) throw new Error(`text not on the page: ${text}`);
}

/**
 * The element of an extension page whose role (or tag) and accessible name (aria-label, label
 * text, or trimmed text) match, like Playwright's getByRole. Throws after `timeoutMs` if none.
 */
export async function byRole(page: Page, role: string, name: string | RegExp, timeoutMs = 15_000): Promise<ElementHandle<Element>> {
  const pattern = typeof name === 'string' ? { source: `^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, flags: '' } : { source: name.source, flags: name.flags };
  return waitFor(
    async () => {
      const handle = await page.evaluateHandle(
        (r, p) => {
          const selectors: Record<string, string> = {
            button: 'button, [role="button"], input[type="button"], input[type="submit"]',
            tab: '[role="tab"]',
            searchbox: 'input[type="search"], [role="searchbox"]',
            textbox: 'input:not([type]), input[type="text"], textarea, [role="textbox"]',
            checkbox: 'input[type="checkbox"]',
            list: 'ul, ol, [role="list"]',
            listitem: 'li, [role="listitem"]',
            link: 'a[href]',
            status: '[role="status"], output',
            alert: '[role="alert"]',
            file: 'input[type="file"]',
            heading: 'h1, h2, h3, h4, h5, h6',
          };
          const re = new RegExp(p.source, p.flags);
          const nameOf = (el: Element) => {
            const label = el.getAttribute('aria-label');
            if (label) return label;
            const by = el.getAttribute('aria-labelledby');
            if (by) return by.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();
            if (el.id) {
              const l = document.querySelector(`label[for="${CSS.escape(el.id)}"]`);
              if (l) return (l.textContent ?? '').trim();
            }
            const wrapping = el.closest('label');
            if (wrapping && wrapping !== el) return (wrapping.textContent ?? '').trim();
            return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
          };
          for (const el of document.querySelectorAll(selectors[r] ?? r)) if (re.test(nameOf(el))) return el;
          return null;
        },
        role,
        pattern,
      );
      const element = handle.asElement() as ElementHandle<Element> | null;
      if (!element) {
        await handle.dispose();
        return undefined;
      }
      return element;
    },
    timeoutMs,
    `${role} named ${String(name)}`,
  );
}

/** The text of the page's body (or of `selector`), whitespace collapsed. */
export async function textOf(page: Page, selector = 'body'): Promise<string> {
  return page.evaluate((s) => (document.querySelector(s)?.textContent ?? '').replace(/\s+/g, ' ').trim(), selector);
}

/**
 * Waits until a file whose name matches is in `dir`, written to the end (Firefox creates it
 * empty and fills it, or writes a `.part` first), and resolves with its path.
 */
export async function downloaded(dir: string, name: RegExp, timeoutMs = 15_000): Promise<string> {
  let last = -1;
  return waitFor(
    async () => {
      const files = await readdir(dir);
      const file = files.find((f) => name.test(f) && !f.endsWith('.part'));
      if (!file || files.some((f) => f.endsWith('.part'))) return undefined;
      const size = (await stat(join(dir, file))).size;
      const done = size > 0 && size === last;
      last = size;
      return done ? join(dir, file) : undefined;
    },
    timeoutMs,
    `a download named ${name}`,
  );
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The BiDi connection and browsing context of a page (puppeteer's BiDi objects). */
function bidiOf(page: Page): { send(method: string, params: object): Promise<{ result: any }>; context: string } {
  const connection = (page.browser() as unknown as { connection: { send(method: string, params: object): Promise<{ result: any }> } }).connection;
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  return { send: (m, p) => connection.send(m, p), context };
}

/**
 * The extension's card on a page, driven as a reader does (see the Chromium harness's
 * `cardOf`). The card lives in a closed shadow root, out of the page scripts' reach; WebDriver
 * BiDi serializes closed shadow roots on request (`includeShadowTree: 'all'`), so the driver
 * reaches the card's nodes by their shared ids, reads them, and acts with the real mouse and
 * keyboard: every event the card gets is trusted.
 */
export function cardOf(page: Page) {
  const { send, context } = bidiOf(page);
  async function shadowRootId(): Promise<string | null> {
    const { result } = await send('script.evaluate', {
      expression: "document.querySelector('zwpz-ui')",
      target: { context },
      awaitPromise: false,
      serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0 },
    });
    return result?.result?.value?.shadowRoot?.sharedId ?? null;
  }
  async function call<T>(fn: string, ...args: unknown[]): Promise<T> {
    const root = await shadowRootId();
    if (!root) throw new Error('no card on the page');
    const { result } = await send('script.callFunction', {
      functionDeclaration: fn,
      this: { sharedId: root },
      arguments: args.map((value) => (typeof value === 'string' ? { type: 'string', value } : { type: 'number', value })),
      target: { context },
      awaitPromise: false,
    });
    if (result.type === 'exception') throw new Error(result.exceptionDetails?.text ?? 'card script failed');
    const value = result.result;
    if (value.type === 'null' || value.type === 'undefined') return null as T;
    if (value.type === 'object') return Object.fromEntries(value.value.map(([k, v]: [string, { value: unknown }]) => [k, v.value])) as T;
    return value.value as T;
  }
  const visible = async () => {
    try {
      return (await call<boolean>("function () { const c = this.querySelector('.card'); return !!c && !c.hidden && c.getBoundingClientRect().width > 0; }")) === true;
    } catch {
      return false;
    }
  };
  const text = async () => (await shadowRootId()) ? ((await call<string | null>("function () { const c = this.querySelector('.card'); return c ? c.textContent : ''; }")) ?? '') : '';
  /** The box of the first `selector` in the card whose label or text matches. */
  async function find(selector: string, name: string | RegExp): Promise<Box> {
    const source = typeof name === 'string' ? `^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}` : name.source;
    const box = await call<Box | null>(
      `function (sel, src) {
        const re = new RegExp(src);
        for (const el of this.querySelectorAll(sel)) {
          const label = (el.getAttribute('aria-label') || '') + '\\n' + (el.textContent || '');
          if (label.split('\\n').some((l) => l && re.test(l))) {
            const r = el.getBoundingClientRect();
            return { x: r.x, y: r.y, width: r.width, height: r.height };
          }
        }
        return null;
      }`,
      selector,
      source,
    );
    if (!box) throw new Error(`no ${selector} on the card matches ${String(name)}`);
    return box;
  }
  const driver = {
    visible,
    text,
    async waitVisible(timeoutMs = 15_000) {
      await waitFor(async () => ((await visible()) ? true : undefined), timeoutMs, 'the card to show');
    },
    async waitHidden(timeoutMs = 15_000) {
      await waitFor(async () => ((await visible()) ? undefined : true), timeoutMs, 'the card to hide');
    },
    async waitText(wanted: string | RegExp, timeoutMs = 15_000) {
      await waitFor(async () => {
        const t = await text();
        return (typeof wanted === 'string' ? t.includes(wanted) : wanted.test(t)) ? true : undefined;
      }, timeoutMs, `the card to say ${String(wanted)}`);
    },
    async click(name: string | RegExp) {
      const b = await find('button', name);
      await page.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
    },
    async fill(label: string, value: string) {
      const b = await find('textarea, input', new RegExp(`^${label}$`));
      await page.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
      for (const ch of value) await page.keyboard.sendCharacter(ch);
    },
    async box(): Promise<Box> {
      return find('.card', /.*/);
    },
    async focusedLabel(): Promise<string | null> {
      return call<string | null>("function () { return this.activeElement ? this.activeElement.getAttribute('aria-label') : null; }");
    },
  };
  return driver;
}
