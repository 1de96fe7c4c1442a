import type { ArticleRegion } from '@/lib/anchor/article';
import type { TextMap } from '@/lib/anchor/text-map';
import { MAX_ARTICLE_CHARS, MAX_MARKS, marksJson, spansAsMarks } from '@/lib/corpus/article';
import type { WireSpan } from '@/lib/messaging/span';

/** A finished read of the page, as `PageAnnotations.onDone` reports it. */
export interface DoneRead {
  map: TextMap;
  article: ArticleRegion | null;
  spans: readonly WireSpan[];
}

/** The article of a read (else the whole page read), cut at {@link MAX_ARTICLE_CHARS}, with its spans. */
export interface ArticleRead {
  /** Where the text starts in the page's flat text. */
  from: number;
  text: string;
  /** The spans inside the text, offsets into it (at most {@link MAX_MARKS}). */
  spans: WireSpan[];
  /** The same spans as marks, JSON, ready to send. */
  marks: string;
}

const reads = new WeakMap<readonly WireSpan[], ArticleRead>();

/**
 * The article of a finished read with its spans, for the messages that carry it (the reading
 * history, the cross-check): cut out once per read, however many ask. Never throws.
 */
export function articleRead({ map, article, spans }: DoneRead): ArticleRead {
  const known = reads.get(spans);
  if (known) return known;
  const from = article?.start ?? 0;
  const to = Math.min(article?.end ?? map.text.length, from + MAX_ARTICLE_CHARS);
  const inside: WireSpan[] = [];
  for (const s of spans) {
    if (s.start >= from && s.end <= to) inside.push({ ...s, start: s.start - from, end: s.end - from });
    if (inside.length >= MAX_MARKS) break;
  }
  const read: ArticleRead = { from, text: map.text.slice(from, to), spans: inside, marks: marksJson(spansAsMarks(inside)) };
  reads.set(spans, read);
  return read;
}
