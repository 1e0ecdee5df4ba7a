// Every sentence the analysis says about a table, a row or a document, with its stable code: one function per
// check, returning the Finding. Chinese first, then " / " and English. Tests compare against these functions.
import type {Severity} from '../types.ts';
import type {At, Finding} from './types.ts';

function make(code: string, severity: Severity, message: string, at: At): Finding {
  return {code, severity, message, lines: [at.lines[0], at.lines[1]], table_line: at.table_line};
}

const clip = (s: string, n = 30): string => (s.length > n ? `${s.slice(0, n)}…` : s);

/** A number as a person writes it: at most 2 decimals, no trailing zeros. */
export const num = (n: number): string => String(Math.round(n * 100) / 100);

const pct = (r: number): string => `${Math.round(r * 1000) / 10}%`;

// ── Weights ─────────────────────────────────────────────────────────────────────────────────────────────

/** Weights sum to 90: the usual case, 10 points kept for 预算执行率. */
export const weightReserved10 = (at: At): Finding =>
  make('weight-reserved-10', 'info',
    '权重合计 90 分：按财预〔2020〕10号，预算执行率 10 分在表外评价，表内指标合计 90 分 / weights sum to 90: under 财预〔2020〕10号 the 10 points for budget execution rate (预算执行率) are scored outside the table',
    at);

/** Weights sum to something else than 90 or 100. */
export const weightSumMismatch = (at: At, sum: number): Finding =>
  make('weight-sum-mismatch', 'error',
    `权重合计 ${num(sum)} 分，应为 90 分（预算执行率 10 分另计）或 100 分 / weights sum to ${num(sum)}, not 90 (预算执行率 scored apart) or 100`,
    at);

/** No row carries a weight. */
export const weightMissing = (at: At): Finding =>
  make('weight-missing', 'warning', '表中没有任何指标分值权重 / no indicator weight is printed in this table', at);

/** One row has no weight while the others have. */
export const weightRowMissing = (at: At, level3: string): Finding =>
  make('weight-row-missing', 'warning',
    `指标「${clip(level3)}」没有分值权重，而同表其他指标有 / "${clip(level3)}" has no weight while the other rows have one`, at);

/** A weight of zero or less. */
export const weightNotPositive = (at: At, level3: string, weight: number): Finding =>
  make('weight-not-positive', 'error',
    `指标「${clip(level3)}」的权重为 ${num(weight)}，每项指标权重应大于 0 / "${clip(level3)}" has weight ${num(weight)}; every weight must be positive`, at);

/** A 一级 group's total far from the default 产出 50 / 效益 30 / 满意度 10. */
export const level1ShareOff = (at: At, group: string, actual: number, expected: number): Finding =>
  make('level1-share-off', 'warning',
    `${group}类指标合计 ${num(actual)} 分，与 10号文默认的 ${expected} 分（产出含成本 50、效益 30、满意度 10）相差 ${num(Math.abs(actual - expected))} 分；默认分值可以调整，但偏离较大时应说明理由 / ${group} rows total ${num(actual)} points, ${num(Math.abs(actual - expected))} away from the default ${expected} of 财预〔2020〕10号 (output incl. cost 50, benefit 30, satisfaction 10); the defaults may be adjusted, but a large shift should be justified`,
    at);

/** Satisfaction rows together weigh other than 10. */
export const satisfactionWeightNot10 = (at: At, weight: number): Finding =>
  make('satisfaction-weight-not-10', 'info',
    `满意度指标合计 ${num(weight)} 分，通常为 10 分 / satisfaction rows total ${num(weight)} points; the usual weight is 10`, at);

/** More rows than a reviewer can score. */
export const tooManyRows = (at: At, rows: number): Finding =>
  make('too-many-rows', 'warning',
    `表中有 ${rows} 项指标（超过 25 项），指标过于细碎，宜合并为能反映核心产出和效益的指标 / ${rows} indicators (more than 25): the table is over-fragmented; merge into indicators that show the core outputs and benefits`,
    at);

