import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defineConfig } from 'wxt';
import { CORPUS_ASSET } from './lib/corpus/article';
import { browserMessages } from './lib/i18n';
import { JIEBA_WASM_PATH } from './lib/segment/wasm-path';
import { DEFAULT_SITE_PATTERNS, OPTIONAL_SITE_PATTERNS } from './lib/sites';

const EXTENSION_PAGES_CSP = "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';";

const require = createRequire(import.meta.url);


export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Explicit imports everywhere (STYLE.md): every dependency is visible in the file.
  imports: false,
  vite: () => ({
    build: {
      chunkSizeWarningLimit: 1024,
      // PROFILE_BUILD=1 keeps names readable in CPU profiles of the built extension.
      ...(process.env.PROFILE_BUILD ? { minify: false } : {}),
      rollupOptions: {
        onwarn(warning, warn) {
          // zod ships explanatory comments next to its /* @__PURE__ */ markers; harmless.
          if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/zod/')) return;
          warn(warning);
        },
      },
    },
  }),
  hooks: {
    // The toolbar button's and Firefox sidebar's titles in the browser's language (WXT takes them
    // from the pages' <title>, which is Chinese).
    'build:manifestGenerated': (_wxt, manifest) => {
      const action = manifest.action ?? manifest.browser_action;
      if (action) action.default_title = '__MSG_extName__';
      const sidebar = (manifest as { sidebar_action?: { default_title?: string } }).sidebar_action;
      if (sidebar) sidebar.default_title = '__MSG_extSidebarTitle__';
    },
    'build:publicAssets': async (_wxt, files) => {
      // jieba-wasm's module, once, loaded by lib/segment/web.ts with our glue (the package's web
      // glue is not bundled: Vite would inline the module as base64 into every bundle using it).
      const webGlue = require.resolve('jieba-wasm/web');
      files.push({
        absoluteSrc: join(dirname(webGlue), 'jieba_rs_wasm_bg.wasm'),
        relativeDest: JIEBA_WASM_PATH,
      });
      // The seed corpus, split, recognized and indexed from seeds/*.txt (a few seconds). Imported
      // here, not at the top: it loads jieba's Node build, which `wxt prepare` does not need.
      const { buildSeedCorpus } = await import('./lib/cli/corpus-seeds');
      files.push({ relativeDest: CORPUS_ASSET, contents: JSON.stringify(await buildSeedCorpus()) });
      // The browser's own locale files, for the manifest's strings (locales/*.json → _locales).
      for (const lang of ['zh_CN', 'en'] as const) {
        files.push({ relativeDest: `_locales/${lang}/messages.json`, contents: `${JSON.stringify(browserMessages(lang), null, 2)}\n` });
      }
    },
  },
  webExt: {
    binaries: { chrome: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
    chromiumArgs: ['--no-first-run', '--disable-background-networking', '--disable-component-update'],
    startUrls: ['https://www.people.com.cn/'],
  },
  manifest: ({ browser, manifestVersion }) => {
    const mv3 = manifestVersion === 3;
    const permissions = ['storage', 'unlimitedStorage', 'contextMenus', 'activeTab', 'scripting'];
    if (browser !== 'firefox') permissions.push('offscreen', 'sidePanel');
    return {
      name: '__MSG_extName__',
      description: '__MSG_extDescription__',
      default_locale: 'zh_CN',
      permissions,
      host_permissions: DEFAULT_SITE_PATTERNS,
      // Any other site can be enabled at run time from the options page (MV2 has no
      // optional_host_permissions: hosts go into optional_permissions there).
      ...(mv3
        ? { optional_host_permissions: OPTIONAL_SITE_PATTERNS }
        : { optional_permissions: OPTIONAL_SITE_PATTERNS }),
      content_security_policy: mv3
        ? { extension_pages: EXTENSION_PAGES_CSP }
        : (EXTENSION_PAGES_CSP as unknown as { extension_pages: string }),
      ...(browser === 'firefox'
        ? { browser_specific_settings: { gecko: { id: 'zhengwu-pizhu@news-annotator.local', strict_min_version: '115.0' } } }
        : {}),
      commands: {
        'open-side-panel': {
          suggested_key: { default: 'Alt+Shift+L' },
          description: '__MSG_commandOpenSidePanel__',
        },
        'save-clipping': {
          suggested_key: { default: 'Alt+Shift+S' },
          description: '__MSG_commandSaveClipping__',
        },
        'annotate-page': {
          suggested_key: { default: 'Alt+Shift+A' },
          description: '__MSG_commandAnnotatePage__',
        },
      },
    };
  },
});
