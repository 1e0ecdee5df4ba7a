// Many files at once: extract them in-process or on a pool of worker threads, and hand the results back in
// input order whatever the number of workers, so output never depends on --jobs or on timing.
// Also writes the extract JSON document by document (streamJson), byte-identical to toJson, so memory
// stays flat however many documents there are; iterateRendered has each document rendered (JSON, CSV) where
// it was extracted, so the main thread only writes text.
//
//   files ──▶ iterateFiles ──(window of jobs×32 in flight, reordered)──▶ {index, path, result} in input order
//                 │ jobs <= 1 or few files: loadDocument (or analyzeFile) here, the next file read meanwhile
//                 └ else: N workers (batch-worker.ts), each running loadDocument (or analyzeFile)
//
// Run from TypeScript (tsx), a worker registers tsx and loads batch-worker.ts; run from the prebuilt bundle
// (src/bin/build.mjs), it loads batch-worker.mjs, built beside every file of the bundle.
import {availableParallelism} from 'node:os';
import {Worker} from 'node:worker_threads';
import {readBytes, resultOfBytes, type FileFailure} from './files.ts';
import {documentJsonElement, render, type Rendered, type RenderFormat} from './rendered.ts';
import type {DocumentResult} from '../types.ts';
import type {WorkerMessage, WorkerTask} from './batch-worker.ts';

/** What one file gives: its document, or why it could not be read or decoded. */
export type BatchResult = DocumentResult | FileFailure;

/** One result with its position in the input. */
export interface BatchItem<R = BatchResult> {
  /** 0-based position of the file in the input list. */
  index: number;
  path: string;
  result: R;
}

/** Options of {@link extractFiles} and {@link iterateFiles}. */
export interface BatchOptions {
  /** Number of worker threads (default: os.availableParallelism()). 1 or less: everything in this thread. */
  jobs?: number;
  /**
   * Below this many files the work stays in this thread even when jobs > 1, since starting a worker costs
   * about a quarter of a second (default 8). 0 forces the pool (tests).
   */
  minFilesForPool?: number;
  /** Also analyse each document (analyzeFile instead of loadDocument): the results are AnalyzedDocuments. */
  analyze?: boolean;
  /** Called once per file, in input order (not completion order): `done` of `total` files are finished. */
  onProgress?: (done: number, total: number, result: BatchResult, path: string) => void;
}

/** An exception thrown while extracting a file (a bug, not a bad file: those become a FileFailure). */
export class ExtractionError extends Error {
  path: string;

  constructor(path: string, cause: unknown) {
    super(`${path}: ${cause instanceof Error ? cause.message : String(cause)}`, {cause});
    this.name = 'ExtractionError';
    this.path = path;
  }
}

/** Default number of files below which the pool is not worth starting. */
export const MIN_FILES_FOR_POOL = 8;

/**
 * Results kept in flight or waiting for their turn, per worker. Bounds memory when one file is slow; wide enough
 * that a slow file (a long one-cell-per-line dump) does not leave the other workers waiting for its result.
 */
const WINDOW_PER_JOB = 32;

/**
 * Young-generation size of each worker. Extraction allocates many short-lived objects; with the workers'
 * default (small) young generation, two workers ran at half the speed of one each, with 64 MB at full speed.
 */
const WORKER_YOUNG_GENERATION_MB = 64;

/** Tasks sent to one worker before it answers (hides the message round trip). */
const TASKS_PER_WORKER = 8;

/**
 * Extract every file and return the results in input order. Read and decode problems come back as a
 * FileFailure at the file's position; an exception inside the extractor rejects with an ExtractionError.
 * @example
 * const results = await extractFiles(['data/report.txt', 'missing.txt'], {jobs: 4});
 * // results[0].tables.length === 2; isFailure(results[1]) === true
 */
export async function extractFiles(files: ReadonlyArray<string>, options: BatchOptions = {}): Promise<BatchResult[]> {
  const out: BatchResult[] = new Array(files.length);
  for await (const item of iterateFiles(files, options)) out[item.index] = item.result;
  return out;
}

