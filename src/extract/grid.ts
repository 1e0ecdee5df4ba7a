// Tokens of a grid → rows of cells. A semi-Markov dynamic programme assigns runs of tokens to columns in their
// fixed order (一级 … 佐证资料), scoring each run with the column's grammar, so merged cells, slid cells, wrapped
// cells and cut rows fall out of the order instead of needing a rule each. Tokens it cannot place are dropped
// and returned, never lost.
import type {ColumnKey} from '../types.ts';
import {cellScore, type ScoreContext} from './grammar.ts';
import type {Gap, Token} from './lines.ts';

/** One row as the programme read it: the tokens of each column it found. */
export interface GridRow {
  cells: Map<ColumnKey, Token[]>;
}

/** A token the programme left out, and whether it looked like a page number. */
export interface DroppedToken {
  token: Token;
  pageNumber: boolean;
}

/** Result of segmenting one token stream. */
export interface GridParse {
  /** Rows and dropped tokens in source order, interleaved. */
  items: Array<{row: GridRow} | {dropped: DroppedToken}>;
  score: number;
}

/** How to read the stream. */
export interface GridOptions {
  columns: readonly ColumnKey[];
  context: ScoreContext;
  /** `row`: the tokens are one table row (tabbed layout); `stream`: rows must be found (wrapped layout). */
  mode: 'row' | 'stream';
  /** Tokens alone on their line that look like a page number. */
  pageNumberCandidate: (t: Token) => boolean;
}

/** Cost of leaving a column empty inside a row (one-line reasons: see DOMAIN.md's layouts). */
const SKIP: Record<ColumnKey, number> = {
  level1: 0, // merged cell, filled down
  level2: -2, // given 一级 but no 二级: possible (merged), a little unusual
  level3: -10,
  target: -8,
  basis: -4,
  prior_year: -1.5, // an empty prior-year cell leaves no trace in wrapped dumps
  weight: -6,
  scoring_rule: -3,
  evidence: -3,
  target_nature: -2,
  target_unit: -1.5, // qualitative targets have no unit
  actual: -2,
  score: -3,
  target_long: -4,
  deviation: -0.5, // usually empty

};
/** At the start of a row, 一级 and 二级 may be absent at no cost: they are merged cells above. */
const START_SKIP: Partial<Record<ColumnKey, number>> = {level1: 0, level2: 0};
const DROP = -6;
/** Cost of text continuing an earlier cell of the row after a page break (the rest of a wrapped basis). */
const CONTINUATION = -2;
const DROP_PAGE_NUMBER = -0.5;
const MAX_TOKENS_PER_CELL = 24;
/** Longest text each column plausibly holds: longer runs are not scored at all (most of the speed). */
const MAX_CHARS: Record<ColumnKey, number> = {
  level1: 16, level2: 20, level3: 120, target_nature: 8, target: 48, target_unit: 12, basis: 12, prior_year: 48,
  weight: 8, actual: 48, score: 8, scoring_rule: 16, evidence: 48, target_long: 48, deviation: 200,
};
const MAX_FREE_BASIS = 120;
const NEG = -1e18;

/** Cost of a cell boundary at a gap: in tabbed rows spaces are inside cells, tabs separate them. */
function splitCost(gap: Gap, mode: GridOptions['mode']): number {
  if (mode === 'row') return gap === 'space' ? -4 : 0;
  return 0;
}

/** Cost of a new row starting at a gap (stream mode): rows start on a new line. */
function rowBreakCost(gap: Gap): number {
  return gap === 'space' ? -3 : gap === 'tab' ? -1 : 0;
}

/**
 * Segment a token stream into rows of cells.
 * Runs in O(n · L · K²) for n tokens, cells of at most L tokens and K columns.
 * @example segmentGrid(tokenizeLine({no: 1, text: '产出指标\t数量指标\t人数\t≥2 人\t计划标准\t-\t10\t直接赋分\t工作资料'}), opts).items.length // => 1
 */
