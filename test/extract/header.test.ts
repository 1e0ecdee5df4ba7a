// Stage 3: the tokens between a title and its grid → TableMeta (parseMeta), and the grid's column header
// (findGridHeader). Inputs are small synthetic token streams built like the pipeline builds them.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {findGridHeader, parseMeta} from '../../src/extract/header.ts';
import {splitLines, tokenizeLines} from '../../src/extract/lines.ts';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {extractText} from '../../src/index.ts';

const tokens = (lines: string[]) => tokenizeLines(splitLines(lines.join('\n')));
const meta = (lines: string[], kind: 'project' | 'overall' = 'project', title = '项目支出绩效目标表') =>
  parseMeta(tokens(lines), kind, title);
/** Lines of a wrapped dump: one text per line, blank lines between. */
const wrapped = (lines: string[]) => lines.join('\n\n').split('\n');

// --- parseMeta -------------------------------------------------------------------------------------------

test('parseMeta reads a tabbed project header with 年度预算总额 / 其中：财政拨款 / 其他资金', () => {
  const m = meta([
    '(2024 年)',
    '预算单位\t\t巴州社会保险中心\t\t',
    '项目名称\t\t社保经办项目\t\t项目负责人\t艾尼瓦尔·塔依尔\t',
    '项目资金(万元)\t\t年度预算总额\t99.00\t其中：财政拨款\t99.00\t其他资金\t0.00\t',
    '项目总体目标\t\t按时足额缴纳社保费。\t\t',
  ]);
  assert.deepEqual(m, {
    year: 2024, unit: '巴州社会保险中心', project: '社保经办项目', leader: '艾尼瓦尔·塔依尔', phone: null, department: null,
    goal: '按时足额缴纳社保费。', budget_total: 99, budget_fiscal: 99, budget_other: 0, budget_upper: null,
    budget_local: null, budget_total_source: 'printed',
    lines: {year: 1, unit: 2, project: 3, leader: 3, budget_total: 4, budget_fiscal: 4, budget_other: 4, goal: 5},
    unclaimed: [], badAmounts: [], pageNumbers: [],
  });
});

test('parseMeta reads labels followed by full-width colons', () => {
  const m = meta([
    '预算单位：X中心', '项目名称：Y项目', '项目负责人：王栋',
    '项目资金(万元)\t年度预算总额：99.00\t其中：财政拨款：90.00\t其他资金：9.00', '项目总体目标：做好工作。',
  ]);
  assert.deepEqual([m.unit, m.project, m.leader, m.goal], ['X中心', 'Y项目', '王栋', '做好工作。']);
  assert.deepEqual([m.budget_total, m.budget_fiscal, m.budget_other, m.budget_total_source], [99, 90, 9, 'printed']);
});

test('parseMeta reads a wrapped header whose labels are split over lines ("项目资金(万" / "元)", "其中：财政拨" / "款")', () => {
  const m = meta([
    ...wrapped(['（2024 年）', '预算单位 昌吉州社会保险中心', '项目名称 95 年以前退休人员生活费 项目负责人 王栋', '项目资金(万', '元)']),
    '年度预算总额 127.44', '', '其中：财政拨', '', '款', '127.44 其他资金 0.00', '', '项目总体目标', '', '保证补助发放工作。',
  ]);
  assert.deepEqual(m, {
    year: 2024, unit: '昌吉州社会保险中心', project: '95年以前退休人员生活费', leader: '王栋', phone: null, department: null,
    goal: '保证补助发放工作。', budget_total: 127.44, budget_fiscal: 127.44, budget_other: 0, budget_upper: null,
    budget_local: null, budget_total_source: 'printed',
    lines: {year: 1, unit: 3, project: 5, leader: 5, budget_total: 10, budget_fiscal: 15, budget_other: 15, goal: 17},
    unclaimed: [], badAmounts: [], pageNumbers: [],
  });
});

