// Money: a table's budget against its parts and its cost targets, and a document's tables against what its
// "(四) 预算绩效情况" paragraph announces, allowing for what "(五) 其他需说明的事项" explains (transfer-payment
// projects not published, 上年结转/结余 merged into a table). Pure: the document comes in as lines.
import type {Indicator, Table} from '../types.ts';
import {bareName, isCostRow} from './classify.ts';
import * as msg from './messages.ts';
import {parseTarget, rowAt} from './target.ts';
import {tableAt} from './weights.ts';
import type {At, Disclosure, DisclosureNotes, Finding, Reconciliation} from './types.ts';

/** Amounts equal within half a 元 per 100 (万元 printed with 2 decimals). */
export const MONEY_TOLERANCE = 0.005;

const compact = (s: string): string => s.replace(/\s+/g, '');
const round2 = (n: number): number => Math.round(n * 100) / 100;
const differs = (a: number, b: number): boolean => Math.abs(a - b) > MONEY_TOLERANCE;

/**
 * A cost target as an annual amount in 万元: 万元 / 万 as printed, 万元/月 or a 每月 name × 12; null for other
 * units (元, 元/人, %, …) or a non-cost row.
 * @example costAmount({level1: '成本指标', level3: '平均每月发放…资金数', target: '≥240万/月', …}) // => {amount: 2880, annualised: true}
 */
export function costAmount(ind: Indicator): {amount: number; annualised: boolean} | null {
  if (!isCostRow(ind)) return null;
  const p = parseTarget(ind.target);
  if (p.kind !== 'quantitative' || p.value === null || p.unit === null) return null;
  const unit = p.unit;
  const monthlyName = /(每月|月均|每个月|平均每月)/.test(bareName(ind.level3));
  if (unit === '万元' || unit === '万' || unit === '万元/年') {
    return monthlyName ? {amount: p.value * 12, annualised: true} : {amount: p.value, annualised: false};
  }
  if (unit === '万元/月' || unit === '万/月') return {amount: p.value * 12, annualised: true};
  return null;
}

/** Money findings of one table: budget parts, cost targets against the budget. */
export function checkMoney(table: Table): Finding[] {
  const out: Finding[] = [];
  const at = tableAt(table);
  const total = table.budget_total;
  if (total !== null && table.budget_total_source === 'printed') {
    if (table.kind === 'project' && table.budget_fiscal !== null && table.budget_other !== null) {
      const parts = table.budget_fiscal + table.budget_other;
      if (differs(total, parts)) out.push(msg.budgetPartsMismatch(at, total, parts, '财政拨款与其他资金 / 财政拨款 and 其他资金'));
    }
    if (table.kind === 'overall') {
      const up = table.budget_upper ?? null;
      const local = table.budget_local ?? null;
      if (up !== null || local !== null) {
        const parts = (up ?? 0) + (local ?? 0) + (table.budget_other ?? 0);
        if (differs(total, parts)) out.push(msg.budgetPartsMismatch(at, total, parts, '上级安排、本级安排与其他资金 / 上级安排, 本级安排 and 其他资金'));
      } else if (table.budget_fiscal !== null) {
        const parts = table.budget_fiscal + (table.budget_other ?? 0);
        if (differs(total, parts)) out.push(msg.budgetPartsMismatch(at, total, parts, '财政资金与其他资金 / 财政资金 and 其他资金'));
      }
    }
  }
  if (table.kind === 'project' && total !== null && total > 0) {
    let ceilings = 0;
    let ceilingRows = 0;
    let anyOver = false;
    for (const ind of table.indicators) {
      const c = costAmount(ind);
      if (c === null) continue;
      if (c.amount > total + MONEY_TOLERANCE) {
        anyOver = true;
        out.push(msg.costExceedsBudget(rowAt(table, ind), ind.level3, ind.target, c.amount, total, c.annualised));
      }
      const cmp = parseTarget(ind.target).comparator;
      if (!c.annualised && cmp !== '>=' && cmp !== '>') { ceilings += c.amount; ceilingRows++; }
    }
    if (!anyOver && ceilingRows >= 2 && ceilings > total + MONEY_TOLERANCE) out.push(msg.costSumExceedsBudget(at, round2(ceilings), total, ceilingRows));
  }
  return out;
}

// ── The disclosure paragraph ─────────────────────────────────────────────────────────────────────────────

