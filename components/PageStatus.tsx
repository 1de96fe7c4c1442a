import type { ActivePageState } from '@/lib/messaging/active-page';
import type { PageSegmentation } from '@/lib/messaging/protocol';

/** What is known about the current tab's page; `inactive`: no content script answers there. */
export type PageState = { state: 'loading' } | ActivePageState;

const HOST_LABEL: Record<PageSegmentation['host'], string> = {
  offscreen: '离屏文档',
  'service-worker': '后台服务',
  'background-page': '后台页面',
};

/** Tokens worth showing as examples: words and numbers, not punctuation or spaces. */
const WORDLIKE = /[\p{L}\p{N}]/u;

export interface PageStatusProps {
  page: PageState;
  /** How many sample tokens to show; 0 hides them. */
  sampleSize?: number;
}

/** The current page's round trip through the segmenter: text read, words back, time taken. */
export function PageStatus({ page, sampleSize = 24 }: PageStatusProps) {
  switch (page.state) {
    case 'loading':
      return <p className="muted">正在读取本页状态…</p>;
    case 'inactive':
      return (
        <p className="empty">
          本页未启用批注。扩展默认在人民网、新华网、政府网站等官方新闻网站上运行；其他网站可在“设置”中启用。
        </p>
      );
    case 'pending':
      return <p className="muted">正在分词…</p>;
    case 'failed':
      return (
        <p className="error" role="alert">
          分词失败：{page.error}
        </p>
      );
    case 'done': {
      const r = page.result;
      return (
        <div>
          <div className="stats">
            <div className="stat">
              <b>{r.chars.toLocaleString('zh-CN')}</b>
              <span>字</span>
            </div>
            <div className="stat">
              <b>{r.tokens.toLocaleString('zh-CN')}</b>
              <span>词</span>
            </div>
            <div className="stat">
              <b>{Math.round(r.ms)} ms</b>
              <span>{HOST_LABEL[r.host]}分词</span>
            </div>
          </div>
          {sampleSize > 0 && (
            <div className="tokens" aria-label="分词示例">
              {r.sample
                .filter((t) => WORDLIKE.test(t.word))
                .slice(0, sampleSize)
                .map((t) => (
                  <span className="token" key={t.start}>
                    {t.word}
                    <small>{t.tag}</small>
                  </span>
                ))}
            </div>
          )}
        </div>
      );
    }
  }
}
