// One pure function per chart: analysed documents in, a Vega-Lite spec out (data inline, Chinese titles, labels
// and tooltips). Label limits and steps come from measure.ts's CJK-aware estimate, so nothing is clipped;
// render.ts draws the specs. No clock, no locale: the same documents give the same spec.
import type {TopLevelSpec} from 'vega-lite';
import type {AnalyzedDocument} from '../analyze/types.ts';
import {
  CORE_LEVEL2, LEVEL1_ORDER, canonicalOrder, coverageCategories, coverageRows, findingCountRows, kindRows, mostTelling, priorRows,
  weightRows, type PriorRow,
} from './chart-data.ts';
import {weightsAddUp} from '../extract/grammar.ts';
import {KIND_NAMES, PRIOR_NAMES, SEVERITY_COLORS, SEVERITY_NAMES} from './labels.ts';
import {estimateWidth} from './measure.ts';
import {maxOf, minOf} from '../arrays.ts';

/** The font every chart uses; render.ts loads it for SVG measurement and PNG drawing. */
export const CHART_FONT = 'Noto Sans SC';

/** Options shared by the charts. */
export interface ChartOptions {
  /** Width of the plotting area in px (default: 360; 40–2000). */
  width?: number;
  /** Longest a category label may get before it is cut with "…", in px (default: 300). */
  maxLabel?: number;
  /**
   * Most tables (documents, for the kinds chart) a chart draws a row for (default: 60): beyond it, those with
   * problems first (see each chart), and the subtitle says how many are drawn. The prior chart draws at most
   * ten times as many points, lowered targets first.
   */
  maxRows?: number;
}

/** Options resolved once at the door. */
interface Resolved {
  width: number;
  maxLabel: number;
  maxRows: number;
}

function resolve(options: ChartOptions): Resolved {
  const width = options.width ?? 360;
  const maxLabel = options.maxLabel ?? 300;
  const maxRows = options.maxRows ?? 60;
  if (!Number.isFinite(width) || width < 40 || width > 2000) throw new RangeError(`invalid width: ${width} (40–2000)`);
  if (!Number.isFinite(maxLabel) || maxLabel < 20) throw new RangeError(`invalid maxLabel: ${maxLabel} (at least 20)`);
  if (!Number.isInteger(maxRows) || maxRows < 1) throw new RangeError(`invalid maxRows: ${maxRows} (a positive integer)`);
  return {width, maxLabel, maxRows};
}

/** The subtitle's note when a chart draws only some of its rows ("" when it draws them all). */
function shownNote(shown: number, total: number, unit: '张' | '个', noun: string, first: string): string {
  return shown === total ? '' : `；共 ${total} ${unit}${noun}，图中画出 ${shown} ${unit}（${first}在先），全部见 CSV 文件`;
}

const LABEL_SIZE = 11;

/** The label limit that shows every label whole (estimated), capped at `max`. */
export function labelLimit(labels: ReadonlyArray<string>, max: number, fontSize = LABEL_SIZE): number {
  const widest = maxOf(labels.map((l) => estimateWidth(l, fontSize)), 0);
  return Math.min(max, Math.ceil(widest) + 4);
}

/** Config of every chart: the CJK font everywhere, white background, left-aligned Chinese titles. */
function config(): NonNullable<TopLevelSpec['config']> {
  return {
    font: CHART_FONT,
    background: 'white',
    padding: 12,
    title: {anchor: 'start', fontSize: 15, fontWeight: 'bold', subtitleFontSize: 11, subtitleColor: '#555', offset: 12},
    axis: {labelFontSize: LABEL_SIZE, titleFontSize: 12, titleFontWeight: 'normal', labelColor: '#333', titleColor: '#333'},
    legend: {labelFontSize: LABEL_SIZE, titleFontSize: 12, titleFontWeight: 'normal', labelLimit: 240},
    view: {stroke: null},
  };
}

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
const PALETTE = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

/** One tooltip line: a field and its Chinese title, with a d3 format for numbers. */
interface Tip {
  field: string;
  title: string;
  format?: string;
}

