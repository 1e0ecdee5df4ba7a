// Shared by the notebooks: analyse the bundled documents through the public API (src/index.ts only), and write
// a notebook's outputs (markdown, CSV, a chart as .vl.json + .svg + .png) under reports/notebooks/<name>/.
import {mkdir, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {analyzeFile, expandPaths, isFailure, renderPng, renderSvg, toCsv, type AnalyzedDocument, type DataFrame} from '../src/index.ts';

export const ROOT = join(import.meta.dirname, '..');

/** Every document of `paths` (default: data/), extracted and analysed; unreadable files are reported and skipped. */
export async function loadAnalyzed(paths: string[] = [join(ROOT, 'data')]): Promise<AnalyzedDocument[]> {
  const {files, missing} = await expandPaths(paths);
  const docs: AnalyzedDocument[] = [];
  for (const f of [...missing]) process.stderr.write(`skipped ${f.path}: ${f.message}\n`);
  for (const file of files) {
    const r = await analyzeFile(file);
    if (isFailure(r)) process.stderr.write(`skipped ${file}: ${r.message}\n`);
    else docs.push(r as AnalyzedDocument);
  }
  return docs;
}

/** reports/notebooks/<name>/, created. */
export async function outputDir(name: string): Promise<string> {
  const dir = join(ROOT, 'reports', 'notebooks', name);
  await mkdir(dir, {recursive: true});
  return dir;
}

/** Write a Vega-Lite spec as <name>.vl.json, .svg and .png into `dir`. */
export async function writeChart(dir: string, name: string, spec: Parameters<typeof renderSvg>[0]): Promise<void> {
  const svg = await renderSvg(spec);
  await writeFile(join(dir, `${name}.vl.json`), JSON.stringify(spec, null, 2) + '\n');
  await writeFile(join(dir, `${name}.svg`), svg);
  await writeFile(join(dir, `${name}.png`), await renderPng(svg));
}

/** A DataFrame as CSV text (UTF-8 with BOM, CRLF, formula-safe: the project's CSV writer). */
export const frameCsv = (df: DataFrame): string => toCsv(df.columns, df.values as Array<Array<string | number | null>>);

/** A markdown table; numbers rounded to 2 decimals. */
export function mdTable(header: string[], rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  const cell = (v: string | number | null): string => (v === null ? '—' : typeof v === 'number' ? String(Math.round(v * 100) / 100) : v.replace(/\|/g, '\\|'));
  return [`| ${header.join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

/** Percent with one decimal. */
export const pct = (r: number): string => `${Math.round(r * 1000) / 10}%`;
