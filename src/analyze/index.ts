// The analysis layer: extracted records in, the same records with checks out (FORMAT.md, "Analysis output").
// Pure functions: no disk, no clock, no danfojs. Statistics across documents use simple-statistics.
//
//   Table ──checkWeights──▶ weight_sum, weight_status, level1_shares, findings
//         ──checkStructure / tableCoverage──▶ coverage, findings
//         ──checkMoney──▶ findings
//   Indicator ──parseTarget / parsePrior──▶ target_parsed, prior_parsed ──indicatorType / direction──▶ type, direction
//             ──checkTarget / comparePrior / checkPrior──▶ prior_comparison, findings (on the table)
//   Document lines ──reconcileDisclosure──▶ document findings
import * as ss from 'simple-statistics';
import type {DocumentResult, Severity, Table} from '../types.ts';
import {direction, indicatorType} from './classify.ts';
import {checkStructure, mergeCoverage, tableCoverage} from './coverage.ts';
import {checkMoney, reconcileDisclosure} from './money.ts';
import {checkPrior, comparePrior} from './prior.ts';
import {checkTarget, parsePrior, parseTarget} from './target.ts';
import {checkWeights, groupWeights} from './weights.ts';
import type {
  AnalyzedDocument, AnalyzedIndicator, AnalyzedTable, Direction, Distribution, Finding, FindingSummary,
  RatioSummary, WeightStatus, WeightSummary,
} from './types.ts';
import {pushAll} from '../arrays.ts';

export type * from './types.ts';
export {bareName, direction, indicatorType, isCostRow, isNegativeName, isRateName, isSatisfactionRow, level1Group} from './classify.ts';
export {checkStructure, mergeCoverage, tableCoverage} from './coverage.ts';
export {checkMoney, costAmount, parseDisclosureText, parseNotesText, reconcileDisclosure, tableFigures} from './money.ts';
export {checkPrior, comparePrior, unitScale} from './prior.ts';
export {checkTarget, parsePrior, parseTarget, whyUnparsed} from './target.ts';
export {checkWeights, groupWeights} from './weights.ts';
export * as findings from './messages.ts';

/** Findings in source order; table-level findings (which start at the table's first line) come first. */
const byLine = (a: Finding, b: Finding): number => a.lines[0] - b.lines[0];

/**
 * Analyse one table: parse every target and prior, classify rows, run every table and row check.
 * @example analyzeTable(table).checks.weight_status // => 'reserved-10'
 */
export function analyzeTable(table: Table): AnalyzedTable {
  const weights = checkWeights(table);
  const findings: Finding[] = [...weights.findings, ...checkStructure(table), ...checkMoney(table)];
  const targets = table.indicators.map((i) => parseTarget(i.target));
  const priors = table.indicators.map((i) => parsePrior(i.prior_year));
  const indicators: AnalyzedIndicator[] = table.indicators.map((ind, k) => {
    const target_parsed = targets[k];
    const prior_parsed = priors[k];
    const dir = direction(ind, target_parsed);
    const prior_comparison = comparePrior(ind, target_parsed, prior_parsed);
    pushAll(pushAll(findings, checkTarget(table, ind, target_parsed)), checkPrior(table, ind, target_parsed, prior_parsed, dir, prior_comparison));
    return {...ind, target_parsed, prior_parsed, type: indicatorType(ind), direction: dir, prior_comparison};
  });
  findings.sort(byLine);
  return {
    ...table,
    indicators,
    checks: {
      weight_sum: weights.weight_sum,
      weight_status: weights.weight_status,
      level1_shares: weights.level1_shares,
      findings,
      coverage: tableCoverage(table, {targets, priors}),
    },
  };
}

/** Count findings by severity and by code (codes sorted). */
export function summarizeFindings(list: ReadonlyArray<Finding>): FindingSummary {
  const by_severity: Record<Severity, number> = {error: 0, warning: 0, info: 0};
  const counts: Record<string, number> = {};
  for (const f of list) {
    by_severity[f.severity]++;
    counts[f.code] = (counts[f.code] ?? 0) + 1;
  }
  const by_code: Record<string, number> = {};
  for (const code of Object.keys(counts).sort()) by_code[code] = counts[code];
  return {total: list.length, by_severity, by_code};
}

