// Stage 1 of the pipeline: clean text → numbered lines → tokens (text, line, tab cell, gap, page-break mark).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {compact, isBlankLine, isPageFooter, isRuleLine, markdownAsPlain, splitLines, tokenizeLine, tokenizeLines} from '../../src/extract/lines.ts';
import {extractText} from '../../src/extract/index.ts';
import type {Gap, Token} from '../../src/extract/lines.ts';

/** A token as tokenizeLine makes it: every field present (alsoLines undefined, the flags false) (one shape for all tokens). */
const tok = (text: string, line: number, cell: number, gap: Gap): Token => ({text, line, cell, gap, alsoLines: undefined, pageBreak: false, afterFooter: false, restored: false, dashAfter: false});

test('splitLines numbers lines from 1', () => {
  assert.deepEqual(splitLines('a\nb'), [{no: 1, text: 'a'}, {no: 2, text: 'b'}]);
});

test('splitLines drops only the empty part after a final LF', () => {
  assert.deepEqual(splitLines('a\nb\n'), [{no: 1, text: 'a'}, {no: 2, text: 'b'}]);
  assert.deepEqual(splitLines('a\n\n'), [{no: 1, text: 'a'}, {no: 2, text: ''}]);
});

test('splitLines keeps empty lines inside the text and their numbers', () => {
  assert.deepEqual(splitLines('项目\n\n\t指标\n'), [{no: 1, text: '项目'}, {no: 2, text: ''}, {no: 3, text: '\t指标'}]);
});

test('splitLines of the empty text is one empty line', () => {
  assert.deepEqual(splitLines(''), [{no: 1, text: ''}]);
});

test('tokenizeLine splits tab cells, then spaces inside a cell', () => {
  assert.deepEqual(tokenizeLine({no: 3, text: '产出 指标\t≥2 次'}), [
    tok('产出', 3, 0, 'line'),
    tok('指标', 3, 0, 'space'),
    tok('≥2', 3, 1, 'tab'),
    tok('次', 3, 1, 'space'),
  ]);
});

test('tokenizeLine: empty leading tab cells leave no token but keep the cell index; the first token takes the given gap', () => {
  assert.deepEqual(tokenizeLine({no: 4, text: '\t\t开展会议次数\t≥2 次\t计划标准'}, 'start'), [
    tok('开展会议次数', 4, 2, 'start'),
    tok('≥2', 4, 3, 'tab'),
    tok('次', 4, 3, 'space'),
    tok('计划标准', 4, 4, 'tab'),
  ]);
});

test('tokenizeLine: runs of spaces and empty cells inside the line make no empty tokens', () => {
  assert.deepEqual(tokenizeLine({no: 5, text: '  a  b\t\tc '}), [
    tok('a', 5, 0, 'line'),
    tok('b', 5, 0, 'space'),
    tok('c', 5, 2, 'tab'),
  ]);
});

test('tokens share one shape: the same keys in the same order, copies by spread too', () => {
  const tokens = tokenizeLines(splitLines('一级指标\t二级指标\n产出 指标\t≥2 次'));
  const keys = Object.keys(tokens[0]).join();
  assert.equal(keys, 'text,line,cell,gap,alsoLines,pageBreak,afterFooter,restored,dashAfter');
  for (const t of tokens) assert.equal(Object.keys(t).join(), keys);
  assert.equal(Object.keys({...tokens[1], pageBreak: true}).join(), keys);
});

test('tokenizeLine of a line of tabs only is empty', () => {
  assert.deepEqual(tokenizeLine({no: 6, text: '\t\t\t'}), []);
});

test('tokenizeLines: first token "start", first of each later line "line"; blank and rule lines skipped', () => {
  const tokens = tokenizeLines(splitLines('一级\n\n指标\n---|---\n\t\t人数 ≥2'));
  assert.deepEqual(tokens, [
    tok('一级', 1, 0, 'start'),
    tok('指标', 3, 0, 'line'),
    tok('人数', 5, 2, 'line'),
    tok('≥2', 5, 2, 'space'),
  ]);
});

test('tokenizeLines: "start" goes to the first token even after leading blank lines', () => {
  const tokens = tokenizeLines(splitLines('\n\n项目 a\nb'));
  assert.deepEqual(tokens.map((t) => [t.text, t.line, t.gap]), [['项目', 3, 'start'], ['a', 3, 'space'], ['b', 4, 'line']]);
});

test('tokenizeLines sets pageBreak on the first token of a line that starts with a space, and only there', () => {
  const tokens = tokenizeLines(splitLines('上年\n 完成 值\n\t\t权重\n分值'));
  assert.deepEqual(tokens.map((t) => [t.text, t.pageBreak ?? false]), [
    ['上年', false], ['完成', true], ['值', false], ['权重', false], ['分值', false],
  ]);
});

test('tokenizeLines sets pageBreak on a space-led first line too (" 项目支出绩效目标表")', () => {
  const tokens = tokenizeLines(splitLines(' 项目支出绩效目标表\n（2024 年）'));
  assert.equal(tokens[0].pageBreak, true);
  assert.equal(tokens[0].gap, 'start');
  assert.equal(tokens[1].pageBreak, false);
});

