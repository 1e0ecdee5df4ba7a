// Reading-order dumps (pdftotext without flags) print a table row's cells as blocks: several cells of one
// visual line on one text line in column order, or one fragment per line, with the lines of neighbouring cells
// and rows interleaved ("按照完成比例赋 工作资料" / "补贴公交线路数" / "=18条" / … / "分"). Two things hold whatever
// the order: the words of one text line stand left to right on one baseline of one row, and each column's
// fragments come top to bottom. So this labels every line's tokens with columns (a small programme per line:
// a new cell, or the continuation of the column's open cell), numbers each column's cells into rows, and puts
// the 一级/二级 labels at the rows they are printed beside. The result is a grid parse like segmentGrid's.
// A line's reading is judged by the lines after it (a name continued looks as good as a new one until a later
// line starts a row left without a name): the 16 best readings are kept from line to line (a beam), and at the
// end rows missing a required cell are charged and weights summing to 90/100 count.
import type {ColumnKey} from '../types.ts';
import {BASES, COLUMN_ALIASES, COLUMN_ORDER, EVIDENCE, GRID_LABELS, isBasis, isEvidence, LEVEL1_CHILDREN, LEVEL_NAMES, SCORING_RULES} from '../vocab.ts';
import {cellScore, isQualitative, parseValue, parseWeight, readComparator, weightsAddUp, type ScoreContext} from './grammar.ts';
import type {GridParse, GridRow} from './grid.ts';
import {newToken, type Token} from './lines.ts';
import {labelSpans, type Extent, type PlacedLabel} from './label-spans.ts';
import {inVocabularyOrder} from './labels.ts';
import {assembleRows} from './rows.ts';
import {measuredKind, type RowKind} from './row-kind.ts';
import {maxOf, minOf, pushAll} from '../arrays.ts';

/**
 * Merged cells printed beside the middle of the rows they head: 一级/二级 labels, and a flat table's 项目资金 and
 * 年度绩效目标 (its project names are printed apart, see flat.ts).
 */
export const LABELS = new Set<ColumnKey>(['level1', 'level2', 'project_budget', 'project_goal']);
/** Columns a row may lack: merged labels, an empty prior-year value, a unit, a deviation note. */
export const OPTIONAL = new Set<ColumnKey>([...LABELS, 'prior_year', 'target_unit', 'deviation']);

const LEVEL1_WORDS: readonly string[] = Object.keys(LEVEL1_CHILDREN);
/** The closed vocabulary of a column, where it has one: a beginning of one of its words is an open cell. */
const VOCABULARY: Partial<Record<ColumnKey, readonly string[]>> = {
  level1: LEVEL1_WORDS, level2: LEVEL_NAMES.filter((n) => !LEVEL1_WORDS.includes(n) || n.endsWith('指标')),
  basis: BASES, scoring_rule: SCORING_RULES, evidence: EVIDENCE,
};
const PREFIXES: Partial<Record<ColumnKey, Set<string>>> = Object.fromEntries(Object.entries(VOCABULARY).map(([c, words]) => [
  c, new Set(words.flatMap((w) => Array.from({length: w.length - 1}, (_, k) => w.slice(0, k + 1)))),
]));

/** Score of a cell still waiting for its end (a beginning of a vocabulary word). */
const PREFIX_SCORE = 2;
/** A cell starting a row that no column has reached yet. */
const NEW_ROW = -0.5;
/** Cells of one text line placed in different rows (a line is one baseline of one row). */
const MIXED_ROWS = -6;
/** A row left without a cell of a column every row has. */
const MISSING_CELL = -4;
/** A fragment wider than its column. */
const TOO_WIDE = -4;
/** A second cell of an optional column in one row. */
const SECOND_OPTIONAL = -3;
/** Continuing a cell whose last fragment filled its column's width, or stopped well short of it. */
const WRAP_LIKELY = 2;
const ENDED_SHORT = -1;
/** A cell left as the beginning of a vocabulary word (a new cell follows it, or the table ends). */
const UNFINISHED_WORD = -3;
/** A beginning of a 一级/二级 label read as the end of another column's cell. */
const LABEL_PIECE = -3;

/** A cell being read: its fragments (tokens, in dump order) and its row. */
interface Cell {
  tokens: Token[];
  /** The fragments' text, joined. */
  text: string;
  /** Printed width of its last fragment (the tokens of its last line). */
  lastWidth: number;
  row: number;
  /** Index of the line its last fragment is on. */
  lastLine: number;
}

/** Everything read so far: each column's cells in dump order. */
interface State {
  cells: Map<ColumnKey, Cell[]>;
  /** Rows started: the most cells any non-optional column has. */
  rows: number;
  /** The weights' sum (see weightSum), once asked for. */
  weights?: number;
}

/** One run of a line's tokens placed in a column, as a new cell or the continuation of the column's last one. */
export interface Placement {
  from: number;
  to: number;
  col: ColumnKey;
  cont: boolean;
  /** Row of the cell (-1: a label, placed later; undefined: an optional cell placed by its neighbours). */
  row: number | undefined;
}

const VALUE_COLUMNS = new Set<ColumnKey>(['target', 'prior_year', 'target_long', 'actual']);
const OPEN_WORD_COLUMNS = Object.keys(VOCABULARY) as ColumnKey[];

/** Is `text` the beginning, not the whole, of a word (or of a list of words) of the column's vocabulary? */
export function isOpenWord(col: ColumnKey, text: string): boolean {
  const prefixes = PREFIXES[col];
  if (!prefixes) return false;
  if (prefixes.has(text)) return !VOCABULARY[col]!.includes(text); // a whole word ("自定义") is no beginning
  if (col !== 'evidence') return false;
  const cut = Math.max(text.lastIndexOf('，'), text.lastIndexOf(','), text.lastIndexOf('、'));
  if (cut < 0) return false;
  const last = text.slice(cut + 1);
  return isEvidence(text.slice(0, cut)) && (last === '' || prefixes.has(last));
}

/** Is `text` the beginning of a 一级/二级 word, two characters or more ("质量指", "社会效益")? */
export function isLabelPiece(text: string): boolean {
  return text.length >= 2 && [...LABELS].some((c) => isOpenWord(c, text));
}

/**
 * Is `text` a whole word that a label adds "指标" to ("成本" of 成本指标, "社会效益" of 社会效益指标)? Names end so
 * too ("…专线成本"), so a name continued by it is no label cut in two (as "质量指" or "社会效" are).
 */
function isWordBeforeZhibiao(text: string): boolean {
  return LEVEL_NAMES.includes(text + '指标');
}

/** A 二级 label printed without its 指标 ("质量" of 质量指标), as some templates print them all. */
const isShortLabel = (col: ColumnKey, text: string): boolean => col === 'level2' && isWordBeforeZhibiao(text);

/**
 * Is the last of a column's cells, which no later fragment continued, a word left unfinished (isOpenWord)? A
 * short 二级 label beside another one (`neighbour`: the cell after it, or before it at the table's end) in a column
 * with no whole label is whole: a template prints its labels alike, so short ones only mean labels printed short.
 */
function leftUnfinished(col: ColumnKey, cells: ReadonlyArray<Cell>, neighbour: string | undefined): boolean {
  const text = cells[cells.length - 1].text;
  if (!isOpenWord(col, text)) return false;
  return !(isShortLabel(col, text) && neighbour !== undefined && isShortLabel(col, neighbour) && !cells.some((c) => c.text.endsWith('指标')));
}

