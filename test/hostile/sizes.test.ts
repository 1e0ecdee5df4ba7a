// Inputs too big for a careless algorithm: a document of one huge line (its tokens once overflowed the stack when
// spread into Math.min and push, and took minutes through array look-ups), and merged labels over a table of
// nearly two hundred rows (the label programme once allocated a grid of objects per start row: gigabytes). Speed
// is measured by `npm run bench`, not here: these assert that the answers come, and are right.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {labelSpans} from '../../src/extract/label-spans.ts';
import {extractText} from '../../src/index.ts';

test('extractText: a title then one line of 210,000 tokens gives a diagnosed line, no crash and no guessed rows', () => {
  const text = '项目支出绩效目标表\n' + '产出指标 数量指标 人数 ≥2 人 计划标准 10 '.repeat(30_000) + '\n';
  const r = extractText(text, {file: 'one-line.txt'});
  assert.deepEqual(r.tables.flatMap((t) => t.indicators), []);
  assert.ok(r.diagnostics.some((d) => d.line <= 2 && d.endLine >= 2), 'the long line is reported');
});

test('labelSpans: nine 二级 spans of 21 rows under three 一级 (189 rows), each label centred on its span', () => {
  const rows = Array.from({length: 189}, (_, i) => ({first: i, last: i}));
  const level2Names = ['数量指标', '质量指标', '时效指标', '成本指标', '经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标', '服务对象满意度指标'];
  const level2 = level2Names.map((text, j) => ({text, line: 21 * j + 10}));
  const level1 = [{text: '产出指标', line: 41}, {text: '效益指标', line: 84 + 41}, {text: '满意度指标', line: 168 + 10}];
  assert.deepEqual(labelSpans(rows, level1, level2), {level1: [0, 84, 168], level2: [0, 21, 42, 63, 84, 105, 126, 147, 168]});
});
