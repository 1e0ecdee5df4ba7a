// Column-preserving grids (pdftotext -layout): the 2-D reader of src/extract/columnar.ts, on small hand-made
// snippets laid out at fixed character columns as pdftotext prints them, and on the rendered corpus's -layout
// dumps, whose expected rows come from the specs (test/fixtures/rendered/*.expected.json), not from the extractor.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {extractText} from '../../src/index.ts';
import {joinHeaderColumns} from '../../src/extract/columnar.ts';
import {splitLines, tokenizeLines} from '../../src/extract/lines.ts';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'rendered');
const CELLS = ['level1', 'level2', 'level3', 'target', 'basis', 'prior_year', 'weight', 'scoring_rule', 'evidence'] as const;
const norm = (v: unknown): string | null => (v === null || v === undefined ? null
  : typeof v === 'number' ? String(Math.round(v * 100) / 100) : String(v).normalize('NFKC').replace(/\s+/g, ''));

/** Character column of each of the nine grid columns in the snippets. */
const AT = [0, 5, 10, 22, 31, 38, 45, 49, 58];

/** One dump line: each [column, text] printed from its column's character position (one space at least between). */
function printed(cells: ReadonlyArray<readonly [number, string]>): string {
  return flatLine(cells.map(([c, text]) => [AT[c], text] as const));
}

const HEAD = [
  '                      项目支出绩效目标表',
  '  预算单位 某县民政局',
  '  项目名称 困难群众救助                             项目负责人      张三',
  printed([[0, '一级指标'], [1, '二级指标'], [2, '三级指标'], [3, '指标值'], [4, '指标值设置依据'], [5, '上年完成值'], [6, '指标分值权重'], [7, '指标赋分规则'], [8, '佐证资料']]),
];

const rowOf = (r: object): unknown[] => CELLS.map((c) => (r as Record<string, unknown>)[c]);

// 产出指标 is printed beside the middle row of its three-row span; 数量指标 is split over two lines ("数量指" / "标")
// centred on its two rows; the first two rows wrap their 赋分规则 ("按照完成比例赋" / "分").
const CENTRED = [...HEAD,
  printed([[2, '救助人数'], [3, '≥500人'], [4, '计划标准'], [5, '480人'], [6, '20'], [7, '按照完成比例赋'], [8, '工作资料']]),
  printed([[1, '数量指'], [7, '分']]),
  printed([[0, '产出指标'], [1, '标'], [2, '救助人次'], [3, '≥900人次'], [4, '计划标准'], [5, '870人次'], [6, '20'], [7, '按照完成比例赋'], [8, '工作资料']]),
  printed([[7, '分']]),
  printed([[1, '时效指标'], [2, '发放及时率'], [3, '=100%'], [4, '计划标准'], [5, '100%'], [6, '10'], [7, '直接赋分'], [8, '原始凭证']]),
  printed([[0, '效益指标'], [1, '社会效益'], [2, '群众生活水平'], [3, '有效改善'], [4, '其他标准'], [5, '有效改善'], [6, '30'], [7, '按评判等级赋分'], [8, '说明材料']]),
  printed([[1, '指标']]),
  printed([[0, '满意度指'], [1, '满意度指'], [2, '救助对象满意度'], [3, '≥90%'], [4, '计划标准'], [5, '92%'], [6, '10'], [7, '满意度赋分'], [8, '工作资料']]),
  printed([[0, '标'], [1, '标']]),
].join('\n');

test('extractText(-layout snippet) joins a 赋分规则 wrapped over two lines ("按照完成比例赋" / "分") into its own row', () => {
  const t = extractText(CENTRED, {file: 's'}).tables[0];
  assert.equal(t.layout, 'columnar');
  assert.deepEqual(t.indicators.slice(0, 2).map(rowOf), [
    ['产出指标', '数量指标', '救助人数', '≥500人', '计划标准', '480人', 20, '按照完成比例赋分', '工作资料'],
    ['产出指标', '数量指标', '救助人次', '≥900人次', '计划标准', '870人次', 20, '按照完成比例赋分', '工作资料'],
  ]);
});

