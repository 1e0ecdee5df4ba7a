// The bench corpus: copies of the bundled documents (data/*.txt) with the unit name and counts changed and every
// fourth copy with CRLF line ends, ~49 KB a document. Shared by `npm run bench` (run.ts) and the output snapshot
// (snapshot.ts), so both measure and check the same texts.
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {extractText} from '../../src/extract/index.ts';

export const DATA = join(import.meta.dirname, '..', '..', 'data');

const PREFIXES = ['', '阿克苏', '和田', '哈密', '吐鲁番', '塔城', '阿勒泰', '喀什'];

/** Copy `k` of a bundled document: unit name prefixed, counts (…人, …次) raised by k, CRLF for every fourth copy. */
function vary(text: string, unit: string | null, k: number): string {
  if (k === 0) return text;
  let out = text;
  if (unit) out = out.split(unit).join(PREFIXES[k % PREFIXES.length] + unit);
  out = out.replace(/(\d+)(\s?)(人|次|天|个|户|家|项|场|期|台|套|篇|条)/g, (_, n: string, sp: string, u: string) => `${Number(n) + k}${sp}${u}`);
  if (k % 4 === 3) out = out.replace(/\r?\n/g, '\r\n');
  return out;
}

/**
 * The first `count` documents of the corpus in order: document i is copy ⌊i / 5⌋ of bundled document i mod 5,
 * named `<i, 5 digits>_<bundled name>`.
 */
export function benchCorpus(count: number): Array<{name: string; text: string}> {
  const names = readdirSync(DATA).filter((f) => f.endsWith('.txt')).sort();
  const texts = names.map((n) => readFileSync(join(DATA, n), 'utf8'));
  // The unit name as extracted (预算单位), to be varied wherever it appears.
  const units = texts.map((t) => extractText(t).tables.find((x) => x.unit)?.unit ?? null);
  const out: Array<{name: string; text: string}> = [];
  for (let i = 0; i < count; i++) {
    const d = i % names.length;
    out.push({name: `${String(i).padStart(5, '0')}_${names[d]}`, text: vary(texts[d], units[d], Math.floor(i / names.length))});
  }
  return out;
}
