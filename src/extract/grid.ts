// Tokens of a grid → rows of cells. A semi-Markov dynamic programme assigns runs of tokens to columns in their
// fixed order (一级 … 佐证资料), scoring each run with the column's grammar, so merged cells, slid cells, wrapped
// cells and cut rows fall out of the order instead of needing a rule each. Tokens it cannot place are dropped
// and returned, never lost.
import type {ColumnKey} from '../types.ts';
import {cellForbids, cellScore, cellScorer, CUT, tokenClass, type ScoreContext} from './grammar.ts';
import type {Gap, Token} from './lines.ts';
import {pushAll} from '../arrays.ts';
import {insideDate, insideUnit} from './pieces.ts';

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
  /**
   * Tokens where a run may continue a cell of the row read so far, as after a page break: the pieces of cells
   * printed after their row's first line (pieces.ts). Pieces continue cells in column order.
   */
  pieceStart?: (t: Token) => boolean;
  /**
   * Tokens printed in the cell of the token before them, as a column-preserving dump shows (columnar.ts: a word
   * under the same word of the row's anchor line): a cell or a row starting there costs SAME_CELL.
   */
  sameCell?: (t: Token) => boolean;
}

/** Cost of leaving a column empty inside a row (one-line reasons: see DOMAIN.md's layouts). */
const SKIP: Record<ColumnKey, number> = {
  project: 0, project_budget: 0, project_goal: 0, // merged over a project's rows, filled down
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
  seq: -2, // a row's number, printed on every row
  explanation: -0.5, // free text, often empty
  remark: -0.5,

};
/** At the start of a row, 一级 and 二级 may be absent at no cost: they are merged cells above. */
const START_SKIP: Partial<Record<ColumnKey, number>> = {project: 0, project_budget: 0, project_goal: 0, level1: 0, level2: 0};
const DROP = -6;
/** Cost of text continuing an earlier cell of the row after a page break (the rest of a wrapped basis). */
const CONTINUATION = -2;
const DROP_PAGE_NUMBER = -0.5;
const MAX_TOKENS_PER_CELL = 24;
/** Longest text each column plausibly holds: longer runs are not scored at all (most of the speed). */
const MAX_CHARS: Record<ColumnKey, number> = {
  project: 60, project_budget: 16, project_goal: 300,
  level1: 16, level2: 20, level3: 120, target_nature: 8, target: 48, target_unit: 12, basis: 12, prior_year: 48,
  weight: 8, actual: 48, score: 8, scoring_rule: 16, evidence: 48, target_long: 48, deviation: 200,
  seq: 5, explanation: 200, remark: 120,
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

/** Cost of a cell or row boundary inside a date or a unit cut at a line end (insideDate, insideUnit). */
const INSIDE_DATE = -4;
/** Cost of a cell or row boundary before a token printed in the cell of the one before (GridOptions.sameCell). */
const SAME_CELL = -4;

/**
 * Segment a token stream into rows of cells.
 * Runs in O(n · L · K²) for n tokens, cells of at most L tokens and K columns, and close to O(n · L · K) away from
 * page breaks (see {@link nearBest}). Cell scores are memoised by token run ({@link ScoreMemo}): a run seen
 * before, in this table or an earlier one, costs one lookup.
 * @example segmentGrid(tokenizeLine({no: 1, text: '产出指标\t数量指标\t人数\t≥2 人\t计划标准\t-\t10\t直接赋分\t工作资料'}), opts).items.length // => 1
 */
export function segmentGrid(tokens: ReadonlyArray<Token>, options: GridOptions): GridParse {
  // A short stream seen before (a table row repeated across tables and documents) has its answer kept.
  const key = tokens.length <= CALL_MEMO_TOKENS ? callKey(tokens, options) : null;
  const known = key === null ? undefined : CALL_MEMO.get(key);
  if (known !== undefined) return assemble(tokens, options, known);
  // Where pieces may come (office PDFs), a cell cut at a line end may be read: a piece may finish it.
  const path = bestPath(tokens, options.pieceStart === undefined ? options : {...options, context: withCuts(options.context)});
  if (key !== null) {
    if (CALL_MEMO.size >= CALL_MEMO_SIZE) CALL_MEMO.clear();
    CALL_MEMO.set(key, path);
  }
  return assemble(tokens, options, path);
}

/**
 * Streams of up to this many tokens have their best path memoised, up to CALL_MEMO_SIZE of them: small enough to
 * be full within a few hundred documents, so memory is flat from there on (each worker thread has its own).
 */
const CALL_MEMO_TOKENS = 64;
const CALL_MEMO_SIZE = 1 << 12;
const CALL_MEMO = new Map<string, Path>();
const GAP_CODES: Record<Gap, number> = {start: 0, space: 1, tab: 2, line: 3};

/**
 * Everything the programme reads of a stream: the columns, context and mode, and per token one character for its
 * gap, page-break, piece and same-cell marks and page-number look (the tokens' lines matter only through it), one
 * for the length of its text, and the text, so that no two streams share a key whatever their texts hold (short
 * keys hash faster). Null, not memoised, for a token too long for its length to fit one character.
 */
function callKey(tokens: ReadonlyArray<Token>, options: GridOptions): string | null {
  let key = `${options.mode} ${options.context.freeTextBasis ? 1 : 0}${options.pieceStart === undefined ? '' : '+'} ${options.columns.join(',')}\n`;
  for (const t of tokens) {
    if (t.text.length > 0xffff) return null;
    const piece = (options.pieceStart?.(t) === true ? 16 : 0) + (options.sameCell?.(t) === true ? 32 : 0);
    const marks = 0x41 + piece + GAP_CODES[t.gap] * 4 + (t.pageBreak === true ? 2 : 0) + (options.pageNumberCandidate(t) ? 1 : 0);
    key += String.fromCharCode(marks, t.text.length) + t.text;
  }
  return key;
}

/** The best path of the programme: its steps (run i … j - 1 read via column code `col`, see Grid.viaCol) and score. */
interface Path {
  /** i, j, col of each step, in source order. */
  steps: Int32Array;
  score: number;
}

/** Run the programme over the stream and follow its best path back. */
function bestPath(tokens: ReadonlyArray<Token>, options: GridOptions): Path {
  const {columns, context} = options;
  const n = tokens.length;
  const g = gridFor(tokens, options);
  const {K, S, best, maxChars, roomy, slots, scores, fit} = g;
  const t = tokenFeatures(tokens, options, g);
  for (let i = 0; i < n; i++) {
    const drop = t.pageLike[i] === 1 ? DROP_PAGE_NUMBER : DROP;
    for (let s = 0, at = (i + 1) * S; s < S; s++, at++) {
      const base = best[i * S + s];
      if (base > NEG && base + drop > best[at]) set(g, at, base + drop, i, s, -1);
    }
    const inside = (i > 0 && (insideDate(tokens[i - 1], tokens[i]) || insideUnit(tokens[i - 1], tokens[i])) ? INSIDE_DATE : 0)
      + (i > 0 && options.sameCell?.(tokens[i]) === true ? SAME_CELL : 0);
    g.split = splitCost(tokens[i].gap, options.mode) + inside;
    g.brk = i === 0 ? 0 : rowBreakCost(tokens[i].gap) + inside;
    const pageBreak = t.pageBreak[i] === 1;
    if (pageBreak) openCellNodes(g, i);
    else nearBest(g, i);
    let node = MEMO.root;
    let length = 0;
    let text = ''; // tokens i … built - 1 joined; extended only when a score needs it
    let built = i;
    let held = 0; // token classes (tokenClass) of the run after its first token
    let longest = g.longest; // the longest text of the columns that may still take the run
    for (let j = i + 1; j <= n && j - i <= MAX_TOKENS_PER_CELL; j++) {
      if (j > i + 1 && !g.stream && t.tabGap[j - 1] === 1) break;
      length += t.length[j - 1];
      if (j > i + 1 && (t.tokenClass[j - 1] & ~held) !== 0) {
        held |= t.tokenClass[j - 1];
        longest = 0;
        for (let c = 0; c < K; c++) if ((g.forbids[c] & held) === 0 && maxChars[c] > longest) longest = maxChars[c];
      }
      if (length > longest) break;
      node = MEMO.child(node, t.ids[j - 1]);
      let fits = 0;
      let score: ((col: ColumnKey) => number | null) | null = null; // the run's scorer, made at its first miss
      // Only the columns long enough for the run (roomiest first); scores[c] is read only for the fits.
      for (let k = 0; k < K; k++) {
        const c = roomy[k];
        if (length > maxChars[c]) break;
        if ((g.forbids[c] & held) !== 0) continue;
        let v = MEMO.score(node, slots[c]);
        if (v !== v) { // NaN: not scored yet
          if (score === null) {
            for (; built < j; built++) text += tokens[built].text;
            score = cellScorer(text, withCuts(context));
          }
          v = score(columns[c]) ?? NEG;
          MEMO.remember(node, slots[c], v);
        }
        if (v === CUT && context.cutCells !== true) { // (the memo keeps scores with cuts: see asRead)
          for (; built < j; built++) text += tokens[built].text;
          v = asRead(v, columns[c], text, context);
        }
        scores[c] = v;
        if (v > NEG) fit[fits++] = c;
      }
      g.fits = fits;
      if (pageBreak) {
        // Continuing an open cell, the run's first token is inside the cell too.
        g.continuing = held | t.tokenClass[i];
        const {node: open, cells, count} = g.open;
        for (let x = 0; x < count; x++) {
          if ((g.forbids[cells[x] % K] & g.continuing) === 0) open[cells[x]] = MEMO.child(open[cells[x]], t.ids[j - 1]);
        }
        relaxAll(g, i, j);
      } else if (fits > 0) {
        relaxNear(g, i, j);
      }
    }
  }
  return backtrack(n, g);
}

/**
 * One segmentation's programme: the fixed costs of a column list, the tables of best scores (best score of each
 * token × state, and how it was reached) and the working state of the token being read. Kept per column list and
 * reused, its tables grown as needed, so that the many one-line programmes of a tabbed table allocate nothing.
 */
interface Grid extends Tables {
  K: number;
  /** Row width of `gap`: K + 1. */
  W: number;
  /** gap[(last + 1) * W + next]: cost of the columns skipped between two filled ones. */
  gap: Float64Array;
  /** start[c]: cost of the columns skipped before a row's first cell c. */
  start: Float64Array;
  /** end[s]: cost of the columns skipped after a row's last cell (state s). */
  end: Float64Array;
  /** Longest text of each column, and of any column. */
  maxChars: Int32Array;
  /**
   * The columns by maxChars, longest first (ties in column order): a run too long for one is too long for the
   * rest. The runs' fits come in this order; the ways into a cell do not depend on the order of the cells.
   */
  roomy: Int32Array;
  longest: number;
  /** cellForbids of each column. */
  forbids: Int32Array;
  /** At a page break, the token classes of the run i … j - 1 (all of it: it may continue an open cell). */
  continuing: number;
  /** Memo slot of each column. */
  slots: Int32Array;
  // The stream being read.
  tokens: ReadonlyArray<Token>;
  options: GridOptions;
  stream: boolean;
  /** Score of the current run (tokens i … j - 1) in each column, NEG when it does not fit. */
  scores: Float64Array;
  /** The columns the run fits, in `roomy` order; `fits` of them. */
  fit: Int32Array;
  fits: number;
  /** Cost of a cell boundary and of a row break before token i. */
  split: number;
  brk: number;
  /** States from which a row may start near the best (ascending); `starts` of them. */
  startFrom: Int32Array;
  starts: number;
  /**
   * For each column c, at c * 2S: the ways into a cell c from token i that can win (nearBestFor), in relaxAll's
   * order; `ways[c]` of them. Each is a sum before the run's score, the state it comes from and its column code.
   */
  waySum: Float64Array;
  wayFrom: Int32Array;
  wayCol: Int32Array;
  ways: Int32Array;
  /** The states reached at token i, ascending (nearBest); `alive` of them. */
  live: Int32Array;
  alive: number;
  /** ready[c] = i + 1 once the sums of column c at token i are taken (nearBestFor). */
  ready: Int32Array;
  /** At a page break, the open cells. */
  open: OpenCells;
}

const GRIDS = new Map<string, Grid>();

/** The grid of a column list, with its tables cleared for n tokens. */
function gridFor(tokens: ReadonlyArray<Token>, options: GridOptions): Grid {
  const key = `${options.context.freeTextBasis ? '+' : '-'}${options.columns.join(',')}`;
  let g = GRIDS.get(key);
  if (g === undefined) {
    g = newGrid(options);
    if (GRIDS.size > 64) GRIDS.clear();
    GRIDS.set(key, g);
  }
  const size = (tokens.length + 1) * g.S;
  if (g.best.length < size) {
    const room = Math.max(size, 2 * g.best.length);
    g.best = new Float64Array(room);
    g.fromI = new Int32Array(room);
    g.fromS = new Int32Array(room);
    g.viaCol = new Int32Array(room);
  }
  g.best.fill(NEG, 0, size);
  g.fromI.fill(-1, 0, size);
  g.fromS.fill(0, 0, size);
  g.viaCol.fill(0, 0, size); // -1: token dropped; c: cell c; K + c: cell c starting a row; 2K + c: continuation of c
  g.best[0] = 0;
  g.ready.fill(0); // nearBestFor's marks are per stream
  g.tokens = tokens;
  g.options = options;
  g.stream = options.mode === 'stream';
  return g;
}

function newGrid(options: GridOptions): Grid {
  const {columns, context} = options;
  const K = columns.length;
  const S = K + 1; // state 0: no open row; state k+1: last filled column k
  const W = K + 1;
  const skip = columns.map((c) => SKIP[c]);
  const gap = new Float64Array(W * W);
  for (let last = -1; last < K; last++) {
    let v = 0;
    for (let next = last + 1; next <= K; next++) {
      gap[(last + 1) * W + next] = v;
      if (next < K) v += skip[next];
    }
  }
  const start = new Float64Array(K);
  for (let c = 1; c < K; c++) start[c] = start[c - 1] + (START_SKIP[columns[c - 1]] ?? skip[c - 1]);
  const end = new Float64Array(S);
  for (let s = 1; s < S; s++) end[s] = gap[s * W + K];
  const maxChars = Int32Array.from(columns, (c) => (c === 'basis' && context.freeTextBasis ? MAX_FREE_BASIS : MAX_CHARS[c]));
  return {
    K, S, W, gap, start, end, endCost: (s) => end[s], maxChars, longest: Math.max(...maxChars),
    forbids: Int32Array.from(columns, cellForbids), continuing: 0,
    roomy: Int32Array.from(columns.keys()).sort((a, b) => maxChars[b] - maxChars[a] || a - b),
    slots: Int32Array.from(columns, (c) => memoSlot(c, context)),
    best: new Float64Array(0), fromI: new Int32Array(0), fromS: new Int32Array(0), viaCol: new Int32Array(0),
    tokens: [], options, stream: false, scores: new Float64Array(K), fit: new Int32Array(K), fits: 0, split: 0, brk: 0,
    startFrom: new Int32Array(S), starts: 0, waySum: new Float64Array(K * 2 * S), wayFrom: new Int32Array(K * 2 * S),
    wayCol: new Int32Array(K * 2 * S), ways: new Int32Array(K), live: new Int32Array(S), alive: 0, ready: new Int32Array(K),
    open: {node: new Int32Array(S * K), cells: new Int32Array(S * K), count: 0, before: new Float64Array(S * K), text: new Array<string | null>(S * K).fill(null)},
  };
}

/** Record a better way to (token, state) `at`. */
function set(g: Grid, at: number, v: number, i: number, s: number, col: number): void {
  g.best[at] = v;
  g.fromI[at] = i;
  g.fromS[at] = s;
  g.viaCol[at] = col;
}

/**
 * Every way from token i to token j (the run i … j - 1 as one cell), in the order that decides ties: by state s,
 * a continuation after a page break, then continuing the open row, then starting a new one.
 */
function relaxAll(g: Grid, i: number, j: number): void {
  const {K, S, W, best, gap, start, end, scores, fit, fits, split, open} = g;
  const row = j * S;
  let x = 0; // open.cells[x]: the next open cell, in order of state and column
  for (let s = 0; s < S; s++) {
    while (x < open.count && open.cells[x] < s * K) x++;
    const base = best[i * S + s];
    if (base <= NEG) continue;
    for (; x < open.count && open.cells[x] < s * K + s; x++) {
      const c = open.cells[x] - s * K;
      if ((g.forbids[c] & g.continuing) !== 0) continue; // the run holds a token the cell never holds (tokenClass)
      if (c <= pieceBefore(g, i, s)) continue; // pieces continue their row's cells in column order
      const joined = continuation(g, s * K + c, c, i, j);
      if (joined === NEG) continue;
      // Ties go to the rightmost cell: the one most likely still open when the page ended.
      const v = base + CONTINUATION + (joined - open.before[s * K + c]) + 0.01 * c;
      if (v > best[row + s]) set(g, row + s, v, i, s, c + 2 * K);
    }
    const canStart = s === 0 || g.stream; // a row starts anywhere in a stream, only first in a tabbed row
    const b = s === 0 && i === 0 ? 0 : g.brk;
    const closed = base + end[s];
    for (let f = 0; f < fits; f++) {
      const c = fit[f];
      const at = row + c + 1;
      if (s > 0 && c > s - 1) {
        const v = base + gap[s * W + c] + split + scores[c];
        if (v > best[at]) set(g, at, v, i, s, c);
      }
      if (canStart) {
        const v = closed + start[c] + b + scores[c];
        if (v > best[at]) set(g, at, v, i, s, c + K);
      }
    }
  }
}

/**
 * The ways from token i to token j that {@link relaxAll} would take, less those that cannot win (see
 * {@link nearBest}), in the same order, so ties are broken the same way.
 */
function relaxNear(g: Grid, i: number, j: number): void {
  const {S, best, scores, fit, fits, ready, waySum, wayFrom, wayCol, ways} = g;
  const row = j * S;
  for (let f = 0; f < fits; f++) {
    const c = fit[f];
    if (ready[c] !== i + 1) nearBestFor(g, i, c);
    const at = row + c + 1;
    const score = scores[c];
    for (let k = c * 2 * S, last = k + ways[c]; k < last; k++) {
      const v = waySum[k] + score;
      if (v > best[at]) set(g, at, v, i, wayFrom[k], wayCol[k]);
    }
  }
}

/**
 * The states at token i worth trying, whatever run follows. Every way from (i, s) into a cell c adds the same
 * amounts to `best[i, s] + end[s]` (starting a row) or to `best[i, s] + gap[s, c]` (continuing one), and
 * floating-point addition never reverses an order, so a state clearly below the best of its kind (by more than
 * rounding could ever close) can never be chosen: relaxAll would try it and find it worse. Only states within
 * NEAR of the best are kept, so every tie, exact or after rounding, is still tried and broken as before.
 * For each kept state and column, the sum before the run's score is taken once per token rather than once per
 * run (nearBestFor, for the columns some run fits), in relaxAll's order of additions.
 */
function nearBest(g: Grid, i: number): void {
  const {S, best, end, startFrom, live} = g;
  const from = i * S;
  let alive = 0;
  for (let s = 0; s < S; s++) if (best[from + s] > NEG) live[alive++] = s;
  // Starting a row: from any live state in a stream, only from state 0 in a tabbed row.
  let top = NEG;
  for (let k = 0; k < alive; k++) {
    const s = live[k];
    if (s > 0 && !g.stream) break;
    if (best[from + s] + end[s] > top) top = best[from + s] + end[s];
  }
  let starts = 0;
  if (top > NEG) {
    const floor = top - NEAR * (1 + Math.abs(top));
    for (let k = 0; k < alive; k++) {
      const s = live[k];
      if (s > 0 && !g.stream) break;
      if (best[from + s] + end[s] >= floor) startFrom[starts++] = s;
    }
  }
  g.starts = starts;
  g.alive = alive;
}

/**
 * The ways into a cell c from token i worth trying (taken when a run first fits c): starting a row from a state of
 * nearBest, or continuing the open row (state s ≥ 1, c ≥ s), in relaxAll's order (by state; within a state,
 * continuing before starting), each with its sum before the run's score, added in relaxAll's order. The run's
 * score adds the same to every sum, so only the sums near the best of all can win (as in nearBest; a way near the
 * best of all is near the best of its kind too).
 */
function nearBestFor(g: Grid, i: number, c: number): void {
  const {S, K, W, best, gap, start, end, startFrom, starts, live, alive, waySum, wayFrom, wayCol} = g;
  const from = i * S;
  g.ready[c] = i + 1;
  const first = c * 2 * S;
  let n = first;
  let top = NEG;
  let a = 0;
  let k = live[0] === 0 ? 1 : 0; // continuing: the live states 1 … c
  for (;;) {
    const sb = k < alive && live[k] <= c ? live[k] : S;
    const sa = a < starts ? startFrom[a] : S;
    if (sa === S && sb === S) break;
    if (sb <= sa) {
      waySum[n] = best[from + sb] + gap[sb * W + c] + g.split;
      wayFrom[n] = sb;
      wayCol[n] = c;
      k++;
    } else {
      waySum[n] = best[from + sa] + end[sa] + start[c] + (sa === 0 && i === 0 ? 0 : g.brk);
      wayFrom[n] = sa;
      wayCol[n] = c + K;
      a++;
    }
    if (waySum[n] > top) top = waySum[n];
    n++;
  }
  // A way clearly below the best of all can never be chosen (see nearBest): dropped.
  const floor = top - NEAR * (1 + Math.abs(top));
  let kept = first;
  for (let w = first; w < n; w++) {
    if (waySum[w] < floor) continue;
    waySum[kept] = waySum[w];
    wayFrom[kept] = wayFrom[w];
    wayCol[kept] = wayCol[w];
    kept++;
  }
  g.ways[c] = kept - first;
}

/**
 * How close to the best a state must be to be tried, relative to the score's size. Rounding moves a sum of a few
 * terms by a few units in the last place (about 1e-16 relative); this margin is millions of times larger.
 */
const NEAR = 1e-9;

/** The column a continuation just before token i (state s) continued, or -1 when the step there was none. */
function pieceBefore(g: Grid, i: number, s: number): number {
  const col = g.viaCol[i * g.S + s];
  return col >= 2 * g.K ? col - 2 * g.K : -1;
}

/** Score of the open cell k (at a page break) continued by tokens i … j - 1; NEG when either does not fit. */
function continuation(g: Grid, k: number, c: number, i: number, j: number): number {
  const {open} = g;
  if (open.node[k] === -1 || open.before[k] === NEG) return NEG;
  const slot = g.slots[c];
  const v = MEMO.score(open.node[k], slot);
  return v === v && v !== CUT ? v : scoreAt(open.node[k], slot, g.options.columns[c], open.text[k] + joinTokens(g.tokens, i, j), g.options.context);
}

/** What the programme needs of each token, computed once per stream. */
interface TokenFeatures {
  /** Interned text ({@link ScoreMemo.tokenId}). */
  ids: Int32Array;
  length: Int32Array;
  /** 1 when a tab comes before the token. */
  tabGap: Uint8Array;
  /** 1 when options.pageNumberCandidate says the token looks like a page number. */
  pageLike: Uint8Array;
  /**
   * 1 when a run from the token may continue an open cell: a new page starts there (a marked page start, or right
   * after a lone page-number token), or a piece may (options.pieceStart).
   */
  pageBreak: Uint8Array;
  /** The token's class (grammar.ts tokenClass): a whole cell some columns never hold after their first token. */
  tokenClass: Uint8Array;
}

/** Feature arrays, reused from stream to stream (segmentGrid does not nest) and grown as needed. */
let FEATURES: TokenFeatures = {ids: new Int32Array(256), length: new Int32Array(256), tabGap: new Uint8Array(256), pageLike: new Uint8Array(256), pageBreak: new Uint8Array(256), tokenClass: new Uint8Array(256)};

/** The features of every token; makes room in the memo for every run the programme may try. */
function tokenFeatures(tokens: ReadonlyArray<Token>, options: GridOptions, g: Grid): TokenFeatures {
  const n = tokens.length;
  if (FEATURES.ids.length < n) {
    const room = Math.max(n, 2 * FEATURES.ids.length);
    FEATURES = {ids: new Int32Array(room), length: new Int32Array(room), tabGap: new Uint8Array(room), pageLike: new Uint8Array(room), pageBreak: new Uint8Array(room), tokenClass: new Uint8Array(room)};
  }
  const f = FEATURES;
  f.pageBreak.fill(0, 0, n);
  for (let i = 0; i < n; i++) {
    const tok = tokens[i];
    f.length[i] = tok.text.length;
    f.tabGap[i] = tok.gap === 'tab' ? 1 : 0;
    f.pageLike[i] = options.pageNumberCandidate(tok) ? 1 : 0;
  }
  let breaks = 0;
  for (let i = 1; i < n; i++) {
    if (f.pageLike[i] === 1) continue;
    f.pageBreak[i] = tokens[i].pageBreak === true || (tokens[i].gap === 'line' && f.pageLike[i - 1] === 1) || options.pieceStart?.(tokens[i]) === true ? 1 : 0;
    breaks += f.pageBreak[i];
  }
  // Runs: at most L per token, plus at each page break the open cells (S · K), each extended L times.
  MEMO.reserve(n + n * MAX_TOKENS_PER_CELL + breaks * g.S * g.K * (MAX_TOKENS_PER_CELL + 1));
  for (let i = 0; i < n; i++) {
    f.ids[i] = MEMO.tokenId(tokens[i].text);
    f.tokenClass[i] = MEMO.tokenClass(f.ids[i], tokens[i].text);
  }
  return f;
}

/** Memo slot of a column; 指标设定依据 read as free text (overall tables) has a slot of its own. */
function memoSlot(col: ColumnKey, context: ScoreContext): number {
  return col === 'basis' && context.freeTextBasis ? FREE_BASIS_SLOT : COLUMN_SLOTS[col];
}

/**
 * cellScore depends on the context only for 指标设定依据, so one slot per column and one for free-text basis;
 * the free-text notes (偏差原因, 指标解释, 备注) score alike and share one.
 */
const COLUMN_SLOTS: Record<ColumnKey, number> = {
  project: 16, project_budget: 17, project_goal: 18, seq: 19,
  level1: 0, level2: 1, level3: 2, target_long: 3, target_nature: 4, target: 5, target_unit: 6, basis: 7, prior_year: 8,
  weight: 9, actual: 10, score: 11, deviation: 12, explanation: 12, remark: 12, scoring_rule: 13, evidence: 14,
};
const FREE_BASIS_SLOT = 15;
/**
 * A node of the memo: the token id + 1 and node of its latest child (0: none yet; the id negated once that child
 * is also in the index), then one byte per slot (20).
 */
const NODE_INTS = 7;
const CODES_AT = 8;
/** An entry of the memo's index: parent node, token id + 1 (0: empty entry), child node. */
const INDEX_INTS = 3;
const FIRST_NODES = 1 << 14;
/** The memo's bound in runs (28 bytes each, plus the index); past it, the memo starts afresh. */
const MAX_NODES = 1 << 18;

/**
 * Cell scores memoised by token run. Token texts are interned to numbers, and each run of tokens is a node of a
 * trie: the run minus its last token, plus that token. A node holds its scores, one byte per column slot: 0 while
 * unscored, else the index of the score in a table of the distinct scores seen (cellScore returns few distinct
 * values). Nodes are numbered in the order they are made, so the runs i…i+1, i…i+2, … of one start lie side by
 * side, and each node remembers its latest child: reading the runs of a start again walks memory in order and
 * rarely needs the index (an open-addressing hash table of parent and token), which holds a child only once
 * another has been its parent's latest: a new run extending a new run, the common case, never touches it. Node
 * numbers never change while a stream is read: the memo is emptied or enlarged only in {@link reserve}, before
 * one. cellScore is pure, so the memo never changes a result; it is bounded, so memory stays flat over any number
 * of documents, and each thread has its own.
 */
class ScoreMemo {
  /** The empty run. */
  readonly root = 0;
  private readonly ids = new Map<string, number>();
  private count = 1;
  private capacity = FIRST_NODES;
  private nodes = new Int32Array(FIRST_NODES * NODE_INTS);
  private codes = new Uint8Array(this.nodes.buffer);
  private index = new Int32Array(FIRST_NODES * 2 * INDEX_INTS);
  private mask = FIRST_NODES * 2 - 1;
  /** The one-token runs by token id (0: not made yet): the root has a child per token, too many for a hint. */
  private rootKids = new Int32Array(FIRST_NODES);
  /** tokenClass of each token id (UNKNOWN_CLASS: not asked yet). */
  private classes = new Uint8Array(FIRST_NODES).fill(UNKNOWN_CLASS);
  /** Score of each code; code 0 (NaN) is "not scored". */
  private readonly values: number[] = [NaN];
  private readonly codeOf = new Map<number, number>();

  /** Make room for `more` new runs and token texts, so that no node number changes while they are made. */
  reserve(more: number): void {
    const fits = (capacity: number): boolean => this.count + more <= capacity && this.ids.size + more <= capacity;
    if (fits(this.capacity)) return;
    let capacity = this.capacity;
    while (capacity < MAX_NODES && !fits(capacity)) capacity *= 2;
    if (fits(capacity)) { this.grow(capacity); return; } // what is known stays known
    while (more + 1 > capacity) capacity *= 2; // one huge stream: room for it alone
    this.ids.clear();
    if (capacity === this.capacity) {
      this.nodes.fill(0, 0, this.count * NODE_INTS);
      this.index.fill(0);
      this.rootKids.fill(0);
      this.classes.fill(UNKNOWN_CLASS);
    } else {
      this.allocate(capacity);
    }
    this.count = 1;
  }

  /** Enlarge the memo to `capacity` runs, keeping every run, score and token id (node numbers do not change). */
  private grow(capacity: number): void {
    const {nodes, index, rootKids, classes} = this;
    this.allocate(capacity);
    this.nodes.set(nodes.subarray(0, this.count * NODE_INTS));
    this.rootKids.set(rootKids);
    this.classes.set(classes);
    for (let e = 0; e < index.length; e += INDEX_INTS) if (index[e + 1] !== 0) this.insert(index[e], index[e + 1] - 1, index[e + 2]);
  }

  /** Fresh, empty tables for `capacity` runs. */
  private allocate(capacity: number): void {
    this.capacity = capacity;
    this.nodes = new Int32Array(capacity * NODE_INTS);
    this.codes = new Uint8Array(this.nodes.buffer);
    this.index = new Int32Array(capacity * 2 * INDEX_INTS);
    this.mask = capacity * 2 - 1;
    this.rootKids = new Int32Array(capacity);
    this.classes = new Uint8Array(capacity).fill(UNKNOWN_CLASS);
  }

  /** The number standing for a token text. */
  tokenId(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) { id = this.ids.size; this.ids.set(text, id); }
    return id;
  }

  /** tokenClass of the token `id` (whose text is `text`), worked out once per token text. */
  tokenClass(id: number, text: string): number {
    let c = this.classes[id];
    if (c === UNKNOWN_CLASS) this.classes[id] = c = tokenClass(text);
    return c;
  }

  /** The node of the run `node` extended by the token `id`, made when new. */
  child(node: number, id: number): number {
    if (node === 0) {
      // Token ids stay below the capacity (reserve counts them), so rootKids has room for every one.
      const kid = this.rootKids[id];
      if (kid !== 0) return kid;
      return (this.rootKids[id] = this.count++);
    }
    const nodes = this.nodes;
    const at = node * NODE_INTS;
    const latest = nodes[at];
    if (latest === id + 1 || latest === -(id + 1)) return nodes[at + 1];
    if (latest === 0) {
      // A node's first child is only its latest: indexed once another child takes its place.
      const kid = this.count++;
      nodes[at] = id + 1;
      nodes[at + 1] = kid;
      return kid;
    }
    let kid = this.find(node, id);
    if (kid === -1) kid = this.insert(node, id, this.count++);
    if (latest > 0) this.insert(node, latest - 1, nodes[at + 1]); // the child it replaces as latest
    nodes[at] = -(id + 1);
    nodes[at + 1] = kid;
    return kid;
  }

  /** The indexed child of `node` by token `id`, or -1. */
  private find(node: number, id: number): number {
    const index = this.index;
    const mask = this.mask;
    for (let e = indexSlot(node, id, mask); ; e = (e + 1) & mask) {
      const entry = e * INDEX_INTS;
      const token = index[entry + 1];
      if (token === 0) return -1;
      if (token === id + 1 && index[entry] === node) return index[entry + 2];
    }
  }

  /** Index the child `kid` of `node` by token `id` (not indexed yet); returns `kid`. */
  private insert(node: number, id: number, kid: number): number {
    const index = this.index;
    const mask = this.mask;
    let e = indexSlot(node, id, mask);
    while (index[e * INDEX_INTS + 1] !== 0) e = (e + 1) & mask;
    index[e * INDEX_INTS] = node;
    index[e * INDEX_INTS + 1] = id + 1;
    index[e * INDEX_INTS + 2] = kid;
    return kid;
  }

  /** The memoised score of a node's text in a slot; NaN when not scored yet. */
  score(node: number, slot: number): number {
    return this.values[this.codes[node * (NODE_INTS * 4) + CODES_AT + slot]];
  }

  /** Keep a score; a 256th distinct value is simply not kept (scored again next time). */
  remember(node: number, slot: number, value: number): void {
    let code = this.codeOf.get(value);
    if (code === undefined) {
      if (this.values.length > 255) return;
      code = this.values.length;
      this.values.push(value);
      this.codeOf.set(value, code);
    }
    this.codes[node * (NODE_INTS * 4) + CODES_AT + slot] = code;
  }
}

