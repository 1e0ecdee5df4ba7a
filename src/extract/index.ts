// The extraction pipeline: clean text → every 绩效目标表 with metadata, indicator rows and diagnostics.
// Pure: no disk, no clock. Bytes are decoded before this (decode.ts); files are read in src/io/.
//
//   text ──splitLines──▶ Line[] ──locateTables──▶ Region[]
//   Region ──tokenize──▶ Token[] ──findGridHeader (or read down columns)──▶ meta tokens │ grid tokens
//   meta tokens ──parseMeta──▶ TableMeta
//   grid tokens ──strip page furniture──▶ ──detectLayout──▶ tabbed: one DP per line (continuations merged)
//                                                          columnar: 2-D rows (columnar.ts), one DP per row
//                                                          wrapped: one DP over the stream
//   grid parses ──assembleRows──▶ Indicator[] ──▶ Table (+ line accounting)
import type {ColumnKey, Diagnostic, LayoutName, LineStats, Table, TemplateName} from '../types.ts';
import {BASES, COLUMN_ALIASES, COLUMN_NAMES, COLUMN_ORDER, DEFAULT_COLUMNS, LEVEL_NAMES, PROJECT_COLUMNS, SCORING_RULES} from '../vocab.ts';

/** Below this share of well-formed rows a table is reported as probably misread. */
const LOW_CONFIDENCE = 0.95;
import * as messages from '../diagnostics/messages.ts';
import {CANONICAL_NAME, findGridHeader, isLabelOnly, isLabelValuePair, parseMeta, YEAR_LINE, type GridHeader} from './header.ts';
import {segmentGrid, withCuts, type GridOptions, type GridParse} from './grid.ts';
import {normalizeCounting, type GlyphForms} from './decode.ts';
import {asciiDigits, compact, csvAsTabs, isBlankLine, isPageFooter, markdownAsPlain, splitLines, tokenizeLines, type Line, type Token} from './lines.ts';
import {locateTables, type Region} from './locate.ts';
import {assembleRows, cellText, type ProjectCells} from './rows.ts';
import {groupByProject, ownersByWeight, projectColumnsAbove, projectsInGrid, type ProjectColumnsAbove} from './flat.ts';
import {joinSplitLabels} from './labels.ts';
import {undoColumnMajor} from './interleave.ts';
import {remapLines, spreadHtmlTables} from './html.ts';
import {splitFusedTokens} from './fused.ts';
import {trailingCells} from './trailing.ts';
import {pieceStarts} from './pieces.ts';
import {dashedPriorYears, isReadingOrderDump, isWordEnd, preferParse, readingOrder, withJoinedPriorDashes} from './reading-order.ts';
import {joinHeaderColumns, readColumnar} from './columnar.ts';
import {isBoxDump, readBoxes} from './boxes.ts';
import {interleavedHeader} from './header-order.ts';
import {isBlockedRegion, joinSpacedUnits, officeHeader} from './office.ts';
import {cellScore, CUT, parseWeight, scoreContext, TOTAL_ROW, weightsAddUp, type ScoreContext} from './grammar.ts';
import {maxOf, minOf, pushAll} from '../arrays.ts';

/** Options of extractText. */
export interface ExtractOptions {
  /** Name written into every diagnostic (default: `'<input>'`). */
  file?: string;
  /** Radical forms the text's normalisation turned into ideographs (decodeBytes' `glyphForms`): noted first. */
  glyphForms?: GlyphForms | null;
}

/** Tables and diagnostics of one text. */
export interface Extraction {
  tables: Table[];
  diagnostics: Diagnostic[];
}

/**
 * Extract every 绩效目标表 from decoded text. The text is normalised first (normalizeText: CRLF and CR line ends,
 * odd spaces, zero-width characters, a BOM, radical forms of ideographs), so a string read straight from a Windows
 * file reads like the bytes decoded by decodeBytes would.
 * @example extractText(text, {file: 'a.txt'}).tables.length // => 32 for the five bundled documents together
 */
export function extractText(text: string, options: ExtractOptions = {}): Extraction {
  const {text: normalized, forms} = normalizeCounting(text);
  return extractNormalized(normalized, {...options, glyphForms: forms});
}

/** extractText of a text already normalised (decodeBytes' output), without a second pass over it. */
export function extractNormalized(text: string, options: ExtractOptions = {}): Extraction {
  const file = options.file ?? '<input>';
  // 1. Lines: HTML tables spread into rows, Markdown read as plain text, pipe-separated and CSV rows as
  // tab-separated ones (line numbers of the spread text are mapped back to the source's at the end).
  const spread = spreadHtmlTables(text);
  const {tables, diagnostics} = extractLines(splitLines(csvAsTabs(markdownAsPlain(spread?.text ?? text))), file);
  if (spread !== null) remapLines(tables, diagnostics, spread.sourceLine);
  const forms = options.glyphForms;
  if (forms) diagnostics.unshift(messages.glyphForms(file, forms.line, forms.count));
  return {tables, diagnostics};
}

/** Every table of the lines: their regions, each read on its own. */
function extractLines(lines: ReadonlyArray<Line>, file: string): Extraction {
  const regions = locateTables(lines);
  const tables: Table[] = [];
  const diagnostics: Diagnostic[] = [];
  // 2. Each region on its own.
  const limit = (k: number): number => (k + 1 < regions.length ? regions[k + 1].start : lines.length + 1);
  const found = regions.map((region, k) => withTrailingCells(lines, region, file, limit(k), 'plain'));
  // One text comes from one converter: when some of its grids read as a box or reading-order dump, the others may too.
  const told = (['boxes', 'reading-order'] as const).find((order) => found.some((f) => f.order === order));
  if (told) regions.forEach((region, k) => { if (found[k].order !== told) found[k] = withTrailingCells(lines, region, file, limit(k), told); });
  for (const f of found) {
    pushAll(tables, f.tables);
    pushAll(diagnostics, f.diagnostics);
  }
  if (regions.length === 0) diagnostics.push(messages.noTables(file, lines.length));
  return {tables, diagnostics};
}

/**
 * extractRegion, with the cells printed after the region's end (trailingCells, before `limit`) read into it when
 * they fill cells its rows lack without adding rows (or, adding rows, make its weights add up).
 */
