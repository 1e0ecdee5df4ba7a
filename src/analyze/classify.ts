// What kind of indicator a row is (产出-数量, 成本-经济, 满意度 …), which way it is better (higher, lower,
// exact), and the name predicates the checks share (cost row, satisfaction row, rate, negative indicator).
// Pure functions of the row and its parsed target.
import type {Indicator} from '../types.ts';
import type {Direction, TargetParsed} from './types.ts';

/** Group of a 一级 name in the 10号 weight scheme (产出 50 / 效益 30 / 满意度 10); 成本 counts apart. */
export type Level1Group = '产出' | '成本' | '效益' | '满意度';

const compactText = (s: string): string => s.replace(/\s+/g, '');

/**
 * The indicator name without a trailing unit annotation in brackets.
 * @example bareName('参保覆盖率(%)') // => '参保覆盖率'
 */
export function bareName(level3: string): string {
  let s = compactText(level3);
  for (;;) {
    const t = s.replace(/[（(][^（()）]{0,12}[)）]$/, '');
    if (t === s || t === '') return s;
    s = t;
  }
}

/** The unit written in brackets after the name ("(万人)", "（元）"), if any. */
export function nameUnit(level3: string): string | null {
  const m = /[（(]([^（()）]{1,12})[)）]$/.exec(compactText(level3));
  return m ? m[1] : null;
}

/** Does a name speak of satisfaction (满意度, 满意率 …)? */
const SATISFACTION = /满意/;

/** Is the row a satisfaction row: 一级 or 二级 is a satisfaction category, or the name is a 满意度/满意率. */
export function isSatisfactionRow(ind: Indicator): boolean {
  return SATISFACTION.test(ind.level1) || SATISFACTION.test(ind.level2) || SATISFACTION.test(bareName(ind.level3));
}

/** Is the row a cost row: 一级 成本指标, or 二级 … 成本指标 (older frameworks put 成本 under 产出). */
export function isCostRow(ind: Indicator): boolean {
  return /成本/.test(ind.level1) || /成本指标$/.test(ind.level2);
}

/** Is the row the 预算执行率 row that some tables carry (its 10 points are otherwise kept outside the table)? */
export const isExecutionRateRow = (ind: Indicator): boolean => /预算执行率/.test(ind.level3);

/**
 * The 10号 weight group of a row: satisfaction first (a 满意度 二级 under 效益 is still satisfaction), then cost,
 * then 产出 / 效益 by the 一级 name; null for a 一级 outside the scheme (or an overall table's 一级).
 */
export function level1Group(ind: Indicator): Level1Group | null {
  const l1 = compactText(ind.level1);
  const l2 = compactText(ind.level2);
  if (SATISFACTION.test(l1) || SATISFACTION.test(l2)) return '满意度';
  if (isCostRow(ind)) return '成本';
  if (/^(产出|项目完成)/.test(l1)) return '产出';
  if (/^(效益|项目效益)/.test(l1)) return '效益';
  return null;
}

/** Words that, ending a name, make a 度 a percentage (满意度, 知晓度 …) rather than a period or a size. */
const NOT_PERCENT_DU = /(年度|季度|月度|额度|长度|速度|温度|力度|深度|宽度|高度|密度|强度|程度|制度|角度|限度|尺度|幅度|难度|精度)$/;

/**
 * Is the name a rate or a degree (ends with 率, or with a 度 such as 满意度 / 知晓度 but not 年度 / 额度)?
 * @example isRateName('资金发放准确率(%)') // => true
 * @example isRateName('2024年度') // => false
 */
export function isRateName(level3: string): boolean {
  const n = bareName(level3);
  if (n.endsWith('率')) return true;
  return n.endsWith('度') && !NOT_PERCENT_DU.test(n);
}

/** A rate that may exceed 100% (growth, increase): ">100%" is not impossible there. */
export const isGrowthName = (level3: string): boolean => /(增长|增幅|增加|提高|提升|同比|环比|比上年|较上年|超额)/.test(bareName(level3));

/**
 * Negative indicators (lower is better): fault, complaint, error, mistake rates, accidents, response and
 * repair times. A positive rate about them (事故处理及时率, 故障排除率) is not negative.
 */
const NEGATIVE_NAME = new RegExp(
  '(故障率|投诉率|差错率|失误率|出错率|误差率|错误率|事故率|不合格率|返工率|失败率|违规率|流失率|发生率' +
  '|事故(发生)?(次数|起数|数量|数)?|投诉(次数|量|件数|数)' +
  '|(响应|修复|维修|抢修|处理|处置|办结|到场|到达|等待|排除|反馈|答复|回复)(处理)?(时间|时限|时长|用时))$',
);