test('parseMeta: an overall header with 上级安排/本级安排/其他 and no printed total computes budget_total', () => {
  const m = meta([
    ...wrapped(['（2024 年）', '部门名称（盖章） 昌吉州社会保险管理局本级', '部门联系人 张旖轩 联系电话 2206150', '年度绩效目标', '提高社会保障水平。',
      '年度预算(万元)', '资金来源 资金总额（万元）', '财政资金（万元）']),
    '上级安排 0.00', '', '本级安排 1,623.00', '', '其他资金（万元） 其他 80.00',
  ], 'overall', '部门整体绩效目标表');
  assert.deepEqual(m, {
    year: 2024, unit: '昌吉州社会保险管理局本级', project: null, leader: '张旖轩', phone: '2206150', department: null,
    goal: '提高社会保障水平。', budget_total: 1703, budget_fiscal: 1623, budget_other: 80, budget_upper: 0,
    budget_local: 1623, budget_total_source: 'computed',
    lines: {year: 1, unit: 3, leader: 5, phone: 5, goal: 7, budget_upper: 16, budget_local: 18, budget_other: 20, budget_fiscal: 16, budget_total: 16},
    unclaimed: [], badAmounts: [], pageNumbers: [],
  });
});

test('parseMeta reads amounts with thousands separators ("1,623.00")', () => {
  const m = meta(['项目资金(万元) 年度预算总额 1,623.00 其中：财政拨款 1,600.50 其他资金 22.50']);
  assert.deepEqual([m.budget_total, m.budget_fiscal, m.budget_other], [1623, 1600.5, 22.5]);
});

test('parseMeta converts amounts in 元 ("项目资金（元）" … "年度预算总额 1,274,400") to 万元', () => {
  const m = meta(['预算单位 X中心', '项目名称 Y', '项目资金（元）', '年度预算总额 1,274,400', '其中：财政拨款 1,000,000', '其他资金 274,400']);
  assert.deepEqual([m.budget_total, m.budget_fiscal, m.budget_other, m.budget_total_source], [127.44, 100, 27.44, 'printed']);
});

test('parseMeta: a project header without 其他资金 derives it as total − fiscal', () => {
  const m = meta(['项目资金(万元) 年度预算总额 50.00 其中：财政拨款 30.00']);
  assert.deepEqual([m.budget_total, m.budget_fiscal, m.budget_other, m.budget_total_source], [50, 30, 20, 'printed']);
});

test('parseMeta: label words like 财政资金 mid-line in 项目总体目标 are not read as amounts', () => {
  const m = meta([
    '预算单位\tX中心', '项目名称\tY',
    '项目资金(万元)\t年度预算总额\t50.00\t其中：财政拨款\t50.00\t其他资金\t0.00',
    '项目总体目标\t使用财政资金 30 万元和其他资金 20 万元，总额 50 万元。',
  ]);
  assert.equal(m.goal, '使用财政资金30万元和其他资金20万元，总额50万元。');
  assert.deepEqual([m.budget_total, m.budget_fiscal, m.budget_other], [50, 50, 0]);
  assert.deepEqual(m.badAmounts, []);
});

test('parseMeta: a narrative goal on its own lines keeps mid-line label words ("统筹财政资金 30 万元与其他资金 20 万元")', () => {
  const m = meta([
    '项目资金(万元) 年度预算总额 50.00 其中：财政拨款 50.00 其他资金 0.00', '项目总体目标',
    '统筹财政资金 30 万元与其他资金 20 万元，保障发放。',
  ]);
  assert.equal(m.goal, '统筹财政资金30万元与其他资金20万元，保障发放。');
  assert.deepEqual([m.budget_total, m.budget_fiscal, m.budget_other], [50, 50, 0]);
});

test('parseMeta: a goal line wrapped so that it starts with "财政资金 30 万元，" stays in the goal', () => {
  const m = meta([
    '项目资金(万元) 年度预算总额 50.00 其中：财政拨款 50.00 其他资金 0.00', '项目总体目标',
    '统筹使用上年结余与', '财政资金 30 万元，保障发放。',
  ]);
  assert.equal(m.goal, '统筹使用上年结余与财政资金30万元，保障发放。');
  assert.deepEqual([m.budget_total, m.budget_fiscal, m.budget_other], [50, 50, 0]);
});

test('parseMeta reports an amount label whose value is not a number', () => {
  const m = meta(['项目资金(万元) 年度预算总额 待定 其中：财政拨款 10.00']);
  assert.deepEqual(m.badAmounts, [{label: 'budget_total', value: '待定', line: 1}]);
  assert.deepEqual([m.budget_total, m.budget_fiscal, m.budget_total_source], [10, 10, 'computed']);
});

