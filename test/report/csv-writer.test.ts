// The CSV writer against csv-stringify (what it replaced, for speed): the same text for any cells, with and
// without BOM, CRLF or LF; and the per-document pieces the CLI streams add up to the whole-file functions.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {stringify} from 'csv-stringify/sync';
import {
  findingsCsvHeader, findingsCsvRecords, findingsToCsv, formatNumber, indicatorsCsvHeader, indicatorsCsvRecords,
  indicatorsToCsv, safeCell, toCsv, type CsvOptions,
} from '../../src/report/csv.ts';
import type {Cell} from '../../src/report/rows.ts';
import {analyzedFromBytes, documentFromBytes, isFailure, type DocumentResult} from '../../src/index.ts';
import type {AnalyzedDocument} from '../../src/analyze/types.ts';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {bundledNames, DATA} from '../helpers/bundled.ts';
import {random} from '../helpers/random.ts';

/** toCsv as it was written with csv-stringify. */
function reference(header: string[], rows: Array<Array<Cell | undefined>>, options: CsvOptions = {}): string {
  const cell = (v: Cell | undefined): string => (v === null || v === undefined ? '' : typeof v === 'number' ? formatNumber(v) : safeCell(v));
  return stringify([header.map(safeCell), ...rows.map((r) => r.map(cell))], {
    bom: options.bom ?? true, record_delimiter: options.eol ?? '\r\n', quote_record_delimiter: true, escape_formulas: false,
  });
}


test('toCsv(header, rows) writes what csv-stringify wrote, for hostile cells and every option', () => {
  const rnd = random(7);
  const chars = [...'ab,"\r\n \t=+@-－＝＋＠\'中文0123456789.%'];
  const text = (): string => Array.from({length: Math.floor(rnd() * 6)}, () => chars[Math.floor(rnd() * chars.length)]).join('');
  const value = (): Cell | undefined => {
    const r = rnd();
    return r < 0.15 ? null : r < 0.2 ? undefined : r < 0.3 ? Math.round((rnd() - 0.5) * 1e4) : r < 0.4 ? (rnd() - 0.5) * 1000 : text();
  };
  for (let n = 0; n < 3000; n++) {
    const width = 1 + Math.floor(rnd() * 5);
    const header = Array.from({length: width}, text);
    const rows = Array.from({length: Math.floor(rnd() * 4)}, () => Array.from({length: width}, value));
    for (const options of [{}, {bom: false}, {eol: '\n' as const}]) assert.equal(toCsv(header, rows, options), reference(header, rows, options));
  }
});

test('indicatorsCsvHeader() + indicatorsCsvRecords(doc)… and findingsCsvHeader() + findingsCsvRecords(doc)… equal the whole-file CSVs', () => {
  const docs: DocumentResult[] = [];
  const analyzed: AnalyzedDocument[] = [];
  for (const name of bundledNames()) {
    const bytes = readFileSync(join(DATA, name));
    const d = documentFromBytes(bytes, name);
    const a = analyzedFromBytes(bytes, name);
    if (!isFailure(d)) docs.push(d);
    if (!isFailure(a)) analyzed.push(a as AnalyzedDocument);
  }
  assert.equal(indicatorsCsvHeader() + docs.map(indicatorsCsvRecords).join(''), indicatorsToCsv(docs));
  assert.equal(findingsCsvHeader() + analyzed.map(findingsCsvRecords).join(''), findingsToCsv(analyzed));
  assert.equal(indicatorsCsvHeader(), indicatorsToCsv([]));
  assert.equal(findingsCsvHeader(), findingsToCsv([]));
});
