import { beforeEach, describe, expect, it } from 'vitest';
import { articleFromFile, articleFromPage, articlesFromFiles, decodeText, parseArticlesJsonl, splitSiteName } from '@/components/CorpusManagerImport';
import { pageTextOf } from '@/entrypoints/content/page-text';
import { MAX_QUERY_CHARS } from '@/lib/messaging/corpus-protocol';

const BODY = '日前，青海省6万千瓦/60万千瓦时液态空气储能示范项目在格尔木市正式开工建设。'.repeat(6);

describe('pageTextOf (the content script’s page/text)', () => {
  beforeEach(() => {
    document.head.innerHTML = '<title>液态空气储能示范项目在格尔木落地_青海新闻网</title><link rel="canonical" href="http://www.qhnews.com/a.shtml">';
    document.body.innerHTML = `<nav>首页 新闻</nav><h1>液态空气储能示范项目在格尔木落地</h1><div class="article"><p>${BODY}</p></div>`;
  });

  it('gives the article text with the headline first, the titles, the addresses and the selection', () => {
    const p = document.querySelector('p')!;
    const range = document.createRange();
    range.setStart(p.firstChild!, 3);
    range.setEnd(p.firstChild!, 12);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    const page = pageTextOf(document, window);
    expect(page.headline).toBe('液态空气储能示范项目在格尔木落地');
    expect(page.text.startsWith('液态空气储能示范项目在格尔木落地\n日前，青海省')).toBe(true);
    expect(page.text).not.toContain('首页');
    expect(page.title).toBe('液态空气储能示范项目在格尔木落地_青海新闻网');
    expect(page.canonicalUrl).toBe('http://www.qhnews.com/a.shtml');
    expect(page.selection).toBe('青海省6万千瓦/6');
  });

  it('cuts a long article at MAX_QUERY_CHARS', () => {
    document.body.innerHTML = `<article><p>${'储能'.repeat(MAX_QUERY_CHARS)}</p></article>`;
    getSelection()!.removeAllRanges();
    const page = pageTextOf(document, window);
    expect(page.text).toHaveLength(MAX_QUERY_CHARS);
    expect(page.selection).toBe('');
    // No headline on the page: the document's title without the site's name.
    expect(page.headline).toBe('液态空气储能示范项目在格尔木落地');
    expect(page.text.startsWith('液态空气储能示范项目在格尔木落地\n储能储能')).toBe(true);
  });
});