/**
 * A `tip` field computed from the tooltip lines ("文件：a.txt；行：12"), for the `description` channel: vega writes
 * it as the mark's aria-label, which render.ts turns into an SVG <title>, the tooltip of a static SVG.
 */
function tipTransform(list: ReadonlyArray<Tip>): {calculate: string; as: string} {
  const value = (t: Tip): string => {
    const v = `datum[${JSON.stringify(t.field)}]`;
    return `(${v} === null ? '—' : ${t.format ? `format(${v}, ${JSON.stringify(t.format)})` : v})`;
  };
  return {calculate: list.map((t) => `${JSON.stringify(`${t.title}：`)} + ${value(t)}`).join(" + '；' + "), as: 'tip'};
}

/** The tooltip and description channels of the mark that carries the tips. */
const tipChannels = (list: ReadonlyArray<Tip>) => ({tooltip: [...list], description: {field: 'tip'}});

/** Distinct values in first-seen order. */
const distinct = <T>(xs: ReadonlyArray<T>): T[] => [...new Set(xs)];

/**
 * Weight composition of each table by 一级指标: stacked horizontal bars, a dashed rule at 90 (10 points kept
 * for 预算执行率) and a solid one at 100.
 * @example weightChart(docs).layer.length // => 5
 */
export function weightChart(docs: ReadonlyArray<AnalyzedDocument>, options: ChartOptions = {}): TopLevelSpec {
  const o = resolve(options);
  const all = weightRows(docs);
  const everyTable = distinct(all.map((r) => r.table));
  // Tables whose weights add up to neither 90 nor 100 first.
  const totals = new Map(all.map((r) => [r.table, r.total]));
  const tables = mostTelling(everyTable, o.maxRows, (t) => (weightsAddUp(totals.get(t) ?? 0) ? 0 : 1));
  const drawn = new Set(tables);
  const rows = all.filter((r) => drawn.has(r.table));
  const level1 = canonicalOrder(rows.map((r) => r.level1), LEVEL1_ORDER);
  const max = maxOf(rows.map((r) => r.total ?? 0), 100);
  const x = {scale: {domain: [0, max], nice: false}};
  const tips: Tip[] = [
    {field: 'source', title: '文件'}, {field: 'line', title: '表格所在行'}, {field: 'unit', title: '单位'},
    {field: 'project', title: '项目'}, {field: 'level1', title: '一级指标'}, {field: 'weight', title: '分值'},
    {field: 'total', title: '表内合计'},
  ];
  const mark = (text: string, at: number, align: 'left' | 'right') => ({
    mark: {type: 'text' as const, align, baseline: 'bottom' as const, dx: align === 'left' ? 3 : -3, dy: -4, fontSize: 10, color: '#333', aria: false},
    encoding: {x: {datum: at, ...x}, y: {value: 0}, text: {value: text}},
  });
  return {
    $schema: SCHEMA, config: config(), width: o.width, height: {step: 18},
    title: {text: '各表分值构成（按一级指标）', subtitle: `虚线 90 分：预算执行率 10 分在表外评价；实线 100 分：满分${shownNote(tables.length, everyTable.length, '张', '表', '合计不为 90 或 100 的')}`},
    data: {values: rows},
    transform: [tipTransform(tips)],
    layer: [
      {
        mark: {type: 'bar', stroke: 'white', strokeWidth: 0.5},
        encoding: {
          y: {field: 'table', type: 'nominal', sort: tables, axis: {title: null, labelLimit: labelLimit(tables, o.maxLabel)}},
          x: {field: 'weight', type: 'quantitative', stack: 'zero', title: '分值', ...x},
          color: {field: 'level1', type: 'nominal', title: '一级指标', scale: {domain: level1, range: PALETTE}},
          order: {field: 'order', type: 'quantitative'},
          ...tipChannels(tips),
        },
      },
      {mark: {type: 'rule', strokeDash: [4, 3], color: '#333', aria: false}, encoding: {x: {datum: 90, ...x}}},
      {mark: {type: 'rule', color: '#333', aria: false}, encoding: {x: {datum: 100, ...x}}},
      mark('90 分', 90, 'right'),
      mark('100 分', 100, 'left'),
    ],
  } as TopLevelSpec;
}

