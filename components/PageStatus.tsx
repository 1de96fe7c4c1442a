import { languageTag, t } from '@/lib/i18n';
import type { ActivePageState } from '@/lib/messaging/active-page';
import type { PageSegmentation } from '@/lib/messaging/protocol';

/** What is known about the current tab's page; `inactive`: no content script answers there. */
export type PageState = { state: 'loading' } | ActivePageState;

/** Where the segmenter ran, in the UI's language (called at render: the language is set by then). */
function hostLabel(host: PageSegmentation['host']): string {
  switch (host) {
    case 'offscreen':
      return t('popupHostOffscreen');
    case 'service-worker':
      return t('popupHostServiceWorker');
    case 'background-page':
      return t('popupHostBackgroundPage');
  }
}

/** Tokens worth showing as examples: words and numbers, not punctuation or spaces. */
const WORDLIKE = /[\p{L}\p{N}]/u;

export interface PageStatusProps {
  page: PageState;
  /** How many sample tokens to show; 0 hides them. Only shown with `developer`. */
  sampleSize?: number;
  /**
   * Show the developer's details (words, segmentation time and where it ran, sample tokens with
   * their tags); otherwise only how much of the page was read.
   */
  developer?: boolean;
}

/** The current page's round trip through the segmenter: text read, words back, time taken. */
export function PageStatus({ page, sampleSize = 24, developer = false }: PageStatusProps) {
  switch (page.state) {
    case 'loading':
      return <p className="muted">{t('popupStatusLoading')}</p>;
    case 'inactive':
      return <p className="empty">{t('popupStatusInactive')}</p>;
    case 'pending':
      return <p className="muted">{t('popupStatusPending')}</p>;
    case 'failed':
      return (
        <p className="error" role="alert">
          {t('popupStatusFailed', page.error)}
        </p>
      );
    case 'done': {
      const r = page.result;
      const tag = languageTag();
      if (!developer) return <p className="muted">{t('popupStatusRead', r.chars.toLocaleString(tag))}</p>;
      return (
        <div>
          <div className="stats">
            <div className="stat">
              <b>{r.chars.toLocaleString(tag)}</b>
              <span>{t('popupStatChars')}</span>
            </div>
            <div className="stat">
              <b>{r.tokens.toLocaleString(tag)}</b>
              <span>{t('popupStatTokens')}</span>
            </div>
            <div className="stat">
              <b>{Math.round(r.ms)} ms</b>
              <span>{t('popupStatSegmentedIn', hostLabel(r.host))}</span>
            </div>
          </div>
          {sampleSize > 0 && (
            <div className="tokens" aria-label={t('popupSampleTokens')}>
              {r.sample
                .filter((token) => WORDLIKE.test(token.word))
                .slice(0, sampleSize)
                .map((token) => (
                  <span className="token" key={token.start}>
                    {token.word}
                    <small>{token.tag}</small>
                  </span>
                ))}
            </div>
          )}
        </div>
      );
    }
  }
}