test('tokenizeLines: a line of spaces only is blank, so it marks no page break', () => {
  const tokens = tokenizeLines(splitLines('a\n   \nb'));
  assert.deepEqual(tokens.map((t) => [t.text, t.line, t.pageBreak ?? false]), [['a', 1, false], ['b', 3, false]]);
});

test('isRuleLine is true for separator lines: "---|---", tabbed dashes, "=====", "+---+---+", "———", "___"', () => {
  for (const s of ['---|---', '---------\t---------\t--\t------', '=====', '+---+---+', '———', '___', '|---|']) {
    assert.equal(isRuleLine(s), true, s);
  }
});

test('isRuleLine is false for short dashes, page footers, text and empty lines', () => {
  for (const s of ['--', '- 4 -', '| a |---', '', '   ', '产出指标', '-']) assert.equal(isRuleLine(s), false, s);
});

test('isBlankLine: empty, whitespace-only and rule lines are blank; text and lone numbers are not', () => {
  for (const s of ['', '   ', '\t\t', '---|---']) assert.equal(isBlankLine(s), true, JSON.stringify(s));
  for (const s of ['34', ' 项目', '-', '\t-\t']) assert.equal(isBlankLine(s), false, JSON.stringify(s));
});

test('compact removes every whitespace character', () => {
  assert.equal(compact(' 单位整体绩效目标表\t\t\t'), '单位整体绩效目标表');
  assert.equal(compact('≥14 万人 次\n'), '≥14万人次');
});

test('isPageFooter: printed page footers and headers, not a bare number (it may be a weight)', () => {
  for (const s of ['第3页共9页', '第3页', '-4-', '—12—', '3/9', '共9页第3页']) assert.equal(isPageFooter(s), true, s);
  for (const s of ['4', '10', '第三部分', '3/9页', '-4']) assert.equal(isPageFooter(s), false, s);
});

test('markdownAsPlain reads Markdown and bare pipe rows as tab-separated rows, line for line', () => {
  const md = [
    '## 项目支出绩效目标表', '（2025年）',
    '| 一级指标 | 二级指标 | 三级指标 | 指标值 |', '|---|:---:|---|---|',
    '| 产出指标 | 数量指标 | 指标值设<br>置依据 | x\\|y |', '|  |  | 覆盖率 | ≥90% |',
    '满意|满意||=95%', '**（五）其他需说明的事项**', '***离休干部离休补贴', '一、**财政拨款**：指…',
  ].join('\n');
  assert.deepEqual(markdownAsPlain(md).split('\n'), [
    '项目支出绩效目标表', '（2025年）',
    '一级指标\t二级指标\t三级指标\t指标值', '|---|:---:|---|---|',
    '产出指标\t数量指标\t指标值设 置依据\tx|y', '\t\t覆盖率\t≥90%',
    '满意\t满意\t\t=95%', '（五）其他需说明的事项', '***离休干部离休补贴', '一、财政拨款：指…',
  ]);
  const plain = '项目支出绩效目标表\n一级指标\t二级指标\n产出指标\t数量指标';
  assert.equal(markdownAsPlain(plain), plain); // nothing to read: the same string
});

test('extractText(Markdown table) reads the table as the tabbed dump it stands for, with source lines', () => {
  const md = [
    '**（四）预算绩效情况**', '', '## 项目支出绩效目标表', '', '(2025 年)', '',
    '| 预算单位 | 南溪县教育局 |  |  |  |  |  |  |  |', '|---|---|---|---|---|---|---|---|---|',
    '| 项目名称 | 学前教育发展专项资金 |  |  |  |  |  | 项目负责人 | 周雅琴 |',
    '| 项目资金（万元） | 年度预算总额 | 862.50 | 其中：财政拨款 | 862.50 | 其他资金 | 0.00 |  |  |',
    '| 一级指标 | 二级指标 | 三级指标 | 指标值 | 指标值设置依据 | 上年完成值 | 指标分值权重 | 指标赋分规则 | 佐证资料 |',
    '| 产出指标 | 数量指标 | 普惠性幼儿园补助园数 | ≥45所 | 计划标准 | 42所 | 50 | 按照完成比例赋分 | 正式材料 |',
    '| 效益指标 | 社会效益指标 | 学前三年毛入园率 | ≥92% | 历史标准 | 91.3% | 30 | 按照完成比例赋分 | 工作资料 |',
    '| 满意度指标 | 满意度指标 | 幼儿家长满意度 | ≥90% | 计划标准 | 92% | 10 | 满意度赋分 | 工作资料 |',
    '', '**（五）其他需说明的事项**', '', '无。',
  ].join('\n');
  const [t] = extractText(md, {file: 'm.md'}).tables;
  assert.deepEqual([t.unit, t.project, t.leader, t.budget_total, t.year, t.layout], ['南溪县教育局', '学前教育发展专项资金', '周雅琴', 862.5, 2025, 'tabbed']);
  assert.deepEqual(t.indicators.map((r) => [r.level1, r.level3, r.target, r.prior_year, r.weight, r.evidence, r.lines[0]]), [
    ['产出指标', '普惠性幼儿园补助园数', '≥45所', '42所', 50, '正式材料', 12],
    ['效益指标', '学前三年毛入园率', '≥92%', '91.3%', 30, '工作资料', 13],
    ['满意度指标', '幼儿家长满意度', '≥90%', '92%', 10, '工作资料', 14],
  ]);
});
