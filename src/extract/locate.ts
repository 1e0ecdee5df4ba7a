// Lines → table regions: each 绩效目标表 title and the lines up to where the table ends (the next title, a
// section heading such as "(五) 其他需说明的事项", a new 第X部分, or the end of the document).
import type {TableKind} from '../types.ts';
import {TABLE_TITLES} from '../vocab.ts';
import {compact, isBlankLine, type Line} from './lines.ts';

/** One located table: title line and inclusive line range (1-based). */
export interface Region {
  kind: TableKind;
  title: string;
  titleLine: number;
  start: number;
  end: number;
  /** True when the region runs to the end of the document rather than to a heading or the next title. */
  toEndOfFile: boolean;
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
    for (let i = first + 1; i < limit; i++) {
      if (isSectionHeading(lines[i].text)) { closed = true; break; }
      last = i;
    }
    while (last > first && isBlankLine(lines[last].text)) last--;
    regions.push({
      kind: titleKind(lines[first].text)!, title: compact(lines[first].text), titleLine: lines[first].no,
      start: lines[first].no, end: lines[last].no, toEndOfFile: !closed,
    });
  }
  return regions;
}
