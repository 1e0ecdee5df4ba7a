// Writing the report folder: CSV files (indicators, tables, diagnostics) and the extract JSON, then whatever
// the report stage adds. The only module besides io/files.ts that writes to disk.
import {mkdir, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {diagnosticsToCsv, findingsToCsv, indicatorsToCsv, tablesToCsv} from '../report/csv.ts';
import type {AnalyzedDocument} from '../analyze/types.ts';
import {toJson} from '../report/json.ts';
import type {DocumentResult} from '../types.ts';

/** Files written, relative to the output folder. */
export interface Written {
  dir: string;
  files: string[];
}

/**
 * Write CSV and JSON for the documents into `dir` (created if missing).
 * @example await writeDataFiles('reports', docs) // => {dir: 'reports', files: ['indicators.csv', …]}
 */
export async function writeDataFiles(dir: string, docs: ReadonlyArray<DocumentResult>, analyzed: ReadonlyArray<AnalyzedDocument> = []): Promise<Written> {
  await mkdir(dir, {recursive: true});
  const files: Array<[string, string]> = [
    ['indicators.csv', indicatorsToCsv(docs)],
    ['tables.csv', tablesToCsv(docs)],
    ['diagnostics.csv', diagnosticsToCsv(docs)],
    [analyzed.length > 0 ? 'analysis.json' : 'extract.json', toJson(docs) + '\n'],
  ];
  if (analyzed.length > 0) files.push(['findings.csv', findingsToCsv(analyzed)]);
  for (const [name, text] of files) await writeFile(join(dir, name), text);
  return {dir, files: files.map(([name]) => name)};
}
