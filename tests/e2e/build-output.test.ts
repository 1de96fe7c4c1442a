import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NAME_MODEL_PATH } from '@/lib/recognize/tagger/model-path';
import { EXTENSION_DIR } from './harness';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** The first bytes of a WASM module (`\0asm` + version 1) in base64, as Vite would inline it. */
const WASM_BASE64 = 'AGFzbQEAAAA';

describe('the chrome-mv3 build', () => {
  const all = files(EXTENSION_DIR);

  it('holds exactly one .wasm and no inlined copy of it', () => {
    const wasm = all.filter((f) => f.endsWith('.wasm')).map((f) => relative(EXTENSION_DIR, f));
    expect(wasm).toEqual(['jieba/jieba_rs_wasm_bg.wasm']);
    for (const f of all.filter((p) => p.endsWith('.js'))) {
      expect(readFileSync(f, 'utf8').includes(WASM_BASE64), relative(EXTENSION_DIR, f)).toBe(false);
    }
  });

  it('is at most 12 MB, the name model at most 6 MB of it, shipped once', () => {
    const bytes = all.reduce((n, f) => n + statSync(f).size, 0);
    expect(bytes).toBeLessThanOrEqual(12 * 1024 * 1024);
    const models = all.filter((f) => f.endsWith('.bin')).map((f) => relative(EXTENSION_DIR, f));
    expect(models).toEqual([NAME_MODEL_PATH]);
    expect(statSync(join(EXTENSION_DIR, NAME_MODEL_PATH)).size).toBeLessThanOrEqual(6 * 1024 * 1024);
  });

  it('asks only for the permissions it uses, and never for all URLs', () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
    expect([...manifest.permissions].sort()).toEqual(
      ['activeTab', 'contextMenus', 'offscreen', 'scripting', 'sidePanel', 'storage', 'unlimitedStorage'].sort(),
    );
    expect(manifest.host_permissions).toContain('https://*.people.com.cn/*');
    expect(manifest.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
    expect([...manifest.content_scripts[0].matches].sort()).toEqual([...manifest.host_permissions].sort());
    expect(manifest.content_security_policy.extension_pages).toContain("'wasm-unsafe-eval'");
    // Every string the browser shows comes from _locales, in the browser's language.
    expect(manifest.name).toBe('__MSG_extName__');
    expect(manifest.action.default_title).toBe('__MSG_extName__');
  });
});
