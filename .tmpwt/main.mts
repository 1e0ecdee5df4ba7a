import {Worker} from 'node:worker_threads';
for (const execArgv of [undefined, ['--import', 'tsx']]) {
  try {
    const t = performance.now();
    const w = new Worker(new URL('./w.ts', import.meta.url), execArgv ? {execArgv} : {});
    const m = await new Promise((res, rej) => { w.once('message', res); w.once('error', rej); });
    console.log(JSON.stringify(execArgv), 'ok', m, (performance.now()-t).toFixed(0),'ms');
    await w.terminate();
  } catch (e) { console.log(JSON.stringify(execArgv), 'fail', (e as Error).message); }
}
