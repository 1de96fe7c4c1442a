/**
 * Runs a TypeScript CLI the way the extension ships its code: bundled by esbuild (no tsx loader
 * hooks, no `keepNames` wrappers around every closure), then imported. Used by `npm run bench`,
 * `annotate` and `train:ner`, so timings describe the shipped code and the CLI starts fast: the
 * bundle is kept in `node_modules/.cache/run-bundled` and built again only when one of its
 * inputs (as esbuild's metafile lists them) is newer than it. The bundle's name carries a hash of
 * the entry's full path, so another checkout sharing `node_modules` never takes this one's bundle.
 *
 * Usage: node lib/cli/run-bundled.mjs lib/cli/bench.ts [args…]. Exits 1 with esbuild's message
 * if the entry does not build.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const entry = process.argv[2];
if (!entry) {
  console.error('usage: node lib/cli/run-bundled.mjs ENTRY.ts [args…]');
  process.exit(2);
}
const source = resolve(entry);
const outDir = resolve('node_modules/.cache/run-bundled');
mkdirSync(outDir, { recursive: true });
const outfile = join(outDir, `${basename(source, '.ts')}-${createHash('sha1').update(source).digest('hex').slice(0, 8)}.mjs`);
const metafile = `${outfile}.meta.json`;

/** Whether the kept bundle is at least as new as every file it was built from. */
function fresh() {
  if (!existsSync(outfile) || !existsSync(metafile)) return false;
  try {
    const built = statSync(outfile).mtimeMs;
    const inputs = Object.keys(JSON.parse(readFileSync(metafile, 'utf8')).inputs);
    return inputs.every((file) => statSync(resolve(file)).mtimeMs <= built);
  } catch {
    return false;
  }
}

if (!fresh()) {
  const { build } = await import('esbuild');
  try {
    const result = await build({
      entryPoints: [source],
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      outfile,
      logLevel: 'error',
      metafile: true,
      // The bundle lives elsewhere; paths the script derives from its own folder stay as written.
      define: { 'import.meta.dirname': JSON.stringify(dirname(source)) },
      alias: { '@': resolve('.') },
    });
    writeFileSync(metafile, JSON.stringify({ inputs: result.metafile.inputs }));
  } catch {
    process.exit(1);
  }
}
process.argv.splice(2, 1);
await import(pathToFileURL(outfile).href);
