import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {frameOf, indicatorsFrame, tablesFrame} from '../../src/analyze/frame.ts';
import type {DocumentResult} from '../../src/types.ts';
import {indicator, table} from '../helpers/records.ts';

// danfojs-node is CommonJS, so once loaded (even through import()) its files sit in the CJS module cache.
const requireHere = createRequire(import.meta.url);
const danfoLoaded = (): boolean => Object.keys(requireHere.cache).some((k) => k.includes('danfojs-node'));

const docs: DocumentResult[] = [{
  source: 'a.txt', encoding: 'utf-8', diagnostics: [],
  tables: [
    table({
      kind: 'project', title_line: 3, lines: [3, 20], year: 2024, unit: '某局', project: '培训项目',
      budget_total: 127.44, budget_fiscal: 100, budget_other: 27.44, budget_total_source: 'printed',
      columns: ['一级指标', '二级指标', '三级指标', '指标值', '分值'],
      indicators: [
        indicator({level3: '培训人数', target: '=885人', prior_year: '-', weight: 10, lines: [10, 10]}),
        indicator({level3: '合格率', target: '≥95%', prior_year: '新增', weight: 20, lines: [11, 11]}),
        indicator({level3: '成本控制', target: '<=127.44万元', weight: null, lines: [12, 13]}),
      ],
    }),
    table({
      kind: 'overall', title_line: 30, lines: [30, 40], year: 2024, columns: ['一级指标', '分值'], layout: 'wrapped',
      indicators: [indicator({level1: '履职效能', level3: '完成率', target: '100%', weight: 90, lines: [35, 35]})],
    }),
  ],
}];

const INDICATOR_COLUMNS = [
  'source', 'table_index', 'kind', 'title_line', 'year', 'unit', 'project', 'leader', 'budget_total', 'budget_fiscal',
  'budget_other', 'level1', 'level2', 'level3', 'target', 'basis', 'prior_year', 'weight', 'scoring_rule', 'evidence',
  'line_start', 'line_end',
];

// Must stay the first test: every later test loads danfojs-node.
test('importing frame.ts does not load danfojs-node', () => {
  assert.equal(danfoLoaded(), false);
});

test('frame.ts has no static import of danfojs-node, only a dynamic one', () => {
  const source = readFileSync(new URL('../../src/analyze/frame.ts', import.meta.url), 'utf8');
  assert.doesNotMatch(source, /^\s*import\s[^;]*from\s*['"]danfojs-node['"]/m);
  assert.doesNotMatch(source, /^\s*import\s*['"]danfojs-node['"]/m);
  assert.match(source, /await import\(['"]danfojs-node['"]\)|import\(['"]danfojs-node['"]\)/);
});

test('indicatorsFrame(docs) has one row per indicator and the CSV columns', async () => {
  const df = await indicatorsFrame(docs);
  assert.deepEqual(df.shape, [4, 22]);
  assert.deepEqual(df.columns, INDICATOR_COLUMNS);
  assert.equal(danfoLoaded(), true);
});

test('indicatorsFrame(docs) weight column sums the printed weights', async () => {
  const df = await indicatorsFrame(docs);
  assert.equal(df.column('weight').sum(), 120);
  const values = df.column('weight').values as number[];
  assert.deepEqual(values.slice(0, 2).concat(values.slice(3)), [10, 20, 90]);
  assert.ok(Number.isNaN(values[2]));
});

test('indicatorsFrame(docs) keeps numbers as float32 and text as raw strings', async () => {
  const df = await indicatorsFrame(docs);
  const dtype = (c: string): string => df.dtypes[df.columns.indexOf(c)];
  assert.equal(dtype('weight'), 'float32');
  assert.equal(dtype('budget_total'), 'float32');
  assert.equal(dtype('target'), 'string');
  assert.deepEqual(df.column('target').values, ['=885人', '≥95%', '<=127.44万元', '100%']);
  assert.deepEqual(df.column('prior_year').values, ['-', '新增', null, null]);
  assert.deepEqual(df.column('table_index').values, [1, 1, 1, 2]);
});

test('tablesFrame(docs) has one row per table with weight_sum and indicator_count', async () => {
  const df = await tablesFrame(docs);
  assert.deepEqual(df.shape, [2, 18]);
  assert.deepEqual(df.column('weight_sum').values, [30, 90]);
  assert.deepEqual(df.column('indicator_count').values, [3, 1]);
  assert.equal(df.columns.at(-1), 'grid_columns');
  assert.deepEqual(df.column('grid_columns').values, ['一级指标|二级指标|三级指标|指标值|分值', '一级指标|分值']);
});

test('frameOf(rows, columns) rejects a column named like a DataFrame member', async () => {
  await assert.rejects(frameOf([{columns: 'a|b'}], ['columns']), RangeError);
  await assert.rejects(frameOf([], ['values']), RangeError);
});

test('indicatorsFrame([]) is an empty DataFrame that still has the columns', async () => {
  const df = await indicatorsFrame([]);
  assert.deepEqual(df.shape, [0, 22]);
  assert.deepEqual(df.columns, INDICATOR_COLUMNS);
});

test('frameOf(rows, columns) follows the requested column order, not the key order', async () => {
  const df = await frameOf([{b: 'x', a: 1}, {a: 2.5}], ['a', 'b']);
  assert.deepEqual(df.columns, ['a', 'b']);
  assert.deepEqual(df.values, [[1, 'x'], [2.5, null]]);
  assert.deepEqual(df.dtypes, ['float32', 'string']);
});
