// Stage 2: lines → table regions (title line, kind, inclusive line range, whether the region ran to EOF).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {splitLines} from '../../src/extract/lines.ts';
import {isSectionHeading, locateTables, titleKind} from '../../src/extract/locate.ts';

const regions = (lines: string[]) => locateTables(splitLines(lines.join('\n')));

// --- titleKind -------------------------------------------------------------------------------------------

test('titleKind("项目支出绩效目标表") is project', () => {
  assert.equal(titleKind('项目支出绩效目标表'), 'project');
});

test('titleKind(" 项目支出绩效目标表") with the leading page-break space is project', () => {
  assert.equal(titleKind(' 项目支出绩效目标表'), 'project');
});

test('titleKind("项目支出绩效目标申报表") is project', () => {
  assert.equal(titleKind('项目支出绩效目标申报表'), 'project');
});

test('titleKind("项目支出绩效目标表（2024年）") with a bracketed suffix is project', () => {
  assert.equal(titleKind('项目支出绩效目标表（2024年）'), 'project');
});

test('titleKind("单位整体绩效目标表\\t\\t\\t") with trailing tabs is overall', () => {
  assert.equal(titleKind('单位整体绩效目标表\t\t\t'), 'overall');
});

test('titleKind(" 部门整体绩效目标表") is overall', () => {
  assert.equal(titleKind(' 部门整体绩效目标表'), 'overall');
});

test('titleKind("2024年部门整体绩效目标表") with a leading year is overall', () => {
  assert.equal(titleKind('2024年部门整体绩效目标表'), 'overall');
});

test('titleKind of a narrative sentence naming 项目支出绩效目标表 and ending with 。 is null', () => {
  assert.equal(titleKind('做在企业办退休中小学教师项目支出绩效目标表。'), null);
  assert.equal(titleKind('382万元，根据要求转移支付项目不公开项目支出绩效目标表。'), null);
});

test('titleKind of the long 上年结转 sentence of data/ is null', () => {
  const s = '本单位2025年上年结转资金859.31万元与当年财政拨款预算1015.00万元做在1995年前退休（退职）人员生活补贴同一项目支出绩效目标表。';
  assert.equal(titleKind(s), null);
});

test('titleKind of a sentence that announces the table ("…见下表：项目支出绩效目标表") is null', () => {
  assert.equal(titleKind('具体情况见下表：项目支出绩效目标表'), null);
});

test('titleKind of other tables, of a table name without 表, and of an empty line is null', () => {
  assert.equal(titleKind('一般公共预算支出表'), null);
  assert.equal(titleKind('整体绩效目标'), null);
  assert.equal(titleKind(''), null);
  assert.equal(titleKind('\t\t'), null);
});

// --- isSectionHeading ------------------------------------------------------------------------------------

test('isSectionHeading is true for "(五) 其他需说明的事项" in ASCII and full-width brackets', () => {
  assert.equal(isSectionHeading('(五) 其他需说明的事项'), true);
  assert.equal(isSectionHeading('（五）其他需说明的事项'), true);
});

test('isSectionHeading is true for "第四部分 名词解释" and " 第四部分 名词解释"', () => {
  assert.equal(isSectionHeading('第四部分 名词解释'), true);
  assert.equal(isSectionHeading(' 第四部分 名词解释'), true);
});

test('isSectionHeading is true for "五、其他"', () => {
  assert.equal(isSectionHeading('五、其他'), true);
});

test('isSectionHeading is false for grid text, a bare numeral and an empty line', () => {
  assert.equal(isSectionHeading('产出指标'), false);
  assert.equal(isSectionHeading('五 其他'), false);
  assert.equal(isSectionHeading(''), false);
});

test('isSectionHeading is false for a line longer than 40 characters', () => {
  assert.equal(isSectionHeading('(五) ' + '说'.repeat(40)), false);
});

test('isSectionHeading is false for an enumerated goal sentence "（一）保障退休人员生活费按时足额发放；"', () => {
  assert.equal(isSectionHeading('（一）保障退休人员生活费按时足额发放；'), false);
});

// --- locateTables ----------------------------------------------------------------------------------------

test('locateTables: a region ends at the line before the next title', () => {
  assert.deepEqual(regions(['前言', '项目支出绩效目标表', '预算单位 X', '项目名称 Y', '项目支出绩效目标表', '预算单位 Z']), [
    {kind: 'project', title: '项目支出绩效目标表', titleLine: 2, start: 2, end: 4, toEndOfFile: false},
    {kind: 'project', title: '项目支出绩效目标表', titleLine: 5, start: 5, end: 6, toEndOfFile: true},
  ]);
});

