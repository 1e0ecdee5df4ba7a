// Grid rows (token runs per column) → Indicator records: label-only rows carried to the rows they head, stray
// runs appended to the cell they continue (a basis wrapped past a page break) or reported, 一级/二级 filled
// down as merged cells mean, whitespace the dump inserted removed, each row's source lines computed.
import type {ColumnKey, Diagnostic, Indicator} from '../types.ts';
import {admitsChild, COLUMN_ORDER, isLevel1, isLevel2, LEVEL1_CHILDREN, PROJECT_COLUMNS, parentsOf} from '../vocab.ts';
import {cellScore, parseWeight, PLAIN_CONTEXT, type ScoreContext} from './grammar.ts';
import type {GridParse, GridRow} from './grid.ts';
import {compact, type Token} from './lines.ts';
import * as messages from '../diagnostics/messages.ts';
import {maxOf, minOf, pushAll} from '../arrays.ts';

/** What assembling rows produced. */
export interface Assembled {
  indicators: Indicator[];
  diagnostics: Diagnostic[];
  /** Tokens that went into a cell. */
  placed: Token[];
  /** Tokens reported in a diagnostic. */
  reported: Token[];
  /** Per indicator, the cells of the project columns of a flat multi-project table, as printed (none without them). */
  owners: ProjectCells[];
}

/** The 项目名称 / 项目资金 / 年度绩效目标 cells a row of a flat table printed ("" where merged from above). */
export interface ProjectCells {
  project: string;
  budget: string;
  goal: string;
}

interface Draft {
  cells: Map<ColumnKey, Token[]>;
}

/** Merged columns: printed once over several rows, carried to the rows below. */
const LABEL_COLUMNS = new Set<ColumnKey>(['level1', 'level2', ...PROJECT_COLUMNS]);

/** The text of a cell: its tokens joined with the dump's whitespace removed. */
export const cellText = (tokens: ReadonlyArray<Token>): string => compact(tokens.map((t) => t.text).join(''));

/**
 * Turn the grid parses of one table into indicator records.
 * @param parses Grid parses in source order (one per row in tabbed layout, one for a wrapped stream).
 * @param columns The columns the table has (others are null in the records).
 */
export function assembleRows(
  parses: ReadonlyArray<GridParse>, columns: readonly ColumnKey[], context: ScoreContext, file: string,
): Assembled {
  const out: Assembled = {indicators: [], diagnostics: [], placed: [], reported: [], owners: []};
  const drafts: Draft[] = [];
  let pending: Map<ColumnKey, Token[]> | null = null;
  let stray: Token[] = [];
  const flushStray = (): void => {
    if (stray.length === 0) return;
    const last = drafts[drafts.length - 1];
    if (!(last && attach(last, stray, context))) report(out, stray, file);
    stray = [];
  };
  for (const parse of parses) {
    for (const item of parse.items) {
      if ('dropped' in item) {
        if (item.dropped.pageNumber) {
          out.reported.push(item.dropped.token);
          out.diagnostics.push(messages.pageNumber(file, item.dropped.token.line, item.dropped.token.text));
        } else stray.push(item.dropped.token);
        continue;
      }
      const kind = rowKind(item.row);
      if (kind === 'weak') { pushAll(stray, allTokens(item.row)); continue; }
      flushStray();
      if (kind === 'labels') { pending = mergeLabels(pending, item.row.cells); continue; }
      const draft: Draft = {cells: new Map(item.row.cells)};
      if (pending) for (const [k, v] of pending) if (!draft.cells.has(k)) draft.cells.set(k, v);
      pending = null;
      drafts.push(draft);
    }
  }
  flushStray();
  if (pending) report(out, [...pending.values()].flat(), file);
  for (const d of drafts) for (const tokens of d.cells.values()) pushAll(out.placed, tokens);
  const has = new Set(columns);
  out.indicators = fillDown(drafts.map((d) => toIndicator(d, has)));
  if (has.has('project')) {
    out.owners = drafts.map((d) => ({
      project: cellText(d.cells.get('project') ?? []), budget: cellText(d.cells.get('project_budget') ?? []),
      goal: cellText(d.cells.get('project_goal') ?? []),
    }));
  }
  return out;
}

