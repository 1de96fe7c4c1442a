/** A recognized span as it travels between contexts (offsets into the text it was found in). */
import * as z from 'zod/mini';
import { lazy } from '../lazy';

export const SPAN_TYPE_NAMES = ['PERSON', 'PLACE', 'ORG', 'DOC', 'MONEY', 'PERCENT', 'QUANTITY', 'DATE'] as const;

export const spanSchema = lazy(() => z.object({
  start: z.int().check(z.nonnegative()),
  end: z.int().check(z.nonnegative()),
  type: z.enum(SPAN_TYPE_NAMES),
  text: z.string(),
  value: z.optional(z.union([z.number(), z.string()])),
  unit: z.optional(z.string()),
}));
export type WireSpan = z.infer<typeof spanSchema>;
