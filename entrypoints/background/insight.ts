import type { Handlers } from '@/lib/messaging';
import type { insightBackgroundProtocol, WireCrossCheckResult } from '@/lib/messaging/insight-protocol';
import { historyIdOf, marksAsSpans, parseMarksJson } from '@/lib/corpus/article';
import { StatementIndex } from '@/lib/corpus/crosscheck';
import { EntityIndex } from '@/lib/corpus/profile';
import type { Corpus, CorpusChange } from '@/lib/corpus/related';
import type { ClippingsDb } from '@/lib/store/db';

export interface InsightSources {
  /** The corpus (seed articles, 我的文章, 已读), loaded on first use. */
  corpus(): Promise<Corpus>;
  /** The database holding the clippings. */
  db(): ClippingsDb;
}

/** Longest stretch of index building before the worker handles other messages, ms. */
const BUILD_SLICE_MS = 30;

/** A sentence without its spaces and layout breaks, to see a reprint as the same sentence. */
const bare = (sentence: string) => sentence.replace(/[\s\u3000]+/g, '');

/**
 * The entity profiles (实体档案) and the figure cross-check (数字核对) in the background: an
 * entity index and a statement index over the whole corpus (seed articles, 我的文章, 已读),
 * built on first use and kept in step with it (the corpus tells of every add and remove); the
 * clippings join the entity index, read again when the table has changed (count or newest
 * edit). A failed build is tried again on the next request; requests reject with the error.
 */
export function createInsightService(sources: InsightSources): { handlers: Handlers<typeof insightBackgroundProtocol> } {
  let built: Promise<{ corpus: Corpus; entities: EntityIndex; statements: StatementIndex }> | undefined;
  let clippingsSeen = '';
  const clippingIds = new Set<string>();

  function build() {
    if (built) return built;
    const attempt = (async () => {
      const corpus = await sources.corpus();
      const entities = new EntityIndex();
      const statements = new StatementIndex();
      // Changes while it is built are taken in order after it (a removed article is not added back).
      const changes: CorpusChange[] = [];
      const stop = corpus.subscribe((change) => void changes.push(change));
      // In slices: 10,000 read articles take seconds, and the worker answers pages meanwhile.
      let sliceStart = performance.now();
      for (const a of corpus.list()) {
        entities.add(a);
        statements.add(a);
        if (performance.now() - sliceStart > BUILD_SLICE_MS) {
          await new Promise((ok) => setTimeout(ok, 0));
          sliceStart = performance.now();
        }
      }
      stop();
      const apply = (change: CorpusChange) => {
        if ('added' in change) {
          entities.add(change.added);
          statements.add(change.added);
        } else {
          entities.remove(change.removed);
          statements.remove(change.removed);
        }
      };
      for (const change of changes) apply(change);
      corpus.subscribe(apply);
      return { corpus, entities, statements };
    })();
    built = attempt;
    attempt.catch(() => {
      if (built === attempt) built = undefined;
    });
    return attempt;
  }

  /** Brings the clippings of the entity index up to date with the database. */
  async function syncClippings(entities: EntityIndex): Promise<void> {
    const db = sources.db();
    const [count, newest] = await Promise.all([db.clippings.count(), db.clippings.orderBy('updatedAt').last()]);
    const seen = `${count}\n${newest?.id ?? ''}\n${newest?.updatedAt ?? 0}`;
    if (seen === clippingsSeen) return;
    const rows = await db.clippings.toArray();
    for (const id of clippingIds) entities.removeClipping(id);
    clippingIds.clear();
    for (const row of rows) {
      entities.addClipping(row);
      clippingIds.add(row.id);
    }
    clippingsSeen = seen;
  }

  const handlers: Handlers<typeof insightBackgroundProtocol> = {
    async 'insight/profile'({ name, entityType, places, limit }) {
      const { entities } = await build();
      await syncClippings(entities);
      const profile = entities.profile(name, entityType, { context: { places: places ?? [] }, limit: limit ?? 50 });
      return { profile };
    },
    async 'insight/crosscheck'({ text, marks, url }) {
      const { corpus, statements } = await build();
      const spans = marksAsSpans({ text, marks: parseMarksJson(marks) });
      // This very page, as read (已读) or added (我的文章), says the same as itself.
      const skip = new Set<string>();
      if (url) {
        skip.add(await historyIdOf(url));
        for (const a of corpus.list()) if (a.url === url) skip.add(a.id);
      }
      const results: WireCrossCheckResult[] = [];
      const page = bare(text);
      for (const r of statements.check(text, spans, { limit: 10 })) {
        const matches = [];
        for (const m of r.matches) {
          if (skip.has(m.articleId)) continue;
          // A statement the page itself prints (the page is a copy of that article) is no check of it.
          if (page.includes(bare(m.sentence))) continue;
          const a = corpus.get(m.articleId);
          if (!a) continue;
          matches.push({ ...m, origin: a.origin, title: a.title, source: a.source, published: a.published });
        }
        // Figures nothing is said about are left out: the answer stays small for a long page.
        if (matches.length) results.push({ figure: r.figure, sentence: r.sentence, matches });
      }
      return { results };
    },
  };
  return { handlers };
}
