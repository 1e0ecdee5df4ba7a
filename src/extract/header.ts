// Header tokens of a table → metadata (year, unit, project, leader, 万元 amounts, goal), each with its line;
// and the grid's column header (一级指标 … 佐证资料) → ordered column keys. Labels are matched on the text with
// whitespace removed, so labels and values split over lines or by spaces ("其中：财政拨" / "款") still read.
import type {ColumnKey, MetaField, TableKind} from '../types.ts';
import {COLUMN_ALIASES} from '../vocab.ts';
import type {Token} from './lines.ts';

/** Metadata read from a table header. Amounts are in 万元. */
export interface TableMeta {
  year: number | null;
  unit: string | null;
  project: string | null;
  leader: string | null;
  phone: string | null;
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
}

type LabelField = MetaField | 'marker';
interface Label {
  field: LabelField;
  pattern: RegExp;
  /** Only a label when a number follows (short words that also occur in names). */
  needsNumber?: boolean;
  /** After it, a narrative runs: only labels at the start of a line or cell end it. */
  narrative?: boolean;
}

const AMOUNT_UNIT = '(?:[（(](万元|元)[)）])?';
const LABELS: readonly Label[] = [
  {field: 'unit', pattern: /^(?:预算单位|部门[(（]单位[)）]名称|单位名称|部门名称|预算部门|实施单位)(?:[（(]盖章[)）])?[:：]?/},
  {field: 'project', pattern: /^项目名称[:：]?/},
  {field: 'leader', pattern: /^(?:项目负责人|部门联系人|单位联系人|联系人)[:：]?/},
  {field: 'phone', pattern: /^(?:联系电话|联系方式)[:：]?/},
  {field: 'marker', pattern: new RegExp(`^(?:项目资金|年度预算|资金来源)${AMOUNT_UNIT}[:：]?`)},
  {field: 'budget_total', pattern: new RegExp(`^(?:年度预算总额|年度资金总额|资金总额|预算总额|总额)${AMOUNT_UNIT}[:：]?`)},
  {field: 'budget_fiscal', pattern: new RegExp(`^(?:其中[:：]?)?(?:财政拨款|财政资金)${AMOUNT_UNIT}[:：]?`)},
  {field: 'budget_upper', pattern: /^上级(?:安排|补助)[:：]?/},
  {field: 'budget_local', pattern: /^本级(?:安排|财力安排|财力)[:：]?/},
  {field: 'budget_other', pattern: new RegExp(`^其他资金${AMOUNT_UNIT}[:：]?`)},
  {field: 'budget_other', pattern: /^其他[:：]?/, needsNumber: true},
  {field: 'goal', pattern: /^(?:项目总体目标|年度绩效目标|年度总体目标完成情况|年度总体目标|总体目标完成情况|总体目标|绩效目标)[:：]?/, narrative: true},
  {field: 'marker', pattern: /^(?:预算执行情况|全年执行数|预算执行率)[:：]?/},
];

const AMOUNT_FIELDS = new Set<LabelField>(['budget_total', 'budget_fiscal', 'budget_other', 'budget_upper', 'budget_local']);
const NUMBER_AT_START = /^[:：]?(-?\d[\d,，]*(?:\.\d+)?)/;

interface Found {
  label: Label;
  token: number;
  start: number;
  end: number;
  unitYuan: boolean;
}

/** Concatenate token texts; return the string and each token's start offset. */
function joinTokens(tokens: ReadonlyArray<Token>): {text: string; starts: number[]} {
  const starts: number[] = [];
  let text = '';
  for (const t of tokens) { starts.push(text.length); text += t.text; }
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
    let hit: {label: Label; match: string} | null = null;
    for (const label of LABELS) {
      // Inside a narrative, a label already read is a word of the narrative ("…与财政资金 30 万元").
      if (inNarrative && found.some((f) => f.label.field === label.field && label.field !== 'marker')) continue;
      const m = label.pattern.exec(rest);
      if (!m || (hit !== null && m[0].length <= hit.match.length)) continue;
      if (label.needsNumber && !NUMBER_AT_START.test(rest.slice(m[0].length))) continue;
      hit = {label, match: m[0]};
    }
    if (hit === null) continue;
    const end = starts[t] + hit.match.length;
    found.push({label: hit.label, token: t, start: starts[t], end, unitYuan: /[（(]元[)）]/.test(hit.match)});
    inNarrative = hit.label.narrative === true;
    narrativeStarted = false;
  }
  return found;
}

/**
 * Read a table's metadata from the tokens between its title and its grid header.
 * @example parseMeta(tokenizeLines(splitLines('预算单位 X中心\n项目名称 Y 项目负责人 王栋')), 'project').project // => 'Y'
 */
export function parseMeta(tokens: ReadonlyArray<Token>, kind: TableKind, title: string): TableMeta {
  const {text, starts} = joinTokens(tokens);
  const found = findLabels(tokens, text, starts);
  const meta: TableMeta = {
    year: null, unit: null, project: null, leader: null, phone: null, goal: null,
    budget_total: null, budget_fiscal: null, budget_other: null, budget_upper: null, budget_local: null,
    budget_total_source: null, lines: {}, unclaimed: [], badAmounts: [],
  };
  const firstLabelToken = found.length > 0 ? found[0].token : tokens.length;
  readYear(meta, tokens.slice(0, firstLabelToken), title);
  let yuan = false;
  for (let k = 0; k < found.length; k++) {
    const f = found[k];
    const valueEnd = k + 1 < found.length ? found[k + 1].start : text.length;
    const value = text.slice(f.end, valueEnd);
    const line = tokens[tokenAt(starts, Math.min(f.end, text.length - 1))].line;
    if (f.label.field === 'marker') { yuan = f.unitYuan; continue; }
    assignField(meta, f, value, yuan || f.unitYuan, line, tokens[f.token].line);
  }
  completeBudget(meta, kind);
  return meta;
}

