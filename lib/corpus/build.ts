/**
 * Builds corpus articles: the seed files split into articles (at build time, `npm run corpus`),
 * or a text the user adds (a page, a file). Each article gets its entities and figures from the
 * recognizer and its search terms from jieba's search-mode cut.
 */
import type { Span } from '../recognize/types';
import { CORPUS_VERSION, MAX_ARTICLE_CHARS, spansAsMarks, type CorpusArticle, type CorpusFile } from './article';
import { countEntities, countTerm, entityFeatures, recognizeWith, termCounts, textFeatures, type Analyzer, type TextAnalyzer, type TextFeatures } from './features';
import { splitSeed, type SplitArticle } from './split';
import { publishedIn } from './published';

/** Places, dates and document numbers of an article, in order of first mention, distinct. */
function facts(spans: readonly Span[]): Pick<CorpusArticle, 'places' | 'dates' | 'docNumbers'> {
  const places = new Set<string>();
  const dates = new Set<string>();
  const docNumbers = new Set<string>();
  for (const s of spans) {
    if (s.type === 'PLACE') places.add(s.text);
    else if (s.type === 'DATE' && typeof s.value === 'string') dates.add(s.value);
    else if (s.type === 'DOC' && /[〔［\[【(（]\d{4}[〕］\]】)）]\s*\d+\s*号$/.test(s.text)) docNumbers.add(s.text);
  }
  return { places: [...places].slice(0, 500), dates: [...dates].slice(0, 500), docNumbers: [...docNumbers].slice(0, 100) };
}

/** The text an article is indexed by: its headlines and its body. */
function indexedText(a: Pick<CorpusArticle, 'title' | 'kicker' | 'subtitle' | 'text'> & { docNumbers?: readonly string[] }): string {
  return [a.kicker, a.title, a.subtitle, ...(a.docNumbers ?? []), a.text].filter(Boolean).join('\n');
}

/** An article without what {@link completeArticle} computes. */
export type ArticleBase = Omit<CorpusArticle, 'entities' | 'terms' | 'length' | 'places' | 'dates' | 'docNumbers'> & { docNumbers?: string[] };

/**
 * Recognizes and indexes one article's text; `base` carries everything else. Texts longer than
 * {@link MAX_ARTICLE_CHARS} are cut there. `analyzer` is a segmenter (Node: the build, the CLIs)
 * or the extension's cut and recognizer ({@link Analyzer}). Rejects only if the analyzer does.
 */
export async function completeArticle(base: ArticleBase, analyzer: Analyzer): Promise<CorpusArticle> {
  const text = base.text.slice(0, MAX_ARTICLE_CHARS);
  return finish(base, text, await textFeatures(indexedText({ ...base, text }), analyzer));
}

/**
 * {@link completeArticle} for an article whose spans are known (a page the content script has
 * recognized): only the search-mode cut runs. `spans` are offsets into `base.text`; those past
 * {@link MAX_ARTICLE_CHARS} are dropped. Rejects only if the analyzer's cut does.
 */
export async function completeWithSpans(base: ArticleBase, spans: readonly Span[], analyzer: Pick<TextAnalyzer, 'cutForSearch'>): Promise<CorpusArticle> {
  const text = base.text.slice(0, MAX_ARTICLE_CHARS);
  const whole = indexedText({ ...base, text });
  const head = whole.length - text.length;
  const kept = spans.filter((s) => s.start >= 0 && s.end <= text.length && s.end > s.start);
  const tokens = await analyzer.cutForSearch(whole);
  const shifted = kept.map((s) => ({ ...s, start: s.start + head, end: s.end + head }));
  return finish(base, text, { terms: termCounts(tokens), features: entityFeatures(kept), spans: shifted });
}

/** Longest text cut and recognized in one call when many articles are added together. */
const BATCH_CHARS = 60_000;

/**
 * {@link completeArticle} for many articles with few segmenter calls: their texts are joined
 * by blank lines into batches of about {@link BATCH_CHARS} characters, cut and recognized once
 * per batch, and the tokens and spans split back by offset. The recognizer never marks a span
 * across a line break (a tested invariant), so each article gets what it would get alone.
 * Returns the articles in order; rejects only if the analyzer does.
 */
