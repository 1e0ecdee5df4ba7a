// Column-preserving dumps (pdftotext -layout): one table row spans several physical lines, its single-line cells
// on one "anchor" line (the one holding the weight, or the 指标值 in a table without weights) and its wrapped cells
// continued on the lines around it at
// about the same x; merged 一级/二级 labels are printed across their span, split over lines. This reads such a
// grid in two dimensions: token x positions → label fragments | body tokens → rows (anchor + the continuation
// lines that read best with it, a wrapped cell's lines full but its last) → one token stream per row, in column
// order → GridParse per row. A label printed on a line may be centred half a line below it; among readings that
// fit as well, a 二级 heads the rows that measure what it names (counts, rates, deadlines …). In a flat table
// listing several projects, the project columns left of 一级 are read like labels: split off, joined per project
// and given to the first row of the span they are centred on; a leading 序号 column's numbers go to the row whose
// lines they are printed on.
import type {ColumnKey} from '../types.ts';
import {admitsChild, BASES, EVIDENCE, GRID_LABELS, isBasis, isEvidence, isLevel1, isLevel2, isScoringRule, LEVEL_NAMES, PROJECT_COLUMNS, SCORING_RULES} from '../vocab.ts';
import {cellScore, parseValue, parseWeight, type ParsedValue, type ScoreContext} from './grammar.ts';
import {segmentGrid, type GridOptions, type GridParse} from './grid.ts';
import {asciiDigits, linesOf, type Token} from './lines.ts';
import {isHeaderFragment} from './header.ts';
import {LEVEL2_KIND, measuredKind, type RowKind} from './row-kind.ts';
import {maxOf, minOf, pushAll} from '../arrays.ts';

/** A token with its character column in its line. */
interface Placed {
  token: Token;
  x: number;
  /** Characters it covers in its line (more than its text's when spaces lay between its pieces: findWord). */
  width: number;
  /** A label fragment only if it joins the label above (else it goes back to the body). */
  unsure?: boolean;
}

/** The tokens of one source line, left to right. */
interface Row2D {
  line: number;
  /** Page index: the number of page breaks before this line. */
  page: number;
  labels: Placed[];
  body: Placed[];
  /** Words of the project columns of a flat multi-project table (left of the 一级 column). */
  project: Placed[];
  /** The row number (序号) opening the line, in a table with such a column. */
  seq?: Placed;
  /** Lines below this one that the labels on it may be centred on (the rest of its column-major block). */
  blockBelow?: number;
}

/** A label joined from fragments in one label column, with its vertical centre. */
interface Label {
  column: 'level1' | 'level2';
  parts: Placed[];
  text: string;
  centre: number;
  /** How far below `centre` the label's true centre may lie (see spanStarts). */
  reach: number;
  page: number;
}

/** Longest run of lines between two anchors that is searched for the best split (beyond: split at the middle). */
const MAX_GAP_LINES = 12;
/** Cost per line of distance between a continuation line and its row's anchor (ties go to the nearer row). */
const DISTANCE_COST = 0.3;
/** Extra cost for a row with lines on another page than its anchor (rows are rarely split by a page): once a row. */
const OTHER_PAGE_COST = 1;
/** Extra cost for a continuation line above its anchor (pdftotext puts a row's single-line cells on its top line). */
const ABOVE_COST = 0.2;

/**
 * Read a column-preserving grid into one parse per table row.
 * @param tokens Grid tokens in source order (page furniture removed).
 * @param lineText The text of a source line, by 1-based number.
 * @returns Parses in row order, or null when the grid shows no anchor lines (nothing to read in 2-D).
 */
export function readColumnar(
  tokens: ReadonlyArray<Token>, lineText: (no: number) => string, options: GridOptions,
): GridParse[] | null {
  const {kept: placed, pageNumbers} = dropPageNumbers(placeTokens(tokens, lineText));
  const flat = options.columns.some((c) => PROJECT_COLUMNS.has(c));
  if (flat) {
    splitProjectWords(placed);
    options = {...options, columns: options.columns.filter((c) => !PROJECT_COLUMNS.has(c))};
  }
  if (options.columns.includes('seq')) {
    splitRowNumbers(placed);
    options = {...options, columns: options.columns.filter((c) => c !== 'seq')};
  }
  const gridLabel = splitGridLabel(placed);
  const edgesOf = alignPages(placed);
  if (edgesOf === null) return null;
  for (const l of placed) splitLabels(l, edgesOf(l.page));
  const isAnchorWord = anchorWordTest(options);
  const lines = unfoldColumnMajor(placed, isAnchorWord);
  const labels = joinLabels(lines, edgesOf);
  const anchors = findAnchors(lines, options.columns, isAnchorWord);
  if (anchors.length < 2) return null;
  const reading: Reading = {options, level3Start: edgesOf(0).level3}; // (the same on every page, once aligned)
  const spans = chooseSpans(lines, anchors, labels, reading);
  const rows = spans.map(([top, bottom], k) => rowStream(lines.slice(top, bottom + 1), anchors[k] - top, reading));
  const projects = flat ? projectLabels(lines) : [];
  const parsed = rows.map((row) => readRow(row, options));
  const heads = labelHeads(labels, spans, lines, parsed.map(rowKind));
  const projectStarts = spanStarts(projects, spans, lines, repeatedLevel1(heads)).starts;
  const parses: GridParse[] = [];
  const unplaced: Token[] = [...gridLabel];
  parsed.forEach((parse, k) => {
    const headed = heads.get(k) ?? [];
    for (const item of parse.items) {
      if (!('row' in item)) continue;
      for (const label of headed) item.row.cells.set(label.column, label.parts.map((p) => p.token));
      const numbers = lines.slice(spans[k][0], spans[k][1] + 1).flatMap((l) => (l.seq ? [l.seq.token] : []));
      if (numbers.length > 0) item.row.cells.set('seq', numbers);
      projects.forEach((project, j) => {
        if (projectStarts[j] !== k) return;
        for (const [column, parts] of project.cells) item.row.cells.set(column, parts.map((p) => p.token));
      });
      break;
    }
    parses.push(parse);
  });
  for (const label of labels) if (![...heads.values()].some((h) => h.includes(label))) pushAll(unplaced, label.parts.map((p) => p.token));
  if (pageNumbers.length > 0) parses.push({items: pageNumbers.map((token) => ({dropped: {token, pageNumber: true}})), score: 0});
  if (unplaced.length > 0) parses.push({items: unplaced.map((token) => ({dropped: {token, pageNumber: false}})), score: 0});
  return parses;
}

/** Group tokens by line and give each its character column, found by searching the line's text in order. */
function placeTokens(tokens: ReadonlyArray<Token>, lineText: (no: number) => string): Row2D[] {
  const out: Row2D[] = [];
  let page = 0;
  let cursor = 0;
  for (const token of tokens) {
    let row = out[out.length - 1];
    if (!row || row.line !== token.line) {
      if (row && pageBetween(row.line, token.line, lineText)) page++;
      row = {line: token.line, page, labels: [], body: [], project: []};
      out.push(row);
      cursor = 0;
    }
    const {at: x, end} = findWord(lineText(token.line), token.text, cursor);
    cursor = end;
    const pieces = splitAtTitle(token);
    for (const piece of pieces) {
      const at = x + token.text.indexOf(piece.text);
      row.body.push({token: piece, x: at, width: pieces.length === 1 ? end - x : piece.text.length});
    }
  }
  return out;
}

/**
 * Where a word lies in its line from `from` on: printed as is, or with spaces between its characters (a value
 * joined from words an office suite spaces apart: "≥45 所" is the word "≥45所"). Not found: at `from`.
 */
function findWord(line: string, word: string, from: number): {at: number; end: number} {
  const at = line.indexOf(word, from);
  if (at !== -1) return {at, end: at + word.length};
  const spaced = new RegExp([...word].map((ch) => ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join(' *'), 'g');
  spaced.lastIndex = from;
  const match = spaced.exec(line);
  return match === null ? {at: from, end: from + word.length} : {at: match.index, end: match.index + match[0].length};
}

/**
 * A value printed flush against the next cell's document title ("=100%《梅岭县政务服务事项办理") is two words: a
 * free-text basis opens with the title of a document.
 */
function splitAtTitle(token: Token): Token[] {
  const at = token.text.indexOf('《');
  if (at <= 0 || token.text.slice(0, at).includes('《')) return [token];
  return [{...token, text: token.text.slice(0, at)}, {...token, text: token.text.slice(at), gap: 'space'}];
}

/** Lines holding only a short number next to a page break (the page's number), apart from the grid's lines. A
 * number printed under a word of the line beside it continues a column (a weight of a column-major block). */
function dropPageNumbers(lines: ReadonlyArray<Row2D>): {kept: Row2D[]; pageNumbers: Token[]} {
  const kept: Row2D[] = [];
  const pageNumbers: Token[] = [];
  lines.forEach((l, i) => {
    const atBreak = (i > 0 && lines[i - 1].page !== l.page) || (i + 1 < lines.length && lines[i + 1].page !== l.page);
    if (atBreak && l.body.length === 1 && /^\d{1,4}$/.test(l.body[0].token.text) && !inColumn(l, lines[i - 1]) && !inColumn(l, lines[i + 1])) {
      pageNumbers.push(l.body[0].token);
    } else kept.push(l);
  });
  return {kept, pageNumbers};
}

/** Does a lone word stand at the x of a word of the line beside it on its page (a cell of a column, no page number)? */
function inColumn(l: Row2D, beside: Row2D | undefined): boolean {
  return beside !== undefined && beside.page === l.page && beside.body.some((p) => p.x === l.body[0].x);
}

/** A page ends between two grid lines when a form feed or removed text (a footer, a repeated header) lies between. */
function pageBetween(a: number, b: number, lineText: (no: number) => string): boolean {
  for (let no = a + 1; no < b; no++) if (lineText(no).trim() !== '') return true;
  for (let no = a + 1; no <= b; no++) if (lineText(no).includes('\f')) return true;
  return false;
}

/**
 * Take the grid label (vocab GRID_LABELS: "年度绩效指标", a cell merged over the header and every row left of 一级指标)
 * out of the lines' bodies: an office suite centres it on the rows, so pdftotext prints it opening a row's line
 * ("年度绩效指标          时效指标         工程完工时间"), whole or wrapped over lines at one x ("年度绩效" / "指标").
 * Returns its tokens.
 */
function splitGridLabel(lines: ReadonlyArray<Row2D>): Token[] {
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i].body[0];
    if (first === undefined || first.token.text.length < 2) continue;
    const pieces: Row2D[] = [];
    let text = '';
    for (let j = i; j < lines.length && text.length < maxOf(GRID_LABELS.map((l) => l.length)); j++) {
      const lead = lines[j].body[0];
      if (lines[j].page !== lines[i].page || lead === undefined || Math.abs(lead.x - first.x) > SAME_X) break;
      text += lead.token.text;
      pieces.push(lines[j]);
      if (!GRID_LABELS.some((l) => l.startsWith(text))) break;
      if (GRID_LABELS.includes(text) && lines[i].body.length > 1) return pieces.map((l) => l.body.shift()!.token);
    }
  }
  return [];
}

