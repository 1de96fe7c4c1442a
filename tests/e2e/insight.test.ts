/// <reference types="chrome" />
/**
 * Entity profiles (实体档案) and the figure cross-check (数字核对) in real Chromium: a page that
 * restates a seed article's figures with one changed shows that one as 不同 with both sentences,
 * on the hover card and in the side panel; a profile lists its seed mentions and a clipping;
 * with the reading history on, two pages read join the profile as 已读, and go when removed.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askContent, cardOf, openDone as openDoneIn, pointOnText, SCREENSHOT_DIR, selectOnPage, tabIdOf as tabIdIn, useExtensionSession, waitFor } from './harness';

const session = useExtensionSession({ beforeAll, afterAll });

type Host = 'www.gansudaily.com.cn' | 'www.qhnews.com' | 'www.qinghai.gov.cn' | 'www.news.cn';

const openDone = (host: Host, file: string) => openDoneIn(session, host, file);
const tabIdOf = (url: string) => tabIdIn(session, url);

/** The side panel's document (a tab opened for it, or the browser's own panel), read through an extension page. */
async function panelText(selector: string): Promise<string[]> {
  return session.ext.evaluate((sel) => {
    const out: string[] = [];
    for (const v of chrome.extension.getViews()) {
      if (new URL(v.location.href).pathname !== '/sidepanel.html') continue;
      for (const el of v.document.querySelectorAll(sel)) out.push(el.textContent ?? '');
    }
    return out;
  }, selector);
}

async function profileOf(name: string, entityType: 'PERSON' | 'PLACE' | 'ORG' | 'DOC') {
  return session.ext.evaluate(
    async ([n, type]) => {
      const answer = await chrome.runtime.sendMessage({ target: 'background', type: 'insight/profile', name: n, entityType: type });
      return answer.value.profile as { canonical: string; mentions: Array<{ origin: string; kind: string; title: string; sentence: string }>; total: number } | null;
    },
    [name, entityType] as const,
  );
}

describe('figure cross-check', () => {
  it('shows a changed figure as 不同 with both sentences, on the card and in the side panel', async () => {
    const { page, url } = await openDone('www.gansudaily.com.cn', 'energy-restated.html');
    const checks = await waitFor(async () => {
      const a = await askContent(session.ext, url, 'page/crosscheck');
      return a?.ok && a.value.state === 'done' ? a.value.results : undefined;
    }, 30_000, 'the cross-check');
    const changed = checks.find((r: { figure: { text: string } }) => r.figure.text === '18.5亿元');
    expect(changed?.matches.some((m: { verdict: string; figure: { text: string } }) => m.verdict === 'different' && m.figure.text.includes('15.68'))).toBe(true);

    // The hover card says it, with the corpus's figure.
    const point = await pointOnText(page, '18.5亿元');
    await page.mouse.move(point!.x, point!.y);
    const card = await cardOf(page);
    await card.waitVisible();
    await card.waitText('数字核对');
    expect(await card.text()).toMatch(/不同.*15\.68/);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'crosscheck-card.png') });
    await page.keyboard.press('Escape');

    // The side panel lists it with both sentences side by side.
    const panel = await session.browser.openExtensionPage(`sidepanel.html?tabId=${await tabIdOf(url)}`);
    await panel.setViewportSize({ width: 420, height: 900 });
    const list = panel.getByRole('list', { name: '数字核对' });
    await list.waitFor({ timeout: 30_000 });
    const item = list.getByRole('listitem').filter({ hasText: '18.5亿元' }).first();
    await expect.poll(() => item.textContent()).toContain('不同');
    const text = (await item.textContent()) ?? '';
    expect(text).toContain('该液态空气储能示范项目总投资18.5亿元');
    expect(text).toMatch(/总投资约\s*15\.68/);
    await panel.getByRole('heading', { name: '数字核对' }).scrollIntoViewIfNeeded();
    await panel.screenshot({ path: join(SCREENSHOT_DIR, 'sidepanel-crosscheck.png'), fullPage: true });
    // The corpus's statement opens in the reader.
    await item.getByRole('button').first().click();
    await panel.getByRole('button', { name: '← 返回列表' }).waitFor();
    await panel.close();
    await page.close();
  });
});

