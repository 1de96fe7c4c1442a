/**
 * Runs a TypeScript CLI the way the extension ships its code: bundled by esbuild (no tsx loader
 * hooks, no `keepNames` wrappers around every closure), then imported. Used by `npm run bench`
 * so timings describe the shipped recognizer, not the dev-time loader.
 *
 * Usage: node lib/cli/run-bundled.mjs lib/cli/bench.ts [args…]. Exits 1 with esbuild's message
 * if the entry does not build.
 */
import { mkdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const entry = process.argv[2];
if (!entry) {
  console.error('usage: node lib/cli/run-bundled.mjs ENTRY.ts [args…]');
  process.exit(2);
}
const source = resolve(entry);
const outDir = resolve('node_modules/.cache/run-bundled');
mkdirSync(outDir, { recursive: true });
const outfile = join(outDir, `${basename(source, '.ts')}.mjs`);
try {
  await build({
    entryPoints: [source],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile,
    logLevel: 'error',
    // The bundle lives elsewhere; paths the script derives from its own folder stay as written.
    define: { 'import.meta.dirname': JSON.stringify(dirname(source)) },
    alias: { '@': resolve('.') },
  });
} catch {
  process.exit(1);
}
process.argv.splice(2, 1);
await import(pathToFileURL(outfile).href);