test('extractText(-layout snippet) gives centred merged labels (one line or split "数量指" / "标") the rows they span', () => {
  const t = extractText(CENTRED, {file: 's'}).tables[0];
  assert.deepEqual(t.indicators.map((r) => [r.level1, r.level2, r.level3]), [
    ['产出指标', '数量指标', '救助人数'],
    ['产出指标', '数量指标', '救助人次'],
    ['产出指标', '时效指标', '发放及时率'],
    ['效益指标', '社会效益指标', '群众生活水平'],
    ['满意度指标', '满意度指标', '救助对象满意度'],
  ]);
  assert.deepEqual(t.line_stats, {seen: 13, used: 13, blank: 0, diagnosed: 0});
});

test('extractText(-layout snippet) continues a row split by a page footer on the next page', () => {
  const text = [...HEAD,
    printed([[0, '产出指标'], [1, '数量指标'], [2, '救助人数'], [3, '≥500人'], [4, '计划标准'], [5, '480人'], [6, '40'], [7, '直接赋分'], [8, '工作资料']]),
    printed([[1, '时效指标'], [2, '发放及时率'], [3, '=100%'], [4, '计划标准'], [5, '100%'], [6, '40'], [7, '按照完成比例赋'], [8, '原始凭证']]),
    '',
    '                                      -1-',
    '\f' + printed([[7, '分']]),
    printed([[0, '满意度指'], [1, '满意度指'], [2, '救助对象满意度'], [3, '≥90%'], [4, '计划标准'], [5, '92%'], [6, '10'], [7, '满意度赋分'], [8, '工作资料']]),
    printed([[0, '标'], [1, '标']]),
  ].join('\n');
  const {tables, diagnostics} = extractText(text, {file: 's'});
  const t = tables[0];
  assert.deepEqual(t.indicators.map(rowOf), [
    ['产出指标', '数量指标', '救助人数', '≥500人', '计划标准', '480人', 40, '直接赋分', '工作资料'],
    ['产出指标', '时效指标', '发放及时率', '=100%', '计划标准', '100%', 40, '按照完成比例赋分', '原始凭证'],
    ['满意度指标', '满意度指标', '救助对象满意度', '≥90%', '计划标准', '92%', 10, '满意度赋分', '工作资料'],
  ]);
  assert.deepEqual(t.indicators[1].lines, [6, 9]);
  assert.deepEqual(diagnostics.map((d) => [d.code, d.line]), [['page-footer', 8]]);
  assert.deepEqual(t.line_stats, {seen: 11, used: 9, blank: 1, diagnosed: 1});
});

test('joinHeaderColumns(tokens) reads a header wrapped inside narrow columns down its columns', () => {
  const lines = splitLines('一级 二级 三级指标 指标值 值设\n指标 指标          置依\n               据');
  const text = (no: number): string => lines[no - 1].text;
  assert.deepEqual(joinHeaderColumns(tokenizeLines(lines), text)?.map((t) => t.text), ['一级指标', '二级指标', '三级指标', '指标值', '值设置依据']);
});

/** Known-partial dumps and the share of expected cells they reach today; dumps not listed must reach 99%. */
const KNOWN_PARTIAL: Record<string, number> = {};

/** Dumps not read yet, with the reason (shown as a skipped test). */
const NOT_YET: Record<string, string> = {};

for (const f of readdirSync(DIR).filter((x) => x.endsWith('.layout.txt')).sort()) {
  const floor = KNOWN_PARTIAL[f] ?? 0.99;
  test(`extractText(rendered/${f}) finds every table, accounts for every line and matches at least ${floor * 100}% of the expected cells`, {skip: NOT_YET[f]}, () => {
    const expected = JSON.parse(readFileSync(join(DIR, f.replace('.layout.txt', '.expected.json')), 'utf8')).tables;
    const got = extractText(readFileSync(join(DIR, f), 'utf8'), {file: f}).tables;
    assert.equal(got.length, expected.length);
    let cells = 0;
    let ok = 0;
    expected.forEach((e: Record<string, unknown>, k: number) => {
      assert.equal(got[k].layout, 'columnar');
      const {seen, used, blank, diagnosed} = got[k].line_stats;
      assert.equal(seen, used + blank + diagnosed, `table ${k} line accounting`);
      assert.equal(got[k].indicators.length, (e.indicators as unknown[]).length, `table ${k} rows`);
      (e.indicators as Array<Record<string, unknown>>).forEach((row, i) => {
        const gr = got[k].indicators[i] as unknown as Record<string, unknown>;
        for (const c of CELLS) { cells++; if (norm(row[c]) === norm(gr[c])) ok++; }
      });
    });
    assert.ok(ok / cells >= floor, `${ok}/${cells}`);
  });
}

