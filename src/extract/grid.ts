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
 * Runs in O(n · L · K²) for n tokens, cells of at most L tokens and K columns; nearly O(n · L · K) away from page
 * breaks (see {@link nearBest}). Cell scores are memoised by token run ({@link ScoreMemo}), so a run seen before, in
 * this table or an earlier one, costs one lookup.
 * @example segmentGrid(tokenizeLine({no: 1, text: '产出指标\t数量指标\t人数\t≥2 人\t计划标准\t-\t10\t直接赋分\t工作资料'}), opts).items.length // => 1
 */
export function segmentGrid(tokens: ReadonlyArray<Token>, options: GridOptions): GridParse {
  const {columns, context} = options;
  const n = tokens.length;
  const p = programme(n, options);
  const {K, S, best} = p;
  const t = tokenFeatures(tokens, options);
  const w = work(tokens, options, p);
  best[0] = 0;
  for (let i = 0; i < n; i++) {
    const drop = t.pageLike[i] === 1 ? DROP_PAGE_NUMBER : DROP;
    for (let s = 0, at = (i + 1) * S; s < S; s++, at++) {
      const base = best[i * S + s];
      if (base > NEG && base + drop > best[at]) set(p, at, base + drop, i, s, -1);
    }
    const pageBreak = t.pageBreak[i] === 1;
    if (pageBreak) openCellNodes(tokens, p, i, options, w.open);
    else nearBest(p, w, i);
    w.split = splitCost(tokens[i].gap, options.mode);
    w.brk = i === 0 ? 0 : rowBreakCost(tokens[i].gap);
    let node = MEMO.root;
    let length = 0;
    let text = ''; // tokens i … built - 1 joined; extended only when a score needs it
    let built = i;
    for (let j = i + 1; j <= n && j - i <= MAX_TOKENS_PER_CELL; j++) {
      if (j > i + 1 && !w.stream && t.tabGap[j - 1] === 1) break;
      length += t.length[j - 1];
      if (length > w.longest) break;
      node = MEMO.child(node, t.ids[j - 1]);
      let fits = 0;
      for (let c = 0; c < K; c++) {
        let v = NEG;
        if (length <= w.maxChars[c]) {
          v = MEMO.score(node, w.slots[c]);
          if (v !== v) { // NaN: not scored yet
            for (; built < j; built++) text += tokens[built].text;
            v = cellScore(columns[c], text, context) ?? NEG;
            MEMO.remember(node, w.slots[c], v);
          }
        }
        w.scores[c] = v;
        if (v > NEG) w.fit[fits++] = c;
      }
      w.fits = fits;
      if (pageBreak) {
        const open = w.open.node;
        for (let k = 0; k < S * K; k++) if (open[k] !== -1) open[k] = MEMO.child(open[k], t.ids[j - 1]);
        relaxAll(p, w, i, j);
      } else if (fits > 0) {
        relaxNear(p, w, i, j);
      }
    }
  }
  return backtrack(tokens, options, p);
}

/** The programme's tables: best score of each (token, state) and how it was reached, plus the fixed costs. */
interface Programme extends Tables {
  K: number;
  /** Row width of `gap`: K + 1. */
  W: number;
  /** gap[(last + 1) * W + next]: cost of the columns skipped between two filled ones. */
  gap: Float64Array;
  /** start[c]: cost of the columns skipped before a row's first cell c. */
  start: Float64Array;
  /** end[s]: cost of the columns skipped after a row's last cell (state s). */
  end: Float64Array;
}

function programme(n: number, options: GridOptions): Programme {
  const {columns} = options;
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
  return {
    K, S, W, gap, start, end, endCost: (s) => end[s],
    best: new Float64Array((n + 1) * S).fill(NEG),
    fromI: new Int32Array((n + 1) * S).fill(-1),
    fromS: new Int32Array((n + 1) * S),
    viaCol: new Int32Array((n + 1) * S), // -1: token dropped; c: cell c; K + c: cell c starting a row; 2K + c: continuation of c
  };
}

/** Record a better way to (token, state) `at`. */
function set(p: Programme, at: number, v: number, i: number, s: number, col: number): void {
  p.best[at] = v;
  p.fromI[at] = i;
  p.fromS[at] = s;
  p.viaCol[at] = col;
}

/** Working state of one segmentation: per-column limits, the scores of the current run, the states worth trying. */
interface Work {
  tokens: ReadonlyArray<Token>;
  columns: readonly ColumnKey[];
  context: ScoreContext;
  stream: boolean;
  maxChars: Int32Array;
  longest: number;
  slots: Int32Array;
  /** Score of the current run (tokens i … j - 1) in each column, NEG when it does not fit. */
  scores: Float64Array;
  /** The columns the run fits, ascending; `fits` of them. */
  fit: Int32Array;
  fits: number;
  /** Cost of a cell boundary and of a row break before token i. */
  split: number;
  brk: number;
  /** States from which a row may start near the best (ascending), `starts` of them. */
  startFrom: Int32Array;
  starts: number;
  /** For each column c: at c * S, the states near the best for continuing a row with c (ascending), `conts[c]` of them. */
  contFrom: Int32Array;
  conts: Int32Array;
  open: OpenCells;
}