/** Marks a token id whose class is not known yet (tokenClass returns less). */
const UNKNOWN_CLASS = 255;

const MEMO = new ScoreMemo();

/** Where the index entry of (node, token id) is looked for first. */
function indexSlot(node: number, id: number, mask: number): number {
  const h = (Math.imul(node, 0x9e3779b1) ^ Math.imul(id + 1, 0x85ebca6b)) >>> 0;
  return (h ^ (h >>> 15)) & mask;
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
        const own = joinTokens(tokens, from, j);
        cells[c] = cells[c] === null ? own : own + cells[c];
      }
      if (col >= K && col < 2 * K) break; // the row started here
      state = t.fromS[at];
      j = from;
    }
  }
  return out;
}

/** The open cells at a page break, per state s and column c (at s * K + c). */
interface OpenCells {
  /** Memo node of the cell's text (extended token by token as the continuation grows); -1: no such cell. */
  node: Int32Array;
  /** The cells there are (node not -1; only cells whose text fits their column), ascending; `count` of them. */
  cells: Int32Array;
  count: number;
  /** The cell's score before any continuation (NEG: the cell's text does not fit its column). */
  before: Float64Array;
  text: Array<string | null>;
}

/** Fill g.open with the open cells at token i (see openCells). */
function openCellNodes(g: Grid, i: number): void {
  const {K, S, options, open: out} = g;
  const open = openCells(g.tokens, g, i, options);
  out.node.fill(-1);
  out.text.fill(null);
  out.count = 0;
  for (let s = 1; s < S; s++) {
    for (let c = 0; c < s; c++) {
      const text = open[s][c];
      if (text === null) continue;
      const k = s * K + c;
      const node = MEMO.child(MEMO.root, MEMO.tokenId(text));
      const before = scoreAt(node, g.slots[c], options.columns[c], text, options.context);
      if (before === NEG) continue; // a cell that does not fit its column is never continued (see continuation)
      out.node[k] = node;
      out.cells[out.count++] = k;
      out.text[k] = text;
      out.before[k] = before;
    }
  }
}

