/**
 * Messages about clippings. The background owns saving (a tab may close right after the click);
 * content scripts capture selections and re-highlight a page's clippings; the popup reads the
 * database directly and asks the background for what needs the segmenter.
 */
import * as z from 'zod/mini';
import { t } from '../i18n';
import { lazy } from '../lazy';
import { CLIPPING_COLORS, MAX_QUOTE_CHARS, selectorsSchema, webUrlSchema } from '../store/clipping';
import type { MessageSpec } from './index';

/** What a content script captures from a selection, for the background to save. */
export const capturedClippingSchema = lazy(() => z.object({
  /** Chosen by the page's script, so that a save sent again after a stopped worker is stored once. */
  id: z.optional(z.uuid()),
  quote: z.string().check(z.minLength(1), z.maxLength(MAX_QUOTE_CHARS)),
  selectors: selectorsSchema,
  url: webUrlSchema,
  canonicalUrl: webUrlSchema,
  title: z.string().check(z.maxLength(1000)),
  note: z.optional(z.string().check(z.maxLength(50_000))),
  tags: z.optional(z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(40))).check(z.maxLength(50))),
  color: z.optional(z.enum(CLIPPING_COLORS)),
}));
export type CapturedClipping = z.infer<typeof capturedClippingSchema>;

/** A page's clipping as the content script needs it to highlight it again. */
export const pageClippingSchema = lazy(() => z.object({
  id: z.string(),
  quote: z.string(),
  selectors: selectorsSchema,
  color: z.enum(CLIPPING_COLORS),
  note: z.string(),
  /** The clipping's tags, shown with its note when the reader hovers its highlight. */
  tags: z.optional(z.array(z.string().check(z.maxLength(40))).check(z.maxLength(50))),
}));
export type PageClipping = z.infer<typeof pageClippingSchema>;

const tagsSchema = lazy(() => z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(40), z.refine((tag) => !/[,，\n]/.test(tag), { error: () => t('storeTagNoComma') }))).check(z.maxLength(50)));

export const clippingBackgroundProtocol = {
  /** Saves a captured clipping at once; entities, search tokens and related articles follow. */
  'clippings/save': {
    request: capturedClippingSchema,
    response: lazy(() => z.object({ id: z.string() })),
  },
  /** Changes the note, tags or color of a clipping (the search index follows). */
  'clippings/update': {
    request: lazy(() => z.object({
      id: z.string(),
      note: z.optional(z.string().check(z.maxLength(50_000))),
      tags: z.optional(tagsSchema),
      color: z.optional(z.enum(CLIPPING_COLORS)),
    })),
    response: lazy(() => z.object({ updated: z.boolean() })),
  },
  /** The clippings of a page, to highlight them again. */
  'clippings/for-page': {
    request: lazy(() => z.object({ url: z.string().check(z.maxLength(4000)), canonicalUrl: z.optional(z.string().check(z.maxLength(4000))) })),
    response: lazy(() => z.object({ clippings: z.array(pageClippingSchema) })),
  },
  /**
   * Opens a clipping's page in a new tab (its http(s) address only) with a text fragment of the
   * quote; the page's content script then scrolls to the clipping by its own anchoring.
   */
  'clippings/open': {
    request: lazy(() => z.object({ id: z.string().check(z.maxLength(200)) })),
    response: lazy(() => z.object({ tabId: z.int() })),
  },
  /** Asked by a page's content script once its clippings are anchored: the clipping to scroll to, if the tab was opened for one. */
  'clippings/pending-reveal': {
    request: lazy(() => z.object({})),
    response: lazy(() => z.object({ id: z.nullable(z.string()) })),
  },
  /** Imports an export file (JSON): all or nothing; the error names the first bad record. */
  'clippings/import': {
    request: lazy(() => z.object({ text: z.string() })),
    response: lazy(() => z.object({ added: z.int(), updated: z.int(), unchanged: z.int() })),
  },
} satisfies Record<string, MessageSpec>;

export const clippingContentProtocol = {
  /** Saves the page's current selection as a clipping (context menu, keyboard command). */
  'clippings/save-selection': {
    request: lazy(() => z.object({})),
    response: lazy(() => z.object({ id: z.string() })),
  },
  /** Which of the page's clippings are highlighted, and which could not be found (orphans). */
  'clippings/status': {
    request: lazy(() => z.object({})),
    response: lazy(() => z.object({
      url: z.string(),
      items: z.array(z.object({ id: z.string(), anchored: z.boolean(), method: z.nullable(z.enum(['position', 'quote', 'fuzzy'])) })),
    })),
  },
  /** Scrolls to a clipping on the page; `found: false` if it could not be anchored. */
  'clippings/reveal': {
    request: lazy(() => z.object({ id: z.string() })),
    response: lazy(() => z.object({ found: z.boolean() })),
  },
} satisfies Record<string, MessageSpec>;
