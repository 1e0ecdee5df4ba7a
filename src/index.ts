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
export {findingsFrame, frameOf, indicatorsFrame, tablesFrame, type DataFrame} from './analyze/frame.ts';
// Analysis: checks, summaries and statistics of extracted documents (pure).
export {
  allFindings, analyzeDocument, analyzeTable, distribution, summarizeFindings, summarizeRatios, summarizeWeights,
} from './analyze/index.ts';
export type {
  AnalyzedDocument, AnalyzedIndicator, AnalyzedTable, Coverage, Distribution, Finding, PriorComparison, TargetParsed,
} from './analyze/types.ts';
export {analyzeFile, analyzedFromBytes} from './io/files.ts';
export {findingsToCsv, toCsv} from './report/csv.ts';
// Charts (data → Vega-Lite spec, pure), their rows, rendering (SVG, PNG) and the HTML report.
export {
  CHARTS, CHART_FONT, coverageChart, findingsChart, kindsChart, priorChart, weightChart, type ChartEntry, type ChartOptions,
} from './report/charts.ts';
export {
  coverageRows, docTag, findingCountRows, kindRows, priorRows, tableLabels, weightRows,
} from './report/chart-data.ts';
export {FINDING_NAMES, KIND_NAMES, PRIOR_NAMES, SEVERITY_NAMES, findingName} from './report/labels.ts';
export {loadChartFonts, renderPng, renderSvg} from './report/render.ts';
export {buildPage, type PageChart, type PageInput} from './report/page.ts';
export {writeDataFiles, writeReport, type ReportOptions} from './io/reports.ts';
