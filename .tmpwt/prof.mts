import {readFileSync, readdirSync} from 'node:fs';
import {extractText} from '../src/extract/index.ts';
import {decodeBytes} from '../src/extract/decode.ts';
const files = readdirSync('data').map(f => 'data/' + f);
const bytes = files.map(f => readFileSync(f));
const n = Number(process.argv[2] ?? 10);
const t0 = performance.now();
for (let r = 0; r < n; r++) for (const [i, b] of bytes.entries()) { const {text} = decodeBytes(b); extractText(text, {file: files[i]}); }
console.log(n * files.length, 'docs', ((performance.now() - t0) / (n * files.length)).toFixed(1), 'ms/doc');
