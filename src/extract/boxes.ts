// Box dumps (pdfminer.six's pdf2txt with its default layout analysis) group a page's text lines into boxes (a
// cell's wrapped lines; the cells of neighbouring columns that share a baseline, "≥45所 计划标准 42所"; now and then
// the cells of one column in consecutive rows) and print each box followed by a blank line, in the order of their
// clustering of boxes: near boxes together, each cluster top to bottom, left to right. A table so comes as stretches
// read row by row and blocks read column by column (a page's weights, then its rules …), with the merged 一级/二级
// labels wherever their cluster fell, often after the rows. What holds whatever the order: a box is one column's
// cells or one row's; each column's cells come in row order; and a box mostly follows a neighbour on the page, the
// next cell of its row or the same column's cell of the next row. So each box is read as cells (its readings by
// the columns' grammars), a beam numbers the boxes' cells into rows (every column's rows increasing, neighbouring
// steps favoured, rows left without a required cell charged at the end, weights adding up to 90/100 counted; a box
// may also end a column's cell begun a few boxes before, where lines stand further apart than pdfminer's line
// margin), and the labels go to the spans they head as in reading-order dumps (toParse, in the framework's order).
import type {ColumnKey} from '../types.ts';
import {isBasis, isEvidence, isScoringRule, LEVEL_NAMES, SHORT_LEVEL2} from '../vocab.ts';
import {parseWeight, weightsAddUp, type ScoreContext} from './grammar.ts';
import type {GridParse} from './grid.ts';
import {isLabelOnly} from './header.ts';
import type {Token} from './lines.ts';
import {fragmentScore, isOpenWord, joinCharge, LABELS, OPTIONAL, toParse, withoutPageNumbers, groupLines, type Placement} from './reading-order.ts';
import {maxOf} from '../arrays.ts';

/** A cell of a box reading: its column, its pieces (line index and token range) and its row within the box. */
interface BoxCell {
  col: ColumnKey;
  pieces: Array<{line: number; from: number; to: number}>;
  /** Rows below the box's first row (cells of one column stacked in one box). */
  offset: number;
}

/** One way to read a box: its cells (labels among them; none: the box is left out) and its grammar score. */
interface BoxReading {
  cells: BoxCell[];
  score: number;
}

/** Readings of a box kept for the beam (the best by grammar). */
const BOX_READINGS = 6;
/** States kept from box to box. */
const BEAM = 48;
/** Cost of leaving a token out of every cell (header names, stray text): reported, not read. */
const SKIP_TOKEN = -6;
/** A cell left as the beginning of a vocabulary word: a box holds a cell's every line. */
const UNFINISHED_WORD = -3;
/** A row skipped by a column every row has (a cell read elsewhere, or not at all). */
const MISSING_CELL = -4;
/** A row skipped by a column whose cells may be empty (上年完成值). */
const EMPTY_CELL = -1;
/** A box that follows a neighbour on the page: the next cell of its row, or a cell of the next row. */
const NEIGHBOUR = 1;
/** Weights summing to 90 or 100 (per project), or passing it. */
const WEIGHTS_ADD_UP = 8;
const WEIGHTS_OVER = -8;

/**
 * Read a box dump's grid tokens into rows of cells (a grid parse like readingOrder's).
 * @example readBoxes(tokens of "名称甲" / "" / "≥1次 计划标准" / "" / "10", columns, context).items.length // => 1
 */
export function readBoxes(tokens: ReadonlyArray<Token>, columns: readonly ColumnKey[], context: ScoreContext): GridParse {
  const {lines, pageNumbers} = withoutPageNumbers(groupLines(tokens));
  const boxes = boxesOf(lines);
  const readings = boxes.map((box) => boxReadings(lines, box, columns, context));
  const placed = numberRows(lines, boxes, readings, columns, context);
  const parse = toParse(lines, placed, columns, true);
  return {...parse, items: [...parse.items, ...pageNumbers.map((token) => ({dropped: {token, pageNumber: true}}))]};
}

/** The last source line a line's tokens came from. */
const lastSourceLine = (line: readonly Token[]): number => maxOf(line.map((t) => maxOf(t.alsoLines ?? [], t.line)));

/** Runs of lines with no blank line between them (indices into `lines`). */
function boxesOf(lines: ReadonlyArray<Token[]>): number[][] {
  const boxes: number[][] = [];
  lines.forEach((line, k) => {
    const joined = k > 0 && line[0].line === lastSourceLine(lines[k - 1]) + 1 && line[0].pageBreak !== true;
    if (joined) boxes[boxes.length - 1].push(k); else boxes.push([k]);
  });
  return boxes;
}