/**
 * Extract the files and yield them one by one in input order, keeping at most jobs×32 results in memory:
 * the streaming form of {@link extractFiles}. Breaking out of the loop stops the workers.
 * @example
 * for await (const {path, result} of iterateFiles(files)) console.log(path, isFailure(result) ? 'failed' : 'ok');
 */
export function iterateFiles(files: ReadonlyArray<string>, options: BatchOptions = {}): AsyncGenerator<BatchItem, void, undefined> {
  return ordered<BatchResult>(files, options, undefined);
}

/**
 * Extract (with `analyze`, analyse) the files and yield each rendered as `format` (see src/io/rendered.ts), in
 * input order: the text is made where the file was read, and only the text and a few counts cross threads.
 * Identical whatever `jobs` is. Failures come back as FileFailures, as in iterateFiles.
 * @example
 * for await (const {result} of iterateRendered(files, 'json')) if (!isFailure(result)) out.write(result.text);
 */
export function iterateRendered(files: ReadonlyArray<string>, format: RenderFormat, options: Omit<BatchOptions, 'onProgress'> & {onProgress?: (done: number, total: number, result: Rendered, path: string) => void} = {}): AsyncGenerator<BatchItem<Rendered>, void, undefined> {
  return ordered<Rendered>(files, options, format);
}

/** iterateFiles and iterateRendered: results in input order, from this thread or the pool. */
async function* ordered<R extends BatchResult | Rendered>(
  files: ReadonlyArray<string>,
  options: Omit<BatchOptions, 'onProgress'> & {onProgress?: (done: number, total: number, result: R, path: string) => void},
  format: RenderFormat | undefined,
): AsyncGenerator<BatchItem<R>, void, undefined> {
  const total = files.length;
  const jobs = Math.min(resolveJobs(options.jobs), total);
  const minFiles = options.minFilesForPool ?? MIN_FILES_FOR_POOL;
  let done = 0;
  const emit = (index: number, result: R): BatchItem<R> => {
    done++;
    options.onProgress?.(done, total, result, files[index]);
    return {index, path: files[index], result};
  };
  const analyze = options.analyze === true;
  if (jobs <= 1 || total < minFiles) {
    // The next file is read while this one is extracted (a read never rejects: a failure is a FileFailure).
    let reading = total > 0 ? readBytes(files[0]) : null;
    for (let i = 0; i < total; i++) {
      const bytes = await reading!;
      reading = i + 1 < total ? readBytes(files[i + 1]) : null;
      const r = extractInProcess(files[i], bytes, analyze);
      yield emit(i, (format === undefined ? r : render(r, format)) as R);
    }
    return;
  }
  const pool = new Pool<R>(jobs, analyze, format);
  const window = jobs * WINDOW_PER_JOB;
  const pending = new Map<number, Promise<R>>();
  let next = 0;
  try {
    for (let i = 0; i < total; i++) {
      while (next < total && next < i + window) {
        const p = pool.run(files[next]);
        p.catch(() => undefined); // awaited in order below; this only keeps an early rejection from being "unhandled"
        pending.set(next++, p);
      }
      const p = pending.get(i)!;
      pending.delete(i);
      yield emit(i, await p);
    }
  } finally {
    await pool.close();
  }
}

/** The number of workers asked for, or the machine's parallelism. */
function resolveJobs(jobs: number | undefined): number {
  if (jobs === undefined || !Number.isFinite(jobs)) return availableParallelism();
  return Math.max(1, Math.floor(jobs));
}

function extractInProcess(path: string, bytes: Uint8Array | FileFailure, analyze: boolean): BatchResult {
  try {
    return resultOfBytes(path, bytes, analyze);
  } catch (e) {
    throw new ExtractionError(path, e);
  }
}

interface Task<R> {
  id: number;
  path: string;
  resolve: (r: R) => void;
  reject: (e: Error) => void;
}

interface Slot<R> {
  worker: Worker;
  inFlight: Map<number, Task<R>>;
}

/**
 * Worker threads each running batch-worker.ts; tasks are queued and handed to the least busy one. Each task
 * extracts (or analyses) a file and answers with the result, or with the result rendered as `format`.
 */
