// Reading-order dumps of the rendered corpus re-rendered with other font sizes and line heights
// (test/fixtures/rendered-variants/<v>/*.default.txt): named cells compared with the specs' expected rows, for
// rules that must hold whatever the line breaks.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {extractText} from '../../src/index.ts';
import {splitLines, tokenizeLines} from '../../src/extract/lines.ts';
import {isReadingOrderDump} from '../../src/extract/reading-order.ts';
import {locateTables} from '../../src/extract/locate.ts';
import {trailingCells} from '../../src/extract/trailing.ts';

const ROOT = join(import.meta.dirname, '..', 'fixtures', 'rendered-variants');
const CELLS = ['level1', 'level2', 'level3', 'target', 'basis', 'prior_year', 'weight', 'scoring_rule', 'evidence'] as const;
type Row = Record<string, unknown>;
const norm = (v: unknown): string | null => (v === null || v === undefined ? null
  : typeof v === 'number' ? String(Math.round(v * 100) / 100) : String(v).normalize('NFKC').replace(/\s+/g, ''));
const expectedOf = (variant: string, spec: string): Array<{indicators: Row[]}> =>
  JSON.parse(readFileSync(join(ROOT, variant, `${spec}.expected.json`), 'utf8')).tables;
const extracted = (variant: string, spec: string): Array<{indicators: Row[]; line_stats: {seen: number; used: number; blank: number; diagnosed: number}}> =>
  extractText(readFileSync(join(ROOT, variant, `${spec}.default.txt`), 'utf8'), {file: spec}).tables as never;

/** Assert the named cells of rows [table, row, columns] equal the expected ones, and the line accounting. */
function assertCells(variant: string, spec: string, cases: ReadonlyArray<readonly [number, number, readonly string[]]>): void {
  const want = expectedOf(variant, spec);
  const got = extracted(variant, spec);
  for (const {line_stats: l} of got) assert.equal(l.seen, l.used + l.blank + l.diagnosed, `${spec} line accounting`);
  for (const [table, row, columns] of cases) {
    for (const c of columns) assert.equal(norm(got[table]?.indicators[row]?.[c]), norm(want[table].indicators[row][c]), `${variant} ${spec} ${table}#${row} ${c}`);
  }
}

test('extractText(rendered-variants/lh1.2/narrow-wrap-b5.default.txt) finds the grid header dealt out over seven lines and reads the rows', () => {
  assertCells('lh1.2', 'narrow-wrap-b5', [[0, 0, CELLS], [0, 3, CELLS], [0, 4, CELLS]]);
});

test('trailingCells takes weights, values and pieces of vocabulary words printed after the table, not the prose or the footer before them', () => {
  const lines = splitLines('项目支出绩效目标表\n名称 ≥1次\n（五）其他需说明的事项\n本单位无其他需说明的事项。\n\n-2-\n\n1\n2\n新增\n按照完成比例赋\n分\n6 按评判等级赋分 工作资料\n');
  const [region] = locateTables(lines);
  assert.deepEqual(trailingCells(lines, region, lines.length + 1).map((l) => l.no), [8, 9, 10, 11, 12, 13]);
});

test('extractText(rendered-variants/f+0.5/bundled-001-long.default.txt) reads page 2\'s weights, scoring rules and evidence printed after "（五）" into its rows', () => {
  const right = ['weight', 'scoring_rule', 'evidence'] as const;
  assertCells('f+0.5', 'bundled-001-long', [14, 18, 20, 21, 22, 23, 25, 26, 27, 28, 31].map((r) => [0, r, right] as const));
});

test('extractText(rendered-variants/lh1.2/bundled-001-long.default.txt): a cell printed again on the next line ("原始凭证" / "原始凭证") is the next row\'s', () => {
  const rows = [14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 27, 28, 29];
  assertCells('lh1.2', 'bundled-001-long', [[0, 2, CELLS], [0, 13, CELLS], [0, 29, CELLS], ...rows.map((r) => [0, r, ['evidence']] as const)]);
});

test('extractText(rendered-variants/f+0.5/required-suffix-transport.default.txt) keeps one-line names apart: a date\'s end misread once tells no wrapping', () => {
  assertCells('f+0.5', 'required-suffix-transport', [0, 1, 2, 3, 5, 6, 7, 8, 10, 11].map((r) => [0, r, CELLS] as const));
});

test('isReadingOrderDump: titles wrapped with another cell\'s line between their pieces tell a reading-order dump; wrapped line after line they do not', () => {
  const lines = (text: string): ReturnType<typeof tokenizeLines> => tokenizeLines(splitLines(text));
  const at = (text: string) => (no: number): string => splitLines(text)[no - 1].text;
  const interrupted = '农村公路日常养护里程\n≥1420公里 《梅岭县2025年交通运输工\n5\n作要点》\n危桥改造数量\n≥8座 《梅岭县2025年交通运输工\n4\n作要点》';
  const wrapped = '农村公路日常养护里程 ≥1420公里 《梅岭县2025年交通运输工\n作要点》 5\n危桥改造数量 ≥8座 《梅岭县2025年交通运输工\n作要点》 4';
  assert.equal(isReadingOrderDump(lines(interrupted), at(interrupted)), true);
  assert.equal(isReadingOrderDump(lines(wrapped), at(wrapped)), false);
});

