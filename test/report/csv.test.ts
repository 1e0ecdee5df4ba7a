import {test} from 'node:test';
import assert from 'node:assert/strict';
import {diagnosticsToCsv, indicatorsToCsv, safeCell, tablesToCsv, toCsv} from '../../src/report/csv.ts';
import type {DocumentResult} from '../../src/types.ts';
import {indicator, table} from '../helpers/records.ts';

const projectTable = table({
  kind: 'project', title_line: 3, lines: [3, 20], year: 2024, unit: '+某局', project: '干部培训项目', leader: '张三',
  budget_total: 127.44, budget_fiscal: 100, budget_other: 127.44 - 100, budget_total_source: 'printed',
  columns: ['一级指标', '二级指标', '三级指标', '指标值', '上年完成值', '分值'],
  indicators: [
    indicator({level3: '培训人数, 含"线上"学员', target: '=885人', prior_year: '-', weight: 0.1 + 0.2, basis: '-2+3', lines: [10, 11]}),
    indicator({level2: '质量指标', level3: '合格率', target: '≥95%', prior_year: '新增', weight: 20, basis: '@SUM(A1)', scoring_rule: '>=90%', evidence: '＝1', lines: [12, 12]}),
    indicator({level2: '成本指标', level3: '成本控制', target: '<=127.44万元', prior_year: '-3', weight: null, basis: '+1', scoring_rule: '-3.5', evidence: '\t1', lines: [13, 14]}),
  ],
});

const overallTable = table({
  kind: 'overall', title: '部门整体绩效目标表', title_line: 30, lines: [30, 40], year: 2024, unit: '某局',
  columns: ['一级指标', '二级指标', '三级指标', '指标值', '分值'], layout: 'wrapped',
  indicators: [indicator({level1: '履职效能', level2: '数量指标', level3: '完成率', target: '100%', weight: 90, lines: [35, 35]})],
});

const docs: DocumentResult[] = [{
  source: 'a.txt', encoding: 'utf-8', tables: [projectTable, overallTable],
  diagnostics: [
    {code: 'page-number', severity: 'info', message: '页码行已跳过', file: 'a.txt', line: 25, endLine: 25, actual: '- 3 -'},
    {code: 'unplaced-text', severity: 'warning', message: '未能放入表格的文字', file: 'a.txt', line: 41, endLine: 42},
  ],
}];

const HEADER = 'source,table_index,kind,title_line,year,unit,project,leader,budget_total,budget_fiscal,budget_other,'
  + 'level1,level2,level3,target,basis,prior_year,weight,scoring_rule,evidence,line_start,line_end';

/** Minimal RFC 4180 parser: strips a BOM, reads quoted fields with "" escapes, records end at CRLF. */
function parseCsv(text: string): string[][] {
  const s = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  while (i < s.length) {
    if (s[i] === '"' && field === '') {
      i++;
      while (i < s.length) {
        if (s[i] === '"' && s[i + 1] === '"') { field += '"'; i += 2; }
        else if (s[i] === '"') { i++; break; }
        else field += s[i++];
      }
    } else if (s[i] === ',') { record.push(field); field = ''; i++; }
    else if (s.startsWith('\r\n', i)) { record.push(field); records.push(record); record = []; field = ''; i += 2; }
    else field += s[i++];
  }
  if (field !== '' || record.length > 0) { record.push(field); records.push(record); }
  return records;
}

