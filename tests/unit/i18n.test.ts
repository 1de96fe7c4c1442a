import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG, PARTS } from '@/lib/i18n/catalog';
import { browserMessages, resolveLanguage, setLanguage, t } from '@/lib/i18n';

const ROOT = join(import.meta.dirname, '../..');
const placeholders = (s: string) => [...s.matchAll(/\$([1-9])/g)].map((m) => m[1]).sort();

describe('the message catalog', () => {
  it('has every key in Chinese and English, with the same placeholders, under a name the browser accepts', () => {
    const problems: string[] = [];
    for (const [key, m] of Object.entries(CATALOG as Record<string, { zh_CN?: unknown; en?: unknown }>)) {
      if (!/^[A-Za-z0-9_]+$/.test(key)) problems.push(`${key}: not a valid _locales key`);
      for (const lang of ['zh_CN', 'en'] as const) {
        if (typeof m[lang] !== 'string' || !(m[lang] as string).trim()) problems.push(`${key}: no ${lang}`);
      }
      if (typeof m.zh_CN === 'string' && typeof m.en === 'string' && placeholders(m.zh_CN).join() !== placeholders(m.en).join()) {
        problems.push(`${key}: placeholders differ (${placeholders(m.zh_CN)} / ${placeholders(m.en)})`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('reads every locales/*.json file, and no key is defined in two of them', () => {
    const files = readdirSync(join(ROOT, 'locales')).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort();
    expect(Object.keys(PARTS).sort()).toEqual(files);
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [part, messages] of Object.entries(PARTS)) {
      for (const key of Object.keys(messages)) {
        if (seen.has(key)) twice.push(`${key} in ${seen.get(key)} and ${part}`);
        seen.set(key, part);
      }
      // The file on disk is what the catalog holds (no key lost by the spread).
      expect(Object.keys(JSON.parse(readFileSync(join(ROOT, 'locales', `${part}.json`), 'utf8')))).toEqual(Object.keys(messages));
    }
    expect(twice).toEqual([]);
  });

  it('gives the browser its messages for the manifest in both languages', () => {
    for (const lang of ['zh_CN', 'en'] as const) {
      const messages = browserMessages(lang);
      for (const key of ['extName', 'extDescription', 'commandOpenSidePanel', 'commandSaveClipping', 'commandAnnotatePage']) {
        expect(messages[key]?.message, `${lang} ${key}`).toBeTruthy();
      }
    }
    expect(browserMessages('en').extName!.message).not.toBe(browserMessages('zh_CN').extName!.message);
  });

  it('finds no key used in the code that the catalog lacks', () => {
    // t('key') calls in the sources (the type checks typed callers; this catches string building).
    const missing: string[] = [];
    const walk = (dir: string): string[] =>
      readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));
    for (const file of [...walk('components'), ...walk('entrypoints'), ...walk('lib')]) {
      const source = readFileSync(join(ROOT, file), 'utf8');
      for (const m of source.matchAll(/\bt\('([A-Za-z0-9_]+)'/g)) if (!(m[1]! in CATALOG)) missing.push(`${file}: ${m[1]}`);
    }
    expect(missing).toEqual([]);
  });
});

describe('t and the language', () => {
  it('follows the setting, and the browser for auto (Chinese for any zh)', () => {
    expect(resolveLanguage('auto', 'zh-CN')).toBe('zh');
    expect(resolveLanguage('auto', 'zh-TW')).toBe('zh');
    expect(resolveLanguage('auto', 'en-US')).toBe('en');
    expect(resolveLanguage('auto', 'fr')).toBe('en');
    expect(resolveLanguage('en', 'zh-CN')).toBe('en');
    expect(resolveLanguage('zh', 'en-GB')).toBe('zh');
  });

  it('gives the message in the language set', () => {
    setLanguage('en');
    expect(t('typeORG')).toBe('Organization');
    setLanguage('zh');
    expect(t('typeORG')).toBe('机构');
  });
});
