// comparePrior / checkPrior on real rows of data/: targets below last year's value, unit mismatches, copied
// targets, and each prior check fired and not fired (synthetic where no bundled row triggers it).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {rowOf} from '../helpers/bundled.ts';
import {direction} from '../../src/analyze/classify.ts';
import {checkPrior, comparePrior, unitScale} from '../../src/analyze/prior.ts';
import {parsePrior, parseTarget} from '../../src/analyze/target.ts';
import type {Indicator, Table} from '../../src/types.ts';


const real = rowOf;

const compare = (ind: Indicator) => comparePrior(ind, parseTarget(ind.target), parsePrior(ind.prior_year));

function priorCodes(table: Table, ind: Indicator): string[] {
  const t = parseTarget(ind.target);
  const p = parsePrior(ind.prior_year);
  return checkPrior(table, ind, t, p, direction(ind, t)).map((f) => f.code);
}

test('unitScale splits 万 prefixes and reads 个月 as 月, %% as %, 类 as 项, "/年" as annual', () => {
  assert.deepEqual(unitScale('万人次'), {base: '人次', factor: 1e4});
  assert.deepEqual(unitScale('万元'), {base: '元', factor: 1e4});
  assert.deepEqual(unitScale('个月'), {base: '月', factor: 1});
  assert.deepEqual(unitScale('%%'), {base: '%', factor: 1});
  assert.deepEqual(unitScale('类'), {base: '项', factor: 1});
  assert.deepEqual(unitScale('万元/年'), {base: '元', factor: 1e4});
  assert.deepEqual(unitScale(null), {base: '', factor: 1});
});

test('comparePrior(002:757 补助发放人次 ≥10万人次 vs 13万人次) is lowered at 0.77, and target-below-prior fires', () => {
  const {table, ind} = real('002', 747, '补助发放人次', 757);
  const c = compare(ind);
  assert.equal(c.status, 'lowered');
  assert.ok(Math.abs((c.ratio ?? 0) - 10 / 13) < 1e-9);
  assert.deepEqual(priorCodes(table, ind), ['target-below-prior']);
});

test('comparePrior(002:773 发放差额待遇人次数 >=5000人次 vs 1.70万人次) converts 万人次, is lowered at 0.29, and reports the unit difference', () => {
  const {table, ind} = real('002', 764, '发放差额待遇人次数', 773);
  const c = compare(ind);
  assert.equal(c.status, 'lowered');
  assert.ok(Math.abs((c.ratio ?? 0) - 5000 / 17000) < 1e-9);
  assert.match(c.reason ?? '', /人次.*万人次/);
  assert.deepEqual(priorCodes(table, ind), ['prior-unit-scaled', 'target-below-prior']);
});

test('comparePrior(002:807 工资待遇发放次数 =12次 vs =12个月) is not comparable (次 vs 个月); prior-unit-mismatch and prior-has-comparator fire', () => {
  const {table, ind} = real('002', 798, '工资待遇发放次数', 807);
  const c = compare(ind);
  assert.equal(c.status, 'not-comparable');
  assert.match(c.reason ?? '', /次.*个月/);
  assert.deepEqual(priorCodes(table, ind), ['prior-has-comparator', 'prior-unit-mismatch']);
});

test('comparePrior(000:2135 州社保局到各县市社保局社保专网费用 <=12.8万元 vs =12.8%) is not comparable (万元 vs %)', () => {
  const {table, ind} = real('000', 2020, '州社保局到各县市社保局社保专网费用', 2135);
  const c = compare(ind);
  assert.equal(c.status, 'not-comparable');
  assert.match(c.reason ?? '', /万元.*%/);
  assert.ok(priorCodes(table, ind).includes('prior-unit-mismatch'));
});

test('prior-unit-mismatch does not fire on 000:3097 保障社会保险经办种类 (>=3项 vs =3类: measure words for kinds)', () => {
  const {table, ind} = real('000', 3022, '保障社会保险经办种类', 3097);
  assert.equal(compare(ind).status, 'kept');
  assert.ok(!priorCodes(table, ind).includes('prior-unit-mismatch'));
});

test('comparePrior(002:740 补贴发放次数 ≥12次 vs 12次) is kept; target-below-prior does not fire', () => {
  const {table, ind} = real('002', 730, '补贴发放次数', 740);
  assert.equal(compare(ind).status, 'kept');
  assert.equal(compare(ind).ratio, 1);
  assert.deepEqual(priorCodes(table, ind), []);
});

test('comparePrior(000:3784 资金发放到位率 =100% vs "100") reads the unitless prior as % and is kept', () => {
  const {ind} = real('000', 3700, '资金发放到位率', 3784);
  const c = compare(ind);
  assert.equal(c.status, 'kept');
  assert.match(c.reason ?? '', /未写单位/);
});

test('comparePrior(000:2228 全年发送短信条数 >=500万条 vs 320万条) is raised; no finding', () => {
  const {table, ind} = real('000', 2169, '全年发送短信条数', 2228);
  assert.equal(compare(ind).status, 'raised');
  assert.deepEqual(priorCodes(table, ind), []);
});

test('comparePrior on dates: 003:522 项目完成时间 =2024年12月 vs 2023年12月 is kept (same month, a year on)', () => {
  const {ind} = real('003', 510, '项目完成时间', 522);
  const c = compare(ind);
  assert.equal(c.status, 'kept');
  assert.match(c.reason ?? '', /年份不同/);
});

