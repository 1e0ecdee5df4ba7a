// A spreadsheet's table saved as CSV (some provinces publish the 绩效目标表 as Excel files): comma-separated rows,
// quoted fields, CRLF. The sheets are made from the rendered corpus' Markdown dumps (test/fixtures/rendered/
// *.markdown.txt, written from the specs): title and year in the first cell of their rows, every row as wide as
// the table, no prose. Expected rows come from the specs.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {extractText} from '../../src/index.ts';
import {csvAsTabs} from '../../src/extract/lines.ts';
import {assertTablesAndMeta} from '../helpers/rendered.ts';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'rendered');

/** A field as a spreadsheet writes it: quoted when it holds a comma or a quote. */
const field = (c: string): string => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);

/** The tables of a Markdown dump as a CSV sheet: "## title" and the year line as rows of their own, pipe rows as CSV rows. */
function sheetOf(markdown: string): string {
  const lines = markdown.split('\n');
  const out: string[] = [];
  lines.forEach((line, i) => {
    const width = (lines.slice(i).find((l) => l.startsWith('| ')) ?? '|').split(' | ').length;
    const alone = (text: string): string => [field(text), ...Array<string>(width - 1).fill('')].join(',');
    if (line.startsWith('## ')) out.push(alone(line.slice(3)));
    else if (/^[(（]\d{4}/.test(line) && lines[i - 2]?.startsWith('## ')) out.push(alone(line));
    else if (line.startsWith('| ')) out.push(line.slice(2, -2).split(' | ').map((c) => field(c.replace(/\\\|/g, '|'))).join(','));
  });
  return out.join('\r\n') + '\r\n';
}

test('csvAsTabs reads CSV rows as tab-separated rows, quoted commas and quotes kept, line for line', () => {
  assert.equal(csvAsTabs('一级指标,二级指标,指标值\n产出指标,数量指标,"1,200人"\n,,"说""明"\n"未闭合,x'),
    '一级指标\t二级指标\t指标值\n产出指标\t数量指标\t1,200人\n\t\t说"明\n"未闭合,x');
  // Prose with an odd ASCII comma is no sheet: kept as it is.
  const prose = '2025年,本部门预算绩效目标如下。\n（四）预算绩效情况\n具体情况见下表：\n';
  assert.equal(csvAsTabs(prose), prose);
});

test('extractText(the rendered corpus saved as CSV sheets) finds every table, its metadata and every cell', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.markdown.txt'));
  assert.ok(files.length >= 13);
  const {cells, matched: ok} = assertTablesAndMeta(DIR, files, (f) => sheetOf(readFileSync(join(DIR, f), 'utf8')));
  assert.equal(ok, cells);
});

test('extractText(CSV sheet) gives each row its source line', () => {
  const sheet = sheetOf(readFileSync(join(DIR, 'exec-rate-education.markdown.txt'), 'utf8'));
  const [t] = extractText(sheet, {file: 'x.csv'}).tables;
  const lines = sheet.split('\r\n');
  const r = t.indicators[0];
  assert.deepEqual([r.level3, r.target, r.weight], ['普惠性幼儿园补助园数', '≥45所', 10]);
  assert.match(lines[r.lines[0] - 1], /^产出指标,数量指标,普惠性幼儿园补助园数,≥45所,/);
});
