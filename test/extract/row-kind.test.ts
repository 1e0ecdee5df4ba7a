// measuredKind: what a row measures, from names and targets of the bundled and rendered documents' rows.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {LEVEL2_KIND, measuredKind} from '../../src/extract/row-kind.ts';

test('measuredKind tells counts, rates, deadlines, costs and satisfactions apart', () => {
  assert.equal(measuredKind('补贴发放次数', '≥12次'), 'count');
  assert.equal(measuredKind('补贴资金足额发放率', '=100%'), 'rate');
  assert.equal(measuredKind('补贴发放时效', '每月25日前'), 'time');
  assert.equal(measuredKind('补贴发放标准', '=120元/人/月'), 'cost');
  assert.equal(measuredKind('补贴发放对象对相关工作满意度', '≥95%'), 'satisfaction');
  assert.equal(measuredKind('社保经办效率水平不断提升', '持续提高'), null);
});

test('LEVEL2_KIND names the kind each 二级 heads', () => {
  assert.equal(LEVEL2_KIND['数量指标'], 'count');
  assert.equal(LEVEL2_KIND['质量指标'], 'rate');
  assert.equal(LEVEL2_KIND['社会效益指标'], undefined);
});
