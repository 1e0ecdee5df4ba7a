// The 指标值 of a row: parsed (through the extractor's grammar.parseValue, never a second parser) and checked
// for what a reviewer looks at: a unit, no doubled unit, rates as percentages in 0–100, no impossible or
// degenerate ">100%" / "≥100%", ceilings on costs and negative indicators, quantified heavy rows, realistic
// satisfaction targets, whole counts, valid dates.
import {parseValue, readComparator} from '../extract/grammar.ts';
import type {Indicator, Table} from '../types.ts';
import {bareName, isCostRow, isGrowthName, isNegativeName, isRateName, isSatisfactionRow} from './classify.ts';
import * as msg from './messages.ts';
import type {At, Finding, TargetParsed} from './types.ts';

/**
 * Parse a 指标值 into FORMAT's target_parsed: comparator (normalised), value, unit (full-width ％ → %), kind, raw.
 * An empty cell gives kind `none`; a cell that reads as nothing known gives kind `text` with `problems`.
 * @example parseTarget('≥14 万人 次') // => {comparator: '>=', value: 14, unit: '万人次', kind: 'quantitative', raw: '≥14 万人 次'}
 * @example parseTarget('>=95%%').unit // => '%%'
 */
export function parseTarget(raw: string): TargetParsed {
  const p = parseValue(raw);
  const unit = p.unit === null ? null : p.unit.replace(/％/g, '%');
  const out: TargetParsed = {comparator: p.comparator, value: p.value, unit, kind: p.kind, raw: p.raw};
  if (p.kind === 'text') out.problems = whyUnparsed(raw);
  return out;
}

/**
 * Parse a 上年完成值: null when the table has no such column or the cell holds no value ("", "-", "无", "新增" …).
 * @example parsePrior('新增') // => null
 * @example parsePrior('15.6万人次')?.value // => 15.6
 */
export function parsePrior(raw: string | null): TargetParsed | null {
  if (raw === null) return null;
  const p = parseTarget(raw);
  return p.kind === 'none' ? null : p;
}

/** Reasons a cell is not a value, a date or a qualitative phrase (Chinese / English each). */
export function whyUnparsed(raw: string): string[] {
  const s = raw.replace(/\s+/g, '');
  const [cmp, rest] = readComparator(s);
  if (cmp !== null && rest === '') return ['比较符后没有数值 / a comparator with no value after it'];
  const digit = rest.search(/\d/);
  if (digit > 0) return [`数值前有文字「${rest.slice(0, digit)}」 / text "${rest.slice(0, digit)}" before the number`];
  if (digit === 0) {
    const num = /^\d[\d,，.．]*/.exec(rest)?.[0] ?? '';
    const tail = rest.slice(num.length);
    if (/^[^\d]{0,4}?[-—~～至到]\d/.test(tail)) return [`是区间「${rest}」，不是单一数值 / a range "${rest}", not one value`];
    return [`数值后的「${tail}」不是可识别的单位 / "${tail}" after the number is not a known unit`];
  }
  if (cmp !== null) return [`比较符后是文字「${rest}」 / a comparator followed by text "${rest}"`];
  if (s.length > 14) return ['文字过长，不是数值、日期或常见定性表述 / too long for a value, a date or a qualitative phrase'];
  return ['不是数值、日期或常见定性表述 / not a value, a date or a known qualitative phrase'];
}

/** Is the unit a percentage (%, or the doubled %%)? */
export const isPercentUnit = (unit: string | null): boolean => unit === '%' || unit === '%%';

/** Units that count whole things: a fractional value with them is a slip. */
const COUNT_UNITS = new Set<string>([
  '次', '人', '人次', '个', '条', '套', '台', '项', '组', '批', '张', '期', '家', '户', '名', '场', '份', '所', '篇', '辆',
  '座', '处', '件', '本', '册', '部', '间', '把', '只', '场次', '户次', '类', '种', '宗', '起', '单',
]);

/** A unit written twice ("%%", "人人"). */
export function isDoubledUnit(unit: string | null): boolean {
  if (unit === null || unit.length < 2 || unit.length % 2 !== 0) return false;
  const half = unit.length / 2;
  return unit.slice(0, half) === unit.slice(half);
}

