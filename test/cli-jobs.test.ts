// The CLI on the worker pool (--jobs): the same bytes on stdout, the same stderr lines and exit codes with one
// thread and with several workers, and --jobs checked like the other options.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {availableParallelism, tmpdir} from 'node:os';
import {join} from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const DATA = join(ROOT, 'data');
const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli.ts'), ...args], {cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28});
/** At least two workers, so the pool really runs even on a one-CPU machine. */
const JOBS = String(Math.max(2, availableParallelism()));

/** Every bundled document three times (enough files for the pool), plus an empty and a binary file. */
function corpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-jobs-'));
  for (let copy = 0; copy < 3; copy++) for (const name of readdirSync(DATA)) copyFileSync(join(DATA, name), join(dir, `c${copy}_${name}`));
  writeFileSync(join(dir, 'c1_empty.txt'), '');
  writeFileSync(join(dir, 'c2_scan.txt'), Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2048, 0)]));
  return dir;
}

for (const [command, format] of [['extract', 'json'], ['extract', 'csv'], ['analyze', 'json'], ['analyze', 'csv']] as const) {
  test(`jixiao ${command} --format ${format}: --jobs 1 and --jobs ${JOBS} give the same stdout, stderr and exit code`, () => {
    const dir = corpus();
    try {
      const one = run(command, dir, '--format', format, '--jobs', '1');
      const many = run(command, dir, '--format', format, '--jobs', JOBS);
      assert.equal(one.status, 1, one.stderr); // the empty and the binary file
      assert.equal(many.status, one.status);
      assert.equal(many.stderr, one.stderr);
      assert.equal(one.stderr.trim().split('\n').length, 2, 'one line per failed file');
      assert.ok(many.stdout === one.stdout, 'stdout differs between --jobs 1 and the pool');
      if (format === 'json') assert.equal(JSON.parse(one.stdout).documents.length, 15);
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });
}

test('jixiao extract --strict on the pool exits 2 like in one thread', () => {
  const dir = corpus();
  try {
    rmSync(join(dir, 'c1_empty.txt'));
    rmSync(join(dir, 'c2_scan.txt'));
    const cut = join(dir, 'c9_cut.txt');
    writeFileSync(cut, spawnSync('head', ['-n', '497', join(DATA, '003_e2de676d67b0a214.txt')], {encoding: 'utf8'}).stdout);
    assert.equal(run('extract', dir, '--strict', '--jobs', JOBS).status, 2);
    assert.equal(run('extract', dir, '--strict', '--jobs', '1').status, 2);
    assert.equal(run('extract', dir, '--jobs', JOBS).status, 0);
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
});

test('jixiao extract --jobs with something other than a whole number ≥ 1 is a usage error (64)', () => {
  for (const bad of ['0', 'x', '1.5', '-2']) {
    const r = run('extract', 'data', '--jobs', bad);
    assert.equal(r.status, 64, bad);
    assert.match(r.stderr, /Usage: jixiao/);
  }
  assert.equal(run('extract', 'data/001_911f9712737d8e1a.txt', '-j', '1').status, 0);
});

test('jixiao extract on the pool under `node --max-old-space-size=…` (refused in a worker\'s execArgv) runs like --jobs 1', () => {
  const dir = corpus();
  try {
    const withFlag = (...args: string[]) => spawnSync(process.execPath, ['--max-old-space-size=2048', '--import', 'tsx', join(ROOT, 'src/cli.ts'), ...args], {cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28});
    const many = withFlag('extract', dir, '--jobs', JOBS);
    const one = run('extract', dir, '--jobs', '1');
    assert.doesNotMatch(many.stderr, /ERR_WORKER_INVALID_EXEC_ARGV|invalid execArgv/);
    assert.equal(many.status, one.status, many.stderr);
    assert.ok(many.stdout === one.stdout, 'stdout differs between --jobs 1 and the pool');
    assert.equal(JSON.parse(many.stdout).documents.length, 15);
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
});
