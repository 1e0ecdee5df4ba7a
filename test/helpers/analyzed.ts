// Test helper: the bundled documents of data/, extracted and analysed once per test process (with their lines,
// so the disclosure paragraph is reconciled as the CLI does).
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {analyzeDocument} from '../../src/analyze/index.ts';
import type {AnalyzedDocument} from '../../src/analyze/types.ts';
import {DATA, bundledNames, extracted} from './bundled.ts';

let cache: AnalyzedDocument[] | undefined;

/** Every bundled document, analysed, in file-name order. */
export function analyzedBundled(): AnalyzedDocument[] {
  cache ??= bundledNames().map((name) => {
    const {tables, diagnostics} = extracted(name);
    const lines = readFileSync(join(DATA, name), 'utf8').split('\n');
    return analyzeDocument({source: name, encoding: 'utf-8', tables, diagnostics}, lines);
  });
  return cache;
}