/** The expected row `i` of table `k` of a rendered spec, as the nine cells. */
function expectedRow(spec: string, k: number, i: number): unknown[] {
  return rowOf(JSON.parse(readFileSync(join(DIR, `${spec}.expected.json`), 'utf8')).tables[k].indicators[i]);
}

function gotRow(spec: string, k: number, i: number): unknown[] {
  return rowOf(extractText(readFileSync(join(DIR, `${spec}.layout.txt`), 'utf8'), {file: spec}).tables[k].indicators[i] as unknown as Record<string, unknown>);
}

test('extractText(rendered/bundled-001-long.layout.txt) row 1 keeps "议参会人数" and "分" (the line below) in its own row', () => {
  assert.deepEqual(gotRow('bundled-001-long', 0, 0), expectedRow('bundled-001-long', 0, 0));
  assert.deepEqual(gotRow('bundled-001-long', 0, 1), expectedRow('bundled-001-long', 0, 1));
});

test('extractText(rendered/bundled-001-long.layout.txt) reads the row whose 三级 and 指标值 start above its weight line', () => {
  const expected = JSON.parse(readFileSync(join(DIR, 'bundled-001-long.expected.json'), 'utf8')).tables[0].indicators as Array<Record<string, unknown>>;
  const i = expected.findIndex((r) => r.level3 === '办公设备采购完成时间');
  assert.deepEqual(gotRow('bundled-001-long', 0, i), rowOf(expected[i]));
});

test('extractText(rendered/exec-rate-education.layout.txt) reads every row exactly', () => {
  const expected = JSON.parse(readFileSync(join(DIR, 'exec-rate-education.expected.json'), 'utf8')).tables[0].indicators as Array<Record<string, unknown>>;
  const got = extractText(readFileSync(join(DIR, 'exec-rate-education.layout.txt'), 'utf8'), {file: 'e'}).tables[0].indicators;
  assert.deepEqual(got.map((r) => rowOf(r as unknown as Record<string, unknown>)), expected.map(rowOf));
});

test('extractText(rendered/narrow-wrap-b5.layout.txt) finds the grid header wrapped inside 2–4 character columns', () => {
  const t = extractText(readFileSync(join(DIR, 'narrow-wrap-b5.layout.txt'), 'utf8'), {file: 'n'}).tables[0];
  const expected = JSON.parse(readFileSync(join(DIR, 'narrow-wrap-b5.expected.json'), 'utf8')).tables[0];
  assert.deepEqual(t.columns, expected.columns);
  assert.equal(t.indicators.length, expected.indicators.length);
});

test('extractText(rendered/narrow-wrap-b5.layout.txt) keeps a short last 三级 line ("标准") in its row: a cell\'s lines are full but its last', () => {
  assert.deepEqual(gotRow('narrow-wrap-b5', 0, 4), expectedRow('narrow-wrap-b5', 0, 4));
});

test('extractText(rendered/narrow-wrap-b5.layout.txt) joins a 赋分规则 tail ("分") by where its column lies on the sparse lines, not on the packed weight line', () => {
  const [got, expected] = [gotRow('narrow-wrap-b5', 0, 5), expectedRow('narrow-wrap-b5', 0, 5)];
  assert.deepEqual(got.slice(3), expected.slice(3));
});

test('extractText(rendered/narrow-wrap-b5.layout.txt) gives a full 三级 line between two rows ("救助对象") to the row whose other cells centre it', () => {
  for (const i of [5, 6]) assert.deepEqual(gotRow('narrow-wrap-b5', 0, i), expectedRow('narrow-wrap-b5', 0, i));
});

test('extractText(rendered/split-target-education.layout.txt) gives a 二级 label centred between two one-line rows the span whose rows it names (a count to 数量指标)', () => {
  for (const i of [0, 1, 2, 3]) assert.deepEqual(gotRow('split-target-education', 0, i), expectedRow('split-target-education', 0, i));
});

test('extractText(rendered/required-suffix-transport.layout.txt) reads 数量指标 over both rows of its column-major block and 质量指标 below', () => {
  for (const i of [0, 1, 2, 3]) assert.deepEqual(gotRow('required-suffix-transport', 0, i), expectedRow('required-suffix-transport', 0, i));
});

