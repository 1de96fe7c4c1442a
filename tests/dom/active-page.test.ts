import { describe, expect, it, vi } from 'vitest';
import { queryActivePage, tabIdFromLocation, type TabsApi } from '@/lib/messaging/active-page';

function tabs(active: Array<{ id?: number; url?: string }>, sendMessage: TabsApi['sendMessage']): TabsApi {
  return { query: async () => active, sendMessage };
}

describe('queryActivePage', () => {
  it('asks the content script of the active tab', async () => {
    const sendMessage = vi.fn(async () => ({ ok: true, value: { state: 'pending' } }));
    expect(await queryActivePage(tabs([{ id: 7, url: 'https://www.qhnews.com/a.html' }], sendMessage))).toEqual({ state: 'pending' });
    expect(sendMessage).toHaveBeenCalledWith(7, { target: 'content', type: 'page/segmentation' });
  });

  it('asks the tab it is given instead of the active one', async () => {
    const sendMessage = vi.fn(async () => ({ ok: true, value: { state: 'failed', error: 'x' } }));
    expect(await queryActivePage(tabs([], sendMessage), 3)).toEqual({ state: 'failed', error: 'x' });
    expect(sendMessage).toHaveBeenCalledWith(3, expect.anything());
  });

  it('is inactive when no content script answers, the answer is malformed, or there is no tab', async () => {
    const refuse = async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    };
    expect(await queryActivePage(tabs([{ id: 1 }], refuse))).toEqual({ state: 'inactive' });
    expect(await queryActivePage(tabs([{ id: 1 }], async () => ({ ok: true, value: { state: 'bogus' } })))).toEqual({ state: 'inactive' });
    expect(await queryActivePage(tabs([], refuse))).toEqual({ state: 'inactive' });
    expect(await queryActivePage({ query: () => Promise.reject(new Error('no window')), sendMessage: refuse })).toEqual({ state: 'inactive' });
  });
});

describe('tabIdFromLocation', () => {
  it.each([
    ['?tabId=12', 12],
    ['?tabId=-1', undefined],
    ['?tabId=1e3', undefined],
    ['', undefined],
  ])('%s → %s', (search, expected) => {
    expect(tabIdFromLocation(search)).toBe(expected);
  });
});
