import { useRef, useState, type ChangeEvent, type UIEvent } from 'react';
import { t } from '@/lib/i18n';
import { TYPE_ORDER, typeLabel } from '@/lib/text/format-value';

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
}

export interface LibraryFilters {
  site?: string;
  tag?: string;
  entityType?: string;
  /** Only clippings from the last day, week or month. */
  period?: 'day' | 'week' | 'month';
}

export type ExportKind = 'json' | 'markdown' | 'csv' | 'jsonld';

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
  onExport(kind: ExportKind): void;
  onImport(file: File): void;
  /** The list is scrolled near its end: show more if there are more. */
  onNearEnd?(): void;
  /** The outcome of the last export, import or storage error. */
  message?: { kind: 'ok' | 'error'; text: string } | null;
}

/** Height of one row of the list, px: rows are laid out by index, so only visible ones render. */
export const ROW_HEIGHT = 88;
const LIST_HEIGHT = 352;

const date = (ms: number) => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/**
 * The reader's library in the popup: search, filters, a virtualized list (current page first,
 * orphans marked), editing a clipping's note and tags, delete with undo, export and import.
 * Props in, callbacks out; no browser or database calls.
 */
export function ClippingLibrary(props: ClippingLibraryProps) {
  const { items, total, query, filters } = props;
  const [scrollTop, setScrollTop] = useState(0);
  const [editing, setEditing] = useState<LibraryItem | null>(null);
  const [note, setNote] = useState('');
  const [tags, setTags] = useState('');
  const [editError, setEditError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - 3);
  const last = Math.min(items?.length ?? 0, Math.ceil((scrollTop + LIST_HEIGHT) / ROW_HEIGHT) + 3);

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
          <textarea aria-label={t('popupNote')} rows={3} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('popupNote')} />
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

      {items === null ? (
        <p className="empty">{t('popupLibraryLoading')}</p>
      ) : total === 0 ? (
        <p className="empty">{t('popupLibraryNone')}</p>
      ) : items.length === 0 ? (
        <p className="empty">{t('popupNoMatch')}</p>
      ) : (
        <div
          className="clip-list"
          role="list"
          aria-label={t('popupClippingList', items.length)}
          style={{ height: Math.min(LIST_HEIGHT, items.length * ROW_HEIGHT) }}
          onScroll={(e: UIEvent<HTMLDivElement>) => {
            const el = e.currentTarget;
            setScrollTop(el.scrollTop);
            if (el.scrollTop + el.clientHeight > el.scrollHeight - 10 * ROW_HEIGHT) props.onNearEnd?.();
          }}
        >
          <div style={{ height: items.length * ROW_HEIGHT, position: 'relative' }}>
            {items.slice(first, last).map((item, i) => (
              <div key={item.id} role="listitem" className="clip" style={{ top: (first + i) * ROW_HEIGHT, height: ROW_HEIGHT }}>
                <p className="quote" title={item.quote}>
                  {item.onPage && <span className={item.onPage.anchored === false ? 'badge warn' : 'badge ok'}>{item.onPage.anchored === false ? t('popupOnPageNotFound') : t('popupOnPage')}</span>}
                  {item.quote}
                </p>
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
            ))}
          </div>
        </div>
      )}

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
        <button type="button" onClick={() => fileInput.current?.click()}>
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
    </div>
  );
}