/** Is `s` a piece of a 一级/二级 name ("产出指", "标", "本指标")? */
const isNameFragment = (s: string): boolean => LEVEL_NAMES.some((n) => n.includes(s));

/**
 * Left edge of the 三级 column: the lowest x at which a fifth of the lines' leading non-label words (two or more
 * characters, not a piece of a 一级/二级 name) start. Labels sit left of it.
 */
function bodyStart(lines: ReadonlyArray<Row2D>): number | null {
  const xs = leadStarts(lines);
  if (xs.length === 0) return null;
  xs.sort((a, b) => a - b);
  return xs[Math.floor(xs.length * 0.2)];
}

/** The x of each line's leading non-label word (see bodyStart). */
function leadStarts(lines: ReadonlyArray<Row2D>): number[] {
  const xs: number[] = [];
  for (const l of lines) {
    const lead = l.body.slice(0, 3).find((p) => p.token.text.length >= 2 && !isNameFragment(p.token.text));
    if (lead) xs.push(lead.x);
  }
  return xs;
}

/** x from which a label belongs to 二级 rather than 一级: past the typical start of the second label column. */
function labelSplit(lines: ReadonlyArray<Row2D>, level3Start: number): number {
  // A one-character piece (a label's last line, "标") is centred in its column: only longer pieces mark its edge.
  // Only pieces of 一级/二级 names mark it where there are such: a packed line pulls a 三级 name left of its column
  // ("满意度指标 服务对象满意度指标 受益群众满意度").
  const leftOfBody = lines.flatMap((l) => l.body.filter((p) => p.x < level3Start - 1 && p.token.text.length >= 2));
  const named = leftOfBody.filter((p) => isNameFragment(p.token.text));
  const starts = (named.length >= 2 ? named : leftOfBody).map((p) => p.x).sort((a, b) => a - b);
  // The widest jump between label starts separates the two label columns.
  let split = Math.max(2, Math.floor(level3Start / 2));
  let widest = 0;
  for (let k = 1; k < starts.length; k++) {
    if (starts[k] - starts[k - 1] > widest) { widest = starts[k] - starts[k - 1]; split = starts[k]; }
  }
  return widest >= 2 ? split : Math.max(2, Math.floor(level3Start / 2));
}

/** Where a page's label columns end: the 三级 column's left edge, and the x from which a label is a 二级 piece. */
interface ColumnEdges {
  level3: number;
  level2: number;
}

/** Fewest leading words on a page for its own column edges to be measured. */
const MIN_PAGE_LEADS = 4;

/**
 * The grid's column edges, each page's words moved onto them. pdftotext lays out each page on its own: a page
 * whose rows hold other widths of text prints the same columns at other x positions. A page with enough lines
 * whose 三级 column starts away from the grid's is shifted so that it starts there, and keeps its own 一级/二级
 * split. Null when no line shows a 三级 word.
 */
function alignPages(lines: ReadonlyArray<Row2D>): ((page: number) => ColumnEdges) | null {
  const level3 = bodyStart(lines);
  if (level3 === null) return null;
  const grid: ColumnEdges = {level3, level2: labelSplit(lines, level3)};
  const byPage = new Map<number, ColumnEdges>();
  for (const page of new Set(lines.map((l) => l.page))) {
    const own = lines.filter((l) => l.page === page);
    const start = leadStarts(own).length >= MIN_PAGE_LEADS ? bodyStart(own) : null;
    if (start === null || Math.abs(start - level3) <= SAME_X) continue;
    const shift = level3 - start;
    byPage.set(page, {level3, level2: labelSplit(own, start) + shift});
    for (const l of own) for (const p of [...l.body, ...l.project, ...(l.seq ? [l.seq] : [])]) p.x += shift;
  }
  return (page) => byPage.get(page) ?? grid;
}

/** Move the label fragments of a line (its leading words left of the 三级 column) out of its body. */
function splitLabels(line: Row2D, {level3: level3Start, level2: level2Start}: ColumnEdges): void {
  // At most one piece per label column, 一级 left of 二级: a word after a 二级 piece is a 三级 word pulled left,
  // unless it completes that piece (two lines of one label printed on one: "服务对象满意度指 标").
  while (line.body.length > 0) {
    const p = line.body[0];
    const text = p.token.text;
    const last = line.labels[line.labels.length - 1];
    if (last && !isName(last.token.text) && isNamePrefix(last.token.text + text) && p.x < level3Start + SAME_X) {
      line.labels.push(line.body.shift()!);
      continue;
    }
    if (line.labels.length >= 2 || line.labels.some((q) => q.x >= level2Start)) break;
    const fragment = isNameFragment(text);
    if (p.x >= level3Start - 1) {
      // A short piece of a name against the 三级 column ("标", "响"): a label only if it completes one (joinLabels).
      if (!(fragment && text.length <= 3 && p.x < level3Start + 2)) break;
      p.unsure = true;
    } else if (!fragment && text.length > 4 && p.x + text.length > level3Start) {
      break; // a 三级 name pulled left is no label: labels are pieces of 一级/二级 names, or short free ones
    }
    line.labels.push(line.body.shift()!);
    if (p.unsure) break;
  }
}

/** Tolerance, in characters, for words of one column printed on successive lines. */
const SAME_X = 3;

/**
 * pdftotext sometimes prints a few rows column by column: k lines of 三级 names, then k lines of targets, … then
 * k lines of weights and the rest. Each such block is put back as k lines, one per row, in column order.
 */
function unfoldColumnMajor(lines: ReadonlyArray<Row2D>, isAnchorWord: (p: Placed) => boolean): Row2D[] {
  const out: Row2D[] = [];
  for (let i = 0; i < lines.length;) {
    const block = columnMajorBlock(lines, i, isAnchorWord);
    if (block === null) { out.push(lines[i]); i++; continue; }
    const {k, groups} = block;
    for (let r = 0; r < k; r++) {
      const members = Array.from({length: groups}, (_, g) => lines[i + g * k + r]);
      out.push({
        line: members[0].line, page: members[0].page, labels: members.flatMap((m) => m.labels), body: members.flatMap((m) => m.body),
        project: members.flatMap((m) => m.project), seq: members.find((m) => m.seq)?.seq, blockBelow: r === 0 ? k - 1 : undefined,
      });
    }
    i += k * groups;
  }
  return out;
}

/**
 * A column-major block starting at line i: k lines per column group (2 to 4), at least two groups, one after
 * the first all with anchor words (weights, or targets in a table without weights). The words of a group start at one x (the first group's, of 三级 names, within a
 * wider tolerance: pdftotext indents them unevenly) or are centred on one x (centred cells: "按照完成比例赋分" over
 * "直接赋分"), each group right of the one before.
 */
function columnMajorBlock(lines: ReadonlyArray<Row2D>, i: number, isAnchorWord: (p: Placed) => boolean): {k: number; groups: number} | null {
  for (let k = 2; k <= 4; k++) {
    let groups = 0;
    let lastX = -Infinity;
    for (let at = i; at + k <= lines.length; at += k) {
      const group = lines.slice(at, at + k);
      if (group.some((l) => l.body.length === 0 || l.page !== lines[i].page)) break;
      const x = minOf(group.map((l) => l.body[0].x));
      const tolerance = groups === 0 ? 2 * SAME_X : SAME_X;
      const centres = group.map((l) => l.body[0].x + l.body[0].token.text.length / 2);
      const centred = maxOf(centres) - minOf(centres) <= SAME_X;
      if (!(centred || group.every((l) => l.body[0].x - x <= tolerance)) || x <= lastX + SAME_X) break;
      if (groups > 0 && group.some((l) => l.labels.length > 0)) break;
      lastX = maxOf(group.map((l) => l.body[l.body.length - 1].x));
      groups++;
    }
    if (groups < 2) continue;
    const weighted = (g: number): boolean => lines.slice(i + g * k, i + (g + 1) * k).every((l) => l.body.some(isAnchorWord));
    for (let g = groups - 1; g >= 1; g--) if (weighted(g)) return {k, groups};
  }
  return null;
}

/** Fewest anchor words on a page for their column's x to be measured there. */
const MIN_PAGE_ANCHORS = 2;

/** The column of the anchor words: the weight, or in a table without weights its 指标值 (one line in most rows). */
const anchorColumn = (columns: readonly ColumnKey[]): ColumnKey => (columns.includes('weight') || !columns.includes('target') ? 'weight' : 'target');

/** Least score of a word read as a target to mark an anchor line (a value with a comparator, a date, a phrase). */
const ANCHOR_TARGET = 3;

/** Is a word one of the anchor column's (see anchorColumn)? */
function anchorWordTest(options: GridOptions): (p: Placed) => boolean {
  if (anchorColumn(options.columns) === 'weight') return (p) => /^\d{1,3}(\.\d{1,2})?$/.test(asciiDigits(p.token.text)) && parseWeight(p.token.text) !== null;
  return (p) => (cellScore('target', p.token.text, options.context) ?? -Infinity) >= ANCHOR_TARGET;
}

/**
 * Anchor lines (indexes into `lines`): lines whose body holds an anchor word (a weight) in its column. The column's
 * x is the median of weights printed after some other cell, on their page when it has some (pdftotext lays out
 * each page on its own); pdftotext packs a full line tighter, so a weight far left of it still counts when no more
 * words follow it than the table has columns after the weight. A weight opening its line (the row's other cells
 * printed on the next line, centred lower) counts when it stands at that x, alone or before one more word.
 */
