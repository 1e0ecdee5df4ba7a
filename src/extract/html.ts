// HTML tables inside a text dump (what MinerU and other PDF-to-Markdown tools write for tables with merged cells:
// "<table><tr><td rowspan="3">产出指标</td>…</tr></table>", often the whole table on one line) read as the
// tab-separated rows they stand for: a <caption> as a line of its own, then one line per <tr>, every row as wide as
// the table, a merged cell's text in its top-left position. The extractor reads that text; every line number it reports is then mapped back to the source
// line the row came from (remapLines), so provenance stays true to the file.
import type {Diagnostic, Table} from '../types.ts';

/** A text with its HTML tables spread into rows, and the source line of each of its lines (1-based). */
export interface SpreadText {
  text: string;
  /** sourceLine[n - 1]: the source line of line n of `text`. */
  sourceLine: Int32Array;
}

const TABLE = /<table\b[^>]*>([\s\S]*?)<\/table\s*>/gi;
const CAPTION = /<caption\b[^>]*>([\s\S]*?)<\/caption\s*>/i;
const ROW = /<tr\b[^>]*>([\s\S]*?)(?=<tr\b|<\/tr\s*>|$)/gi;
const CELL = /<t([dh])\b([^>]*)>([\s\S]*?)(?=<t[dh]\b|<\/t[dh]\s*>|<\/tr\s*>|$)/gi;
const ENTITIES: Readonly<Record<string, string>> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ge: '≥', le: '≤'};

/**
 * The text with each HTML table replaced by its rows, one tab-separated line per <tr>, or null when the text holds
 * no <table>. The lines around a table are kept; a table's rows take the place of the lines it spanned.
 * @example spreadHtmlTables('表\n<table><tr><td rowspan="2">产出指标</td><td>a</td></tr><tr><td>b</td></tr></table>')!.text
 * // => '表\n产出指标\ta\n\tb'
 */
export function spreadHtmlTables(text: string): SpreadText | null {
  if (!/<table\b/i.test(text)) return null;
  const out: string[] = [];
  const source: number[] = [];
  let line = 1;
  let open = ''; // the text of the current source line so far
  /** Lines of plain text up to a table (or the end): each finished line is written, the last stays open. */
  const plain = (s: string): void => {
    const parts = s.split('\n');
    open += parts[0];
    for (let k = 1; k < parts.length; k++) {
      out.push(open);
      source.push(line++);
      open = parts[k];
    }
  };
  let at = 0;
  for (const m of text.matchAll(TABLE)) {
    plain(text.slice(at, m.index));
    if (open.trim() !== '') { out.push(open); source.push(line); } // what stood before the table on its line
    open = '';
    const caption = CAPTION.exec(m[1]);
    if (caption !== null) { out.push(cellText(caption[1])); source.push(line + countLines(m[0].slice(0, m[0].indexOf('>') + 1 + caption.index))); }
    for (const row of tableRows(m[1], line + countLines(m[0].slice(0, m[0].indexOf('>') + 1)))) {
      out.push(row.text);
      source.push(row.line);
    }
    line += countLines(m[0]);
    at = m.index + m[0].length;
  }
  plain(text.slice(at));
  out.push(open);
  source.push(line);
  return {text: out.join('\n'), sourceLine: Int32Array.from(source)};
}

const countLines = (s: string): number => {
  let n = 0;
  for (let k = s.indexOf('\n'); k >= 0; k = s.indexOf('\n', k + 1)) n++;
  return n;
};

/** The rows of a table's inner HTML: cells' text joined by tabs, spans resolved, each with its source line. */
function tableRows(inner: string, firstLine: number): Array<{text: string; line: number}> {
  const grid: string[][] = [];
  const rowLines: number[] = [];
  const covered: boolean[][] = [];
  let r = 0;
  for (const row of inner.matchAll(ROW)) {
    const cells = [...row[1].matchAll(CELL)];
    if (cells.length === 0) continue;
    grid[r] ??= [];
    covered[r] ??= [];
    rowLines[r] = firstLine + countLines(inner.slice(0, row.index));
    let col = 0;
    for (const cell of cells) {
      while (covered[r][col]) col++;
      const rs = spanOf(cell[2], 'rowspan');
      const cs = spanOf(cell[2], 'colspan');
      for (let dr = 0; dr < rs; dr++) {
        grid[r + dr] ??= [];
        covered[r + dr] ??= [];
        for (let dc = 0; dc < cs; dc++) covered[r + dr][col + dc] = true;
      }
      grid[r][col] = cellText(cell[3]);
      col += cs;
    }
    r++;
  }
  const width = Math.max(0, ...covered.map((c) => c.length));
  return grid.slice(0, r).map((cells, k) => ({
    text: Array.from({length: width}, (_, c) => cells[c] ?? '').join('\t').replace(/\t+$/, ''),
    line: rowLines[k],
  }));
}

/** A rowspan or colspan attribute (1 when absent or not a small positive number). */
function spanOf(attributes: string, name: string): number {
  const m = new RegExp(`${name}\\s*=\\s*["']?(\\d+)`, 'i').exec(attributes);
  const n = m ? Number(m[1]) : 1;
  return n >= 1 && n <= 1000 ? n : 1;
}

/** A cell's text: tags dropped (a <br> or <p> as a space), entities decoded, whitespace runs as one space. */
function cellText(html: string): string {
  return html
    .replace(/<br\s*\/?>|<\/?p\b[^>]*>|<\/?div\b[^>]*>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all: string, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
      }
      return ENTITIES[e.toLowerCase()] ?? all;
    })
    .replace(/[\t\n\r ]+/g, ' ')
    .trim();
}

/** Tables and diagnostics whose line numbers refer to a spread text, with the source lines instead. */
export function remapLines(tables: Table[], diagnostics: Diagnostic[], sourceLine: Int32Array): void {
  const to = (n: number): number => sourceLine[Math.min(Math.max(n, 1), sourceLine.length) - 1];
  for (const t of tables) {
    t.title_line = to(t.title_line);
    t.lines = [to(t.lines[0]), to(t.lines[1])];
    for (const i of t.indicators) i.lines = [to(i.lines[0]), to(i.lines[1])];
    for (const key of Object.keys(t.meta_lines) as Array<keyof typeof t.meta_lines>) {
      const n = t.meta_lines[key];
      if (n !== undefined) t.meta_lines[key] = to(n);
    }
  }
  for (const d of diagnostics) {
    d.line = to(d.line);
    d.endLine = to(d.endLine);
  }
}
