// Header tokens of a table → metadata (year, unit, project, leader, 万元 amounts, goal), each with its line;
// and the grid's column header (一级指标 … 佐证资料) → ordered column keys. Labels are matched on the text with
// whitespace removed, so labels and values split over lines or by spaces ("其中：财政拨" / "款") still read;
// reading-order dumps' label pieces printed apart are joined, and their scrambled amounts read by 总额 = 财政 + 其他.
import type {ColumnKey, MetaField, TableKind} from '../types.ts';
import {COLUMN_ALIASES, GRID_LABELS} from '../vocab.ts';
import {asciiDigits, type Token} from './lines.ts';

/** Metadata read from a table header. Amounts are in 万元. */
export interface TableMeta {
  year: number | null;
  unit: string | null;
  project: string | null;
  leader: string | null;
  phone: string | null;
  /** 主管部门 (及代码): the unit when no 预算单位 / 实施单位 is printed. */
  department: string | null;
  goal: string | null;
  budget_total: number | null;
  budget_fiscal: number | null;
  budget_other: number | null;
  budget_upper: number | null;
  budget_local: number | null;
  budget_total_source: 'printed' | 'computed' | null;
  lines: Partial<Record<MetaField, number>>;
  /** Tokens that no label claimed (reported by the caller). */
  unclaimed: Token[];
  /** Amount labels whose value is not a number. */
  badAmounts: Array<{label: string; value: string; line: number}>;
  /** Page numbers printed among the header lines (see splitPageNumbers), read as no value. */
  pageNumbers: Token[];
}

/** A metadata field, a label that only marks a block (项目资金, 年度主要任务 …), or the row of amounts under
 *  amount labels printed as column heads (金额合计: see readAmountRow). */
type LabelField = MetaField | 'marker' | 'amount_row';
interface Label {
  field: LabelField;
  pattern: RegExp;
  /** Only a label when a number follows (short words that also occur in names). */
  needsNumber?: boolean;
  /** After it, a narrative runs: only labels at the start of a line or cell end it. */
  narrative?: boolean;
  /** Only a label when it is a whole token ("单位：万元", not the start of "单位：万元镇人民政府"). */
  wholeToken?: boolean;
}

const AMOUNT_UNIT = '(?:[（(](万元|元)[)）])?';
const LABELS: readonly Label[] = [
  // The line under a title saying what the amounts are in ("金额单位：万元"): 元 unless a label says otherwise.
  {field: 'marker', pattern: /^(?:金额|资金)?单位[:：](?:万元|元)/, wholeToken: true},
  {field: 'unit', pattern: /^(?:预算单位|部门[(（]单位[)）]名称|单位名称|部门名称|预算部门|实施单位)(?:[（(]盖章[)）])?[:：]?/},
  {field: 'project', pattern: /^项目名称[:：]?/},
  {field: 'leader', pattern: /^(?:项目负责人|部门联系人|单位联系人|联系人)[:：]?/},
  {field: 'phone', pattern: /^(?:联系电话|联系方式)[:：]?/},
  // The Ministry of Finance 申报表 (财预〔2020〕10号): "主管部门及代码 … 实施单位 …".
  {field: 'department', pattern: /^主管部门(?:及代码)?[:：]?/},
  {field: 'marker', pattern: new RegExp(`^(?:项目资金|年度预算|资金来源|预算金额)${AMOUNT_UNIT}[:：]?`)},
  // The 部门（单位）整体支出绩效目标申报表's task table: 年度主要任务 | 任务名称 | 主要内容 | 预算金额 (总额 / 财政拨款 /
  // 其他资金), one row per task, then 金额合计 with the table's amounts.
  {field: 'marker', pattern: /^(?:年度主要任务|任务名称|主要内容)/},
  {field: 'amount_row', pattern: /^金额合计[:：]?/},
  {field: 'budget_total', pattern: new RegExp(`^(?:年度预算总额|年度资金总额|资金总额|预算总额|总额)${AMOUNT_UNIT}[:：]?`)},
  {field: 'budget_fiscal', pattern: new RegExp(`^(?:其中[:：]?)?(?:财政拨款|财政资金)${AMOUNT_UNIT}[:：]?`)},
  {field: 'budget_upper', pattern: /^上级(?:安排|补助)[:：]?/},
  {field: 'budget_local', pattern: /^本级(?:安排|财力安排|财力)[:：]?/},
  {field: 'budget_other', pattern: new RegExp(`^其他资金${AMOUNT_UNIT}[:：]?`)},
  {field: 'budget_other', pattern: /^其他[:：]?/, needsNumber: true},
  // (The Ministry of Finance 申报表 head the goal's cell "年度目标" beside 总体目标.)
  {field: 'goal', pattern: /^(?:项目总体目标|年度绩效目标|年度总体目标完成情况|年度总体目标|总体目标完成情况|总体目标(?:年度目标)?|绩效目标)[:：]?/, narrative: true},
  {field: 'marker', pattern: /^(?:预算执行情况|全年执行数|预算执行率)[:：]?/},
];

/** Matches where any label's pattern does (they all match at the start): a text it fails opens with no label. */
const ANY_LABEL = new RegExp(`^(?:${LABELS.map((l) => l.pattern.source.replace(/^\^/, '')).join('|')})`);

/**
 * Does a token open with a header-block label (预算单位, 项目名称, 项目资金 …; not one that needs a number after it)?
 * @example isMetaLabel('单位名称') // => true
 */
export function isMetaLabel(text: string): boolean {
  return ANY_LABEL.test(text) && LABELS.some((l) => !l.needsNumber && l.pattern.test(text));
}

/**
 * Is the text a header-block label with its value after a colon ("预算单位：X局", "年度预算总额（万元）：2,860.00"), as
 * header blocks of label：value pairs print them?
 */
export function isLabelValuePair(text: string): boolean {
  return LABELS.some((l) => {
    const m = l.pattern.exec(text);
    return m !== null && !l.needsNumber && l.field !== 'marker' && /[:：]$/.test(m[0]) && m[0].length < text.length;
  });
}

/** Does a token open with a funding label of one table's header block (年度预算总额, 财政拨款, 其他资金, 上级安排 …)? */
export function isBudgetLabel(text: string): boolean {
  return ANY_LABEL.test(text) && LABELS.some((l) => AMOUNT_FIELDS.has(l.field) && !l.needsNumber && l.pattern.test(text));
}

/**
 * Is the text one whole metadata label ("预算单位", "项目资金（万元）", "年度总体目标完成情况") or grid column name
 * ("一级指标"), nothing else? Reading-order dumps may print such labels above the table's title.
 */
