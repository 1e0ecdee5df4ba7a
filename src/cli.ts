#!/usr/bin/env node
// The command line: parse arguments, run the public API, write data to stdout or files and messages to stderr.
// Exit codes: 0 ok, 1 some file failed, 2 --strict and an error-level diagnostic, 64 usage error.
import {parseArgs} from 'node:util';
import {analyzeFile, expandPaths, isFailure, loadDocument, type FileFailure} from './io/files.ts';
import type {AnalyzedDocument} from './analyze/types.ts';
import {toJson} from './report/json.ts';
import {findingsToCsv, indicatorsToCsv} from './report/csv.ts';
import {writeDataFiles, writeReport} from './io/reports.ts';
import type {DocumentResult} from './types.ts';

const USAGE = `Usage: jixiao <command> [options] <file|folder>...

Commands:
  extract   read every 绩效目标表 and print its rows (JSON or CSV) on stdout
  analyze   extract and check: JSON with checks, parsed targets and findings, or the findings as CSV
  report    extract, check, and write CSV files and JSON into a folder (default: reports)

Options:
  --format <json|csv>   output format of extract and analyze (default: json)
  -o, --out <dir>       output folder of report (default: reports)
  --strict              exit with 2 if any document has an error-level diagnostic
  -h, --help            show this help`;

/** Run the CLI with arguments (without node and script); returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv, allowPositionals: true,
      options: {format: {type: 'string', default: 'json'}, out: {type: 'string', short: 'o', default: 'reports'}, strict: {type: 'boolean', default: false}, help: {type: 'boolean', short: 'h'}},
    });
  } catch (e) {
    return usageError((e as Error).message);
  }
  const {values, positionals} = parsed;
  if (values.help) { process.stdout.write(USAGE + '\n'); return 0; }
  const [command, ...paths] = positionals;
  if (command !== 'extract' && command !== 'analyze' && command !== 'report') return usageError(command === undefined ? 'no command given' : `unknown command: ${command}`);
  if (paths.length === 0) return usageError('no file or folder given');
  if (values.format !== 'json' && values.format !== 'csv') return usageError(`invalid --format: ${values.format} (json or csv)`);
  const {files, missing} = await expandPaths(paths);
  const docs: DocumentResult[] = [];
  const failures: FileFailure[] = [...missing];
  const analyzing = command !== 'extract';
  for (const f of files) {
    const r = analyzing ? await analyzeFile(f) : await loadDocument(f);
    if (isFailure(r)) failures.push(r); else docs.push(r);
    if (command === 'report') process.stderr.write(progressLine(r) + '\n');
  }
  for (const f of failures) process.stderr.write(`jixiao: ${f.message} / ${f.messageZh}\n`);
  if (command === 'report') {
    const written = await writeDataFiles(values.out, docs, docs as AnalyzedDocument[]);
    await writeReport(values.out, docs as AnalyzedDocument[]);
    process.stderr.write(summaryLine(docs, failures, written.dir) + '\n');
  } else if (command === 'analyze') {
    await write(values.format === 'csv' ? findingsToCsv(docs as AnalyzedDocument[]) : toJson(docs) + '\n');
  } else {
    await write(values.format === 'csv' ? indicatorsToCsv(docs) : toJson(docs) + '\n');
  }
  if (failures.length > 0) return 1;
  if (values.strict && docs.some((d) => d.diagnostics.some((x) => x.severity === 'error'))) return 2;
  return 0;
}

function progressLine(r: DocumentResult | FileFailure): string {
  if (isFailure(r)) return `  ✗ ${r.source}: ${r.message}`;
  const rows = r.tables.reduce((n, t) => n + t.indicators.length, 0);
  const problems = r.diagnostics.filter((d) => d.severity !== 'info').length;
  const findings = 'summary' in r ? (r as AnalyzedDocument).summary : null;
  const checked = findings ? `, findings: ${findings.by_severity.error} errors, ${findings.by_severity.warning} warnings` : '';
  return `  ✓ ${r.source}: ${r.tables.length} tables, ${rows} indicators, ${problems} extraction warnings${checked}`;
}

function summaryLine(docs: DocumentResult[], failures: FileFailure[], dir: string): string {
  const tables = docs.reduce((n, d) => n + d.tables.length, 0);
  const rows = docs.reduce((n, d) => n + d.tables.reduce((m, t) => m + t.indicators.length, 0), 0);
  return `jixiao: ${docs.length} documents, ${tables} tables, ${rows} indicators → ${dir}/` + (failures.length ? ` (${failures.length} files failed)` : '');
}

function usageError(reason: string): number {
  process.stderr.write(`jixiao: ${reason}\n\n${USAGE}\n`);
  return 64;
}

function write(text: string): Promise<void> {
  return new Promise((resolve) => {
    process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') resolve(); });
    process.stdout.write(text, () => resolve());
  });
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
