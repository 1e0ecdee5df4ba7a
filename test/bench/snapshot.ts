// Output snapshot, a developer tool for speed work (not run by `npm test`): hashes what extraction gives for every
// file of data/, every *.txt under test/fixtures/ (recursively) and the bench corpus (corpus.ts, BENCH_SNAPSHOT_COPIES
// documents, default 200), so a change meant to be faster can be checked to change no output at all.
// Per file two SHA-256 hashes: `extract`, the JSON of extractText (src/index.ts) of the file read as UTF-8, and
// `cli`, the CLI's JSON of the file's bytes (documentFromBytes + documentJsonElement: decoding and rendering too).
//   node --import tsx test/bench/snapshot.ts --write   save the reference (default reports/snapshot.json)
//   node --import tsx test/bench/snapshot.ts           compare with it: lists every file whose output differs
//   --ref <file>                                       another reference file
import {createHash} from 'node:crypto';
import {existsSync, readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import {parseArgs} from 'node:util';
import {documentFromBytes, extractText, isFailure} from '../../src/index.ts';
import {documentJsonElement} from '../../src/io/rendered.ts';
import {benchCorpus, DATA} from './corpus.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures');
const COPIES = Number(process.env.BENCH_SNAPSHOT_COPIES ?? 200);

type Hashes = Record<string, {extract: string; cli: string}>;

const sha = (s: string): string => createHash('sha256').update(s).digest('hex');

function textFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, {withFileTypes: true}).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...textFiles(full));
    else if (e.name.endsWith('.txt')) out.push(full);
  }
  return out;
}

function hashesOf(name: string, bytes: Uint8Array): {extract: string; cli: string} {
  const extract = sha(JSON.stringify(extractText(Buffer.from(bytes).toString('utf8'), {file: name})));
  const doc = documentFromBytes(bytes, name);
  const cli = sha(isFailure(doc) ? JSON.stringify(doc) : documentJsonElement(doc));
  return {extract, cli};
}

function snapshot(): Hashes {
  const out: Hashes = {};
  for (const f of [...textFiles(DATA), ...textFiles(FIXTURES)]) {
    const name = relative(ROOT, f);
    out[name] = hashesOf(name, readFileSync(f));
  }
  for (const {name, text} of benchCorpus(COPIES)) out[`bench/${name}`] = hashesOf(name, Buffer.from(text));
  return out;
}

const {values} = parseArgs({options: {write: {type: 'boolean', default: false}, ref: {type: 'string', default: join(ROOT, 'reports', 'snapshot.json')}}});
const t = performance.now();
const now = snapshot();
const seconds = ((performance.now() - t) / 1000).toFixed(1);
if (values.write) {
  writeFileSync(values.ref!, JSON.stringify(now, null, 1) + '\n');
  console.log(`${Object.keys(now).length} files hashed in ${seconds} s → ${values.ref}`);
} else {
  if (!existsSync(values.ref!)) throw new Error(`no reference at ${values.ref}: run with --write first`);
  const ref = JSON.parse(readFileSync(values.ref!, 'utf8')) as Hashes;
  const differ: string[] = [];
  for (const name of new Set([...Object.keys(ref), ...Object.keys(now)])) {
    const a = ref[name];
    const b = now[name];
    if (!a || !b) differ.push(`${name}: ${a ? 'missing now' : 'not in the reference'}`);
    else {
      const which = (['extract', 'cli'] as const).filter((k) => a[k] !== b[k]);
      if (which.length > 0) differ.push(`${name}: ${which.join(', ')} differ`);
    }
  }
  for (const d of differ) console.log(d);
  console.log(`${Object.keys(now).length} files in ${seconds} s: ${differ.length === 0 ? 'all identical to the reference' : `${differ.length} DIFFER`}`);
  process.exitCode = differ.length === 0 ? 0 : 1;
}
