import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { randomUuid } from '@/lib/store/uuid';

describe('randomUuid', () => {
  it('gives version 4 UUIDs the message schema accepts, all different', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const id = randomUuid();
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(z.uuid().safeParse(id).success).toBe(true);
      seen.add(id);
    }
    expect(seen.size).toBe(1000);
  });
});