/** A weight below 1 point. */
export const tinyWeight = (at: At, level3: string, weight: number): Finding =>
  make('tiny-weight', 'warning',
    `指标「${clip(level3)}」权重仅 ${num(weight)} 分（小于 1 分），指标过于细碎 / "${clip(level3)}" weighs only ${num(weight)} (below 1 point): over-fragmented`, at);

// ── Target values ───────────────────────────────────────────────────────────────────────────────────────

export const targetEmpty = (at: At, level3: string): Finding =>
  make('target-empty', 'warning', `指标「${clip(level3)}」没有指标值 / "${clip(level3)}" has no target value`, at);

/** A target that reads as neither a value, a date nor a qualitative phrase. */
export const targetUnparsed = (at: At, level3: string, target: string, why: string[]): Finding =>
  make('target-unparsed', 'warning',
    `指标「${clip(level3)}」的指标值「${clip(target)}」无法解析：${why.map((w) => w.split(' / ')[0]).join('；')} / target "${clip(target)}" of "${clip(level3)}" cannot be read: ${why.map((w) => w.split(' / ')[1] ?? w).join('; ')}`,
    at);

export const targetNoUnit = (at: At, level3: string, target: string): Finding =>
  make('target-no-unit', 'warning',
    `指标「${clip(level3)}」的定量指标值「${target}」没有计量单位 / quantitative target "${target}" of "${clip(level3)}" has no unit`, at);

export const targetDoubledUnit = (at: At, level3: string, target: string, unit: string): Finding =>
  make('target-doubled-unit', 'warning',
    `指标「${clip(level3)}」的指标值「${target}」单位重复（${unit}） / target "${target}" of "${clip(level3)}" repeats its unit (${unit})`, at);

/** A 率 / 度 indicator whose target is not a percentage. */
export const rateNotPercent = (at: At, level3: string, target: string, what: string): Finding =>
  make('rate-not-percent', 'warning',
    `「${clip(level3)}」是比率类指标，指标值应为 0–100% 的百分比，实为「${clip(target)}」（${what.split(' / ')[0]}） / "${clip(level3)}" is a rate: its target should be a percentage in 0–100%, not "${clip(target)}" (${what.split(' / ')[1] ?? what})`,
    at);

/** ">100%" or more than 100% on a bounded rate. */
export const targetOver100 = (at: At, level3: string, target: string): Finding =>
  make('target-over-100', 'error',
    `指标「${clip(level3)}」的指标值「${target}」超过 100%，比率不可能达到 / target "${target}" of "${clip(level3)}" exceeds 100%, which a rate cannot reach`, at);

/** "≥100%": only exactly 100% meets it. */
export const targetAtLeast100 = (at: At, level3: string, target: string): Finding =>
  make('target-at-least-100', 'warning',
    `指标「${clip(level3)}」的指标值「${target}」形同「=100%」（比率不会超过 100%），应写作 =100% 或设定合理区间 / target "${target}" of "${clip(level3)}" is degenerate: a rate cannot exceed 100%, so it means "=100%"`, at);

export const costTargetAtLeast = (at: At, level3: string, target: string): Finding =>
  make('cost-target-at-least', 'warning',
    `成本指标「${clip(level3)}」的指标值「${target}」使用 ≥/>，成本指标应设上限（≤、< 或 =） / cost indicator "${clip(level3)}" uses ≥ or > ("${target}"); a cost target is a ceiling (≤, < or =)`, at);

export const negativeTargetAtLeast = (at: At, level3: string, target: string): Finding =>
  make('negative-target-at-least', 'warning',
    `「${clip(level3)}」是越低越好的指标，指标值「${target}」却使用 ≥/>，应使用 ≤ / "${clip(level3)}" is lower-is-better but its target "${target}" uses ≥ or >; use ≤`, at);

export const qualitativeHeavyWeight = (at: At, level3: string, target: string, weight: number): Finding =>
  make('qualitative-heavy-weight', 'warning',
    `指标「${clip(level3)}」权重 ${num(weight)} 分，指标值却是定性表述「${target}」；财预〔2021〕101号要求指标细化、量化，高权重指标宜设可衡量的定量值 / "${clip(level3)}" weighs ${num(weight)} points but its target is qualitative ("${target}"); 财预〔2021〕101号 asks for specific, quantified indicators`,
    at);

