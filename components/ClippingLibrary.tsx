import { useCallback, useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { t } from '@/lib/i18n';
import { formatTimeLeft } from './time-left';
import { TYPE_ORDER, typeLabel } from '@/lib/text/format-value';

/** An article of the corpus (seed or the reader's own) linked to a clipping. */
export interface LinkedArticle {
  articleId: string;
  title: string;
}

export interface LibraryItem {
  id: string;
  quote: string;
  note: string;
  tags: string[];
  site: string;
  title: string;
  url: string;
  createdAt: number;
  entityTypes: string[];
  /** On the current tab's page: `anchored` says whether it was found there (null: not known). */
  onPage?: { anchored: boolean | null };
  /** Articles linked to the clipping (see the clipping's `related`), shown under it. */
  related?: readonly LinkedArticle[];
}

export interface LibraryFilters {
  site?: string;
  tag?: string;
  entityType?: string;
  /** Only clippings from the last day, week or month. */
  period?: 'day' | 'week' | 'month';
}

export type ExportKind = 'json' | 'markdown' | 'csv' | 'jsonld';

/** An import under way, sent in parts: how far it came and when it should end. */
export interface ImportProgress {
  /** Clippings stored so far, of `total` in the file. */
  done: number;
  total: number;
  /** When the import should end (ms since the epoch, estimated from the parts done); null until known. */
  etaAt: number | null;
  /** 取消 was clicked: the import stops after the part being sent. */
  cancelling: boolean;
  onCancel(): void;
}

export interface ClippingLibraryProps {
  /** The clippings to show, current page's first; null while loading. */
  items: readonly LibraryItem[] | null;
  /** All clippings in the library. */
  total: number;
  query: string;
  onQuery(query: string): void;
  filters: LibraryFilters;
  onFilters(filters: LibraryFilters): void;
  sites: readonly string[];
  tags: readonly string[];
  /** Saves a note and tags; resolves with an error message or null. */
  onSave(id: string, note: string, tags: string[]): Promise<string | null>;
  onDelete(id: string): void;
  /** The last deletion, to undo. */
  undo?: { quote: string; onUndo(): void } | null;
  onOpen(item: LibraryItem): void;
  /** Read a linked article (in the side panel's reader). */
  onOpenArticle?(article: LinkedArticle, item: LibraryItem): void;
  onExport(kind: ExportKind): void;
  onImport(file: File): void;
  /** An import in parts under way (progress and 取消), or null. */
  importing?: ImportProgress | null;
  /** The list is scrolled near its end: show more if there are more. */
  onNearEnd?(): void;
  /** The outcome of the last export, import or storage error. */
  message?: { kind: 'ok' | 'error'; text: string } | null;
}

/** Height of one row of the list without linked articles, px: rows are laid out by index, so only visible ones render. */
export const ROW_HEIGHT = 80;
/** Height of one line of a row's linked articles, px (see `.clip .related` in the popup's CSS). */
export const RELATED_LINE_HEIGHT = 22;
/** Linked articles shown under a clipping before "N more". */
export const RELATED_SHOWN = 3;
/** Rows rendered above and below the visible ones. */
const OVERSCAN = 3;

/** A row's height: the clipping, then its linked articles (the first few, or all when expanded). */
export function rowHeight(item: LibraryItem, expanded = false): number {
  const n = item.related?.length ?? 0;
  if (n === 0) return ROW_HEIGHT;
  const lines = n <= RELATED_SHOWN ? n : expanded ? n + 1 : RELATED_SHOWN + 1;
  return ROW_HEIGHT + lines * RELATED_LINE_HEIGHT;
}

const date = (ms: number) => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** The index of the first row whose bottom is below `y` (offsets: each row's top, then the total). */
function rowAt(offsets: readonly number[], y: number): number {
  let lo = 0;
  let hi = offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid + 1]! <= y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The progress of an import in parts: done/total, a bar, the time left, and 取消. */
function ImportProgressView({ progress }: { progress: ImportProgress }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <div className="import-progress" role="group" aria-label={t('popupImportProgressLabel')}>
      <div className="row">
        <span className="small" role="status">
          {t('popupImportProgress', progress.done, progress.total)}
        </span>
        <span className="small muted">{progress.cancelling ? t('popupImportCancelling') : formatTimeLeft(progress.etaAt === null ? null : progress.etaAt - now)}</span>
        <button type="button" className="cancel" onClick={progress.onCancel} disabled={progress.cancelling}>
          {t('popupCancel')}
        </button>
      </div>
      <progress max={Math.max(1, progress.total)} value={progress.done} aria-label={t('popupImportProgressLabel')} />
    </div>
  );
}

/**
 * The reader's library in the popup: search, filters, export and import, then a virtualized
 * list (current page first, orphans marked, linked articles under each clipping), editing a
 * clipping's note and tags, delete with undo. The list has no scroll box of its own: it is as
 * tall as all its rows and the popup's page scrolls; only the rows in the window render.
 * Props in, callbacks out; no browser or database calls.
 */
export function ClippingLibrary(props: ClippingLibraryProps) {
  const { items, total, query, filters } = props;
  const [editing, setEditing] = useState<LibraryItem | null>(null);
  const [note, setNote] = useState('');
  const [tags, setTags] = useState('');
  const [editError, setEditError] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const fileInput = useRef<HTMLInputElement>(null);
  const noteInput = useRef<HTMLTextAreaElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  // The part of the list in the window, px from the list's top.
  const [view, setView] = useState(() => ({ from: 0, to: typeof window === 'undefined' ? 600 : window.innerHeight || 600 }));

  const offsets = useMemo(() => {
    const out = [0];
    let y = 0;
    for (const item of items ?? []) {
      y += rowHeight(item, expanded.has(item.id));
      out.push(y);
    }
    return out;
  }, [items, expanded]);
  const height = offsets[offsets.length - 1]!;

  // Read by the scroll listener, which is added once.
  const latest = useRef({ height, onNearEnd: props.onNearEnd });
  latest.current = { height, onNearEnd: props.onNearEnd };
  const measure = useCallback((scrolled: boolean) => {
    const el = listRef.current;
    if (!el) return;
    const rect = el.getBoundingClientRect();
    const windowHeight = window.innerHeight || 600;
    // The page scrolls, not the list (its own scrollTop stays 0 but is honored all the same).
    const top = Math.max(0, -rect.top);
    const from = top + el.scrollTop;
    const to = Math.max(top, windowHeight - rect.top) + el.scrollTop;
    setView((v) => (Math.abs(v.from - from) < 1 && Math.abs(v.to - to) < 1 ? v : { from, to }));
    if (scrolled && to > latest.current.height - 10 * ROW_HEIGHT) latest.current.onNearEnd?.();
  }, []);
  useEffect(() => {
    const onScroll = () => measure(true);
    const onResize = () => measure(false);
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onResize);
    };
  }, [measure]);
  // After each render has been drawn (the list may have moved: a notice above it, the tab
  // shown); not before, so that the first rows show without waiting for a layout.
  useEffect(() => measure(false));

  const count = items?.length ?? 0;
  const first = Math.max(0, rowAt(offsets, view.from) - OVERSCAN);
  const last = Math.min(count, rowAt(offsets, view.to) + 1 + OVERSCAN);

  useEffect(() => {
    if (editing) noteInput.current?.focus({ preventScroll: true });
  }, [editing]);

  function startEdit(item: LibraryItem) {
    setEditing(item);
    setNote(item.note);
    setTags(item.tags.join(' '));
    setEditError(null);
  }

  async function saveEdit() {
    if (!editing) return;
    const error = await props.onSave(editing.id, note, tags.split(/[\s,，]+/).filter(Boolean));
    if (error) setEditError(error);
    else setEditing(null);
  }

  const toggleExpanded = (id: string) =>
    setExpanded((old) => {
      const next = new Set(old);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const select = (label: string, value: string | undefined, options: ReadonlyArray<[string, string]>, set: (v: string | undefined) => void) => (
    <select aria-label={label} value={value ?? ''} onChange={(e: ChangeEvent<HTMLSelectElement>) => set(e.target.value || undefined)}>
      <option value="">{label}</option>
      {options.map(([v, text]) => (
        <option key={v} value={v}>
          {text}
        </option>
      ))}
    </select>
  );

  const related = (item: LibraryItem) => {
    const all = item.related ?? [];
    if (!all.length) return null;
    const open = expanded.has(item.id);
    const shown = open ? all : all.slice(0, RELATED_SHOWN);
    return (
      <div className="related" role="group" aria-label={t('popupRelatedLabel')}>
        {shown.map((article) => (
          <button
            type="button"
            key={article.articleId}
            className="related-link"
            title={t('popupReadArticleLabel', article.title || t('popupUntitled'))}
            aria-label={t('popupReadArticleLabel', article.title || t('popupUntitled'))}
            onClick={() => props.onOpenArticle?.(article, item)}
          >
            {article.title || t('popupUntitled')}
          </button>
        ))}
        {all.length > RELATED_SHOWN && (
          <button type="button" className="related-more" aria-expanded={open} onClick={() => toggleExpanded(item.id)}>
            {open ? t('popupRelatedFewer') : t('popupRelatedMore', all.length - RELATED_SHOWN)}
          </button>
        )}
      </div>
    );
  };

  return (
    <div className="library">
      <input
        type="search"
        className="search"
        placeholder={t('popupSearchPlaceholder')}
        aria-label={t('popupSearchLabel')}
        value={query}
        onChange={(e) => props.onQuery(e.target.value)}
      />
      <div className="row filters">
        {select(t('popupAllSites'), filters.site, props.sites.map((s) => [s, s]), (site) => props.onFilters({ ...filters, site }))}
        {select(t('popupAllTags'), filters.tag, props.tags.map((tag) => [tag, `#${tag}`]), (tag) => props.onFilters({ ...filters, tag }))}
        {select(t('popupAllTypes'), filters.entityType, TYPE_ORDER.map((type) => [type, typeLabel(type)]), (entityType) => props.onFilters({ ...filters, entityType }))}
        {select(t('popupAnyTime'), filters.period, [['day', t('popupToday')], ['week', t('popupPastWeek')], ['month', t('popupPastMonth')]], (period) =>
          props.onFilters({ ...filters, period: period as LibraryFilters['period'] }),
        )}
      </div>

      <div className="row exports">
        <span className="small muted">{t('popupTotalExport', total)}</span>
        <button type="button" onClick={() => props.onExport('json')}>
          JSON
        </button>
        <button type="button" onClick={() => props.onExport('markdown')}>
          Markdown
        </button>
        <button type="button" onClick={() => props.onExport('csv')}>
          CSV
        </button>
        <button type="button" onClick={() => props.onExport('jsonld')}>
          JSON-LD
        </button>
        <button type="button" className="import" onClick={() => fileInput.current?.click()} disabled={!!props.importing}>
          {t('popupImport')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          aria-label={t('popupImportFileLabel')}
          hidden
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) props.onImport(file);
            e.target.value = '';
          }}
        />
      </div>

      {/* What needs the reader's eye stays in view while the list scrolls under it. */}
      <div className="library-status">
        {props.importing && <ImportProgressView progress={props.importing} />}
        {props.undo && (
          <p className="notice row" role="status">
            <span>{t('popupDeleted', props.undo.quote.slice(0, 16))}</span>
            <button type="button" onClick={props.undo.onUndo}>
              {t('popupUndo')}
            </button>
          </p>
        )}
        {props.message && (
          <p className={props.message.kind === 'error' ? 'error' : 'notice'} role={props.message.kind === 'error' ? 'alert' : 'status'}>
            {props.message.text}
          </p>
        )}
        {editing && (
          <div className="editor" role="group" aria-label={t('popupEditClipping')}>
            <p className="quote small">{editing.quote.slice(0, 120)}</p>
            <textarea ref={noteInput} aria-label={t('popupNote')} rows={3} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('popupNote')} />
            <input aria-label={t('popupTags')} value={tags} onChange={(e) => setTags(e.target.value)} placeholder={t('popupTagsPlaceholder')} />
            {editError && <p className="error">{editError}</p>}
            <div className="row">
              <button type="button" className="primary" onClick={() => void saveEdit()}>
                {t('popupSave')}
              </button>
              <button type="button" onClick={() => setEditing(null)}>
                {t('popupCancel')}
              </button>
            </div>
          </div>
        )}
      </div>

      {items === null ? (
        <p className="empty">{t('popupLibraryLoading')}</p>
      ) : total === 0 ? (
        <p className="empty">{t('popupLibraryNone')}</p>
      ) : items.length === 0 ? (
        <p className="empty">{t('popupNoMatch')}</p>
      ) : (
        <div
          ref={listRef}
          className="clip-list"
          role="list"
          aria-label={t('popupClippingList', items.length)}
          style={{ height }}
          onScroll={() => measure(true)}
        >
          {items.slice(first, last).map((item, i) => (
            <div key={item.id} role="listitem" className="clip" style={{ top: offsets[first + i], height: offsets[first + i + 1]! - offsets[first + i]! }}>
              <p className="quote" title={item.quote}>
                {item.onPage && <span className={item.onPage.anchored === false ? 'badge warn' : 'badge ok'}>{item.onPage.anchored === false ? t('popupOnPageNotFound') : t('popupOnPage')}</span>}
                {item.quote}
              </p>
              {related(item)}
              <div className="foot">
                <p className="meta small muted">
                  {item.site} · {date(item.createdAt)}
                  {item.tags.map((tag) => (
                    <span key={tag} className="tag">
                      #{tag}
                    </span>
                  ))}
                  {item.note && <span className="note">✎ {item.note}</span>}
                </p>
                <div className="actions">
                  <button type="button" aria-label={t('popupOpenLabel', item.title)} onClick={() => props.onOpen(item)}>
                    {t('popupOpen')}
                  </button>
                  <button type="button" aria-label={t('popupEditLabel')} onClick={() => startEdit(item)}>
                    {t('popupEdit')}
                  </button>
                  <button type="button" aria-label={t('popupDeleteLabel')} onClick={() => props.onDelete(item.id)}>
                    {t('popupDelete')}
                  </button>
                </div>
              </div>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