const toNumber = (s: string): number => Number(s.replace(/[,，]/g, ''));
const AMOUNT = '([\\d,，]+(?:\\.\\d+)?)';
const HEADING_4 = /^(?:[（(]?[四4][)）]|[四4][、.．])?预算绩效(?:目标)?(?:管理)?情况(?:说明)?[:：]?/;
const HEADING_5 = /^(?:[（(]?[五5][)）]|[五5][、.．])?其他需(?:要)?说明的(?:事项|情况)[:：]?/;
const PARA_END = /绩效目标表|^(?:[（(]?[五六七5-7][)）]|[五六七][、.．])|^第[一二三四五六七]部分|^名词解释/;
const NOTES_END = /^第[一二三四五六七]部分|^名词解释|^(?:[（(]?[六七6-7][)）]|[六七][、.．])|绩效目标表$/;
const MAX_PARAGRAPH_LINES = 16;

/** The (四) heading: numbered ("(四) 预算绩效情况", "四、…"), or the bare words on a short line of their own. */
function isHeading4(c: string): boolean {
  if (!HEADING_4.test(c)) return false;
  return /^(?:[（(]?[四4][)）]|[四4][、.．])/.test(c) || c.length <= 12;
}

/** Collect a paragraph after a heading line: compact text and its last line (1-based). */
function collect(lines: ReadonlyArray<string>, headingIndex: number, heading: RegExp, end: RegExp): {text: string; last: number} {
  let text = compact(lines[headingIndex]).replace(heading, '');
  let last = headingIndex + 1;
  let seen = 0;
  for (let i = headingIndex + 1; i < lines.length && seen < MAX_PARAGRAPH_LINES; i++) {
    const c = compact(lines[i]);
    if (c === '') continue;
    if (end.test(c)) break;
    text += c;
    last = i + 1;
    seen++;
  }
  return {text, last};
}

const firstMatch = (re: RegExp, s: string): RegExpExecArray | null => re.exec(s);

/** Read the (四) paragraph's text. */
export function parseDisclosureText(text: string): Omit<Disclosure, 'lines' | 'notes'> {
  const d: Omit<Disclosure, 'lines' | 'notes'> = {
    year: null, overall_count: null, overall_amount: null, project_count: null, project_amount: null, fiscal_count: null, fiscal_amount: null,
    nonfiscal_count: null, nonfiscal_amount: null,
  };
  const y = /^(\d{4})年/.exec(text) ?? /(\d{4})年/.exec(text);
  if (y) d.year = Number(y[1]);
  const money = `(?:[，,；;]?涉及(?:预算)?(?:金额|资金)${AMOUNT}万元)?`;
  const overall = firstMatch(new RegExp(`整体(?:支出)?(?:预算)?绩效目标(\\d+)个${money}`), text);
  if (overall) {
    d.overall_count = Number(overall[1]);
    if (overall[2] !== undefined) d.overall_amount = toNumber(overall[2]);
  }
  const fiscal = firstMatch(new RegExp(`(?<!非)财政拨款(?:预算)?项目(?:(\\d+)个)?${money}`), text);
  if (fiscal) {
    if (fiscal[1] !== undefined) d.fiscal_count = Number(fiscal[1]);
    if (fiscal[2] !== undefined) d.fiscal_amount = toNumber(fiscal[2]);
  }
  const nonfiscal = firstMatch(new RegExp(`非财政拨款(?:预算)?项目(?:(\\d+)个)?${money}`), text);
  if (nonfiscal) {
    if (nonfiscal[1] !== undefined) d.nonfiscal_count = Number(nonfiscal[1]);
    if (nonfiscal[2] !== undefined) d.nonfiscal_amount = toNumber(nonfiscal[2]);
  }
  const total = /项目共(\d+)个/.exec(text) ?? /安排(?:预算)?项目(\d+)个/.exec(text);
  if (total) d.project_count = Number(total[1]);
  // Self-evaluation disclosures: "对 1 个项目开展绩效自评，涉及预算金额 356.00 万元".
  const evaluated = new RegExp(`对(\\d+)个项目开展(?:了)?(?:绩效)?自评${money}`).exec(text);
  if (evaluated) {
    d.project_count = Number(evaluated[1]);
    if (evaluated[2] !== undefined) d.project_amount = toNumber(evaluated[2]);
  }
  return d;
}

