// Flattens DocumentResult[] into plain row objects (one per indicator, table or diagnostic) with fixed
// column orders; the single source of the tabular shape shared by the CSV writer and the DataFrame builder.
import type {DocumentResult, Indicator, Severity, TableKind} from '../types.ts';

/** A flat cell value: text, a number, or null for "no value". */
export type Cell = string | number | null;

/** Columns of one indicator row, in output order. */
export const INDICATOR_COLUMNS = [
  'source', 'table_index', 'kind', 'title_line', 'year', 'unit', 'project', 'leader',
  'budget_total', 'budget_fiscal', 'budget_other',
  'level1', 'level2', 'level3', 'target', 'basis', 'prior_year', 'weight', 'scoring_rule', 'evidence',
  'line_start', 'line_end',
] as const;

/** Columns of one table row, in output order. */
export const TABLE_COLUMNS = [
  'source', 'table_index', 'kind', 'title_line', 'line_start', 'line_end', 'year', 'unit', 'project', 'leader',
  'budget_total', 'budget_fiscal', 'budget_other', 'budget_total_source', 'layout',
  'indicator_count', 'weight_sum', 'columns',
] as const;

/** Columns of one diagnostic row, in output order. */
export const DIAGNOSTIC_COLUMNS = ['source', 'severity', 'code', 'line', 'end_line', 'message', 'actual'] as const;

/** Every column (of the three row shapes) whose values are numbers or null; all others are text or null. */
export const NUMERIC_COLUMNS: ReadonlySet<string> = new Set([
  'table_index', 'title_line', 'year', 'budget_total', 'budget_fiscal', 'budget_other', 'weight',
  'line_start', 'line_end', 'indicator_count', 'weight_sum', 'line', 'end_line',
]);

/** Table-level fields repeated on every indicator row. (Row shapes are type aliases, not interfaces, so they
 * are assignable to `Record<string, unknown>`.) */
type TableContext = {
  source: string;
  /** 1-based position of the table within its document. */
  table_index: number;
  kind: TableKind;
  title_line: number;
  year: number | null;
  unit: string | null;
  project: string | null;
  leader: string | null;
  budget_total: number | null;
  budget_fiscal: number | null;
  budget_other: number | null;
};

/** One indicator with its table's context; keys are {@link INDICATOR_COLUMNS}. */
export type IndicatorRow = TableContext & Pick<Indicator, 'level1' | 'level2' | 'level3' | 'target' | 'basis' | 'prior_year' | 'weight' | 'scoring_rule' | 'evidence'> & {
  line_start: number;
  line_end: number;
};

/** One table summarised; keys are {@link TABLE_COLUMNS}. */
export type TableRow = TableContext & {
  line_start: number;
  line_end: number;
  budget_total_source: 'printed' | 'computed' | null;
  layout: string;
  indicator_count: number;
  /** Sum of the printed weights, rounded to 2 decimals; null when no indicator has a weight. */
  weight_sum: number | null;
  /** Grid header names joined with "|". */
  columns: string;
};

/** One diagnostic; keys are {@link DIAGNOSTIC_COLUMNS}. */
export type DiagnosticRow = {
  source: string;
  severity: Severity;
  code: string;
  line: number;
  end_line: number;
  message: string;
  actual: string | null;
};

/** Calls `f` for each table of each document with the table's context fields. */
function eachTable<T>(docs: ReadonlyArray<DocumentResult>, f: (ctx: TableContext, table: DocumentResult['tables'][number]) => T): T[] {
  const out: T[] = [];
  for (const doc of docs) {
    doc.tables.forEach((t, i) => {
      out.push(f({
        source: doc.source,
        table_index: i + 1,
        kind: t.kind,
        title_line: t.title_line,
        year: t.year,
        unit: t.unit,
        project: t.project,
        leader: t.leader,
        budget_total: t.budget_total,
        budget_fiscal: t.budget_fiscal,
        budget_other: t.budget_other,
      }, t));
    });
  }
  return out;
}

/**
 * One row per indicator, with the metadata of its table repeated on each row.
 *
 * @example
 * const rows = indicatorRows(docs);
 * rows[0].target; // "≥95%"
 * rows[0].table_index; // 1 (first table of its document)
 */
export function indicatorRows(docs: ReadonlyArray<DocumentResult>): IndicatorRow[] {
  // The context's fields are written out (not spread): a literal of fixed shape is much cheaper to make.
  return eachTable(docs, (ctx, t) => t.indicators.map((ind): IndicatorRow => ({
    source: ctx.source,
    table_index: ctx.table_index,
    kind: ctx.kind,
    title_line: ctx.title_line,
    year: ctx.year,
    unit: ctx.unit,
    project: ctx.project,
    leader: ctx.leader,
    budget_total: ctx.budget_total,
    budget_fiscal: ctx.budget_fiscal,
    budget_other: ctx.budget_other,
    level1: ind.level1,
    level2: ind.level2,
    level3: ind.level3,
    target: ind.target,
    basis: ind.basis,
    prior_year: ind.prior_year,
    weight: ind.weight,
    scoring_rule: ind.scoring_rule,
    evidence: ind.evidence,
    line_start: ind.lines[0],
    line_end: ind.lines[1],
  }))).flat();
}

/**
 * One row per table: metadata, layout, indicator count and weight sum.
 *
 * @example
 * const [first] = tableRows(docs);
 * first.indicator_count; // 3
 * first.columns; // "一级指标|二级指标|三级指标|指标值"
 */
export function tableRows(docs: ReadonlyArray<DocumentResult>): TableRow[] {
  return eachTable(docs, (ctx, t): TableRow => {
    const weights = t.indicators.map((i) => i.weight).filter((w): w is number => w !== null && Number.isFinite(w));
    return {
      ...ctx,
      line_start: t.lines[0],
      line_end: t.lines[1],
      budget_total_source: t.budget_total_source,
      layout: t.layout,
      indicator_count: t.indicators.length,
      weight_sum: weights.length === 0 ? null : Math.round(weights.reduce((a, b) => a + b, 0) * 100) / 100,
      columns: t.columns.join('|'),
    };
  });
}

/**
 * One row per diagnostic. `source` is the document's source (as in the other row shapes), not `Diagnostic.file`.
 *
 * @example
 * diagnosticRows(docs)[0]; // {source: "a.txt", severity: "warning", code: "page-number", line: 12, end_line: 12, …}
 */
export function diagnosticRows(docs: ReadonlyArray<DocumentResult>): DiagnosticRow[] {
  return docs.flatMap((doc) => doc.diagnostics.map((d): DiagnosticRow => ({
    source: doc.source,
    severity: d.severity,
    code: d.code,
    line: d.line,
    end_line: d.endLine,
    message: d.message,
    actual: d.actual ?? null,
  })));
}
