// Digits typed in an input method's full-width mode (２０２５年, ９５％, 权重 １０, 预算 ８６２．５０): numbers are read from
// them (weights, amounts, years, targets), while every cell keeps the characters as printed. The dumps are the
// rendered corpus' with every ASCII digit, "." and "%" turned full-width; the expected rows come from the specs.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {extractText} from '../../src/index.ts';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'rendered');
const CELLS = ['level1', 'level2', 'level3', 'target', 'basis', 'prior_year', 'weight', 'scoring_rule', 'evidence'] as const;
const META = ['kind', 'year', 'unit', 'project', 'leader', 'budget_total', 'budget_fiscal', 'budget_other'] as const;
const norm = (v: unknown): string | null => (v === null || v === undefined ? null
  : typeof v === 'number' ? String(Math.round(v * 100) / 100) : String(v).normalize('NFKC').replace(/\s+/g, ''));
const fullWidth = (s: string): string => s.replace(/[0-9.%]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

for (const mode of ['raw', 'libreoffice', 'webcopy', 'mupdf', 'markdown']) {
  test(`extractText(rendered/*.${mode}.txt with full-width digits) finds every table, its metadata and 99% of the cells`, () => {
    let cells = 0;
    let ok = 0;
    for (const f of readdirSync(DIR).filter((x) => x.endsWith(`.${mode}.txt`))) {
      const expected = JSON.parse(readFileSync(join(DIR, f.replace(`.${mode}.txt`, '.expected.json')), 'utf8')).tables;
      const got = extractText(fullWidth(readFileSync(join(DIR, f), 'utf8')), {file: f}).tables;
      assert.equal(got.length, expected.length, f);
      expected.forEach((e: Record<string, unknown>, k: number) => {
        const g = got[k] as unknown as Record<string, unknown>;
        for (const m of META) assert.equal(norm(g[m]), norm(e[m]), `${f} table ${k} ${m}`);
        (e.indicators as Array<Record<string, unknown>>).forEach((row, i) => {
          const gr = (g.indicators as Array<Record<string, unknown>>)[i];
          for (const c of CELLS) { cells++; if (norm(row[c]) === norm(gr?.[c])) ok++; }
        });
      });
    }
    assert.ok(ok / cells >= 0.99, `${ok}/${cells}`);
  });
}

test('extractText(full-width digits) reads the numbers and keeps the printed characters in the cells', () => {
  const text = fullWidth(readFileSync(join(DIR, 'exec-rate-education.webcopy.txt'), 'utf8'));
  const [t] = extractText(text, {file: 'x'}).tables;
  assert.deepEqual([t.year, t.budget_total, t.budget_fiscal, t.budget_other], [2025, 862.5, 862.5, 0]);
  const r = t.indicators[0];
  assert.deepEqual([r.level3, r.target, r.prior_year, r.weight], ['普惠性幼儿园补助园数', '≥４５所', '４２所', 10]);
  assert.equal(t.indicators.reduce((n, x) => n + (x.weight ?? 0), 0), 100);
});
