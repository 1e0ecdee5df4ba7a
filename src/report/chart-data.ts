// The rows each chart draws, pure: analysed documents in, flat records with Chinese labels out (one function
// per chart). Order follows the documents and tables as given, so the specs built from them are deterministic.
import type {AnalyzedDocument, AnalyzedTable} from '../analyze/types.ts';
import {LEVEL1_CHILDREN} from '../vocab.ts';
import {KIND_NAMES, PRIOR_NAMES, SEVERITY_NAMES, findingName} from './labels.ts';

/**
 * Short tag of a document: the leading number of its file name ("000_b3fa….txt" → "000"), else its position.
 * @example docTag('001_report.txt', 1) // => '001'
 */
export function docTag(source: string, index: number): string {
  const m = /^(\d+)[_\-.]/.exec(source);
  return m ? m[1] : String(index + 1).padStart(2, '0');
}

/** One label per table ("000 社会保险宣传费", "000 整体：某局"), unique: a repeated name gets its line. */
export function tableLabels(docs: ReadonlyArray<AnalyzedDocument>): Map<AnalyzedTable, string> {
  const out = new Map<AnalyzedTable, string>();
  docs.forEach((d, i) => {
    const seen = new Set<string>();
    for (const t of d.tables) {
      let label = `${docTag(d.source, i)} ${t.project ?? `整体：${t.unit ?? t.title}`}`;
      if (seen.has(label)) label += `（第${t.title_line}行）`;
      seen.add(label);
      out.set(t, label);
    }
  });
  return out;
}

/**
 * The names a chart draws when there are more than `max`: those `priority` ranks highest (ties: the earlier
 * first), kept in their own order. A chart of hundreds of tables is neither readable nor quick to draw; the
 * report's CSV files hold every row.
 * @example mostTelling(['a', 'b', 'c'], 2, (n) => (n === 'c' ? 1 : 0)) // => ['a', 'c']
 */
export function mostTelling(names: ReadonlyArray<string>, max: number, priority: (name: string) => number): string[] {
  if (names.length <= max) return [...names];
  const kept = new Set(names.map((name, k) => ({name, k, p: priority(name)}))
    .sort((a, b) => b.p - a.p || a.k - b.k).slice(0, max).map((r) => r.name));
  return names.filter((n) => kept.has(n));
}

/** Known names first in the vocabulary's order, then the others in order of appearance. */
export function canonicalOrder(names: Iterable<string>, known: ReadonlyArray<string>): string[] {
  const present = new Set(names);
  const rest = [...present].filter((n) => !known.includes(n));
  return [...known.filter((n) => present.has(n)), ...rest];
}

/** 一级 names in the vocabulary's order. */
export const LEVEL1_ORDER: ReadonlyArray<string> = Object.keys(LEVEL1_CHILDREN);

/** 二级 names in the vocabulary's order (project categories first). */
export const LEVEL2_ORDER: ReadonlyArray<string> = [...new Set(Object.values(LEVEL1_CHILDREN).flat())];

/** 二级 categories the coverage chart always shows, present or not: the project-table framework. */
export const CORE_LEVEL2 = ['数量指标', '质量指标', '时效指标', '经济成本指标', '经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标', '满意度指标'] as const;

/** One 一级 group of one table: its weight total. (Row shapes are type aliases, so they fit Record<string, unknown>.) */
export type WeightRow = {
  table: string; source: string; line: number; unit: string; project: string; level1: string; weight: number; total: number | null; order: number;
};

/**
 * Weight per table and 一级 name (level1_shares), in table order; tables without weights give no row.
 * @example weightRows(docs)[0] // => {table: '000 整体：…', level1: '履职效能', weight: 90, total: 90, …}
 */
export function weightRows(docs: ReadonlyArray<AnalyzedDocument>): WeightRow[] {
  const labels = tableLabels(docs);
  return docs.flatMap((d) => d.tables.flatMap((t) => Object.entries(t.checks.level1_shares).map(([level1, weight]): WeightRow => ({
    table: labels.get(t)!, source: d.source, line: t.title_line, unit: t.unit ?? '', project: t.project ?? '（整体）',
    level1, weight, total: t.checks.weight_sum, order: orderOf(level1, LEVEL1_ORDER),
  }))));
}

const orderOf = (name: string, known: ReadonlyArray<string>): number => (known.includes(name) ? known.indexOf(name) : known.length);

/** One table × 二级 category: how many rows, how many quantitative. */
export type CoverageRow = {
  table: string; source: string; line: number; category: string; short: string; count: number; quantitative: number; share: number | null; label: string;
};

