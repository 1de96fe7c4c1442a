import { useRef, useState, type ChangeEvent } from 'react';
import type { ArticleSummary } from '@/lib/messaging/corpus-protocol';

/** What an action came to, for the status line. */
export interface Outcome {
  ok: boolean;
  text: string;
}

export interface CorpusManagerProps {
  /** The articles the reader added, newest first; null while loading. */
  articles: readonly ArticleSummary[] | null;
  /** Seed articles shipped with the extension (for the count line); null while unknown. */
  seedCount: number | null;
  /** Why the list could not be loaded. */
  listError?: string | null;
  /** "添加本页" is possible: the page's text can be read. */
  canAddPage: boolean;
  /** The current page is already among the added articles. */
  pageAdded?: boolean;
  onAddPage(): Promise<Outcome>;
  /** The files of a chosen folder. */
  onAddFiles(files: readonly File[]): Promise<Outcome>;
  /** A JSONL file, one article a line. */
  onAddJsonl(file: File): Promise<Outcome>;
  onRemove(ids: readonly string[]): Promise<Outcome>;
  /** Opens an added article in the reader view. */
  onOpen?(article: ArticleSummary): void;
}

const date = (ms: number) => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** The reader's own corpus: add this page, a folder of .txt/.html files or a JSONL file; list and remove. */
export function CorpusManager({ articles, seedCount, listError, canAddPage, pageAdded, onAddPage, onAddFiles, onAddJsonl, onRemove, onOpen }: CorpusManagerProps) {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Outcome | null>(null);
  const folderInput = useRef<HTMLInputElement | null>(null);
  const jsonlInput = useRef<HTMLInputElement>(null);

  const run = async (work: () => Promise<Outcome>) => {
    setBusy(true);
    setStatus(null);
    try {
      setStatus(await work());
    } catch (error) {
      setStatus({ ok: false, text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  const onFolder = (e: ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.target.files ?? [])];
    e.target.value = '';
    if (files.length > 0) void run(() => onAddFiles(files));
  };
  const onJsonl = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (file) void run(() => onAddJsonl(file));
  };

  return (
    <div className="corpus-manager">
      <p className="small muted" aria-live="polite">
        {articles === null
          ? '正在读取语料…'
          : `语料共 ${((seedCount ?? 0) + articles.length).toLocaleString('zh-CN')} 篇：种子文章 ${seedCount ?? '—'} 篇，我的文章 ${articles.length.toLocaleString('zh-CN')} 篇。`}
      </p>
      <div className="row actions">
        <button type="button" onClick={() => void run(onAddPage)} disabled={busy || !canAddPage || pageAdded} title={pageAdded ? '本页已在我的文章中' : canAddPage ? '把本页正文加入语料' : '无法读取本页正文'}>
          {pageAdded ? '本页已添加' : '添加本页'}
        </button>
        <button type="button" onClick={() => folderInput.current?.click()} disabled={busy}>
          添加文件夹…
        </button>
        <button type="button" onClick={() => jsonlInput.current?.click()} disabled={busy}>
          导入 JSONL…
        </button>
        <input
          ref={(el) => {
            folderInput.current = el;
            // Not in React's attribute list: set by hand so the picker chooses a folder.
            el?.setAttribute('webkitdirectory', '');
          }}
          type="file"
          multiple
          hidden
          aria-label="选择文件夹（.txt、.html 文件）"
          data-testid="folder-input"
          onChange={onFolder}
        />
        <input ref={jsonlInput} type="file" accept=".jsonl,.ndjson,.json,.txt,application/jsonl" hidden aria-label="选择 JSONL 文件" data-testid="jsonl-input" onChange={onJsonl} />
      </div>
      <p className="small muted hint">
        文件夹：每个 .txt、.html 文件一篇。JSONL：每行一篇，<code>{'{"title", "text", "url"}'}</code>
      </p>
      {busy && <p className="small muted">正在添加，分析文章需要一点时间…</p>}
      {status && (
        <p className={status.ok ? 'notice ok-text' : 'error'} role={status.ok ? 'status' : 'alert'}>
          {status.text}
        </p>
      )}
      {listError && (
        <p className="error" role="alert">
          {listError}
        </p>
      )}
      {articles && articles.length > 0 && (
        <ul className="my-articles" aria-label="我的文章">
          {articles.map((a) => (
            <li key={a.id}>
              <div className="my-article-text">
                {onOpen ? (
                  <button type="button" className="result-title" onClick={() => onOpen(a)}>
                    {a.title}
                  </button>
                ) : (
                  <span>{a.title}</span>
                )}
                <span className="small muted">
                  {a.chars.toLocaleString('zh-CN')} 字{a.addedAt !== undefined && ` · ${date(a.addedAt)} 添加`}
                  {a.source && ` · ${a.source}`}
                </span>
              </div>
              <button type="button" className="remove" onClick={() => void run(() => onRemove([a.id]))} disabled={busy} aria-label={`移除《${a.title}》`}>
                移除
              </button>
            </li>
          ))}
        </ul>
      )}
      {articles && articles.length === 0 && !listError && <p className="empty">还没有添加文章。添加的文章与种子文章一起参与相关文章查找和搜索。</p>}
    </div>
  );
}
