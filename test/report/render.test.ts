import {test} from 'node:test';
import assert from 'node:assert/strict';
import {CHARTS, weightChart} from '../../src/report/charts.ts';
import {loadChartFonts, renderPng, renderSvg, useMeasure, vegaTextWidth, withTitles} from '../../src/report/render.ts';
import {analyzedBundled} from '../helpers/analyzed.ts';

test('renderSvg(chart) contains the Chinese title text of every chart', async () => {
  const titles = {weights: '各表分值构成', coverage: '指标类别覆盖', prior: '指标值与上年完成值之比', kinds: '各文档指标值类型', findings: '检查发现'};
  for (const chart of CHARTS) {
    const svg = await renderSvg(chart.build(analyzedBundled()));
    assert.ok(svg.startsWith('<svg'), chart.name);
    assert.ok(svg.includes(titles[chart.name as keyof typeof titles]), `${chart.name} has its title`);
    assert.match(svg, /font-family="Noto Sans SC"/);
  }
});

test('renderSvg(weightChart) gives each bar a Chinese <title> tooltip', async () => {
  const svg = await renderSvg(weightChart(analyzedBundled()));
  assert.match(svg, /<title>文件：000_b3fa070b509c4b73\.txt；表格所在行：1669；单位：昌吉回族自治州社会保险中心；项目：95年以前退休人员生活费；一级指标：产出指标；分值：40；表内合计：90<\/title>/);
});

test('renderSvg(weightChart) cuts labels wider than 300 px with "…" and keeps the others whole', async () => {
  const svg = await renderSvg(weightChart(analyzedBundled()));
  assert.ok(svg.includes('>000 社会保险宣传费<'));
  assert.match(svg, />002 提前下达2025年[^<]*…</);
});

test('useMeasure(measure): vega measures CJK at 1 em and caps a limited item at its limit', async () => {
  useMeasure((await loadChartFonts()).measure);
  assert.equal(vegaTextWidth({fontSize: 10}, '绩效目标'), 40);
  assert.equal(vegaTextWidth({fontSize: 10, limit: 25}, '绩效目标'), 25);
  assert.ok(vegaTextWidth({fontSize: 10, fontWeight: 'bold'}, 'abc') > vegaTextWidth({fontSize: 10}, 'abc'));
});

test('withTitles(svg) adds a <title> to data marks only', () => {
  assert.equal(
    withTitles('<path aria-label="分值：40" role="graphics-symbol" d="M0,0"/><path aria-label="x" role="graphics-object"/>'),
    '<path aria-label="分值：40" role="graphics-symbol" d="M0,0"><title>分值：40</title></path><path aria-label="x" role="graphics-object"/>',
  );
});

test('renderPng(svg) draws a PNG twice the SVG size', async () => {
  const png = await renderPng('<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><text x="4" y="24" font-family="Noto Sans SC">绩效目标</text></svg>');
  assert.equal(Buffer.from(png.subarray(1, 4)).toString(), 'PNG');
  assert.equal(Buffer.from(png).readUInt32BE(16), 240);
  assert.equal(Buffer.from(png).readUInt32BE(20), 80);
});

test('renderPng(svg, {scale: 0}) throws: invalid scale', async () => {
  await assert.rejects(renderPng('<svg xmlns="http://www.w3.org/2000/svg"/>', {scale: 0}), /invalid scale: 0/);
});
