import { hostOrUrl } from '@/lib/sites';
import { useEffect, useRef, type ReactNode } from 'react';
import type { corpusBackgroundProtocol } from '@/lib/messaging/corpus-protocol';
import type { ResponseOf } from '@/lib/messaging';
import type { WireSpan } from '@/lib/messaging/span';
import { languageTag, t } from '@/lib/i18n';
import { TYPE_ORDER, dateInWords, typeLabel } from '@/lib/text/format-value';
import { originLabel } from './RelatedList';
import { useEscape } from './use-escape';

/** An article as `corpus/article` sends it. */
export type ReaderArticle = NonNullable<ResponseOf<typeof corpusBackgroundProtocol, 'corpus/article'>['article']>;

export type ReaderState =
  | { state: 'loading'; title: string }
  | { state: 'error'; title: string; error: string }
  | { state: 'done'; article: ReaderArticle | null; spans: readonly WireSpan[] };

export interface ArticleReaderProps {
  reader: ReaderState;
  /** The sentence to mark and scroll to (offsets into the article's text). */
  sentence?: { start: number; end: number } | null;
  onBack(): void;
}

/** One piece of a paragraph: plain, or an entity of a type; `match` inside the marked sentence. */
export interface ReaderPiece {
  text: string;
  start: number;
  type?: string;
  match: boolean;
}

/**
 * The article's text as paragraphs (one a line) of pieces: the spans' entities, and the
 * sentence `[start, end)` marked as `match`. Overlapping spans keep the first (the longer one
 * when both start together); spans outside the text are ignored. Never throws.
 */
export function readerParagraphs(text: string, spans: readonly WireSpan[], sentence?: { start: number; end: number } | null): ReaderPiece[][] {
  const sorted = spans
    .filter((s) => s.start >= 0 && s.end <= text.length && s.end > s.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: WireSpan[] = [];
  for (const s of sorted) if (kept.length === 0 || s.start >= kept[kept.length - 1]!.end) kept.push(s);

  const paragraphs: ReaderPiece[][] = [];
  const lineRe = /[^\n]+/g;
  let k = 0;
  for (let m = lineRe.exec(text); m; m = lineRe.exec(text)) {
    const ps = m.index;
    const pe = ps + m[0].length;
    if (!m[0].trim()) continue;
    const cuts = new Set([ps, pe]);
    while (k < kept.length && kept[k]!.end <= ps) k++;
    const inside: WireSpan[] = [];
    for (let j = k; j < kept.length && kept[j]!.start < pe; j++) {
      const s = kept[j]!;
      inside.push(s);
      cuts.add(Math.max(ps, s.start));
      cuts.add(Math.min(pe, s.end));
    }
    if (sentence) for (const at of [sentence.start, sentence.end]) if (at > ps && at < pe) cuts.add(at);
    const points = [...cuts].sort((a, b) => a - b);
    const pieces: ReaderPiece[] = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i]!;
      const b = points[i + 1]!;
      const span = inside.find((s) => s.start <= a && a < s.end);
      const piece: ReaderPiece = { text: text.slice(a, b), start: a, match: !!sentence && a >= sentence.start && a < sentence.end };
      if (span) piece.type = span.type;
      pieces.push(piece);
    }
    paragraphs.push(pieces);
  }
  return paragraphs;
}

function renderPiece(p: ReaderPiece): ReactNode {
  if (!p.type) return <span key={p.start}>{p.text}</span>;
  return (
    <mark key={p.start} className={`ent type-${p.type}`} data-type={p.type} title={typeLabel(p.type)}>
      {p.text}
    </mark>
  );
}

/** A paragraph with the pieces of the matching sentence grouped in one element. */
function renderParagraph(pieces: ReaderPiece[], i: number, matchRef: (el: HTMLElement | null) => void): ReactNode {
  const out: ReactNode[] = [];
  let group: ReaderPiece[] = [];
  const flush = () => {
    if (group.length === 0) return;
    out.push(
      <mark key={`m${group[0]!.start}`} className="match" ref={matchRef}>
        {group.map(renderPiece)}
      </mark>,
    );
    group = [];
  };
  for (const p of pieces) {
    if (p.match) group.push(p);
    else {
      flush();
      out.push(renderPiece(p));
    }
  }
  flush();
  return <p key={i}>{out}</p>;
}

