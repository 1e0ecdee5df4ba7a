// The five bundled documents against their hand-checked expected rows: every table, every cell, exactly.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {bundledNames, expectedTables, extracted} from '../helpers/bundled.ts';

const CELLS = ['level1', 'level2', 'level3', 'target', 'basis', 'prior_year', 'weight', 'scoring_rule', 'evidence'] as const;
const META = ['kind', 'title_line', 'year', 'unit', 'project', 'leader', 'budget_total', 'budget_fiscal', 'budget_other', 'columns'] as const;

test('extractText(data/*) finds 32 tables and 280 indicator rows', () => {
  const names = bundledNames();
  assert.equal(names.length, 5);
  const tables = names.flatMap((n) => extracted(n).tables);
  assert.equal(tables.length, 32);
  assert.equal(tables.reduce((n, t) => n + t.indicators.length, 0), 280);
  const kinds = names.map((n) => extracted(n).tables.map((t) => t.kind[0]).join(''));
  assert.deepEqual(kinds, ['o' + 'p'.repeat(13), 'pp', 'p'.repeat(9), 'opp', 'oppp']);
});

for (const name of bundledNames()) {
  for (const exp of expectedTables(name)) {
    test(`extractText(${name}) table at line ${exp.title_line} matches the expected metadata and every cell`, () => {
      const got = extracted(name).tables.find((t) => t.title_line === exp.title_line);
      assert.ok(got, `table at ${exp.title_line} not found`);
      for (const k of META) assert.deepEqual(got[k], exp[k], `${k}`);
      assert.equal(got.indicators.length, exp.indicators.length, 'row count');
      exp.indicators.forEach((row, i) => {
        const actual = Object.fromEntries(CELLS.map((c) => [c, got.indicators[i][c]]));
        const expected = Object.fromEntries(CELLS.map((c) => [c, row[c]]));
        assert.deepEqual(actual, expected, `row ${i}`);
      });
    });
  }
  test(`extractText(${name}): every table's weights add up to 90, as printed`, () => {
    for (const t of extracted(name).tables) {
      const sum = t.indicators.reduce((s, r) => s + (r.weight ?? 0), 0);
      assert.equal(sum, 90, `table at ${t.title_line}`);
    }
  });
  test(`extractText(${name}): lines seen = used + blank + diagnosed for every table, and no text is lost`, () => {
    const e = extracted(name);
    for (const t of e.tables) {
      const s = t.line_stats;
      assert.equal(s.seen, t.lines[1] - t.lines[0] + 1, `seen at ${t.title_line}`);
      assert.equal(s.seen, s.used + s.blank + s.diagnosed, `reconcile at ${t.title_line}: ${JSON.stringify(s)}`);
    }
    assert.deepEqual(e.diagnostics.filter((d) => d.severity !== 'info'), []);
  });
  test(`extractText(${name}): every row's lines lie inside its table`, () => {
    for (const t of extracted(name).tables) {
      for (const r of t.indicators) {
        assert.ok(r.lines[0] >= t.lines[0] && r.lines[1] <= t.lines[1] && r.lines[0] <= r.lines[1], `${t.title_line}: ${r.level3}`);
      }
    }
  });
}