function withTrailingCells(lines: ReadonlyArray<Line>, region: Region, file: string, limit: number, textOrder: TextOrder): RegionExtraction {
  const plain = extractEither(lines, region, file, [], textOrder);
  const trailing = trailingCells(lines, region, limit);
  if (trailing.length === 0) return plain;
  const more = extractEither(lines, region, file, trailing, textOrder);
  const sameRows = more.tables.length === plain.tables.length && more.tables.every((t, k) => t.indicators.length === plain.tables[k].indicators.length);
  // Rows the cells add are misread unless they make the weights add up (to 90 or 100), which they did not before.
  // (A flat table's projects: every project's weights add up with them, and not every one did without.)
  const weightsMended = more.tables.length === plain.tables.length && more.tables.every(tableWeightsAddUp) && !plain.tables.every(tableWeightsAddUp);
  if (!(sameRows || weightsMended) || filledCells(more.tables) <= filledCells(plain.tables)) return plain;
  const note = messages.trailingCells(file, trailing[0].no, trailing[trailing.length - 1].no, trailing.length);
  return {tables: more.tables, diagnostics: [...more.diagnostics, note], order: more.order};
}

/** Fitting rows the reading with the dealt header must add (a box dump's plain reading often reads as well). */
const CLEARLY_MORE = 2;

/**
 * extractRegion, and for a region printed in blocks (office PDFs, isBlockedRegion) also its reading with the
 * header dealt out of the blocks (officeHeader): the one with more rows whose cells fit their columns.
 */
function extractEither(lines: ReadonlyArray<Line>, region: Region, file: string, trailing: readonly Line[], textOrder: TextOrder): RegionExtraction {
  const plain = extractRegion(lines, region, file, trailing, textOrder);
  // A plain reading whose every table fits its columns and adds up leaves the blocks nothing to mend (and a
  // one-cell-per-line dump with blank lines between cells is read twice for nothing).
  if (tablesRead(plain.tables)) return plain;
  if (!isBlockedRegion(tokenizeLines(lines.slice(region.start, region.end)))) return plain;
  const blocks = extractRegion(lines, region, file, trailing, textOrder, true);
  // (A header dealt with more columns than the plain reading found needs no margin: the plain one missed names.)
  // (Nor does one whose every table reads whole, over a plain one that does not: tablesRead.)
  const margin = columnsNamed(blocks.tables) > columnsNamed(plain.tables) || (tablesRead(blocks.tables) && !tablesRead(plain.tables)) ? 0 : CLEARLY_MORE;
  const better = fittingRows(blocks.tables) > fittingRows(plain.tables) + margin && metaFilled(blocks.tables) >= metaFilled(plain.tables)
    && columnsNamed(blocks.tables) >= columnsNamed(plain.tables);
  return better ? blocks : plain;
}

/** Does every table have rows, all of whose cells fit their columns, and weights that add up? */
function tablesRead(tables: readonly Table[]): boolean {
  return tables.length > 0 && tables.every((t) => t.confidence === 1 && t.indicators.length > 0 && tableWeightsAddUp(t));
}

/** Grid columns named, over all tables (a header dealt short of the one found in a run misses columns). */
function columnsNamed(tables: readonly Table[]): number {
  return tables.reduce((n, t) => n + t.columns.length, 0);
}

/** Metadata fields read (not null), over all tables. */
function metaFilled(tables: readonly Table[]): number {
  const fields = ['year', 'unit', 'project', 'leader', 'budget_total', 'budget_fiscal', 'budget_other'] as const;
  return tables.reduce((n, t) => n + fields.filter((f) => t[f] !== null).length, 0);
}

/**
 * Rows read whose cells fit their columns (confidence × rows) less the rows with a cell that does not, over all
 * tables (a reading that cuts rows in pieces gains no more rows than it misreads); weights adding up count two
 * rows; a table whose row numbers were read as weights counts none.
 */
function fittingRows(tables: readonly Table[]): number {
  return tables.reduce((n, t) => (seqReadAsWeights(t) ? n : n + (2 * t.confidence - 1) * t.indicators.length + (t.indicators.length > 0 && tableWeightsAddUp(t) ? 2 : 0)), 0);
}

/** Row numbers in a row's order that give away a 序号 column read into the weights ("1", "10", "2", "10", "3" …). */
const SEQ_RUN = 4;

/**
 * Are a table's weights its rows' numbers (a 序号 column read into them, its own rows or rows of its cells'
 * pieces): 1, 2, 3 … in order, up to half its rows or more (a long table's small weights hold a shorter run)?
 */
function seqReadAsWeights(table: Table): boolean {
  let next = 1;
  for (const r of table.indicators) if (r.weight === next) next++;
  return next > SEQ_RUN && next - 1 >= table.indicators.length / 2;
}

/** Do a table's weights sum to 90 or 100? */
function tableWeightsAddUp(table: Table): boolean {
  return weightsAddUp(table.indicators.reduce((n, r) => n + (r.weight ?? 0), 0));
}

/** Indicator cells with text in them, over all tables. */
function filledCells(tables: readonly Table[]): number {
  return tables.reduce((n, t) => n + t.indicators.reduce((m, r) => m + Object.values(r).filter((v) => typeof v === 'string' && v !== '').length, 0), 0);
}

/**
 * How a dump orders a grid's cells: as printed (rows in order), in pdftotext's reading order (isReadingOrderDump), or
 * in pdfminer's boxes (isBoxDump).
 */
type TextOrder = 'plain' | 'reading-order' | 'boxes';

/** The tables of a region, and the order its grid told (plain: none). */
interface RegionExtraction {
  tables: Table[];
  diagnostics: Diagnostic[];
  order: TextOrder;
}

/**
 * Extract one located table: one Table, or one per project when a flat table lists several projects.
 * @param trailing Lines after the region read as the end of its grid (see trailingCells).
 * @param textOrder The order another grid of the text told: this one is read so too, and that reading kept when it
 *   reads as well as the plain one.
 */
