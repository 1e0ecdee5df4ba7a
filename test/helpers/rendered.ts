// Scoring a rendered dump (test/fixtures/rendered*/) against its spec's expected rows, as test/corpus/score.ts
// does: the share of the nine standard cells that match, the tables found, and each table's line accounting.
import assert from 'node:assert/strict';
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {extractText} from '../../src/index.ts';
import type {Table} from '../../src/types.ts';

export const CELLS = ['level1', 'level2', 'level3', 'target', 'basis', 'prior_year', 'weight', 'scoring_rule', 'evidence'] as const;

/** Cell text as compared: NFKC, no whitespace, ≥/≤ spelled >=/<=; numbers to two decimals. */
export const norm = (v: unknown): string | null => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return String(Math.round(v * 100) / 100);
  return String(v).normalize('NFKC').replace(/\s+/g, '').replace(/≥/g, '>=').replace(/≤/g, '<=');
};

export interface DumpScore {
  tables: Table[];
  expectedTables: number;
  cells: number;
  matched: number;
}

/** Extract `<dir>/<spec>.<mode>.txt` and count its cells matching `<dir>/<spec>.expected.json`. */
export function scoreDump(dir: string, file: string): DumpScore {
  const spec = file.slice(0, file.indexOf('.'));
  const expected = JSON.parse(readFileSync(join(dir, `${spec}.expected.json`), 'utf8')).tables as Array<{indicators: Array<Record<string, unknown>>}>;
  const {tables} = extractText(readFileSync(join(dir, file), 'utf8'), {file});
  let cells = 0;
  let matched = 0;
  expected.forEach((e, k) => e.indicators.forEach((row, i) => {
    const got = tables[k]?.indicators[i] as unknown as Record<string, unknown> | undefined;
    for (const c of CELLS) { cells++; if (norm(row[c]) === norm(got?.[c])) matched++; }
  }));
  return {tables, expectedTables: expected.length, cells, matched};
}

export const META = ['kind', 'year', 'unit', 'project', 'leader', 'budget_total', 'budget_fiscal', 'budget_other'] as const;

/**
 * Extract each dump of `files` in `dir` (its text as `textOf` gives it; by default the file without a BOM), assert
 * that every table of its spec is found with all its metadata, and count the cells matching the expected rows.
 */
export function assertTablesAndMeta(
  dir: string, files: readonly string[], textOf: (file: string) => string = (f) => readFileSync(join(dir, f), 'utf8').replace(/^\uFEFF/, ''),
): {cells: number; matched: number} {
  let cells = 0;
  let matched = 0;
  for (const f of files) {
    const spec = f.slice(0, f.indexOf('.'));
    const expected = JSON.parse(readFileSync(join(dir, `${spec}.expected.json`), 'utf8')).tables as Array<Record<string, unknown>>;
    const got = extractText(textOf(f), {file: f}).tables;
    assert.equal(got.length, expected.length, f);
    expected.forEach((e, k) => {
      const g = got[k] as unknown as Record<string, unknown>;
      for (const m of META) assert.equal(norm(g[m]), norm(e[m]), `${f} table ${k} ${m}`);
      (e.indicators as Array<Record<string, unknown>>).forEach((row, i) => {
        const gr = (g.indicators as unknown as Array<Record<string, unknown>>)[i];
        for (const c of CELLS) { cells++; if (norm(row[c]) === norm(gr?.[c])) matched++; }
      });
    });
  }
  return {cells, matched};
}

/**
 * Scores of every `<dir>/*.<mode>.txt`, summed: cells matched, tables found (as score.ts counts them: at most the
 * expected ones per dump) and expected; each table's line accounting checked (seen = used + blank + diagnosed).
 */
export function scoreFolder(dir: string, mode: string): {files: Array<{file: string; score: DumpScore}>; cells: number; matched: number; found: number; expected: number} {
  const files = readdirSync(dir).filter((f) => f.endsWith(`.${mode}.txt`)).map((file) => ({file, score: scoreDump(dir, file)}));
  for (const {file, score} of files) {
    score.tables.forEach((t, k) => {
      const l = t.line_stats;
      assert.equal(l.seen, l.used + l.blank + l.diagnosed, `${file} table ${k}: ${JSON.stringify(l)}`);
    });
  }
  const sum = (f: (s: DumpScore) => number): number => files.reduce((n, x) => n + f(x.score), 0);
  return {
    files, cells: sum((s) => s.cells), matched: sum((s) => s.matched),
    found: sum((s) => Math.min(s.tables.length, s.expectedTables)), expected: sum((s) => s.expectedTables),
  };
}
