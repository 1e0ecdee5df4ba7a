// The grammar of the grid columns: parseValue (指标值 / 上年完成值), parseWeight, and cellScore's ordering facts
// that the grid programme relies on.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {cellForbids, cellScore, CUT, parseValue, parseWeight, tokenClass, type ParsedValue} from '../../src/extract/grammar.ts';

const Q = (comparator: ParsedValue['comparator'], value: number, unit: string | null, raw: string): ParsedValue =>
  ({comparator, value, unit, kind: 'quantitative', raw});
const K = (kind: ParsedValue['kind'], raw: string, comparator: ParsedValue['comparator'] = null): ParsedValue =>
  ({comparator, value: null, unit: null, kind, raw});
const project = {freeTextBasis: false};
const overall = {freeTextBasis: true};

// --- parseValue: quantitative ----------------------------------------------------------------------------

test('parseValue("≥14 万人 次") reads comparator, value and unit', () => {
  assert.deepEqual(parseValue('≥14 万人 次'), Q('>=', 14, '万人次', '≥14 万人 次'));
});

test('parseValue("> =95%") joins a comparator split by a space', () => {
  assert.deepEqual(parseValue('> =95%'), Q('>=', 95, '%', '> =95%'));
});

test('parseValue("<=127.44万元") reads a decimal in 万元', () => {
  assert.deepEqual(parseValue('<=127.44万元'), Q('<=', 127.44, '万元', '<=127.44万元'));
});

test('parseValue("＜=21万元") reads a full-width ＜ followed by =', () => {
  assert.deepEqual(parseValue('＜=21万元'), Q('<=', 21, '万元', '＜=21万元'));
});

test('parseValue("=12个月") reads = and the unit 个月', () => {
  assert.deepEqual(parseValue('=12个月'), Q('=', 12, '个月', '=12个月'));
});

test('parseValue("≧90%") reads ≧ as >=', () => {
  assert.deepEqual(parseValue('≧90%'), Q('>=', 90, '%', '≧90%'));
});

test('parseValue("885人") is quantitative with no comparator', () => {
  assert.deepEqual(parseValue('885人'), Q(null, 885, '人', '885人'));
});

test('parseValue("=1440元/人") reads a compound unit', () => {
  assert.deepEqual(parseValue('=1440元/人'), Q('=', 1440, '元/人', '=1440元/人'));
});

test('parseValue("<=770.27元/人/月") reads a two-slash unit', () => {
  assert.deepEqual(parseValue('<=770.27元/人/月'), Q('<=', 770.27, '元/人/月', '<=770.27元/人/月'));
});

test('parseValue(">=95%%") keeps the doubled unit "%%" for the checks to flag', () => {
  assert.deepEqual(parseValue('>=95%%'), Q('>=', 95, '%%', '>=95%%'));
});

test('parseValue("≥1,000人次") drops the thousands separator', () => {
  assert.deepEqual(parseValue('≥1,000人次'), Q('>=', 1000, '人次', '≥1,000人次'));
});

test('parseValue("不低于95%") reads a worded comparator', () => {
  assert.deepEqual(parseValue('不低于95%'), Q('>=', 95, '%', '不低于95%'));
});

// --- parseValue: dates, qualitative, none ----------------------------------------------------------------

test('parseValue("每月 25 日 前") is a date', () => {
  assert.deepEqual(parseValue('每月 25 日 前'), K('date', '每月 25 日 前'));
});

test('parseValue("2024年11月30日") is a date', () => {
  assert.deepEqual(parseValue('2024年11月30日'), K('date', '2024年11月30日'));
});

test('parseValue("=2024 年 12 月") is a date that keeps its comparator', () => {
  assert.deepEqual(parseValue('=2024 年 12 月'), K('date', '=2024 年 12 月', '='));
});

test('parseValue("有效 提高") is qualitative', () => {
  assert.deepEqual(parseValue('有效 提高'), K('qualitative', '有效 提高'));
});

test('parseValue("长期") is qualitative', () => {
  assert.deepEqual(parseValue('长期'), K('qualitative', '长期'));
});

test('parseValue of the no-value placeholders "-", "无", "新增" and "" is kind none', () => {
  for (const raw of ['-', '无', '新增', '']) assert.deepEqual(parseValue(raw), K('none', raw), JSON.stringify(raw));
});

test('parseValue(">") alone is text with its comparator, no value', () => {
  assert.deepEqual(parseValue('>'), K('text', '>', '>'));
});

