// `npm run bench`: how fast and how big extraction is, against the floor of reading and decoding the same files.
// Not part of `npm test`. Builds a corpus under os.tmpdir() from the bundled documents (copies with the unit name
// and counts changed, every fourth with CRLF line ends), then for each size in BENCH_SIZES (default
// 100,1000,5000) measures, in one run:
//   floor          read + decodeBytes + splitLines of every file, in this process
//   extract        loadDocument on every file, in this process (after a warm-up on the bundled documents)
//   extract pool   iterateFiles (src/io/batch.ts) with os.availableParallelism() workers, start-up included
//   cli json       `node src/bin/jixiao.mjs extract <dir> --format json > file` (the prebuilt bundle, worker pool on
//                  all cores): wall time with start-up, and its peak RSS (/usr/bin/time, else
//                  process.resourceUsage().maxRSS via a preload)
//   cli json -j 1  the same with --jobs 1 (everything in one thread)
//   json / csv     toJson and indicatorsToCsv of the extracted documents
//   analyze        analyzeDocument of src/analyze/index.ts on every document, when that module exists
//   charts         the report's charts over the analysed documents: each Vega-Lite spec built, rendered to SVG
//                  and to PNG (src/report/render.ts; the fonts loaded beforehand)
// and once: extraction of the rendered test corpus by converter (pdftotext -raw / -layout / default, LibreOffice:
// other readers than the bundled layout's), and the cold start of `extract` on data/001_911f9712737d8e1a.txt (median of 5 CLI runs), through the
// bundle and, for reference, from source through tsx. The bundle is built first (src/bin/build.mjs), so no run
// pays for a build. Prints a table and writes reports/bench.json.
// The floor and each CLI run are repeated BENCH_REPEAT times (default 3) and the fastest kept, as on a shared
// machine the wall time of one run can vary a lot; each CLI step also reports its CPU time (user + system, all
// threads, from /proc/self/stat's children times).
// Env: BENCH_SIZES=100,1000  BENCH_REPEAT=3  BENCH_KEEP=1 (keep the corpus)  BENCH_CLI_JOBS1=0 (skip --jobs 1 runs).
import {spawnSync} from 'node:child_process';
import {closeSync, existsSync, linkSync, copyFileSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import {availableParallelism, cpus, totalmem, tmpdir} from 'node:os';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {decodeBytes} from '../../src/extract/decode.ts';
import {splitLines} from '../../src/extract/lines.ts';
import {isFailure, loadDocument} from '../../src/io/files.ts';
import {iterateFiles} from '../../src/io/batch.ts';
import {toJson} from '../../src/report/json.ts';
import {indicatorsToCsv} from '../../src/report/csv.ts';
import type {DocumentResult} from '../../src/types.ts';
import type {AnalyzedDocument} from '../../src/analyze/types.ts';
import {CHARTS} from '../../src/report/charts.ts';
import {benchCorpus, DATA} from './corpus.ts';
import {loadChartFonts, renderPng, renderSvg} from '../../src/report/render.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI_SOURCE = join(ROOT, 'src', 'cli.ts');
const LAUNCHER = join(ROOT, 'src', 'bin', 'jixiao.mjs');
const COLD_FILE = join(DATA, '001_911f9712737d8e1a.txt');
const SIZES = (process.env.BENCH_SIZES ?? '100,1000,5000').split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n > 0);
const MB = 1024 * 1024;
const REPEAT = Math.max(1, Number(process.env.BENCH_REPEAT ?? 3) || 1);

interface Step {
  size: number;
  step: string;
  seconds: number;
  docs: number;
  bytes: number;
  tables: number;
  docsPerSecond: number;
  mbPerSecond: number;
  tablesPerSecond: number;
  /** seconds / floor seconds at the same size. */
  timesFloor: number | null;
  peakRssMb?: number;
  /** CPU seconds (user + system, all threads) of a CLI run. */
  cpuSeconds?: number;
  note?: string;
}

// ── corpus ────────────────────────────────────────────────────────────────────────────────────────────────

/** The largest corpus once, then a folder per size holding hard links to its first N files. */
function buildCorpus(max: number): {root: string; dirs: Map<number, string>} {
  const root = mkdtempSync(join(tmpdir(), 'jixiao-bench-'));
  const all = join(root, 'all');
  mkdirSync(all);
  const made: string[] = [];
  for (const {name, text} of benchCorpus(max)) {
    const file = join(all, name);
    writeFileSync(file, text);
    made.push(file);
  }
  const dirs = new Map<number, string>();
  for (const n of SIZES) {
    const dir = join(root, `size-${n}`);
    mkdirSync(dir);
    for (const f of made.slice(0, n)) {
      const to = join(dir, f.slice(all.length + 1));
      try { linkSync(f, to); } catch { copyFileSync(f, to); }
    }
    dirs.set(n, dir);
  }
  return {root, dirs};
}

