import type { ReactNode } from 'react';
import { t } from '@/lib/i18n';
import type { NameSourceInfo, WireSpan } from '@/lib/messaging/protocol';
import { Brand } from './Brand';
import { EntitySummary } from './EntitySummary';
import { PageStatus, type PageState } from './PageStatus';

export interface PopupViewProps {
  page: PageState;
  /** The entities and figures painted on the page; null where nothing runs. */
  entities?: readonly WireSpan[] | null;
  /** Where the page's names came from; a notice is shown when the model was not used. */
  names?: NameSourceInfo | null;
  onReveal?(span: WireSpan): void;
  hiddenTypes?: ReadonlySet<string>;
  onToggleType?(type: string): void;
  /** The page's host and whether annotation is off there; null where nothing runs. */
  site?: { host: string; off: boolean } | null;
  onToggleSite?(): void;
  /**
   * Set where no content script answers on an ordinary web page: the page's host if known (the
   * popup learns it from the click's `activeTab` grant), and the last error of an action.
   */
  offer?: { host: string | null; error?: string | null } | null;
  /** Annotate this page now, once (activeTab). */
  onAnnotateOnce?(): void;
  /** Ask for this site's permission and annotate it from now on. */
  onEnableSite?(host: string): void;
  /**
   * What the page's annotation covers (its article, the whole page, or nothing on a page without
   * an article) and whether 整页标注 is on; null where nothing runs.
   */
  scope?: { scope: 'article' | 'page' | 'light'; fullPage: boolean } | null;
  /** Switch 整页标注 (annotate menus and footers too) on or off. */
  onToggleFullPage?(): void;
  /** The clippings library (see `ClippingLibrary`). */
  library?: ReactNode;
  onOpenSidePanel(): void;
  onOpenOptions(): void;
  /** Show the page's developer details (segmentation time, sample tokens); off by default. */
  developer?: boolean;
}

/** The toolbar popup: the current page's status and the reader's library. */
export function PopupView({
  page,
  entities = null,
  names = null,
  onReveal = () => {},
  hiddenTypes,
  onToggleType,
  site = null,
  onToggleSite = () => {},
  offer = null,
  onAnnotateOnce = () => {},
  onEnableSite = () => {},
  scope = null,
  onToggleFullPage = () => {},
  library,
  onOpenSidePanel,
  onOpenOptions,
  developer = false,
}: PopupViewProps) {
  return (
    <main className="popup">
      <Brand subtitle={t('popupSubtitle')} />
      <section className="section" aria-labelledby="popup-page">
        <h2 id="popup-page">{t('popupPageHeading')}</h2>
        {site && (
          <div className="row site-switch">
            <span className="small">{site.host}</span>
            <button type="button" aria-pressed={!site.off} onClick={onToggleSite}>
              {site.off ? t('popupSiteOn') : t('popupSiteOff')}
            </button>
          </div>
        )}
        {offer ? (
          <div className="offer">
            <p className="empty">{offer.host ? t('popupNotListedHost', offer.host) : t('popupNotListed')}</p>
            <div className="row">
              <button type="button" className="primary" onClick={onAnnotateOnce}>
                {t('popupAnnotateOnce')}
              </button>
              {offer.host && (
                <button type="button" onClick={() => onEnableSite(offer.host!)}>
                  {t('popupAnnotateAlways')}
                </button>
              )}
            </div>
            <p className="small muted">{t('popupShortcutHint')}</p>
            {offer.error && (
              <p className="error" role="alert">
                {offer.error}
              </p>
            )}
          </div>
        ) : (
          <PageStatus page={page} sampleSize={entities?.length ? 0 : 18} developer={developer} />
        )}
        {site?.off ? (
          <div>
            <p className="empty">{t('popupSiteIsOff')}</p>
            <button type="button" onClick={onAnnotateOnce}>
              {t('popupAnnotateOnce')}
            </button>
          </div>
        ) : (
          <>
            {scope && (
              <div className="scope">
                <p className="small muted" role="status">
                  {scope.scope === 'article' ? t('popupScopeArticle') : scope.scope === 'page' ? t('popupScopePage') : t('popupScopeLight')}
                </p>
                <div className="row">
                  {scope.scope === 'light' && (
                    <button type="button" onClick={onAnnotateOnce}>
                      {t('popupAnnotateWholePage')}
                    </button>
                  )}
                  <label className="small">
                    <input type="checkbox" checked={scope.fullPage} onChange={onToggleFullPage} /> {t('popupFullPage')}
                  </label>
                </div>
              </div>
            )}
            {names?.source === 'rules' && (
              <p className="warning small" role="status">
                {names.error ? t('popupNamesByRulesError', names.error) : t('popupNamesByRules')}
              </p>
            )}
            {!(scope?.scope === 'light' && !entities?.length) && (
              <EntitySummary entities={entities} onReveal={onReveal} hiddenTypes={hiddenTypes} onToggleType={onToggleType} />
            )}
          </>
        )}
      </section>
      <section className="section" aria-labelledby="popup-library">
        <h2 id="popup-library">{t('popupLibraryHeading')}</h2>
        {library ?? (
          <p className="empty">{t('popupLibraryEmpty')}</p>
        )}
      </section>
      <footer className="section row">
        <button type="button" className="primary" onClick={onOpenSidePanel}>
          {t('popupOpenSidePanel')}
        </button>
        <button type="button" onClick={onOpenOptions}>
          {t('popupOptions')}
        </button>
      </footer>
    </main>
  );
}