/** How well a (possibly unfinished) text fits a column: cellScore, with open words and cut values between. */
export function fragmentScore(col: ColumnKey, text: string, context: ScoreContext): number | null {
  if (col === 'project_goal') return goalFragmentScore(text, context);
  if (col === 'project_budget' && !AMOUNT.test(text)) return null;
  if (isOpenWord(col, text)) return PREFIX_SCORE;
  // Titles are quoted whole (《…》): a "》" closing nothing ends a cell begun above, an open "《" waits for its end.
  const titles = titleBalance(text);
  if (titles === null) return null;
  if (titles > 0 && col === 'basis' && context.freeTextBasis) return PREFIX_SCORE;
  // The beginning of another column's word ("按照完成比例赋") is no value, and an unlikely name.
  // (In an overall table a whole word of the column's own vocabulary stays one: 管理效率 is a 一级 there as well as
  // the beginning of 管理效率指标. Project tables name their 一级 "…指标": there 满意度 is a piece of 满意度指标.)
  const ownWord = context.freeTextBasis === true && VOCABULARY[col]?.includes(text) === true;
  if (text.length >= 3 && !ownWord && OPEN_WORD_COLUMNS.some((c) => c !== col && isOpenWord(c, text))) {
    if (col === 'level3') return -3;
    if (col !== 'deviation') return null;
  }
  const s = cellScore(col, text, context);
  if (s === null) return null;
  // A deviation note explains, in clauses ("…不足，下一年度…"); a longer phrase without a break is a name.
  if (col === 'deviation' && text.length > 6 && !/[，,、；;。]/.test(text) && (cellScore('level3', text, context) ?? 0) > 0) return -1;
  if (col === 'target_unit' && !isShortUnit(text)) return null;
  if (VALUE_COLUMNS.has(col)) {
    const value = parseValue(text);
    // A unit is short (each part of 元/公里/年) and holds no column word: "≥14万人次补贴发放人次" is a value and a name.
    if (value.unit !== null && !isShortUnit(value.unit)) return null;
    // Qualitative values are short phrases (有效提高, 持续完善); a longer one is a name (…工作满意度), and so is
    // a short one naming a satisfaction (患者满意度: the rows under 满意度指标 are named so).
    if (value.kind === 'qualitative' && (text.length > 6 || text.endsWith('满意度'))) return -1;
  }
  // A value cut after "/" ("≤13275元/") waits for the rest of its unit.
  if (text.endsWith('/') && VALUE_COLUMNS.has(col)) return s - 4;
  return s;
}

/** Words of the closed vocabularies of the columns right of the values (bases, scoring rules, evidence). */
const RULE_WORDS: readonly string[] = [...BASES, ...SCORING_RULES, ...EVIDENCE];

/** Is `part` (of a unit) a piece of two characters or more from inside such a word ("成比例" of 按照完成比例赋分)? */
function isWordPiece(part: string): boolean {
  return part.length >= 2 && RULE_WORDS.some((w) => w.includes(part));
}

/** The first two characters of each "…指标" label (成本, 效益, 满意 …): no unit holds them ("万成本" is a unit and a name's end). */
const LABEL_STEMS: readonly string[] = [...new Set(LEVEL_NAMES.filter((n) => n.endsWith('指标')).map((n) => n.slice(0, 2)))];

/** Is the text a unit: short in each part (元/公里/年), holding no column word (标准, 赋分, 成本 …) nor a piece of one? */
function isShortUnit(unit: string): boolean {
  return unit.split('/').every((part) => part.length <= 5 && !isWordPiece(part)) && !/[指标准赋规资凭]/.test(unit)
    && !LABEL_STEMS.some((stem) => unit.includes(stem));
}

/** A flat table's 项目资金 is printed whole: a number of at most two decimals, thousands grouped or not. */
const AMOUNT = /^(?:\d{1,3}(?:[,，]\d{3})+|\d+)(?:\.\d{1,2})?$/;

/** A flat table's goal is a sentence ("保障…，开展…，提升…。"): a piece without its punctuation may as well be a name. */
const SENTENCE = /[，；。]/;
const GOAL_SENTENCE = 2.5;
const GOAL_PHRASE = 0;

function goalFragmentScore(text: string, context: ScoreContext): number | null {
  const s = cellScore('project_goal', text, context);
  if (s === null || readsAsValue(text, context)) return null;
  return SENTENCE.test(text) ? GOAL_SENTENCE : GOAL_PHRASE;
}

const readsAsValue = (text: string, context: ScoreContext): boolean => (cellScore('target', text, context) ?? 0) > 2;

/**
 * A goal is one merged cell per project whose lines are printed one by one among the rows': a goal's sentence
 * ends it ("…效能。": no line continues it, and a new goal starts only once the last one has ended), and a line
 * beginning with a one-character clause ("放，开展…") ends a word of the line before, so it starts no goal.
 */
const SENTENCE_END = /[。！？!?]$/;
const GOAL_BREAK = -3;

/** The charge for starting a goal cell with `text` after the column's cells. */
function goalStartCharge(text: string, cells: ReadonlyArray<Cell>): number {
  const last = cells[cells.length - 1];
  return (last && !SENTENCE_END.test(last.text) ? GOAL_BREAK : 0) + (/^[^，；。]?[，；。]/.test(text) ? GOAL_BREAK : 0);
}

/** The charge for continuing the goal `before` with `text` (null: a value is no line of a goal). */
function goalContinuationCharge(before: string, text: string, context: ScoreContext): number | null {
  if (readsAsValue(text, context)) return null;
  return SENTENCE_END.test(before) ? GOAL_BREAK : 0;
}

/** How many 《 a text leaves open, or null when a 》 closes none. */
function titleBalance(text: string): number | null {
  let open = 0;
  for (const ch of text) {
    if (ch === '《') open++;
    else if (ch === '》' && --open < 0) return null;
  }
  return open;
}

/** fragmentScore by scoring context, remembered: the beam asks the same question from every state it keeps. */
const FRAGMENT_SCORES = new WeakMap<ScoreContext, Map<ColumnKey, Map<string, number | null>>>();

function cachedFragmentScore(col: ColumnKey, text: string, context: ScoreContext): number | null {
  let byColumn = FRAGMENT_SCORES.get(context);
  if (!byColumn) FRAGMENT_SCORES.set(context, byColumn = new Map());
  let scores = byColumn.get(col);
  if (!scores) byColumn.set(col, scores = new Map());
  let score = scores.get(text);
  if (score === undefined) scores.set(text, score = fragmentScore(col, text, context));
  return score;
}

/** Printed width of a text in half-width units: CJK characters count two. */
function widthOf(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return w;
}

/**
 * Read a reading-order stream into rows of cells.
 * @example readingOrder(tokens of "按照完成比例赋 工作资料" / "补贴公交线路数" / "=18条" / "计划标准" / "18条" / "10" / "分", opts).items.length // => 1
 */
export function readingOrder(tokens: ReadonlyArray<Token>, columns: readonly ColumnKey[], context: ScoreContext): GridParse {
  const {lines: all, pageNumbers} = withoutPageNumbers(groupLines(tokens));
  // A grid label printed alone among the cells (the header's cell merged over every row) is no cell of a row.
  const gridLabels = all.filter(isGridLabel).flat();
  const lines = withJoinedLinesApart(all.filter((line) => !isGridLabel(line)), columns, context);
  // Two passes: the first measures how wide each column's fragments run, the second uses it to join wraps.
  const first = labelLines(lines, columns, context, null);
  const widths = columnWidths(lines, first);
  const placed = labelLines(lines, columns, context, widths);
  const parse = toParse(lines, placed, columns);
  const dropped = [...pageNumbers.map((token) => ({dropped: {token, pageNumber: true}})), ...gridLabels.map((token) => ({dropped: {token, pageNumber: false}}))];
  return {...parse, items: [...parse.items, ...dropped]};
}

/** Is a line a grid label alone ("年度绩效指标", vocab GRID_LABELS)? */
const isGridLabel = (line: ReadonlyArray<Token>): boolean => line.length === 1 && GRID_LABELS.includes(line[0].text);

/** The columns after the prior year whose words may follow a basis on its line (see withJoinedLinesApart). */
const RULE_COLUMNS: readonly ColumnKey[] = ['scoring_rule', 'evidence'];

/**
 * Lines pdftotext joined after a lone "-" (see withJoinedPriorDashes), put apart again: a basis word followed on
 * its line by a text that is no prior-year value, nor a word of the columns after it ("计划标准 障率": the end of a
 * wrapped name, "计划标准 辞去现职保留公职人 <=770.27": the next row's name and target). The prior-year cell between
 * printed the "-" that ended the line (the basis is marked so, see withJoinedPriorDashes), and the rest of the
 * line is read as the line it was.
 */
function withJoinedLinesApart(lines: Token[][], columns: readonly ColumnKey[], context: ScoreContext): Token[][] {
  if (context.freeTextBasis || columns.indexOf('prior_year') !== columns.indexOf('basis') + 1) return lines;
  const joinedAt = (line: Token[]): number => line.findIndex((t, i) => {
    const next = line[i + 1];
    return next !== undefined && isBasis(t.text) && HAN_START.test(next.text) && (fragmentScore('prior_year', next.text, context) ?? 0) <= 0
      && !RULE_COLUMNS.some((c) => isOpenWord(c, next.text) || (fragmentScore(c, next.text, context) ?? 0) > 0);
  });
  const apart = (line: Token[]): Token[][] => {
    const at = joinedAt(line);
    return at < 0 ? [line] : [[...line.slice(0, at), {...line[at], dashAfter: true}], ...apart(line.slice(at + 1))];
  };
  return lines.flatMap(apart);
}

