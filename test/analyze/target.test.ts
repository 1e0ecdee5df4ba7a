// parseTarget / parsePrior and every target check, each on a real row of data/ where it fires and one where it
// does not (a check that fires on no bundled row is shown on a real row with one cell changed, marked synthetic).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {bundledNames, extracted, rowOf} from '../helpers/bundled.ts';
import {checkTarget, isValidDateText, parsePrior, parseTarget, whyUnparsed} from '../../src/analyze/target.ts';
import type {Indicator, Table} from '../../src/types.ts';

const real = rowOf;

const codes = (table: Table, ind: Indicator): string[] => checkTarget(table, ind, parseTarget(ind.target)).map((f) => f.code);

// ── parseTarget / parsePrior on real cells ──────────────────────────────────────────────────────────────

test('parseTarget(002:739 补贴发放人次 "≥14万人次") is >= 14 万人次, quantitative', () => {
  const {ind} = real('002', 730, '补贴发放人次', 739);
  assert.deepEqual(parseTarget(ind.target), {comparator: '>=', value: 14, unit: '万人次', kind: 'quantitative', raw: '≥14万人次'});
});

test('parseTarget(002:812 社会保险宣传覆盖率 ">=95%%") keeps the doubled unit "%%"', () => {
  const {ind} = real('002', 798, '社会保险宣传覆盖率', 812);
  assert.equal(parseTarget(ind.target).unit, '%%');
});

test('parseTarget reads "≥95% %" (split by a space) as unit "%%"', () => {
  assert.equal(parseTarget('≥95% %').unit, '%%');
});

test('parseTarget(000:2103 "＜=13万元", full-width ＜=) normalises the comparator to <=', () => {
  const {ind} = real('000', 1821, '社会保险信息系统网络运行维护', 1902);
  const p = parseTarget(ind.target);
  assert.equal(p.comparator, '<=');
  assert.equal(p.value, 13);
  assert.equal(p.raw, '＜=13万元');
});

test('parseTarget(002:742 补贴发放时效 "每月25日前") is a date; (000:2829 "长期") is qualitative', () => {
  assert.equal(parseTarget(real('002', 730, '补贴发放时效', 742).ind.target).kind, 'date');
  assert.equal(parseTarget(real('000', 2654, '社会保险经办业务有序开展', 2829).ind.target).kind, 'qualitative');
});

test('parseTarget("") is kind none; parsePrior is null for "", "-", "无", "新增" and a missing column', () => {
  assert.equal(parseTarget('').kind, 'none');
  for (const s of ['', '-', '无', '新增', null]) assert.equal(parsePrior(s), null, String(s));
});

test('parsePrior(002:739 "15.6万人次") is 15.6 万人次 with no comparator; (000:1875 "=4次") keeps its comparator', () => {
  assert.deepEqual(parsePrior(real('002', 730, '补贴发放人次', 739).ind.prior_year), {comparator: null, value: 15.6, unit: '万人次', kind: 'quantitative', raw: '15.6万人次'});
  assert.equal(parsePrior(real('000', 1821, '年巡检维护数', 1875).ind.prior_year)?.comparator, '=');
});

test('every target of the bundled documents parses (no kind "text")', () => {
  const bad = bundledNames().flatMap((n) => extracted(n).tables.flatMap((t) => t.indicators
    .filter((i) => parseTarget(i.target).kind === 'text').map((i) => `${n}:${i.lines[0]} ${i.target}`)));
  assert.deepEqual(bad, []);
});

test('whyUnparsed explains text before the number, an unknown unit, a range and a bare comparator', () => {
  assert.match(whyUnparsed('达到95%以上')[0], /数值前有文字「达到」/);
  assert.match(whyUnparsed('95%以上')[0], /「%以上」.*not a known unit/);
  assert.match(whyUnparsed('90%-95%')[0], /区间/);
  assert.match(whyUnparsed('>=')[0], /比较符后没有数值/);
  assert.deepEqual(parseTarget('达到95%以上').problems, whyUnparsed('达到95%以上'));
});

// ── Every check: fires on one row, not on another ─────────────────────────────────────────────────────────

interface Case {
  code: string;
  fires: boolean;
  at: [prefix: string, titleLine: number, level3: string, line: number];
  /** Synthetic: the real row with these cells changed. */
  patch?: Partial<Indicator>;
}

