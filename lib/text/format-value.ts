/**
 * How a figure's normalized value is shown to a reader: `15.68亿元` → `¥1,568,000,000（15.68 亿元）`,
 * `2024年4月24日` → `2024-04-24`, `83%` → `0.83`. Pure, for the hover card, the popup and exports.
 */

const CURRENCY_SIGN: Record<string, string> = { CNY: '¥', USD: 'US$', EUR: '€', JPY: 'JP¥', HKD: 'HK$', GBP: '£' };

/** Chinese type names, in the order of the annotation guide. */
export const TYPE_LABELS: Record<string, string> = {
  PERSON: '人名',
  PLACE: '地名',
  ORG: '机构',
  DOC: '文件',
  MONEY: '金额',
  PERCENT: '比例',
  QUANTITY: '数量',
  DATE: '日期',
};

function grouped(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 4 });
}

/** The amount in 万 or 亿 as written in Chinese news, for numbers of 10,000 and more. */
function inChineseUnits(n: number): string | null {
  const abs = Math.abs(n);
  if (abs >= 1e8) return `${+(n / 1e8).toFixed(4)} 亿`;
  if (abs >= 1e4) return `${+(n / 1e4).toFixed(4)} 万`;
  return null;
}

/**
 * The display form of a span's value; the empty string for spans without one (names) or with a
 * value of the wrong kind. Never throws.
 */
export function formatValue(span: { type: string; value?: number | string; unit?: string }): string {
  const { type, value, unit } = span;
  if (value === undefined) return '';
  if (type === 'DATE') return typeof value === 'string' ? value : '';
  if (typeof value !== 'number' || !Number.isFinite(value)) return '';
  if (type === 'MONEY') {
    const sign = CURRENCY_SIGN[unit ?? ''] ?? `${unit ?? ''} `;
    const chinese = inChineseUnits(value);
    const unitName = unit === 'CNY' || !unit ? '元' : unit;
    return `${sign}${grouped(value)}${chinese ? `（${chinese}${unitName}）` : ''}`;
  }
  if (type === 'PERCENT') return `${+value.toFixed(6)}`;
  if (type === 'QUANTITY') {
    const chinese = inChineseUnits(value);
    return `${grouped(value)}${unit ? ` ${unit}` : ''}${chinese ? `（${chinese}${unit ?? ''}）` : ''}`;
  }
  return String(value);
}
