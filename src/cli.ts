#!/usr/bin/env node
// The command line: parse arguments, run the public API, write data to stdout or files and messages to stderr.
// Exit codes: 0 ok, 1 some file failed, 2 --strict and an error-level diagnostic, 64 usage error.
// Files are read on a pool of worker threads (src/io/batch.ts, --jobs) and come back in input order; extract and
// analyze write their output document by document, so memory stays flat however many files there are.
import {stat} from 'node:fs/promises';
import {availableParallelism} from 'node:os';
import {parseArgs} from 'node:util';
import {setFlagsFromString} from 'node:v8';
import {expandPaths, isFailure, type FileFailure} from './io/files.ts';
import {iterateFiles, iterateRendered, MIN_FILES_FOR_POOL, streamJsonElements, writerFor} from './io/batch.ts';
import {isRenderFailure, type Rendered, type RenderFormat} from './io/rendered.ts';
import type {AnalyzedDocument} from './analyze/types.ts';
import {findingsCsvHeader, indicatorsCsvHeader} from './report/csv.ts';
import type {DocumentResult} from './types.ts';

/**
 * The CLI's V8 inlines less than by default (at most 230 bytecodes inlined into one optimised function, not 920):
 * every thread compiles the extractor's large functions over its first few hundred documents, and that compiling
 * costs much less with less inlined, while the compiled code runs about as fast. V8 flags hold for the whole
 * process, so for the pool's workers too. Set here, not in the library: it would change the host program's V8.
 */
const V8_FLAGS = '--max-inlined-bytecode-size-cumulative=230';
setFlagsFromString(V8_FLAGS);

const USAGE = `Usage: jixiao <command> [options] <file|folder>...

Commands:
  extract   read every 绩效目标表 and print its rows (JSON or CSV) on stdout
  analyze   extract and check: JSON with checks, parsed targets and findings, or the findings as CSV
  report    extract, check, and write CSV files and JSON into a folder (default: reports)

Options:
  --format <json|csv>   output format of extract and analyze (default: json)
  -o, --out <dir>       output folder of report (default: reports)
  -j, --jobs <n>        worker threads reading the files (default: all cores; 1: none, all in this process)
  --strict              exit with 2 if any document has an error-level diagnostic
  -h, --help            show this help`;

/** Below this many files no progress bar is drawn (it would only flicker). */
const PROGRESS_MIN_FILES = 20;

/** Run the CLI with arguments (without node and script); returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv, allowPositionals: true,
      options: {
        format: {type: 'string', default: 'json'}, out: {type: 'string', short: 'o', default: 'reports'},
        jobs: {type: 'string', short: 'j'}, strict: {type: 'boolean', default: false}, help: {type: 'boolean', short: 'h'},
      },
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
  const jobs = values.jobs === undefined ? availableParallelism() : /^\d+$/.test(values.jobs) ? Number(values.jobs) : 0;
  if (jobs < 1) return usageError(`invalid --jobs: ${values.jobs} (a whole number, 1 or more)`);
  const started = performance.now();
  const {files, missing} = await expandPaths(paths);
  const run: Run = {files, failures: [...missing], strictHit: false, docs: 0, tables: 0, indicators: 0, jobs, analyze: command !== 'extract'};
  if (command === 'report') return report(run, values.out, values.strict);
  const progress = command === 'extract' || command === 'analyze' ? await progressBar(files) : null;
  const write = stdoutWriter();
  const format: RenderFormat = values.format === 'json' ? 'json' : command === 'analyze' ? 'findings-csv' : 'indicators-csv';
  const texts = documentTexts(run, format, progress);
  try {
    if (format === 'json') {
      await streamJsonElements(texts, write);
      await write('\n');
    } else {
      await write(format === 'findings-csv' ? findingsCsvHeader() : indicatorsCsvHeader());
      for await (const text of texts) await write(text);
    }
  } catch (e) {
    if (!(e instanceof OutputClosed)) throw e;
  }
  progress?.done();
  for (const f of run.failures) process.stderr.write(`jixiao: ${f.message} / ${f.messageZh}\n`);
  if (command === 'extract' && process.stderr.isTTY) process.stderr.write(throughputLine(run, progress?.bytes() ?? null, performance.now() - started) + '\n');
  return exitCode(run, values.strict);
}

/** What a run has read so far. */
interface Run {
  files: string[];
  failures: FileFailure[];
  /** A document had an error-level diagnostic. */
  strictHit: boolean;
  docs: number;
  tables: number;
  indicators: number;
  jobs: number;
  analyze: boolean;
}

/**
 * The output of each document of the run, in input order, rendered where it was read (src/io/rendered.ts);
 * failures and counts are noted in `run` on the way.
 */
async function* documentTexts(run: Run, format: RenderFormat, progress: Progress | null): AsyncGenerator<Uint8Array> {
  const onProgress = progress ? (done: number, _total: number, _r: Rendered, path: string): void => progress.tick(done, path) : undefined;
  for await (const {result} of iterateRendered(run.files, format, {jobs: run.jobs, analyze: run.analyze, onProgress})) {
    if (isRenderFailure(result)) { run.failures.push(result); continue; }
    note(run, result.tables, result.indicators, result.hasError);
    yield result.bytes;
  }
}