function work(tokens: ReadonlyArray<Token>, options: GridOptions, p: Programme): Work {
  const {columns, context} = options;
  const {K, S} = p;
  const maxChars = Int32Array.from(columns, (c) => (c === 'basis' && context.freeTextBasis ? MAX_FREE_BASIS : MAX_CHARS[c]));
  return {
    tokens, columns, context, stream: options.mode === 'stream', maxChars, longest: Math.max(...maxChars),
    slots: Int32Array.from(columns, (c) => memoSlot(c, context)), scores: new Float64Array(K), fit: new Int32Array(K), fits: 0,
    split: 0, brk: 0, startFrom: new Int32Array(S), starts: 0, contFrom: new Int32Array(K * S), conts: new Int32Array(K),
    open: {node: new Int32Array(S * K), before: new Float64Array(S * K), text: new Array<string | null>(S * K).fill(null)},
  };
}

/**
 * Every way from token i to token j (the run i … j - 1 as one cell), in the order that decides ties: by state s,
 * a continuation after a page break, then continuing the open row, then starting a new one.
 */
function relaxAll(p: Programme, w: Work, i: number, j: number): void {
  const {K, S, W, best, gap, start, end} = p;
  const {scores, fit, fits, split, open} = w;
  const row = j * S;
  for (let s = 0; s < S; s++) {
    const base = best[i * S + s];
    if (base <= NEG) continue;
    for (let c = 0; c < s; c++) {
      const joined = continuation(w, s * K + c, c, i, j);
      if (joined === NEG) continue;
      // Ties go to the rightmost cell: the one most likely still open when the page ended.
      const v = base + CONTINUATION + (joined - open.before[s * K + c]) + 0.01 * c;
      if (v > best[row + s]) set(p, row + s, v, i, s, c + 2 * K);
    }
    const canStart = s === 0 || w.stream; // a row starts anywhere in a stream, only first in a tabbed row
    const b = s === 0 && i === 0 ? 0 : w.brk;
    const closed = base + end[s];
    for (let f = 0; f < fits; f++) {
      const c = fit[f];
      const at = row + c + 1;
      if (s > 0 && c > s - 1) {
        const v = base + gap[s * W + c] + split + scores[c];
        if (v > best[at]) set(p, at, v, i, s, c);
      }
      if (canStart) {
        const v = closed + start[c] + b + scores[c];
        if (v > best[at]) set(p, at, v, i, s, c + K);
      }
    }
  }
}

/**
 * The ways from token i to token j that {@link relaxAll} would take, skipping those that cannot win: see
 * {@link nearBest}. Same order, so the same ties are broken the same way.
 */
function relaxNear(p: Programme, w: Work, i: number, j: number): void {
  const {K, S, W, best, gap, start, end} = p;
  const {scores, fit, fits, split, startFrom, starts, contFrom, conts} = w;
  const row = j * S;
  for (let f = 0; f < fits; f++) {
    const c = fit[f];
    const at = row + c + 1;
    const nc = conts[c];
    let a = 0;
    let b = 0;
    while (a < starts || b < nc) {
      const sa = a < starts ? startFrom[a] : S;
      const sb = b < nc ? contFrom[c * S + b] : S;
      if (sb <= sa) { // within a state, continuing comes before starting
        const v = best[i * S + sb] + gap[sb * W + c] + split + scores[c];
        if (v > best[at]) set(p, at, v, i, sb, c);
        b++;
      } else {
        const v = best[i * S + sa] + end[sa] + start[c] + (sa === 0 && i === 0 ? 0 : w.brk) + scores[c];
        if (v > best[at]) set(p, at, v, i, sa, c + K);
        a++;
      }
    }
  }
}

/**
 * The states at token i worth trying, whatever the run that follows. Every way from (i, s) into a cell c adds the
 * same amounts to `best[i, s] + end[s]` (starting a row) or to `best[i, s] + gap[s, c]` (continuing one), and
 * floating-point addition never reverses an order, so a state clearly below the best of its kind (by more than
 * rounding could ever close) can never be chosen: relaxAll would try it and find it worse. Only states within
 * NEAR of the best are kept. A tie (or near tie) keeps every tied state, so ties are broken exactly as before.
 */
