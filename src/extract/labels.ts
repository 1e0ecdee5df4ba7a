// Wrapped and column-preserving dumps print a merged 一级/二级 label over several lines, interleaved with the
// rows beside it ("经济成本指 日常养护单位成本 …" / "标 危桥改造平均造价 …"). This joins such fragments into one
// label token at the first fragment's place, where it heads the rows of its span.
import type {ColumnKey} from '../types.ts';
import {LEVEL_NAMES} from '../vocab.ts';
import type {Token} from './lines.ts';

const LABELS = new Set<string>(LEVEL_NAMES);
/** Beginnings, not the whole, of 一级/二级 names ("经济成本指"). */
const PREFIXES = new Set<string>(LEVEL_NAMES.flatMap((n) => Array.from({length: n.length - 1}, (_, k) => n.slice(0, k + 1))));
const LONGEST_PREFIX = Math.max(...[...PREFIXES].map((p) => p.length));
const PREFIX_FIRSTS = new Set<string>([...PREFIXES].map((p) => p[0]));
/** Is a text a beginning of a 一级/二级 name (PREFIXES)? Cheap tests first: most tokens are none. */
const isLabelBeginning = (text: string): boolean => text.length <= LONGEST_PREFIX && PREFIX_FIRSTS.has(text[0]) && PREFIXES.has(text);

/** Reading-order dumps print a label's last fragment ("指标") alone after the rows beside it, lines further down. */
const FAR_END_LINES = 10;

/** A short token alone on its line that is no label by itself: the end of a label begun lines above. */
function isLoneEnd(tokens: ReadonlyArray<Token>, i: number): boolean {
  const alone = tokens[i + 1]?.line !== tokens[i].line;
  return alone && tokens[i].text.length <= 2 && !LABELS.has(tokens[i].text);
}

/** Is a token among the first two of one of these lines a beginning that `end` completes too? It claims the end. */
function nearerBeginning(tokens: ReadonlyArray<Token>, starts: readonly number[], end: string): boolean {
  return starts.some((s) => [s, s + 1].some((i) => tokens[i]?.line === tokens[s].line && isLabelBeginning(tokens[i].text) && LABELS.has(tokens[i].text + end)));
}

/**
 * The line starts (indexes into lineStarts) after line k whose first tokens go on with a beginning (each the
 * next line's, alone on it, the joined text still a beginning: "可持续" / "影响指" of "可持续影响指标"), and the
 * beginning they make; none when the line after them ends the name ("满意" / "度指" / "标": the grid joins it).
 */
function continuedBeginning(tokens: ReadonlyArray<Token>, lineStarts: readonly number[], k: number, text: string, removed: ReadonlySet<number>): {pieces: number[]; text: string} {
  const pieces: number[] = [];
  for (let at = k + 1; at < lineStarts.length; at++) {
    const next = tokens[lineStarts[at]];
    if (removed.has(lineStarts[at])) break;
    if (LABELS.has(text + next.text)) return {pieces: [], text};
    if (!PREFIXES.has(text + next.text) || tokens[lineStarts[at] + 1]?.line === next.line) break;
    text += next.text;
    pieces.push(lineStarts[at]);
  }
  return {pieces, text};
}

/**
 * Join label fragments split over lines: a token among the first two of its line that begins a 一级/二级 name,
 * completed by the first token of one of the next two lines, or by a short one alone on a line further down when
 * no beginning nearer to it takes the same end. A beginning printed over several lines, each alone on its line
 * ("可持续" / "影响指"), is completed only by an end further down (a row broken by a page prints the end on the
 * next page, after other rows' cells): the lines right after it are read by the grid.
 * @example joinSplitLabels(tokenizeLines(splitLines('经济成本指 单位成本 ≤7000元\n标 平均造价 ≤85万元'))).map((t) => t.text) // => ['经济成本指标', '单位成本', '≤7000元', '平均造价', '≤85万元']
 */
