// analyzeDocument on the five bundled documents: the FORMAT.md analysis fields on every table and indicator,
// document findings and summary; summarizeWeights / summarizeRatios / distribution (simple-statistics).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {bundledNames, DATA, extracted} from '../helpers/bundled.ts';
import {
  allFindings, analyzeDocument, analyzeTable, distribution, summarizeFindings, summarizeRatios, summarizeWeights,
  type AnalyzedDocument,
} from '../../src/analyze/index.ts';
import type {DocumentResult} from '../../src/types.ts';

const docOf = (name: string): DocumentResult => ({source: name, encoding: 'utf-8', ...extracted(name)});
const linesOf = (name: string): string[] => readFileSync(join(DATA, name), 'utf8').split('\n');
const fileOf = (prefix: string): string => bundledNames().find((n) => n.startsWith(prefix)) as string;

const analyzed = new Map<string, AnalyzedDocument>();
function analyzedOf(name: string): AnalyzedDocument {
  let d = analyzed.get(name);
  if (!d) { d = analyzeDocument(docOf(name), linesOf(name)); analyzed.set(name, d); }
  return d;
}

for (const name of bundledNames()) {
  test(`analyzeDocument(${name}) adds checks to every table and the analysis fields to every indicator`, () => {
    const d = analyzedOf(name);
    const src = docOf(name);
    assert.equal(d.tables.length, src.tables.length);
    d.tables.forEach((t, k) => {
      const orig = src.tables[k];
      for (const key of ['kind', 'title_line', 'lines', 'year', 'unit', 'project', 'budget_total', 'columns'] as const) assert.deepEqual(t[key], orig[key]);
      assert.equal(t.checks.weight_sum, 90);
      assert.equal(t.checks.weight_status, 'reserved-10');
      assert.ok(Array.isArray(t.checks.findings));
      assert.equal(t.checks.coverage.indicators, t.indicators.length);
      assert.equal(Object.values(t.checks.level1_shares).reduce((a, b) => a + b, 0), 90);
      for (const f of t.checks.findings) {
        assert.equal(f.table_line, t.title_line);
        assert.ok(f.lines[0] >= t.lines[0] && f.lines[1] <= t.lines[1], `${f.code} ${f.lines} outside ${t.lines}`);
      }
      t.indicators.forEach((i, j) => {
        assert.deepEqual({...orig.indicators[j]}, Object.fromEntries(Object.keys(orig.indicators[j]).map((key) => [key, (i as unknown as Record<string, unknown>)[key]])));
        assert.ok(['quantitative', 'qualitative', 'date'].includes(i.target_parsed.kind), `${i.lines[0]} ${i.target}`);
        assert.equal(i.target_parsed.raw, i.target);
        assert.ok(i.prior_parsed === null || i.prior_parsed.raw === i.prior_year);
        assert.match(i.type, /^[\u4e00-\u9fa5]+(-[\u4e00-\u9fa5]+)?$/);
        assert.ok(['higher', 'lower', 'exact', 'unknown'].includes(i.direction));
        assert.ok(['raised', 'kept', 'lowered', 'not-comparable', 'no-history'].includes(i.prior_comparison.status));
      });
    });
    const all = allFindings(d);
    assert.equal(d.summary.total, all.length);
    assert.equal(Object.values(d.summary.by_code).reduce((a, b) => a + b, 0), all.length);
    assert.equal(d.summary.by_severity.error + d.summary.by_severity.warning + d.summary.by_severity.info, all.length);
    assert.ok(d.disclosure?.disclosure, 'the (四) paragraph is found');
    assert.deepEqual(JSON.parse(JSON.stringify(d.tables[0].checks)), d.tables[0].checks, 'JSON-safe');
  });
}

test('analyzeDocument(004) target_parsed of 发放养老保险补助人数 is FORMAT\'s example: >= 17.34 万人, quantitative', () => {
  const i = analyzedOf(fileOf('004')).tables[0].indicators[0];
  assert.equal(i.level3, '发放养老保险补助人数');
  assert.deepEqual(i.target_parsed, {comparator: '>=', value: 17.34, unit: '万人', kind: 'quantitative', raw: '>=17.34万人'});
  assert.equal(i.prior_parsed, null);
  assert.equal(i.type, '履职效能-数量');
});

