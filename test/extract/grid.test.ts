// Stage 4: grid tokens → rows of cells (segmentGrid), in 'row' mode (one tabbed line) and 'stream' mode
// (a wrapped dump where rows must be found).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {segmentGrid, type GridParse} from '../../src/extract/grid.ts';
import {splitLines, tokenizeLine, tokenizeLines, type Token} from '../../src/extract/lines.ts';
import {DEFAULT_COLUMNS} from '../../src/vocab.ts';

const project = {freeTextBasis: false};
const overall = {freeTextBasis: true};

/** Rows as {column: token texts joined by one space}; dropped tokens as {dropped, pageNumber}. */
const summary = (p: GridParse) => p.items.map((it) => ('row' in it
  ? Object.fromEntries([...it.row.cells].map(([k, ts]) => [k, ts.map((t) => t.text).join(' ')]))
  : {dropped: it.dropped.token.text, pageNumber: it.dropped.pageNumber}));

/** Source lines of each cell of each row. */
const cellLines = (p: GridParse) => p.items.flatMap((it) => ('row' in it
  ? [Object.fromEntries([...it.row.cells].map(([k, ts]) => [k, ts.map((t) => t.line)]))]
  : []));

/** One tabbed line in 'row' mode with the project columns. */
const row = (text: string) => segmentGrid(tokenizeLine({no: 7, text}), {
  columns: DEFAULT_COLUMNS.project, context: project, mode: 'row', pageNumberCandidate: () => false,
});

/** The pipeline's page-number test: a short number alone on its line. */
const pageNumberTest = (tokens: Token[]) => {
  const perLine = new Map<number, number>();
  for (const t of tokens) perLine.set(t.line, (perLine.get(t.line) ?? 0) + 1);
  return (t: Token) => perLine.get(t.line) === 1 && /^\d{1,4}$/.test(t.text);
};

/** A wrapped stream: one text per line, double-spaced as the bundled wrapped dumps are. */
const stream = (texts: string[], kind: 'project' | 'overall' = 'project') => {
  const tokens = tokenizeLines(splitLines(texts.join('\n\n')));
  return segmentGrid(tokens, {
    columns: DEFAULT_COLUMNS[kind], context: kind === 'overall' ? overall : project, mode: 'stream',
    pageNumberCandidate: pageNumberTest(tokens),
  });
};

// --- 'row' mode ------------------------------------------------------------------------------------------

test('segmentGrid row mode: a normal 9-cell row fills the nine columns in order', () => {
  const p = row('产出指标\t数量指标\t社会保险基金预决算会议参会人数\t≥40 人\t计划标准\t-\t1\t按照完成比例赋分\t原始凭证');
  assert.deepEqual(summary(p), [{
    level1: '产出指标', level2: '数量指标', level3: '社会保险基金预决算会议参会人数', target: '≥40 人', basis: '计划标准',
    prior_year: '-', weight: '1', scoring_rule: '按照完成比例赋分', evidence: '原始凭证',
  }]);
});

test('segmentGrid row mode: spaces inside tab cells stay inside the cell ("产出 指标", "≥14 万人 次")', () => {
  const p = row('产出 指标\t数量 指标\t参保人数\t≥14 万人 次\t计划标准\t-\t10\t直接赋分\t工作资料');
  assert.deepEqual(summary(p), [{
    level1: '产出 指标', level2: '数量 指标', level3: '参保人数', target: '≥14 万人 次', basis: '计划标准',
    prior_year: '-', weight: '10', scoring_rule: '直接赋分', evidence: '工作资料',
  }]);
});

test('segmentGrid row mode: merged 一级/二级 cells (leading empty tabs) leave level1/level2 out of the row', () => {
  const p = row('\t\t开展社会保险基金预决算会议次数\t≥2 次\t计划标准\t-\t1\t按照完成比例赋分\t原始凭证');
  assert.deepEqual(summary(p), [{
    level3: '开展社会保险基金预决算会议次数', target: '≥2 次', basis: '计划标准', prior_year: '-', weight: '1',
    scoring_rule: '按照完成比例赋分', evidence: '原始凭证',
  }]);
});

test('segmentGrid row mode: a row slid left (level3 text in the level1 tab position) reads as level3', () => {
  const p = row('辞去现职保留公职人员社保费覆盖率\t\t=100%\t计划标准\t100%\t2\t按照完成比例赋分\t原始凭证\t');
  assert.deepEqual(summary(p), [{
    level3: '辞去现职保留公职人员社保费覆盖率', target: '=100%', basis: '计划标准', prior_year: '100%', weight: '2',
    scoring_rule: '按照完成比例赋分', evidence: '原始凭证',
  }]);
});

test('segmentGrid row mode: a row slid left by one (level3 in the level2 position) reads as level3', () => {
  const p = row('\t缴纳辞去现职保留公职人员社保费次数\t=12 次\t计划标准\t12 次\t2\t按照完成比例赋分\t原始凭证\t');
  assert.deepEqual(summary(p), [{
    level3: '缴纳辞去现职保留公职人员社保费次数', target: '=12 次', basis: '计划标准', prior_year: '12 次', weight: '2',
    scoring_rule: '按照完成比例赋分', evidence: '原始凭证',
  }]);
});