/** Read the (五) notes: transfer-payment projects and carry-over amounts. */
export function parseNotesText(text: string): Omit<DisclosureNotes, 'lines'> {
  const notes: Omit<DisclosureNotes, 'lines'> = {
    text, transfer_count: null, transfer_amount: null, carryover_fiscal: 0, carryover_nonfiscal: 0,
    explains: /转移支付|上年结转|上年结余|不公开|不予公开/.test(text),
  };
  const money = `[，,]?涉及(?:预算)?(?:金额|资金)${AMOUNT}万元`;
  const transfer = [
    new RegExp(`(\\d+)个(?:上级)?转移支付(?:资金)?项目${money}`, 'g'),
    new RegExp(`转移支付(?:资金)?项目(\\d+)个${money}`, 'g'),
  ];
  for (const re of transfer) {
    for (const m of text.matchAll(re)) {
      notes.transfer_count = (notes.transfer_count ?? 0) + Number(m[1]);
      notes.transfer_amount = round2((notes.transfer_amount ?? 0) + toNumber(m[2]));
    }
  }
  for (const sentence of text.split(/[。；;]/)) {
    for (const m of sentence.matchAll(new RegExp(`上年(?:结转|结余)(?:结余)?(?:资金)?${AMOUNT}万元`, 'g'))) {
      if (/非财政拨款/.test(sentence)) notes.carryover_nonfiscal = round2(notes.carryover_nonfiscal + toNumber(m[1]));
      else notes.carryover_fiscal = round2(notes.carryover_fiscal + toNumber(m[1]));
    }
  }
  return notes;
}

/** Sentences of the notes that explain something, for fiscal or non-fiscal figures. */
function quoteOf(notes: DisclosureNotes | null, side: 'fiscal' | 'nonfiscal' | 'any'): string | null {
  if (notes === null || !notes.explains) return null;
  const sentences = notes.text.split('。').filter((s) => /转移支付|上年结转|上年结余|不公开|不予公开/.test(s) || (side === 'nonfiscal' && /非财政拨款/.test(s)));
  const picked = side === 'any' ? sentences
    : sentences.filter((s) => (side === 'nonfiscal' ? /非财政拨款|上年结余/.test(s) : !/非财政拨款/.test(s)));
  return picked.length > 0 ? picked.join('。') + '。' : null;
}

/** What the tables hold, for reconciliation. */
export function tableFigures(tables: ReadonlyArray<Table>): Reconciliation['tables'] {
  const t: Reconciliation['tables'] = {
    overall_count: 0, overall_amount: 0, project_count: 0, fiscal_count: 0, nonfiscal_count: 0, project_amount: 0,
    fiscal_amount: 0, nonfiscal_amount: 0, project_amounts_known: true, overall_amounts_known: true,
  };
  for (const tb of tables) {
    if (tb.budget_total === null) {
      if (tb.kind === 'overall') t.overall_amounts_known = false;
      else t.project_amounts_known = false;
    }
    if (tb.kind === 'overall') {
      t.overall_count++;
      t.overall_amount = round2(t.overall_amount + (tb.budget_total ?? 0));
      continue;
    }
    t.project_count++;
    t.project_amount = round2(t.project_amount + (tb.budget_total ?? 0));
    const fiscal = tb.budget_fiscal ?? null;
    const other = tb.budget_other ?? 0;
    // A table funded only by 其他资金 is a non-fiscal project; one with any 财政拨款 counts as fiscal.
    if ((fiscal ?? 0) === 0 && other > 0) t.nonfiscal_count++;
    else t.fiscal_count++;
    t.fiscal_amount = round2(t.fiscal_amount + (fiscal ?? Math.max(0, (tb.budget_total ?? 0) - other)));
    t.nonfiscal_amount = round2(t.nonfiscal_amount + other);
  }
  return t;
}

/**
 * Reconcile the "(四) 预算绩效情况" paragraph with the tables found, allowing for "(五) 其他需说明的事项".
 * `lines` are the document's lines (index 0 = line 1).
 * @example reconcileDisclosure(lines of 004, tables of 004).findings
 *   // => [disclosure-amount-gap: overall 5532.3 announced, 5332.3 in the table; disclosure-gap-explained …]
 */
