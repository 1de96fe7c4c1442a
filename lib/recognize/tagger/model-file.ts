/**
 * The tagger's model file: a small binary format, shipped once as a public asset and checked on
 * load. Layout (little-endian):
 *
 * | bytes | field |
 * |---|---|
 * | 8 | magic `ZWNERMDL` |
 * | 4 | format version ({@link MODEL_FORMAT_VERSION}) |
 * | 4 | total size of the file in bytes |
 * | 4 | CRC-32 of every byte after this field |
 * | 4 | length of the metadata JSON in bytes |
 * | … | metadata JSON (UTF-8), padded with spaces to a multiple of 4 |
 * | 4·(L²+2L) | transitions, start and end scores (float32) |
 * | … | row ids: ascending, as unsigned LEB128 deltas (`rows` of them) |
 * | 13·rows | emission weights (int8), a row after another, in row-id order |
 *
 * Emission score of a label = weight × `scale`. Row ids are the training table's rows: a
 * feature's hash folded to `hashBits` bits.
 */
import { crc32 } from './crc32';
import { LABELS } from './labels';

export const MODEL_MAGIC = 'ZWNERMDL';
export const MODEL_FORMAT_VERSION = 1;
const HEADER = 24;

/** What the metadata JSON holds. */
export interface ModelMeta {
  /** Version of the feature templates (`features.ts`); a model of another version is refused. */
  featureVersion: number;
  /** Bits a feature hash is folded to. */
  hashBits: number;
  labels: number;
  rows: number;
  /** Emission weight unit. */
  scale: number;
  /** Free-form facts about training (sources, epochs, seed, dev scores), shown in the README and the popup. */
  training?: Record<string, unknown>;
}

export interface ModelData {
  meta: ModelMeta;
  trans: Float32Array;
  start: Float32Array;
  end: Float32Array;
  rowIds: Int32Array;
  weights: Int8Array;
}

/** Why a model file was refused; the message names the check that failed. */
export class ModelFileError extends Error {
  override name = 'ModelFileError';
}

function writeVarint(out: number[], v: number): void {
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  out.push(v);
}

/** Serializes a model. Throws if the arrays disagree with `meta` (a training bug). */
export function writeModelFile(model: Omit<ModelData, 'meta'> & { meta: Omit<ModelMeta, 'rows' | 'labels'> }): Uint8Array {
  const rows = model.rowIds.length;
  if (model.weights.length !== rows * LABELS) throw new Error('writeModelFile: weights and row ids disagree');
  const meta: ModelMeta = { ...model.meta, labels: LABELS, rows };
  let metaJson = JSON.stringify(meta);
  while (new TextEncoder().encode(metaJson).length % 4) metaJson += ' ';
  const metaBytes = new TextEncoder().encode(metaJson);
  const ids: number[] = [];
  let prev = -1;
  for (let k = 0; k < rows; k++) {
    const id = model.rowIds[k]!;
    if (id <= prev) throw new Error('writeModelFile: row ids must ascend');
    writeVarint(ids, id - prev - 1);
    prev = id;
  }
  const floats = new Float32Array(LABELS * LABELS + 2 * LABELS);
  floats.set(model.trans, 0);
  floats.set(model.start, LABELS * LABELS);
  floats.set(model.end, LABELS * LABELS + LABELS);
  const size = HEADER + metaBytes.length + floats.byteLength + ids.length + model.weights.length;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  for (let k = 0; k < 8; k++) out[k] = MODEL_MAGIC.charCodeAt(k);
  view.setUint32(8, MODEL_FORMAT_VERSION, true);
  view.setUint32(12, size, true);
  view.setUint32(20, metaBytes.length, true);
  let at = HEADER;
  out.set(metaBytes, at);
  at += metaBytes.length;
  out.set(new Uint8Array(floats.buffer), at);
  at += floats.byteLength;
  out.set(ids, at);
  at += ids.length;
  out.set(new Uint8Array(model.weights.buffer, model.weights.byteOffset, model.weights.length), at);
  view.setUint32(16, crc32(out.subarray(20)), true);
  return out;
}

