// Other templates than the bundled ones, on small fixtures written by hand (test/fixtures/variants/):
// the expected values are the ones typed into the fixture, not the extractor's output.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {extractText} from '../../src/index.ts';

const fixture = (name: string) => extractText(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'variants', name), 'utf8'), {file: name});
const cells = (r: Record<string, unknown>) => [r.level1, r.level2, r.level3, r.target, r.basis, r.prior_year, r.weight, r.scoring_rule, r.evidence];

test('extractText(申报表 with 指标内容|指标性质|指标值|度量单位|绩效标准|权重) joins the split target and converts 元', () => {
  const {tables, diagnostics} = fixture('shenbao-split-target-yuan.txt');
  assert.equal(tables.length, 1);
  const t = tables[0];
  assert.deepEqual([t.kind, t.year, t.unit, t.project, t.leader], ['project', 2025, '某县教育局', '县域义务教育学校校舍维修改造', '李明']);
  assert.deepEqual([t.budget_total, t.budget_fiscal, t.budget_other], [127.44, 100, 27.44]);
  assert.deepEqual(t.columns, ['一级指标', '二级指标', '指标内容', '指标性质', '指标值', '度量单位', '绩效标准', '权重']);
  assert.deepEqual(t.indicators.map((r) => cells(r as unknown as Record<string, unknown>)), [
    ['产出指标', '数量指标', '维修学校数量', '≥12所', '计划标准', null, 20, null, null],
    ['产出指标', '数量指标', '维修面积', '≥3600平方米', '计划标准', null, 20, null, null],
    ['产出指标', '质量指标', '工程验收合格率', '=100%', '行业标准', null, 20, null, null],
    ['产出指标', '时效指标', '完工时间', '≤2025年10月', '计划标准', null, 10, null, null],
    ['效益指标', '社会效益指标', '办学条件', '有效改善', '其他标准', null, 20, null, null],
    ['满意度指标', '服务对象满意度指标', '师生满意度', '≥90%', '计划标准', null, 10, null, null],
  ]);
  assert.equal(t.indicators[4].target_nature, '定性');
  assert.deepEqual(diagnostics, []);
});

test('extractText(space-separated rows with "label：value" headers) reads every cell', () => {
  const {tables, diagnostics} = fixture('space-separated.txt');
  const t = tables[0];
  assert.deepEqual([t.year, t.unit, t.project, t.leader, t.budget_total, t.budget_fiscal, t.budget_other, t.layout],
    [2025, '某市疾病预防控制中心', '免疫规划疫苗接种经费', '王芳', 85.6, 85.6, 0, 'space-separated']);
  assert.deepEqual(t.indicators.map((r) => cells(r as unknown as Record<string, unknown>)), [
    ['产出指标', '数量指标', '接种剂次', '≥12万剂次', '计划标准', '11.8万剂次', 20, '按照完成比例赋分', '工作资料'],
    ['产出指标', '质量指标', '免疫规划疫苗接种率', '≥95%', '行业标准', '96%', 20, '按照完成比例赋分', '工作资料'],
    ['产出指标', '时效指标', '接种信息录入及时率', '≥98%', '计划标准', '-', 10, '按评判等级赋分', '工作资料'],
    ['成本指标', '经济成本指标', '疫苗冷链运输成本', '≤12万元', '预算支出标准', '11万元', 10, '按照完成比例赋分', '原始凭证'],
    ['效益指标', '社会效益指标', '疫苗可预防疾病发病率', '持续降低', '历史标准', '-', 20, '按评判等级赋分', '说明材料'],
    ['满意度指标', '满意度指标', '儿童家长满意度', '≥90%', '计划标准', '92%', 10, '满意度赋分', '工作资料'],
  ]);
  assert.deepEqual(diagnostics, []);
});

test('extractText(hierarchy shown only by indentation) fills 一级/二级 from the indented labels', () => {
  const {tables, diagnostics} = fixture('indented-fused.txt');
  assert.deepEqual(tables[0].indicators.map((r) => cells(r as unknown as Record<string, unknown>)), [
    ['产出指标', '数量指标', '补贴培训人次', '≥1500人次', '计划标准', '1420人次', 20, '按照完成比例赋分', '工作资料'],
    ['产出指标', '质量指标', '培训合格率', '≥90%', '行业标准', '91%', 20, '按照完成比例赋分', '工作资料'],
    ['效益指标', '社会效益指标', '培训后就业率', '≥60%', '历史标准', '58%', 30, '按照完成比例赋分', '说明材料'],
    ['满意度指标', '满意度指标', '参训人员满意度', '≥90%', '计划标准', '92%', 20, '满意度赋分', '工作资料'],
  ]);
  assert.deepEqual([tables[0].unit, tables[0].project, tables[0].leader, tables[0].budget_total], ['某县人力资源和社会保障局', '职业技能培训补贴', '刘洋', 120]);
  assert.deepEqual(diagnostics, []);
});

test('extractText(cells flattened with no separator) cuts rows at vocabulary words, comparators and numbers', () => {
  const {tables, diagnostics} = fixture('fused-cells.txt');
  assert.deepEqual(tables[0].indicators.map((r) => cells(r as unknown as Record<string, unknown>)), [
    ['产出指标', '数量指标', '年接待读者人次', '≥30万人次', '计划标准', '28.6万人次', 30, '按照完成比例赋分', '工作资料'],
    ['产出指标', '时效指标', '免费开放天数', '≥300天', '计划标准', '305天', 30, '直接赋分', '工作资料'],
    ['满意度指标', '满意度指标', '读者满意度', '≥95%', '计划标准', '96%', 30, '满意度赋分', '说明材料'],
  ]);
  assert.deepEqual(diagnostics.filter((d) => d.severity !== 'info'), []);
});
