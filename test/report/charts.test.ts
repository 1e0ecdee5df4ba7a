import {test} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {CHARTS, coverageChart, kindsChart, labelLimit, priorChart, weightChart} from '../../src/report/charts.ts';
import {coverageRows, mostTelling, priorRows, tableLabels, weightRows} from '../../src/report/chart-data.ts';
import {estimateWidth} from '../../src/report/measure.ts';
import {analyzedBundled} from '../helpers/analyzed.ts';

const OUTPUT = join(import.meta.dirname, '..', 'output');

/**
 * Compare `value` (as pretty JSON) with test/output/<name>: a missing snapshot is written, a different one is
 * saved beside it as <name without .vl.json>-changed.vl.json and the test fails.
 */
function snapshot(name: string, value: unknown): void {
  const file = join(OUTPUT, name);
  const changed = join(OUTPUT, name.replace(/\.vl\.json$/, '-changed.vl.json'));
  const text = JSON.stringify(value, null, 2) + '\n';
  if (!existsSync(file)) {
    writeFileSync(file, text);
    return;
  }
  if (readFileSync(file, 'utf8') === text) {
    rmSync(changed, {force: true});
    return;
  }
  writeFileSync(changed, text);
  assert.fail(`${name} changed; see ${changed} (delete ${name} to accept the new spec)`);
}

for (const chart of CHARTS) {
  test(`${chart.name}Chart(bundled documents) matches test/output/${chart.name}.vl.json`, () => {
    snapshot(`${chart.name}.vl.json`, chart.build(analyzedBundled()));
  });
}

test('every chart spec is the same when built twice (no clock, no map order)', () => {
  for (const chart of CHARTS) assert.deepEqual(chart.build(analyzedBundled()), chart.build(analyzedBundled()));
});

test('every chart has a Chinese title and the CJK font', () => {
  for (const chart of CHARTS) {
    const spec = chart.build(analyzedBundled()) as {title: {text: string}; config: {font: string}};
    assert.match(spec.title.text, /[\u4e00-\u9fff]/, chart.name);
    assert.equal(spec.config.font, 'Noto Sans SC');
  }
});

test('tableLabels(bundled) gives every one of the 32 tables its own label', () => {
  const labels = [...tableLabels(analyzedBundled()).values()];
  assert.equal(labels.length, 32);
  assert.equal(new Set(labels).size, 32);
  assert.equal(labels[0], '000 整体：昌吉回族自治州社会保险管理局本级');
});

test('weightRows(bundled): 000_b3fa070b509c4b73.txt:1669 splits its 90 points into 产出 40, 成本 20, 效益 30', () => {
  const rows = weightRows(analyzedBundled()).filter((r) => r.source === '000_b3fa070b509c4b73.txt' && r.line === 1669);
  assert.deepEqual(rows.map((r) => [r.level1, r.weight]), [['产出指标', 40], ['成本指标', 20], ['效益指标', 30]]);
  assert.ok(rows.every((r) => r.total === 90));
});

test('coverageRows(bundled): the overall table at 000_b3fa070b509c4b73.txt:1545 has no 时效 rows (缺)', () => {
  const cell = coverageRows(analyzedBundled()).find((r) => r.line === 1545 && r.category === '时效指标');
  assert.deepEqual([cell?.count, cell?.label, cell?.share], [0, '缺', null]);
});

test('priorRows(bundled) keeps only positive ratios and names lowered targets 低于上年', () => {
  const rows = priorRows(analyzedBundled());
  assert.ok(rows.length > 100);
  assert.ok(rows.every((r) => r.ratio > 0 && r.jitter >= -1 && r.jitter <= 1));
  assert.ok(rows.some((r) => r.status === '低于上年' && r.ratio < 1));
});

test('weightChart marks 90 (dashed) and 100 with rules', () => {
  const spec = weightChart(analyzedBundled()) as {layer: Array<{mark: {type: string; strokeDash?: number[]}; encoding: {x?: {datum?: number}}}>};
  const rules = spec.layer.filter((l) => l.mark.type === 'rule').map((l) => [l.encoding.x?.datum, l.mark.strokeDash !== undefined]);
  assert.deepEqual(rules, [[90, true], [100, false]]);
});

test('coverageChart lists the core 二级 categories even where no table has them (生态效益)', () => {
  const spec = coverageChart(analyzedBundled()) as {encoding: {x: {sort: string[]}}};
  assert.ok(spec.encoding.x.sort.includes('生态效益'));
});

