// Batch extraction: the worker pool gives the same results, in the same order, as the in-process loop,
// failures keep their position, and the streamed JSON is byte-identical to toJson.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {availableParallelism, tmpdir} from 'node:os';
import {join} from 'node:path';
import {extractFiles, iterateFiles, streamJson, streamJsonElements, type BatchResult} from '../../src/io/batch.ts';
import {documentJsonElement} from '../../src/io/rendered.ts';
import {isFailure} from '../../src/io/files.ts';
import {toJson} from '../../src/report/json.ts';
import type {DocumentResult} from '../../src/types.ts';

const DATA = join(import.meta.dirname, '..', '..', 'data');
/** At least two workers, so the pool really runs even on a one-CPU machine. */
const JOBS = Math.max(2, availableParallelism());

/** A temp corpus: every bundled document three times under other names, an empty and a binary file, a missing path. */
function corpus(): {dir: string; files: string[]; expectFailure: Map<number, string>} {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-batch-'));
  const names = readdirSync(DATA).filter((f) => f.endsWith('.txt')).sort();
  const files: string[] = [];
  const expectFailure = new Map<number, string>();
  for (let copy = 0; copy < 3; copy++) {
    for (const name of names) {
      const to = join(dir, `c${copy}_${name}`);
      copyFileSync(join(DATA, name), to);
      files.push(to);
    }
    if (copy === 0) {
      const empty = join(dir, 'empty.txt');
      writeFileSync(empty, '');
      expectFailure.set(files.length, 'empty');
      files.push(empty);
    }
    if (copy === 1) {
      const binary = join(dir, 'scan.txt');
      writeFileSync(binary, Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'), Buffer.alloc(2048, 0), Buffer.from([0xff, 0xd8, 0x00, 0x01])]));
      expectFailure.set(files.length, 'binary');
      files.push(binary);
    }
  }
  const missing = join(dir, 'no-such-file.txt');
  expectFailure.set(files.length, 'unreadable');
  files.push(missing);
  return {dir, files, expectFailure};
}

const sourceOf = (r: BatchResult): string => r.source;

test('extractFiles: the worker pool and the in-process loop give deep-equal results in input order', async () => {
  const {dir, files, expectFailure} = corpus();
  try {
    const progress: number[] = [];
    const serial = await extractFiles(files, {jobs: 1});
    const pooled = await extractFiles(files, {jobs: JOBS, minFilesForPool: 0, onProgress: (done, total) => { assert.equal(total, files.length); progress.push(done); }});
    assert.equal(serial.length, files.length);
    assert.deepEqual(pooled, serial);
    assert.deepEqual(progress, files.map((_, i) => i + 1), 'progress is reported once per file, in order');
    assert.deepEqual(serial.map(sourceOf), files.map((f) => f.slice(dir.length + 1)), 'result i belongs to file i');
    for (const [i, r] of serial.entries()) {
      const code = expectFailure.get(i);
      if (code === undefined) {
        assert.ok(!isFailure(r), `${files[i]} should extract`);
        assert.ok((r as DocumentResult).tables.length > 0);
      } else {
        assert.ok(isFailure(r), `${files[i]} should fail`);
        assert.equal(r.code, code);
        assert.equal(r.path, files[i]);
      }
    }
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
});

test('extractFiles with analyze: the worker pool and the in-process loop give deep-equal analysed documents', async () => {
  const {dir, files} = corpus();
  try {
    const serial = await extractFiles(files, {jobs: 1, analyze: true});
    const pooled = await extractFiles(files, {jobs: JOBS, minFilesForPool: 0, analyze: true});
    assert.deepEqual(pooled, serial);
    const first = serial.find((r) => !isFailure(r)) as DocumentResult & {summary?: unknown};
    assert.ok(first.summary !== undefined, 'analysed documents carry their summary');
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
});

test('extractFiles: a small batch stays in-process by default and still matches', async () => {
  const {dir, files} = corpus();
  try {
    const few = files.slice(0, 3);
    assert.deepEqual(await extractFiles(few, {jobs: JOBS}), await extractFiles(few, {jobs: 1}));
    assert.deepEqual(await extractFiles([], {jobs: JOBS, minFilesForPool: 0}), []);
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
});

test('iterateFiles: breaking out of the loop stops the pool', async () => {
  const {dir, files} = corpus();
  try {
    const seen: number[] = [];
    for await (const item of iterateFiles(files, {jobs: JOBS, minFilesForPool: 0})) {
      seen.push(item.index);
      if (seen.length === 2) break;
    }
    assert.deepEqual(seen, [0, 1]);
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
});

test('streamJson writes exactly what toJson returns', async () => {
  const names = readdirSync(DATA).filter((f) => f.endsWith('.txt')).sort();
  const docs = (await extractFiles(names.map((n) => join(DATA, n)), {jobs: 1})).filter((r): r is DocumentResult => !isFailure(r));
  const collect = async (ds: DocumentResult[], extra?: Record<string, unknown>): Promise<string> => {
    const chunks: string[] = [];
    await streamJson(ds, (c) => { chunks.push(asText(c)); }, extra);
    return chunks.join('');
  };
  assert.equal(await collect(docs), toJson(docs));
  assert.equal(await collect(docs.slice(0, 1)), toJson(docs.slice(0, 1)));
  assert.equal(await collect([]), toJson([]));
  const extra = {summary: {documents: docs.length, note: 'a\nb'}, list: [1, [2, {x: null}]]};
  assert.equal(await collect(docs.slice(1, 3), extra), toJson(docs.slice(1, 3), extra));
  assert.equal(await collect([], extra), toJson([], extra));
  // Async sources work too, one document per chunk.
  const chunks: string[] = [];
  await streamJson((async function* () { yield* docs; })(), (c) => { chunks.push(asText(c)); });
  assert.equal(chunks.length, docs.length + 1);
  assert.equal(chunks.join(''), toJson(docs));
  // Elements rendered as UTF-8 bytes (what the CLI writes) give the same text, byte for byte.
  const bytes: Buffer[] = [];
  const encoded = docs.map((d) => new TextEncoder().encode(documentJsonElement(d)));
  await streamJsonElements(encoded, (c) => { bytes.push(Buffer.from(typeof c === 'string' ? Buffer.from(c) : c)); }, {});
  assert.deepEqual(Buffer.concat(bytes), Buffer.from(toJson(docs)));
});

/** A written chunk as text (streamJson writes strings; rendered elements are UTF-8 bytes). */
const asText = (c: string | Uint8Array): string => (typeof c === 'string' ? c : new TextDecoder().decode(c));
