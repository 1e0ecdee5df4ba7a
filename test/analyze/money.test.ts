// checkMoney and reconcileDisclosure on the bundled documents: budget parts, cost targets against the budget,
// and the "(四) 预算绩效情况" paragraph against the tables, allowing for "(五) 其他需说明的事项".
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {bundledNames, DATA, extracted, fileOf, tableOf} from '../helpers/bundled.ts';
import {checkMoney, costAmount, parseDisclosureText, parseNotesText, reconcileDisclosure, tableFigures} from '../../src/analyze/money.ts';
import type {Indicator, Table} from '../../src/types.ts';

const real = tableOf;
const linesOf = (prefix: string): string[] => readFileSync(join(DATA, fileOf(prefix)), 'utf8').split('\n');
const tablesOf = (prefix: string): Table[] => extracted(fileOf(prefix)).tables;
const codes = (t: Table): string[] => checkMoney(t).map((f) => f.code);
const row = (t: Table, level3: string): Indicator => t.indicators.find((i) => i.level3 === level3) as Indicator;

// ── Table level ─────────────────────────────────────────────────────────────────────────────────────────

test('budget-parts-mismatch does not fire on any bundled table (every 年度预算总额 = 财政拨款 + 其他资金)', () => {
  for (const n of bundledNames()) for (const t of extracted(n).tables) assert.ok(!codes(t).includes('budget-parts-mismatch'), `${n}:${t.title_line}`);
});

test('budget-parts-mismatch fires on 000:1669 95年以前退休人员生活费 with 其他资金 1.00 (synthetic: 127.44 ≠ 127.44 + 1)', () => {
  const f = checkMoney({...real('000', 1669), budget_other: 1}).find((x) => x.code === 'budget-parts-mismatch');
  assert.equal(f?.severity, 'error');
  assert.match(f?.message ?? '', /年度预算总额 127.44 万元不等于财政拨款与其他资金之和 128.44 万元/);
});

test('budget-parts-mismatch tolerates 0.005 (000:1669 with 其他资金 0.004, synthetic)', () => {
  assert.ok(!codes({...real('000', 1669), budget_other: 0.004}).includes('budget-parts-mismatch'));
});

test('budget-parts-mismatch on an overall table compares a printed total with 上级 + 本级 + 其他 (003:467, synthetic printed 600)', () => {
  const t = real('003', 467);
  assert.ok(!codes(t).includes('budget-parts-mismatch'), 'computed total is not checked');
  const printed: Table = {...t, budget_total: 600, budget_total_source: 'printed'};
  assert.ok(codes(printed).includes('budget-parts-mismatch'));
  assert.ok(!codes({...t, budget_total_source: 'printed'}).includes('budget-parts-mismatch'));
});

test('costAmount reads 万元 as printed and annualises 万/月 and 每月 names (004:1768 ≥240万/月 → 2880; 004:1989 >=790万 → 9480)', () => {
  assert.deepEqual(costAmount(row(real('004', 1610), '平均每月发放城乡居民养老保险资金数')), {amount: 2880, annualised: true});
  assert.deepEqual(costAmount(row(real('004', 1839), '平均每月发放企业职工退休养老保险资金数')), {amount: 9480, annualised: true});
  assert.deepEqual(costAmount(row(real('000', 1669), '生活费补助资金')), {amount: 127.44, annualised: false});
  assert.equal(costAmount(row(real('000', 1669), '生活补贴标准（元）')), null);
  assert.equal(costAmount(row(real('000', 1669), '发放时间')), null);
});

test('cost-exceeds-budget fires on 004:1768 平均每月发放城乡居民养老保险资金数 (2880 万元 a year > 1214.02), not on 000:1770 生活费补助资金 (= budget)', () => {
  const f = checkMoney(real('004', 1610)).filter((x) => x.code === 'cost-exceeds-budget');
  assert.equal(f.length, 1);
  assert.deepEqual(f[0].lines, [1768, 1795]);
  assert.match(f[0].message, /按 12 个月折合 2880 万元.*1214.02 万元/);
  assert.ok(!codes(real('000', 1669)).includes('cost-exceeds-budget'));
});

test('cost-sum-exceeds-budget does not fire on 000:1821 (six ceilings = 65 = budget); fires with a budget of 60 (synthetic)', () => {
  const t = real('000', 1821);
  assert.ok(!codes(t).includes('cost-sum-exceeds-budget'));
  const f = checkMoney({...t, budget_total: 60, budget_fiscal: 60}).find((x) => x.code === 'cost-sum-exceeds-budget');
  assert.match(f?.message ?? '', /6 项成本指标（万元）上限合计 65 万元，超过项目年度预算总额 60 万元/);
});

