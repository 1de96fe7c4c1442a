import { useRef, useState, useSyncExternalStore, type ChangeEvent } from 'react';
import { describeProgress, progressFraction, type ImportProgress, type ImportTracker } from '@/components/CorpusManagerImport';
import { language, languageTag, t } from '@/lib/i18n';
import type { ArticleSummary } from '@/lib/messaging/corpus-protocol';
import { dateInWords } from '@/lib/text/format-value';

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
  /** The progress of a folder or JSONL import while it runs (done/total, time left), and its Cancel button. */
  importer?: ImportTracker;
}

const noImport = () => null;
const noSubscribe = () => () => {};

/** A running import: a bar, "正在添加：1,200 / 20,000 篇，约剩 2 分钟" and 取消. */
function ImportProgressLine({ progress, onCancel }: { progress: ImportProgress; onCancel(): void }) {
  return (
    <div className="import-progress">
      <progress max={1} value={progressFraction(progress)} aria-label={t('sidepanelImportProgress')} style={{ width: '100%' }} />
      <div className="row">
        <span className="small muted" aria-live="polite" data-testid="import-progress">
          {describeProgress(progress)}
        </span>
        <button type="button" onClick={onCancel} disabled={progress.cancelling}>
          {progress.cancelling ? t('sidepanelCancelling') : t('sidepanelCancelImport')}
        </button>
      </div>
    </div>
  );
}

/** The day an article was added: `2024-06-01` in Chinese (as the list always showed it), "Jun 1, 2024" in English. */
const date = (ms: number) => {
  const d = new Date(ms);
  if (language() !== 'zh') return d.toLocaleDateString(languageTag(), { year: 'numeric', month: 'short', day: 'numeric' });
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** The reader's own corpus: add this page, a folder of .txt/.html files or a JSONL file; list and remove. */
export function CorpusManager({ articles, seedCount, listError, canAddPage, pageAdded, onAddPage, onAddFiles, onAddJsonl, onRemove, onOpen, importer }: CorpusManagerProps) {
  const [busy, setBusy] = useState(false);
  const progress = useSyncExternalStore(importer?.subscribe ?? noSubscribe, importer?.get ?? noImport);
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

  // The hint's message around the line format, shown as code (a character no message holds marks its place).
  const [hintBefore, hintAfter = ''] = t('sidepanelImportHint', '\u0000').split('\u0000');

  return (
    <div className="corpus-manager">
      <p className="small muted" aria-live="polite">
        {articles === null
          ? t('sidepanelLoadingCorpus')
          : t(
              'sidepanelCorpusCount',
              ((seedCount ?? 0) + articles.length).toLocaleString(languageTag()),
              seedCount?.toLocaleString(languageTag()) ?? '—',
              articles.length.toLocaleString(languageTag()),
            )}
      </p>
      <div className="row actions">
        <button type="button" onClick={() => void run(onAddPage)} disabled={busy || !canAddPage || pageAdded} title={pageAdded ? t('sidepanelPageAlreadyMine') : canAddPage ? t('sidepanelAddPageTitle') : t('sidepanelCannotReadPage')}>
          {pageAdded ? t('sidepanelPageAdded') : t('sidepanelAddPage')}
        </button>
        <button type="button" onClick={() => folderInput.current?.click()} disabled={busy}>
          {t('sidepanelAddFolder')}
        </button>
        <button type="button" onClick={() => jsonlInput.current?.click()} disabled={busy}>
          {t('sidepanelImportJsonl')}
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
          aria-label={t('sidepanelChooseFolder')}
          data-testid="folder-input"
          onChange={onFolder}
        />
        <input ref={jsonlInput} type="file" accept=".jsonl,.ndjson,.json,.txt,application/jsonl" hidden aria-label={t('sidepanelChooseJsonl')} data-testid="jsonl-input" onChange={onJsonl} />
      </div>
      <p className="small muted hint">
        {hintBefore}
        <code>{'{"title", "text", "url"}'}</code>
        {hintAfter}
      </p>
      {progress ? (
        <ImportProgressLine progress={progress} onCancel={() => importer?.cancel()} />
      ) : (
        busy && <p className="small muted">{t('sidepanelAdding')}</p>
      )}
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
        <ul className="my-articles" aria-label={t('sidepanelMyArticles')}>
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
                  {[t('sidepanelChars', a.chars.toLocaleString(languageTag())), a.addedAt !== undefined && t('sidepanelAddedOn', date(a.addedAt)), a.source, a.published && t('sidepanelPublished', dateInWords(a.published))]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </div>
              <button type="button" className="remove" onClick={() => void run(() => onRemove([a.id]))} disabled={busy} aria-label={t('sidepanelRemoveTitled', a.title)}>
                {t('sidepanelRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {articles && articles.length === 0 && !listError && <p className="empty">{t('sidepanelNoArticlesYet')}</p>}
    </div>
  );
}