function nearBest(p: Programme, w: Work, i: number): void {
  const {K, S, W, best, gap, end} = p;
  const from = i * S;
  // Starting a row: from any live state in a stream, only from state 0 in a tabbed row.
  let top = NEG;
  const last = w.stream ? S : 1;
  for (let s = 0; s < last; s++) if (best[from + s] > NEG && best[from + s] + end[s] > top) top = best[from + s] + end[s];
  w.starts = 0;
  if (top > NEG) {
    const floor = top - NEAR * (1 + Math.abs(top));
    for (let s = 0; s < last; s++) if (best[from + s] > NEG && best[from + s] + end[s] >= floor) w.startFrom[w.starts++] = s;
  }
  // Continuing the open row (state s ≥ 1) with cell c ≥ s.
  for (let c = 0; c < K; c++) {
    let high = NEG;
    for (let s = 1; s <= c; s++) if (best[from + s] > NEG && best[from + s] + gap[s * W + c] > high) high = best[from + s] + gap[s * W + c];
    let count = 0;
    if (high > NEG) {
      const floor = high - NEAR * (1 + Math.abs(high));
      for (let s = 1; s <= c; s++) if (best[from + s] > NEG && best[from + s] + gap[s * W + c] >= floor) w.contFrom[c * S + count++] = s;
    }
    w.conts[c] = count;
  }
}

/**
 * How close to the best a state must be to be tried. Rounding moves a sum by at most a few units in the last
 * place (about 1e-16 relative); this margin is ten million times that, so nothing that could tie is left out.
 */
const NEAR = 1e-9;

/** Score of the open cell k (at a page break) continued by tokens i … j - 1; NEG when either does not fit. */
function continuation(w: Work, k: number, c: number, i: number, j: number): number {
  const {open} = w;
  if (open.node[k] === -1 || open.before[k] === NEG) return NEG;
  const v = MEMO.score(open.node[k], w.slots[c]);
  return v === v ? v : scoreAt(open.node[k], w.slots[c], w.columns[c], open.text[k] + joinTokens(w.tokens, i, j), w.context);
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
  /** 1 when a new page starts at the token: a marked page start, or right after a lone page-number token. */
  pageBreak: Uint8Array;
}

function tokenFeatures(tokens: ReadonlyArray<Token>, options: GridOptions): TokenFeatures {
  const n = tokens.length;
  MEMO.reserve(n * MAX_TOKENS_PER_CELL + n);
  const f: TokenFeatures = {ids: new Int32Array(n), length: new Int32Array(n), tabGap: new Uint8Array(n), pageLike: new Uint8Array(n), pageBreak: new Uint8Array(n)};
  for (let i = 0; i < n; i++) {
    const tok = tokens[i];
    f.ids[i] = MEMO.tokenId(tok.text);
    f.length[i] = tok.text.length;
    f.tabGap[i] = tok.gap === 'tab' ? 1 : 0;
    f.pageLike[i] = options.pageNumberCandidate(tok) ? 1 : 0;
  }
  for (let i = 1; i < n; i++) {
    if (f.pageLike[i] === 1) continue;
    f.pageBreak[i] = tokens[i].pageBreak === true || (tokens[i].gap === 'line' && f.pageLike[i - 1] === 1) ? 1 : 0;
  }
  return f;
}

/** Memo slot of a column; 指标设定依据 read as free text (overall tables) has a slot of its own. */
function memoSlot(col: ColumnKey, context: ScoreContext): number {
  return col === 'basis' && context.freeTextBasis ? FREE_BASIS_SLOT : COLUMN_SLOTS[col];
}

/** cellScore depends on the context only for 指标设定依据, so one slot per column and one for free-text basis. */
const COLUMN_SLOTS: Record<ColumnKey, number> = {
  level1: 0, level2: 1, level3: 2, target_long: 3, target_nature: 4, target: 5, target_unit: 6, basis: 7, prior_year: 8,
  weight: 9, actual: 10, score: 11, deviation: 12, scoring_rule: 13, evidence: 14,
};
const FREE_BASIS_SLOT = 15;
const SLOTS = 16;
const INITIAL_NODES = 1 << 14;
/** Bound of the memo, in runs (about 40 bytes each): past it, the memo starts afresh. */
const MAX_NODES = 1 << 20;

/**
 * Cell scores memoised by token run. Token texts are interned to numbers; each run of tokens is a node of a trie
 * (the run minus its last token, plus that token), found in an open-addressing hash table, so extending a run by
 * one token is one probe and no string is built. A node keeps one byte per column slot: 0 while unscored, else
 * the index of the score in a table of the distinct scores seen (cellScore returns few distinct values).
 * cellScore is pure, so the memo never changes a result; it is bounded, so memory stays flat over any number of
 * documents, and it lives per thread (each worker has its own).
 */
