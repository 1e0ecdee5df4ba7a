// Clean text → numbered lines, and lines → whitespace-separated tokens that keep their line and the kind of
// gap before them (tab, space, new line). Every later stage works on these; nothing re-reads the text.

/** One source line, 1-based. */
export interface Line {
  no: number;
  text: string;
}

/** What separated a token from the one before it. */
export type Gap = 'start' | 'space' | 'tab' | 'line';

/** A run of non-whitespace characters with its source line. */
export interface Token {
  text: string;
  line: number;
  /** 0-based index of the tab cell the token sits in. */
  cell: number;
  gap: Gap;
  /** Other lines the token's text came from (a label joined from fragments on several lines). */
  alsoLines?: number[];
  /** The token starts a new page: its line begins with a space (some converters' page mark) or follows a footer. */
  pageBreak?: boolean;
  /**
   * The page ending before this token printed its number in a footer ("第 1 页 共 2 页", removed): a lone number
   * just before the break is then no page number (a weight, a prior-year value).
   */
  afterFooter?: boolean;
  /** Text the converter dropped, restored where the table's structure proves it (see withJoinedPriorDashes). */
  restored?: boolean;
  /** A lone "-" followed the token in print, dropped by the converter (see withJoinedLinesApart). */
  dashAfter?: boolean;
}

/**
 * A token with every field of the interface set (alsoLines undefined, the flags false), so that every token has
 * one shape: the engine's code for the hot loops reading tokens stays specialised to it (copies by spread keep it).
 */
export function newToken(text: string, line: number, cell: number, gap: Gap): Token {
  return {text, line, cell, gap, alsoLines: undefined, pageBreak: false, afterFooter: false, restored: false, dashAfter: false};
}

/** Every source line a token's text came from. */
export const linesOf = (t: Token): number[] => (t.alsoLines ? [t.line, ...t.alsoLines] : [t.line]);

/**
 * Split clean text (LF line ends) into numbered lines.
 * @example splitLines('a\nb') // => [{no: 1, text: 'a'}, {no: 2, text: 'b'}]
 */
export function splitLines(text: string): Line[] {
  const parts = text.split('\n');
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  const lines: Line[] = new Array(parts.length);
  for (let i = 0; i < parts.length; i++) lines[i] = {no: i + 1, text: parts[i]};
  return lines;
}

/**
 * Full-width digits, decimal point and percent sign (０–９ ． ％, typed with an input method's full-width mode) as
 * ASCII, for reading numbers; the cell keeps the text as printed.
 * @example asciiDigits('≥９５．５％') // => '≥95.5%'
 */
export function asciiDigits(s: string): string {
  // (A scan of char codes: called for every value and weight the grid scores, most of them without such a mark.)
  for (let k = 0; k < s.length; k++) {
    const code = s.charCodeAt(k);
    if ((code >= 0xff10 && code <= 0xff19) || code === 0xff0e || code === 0xff05) {
      return s.replace(FULL_WIDTH_DIGITS, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
    }
  }
  return s;
}
const FULL_WIDTH_DIGITS = /[\uff10-\uff19\uff0e\uff05]/g;

/** The line's text with all whitespace removed. */
export const compact = (s: string): string => s.replace(/\s+/g, '');

/**
 * Markdown read as the plain dump it stands for (what PDF-to-Markdown converters and chat tools give): a heading's
 * "#" marks and the "**" around bold text dropped ("## 项目支出绩效目标表", "**（五）其他需说明的事项**"), and table rows written
 * with pipes read as tab-separated rows, so the tabbed reader reads them — Markdown tables ("| 产出指标 | 数量指标 | … |")
 * and bare pipe-separated rows ("满意|满意|…|=95%"). A row is a line holding a pipe; its outer pipes are dropped,
 * each cell trimmed, "\|" read as a pipe and "<br>" (a line break) as a space inside a cell. Rule lines
 * ("|---|:---:|") are kept as they are, and so is the number of lines.
 * @example markdownAsPlain('## 绩效目标表\n| 一级指标 | 二级指标 |\n|---|---|\n| 产出指标 |  |')
 * // => '绩效目标表\n一级指标\t二级指标\n|---|---|\n产出指标\t'
 */
export function markdownAsPlain(text: string): string {
  if (!MARKDOWN_MARK.test(text)) return text;
  const lines = text.split('\n');
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!MARKDOWN_MARK.test(line)) continue;
    let plain = line.replace(HEADING_MARK, '').replace(BOLD_MARK, '$1');
    if (plain.indexOf('|') >= 0) plain = pipeRow(plain) ?? plain;
    if (plain === line) continue;
    lines[i] = plain;
    changed = true;
  }
  return changed ? lines.join('\n') : text;
}

