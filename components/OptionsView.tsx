import { useState, type FormEvent } from 'react';
import { Brand } from './Brand';

export interface OptionsViewProps {
  /** Match patterns the extension runs on by default. */
  defaultSites: readonly string[];
  /** Hosts of the sites the user enabled; null while loading. */
  userSites: readonly string[] | null;
  /**
   * Enables one site from what the user typed (a URL or host name). Resolves with an error
   * message in Chinese to show, or null on success.
   */
  onAddSite(input: string): Promise<string | null>;
  /** Disables one enabled site by its host; resolves like {@link onAddSite}. */
  onRemoveSite(host: string): Promise<string | null>;
  /** 整页标注: whether whole pages are annotated, not only their articles; null while loading. */
  fullPage?: boolean | null;
  onToggleFullPage?(): void;
}

/** The options page: which sites the extension reads. */
export function OptionsView({ defaultSites, userSites, onAddSite, onRemoveSite, fullPage = null, onToggleFullPage = () => {} }: OptionsViewProps) {
  const [input, setInput] = useState('');
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const error = await onAddSite(input);
    setBusy(false);
    if (error) setMessage({ kind: 'error', text: error });
    else {
      setMessage({ kind: 'ok', text: `已启用：${input.trim()}` });
      setInput('');
    }
  }

  async function remove(pattern: string) {
    const error = await onRemoveSite(pattern);
    setMessage(error ? { kind: 'error', text: error } : { kind: 'ok', text: `已停用：${pattern}` });
  }

  const hosts = [...new Set(defaultSites.map((p) => p.replace(/^[a-z*]+:\/\/(\*\.)?/, '').replace(/\/\*$/, '')))];

  return (
    <main className="options">
      <Brand subtitle="设置" />
      <section className="section" aria-labelledby="opt-scope">
        <h2 id="opt-scope">标注范围</h2>
        <label className="row">
          <input type="checkbox" checked={fullPage === true} disabled={fullPage === null} onChange={onToggleFullPage} />
          整页标注
        </label>
        <p className="small muted">
          默认只标注页面上的文章（标题、正文、署名），不标注导航菜单、滚动新闻、相关新闻栏目和页脚；没有文章的页面（如首页）只在你要求时标注。打开“整页标注”后标注页面上的全部文字。
        </p>
      </section>
      <section className="section" aria-labelledby="opt-user">
        <h2 id="opt-user">在其他网站上启用</h2>
        <form className="row" onSubmit={submit}>
          <label htmlFor="site-input" className="small">
            网址或域名
          </label>
          <input
            id="site-input"
            type="text"
            value={input}
            placeholder="例如 www.example.com.cn"
            onChange={(e) => setInput(e.target.value)}
            size={32}
          />
          <button type="submit" className="primary" disabled={busy || !input.trim()}>
            启用
          </button>
        </form>
        {message && (
          <p className={message.kind === 'error' ? 'error' : 'small'} role="status">
            {message.text}
          </p>
        )}
        {userSites === null ? (
          <p className="muted">正在读取…</p>
        ) : userSites.length === 0 ? (
          <p className="empty">尚未启用其他网站。</p>
        ) : (
          <ul className="list">
            {userSites.map((p) => (
              <li key={p} className="row">
                <code>{p}</code>
                <button type="button" onClick={() => void remove(p)}>
                  停用
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="section" aria-labelledby="opt-default">
        <h2 id="opt-default">默认启用的官方新闻网站（{hosts.length}）</h2>
        <ul className="list small">
          {hosts.map((h) => (
            <li key={h}>
              <code>{h}</code> 及其子域名
            </li>
          ))}
        </ul>
      </section>
      <section className="section" aria-labelledby="opt-keys">
        <h2 id="opt-keys">快捷键</h2>
        <p className="small">
          <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>L</kbd> 打开侧边栏。可在浏览器的扩展快捷键设置中修改。
        </p>
      </section>
    </main>
  );
}
