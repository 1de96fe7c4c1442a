/**
 * Before the real-browser tests: Chromium and a CJK font must exist — on a fresh Debian machine
 * they are installed here when the tests run as root with apt (as `.ci/run` does), else the
 * tests stop with the one command to run — and the built extension must be at least as new as
 * its sources (else it is rebuilt).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumPath, EXTENSION_DIR } from './harness';
import { aptInstall, buildIfStale, canApt } from './setup-tools';

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
  if (!canApt()) {
    if (missing.includes('chromium')) throw new Error(`The end-to-end tests need ${missing.join(' and ')}: run \`${command}\` (or set CHROME_PATH to a Chromium or Chrome binary).`);
    console.warn(`[e2e] no CJK font: Chinese text renders as boxes in screenshots; run \`${command}\``);
    return;
  }
  aptInstall('e2e', [...missing, 'fontconfig']);
}

export default function setup(): void {
  ensureBrowser();
  chromiumPath();
  buildIfStale('e2e', EXTENSION_DIR);
}
