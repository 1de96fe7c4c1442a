import { hostOrUrl } from '@/lib/sites';
import { useId, useState } from 'react';
import { t } from '@/lib/i18n';
import { dateInWords } from '@/lib/text/format-value';
import type { RelatedResult } from '@/lib/messaging/corpus-protocol';

/** A clipping of the current page that an article can be linked to. */
export interface ClippingChoice {
  id: string;
  quote: string;
  /** Articles already linked to it. */
  relatedIds: readonly string[];
}

export interface RelatedListProps {
  results: readonly RelatedResult[];
  /** Names the list for screen readers (相关文章, 搜索结果). */
  label: string;
  /** Opens an article in the reader view. */
  onOpen(result: RelatedResult): void;
  /** The current page's clippings; "关联到摘录" is offered when there is one. */
  clippings?: readonly ClippingChoice[];
  /** Adds the article to the clipping's related articles; resolves with an error message or null. */
  onLink?(result: RelatedResult, clippingId: string): Promise<string | null>;
}

/** One run of a text, emphasised (`hit`) or not. */
export interface TextRun {
  text: string;
  hit: boolean;
}

/**
 * Cuts `text` into runs, emphasising every occurrence of `words` (longest words first, no
 * overlaps; case-insensitive; words shorter than two characters are ignored, they would mark
 * half of any Chinese sentence). Never throws; without matches it is one plain run.
 */
export function emphasize(text: string, words: readonly string[]): TextRun[] {
  const marked = new Uint8Array(text.length);
  const lower = text.toLowerCase();
  const wanted = [...new Set(words.map((w) => w.trim().toLowerCase()).filter((w) => w.length >= 2))].sort((a, b) => b.length - a.length);
  for (const word of wanted) {
    for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) {
      if (marked.subarray(at, at + word.length).some((m) => m === 1)) continue;
      marked.fill(1, at, at + word.length);
      at += word.length - 1;
    }
  }
  const runs: TextRun[] = [];
  for (let i = 0; i < text.length; ) {
    let j = i + 1;
    while (j < text.length && marked[j] === marked[i]) j++;
    runs.push({ text: text.slice(i, j), hit: marked[i] === 1 });
    i = j;
  }
  return runs;
}

/** The name of where an article comes from: 种子文章, 我的文章, 已读. */
export function originLabel(origin: RelatedResult['origin']): string {
  return origin === 'user' ? t('sidepanelMyArticles') : origin === 'history' ? t('sidepanelHistoryArticle') : t('sidepanelSeedArticle');
}

/**
 * "种子文章 · 人民日报 · 2月25日", "我的文章 · 青海新闻网 · 2024年4月24日 · www.qhnews.com": where
 * an article comes from and when it was published (when known).
 * A seed article's file name (an internal id, `002_….txt`) is shown only when it has no source.
 */
export function originLine(r: Pick<RelatedResult, 'origin' | 'source' | 'seed' | 'url' | 'published'>): string {
  const parts = [originLabel(r.origin)];
  if (r.source) parts.push(r.source);
  if (r.published) parts.push(dateInWords(r.published));
  if (r.seed) {
    if (!r.source) parts.push(r.seed);
  } else if (r.url) {
    parts.push(hostOrUrl(r.url));
  }
  return parts.join(' · ');
}

const percent = (score: number) => Math.round(Math.max(0, Math.min(1, score)) * 100);

/** Related or found articles, each with its score, shared entities and best matching sentence. */
export function RelatedList({ results, label, onOpen, clippings = [], onLink }: RelatedListProps) {
  return (
    <ol className="results" aria-label={label}>
      {results.map((r) => (
        <RelatedItem key={r.articleId} result={r} onOpen={onOpen} clippings={clippings} onLink={onLink} />
      ))}
    </ol>
  );
}

