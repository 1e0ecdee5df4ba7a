// Writing the report folder: CSV files (indicators, tables, diagnostics) and the extract JSON, then the charts
// (.vl.json, .svg, .png) and report.html with its font subset embedded. The only module besides io/files.ts
// that writes to disk.
import {mkdir, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {CHARTS, type ChartOptions} from '../report/charts.ts';
import {buildPage, type PageChart, type PageFont} from '../report/page.ts';
import {loadChartFonts, renderPng, renderSvg} from '../report/render.ts';
import {subsetFont} from '../report/subset.ts';
import {diagnosticsToCsv, findingsToCsv, indicatorsToCsv, tablesToCsv} from '../report/csv.ts';
import type {AnalyzedDocument} from '../analyze/types.ts';
import {toJson} from '../report/json.ts';
import type {DocumentResult} from '../types.ts';

/** Files written, relative to the output folder. */
export interface Written {
  dir: string;
  files: string[];
}

/**
 * Write CSV and JSON for the documents into `dir` (created if missing).
 * @example await writeDataFiles('reports', docs) // => {dir: 'reports', files: ['indicators.csv', …]}
 */
export async function writeDataFiles(dir: string, docs: ReadonlyArray<DocumentResult>, analyzed: ReadonlyArray<AnalyzedDocument> = []): Promise<Written> {
  await mkdir(dir, {recursive: true});
  const files: Array<[string, string]> = [
    ['indicators.csv', indicatorsToCsv(docs)],
    ['tables.csv', tablesToCsv(docs)],
    ['diagnostics.csv', diagnosticsToCsv(docs)],
    [analyzed.length > 0 ? 'analysis.json' : 'extract.json', toJson(docs) + '\n'],
  ];
  if (analyzed.length > 0) files.push(['findings.csv', findingsToCsv(analyzed)]);
  for (const [name, text] of files) await writeFile(join(dir, name), text);
  return {dir, files: files.map(([name]) => name)};
}

/** Options of {@link writeReport}. */
export interface ReportOptions {
  /** Also write each chart as PNG (default: true). */
  png?: boolean;
  /** Options passed to every chart builder. */
  charts?: ChartOptions;
}

/**
 * Write every chart as `<name>.vl.json`, `<name>.svg` and `<name>.png`, and `report.html` (charts inline, the
 * Noto Sans SC regular and bold faces embedded, cut down to the page's characters) into `dir`.
 * @example await writeReport('reports', analyzed) // => {dir: 'reports', files: ['weights.vl.json', …, 'report.html']}
 */
export async function writeReport(dir: string, docs: ReadonlyArray<AnalyzedDocument>, options: ReportOptions = {}): Promise<Written> {
  await mkdir(dir, {recursive: true});
  const files: string[] = [];
  const charts: PageChart[] = [];
  for (const c of CHARTS) {
    const spec = c.build(docs, options.charts);
    const svg = await renderSvg(spec);
    await writeFile(join(dir, `${c.name}.vl.json`), JSON.stringify(spec, null, 2) + '\n');
    await writeFile(join(dir, `${c.name}.svg`), svg);
    files.push(`${c.name}.vl.json`, `${c.name}.svg`);
    if (options.png ?? true) {
      await writeFile(join(dir, `${c.name}.png`), await renderPng(svg));
      files.push(`${c.name}.png`);
    }
    charts.push({name: c.name, title: c.title, svg});
  }
  await writeFile(join(dir, 'report.html'), await reportHtml(docs, charts));
  return {dir, files: [...files, 'report.html']};
}

/** The page, with the font faces cut down to the characters it shows (the page is built twice: text, then fonts). */
export async function reportHtml(docs: ReadonlyArray<AnalyzedDocument>, charts: ReadonlyArray<PageChart>): Promise<string> {
  const text = buildPage({docs, charts});
  const f = await loadChartFonts();
  const fonts: PageFont[] = [
    {family: f.family, weight: 400, base64: Buffer.from(subsetFont(f.regular, text)).toString('base64')},
    {family: f.family, weight: 700, base64: Buffer.from(subsetFont(f.bold, text)).toString('base64')},
  ];
  return buildPage({docs, charts, fonts});
}
