import { useEffect, useRef } from 'react';
import { t } from '@/lib/i18n';
import type { WireEntityProfile, WireMention } from '@/lib/messaging/insight-protocol';
import { dateInWords, describeValue, typeLabel } from '@/lib/text/format-value';
import { originLabel } from './RelatedList';
import { useEscape } from './use-escape';

export type ProfileState =
  | { state: 'loading'; name: string }
  | { state: 'done'; name: string; profile: WireEntityProfile | null }
  | { state: 'error'; name: string; error: string };

export interface EntityProfileViewProps {
  profile: ProfileState;
  onBack(): void;
  /** Opens an article of a mention in the reader, at its sentence. */
  onOpenArticle(request: { articleId: string; title: string; sentence: { start: number; end: number } }): void;
  /** Opens a clipping (its page, scrolled to it). */
  onOpenClipping(id: string): void;
  /** The profile of another entity (a co-occurring one). */
  onProfile(name: string, type: 'PERSON' | 'PLACE' | 'ORG' | 'DOC'): void;
}

const ENTITY_TYPES = new Set(['PERSON', 'PLACE', 'ORG', 'DOC']);

/** The sentence of a mention with the mention marked (text only, never HTML). */
function MentionSentence({ m }: { m: WireMention }) {
  const at = m.start - m.sentenceStart;
  if (at < 0 || at + (m.end - m.start) > m.sentence.length) return <span>{m.sentence}</span>;
  return (
    <span>
      {m.sentence.slice(0, at)}
      <mark>{m.sentence.slice(at, at + (m.end - m.start))}</mark>
      {m.sentence.slice(at + (m.end - m.start))}
    </span>
  );
}

/**
 * 实体档案 in the side panel: the entity's type, full name and the names it is written with,
 * every mention across the seed corpus, 我的文章, 已读 and the clippings (newest first, with date,
 * where it comes from and the sentence; each opens its article at the sentence, or the
 * clipping), the names seen with it most (each opens their profile), and the figures stated
 * in the sentences about it.
 */
export function EntityProfileView({ profile, onBack, onOpenArticle, onOpenClipping, onProfile }: EntityProfileViewProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, [profile.name]);
  useEscape(onBack);

  let body;
  if (profile.state === 'loading') body = <p className="muted loading">{t('profileLoading', profile.name)}</p>;
  else if (profile.state === 'error')
    body = (
      <p className="error" role="alert">
        {t('profileError', profile.name, profile.error)}
      </p>
    );
  else if (!profile.profile)
    body = (
      <p className="empty empty-state" role="status">
        {t('profileNone', profile.name)}
      </p>
    );
  else {
    const p = profile.profile;
    body = (
      <>
        <p className="reader-meta">
          <span className="badge">{typeLabel(p.type)}</span>
          {p.aliases.length > 1 && <span>{t('profileAliases', p.aliases.join(' / '))}</span>}
          <span>{t('profileMentionCount', p.total)}</span>
        </p>
        <section aria-labelledby="profile-mentions">
          <h3 id="profile-mentions">{t('profileMentions')}</h3>
          <ol className="results profile-mentions" aria-label={t('profileMentions')}>
            {p.mentions.map((m) => (
              <li key={`${m.kind}:${m.id}:${m.start}`} className="result">
                <button
                  type="button"
                  className="result-title"
                  onClick={() =>
                    m.kind === 'clipping' ? onOpenClipping(m.id) : onOpenArticle({ articleId: m.id, title: m.title, sentence: { start: m.sentenceStart, end: m.sentenceEnd } })
                  }
                >
                  {m.title}
                </button>
                <span className="result-origin">
                  {[m.kind === 'clipping' ? t('profileClipping') : originLabel(m.origin as 'seed' | 'user' | 'history'), m.source, m.date ? dateInWords(m.date) : ''].filter(Boolean).join(' · ')}
                </span>
                <p className="result-sentence">
                  <MentionSentence m={m} />
                </p>
              </li>
            ))}
          </ol>
          {p.total > p.mentions.length && <p className="small muted">{t('profileMoreMentions', p.total - p.mentions.length)}</p>}
        </section>
        {p.cooccurring.length > 0 && (
          <section aria-labelledby="profile-with">
            <h3 id="profile-with">{t('profileCooccurring')}</h3>
            <ul className="chips" aria-label={t('profileCooccurring')}>
              {p.cooccurring.map((c) => (
                <li key={`${c.type}:${c.text}`}>
                  {ENTITY_TYPES.has(c.type) ? (
                    <button type="button" className={`chip type-${c.type}`} onClick={() => onProfile(c.text, c.type as 'PERSON' | 'PLACE' | 'ORG' | 'DOC')} title={t('profileOpenOther', c.text)}>
                      {c.text} <span className="muted">×{c.count}</span>
                    </button>
                  ) : (
                    <span className={`chip type-${c.type}`}>
                      {c.text} ×{c.count}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </section>
        )}
        {p.figures.length > 0 && (
          <section aria-labelledby="profile-figures">
            <h3 id="profile-figures">{t('profileFigures')}</h3>
            <ul className="profile-figures" aria-label={t('profileFigures')}>
              {p.figures.map((f, k) => (
                <li key={k}>
                  <b title={describeValue(f)?.machine}>{describeValue(f)?.words ?? f.text}</b>
                  <span className="small muted"> · {typeLabel(f.type)} · 《{f.title}》</span>
                  <p className="result-sentence">{f.sentence}</p>
                </li>
              ))}
            </ul>
          </section>
        )}
      </>
    );
  }

  return (
    <section className="section reader profile" aria-labelledby="profile-title">
      <div className="reader-bar">
        <button type="button" onClick={onBack}>
          {t('sidepanelBackToList')}
        </button>
        <span className="small muted">{t('profileHeading')}</span>
      </div>
      <h2 className="reader-title" id="profile-title" tabIndex={-1} ref={heading}>
        {profile.state === 'done' && profile.profile ? profile.profile.canonical : profile.name}
      </h2>
      {body}
    </section>
  );
}
