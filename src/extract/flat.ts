// Several projects in one flat table: a 项目名称 column (with 项目资金 and 年度绩效目标 beside it) merged over each
// project's rows. The rows are grouped by the name printed above them, each group becoming one project's table
// with its own name, 项目资金 (万元) and goal, read from the cells its rows printed.
// Reading-order dumps (pdftotext without flags) print the 项目名称 column apart: its header name and the project
// names come among the metadata, before the rest of the grid header (projectColumnsAbove); the rows are then
// split into the listed projects by their weights, each project's adding up to 90 or 100 (ownersByWeight).
import type {ColumnKey, Indicator} from '../types.ts';
import {COLUMN_ALIASES, isBasis, isEvidence, isScoringRule, LEVEL_NAMES, PROJECT_COLUMNS} from '../vocab.ts';
import {cellScore, PLAIN_CONTEXT} from './grammar.ts';
import {inWan, isBudgetLabel, isHeaderFragment, isMetaLabel, parseAmount, type GridHeader} from './header.ts';
import {asciiDigits, compact, isBlankLine, type Token} from './lines.ts';
import type {ProjectCells} from './rows.ts';

/** The rows of one project of a flat table. */
export interface ProjectGroup {
  project: string;
  /** 项目资金 in 万元, or null when none is printed (or it is not a number). */
  budget: number | null;
  goal: string | null;
  /** Indices of the group's rows, in order. */
  rows: number[];
}

/**
 * Group the rows of a flat table by project: a row that prints a 项目名称 other than the current one starts a new
 * project; rows printing none belong to the current one (rows before any name, to the first).
 * @param yuan The 项目资金 column is in 元 (converted to 万元).
 * @example groupByProject([{project: 'A', budget: '1.5', goal: ''}, {project: '', budget: '', goal: ''}], false)[0].rows // => [0, 1]
 */
export function groupByProject(owners: ReadonlyArray<ProjectCells>, yuan: boolean): ProjectGroup[] {
  const groups: ProjectGroup[] = [];
  let leading: number[] = [];
  owners.forEach((o, i) => {
    const current = groups[groups.length - 1];
    if (o.project !== '' && o.project !== current?.project) {
      groups.push({project: o.project, budget: null, goal: null, rows: [...leading, i]});
      leading = [];
    } else if (current) current.rows.push(i);
    else leading.push(i);
    const g = groups[groups.length - 1];
    if (!g) return;
    if (g.budget === null && o.budget !== '') {
      const amount = parseAmount(o.budget);
      g.budget = amount === null ? null : inWan(amount, yuan);
    }
    if (g.goal === null && o.goal !== '') g.goal = o.goal;
  });
  if (groups.length === 0 && leading.length > 0) groups.push({project: '', budget: null, goal: null, rows: leading});
  return groups;
}

/** The project columns of a flat table found among the metadata printed above its grid header. */
export interface ProjectColumnsAbove {
  /** The grid header with the three project columns put first. */
  header: GridHeader;
  /** The project names, in printed order. */
  names: string[];
  /** The 项目资金 and goal printed beside each name ("" where none is), in the order of names. */
  beside: ProjectCells[];
  /** The tokens of the project columns' names and of the project names (they are no metadata). */
  tokens: Token[];
  /** The 项目资金 column is in 元. */
  yuan: boolean;
}

const NAME_OF = (col: ColumnKey): string[] => COLUMN_ALIASES.filter(([, c]) => c === col).map(([name]) => name);
const BUDGET_NAMES = NAME_OF('project_budget');
const GOAL_NAMES = NAME_OF('project_goal');
/** The wrapped end of an amount unit ("项目资金（万" … "元）"). */
const UNIT_END = /^[（(]?万?元[)）]$/;