interface RelatedItemProps {
  result: RelatedResult;
  onOpen(result: RelatedResult): void;
  clippings: readonly ClippingChoice[];
  onLink?: RelatedListProps['onLink'];
}

function RelatedItem({ result: r, onOpen, clippings, onLink }: RelatedItemProps) {
  const pct = percent(r.score);
  const chips = r.shared.length > 0 ? r.shared : r.sharedTerms;
  return (
    <li className="result">
      <button type="button" className="result-title" data-article-id={r.articleId} onClick={() => onOpen(r)} title={t('sidepanelReadInPanel')}>
        {r.title}
      </button>
      <div className="result-meta">
        <span className="result-origin">{originLine(r)}</span>
        <span className="score" role="meter" aria-label={t('sidepanelRelevance')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-valuetext={`${pct}%`}>
          <span className="score-bar" aria-hidden="true">
            <span style={{ width: `${Math.max(pct, 3)}%` }} />
          </span>
          <span className="score-num">{pct}%</span>
        </span>
      </div>
      {chips.length > 0 && (
        <ul className={r.shared.length > 0 ? 'chips' : 'chips terms'} aria-label={r.shared.length > 0 ? t('sidepanelSharedEntities') : t('sidepanelSharedTerms')}>
          {chips.slice(0, 8).map((c) => (
            <li className="chip" key={c}>
              {c}
            </li>
          ))}
        </ul>
      )}
      {r.sentence && (
        <p className="result-sentence">
          {emphasize(r.sentence.text, [...r.shared, ...r.sharedTerms]).map((run, i) => (run.hit ? <mark key={i}>{run.text}</mark> : <span key={i}>{run.text}</span>))}
        </p>
      )}
      {onLink && clippings.length > 0 && <LinkToClipping result={r} clippings={clippings} onLink={onLink} />}
    </li>
  );
}

function shortQuote(quote: string, max = 28): string {
  const q = quote.replace(/\s+/g, ' ').trim();
  return [...q].length > max ? `${[...q].slice(0, max).join('')}…` : q;
}

/** "关联到摘录": pick one of the page's clippings and add the article to its related articles. */
function LinkToClipping({ result, clippings, onLink }: { result: RelatedResult; clippings: readonly ClippingChoice[]; onLink: NonNullable<RelatedListProps['onLink']> }) {
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState(clippings.find((c) => !c.relatedIds.includes(result.articleId))?.id ?? clippings[0]!.id);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const linkedAll = clippings.every((c) => c.relatedIds.includes(result.articleId));
  const current = clippings.find((c) => c.id === chosen) ?? clippings[0]!;
  const already = current.relatedIds.includes(result.articleId);

  const link = async () => {
    setBusy(true);
    const error = await onLink(result, current.id);
    setBusy(false);
    setStatus(error ? { ok: false, text: error } : { ok: true, text: t('sidepanelLinkedToQuote', shortQuote(current.quote, 16)) });
  };

  return (
    <div className="link-clip">
      <button type="button" className="link" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        {linkedAll ? t('sidepanelLinkedToClipping') : t('sidepanelLinkToClipping')}
      </button>
      {open && (
        <div className="link-picker" id={id} role="group" aria-label={t('sidepanelLinkToClipping')}>
          <select aria-label={t('sidepanelChooseClipping')} value={current.id} onChange={(e) => { setChosen(e.target.value); setStatus(null); }}>
            {clippings.map((c) => (
              <option key={c.id} value={c.id}>
                {c.relatedIds.includes(result.articleId) ? t('sidepanelClippingLinked', shortQuote(c.quote)) : shortQuote(c.quote)}
              </option>
            ))}
          </select>
          <button type="button" onClick={() => void link()} disabled={busy || already}>
            {already ? t('sidepanelLinked') : t('sidepanelLink')}
          </button>
          {status && (
            <p className={status.ok ? 'small ok-text' : 'small error-text'} role={status.ok ? 'status' : 'alert'}>
              {status.text}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
