import { useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { languageTag, t } from '@/lib/i18n';
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
  /** Opens a name's entity profile (实体档案) in the side panel. */
  onProfile?(span: WireSpan): void;
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
  /** How many clippings the library holds, shown on its tab (nothing while unknown or none). */
  libraryCount?: number;
  /**
   * The tab shown: 本页 (`page`) or 摘录库 (`library`); null while the popup has not chosen yet
   * (neither panel shows). Without it, the popup keeps its own, starting on 本页.
   */
  tab?: PopupTab | null;
  /** The reader chose a tab (click, or arrow keys in the tab list). */
  onTab?(tab: PopupTab): void;
  onOpenSidePanel(): void;
  onOpenOptions(): void;
  /** Show the page's developer details (segmentation time, sample tokens); off by default. */
  developer?: boolean;
}

export type PopupTab = 'page' | 'library';
const TABS: readonly PopupTab[] = ['page', 'library'];

/**
 * The toolbar popup: two tabs, the current page's status (本页) and the reader's library
 * (摘录库), over one scrolling page (the tab list stays at the top, the buttons at the bottom).
 */
export function PopupView({
  page,
  entities = null,
  names = null,
  onReveal = () => {},
  onProfile,
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
  libraryCount,
  tab: controlledTab,
  onTab,
  onOpenSidePanel,
  onOpenOptions,
  developer = false,
}: PopupViewProps) {
  const [ownTab, setOwnTab] = useState<PopupTab>('page');
  const tab = controlledTab === undefined ? ownTab : controlledTab;
  const tabRefs = useRef<Record<PopupTab, HTMLButtonElement | null>>({ page: null, library: null });
  // Each tab's place on the page, restored when the reader comes back to it.
  const scrolls = useRef<Record<PopupTab, number>>({ page: 0, library: 0 });
  const shown = useRef(tab);

  useLayoutEffect(() => {
    if (!tab || tab === shown.current) return;
    shown.current = tab;
    window.scrollTo?.({ top: scrolls.current[tab] });
  }, [tab]);

  const choose = (next: PopupTab, focus = false) => {
    if (shown.current) scrolls.current[shown.current] = window.scrollY;
    if (controlledTab === undefined) setOwnTab(next);
    onTab?.(next);
    if (focus) tabRefs.current[next]?.focus();
  };

  // Left and right (round), Home and End move between the tabs and show the one reached (WAI-ARIA
  // tabs with automatic activation); up and down still scroll the page.
  const onTabKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = TABS.indexOf(tab ?? 'page');
    const to =
      e.key === 'ArrowRight'
        ? (at + 1) % TABS.length
        : e.key === 'ArrowLeft'
          ? (at + TABS.length - 1) % TABS.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? TABS.length - 1
              : -1;
    if (to < 0) return;
    e.preventDefault();
    choose(TABS[to]!, true);
  };

  const tabButton = (id: PopupTab, label: string, count?: number) => (
    <button
      type="button"
      role="tab"
      id={`popup-tab-${id}`}
      ref={(el) => {
        tabRefs.current[id] = el;
      }}
      aria-selected={tab === id}
      aria-controls={`popup-panel-${id}`}
      tabIndex={tab === id || (!tab && id === 'page') ? 0 : -1}
      className="popup-tab"
      onClick={() => choose(id)}
    >
      {label}
      {count !== undefined && count > 0 && (
        <span className="tab-count" aria-hidden="true">
          {count.toLocaleString(languageTag())}
        </span>
      )}
    </button>
  );

  return (
    <main className="popup">
      <Brand subtitle={t('popupSubtitle')} />
      <div className="popup-tabs" role="tablist" aria-label={t('popupTabsLabel')} onKeyDown={onTabKey}>
        {tabButton('page', t('popupPageHeading'))}
        {tabButton('library', t('popupLibraryHeading'), libraryCount)}
      </div>
      <section className="section popup-panel" id="popup-panel-page" role="tabpanel" aria-labelledby="popup-tab-page" hidden={tab !== 'page'}>
        <h2 id="popup-page" className="visually-hidden">
          {t('popupPageHeading')}
        </h2>
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
              <EntitySummary entities={entities} onReveal={onReveal} onProfile={onProfile} hiddenTypes={hiddenTypes} onToggleType={onToggleType} />
            )}
          </>
        )}
      </section>
      <section className="section popup-panel" id="popup-panel-library" role="tabpanel" aria-labelledby="popup-tab-library" hidden={tab !== 'library'}>
        <h2 id="popup-library" className="visually-hidden">
          {t('popupLibraryHeading')}
        </h2>
        {library ?? <p className="empty">{t('popupLibraryEmpty')}</p>}
      </section>
      <footer className="section row popup-foot">
        <button type="button" className="primary" onClick={onOpenSidePanel}>
          {/* Firefox calls it a sidebar. */}
          {t(import.meta.env.FIREFOX ? 'popupOpenSidebar' : 'popupOpenSidePanel')}
        </button>
        <button type="button" onClick={onOpenOptions}>
          {t('popupOptions')}
        </button>
      </footer>
    </main>
  );
}