describe('entity profile', () => {
  it('lists the seed mentions and a clipping of a body, from the hover card', async () => {
    const { page, url } = await openDone('www.qhnews.com', 'qhnews-article.html');
    // A clipping that names the body.
    await selectOnPage(page, '青海省市场监管局在西宁市发布“青海盐湖化工——镁产业专利导航”项目成果');
    expect((await askContent(session.ext, url, 'clippings/save-selection'))?.ok).toBe(true);
    const panel = await session.browser.openExtensionPage(`sidepanel.html?tabId=${await tabIdOf(url)}`);
    await panel.setViewportSize({ width: 420, height: 900 });

    const point = await pointOnText(page, '青海省市场监管局');
    await page.bringToFront();
    await page.mouse.move(point!.x, point!.y);
    const card = await cardOf(page);
    await card.waitVisible();
    // The save's confirmation comes first (the command's path shows it); done with it, the name's card.
    if ((await card.text()).includes('已保存摘录')) {
      await card.click('完成');
      await card.waitHidden();
      await page.mouse.move(point!.x, point!.y + 200);
      await page.mouse.move(point!.x, point!.y);
      await card.waitVisible();
    }
    await card.waitText('实体档案');
    await card.click('实体档案');
    const titles = await waitFor(async () => {
      const t = await panelText('.profile .result-title');
      return t.length > 1 ? t : undefined;
    }, 30_000, 'the profile in the side panel');
    expect(titles).toContain('青海省发布镁产业专利导航成果');
    const origins = await panelText('.profile .result-origin');
    expect(origins.some((o) => o.startsWith('种子文章'))).toBe(true);
    expect(origins.some((o) => o.startsWith('摘录'))).toBe(true);
    const heading = await panelText('.profile .reader-title');
    expect(heading[0]).toMatch(/^青海省市场监(管|督管理)局$/);
    await panel.bringToFront();
    await panel.screenshot({ path: join(SCREENSHOT_DIR, 'sidepanel-profile.png'), fullPage: true });
    await panel.close();
    await page.close();
  });

  it('opens a profile from the popup\'s list of names', async () => {
    const { page, url } = await openDone('www.qhnews.com', 'qhnews-article.html');
    const tabId = await tabIdOf(url);
    const panel = await session.browser.openExtensionPage(`sidepanel.html?tabId=${tabId}`);
    const popup = await session.browser.openExtensionPage(`popup.html?tabId=${tabId}`);
    await popup.getByRole('button', { name: /在侧边栏查看“崔永焘”的实体档案/ }).click();
    // (Another panel may still show an earlier profile: any panel of this tab showing this one.)
    await waitFor(async () => ((await panelText('.profile .reader-title')).includes('崔永焘') ? true : undefined), 30_000, 'the profile from the popup');
    // The heading shows at once; the mentions when the background has answered.
    await waitFor(async () => ((await panelText('.profile .result-origin')).length ? true : undefined), 30_000, 'the profile’s mentions');
    expect((await panelText('.profile .result-origin')).some((o) => o.startsWith('种子文章'))).toBe(true);
    if (!popup.isClosed()) await popup.close();
    await panel.close();
    await page.close();
  });

  it('adds the pages read to a profile when the reading history is on, and drops them when removed', async () => {
    const before = await profileOf('乌兰县', 'PLACE');
    const readBefore = before?.mentions.filter((m) => m.origin === 'history').length ?? 0;
    expect(readBefore).toBe(0);
    await session.ext.reload();
    await session.ext.getByRole('region', { name: '阅读记录' }).getByRole('checkbox').check();
    for (const [host, file] of [
      ['www.qinghai.gov.cn', 'gov-portal-article.html'],
      ['www.news.cn', 'news-article.html'],
    ] as const) {
      const { page } = await openDone(host, file);
      await page.waitForTimeout(800);
      await page.close();
    }
    const after = await waitFor(async () => {
      const p = await profileOf('乌兰县', 'PLACE');
      return p && p.mentions.some((m) => m.origin === 'history') ? p : undefined;
    }, 15_000, 'the read page in the profile');
    expect(after.mentions.find((m) => m.origin === 'history')?.title).toBe('优化营商环境护航经济发展');
    expect(after.total).toBeGreaterThan(before?.total ?? 0);
    // Removed from the history: gone from the profile.
    await session.ext.evaluate(() => chrome.runtime.sendMessage({ target: 'background', type: 'history/remove', all: true }));
    const gone = await profileOf('乌兰县', 'PLACE');
    expect(gone?.mentions.some((m) => m.origin === 'history') ?? false).toBe(false);
  });
});
