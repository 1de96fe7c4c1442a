import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ArticleReader, readerParagraphs, type ReaderArticle } from '@/components/ArticleReader';
import { CorpusManager, type CorpusManagerProps } from '@/components/CorpusManager';
import { emphasize, RelatedList } from '@/components/RelatedList';
import { emptyReason, SidePanelView, type CorpusPanelProps, type LookupState } from '@/components/SidePanelView';
import type { RelatedResult } from '@/lib/messaging/corpus-protocol';
import type { WireSpan } from '@/lib/messaging/span';

afterEach(cleanup);

const energy: RelatedResult = {
  articleId: 'seed:001_453188b8ede87603#4',
  title: '液态空气储能示范项目在格尔木落地',
  origin: 'seed',
  seed: '001_453188b8ede87603.txt',
  score: 0.734,
  shared: ['格尔木市', '中国绿发投资集团有限公司', '15.68亿元'],
  sharedTerms: ['储能', '液态空气'],
  sentence: { text: '青海省6万千瓦/60万千瓦时液态空气储能示范项目在格尔木市正式开工建设。', start: 21, end: 57 },
};
const mine: RelatedResult = {
  articleId: 'user:1',
  title: '<img src=x onerror=alert(1)>我的笔记',
  origin: 'user',
  url: 'http://www.qhnews.com/a.html',
  source: '青海新闻网',
  score: 0.12,
  shared: [],
  sharedTerms: ['储能'],
  sentence: null,
};

const span = (type: WireSpan['type'], start: number, end: number, text = ''): WireSpan => ({ type, start, end, text }) as WireSpan;

describe('emphasize', () => {
  it('marks every occurrence of the shared words, longest first, without overlaps', () => {
    const runs = emphasize('格尔木市的储能项目，格尔木储能', ['格尔木', '格尔木市', '储能']);
    expect(runs).toEqual([
      { text: '格尔木市', hit: true },
      { text: '的', hit: false },
      { text: '储能', hit: true },
      { text: '项目，', hit: false },
      { text: '格尔木储能', hit: true },
    ]);
  });

  it('ignores one-character words and is one plain run without matches', () => {
    expect(emphasize('省里的项目', ['省', '项'])).toEqual([{ text: '省里的项目', hit: false }]);
    expect(emphasize('', ['储能'])).toEqual([]);
  });

  it('matches Latin words whatever their case', () => {
    expect(emphasize('The AI plan', ['ai']).filter((r) => r.hit).map((r) => r.text)).toEqual(['AI']);
  });
});

