// Test helpers: the bundled documents of data/, extracted once per test process, and their expected rows.
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {extractText, type Extraction} from '../../src/index.ts';
import type {Table} from '../../src/types.ts';

export const DATA = join(import.meta.dirname, '..', '..', 'data');
export const EXPECTED = join(import.meta.dirname, '..', 'fixtures', 'expected');

/** The bundled document names, e.g. '000_b3fa070b509c4b73.txt'. */
export const bundledNames = (): string[] => readdirSync(DATA).filter((f) => f.endsWith('.txt')).sort();

const cache = new Map<string, Extraction>();

/** Extraction of one bundled document (cached). */
export function extracted(name: string): Extraction {
  let e = cache.get(name);
  if (!e) {
    e = extractText(readFileSync(join(DATA, name), 'utf8'), {file: name});
    cache.set(name, e);
  }
  return e;
}

/** The table of a bundled document whose title is on `titleLine`. */
export function tableAt(name: string, titleLine: number): Table {
  const t = extracted(name).tables.find((x) => x.title_line === titleLine);
  if (!t) throw new Error(`no table at ${name}:${titleLine}`);
  return t;
}

/** Expected tables of a bundled document (hand-checked; data fields only). */
export interface ExpectedTable {
  kind: string; title_line: number; year: number | null; unit: string | null; project: string | null;
  leader: string | null; budget_total: number | null; budget_fiscal: number | null; budget_other: number | null;
  columns: string[];
  indicators: Array<Record<string, string | number | null>>;
}

export function expectedTables(name: string): ExpectedTable[] {
  const file = join(EXPECTED, name.replace(/\.txt$/, '.json'));
  return (JSON.parse(readFileSync(file, 'utf8')) as {tables: ExpectedTable[]}).tables;
}
