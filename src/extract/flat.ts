// Several projects in one flat table: a 项目名称 column (with 项目资金 and 年度绩效目标 beside it) merged over each
// project's rows. The rows are grouped by the name printed above them, each group becoming one project's table
// with its own name, 项目资金 (万元) and goal, read from the cells its rows printed.
import {inWan, parseAmount} from './header.ts';
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