/**
 * Parses and checks a model file: magic, format version, size, checksum, metadata, section
 * lengths, row ids in range.
 *
 * @throws ModelFileError naming the failed check (a truncated download, a corrupt or foreign
 *   file, a model built for other features).
 */
export function readModelFile(bytes: Uint8Array, expectedFeatureVersion?: number): ModelData {
  if (bytes.length < HEADER) throw new ModelFileError(`model file too short (${bytes.length} bytes)`);
  for (let k = 0; k < 8; k++) {
    if (bytes[k] !== MODEL_MAGIC.charCodeAt(k)) throw new ModelFileError('not a model file (bad magic)');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(8, true);
  if (version !== MODEL_FORMAT_VERSION) throw new ModelFileError(`model format ${version}, expected ${MODEL_FORMAT_VERSION}`);
  const size = view.getUint32(12, true);
  if (size !== bytes.length) throw new ModelFileError(`model file is ${bytes.length} bytes, its header says ${size} (truncated or padded)`);
  const sum = view.getUint32(16, true);
  if (crc32(bytes.subarray(20)) !== sum) throw new ModelFileError('model file checksum mismatch (corrupt)');
  const metaLength = view.getUint32(20, true);
  if (HEADER + metaLength > size) throw new ModelFileError('model metadata runs past the end');
  let meta: ModelMeta;
  try {
    meta = JSON.parse(new TextDecoder().decode(bytes.subarray(HEADER, HEADER + metaLength))) as ModelMeta;
  } catch {
    throw new ModelFileError('model metadata is not JSON');
  }
  const ints = ['featureVersion', 'hashBits', 'labels', 'rows'] as const;
  for (const key of ints) {
    if (!Number.isInteger(meta[key]) || meta[key] < 0) throw new ModelFileError(`model metadata: ${key} missing or invalid`);
  }
  if (!(typeof meta.scale === 'number' && meta.scale > 0)) throw new ModelFileError('model metadata: scale missing or invalid');
  if (meta.labels !== LABELS) throw new ModelFileError(`model has ${meta.labels} labels, the tagger ${LABELS}`);
  if (meta.hashBits < 8 || meta.hashBits > 30) throw new ModelFileError(`model hashBits ${meta.hashBits} out of range`);
  if (expectedFeatureVersion !== undefined && meta.featureVersion !== expectedFeatureVersion) {
    throw new ModelFileError(`model built for features v${meta.featureVersion}, this tagger has v${expectedFeatureVersion}`);
  }
  let at = HEADER + metaLength;
  const floatCount = LABELS * LABELS + 2 * LABELS;
  if (at + floatCount * 4 > size) throw new ModelFileError('model transitions run past the end');
  const floats = new Float32Array(floatCount);
  new Uint8Array(floats.buffer).set(bytes.subarray(at, at + floatCount * 4));
  at += floatCount * 4;
  const rowIds = new Int32Array(meta.rows);
  const limit = 2 ** meta.hashBits;
  let prev = -1;
  for (let k = 0; k < meta.rows; k++) {
    let v = 0;
    let shift = 0;
    let b: number;
    do {
      if (at >= size) throw new ModelFileError('model row ids run past the end');
      b = bytes[at++]!;
      v += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80 && shift < 35);
    const id = prev + 1 + v;
    if (id >= limit) throw new ModelFileError(`model row id ${id} outside ${meta.hashBits} bits`);
    rowIds[k] = id;
    prev = id;
  }
  const weightBytes = meta.rows * LABELS;
  if (at + weightBytes !== size) throw new ModelFileError('model sections do not add up to the file size');
  const weights = new Int8Array(weightBytes);
  weights.set(new Int8Array(bytes.buffer, bytes.byteOffset + at, weightBytes));
  return {
    meta,
    trans: floats.subarray(0, LABELS * LABELS),
    start: floats.subarray(LABELS * LABELS, LABELS * LABELS + LABELS),
    end: floats.subarray(LABELS * LABELS + LABELS),
    rowIds,
    weights,
  };
}
