import { fakeBrowser } from 'wxt/testing';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readUserDictionary, rejectName, USER_DICTIONARY_KEY } from '@/lib/store/user-dictionary';

const store = () => ({
  get: (key: string) => fakeBrowser.storage.local.get(key) as Promise<Record<string, unknown>>,
  set: (items: Record<string, unknown>) => fakeBrowser.storage.local.set(items),
});

beforeEach(() => fakeBrowser.reset());

describe('user dictionary in extension storage', () => {
  it('starts empty, remembers each rejected name once, and survives a re-read', async () => {
    expect((await readUserDictionary(store())).rejected).toEqual([]);
    expect(await rejectName(store(), '西宁市', 'PLACE', 1)).toBe(1);
    expect(await rejectName(store(), '西宁市', 'PLACE', 2)).toBe(1);
    expect(await rejectName(store(), '崔永焘', 'PERSON', 3)).toBe(2);
    expect((await readUserDictionary(store())).rejected.map((r) => r.text)).toEqual(['西宁市', '崔永焘']);
  });

  it('adds names as entities, once per name, taking them off the rejected list', async () => {
    const { addName } = await import('@/lib/store/user-dictionary');
    await rejectName(store(), '盐湖化工', 'ORG', 1);
    expect(await addName(store(), '盐湖化工', 'ORG', 2)).toBe(1);
    expect(await addName(store(), '盐湖化工', 'PLACE', 3)).toBe(1);
    const dictionary = await readUserDictionary(store());
    expect(dictionary.added).toEqual([{ text: '盐湖化工', type: 'PLACE', at: 3 }]);
    expect(dictionary.rejected).toEqual([]);
    await expect(addName(store(), '盐', 'ORG')).rejects.toThrow();
  });

  it('takes a correction back, from either list, and says whether it was there', async () => {
    const { addName, removeCorrection } = await import('@/lib/store/user-dictionary');
    await rejectName(store(), '黄金周', 'PERSON', 1);
    await addName(store(), '盐湖化工', 'ORG', 2);
    expect(await removeCorrection(store(), 'added', '盐湖化工')).toBe(true);
    expect(await removeCorrection(store(), 'added', '盐湖化工')).toBe(false);
    expect(await removeCorrection(store(), 'added', '黄金周')).toBe(false);
    expect(await removeCorrection(store(), 'rejected', '黄金周')).toBe(true);
    expect(await readUserDictionary(store())).toMatchObject({ added: [], rejected: [] });
  });

  it('reads a malformed stored value as empty without overwriting it', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    await fakeBrowser.storage.local.set({ [USER_DICTIONARY_KEY]: { version: 1, rejected: [{ text: 42 }] } });
    expect((await readUserDictionary(store())).rejected).toEqual([]);
    expect(error).toHaveBeenCalled();
    expect((await fakeBrowser.storage.local.get(USER_DICTIONARY_KEY))[USER_DICTIONARY_KEY]).toEqual({ version: 1, rejected: [{ text: 42 }] });
    error.mockRestore();
  });

  it('leaves the stored value alone when writing fails', async () => {
    const failing = { ...store(), set: () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')) };
    await expect(rejectName(failing, '西宁市', 'PLACE')).rejects.toThrow('quota');
    expect((await readUserDictionary(store())).rejected).toEqual([]);
  });
});

describe('display settings in extension storage', () => {
  it('hides and shows types, remembered across reads; bad values read as defaults', async () => {
    const { readSettings, setTypeHidden, SETTINGS_KEY } = await import('@/lib/store/settings');
    expect((await readSettings(store())).hiddenTypes).toEqual([]);
    await setTypeHidden(store(), 'PLACE', true);
    await setTypeHidden(store(), 'DATE', true);
    await setTypeHidden(store(), 'PLACE', false);
    expect((await readSettings(store())).hiddenTypes).toEqual(['DATE']);
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { version: 9 } });
    expect((await readSettings(store())).hiddenTypes).toEqual([]);
  });

  it('switches a site off and on', async () => {
    const { readSettings, setSiteDisabled } = await import('@/lib/store/settings');
    await setSiteDisabled(store(), 'www.qhnews.com', true);
    expect((await readSettings(store())).disabledSites).toEqual(['www.qhnews.com']);
    await setSiteDisabled(store(), 'www.qhnews.com', false);
    expect((await readSettings(store())).disabledSites).toEqual([]);
  });
});

describe('concurrent corrections and settings', () => {
  it('stores every one of 100 corrections sent at once', async () => {
    const { addName } = await import('@/lib/store/user-dictionary');
    // A store that answers slowly, as extension storage does: read-modify-write would lose most.
    const slow = {
      get: async (key: string) => {
        await new Promise((r) => setTimeout(r, Math.random() * 3));
        return fakeBrowser.storage.local.get(key) as Promise<Record<string, unknown>>;
      },
      set: async (items: Record<string, unknown>) => {
        await new Promise((r) => setTimeout(r, Math.random() * 3));
        await fakeBrowser.storage.local.set(items);
      },
    };
    const calls = Array.from({ length: 50 }, (_, k) => [rejectName(slow, `不是实体${k}`, 'PERSON', k), addName(slow, `新实体${k}`, 'ORG', k)]).flat();
    await Promise.all(calls);
    const dictionary = await readUserDictionary(store());
    expect(dictionary.rejected).toHaveLength(50);
    expect(dictionary.added).toHaveLength(50);
  });

  it('keeps going after a failed write, and stores the settings changed at once', async () => {
    const { setTypeHidden, setSiteDisabled, readSettings } = await import('@/lib/store/settings');
    const failing = { get: store().get, set: async () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')) };
    await expect(rejectName(failing, '失败', 'PERSON')).rejects.toThrow(/quota/);
    expect(await rejectName(store(), '之后', 'PERSON')).toBe(1);
    await Promise.all([setTypeHidden(store(), 'PLACE', true), setTypeHidden(store(), 'ORG', true), setSiteDisabled(store(), 'www.gov.cn', true), setSiteDisabled(store(), 'www.qhnews.com', true)]);
    const settings = await readSettings(store());
    expect(settings.hiddenTypes.sort()).toEqual(['ORG', 'PLACE']);
    expect(settings.disabledSites.sort()).toEqual(['www.gov.cn', 'www.qhnews.com']);
  });
});
