// The grammar of each grid column: what a 指标值, a weight, a basis … looks like. parseValue() reads a target
// or prior-year cell into comparator/value/unit/kind; cellScore() rates a text as a given column (a log-odds-like
// number, null when impossible) so the grid parser can choose the best assignment of fragments to columns.
import type {ColumnKey} from '../types.ts';
import {asciiDigits} from './lines.ts';
import {
  BASES, EVIDENCE, isBasis, isEvidence, isLevel1, isLevel2, isNoValue, isScoringRule, LEVEL1_CHILDREN, LEVEL1_FIRST,
  QUALITATIVE_WORDS, SCORING_RULES, SHORT_LEVEL2,
} from '../vocab.ts';

/** Normalised comparators. */
export type Comparator = '>=' | '<=' | '>' | '<' | '=';

/** A 指标值 or 上年完成值 read into its parts; `raw` is the text as printed. */
export interface ParsedValue {
  comparator: Comparator | null;
  value: number | null;
  unit: string | null;
  kind: 'quantitative' | 'qualitative' | 'date' | 'none' | 'text';
  raw: string;
}

// Longest spellings first: "> =" is compacted to ">=" before matching.
const COMPARATORS: ReadonlyArray<readonly [string, Comparator]> = [
  ['大于或等于', '>='], ['大于等于', '>='], ['不低于', '>='], ['不少于', '>='], ['不小于', '>='], ['至少', '>='],
  ['小于或等于', '<='], ['小于等于', '<='], ['不高于', '<='], ['不超过', '<='], ['不多于', '<='], ['不大于', '<='],
  ['＞＝', '>='], ['＞=', '>='], ['>＝', '>='], ['>=', '>='], ['=>', '>='], ['≥', '>='], ['≧', '>='], ['⩾', '>='],
  ['＜＝', '<='], ['＜=', '<='], ['<＝', '<='], ['<=', '<='], ['=<', '<='], ['≤', '<='], ['≦', '<='], ['⩽', '<='],
  ['大于', '>'], ['高于', '>'], ['超过', '>'], ['＞', '>'], ['>', '>'],
  ['小于', '<'], ['低于', '<'], ['＜', '<'], ['<', '<'],
  ['等于', '='], ['＝', '='], ['=', '='],
];

const NUMBER = /^[-－]?\d[\d,，]*(?:[.．]\d+)?/;
const UNIT = /^(?:[%％‰]{1,2}|[\u4e00-\u9fa5a-zA-Z·/（）()²³]{1,10}[%％]?)$/;
const DATE_PATTERNS: readonly RegExp[] = [
  /^\d{4}年(\d{1,2}月)?(\d{1,2}[日号])?(前|之前|以前|底前|底|末|年底|内|止|完成)?$/,
  /^\d{4}年\d{1,2}月?[-—至到~]\d{1,2}月$/,
  /^(每月|每季度|每季|每年|每半年|次月|当月|每周|年度)\d{0,2}(日|号)?(前|之前|以前|内)?$/,
  /^\d{4}[-./]\d{1,2}([-./]\d{1,2})?(前)?$/,
  /^\d{1,2}月(\d{1,2}日)?(前|之前|底前|底)?$/,
  /^(年底|年末|年内|当年|年度内|本年度)(前|之前|内)?(完成)?$/,
];

/** The spellings of COMPARATORS by first character, in COMPARATORS' order (a spelling only matches there). */
const COMPARATORS_BY_FIRST = new Map<string, Array<readonly [string, Comparator]>>();
for (const entry of COMPARATORS) {
  const list = COMPARATORS_BY_FIRST.get(entry[0][0]);
  if (list) list.push(entry); else COMPARATORS_BY_FIRST.set(entry[0][0], [entry]);
}

/** First characters a date can open with (DATE_PATTERNS): a digit, or 每/次/当/年/本. */
const DATE_START = /^[\d每次当年本]/;

/** Read the comparator at the start of compact text; returns it and the rest. */
export function readComparator(s: string): [Comparator | null, string] {
  const spellings = s.length === 0 ? undefined : COMPARATORS_BY_FIRST.get(s[0]);
  if (spellings) for (const [spelling, cmp] of spellings) if (s.startsWith(spelling)) return [cmp, s.slice(spelling.length)];
  return [null, s];
}