export function extractRegion(
  lines: ReadonlyArray<Line>, region: Region, file: string, trailing: readonly Line[] = [], textOrder: TextOrder = 'plain', blocks = false,
): RegionExtraction {
  const diagnostics: Diagnostic[] = [];
  const labelLinesAbove = labelsAboveTitle(lines, region);
  // (The labels go after the title's year line, "（2025 年度）", which the metadata read before them.)
  const yearLines = labelLinesAbove.length > 0 ? yearLinesAfter(lines, region) : 0;
  const regionLines = [lines[region.start - 1], ...lines.slice(region.start, region.start + yearLines), ...labelLinesAbove,
    ...lines.slice(region.start + yearLines, region.end), ...trailing];
  // 1. Tokens after the title line, page headers and footers removed.
  const {kept: tableTokens, aside} = setAside(tokenizeLines(regionLines.slice(1)), region);
  if (aside.length > 0) diagnostics.push(messages.sectionTextInTable(file, region.aside![0], region.aside![1], cellText(aside)));
  const footers = stripFooters(tableTokens, file);
  const lineText = (no: number): string => lines[no - 1].text;
  pushAll(diagnostics, footers.diagnostics);
  // 2. The grid header splits metadata from the grid; a header wrapped column by column is read down its columns.
  const {tokens, header: headerAbove} = gridHeaderOf(footers.kept, lineText, blocks);
  const levelsBelow = headerAbove ? levelNamesBelow(tokens, headerAbove) : null;
  const valuesBelow = headerAbove ? columnNamesBelow(tokens, levelsBelow?.header ?? headerAbove) : null;
  const below = valuesBelow || levelsBelow
    ? {header: (valuesBelow ?? levelsBelow)!.header, names: [...(levelsBelow?.names ?? []), ...(valuesBelow?.names ?? [])]}
    : null;
  const printedHeader = below?.header ?? headerAbove;
  // A flat table's project columns printed among the metadata (reading-order dumps) head the grid too.
  const above = printedHeader ? withProjectsInGrid(projectColumnsAbove(tokens, printedHeader), tokens, lineText) : null;
  const header = above?.header ?? printedHeader;
  const aboveTokens = new Set(above?.tokens);
  const metaTokens = header ? tokens.slice(0, header.first).filter((t) => !aboveTokens.has(t)) : tokens;
  const meta = parseMeta(metaTokens, region.kind, region.title, lineText);
  for (const bad of meta.badAmounts) diagnostics.push(messages.badAmount(file, bad.line, bad.label, bad.value));
  for (const t of meta.pageNumbers) diagnostics.push(messages.pageNumber(file, t.line, t.text));
  if (meta.unclaimed.length > 0) {
    const ls = meta.unclaimed.map((t) => t.line);
    diagnostics.push(messages.unplacedHeaderText(file, minOf(ls), maxOf(ls), cellText(meta.unclaimed)));
  }
  const used = new Set<number>([region.titleLine]);
  const diagnosed = new Set<number>([...footers.removed, ...aside].map((t) => t.line));
  const diagnosedMeta = new Set([...meta.unclaimed, ...meta.pageNumbers]);
  for (const t of metaTokens) if (!diagnosedMeta.has(t)) used.add(t.line);
  for (const t of diagnosedMeta) diagnosed.add(t.line);
  let columns: ColumnKey[] = [];
  let layout: LayoutName = 'unknown';
  let indicators: Table['indicators'] = [];
  let confidence = 0;
  let owners: ProjectCells[] = [];
  let order: TextOrder = 'plain';
  const context = scoreContext(region.kind === 'overall', above?.names.length);
  if (!header) {
    diagnostics.push(messages.noGridHeader(file, region.start, region.end));
  } else {
    addLines(used, [...tokens.slice(header.first, header.next), ...(above?.tokens ?? []), ...(below?.names ?? [])]);
    // 3. The grid: strip page furniture, pick the layout, segment, assemble.
    const printed = gridTokens(tokens, header).filter((t) => !above?.tokens.includes(t) && !below?.names.includes(t));
    // (Office PDFs space digits off ideographs: "≥45 所" is one value.)
    const grid = blocks ? joinSpacedUnits(printed) : printed;
    const boxes = isBoxDump(grid);
    const furniture = stripRepeatedHeaders(grid, file, boxes || textOrder === 'boxes');
    pushAll(diagnostics, furniture.diagnostics);
    for (const t of furniture.removed) diagnosed.add(t.line);
    columns = tableColumns(header, region.kind);
    // Project names printed above the grid are no cells of it.
    const read = above ? columns.filter((c) => c !== 'project') : columns;
    layout = detectLayout(furniture.kept, lines.slice((labelLinesAbove[0]?.no ?? region.start) - 1, regionLines[regionLines.length - 1].no));
    const unfused = layout === 'tabbed' ? furniture.kept : splitFusedTokens(furniture.kept);
    const stream = layout === 'tabbed' ? unfused : joinSplitLabels(unfused);
    const parses = layout === 'tabbed' ? parseTabbed(stream, read, context)
      : (layout === 'columnar' ? readColumnar(furniture.kept, lineText, gridOptions(furniture.kept, read, context, 'stream')) : null)
        ?? [parseStream(stream, read, context, (no) => isBlankLine(lineText(no)))];
    // Reading-order dumps (pdftotext without flags) print a row's cells out of column order: read them so too
    // (told by words split around other cells, so before the split labels are joined).
    const headerTokens = tokens.slice(header.first, header.next);
    // (Header names printed at their columns' blocks inside the grid tell such a dump too.)
    const ordered = layout !== 'tabbed' && layout !== 'columnar';
    order = !ordered ? 'plain' : boxes ? 'boxes' : valuesBelow !== null || isReadingOrderDump(unfused, lineText, headerTokens) ? 'reading-order' : 'plain';
    // Box dumps (pdfminer) print a box's lines together, so no word is split around other cells there.
    const readAs = order === 'plain' ? textOrder : order;
    if (ordered && (readAs !== 'plain' || blocks)) {
      // The header repeated on a later page comes in pieces among the cells: each of its names is a page marker.
      const names = repeatedHeaderNames(stream, headerTokens);
      const nameSet = new Set(names);
      if (names.length > 0) {
        diagnostics.push(messages.repeatedHeader(file, names[0].line, names[names.length - 1].line));
        for (const t of names) diagnosed.add(t.line);
      }
      const kept = stream.filter((t) => !nameSet.has(t));
      // (A region printed in blocks whose words tell no order is read in reading order too, kept if it reads better.)
      parses[0] = blocks && readAs === 'plain' ? preferParse(parses[0], readingOrder(kept, read, context), read, context)
        : blocks ? preferParse(readBoxes(kept, read, context), readingOrder(kept, read, context), read, context) : order === 'boxes' ? readBoxes(kept, read, context)
        : readAs === 'boxes' ? preferParse(parses[0], readBoxes(kept, read, context), read, context, true)
          : preferParse(parses[0], readingOrder(kept, read, context), read, context, order === 'plain');
      // pdftotext joins a lone "-" with the line below it: a prior-year cell whose "-" it dropped so.
      if (readAs === 'reading-order') parses[0] = withJoinedPriorDashes(parses[0], kept, read);
    }
    const assembled = assembleRows(parses, columns, context, file);
    pushAll(diagnostics, assembled.diagnostics);
    addLines(used, assembled.placed);
    addLines(diagnosed, assembled.reported);
    // No silent loss, whichever reader ran: grid text that reached no cell and no diagnostic is reported here.
    const lost = furniture.kept.filter((t) => !used.has(t.line) && !diagnosed.has(t.line));
    for (const [line, group] of groupByLine(lost)) {
      diagnostics.push(messages.unplacedText(file, line, line, cellText(group)));
      diagnosed.add(line);
    }
    // A reading-order dump drops some hyphens: the prior-year cells that printed "-" (dashedPriorYears, and those
    // withJoinedPriorDashes restored before).
    indicators = readAs === 'reading-order' ? dashedPriorYears(assembled.indicators) : assembled.indicators;
    const restored = indicators.filter((r, k) => r !== assembled.indicators[k]);
    const joined = assembled.placed.filter((t) => t.restored === true);
    const restoredLines = [...restored.flatMap((r) => r.lines), ...joined.map((t) => t.line)];
    const count = restored.length + joined.length;
    if (count > 0) diagnostics.push(messages.priorDashRestored(file, minOf(restoredLines), maxOf(restoredLines), count));
    owners = above ? ownersByWeight(indicators, assembled.owners, above.names, above.beside) : assembled.owners;
    columns = usedColumns(columns, header, indicators);
    for (const r of indicators) for (const c of ['basis', 'prior_year', 'scoring_rule', 'evidence'] as const) if (!columns.includes(c)) r[c] = null;
    for (const r of indicators) if (r.weight_raw !== undefined) diagnostics.push(messages.weightNotNumber(file, r.lines[0], r.lines[1], r.weight_raw));
    if (indicators.length === 0) diagnostics.push(messages.noRows(file, region.start, region.end));
    confidence = confidenceOf(indicators, context);
    if (indicators.length > 0 && confidence < LOW_CONFIDENCE) diagnostics.push(messages.lowConfidence(file, region.start, region.end, confidence, layout));
  }
  const incomplete = header !== null && region.toEndOfFile && isCutShort(indicators, columns);
  if (incomplete) diagnostics.push(messages.truncatedTable(file, region.start, region.end));
  const names = columns.map((c) => header?.names[header.columns.indexOf(c)] ?? COLUMN_NAMES[region.kind][c] ?? c);
  const table: Table = {
    kind: region.kind, title: region.title, title_line: region.titleLine, lines: [region.start, region.end],
    year: meta.year, unit: meta.unit, project: region.kind === 'project' ? meta.project : null, leader: meta.leader,
    budget_total: meta.budget_total, budget_fiscal: meta.budget_fiscal, budget_other: meta.budget_other,
    budget_total_source: meta.budget_total_source, budget_upper: meta.budget_upper, budget_local: meta.budget_local,
    goal: meta.goal, ...(meta.department !== null ? {department: meta.department} : {}),
    template: templateOf(region.kind, columns), confidence, columns: names, layout, indicators,
    meta_lines: meta.lines, line_stats: lineStats(regionLines, used, diagnosed),
  };
  if (incomplete) table.incomplete = true;
  if (!header || !columns.includes('project')) return {tables: [table], diagnostics, order};
  // 3b. A flat table listing several projects: one table per project, the project columns lifted into it.
  const yuan = above?.yuan === true || /(?:资金|金额)[（(]元[)）]/.test(cellText(tokens.slice(header.first, header.next)));
  const groups = groupByProject(owners, yuan);
  // No rows read: the one table stands, so the region still shows (with its no-rows diagnostic).
  if (groups.length === 0) return {tables: [table], diagnostics, order};
  const starts = groups.map((g, k) => (k === 0 ? region.start : indicators[g.rows[0]].lines[0]));
  const tables = groups.map((g, k): Table => {
    const range: [number, number] = [starts[k], k + 1 < groups.length ? starts[k + 1] - 1 : region.end];
    const rows = g.rows.map((i) => indicators[i]);
    const kept = columns.map((c, i) => [c, names[i]] as const).filter(([c]) => !PROJECT_COLUMNS.has(c));
    return {
      ...table, lines: range, project: g.project || null, budget_total: g.budget, budget_fiscal: null, budget_other: null,
      budget_total_source: g.budget === null ? null : 'printed', budget_upper: null, budget_local: null,
      goal: g.goal ?? meta.goal, template: 'multi-project', confidence: confidenceOf(rows, context),
      columns: kept.map(([, n]) => n), indicators: rows,
      line_stats: lineStats(regionLines.filter((l) => l.no >= range[0] && l.no <= range[1]), used, diagnosed),
    };
  });
  if (groups.length > 1) diagnostics.push(messages.projectsSplit(file, region.start, region.end, groups.length));
  return {tables, diagnostics, order};
}

