import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClippingLibrary, ROW_HEIGHT, RELATED_LINE_HEIGHT, rowHeight, type ClippingLibraryProps, type LibraryItem } from '@/components/ClippingLibrary';
import type { PageState } from '@/components/PageStatus';
import { PopupView, type PopupTab } from '@/components/PopupView';

afterEach(cleanup);

const page: PageState = { state: 'inactive' };

function Controlled({ start = null as PopupTab | null, onTab = (_: PopupTab) => {} }) {
  const [tab, setTab] = useState<PopupTab | null>(start);
  return (
    <PopupView
      page={page}
      tab={tab}
      onTab={(next) => {
        setTab(next);
        onTab(next);
      }}
      library={<p>the library</p>}
      libraryCount={1530}
      onOpenSidePanel={() => {}}
      onOpenOptions={() => {}}
    />
  );
}

describe('PopupView tabs', () => {
  it('is a tab list of 本页 and 摘录库, each tab controlling its panel', () => {
    render(<Controlled start="page" />);
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['本页', '摘录库1,530']);
    expect(screen.getByRole('tablist', { name: '本页与摘录库' })).toBeTruthy();
    // The count is not part of the tab's name.
    expect(screen.getByRole('tab', { name: '摘录库' })).toBe(tabs[1]);
    expect(tabs[0]!.getAttribute('aria-selected')).toBe('true');
    expect(tabs[0]!.tabIndex).toBe(0);
    expect(tabs[1]!.tabIndex).toBe(-1);
    const panel = screen.getByRole('tabpanel');
    expect(panel.getAttribute('aria-labelledby')).toBe(tabs[0]!.id);
    expect(tabs[0]!.getAttribute('aria-controls')).toBe(panel.id);
    // The library is there (its first rows render at once), hidden.
    expect(screen.getByText('the library').closest('[hidden]')).toBeTruthy();
  });

  it('shows 摘录库 in one click, and the buttons below stay', () => {
    const onTab = vi.fn();
    render(<Controlled start="page" onTab={onTab} />);
    fireEvent.click(screen.getByRole('tab', { name: '摘录库' }));
    expect(onTab).toHaveBeenCalledWith('library');
    expect(screen.getByText('the library').closest('[hidden]')).toBeNull();
    expect(screen.getByRole('tabpanel', { name: '摘录库' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: '摘录库' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '打开侧边栏' })).toBeTruthy();
  });

  it('moves between the tabs with the arrow keys, Home and End', () => {
    render(<Controlled start="page" />);
    const [pageTab, libraryTab] = screen.getAllByRole('tab') as [HTMLElement, HTMLElement];
    pageTab.focus();
    fireEvent.keyDown(pageTab, { key: 'ArrowRight' });
    expect(libraryTab.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(libraryTab);
    expect(libraryTab.tabIndex).toBe(0);
    fireEvent.keyDown(libraryTab, { key: 'ArrowRight' });
    expect(pageTab.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(pageTab);
    fireEvent.keyDown(pageTab, { key: 'ArrowLeft' });
    expect(libraryTab.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(libraryTab, { key: 'Home' });
    expect(pageTab.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(pageTab, { key: 'End' });
    expect(libraryTab.getAttribute('aria-selected')).toBe('true');
  });

  it('shows neither panel until the popup has chosen, and keeps its own tab when not controlled', () => {
    render(<Controlled start={null} />);
    expect(screen.queryByRole('tabpanel')).toBeNull();
    expect(screen.getAllByRole('tab').map((t) => t.getAttribute('aria-selected'))).toEqual(['false', 'false']);
    expect(screen.getAllByRole('tab')[0]!.tabIndex).toBe(0);
    cleanup();
    render(<PopupView page={page} library={<p>the library</p>} onOpenSidePanel={() => {}} onOpenOptions={() => {}} />);
    expect(screen.getByRole('tabpanel', { name: '本页' })).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: '摘录库' }));
    expect(screen.getByRole('tabpanel', { name: '摘录库' }).textContent).toContain('the library');
  });
});