const filesOf = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => join(dir, f));

// ── measurements ──────────────────────────────────────────────────────────────────────────────────────────

function step(size: number, name: string, seconds: number, docs: number, bytes: number, tables: number, floor: number | null, extra: Partial<Step> = {}): Step {
  return {
    size, step: name, seconds, docs, bytes, tables,
    docsPerSecond: docs / seconds, mbPerSecond: bytes / MB / seconds, tablesPerSecond: tables / seconds,
    timesFloor: floor === null ? null : seconds / floor, ...extra,
  };
}

async function floorOf(files: string[]): Promise<{seconds: number; bytes: number; lines: number}> {
  const t = performance.now();
  let bytes = 0;
  let lines = 0;
  for (const f of files) {
    const b = await readFile(f);
    bytes += b.length;
    lines += splitLines(decodeBytes(b).text).length;
  }
  return {seconds: (performance.now() - t) / 1000, bytes, lines};
}

const tablesIn = (docs: ReadonlyArray<DocumentResult>): number => docs.reduce((n, d) => n + d.tables.length, 0);

/** The peak RSS probe: GNU time if it works here, else a preload printing process.resourceUsage().maxRSS. */
function rssProbe(dir: string): {wrap: (argv: string[], out: string) => string[]; read: (out: string) => number | null; how: string} {
  const time = '/usr/bin/time';
  if (existsSync(time) && spawnSync(time, ['-f', '%M', 'true'], {encoding: 'utf8'}).status === 0) {
    return {
      how: '/usr/bin/time -f %M',
      wrap: (argv, out) => [time, '-f', '%M', '-o', out, ...argv],
      read: (out) => { const kb = Number(readFileSync(out, 'utf8').trim().split('\n').pop()); return Number.isFinite(kb) ? kb / 1024 : null; },
    };
  }
  const hook = join(dir, 'rss-hook.mjs');
  writeFileSync(hook, "import {writeFileSync} from 'node:fs';\nprocess.on('exit', () => writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));\n");
  return {
    how: 'process.resourceUsage().maxRSS',
    wrap: (argv, out) => { process.env.BENCH_RSS_FILE = out; return [argv[0], '--import', hook, ...argv.slice(1)]; },
    read: (out) => { const kb = Number(readFileSync(out, 'utf8')); return Number.isFinite(kb) ? kb / 1024 : null; },
  };
}

/** How the CLI is started: the launcher (prebuilt bundle) or the TypeScript source through tsx. */
type CliMode = 'bundle' | 'source';

/** CPU seconds used so far by this process's finished children (Linux: /proc/self/stat), or null. */
function childCpuSeconds(): number | null {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100; // cutime + cstime, in clock ticks (USER_HZ = 100)
  } catch {
    return null;
  }
}

interface CliRun {
  seconds: number;
  rssMb: number | null;
  cpuSeconds: number | null;
  status: number | null;
  stderr: string;
}

/** runCli REPEAT times; the fastest run. */
function bestCliRun(args: string[], outFile: string, probe: ReturnType<typeof rssProbe> | null, rssFile: string): CliRun {
  let best: CliRun | null = null;
  for (let r = 0; r < REPEAT; r++) {
    const run = runCli(args, outFile, probe, rssFile);
    if (best === null || run.seconds < best.seconds) best = run;
  }
  return best!;
}