// --- parseWeight -----------------------------------------------------------------------------------------

test('parseWeight reads small numbers, with 分 or %', () => {
  assert.deepEqual(['10', '10分', '5%', '0', '100', '12.5'].map(parseWeight), [10, 10, 5, 0, 100, 12.5]);
});

test('parseWeight rejects over 100, three decimals, signs, separators, spaces and the empty string', () => {
  assert.deepEqual(['101', '12.555', '-1', '1,0', ' 10', '', '十'].map(parseWeight), [null, null, null, null, null, null, null]);
});

// --- cellScore: ordering facts ---------------------------------------------------------------------------

test('cellScore: "=885人" as target is 6 (comparator and unit)', () => {
  assert.equal(cellScore('target', '=885人', project), 6);
});

test('cellScore: a basis word scores higher as basis than as level3', () => {
  const asBasis = cellScore('basis', '计划标准', project);
  const asLevel3 = cellScore('level3', '计划标准', project);
  assert.deepEqual([asBasis, asLevel3], [5, -6]);
  assert.ok(asBasis! > asLevel3!);
});

test('cellScore: an evidence word scores higher as evidence than as level3, and is impossible as target', () => {
  assert.deepEqual([cellScore('evidence', '工作资料', project), cellScore('level3', '工作资料', project), cellScore('target', '工作资料', project)], [5, -6, null]);
});

test('cellScore: a lone ">" is impossible as target (null)', () => {
  assert.equal(cellScore('target', '>', project), null);
});

test('cellScore: a number cut at its decimal point "=127." is impossible as target, "=127.44万元" is fine', () => {
  assert.equal(cellScore('target', '=127.', project), null);
  assert.equal(cellScore('target', '=127.44万元', project), 6);
});

test('cellScore: a rule cut at a line end "按照完成比例赋" is possible as scoring_rule where pieces may come (office PDFs), below any whole rule', () => {
  const pieces = {...project, cutCells: true};
  assert.equal(cellScore('scoring_rule', '按照完成比例赋', pieces), CUT);
  assert.equal(cellScore('scoring_rule', '按照完成比例赋分', pieces), 5);
  assert.equal(cellScore('scoring_rule', '按照完成', pieces), CUT);
  assert.equal(cellScore('scoring_rule', '完成比例', pieces), null); // no rule's start
  assert.equal(cellScore('level1', '产出指', pieces), CUT);
  // Without pieces a cut is no cell (the memo holds the scores with cuts: it must not leak them).
  assert.equal(cellScore('scoring_rule', '按照完成比例赋', project), null);
  assert.equal(cellScore('scoring_rule', '按照完成', project), null);
  assert.equal(cellScore('level1', '产出指', project), null);
});

test('cellScore: an evidence list cut after a separator or inside a word is a cut cell where pieces may come, the whole list is fine', () => {
  const pieces = {...project, cutCells: true};
  assert.equal(cellScore('evidence', '原始凭证，', pieces), CUT);
  assert.equal(cellScore('evidence', '工作资料，原始凭', pieces), CUT);
  assert.equal(cellScore('evidence', '工作资料，原始凭证', pieces), 5);
  assert.equal(cellScore('evidence', '原始凭证，', project), 5); // without pieces: a list, as it reads
  assert.equal(cellScore('evidence', '按照完成比例赋工作资料', project), -3); // a rule's start is no evidence
});

test('cellScore: a date is no indicator name, and text closing a bracket it did not open is the end of a wrapped cell', () => {
  assert.equal(cellScore('level3', '11月', project), -4);
  assert.equal(cellScore('level3', '点》城乡公交线路开通数量', project), -1);
  assert.equal(cellScore('basis', '《梅岭县2025年交通运输工作要', {freeTextBasis: true}), 0);
  assert.equal(cellScore('basis', '《梅岭县2025年交通运输工作要点》', {freeTextBasis: true}), 1.5);
});

test('cellScore: "10" scores higher as weight than as target or prior_year', () => {
  const w = cellScore('weight', '10', project)!;
  assert.equal(w, 4);
  assert.ok(w > cellScore('target', '10', project)!);
  assert.ok(w > cellScore('prior_year', '10', project)!);
});

test('cellScore: "885人" (no comparator) scores higher as prior_year than as target; "=885人" the reverse', () => {
  assert.ok(cellScore('prior_year', '885人', project)! > cellScore('target', '885人', project)!);
  assert.ok(cellScore('target', '=885人', project)! > cellScore('prior_year', '=885人', project)!);
});