export function segmentGrid(tokens: ReadonlyArray<Token>, options: GridOptions): GridParse {
  const {columns, mode} = options;
  const n = tokens.length;
  const K = columns.length;
  const S = K + 1; // state 0: no open row; state k+1: last filled column k
  const best = new Float64Array((n + 1) * S).fill(NEG);
  const fromI = new Int32Array((n + 1) * S).fill(-1);
  const fromS = new Int32Array((n + 1) * S);
  const viaCol = new Int32Array((n + 1) * S); // -1: token dropped
  const skip = columns.map((c) => SKIP[c]);
  // gap[last * K + next]: cost of the columns skipped between two filled ones; start[c], end[state] likewise.
  const gap = new Float64Array((K + 1) * (K + 1));
  for (let last = -1; last < K; last++) {
    let v = 0;
    for (let next = last + 1; next <= K; next++) {
      gap[(last + 1) * (K + 1) + next] = v;
      if (next < K) v += skip[next];
    }
  }
  const gapCost = (last: number, next: number): number => gap[(last + 1) * (K + 1) + next];
  const start = new Float64Array(K);
  for (let c = 1; c < K; c++) start[c] = start[c - 1] + (START_SKIP[columns[c - 1]] ?? skip[c - 1]);
  const endCost = (state: number): number => (state === 0 ? 0 : gapCost(state - 1, K));
  const maxChars = columns.map((c) => (c === 'basis' && options.context.freeTextBasis ? MAX_FREE_BASIS : MAX_CHARS[c]));
  const longest = Math.max(...maxChars);
  const relax = (j: number, s: number, v: number, i: number, si: number, col: number): void => {
    const at = j * S + s;
    if (v > best[at]) { best[at] = v; fromI[at] = i; fromS[at] = si; viaCol[at] = col; }
  };
  best[0] = 0;
  const scores = new Float64Array(K);
  for (let i = 0; i < n; i++) {
    const pageLike = options.pageNumberCandidate(tokens[i]);
    for (let s = 0; s < S; s++) {
      const base = best[i * S + s];
      if (base > NEG) relax(i + 1, s, base + (pageLike ? DROP_PAGE_NUMBER : DROP), i, s, -1);
    }
    let text = '';
    const pageBreak = atPageBreak(tokens, i, options);
    // At a page break: the text so far of each column of the row open in each state (walked back once).
    const open = pageBreak ? openCells(tokens, {best, fromI, fromS, viaCol, S, endCost}, i, options) : null;
    for (let j = i + 1; j <= n && j - i <= MAX_TOKENS_PER_CELL; j++) {
      if (j > i + 1 && mode === 'row' && tokens[j - 1].gap === 'tab') break;
      text += tokens[j - 1].text;
      if (text.length > longest) break;
      let any = false;
      for (let c = 0; c < K; c++) {
        scores[c] = text.length > maxChars[c] ? NEG : scoreOf(columns[c], text, options.context);
        if (scores[c] > NEG) any = true;
      }
      if (!any && !pageBreak) continue;
      for (let s = 0; s < S; s++) {
        const base = best[i * S + s];
        if (base <= NEG) continue;
        const canStart = s === 0 || mode === 'stream';
        if (s > 0 && open !== null) {
          for (let c = 0; c < s; c++) {
            const gain = continuationGain(open[s][c], columns[c], text, options.context);
            // Ties go to the rightmost cell: the one most likely still open when the page ended.
            if (gain !== null) relax(j, s, base + CONTINUATION + gain + 0.01 * c, i, s, c + 2 * K);
          }
        }
        for (let c = 0; c < K; c++) {
          if (scores[c] <= NEG) continue;
          if (s > 0 && c > s - 1) {
            relax(j, c + 1, base + gapCost(s - 1, c) + splitCost(tokens[i].gap, mode) + scores[c], i, s, c);
          }
          if (canStart) {
            const brk = s === 0 && i === 0 ? 0 : rowBreakCost(tokens[i].gap);
            relax(j, c + 1, base + endCost(s) + start[c] + brk + scores[c], i, s, c + K);
          }
        }
      }
    }
  }
  return backtrack(tokens, options, {best, fromI, fromS, viaCol, S, endCost});
}