export const satisfactionTargetLow = (at: At, level3: string, target: string): Finding =>
  make('satisfaction-target-low', 'warning',
    `满意度指标「${clip(level3)}」的指标值「${target}」低于 90%，低于通常水平 / satisfaction target "${target}" of "${clip(level3)}" is below the usual 90%`, at);

export const satisfactionTarget100 = (at: At, level3: string, target: string): Finding =>
  make('satisfaction-target-100', 'info',
    `满意度指标「${clip(level3)}」的指标值「${target}」为 100%，任何一份不满意即未完成，目标难以实现 / satisfaction target "${target}" of "${clip(level3)}" is 100%: a single unsatisfied respondent misses it`, at);

export const targetFractionalCount = (at: At, level3: string, target: string, unit: string): Finding =>
  make('target-fractional-count', 'warning',
    `指标「${clip(level3)}」的指标值「${target}」是小数，但单位「${unit}」计的是整数个数 / target "${target}" of "${clip(level3)}" is fractional but "${unit}" counts whole items`, at);

export const targetInvalidDate = (at: At, level3: string, target: string): Finding =>
  make('target-invalid-date', 'warning',
    `指标「${clip(level3)}」的指标值「${target}」不是有效日期 / target "${target}" of "${clip(level3)}" is not a valid calendar date`, at);

// ── Prior year ──────────────────────────────────────────────────────────────────────────────────────────

export const targetBelowPrior = (at: At, level3: string, target: string, prior: string, ratio: number): Finding =>
  make('target-below-prior', 'warning',
    `指标「${clip(level3)}」越高越好，指标值「${target}」低于上年完成值「${prior}」（为上年的 ${pct(ratio)}）；下降可能属实（如服务对象减少），否则目标应不低于上年 / "${clip(level3)}" is higher-is-better but its target "${target}" is below last year's actual "${prior}" (${pct(ratio)} of it); a fall can be genuine (fewer beneficiaries), otherwise the target should not be lower`,
    at);

export const targetAbovePrior = (at: At, level3: string, target: string, prior: string, ratio: number): Finding =>
  make('target-above-prior', 'warning',
    `指标「${clip(level3)}」越低越好，指标值「${target}」高于上年完成值「${prior}」（为上年的 ${pct(ratio)}） / "${clip(level3)}" is lower-is-better but its target "${target}" is above last year's actual "${prior}" (${pct(ratio)} of it)`,
    at);

export const costAbovePrior = (at: At, level3: string, target: string, prior: string, ratio: number): Finding =>
  make('cost-above-prior', 'info',
    `成本指标「${clip(level3)}」的上限「${target}」高于上年实际「${prior}」（为上年的 ${pct(ratio)}），宜说明增支原因 / cost ceiling "${target}" of "${clip(level3)}" is above last year's actual "${prior}" (${pct(ratio)} of it); the increase should be explained`,
    at);

export const targetFarFromPrior = (at: At, level3: string, target: string, prior: string, ratio: number): Finding =>
  make('target-far-from-prior', 'info',
    `指标「${clip(level3)}」的指标值「${target}」与上年完成值「${prior}」相差 ${ratio >= 1 ? `${num(ratio)} 倍` : `至 ${pct(ratio)}`}，请核对单位或口径 / target "${target}" of "${clip(level3)}" is ${ratio >= 1 ? `${num(ratio)} times` : `${pct(ratio)} of`} last year's "${prior}"; check the unit or scope`,
    at);

export const priorUnitMismatch = (at: At, level3: string, target: string, prior: string, targetUnit: string, priorUnit: string): Finding =>
  make('prior-unit-mismatch', 'warning',
    `指标「${clip(level3)}」的指标值「${target}」单位为「${targetUnit}」，上年完成值「${prior}」单位为「${priorUnit}」，无法比较 / target "${target}" of "${clip(level3)}" is in ${targetUnit} but last year's "${prior}" in ${priorUnit}: not comparable`,
    at);