/** A flat table's projects printed above its grid, with those printed inside it after them (projectsInGrid). */
function withProjectsInGrid(above: ProjectColumnsAbove | null, tokens: ReadonlyArray<Token>, lineText: (no: number) => string): ProjectColumnsAbove | null {
  if (!above) return null;
  const inGrid = projectsInGrid(tokens.slice(above.header.next), lineText);
  // With no name printed above, one found inside is no list of several projects.
  if (above.names.length === 0 && inGrid.names.length < 2) return null;
  return {...above, names: [...above.names, ...inGrid.names], beside: [...above.beside, ...inGrid.beside], tokens: [...above.tokens, ...inGrid.tokens]};
}

/** Fewest label lines above a title that are read as the table's. */
const MIN_LABELS_ABOVE = 3;

/**
 * Label lines printed just above a table's title (pdftotext without flags may print a page's header-block labels,
 * "预算单位" / "项目名称" / … / "一级指标" / "二级指标", before the title block; pdfminer a column of "label：value"
 * pairs, or the header's boxes: names side by side in one box, "指标值设置依据 分值", a name wrapped over two,
 * "项目资金（万" / "元）", a label's value in the box after it): read after the title, where the labels stand in the
 * table. Only such lines, one to a line (blank lines between), three labels or more, and the first rows' 一级/二级
 * labels printed among them ("数量指标", "产出指标").
 */
function labelsAboveTitle(lines: ReadonlyArray<Line>, region: Region): Line[] {
  const above: Line[] = [];
  let labels = 0;
  const before = (no: number): number => {
    let k = no - 1;
    while (k >= 1 && isBlankLine(lines[k - 1].text)) k--;
    return k;
  };
  for (let no = region.start - 1; no >= 1; no--) {
    const line = lines[no - 1];
    if (isBlankLine(line.text)) continue;
    const text = compact(line.text);
    if (isLabelOnly(text) || isLabelValuePair(text) || isLabelRow(line.text)) {
      labels++;
      above.unshift(line);
      continue;
    }
    const prev = before(no);
    const prevText = prev >= 1 ? compact(lines[prev - 1].text) : '';
    if (prev >= 1 && (isLabelOnly(prevText + text) || (isLabelOnly(prevText) && isLabelValue(text)))) {
      // A label wrapped over two boxes, or a label's value after it: both lines are read.
      labels++;
      above.unshift(line);
      no = prev;
      above.unshift(lines[prev - 1]);
      continue;
    }
    if (!LEVEL_NAMES.includes(text)) break;
    above.unshift(line);
  }
  return labels >= MIN_LABELS_ABOVE ? above : [];
}

/** The lines right after a region's title up to its year line ("（2025 年度）") and that line: 0 when none follows it. */
function yearLinesAfter(lines: ReadonlyArray<Line>, region: Region): number {
  for (let k = region.start; k < region.end; k++) {
    if (isBlankLine(lines[k].text)) continue;
    return YEAR_LINE.test(asciiDigits(compact(lines[k].text))) ? k - region.start + 1 : 0;
  }
  return 0;
}

