// checkWeights on the bundled tables (all 32 sum to 90) and every weight check, fired and not fired. Checks no
// bundled table triggers are shown on a real table with some weights changed (marked synthetic).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {bundledNames, extracted, tableOf} from '../helpers/bundled.ts';
import {checkWeights, groupWeights} from '../../src/analyze/weights.ts';
import * as msg from '../../src/analyze/messages.ts';
import type {Indicator, Table} from '../../src/types.ts';

const real = tableOf;
const codes = (t: Table): string[] => checkWeights(t).findings.map((f) => f.code);

/** A copy of `t` with the rows named in `patch` changed (and rows patched to null removed). */
function patched(t: Table, patch: Record<string, Partial<Indicator> | null>, extra: Indicator[] = []): Table {
  const indicators = t.indicators.flatMap((i) => {
    if (!(i.level3 in patch)) return [i];
    const p = patch[i.level3];
    return p === null ? [] : [{...i, ...p}];
  });
  return {...t, indicators: [...indicators, ...extra]};
}

test('checkWeights: every one of the 32 bundled tables sums to 90 (reserved-10)', () => {
  const tables = bundledNames().flatMap((n) => extracted(n).tables);
  assert.equal(tables.length, 32);
  for (const t of tables) {
    const w = checkWeights(t);
    assert.equal(w.weight_sum, 90, `${t.title_line}`);
    assert.equal(w.weight_status, 'reserved-10', `${t.title_line}`);
  }
});

test('checkWeights(000:1669 95年以前退休人员生活费) is reserved-10 at 90, with the 10号 info finding', () => {
  const t = real('000', 1669);
  assert.equal(t.project, '95年以前退休人员生活费');
  const w = checkWeights(t);
  assert.equal(w.weight_sum, 90);
  assert.equal(w.weight_status, 'reserved-10');
  assert.deepEqual(w.level1_shares, {产出指标: 40, 成本指标: 20, 效益指标: 30});
  assert.deepEqual(w.findings, [msg.weightReserved10({lines: [1669, 1820], table_line: 1669})]);
  assert.match(w.findings[0].message, /预算执行率.*财预〔2020〕10号/);
});

test('checkWeights(000:1669 + a 预算执行率 row of 10, synthetic) is ok at 100 with no weight finding', () => {
  const t = real('000', 1669);
  const row: Indicator = {...t.indicators[0], level3: '预算执行率', target: '=100%', weight: 10};
  const w = checkWeights(patched(t, {}, [row]));
  assert.equal(w.weight_sum, 100);
  assert.equal(w.weight_status, 'ok');
  assert.deepEqual(w.findings.map((f) => f.code), []);
});

test('checkWeights(000:1669 without 发放时间, synthetic) is a mismatch at 80 (error); the real table is not', () => {
  const w = checkWeights(patched(real('000', 1669), {发放时间: null}));
  assert.equal(w.weight_status, 'mismatch');
  assert.equal(w.weight_sum, 80);
  assert.deepEqual(w.findings.map((f) => [f.code, f.severity]), [['weight-sum-mismatch', 'error']]);
  assert.ok(!codes(real('000', 1669)).includes('weight-sum-mismatch'));
});

test('checkWeights sums non-null weights rounded to 2 decimals (003:485 社会保险经办审计经费 with 5 → 3.333, synthetic)', () => {
  const t = real('003', 485);
  const w = checkWeights(patched(t, {'内部审计次数(次)': {weight: 3.333}, '内部审计培训次数(次)': {weight: 6.667}}));
  assert.equal(w.weight_sum, 90);
});

test('checkWeights(000:1669 with every weight null, synthetic) is missing; the real table is not', () => {
  const t = real('000', 1669);
  const w = checkWeights({...t, indicators: t.indicators.map((i) => ({...i, weight: null}))});
  assert.equal(w.weight_status, 'missing');
  assert.equal(w.weight_sum, null);
  assert.deepEqual(w.findings.map((f) => f.code), ['weight-missing']);
  assert.notEqual(checkWeights(t).weight_status, 'missing');
});

test('weight-row-missing fires on 000:1759 发放时间 with its weight removed (synthetic), not on the real row', () => {
  const t = real('000', 1669);
  const w = checkWeights(patched(t, {发放时间: {weight: null}}));
  const f = w.findings.find((x) => x.code === 'weight-row-missing');
  assert.ok(f);
  assert.deepEqual(f.lines, [1759, 1768]);
  assert.ok(!codes(t).includes('weight-row-missing'));
});

test('weight-not-positive fires on 000:1759 发放时间 with weight 0 (synthetic), not on the real row (10)', () => {
  const t = real('000', 1669);
  assert.ok(codes(patched(t, {发放时间: {weight: 0}})).includes('weight-not-positive'));
  assert.ok(!codes(t).includes('weight-not-positive'));
});

test('level1-share-off fires on 002:730 with 产出 75 / 效益 5 (synthetic: 补贴发放人次 25, 效益 5), not on the real table (60/20/10)', () => {
  const t = real('002', 730);
  assert.deepEqual(groupWeights(t).weights, {产出: 40, 成本: 20, 效益: 20, 满意度: 10});
  assert.ok(!codes(t).includes('level1-share-off'));
  const shifted = patched(t, {补贴发放人次: {weight: 25}, 社保经办效率水平不断提升: {weight: 5}});
  const found = checkWeights(shifted).findings.filter((f) => f.code === 'level1-share-off');
  assert.equal(found.length, 2);
  assert.match(found[0].message, /产出（含成本）类指标合计 75 分.*默认的 50 分/);
  assert.match(found[1].message, /效益类指标合计 5 分/);
});

test('level1-share-off does not fire on 000:1821 “金保工程”系统维护费 (产出+成本 80, but no 效益 rows: a structural finding instead)', () => {
  const t = real('000', 1821);
  assert.equal(groupWeights(t).present.has('效益'), false);
  assert.ok(!codes(t).includes('level1-share-off'));
});

test('satisfaction-weight-not-10 does not fire on 003:485 (two 满意度 rows of 5 = 10); fires when one becomes 10 (synthetic)', () => {
  const t = real('003', 485);
  assert.ok(!codes(t).includes('satisfaction-weight-not-10'));
  const heavier = patched(t, {'受益群众满意度（%）': {weight: 10}});
  const f = checkWeights(heavier).findings.find((x) => x.code === 'satisfaction-weight-not-10');
  assert.ok(f);
  assert.equal(f.severity, 'info');
  assert.match(f.message, /满意度指标合计 15 分/);
});

test('satisfaction-weight-not-10 is not checked on an overall table (004:1520, 服务对象满意度 15)', () => {
  assert.ok(!codes(real('004', 1520)).includes('satisfaction-weight-not-10'));
});

test('too-many-rows fires on 001:607 2024年社会保险经办服务和中心运行项目 (34 rows), not on 001:655 (17 rows)', () => {
  assert.equal(real('001', 607).indicators.length, 34);
  assert.ok(codes(real('001', 607)).includes('too-many-rows'));
  assert.ok(!codes(real('001', 655)).includes('too-many-rows'));
});

test('tiny-weight fires on 001:616 社会保险基金预决算会议参会人数 at 0.5 (synthetic), not on the real row (1)', () => {
  const t = real('001', 607);
  const w = checkWeights(patched(t, {社会保险基金预决算会议参会人数: {weight: 0.5}}));
  const f = w.findings.find((x) => x.code === 'tiny-weight');
  assert.ok(f);
  assert.deepEqual(f.lines, [616, 616]);
  assert.ok(!codes(t).includes('tiny-weight'));
});