function findAnchors(lines: ReadonlyArray<Row2D>, columns: readonly ColumnKey[], isAnchor: (p: Placed) => boolean): number[] {
  const byWeight = anchorColumn(columns) === 'weight';
  const isAnchorAt = (l: Row2D, k: number): boolean => (byWeight ? isAnchor(l.body[k]) && !inValue(l.body, k) : isAnchor(valueRunAt(l.body, k)));
  const weightsOf = (l: Row2D): number[] => l.body.filter((p, k) => (k > 0 || l.body.length > 2) && isAnchorAt(l, k)).map((p) => p.x);
  const lastOf = lines.map((l) => weightsOf(l).pop());
  const medianOf = (xs: number[]): number => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const lasts = lastOf.filter((x) => x !== undefined);
  if (lasts.length === 0) return [];
  const grid = medianOf(lasts);
  // pdftotext lays out each page on its own: a page with weights of its own has its column where they are.
  const pageMedian = new Map<number, number>();
  for (const page of new Set(lines.map((l) => l.page))) {
    const own = lastOf.filter((x, i) => x !== undefined && lines[i].page === page) as number[];
    pageMedian.set(page, own.length >= MIN_PAGE_ANCHORS ? medianOf(own) : grid);
  }
  const weightAt = columns.indexOf(anchorColumn(columns));
  const later = weightAt < 0 ? -1 : columns.length - 1 - weightAt;
  const packed = (l: Row2D): boolean => l.body.some((_, k) => k > 0 && isAnchorAt(l, k) && l.body.length - 1 - k <= later);
  const opening = (l: Row2D): boolean => (l.body.length === 1 || l.body.length === 2) && isAnchorAt(l, 0) && Math.abs(l.body[0].x - pageMedian.get(l.page)!) <= SAME_X;
  const out: number[] = [];
  lines.forEach((l, index) => { if (weightsOf(l).some((x) => Math.abs(x - pageMedian.get(l.page)!) <= 12) || packed(l) || opening(l)) out.push(index); });
  if (!byWeight) return out;
  // Two rows' weights stand in one column: a line opening with a number that opens a free-text cell one space on
  // ("56 人以上班级数占班级" above "8 大班额比例 ≤5% 历史标准 10") has no weight where the line beside it has one
  // elsewhere.
  const opensTextOnly = (l: Row2D): boolean => {
    const at = l.body.flatMap((_, k) => (isAnchorAt(l, k) ? [k] : []));
    return at.length === 1 && at[0] === 0 && opensText(l.body, 0);
  };
  const apart = (a: Row2D, b: Row2D): boolean => weightsOf(a).every((x) => weightsOf(b).every((y) => Math.abs(x - y) > SAME_X));
  const anchored = new Set(out);
  return out.filter((i) => !(opensTextOnly(lines[i]) && [i - 1, i + 1].some((j) =>
    anchored.has(j) && lines[j].page === lines[i].page && !opensTextOnly(lines[j]) && apart(lines[i], lines[j]))));
}

/**
 * The word at `k` joined with the words one space after it that go on its value ("2025 年 11 月 30 日", a 指标值
 * printed in words): as one word, it reads as the value it prints.
 */
function valueRunAt(words: ReadonlyArray<Placed>, k: number): Placed {
  let end = k;
  while (end + 1 < words.length && oneSpaceApart(words[end], words[end + 1]) && isValueWords(words.slice(k, end + 2).map((p) => p.token.text))) end++;
  if (end === k) return words[k];
  return {...words[k], token: {...words[k].token, text: words.slice(k, end + 1).map((p) => p.token.text).join('')}};
}

/** Is the number at `k` followed one space on by a word of Chinese text (a sentence it opens: "56 人以上班级数")? */
function opensText(words: ReadonlyArray<Placed>, k: number): boolean {
  const next = words[k + 1];
  return next !== undefined && oneSpaceApart(words[k], next) && /^[\u4e00-\u9fa5]/.test(next.token.text);
}

/** Is word `b` printed one space after word `a` on their line? */
const oneSpaceApart = (a: {x: number; width: number}, b: {x: number}): boolean => a.x + a.width + 1 === b.x;

/**
 * Is the number at `k` a piece of a value printed across words ("每月 25 日前", "2025 年 10" / "月 31 日前",
 * "≤7 个工作日")? So when the word one space after it extends it into a quantity or date with no column word
 * for its unit, or the word one space before it is a date's year or month.
 */
function inValue(words: ReadonlyArray<Placed>, k: number): boolean {
  const p = words[k];
  const next = words[k + 1];
  const prev = words[k - 1];
  if (prev !== undefined && oneSpaceApart(prev, p) && DATE_LEAD.test(prev.token.text)) return true;
  if (next === undefined || !oneSpaceApart(p, next) || !/^[^\d\s≥≤<>=＜＞]/.test(asciiDigits(next.token.text))) return false;
  const value = parseValue(p.token.text + next.token.text);
  return value.kind === 'date' || (isShortQuantity(value) && !isColumnWord(next.token.text));
}

/** A quantity whose unit is a unit's length ("个工作日", "元/平方米"), not a sentence of the next cell ("10" "指年度内…"). */
const isShortQuantity = (value: ParsedValue): boolean => value.kind === 'quantitative' && (value.unit?.length ?? 0) <= MAX_UNIT_LENGTH;
const MAX_UNIT_LENGTH = 5;

/** A word a date goes on after: "年" or "月" printed apart from its number, a year, 每年/每月 (not "2024年6月", which
 * may end a value, nor a unit per month: "元/人/月"). */
const DATE_LEAD = /^(?:[年月]|\d{4}年|每[年月])$/;

/** Is `s` a word, or a piece of a word, of the closed vocabularies of 依据, 赋分规则 and 佐证资料? */
const isColumnWord = (s: string): boolean => completed(s) !== s || isBasis(s) || isScoringRule(s) || isEvidence(s) || /[，,、]/.test(s);

/**
 * Each row's first and last line (indexes into `lines`): lines before the first anchor go to the first row, after
 * the last to the last; the lines between two anchors are split where the two rows read best (a programme over
 * the anchors, since a row's score depends on both its splits).
 */
function chooseSpans(
  lines: ReadonlyArray<Row2D>, anchors: ReadonlyArray<number>, labels: ReadonlyArray<Label>, reading: Reading,
): Array<[number, number]> {
  const n = anchors.length;
  const partners = labelPartners(lines, labels);
  const pageOf = new Map(lines.map((l) => [l.line, l.page]));
  const indexOf = new Map(lines.map((l, i) => [l.line, i]));
  // cuts[k]: candidate last lines of row k (row k + 1 starts after it).
  const cuts: number[][] = [];
  for (let k = 0; k < n - 1; k++) {
    const from = anchors[k];
    const to = anchors[k + 1];
    if (to - from - 1 > MAX_GAP_LINES) { cuts.push([Math.floor((from + to - 1) / 2)]); continue; }
    cuts.push(Array.from({length: to - from}, (_, d) => from + d));
  }
  // A row broken by a page goes on at the top of the next page (or ends at the bottom of the page before): a line
  // there is as far from its row as from the page's edge.
  const pageDistance = (i: number): number => {
    let d = 1;
    for (let j = i - 1; j >= 0 && lines[j].page === lines[i].page; j--) d++;
    let u = 1;
    for (let j = i + 1; j < lines.length && lines[j].page === lines[i].page; j++) u++;
    return Math.min(d, u);
  };
  const top = (k: number, c: number): number => (k === 0 ? 0 : cuts[k - 1][c] + 1);
  const bottom = (k: number, c: number): number => (k === n - 1 ? lines.length - 1 : cuts[k][c]);
  const rowScore = (k: number, t: number, b: number): number => {
    const slice = lines.slice(t, b + 1);
    const row = rowStream(slice, anchors[k] - t, reading);
    const {beyond} = row;
    const parse = readRow(row, reading.options);
    const score = parse.score - RAGGED_COST * raggedLines(parse) - UNPAIRED_COST * cutTitles(parse) + BEYOND * beyond
      - OFF_CENTRE_COST * offCentre(parse, pageOf) - DETACHED_COST * detachedLines(parse, anchors[k], indexOf);
    let distance = 0;
    let split = false;
    for (let i = t; i <= b; i++) {
      if (lines[i].body.length === 0) {
        distance += DISTANCE_COST * (partners.get(i) ?? []).filter((j) => j < t || j > b).length;
        continue;
      }
      const otherPage = lines[i].page !== lines[anchors[k]].page;
      if (otherPage) split = true;
      distance += (otherPage ? pageDistance(i) : Math.abs(i - anchors[k])) * DISTANCE_COST + (i < anchors[k] ? ABOVE_COST : 0);
    }
    if (split) distance += OTHER_PAGE_COST;
    return score - distance;
  };
  // best[k][c]: best score of rows 0..k with row k ending at cut c (for the last row: one state).
  const width = (k: number): number => (k === n - 1 ? 1 : cuts[k].length);
  const best: number[][] = [];
  const from: number[][] = [];
  for (let k = 0; k < n; k++) {
    best.push([]);
    from.push([]);
    for (let c = 0; c < width(k); c++) {
      let top1 = -Infinity;
      let arg = -1;
      const prevWidth = k === 0 ? 1 : width(k - 1);
      for (let p = 0; p < prevWidth; p++) {
        const base = k === 0 ? 0 : best[k - 1][p];
        const v = base + rowScore(k, top(k, p), bottom(k, c));
        if (v > top1) { top1 = v; arg = p; }
      }
      best[k].push(top1);
      from[k].push(arg);
    }
  }
  const spans: Array<[number, number]> = new Array(n);
  let c = 0;
  for (let k = n - 1; k >= 0; k--) {
    const p = from[k][c];
    spans[k] = [top(k, p), bottom(k, c)];
    c = p;
  }
  return spans;
}

/**
 * For each line holding label pieces but no body words, the other lines its labels are printed on: such a line
 * goes with the row of the label it belongs to ("标 意度指标" below a row's anchor line, a label's first line above).
 */
function labelPartners(lines: ReadonlyArray<Row2D>, labels: ReadonlyArray<Label>): Map<number, number[]> {
  const indexOf = new Map(lines.map((l, i) => [l.line, i]));
  const out = new Map<number, number[]>();
  for (const label of labels) {
    const at = [...new Set(label.parts.map((p) => indexOf.get(p.token.line)))].filter((i) => i !== undefined);
    for (const i of at) if (lines[i].body.length === 0) out.set(i, [...(out.get(i) ?? []), ...at.filter((j) => j !== i)]);
  }
  return out;
}

/** Cost per line that a row's tallest cell is centred off its other cells, beyond the half line pdftotext rounds to. */
const OFF_CENTRE_COST = 2;

/**
 * How far a row's tallest cell is centred off its other cells (in lines, less half a line): cells are centred on
 * their row, as the merged labels are, so the tallest cell's lines reach as far above the others as below. A full
 * line between two rows ("救助对象") ends the upper row's name as well as it begins the lower one's, and keeps
 * both rows centred on their weight lines either way; it goes to the row whose other cells it centres the name
 * on. 0 for a row on two pages.
 */