test('priorChart highlights lowered targets in red', () => {
  const text = JSON.stringify(priorChart(analyzedBundled()));
  assert.match(text, /"domain":\["低于上年","与上年持平","高于上年"\],"range":\["#d62728"/);
});

test('labelLimit(labels, max) fits the widest label at 11px, capped at max', () => {
  assert.equal(labelLimit(['绩效目标'], 300), Math.ceil(estimateWidth('绩效目标', 11)) + 4);
  assert.equal(labelLimit(['绩'.repeat(100)], 300), 300);
});

test('weightChart(docs, {width: 10}) throws: invalid width', () => {
  assert.throws(() => weightChart(analyzedBundled(), {width: 10}), /invalid width: 10/);
});

// --- many documents: each chart draws at most maxRows rows, the telling ones first ------------------------------

test('mostTelling keeps the highest-priority names, in their own order', () => {
  assert.deepEqual(mostTelling(['a', 'b', 'c', 'd'], 2, (n) => (n === 'c' || n === 'a' ? 1 : 0)), ['a', 'c']);
  assert.deepEqual(mostTelling(['a', 'b', 'c'], 2, () => 0), ['a', 'b']); // ties: the earlier
  assert.deepEqual(mostTelling(['a', 'b'], 5, () => 0), ['a', 'b']);
});

test('coverageChart with maxRows 3 draws the tables of data/ missing the most of the nine core categories', () => {
  // 000 and 003 整体 hold only 数量/质量指标 (7 missing); 000 个人权益告知… is the first of those missing 6
  // (数量, 质量, 经济成本 only), before 000 社会保险全民参保… and 004 整体.
  const spec = coverageChart(analyzedBundled(), {maxRows: 3}) as {data: {values: Array<{table: string}>}; title: {subtitle: string}};
  assert.deepEqual([...new Set(spec.data.values.map((r) => r.table))], [
    '000 整体：昌吉回族自治州社会保险管理局本级', '000 个人权益告知、经办业务通知通信等费用', '003 整体：克孜勒苏柯尔克孜自治州社会保险中心',
  ]);
  assert.match(spec.title.subtitle, /共 32 张表，图中画出 3 张（缺类最多的在先），全部见 CSV 文件$/);
});

test('weightChart with maxRows 2: every table of data/ adds up to 90, so the first two are drawn; unlimited, no note', () => {
  const docs = analyzedBundled();
  const two = weightChart(docs, {maxRows: 2}) as {data: {values: Array<{table: string}>}; title: {subtitle: string}};
  assert.deepEqual([...new Set(two.data.values.map((r) => r.table))], ['000 整体：昌吉回族自治州社会保险管理局本级', '000 95年以前退休人员生活费']);
  assert.match(two.title.subtitle, /共 32 张表，图中画出 2 张（合计不为 90 或 100 的在先）/);
  const all = weightChart(docs) as {title: {subtitle: string}};
  assert.doesNotMatch(all.title.subtitle, /共 \d+ 张表/);
});

test('weightChart draws a table whose weights do not add up before the others', () => {
  const docs = analyzedBundled();
  const broken = docs.map((d) => ({...d, tables: d.tables.map((t) => (t.project === '线路租赁费' ? {...t, checks: {...t.checks, weight_sum: 85}} : t))}));
  const spec = weightChart(broken, {maxRows: 2}) as {data: {values: Array<{table: string}>}};
  assert.deepEqual([...new Set(spec.data.values.map((r) => r.table))], ['000 整体：昌吉回族自治州社会保险管理局本级', '003 线路租赁费']);
});

test('priorChart with maxRows 1 draws 10 points, lowered targets first; maxRows 3 every lowered target of data/', () => {
  const docs = analyzedBundled();
  const all = priorRows(docs);
  const lowered = all.filter((r) => r.status === '低于上年');
  type Spec = {data: {values: Array<{status: string; line: number; source: string}>}; title: {subtitle: string}};
  const ten = priorChart(docs, {maxRows: 1}) as Spec;
  assert.equal(ten.data.values.length, 10);
  assert.equal(ten.data.values.filter((v) => v.status === '低于上年').length, Math.min(10, lowered.length));
  assert.match(ten.title.subtitle, new RegExp(`^${all.length} 项可比指标（图中 10 项：目标低于上年的在先，均匀抽取）`));
  const thirty = priorChart(docs, {maxRows: 3}) as Spec;
  assert.ok(lowered.length <= 30 && all.length > 30, `${lowered.length} lowered of ${all.length}`);
  for (const r of lowered) assert.ok(thirty.data.values.some((v) => v.source === r.source && v.line === r.line && v.status === '低于上年'), `${r.source}:${r.line}`);
});

test('a chart rejects a maxRows that is not a positive integer', () => {
  assert.throws(() => weightChart(analyzedBundled(), {maxRows: 0}), RangeError);
  assert.throws(() => kindsChart(analyzedBundled(), {maxRows: 1.5}), RangeError);
});
