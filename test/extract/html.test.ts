// HTML tables inside a dump (MinerU writes tables with merged cells as one line of HTML): spread into one
// tab-separated row per <tr>, read, and every reported line mapped back to the source line the row came from.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {extractText} from '../../src/index.ts';
import {spreadHtmlTables} from '../../src/extract/html.ts';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'rendered');

test('spreadHtmlTables gives a row per <tr>: spans resolved, entities and <br> read, source lines kept', () => {
  const text = '标题\n前 <table><tr><td rowspan="2">产出指标</td><td colspan="2">a&amp;b</td></tr><tr><td>b<br>c</td>'
    + '<td>&ge;95&#37;</td></tr></table> 后\n下一行\n<table>\n<tr><th>x</th></tr>\n<tr><td>y</td></tr>\n</table>\nend';
  const spread = spreadHtmlTables(text);
  assert.ok(spread);
  assert.deepEqual(spread.text.split('\n'), ['标题', '前 ', '产出指标\ta&b', '\tb c\t≥95%', ' 后', '下一行', 'x', 'y', '', 'end']);
  assert.deepEqual(Array.from(spread.sourceLine), [1, 2, 2, 2, 2, 3, 5, 6, 7, 8]);
  assert.equal(spreadHtmlTables('没有表格的文字\n<p>段落</p>'), null);
  // A caption (a title printed as the table's) is a line of its own before the rows, not dropped.
  assert.deepEqual(spreadHtmlTables('<table><caption>项目支出绩效目标表</caption><tr><td>a</td></tr></table>')?.text.split('\n'), ['项目支出绩效目标表', 'a', '']);
});

test('extractText(MinerU dump) reads the one-line HTML table, rows pointing at its source line', () => {
  const text = readFileSync(join(DIR, 'exec-rate-education.mineru.txt'), 'utf8');
  const tableLine = text.split('\n').findIndex((l) => l.startsWith('<table>')) + 1;
  const {tables, diagnostics} = extractText(text, {file: 'm.md'});
  assert.equal(tables.length, 1);
  const t = tables[0];
  assert.deepEqual([t.unit, t.project, t.leader, t.budget_total, t.year], ['南溪县教育局', '学前教育发展专项资金', '周雅琴', 862.5, 2025]);
  assert.deepEqual(t.indicators.slice(0, 2).map((r) => [r.level1, r.level2, r.level3, r.target, r.weight, r.evidence]), [
    ['产出指标', '数量指标', '普惠性幼儿园补助园数', '≥45所', 10, '正式材料'],
    ['产出指标', '数量指标', '幼儿教师培训人次', '≥600人次', 10, '工作资料'],
  ]);
  assert.equal(t.title_line, tableLine - 4); // "# 项目支出绩效目标表", blank, "(2025 年)", blank
  for (const r of t.indicators) assert.deepEqual(r.lines, [tableLine, tableLine]);
  assert.ok(t.lines[1] <= text.split('\n').length);
  for (const d of diagnostics) assert.ok(d.line >= 1 && d.endLine <= text.split('\n').length, JSON.stringify(d));
});