function offCentre(parse: GridParse, pageOf: ReadonlyMap<number, number>): number {
  const item = parse.items.find((i) => 'row' in i);
  if (!item || !('row' in item)) return 0;
  const extents = [...item.row.cells.values()].filter((ts) => ts.length > 0).map((ts) => {
    const ls = ts.flatMap(linesOf);
    return [minOf(ls), maxOf(ls)];
  });
  if (extents.length < 2) return 0;
  const pages = new Set(extents.flat().map((l) => pageOf.get(l)));
  if (pages.size > 1) return 0;
  let tallest = 0;
  extents.forEach(([a, b], k) => { if (b - a > extents[tallest][1] - extents[tallest][0]) tallest = k; });
  const others = extents.filter((_, k) => k !== tallest).map(([a, b]) => (a + b) / 2);
  const mean = others.reduce((x, y) => x + y, 0) / others.length;
  return Math.max(0, Math.abs((extents[tallest][0] + extents[tallest][1]) / 2 - mean) - HALF_LINE);
}

/** Cost per line that a cell of a row lies apart from its row's anchor line (see detachedLines). */
const DETACHED_COST = 1;

/**
 * How many lines the cells of the parse lie apart from the row's anchor line, beyond the line next to it: a cell
 * is printed across its row's anchor line (centred on it or hanging from it), or a line off it when centred
 * between two lines, so a cell printed wholly further off is another row's (the last line of a wrapped cell of
 * the row above: "完工工程数量的比例" three lines above a row's anchor, one below its own row's).
 * @param anchor The anchor line's index in the grid's lines; indexOf gives a source line's index.
 */
function detachedLines(parse: GridParse, anchor: number, indexOf: ReadonlyMap<number, number>): number {
  let apart = 0;
  for (const item of parse.items) {
    if (!('row' in item)) continue;
    for (const tokens of item.row.cells.values()) {
      const at = tokens.flatMap(linesOf).flatMap((l) => indexOf.get(l) ?? []);
      if (at.length === 0) continue;
      const gap = Math.max(0, minOf(at) - anchor, anchor - maxOf(at));
      apart += Math.max(0, gap - 1);
    }
  }
  return apart;
}

/** Cost of a cell line that is not its cell's last yet shorter than its longest line (see raggedLines). */
const RAGGED_COST = 1;

/** Does a text open a document title it does not close ("《梅岭县 2025 年交通运输工作要")? */
const openTitle = (text: string): boolean => text.lastIndexOf('《') > text.lastIndexOf('》');

/** Does a word close a document title it did not open ("点》")? */
const closesTitle = (word: string): boolean => word.indexOf('》') >= 0 && (word.indexOf('《') === -1 || word.indexOf('《') > word.indexOf('》'));
/** Gain counted for a title's tail finishing it. */
const TITLE_JOIN = 4;

/** Cost of a cell holding a cut document title (see cutTitles). */
const UNPAIRED_COST = 2;

/**
 * Cells of the parse holding a document title cut short or its tail alone ("《…工作要", "点》"): a title wrapped in
 * its cell is printed whole in its row, so a row that takes only some of its lines has cut it.
 */
function cutTitles(parse: GridParse): number {
  let n = 0;
  for (const item of parse.items) {
    if (!('row' in item)) continue;
    for (const tokens of item.row.cells.values()) {
      let depth = 0;
      let cut = false;
      for (const t of tokens) for (const ch of t.text) {
        if (ch === '《') depth++;
        else if (ch === '》' && --depth < 0) cut = true;
      }
      if (cut || depth > 0) n++;
    }
  }
  return n;
}

/** Printed width of a text: CJK characters count one, ASCII letters and digits half. */
const printedWidth = (s: string): number => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) < 0x80 ? 0.5 : 1), 0);

/**
 * Lines of the parse's cells that end short before another line of the same cell: a cell wraps at its column's
 * width, so all its lines but the last are about as wide as its widest (a shorter one ends another row's cell).
 */
function raggedLines(parse: GridParse): number {
  let ragged = 0;
  for (const item of parse.items) {
    if (!('row' in item)) continue;
    for (const tokens of item.row.cells.values()) {
      // The cell's lines in reading order (a row's stream puts a wrapped cell's tail last even when printed above).
      const widths: number[] = [];
      tokens.forEach((t, i) => {
        if (i > 0 && tokens[i - 1].line === t.line) widths[widths.length - 1] += printedWidth(t.text);
        else widths.push(printedWidth(t.text));
      });
      if (widths.length < 2) continue;
      const widest = maxOf(widths);
      ragged += widths.slice(0, -1).filter((w) => w < widest - 1).length;
    }
  }
  return ragged;
}

/**
 * The body tokens of a row's lines as one stream in column order. The anchor line is read alone first (which
 * column each of its words is); then each continuation line, nearest first, hands each word to the anchor word
 * whose cell it best continues: near it in x and reading well joined to it (its column's grammar), hosts never
 * going back within a line. Words above the anchor line come before their host, words below after it.
 */
function rowStream(lines: ReadonlyArray<Row2D>, anchorAt: number, reading: Reading): RowWords {
  const anchor = lines[anchorAt].body;
  // An anchor line starting right of the 三级 column has no 一级 … 三级 words (they are above or below it), and
  // may start with any later column: each reading is tried, the one whose row reads best is kept. The reading with
  // a name is tried too: pdftotext lays out each page on its own, so the 三级 column may lie further right.
  const late = anchor.length > 0 && anchor[0].x > reading.level3Start + SAME_X;
  if (!late) return orderRow(lines, anchorAt, anchorColumns(anchor, reading.options.columns, reading.options), reading);
  const values = reading.options.columns.filter((c) => !NAME_COLUMNS.has(c));
  const starts = [reading.options.columns, ...Array.from({length: Math.min(LATE_STARTS, values.length)}, (_, skip) => values.slice(skip))];
  let best: {words: RowWords; score: number} | null = null;
  for (const columns of starts) {
    const words = orderRow(lines, anchorAt, anchorColumns(anchor, columns, reading.options), reading);
    const score = readRow(words, reading.options).score;
    if (best === null || score > best.score) best = {words, score};
  }
  return best!.words;
}

/** How many first value columns a late anchor line is tried with (指标值, 依据, 上年 …). */
const LATE_STARTS = 3;

/** A row's words as one stream in column order, and how many continuation words lie right of all anchor words. */
interface RowWords {
  stream: Token[];
  beyond: number;
  /** The words printed in the cell of the word before them (under the same word of the anchor line). */
  sameCell: ReadonlySet<Token>;
}

/** The programme's reading of a row's stream, its words kept in the cells they are printed in where it can. */
function readRow(row: RowWords, options: GridOptions): GridParse {
  return segmentGrid(row.stream, row.sameCell.size === 0 ? options : {...options, sameCell: (t) => row.sameCell.has(t)});
}

/** A row's words in column order, given the column of each anchor word (see rowStream). */
function orderRow(
  lines: ReadonlyArray<Row2D>, anchorAt: number, columnOf: ReadonlyArray<ColumnKey | null>, reading: Reading,
): RowWords {
  // pdftotext packs a full anchor line tighter than the sparse lines around it, so a column's x on the anchor
  // line can be far left of the same column on the others: a second pass also measures each word against where
  // its column's words lie on the row's other lines (as the first pass placed them).
  const first = hostWords(lines, anchorAt, columnOf, reading, (host) => [host.placed.x]);
  const seen = new Map<Placed, Hosted[]>();
  for (const k of first.keyed) if (k.host.anchored && k.at !== anchorAt) seen.set(k.host.placed, [...(seen.get(k.host.placed) ?? []), k]);
  const {keyed, hosts} = seen.size === 0 ? first : hostWords(lines, anchorAt, columnOf, reading, (host, at) => [
    host.placed.x, ...(seen.get(host.placed) ?? []).filter((k) => k.at !== at).map((k) => k.x),
  ]);
  const order = new Map(hosts.map((h, i) => [h, i]));
  const rank = new Map(keyed.map((k) => [k, order.get(k.host)!]));
  keyed.sort((a, b) => rank.get(a)! - rank.get(b)! || a.phase - b.phase || a.line - b.line || a.x - b.x);
  // The words of a value printed one space apart on a line ("2025 年 11 月", "30 日前") are one word of the stream.
  const words: Array<{token: Token; host: Host; phase: number; run: string[]; under: boolean}> = [];
  keyed.forEach((k, i) => {
    const before = i > 0 ? keyed[i - 1] : null;
    const last = words[words.length - 1];
    const spaced = before !== null && before.line === k.line && oneSpaceApart(before, k);
    if (spaced && isValueWords([...last.run, k.token.text])) {
      last.token = {...last.token, text: last.token.text + k.token.text};
      last.run.push(k.token.text);
      last.host = k.host;
    } else {
      const under = Math.abs(k.x - k.host.placed.x) <= SAME_X;
      words.push({token: {...k.token, gap: i === 0 ? 'line' : 'space', pageBreak: false}, host: k.host, phase: k.phase, run: [k.token.text], under});
    }
  });
  // A date wrapped before its day, a quantity wrapped inside its unit, ends with it.
  // A word printed under the host of the word before it is in its cell.
  const stream: Token[] = [];
  const sameCell = new Set<Token>();
  words.forEach((w, i) => {
    const last = stream[stream.length - 1];
    const sameHost = i > 0 && words[i - 1].host === w.host;
    if (sameHost && w.phase === 2 && (datedToDay(last.text, w.token.text) || unitGoesOn(last.text, w.token.text))) {
      const joined = {...last, text: last.text + w.token.text, alsoLines: [...(last.alsoLines ?? []), w.token.line]};
      if (sameCell.delete(last)) sameCell.add(joined);
      stream[stream.length - 1] = joined;
      return;
    }
    stream.push(w.token);
    if (sameHost && w.under) sameCell.add(w.token);
  });
  let lastAnchored = -1;
  hosts.forEach((h, i) => { if (h.anchored) lastAnchored = i; });
  return {stream, beyond: keyed.filter((k) => order.get(k.host)! > lastAnchored).length, sameCell};
}

/** Longest piece of a unit wrapped below its quantity ("人" of ">=5.83 万" / "人", "平方米" of "≤3200 元/"). */
const UNIT_PIECE = 3;

/** A unit cut at a line end: a multiplier with nothing counted yet ("万"), a rate with nothing after its slash. */
const CUT_UNIT = /(?:^万|\/)$/;

/**
 * Does `word`, printed below the quantity `text` in its cell, finish its unit cut at the line end (">=5.83万" +
 * "人", "≤3200元/" + "平方米")? A short word of no digits that leaves a quantity, no word or last piece of a word of
 * another column.
 */
