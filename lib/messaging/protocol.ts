/**
 * The message kinds of the extension, per receiving context. Each is validated on both sides
 * by `createHandler` / `createClient` from `./index`.
 */
import * as z from 'zod/mini';
import { lazy } from '../lazy';
import type { MessageSpec } from './index';
import { clippingBackgroundProtocol, clippingContentProtocol } from './clipping-protocol';
import { corpusBackgroundProtocol, MAX_QUERY_CHARS } from './corpus-protocol';
import { crossCheckResultSchema, insightBackgroundProtocol } from './insight-protocol';
import { PUBLISHED_RE } from '../corpus/article';
import { SPAN_TYPE_NAMES, spanSchema } from './span';

/** Longest text one `segment` request may carry; the content script sends larger pages in chunks. */
export const MAX_SEGMENT_CHARS = 200_000;

export const tokenSchema = lazy(() => z.object({
  word: z.string(),
  tag: z.string(),
  /** UTF-16 offsets into the request text, end exclusive. */
  start: z.int().check(z.nonnegative()),
  end: z.int().check(z.nonnegative()),
}));

/** Where the one jieba-wasm instance runs. */
export const segmenterHostSchema = lazy(() => z.enum(['offscreen', 'service-worker', 'background-page']));
export type SegmenterHost = z.infer<typeof segmenterHostSchema>;

const segmentSpec = {
  request: lazy(() => z.object({
    text: z.string().check(z.maxLength(MAX_SEGMENT_CHARS)),
    /** `tag`: words with POS tags; `search`: the finer search-engine cut (tag is `x`). */
    mode: z._default(z.enum(['tag', 'search']), 'tag'),
  })),
  response: lazy(() => z.object({
    tokens: z.array(tokenSchema),
    host: segmenterHostSchema,
    /** Time spent in the segmenter, ms. */
    ms: z.number().check(z.nonnegative()),
  })),
} satisfies MessageSpec;

/** The name tagger's state, as its host reports it. */
export const namesStatusSchema = lazy(() => z.union([
  z.object({ state: z.literal('loading') }),
  z.object({ state: z.literal('ready'), loadMs: z.number().check(z.nonnegative()), bytes: z.int().check(z.nonnegative()), rows: z.int().check(z.nonnegative()) }),
  z.object({ state: z.literal('failed'), error: z.string().check(z.maxLength(2000)) }),
]));

/** Where an answer's names came from: the trained tagger with the rules, or the rules alone (and why). */
export const nameSourceSchema = lazy(() => z.object({
  source: z.enum(['model', 'rules']),
  /** Why the model was not used, when it was not. */
  error: z.optional(z.string().check(z.maxLength(2000))),
}));
export type NameSourceInfo = z.infer<typeof nameSourceSchema>;

const statusSpec = {
  request: lazy(() => z.object({})),
  response: lazy(() => z.object({
    host: segmenterHostSchema,
    ready: z.boolean(),
    /** Time it took to fetch and instantiate the WASM module, ms; null until ready. */
    loadMs: z.nullable(z.number().check(z.nonnegative())),
    /** User-dictionary words added since start. */
    userWords: z.int().check(z.nonnegative()),
    /** The trained name tagger: loading, ready (with its load time and size), or why it failed. */
    names: namesStatusSchema,
  })),
} satisfies MessageSpec;

export { SPAN_TYPE_NAMES, spanSchema, type WireSpan } from './span';

const recognizeSpec = {
  request: lazy(() => z.object({
    text: z.string().check(z.maxLength(MAX_SEGMENT_CHARS)),
    /** Names the user rejected ("不是实体"), never returned. The background fills these in. */
    rejected: z._default(z.array(z.string().check(z.maxLength(200))).check(z.maxLength(20_000)), []),
    /** Names the user added as entities: cut whole and marked as their type. */
    added: z._default(
      z
        .array(z.object({ text: z.string().check(z.minLength(2), z.maxLength(200)), entityType: z.enum(['PERSON', 'PLACE', 'ORG', 'DOC']) }))
        .check(z.maxLength(20_000)),
      [],
    ),
  })),
  response: lazy(() => z.object({
    spans: z.array(spanSchema),
    host: segmenterHostSchema,
    /** Time spent recognizing, ms. */
    ms: z.number().check(z.nonnegative()),
    names: nameSourceSchema,
  })),
} satisfies MessageSpec;

