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

/** The line's text with all whitespace removed. */
export const compact = (s: string): string => s.replace(/\s+/g, '');

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
  const out: Token[] = [];
  const cells = line.text.split('\t');
  let pendingGap: Gap = firstGap;
  for (let c = 0; c < cells.length; c++) {
    if (c > 0 && out.length > 0) pendingGap = 'tab';
    const words = cells[c].split(/[ \f\v]+/);
    for (const w of words) {
      if (w === '') continue;
      out.push({text: w, line: line.no, cell: c, gap: pendingGap});
      pendingGap = 'space';
    }
    if (c === 0 && out.length === 0) pendingGap = firstGap;
  }
  return out;
}

/** Tokens of consecutive lines; the first token of each line has gap 'line' (the very first: 'start'). */
export function tokenizeLines(lines: ReadonlyArray<Line>): Token[] {
  const out: Token[] = [];
  for (const line of lines) {
    if (isBlankLine(line.text)) continue;
    const tokens = tokenizeLine(line, out.length === 0 ? 'start' : 'line');
    // A form feed (pdftotext's page end) or, for some converters, a leading space marks a new page.
    if (tokens.length > 0 && (line.text.startsWith(' ') || line.text.includes('\f'))) tokens[0].pageBreak = true;
    for (const t of tokens) out.push(t);
  }
  return out;
}