test('parseMeta: text before the first label that is not a year is unclaimed', () => {
  const m = meta(['（2024 年）', '填报日期 1 月', '预算单位 X中心']);
  assert.equal(m.year, 2024);
  assert.deepEqual(m.unclaimed.map((t) => [t.text, t.line]), [['填报日期', 2], ['1', 2], ['月', 2]]);
});

test('parseMeta reads "金额单位：元" under the title: amounts in 元 unless a label names 万元', () => {
  const m = meta(['金额单位：元', '预算单位 X中心', '项目资金 年度预算总额 1,274,400 其中：财政拨款 1,074,400 其他资金 200,000']);
  assert.deepEqual([m.budget_total, m.budget_fiscal, m.budget_other, m.unclaimed.length], [127.44, 107.44, 20, 0]);
  const wan = meta(['单位：万元', '预算单位 X中心', '项目资金 年度预算总额 99.00 其中：财政拨款 99.00 其他资金 0']);
  assert.deepEqual([wan.budget_total, wan.unclaimed.length], [99, 0]);
  const named = meta(['金额单位：元', '项目资金（万元） 年度预算总额 99.00 其中：财政拨款 99.00 其他资金 0']);
  assert.equal(named.budget_total, 99);
});

test('parseMeta reads the Ministry of Finance 申报表 header: 主管部门及代码 (unit when no 实施单位), 年度资金总额, the goal under 年度目标', () => {
  const m = meta(['项目名称 X工程', '主管部门及', '代码 A局 实施单位 B中心', '项目资金', '（万元）', '年度资金总额 1,860.00',
    '其中：财政拨款 1,600.00', '其他资金 260.00', '总体目标', '年度目标', '目标1：完成X。']);
  assert.deepEqual([m.project, m.department, m.unit, m.budget_total, m.budget_fiscal, m.budget_other, m.goal],
    ['X工程', 'A局', 'B中心', 1860, 1600, 260, '目标1：完成X。']);
  assert.equal(meta(['项目名称 X工程', '主管部门及代码 A局']).unit, 'A局');
});

test('parseMeta reads a task table\'s 金额合计 row under amount labels printed as column heads, not its task rows', () => {
  const m = meta(['部门（单位）名称 X局', '年度主要任务 任务名称 主要内容 预算金额（万元）', '总额 财政拨款 其他资金',
    '任务一 做A 3,120.00 2,980.00 140.00', '任务二 做B 96.70 86.70 10.00', '金额合计 3,216.70 3,066.70 150.00', '年度总体目标 完成A和B。'], 'overall');
  assert.deepEqual([m.unit, m.budget_total, m.budget_fiscal, m.budget_other, m.goal, m.badAmounts], ['X局', 3216.7, 3066.7, 150, '完成A和B。', []]);
});

test('parseMeta takes the year from the title when the header prints none', () => {
  const m = meta(['预算单位 X中心'], 'overall', '2024年部门整体绩效目标表');
  assert.deepEqual([m.year, m.unit], [2024, 'X中心']);
});

// --- findGridHeader --------------------------------------------------------------------------------------

const PROJECT_COLUMNS = ['level1', 'level2', 'level3', 'target', 'basis', 'prior_year', 'weight', 'scoring_rule', 'evidence'];
const PROJECT_NAMES = ['一级指标', '二级指标', '三级指标', '指标值', '指标值设置依据', '上年完成值', '指标分值权重', '指标赋分规则', '佐证资料'];

test('findGridHeader reads a wrapped header whose names are split ("一级"/"指标", "指标值设置依"/"据")', () => {
  const ts = tokens(wrapped(['一级', '指标', '二级', '指标', '三级指标', '指标', '值', '指标值设置依', '据', '上年', '完成', '值',
    '指标', '分值', '权重', '指标赋分规则 佐证资料', '产出', '指标']));
  const h = findGridHeader(ts);
  assert.deepEqual(h, {first: 0, next: 17, remainder: null, columns: PROJECT_COLUMNS, names: PROJECT_NAMES});
  assert.equal(ts[h!.next].text, '产出');
});

