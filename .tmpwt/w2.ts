import {parentPort} from 'node:worker_threads';
import {loadDocument} from '../src/io/files.ts';
parentPort!.postMessage({ready: typeof loadDocument});
