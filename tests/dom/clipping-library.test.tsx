import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClippingLibrary, ROW_HEIGHT, type ClippingLibraryProps, type LibraryItem } from '@/components/ClippingLibrary';

afterEach(cleanup);

function items(n: number): LibraryItem[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `id-${i}`,
    quote: `第${i}条摘录：青海省市场监管局发布专利导航成果`,
    note: i % 3 ? '' : `笔记${i}`,
    tags: i % 2 ? ['专利'] : [],
    site: 'www.qhnews.com',
    title: '标题',
    url: 'https://www.qhnews.com/a.html',
    createdAt: 1_716_000_000_000 - i * 1000,
    entityTypes: ['ORG'],
    ...(i < 2 ? { onPage: { anchored: i === 0 } } : {}),
  }));
}

function props(overrides: Partial<ClippingLibraryProps> = {}): ClippingLibraryProps {
  return {
    items: items(3),
    total: 3,
    query: '',
    onQuery: vi.fn(),
    filters: {},
    onFilters: vi.fn(),
    sites: ['www.qhnews.com'],
    tags: ['专利'],
    onSave: vi.fn(async () => null),
    onDelete: vi.fn(),
    onOpen: vi.fn(),
    onExport: vi.fn(),
    onImport: vi.fn(),
    ...overrides,
  };
}

describe('ClippingLibrary', () => {
  it('renders only the rows in view of 10,000 clippings, and the next ones on scroll', () => {
    const onNearEnd = vi.fn();
    render(<ClippingLibrary {...props({ items: items(10_000), total: 10_000, onNearEnd })} />);
    const list = screen.getByRole('list', { name: '摘录（10000 条）' });
    const rendered = () => screen.getAllByRole('listitem').length;
    expect(rendered()).toBeLessThan(20);
    fireEvent.scroll(list, { target: { scrollTop: 5000 * ROW_HEIGHT } });
    expect(screen.getByText(/第5000条摘录/)).toBeTruthy();
    expect(rendered()).toBeLessThan(20);
    expect(screen.queryByText(/第0条摘录/)).toBeNull();
  });

  it('marks the current page’s clippings, and those it could not find there', () => {
    render(<ClippingLibrary {...props()} />);
    expect(screen.getByText('本页')).toBeTruthy();
    expect(screen.getByText('本页·未能定位')).toBeTruthy();
  });

  it('edits a note and tags, deletes with undo, and passes search, filters, export and import on', async () => {
    const p = props({ undo: { quote: '第1条摘录：青海省市场监管局发布专利导航成果', onUndo: vi.fn() } });
    render(<ClippingLibrary {...p} />);
    fireEvent.click(screen.getAllByRole('button', { name: '编辑笔记和标签' })[0]!);
    fireEvent.change(screen.getByRole('textbox', { name: '笔记' }), { target: { value: '新笔记' } });
    fireEvent.change(screen.getByRole('textbox', { name: '标签' }), { target: { value: '专利，青海 年度' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await vi.waitFor(() => expect(p.onSave).toHaveBeenCalledWith('id-0', '新笔记', ['专利', '青海', '年度']));
    fireEvent.click(screen.getAllByRole('button', { name: '删除摘录' })[1]!);
    expect(p.onDelete).toHaveBeenCalledWith('id-1');
    fireEvent.click(screen.getByRole('button', { name: '撤销' }));
    expect(p.undo!.onUndo).toHaveBeenCalled();
    fireEvent.change(screen.getByRole('searchbox', { name: '搜索摘录' }), { target: { value: '知识产权' } });
    expect(p.onQuery).toHaveBeenCalledWith('知识产权');
    fireEvent.change(screen.getByRole('combobox', { name: '全部标签' }), { target: { value: '专利' } });
    expect(p.onFilters).toHaveBeenCalledWith({ tag: '专利' });
    fireEvent.click(screen.getByRole('button', { name: 'Markdown' }));
    expect(p.onExport).toHaveBeenCalledWith('markdown');
    const file = new File(['{}'], 'x.json', { type: 'application/json' });
    fireEvent.change(screen.getByLabelText('导入 JSON 文件'), { target: { files: [file] } });
    expect(p.onImport).toHaveBeenCalledWith(file);
  });

  it('says so when the library is empty, and when nothing matches', () => {
    render(<ClippingLibrary {...props({ items: [], total: 0 })} />);
    expect(screen.getByText(/还没有摘录/)).toBeTruthy();
    cleanup();
    render(<ClippingLibrary {...props({ items: [], total: 5, query: '上海' })} />);
    expect(screen.getByText('没有符合条件的摘录。')).toBeTruthy();
  });
});