describe('articles the reader adds', () => {
  it('splits the site name off a page title', () => {
    expect(splitSiteName('液态空气储能示范项目在格尔木落地_青海新闻网')).toEqual({ title: '液态空气储能示范项目在格尔木落地', site: '青海新闻网' });
    expect(splitSiteName('济南高新区以党建引领乡村治理-中国高新网')).toEqual({ title: '济南高新区以党建引领乡村治理', site: '中国高新网' });
    expect(splitSiteName('勇当先锋 转型跨越--甘肃日报')).toEqual({ title: '勇当先锋 转型跨越', site: '甘肃日报' });
    expect(splitSiteName('没有网站名的标题')).toEqual({ title: '没有网站名的标题' });
  });

  it('makes this page an article: headline as title, text without it, address and site', () => {
    const page = {
      url: 'http://www.qhnews.com/a.shtml?spm=1',
      canonicalUrl: 'http://www.qhnews.com/a.shtml',
      title: '液态空气储能示范项目在格尔木落地_青海新闻网',
      headline: '液态空气储能示范项目在格尔木落地',
      text: `液态空气储能示范项目在格尔木落地\n${BODY}`,
      selection: '',
    };
    expect(articleFromPage(page)).toEqual({ title: page.headline, text: BODY, url: page.canonicalUrl, source: '青海新闻网' });
    expect(articleFromPage({ ...page, headline: '', text: '  ' })).toBe('本页没有可读的正文，无法添加。');
  });

  it('titles a text file by its Markdown heading, its short first line or its name', () => {
    expect(articleFromFile({ name: 'a.txt', text: '# 储能项目落地\n\n正文第一段。' })).toEqual({ title: '储能项目落地', text: '正文第一段。' });
    expect(articleFromFile({ name: 'b.txt', text: '\uFEFF储能项目落地\r\n正文第一段。\r\n正文第二段。' })).toEqual({ title: '储能项目落地', text: '正文第一段。\n正文第二段。' });
    const long = '很长的第一行'.repeat(20);
    expect(articleFromFile({ name: 'dir/c.txt', text: long })).toEqual({ title: 'c', text: long });
    expect(articleFromFile({ name: 'd.txt', path: 'news/d.txt', text: ' \n ' })).toBe('news/d.txt：文件是空的');
  });

  it('reads an HTML file as text, titled by its h1, else its <title> without the site name', () => {
    const html = '<html><head><title>储能项目开工_青海新闻网</title><style>p{}</style></head><body><h1>液态空气储能</h1><p>项目&nbsp;落地&amp;开工</p><script>x()</script></body></html>';
    expect(articleFromFile({ name: 'a.html', text: html })).toEqual({ title: '液态空气储能', text: '液态空气储能\n项目 落地&开工' });
    expect(articleFromFile({ name: 'b.htm', text: html.replace(/<h1>.*<\/h1>/, '') })).toEqual({ title: '储能项目开工', text: '项目 落地&开工' });
  });

  it('takes the .txt and .html files of a folder and skips the others', () => {
    const out = articlesFromFiles([
      { name: 'a.txt', text: '标题\n正文' },
      { name: 'b.html', text: '<h1>标题二</h1><p>正文二</p>' },
      { name: 'c.png', path: 'x/c.png', text: '' },
      { name: 'd.txt', path: 'x/d.txt', text: '' },
    ]);
    expect(out.articles.map((a) => a.title)).toEqual(['标题', '标题二']);
    expect(out.skipped).toEqual(['x/c.png']);
    expect(out.problems).toEqual(['x/d.txt：文件是空的']);
  });

  it('decodes UTF-8 and GBK files', () => {
    expect(decodeText(new TextEncoder().encode('格尔木'))).toBe('格尔木');
    // 格尔木 in GBK.
    expect(decodeText(new Uint8Array([0xb8, 0xf1, 0xb6, 0xfb, 0xc4, 0xbe]))).toBe('格尔木');
  });

  it.each<[string, string, string]>([
    ['a line that is not JSON', '{"title":"一","text":"正文"}\n{"title":', '第 2 行不是有效的 JSON，未添加任何文章。'],
    ['a missing text', '{"title":"一","text":"正文"}\n\n{"title":"三"}', '第 3 行缺少“text”（正文），未添加任何文章。'],
    ['an empty title', '{"title":" ","text":"正文"}', '第 1 行缺少“title”（标题），未添加任何文章。'],
    ['a title that is not text', '{"title":3,"text":"正文"}', '第 1 行“title”应为文字，未添加任何文章。'],
    ['an array', '[1]', '第 1 行不是一个对象（应为 {"title": …, "text": …}），未添加任何文章。'],
    ['no lines', '\n\n', '文件中没有文章（每行应为一个 {"title": …, "text": …}）。'],
  ])('refuses a JSONL file with %s, naming the line', (_name, text, error) => {
    expect(parseArticlesJsonl(text)).toEqual({ error });
  });

  it('reads a good JSONL file, blank lines ignored', () => {
    const text = '{"title":"一","text":"正文一","url":"http://www.gov.cn/a"}\n\n{"title":"二","text":"正文二","source":"人民日报"}\n';
    expect(parseArticlesJsonl(text)).toEqual({
      articles: [
        { title: '一', text: '正文一', url: 'http://www.gov.cn/a' },
        { title: '二', text: '正文二', source: '人民日报' },
      ],
    });
  });
});

describe('files that are not text, and long ones', () => {
  it('names a binary file instead of adding a garbled article, and says which were cut', async () => {
    const { MAX_ARTICLE_CHARS } = await import('@/lib/corpus/article');
    const out = articlesFromFiles([
      { name: 'a.txt', text: '标题\n正文内容。' },
      { name: 'photo.txt', text: '', error: '不是文本文件（可能是图片、压缩包或 Word 文档），未读取。' },
      { name: 'long.txt', text: `长文\n${'字'.repeat(MAX_ARTICLE_CHARS + 10)}` },
    ]);
    expect(out.articles.map((a) => a.title)).toEqual(['标题', '长文']);
    expect(out.problems).toEqual(['photo.txt：不是文本文件（可能是图片、压缩包或 Word 文档），未读取。']);
    expect(out.cut).toEqual(['long.txt']);
  });
});
