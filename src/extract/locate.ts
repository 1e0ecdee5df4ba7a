// Lines → table regions: each 绩效目标表 title and the lines up to where the table ends (the next title, a
// section heading such as "(五) 其他需说明的事项", a new 第X部分, or the end of the document). A reading-order dump
// (pdftotext's pages end in form feeds) may print the heading's paragraph in the middle of the table's last page,
// the rest of the grid after it: the region then runs to the end of that page, the paragraph set aside.
import type {TableKind} from '../types.ts';
import {COLUMN_ALIASES, LEVEL_NAMES, TABLE_TITLES} from '../vocab.ts';
import {compact, isBlankLine, isPageFooter, type Line} from './lines.ts';

/** One located table: title line and inclusive line range (1-based). */
export interface Region {
  kind: TableKind;
  title: string;
  titleLine: number;
  start: number;
  end: number;
  /** True when the region runs to the end of the document rather than to a heading or the next title. */
  toEndOfFile: boolean;
  /** Lines (first, last) of a section heading and its paragraph printed inside the region: not table text. */
  aside?: [number, number];
}

const MAX_TITLE = 48;

/**
 * The table kind a title line announces, or null when the line is not a table title.
 * A title is short, has no sentence punctuation, and names a 绩效目标表.
 * @example titleKind(' 项目支出绩效目标表') // => 'project'
 * @example titleKind('做在同一项目支出绩效目标表。') // => null
 */
export function titleKind(text: string): TableKind | null {
  if (!text.includes('表')) return null; // every title ends in 表: most lines are rejected before compacting
  const s = compact(text);
  if (s.length === 0 || s.length > MAX_TITLE) return null;
  if (/[。，；,;：:！？]/.test(s) || /见下表|如下表|详见/.test(s)) return null;
  if (!/表([（(][^（()）]*[)）])?$/.test(s)) return null;
  for (const {kind, pattern} of TABLE_TITLES) if (pattern.test(s)) return kind;
  return null;
}

/** The first non-blank character a section heading can have (isSectionHeading's three forms). */
const HEADING_START = /^\s*[（(第一二三四五六七八九十]/;

/** A heading that closes the performance section: "(五) …", "第四部分 …", "五、…" and the like. */
export function isSectionHeading(text: string): boolean {
  if (!HEADING_START.test(text)) return false; // most lines, before compacting
  const s = compact(text);
  if (s.length === 0 || s.length > 40 || /[；;。，,]/.test(s)) return false; // a numbered sentence, not a heading
  return /^[（(][一二三四五六七八九十]+[)）]/.test(s) || /^第[一二三四五六七八九十]+部分/.test(s) || /^[一二三四五六七八九十]+、/.test(s);
}

/**
 * Every table region in the document, in order.
 * @example locateTables(splitLines('项目支出绩效目标表\n预算单位 X\n(五) 其他')) // => [{kind: 'project', titleLine: 1, start: 1, end: 2, …}]
 */
export function locateTables(lines: ReadonlyArray<Line>): Region[] {
  const titles: number[] = [];
  for (let i = 0; i < lines.length; i++) if (titleKind(lines[i].text) !== null) titles.push(i);
  const regions: Region[] = [];
  for (let k = 0; k < titles.length; k++) {
    const first = titles[k];
    const limit = k + 1 < titles.length ? titles[k + 1] : lines.length;
    let last = first;
    let closed = k + 1 < titles.length;
    let aside: [number, number] | undefined;
    for (let i = first + 1; i < limit; i++) {
      if (isSectionHeading(lines[i].text)) {
        const rest = gridAfterParagraph(lines, i, limit);
        if (rest === null) { closed = true; break; }
        aside = [lines[i].no, lines[rest.paragraphEnd].no];
        last = rest.pageEnd;
        closed = true;
        break;
      }
      last = i;
    }
    while (last > first && isBlankLine(lines[last].text)) last--;
    regions.push({
      kind: titleKind(lines[first].text)!, title: compact(lines[first].text), titleLine: lines[first].no,
      start: lines[first].no, end: lines[last].no, toEndOfFile: !closed,
      ...(aside ? {aside} : {}),
    });
  }
  return regions;
}

/** Longest line of grid text after a heading's paragraph: prose runs the width of the page. */
const LONGEST_CELL_LINE = 40;
/** Lines of a page's rest enough to tell grid text (a page number alone is none). */
const MIN_GRID_LINES = 3;
/** A bare page number, dashed or not (a page footer is one too: isPageFooter). */
const BARE_PAGE_NUMBER = /^[-－—]?\d{1,4}[-－—]?$/;
const COMPARATOR_OR_NUMBER = /^(?:[<>=≥≤≧≦＜＞＝]|\d)/;
const COLUMN_NAMES = COLUMN_ALIASES.map(([name]) => name);

/** A line holding grid text: a level name, a column name, a value or weight, a piece of a 《title》. */
function isGridLine(s: string): boolean {
  return COMPARATOR_OR_NUMBER.test(s) || /[《》]/.test(s) || LEVEL_NAMES.some((w) => s.includes(w)) || COLUMN_NAMES.some((w) => s.includes(w));
}

/**
 * The rest of a table's page after a section heading's paragraph (the heading at index h): the paragraph's last
 * line (the heading, then lines up to a blank one or one ending a sentence) and the page's last line (before the
 * next line opening with a form feed). Null unless the page's lines after the paragraph are grid text: short
 * lines, most of them level names, column names, values or weights.
 */
function gridAfterParagraph(lines: ReadonlyArray<Line>, h: number, limit: number): {paragraphEnd: number; pageEnd: number} | null {
  let p = h;
  while (p + 1 < limit && !isBlankLine(lines[p + 1].text) && !/[。.]$/.test(compact(lines[p].text))) p++;
  let end = p + 1;
  while (end < limit && !lines[end].text.includes('\f')) end++;
  if (end >= limit) return null;
  const rest = lines.slice(p + 1, end).map((l) => compact(l.text)).filter((s) => s.length > 0 && !BARE_PAGE_NUMBER.test(s) && !isPageFooter(s));
  if (rest.length < MIN_GRID_LINES || rest.some((s) => s.length > LONGEST_CELL_LINE)) return null;
  return rest.filter(isGridLine).length * 2 >= rest.length ? {paragraphEnd: p, pageEnd: end - 1} : null;
}
