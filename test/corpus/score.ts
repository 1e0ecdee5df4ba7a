// Developer tool: score the extractor on the rendered corpus (test/fixtures/rendered/), per spec and mode.
// Usage: node --import tsx test/corpus/score.ts [--verbose] [--variant <name>] [mode…]
//   --variant lh1.2: the same specs re-rendered with another font size or line height
//   (test/fixtures/rendered-variants/<name>/, made by build.ts --variant): a check that a reader is not tuned
//   to the line breaks of one rendering.
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {extractText} from '../../src/index.ts';

const argv = process.argv.slice(2);
const variantAt = argv.indexOf('--variant');
const DIR = variantAt >= 0
  ? join(import.meta.dirname, '..', 'fixtures', 'rendered-variants', argv[variantAt + 1])
  : join(import.meta.dirname, '..', 'fixtures', 'rendered');
const CELLS = ['level1', 'level2', 'level3', 'target', 'basis', 'prior_year', 'weight', 'scoring_rule', 'evidence'] as const;
const META = ['kind', 'year', 'unit', 'project', 'leader', 'budget_total', 'budget_fiscal', 'budget_other'] as const;
const norm = (v: unknown): string | null => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return String(Math.round(v * 100) / 100);
  return String(v).normalize('NFKC').replace(/\s+/g, '').replace(/≥/g, '>=').replace(/≤/g, '<=');
};
const args = argv.filter((_, k) => variantAt < 0 || k !== variantAt + 1);
const verbose = args.includes('--verbose');
const modes = args.filter((a) => !a.startsWith('--'));
let total = {cells: 0, ok: 0, tables: 0, found: 0, meta: 0, metaOk: 0};
for (const f of readdirSync(DIR).filter((x) => x.endsWith('.txt')).sort()) {
  const [spec, mode] = f.replace(/\.txt$/, '').split('.');
  if (modes.length && !modes.includes(mode)) continue;
  const expected = JSON.parse(readFileSync(join(DIR, `${spec}.expected.json`), 'utf8')).tables as Array<Record<string, unknown>>;
  const got = extractText(readFileSync(join(DIR, f), 'utf8').replace(/^\uFEFF/, ''), {file: f}).tables;
  let cells = 0;
  let ok = 0;
  const notes: string[] = [];
  expected.forEach((e, k) => {
    const g = got[k] as unknown as Record<string, unknown> | undefined;
    for (const m of META) { total.meta++; if (g && norm(g[m]) === norm(e[m])) total.metaOk++; else notes.push(`  meta ${k} ${m}: ${e[m]} | ${g?.[m]}`); }
    const er = e.indicators as Array<Record<string, unknown>>;
    const gr = (g?.indicators ?? []) as Array<Record<string, unknown>>;
    er.forEach((row, i) => {
      for (const c of CELLS) {
        cells++;
        if (norm(row[c]) === norm(gr[i]?.[c])) ok++; else notes.push(`  cell ${k}#${i} ${c}: ${JSON.stringify(row[c])} | ${JSON.stringify(gr[i]?.[c])}`);
      }
    });
    if (gr.length !== er.length) notes.push(`  table ${k}: rows ${gr.length} expected ${er.length}`);
  });
  total.cells += cells; total.ok += ok; total.tables += expected.length; total.found += Math.min(got.length, expected.length);
  console.log(`${f.padEnd(48)} tables ${got.length}/${expected.length} cells ${(ok / cells * 100).toFixed(1)}%`);
  if (verbose) console.log(notes.slice(0, 40).join('\n'));
}
console.log(`ALL tables ${total.found}/${total.tables} cells ${(total.ok / total.cells * 100).toFixed(2)}% meta ${total.metaOk}/${total.meta}`);
