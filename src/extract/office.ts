// Office PDFs (Word, WPS, LibreOffice) pad their table cells, so pdftotext without flags prints each cell's lines
// as a block of its own, blank lines between blocks, in an order of blocks that keeps each column top to bottom
// but pulls whole runs of a column ahead of the columns right of it. The header block, the column header and the
// first rows so come interleaved: "一级指标" / "862.50" / "项目负责人" / "三级指标" / "≥45所" / "其中：财政拨款" …
// This module tells such a region (blocks), deals the column header's names out of it (each name's pieces in
// order, among any other text) and sorts the rest into metadata (labels, amounts, the leader's name, the goal's
// sentences) and grid, so that the readers after it see metadata, header and grid apart, each in dump order.
import type {ColumnKey} from '../types.ts';
import {COLUMN_ALIASES, COLUMN_ORDER, isBasis, isEvidence, isScoringRule, LEVEL_NAMES} from '../vocab.ts';
import {isHeaderFragment, isMetaLabel, type GridHeader} from './header.ts';
import type {Token} from './lines.ts';
import {asciiDigits} from './lines.ts';

/** Fewest blocks per line for a region to read as blocks (each cell's lines a block, blank lines between). */
const BLOCKS_PER_LINE = 0.35;
/** Fewest lines of two or more that a blocked region has: double-spaced dumps (a blank after every line) have none. */
const MULTI_LINE_BLOCKS = 3;

/**
 * Is the region printed in blocks, blank lines between them (and not double-spaced line by line)?
 * @example isBlockedRegion(tokens of "预算单位" / "" / "X局" / "" / "一级指" / "标") // => true when long enough
 */
export function isBlockedRegion(tokens: ReadonlyArray<Token>): boolean {
  let lines = 0;
  let blocks = 0;
  let multi = 0;
  let run = 0;
  let last = -1;
  for (const t of tokens) {
    if (t.line === last) continue;
    lines++;
    if (t.line === last + 1 && t.pageBreak !== true) {
      if (++run === 1) multi++;
    } else {
      blocks++;
      run = 0;
    }
    last = t.line;
  }
  return lines > 0 && blocks >= lines * BLOCKS_PER_LINE && multi >= MULTI_LINE_BLOCKS;
}

/** Columns whose name may open a grid header (the others only follow one). */
const OPENING = new Set<ColumnKey>(['seq', 'level1', 'level2', 'level3']);
/** Columns of a flat multi-project table: their names are metadata labels too, so such a table is left to the other readers. */
const PROJECT_COLUMNS = new Set<ColumnKey>(['project', 'project_budget', 'project_goal']);
const ALIASES_OF = new Map<ColumnKey, string[]>();
for (const [name, col] of COLUMN_ALIASES) ALIASES_OF.set(col, [...(ALIASES_OF.get(col) ?? []), name]);

/** Does `text` begin (or make) a name of the column? */
const beginsName = (col: ColumnKey, text: string): boolean => (ALIASES_OF.get(col) ?? []).some((n) => n.startsWith(text));
const isName = (col: ColumnKey, text: string): boolean => (ALIASES_OF.get(col) ?? []).includes(text);
/** A suffix printed after a name ("(必填)", "（100分）"), whole or begun. */
const SUFFIX = /^[（(][^（()）]{0,10}[)）]?$/;

/** A column name being dealt: its text so far and its tokens. */
interface Dealt {
  text: string;
  tokens: Token[];
  /** An open suffix "(必" waiting for its end. */
  suffixOpen: boolean;
}

/**
 * The column names of a grid header whose pieces are printed among other text: from the first piece of a name
 * that opens a header (一级/二级/三级指标, 序号), every header fragment that continues a name begun, or begins a
 * name of a column not yet named, is the header's. Names left unfinished give their pieces back.
 * @returns The header's columns (standard order) and names, and its tokens; null when fewer than three names
 *   (one of them 三级指标 or 指标值) are dealt, or a flat table's project columns are among them.
 */