/** Fewest boxes a grid of box dumps runs to per line (most boxes hold a cell's lines, a few of them). */
const BOXES_PER_LINE = 0.3;
/** Consecutive boxes of one column that make a block: rows printed in order never put three in a row. */
const BLOCK = 3;

/** 一级/二级 names. */
const LABEL_WORDS = new Set<string>(LEVEL_NAMES);

/** Is a box's whole text a 一级/二级 name, the short ones too ("数量", "经济成本")? */
const isLevelWord = (text: string): boolean => LABEL_WORDS.has(text) || SHORT_LEVEL2.has(text);

/** A name: Chinese text with no digit. */
const NAME = /^[\u4e00-\u9fa5（）()“”、]{6,}$/;

/** A name wrapped in its box: over two lines or more, one word each, no line a cell of its own. */
function isWrappedName(lines: readonly string[]): boolean {
  const text = lines.join('');
  return lines.length > 1 && NAME.test(text) && !isLabelOnly(text)
    && lines.every((l) => !/\s/.test(l) && blockColumn([l]) === null) && lines.some((l) => l !== lines[0]);
}

/**
 * The column a whole box surely belongs to: a word of a closed vocabulary, a bare weight, a merged label (一级 and
 * 二级 alike), a name wrapped over lines; else null.
 */
function blockColumn(lines: readonly string[]): string | null {
  const text = lines.join('').replace(/\s/g, '');
  if (isBasis(text)) return 'basis';
  if (isScoringRule(text)) return 'scoring_rule';
  if (isEvidence(text)) return 'evidence';
  if (LABEL_WORDS.has(text)) return 'label';
  if (/^\d{1,2}(?:\.\d{1,2})?$/.test(text)) return 'weight';
  return isWrappedName(lines) ? 'level3' : null;
}

/**
 * Is this grid a box dump: lines in boxes with blank lines between (most boxes a line or two), some of them in a
 * block printed column by column (three boxes in a row of one column: bases, scoring rules, evidence words, bare
 * weights, merged labels, names wrapped in their box)? Dumps that print rows in order have no such block, also
 * those with a blank line after each line (one wrapped cell per line, double-spaced) or after each cell (MuPDF).
 */
export function isBoxDump(tokens: ReadonlyArray<Token>): boolean {
  if (!hasBoxes(tokens)) return false;
  // One scan: each box's lines (a line's words joined by a space), typed when the box ends.
  let run = 0;
  let runColumn: string | null = null;
  let box: string[] = [];
  let line = -1;
  let lastSource = -1;
  const boxEnds = (): boolean => {
    const col = box.length === 0 ? null : blockColumn(box);
    run = col !== null && col === runColumn ? run + 1 : 1;
    runColumn = col;
    return col !== null && run >= BLOCK;
  };
  for (const t of tokens) {
    if (t.line !== line) {
      if (t.line !== lastSource + 1 || t.pageBreak === true) {
        if (boxEnds()) return true;
        box = [];
      }
      box.push(t.text);
      line = t.line;
    } else {
      box[box.length - 1] += ` ${t.text}`;
    }
    lastSource = Math.max(lastSource, t.line);
    if (t.alsoLines) for (const l of t.alsoLines) lastSource = Math.max(lastSource, l);
  }
  return boxEnds();
}

/** Are the tokens' lines in boxes (boxesOf), BOXES_PER_LINE of them a line or more? One scan, nothing built. */
function hasBoxes(tokens: ReadonlyArray<Token>): boolean {
  let lines = 0;
  let boxes = 0;
  let line = -1;
  let lastSource = -1;
  for (const t of tokens) {
    if (t.line !== line) {
      lines++;
      if (t.line !== lastSource + 1 || t.pageBreak === true) boxes++;
      line = t.line;
    }
    lastSource = Math.max(lastSource, t.line);
    if (t.alsoLines) for (const l of t.alsoLines) lastSource = Math.max(lastSource, l);
  }
  return boxes >= lines * BOXES_PER_LINE;
}

/** Score of a cell's text in a column (a beginning of a word charged: the box holds all of it), or null. */
function cellFit(col: ColumnKey, text: string, context: ScoreContext): number | null {
  // A box holding just a 一级/二级 name (the short ones too: "数量", "经济成本") is that label, no indicator's name.
  if (col === 'level3' && isLevelWord(text)) return null;
  // A sentence ("…提升基层公共文化服务效能。": a flat table's goal, a paragraph) names no indicator.
  if (col === 'level3' && /[，,].*[。]$/.test(text)) return null;
  const s = fragmentScore(col, text, context);
  if (s === null) return null;
  return isOpenWord(col, text) ? UNFINISHED_WORD : s;
}

