import {analyzeFile, isFailure, expandPaths} from '/work/main/src/io/files.ts';
import {weightChart} from '/work/main/src/report/charts.ts';
import {renderPng, renderSvg, loadChartFonts} from '/work/main/src/report/render.ts';
const {files} = await expandPaths(['data']);
const docs: any[] = [];
for (const f of files) { const r = await analyzeFile(f); if (!isFailure(r)) docs.push(r); }
console.time('fonts'); await loadChartFonts(); console.timeEnd('fonts');
console.time('svg'); const svg = await renderSvg(weightChart(docs)); console.timeEnd('svg');
console.time('svg2'); await renderSvg(weightChart(docs)); console.timeEnd('svg2');
console.time('png'); await renderPng(svg); console.timeEnd('png');
console.time('png2'); await renderPng(svg); console.timeEnd('png2');