function unitGoesOn(text: string, word: string): boolean {
  if (word.length > UNIT_PIECE || /\d/.test(asciiDigits(word)) || isColumnWord(word) || endsColumnWord(word)) return false;
  const value = parseValue(asciiDigits(text));
  if (value.kind !== 'quantitative' || value.unit === null || !CUT_UNIT.test(value.unit)) return false;
  return parseValue(asciiDigits(text + word)).kind === 'quantitative';
}

/** Is `s` the last piece of a word of the closed vocabularies ("准" of 预算支出标准 wrapped below its cell)? */
const endsColumnWord = (s: string): boolean => COMPLETABLE.some((w) => w.length > s.length && w.endsWith(s));

/** Gain counted for a word finishing the unit of the quantity above it, cut at the line end (see unitGoesOn). */
const UNIT_JOIN = 3;

/** Gain counted for a day completing the date above it. */
const DAY_JOIN = 2;

/**
 * Does `word` continue a date wrapped before its day ("2025年11月" + "30日前")? Then the two are one cell: the
 * day is no start of the next column's text, however that column's grammar would take it.
 */
function datedToDay(text: string, word: string): boolean {
  return /\d年(1[0-2]|[1-9])月$/.test(text) && /^(3[01]|[12]\d|[1-9])日/.test(word);
}

/**
 * A word a row's other words are read around: a word of the anchor line, or a word of another line printed where
 * no word read so far stands (a cell the anchor line leaves empty: an office suite's PDF centres a one-line cell
 * between the lines of a two-line cell beside it, so the row's weight line holds none of the wrapped cells).
 */
interface Host {
  placed: Placed;
  /** Index of its line among the row's lines. */
  at: number;
  /** Its column as the anchor line reads (null: left out of that reading, or not on the anchor line). */
  column: ColumnKey | null;
  anchored: boolean;
  /** The cell's text so far, in reading order. */
  text: string;
  /** How well `text` reads in its best column, once worked out (see hostGain). */
  best?: {text: string; score: number};
}

/** A word of a row with the word it continues and where it goes around it (see orderRow). */
interface Hosted {
  token: Token;
  host: Host;
  /** 0: before its host (printed above it), 1: the host, 2: after it. */
  phase: number;
  /** Sort line (Infinity: the tail of its cell). */
  line: number;
  x: number;
  width: number;
  /** Index of its line among the row's lines. */
  at: number;
}

/**
 * The host of each word of a row: the anchor line's words are hosts; then each other line, nearest first, hands
 * each word to the host whose cell it best continues, or makes it a host of its own where no host stands (see
 * rowStream). Returns the words and the hosts in x order.
 */
function hostWords(
  lines: ReadonlyArray<Row2D>, anchorAt: number, columnOf: ReadonlyArray<ColumnKey | null>, reading: Reading,
  hostXs: (host: Host, at: number) => number[],
): {keyed: Hosted[]; hosts: Host[]} {
  const {options} = reading;
  const hosts: Host[] = lines[anchorAt].body.map((p, k) => ({placed: p, at: anchorAt, column: columnOf[k], anchored: true, text: p.token.text}));
  const keyed: Hosted[] = hosts.map((h) => ({token: h.placed.token, host: h, phase: 1, line: h.placed.token.line, x: h.placed.x, width: h.placed.width, at: anchorAt}));
  // The 三级 column is the body's first: when the anchor line has its word, no column lies left of it.
  const nothingLeft = columnOf[0] !== null && NAME_COLUMNS.has(columnOf[0]);
  const order = lines.map((_, i) => i).filter((i) => i !== anchorAt).sort((a, b) => Math.abs(a - anchorAt) - Math.abs(b - anchorAt) || a - b);
  for (const i of order) {
    const words = lines[i].body;
    if (words.length === 0) continue;
    const gains = words.map((p, w) => hosts.map((h) => (finishesUnit(h, hosts, words, w, i) ? UNIT_JOIN : cellGain(h, hosts, p.token.text, i < h.at, options))));
    const completing = words.map((p) => hosts.map((h) => completesWord(h, p.token.text, i < h.at)));
    const chosen = alignWords(hosts, hosts.map((h) => hostXs(h, i)), words, gains, nothingLeft, completing);
    let inserted = 0;
    words.forEach((p, w) => {
      const choice = chosen[w];
      if (!('host' in choice)) {
        const host: Host = {placed: p, at: i, column: null, anchored: false, text: p.token.text};
        hosts.splice(choice.gap + inserted, 0, host);
        inserted++;
        keyed.push({token: p.token, host, phase: 1, line: p.token.line, x: p.x, width: p.width, at: i});
        return;
      }
      const above = i < choice.host.at;
      const host = cellEdge(choice.host, hosts, above);
      // A wrapped cell's lines are full but its last: a word above its host yet shorter ends the cell ("…不断提" "升").
      const tail = above && p.token.text.length <= 2 && host.placed.token.text.length >= 2 * p.token.text.length + 2;
      host.text = above && !tail ? p.token.text + host.text : host.text + p.token.text;
      keyed.push({token: p.token, host, phase: above && !tail ? 0 : 2, line: tail ? Infinity : p.token.line, x: p.x, width: p.width, at: i});
    });
  }
  return {keyed, hosts};
}

/**
 * The host a continuation word goes next to, given the one it continues: a cell printed as several words of one
 * line wraps from its left edge, so a line below it goes on after its last word and a line above comes before
 * its first. Such are a word printed as one but read as two (splitAtTitle: "交通运输部《农村公路养护" …
 * "管理办法》"), a value printed in words ("2025 年 12 月 31" … "日前") and a title ("《梅岭县 2025 年…").
 */
function cellEdge(host: Host, hosts: ReadonlyArray<Host>, above: boolean): Host {
  const {first, last} = cellRun(host, hosts);
  return hosts[above ? first : last];
}

/** The hosts (indexes, first and last) of the cell a host is printed in, one word or several (see cellEdge). */
function cellRun(host: Host, hosts: ReadonlyArray<Host>): {first: number; last: number} {
  let h = hosts.indexOf(host);
  const end = (a: number): number => hosts[a].placed.x + hosts[a].placed.width;
  const joined = (a: number): boolean => a >= 0 && a + 1 < hosts.length && hosts[a + 1].at === hosts[a].at && hosts[a + 1].placed.x === end(a);
  // One space apart: words of one value while the words so far read as one ("≥1.2 万人", "2025 年 12 月 31"), or
  // words of a document title still open ("《梅岭县 2025 年交通运输工作要").
  const spaced = (from: number, a: number): boolean => {
    if (a + 1 >= hosts.length || hosts[a + 1].at !== hosts[a].at || hosts[a + 1].placed.x !== end(a) + 1) return false;
    const words = hosts.slice(from, a + 2).map((x) => x.placed.token.text);
    const next = words[words.length - 1];
    return isValueWords(words) || (openTitle(words.slice(0, -1).join('')) && !isColumnWord(next) && parseWeight(next) === null);
  };
  let first = h;
  while (first > 0 && (joined(first - 1) || spaced(first - 1, first - 1))) first--;
  while (joined(h) || spaced(first, h)) h++;
  return {first, last: h};
}

/**
 * Does word w of the row's line i finish the unit of the quantity its host's cell ends with, cut at the line end
 * (">=9.99 万" / "人", see unitGoesOn)? Only the line's first word from the cell's left edge on does: the cell's
 * next line starts there.
 */
function finishesUnit(host: Host, hosts: ReadonlyArray<Host>, words: ReadonlyArray<Placed>, w: number, i: number): boolean {
  if (i < host.at) return false;
  const {first, last} = cellRun(host, hosts);
  const left = hosts[first].placed.x - SAME_X;
  if (words.slice(0, w).some((p) => p.x >= left)) return false;
  return unitGoesOn(hosts.slice(first, last + 1).map((h) => h.text).join(''), words[w].token.text);
}

/**
 * What a word gains joining a host. A word above a cell printed as several words goes before its first word
 * (cellEdge), so it is measured on the whole cell: "每月" (the prior-year value "每月 25 日" / "前" centred on the
 * row's line) above "每月 25 日前" would make the date "每月每月25日前", not "每月日前" as with the host "日前" alone;
 * "18.24" (a prior-year value centred on the row's line) above "<=18.24 万元" would make "18.24<=18.24万元", not
 * "18.24万元" as with the host "万元" alone. A word below is measured on the whole cell and on its host alone (the
 * host may be a piece of a value still open: "月" of "2025 年 6 月" above "30 日前"), the better kept.
 */
function cellGain(host: Host, hosts: ReadonlyArray<Host>, word: string, above: boolean, options: GridOptions): number {
  const {first, last} = cellRun(host, hosts);
  if (first === last) return hostGain(host, word, above, options);
  const text = hosts.slice(first, last + 1).map((h) => h.text).join('');
  const whole = hostGain({...hosts[above ? first : last], text, best: undefined}, word, above, options);
  return above ? whole : Math.max(whole, hostGain(host, word, above, options));
}

/** Do words printed one space apart read as one value: a quantity, a date or the beginning of one? */
function isValueWords(words: readonly string[]): boolean {
  if (words.slice(1).some((w) => isColumnWord(w) || /^[≥≤<>=＜＞]/.test(w))) return false;
  const text = asciiDigits(words.join(''));
  // A date printed in words ("2025 年 12 月 31"): a bare day goes on a month only so printed ("2024年6月 10" is a
  // date and a weight).
  if (/^\d{4}年(\d{1,2}月?)?$/.test(text) || (words.length > 2 && /^\d{4}年\d{1,2}月\d{1,2}$/.test(text))) return true;
  const value = parseValue(text);
  return value.kind === 'date' || (isShortQuantity(value) && !/^\d/.test(asciiDigits(words[words.length - 1])));
}

/** The name columns, left of the values. */
const NAME_COLUMNS = new Set<ColumnKey>(['level1', 'level2', 'level3']);

/** What reading a grid's rows needs besides the lines: the programme's options and the 三级 column's left edge. */
interface Reading {
  options: GridOptions;
  level3Start: number;
}

/** The column the programme gives each word of an anchor line read alone (null: dropped). */
function anchorColumns(anchor: ReadonlyArray<Placed>, columns: readonly ColumnKey[], options: GridOptions): Array<ColumnKey | null> {
  const tokens = anchor.map((p, i) => ({...p.token, text: completed(p.token.text, 1), gap: i === 0 ? 'line' as const : 'space' as const, pageBreak: false}));
  const byToken = new Map<Token, ColumnKey>();
  for (const item of segmentGrid(tokens, {...options, columns}).items) {
    if ('row' in item) for (const [c, ts] of item.row.cells) for (const t of ts) byToken.set(t, c);
  }
  return tokens.map((t) => byToken.get(t) ?? null);
}