function note(run: Run, tables: number, indicators: number, hasError: boolean): void {
  run.docs++;
  run.tables += tables;
  run.indicators += indicators;
  if (hasError) run.strictHit = true;
}

function exitCode(run: Run, strict: boolean): number {
  if (run.failures.length > 0) return 1;
  if (strict && run.strictHit) return 2;
  return 0;
}

/** `report`: every document in memory (the report folder needs them all), one progress line per file. */
async function report(run: Run, dir: string, strict: boolean): Promise<number> {
  const docs: AnalyzedDocument[] = [];
  for await (const {result} of iterateFiles(run.files, {jobs: run.jobs, analyze: true})) {
    process.stderr.write(progressLine(result) + '\n');
    if (isFailure(result)) { run.failures.push(result); continue; }
    note(run, result.tables.length, result.tables.reduce((n, t) => n + t.indicators.length, 0), result.diagnostics.some((x) => x.severity === 'error'));
    docs.push(result as AnalyzedDocument);
  }
  for (const f of run.failures) process.stderr.write(`jixiao: ${f.message} / ${f.messageZh}\n`);
  // Loaded only here: the report modules bring the chart renderer and its fonts.
  const {writeDataFiles, writeReport} = await import('./io/reports.ts');
  const written = await writeDataFiles(dir, docs, docs);
  await writeReport(dir, docs);
  process.stderr.write(summaryLine(docs, run.failures, written.dir) + '\n');
  return exitCode(run, strict);
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

/** The closing line of `extract` on a terminal: what was read, and how fast. */
function throughputLine(run: Run, bytes: number | null, ms: number): string {
  const seconds = ms / 1000;
  const mb = bytes === null ? null : bytes / (1024 * 1024);
  const rate = `${(run.docs / seconds).toFixed(run.docs / seconds < 100 ? 1 : 0)} documents/s` + (mb === null ? '' : `, ${(mb / seconds).toFixed(1)} MB/s`);
  const failed = run.failures.length ? `, ${run.failures.length} files failed` : '';
  const workers = run.files.length < MIN_FILES_FOR_POOL ? 1 : Math.min(run.jobs, run.files.length);
  return `jixiao: ${run.docs} documents, ${run.tables} tables, ${run.indicators} indicators in ${seconds.toFixed(2)} s (${rate}, ${workers === 1 ? 'one thread' : `${workers} workers`})${failed}`;
}

/** A progress bar on stderr, redrawn at most every 100 ms. */
interface Progress {
  tick(done: number, path: string): void;
  /** Erase the bar. */
  done(): void;
  /** Bytes of the files read so far (all of them once done). */
  bytes(): number;
}

/** A bar when stderr is a terminal and there are enough files; otherwise null (nothing is drawn). */
async function progressBar(files: ReadonlyArray<string>): Promise<Progress | null> {
  if (!process.stderr.isTTY) return null;
  const sizes = new Map<string, number>();
  await Promise.all(files.map(async (f) => { try { sizes.set(f, (await stat(f)).size); } catch { /* reported as a failure */ } }));
  let bytes = 0;
  if (files.length < PROGRESS_MIN_FILES) return {tick: (_, path) => { bytes += sizes.get(path) ?? 0; }, done: () => undefined, bytes: () => bytes};
  const started = performance.now();
  let drawn = 0;
  const draw = (done: number): void => {
    const width = 30;
    const filled = Math.round((done / files.length) * width);
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? ` ${(done / seconds).toFixed(0)} documents/s, ${(bytes / 1048576 / seconds).toFixed(1)} MB/s` : '';
    process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${files.length}${rate}\x1b[K`);
  };
  return {
    tick(done, path) {
      bytes += sizes.get(path) ?? 0;
      const now = performance.now();
      if (now - drawn < 100 && done < files.length) return;
      drawn = now;
      draw(done);
    },
    done: () => { process.stderr.write('\r\x1b[K'); },
    bytes: () => bytes,
  };
}

/** Thrown by the stdout writer once the reader has gone (EPIPE: `jixiao … | head`): the run stops reading. */
class OutputClosed extends Error {}

/**
 * stdout as an awaited writer that waits for 'drain'. A closed pipe ends the output quietly (a broken pipe
 * counts as success): the write throws OutputClosed, which stops the run without a message.
 */
function stdoutWriter(): (chunk: string | Uint8Array) => Promise<void> {
  let closed = false;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') closed = true;
    else throw e;
  });
  const write = writerFor(process.stdout);
  return async (chunk) => {
    if (!closed) {
      try { await write(chunk); } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EPIPE') throw e;
        closed = true;
      }
    }
    if (closed) throw new OutputClosed('stdout closed');
  };
}

function usageError(reason: string): number {
  process.stderr.write(`jixiao: ${reason}\n\n${USAGE}\n`);
  return 64;
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
