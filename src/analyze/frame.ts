// danfojs DataFrames of the extracted records (one row per indicator or per table), for analysis.
// The only module that touches danfojs-node, and only through a lazy, cached dynamic import: importing this is free.
import type {DocumentResult} from '../types.ts';
import {INDICATOR_COLUMNS, NUMERIC_COLUMNS, TABLE_COLUMNS, indicatorRows, tableRows} from '../report/rows.ts';

/** A danfojs DataFrame (type only: nothing is loaded by naming it). */
export type DataFrame = import('danfojs-node').DataFrame;

/** Column dtypes danfojs knows. */
export type Dtype = 'float32' | 'int32' | 'string' | 'boolean';

type Danfo = typeof import('danfojs-node');

/** danfojs-node, loaded on first use (it pulls in TensorFlow and takes about a second). */
let danfo: Promise<Danfo> | undefined;

function loadDanfo(): Promise<Danfo> {
  // A failed load is not cached, so a later call retries.
  danfo ??= import('danfojs-node').catch((e: unknown) => { danfo = undefined; throw e; });
  return danfo;
}

/**
 * Whether `name` is a DataFrame member. danfojs defines every column as an instance property, so a column named
 * like a member (`columns`, `values`, `shape`, `$data`, …) breaks the frame (`columns` recurses without end).
 */
function isMember(dfd: Danfo, name: string): boolean {
  if (name.startsWith('$')) return true;
  for (let o: object | null = dfd.DataFrame.prototype; o !== null; o = Object.getPrototypeOf(o)) {
    if (Object.prototype.hasOwnProperty.call(o, name)) return true;
  }
  return false;
}

/** The dtype of a column from its values: numbers → float32, booleans → boolean, anything else → string. */
function inferDtype(values: unknown[]): Dtype {
  const present = values.filter((v) => v !== null && v !== undefined && !(typeof v === 'number' && Number.isNaN(v)));
  if (present.length > 0 && present.every((v) => typeof v === 'number')) return 'float32';
  if (present.length > 0 && present.every((v) => typeof v === 'boolean')) return 'boolean';
  return 'string';
}

/**
 * Builds a DataFrame from row objects, with exactly `columns` in that order (missing keys give missing values).
 * Throws a RangeError for a column named like a DataFrame member (danfojs cannot hold one, see tablesFrame).
 * Numeric columns hold numbers with NaN for missing; other columns hold strings with null for missing.
 * A column's dtype comes from `dtypes`, else from its values (an all-missing column is `string`).
 * No rows give an empty DataFrame (shape [0, columns.length]) that still has the columns.
 *
 * @example
 * const df = await frameOf([{a: 1, b: 'x'}, {a: null, b: 'y'}], ['a', 'b']);
 * df.shape;              // [2, 2]
 * df.column('a').sum();  // 1
 */
export async function frameOf(
  rows: ReadonlyArray<Record<string, unknown>>,
  columns: string[],
  dtypes: Partial<Record<string, Dtype>> = {},
): Promise<DataFrame> {
  const dfd = await loadDanfo();
  const clash = columns.filter((c) => isMember(dfd, c));
  if (clash.length > 0) {
    throw new RangeError(`frameOf: column name(s) ${clash.join(', ')} shadow DataFrame members in danfojs; rename them`);
  }
  const types = columns.map((c) => dtypes[c] ?? inferDtype(rows.map((r) => r[c])));
  // A 2-D array, not the objects: danfo names object columns by key order and ignores the requested order.
  const data = rows.map((r) => columns.map((c, j) => {
    const v = r[c];
    const missing = v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v));
    if (types[j] === 'float32' || types[j] === 'int32') return missing ? NaN : Number(v);
    if (missing) return null;
    return types[j] === 'boolean' ? Boolean(v) : String(v);
  }));
  return new dfd.DataFrame(data, {columns: [...columns], dtypes: types});
}

/** float32 for the numeric columns among `columns`, string for the others. */
function dtypesOf(columns: ReadonlyArray<string>): Record<string, Dtype> {
  return Object.fromEntries(columns.map((c) => [c, NUMERIC_COLUMNS.has(c) ? 'float32' : 'string']));
}

/**
 * One row per indicator, columns as indicatorsToCsv (INDICATOR_COLUMNS); numeric columns are float32.
 *
 * @example
 * const df = await indicatorsFrame(docs);
 * df.shape;                   // [indicatorCount, 22]
 * df.column('weight').sum();  // sum of the printed weights
 */
export async function indicatorsFrame(docs: ReadonlyArray<DocumentResult>): Promise<DataFrame> {
  return frameOf(indicatorRows(docs), [...INDICATOR_COLUMNS], dtypesOf(INDICATOR_COLUMNS));
}

/** Name in tablesFrame of the CSV column `columns`, which danfojs cannot hold (it is the DataFrame's own member). */
export const GRID_COLUMNS = 'grid_columns';

/**
 * One row per table, columns as tablesToCsv (TABLE_COLUMNS) except that `columns` (the grid header names joined
 * with "|") is named `grid_columns`, since danfojs cannot have a column named `columns`; numeric columns are float32.
 *
 * @example
 * const df = await tablesFrame(docs);
 * df.column('indicator_count').values; // [3, 1]
 * df.column('grid_columns').values;    // ["一级指标|二级指标|三级指标|指标值|分值", …]
 */
export async function tablesFrame(docs: ReadonlyArray<DocumentResult>): Promise<DataFrame> {
  const rows = tableRows(docs).map(({columns, ...rest}) => ({...rest, [GRID_COLUMNS]: columns}));
  const names = TABLE_COLUMNS.map((c) => (c === 'columns' ? GRID_COLUMNS : c));
  return frameOf(rows, names, dtypesOf(names));
}

/** Columns of findingsFrame, as findingsToCsv (source, table_line, severity, code, line_start, line_end, message). */
export const FINDING_FRAME_COLUMNS = ['source', 'table_line', 'severity', 'code', 'line_start', 'line_end', 'message'] as const;

/** The fields of an analysed document that findingsFrame reads (structural, so frame.ts needs no analysis import). */
interface FindingSource {
  source: string;
  findings: ReadonlyArray<{code: string; severity: string; message: string; lines: readonly number[]; table_line: number}>;
  tables: ReadonlyArray<{checks: {findings: FindingSource['findings']}}>;
}

/**
 * One row per analysis finding (document level first, then each table's), columns as findingsToCsv; the line
 * columns are float32.
 *
 * @example
 * const df = await findingsFrame(analyzed);
 * df.column('severity').valueCounts(); // warning 71, info 114, error 8
 */
export async function findingsFrame(docs: ReadonlyArray<FindingSource>): Promise<DataFrame> {
  const rows = docs.flatMap((d) => [...d.findings, ...d.tables.flatMap((t) => t.checks.findings)].map((f) => ({
    source: d.source, table_line: f.table_line, severity: f.severity, code: f.code,
    line_start: f.lines[0], line_end: f.lines[1], message: f.message,
  })));
  const dtypes: Record<string, Dtype> = {table_line: 'float32', line_start: 'float32', line_end: 'float32', source: 'string', severity: 'string', code: 'string', message: 'string'};
  return frameOf(rows, [...FINDING_FRAME_COLUMNS], dtypes);
}