/** Addressed to the offscreen document, which hosts the segmenter in Chromium. */
export const offscreenProtocol = {
  segment: segmentSpec,
  recognize: recognizeSpec,
  'segmenter/status': statusSpec,
};

/** Addressed to the background (service worker, or Firefox's background page). */
export const backgroundProtocol = {
  ...clippingBackgroundProtocol,
  ...corpusBackgroundProtocol,
  ...insightBackgroundProtocol,
  segment: segmentSpec,
  recognize: recognizeSpec,
  'segmenter/status': statusSpec,
  /** The user says a highlighted name is not an entity: it is never highlighted again. */
  /** The user marks a selection as an entity of a type: it is highlighted from now on. */
  'entities/add': {
    request: lazy(() => z.object({ text: z.string().check(z.trim(), z.minLength(2), z.maxLength(200)), entityType: z.enum(['PERSON', 'PLACE', 'ORG', 'DOC']) })),
    response: lazy(() => z.object({ added: z.int().check(z.nonnegative()) })),
  },
  /**
   * Annotates a tab's page now, once: on a site the extension does not run on (through the
   * `activeTab` grant of a popup click or the keyboard command), or on a site switched off.
   */
  'page/annotate-once': {
    request: lazy(() => z.object({ tabId: z.int().check(z.nonnegative()) })),
    response: lazy(() => z.object({ injected: z.boolean() })),
  },
  'entities/reject': {
    // Not `type`: that field of a message names its kind.
    request: lazy(() => z.object({ text: z.string().check(z.minLength(1), z.maxLength(200)), entityType: z.enum(SPAN_TYPE_NAMES) })),
    response: lazy(() => z.object({ rejected: z.int().check(z.nonnegative()) })),
  },
  /**
   * Takes back a correction just made (the card's 撤销 after 添加为实体 or 不是实体): the name
   * leaves the added or rejected list. Sent only from a trusted click, like the correction.
   */
  'entities/undo': {
    request: lazy(() => z.object({ kind: z.enum(['added', 'rejected']), text: z.string().check(z.minLength(1), z.maxLength(200)) })),
    response: lazy(() => z.object({ removed: z.boolean() })),
  },
};

/** What the content script of a page reports about its own round trip through the segmenter. */
export const pageSegmentationSchema = lazy(() => z.object({
  url: z.string(),
  title: z.string(),
  /** Characters of visible text sent to the segmenter. */
  chars: z.int().check(z.nonnegative()),
  tokens: z.int().check(z.nonnegative()),
  /** The first tokens of the page, for display and tests. */
  sample: z.array(tokenSchema),
  host: segmenterHostSchema,
  /** Round trip time from sending the text to receiving the tokens, ms. */
  ms: z.number().check(z.nonnegative()),
}));
export type PageSegmentation = z.infer<typeof pageSegmentationSchema>;

