import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';

const DIR = join(import.meta.dirname, '..', 'notebooks');
const ALLOWED = /^(\.\.\/src\/index\.ts|\.\/lib\.ts|node:[a-z/]+|simple-statistics)$/;

test('notebooks import only the public API (src/index.ts), their lib, node: and simple-statistics', () => {
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(join(DIR, file), 'utf8');
    for (const [, from] of text.matchAll(/from '([^']+)'/g)) assert.match(from, ALLOWED, `${file} imports ${from}`);
  }
});

test('every notebook says at its top which question it answers and has an npm script', () => {
  const scripts = (JSON.parse(readFileSync(join(DIR, '..', 'package.json'), 'utf8')) as {scripts: Record<string, string>}).scripts;
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.ts') && f !== 'lib.ts')) {
    assert.match(readFileSync(join(DIR, file), 'utf8').split('\n')[0], /^\/\/ Question: .+\?/, file);
    assert.equal(scripts[`nb:${file.replace(/\.ts$/, '')}`], `node --import tsx notebooks/${file}`);
  }
});
