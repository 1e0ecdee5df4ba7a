import {test} from 'node:test';
import assert from 'node:assert/strict';
import {FINDING_FRAME_COLUMNS, findingsFrame} from '../../src/analyze/frame.ts';
import {analyzedBundled} from '../helpers/analyzed.ts';

test('findingsFrame(bundled) has one row per finding, columns as findingsToCsv, line columns numeric', async () => {
  const docs = analyzedBundled();
  const df = await findingsFrame(docs);
  assert.deepEqual(df.columns, [...FINDING_FRAME_COLUMNS]);
  assert.equal(df.shape[0], docs.reduce((n, d) => n + d.summary.total, 0));
  assert.equal(df.column('severity').values.filter((s) => s === 'error').length, docs.reduce((n, d) => n + d.summary.by_severity.error, 0));
  assert.ok((df.column('line_start').values as number[]).every((n) => typeof n === 'number' && n > 0));
});

test('findingsFrame([]) is an empty frame with the columns', async () => {
  const df = await findingsFrame([]);
  assert.deepEqual([df.shape[0], df.columns], [0, [...FINDING_FRAME_COLUMNS]]);
});