/** What markdownAsPlain changes: a pipe, a bold mark, a heading mark at a line's start. */
const MARKDOWN_MARK = /[|]|\*\*|^#{1,6}\s/m;
const HEADING_MARK = /^#{1,6}\s+/;
/** A bold pair around text; asterisks that are the text's own (a masked name "***离休补贴") are kept. */
const BOLD_MARK = /\*\*([^*\s](?:[^*]*[^*\s])?)\*\*/g;

/** One line as a pipe-separated row's tab-separated cells, or null when it is no such row. */
function pipeRow(line: string): string | null {
  if (isRuleLine(line)) return null;
  // Split at the pipes that are not escaped ("\\|" is a pipe inside a cell).
  const cells = line.indexOf('\\|') < 0 ? line.split('|') : line.split(/(?<!\\)\|/).map((c) => c.replace(/\\\|/g, '|'));
  const outer = line.trimStart().startsWith('|');
  if (outer) cells.shift();
  if (line.trimEnd().endsWith('|') && cells.length > 0 && cells[cells.length - 1].trim() === '') cells.pop();
  return cells.map((c) => (c.indexOf('<') < 0 ? c : c.replace(LINE_BREAK_TAG, ' ')).trim()).join('\t');
}

/** "<br>", "<br/>", "<br />": a line break inside a Markdown table cell (a cell's wrapped line). */
const LINE_BREAK_TAG = /<br\s*\/?>/gi;

/**
 * A CSV export (a spreadsheet's table saved as comma-separated values) read as tab-separated rows, so that the tabbed
 * reader reads it: only when most of the text's non-blank lines are CSV rows of two or more fields, so that prose
 * with an odd ASCII comma is never cut. Quoted fields keep their commas ("1,286.40") and "" stands for a quote; a
 * line that is no CSV row, or whose quotes do not close on it, is kept as it is. Line numbers do not change.
 * @example csvAsTabs('一级指标,二级指标,指标值\n产出指标,数量指标,"1,200人"') // => '一级指标\t二级指标\t指标值\n产出指标\t数量指标\t1,200人'
 */
export function csvAsTabs(text: string): string {
  // A CSV row holds a comma and no tab: with no more such lines than half the filled ones, no field is parsed
  // (counted without splitting the text: most texts hold a few commas, in amounts).
  const commaLines = commaLinesWithoutTab(text);
  if (commaLines === 0 || filledLinesAtLeast(text, commaLines * 2)) return text;
  const lines = text.split('\n');
  const filled = lines.filter((l) => l.trim() !== '').length;
  const rows = lines.map(csvRow);
  if (rows.filter((r) => r !== null).length * 2 <= filled) return text;
  return lines.map((l, i) => rows[i] ?? l).join('\n');
}

/** The number of lines holding an ASCII comma and no tab, found by jumping from comma to comma. */
function commaLinesWithoutTab(text: string): number {
  let count = 0;
  for (let at = text.indexOf(','); at >= 0;) {
    const start = text.lastIndexOf('\n', at) + 1;
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    let k = start;
    while (k < end && text.charCodeAt(k) !== TAB) k++;
    if (k === end) count++;
    at = text.indexOf(',', end);
  }
  return count;
}

/** Does the text hold at least `count` lines that are not blank (whitespace only)? Scans no further than it needs. */
function filledLinesAtLeast(text: string, count: number): boolean {
  const nonSpace = /\S/g;
  for (let filled = 0; filled < count; filled++) {
    const m = nonSpace.exec(text);
    if (m === null) return false;
    const end = text.indexOf('\n', m.index);
    if (end < 0) return filled + 1 >= count;
    nonSpace.lastIndex = end + 1;
  }
  return true;
}