export const priorUnitScaled = (at: At, level3: string, target: string, prior: string, targetUnit: string, priorUnit: string): Finding =>
  make('prior-unit-scaled', 'info',
    `指标「${clip(level3)}」的指标值单位「${targetUnit}」与上年完成值单位「${priorUnit}」不同，已换算后比较（「${target}」对「${prior}」） / target unit ${targetUnit} and prior unit ${priorUnit} of "${clip(level3)}" differ; compared after conversion ("${target}" vs "${prior}")`,
    at);

export const priorKindMismatch = (at: At, level3: string, target: string, prior: string, why: string): Finding =>
  make('prior-kind-mismatch', 'info',
    `指标「${clip(level3)}」的指标值「${clip(target)}」与上年完成值「${clip(prior)}」类型不同（${why.split(' / ')[0]}），无法比较 / target "${clip(target)}" and last year's "${clip(prior)}" of "${clip(level3)}" are of different kinds (${why.split(' / ')[1] ?? why}): not comparable`,
    at);

export const priorHasComparator = (at: At, level3: string, prior: string): Finding =>
  make('prior-has-comparator', 'info',
    `指标「${clip(level3)}」的上年完成值「${prior}」带比较符，像是抄录的上年目标而非实际完成值 / last year's value "${prior}" of "${clip(level3)}" carries a comparator: it looks like a copied target, not an actual`,
    at);

export const priorUnparsed = (at: At, level3: string, prior: string): Finding =>
  make('prior-unparsed', 'info',
    `指标「${clip(level3)}」的上年完成值「${clip(prior)}」无法解析 / last year's value "${clip(prior)}" of "${clip(level3)}" cannot be read`, at);

export const historyBasisWithoutPrior = (at: At, level3: string): Finding =>
  make('history-basis-without-prior', 'warning',
    `指标「${clip(level3)}」以历史标准为依据，却没有上年完成值 / "${clip(level3)}" is based on 历史标准 (history) but has no prior-year value`, at);

// ── Structure and vocabulary ────────────────────────────────────────────────────────────────────────────

export const missingOutput = (at: At): Finding =>
  make('missing-output', 'error', '项目绩效目标表没有产出指标 / the project table has no output (产出) rows', at);

export const missingBenefit = (at: At): Finding =>
  make('missing-benefit', 'error', '项目绩效目标表没有效益指标 / the project table has no benefit (效益) rows', at);

export const missingCost = (at: At): Finding =>
  make('missing-cost', 'warning', '项目绩效目标表没有成本指标 / the project table has no cost (成本) rows', at);

export const missingSatisfaction = (at: At): Finding =>
  make('missing-satisfaction', 'warning', '项目绩效目标表没有满意度指标 / the project table has no satisfaction (满意度) rows', at);

const OUTPUT_PARTS = {
  quantity: ['数量指标', 'quantity'],
  quality: ['质量指标', 'quality'],
  timeliness: ['时效指标', 'timeliness'],
} as const;

/** 产出 lacks one of 数量 / 质量 / 时效. */
export const outputMissing = (at: At, part: keyof typeof OUTPUT_PARTS): Finding =>
  make(`output-missing-${part}`, 'warning',
    `产出指标缺少${OUTPUT_PARTS[part][0]} / output rows have no ${OUTPUT_PARTS[part][1]} indicator (${OUTPUT_PARTS[part][0]})`, at);

/** A 一级 or 二级 name that is empty or outside the framework. */
function levelUnknown(level: 1 | 2, at: At, name: string, level3: string): Finding {
  const zh = level === 1 ? '一' : '二';
  return make(`level${level}-unknown`, 'warning',
    name === ''
      ? `指标「${clip(level3)}」没有${zh}级指标 / "${clip(level3)}" has no level-${level} category`
      : `${zh}级指标「${name}」不在指标体系中 / level-${level} category "${name}" is not in the framework`,
    at);
}

export const level1Unknown = (at: At, level1: string, level3: string): Finding => levelUnknown(1, at, level1, level3);
export const level2Unknown = (at: At, level2: string, level3: string): Finding => levelUnknown(2, at, level2, level3);

