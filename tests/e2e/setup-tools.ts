/**
 * What the global setups of the Chromium and the Firefox end-to-end projects share: installing
 * Debian packages when allowed, and building the extension when its build is older than its
 * sources.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './harness';

/** What a build is made from: newer files here make it stale. */
const SOURCES = ['entrypoints', 'components', 'lib', 'locales', 'public', 'seeds', 'wxt.config.ts', 'package.json', 'package-lock.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((f) => newestMtime(join(path, f))));
}

/** Whether this process may install packages itself (root, with apt-get). */
export function canApt(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0 && existsSync('/usr/bin/apt-get');
}

/** Installs Debian packages with apt-get (call only when {@link canApt}). Throws if apt fails. */
export function aptInstall(label: string, packages: readonly string[]): void {
  console.log(`[${label}] installing ${packages.join(', ')} with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
}

/**
 * Builds the extension into `outputDir` with `wxt build` and `args` when the build there is
 * missing or older than its sources. Throws if the build fails.
 */
export function buildIfStale(label: string, outputDir: string, args: readonly string[] = []): void {
  const manifest = join(outputDir, 'manifest.json');
  const built = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
  if (built >= Math.max(...SOURCES.map((s) => newestMtime(join(ROOT, s))))) return;
  console.log(`[${label}] the build in ${outputDir} is missing or older than its sources: running \`wxt build ${args.join(' ')}\``);
  execFileSync(process.execPath, [join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'build', ...args], { cwd: ROOT, stdio: 'inherit' });
}
