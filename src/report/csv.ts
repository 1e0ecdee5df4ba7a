// Records → CSV text for Excel/WPS: UTF-8 with BOM, CRLF, quoting only when needed, numbers written plainly,
// and text cells that a spreadsheet would run as a formula neutralised with a leading "'" (see safeCell).
// The writer is csv-stringify's output for these options, written directly (test/report/csv-writer.test.ts holds
// the two equal): csv-stringify's general machinery cost more than extracting the documents. Indicator and
// finding records also come one document at a time, for the CLI to stream.
import type {DocumentResult} from '../types.ts';
import {
  DIAGNOSTIC_COLUMNS, INDICATOR_COLUMNS, TABLE_COLUMNS, diagnosticRows, indicatorRows, tableRows, type Cell,
} from './rows.ts';

/** Options of {@link toCsv}. */
export interface CsvOptions {
  /** Prepend a UTF-8 byte order mark so Excel detects the encoding. Default true. */
  bom?: boolean;
  /** Record delimiter. Default "\r\n" (Excel on Windows). */
  eol?: '\r\n' | '\n';
}

/** First characters that make Excel/WPS evaluate a cell as a formula (a leading "-" is handled apart). */
const FORMULA_START = /^[=+@＝＋＠\t\r]/;
/** Text made only of dashes: the usual "no value" placeholder ("-", "--", "—"). */
const ONLY_DASHES = /^[-－‐‑‒–—―]+$/;
/** A plain negative number ("-3", "-3.5", "-3%"), which no spreadsheet runs as a formula. */
const NEGATIVE_NUMBER = /^[-－]\d+(\.\d+)?%?$/;

/**
 * Neutralises text a spreadsheet would run as a formula by prefixing a single quote `'`.
 * Triggers are a leading = + @ (ASCII or full-width), TAB or CR, and a leading "-"/"－" unless the text is only
 * dashes or a plain negative number. Everything else is returned unchanged (a leading ">" or "≥" is harmless).
 *
 * @example
 * safeCell('=885人');   // "'=885人"
 * safeCell('-');        // "-"
 * safeCell('-3.5');     // "-3.5"
 * safeCell('-2+3');     // "'-2+3"
 * safeCell('>=90%');    // ">=90%"
 */
export function safeCell(text: string): string {
  if (FORMULA_START.test(text)) return `'${text}`;
  if (/^[-－]/.test(text) && !ONLY_DASHES.test(text) && !NEGATIVE_NUMBER.test(text)) return `'${text}`;
  return text;
}

/**
 * Writes a number plainly, rounded to at most 6 decimals so float noise never shows; non-finite numbers give "".
 *
 * @example
 * formatNumber(127.44000000001); // "127.44"
 * formatNumber(90);              // "90"
 */
export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n); // what the rounding below gives an integer (-0 prints as "0")
  if (!Number.isFinite(n)) return '';
  const r = Number(n.toFixed(6));
  return String(Object.is(r, -0) ? 0 : r);
}

/**
 * Generic CSV writer: a header row then one record per row. Numbers are written plainly and never prefixed,
 * strings go through {@link safeCell}, null/undefined become empty fields; fields are quoted only when needed.
 *
 * @example
 * toCsv(['level3', 'weight'], [['=885人', 10], ['a,b', null]]);
 * // "\uFEFFlevel3,weight\r\n'=885人,10\r\n\"a,b\",\r\n"
 */
export function toCsv(header: string[], rows: Array<Array<Cell | undefined>>, options: CsvOptions = {}): string {
  const eol = options.eol ?? '\r\n';
  return (options.bom ?? true ? '\uFEFF' : '') + record(header.map(safeCell), eol) + csvRecords(rows, eol);
}

/** The records of `rows` as {@link toCsv} writes them after its header. */
function csvRecords(rows: ReadonlyArray<ReadonlyArray<Cell | undefined>>, eol: string): string {
  let out = '';
  for (const r of rows) out += record(r, eol);
  return out;
}

/** A cell as text: numbers plainly, text through {@link safeCell}, no value as "". */
const cell = (v: Cell | undefined): string => (v === null || v === undefined ? '' : typeof v === 'number' ? formatNumber(v) : safeCell(v));

/**
 * One record as csv-stringify writes it with quote_record_delimiter: each cell as {@link cell} gives it, quoted
 * when it holds a comma, a double quote (doubled) or a line break; joined by commas, ended by `eol`.
 */
function record(cells: ReadonlyArray<Cell | undefined>, eol: string): string {
  let out = '';
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) out += ',';
    out += field(cell(cells[i]));
  }
  return out + eol;
}

function field(v: string): string {
  if (v === '' || !NEEDS_QUOTES.test(v)) return v;
  return `"${v.includes('"') ? v.replaceAll('"', '""') : v}"`;
}

