// Merged 一级/二级 labels placed by the span they are centred on. A merged label prints near the vertical middle
// of the rows it heads, so in a reading-order dump a label printed beside row k may head rows before k. Given
// each row's line extent (first and last text line of its cells) and each label's line, a small programme
// chooses the spans: 二级 spans tile the rows in order, every 一级 span is made of whole 二级 spans, a 二级 belongs
// to its 一级 (LEVEL1_CHILDREN), and a span costs how far its label's line is from the middle of its extent (a share of the extent)
// plus how many rows its start lies from the row the label is printed beside (either row, for a label printed at the
// edge of two rows), and a 二级 span pays for each row that measures another kind than its label names.
import {admitsChild} from '../vocab.ts';
import {LEVEL2_KIND, type RowKind} from './row-kind.ts';

/**
 * Charge per row between a span's first row and the row its label is printed beside: in reading-order dumps a
 * label mostly shares a line with the first row it heads, so the line extents only settle the edges.
 */
const MOVED_START = 0.3;

/** Rows between a span's first row and the row (or, at the edge of two rows, the nearer row) its label is beside. */
function movedRows(label: PlacedLabel, a: number): number {
  if (label.beside === undefined) return 0;
  const moved = Math.abs(a - label.beside);
  return label.orNext ? Math.min(moved, Math.abs(a - label.beside - 1)) : moved;
}

/**
 * Charge per row of a 二级 span that measures another kind than its label names (row-kind.ts): a tie-break
 * between spans that the labels' lines fit about as well.
 */
const MISFIT = 0.25;

/** A row's first and last text line. */
export interface Extent {
  first: number;
  last: number;
}

/** A label in dump order: its text and its (middle) line. */
export interface PlacedLabel {
  text: string;
  /** NaN: printed apart from its rows (after them all, in a box dump), so only what its rows measure places it. */
  line: number;
  /** The row printed beside it (index among the rows), if known. */
  beside?: number;
  /**
   * Printed on the last line of that row, after its other cells (a name printed late): the label stands at the
   * edge between that row and the next, and may head either without charge.
   */
  orNext?: boolean;
}

/** The first row of each label's span, 一级 and 二级 in dump order; null when no tiling keeps the labels' order and kinship. */
export interface LabelStarts {
  level1: number[];
  level2: number[];
}

/**
 * Spans for the labels over rows with the given extents (rows in order).
 * @example labelSpans([{first: 0, last: 3}, {first: 4, last: 7}, {first: 8, last: 11}], [{text: '产出指标', line: 5}], [{text: '数量指标', line: 1}, {text: '质量指标', line: 9}]) // => {level1: [0], level2: [0, 1]}
 */