/** Is a date cell a real calendar date (2024年11月31日 is not)? Cells without a full date pass. */
export function isValidDateText(raw: string): boolean {
  const s = raw.replace(/\s+/g, '');
  const full = /(\d{4})年(\d{1,2})月(\d{1,2})[日号]/.exec(s);
  if (full) {
    const [y, m, d] = [Number(full[1]), Number(full[2]), Number(full[3])];
    if (m < 1 || m > 12 || d < 1) return false;
    return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
  }
  const month = /(\d{4})年(\d{1,2})月/.exec(s);
  if (month) return Number(month[2]) >= 1 && Number(month[2]) <= 12;
  const monthDay = /每月(\d{1,2})[日号]/.exec(s);
  if (monthDay) return Number(monthDay[1]) >= 1 && Number(monthDay[1]) <= 31;
  return true;
}

/** Where a row's findings point. */
export const rowAt = (table: Table, ind: Indicator): At => ({lines: [ind.lines[0], ind.lines[1]], table_line: table.title_line});

const SAVING_NAME = /(节约|节省|降低|下降|压缩)/;

/**
 * Check one row's target. `parsed` is parseTarget(ind.target).
 * @example checkTarget(table, {level3: '社会保险宣传覆盖率', target: '>=95%%', …}, parseTarget('>=95%%'))
 *   // => [ {code: 'target-doubled-unit', …} ]
 */
export function checkTarget(table: Table, ind: Indicator, parsed: TargetParsed = parseTarget(ind.target)): Finding[] {
  const at = rowAt(table, ind);
  const name = ind.level3;
  const out: Finding[] = [];
  if (parsed.kind === 'none') return [msg.targetEmpty(at, name)];
  if (parsed.kind === 'text') return [msg.targetUnparsed(at, name, ind.target, parsed.problems ?? whyUnparsed(ind.target))];
  const cmp = parsed.comparator;
  const atLeast = cmp === '>=' || cmp === '>';
  const percent = parsed.kind === 'quantitative' && isPercentUnit(parsed.unit);
  const value = parsed.value;

  if (parsed.kind === 'quantitative' && parsed.unit === null) out.push(msg.targetNoUnit(at, name, ind.target));
  if (isDoubledUnit(parsed.unit)) out.push(msg.targetDoubledUnit(at, name, ind.target, parsed.unit as string));

  // A rate or degree must be a percentage (a missing unit is reported above).
  if (isRateName(name) && !percent && !(parsed.kind === 'quantitative' && parsed.unit === null)) {
    const what = parsed.kind === 'date' ? '日期 / a date'
      : parsed.kind === 'qualitative' ? '定性表述 / a qualitative phrase'
        : `单位为「${parsed.unit}」 / unit ${parsed.unit}`;
    out.push(msg.rateNotPercent(at, name, ind.target, what));
  }

  if (percent && value !== null && !isGrowthName(name)) {
    if (value > 100 || (cmp === '>' && value === 100)) out.push(msg.targetOver100(at, name, ind.target));
    else if (cmp === '>=' && value === 100) out.push(msg.targetAtLeast100(at, name, ind.target));
  }

  if (atLeast && isCostRow(ind) && !SAVING_NAME.test(bareName(name))) out.push(msg.costTargetAtLeast(at, name, ind.target));
  if (atLeast && isNegativeName(name)) out.push(msg.negativeTargetAtLeast(at, name, ind.target));

  if (parsed.kind === 'qualitative' && ind.weight !== null && ind.weight >= 20) {
    out.push(msg.qualitativeHeavyWeight(at, name, ind.target, ind.weight));
  }

  if (isSatisfactionRow(ind) && percent && value !== null) {
    if (value < 90) out.push(msg.satisfactionTargetLow(at, name, ind.target));
    else if (value === 100 && cmp !== '<' && cmp !== '<=') out.push(msg.satisfactionTarget100(at, name, ind.target));
  }

  if (parsed.kind === 'quantitative' && value !== null && !Number.isInteger(value) && parsed.unit !== null && COUNT_UNITS.has(parsed.unit)) {
    out.push(msg.targetFractionalCount(at, name, ind.target, parsed.unit));
  }

  if (parsed.kind === 'date' && !isValidDateText(ind.target)) out.push(msg.targetInvalidDate(at, name, ind.target));
  return out;
}