/**
 * A page's number: a short number alone on the last line before a page break (a weight's look-alike), on a page
 * whose number is not printed in a footer already.
 */
export function withoutPageNumbers(lines: Token[][]): {lines: Token[][]; pageNumbers: Token[]} {
  const isPageNumber = (line: Token[], k: number): boolean =>
    line.length === 1 && /^\d{1,4}$/.test(line[0].text) && lines[k + 1]?.[0].pageBreak === true && lines[k + 1][0].afterFooter !== true;
  return {lines: lines.filter((line, k) => !isPageNumber(line, k)), pageNumbers: lines.flatMap((line, k) => (isPageNumber(line, k) ? line : []))};
}

export function groupLines(tokens: ReadonlyArray<Token>): Token[][] {
  const lines: Token[][] = [];
  for (const t of tokens) {
    const last = lines[lines.length - 1];
    if (last && last[0].line === t.line) last.push(t); else lines.push([t]);
  }
  return lines;
}

/** How wide each column's fragments run (half-width units), and whether its cells wrap at that width. */
type Widths = Map<ColumnKey, {widest: number; wraps: boolean}>;

/** Widest fragment of each column. */
function columnWidths(lines: ReadonlyArray<Token[]>, placed: ReadonlyArray<Placement[]>): Widths {
  const all = new Map<ColumnKey, number[]>();
  placed.forEach((line, k) => {
    for (const p of line) {
      const width = widthOf(lines[k].slice(p.from, p.to).map((t) => t.text).join(''));
      // A fragment is one token, or tokens spaced only around a number ("保障 12 个乡镇…"): no other cell is inside.
      if (p.to - p.from !== 1 && joinCharge(lines[k], p.from, p.to) !== SPACED_NUMBER * (p.to - p.from - 1)) continue;
      all.set(p.col, [...(all.get(p.col) ?? []), width]);
    }
  });
  // The widest name; of other columns the second widest, so that one misread fragment does not set the width.
  const widestOf = new Map([...all].map(([c, ws]) => {
    ws.sort((a, b) => b - a);
    return [c, ws[c === 'level3' ? 0 : Math.min(1, ws.length - 1)]] as const;
  }));
  const wrapped = wrappedColumns(lines, placed, widestOf);
  // Names vary in length: the name column wraps only when the first reading continued a name whose line was
  // full, else its widest name filled no line and joins no next one. (Other columns' widths come from their
  // second widest fragment.)
  return new Map([...widestOf].map(([c, widest]) => [c, {widest, wraps: c !== 'level3' || wrapped.has(c)}]));
}

/**
 * Columns of which the first reading continued a cell after a fragment as wide as the column's widest (but two),
 * or put one or two characters there as a cell of their own (too short for a name: a wrapped name's end): a cell
 * wraps where its line is full. A short name continued ("危桥改造完工时间" + "前", a date's end misread) tells no
 * wrapping.
 */
function wrappedColumns(lines: ReadonlyArray<Token[]>, placed: ReadonlyArray<Placement[]>, widest: ReadonlyMap<ColumnKey, number>): Set<ColumnKey> {
  const lastWidth = new Map<ColumnKey, {line: number; width: number}>();
  const wrapped = new Set<ColumnKey>();
  placed.forEach((line, k) => {
    for (const p of line) {
      const text = lines[k].slice(p.from, p.to).map((t) => t.text).join('');
      const width = widthOf(text);
      const last = lastWidth.get(p.col);
      const afterFull = last !== undefined && last.line < k && last.width >= (widest.get(p.col) ?? 0) - 2;
      if (afterFull && (p.cont || text.length <= 2)) wrapped.add(p.col);
      lastWidth.set(p.col, last !== undefined && last.line === k ? {line: k, width: last.width + width} : {line: k, width});
    }
  });
  return wrapped;
}

/** States kept from line to line: a reading that looks as good on its line as another (a name continued, or a
 * new one) is judged by the lines after it, which may start a row that it left without a name. */
const BEAM = 16;
/** Readings of one line tried from each kept state. */
const LINE_READINGS = 4;

/** A reading of the lines so far: its state, its total score and the placements of each line (last first). */
interface Hypothesis {
  state: State;
  score: number;
  history: {placements: Placement[]; back: Hypothesis['history']} | null;
}

/** Label every line in turn, each read against the cells of the lines before it, keeping the BEAM best readings. */
function labelLines(lines: ReadonlyArray<Token[]>, columns: readonly ColumnKey[], context: ScoreContext, widths: Widths | null): Placement[][] {
  let beam: Hypothesis[] = [{state: {cells: new Map(columns.map((c) => [c, []])), rows: 0}, score: 0, history: null}];
  lines.forEach((line, k) => {
    const next: Array<{from: Hypothesis; reading: Reading}> = [];
    const known: KnownOptions = new Map();
    for (const h of beam) for (const reading of labelLine(line, k, h.state, columns, context, widths, known)) next.push({from: h, reading});
    const hypotheses = next.map(({from, reading}) => ({
      state: applied(from.state, line, k, reading.placements, columns),
      score: from.score + reading.score,
      history: {placements: reading.placements, back: from.history},
    }));
    // Readings that leave the same open cells in the same rows read the lines after alike: the best of them stays.
    const merged = new Map<string, Hypothesis>();
    for (const h of hypotheses) {
      const key = stateKey(h.state);
      const kept = merged.get(key);
      if (!kept || h.score > kept.score) merged.set(key, h);
    }
    beam = keepBest([...merged.values()].map((h) => ({h, score: h.score + weightCharge(h.state, false, context)})), BEAM).map(({h}) => h);
  });
  let best = beam[0];
  let bestScore = -Infinity;
  for (const h of beam) {
    const unfinished = [...h.state.cells].filter(([c, cells]) => cells.length > 0 && leftUnfinished(c, cells, cells[cells.length - 2]?.text)).length;
    const score = h.score + MISSING_CELL * missingCells(h.state, columns) + weightCharge(h.state, true, context) + UNFINISHED_WORD * unfinished;
    if (score > bestScore) { best = h; bestScore = score; }
  }
  const out: Placement[][] = [];
  for (let at = best.history; at; at = at.back) out.unshift(at.placements);
  return out;
}

/**
 * Cells missing after each column's last one, in rows some other column has reached: names never read. Charged
 * at the end only: while reading, a column may run many rows behind the others (long tables print blocks of
 * names before their weights).
 */
function missingCells(state: State, columns: readonly ColumnKey[]): number {
  const required = columns.filter((c) => !OPTIONAL.has(c));
  const reached = (c: ColumnKey): number => lastRow(state.cells.get(c)!);
  const furthest = maxOf(required.map(reached), -1);
  return required.reduce((n, c) => n + furthest - reached(c), 0);
}

/** Weights sum to 90 or 100 in every table: a reading whose weights do gains, one whose weights pass 100 loses. */
const WEIGHTS_ADD_UP = 8;
const WEIGHTS_OVER = -8;

function weightSum(state: State): number {
  return state.weights ??= (state.cells.get('weight') ?? []).reduce((n, c) => n + (parseWeight(c.text) ?? 0), 0);
}

/** The charge of a reading's weights so far; `ended`: the whole table is read. */
function weightCharge(state: State, ended: boolean, context: ScoreContext): number {
  const sum = weightSum(state);
  if (sum > 100 * projectsOf(context) + 0.01) return WEIGHTS_OVER;
  return (ended && weightsAddUp(sum, projectsOf(context)) ? WEIGHTS_ADD_UP : 0) + amountCharge(state, context);
}

/** The projects a table holds: one, or those a flat table lists. */
const projectsOf = (context: ScoreContext): number => context.projects ?? 1;


/**
 * A flat table prints one 项目资金 and one goal per project (each a merged cell): more amounts are weights or
 * values misread, more goals are a goal's lines read apart.
 */
const EXTRA_AMOUNT = -6;

