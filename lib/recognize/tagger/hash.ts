/**
 * Integer hashing of features: a template id and up to three integers (character codes, word
 * hashes, small codes) mixed into 32 bits. The same function runs at training and at tagging, so
 * a model stores hashes, never feature strings. 0 is reserved for "no feature".
 */

/** Mixes `t` (template) and `a`, `b`, `c` into a non-zero 32-bit integer. */
export function featureHash(t: number, a: number, b = 0, c = 0): number {
  let h = Math.imul(t + 0x27d4eb2f, 0x9e3779b1);
  h = Math.imul(h ^ a, 0x85ebca6b);
  h ^= h >>> 15;
  h = Math.imul(h ^ b, 0xc2b2ae35);
  h ^= h >>> 13;
  h = Math.imul(h ^ c, 0x27d4eb2f);
  h ^= h >>> 16;
  return h === 0 ? 1 : h;
}

/** A running hash of a string's code units (for word identity features), non-zero. */
export function stringHash(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let k = start; k < end; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
  h ^= h >>> 16;
  return h === 0 ? 1 : h;
}