export function labelSpans(
  rows: readonly Extent[], level1: readonly PlacedLabel[], level2: readonly PlacedLabel[], kinds: ReadonlyArray<RowKind | null> = [],
): LabelStarts | null {
  const R = rows.length;
  const J = level2.length;
  if (R === 0 || level1.length + J === 0 || level1.length > R || J > R) return null;
  // No 一级 printed: one unnamed 一级 over all rows, free of charge.
  const parents: Array<PlacedLabel | null> = level1.length > 0 ? [...level1] : [null];
  const M = parents.length;
  const cost = (label: PlacedLabel, a: number, b: number): number => {
    if (Number.isNaN(label.line)) return 0;
    const extent = rows[b - 1].last - rows[a].first + 1;
    const offCentre = Math.abs(label.line - (rows[a].first + rows[b - 1].last) / 2) / extent;
    return offCentre + MOVED_START * movedRows(label, a);
  };
  // A 二级 span over rows that measure another kind than its label names.
  const misfit = (label: PlacedLabel, a: number, b: number): number => {
    const kind = LEVEL2_KIND[label.text];
    let n = 0;
    for (let r = a; r < b; r++) if (kind !== undefined && kinds[r] !== null && kinds[r] !== undefined && kinds[r] !== kind) n++;
    return MISFIT * n;
  };

  // The 二级 labels a 一级 may hold from label j on: up to the first its kinship does not admit.
  const heldUpTo = (m: number, j: number): number => {
    const parent = parents[m];
    let jj = j;
    while (jj < J && !(parent && !admitsChild(parent.text, level2[jj].text))) jj++;
    return jj;
  };
  // Each 二级 span's two charges, taken once (NaN: not yet): at (jj * R + b) * (R + 1) + e for label jj over rows b..e-1.
  const spanCost = new Float64Array(J * R * (R + 1)).fill(NaN);
  const spanMisfit = new Float64Array(J * R * (R + 1)).fill(NaN);
  const at = (jj: number, b: number, e: number): number => (jj * R + b) * (R + 1) + e;

  // tiles(m, j, a): for every (j', e) with j' up to heldUpTo(m, j), the cheapest tiling of rows a..e-1 by 二级
  // labels j..j'-1, all under 一级 m: costs by (j' - j) * (R + 1) + e, and the row each last span starts at.
  interface Tiling {cost: Float64Array; start: Int32Array; last: number}
  const tiles = (m: number, j: number, a: number): Tiling => {
    const last = heldUpTo(m, j);
    const width = R + 1;
    const cost2 = new Float64Array((last - j + 1) * width).fill(Infinity);
    const start = new Int32Array((last - j + 1) * width).fill(-1);
    cost2[a] = 0;
    for (let jj = j; jj < last; jj++) {
      const label = level2[jj];
      for (let b = a; b < R; b++) {
        const from = cost2[(jj - j) * width + b];
        if (from === Infinity) continue;
        for (let e = b + 1; e <= R; e++) {
          const k = at(jj, b, e);
          if (spanCost[k] !== spanCost[k]) { spanCost[k] = cost(label, b, e); spanMisfit[k] = misfit(label, b, e); }
          const c = from + spanCost[k] + spanMisfit[k];
          const to = (jj + 1 - j) * width + e;
          if (c < cost2[to]) { cost2[to] = c; start[to] = b; }
        }
      }
    }
    return {cost: cost2, start, last};
  };
  /** The first rows of the spans of 二级 labels j..jj-1 in the tiling that ends at row e. */
  const startsOf = (t: Tiling, j: number, jj: number, e: number): number[] => {
    const starts: number[] = [];
    for (let x = jj, row = e; x > j; x--) {
      row = t.start[(x - j) * (R + 1) + row];
      starts.push(row);
    }
    return starts.reverse();
  };

  // solve(i, j, m): the cheapest cover of rows i.. by 一级 labels m.. and 二级 labels j.., a 一级 span starting at
  // row i: its cost, the row its 一级 span ends at, the 二级 label the next span starts with, and its 二级 starts.
  interface Cover {cost: number; end: number; next: number; level2: number[]}
  const solveMemo = new Map<number, Cover>();
  const NONE: Cover = {cost: Infinity, end: -1, next: -1, level2: []};
  const DONE: Cover = {cost: 0, end: -1, next: -1, level2: []};
  const solve = (i: number, j: number, m: number): Cover => {
    if (i === R) return j === J && m === M ? DONE : NONE;
    if (m === M) return NONE;
    const key = (m * (J + 1) + j) * R + i;
    const known = solveMemo.get(key);
    if (known) return known;
    let best = NONE;
    const g = J === 0 ? null : tiles(m, j, i);
    const parent = parents[m];
    for (let e = i + 1; e <= R; e++) {
      const own = parent ? cost(parent, i, e) : 0;
      // A 一级 holds one 二级 span or more when 二级 labels are printed at all.
      for (let jj = J === 0 ? j : j + 1; jj <= J; jj++) {
        const inner = g === null ? 0 : jj <= g.last ? g.cost[(jj - j) * (R + 1) + e] : Infinity;
        if (inner === Infinity) continue;
        const rest = solve(e, jj, m + 1);
        const total = own + inner + rest.cost;
        if (total < best.cost) best = {cost: total, end: e, next: jj, level2: g === null ? [] : startsOf(g, j, jj, e)};
      }
    }
    solveMemo.set(key, best);
    return best;
  };
  const cover = solve(0, 0, 0);
  if (cover.cost === Infinity) return null;
  const starts: LabelStarts = {level1: [], level2: []};
  for (let c = cover, i = 0, j = 0, m = 0; c !== DONE; i = c.end, j = c.next, m++, c = solve(i, j, m)) {
    starts.level1.push(i);
    for (const b of c.level2) starts.level2.push(b);
  }
  if (level1.length === 0) starts.level1 = [];
  return starts;
}
