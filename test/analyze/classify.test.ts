// indicatorType and direction on real rows of data/ (project and overall tables), plus the name predicates.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {bundledNames, extracted, rowOf} from '../helpers/bundled.ts';
import {
  bareName, direction, indicatorType, isCostRow, isNegativeName, isRateName, isSatisfactionRow, level1Group, level2Short,
} from '../../src/analyze/classify.ts';
import {parseTarget} from '../../src/analyze/target.ts';
import type {Indicator} from '../../src/types.ts';


const real = (prefix: string, titleLine: number, level3: string, line: number): Indicator => rowOf(prefix, titleLine, level3, line).ind;
const dir = (ind: Indicator): string => direction(ind, parseTarget(ind.target));

const TYPES: Array<[prefix: string, titleLine: number, level3: string, line: number, type: string]> = [
  ['000', 1669, '核定1995年以前企业退休人数（人）', 1726, '产出-数量'],
  ['000', 1669, '资金发放到位率', 1748, '产出-质量'],
  ['000', 1669, '发放时间', 1759, '产出-时效'],
  ['000', 1669, '生活费补助资金', 1770, '成本-经济'],
  ['000', 1669, '落实1995年以前退休人员生活费补贴政策', 1807, '效益-社会'],
  ['001', 607, '购买办公设备利用率', 647, '效益-经济'],
  ['000', 1821, '设备使用者满意率', 2003, '满意度'],
  ['000', 1545, '全州失业参保人数', 1584, '履职效能-数量'],
  ['003', 467, '参保覆盖率(%)', 478, '管理效率-质量'],
  ['004', 1520, '群众满意度', 1601, '满意度'],
];

for (const [prefix, titleLine, level3, line, type] of TYPES) {
  test(`indicatorType(${prefix}:${line} ${level3}) is ${type}`, () => {
    assert.equal(indicatorType(real(prefix, titleLine, level3, line)), type);
  });
}

test('every indicator of the bundled documents gets a type from the closed set seen in them', () => {
  const seen = new Set(bundledNames().flatMap((n) => extracted(n).tables.flatMap((t) => t.indicators.map(indicatorType))));
  assert.deepEqual([...seen].sort(), ['产出-数量', '产出-时效', '产出-质量', '履职效能-数量', '履职效能-质量', '成本-经济', '效益-社会', '效益-经济', '满意度', '管理效率-质量'].sort());
});

test('level2Short drops 指标 and a trailing 效益/成本 where the rest reads (生态环境成本指标 → 生态环境, 可持续影响指标 → 可持续影响)', () => {
  assert.equal(level2Short('生态环境成本指标'), '生态环境');
  assert.equal(level2Short('可持续影响指标'), '可持续影响');
  assert.equal(level2Short('社会公众或服务对象满意度指标'), '满意度');
  assert.equal(level2Short('成本指标'), '成本');
  assert.equal(indicatorType({level1: '效益指标', level2: '服务对象满意度指标'} as Indicator), '效益-满意度');
  assert.equal(indicatorType({level1: '产出指标', level2: ''} as Indicator), '产出');
});

const DIRECTIONS: Array<[prefix: string, titleLine: number, level3: string, line: number, d: string, why: string]> = [
  ['001', 607, '信息中心网络系统故障率', 629, 'lower', '故障率 is negative'],
  ['000', 2495, '社会保险业务经办差错率', 2587, 'lower', '差错率 is negative'],
  ['001', 607, '信息中心社保网络专线故障修复处理时间', 636, 'lower', 'a repair time'],
  ['000', 1821, '故障排除率', 1894, 'higher', 'a positive rate about faults'],
  ['000', 2843, '培训人次', 2919, 'higher', '>= count'],
  ['001', 607, '办公经费保障人数', 620, 'higher', 'a count of people, though the name holds 经费'],
  ['000', 1669, '生活费补助资金', 1770, 'lower', 'a cost row'],
  ['004', 1610, '平均每月发放城乡居民养老保险资金数', 1768, 'lower', 'a cost row, whatever its comparator'],
  ['001', 655, '失业保险调研工作费用支付及时率', 672, 'higher', 'a 及时率, though the name holds 费用'],
  ['000', 1669, '核定1995年以前企业退休人数（人）', 1726, 'exact', '= count'],
  ['000', 2020, '网络安全性', 2096, 'higher', 'a percentage'],
  ['001', 607, '保障巴州社保信息系统维护和网络专线运行', 648, 'higher', '有效保障'],
  ['002', 730, '补贴发放时效', 742, 'exact', 'a date'],
];

for (const [prefix, titleLine, level3, line, d, why] of DIRECTIONS) {
  test(`direction(${prefix}:${line} ${level3}) is ${d} (${why})`, () => {
    assert.equal(dir(real(prefix, titleLine, level3, line)), d);
  });
}

test('direction of synthetic phrases: 有效降低 lower, an unreadable target unknown', () => {
  const base = real('001', 607, '保障巴州社保信息系统维护和网络专线运行', 648);
  assert.equal(direction({...base, target: '有效降低'}, parseTarget('有效降低')), 'lower');
  assert.equal(direction({...base, target: '详见附件说明材料'}, parseTarget('详见附件说明材料')), 'unknown');
});

test('name predicates: bareName, isRateName, isNegativeName on real names', () => {
  assert.equal(bareName('受益群众满意度（%）'), '受益群众满意度');
  assert.equal(isRateName('资金发放准确率(%)'), true);
  assert.equal(isRateName('受益群众满意度（%）'), true);
  assert.equal(isRateName('审计报告出具及时性'), false);
  assert.equal(isRateName('2024年度'), false);
  assert.equal(isNegativeName('信息中心社保专线故障率'), true);
  assert.equal(isNegativeName('信息中心社保专线系统运行维护响应时间'), true);
  assert.equal(isNegativeName('故障排除率'), false);
  assert.equal(isNegativeName('发放时间'), false);
});

test('row predicates on real rows: cost (000:1770), satisfaction (000:2003 满意率 under 满意度指标), 10号 groups', () => {
  const cost = real('000', 1669, '生活费补助资金', 1770);
  const sat = real('000', 1821, '设备使用者满意率', 2003);
  assert.equal(isCostRow(cost), true);
  assert.equal(isSatisfactionRow(cost), false);
  assert.equal(isSatisfactionRow(sat), true);
  assert.equal(level1Group(cost), '成本');
  assert.equal(level1Group(sat), '满意度');
  assert.equal(level1Group(real('000', 1545, '全州失业参保人数', 1584)), null);
});