export function isLabelOnly(text: string): boolean {
  if (COLUMN_NAMES.has(text)) return true;
  return ANY_LABEL.test(text) && LABELS.some((l) => !l.needsNumber && l.pattern.exec(text)?.[0].length === text.length);
}

const COLUMN_NAMES = new Set(COLUMN_ALIASES.map(([name]) => name));

const AMOUNT_FIELDS = new Set<LabelField>(['budget_total', 'budget_fiscal', 'budget_other', 'budget_upper', 'budget_local']);
const NUMBER_AT_START = /^[:：]?(-?\d[\d,，]*(?:\.\d+)?)/;

interface Found {
  label: Label;
  token: number;
  start: number;
  end: number;
  unitYuan: boolean;
  /** The label names the amounts' unit (元 or 万元). */
  unitNamed: boolean;
}

/** A label naming 元 as the unit of its amounts ("项目资金（元）", "金额单位：元"; not 万元). */
const IN_YUAN = /(?:^|[^万])元/;

/** Does the table say its amounts are in 元 ("金额单位：元" under the title)? */
const tableInYuan = (found: ReadonlyArray<Found>): boolean => found.some((f) => f.label.wholeToken === true && f.unitYuan);

/**
 * Concatenate token texts from token `from` on; return the string and each token's start offset in it (0 for the
 * tokens before `from`).
 */
function joinTokens(tokens: ReadonlyArray<Token>, from = 0): {text: string; starts: number[]} {
  const starts: number[] = new Array(tokens.length).fill(0);
  let text = '';
  for (let t = from; t < tokens.length; t++) { starts[t] = text.length; text += tokens[t].text; }
  return {text, starts};
}

/** Index of the token that holds character `offset`. */
function tokenAt(starts: ReadonlyArray<number>, offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid; else hi = mid - 1;
  }
  return lo;
}

/** Find labels at token starts, in order. */
function findLabels(tokens: ReadonlyArray<Token>, text: string, starts: number[]): Found[] {
  const found: Found[] = [];
  let inNarrative = false;
  let narrativeStarted = false;
  for (let t = 0; t < tokens.length; t++) {
    if (found.length > 0 && starts[t] < found[found.length - 1].end) continue;
    // A narrative (项目总体目标) has at least one token and ends only at a label that starts a line.
    if (inNarrative && (!narrativeStarted || tokens[t].gap !== 'line')) { narrativeStarted = true; continue; }
    const rest = text.slice(starts[t], starts[t] + 60);
    if (!ANY_LABEL.test(rest)) continue;
    let hit: {label: Label; match: string} | null = null;
    for (const label of LABELS) {
      // Inside a narrative, a label already read is a word of the narrative ("…与财政资金 30 万元").
      if (inNarrative && found.some((f) => f.label.field === label.field && label.field !== 'marker')) continue;
      const m = label.pattern.exec(rest);
      if (!m || (hit !== null && m[0].length <= hit.match.length)) continue;
      if (label.needsNumber && !NUMBER_AT_START.test(asciiDigits(rest.slice(m[0].length)))) continue;
      if (label.wholeToken && m[0].length !== tokens[t].text.length) continue;
      hit = {label, match: m[0]};
    }
    if (hit === null) continue;
    const end = starts[t] + hit.match.length;
    found.push({label: hit.label, token: t, start: starts[t], end, unitYuan: IN_YUAN.test(hit.match), unitNamed: /元/.test(hit.match)});
    inNarrative = hit.label.narrative === true;
    narrativeStarted = false;
  }
  return found;
}

/**
 * Read a table's metadata from the tokens between its title and its grid header.
 * @example parseMeta(tokenizeLines(splitLines('预算单位 X中心\n项目名称 Y 项目负责人 王栋')), 'project').project // => 'Y'
 */
export function parseMeta(printed: ReadonlyArray<Token>, kind: TableKind, title: string, lineText?: (no: number) => string): TableMeta {
  const {kept, pageNumbers} = splitPageNumbers(printed);
  const {tokens, yearLine} = mergeSplitLabels(lineText ? centreStacks(raiseWrappedValues(kept, lineText), lineText) : kept);
  const {text, starts} = joinTokens(tokens);
  const found = findLabels(tokens, text, starts);
  const meta: TableMeta = {
    year: null, unit: null, project: null, leader: null, phone: null, department: null, goal: null,
    budget_total: null, budget_fiscal: null, budget_other: null, budget_upper: null, budget_local: null,
    budget_total_source: null, lines: {}, unclaimed: [], badAmounts: [], pageNumbers,
  };
  const firstLabelToken = found.length > 0 ? found[0].token : tokens.length;
  readYear(meta, tokens.slice(0, firstLabelToken), title);
  if (yearLine !== null && (meta.year === null || meta.lines.year === undefined)) { meta.year = yearLine.year; meta.lines.year = yearLine.line; }
  // Amounts are in 万元 unless a "金额单位：元" line or a label ("项目资金（元）") says 元; a label naming no unit
  // goes back to the table's unit.
  const tableYuan = tableInYuan(found);
  let yuan = tableYuan;
  // Labels printed in a column before their values ("预算单位" / "项目名称" / … / "X局" / "Y项目"): they wait
  // here, and the next value printed on lines below its own label fills them, one line each, in order.
  const waiting: Found[] = [];
  for (let k = 0; k < found.length; k++) {
    const f = found[k];
    const valueEnd = k + 1 < found.length ? found[k + 1].start : text.length;
    const value = text.slice(f.end, valueEnd);
    const line = tokens[tokenAt(starts, Math.min(f.end, text.length - 1))].line;
    const labelLine = tokens[f.token].line;
    const isText = TEXT_FIELDS.has(f.label.field);
    if (f.label.field === 'marker') yuan = f.unitNamed ? f.unitYuan : tableYuan;
    if (f.label.field === 'amount_row') continue; // read with its heads (readAmountRow)
    const next = k + 1 < found.length ? found[k + 1].token : tokens.length;
    // An amount is its value's first token: amounts of other labels may follow it unseparated ("0.00" "862.50").
    const amount = valuePieces(tokens, starts, f.end, next)[0]?.text ?? value;
    if (f.label.field !== 'marker' && !isText) { assignField(meta, f, amount, yuan || f.unitYuan, line, labelLine); continue; }
    const pieces = valueLines(tokens, starts, f.end, next);
    if (pieces.length === 0) { if (isText && f.label.narrative !== true) waiting.push(f); continue; }
    let rest = pieces;
    if (waiting.length > 0 && pieces[0].line !== labelLine && !NUMBER_AT_START.test(pieces[0].text)) {
      const given = pieces.length > waiting.length ? waiting.length : pieces.length;
      for (const piece of pieces.slice(0, given)) {
        const owner = waiting.shift() as Found;
        assignField(meta, owner, piece.text, false, piece.line, piece.line);
      }
      rest = pieces.slice(given);
    }
    if (f.label.field === 'marker' || rest.length === 0) continue;
    const lines = NAME_FIELDS.has(f.label.field) ? nameLines(rest) : rest;
    assignField(meta, f, isText ? lines.map((p) => p.text).join('') : value, false, line, labelLine);
  }
  readAmountRow(meta, tokens, starts, found);
  if (meta.unit === null && meta.department !== null) { meta.unit = meta.department; meta.lines.unit = meta.lines.department; }
  const printedConsistent = meta.budget_total !== null && meta.budget_fiscal !== null && meta.budget_other !== null
    && Math.abs(meta.budget_total - meta.budget_fiscal - meta.budget_other) < 0.005;
  completeBudget(meta, kind);
  if (!printedConsistent && found.some((f) => f.label.field === 'budget_other')) solveScrambledBudget(meta, tokens, found);
  return meta;
}