class ScoreMemo {
  readonly root = 0;
  private readonly ids = new Map<string, number>();
  private nodes = 1;
  private codes = new Uint8Array(INITIAL_NODES * SLOTS);
  // The hash table: entry e maps (parent[e], token[e]) to node kid[e]; parent -1 marks an empty entry.
  private parent = new Int32Array(INITIAL_NODES * 2).fill(-1);
  private token = new Int32Array(INITIAL_NODES * 2);
  private kid = new Int32Array(INITIAL_NODES * 2);
  private mask = INITIAL_NODES * 2 - 1;
  /** Score of each code; code 0 (NaN) is "not scored". */
  private readonly values: number[] = [NaN];
  private readonly codeOf = new Map<number, number>();

  /** Make room for `more` new runs and token texts: start afresh when the memo would pass its bound. */
  reserve(more: number): void {
    if (this.nodes + more <= MAX_NODES && this.ids.size + more <= MAX_NODES) return;
    this.ids.clear();
    this.nodes = 1;
    this.codes.fill(0);
    this.parent.fill(-1);
  }

  /** The number standing for a token text. */
  tokenId(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) { id = this.ids.size; this.ids.set(text, id); }
    return id;
  }

  /** The node of the run `node` extended by the token `id`, made when new. */
  child(node: number, id: number): number {
    let h = slotOf(node, id, this.mask);
    for (let p = this.parent[h]; p !== -1; p = this.parent[h]) {
      if (p === node && this.token[h] === id) return this.kid[h];
      h = (h + 1) & this.mask;
    }
    const made = this.nodes++;
    this.parent[h] = node;
    this.token[h] = id;
    this.kid[h] = made;
    if (this.nodes * SLOTS > this.codes.length) this.growCodes();
    if (this.nodes * 2 > this.mask + 1) this.rehash();
    return made;
  }

  /** The memoised score of a node's text in a slot; NaN when not scored yet. */
  score(node: number, slot: number): number {
    return this.values[this.codes[node * SLOTS + slot]];
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
    this.codes[node * SLOTS + slot] = code;
  }

  private growCodes(): void {
    const codes = new Uint8Array(this.codes.length * 2);
    codes.set(this.codes);
    this.codes = codes;
  }

  /** Double the hash table and re-insert every entry. */
  private rehash(): void {
    const {parent, token, kid} = this;
    const size = parent.length * 2;
    this.parent = new Int32Array(size).fill(-1);
    this.token = new Int32Array(size);
    this.kid = new Int32Array(size);
    this.mask = size - 1;
    for (let e = 0; e < parent.length; e++) {
      if (parent[e] === -1) continue;
      let h = slotOf(parent[e], token[e], this.mask);
      while (this.parent[h] !== -1) h = (h + 1) & this.mask;
      this.parent[h] = parent[e];
      this.token[h] = token[e];
      this.kid[h] = kid[e];
    }
  }
}

/** Hash-table entry to probe first for (node, token). */
function slotOf(node: number, id: number, mask: number): number {
  const h = (Math.imul(node, 0x9e3779b1) ^ Math.imul(id + 1, 0x85ebca6b)) >>> 0;
  return (h ^ (h >>> 15)) & mask;
}

const MEMO = new ScoreMemo();

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

/** The open cells at a page break, per state s and column c (at s * K + c). */
interface OpenCells {
  /** Memo node of the cell's text (extended token by token as the continuation grows); -1: no such cell. */
  node: Int32Array;
  /** The cell's score before any continuation (NEG: the cell's text does not fit its column). */
  before: Float64Array;
  text: Array<string | null>;
}

/** Fill `out` with the open cells at token i (see openCells). */
function openCellNodes(tokens: ReadonlyArray<Token>, t: Tables, i: number, options: GridOptions, out: OpenCells): void {
  const K = options.columns.length;
  const open = openCells(tokens, t, i, options);
  out.node.fill(-1);
  out.text.fill(null);
  for (let s = 1; s < t.S; s++) {
    for (let c = 0; c < s; c++) {
      const text = open[s][c];
      if (text === null) continue;
      const k = s * K + c;
      out.node[k] = MEMO.child(MEMO.root, MEMO.tokenId(text));
      out.text[k] = text;
      out.before[k] = scoreAt(out.node[k], memoSlot(options.columns[c], options.context), options.columns[c], text, options.context);
    }
  }
}

/** cellScore (NEG for null) of the text of a memo node, from the memo when known. */
function scoreAt(node: number, slot: number, col: ColumnKey, text: string, context: ScoreContext): number {
  let v = MEMO.score(node, slot);
  if (v !== v) {
    v = cellScore(col, text, context) ?? NEG;
    MEMO.remember(node, slot, v);
  }
  return v;
}

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