const CASES: Case[] = [
  {code: 'target-empty', fires: true, at: ['000', 1669, '核定1995年以前企业退休人数（人）', 1726], patch: {target: ''}},
  {code: 'target-empty', fires: false, at: ['000', 1669, '核定1995年以前企业退休人数（人）', 1726]},
  {code: 'target-unparsed', fires: true, at: ['000', 1669, '资金发放到位率', 1748], patch: {target: '达到100%以上'}},
  {code: 'target-unparsed', fires: false, at: ['000', 1669, '资金发放到位率', 1748]},
  {code: 'target-no-unit', fires: true, at: ['000', 1669, '核定1995年以前企业退休人数（人）', 1726], patch: {target: '=885'}},
  {code: 'target-no-unit', fires: false, at: ['000', 1669, '核定1995年以前企业退休人数（人）', 1726]},
  {code: 'target-doubled-unit', fires: true, at: ['002', 798, '社会保险宣传覆盖率', 812]},
  {code: 'target-doubled-unit', fires: false, at: ['002', 730, '补贴发放对象对相关工作满意度', 745]},
  {code: 'rate-not-percent', fires: true, at: ['002', 798, '工资待遇及时发放率', 810]},
  {code: 'rate-not-percent', fires: true, at: ['004', 1839, '提升参保政策知识普及率', 2020]},
  {code: 'rate-not-percent', fires: false, at: ['002', 798, '资金发放准确率(%)', 809]},
  {code: 'rate-not-percent', fires: false, at: ['002', 730, '补贴发放时效', 742]},
  {code: 'target-over-100', fires: true, at: ['004', 1520, '群众满意度', 1601], patch: {target: '>100%'}},
  {code: 'target-over-100', fires: true, at: ['000', 1669, '资金发放到位率', 1748], patch: {target: '=120%'}},
  {code: 'target-over-100', fires: false, at: ['004', 1520, '群众满意度', 1601]},
  {code: 'target-over-100', fires: false, at: ['002', 764, '退休人员待遇年均增长率', 776], patch: {target: '>=120%'}},
  {code: 'target-at-least-100', fires: true, at: ['004', 1520, '群众满意度', 1601]},
  {code: 'target-at-least-100', fires: false, at: ['000', 1669, '资金发放到位率', 1748]},
  {code: 'cost-target-at-least', fires: true, at: ['004', 1610, '平均每月发放城乡居民养老保险资金数', 1768]},
  {code: 'cost-target-at-least', fires: false, at: ['000', 1669, '生活费补助资金', 1770]},
  {code: 'negative-target-at-least', fires: true, at: ['001', 607, '信息中心网络系统故障率', 629], patch: {target: '≥5%'}},
  {code: 'negative-target-at-least', fires: false, at: ['001', 607, '信息中心网络系统故障率', 629]},
  {code: 'negative-target-at-least', fires: false, at: ['000', 1821, '故障排除率', 1894], patch: {target: '>=95%'}},
  {code: 'qualitative-heavy-weight', fires: true, at: ['000', 2654, '社会保险经办业务有序开展', 2829]},
  {code: 'qualitative-heavy-weight', fires: true, at: ['002', 730, '社保经办效率水平不断提升', 744]},
  {code: 'qualitative-heavy-weight', fires: false, at: ['001', 607, '保障巴州社保信息系统维护和网络专线运行', 648]},
  {code: 'satisfaction-target-low', fires: true, at: ['002', 832, '发放对象对相关工作满意度', 847], patch: {target: '>=85%'}},
  {code: 'satisfaction-target-low', fires: false, at: ['002', 832, '发放对象对相关工作满意度', 847]},
  {code: 'satisfaction-target-100', fires: true, at: ['002', 798, '聘用对相关工作的满意度', 813]},
  {code: 'satisfaction-target-100', fires: true, at: ['004', 1520, '群众满意度', 1601]},
  {code: 'satisfaction-target-100', fires: false, at: ['002', 730, '补贴发放对象对相关工作满意度', 745]},
  {code: 'target-fractional-count', fires: true, at: ['004', 1839, '发放企业退休补助次数', 1922]},
  {code: 'target-fractional-count', fires: false, at: ['004', 1610, '养老金发放次数', 1694]},
  {code: 'target-fractional-count', fires: false, at: ['000', 1545, '全州失业参保人数', 1584]},
  {code: 'target-invalid-date', fires: true, at: ['000', 3700, '发放完成时间', 3795]},
  {code: 'target-invalid-date', fires: false, at: ['000', 2843, '培训完成时间', 2948]},
];

for (const c of CASES) {
  const [prefix, titleLine, level3, line] = c.at;
  const synthetic = c.patch ? ` (synthetic: ${Object.entries(c.patch).map(([k, v]) => `${k} ${JSON.stringify(v)}`).join(', ')})` : '';
  test(`checkTarget(${prefix}:${line} ${level3})${synthetic} ${c.fires ? 'fires' : 'does not fire'} ${c.code}`, () => {
    const {table, ind: row} = real(prefix, titleLine, level3, line);
    const ind = {...row, ...c.patch};
    const found = checkTarget(table, ind, parseTarget(ind.target));
    assert.equal(found.some((f) => f.code === c.code), c.fires, JSON.stringify(found.map((f) => f.code)));
    for (const f of found) {
      assert.deepEqual(f.lines, ind.lines);
      assert.equal(f.table_line, titleLine);
    }
  });
}

test('checkTarget(002:812 社会保险宣传覆盖率 ">=95%%") reports only the doubled unit (it is still a percentage)', () => {
  const {table, ind} = real('002', 798, '社会保险宣传覆盖率', 812);
  assert.deepEqual(codes(table, ind), ['target-doubled-unit']);
});

test('checkTarget(004:1601 群众满意度 ">=100%") is degenerate (warning) and a 100% satisfaction target (info)', () => {
  const {table, ind} = real('004', 1520, '群众满意度', 1601);
  const found = checkTarget(table, ind);
  assert.deepEqual(found.map((f) => [f.code, f.severity]), [['target-at-least-100', 'warning'], ['satisfaction-target-100', 'info']]);
  assert.match(found[0].message, /^指标「群众满意度」.* \/ target ">=100%"/);
});

test('checkTarget on a 率 row with no unit ("=100") reports the missing unit, not rate-not-percent twice over', () => {
  const {table, ind} = real('000', 1669, '资金发放到位率', 1748);
  assert.deepEqual(codes(table, {...ind, target: '=100'}), ['target-no-unit']);
});

test('isValidDateText: 2024年11月31日 and 2024年13月 are invalid; 2024年2月29日, 每月25日前 and 年底前 are valid', () => {
  assert.equal(isValidDateText('2024年11月31日'), false);
  assert.equal(isValidDateText('=2024年13月'), false);
  assert.equal(isValidDateText('2024年2月29日'), true);
  assert.equal(isValidDateText('2023年2月29日'), false);
  assert.equal(isValidDateText('每月25日前'), true);
  assert.equal(isValidDateText('年底前'), true);
});