/** Fields whose value is a name (a unit, a project): no amount, no label. */
const NAME_FIELDS = new Set<LabelField>(['unit', 'project']);

/**
 * A name's lines among its value's: reading-order dumps may print the funding block's amounts before it ("实施单位"
 * / "1,860.00" / "1,600.00" / "260.00" / "清源县水利局" / "年度目标" …): amounts before it are skipped, and it ends
 * at an amount or a whole label printed after it.
 */
function nameLines(pieces: ReadonlyArray<{line: number; text: string}>): Array<{line: number; text: string}> {
  let first = 0;
  while (first < pieces.length - 1 && isAmountToken(pieces[first].text)) first++;
  let end = first + 1;
  while (end < pieces.length && !isAmountToken(pieces[end].text) && !isLabelOnly(pieces[end].text)) end++;
  return pieces.slice(first, end);
}

/** Spaces that part two cells of a column-preserving dump (a word printed in another column). */
const CELL_GAP = '   ';

/**
 * A column-preserving dump centres a label on its wrapped value: the value's first line is printed on the line
 * above the label, after the cell left of it ("项目名称 X项目    艾尼瓦尔·塔依" / "项目负责人 尔"). A line's last word,
 * a cell apart from the word before it and printed right of a label on the next line that has a value beside it,
 * is moved to head that label's value.
 */
function raiseWrappedValues(printed: ReadonlyArray<Token>, lineText: (no: number) => string): Token[] {
  const tokens = [...printed];
  const xOf = columnsOf(tokens, lineText);
  for (let i = 1; i + 2 < tokens.length; i++) {
    const [before, word, label, value] = [tokens[i - 1], tokens[i], tokens[i + 1], tokens[i + 2]];
    if (before.line !== word.line || label.line !== word.line + 1 || value.line !== label.line) continue;
    if (!isWholeTextLabel(label.text)) continue;
    if (isMetaLabel(word.text) || isMetaLabel(value.text) || /\d/.test(word.text)) continue;
    const between = lineText(word.line).slice(xOf.get(before)! + before.text.length, xOf.get(word));
    if (!between.includes(CELL_GAP) || xOf.get(word)! <= xOf.get(label)!) continue;
    tokens.splice(i, 2, label, word);
  }
  return tokens;
}

/**
 * An office suite's PDF centres each cell of a header row on the row: a cell of two or three lines beside cells of
 * one prints its lines above and below theirs ("项目负责" / "项目名称 X项目 王栋" / "人", "0797-" / "联系电话" /
 * "6623145", "其中：" / "财政拨" / "款"). Such a stack of words at one x, each a cell apart from the other words
 * of its line, with another cell's word on a line between its first and last, is read as one word on that line
 * (the one nearest its middle), placed by x among that line's words. Amounts stand alone (one line each), but for
 * the rest of a number wrapped after a dash; a label below another word opens a cell of its own.
 */
function centreStacks(printed: ReadonlyArray<Token>, lineText: (no: number) => string): Token[] {
  const xOf = columnsOf(printed, lineText);
  const byLine = new Map<number, Token[]>();
  for (const t of printed) {
    const on = byLine.get(t.line);
    if (on === undefined) byLine.set(t.line, [t]); else on.push(t);
  }
  // Where each line's text starts and ends (a word is apart at a line's edge); no slicing of long lines per word.
  const edges = new Map<number, [number, number]>();
  const edgesOf = (no: number): [number, number] => {
    let e = edges.get(no);
    if (e === undefined) {
      const text = lineText(no);
      edges.set(no, (e = [text.length - text.trimStart().length, text.trimEnd().length]));
    }
    return e;
  };
  const apart = (t: Token): boolean => {
    const text = lineText(t.line);
    const x = xOf.get(t)!;
    const end = x + t.text.length;
    const [first, last] = edgesOf(t.line);
    return (x <= first || text.startsWith(CELL_GAP, x - CELL_GAP.length)) && (end >= last || text.startsWith(CELL_GAP, end));
  };
  const taken = new Set<Token>();
  const placed = new Map<number, Token[]>(); // merged stacks by the line they are read on
  for (const t of printed) {
    if (taken.has(t) || !apart(t) || isAmountWord(t.text)) continue;
    const stack = [t];
    for (;;) {
      const last = stack[stack.length - 1];
      const below = (no: number): Token[] => byLine.get(no) ?? [];
      const overlaps = (u: Token): boolean => xOf.get(u)! < xOf.get(t)! + t.text.length && xOf.get(u)! + u.text.length > xOf.get(t)!;
      // The next piece is on the next line, or on the one after when nothing stands under the stack between.
      const lines = below(last.line + 1).some(overlaps) ? [last.line + 1] : [last.line + 1, last.line + 2];
      const next = lines.flatMap(below).find((u) => !taken.has(u) && Math.abs(xOf.get(u)! - xOf.get(t)!) <= 1 && apart(u) && !isMetaLabel(u.text)
        && (!isAmountWord(u.text) || last.text.endsWith('-')));
      if (next === undefined) break;
      stack.push(next);
    }
    // A label's pieces make the whole label ("单位名称（盖" "章）"), not a label and the next ("本级安排" "其他", "（盖章）"
    // "部门联系" "人").
    const texts = stack.map((u) => u.text);
    const labelInside = texts.some((_, k) => (k === 0 ? isMetaLabel(t.text) : isMetaLabel(texts.slice(k).join(''))));
    if (stack.length < 2 || (labelInside && !isLabelOnly(texts.join('')))) continue;
    const [top, bottom] = [stack[0].line, stack[stack.length - 1].line];
    const left = xOf.get(t)!;
    const right = left + Math.max(...stack.map((u) => u.text.length));
    const rowLines = [...byLine.keys()].filter((no) => no > top && no < bottom && byLine.get(no)!.some((u) => !stack.includes(u)))
      .sort((a, b) => Math.abs(a - (top + bottom) / 2) - Math.abs(b - (top + bottom) / 2));
    const row = rowLines.find((no) => byLine.get(no)!.every((u) => stack.includes(u) || xOf.get(u)! + u.text.length <= left || xOf.get(u)! >= right));
    if (row === undefined) continue;
    for (const u of stack) taken.add(u);
    const merged: Token = {...t, text: stack.map((u) => u.text).join(''), line: row, alsoLines: stack.map((u) => u.line).filter((no) => no !== row)};
    xOf.set(merged, left);
    placed.set(row, [...(placed.get(row) ?? []), merged]);
  }
  if (taken.size === 0) return [...printed];
  const out: Token[] = [];
  for (const no of [...new Set([...byLine.keys(), ...placed.keys()])].sort((a, b) => a - b)) {
    const line = [...(byLine.get(no) ?? []).filter((u) => !taken.has(u)), ...(placed.get(no) ?? [])].sort((a, b) => xOf.get(a)! - xOf.get(b)!);
    line.forEach((u, k) => out.push({...u, gap: k === 0 ? (out.length === 0 ? u.gap : 'line') : 'space'}));
  }
  return out;
}