/** Parsed indicator records as objects keyed by header name. */
function indicatorObjects(): Record<string, string>[] {
  const [header, ...rows] = parseCsv(indicatorsToCsv(docs));
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

test('indicatorsToCsv(docs) starts with a UTF-8 BOM', () => {
  const csv = indicatorsToCsv(docs);
  assert.ok(csv.startsWith('\uFEFF'));
  assert.deepEqual([...Buffer.from(csv, 'utf8').subarray(0, 3)], [0xef, 0xbb, 0xbf]);
});

test('indicatorsToCsv(docs) ends every record with CRLF', () => {
  const csv = indicatorsToCsv(docs);
  assert.ok(csv.endsWith('\r\n'));
  assert.doesNotMatch(csv.replace(/\r\n/g, ''), /[\r\n]/);
  assert.equal(csv.split('\r\n').length, 1 + 4 + 1);
});

test('indicatorsToCsv(docs) writes the header row exactly', () => {
  assert.equal(indicatorsToCsv(docs).slice(1).split('\r\n')[0], HEADER);
});

test('indicatorsToCsv(docs) parses back to the expected first row', () => {
  const [, first] = parseCsv(indicatorsToCsv(docs));
  assert.deepEqual(first, [
    'a.txt', '1', 'project', '3', '2024', "'+某局", '干部培训项目', '张三', '127.44', '100', '27.44',
    '产出指标', '数量指标', '培训人数, 含"线上"学员', "'=885人", "'-2+3", '-', '0.3', '', '', '10', '11',
  ]);
});

test("indicatorsToCsv(docs) neutralises '=885人' as \"'=885人\"", () => {
  assert.equal(indicatorObjects()[0].target, "'=885人");
});

test("indicatorsToCsv(docs) keeps '-' readable", () => {
  assert.equal(indicatorObjects()[0].prior_year, '-');
  assert.match(indicatorsToCsv(docs), /,'-2\+3,-,0\.3,/);
});

test("indicatorsToCsv(docs) keeps plain negative numbers like '-3' and '-3.5'", () => {
  const row = indicatorObjects()[2];
  assert.equal(row.prior_year, '-3');
  assert.equal(row.scoring_rule, '-3.5');
});

test("indicatorsToCsv(docs) prefixes formula starters '-2+3', '+1', '@SUM(A1)', '＝1' and TAB with '", () => {
  const rows = indicatorObjects();
  assert.equal(rows[0].basis, "'-2+3");
  assert.equal(rows[2].basis, "'+1");
  assert.equal(rows[1].basis, "'@SUM(A1)");
  assert.equal(rows[1].evidence, "'＝1");
  assert.equal(rows[2].evidence, "'\t1");
  assert.equal(rows[0].unit, "'+某局");
});

test("indicatorsToCsv(docs) leaves '>=90%', '≥95%', '<=127.44万元' and '新增' unchanged", () => {
  const rows = indicatorObjects();
  assert.equal(rows[1].scoring_rule, '>=90%');
  assert.equal(rows[1].target, '≥95%');
  assert.equal(rows[2].target, '<=127.44万元');
  assert.equal(rows[1].prior_year, '新增');
});

test('indicatorsToCsv(docs) quotes a field with a comma and a double quote', () => {
  assert.ok(indicatorsToCsv(docs).includes(',"培训人数, 含""线上""学员",'));
});

test('indicatorsToCsv(docs) writes numbers plainly, unquoted and never prefixed', () => {
  const line = indicatorsToCsv(docs).split('\r\n')[1];
  assert.ok(line.startsWith("a.txt,1,project,3,2024,'+某局,干部培训项目,张三,127.44,100,27.44,"), line);
  assert.ok(line.endsWith(',0.3,,,10,11'), line);
  assert.doesNotMatch(indicatorsToCsv(docs), /0000000|"\d/);
});

test('indicatorsToCsv(docs) writes null as an empty field', () => {
  const rows = indicatorObjects();
  assert.equal(rows[2].weight, '');
  assert.equal(rows[3].prior_year, '');
  assert.equal(rows[3].scoring_rule, '');
  assert.equal(rows[3].evidence, '');
  assert.equal(rows[3].budget_total, '');
});

test('indicatorsToCsv(docs) numbers tables 1-based within the document', () => {
  assert.deepEqual(indicatorObjects().map((r) => [r.table_index, r.kind, r.title_line]),
    [['1', 'project', '3'], ['1', 'project', '3'], ['1', 'project', '3'], ['2', 'overall', '30']]);
});

test('indicatorsToCsv([]) gives the header row only', () => {
  assert.equal(indicatorsToCsv([]), `\uFEFF${HEADER}\r\n`);
});

test('tablesToCsv(docs) writes one row per table with weight_sum and joined columns', () => {
  const [header, ...rows] = parseCsv(tablesToCsv(docs));
  assert.deepEqual(header, [
    'source', 'table_index', 'kind', 'title_line', 'line_start', 'line_end', 'year', 'unit', 'project', 'leader',
    'budget_total', 'budget_fiscal', 'budget_other', 'budget_total_source', 'layout', 'indicator_count', 'weight_sum',
    'columns',
  ]);
  assert.deepEqual(rows, [
    ['a.txt', '1', 'project', '3', '3', '20', '2024', "'+某局", '干部培训项目', '张三', '127.44', '100', '27.44',
      'printed', 'tabbed', '3', '20.3', '一级指标|二级指标|三级指标|指标值|上年完成值|分值'],
    ['a.txt', '2', 'overall', '30', '30', '40', '2024', '某局', '', '', '', '', '', '', 'wrapped', '1', '90',
      '一级指标|二级指标|三级指标|指标值|分值'],
  ]);
});

test('diagnosticsToCsv(docs) writes one row per diagnostic, actual neutralised or empty', () => {
  assert.deepEqual(parseCsv(diagnosticsToCsv(docs)), [
    ['source', 'severity', 'code', 'line', 'end_line', 'message', 'actual'],
    ['a.txt', 'info', 'page-number', '25', '25', '页码行已跳过', "'- 3 -"],
    ['a.txt', 'warning', 'unplaced-text', '41', '42', '未能放入表格的文字', ''],
  ]);
});

test('toCsv(header, rows) quotes a field with a line break', () => {
  assert.equal(toCsv(['a', 'b'], [['x\ny', 1], ['p\rq', null]]), '\uFEFFa,b\r\n"x\ny",1\r\n"p\rq",\r\n');
});

test('toCsv(header, rows, {bom: false, eol: "\\n"}) honours the options', () => {
  assert.equal(toCsv(['n'], [[-3], [1e-9], [2 / 3]], {bom: false, eol: '\n'}), 'n\n-3\n0\n0.666667\n');
});

test('safeCell(text) leaves dash placeholders alone and prefixes full-width starters', () => {
  assert.deepEqual(['-', '--', '—', '－', '-3', '－3', '-3%'].map(safeCell), ['-', '--', '—', '－', '-3', '－3', '-3%']);
  assert.deepEqual(['＋1', '＠x', '\rx', '-A1', '－A1'].map(safeCell), ["'＋1", "'＠x", "'\rx", "'-A1", "'－A1"]);
});