export function reconcileDisclosure(lines: ReadonlyArray<string>, tables: ReadonlyArray<Table>): Reconciliation {
  const figures = tableFigures(tables);
  const findings: Finding[] = [];
  const h4 = lines.findIndex((l) => isHeading4(compact(l)));
  if (h4 < 0) {
    if (tables.length > 0) findings.push(msg.disclosureNotFound({lines: [1, Math.max(1, lines.length)], table_line: 0}));
    return {disclosure: null, tables: figures, findings};
  }
  const para = collect(lines, h4, HEADING_4, PARA_END);
  const at: At = {lines: [h4 + 1, para.last], table_line: 0};
  let notes: DisclosureNotes | null = null;
  const h5 = lines.findIndex((l, i) => i > h4 && HEADING_5.test(compact(l)));
  if (h5 >= 0) {
    const n = collect(lines, h5, HEADING_5, NOTES_END);
    notes = {lines: [h5 + 1, n.last], ...parseNotesText(n.text)};
  }
  const disclosure: Disclosure = {lines: at.lines, ...parseDisclosureText(para.text), notes};
  const d = disclosure;
  if (d.overall_count === null && d.fiscal_count === null && d.fiscal_amount === null && d.project_count === null && d.nonfiscal_amount === null && d.project_amount === null) {
    findings.push(msg.disclosureUnparsed(at, para.text));
    return {disclosure, tables: figures, findings};
  }
  const transferCount = notes?.transfer_count ?? 0;
  const transferAmount = notes?.transfer_amount ?? 0;
  const carryFiscal = notes?.carryover_fiscal ?? 0;
  const carryOther = notes?.carryover_nonfiscal ?? 0;

  /** Compare one figure; `expected` is what the tables should hold once the notes are applied. */
  const compare = (kind: 'count' | 'amount', what: string, announced: number | null, tabled: number, expected: number, side: 'fiscal' | 'nonfiscal' | 'any'): void => {
    if (announced === null) return;
    const same = (a: number, b: number): boolean => (kind === 'count' ? a === b : !differs(a, b));
    if (same(announced, tabled)) return;
    const quote = quoteOf(notes, side);
    if (same(expected, tabled) && quote !== null) findings.push(msg.disclosureGapExplained(at, kind, what, announced, tabled, quote));
    else findings.push(msg.disclosureGap(at, kind, what, announced, tabled, same(expected, announced) ? null : round2(expected), quote));
  };

  compare('count', '整体绩效目标个数 / overall targets', d.overall_count, figures.overall_count, d.overall_count ?? 0, 'any');
  // Amounts are compared only when every table's budget was read (an unread budget is not a gap).
  if (d.overall_amount !== null && figures.overall_amounts_known && (figures.overall_count > 0 || d.overall_amount > 0)) {
    compare('amount', '整体绩效目标涉及金额 / the overall target', d.overall_amount, figures.overall_amount, d.overall_amount, 'any');
  }
  if (d.fiscal_count !== null) {
    compare('count', '财政拨款项目个数 / fiscal projects', d.fiscal_count, figures.fiscal_count, d.fiscal_count - transferCount, 'fiscal');
  }
  if (d.nonfiscal_count !== null) {
    compare('count', '非财政拨款项目个数 / non-fiscal projects', d.nonfiscal_count, figures.nonfiscal_count, d.nonfiscal_count, 'nonfiscal');
  }
  if (d.fiscal_count === null && d.nonfiscal_count === null && d.project_count !== null) {
    compare('count', '项目个数 / projects', d.project_count, figures.project_count, d.project_count - transferCount, 'any');
  }
  if (figures.project_amounts_known) {
    if (d.fiscal_amount !== null) {
      compare('amount', '财政拨款项目金额 / fiscal projects', d.fiscal_amount, figures.fiscal_amount, d.fiscal_amount - transferAmount + carryFiscal, 'fiscal');
    }
    if (d.nonfiscal_amount !== null) {
      compare('amount', '非财政拨款项目金额 / non-fiscal projects', d.nonfiscal_amount, figures.nonfiscal_amount, d.nonfiscal_amount + carryOther, 'nonfiscal');
    }
    if (d.fiscal_amount === null && d.nonfiscal_amount === null && d.project_amount !== null) {
      compare('amount', '项目金额 / projects', d.project_amount, figures.project_amount, d.project_amount - transferAmount + carryFiscal + carryOther, 'any');
    }
  }
  return {disclosure, tables: figures, findings};
}
