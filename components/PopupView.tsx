import type { ReactNode } from 'react';
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
}: PopupViewProps) {
  return (
    <main className="popup">
      <Brand subtitle="本页与摘录库" />
      <section className="section" aria-labelledby="popup-page">
        <h2 id="popup-page">本页</h2>
        {site && (
          <div className="row site-switch">
            <span className="small">{site.host}</span>
            <button type="button" aria-pressed={!site.off} onClick={onToggleSite}>
              {site.off ? '在本站开启标注' : '在本站关闭标注'}
            </button>
          </div>
        )}
        {offer ? (
          <div className="offer">
            <p className="empty">本页不在自动标注的网站之列{offer.host ? `（${offer.host}）` : ''}。</p>
            <div className="row">
              <button type="button" className="primary" onClick={onAnnotateOnce}>
                仅此一次标注本页
              </button>
              {offer.host && (
                <button type="button" onClick={() => onEnableSite(offer.host!)}>
                  始终在此网站标注
                </button>
              )}
            </div>
            <p className="small muted">快捷键 Alt+Shift+A 也可标注当前页面。</p>
            {offer.error && (
              <p className="error" role="alert">
                {offer.error}
              </p>
            )}
          </div>
        ) : (
          <PageStatus page={page} sampleSize={entities?.length ? 0 : 18} />
        )}
        {site?.off ? (
          <div>
            <p className="empty">本站的标注已关闭。</p>
            <button type="button" onClick={onAnnotateOnce}>
              仅此一次标注本页
            </button>
          </div>
        ) : (
          <>
            {scope && (
              <div className="scope">
                <p className="small muted" role="status">
                  {scope.scope === 'article'
                    ? '只标注本页的文章（标题、正文、署名），不含菜单、栏目和页脚。'
                    : scope.scope === 'page'
                      ? '已标注整页。'
                      : '本页没有找到文章正文（如首页、目录页），未自动标注；选中的文字会被标注。'}
                </p>
                <div className="row">
                  {scope.scope === 'light' && (
                    <button type="button" onClick={onAnnotateOnce}>
                      标注整页
                    </button>
                  )}
                  <label className="small">
                    <input type="checkbox" checked={scope.fullPage} onChange={onToggleFullPage} /> 整页标注（含菜单、栏目和页脚）
                  </label>
                </div>
              </div>
            )}
            {names?.source === 'rules' && (
              <p className="warning small" role="status">
                人名、地名和机构名暂由规则识别：名称模型未能加载{names.error ? `（${names.error}）` : ''}。
              </p>
            )}
            {!(scope?.scope === 'light' && !entities?.length) && (
              <EntitySummary entities={entities} onReveal={onReveal} hiddenTypes={hiddenTypes} onToggleType={onToggleType} />
            )}
          </>
        )}
      </section>
      <section className="section" aria-labelledby="popup-library">
        <h2 id="popup-library">摘录库</h2>
        {library ?? (
          <p className="empty">
            还没有摘录。在新闻页面上选中文字后点击“保存摘录”，摘录会保存在本机，可在这里搜索、加标签和导出。
          </p>
        )}
      </section>
      <footer className="section row">
        <button type="button" className="primary" onClick={onOpenSidePanel}>
          打开侧边栏
        </button>
        <button type="button" onClick={onOpenOptions}>
          设置
        </button>
      </footer>
    </main>
  );
}
