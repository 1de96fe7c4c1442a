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
/** Bits of the filter of the first two code units of words (2^17 bytes). */
const PAIR_BITS = 20;
const pairBit = (a: number, b: number) => (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> (32 - PAIR_BITS);

/** At most this many lists in one index (two bits each in a 32-bit mask). */
export const MAX_LISTS = 15;

export class LexiconIndex {
  /**
   * Slot s → first hash at `4s`, second hash at `4s + 1`, bits at `4s + 2` (one cache line
   * holds a slot whole). Bits: 1 << 2k the key is a word of list k, 1 << (2k+1) a proper
   * prefix of one; 0 = an empty slot (every key is a word or a prefix of one).
   */
  private table: Int32Array;
  private used = 0;
  /** Lists that have a word starting with each code unit. */
  private readonly first = new Uint16Array(0x10000);
  /**
   * A bit per hash of a word's first two code units: most starts whose first unit begins a word
   * go no further, and this answers them without a look into the (large) table.
   */
  private readonly pairs = new Uint8Array(1 << (PAIR_BITS - 3));
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
    this.table = new Int32Array(4 * size);
    if (lists > MAX_LISTS) throw new Error(`LexiconIndex: at most ${MAX_LISTS} lists`);
    this.sizes = new Array<number>(lists).fill(0);
  }

  /** The slot of a key: where it is, or the empty slot where it would go. */
  private slot(h1: number, h2: number): number {
    const { table } = this;
    const mask = (table.length >> 2) - 1;
    let s = (h1 ^ (h2 >>> 11)) & mask;
    for (;;) {
      const at = s << 2;
      if (table[at + 2] === 0 || (table[at] === h1 && table[at + 1] === h2)) return s;
      s = (s + 1) & mask;
    }
  }

  private grow(): void {
    const old = this.table;
    this.table = new Int32Array(old.length * 2);
    for (let at = 0; at < old.length; at += 4) {
      if (!old[at + 2]) continue;
      const t = this.slot(old[at]!, old[at + 1]!) << 2;
      this.table[t] = old[at]!;
      this.table[t + 1] = old[at + 1]!;
      this.table[t + 2] = old[at + 2]!;
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
      if (this.used + 1 > (this.table.length >> 2) * LOAD) this.grow();
      const at = this.slot(h1, h2) << 2;
      const { table } = this;
      if (!table[at + 2]) {
        table[at] = h1;
        table[at + 1] = h2;
        this.used++;
      }
      const last = k === word.length - 1;
      if (last && !(table[at + 2]! & nameBit)) this.sizes[list]!++;
      table[at + 2]! |= last ? nameBit : prefixBit;
    }
    this.first[word.charCodeAt(0)]! |= 1 << list;
    const pair = pairBit(word.charCodeAt(0), word.charCodeAt(1));
    this.pairs[pair >>> 3]! |= 1 << (pair & 7);
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
    const { table, first, pairs } = this;
    const mask = (table.length >> 2) - 1;
    const maxLength = Math.min(this.maxLength, 255);
    for (let i = 0; i < n; i++) {
      if (!first[codes[i]!] || i + 1 >= n) continue;
      const pair = pairBit(codes[i]!, codes[i + 1]!);
      if (!(pairs[pair >>> 3]! & (1 << (pair & 7)))) continue;
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
          const at = s << 2;
          const found = table[at + 2]!;
          if (found === 0) break;
          if (table[at] === h1 && table[at + 1] === h2) {
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
