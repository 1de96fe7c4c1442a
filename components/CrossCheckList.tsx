import { t } from '@/lib/i18n';
import { differenceInWords, reasonInWords, VERDICT_ORDER, verdictWord } from '@/lib/text/check-words';
import type { WireCrossCheckMatch, WireCrossCheckResult } from '@/lib/messaging/insight-protocol';
import { dateInWords, describeValue } from '@/lib/text/format-value';
import { originLabel } from './RelatedList';

export type CrossCheckState =
  | { state: 'none' }
  | { state: 'pending' }
  | { state: 'done'; results: WireCrossCheckResult[] }
  | { state: 'failed'; error: string }
  /** The page cannot be read (no content script). */
  | { state: 'unreadable' };

export interface CrossCheckListProps {
  checks: CrossCheckState;
  /** Opens the corpus article of a statement at its sentence. */
  onOpen(request: { articleId: string; title: string; sentence: { start: number; end: number } }): void;
}

/** The difference of a `different` statement: amount in the figure's terms and share. */
function differenceWords(m: WireCrossCheckMatch): string {
  if (!m.difference) return '';
  const { amount, share } = differenceInWords(m.figure, m.difference);
  return t('checkDifference', amount, share);
}

/**
 * 数字核对 in the side panel: each figure of the page that the corpus states something about,
 * with every statement found, 不同 first: the page's sentence and the corpus's side by side, the
 * verdict, the difference (amount and share) or why they are compatible, and the article (it
 * opens at that sentence). Figures nothing is said about are not listed.
 */
export function CrossCheckList({ checks, onOpen }: CrossCheckListProps) {
  if (checks.state === 'pending') return <p className="muted loading">{t('checkPending')}</p>;
  if (checks.state === 'failed')
    return (
      <p className="error" role="alert">
        {t('cardCheckFailed', checks.error)}
      </p>
    );
  if (checks.state === 'unreadable') return <p className="muted">{t('sidepanelUnreadable')}</p>;
  const results = checks.state === 'done' ? checks.results.filter((r) => r.matches.length > 0) : [];
  if (!results.length)
    return (
      <p className="empty empty-state" role="status">
        {checks.state === 'none' ? t('checkNoFigures') : t('checkNothing')}
      </p>
    );
  const ordered = [...results].sort((a, b) => Math.min(...a.matches.map((m) => VERDICT_ORDER[m.verdict])) - Math.min(...b.matches.map((m) => VERDICT_ORDER[m.verdict])) || a.figure.start - b.figure.start);
  return (
    <ol className="results checks" aria-label={t('checkHeading')}>
      {ordered.map((r) => (
        <li key={`${r.figure.start}:${r.figure.end}`} className="result check-item">
          <div className="check-figure">
            <b title={describeValue(r.figure)?.machine}>{r.figure.text}</b>
            <span className="small muted"> {describeValue(r.figure)?.words}</span>
          </div>
          <ul className="check-matches">
            {[...r.matches]
              .sort((a, b) => VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict])
              .map((m) => (
                <li key={`${m.articleId}:${m.figure.start}`} className={`check-match ${m.verdict}`}>
                  <span className={`verdict ${m.verdict}`}>{verdictWord(m.verdict)}</span>{' '}
                  <span className="small">
                    {m.verdict === 'different' ? differenceWords(m) : m.verdict === 'compatible' ? reasonInWords(m.reason) : t('checkSameValue')}
                  </span>
                  <div className="check-sides">
                    <div className="check-side">
                      <span className="small muted">{t('checkThisPage')}</span>
                      <p className="result-sentence">{r.sentence}</p>
                    </div>
                    <div className="check-side">
                      <button type="button" className="result-title" onClick={() => onOpen({ articleId: m.articleId, title: m.title, sentence: { start: m.sentenceStart, end: m.sentenceEnd } })}>
                        {m.title}
                      </button>
                      <span className="small muted">
                        {' '}
                        {[originLabel(m.origin as 'seed' | 'user' | 'history'), m.source, m.published ? dateInWords(m.published) : ''].filter(Boolean).join(' · ')}
                      </span>
                      <p className="result-sentence">{m.sentence}</p>
                    </div>
                  </div>
                </li>
              ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