export function joinSplitLabels(tokens: ReadonlyArray<Token>): Token[] {
  const lineStarts: number[] = [];
  tokens.forEach((t, i) => { if (i === 0 || t.line !== tokens[i - 1].line) lineStarts.push(i); });
  const removed = new Set<number>();
  const replaced = new Map<number, Token>();
  for (let k = 0; k < lineStarts.length; k++) {
    for (let i = lineStarts[k]; i <= lineStarts[k] + 1; i++) {
      const t = tokens[i];
      if (!t || t.line !== tokens[lineStarts[k]].line || !isLabelBeginning(t.text) || removed.has(i)) continue;
      const join = (pieces: readonly number[], joined: string): void => {
        replaced.set(i, {...t, text: joined, alsoLines: [...(t.alsoLines ?? []), ...pieces.map((p) => tokens[p].line)]});
        for (const p of pieces) removed.add(p);
      };
      let done = false;
      for (const [d, next] of lineStarts.slice(k + 1, k + 1 + FAR_END_LINES).entries()) {
        const joined = t.text + tokens[next].text;
        if (removed.has(next) || !LABELS.has(joined)) continue;
        if (d >= 2 && (!isLoneEnd(tokens, next) || nearerBeginning(tokens, lineStarts.slice(k + 1, k + 1 + d), tokens[next].text))) continue;
        join([next], joined);
        done = true;
        break;
      }
      const more = done ? null : continuedBeginning(tokens, lineStarts, k, t.text, removed);
      if (more === null || more.pieces.length === 0) continue;
      const from = k + 1 + more.pieces.length;
      for (const [d, next] of lineStarts.slice(from, from + FAR_END_LINES).entries()) {
        if (d < 2 || removed.has(next) || !LABELS.has(more.text + tokens[next].text) || !isLoneEnd(tokens, next)) continue;
        if (nearerBeginning(tokens, lineStarts.slice(from, from + d), tokens[next].text)) break;
        join([...more.pieces, next], more.text + tokens[next].text);
        break;
      }
    }
  }
  const out: Token[] = [];
  tokens.forEach((t, i) => {
    if (removed.has(i)) return;
    const r = replaced.get(i);
    if (!r) { out.push(t); return; }
    out.push(r);
  });
  // The token after a removed fragment now starts its line.
  return out.map((t, i) => (i > 0 && t.line !== out[i - 1].line && t.gap === 'space' ? {...t, gap: 'line'} : t));
}


/** The project framework's 一级 names, in the order tables list them. */
const LEVEL1_ORDER: readonly string[] = ['产出指标', '成本指标', '效益指标', '满意度指标'];
/** Its 二级 names, in order (each 一级's own, 一级 after 一级). */
const LEVEL2_ORDER: readonly string[] = [
  '数量指标', '质量指标', '时效指标', '经济成本指标', '社会成本指标', '生态环境成本指标', '经济效益指标', '社会效益指标', '生态效益指标',
  '可持续影响指标', '满意度指标', '服务对象满意度指标', '社会公众或服务对象满意度指标',
];

/**
 * Merged labels read out of order (box dumps print a label where its cluster of boxes fell: beside its rows, or
 * in a block after them), put in the order tables list them: each column's labels sorted by the framework's order
 * when all are its words, and a name both columns use (满意度指标) printed twice given to each column once.
 * @example inVocabularyOrder([{col: 'level1', text: '成本指标'}, {col: 'level1', text: '产出指标'}], (l) => l.text).map((l) => l.text) // => ['产出指标', '成本指标']
 */
export function inVocabularyOrder<T extends {col: ColumnKey}>(labels: readonly T[], textOf: (label: T) => string): T[] {
  const out = labels.map((l) => ({...l}));
  for (const [from, to, words] of [['level1', 'level2', LEVEL2_ORDER], ['level2', 'level1', LEVEL1_ORDER]] as const) {
    for (const text of new Set(out.map(textOf))) {
      const same = out.filter((l) => textOf(l) === text);
      if (same.length === 2 && same.every((l) => l.col === from) && words.includes(text)) same[1].col = to;
    }
  }
  const sorted = (col: ColumnKey, order: readonly string[]): T[] => {
    const mine = out.filter((l) => l.col === col);
    return mine.every((l) => order.includes(textOf(l))) ? mine.sort((a, b) => order.indexOf(textOf(a)) - order.indexOf(textOf(b))) : mine;
  };
  return [...sorted('level1', LEVEL1_ORDER), ...sorted('level2', LEVEL2_ORDER), ...out.filter((l) => l.col !== 'level1' && l.col !== 'level2')];
}
