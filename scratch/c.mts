import {writeFileSync} from 'node:fs';
import {analyzeFile, isFailure, expandPaths} from '/work/main/src/io/files.ts';
import {CHARTS} from '/work/main/src/report/charts.ts';
import {renderPng, renderSvg} from '/work/main/src/report/render.ts';
const {files} = await expandPaths(['data']);
const docs: any[] = [];
for (const f of files) { const r = await analyzeFile(f); if (!isFailure(r)) docs.push(r); }
for (const c of CHARTS) {
  console.time(c.name);
  const svg = await renderSvg(c.build(docs));
  writeFileSync(`/tmp/ch/${c.name}.svg`, svg);
  writeFileSync(`/tmp/ch/${c.name}.png`, await renderPng(svg));
  console.timeEnd(c.name);
}
