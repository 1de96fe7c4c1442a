import { describe, expect, it } from 'vitest';
import { buildTextMap } from '@/lib/anchor/text-map';
import { createWrapPainter, MARK_ATTRIBUTE } from '@/lib/highlight/wrap';

function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

describe('wrapping painter (browsers without CSS highlights)', () => {
  it('wraps spans in marks, keeps the text, and restores the nodes on destroy', () => {
    const body = page('<p>青海省<b>西宁</b>市召开会议，投资15.68亿元。</p><p>记者 崔永焘</p>');
    const before = body.innerHTML;
    const map = buildTextMap(body);
    const text = map.text;
    const at = (s: string) => text.indexOf(s);
    const painter = createWrapPainter(document);
    const painted = painter.add(
      [
        { start: at('青海省'), end: at('青海省') + 3, type: 'PLACE' },
        { start: at('西宁市'), end: at('西宁市') + 3, type: 'PLACE' }, // crosses <b>
        { start: at('15.68亿元'), end: at('15.68亿元') + 7, type: 'MONEY' },
        { start: at('崔永焘'), end: at('崔永焘') + 3, type: 'PERSON' },
      ],
      map,
    );
    expect(painted).toBe(4);
    const marks = [...body.querySelectorAll(`mark[${MARK_ATTRIBUTE}]`)];
    expect(marks.map((m) => `${m.getAttribute(MARK_ATTRIBUTE)}:${m.textContent}`)).toEqual([
      'PLACE:青海省',
      'PLACE:西宁',
      'PLACE:市',
      'MONEY:15.68亿元',
      'PERSON:崔永焘',
    ]);
    // The flat text is unchanged, so later batches use the same offsets on a rebuilt map.
    expect(buildTextMap(body).text).toBe(text);
    painter.destroy();
    expect(body.innerHTML).toBe(before);
    expect(body.querySelector('p')!.childNodes.length).toBe(3);
  });

  it('paints later batches on a rebuilt map and skips spans whose text is gone', () => {
    const body = page('<p>国家知识产权局和青海省市场监管局</p>');
    const painter = createWrapPainter(document);
    let map = buildTextMap(body);
    painter.add([{ start: 0, end: 7, type: 'ORG' }], map);
    map = buildTextMap(body);
    expect(painter.add([{ start: 8, end: 16, type: 'ORG' }, { start: 500, end: 505, type: 'ORG' }], map)).toBe(1);
    expect([...body.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['国家知识产权局', '青海省市场监管局']);
    painter.destroy();
    painter.destroy();
    expect(body.innerHTML).toBe('<p>国家知识产权局和青海省市场监管局</p>');
  });
});