/** A line of header names side by side, each a label ("指标值设置依据 分值"). */
function isLabelRow(text: string): boolean {
  const parts = text.trim().split(/\s+/);
  return parts.length > 1 && parts.every((p) => isLabelOnly(p));
}

/** The longest value a label's box may be followed by (a unit's or a project's name, an amount). */
const LABEL_VALUE_LONGEST = 30;

/** A label's value printed in a box of its own: short, no sentence punctuation, no label. */
function isLabelValue(text: string): boolean {
  return text.length > 0 && text.length <= LABEL_VALUE_LONGEST && !/[。，,；;：:！？]/.test(text) && !isLabelOnly(text);
}

/** The tokens of a region without those of the section paragraph printed inside it (Region.aside). */
function setAside(tokens: Token[], region: Region): {kept: Token[]; aside: Token[]} {
  if (!region.aside) return {kept: tokens, aside: []};
  const [first, last] = region.aside;
  const inside = (t: Token): boolean => t.line >= first && t.line <= last;
  return {kept: tokens.filter((t) => !inside(t)), aside: tokens.filter(inside)};
}

/**
 * The grid header of a region's tokens, looked for as printed, then with header names read down their columns,
 * then with names dealt out over lines in reading order (interleavedHeader).
 */
function gridHeaderOf(tokens: Token[], lineText: (no: number) => string, blocks = false): {tokens: Token[]; header: GridHeader | null} {
  const office = blocks ? officeHeader(tokens) : null;
  if (office !== null) return office;
  const header = findGridHeader(tokens);
  if (header) return labelsAboveMoved(tokens, withLevelNamesAbove(tokens, header));
  const joined = joinHeaderColumns(tokens, lineText);
  const again = joined === null ? null : findGridHeader(joined);
  if (again !== null && joined !== null) return {tokens: joined, header: again};
  return {tokens, header: interleavedHeader(tokens)};
}

/**
 * Reading-order dumps may print the 一级指标/二级指标 names among the metadata, lines above the rest of the
 * column header ("一级指标" / "二级指标" / "(2025 年)" / … / "三级指标"): whole names there head the grid too.
 */
function withLevelNamesAbove(tokens: ReadonlyArray<Token>, header: GridHeader): GridHeader {
  const absent = (['level1', 'level2'] as const).filter((c) => !header.columns.includes(c));
  if (absent.length === 0) return header;
  const above = new Set(tokens.slice(0, header.first).map((t) => t.text));
  const missing = absent.filter((c) => above.has(CANONICAL_NAME[c]));
  if (missing.length === 0) return header;
  return {...header, columns: [...missing, ...header.columns], names: [...missing.map((c) => CANONICAL_NAME[c]), ...header.names]};
}

/**
 * Reading-order dumps may also print the 一级指标/二级指标 names after the rows of the page they head, on a line of
 * their own ("一级指标 二级指标" / "第1页共2页"): such a line of whole names the header lacks heads the grid too.
 * @returns null when the header has those columns, or no such line follows it.
 */
function levelNamesBelow(tokens: ReadonlyArray<Token>, header: GridHeader): {header: GridHeader; names: Token[]} | null {
  const absent = (['level1', 'level2'] as const).filter((c) => !header.columns.includes(c));
  if (absent.length === 0) return null;
  const names = new Set(absent.map((c) => CANONICAL_NAME[c]));
  const lines = groupByLine(tokens.slice(header.next));
  const line = [...lines.values()].find((group) => group.every((t) => names.has(t.text)));
  if (!line) return null;
  const missing = absent.filter((c) => line.some((t) => t.text === CANONICAL_NAME[c]));
  return {header: {...header, columns: [...missing, ...header.columns], names: [...missing.map((c) => CANONICAL_NAME[c]), ...header.names]}, names: line};
}

/** Columns right of the names, whose header names a page printed column by column may print at their blocks. */
const VALUE_SIDE: readonly ColumnKey[] = ['target', 'target_unit', 'basis', 'prior_year', 'weight', 'scoring_rule', 'evidence'];

/**
 * Reading-order dumps of a page printed column by column (names, then values, bases, weights, each a block) may
 * print the header names of the later columns at their blocks, alone on a line inside the grid ("指标值" / "≥12个"
 * … / "分值" / "15" …): two or more such names of columns right of every column the header has, in column order,
 * head the grid too; so does a lone 指标值 under a header of names only.
 * @returns null when there are fewer than two such names (and no lone 指标值 the header lacks).
 */
function columnNamesBelow(tokens: ReadonlyArray<Token>, header: GridHeader): {header: GridHeader; names: Token[]} | null {
  const rightmost = maxOf(header.columns.map((c) => COLUMN_ORDER.indexOf(c)));
  const absent = VALUE_SIDE.filter((c) => !header.columns.includes(c) && COLUMN_ORDER.indexOf(c) > rightmost);
  if (absent.length === 0) return null;
  const found: Array<{col: ColumnKey; token: Token}> = [];
  for (const group of groupByLine(tokens.slice(header.next)).values()) {
    // A line of names only: one, or several side by side (a box dump joins neighbouring names on one line).
    const cols = group.map((t) => COLUMN_ALIASES.find(([name]) => name === t.text)?.[1]);
    if (cols.some((col) => col === undefined || !absent.includes(col))) continue;
    group.forEach((token, k) => { if (!found.some((f) => f.col === cols[k])) found.push({col: cols[k]!, token}); });
  }
  // (One is enough when it is the 指标值 of a header without one: the Ministry of Finance 申报表's last column.)
  const enough = found.length >= 2 || (found.length === 1 && found[0].col === 'target');
  if (!enough || found.some((f, k) => k > 0 && COLUMN_ORDER.indexOf(f.col) < COLUMN_ORDER.indexOf(found[k - 1].col))) return null;
  return {
    header: {...header, columns: [...header.columns, ...found.map((f) => f.col)], names: [...header.names, ...found.map((f) => f.token.text)]},
    names: found.map((f) => f.token),
  };
}

/**
 * Labels those dumps print between the level names and the rest of the header ("一级指标" / "二级指标" /
 * "数量指标" / "产出指标" / "(2025 年)" …) are the first rows' labels: they move to the start of the grid.
 */
function labelsAboveMoved(tokens: Token[], header: GridHeader): {tokens: Token[]; header: GridHeader} {
  const from = tokens.findIndex((t, k) => k < header.first && t.text === CANONICAL_NAME.level1);
  if (from < 0 || !header.columns.includes('level1')) return {tokens, header};
  const labels = tokens.slice(from + 1, header.first).filter((t) => LEVEL_NAMES.includes(t.text) && t.text !== CANONICAL_NAME.level2);
  if (labels.length === 0) return {tokens, header};
  const labelSet = new Set(labels);
  const kept = tokens.filter((t) => !labelSet.has(t));
  const moved = [...kept.slice(0, header.next - labels.length), ...labels, ...kept.slice(header.next - labels.length)];
  return {tokens: moved, header: {...header, first: header.first - labels.length, next: header.next - labels.length}};
}