/**

 * A flat table read in reading order prints 项目名称 and the project names (one block of lines each, blank lines
 * apart) among the metadata, and 项目资金 / 年度绩效目标 just before the rest of the grid header. Told by: 项目名称
 * followed by name blocks, the 项目资金 and goal names followed only by header fragments or more project blocks
 * (projectBlocks, with no other label among them), and no funding label (年度预算总额, 财政拨款 …: those belong to one project's header block).
 * Labels printed before 项目名称 with no value of their own ("单位名称" / "项目名称") take the blocks just before the
 * next label, as parseMeta reads them.
 * @returns null when the metadata holds no such columns; no names when the project names are printed among the
 *   rows (projectsInGrid finds them).
 */
export function projectColumnsAbove(tokens: ReadonlyArray<Token>, header: GridHeader): ProjectColumnsAbove | null {
  if (header.columns.some((c) => PROJECT_COLUMNS.has(c))) return null;
  const before = tokens.slice(0, header.first);
  const nameAt = before.findIndex((t) => t.text.replace(/[:：]$/, '') === '项目名称');
  if (nameAt < 0 || before.some((t) => isBudgetLabel(t.text))) return null;
  const budgetAt = before.findIndex((t, k) => k > nameAt && BUDGET_NAMES.some((n) => t.text.startsWith(n)));
  const goalAt = before.findIndex((t, k) => k > nameAt && GOAL_NAMES.includes(t.text));
  if (budgetAt < 0 || goalAt < 0) return null;
  const unitEnds = before.slice(budgetAt + 1).filter((t) => UNIT_END.test(t.text));
  const labels = new Set<Token>([before[budgetAt], before[goalAt], ...unitEnds]);
  // The blocks after 项目名称, up to the next label; then those among and after the project column names.
  const end = before.findIndex((t, k) => k > nameAt && (isMetaLabel(t.text) || labels.has(t)));
  const blocks = lineBlocks(before.slice(nameAt + 1, end));
  const waiting = before.slice(0, nameAt).filter((t, k) => isMetaLabel(t.text) && isMetaLabel(before[k + 1].text)).length;
  const later = before.slice(end).filter((t) => !labels.has(t) && !isHeaderFragment(t.text));
  // Another label among them (项目负责人, a funding label cut by a wrap): one project's header block, no flat table.
  if (later.some((t) => isMetaLabel(t.text))) return null;
  const laterBlocks = projectBlocks(splitAt(before.slice(end), labels).flatMap((run) => lineBlocks(run.filter((t) => later.includes(t)))));
  if (laterBlocks === null) return null;
  const projects = [...blocks.slice(0, Math.max(0, blocks.length - waiting)).map((block) => ({name: block, budget: [], goal: []})), ...laterBlocks];
  const columns: ColumnKey[] = ['project', 'project_budget', 'project_goal'];
  const budgetName = compact([before[budgetAt], ...unitEnds].map((t) => t.text).join(''));
  return {
    header: {...header, columns: [...columns, ...header.columns], names: ['项目名称', budgetName, before[goalAt].text, ...header.names]},
    names: projects.map((p) => joined(p.name)),
    beside: projects.map((p) => ({project: '', budget: joined(p.budget), goal: joined(p.goal)})),
    tokens: [before[nameAt], ...projects.flatMap((p) => [...p.name, ...p.budget, ...p.goal]), before[budgetAt], before[goalAt], ...unitEnds],
    yuan: /[（(]元[)）]/.test(budgetName),
  };
}

const joined = (tokens: ReadonlyArray<Token>): string => compact(tokens.map((t) => t.text).join(''));

/** Tokens cut into runs at the given ones (which are left out). */
function splitAt(tokens: ReadonlyArray<Token>, cuts: ReadonlySet<Token>): Token[][] {
  const runs: Token[][] = [[]];
  for (const t of tokens) if (cuts.has(t)) runs.push([]); else runs[runs.length - 1].push(t);
  return runs.filter((run) => run.length > 0);
}

