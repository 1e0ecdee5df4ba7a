// Worker side of src/io/batch.ts: receives file paths, reads each (synchronously: the worker has nothing else to do
// meanwhile), extracts (or analyses) it and posts the result back (structured clone; a rendered document's
// bytes are transferred). Started by batch.ts: from
// source through a small bootstrap that registers tsx first, from the prebuilt bundle directly.
import {parentPort} from 'node:worker_threads';
import {readBytesNow, resultOfBytes, type loadDocument} from './files.ts';
import {render, type Rendered, type RenderFormat} from './rendered.ts';

/**
 * Parent → worker: extract (and with `analyze`, analyse) the file at `path`, and with `format` answer with the
 * document rendered (src/io/rendered.ts) rather than the document; the answer carries the same `id`.
 */
export interface WorkerTask {
  id: number;
  path: string;
  analyze?: boolean;
  format?: RenderFormat;
}

/** Worker → parent: `ready` once the modules are loaded, then one answer per task. */
export type WorkerMessage =
  | {type: 'ready'}
  | {type: 'result'; id: number; result: Awaited<ReturnType<typeof loadDocument>> | Rendered}
  | {type: 'error'; id: number; error: {name: string; message: string; stack?: string}};

const port = parentPort;
if (port) {
  port.on('message', (task: WorkerTask) => {
    try {
      const r = resultOfBytes(task.path, readBytesNow(task.path), task.analyze === true);
      const result = task.format === undefined ? r : render(r, task.format);
      // A rendered document's bytes are moved to the parent, not copied.
      const moved = 'bytes' in result ? [result.bytes.buffer as ArrayBuffer] : [];
      port.postMessage({type: 'result', id: task.id, result} satisfies WorkerMessage, moved);
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      port.postMessage({type: 'error', id: task.id, error: {name: err.name, message: err.message, stack: err.stack}} satisfies WorkerMessage);
    }
  });
  port.postMessage({type: 'ready'} satisfies WorkerMessage);
}
