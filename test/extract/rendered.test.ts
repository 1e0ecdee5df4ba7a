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
import {assertTablesAndMeta, CELLS, META, norm} from '../helpers/rendered.ts';

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

// The templates the extractor was not tuned on (build.ts, section c), each dump on its own: every table, its
// metadata, at least 99% of the cells, every line accounted for. Values come from the specs (expected.json).
const UNSEEN = ['mof-shenbao-water', 'mof-overall-civil', 'seq-notes-education', 'pairs-a3-agriculture'];
type ExpectedTable = Record<string, unknown> & {columns: string[]; indicators: Array<Record<string, unknown>>};
const expectedOf = (spec: string): ExpectedTable[] => JSON.parse(readFileSync(join(DIR, `${spec}.expected.json`), 'utf8')).tables;
const extracted = (spec: string, mode: string) =>
  extractText(readFileSync(join(DIR, `${spec}.${mode}.txt`), 'utf8').replace(/^\uFEFF/, ''), {file: `${spec}.${mode}.txt`}).tables;
const cellsOf = (row: Record<string, unknown>): Array<string | null> => CELLS.map((c) => norm(row[c]));

for (const spec of UNSEEN) {
  for (const mode of ['raw', 'libreoffice', 'webcopy', 'mupdf', 'layout']) {
    test(`extractText(rendered/${spec}.${mode}.txt) finds every table, its metadata and at least 99% of the cells`, () => {
      const expected = expectedOf(spec);
      const got = extracted(spec, mode);
      assert.equal(got.length, expected.length);
      let cells = 0;
      let ok = 0;
      expected.forEach((e, k) => {
        const g = got[k] as unknown as Record<string, unknown>;
        for (const m of META) assert.equal(norm(g[m]), norm(e[m]), `table ${k} ${m}`);
        const {seen, used, blank, diagnosed} = got[k].line_stats;
        assert.equal(seen, used + blank + diagnosed, `table ${k} line accounting`);
        assert.equal(got[k].indicators.length, e.indicators.length, `table ${k} rows`);
        e.indicators.forEach((row, i) => {
          const gr = got[k].indicators[i] as unknown as Record<string, unknown>;
          for (const c of CELLS) { cells++; if (norm(row[c]) === norm(gr[c])) ok++; }
        });
      });
      assert.ok(ok / cells >= 0.99, `${ok}/${cells}`);
    });
  }
}

/** A table's metadata as compared with the spec's. */
const metaOf = (t: object): unknown[] => META.map((m) => norm((t as Record<string, unknown>)[m]));

/** In each mode, the table's metadata and the named rows (indexes) are the spec's, cell by cell; returns the tables. */
function assertNamedRows(spec: string, modes: readonly string[], rows: readonly number[]): Array<ReturnType<typeof extracted>[number]> {
  const [e] = expectedOf(spec);
  return modes.map((mode) => {
    const [t] = extracted(spec, mode);
    assert.deepEqual(metaOf(t), metaOf(e), `${mode} metadata`);
    for (const i of rows) assert.deepEqual(cellsOf(t.indicators[i] as never), cellsOf(e.indicators[i]), `${mode} row ${i}`);
    return t;
  });
}

const ALL_MODES = ['raw', 'libreoffice', 'webcopy', 'mupdf', 'layout'];

test('extractText(rendered/mof-shenbao-water.*): the Ministry of Finance 项目支出绩效目标申报表 — 年度绩效指标 is no column, 成本指标 is a 二级 of 产出指标, no weights', () => {
  const [e] = expectedOf('mof-shenbao-water');
  for (const t of assertNamedRows('mof-shenbao-water', ALL_MODES, [0, 6, 11])) {
    assert.deepEqual(t.columns, e.columns);
    assert.deepEqual([t.department, t.leader, t.budget_total], ['清源县水利局', null, 1860]);
    assert.ok(t.goal?.startsWith('目标1：新建改造农村供水工程') && t.goal.endsWith('工程良性运行。'), `goal ${t.goal}`);
    const cost = t.indicators[6];
    assert.deepEqual([cost.level1, cost.level2, cost.level3, cost.target], ['产出指标', '成本指标', '供水管网改造单位成本', '≤18万元/公里']);
    assert.ok(t.indicators.every((r) => r.weight === null && r.basis === null && r.prior_year === null));
  }
});

test('extractText(rendered/mof-overall-civil.*): the 部门（单位）整体支出绩效目标申报表 — budget from the 金额合计 row, task rows no indicators', () => {
  const [e] = expectedOf('mof-overall-civil');
  const tasks = ['城乡低保和特困人员供养', '养老服务体系建设', '残疾人两项补贴', '社会事务管理'];
  for (const t of assertNamedRows('mof-overall-civil', ALL_MODES, [0, 7, 12])) {
    assert.deepEqual([t.kind, t.leader, t.budget_total, t.budget_fiscal, t.budget_other], ['overall', null, 4216, 3999.5, 216.5]);
    assert.deepEqual(t.columns, e.columns);
    assert.equal(t.indicators.length, e.indicators.length);
    assert.ok(t.indicators.every((r) => r.weight === null && !tasks.includes(r.level3) && !/\d,\d{3}\.\d{2}/.test(r.level3 + r.target)));
  }
});

test('extractText(rendered/seq-notes-education.*): 序号, 指标解释 and 备注 around the standard columns — no number or note leaks into a cell', () => {
  const [e] = expectedOf('seq-notes-education');
  assertNamedRows('seq-notes-education', ALL_MODES, e.indicators.map((_, i) => i));
  // Where the dump keeps cells apart (LibreOffice, a browser's copy), the notes are kept as they are printed.
  for (const t of assertNamedRows('seq-notes-education', ['libreoffice', 'webcopy'], [])) {
    assert.deepEqual(t.columns, e.columns);
    e.indicators.forEach((row, i) => assert.deepEqual([t.indicators[i].explanation, t.indicators[i].remark], [row.explanation, row.remark], `row ${i}`));
  }
});

test('extractText(rendered/pairs-a3-agriculture.*): label：value pairs in two columns, 二级 without 指标 ("数量", "经济成本")', () => {
  const [e] = expectedOf('pairs-a3-agriculture');
  for (const t of assertNamedRows('pairs-a3-agriculture', ALL_MODES, [1, 5, 8, 10])) {
    assert.deepEqual(t.indicators.map((r) => r.level2), e.indicators.map((r) => r.level2));
  }
});

test('extractText(rendered/mof-*.pdfminer.txt): a grid printed column by column under a header of names, its 指标值 named at its block, reads its rows', () => {
  for (const spec of ['mof-shenbao-water', 'mof-overall-civil']) {
    const [e] = expectedOf(spec);
    const [t] = extracted(spec, 'pdfminer');
    assert.deepEqual(metaOf(t), metaOf(e), spec);
    assert.equal(t.indicators.length, e.indicators.length, spec);
    assert.deepEqual(cellsOf(t.indicators[0] as never), cellsOf(e.indicators[0]), spec);
  }
});