/** The year: "(2024 年)" before the first label, or a year in the title. */
function readYear(meta: TableMeta, before: ReadonlyArray<Token>, title: string): void {
  for (const t of before) {
    const m = /^[（(]?(\d{4})年度?[)）]?$/.exec(t.text) ?? /(\d{4})年/.exec(t.text);
    if (m) { meta.year = Number(m[1]); meta.lines.year = t.line; continue; }
    if (!/^[（(]?(\d{4})$/.test(t.text) && !/^年度?[)）]?$/.test(t.text)) meta.unclaimed.push(t);
  }
  if (meta.year === null) {
    const joined = before.map((t) => t.text).join('');
    const m = /[（(](\d{4})年度?[)）]/.exec(joined) ?? /(\d{4})年/.exec(title);
    if (m) {
      meta.year = Number(m[1]);
      meta.unclaimed = meta.unclaimed.filter((t) => !/\d{4}|年/.test(t.text));
      if (before.length > 0) meta.lines.year = before[0].line;
    }
  }
}

function assignField(meta: TableMeta, f: Found, value: string, yuan: boolean, valueLine: number, labelLine: number): void {
  const field = f.label.field as MetaField;
  if (AMOUNT_FIELDS.has(field)) {
    const m = NUMBER_AT_START.exec(value);
    if (!m) {
      if (value.length > 0) meta.badAmounts.push({label: f.label.field, value, line: labelLine});
      return;
    }
    const amount = Number(m[1].replace(/[,，]/g, ''));
    const key = field as 'budget_total' | 'budget_fiscal' | 'budget_other' | 'budget_upper' | 'budget_local';
    if (meta[key] !== null) return; // the first printed amount wins ("其他资金（万元） 其他 80.00")
    meta[key] = yuan ? Math.round(amount) / 10000 : amount;
    meta.lines[field] = valueLine;
    return;
  }
  const v = value.replace(/^[:：]/, '');
  if (v.length === 0) return;
  if (field === 'unit' || field === 'project' || field === 'leader' || field === 'phone' || field === 'goal') {
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
    const suffix = HEADER_SUFFIX.exec(text.slice(at, at + 12));
    if (suffix) at += suffix[0].length;
    columns.push(hit[1]);
    names.push(hit[0]);
  }
  return {columns, names, end: at};
}

/**
 * Find the first grid header (一级指标 二级指标 …) starting at a token of `tokens[from..]`.
 * A header is at least three known column names in a row, one of them a 指标 name or 指标值.
 * @example findGridHeader(tokenizeLines(splitLines('一级\n指标\t二级指标\t三级指标\t指标值')), 0)?.columns // => ['level1', 'level2', 'level3', 'target']
 */
export function findGridHeader(tokens: ReadonlyArray<Token>, from = 0): GridHeader | null {
  const {text, starts} = joinTokens(tokens);
  for (let t = from; t < tokens.length; t++) {
    if (!ALIASES_BY_FIRST.has(text.charCodeAt(starts[t]))) continue;
    const m = matchColumnNames(text, starts[t]);
    if (m.columns.length < 3 || !(m.columns.includes('level3') || m.columns.includes('target'))) continue;
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
      const block = text.slice(starts[t], next < tokens.length ? starts[next] : text.length);
      const columns = columnsNamedIn(block);
      if (columns.length >= m.columns.length) {
        return {first: t, next, remainder: null, columns, names: columns.map((c) => CANONICAL_NAME[c])};
      }
    }
    return {first: t, next: last + 1, remainder, columns: m.columns, names: m.names};
  }
  return null;
}

/** A token made only of characters of column names ("据", "(必填)", "上年完成", "（100分）"). */
function isHeaderFragment(s: string): boolean {
  if (/\d/.test(s) && !/[（(]/.test(s)) return false; // a bare number is data (a weight)
  return /^[一二三级指标值设置定依据上年完成实际分值权重赋规则佐证资料材料内容名称性质度量计单位必填（）()\d％%长期年度目得偏差原因析及改进措施绩效准]+$/.test(s);
}

/** Signatures of each column in a header block, whatever the line breaks did to the names. */
const SIGNATURES: ReadonlyArray<readonly [ColumnKey, RegExp]> = [
  ['level1', /一级/], ['level2', /二级/], ['level3', /三级|指标内容|指标名称/], ['target_long', /长期/],
  ['target_nature', /指标性质/], ['target', /指标值(?!设)|目标值|年度目标/], ['target_unit', /度量单位|计量单位/],
  ['basis', /依据|设置依|设定依|绩效标准/], ['prior_year', /上年/], ['weight', /权重|分值/], ['actual', /实际/],
  ['score', /得分/], ['deviation', /偏差/], ['scoring_rule', /赋分/], ['evidence', /佐证/],
];
const CANONICAL_NAME: Record<ColumnKey, string> = {
  level1: '一级指标', level2: '二级指标', level3: '三级指标', target_long: '长期指标值', target_nature: '指标性质',
  target: '指标值', target_unit: '度量单位', basis: '指标值设置依据', prior_year: '上年完成值', weight: '指标分值权重',
  actual: '全年实际值', score: '得分', deviation: '偏差原因分析及改进措施', scoring_rule: '指标赋分规则', evidence: '佐证资料',
};

/** The columns a header block names, in the standard order. */
function columnsNamedIn(block: string): ColumnKey[] {
  return SIGNATURES.filter(([, re]) => re.test(block)).map(([c]) => c);
}
