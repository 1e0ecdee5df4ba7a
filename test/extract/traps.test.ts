// Each layout trap of DOMAIN.md on a real row of data/, named by file and line, with the value read by hand.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {extracted, tableAt} from '../helpers/bundled.ts';

const A = '000_b3fa070b509c4b73.txt';
const B = '001_911f9712737d8e1a.txt';
const C = '002_cba2921d34774e9d.txt';
const D = '003_e2de676d67b0a214.txt';
const E = '004_ac8f4d225a7a92b5.txt';
const row = (file: string, title: number, level3: string) => {
  const r = tableAt(file, title).indicators.find((x) => x.level3 === level3);
  assert.ok(r, `${level3} not found`);
  return r;
};

test('000:1782-1788 a target split over four lines "<" "=127." "44 万" "元" reads "<=127.44万元"', () => {
  const r = row(A, 1669, '生活费补助资金');
  assert.equal(r.target, '<=127.44万元');
  assert.equal(r.prior_year, '');
  assert.equal(r.weight, 10);
  assert.deepEqual(r.lines, [1770, 1794]); // from the 成本指标/经济成本指标 labels printed before it
});

test('000:1596 a lone number on its own line is the weight 15, not a page number', () => {
  const r = row(A, 1545, '全州失业参保人数');
  assert.equal(r.weight, 15);
  assert.deepEqual(r.lines, [1584, 1596]);
});

test('000:1658-1668 a row across a page break keeps its basis whole and drops page number 34', () => {
  const r = row(A, 1545, '全州基本养老保险参保人数');
  assert.equal(r.basis, '2024年昌吉州社会保险经办管理服务工作要点');
  assert.equal(r.weight, 15);
  assert.deepEqual(r.lines, [1658, 1668]);
  const d = extracted(A).diagnostics.find((x) => x.code === 'page-number');
  assert.deepEqual(d && [d.line, d.actual], [1662, '34']);
});

test('000:1741 "计划标准 885 人 10": prior "885人" and weight 10 on one line', () => {
  const r = row(A, 1669, '核定1995年以前企业退休人数（人）');
  assert.deepEqual([r.target, r.basis, r.prior_year, r.weight, r.scoring_rule], ['=885人', '计划标准', '885人', 10, '按照完成比例赋分']);
});

test('000:2291 an empty prior-year cell leaves no trace: "计划标准 10"', () => {
  const r = row(A, 2169, '社会保险政策通知及时率');
  assert.deepEqual([r.target, r.prior_year, r.weight], ['>=80%', '', 10]);
});

test('000:2232/2274 level-2 labels printed before their span apply to the rows after them', () => {
  const t = tableAt(A, 2169);
  assert.deepEqual(t.indicators.slice(0, 4).map((r) => r.level2), ['数量指标', '数量指标', '数量指标', '质量指标']);
});

test('001:615 a header listing 8 columns while rows carry 9 keeps the scoring rule column', () => {
  const t = tableAt(B, 607);
  assert.deepEqual(t.columns, ['一级指标', '二级指标', '三级指标', '指标值', '指标值设置依据', '上年完成值', '指标分值权重', '指标赋分规则', '佐证资料']);
  assert.equal(t.indicators[0].scoring_rule, '按照完成比例赋分');
  assert.equal(t.indicators[0].evidence, '原始凭证');
});

test('001:625 a row slid one cell left (level3 in the level2 column) is read in order', () => {
  const r = row(B, 607, '缴纳辞去现职保留公职人员社保费次数');
  assert.deepEqual([r.level1, r.level2, r.target, r.weight], ['产出指标', '数量指标', '=12次', 2]);
});

test('001:631 a row slid two cells left (level3 in the level1 column) keeps 产出/质量 filled down', () => {
  const r = row(B, 607, '辞去现职保留公职人员社保费覆盖率');
  assert.deepEqual([r.level1, r.level2, r.target, r.prior_year], ['产出指标', '质量指标', '=100%', '100%']);
});

test('001:641 a row slid right and cut at 9 cells has an empty evidence cell', () => {
  const r = row(B, 607, '辞去现职保留公职人员每人每月缴纳社保费');
  assert.deepEqual([r.level1, r.level2, r.target, r.weight, r.scoring_rule, r.evidence], ['成本指标', '经济成本指标', '<=770.27元/人/月', 4, '按照完成比例赋分', '']);
});