export function dealHeader(tokens: ReadonlyArray<Token>): {columns: ColumnKey[]; names: string[]; tokens: Set<Token>; first: number} | null {
  const opening = tokens.findIndex((t) => t.text.length >= 2 && [...OPENING].some((c) => beginsName(c, t.text)));
  if (opening < 0) return null;
  const first = namesBegunBefore(tokens, opening);
  const dealt = new Map<ColumnKey, Dealt>();
  let lastDone: ColumnKey | null = null;
  for (let i = first; i < tokens.length; i++) {
    const t = tokens[i];
    if (!isHeaderFragment(t.text)) continue;
    const glued = gluedSuffix(t.text);
    const text = glued?.name ?? t.text;
    const col = columnFor(dealt, text, lastDone);
    if (col === null) continue;
    const d = dealt.get(col) ?? {text: '', tokens: [], suffixOpen: false};
    if (isName(col, d.text) || d.suffixOpen) {
      d.suffixOpen = !/[)）]$/.test(text);
    } else {
      d.text += text;
      if (glued !== null && isName(col, d.text)) d.suffixOpen = !/[)）]$/.test(glued.suffix);
    }
    d.tokens.push(t);
    dealt.set(col, d);
    if (isName(col, d.text)) lastDone = col;
  }
  const done = [...dealt].filter(([c, d]) => isName(c, d.text) && !d.suffixOpen);
  const columns = COLUMN_ORDER.filter((c) => done.some(([d]) => d === c));
  if (columns.length < 3 || !columns.some((c) => c === 'level3' || c === 'target') || columns.some((c) => PROJECT_COLUMNS.has(c))) return null;
  const names = columns.map((c) => done.find(([d]) => d === c)![1].text);
  return {columns, names, tokens: new Set(done.flatMap(([, d]) => d.tokens)), first};
}

/**
 * The first of the names' beginnings printed just before the piece that opens the header, a column's block pulled
 * ahead of 一级指标 ("年度指标" / "一级指标" / "二级指标" … "值"): each begins a column's name and is no whole name.
 */
function namesBegunBefore(tokens: ReadonlyArray<Token>, opening: number): number {
  let first = opening;
  while (first > 0 && beginsNameOnly(tokens[first - 1].text)) first--;
  return first;
}

/** Does a header fragment of two characters or more begin a grid column's name without being one? */
const beginsNameOnly = (text: string): boolean => text.length >= 2 && isHeaderFragment(text) && !isMetaLabel(text)
  && COLUMN_ORDER.some((c) => !PROJECT_COLUMNS.has(c) && beginsName(c, text)) && !COLUMN_ALIASES.some(([alias]) => alias === text);

/**
 * A whole column name with the beginning of its suffix glued on, as a header line of several names prints it
 * ("一级指标 二级指标(必 三级指标(必 …", the "填)" printed in blocks of their own); null for any other text.
 * @example gluedSuffix('二级指标(必') // => {name: '二级指标', suffix: '(必'}
 */
function gluedSuffix(text: string): {name: string; suffix: string} | null {
  const open = text.search(/[（(]/);
  if (open < 2) return null;
  const name = text.slice(0, open);
  const suffix = text.slice(open);
  return SUFFIX.test(suffix) && COLUMN_ALIASES.some(([alias]) => alias === name) ? {name, suffix} : null;
}

/**
 * The column a header fragment goes to: a name begun and not finished that it continues; a suffix of the name
 * finished last; else a column not yet named that it begins (a whole name first: "指标值" is 指标值, not the
 * beginning of 指标值设置依据).
 */
function columnFor(dealt: ReadonlyMap<ColumnKey, Dealt>, text: string, lastDone: ColumnKey | null): ColumnKey | null {
  for (const [c, d] of dealt) if (!isName(c, d.text) && beginsName(c, d.text + text)) return c;
  if (lastDone !== null && SUFFIX.test(text) && !/[)）]/.test(dealt.get(lastDone)!.tokens.at(-1)!.text)) return lastDone;
  for (const [c, d] of dealt) if (d.suffixOpen && /^[^（(]*[)）]$/.test(text)) return c;
  if (text.length < 2) return null;
  const free = COLUMN_ORDER.filter((c) => !dealt.has(c) && !PROJECT_COLUMNS.has(c));
  return free.find((c) => isName(c, text)) ?? free.find((c) => beginsName(c, text)) ?? null;
}

/**
 * A bare amount: a funding figure of the header block, in 万元 (two decimals, "1,580.00") or in 元 grouped by
 * thousands ("1,274,400", "200,000"; no cell of a grid prints a bare number so).
 */
const AMOUNT = /^-?\d{1,3}(?:,\d{3})*\.\d{2}$|^-?\d+\.\d{2}$|^-?\d{1,3}(?:,\d{3})+$/;
/**
 * A person's name as a leader cell holds it: a common surname and one to three ideographs, a surname and
 * 先生/女士, or a name of several parts joined by "·" (艾尼瓦尔·塔依尔).
 */
const PERSON = /^[王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂佟臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝][\u4e00-\u9fa5]{1,3}$|^[\u4e00-\u9fa5]{2,6}·[\u4e00-\u9fa5]{1,6}$/;
/** A leader's label (项目负责人, 联系人), or its first piece. */
const LEADER_LABEL = /(?:负责人?|联系人)$/;
const LEVEL_WORDS = new Set(LEVEL_NAMES);
/** A sentence of a goal: a line of some length with a clause break. */
const SENTENCE = /[，。；]/;
const GOAL_LINE = 15;