/**
 * Target coverage: tables × 二级 categories, a cell coloured by the share of quantitative targets, grey 「缺」
 * where the table has no indicator of that category; the cell's number is its indicator count.
 * @example coverageChart(docs).layer.length // => 3
 */
export function coverageChart(docs: ReadonlyArray<AnalyzedDocument>, options: ChartOptions = {}): TopLevelSpec {
  const o = resolve(options);
  const all = coverageRows(docs);
  const everyTable = distinct(all.map((r) => r.table));
  // Tables missing the most core categories first.
  const core = new Set<string>(CORE_LEVEL2);
  const missing = new Map<string, number>();
  for (const r of all) if (r.count === 0 && core.has(r.category)) missing.set(r.table, (missing.get(r.table) ?? 0) + 1);
  const tables = mostTelling(everyTable, o.maxRows, (t) => missing.get(t) ?? 0);
  const drawn = new Set(tables);
  const rows = all.filter((r) => drawn.has(r.table));
  const shorts = coverageCategories(docs).map((c) => c.replace(/指标$/, ''));
  const step = Math.max(30, Math.ceil(maxOf(shorts.map((s) => estimateWidth(s, LABEL_SIZE)))) + 10);
  const tips: Tip[] = [
    {field: 'source', title: '文件'}, {field: 'line', title: '表格所在行'}, {field: 'table', title: '表'},
    {field: 'category', title: '二级指标'}, {field: 'count', title: '指标数'}, {field: 'quantitative', title: '其中定量'},
    {field: 'share', title: '定量占比', format: '.0%'},
  ];
  return {
    $schema: SCHEMA, config: config(), width: {step}, height: {step: 18},
    title: {text: '指标类别覆盖（表 × 二级指标）', subtitle: `颜色：该类中定量指标的占比；数字：指标数；灰色「缺」：该表没有此类指标${shownNote(tables.length, everyTable.length, '张', '表', '缺类最多的')}`},
    data: {values: rows},
    encoding: {
      x: {field: 'short', type: 'nominal', sort: shorts, axis: {title: null, orient: 'top', labelAngle: 0, domain: false, ticks: false}},
      y: {field: 'table', type: 'nominal', sort: tables, axis: {title: null, labelLimit: labelLimit(tables, o.maxLabel), domain: false, ticks: false}},
    },
    transform: [tipTransform(tips)],
    layer: [
      {transform: [{filter: 'datum.count === 0'}], mark: {type: 'rect', fill: '#ececec', stroke: 'white'}, encoding: tipChannels(tips)},
      {
        transform: [{filter: 'datum.count > 0'}],
        mark: {type: 'rect', stroke: 'white'},
        encoding: {...tipChannels(tips), color: {field: 'share', type: 'quantitative', title: '定量占比', scale: {domain: [0, 1], scheme: 'blues'}, legend: {format: '.0%', gradientLength: 120}}},
      },
      {
        mark: {type: 'text', fontSize: 10, aria: false},
        encoding: {
          text: {field: 'label'},
          color: {condition: {test: 'datum.share !== null && datum.share > 0.6', value: 'white'}, value: '#444'},
        },
      },
    ],
  } as TopLevelSpec;
}

/**
 * At most `max` of the prior chart's points: the lowered targets (the ones a reviewer looks for) first, then the
 * others, each group taken evenly through the documents when it does not fit whole.
 */
function fewestPoints(rows: ReadonlyArray<PriorRow>, max: number): PriorRow[] {
  if (rows.length <= max) return [...rows];
  const lowered = rows.filter((r) => r.status === PRIOR_NAMES.lowered);
  const others = rows.filter((r) => r.status !== PRIOR_NAMES.lowered);
  const kept = new Set([...evenly(lowered, max), ...evenly(others, Math.max(0, max - lowered.length))]);
  return rows.filter((r) => kept.has(r));
}

/** `n` of the items, spread evenly (all of them when they are no more than `n`). */
function evenly<T>(items: ReadonlyArray<T>, n: number): T[] {
  if (items.length <= n) return [...items];
  return Array.from({length: n}, (_, k) => items[Math.floor((k * items.length) / n)]);
}