test('locateTables: a region ends before "(五) 其他需说明的事项" and is not to end of file', () => {
  assert.deepEqual(regions(['项目支出绩效目标表', '预算单位 X', '项目名称 Y', '', '(五) 其他需说明的事项', '说明文字']), [
    {kind: 'project', title: '项目支出绩效目标表', titleLine: 1, start: 1, end: 3, toEndOfFile: false},
  ]);
});

test('locateTables: a region ends before "第四部分 名词解释"', () => {
  assert.deepEqual(regions(['单位整体绩效目标表\t\t\t', '单位名称\tX', '第四部分 名词解释', '一、财政拨款收入']), [
    {kind: 'overall', title: '单位整体绩效目标表', titleLine: 1, start: 1, end: 2, toEndOfFile: false},
  ]);
});

test('locateTables: the last region runs to EOF with toEndOfFile true and trailing blank and rule lines trimmed', () => {
  assert.deepEqual(regions([' 项目支出绩效目标表', '预算单位 X', '产出指标', '', '---|---', '', '']), [
    {kind: 'project', title: '项目支出绩效目标表', titleLine: 1, start: 1, end: 3, toEndOfFile: true},
  ]);
});

test('locateTables: blank lines before the next title are trimmed from the region', () => {
  const r = regions(['项目支出绩效目标表', '预算单位 X', '', '', '部门整体绩效目标表', '部门名称 Y']);
  assert.deepEqual(r.map((x) => [x.kind, x.start, x.end, x.toEndOfFile]), [['project', 1, 2, false], ['overall', 5, 6, true]]);
});

test('locateTables: a title followed only by blank lines is a one-line region', () => {
  assert.deepEqual(regions(['项目支出绩效目标表', '', '']), [
    {kind: 'project', title: '项目支出绩效目标表', titleLine: 1, start: 1, end: 1, toEndOfFile: true},
  ]);
});

test('locateTables: the title is stored compact and the kind follows it', () => {
  const [r] = regions(['2024 年 部门整体绩效目标表', '部门名称 X']);
  assert.deepEqual([r.kind, r.title], ['overall', '2024年部门整体绩效目标表']);
});

test('locateTables: a narrative sentence mentioning the table opens no region', () => {
  assert.deepEqual(regions(['做在同一项目支出绩效目标表。', '正文', '(五) 其他需说明的事项']), []);
});

test('locateTables: a numbered 项目总体目标 sentence does not end the table', () => {
  const r = regions([
    '项目支出绩效目标表', '项目总体目标', '（一）保障退休人员生活费按时足额发放；', '（二）提高服务水平。',
    '一级指标\t二级指标\t三级指标\t指标值', '产出指标\t数量指标\t人数\t≥2 人', '(五) 其他需说明的事项',
  ]);
  assert.deepEqual(r.map((x) => [x.start, x.end, x.toEndOfFile]), [[1, 6, false]]);
});

// --- a section paragraph printed inside a table's last page (reading-order dumps) --------------------------

test('locateTables runs a table on past a (五) paragraph to its page end when the page goes on with grid text', () => {
  const lines = [
    '部门整体绩效目标表', '一级指标 二级指标', '三级指标', '\f一级指标 二级指标', '满意度指标', '沿线群众满意度',
    '（五）其他需说明的事项', '本部门项目支出绩效目标表另行公开。', '', '指标值', '≥90%', '分值权重', '5', '', '\f',
  ];
  const [r] = regions(lines);
  assert.deepEqual({end: r.end, aside: r.aside, toEndOfFile: r.toEndOfFile}, {end: 13, aside: [7, 8], toEndOfFile: false});
});

test('locateTables ends a table at a (五) paragraph followed by prose or a page number only', () => {
  const page = ['项目支出绩效目标表', '一级指标 二级指标 三级指标', '产出指标', '（五）其他需说明的事项', '无。', ''];
  assert.deepEqual(regions([...page, '1', '', '\f']).map((r) => [r.end, r.aside]), [[3, undefined]]);
  const prose = '本部门严格按照预算绩效管理要求开展工作，各项目绩效目标设置合理，指标值明确可衡量，完成情况良好。';
  assert.deepEqual(regions([...page, prose, '≥90%', '5', '\f']).map((r) => [r.end, r.aside]), [[3, undefined]]);
});
