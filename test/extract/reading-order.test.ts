// Reading-order dumps (pdftotext without flags, test/fixtures/rendered/*.default.txt): cells compared with the
// expected rows of the specs (not the extractor's output), per-dump floors at what the reader reaches, named rows
// exactly; and hand-made snippets of the reorderings it handles.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {extractText} from '../../src/index.ts';
import {splitLines, tokenizeLines} from '../../src/extract/lines.ts';
import {dashedPriorYears, fragmentScore, isLabelPiece, isReadingOrderDump, readingOrder} from '../../src/extract/reading-order.ts';
import {assembleRows} from '../../src/extract/rows.ts';
import type {ColumnKey} from '../../src/types.ts';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'rendered');
const CELLS = ['level1', 'level2', 'level3', 'target', 'basis', 'prior_year', 'weight', 'scoring_rule', 'evidence'] as const;
const norm = (v: unknown): string | null => (v === null || v === undefined ? null
  : typeof v === 'number' ? String(Math.round(v * 100) / 100) : String(v).normalize('NFKC').replace(/\s+/g, ''));
type Row = Record<string, unknown>;
const expectedOf = (spec: string): Array<{indicators: Row[]}> => JSON.parse(readFileSync(join(DIR, `${spec}.expected.json`), 'utf8')).tables;
const extracted = (spec: string): Array<{indicators: Row[]}> =>
  extractText(readFileSync(join(DIR, `${spec}.default.txt`), 'utf8'), {file: spec}).tables as unknown as Array<{indicators: Row[]}>;

/** Share of cells equal to the expected ones, over every expected table and row. */
function cellShare(spec: string): number {
  const got = extracted(spec);
  let cells = 0;
  let ok = 0;
  expectedOf(spec).forEach((e, k) => e.indicators.forEach((row, i) => {
    for (const c of CELLS) { cells++; if (norm(row[c]) === norm(got[k]?.indicators[i]?.[c])) ok++; }
  }));
  return ok / cells;
}

// Floors at what the reader reaches today (issue 4 aims at 0.99 for each); narrow-wrap-b5 is read least well.
const FLOORS: Record<string, number> = {
  'bundled-001-long': 0.955, 'bundled-002-pair': 1, 'bundled-003-overall': 0.99, 'exec-rate-education': 0.98,
  // Merged labels placed by the span they are centred on (label-spans.ts).
  'long-annual-health': 1, 'shenbao-health': 1, 'yuan-pifu-transport': 1,
  // 一级指标/二级指标 printed among the metadata, above the rest of the column header.
  'split-target-education': 0.94, 'ziping-health': 1,
  // A label's end printed alone after its rows ("服务对象满意度" … "指标"); required-suffix-transport lacks only
  // two prior values "-" that the dump does not print.
  'required-suffix-transport': 0.98,
  // Columns two to four characters wide; its page number is no weight.
  'narrow-wrap-b5': 0.96,
  // Free-text 《…》 bases wrapped over lines; page 2 printed around the (五) paragraph, its header reprinted in pieces.
  // Page 2's names printed as a block before its values: a name alone on its line is no free-text basis.
  'repeated-header-overall-transport': 0.985,
  // A flat multi-project table: 项目名称 and the names printed among the metadata, rows split by their weights;
  // each goal one sentence of lines among the rows, each 项目资金 beside a line of its goal.
  'flat-projects-culture': 0.99,
  // Names printed as a block, then their values as one (a run of lone compared values tells the reading order).
  'mof-overall-civil': 0.97, 'mof-shenbao-water': 0.99,
};
for (const [spec, floor] of Object.entries(FLOORS)) {
  test(`extractText(rendered/${spec}.default.txt) matches at least ${floor * 100}% of the expected cells, every line accounted for`, () => {
    const tables = extracted(spec) as unknown as Array<{line_stats: {seen: number; used: number; blank: number; diagnosed: number}}>;
    assert.equal(tables.length, expectedOf(spec).length);
    for (const {line_stats: l} of tables) assert.equal(l.seen, l.used + l.blank + l.diagnosed, `${spec} line accounting`);
    const share = cellShare(spec);
    assert.ok(share >= floor, `${(share * 100).toFixed(1)}%`);
  });
}

