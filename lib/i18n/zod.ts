/**
 * zod's issue messages in the UI's language.
 *
 * How: {@link zodMessage} is a zod error map that reads {@link language} each time zod asks it
 * for a message, that is while a value is being parsed. A parse that can end in a message for
 * the reader passes it in, `schema.safeParse(value, IN_LANGUAGE)` (the import of clippings, the
 * writes of the store), so its messages are in the language of the moment the record is checked,
 * with nothing to redo when the reader switches language and nothing global changed: zod's own
 * configuration (`z.config(en())` of `lib/messaging`, English for the protocol's logs) stays as it
 * is. `z.config({ localeError: zodMessage })` would make it the default of a whole context.
 *
 * What: the issues the stored records raise (a wrong type, a missing field, too long, too many,
 * empty, not a UUID, not one of the allowed values) have messages of our own, `store…` keys in
 * `locales/store.json`, phrased for the reader; any other issue gets the message of zod's own
 * locale for the language (`zod/v4/locales/zh-CN.js` or `en.js`). A message a schema sets
 * itself (`z.url({error})`, `z.refine(…, {error})`) wins over both, as zod orders them; such a
 * message should be a function calling `t()`, so that it too is built at parse time.
 *
 * Pure; works in Node, the extension's pages and the content script alike.
 */
import type { $ZodErrorMap, $ZodRawIssue } from 'zod/v4/core';
import zodEn from 'zod/v4/locales/en.js';
import zodZh from 'zod/v4/locales/zh-CN.js';
import { language, languageTag, t, type Language, type MessageKey } from './index';

/** The words for a type, as zod names them in `expected` (and as {@link typeOf} names a value). */
const TYPE_KEYS: Record<string, MessageKey> = {
  string: 'storeZodTypeString',
  number: 'storeZodTypeNumber',
  int: 'storeZodTypeInt',
  boolean: 'storeZodTypeBoolean',
  array: 'storeZodTypeArray',
  object: 'storeZodTypeObject',
  null: 'storeZodTypeNull',
};

/** A type's name for the reader; zod's own name for a type without words of ours. */
function typeName(type: string): string {
  const key = TYPE_KEYS[type];
  return key ? t(key) : type;
}

/** What a value is, in zod's names for types (`array` and `null` apart from `object`). */
function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isNaN(value)) return 'nan';
  return typeof value;
}

const count = (n: number | bigint) => n.toLocaleString(languageTag());

/** A primitive as a reader would type it (strings in quotes). */
const shown = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : typeof v === 'bigint' ? `${v}n` : String(v));

/** zod's own messages, per language, built on first use. */
const zodLocales: Partial<Record<Language, $ZodErrorMap>> = {};
function zodLocale(lang: Language): $ZodErrorMap {
  return (zodLocales[lang] ??= (lang === 'zh' ? zodZh : zodEn)().localeError);
}

/** Our message for an issue, or undefined where zod's locale says it as well as we would. */
function ownMessage(issue: $ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return t('storeZodMissing', typeName(issue.expected));
      const received = typeOf(issue.input);
      if (issue.expected === 'int' && received === 'number') return t('storeZodNotInteger');
      return t('storeZodWrongType', typeName(issue.expected), typeName(received));
    }
    case 'too_big': {
      if (issue.exact || issue.inclusive === false) return undefined;
      if (issue.origin === 'string') return t('storeZodTooLong', count(issue.maximum));
      if (issue.origin === 'array' || issue.origin === 'set') return t('storeZodTooMany', count(issue.maximum));
      if (issue.origin === 'number' || issue.origin === 'int') return t('storeZodTooBig', count(issue.maximum));
      return undefined;
    }
    case 'too_small': {
      if (issue.exact || issue.inclusive === false) return undefined;
      if (issue.origin === 'string') return Number(issue.minimum) === 1 ? t('storeZodEmpty') : t('storeZodTooShort', count(issue.minimum));
      if (issue.origin === 'array' || issue.origin === 'set') return t('storeZodTooFew', count(issue.minimum));
      if (issue.origin === 'number' || issue.origin === 'int') return t('storeZodTooSmall', count(issue.minimum));
      return undefined;
    }
    case 'invalid_format':
      if (issue.format === 'uuid') return t('storeZodNotUuid');
      if (issue.format === 'url') return t('storeZodNotUrl');
      if (issue.format === 'regex') return t('storeZodBadFormat');
      return undefined;
    case 'invalid_value':
      return issue.values.length === 1 ? t('storeZodNotValue', shown(issue.values[0])) : t('storeZodNotOneOf', issue.values.map(shown).join(t('storeZodListSeparator')));
    default:
      return undefined;
  }
}

/**
 * A zod error map giving every issue's message in the current language ({@link language}, read
 * when zod asks, i.e. during the parse).
 */
export const zodMessage: $ZodErrorMap = (issue) => {
  const own = ownMessage(issue);
  if (own !== undefined) return own;
  const theirs = zodLocale(language())(issue);
  return typeof theirs === 'string' ? theirs : (theirs?.message ?? undefined);
};

/** Parse parameters that give a parse's messages in the current language: `schema.safeParse(value, IN_LANGUAGE)`. */
export const IN_LANGUAGE = { error: zodMessage } as const;
