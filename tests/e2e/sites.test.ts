/**
 * Switching on a site outside the default list, in real Chromium: the options page asks for
 * exactly what the manifest allows (the browser's prompt opens instead of an error; the popup
 * asks for the same patterns, `sitePatternsFor`, but only knows the tab's address when opened
 * from the toolbar, which a test cannot click); once the reader has accepted, the site is annotated on its next load, after a browser
 * restart, and no longer once switched off.
 *
 * The browser's permission prompt cannot be clicked in headless Chromium, so accepting it is
 * done as the browser itself records it: the grant is written into the profile's preferences
 * while the browser is closed (the same entries the prompt writes), then the browser starts
 * again on that profile.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, startFixtureServer, waitFor, type ExtensionBrowser, type FixtureServer } from './harness';

const HOST = 'www.example.com';
const GRANT = [`http://${HOST}/*`, `https://${HOST}/*`];

let server: FixtureServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await startFixtureServer();
  browser = await launchWithExtension({ keepProfile: true });
}, 60_000);

afterAll(async () => {
  await browser?.context.close().catch(() => {});
  if (browser) await rm(browser.profileDir, { recursive: true, force: true });
  await server?.close();
});

/**
 * What `permissions.request` does for these origins, asked from an extension page within a user
 * gesture (as Playwright evaluates): its error, or `prompt` while the browser's prompt waits.
 */
async function requestOutcome(origins: string[]): Promise<string> {
  const page = await browser.openExtensionPage('options.html');
  const asked = page.evaluate(async (o) => {
    try {
      return (await chrome.permissions.request({ origins: o })) ? 'granted' : 'refused';
    } catch (e) {
      return String(e);
    }
  }, origins);
  const outcome = await Promise.race([asked, new Promise<string>((r) => setTimeout(() => r('prompt'), 1_500))]);
  asked.catch(() => {});
  await page.close();
  return outcome;
}

/**
 * Highlights painted on the fixture page of HOST after it loads, 0 when nothing runs there:
 * waits up to `wait` ms for the first ones (a restarted browser starts the segmenter and the
 * model first; a loaded machine takes longer).
 */
async function highlightsOnLoad(wait = 4_000): Promise<number> {
  const page = await browser.context.newPage();
  await page.goto(server.url(HOST, 'other-site.html'));
  let count = 0;
  try {
    count = await waitFor(async () => {
      const n = await page.evaluate(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size);
      return n > 0 ? n : undefined;
    }, wait, 'highlights');
  } catch {
    count = 0;
    // Where a page expected to be marked shows nothing: what the worker had registered and
    // whether the content script runs in each tab, for the log.
    if (wait > 4_000) {
      const diag = await browser.serviceWorker.evaluate(async () => {
        const scripts = await chrome.scripting.getRegisteredContentScripts();
        const tabs = await chrome.tabs.query({});
        const out: unknown[] = [];
        for (const t of tabs) {
          let marker: unknown = 'n/a';
          try {
            const r = await chrome.scripting.executeScript({ target: { tabId: t.id! }, func: () => (globalThis as { __zwpzContentScript?: boolean }).__zwpzContentScript ?? false });
            marker = r[0]?.result;
          } catch (e) {
            marker = String(e);
          }
          const progress = await chrome.tabs.sendMessage(t.id!, { target: 'content', type: 'annotations/list' }).then(
            (a: { value?: { progress?: unknown } }) => a?.value?.progress,
            (e: unknown) => String(e),
          );
          out.push({ url: t.url, status: t.status, marker, progress });
        }
        const perms = await chrome.permissions.getAll();
        return { scripts, out, perms };
      }).catch((e) => String(e));
      console.log('[sites] no highlights:', JSON.stringify(diag));
    }
  }
  await page.close();
  return count;
}

/** Closes the browser, records the reader's grant in the profile as the prompt does, starts it again. */
async function acceptPromptAndRestart(): Promise<void> {
  const id = browser.extensionId;
  await browser.context.close();
  const file = join(browser.profileDir, 'Default/Preferences');
  const prefs = JSON.parse(await readFile(file, 'utf8'));
  const settings = prefs.extensions.settings[id];
  for (const key of ['active_permissions', 'granted_permissions']) {
    settings[key] ??= {};
    settings[key].explicit_host = [...new Set([...(settings[key].explicit_host ?? []), ...GRANT])];
  }
  await writeFile(file, JSON.stringify(prefs));
  browser = await launchWithExtension({ profileDir: browser.profileDir, keepProfile: true });
}

describe('switching on a site outside the list', () => {
  it('asks for patterns the manifest offers (the old any-scheme pattern was refused)', async () => {
    expect(await requestOutcome([`*://${HOST}/*`])).toMatch(/Only permissions specified in the manifest/);
    expect(await requestOutcome(GRANT)).toBe('prompt');
  });

  it('opens the browser prompt from the options page, with no error', async () => {
    const options = await browser.openExtensionPage('options.html');
    await options.getByLabel('网址或域名').fill(`https://${HOST}/news/index.html`);
    await options.getByRole('button', { name: '启用' }).click();
    // The request waits at the browser's prompt: neither an error nor a refusal comes back.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await options.getByRole('status').count()).toBe(0);
    await options.close();

    expect(await highlightsOnLoad()).toBe(0);
  });

  it('annotates the site once granted, after a restart, and not after switching it off', async () => {
    await acceptPromptAndRestart();
    const options = await browser.openExtensionPage('options.html');
    await options.getByText(HOST, { exact: true }).waitFor();
    expect(await highlightsOnLoad(20_000)).toBeGreaterThan(0);

    await options.close();
    await browser.context.close();
    browser = await launchWithExtension({ profileDir: browser.profileDir, keepProfile: true });
    expect(await highlightsOnLoad(20_000)).toBeGreaterThan(0);

    const again = await browser.openExtensionPage('options.html');
    await again.getByText(HOST, { exact: true }).waitFor();
    await again.getByRole('button', { name: '停用' }).click();
    await again.getByText(`已停用：${HOST}`).waitFor();
    await again.getByText('尚未启用其他网站。').waitFor();
    expect(await again.evaluate(async () => (await chrome.permissions.getAll()).origins?.filter((o) => o.includes('example')))).toEqual([]);
    await again.close();
    expect(await highlightsOnLoad()).toBe(0);
  });
});
