// 我的文章 while a folder or JSONL file is added: the progress line, the time left and 取消.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CorpusManager, type CorpusManagerProps, type Outcome } from '@/components/CorpusManager';
import { addInBatches, ImportTracker, type CorpusWriter, type ImportRun } from '@/components/CorpusManagerImport';
import { setLanguage } from '@/lib/i18n';

afterEach(() => {
  cleanup();
  setLanguage('zh');
});

function props(overrides: Partial<CorpusManagerProps> = {}): CorpusManagerProps {
  return {
    articles: [],
    seedCount: 23,
    canAddPage: true,
    onAddPage: vi.fn(async () => ({ ok: true, text: '已添加本页' })),
    onAddFiles: vi.fn(async () => ({ ok: true, text: '已添加 2 篇文章。' })),
    onAddJsonl: vi.fn(async () => ({ ok: true, text: '' })),
    onRemove: vi.fn(async () => ({ ok: true, text: '已移除 1 篇文章。' })),
    ...overrides,
  };
}

/** A background whose `corpus/add` answers only when the test lets it (`release()`), one batch at a time. */
function heldWriter(tick: (ms: number) => void) {
  const waiting: Array<() => void> = [];
  let stored = 0;
  const writer: CorpusWriter = {
    add: (batch) =>
      new Promise((resolve) => {
        waiting.push(() => {
          tick(20_000);
          const ids = batch.map(() => `user:${++stored}`);
          resolve({ ok: true, ids });
        });
      }),
    remove: async () => ({ ok: true }),
  };
  const release = async () => {
    await waitFor(() => expect(waiting.length).toBe(1));
    await act(async () => waiting.shift()!());
  };
  return { writer, release, stored: () => stored };
}

describe('CorpusManager while an import runs', () => {
  it('shows done/total and the time left, cancels before the next batch and says how many were added', async () => {
    let now = 0;
    const importer = new ImportTracker({ now: () => now, pause: async () => {} });
    const { writer, release, stored } = heldWriter((ms) => (now += ms));
    const articles = Array.from({ length: 1000 }, (_, i) => ({ title: `第${i}篇`, text: '格尔木市储能项目并网发电。' }));
    const onAddJsonl = vi.fn(async (): Promise<Outcome> => {
      const run: ImportRun = importer.start();
      try {
        const result = await addInBatches(articles, writer, run);
        return { ok: true, text: result.cancelled ? `已添加 ${result.added} 篇，已取消其余。` : '全部添加' };
      } finally {
        run.end();
      }
    });
    render(<CorpusManager {...props({ onAddJsonl, importer })} />);
    fireEvent.change(screen.getByTestId('jsonl-input'), { target: { files: [new File(['{}'], 'a.jsonl')] } });

    await waitFor(() => expect(screen.getByTestId('import-progress').textContent).toBe('正在添加：0 / 1,000 篇，正在估算剩余时间'));
    expect((screen.getByRole('button', { name: '导入 JSONL…' }) as HTMLButtonElement).disabled).toBe(true);
    await release();
    await waitFor(() => expect(screen.getByTestId('import-progress').textContent).toBe('正在添加：200 / 1,000 篇，约剩 1 分钟'));
    expect(Number(screen.getByRole('progressbar', { name: '添加进度' }).getAttribute('value'))).toBeCloseTo(0.2);

    // Cancelled while the second batch is being stored: that batch is kept, no third is sent.
    fireEvent.click(screen.getByRole('button', { name: '取消' }));
    expect((screen.getByRole('button', { name: '正在取消…' }) as HTMLButtonElement).disabled).toBe(true);
    await release();
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('已添加 400 篇，已取消其余。'));
    expect(stored()).toBe(400);
    expect(screen.queryByTestId('import-progress')).toBeNull();
    expect(screen.queryByRole('button', { name: '取消' })).toBeNull();
  });

  it('speaks English', async () => {
    setLanguage('en');
    const importer = new ImportTracker({ now: () => 0 });
    let run: ImportRun | undefined;
    let finish: (o: Outcome) => void = () => {};
    const onAddFiles = vi.fn(() => {
      run = importer.start();
      return new Promise<Outcome>((resolve) => (finish = resolve));
    });
    render(<CorpusManager {...props({ onAddFiles, importer })} />);
    fireEvent.change(screen.getByTestId('folder-input'), { target: { files: [new File(['x'], 'a.txt')] } });
    await waitFor(() => expect(screen.getByTestId('import-progress').textContent).toBe('Reading the files: 0%'));
    act(() => run!.adding(1, 1, 0, 10));
    expect(screen.getByTestId('import-progress').textContent).toBe('Adding 1 of 1 article, estimating the time left');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(run!.signal.aborted).toBe(true);
    await act(async () => {
      run!.end();
      finish({ ok: true, text: 'Cancelled. No articles were added.' });
    });
    expect(screen.getByRole('status').textContent).toBe('Cancelled. No articles were added.');
  });
});
