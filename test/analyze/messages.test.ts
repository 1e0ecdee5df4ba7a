// The finding catalogue: every function returns a Finding with a stable kebab-case code, its severity, the
// lines and table it was given, and a message in Chinese first, then " / " and English.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import * as msg from '../../src/analyze/messages.ts';
import type {At, Finding} from '../../src/analyze/types.ts';

const at: At = {lines: [812, 813], table_line: 798};

/** One call of every finding function, with the code it must give. */
const CALLS: Array<[string, Finding]> = [
  ['weight-reserved-10', msg.weightReserved10(at)],
  ['weight-sum-mismatch', msg.weightSumMismatch(at, 85)],
  ['weight-missing', msg.weightMissing(at)],
  ['weight-row-missing', msg.weightRowMissing(at, '发放时间')],
  ['weight-not-positive', msg.weightNotPositive(at, '发放时间', 0)],
  ['level1-share-off', msg.level1ShareOff(at, '效益', 5, 30)],
  ['satisfaction-weight-not-10', msg.satisfactionWeightNot10(at, 15)],
  ['too-many-rows', msg.tooManyRows(at, 34)],
  ['tiny-weight', msg.tinyWeight(at, '参会人数', 0.5)],
  ['target-empty', msg.targetEmpty(at, '参会人数')],
  ['target-unparsed', msg.targetUnparsed(at, '参会人数', '达到95%', ['数值前有文字「达到」 / text "达到" before the number'])],
  ['target-no-unit', msg.targetNoUnit(at, '参会人数', '=885')],
  ['target-doubled-unit', msg.targetDoubledUnit(at, '社会保险宣传覆盖率', '>=95%%', '%%')],
  ['rate-not-percent', msg.rateNotPercent(at, '工资待遇及时发放率', '每月20日前', '日期 / a date')],
  ['target-over-100', msg.targetOver100(at, '群众满意度', '>100%')],
  ['target-at-least-100', msg.targetAtLeast100(at, '群众满意度', '>=100%')],
  ['cost-target-at-least', msg.costTargetAtLeast(at, '资金数', '≥240万/月')],
  ['negative-target-at-least', msg.negativeTargetAtLeast(at, '故障率', '≥5%')],
  ['qualitative-heavy-weight', msg.qualitativeHeavyWeight(at, '有序开展', '长期', 30)],
  ['satisfaction-target-low', msg.satisfactionTargetLow(at, '满意度', '>=85%')],
  ['satisfaction-target-100', msg.satisfactionTarget100(at, '满意度', '=100%')],
  ['target-fractional-count', msg.targetFractionalCount(at, '发放次数', '=0.11次', '次')],
  ['target-invalid-date', msg.targetInvalidDate(at, '发放完成时间', '=2024年11月31日')],
  ['target-below-prior', msg.targetBelowPrior(at, '补助发放人次', '≥10万人次', '13万人次', 10 / 13)],
  ['target-above-prior', msg.targetAbovePrior(at, '故障率', '≤5%', '3%', 5 / 3)],
  ['cost-above-prior', msg.costAbovePrior(at, '系统运行电力保障', '<=7.2万元', '=7.1万元', 7.2 / 7.1)],
  ['target-far-from-prior', msg.targetFarFromPrior(at, '全年发送短信次数', '>=160次', '8次', 20)],
  ['prior-unit-mismatch', msg.priorUnitMismatch(at, '工资待遇发放次数', '=12次', '=12个月', '次', '个月')],
  ['prior-unit-scaled', msg.priorUnitScaled(at, '人次数', '>=5000人次', '1.70万人次', '人次', '万人次')],
  ['prior-kind-mismatch', msg.priorKindMismatch(at, '时效', '每月25日前', '100%', '日期对定量 / date vs quantitative')],
  ['prior-has-comparator', msg.priorHasComparator(at, '年巡检维护数', '=4次')],
  ['prior-unparsed', msg.priorUnparsed(at, '发放次数', '全年按月发放')],
  ['history-basis-without-prior', msg.historyBasisWithoutPrior(at, '增长率')],
  ['missing-output', msg.missingOutput(at)],
  ['missing-benefit', msg.missingBenefit(at)],
  ['missing-cost', msg.missingCost(at)],
  ['missing-satisfaction', msg.missingSatisfaction(at)],
  ['output-missing-quantity', msg.outputMissing(at, 'quantity')],
  ['output-missing-quality', msg.outputMissing(at, 'quality')],
  ['output-missing-timeliness', msg.outputMissing(at, 'timeliness')],
  ['level1-unknown', msg.level1Unknown(at, '项目产出指标', '发放时间')],
  ['level2-unknown', msg.level2Unknown(at, '', '发放时间')],
  ['level2-not-under-level1', msg.level2NotUnderLevel1(at, '成本指标', '数量指标', ['产出指标'])],
  ['basis-not-in-vocab', msg.basisNotInVocab(at, '发放时间', '年度计划')],
  ['basis-empty', msg.basisEmpty(at, '发放时间')],
  ['scoring-rule-not-in-vocab', msg.scoringRuleNotInVocab(at, '发放时间', '按时完成得满分')],
  ['scoring-rule-empty', msg.scoringRuleEmpty(at, '利用率')],
  ['evidence-not-in-vocab', msg.evidenceNotInVocab(at, '发放时间', '照片')],
  ['evidence-empty', msg.evidenceEmpty(at, '利用率')],
  ['budget-standard-on-non-cost', msg.budgetStandardOnNonCost(at, '知晓率')],
  ['satisfaction-scoring-on-non-satisfaction', msg.satisfactionScoringOnNonSatisfaction(at, '验收合格率')],
  ['budget-parts-mismatch', msg.budgetPartsMismatch(at, 127.44, 128.44, '财政拨款与其他资金 / 财政拨款 and 其他资金')],
  ['cost-exceeds-budget', msg.costExceedsBudget(at, '资金数', '≥240万/月', 2880, 1214.02, true)],
  ['cost-sum-exceeds-budget', msg.costSumExceedsBudget(at, 65, 60, 6)],
  ['disclosure-not-found', msg.disclosureNotFound(at)],
  ['disclosure-unparsed', msg.disclosureUnparsed(at, '本单位绩效目标详见下表。')],
  ['disclosure-amount-gap', msg.disclosureGap(at, 'amount', '整体绩效目标涉及金额 / the overall target', 5532.3, 5332.3, null, null)],
  ['disclosure-count-gap', msg.disclosureGap(at, 'count', '财政拨款项目个数 / fiscal projects', 4, 1, 2, '本单位上级转移支付项目2个。')],
  ['disclosure-gap-explained', msg.disclosureGapExplained(at, 'count', '财政拨款项目个数 / fiscal projects', 4, 2, '本单位上级转移支付项目2个。')],
];