const isAmountWord = (s: string): boolean => AMOUNT_TOKEN.test(asciiDigits(s));

/** Is a word a whole label of a text value printed beside it (项目负责人; not a narrative's)? */
const isWholeTextLabel = (text: string): boolean =>
  ANY_LABEL.test(text) && LABELS.some((l) => TEXT_FIELDS.has(l.field) && l.narrative !== true && !l.needsNumber && l.pattern.exec(text)?.[0] === text);

/** Each token's character column in its line. */
function columnsOf(tokens: ReadonlyArray<Token>, lineText: (no: number) => string): Map<Token, number> {
  const out = new Map<Token, number>();
  let cursor = 0;
  tokens.forEach((t, k) => {
    if (k === 0 || tokens[k - 1].line !== t.line) cursor = 0;
    const at = lineText(t.line).indexOf(t.text, cursor);
    out.set(t, at === -1 ? cursor : at);
    cursor = (at === -1 ? cursor : at) + t.text.length;
  });
  return out;
}

/**
 * Page numbers among the header lines: a lone whole number on its own line after a blank line, the next line
 * starting a page ("项目负责人 周先生" / "" / "1" / form feed) — else read as the end of the value above it.
 */
function splitPageNumbers(printed: ReadonlyArray<Token>): {kept: Token[]; pageNumbers: Token[]} {
  const kept: Token[] = [];
  const pageNumbers: Token[] = [];
  printed.forEach((t, i) => {
    const before = printed[i - 1];
    const after = printed[i + 1];
    const alone = before !== undefined && before.line < t.line - 1 && after !== undefined && after.line > t.line;
    if (alone && after.pageBreak === true && /^\d{1,4}$/.test(t.text)) pageNumbers.push(t); else kept.push(t);
  });
  return {kept, pageNumbers};
}

const AMOUNT_TOKEN = /^-?\d[\d,，]*(?:\.\d+)?[:：]?$/;
/** A token that is an amount (full-width digits too). */
const isAmountToken = (s: string): boolean => AMOUNT_TOKEN.test(asciiDigits(s));

/**
 * Reading-order dumps print the funding block's labels and amounts interleaved ("99.00 其中：财" / "0.00" /
 * "政拨款 99.00 金"), so label order does not tell which amount is which. When the amounts read do not
 * satisfy 年度预算总额 = 财政拨款 + 其他资金, the block's first printed amounts are assigned by that rule:
 * the total is the sum of the other two; of those, 财政拨款 is the larger (the usual case in these budgets).
 */
function solveScrambledBudget(meta: TableMeta, tokens: ReadonlyArray<Token>, found: ReadonlyArray<Found>): void {
  if (meta.budget_upper !== null || meta.budget_local !== null) return;
  const first = found.findIndex((f) => AMOUNT_FIELDS.has(f.label.field) || (f.label.field === 'marker' && /资金/.test(tokens[f.token].text)));
  if (first < 0) return;
  const goal = found.findIndex((f, k) => k > first && f.label.narrative === true);
  const end = goal < 0 ? tokens.length : found[goal].token;
  const yuan = tableInYuan(found) || found.some((f, k) => k >= first && f.unitYuan && f.token < end);
  const amounts = tokens.slice(found[first].token, end).filter((t) => isAmountToken(t.text)).slice(0, 4)
    .map((t) => ({line: t.line, value: parseAmount(t.text) as number})); // AMOUNT_TOKEN: a number
  for (const [a, b, c] of triples(amounts.length)) {
    const [t, x, y] = [amounts[a], amounts[b], amounts[c]];
    if (Math.abs(t.value - x.value - y.value) >= 0.005) continue;
    const [f, o] = x.value >= y.value ? [x, y] : [y, x];
    meta.budget_total = inWan(t.value, yuan); meta.budget_fiscal = inWan(f.value, yuan); meta.budget_other = inWan(o.value, yuan);
    meta.budget_total_source = 'printed';
    meta.lines.budget_total = t.line; meta.lines.budget_fiscal = f.line; meta.lines.budget_other = o.line;
    meta.badAmounts = meta.badAmounts.filter((bad) => !AMOUNT_FIELDS.has(bad.label as LabelField));
    return;
  }
}

/**
 * Amount labels printed as column heads ("总额 财政拨款 其他资金", each with no value of its own), rows of amounts
 * under them (one per task), and a 金额合计 row: the amounts of that row are the table's, in the heads' order. The
 * rows between are the tasks (their amounts are no budget of the table, and their text no bad amount). A dump that
 * prints the table column by column (pdfminer: "总额" / each task's amount / the 合计 amount) gives each head its
 * column's amounts: the one that is the sum of the others is the table's.
 */
