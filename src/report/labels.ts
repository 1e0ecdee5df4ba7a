// Chinese names the charts and the HTML page show for the analysis' codes and categories (finding codes,
// severities, target kinds, prior-year statuses). Pure data; an unknown code is shown as printed.
import type {PriorComparison, TargetParsed} from '../analyze/types.ts';
import type {Severity} from '../types.ts';

/** Severity names, most serious first (the order of legends and sorts). */
export const SEVERITY_NAMES = {error: '错误', warning: '警告', info: '提示'} as const satisfies Record<Severity, string>;

/** Colours of the severities: red, orange, blue. */
export const SEVERITY_COLORS = {error: '#c62828', warning: '#ef8a17', info: '#4a7fb5'} as const satisfies Record<Severity, string>;

/** Target kinds (TargetParsed.kind), in legend order. */
export const KIND_NAMES = {
  quantitative: '定量', qualitative: '定性', date: '时间节点', none: '空白', text: '无法识别',
} as const satisfies Record<TargetParsed['kind'], string>;

/** Prior-year comparison statuses. */
export const PRIOR_NAMES = {
  raised: '高于上年', kept: '与上年持平', lowered: '低于上年', 'not-comparable': '不可比', 'no-history': '无上年值',
} as const satisfies Record<PriorComparison['status'], string>;

/** What each finding code is about, in a few Chinese words. */
export const FINDING_NAMES: Readonly<Record<string, string>> = {
  'basis-empty': '依据为空',
  'basis-not-in-vocab': '依据不在常用词表',
  'budget-parts-mismatch': '预算构成不合',
  'budget-standard-on-non-cost': '非成本指标用预算支出标准',
  'cost-above-prior': '成本高于上年',
  'cost-exceeds-budget': '成本超过预算',
  'cost-sum-exceeds-budget': '成本合计超过预算',
  'cost-target-at-least': '成本指标用“≥”',
  'disclosure-gap-explained': '公开数与表数差额已说明',
  'disclosure-amount-gap': '公开金额与表中不符',
  'disclosure-count-gap': '公开个数与表中不符',
  'disclosure-not-found': '未找到预算绩效情况段落',
  'disclosure-unparsed': '预算绩效情况段落无法读取',
  'evidence-empty': '佐证资料为空',
  'evidence-not-in-vocab': '佐证资料不在常用词表',
  'history-basis-without-prior': '历史标准却无上年值',
  'level1-share-off': '一级指标分值偏离默认',
  'level1-unknown': '一级指标名称未知',
  'level2-not-under-level1': '二级指标不属于一级',
  'level2-unknown': '二级指标名称未知',
  'missing-benefit': '缺效益指标',
  'missing-cost': '缺成本指标',
  'missing-output': '缺产出指标',
  'missing-satisfaction': '缺满意度指标',
  'negative-target-at-least': '负值目标用“≥”',
  'output-missing-quantity': '产出缺数量指标',
  'output-missing-quality': '产出缺质量指标',
  'output-missing-timeliness': '产出缺时效指标',
  'prior-has-comparator': '上年值带比较符',
  'prior-kind-mismatch': '上年值与目标类型不同',
  'prior-unit-mismatch': '上年值单位不同',
  'prior-unit-scaled': '上年值单位已换算',
  'prior-unparsed': '上年值无法读取',
  'qualitative-heavy-weight': '定性指标权重偏高',
  'rate-not-percent': '比率未用百分数',
  'satisfaction-scoring-on-non-satisfaction': '非满意度指标用满意度赋分',
  'satisfaction-target-100': '满意度目标为100%',
  'satisfaction-target-low': '满意度目标偏低',
  'satisfaction-weight-not-10': '满意度分值不是10分',
  'scoring-rule-empty': '赋分规则为空',
  'scoring-rule-not-in-vocab': '赋分规则不在常用词表',
  'target-above-prior': '目标高于上年（越低越好）',
  'target-at-least-100': '目标为“≥100%”',
  'target-below-prior': '目标低于上年',
  'target-doubled-unit': '单位重复',
  'target-empty': '指标值为空',
  'target-far-from-prior': '目标与上年相差很大',
  'target-fractional-count': '数量目标带小数',
  'target-invalid-date': '日期无效',
  'target-no-unit': '指标值无单位',
  'target-over-100': '百分比超过100%',
  'target-unparsed': '指标值无法读取',
  'tiny-weight': '权重过小',
  'too-many-rows': '指标过多',
  'weight-missing': '无权重',
  'weight-not-positive': '权重不为正',
  'weight-reserved-10': '权重合计90（预留10分）',
  'weight-row-missing': '某行无权重',
  'weight-sum-mismatch': '权重合计不是90或100',
};

/**
 * The Chinese name of a finding code, or the code itself when it has none.
 * @example findingName('target-below-prior') // => '目标低于上年'
 */
export const findingName = (code: string): string => FINDING_NAMES[code] ?? code;
