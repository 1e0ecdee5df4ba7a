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

/** The bundled document whose name starts with `prefix` ('000' … '004'). */
export function fileOf(prefix: string): string {
  const f = bundledNames().find((n) => n.startsWith(prefix));
  if (!f) throw new Error(`no bundled file ${prefix}`);
  return f;
}

/** The table at `titleLine` of the bundled document `prefix`. */
export const tableOf = (prefix: string, titleLine: number): Table => tableAt(fileOf(prefix), titleLine);

/** The table at `titleLine` of bundled document `prefix` and its row named `level3` starting on `line`. */
export function rowOf(prefix: string, titleLine: number, level3: string, line: number): {table: Table; ind: Table['indicators'][number]} {
  const table = tableOf(prefix, titleLine);
  const ind = table.indicators.find((i) => i.level3 === level3 && i.lines[0] === line);
  if (!ind) throw new Error(`no row "${level3}" at ${prefix}:${line} in table ${titleLine}`);
  return {table, ind};
}
