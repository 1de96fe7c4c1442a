import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsView } from '@/components/OptionsView';
import type { PageState } from '@/components/PageStatus';
import { PopupView } from '@/components/PopupView';
import { SidePanelView } from '@/components/SidePanelView';
import { DEFAULT_SITE_PATTERNS } from '@/lib/sites';

afterEach(cleanup);

const done: PageState = {
  state: 'done',
  result: {
    url: 'http://www.qhnews.com/a.html',
    title: '我省发布镁产业专利导航项目成果',
    chars: 1327,
    tokens: 725,
    host: 'offscreen',
    ms: 101.4,
    sample: [
      { word: '青海', tag: 'ns', start: 0, end: 2 },
      { word: '，', tag: 'x', start: 2, end: 3 },
      { word: '西宁市', tag: 'ns', start: 3, end: 6 },
    ],
  },
};

describe('PopupView', () => {
  it('offers a page outside the site list: once, or always for its site, with the error shown', () => {
    const onAnnotateOnce = vi.fn();
    const onEnableSite = vi.fn();
    render(
      <PopupView
        page={{ state: 'inactive' }}
        offer={{ host: 'www.example.com', error: '无法在此页运行：浏览器未允许扩展访问此页。' }}
        onAnnotateOnce={onAnnotateOnce}
        onEnableSite={onEnableSite}
        onOpenSidePanel={() => {}}
        onOpenOptions={() => {}}
      />,
    );
    expect(screen.getByText('本页不在自动标注的网站之列（www.example.com）。')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '仅此一次标注本页' }));
    fireEvent.click(screen.getByRole('button', { name: '始终在此网站标注' }));
    expect(onAnnotateOnce).toHaveBeenCalledOnce();
    expect(onEnableSite).toHaveBeenCalledWith('www.example.com');
    expect(screen.getByRole('alert').textContent).toContain('浏览器未允许扩展访问此页');
  });

  it('shows a reader no segmentation details: only how much of the page was read', () => {
    render(<PopupView page={done} onOpenSidePanel={() => {}} onOpenOptions={() => {}} />);
    expect(screen.queryByLabelText('分词示例')).toBeNull();
    expect(document.body.textContent).not.toMatch(/ms|离屏文档/);
    expect(document.body.textContent).toContain('本页已读取');
  });

  it('shows the page round trip: characters, words, time and sample words without punctuation', () => {
    render(<PopupView developer page={done} onOpenSidePanel={() => {}} onOpenOptions={() => {}} />);
    expect(screen.getByRole('heading', { name: '政务新闻批注阅读' })).toBeTruthy();
    expect(screen.getByText('1,327')).toBeTruthy();
    expect(screen.getByText('725')).toBeTruthy();
    expect(screen.getByText('101 ms')).toBeTruthy();
    const sample = screen.getByLabelText('分词示例');
    expect(sample.textContent).toBe('青海ns西宁市ns');
  });

  it.each<[string, PageState, RegExp]>([
    ['loading', { state: 'loading' }, /正在读取/],
    ['inactive', { state: 'inactive' }, /本页未启用批注/],
    ['pending', { state: 'pending' }, /正在读取本页/],
    ['failed', { state: 'failed', error: 'segment: boom' }, /分词失败：segment: boom/],
  ])('explains the %s state', (_name, page, text) => {
    render(<PopupView page={page} onOpenSidePanel={() => {}} onOpenOptions={() => {}} />);
    expect(screen.getByText(text)).toBeTruthy();
  });

  it('calls back for the side panel and the options', () => {
    const onOpenSidePanel = vi.fn();
    const onOpenOptions = vi.fn();
    render(<PopupView page={done} onOpenSidePanel={onOpenSidePanel} onOpenOptions={onOpenOptions} />);
    fireEvent.click(screen.getByRole('button', { name: '打开侧边栏' }));
    fireEvent.click(screen.getByRole('button', { name: '设置' }));
    expect(onOpenSidePanel).toHaveBeenCalledOnce();
    expect(onOpenOptions).toHaveBeenCalledOnce();
  });

  it('renders page-derived text as text, never as HTML', () => {
    const hostile: PageState = {
      state: 'done',
      result: { ...(done as Extract<PageState, { state: 'done' }>).result, sample: [{ word: '<img src=x onerror=alert(1)>', tag: 'x', start: 0, end: 28 }] },
    };
    const { container } = render(<PopupView developer page={hostile} onOpenSidePanel={() => {}} onOpenOptions={() => {}} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('SidePanelView', () => {
  it('lists the seed documents and says so when there are none', () => {
    const seeds = [{ id: '003_d311640a58962c0b', title: '青海省市场监督管理局', chars: 2712, headings: 12 }];
    const { rerender } = render(<SidePanelView page={done} seeds={seeds} />);
    expect(screen.getByRole('heading', { name: '种子语料（1 篇文档）' })).toBeTruthy();
    expect(screen.getByText('青海省市场监督管理局')).toBeTruthy();
    rerender(<SidePanelView page={done} seeds={[]} />);
    expect(screen.getByText(/没有找到种子语料/)).toBeTruthy();
  });
});

describe('OptionsView', () => {
  it('lists each default domain once and enables a site through the callback', async () => {
    const onAddSite = vi.fn(async () => null);
    render(<OptionsView defaultSites={DEFAULT_SITE_PATTERNS} userSites={[]} onAddSite={onAddSite} onRemoveSite={async () => null} />);
    expect(screen.getByRole('heading', { name: /默认启用的官方新闻网站（17）/ })).toBeTruthy();
    expect(screen.getAllByText('gov.cn')).toHaveLength(1);
    const button = screen.getByRole('button', { name: '启用' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('网址或域名'), { target: { value: 'www.example.com.cn' } });
    fireEvent.click(button);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('已启用：www.example.com.cn'));
    expect(onAddSite).toHaveBeenCalledWith('www.example.com.cn');
  });

  it('shows the error the callback gives, and removes a user site', async () => {
    const onRemoveSite = vi.fn(async () => null);
    render(
      <OptionsView
        defaultSites={DEFAULT_SITE_PATTERNS}
        userSites={['*://www.example.org/*']}
        onAddSite={async () => '未获得该网站的访问权限。'}
        onRemoveSite={onRemoveSite}
      />,
    );
    fireEvent.change(screen.getByLabelText('网址或域名'), { target: { value: 'www.example.org' } });
    fireEvent.click(screen.getByRole('button', { name: '启用' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('未获得该网站的访问权限。'));
    fireEvent.click(screen.getByRole('button', { name: '停用' }));
    await waitFor(() => expect(onRemoveSite).toHaveBeenCalledWith('*://www.example.org/*'));
  });
});
