// The rendered corpus (test/fixtures/rendered/, made by test/corpus/build.ts with Chromium, pdftotext, MuPDF,
// pdfminer and LibreOffice): dumps that keep each cell's lines together (pdftotext -raw, LibreOffice text, MuPDF's
// text, whose radical forms of ideographs are read as the ideographs) must give every table and at least 99% of the
// cells of the expected rows, which come from the specs, not from the extractor. So must the Markdown that
// PDF-to-Markdown converters write (pipe tables, or MinerU's one-line HTML tables; made from the specs by build.ts).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {extractText} from '../../src/index.ts';
import {assertTablesAndMeta, CELLS, norm} from '../helpers/rendered.ts';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'rendered');

for (const mode of ['raw', 'libreoffice', 'mupdf', 'markdown', 'mineru']) {
  test(`extractText(rendered/*.${mode}.txt) finds every table and matches at least 99% of the cells`, () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith(`.${mode}.txt`));
    assert.ok(files.length >= 10);
    const {cells, matched: ok} = assertTablesAndMeta(DIR, files);
    assert.ok(ok / cells >= 0.99, `${ok}/${cells}`);
  });
}

test('extractText(rendered/ziping-health.raw.txt) keeps 全年实际值, 得分 and 偏差原因 as extra fields', () => {
  const t = extractText(readFileSync(join(DIR, 'ziping-health.raw.txt'), 'utf8'), {file: 'z'}).tables[0];
  const r = t.indicators[1];
  assert.deepEqual([r.level3, r.target, r.actual, r.weight, r.score, r.deviation, r.basis],
    ['组建家庭医生团队数', '≥60个', '58个', 10, 9.67, '部分乡镇卫生院全科医生不足，下一年度通过县乡人员统筹补齐', null]);
});

test('extractText(rendered/*.layout.txt) (pdftotext -layout) finds every table and at least 99% of all cells (per dump: columnar.test.ts)', () => {
  let cells = 0;
  let ok = 0;
  for (const f of readdirSync(DIR).filter((x) => x.endsWith('.layout.txt'))) {
    const expected = JSON.parse(readFileSync(join(DIR, f.replace('.layout.txt', '.expected.json')), 'utf8')).tables;
    const got = extractText(readFileSync(join(DIR, f), 'utf8'), {file: f}).tables;
    assert.equal(got.length, expected.length, f);
    expected.forEach((e: Record<string, unknown>, k: number) => (e.indicators as Array<Record<string, unknown>>).forEach((row, i) => {
      const gr = (got[k].indicators as unknown as Array<Record<string, unknown>>)[i];
      for (const c of CELLS) { cells++; if (norm(row[c]) === norm(gr?.[c])) ok++; }
    }));
  }
  assert.ok(ok / cells >= 0.99, `${ok}/${cells}`);
});

test('extractText(rendered/required-suffix-transport.layout.txt) puts two rows printed column by column back in order', () => {
  const t = extractText(readFileSync(join(DIR, 'required-suffix-transport.layout.txt'), 'utf8'), {file: 'r'}).tables[0];
  assert.deepEqual(t.indicators.slice(0, 2).map((r) => [r.level3, r.target, r.basis, r.prior_year, r.weight, r.evidence]), [
    ['农村公路日常养护里程', '≥1260公里', '计划标准', '1248公里', 10, '工作资料'],
    ['危桥改造座数', '=6座', '计划标准', '4座', 10, '正式材料'],
  ]);
  assert.equal(t.layout, 'columnar');
});

test('extractText(rendered/*, every converter): each line of each table is used, blank or diagnosed', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.txt'));
  assert.ok(files.length >= 52, `${files.length} dumps`);
  for (const f of files) {
    const {tables} = extractText(readFileSync(join(DIR, f), 'utf8').replace(/^\uFEFF/, ''), {file: f});
    tables.forEach((t, k) => {
      const s = t.line_stats;
      assert.equal(s.seen, s.used + s.blank + s.diagnosed, `${f} table ${k}: ${JSON.stringify(s)}`);
    });
  }
});
