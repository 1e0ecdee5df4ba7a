// tableCoverage / mergeCoverage / checkStructure on the bundled tables, each structural and vocabulary check
// fired and not fired (on a real row with one cell changed where no bundled row triggers it: marked synthetic).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {tableOf} from '../helpers/bundled.ts';
import {checkStructure, mergeCoverage, tableCoverage} from '../../src/analyze/coverage.ts';
import type {Indicator, Table} from '../../src/types.ts';

const real = tableOf;
const codes = (t: Table): string[] => checkStructure(t).map((f) => f.code);

/** `t` with the row named `level3` changed (or removed with null). */
function withRow(t: Table, level3: string, patch: Partial<Indicator> | null): Table {
  assert.ok(t.indicators.some((i) => i.level3 === level3), `no row ${level3}`);
  return {...t, indicators: t.indicators.flatMap((i) => (i.level3 !== level3 ? [i] : patch === null ? [] : [{...i, ...patch}]))};
}
const without = (t: Table, pred: (i: Indicator) => boolean): Table => ({...t, indicators: t.indicators.filter((i) => !pred(i))});

test('tableCoverage(002:730 1995年以前退休人员生活补贴): 7 rows, 5 quantitative, 1 date, 1 qualitative, all with a prior value', () => {
  const c = tableCoverage(real('002', 730));
  assert.equal(c.indicators, 7);
  assert.equal(c.quantitative, 5);
  assert.equal(c.date, 1);
  assert.equal(c.qualitative, 1);
  assert.equal(c.unparsed, 0);
  assert.equal(c.quantitative_share, 5 / 7);
  assert.equal(c.with_prior, 7);
  assert.equal(c.prior_share, 1);
  assert.deepEqual(c.level1_present, ['产出指标', '成本指标', '效益指标', '满意度指标']);
  assert.deepEqual(c.level2_present, ['数量指标', '质量指标', '时效指标', '经济成本指标', '社会效益指标', '满意度指标']);
  assert.deepEqual(c.types_present, ['产出-数量', '产出-质量', '产出-时效', '成本-经济', '效益-社会', '满意度']);
});

test('tableCoverage(004:1610) has no prior values (无); (000:1545 overall table) has prior_share null (no column)', () => {
  const p = tableCoverage(real('004', 1610));
  assert.equal(p.with_prior, 0);
  assert.equal(p.prior_share, 0);
  const o = tableCoverage(real('000', 1545));
  assert.equal(o.prior_share, null);
  assert.equal(o.quantitative_share, 1);
  assert.deepEqual(o.types_present, ['履职效能-数量', '履职效能-质量']);
});

test('mergeCoverage over the tables of 003 adds counts and averages the prior share over tables with the column', () => {
  const ts = [real('003', 467), real('003', 485), real('003', 510)];
  const cs = ts.map((t) => tableCoverage(t));
  const m = mergeCoverage(cs, 2);
  assert.equal(m.indicators, 6 + 14 + 11);
  assert.equal(m.with_prior, cs[1].with_prior + cs[2].with_prior);
  assert.equal(m.prior_share, m.with_prior / 25);
  assert.ok(m.level1_present.includes('管理效率'));
});

interface Case {
  code: string;
  fires: boolean;
  /** File prefix, title line, and a description of the real table or row. */
  at: [prefix: string, titleLine: number, what: string];
  /** Synthetic change, described in the test title. */
  change?: [description: string, apply: (t: Table) => Table];
}