/** Words of the closed vocabularies a wrapped cell may begin on the anchor line ("按照完成比例赋" … "分"). */
const COMPLETABLE: readonly string[] = [...SCORING_RULES, ...BASES, ...EVIDENCE];

/** A word as the whole vocabulary word it begins, or else is part of (`shortest` characters at least), else itself. */
function completed(s: string, shortest = 2): string {
  if (s.length < shortest || s.length >= COMPLETABLE_LONGEST) return s;
  let whole = COMPLETIONS.get(s);
  if (whole === undefined) {
    whole = COMPLETABLE.find((w) => w.length > s.length && w.startsWith(s)) ?? COMPLETABLE.find((w) => w.length > s.length && w.includes(s)) ?? s;
    if (COMPLETIONS.size >= COMPLETIONS_KEPT) COMPLETIONS.clear();
    COMPLETIONS.set(s, whole);
  }
  return whole;
}

/** The longest vocabulary word (a text as long is completed by none), and completions found so far (bounded). */
const COMPLETABLE_LONGEST = maxOf(COMPLETABLE.map((w) => w.length));
const COMPLETIONS = new Map<string, string>();
const COMPLETIONS_KEPT = 1 << 12;

/** How much less half a vocabulary word scores than the word: what completing it gains. */
const PREFIX_DISCOUNT = 2;

/** cellScore, with a piece of a vocabulary word scored as the word, less in proportion to what it lacks. */
function fragmentScore(column: ColumnKey, text: string, context: ScoreContext): number | null {
  const whole = completed(text);
  if (whole === text) return cellScore(column, text, context);
  const score = cellScore(column, whole, context);
  return score === null ? cellScore(column, text, context) : score - (PREFIX_DISCOUNT * 2 * (whole.length - text.length)) / whole.length;
}

/**
 * Cost of a continuation word right of all anchor words taken as a cell of its own (the anchor line left it
 * empty): counted in the word's alignment and in its row's score, since a cell centred on its row, as the
 * weight is, can hardly miss the weight's line (the word more likely continues a cell of the next or last row).
 */
const BEYOND = -2;
/** Cost per character of a continuation word printed right of its host, and left of it. */
const RIGHT_COST = 0.15;
const LEFT_COST = 0.6;
/** Grammar gain counted for a join its column's grammar rejects. */
const REJECTED = -6;

/** Value of a word printed where no host stands, made a host of its own (a cell the anchor line leaves empty). */
const NEW_HOST = -1;

/** Columns holding values (a number and unit, a date, a phrase): no piece of a 依据/赋分/佐证 word continues them. */
const VALUE_COLUMNS = new Set<ColumnKey>(['target', 'prior_year', 'actual', 'target_long', 'target_unit']);

/**
 * What joining `word` to a host's cell gains: in the host's column when the anchor line's reading gives it one,
 * else how well the joined text reads in its best column, above how well the host's text read if that was any
 * good (a fragment reading nowhere, "元/", gains nothing from whatever joins it).
 */
function hostGain(host: Host, word: string, above: boolean, options: GridOptions): number {
  // The tail of a document title ("点》") finishes the title its host opened, wherever pdftotext put it (the next page).
  if (!above && openTitle(host.text) && closesTitle(word)) return TITLE_JOIN;
  if (host.column !== null) return joinGain(host.column, host.text, word, above, options.context);
  if (!above && datedToDay(host.text, word)) return DAY_JOIN;
  const best = (text: string): number => {
    let top = -Infinity;
    for (const c of options.columns) top = Math.max(top, fragmentScore(c, text, options.context) ?? -Infinity);
    return top;
  };
  const after = best(above ? word + host.text : host.text + word);
  if (host.best?.text !== host.text) host.best = {text: host.text, score: best(host.text)};
  return after === -Infinity ? REJECTED : after - Math.max(0, host.best.score);
}

/** What joining `word` to a cell holding `text` gains in the column's score (REJECTED when it no longer fits). */
function joinGain(column: ColumnKey, text: string, word: string, above: boolean, context: ScoreContext): number {
  if (VALUE_COLUMNS.has(column) && completed(word) !== word) return REJECTED; // no value goes on with a rule's piece
  if (!above && datedToDay(text, word)) return DAY_JOIN;
  const joined = above ? word + text : text + word;
  const before = fragmentScore(column, text, context);
  const after = fragmentScore(column, joined, context);
  if (after === null) return REJECTED;
  return isVocabularyWord(column, joined) && !isVocabularyWord(column, text) ? Math.max(WORD_COMPLETED, after - (before ?? 0)) : after - (before ?? 0);
}

/** Least gain counted for a word completing a word of its column's closed vocabulary ("预算支出标" + "准"). */
const WORD_COMPLETED = 3;

/** Is `text` a whole word of the closed vocabulary of `column` (依据, 赋分规则, 佐证资料)? */
function isVocabularyWord(column: ColumnKey, text: string): boolean {
  if (column === 'basis') return isBasis(text);
  if (column === 'scoring_rule') return isScoringRule(text);
  return column === 'evidence' && isEvidence(text);
}

/**
 * Does `word` complete its host's text into a word of the host column's closed vocabulary ("按评判等级" + "赋分")?
 * Such a piece is placed by its vocabulary more than by its x: pdftotext may print a short continuation line far
 * left of the packed anchor line above it ("赋分" under the prior year's "长期").
 */
function completesWord(host: Host, word: string, above: boolean): boolean {
  if (host.column === null || isVocabularyWord(host.column, host.text)) return false;
  return isVocabularyWord(host.column, above ? word + host.text : host.text + word);
}

/** Cost of joining a host past the next host (see alignWords). */
const PASSED_HOST = 2;

/** Where a continuation word goes: on a host, or in the gap before host `gap` (hosts.length: after them all). */
type HostChoice = {host: Host} | {gap: number};

/**
 * The best monotone choices for a line's words: join a host, or stand in a gap between hosts as a host of its
 * own. pdftotext packs a full line tighter than a sparse one, so a continuation word sits at or right of its
 * host's x, further right the further along the line: a word right of its host costs little, left of it much. A
 * word stands in a gap only clear of the hosts beside it (a space each side); right of all hosts it costs BEYOND.
 * A word completing its host's vocabulary word (completing) costs as little left of it as right.
 * @param nothingLeft The anchor line's first word is a name: no column lies left of it, so a word printed left of
 * it (pdftotext shifts a line's words right by the wide labels before them) continues one of its words.
 */
function alignWords(
  hosts: ReadonlyArray<Host>, hostXs: ReadonlyArray<ReadonlyArray<number>>, words: ReadonlyArray<Placed>, gains: ReadonlyArray<ReadonlyArray<number>>,
  nothingLeft: boolean, completing: ReadonlyArray<ReadonlyArray<boolean>>,
): HostChoice[] {
  const H = hosts.length;
  const end = (h: number): number => hosts[h].placed.x + hosts[h].placed.width;
  // State s: even s the gap before host s / 2, odd s host (s - 1) / 2.
  const value = (w: number, s: number): number => {
    const x = words[w].x;
    if (s % 2 === 1) {
      const h = (s - 1) / 2;
      // A word standing wholly right of the next host, a word of another line, continues that one or one after.
      const passes = h + 1 < H && !hosts[h + 1].anchored && x > end(h + 1) ? PASSED_HOST : 0;
      let distance = Infinity;
      const leftCost = completing[w][h] ? RIGHT_COST : LEFT_COST;
      for (const at of hostXs[h]) distance = Math.min(distance, x >= at ? RIGHT_COST * (x - at) : leftCost * (at - x));
      return gains[w][h] - passes - distance;
    }
    const g = s / 2;
    if (H === 0) return 0;
    if (g === 0) return nothingLeft ? -Infinity : x <= hosts[0].placed.x - SAME_X ? 0 : REJECTED - LEFT_COST * (x - hosts[0].placed.x + SAME_X);
    if (g === H) return x > end(H - 1) ? BEYOND : -Infinity;
    return x >= end(g - 1) && x + words[w].width < hosts[g].placed.x ? NEW_HOST : -Infinity;
  };
  const m = 2 * H + 1;
  const best: number[][] = [];
  const from: number[][] = [];
  for (let w = 0; w < words.length; w++) {
    best.push(new Array(m).fill(-Infinity));
    from.push(new Array(m).fill(-1));
    let runBest = -Infinity;
    let runArg = -1;
    for (let s = 0; s < m; s++) {
      if (w > 0 && best[w - 1][s] > runBest) { runBest = best[w - 1][s]; runArg = s; }
      best[w][s] = (w === 0 ? 0 : runBest) + value(w, s);
      from[w][s] = runArg;
    }
  }
  const out = new Array<HostChoice>(words.length);
  if (words.length === 0) return out;
  const last = best[words.length - 1];
  let s = last.indexOf(maxOf(last));
  for (let w = words.length - 1; w >= 0; w--) {
    out[w] = s % 2 === 1 ? {host: hosts[(s - 1) / 2]} : {gap: s / 2};
    s = from[w][s];
  }
  return out;
}

/**
 * Move each line's row number (序号: a short number opening the line, left of every other word of the grid) out of
 * its body.
 */
function splitRowNumbers(lines: ReadonlyArray<Row2D>): void {
  const isNumber = (p: Placed): boolean => /^\d{1,3}$/.test(p.token.text);
  const others = lines.flatMap((l) => l.body.filter((p, k) => k > 0 || !isNumber(p)).map((p) => p.x));
  if (others.length === 0) return;
  const edge = minOf(others);
  for (const l of lines) {
    const first = l.body[0];
    if (first !== undefined && isNumber(first) && first.x + first.width <= edge) l.seq = l.body.shift();
  }
}

/**
 * Move the words of a flat table's project columns (项目名称, 项目资金, 年度绩效目标) out of the lines' bodies: a
 * line's leading words left of its page's 一级 column (the leftmost 一级 name or first line of one on the page). pdftotext
 * starts each page's lines at its leftmost word, so a page whose project columns are empty is printed further
 * left: its words are moved right to put its 一级 column where the other pages have it.
 */
function splitProjectWords(lines: ReadonlyArray<Row2D>): void {
  const level1X = new Map<number, number>();
  for (const l of lines) {
    for (const p of l.body) if (opensLevel1(p.token.text)) level1X.set(l.page, Math.min(level1X.get(l.page) ?? Infinity, p.x));
  }
  const widest = maxOf(level1X.values());
  for (const l of lines) {
    const edge = level1X.get(l.page);
    if (edge === undefined) continue;
    while (l.body.length > 0 && l.body[0].x < edge) l.project.push(l.body.shift()!);
    for (const p of [...l.project, ...l.body]) p.x += widest - edge;
  }
}