/** The comparator a cell opens with, as parseValue(raw).comparator, without parsing the rest. */
function comparatorOf(raw: string): Comparator | null {
  const s = compactText(raw);
  if (s === '' || isNoValue(s)) return null;
  return readComparator(s)[0];
}

/** Text with all whitespace removed (the text itself when it has none, the common case). */
const compactText = (raw: string): string => (/\s/.test(raw) ? raw.replace(/\s+/g, '') : raw);

/**
 * Parse a target or prior-year cell.
 * @example parseValue('≥14 万人 次') // => {comparator: '>=', value: 14, unit: '万人次', kind: 'quantitative', raw: '≥14 万人 次'}
 * @example parseValue('新增') // => {comparator: null, value: null, unit: null, kind: 'none', raw: '新增'}
 */
export function parseValue(raw: string): ParsedValue {
  const s = asciiDigits(compactText(raw));
  const none: ParsedValue = {comparator: null, value: null, unit: null, kind: 'none', raw};
  if (s === '' || isNoValue(s)) return none;
  const [comparator, rest] = readComparator(s);
  if (DATE_START.test(rest) && DATE_PATTERNS.some((p) => p.test(rest))) return {comparator, value: null, unit: null, kind: 'date', raw};
  const num = NUMBER.exec(rest);
  if (num) {
    const unit = rest.slice(num[0].length);
    const value = Number(num[0].replace(/[,，]/g, '').replace('．', '.').replace('－', '-'));
    if (Number.isFinite(value) && (unit === '' || UNIT.test(unit))) {
      return {comparator, value, unit: unit === '' ? null : unit, kind: 'quantitative', raw};
    }
  }
  if (comparator === null && isQualitative(s)) return {comparator: null, value: null, unit: null, kind: 'qualitative', raw};
  return {comparator, value: null, unit: null, kind: 'text', raw};
}

/** A short phrase without digits built on a qualitative word (有效提高, 持续提升, 长期 …). */
export function isQualitative(s: string): boolean {
  if (s.length === 0 || s.length > 14 || /\d/.test(s)) return false;
  return QUALITATIVE.test(s);
}

/** Any of QUALITATIVE_WORDS (plain words: nothing to escape). */
const QUALITATIVE = new RegExp(QUALITATIVE_WORDS.join('|'));

/** Qualitative targets printed as they stand in most tables; other phrases score lower as they grow. */
const COMMON_QUALITATIVE = new Set<string>([
  '有效提高', '有效提升', '持续提升', '持续提高', '有效保障', '长期', '长期有效', '有效维护', '有效加强', '完善保障', '逐步提高',
  '不断提升', '不断提高', '明显提升', '明显提高', '稳步提升', '显著提高', '显著提升', '基本稳定', '达标', '合格', '良好', '优秀',
  '提高', '提升', '改善', '有所提高', '有所提升', '得到保障', '有效改善', '持续改善', '保持稳定', '按时完成', '及时', '足额',
]);

function qualitativeScore(s: string): number {
  return COMMON_QUALITATIVE.has(s) ? 4 : 3.5 - 0.1 * s.length;
}

/** Text that cannot be a whole cell: a bare comparator, a number cut at its decimal point, an open bracket. */
function isFragment(s: string): boolean {
  if (s.length === 0) return false;
  const last = s[s.length - 1];
  // Ending in a comparator or a decimal point (which also covers a text of comparators only).
  if (FRAGMENT_END.includes(last)) return true;
  if (!s.includes('(') && !s.includes('（') && !s.includes('《')) return false; // no bracket opened
  return bracketDepth(s).end > 0;
}

/**
 * How deep a text leaves its brackets (（ ( 《 against ） ) 》) open at its end, and the lowest depth on the way
 * (below 0: it closes a bracket opened before it, the end of a text wrapped from above).
 */