// ── The disclosure paragraph ───────────────────────────────────────────────────────────────────────────

test('parseDisclosureText reads the 000 paragraph (1536–1544): overall 1 / 1703, fiscal 14 / 456.39, non-fiscal 1 / 75', () => {
  const r = reconcileDisclosure(linesOf('000'), tablesOf('000'));
  const d = r.disclosure;
  assert.ok(d);
  assert.deepEqual(d.lines, [1536, 1544]);
  assert.deepEqual(
    [d.year, d.overall_count, d.overall_amount, d.fiscal_count, d.fiscal_amount, d.nonfiscal_count, d.nonfiscal_amount],
    [2024, 1, 1703, 14, 456.39, 1, 75],
  );
  assert.deepEqual(d.notes?.lines, [3869, 3875]);
  assert.equal(d.notes?.transfer_count, 2);
  assert.equal(d.notes?.transfer_amount, 19.82);
  assert.equal(d.notes?.carryover_nonfiscal, 5);
});

test('parseDisclosureText reads 004 (1508–1516) across line breaks and double spaces: overall 5532.3, fiscal 6 / 5083.57', () => {
  const d = reconcileDisclosure(linesOf('004'), tablesOf('004')).disclosure;
  assert.deepEqual([d?.overall_count, d?.overall_amount, d?.fiscal_count, d?.fiscal_amount, d?.nonfiscal_count], [1, 5532.3, 6, 5083.57, 0]);
  // "涉及金额1" / "382万元" on two lines is one amount.
  assert.equal(d?.notes?.transfer_amount, 1382);
  assert.equal(d?.notes?.transfer_count, 3);
});

test('parseDisclosureText reads 002 (726–728), which gives a total project count and no fiscal count', () => {
  const d = reconcileDisclosure(linesOf('002'), tablesOf('002')).disclosure;
  assert.deepEqual([d?.project_count, d?.fiscal_count, d?.fiscal_amount, d?.nonfiscal_amount], [9, null, 9694.06, 0]);
  assert.equal(d?.notes?.carryover_fiscal, 2572.31);
});

test('reconcileDisclosure(004): the overall table holds 5332.3 万元 but the paragraph announces 5532.3 (warning, 200 less)', () => {
  const r = reconcileDisclosure(linesOf('004'), tablesOf('004'));
  const gaps = r.findings.filter((f) => f.severity === 'warning');
  assert.equal(gaps.length, 1);
  assert.equal(gaps[0].code, 'disclosure-amount-gap');
  assert.deepEqual(gaps[0].lines, [1508, 1516]);
  assert.equal(gaps[0].table_line, 0);
  assert.match(gaps[0].message, /整体绩效目标涉及金额 5532.3 万元，绩效目标表中为 5332.3 万元，表中少 200 万元/);
  assert.match(gaps[0].message, /转移支付项目3个/, 'quotes (五)');
});

test('reconcileDisclosure(004): 6 fiscal projects announced, 3 tables: the 3 unpublished transfer projects (1382 万元) explain it', () => {
  const r = reconcileDisclosure(linesOf('004'), tablesOf('004'));
  const explained = r.findings.filter((f) => f.code === 'disclosure-gap-explained');
  assert.equal(explained.length, 2);
  assert.match(explained[0].message, /财政拨款项目个数 6 个，绩效目标表中为 3 个/);
  assert.match(explained[1].message, /5083.57 万元，绩效目标表中为 3701.57 万元/);
  assert.ok(explained.every((f) => f.severity === 'info'));
});

test('reconcileDisclosure(000): fiscal tables hold 437.23 万元 vs 456.39 − 19.82 transfers = 436.57: 0.66 unexplained (warning)', () => {
  const r = reconcileDisclosure(linesOf('000'), tablesOf('000'));
  assert.deepEqual(r.tables, {
    overall_count: 1, overall_amount: 1703, project_count: 13, fiscal_count: 12, nonfiscal_count: 1, project_amount: 517.23,
    fiscal_amount: 437.23, nonfiscal_amount: 80, project_amounts_known: true, overall_amounts_known: true,
  });
  const warn = r.findings.filter((f) => f.severity === 'warning');
  assert.deepEqual(warn.map((f) => f.code), ['disclosure-amount-gap']);
  assert.match(warn[0].message, /调整后应为 436.57 万元，表中仍多 0.66 万元/);
  // 14 fiscal projects vs 12 tables (2 transfers) and 75 vs 80 non-fiscal (5.00 上年结余) are explained.
  assert.deepEqual(r.findings.map((f) => f.code), ['disclosure-gap-explained', 'disclosure-amount-gap', 'disclosure-gap-explained']);
});