class Pool<R> {
  private readonly slots: Array<Slot<R>> = [];
  private readonly queue: Array<Task<R>> = [];
  private nextId = 0;
  private broken: Error | null = null;
  private closing = false;
  private readonly analyze: boolean;
  private readonly format: RenderFormat | undefined;

  constructor(size: number, analyze: boolean, format: RenderFormat | undefined) {
    this.analyze = analyze;
    this.format = format;
    for (let i = 0; i < size; i++) this.slots.push(this.start());
  }

  run(path: string): Promise<R> {
    if (this.broken) return Promise.reject(this.broken);
    return new Promise((resolve, reject) => {
      this.queue.push({id: this.nextId++, path, resolve, reject});
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    const stopped = new Error('worker pool closed');
    for (const t of this.queue.splice(0)) t.reject(stopped);
    for (const s of this.slots) for (const t of s.inFlight.values()) t.reject(stopped);
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private start(): Slot<R> {
    const worker = startWorker();
    const slot: Slot<R> = {worker, inFlight: new Map()};
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'ready') return;
      const task = slot.inFlight.get(m.id);
      if (!task) return;
      slot.inFlight.delete(m.id);
      if (m.type === 'result') task.resolve(m.result as R);
      else task.reject(new ExtractionError(task.path, Object.assign(new Error(m.error.message), {name: m.error.name, stack: m.error.stack})));
      this.pump();
    });
    worker.on('error', (e) => this.fail(new Error(`jixiao worker failed: ${e.message}`, {cause: e})));
    worker.on('exit', (code) => { if (!this.closing) this.fail(new Error(`jixiao worker stopped unexpectedly (exit code ${code})`)); });
    return slot;
  }

  private pump(): void {
    while (this.queue.length > 0 && !this.broken) {
      let best: Slot<R> | undefined;
      for (const s of this.slots) if (s.inFlight.size < TASKS_PER_WORKER && (!best || s.inFlight.size < best.inFlight.size)) best = s;
      if (!best) return;
      const task = this.queue.shift()!;
      best.inFlight.set(task.id, task);
      best.worker.postMessage({id: task.id, path: task.path, analyze: this.analyze, format: this.format} satisfies WorkerTask);
    }
  }

  /** A worker died: every task waiting or in flight fails, and so does every later one. */
  private fail(e: Error): void {
    if (this.broken || this.closing) return;
    this.broken = e;
    for (const t of this.queue.splice(0)) t.reject(e);
    for (const s of this.slots) {
      for (const t of s.inFlight.values()) t.reject(e);
      s.inFlight.clear();
    }
  }
}

/** Does this module run from TypeScript source (through tsx), rather than from the prebuilt bundle? */
const FROM_SOURCE = import.meta.url.endsWith('.ts');

/** A worker running batch-worker: the bundle's batch-worker.mjs, or batch-worker.ts through tsx. */
function startWorker(): Worker {
  try {
    return newWorker(workerExecArgv());
  } catch (e) {
    // Options that apply to the whole process (`node --max-old-space-size=4096 …`, `--title`) are refused in a
    // worker's execArgv; the process has them already, so the worker starts without them.
    const refused = refusedExecArgv(e);
    if (refused === null) throw e;
    return newWorker(workerExecArgv().filter((a) => !refused.has(a)));
  }
}

function newWorker(execArgv: string[]): Worker {
  const options = {execArgv, resourceLimits: {maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB}};
  if (!FROM_SOURCE) return new Worker(new URL('./batch-worker.mjs', import.meta.url), options);
  // The worker has to run TypeScript. Under Node 20 neither `--import tsx` in execArgv nor an inherited one
  // applies to a worker's entry module, so a tiny bootstrap registers tsx and then imports the worker.
  return new Worker(bootstrapCode(), {...options, eval: true});
}