/** A row is `labels` when it holds only 一级/二级, `weak` when it has neither target nor weight. */
function rowKind(row: GridRow): 'labels' | 'weak' | 'full' {
  const keys = [...row.cells.keys()];
  if (keys.every((k) => LABEL_COLUMNS.has(k))) return 'labels';
  if (!row.cells.has('target') && !row.cells.has('weight')) return 'weak';
  return 'full';
}

function allTokens(row: GridRow): Token[] {
  return [...row.cells.values()].flat().sort((a, b) => a.line - b.line);
}

function mergeLabels(pending: Map<ColumnKey, Token[]> | null, cells: Map<ColumnKey, Token[]>): Map<ColumnKey, Token[]> {
  const merged = new Map(pending ?? []);
  if (cells.has('project')) { merged.delete('level1'); merged.delete('level2'); } // a new project starts afresh
  if (cells.has('level1')) merged.delete('level2'); // a new 一级 starts a new group
  for (const [k, v] of cells) merged.set(k, v);
  return merged;
}

/**
 * Append a stray run to the cell of `draft` it most plausibly continues: a cell whose grammar still accepts
 * the longer text, on the latest line, rightmost. Returns false when no cell accepts it.
 */
function attach(draft: Draft, run: Token[], context: ScoreContext): boolean {
  // Only a run on a later line continues a cell; on the row's own line a separator came between them.
  const rowEnd = maxOf([...draft.cells.values()].flat().map((t) => t.line));
  if (run[0].line <= rowEnd) return false;
  const runText = cellText(run);
  let bestCol: ColumnKey | null = null;
  let bestKey = -Infinity;
  for (const [col, tokens] of draft.cells) {
    if (LABEL_COLUMNS.has(col)) continue;
    const before = cellScore(col, cellText(tokens), context);
    const after = cellScore(col, cellText(tokens) + runText, context);
    if (after === null || before === null || after < before - 1) continue;
    if (run[0].line - tokens[tokens.length - 1].line > MAX_CONTINUATION_GAP) continue;
    const key = tokens[tokens.length - 1].line * 100 + order(col);
    if (key > bestKey) { bestKey = key; bestCol = col; }
  }
  if (bestCol === null) return false;
  draft.cells.set(bestCol, [...draft.cells.get(bestCol)!, ...run]);
  return true;
}

/** A cell continues at most this many lines below its last line (one blank line between wrapped lines). */
const MAX_CONTINUATION_GAP = 4;
const order = (c: ColumnKey): number => COLUMN_ORDER.indexOf(c);

function report(out: Assembled, tokens: Token[], file: string): void {
  if (tokens.length === 0) return;
  pushAll(out.reported, tokens);
  const lines = tokens.map((t) => t.line);
  out.diagnostics.push(messages.unplacedText(file, minOf(lines), maxOf(lines), cellText(tokens)));
}

const NULLABLE = new Set<ColumnKey>(['basis', 'prior_year', 'scoring_rule', 'evidence']);

function toIndicator(d: Draft, has: ReadonlySet<ColumnKey>): Indicator {
  const text = (c: ColumnKey): string | null => {
    const tokens = d.cells.get(c);
    if (tokens) return cellText(tokens);
    return has.has(c) || !NULLABLE.has(c) ? '' : null;
  };
  const [first, last] = lineRange(d.cells.values());
  const weightText = text('weight');
  const weight = weightText ? parseWeight(weightText) : null;
  // 指标性质 | 指标值 | 度量单位 printed apart read as one target: "≥" "95" "%" → "≥95%".
  const nature = text('target_nature') ?? '';
  const comparatorNature = cellScore('target_nature', nature, PLAIN_CONTEXT) === 5;
  const target = [comparatorNature ? nature : '', text('target') ?? '', text('target_unit') ?? ''].join('');
  const rec: Indicator = {
    level1: text('level1') ?? '', level2: text('level2') ?? '', level3: text('level3') ?? '',
    target, basis: text('basis'), prior_year: text('prior_year'),
    weight, scoring_rule: text('scoring_rule'), evidence: text('evidence'),
    lines: [first, last],
  };
  if (weightText && weight === null) rec.weight_raw = weightText;
  if (nature !== '' && !comparatorNature) rec.target_nature = nature;
  if (has.has('actual')) rec.actual = text('actual') ?? '';
  if (has.has('score')) { const s = text('score'); rec.score = s ? parseWeight(s) : null; }
  if (has.has('deviation')) rec.deviation = text('deviation') ?? '';
  if (has.has('target_long')) rec.target_long_term = text('target_long') ?? '';
  if (has.has('explanation')) rec.explanation = text('explanation') ?? '';
  if (has.has('remark')) rec.remark = text('remark') ?? '';
  return rec;
}

