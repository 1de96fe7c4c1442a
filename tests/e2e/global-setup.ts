/**
 * Before the real-browser tests: Chromium and a CJK font must exist — on a fresh Debian machine
 * they are installed here when the tests run as root with apt (as `.ci/run` does), else the
 * tests stop with the one command to run — and the built extension must be at least as new as
 * its sources (else it is rebuilt).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumPath, EXTENSION_DIR, ROOT } from './harness';

const SOURCES = ['entrypoints', 'components', 'lib', 'locales', 'public', 'seeds', 'wxt.config.ts', 'package.json', 'package-lock.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((f) => newestMtime(join(path, f))));
}

/** Whether a CJK font is installed (fontconfig knows Noto Sans CJK). */
function hasCjkFont(): boolean {
  try {
    return /Noto Sans CJK/i.test(execFileSync('fc-list', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  } catch {
    return false;
  }
}

/**
 * Installs Debian's `chromium` and `fonts-noto-cjk` where missing, when this process may (root,
 * apt-get present). Throws with the command to run otherwise.
 */
function ensureBrowser(): void {
  const missing: string[] = [];
  if (!process.env.CHROME_PATH && !existsSync('/usr/bin/chromium')) missing.push('chromium');
  if (!hasCjkFont()) missing.push('fonts-noto-cjk');
  if (!missing.length) return;
  const command = `sudo apt-get install -y ${missing.join(' ')} fontconfig`;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || !existsSync('/usr/bin/apt-get')) {
    if (missing.includes('chromium')) throw new Error(`The end-to-end tests need ${missing.join(' and ')}: run \`${command}\` (or set CHROME_PATH to a Chromium or Chrome binary).`);
    console.warn(`[e2e] no CJK font: Chinese text renders as boxes in screenshots; run \`${command}\``);
    return;
  }
  console.log(`[e2e] installing ${missing.join(', ')} with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing, 'fontconfig'], { stdio: 'inherit', env });
}

export default function setup(): void {
  ensureBrowser();
  chromiumPath();
  const manifest = join(EXTENSION_DIR, 'manifest.json');
  const built = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
  const sources = Math.max(...SOURCES.map((s) => newestMtime(join(ROOT, s))));
  if (built < sources) {
    console.log('[e2e] the extension build is missing or older than its sources: running `wxt build`');
    execFileSync(process.execPath, [join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'build'], { cwd: ROOT, stdio: 'inherit' });
  }
}