/** A project's cells printed apart from the grid: its name, and the 项目资金 and goal printed beside it. */
interface ProjectBlock {
  name: Token[];
  budget: Token[];
  goal: Token[];
}

/** An amount opening a line of a 项目资金 block ("186.40", "1,274,400"). */
const AMOUNT = /^\d[\d,，]*(?:\.\d+)?$/;

/**
 * Blocks of project cells in print order: a block with a line opening with an amount is the 项目资金 (the amount)
 * and goal (its other words) of the name block before it; any other block is a name.
 * @returns null when an amount block follows no name (the blocks are no project cells).
 */
function projectBlocks(blocks: ReadonlyArray<Token[]>): ProjectBlock[] | null {
  const projects: ProjectBlock[] = [];
  for (const block of blocks) {
    const amount = block.find((t, k) => AMOUNT.test(asciiDigits(t.text)) && (k === 0 || block[k - 1].line !== t.line));
    if (!amount) { projects.push({name: block, budget: [], goal: []}); continue; }
    const owner = projects[projects.length - 1];
    if (!owner || owner.budget.length > 0) return null;
    owner.budget = [amount];
    owner.goal = block.filter((t) => t !== amount);
  }
  return projects;
}

/** Project cells found inside a flat table's grid (projectsInGrid). */
export interface ProjectsInGrid {
  names: string[];
  beside: ProjectCells[];
  tokens: Token[];
}

/** A 项目资金 standing alone: decimals or thousands grouped, or too large for a weight or a percentage. */
const isLoneAmount = (printed: string): boolean => {
  const s = asciiDigits(printed);
  return AMOUNT.test(s) && (/[.,，]/.test(s) || Number(s) > 1000);
};

/** A text that reads as a cell of the grid: a column's word, or a value. */
const readsAsGridCell = (s: string): boolean =>
  LEVEL_NAMES.includes(s) || isBasis(s) || isEvidence(s) || isScoringRule(s) || /\d/.test(s) || (cellScore('target', s, PLAIN_CONTEXT) ?? 0) > 2;

/**
 * Project cells printed inside a flat table's grid, apart from its rows: a block of lines standing between blank
 * lines, then an amount alone between blank lines (a project whose rows begin on a new page may print its name and
 * 项目资金 so, after that page's rows); or a line opening with a name, a lone amount and the goal's first words
 * (the three project columns' first lines side by side, when the whole column is printed among the rows). A name
 * that reads as grid cells (a column's word, a value) is none. In printed order.
 * @param lineText The text of a source line (blank lines are not among the tokens).
 */
export function projectsInGrid(tokens: ReadonlyArray<Token>, lineText: (no: number) => string): ProjectsInGrid {
  const found: Array<{name: Token[]; budget: Token; goal: Token[]}> = [];
  const blank = (no: number): boolean => no < 1 || isBlankLine(lineText(no));
  const blocks = lineBlocks(tokens);
  blocks.forEach((block, k) => {
    const amount = blocks[k + 1];
    const first = block[0].line;
    const last = block[block.length - 1].line;
    if (!amount || amount.length !== 1 || !isLoneAmount(amount[0].text) || !blank(first - 1) || !blank(last + 1)) return;
    if (!blank(amount[0].line - 1) || !blank(amount[0].line + 1) || block.some((t) => readsAsGridCell(t.text))) return;
    found.push({name: block, budget: amount[0], goal: []});
  });
  // A line opening with a name, a lone amount and the goal's first words ("公共文化服务体系 186.40 保障").
  tokens.forEach((t, k) => {
    const amount = tokens[k + 1];
    if ((k > 0 && tokens[k - 1].line === t.line) || amount?.line !== t.line || !isLoneAmount(amount.text)) return;
    let end = k + 2;
    while (end < tokens.length && tokens[end].line === t.line) end++;
    if (end > k + 2 && !readsAsGridCell(t.text)) found.push({name: [t], budget: amount, goal: tokens.slice(k + 2, end)});
  });
  found.sort((a, b) => a.name[0].line - b.name[0].line);
  return {
    names: found.map((p) => joined(p.name)),
    beside: found.map((p) => ({project: '', budget: p.budget.text, goal: joined(p.goal)})),
    tokens: found.flatMap((p) => [...p.name, p.budget, ...p.goal]),
  };
}

