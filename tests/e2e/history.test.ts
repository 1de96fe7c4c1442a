/**
 * The reading history (阅读记录) in real Chromium: off by default (nothing kept), switched on in
 * the options, two pages read are listed there with their titles and the space they use, found
 * in lookups marked 已读, and removed one by one and all at once.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDone, SCREENSHOT_DIR, useExtensionSession } from './harness';

const session = useExtensionSession({ beforeAll, afterAll });

async function readPage(host: 'www.qinghai.gov.cn' | 'www.news.cn', file: string): Promise<void> {
  const { page } = await openDone(session, host, file);
  // The record is sent once the read is done: give the background a moment to store it.
  await page.waitForTimeout(800);
  await page.close();
}

const historyList = () =>
  session.ext.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: any }).chrome;
    const answer = await c.runtime.sendMessage({ target: 'background', type: 'history/list' });
    return answer.value as { count: number; articles: Array<{ id: string; title: string; origin: string }> };
  });

describe('reading history', () => {
  it('keeps nothing while off; once on, lists what was read, finds it in lookups as 已读, and removes it', async () => {
    await readPage('www.qinghai.gov.cn', 'gov-portal-article.html');
    expect((await historyList()).count).toBe(0);

    const options = session.ext;
    await options.reload();
    const section = options.getByRole('region', { name: '阅读记录' });
    await section.getByRole('checkbox', { name: /记录我在标注网站上读过的文章/ }).check();
    await readPage('www.qinghai.gov.cn', 'gov-portal-article.html');
    await readPage('www.news.cn', 'news-article.html');
    await expect.poll(async () => (await historyList()).count, { timeout: 15_000 }).toBe(2);
    const titles = (await historyList()).articles.map((a) => a.title);
    expect(titles).toEqual(expect.arrayContaining(['优化营商环境护航经济发展']));

    // Read again: still one record for the address.
    await readPage('www.qinghai.gov.cn', 'gov-portal-article.html');
    expect((await historyList()).count).toBe(2);

    // In lookups, marked as read.
    const hits = await options.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: any }).chrome;
      const answer = await c.runtime.sendMessage({ target: 'background', type: 'corpus/search', query: '营商环境' });
      return answer.value.results as Array<{ origin: string; title: string }>;
    });
    expect(hits.some((h) => h.origin === 'history' && h.title === '优化营商环境护航经济发展')).toBe(true);

    // The options list them with the space used; search, remove one, then all.
    await options.reload();
    const region = options.getByRole('region', { name: '阅读记录' });
    await region.getByText(/已记录 2 篇/).waitFor();
    const list = region.getByRole('list', { name: '已读文章' });
    await expect.poll(() => list.getByRole('listitem').count()).toBe(2);
    await options.screenshot({ path: join(SCREENSHOT_DIR, 'options-history.png'), fullPage: true });
    await region.getByRole('searchbox', { name: /搜索已读文章/ }).fill('营商');
    await expect.poll(() => list.getByRole('listitem').count()).toBe(1);
    await region.getByRole('button', { name: '删除已读文章：优化营商环境护航经济发展' }).click();
    await region.getByRole('searchbox', { name: /搜索已读文章/ }).fill('');
    await expect.poll(async () => (await historyList()).count).toBe(1);
    await region.getByRole('button', { name: '全部删除…' }).click();
    await region.getByRole('button', { name: /确认删除全部 1 篇/ }).click();
    await expect.poll(async () => (await historyList()).count).toBe(0);
    await region.getByText(/已记录 0 篇/).waitFor();
  });
});