/** The seed file name, the added article's address or nothing. */
function whereFrom(a: ReaderArticle): ReactNode {
  if (a.seed) return <span>{t('sidepanelSeedFile', a.seed)}</span>;
  if (a.url && /^https?:/i.test(a.url)) {
    return (
      <a href={a.url} target="_blank" rel="noreferrer noopener">
        {hostOrUrl(a.url)}
      </a>
    );
  }
  return null;
}

/**
 * The reader view: one article of the corpus with its headlines, byline, source and seed file,
 * its entities highlighted in the page colors (with a legend), the matching sentence marked and
 * scrolled into view. The back button takes the focus; Esc goes back too.
 */
export function ArticleReader({ reader, sentence, onBack }: ArticleReaderProps) {
  const backRef = useRef<HTMLButtonElement>(null);
  const matchEl = useRef<HTMLElement | null>(null);
  const done = reader.state === 'done' ? reader : null;

  // Opened at its top, the back button focused; the matching sentence is scrolled to once loaded.
  useEffect(() => {
    window.scrollTo?.({ top: 0 });
    backRef.current?.focus({ preventScroll: true });
  }, []);

  useEffect(() => {
    if (!done?.article) return;
    const el = matchEl.current;
    el?.scrollIntoView?.({ block: 'center' });
  }, [done]);

  // Esc goes back wherever the focus is in the panel (the reader covers the whole panel).
  useEscape(onBack);

  let body: ReactNode;
  if (reader.state === 'loading') body = <p className="muted">{t('sidepanelOpening', reader.title)}</p>;
  else if (reader.state === 'error')
    body = (
      <p className="error" role="alert">
        {t('sidepanelOpenFailed', reader.title, reader.error)}
      </p>
    );
  else if (!reader.article) body = <p className="empty">{t('sidepanelArticleGone')}</p>;
  else {
    const a = reader.article;
    const counts = new Map<string, number>();
    for (const s of reader.spans) counts.set(s.type, (counts.get(s.type) ?? 0) + 1);
    let first = true;
    const matchRef = (el: HTMLElement | null) => {
      // The first group of the sentence is where to scroll.
      if (el && first) {
        matchEl.current = el;
        first = false;
      }
    };
    const from = whereFrom(a);
    body = (
      <>
        {a.kicker && <p className="reader-kicker">{a.kicker}</p>}
        <h2 className="reader-title" id="reader-title">
          {a.title}
        </h2>
        {a.subtitle && <p className="reader-subtitle">{a.subtitle}</p>}
        <p className="reader-meta">
          <span className={`badge ${a.origin === 'seed' ? '' : 'user'}`}>{originLabel(a.origin)}</span>
          {a.byline && <span>{a.byline}</span>}
          {a.source && <span>{t('sidepanelSource', a.source)}</span>}
          {a.published && <span>{t('sidepanelPublished', dateInWords(a.published))}</span>}
          {from}
        </p>
        {counts.size > 0 && (
          <ul className="legend" aria-label={t('sidepanelLegend')}>
            {TYPE_ORDER.filter((type) => counts.has(type)).map((type) => (
              <li key={type}>
                <span className={`type-dot type-${type}`} aria-hidden="true" />
                {typeLabel(type)} <span className="muted">{counts.get(type)!.toLocaleString(languageTag())}</span>
              </li>
            ))}
            {sentence && (
              <li>
                <span className="legend-match" aria-hidden="true" />
                {t('sidepanelMatchingSentence')}
              </li>
            )}
          </ul>
        )}
        <div className="reader-text">{readerParagraphs(a.text, reader.spans, sentence).map((p, i) => renderParagraph(p, i, matchRef))}</div>
      </>
    );
  }

  return (
    <article className="reader" aria-labelledby={done?.article ? 'reader-title' : undefined} aria-label={done?.article ? undefined : t('sidepanelArticle')}>
      <div className="reader-bar">
        <button type="button" ref={backRef} onClick={onBack} aria-keyshortcuts="Escape">
          {t('sidepanelBackToList')}
        </button>
        <span className="small muted">{t('sidepanelEscBack')}</span>
      </div>
      {body}
    </article>
  );
}