describe('RelatedList', () => {
  it('names a seed article by source and publication date, never by its file when it has a source', () => {
    const dated = { ...energy, source: '人民日报', published: '--02-25' };
    const { rerender } = render(<RelatedList results={[dated]} label="相关文章" onOpen={() => {}} />);
    expect(screen.getByText('种子文章 · 人民日报 · 2月25日')).toBeTruthy();
    rerender(<RelatedList results={[{ ...dated, origin: 'user', seed: undefined, url: 'http://www.qhnews.com/a.html', published: '2024-04-24' }]} label="相关文章" onOpen={() => {}} />);
    expect(screen.getByText('我的文章 · 人民日报 · 2024年4月24日 · www.qhnews.com')).toBeTruthy();
  });

  it('shows title, origin, score, shared entities as chips and the sentence with the shared words marked', () => {
    const onOpen = vi.fn();
    render(<RelatedList results={[energy, mine]} label="相关文章" onOpen={onOpen} />);
    const list = screen.getByRole('list', { name: '相关文章' });
    const [first, second] = within(list).getAllByRole('listitem').filter((li) => li.classList.contains('result'));
    expect(within(first!).getByRole('button', { name: energy.title })).toBeTruthy();
    expect(first!.textContent).toContain('种子文章 · 001_453188b8ede87603.txt');
    const meter = within(first!).getByRole('meter', { name: '相关度' });
    expect(meter.getAttribute('aria-valuenow')).toBe('73');
    expect(meter.textContent).toBe('73%');
    const chips = within(first!).getByRole('list', { name: '共同的实体' });
    expect(within(chips).getAllByRole('listitem').map((c) => c.textContent)).toEqual(energy.shared);
    const marks = [...first!.querySelectorAll('.result-sentence mark')].map((m) => m.textContent);
    expect(marks).toEqual(['液态空气储能', '格尔木市']);
    fireEvent.click(within(first!).getByRole('button', { name: energy.title }));
    expect(onOpen).toHaveBeenCalledWith(energy);

    // An added article: its origin and site; words instead of entities; page text never becomes HTML.
    expect(second!.textContent).toContain('我的文章 · 青海新闻网 · www.qhnews.com');
    expect(within(second!).getByRole('list', { name: '共同的词语' }).textContent).toBe('储能');
    expect(second!.querySelector('img')).toBeNull();
    expect(within(second!).getByRole('button', { name: mine.title })).toBeTruthy();
  });

  it('links an article to one of the page clippings, and says when it already is', async () => {
    const onLink = vi.fn(async () => null);
    const clippings = [
      { id: 'c1', quote: '青海省知识产权局不断完善专利导航工作机制', relatedIds: [energy.articleId] },
      { id: 'c2', quote: '液态空气储能示范项目在格尔木市正式开工建设', relatedIds: [] },
    ];
    const { rerender } = render(<RelatedList results={[energy]} label="相关文章" onOpen={() => {}} clippings={clippings} onLink={onLink} />);
    fireEvent.click(screen.getByRole('button', { name: '关联到摘录' }));
    const picker = screen.getByRole('group', { name: '关联到摘录' });
    const select = within(picker).getByRole('combobox', { name: '选择本页的摘录' }) as HTMLSelectElement;
    // The first clipping not yet linked is chosen.
    expect(select.value).toBe('c2');
    expect(select.options[0]!.textContent).toContain('（已关联）');
    fireEvent.click(within(picker).getByRole('button', { name: '关联' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('已关联到摘录'));
    expect(onLink).toHaveBeenCalledWith(energy, 'c2');

    rerender(
      <RelatedList results={[energy]} label="相关文章" onOpen={() => {}} clippings={clippings.map((c) => ({ ...c, relatedIds: [energy.articleId] }))} onLink={onLink} />,
    );
    expect(screen.getByRole('button', { name: '已关联到摘录' })).toBeTruthy();
    expect((within(picker).getByRole('button', { name: '已关联' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows the error of a failed link and offers nothing without clippings', async () => {
    const onLink = vi.fn(async () => '这条摘录已被删除。');
    const { rerender } = render(<RelatedList results={[energy]} label="相关文章" onOpen={() => {}} clippings={[{ id: 'c1', quote: '摘录', relatedIds: [] }]} onLink={onLink} />);
    fireEvent.click(screen.getByRole('button', { name: '关联到摘录' }));
    fireEvent.click(screen.getByRole('button', { name: '关联' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('这条摘录已被删除。'));
    rerender(<RelatedList results={[energy]} label="相关文章" onOpen={() => {}} clippings={[]} onLink={onLink} />);
    expect(screen.queryByRole('button', { name: '关联到摘录' })).toBeNull();
  });
});

describe('readerParagraphs', () => {
  const text = '青海省格尔木市开工。\n总投资约15.68亿元，项目落地。';

  it('cuts paragraphs into entity pieces and marks the sentence', () => {
    const spans = [span('PLACE', 0, 3), span('PLACE', 3, 7), span('MONEY', 15, 22)];
    const paragraphs = readerParagraphs(text, spans, { start: 11, end: 23 });
    expect(paragraphs).toHaveLength(2);
    expect(paragraphs[0]!.map((p) => [p.text, p.type ?? null, p.match])).toEqual([
      ['青海省', 'PLACE', false],
      ['格尔木市', 'PLACE', false],
      ['开工。', null, false],
    ]);
    expect(paragraphs[1]!.map((p) => [p.text, p.type ?? null, p.match])).toEqual([
      ['总投资约', null, true],
      ['15.68亿元', 'MONEY', true],
      ['，', null, true],
      ['项目落地。', null, false],
    ]);
  });

  it('keeps the longer of overlapping spans and ignores spans outside the text', () => {
    const pieces = readerParagraphs('格尔木市开工', [span('PLACE', 0, 3), span('PLACE', 0, 4), span('ORG', 2, 5), span('ORG', 4, 99)]).flat();
    expect(pieces.map((p) => [p.text, p.type ?? null])).toEqual([
      ['格尔木市', 'PLACE'],
      ['开工', null],
    ]);
  });
});

const article: ReaderArticle = {
  id: energy.articleId,
  origin: 'seed',
  title: energy.title,
  titleFrom: 'headline',
  kicker: '清洁能源',
  subtitle: '总投资约15.68亿元',
  byline: '本报讯（特约记者 吴婷婷 青普力）',
  reporters: ['吴婷婷'],
  source: '青海日报',
  seed: '001_453188b8ede87603.txt',
  places: ['格尔木市'],
  dates: [],
  docNumbers: [],
  text: '日前，青海省液态空气储能示范项目在格尔木市正式开工建设。\n项目由中国绿发投资集团有限公司建设。',
  entities: [],
  length: 30,
};
const articleSpans = [span('PLACE', 3, 6, '青海省'), span('PLACE', 17, 21, '格尔木市'), span('ORG', 32, 44, '中国绿发投资集团有限公司')];

describe('ArticleReader', () => {
  it('shows headlines, byline, source and seed file, entities in the page colors, the sentence marked; Esc goes back', () => {
    const onBack = vi.fn();
    const scrolled = vi.fn();
    HTMLElement.prototype.scrollIntoView = scrolled;
    render(<ArticleReader reader={{ state: 'done', article, spans: articleSpans }} sentence={{ start: 3, end: 29 }} onBack={onBack} />);
    const reader = screen.getByRole('article', { name: energy.title });
    expect(screen.getByRole('heading', { name: energy.title })).toBeTruthy();
    expect(reader.textContent).toContain('清洁能源');
    expect(reader.textContent).toContain('总投资约15.68亿元');
    expect(reader.textContent).toContain('本报讯（特约记者 吴婷婷 青普力）');
    expect(reader.textContent).toContain('来源：青海日报');
    expect(reader.textContent).toContain('种子文件 001_453188b8ede87603.txt');
    const marks = [...reader.querySelectorAll('mark.ent')].map((m) => [m.textContent, m.className]);
    expect(marks).toEqual([
      ['青海省', 'ent type-PLACE'],
      ['格尔木市', 'ent type-PLACE'],
      ['中国绿发投资集团有限公司', 'ent type-ORG'],
    ]);
    const match = reader.querySelector('mark.match')!;
    expect(match.textContent).toBe('青海省液态空气储能示范项目在格尔木市正式开工建设。');
    expect(scrolled).toHaveBeenCalled();
    expect(within(screen.getByRole('list', { name: '图例' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['地名 2', '机构 1', '匹配句']);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /返回列表/ }));
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(onBack).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByRole('button', { name: /返回列表/ }));
    expect(onBack).toHaveBeenCalledTimes(2);
  });

  it('says when the article is loading, gone or could not be opened', () => {
    const { rerender } = render(<ArticleReader reader={{ state: 'loading', title: '某文章' }} onBack={() => {}} />);
    expect(screen.getByText('正在打开《某文章》…')).toBeTruthy();
    rerender(<ArticleReader reader={{ state: 'done', article: null, spans: [] }} onBack={() => {}} />);
    expect(screen.getByText(/已不在语料中/)).toBeTruthy();
    rerender(<ArticleReader reader={{ state: 'error', title: '某文章', error: '语料文件无法读取' }} onBack={() => {}} />);
    expect(screen.getByRole('alert').textContent).toBe('无法打开《某文章》：语料文件无法读取');
  });
});

function library(overrides: Partial<CorpusManagerProps> = {}): CorpusManagerProps {
  return {
    articles: [],
    seedCount: 23,
    canAddPage: true,
    onAddPage: vi.fn(async () => ({ ok: true, text: '已添加本页' })),
    onAddFiles: vi.fn(async () => ({ ok: true, text: '已添加 2 篇文章。' })),
    onAddJsonl: vi.fn(async () => ({ ok: false, text: 'a.jsonl：第 3 行不是有效的 JSON，未添加任何文章。' })),
    onRemove: vi.fn(async () => ({ ok: true, text: '已移除 1 篇文章。' })),
    ...overrides,
  };
}

function panel(overrides: Partial<CorpusPanelProps> = {}): CorpusPanelProps {
  return {
    basis: { kind: 'page' },
    related: { state: 'done', results: [energy] },
    onShowPage: vi.fn(),
    onRetry: vi.fn(),
    query: '',
    onQuery: vi.fn(),
    search: { state: 'idle' },
    reader: null,
    onOpen: vi.fn(),
    onBack: vi.fn(),
    clippings: [],
    onLink: vi.fn(async () => null),
    library: library(),
    ...overrides,
  };
}

const done = { state: 'inactive' } as const;

describe('SidePanelView', () => {
  it('lists the related articles of the page and opens one', () => {
    const corpus = panel();
    render(<SidePanelView page={done} seeds={[]} corpus={corpus} />);
    expect(screen.getByRole('heading', { name: '相关文章' })).toBeTruthy();
    expect(screen.getByText(/根据本页正文/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: energy.title }));
    expect(corpus.onOpen).toHaveBeenCalledWith({ articleId: energy.articleId, title: energy.title, sentence: energy.sentence });
  });

  it('says what the list is for a selection, and goes back to the whole page', () => {
    const corpus = panel({ basis: { kind: 'selection', text: '液态空气储能示范项目在格尔木市正式开工建设' } });
    render(<SidePanelView page={done} seeds={[]} corpus={corpus} />);
    expect(screen.getByText(/根据选中的文字/).textContent).toContain('“液态空气储能示范项目在格尔木市正式开工建设”'.slice(1, -1));
    fireEvent.click(screen.getByRole('button', { name: '显示整页相关文章' }));
    expect(corpus.onShowPage).toHaveBeenCalledOnce();
  });

  it.each<[string, LookupState, RegExp]>([
    ['an unrelated page', { state: 'done', results: [] }, /本页与语料中的文章没有足够多共同的/],
    ['a page without text', { state: 'no-text' }, /本页没有可读的正文/],
    ['a page the extension does not run on', { state: 'unreadable' }, /无法读取本页：扩展没有在此页运行/],
    ['a background error', { state: 'error', error: '语料文件无法读取' }, /后台出错，未能查找：语料文件无法读取/],
  ])('says “没有相关文章” with the reason for %s', (_name, related, reason) => {
    const corpus = panel({ related });
    render(<SidePanelView page={done} seeds={[]} corpus={corpus} />);
    const box = related.state === 'error' ? screen.getByRole('alert') : screen.getByRole('status');
    expect(box.textContent).toContain('没有相关文章');
    expect(box.textContent).toMatch(reason);
    if (related.state === 'error') {
      fireEvent.click(within(box).getByRole('button', { name: '重试' }));
      expect(corpus.onRetry).toHaveBeenCalledOnce();
    }
  });

  it('gives one reason per state, and none while results are shown or loading', () => {
    expect(emptyReason({ state: 'done', results: [energy] }, { kind: 'page' })).toBeNull();
    expect(emptyReason({ state: 'loading' }, { kind: 'page' })).toBeNull();
    expect(emptyReason({ state: 'done', results: [] }, { kind: 'selection', text: 'x' })?.reason).toMatch(/选中的文字/);
    expect(emptyReason({ state: 'done', results: [] }, 'search')?.title).toBe('没有找到文章');
  });

  it('shows search results in place of the related articles while there is a query', () => {
    const onQuery = vi.fn();
    const { rerender } = render(<SidePanelView page={done} seeds={[]} corpus={panel({ onQuery })} />);
    fireEvent.change(screen.getByRole('searchbox', { name: '搜索语料' }), { target: { value: '格尔木' } });
    expect(onQuery).toHaveBeenCalledWith('格尔木');
    rerender(<SidePanelView page={done} seeds={[]} corpus={panel({ query: '格尔木', search: { state: 'loading' } })} />);
    expect(screen.getByText('正在搜索…')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: '相关文章' })).toBeNull();
    rerender(<SidePanelView page={done} seeds={[]} corpus={panel({ query: '格尔木', search: { state: 'done', results: [energy] } })} />);
    expect(within(screen.getByRole('list', { name: '搜索结果' })).getByRole('button', { name: energy.title })).toBeTruthy();
  });

  it('shows the reader view over the lists and gives the focus back to the article on the way back', () => {
    const corpus = panel();
    const { rerender } = render(<SidePanelView page={done} seeds={[]} corpus={corpus} />);
    fireEvent.click(screen.getByRole('button', { name: energy.title }));
    rerender(<SidePanelView page={done} seeds={[]} corpus={panel({ reader: { state: { state: 'done', article, spans: articleSpans }, sentence: null } })} />);
    expect(screen.getByRole('article', { name: energy.title })).toBeTruthy();
    expect(screen.queryByRole('searchbox')).toBeNull();
    rerender(<SidePanelView page={done} seeds={[]} corpus={panel()} />);
    expect(screen.queryByRole('article')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: energy.title }));
  });

  it('keeps the page segmentation and the seed files, folded', () => {
    const seeds = [{ id: '003_d311640a58962c0b', title: '青海省市场监督管理局', chars: 2712, headings: 12 }];
    render(<SidePanelView page={done} seeds={seeds} corpus={panel()} />);
    expect(screen.getByRole('heading', { name: '种子语料（1 篇文档）' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: '种子语料（1 篇文档）' }).closest('details')!.open).toBe(false);
  });
});

describe('CorpusManager', () => {
  it('counts the corpus, adds this page and reports the outcome', async () => {
    const props = library();
    render(<CorpusManager {...props} />);
    expect(screen.getByText('语料共 23 篇：种子文章 23 篇，我的文章 0 篇。')).toBeTruthy();
    expect(screen.getByText(/还没有添加文章/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '添加本页' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('已添加本页'));
    expect(props.onAddPage).toHaveBeenCalledOnce();
  });

  it('hands the files of a folder and a JSONL file to the callbacks and shows errors as alerts', async () => {
    const props = library();
    render(<CorpusManager {...props} />);
    const folder = screen.getByTestId('folder-input') as HTMLInputElement;
    expect(folder.hasAttribute('webkitdirectory')).toBe(true);
    const files = [new File(['标题\n正文'], 'a.txt', { type: 'text/plain' }), new File(['<h1>标题</h1>'], 'b.html', { type: 'text/html' })];
    fireEvent.change(folder, { target: { files } });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('已添加 2 篇文章。'));
    expect(props.onAddFiles).toHaveBeenCalledWith(files);
    fireEvent.change(screen.getByTestId('jsonl-input'), { target: { files: [new File(['{}'], 'a.jsonl')] } });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('a.jsonl：第 3 行不是有效的 JSON，未添加任何文章。'));
  });

  it('lists the added articles and removes one; the page already added cannot be added again', async () => {
    const props = library({
      articles: [{ id: 'user:1', origin: 'user', title: '液态空气储能示范项目', chars: 531, addedAt: Date.UTC(2024, 5, 1, 12), source: '青海新闻网' }],
      pageAdded: true,
    });
    render(<CorpusManager {...props} />);
    expect(screen.getByText('语料共 24 篇：种子文章 23 篇，我的文章 1 篇。')).toBeTruthy();
    expect((screen.getByRole('button', { name: '本页已添加' }) as HTMLButtonElement).disabled).toBe(true);
    const item = within(screen.getByRole('list', { name: '我的文章' })).getByRole('listitem');
    expect(item.textContent).toContain('531 字 · 2024-06-01 添加 · 青海新闻网');
    fireEvent.click(within(item).getByRole('button', { name: '移除《液态空气储能示范项目》' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('已移除 1 篇文章。'));
    expect(props.onRemove).toHaveBeenCalledWith(['user:1']);
  });
});