test('extractText(rendered/bundled-002-pair.layout.txt) places 质量指标, printed on the first line of a column-major block, on the block row it names', () => {
  for (const k of [0, 1]) for (const i of [0, 1, 2]) assert.deepEqual(gotRow('bundled-002-pair', k, i), expectedRow('bundled-002-pair', k, i));
});

test('extractText(rendered/flat-projects-culture.layout.txt) keeps the first project\'s two 数量指标 rows together', () => {
  assert.deepEqual(gotRow('flat-projects-culture', 0, 1), expectedRow('flat-projects-culture', 0, 1));
});

test('extractText(rendered/ziping-health.layout.txt) ends a wrapped 偏差原因 in its own row, not as a cell the next row\'s weight line leaves empty', () => {
  const expected = JSON.parse(readFileSync(join(DIR, 'ziping-health.expected.json'), 'utf8')).tables[0].indicators as Array<Record<string, unknown>>;
  const got = extractText(readFileSync(join(DIR, 'ziping-health.layout.txt'), 'utf8'), {file: 'z'}).tables[0].indicators;
  assert.deepEqual(got.map((r) => [r.level2, r.deviation]), expected.map((r) => [r.level2, r.deviation]));
});

test('extractText(rendered/flat-projects-culture.layout.txt) gives each project of the flat table its name, 项目资金, goal and rows', () => {
  const f = 'flat-projects-culture';
  const expected = JSON.parse(readFileSync(join(DIR, `${f}.expected.json`), 'utf8')).tables;
  const got = extractText(readFileSync(join(DIR, `${f}.layout.txt`), 'utf8'), {file: f}).tables;
  assert.deepEqual(got.map((t) => [t.project, t.budget_total, t.columns]), expected.map((t: Record<string, unknown>) => [t.project, t.budget_total, t.columns]));
  // The goals of the spec (test/corpus/build.ts), centred beside each project's rows; the dump's spaces removed.
  assert.deepEqual(got.map((t) => t.goal), [
    '保障12个乡镇综合文化站免费开放，开展送戏下乡120场，提升基层公共文化服务效能。',
    '完成县级文物保护单位古戏台和祠堂3处修缮，消除文物安全隐患。',
    '举办乡村旅游节2场，在主流媒体投放宣传6期，带动游客接待量增长。',
  ]);
  // The third project runs onto the next page, printed further left (its project columns are empty there).
  assert.deepEqual(rowOf(got[2].indicators[5] as unknown as Record<string, unknown>), rowOf(expected[2].indicators[5]));
  assert.deepEqual(got[1].indicators.map((r) => r.level3), expected[1].indicators.map((r: Record<string, unknown>) => r.level3));
});

/** One dump line: each [character column, text] printed from its position (one space at least between). */
function flatLine(cells: ReadonlyArray<readonly [number, string]>): string {
  let s = '';
  for (const [x, text] of cells) s += (s.length < x ? ' '.repeat(x - s.length) : s === '' ? '' : ' ') + text;
  return s;
}

// Two projects of two rows each, their 项目名称 and 年度绩效目标 wrapped over both rows' lines, so that the
// project words of the two run on without a line between them: the second 项目资金 starts the second project.
const FLAT = [
  '                      项目支出绩效目标表',
  '  单位名称 某县文化局',
  flatLine([[0, '项目名称'], [10, '项目资金'], [17, '年度绩效目标'], [30, '一级指标'], [36, '二级指标'], [42, '三级指标'], [54, '指标值'], [61, '指标值设置依据'], [70, '分值']]),
  flatLine([[0, '甲项目'], [10, '10.50'], [17, '完成甲项'], [30, '产出指标'], [36, '数量指标'], [42, '演出场次'], [54, '≥20场'], [61, '计划标准'], [70, '50']]),
  flatLine([[0, '名称'], [17, '目建设。'], [30, '满意度指标'], [36, '满意度指标'], [42, '观众满意度'], [54, '≥90%'], [61, '计划标准'], [70, '50']]),
  flatLine([[0, '乙项目'], [10, '20.00'], [17, '完成乙项'], [30, '产出指标'], [36, '数量指标'], [42, '培训人次'], [54, '≥300人次'], [61, '计划标准'], [70, '50']]),
  flatLine([[0, '名称'], [17, '目培训。'], [30, '满意度指标'], [36, '满意度指标'], [42, '学员满意度'], [54, '≥95%'], [61, '计划标准'], [70, '50']]),
].join('\n');