test('findGridHeader reads a flat header whose unit is wrapped inside its column ("项目资金（万" … "元）"), names as printed', () => {
  const ts = tokens(['项目名称    项目资金（万      年度绩效目标       一级指标    二级指标     三级指标        指标值 指标值设置依据 分值',
    '            元）', '公共文化服务体系   保障 12 个']);
  const h = findGridHeader(ts);
  assert.deepEqual(h?.columns, ['project', 'project_budget', 'project_goal', 'level1', 'level2', 'level3', 'target', 'basis', 'weight']);
  assert.deepEqual(h?.names, ['项目名称', '项目资金', '年度绩效目标', '一级指标', '二级指标', '三级指标', '指标值', '指标值设置依据', '分值']);
  assert.equal(ts[h!.next].text, '公共文化服务体系');
});

test('findGridHeader reads header names split by spaces inside tab cells ("一级 指标", "指标值设 置依据")', () => {
  const h = findGridHeader(tokens(['一级 指标\t二级 指标\t三级 指标\t指标值\t指标值设 置依据\t上年 完成值\t指标分值 权重\t指标赋 分规则\t佐证 资料']));
  assert.deepEqual(h, {first: 0, next: 17, remainder: null, columns: PROJECT_COLUMNS, names: PROJECT_NAMES});
});

test('findGridHeader reads an 8-column header (no 指标赋分规则)', () => {
  const h = findGridHeader(tokens(['一级指标\t二级指标\t三级指标\t指标值\t指标值设置依据\t上年完成值\t指标分值权重\t佐证资料\t']));
  assert.deepEqual(h, {
    first: 0, next: 8, remainder: null,
    columns: ['level1', 'level2', 'level3', 'target', 'basis', 'prior_year', 'weight', 'evidence'],
    names: ['一级指标', '二级指标', '三级指标', '指标值', '指标值设置依据', '上年完成值', '指标分值权重', '佐证资料'],
  });
});

test('findGridHeader reads a 6-column overall header', () => {
  const h = findGridHeader(tokens(['一级指标 二级指标 三级指标 指标值 指标设定依据 分值权重', '', '履职效能']));
  assert.deepEqual(h, {
    first: 0, next: 6, remainder: null,
    columns: ['level1', 'level2', 'level3', 'target', 'basis', 'weight'],
    names: ['一级指标', '二级指标', '三级指标', '指标值', '指标设定依据', '分值权重'],
  });
});

test('findGridHeader starts after the metadata and returns the text glued to the last name as remainder', () => {
  const h = findGridHeader(tokens(['预算单位 X', '一级指标\t二级指标\t三级指标\t指标值\t分值权重产出指标']));
  assert.deepEqual(h, {
    first: 2, next: 7, remainder: '产出指标',
    columns: ['level1', 'level2', 'level3', 'target', 'weight'], names: ['一级指标', '二级指标', '三级指标', '指标值', '分值权重'],
  });
});

test('findGridHeader reads names with a "(必填)" suffix and the 申报表 aliases', () => {
  const h = findGridHeader(tokens(['一级指标(必填)\t二级指标(必填)\t指标内容\t指标性质\t指标值\t度量单位\t绩效标准\t权重']));
  assert.deepEqual(h?.columns, ['level1', 'level2', 'level3', 'target_nature', 'target', 'target_unit', 'basis', 'weight']);
});

test('findGridHeader returns null for text without a header', () => {
  assert.equal(findGridHeader(tokens(['项目总体目标 做好工作。', '产出指标 数量指标 人数 ≥2 人'])), null);
});

test('findGridHeader returns null for fewer than three names or names without a 三级/指标值 column', () => {
  assert.equal(findGridHeader(tokens(['一级指标 二级指标'])), null);
  assert.equal(findGridHeader(tokens(['一级指标 二级指标 分值权重'])), null);
});

test('findGridHeader from a later index finds the repeated header after it', () => {
  const ts = tokens(['一级指标 二级指标 三级指标 指标值', '产出指标', '一级指标 二级指标 三级指标 指标值']);
  assert.deepEqual([findGridHeader(ts, 0)?.first, findGridHeader(ts, 0)?.next], [0, 4]);
  assert.deepEqual([findGridHeader(ts, 4)?.first, findGridHeader(ts, 4)?.next], [5, 9]);
});

test('findGridHeader may start inside a header: three names from index 1 are a header', () => {
  const ts = tokens(['一级指标 二级指标 三级指标 指标值', '产出指标']);
  assert.deepEqual(findGridHeader(ts, 1)?.columns, ['level2', 'level3', 'target']);
});