function bracketDepth(s: string): {end: number; lowest: number} {
  let open = 0;
  let lowest = 0;
  for (let k = 0; k < s.length; k++) {
    const code = s.charCodeAt(k);
    if (code === 0xff08 || code === 0x28 || code === 0x300a) open++; // （ ( 《
    else if (code === 0x29 || code === 0xff09 || code === 0x300b) open--; // ) ） 》
    if (open < lowest) lowest = open;
  }
  return {end: open, lowest};
}

/** A text closing a bracket it did not open ("点》…"): it begins with the end of a wrapped cell. */
const closesEarlier = (s: string): boolean => /[)）》]/.test(s) && bracketDepth(s).lowest < 0;

/** Characters a whole cell does not end with: comparators and decimal points. */
const FRAGMENT_END = '<>=≥≤≧≦＜＞＝.．';

/**
 * Do weights summing to `sum` add up for a table of `projects` projects, each weighing 90 (10 points kept for
 * 预算执行率) or 100?
 * @example [weightsAddUp(90), weightsAddUp(190, 2), weightsAddUp(95)] // => [true, true, false]
 */
export function weightsAddUp(sum: number, projects = 1): boolean {
  for (let with90 = 0; with90 <= projects; with90++) if (Math.abs(sum - (90 * with90 + 100 * (projects - with90))) < 0.01) return true;
  return false;
}

/** A 序号 cell: a row number ("3", "3.", "（3）"). */
const ROW_NUMBER = /^[（(]?\d{1,3}[)）.、]?$/;

/** A weight: a small non-negative number, optionally with 分 or % (full-width digits too). Returns the number or null. */
export function parseWeight(s: string): number | null {
  const m = /^(\d{1,3}(?:\.\d{1,2})?)(分|%)?$/.exec(asciiDigits(s));
  if (!m) return null;
  const w = Number(m[1]);
  return w <= 100 ? w : null;
}

/** Is this text a vocabulary word of some column other than the free-text ones? */
function isVocabulary(s: string): boolean {
  return isLevel1(s) || isLevel2(s) || isBasis(s) || isScoringRule(s) || isEvidence(s);
}

/** Scoring context: overall tables take free text as 指标设定依据. */
export interface ScoreContext {
  freeTextBasis: boolean;
  /**
   * Whether a cell cut at a line end may be read (score CUT) because a piece printed later may finish it
   * (pieces.ts: office PDFs' rows printed line by line across their cells). Otherwise such text scores as it reads.
   */
  cutCells?: boolean;
  /** The number of projects a flat table lists, when known: its weights add up to 90 or 100 for each. */
  projects?: number;
}

/**
 * A context with every field set (the optional ones undefined): one shape for every context, so that the scoring
 * code the engine optimises for it stays specialised (withCuts' copy keeps the shape).
 */
export function scoreContext(freeTextBasis: boolean, projects?: number): ScoreContext {
  return {freeTextBasis, cutCells: undefined, projects};
}

/** The context of a cell read outside any table (a fixed-text basis). */
export const PLAIN_CONTEXT: ScoreContext = scoreContext(false);

/**
 * How well `text` (whitespace removed) fits column `col`: higher is better, null is impossible.
 * @example cellScore('target', '=885人', {freeTextBasis: false}) // => 6
 */
export function cellScore(col: ColumnKey, text: string, ctx: ScoreContext): number | null {
  if (text.length > MEMO_LONGEST) {
    // A long text is scored afresh, but in several columns in a row: what the columns share is worked out once.
    if (LAST_LONG === null || text !== LAST_LONG.s) LAST_LONG = new CellText(text);
    return scoreAsRead(col, LAST_LONG, ctx);
  }
  // Short texts (words, values) recur in every table: their scores are kept, per context and column. The same
  // text is often scored in several columns in a row: its entry is kept at hand.
  let scores: Float64Array | undefined;
  if (text === LAST.text && ctx.freeTextBasis === LAST.freeTextBasis) scores = LAST.scores;
  else {
    const memo = ctx.freeTextBasis ? MEMO_FREE_BASIS : MEMO_PLAIN;
    scores = memo.get(text);
    if (scores === undefined) {
      if (memo.size >= MEMO_SIZE) memo.clear();
      scores = new Float64Array(MEMO_SLOTS).fill(NaN);
      memo.set(text, scores);
    }
    LAST.text = text;
    LAST.freeTextBasis = ctx.freeTextBasis;
    LAST.scores = scores;
  }
  const slot = MEMO_SLOT[col];
  let v = scores[slot];
  if (v !== v) { // NaN: not scored yet
    v = scoreIn(col, new CellText(text), ctx, true) ?? NULL_SCORE;
    scores[slot] = v;
  }
  // (The memo keeps the score with cuts; a cut read without them is rare and scored afresh.)
  if (v === CUT && ctx.cutCells !== true) return scoreIn(col, new CellText(text), ctx, false);
  return v === NULL_SCORE ? null : v;
}

