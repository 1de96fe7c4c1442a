import { useLayoutEffect, useRef } from 'react';
import type { SeedSummary } from '@/lib/corpus/seed-summary';
import { languageTag, t } from '@/lib/i18n';
import type { RelatedResult } from '@/lib/messaging/corpus-protocol';
import { ArticleReader, type ReaderState } from './ArticleReader';
import { CrossCheckList, type CrossCheckState } from './CrossCheckList';
import { EntityProfileView, type ProfileState } from './EntityProfileView';
import { Brand } from './Brand';
import { CorpusManager, type CorpusManagerProps } from './CorpusManager';
import { PageStatus, type PageState } from './PageStatus';
import { RelatedList, type ClippingChoice } from './RelatedList';

/** What the related articles are looked up for: the page's article, or the reader's selection on it. */
export type QueryBasis = { kind: 'page' } | { kind: 'selection'; text: string };

/** A lookup (related articles, search) and its outcome. */
export type LookupState =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'done'; results: readonly RelatedResult[] }
  /** The page has no text to look up with. */
  | { state: 'no-text' }
  /** The page cannot be read (no content script there). */
  | { state: 'unreadable' }
  /** The background failed. */
  | { state: 'error'; error: string };

/** An article to open in the reader view. */
export interface OpenRequest {
  articleId: string;
  title: string;
  sentence: { start: number; end: number } | null;
}

export interface CorpusPanelProps {
  basis: QueryBasis;
  related: LookupState;
  /** Back from the selection to the whole page. */
  onShowPage(): void;
  /** Asks again after an error. */
  onRetry(): void;
  query: string;
  onQuery(query: string): void;
  /** Results of `query` (idle while it is empty). */
  search: LookupState;
  /** The article open in the reader view, or null for the lists. */
  reader: { state: ReaderState; sentence: OpenRequest['sentence'] } | null;
  onOpen(request: OpenRequest): void;
  onBack(): void;
  /** The current page's clippings, for "关联到摘录". */
  clippings: readonly ClippingChoice[];
  onLink(result: RelatedResult, clippingId: string): Promise<string | null>;
  library: CorpusManagerProps;
  /** 数字核对 of the page's figures (none when left out). */
  checks?: CrossCheckState;
  /** The entity profile open (实体档案), or null for the lists. */
  profile?: ProfileState | null;
  onProfile?(name: string, type: 'PERSON' | 'PLACE' | 'ORG' | 'DOC'): void;
  onCloseProfile?(): void;
  onOpenClipping?(id: string): void;
}

export interface SidePanelViewProps {
  page: PageState;
  /** Show the segmenter's details (开发者信息 in the options); off by default. */
  developer?: boolean;
  seeds: readonly SeedSummary[];
  /** Related articles, search, reader view and the reader's own articles. */
  corpus?: CorpusPanelProps;
}

const cutText = (text: string, max: number) => {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('');
};

/** Why a lookup has nothing to show, as one line for the reader (null when it has results or runs). */
export function emptyReason(state: LookupState, basis: QueryBasis | 'search'): { title: string; reason: string; error?: boolean } | null {
  switch (state.state) {
    case 'done':
      if (state.results.length > 0) return null;
      if (basis === 'search') return { title: t('sidepanelNoArticlesFound'), reason: t('sidepanelNoArticlesFoundReason') };
      return basis.kind === 'selection'
        ? { title: t('sidepanelNoRelated'), reason: t('sidepanelNoRelatedSelection') }
        : { title: t('sidepanelNoRelated'), reason: t('sidepanelNoRelatedPage') };
    case 'no-text':
      return { title: t('sidepanelNoRelated'), reason: t('sidepanelNoText') };
    case 'unreadable':
      return { title: t('sidepanelNoRelated'), reason: t('sidepanelUnreadable') };
    case 'error':
      return { title: t('sidepanelNoRelated'), reason: t('sidepanelLookupError', state.error), error: true };
    default:
      return null;
  }
}

function Lookup({ state, basis, corpus, label }: { state: LookupState; basis: QueryBasis | 'search'; corpus: CorpusPanelProps; label: string }) {
  if (state.state === 'idle') return null;
  if (state.state === 'loading') return <p className="muted loading">{basis === 'search' ? t('sidepanelSearching') : t('sidepanelFindingRelated')}</p>;
  const empty = emptyReason(state, basis);
  if (empty) {
    return (
      <div className={empty.error ? 'error empty-state' : 'empty empty-state'} role={empty.error ? 'alert' : 'status'}>
        <b>{empty.title}</b>
        <span>{empty.reason}</span>
        {empty.error && (
          <button type="button" onClick={corpus.onRetry}>
            {t('sidepanelRetry')}
          </button>
        )}
      </div>
    );
  }
  if (state.state !== 'done') return null;
  return (
    <RelatedList
      results={state.results}
      label={label}
      onOpen={(r) => corpus.onOpen({ articleId: r.articleId, title: r.title, sentence: r.sentence })}
      clippings={corpus.clippings}
      onLink={corpus.onLink}
    />
  );
}

/**
 * The side panel: the seed-corpus articles related to the current page (or to the selection on
 * it), a search over the corpus, a reader view of one article, the reader's own articles; below,
 * the page's segmentation and the seed files.
 */
