import { useMemo, useState } from 'react';
import { languageTag, t } from '@/lib/i18n';
import { typeLabel } from '@/lib/text/format-value';
import { ADDED_TYPES, listCorrections, type AddedType, type Correction, type CorrectionKind, type Corrections } from '@/lib/store/user-dictionary';

/** Rows the list renders at most; the reader narrows a longer list by searching. */
export const MAX_ROWS = 200;

export interface CorrectionsManagerProps {
  /** The stored corrections (the user dictionary's two lists); null while loading. */
  corrections: Corrections | null;
  /**
   * Takes back one correction: `text` leaves the `kind` list. Resolves with an error message to
   * show (in the UI's language), or null on success; the list itself follows `corrections`.
   */
  onUndo(kind: CorrectionKind, text: string): Promise<string | null>;
  /** Gives an added entity another type; resolves like {@link onUndo}. */
  onChangeType(text: string, type: AddedType): Promise<string | null>;
  /**
   * Makes an undone correction again (the 恢复 button after 撤销); without it no such button is
   * shown. Resolves like {@link onUndo}.
   */
  onRestore?(correction: Correction): Promise<string | null>;
  /** Rows rendered at most ({@link MAX_ROWS}). */
  maxRows?: number;
}

type Filter = 'all' | CorrectionKind;

type Message = { kind: 'ok' | 'error'; text: string; restore?: Correction };

const count = (n: number) => n.toLocaleString(languageTag());
const rowKey = (c: Correction) => `${c.kind}\u0000${c.text}`;

/**
 * 纠错记录: the names the reader rejected (不是实体) and the text added as entities (添加为实体),
 * newest first, searchable, each with its type and date and an undo; an added entity's type can
 * be changed. Renders at most {@link MAX_ROWS} rows, so a few thousand corrections stay fast.
 */
export function CorrectionsManager({ corrections, onUndo, onChangeType, onRestore, maxRows = MAX_ROWS }: CorrectionsManagerProps) {
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<Filter>('all');
  const [message, setMessage] = useState<Message | null>(null);
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());

  const all = useMemo(() => (corrections ? listCorrections(corrections) : []), [corrections]);
  const needle = query.trim().toLowerCase();
  const matches = useMemo(
    () => all.filter((c) => (filter === 'all' || c.kind === filter) && (!needle || c.text.toLowerCase().includes(needle))),
    [all, filter, needle],
  );

  if (corrections === null) return <p className="muted">{t('optionsLoading')}</p>;
  const rejected = corrections.rejected.length;
  const added = corrections.added.length;

  async function run(c: Correction, action: () => Promise<string | null>, success: Message) {
    const key = rowKey(c);
    setPending((p) => new Set(p).add(key));
    let error: string | null;
    try {
      error = await action();
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    setPending((p) => {
      const next = new Set(p);
      next.delete(key);
      return next;
    });
    setMessage(error ? { kind: 'error', text: t('optionsCorrectionFailed', error) } : success);
  }

  const undo = (c: Correction) =>
    run(c, () => onUndo(c.kind, c.text), { kind: 'ok', text: t('optionsCorrectionUndone', c.text), ...(onRestore ? { restore: c } : {}) });
  const changeType = (c: Correction, type: AddedType) =>
    run(c, () => onChangeType(c.text, type), { kind: 'ok', text: t('optionsCorrectionTypeChanged', c.text, typeLabel(type)) });
  const restore = (c: Correction) => onRestore && run(c, () => onRestore(c), { kind: 'ok', text: t('optionsCorrectionRestored', c.text) });

  const shown = matches.slice(0, maxRows);

  return (
    <div className="corrections">
      <p className="small muted">{t('optionsCorrectionsHelp')}</p>
      {message && (
        <p className={message.kind === 'error' ? 'error' : 'small row'} role="status">
          {message.text}
          {message.restore && (
            <button type="button" onClick={() => void restore(message.restore!)}>
              {t('optionsCorrectionRestore')}
            </button>
          )}
        </p>
      )}
      {rejected + added === 0 ? (
        <p className="empty">{t('optionsCorrectionsEmpty')}</p>
      ) : (
        <>
          <p className="small">{t('optionsCorrectionsSummary', count(rejected + added), count(rejected), count(added))}</p>
          <div className="row corrections-tools">
            <input
              type="search"
              className="corrections-search"
              aria-label={t('optionsCorrectionsSearch')}
              placeholder={t('optionsCorrectionsSearchPlaceholder')}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
            <select aria-label={t('optionsCorrectionsShow')} value={filter} onChange={(e) => setFilter(e.target.value as Filter)}>
              <option value="all">{t('optionsCorrectionsAll', count(rejected + added))}</option>
              <option value="rejected">{t('optionsCorrectionsRejected', count(rejected))}</option>
              <option value="added">{t('optionsCorrectionsAdded', count(added))}</option>
            </select>
            {needle && <span className="small muted">{t('optionsCorrectionsMatches', count(matches.length))}</span>}
          </div>
          {matches.length === 0 ? (
            <p className="empty">{needle ? t('optionsCorrectionsNoMatch', query.trim()) : t('optionsCorrectionsNoneOfKind')}</p>
          ) : (
            <table className="corrections-table" aria-label={t('optionsCorrectionsList', count(shown.length))}>
              <thead>
                <tr>
                  <th scope="col">{t('optionsCorrectionsName')}</th>
                  <th scope="col">{t('optionsCorrectionsKind')}</th>
                  <th scope="col">{t('optionsCorrectionsType')}</th>
                  <th scope="col">{t('optionsCorrectionsDate')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('optionsCorrectionsActions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.map((c) => {
                  const busy = pending.has(rowKey(c));
                  const date = new Date(c.at);
                  const valid = Number.isFinite(date.getTime());
                  return (
                    <tr key={rowKey(c)} className={`correction-${c.kind}`}>
                      <td className="correction-text">{c.text}</td>
                      <td className="small">{t(c.kind === 'rejected' ? 'optionsCorrectionRejected' : 'optionsCorrectionAdded')}</td>
                      <td>
                        {c.kind === 'added' ? (
                          <select
                            aria-label={t('optionsCorrectionTypeLabel', c.text)}
                            value={c.type}
                            disabled={busy}
                            onChange={(e) => void changeType(c, e.target.value as AddedType)}
                          >
                            {ADDED_TYPES.map((type) => (
                              <option key={type} value={type}>
                                {typeLabel(type)}
                              </option>
                            ))}
                          </select>
                        ) : (
                          <span className="correction-type">
                            <span className={`type-dot type-${c.type}`} aria-hidden="true" />
                            {typeLabel(c.type)}
                          </span>
                        )}
                      </td>
                      <td className="small muted">
                        {valid ? (
                          <time dateTime={date.toISOString()} title={date.toLocaleString(languageTag())}>
                            {date.toLocaleDateString(languageTag())}
                          </time>
                        ) : null}
                      </td>
                      <td>
                        <button type="button" aria-label={t('optionsCorrectionUndoLabel', c.text)} disabled={busy} onClick={() => void undo(c)}>
                          {t('optionsCorrectionUndo')}
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          {matches.length > shown.length && <p className="small muted">{t('optionsCorrectionsShowing', count(shown.length), count(matches.length))}</p>}
        </>
      )}
    </div>
  );
}
