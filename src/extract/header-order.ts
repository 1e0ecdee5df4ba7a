// A grid header wrapped in narrow columns and dumped in reading order (pdftotext without flags): the header
// cells' fragments interleaved over lines ("指标" / "一级 二级 三级指标 指标值 值设 上年完 指标" / "指标赋 佐证资" /
// "指标 指标" / "置依 成值 分值" / "权重 分规则 料" / "据"). Whatever the line breaks, each text line holds at
// most one fragment per column, left to right, and each column's fragments come top to bottom. So this deals the
// fragments of a run of header lines out to columns, each column's fragments joining into one of its names
// (COLUMN_ALIASES), the columns keeping one left-to-right order on every line.
import type {ColumnKey} from '../types.ts';
import {COLUMN_ALIASES, COLUMN_ORDER} from '../vocab.ts';
import {isHeaderFragment, type GridHeader} from './header.ts';
import type {Token} from './lines.ts';
import {pushAll} from '../arrays.ts';

/** Every beginning of every column name, by column. */
const NAME_PREFIXES = new Map<ColumnKey, Set<string>>();
for (const [name, col] of COLUMN_ALIASES) {
  const set = NAME_PREFIXES.get(col) ?? new Set<string>();
  for (let k = 1; k <= name.length; k++) set.add(name.slice(0, k));
  NAME_PREFIXES.set(col, set);
}
const WHOLE_NAMES = new Set(COLUMN_ALIASES.map(([name, col]) => `${col}|${name}`));
/** Search steps before giving up: the dealing is a small search, cut short on odd input. */
const STEP_LIMIT = 50_000;
/** A header block is at least this many lines (else the printed header is read as usual). */
const MIN_LINES = 3;

/**
 * The header of tokens whose column names were dealt out over lines, from the first run of lines made only of
 * header fragments that deals out whole into three or more names (one of them 三级指标 or 指标值). The run may
 * leave lines out at either end (the grid's first fragments can look like header pieces: "指标").
 * @example interleavedHeader(tokenizeLines(splitLines('一级 二级 三级指标\n指标 指标'))) // => null (two lines)
 */
export function interleavedHeader(tokens: ReadonlyArray<Token>): GridHeader | null {
  const lines: Array<{start: number; tokens: Token[]}> = [];
  tokens.forEach((t, i) => {
    const last = lines[lines.length - 1];
    if (last && last.tokens[0].line === t.line) last.tokens.push(t); else lines.push({start: i, tokens: [t]});
  });
  for (let i = 0; i < lines.length; i++) {
    let j = i;
    while (j < lines.length && lines[j].tokens.every((t) => isHeaderFragment(t.text))) j++;
    for (let start = i; j - start >= MIN_LINES; start++) {
      for (let end = j; end - start >= MIN_LINES; end--) {
        const dealt = dealOut(lines.slice(start, end).map((l) => l.tokens.map((t) => t.text)));
        if (!dealt || dealt.columns.length < 3 || !dealt.columns.some((c) => c === 'level3' || c === 'target')) continue;
        const next = end < lines.length ? lines[end].start : tokens.length;
        return {first: lines[start].start, next, remainder: null, columns: dealt.columns, names: dealt.names};
      }
    }
    i = j;
  }
  return null;
}

/** A dealing in progress: each column's text so far, and which columns stand left of which. */
interface Deal {
  texts: Map<ColumnKey, string>;
  before: Set<string>;
}

/** Deal the fragments of the lines out to columns; the columns in printed order with their names, or null. */
function dealOut(lines: ReadonlyArray<readonly string[]>): {columns: ColumnKey[]; names: string[]} | null {
  const fragments = lines.flatMap((line, l) => line.map((text, k) => ({text, line: l, k})));
  let steps = 0;
  const columnOf: ColumnKey[] = [];
  const search = (n: number, deal: Deal): Deal | null => {
    if (++steps > STEP_LIMIT) return null;
    if (n === fragments.length) return [...deal.texts].every(([c, text]) => WHOLE_NAMES.has(`${c}|${text}`)) ? deal : null;
    const f = fragments[n];
    const left = f.k > 0 ? columnOf[n - 1] : undefined;
    for (const col of COLUMN_ORDER) {
      const text = (deal.texts.get(col) ?? '') + f.text;
      if (!NAME_PREFIXES.get(col)?.has(text)) continue;
      if (left !== undefined && (left === col || leftOf(deal.before, col, left))) continue;
      const texts = new Map(deal.texts).set(col, text);
      const before = left === undefined ? deal.before : new Set(deal.before).add(`${left}<${col}`);
      columnOf[n] = col;
      const done = search(n + 1, {texts, before});
      if (done) return done;
    }
    return null;
  };
  const deal = search(0, {texts: new Map(), before: new Set()});
  if (!deal) return null;
  const columns = printedOrder([...deal.texts.keys()], deal.before);
  return {columns, names: columns.map((c) => deal.texts.get(c)!)};
}

/** Does column `a` stand left of `b` by the pairs seen (a < … < b)? */
function leftOf(before: ReadonlySet<string>, a: ColumnKey, b: ColumnKey): boolean {
  const seen = new Set<ColumnKey>([a]);
  const queue: ColumnKey[] = [a];
  while (queue.length > 0) {
    const c = queue.pop()!;
    for (const pair of before) {
      const [x, y] = pair.split('<') as [ColumnKey, ColumnKey];
      if (x !== c || seen.has(y)) continue;
      if (y === b) return true;
      seen.add(y);
      queue.push(y);
    }
  }
  return false;
}

/** The columns left to right: each after those seen left of it, else in the standard order. */
function printedOrder(columns: readonly ColumnKey[], before: ReadonlySet<string>): ColumnKey[] {
  const out: ColumnKey[] = [];
  const rest = COLUMN_ORDER.filter((c) => columns.includes(c));
  while (rest.length > 0) {
    const at = rest.findIndex((c) => !rest.some((o) => o !== c && leftOf(before, o, c)));
    pushAll(out, rest.splice(at < 0 ? 0 : at, 1));
  }
  return out;
}