/** How far the content script has come reading its page; times are ms since it started. */
export const annotationProgressSchema = lazy(() => z.object({
  /** When the content script started, ms since the page's time origin (`performance.now()`). */
  startedAt: z.number().check(z.nonnegative()),
  /** Reads of the page so far (the first, then one per change of the page). */
  scans: z.int().check(z.nonnegative()),
  /** Recognizer requests of the current read still unanswered. */
  pending: z.int().check(z.nonnegative()),
  /** When the first highlights were painted; null before. */
  firstPaintMs: z.nullable(z.number().check(z.nonnegative())),
  /** When the latest read finished; null while a read runs. */
  doneMs: z.nullable(z.number().check(z.nonnegative())),
  /** Characters sent to the recognizer by the latest read (blocks read before are not sent again). */
  sentChars: z.int().check(z.nonnegative()),
  /** Time the recognizer spent on this page's requests, ms (the rest is messaging and painting). */
  recognizerMs: z.number().check(z.nonnegative()),
  /** Requests of the latest read that failed; their blocks are sent again on the next read. */
  failed: z.int().check(z.nonnegative()),
  /** How spans are painted: CSS highlights, or `<mark>` elements where the API is missing. */
  painter: z.enum(['css', 'wrap']),
  /** Where the names of the latest answer came from (the rules alone when the model is missing). */
  names: z.optional(nameSourceSchema),
  /**
   * What the latest read annotated: the page's article, the whole page (整页标注, or a page
   * without an article the reader asked for), or nothing (`light`: a page without an article,
   * annotated only when the reader asks).
   */
  scope: z.optional(z.enum(['article', 'page', 'light'])),
  /** Main-thread time the latest read spent finding the article, ms. */
  articleMs: z.optional(z.number().check(z.nonnegative())),
  /** The article's flat-text offsets in the page, when one was found. */
  article: z.optional(z.object({ start: z.int().check(z.nonnegative()), end: z.int().check(z.nonnegative()), headline: z.string().check(z.maxLength(1000)) })),
}));
export type AnnotationProgress = z.infer<typeof annotationProgressSchema>;

/** A page's text as the side panel asks for it (see `page/text`). */
export const pageTextSchema = lazy(() => z.object({
  url: z.string(),
  /** `<link rel=canonical>`, when the page has one. */
  canonicalUrl: z.optional(z.string()),
  /** The document's title (often with the site's name after it). */
  title: z.string(),
  /** The article's title: its visible headline, else `og:title`, else the document's title without the site's name; '' if none. */
  headline: z.string(),
  /** The article's text (headline first), cut at `MAX_QUERY_CHARS`. */
  text: z.string().check(z.maxLength(MAX_QUERY_CHARS)),
  /** The current selection, '' if none; cut at `MAX_QUERY_CHARS`. */
  selection: z.string().check(z.maxLength(MAX_QUERY_CHARS)),
  /** When the page says it was published (its `<meta>`), as an ISO date. */
  published: z.optional(z.string().check(z.regex(PUBLISHED_RE))),
}));
export type PageText = z.infer<typeof pageTextSchema>;

/** Addressed to the content script of one tab (through `tabs.sendMessage`). */
export const contentProtocol = {
  ...clippingContentProtocol,
  /** 数字核对 of the page's figures (offsets into its flat page text), as the content script has it. */
  'page/crosscheck': {
    request: lazy(() => z.object({})),
    response: lazy(() => z.union([
      z.object({ state: z.enum(['none', 'pending']) }),
      z.object({ state: z.literal('done'), results: z.array(crossCheckResultSchema) }),
      z.object({ state: z.literal('failed'), error: z.string() }),
    ])),
  },
  /** What the content script paints on the page now (offsets into its flat page text). */
  'annotations/list': {
    request: lazy(() => z.object({})),
    response: lazy(() => z.object({ url: z.string(), entities: z.array(spanSchema), progress: z.optional(annotationProgressSchema) })),
  },
  /** Annotates this page now even if its site is switched off (a one-off run asked by the reader). */
  'page/annotate-now': {
    request: lazy(() => z.object({})),
    response: lazy(() => z.object({ started: z.boolean() })),
  },
  /** Scrolls the page to the span at these offsets; `found: false` if it is no longer there. */
  'annotations/reveal': {
    request: lazy(() => z.object({ start: z.int().check(z.nonnegative()), end: z.int().check(z.nonnegative()) })),
    response: lazy(() => z.object({ found: z.boolean() })),
  },
  'page/segmentation': {
    request: lazy(() => z.object({})),
    response: lazy(() => z.union([
      z.object({ state: z.literal('done'), result: pageSegmentationSchema }),
      z.object({ state: z.literal('pending') }),
      z.object({ state: z.literal('failed'), error: z.string() }),
    ])),
  },
  /** The page's article text and current selection, for the side panel's related lookup and "add this page". */
  'page/text': {
    request: lazy(() => z.object({})),
    response: pageTextSchema,
  },
};