function amountCharge(state: State, context: ScoreContext): number {
  const extra = (col: ColumnKey): number => Math.max(0, (state.cells.get(col)?.length ?? 0) - projectsOf(context));
  return EXTRA_AMOUNT * (extra('project_budget') + extra('project_goal'));
}

/** What the reading of later lines depends on: each column's number of cells and its last cell, the weights' sum. */
function stateKey(state: State): string {
  return [...state.cells.values()].map((cells) => {
    const open = cells[cells.length - 1];
    return open ? `${cells.length}:${open.row}:${open.lastLine}:${open.tokens.length}` : '0';
  }).join('|') + `|${weightSum(state)}`;
}

/** The state after a line's placements (the state before is left as it was: other readings share it). */
function applied(state: State, line: Token[], k: number, placements: Placement[], columns: readonly ColumnKey[]): State {
  const cells = new Map(state.cells);
  const copied = new Set<ColumnKey>();
  for (const p of placements) {
    if (!copied.has(p.col)) { cells.set(p.col, [...cells.get(p.col)!]); copied.add(p.col); }
    const list = cells.get(p.col)!;
    const tokens = line.slice(p.from, p.to);
    const text = tokens.map((t) => t.text).join('');
    const open = list[list.length - 1];
    if (p.cont) {
      const lastWidth = open.lastLine === k ? open.lastWidth + widthOf(text) : widthOf(text);
      list[list.length - 1] = {tokens: [...open.tokens, ...tokens], text: open.text + text, lastWidth, row: open.row, lastLine: k};
    } else {
      list.push({tokens, text, lastWidth: widthOf(text), row: p.row ?? -1, lastLine: k});
    }
  }
  let rows = state.rows;
  for (const c of columns) if (!OPTIONAL.has(c)) rows = Math.max(rows, cells.get(c)!.length);
  return copied.has('weight') ? {cells, rows} : {cells, rows, weights: state.weights}; // the same weights, the same sum
}

/** One way to read a line: its placements and their score. */
interface Reading {
  placements: Placement[];
  score: number;
}

interface Step {
  score: number;
  /** Row of the line's cells so far (undefined: none placed yet). */
  lineRow: number | undefined;
  placement: Placement | null;
  back: Step | null;
  /** The last column placed on the line so far (-1: none). */
  last: number;
}

/**
 * The LINE_READINGS best placements of one line's tokens: runs of tokens in strictly increasing columns, each a
 * new cell or the continuation of its column's last cell; tokens no column takes are left out. The programme's
 * state is the last column used and the row of the line's cells (all of one row, or they pay MIXED_ROWS).
 */
function labelLine(
  line: Token[], k: number, state: State, columns: readonly ColumnKey[], context: ScoreContext, widths: Widths | null,
  known: KnownOptions = new Map(),
): Reading[] {
  const m = line.length;
  const K = columns.length;
  // best[i]: by last column and line row (lineKey), the best ways to have placed the tokens before i.
  const best: Array<Map<number, Step[]>> = Array.from({length: m + 1}, () => new Map());
  const relax = (j: number, score: number, lineRow: number | undefined, placement: Placement | null, back: Step | null, last: number): void => {
    const key = lineRow === undefined ? last + 1 : (lineRow + 1) * (K + 1) + last + 1;
    const kept = best[j].get(key);
    if (!kept) { best[j].set(key, [{score, lineRow, placement, back, last}]); return; }
    if (kept.length === LINE_READINGS && kept[kept.length - 1].score >= score) return;
    let at = kept.length;
    while (at > 0 && kept[at - 1].score < score) at--;
    kept.splice(at, 0, {score, lineRow, placement, back, last});
    if (kept.length > LINE_READINGS) kept.pop();
  };
  relax(0, 0, undefined, null, null, -1);
  // The ways a run can go into a column depend on the run, not on the steps before it: taken once per run.
  const runOptions: Array<Array<Placement & {score: number}> | undefined> = new Array(8 * K);
  const runCharge: number[] = new Array(8);
  const runText: string[] = new Array(8);
  for (let i = 0; i < m; i++) {
    runOptions.fill(undefined);
    let joined = '';
    for (let j = i + 1; j <= m && j - i <= 8; j++) {
      runCharge[j - i - 1] = joinCharge(line, i, j);
      runText[j - i - 1] = joined += line[j - 1].text;
    }
    for (const from of bestSteps(best[i])) {
      // Leave token i out.
      relax(i + 1, from.score + SKIP_TOKEN, from.lineRow, null, from, from.last);
      for (let j = i + 1; j <= m && j - i <= 8; j++) {
        const text = runText[j - i - 1];
        for (let c = from.last + 1; c < K; c++) {
          const at = (j - i - 1) * K + c;
          const found = runOptions[at] ?? (runOptions[at] = knownOptions(known, columns[c], text, i, j, k, state, context, widths, columns));
          // New cells in rows other than the line's all go to one key, best (lowest row) first: past the first
          // LINE_READINGS of them none can be kept.
          let mixed = 0;
          for (const option of found) {
            const row = option.row;
            let score = from.score + option.score + runCharge[j - i - 1];
            if (context.freeTextBasis && isLoneFreeBasis(option, text, from.last, state, columns)) score += LONE_FREE_BASIS;
            let lineRow = from.lineRow;
            if (row !== undefined && row >= 0) {
              if (lineRow === undefined) {
                lineRow = row;
                if (row >= state.rows) score += NEW_ROW;
                if (row > state.rows) score += MISSING_CELL;
              } else if (lineRow !== row) {
                if (!option.cont && ++mixed > LINE_READINGS) continue;
                score += MIXED_ROWS;
              }
            }
            relax(j, score, lineRow, option, from, c);
          }
        }
      }
    }
  }
  const flat = columns.includes('project_goal');
  const ends = keepBest(stepsOf(best[m]).map((end) => ({end, score: end.score + (flat ? budgetApartCharge(placementsOf(end), columns) : 0)})), LINE_READINGS);
  return ends.map(({end, score}) => {
    const placements = placementsOf(end).map(placementOf);
    // Optional cells take the row of the line's other cells.
    for (const p of placements) if (p.row === undefined && end.lineRow !== undefined) p.row = end.lineRow;
    return {placements, score};
  });
}

/**
 * Ways to have read the tokens before a token, tried from it: the best STEPS_PER_TOKEN (and any tied with the
 * last), key by key. Every key keeps its LINE_READINGS best, but keys multiply with the rows a line may be read
 * in (a column far behind the others may take any row up to their last), and a line keeps LINE_READINGS readings
 * in all: a bound on the ways tried keeps a line's cost from growing with the square of the table's rows. It is a bound, not a beam: on
 * the test corpus every reading is the same as without it down to 32 (at 24 a long table's reading changes).
 */
const STEPS_PER_TOKEN = 64;

function bestSteps(kept: Map<number, Step[]>): Step[] {
  const all = stepsOf(kept);
  if (all.length <= STEPS_PER_TOKEN) return all;
  const floor = all.map((f) => f.score).sort((a, b) => b - a)[STEPS_PER_TOKEN - 1];
  return all.filter((f) => f.score >= floor);
}

/** The steps kept at a token, key by key. */
function stepsOf(kept: Map<number, Step[]>): Step[] {
  const out: Step[] = [];
  for (const steps of kept.values()) for (const step of steps) out.push(step);
  return out;
}

/** The placements of the steps leading to `end`, in line order (shared options: copy before changing them). */
function placementsOf(end: Step): Placement[] {
  const out: Placement[] = [];
  for (let s: Step | null = end; s; s = s.back) if (s.placement) out.push(s.placement);
  return out.reverse();
}

/**
 * The options of the runs of one line, kept across the states of the beam: they depend on the state only through
 * the column's cells (an array no reading changes: {@link applied} copies the columns it places), the rows started
 * and what {@link neighbourReach} reads of other columns. By cells, then by those and the run.
 */
type KnownOptions = Map<Cell[], Map<string, Array<Placement & {score: number}>>>;

function knownOptions(
  known: KnownOptions, col: ColumnKey, text: string, from: number, to: number, k: number, state: State, context: ScoreContext,
  widths: Widths | null, columns: readonly ColumnKey[],
): Array<Placement & {score: number}> {
  const cells = state.cells.get(col)!;
  let byRun = known.get(cells);
  if (byRun === undefined) known.set(cells, byRun = new Map());
  const key = `${state.rows} ${neighbourReach(col, state, columns, context)} ${from} ${to}`;
  let found = byRun.get(key);
  if (found === undefined) byRun.set(key, found = options(col, text, from, to, k, state, context, widths, columns));
  return found;
}