/**
 * Split a blocked region's tokens into metadata, header and grid, each in dump order: the tokens before the
 * header's first piece are metadata, and so are, after it, header-block labels (whole or in pieces), bare amounts,
 * the leader's name (a short name printed after 项目负责人 before any weight) and the goal's sentences (with
 * the lines of their block).
 * @returns The tokens ordered metadata, header, grid, and the header over them; null when no header is dealt.
 */
export function officeHeader(tokens: ReadonlyArray<Token>): {tokens: Token[]; header: GridHeader} | null {
  const dealt = dealHeader(tokens);
  if (dealt === null) return null;
  const meta: Token[] = tokens.slice(0, dealt.first);
  const grid: Token[] = [];
  const header: Token[] = [];
  const goalLines = goalBlockLines(tokens.slice(dealt.first));
  const labelTokens = metaLabelTokens(tokens, dealt.first);
  const leader = leaderName(tokens);
  for (let i = dealt.first; i < tokens.length; i++) {
    const t = tokens[i];
    if (dealt.tokens.has(t)) header.push(t);
    else if (labelTokens.has(t) || AMOUNT.test(asciiDigits(t.text)) || goalLines.has(t.line) || leader?.name.includes(t)) meta.push(t);
    else grid.push(t);
  }
  const ordered = [...metaInOrder(meta, leader, goalLines), ...header, ...grid];
  return {tokens: ordered, header: {first: meta.length, next: meta.length + header.length, remainder: null, columns: dealt.columns, names: dealt.names}};
}

/** Candidates for the leader's name after its label: so many tokens on, it is a row's cell. */
const LEADER_REACH = 40;
/** The end of a measure's unit wrapped off its value ("≥12000 平" / "方米"), no end of a person's name. */
const UNIT_END = /[米斤克吨亩元个次套所台座户]$/;

/**
 * The leader's label and name: the first token after the label (or its first piece) that reads as a person's
 * name, no label, 一级/二级 word nor a unit's end ("≥12000 平" / "积" / "方米"), with the rest of a name of several
 * parts wrapped in its cell (wrapsOn); null without a label or such a name.
 */
function leaderName(tokens: ReadonlyArray<Token>): {label: Token; name: Token[]} | null {
  const at = tokens.findIndex((t) => LEADER_LABEL.test(t.text));
  if (at < 0) return null;
  const last = tokens[at + 1]?.text === '人' && !tokens[at].text.endsWith('人') ? at + 1 : at;
  for (let i = at + 1; i < Math.min(tokens.length, at + LEADER_REACH); i++) {
    const t = tokens[i].text;
    if (PERSON.test(t) && !UNIT_END.test(t) && !LEVEL_WORDS.has(t) && !isMetaLabel(t) && !isHeaderFragment(t) && !isVocabularyWord(t)) {
      return {label: tokens[last], name: wrapsOn(tokens[i], tokens[i + 1]) ? [tokens[i], tokens[i + 1]] : [tokens[i]]};
    }
  }
  return null;
}

/** Is `next` the rest of a name of several parts wrapped in its cell ("艾尼瓦尔·塔" / "依尔"): on the next line, of its block? */
function wrapsOn(name: Token, next: Token | undefined): boolean {
  return next !== undefined && name.text.includes('·') && next.line === name.line + 1 && /^[\u4e00-\u9fa5]{1,4}$/.test(next.text)
    && PERSON.test(name.text + next.text) && !isMetaLabel(next.text) && !isHeaderFragment(next.text);
}

/** A word of the grid's closed vocabularies (计划标准, 直接赋分, 工作资料 …). */
const isVocabularyWord = (text: string): boolean => isBasis(text) || isScoringRule(text) || isEvidence(text);

/** A goal's label: after it parseMeta reads a narrative, to the next label that starts a line. */
const GOAL_LABEL = /^(?:项目总体目标|年度绩效目标|年度总体目标|总体目标|绩效目标)/;

/**
 * The metadata tokens as parseMeta reads them: labels with their values first, then the leader's label and name
 * (printed apart), then the goal's label and sentences (a narrative runs to the end).
 */
function metaInOrder(meta: readonly Token[], leader: {label: Token; name: Token[]} | null, goalLines: ReadonlySet<number>): Token[] {
  const leaderTokens = leader === null || !meta.includes(leader.label) ? [] : [...leader.label.text === '人' ? [meta[meta.indexOf(leader.label) - 1]] : [], leader.label, ...leader.name];
  const goalLabel = meta.find((t) => GOAL_LABEL.test(t.text));
  const goal = goalLabel === undefined ? [] : [goalLabel, ...meta.filter((t) => goalLines.has(t.line) && t !== goalLabel)];
  const moved = new Set([...leaderTokens, ...goal]);
  return [...meta.filter((t) => !moved.has(t)), ...leaderTokens, ...goal];
}