// --- parseMeta on reading-order dumps (pdftotext default / -layout): header lines as printed in the rendered
// corpus (test/fixtures/rendered/), expected values from its expected.json.

test('parseMeta: labels printed in a column before their values get them in order; a year line among them is the year', () => {
  // bundled-001-long.default.txt
  const m = meta(['预算单位', '项目名称', '', '(2024 年)', '', '巴音郭楞蒙古自治州社会保险中心', '2024年社会保险经办服务和中心运行项目',
    '项目负责人 艾尼瓦尔·塔', '依尔', '其他资', '项目资金(万元)', '年度预算总额', '99.00 其中：财', '0.00', '政拨款 99.00 金']);
  assert.deepEqual([m.year, m.unit, m.project, m.leader], [2024, '巴音郭楞蒙古自治州社会保险中心', '2024年社会保险经办服务和中心运行项目', '艾尼瓦尔·塔依尔']);
  assert.deepEqual([m.budget_total, m.budget_fiscal, m.budget_other], [99, 99, 0]);
});

test('parseMeta joins a label split around its value ("项目负" 马海燕 … "责人") and drops label pieces ending a value ("其")', () => {
  // narrow-wrap-b5.layout.txt
  const m = meta(['（2025 年）', '预算单位 青山县医疗保障局', '项目名称 困难群众医疗救助资金 项目负 马海燕', '责人', '其',
    '项目资金 年度预算 486.50 中： 486.50 其他 0.00', '（万元） 总额 财政 资金', '拨款']);
  assert.deepEqual([m.unit, m.project, m.leader], ['青山县医疗保障局', '困难群众医疗救助资金', '马海燕']);
  assert.deepEqual([m.budget_total, m.budget_fiscal, m.budget_other], [486.5, 486.5, 0]);
});

test('parseMeta: values waiting labels fill them even when a split label ("项目负责" … "人") sits among them', () => {
  // ziping-health.default.txt
  const m = meta(['预算单位', '项目名称', '项目资金（万元）', '预算执行情况', '年度总体目标完成情况', '一级指标', '二级指标', '',
    '（2024年度）', '', '柳林县卫生健康局', '项目负责', '家庭医生签约服务补助', '郭文斌', '人', '年度预算总额',
    '356.00 其中：财政拨款 320.00 其他资金', '36.00']);
  assert.deepEqual([m.year, m.unit, m.project, m.leader], [2024, '柳林县卫生健康局', '家庭医生签约服务补助', '郭文斌']);
  assert.deepEqual([m.budget_total, m.budget_fiscal, m.budget_other], [356, 320, 36]);
});

test('parseMeta: "（盖章）" printed under the unit is not part of it; "部门联系" … "人" is the leader label', () => {
  // repeated-header-overall-transport.default.txt
  const m = meta(['（2025 年）', '部门名称 梅岭县交通运输局', '（盖章）', '部门联系', '刘建华', '联系电话', '0797-6623145', '人'], 'overall', '部门整体绩效目标表');
  assert.deepEqual([m.year, m.unit, m.leader, m.phone], [2025, '梅岭县交通运输局', '刘建华', '0797-6623145']);
});

test('parseMeta reads a scrambled funding block by 总额 = 财政拨款 + 其他资金, amounts in 元 converted', () => {
  // exec-rate-education.default.txt: the amounts follow no label
  const m = meta(['预算单位 南溪县教育局', '项目名称 学前教育发展专项资金', '项目负责人', '周雅琴', '项目资金（万 年度预算总额', '其他资',
    '862.50 其中：财', '0.00', '元）', '政拨款 862.50 金', '项目总体目标 支持']);
  assert.deepEqual([m.leader, m.budget_total, m.budget_fiscal, m.budget_other, m.badAmounts], ['周雅琴', 862.5, 862.5, 0, []]);
  // yuan-pifu-transport.default.txt: 其他资金 is the smaller part
  const y = meta(['预算单位 永宁县交通运输局', '项目名称 城乡公交运营补贴', '项目负责人', '黄志强', '其他资',
    '项目资金（元） 年度预算总额 1,274,400 其中：财', '200,000', '政拨款 1,074,400 金', '项目总体目标 对全县']);
  assert.deepEqual([y.leader, y.budget_total, y.budget_fiscal, y.budget_other], ['黄志强', 127.44, 107.44, 20]);
});