/**
 * Everything {@link cellOptions} reads of columns other than `col`, as a key: how far the column left of a
 * free-text basis has read (AHEAD_OF_LEFT), and how far the names have when `col` is the column right of them
 * (NAME_BEHIND). A rule that reads another column must add it here, or the beam would share options wrongly.
 */
function neighbourReach(col: ColumnKey, state: State, columns: readonly ColumnKey[], context: ScoreContext): string {
  const left = col === 'basis' && context.freeTextBasis ? leftReach(col, state, columns) : Infinity;
  const at = columns.indexOf('level3');
  const names = at >= 0 && columns[at + 1] === col ? lastRow(state.cells.get('level3')!) : -2;
  return `${left} ${names}`;
}

/** The row of a column's last cell (-1: none yet). */
const lastRow = (cells: readonly Cell[]): number => (cells.length === 0 ? -1 : cells[cells.length - 1].row);

/** A placement alone (an option's copy without its score: options are shared by the steps that take them). */
function placementOf(p: Placement): Placement {
  return {from: p.from, to: p.to, col: p.col, cont: p.cont, row: p.row};
}

/**
 * A flat table's 项目资金 and goal are merged over the same rows and centred in them: the amount is printed on a
 * line of the goal (beside its middle line), not on a line of its own or among the rows' cells.
 */
const BUDGET_APART = -3;

function budgetApartCharge(placements: readonly Placement[], columns: readonly ColumnKey[]): number {
  if (!columns.includes('project_goal')) return 0;
  const amount = placements.some((p) => p.col === 'project_budget' && !p.cont);
  return amount && !placements.some((p) => p.col === 'project_goal') ? BUDGET_APART : 0;
}

/** The n best steps, best first (the earlier of equal ones first). */
function keepBest<T extends {score: number}>(steps: T[], n: number): T[] {
  return steps.sort((a, b) => b.score - a.score).slice(0, n);
}

/** Cost of each space inside a cell: in these dumps a space mostly separates cells. */
const JOINED_TOKEN = -3;
/** Cost of the spaces around a number inside a phrase ("保障 12 个乡镇", "开展送戏下乡 120 场"): the dump spaces digits. */
const SPACED_NUMBER = -0.5;

/** The charge for joining tokens from..to-1 of a line into one cell: JOINED_TOKEN a space, less around a spaced number. */
export function joinCharge(line: ReadonlyArray<Token>, from: number, to: number): number {
  let charge = 0;
  for (let k = from + 1; k < to; k++) {
    // The space before a number or after one: the number stands in Chinese text (or starts the line).
    const spaced = (n: number): boolean => n >= from && n + 1 < to && (n > from || n === 0) && isSpacedNumber(line, n);
    charge += spaced(k) || spaced(k - 1) ? SPACED_NUMBER : JOINED_TOKEN;
  }
  return charge;
}

const HAN_END = /[\u4e00-\u9fa5]$/;
const HAN_START = /^[\u4e00-\u9fa5]/;

/** A number token followed by Chinese text, after Chinese text or at the start of its line. */
function isSpacedNumber(line: ReadonlyArray<Token>, k: number): boolean {
  return /^\d[\d.]*$/.test(line[k].text) && (k === 0 || HAN_END.test(line[k - 1].text)) && HAN_START.test(line[k + 1].text);
}

/** A name of one or two characters ("成本"): names run longer, so it is more likely the end of a wrapped one. */
const SHORT_NAME = -2;

/** Cost of leaving a token out of every cell. */
const SKIP_TOKEN = -6;

/**
 * The ways a run can go into column `col`: a new cell, or the end of the column's last cell. A run wider than
 * the column's fragments run elsewhere (see columnWidths) does not sit in it: a fragment never crosses a cell.
 */
function options(
  col: ColumnKey, text: string, from: number, to: number, k: number, state: State, context: ScoreContext, widths: Widths | null,
  columns: readonly ColumnKey[],
): Array<Placement & {score: number}> {
  const out = cellOptions(col, text, from, to, k, state, context, widths, columns);
  const width = widths?.get(col)?.widest;
  if (width !== undefined && col !== 'level3' && widthOf(text) > width + 2) for (const o of out) o.score += TOO_WIDE;
  return out;
}

function cellOptions(
  col: ColumnKey, text: string, from: number, to: number, k: number, state: State, context: ScoreContext, widths: Widths | null,
  columns: readonly ColumnKey[],
): Array<Placement & {score: number}> {
  const out: Array<Placement & {score: number}> = [];
  const cells = state.cells.get(col)!;
  const own = cachedFragmentScore(col, text, context);
  if (own !== null) {
    let row: number | undefined;
    // A new cell leaves the column's last one as it is: the beginning of a word there was misread.
    const fitted = col === 'level1' && beginsTemplateWord(text, cells) ? PREFIX_SCORE : own;
    let score = fitted + (cells.length > 0 && leftUnfinished(col, cells, text) ? UNFINISHED_WORD : 0);
    if (col === 'level1' && isOpenWord('level2', text) && !sameTemplate(text, cells)) score += OTHER_TEMPLATE;
    if (col === 'project_goal') score += goalStartCharge(text, cells);
    if (col === 'level3' && /^[\u4e00-\u9fa5]{1,2}$/.test(text)) score += SHORT_NAME;
    if (LABELS.has(col)) row = -1;
    else if (OPTIONAL.has(col)) {
      row = undefined;
      const latest = state.rows - 1;
      if (cells.some((c) => c.row === latest)) score += SECOND_OPTIONAL;
    } else {
      // The next row of the column, or a later one when the column has no cell in the rows between.
      const next = cells.length === 0 ? 0 : cells[cells.length - 1].row + 1;
      const left = col === 'basis' && context.freeTextBasis ? leftReach(col, state, columns) : Infinity;
      for (let r = next; r <= Math.max(next, state.rows); r++) {
        out.push({from, to, col, cont: false, row: r, score: score + MISSING_CELL * (r - next) + AHEAD_OF_LEFT * Math.max(0, r - 1 - left)
          + NAME_BEHIND * namesBehind(col, r, state, columns)});
      }
      return withContinuation(out, col, text, from, to, k, cells, context, widths);
    }
    out.push({from, to, col, cont: false, row, score});
  }
  return withContinuation(out, col, text, from, to, k, cells, context, widths);
}

/**
 * A free-text 指标设定依据 more than one row ahead of the column to its left: pdftotext reads a page's left
 * columns before its right ones (a block of names, then their values) more often than the other way round, so
 * free text that could be a name or a basis is the name of a row whose values are still to come.
 */
const AHEAD_OF_LEFT = -1;

/**
 * A cell starting a row more than one row past the last name read: pdftotext reads a row's name, at the left,
 * before its values or at most one row after them (a name centred beside a taller row), so values two rows ahead
 * of the names mean a name was read into another cell.
 */
const NAME_BEHIND = -3;

/** Rows by which the names are behind more than one row when `col` starts row `r`. */
function namesBehind(col: ColumnKey, r: number, state: State, columns: readonly ColumnKey[]): number {
  const at = columns.indexOf('level3');
  if (at < 0 || columns[at + 1] !== col) return 0;
  return Math.max(0, r - 1 - lastRow(state.cells.get('level3')!));
}

/**
 * An untitled free-text 指标设定依据 starting a row that the column to its left (指标值) has not reached, with no
 * cell of that column before it on its line. Such a basis is one line high, printed on its row's middle like
 * the row's value, so pdftotext puts the value on its line: alone, before the value, the text is a name.
 */
const LONE_FREE_BASIS = -2;

function isLoneFreeBasis(option: Placement, text: string, lastOnLine: number, state: State, columns: readonly ColumnKey[]): boolean {
  if (option.col !== 'basis' || option.cont || option.row === undefined || text.includes('《')) return false;
  const before = columns.slice(0, columns.indexOf('basis')).filter((c) => !OPTIONAL.has(c));
  const left = before[before.length - 1];
  if (left === undefined || lastOnLine >= columns.indexOf(left)) return false;
  return option.row > leftReach('basis', state, columns);
}

