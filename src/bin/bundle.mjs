// The prebuilt CLI: where it lives, whether it is fresh, and how to build it. Plain JavaScript, so the launcher
// (jixiao.mjs) can use it before anything is compiled.
//
//   node_modules/.cache/jixiao/            (inside node_modules: ignored by git, wiped and rebuilt by `npm ci`)
//     current.json                         {dir, inputs}: the build to run, swapped in atomically
//     build-<time>-<pid>/cli.mjs           src/cli.ts bundled (ESM), npm packages left external
//     build-<time>-<pid>/batch-worker.mjs  the worker-pool entry (src/io/batch-worker.ts), beside every chunk
//     build-<time>-<pid>/*-<hash>.mjs      chunks: code both entries share, and modules loaded lazily (report)
//
// A build is fresh when every file esbuild read (the src/**/*.ts it bundled, package.json, tsconfig.json) has
// the content it had when the build started (SHA-1, read before esbuild reads anything): a file changed during or
// after a build makes it stale, whatever the clocks and timestamps say. Hashing them takes a few milliseconds.
import {createHash} from 'node:crypto';
import {mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {dirname, join, relative, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

/** The project folder. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Where builds go. */
export const CACHE = join(ROOT, 'node_modules', '.cache', 'jixiao');
const CURRENT = join(CACHE, 'current.json');
/** Files that change a build without being bundled. */
const SETTINGS = ['package.json', 'tsconfig.json'];
/** Builds older than this, other than the current one, are removed (a long run may still be using one). */
const KEEP_OLD_MS = 60 * 60 * 1000;

/**
 * The current build's entry (absolute path of cli.mjs) when it is fresh, else null.
 * @example const cli = freshBundle(); if (cli) await import(pathToFileURL(cli).href);
 */
export function freshBundle() {
  let current;
  try { current = JSON.parse(readFileSync(CURRENT, 'utf8')); } catch { return null; }
  if (typeof current?.dir !== 'string' || !Array.isArray(current.inputs)) return null;
  for (const {path, sha1} of current.inputs) {
    if (typeof path !== 'string' || typeof sha1 !== 'string' || hashOf(path) !== sha1) return null;
  }
  const cli = join(CACHE, current.dir, 'cli.mjs');
  try { statSync(cli); } catch { return null; }
  return cli;
}

/**
 * Bundle src/cli.ts and src/io/batch-worker.ts with esbuild into a new build folder and make it current.
 * Returns the path of its cli.mjs.
 * @throws {Error} when esbuild is missing or the sources do not compile
 */
export async function buildBundle() {
  const {build} = await import('esbuild');
  // The content of every file esbuild may read, taken before it reads any.
  const before = new Map([...listFiles('src'), ...SETTINGS].map((p) => [p, hashOf(p)]));
  const dir = `build-${Date.now()}-${process.pid}`;
  const outdir = join(CACHE, dir);
  mkdirSync(outdir, {recursive: true});
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: {cli: 'src/cli.ts', 'batch-worker': 'src/io/batch-worker.ts'},
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    entryNames: '[name]',
    chunkNames: '[name]-[hash]',
    outExtension: {'.js': '.mjs'},
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'silent',
  });
  const read = new Set([...Object.keys(result.metafile.inputs), ...SETTINGS].map((p) => relative(ROOT, resolve(ROOT, p))));
  // A file made during the build has no "before": "" never matches, so the build is stale at once.
  const inputs = [...read].sort().map((path) => ({path, sha1: before.get(path) ?? ''}));
  const next = join(CACHE, `current-${process.pid}.json`);
  writeFileSync(next, JSON.stringify({dir, inputs}, null, 2) + '\n');
  renameSync(next, CURRENT);
  removeOldBuilds(dir);
  return join(outdir, 'cli.mjs');
}

/** SHA-1 of a file of the project (path relative to ROOT), or null when it cannot be read. */
function hashOf(path) {
  try { return createHash('sha1').update(readFileSync(join(ROOT, path))).digest('hex'); } catch { return null; }
}

/** Every file under a folder of the project, as paths relative to ROOT. */
function listFiles(dir) {
  return readdirSync(join(ROOT, dir), {recursive: true, withFileTypes: true})
    .filter((e) => e.isFile())
    .map((e) => relative(ROOT, join(e.parentPath ?? e.path, e.name)));
}

function removeOldBuilds(keep) {
  for (const name of readdirSync(CACHE)) {
    if (name === keep || !name.startsWith('build-')) continue;
    const path = join(CACHE, name);
    try { if (Date.now() - statSync(path).mtimeMs > KEEP_OLD_MS) rmSync(path, {recursive: true, force: true}); } catch { /* gone already */ }
  }
}
