#!/usr/bin/env node
// `npm run build` (and `prepare`, run by `npm install` / `npm ci`): bundle the CLI into node_modules/.cache/jixiao/
// (see bundle.mjs). A failed build only warns: the launcher then runs the TypeScript sources through tsx.
import {buildBundle} from './bundle.mjs';

try {
  const cli = await buildBundle();
  if (process.argv.includes('--verbose')) process.stderr.write(`jixiao: built ${cli}\n`);
} catch (e) {
  process.stderr.write(`jixiao: warning: could not build the CLI bundle (${e instanceof Error ? e.message.split('\n')[0] : e}); the CLI will run from source through tsx\n`);
}
