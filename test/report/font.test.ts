import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFontMetrics, tableDirectory} from '../../src/report/font.ts';
import {charEm, estimateWidth, fontMeasure} from '../../src/report/measure.ts';
import {loadChartFonts} from '../../src/report/render.ts';
import {subsetFont} from '../../src/report/subset.ts';
import {tableLabels} from '../../src/report/chart-data.ts';
import {FINDING_NAMES} from '../../src/report/labels.ts';
import {analyzedBundled} from '../helpers/analyzed.ts';

const cp = (ch: string): number => ch.codePointAt(0)!;

test('readFontMetrics(Noto Sans SC regular): family, weight, 1000 units per em, CJK advance 1 em', async () => {
  const f = await loadChartFonts();
  const m = readFontMetrics(f.regular);
  assert.deepEqual([m.family, m.weight, m.unitsPerEm], ['Noto Sans SC', 400, 1000]);
  assert.equal(m.advances[m.glyphOf.get(cp('绩'))!], 1000);
  assert.equal(readFontMetrics(f.bold).weight, 700);
});

test('tableDirectory(bytes that are not a font) throws', () => {
  assert.throws(() => tableDirectory(new Uint8Array(64)), /requires a TrueType\/OpenType font/);
});

test('estimateWidth(text) is never less than Noto Sans SC draws it (regular and bold): every chart label', async () => {
  const f = await loadChartFonts();
  const texts = [...tableLabels(analyzedBundled()).values(), ...Object.values(FINDING_NAMES), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz0123456789%.,:;()-'];
  for (const t of texts) {
    for (const bold of [false, true]) assert.ok(estimateWidth(t, 11) >= f.measure(t, 11, bold) - 1e-9, `${t} (${bold ? 'bold' : 'regular'})`);
  }
});

test('charEm(ch): 1 em for CJK and full-width forms, less for Latin', () => {
  assert.deepEqual(['绩', '（', '：', 'a', ' '].map(charEm), [1, 1, 1, 0.62, 0.25]);
});

test('fontMeasure(metrics)(text, size) adds the advances; a character the font lacks is estimated', async () => {
  const m = readFontMetrics((await loadChartFonts()).regular);
  const measure = fontMeasure(m);
  assert.equal(measure('绩效', 12), 24);
  assert.equal(measure('\u{10FFFD}', 10), charEm('\u{10FFFD}') * 10);
});

test('subsetFont(font, text) keeps the text\'s characters and Latin, drops other CJK, stays a valid font', async () => {
  const f = await loadChartFonts();
  const sub = subsetFont(f.regular, '绩效目标表');
  const m = readFontMetrics(sub);
  const full = readFontMetrics(f.regular);
  assert.ok(sub.length < f.regular.length / 5, `${sub.length} bytes`);
  assert.equal(m.family, 'Noto Sans SC');
  for (const ch of '绩效目标表Aa9%') assert.equal(m.glyphOf.get(cp(ch)), full.glyphOf.get(cp(ch)), ch);
  assert.equal(m.glyphOf.get(cp('龍')), undefined);
  assert.equal(m.advances.length, full.advances.length);
});

test('subsetFont(font, text) writes a correct whole-font checksum (head.checkSumAdjustment)', async () => {
  const sub = subsetFont((await loadChartFonts()).regular, '绩效');
  const v = new DataView(sub.buffer, sub.byteOffset, sub.byteLength);
  let sum = 0;
  for (let p = 0; p < sub.length; p += 4) sum = (sum + v.getUint32(p)) >>> 0;
  assert.equal(sum, 0xb1b0afba);
});
