// Cells printed after a table's end. pdftotext without flags prints a page's text blocks in its own reading order:
// the last columns' cells of a table's last page may come after the text that follows the table (the "（五）…"
// heading, its paragraph, the page footer). Such cells are short: whole words of a closed vocabulary (an evidence
// list, a scoring rule, a basis) or pieces of them ("按照完成比例赋" / "分"), weights, values ("≥92%", "新增"),
// one or a few to a line, at the end of the text after the table, where prose, which runs in sentences, puts none.
// extractText reads them into the table when they complete its rows (see index.ts) and says so in a diagnostic.
import {BASES, EVIDENCE, isBasis, isEvidence, isScoringRule, SCORING_RULES} from '../vocab.ts';
import {compact, isBlankLine, isPageFooter, type Line} from './lines.ts';
import {isSectionHeading, type Region} from './locate.ts';

/** A cell of a closed-vocabulary column. */
const isVocabularyCell = (s: string): boolean => isEvidence(s) || isScoringRule(s) || isBasis(s);
const WORDS: readonly string[] = [...BASES, ...SCORING_RULES, ...EVIDENCE];
/** The longest cell of another kind (a value, a weight) that may trail a table: prose runs longer. */
const SHORT_CELL = 12;
/** Sentence punctuation, which no short cell holds. */
const PROSE = /[。，,；;：:！？!?]/;

/** Is the line made of cells only: vocabulary words or their beginnings or ends, or short phrases without punctuation? */
function isCellLine(text: string): boolean {
  if (isSectionHeading(text)) return false;
  const s = compact(text);
  if (isVocabularyCell(s)) return true;
  return text.trim().split(/\s+/).every((t) => isVocabularyCell(t) || WORDS.some((w) => w.length > t.length && (w.startsWith(t) || w.endsWith(t)))
    || (t.length <= SHORT_CELL && !PROSE.test(t)));
}

/**
 * Does the page before line `no`'s page end with its bare number (the last text before the form feed, "1" on
 * page 1)? Then the document numbers its pages so, and the next page's number is printed bare too.
 */
function numbersPages(lines: ReadonlyArray<Line>, no: number): boolean {
  let k = no - 1;
  while (k > 0 && !lines[k].text.includes('\f')) k--;
  for (let j = k - 1; j >= 0; j--) if (!isBlankLine(lines[j].text)) return isOwnPageNumber(lines[j].text, () => pageOf(lines, k));
  return false;
}

/** The 1-based page of a line: pdftotext ends each page with a form feed. */
function pageOf(lines: ReadonlyArray<Line>, no: number): number {
  let page = 1;
  for (let k = 0; k < no; k++) if (lines[k].text.includes('\f')) page++;
  return page;
}

/**
 * A bare number equal to the number of the page it stands on is the page's number when it stands alone before the
 * first trailing cell: pdftotext prints a page's footer before the blocks of the last columns that trail a table
 * ("" / "2" / "" / "每月25日前" / …), and a weight there would come among its column's block.
 */
const isOwnPageNumber = (text: string, page: () => number): boolean => /^\s*\d{1,4}\s*$/.test(text) && Number(text) === page();

/**
 * The lines of cells after a region closed by a section heading (up to `limit`, the next table's first line or
 * the end of the text, or the next section's heading): the lines made of cells only, wherever they stand among the
 * section's prose (pdftotext orders the blocks of a page its own way), page footers left out.
 * @param limit 1-based number of the first line that is no longer after the region.
 * @example trailingCells(splitLines('表\n1\n（五）其他\n无。\n原始凭证\n工作资料'), {end: 2, toEndOfFile: false, …}, 7).map((l) => l.no) // => [5, 6]
 */
export function trailingCells(lines: ReadonlyArray<Line>, region: Region, limit: number): Line[] {
  if (region.toEndOfFile) return [];
  const run: Line[] = [];
  let first = true;
  // The page of the line read: the pages before the region's end are counted only when a number needs it.
  let feeds = 0;
  let pageAtEnd: number | null = null;
  const page = (): number => (pageAtEnd ??= pageOf(lines, region.end)) + feeds;
  for (let no = region.end + 1; no < limit; no++) {
    const line = lines[no - 1];
    if (line.text.includes('\f')) feeds++;
    if (isBlankLine(line.text)) continue;
    const alone = isBlankLine(lines[no - 2]?.text ?? '') && isBlankLine(lines[no]?.text ?? '');
    if (run.length === 0 && alone && isOwnPageNumber(line.text, page) && numbersPages(lines, no)) continue;
    // The heading that closed the region stays outside; the next section's heading ends the search.
    const heading = isSectionHeading(line.text);
    if (heading && !first) break;
    first = false;
    if (!heading && isCellLine(line.text) && !isPageFooter(compact(line.text))) run.push(line);
  }
  // The run starts after some other text: the closing heading, or prose.
  const start = run.length > 0 ? run[0].no : limit;
  return lines.slice(region.end, start - 1).some((l) => !isBlankLine(l.text)) ? run : [];
}