/** Add every source line of the tokens (see linesOf) to a set. */
function addLines(set: Set<number>, tokens: ReadonlyArray<Token>): void {
  for (const t of tokens) {
    set.add(t.line);
    if (t.alsoLines) for (const l of t.alsoLines) set.add(l);
  }
}

/** Grid tokens after the header, with the header's last token split when the first cell shares it. */
function gridTokens(tokens: ReadonlyArray<Token>, header: GridHeader): Token[] {
  const rest = tokens.slice(header.next);
  if (header.remainder === null) return rest;
  const split = tokens[header.next - 1];
  return [{...split, text: header.remainder, gap: 'space'}, ...rest];
}

/** How a line's first token opens when the line may be a page footer (or may start with whitespace compact removes). */
const FOOTER_START = /^(?:[第共\d\-－—]|\s)/;

interface Stripped {
  kept: Token[];
  removed: Token[];
  diagnostics: Diagnostic[];
}

/** Remove page header/footer lines ("第 3 页 共 9 页", "- 4 -"); the token after one starts a new page. */
function stripFooters(tokens: ReadonlyArray<Token>, file: string): Stripped {
  const drop = new Set<Token>();
  const diagnostics: Diagnostic[] = [];
  for (const [line, group] of groupByLine(tokens)) {
    if (!FOOTER_START.test(group[0].text)) continue;
    if (!isPageFooter(compact(group.map((t) => t.text).join('')))) continue;
    group.forEach((t) => drop.add(t));
    diagnostics.push(messages.pageFooter(file, line, group.map((t) => t.text).join(' ')));
  }
  const kept: Token[] = [];
  let afterFooter = false;
  for (const t of tokens) {
    if (drop.has(t)) { afterFooter = true; continue; }
    kept.push(afterFooter ? {...t, pageBreak: true, afterFooter: true} : t);
    afterFooter = false;
  }
  return {kept, removed: tokens.filter((t) => drop.has(t)), diagnostics};
}

const isTotalNumber = (t: Token): boolean => /^[\d.,%分]+$/.test(t.text);

/**
 * Remove column-header rows repeated inside the grid (a table continued on a new page) and 合计/小计 lines
 * (a label and numbers only): they are not indicators.
 * @param boxes The grid is a box dump (isBoxDump).
 */
function stripRepeatedHeaders(tokens: ReadonlyArray<Token>, file: string, boxes: boolean): Stripped {
  const drop = new Set<Token>();
  const diagnostics: Diagnostic[] = [];
  const lines = [...groupByLine(tokens)];
  lines.forEach(([line, group], k) => {
    if (!TOTAL_ROW.test(group[0].text) || !group.slice(1).every(isTotalNumber)) return;
    // The label alone, its numbers on the next line ("合计" / "90 88.39"): one total row. (In a box dump only in
    // its box: the next box is another column's block.)
    const below = lines[k + 1];
    const numbers = group.length === 1 && below?.[1].every(isTotalNumber) && (!boxes || below[0] === line + 1) ? below[1] : [];
    const row = [...group, ...numbers];
    row.forEach((t) => drop.add(t));
    diagnostics.push(messages.totalRow(file, line, row.map((t) => t.text).join(' ')));
  });
  let from = 0;
  const pageStarts = new Set<Token>();
  for (;;) {
    const kept = tokens.filter((t) => !drop.has(t));
    const again = findGridHeader(kept, from);
    if (!again) break;
    const run = kept.slice(again.first, again.next);
    run.forEach((t) => drop.add(t));
    if (!boxes && again.next < kept.length) pageStarts.add(kept[again.next]); // the header is reprinted on a new page (a box dump orders its boxes otherwise)
    diagnostics.push(messages.repeatedHeader(file, run[0].line, run[run.length - 1].line));
    from = again.first;
  }
  const kept = tokens.filter((t) => !drop.has(t)).map((t) => (pageStarts.has(t) && t.pageBreak !== true ? {...t, pageBreak: true} : t));
  return {kept, removed: tokens.filter((t) => drop.has(t)), diagnostics};
}

/**
 * Tokens after a page break that are whole names of the grid's header (its tokens' texts): the header reprinted.
 * A header wrapped into pieces ("指标", "料") shares them with the ends of wrapped labels and words: those stay cells.
 */
function repeatedHeaderNames(tokens: ReadonlyArray<Token>, header: ReadonlyArray<Token>): Token[] {
  const names = new Set(header.map((t) => t.text).filter((text) => !isWordEnd(text)));
  const pageStart = tokens.findIndex((t) => t.pageBreak);
  return pageStart < 0 ? [] : tokens.slice(pageStart).filter((t) => names.has(t.text));
}

function groupByLine(tokens: ReadonlyArray<Token>): Map<number, Token[]> {
  const byLine = new Map<number, Token[]>();
  for (const t of tokens) {
    const g = byLine.get(t.line);
    if (g) g.push(t); else byLine.set(t.line, [t]);
  }
  return byLine;
}

/**
 * The columns to read: the header's, in its order, plus the kind's canonical ones a header may have left out
 * (rows often carry a 指标赋分规则 the header forgot), each inserted after its canonical predecessor.
 */
function tableColumns(header: GridHeader, kind: Region['kind']): ColumnKey[] {
  const out: ColumnKey[] = [];
  for (const c of header.columns) if (!out.includes(c)) out.push(c);
  // Only a header close to the standard one forgot a column; another template (自评表 …, or the Ministry of
  // Finance 申报表's names and 指标值 alone) is taken as printed.
  const present = DEFAULT_COLUMNS[kind].filter((c) => out.includes(c));
  const standard = present.length >= DEFAULT_COLUMNS[kind].length - 2 && present.some((c) => !NAMES_AND_TARGET.has(c));
  for (const c of standard ? DEFAULT_COLUMNS[kind] : []) {
    if (out.includes(c)) continue;
    if (c === 'target' && (out.includes('target_nature') || out.includes('target_unit'))) continue;
    const before = COLUMN_ORDER.slice(0, COLUMN_ORDER.indexOf(c)).filter((p) => out.includes(p));
    const at = before.length === 0 ? 0 : out.indexOf(before[before.length - 1]) + 1;
    out.splice(at, 0, c);
  }
  return out;
}

/** The columns every grid has: the three names and the target. */
const NAMES_AND_TARGET = new Set<ColumnKey>(['level1', 'level2', 'level3', 'target']);

