// Some dumps lose every separator inside a row ("产出指标数量指标年接待读者人次≥30万人次计划标准…"). This cuts such a
// line at the domain's landmarks — vocabulary words (一级/二级, 依据, 赋分规则, 佐证资料), comparators, and the
// number that follows a 依据 or a unit — so the grid parser can assign the pieces; it decides, not this cut.
import {BASES, EVIDENCE, LEVEL_NAMES, NO_VALUE, SCORING_RULES} from '../vocab.ts';
import type {Token} from './lines.ts';

const WORDS: readonly string[] = [...new Set([...LEVEL_NAMES, ...BASES, ...SCORING_RULES, ...EVIDENCE])].filter((w) => w.length >= 4).sort((a, b) => b.length - a.length); // short words (满意度, 产出) occur inside names
const COMPARATOR = /^(?:[<>＜＞]=?|[≥≤≧≦=＝])/;
const MIN_FUSED = 16;

/** Does a line look fused: one long token holding at least three landmarks? */
function isFused(text: string): boolean {
  if (text.length < MIN_FUSED) return false;
  let marks = 0;
  for (const w of WORDS) if (text.includes(w)) marks++;
  if (/[≥≤≧≦<>＜＞=＝]\d/.test(text)) marks++;
  return marks >= 3;
}

/**
 * Cut points of a fused text: around vocabulary words, before comparators, between a word and a number.
 * @example cutFused('读者满意度≥95%计划标准96%30满意度赋分说明材料') // => ['读者满意度', '≥95%', '计划标准', '96%', '30', '满意度赋分', '说明材料']
 */
export function cutFused(text: string): string[] {
  const pieces: string[] = [];
  let current = '';
  let i = 0;
  const flush = (): void => { if (current) pieces.push(current); current = ''; };
  while (i < text.length) {
    const word = WORDS.find((w) => text.startsWith(w, i));
    if (word) { flush(); pieces.push(word); i += word.length; continue; }
    const cmp = COMPARATOR.exec(text.slice(i));
    if (cmp && current !== '' && !COMPARATOR.test(current.slice(-1))) flush();
    // A number right after a unit-ending value ("96%30", "28.6万人次30") starts the next cell.
    if (/\d/.test(text[i]) && /[%％次人天个项元年月日座所条台套]$/.test(current) && /\d/.test(current)) flush();
    current += text[i];
    i++;
  }
  flush();
  return mergeNoValue(pieces);
}

/** Keep "-"/"无"/"新增" as their own piece ("-30" is a prior "-" and a weight 30). */
function mergeNoValue(pieces: string[]): string[] {
  const out: string[] = [];
  for (const p of pieces) {
    const m = /^(新增|无|-|—)(\d+(?:\.\d+)?)$/.exec(p);
    if (m && (NO_VALUE as readonly string[]).includes(m[1])) out.push(m[1], m[2]); else out.push(p);
  }
  return out;
}

/** Split the tokens of fused lines into pieces (gap 'space': the grid parser may join them again). */
export function splitFusedTokens(tokens: ReadonlyArray<Token>): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    if (!isFused(t.text)) { out.push(t); continue; }
    cutFused(t.text).forEach((text, k) => out.push({...t, text, gap: k === 0 ? t.gap : 'space'}));
  }
  return out;
}
