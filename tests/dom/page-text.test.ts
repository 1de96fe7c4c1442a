import { beforeEach, describe, expect, it } from 'vitest';
import { readPageText } from '@/lib/anchor/page-text';

const ARTICLE = '青海新闻网讯（记者 崔永焘）日前，青海省市场监管局在西宁市发布项目成果。'.repeat(8);

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('readPageText', () => {
  it('prefers an evident article body over navigation and footer', () => {
    document.body.innerHTML = `<nav>首页 新闻 政务</nav><div class="article"><p>${ARTICLE}</p></div><footer>版权所有</footer>`;
    const { text, root, truncated } = readPageText(document);
    expect(root.className).toBe('article');
    expect(text.trim()).toBe(ARTICLE);
    expect(truncated).toBe(false);
  });

  it('falls back to the body when no candidate holds enough text', () => {
    document.body.innerHTML = '<article>短</article><p>正文在这里</p>';
    expect(readPageText(document).root).toBe(document.body);
  });

  it('cuts at the limit without splitting a surrogate pair', () => {
    document.body.innerHTML = `<p>ab😀cd</p>`;
    const { text, truncated } = readPageText(document, 3);
    expect(truncated).toBe(true);
    expect(text).toBe('ab');
  });
});

describe('pagePublished', () => {
  it('reads the publication date government and news CMSs put in <meta>', async () => {
    const { pagePublished } = await import('@/entrypoints/content/page-text');
    document.head.innerHTML = '<meta name="PubDate" content="2024-04-24 10:23">';
    expect(pagePublished(document)).toBe('2024-04-24');
    document.head.innerHTML = '<meta property="article:published_time" content="2024-03-05T08:00:00+08:00">';
    expect(pagePublished(document)).toBe('2024-03-05');
    document.head.innerHTML = '<meta name="date" content="yesterday"><meta name="keywords" content="2024-01-01">';
    expect(pagePublished(document)).toBeUndefined();
    document.head.innerHTML = '';
  });
});
