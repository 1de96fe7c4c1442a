/**
 * Several word lists matched at once over a text: for each start, the longest word of each list
 * that begins there. Words and their prefixes are keyed by two independent 32-bit rolling hashes
 * of their code units (exact up to collisions of both, ~2^-64) in an open-addressed table of
 * typed arrays, so a scan allocates nothing and never boxes a number. Pure; runs in Node and the
 * extension.
 */

/** The two rolling hashes, one code unit further. */
const step1 = (h: number, c: number) => Math.imul(h ^ (c + 0x9e37), 0x01000193);
const step2 = (h: number, c: number) => {
  const x = Math.imul(h + c + 0x7f4a7c15, 0x85ebca6b);
  return x ^ (x >>> 13);
};
/** Largest load of the table before it grows. */
const LOAD = 0.5;

/** At most this many lists in one index (two bits each in a 32-bit mask). */
export const MAX_LISTS = 15;

export class LexiconIndex {
  /** Slot → first hash, second hash, bits (0 = an empty slot: every key is a word or a prefix of one). */
  private k1: Int32Array;
  private k2: Int32Array;
  /** Bits: 1 << 2k the key is a word of list k, 1 << (2k+1) a proper prefix of one. */
  private bits: Int32Array;
  private used = 0;
  /** Lists that have a word starting with each code unit. */
  private readonly first = new Uint16Array(0x10000);
  /** Longest word, in code units. */
  maxLength = 0;
  /** Words added per list (duplicates counted once per list). */
  readonly sizes: number[];

  /** @param capacity expected number of words and prefixes (the table grows past it) */
  constructor(
    readonly lists: number,
    capacity = 512,
  ) {
    let size = 1024;
    while (size * LOAD < capacity) size *= 2;
    this.k1 = new Int32Array(size);
    this.k2 = new Int32Array(size);
    this.bits = new Int32Array(size);
    if (lists > MAX_LISTS) throw new Error(`LexiconIndex: at most ${MAX_LISTS} lists`);
    this.sizes = new Array<number>(lists).fill(0);
  }

  /** The slot of a key: where it is, or the empty slot where it would go. */
  private slot(h1: number, h2: number): number {
    const mask = this.k1.length - 1;
    let s = (h1 ^ (h2 >>> 11)) & mask;
    for (;;) {
      if (this.bits[s] === 0 || (this.k1[s] === h1 && this.k2[s] === h2)) return s;
      s = (s + 1) & mask;
    }
  }

  private grow(): void {
    const { k1, k2, bits } = this;
    this.k1 = new Int32Array(k1.length * 2);
    this.k2 = new Int32Array(k1.length * 2);
    this.bits = new Int32Array(k1.length * 2);
    for (let s = 0; s < k1.length; s++) {
      if (!bits[s]) continue;
      const t = this.slot(k1[s]!, k2[s]!);
      this.k1[t] = k1[s]!;
      this.k2[t] = k2[s]!;
      this.bits[t] = bits[s]!;
    }
  }

  /**
   * Adds `word` (2+ code units, already normalized as the text will be) to list `list`.
   * Shorter words are ignored and return false.
   */
  add(word: string, list: number): boolean {
    if (word.length < 2) return false;
    let h1 = 0;
    let h2 = 0;
    const nameBit = 1 << (2 * list);
    const prefixBit = 1 << (2 * list + 1);
    for (let k = 0; k < word.length; k++) {
      const c = word.charCodeAt(k);
      h1 = step1(h1, c);
      h2 = step2(h2, c);
      if (k === 0) continue;
      if (this.used + 1 > this.k1.length * LOAD) this.grow();
      const s = this.slot(h1, h2);
      if (!this.bits[s]) {
        this.k1[s] = h1;
        this.k2[s] = h2;
        this.used++;
      }
      const last = k === word.length - 1;
      if (last && !(this.bits[s]! & nameBit)) this.sizes[list]!++;
      this.bits[s]! |= last ? nameBit : prefixBit;
    }
    this.first[word.charCodeAt(0)]! |= 1 << list;
    if (word.length > this.maxLength) this.maxLength = word.length;
    return true;
  }

  /**
   * For each start `i < n` and list `k`, writes into `out[k * n + i]` the length of the longest
   * word of list `k` that begins at `codes[i]` (0 if none; lengths above 255 are not stored).
   * `codes` holds the text's code units as normalized for matching.
   */
  scan(codes: ArrayLike<number>, n: number, out: Uint8Array): void {
    out.fill(0, 0, this.lists * n);
    const { k1, k2, bits, first } = this;
    const mask = k1.length - 1;
    const maxLength = Math.min(this.maxLength, 255);
    for (let i = 0; i < n; i++) {
      if (!first[codes[i]!]) continue;
      let h1 = 0;
      let h2 = 0;
      const end = Math.min(n, i + maxLength);
      for (let j = i; j < end; j++) {
        const c = codes[j]!;
        h1 = step1(h1, c);
        h2 = step2(h2, c);
        if (j === i) continue; // no one-unit words
        let s = (h1 ^ (h2 >>> 11)) & mask;
        let b = 0;
        for (;;) {
          const found = bits[s]!;
          if (found === 0) break;
          if (k1[s] === h1 && k2[s] === h2) {
            b = found;
            break;
          }
          s = (s + 1) & mask;
        }
        if (b === 0) break;
        if (b & 0x55555555) {
          for (let k = 0; k < this.lists; k++) if (b & (1 << (2 * k))) out[k * n + i] = j - i + 1;
        }
        if (!(b & 0xaaaaaaaa)) break;
      }
    }
  }
}
