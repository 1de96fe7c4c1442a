/**
 * The figure cross-check (数字核对) in words, for the hover card and the side panel alike: the
 * verdicts' order and names, why two figures are compatible, and a difference as an amount in
 * the figure's own terms and a share. Pure; never throws.
 */
import { languageTag, t } from '../i18n';
import { describeValue } from './format-value';

export type Verdict = 'same' | 'different' | 'compatible';

/** Statements are listed 不同 first, then 一致, then 相符. */
export const VERDICT_ORDER: Readonly<Record<Verdict, number>> = { different: 0, same: 1, compatible: 2 };

/** The verdict's badge: 一致, 不同, 相符. */
export function verdictWord(verdict: Verdict): string {
  return t(verdict === 'same' ? 'cardCheckSame' : verdict === 'different' ? 'cardCheckDifferent' : 'cardCheckCompatible');
}

/** Why two figures are compatible, from the cross-check's reason code (see `lib/corpus/crosscheck.ts`). */
export function reasonInWords(reason: string): string {
  if (reason === 'range') return t('checkReasonRange');
  if (reason === 'cumulative-vs-period') return t('checkReasonCumulative');
  if (reason === 'rounding') return t('checkReasonRounding');
  if (reason.startsWith('approx')) return t('checkReasonApprox');
  return t('checkReasonOther');
}

/**
 * A difference: the amount in the terms of the corpus figure (`type`, `unit`; money in its
 * currency's words, a percentage as a percentage) with its sign, and the share of the corpus
 * value (`+18%`).
 */
export function differenceInWords(figure: { type: string; unit?: string }, difference: { amount: number; share: number }): { amount: string; share: string } {
  const { amount, share } = difference;
  const sign = (n: number) => (n > 0 ? '+' : n < 0 ? '−' : '');
  const abs = Math.abs(amount);
  const words = describeValue({ type: figure.type, value: abs, unit: figure.type === 'PERCENT' ? '%' : figure.unit })?.words ?? String(abs);
  return {
    amount: `${sign(amount)}${words}`,
    share: `${sign(share)}${(Math.abs(share) * 100).toLocaleString(languageTag(), { maximumFractionDigits: 1 })}%`,
  };
}
