/**
 * `npm run bench:import`: re-importing a big export file through the popup, in real Chromium with
 * the built extension (run `npm run build` first). The file (`--mb N`, default 200) is made by
 * `big-export.ts` in the shape of a reader's export; the popup reads it, checks it whole, and
 * sends it to the background in parts that fit Chrome's 64 MiB message limit; the background
 * validates, indexes (jieba search mode in the offscreen document) and writes each part.
 *
 * Reports the file's size and clippings, the time until the popup says 已导入, the rows in the
 * library afterwards (must equal the file's), and a second import of the same file (nothing
 * new: every clipping already there). Exits 1 if a row is missing or the import fails.
 */
import { writeFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWithExtension, ROOT } from '../e2e/harness';
import { bigExport } from './big-export';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const mb = arg('--mb', 200);
const made = performance.now();
const { text, count, bytes } = bigExport(ROOT, mb * 1e6);
const dir = mkdtempSync(join(tmpdir(), 'zwpz-import-'));
const file = join(dir, 'export.json');
writeFileSync(file, text);
console.log(`file: ${(bytes / 1e6).toFixed(1)} MB, ${text.length.toLocaleString('en-US')} characters, ${count.toLocaleString('en-US')} clippings (made in ${((performance.now() - made) / 1000).toFixed(1)} s)`);

const browser = await launchWithExtension();
let failed = false;
try {
  const popup = await browser.openExtensionPage('popup.html');
  const rowsInLibrary = () =>
    popup.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('zwpz');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const request = open.result.transaction('clippings').objectStore('clippings').count();
            request.onsuccess = () => {
              resolve(request.result);
              open.result.close();
            };
            request.onerror = () => reject(request.error);
          };
        }),
    );
  for (const round of ['first', 'again']) {
    const t = performance.now();
    await popup.getByLabel('导入 JSON 文件').setInputFiles(file);
    // The first round's answer may still be on screen: wait for this round's.
    const expected = round === 'first' ? `新增 ${count} 条` : `${count} 条已存在`;
    const message = popup.getByText(new RegExp(`^已导入.*${expected}|^导入失败`));
    await message.waitFor({ timeout: 30 * 60_000 });
    const said = (await message.textContent()) ?? '';
    const seconds = (performance.now() - t) / 1000;
    const rows = await rowsInLibrary();
    const ok = said.startsWith('已导入') && rows === count;
    if (!ok) failed = true;
    console.log(`import (${round}): ${seconds.toFixed(1)} s, ${(bytes / 1e6 / seconds).toFixed(2)} MB/s; the popup said「${said}」; ${rows.toLocaleString('en-US')} rows in the library ${ok ? 'ok' : 'MISSED'}`);
  }
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
