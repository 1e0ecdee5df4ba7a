import {test} from 'node:test';
import assert from 'node:assert/strict';
import {buildPage, esc} from '../../src/report/page.ts';
import type {AnalyzedDocument} from '../../src/analyze/types.ts';
import {analyzedBundled} from '../helpers/analyzed.ts';

const charts = [
  {name: 'weights', title: '分值构成', svg: '<svg class="fake" width="10" height="10"><text>各表分值构成</text></svg>'},
  {name: 'kinds', title: '指标值类型', svg: '<svg class="fake" width="10" height="10"><text>各文档指标值类型</text></svg>'},
];
const count = (s: string, re: RegExp): number => (s.match(re) ?? []).length;

test('buildPage({docs, charts}) is a Chinese HTML page with every chart inline', () => {
  const html = buildPage({docs: analyzedBundled(), charts});
  assert.ok(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">'));
  assert.equal(count(html, /<figure class="chart"/g), 2);
  assert.ok(html.includes('<figure class="chart" id="chart-weights" aria-label="分值构成"><svg class="fake"'));
  assert.ok(html.includes('<title>绩效目标表检查报告</title>'));
});

test('buildPage summarises each document: 000_b3fa070b509c4b73.txt has 13 project tables, 1 overall, 103 indicators', () => {
  const html = buildPage({docs: analyzedBundled(), charts});
  assert.match(html, /<tr><td><b>000<\/b> 000_b3fa070b509c4b73\.txt<\/td><td>昌吉回族自治州社会保险管理局本级<\/td><td>13<\/td><td>1<\/td><td>103<\/td><td>96%<\/td>/);
  assert.ok(html.includes('5 个文档，32 张绩效目标表，280 项指标'));
});

test('buildPage lists every finding once, with file:line', () => {
  const docs = analyzedBundled();
  const html = buildPage({docs, charts});
  const total = docs.reduce((n, d) => n + d.summary.total, 0);
  assert.equal(count(html, /<tr data-severity="/g), total);
  assert.match(html, /<code>000_b3fa070b509c4b73\.txt:1669-\d+<\/code>/);
  assert.ok(html.includes(`<output id="finding-count">${total} / ${total}</output>`));
});

test('buildPage shows each table\'s indicators in a <details> block, lowered targets marked', () => {
  const docs = analyzedBundled();
  const html = buildPage({docs, charts});
  const lowered = docs.flatMap((d) => d.tables.flatMap((t) => t.indicators)).filter((i) => i.prior_comparison.status === 'lowered').length;
  assert.equal(count(html, /<details id="t\d+-\d+">/g), 32);
  assert.equal(count(html, /<tr class="lowered">/g), lowered);
  assert.ok(html.includes('<details id="t1-1669"><summary><b>000 95年以前退休人员生活费</b>'));
});

test('buildPage escapes text from the documents', () => {
  const [doc] = analyzedBundled();
  const evil: AnalyzedDocument = {...doc, source: 'a<b>.txt', findings: [{code: 'x', severity: 'error', message: '<script>alert(1)</script>', lines: [1, 1], table_line: 0}]};
  const html = buildPage({docs: [evil], charts: []});
  assert.ok(!html.includes('<script>alert(1)'));
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.ok(html.includes('a&lt;b&gt;.txt:1'));
});

test('buildPage embeds the font faces as data: URLs and loads nothing from outside', () => {
  const html = buildPage({docs: analyzedBundled(), charts, fonts: [{family: 'Noto Sans SC', weight: 400, base64: 'AAEAAA=='}, {family: 'Noto Sans SC', weight: 700, base64: 'AAEAAB=='}]});
  assert.ok(html.includes('@font-face{font-family:"Noto Sans SC";font-style:normal;font-weight:400;font-display:swap;src:url(data:font/ttf;base64,AAEAAA==) format("truetype")}'));
  assert.equal(count(html, /@font-face/g), 2);
  assert.equal(count(html, /(src|href)="(https?:)?\/\//g), 0);
  assert.equal(count(html, /url\((?!data:)/g), 0);
  assert.equal(count(html, /<link\b/g), 0);
});

test('buildPage(input) is the same string when built twice', () => {
  assert.equal(buildPage({docs: analyzedBundled(), charts}), buildPage({docs: analyzedBundled(), charts}));
});

test('esc(text) escapes & < > and double quotes', () => {
  assert.equal(esc('a&b<c>"d"'), 'a&amp;b&lt;c&gt;&quot;d&quot;');
  assert.equal(esc(null), '');
});

// --- many documents: the page lists the worst findings and opens the worst tables, and says so ---------------------

test('buildPage with limits {findings: 5}: five error rows (data/ has 8 errors) and a note pointing to findings.csv', () => {
  const docs = analyzedBundled();
  const total = docs.reduce((n, d) => n + d.summary.total, 0);
  const html = buildPage({docs, charts, limits: {findings: 5}});
  assert.equal(count(html, /<tr data-severity="error">/g), 5);
  assert.equal(count(html, /<tr data-severity="(warning|info)">/g), 0);
  assert.ok(html.includes(`共 ${total} 条发现，本页列出 5 条（错误、警告在先）；全部见同一文件夹的 findings.csv。`));
  assert.ok(html.includes('<output id="finding-count">5 / 5</output>'));
});

test('buildPage with limits {tables: 3}: the three tables of data/ with the most severe findings, links only to them', () => {
  // One error each; then the most warnings: 电力保障 (3), 全民参保 (3), 系统维护费 (2, before 基金风险防控, 2).
  const html = buildPage({docs: analyzedBundled(), charts, limits: {tables: 3}});
  const opened = [...html.matchAll(/<details id="([^"]+)"><summary><b>([^<]+)<\/b>/g)].map((m) => m[2]);
  assert.deepEqual(opened, ['000 “金保工程”系统维护费', '000 “金保工程”系统运行电力保障、网络线路租用等费用', '000 社会保险全民参保计划工作经费']);
  assert.ok(html.includes('共 32 张表，本页展开 3 张（发现最严重、最多的在先）；全部指标见同一文件夹的 indicators.csv。'));
  const ids = new Set([...html.matchAll(/<details id="([^"]+)"/g)].map((m) => m[1]));
  for (const m of html.matchAll(/<a href="#(t\d+-\d+)">/g)) assert.ok(ids.has(m[1]), `dangling link #${m[1]}`);
});

test('buildPage of data/ under the default limits lists every finding and opens every table, with no note', () => {
  const html = buildPage({docs: analyzedBundled(), charts});
  assert.equal(count(html, /<details id=/g), 32);
  assert.equal(count(html, /class="note"/g), 0);
});
