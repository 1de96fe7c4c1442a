/**
 * Real-Chromium harness: Debian's Chromium (or CHROME_PATH) driven by playwright-core, with the
 * built extension loaded into a fresh profile and fixture pages served on 127.0.0.1 under the
 * host names of real news sites.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { selectTextInPage, textPointInPage } from './in-page';

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
export const FIXTURES_DIR = join(import.meta.dirname, 'fixtures');
/** Where screenshots go: committed under tests/screenshots when UPDATE_SCREENSHOTS=1. */
export const SCREENSHOT_DIR = process.env.UPDATE_SCREENSHOTS
  ? join(ROOT, 'tests/screenshots')
  : join(ROOT, '.output/screenshots');

/** Host names of real news sites that resolve to the fixture server. */
export const FIXTURE_HOSTS = [
  'www.qhnews.com',
  'www.gov.cn',
  'amr.qinghai.gov.cn',
  'paper.people.com.cn',
  'www.gansudaily.com.cn',
  'www.chinahightech.com',
  'www.example.com',
  'www.qinghai.gov.cn',
  'www.news.cn',
  'kjt.qinghai.gov.cn',
] as const;

/**
 * The Chromium binary to drive.
 * @throws Error naming the install command if it is missing.
 */
export function chromiumPath(): string {
  const path = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. The end-to-end tests need a real Chromium: ` +
        `install it with \`sudo apt-get install -y chromium fonts-noto-cjk\` (Debian/Ubuntu), ` +
        `or set CHROME_PATH to a Chromium or Chrome binary.`,
    );
  }
  return path;
}

export interface FixtureServer {
  port: number;
  /** URL of a fixture file under a host name, e.g. `url('www.qhnews.com', 'qhnews-article.html')`. */
  url(host: (typeof FIXTURE_HOSTS)[number] | '127.0.0.1', file: string): string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript' };

/** The strict policy a page gets with `?csp=strict`: no inline or foreign script, nothing foreign at all. */
export const STRICT_CSP = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'";

/**
 * Serves `tests/e2e/fixtures` on 127.0.0.1; a missing fixture is a 404 (and fails the test).
 * `*.gbk.html` files are served as GBK; `?csp=strict` adds {@link STRICT_CSP}.
 */
export async function startFixtureServer(): Promise<FixtureServer> {
  const server: Server = createServer((req, res) => {
    const requestUrl = new URL(req.url ?? '/', 'http://x');
    const path = decodeURIComponent(requestUrl.pathname);
    const file = resolve(FIXTURES_DIR, `.${path}`);
    if (!file.startsWith(FIXTURES_DIR)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        const headers: Record<string, string> = {
          'content-type': file.endsWith('.gbk.html') ? 'text/html; charset=gbk' : (TYPES[extname(file)] ?? 'application/octet-stream'),
        };
        if (requestUrl.searchParams.get('csp') === 'strict') headers['content-security-policy'] = STRICT_CSP;
        res.writeHead(200, headers).end(body);
      },
      () => res.writeHead(404).end('missing fixture'),
    );
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: (host, file) => `http://${host}:${port}/${file}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** Opens a page of the extension (`popup.html`, `sidepanel.html?tabId=3`, …) in a tab. */
  openExtensionPage(path: string): Promise<Page>;
  /** The user-data directory, kept until `close()` unless `keepProfile` was set. */
  profileDir: string;
  close(): Promise<void>;
}

/** Launches Chromium with the built extension in a fresh (or the given) profile. */
export async function launchWithExtension(
  options: { profileDir?: string; keepProfile?: boolean; extensionDir?: string; language?: 'zh-CN' | 'en-US' } = {},
): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run \`npm run build\` first.`);
  }
  const profileDir = options.profileDir ?? (await mkdtemp(join(tmpdir(), 'zwpz-e2e-')));
  const hostRules = FIXTURE_HOSTS.map((h) => `MAP ${h} 127.0.0.1`).join(', ');
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless: false,
    locale: options.language ?? 'zh-CN',
    viewport: { width: 1200, height: 900 },
    args: [
      '--headless=new',
      // The pages' language (navigator.language), which the extension follows by default.
      `--lang=${options.language ?? 'zh-CN'}`,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      `--host-resolver-rules=${hostRules}, MAP * ~NOTFOUND`,
    ],
  });
  const serviceWorker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    profileDir,
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async close() {
      await context.close();
      if (!options.keepProfile) await rm(profileDir, { recursive: true, force: true });
    },
  };
}

