// Pieces of cells printed after their row's first line. Office PDFs (Word, WPS, LibreOffice) often print a row
// whose cells wrap line by line across the row: the first line of every cell, then the next line of each cell
// that has one, in column order ("为巴州群众提供社会保险 有效保障 计划标准 有效保 6 按评判等级 工作资料" then
// "服务 障 赋分"). pdftotext -raw prints each line of the row as a line; MuPDF prints each cell's line on a line
// of its own, a blank line after each line of the row. The grid programme reads such pieces as it reads text
// after a page break (grid.ts: a run continues a cell of the row it has read, in column order, when the cell
// reads better with it); this module says where pieces may start: the tokens of the line of print after a line
// holding several cells side by side.
import type {Token} from './lines.ts';

/** A row's first line of print holds at least this many tokens (several cells side by side). */
const HEAD_TOKENS = 3;
/**
 * A dump separates its lines of print by blank lines (MuPDF: the cells' lines of one line of print are
 * consecutive lines) when at least this share of its new lines come after a blank one.
 */
const BLANK_SEPARATED = 0.1;

/**
 * The tokens where a piece of a cell of the row above may start (grid.ts GridOptions.pieceStart): every token of
 * the line of print after one of HEAD_TOKENS tokens or more.
 * @param isBlank Whether a source line (1-based) is blank.
 */
export function pieceStarts(tokens: ReadonlyArray<Token>, isBlank: (no: number) => boolean): Set<Token> {
  const starts = new Set<Token>();
  const printLines = linesOfPrint(tokens, isBlank);
  for (let k = 1; k < printLines.length; k++) {
    if (printLines[k - 1].length >= HEAD_TOKENS) for (const t of printLines[k]) starts.add(t);
  }
  return starts;
}

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