/** The last row the nearest required column left of `col` has reached (-1: none yet, or no such column). */
function leftReach(col: ColumnKey, state: State, columns: readonly ColumnKey[]): number {
  const before = columns.slice(0, columns.indexOf(col)).filter((c) => !OPTIONAL.has(c));
  if (before.length === 0) return Infinity;
  return lastRow(state.cells.get(before[before.length - 1])!);
}

/** 一级 words of one template: the project table's, or the others (overall tables, 项目完成指标 …). */
const PROJECT_LEVEL1 = new Set(['产出指标', '成本指标', '效益指标', '满意度指标']);
/** A beginning of a 一级 word of another template than the column's earlier labels, that also begins a 二级 word. */
const OTHER_TEMPLATE = -1;

/** Could the 一级 beginning `text` end in a word of the template of the column's earlier labels (if any)? */
function sameTemplate(text: string, cells: ReadonlyArray<Cell>): boolean {
  const earlier = cells.map((c) => c.text).filter((w) => LEVEL1_WORDS.includes(w));
  if (earlier.length === 0) return true;
  const project = PROJECT_LEVEL1.has(earlier[0]);
  return LEVEL1_WORDS.some((w) => w.startsWith(text) && PROJECT_LEVEL1.has(w) === project);
}

/**
 * A 一级 word of another template than the column's earlier labels that begins a word of theirs ("效益" after
 * 产出指标, 成本指标): one table words its labels alike, so it is the beginning of 效益指标, not a whole label.
 */
function beginsTemplateWord(text: string, cells: ReadonlyArray<Cell>): boolean {
  const earlier = cells.map((c) => c.text).find((w) => LEVEL1_WORDS.includes(w));
  if (earlier === undefined || !LEVEL1_WORDS.includes(text)) return false;
  const project = PROJECT_LEVEL1.has(earlier);
  return PROJECT_LEVEL1.has(text) !== project && LEVEL1_WORDS.some((w) => w !== text && w.startsWith(text) && PROJECT_LEVEL1.has(w) === project);
}

/** Add to `out` the continuation of the column's last cell by the run, when its grammar allows. */
function withContinuation(
  out: Array<Placement & {score: number}>, col: ColumnKey, text: string, from: number, to: number, k: number, cells: Cell[],
  context: ScoreContext, widths: Widths | null,
): Array<Placement & {score: number}> {
  const open = cells[cells.length - 1];
  // A cell's whole text printed again ("新增" / "新增") is the next row's cell: no cell says a thing twice.
  if (open && open.lastLine < k && open.text !== text) {
    const before = open.text;
    const was = cachedFragmentScore(col, before, context);
    const now = cachedFragmentScore(col, before + text, context);
    const goal = col === 'project_goal' ? goalContinuationCharge(before, text, context) : 0;
    if (was !== null && now !== null && goal !== null && !runsOnUnit(col, before, text) && !(col === 'weight' && k === open.lastLine + 1 && isWholeNumber(before) && isWholeNumber(text))) {
      let score = now - was + goal;
      // The beginning of a merged label ("质量指") continues no other column's cell.
      if (!LABELS.has(col) && isLabelPiece(text) && !(col === 'level3' && isWordBeforeZhibiao(text))) score += LABEL_PIECE;
      if (col === 'basis' && context.freeTextBasis && readsAsNameAfterBasis(before, text)) score += NAME_IN_BASIS;
      if (col === 'level3' && startsNameAfterWholeName(before, text)) score += NAME_AFTER_NAME;
      if (VALUE_COLUMNS.has(col) && endsInMonth(before) && DAY.test(text)) score += DAY_OF_MONTH;
      const width = widths?.get(col);
      if (width !== undefined) {
        const w = open.lastWidth;
        if (width.wraps && w >= width.widest - 2 && !fitsAfter(w, text, width.widest)) score += WRAP_LIKELY;
        else if (w < width.widest * 0.6) score += ENDED_SHORT;
      }
      out.push({from, to, col, cont: true, row: LABELS.has(col) ? -1 : open.row, score});
    }
  }
  return out;
}

/** A weight is short and printed on one line: a number on the next line ("1" / "2") is the next weight, not its rest. */
const isWholeNumber = (text: string): boolean => /^\d+(?:\.\d+)?$/.test(text);

/**
 * A value ending in a month ("2024年11月") continued by a day ("30日", "30日前"): a date wrapped before its day.
 * A name beside it that filled its line looks as likely to go on, but a day ends the date, not the name.
 */
const DAY_OF_MONTH = 3;
const DAY = /^(?:[1-9]|[12]\d|3[01])日/;
const endsInMonth = (text: string): boolean => /\d年(?:[1-9]|1[0-2])月$/.test(text);

/**
 * A free-text 指标设定依据 continued by a name: after a title closed ("《公路安全保护条例》" + "危桥改造工程完工时间"),
 * or, outside a title, by a text naming what a row measures ("…培训计划" + "农村公路优良中等路率"). A basis names a
 * document or a standard; the name is the next row's.
 */
const NAME_IN_BASIS = -3;

