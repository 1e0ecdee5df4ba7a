// The only module that touches the disk for input: expand files and folders, read bytes, decode, extract.
// A file that cannot be read or decoded becomes a FileFailure, so one bad file never stops a batch.
import {readFile, readdir, stat} from 'node:fs/promises';
import {readFileSync} from 'node:fs';
import {basename, join} from 'node:path';
import {decodeBytes, DecodeError} from '../extract/decode.ts';
import {extractNormalized} from '../extract/index.ts';
import type {DocumentResult} from '../types.ts';
import {analyzeDocument} from '../analyze/index.ts';
import type {AnalyzedDocument} from '../analyze/types.ts';
import {pushAll} from '../arrays.ts';

/** A file that could not be read or decoded: the one-line reason in English and Chinese. */
export interface FileFailure {
  path: string;
  source: string;
  code: string;
  message: string;
  messageZh: string;
}

/**
 * Expand paths into a sorted list of files: a folder gives its *.txt files (recursively), a file itself.
 * Paths that do not exist are returned in `missing`.
 */
export async function expandPaths(paths: ReadonlyArray<string>): Promise<{files: string[]; missing: FileFailure[]}> {
  const files: string[] = [];
  const missing: FileFailure[] = [];
  for (const p of paths) {
    let info;
    try { info = await stat(p); } catch {
      missing.push(failure(p, 'unreadable', `cannot read ${p}: no such file or folder`, `无法读取 ${p}：文件或文件夹不存在`));
      continue;
    }
    if (info.isDirectory()) pushAll(files, await listTextFiles(p));
    else files.push(p);
  }
  return {files, missing};
}

async function listTextFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, {withFileTypes: true});
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = join(dir, e.name);
    if (e.isDirectory()) pushAll(out, await listTextFiles(full));
    else if (/\.(txt|text|md)$/i.test(e.name)) out.push(full);
  }
  return out;
}

function failure(path: string, code: string, message: string, messageZh: string): FileFailure {
  return {path, source: basename(path), code, message, messageZh};
}

/**
 * Read, decode and extract one file. The only extraction entry point that touches disk.
 * @example (await loadDocument('data/report.txt')).tables.length // => 2
 * @throws never: read and decode errors come back as a FileFailure
 */
export async function loadDocument(path: string): Promise<DocumentResult | FileFailure> {
  return resultOfBytes(path, await readBytes(path), false);
}

/**
 * The bytes of a file, or why it cannot be read (a FileFailure). With {@link resultOfBytes}, what loadDocument
 * and analyzeFile do, split so that the next file can be read while one is extracted.
 * @throws never
 */
export async function readBytes(path: string): Promise<Uint8Array | FileFailure> {
  try { return await readFile(path); } catch (e) { return unreadable(path, e); }
}

/**
 * readBytes, waiting for the disk: for a worker thread, which has nothing else to do meanwhile (an asynchronous
 * read would leave it idle until its next file's bytes arrive).
 * @throws never
 */
export function readBytesNow(path: string): Uint8Array | FileFailure {
  try { return readFileSync(path); } catch (e) { return unreadable(path, e); }
}

function unreadable(path: string, e: unknown): FileFailure {
  const reason = (e as NodeJS.ErrnoException).code === 'EISDIR' ? 'is a folder' : 'cannot be read';
  return failure(path, 'unreadable', `${path} ${reason}`, `无法读取 ${path}`);
}

/** Decode and extract bytes already in memory (pure apart from the name). */
export function documentFromBytes(bytes: Uint8Array, source: string, path = source): DocumentResult | FileFailure {
  return withText(bytes, source, path, (doc) => doc);
}

/** Decode, extract and analyse bytes already in memory; the disclosure paragraph is checked on the text. */
export function analyzedFromBytes(bytes: Uint8Array, source: string, path = source): AnalyzedDocument | FileFailure {
  return withText(bytes, source, path, (doc, text) => analyzeDocument(doc, text.split('\n')));
}

/** Decode once, extract, and hand the document and its text to `then`; decode errors become a FileFailure. */
function withText<T>(bytes: Uint8Array, source: string, path: string, then: (doc: DocumentResult, text: string) => T): T | FileFailure {
  let decoded;
  try { decoded = decodeBytes(bytes); } catch (e) {
    if (e instanceof DecodeError) return failure(path, e.code, `${source}: ${e.message}`, `${source}：${e.messageZh}`);
    throw e;
  }
  const {tables, diagnostics} = extractNormalized(decoded.text, {file: source, glyphForms: decoded.glyphForms});
  return then({source, encoding: decoded.encoding, tables, diagnostics}, decoded.text);
}

/** Read, decode, extract and analyse one file. */
export async function analyzeFile(path: string): Promise<AnalyzedDocument | FileFailure> {
  return resultOfBytes(path, await readBytes(path), true) as AnalyzedDocument | FileFailure;
}

/** The document (with `analyze`, analysed) of bytes read by {@link readBytes}, or the read failure. */
export function resultOfBytes(path: string, bytes: Uint8Array | FileFailure, analyze: boolean): DocumentResult | AnalyzedDocument | FileFailure {
  if (!(bytes instanceof Uint8Array)) return bytes;
  return analyze ? analyzedFromBytes(bytes, basename(path), path) : documentFromBytes(bytes, basename(path), path);
}

/** Is this result a failure? */
export const isFailure = (r: DocumentResult | FileFailure): r is FileFailure => 'messageZh' in r;
