/**
 * The recognizer as its host runs it (the offscreen document, the background's fallback): the
 * segmenter and the name tagger service together, with the answer saying where the names came
 * from. Pure apart from the services passed in.
 */
import type { Segmenter } from '../segment';
import { recognize } from './index';
import type { TaggerService } from './tagger/service';
import type { Span, SpanType } from './types';

export interface HostRecognizeRequest {
  rejected: readonly string[];
  added: ReadonlyArray<{ text: string; entityType: SpanType }>;
}

export interface HostRecognizeAnswer {
  spans: Span[];
  /** Time spent recognizing, ms. */
  ms: number;
  names: { source: 'model' | 'rules'; error?: string };
}

/**
 * Recognizes `text` with the model when it loaded, else with the rules alone (the answer says
 * which, and why). Rejects only if the segmenter does.
 */
export async function recognizeWithNames(
  text: string,
  segmenter: Segmenter,
  names: TaggerService,
  request: HostRecognizeRequest,
): Promise<HostRecognizeAnswer> {
  const tagger = await names.tagger();
  const started = performance.now();
  const spans = await recognize(text, segmenter, {
    rejected: new Set(request.rejected),
    added: request.added.map((a) => ({ text: a.text, type: a.entityType })),
    tagger,
  });
  const ms = performance.now() - started;
  if (tagger) return { spans, ms, names: { source: 'model' } };
  const status = names.status();
  return { spans, ms, names: { source: 'rules', error: status.state === 'failed' ? status.error : 'the name model is not loaded' } };
}

/**
 * Takes the recognizer's first-call costs now, so that the first page does not wait for them:
 * jieba's dictionary, the recognizer's words, the gazetteer's index and the name model. Rejects
 * only if the segmenter does (a missing model is recorded by the service, not thrown).
 */
export async function warmRecognizer(segmenter: Segmenter, names: TaggerService): Promise<void> {
  // The rules' data first (jieba's dictionary, the gazetteer), then the model, which uses both.
  await recognize('青海省西宁市人民政府2024年4月24日发布', segmenter, { tagger: null });
  const tagger = await names.tagger();
  await recognize('青海省西宁市人民政府2024年4月24日发布', segmenter, { tagger });
}