/** One line's CSV fields joined by tabs, or null when it is no CSV row of two or more fields (or holds a tab). */
function csvRow(line: string): string | null {
  if (line.indexOf(',') < 0 || line.indexOf('\t') >= 0) return null;
  const fields: string[] = [];
  let k = 0;
  while (k <= line.length) {
    if (line[k] === '"') {
      let field = '';
      let j = k + 1;
      for (;;) {
        const q = line.indexOf('"', j);
        if (q < 0) return null; // an open quote: no CSV row
        field += line.slice(j, q);
        if (line[q + 1] === '"') { field += '"'; j = q + 2; continue; }
        j = q + 1;
        break;
      }
      if (j < line.length && line[j] !== ',') return null;
      fields.push(field);
      k = j + 1;
    } else {
      const comma = line.indexOf(',', k);
      const end = comma < 0 ? line.length : comma;
      fields.push(line.slice(k, end));
      k = end + 1;
    }
  }
  return fields.length >= 2 ? fields.map((f) => f.trim()).join('\t') : null;
}

/** A rule line such as "---|---" or "=====" that only draws the table. */
export function isRuleLine(text: string): boolean {
  return /^[\s|:+\-—–=_]*$/.test(text) && /[-—–=_]{3,}/.test(text);
}

/** Empty, whitespace-only, or a rule line. */
export const isBlankLine = (text: string): boolean => text.trim() === '' || isRuleLine(text);

/**
 * Tokens of one line: tab cells split further at spaces. Empty tab cells leave no token.
 * @example tokenizeLine({no: 3, text: '产出 指标\t≥2 次'}).map(t => t.text) // => ['产出', '指标', '≥2', '次']
 */
export function tokenizeLine(line: Line, firstGap: Gap = 'line'): Token[] {
  // One scan of the text: a tab ends a cell, a space, form feed or vertical tab a word (as split('\t') and then
  // split(/[ \f\v]+/) would cut it).
  const out: Token[] = [];
  const text = line.text;
  let pendingGap: Gap = firstGap;
  let cell = 0;
  let word = -1; // start of the word being read, -1 between words
  for (let k = 0; k <= text.length; k++) {
    const code = k < text.length ? text.charCodeAt(k) : TAB;
    if (code !== TAB && code !== SPACE && code !== FORM_FEED && code !== VERTICAL_TAB) {
      if (word < 0) word = k;
      continue;
    }
    if (word >= 0) {
      out.push(newToken(text.slice(word, k), line.no, cell, pendingGap));
      pendingGap = 'space';
      word = -1;
    }
    if (code === TAB && k < text.length) {
      cell++;
      if (out.length > 0) pendingGap = 'tab';
    }
  }
  return out;
}

const TAB = 0x09;
const SPACE = 0x20;
const FORM_FEED = 0x0c;
const VERTICAL_TAB = 0x0b;

/** Tokens of consecutive lines; the first token of each line has gap 'line' (the very first: 'start'). */
export function tokenizeLines(lines: ReadonlyArray<Line>): Token[] {
  const out: Token[] = [];
  let formFeed = false; // a blank line with a form feed (MuPDF's page end) before the next line
  for (const line of lines) {
    if (isBlankLine(line.text)) {
      if (line.text.includes('\f')) formFeed = true;
      continue;
    }
    const tokens = tokenizeLine(line, out.length === 0 ? 'start' : 'line');
    // A form feed (pdftotext's page end) or, for some converters, a leading space marks a new page.
    if (tokens.length > 0 && (formFeed || line.text.startsWith(' ') || line.text.includes('\f'))) tokens[0].pageBreak = true;
    if (tokens.length > 0) formFeed = false;
    for (const t of tokens) out.push(t);
  }
  return out;
}

/** Page footers and headers as printed, spaces removed: "第3页共9页", "-4-", "3/9", "共9页第3页". */
const PAGE_FOOTERS = [/^第\d+页(共\d+页)?$/, /^[-－—]\d+[-－—]$/, /^\d+\/\d+$/, /^共\d+页第\d+页$/];

/**
 * Is a compacted line a page footer or header ("第3页共9页", "-4-", "3/9")? A bare number is not: it may be a weight.
 * @example isPageFooter('-4-') // => true
 */
export function isPageFooter(compacted: string): boolean {
  const s = asciiDigits(compacted);
  return PAGE_FOOTERS.some((p) => p.test(s));
}