/** Texts up to this long are memoised by cellScore, up to MEMO_SIZE of them per context (then it starts afresh). */
const MEMO_LONGEST = 16;
const MEMO_SIZE = 1 << 12;
/** Scores by text (NaN: not scored yet) for each context: the basis column scores differently in each. */
const MEMO_PLAIN = new Map<string, Float64Array>();
const MEMO_FREE_BASIS = new Map<string, Float64Array>();
/** A null score, as kept in the memo (cellScore never returns -Infinity). */
const NULL_SCORE = -Infinity;
const MEMO_SLOT: Record<ColumnKey, number> = {
  project: 15, project_budget: 16, project_goal: 17, seq: 18, level1: 0, level2: 1, level3: 2, target_long: 3, target_nature: 4, target: 5, target_unit: 6, basis: 7, prior_year: 8,
  weight: 9, actual: 10, score: 11, deviation: 12, explanation: 12, remark: 12, scoring_rule: 13, evidence: 14,
};
const MEMO_SLOTS = 19;
/** The long text cellScore read last, with the tests it needed (they depend on the text alone). */
let LAST_LONG: CellText | null = null;
/** The memo entry of the text cellScore read last (scores only ever fill in, so it stays right after a clear). */
const LAST: {text: string | null; freeTextBasis: boolean; scores: Float64Array} = {text: null, freeTextBasis: false, scores: new Float64Array(0)};

/**
 * cellScore of one text in any number of columns: what the columns have in common (is it a vocabulary word,
 * a fragment, the value it parses to …) is worked out once.
 * @example const score = cellScorer('≥95%', ctx); [score('target'), score('level3')] // => [5, -6]
 */
export function cellScorer(text: string, ctx: ScoreContext): (col: ColumnKey) => number | null {
  const t = new CellText(text);
  return (col) => scoreAsRead(col, t, ctx);
}

/** scoreIn with cut cells (CUT) where the context reads them (ScoreContext.cutCells), else as the text reads. */
function scoreAsRead(col: ColumnKey, t: CellText, ctx: ScoreContext): number | null {
  const v = scoreIn(col, t, ctx, true);
  return v === CUT && ctx.cutCells !== true ? scoreIn(col, t, ctx, false) : v;
}

/** Score of a cell in a column; `cuts`: a cell cut at a line end scores CUT (else as it reads). */
function scoreIn(col: ColumnKey, t: CellText, ctx: ScoreContext, cuts: boolean): number | null {
  const text = t.s;
  if (text.length === 0) return null;
  switch (col) {
    case 'project': return projectNameScore(t);
    case 'project_budget': return /^\d[\d,，]*(?:\.\d+)?$/.test(text) ? 4 : null;
    case 'project_goal': return t.numeric || t.vocabulary || text.length < 4 ? null : 1;
    case 'level1': return levelScore(text, 1, cuts);
    case 'level2': return levelScore(text, 2, cuts);
    case 'level3': return level3Score(t);
    case 'target': return cuts && CUT_DATE.test(t.s) ? CUT : valueScore(t, false);
    case 'prior_year': return valueScore(t, true);
    case 'basis': return basisScore(t, ctx, cuts);
    case 'weight': return weightScore(text);
    case 'target_nature': return natureScore(text);
    case 'target_unit': return UNIT.test(text) && !/^\d/.test(text) && text.length <= 8 ? 3 : null;
    case 'actual': return valueScore(t, true);
    case 'target_long': return valueScore(t, false);
    // Free-text notes (偏差原因分析, 指标解释, 备注): anything but a number or another column's word.
    case 'deviation': case 'explanation': case 'remark': return t.numeric || t.vocabulary ? null : 1;
    case 'seq': return ROW_NUMBER.test(text) ? 3 : null;
    case 'score': return weightScore(text);
    case 'scoring_rule': return isScoringRule(text) ? 5 : text.length <= 12 && text.endsWith('赋分') ? 2 : cuts && RULE_STARTS.has(text) ? CUT : null;
    case 'evidence': return evidenceScore(t, cuts);
  }
}