/** 二级 categories of the coverage chart: the core ones, then any other present, in vocabulary order. */
export function coverageCategories(docs: ReadonlyArray<AnalyzedDocument>): string[] {
  const present = docs.flatMap((d) => d.tables.flatMap((t) => t.indicators.map((i) => i.level2))).filter((n) => n !== '');
  return canonicalOrder([...CORE_LEVEL2, ...present], LEVEL2_ORDER);
}

/**
 * Every table × every category of {@link coverageCategories}: count 0 (label 缺) where the table has none.
 * @example coverageRows(docs).find((r) => r.count === 0)?.label // => '缺'
 */
export function coverageRows(docs: ReadonlyArray<AnalyzedDocument>): CoverageRow[] {
  const labels = tableLabels(docs);
  const categories = coverageCategories(docs);
  return docs.flatMap((d) => d.tables.flatMap((t) => categories.map((category): CoverageRow => {
    const rows = t.indicators.filter((i) => i.level2 === category);
    const quantitative = rows.filter((i) => i.target_parsed.kind === 'quantitative').length;
    return {
      table: labels.get(t)!, source: d.source, line: t.title_line, category, short: category.replace(/指标$/, ''),
      count: rows.length, quantitative, share: rows.length === 0 ? null : quantitative / rows.length,
      label: rows.length === 0 ? '缺' : String(rows.length),
    };
  })));
}

/** One indicator whose target and prior value compare as a ratio. */
export type PriorRow = {
  table: string; source: string; line: number; type: string; level3: string; target: string; prior: string;
  ratio: number; status: string; direction: string; jitter: number;
};

const DIRECTION_NAMES = {higher: '越高越好', lower: '越低越好', exact: '等于目标', unknown: '不明'} as const;

/**
 * Indicators with a target / prior ratio, with a deterministic jitter in [-1, 1] (by position) to spread points.
 * @example priorRows(docs).filter((r) => r.status === '低于上年').length // => lowered targets
 */
export function priorRows(docs: ReadonlyArray<AnalyzedDocument>): PriorRow[] {
  const labels = tableLabels(docs);
  const out: PriorRow[] = [];
  for (const d of docs) {
    for (const t of d.tables) {
      for (const i of t.indicators) {
        const c = i.prior_comparison;
        if (c.ratio === undefined || !(c.ratio > 0)) continue;
        out.push({
          table: labels.get(t)!, source: d.source, line: i.lines[0], type: i.type, level3: i.level3, target: i.target,
          prior: i.prior_year ?? '', ratio: Math.round(c.ratio * 10000) / 10000, status: PRIOR_NAMES[c.status],
          direction: DIRECTION_NAMES[i.direction], jitter: ((out.length * 7) % 13) / 6 - 1,
        });
      }
    }
  }
  return out;
}

/** Count of one target kind in one document. */
export type KindRow = {
  document: string; source: string; kind: string; count: number; share: number; order: number;
};

/**
 * Target kinds (定量, 定性, 时间节点, 空白, 无法识别) per document; kinds a document lacks give no row.
 * @example kindRows(docs)[0] // => {document: '000 某局', kind: '定量', count: 99, share: 0.961, …}
 */
export function kindRows(docs: ReadonlyArray<AnalyzedDocument>): KindRow[] {
  const kinds = Object.keys(KIND_NAMES) as Array<keyof typeof KIND_NAMES>;
  return docs.flatMap((d, i) => {
    const all = d.tables.flatMap((t) => t.indicators);
    const document = `${docTag(d.source, i)} ${d.tables[0]?.unit ?? d.source}`;
    return kinds.map((k, order) => {
      const count = all.filter((x) => x.target_parsed.kind === k).length;
      return {document, source: d.source, kind: KIND_NAMES[k], count, share: all.length ? Math.round((count / all.length) * 1000) / 1000 : 0, order};
    }).filter((r) => r.count > 0);
  });
}

/** Count of one finding code (with its severity) across all documents. */
export type FindingCountRow = {
  code: string; name: string; severity: string; count: number; documents: number;
};

/**
 * Findings counted by code, most frequent first (ties by code).
 * @example findingCountRows(docs)[0] // => {code: 'prior-has-comparator', name: '上年值带比较符', severity: '提示', count: 56, …}
 */
export function findingCountRows(docs: ReadonlyArray<AnalyzedDocument>): FindingCountRow[] {
  const rows = new Map<string, FindingCountRow>();
  for (const d of docs) {
    const codes = new Set<string>();
    for (const f of [...d.findings, ...d.tables.flatMap((t) => t.checks.findings)]) {
      const r = rows.get(f.code) ?? {code: f.code, name: findingName(f.code), severity: SEVERITY_NAMES[f.severity], count: 0, documents: 0};
      r.count++;
      if (!codes.has(f.code)) { codes.add(f.code); r.documents++; }
      rows.set(f.code, r);
    }
  }
  return [...rows.values()].sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1));
}