export async function completeArticles(bases: readonly ArticleBase[], analyzer: Analyzer): Promise<CorpusArticle[]> {
  const texts = bases.map((b) => b.text.slice(0, MAX_ARTICLE_CHARS));
  const whole = bases.map((b, i) => indexedText({ ...b, text: texts[i]! }));
  const out: CorpusArticle[] = new Array(bases.length);
  let batch: number[] = [];
  let length = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const starts: number[] = [];
    let at = 0;
    for (const i of batch) {
      starts.push(at);
      at += whole[i]!.length + 2;
    }
    const joined = batch.map((i) => whole[i]).join('\n\n');
    // Recognizer first: it loads the dictionary words the cut must see (see textFeatures).
    const spans = await recognizeWith(analyzer, joined);
    const tokens = await analyzer.cutForSearch(joined);
    // Tokens and spans come nearly in text order: walk the articles along with them (both ways,
    // as search-mode sub-words of a word may come after it).
    const walk = (k: number, offset: number) => {
      while (k + 1 < starts.length && starts[k + 1]! <= offset) k++;
      while (k > 0 && starts[k]! > offset) k--;
      return k;
    };
    const termParts = batch.map(() => new Map<string, number>());
    let k = 0;
    for (const t of tokens) {
      k = walk(k, t.start);
      countTerm(termParts[k]!, t.word);
    }
    const spanParts: Span[][] = batch.map(() => []);
    k = 0;
    for (const s of spans) {
      k = walk(k, s.start);
      if (s.end > starts[k]! + whole[batch[k]!]!.length) continue; // would cross into the next article
      spanParts[k]!.push({ ...s, start: s.start - starts[k]!, end: s.end - starts[k]! });
    }
    batch.forEach((i, k) => {
      const features: TextFeatures = { terms: termParts[k]!, features: entityFeatures(spanParts[k]!), spans: spanParts[k]! };
      out[i] = finish(bases[i]!, texts[i]!, features);
    });
    batch = [];
    length = 0;
  };
  for (let i = 0; i < bases.length; i++) {
    if (length > 0 && length + whole[i]!.length > BATCH_CHARS) await flush();
    batch.push(i);
    length += whole[i]!.length + 2;
  }
  await flush();
  return out;
}

/** The spans of the text part of an indexed text (which ends with it), with offsets into the text. */
function textSpans(spans: readonly Span[], head: number): Span[] {
  const out: Span[] = [];
  for (const s of spans) if (s.start >= head) out.push({ ...s, start: s.start - head, end: s.end - head });
  return out;
}

function finish(base: ArticleBase, text: string, { terms, spans }: TextFeatures): CorpusArticle {
  const found = facts(spans);
  let length = 0;
  // A prototype-less object is a hash table from the start. Filled key by key from `{}` (as
  // Object.fromEntries does), every article's distinct words would grow V8's tree of hidden
  // classes: 0.5 ms an article instead of 0.02 (measured with 150 words an article).
  const termRecord: Record<string, number> = Object.create(null);
  for (const [t, n] of terms) {
    termRecord[t] = n;
    length += n;
  }
  return {
    ...base,
    text,
    places: found.places,
    dates: found.dates,
    docNumbers: [...new Set([...(base.docNumbers ?? []), ...found.docNumbers])],
    entities: countEntities(spans.filter((s) => s.type !== 'DATE' || typeof s.value === 'string')).slice(0, 5000),
    // The spans were found in the headlines and the text together: the text's own, shifted to it.
    marks: spansAsMarks(textSpans(spans, indexedText({ ...base, text }).length - text.length)),
    terms: termRecord,
    length,
  };
}

function seedArticleBase(seedFile: string, a: SplitArticle): ArticleBase & { docNumbers: string[] } {
  const seedId = seedFile.replace(/\.[^.]+$/, '');
  const base: ReturnType<typeof seedArticleBase> = {
    id: `seed:${seedId}#${a.n}`,
    origin: 'seed',
    title: a.title,
    titleFrom: a.titleFrom,
    reporters: a.reporters,
    seed: seedFile,
    ranges: a.ranges,
    text: a.text,
    docNumbers: a.docNumbers,
  };
  if (a.kicker) base.kicker = a.kicker;
  if (a.subtitle) base.subtitle = a.subtitle;
  if (a.byline) base.byline = a.byline;
  if (a.source) base.source = a.source;
  const published = publishedIn(a.text, a.byline);
  if (published) base.published = published;
  return base;
}

/**
 * Builds the corpus file from seed files (`{name, text}`, in any order; articles come out by
 * file name, then position). Rejects only if the segmenter does.
 */
export async function buildCorpus(seeds: ReadonlyArray<{ name: string; text: string }>, segmenter: Analyzer): Promise<CorpusFile> {
  const articles: CorpusArticle[] = [];
  for (const seed of [...seeds].sort((a, b) => a.name.localeCompare(b.name))) {
    for (const a of splitSeed(seed.text)) articles.push(await completeArticle(seedArticleBase(seed.name, a), segmenter));
  }
  return { version: CORPUS_VERSION, articles };
}