test('extractText(-layout flat snippet) splits project words off the rows and starts a project at each 项目资金', () => {
  const {tables} = extractText(FLAT, {file: 's'});
  assert.deepEqual(tables.map((t) => [t.layout, t.project, t.budget_total, t.goal, t.indicators.map((r) => r.level3)]), [
    ['columnar', '甲项目名称', 10.5, '完成甲项目建设。', ['演出场次', '观众满意度']],
    ['columnar', '乙项目名称', 20, '完成乙项目培训。', ['培训人次', '学员满意度']],
  ]);
  assert.deepEqual(tables[1].indicators[0].target, '≥300人次');
  for (const t of tables) assert.equal(t.line_stats.seen, t.line_stats.used + t.line_stats.blank + t.line_stats.diagnosed);
});

// The same specs re-rendered with another font size or line height (test/fixtures/rendered-variants/<v>/): other
// line breaks and row heights, the same expected rows. Each test names what that rendering's breaks exercise.
const VARIANTS = join(import.meta.dirname, '..', 'fixtures', 'rendered-variants');

/** Expected and read rows `rows` of table `k` of a variant's -layout dump, as the nine cells. */
function variantRows(variant: string, spec: string, k: number, rows: readonly number[]): [unknown[][], unknown[][]] {
  const dir = join(VARIANTS, variant);
  const expected = JSON.parse(readFileSync(join(dir, `${spec}.expected.json`), 'utf8')).tables[k].indicators as Array<Record<string, unknown>>;
  const got = extractText(readFileSync(join(dir, `${spec}.layout.txt`), 'utf8'), {file: spec}).tables[k].indicators;
  return [rows.map((i) => rowOf(got[i] as unknown as Record<string, unknown>)), rows.map((i) => rowOf(expected[i]))];
}

test('extractText(rendered-variants/lh1.2/bundled-003-overall.layout.txt) anchors a row whose weight opens the line above its other cells ("5 按照正常比例赋")', () => {
  assert.deepEqual(...variantRows('lh1.2', 'bundled-003-overall', 1, [0, 1, 2]));
});

test('extractText(rendered-variants/lh1.2/repeated-header-overall-transport.layout.txt) anchors a row whose weight pdftotext packed far left of its column', () => {
  assert.deepEqual(...variantRows('lh1.2', 'repeated-header-overall-transport', 0, [8, 9, 10]));
});

test('extractText(rendered-variants/lh1.2/flat-projects-culture.layout.txt) keeps a column-major block\'s last weight, alone before the page break, as a weight', () => {
  assert.deepEqual(...variantRows('lh1.2', 'flat-projects-culture', 2, [0, 1, 2, 3, 4, 5]));
});

test('extractText(rendered-variants/f+0.5/flat-projects-culture.layout.txt) starts the third project at its first row: a project names each 一级 once', () => {
  assert.deepEqual(...variantRows('f+0.5', 'flat-projects-culture', 1, [0, 1, 2, 3, 4, 5]));
  assert.deepEqual(...variantRows('f+0.5', 'flat-projects-culture', 2, [0, 1, 2, 3, 4, 5]));
});

test('extractText(rendered-variants/lh1.5/split-target-education.layout.txt) unfolds a column-major block whose 指标值 lines hold one word or two ("明显改善" / "3.5 %")', () => {
  assert.deepEqual(...variantRows('lh1.5', 'split-target-education', 0, [5, 6, 7, 8, 9]));
});

test('extractText(rendered-variants/f-0.5/bundled-002-pair.layout.txt) unfolds a column-major block whose 赋分规则 words are centred, not left-aligned', () => {
  assert.deepEqual(...variantRows('f-0.5', 'bundled-002-pair', 0, [1, 2, 3]));
  assert.deepEqual(...variantRows('f-0.5', 'bundled-002-pair', 1, [1, 2]));
});

test('extractText(rendered-variants/lh1.2/bundled-001-long.layout.txt) keeps a 三级 tail packed beside a 二级 piece ("标 率") in the body', () => {
  assert.deepEqual(...variantRows('lh1.2', 'bundled-001-long', 0, [10, 11, 17]));
});

