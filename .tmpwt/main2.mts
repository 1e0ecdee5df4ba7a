import {Worker} from 'node:worker_threads';
const url = new URL('./w.ts', import.meta.url).href;
// A: eval + execArgv --import tsx + dynamic import
for (const [name, code, opts] of [
  ['eval+execArgv', `import(${JSON.stringify(url)})`, {eval: true, execArgv: ['--import', 'tsx']}],
  ['eval+inherit', `import(${JSON.stringify(url)})`, {eval: true}],
  ['eval+register', `import('tsx/esm/api').then(m => m.register()).then(() => import(${JSON.stringify(url)}))`, {eval: true, execArgv: []}],
] as const) {
  try {
    const t = performance.now();
    const w = new Worker(code, opts as any);
    const m = await new Promise((res, rej) => { w.once('message', res); w.once('error', rej); });
    console.log(name, 'ok', m, (performance.now()-t).toFixed(0),'ms');
    await w.terminate();
  } catch (e) { console.log(name, 'fail', (e as Error).message); }
}
