// labelSpans: merged labels placed by the span they are centred on; row 5 of shenbao-health's default dump
// (时效指标 over rows 5-6, printed beside row 6) read against its expected rows.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {labelSpans} from '../../src/extract/label-spans.ts';
import {extractText} from '../../src/index.ts';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'rendered');

test('labelSpans: a 二级 printed beside the second of two rows heads both when centred on them', () => {
  const rows = [{first: 0, last: 3}, {first: 4, last: 7}, {first: 8, last: 11}, {first: 12, last: 15}];
  const spans = labelSpans(rows, [{text: '产出指标', line: 8, beside: 2}], [{text: '数量指标', line: 2, beside: 0}, {text: '时效指标', line: 12, beside: 3}]);
  assert.deepEqual(spans, {level1: [0], level2: [0, 2]});
});

// Rows 0-2 of bundled-002-pair's first table (default dump): each row's values, then its name; 数量指标 and
// 质量指标 are printed on the name lines of rows 0 and 1, at the edge of the row below; rows 0-1 count, row 2 is a rate.
const EDGE_ROWS = [{first: 0, last: 4}, {first: 5, last: 10}, {first: 11, last: 17}];

test('labelSpans: a 二级 printed at the edge of two rows heads the next one when that row measures what it names', () => {
  const level2 = [{text: '数量指标', line: 4, beside: 0, orNext: true}, {text: '质量指标', line: 10, beside: 1, orNext: true}];
  const spans = labelSpans(EDGE_ROWS, [{text: '产出指标', line: 10, beside: 1, orNext: true}], level2, ['count', 'count', 'rate']);
  assert.deepEqual(spans, {level1: [0], level2: [0, 2]});
});

test('labelSpans: without the edge, a 二级 still heads the row it is printed beside', () => {
  const level2 = [{text: '数量指标', line: 4, beside: 0}, {text: '质量指标', line: 10, beside: 1}];
  const spans = labelSpans(EDGE_ROWS, [{text: '产出指标', line: 10, beside: 1}], level2, ['count', 'count', 'rate']);
  assert.deepEqual(spans, {level1: [0], level2: [0, 1]});
});

test('labelSpans: a 二级 that is no child of its 一级 leaves no tiling', () => {
  const rows = [{first: 0, last: 3}, {first: 4, last: 7}];
  assert.equal(labelSpans(rows, [{text: '满意度指标', line: 3}], [{text: '数量指标', line: 3}]), null);
});

test('extractText(rendered/shenbao-health.default.txt): 时效指标 heads rows 5 and 6 as the spec prints them', () => {
  const expected = JSON.parse(readFileSync(join(DIR, 'shenbao-health.expected.json'), 'utf8')).tables[0].indicators as Array<Record<string, unknown>>;
  const got = extractText(readFileSync(join(DIR, 'shenbao-health.default.txt'), 'utf8'), {file: 'shenbao-health'}).tables[0].indicators;
  for (const i of [4, 5, 6]) {
    assert.equal(got[i].level1, expected[i].level1, `row ${i}`);
    assert.equal(got[i].level2, expected[i].level2, `row ${i}`);
  }
  assert.equal(expected[5].level2, '时效指标');
});
