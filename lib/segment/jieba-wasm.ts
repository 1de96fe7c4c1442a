/**
 * jieba-wasm's module (the package's `.wasm`, Node or web build) with glue of our own, in place
 * of the package's generated JavaScript. Same functions, same results, plus {@link
 * JiebaInstance.cutEnds}: the cut as the offsets where its words end, with no string made per
 * word.
 *
 * Why: the package's glue turns each word the module hands back into a JavaScript string through
 * `TextDecoder.decode` (one call per word, thousands per page), which cost about a third of the
 * time of a cut. The module's words of a cut are slices of the text passed in, in order, so their
 * byte lengths are all the caller needs; {@link JiebaInstance.cutEnds} records them as the
 * module announces each word (its `__wbindgen_string_new` import) and turns them into UTF-16
 * offsets. Every other call decodes as the package's glue does.
 *
 * The imports are found by name in the module (`WebAssembly.Module.imports`), so either build's
 * `.wasm` (their import module names differ) instantiates here. Runs unchanged in Node and in
 * extension pages; nothing here touches Node or DOM APIs.
 */
import type { JiebaBindings } from './index';

/** The exports of jieba-wasm's module this glue calls (wasm-bindgen's names, jieba-wasm 2.4). */
interface JiebaExports {
  memory: WebAssembly.Memory;
  cut(ptr: number, len: number, hmm: number): [number, number];
  tokenize(ptr: number, len: number, modePtr: number, modeLen: number, hmm: number): [number, number, number, number];
  tag(ptr: number, len: number, hmm: number): [number, number];
  add_word(ptr: number, len: number, freq: number | bigint, tagPtr: number, tagLen: number): number;
  __wbindgen_malloc(size: number, align: number): number;
  __wbindgen_realloc(ptr: number, oldSize: number, newSize: number, align: number): number;
  __wbindgen_free(ptr: number, size: number, align: number): void;
  __wbindgen_export_2: WebAssembly.Table;
  __externref_drop_slice(ptr: number, len: number): void;
  __externref_table_dealloc(index: number): void;
  __wbindgen_start(): void;
}

/** jieba's functions, as {@link JiebaBindings}, with the cut as word ends. */
export interface JiebaInstance extends JiebaBindings {
  /**
   * The cut of `text` (as `cut(text, hmm)` gives it) as the UTF-16 offset where each word ends,
   * in order: word k is `text.slice(ends[k - 1] ?? 0, ends[k])`. Returns `null` if the module
   * announced a word that is not the next slice of the text (never seen; the caller then uses
   * `cut`). Throws if the module traps.
   */
  cutEnds(text: string, hmm: boolean): Int32Array | null;
}

/** A value the module's `option<bool>` reads as "none". */
const NONE = 0xffffff;

/**
 * Instantiates jieba-wasm's compiled module with this glue. Rejects if the module lacks an
 * import or export this glue needs (another jieba-wasm version), or if instantiation fails.
 */
export async function instantiateJieba(module: WebAssembly.Module): Promise<JiebaInstance> {
  const glue = new Glue();
  const instance = await WebAssembly.instantiate(module, glue.importsFor(module));
  return glue.start(instance);
}

/**
 * As {@link instantiateJieba}, synchronously (Node, where a large module may be instantiated on
 * the main thread). Throws where that one rejects.
 */
export function instantiateJiebaSync(module: WebAssembly.Module): JiebaInstance {
  const glue = new Glue();
  return glue.start(new WebAssembly.Instance(module, glue.importsFor(module)));
}

const encoder = new TextEncoder();