/** The columns to report: the header's plus any the rows filled although the header did not list them. */
function usedColumns(columns: ColumnKey[], header: GridHeader, rows: Table['indicators']): ColumnKey[] {
  const listed = new Set(header.columns);
  const filled = (c: ColumnKey): boolean => rows.some((r) => {
    const v = (r as unknown as Record<string, unknown>)[c];
    return v !== '' && v !== null && v !== undefined;
  });
  return columns.filter((c) => listed.has(c) || filled(c));
}

/** Tabbed when most grid lines carry tab-separated cells; else wrapped (one cell or run of cells per line). */
export function detectLayout(tokens: ReadonlyArray<Token>, regionLines: ReadonlyArray<Line>): LayoutName {
  if (tokens.length === 0) return 'unknown';
  const gridLines = new Set<number>();
  for (const t of tokens) gridLines.add(t.line);
  const first = regionLines[0].no;
  let tabbed = 0;
  let columnar = 0;
  let indented = 0;
  let multi = 0;
  for (const no of gridLines) {
    const shape = lineShape(regionLines[no - first].text);
    if (shape & TAB_APART) tabbed++;
    if (shape & SPACES_APART) columnar++;
    else if (shape & INDENTED) indented++; // a cell printed alone at its column
    if (shape & FOUR_WORDS) multi++;
  }
  if (tabbed >= gridLines.size * 0.5) return 'tabbed';
  // Cells apart on a line, or (with some of those: not a hierarchy shown by indentation) alone at their column.
  if (columnar >= gridLines.size * 0.3 || (columnar >= gridLines.size * 0.1 && columnar + indented >= gridLines.size * 0.3)) return 'columnar';
  return multi >= gridLines.size * 0.6 ? 'space-separated' : 'wrapped';
}

/** lineShape's marks. */
const TAB_APART = 1; // /\S\t+\S/: words apart by tabs only
const SPACES_APART = 2; // /\S {3,}\S/: words apart by three spaces or more
const INDENTED = 4; // /^ {6,}\S/: six spaces or more before the first word
const FOUR_WORDS = 8; // /(?:^|\s)\S+\s+\S+\s+\S+\s+\S/: four words or more

/** JavaScript's \s: is a UTF-16 code whitespace? */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029
    || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** What detectLayout asks of a line, in one scan: the marks above that hold for it. */
function lineShape(text: string): number {
  let shape = 0;
  let words = 0;
  let k = 0;
  while (k < text.length && text.charCodeAt(k) === 0x20) k++;
  if (k >= 6 && k < text.length && !isSpace(text.charCodeAt(k))) shape |= INDENTED;
  k = 0;
  while (k < text.length) {
    // A run of whitespace (its length, whether all tabs, whether all spaces), then a word.
    const gapStart = k;
    let tabs = true;
    let spaces = true;
    for (; k < text.length; k++) {
      const code = text.charCodeAt(k);
      if (!isSpace(code)) break;
      if (code !== 0x09) tabs = false;
      if (code !== 0x20) spaces = false;
    }
    if (k === text.length) break;
    if (words > 0 && k > gapStart) {
      if (tabs) shape |= TAB_APART;
      if (spaces && k - gapStart >= 3) shape |= SPACES_APART;
    }
    words++;
    while (k < text.length && !isSpace(text.charCodeAt(k))) k++;
  }
  return words >= 4 ? shape | FOUR_WORDS : shape;
}

/** The template a header names. */
function templateOf(kind: Region['kind'], columns: readonly ColumnKey[]): TemplateName {
  if (columns.includes('actual') || columns.includes('score')) return 'self-evaluation';
  if (columns.includes('target_long')) return 'long-annual';
  if (columns.includes('target_nature') || columns.includes('target_unit')) return 'split-target';
  const standard = DEFAULT_COLUMNS[kind].every((c) => columns.includes(c));
  return standard ? (kind === 'project' ? 'project-standard' : 'overall-standard') : 'other';
}

/** An indicator name holding another column's text: a comparator and a number, or a basis/rule word. */
const FOREIGN_IN_NAME = new RegExp(`[≥≤<>＜＞≧≦=＝]\\d|${[...BASES, ...SCORING_RULES].join('|')}`);

/** The columns whose cells confidenceOf and readsWhole check against their grammar. */
const CHECKED_CELLS = ['level3', 'target', 'basis', 'scoring_rule', 'evidence'] as const satisfies readonly ColumnKey[];

/** Share of rows whose filled cells all fit their column (a weight that is a number, a known basis …). */
function confidenceOf(rows: Table['indicators'], context: ScoreContext): number {
  if (rows.length === 0) return 0;
  let good = 0;
  for (const r of rows) {
    const fits = CHECKED_CELLS.every((c) => { const v = r[c]; return v === null || v === '' || (cellScore(c, v, context) ?? -1) > 0; })
      && !FOREIGN_IN_NAME.test(r.level3);
    if (fits && (r.weight !== null || r.weight_raw === undefined)) good++;
  }
  return Math.round((good / rows.length) * 100) / 100;
}

/** Grid options with the page-number test: a short number alone on its line. */
function gridOptions(tokens: ReadonlyArray<Token>, columns: ColumnKey[], context: ScoreContext, mode: GridOptions['mode']): GridOptions {
  const perLine = new Map<number, number>();
  for (const t of tokens) perLine.set(t.line, (perLine.get(t.line) ?? 0) + 1);
  return {columns, context, mode, pageNumberCandidate: (t) => perLine.get(t.line) === 1 && /^\d{1,4}$/.test(t.text), pieceStart: undefined, sameCell: undefined};
}

/**
 * A stream read as it is, or with column-major line pairs put back in row order when that reads better; cells may
 * be continued by pieces printed after their row's first line (pieceStarts).
 */
function parseStream(tokens: Token[], columns: ColumnKey[], context: ScoreContext, isBlank: (no: number) => boolean): GridParse {
  const read = (ts: ReadonlyArray<Token>): GridParse => {
    const options = gridOptions(ts, columns, context, 'stream');
    const pieces = pieceStarts(ts, isBlank);
    if (pieces.size === 0) return segmentGrid(ts, options);
    // Pieces cost the programme a page break's work at every line they may start: tried only when the reading
    // without them leaves something to mend.
    const whole = segmentGrid(ts, options);
    return readsWhole(whole, pieces, columns, context) ? whole : segmentGrid(ts, {...options, pieceStart: (t) => pieces.has(t)});
  };
  const plain = read(tokens);
  const reordered = undoColumnMajor(tokens, columns, context);
  if (reordered === tokens) return plain; // (a run found always changes the order)
  const other = read(reordered);
  return other.score > plain.score ? other : plain;
}

