// The closed vocabularies' relations: which 二级 names sit under which 一级 names.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {admitsChild} from '../src/vocab.ts';

test('admitsChild: a 二级 sits under its own 一级, not another; names outside the vocabulary are admitted', () => {
  assert.equal(admitsChild('产出指标', '数量指标'), true);
  assert.equal(admitsChild('成本指标', '经济成本指标'), true);
  assert.equal(admitsChild('成本指标', '数量指标'), false);
  assert.equal(admitsChild('满意度指标', '社会效益指标'), false);
  assert.equal(admitsChild('产出指', '数量指标'), true); // a cut 一级
  assert.equal(admitsChild('管理效率', '预算管理'), true); // overall tables' own pairs
  assert.equal(admitsChild('产出指标', '预算管理'), false);
  assert.equal(admitsChild('产出指标', '自定义类指标'), true); // a 二级 outside the vocabulary
});
