import {readFileSync, readdirSync} from 'node:fs';
import {extractRegion, extractText} from '../src/extract/index.ts';
import {decodeBytes} from '../src/extract/decode.ts';
import {splitLines, tokenizeLines} from '../src/extract/lines.ts';
import {locateTables} from '../src/extract/locate.ts';
const files = readdirSync('data').map(f => 'data/' + f);
const texts = files.map(f => decodeBytes(readFileSync(f)).text);
for (let r = 0; r < 5; r++) for (const t of texts) extractText(t); // warm
const rows: any[] = [];
for (const [d, text] of texts.entries()) {
  const lines = splitLines(text);
  let t = performance.now(); for (let k = 0; k < 10; k++) locateTables(lines); const loc = (performance.now() - t) / 10;
  const regions = locateTables(lines);
  let docTotal = 0;
  for (const reg of regions) {
    t = performance.now();
    let res; for (let k = 0; k < 10; k++) res = extractRegion(lines, reg, 'x');
    const ms = (performance.now() - t) / 10; docTotal += ms;
    const toks = tokenizeLines(lines.slice(reg.start, reg.end)).length;
    rows.push({doc: d, line: reg.titleLine, kind: reg.kind, nLines: reg.end - reg.start + 1, tokens: toks, layout: res!.table.layout, cols: res!.table.columns.length, rows: res!.table.indicators.length, ms: +ms.toFixed(2)});
  }
  console.log(files[d], 'bytes', readFileSync(files[d]).length, 'lines', lines.length, 'locate', loc.toFixed(2), 'ms; regions', regions.length, 'total', docTotal.toFixed(1), 'ms');
}
rows.sort((a, b) => b.ms - a.ms);
console.table(rows.slice(0, 15));
const by = (k: string) => Object.entries(rows.reduce((m: any, r) => { m[r[k]] = m[r[k]] ?? {ms: 0, tokens: 0, n: 0}; m[r[k]].ms += r.ms; m[r[k]].tokens += r.tokens; m[r[k]].n++; return m; }, {}));
console.log('by layout', by('layout').map(([k, v]: any) => `${k}: ${v.n} tables, ${v.tokens} tokens, ${v.ms.toFixed(1)} ms, ${(1000 * v.ms / v.tokens).toFixed(1)} µs/token`).join('; '));
