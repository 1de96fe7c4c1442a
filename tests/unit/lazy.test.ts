import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { lazy } from '@/lib/lazy';

describe('lazy', () => {
  it('builds the value on first use, once', () => {
    let builds = 0;
    const schema = lazy(() => {
      builds++;
      return z.object({ a: z.string().max(3) });
    });
    expect(builds).toBe(0);
    expect(schema.parse({ a: 'abc' })).toEqual({ a: 'abc' });
    expect(schema.safeParse({ a: 'abcd' }).success).toBe(false);
    expect(builds).toBe(1);
  });

  it('works as a part of other schemas, with the methods and checks of the real one', () => {
    const span = lazy(() => z.object({ start: z.number().int().nonnegative(), text: z.string() }));
    const list = z.object({ spans: z.array(span), first: span.optional(), picked: span.pick({ text: true }) });
    expect(list.parse({ spans: [{ start: 1, text: 'x' }], picked: { text: 'y' } })).toEqual({ spans: [{ start: 1, text: 'x' }], picked: { text: 'y' } });
    const bad = list.safeParse({ spans: [{ start: -1, text: 'x' }], picked: { text: 'y' } });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path).toEqual(['spans', 0, 'start']);
    expect(span instanceof z.ZodObject).toBe(true);
    expect(Object.keys(span.shape)).toEqual(['start', 'text']);
    type Span = z.infer<typeof span>;
    const typed: Span = { start: 0, text: '' };
    expect(span.parse(typed)).toEqual(typed);
  });

  it('passes a failing build on to the first use, and tries again on the next', () => {
    let fail = true;
    const value = lazy(() => {
      if (fail) throw new Error('not yet');
      return { ready: true };
    });
    expect(() => value.ready).toThrow('not yet');
    fail = false;
    expect(value.ready).toBe(true);
  });
});
