// Several projects in one flat table (a 项目名称 column merged over each project's rows): one table per project,
// checked against the hand-written variant fixture and the rendered corpus (expected rows from the spec).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {extractText} from '../../src/index.ts';
import {groupByProject, ownersByWeight, projectsInGrid} from '../../src/extract/flat.ts';
import {splitLines, tokenizeLines} from '../../src/extract/lines.ts';
import type {Indicator} from '../../src/types.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const read = (...path: string[]): string => readFileSync(join(FIXTURES, ...path), 'utf8').replace(/^\uFEFF/, '');

test('groupByProject: a new name starts a project; unnamed rows stay with it; leading rows join the first', () => {
  const groups = groupByProject([
    {project: '', budget: '', goal: ''},
    {project: '甲项目', budget: '1,274,400', goal: '目标甲'},
    {project: '', budget: '', goal: ''},
    {project: '乙项目', budget: 'x', goal: ''},
    {project: '乙项目', budget: '', goal: '目标乙'},
  ], true);
  assert.deepEqual(groups, [
    {project: '甲项目', budget: 127.44, goal: '目标甲', rows: [0, 1, 2]},
    {project: '乙项目', budget: null, goal: '目标乙', rows: [3, 4]},
  ]);
});

test('extractText(variants/flat-projects-yuan.txt): two projects, 项目资金（元） in 万元, lines split between them', () => {
  const {tables, diagnostics} = extractText(read('variants', 'flat-projects-yuan.txt'), {file: 'f.txt'});
  assert.deepEqual(tables.map((t) => [t.project, t.budget_total, t.goal, t.unit, t.year, t.template, t.lines, t.indicators.length]), [
    ['特困人员救助供养资金', 356, '保障特困人员基本生活', '某市民政局', 2025, 'multi-project', [1, 7], 4],
    ['养老服务体系建设补助', 82.05, '新建社区养老服务站点6个', '某市民政局', 2025, 'multi-project', [8, 11], 4],
  ]);
  assert.deepEqual(tables[0].columns, ['一级指标', '二级指标', '三级指标', '指标值', '权重']);
  const r = tables[1].indicators[1];
  assert.deepEqual([r.level1, r.level2, r.level3, r.target, r.weight, r.lines], ['产出指标', '时效指标', '站点建成时间', '2025年10月前', 20, [9, 9]]);
  assert.deepEqual(tables.map((t) => t.indicators.reduce((a, x) => a + (x.weight ?? 0), 0)), [100, 90]);
  for (const t of tables) {
    const s = t.line_stats;
    assert.equal(s.seen, s.used + s.blank + s.diagnosed, `line accounting of ${t.project}`);
    assert.equal(s.seen, t.lines[1] - t.lines[0] + 1);
    assert.ok(t.indicators.every((x) => !('project' in x)), 'project columns are lifted out of the rows');
  }
  assert.deepEqual(diagnostics.map((d) => [d.code, d.line, d.endLine]), [['projects-split', 1, 11]]);
});

for (const mode of ['raw', 'libreoffice']) {
  test(`extractText(rendered/flat-projects-culture.${mode}.txt): three projects, every row as the spec printed it`, () => {
    const expected = JSON.parse(read('rendered', 'flat-projects-culture.expected.json')).tables as Array<Record<string, unknown>>;
    const got = extractText(read('rendered', `flat-projects-culture.${mode}.txt`), {file: mode}).tables;
    assert.deepEqual(got.map((t) => [t.project, t.budget_total, t.budget_fiscal, t.leader, t.unit, t.year, t.columns]),
      expected.map((e) => [e.project, e.budget_total, e.budget_fiscal, e.leader, e.unit, e.year, e.columns]));
    const cells = (rows: ReadonlyArray<object>): unknown[][] => rows.map((x) => {
      const r = x as Record<string, unknown>;
      return [r.level1, r.level2, r.level3, r.target, r.basis, r.weight];
    });
    got.forEach((t, k) => assert.deepEqual(cells(t.indicators), cells(expected[k].indicators as object[]), `table ${k}`));
    assert.equal(got[1].goal, '完成县级文物保护单位古戏台和祠堂3处修缮，消除文物安全隐患。');
    for (let k = 1; k < got.length; k++) assert.equal(got[k].lines[0], got[k - 1].lines[1] + 1, 'tables tile the region');
    for (const t of got) assert.equal(t.line_stats.seen, t.line_stats.used + t.line_stats.blank + t.line_stats.diagnosed);
  });
}

test('a header-block label 年度绩效目标 or 项目资金 before a grid header does not open a flat table', () => {
  const text = ['部门整体绩效目标表', '单位名称\t某局', '年度绩效目标', '一级指标\t二级指标\t三级指标\t指标值\t指标设定依据\t分值权重',
    '履职效能\t数量指标\t办件量\t≥100件\t工作要点\t90'].join('\n');
  const t = extractText(text).tables[0];
  assert.equal(t.template, 'overall-standard');
  assert.equal(t.indicators[0].level3, '办件量');
});