function readsAsNameAfterBasis(before: string, text: string): boolean {
  if (/^[《、，,；;及和与第（(]/.test(text) || (titleBalance(before) ?? 0) > 0) return false;
  return before.endsWith('》') || measuredKind(text, '') !== null;
}

/**
 * A name that ends as names end (…利用率, …完成时间, …满意度) continued by a phrase of its own ("购买办公设备利用率" +
 * "保障巴州社保信息系统"): the phrase starts the next row's name, printed before its values.
 */
const NAME_AFTER_NAME = -3;
const NAME_END = /(?:率|时间|期限|次数|人数|个数|数量|满意度)$/;

function startsNameAfterWholeName(before: string, text: string): boolean {
  return NAME_END.test(before) && /^[\u4e00-\u9fa5]{4,}$/.test(text) && !/^[及和与或的等并]/.test(text);
}

/**
 * Is `text` (3 Chinese characters or more) read as the rest of a value whose unit has begun ("5420人" +
 * "符合条件")? A unit's rest is a character or two ("次", "作日"): so many more are the next row's name.
 */
function runsOnUnit(col: ColumnKey, before: string, text: string): boolean {
  return VALUE_COLUMNS.has(col) && /\d[\u4e00-\u9fa5]+$/.test(before) && /^[\u4e00-\u9fa5]{3,}$/.test(text);
}

/**
 * Would the run of digits or Latin letters that opens a continuation have fitted on the line before it? Such a
 * run is not broken, so a line it would have fitted on was not wrapped before it ("补贴资金发放时间" + "30日前":
 * the name ended there, "30日前" ends a date). (Lines wrapped before a CJK character are judged by widest - 2 alone:
 * the widths of mixed text are rough.)
 */
function fitsAfter(lineWidth: number, text: string, widest: number): boolean {
  const run = /^[0-9A-Za-z.%]+/.exec(text)?.[0];
  return run !== undefined && lineWidth + widthOf(run) <= widest;
}

/**
 * Rows of cells from the placements: cells by row, labels and left-out tokens where they were printed.
 * @param boxes Read from a box dump (boxes.ts): labels in the vocabulary's order, those printed after every row
 *   placed by what their rows measure alone.
 */
export function toParse(lines: ReadonlyArray<Token[]>, placed: ReadonlyArray<Placement[]>, columns: readonly ColumnKey[], boxes = false): GridParse {
  // Each cell, with its first line and row, in dump order per column.
  interface Built {col: ColumnKey; tokens: Token[]; row: number | undefined; line: number; lastLine: number}
  const built: Built[] = [];
  const lastOf = new Map<ColumnKey, Built>();
  const rowOfLine: Array<number | undefined> = [];
  const dropped: Array<{token: Token; line: number}> = [];
  placed.forEach((line, k) => {
    let at = 0;
    for (const p of line) {
      for (; at < p.from; at++) dropped.push({token: lines[k][at], line: k});
      at = p.to;
      const tokens = lines[k].slice(p.from, p.to);
      if (p.cont) {
        const open = lastOf.get(p.col)!;
        pushAll(open.tokens, tokens);
        open.lastLine = k;
        continue;
      }
      const cell: Built = {col: p.col, tokens, row: p.row, line: k, lastLine: k};
      built.push(cell);
      lastOf.set(p.col, cell);
    }
    for (; at < lines[k].length; at++) dropped.push({token: lines[k][at], line: k});
    const rows = line.filter((p) => p.row !== undefined && p.row >= 0).map((p) => p.row!);
    rowOfLine.push(rows.length > 0 ? rows[0] : undefined);
  });
  // Optional cells alone on their line: the row of the nearest line that has one (the next first).
  const nearestRow = (k: number): number => {
    for (let d = 1; d < lines.length; d++) {
      if (k + d < lines.length && rowOfLine[k + d] !== undefined) return rowOfLine[k + d]!;
      if (k - d >= 0 && rowOfLine[k - d] !== undefined) return rowOfLine[k - d]!;
    }
    return 0;
  };
  const rows: GridRow[] = [];
  const extents: Extent[] = [];
  const rowAt = (r: number): GridRow => {
    while (rows.length <= r) rows.push({cells: new Map()});
    return rows[r];
  };
  const put = (cell: Built, r: number, extend: boolean): void => {
    const row = rowAt(r);
    const had = row.cells.get(cell.col);
    row.cells.set(cell.col, had ? [...had, ...cell.tokens] : cell.tokens);
    const extent = extents[r];
    if (extend) extents[r] = extent ? {first: Math.min(extent.first, cell.line), last: Math.max(extent.last, cell.lastLine)} : {first: cell.line, last: cell.lastLine};
  };
  const cells = built.filter((c) => !LABELS.has(c.col));
  for (const cell of cells) if (cell.row !== undefined) put(cell, cell.row, true);
  // Optional cells alone on their line, after the cells placed with their row's others: the row of the nearest
  // line, or, when that row has a cell of the column already, the nearest row that has none (a prior "新增" per
  // row, printed in a block of its own).
  for (const cell of cells) {
    if (cell.row !== undefined) continue;
    const near = nearestRow(cell.line);
    const free = nearestRowWithout(rows, cell.col, near);
    put(cell, free ?? near, free === near || free === undefined);
  }
  // A row's cells printed in a block apart (a page's weights, rules or evidence after its names) say nothing of
  // where the row stands: its extent for the labels is of the cells between the names of the rows around it
  // (when a value is among them: a page printing its names as a block, values after, keeps the whole extent).
  const byRow = Array.from({length: rows.length}, (): Built[] => []);
  for (const c of cells) if (c.row !== undefined) byRow[c.row].push(c);
  const names = byRow.map((own) => own.filter((c) => c.col === 'level3'));
  const labelExtents = extents.map((e, r) => {
    const before = names[r - 1]?.[0]?.line ?? -Infinity;
    const after = names[r + 1]?.[names[r + 1].length - 1]?.lastLine ?? Infinity;
    const own = byRow[r].filter((c) => c.line >= before && c.lastLine <= after);
    return !own.some((c) => c.col !== 'level3') ? e : {first: minOf(own.map((c) => c.line)), last: maxOf(own.map((c) => c.lastLine))};
  });
  const labels = built.filter((c) => LABELS.has(c.col));
  const lastCellLine = maxOf(cells.map((c) => c.lastLine), -1);
  const {labelsBefore, unplaced} = boxes
    ? placeLabels(inVocabularyOrder(labels, (l) => l.tokens.map((t) => t.text).join('')), rows, labelExtents, rowOfLine, (l) => l.line > lastCellLine)
    : placeLabels(labels, rows, labelExtents, rowOfLine);
  for (const token of unplaced) dropped.push({token, line: -1});
  const items: GridParse['items'] = [];
  rows.forEach((row, r) => {
    const head = labelsBefore.get(r);
    if (head) items.push({row: head});
    if (row.cells.size > 0) items.push({row: ordered(row, columns)});
  });
  for (const d of dropped) items.push({dropped: {token: d.token, pageNumber: false}});
  return {items, score: 0};
}

/** The row nearest `r` (the earlier of two as near) without a cell of the column, among the rows there are. */
function nearestRowWithout(rows: readonly GridRow[], col: ColumnKey, r: number): number | undefined {
  for (let d = 0; d < rows.length; d++) {
    for (const at of [r - d, r + d]) if (at >= 0 && at < rows.length && !rows[at].cells.has(col)) return at;
  }
  return r >= rows.length ? r : undefined;
}

/** A 一级/二级 label cell: its column, tokens and first and last line. */
interface LabelCell {
  col: ColumnKey;
  tokens: Token[];
  line: number;
  lastLine: number;
}

/**
 * The label rows to put before each row: each label at the first row of the span it is centred on (labelSpans),
 * or, when no tiling fits the labels, at the row printed beside it. A piece of a label that the next label of its
 * column begins with ("成本" before "成本指标") heads no span of its own: it stays beside its row.
 */
function placeLabels(
  labels: readonly LabelCell[], rows: readonly GridRow[], extents: ReadonlyArray<Extent | undefined>, rowOfLine: ReadonlyArray<number | undefined>,
  positionless: (label: LabelCell) => boolean = () => false,
): {labelsBefore: Map<number, GridRow>; unplaced: Token[]} {
  const filled = rows.flatMap((row, r) => (row.cells.size > 0 && extents[r] ? [r] : []));
  const textOf = (l: LabelCell): string => l.tokens.map((t) => t.text).join('');
  const besideRow = (l: LabelCell): number => nearestRowFrom(l.line, rowOfLine, rowOfLine.length);
  const isPiece = (l: LabelCell, k: number): boolean => {
    const next = labels.slice(k + 1).find((o) => o.col === l.col);
    return next !== undefined && textOf(next).startsWith(textOf(l)) && textOf(next) !== textOf(l);
  };
  const spanned = labels.filter((l, k) => !isPiece(l, k));
  const placed = (col: ColumnKey): PlacedLabel[] => spanned.filter((l) => l.col === col).map((l) => {
    if (positionless(l)) return {text: textOf(l), line: NaN};
    const r = besideRow(l);
    const at = filled.findIndex((f) => f >= r);
    const beside = at >= 0 ? at : filled.length - 1;
    const orNext = beside + 1 < filled.length && endsLateRow(l.line, extents[filled[beside]]!, extents[filled[beside + 1]]!);
    return {text: textOf(l), line: (l.line + l.lastLine) / 2, beside, orNext};
  });
  const spans = labelSpans(filled.map((r) => extents[r]!), placed('level1'), placed('level2'), filled.map((r) => kindOf(rows[r])));
  const startOf = new Map<LabelCell, number>();
  if (spans) {
    for (const col of ['level1', 'level2'] as const) spanned.filter((l) => l.col === col).forEach((l, nth) => startOf.set(l, filled[spans[col][nth]]));
  }
  const labelsBefore = new Map<number, GridRow>();
  const unplaced: Token[] = [];
  for (const label of labels) {
    const r = startOf.get(label) ?? besideRow(label);
    const head = labelsBefore.get(r) ?? {cells: new Map()};
    // Two labels of one column heading the same row: the second is not placed (and so is reported, not lost).
    if (!head.cells.has(label.col)) head.cells.set(label.col, label.tokens); else pushAll(unplaced, label.tokens);
    labelsBefore.set(r, head);
  }
  return {labelsBefore, unplaced};
}

/** What a row measures (row-kind.ts). */
function kindOf(row: GridRow): RowKind | null {
  const text = (c: ColumnKey): string => (row.cells.get(c) ?? []).map((t) => t.text).join('');
  return measuredKind(text('level3'), text('target') + text('target_unit'));
}

/**
 * Is line `k` the last of a row that began on an earlier line (its name printed after its values), the next row
 * starting below it (rows printed one after the other, not in interleaved blocks)?
 */
function endsLateRow(k: number, row: Extent, next: Extent): boolean {
  return row.last === k && row.first < k && next.first > k;
}

/** The row of a label: that of its own line's cells, else of the next line that has one. */
function nearestRowFrom(k: number, rowOfLine: ReadonlyArray<number | undefined>, n: number): number {
  for (let j = k; j < n; j++) if (rowOfLine[j] !== undefined) return rowOfLine[j]!;
  for (let j = k - 1; j >= 0; j--) if (rowOfLine[j] !== undefined) return rowOfLine[j]!;
  return 0;
}

/** A row's cells in column order. */
function ordered(row: GridRow, columns: readonly ColumnKey[]): GridRow {
  return {cells: new Map(columns.filter((c) => row.cells.has(c)).map((c) => [c, row.cells.get(c)!]))};
}

/**
 * What a target that does not fit costs: the target has the tightest grammar, so text in it that is no target (a
 * name's piece, "保障人数") tells a reading that put the wrong cells in its row.
 */
const MISFIT_TARGET = 2;

/**
 * How well a parse reads, to choose between readings of one stream: each filled cell that fits its column
 * counts one, one that does not fit costs one (a target MISFIT_TARGET), a row without a column every row has costs
 * one and a half, each token left out costs one, and weights summing to 90 or 100 count two.
 */
export function parseQuality(parse: GridParse, columns: readonly ColumnKey[], context: ScoreContext): number {
  const assembled = assembleRows([parse], columns, context, '');
  let q = -assembled.reported.length;
  let weights = 0;
  for (const r of assembled.indicators) {
    const cells = r as unknown as Record<string, unknown>;
    for (const c of columns) {
      if (LABELS.has(c)) continue;
      const v = c === 'target' ? r.target : c === 'target_long' ? r.target_long_term : cells[c];
      if (v === null || v === undefined || v === '') { if (!OPTIONAL.has(c)) q -= 1.5; continue; }
      const fits = c === 'weight' ? typeof v === 'number' : (cellScore(c, String(v), context) ?? -1) > 0 && titleBalance(String(v)) === 0;
      q += fits ? 1 : c === 'target' ? -MISFIT_TARGET : -1;
    }
    weights += r.weight ?? 0;
  }
  if (weightsAddUp(weights, projectsOf(context))) q += 2;
  return q;
}

/**
 * Another reading of a stream (reading-order, box dump) when it reads better than `plain`.
 * @param evenTies Keep it when it reads as well: the text is known to be such a dump.
 */
export function preferParse(plain: GridParse, other: GridParse, columns: readonly ColumnKey[], context: ScoreContext, evenTies = false): GridParse {
  const gain = parseQuality(other, columns, context) - parseQuality(plain, columns, context);
  return gain > 0 || (evenTies && gain === 0) ? other : plain;
}

/** Vocabulary words split over lines are found by their beginnings: every beginning of every word. */
const ALL_PREFIXES = new Set<string>(Object.values(PREFIXES).flatMap((p) => [...(p ?? [])]).filter((p) => p.length >= 2));
const ALL_WORDS = new Set<string>(Object.values(VOCABULARY).flat());

/**
 * Is `text` the end of a closed-vocabulary word ("指标" of 时效指标, "料" of 说明材料)? Such a text after a page
 * break may be a wrapped word's last line rather than a piece of the column header reprinted.
 */
export function isWordEnd(text: string): boolean {
  for (const w of ALL_WORDS) if (w.length > text.length && w.endsWith(text)) return true;
  return false;
}

/**
 * Titles (《…》) wrapped with lines of other cells between their pieces ("《梅岭县2025年交通运输工" / "5" /
 * "作要点》"): a line ending inside a title whose end starts a line further down than the next.
 */
function interruptedTitles(lines: ReadonlyArray<Token[]>): number {
  let n = 0;
  lines.forEach((line, k) => {
    if ((titleBalance(line[line.length - 1].text) ?? 0) <= 0) return;
    for (let j = k + 1; j < Math.min(lines.length, k + 4); j++) {
      if (titleBalance(lines[j][0].text) !== null) continue;
      if (j > k + 1) n++;
      break;
    }
  });
  return n;
}

/** Compared values in one run of lone values that tell a page's values printed apart from its names. */
const VALUES_APART = 3;

/**
 * Values printed as a block apart from their rows' names (a page's names first, its values after: "≥92%" /
 * "≥90%" / "有效加强" / "≥20年" / "≥90%"): a run of lines holding one value each (compared, or qualitative),
 * with VALUES_APART compared values or more. A dump printing row after row puts a row's name, or its
 * other cells, between two rows' targets.
 */
function valuesApart(lines: ReadonlyArray<Token[]>): boolean {
  let compared = 0;
  for (const line of lines) {
    const text = line.length === 1 ? line[0].text : '';
    const [comparator, rest] = readComparator(text);
    if (comparator !== null && rest !== '') compared++;
    else if (text === '' || !isQualitative(text)) compared = 0;
    if (compared >= VALUES_APART) return true;
  }
  return false;
}

/**
 * Is this grid a reading-order dump? Such dumps (pdftotext without flags) never pad with runs of spaces, and
 * split vocabulary words the way no line-by-line dump does: the beginning ("按照完成比例赋") followed by another
 * cell on its line, or its end ("分") starting a line further down, after lines of other cells; and so do titles
 * (interruptedTitles).
 * Whole header names printed out of column order tell it too.
 * @param lineText The text of a source line by number.
 * @param header The tokens of the grid's column header.
 */
export function isReadingOrderDump(tokens: ReadonlyArray<Token>, lineText: (no: number) => string, header: ReadonlyArray<Token> = []): boolean {
  const lines = groupLines(tokens);
  const padded = lines.filter((l) => /^\s|\S {2,}\S/.test(lineText(l[0].line))).length;
  if (padded > lines.length * 0.1) return false;
  if (valuesApart(lines)) return true;
  // Whole header names printed out of column order ("绩效标准" / "分值" / "长期指标值"): blocks in reading order.
  const named = header.map((t) => COLUMN_ALIASES.find(([name]) => name === t.text)?.[1]).filter((c) => c !== undefined);
  if (named.some((c, k) => k > 0 && COLUMN_ORDER.indexOf(c) < COLUMN_ORDER.indexOf(named[k - 1]))) return true;
  let interrupted = 0;
  lines.forEach((line, k) => {
    line.forEach((t, i) => {
      if (!ALL_PREFIXES.has(t.text)) return;
      for (let j = k + 1; j < Math.min(lines.length, k + 8); j++) {
        if (!ALL_WORDS.has(t.text + lines[j][0].text)) continue;
        if (i < line.length - 1 || j > k + 1) interrupted++;
        break;
      }
    });
  });
  return interrupted + interruptedTitles(lines) >= 2;
}

/**
 * Restore the "-" of empty prior-year cells. pdftotext without flags joins a line ending in a hyphen to the
 * next line of its block, dropping the hyphen: a prior-year cell printing only "-" vanishes when the weight
 * below it shares its block ("计划标准 - 1" dumps as "计划标准 1"). A table marks no history one way for all rows,
 * so when some of its prior-year cells kept their "-", the empty ones lost it.
 * @example dashedPriorYears([{prior_year: '-'}, {prior_year: ''}, {prior_year: '1项'}]).map((r) => r.prior_year) // => ['-', '-', '1项']
 */
export function dashedPriorYears<R extends {prior_year: string | null}>(rows: readonly R[]): R[] {
  if (!rows.some((r) => r.prior_year === '-')) return [...rows];
  return rows.map((r) => (r.prior_year === '' ? {...r, prior_year: '-'} : r));
}

/**
 * Restore the "-" of prior-year cells that pdftotext joined away: it ends a line with a lone "-" and joins the
 * next line of its block to it, dropping the hyphen, so "计划标准 -" / "1 按照完成比例赋" dumps as "计划标准 1 按照完成比例赋".
 * A row whose basis ends right before its weight on one text line, with no prior-year cell between, printed
 * that "-": an empty cell would have left the gap of its column, which splits the line as it does after a value.
 * So did a basis whose line went on with the line below (withJoinedLinesApart marked it).
 * @param stream The tokens the parse was read from, in dump order.
 */
export function withJoinedPriorDashes(parse: GridParse, stream: ReadonlyArray<Token>, columns: readonly ColumnKey[]): GridParse {
  const at = (c: ColumnKey): number => columns.indexOf(c);
  if (at('prior_year') < 0 || !(at('basis') < at('prior_year') && at('prior_year') < at('weight'))) return parse;
  const next = new Map<Token, Token>();
  for (let k = 1; k < stream.length; k++) if (stream[k].line === stream[k - 1].line) next.set(stream[k - 1], stream[k]);
  const items = parse.items.map((item) => {
    if (!('row' in item) || item.row.cells.has('prior_year')) return item;
    const basis = item.row.cells.get('basis');
    const weight = item.row.cells.get('weight');
    const last = basis?.[basis.length - 1];
    if (!last || !(last.dashAfter === true || (weight && next.get(last) === weight[0]))) return item;
    const dash: Token = {...newToken('-', last.line, last.cell, last.gap), restored: true};
    return {row: {cells: new Map([...item.row.cells, ['prior_year', [dash]] as const])}};
  });
  return {...parse, items};
}