/** Tokens split where a blank line comes between them. */
function lineBlocks(tokens: ReadonlyArray<Token>): Token[][] {
  const blocks: Token[][] = [];
  tokens.forEach((t, k) => {
    if (k > 0 && t.line - tokens[k - 1].line <= 1) blocks[blocks.length - 1].push(t); else blocks.push([t]);
  });
  return blocks;
}

/** What a project's weights add up to. */
const PROJECT_TOTALS = [90, 100];

/**
 * The project cells of a flat table whose names were printed apart (projectColumnsAbove): the rows are cut into
 * one run per name, in order, where each run's weights add up to 90 or 100; of the cuts that do, the one that
 * gives each project one printed 项目资金 and starts each at a new 一级 label wins. Each run's first row gets its
 * name, its 项目资金 and its goal fragments joined in row order (or those printed beside the name, when it has
 * them); the other rows none (as merged cells print).
 * @example ownersByWeight(rows weighing [50, 40, 60, 40], [{…budget: '1.5'}, …], ['甲', '乙']).map((o) => o.project) // => ['甲', '', '乙', '']
 */
export function ownersByWeight(
  rows: ReadonlyArray<Indicator>, printed: ReadonlyArray<ProjectCells>, names: readonly string[], beside: ReadonlyArray<ProjectCells> = [],
): ProjectCells[] {
  const starts = projectStarts(rows, printed, names.length);
  return rows.map((_, i) => {
    const k = starts.indexOf(i);
    if (k < 0) return {project: '', budget: '', goal: ''};
    const own = printed.slice(i, k + 1 < starts.length ? starts[k + 1] : rows.length);
    const budget = beside[k]?.budget || (own.find((o) => o.budget !== '')?.budget ?? '');
    return {project: names[k], budget, goal: beside[k]?.goal || own.map((o) => o.goal).join('')};
  });
}

/** The first row of each of n projects (a programme over the cuts, see ownersByWeight). */
function projectStarts(rows: ReadonlyArray<Indicator>, printed: ReadonlyArray<ProjectCells>, n: number): number[] {
  const R = rows.length;
  if (n <= 1 || R < n) return R === 0 ? [] : [0];
  const cost = (a: number, b: number): number => {
    const sum = rows.slice(a, b).reduce((s, r) => s + (r.weight ?? 0), 0);
    const off = Math.min(...PROJECT_TOTALS.map((t) => Math.abs(sum - t)));
    const budgets = printed.slice(a, b).filter((o) => o.budget !== '').length;
    const sameLabel = a > 0 && rows[a].level1 === rows[a - 1].level1;
    return (off < 0.01 ? 0 : 10 + off / 10) + Math.abs(budgets - 1) + (sameLabel ? 1 : 0);
  };
  // best[k][i]: the cheapest cut of rows 0..i-1 into k projects, and the starts that give it.
  const best: Array<Array<{cost: number; starts: number[]}>> = Array.from({length: n + 1}, () => Array.from({length: R + 1}, () => ({cost: Infinity, starts: []})));
  best[0][0] = {cost: 0, starts: []};
  for (let k = 1; k <= n; k++) {
    for (let b = k; b <= R; b++) {
      for (let a = k - 1; a < b; a++) {
        const from = best[k - 1][a];
        if (from.cost === Infinity) continue;
        const c = from.cost + cost(a, b);
        if (c < best[k][b].cost) best[k][b] = {cost: c, starts: [...from.starts, a]};
      }
    }
  }
  return best[n][R].starts;
}