export const level2NotUnderLevel1 = (at: At, level1: string, level2: string, parents: readonly string[]): Finding =>
  make('level2-not-under-level1', 'warning',
    `二级指标「${level2}」不属于一级指标「${level1}」${parents.length ? `（应在${parents.slice(0, 3).join('、')}之下）` : ''} / level-2 "${level2}" does not belong under level-1 "${level1}"${parents.length ? ` (it belongs under ${parents.slice(0, 3).join(', ')})` : ''}`,
    at);

export const basisNotInVocab = (at: At, level3: string, basis: string): Finding =>
  make('basis-not-in-vocab', 'info',
    `指标「${clip(level3)}」的指标值设置依据「${clip(basis)}」不是常用依据（计划标准、历史标准、行业标准、预算支出标准、其他标准） / basis "${clip(basis)}" of "${clip(level3)}" is not one of the standard bases`, at);

export const basisEmpty = (at: At, level3: string): Finding =>
  make('basis-empty', 'info', `指标「${clip(level3)}」没有填写指标值设置依据 / "${clip(level3)}" has no basis`, at);

export const scoringRuleNotInVocab = (at: At, level3: string, rule: string): Finding =>
  make('scoring-rule-not-in-vocab', 'info',
    `指标「${clip(level3)}」的赋分规则「${clip(rule)}」不是常用规则（按照完成比例赋分、按评判等级赋分、直接赋分、满意度赋分） / scoring rule "${clip(rule)}" of "${clip(level3)}" is not one of the standard rules`, at);

export const scoringRuleEmpty = (at: At, level3: string): Finding =>
  make('scoring-rule-empty', 'info', `指标「${clip(level3)}」没有填写指标赋分规则 / "${clip(level3)}" has no scoring rule`, at);

export const evidenceNotInVocab = (at: At, level3: string, evidence: string): Finding =>
  make('evidence-not-in-vocab', 'info',
    `指标「${clip(level3)}」的佐证资料「${clip(evidence)}」不是常用类别（原始凭证、工作资料、说明材料、正式材料） / evidence "${clip(evidence)}" of "${clip(level3)}" is not one of the standard kinds`, at);

export const evidenceEmpty = (at: At, level3: string): Finding =>
  make('evidence-empty', 'info', `指标「${clip(level3)}」没有填写佐证资料 / "${clip(level3)}" lists no evidence`, at);

export const budgetStandardOnNonCost = (at: At, level3: string): Finding =>
  make('budget-standard-on-non-cost', 'warning',
    `指标「${clip(level3)}」不是成本指标，却以「预算支出标准」为依据（该依据只用于成本指标） / "${clip(level3)}" is not a cost row but uses 预算支出标准, a basis for cost rows only`, at);

export const satisfactionScoringOnNonSatisfaction = (at: At, level3: string): Finding =>
  make('satisfaction-scoring-on-non-satisfaction', 'warning',
    `指标「${clip(level3)}」不是满意度指标，却按「满意度赋分」 / "${clip(level3)}" is not a satisfaction row but is scored by 满意度赋分`, at);

// ── Money ───────────────────────────────────────────────────────────────────────────────────────────────

export const budgetPartsMismatch = (at: At, total: number, parts: number, partsText: string): Finding =>
  make('budget-parts-mismatch', 'error',
    `年度预算总额 ${num(total)} 万元不等于${partsText.split(' / ')[0]}之和 ${num(parts)} 万元（差 ${num(total - parts)}） / budget total ${num(total)} 万元 is not the sum of ${partsText.split(' / ')[1] ?? partsText}, ${num(parts)} 万元 (difference ${num(total - parts)})`,
    at);

export const costExceedsBudget = (at: At, level3: string, target: string, amount: number, budget: number, annualised: boolean): Finding =>
  make('cost-exceeds-budget', 'warning',
    `成本指标「${clip(level3)}」的指标值「${target}」${annualised ? `（按 12 个月折合 ${num(amount)} 万元）` : ''}超过项目年度预算总额 ${num(budget)} 万元 / cost target "${target}" of "${clip(level3)}"${annualised ? ` (${num(amount)} 万元 over 12 months)` : ''} exceeds the project budget of ${num(budget)} 万元`,
    at);