/** The text of a cell's pieces, joined. */
function pieceText(lines: ReadonlyArray<Token[]>, pieces: BoxCell['pieces']): string {
  return pieces.map((p) => lines[p.line].slice(p.from, p.to).map((t) => t.text).join('')).join('');
}

/**
 * The best readings of a box: one cell of one column (its lines a cell's wrapped lines); a line's runs in
 * increasing columns, all one row (cells sharing a baseline), line by line for a box of such lines, each column's
 * pieces one cell; one column's cells in consecutive rows, a run of lines each; or nothing read.
 */
function boxReadings(lines: ReadonlyArray<Token[]>, box: readonly number[], columns: readonly ColumnKey[], context: ScoreContext): BoxReading[] {
  const out: BoxReading[] = [];
  const tokens = box.reduce((n, k) => n + lines[k].length, 0);
  out.push({cells: [], score: SKIP_TOKEN * tokens});
  const whole = box.map((k) => ({line: k, from: 0, to: lines[k].length}));
  const text = pieceText(lines, whole);
  // A column's or a metadata field's name ("一级指标", "项目资金（万元）") printed apart from the header is no cell.
  if (isLabelOnly(text)) return out;
  const spaces = box.reduce((n, k) => n + joinCharge(lines[k], 0, lines[k].length), 0);
  for (const col of columns) {
    const s = cellFit(col, text, context);
    if (s !== null) out.push({cells: [{col, pieces: whole, offset: 0}], score: s + spaces});
  }
  for (const reading of parallelRuns(lines, box, columns, context)) out.push(reading);
  if (box.length > 1) for (const col of columns) for (const reading of stackedCells(lines, box, col, context)) out.push(reading);
  return out.sort((a, b) => b.score - a.score).slice(0, BOX_READINGS);
}

/**
 * Each line of the box cut into runs of tokens in increasing columns, every line into the same columns (cells
 * of one row side by side, wrapped alike), each column's runs one cell: the best few, two columns or more.
 */
function parallelRuns(lines: ReadonlyArray<Token[]>, box: readonly number[], columns: readonly ColumnKey[], context: ScoreContext): BoxReading[] {
  const first = lines[box[0]];
  if (first.length < 2 || box.some((k) => lines[k].length < 2)) return [];
  // Runs of the first line decide the columns; the other lines must split into as many runs, one per column.
  const out: BoxReading[] = [];
  for (const cut of lineCuts(first, columns, context)) {
    if (cut.length < 2) continue;
    const cells: BoxCell[] = cut.map((run) => ({col: run.col, pieces: [{line: box[0], from: run.from, to: run.to}], offset: 0}));
    let ok = true;
    for (const k of box.slice(1)) {
      const line = lines[k];
      // Later lines: one token per column when they have as many tokens as columns.
      if (line.length !== cells.length) { ok = false; break; }
      cells.forEach((c, i) => c.pieces.push({line: k, from: i, to: i + 1}));
    }
    if (!ok) continue;
    let score = 0;
    for (const c of cells) {
      const s = cellFit(c.col, pieceText(lines, c.pieces), context);
      if (s === null) { ok = false; break; }
      score += s + c.pieces.reduce((n, p) => n + joinCharge(lines[p.line], p.from, p.to), 0);
    }
    if (ok) out.push({cells, score});
  }
  return out;
}

/** A line's runs, each in a column after the one before: the best few cuts (a programme over the tokens). */
function lineCuts(line: readonly Token[], columns: readonly ColumnKey[], context: ScoreContext): Array<Array<{col: ColumnKey; from: number; to: number}>> {
  interface Step {score: number; col: number; run: {col: ColumnKey; from: number; to: number} | null; back: Step | null}
  const m = line.length;
  const best: Step[][] = Array.from({length: m + 1}, () => []);
  best[0].push({score: 0, col: -1, run: null, back: null});
  for (let i = 0; i < m; i++) {
    best[i].sort((a, b) => b.score - a.score);
    for (const from of best[i].slice(0, BOX_READINGS)) {
      let text = '';
      for (let j = i + 1; j <= m; j++) {
        text += line[j - 1].text;
        for (let c = from.col + 1; c < columns.length; c++) {
          const s = cellFit(columns[c], text, context);
          if (s === null) continue;
          best[j].push({score: from.score + s + joinCharge(line, i, j), col: c, run: {col: columns[c], from: i, to: j}, back: from});
        }
      }
    }
  }
  return best[m].sort((a, b) => b.score - a.score).slice(0, BOX_READINGS).map((end) => {
    const runs: Array<{col: ColumnKey; from: number; to: number}> = [];
    for (let s: Step | null = end; s?.run; s = s.back) runs.unshift(s.run);
    return runs;
  });
}