/** Shortest selection (characters, trimmed) the side panel looks up related articles for. */
export const MIN_SELECTION_CHARS = 8;

/** Addressed to the side panel (through `runtime.sendMessage`; nobody answers while it is closed). */
export const sidePanelProtocol = {
  /** The reader selected text on a page (sent debounced, for selections of at least {@link MIN_SELECTION_CHARS}). */
  'page/selection': {
    request: lazy(() => z.object({ url: z.string().check(z.maxLength(4000)), text: z.string().check(z.minLength(MIN_SELECTION_CHARS), z.maxLength(MAX_QUERY_CHARS)) })),
    response: lazy(() => z.object({})),
  },
};

/**
 * A page's hover card asks for an article of the corpus in the side panel's reader (the reader
 * clicked one of its corpus hits: sent only from a trusted click). Addressed to the background
 * like {@link backgroundProtocol}, but a protocol of its own, handled in
 * `entrypoints/background/side-panel.ts`: `sidePanel.open` must be called there synchronously,
 * while the click still counts as a user gesture. The article reaches the panel through
 * `storage.session` under {@link PENDING_ARTICLE_KEY} (the panel may not be open yet).
 */
export const sidePanelOpenProtocol = {
  'sidepanel/open-article': {
    request: lazy(() => z.object({
      articleId: z.string().check(z.minLength(1), z.maxLength(200)),
      title: z.string().check(z.maxLength(1000)),
      /** The name the reader came from: the reader view marks the first sentence with it. */
      mention: z.optional(z.string().check(z.maxLength(200))),
    })),
    /** `opened`: whether the browser opened the panel (else the article waits until it is opened). */
    response: lazy(() => z.object({ opened: z.boolean() })),
  },
  /** The entity profile (实体档案) of a name, in the side panel (as `sidepanel/open-article`). */
  'sidepanel/open-profile': {
    request: lazy(() => pendingProfileRequestSchema),
    response: lazy(() => z.object({ opened: z.boolean() })),
  },
} satisfies Record<string, MessageSpec>;

const pendingProfileRequestSchema = lazy(() => z.object({
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  entityType: z.enum(['PERSON', 'PLACE', 'ORG', 'DOC']),
  /** The places of the page the name was seen on. */
  places: z.optional(z.array(z.string().check(z.maxLength(100))).check(z.maxLength(50))),
}));

/** Where the background leaves the profile a hover card or the popup asked for. */
export const PENDING_PROFILE_KEY = 'sidepanel.pendingProfile';

/** A profile waiting for the side panel of tab `tabId` (asked at `at`). */
export const pendingProfileSchema = lazy(() => z.extend(pendingProfileRequestSchema, { tabId: z.int(), at: z.number() }));
export type PendingProfile = z.infer<typeof pendingProfileSchema>;

/** Where the background leaves the article a hover card asked for, for the side panel of that tab. */
export const PENDING_ARTICLE_KEY = 'sidepanel.pendingArticle';

/** An article waiting for the side panel of tab `tabId` (asked at `at`, ms since the epoch). */
export const pendingArticleSchema = lazy(() => z.object({
  tabId: z.int(),
  articleId: z.string().check(z.maxLength(200)),
  title: z.string().check(z.maxLength(1000)),
  mention: z.optional(z.string().check(z.maxLength(200))),
  at: z.number(),
}));
export type PendingArticle = z.infer<typeof pendingArticleSchema>;