function readAmountRow(meta: TableMeta, tokens: ReadonlyArray<Token>, starts: ReadonlyArray<number>, found: ReadonlyArray<Found>): void {
  const row = found.findIndex((f) => f.label.field === 'amount_row');
  if (row < 0) return;
  const readings = amountsByRow(tokens, starts, found, row) ?? amountsByColumn(tokens, starts, found);
  if (readings.length === 0) return;
  // The unit the last label naming one says ("预算金额（万元）", or "金额单位：元" under the title).
  const yuan = found.filter((f) => f.label.field === 'marker' && f.unitNamed && f.token < readings[0].head.token).pop()?.unitYuan === true;
  for (const {head, amount} of readings) {
    const field = head.label.field as 'budget_total' | 'budget_fiscal' | 'budget_other' | 'budget_upper' | 'budget_local';
    meta[field] = inWan(parseAmount(amount.text) as number, yuan); // AMOUNT_TOKEN: a number
    meta.lines[field] = amount.line;
  }
  const headFields = new Set<string>(readings.map((r) => r.head.label.field));
  meta.badAmounts = meta.badAmounts.filter((bad) => !headFields.has(bad.label));
}

/** A head label and the amount of the table it reads (see readAmountRow). */
type HeadAmount = {head: Found; amount: {line: number; text: string}};

/** The 金额合计 row's amounts under heads printed side by side before it; null when the dump shows no such heads. */
function amountsByRow(tokens: ReadonlyArray<Token>, starts: ReadonlyArray<number>, found: ReadonlyArray<Found>, row: number): HeadAmount[] | null {
  // (A label of the task table may be printed among its rows: "年度主要任务" centred on them.)
  let last = row;
  while (last > 0 && found[last - 1].label.field === 'marker') last--;
  let first = last;
  while (first > 0 && AMOUNT_FIELDS.has(found[first - 1].label.field)) first--;
  const heads = found.slice(first, last);
  // Each head but the last is followed at once by the next: the heads are printed side by side, with no value.
  if (heads.length < 2 || heads.slice(0, -1).some((f, k) => f.end !== heads[k + 1].start)) return null;
  const next = row + 1 < found.length ? found[row + 1].token : tokens.length;
  const amounts = valuePieces(tokens, starts, found[row].end, next).filter((p) => isAmountToken(p.text));
  return amounts.length < heads.length ? null : heads.map((head, k) => ({head, amount: amounts[k]}));
}

/** Each amount label's column of amounts (three or more), read for the one that is the sum of the others. */
function amountsByColumn(tokens: ReadonlyArray<Token>, starts: ReadonlyArray<number>, found: ReadonlyArray<Found>): HeadAmount[] {
  const out: HeadAmount[] = [];
  found.forEach((head, k) => {
    if (!AMOUNT_FIELDS.has(head.label.field)) return;
    const next = k + 1 < found.length ? found[k + 1].token : tokens.length;
    const amounts = valuePieces(tokens, starts, head.end, next).filter((p) => isAmountToken(p.text));
    const values = amounts.map((p) => parseAmount(p.text) as number); // AMOUNT_TOKEN: a number
    const whole = values.reduce((a, b) => a + b, 0);
    const sum = amounts.findIndex((_, j) => Math.abs(2 * values[j] - whole) < 0.005);
    if (amounts.length >= 3 && sum >= 0) out.push({head, amount: amounts[sum]});
  });
  return out;
}

/** Index triples (sum, part, part) over n items, earliest first, parts in printed order. */
function triples(n: number): Array<[number, number, number]> {
  const out: Array<[number, number, number]> = [];
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) for (let c = b + 1; c < n; c++) if (a !== b && a !== c) out.push([a, b, c]);
  return out;
}

const TEXT_FIELDS = new Set<LabelField>(['unit', 'project', 'leader', 'phone', 'department', 'goal']);

/** Label words of the closed vocabulary that converters split into pieces printed apart ("项目负" … "责人"). */
const SPLIT_LABELS = [
  '预算单位', '单位名称', '部门名称', '项目名称', '项目负责人', '部门联系人', '单位联系人', '联系电话', '项目资金(万元)',
  '项目资金(元)', '年度预算总额', '其中:财政拨款', '财政拨款', '财政资金', '其他资金', '项目总体目标', '年度绩效目标',
  // The Ministry of Finance 申报表 (项目支出 and 部门（单位）整体支出), whose label column is narrow.
  '主管部门及代码', '部门(单位)名称', '年度资金总额',
];
/** Pieces of amount labels and marks left in a value's end ("其他资", "其中：财", "金", "（盖章）"). */
const LABEL_PIECE = /^(?:其中?[:：]?(?:财政?拨?)?|其他资?|财政?拨?|政?拨?款|金[:：]?|[（(]盖章[)）]|[（(]?万?元[)）])$/;
/** Every proper beginning of a split label: only a token that is one can start a label printed apart. */
const SPLIT_LABEL_HEADS = new Set(SPLIT_LABELS.flatMap((l) => Array.from({length: l.length - 1}, (_, k) => l.slice(0, k + 1))));
/** The first characters of the split labels (none of them one that `plain` rewrites) and their longest head. */
const SPLIT_LABEL_FIRSTS = new Set(SPLIT_LABELS.map((l) => l[0]));
const LONGEST_SPLIT_HEAD = Math.max(...SPLIT_LABELS.map((l) => l.length - 1));
/** Is a token's text (full-width marks read as plain) a proper beginning of a split label? Cheap tests first. */
const isSplitLabelHead = (text: string): boolean =>
  text.length <= LONGEST_SPLIT_HEAD && SPLIT_LABEL_FIRSTS.has(text[0]) && SPLIT_LABEL_HEADS.has(plain(text));
/** A line holding only a table's year, "（2025年度）" (spaces removed, digits ASCII). */
export const YEAR_LINE = /^[（(]\d{4}年度?[)）]$/;
const COLUMN_NAMES_AMONG_META = new Set(['一级指标', '二级指标']);
const plain = (s: string): string => (FULL_WIDTH_MARK.test(s) ? s.replace(/（/g, '(').replace(/）/g, ')').replace(/：/g, ':') : s);
const FULL_WIDTH_MARK = /[（）：]/;

/**
 * Join label pieces printed apart ("项目负" … "责人", "其他资" … "金", "其中：财" … "政拨款") into one token
 * at the first piece; drop lines that are only the year ("(2024" "年)") and level column names printed
 * among the metadata, returning the year read.
 */