test('segmentGrid row mode: a row slid right and cut at 9 cells has no evidence cell', () => {
  const p = row('成本指标\t\t经济成本指标\t辞去现职保留公职人员每人每月缴纳社保费\t<=770.27元/人/月\t计划标准\t-\t4\t按照完成比例赋分');
  assert.deepEqual(summary(p), [{
    level1: '成本指标', level2: '经济成本指标', level3: '辞去现职保留公职人员每人每月缴纳社保费', target: '<=770.27元/人/月',
    basis: '计划标准', prior_year: '-', weight: '4', scoring_rule: '按照完成比例赋分',
  }]);
});

test('segmentGrid row mode: a row with the level3 text in the level2 position and an empty third cell', () => {
  const p = row('\t信息中心租赁社保专线成本\t\t<=18.24万元\t计划标准\t18.24万元\t4\t按照完成比例赋分\t原始凭证');
  assert.deepEqual(summary(p), [{
    level3: '信息中心租赁社保专线成本', target: '<=18.24万元', basis: '计划标准', prior_year: '18.24万元', weight: '4',
    scoring_rule: '按照完成比例赋分', evidence: '原始凭证',
  }]);
});

test('segmentGrid of no tokens is no items with score 0', () => {
  assert.deepEqual(segmentGrid([], {columns: DEFAULT_COLUMNS.project, context: project, mode: 'row', pageNumberCandidate: () => false}),
    {items: [], score: 0});
});

// --- 'stream' mode ---------------------------------------------------------------------------------------

const WRAPPED_ROW = ['产出', '指标', '数量', '指标', '核定 1995 年以前企业退', '休人数（人）', '=885', '人', '计划标准 885 人 10',
  '按照完成比例赋', '分', '工作资料'];

test('segmentGrid stream mode: a row wrapped over twelve lines is one row with the expected cells', () => {
  assert.deepEqual(summary(stream(WRAPPED_ROW)), [{
    level1: '产出 指标', level2: '数量 指标', level3: '核定 1995 年以前企业退 休人数（人）', target: '=885 人',
    basis: '计划标准', prior_year: '885 人', weight: '10', scoring_rule: '按照完成比例赋 分', evidence: '工作资料',
  }]);
});

test('segmentGrid stream mode: the wrapped row keeps the source line of every token', () => {
  assert.deepEqual(cellLines(stream(WRAPPED_ROW)), [{
    level1: [1, 3], level2: [5, 7], level3: [9, 9, 9, 11], target: [13, 15], basis: [17], prior_year: [17, 17],
    weight: [17], scoring_rule: [19, 21], evidence: [23],
  }]);
});

test('segmentGrid stream mode: rows printed one per line after a wrapped one are read cell by cell (data/000)', () => {
  // Names, targets and standards on one line: no name or evidence runs past "=100%", "计划标准" or a scoring rule.
  const rows = [...WRAPPED_ROW, '质量', '指标', '资金发放到位率 =100% 计划标准 100% 10 按评判等级赋分 工作资料',
    '时效', '指标', '全年补助发放率 =100% 计划标准 100% 10 按评判等级赋分 工作资料'];
  assert.deepEqual(summary(stream(rows)).slice(1), [
    {level2: '质量 指标', level3: '资金发放到位率', target: '=100%', basis: '计划标准', prior_year: '100%', weight: '10', scoring_rule: '按评判等级赋分', evidence: '工作资料'},
    {level2: '时效 指标', level3: '全年补助发放率', target: '=100%', basis: '计划标准', prior_year: '100%', weight: '10', scoring_rule: '按评判等级赋分', evidence: '工作资料'},
  ]);
});

test('segmentGrid stream mode: a lone number alone on its line after a full row is dropped as a page number', () => {
  const p = stream(['质量', '指标', '资金发放到位率 =100% 计划标准 100% 10 按评判等级赋分 工作资料', '34', '时效', '指标',
    '全年补助发放率 =100% 计划标准 100% 10 按评判等级赋分 工作资料']);
  const rest = {target: '=100%', basis: '计划标准', prior_year: '100%', weight: '10', scoring_rule: '按评判等级赋分', evidence: '工作资料'};
  assert.deepEqual(summary(p), [
    {level2: '质量 指标', level3: '资金发放到位率', ...rest},
    {dropped: '34', pageNumber: true},
    {level2: '时效 指标', level3: '全年补助发放率', ...rest},
  ]);
});

test('segmentGrid stream mode: a target split over four lines "<" "=127." "44 万" "元" is one target cell', () => {
  const p = stream(['成本指标', '经济成本指标', '生活费补助资金', '<', '=127.', '44 万', '元', '计划标准 10', '按照完成比例赋分', '工作资料']);
  assert.deepEqual(summary(p), [{
    level1: '成本指标', level2: '经济成本指标', level3: '生活费补助资金', target: '< =127. 44 万 元', basis: '计划标准',
    weight: '10', scoring_rule: '按照完成比例赋分', evidence: '工作资料',
  }]);
});

test('segmentGrid stream mode: in an overall table a lone "15" after a wrapped basis is the weight, not a page number', () => {
  const p = stream(['履职效能', '数量指标 全州失业参保人数 >=24.95 万人', '2024 年昌吉州', '社会保险经办', '管理服务工作', '要点', '15'], 'overall');
  assert.deepEqual(summary(p), [{
    level1: '履职效能', level2: '数量指标', level3: '全州失业参保人数', target: '>=24.95 万人',
    basis: '2024 年昌吉州 社会保险经办 管理服务工作 要点', weight: '15',
  }]);
});
