import {parentPort, workerData} from 'node:worker_threads';
import {loadDocument} from '../src/io/files.ts';
import {readdirSync} from 'node:fs';
const base = readdirSync('data').map(f => 'data/' + f);
const times: number[] = [];
for (let r = 0; r < 8; r++) { const t = performance.now(); for (const f of base) await loadDocument(f); times.push(Math.round(performance.now() - t)); }
parentPort ? parentPort.postMessage(times) : console.log('main', times.join(' '));
