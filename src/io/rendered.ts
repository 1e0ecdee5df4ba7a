// One document's output, rendered where it was extracted: the worker that read a file formats its JSON or CSV
// records as UTF-8 bytes, moved (not copied) to the main thread, which only writes them in input order. Shared by batch.ts (in-process runs) and
// batch-worker.ts (the pool), so the two give the same text by construction.
import {documentJson} from '../report/json.ts';
import {findingsCsvRecords, indicatorsCsvRecords, type FindingsOf} from '../report/csv.ts';
import type {DocumentResult} from '../types.ts';
import {isFailure, type FileFailure} from './files.ts';

/**
 * Formats a document can be rendered to: an element of streamJson's `documents` array, indicatorsToCsv's
 * records, or findingsToCsv's records (analysed documents).
 */
export type RenderFormat = 'json' | 'indicators-csv' | 'findings-csv';

/** What the caller still needs of a rendered document: its counts, and whether it has an error diagnostic. */
export interface RenderedDocument {
  source: string;
  /**
   * The document's text as UTF-8: encoded where it was rendered, so a worker hands it over without a copy (its
   * buffer is transferred) and the writing thread neither decodes nor encodes it.
   */
  bytes: Uint8Array;
  tables: number;
  indicators: number;
  /** The document has an error-level diagnostic (for --strict). */
  hasError: boolean;
}

/** A rendered document, or why its file could not be read. */
export type Rendered = RenderedDocument | FileFailure;

/** Is this rendered result a failure? (As isFailure of files.ts, for rendered results.) */
export const isRenderFailure = (r: Rendered): r is FileFailure => isFailure(r as DocumentResult | FileFailure);

/**
 * The JSON of one document as an element of the `documents` array of toJson (src/report/json.ts): formatted
 * with two-space indents, every line indented by four more spaces, no leading indent or trailing comma.
 * @example '{\n  "documents": [\n    ' + documentJsonElement(doc) + '\n  ]\n}' === toJson([doc]) // => true
 */
export function documentJsonElement(doc: DocumentResult): string {
  // Formatted inside the `documents` array, JSON.stringify indents the element itself: no pass over the text.
  const whole = JSON.stringify({documents: [documentJson(doc)]}, null, 2);
  return whole.slice(ELEMENT_HEAD.length, whole.length - ELEMENT_TAIL.length);
}

/** What JSON.stringify puts around the one element of `{documents: [element]}` (two-space indents). */
const ELEMENT_HEAD = '{\n  "documents": [\n    ';
const ELEMENT_TAIL = '\n  ]\n}';

/**
 * Render one extraction result.
 * @example (render(await loadDocument('data/report.txt'), 'json') as RenderedDocument).tables // => 2
 */
export function render(result: DocumentResult | FileFailure, format: RenderFormat): Rendered {
  if (isFailure(result)) return result;
  const text = format === 'json' ? documentJsonElement(result)
    : format === 'indicators-csv' ? indicatorsCsvRecords(result)
    : findingsCsvRecords(result as unknown as FindingsOf);
  let indicators = 0;
  for (const t of result.tables) indicators += t.indicators.length;
  return {
    source: result.source, bytes: UTF8.encode(text), tables: result.tables.length, indicators,
    hasError: result.diagnostics.some((d) => d.severity === 'error'),
  };
}

/** (TextEncoder: every result gets an ArrayBuffer of its own, which a worker can transfer; Buffer.from pools small ones.) */
const UTF8 = new TextEncoder();
