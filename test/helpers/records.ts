// Typed records for unit tests of the writers and frames: an indicator and a table with every field at a plain
// default, changed where a test says so.
import type {Indicator, Table} from '../../src/types.ts';

export function indicator(over: Partial<Indicator>): Indicator {
  return {
    level1: '产出指标', level2: '数量指标', level3: '指标', target: '', basis: '计划标准',
    prior_year: null, weight: null, scoring_rule: null, evidence: null, lines: [1, 1], ...over,
  };
}

export function table(over: Partial<Table>): Table {
  return {
    kind: 'project', title: '项目支出绩效目标表', title_line: 1, lines: [1, 1], year: null, unit: null, project: null,
    leader: null, budget_total: null, budget_fiscal: null, budget_other: null, budget_total_source: null, goal: null,
    columns: [], layout: 'tabbed', template: 'project-standard', confidence: 1, indicators: [], meta_lines: {}, line_stats: {seen: 0, used: 0, blank: 0, diagnosed: 0},
    ...over,
  };
}