/**
 * cellScore (NEG for null) of the text of a memo node, from the memo when known. The memo keeps scores with cut
 * cells (ScoreContext.cutCells), the same for every reading; a cut read where no piece may finish it is scored as it
 * reads.
 */
function scoreAt(node: number, slot: number, col: ColumnKey, text: string, context: ScoreContext): number {
  let v = MEMO.score(node, slot);
  if (v !== v) {
    v = cellScore(col, text, withCuts(context)) ?? NEG;
    MEMO.remember(node, slot, v);
  }
  return asRead(v, col, text, context);
}

/** A memo score (kept with cut cells) as the context reads it: a cut where no piece may finish it scored afresh. */
function asRead(v: number, col: ColumnKey, text: string, context: ScoreContext): number {
  return v === CUT && context.cutCells !== true ? cellScore(col, text, context) ?? NEG : v;
}

/** The context with cut cells scored (CUT), kept per context object. */
export function withCuts(context: ScoreContext): ScoreContext {
  if (context.cutCells === true) return context;
  let cuts = CUT_CONTEXTS.get(context);
  if (cuts === undefined) CUT_CONTEXTS.set(context, (cuts = {...context, cutCells: true}));
  return cuts;
}
const CUT_CONTEXTS = new WeakMap<ScoreContext, ScoreContext>();