/** A text being scored, with the tests several columns make of it done once, when first asked. */
class CellText {
  readonly s: string;
  private vocabularyIs: boolean | undefined;
  private fragmentIs: boolean | undefined;
  private numericIs: boolean | undefined;
  private parsedAs: ParsedValue | undefined;
  private comparatorIs: Comparator | null | undefined;

  constructor(s: string) {
    this.s = asciiDigits(s);
  }

  /** isVocabulary(s). */
  get vocabulary(): boolean {
    return (this.vocabularyIs ??= isVocabulary(this.s));
  }

  /** isFragment(s). */
  get fragment(): boolean {
    return (this.fragmentIs ??= isFragment(this.s));
  }

  /** Only digits, ".", "," and "%". */
  get numeric(): boolean {
    return (this.numericIs ??= /^[\d.,%]+$/.test(this.s));
  }

  /** parseValue(s). */
  get parsed(): ParsedValue {
    return (this.parsedAs ??= parseValue(this.s));
  }

  /** parseValue(s).comparator, without parsing the rest when nothing else asked for it. */
  get comparator(): Comparator | null {
    if (this.comparatorIs === undefined) this.comparatorIs = this.parsedAs === undefined ? comparatorOf(this.s) : this.parsedAs.comparator;
    return this.comparatorIs;
  }
}

/** 指标性质: a comparator or a word for the kind of target (定性, 正向 …). */
function natureScore(s: string): number | null {
  const [cmp, rest] = readComparator(s);
  if (cmp !== null && rest === '') return 5;
  return /^(定性|定量|正向|反向|正向指标|反向指标|区间|不等式)$/.test(s) ? 4 : null;
}

function levelScore(s: string, level: 1 | 2, cuts: boolean): number | null {
  if (level === 1 && isLevel1(s)) return 5;
  if (level === 2 && isLevel2(s)) return LEVEL1_FIRST.has(s) ? 2 : 5;
  if (level === 2 && SHORT_LEVEL2.has(s)) return 3; // less than the full name, so "经济成本" + "指标" rejoin
  if (/^[\u4e00-\u9fa5]{1,8}指标$/.test(s) && !/指标.+指标/.test(s) && !isBasis(s)) return 0.5;
  return cuts && (level === 1 ? LEVEL1_STARTS : LEVEL2_STARTS).has(s) ? CUT : null;
}

/**
 * Score of a cell cut at a line end, its rest printed further on (a vocabulary word's start, "按评判等级" for
 * 按评判等级赋分, "计划标" for 计划标准; an evidence list ending in a separator or a word's start; a target's date cut
 * before its 月 or 日, CUT_DATE): possible, so that the rest can still join it (pieces.ts), but below any whole
 * cell; only where ScoreContext.cutCells says pieces may come. A value no other rule gives, so a memo holding
 * scores with cuts tells them (grid.ts).
 */
export const CUT = -1.03125;

/** The starts (two characters or more, not the whole) of the words of a list. */
function startsOf(words: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const w of words) for (let n = 2; n < w.length; n++) out.add(w.slice(0, n));
  return out;
}

const RULE_STARTS = startsOf(SCORING_RULES);
/** The first characters of each scoring rule: text opening so is no evidence. */
const RULE_OPENING_LENGTH = 3;
const RULE_OPENING = new Set(SCORING_RULES.map((r) => r.slice(0, RULE_OPENING_LENGTH)));
const BASIS_STARTS = startsOf(BASES);
const LEVEL1_STARTS = startsOf(Object.keys(LEVEL1_CHILDREN));
const LEVEL2_STARTS = startsOf(Object.values(LEVEL1_CHILDREN).flat());
/** Starts of evidence words, one character or more: the last item of a list cut inside a word ("工作资料，原始凭"). */
const EVIDENCE_STARTS = new Set(EVIDENCE.flatMap((w) => [w.slice(0, 1), ...startsOf([w])]));