/** The execArgv entries a Worker constructor refused (ERR_WORKER_INVALID_EXEC_ARGV: "…flags: --a, --b"), else null. */
function refusedExecArgv(e: unknown): Set<string> | null {
  if (!(e instanceof Error) || (e as NodeJS.ErrnoException).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') return null;
  const listed = e.message.slice(e.message.indexOf(':') + 1).split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  return listed.length > 0 ? new Set(listed) : null;
}

/** Register tsx in the worker, then load batch-worker.ts (CommonJS eval code; dynamic import is allowed). */
function bootstrapCode(): string {
  const worker = new URL('./batch-worker.ts', import.meta.url).href;
  let tsx: string | null = null;
  try { tsx = import.meta.resolve('tsx/esm/api'); } catch { /* no tsx: the runtime must load .ts itself */ }
  const load = `import(${JSON.stringify(worker)})`;
  return tsx === null ? load : `import(${JSON.stringify(tsx)}).then((m) => m.register()).then(() => ${load});`;
}

/** The parent's Node options minus its tsx loader (registered by the bootstrap instead). */
function workerExecArgv(): string[] {
  const out: string[] = [];
  const args = process.execArgv;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if ((a === '--import' || a === '--loader' || a === '--experimental-loader' || a === '--require' || a === '-r') && /^tsx(\/|$)/.test(args[i + 1] ?? '')) { i++; continue; }
    if (/^--(import|loader|experimental-loader|require)=tsx(\/|$)/.test(a)) continue;
    out.push(a);
  }
  return out;
}

/** A write function: may return a promise (awaited before the next chunk, for backpressure). */
export type WriteChunk = (chunk: string | Uint8Array) => unknown;

/**
 * Write the extract JSON one document at a time: byte-identical to `toJson(docs, extra)` (src/report/json.ts,
 * whose documentJson formats each document), without holding all documents or the whole string in memory.
 * No trailing newline, like toJson. `extra` must not have a `documents` key.
 * @example
 * await streamJson(docs, writerFor(process.stdout)); process.stdout.write('\n');
 */
export async function streamJson(
  docs: Iterable<DocumentResult> | AsyncIterable<DocumentResult>,
  write: WriteChunk,
  extra: Record<string, unknown> = {},
): Promise<void> {
  await streamJsonElements(elementsOf(docs), write, extra);
}

async function* elementsOf(docs: Iterable<DocumentResult> | AsyncIterable<DocumentResult>): AsyncGenerator<string> {
  for await (const d of docs) yield documentJsonElement(d);
}

/**
 * {@link streamJson} from documents already rendered by documentJsonElement (src/io/rendered.ts), e.g. the
 * texts of iterateRendered(files, 'json'): byte-identical to toJson of the documents.
 * @example await streamJsonElements(['{…}'], write) // writes '{\n  "documents": [\n    {…}\n  ]\n}'
 */
export async function streamJsonElements(
  elements: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>,
  write: WriteChunk,
  extra: Record<string, unknown> = {},
): Promise<void> {
  if (Object.hasOwn(extra, 'documents')) throw new TypeError('streamJson: extra must not contain "documents"');
  // `{documents: [], ...extra}` formatted as toJson would; its head is replaced by the streamed array.
  const shell = JSON.stringify({documents: [], ...extra}, null, 2);
  const head = '{\n  "documents": []';
  let first = true;
  for await (const element of elements) {
    // An array element at depth 2: every line of the element indented by 4 more spaces (documentJsonElement).
    // (An element in UTF-8 bytes, as rendered, is written as it is, after its separator.)
    const before = first ? '{\n  "documents": [\n    ' : ',\n    ';
    if (typeof element === 'string') await write(before + element);
    else { await write(before); await write(element); }
    first = false;
  }
  await write(first ? shell : '\n  ]' + shell.slice(head.length));
}

/**
 * A {@link WriteChunk} for a Node stream that waits for 'drain' when the stream's buffer is full
 * (and rejects if the stream errors meanwhile, e.g. EPIPE).
 * @example await streamJson(docs, writerFor(createWriteStream('out.json')));
 */
export function writerFor(stream: NodeJS.WritableStream): (chunk: string | Uint8Array) => Promise<void> | void {
  return (chunk) => {
    if (stream.write(chunk)) return;
    return new Promise<void>((resolve, reject) => {
      const onDrain = (): void => { stream.off('error', onError); resolve(); };
      const onError = (e: Error): void => { stream.off('drain', onDrain); reject(e); };
      stream.once('drain', onDrain);
      stream.once('error', onError);
    });
  };
}
