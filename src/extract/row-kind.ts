// What an indicator row measures (a count, a rate, a deadline, a cost, a satisfaction), told from its 三级 name and
// its target, and the kind each 二级 label names (数量指标 → count …): among label spans that fit a dump's
// positions as well, a 二级 heads the rows that measure what it names. Used by the columnar and reading-order readers.

/** What a row measures. */
export type RowKind = 'count' | 'rate' | 'time' | 'cost' | 'satisfaction';

/** The kind of row each 二级 label heads. */
const KIND_OF: Readonly<Record<string, RowKind>> = {
  数量指标: 'count', 质量指标: 'rate', 时效指标: 'time',
  成本指标: 'cost', 经济成本指标: 'cost', 社会成本指标: 'cost', 生态环境成本指标: 'cost',
  满意度指标: 'satisfaction', 服务对象满意度指标: 'satisfaction', 社会公众或服务对象满意度指标: 'satisfaction',
};

/** The kind of row each 二级 label heads, its name printed with or without the 指标 suffix ("数量指标", "数量"). */
export const LEVEL2_KIND: Readonly<Record<string, RowKind>> = Object.fromEntries(
  Object.entries(KIND_OF).flatMap(([name, kind]) => [[name, kind], [name.replace(/指标$/, ''), kind]]),
);

/**
 * The kind of a row from its name and target (with unit); null when it shows none.
 * @example measuredKind('补贴资金足额发放率', '=100%') // => 'rate'
 */
export function measuredKind(name: string, target: string): RowKind | null {
  if (name.includes('满意')) return 'satisfaction';
  if (/及时|时间|时限|时效|进度|期限/.test(name) || /\d年|\d月|日前|月底|年底/.test(target)) return 'time';
  if (/成本|造价|单价/.test(name) || target.includes('元')) return 'cost';
  if (name.endsWith('率') || target.endsWith('%')) return 'rate';
  if (/\d/.test(target) && /[^\d.%]$/.test(target)) return 'count';
  return null;
}
