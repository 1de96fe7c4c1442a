/**
 * Before the real-browser tests: Chromium must exist (else a message saying how to install it),
 * and the built extension must be at least as new as its sources (else it is rebuilt).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumPath, EXTENSION_DIR, ROOT } from './harness';

const SOURCES = ['entrypoints', 'components', 'lib', 'public', 'seeds', 'wxt.config.ts', 'package.json', 'package-lock.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((f) => newestMtime(join(path, f))));
}

export default function setup(): void {
  chromiumPath();
  const manifest = join(EXTENSION_DIR, 'manifest.json');
  const built = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
  const sources = Math.max(...SOURCES.map((s) => newestMtime(join(ROOT, s))));
  if (built < sources) {
    console.log('[e2e] the extension build is missing or older than its sources: running `wxt build`');
    execFileSync(process.execPath, [join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'build'], { cwd: ROOT, stdio: 'inherit' });
  }
}
