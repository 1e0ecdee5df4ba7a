// Question: how are weights (指标分值权重) distributed across units and 一级 groups?
// Reads data/ through the public API, groups the weight of every table's 一级 groups with danfojs, compares the
// 10号 groups with the default 产出(含成本) 50 / 效益 30 / 满意度 10 using simple-statistics, and writes
// reports/notebooks/weights/: summary.md, by-level1.csv, by-unit.csv and a chart (weights.vl.json/.svg/.png).
import {writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import * as ss from 'simple-statistics';
import {frameOf, summarizeWeights, weightRows} from '../src/index.ts';
import {frameCsv, loadAnalyzed, mdTable, outputDir, writeChart} from './lib.ts';

const docs = await loadAnalyzed();
const dir = await outputDir('weights');

// 1. One row per table and 一级 group: the group's weight total.
const rows = weightRows(docs);
const df = await frameOf(rows, ['source', 'unit', 'table', 'level1', 'weight', 'total']);

// 2. Per 一级 name and per unit × 一级 name: how many tables, mean / min / max weight.
const byLevel1 = df.groupby(['level1']).agg({weight: ['count', 'mean', 'min', 'max']});
const byUnit = df.groupby(['unit', 'level1']).agg({weight: ['count', 'mean']});
await writeFile(join(dir, 'by-level1.csv'), frameCsv(byLevel1));
await writeFile(join(dir, 'by-unit.csv'), frameCsv(byUnit));

// 3. The 10号 groups of project tables (simple-statistics inside summarizeWeights), against the defaults.
const summary = summarizeWeights(docs);
const groups = Object.entries(summary.group_shares).filter(([, d]) => d.count > 0);
const perTable = new Map<string, {output: number; total: number}>();
for (const r of rows) {
  const t = perTable.get(r.table) ?? {output: 0, total: r.total ?? 0};
  if (r.level1 === '产出指标' || r.level1 === '成本指标') t.output += r.weight;
  perTable.set(r.table, t);
}
const outputWithCost = [...perTable.values()].map((t) => t.output).filter((w) => w > 0);
const totals = [...perTable.values()].map((t) => t.total);
const STATUS = {ok: '100 分', 'reserved-10': '90 分（预留 10 分）', mismatch: '不合', missing: '无权重'} as const;

// 4. A chart: each 一级 group's weight across tables, one box per group.
await writeChart(dir, 'weights', {
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  title: {text: '一级指标分值分布（每表一点）', subtitle: '箱线：四分位数；点：各表该类指标的分值合计'},
  config: {font: 'Noto Sans SC', background: 'white', padding: 12, title: {anchor: 'start', fontSize: 15}},
  width: 420, height: {step: 34},
  data: {values: rows},
  layer: [
    {mark: {type: 'boxplot', extent: 'min-max', size: 18, opacity: 0.5}, encoding: {y: {field: 'level1', type: 'nominal', title: '一级指标'}, x: {field: 'weight', type: 'quantitative', title: '分值'}}},
    {mark: {type: 'point', filled: true, size: 24, color: '#333'}, encoding: {y: {field: 'level1', type: 'nominal'}, x: {field: 'weight', type: 'quantitative'}}},
  ],
} as Parameters<typeof writeChart>[2]);

const md = `# 分值权重如何在单位和一级指标之间分布？

${docs.length} 个文档，${summary.tables} 张表；权重合计：${Object.entries(summary.by_status).map(([k, n]) => `${STATUS[k as keyof typeof STATUS]} ${n} 张`).join('，')}。
表内合计的众数为 ${ss.mode(totals)} 分（按财预〔2020〕10号，预算执行率 10 分在表外评价）。

## 按一级指标（所有表）

${mdTable(byLevel1.columns, byLevel1.values as Array<Array<string | number>>)}

## 项目表的 10 号文分组（产出 / 成本 / 效益 / 满意度）

${mdTable(['分组', '表数', '平均', '中位数', '25%', '75%', '标准差'], groups.map(([g, d]) => [g, d.count, d.mean, d.median, d.q25, d.q75, d.stdev]))}

10 号文默认产出（含成本）50 分。各项目表「产出 + 成本」合计：平均 ${ss.mean(outputWithCost).toFixed(1)} 分，
中位数 ${ss.median(outputWithCost)} 分，范围 ${ss.min(outputWithCost)}–${ss.max(outputWithCost)} 分，
${outputWithCost.filter((w) => w > 50).length} / ${outputWithCost.length} 张表超过 50 分：产出与成本占去了效益和满意度的分值。
效益类平均 ${summary.group_shares['效益'].mean?.toFixed(1)} 分（默认 30），满意度类平均 ${summary.group_shares['满意度'].mean?.toFixed(1)} 分（默认 10）；
表数少于项目表数的分组，说明有的表整组缺失（见 coverage 笔记）。

## 按单位

${mdTable(byUnit.columns, byUnit.values as Array<Array<string | number>>)}

图：weights.png（weights.svg, weights.vl.json）。
`;
await writeFile(join(dir, 'summary.md'), md);
process.stderr.write(`weights: ${rows.length} rows → ${dir}/\n`);