export function SidePanelView({ page, seeds, corpus, developer = false }: SidePanelViewProps) {
  const reading = !!corpus?.reader || !!corpus?.profile;
  // Where the lists were when an article was opened: restored, with the focus, on the way back.
  const returnTo = useRef<{ articleId: string; scrollY: number } | null>(null);

  useLayoutEffect(() => {
    if (reading || !returnTo.current) return;
    const { articleId, scrollY } = returnTo.current;
    returnTo.current = null;
    window.scrollTo?.({ top: scrollY });
    const button = [...document.querySelectorAll<HTMLElement>('[data-article-id]')].find((el) => el.dataset.articleId === articleId);
    button?.focus({ preventScroll: true });
  }, [reading]);

  const panel = corpus
    ? {
        ...corpus,
        onOpen(request: OpenRequest) {
          returnTo.current = { articleId: request.articleId, scrollY: window.scrollY };
          corpus.onOpen(request);
        },
      }
    : undefined;

  // The selection's message around the quoted text (a character no message holds marks its place).
  const [beforeQuote, afterQuote = ''] = t('sidepanelSelectionBasis', '\u0000').split('\u0000');

  return (
    <main className="sidepanel">
      <Brand subtitle={t('sidepanelRelatedArticles')} />
      {panel?.reader && <ArticleReader reader={panel.reader.state} sentence={panel.reader.sentence} onBack={panel.onBack} />}
      {panel && !panel.reader && panel.profile && (
        <EntityProfileView
          profile={panel.profile}
          onBack={() => panel.onCloseProfile?.()}
          onOpenArticle={(r) => panel.onOpen(r)}
          onOpenClipping={(id) => panel.onOpenClipping?.(id)}
          onProfile={(name, type) => panel.onProfile?.(name, type)}
        />
      )}
      <div hidden={reading}>
        {panel && (
          <>
            <section className="section search-section" aria-label={t('sidepanelSearchCorpus')}>
              <input
                type="search"
                className="corpus-search"
                value={panel.query}
                onChange={(e) => panel.onQuery(e.target.value)}
                placeholder={t('sidepanelSearchPlaceholder')}
                aria-label={t('sidepanelSearchCorpus')}
              />
            </section>
            {panel.query.trim() ? (
              <section className="section" aria-labelledby="sp-search">
                <h2 id="sp-search">{t('sidepanelSearchResults')}</h2>
                <Lookup state={panel.search} basis="search" corpus={panel} label={t('sidepanelSearchResults')} />
              </section>
            ) : (
              <section className="section" aria-labelledby="sp-related">
                <h2 id="sp-related">{t('sidepanelRelatedArticles')}</h2>
                {panel.basis.kind === 'selection' ? (
                  <div className="basis">
                    <span className="small">
                      {beforeQuote}
                      <q>{cutText(panel.basis.text, 40)}</q>
                      {afterQuote}
                    </span>
                    <button type="button" onClick={panel.onShowPage}>
                      {t('sidepanelShowWholePage')}
                    </button>
                  </div>
                ) : (
                  panel.related.state === 'done' && panel.related.results.length > 0 && <p className="small muted basis-note">{t('sidepanelPageBasisNote')}</p>
                )}
                <Lookup state={panel.related} basis={panel.basis} corpus={panel} label={t('sidepanelRelatedArticles')} />
              </section>
            )}
            {panel.checks && !panel.query.trim() && (
              <section className="section" aria-labelledby="sp-checks">
                <h2 id="sp-checks">{t('checkHeading')}</h2>
                <CrossCheckList checks={panel.checks} onOpen={(r) => panel.onOpen(r)} />
              </section>
            )}
            <section className="section" aria-labelledby="sp-mine">
              <h2 id="sp-mine">{t('sidepanelMyArticles')}</h2>
              <CorpusManager
                {...panel.library}
                onOpen={(a) => panel.onOpen({ articleId: a.id, title: a.title, sentence: null })}
              />
            </section>
          </>
        )}
        <details className="section fold" open={!panel}>
          <summary>
            <h2 id="sp-page">{t('sidepanelPageSegmentation')}</h2>
          </summary>
          <PageStatus page={page} sampleSize={40} developer={developer} />
        </details>
        <details className="section fold" open={!panel}>
          <summary>
            <h2 id="sp-seeds">{t(seeds.length === 1 ? 'sidepanelSeedCorpusOne' : 'sidepanelSeedCorpus', seeds.length.toLocaleString(languageTag()))}</h2>
          </summary>
          {seeds.length === 0 ? (
            <p className="error">{t('sidepanelNoSeeds')}</p>
          ) : (
            <ul className="list">
              {seeds.map((s) => (
                // The file name (an internal id) only as a tooltip: the reader knows a document by its title.
                <li key={s.id} title={s.id}>
                  <div>{s.title}</div>
                  <div className="small muted">
                    {t('sidepanelChars', s.chars.toLocaleString(languageTag()))} · {t(s.headings === 1 ? 'sidepanelHeadingsOne' : 'sidepanelHeadings', s.headings.toLocaleString(languageTag()))}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </details>
      </div>
    </main>
  );
}
