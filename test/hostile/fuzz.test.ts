// Property tests on the bundled documents with a fixed seed: page furniture inserted, blank lines added, wrapped
// cells re-wrapped at other widths, CRLF. Every row must come out with the same cells, or a warning/error
// diagnostic must name the damage. Invariants, not snapshots; the case count is bounded.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {extractText, type Extraction} from '../../src/index.ts';
import {bundledNames, DATA} from '../helpers/bundled.ts';
import {random} from '../helpers/random.ts';

const SEEDS = [1, 2, 3];
const CELLS = ['level1', 'level2', 'level3', 'target', 'basis', 'prior_year', 'weight', 'scoring_rule', 'evidence'] as const;


/** Lines that lie inside a table of the original extraction (after its title). */
function tableLines(e: Extraction): number[] {
  return e.tables.flatMap((t) => Array.from({length: t.lines[1] - t.lines[0]}, (_, k) => t.lines[0] + 1 + k));
}

type Mutation = (lines: string[], inside: number[], rnd: () => number) => string[];

/** Insert page footers ("第 N 页 共 M 页", "- N -") and blank lines before random lines inside tables. */
const furniture: Mutation = (lines, inside, rnd) => {
  const at = new Set(inside.filter(() => rnd() < 0.04));
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (at.has(i + 1)) {
      const n = 2 + Math.floor(rnd() * 40);
      out.push('', rnd() < 0.5 ? `第 ${n} 页 共 ${n + 3} 页` : `- ${n} -`, '');
    }
    out.push(line);
  });
  return out;
};

/** Add blank lines and trailing spaces inside tables. */
const blanks: Mutation = (lines, inside, rnd) => {
  const at = new Set(inside.filter(() => rnd() < 0.1));
  return lines.flatMap((line, i) => (at.has(i + 1) ? ['', line + '  '] : [line]));
};

/** Re-wrap: split a Chinese run of a line without tabs inside a table into two lines, as a narrower column would. */
const rewrap: Mutation = (lines, inside, rnd) => {
  const at = new Set(inside.filter(() => rnd() < 0.15));
  return lines.flatMap((line, i) => {
    if (!at.has(i + 1) || line.includes('\t')) return [line];
    const m = /[\u4e00-\u9fa5]{4,}/.exec(line);
    if (!m) return [line];
    const cut = m.index + 2 + Math.floor(rnd() * (m[0].length - 3));
    return [line.slice(0, cut), '', line.slice(cut)];
  });
};

const cellsOf = (e: Extraction) => e.tables.map((t) => ({
  kind: t.kind, unit: t.unit, project: t.project, budget_total: t.budget_total,
  rows: t.indicators.map((r) => CELLS.map((c) => r[c])),
}));

for (const name of bundledNames()) {
  const text = readFileSync(join(DATA, name), 'utf8');
  const original = extractText(text, {file: name});
  const inside = tableLines(original);
  for (const [label, mutate] of [['page furniture', furniture], ['blank lines', blanks], ['re-wrapped cells', rewrap]] as const) {
    test(`extractText(${name} with ${label}, CRLF, seeds ${SEEDS.join(',')}) keeps every cell or names the damage`, () => {
      for (const seed of SEEDS) {
        const mutated = mutate(text.split('\n'), inside, random(seed)).join('\r\n');
        const got = extractText(mutated.replace(/\r\n/g, '\n'), {file: name});
        const damage = got.diagnostics.filter((d) => d.severity !== 'info');
        if (damage.length > 0) continue;
        assert.deepEqual(cellsOf(got), cellsOf(original), `seed ${seed}`);
      }
    });
  }
}
