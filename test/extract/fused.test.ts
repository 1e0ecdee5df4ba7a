// cutFused: a row printed with no separators is cut at the domain's landmarks.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {cutFused} from '../../src/extract/fused.ts';

test("cutFused('读者满意度≥95%计划标准96%30满意度赋分说明材料') cuts at the comparator, the basis word and the weight", () => {
  assert.deepEqual(cutFused('读者满意度≥95%计划标准96%30满意度赋分说明材料'), ['读者满意度', '≥95%', '计划标准', '96%', '30', '满意度赋分', '说明材料']);
});

test("cutFused('培训人次>=200人次计划标准新增10') keeps 新增 apart from the weight", () => {
  assert.deepEqual(cutFused('培训人次>=200人次计划标准新增10'), ['培训人次', '>=200人次', '计划标准', '新增', '10']);
});
