import {readFileSync, readdirSync} from 'node:fs';
const dir = process.argv[2];
const file = readdirSync(dir).map(f => dir + '/' + f).sort((a, b) => readFileSync(b).length - readFileSync(a).length)[0];
const p = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(p.nodes.map(n => [n.id, n]));
const parent = new Map();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const key = n => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/^.*\/work\/main\//, '').replace(/^node:.*/, 'node')}:${n.callFrame.lineNumber + 1}`;
const self = new Map(), incl = new Map();
let total = 0;
for (let i = 0; i < p.samples.length; i++) {
  const dt = (p.timeDeltas[i + 1] ?? p.timeDeltas[i]) / 1000; total += dt;
  let n = byId.get(p.samples[i]);
  self.set(key(n), (self.get(key(n)) ?? 0) + dt);
  const seen = new Set();
  for (let id = n.id; id !== undefined; id = parent.get(id)) { const k = key(byId.get(id)); if (!seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) ?? 0) + dt); } }
}
const top = (m, k) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([name, t]) => `${t.toFixed(0).padStart(6)} ms ${(100 * t / total).toFixed(1).padStart(5)}%  ${name}`).join('\n');
console.log('total', total.toFixed(0), 'ms\n--- self ---\n' + top(self, Number(process.argv[3] ?? 30)) + '\n--- inclusive ---\n' + top(incl, Number(process.argv[4] ?? 45)));
