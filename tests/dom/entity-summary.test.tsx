import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EntitySummary } from '@/components/EntitySummary';
import type { WireSpan } from '@/lib/messaging/protocol';

afterEach(cleanup);

const spans: WireSpan[] = [
  { start: 0, end: 3, type: 'PLACE', text: '青海省' },
  { start: 5, end: 8, type: 'PERSON', text: '崔永焘' },
  { start: 10, end: 13, type: 'PLACE', text: '青海省' },
  { start: 20, end: 26, type: 'MONEY', text: '15.68亿元', value: 1_568_000_000, unit: 'CNY' },
];

describe('EntitySummary', () => {
  it('counts per type and lists distinct entities, most frequent first, with values', () => {
    render(<EntitySummary entities={spans} onReveal={() => {}} />);
    expect(screen.getByLabelText('各类数量').textContent).toBe('人名 1地名 2金额 1');
    const items = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(items[0]).toBe('青海省×2');
    expect(items).toContain('15.68亿元 15.68 亿元（¥1,568,000,000）');
  });

  it('reveals the first occurrence when an entry is clicked', () => {
    const onReveal = vi.fn();
    render(<EntitySummary entities={spans} onReveal={onReveal} />);
    fireEvent.click(screen.getByRole('button', { name: /崔永焘/ }));
    expect(onReveal).toHaveBeenCalledWith(spans[1]);
  });

  it('says so when the page has none, and shows nothing when unknown', () => {
    const { rerender, container } = render(<EntitySummary entities={[]} onReveal={() => {}} />);
    expect(screen.getByText('本页没有识别出实体或数字。')).toBeTruthy();
    rerender(<EntitySummary entities={null} onReveal={() => {}} />);
    expect(container.textContent).toBe('');
  });
});

describe('EntitySummary type switches', () => {
  it('shows hidden types as switched off and toggles a type on click', () => {
    const onToggleType = vi.fn();
    render(<EntitySummary entities={spans.filter((s) => s.type !== 'PLACE')} hiddenTypes={new Set(['PLACE'])} onReveal={() => {}} onToggleType={onToggleType} />);
    const place = screen.getByRole('button', { name: /地名 已隐藏/ });
    expect(place.getAttribute('aria-pressed')).toBe('false');
    expect(screen.getByRole('button', { name: /人名 1/ }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(place);
    expect(onToggleType).toHaveBeenCalledWith('PLACE');
  });
});
