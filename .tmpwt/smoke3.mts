import {extractFiles} from '../src/io/batch.ts';
import {readdirSync} from 'node:fs';
const base = readdirSync('data').map(f => 'data/' + f);
const files = Array.from({length: Number(process.argv[3] ?? 8)}, () => base).flat();
const jobs = Number(process.argv[2]);
const t = performance.now();
let last = t; const gaps: number[] = [];
await extractFiles(files, {jobs, minFilesForPool: 0, onProgress: () => { const n = performance.now(); gaps.push(Math.round(n - last)); last = n; }});
console.log('jobs', jobs, files.length, 'files', (performance.now()-t).toFixed(0), 'ms', gaps.join(' '));
