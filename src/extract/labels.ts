// Wrapped and column-preserving dumps print a merged 一级/二级 label over several lines, interleaved with the
// rows beside it ("经济成本指 日常养护单位成本 …" / "标 危桥改造平均造价 …"). This joins such fragments into one
// label token at the first fragment's place, where it heads the rows of its span.
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
 * Join label fragments split over lines: a token among the first two of its line that begins a 一级/二级 name,
 * completed by the first token of one of the next two lines, or by a short one alone on a line further down when
 * no beginning nearer to it takes the same end.
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
      for (const [d, next] of lineStarts.slice(k + 1, k + 1 + FAR_END_LINES).entries()) {
        const joined = t.text + tokens[next].text;
        if (removed.has(next) || !LABELS.has(joined)) continue;
        if (d >= 2 && (!isLoneEnd(tokens, next) || nearerBeginning(tokens, lineStarts.slice(k + 1, k + 1 + d), tokens[next].text))) continue;
        replaced.set(i, {...t, text: joined, alsoLines: [...(t.alsoLines ?? []), tokens[next].line]});
        removed.add(next);
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

