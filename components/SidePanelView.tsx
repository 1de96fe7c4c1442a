import type { SeedSummary } from '@/lib/corpus/seed-summary';
import { Brand } from './Brand';
import { PageStatus, type PageState } from './PageStatus';

export interface SidePanelViewProps {
  page: PageState;
  seeds: readonly SeedSummary[];
}

/** The side panel: the current page beside the seed corpus it will be linked to. */
export function SidePanelView({ page, seeds }: SidePanelViewProps) {
  return (
    <main className="sidepanel">
      <Brand subtitle="相关文章" />
      <section className="section" aria-labelledby="sp-page">
        <h2 id="sp-page">当前页面</h2>
        <PageStatus page={page} sampleSize={40} />
      </section>
      <section className="section" aria-labelledby="sp-related">
        <h2 id="sp-related">相关种子文章</h2>
        <p className="empty">选中文字或打开一条摘录，这里会列出提到同一人物、地点、机构或文件的种子文章。</p>
      </section>
      <section className="section" aria-labelledby="sp-seeds">
        <h2 id="sp-seeds">种子语料（{seeds.length} 篇文档）</h2>
        {seeds.length === 0 ? (
          <p className="error">没有找到种子语料：扩展安装包可能不完整。</p>
        ) : (
          <ul className="list">
            {seeds.map((s) => (
              <li key={s.id}>
                <div>{s.title}</div>
                <div className="small muted">
                  {s.chars.toLocaleString('zh-CN')} 字 · {s.headings} 个标题 · {s.id}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
