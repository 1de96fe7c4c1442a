/**
 * Several word lists matched at once over a text: for each start, the longest word of each list
 * that begins there. Words and their prefixes are keyed by two 31-bit rolling hashes of their
 * code units (exact up to collisions of both, ~2^-62) in an open-addressed table of typed
 * arrays, so a scan allocates nothing and never boxes a number. Pure; runs in Node and the
 * extension.
 */

const P1 = 2147483629; // primes below 2^31
const P2 = 2147483587;
const M1 = 65599;
const M2 = 31337;
/** Largest load of the table before it grows. */
const LOAD = 0.5;

/** At most this many lists in one index (two bits each in a 32-bit mask). */
export const MAX_LISTS = 15;

export class LexiconIndex {
  /** Slot → first hash + 1 (0 = empty), second hash, bits. */
  private k1 = new Int32Array(1024);
  private k2 = new Int32Array(1024);
  /** Bits: 1 << 2k the key is a word of list k, 1 << (2k+1) a proper prefix of one. */
  private bits = new Int32Array(1024);
  private used = 0;
  /** Lists that have a word starting with each code unit. */
  private readonly first = new Uint16Array(0x10000);
  /** Longest word, in code units. */
  maxLength = 0;
  /** Words added per list (duplicates counted once per list). */
  readonly sizes: number[];

  constructor(readonly lists: number) {
    if (lists > MAX_LISTS) throw new Error(`LexiconIndex: at most ${MAX_LISTS} lists`);
    this.sizes = new Array<number>(lists).fill(0);
  }

  /** The slot of a key: where it is, or the empty slot where it would go. */
  private slot(key: number, h2: number): number {
    const mask = this.k1.length - 1;
    let s = Math.imul(key ^ (h2 >>> 7), 0x9e3779b1) & mask;
    for (;;) {
      const k = this.k1[s]!;
      if (k === 0 || (k === key && this.k2[s] === h2)) return s;
      s = (s + 1) & mask;
    }
  }

  private grow(): void {
    const { k1, k2, bits } = this;
    this.k1 = new Int32Array(k1.length * 2);
    this.k2 = new Int32Array(k1.length * 2);
    this.bits = new Int32Array(k1.length * 2);
    for (let s = 0; s < k1.length; s++) {
      if (!k1[s]) continue;
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
      h1 = (h1 * M1 + c + 1) % P1;
      h2 = (h2 * M2 + c + 1) % P2;
      if (k === 0) continue;
      if ((this.used + 1) > this.k1.length * LOAD) this.grow();
      const s = this.slot(h1 + 1, h2);
      if (!this.k1[s]) {
        this.k1[s] = h1 + 1;
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
        h1 = (h1 * M1 + c + 1) % P1;
        h2 = (h2 * M2 + c + 1) % P2;
        if (j === i) continue; // no one-unit words
        const key = h1 + 1;
        let s = Math.imul(key ^ (h2 >>> 7), 0x9e3779b1) & mask;
        let b = -1;
        for (;;) {
          const k = k1[s]!;
          if (k === 0) break;
          if (k === key && k2[s] === h2) {
            b = bits[s]!;
            break;
          }
          s = (s + 1) & mask;
        }
        if (b === -1) break;
        if (b & 0x55555555) {
          for (let k = 0; k < this.lists; k++) if (b & (1 << (2 * k))) out[k * n + i] = j - i + 1;
        }
        if (!(b & 0xaaaaaaaa)) break;
      }
    }
  }
}