class Glue implements JiebaInstance {
  private wasm!: JiebaExports;
  private bytes: Uint8Array | null = null;
  private view: DataView | null = null;
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true });
  /** While a `cutEnds` runs: the byte address its text starts at, the next word's, and the words' byte lengths. */
  private capturing = false;
  private captureBase = 0;
  private captureNext = 0;
  private captureBroken = false;
  private lengths = new Int32Array(1024);
  private count = 0;

  /** The imports `module` asks for, by name (either build's module name). */
  importsFor(module: WebAssembly.Module): WebAssembly.Imports {
    const functions: Record<string, (...args: never[]) => unknown> = {
      __wbindgen_string_new: (ptr: number, len: number) => this.stringNew(ptr, len),
      __wbindgen_number_new: (n: number) => n,
      __wbindgen_bigint_from_u64: (n: bigint) => BigInt.asUintN(64, n),
      __wbg_set: (target: Record<PropertyKey, unknown>, key: PropertyKey, value: unknown) => {
        target[key] = value;
      },
      __wbg_new: () => ({}),
      __wbg_Error: (ptr: number, len: number) => new Error(this.decode(ptr, len)),
      __wbindgen_debug_string: (at: number, value: unknown) => {
        const [ptr, len] = this.passString(String(value));
        this.dataView().setInt32(at + 4, len, true);
        this.dataView().setInt32(at, ptr, true);
      },
      __wbindgen_throw: (ptr: number, len: number) => {
        throw new Error(this.decode(ptr, len));
      },
      __wbindgen_init_externref_table: () => {
        const table = this.wasm.__wbindgen_export_2;
        const offset = table.grow(4);
        table.set(0, undefined);
        table.set(offset + 0, undefined);
        table.set(offset + 1, null);
        table.set(offset + 2, true);
        table.set(offset + 3, false);
      },
    };
    const imports: WebAssembly.Imports = {};
    for (const { module: from, name, kind } of WebAssembly.Module.imports(module)) {
      if (kind !== 'function') continue;
      // wasm-bindgen suffixes some names with a hash of their signature (__wbg_set_3f1d…).
      const base = name.replace(/_[0-9a-f]{16}$/, '');
      const fn = functions[base];
      if (!fn) throw new Error(`jieba-wasm: unknown import ${from}.${name}`);
      (imports[from] ??= {})[name] = fn;
    }
    return imports;
  }

  start(instance: WebAssembly.Instance): this {
    const wasm = instance.exports as unknown as JiebaExports;
    for (const name of ['memory', 'cut', 'tag', 'tokenize', 'add_word', '__wbindgen_malloc', '__wbindgen_realloc', '__wbindgen_free', '__wbindgen_export_2', '__externref_drop_slice', '__wbindgen_start'] as const) {
      if (!(name in wasm)) throw new Error(`jieba-wasm: the module has no export ${name}`);
    }
    this.wasm = wasm;
    wasm.__wbindgen_start();
    return this;
  }

  /** The module's memory as bytes: a view made again only when the memory grew (its old buffer is then detached, of length 0). */
  private memory(): Uint8Array {
    if (this.bytes === null || this.bytes.byteLength === 0) this.bytes = new Uint8Array(this.wasm.memory.buffer);
    return this.bytes;
  }

  /** The module's memory as a DataView (read once per call; a DataView over a detached buffer throws on every read, so its buffer is compared). */
  private dataView(): DataView {
    if (this.view === null || this.view.buffer !== this.wasm.memory.buffer) this.view = new DataView(this.wasm.memory.buffer);
    return this.view;
  }

  private decode(ptr: number, len: number): string {
    ptr >>>= 0;
    return this.decoder.decode(this.memory().subarray(ptr, ptr + len));
  }

  /** The module's `__wbindgen_string_new`: a word of a `cutEnds` is counted, not decoded. */
  private stringNew(ptr: number, len: number): unknown {
    if (!this.capturing) return this.decode(ptr, len);
    if (ptr >>> 0 !== this.captureNext) this.captureBroken = true;
    this.captureNext = (ptr >>> 0) + len;
    if (this.count === this.lengths.length) {
      const grown = new Int32Array(this.lengths.length * 2);
      grown.set(this.lengths);
      this.lengths = grown;
    }
    this.lengths[this.count++] = len;
    return undefined;
  }

  /** Copies `text` into the module's memory as UTF-8 (as wasm-bindgen's `passStringToWasm0`); returns its address and byte length. */
  private passString(text: string): [number, number] {
    const { __wbindgen_malloc: malloc, __wbindgen_realloc: realloc } = this.wasm;
    let len = text.length;
    let ptr = malloc(len, 1) >>> 0;
    let mem = this.memory();
    let offset = 0;
    for (; offset < len; offset++) {
      const code = text.charCodeAt(offset);
      if (code > 0x7f) break;
      mem[ptr + offset] = code;
    }
    if (offset !== len) {
      const rest = offset ? text.slice(offset) : text;
      ptr = realloc(ptr, len, (len = offset + rest.length * 3), 1) >>> 0;
      mem = this.memory();
      const { written } = encoder.encodeInto(rest, mem.subarray(ptr + offset, ptr + len));
      offset += written;
      ptr = realloc(ptr, len, offset, 1) >>> 0;
    }
    return [ptr, offset];
  }

  /** The module's array of values at `ptr` (`len` of them), then freed. */
  private takeArray(ptr: number, len: number): unknown[] {
    ptr >>>= 0;
    const view = this.dataView();
    const table = this.wasm.__wbindgen_export_2;
    const out: unknown[] = [];
    for (let i = ptr; i < ptr + 4 * len; i += 4) out.push(table.get(view.getUint32(i, true)));
    this.wasm.__externref_drop_slice(ptr, len);
    this.wasm.__wbindgen_free(ptr, len * 4, 4);
    return out;
  }

  cut(text: string, hmm?: boolean | null): string[] {
    const [ptr, len] = this.passString(text);
    const [at, count] = this.wasm.cut(ptr, len, hmm == null ? NONE : hmm ? 1 : 0);
    return this.takeArray(at, count) as string[];
  }

  cutEnds(text: string, hmm: boolean): Int32Array | null {
    const [ptr, len] = this.passString(text);
    this.capturing = true;
    this.captureBase = this.captureNext = ptr;
    this.captureBroken = false;
    this.count = 0;
    let at: number;
    let count: number;
    try {
      [at, count] = this.wasm.cut(ptr, len, hmm ? 1 : 0);
    } finally {
      this.capturing = false;
    }
    at >>>= 0;
    this.wasm.__externref_drop_slice(at, count);
    this.wasm.__wbindgen_free(at, count * 4, 4);
    if (this.captureBroken || count !== this.count || this.captureNext - this.captureBase !== len) return null;
    // Byte lengths to UTF-16 ends: one walk over the text (1 byte below U+0080, 2 below U+0800,
    // 4 for a surrogate pair, else 3; a lone surrogate went in as U+FFFD, 3 bytes).
    const ends = new Int32Array(count);
    const lengths = this.lengths;
    let i = 0;
    for (let k = 0; k < count; k++) {
      let bytes = lengths[k]!;
      while (bytes > 0 && i < text.length) {
        const c = text.charCodeAt(i);
        if (c < 0x80) bytes -= 1;
        else if (c < 0x800) bytes -= 2;
        else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
          bytes -= 4;
          i++;
        } else bytes -= 3;
        i++;
      }
      if (bytes !== 0) return null;
      ends[k] = i;
    }
    return i === text.length ? ends : null;
  }

  tag(sentence: string, hmm?: boolean | null): Array<{ word: string; tag: string }> {
    const [ptr, len] = this.passString(sentence);
    const [at, count] = this.wasm.tag(ptr, len, hmm == null ? NONE : hmm ? 1 : 0);
    return this.takeArray(at, count) as Array<{ word: string; tag: string }>;
  }

  tokenize(text: string, mode: string, hmm?: boolean | null): Array<{ word: string; start: number; end: number }> {
    const [ptr, len] = this.passString(text);
    const [modePtr, modeLen] = this.passString(mode);
    const [at, count, error, failed] = this.wasm.tokenize(ptr, len, modePtr, modeLen, hmm == null ? NONE : hmm ? 1 : 0);
    if (failed) {
      const value = this.wasm.__wbindgen_export_2.get(error);
      this.wasm.__externref_table_dealloc(error);
      throw value;
    }
    return this.takeArray(at, count) as Array<{ word: string; start: number; end: number }>;
  }

  add_word(word: string, freq?: number | null, tag?: string | null): number {
    const [ptr, len] = this.passString(word);
    const [tagPtr, tagLen] = tag == null ? [0, 0] : this.passString(tag);
    return this.wasm.add_word(ptr, len, freq == null ? 0x100000001 : freq >>> 0, tagPtr, tagLen) >>> 0;
  }
}
