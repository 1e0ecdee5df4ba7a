// Digits typed in an input method's full-width mode (２０２５年, ９５％, 权重 １０, 预算 ８６２．５０): numbers are read from
// them (weights, amounts, years, targets), while every cell keeps the characters as printed. The dumps are the
// rendered corpus' with every ASCII digit, "." and "%" turned full-width; the expected rows come from the specs.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {extractText} from '../../src/index.ts';
import {assertTablesAndMeta} from '../helpers/rendered.ts';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'rendered');
const fullWidth = (s: string): string => s.replace(/[0-9.%]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

for (const mode of ['raw', 'libreoffice', 'webcopy', 'mupdf', 'markdown']) {
  test(`extractText(rendered/*.${mode}.txt with full-width digits) finds every table, its metadata and 99% of the cells`, () => {
    const files = readdirSync(DIR).filter((x) => x.endsWith(`.${mode}.txt`));
    const {cells, matched: ok} = assertTablesAndMeta(DIR, files, (f) => fullWidth(readFileSync(join(DIR, f), 'utf8')));
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