/** The box's lines as cells of one column in consecutive rows, each a run of whole lines: the best cut, two cells or more. */
function stackedCells(lines: ReadonlyArray<Token[]>, box: readonly number[], col: ColumnKey, context: ScoreContext): BoxReading[] {
  if (LABELS.has(col)) return [];
  const n = box.length;
  const best: Array<{score: number; from: number} | null> = [{score: 0, from: -1}];
  for (let j = 1; j <= n; j++) {
    best.push(null);
    for (let i = 0; i < j; i++) {
      if (best[i] === null) continue;
      const pieces = box.slice(i, j).map((k) => ({line: k, from: 0, to: lines[k].length}));
      const s = cellFit(col, pieceText(lines, pieces), context);
      if (s === null) continue;
      const score = best[i]!.score + s + pieces.reduce((t, p) => t + joinCharge(lines[p.line], p.from, p.to), 0);
      if (best[j] === null || score > best[j]!.score) best[j] = {score, from: i};
    }
  }
  if (best[n] === null) return [];
  const cells: BoxCell[] = [];
  for (let j = n; j > 0; j = best[j]!.from) cells.unshift({col, pieces: box.slice(best[j]!.from, j).map((k) => ({line: k, from: 0, to: lines[k].length})), offset: 0});
  if (cells.length < 2) return [];
  cells.forEach((c, k) => { c.offset = k; });
  return [{cells, score: best[n]!.score}];
}

/** A reading of the boxes so far: each column's last row and cell, the last cell placed, the weights' sum. */
interface State {
  last: number[];
  /** Each column's last cell: its text and the box its last piece is in (null: none yet). */
  open: Array<{text: string; box: number} | null>;
  /** Rows started (the highest row of any cell, plus one). */
  rows: number;
  at: {row: number; col: number} | null;
  weights: number;
}

interface Hypothesis {
  state: State;
  score: number;
  /** Each box's reading, its first row, and whether it continues its column's last cell. */
  history: {box: number; reading: BoxReading; row: number; cont: boolean; back: Hypothesis['history']} | null;
}

/**
 * Boxes back that a cell's next piece may be printed: with more space between its lines than pdfminer's line
 * margin, a wrapped cell's lines come in boxes of their own, one after the other or, for cells side by side,
 * line by line across them ("≤13275元/" / "预算支出" / "13000元/" / "台" / "标准" / "台").
 */
const NEAR_BOXES = 3;

/** Readings of a box as the rest of a column's last cell, printed in a box of its own just before. */
function continuations(state: State, box: readonly number[], b: number, columns: readonly ColumnKey[], lines: ReadonlyArray<Token[]>, context: ScoreContext): Array<{reading: BoxReading; state: State}> {
  const whole = box.map((k) => ({line: k, from: 0, to: lines[k].length}));
  const text = pieceText(lines, whole);
  const out: Array<{reading: BoxReading; state: State}> = [];
  // (A 一级/二级 name is a label of its own, no cell's end.)
  if (isLabelOnly(text) || isLevelWord(text)) return out;
  state.open.forEach((open, k) => {
    const col = columns[k];
    // A cell's whole text printed again is the next row's cell; weights are never cut.
    if (open === null || b - open.box > NEAR_BOXES || open.text === text || col === 'weight') return;
    const was = cellFit(col, open.text, context);
    const now = cellFit(col, open.text + text, context);
    if (was === null || now === null) return;
    const spaces = box.reduce((n, line) => n + joinCharge(lines[line], 0, lines[line].length), 0);
    const next = [...state.open];
    next[k] = {text: open.text + text, box: b};
    out.push({reading: {cells: [{col, pieces: whole, offset: 0}], score: now - was + spaces}, state: {...state, open: next}});
  });
  return out;
}

