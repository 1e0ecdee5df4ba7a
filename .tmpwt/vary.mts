import {readFileSync, readdirSync} from 'node:fs';
import {extractText} from '../src/extract/index.ts';
import {normalizeText} from '../src/extract/decode.ts';
const PREFIXES = ['', '阿克苏', '和田', '哈密', '吐鲁番', '塔城', '阿勒泰', '喀什'];
function vary(text: string, k: number): string {
  if (k === 0) return text;
  let out = text;
  const unit = /预算单位[\s|]*([^\s|]{4,})/.exec(text)?.[1];
  if (unit) out = out.split(unit).join(PREFIXES[k % PREFIXES.length] + unit);
  out = out.replace(/(\d+)(\s?)(人|次|天|个|户|家|项|场|期|台|套|篇|条)/g, (_, n: string, sp: string, u: string) => `${Number(n) + k}${sp}${u}`);
  if (k % 4 === 3) out = out.replace(/\r?\n/g, '\r\n');
  return out;
}
for (const n of readdirSync('data')) {
  const t = readFileSync('data/' + n, 'utf8');
  const unit = /预算单位[\s|]*([^\s|]{4,})/.exec(t)?.[1];
  const base = extractText(t);
  const sig = (e: any) => [e.tables.length, e.tables.reduce((a: number, x: any) => a + x.indicators.length, 0), e.diagnostics.length].join('/');
  const outs = [1, 3, 17, 250].map(k => sig(extractText(normalizeText(vary(t, k)))));
  console.log(n, unit, sig(base), outs.join(' '), extractText(normalizeText(vary(t, 17))).tables[0]?.unit);
}