/** Axis ticks of a log ratio axis within [lo, hi]. */
function ratioTicks(lo: number, hi: number): number[] {
  return [0.1, 0.25, 0.5, 1, 2, 4, 10, 20, 50, 100].filter((t) => t >= lo && t <= hi);
}

/**
 * Target against last year's actual: one point per comparable indicator at target ÷ prior (log scale), rows by
 * indicator type; lowered targets are large and red, a rule marks "equal to last year".
 * @example priorChart(docs).layer.length // => 3
 */
export function priorChart(docs: ReadonlyArray<AnalyzedDocument>, options: ChartOptions = {}): TopLevelSpec {
  const o = resolve(options);
  const all = priorRows(docs);
  const rows = fewestPoints(all, o.maxRows * 10);
  const types = distinct(rows.map((r) => r.type)).sort();
  const ratios = rows.map((r) => r.ratio);
  const lo = minOf(ratios.map((r) => r * 0.9), 0.25);
  const hi = maxOf(ratios.map((r) => r * 1.1), 4);
  const x = {scale: {type: 'log', domain: [lo, hi], nice: false}};
  const statuses = [PRIOR_NAMES.lowered, PRIOR_NAMES.kept, PRIOR_NAMES.raised];
  const tips: Tip[] = [
    {field: 'source', title: '文件'}, {field: 'line', title: '行'}, {field: 'table', title: '表'},
    {field: 'level3', title: '三级指标'}, {field: 'target', title: '指标值'}, {field: 'prior', title: '上年完成值'},
    {field: 'ratio', title: '比值', format: '.2f'}, {field: 'status', title: '与上年相比'}, {field: 'direction', title: '方向'},
  ];
  return {
    $schema: SCHEMA, config: config(), width: Math.max(o.width, 420), height: {step: 30},
    title: {
      text: '指标值与上年完成值之比',
      subtitle: `${all.length} 项可比指标${rows.length < all.length ? `（图中 ${rows.length} 项：目标低于上年的在先，均匀抽取）` : ''}；红色大点：目标低于上年完成值（对数刻度）`,
    },
    data: {values: rows},
    transform: [tipTransform(tips)],
    layer: [
      {mark: {type: 'rule', color: '#888', strokeDash: [3, 3], aria: false}, encoding: {x: {datum: 1, ...x}}},
      {
        mark: {type: 'text', align: 'left', baseline: 'bottom', dx: 3, dy: -4, fontSize: 10, color: '#555', aria: false},
        encoding: {x: {datum: 1, ...x}, y: {value: 0}, text: {value: '与上年持平'}},
      },
      {
        mark: {type: 'point', filled: true, opacity: 0.75},
        encoding: {
          x: {field: 'ratio', type: 'quantitative', title: '指标值 ÷ 上年完成值', ...x, axis: {values: ratioTicks(lo, hi), format: '~g'}},
          y: {field: 'type', type: 'nominal', sort: types, title: '指标类型', axis: {labelLimit: labelLimit(types, o.maxLabel), grid: true}},
          yOffset: {field: 'jitter', type: 'quantitative', scale: {domain: [-1.6, 1.6]}},
          color: {field: 'status', type: 'nominal', title: '与上年相比', scale: {domain: statuses, range: ['#d62728', '#9e9e9e', '#2c7fb8']}},
          size: {condition: {test: `datum.status === '${PRIOR_NAMES.lowered}'`, value: 80}, value: 28},
          ...tipChannels(tips),
        },
      },
    ],
  } as TopLevelSpec;
}

/**
 * Indicator kinds per document: stacked horizontal bars of 定量 / 定性 / 时间节点 / 空白 / 无法识别 targets.
 * @example kindsChart(docs).mark // => {type: 'bar', …}
 */
