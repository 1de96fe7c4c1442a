import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CorrectionsManager, type CorrectionsManagerProps } from '@/components/CorrectionsManager';
import { OptionsView } from '@/components/OptionsView';
import { setLanguage } from '@/lib/i18n';
import type { Corrections } from '@/lib/store/user-dictionary';

afterEach(() => {
  cleanup();
  setLanguage('zh');
});

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 4, 1, 4);

const corrections: Corrections = {
  rejected: [
    { text: '黄金周', type: 'PERSON', at: T0 },
    { text: '西宁市', type: 'PLACE', at: T0 + 2 * DAY },
  ],
  added: [
    { text: '盐湖化工', type: 'ORG', at: T0 + DAY },
    { text: '青海湖', type: 'PLACE', at: T0 + 3 * DAY },
  ],
};

function props(overrides: Partial<CorrectionsManagerProps> = {}): CorrectionsManagerProps {
  return {
    corrections,
    onUndo: vi.fn(async () => null),
    onChangeType: vi.fn(async () => null),
    onRestore: vi.fn(async () => null),
    ...overrides,
  };
}

/** The names in the table's rows, top to bottom. */
const names = () =>
  within(screen.getByRole('table'))
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.querySelector('td')!.textContent);

describe('CorrectionsManager', () => {
  it('lists the rejected and the added names together, newest first, with kind, type, date and counts', () => {
    render(<CorrectionsManager {...props()} />);
    expect(names()).toEqual(['青海湖', '西宁市', '盐湖化工', '黄金周']);
    expect(screen.getByText('共 4 条：不再标出的名称 2 个，添加的实体 2 个。')).toBeTruthy();
    const row = screen.getByText('西宁市').closest('tr')!;
    expect(within(row).getByText('不是实体')).toBeTruthy();
    expect(within(row).getByText('地名')).toBeTruthy();
    expect(within(row).getByText(new Date(T0 + 2 * DAY).toLocaleDateString('zh-CN'))).toBeTruthy();
    // An added name's type is a select; a rejected one's is text.
    const added = screen.getByText('盐湖化工').closest('tr')!;
    expect(within(added).getByText('添加为实体')).toBeTruthy();
    expect((screen.getByRole('combobox', { name: '“盐湖化工”的类型' }) as HTMLSelectElement).value).toBe('ORG');
    expect(screen.queryByRole('combobox', { name: '“西宁市”的类型' })).toBeNull();
    // The filter's options carry the counts, and pick one kind.
    fireEvent.change(screen.getByRole('combobox', { name: '显示' }), { target: { value: 'added' } });
    expect(names()).toEqual(['青海湖', '盐湖化工']);
    expect(screen.getByRole('option', { name: '不再标出的名称（2）' })).toBeTruthy();
  });

  it('filters by a substring of the name, and says when nothing matches', () => {
    render(<CorrectionsManager {...props()} />);
    const search = screen.getByRole('searchbox', { name: '搜索纠错记录' });
    fireEvent.change(search, { target: { value: '湖' } });
    expect(names()).toEqual(['青海湖', '盐湖化工']);
    expect(screen.getByText('2 条匹配')).toBeTruthy();
    fireEvent.change(search, { target: { value: '  宁 ' } });
    expect(names()).toEqual(['西宁市']);
    fireEvent.change(search, { target: { value: '北京' } });
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText('没有与“北京”匹配的纠错记录。')).toBeTruthy();
  });

  it('undoes a correction through the callback, and restores it from the message', async () => {
    const p = props();
    render(<CorrectionsManager {...p} />);
    fireEvent.click(screen.getByRole('button', { name: '撤销“西宁市”的纠错' }));
    expect(p.onUndo).toHaveBeenCalledWith('rejected', '西宁市');
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toContain('已撤销：“西宁市”将按自动识别的结果标注。'));
    fireEvent.click(within(screen.getByRole('status')).getByRole('button', { name: '恢复' }));
    expect(p.onRestore).toHaveBeenCalledWith({ kind: 'rejected', text: '西宁市', type: 'PLACE', at: T0 + 2 * DAY });
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toBe('已恢复对“西宁市”的纠错。'));
    fireEvent.click(screen.getByRole('button', { name: '撤销“盐湖化工”的纠错' }));
    expect(p.onUndo).toHaveBeenLastCalledWith('added', '盐湖化工');
  });

  it('changes an added entity’s type through the callback', async () => {
    const p = props();
    render(<CorrectionsManager {...p} />);
    fireEvent.change(screen.getByRole('combobox', { name: '“盐湖化工”的类型' }), { target: { value: 'PLACE' } });
    expect(p.onChangeType).toHaveBeenCalledWith('盐湖化工', 'PLACE');
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toBe('已将“盐湖化工”的类型改为地名。'));
  });

  it('shows the error a callback gives or throws', async () => {
    render(<CorrectionsManager {...props({ onUndo: async () => '存储空间已满', onChangeType: async () => Promise.reject(new Error('断开')) })} />);
    fireEvent.click(screen.getByRole('button', { name: '撤销“黄金周”的纠错' }));
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toBe('未能修改纠错记录：存储空间已满'));
    fireEvent.change(screen.getByRole('combobox', { name: '“青海湖”的类型' }), { target: { value: 'ORG' } });
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toBe('未能修改纠错记录：断开'));
  });

  it('renders at most 200 of thousands of corrections, saying how many match', () => {
    const many: Corrections = {
      rejected: Array.from({ length: 3000 }, (_, i) => ({ text: `名称${i}`, type: 'ORG' as const, at: T0 + i })),
      added: Array.from({ length: 1000 }, (_, i) => ({ text: `实体${i}`, type: 'DOC' as const, at: T0 + i })),
    };
    render(<CorrectionsManager {...props({ corrections: many })} />);
    expect(screen.getAllByRole('row')).toHaveLength(201);
    expect(screen.getByText('仅显示最新的 200 条（共 4,000 条匹配），请输入名称缩小范围。')).toBeTruthy();
    expect(names()[0]).toBe('名称2999');
    fireEvent.change(screen.getByRole('searchbox', { name: '搜索纠错记录' }), { target: { value: '名称12' } });
    // 名称12, 名称120–129, 名称1200–1299: 111 matches, all shown.
    expect(screen.getAllByRole('row')).toHaveLength(112);
    expect(screen.queryByText(/仅显示最新的/)).toBeNull();
  });

  it('says when there are no corrections yet, and while they load', () => {
    const { rerender } = render(<CorrectionsManager {...props({ corrections: null })} />);
    expect(screen.getByText('正在读取…')).toBeTruthy();
    rerender(<CorrectionsManager {...props({ corrections: { rejected: [], added: [] } })} />);
    expect(screen.getByText(/还没有纠错记录/)).toBeTruthy();
    expect(screen.queryByRole('searchbox')).toBeNull();
  });

  it('speaks English when the UI does', () => {
    setLanguage('en');
    render(<CorrectionsManager {...props()} />);
    expect(screen.getByText('4 in all: 2 names no longer highlighted, 2 added entities.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Undo the correction of “西宁市”' }).textContent).toBe('Undo');
    expect(screen.getByRole('searchbox', { name: 'Search corrections' })).toBeTruthy();
    expect(within(screen.getByText('西宁市').closest('tr')!).getByText(new Date(T0 + 2 * DAY).toLocaleDateString('en'))).toBeTruthy();
  });
});

describe('OptionsView with corrections', () => {
  it('has a 纠错记录 section wired to its callbacks', () => {
    const onUndoCorrection = vi.fn(async () => null);
    render(
      <OptionsView defaultSites={[]} userSites={[]} onAddSite={async () => null} onRemoveSite={async () => null} corrections={corrections} onUndoCorrection={onUndoCorrection} />,
    );
    const section = screen.getByRole('region', { name: '纠错记录' });
    fireEvent.click(within(section).getByRole('button', { name: '撤销“青海湖”的纠错' }));
    expect(onUndoCorrection).toHaveBeenCalledWith('added', '青海湖');
  });
});
