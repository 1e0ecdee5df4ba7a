#!/usr/bin/env node
// The `jixiao` command (`npm run jixiao -- …`): run the prebuilt bundle when it is fresh (see bundle.mjs); when
// it is stale or missing, rebuild it first; when that fails, run the TypeScript sources through tsx. A stale
// bundle never runs. Starting from the bundle saves tsx's ~250 ms of loader start-up.
import {pathToFileURL} from 'node:url';
import {join} from 'node:path';
import {buildBundle, freshBundle, ROOT} from './bundle.mjs';

let cli = freshBundle();
if (cli === null) {
  try { cli = await buildBundle(); } catch { cli = null; }
}
if (cli !== null) {
  await import(pathToFileURL(cli).href);
} else {
  const {register} = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(ROOT, 'src', 'cli.ts')).href);
}