/** The texts of tokens i … j - 1, joined. */
function joinTokens(tokens: ReadonlyArray<Token>, i: number, j: number): string {
  let text = '';
  for (let k = i; k < j; k++) text += tokens[k].text;
  return text;
}

interface Tables {
  best: Float64Array;
  fromI: Int32Array;
  fromS: Int32Array;
  viaCol: Int32Array;
  S: number;
  endCost: (s: number) => number;
}

/** Follow the best path back from the end of the stream. */
function backtrack(n: number, t: Tables): Path {
  let bestS = 0;
  let bestV = NEG;
  for (let s = 0; s < t.S; s++) {
    const v = t.best[n * t.S + s] + t.endCost(s);
    if (t.best[n * t.S + s] > NEG && v > bestV) { bestV = v; bestS = s; }
  }
  const back: number[] = [];
  let j = n;
  let s = bestS;
  while (j > 0) {
    const at = j * t.S + s;
    const i = t.fromI[at];
    back.push(i, j, t.viaCol[at]);
    s = t.fromS[at];
    j = i;
  }
  const steps = new Int32Array(back.length);
  for (let k = 0; k < back.length; k += 3) {
    const to = back.length - 3 - k;
    steps[to] = back[k];
    steps[to + 1] = back[k + 1];
    steps[to + 2] = back[k + 2];
  }
  return {steps, score: n === 0 ? 0 : bestV};
}

/** Rebuild the rows and dropped tokens of a path, in source order. */
function assemble(tokens: ReadonlyArray<Token>, options: GridOptions, path: Path): GridParse {
  const K = options.columns.length;
  const items: GridParse['items'] = [];
  let row: GridRow | null = null;
  const {steps} = path;
  for (let k = 0; k < steps.length; k += 3) {
    const i = steps[k];
    const j = steps[k + 1];
    const col = steps[k + 2];
    if (col === -1) {
      items.push({dropped: {token: tokens[i], pageNumber: options.pageNumberCandidate(tokens[i])}});
      continue;
    }
    if (col >= 2 * K) {
      pushAll(row!.cells.get(options.columns[col - 2 * K])!, tokens.slice(i, j));
      continue;
    }
    const newRow = col >= K;
    const column = options.columns[newRow ? col - K : col];
    if (newRow || row === null) {
      row = {cells: new Map()};
      items.push({row});
    }
    row.cells.set(column, tokens.slice(i, j));
  }
  return {items, score: path.score};
}