/** Polls `probe` until it returns a non-undefined value or `timeoutMs` passes. */
export async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

/** The viewport point in the middle of the second character of the first occurrence of `text`, or null. */
export async function pointOnText(page: Page, text: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate(textPointInPage, [text, 1] as const);
}

/**
 * Selects the first occurrence of `text` on the page, as a script would (no mouse); with
 * `caretAt`, puts a collapsed caret that many characters into it instead. Throws if absent.
 */
export async function selectOnPage(page: Page, text: string, options: { caretAt?: number } = {}): Promise<void> {
  if (!(await page.evaluate(selectTextInPage, [text, options.caretAt ?? null] as const))) throw new Error(`text not on the page: ${text}`);
}

/**
 * Opens a fixture page under a host name and waits until its first read is done (every part
 * recognized, nothing pending); resolves with the page, its address and the content script's
 * `annotations/list` answer then.
 */
export async function openDone(session: E2eSession, host: (typeof FIXTURE_HOSTS)[number] | '127.0.0.1', file: string): Promise<{ page: Page; url: string; list: any }> {
  const url = session.server.url(host, file);
  const page = await session.browser.context.newPage();
  await page.goto(url);
  const list = await waitFor(async () => {
    const answer = await askContent(session.ext, url, 'annotations/list');
    return answer?.ok && answer.value.progress?.doneMs != null && answer.value.progress.pending === 0 ? answer.value : undefined;
  }, 30_000, `the read of ${file}`);
  return { page, url, list };
}