export function kindsChart(docs: ReadonlyArray<AnalyzedDocument>, options: ChartOptions = {}): TopLevelSpec {
  const o = resolve(options);
  const all = kindRows(docs);
  const everyDocument = distinct(all.map((r) => r.document));
  // Documents with the most targets that read as no kind (空白, 无法识别) first.
  const unread = new Map<string, number>();
  for (const r of all) if (r.kind === KIND_NAMES.none || r.kind === KIND_NAMES.text) unread.set(r.document, (unread.get(r.document) ?? 0) + r.count);
  const documents = mostTelling(everyDocument, o.maxRows, (d) => unread.get(d) ?? 0);
  const drawn = new Set(documents);
  const rows = all.filter((r) => drawn.has(r.document));
  const tips: Tip[] = [
    {field: 'source', title: '文件'}, {field: 'kind', title: '类型'}, {field: 'count', title: '指标数'},
    {field: 'share', title: '占比', format: '.1%'},
  ];
  return {
    $schema: SCHEMA, config: config(), width: o.width, height: {step: 26},
    title: {text: '各文档指标值类型', subtitle: `定量：数值目标；定性：描述性目标；时间节点：日期目标${shownNote(documents.length, everyDocument.length, '个', '文档', '空白或无法识别最多的')}`},
    data: {values: rows},
    transform: [tipTransform(tips)],
    mark: {type: 'bar', stroke: 'white', strokeWidth: 0.5},
    encoding: {
      y: {field: 'document', type: 'nominal', sort: documents, axis: {title: null, labelLimit: labelLimit(documents, o.maxLabel)}},
      x: {field: 'count', type: 'quantitative', stack: 'zero', title: '指标数'},
      color: {field: 'kind', type: 'nominal', title: '指标值类型', scale: {domain: Object.values(KIND_NAMES), range: ['#4e79a7', '#f28e2b', '#59a14f', '#bab0ac', '#e15759']}},
      order: {field: 'order', type: 'quantitative'},
      ...tipChannels(tips),
    },
  } as TopLevelSpec;
}

/**
 * Findings by check: one bar per finding code (Chinese name), coloured by severity, most frequent first.
 * @example findingsChart(docs).layer.length // => 2
 */
export function findingsChart(docs: ReadonlyArray<AnalyzedDocument>, options: ChartOptions = {}): TopLevelSpec {
  const o = resolve(options);
  const rows = findingCountRows(docs);
  const names = rows.map((r) => r.name);
  const severities = Object.values(SEVERITY_NAMES);
  const tips: Tip[] = [
    {field: 'name', title: '检查项'}, {field: 'code', title: '代码'}, {field: 'severity', title: '严重程度'},
    {field: 'count', title: '条数'}, {field: 'documents', title: '涉及文档数'},
  ];
  return {
    $schema: SCHEMA, config: config(), width: o.width, height: {step: 18},
    title: {text: '检查发现（按检查项与严重程度）', subtitle: `共 ${rows.reduce((n, r) => n + r.count, 0)} 条；错误应先处理，提示仅供参考`},
    data: {values: rows},
    transform: [tipTransform(tips)],
    encoding: {
      y: {field: 'name', type: 'nominal', sort: names, axis: {title: null, labelLimit: labelLimit(names, o.maxLabel)}},
      x: {field: 'count', type: 'quantitative', title: '条数'},
    },
    layer: [
      {
        mark: {type: 'bar'},
        encoding: {
          color: {field: 'severity', type: 'nominal', title: '严重程度', scale: {domain: severities, range: Object.values(SEVERITY_COLORS)}},
          ...tipChannels(tips),
        },
      },
      {mark: {type: 'text', align: 'left', dx: 3, fontSize: 10, color: '#333', aria: false}, encoding: {text: {field: 'count'}}},
    ],
  } as TopLevelSpec;
}

/** A chart of the report: file name (without extension), Chinese title, builder. */
export interface ChartEntry {
  name: string;
  title: string;
  build: (docs: ReadonlyArray<AnalyzedDocument>, options?: ChartOptions) => TopLevelSpec;
}

/** Every chart of the report, in page order. */
export const CHARTS: ReadonlyArray<ChartEntry> = [
  {name: 'weights', title: '分值构成', build: weightChart},
  {name: 'coverage', title: '类别覆盖', build: coverageChart},
  {name: 'prior', title: '与上年比较', build: priorChart},
  {name: 'kinds', title: '指标值类型', build: kindsChart},
  {name: 'findings', title: '检查发现', build: findingsChart},
];