/** The label of a 合计/小计 row: not an indicator. */
export const TOTAL_ROW = /^(合计|小计|总计|总分|合计得分|总得分)$/;

/**
 * Tokens that are, whole, one column's cell, which cells of some other columns never hold past their first token:
 * a target opening with a comparator and a number ("=885", "≥90%"), a 指标值设定依据 standard ("计划标准"), a
 * scoring rule ("按评判等级赋分"). tokenClass gives a token's bit, cellForbids a column's bits: the segmenter stops
 * trying a run in a column once it holds, after its first token, a token of a class the column forbids.
 * @example [tokenClass('=885'), tokenClass('计划标准'), tokenClass('95'), tokenClass('其他')] // => [1, 2, 0, 0]
 */
export function tokenClass(token: string): number {
  if (isScoringRule(token)) return RULE_TOKEN;
  if (token.endsWith('标准') && isBasis(token)) return BASIS_TOKEN;
  return COMPARATOR_NUMBER.test(token) ? TARGET_TOKEN : 0;
}

const TARGET_TOKEN = 1;
const BASIS_TOKEN = 2;
const RULE_TOKEN = 4;
const COMPARATOR_NUMBER = /^(?:[<>=≥≤≧≦⩾⩽＜＞＝]{1,2}|大于|小于|不低于|不少于|不小于|不超过|不高于|不多于|不大于|等于|至少)\s*\d/;

/** The token classes (tokenClass) a column's cell never holds after its first token. */
export function cellForbids(col: ColumnKey): number {
  switch (col) {
    case 'level3': case 'evidence': case 'project': return TARGET_TOKEN | BASIS_TOKEN | RULE_TOKEN;
    case 'target': case 'prior_year': case 'actual': case 'target_long': return BASIS_TOKEN | RULE_TOKEN;
    // A free-text basis (overall tables) may quote a target ("上年完成值 ≥95%"); no basis holds a scoring rule.
    case 'basis': return RULE_TOKEN;
    case 'scoring_rule': return TARGET_TOKEN | BASIS_TOKEN;
    // Free text: a project's goal (项目总体目标) states its targets ("满意度 ≥95%"); 偏差原因 explains them.
    default: return 0;
  }
}

/** Text opening with a comparator reads as a target, not as an indicator's name. */
const COMPARATOR_START = /^(?:[<>=≥≤≧≦⩾⩽＜＞＝]|大于|小于|不低于|不少于|不小于|不超过|不高于|不多于|不大于|等于|至少)/;

/**
 * Free text ending in a bare number after a Chinese character has likely swallowed the next cell: the text
 * matches /[\u4e00-\u9fa5]\d+(\.\d+)?$/, read from the end (the regex would try every start position).
 */
function hasTrailingNumber(s: string): boolean {
  let k = s.length - 1;
  const digitsEnd = k;
  while (k >= 0 && isDigit(s.charCodeAt(k))) k--;
  if (k === digitsEnd) return false;
  if (k >= 1 && s.charCodeAt(k) === 0x2e) { // "." between two digit runs
    const dot = k;
    k--;
    while (k >= 0 && isDigit(s.charCodeAt(k))) k--;
    if (k === dot - 1) return false;
  }
  return k >= 0 && isHan(s.charCodeAt(k));
}

const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;
const isHan = (code: number): boolean => code >= 0x4e00 && code <= 0x9fa5;

/** The longest 合计/小计 label (TOTAL_ROW): a longer text is no such label. */
const TOTAL_ROW_LONGEST = 4;

