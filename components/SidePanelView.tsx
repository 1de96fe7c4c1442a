import { useLayoutEffect, useRef } from 'react';
import type { SeedSummary } from '@/lib/corpus/seed-summary';
import type { RelatedResult } from '@/lib/messaging/corpus-protocol';
import { ArticleReader, type ReaderState } from './ArticleReader';
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
}

export interface SidePanelViewProps {
  page: PageState;
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
      if (basis === 'search') return { title: '没有找到文章', reason: '语料中没有文章含有这些词语，换个人名、地名或机构名试试。' };
      return basis.kind === 'selection'
        ? { title: '没有相关文章', reason: '选中的文字与语料中的文章没有共同的人物、地点、机构、文件或数字。' }
        : { title: '没有相关文章', reason: '本页与语料中的文章没有足够多共同的人物、地点、机构、文件或数字。' };
    case 'no-text':
      return { title: '没有相关文章', reason: '本页没有可读的正文，无法查找相关文章。' };
    case 'unreadable':
      return {
        title: '没有相关文章',
        reason: '无法读取本页：扩展没有在此页运行（浏览器页面，或不在官方新闻网站之列的网站；可在“设置”中启用）。',
      };
    case 'error':
      return { title: '没有相关文章', reason: `后台出错，未能查找：${state.error}`, error: true };
    default:
      return null;
  }
}

function Lookup({ state, basis, corpus, label }: { state: LookupState; basis: QueryBasis | 'search'; corpus: CorpusPanelProps; label: string }) {
  if (state.state === 'idle') return null;
  if (state.state === 'loading') return <p className="muted loading">{basis === 'search' ? '正在搜索…' : '正在查找相关文章…'}</p>;
  const empty = emptyReason(state, basis);
  if (empty) {
    return (
      <div className={empty.error ? 'error empty-state' : 'empty empty-state'} role={empty.error ? 'alert' : 'status'}>
        <b>{empty.title}</b>
        <span>{empty.reason}</span>
        {empty.error && (
          <button type="button" onClick={corpus.onRetry}>
            重试
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
export function SidePanelView({ page, seeds, corpus }: SidePanelViewProps) {
  const reading = !!corpus?.reader;
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

  return (
    <main className="sidepanel">
      <Brand subtitle="相关文章" />
      {panel?.reader && <ArticleReader reader={panel.reader.state} sentence={panel.reader.sentence} onBack={panel.onBack} />}
      <div hidden={reading}>
        {panel && (
          <>
            <section className="section search-section" aria-label="搜索语料">
              <input
                type="search"
                className="corpus-search"
                value={panel.query}
                onChange={(e) => panel.onQuery(e.target.value)}
                placeholder="搜索语料：人名、地名、机构、文号…"
                aria-label="搜索语料"
              />
            </section>
            {panel.query.trim() ? (
              <section className="section" aria-labelledby="sp-search">
                <h2 id="sp-search">搜索结果</h2>
                <Lookup state={panel.search} basis="search" corpus={panel} label="搜索结果" />
              </section>
            ) : (
              <section className="section" aria-labelledby="sp-related">
                <h2 id="sp-related">相关文章</h2>
                {panel.basis.kind === 'selection' ? (
                  <div className="basis">
                    <span className="small">
                      根据选中的文字：<q>{cutText(panel.basis.text, 40)}</q>
                    </span>
                    <button type="button" onClick={panel.onShowPage}>
                      显示整页相关文章
                    </button>
                  </div>
                ) : (
                  panel.related.state === 'done' && panel.related.results.length > 0 && <p className="small muted basis-note">根据本页正文；选中页面上的文字可只查这一段。</p>
                )}
                <Lookup state={panel.related} basis={panel.basis} corpus={panel} label="相关文章" />
              </section>
            )}
            <section className="section" aria-labelledby="sp-mine">
              <h2 id="sp-mine">我的文章</h2>
              <CorpusManager
                {...panel.library}
                onOpen={(a) => panel.onOpen({ articleId: a.id, title: a.title, sentence: null })}
              />
            </section>
          </>
        )}
        <details className="section fold" open={!panel}>
          <summary>
            <h2 id="sp-page">本页分词</h2>
          </summary>
          <PageStatus page={page} sampleSize={40} />
        </details>
        <details className="section fold" open={!panel}>
          <summary>
            <h2 id="sp-seeds">种子语料（{seeds.length} 篇文档）</h2>
          </summary>
          {seeds.length === 0 ? (
            <p className="error">没有找到种子语料：扩展安装包可能不完整。</p>
          ) : (
            <ul className="list">
              {seeds.map((s) => (
                <li key={s.id}>
                  <div>{s.title}</div>
                  <div className="small muted">
                    {s.chars.toLocaleString('zh-CN')} 字 · {s.headings} 个标题 · {s.id}
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