/** Number every box's cells into rows: the beam over boxes; the placements of each line for toParse. */
function numberRows(
  lines: ReadonlyArray<Token[]>, boxes: ReadonlyArray<number[]>, readings: ReadonlyArray<BoxReading[]>, columns: readonly ColumnKey[], context: ScoreContext,
): Placement[][] {
  const projects = context.projects ?? 1;
  let beam: Hypothesis[] = [{state: {last: columns.map(() => -1), open: columns.map(() => null), rows: 0, at: null, weights: 0}, score: 0, history: null}];
  boxes.forEach((box, b) => {
    const merged = new Map<string, Hypothesis>();
    const keep = (next: Hypothesis): void => {
      const {state} = next;
      const key = `${state.last.join(',')}|${state.open.map((o) => o?.box).join(',')}|${state.at?.row}:${state.at?.col}|${state.weights}`;
      const kept = merged.get(key);
      if (!kept || next.score > kept.score) merged.set(key, next);
    };
    for (const h of beam) {
      for (const reading of readings[b]) {
        for (const {row, score, state} of placedReadings(h.state, reading, b, columns, lines)) {
          const over = state.weights > 100 * projects + 0.01 ? WEIGHTS_OVER : 0;
          keep({state, score: h.score + reading.score + score + over, history: {box: b, reading, row, cont: false, back: h.history}});
        }
      }
      for (const {reading, state} of continuations(h.state, box, b, columns, lines, context)) {
        keep({state, score: h.score + reading.score, history: {box: b, reading, row: h.state.last[columns.indexOf(reading.cells[0].col)], cont: true, back: h.history}});
      }
    }
    beam = [...merged.values()].sort((a, b) => b.score - a.score).slice(0, BEAM);
  });
  const required = columns.map((c, k) => (LABELS.has(c) || OPTIONAL.has(c) ? -1 : k)).filter((k) => k >= 0);
  const final = (h: Hypothesis): number => h.score
    + MISSING_CELL * required.reduce((n, k) => n + h.state.rows - 1 - h.state.last[k], 0)
    + (weightsAddUp(h.state.weights, projects) ? WEIGHTS_ADD_UP : 0);
  const best = beam.reduce((a, b) => (final(b) > final(a) ? b : a));
  const placed: Placement[][] = lines.map(() => []);
  for (let at = best.history; at; at = at.back) {
    for (const cell of at.reading.cells) {
      const row = LABELS.has(cell.col) ? -1 : at.row + cell.offset;
      cell.pieces.forEach((p, k) => placed[p.line].push({from: p.from, to: p.to, col: cell.col, cont: at.cont || k > 0, row}));
    }
  }
  for (const line of placed) line.sort((a, b) => a.from - b.from);
  return placed;
}

/**
 * The rows a reading's cells may take after a state: from the first row every one of its columns has still free,
 * up to the rows started (a column skipping rows pays for each), with the state after and the charge.
 */
function placedReadings(
  state: State, reading: BoxReading, b: number, columns: readonly ColumnKey[], lines: ReadonlyArray<Token[]>,
): Array<{row: number; score: number; state: State}> {
  const open = [...state.open];
  for (const c of reading.cells) open[columns.indexOf(c.col)] = {text: pieceText(lines, c.pieces), box: b};
  const rowCells = reading.cells.filter((c) => !LABELS.has(c.col));
  if (rowCells.length === 0) return [{row: -1, score: 0, state: {...state, open}}];
  const index = rowCells.map((c) => columns.indexOf(c.col));
  const lowest = maxOf(rowCells.map((c, k) => state.last[index[k]] + 1 - c.offset));
  const out: Array<{row: number; score: number; state: State}> = [];
  for (let row = lowest; row <= Math.max(lowest, state.rows); row++) {
    let score = 0;
    const last = [...state.last];
    let weights = state.weights;
    rowCells.forEach((c, k) => {
      const r = row + c.offset;
      score += (OPTIONAL.has(c.col) ? EMPTY_CELL : MISSING_CELL) * (r - state.last[index[k]] - 1);
      last[index[k]] = r;
      if (c.col === 'weight') weights += parseWeight(pieceText(lines, c.pieces)) ?? 0;
    });
    const first = {row, col: index[0]};
    if (state.at !== null && ((first.row === state.at.row && first.col > state.at.col) || (first.row === state.at.row + 1 && first.col <= state.at.col))) score += NEIGHBOUR;
    const end = rowCells.length - 1;
    out.push({row, score, state: {last, open, rows: Math.max(state.rows, row + maxOf(rowCells.map((c) => c.offset)) + 1), at: {row: row + rowCells[end].offset, col: index[end]}, weights}});
  }
  return out;
}
