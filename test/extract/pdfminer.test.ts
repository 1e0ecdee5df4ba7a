// pdfminer.six dumps (pdf2txt -t text: text boxes, each followed by a blank line, in pdfminer's clustering order) of
// the rendered corpus and of its re-renderings (build.ts --variant): read as box dumps (src/extract/boxes.ts). The
// floors are what the reader reaches; the rows checked cell by cell come from the specs' expected rows.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {extractText} from '../../src/index.ts';
import {isBoxDump} from '../../src/extract/boxes.ts';
import {inVocabularyOrder} from '../../src/extract/labels.ts';
import {splitLines, tokenizeLines} from '../../src/extract/lines.ts';
import {CELLS, norm, scoreFolder} from '../helpers/rendered.ts';

const RENDERED = join(import.meta.dirname, '..', 'fixtures', 'rendered');
const VARIANTS = join(import.meta.dirname, '..', 'fixtures', 'rendered-variants');

/** Share of cells matched over a folder's dumps of a mode, the tables found (every table's lines accounted for). */
function scoreMode(dir: string, mode: string): {share: number; found: number; expected: number} {
  const {files, cells, matched, found, expected} = scoreFolder(dir, mode);
  assert.ok(files.length >= 13, `${dir} ${mode}`);
  return {share: matched / cells, found, expected};
}

test('extractText(rendered/*.pdfminer.txt) finds all 21 tables and at least 80.5% of the cells (47% before box dumps were read; 19 tables before header boxes printed above the title were read)', () => {
  const s = scoreMode(RENDERED, 'pdfminer');
  assert.ok(s.found >= 21, `${s.found}/${s.expected} tables`);
  assert.ok(s.share >= 0.805, s.share.toFixed(4));
});

/** Share of cells matched per variant: [pdfminer, mupdf]. */
const VARIANT_FLOORS: Record<string, [number, number]> = {
  'f+0.5': [0.755, 0.998], 'f-0.5': [0.735, 0.998], 'lh1.2': [0.785, 0.998], 'lh1.5': [0.705, 0.998], 'f+0.8-lh1.25': [0.775, 0.998], 'f-0.8-lh1.45': [0.785, 0.998],
};

for (const [variant, [pdfminer, mupdf]] of Object.entries(VARIANT_FLOORS)) {
  test(`extractText(rendered-variants/${variant}/*.pdfminer.txt, *.mupdf.txt) matches at least ${pdfminer * 100}% / ${mupdf * 100}% of the cells`, () => {
    const dir = join(VARIANTS, variant);
    const boxes = scoreMode(dir, 'pdfminer');
    assert.ok(boxes.share >= pdfminer, `pdfminer ${boxes.share.toFixed(4)}`);
    const blocks = scoreMode(dir, 'mupdf');
    assert.equal(blocks.found, blocks.expected);
    assert.ok(blocks.share >= mupdf, `mupdf ${blocks.share.toFixed(4)}`);
  });
}

/** Rows (table, row) of a rendered pdfminer dump whose cells all equal the spec's expected ones. */
function assertRowsExact(dir: string, spec: string, rows: ReadonlyArray<[number, number]>, cells: readonly string[] = CELLS): void {
  const expected = JSON.parse(readFileSync(join(dir, `${spec}.expected.json`), 'utf8')).tables as Array<{indicators: Array<Record<string, unknown>>}>;
  const {tables} = extractText(readFileSync(join(dir, `${spec}.pdfminer.txt`), 'utf8'), {file: spec});
  for (const [t, r] of rows) {
    const got = tables[t].indicators[r] as unknown as Record<string, unknown>;
    for (const c of cells) assert.equal(norm(got[c]), norm(expected[t].indicators[r][c]), `${spec} ${t}#${r} ${c}`);
  }
}

test('pdfminer dumps: each column\'s cells in row order, whatever order the boxes come in (rows printed in stretches, weights, rules and evidence in blocks)', () => {
  // "每月25日前" / "计划标准" / "每月25日前": the second is the row's prior value, not the next row's target.
  const all = (table: number): Array<[number, number]> => Array.from({length: 7}, (_, r) => [table, r]);
  assertRowsExact(RENDERED, 'bundled-002-pair', [...all(0), ...all(1)]);
  const row = extractText(readFileSync(join(RENDERED, 'bundled-002-pair.pdfminer.txt'), 'utf8'), {file: 'p'}).tables[0].indicators[3];
  assert.deepEqual([row.level2, row.level3, row.target, row.basis, row.prior_year, row.weight, row.scoring_rule, row.evidence],
    ['时效指标', '补贴发放时效', '每月25日前', '计划标准', '每月25日前', 10, '直接赋分', '说明材料']);
});

test('pdfminer dumps: merged labels printed after the rows head the rows that measure what they name, in the framework\'s order', () => {
  // exec-rate: 产出/数量/质量/时效/效益/… printed in a block after every row, 成本指标/经济成本指标 beside their row.
  assertRowsExact(RENDERED, 'exec-rate-education', [[0, 0], [0, 1], [0, 5], [0, 7], [0, 8]]);
  // yuan-pifu: the cost row and the satisfaction row among rows whose labels come last.
  assertRowsExact(RENDERED, 'yuan-pifu-transport', [[0, 0], [0, 4], [0, 7]]);
});

test('pdfminer dumps: a wrapped cell\'s lines printed in boxes of their own just after each other make one cell', () => {
  // lh1.5: "按照完成比例赋" / "分", "2025年6月" / "30日前" are boxes apart.
  assertRowsExact(join(VARIANTS, 'lh1.5'), 'yuan-pifu-transport', [[0, 0], [0, 1]], ['level3', 'target', 'basis', 'prior_year', 'weight', 'scoring_rule']);
});

test('isBoxDump: blocks of one column\'s boxes tell a box dump; rows printed in order, a blank line after each cell, do not', () => {
  const grid = (text: string) => tokenizeLines(splitLines(text));
  assert.equal(isBoxDump(grid('名称甲\n\n≥1次 计划标准\n\n名称乙\n\n≥2次 计划标准\n\n10\n\n5\n\n15\n\n按照完成比例赋\n分\n\n直接赋分\n')), true);
  assert.equal(isBoxDump(grid('名称甲\n\n≥1次\n\n计划标准\n\n10\n\n直接赋分\n\n名称乙\n\n≥2次\n\n计划标准\n\n5\n\n直接赋分\n')), false);
});

test('inVocabularyOrder: labels sorted by the framework, a name of both columns printed twice given to each', () => {
  const labels = [{col: 'level1', text: '成本指标'}, {col: 'level2', text: '经济成本指标'}, {col: 'level1', text: '产出指标'}, {col: 'level2', text: '数量指标'},
    {col: 'level1', text: '满意度指标'}, {col: 'level1', text: '满意度指标'}] as const;
  const out = inVocabularyOrder(labels.map((l) => ({...l})), (l) => l.text);
  assert.deepEqual(out.map((l) => `${l.col}:${l.text}`), ['level1:产出指标', 'level1:成本指标', 'level1:满意度指标', 'level2:数量指标', 'level2:经济成本指标', 'level2:满意度指标']);
});