test('comparePrior on qualitative phrases: 002:744 持续提高 vs 持续提高 is kept, without a ratio', () => {
  const {ind} = real('002', 730, '社保经办效率水平不断提升', 744);
  const c = compare(ind);
  assert.equal(c.status, 'kept');
  assert.equal(c.ratio, undefined);
});

test('comparePrior is no-history for 004:1670 (无), 003:494 (新增), 000:2096 (empty) and overall rows (no column)', () => {
  assert.equal(compare(real('004', 1610, '发放养老金人数', 1670).ind).status, 'no-history');
  assert.equal(compare(real('003', 485, '内部审计次数(次)', 494).ind).status, 'no-history');
  assert.equal(compare(real('000', 2020, '网络安全性', 2096).ind).status, 'no-history');
  assert.equal(compare(real('000', 1545, '全州失业参保人数', 1584).ind).status, 'no-history');
});

// ── Each prior check, fired and not fired ─────────────────────────────────────────────────────────────────

interface Case {
  code: string;
  fires: boolean;
  at: [prefix: string, titleLine: number, level3: string, line: number];
  patch?: Partial<Indicator>;
}

const CASES: Case[] = [
  {code: 'target-below-prior', fires: true, at: ['002', 815, '发放离休干部人数', 824]},
  {code: 'target-below-prior', fires: true, at: ['000', 2843, '培训人次', 2919]},
  {code: 'target-below-prior', fires: false, at: ['000', 2495, '标准化宣贯及运行评估经费', 2589]},
  {code: 'target-below-prior', fires: false, at: ['000', 3357, '昌吉社保微信公众号平台信息发布期数', 3414]},
  {code: 'target-above-prior', fires: true, at: ['001', 607, '信息中心网络系统故障率', 629], patch: {prior_year: '3%'}},
  {code: 'target-above-prior', fires: false, at: ['001', 607, '信息中心网络系统故障率', 629]},
  {code: 'cost-above-prior', fires: true, at: ['000', 2020, '系统运行电力保障', 2106]},
  {code: 'cost-above-prior', fires: false, at: ['000', 2495, '标准化宣贯及运行评估经费', 2589]},
  {code: 'target-far-from-prior', fires: true, at: ['000', 2169, '全年发送短信次数', 2255]},
  {code: 'target-far-from-prior', fires: false, at: ['000', 2169, '全年发送短信条数', 2228]},
  {code: 'prior-has-comparator', fires: true, at: ['000', 1821, '年巡检维护数', 1875]},
  {code: 'prior-has-comparator', fires: false, at: ['000', 1669, '核定1995年以前企业退休人数（人）', 1726]},
  {code: 'prior-unit-mismatch', fires: true, at: ['002', 798, '工资待遇发放次数', 807]},
  {code: 'prior-unit-mismatch', fires: false, at: ['002', 730, '补贴发放次数', 740]},
  {code: 'prior-unit-scaled', fires: true, at: ['002', 764, '发放差额待遇人次数', 773]},
  {code: 'prior-unit-scaled', fires: false, at: ['002', 730, '补贴发放人次', 739]},
  {code: 'prior-kind-mismatch', fires: true, at: ['002', 730, '补贴发放时效', 742], patch: {prior_year: '100%'}},
  {code: 'prior-kind-mismatch', fires: false, at: ['002', 730, '补贴发放时效', 742]},
  {code: 'prior-unparsed', fires: true, at: ['002', 730, '补贴发放次数', 740], patch: {prior_year: '全年按月发放'}},
  {code: 'prior-unparsed', fires: false, at: ['002', 730, '补贴发放次数', 740]},
  {code: 'history-basis-without-prior', fires: true, at: ['002', 764, '退休人员待遇年均增长率', 776], patch: {prior_year: '-'}},
  {code: 'history-basis-without-prior', fires: false, at: ['002', 764, '退休人员待遇年均增长率', 776]},
  {code: 'history-basis-without-prior', fires: false, at: ['003', 485, '内部审计次数(次)', 494]},
];

for (const c of CASES) {
  const [prefix, titleLine, level3, line] = c.at;
  const synthetic = c.patch ? ` (synthetic: ${Object.entries(c.patch).map(([k, v]) => `${k} ${JSON.stringify(v)}`).join(', ')})` : '';
  test(`checkPrior(${prefix}:${line} ${level3})${synthetic} ${c.fires ? 'fires' : 'does not fire'} ${c.code}`, () => {
    const {table, ind: row} = real(prefix, titleLine, level3, line);
    const ind = {...row, ...c.patch};
    const got = priorCodes(table, ind);
    assert.equal(got.includes(c.code), c.fires, JSON.stringify(got));
  });
}

test('target-below-prior (002:824 发放离休干部人数 >=83人 vs 87人) is a warning that says a fall can be genuine', () => {
  const {table, ind} = real('002', 815, '发放离休干部人数', 824);
  const t = parseTarget(ind.target);
  const [f] = checkPrior(table, ind, t, parsePrior(ind.prior_year), direction(ind, t));
  assert.equal(f.severity, 'warning');
  assert.deepEqual(f.lines, [824, 824]);
  assert.equal(f.table_line, 815);
  assert.match(f.message, /低于上年完成值「87人」.*下降可能属实.* \/ .*a fall can be genuine/);
});