test('001:647 a row cut after its weight has empty scoring rule and evidence', () => {
  const r = row(B, 607, '购买办公设备利用率');
  assert.deepEqual([r.level1, r.level2, r.weight, r.scoring_rule, r.evidence], ['效益指标', '经济效益指标', 8, '', '']);
});

test('001:648 a level-2 name in the level1 column keeps 效益指标 as level1', () => {
  const r = row(B, 607, '保障巴州社保信息系统维护和网络专线运行');
  assert.deepEqual([r.level1, r.level2, r.target], ['效益指标', '社会效益指标', '有效保障']);
});

test('001:650-652 a row continued after a blank line joins 满意|度指 标 and ">"|"=95%"', () => {
  const r = row(B, 607, '使用人员满意度');
  assert.deepEqual([r.level1, r.level2, r.target, r.prior_year, r.weight], ['满意度指标', '满意度指标', '>=95%', '95%', 10]);
  assert.deepEqual(r.lines, [650, 652]);
});

test('002:739 spaces inside cells are removed: "≥14 万人 次", "产出 指标"', () => {
  const r = row(C, 730, '补贴发放人次');
  assert.deepEqual([r.level1, r.level2, r.target, r.prior_year, r.evidence], ['产出指标', '数量指标', '≥14万人次', '15.6万人次', '原始凭证，工作资料']);
});

test('002:777 时效指标 printed in the level1 column is a level-2 name under 产出指标', () => {
  const r = row(C, 764, '差额待遇发放时效');
  assert.deepEqual([r.level1, r.level2, r.target], ['产出指标', '时效指标', '每月25日前']);
});

test('002:866 a leader one cell further right and amounts with full-width colons still read', () => {
  const t = tableAt(C, 866);
  assert.deepEqual([t.leader, t.budget_total, t.budget_fiscal, t.budget_other], ['周先生', 274.39, 274.39, 0]);
});

test('003:467 the overall table prints no total: budget_total = 上级 52.18 + 本级 492.34 + 其他 0', () => {
  const t = tableAt(D, 467);
  assert.deepEqual([t.unit, t.leader, t.budget_total, t.budget_fiscal, t.budget_other, t.budget_total_source],
    ['克孜勒苏柯尔克孜自治州社会保险中心', '李晓玲', 544.52, 544.52, 0, 'computed']);
  assert.equal(t.indicators[0].prior_year, null);
  assert.equal(t.indicators[0].scoring_rule, null);
});

test('003:522-523 rows slid right by one and by three cells are read in order', () => {
  assert.deepEqual([row(D, 510, '项目完成时间').level2, row(D, 510, '项目完成时间').target], ['时效指标', '=2024年12月']);
  assert.deepEqual([row(D, 510, '资金支付及时率(%)').level2, row(D, 510, '资金支付及时率(%)').weight], ['时效指标', 8]);
});

test('003:527 a continuation line "||(万元)" finishes the level3 of the row above', () => {
  const r = row(D, 510, '网络线路租赁标准(万元)');
  assert.deepEqual([r.target, r.prior_year], ['=9.60万元', '5万元/年']);
  assert.deepEqual(r.lines, [525, 527]);
});

test('004:1601-1604 a level1 label wrapped over two lines reads 服务对象满意度', () => {
  const r = row(E, 1520, '群众满意度');
  assert.deepEqual([r.level1, r.level2, r.target, r.basis, r.weight], ['服务对象满意度', '满意度指标', '>=100%', '轮台县社会保险中心2023年工作计划', 15]);
});

test('004:1520 overall budget is 上级 1382 + 本级 3950.3 + 其他 0 = 5332.3', () => {
  const t = tableAt(E, 1520);
  assert.deepEqual([t.budget_total, t.budget_fiscal, t.budget_other], [5332.3, 5332.3, 0]);
});

test('004:1622-1631 labels and amounts split over lines: "年度预算总" / "额：", "其他资" / "金："', () => {
  const t = tableAt(E, 1610);
  assert.deepEqual([t.project, t.leader, t.budget_total, t.budget_fiscal, t.budget_other],
    ['特定目标类项目-保基本民生项目-城乡居民基本养老保险', '海尼沙古丽·亚生', 1214.02, 1214.02, 0]);
});

test('004:1805-1811 a qualitative target "长期" on the line after the level3 "…长期可持续"', () => {
  const r = row(E, 1610, '城乡居民基本养老保险制度长期可持续');
  assert.deepEqual([r.target, r.prior_year, r.weight], ['长期', '无', 30]);
});