test('every finding function of messages.ts is called here once', () => {
  const fns = Object.entries(msg).filter(([name, v]) => typeof v === 'function' && name !== 'num').length;
  // outputMissing gives three codes, disclosureGap two.
  assert.equal(CALLS.length, fns + 2 + 1);
});

for (const [code, f] of CALLS) {
  test(`finding ${code}: stable kebab code, severity, lines and table kept, Chinese then " / " then English`, () => {
    assert.equal(f.code, code);
    assert.match(f.code, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.ok(['error', 'warning', 'info'].includes(f.severity));
    assert.deepEqual(f.lines, [812, 813]);
    assert.equal(f.table_line, 798);
    const sep = f.message.indexOf(' / ');
    assert.ok(sep > 0, f.message);
    assert.match(f.message.slice(0, sep), /[\u4e00-\u9fa5]/);
    assert.match(f.message.slice(0, 3), /[\u4e00-\u9fa5「（0-9]/, 'Chinese first');
    assert.match(f.message.slice(sep + 3), /[a-zA-Z]/, 'English after the separator');
    assert.ok(!/undefined|NaN/.test(f.message), f.message);
  });
}

test('num prints at most 2 decimals without trailing zeros', () => {
  assert.equal(msg.num(456.39), '456.39');
  assert.equal(msg.num(75), '75');
  assert.equal(msg.num(0.6600000001), '0.66');
});

test('findings copy their lines: changing the returned array does not change the caller\'s', () => {
  const where: At = {lines: [1, 2], table_line: 1};
  const f = msg.missingCost(where);
  f.lines[0] = 99;
  assert.deepEqual(where.lines, [1, 2]);
});

test('severities: sum mismatch, missing 产出/效益, impossible >100%, budget parts are errors; explained gaps are info', () => {
  const sev = Object.fromEntries(CALLS.map(([c, f]) => [c, f.severity]));
  for (const c of ['weight-sum-mismatch', 'missing-output', 'missing-benefit', 'target-over-100', 'budget-parts-mismatch', 'weight-not-positive']) assert.equal(sev[c], 'error', c);
  for (const c of ['weight-reserved-10', 'disclosure-gap-explained', 'prior-has-comparator', 'satisfaction-target-100']) assert.equal(sev[c], 'info', c);
  for (const c of ['target-below-prior', 'disclosure-amount-gap', 'missing-cost', 'target-at-least-100']) assert.equal(sev[c], 'warning', c);
});