/**
 * First and last source line of the cells' tokens (every line each token came from, see linesOf): what
 * Math.min/Math.max of all those lines give, without building the list. [Infinity, -Infinity] for no tokens.
 */
function lineRange(cells: Iterable<ReadonlyArray<Token>>): [number, number] {
  let first = Infinity;
  let last = -Infinity;
  for (const tokens of cells) {
    for (const t of tokens) {
      if (t.line < first) first = t.line;
      if (t.line > last) last = t.line;
      if (t.alsoLines) for (const l of t.alsoLines) { if (l < first) first = l; if (l > last) last = l; }
    }
  }
  return [first, last];
}

/**
 * A 二级 name read as 一级 and its 一级 as 二级 ("社会效益指标" | "效益指标"): reading-order dumps print merged
 * labels by height, a 二级 centred above its 一级 first. Only a 二级 that is no 一级 name, under a 一级 that admits it.
 */
function isSwappedLabelPair(level1: string, level2: string): boolean {
  return level1 !== '' && !isLevel1(level1) && isLevel2(level1) && isLevel1(level2) && admitsChild(level2, level1);
}

/**
 * A name read as a new 一级 that is a 二级 of the 一级 above, heading no 二级 of its own: the 二级 under it (成本指标
 * under 产出指标, as the Ministry of Finance 申报表 print it). A new 一级 always prints its first 二级 (a merged 二级
 * never spans two 一级): a 一级 without one, over rows none of which shows a 二级 it heads (as their 二级, or cut
 * into the start of their 三级: "经济成本指"), is that 一级's 二级.
 */
function isLevel2OfAbove(rows: readonly Indicator[], k: number, above: string): boolean {
  const r = rows[k];
  if (above === '' || r.level1 === above || r.level2 !== '' || !isLevel1(r.level1) || !isLevel2(r.level1)) return false;
  if (!(parentsOf(r.level1) as readonly string[]).includes(above)) return false;
  const children: readonly string[] = LEVEL1_CHILDREN[r.level1].filter((c) => c !== r.level1);
  const headed = (row: Indicator): boolean => children.some((c) => row.level2 === c || (row.level3.length >= 3 && c.startsWith(row.level3.slice(0, 3))));
  for (let j = k; j < rows.length && (j === k || rows[j].level1 === ''); j++) if (headed(rows[j])) return false;
  return true;
}

/**
 * Fill empty 一级/二级 cells from the row above, as merged cells mean; a 二级 name whose usual 一级 differs
 * from the one above (社会效益指标 under 成本指标) takes its own parent. Leading rows take the first label below.
 */
export function fillDown(rows: Indicator[]): Indicator[] {
  let l1 = '';
  let l2 = '';
  for (const [k, r] of rows.entries()) {
    if (isSwappedLabelPair(r.level1, r.level2)) [r.level1, r.level2] = [r.level2, r.level1];
    if (isLevel2OfAbove(rows, k, l1)) [r.level1, r.level2] = [l1, r.level1];
    if (r.level1 === '') {
      const parents: readonly string[] = r.level2 === '' ? [] : parentsOf(r.level2);
      r.level1 = parents.length === 0 || parents.includes(l1) || l1 === '' && parents.length === 0 ? l1 : parents[0];
      if (r.level1 === '' && parents.length > 0) r.level1 = parents[0];
    } else if (r.level2 === '' && r.level1 !== l1) {
      l2 = '';
    }
    if (r.level2 === '') r.level2 = l2;
    l1 = r.level1;
    l2 = r.level2;
  }
  const firstL1 = rows.find((r) => r.level1 !== '')?.level1 ?? '';
  const firstL2 = rows.find((r) => r.level2 !== '')?.level2 ?? '';
  for (const r of rows) {
    if (r.level1 !== '' && r.level2 !== '') break;
    if (r.level1 === '') r.level1 = firstL1;
    if (r.level2 === '') r.level2 = firstL2;
  }
  return rows;
}