const CASES: Case[] = [
  {code: 'missing-output', fires: true, at: ['000', 1669, '95年以前退休人员生活费'], change: ['产出 rows removed', (t) => without(t, (i) => i.level1 === '产出指标')]},
  {code: 'missing-output', fires: false, at: ['000', 1669, '95年以前退休人员生活费']},
  {code: 'missing-benefit', fires: true, at: ['000', 1821, '“金保工程”系统维护费']},
  {code: 'missing-benefit', fires: false, at: ['000', 1669, '95年以前退休人员生活费']},
  {code: 'missing-cost', fires: true, at: ['002', 764, '国有企业办中小学退休教师生活待遇补贴资金']},
  {code: 'missing-cost', fires: false, at: ['002', 730, '1995年以前退休人员生活补贴']},
  {code: 'missing-satisfaction', fires: true, at: ['000', 1669, '95年以前退休人员生活费']},
  {code: 'missing-satisfaction', fires: false, at: ['000', 1821, '“金保工程”系统维护费']},
  {code: 'missing-satisfaction', fires: false, at: ['000', 1545, 'overall table (no project structure checks)']},
  {code: 'output-missing-timeliness', fires: true, at: ['000', 1821, '“金保工程”系统维护费']},
  {code: 'output-missing-timeliness', fires: false, at: ['000', 1669, '95年以前退休人员生活费']},
  {code: 'output-missing-quantity', fires: true, at: ['000', 1669, '95年以前退休人员生活费'], change: ['数量 row removed', (t) => without(t, (i) => i.level2 === '数量指标')]},
  {code: 'output-missing-quantity', fires: false, at: ['000', 1669, '95年以前退休人员生活费']},
  {code: 'output-missing-quality', fires: true, at: ['000', 1669, '95年以前退休人员生活费'], change: ['质量 row removed', (t) => without(t, (i) => i.level2 === '质量指标')]},
  {code: 'output-missing-quality', fires: false, at: ['000', 1669, '95年以前退休人员生活费']},
  {code: 'level1-unknown', fires: true, at: ['000', 1669, '发放时间'], change: ['一级 "项目产出指标"', (t) => withRow(t, '发放时间', {level1: '项目产出指标'})]},
  {code: 'level1-unknown', fires: false, at: ['000', 1669, '95年以前退休人员生活费']},
  {code: 'level2-unknown', fires: true, at: ['000', 1669, '发放时间'], change: ['二级 "时效性指标"', (t) => withRow(t, '发放时间', {level2: '时效性指标'})]},
  {code: 'level2-unknown', fires: false, at: ['000', 1669, '95年以前退休人员生活费']},
  {code: 'level2-not-under-level1', fires: true, at: ['000', 1669, '生活费补助资金'], change: ['二级 "数量指标" under 成本指标', (t) => withRow(t, '生活费补助资金', {level2: '数量指标'})]},
  {code: 'level2-not-under-level1', fires: false, at: ['003', 467, 'overall table, 管理效率 / 质量指标']},
  {code: 'level2-unknown', fires: false, at: ['000', 1545, 'overall table with 二级 "制度建设"'], change: ['二级 制度建设: the overall list is open', (t) => ({...t, indicators: t.indicators.map((i) => ({...i, level2: '制度建设'}))})]},
  {code: 'basis-empty', fires: true, at: ['000', 1545, 'overall table'], change: ['依据 "" on 全州失业参保人数', (t) => withRow(t, '全州失业参保人数', {basis: ''})]},
  {code: 'basis-not-in-vocab', fires: true, at: ['000', 1669, '发放时间'], change: ['依据 "年度计划"', (t) => withRow(t, '发放时间', {basis: '年度计划'})]},
  {code: 'basis-not-in-vocab', fires: false, at: ['002', 730, '依据 自定义 (Xinjiang)']},
  {code: 'basis-not-in-vocab', fires: false, at: ['000', 1545, 'overall table, free-text 依据 "2024年昌吉州…工作要点"']},
  {code: 'basis-empty', fires: true, at: ['000', 1669, '发放时间'], change: ['依据 ""', (t) => withRow(t, '发放时间', {basis: ''})]},
  {code: 'basis-empty', fires: false, at: ['000', 1669, '95年以前退休人员生活费']},
  {code: 'scoring-rule-empty', fires: true, at: ['001', 607, '647 购买办公设备利用率']},
  {code: 'scoring-rule-empty', fires: false, at: ['001', 655, '2024年失业保险宣传项目（自有资金）']},
  {code: 'scoring-rule-not-in-vocab', fires: true, at: ['000', 1669, '发放时间'], change: ['赋分规则 "按时完成得满分"', (t) => withRow(t, '发放时间', {scoring_rule: '按时完成得满分'})]},
  {code: 'scoring-rule-not-in-vocab', fires: false, at: ['003', 485, '按照正常比例赋分 (variant)']},
  {code: 'evidence-empty', fires: true, at: ['001', 607, '641 辞去现职保留公职人员每人每月缴纳社保费']},
  {code: 'evidence-empty', fires: false, at: ['002', 730, '"原始凭证，工作资料" lists']},
  {code: 'evidence-not-in-vocab', fires: true, at: ['000', 1669, '发放时间'], change: ['佐证资料 "照片"', (t) => withRow(t, '发放时间', {evidence: '照片'})]},
  {code: 'evidence-not-in-vocab', fires: false, at: ['002', 781, '"工作资料,说明材料,正式材料" lists']},
  {code: 'budget-standard-on-non-cost', fires: true, at: ['001', 655, '失业保险宣传知晓率'], change: ['依据 预算支出标准', (t) => withRow(t, '失业保险宣传知晓率', {basis: '预算支出标准'})]},
  {code: 'budget-standard-on-non-cost', fires: false, at: ['001', 655, '675 开展失业保险调研工作费用 (cost row, 预算支出标准)']},
  {code: 'satisfaction-scoring-on-non-satisfaction', fires: true, at: ['000', 1821, '验收合格率'], change: ['赋分规则 满意度赋分', (t) => withRow(t, '验收合格率', {scoring_rule: '满意度赋分'})]},
  {code: 'satisfaction-scoring-on-non-satisfaction', fires: false, at: ['000', 1821, '2003 设备使用者满意率 (满意度赋分)']},
];

for (const c of CASES) {
  const [prefix, titleLine, what] = c.at;
  const synthetic = c.change ? ` (synthetic: ${c.change[0]})` : '';
  test(`checkStructure(${prefix}:${titleLine} ${what})${synthetic} ${c.fires ? 'fires' : 'does not fire'} ${c.code}`, () => {
    const base = real(prefix, titleLine);
    const t = c.change ? c.change[1](base) : base;
    const got = codes(t);
    assert.equal(got.includes(c.code), c.fires, JSON.stringify(got));
  });
}

test('missing-benefit is an error and missing-cost a warning, pointing at the whole table (000:1821, 002:764)', () => {
  const b = checkStructure(real('000', 1821)).find((f) => f.code === 'missing-benefit');
  assert.equal(b?.severity, 'error');
  assert.deepEqual(b?.lines, [1821, 2019]);
  const c = checkStructure(real('002', 764)).find((f) => f.code === 'missing-cost');
  assert.equal(c?.severity, 'warning');
  assert.equal(c?.table_line, 764);
});

test('evidence-empty (001:641) points at its row', () => {
  const f = checkStructure(real('001', 607)).filter((x) => x.code === 'evidence-empty');
  assert.deepEqual(f.map((x) => x.lines[0]), [641, 647]);
});

test('level2-not-under-level1 names where the 二级 belongs (synthetic 成本指标 / 数量指标 on 000:1770)', () => {
  const t = withRow(real('000', 1669), '生活费补助资金', {level2: '数量指标'});
  const f = checkStructure(t).find((x) => x.code === 'level2-not-under-level1');
  assert.match(f?.message ?? '', /二级指标「数量指标」不属于一级指标「成本指标」（应在产出指标/);
  assert.deepEqual(f?.lines, [1770, 1794]);
});