test('extractText(rendered-variants/lh1.2/long-annual-health.layout.txt) joins a label whose two lines print on one ("服务对象满意度指 标")', () => {
  const dir = join(VARIANTS, 'lh1.2');
  const expected = JSON.parse(readFileSync(join(dir, 'long-annual-health.expected.json'), 'utf8')).tables[0].indicators as Array<Record<string, unknown>>;
  const got = extractText(readFileSync(join(dir, 'long-annual-health.layout.txt'), 'utf8'), {file: 'l'}).tables[0].indicators;
  assert.deepEqual(got.map((r) => [r.level1, r.level2, r.level3]), expected.map((r) => [r.level1, r.level2, r.level3]));
});

test('extractText(rendered-variants/f+0.5/required-suffix-transport.layout.txt) finds the 二级 column\'s edge past a centred one-character 一级 piece ("标")', () => {
  assert.deepEqual(...variantRows('f+0.5', 'required-suffix-transport', 0, [6, 7, 8, 9, 10, 11]));
});

test('extractText(rendered-variants/f+0.8-lh1.25/flat-projects-culture.layout.txt) resumes a project\'s name and goal past a row printed between their lines ("公共文化服务体系" … "建设补助资金"): 3 tables', () => {
  const dir = join(VARIANTS, 'f+0.8-lh1.25');
  const expected = JSON.parse(readFileSync(join(dir, 'flat-projects-culture.expected.json'), 'utf8')).tables as Array<Record<string, unknown>>;
  const got = extractText(readFileSync(join(dir, 'flat-projects-culture.layout.txt'), 'utf8'), {file: 'f'}).tables;
  assert.deepEqual(got.map((t) => [t.project, t.budget_total]), expected.map((t) => [t.project, t.budget_total]));
  assert.deepEqual(...variantRows('f+0.8-lh1.25', 'flat-projects-culture', 0, [0, 1, 2, 3, 4, 5, 6]));
});

test('extractText(rendered-variants/{f+0.8-lh1.25,f-0.8-lh1.45}/narrow-wrap-b5.layout.txt) joins an unfinished 一级/二级 name ("满意度指") with its last piece ("标") printed below a tall row', () => {
  assert.deepEqual(...variantRows('f+0.8-lh1.25', 'narrow-wrap-b5', 0, [6, 7, 8]));
  assert.deepEqual(...variantRows('f-0.8-lh1.45', 'narrow-wrap-b5', 0, [7, 8]));
});

test('extractText(rendered-variants/{f+0.5,f-0.8-lh1.45}/narrow-wrap-b5.layout.txt) ends a 三级 name broken by a page ("…象医疗救" / page "1" / "助政策落" / "实率") at the top of the next page, in its own row', () => {
  for (const variant of ['f+0.5', 'f-0.8-lh1.45']) assert.deepEqual(...variantRows(variant, 'narrow-wrap-b5', 0, [2, 3]));
});

test('extractText(rendered-variants/f-0.5/bundled-001-long.layout.txt) gives a 三级 line printed left of the anchor line\'s name (shifted by its labels) to a row of that name, not to a column left of it', () => {
  assert.deepEqual(...variantRows('f-0.5', 'bundled-001-long', 0, [26, 27]));
});

test('extractText(rendered-variants/f+0.5/shenbao-health.layout.txt) keeps a 三级 name\'s lines in printed order when the next lines start left of the anchor line\'s name', () => {
  assert.deepEqual(...variantRows('f+0.5', 'shenbao-health', 0, [9, 10]));
});

test('extractText(rendered-variants/lh1.5/repeated-header-overall-transport.layout.txt) reads a page\'s anchor lines with their 三级 name though the page sets its columns further right, and a 依据 wrapped under "交通运输部《农村公路养护" after its title', () => {
  assert.deepEqual(...variantRows('lh1.5', 'repeated-header-overall-transport', 0, [7, 8, 11]));
});

test('extractText(rendered-variants/lh1.5/bundled-003-overall.layout.txt) reads a 二级 piece ("数量指") printed against the 三级 column\'s edge, before a 三级 name on its line, as a label', () => {
  assert.deepEqual(...variantRows('lh1.5', 'bundled-003-overall', 1, [0, 1, 2, 3, 4]));
});