/** Run the CLI, stdout to `outFile`; wall seconds, peak RSS in MB, CPU seconds, exit status. */
function runCli(args: string[], outFile: string, probe: ReturnType<typeof rssProbe> | null, rssFile: string, mode: CliMode = 'bundle'): CliRun {
  const argv = mode === 'bundle' ? [process.execPath, LAUNCHER, ...args] : [process.execPath, '--import', 'tsx', CLI_SOURCE, ...args];
  const full = probe ? probe.wrap(argv, rssFile) : argv;
  const fd = openSync(outFile, 'w');
  const cpu = childCpuSeconds();
  const t = performance.now();
  const r = spawnSync(full[0], full.slice(1), {cwd: ROOT, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', maxBuffer: 64 * MB});
  const seconds = (performance.now() - t) / 1000;
  const cpuAfter = childCpuSeconds();
  closeSync(fd);
  return {seconds, rssMb: probe ? probe.read(rssFile) : null, cpuSeconds: cpu === null || cpuAfter === null ? null : cpuAfter - cpu, status: r.status, stderr: r.stderr};
}

function spawnWall(argv: string[]): number {
  const t = performance.now();
  spawnSync(argv[0], argv.slice(1), {cwd: ROOT, stdio: 'ignore'});
  return (performance.now() - t) / 1000;
}

const median = (xs: number[]): number => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };

type AnalyzeFn = (doc: DocumentResult) => unknown;

async function loadAnalyze(): Promise<AnalyzeFn | string> {
  const path = join(ROOT, 'src', 'analyze', 'index.ts');
  if (!existsSync(path)) return 'skipped: src/analyze/index.ts does not exist';
  const m = (await import(pathToFileURL(path).href)) as {analyzeDocument?: unknown};
  return typeof m.analyzeDocument === 'function' ? (m.analyzeDocument as AnalyzeFn) : 'skipped: src/analyze/index.ts has no analyzeDocument';
}

// ── run ───────────────────────────────────────────────────────────────────────────────────────────────────

async function main(): Promise<void> {
  if (SIZES.length === 0) throw new Error('BENCH_SIZES has no positive integer');
  const machine = {cpu: cpus()[0]?.model ?? 'unknown', cpus: cpus().length, availableParallelism: availableParallelism(), memoryGb: Math.round(totalmem() / 1024 ** 3), node: process.version, platform: `${process.platform} ${process.arch}`};
  console.log(`jixiao bench — ${machine.cpu} × ${machine.cpus} (parallelism ${machine.availableParallelism}), ${machine.memoryGb} GB, Node ${machine.node}`);
  const max = Math.max(...SIZES);
  let t = performance.now();
  const {root, dirs} = buildCorpus(max);
  console.log(`corpus: ${max} files under ${root} (${((performance.now() - t) / 1000).toFixed(1)} s to build)`);
  const probe = rssProbe(root);
  const bundle = await prepareBundle();
  console.log(bundle);
  const analyze = await loadAnalyze();
  const steps: Step[] = [];
  const notes: string[] = [];
  if (typeof analyze === 'string') notes.push(`analyze ${analyze}`);

  // Warm the JIT on the bundled documents so in-process numbers are steady-state (the CLI runs are cold by nature).
  for (let r = 0; r < 3; r++) for (const f of filesOf(DATA)) await loadDocument(f);

  for (const size of SIZES) {
    const files = filesOf(dirs.get(size)!);
    for (const f of files) readFileSync(f); // page cache warm for every measurement alike
    console.log(`\n· ${size} documents …`);

    let floor = await floorOf(files);
    for (let r = 1; r < REPEAT; r++) { const again = await floorOf(files); if (again.seconds < floor.seconds) floor = again; }
    const bytes = floor.bytes;
    steps.push(step(size, 'floor: read+decode+split', floor.seconds, files.length, bytes, 0, floor.seconds, {note: `${floor.lines} lines` + (REPEAT > 1 ? `, fastest of ${REPEAT}` : '')}));

    // In-process extraction; keep the documents for the writers.
    t = performance.now();
    const docs: DocumentResult[] = [];
    let failed = 0;
    for (const f of files) { const r = await loadDocument(f); if (isFailure(r)) failed++; else docs.push(r); }
    const extractSeconds = (performance.now() - t) / 1000;
    const tables = tablesIn(docs);
    steps.push(step(size, 'extract in-process', extractSeconds, files.length, bytes, tables, floor.seconds, failed ? {note: `${failed} failed`} : {}));

    t = performance.now();
    const json = toJson(docs);
    steps.push(step(size, 'json: toJson', (performance.now() - t) / 1000, docs.length, bytes, tables, floor.seconds, {note: `${(Buffer.byteLength(json) / MB).toFixed(1)} MB out`}));
    t = performance.now();
    const csv = indicatorsToCsv(docs);
    steps.push(step(size, 'csv: indicatorsToCsv', (performance.now() - t) / 1000, docs.length, bytes, tables, floor.seconds, {note: `${(Buffer.byteLength(csv) / MB).toFixed(1)} MB out`}));
    if (typeof analyze !== 'string') {
      t = performance.now();
      const analyzed: AnalyzedDocument[] = [];
      for (const d of docs) analyzed.push((await analyze(d)) as AnalyzedDocument);
      steps.push(step(size, 'analyze: analyzeDocument', (performance.now() - t) / 1000, docs.length, bytes, tables, floor.seconds));
      // The report's charts over every document: Vega-Lite spec, SVG (vega, fonts measured) and PNG (resvg).
      await loadChartFonts();
      t = performance.now();
      let svgBytes = 0;
      let pngBytes = 0;
      for (const c of CHARTS) {
        const svg = await renderSvg(c.build(analyzed));
        svgBytes += svg.length;
        pngBytes += (await renderPng(svg)).length;
      }
      steps.push(step(size, `charts: ${CHARTS.length} × spec+SVG+PNG`, (performance.now() - t) / 1000, docs.length, bytes, tables, floor.seconds, {note: `${(svgBytes / 1024).toFixed(0)} KB SVG, ${(pngBytes / 1024).toFixed(0)} KB PNG`}));
    }
    docs.length = 0;

    // The worker pool of src/io/batch.ts (start-up included), results streamed and dropped.
    t = performance.now();
    let poolTables = 0;
    for await (const {result} of iterateFiles(files)) if (!isFailure(result)) poolTables += result.tables.length;
    steps.push(step(size, `extract pool (${availableParallelism()} workers)`, (performance.now() - t) / 1000, files.length, bytes, poolTables, floor.seconds));

    // The real CLI, JSON to a file; wall time includes Node start-up and the workers'.
    const out = join(root, `cli-${size}.json`);
    const cli = bestCliRun(['extract', dirs.get(size)!, '--format', 'json'], out, probe, join(root, `rss-${size}.txt`));
    const cliNote = `exit ${cli.status}, ${(statSync(out).size / MB).toFixed(1)} MB out` + (cli.status === 0 ? '' : `: ${cli.stderr.trim().split('\n')[0]}`);
    steps.push(step(size, `cli extract --format json (${availableParallelism()} workers)`, cli.seconds, files.length, bytes, tables, floor.seconds, {peakRssMb: cli.rssMb ?? undefined, cpuSeconds: cli.cpuSeconds ?? undefined, note: cliNote}));
    if (process.env.BENCH_CLI_JOBS1 !== '0') {
      const one = join(root, `cli-${size}-j1.json`);
      const cli1 = bestCliRun(['extract', dirs.get(size)!, '--format', 'json', '--jobs', '1'], one, probe, join(root, `rss-${size}-j1.txt`));
      const same = readFileSync(one).equals(readFileSync(out));
      const note1 = `exit ${cli1.status}, ${same ? 'output identical to the pool\'s' : 'OUTPUT DIFFERS from the pool\'s'}`;
      if (!same) notes.push(`size ${size}: --jobs 1 and the pool gave different output`);
      steps.push(step(size, 'cli extract --format json --jobs 1', cli1.seconds, files.length, bytes, tables, floor.seconds, {peakRssMb: cli1.rssMb ?? undefined, cpuSeconds: cli1.cpuSeconds ?? undefined, note: note1}));
      rmSync(one, {force: true});
    }
    rmSync(out, {force: true});
  }

  // Cold start: the CLI on one bundled file, 5 runs (bundle, and from source for reference); Node and Node+tsx
  // start-up alone for context.
  const cold: number[] = [];
  const coldSource: number[] = [];
  const coldOut = join(root, 'cold.json');
  for (let i = 0; i < 5; i++) cold.push(runCli(['extract', COLD_FILE], coldOut, null, '').seconds);
  for (let i = 0; i < 5; i++) coldSource.push(runCli(['extract', COLD_FILE], coldOut, null, '', 'source').seconds);
  const nodeBare = median(Array.from({length: 5}, () => spawnWall([process.execPath, '-e', '0'])));
  const nodeTsx = median(Array.from({length: 5}, () => spawnWall([process.execPath, '--import', 'tsx', '-e', '0'])));
  const coldStart = {
    file: 'data/001_911f9712737d8e1a.txt', runsSeconds: cold, medianSeconds: median(cold),
    fromSourceRunsSeconds: coldSource, fromSourceMedianSeconds: median(coldSource), nodeStartSeconds: nodeBare, nodeTsxStartSeconds: nodeTsx,
  };

  const converters = await converterCosts();

  printTable(steps);
  console.log('\nby converter, the rendered test corpus (test/fixtures/rendered, in-process, warm; the bench corpus above is the bundled layout):');
  for (const c of converters) console.log(`  ${c.converter.padEnd(12)} ${String(c.files).padStart(3)} files ${String(c.tables).padStart(3)} tables  ${ms(c.seconds).padStart(8)}  ${(c.seconds * 1000 / Math.max(1, c.tables)).toFixed(1).padStart(6)} ms a table, slowest ${c.slowest.file} ${ms(c.slowest.seconds)}`);
  console.log(`\ncold start, extract on ${coldStart.file}: median ${ms(coldStart.medianSeconds)} of [${cold.map(ms).join(', ')}] (target < 300 ms)`);
  console.log(`  for reference: from source through tsx ${ms(coldStart.fromSourceMedianSeconds)}, node -e 0 ${ms(nodeBare)}, node --import tsx -e 0 ${ms(nodeTsx)}`);
  const target = steps.find((s) => s.size === 1000 && s.step.startsWith('cli'));
  if (target) console.log(`target: CLI on 1,000 documents = ${target.timesFloor!.toFixed(1)} × floor (target ≤ 4×)`);
  console.log(`peak RSS measured with ${probe.how}`);
  for (const n of notes) console.log(n);

  const report = {date: new Date().toISOString(), machine, sizes: SIZES, rssProbe: probe.how, cli: bundle, corpus: 'bundled documents copied with unit name and counts varied; every 4th copy CRLF', steps, converters, coldStart, notes};
  mkdirSync(join(ROOT, 'reports'), {recursive: true});
  writeFileSync(join(ROOT, 'reports', 'bench.json'), JSON.stringify(report, null, 2) + '\n');
  console.log('→ reports/bench.json');
  if (process.env.BENCH_KEEP) console.log(`corpus kept in ${root}`);
  else rmSync(root, {recursive: true, force: true});
}

const ms = (s: number): string => `${Math.round(s * 1000)} ms`;

/** Extraction cost of each converter's dumps of the rendered test corpus (second of two passes: JIT warm). */
async function converterCosts(): Promise<Array<{converter: string; files: number; tables: number; seconds: number; slowest: {file: string; seconds: number}}>> {
  const dir = join(ROOT, 'test', 'fixtures', 'rendered');
  if (!existsSync(dir)) return [];
  const out = [];
  for (const converter of ['raw', 'libreoffice', 'layout', 'default']) {
    const files = readdirSync(dir).filter((f) => f.endsWith(`.${converter}.txt`)).sort().map((f) => join(dir, f));
    let seconds = 0;
    let tables = 0;
    let slowest = {file: '', seconds: 0};
    for (let pass = 0; pass < 2; pass++) {
      seconds = 0;
      tables = 0;
      for (const f of files) {
        const t = performance.now();
        const r = await loadDocument(f);
        const took = (performance.now() - t) / 1000;
        seconds += took;
        if (!isFailure(r)) tables += r.tables.length;
        if (pass === 1 && took > slowest.seconds) slowest = {file: f.slice(dir.length + 1), seconds: took};
      }
    }
    out.push({converter, files: files.length, tables, seconds, slowest});
  }
  return out;
}

/** Build the CLI bundle now (as `npm install` does), so no measured run pays for a build; say what the CLI runs. */
async function prepareBundle(): Promise<string> {
  spawnSync(process.execPath, [join(ROOT, 'src', 'bin', 'build.mjs')], {cwd: ROOT, stdio: 'inherit'});
  const {freshBundle} = (await import(pathToFileURL(join(ROOT, 'src', 'bin', 'bundle.mjs')).href)) as {freshBundle: () => string | null};
  const cli = freshBundle();
  return cli === null ? 'cli: NO FRESH BUNDLE, the CLI runs from source through tsx' : `cli: bundle ${cli.slice(ROOT.length + 1)}`;
}

function printTable(steps: Step[]): void {
  const head = ['docs', 'step', 'time', 'docs/s', 'MB/s', 'tables/s', '× floor', 'peak RSS', 'CPU', 'note'];
  const rows = steps.map((s) => [
    String(s.size), s.step, s.seconds < 1 ? ms(s.seconds) : `${s.seconds.toFixed(2)} s`,
    s.docsPerSecond.toFixed(s.docsPerSecond < 100 ? 1 : 0), s.mbPerSecond.toFixed(2), s.tables ? s.tablesPerSecond.toFixed(0) : '',
    s.timesFloor === null ? '' : `${s.timesFloor.toFixed(1)}×`, s.peakRssMb === undefined ? '' : `${Math.round(s.peakRssMb)} MB`,
    s.cpuSeconds === undefined ? '' : `${s.cpuSeconds.toFixed(2)} s`, s.note ?? '',
  ]);
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]): string => r.map((c, i) => (i === 1 || i === 9 ? c.padEnd(width[i]) : c.padStart(width[i]))).join('  ').trimEnd();
  console.log('\n' + line(head));
  console.log(width.map((w) => '─'.repeat(w)).join('  '));
  let last = steps[0]?.size;
  for (const [i, r] of rows.entries()) {
    if (steps[i].size !== last) { console.log(''); last = steps[i].size; }
    console.log(line(r));
  }
}

await main();
