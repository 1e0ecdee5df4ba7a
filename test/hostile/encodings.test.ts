// Hostile bytes end to end: re-encoded copies of every bundled document extract exactly like the originals;
// binary, empty and cut files give a clear message, never a crash, a silent loss or a wrong number.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync, spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {documentFromBytes, extractText, isFailure, type DocumentResult} from '../../src/index.ts';
import {bundledNames, DATA} from '../helpers/bundled.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const hasIconv = spawnSync('iconv', ['--version']).status === 0;
const load = (bytes: Uint8Array, name: string): DocumentResult => {
  const r = documentFromBytes(bytes, name);
  assert.ok(!isFailure(r), isFailure(r) ? r.message : '');
  return r;
};
const strip = (d: DocumentResult) => ({tables: d.tables, diagnostics: d.diagnostics});

for (const name of bundledNames()) {
  const utf8 = readFileSync(join(DATA, name));
  const original = load(utf8, name);
  test(`documentFromBytes(${name} as GB18030) extracts exactly like the UTF-8 original`, {skip: !hasIconv && 'iconv missing'}, () => {
    const gb = execFileSync('iconv', ['-f', 'utf-8', '-t', 'gb18030'], {input: utf8, maxBuffer: 1 << 28});
    const d = load(gb, name);
    assert.equal(d.encoding, 'gb18030');
    assert.deepEqual(strip(d), strip(original));
  });
  test(`documentFromBytes(${name} as UTF-16LE with BOM, CRLF) extracts exactly like the UTF-8 original`, () => {
    const text = utf8.toString('utf8').replace(/\n/g, '\r\n');
    const d = load(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), name);
    assert.equal(d.encoding, 'utf-16le');
    assert.deepEqual(strip(d), strip(original));
  });
  test(`documentFromBytes(${name} as UTF-8 with BOM) extracts exactly like the original`, () => {
    const d = load(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]), name);
    assert.deepEqual(strip(d), strip(original));
  });
}

const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli.ts'), ...args], {cwd: ROOT, encoding: 'utf8'});

test('jixiao extract on a 6 KB binary file prints one clear line and exits 1', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-'));
  const bytes = Buffer.alloc(6144);
  let x = 12345;
  for (let i = 0; i < bytes.length; i++) { x = (x * 1103515245 + 12345) & 0x7fffffff; bytes[i] = x >> 16; }
  bytes.write('%PDF-1.7\n', 0);
  writeFileSync(join(dir, 'report.txt'), bytes);
  const r = cli('extract', join(dir, 'report.txt'));
  assert.equal(r.status, 1);
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 1);
  assert.match(lines[0], /report\.txt.*PDF/);
  assert.match(lines[0], /二进制/);
  assert.deepEqual(JSON.parse(r.stdout), {documents: []});
});

test('jixiao extract on an empty file prints one clear line and exits 1; the other files still come out', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-'));
  writeFileSync(join(dir, 'a-empty.txt'), '');
  writeFileSync(join(dir, 'b.txt'), readFileSync(join(DATA, '001_911f9712737d8e1a.txt')));
  const r = cli('extract', dir);
  assert.equal(r.status, 1);
  assert.equal(r.stderr.trim().split('\n').length, 1);
  assert.match(r.stderr, /a-empty\.txt.*empty.*文件为空/);
  assert.equal(JSON.parse(r.stdout).documents[0].tables.length, 2);
});

test('a document cut in the middle of its second table keeps the first whole and reports the cut (003 cut at line 497)', () => {
  const text = readFileSync(join(DATA, '003_e2de676d67b0a214.txt'), 'utf8').split('\n').slice(0, 497).join('\n');
  const d = load(Buffer.from(text), 'cut.txt');
  assert.equal(d.tables.length, 2);
  assert.equal(d.tables[0].indicators.length, 6);
  assert.equal(d.tables[0].incomplete, undefined);
  assert.equal(d.tables[1].incomplete, true);
  assert.deepEqual(d.tables[1].indicators.map((r) => r.level3), ['内部审计次数(次)', '内部审计培训次数(次)', '资金使用合规率(%)', '审计建议采纳率(%)']);
  const cut = d.diagnostics.find((x) => x.code === 'truncated-table');
  assert.deepEqual(cut && [cut.severity, cut.line, cut.endLine], ['error', 485, 497]);
});

test('a document with no 绩效目标表 says so with a no-tables warning', () => {
  const d = load(Buffer.from('第一部分 概况\n一、主要职能\n本单位负责社会保险经办。\n'), 'none.txt');
  assert.deepEqual(d.tables, []);
  assert.deepEqual(d.diagnostics.map((x) => [x.code, x.severity, x.line, x.endLine]), [['no-tables', 'warning', 1, 3]]);
});

test('a table title with no indicator header gives a no-grid-header error, not rows', () => {
  const d = load(Buffer.from('项目支出绩效目标表\n(2024年)\n预算单位 X中心\n项目名称 Y项目\n'), 'nohdr.txt');
  assert.equal(d.tables.length, 1);
  assert.deepEqual(d.tables[0].indicators, []);
  assert.deepEqual([d.tables[0].unit, d.tables[0].project], ['X中心', 'Y项目']);
  assert.deepEqual(d.diagnostics.map((x) => x.code), ['no-grid-header']);
});

test('a weight that is not a number is kept as raw text with a weight-not-number warning', () => {
  const text = ['项目支出绩效目标表', '一级指标\t二级指标\t三级指标\t指标值\t指标值设置依据\t上年完成值\t指标分值权重\t指标赋分规则\t佐证资料',
    '产出指标\t数量指标\t培训人次\t≥200人次\t计划标准\t180人次\t二十\t按照完成比例赋分\t工作资料'].join('\n');
  const d = load(Buffer.from(text), 'w.txt');
  const rows = d.tables[0].indicators;
  assert.equal(rows.length, 1);
  assert.deepEqual([rows[0].target, rows[0].prior_year, rows[0].weight], ['≥200人次', '180人次', null]);
  assert.ok(d.diagnostics.some((x) => x.code === 'unplaced-text' || x.code === 'weight-not-number'), JSON.stringify(d.diagnostics));
});

// extractText is public: a string read straight from a Windows file (CRLF, a BOM, ideographic spaces) must read
// like the decoded bytes, not lose the tables whose cells the CRs split (seen: doc 000 lost 13 of 14 tables).
for (const name of bundledNames()) {
  test(`extractText(${name} with CRLF line ends, a BOM and U+3000 spaces) equals extractText of the original`, () => {
    const text = readFileSync(join(DATA, name), 'utf8');
    const hostile = '\ufeff' + text.replace(/\n/g, '\r\n').replace(/ /g, '\u3000');
    const a = extractText(text, {file: name});
    const b = extractText(hostile, {file: name});
    assert.ok(a.tables.length > 0);
    assert.deepEqual(b, a);
  });
}
