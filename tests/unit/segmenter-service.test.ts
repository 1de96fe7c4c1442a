import { describe, expect, it, vi } from 'vitest';
import { createJiebaSegmenter } from '@/lib/segment';
import { createSegmenterService } from '@/lib/segment/service';

const fakeJieba = {
  cut: (s: string) => [...s],
  tag: (s: string) => [...s].map((word) => ({ word, tag: 'x' })),
  tokenize: () => [],
  add_word: () => 0,
};

describe('createSegmenterService', () => {
  it('loads the segmenter once, on first use, and reports its status', async () => {
    const load = vi.fn(async () => ({ segmenter: createJiebaSegmenter(fakeJieba), loadMs: 12 }));
    const service = createSegmenterService('offscreen', load);
    expect(service.status()).toEqual({ host: 'offscreen', ready: false, loadMs: null, userWords: 0 });
    const [a, b] = await Promise.all([
      service.segment({ text: '青海', mode: 'tag' }),
      service.segment({ text: '西宁', mode: 'tag' }),
    ]);
    expect(load).toHaveBeenCalledTimes(1);
    expect(a.tokens.map((t) => t.word)).toEqual(['青', '海']);
    expect(b.host).toBe('offscreen');
    expect(await service.addWords([{ word: '西宁市' }])).toBe(1);
    expect(service.status()).toEqual({ host: 'offscreen', ready: true, loadMs: 12, userWords: 1 });
  });

  it('fails the request when loading fails, and tries again on the next one', async () => {
    const load = vi
      .fn()
      .mockRejectedValueOnce(new Error('fetch failed'))
      .mockResolvedValueOnce({ segmenter: createJiebaSegmenter(fakeJieba), loadMs: 1 });
    const service = createSegmenterService('service-worker', load);
    await expect(service.segment({ text: 'a', mode: 'tag' })).rejects.toThrow('fetch failed');
    await expect(service.segment({ text: 'a', mode: 'tag' })).resolves.toMatchObject({ host: 'service-worker' });
    expect(load).toHaveBeenCalledTimes(2);
  });
});