test('parseMeta diagnoses a lone page number between header lines instead of gluing it onto the value above', () => {
  const m = meta(['预算单位 X中心', '项目名称 Y项目      项目负责人 周先生', '', '        1', '\f  项目资金（万元） 年度预算总额 10.00 其中：财政拨款 10.00 其他资金 0.00']);
  assert.equal(m.leader, '周先生');
  assert.deepEqual(m.pageNumbers.map((t) => [t.text, t.line]), [['1', 4]]);
  assert.deepEqual([m.budget_total, m.budget_fiscal, m.budget_other], [10, 10, 0]);
});

test('parseMeta joins a funding label wrapped in a narrow cell, one piece a line ("其" / "中：" / "财政" / "拨款")', () => {
  const m = meta([
    '                  其        其',
    '项目资金 年度预算 486.50 中： 486.50 他    0.00',
    '（万元） 总额          财政        资',
    '                 拨款        金',
  ]);
  assert.deepEqual([m.budget_total, m.budget_fiscal, m.budget_other], [486.5, 486.5, 0]);
});

test('parseMeta gives a value printed above its label, a cell gap right of the value before it, to that label ("艾尼瓦尔·塔依" / "项目负责人 尔")', () => {
  const lines = ['   项目名称    社会保险经办项目            艾尼瓦尔·塔依', '                  项目负责人  尔'];
  const m = parseMeta(tokens(lines), 'project', '项目支出绩效目标表', (no) => lines[no - 1]);
  assert.deepEqual([m.project, m.leader], ['社会保险经办项目', '艾尼瓦尔·塔依尔']);
});

// The rendered specs re-rendered with other font sizes and line heights (test/fixtures/rendered-variants/<v>/):
// header fields as the spec's expected.json gives them.
const VARIANTS = join(import.meta.dirname, '..', 'fixtures', 'rendered-variants');
const META_FIELDS = ['unit', 'project', 'leader', 'budget_total', 'budget_fiscal', 'budget_other'] as const;

/** Expected and read header fields of table `k` of a variant's -layout dump. */
function variantMeta(variant: string, spec: string, k: number): [unknown[], unknown[]] {
  const dir = join(VARIANTS, variant);
  const expected = JSON.parse(readFileSync(join(dir, `${spec}.expected.json`), 'utf8')).tables[k] as Record<string, unknown>;
  const got = extractText(readFileSync(join(dir, `${spec}.layout.txt`), 'utf8'), {file: spec}).tables[k] as unknown as Record<string, unknown>;
  return [META_FIELDS.map((f) => got[f] ?? null), META_FIELDS.map((f) => expected[f] ?? null)];
}

test('extractText(rendered-variants/{f-0.5,lh1.2}/bundled-002-pair.layout.txt) reads the leader without the page number printed below it', () => {
  assert.deepEqual(...variantMeta('f-0.5', 'bundled-002-pair', 1));
  assert.deepEqual(...variantMeta('lh1.2', 'bundled-002-pair', 1));
});

test('extractText(rendered-variants/f-0.8-lh1.45/*.layout.txt) reads a leader wrapped around its label and funding labels wrapped one piece a line', () => {
  assert.deepEqual(...variantMeta('f-0.8-lh1.45', 'bundled-001-long', 0));
  assert.deepEqual(...variantMeta('f-0.8-lh1.45', 'narrow-wrap-b5', 0));
});

test('parseMeta reads a task table printed column by column (pdfminer): each head\'s amount that sums the others is the table\'s', () => {
  const m = meta(['部门（单位）名称', 'X局', '年度主要任务', '任务名称', '主要内容', '任务一 做A', '任务二 做B', '金额合计', '总额', '3,120.00', '96.70',
    '3,216.70', '预算金额（万元）', '财政拨款', '2,980.00', '86.70', '3,066.70', '其他资金', '140.00', '10.00', '150.00', '年度总体目标', '完成A和B。'], 'overall');
  assert.deepEqual([m.unit, m.budget_total, m.budget_fiscal, m.budget_other, m.badAmounts], ['X局', 3216.7, 3066.7, 150, []]);
});
