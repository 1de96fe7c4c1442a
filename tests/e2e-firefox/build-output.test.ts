/** The Firefox build as Firefox reads it: MV2, the add-on id, the sidebar, strings from _locales. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADDON_ID, FIREFOX_EXTENSION_DIR } from './harness';

describe('the Firefox build', () => {
  const manifest = JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8'));

  it('is an MV2 add-on with a background page, a sidebar opened by the reader, and no offscreen or side panel permission', () => {
    expect(manifest.manifest_version).toBe(2);
    expect(manifest.browser_specific_settings.gecko.id).toBe(ADDON_ID);
    expect(manifest.background.scripts).toEqual(['background.js']);
    expect(manifest.sidebar_action).toMatchObject({ default_panel: 'sidepanel.html', open_at_install: false });
    expect(manifest.permissions).not.toContain('offscreen');
    expect(manifest.permissions).not.toContain('sidePanel');
    expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
    expect(manifest.content_security_policy).toContain("'wasm-unsafe-eval'");
  });

  it('takes every string the browser shows from _locales', () => {
    expect(manifest.name).toBe('__MSG_extName__');
    expect(manifest.browser_action.default_title).toBe('__MSG_extName__');
    expect(manifest.sidebar_action.default_title).toBe('__MSG_extSidebarTitle__');
    for (const lang of ['zh_CN', 'en']) {
      const messages = JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, `_locales/${lang}/messages.json`), 'utf8'));
      expect(messages.extName.message.length).toBeGreaterThan(0);
      expect(messages.extSidebarTitle.message.length).toBeGreaterThan(0);
    }
  });
});
