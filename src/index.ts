// jixiao's public API: extract 绩效目标表 from text or files, write CSV/JSON, build DataFrames.
// Everything a notebook or another program needs comes from here; the CLI uses nothing else.
export type {
  ColumnKey, Diagnostic, DocumentResult, Indicator, LayoutName, LineStats, Severity, Table, TableKind,
} from './types.ts';
export {extractText, type ExtractOptions, type Extraction} from './extract/index.ts';
export {decodeBytes, DecodeError, normalizeText, type Decoded, type EncodingName} from './extract/decode.ts';
export {parseValue, parseWeight, type Comparator, type ParsedValue} from './extract/grammar.ts';
export {documentFromBytes, expandPaths, isFailure, loadDocument, type FileFailure} from './io/files.ts';
export {toJson, documentJson, tableJson} from './report/json.ts';
export {diagnosticsToCsv, indicatorsToCsv, tablesToCsv} from './report/csv.ts';
export {indicatorsFrame, tablesFrame} from './analyze/frame.ts';