function mergeSplitLabels(printed: ReadonlyArray<Token>): {tokens: Token[]; yearLine: {year: number; line: number} | null} {
  let yearLine: {year: number; line: number} | null = null;
  // Most header blocks print their labels whole: nothing to join or drop.
  const suspect = (t: Token): boolean => isSplitLabelHead(t.text) || COLUMN_NAMES_AMONG_META.has(t.text) || /^[（(]\d{4}/.test(t.text);
  if (!printed.some(suspect)) return {tokens: printed.map((t) => ({...t})), yearLine};
  const lineText = new Map<number, string>();
  for (const t of printed) lineText.set(t.line, (lineText.get(t.line) ?? '') + t.text);
  // The year of each line that is a year line ("（2025 年度）"), null for the others: worked out once per line.
  const years = new Map<number, number | null>();
  const yearOf = (no: number): number | null => {
    let year = years.get(no);
    if (year === undefined) {
      const whole = asciiDigits(lineText.get(no) ?? '');
      years.set(no, (year = YEAR_LINE.test(whole) ? Number(/\d{4}/.exec(whole)?.[0]) : null));
    }
    return year;
  };
  const tokens: Token[] = [];
  for (const t of printed) {
    const year = yearOf(t.line);
    if (year !== null && tokens.length > 0) { yearLine ??= {year, line: t.line}; continue; }
    if (COLUMN_NAMES_AMONG_META.has(t.text)) continue;
    tokens.push({...t});
  }
  const taken = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    if (taken.has(i) || /\d/.test(tokens[i].text)) continue;
    if (!isSplitLabelHead(tokens[i].text)) continue;
    const head = plain(tokens[i].text);
    for (const label of SPLIT_LABELS) {
      if (!label.startsWith(head) || head.length >= label.length) continue;
      const pieces = labelPieces(tokens, i, head, label, taken);
      if (pieces === null) continue;
      tokens[i] = {...tokens[i], text: tokens[i].text + pieces.map((j) => tokens[j].text).join(''),
        alsoLines: [...(tokens[i].alsoLines ?? []), ...pieces.map((j) => tokens[j].line)]};
      for (const j of pieces) taken.add(j);
      break;
    }
  }
  return {tokens: tokens.filter((_, k) => !taken.has(k)), yearLine};
}

/**
 * The tokens that complete `label` after its head at token `i`: its tail in one piece ("项目负" … "责人"), or,
 * for a label wrapped in a narrow cell, in pieces down the following lines ("其" / "中：" / "财政" / "拨款").
 */
function labelPieces(tokens: ReadonlyArray<Token>, i: number, head: string, label: string, taken: ReadonlySet<number>): number[] | null {
  const tail = label.slice(head.length);
  // The tail in one piece, at most ten tokens after the head, else at most four before it (a colon may end it).
  const isTail = (x: number): boolean => {
    const {length} = tokens[x].text;
    return (length === tail.length || length === tail.length + 1) && !taken.has(x) && plain(tokens[x].text).replace(/:$/, '') === tail;
  };
  for (let x = i + 1; x < Math.min(tokens.length, i + 11); x++) if (isTail(x)) return [x];
  for (let x = Math.max(0, i - 4); x < i; x++) if (isTail(x)) return [x];
  const pieces: number[] = [];
  let joined = head;
  while (joined.length < label.length) {
    const from = pieces.length > 0 ? pieces[pieces.length - 1] : i;
    const continues = (x: number): boolean => {
      const text = plain(tokens[x].text);
      return !taken.has(x) && !/\d/.test(text) && text.length > 0 && tokens[x].line > tokens[from].line
        && (label.startsWith(joined + text) || label === joined + text.replace(/:$/, ''));
    };
    let next = -1;
    for (let x = from + 1; x < Math.min(tokens.length, from + 11); x++) if (continues(x)) { next = x; break; }
    if (next === -1) return null;
    pieces.push(next);
    joined = label.startsWith(joined + plain(tokens[next].text)) ? joined + plain(tokens[next].text) : label;
  }
  return pieces;
}

/** A label's value as token pieces: text from `offset` up to token `end`, split where the tokens are. */
function valuePieces(tokens: ReadonlyArray<Token>, starts: ReadonlyArray<number>, offset: number, end: number): Array<{line: number; text: string}> {
  const first = tokenAt(starts, offset);
  const parts: Array<{line: number; text: string}> = [];
  for (let t = first; t < end && t < tokens.length; t++) {
    const piece = t === first ? tokens[t].text.slice(offset - starts[t]).replace(/^[:：]/, '') : tokens[t].text;
    if (piece.length > 0 && (starts[t] + tokens[t].text.length > offset)) parts.push({line: tokens[t].line, text: piece});
  }
  return parts;
}

/** A label's value as the lines it is printed on, label pieces at its end dropped. */
function valueLines(tokens: ReadonlyArray<Token>, starts: ReadonlyArray<number>, offset: number, end: number): Array<{line: number; text: string}> {
  const parts = valuePieces(tokens, starts, offset, end);
  while (parts.length > 0 && LABEL_PIECE.test(parts[parts.length - 1].text)) parts.pop();
  const lines: Array<{line: number; text: string}> = [];
  for (const p of parts) {
    if (lines.length > 0 && lines[lines.length - 1].line === p.line) lines[lines.length - 1].text += p.text;
    else lines.push({...p});
  }
  return lines;
}

/** The year: "(2024 年)" before the first label, or a year in the title. */
function readYear(meta: TableMeta, before: ReadonlyArray<Token>, title: string): void {
  for (const t of before) {
    const text = asciiDigits(t.text);
    const m = /^[（(]?(\d{4})年度?[)）]?$/.exec(text) ?? /(\d{4})年/.exec(text);
    if (m) { meta.year = Number(m[1]); meta.lines.year = t.line; continue; }
    if (!/^[（(]?(\d{4})$/.test(text) && !/^年度?[)）]?$/.test(text)) meta.unclaimed.push(t);
  }
  if (meta.year === null) {
    const joined = asciiDigits(before.map((t) => t.text).join(''));
    const m = /[（(](\d{4})年度?[)）]/.exec(joined) ?? /(\d{4})年/.exec(asciiDigits(title));
    if (m) {
      meta.year = Number(m[1]);
      meta.unclaimed = meta.unclaimed.filter((t) => !/\d{4}|年/.test(asciiDigits(t.text)));
      if (before.length > 0) meta.lines.year = before[0].line;
    }
  }
}

/** A printed amount ("1,274,400", "99.00", "80.00："): the number, or null when it is none. */
export function parseAmount(printed: string): number | null {
  const v = Number(asciiDigits(printed).replace(/[,，:：]/g, ''));
  return printed === '' || !Number.isFinite(v) ? null : v;
}

/** An amount in 万元: one printed in 元 is rounded to the 元 and divided by 10,000. */
export const inWan = (amount: number, yuan: boolean): number => (yuan ? Math.round(amount) / 10000 : amount);

