// The rendered corpus re-rendered with other font sizes and line heights (test/fixtures/rendered-variants/<v>/,
// build.ts --variant): the same expected rows, other line breaks and row heights. A reader tuned to the line
// breaks of one rendering fails here; the floors are what the readers reach on them (issue 4 aims at 0.99; the
// default dumps lack some prior values "-" that pdftotext does not print, about 1% of their cells).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readdirSync} from 'node:fs';
import {join} from 'node:path';
import {scoreDump} from '../helpers/rendered.ts';

const ROOT = join(import.meta.dirname, '..', 'fixtures', 'rendered-variants');

/** Share of cells matched, over all dumps of a mode, per variant: [raw, layout, default]. */
const FLOORS: Record<string, [number, number, number]> = {
  'f+0.5': [0.99, 0.995, 0.82],
  'f-0.5': [0.99, 0.997, 0.84],
  'lh1.2': [0.99, 0.996, 0.86],
  'lh1.5': [0.99, 0.995, 0.83],
  'f+0.8-lh1.25': [0.99, 0.995, 0.87],
  'f-0.8-lh1.45': [0.99, 0.992, 0.82],
};

/** Dumps whose tables are not all found yet (variant/file): issue 4 wants this empty. */
const KNOWN_MISCOUNT = new Set<string>([]);

for (const [variant, floors] of Object.entries(FLOORS)) {
  const dir = join(ROOT, variant);
  (['raw', 'layout', 'default'] as const).forEach((mode, m) => {
    test(`extractText(rendered-variants/${variant}/*.${mode}.txt) matches at least ${floors[m] * 100}% of the cells, every line accounted for`, () => {
      const files = readdirSync(dir).filter((f) => f.endsWith(`.${mode}.txt`));
      assert.equal(files.length, 13);
      let cells = 0;
      let matched = 0;
      for (const f of files) {
        const s = scoreDump(dir, f);
        cells += s.cells;
        matched += s.matched;
        if (mode !== 'default' && !KNOWN_MISCOUNT.has(`${variant}/${f}`)) assert.equal(s.tables.length, s.expectedTables, `${f}: tables`);
        s.tables.forEach((t, k) => {
          const l = t.line_stats;
          assert.equal(l.seen, l.used + l.blank + l.diagnosed, `${f} table ${k}: ${JSON.stringify(l)}`);
        });
      }
      assert.ok(matched / cells >= floors[m], `${matched}/${cells} = ${(matched / cells).toFixed(4)}`);
    });
  });
}
