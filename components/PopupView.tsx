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
  onOpenSidePanel(): void;
  onOpenOptions(): void;
}

/** The toolbar popup: the current page's status and the reader's library. */
export function PopupView({ page, entities = null, onReveal = () => {}, hiddenTypes, onToggleType, onOpenSidePanel, onOpenOptions }: PopupViewProps) {
  return (
    <main className="popup">
      <Brand subtitle="本页与摘录库" />
      <section className="section" aria-labelledby="popup-page">
        <h2 id="popup-page">本页</h2>
        <PageStatus page={page} sampleSize={entities?.length ? 0 : 18} />
        <EntitySummary entities={entities} onReveal={onReveal} hiddenTypes={hiddenTypes} onToggleType={onToggleType} />
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
