// Some PDF-to-text converters print two rows whose cells share baselines column by column: "补贴发放次数" /
// "补贴资金足额发放率" / "≥12次" / "=100%" / "计划标准" / "计划标准" / … This finds such runs of line pairs
// whose cells have the same type and puts the lines back in row order, when that reads better.
import type {ColumnKey} from '../types.ts';
import {cellScore, type ScoreContext} from './grammar.ts';
import type {Token} from './lines.ts';
import {pushAll} from '../arrays.ts';

/** Column types strong enough to pair on: two in a row of these is not how a row is printed. */
const STRONG = new Set<ColumnKey>(['target', 'basis', 'prior_year', 'weight', 'scoring_rule', 'evidence']);

/** The column a short text fits best, or null when it fits none. */
function typeOf(text: string, columns: readonly ColumnKey[], context: ScoreContext): ColumnKey | null {
  let best: ColumnKey | null = null;
  let bestScore = 0;
  for (const c of columns) {
    const s = cellScore(c, text, context);
    if (s !== null && s > bestScore) { best = c; bestScore = s; }
  }
  return best;
}

/** The types of a line's tokens, as a key ("target|basis"). */
function signature(line: Token[], columns: readonly ColumnKey[], context: ScoreContext, known: Map<string, ColumnKey | null>): string | null {
  const types: ColumnKey[] = [];
  for (const t of line) {
    let type = known.get(t.text);
    if (type === undefined) known.set(t.text, (type = typeOf(t.text, columns, context)));
    if (type === null || !STRONG.has(type)) return null; // the first weak token decides: the rest need no scoring
    types.push(type);
  }
  return types.join('|');
}

/**
 * Reorder column-major line pairs into row order. A run is at least two consecutive pairs of lines with equal,
 * strong signatures (target, basis, weight …); the line before the run that holds the two rows' names (free text
 * on consecutive lines) joins it.
 * @example undoColumnMajor(tokens of "A名称/B名称/≥12次/=100%/计划标准/计划标准/10/10") // => tokens of "A名称/≥12次/计划标准/10/B名称/=100%/计划标准/10"
 * @returns the tokens themselves (the same array) when no run is found
 */
export function undoColumnMajor(tokens: ReadonlyArray<Token>, columns: readonly ColumnKey[], context: ScoreContext): ReadonlyArray<Token> {
  const lines: Token[][] = [];
  for (const t of tokens) {
    const last = lines[lines.length - 1];
    if (last && last[0].line === t.line) last.push(t); else lines.push([t]);
  }
  const known = typesOf(columns, context);
  const sigs = lines.map((l) => signature(l, columns, context, known));
  const out: Token[][] = [];
  let reordered = false;
  let i = 0;
  while (i < lines.length) {
    let j = i;
    while (j + 1 < lines.length && sigs[j] !== null && sigs[j] === sigs[j + 1]) j += 2;
    if (j - i >= 4) {
      // Pairs from i to j (exclusive): the two lines of names just before belong to the run too.
      const names = out.length >= 2 && sigs[i - 1] === null && sigs[i - 2] === null ? out.splice(out.length - 2, 2) : [];
      const first = [names[0], ...range(i, j, 0).map((k) => lines[k])].filter((l): l is Token[] => l !== undefined);
      const second = [names[1], ...range(i, j, 1).map((k) => lines[k])].filter((l): l is Token[] => l !== undefined);
      pushAll(pushAll(out, first), second);
      reordered = true;
      i = j;
      continue;
    }
    out.push(lines[i]);
    i++;
  }
  return reordered ? out.flat() : tokens;
}

/**
 * The types (typeOf) known for texts under a column list and context: texts recur down a table and from table to
 * table, so the types are kept across calls, up to TYPES_KEPT texts per column list (then afresh).
 */
function typesOf(columns: readonly ColumnKey[], context: ScoreContext): Map<string, ColumnKey | null> {
  const key = `${context.freeTextBasis ? '+' : '-'}${columns.join(',')}`;
  let types = TYPES.get(key);
  if (types === undefined) {
    if (TYPES.size >= 16) TYPES.clear();
    TYPES.set(key, (types = new Map()));
  }
  if (types.size >= TYPES_KEPT) types.clear();
  return types;
}

const TYPES = new Map<string, Map<string, ColumnKey | null>>();
const TYPES_KEPT = 1 << 13;

function range(from: number, to: number, offset: number): number[] {
  const r: number[] = [];
  for (let k = from + offset; k < to; k += 2) r.push(k);
  return r;
}