/**
 * Header-block labels after token `from`, whole ("其他资金") or in pieces printed apart ("其中：财政" … "拨款"), the
 * end piece a few tokens after the beginning or, a column's blocks pulled ahead, a few tokens before it ("金" /
 * "资助特困人员…" / "指标值" / "二级指标" / "其他资").
 */
function metaLabelTokens(tokens: ReadonlyArray<Token>, from: number): Set<Token> {
  const out = new Set<Token>();
  for (let i = from; i < tokens.length; i++) {
    const text = tokens[i].text;
    if (out.has(tokens[i]) || /\d/.test(text)) continue;
    if (isMetaLabel(text)) { out.add(tokens[i]); continue; }
    if (!LABEL_START.some((l) => l.startsWith(plain(text)))) continue;
    const end = labelEnd(tokens, i, from, out);
    if (end !== null) { out.add(tokens[i]); out.add(end); }
  }
  return out;
}

/** Tokens a label's pieces may lie apart, either way. */
const LABEL_PIECES_REACH = 5;

/** The token (not yet a label's, after token `from`) that finishes the label begun by token `at`: the nearest after it, then before it. */
function labelEnd(tokens: ReadonlyArray<Token>, at: number, from: number, taken: ReadonlySet<Token>): Token | null {
  const text = tokens[at].text;
  const after = Array.from({length: LABEL_PIECES_REACH}, (_, k) => at + 1 + k);
  const before = Array.from({length: LABEL_PIECES_REACH}, (_, k) => at - 1 - k);
  for (const j of [...after, ...before]) {
    if (j < from || j >= tokens.length || taken.has(tokens[j]) || /\d/.test(tokens[j].text)) continue;
    const joined = text + tokens[j].text;
    if (isMetaLabel(joined) && LABEL_START.some((l) => plain(joined).startsWith(l))) return tokens[j];
  }
  return null;
}

/** Header-block labels often cut in two by a narrow cell. */
const LABEL_START = ['项目负责人', '其中:财政拨款', '财政拨款', '其他资金', '年度预算总额', '项目资金(万元)', '部门联系人', '单位联系人', '联系电话'];
const plain = (s: string): string => s.replace(/（/g, '(').replace(/）/g, ')').replace(/：/g, ':');

/** Lines of the goal's blocks: a block (lines with no blank between) with a line of a sentence in it. */
function goalBlockLines(tokens: ReadonlyArray<Token>): Set<number> {
  const lineText = new Map<number, string>();
  for (const t of tokens) lineText.set(t.line, (lineText.get(t.line) ?? '') + t.text);
  const out = new Set<number>();
  const lines = [...lineText.keys()];
  let start = 0;
  for (let k = 1; k <= lines.length; k++) {
    if (k < lines.length && lines[k] === lines[k - 1] + 1) continue;
    const block = lines.slice(start, k);
    if (block.some((l) => lineText.get(l)!.length >= GOAL_LINE && SENTENCE.test(lineText.get(l)!))) for (const l of block) out.add(l);
    start = k;
  }
  return out;
}

/** A number, with a comparator before it or a percent sign after it ("≥45", "15.6", "96.5%"). */
const NUMBER = /^(?:[≥≤<>=＞＜≧≦]\s*=?)?\d[\d.,]*%?$/;
/** A unit as printed after a number: a few ideographs, per-unit parts joined by "/" ("所", "人次", "元/", "人/年"). */
const UNIT = /^[\u4e00-\u9fa5]{1,3}(?:\/[\u4e00-\u9fa5]{0,2})*\/?$/;

/**
 * Office suites space Latin text and digits off ideographs (autospace), and pdftotext prints the space: a value
 * comes as "≥45 所", "15.6 万人次", "≤600 元/". A number and the unit after it on one line are joined into one
 * token, as a cell holds them.
 * @example joinSpacedUnits(tokens of "≥600 人次 计划标准").map((t) => t.text) // => ['≥600人次', '计划标准']
 */
export function joinSpacedUnits(tokens: ReadonlyArray<Token>): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    const before = out[out.length - 1];
    if (before !== undefined && before.line === t.line && t.gap === 'space' && NUMBER.test(before.text) && UNIT.test(t.text)) {
      out[out.length - 1] = {...before, text: before.text + t.text};
    } else out.push(t);
  }
  return out;
}
