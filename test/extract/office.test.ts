import {test} from 'node:test';
import assert from 'node:assert/strict';
import {splitLines, tokenizeLines} from '../../src/extract/lines.ts';
import {dealHeader, isBlockedRegion, joinSpacedUnits, officeHeader} from '../../src/extract/office.ts';

/** Tokens of a text (lines from 1). */
const tokensOf = (text: string) => tokenizeLines(splitLines(text));

const BLOCKS = [
  '预算单位', '', 'X县教育局', '', '项目名称', '', '学前教育专项', '', '一级指', '标', '', '二级指标', '', '862.50', '',
  '项目负责人', '其中：财政', '拨款', '', '862.50', '', '周雅琴', '', '其他资金 0.00', '', '三级指标', '',
  '幼儿园补助', '园数', '', '指标值', '', '≥45 所', '', '指标值设置 上年完成 指标分值', '依据', '', '值', '', '权重', '',
  '计划标准', '', '42 所', '', '10', '', '指标赋分规则 佐证资料',
].join('\n');

test('isBlockedRegion(tokens) tells blocks with blank lines between from double-spaced lines', () => {
  assert.equal(isBlockedRegion(tokensOf(BLOCKS)), true);
  assert.equal(isBlockedRegion(tokensOf(['a', '', 'b', '', 'c', '', 'd', '', 'e'].join('\n'))), false);
});

test('dealHeader(tokens) deals the names\' pieces out of the text around them', () => {
  const dealt = dealHeader(tokensOf(BLOCKS));
  assert.deepEqual(dealt?.columns, ['level1', 'level2', 'level3', 'target', 'basis', 'prior_year', 'weight', 'scoring_rule', 'evidence']);
  assert.deepEqual(dealt?.names.slice(4, 7), ['指标值设置依据', '上年完成值', '指标分值权重']);
});

test('officeHeader(tokens) puts metadata (labels, amounts, the leader beside its label) before the header, rows after it', () => {
  const office = officeHeader(tokensOf(BLOCKS))!;
  const meta = office.tokens.slice(0, office.header.first).map((t) => t.text);
  assert.ok(meta.includes('862.50') && meta.includes('其他资金') && meta.includes('0.00'));
  assert.equal(meta[meta.indexOf('项目负责人') + 1], '周雅琴');
  assert.deepEqual(office.tokens.slice(office.header.next).map((t) => t.text), ['幼儿园补助', '园数', '≥45', '所', '计划标准', '42', '所', '10']);
});

test('joinSpacedUnits(tokens) joins a number and the unit spaced off it, not two cells', () => {
  assert.deepEqual(joinSpacedUnits(tokensOf('≥600 人次 计划标准 15.6 万人次 10\n≤600 元/')).map((t) => t.text), ['≥600人次', '计划标准', '15.6万人次', '10', '≤600元/']);
});
