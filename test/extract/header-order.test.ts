// interleavedHeader: a grid header whose names were wrapped in narrow columns and dumped in reading order.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {splitLines, tokenizeLines} from '../../src/extract/lines.ts';
import {interleavedHeader} from '../../src/extract/header-order.ts';

test('interleavedHeader deals a header printed in pieces over lines out to its columns, whatever the line breaks', () => {
  // The header of rendered-variants/lh1.2/narrow-wrap-b5.default.txt, then the grid's first name piece.
  const text = '指标\n一级 二级 三级指标 指标值 值设 上年完 指标\n指标赋 佐证资\n指标 指标\n置依 成值 分值\n权重 分规则 料\n据\n资助特困';
  const header = interleavedHeader(tokenizeLines(splitLines(text)));
  assert.deepEqual(header?.columns, ['level1', 'level2', 'level3', 'target', 'basis', 'prior_year', 'weight', 'scoring_rule', 'evidence']);
  assert.deepEqual(header?.names, ['一级指标', '二级指标', '三级指标', '指标值', '指标值设置依据', '上年完成值', '指标分值权重', '指标赋分规则', '佐证资料']);
  assert.equal(header?.first, 0);
  assert.equal(header?.next, 19);
});

test('interleavedHeader keeps the printed order of columns the standard order puts otherwise (实际完成值 before 分值)', () => {
  const two = interleavedHeader(tokenizeLines(splitLines('一级 二级 三级 年度指 实际完 分值 得分\n指标 指标 指标 标值 成值\n产出指标')));
  assert.equal(two, null); // two header lines: the printed header is read as usual
  const three = interleavedHeader(tokenizeLines(splitLines('一级 二级 三级 年度指 实际完 分值 得分\n指标 指标 指标 标值 成\n值')));
  assert.deepEqual(three?.columns, ['level1', 'level2', 'level3', 'target', 'actual', 'weight', 'score']);
});

test('interleavedHeader finds nothing in lines that deal out into no names', () => {
  assert.equal(interleavedHeader(tokenizeLines(splitLines('指标\n一级 二级\n分值 权重 料\n据'))), null);
});