/**
 * Does a grid reading leave nothing for the pieces of cells (pieces.ts) to mend: no token dropped but page
 * numbers; no cell begun before a line of pieces and running into it (the piece may finish another cell of the
 * row), none cut at a line end (a rule's start "按照完成比例赋", a list cut after "，"); every row's checked cells
 * fitting their columns; where the table has weights, one in every row and all adding up (to 90 or 100)? Then the
 * pieces' reading is not tried (bundled one-cell-per-line documents: 15 -> 12.7 ms a document, scores unchanged).
 */
function readsWhole(parse: GridParse, pieces: ReadonlySet<Token>, columns: readonly ColumnKey[], context: ScoreContext): boolean {
  const weighted = columns.includes('weight');
  const cuts = withCuts(context);
  let sum = 0;
  let rows = 0;
  for (const item of parse.items) {
    if ('dropped' in item) {
      if (!item.dropped.pageNumber) return false;
      continue;
    }
    const weight = item.row.cells.get('weight');
    const w = weight === undefined ? null : parseWeight(cellText(weight));
    if (weighted && w === null) return false;
    sum += w ?? 0;
    rows++;
    for (const [c, cell] of item.row.cells) {
      for (let k = 1; k < cell.length; k++) if (pieces.has(cell[k]) && !pieces.has(cell[k - 1])) return false;
      const text = cellText(cell);
      if (cellScore(c, text, cuts) === CUT) return false;
      if ((CHECKED_CELLS as readonly ColumnKey[]).includes(c) && (cellScore(c, text, context) ?? -1) <= 0) return false;
    }
  }
  return rows > 0 && (!weighted || weightsAddUp(sum));
}

/**
 * Tabbed layout: one row per line, except a line that continues the row above, when that reads better:
 * - at the same tab positions ("度指 标|度指 标||=95%", "||(万元)": converters that wrap each cell in place);
 * - at the seam: the line is the rest of the row, its first cell the end of the row's last cell (a browser's
 *   innerText, copied from a web page, prints a line break inside a cell (<br>) as a newline inside the row:
 *   "产出指标|数量指标|内部审" + "计次数|≥5次|…").
 */
function parseTabbed(tokens: ReadonlyArray<Token>, columns: ColumnKey[], context: ScoreContext): GridParse[] {
  const options = gridOptions(tokens, columns, context, 'row');
  const score = (ts: Token[]): GridParse => segmentGrid(ts, options);
  const lines = [...groupByLine(tokens).values()];
  // Rows are runs of consecutive lines: best[j] is the best reading of lines 0..j-1, a row of up to
  // MAX_ROW_LINES lines (each joined to the run at the positions or at the seam, whichever reads better) last.
  const best: Array<{score: number; from: number; row: GridParse | null}> = [{score: 0, from: -1, row: null}];
  for (let j = 1; j <= lines.length; j++) best.push({score: -Infinity, from: -1, row: null});
  for (let i = 0; i < lines.length; i++) {
    let run = {tokens: lines[i], parse: score(lines[i])};
    for (let j = i; j < Math.min(lines.length, i + MAX_ROW_LINES); j++) {
      if (j > i) {
        // A line as wide as the table, after a run as wide, is a row of its own: a row wraps or breaks only
        // inside a cell, which leaves a line short of the table's last columns (or of its first).
        if (tabWidth(run.tokens) >= columns.length && tabWidth(lines[j]) >= columns.length) break;
        // A row prints at most one tab cell per column: a join giving more cells reads two rows as one.
        const joins = [mergeAtPositions(run.tokens, lines[j]), mergeAtSeam(run.tokens, lines[j])]
          .filter((merged) => new Set(merged.map((t) => t.cell)).size <= columns.length);
        if (joins.length === 0) break;
        run = joins.map((merged) => ({tokens: merged, parse: score(merged)}))
          .reduce((a, b) => (b.parse.score > a.parse.score ? b : a));
      }
      const total = best[i].score + run.parse.score;
      if (total > best[j + 1].score) best[j + 1] = {score: total, from: i, row: run.parse};
    }
  }
  const rows: GridParse[] = [];
  for (let j = lines.length; j > 0; j = best[j].from) rows.push(best[j].row!);
  return rows.reverse();
}

/** Tab positions a line's tokens reach (its last non-empty cell's index + 1). */
function tabWidth(tokens: ReadonlyArray<Token>): number {
  return 1 + maxOf(tokens.map((t) => t.cell), -1);
}

/** The most lines one tabbed row is read from (a cell wrapped over lines, or line breaks inside cells). */
const MAX_ROW_LINES = 8;

/** Append each token of `next` to the tab cell of the same index in `row`. */
function mergeAtPositions(row: ReadonlyArray<Token>, next: ReadonlyArray<Token>): Token[] {
  return joinCells([...row, ...next]);
}

/** Continue `row` with `next`: next's first cell ends row's last cell, its other cells follow. */
function mergeAtSeam(row: ReadonlyArray<Token>, next: ReadonlyArray<Token>): Token[] {
  const last = tabWidth(row) - 1;
  return joinCells([...row, ...next.map((t) => ({...t, cell: last + t.cell}))]);
}

/** Tokens ordered by tab cell (stable within a cell), gaps renumbered: a tab before each cell, spaces inside. */
function joinCells(tokens: ReadonlyArray<Token>): Token[] {
  const cells = new Map<number, Token[]>();
  for (const t of tokens) {
    const c = cells.get(t.cell);
    if (c) c.push(t); else cells.set(t.cell, [t]);
  }
  const out: Token[] = [];
  for (const index of [...cells.keys()].sort((a, b) => a - b)) {
    cells.get(index)!.forEach((t, k) => out.push({...t, gap: out.length === 0 ? 'start' : k === 0 ? 'tab' : 'space'}));
  }
  return out;
}

/**
 * A table cut by the end of the document: no rows, a last row missing its trailing cells, or weights that
 * stop short of the 90 or 100 a complete table adds up to.
 */
function isCutShort(rows: Table['indicators'], columns: readonly ColumnKey[]): boolean {
  const last = rows[rows.length - 1] as unknown as Record<string, unknown> | undefined;
  if (!last) return true;
  const lastColumn = columns[columns.length - 1];
  if (last[lastColumn] === '' || (columns.includes('weight') && last.weight === null)) return true;
  const weights = rows.map((r) => r.weight).filter((w): w is number => w !== null);
  const sum = Math.round(weights.reduce((a, b) => a + b, 0) * 100) / 100;
  return weights.length > 0 && sum < 90;
}

/** Line accounting: every line of the region is used, blank, or diagnosed. */
function lineStats(regionLines: ReadonlyArray<Line>, used: Set<number>, diagnosed: Set<number>): LineStats {
  const stats: LineStats = {seen: regionLines.length, used: 0, blank: 0, diagnosed: 0};
  for (const line of regionLines) {
    if (used.has(line.no)) stats.used++;
    else if (isBlankLine(line.text)) stats.blank++;
    else if (diagnosed.has(line.no)) stats.diagnosed++;
  }
  return stats;
}
