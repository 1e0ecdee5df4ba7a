import {extractFiles} from '../src/io/batch.ts';
import {readdirSync} from 'node:fs';
import {availableParallelism, cpus, loadavg} from 'node:os';
console.log(availableParallelism(), cpus().length, loadavg());
const base = readdirSync('data').map(f => 'data/' + f);
const files = Array.from({length: 8}, () => base).flat();
for (const jobs of [1, 2, 3]) {
  const t = performance.now();
  await extractFiles(files, {jobs, minFilesForPool: 0});
  console.log('jobs', jobs, files.length, 'files', (performance.now()-t).toFixed(0), 'ms');
}
