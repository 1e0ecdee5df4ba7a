// Cells printed after a table's end. pdftotext without flags prints a page's text blocks in its own reading order:
// the last column's cells of a table's last page may come after the text that follows the table (the "（五）…"
// heading, its paragraph, the page footer). Such cells are whole words of a closed vocabulary (an evidence list,
// a scoring rule, a basis, a prior "新增"), one to a line, at the end of the text after the table, where no prose
// puts them. extractText reads them into the table when they complete its rows (see index.ts) and says so in a
// diagnostic.
import {isBasis, isEvidence, isScoringRule} from '../vocab.ts';
import {compact, isBlankLine, type Line} from './lines.ts';
import type {Region} from './locate.ts';

/** A prior-year value only that column holds: the project is new ("-" or "无" could be other text). */
const NEW_PROJECT = '新增';

/** Is the line one whole cell of a closed-vocabulary column? */
function isVocabularyCell(text: string): boolean {
  const s = compact(text);
  return isEvidence(s) || isScoringRule(s) || isBasis(s) || s === NEW_PROJECT;
}

/**
 * The lines of vocabulary cells that end the text after a region closed by a section heading (up to `limit`, the
 * next table's first line or the end of the text): a run of such lines, blank lines among and after them only.
 * @param limit 1-based number of the first line that is no longer after the region.
 * @example trailingCells(splitLines('表\n1\n（五）其他\n无。\n原始凭证\n工作资料'), {end: 2, toEndOfFile: false, …}, 7).map((l) => l.no) // => [5, 6]
 */
export function trailingCells(lines: ReadonlyArray<Line>, region: Region, limit: number): Line[] {
  if (region.toEndOfFile) return [];
  const run: Line[] = [];
  for (let no = limit - 1; no > region.end; no--) {
    const line = lines[no - 1];
    if (isBlankLine(line.text)) continue;
    if (!isVocabularyCell(line.text)) break;
    run.unshift(line);
  }
  // The heading that closed the region and what follows it stay outside: the run starts after some other text.
  const first = run.length > 0 ? run[0].no : limit;
  return lines.slice(region.end, first - 1).some((l) => !isBlankLine(l.text)) ? run : [];
}
