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

describe('the corrections as a list, and merged from an import', () => {
  it('lists both kinds newest first, a tie by text', async () => {
    const { listCorrections } = await import('@/lib/store/user-dictionary');
    const list = listCorrections({
      rejected: [
        { text: '黄金周', type: 'PERSON', at: 1 },
        { text: '西宁市', type: 'PLACE', at: 3 },
      ],
      added: [
        { text: '盐湖化工', type: 'ORG', at: 2 },
        { text: '青海湖', type: 'PLACE', at: 3 },
      ],
    });
    expect(list.map((c) => [c.kind, c.text])).toEqual([
      ['rejected', '西宁市'],
      ['added', '青海湖'],
      ['added', '盐湖化工'],
      ['rejected', '黄金周'],
    ]);
    expect(list[1]).toEqual({ kind: 'added', text: '青海湖', type: 'PLACE', at: 3 });
  });

  it('merges by name: new names are added, the newer correction of a known name wins, on either list', async () => {
    const { addName, mergeCorrections } = await import('@/lib/store/user-dictionary');
    await rejectName(store(), '西宁市', 'PLACE', 10);
    await rejectName(store(), '黄金周', 'PERSON', 10);
    await addName(store(), '盐湖化工', 'ORG', 10);
    await addName(store(), '青海湖', 'PLACE', 10);
    const result = await mergeCorrections(store(), {
      rejected: [
        { text: '西宁市', type: 'PLACE', at: 5 }, // older: the stored one stays
        { text: '盐湖化工', type: 'ORG', at: 20 }, // newer, and rejected now: leaves the added list
        { text: '崔永焘', type: 'PERSON', at: 7 }, // new
      ],
      added: [
        { text: '青海湖', type: 'ORG', at: 10 }, // a tie: the stored one stays
        { text: '黄金周', type: 'DOC', at: 11 }, // newer, and added now: leaves the rejected list
        { text: '柴达木', type: 'PLACE', at: 3 }, // new
        { text: '柴达木', type: 'ORG', at: 1 }, // an older duplicate of the import: ignored
      ],
    });
    expect(result).toEqual({ added: 2, updated: 2, unchanged: 2 });
    const dictionary = await readUserDictionary(store());
    expect(dictionary.rejected).toEqual([
      { text: '西宁市', type: 'PLACE', at: 10 },
      { text: '崔永焘', type: 'PERSON', at: 7 },
      { text: '盐湖化工', type: 'ORG', at: 20 },
    ]);
    expect(dictionary.added).toEqual([
      { text: '青海湖', type: 'PLACE', at: 10 },
      { text: '柴达木', type: 'PLACE', at: 3 },
      { text: '黄金周', type: 'DOC', at: 11 },
    ]);
    // Merging the same again changes nothing, and writes nothing.
    const set = vi.fn(store().set);
    expect(await mergeCorrections({ ...store(), set }, dictionary)).toEqual({ added: 0, updated: 0, unchanged: 6 });
    expect(set).not.toHaveBeenCalled();
  });

  it('refuses a merge beyond the lists’ limit, or an invalid entry, and keeps what was stored', async () => {
    const { mergeCorrections, MAX_CORRECTIONS } = await import('@/lib/store/user-dictionary');
    await rejectName(store(), '西宁市', 'PLACE', 1);
    const many = Array.from({ length: MAX_CORRECTIONS }, (_, i) => ({ text: `名称${i}`, type: 'ORG' as const, at: 2 }));
    await expect(mergeCorrections(store(), { rejected: many, added: [] })).rejects.toThrow();
    await expect(mergeCorrections(store(), { rejected: [], added: [{ text: '盐', type: 'ORG', at: 2 }] })).rejects.toThrow();
    expect(await readUserDictionary(store())).toMatchObject({ rejected: [{ text: '西宁市' }], added: [] });
    const failing = { ...store(), set: () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')) };
    await expect(mergeCorrections(failing, { rejected: [{ text: '崔永焘', type: 'PERSON', at: 3 }], added: [] })).rejects.toThrow('quota');
    expect((await readUserDictionary(store())).rejected).toHaveLength(1);
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