/** Every finding of a document: its own, then each table's. */
export const allFindings = (doc: AnalyzedDocument): Finding[] => [...doc.findings, ...doc.tables.flatMap((t) => t.checks.findings)];

/**
 * Analyse a document. With its `lines` (index 0 = line 1) the "(四) 预算绩效情况" paragraph is reconciled with
 * the tables; without them there are no document-level findings.
 * @example analyzeDocument(doc, text.split('\n')).summary.by_severity // => {error: …, warning: …, info: …}
 */
export function analyzeDocument(doc: DocumentResult, lines?: ReadonlyArray<string>): AnalyzedDocument {
  const tables = doc.tables.map(analyzeTable);
  const out: AnalyzedDocument = {
    ...doc,
    tables,
    findings: [],
    summary: summarizeFindings([]),
    coverage: mergeCoverage(tables.map((t) => t.checks.coverage), tables.filter((t) => t.checks.coverage.prior_share !== null).length),
  };
  if (lines !== undefined) {
    const r = reconcileDisclosure(lines, doc.tables);
    out.disclosure = r;
    out.findings = r.findings;
  }
  out.summary = summarizeFindings(allFindings(out));
  return out;
}

/**
 * Descriptive statistics of a list (simple-statistics: mean, median, min, max, ss.quantile, sample stdev).
 * @example distribution([1, 2, 3, 4]).median // => 2.5
 */
export function distribution(values: ReadonlyArray<number>): Distribution {
  const v = values.filter((x) => Number.isFinite(x));
  if (v.length === 0) return {count: 0, mean: null, median: null, min: null, max: null, q25: null, q75: null, stdev: null};
  return {
    count: v.length,
    mean: ss.mean(v),
    median: ss.median(v),
    min: ss.min(v),
    max: ss.max(v),
    q25: ss.quantile(v, 0.25),
    q75: ss.quantile(v, 0.75),
    stdev: v.length >= 2 ? ss.sampleStandardDeviation(v) : null,
  };
}

/** Weight statistics across documents: statuses, sums, every row weight, and each 10号 group's table totals. */
export function summarizeWeights(docs: ReadonlyArray<AnalyzedDocument>): WeightSummary {
  const by_status: Record<WeightStatus, number> = {ok: 0, 'reserved-10': 0, mismatch: 0, missing: 0};
  const sums: number[] = [];
  const weights: number[] = [];
  const groups: Record<string, number[]> = {产出: [], 成本: [], 效益: [], 满意度: []};
  let tables = 0;
  for (const d of docs) {
    for (const t of d.tables) {
      tables++;
      by_status[t.checks.weight_status]++;
      if (t.checks.weight_sum !== null) sums.push(t.checks.weight_sum);
      for (const i of t.indicators) if (i.weight !== null) weights.push(i.weight);
      if (t.kind !== 'project') continue;
      const g = groupWeights(t);
      for (const name of g.present) groups[name].push(g.weights[name]);
    }
  }
  const group_shares: Record<string, Distribution> = {};
  for (const [name, list] of Object.entries(groups)) group_shares[name] = distribution(list);
  return {tables, by_status, weight_sum: distribution(sums), weights: distribution(weights), group_shares};
}

/** Target / prior ratios across documents (comparable rows only), overall and by direction, with status counts. */
export function summarizeRatios(docs: ReadonlyArray<AnalyzedDocument>): RatioSummary {
  const all: number[] = [];
  const byDir: Record<Direction, number[]> = {higher: [], lower: [], exact: [], unknown: []};
  const counts = {raised: 0, kept: 0, lowered: 0, not_comparable: 0, no_history: 0};
  for (const d of docs) {
    for (const t of d.tables) {
      for (const i of t.indicators) {
        const c = i.prior_comparison;
        if (c.status === 'not-comparable') counts.not_comparable++;
        else if (c.status === 'no-history') counts.no_history++;
        else counts[c.status]++;
        if (c.ratio !== undefined) {
          all.push(c.ratio);
          byDir[i.direction].push(c.ratio);
        }
      }
    }
  }
  const by_direction = {} as Record<Direction, Distribution>;
  for (const k of Object.keys(byDir) as Direction[]) by_direction[k] = distribution(byDir[k]);
  return {all: distribution(all), by_direction, ...counts};
}
