import {Worker} from 'node:worker_threads';
const url = new URL('./w2.ts', import.meta.url).href;
const api = import.meta.resolve('tsx/esm/api');
const code = `import(${JSON.stringify(api)}).then(m => m.register()).then(() => import(${JSON.stringify(url)}))`;
for (const [name, opts] of [['inherit', {eval: true}], ['empty', {eval: true, execArgv: []}], ['inherit', {eval: true}], ['empty', {eval: true, execArgv: []}]] as const) {
    const t = performance.now();
    const w = new Worker(code, opts as any);
    const m = await new Promise((res, rej) => { w.once('message', res); w.once('error', rej); });
    console.log(name, 'ok', m, (performance.now()-t).toFixed(0),'ms');
    await w.terminate();
}