test('cellScore: "-" is a good prior_year (3) and a poor target (-3)', () => {
  assert.deepEqual([cellScore('prior_year', '-', project), cellScore('target', '-', project)], [3, -3]);
});

test('cellScore: "成本指标" scores higher as level1 than as level2', () => {
  assert.deepEqual([cellScore('level1', '成本指标', project), cellScore('level2', '成本指标', project)], [5, 2]);
});

test('cellScore: free text is a possible basis only in overall tables', () => {
  assert.equal(cellScore('basis', '2024年昌吉州社会保险经办管理服务工作要点', overall), 1.5);
  assert.equal(cellScore('basis', '2024年昌吉州社会保险经办管理服务工作要点', project), -3);
});

test('cellScore: the empty text is impossible in every column', () => {
  assert.deepEqual((['level1', 'level3', 'target', 'weight', 'evidence'] as const).map((c) => cellScore(c, '', project)), [null, null, null, null, null]);
});

test('cellScore: two 指标 names joined ("产出指标满意度指标", "数量指标满意度指标") are impossible as level1/level2', () => {
  assert.equal(cellScore('level1', '产出指标满意度指标', project), null);
  assert.equal(cellScore('level2', '数量指标满意度指标', project), null);
});

// --- tokenClass / cellForbids: where the segmenter stops growing a cell ---------------------------------------

test('tokenClass: a comparator with a number, a 标准 basis and a scoring rule are whole cells; names and numbers are not', () => {
  // Tokens of data/000's wrapped rows ("=885" / "人" / "计划标准 885 人 10" / "按评判等级赋分 工作资料").
  assert.equal(tokenClass('=885'), 1);
  assert.equal(tokenClass('≥90%'), 1);
  assert.equal(tokenClass('<=127.'), 1);
  assert.equal(tokenClass('不低于95%'), 1);
  assert.equal(tokenClass('计划标准'), 2);
  assert.equal(tokenClass('按评判等级赋分'), 4);
  // Inside names and values: "核定 1995 年以前企业退" / "休人数（人）", "885 人", a lone comparator, "其他".
  for (const t of ['1995', '年以前企业退', '休人数（人）', '885', '人', '>', '其他', '工作资料', '95%']) assert.equal(tokenClass(t), 0, t);
});

test('cellForbids: names and evidence hold no target, basis or rule token; values no basis or rule; goals and free text any', () => {
  const bits = (c: Parameters<typeof cellForbids>[0]) => cellForbids(c);
  assert.equal(bits('level3') & tokenClass('=885'), 1);
  assert.equal(bits('evidence') & tokenClass('计划标准'), 2);
  assert.equal(bits('target') & tokenClass('=885'), 0); // "≥90% ≥95%"-like ranges stay possible
  assert.equal(bits('target') & tokenClass('按评判等级赋分'), 4);
  assert.equal(bits('basis') & tokenClass('计划标准'), 0);
  assert.equal(bits('basis') & tokenClass('≥95%'), 0); // a free-text basis may quote a target
  assert.equal(bits('basis') & tokenClass('按评判等级赋分'), 4);
  for (const c of ['project_goal', 'deviation'] as const) assert.equal(bits(c), 0, c); // free text states targets
  assert.equal(bits('scoring_rule') & tokenClass('按评判等级赋分'), 0);
  for (const c of ['level1', 'level2', 'weight'] as const) assert.equal(bits(c), 0, c);
});

test('cellScore: a 序号 is a row number; 指标解释 and 备注 are free text; a 二级 without 指标 ("数量") still reads as one', () => {
  const ctx = {freeTextBasis: false};
  assert.deepEqual(['3', '（12）', '3.', '产出指标', '1,200'].map((s) => cellScore('seq', s, ctx)), [3, 3, 3, null, null]);
  assert.deepEqual(['56人以上班级数占班级总数的比例', '含续建项目', '95', '计划标准'].map((s) => cellScore('explanation', s, ctx)), [1, 1, null, null]);
  assert.equal(cellScore('remark', '以竣工验收报告为准', ctx), 1);
  assert.deepEqual(['数量', '时效', '经济成本', '可持续影响'].map((s) => cellScore('level2', s, ctx)), [3, 3, 3, 3]);
  assert.equal(cellScore('level2', '数量指标', ctx), 5);
});
