import { beforeEach, describe, expect, it } from 'vitest';
import { buildTextMap, rangeFor } from '@/lib/anchor/text-map';

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('buildTextMap', () => {
  it('joins visible text, breaks between blocks, and skips scripts, styles, inputs and hidden parts', () => {
    document.body.innerHTML =
      '<h1>标题</h1><p>青海省<b>西宁市</b>发布</p><script>var x = "不读"</script><style>p{}</style>' +
      '<textarea>不读</textarea><div hidden>不读</div><p aria-hidden="true">不读</p><div data-zwpz-ui>不读</div><table><tr><td>30 万元</td></tr></table>';
    const map = buildTextMap(document.body);
    expect(map.text).toBe('标题\n青海省西宁市发布\n30 万元');
    expect(map.segments.map((s) => s.node.data)).toEqual(['标题', '青海省', '西宁市', '发布', '30 万元']);
  });

  it('maps flat offsets back to ranges across text nodes', () => {
    document.body.innerHTML = '<p>青海省<b>市场监管局</b>在西宁市</p>';
    const map = buildTextMap(document.body);
    const start = map.text.indexOf('青海省市场监管局');
    expect(rangeFor(map, start, start + 8)?.toString()).toBe('青海省市场监管局');
    const at = map.text.indexOf('西宁市');
    expect(rangeFor(map, at, at + 3)?.toString()).toBe('西宁市');
  });

  it('gives no range for offsets in a block break or past the text, or for nodes gone from the page', () => {
    document.body.innerHTML = '<p>青海</p><p>西宁</p>';
    const map = buildTextMap(document.body);
    expect(map.text).toBe('青海\n西宁');
    expect(rangeFor(map, 2, 4)).toBeNull();
    expect(rangeFor(map, 5, 9)).toBeNull();
    document.body.innerHTML = '';
    expect(rangeFor(map, 0, 2)).toBeNull();
  });

  it('stops at the limit on a node boundary', () => {
    document.body.innerHTML = '<p>一二三</p><p>四五六</p>';
    expect(buildTextMap(document.body, 5).text).toBe('一二三\n');
  });
});
