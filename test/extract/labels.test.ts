// Label fragments split over lines (labels.ts): joined near their beginning, or with a short end printed alone
// after the rows beside the label, as reading-order dumps print it.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {joinSplitLabels} from '../../src/extract/labels.ts';
import {splitLines, tokenizeLines} from '../../src/extract/lines.ts';

const texts = (s: string): string[] => joinSplitLabels(tokenizeLines(splitLines(s))).map((t) => t.text);

test('joinSplitLabels(a label begun beside a row, its end on the next line) joins the two', () => {
  assert.deepEqual(texts('经济成本指 单位成本 ≤7000元\n标 平均造价 ≤85万元'), ['经济成本指标', '单位成本', '≤7000元', '平均造价', '≤85万元']);
});

test('joinSplitLabels(the label\'s end alone after the rows beside it) joins it, lines further down', () => {
  // ziping-health.default.txt: 服务对象满意度指标 printed as "服务对象满意度" … "指标" after its row's values.
  const got = joinSplitLabels(tokenizeLines(splitLines('满意度指标 服务对象满意度\n签约居民满意度\n≥90%\n94.1%\n10\n10\n指标')));
  assert.deepEqual(got.map((t) => t.text), ['满意度指标', '服务对象满意度指标', '签约居民满意度', '≥90%', '94.1%', '10', '10']);
  assert.deepEqual(got[1].alsoLines, [7]);
});

test('joinSplitLabels(a far short token beside other cells, or a whole label) leaves them apart', () => {
  assert.deepEqual(texts('满意度指标 服务对象满意度\n签约居民满意度\n≥90%\n指标 10'), ['满意度指标', '服务对象满意度', '签约居民满意度', '≥90%', '指标', '10']);
});

test('joinSplitLabels(a beginning printed over two lines, its end alone after a page break) joins the three; an end right below is left to the grid', () => {
  // seq-notes-education.raw.txt: 可持续影响指标 in a narrow column, its row broken by the page ("2" its number).
  assert.deepEqual(texts('10 可持续\n影响指\n校舍设计使用\n年限\n≥50年 行业标\n准\n10\n2\n标\n11 满意度'),
    ['10', '可持续影响指标', '校舍设计使用', '年限', '≥50年', '行业标', '准', '10', '2', '11', '满意度']);
  assert.deepEqual(texts('满意\n度指\n标\n服务\n对象'), ['满意', '度指', '标', '服务', '对象']);
});

test('joinSplitLabels(two beginnings of one label, one end alone further down) joins the end to the nearer one', () => {
  // narrow-wrap-b5.default.txt: the 二级 piece "效益" (of 社会效益指标) above the 一级 "效益" whose "指标" comes last.
  assert.deepEqual(texts('效益 名称甲\n名称乙\n按照完\n效益 名称丙\n计划\n标准\n指标'), ['效益', '名称甲', '名称乙', '按照完', '效益指标', '名称丙', '计划', '标准']);
});
