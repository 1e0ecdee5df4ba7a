// Pieces of cells printed after their row's first line. Office PDFs (Word, WPS, LibreOffice) often print a row
// whose cells wrap line by line across the row: the first line of every cell, then the next line of each cell
// that has one, in column order ("为巴州群众提供社会保险 有效保障 计划标准 有效保 6 按评判等级 工作资料" then
// "服务 障 赋分"). pdftotext -raw prints each line of the row as a line; MuPDF prints each cell's line on a line
// of its own, a blank line after each line of the row. The grid programme reads such pieces as it reads text
// after a page break (grid.ts: a run continues a cell of the row it has read, in column order, when the cell
// reads better with it); this module says where pieces may start: the tokens of the line of print after a line
// holding several cells side by side.
import type {Token} from './lines.ts';

/** A row's first line of print holds at least this many words (several cells side by side). */
const HEAD_WORDS = 3;
/**
 * A dump separates its lines of print by blank lines (MuPDF: the cells' lines of one line of print are
 * consecutive lines) when at least this share of its new lines come after a blank one.
 */
const BLANK_SEPARATED = 0.1;

/**
 * The tokens where a piece of a cell of the row above may start (grid.ts GridOptions.pieceStart): every token of
 * the line of print after one of HEAD_WORDS words or more (wordsOf).
 * @param isBlank Whether a source line (1-based) is blank.
 */
export function pieceStarts(tokens: ReadonlyArray<Token>, isBlank: (no: number) => boolean): Set<Token> {
  const starts = new Set<Token>();
  const printLines = linesOfPrint(tokens, isBlank);
  for (let k = 1; k < printLines.length; k++) {
    if (wordsOf(printLines[k - 1]) >= HEAD_WORDS) for (const t of printLines[k]) starts.add(t);
  }
  return starts;
}

/**
 * The words of a line of print: its tokens, where a date the office suite spaced inside one cell ("2025 年 11 月")
 * is one word. "2025 年 11 月" above "30 日前" is one date wrapped, no row whose pieces follow.
 */
function wordsOf(line: ReadonlyArray<Token>): number {
  let words = line.length;
  for (let k = 1; k < line.length; k++) if (insideDate(line[k - 1], line[k])) words--;
  return words;
}

/**
 * Is the space before `token` one an office suite put between a number and the date word after it, or between a
 * lone 年/月 and the number after it, inside one cell ("2025 年 11 月" / "30 日前": no cell starts at 年, 11, 月 or
 * 日前)?
 */
export function insideDate(before: Token, token: Token): boolean {
  if (token.gap !== 'space') return false;
  return /\d$/.test(before.text) ? DATE_WORD.test(token.text) : LONE_DATE_WORD.test(before.text) && /^\d/.test(token.text);
}

/**
 * Is the break before `token` one inside a quantity's unit? A unit cut at the line end before it, a multiplier with
 * nothing counted yet or a slash with nothing after it, then a line holding only a unit's end (">=5.83 万" / "人",
 * "≤3200 元/" / "平方米"); or a number the office suite spaced off the word of what it counts ("56 人以上班级数…":
 * no cell starts at 人).
 */
export function insideUnit(before: Token, token: Token): boolean {
  if (token.gap === 'space') return /^\d[\d.]*$/.test(before.text) && COUNTED.test(token.text);
  return token.gap === 'line' && /(?:^万|\d万|\/)$/.test(before.text) && UNIT_END.test(token.text);
}
/** What a cut unit goes on with: what is counted (人, 次, 元 …), an area, or a period. */
const UNIT_END = /^(?:人次?|人\/月|元|次|个|户|台|套|件|项|所|座|辆|株|亩|吨|册|份|张|场|期|批|名|家|平方米|公里|米|月|年)$/;
/** Words of what a number counts, opening the word after it (人, 个, 次 …). */
const COUNTED = /^(?:人|个|次|所|套|台|项|户|名|家)/;
/** A date word after a number: 年, 年度, 月, 月底, 日, 日前, 号 … */
const DATE_WORD = /^(年|月|日|号)/;
/** A year's or month's word standing alone between numbers ("2025 年 11 月"). */
const LONE_DATE_WORD = /^(年|月)$/;

/** The tokens by line of print: source lines, or runs of them between blank lines in a blank-separated dump. */
function linesOfPrint(tokens: ReadonlyArray<Token>, isBlank: (no: number) => boolean): Token[][] {
  const blankBefore = (k: number): boolean => {
    for (let no = tokens[k - 1].line + 1; no < tokens[k].line; no++) if (isBlank(no)) return true;
    return false;
  };
  let newLines = 0;
  let afterBlank = 0;
  for (let k = 1; k < tokens.length; k++) {
    if (tokens[k].line === tokens[k - 1].line) continue;
    newLines++;
    if (blankBefore(k)) afterBlank++;
  }
  const byBlocks = afterBlank > 0 && afterBlank >= newLines * BLANK_SEPARATED;
  const out: Token[][] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    const starts = k === 0 || (t.line !== tokens[k - 1].line && (!byBlocks || t.pageBreak === true || blankBefore(k)));
    if (starts) out.push([t]); else out[out.length - 1].push(t);
  }
  return out;
}
