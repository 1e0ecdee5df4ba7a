// Aggregate a .cpuprofile by function (self and inclusive), mapping tsx-transformed positions back to TS lines.
import {readFileSync, readdirSync, statSync} from 'node:fs';
import {SourceMap} from 'node:module';
import {tmpdir} from 'node:os';
const [dir, nSelf = 35, nIncl = 50] = process.argv.slice(2);
const file = readdirSync(dir).map(f => dir + '/' + f).sort((a, b) => statSync(b).size - statSync(a).size)[0];
const p = JSON.parse(readFileSync(file, 'utf8'));
// tsx cache entries by source path; the right one is the entry whose code has the profile's named functions
// at the profile's columns.
const entries = new Map();
for (const d of readdirSync('/tmp').filter(d => d.startsWith('tsx-')).map(d => '/tmp/' + d)) for (const f of readdirSync(d)) {
  try { const j = JSON.parse(readFileSync(d + '/' + f, 'utf8')); const src = j.map?.sources?.[0]; if (src) { if (!entries.has(src)) entries.set(src, []); entries.get(src).push(j); } } catch {}
}
const named = new Map();
for (const n of p.nodes) { const c = n.callFrame; if (c.functionName && c.url.startsWith('file://')) { const path = new URL(c.url).pathname; if (!named.has(path)) named.set(path, []); named.get(path).push(c); } }
const smFor = new Map();
const sm = (url) => {
  if (!smFor.has(url)) {
    const path = new URL(url).pathname;
    let best = null, bestScore = -1;
    for (const j of entries.get(path) ?? []) {
      const lines = j.code.split('\n');
      let score = 0;
      for (const c of named.get(path) ?? []) if ((lines[c.lineNumber] ?? '').slice(c.columnNumber, c.columnNumber + 80).includes(c.functionName)) score++;
      if (score > bestScore) { bestScore = score; best = j; }
    }
    smFor.set(url, best ? new SourceMap(best.map) : null);
  }
  return smFor.get(url);
};
const byId = new Map(p.nodes.map(n => [n.id, n]));
const parent = new Map();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const keyCache = new Map();
const key = (n) => {
  if (keyCache.has(n.id)) return keyCache.get(n.id);
  const c = n.callFrame; let where = c.url.replace(/^file:\/\/\/work\/main\//, ''); let line = c.lineNumber + 1;
  if (c.url.startsWith('file:///work/main/src')) { const m = sm(c.url); if (m) { const e = m.findEntry(c.lineNumber, c.columnNumber); if (e && e.originalLine !== undefined) line = e.originalLine + 1; } }
  if (c.url.startsWith('node:')) where = 'node'; 
  const k = `${c.functionName || '(anonymous)'}  ${where}${where ? ':' + line : ''}`;
  keyCache.set(n.id, k); return k;
};
const self = new Map(), incl = new Map();
let total = 0;
for (let i = 0; i < p.samples.length; i++) {
  const dt = (p.timeDeltas[i + 1] ?? p.timeDeltas[i]) / 1000; total += dt;
  const n = byId.get(p.samples[i]);
  self.set(key(n), (self.get(key(n)) ?? 0) + dt);
  const seen = new Set();
  for (let id = n.id; id !== undefined; id = parent.get(id)) { const k = key(byId.get(id)); if (!seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) ?? 0) + dt); } }
}
const top = (m, k) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([name, t]) => `${t.toFixed(0).padStart(6)} ms ${(100 * t / total).toFixed(1).padStart(5)}%  ${name}`).join('\n');
console.log('total', total.toFixed(0), 'ms\n--- self ---\n' + top(self, +nSelf) + '\n--- inclusive ---\n' + top(incl, +nIncl));