test('reconcileDisclosure(002): 9 projects announced and 9 tables; the 2572.31 万元 上年结转 merged into two tables explains the amount', () => {
  const r = reconcileDisclosure(linesOf('002'), tablesOf('002'));
  assert.equal(r.tables.project_count, 9);
  assert.deepEqual(r.findings.map((f) => f.code), ['disclosure-gap-explained']);
  assert.match(r.findings[0].message, /9694.06 万元，绩效目标表中为 12266.37 万元.*上年结转资金859.31万元/);
});

test('reconcileDisclosure(001) and (003): every gap is the unpublished transfer projects; no warning', () => {
  for (const p of ['001', '003']) {
    const r = reconcileDisclosure(linesOf(p), tablesOf(p));
    assert.deepEqual(r.findings.map((f) => f.code), ['disclosure-gap-explained', 'disclosure-gap-explained'], p);
  }
});

test('disclosure-count-gap fires when a fiscal table is missing and the notes do not say why (003 without 线路租赁费, synthetic)', () => {
  const tables = tablesOf('003').filter((t) => t.title_line !== 510);
  const r = reconcileDisclosure(linesOf('003'), tables);
  const f = r.findings.find((x) => x.code === 'disclosure-count-gap');
  assert.ok(f);
  assert.match(f.message, /财政拨款项目个数 4 个，绩效目标表中为 1 个；按「其他需说明的事项」调整后应为 2 个，表中仍少 1 个/);
});

test('disclosure-not-found: a text without the paragraph (synthetic: 003 lines before 预算绩效情况 removed)', () => {
  const lines = linesOf('003').map((l) => (l.includes('预算绩效情况') ? '' : l));
  const r = reconcileDisclosure(lines, tablesOf('003'));
  assert.equal(r.disclosure, null);
  assert.deepEqual(r.findings.map((f) => f.code), ['disclosure-not-found']);
  assert.ok(!reconcileDisclosure(linesOf('003'), tablesOf('003')).findings.some((f) => f.code === 'disclosure-not-found'));
});

test('disclosure-unparsed: a paragraph with no count or amount (synthetic)', () => {
  const r = reconcileDisclosure(['(四) 预算绩效情况', '本单位绩效目标详见下表。', '项目支出绩效目标表'], tablesOf('003'));
  assert.deepEqual(r.findings.map((f) => f.code), ['disclosure-unparsed']);
  assert.deepEqual(r.findings[0].lines, [1, 2]);
});

test('parseNotesText splits 上年结转 (fiscal) from 上年结余 of a 非财政拨款 sentence', () => {
  const n = parseNotesText('上年结转资金10.00万元做在同一表。非财政拨款项目1个，涉及预算金额8.00万元，其中：当年5.00万元，上年结余3.00万元。');
  assert.equal(n.carryover_fiscal, 10);
  assert.equal(n.carryover_nonfiscal, 3);
  assert.equal(n.explains, true);
  assert.equal(parseDisclosureText('2024年，本部门整体预算绩效目标2个，涉及金额1,000.50万元').overall_amount, 1000.5);
});

test('tableFigures counts a table funded only by 其他资金 as non-fiscal (001:655 失业保险宣传项目（自有资金）)', () => {
  const f = tableFigures(tablesOf('001'));
  assert.equal(f.nonfiscal_count, 1);
  assert.equal(f.nonfiscal_amount, 5.15);
  assert.equal(f.fiscal_amount, 99);
});

test('reconcileDisclosure compares no amount when a table\'s budget was not read (003 with 线路租赁费 budget null, synthetic)', () => {
  const tables = tablesOf('003').map((t) => (t.title_line === 510 ? {...t, budget_total: null, budget_fiscal: null, budget_other: null} : t));
  const r = reconcileDisclosure(linesOf('003'), tables);
  assert.equal(r.tables.project_amounts_known, false);
  assert.ok(!r.findings.some((f) => f.code === 'disclosure-amount-gap' || /金额/.test(f.message.split(' / ')[0].slice(0, 20))));
});

test('parseDisclosureText reads a self-evaluation paragraph: "对 1 个项目开展绩效自评，涉及预算金额 356.00 万元"', () => {
  const d = parseDisclosureText('2024年，本单位对1个项目开展绩效自评，涉及预算金额356.00万元，自评得分88.39分。');
  assert.equal(d.project_count, 1);
  assert.equal(d.project_amount, 356);
});
