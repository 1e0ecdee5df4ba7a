// Weight checks of one table: the sum (90 with 预算执行率 scored apart, or 100), positive weights, the
// 一级 shares against the 10号 defaults (产出 50 / 效益 30 / 满意度 10), the satisfaction weight, and
// over-fragmentation (more than 25 rows, weights under 1 point).
import type {Table} from '../types.ts';
import {isExecutionRateRow, level1Group, type Level1Group} from './classify.ts';
import * as msg from './messages.ts';
import {rowAt} from './target.ts';
import type {At, Finding, WeightStatus} from './types.ts';

/** Result of checkWeights. */
export interface WeightCheck {
  /** Sum of the printed weights rounded to 2 decimals; null when no weight is printed. */
  weight_sum: number | null;
  weight_status: WeightStatus;
  /** Weight per 一级 name (whitespace removed), in order of appearance. */
  level1_shares: Record<string, number>;
  findings: Finding[];
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** How far a 一级 group may drift from its default before it is reported (points). */
export const SHARE_TOLERANCE = 20;
/** More rows than this is over-fragmented. */
export const MAX_ROWS = 25;

/** Where a table-level finding points. */
export const tableAt = (table: Table): At => ({lines: [table.lines[0], table.lines[1]], table_line: table.title_line});

/**
 * Weight totals per 10号 group (产出, 成本, 效益, 满意度; rows outside the scheme and the 预算执行率 row skipped),
 * with the groups that have rows at all.
 */
export function groupWeights(table: Table): {weights: Record<Level1Group, number>; present: Set<Level1Group>} {
  const weights: Record<Level1Group, number> = {产出: 0, 成本: 0, 效益: 0, 满意度: 0};
  const present = new Set<Level1Group>();
  for (const ind of table.indicators) {
    if (isExecutionRateRow(ind)) continue;
    const g = level1Group(ind);
    if (g === null) continue;
    present.add(g);
    if (ind.weight !== null) weights[g] = round2(weights[g] + ind.weight);
  }
  return {weights, present};
}

/**
 * Check the weights of a table.
 * @example checkWeights(table at 000:1669).weight_status // => 'reserved-10' (its weights sum to 90)
 */
export function checkWeights(table: Table): WeightCheck {
  const at = tableAt(table);
  const findings: Finding[] = [];
  const level1_shares: Record<string, number> = {};
  let sum = 0;
  let weighted = 0;
  for (const ind of table.indicators) {
    if (ind.weight === null) continue;
    weighted++;
    sum += ind.weight;
    const key = ind.level1.replace(/\s+/g, '');
    level1_shares[key] = round2((level1_shares[key] ?? 0) + ind.weight);
  }
  const weight_sum = weighted === 0 ? null : round2(sum);
  let weight_status: WeightStatus;
  if (weight_sum === null) {
    weight_status = 'missing';
    if (table.indicators.length > 0) findings.push(msg.weightMissing(at));
  } else if (weight_sum === 100) {
    weight_status = 'ok';
  } else if (weight_sum === 90) {
    weight_status = 'reserved-10';
    findings.push(msg.weightReserved10(at));
  } else {
    weight_status = 'mismatch';
    findings.push(msg.weightSumMismatch(at, weight_sum));
  }

  // Rows: missing, non-positive, tiny weights.
  for (const ind of table.indicators) {
    const rat = rowAt(table, ind);
    if (ind.weight === null) {
      if (weighted > 0) findings.push(msg.weightRowMissing(rat, ind.level3));
    } else if (ind.weight <= 0) {
      findings.push(msg.weightNotPositive(rat, ind.level3, ind.weight));
    } else if (ind.weight < 1) {
      findings.push(msg.tinyWeight(rat, ind.level3, ind.weight));
    }
  }
  if (table.indicators.length > MAX_ROWS) findings.push(msg.tooManyRows(at, table.indicators.length));

  // Shares of the 10号 groups: project tables only (overall tables follow other rules).
  if (table.kind === 'project' && weighted > 0) {
    const {weights, present} = groupWeights(table);
    // A missing group is a structural finding (coverage.ts); the others then necessarily carry its points, so
    // shares are compared only when output, benefit and satisfaction rows are all there.
    if (present.has('产出') && present.has('效益') && present.has('满意度')) {
      const shares: ReadonlyArray<readonly [string, number, number]> = [
        ['产出（含成本）', round2(weights.产出 + weights.成本), 50],
        ['效益', weights.效益, 30],
        ['满意度', weights.满意度, 10],
      ];
      for (const [name, actual, expected] of shares) {
        if (Math.abs(actual - expected) >= SHARE_TOLERANCE) findings.push(msg.level1ShareOff(at, name, actual, expected));
      }
    }
    if (present.has('满意度') && weights.满意度 !== 10) findings.push(msg.satisfactionWeightNot10(at, weights.满意度));
  }
  return {weight_sum, weight_status, level1_shares, findings};
}