/** The id of the tab showing `url` (any port), asked from the session's extension page. */
export async function tabIdOf(session: E2eSession, url: string): Promise<number> {
  return session.ext.evaluate(async (u) => (await (globalThis as unknown as { chrome: any }).chrome.tabs.query({ url: u }))[0]!.id!, url.replace(/:\d+\//, '/'));
}

export interface E2eSession {
  browser: ExtensionBrowser;
  server: FixtureServer;
  /** An extension page used to call extension APIs (runtime and tabs messaging) from inside. */
  ext: Page;
}

/**
 * Starts the fixture server and Chromium with the extension before a file's tests, and closes
 * both after them. The returned object is filled in by `beforeAll`.
 */
export function useExtensionSession(hooks: { beforeAll: (fn: () => Promise<void>, timeout?: number) => void; afterAll: (fn: () => Promise<void>) => void }): E2eSession {
  const session = {} as E2eSession;
  hooks.beforeAll(async () => {
    session.server = await startFixtureServer();
    session.browser = await launchWithExtension();
    session.ext = await session.browser.openExtensionPage('options.html');
    await mkdir(SCREENSHOT_DIR, { recursive: true });
  });
  hooks.afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}

/**
 * Sends `{target: 'content', type, …}` to the content script of the tab showing `url` (any
 * port) and resolves with its raw answer, or undefined when no tab or no content script answers.
 */
export async function askContent(ext: Page, url: string, type: string): Promise<{ ok: boolean; value?: any; error?: string } | undefined> {
  return ext.evaluate(
    async ([u, kind]) => {
      const c = (globalThis as unknown as { chrome: any }).chrome;
      const [tab] = await c.tabs.query({ url: u });
      if (tab?.id === undefined) return undefined;
      try {
        return await c.tabs.sendMessage(tab.id, { target: 'content', type: kind });
      } catch {
        return undefined; // no content script in that tab
      }
    },
    [url.replace(/:\d+\//, '/'), type] as const,
  );
}

/** A point or box on the page, in CSS pixels of the viewport. */
interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The extension's card on a page, driven as a reader does. The card lives in a closed shadow
 * root, out of reach of the page's scripts and of Playwright's locators; the driver finds its
 * elements through the DevTools protocol (which sees closed roots), reads them there, and acts
 * with the real mouse and keyboard, so every event the card gets is trusted.
 */
export interface CardDriver {
  /** Whether the card is shown. */
  visible(): Promise<boolean>;
  waitVisible(timeoutMs?: number): Promise<void>;
  waitHidden(timeoutMs?: number): Promise<void>;
  /** The card's text. */
  text(): Promise<string>;
  /** Waits until the card's text holds `wanted`. */
  waitText(wanted: string | RegExp, timeoutMs?: number): Promise<void>;
  /** Clicks the card's button whose label or text matches `name`. Throws if there is none. */
  click(name: string | RegExp): Promise<void>;
  /** Clicks the text field labelled `label` and types `value` into it. */
  fill(label: string, value: string): Promise<void>;
  /** The card's box on the screen and a computed style property. */
  box(): Promise<Box>;
  style(property: string): Promise<string>;
  /** The aria-label of the element focused inside the card, or null. */
  focusedLabel(): Promise<string | null>;
}

/** See {@link CardDriver}. */
export async function cardOf(page: Page): Promise<CardDriver> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  type Node = { nodeId: number; nodeName: string; children?: Node[]; shadowRoots?: Node[]; contentDocument?: Node };
  /** The shadow root of the card's host element, or null while there is no card. */
  async function shadowRoot(): Promise<number | null> {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: Node };
    const stack: Node[] = [root];
    while (stack.length) {
      const node = stack.pop()!;
      if (node.nodeName === 'ZWPZ-UI') return node.shadowRoots?.[0]?.nodeId ?? null;
      stack.push(...(node.children ?? []));
    }
    return null;
  }
  async function call<T>(nodeId: number, fn: string, ...args: unknown[]): Promise<T> {
    const { object } = (await cdp.send('DOM.resolveNode', { nodeId })) as { object: { objectId: string } };
    const result = (await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: fn,
      arguments: args.map((value) => ({ value })),
      returnByValue: true,
    })) as { result: { value: T } };
    return result.result.value;
  }
  async function cardNode(): Promise<number | null> {
    const root = await shadowRoot();
    if (root === null) return null;
    const { nodeId } = (await cdp.send('DOM.querySelector', { nodeId: root, selector: '.card' })) as { nodeId: number };
    return nodeId || null;
  }
  async function visible(): Promise<boolean> {
    const card = await cardNode();
    return card !== null && (await call<boolean>(card, 'function () { return !this.hidden && this.getBoundingClientRect().width > 0; }'));
  }
  async function find(selector: string, matches: (label: string) => boolean): Promise<number> {
    const root = await shadowRoot();
    if (root === null) throw new Error('no card on the page');
    const { nodeIds } = (await cdp.send('DOM.querySelectorAll', { nodeId: root, selector })) as { nodeIds: number[] };
    for (const id of nodeIds) {
      const label = await call<string>(id, "function () { return (this.getAttribute('aria-label') || '') + '\\n' + (this.textContent || ''); }");
      if (label.split('\n').some((l) => l && matches(l))) return id;
    }
    throw new Error(`no ${selector} on the card matches`);
  }
  async function clickNode(id: number): Promise<void> {
    const b = await call<Box>(id, 'function () { const r = this.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; }');
    await page.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
  }
  const test = (name: string | RegExp) => (label: string) => (typeof name === 'string' ? label === name || label.startsWith(name) : name.test(label));
  const driver: CardDriver = {
    visible,
    async waitVisible(timeoutMs = 15_000) {
      await waitFor(async () => ((await visible()) ? true : undefined), timeoutMs, 'the card to show');
    },
    async waitHidden(timeoutMs = 15_000) {
      await waitFor(async () => ((await visible()) ? undefined : true), timeoutMs, 'the card to hide');
    },
    async text() {
      const card = await cardNode();
      return card === null ? '' : call<string>(card, 'function () { return this.textContent || ""; }');
    },
    async waitText(wanted, timeoutMs = 15_000) {
      await waitFor(async () => {
        const t = await driver.text();
        return (typeof wanted === 'string' ? t.includes(wanted) : wanted.test(t)) ? true : undefined;
      }, timeoutMs, `the card to say ${wanted}`);
    },
    async click(name) {
      await clickNode(await find('button', test(name)));
    },
    async fill(label, value) {
      const id = await find('textarea, input', (l) => l === label);
      await clickNode(id);
      await page.keyboard.insertText(value);
    },
    async box() {
      const card = await cardNode();
      if (card === null) throw new Error('no card on the page');
      return call<Box>(card, 'function () { const r = this.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; }');
    },
    async style(property) {
      const card = await cardNode();
      if (card === null) throw new Error('no card on the page');
      return call<string>(card, 'function (p) { return getComputedStyle(this).getPropertyValue(p); }', property);
    },
    async focusedLabel() {
      const root = await shadowRoot();
      return root === null ? null : call<string | null>(root, "function () { return this.activeElement ? this.activeElement.getAttribute('aria-label') : null; }");
    },
  };
  return driver;
}
