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

test('dealHeader(tokens) reads a name with its suffix begun ("二级指标(必") as the name, its suffix ended apart ("填)")', () => {
  const dealt = dealHeader(tokensOf(['一级指标 二级指标(必 三级指标(必 指标值(必', '(必填)', '', '填)', '', '农村公路', '', '填)', '', '上年完成值', '', '分值'].join('\n')));
  assert.deepEqual(dealt?.columns, ['level1', 'level2', 'level3', 'target', 'prior_year', 'weight']);
  assert.deepEqual(dealt?.names.slice(0, 4), ['一级指标', '二级指标', '三级指标', '指标值']);
});

test('officeHeader(tokens) takes a label whose end is printed a few blocks before its beginning ("金" … "其他资") and amounts in 元', () => {
  const text = BLOCKS.replace('其他资金 0.00', '金').replace('园数', '园数\n\n其他资\n\n1,274,400');
  const office = officeHeader(tokensOf(text))!;
  const meta = office.tokens.slice(0, office.header.first).map((t) => t.text);
  assert.ok(meta.includes('金') && meta.includes('其他资') && meta.includes('1,274,400'));
  assert.ok(!office.tokens.slice(office.header.next).some((t) => ['金', '其他资', '1,274,400'].includes(t.text)));
});

test('officeHeader(tokens) takes no unit\'s end wrapped off its value ("≥12000 平" / "积" / "方米") for the leader\'s name', () => {
  const text = BLOCKS.replace('周雅琴', '改扩建校舍面\n\n≥12000 平\n\n积\n\n方米');
  const office = officeHeader(tokensOf(text))!;
  assert.ok(office.tokens.slice(office.header.next).some((t) => t.text === '方米'));
});
