/**
 * Training the name tagger on a small slice: the same data and options give the same bytes, and
 * the model learns (dev F1 after the last epoch above the first). The slice is the committed
 * seed gold when the shared training corpora are not next to the repository, else a slice of
 * them; either way the test runs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { trainNameModel, type NamedCorpus, type NerTrainOptions } from '@/lib/cli/ner-train';
import { prepareSegmenter } from '@/lib/recognize';
import { parseGold } from '@/lib/recognize/gold';
import type { GoldRecord } from '@/lib/recognize/score';
import { readModelFile } from '@/lib/recognize/tagger/model-file';
import { FEATURE_VERSION } from '@/lib/recognize/tagger/features';
import { nodeSegmenter } from '@/lib/segment/node';

const SHARED = process.env.SHARED_DIR ?? resolve(import.meta.dirname, '../../../shared');

function slice(): { corpora: NamedCorpus[]; dev: NamedCorpus } {
  const read = (file: string) => parseGold(readFileSync(file, 'utf8'));
  if (existsSync(resolve(SHARED, 'train/msra-train.jsonl')) && existsSync(resolve(SHARED, 'eval/pd98-dev.jsonl'))) {
    return {
      corpora: [
        { name: 'msra-train', records: read(resolve(SHARED, 'train/msra-train.jsonl')).slice(0, 2000) },
        { name: 'pd199801', records: read(resolve(SHARED, 'train/pd199801.jsonl')).slice(0, 2000) },
      ],
      dev: { name: 'pd98-dev', records: read(resolve(SHARED, 'eval/pd98-dev.jsonl')).slice(0, 300) },
    };
  }
  const seeds: GoldRecord[] = read(resolve(import.meta.dirname, '../gold/seeds.gold.jsonl'));
  return { corpora: [{ name: 'seeds-a', records: seeds.slice(0, 170) }], dev: { name: 'seeds-b', records: seeds.slice(170) } };
}

describe('train:ner on a small slice', () => {
  const { corpora, dev } = slice();
  const options: NerTrainOptions = {
    epochs: 3,
    hashBits: 18,
    seed: 3,
    target: corpora[0]!.name,
    augment: null,
    prune: 0.5,
    // (no made names: the slice is small, and the test is of the training, not of the data)
    dev,
  };
  const segmenter = nodeSegmenter();
  let first: Uint8Array;
  const f1: number[] = [];

  beforeAll(async () => {
    await prepareSegmenter(segmenter);
    first = (await trainNameModel(corpora, segmenter, { ...options, onEpoch: (_e, info) => f1.push(info.dev!.ALL!) })).bytes;
  }, 120_000);

  it('writes a model the tagger reads', () => {
    const model = readModelFile(first, FEATURE_VERSION);
    expect(model.meta.rows).toBeGreaterThan(1000);
    expect(model.meta.training).toMatchObject({ epochs: 3, seed: 3, target: corpora[0]!.name });
  });

  it('learns: dev F1 rises from the first epoch to the last', () => {
    expect(f1).toHaveLength(3);
    expect(f1[2]!).toBeGreaterThan(f1[0]!);
  });

  it('is deterministic: the same data and options give the same bytes', async () => {
    const again = (await trainNameModel(corpora, segmenter, options)).bytes;
    expect(again.length).toBe(first.length);
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
  }, 120_000);

  it('refuses a target corpus it was not given', async () => {
    await expect(trainNameModel(corpora, segmenter, { ...options, target: 'nope' })).rejects.toThrow(/no corpus named nope/);
  });
});