test('extractText(rendered/*.default.txt) gives named rows exactly as the specs print them', () => {
  const cases: Array<[string, number, number]> = [
    ['yuan-pifu-transport', 0, 0], ['yuan-pifu-transport', 0, 1], ['yuan-pifu-transport', 0, 2],
    ['bundled-002-pair', 0, 3], ['bundled-002-pair', 0, 4], ['bundled-002-pair', 0, 5],
    ['bundled-002-pair', 1, 5], ['exec-rate-education', 0, 1], ['exec-rate-education', 0, 6],
    ['yuan-pifu-transport', 0, 5], ['yuan-pifu-transport', 0, 6],
    // A name printed after its row's values, then the next row's name: each in its row, not joined (issue 4).
    ['exec-rate-education', 0, 2], ['exec-rate-education', 0, 3], ['exec-rate-education', 0, 4],
    ['shenbao-health', 0, 3], ['shenbao-health', 0, 4], ['shenbao-health', 0, 7], ['shenbao-health', 0, 8],
    ['yuan-pifu-transport', 0, 4],
    // Level names printed among the metadata still head the grid: the labels land in 一级/二级, not in the names.
    ['split-target-education', 0, 4], ['split-target-education', 0, 5], ['ziping-health', 0, 4], ['ziping-health', 0, 5],
    // Its 合计 label alone, the sums on the next line: no row, and the last row keeps its weight.
    ['ziping-health', 0, 8],
    // A 《title》 basis wrapped over two lines stays one basis; a "…》" line starts no name (issue 4).
    ['repeated-header-overall-transport', 0, 0], ['repeated-header-overall-transport', 0, 5],
    ['repeated-header-overall-transport', 0, 6], ['repeated-header-overall-transport', 0, 10],
    ['repeated-header-overall-transport', 0, 9], ['repeated-header-overall-transport', 0, 11],
    // Names that never wrap, each printed after the row before's values: not read as one name continued; a name
    // ending in 满意度 is no qualitative value (issue 4).
    ['long-annual-health', 0, 1], ['long-annual-health', 0, 2], ['long-annual-health', 0, 3], ['long-annual-health', 0, 4],
    ['long-annual-health', 0, 10],
    // Names each printed after their row's values, the next row's name just below; a unit of three parts (元/公里/年).
    ['required-suffix-transport', 0, 0], ['required-suffix-transport', 0, 1], ['required-suffix-transport', 0, 5],
    ['required-suffix-transport', 0, 7], ['required-suffix-transport', 0, 8],
    // A name printed on the table's first line is no deviation note (those explain, in clauses).
    ['ziping-health', 0, 0], ['ziping-health', 0, 1], ['ziping-health', 0, 2], ['ziping-health', 0, 3],
    // Page 2's block of names, then its values: each name in its row, none read as a free-text basis (issue 4).
    ['repeated-header-overall-transport', 0, 13], ['repeated-header-overall-transport', 0, 14],
    ['repeated-header-overall-transport', 0, 16], ['repeated-header-overall-transport', 0, 19],
    // The page number printed below page 1's last row is no weight: the last row keeps its weight and values.
    ['narrow-wrap-b5', 0, 8],
    // Labels' last pieces after a page break ("时效" … "指标") are no reprinted header: 时效指标, 经济成本指标 whole.
    ['narrow-wrap-b5', 0, 3], ['narrow-wrap-b5', 0, 4],
    // A 二级 printed on the line of a name that comes after its row's values stands at the edge of the next row:
    // it heads the row that measures what it names (质量指标 a rate, not the count above), or, as the line
    // extents say, the two rows it is centred on (社会效益指标 over rows 7-8) (issue 4).
    ['bundled-002-pair', 0, 1], ['bundled-002-pair', 0, 2], ['bundled-002-pair', 1, 1], ['bundled-002-pair', 1, 2],
    ['shenbao-health', 0, 7],
    // A date target wrapped before its day ("2025年6月" / "30日前"): the digits would have fitted after the name
    // printed beside it, so they end the date, not the name (issue 4).
    ['yuan-pifu-transport', 0, 3],
    // An overall table with no word split around other cells, in a text whose other table tells a reading-order
    // dump: read so too, so wrapped names stay whole; 管理效率 is a 一级 (though 管理效率指标 begins so) (issue 4).
    ['bundled-003-overall', 0, 0], ['bundled-003-overall', 0, 1], ['bundled-003-overall', 0, 2], ['bundled-003-overall', 0, 5],
    // 社会效益指标 printed above its 一级 效益指标: the pair is read the right way round (issue 4).
    ['split-target-education', 0, 7],
    // Prior-year "-" cells the dump dropped (pdftotext joins a "-" line to the weight below it, hyphen gone):
    // other cells of the column kept their "-", so the empty ones are "-" too.
    ['bundled-001-long', 0, 0], ['bundled-001-long', 0, 1], ['bundled-001-long', 0, 6], ['bundled-001-long', 0, 14],
    // "办公设备采购完成时间 2024年11月" / "30日 计划标准": the day ends the date, not the full-width name beside it.
    ['bundled-001-long', 0, 22],
    // "购买办公设备利用率 >=90% …" / "保障巴州社保信息系统" / "…维护和网络专线运行 有效保障 …": a name ending as names
    // end (…率) is not continued by a phrase of its own; that starts the next row's name.
    ['bundled-001-long', 0, 31],
    // 经济成本指标 printed beside the middle of its rows, whose weights, rules and evidence come as blocks apart:
    // the rows' extents are of the cells printed among their names, so the span starts where its rows do.
    ['bundled-001-long', 0, 26],
  ];
  for (const [spec, table, row] of cases) {
    const want = expectedOf(spec)[table].indicators[row];
    const got = extracted(spec)[table].indicators[row];
    for (const c of CELLS) assert.equal(norm(got[c]), norm(want[c]), `${spec} ${table}#${row} ${c}`);
  }
});

