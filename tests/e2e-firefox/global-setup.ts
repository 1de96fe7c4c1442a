/**
 * Before the Firefox tests: Debian's Firefox ESR must exist — installed here with apt when the
 * tests run as root (as `.ci/run` does), else the tests stop with the command to run — and the
 * Firefox build must be at least as new as its sources (else it is built again).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FIREFOX_EXTENSION_DIR, firefoxPath, ROOT } from './harness';

const SOURCES = ['entrypoints', 'components', 'lib', 'locales', 'public', 'seeds', 'wxt.config.ts', 'package.json', 'package-lock.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((f) => newestMtime(join(path, f))));
}

function ensureFirefox(): void {
  if (process.env.FIREFOX_PATH || existsSync('/usr/bin/firefox-esr')) return;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || !existsSync('/usr/bin/apt-get')) {
    throw new Error('The Firefox end-to-end tests need Firefox ESR: run `sudo apt-get install -y firefox-esr` (or set FIREFOX_PATH).');
  }
  console.log('[e2e-firefox] installing firefox-esr with apt-get');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'firefox-esr'], { stdio: 'inherit', env });
}

export default function setup(): void {
  ensureFirefox();
  firefoxPath();
  const manifest = join(FIREFOX_EXTENSION_DIR, 'manifest.json');
  const built = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
  if (built < Math.max(...SOURCES.map((s) => newestMtime(join(ROOT, s))))) {
    console.log('[e2e-firefox] the Firefox build is missing or older than its sources: running `wxt build -b firefox`');
    execFileSync(process.execPath, [join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'build', '-b', 'firefox'], { cwd: ROOT, stdio: 'inherit' });
  }
}