/** Characters that make csv-stringify quote a field (with a comma delimiter). */
const NEEDS_QUOTES = /[",\r\n]/;

/** Projects row objects onto a fixed column order. */
function project<R extends object>(rows: ReadonlyArray<R>, columns: ReadonlyArray<keyof R & string>): Cell[][] {
  const out: Cell[][] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const cells: Cell[] = new Array(columns.length);
    for (let c = 0; c < columns.length; c++) cells[c] = r[columns[c]] as Cell;
    out[i] = cells;
  }
  return out;
}

/**
 * One CSV record per indicator, with its table's metadata repeated; columns as {@link INDICATOR_COLUMNS}.
 *
 * @example
 * fs.writeFileSync('indicators.csv', indicatorsToCsv(docs));
 * // source,table_index,kind,title_line,year,unit,project,leader,budget_total,…,line_start,line_end
 * // a.txt,1,project,3,2024,某局,某项目,张三,127.44,100,27.44,产出指标,数量指标,培训人数,'=885人,…
 */
export function indicatorsToCsv(docs: ReadonlyArray<DocumentResult>): string {
  return toCsv([...INDICATOR_COLUMNS], project(indicatorRows(docs), INDICATOR_COLUMNS));
}

/**
 * indicatorsToCsv in pieces, for streaming: its header (with the BOM), then the records of each document.
 * @example indicatorsCsvHeader() + docs.map(indicatorsCsvRecords).join('') === indicatorsToCsv(docs) // => true
 */
export function indicatorsCsvHeader(): string {
  return toCsv([...INDICATOR_COLUMNS], []);
}

/** The records of one document's indicators, as indicatorsToCsv writes them (see {@link indicatorsCsvHeader}). */
export function indicatorsCsvRecords(doc: DocumentResult): string {
  return csvRecords(project(indicatorRows([doc]), INDICATOR_COLUMNS), '\r\n');
}

/**
 * One CSV record per table: metadata, layout, indicator_count, weight_sum and the grid columns joined with "|".
 *
 * @example
 * fs.writeFileSync('tables.csv', tablesToCsv(docs));
 * // source,table_index,kind,title_line,line_start,line_end,year,…,indicator_count,weight_sum,columns
 */
export function tablesToCsv(docs: ReadonlyArray<DocumentResult>): string {
  return toCsv([...TABLE_COLUMNS], project(tableRows(docs), TABLE_COLUMNS));
}

/**
 * One CSV record per diagnostic: source, severity, code, line, end_line, message, actual.
 *
 * @example
 * fs.writeFileSync('diagnostics.csv', diagnosticsToCsv(docs));
 * // source,severity,code,line,end_line,message,actual
 * // a.txt,warning,page-number,40,40,页码行已跳过,第 3 页
 */
export function diagnosticsToCsv(docs: ReadonlyArray<DocumentResult>): string {
  return toCsv([...DIAGNOSTIC_COLUMNS], project(diagnosticRows(docs), DIAGNOSTIC_COLUMNS));
}

/** Columns of findingsToCsv. */
export const FINDING_COLUMNS = ['source', 'table_line', 'severity', 'code', 'line_start', 'line_end', 'message'] as const;

/**
 * One row per analysis finding (document and table level), with its source lines.
 * @example findingsToCsv([analyzed]).split('\r\n')[0] // => '\uFEFFsource,table_line,severity,code,line_start,line_end,message'
 */
export function findingsToCsv(docs: ReadonlyArray<FindingsOf>): string {
  return toCsv([...FINDING_COLUMNS], docs.flatMap(findingRows));
}

/**
 * findingsToCsv in pieces, for streaming: its header (with the BOM), then the records of each document.
 * @example findingsCsvHeader() + docs.map(findingsCsvRecords).join('') === findingsToCsv(docs) // => true
 */
export function findingsCsvHeader(): string {
  return toCsv([...FINDING_COLUMNS], []);
}

/** The records of one document's findings, as findingsToCsv writes them (see {@link findingsCsvHeader}). */
export function findingsCsvRecords(doc: FindingsOf): string {
  return csvRecords(findingRows(doc), '\r\n');
}

/** What findingsToCsv reads of an analysed document. */
export interface FindingsOf {
  source: string;
  findings: ReadonlyArray<FindingLike>;
  tables: ReadonlyArray<{checks: {findings: ReadonlyArray<FindingLike>}}>;
}

function findingRows(d: FindingsOf): Cell[][] {
  return [...d.findings, ...d.tables.flatMap((t) => t.checks.findings)]
    .map((f) => [d.source, f.table_line, f.severity, f.code, f.lines[0], f.lines[1], f.message]);
}

/** The fields of an analysis finding that the CSV writes. */
export interface FindingLike {
  code: string;
  severity: string;
  message: string;
  lines: readonly [number, number] | number[];
  table_line: number;
}
