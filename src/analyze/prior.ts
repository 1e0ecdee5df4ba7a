// The target against last year's actual (上年完成值): raised, kept, lowered, or why they cannot be compared;
// and the findings a reviewer draws from it (a fall on a higher-is-better indicator, a copied target in the
// prior column, different units or kinds, 历史标准 with no history).
import type {Indicator, Table} from '../types.ts';
import {isCostRow} from './classify.ts';
import * as msg from './messages.ts';
import {rowAt} from './target.ts';
import type {Direction, Finding, PriorComparison, TargetParsed} from './types.ts';

/** A unit split into a base and a factor: 万人次 → 人次 × 10000; 个月 → 月; 类/种 → 项; "/年" dropped (the tables are annual). */
export interface UnitScale {
  base: string;
  factor: number;
}

const PREFIX: ReadonlyArray<readonly [string, number]> = [['亿', 1e8], ['万', 1e4], ['千', 1e3]];

/**
 * Base and factor of a unit.
 * @example unitScale('万人次') // => {base: '人次', factor: 10000}
 * @example unitScale('万元/年') // => {base: '元', factor: 10000}
 * @example unitScale('类') // => {base: '项', factor: 1}
 */
export function unitScale(unit: string | null): UnitScale {
  if (unit === null) return {base: '', factor: 1};
  let u = unit.replace(/％/g, '%').replace(/^%%$/, '%').replace(/个月$/, '月').replace(/\/年$/, '');
  // Measure words for kinds of things count the same: 3项 = 3类 = 3种.
  if (u === '类' || u === '种') u = '项';
  let factor = 1;
  for (const [p, f] of PREFIX) {
    if (u.startsWith(p) && u.length > p.length) { factor = f; u = u.slice(p.length); break; }
  }
  return {base: u, factor};
}

const EPS = 1e-9;

/** Text of a date or qualitative cell without its comparator and year, for comparing like with like. */
const dateKey = (raw: string): string => raw.replace(/\s+/g, '').replace(/^[<>=≥≤≧≦＜＞＝]+/, '').replace(/\d{4}年/, '');
const textKey = (raw: string): string => raw.replace(/\s+/g, '');

const KIND_ZH: Record<TargetParsed['kind'], string> = {quantitative: '定量', qualitative: '定性', date: '日期', none: '空', text: '文字'};

/**
 * Compare a target with last year's actual.
 * @example comparePrior(ind, parseTarget('≥10万人次'), parsePrior('13万人次')) // => {status: 'lowered', ratio: 0.769…}
 * @example comparePrior(ind, parseTarget('=12次'), parsePrior('=12个月')) // => {status: 'not-comparable', reason: '单位不同：次 / 月 …'}
 */
export function comparePrior(_ind: Indicator, target: TargetParsed, prior: TargetParsed | null): PriorComparison {
  if (prior === null) return {status: 'no-history'};
  if (target.kind === 'none' || target.kind === 'text') {
    return {status: 'not-comparable', reason: '指标值无法解析 / the target cannot be read'};
  }
  if (prior.kind === 'text') return {status: 'not-comparable', reason: '上年完成值无法解析 / the prior value cannot be read'};
  if (target.kind !== prior.kind) {
    return {
      status: 'not-comparable',
      reason: `类型不同：${KIND_ZH[target.kind]} / ${KIND_ZH[prior.kind]} / kinds differ: ${target.kind} vs ${prior.kind}`,
    };
  }
  if (target.kind === 'date') {
    if (textKey(target.raw).replace(/^[<>=≥≤≧≦＜＞＝]+/, '') === textKey(prior.raw).replace(/^[<>=≥≤≧≦＜＞＝]+/, '')) {
      return {status: 'kept', reason: '日期相同 / same date'};
    }
    return dateKey(target.raw) === dateKey(prior.raw)
      ? {status: 'kept', reason: '同月同日，年份不同 / same day and month, another year'}
      : {status: 'not-comparable', reason: '日期不同 / different dates'};
  }
  if (target.kind === 'qualitative') {
    return textKey(target.raw) === textKey(prior.raw)
      ? {status: 'kept', reason: '定性表述相同 / same qualitative phrase'}
      : {status: 'not-comparable', reason: '定性表述不同 / different qualitative phrases'};
  }
  // Both quantitative.
  if (target.value === null || prior.value === null) return {status: 'not-comparable', reason: '缺少数值 / a value is missing'};
  let ts = unitScale(target.unit);
  let ps = unitScale(prior.unit);
  let reason: string | undefined;
  if (ts.base !== ps.base) {
    if (prior.unit === null) {
      ps = ts;
      reason = `上年完成值未写单位，按「${target.unit}」比较 / the prior value has no unit; read as ${target.unit}`;
    } else if (target.unit === null) {
      ts = ps;
      reason = `指标值未写单位，按「${prior.unit}」比较 / the target has no unit; read as ${prior.unit}`;
    } else {
      return {
        status: 'not-comparable',
        reason: `单位不同：指标值「${target.unit}」，上年完成值「${prior.unit}」 / units differ: target ${target.unit}, prior ${prior.unit}`,
      };
    }
  } else if (ts.factor !== ps.factor || (target.unit ?? '') !== (prior.unit ?? '')) {
    reason = `单位换算：「${target.unit}」对「${prior.unit}」 / units converted: ${target.unit} vs ${prior.unit}`;
  }
  const tv = target.value * ts.factor;
  const pv = prior.value * ps.factor;
  const status: PriorComparison['status'] = Math.abs(tv - pv) <= EPS * Math.max(1, Math.abs(pv)) ? 'kept' : tv > pv ? 'raised' : 'lowered';
  const out: PriorComparison = {status};
  if (reason !== undefined) out.reason = reason;
  if (pv !== 0) out.ratio = tv / pv;
  return out;
}

