// Question: which indicator categories (二级指标) are missing, and where?
// Reads data/ through the public API: the table × 二级 cells of coverageRows in a danfojs DataFrame (count 0 =
// missing), the share of project tables lacking each category, and the missing-* findings (findingsFrame).
// Writes reports/notebooks/coverage/: summary.md, missing-by-category.csv, missing-cells.csv and a chart.
import {writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import * as ss from 'simple-statistics';
import {coverageRows, findingName, findingsFrame, frameOf, toCsv} from '../src/index.ts';
import {frameCsv, loadAnalyzed, mdTable, outputDir, pct, writeChart} from './lib.ts';

const docs = await loadAnalyzed();
const dir = await outputDir('coverage');

// 1. Project tables only: overall (整体) tables follow another framework (履职效能 / 管理效率).
const project = new Set(docs.flatMap((d) => d.tables.filter((t) => t.kind === 'project').map((t) => `${d.source}:${t.title_line}`)));
const rows = coverageRows(docs).filter((r) => project.has(`${r.source}:${r.line}`)).map((r) => ({...r, indicators: r.count, missing: r.count === 0 ? 1 : 0}));
// (danfojs cannot hold a column named `count`, a DataFrame method: it is `indicators` here.)
const df = await frameOf(rows, ['source', 'line', 'table', 'category', 'short', 'indicators', 'quantitative', 'missing']);

// 2. Per category: tables lacking it (danfojs groupby), as a share of project tables.
const byCategory = df.groupby(['category']).agg({missing: ['sum'], indicators: ['sum']});
await writeFile(join(dir, 'missing-by-category.csv'), frameCsv(byCategory));
const missingCells = df.query(df.column('missing').eq(1));
await writeFile(join(dir, 'missing-cells.csv'), frameCsv(missingCells.loc({columns: ['source', 'line', 'table', 'category']})));
const categories = [...new Set(rows.map((r) => r.category))];
const share = categories.map((c) => {
  const list = rows.filter((r) => r.category === c);
  return {category: c, short: c.replace(/指标$/, ''), missing: ss.sum(list.map((r) => r.missing)), tables: list.length, share: ss.mean(list.map((r) => r.missing))};
});

// 3. Categories per table (simple-statistics) and the findings the checks raised about missing groups.
const perTable = [...project].map((k) => rows.filter((r) => `${r.source}:${r.line}` === k && r.count > 0).length);
const findings = await findingsFrame(docs);
const missingCodes = findings.query(findings.column('code').str.includes('missing-'));
const codeCounts = missingCodes.column('code').valueCounts();
const codes = (codeCounts.index as string[]).map((c, i) => [findingName(c), c, codeCounts.values[i] as number]).sort((a, b) => (b[2] as number) - (a[2] as number));

await writeChart(dir, 'coverage', {
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  title: {text: '缺少各类二级指标的项目表占比', subtitle: `共 ${project.size} 张项目表；条上数字：缺少该类的表数`},
  config: {font: 'Noto Sans SC', background: 'white', padding: 12, title: {anchor: 'start', fontSize: 15}},
  width: 360, height: {step: 24},
  data: {values: share},
  encoding: {y: {field: 'short', type: 'nominal', sort: share.map((s) => s.short), title: '二级指标'}, x: {field: 'share', type: 'quantitative', title: '缺少该类的表占比', axis: {format: '.0%'}, scale: {domain: [0, 1]}}},
  layer: [
    {mark: {type: 'bar', color: '#e15759'}},
    {mark: {type: 'text', align: 'left', dx: 4}, encoding: {text: {field: 'missing'}}},
  ],
} as Parameters<typeof writeChart>[2]);

const md = `# 哪些指标类别缺失？

${project.size} 张项目支出绩效目标表（整体表另有体系，不计）。每表平均有 ${ss.mean(perTable).toFixed(1)} 类二级指标
（中位数 ${ss.median(perTable)}，最少 ${ss.min(perTable)}，最多 ${ss.max(perTable)}）。

## 缺少各类二级指标的表

${mdTable(['二级指标', '缺少的表', '占比'], share.map((s) => [s.category, `${s.missing} / ${s.tables}`, pct(s.share)]))}

${share.filter((s) => s.share >= 0.9).map((s) => s.short).join('、')}几乎从不设置（九成以上的表没有）；其余类别的缺失要看项目性质，
其中检查项已经报告的如下（每条都有文件和行号，见 findings.csv）：

${mdTable(['检查项', '代码', '条数'], codes)}

缺失单元格的明细：missing-cells.csv。图：coverage.png（coverage.svg, coverage.vl.json）。
`;
await writeFile(join(dir, 'summary.md'), md);
process.stderr.write(`coverage: ${project.size} project tables, ${missingCells.shape[0]} missing cells → ${dir}/\n`);