export const costSumExceedsBudget = (at: At, sum: number, budget: number, rows: number): Finding =>
  make('cost-sum-exceeds-budget', 'warning',
    `${rows} 项成本指标（万元）上限合计 ${num(sum)} 万元，超过项目年度预算总额 ${num(budget)} 万元 / the ${rows} cost ceilings in 万元 add up to ${num(sum)}, more than the project budget of ${num(budget)} 万元`,
    at);

// ── Disclosure paragraph ────────────────────────────────────────────────────────────────────────────────

export const disclosureNotFound = (at: At): Finding =>
  make('disclosure-not-found', 'info',
    '未找到「预算绩效情况」说明段落，无法核对绩效目标数量和金额 / no "预算绩效情况" paragraph found; counts and amounts cannot be reconciled', at);

export const disclosureUnparsed = (at: At, text: string): Finding =>
  make('disclosure-unparsed', 'info',
    `「预算绩效情况」段落中未读出项目个数或金额：「${clip(text, 60)}」 / no count or amount could be read from the 预算绩效情况 paragraph: "${clip(text, 60)}"`, at);

/**
 * Announced and tabled counts or amounts differ, and "(五) 其他需说明的事项" does not account for it (`expected`:
 * what the tables should hold once the notes are applied; null or equal to `announced` when they say nothing).
 */
export const disclosureGap = (
  at: At, kind: 'count' | 'amount', what: string, announced: number, tabled: number, expected: number | null, quote: string | null,
): Finding => {
  const unit = kind === 'count' ? ' 个' : ' 万元';
  const unitEn = kind === 'count' ? '' : ' 万元';
  const [whatZh, whatEn] = [what.split(' / ')[0], what.split(' / ')[1] ?? what];
  const adjusted = expected !== null && Math.abs(expected - announced) > 0.005;
  const gap = adjusted ? tabled - expected : tabled - announced;
  const gapZh = `${gap > 0 ? '多' : '少'} ${num(Math.abs(gap))}${unit}`;
  const gapEn = `${num(Math.abs(gap))}${unitEn} ${gap > 0 ? 'more' : 'less'}`;
  const zh = adjusted
    ? `；按「其他需说明的事项」调整后应为 ${num(expected)}${unit}，表中仍${gapZh}`
    : `，表中${gapZh}`;
  const en = adjusted
    ? `; after the notes (其他需说明的事项) they should hold ${num(expected)}${unitEn}: ${gapEn}`
    : `: ${gapEn}`;
  const q = quote ? `。其他需说明的事项：「${clip(quote, 120)}」` : '';
  const qEn = quote ? ' (notes quoted in Chinese)' : '';
  return make(`disclosure-${kind}-gap`, 'warning',
    `「预算绩效情况」公布${whatZh} ${num(announced)}${unit}，绩效目标表中为 ${num(tabled)}${unit}${zh}${q} / the 预算绩效情况 paragraph announces ${num(announced)}${unitEn} for ${whatEn} but the tables hold ${num(tabled)}${unitEn}${en}${qEn}`,
    at);
};

/** Announced and tabled figures differ by exactly what "(五) 其他需说明的事项" explains. */
export const disclosureGapExplained = (
  at: At, kind: 'count' | 'amount', what: string, announced: number, tabled: number, quote: string,
): Finding => {
  const unit = kind === 'count' ? ' 个' : ' 万元';
  const unitEn = kind === 'count' ? '' : ' 万元';
  return make('disclosure-gap-explained', 'info',
    `「预算绩效情况」公布${what.split(' / ')[0]} ${num(announced)}${unit}，绩效目标表中为 ${num(tabled)}${unit}，差额由「其他需说明的事项」说明：「${clip(quote, 120)}」 / the 预算绩效情况 paragraph announces ${num(announced)}${unitEn} for ${what.split(' / ')[1] ?? what}, the tables hold ${num(tabled)}${unitEn}; the difference is what the notes (其他需说明的事项) explain (transfer payments not published, carry-over merged into tables)`,
    at);
};