test('extractText(rendered/bundled-001-long.default.txt) ends names in 成本 and values in 元 whatever label begins so', () => {
  // "信息中心租赁社保专线" / "成本" / "元": 成本 ends the name (a whole word before 指标, no label cut in two), 元 the
  // value "<=18.24万"; "<=4200元/" / "件成本": no unit holds a label's stem (成本), the name "…电脑软" takes it.
  const want = expectedOf('bundled-001-long')[0].indicators;
  const got = extracted('bundled-001-long')[0].indicators;
  for (const r of [25, 27]) for (const c of ['level3', 'target', 'basis', 'weight'] as const) assert.equal(norm(got[r][c]), norm(want[r][c]), `#${r} ${c}`);
});

test('extractText(rendered/ziping-health.default.txt) keeps each deviation note, wrapped over two lines, whole in its row', () => {
  const want = expectedOf('ziping-health')[0].indicators;
  const got = extracted('ziping-health')[0].indicators;
  assert.deepEqual(got.map((r) => [r.level3, r.deviation]), want.map((r) => [r.level3, r.deviation]));
});

test('extractText(rendered/long-annual-health.default.txt) reads each row\'s 长期 and 年度 values, names one to a row', () => {
  const want = expectedOf('long-annual-health')[0].indicators;
  const got = extracted('long-annual-health')[0].indicators;
  assert.deepEqual(got.map((r) => [r.level3, r.target_long_term, r.target]), want.map((r) => [r.level3, r.target_long_term, r.target]));
});