/** A project name (项目名称 column of a flat table): a name, not a value, a vocabulary word or a level label. */
function projectNameScore(t: CellText): number | null {
  const s = t.s;
  if (t.vocabulary || t.numeric || COMPARATOR_START.test(s) || s.length > 60) return null;
  if (/^(产出|成本|效益|满意度|数量|质量|时效)指标/.test(s)) return null;
  return /(项目|资金|经费|专项|补助|工程)$/.test(s) ? 2 : s.length === 1 ? -2 : 1;
}

function level3Score(t: CellText): number | null {
  const s = t.s;
  if (s.length <= TOTAL_ROW_LONGEST && TOTAL_ROW.test(s)) return null;
  if (t.vocabulary || isNoValue(s)) return -6;
  if (t.numeric) return -4;
  if (COMPARATOR_START.test(s)) return -6;
  if (DATE_START.test(s) && t.parsed.kind === 'date') return -4; // "11月": a target's date wrapped
  if (/^(产出|成本|效益|满意度|数量|质量|时效)指标/.test(s)) return -4;
  if (s.length === 1) return -2;
  if (/^[（(][^（()）]{0,4}[)）]/.test(s)) return -1; // "（%）", "(万元)": the end of the name above
  return t.fragment || hasTrailingNumber(s) || closesEarlier(s) ? -1 : 1;
}

function valueScore(t: CellText, prior: boolean): number | null {
  const s = t.s;
  if (s.length > 30 && !/^\d{4}年/.test(s)) return null;
  if (t.fragment && !/^[-－—]+$/.test(s)) return null;
  if (t.vocabulary) return null;
  const v = t.parsed;
  switch (v.kind) {
    case 'none': return prior ? 3 : -3;
    case 'date': return prior ? 3 : 4;
    case 'qualitative': return qualitativeScore(s);
    case 'quantitative':
      if (v.comparator !== null) return (prior ? 3 : 5) + (v.unit !== null ? 1 : 0);
      if (v.unit !== null) return prior ? 4 : 3;
      return 1;
    case 'text': return s.length <= 12 ? -2 : -5;
  }
}

function basisScore(t: CellText, ctx: ScoreContext, cuts: boolean): number | null {
  const s = t.s;
  if (isBasis(s)) return 5;
  if (cuts && BASIS_STARTS.has(s)) return CUT;
  if (t.vocabulary) return null; // (not a basis word:) a word of another column
  if (/^(计划|历史|行业|预算支出|其他)标准./.test(s)) return null;
  if (t.numeric || t.comparator !== null) return null;
  if (s.length <= 8 && s.endsWith('标准')) return 2;
  if (ctx.freeTextBasis) return t.fragment || hasTrailingNumber(s) || closesEarlier(s) || DAY_START.test(s) ? 0 : 1.5;
  return -3;
}

/** A target's date cut at a line end before its 月 or 日, the rest printed in a piece below ("2025 年 10" / "月 31 日前"). */
const CUT_DATE = /^\d{4}年\d{1,2}(月\d{1,2})?$/;

/** Text opening with a day ("30日前《梅岭县…》"): the end of a date wrapped from the target above. */
const DAY_START = /^\d{1,2}[日号]/;

/** A list of evidence words cut at a line end: ending in a separator, or in the start of a word after one. */
function isCutList(s: string): boolean {
  const last = Math.max(s.lastIndexOf('，'), s.lastIndexOf('、'), s.lastIndexOf(','));
  return last >= 0 && (last === s.length - 1 || EVIDENCE_STARTS.has(s.slice(last + 1))) && isEvidence(s.slice(0, last));
}

function weightScore(s: string): number | null {
  const w = parseWeight(s);
  if (w === null) return null;
  if (w === 0) return 1;
  return s.endsWith('分') ? 3 : 4;
}

function evidenceScore(t: CellText, cuts: boolean): number | null {
  const s = t.s;
  if (cuts && isCutList(s)) return CUT;
  if (isEvidence(s)) return 5;
  if (t.vocabulary) return null; // (not an evidence list:) a word of another column
  if (RULE_OPENING.has(s.slice(0, RULE_OPENING_LENGTH))) return -3; // a scoring rule's start and what follows it
  if (s.length <= 24 && /(资料|凭证|材料|文件|报告|台账|记录)/.test(s)) return 2;
  return -3;
}