test('analyzeDocument(002) row 757 补助发放人次: type 产出-数量, direction higher, prior lowered, finding target-below-prior on the table', () => {
  const t = analyzedOf(fileOf('002')).tables.find((x) => x.title_line === 747);
  const i = t?.indicators.find((x) => x.lines[0] === 757);
  assert.equal(i?.type, '产出-数量');
  assert.equal(i?.direction, 'higher');
  assert.equal(i?.prior_comparison.status, 'lowered');
  assert.ok(t?.checks.findings.some((f) => f.code === 'target-below-prior' && f.lines[0] === 757));
});

test('analyzeDocument(004) document findings: the announced 5532.3 vs the table\'s 5332.3 is the only warning', () => {
  const d = analyzedOf(fileOf('004'));
  assert.deepEqual(d.findings.filter((f) => f.severity === 'warning').map((f) => f.code), ['disclosure-amount-gap']);
  assert.equal(d.summary.by_code['disclosure-amount-gap'], 1);
});

test('analyzeDocument without lines adds no document findings and no disclosure', () => {
  const d = analyzeDocument(docOf(fileOf('003')));
  assert.deepEqual(d.findings, []);
  assert.equal(d.disclosure, undefined);
  assert.equal(d.summary.total, d.tables.reduce((n, t) => n + t.checks.findings.length, 0));
});

test('analyzeDocument does not change its input', () => {
  const src = docOf(fileOf('001'));
  const before = JSON.stringify(src);
  analyzeDocument(src, linesOf(fileOf('001')));
  assert.equal(JSON.stringify(src), before);
});

test('analyzeTable orders findings by line, table-level ones first (000:1821)', () => {
  const t = analyzeTable(extracted(fileOf('000')).tables.find((x) => x.title_line === 1821)!);
  const firsts = t.checks.findings.map((f) => f.lines[0]);
  assert.deepEqual(firsts, [...firsts].sort((a, b) => a - b));
  assert.equal(firsts[0], 1821);
});

test('document coverage of 002: 9 tables, every row with a prior value', () => {
  const c = analyzedOf(fileOf('002')).coverage;
  assert.equal(c.indicators, 64);
  assert.equal(c.prior_share, 1);
  assert.ok(c.types_present.includes('满意度'));
});

test('summarizeFindings counts by severity and by code, codes sorted', () => {
  const s = summarizeFindings(analyzedOf(fileOf('001')).tables.flatMap((t) => t.checks.findings));
  assert.deepEqual(Object.keys(s.by_code), [...Object.keys(s.by_code)].sort());
  assert.equal(s.by_code['too-many-rows'], 1);
});

test('summarizeWeights over data/: 32 tables all reserved-10, 280 row weights with median 10, satisfaction always 10', () => {
  const w = summarizeWeights(bundledNames().map(analyzedOf));
  assert.equal(w.tables, 32);
  assert.deepEqual(w.by_status, {ok: 0, 'reserved-10': 32, mismatch: 0, missing: 0});
  assert.equal(w.weight_sum.min, 90);
  assert.equal(w.weight_sum.max, 90);
  assert.equal(w.weights.count, 280);
  assert.equal(w.weights.median, 10);
  assert.equal(w.weights.min, 1);
  assert.equal(w.weights.max, 30);
  assert.equal(w.group_shares.满意度.min, 10);
  assert.equal(w.group_shares.满意度.max, 10);
});

test('summarizeRatios over data/: statuses cover all 280 rows; the lowest ratio is 002:773 (5000 / 17000)', () => {
  const r = summarizeRatios(bundledNames().map(analyzedOf));
  assert.equal(r.raised + r.kept + r.lowered + r.not_comparable + r.no_history, 280);
  assert.ok(Math.abs((r.all.min ?? 0) - 5000 / 17000) < 1e-9);
  assert.equal(r.all.median, 1);
  assert.equal(r.by_direction.higher.max, 20);
  assert.ok(r.lowered >= 16);
});

test('distribution: empty gives nulls; [1, 2, 3, 4] gives mean 2.5, median 2.5, quartiles 1.75 / 3.25', () => {
  assert.deepEqual(distribution([]), {count: 0, mean: null, median: null, min: null, max: null, q25: null, q75: null, stdev: null});
  const d = distribution([4, 1, 3, 2, Number.NaN]);
  assert.equal(d.count, 4);
  assert.equal(d.mean, 2.5);
  assert.equal(d.median, 2.5);
  assert.equal(d.min, 1);
  assert.equal(d.q25, 1.75);
  assert.equal(d.q75, 3.25);
  assert.equal(distribution([7]).stdev, null);
});