const COLUMNS: ColumnKey[] = ['level1', 'level2', 'level3', 'target', 'basis', 'prior_year', 'weight', 'scoring_rule', 'evidence'];
const CONTEXT = {freeTextBasis: false};
const rowsOf = (text: string): string[][] => {
  const tokens = tokenizeLines(splitLines(text));
  const {indicators} = assembleRows([readingOrder(tokens, COLUMNS, CONTEXT)], COLUMNS, CONTEXT, 'snippet');
  return indicators.map((r) => [r.level1, r.level2, r.level3, r.target, r.basis ?? '', r.prior_year ?? '', String(r.weight), r.scoring_rule ?? '', r.evidence ?? '']);
};

test('readingOrder(a row whose rule and evidence come before its name, the rule\'s end last) reads one row', () => {
  assert.deepEqual(rowsOf('按照完成比例赋 工作资料\n补贴公交线路数\n=18条\n计划标准\n18条\n10\n分'),
    [['', '', '补贴公交线路数', '=18条', '计划标准', '18条', '10', '按照完成比例赋分', '工作资料']]);
});

test('readingOrder(wrapped cells printed as fragments on later lines) joins each to its cell', () => {
  const rows = rowsOf('公交车辆年检合格率 =100% 行业标准 100% 10 直接赋分 正式材料\n单车年度运营补贴 ≤13275元/ 预算支出 13000元/台 10 直接赋分 原始凭证\n台\n标准');
  assert.deepEqual(rows.map((r) => r.slice(2)), [
    ['公交车辆年检合格率', '=100%', '行业标准', '100%', '10', '直接赋分', '正式材料'],
    ['单车年度运营补贴', '≤13275元/台', '预算支出标准', '13000元/台', '10', '直接赋分', '原始凭证'],
  ]);
});

test('readingOrder(a name printed after its row\'s values, the next name just below it) joins neither to the name above', () => {
  const rows = rowsOf('普惠性幼儿园覆盖率 ≥90% 行业标准 88.6% 10 按照完成比例赋\n工作资料\n分\n=100% 计划标准 100% 10\n直接赋分\n原始凭证\n'
    + '资金下达及时率\n预算执行率\n≥95% 计划标准 96.5% 10 按照完成比例赋\n原始凭证\n分');
  assert.deepEqual(rows.map((r) => r.slice(2)), [
    ['普惠性幼儿园覆盖率', '≥90%', '行业标准', '88.6%', '10', '按照完成比例赋分', '工作资料'],
    ['资金下达及时率', '=100%', '计划标准', '100%', '10', '直接赋分', '原始凭证'],
    ['预算执行率', '≥95%', '计划标准', '96.5%', '10', '按照完成比例赋分', '原始凭证'],
  ]);
});

test('isLabelPiece(text) knows beginnings of 一级/二级 words of two characters or more', () => {
  assert.deepEqual(['质量指', '产出', '社会效', '标', '质量指标', '补贴发放'].map(isLabelPiece), [true, true, true, false, false, false]);
});

test('fragmentScore(col, the beginning of a vocabulary word) keeps it open in its column only', () => {
  assert.equal(fragmentScore('scoring_rule', '按照完成比例赋', CONTEXT), 2);
  assert.equal(fragmentScore('target', '按照完成比例赋', CONTEXT), null);
  assert.equal(fragmentScore('basis', '自定义', CONTEXT), 5); // a whole word, though it begins 自定义标准
});

test('fragmentScore(col, a name) is a poor value or deviation note; a unit of short parts is a unit', () => {
  assert.equal(fragmentScore('target', '患者满意度', CONTEXT), -1);
  assert.ok(fragmentScore('target', '有效改善', CONTEXT)! > 0);
  assert.equal(fragmentScore('deviation', '重点人群家庭医生签约人数', CONTEXT), -1);
  assert.equal(fragmentScore('deviation', '基层首诊比例仍偏低，将加强政策宣传引导', CONTEXT), 1);
  assert.ok(fragmentScore('target', '≤7000元/公里/年', CONTEXT)! > 0);
  assert.equal(fragmentScore('target', '≥14万人次补贴发放人次', CONTEXT), null);
});

