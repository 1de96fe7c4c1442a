/**
 * Builds corpus articles: the seed files split into articles (at build time, `npm run corpus`),
 * or a text the user adds (a page, a file). Each article gets its entities and figures from the
 * recognizer and its search terms from jieba's search-mode cut.
 */
import type { Span } from '../recognize/types';
import type { Segmenter } from '../segment';
import { CORPUS_VERSION, MAX_ARTICLE_CHARS, type CorpusArticle, type CorpusFile } from './article';
import { countEntities, textFeatures, type Analyzer } from './features';
import { splitSeed, type SplitArticle } from './split';

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
function indexedText(a: Pick<CorpusArticle, 'title' | 'kicker' | 'subtitle' | 'text'>): string {
  return [a.kicker, a.title, a.subtitle, a.text].filter(Boolean).join('\n');
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
  const whole = indexedText({ ...base, text });
  const { terms, spans } = await textFeatures(whole, analyzer);
  const found = facts(spans);
  let length = 0;
  for (const n of terms.values()) length += n;
  return {
    ...base,
    text,
    places: found.places,
    dates: found.dates,
    docNumbers: [...new Set([...(base.docNumbers ?? []), ...found.docNumbers])],
    entities: countEntities(spans.filter((s) => s.type !== 'DATE' || typeof s.value === 'string')).slice(0, 5000),
    terms: Object.fromEntries(terms),
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
  return base;
}

/**
 * Builds the corpus file from seed files (`{name, text}`, in any order; articles come out by
 * file name, then position). Rejects only if the segmenter does.
 */
export async function buildCorpus(seeds: ReadonlyArray<{ name: string; text: string }>, segmenter: Segmenter): Promise<CorpusFile> {
  const articles: CorpusArticle[] = [];
  for (const seed of [...seeds].sort((a, b) => a.name.localeCompare(b.name))) {
    for (const a of splitSeed(seed.text)) articles.push(await completeArticle(seedArticleBase(seed.name, a), segmenter));
  }
  return { version: CORPUS_VERSION, articles };
}
