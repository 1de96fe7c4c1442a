import type { WireSpan } from '@/lib/messaging/protocol';
import { Brand } from './Brand';
import { EntitySummary } from './EntitySummary';
import { PageStatus, type PageState } from './PageStatus';

export interface PopupViewProps {
  page: PageState;
  /** The entities and figures painted on the page; null where nothing runs. */
  entities?: readonly WireSpan[] | null;
  onReveal?(span: WireSpan): void;
  hiddenTypes?: ReadonlySet<string>;
  onToggleType?(type: string): void;
  /** The page's host and whether annotation is off there; null where nothing runs. */
  site?: { host: string; off: boolean } | null;
  onToggleSite?(): void;
  onOpenSidePanel(): void;
  onOpenOptions(): void;
}

/** The toolbar popup: the current page's status and the reader's library. */
export function PopupView({
  page,
  entities = null,
  onReveal = () => {},
  hiddenTypes,
  onToggleType,
  site = null,
  onToggleSite = () => {},
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
        <PageStatus page={page} sampleSize={entities?.length ? 0 : 18} />
        {site?.off ? (
          <p className="empty">本站的标注已关闭。</p>
        ) : (
          <EntitySummary entities={entities} onReveal={onReveal} hiddenTypes={hiddenTypes} onToggleType={onToggleType} />
        )}
      </section>
      <section className="section" aria-labelledby="popup-library">
        <h2 id="popup-library">摘录库</h2>
        <p className="empty">
          还没有摘录。在新闻页面上选中文字后点击“保存摘录”，摘录会保存在本机，可在这里搜索、加标签和导出。
        </p>
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
