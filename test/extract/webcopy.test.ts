// Copy and paste from a web page (test/fixtures/rendered/*.webcopy.txt, made by test/corpus/build.ts: the spec's
// HTML in headless Chromium, document.body.innerText): cells joined by a tab, rows by a newline, a rowspan-merged
// 一级/二级 cell only in the first row it spans. Expected rows come from the specs' expected.json. Other browsers
// and pages print the same tables a little differently; those are made here from the real dumps, by the rules of
// innerText: a line break inside a cell (<br>) is a newline inside the row, a merged cell may come as an empty
// leading cell, Windows clipboards end lines with CRLF.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {extractText} from '../../src/index.ts';
import {CELLS, norm} from '../helpers/rendered.ts';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'rendered');
const META = ['kind', 'year', 'unit', 'project', 'leader', 'budget_total', 'budget_fiscal', 'budget_other'] as const;
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.webcopy.txt')).sort();

type Expected = {tables: Array<Record<string, unknown> & {indicators: Array<Record<string, unknown>>}>};
const expectedOf = (f: string): Expected => JSON.parse(readFileSync(join(DIR, f.replace('.webcopy.txt', '.expected.json')), 'utf8'));
const dump = (f: string): string => readFileSync(join(DIR, f), 'utf8');

/**
 * Rewrite the grid rows of a webcopy dump (the lines after a column header row, up to the first line without a
 * tab; a 合计 trailer row kept): `change` gets a row's cells and the header's cell count.
 */
function rewriteGridRows(text: string, change: (cells: string[], width: number) => string[]): string {
  let width = 0;
  return text.split('\n').map((line) => {
    const cells = line.split('\t');
    if (cells.some((c) => c.startsWith('一级指标'))) { width = cells.length; return line; }
    if (cells.length < 2) { width = 0; return line; }
    return width && cells[0] !== '合计' ? change(cells, width).join('\t') : line;
  }).join('\n');
}

/** A <br> in the middle of a cell: innerText prints it as a newline inside the row. */
const breakInMiddle = (cell: string): string => `${cell.slice(0, cell.length >> 1)}\n${cell.slice(cell.length >> 1)}`;

/** Each row's longest cell (8 characters or more) holds a line break. */
const longestCellBroken = (text: string): string => rewriteGridRows(text, (cells) => {
  const k = cells.reduce((m, c, i) => (c.length > cells[m].length ? i : m), 0);
  return cells.map((c, i) => (i === k && c.length >= 8 ? breakInMiddle(c) : c));
});

/** Every cell of 8 characters or more holds a line break. */
const longCellsBroken = (text: string): string =>
  rewriteGridRows(text, (cells) => cells.map((c) => (c.length >= 8 ? breakInMiddle(c) : c)));

/**
 * Cells written as paragraphs (<td><p>…</p></td>, as Word and WPS save tables as web pages), a long cell as two:
 * innerText puts two newlines around each <p>, so every cell and every paragraph is a line of its own, tab-only
 * lines stand between cells and four blank lines between rows.
 */
const cellsAsParagraphs = (text: string): string => rewriteGridRows(text, (cells) => cells.map((c) =>
  `\n\n${(c.length >= 8 ? breakInMiddle(c).replace('\n', '\n\n') : c)}\n\n`));

/** Cells merged over rows printed as empty leading cells instead of left out. */
const mergedAsEmpty = (text: string): string => rewriteGridRows(text, (cells, width) =>
  [...new Array<string>(Math.max(0, width - cells.length)).fill(''), ...cells]);

/** Extract every webcopy dump after `transform`: tables found, meta and cells matched, line accounting. */
function scoreAll(transform: (text: string) => string): {cells: number; matched: number} {
  let cells = 0;
  let matched = 0;
  for (const f of FILES) {
    const expected = expectedOf(f).tables;
    const {tables} = extractText(transform(dump(f)), {file: f});
    assert.equal(tables.length, expected.length, `${f}: tables`);
    expected.forEach((e, k) => {
      const g = tables[k] as unknown as Record<string, unknown>;
      for (const m of META) assert.equal(norm(g[m]), norm(e[m]), `${f} table ${k} ${m}`);
      const s = tables[k].line_stats;
      assert.equal(s.seen, s.used + s.blank + s.diagnosed, `${f} table ${k}: ${JSON.stringify(s)}`);
      e.indicators.forEach((row, i) => {
        const got = tables[k].indicators[i] as unknown as Record<string, unknown> | undefined;
        for (const c of CELLS) { cells++; if (norm(row[c]) === norm(got?.[c])) matched++; }
      });
    });
  }
  return {cells, matched};
}

test('extractText(rendered/*.webcopy.txt) (browser copy-paste) finds every table, its metadata and every cell', () => {
  assert.ok(FILES.length >= 13, `${FILES.length} webcopy dumps`);
  const {cells, matched} = scoreAll((text) => text);
  assert.equal(matched, cells);
});

test('extractText(webcopy with CRLF line ends, merged cells as empty leading cells) reads every cell', () => {
  const {cells, matched} = scoreAll((text) => mergedAsEmpty(text).replace(/\n/g, '\r\n'));
  assert.equal(matched, cells);
});

test('extractText(webcopy, each row\'s longest cell holding a line break) joins the row\'s lines: at least 99% of the cells', () => {
  const {cells, matched} = scoreAll(longestCellBroken);
  assert.ok(matched / cells >= 0.99, `${matched}/${cells}`);
});

test('extractText(webcopy, every cell of 8+ characters holding a line break) still reads at least 98% of the cells', () => {
  const {cells, matched} = scoreAll(longCellsBroken);
  assert.ok(matched / cells >= 0.98, `${matched}/${cells}`);
});

test('extractText(webcopy, cells as <p> paragraphs, long ones as two) reads at least 99% of the cells', () => {
  const {cells, matched} = scoreAll(cellsAsParagraphs);
  assert.ok(matched / cells >= 0.99, `${matched}/${cells}`);
});

test('extractText(bundled-001-long.webcopy.txt with line breaks inside cells): a row whose first line is one piece of its 三级指标', () => {
  // Rows under a merged 一级/二级 cell start with their 三级指标; broken, its first piece is a line alone
  // ("开展社会保险基"), which starts the row rather than ending the row above.
  const f = 'bundled-001-long.webcopy.txt';
  const expected = expectedOf(f).tables[0].indicators;
  const got = extractText(longestCellBroken(dump(f)), {file: f}).tables[0].indicators;
  assert.equal(got.length, expected.length);
  for (const i of [0, 1, 2, 9, 10]) {
    const g = got[i] as unknown as Record<string, unknown>;
    assert.deepEqual(CELLS.map((c) => norm(g[c])), CELLS.map((c) => norm(expected[i][c])), `row ${i}`);
  }
  assert.equal(norm(got[1].level3), norm('开展社会保险基金预决算会议次数'));
  assert.equal(got[10].level2, expected[10].level2);
});

test('extractText(repeated-header-overall-transport.webcopy.txt): a free-text 指标设定依据 broken over two lines stays in its row', () => {
  const f = 'repeated-header-overall-transport.webcopy.txt';
  const expected = expectedOf(f).tables[0].indicators;
  const got = extractText(longCellsBroken(dump(f)), {file: f}).tables[0].indicators;
  expected.forEach((row, i) => {
    assert.equal(norm(got[i]?.basis), norm(row.basis), `row ${i} basis`);
    assert.equal(norm(got[i]?.level3), norm(row.level3), `row ${i} level3`);
  });
});
