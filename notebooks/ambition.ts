// Question: how ambitious are targets against last year's values (上年完成值)?
// Reads data/ through the public API: the target ÷ prior ratio of every comparable indicator (priorRows) in a
// danfojs DataFrame, grouped by indicator type and direction; distribution and a sign test-like count with
// simple-statistics. Writes reports/notebooks/ambition/: summary.md, by-type.csv, less-ambitious.csv and a chart.
import {writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import * as ss from 'simple-statistics';
import {frameOf, priorChart, priorRows, summarizeRatios, toCsv} from '../src/index.ts';
import {frameCsv, loadAnalyzed, mdTable, outputDir, pct, writeChart} from './lib.ts';

const docs = await loadAnalyzed();
const dir = await outputDir('ambition');

// 1. Every comparable indicator: ratio = target value / prior value (same unit), with status and direction.
const rows = priorRows(docs);
const df = await frameOf(rows, ['source', 'line', 'table', 'type', 'level3', 'target', 'prior', 'ratio', 'status', 'direction']);

// 2. Per indicator type: count and mean ratio (danfojs), median and share lowered (simple-statistics).
const byType = df.groupby(['type']).agg({ratio: ['count', 'mean', 'min', 'max']});
await writeFile(join(dir, 'by-type.csv'), frameCsv(byType));
const types = [...new Set(rows.map((r) => r.type))].sort();
const typeRows = types.map((t) => {
  const list = rows.filter((r) => r.type === t);
  return [t, list.length, ss.median(list.map((r) => r.ratio)), list.filter((r) => r.status === '低于上年').length, list.filter((r) => r.status === '与上年持平').length, list.filter((r) => r.status === '高于上年').length];
});

// 3. Less ambitious than last year: a higher-is-better target below the prior, or a lower-is-better one above it.
const less = rows.filter((r) => (r.direction === '越高越好' && r.ratio < 1) || (r.direction === '越低越好' && r.ratio > 1));
await writeFile(join(dir, 'less-ambitious.csv'), toCsv(['source', 'line', 'table', 'level3', 'target', 'prior', 'ratio', 'direction'],
  less.map((r) => [r.source, r.line, r.table, r.level3, r.target, r.prior, r.ratio, r.direction])));

// 4. Overall distribution (simple-statistics in summarizeRatios) and the share of targets that just repeat last year.
const s = summarizeRatios(docs);
const logs = rows.map((r) => Math.log2(r.ratio));
const kept = rows.filter((r) => r.status === '与上年持平').length;
await writeChart(dir, 'ambition', priorChart(docs));

const md = `# 目标相对上年完成值有多大的挑战性？

可比指标 ${rows.length} 项（目标与上年值单位一致）；另有 ${s.no_history} 项没有上年值，${s.not_comparable} 项不可比。

- 与上年持平：${kept} 项（${pct(kept / rows.length)}）——多数目标只是照抄上年完成值；
- 高于上年：${s.raised} 项，低于上年：${s.lowered} 项；
- 比值中位数 ${s.all.median?.toFixed(3)}，四分位 ${s.all.q25?.toFixed(3)}–${s.all.q75?.toFixed(3)}；log₂ 比值平均 ${ss.mean(logs).toFixed(3)}（0 = 持平），
  标准差 ${ss.sampleStandardDeviation(logs).toFixed(3)}；
- 按方向看，比上年更保守（越高越好却低于上年，或越低越好却高于上年）的有 ${less.length} 项，明细见 less-ambitious.csv。

## 按指标类型

${mdTable(['类型', '可比项', '比值中位数', '低于上年', '持平', '高于上年'], typeRows)}

## 比上年更保守的指标（前 15 项）

${mdTable(['文件:行', '三级指标', '指标值', '上年完成值', '比值', '方向'], less.slice(0, 15).map((r) => [`${r.source}:${r.line}`, r.level3, r.target, r.prior, r.ratio, r.direction]))}

图：ambition.png（ambition.svg, ambition.vl.json）。
`;
await writeFile(join(dir, 'summary.md'), md);
process.stderr.write(`ambition: ${rows.length} comparable indicators, ${less.length} less ambitious → ${dir}/\n`);