test('isReadingOrderDump(tokens) sees words split around other cells, not one cell per line', () => {
  const text = (s: string): [ReturnType<typeof tokenizeLines>, (no: number) => string] => {
    const lines = splitLines(s);
    return [tokenizeLines(lines), (no) => lines[no - 1].text];
  };
  assert.equal(isReadingOrderDump(...text('名称甲 ≥1次 计划标准 10 按照完成比例赋 工作资料\n分\n名称乙 ≥2次 计划标准 10 按照完成比例赋 工作资料\n分')), true);
  assert.equal(isReadingOrderDump(...text('名称甲\n≥1次\n计划标准\n10\n按照完成比例赋\n分\n工作资料')), false);
});

test('fragmentScore: an open 《 waits for its end in a free-text basis, a 》 closing nothing starts no cell', () => {
  const free = {freeTextBasis: true};
  assert.ok((fragmentScore('basis', '《梅岭县安全生产专项整治', free) ?? -Infinity) > (fragmentScore('basis', '《梅岭县安全生产专项整治三年行动方案》', free) ?? Infinity));
  assert.equal(fragmentScore('level3', '三年行动方案》', free), null);
  assert.equal(fragmentScore('basis', '三年行动方案》', free), null);
});

test('extractText(rendered/narrow-wrap-b5.default.txt) keeps a scoring rule\'s middle ("成比例") out of the unit of the value beside it', () => {
  const want = expectedOf('narrow-wrap-b5')[0].indicators;
  const got = extracted('narrow-wrap-b5')[0].indicators;
  assert.deepEqual([got[4].target, got[4].scoring_rule], [want[4].target, want[4].scoring_rule]);
});

test('extractText(rendered/narrow-wrap-b5.default.txt) joins every 一级/二级 label from its pieces, worded like the table\'s first labels', () => {
  // "效益" after 产出指标, 成本指标 begins 效益指标; the 二级 piece "效益" between "社会" and "指标" stays in 社会效益指标.
  const want = expectedOf('narrow-wrap-b5')[0].indicators;
  const got = extracted('narrow-wrap-b5')[0].indicators;
  assert.deepEqual(got.map((r) => [r.level1, r.level2]), want.map((r) => [r.level1, r.level2]));
});

test('dashedPriorYears(rows) fills empty prior-year cells with "-" only where the column kept a "-" elsewhere', () => {
  assert.deepEqual(dashedPriorYears([{prior_year: '-'}, {prior_year: ''}, {prior_year: '1项'}]).map((r) => r.prior_year), ['-', '-', '1项']);
  assert.deepEqual(dashedPriorYears([{prior_year: ''}, {prior_year: '1项'}, {prior_year: null}]).map((r) => r.prior_year), ['', '1项', null]);
});

test('extractText(rendered/bundled-001-long.default.txt): the prior-year "-" cells pdftotext dropped come back, and a note says how many', () => {
  const text = readFileSync(join(DIR, 'bundled-001-long.default.txt'), 'utf8');
  const expected = JSON.parse(readFileSync(join(DIR, 'bundled-001-long.expected.json'), 'utf8')).tables[0].indicators as Array<{prior_year: string | null}>;
  const {tables, diagnostics} = extractText(text, {file: 'b'});
  const printed = text.split('\n').flatMap((l) => l.split(/\s+/)).filter((t) => t === '-').length;
  const dashes = expected.filter((r) => r.prior_year === '-').length;
  assert.equal(tables[0].indicators.filter((r) => r.prior_year === '-').length, dashes);
  const notes = diagnostics.filter((d) => d.code === 'prior-dash-restored');
  assert.equal(notes.length, 1);
  assert.match(notes[0].message, new RegExp(`^${dashes - printed} 行`));
});