test('extractText(rendered/flat-projects-culture.default.txt): the names printed among the metadata, three projects split by their weights', () => {
  const expected = JSON.parse(read('rendered', 'flat-projects-culture.expected.json')).tables as Array<Record<string, unknown>>;
  const {tables, diagnostics} = extractText(read('rendered', 'flat-projects-culture.default.txt'), {file: 'default'});
  assert.deepEqual(tables.map((t) => [t.project, t.budget_fiscal, t.leader, t.unit, t.year, t.columns, t.indicators.length]),
    expected.map((e) => [e.project, e.budget_fiscal, e.leader, e.unit, e.year, e.columns, (e.indicators as object[]).length]));
  assert.deepEqual(tables.map((t) => t.budget_total), expected.map((e) => e.budget_total));
  // Each goal as the spec prints it, its lines read among the rows (spaces around numbers dropped).
  assert.deepEqual(tables.map((t) => t.goal), [
    '保障12个乡镇综合文化站免费开放，开展送戏下乡120场，提升基层公共文化服务效能。',
    '完成县级文物保护单位古戏台和祠堂3处修缮，消除文物安全隐患。',
    '举办乡村旅游节2场，在主流媒体投放宣传6期，带动游客接待量增长。',
  ]);
  // Names, values, bases and weights row by row as the spec prints them.
  const values = (rows: ReadonlyArray<object>): unknown[][] => rows.map((x) => {
    const r = x as Record<string, unknown>;
    return [r.level1, r.level3, r.target, r.basis, r.weight];
  });
  tables.forEach((t, k) => assert.deepEqual(values(t.indicators), values(expected[k].indicators as object[]), `table ${k}`));
  const weights = tables.map((t) => t.indicators.reduce((a, x) => a + (x.weight ?? 0), 0));
  assert.deepEqual(weights, [90, 90, 90]);
  for (const t of tables) assert.equal(t.line_stats.seen, t.line_stats.used + t.line_stats.blank + t.line_stats.diagnosed, `line accounting of ${t.project}`);
  assert.ok(diagnostics.some((d) => d.code === 'projects-split'));
});

test('ownersByWeight: rows cut where the weights of each project add up to 90 or 100, one 项目资金 each', () => {
  const row = (level1: string, weight: number) => ({level1, weight}) as unknown as Indicator;
  const rows = [row('产出指标', 50), row('效益指标', 40), row('产出指标', 60), row('效益指标', 30), row('满意度指标', 10)];
  const printed = [{project: '', budget: '', goal: '甲目标'}, {project: '', budget: '12.50', goal: ''},
    {project: '', budget: '', goal: ''}, {project: '', budget: '3.00', goal: '乙'}, {project: '', budget: '', goal: '目标'}];
  assert.deepEqual(ownersByWeight(rows, printed, ['甲', '乙']), [
    {project: '甲', budget: '12.50', goal: '甲目标'}, {project: '', budget: '', goal: ''},
    {project: '乙', budget: '3.00', goal: '乙目标'}, {project: '', budget: '', goal: ''}, {project: '', budget: '', goal: ''},
  ]);
});

test('projectsInGrid: a name block and an amount, each alone between blank lines, are a project; a basis and a weight so are not', () => {
  const text = '产出指标\n\n全域旅游宣传\n推广经费\n\n45.80\n\n其他标准\n\n10\n';
  const lines = splitLines(text);
  const found = projectsInGrid(tokenizeLines(lines), (no) => lines[no - 1].text);
  assert.deepEqual(found.names, ['全域旅游宣传推广经费']);
  assert.deepEqual(found.beside.map((b) => b.budget), ['45.80']);
  assert.deepEqual(found.tokens.map((t) => t.line), [3, 4, 6]);
});

test('a project\'s header block whose funding label a wrap cut ("年度预算总" / "额：") and its 项目负责人 after 项目名称 open no flat table', () => {
  const text = ['项目支出绩效目标表', '项目名称', '甲项目', '', '建设', '项目负责人 王某', '项目资金（万元）', '年度预算总', '', '额：',
    '12.00', '项目总体目标', '完成建设。', '一级指标\t二级指标\t三级指标\t指标值\t指标值设置依据\t分值',
    '产出指标\t数量指标\t建设数量\t≥1个\t计划标准\t90'].join('\n');
  const tables = extractText(text).tables;
  assert.equal(tables.length, 1);
  assert.equal(tables[0].leader, '王某');
  assert.equal(tables[0].indicators[0].level3, '建设数量');
});