/**
 * Is the indicator negative (故障率, 投诉率, 差错率, 失误率, 事故, response/repair time)?
 * @example isNegativeName('信息中心网络系统故障率') // => true
 * @example isNegativeName('故障排除率') // => false
 */
export const isNegativeName = (level3: string): boolean => NEGATIVE_NAME.test(bareName(level3));

/** 一级 short name: the name minus 指标. */
export function level1Short(level1: string): string {
  const s = compactText(level1).replace(/指标$/, '');
  return s;
}

/** 二级 short name: minus 指标, minus a 效益 / 成本 suffix where the rest still reads (社会效益 → 社会). */
export function level2Short(level2: string): string {
  let s = compactText(level2).replace(/指标$/, '');
  if (SATISFACTION.test(s)) return '满意度';
  const stripped = s.replace(/(效益|成本)$/, '');
  if (stripped.length >= 2) s = stripped;
  return s;
}

/**
 * The indicator's class: level1 short name + "-" + level2 short name; "满意度" for a satisfaction row under a
 * satisfaction 一级; the 一级 alone when the 二级 is empty or repeats it.
 * @example indicatorType({level1: '产出指标', level2: '数量指标', …}) // => '产出-数量'
 * @example indicatorType({level1: '成本指标', level2: '经济成本指标', …}) // => '成本-经济'
 * @example indicatorType({level1: '履职效能', level2: '数量指标', …}) // => '履职效能-数量'
 */
export function indicatorType(ind: Indicator): string {
  const l1 = level1Short(ind.level1);
  const l2 = level2Short(ind.level2);
  const l1Satisfaction = SATISFACTION.test(l1);
  if (l1Satisfaction && (l2 === '' || l2 === '满意度')) return '满意度';
  if (l1 === '' && l2 === '') return '未分类';
  if (l1 === '') return l2;
  if (l2 === '' || l2 === l1) return l1;
  return `${l1}-${l2}`;
}

const POSITIVE_QUALITATIVE = /(提高|提升|增强|改善|完善|保障|加强|促进|推进|推动|维护|巩固|扩大|增加|增长|健全|落实|确保|长期|持续|稳定|达标|合格|良好|优秀)/;
const NEGATIVE_QUALITATIVE = /(降低|减少|下降|压缩|控制|减轻|缩短)/;
/** A name that is an amount of money spent (…成本, …费用, …经费, 差旅费), not a count about it (办公经费保障人数). */
const COST_WORDS = /(成本|费用|经费|费|支出|开支)$/;
const TIME_LIMIT = /(时限|时长|用时|耗时|时间)$/;

/**
 * Which way the indicator is better, from its name first (negative indicators, cost rows and cost words are
 * lower-better; rates and degrees higher-better) and then its comparator (≥ > higher, ≤ < lower, = exact).
 * @example direction({level3: '信息中心网络系统故障率', …}, parseTarget('≤5%')) // => 'lower'
 * @example direction({level3: '培训人次', …}, parseTarget('>=600人次')) // => 'higher'
 */
export function direction(ind: Indicator, parsed: TargetParsed): Direction {
  const name = bareName(ind.level3);
  const cmp = parsed.comparator;
  if (isNegativeName(name)) return 'lower';
  const rate = isRateName(name);
  if (isCostRow(ind) || (COST_WORDS.test(name) && !rate)) return 'lower';
  if (TIME_LIMIT.test(name) && (cmp === '<=' || cmp === '<')) return 'lower';
  if (rate) return cmp === '<=' || cmp === '<' ? 'lower' : 'higher';
  if (cmp === '>=' || cmp === '>') return 'higher';
  if (cmp === '<=' || cmp === '<') return 'lower';
  // A percentage (完成 100%, 安全性 100%) is an achievement rate even on a name that is not a 率.
  if (parsed.kind === 'quantitative' && (parsed.unit === '%' || parsed.unit === '%%')) return 'higher';
  if (cmp === '=') return 'exact';
  if (parsed.kind === 'qualitative') {
    const s = compactText(parsed.raw);
    if (NEGATIVE_QUALITATIVE.test(s)) return 'lower';
    if (POSITIVE_QUALITATIVE.test(s)) return 'higher';
    return 'unknown';
  }
  if (parsed.kind === 'date') return 'exact';
  if (parsed.kind === 'quantitative') return 'exact';
  return 'unknown';
}
