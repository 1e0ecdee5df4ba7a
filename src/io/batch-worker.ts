// Worker side of src/io/batch.ts: receives file paths, runs loadDocument on each and posts the result back
// (structured clone). Started by batch.ts through a small bootstrap that registers tsx first.
import {parentPort} from 'node:worker_threads';
import {loadDocument} from './files.ts';

/** Parent → worker: extract the file at `path`; the answer carries the same `id`. */
export interface WorkerTask {
  id: number;
  path: string;
}

/** Worker → parent: `ready` once the modules are loaded, then one answer per task. */
export type WorkerMessage =
  | {type: 'ready'}
  | {type: 'result'; id: number; result: Awaited<ReturnType<typeof loadDocument>>}
  | {type: 'error'; id: number; error: {name: string; message: string; stack?: string}};

const port = parentPort;
if (port) {
  port.on('message', (task: WorkerTask) => {
    loadDocument(task.path).then(
      (result) => port.postMessage({type: 'result', id: task.id, result} satisfies WorkerMessage),
      (e: unknown) => {
        const err = e instanceof Error ? e : new Error(String(e));
        port.postMessage({type: 'error', id: task.id, error: {name: err.name, message: err.message, stack: err.stack}} satisfies WorkerMessage);
      },
    );
  });
  port.postMessage({type: 'ready'} satisfies WorkerMessage);
}