test('extractText(rendered-variants/f-0.5/repeated-header-overall-transport.default.txt) is read in reading order: each wrapped title whole in its row', () => {
  assertCells('f-0.5', 'repeated-header-overall-transport', [0, 1, 2, 3, 4, 5].map((r) => [0, r, ['level3', 'target', 'basis', 'weight']] as const));
});

test('extractText(rendered-variants/lh1.2/ziping-health.default.txt) reads the header-block labels printed above the title as the table\'s', () => {
  const [table] = extractText(readFileSync(join(ROOT, 'lh1.2', 'ziping-health.default.txt'), 'utf8'), {file: 'z'}).tables;
  const want = expectedOf('lh1.2', 'ziping-health')[0] as unknown as Row;
  for (const field of ['unit', 'project', 'leader', 'budget_total'] as const) assert.equal(table[field], want[field], field);
  assertCells('lh1.2', 'ziping-health', [0, 2, 4, 5, 6, 8].map((r) => [0, r, CELLS] as const));
});

test('extractText(rendered-variants/lh1.2/split-target-education.default.txt) reads the labels above the title with the first rows\' 一级/二级 labels among them', () => {
  assertCells('lh1.2', 'split-target-education', [2, 3, 4, 5, 9].map((r) => [0, r, ['level1', 'level2', 'level3', 'target']] as const));
});

/** The projects of a flat table: names and 项目资金 as the spec prints them. */
function assertProjects(variant: string, spec: string): void {
  const got = extractText(readFileSync(join(ROOT, variant, `${spec}.default.txt`), 'utf8'), {file: spec}).tables;
  const want = expectedOf(variant, spec) as unknown as Array<{project: string; budget_total: number}>;
  assert.deepEqual(got.map((t) => [t.project, t.budget_total]), want.map((t) => [t.project, t.budget_total]));
}

test('extractText(rendered-variants/f-0.5/flat-projects-culture.default.txt): names and 项目资金 printed after the project column names make three projects', () => {
  assertProjects('f-0.5', 'flat-projects-culture');
  assertCells('f-0.5', 'flat-projects-culture', [[0, 0, CELLS], [0, 6, CELLS], [1, 0, CELLS], [1, 2, CELLS]]);
});

test('extractText(rendered-variants/lh1.2/flat-projects-culture.default.txt): the last weight before the page footer "第1页共2页" is no page number', () => {
  assertProjects('lh1.2', 'flat-projects-culture');
  assertCells('lh1.2', 'flat-projects-culture', [[0, 6, CELLS], [1, 5, CELLS], [2, 0, CELLS], [2, 5, CELLS]]);
});

test('extractText(rendered-variants/lh1.5/flat-projects-culture.default.txt): a project name and its 项目资金 alone between blank lines on page 2 make the third project', () => {
  assertProjects('lh1.5', 'flat-projects-culture');
  assertCells('lh1.5', 'flat-projects-culture', [[0, 0, CELLS], [0, 6, CELLS], [1, 0, CELLS]]);
});

test('extractText(rendered-variants/f+0.5/flat-projects-culture.default.txt): "一级指标 二级指标" printed after page 1\'s rows and "指标值设置依 分值" head the grid', () => {
  assertProjects('f+0.5', 'flat-projects-culture');
  assertCells('f+0.5', 'flat-projects-culture', [0, 1, 2, 3].map((r) => [0, r, CELLS] as const));
});

test('extractText(rendered-variants/lh1.5/bundled-002-pair.default.txt): the bare page number "2" before the cells trailing "（五）" is no weight', () => {
  assertCells('lh1.5', 'bundled-002-pair', [[1, 0, CELLS], [1, 1, CELLS], [1, 2, CELLS]]);
});

test('extractText(rendered-variants/*/flat-projects-culture.default.txt): the last project\'s values printed after the table\'s end are read into it when every project\'s weights then add up', () => {
  // Page 2 prints the third project's names, then (after "（五）…") its values, bases and weights as blocks: read
  // with them, each project's weights add up to 90, though the first two projects' did without them.
  for (const variant of ['f+0.5', 'lh1.5']) {
    assertProjects(variant, 'flat-projects-culture');
    assertCells(variant, 'flat-projects-culture', [1, 2, 3, 4, 5].map((r) => [2, r, CELLS] as const));
  }
});

test('extractText(rendered-variants/f-0.8-lh1.45/flat-projects-culture.default.txt): header names printed at their blocks inside the grid ("指标值" … "分值") head it, and the three projects are found', () => {
  // The page prints its names, then its values, bases and weights column by column, each block under its header
  // name; the header above the grid ends at 三级指标.
  assertProjects('f-0.8-lh1.45', 'flat-projects-culture');
});

test('extractText(rendered-variants/f+0.5/bundled-001-long.default.txt): lines pdftotext joined after a lone "-" ("计划标准 障率") are read apart, the "-" restored and noted', () => {
  assertCells('f+0.5', 'bundled-001-long', [14, 16, 21, 22, 23, 24, 27, 28].map((r) => [0, r, ['level3', 'target', 'basis', 'prior_year']] as const));
  const {diagnostics} = extractText(readFileSync(join(ROOT, 'f+0.5', 'bundled-001-long.default.txt'), 'utf8'), {file: 'b'});
  assert.equal(diagnostics.filter((d) => d.code === 'prior-dash-restored').length, 1);
});