/** Do the two units differ only by a factor (万人次 vs 人次, 万元 vs 元)? */
const isScaled = (target: TargetParsed, prior: TargetParsed): boolean => {
  if (target.unit === null || prior.unit === null) return false;
  const a = unitScale(target.unit);
  const b = unitScale(prior.unit);
  return a.base === b.base && a.factor !== b.factor;
};

/**
 * Findings from the prior-year column of one row.
 * @example checkPrior(table, ind, parseTarget('>=5000人次'), parsePrior('1.70万人次'), 'higher')
 *   // => [prior-unit-scaled (info), target-below-prior (warning)]
 */
export function checkPrior(
  table: Table, ind: Indicator, target: TargetParsed, prior: TargetParsed | null, dir: Direction,
  cmp: PriorComparison = comparePrior(ind, target, prior),
): Finding[] {
  const at = rowAt(table, ind);
  const name = ind.level3;
  const priorRaw = ind.prior_year ?? '';
  const out: Finding[] = [];
  if (prior === null) {
    if (ind.prior_year !== null && (ind.basis ?? '').replace(/\s+/g, '') === '历史标准') out.push(msg.historyBasisWithoutPrior(at, name));
    return out;
  }
  if (prior.kind === 'text') out.push(msg.priorUnparsed(at, name, priorRaw));
  if (prior.comparator !== null) out.push(msg.priorHasComparator(at, name, priorRaw));
  if (cmp.status === 'not-comparable') {
    if (target.kind === 'quantitative' && prior.kind === 'quantitative' && target.unit !== null && prior.unit !== null) {
      out.push(msg.priorUnitMismatch(at, name, ind.target, priorRaw, target.unit, prior.unit));
    } else if (prior.kind !== 'text' && target.kind !== 'text' && target.kind !== 'none' && target.kind !== prior.kind) {
      out.push(msg.priorKindMismatch(at, name, ind.target, priorRaw, `${KIND_ZH[target.kind]}对${KIND_ZH[prior.kind]} / ${target.kind} vs ${prior.kind}`));
    }
    return out;
  }
  if (isScaled(target, prior)) out.push(msg.priorUnitScaled(at, name, ind.target, priorRaw, target.unit as string, prior.unit as string));
  const ratio = cmp.ratio;
  if (ratio === undefined) return out;
  if (cmp.status === 'lowered' && dir === 'higher') out.push(msg.targetBelowPrior(at, name, ind.target, priorRaw, ratio));
  if (cmp.status === 'raised' && dir === 'lower') {
    out.push(isCostRow(ind) ? msg.costAbovePrior(at, name, ind.target, priorRaw, ratio) : msg.targetAbovePrior(at, name, ind.target, priorRaw, ratio));
  }
  if (ratio >= 10 || ratio <= 0.1) out.push(msg.targetFarFromPrior(at, name, ind.target, priorRaw, ratio));
  return out;
}