function assignField(meta: TableMeta, f: Found, value: string, yuan: boolean, valueLine: number, labelLine: number): void {
  const field = f.label.field as MetaField;
  if (AMOUNT_FIELDS.has(field)) {
    const m = NUMBER_AT_START.exec(asciiDigits(value));
    if (!m) {
      if (value.length > 0) meta.badAmounts.push({label: f.label.field, value, line: labelLine});
      return;
    }
    const amount = parseAmount(m[1]) as number; // NUMBER_AT_START matched a number
    const key = field as 'budget_total' | 'budget_fiscal' | 'budget_other' | 'budget_upper' | 'budget_local';
    if (meta[key] !== null) return; // the first printed amount wins ("其他资金（万元） 其他 80.00")
    meta[key] = inWan(amount, yuan);
    meta.lines[field] = valueLine;
    return;
  }
  const v = value.replace(/^[:：]/, '');
  if (v.length === 0) return;
  if (field === 'unit' || field === 'project' || field === 'leader' || field === 'phone' || field === 'department' || field === 'goal') {
    if (meta[field] === null) { meta[field] = v; meta.lines[field] = labelLine; }
  }
}

/** Derive what is not printed: fiscal = 上级 + 本级; total = fiscal + other. */
function completeBudget(meta: TableMeta, kind: TableKind): void {
  const round = (x: number): number => Math.round(x * 1e6) / 1e6;
  if (meta.budget_fiscal === null && (meta.budget_upper !== null || meta.budget_local !== null)) {
    meta.budget_fiscal = round((meta.budget_upper ?? 0) + (meta.budget_local ?? 0));
    meta.lines.budget_fiscal = meta.lines.budget_upper ?? meta.lines.budget_local;
  }
  if (meta.budget_total !== null) {
    meta.budget_total_source = 'printed';
  } else if (meta.budget_fiscal !== null || meta.budget_other !== null) {
    meta.budget_total = round((meta.budget_fiscal ?? 0) + (meta.budget_other ?? 0));
    meta.budget_total_source = 'computed';
    meta.lines.budget_total = meta.lines.budget_fiscal ?? meta.lines.budget_other;
  }
  if (kind === 'project' && meta.budget_other === null && meta.budget_total !== null && meta.budget_fiscal !== null) {
    meta.budget_other = round(meta.budget_total - meta.budget_fiscal);
  }
}

/** The grid header found in a token stream. */
export interface GridHeader {
  /** Index of the first header token. */
  first: number;
  /** Index of the first token after the header (a token split by the header's end counts as after it). */
  next: number;
  /** When the header ends inside a token: the rest of that token, to be read as grid. */
  remainder: string | null;
  columns: ColumnKey[];
  /** The header names as printed (compact). */
  names: string[];
}

const ALIASES = [...COLUMN_ALIASES].sort((a, b) => b[0].length - a[0].length);
/** The column names by their first character (UTF-16 code), longest first: a token starting otherwise starts no header. */
const ALIASES_BY_FIRST = new Map<number, Array<readonly [string, ColumnKey]>>();
for (const alias of ALIASES) {
  const list = ALIASES_BY_FIRST.get(alias[0].charCodeAt(0));
  if (list) list.push(alias); else ALIASES_BY_FIRST.set(alias[0].charCodeAt(0), [alias]);
}
/** 1 at the UTF-16 code of each column name's first character. */
const ALIAS_FIRSTS = new Uint8Array(0x10000);
for (const code of ALIASES_BY_FIRST.keys()) ALIAS_FIRSTS[code] = 1;
const HEADER_SUFFIX = /^(?:[（(][^（()）]{0,10}[)）]|[*＊])/;

/** Match consecutive column names at offset `pos`; returns the columns and where the match ends. */
function matchColumnNames(text: string, pos: number): {columns: ColumnKey[]; names: string[]; end: number} {
  const columns: ColumnKey[] = [];
  const names: string[] = [];
  let at = pos;
  for (;;) {
    const hit = ALIASES_BY_FIRST.get(text.charCodeAt(at))?.find(([name]) => text.startsWith(name, at));
    if (!hit) break;
    at += hit[0].length;
    const suffix = HEADER_SUFFIX.exec(text.slice(at, at + 12)) ?? cutSuffix(text, at);
    if (suffix) at += suffix[0].length;
    columns.push(hit[1]);
    names.push(hit[0]);
  }
  return {columns, names, end: at};
}

