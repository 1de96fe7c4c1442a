/**
 * Before the Firefox tests: Debian's Firefox ESR must exist — installed here with apt when the
 * tests run as root (as `.ci/run` does), else the tests stop with the command to run — and the
 * Firefox build must be at least as new as its sources (else it is built again).
 */
import { existsSync } from 'node:fs';
import { aptInstall, buildIfStale, canApt } from '../e2e/setup-tools';
import { FIREFOX_EXTENSION_DIR, firefoxPath } from './harness';

function ensureFirefox(): void {
  if (process.env.FIREFOX_PATH || existsSync('/usr/bin/firefox-esr')) return;
  if (!canApt()) throw new Error('The Firefox end-to-end tests need Firefox ESR: run `sudo apt-get install -y firefox-esr` (or set FIREFOX_PATH).');
  aptInstall('e2e-firefox', ['firefox-esr']);
}

export default function setup(): void {
  ensureFirefox();
  firefoxPath();
  buildIfStale('e2e-firefox', FIREFOX_EXTENSION_DIR, ['-b', 'firefox']);
}
