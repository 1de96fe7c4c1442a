import { hostOrUrl } from '@/lib/sites';
import { useCallback, useEffect, useState } from 'react';
import { languageTag, t } from '@/lib/i18n';
import type { ArticleSummary } from '@/lib/messaging/corpus-protocol';
import { dateInWords } from '@/lib/text/format-value';
import { SettingSwitch } from './SettingSwitch';

/** The reading history as the background lists it. */
export interface HistoryListing {
  articles: ArticleSummary[];
  /** Articles kept, characters of their text, and the most kept. */
  count: number;
  chars: number;
  cap: number;
}

export interface HistoryManagerProps {
  /** 阅读记录 on or off; null while loading. */
  enabled: boolean | null;
  onToggle(): void;
  /** The history, newest first, filtered by `query`; a message (UI's language) if it cannot be read. */
  list(query: string): Promise<HistoryListing | string>;
  /** Removes some articles, or all (`ids` undefined); resolves with an error message or null. */
  remove(ids?: string[]): Promise<string | null>;
}

/** Megabytes a history of `chars` characters takes about (text as UTF-16, with its index). */
const megabytes = (chars: number) => (chars * 3) / 2 ** 20;
/** `12.3`, or `< 0.1` for a little (never 0.0 for something). */
const shownMegabytes = (chars: number) => {
  const mb = megabytes(chars);
  return mb > 0 && mb < 0.1 ? '< 0.1' : mb.toFixed(1);
};

/**
 * The options' 阅读记录 section: the switch (off by default, explained in one sentence), the
 * space it uses against its cap, and the recorded articles, searchable, removable one by one or
 * all at once (asked twice).
 */
export function HistoryManager({ enabled, onToggle, list, remove }: HistoryManagerProps) {
  const [query, setQuery] = useState('');
  const [listing, setListing] = useState<HistoryListing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirmAll, setConfirmAll] = useState(false);
  const refresh = useCallback(async () => {
    const answer = await list(query);
    if (typeof answer === 'string') setError(answer);
    else {
      setError(null);
      setListing(answer);
    }
  }, [list, query]);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  async function drop(ids?: string[]) {
    const failed = await remove(ids);
    setConfirmAll(false);
    if (failed) setError(failed);
    await refresh();
  }

  const number = (n: number) => n.toLocaleString(languageTag());
  return (
    <section className="section" aria-labelledby="opt-history">
      <h2 id="opt-history">{t('optionsHistoryHeading')}</h2>
      <SettingSwitch value={enabled} onChange={onToggle}>
        {t('optionsHistorySwitch')}
      </SettingSwitch>
      <p className="small muted">{t('optionsHistoryHelp')}</p>
      {listing && (
        <p className="small">
          {t('optionsHistoryUsage', number(listing.count), shownMegabytes(listing.chars), number(listing.cap))}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {listing && listing.count > 0 && (
        <>
          <div className="row">
            <input type="search" aria-label={t('optionsHistorySearch')} placeholder={t('optionsHistorySearch')} value={query} onChange={(e) => setQuery(e.target.value)} />
            {confirmAll ? (
              <>
                <button type="button" className="danger" onClick={() => void drop()}>
                  {t('optionsHistoryRemoveAllConfirm', number(listing.count))}
                </button>
                <button type="button" onClick={() => setConfirmAll(false)}>
                  {t('popupCancel')}
                </button>
              </>
            ) : (
              <button type="button" onClick={() => setConfirmAll(true)}>
                {t('optionsHistoryRemoveAll')}
              </button>
            )}
          </div>
          <ul className="history-list" aria-label={t('optionsHistoryListLabel')}>
            {listing.articles.map((a) => (
              <li key={a.id} className="row">
                <span className="grow">
                  {a.title}
                  <span className="small muted">
                    {' · '}
                    {[a.url ? hostOrUrl(a.url) : '', a.published ? dateInWords(a.published) : '', a.addedAt !== undefined ? t('optionsHistoryReadOn', new Date(a.addedAt).toLocaleDateString(languageTag())) : '']
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                </span>
                <button type="button" aria-label={t('optionsHistoryRemoveTitled', a.title)} onClick={() => void drop([a.id])}>
                  {t('sidepanelRemove')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