const SCORE_CACHE = new Map<string, number>();
/** cellScore with a bounded memo: vocabulary words and common targets recur across every table. */
function scoreOf(col: ColumnKey, text: string, context: ScoreContext): number {
  if (text.length > 24) return cellScore(col, text, context) ?? NEG; // long runs are unique: not worth a key
  const key = `${col}${context.freeTextBasis ? '+' : '-'}${text}`;
  let v = SCORE_CACHE.get(key);
  if (v === undefined) {
    v = cellScore(col, text, context) ?? NEG;
    if (SCORE_CACHE.size > 200_000) SCORE_CACHE.clear();
    SCORE_CACHE.set(key, v);
  }
  return v;
}

/** Does a new page start at token i: a marked page start, or right after a lone page-number token? */
function atPageBreak(tokens: ReadonlyArray<Token>, i: number, options: GridOptions): boolean {
  if (i === 0 || options.pageNumberCandidate(tokens[i])) return false;
  return tokens[i].pageBreak === true || (tokens[i].gap === 'line' && options.pageNumberCandidate(tokens[i - 1]));
}

/**
 * For each state s at token i, the text so far of each column of the row open on the best path to (i, s)
 * (null where the row has no such cell). Continuation cells are included.
 */
function openCells(tokens: ReadonlyArray<Token>, t: Tables, i: number, options: GridOptions): Array<Array<string | null>> {
  const K = options.columns.length;
  const out: Array<Array<string | null>> = [];
  for (let s = 0; s < t.S; s++) {
    const cells: Array<string | null> = new Array(K).fill(null);
    out.push(cells);
    if (s === 0 || t.best[i * t.S + s] <= NEG) continue;
    let j = i;
    let state = s;
    while (j > 0) {
      const at = j * t.S + state;
      const from = t.fromI[at];
      const col = t.viaCol[at];
      if (col >= 0) {
        const c = col % K;
        const own = tokens.slice(from, j).map((x) => x.text).join('');
        cells[c] = cells[c] === null ? own : own + cells[c];
      }
      if (col >= K && col < 2 * K) break; // the row started here
      state = t.fromS[at];
      j = from;
    }
  }
  return out;
}

/** Score change when `text` is appended to a cell holding `before`; null when that does not fit the column. */
function continuationGain(before: string | null, col: ColumnKey, text: string, context: ScoreContext): number | null {
  if (before === null) return null;
  const old = cellScore(col, before, context);
  const joined = cellScore(col, before + text, context);
  return old === null || joined === null ? null : joined - old;
}

interface Tables {
  best: Float64Array;
  fromI: Int32Array;
  fromS: Int32Array;
  viaCol: Int32Array;
  S: number;
  endCost: (s: number) => number;
}

/** Follow the best path back and rebuild rows and dropped tokens in source order. */
function backtrack(tokens: ReadonlyArray<Token>, options: GridOptions, t: Tables): GridParse {
  const n = tokens.length;
  const K = options.columns.length;
  let bestS = 0;
  let bestV = NEG;
  for (let s = 0; s < t.S; s++) {
    const v = t.best[n * t.S + s] + t.endCost(s);
    if (t.best[n * t.S + s] > NEG && v > bestV) { bestV = v; bestS = s; }
  }
  const steps: Array<{i: number; j: number; col: number}> = [];
  let j = n;
  let s = bestS;
  while (j > 0) {
    const at = j * t.S + s;
    const i = t.fromI[at];
    steps.push({i, j, col: t.viaCol[at]});
    s = t.fromS[at];
    j = i;
  }
  steps.reverse();
  const items: GridParse['items'] = [];
  let row: GridRow | null = null;
  for (const step of steps) {
    if (step.col === -1) {
      items.push({dropped: {token: tokens[step.i], pageNumber: options.pageNumberCandidate(tokens[step.i])}});
      continue;
    }
    if (step.col >= 2 * K) {
      row!.cells.get(options.columns[step.col - 2 * K])!.push(...tokens.slice(step.i, step.j));
      continue;
    }
    const newRow = step.col >= K;
    const col = options.columns[newRow ? step.col - K : step.col];
    if (newRow || row === null) {
      row = {cells: new Map()};
      items.push({row});
    }
    row.cells.set(col, tokens.slice(step.i, step.j));
  }
  return {items, score: n === 0 ? 0 : bestV};
}
