// Coverage and structure of a table: how many indicators are quantitative and have a prior value, which
// categories are present; and the structural findings (产出/效益/成本/满意度 rows, 数量/质量/时效 under 产出,
// 一级/二级 in the vocabulary and consistent, 依据/赋分规则/佐证资料 in the vocabulary and in the right rows).
import type {Table} from '../types.ts';
import {isBasis, isEvidence, isLevel1, isLevel2, isScoringRule, LEVEL1_CHILDREN, parentsOf, type Level1} from '../vocab.ts';
import {indicatorType, isCostRow, isSatisfactionRow, level1Group} from './classify.ts';
import * as msg from './messages.ts';
import {parsePrior, parseTarget, rowAt} from './target.ts';
import {tableAt} from './weights.ts';
import type {Coverage, Finding, TargetParsed} from './types.ts';

const compact = (s: string): string => s.replace(/\s+/g, '');

/** Parsed target and prior of every row, when the caller has them already. */
export interface ParsedRows {
  targets: TargetParsed[];
  priors: Array<TargetParsed | null>;
}

const pushNew = (list: string[], s: string): void => { if (s !== '' && !list.includes(s)) list.push(s); };

/** Counts and shares of one table. */
export function tableCoverage(table: Table, parsed?: ParsedRows): Coverage {
  const targets = parsed?.targets ?? table.indicators.map((i) => parseTarget(i.target));
  const priors = parsed?.priors ?? table.indicators.map((i) => parsePrior(i.prior_year));
  const c: Coverage = {
    indicators: table.indicators.length, quantitative: 0, qualitative: 0, date: 0, unparsed: 0, quantitative_share: 0,
    with_prior: 0, prior_share: null, level1_present: [], level2_present: [], types_present: [],
  };
  const hasPriorColumn = table.indicators.some((i) => i.prior_year !== null);
  table.indicators.forEach((ind, k) => {
    const kind = targets[k].kind;
    if (kind === 'quantitative') c.quantitative++;
    else if (kind === 'qualitative') c.qualitative++;
    else if (kind === 'date') c.date++;
    else c.unparsed++;
    if (priors[k] !== null) c.with_prior++;
    pushNew(c.level1_present, compact(ind.level1));
    pushNew(c.level2_present, compact(ind.level2));
    pushNew(c.types_present, indicatorType(ind));
  });
  c.quantitative_share = c.indicators === 0 ? 0 : c.quantitative / c.indicators;
  c.prior_share = hasPriorColumn && c.indicators > 0 ? c.with_prior / c.indicators : null;
  return c;
}

/** Coverage of several tables together (a document). */
export function mergeCoverage(list: ReadonlyArray<Coverage>, tablesWithPriorColumn: number): Coverage {
  const c: Coverage = {
    indicators: 0, quantitative: 0, qualitative: 0, date: 0, unparsed: 0, quantitative_share: 0, with_prior: 0,
    prior_share: null, level1_present: [], level2_present: [], types_present: [],
  };
  let priorRows = 0;
  for (const x of list) {
    c.indicators += x.indicators;
    c.quantitative += x.quantitative;
    c.qualitative += x.qualitative;
    c.date += x.date;
    c.unparsed += x.unparsed;
    c.with_prior += x.with_prior;
    if (x.prior_share !== null) priorRows += x.indicators;
    for (const s of x.level1_present) pushNew(c.level1_present, s);
    for (const s of x.level2_present) pushNew(c.level2_present, s);
    for (const s of x.types_present) pushNew(c.types_present, s);
  }
  c.quantitative_share = c.indicators === 0 ? 0 : c.quantitative / c.indicators;
  c.prior_share = tablesWithPriorColumn > 0 && priorRows > 0 ? c.with_prior / priorRows : null;
  return c;
}

/** Structural and vocabulary findings of one table. */
export function checkStructure(table: Table): Finding[] {
  const out: Finding[] = [];
  const at = tableAt(table);
  if (table.kind === 'project' && table.indicators.length > 0) {
    const groups = new Set(table.indicators.map(level1Group));
    if (!groups.has('产出')) out.push(msg.missingOutput(at));
    if (!groups.has('效益')) out.push(msg.missingBenefit(at));
    if (!groups.has('成本')) out.push(msg.missingCost(at));
    if (!groups.has('满意度')) out.push(msg.missingSatisfaction(at));
    const outputs = table.indicators.filter((i) => level1Group(i) === '产出').map((i) => compact(i.level2));
    if (outputs.length > 0) {
      if (!outputs.some((l2) => l2.startsWith('数量'))) out.push(msg.outputMissing(at, 'quantity'));
      if (!outputs.some((l2) => l2.startsWith('质量'))) out.push(msg.outputMissing(at, 'quality'));
      if (!outputs.some((l2) => l2.startsWith('时效'))) out.push(msg.outputMissing(at, 'timeliness'));
    }
  }
  // Category names: reported once per distinct name (or pair), on the first row that has it.
  const seen = new Set<string>();
  const once = (key: string): boolean => (seen.has(key) ? false : (seen.add(key), true));
  for (const ind of table.indicators) {
    const rat = rowAt(table, ind);
    const l1 = compact(ind.level1);
    const l2 = compact(ind.level2);
    if (!isLevel1(l1)) {
      if (once(`1:${l1}`)) out.push(msg.level1Unknown(rat, l1, ind.level3));
    }
    // 二级 of overall tables is an open list (数量指标, 预算管理, 制度建设, 社会效益 …): only project tables are held to it.
    if (table.kind === 'project') {
      if (!isLevel2(l2)) {
        if (once(`2:${l2}`)) out.push(msg.level2Unknown(rat, l2, ind.level3));
      } else if (isLevel1(l1) && !(LEVEL1_CHILDREN[l1 as Level1] as readonly string[]).includes(l2)) {
        if (once(`12:${l1}/${l2}`)) out.push(msg.level2NotUnderLevel1(rat, l1, l2, parentsOf(l2)));
      }
    }
    // 依据 (null: the table has no such column): overall tables take free text ("2024年工作要点"), so only
    // project tables are held to the words.
    if (ind.basis !== null) {
      const basis = compact(ind.basis);
      if (basis === '') out.push(msg.basisEmpty(rat, ind.level3));
      else if (table.kind === 'project' && !isBasis(basis)) out.push(msg.basisNotInVocab(rat, ind.level3, ind.basis));
      if (basis === '预算支出标准' && !isCostRow(ind)) out.push(msg.budgetStandardOnNonCost(rat, ind.level3));
    }
    if (ind.scoring_rule !== null) {
      const rule = compact(ind.scoring_rule);
      if (rule === '') out.push(msg.scoringRuleEmpty(rat, ind.level3));
      else if (!isScoringRule(rule)) out.push(msg.scoringRuleNotInVocab(rat, ind.level3, ind.scoring_rule));
      if (rule === '满意度赋分' && !isSatisfactionRow(ind)) out.push(msg.satisfactionScoringOnNonSatisfaction(rat, ind.level3));
    }
    if (ind.evidence !== null) {
      const ev = compact(ind.evidence);
      if (ev === '') out.push(msg.evidenceEmpty(rat, ind.level3));
      else if (!isEvidence(ev)) out.push(msg.evidenceNotInVocab(rat, ind.level3, ind.evidence));
    }
  }
  return out;
}
