// Stage 5: grid rows → Indicator records. fillDown (merged 一级/二级 cells) and assembleRows (label-only rows,
// stray runs, page numbers, weights) on hand-built inputs.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {assembleRows, fillDown} from '../../src/extract/rows.ts';
import type {GridParse} from '../../src/extract/grid.ts';
import type {Token} from '../../src/extract/lines.ts';
import type {ColumnKey, Indicator} from '../../src/types.ts';
import {DEFAULT_COLUMNS} from '../../src/vocab.ts';

const r = (level1: string, level2: string, level3: string): Indicator => ({
  level1, level2, level3, target: '', basis: '', prior_year: null, weight: null, scoring_rule: null, evidence: null, lines: [1, 1],
});
const levels = (rows: Indicator[]) => fillDown(rows).map((x) => [x.level1, x.level2, x.level3]);

// --- fillDown --------------------------------------------------------------------------------------------

test('fillDown fills empty 一级/二级 from the row above (plain fill-down)', () => {
  assert.deepEqual(levels([r('产出指标', '数量指标', 'a'), r('', '', 'b'), r('', '质量指标', 'c'), r('', '', 'd')]), [
    ['产出指标', '数量指标', 'a'], ['产出指标', '数量指标', 'b'], ['产出指标', '质量指标', 'c'], ['产出指标', '质量指标', 'd'],
  ]);
});

test('fillDown: a 二级 read as 一级 and its 一级 as 二级 (printed above it) change places; a 一级 that admits no such child does not', () => {
  assert.deepEqual(levels([r('成本指标', '经济成本指标', 'a'), r('社会效益指标', '效益指标', 'b'), r('', '', 'c')]), [
    ['成本指标', '经济成本指标', 'a'], ['效益指标', '社会效益指标', 'b'], ['效益指标', '社会效益指标', 'c'],
  ]);
  assert.deepEqual(levels([r('数量指标', '满意度指标', 'a')]), [['数量指标', '满意度指标', 'a']]);
});

test('fillDown: 成本指标 read as a new 一级 with no 二级 of its own is the 二级 of the 一级 above (the Ministry of Finance 申报表)', () => {
  assert.deepEqual(levels([r('产出指标', '时效指标', 'a'), r('成本指标', '', 'b'), r('效益指标', '社会效益指标', 'c')]), [
    ['产出指标', '时效指标', 'a'], ['产出指标', '成本指标', 'b'], ['效益指标', '社会效益指标', 'c'],
  ]);
  // A 二级 of the following rows that 成本指标 heads, or one cut into their 三级, says it is a 一级.
  assert.deepEqual(levels([r('产出指标', '时效指标', 'a'), r('成本指标', '', 'b'), r('', '经济成本指标', 'c')]).map((x) => x[0]), ['产出指标', '成本指标', '成本指标']);
  assert.deepEqual(levels([r('产出指标', '时效指标', 'a'), r('成本指标', '', '经济成本指')]).map((x) => x[0]), ['产出指标', '成本指标']);
});

test('fillDown: leading rows without labels take the first labels below', () => {
  assert.deepEqual(levels([r('', '', 'a'), r('', '', 'b'), r('产出指标', '数量指标', 'c'), r('', '', 'd')]), [
    ['产出指标', '数量指标', 'a'], ['产出指标', '数量指标', 'b'], ['产出指标', '数量指标', 'c'], ['产出指标', '数量指标', 'd'],
  ]);
});

test('fillDown: a leading 二级 without 一级 takes its parent', () => {
  assert.deepEqual(levels([r('', '', 'a'), r('', '数量指标', 'b'), r('', '', 'c')]), [
    ['产出指标', '数量指标', 'a'], ['产出指标', '数量指标', 'b'], ['产出指标', '数量指标', 'c'],
  ]);
});

test('fillDown: 社会效益指标 under a previous 成本指标 takes 效益指标', () => {
  assert.deepEqual(levels([r('成本指标', '经济成本指标', 'a'), r('', '社会效益指标', 'b'), r('', '', 'c')]), [
    ['成本指标', '经济成本指标', 'a'], ['效益指标', '社会效益指标', 'b'], ['效益指标', '社会效益指标', 'c'],
  ]);
});

test('fillDown: 经济成本指标 under 产出指标 (older framework) takes 成本指标', () => {
  assert.deepEqual(levels([r('产出指标', '成本指标', 'a'), r('', '经济成本指标', 'b')]), [
    ['产出指标', '成本指标', 'a'], ['成本指标', '经济成本指标', 'b'],
  ]);
});

test('fillDown: a 二级 its 一级 admits keeps that 一级 (质量指标 under 履职效能)', () => {
  assert.deepEqual(levels([r('履职效能', '数量指标', 'a'), r('', '质量指标', 'b')]), [
    ['履职效能', '数量指标', 'a'], ['履职效能', '质量指标', 'b'],
  ]);
});

