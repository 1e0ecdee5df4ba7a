// Cells printed after a table's end (pdftotext default puts a page's last column after the next heading): the
// lines found, and the bundled-001 dump read with them, checked against the expected rows of its spec.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {extractText} from '../../src/index.ts';
import {splitLines} from '../../src/extract/lines.ts';
import {locateTables} from '../../src/extract/locate.ts';
import {trailingCells} from '../../src/extract/trailing.ts';
import * as messages from '../../src/diagnostics/messages.ts';

const found = (text: string): number[] => {
  const lines = splitLines(text);
  const [region] = locateTables(lines);
  return trailingCells(lines, region, lines.length + 1).map((l) => l.no);
};

test('trailingCells: vocabulary cells ending the text after the heading that closed the table', () => {
  assert.deepEqual(found('项目支出绩效目标表\n名称 ≥1次\n（五）其他需说明的事项\n无。\n\n-2-\n\n原始凭证\n工作资料，原始凭证\n\n直接赋分\n'), [8, 9, 11]);
});

test('trailingCells: prior values "新增" ending the text are cells of the table too', () => {
  assert.deepEqual(found('项目支出绩效目标表\n名称 ≥1次\n（五）其他需说明的事项\n无。\n\n新增\n新增\n'), [6, 7]);
});

test('extractText(rendered/bundled-003-overall.default.txt) gives every row of the project table its prior "新增", three printed after "（五）"', () => {
  const {tables} = extractText(readFileSync(join(DIR, 'bundled-003-overall.default.txt'), 'utf8'), {file: 'b'});
  const want = JSON.parse(readFileSync(join(DIR, 'bundled-003-overall.expected.json'), 'utf8')).tables[1].indicators as Array<{prior_year: string}>;
  assert.deepEqual(tables[1].indicators.map((r) => r.prior_year), want.map((r) => r.prior_year));
  assert.ok(want.every((r) => r.prior_year === '新增'));
  const stats = tables[1].line_stats;
  assert.equal(stats.seen, stats.used + stats.blank + stats.diagnosed);
});

test('trailingCells: cells before the section\'s prose too; nothing when the table runs to the end, no cell follows it, or past the next section', () => {
  // pdftotext orders a page's blocks its own way: the cells may come between the heading and its paragraph.
  assert.deepEqual(found('项目支出绩效目标表\n名称 ≥1次\n（五）其他需说明的事项\n原始凭证\n本单位无其他事项。'), [4]);
  assert.deepEqual(found('项目支出绩效目标表\n名称 ≥1次\n（五）其他需说明的事项\n本单位无其他事项。\n（六）附件\n原始凭证'), []);
  assert.deepEqual(found('项目支出绩效目标表\n名称 ≥1次\n原始凭证'), []);
  assert.deepEqual(found('项目支出绩效目标表\n名称 ≥1次\n（五）其他需说明的事项\n无。'), []);
});

const DIR = join(import.meta.dirname, '..', 'fixtures', 'rendered');

test('extractText(rendered/bundled-001-long.default.txt) reads the evidence printed after "（五）" into the last rows, and says so', () => {
  const {tables, diagnostics} = extractText(readFileSync(join(DIR, 'bundled-001-long.default.txt'), 'utf8'), {file: 'b'});
  const want = JSON.parse(readFileSync(join(DIR, 'bundled-001-long.expected.json'), 'utf8')).tables[0].indicators as Array<{evidence: string}>;
  const got = tables[0].indicators;
  assert.equal(got.length, want.length);
  // Rows whose evidence the dump prints after the heading, in an order of its own: these land where the spec has them.
  for (const r of [18, 20, 21, 22, 23, 25, 26, 27, 28, 31]) assert.equal(got[r].evidence, want[r].evidence, `row ${r}`);
  assert.deepEqual(diagnostics.filter((d) => d.code === 'trailing-cells'), [messages.trailingCells('b', 221, 235, 15)]);
  const stats = tables[0].line_stats;
  assert.equal(stats.seen, stats.used + stats.blank + stats.diagnosed);
});

test('trailingCells: a part heading after the table ("第四部分 名词解释") is a heading, not a line of cells', () => {
  assert.deepEqual(found('项目支出绩效目标表\n名称 ≥1次\n（五）其他需说明的事项\n无。\n第四部分 名词解释\n'), []);
});

test('trailingCells: a bare "2" alone before the cells is page 2\'s number when page 1 ended with a bare "1"; else a weight', () => {
  const page2 = '\f名称 ≥1次\n（五）其他需说明的事项\n无。\n\n2\n\n原始凭证\n10\n';
  assert.deepEqual(found(`项目支出绩效目标表\n名称 ≥1次\n1\n${page2}`), [10, 11]);
  assert.deepEqual(found(`项目支出绩效目标表\n名称 ≥1次\n-1-\n${page2}`), [8, 10, 11]);
});