function item(i: number, related = 0): LibraryItem {
  return {
    id: `id-${i}`,
    quote: `第${i}条摘录`,
    note: '',
    tags: [],
    site: 'www.qhnews.com',
    title: `标题${i}`,
    url: 'https://www.qhnews.com/a.html',
    createdAt: 1_716_000_000_000,
    entityTypes: [],
    related: Array.from({ length: related }, (_, k) => ({ articleId: `seed:${i}#${k}`, title: `关联文章${i}-${k}` })),
  };
}

function props(overrides: Partial<ClippingLibraryProps> = {}): ClippingLibraryProps {
  return {
    items: [item(0, 5), item(1, 1), item(2)],
    total: 3,
    query: '',
    onQuery: vi.fn(),
    filters: {},
    onFilters: vi.fn(),
    sites: [],
    tags: [],
    onSave: vi.fn(async () => null),
    onDelete: vi.fn(),
    onOpen: vi.fn(),
    onOpenArticle: vi.fn(),
    onExport: vi.fn(),
    onImport: vi.fn(),
    ...overrides,
  };
}

describe('ClippingLibrary linked articles', () => {
  it('lists a clipping’s first three linked articles and how many more, each opening in the side panel', () => {
    const p = props();
    render(<ClippingLibrary {...p} />);
    const [first, second, third] = screen.getAllByRole('listitem') as [HTMLElement, HTMLElement, HTMLElement];
    const links = (row: HTMLElement) => [...row.querySelectorAll('.related-link')].map((b) => b.textContent);
    expect(links(first)).toEqual(['关联文章0-0', '关联文章0-1', '关联文章0-2']);
    expect(links(second)).toEqual(['关联文章1-0']);
    expect(links(third)).toEqual([]);
    // Rows are as tall as their linked articles.
    expect(first.style.height).toBe(`${ROW_HEIGHT + 4 * RELATED_LINE_HEIGHT}px`);
    expect(second.style.top).toBe(`${rowHeight(item(0, 5))}px`);
    fireEvent.click(screen.getByRole('button', { name: '在侧边栏阅读：关联文章0-1' }));
    expect(p.onOpenArticle).toHaveBeenCalledWith({ articleId: 'seed:0#1', title: '关联文章0-1' }, p.items![0]);
    const more = screen.getByRole('button', { name: '还有 2 篇' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(more);
    expect(links(first)).toHaveLength(5);
    expect(first.style.height).toBe(`${ROW_HEIGHT + 6 * RELATED_LINE_HEIGHT}px`);
    fireEvent.click(screen.getByRole('button', { name: '收起' }));
    expect(links(first)).toHaveLength(3);
    // Not list items: the list's items are the clippings.
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
  });
});

describe('ClippingLibrary import progress', () => {
  it('shows done/total, the time left and 取消, and turns import off meanwhile', () => {
    const onCancel = vi.fn();
    const { rerender } = render(<ClippingLibrary {...props({ importing: { done: 0, total: 1530, etaAt: null, cancelling: false, onCancel } })} />);
    const group = screen.getByRole('group', { name: '导入进度' });
    expect(group.textContent).toContain('正在导入：0 / 1530 条…');
    expect(group.textContent).toContain('正在估算剩余时间');
    expect(screen.getByRole('button', { name: '导入…' }).hasAttribute('disabled')).toBe(true);
    rerender(<ClippingLibrary {...props({ importing: { done: 700, total: 1530, etaAt: Date.now() + 42_000, cancelling: false, onCancel } })} />);
    expect(group.textContent).toContain('约剩 45 秒');
    expect(screen.getByRole('progressbar', { name: '导入进度' }).getAttribute('value')).toBe('700');
    fireEvent.click(screen.getByRole('button', { name: '取消' }));
    expect(onCancel).toHaveBeenCalledOnce();
    rerender(<ClippingLibrary {...props({ importing: { done: 700, total: 1530, etaAt: Date.now() + 600_000, cancelling: true, onCancel } })} />);
    expect(group.textContent).toContain('正在取消');
    expect(screen.getByRole('button', { name: '取消' }).hasAttribute('disabled')).toBe(true);
    rerender(<ClippingLibrary {...props({ importing: null })} />);
    expect(screen.queryByRole('group', { name: '导入进度' })).toBeNull();
    expect(screen.getByRole('button', { name: '导入…' }).hasAttribute('disabled')).toBe(false);
  });
});