test('fillDown: a new 一级 with no 二级 does not inherit the 二级 of the previous group', () => {
  assert.deepEqual(levels([r('产出指标', '数量指标', 'a'), r('', '', 'b'), r('效益指标', '', 'c'), r('', '', 'd')]), [
    ['产出指标', '数量指标', 'a'], ['产出指标', '数量指标', 'b'], ['效益指标', '', 'c'], ['效益指标', '', 'd'],
  ]);
});

test('fillDown: rows with no label anywhere stay empty', () => {
  assert.deepEqual(levels([r('', '', 'a'), r('', '', 'b')]), [['', '', 'a'], ['', '', 'b']]);
});

test('fillDown: 满意度指标 as 二级 right after 产出 rows takes the 一级 满意度指标', () => {
  assert.deepEqual(levels([r('产出指标', '数量指标', 'a'), r('', '满意度指标', 'b')]), [
    ['产出指标', '数量指标', 'a'], ['满意度指标', '满意度指标', 'b'],
  ]);
});

test('fillDown returns the same array, changed in place', () => {
  const rows = [r('产出指标', '数量指标', 'a'), r('', '', 'b')];
  assert.equal(fillDown(rows), rows);
  assert.equal(rows[1].level1, '产出指标');
});

// --- assembleRows ----------------------------------------------------------------------------------------

const tok = (text: string, line: number): Token => ({text, line, cell: 0, gap: 'line'});
const rowItem = (cells: Partial<Record<ColumnKey, Array<[string, number]>>>) =>
  ({row: {cells: new Map(Object.entries(cells).map(([k, v]) => [k as ColumnKey, v!.map(([t, l]) => tok(t, l))]))}});
const dropped = (text: string, line: number, pageNumber: boolean) => ({dropped: {token: tok(text, line), pageNumber}});

test('assembleRows carries a label-only row to the row below and records the page number it dropped', () => {
  const parse: GridParse = {score: 0, items: [
    rowItem({level1: [['满意度指标', 1]], level2: [['满意度指标', 2]]}),
    rowItem({level3: [['使用人员满意度', 3]], target: [['≥95%', 4]], basis: [['计划标准', 5]], weight: [['10', 5]],
      scoring_rule: [['满意度赋分', 6]], evidence: [['工作资料', 7]]}),
    dropped('34', 8, true),
  ]};
  const a = assembleRows([parse], DEFAULT_COLUMNS.project, {freeTextBasis: false}, 'f.txt');
  assert.deepEqual(a.indicators, [{
    level1: '满意度指标', level2: '满意度指标', level3: '使用人员满意度', target: '≥95%', basis: '计划标准', prior_year: '',
    weight: 10, scoring_rule: '满意度赋分', evidence: '工作资料', lines: [1, 7],
  }]);
  assert.deepEqual(a.diagnostics.map((d) => [d.code, d.line, d.actual]), [['page-number', 8, '34']]);
  assert.deepEqual(a.reported.map((t) => t.text), ['34']);
});

test('assembleRows appends a stray run to the basis it continues; overall tables get null for missing columns', () => {
  const parse: GridParse = {score: 0, items: [
    rowItem({level1: [['履职效能', 1]], level2: [['数量指标', 1]], level3: [['全州失业参保人数', 1]],
      target: [['>=24.95', 1], ['万人', 1]], basis: [['2024', 2], ['年昌吉州', 2]], weight: [['15', 3]]}),
    dropped('社会保险经办', 4, false),
  ]};
  const a = assembleRows([parse], DEFAULT_COLUMNS.overall, {freeTextBasis: true}, 'f.txt');
  assert.deepEqual(a.indicators, [{
    level1: '履职效能', level2: '数量指标', level3: '全州失业参保人数', target: '>=24.95万人', basis: '2024年昌吉州社会保险经办',
    prior_year: null, weight: 15, scoring_rule: null, evidence: null, lines: [1, 4],
  }]);
  assert.deepEqual(a.diagnostics, []);
});

test('assembleRows keeps a weight that is not a number as weight_raw with weight null', () => {
  const parse: GridParse = {score: 0, items: [
    rowItem({level1: [['产出指标', 1]], level2: [['数量指标', 1]], level3: [['人数', 1]], target: [['≥2人', 1]], weight: [['十', 1]]}),
  ]};
  const [rec] = assembleRows([parse], DEFAULT_COLUMNS.overall, {freeTextBasis: true}, 'f.txt').indicators;
  assert.deepEqual([rec.weight, rec.weight_raw], [null, '十']);
});

test('assembleRows reports a label-only row that no row follows as unplaced text', () => {
  const parse: GridParse = {score: 0, items: [rowItem({level1: [['满意度指标', 9]], level2: [['满意度指标', 9]]})]};
  const a = assembleRows([parse], DEFAULT_COLUMNS.project, {freeTextBasis: false}, 'f.txt');
  assert.deepEqual(a.indicators, []);
  assert.deepEqual(a.diagnostics.map((d) => [d.code, d.line, d.endLine, d.actual]), [['unplaced-text', 9, 9, '满意度指标满意度指标']]);
});
