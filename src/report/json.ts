// Records → the public JSON of FORMAT.md: documents → tables → indicators, contract fields first, in the
// documented order, extra fields after them. Pure.
import type {DocumentResult, Table} from '../types.ts';

/** One table in contract order. */
export function tableJson(t: Table): Record<string, unknown> {
  const {kind, title_line, lines, year, unit, project, leader, budget_total, budget_fiscal, budget_other, columns, indicators, ...extra} = t;
  return {
    kind, title_line, lines, year, unit, project, leader, budget_total, budget_fiscal, budget_other, columns,
    indicators: indicators.map(({level1, level2, level3, target, basis, prior_year, weight, scoring_rule, evidence, lines: l, ...rest}) =>
      ({level1, level2, level3, target, basis, prior_year, weight, scoring_rule, evidence, lines: l, ...rest})),
    ...extra,
  };
}

/** One document in contract order. */
export function documentJson(d: DocumentResult): Record<string, unknown> {
  const {source, encoding, tables, diagnostics, ...extra} = d;
  return {
    source, encoding, tables: tables.map(tableJson),
    diagnostics: diagnostics.map(({line, severity, code, message, endLine, actual}) => ({line, severity, code, message, end_line: endLine, ...(actual === undefined ? {} : {actual})})),
    ...extra,
  };
}

/**
 * The whole extract output.
 * @example JSON.parse(toJson([])) // => {documents: []}
 */
export function toJson(docs: ReadonlyArray<DocumentResult>, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({documents: docs.map(documentJson), ...extra}, null, 2);
}