/** A unit suffix wrapped inside its column ("项目资金（万" … "元）"): its first line, when the next name follows it. */
function cutSuffix(text: string, at: number): [string] | null {
  if (!/[（(]/.test(text[at] ?? '')) return null;
  for (let end = at + 2; end <= at + 8 && !/[（()）]/.test(text[end - 1]); end++) {
    if (ALIASES.some(([name]) => text.startsWith(name, end))) return [text.slice(at, end)];
  }
  return null;
}

/**
 * Find the first grid header (一级指标 二级指标 …) starting at a token of `tokens[from..]`.
 * A header is at least three known column names in a row, one of them a 指标 name or 指标值.
 * @example findGridHeader(tokenizeLines(splitLines('一级\n指标\t二级指标\t三级指标\t指标值')), 0)?.columns // => ['level1', 'level2', 'level3', 'target']
 */
export function findGridHeader(tokens: ReadonlyArray<Token>, from = 0): GridHeader | null {
  // Only a token opening with a column name's first character starts a header (an empty token: the next one's).
  let t = from;
  for (; t < tokens.length; t++) {
    const code = tokens[t].text.charCodeAt(0);
    if (code !== code || ALIAS_FIRSTS[code] === 1) break;
  }
  if (t === tokens.length) return null;
  const {text, starts} = joinTokens(tokens, from);
  for (; t < tokens.length; t++) {
    if (ALIAS_FIRSTS[text.charCodeAt(starts[t])] !== 1) continue;
    const m = matchColumnNames(text, starts[t]);
    if (m.columns.length < 3 || !(m.columns.includes('level3') || m.columns.includes('target'))) continue;
    // 项目资金 / 年度绩效目标 open a grid only after 项目名称 (alone they are header-block labels).
    if (PROJECT_ONLY.has(m.columns[0])) continue;
    const last = tokenAt(starts, m.end - 1);
    const lastEnd = starts[last] + tokens[last].text.length;
    const remainder = m.end < lastEnd ? text.slice(m.end, lastEnd) : null;
    // Names wrapped and interleaved over several lines ("二级指标(必" … "填)", "指标值设置依" … "据"):
    // read the whole block of header fragments and take the columns it names, in the standard order.
    let next = last + 1;
    if (remainder === null || isHeaderFragment(remainder)) {
      while (next < tokens.length && isHeaderFragment(tokens[next].text)) next++;
    }
    if (next > last + 1 || (remainder !== null && isHeaderFragment(remainder))) {
      const first = headerLinesBefore(tokens, t, from);
      const block = text.slice(starts[first], next < tokens.length ? starts[next] : text.length);
      const columns = columnsNamedIn(block);
      if (columns.length >= m.columns.length) {
        const names = columns.map((c) => (m.columns.includes(c) ? m.names[m.columns.indexOf(c)] : CANONICAL_NAME[c]));
        return withGridLabel(tokens, {first, next, remainder: null, columns, names}, from);
      }
    }
    // Group names over their columns' names ("长期目标 年度目标" over "长期指标值 年度指标值", the group row printed
    // above the others): a column named twice over several lines is read as a block too, in the standard order.
    // (Names printed one to a line are a reading-order dump's: its reader takes them in the order printed.)
    const lines = new Set(tokens.slice(t, last + 1).map((x) => x.line)).size;
    if (new Set(m.columns).size < m.columns.length && lines > 1 && lines < last + 1 - t) {
      const columns = columnsNamedIn(text.slice(starts[t], lastEnd));
      if (new Set(columns).size === new Set(m.columns).size) {
        const names = columns.map((c) => m.names[m.columns.indexOf(c)] ?? CANONICAL_NAME[c]);
        return withGridLabel(tokens, {first: t, next: last + 1, remainder, columns, names}, from);
      }
    }
    return withGridLabel(tokens, {first: t, next: last + 1, remainder, columns: m.columns, names: m.names}, from);
  }
  return null;
}

const PROJECT_ONLY = new Set<ColumnKey>(['project_budget', 'project_goal']);

/** Most tokens a grid label (GRID_LABELS) is printed in before the header ("年度绩效指" / "标"). */
const GRID_LABEL_PIECES = 3;

/**
 * The header with the grid label printed just before it ("年度绩效指标", vocab GRID_LABELS): the label's cell is
 * merged over the header and the rows, so it is printed with the header, whole or wrapped ("年度绩效指" before
 * 一级指标, its last piece "标" the first word after 指标值).
 */
function withGridLabel(tokens: ReadonlyArray<Token>, header: GridHeader, from: number): GridHeader {
  for (let k = Math.max(from, header.first - GRID_LABEL_PIECES); k < header.first; k++) {
    const before = tokens.slice(k, header.first).map((t) => t.text).join('');
    const label = GRID_LABELS.find((l) => l.startsWith(before) && before.length >= 2);
    if (label === undefined) continue;
    const tail = label.slice(before.length);
    const next = tail !== '' && header.remainder === null && tokens[header.next]?.text === tail ? header.next + 1 : header.next;
    return {...header, first: k, next};
  }
  return header;
}

/**
 * Where a header block really starts: reading-order dumps print the first lines of wrapped names ("一级指
 * 二级指", "上年完成 指标分") before the line where three whole names follow each other. Whole lines of header
 * fragments just before token t (from `from` on) belong to the block.
 */
function headerLinesBefore(tokens: ReadonlyArray<Token>, t: number, from: number): number {
  let first = t;
  while (first > from && tokens[first - 1].line === tokens[t].line) first--;
  const isNamePiece = (x: Token): boolean => isHeaderFragment(x.text) && /[级指标值上年序]/.test(x.text);
  // Fragments before t on its line ("指标值设置依 分值" / "三级指标" …) are the first lines of wrapped names too.
  const sameLine = tokens.slice(first, t).every(isNamePiece);
  for (;;) {
    let k = first;
    while (k > from && tokens[k - 1].line === tokens[first - 1]?.line) k--;
    if (k === first || !tokens.slice(k, first).every(isNamePiece)) return first === t || tokens[first].line !== tokens[t].line || sameLine ? first : t;
    first = k;
  }
}

/** A token made only of characters of column names ("据", "(必填)", "上年完成", "（100分）", "全年实际值"). */
export function isHeaderFragment(s: string): boolean {
  if (/\d/.test(s) && !/[（(]/.test(s)) return false; // a bare number is data (a weight)
  return /^[一二三级全指标值设置定依据上年完成实际分值权重赋规则佐证资料材料内容名称性质度量计单位必填（）()\d％%长期年度目得偏差原因析及改进措施绩效准万元序号解释备注]+$/.test(s);
}

/**
 * Signatures of each column in a header block, whatever the line breaks did to the names ("绩效标" / "准", "年度指标" /
 * "值"), in the standard order (a 自评表 prints 全年实际值 before 分值).
 */
const SIGNATURES: ReadonlyArray<readonly [ColumnKey, RegExp]> = [
  ['seq', /序/], ['project', /项目名称/], ['project_budget', /项目资金|项目金额|预算金额|预算资金/], ['project_goal', /绩效目标|总体目标/],
  ['level1', /一级/], ['level2', /二级/], ['level3', /三级|指标内容|指标名称/], ['target_long', /长期/],
  ['target_nature', /指标性质/], ['target', /指标值(?!设)|目标值|年度目标|年度指标/], ['target_unit', /度量单位|计量单位/],
  ['basis', /依据|设置依|设定依|绩效标/], ['prior_year', /上年/], ['actual', /实际/], ['weight', /权重|分值/],
  ['score', /得分/], ['deviation', /偏差/], ['scoring_rule', /赋分/], ['evidence', /佐证/],
  ['explanation', /指标解释|指标说明/], ['remark', /备注/],
];
/** The standard name of each column. */
export const CANONICAL_NAME: Record<ColumnKey, string> = {
  project: '项目名称', project_budget: '项目资金', project_goal: '年度绩效目标',
  level1: '一级指标', level2: '二级指标', level3: '三级指标', target_long: '长期指标值', target_nature: '指标性质',
  target: '指标值', target_unit: '度量单位', basis: '指标值设置依据', prior_year: '上年完成值', weight: '指标分值权重',
  actual: '全年实际值', score: '得分', deviation: '偏差原因分析及改进措施', scoring_rule: '指标赋分规则', evidence: '佐证资料',
  seq: '序号', explanation: '指标解释', remark: '备注',
};

/** The columns a header block names, in the standard order. */
function columnsNamedIn(block: string): ColumnKey[] {
  return SIGNATURES.filter(([, re]) => re.test(block)).map(([c]) => c);
}
