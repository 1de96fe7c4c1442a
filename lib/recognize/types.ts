/** The eight kinds of span the recognizer marks (see README.md in this folder, the annotation guide). */
export const ENTITY_TYPES = ['PERSON', 'PLACE', 'ORG', 'DOC'] as const;
export const FIGURE_TYPES = ['MONEY', 'PERCENT', 'QUANTITY', 'DATE'] as const;
export const SPAN_TYPES = [...ENTITY_TYPES, ...FIGURE_TYPES] as const;

export type EntityType = (typeof ENTITY_TYPES)[number];
export type FigureType = (typeof FIGURE_TYPES)[number];
export type SpanType = (typeof SPAN_TYPES)[number];

/**
 * One recognized span. Offsets are JavaScript string indices (UTF-16) into the input text,
 * end exclusive; `text` is `input.slice(start, end)`.
 *
 * Figures carry `value`: a number for MONEY/PERCENT/QUANTITY (PERCENT as a fraction, 83% → 0.83),
 * an ISO 8601 string for DATE; and `unit` (ISO currency code for MONEY, `%` for PERCENT, the
 * measure word as written for QUANTITY; none for DATE).
 */
export interface Span {
  start: number;
  end: number;
  type: SpanType;
  text: string;
  value?: number | string;
  unit?: string;
}
