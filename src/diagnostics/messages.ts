// Every sentence jixiao says about its input, with its stable code: one function per diagnostic, returning
// the Diagnostic record. Chinese first, English beside it. Tests compare against these same functions.
import type {Diagnostic, Severity} from '../types.ts';

function make(code: string, severity: Severity, message: string, file: string, line: number, endLine = line, actual?: string): Diagnostic {
  const d: Diagnostic = {code, severity, message, file, line, endLine};
  if (actual !== undefined) d.actual = actual;
  return d;
}

const clip = (s: string, n = 40): string => (s.length > n ? `${s.slice(0, n)}…` : s);

/** A lone number dropped as a page number. */
export const pageNumber = (file: string, line: number, text: string): Diagnostic =>
  make('page-number', 'info', `删除页码 ${text} / dropped page number ${text}`, file, line, line, text);

/** Radical, compatibility or dash code points a PDF converter wrote for characters (⽬ for 目, ⻔ for 门, ― for —), read as those characters. */
export const glyphForms = (file: string, line: number, count: number): Diagnostic =>
  make('glyph-forms', 'info', `${count} 个部首/兼容字形码位（如「⽬」「⻔」「―」，PDF 字体映射所致）已按对应字符读取 / ${count} radical, compatibility or dash code points (such as ⽬ for 目, ⻔ for 门, ― for —, from the PDF's font mapping) read as the characters they stand for`, file, line);

/** A page header or footer line ("第 3 页 共 9 页", "- 4 -") inside a table. */
export const pageFooter = (file: string, line: number, text: string): Diagnostic =>
  make('page-footer', 'info', `删除页眉/页脚「${text}」/ dropped page header or footer "${text}"`, file, line, line, text);

/** A section heading and its paragraph printed inside a table's last page (reading order): not table text. */
export const sectionTextInTable = (file: string, line: number, endLine: number, text: string): Diagnostic =>
  make('section-text-in-table', 'info', `跳过表格页中的章节文字「${clip(text)}」/ skipped section text printed inside the table "${clip(text)}"`, file, line, endLine, text);

/** A header row repeated inside the grid (a table continued on a new page). */
export const repeatedHeader = (file: string, line: number, endLine: number): Diagnostic =>
  make('repeated-header', 'info', '删除重复的表头行 / dropped a repeated column-header row', file, line, endLine);

/** A 合计/小计 line inside the grid: not an indicator. */
export const totalRow = (file: string, line: number, text: string): Diagnostic =>
  make('total-row', 'info', `跳过合计行「${text}」/ skipped a total row "${text}"`, file, line, line, text);

/** Text inside a table that no cell could take. */
export const unplacedText = (file: string, line: number, endLine: number, text: string): Diagnostic =>
  make('unplaced-text', 'warning', `无法归入任何单元格的文字「${clip(text)}」/ text not placed in any cell: "${clip(text)}"`, file, line, endLine, text);

/** Text between the title and the first metadata label that is not the year. */
export const unplacedHeaderText = (file: string, line: number, endLine: number, text: string): Diagnostic =>
  make('unplaced-header-text', 'warning', `表头中无法识别的文字「${clip(text)}」/ unrecognised header text "${clip(text)}"`, file, line, endLine, text);

/** A table title with no column header (一级指标 二级指标 …) after it. */
export const noGridHeader = (file: string, line: number, endLine: number): Diagnostic =>
  make('no-grid-header', 'error', '找到表标题，但没有指标表头（一级指标、二级指标……），未提取指标行 / table title found but no indicator column header; no rows extracted', file, line, endLine);

/** A grid whose layout could not be recognised. */
export const unknownLayout = (file: string, line: number, endLine: number): Diagnostic =>
  make('unknown-layout', 'error', '无法识别指标表的版式，未提取指标行 / grid layout not recognised; no rows extracted', file, line, endLine);

/** An amount label whose value is not a number. */
export const badAmount = (file: string, line: number, label: string, value: string): Diagnostic =>
  make('bad-amount', 'warning', `金额「${clip(value)}」不是数字（${label}）/ amount for ${label} is not a number: "${clip(value)}"`, file, line, line, value);

/** A weight cell that is not a number. */
export const weightNotNumber = (file: string, line: number, endLine: number, value: string): Diagnostic =>
  make('weight-not-number', 'warning', `权重「${value}」不是数字 / weight "${value}" is not a number`, file, line, endLine, value);

/** A grid whose rows mostly do not fit the column grammars: the layout was probably not understood. */
export const lowConfidence = (file: string, line: number, endLine: number, share: number, layout: string): Diagnostic =>
  make('low-confidence', 'warning', `仅 ${Math.round(share * 100)}% 的指标行各单元格符合列格式，版式（${layout}）可能未被正确识别，请核对 / only ${Math.round(share * 100)}% of the rows fit their columns; the ${layout} layout was probably misread: check this table`, file, line, endLine);

/** A table cut off by the end of the document. */
export const truncatedTable = (file: string, line: number, endLine: number): Diagnostic =>
  make('truncated-table', 'error', '文档在表格中途结束，最后一行可能不完整 / document ends inside the table; its last row may be incomplete', file, line, endLine);

/** A document with no 绩效目标表 at all. */
export const noTables = (file: string, lineCount: number): Diagnostic =>
  make('no-tables', 'warning', '未找到绩效目标表（项目支出绩效目标表、部门/单位整体绩效目标表）/ no performance-target table found', file, 1, Math.max(1, lineCount));

/** A table whose grid yielded no indicator rows. */
export const noRows = (file: string, line: number, endLine: number): Diagnostic =>
  make('no-rows', 'error', '表格中没有可提取的指标行 / no indicator rows could be read from this table', file, line, endLine);

/** One flat table listing several projects (a 项目名称 column), split into one table per project. */
export const projectsSplit = (file: string, line: number, endLine: number, count: number): Diagnostic =>
  make('projects-split', 'info', `一张表含 ${count} 个项目，已按项目名称拆分 / one table lists ${count} projects: split by 项目名称`, file, line, endLine);

/** Lines of cells printed after the table's end (after the next heading), read into its last rows. */
export const priorDashRestored = (file: string, line: number, endLine: number, count: number): Diagnostic =>
  make('prior-dash-restored', 'info', `${count} 行上年完成值为空，补为「-」（pdftotext 默认模式会丢失单独的「-」：本表其他行印有「-」，或其所在行与下一行被合并）/ ${count} empty prior-year cells given a "-" (pdftotext's default mode drops a lone "-": the table's other rows print one, or the line it ended was joined with the next)`, file, line, endLine);

export const trailingCells = (file: string, line: number, endLine: number, count: number): Diagnostic =>
  make('trailing-cells', 'info', `表格之后的 ${count} 行单元格已归入表格末尾各行 / ${count} lines of cells printed after the table read into its last rows`, file, line, endLine);