/** Is `s` a 一级 name or its first line ("产出指" of a name wrapped in a narrow column)? */
const opensLevel1 = (s: string): boolean => isLevel1(s) || (s.length >= 2 && LEVEL1_NAMES.some((n) => n.length > s.length && n.startsWith(s)));
const LEVEL1_NAMES: readonly string[] = LEVEL_NAMES.filter(isLevel1);

/** One project's cells of a flat table, joined over the lines they are printed on, with their vertical centre. */
interface ProjectLabel {
  cells: Map<ColumnKey, Placed[]>;
  centre: number;
  page: number;
}

/** A 项目资金 amount ("186.40", "1,200"). */
const isAmount = (s: string): boolean => /^\d[\d,]*(\.\d+)?$/.test(asciiDigits(s));

/**
 * The projects of a flat table from its project words: each word goes to the column it starts in (项目名称 from
 * the leftmost x, 项目资金 an amount at the x where amounts follow a name, 年度绩效目标 from the x of the words
 * after such amounts); a project is a run of consecutive lines holding project words, a second amount in a run
 * starting the next project.
 */
function projectLabels(lines: ReadonlyArray<Row2D>): ProjectLabel[] {
  const words = lines.flatMap((l) => l.project);
  if (words.length === 0) return [];
  const nameX = minOf(words.map((p) => p.x));
  let budgetX = Infinity;
  let goalX = Infinity;
  for (const l of lines) {
    const [first, second, third] = l.project;
    if (!first || !second || first.x > nameX + SAME_X || !isAmount(second.token.text)) continue;
    budgetX = Math.min(budgetX, second.x);
    if (third) goalX = Math.min(goalX, third.x);
  }
  const columnOf = (p: Placed): ColumnKey => {
    if (isAmount(p.token.text) && p.x >= budgetX - SAME_X && p.x < goalX) return 'project_budget';
    if (budgetX !== Infinity ? p.x < budgetX - 1 : p.x <= nameX + SAME_X) return 'project';
    return 'project_goal';
  };
  const out: ProjectLabel[] = [];
  let current: ProjectLabel | null = null;
  let count = 0;
  let last = -Infinity;
  lines.forEach((l, i) => {
    if (l.project.length === 0) return;
    const columns = l.project.map(columnOf);
    const resumes = current !== null && i <= last + 1 + MAX_PROJECT_GAP && !columns.includes('project_budget') && goalUnfinished(current);
    if (!current || (i > last + 1 && !resumes) || l.page !== current.page || (columns.includes('project_budget') && current.cells.has('project_budget'))) {
      current = {cells: new Map(), centre: 0, page: l.page};
      count = 0;
      out.push(current);
    }
    l.project.forEach((p, k) => current!.cells.set(columns[k], [...(current!.cells.get(columns[k]) ?? []), p]));
    current.centre = (current.centre * count + i) / (count + 1);
    count++;
    last = i;
  });
  return out;
}

/** Most lines of other rows printed between two lines of one project's cells (its goal still running on). */
const MAX_PROJECT_GAP = 2;

/** Has the project's 年度绩效目标 begun without its closing full stop (its next lines may lie past other rows)? */
function goalUnfinished(project: ProjectLabel): boolean {
  const goal = project.cells.get('project_goal');
  return goal !== undefined && !/[。；;.]$/.test(goal[goal.length - 1].token.text);
}

/** Is `s` the beginning of a 一级/二级 name? */
const isNamePrefix = (s: string): boolean => LEVEL_NAMES.some((n) => n.startsWith(s));
const isName = (s: string): boolean => isLevel1(s) || isLevel2(s);

/**
 * Join the label fragments of each label column into labels: a fragment continues the label above while the
 * joined text is still the beginning of a 一级/二级 name (also when printed out of order: "成本" "经济" "指标"), or
 * when the label above is no name yet and the fragment is short and close below it.
 */
function joinLabels(lines: ReadonlyArray<Row2D>, edgesOf: (page: number) => ColumnEdges): Label[] {
  const out: Label[] = [];
  const open: Partial<Record<Label['column'], Label>> = {};
  lines.forEach((l, i) => {
    const {level3: level3Start, level2: level2Start} = edgesOf(l.page);
    const taken = new Set<Label['column']>();
    for (const p of [...l.labels]) {
      let column: Label['column'] = p.x < level2Start && !taken.has('level1') ? 'level1' : 'level2';
      if (p.unsure) column = taken.has('level2') ? 'level1' : 'level2';
      // A name of one column only goes there wherever printed (a page whose 一级 cells are empty starts its lines
      // at the 二级 column).
      const named = nameColumn(p.token.text);
      if (named !== null && !taken.has(named)) column = named;
      taken.add(column);
      const text = p.token.text;
      const cur = open[column];
      // A row broken by a page prints the end of its label at the top of the next page, before any other word
      // there: it completes the name, and the label stays centred where its first part was printed.
      if (cur && cur.page + 1 === l.page && !isName(cur.text) && isName(cur.text + text) && opensPage(lines, i)) {
        extend(cur, p, cur.text + text, i, false, false);
        continue;
      }
      // A name left unfinished at the foot of a page goes on at the top of the next (a row broken by the page).
      const unfinished = cur !== undefined && !isName(cur.text) && isNamePrefix(cur.text);
      const gap = cur === undefined || (cur.page !== l.page && !unfinished) ? Infinity : i - lastIndex(cur, lines);
      const near = gap <= (unfinished ? UNFINISHED_LABEL_GAP : LABEL_GAP);
      if (cur && near) {
        if (isNamePrefix(cur.text + text)) { extend(cur, p, cur.text + text, i); continue; }
        if (isNamePrefix(text + cur.text)) { extend(cur, p, text + cur.text, i, true); continue; }
        if (!p.unsure && !isName(cur.text) && !isNamePrefix(cur.text) && text.length <= 3) { extend(cur, p, cur.text + text, i); continue; }
      }
      // A name's opening piece ("数量指") before a word of the 三级 column on its line stands left of that column: a
      // label of its own, though printed against the 三级 column's usual edge (wide labels shift a line right).
      const opens = text.length >= 2 && isNamePrefix(text) && !isName(text) && l.body.length > 0 && l.body[0].x < level3Start + 2 * SAME_X;
      if (p.unsure && !opens) { // not a label after all: back to the body
        l.labels.splice(l.labels.indexOf(p), 1);
        l.body.unshift(p);
        continue;
      }
      const label: Label = {column, parts: [p], text, centre: i, reach: Math.max(HALF_LINE, l.blockBelow ?? 0), page: l.page};
      out.push(label);
      open[column] = label;
    }
  });
  return out;
}

/** Is line i the first of its page holding words (labels or body)? */
function opensPage(lines: ReadonlyArray<Row2D>, i: number): boolean {
  for (let j = i - 1; j >= 0 && lines[j].page === lines[i].page; j--) if (lines[j].body.length > 0 || lines[j].labels.length > 0) return false;
  return true;
}

/** The label column whose names alone `s` is (or begins, two characters or more), else null. */
function nameColumn(s: string): Label['column'] | null {
  if (s.length < 2) return null;
  const level1 = LEVEL_NAMES.some((n) => isLevel1(n) && n.startsWith(s));
  const level2 = LEVEL_NAMES.some((n) => isLevel2(n) && n.startsWith(s));
  return level1 === level2 ? null : level1 ? 'level1' : 'level2';
}

/** Most lines from one piece of a label to the next. */
const LABEL_GAP = 3;
/** … when the label so far is an unfinished name ("满意度指"): in a tall row its last piece may lie further down. */
const UNFINISHED_LABEL_GAP = 6;

function lastIndex(label: Label, lines: ReadonlyArray<Row2D>): number {
  const last = label.parts[label.parts.length - 1].token.line;
  return lines.findIndex((l) => l.line === last);
}

function extend(label: Label, p: Placed, text: string, index: number, before = false, recentre = true): void {
  const n = label.parts.length;
  if (recentre) label.centre = (label.centre * n + index) / (n + 1);
  if (before) label.parts.unshift(p); else label.parts.push(p);
  label.text = text;
}

/**
 * The row each label heads (its span's first row): per label column, the split of the rows into consecutive
 * spans, one per label, whose middles lie nearest the labels' centres. 二级 spans nest in 一级 spans, under a
 * 一级 that admits them: one column is split freely and the other within it, both ways round, and the cheaper
 * pair is kept (a label's printed line is only good to a line or so, which the other column settles).
 */
function labelHeads(
  labels: ReadonlyArray<Label>, spans: ReadonlyArray<[number, number]>, lines: ReadonlyArray<Row2D>, kinds: ReadonlyArray<RowKind | null>,
): Map<number, Label[]> {
  const level1 = labels.filter((l) => l.column === 'level1');
  const level2 = labels.filter((l) => l.column === 'level2');
  const fit = misfits(level2, kinds);
  const read = (rounding: Rounding): {starts1: number[]; starts2: number[]; cost: number} => {
    const free = (): number => 0;
    const a1 = spanStarts(level1, spans, lines, free, rounding);
    const inA1 = nested(a1, level1, level2);
    const a2 = spanStarts(level2, spans, lines, (j, s, e) => inA1(j, s, e) + fit(j, s, e), rounding);
    const b2 = spanStarts(level2, spans, lines, fit, rounding);
    const b1 = spanStarts(level1, spans, lines, enclosing(b2, level2, level1), rounding);
    return a1.cost + a2.cost <= b1.cost + b2.cost
      ? {starts1: a1.starts, starts2: a2.starts, cost: a1.cost + a2.cost}
      : {starts1: b1.starts, starts2: b2.starts, cost: b1.cost + b2.cost};
  };
  // Labels centred between two lines print on the upper line or on the lower one, as pdftotext rounds: most often
  // the upper. A table's labels are read the other way when they fit it better.
  const down = read('down');
  const up = read('up');
  const {starts1, starts2} = up.cost < down.cost - ROUNDING_MARGIN ? up : down;
  const heads = new Map<number, Label[]>();
  const add = (label: Label, row: number): void => { heads.set(row, [...(heads.get(row) ?? []), label]); };
  level1.forEach((label, j) => add(label, starts1[j]));
  level2.forEach((label, j) => add(label, starts2[j]));
  return heads;
}

