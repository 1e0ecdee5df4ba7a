// The launcher (src/bin/jixiao.mjs) and the bundle (src/bin/bundle.mjs), run in a temporary copy of the project:
// the bundle gives the same output as the sources, a changed source makes it stale, and a stale bundle never runs
// (the launcher rebuilds it, or runs the sources through tsx when it cannot).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';

const ROOT = join(import.meta.dirname, '..', '..');
const DOC = '001_911f9712737d8e1a.txt';

/** A copy of package.json, tsconfig.json, src/ and one document, with node_modules linked package by package. */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-launcher-'));
  for (const f of ['package.json', 'tsconfig.json']) cpSync(join(ROOT, f), join(dir, f));
  cpSync(join(ROOT, 'src'), join(dir, 'src'), {recursive: true});
  mkdirSync(join(dir, 'data'));
  cpSync(join(ROOT, 'data', DOC), join(dir, 'data', DOC));
  mkdirSync(join(dir, 'node_modules'));
  for (const name of readdirSync(join(ROOT, 'node_modules'))) {
    if (name === '.cache') continue; // the copy builds its own bundle
    symlinkSync(join(ROOT, 'node_modules', name), join(dir, 'node_modules', name));
  }
  return dir;
}

const node = (cwd: string, ...args: string[]) => spawnSync(process.execPath, args, {cwd, encoding: 'utf8', maxBuffer: 1 << 26});
const fresh = async (dir: string): Promise<string | null> =>
  ((await import(`${pathToFileURL(join(dir, 'src', 'bin', 'bundle.mjs')).href}?${Math.random()}`)) as {freshBundle: () => string | null}).freshBundle();
const current = (dir: string): string => JSON.parse(readFileSync(join(dir, 'node_modules', '.cache', 'jixiao', 'current.json'), 'utf8')).dir;

test('src/bin: the bundle extracts like the sources, and goes stale when a source changes', async () => {
  const dir = project();
  try {
    const built = node(dir, 'src/bin/build.mjs');
    assert.equal(built.status, 0, built.stderr);
    assert.equal(built.stderr, '');
    const cli = await fresh(dir);
    assert.ok(cli !== null && existsSync(cli), 'a fresh bundle after the build');
    const fromBundle = node(dir, 'src/bin/jixiao.mjs', 'extract', join('data', DOC));
    const fromSource = node(dir, '--import', 'tsx', 'src/cli.ts', 'extract', join('data', DOC));
    assert.equal(fromBundle.status, 0, fromBundle.stderr);
    assert.equal(fromBundle.stdout, fromSource.stdout);
    assert.equal(fromBundle.stderr, fromSource.stderr);
    // Same bytes with a changed modification time: still fresh (content is what counts).
    const grammar = join(dir, 'src', 'extract', 'grammar.ts');
    writeFileSync(grammar, readFileSync(grammar));
    assert.equal(await fresh(dir), cli);
    // Changed content: stale.
    writeFileSync(grammar, readFileSync(grammar, 'utf8') + '\n// changed\n');
    assert.equal(await fresh(dir), null);
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
});

test('src/bin/jixiao.mjs never runs a stale bundle: it rebuilds, or runs the sources when it cannot build', async () => {
  const dir = project();
  try {
    assert.equal(node(dir, 'src/bin/build.mjs').status, 0);
    const first = current(dir);
    const cliSource = join(dir, 'src', 'cli.ts');
    const original = readFileSync(cliSource, 'utf8');
    // A source change: the launcher rebuilds, and the new code runs.
    writeFileSync(cliSource, original.replace('Usage: jixiao', 'Usage (changed once): jixiao'));
    const once = node(dir, 'src/bin/jixiao.mjs', '--help');
    assert.equal(once.status, 0, once.stderr);
    assert.match(once.stdout, /Usage \(changed once\): jixiao/);
    assert.notEqual(current(dir), first, 'a new build');
    assert.ok((await fresh(dir)) !== null);
    // Without esbuild no build is possible: the sources run through tsx, never the stale bundle.
    rmSync(join(dir, 'node_modules', 'esbuild'));
    writeFileSync(cliSource, original.replace('Usage: jixiao', 'Usage (changed twice): jixiao'));
    const twice = node(dir, 'src/bin/jixiao.mjs', '--help');
    assert.equal(twice.status, 0, twice.stderr);
    assert.match(twice.stdout, /Usage \(changed twice\): jixiao/);
    assert.equal(await fresh(dir), null);
    // And the build script only warns.
    const warned = node(dir, 'src/bin/build.mjs');
    assert.equal(warned.status, 0);
    assert.match(warned.stderr, /warning: could not build the CLI bundle/);
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
});
