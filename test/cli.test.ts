// The CLI run for real in a temp folder: JSON and CSV on stdout, exit codes, report files.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync, spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli.ts'), ...args], {cwd: ROOT, encoding: 'utf8'});

test('jixiao extract data --format json prints every document in the FORMAT.md shape', () => {
  const r = run('extract', 'data', '--format', 'json');
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as {documents: Array<{source: string; encoding: string; tables: Array<Record<string, unknown>>}>};
  assert.equal(out.documents.length, 5);
  const t = out.documents[0].tables[1];
  assert.deepEqual(Object.keys(t).slice(0, 12), ['kind', 'title_line', 'lines', 'year', 'unit', 'project', 'leader', 'budget_total', 'budget_fiscal', 'budget_other', 'columns', 'indicators']);
  const first = (t.indicators as Array<Record<string, unknown>>)[0];
  assert.deepEqual(Object.keys(first).slice(0, 10), ['level1', 'level2', 'level3', 'target', 'basis', 'prior_year', 'weight', 'scoring_rule', 'evidence', 'lines']);
  assert.equal(first.target, '=885人');
});

test('jixiao extract <file> --format csv starts with a BOM and keeps =885人 as text', () => {
  const r = run('extract', 'data/000_b3fa070b509c4b73.txt', '--format', 'csv');
  assert.equal(r.status, 0, r.stderr);
  assert.ok(r.stdout.startsWith('\uFEFFsource,'));
  assert.ok(r.stdout.includes(",'=885人,计划标准,885人,10,"));
  assert.equal(r.stdout.split('\r\n').filter((l) => l.length > 0).length, 1 + 103);
});

test('jixiao extract with a missing file still prints the others and exits 1', () => {
  const r = run('extract', 'data/001_911f9712737d8e1a.txt', 'no/such/file.txt');
  assert.equal(r.status, 1);
  assert.equal(JSON.parse(r.stdout).documents.length, 1);
  assert.match(r.stderr, /no such file/);
});

test('jixiao with no command exits 64 with the usage text', () => {
  const r = run();
  assert.equal(r.status, 64);
  assert.match(r.stderr, /Usage: jixiao/);
});

test('jixiao report writes indicators.csv, tables.csv, diagnostics.csv and extract.json', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-'));
  const doc = join(dir, 'doc.txt');
  writeFileSync(doc, readFileSync(join(ROOT, 'data/003_e2de676d67b0a214.txt')));
  execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli.ts'), 'report', doc, '--out', join(dir, 'out')], {cwd: ROOT, stdio: 'pipe'});
  const tables = readFileSync(join(dir, 'out', 'tables.csv'), 'utf8');
  assert.equal(tables.split('\r\n').filter((l) => l).length, 1 + 3);
  assert.match(tables, /doc\.txt,1,overall,467/);
});

test('jixiao extract --strict exits 2 when a document has an error-level diagnostic, 0 without --strict', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-'));
  const cut = readFileSync(join(ROOT, 'data/003_e2de676d67b0a214.txt'), 'utf8').split('\n').slice(0, 497).join('\n');
  writeFileSync(join(dir, 'cut.txt'), cut);
  assert.equal(run('extract', join(dir, 'cut.txt')).status, 0);
  const strict = run('extract', join(dir, 'cut.txt'), '--strict');
  assert.equal(strict.status, 2);
  assert.equal(JSON.parse(strict.stdout).documents[0].tables.length, 2);
  assert.equal(run('extract', 'data/001_911f9712737d8e1a.txt', '--strict').status, 0);
});