/** What a row measures (see row-kind.ts). */
function rowKind(parse: GridParse): RowKind | null {
  const row = parse.items.find((item) => 'row' in item);
  if (!row || !('row' in row)) return null;
  const text = (c: ColumnKey): string => (row.row.cells.get(c) ?? []).map((t) => t.text).join('');
  return measuredKind(text('level3'), text('target') + text('target_unit'));
}

/** Cost per row of a 二级 span whose kind (LEVEL2_KIND) is not the row's: a tie-break among centred readings. */
const MISFIT = 0.1;

/** Rows of a 二级 label's span that measure another kind than the label names. */
function misfits(level2: ReadonlyArray<Label>, kinds: ReadonlyArray<RowKind | null>): SpanRule {
  return (j, s, e) => {
    const kind = LEVEL2_KIND[level2[j].text];
    if (kind === undefined) return 0;
    let cost = 0;
    for (let r = s; r <= e; r++) if (kinds[r] !== null && kinds[r] !== kind) cost += MISFIT;
    return cost;
  };
}

/** Extra cost of a span of rows s..e for a label j, given the spans already chosen in the other column. */
type SpanRule = (j: number, s: number, e: number) => number;

/** Cost of a 二级 span crossing a 一级 boundary, or under a 一级 that does not admit it. */
const UNNESTED = 20;
const FOREIGN_PARENT = 5;

/** A project's table names each 一级 once: a project span heading one 一级 name twice runs into the next project. */
function repeatedLevel1(heads: ReadonlyMap<number, ReadonlyArray<Label>>): SpanRule {
  return (_, s, e) => {
    const names: string[] = [];
    for (let r = s; r <= e; r++) for (const label of heads.get(r) ?? []) if (label.column === 'level1') names.push(label.text);
    return UNNESTED * (names.length - new Set(names).size);
  };
}

/** 二级 spans within the given 一级 spans. */
function nested(starts1: {starts: number[]}, level1: ReadonlyArray<Label>, level2: ReadonlyArray<Label>): SpanRule {
  return (j, s, e) => {
    let cost = 0;
    starts1.starts.forEach((b, k) => {
      if (b > s && b <= e) cost += UNNESTED;
      const end = k + 1 < starts1.starts.length ? starts1.starts[k + 1] - 1 : Infinity;
      if (b <= s && s <= end && !admitsChild(level1[k].text, level2[j].text)) cost += FOREIGN_PARENT;
    });
    return cost;
  };
}

/** 一级 spans made of whole given 二级 spans. */
function enclosing(starts2: {starts: number[]}, level2: ReadonlyArray<Label>, level1: ReadonlyArray<Label>): SpanRule {
  return (j, s, e) => {
    let cost = 0;
    starts2.starts.forEach((b, k) => {
      const end = k + 1 < starts2.starts.length ? starts2.starts[k + 1] - 1 : Infinity;
      if (b < s && end >= s) cost += UNNESTED; // the 二级 span above runs into this 一级 span
      if (b >= s && b <= e && !admitsChild(level1[j].text, level2[k].text)) cost += FOREIGN_PARENT;
    });
    return cost;
  };
}

/**
 * pdftotext prints a label centred between two lines on the upper one: a label's true centre is its printed
 * line or half a line below (on one-line rows, a span of two rows reads as well as a span of one or three). In a
 * column-major block all labels are printed on its first line, wherever they are centred in it.
 */
const HALF_LINE = 0.5;
/**
 * Which line pdftotext printed the labels centred between two lines on: 'down' the upper one (the true centre
 * half a line below), 'up' the lower one. Labels over an even number of one-line rows tell; when both read
 * alike, 'down'.
 */
type Rounding = 'down' | 'up';
/** How much cheaper the 'up' reading of a table's labels must be to be kept. */
const ROUNDING_MARGIN = 0.05;
/** Where in that reach a label is taken to be when nothing else tells (a slight lean to its printed line). */
const LABEL_ROUNDING = 0.1;
/** Weight of that lean against the distance outside the reach. */
const LEAN = 0.05;
/** Cost of a label printed outside the rows it would head. */
const OUTSIDE_SPAN = 10;

/** First row of each label's span, by a programme over (label, first row), and the cost of the split. */
function spanStarts(
  labels: ReadonlyArray<{centre: number; reach?: number}>, spans: ReadonlyArray<[number, number]>, lines: ReadonlyArray<Row2D>,
  rule: SpanRule, labelRounding: Rounding = 'down',
): {starts: number[]; cost: number} {
  const J = labels.length;
  const K = spans.length;
  if (J === 0) return {starts: [], cost: 0};
  // cost(j, s, e): distance between label j's centre and the middle of rows s..e. A span broken by a page prints
  // its label at its top (Chromium; it is not centred on either part).
  const printed = printedLines(lines);
  const cost = (j: number, s: number, e: number): number => {
    let top = spans[s][0];
    let bottom = spans[e][1];
    // Lines holding only a flat table's project words lie beside the grid's rows, not in them.
    while (top < bottom && lines[top].body.length === 0 && lines[top].labels.length === 0) top++;
    while (bottom > top && lines[bottom].body.length === 0 && lines[bottom].labels.length === 0) bottom--;
    const reach = labels[j].reach;
    const rounding: Rounding = reach === undefined ? 'down' : labelRounding;
    const c = labels[j].centre + (rounding === 'up' ? -LABEL_ROUNDING : LABEL_ROUNDING);
    const extra = rule(j, s, e);
    if (lines[top].page !== lines[bottom].page) return Math.abs(c - top - 0.5) + extra;
    // Measured in printed lines: the blank lines between two rows are space printed between them.
    const middle = (printed[top] + printed[bottom]) / 2;
    const centre = printedAt(printed, labels[j].centre);
    const lean = centre + (rounding === 'up' ? -LABEL_ROUNDING : LABEL_ROUNDING);
    // Rounded up, a label's true centre may lie half a line above its printed line (a block's reach stays below).
    const above = rounding === 'up' ? HALF_LINE : 0;
    const below = reach === undefined ? 0 : rounding === 'up' ? (reach > HALF_LINE ? reach : 0) : reach;
    const off = reach === undefined ? Math.abs(middle - lean)
      : Math.max(0, centre - above - middle, middle - centre - below) + LEAN * Math.abs(middle - lean);
    return off + (c >= top - 1 && c <= bottom + 1 ? 0 : OUTSIDE_SPAN) + extra;
  };
  // best[j][s]: best cost of labels j..J-1 with label j starting at row s.
  const best: number[][] = Array.from({length: J + 1}, () => new Array(K + 1).fill(Infinity));
  const next: number[][] = Array.from({length: J}, () => new Array(K).fill(-1));
  for (let j = J - 1; j >= 0; j--) {
    for (let s = 0; s < K; s++) {
      if (j === J - 1) { best[j][s] = cost(j, s, K - 1); continue; }
      for (let t = s + 1; t < K; t++) {
        const v = cost(j, s, t - 1) + best[j + 1][t];
        if (v < best[j][s]) { best[j][s] = v; next[j][s] = t; }
      }
    }
  }
  let s = 0;
  for (let k = 1; k < K; k++) if (best[0][k] + k * LATE_START < best[0][s] + s * LATE_START) s = k;
  const total = best[0][s] + s * LATE_START;
  const starts: number[] = [];
  for (let j = 0; j < J; j++) {
    starts.push(s);
    s = next[j][s];
    if (s === -1) s = K - 1;
  }
  return {starts, cost: total};
}

/**
 * Each line's position in printed lines: its index plus the blank lines printed above it since the first (the
 * space between two rows). A line unfolded from a column-major block holds words of several source lines: only
 * the lines past its last word's are between it and the next.
 */
function printedLines(lines: ReadonlyArray<Row2D>): number[] {
  const out: number[] = [];
  lines.forEach((l, i) => {
    if (i === 0) { out.push(0); return; }
    const before = lines[i - 1];
    const last = maxOf([before.line, ...[...before.labels, ...before.body, ...before.project].map((p) => p.token.line)]);
    out.push(out[i - 1] + 1 + Math.max(0, l.line - last - 1));
  });
  return out;
}

/** The printed position (see printedLines) at a fractional index into the grid's lines, between the lines around it. */
function printedAt(printed: ReadonlyArray<number>, index: number): number {
  const below = Math.min(printed.length - 1, Math.max(0, Math.floor(index)));
  const above = Math.min(printed.length - 1, below + 1);
  return printed[below] + (index - below) * (printed[above] - printed[below]);
}

/** Cost per row left above the first label of a column (they take the label above the table: none). */
const LATE_START = 2;

/** Header lines in a row needed to read a header down its columns, and header words among them. */
const MIN_HEADER_LINES = 2;
const MIN_HEADER_WORDS = 6;

/**
 * A grid header wrapped inside narrow columns ("一级 二级 三级指标 … 指标赋" / "指标 指标 … 分规则") read down its
 * columns: the first run of lines made only of header words becomes one word per column (words starting within
 * two characters of each other, joined top to bottom), left to right. Null when there is no such run.
 * @example joinHeaderColumns(tokenizeLines(splitLines('一级 二级\n指标 指标')), text).map((t) => t.text) // => ['一级指标', '二级指标']
 */
export function joinHeaderColumns(tokens: ReadonlyArray<Token>, lineText: (no: number) => string): Token[] | null {
  const lines = placeTokens(tokens, lineText);
  const isHeaderLine = (l: Row2D): boolean => l.body.every((p) => isHeaderFragment(p.token.text));
  for (let i = 0; i < lines.length; i++) {
    let j = i;
    while (j < lines.length && isHeaderLine(lines[j])) j++;
    const run = lines.slice(i, j);
    if (run.length < MIN_HEADER_LINES || run.reduce((n, l) => n + l.body.length, 0) < MIN_HEADER_WORDS) { i = j; continue; }
    const columns: Placed[][] = [];
    for (const p of run.flatMap((l) => l.body).sort((a, b) => a.x - b.x)) {
      const near = columns.find((c) => Math.abs(c[0].x - p.x) <= 2);
      if (near) near.push(p); else columns.push([p]);
    }
    const joined = columns.map((c, k): Token => {
      const parts = c.sort((a, b) => a.token.line - b.token.line);
      const others = parts.slice(1).map((p) => p.token.line).filter((l) => l !== parts[0].token.line);
      return {...parts[0].token, text: parts.map((p) => p.token.text).join(''), gap: k === 0 ? 'line' : 'space', alsoLines: others.length > 0 ? others : undefined};
    });
    const first = tokens.indexOf(run[0].body[0].token);
    const last = tokens.indexOf(run[run.length - 1].body[run[run.length - 1].body.length - 1].token);
    return [...tokens.slice(0, first), ...joined, ...tokens.slice(last + 1)];
  }
  return null;
}
