/** A recognized span as it travels between contexts (offsets into the text it was found in). */
import { z } from 'zod';
import { lazy } from '../lazy';

export const SPAN_TYPE_NAMES = ['PERSON', 'PLACE', 'ORG', 'DOC', 'MONEY', 'PERCENT', 'QUANTITY', 'DATE'] as const;

export const spanSchema = lazy(() => z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  type: z.enum(SPAN_TYPE_NAMES),
  text: z.string(),
  value: z.union([z.number(), z.string()]).optional(),
  unit: z.string().optional(),
}));
export type WireSpan = z.infer<typeof spanSchema>;
