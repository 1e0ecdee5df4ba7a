import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DecodeError, decodeBytes, normalizeText } from '../../src/extract/decode.ts';
import { extractText } from '../../src/extract/index.ts';

const SAMPLE = '项目支出绩效目标表\n预算单位\t昌吉回族自治州社会保险中心\n≥95%';
/** SAMPLE encoded with `iconv -f utf-8 -t gb18030`. */
const SAMPLE_GB18030_HEX =
  'cfeec4bfd6a7b3f6bca8d0a7c4bfb1eab1ed0ad4a4cbe3b5a5cebb09b2fdbcaabbd8d7e5d7d4d6ced6ddc9e7bbe1b1a3cfd5d6d0d0c40aa1dd393525';
const DATA_FILE = fileURLToPath(new URL('../../data/000_b3fa070b509c4b73.txt', import.meta.url));

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const cat = (...parts: ArrayLike<number>[]): Uint8Array =>
  new Uint8Array(Buffer.concat(parts.map((p) => Uint8Array.from(p))));
const utf16le = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf16le'));
const utf16be = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf16le').swap16());

/** Deterministic bytes from a fixed seed (mulberry32). */
function randomBytes(n: number, seed: number): Uint8Array {
  let a = seed >>> 0;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
  }
  return out;
}

function hasIconv(): boolean {
  try {
    execFileSync('iconv', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Assert decodeBytes throws a DecodeError with `code` (and `kind`, if given); return it. */
function decodeFails(bytes: Uint8Array, code: string, kind?: string): DecodeError {
  let caught: unknown;
  try {
    decodeBytes(bytes);
  } catch (e) {
    caught = e;
  }
  assert.ok(caught instanceof DecodeError, 'expected a DecodeError');
  assert.equal(caught.code, code);
  if (kind !== undefined) assert.equal(caught.kind, kind);
  return caught;
}

test('decodeBytes(utf-8) reads plain UTF-8', () => {
  assert.deepEqual(decodeBytes(utf8(SAMPLE)), { text: SAMPLE, encoding: 'utf-8' });
});

test('decodeBytes(ascii) reads as utf-8', () => {
  assert.deepEqual(decodeBytes(utf8('hello\n')), { text: 'hello\n', encoding: 'utf-8' });
});

test('decodeBytes(utf-8 with BOM) strips the BOM', () => {
  assert.deepEqual(decodeBytes(cat([0xef, 0xbb, 0xbf], utf8(SAMPLE))), { text: SAMPLE, encoding: 'utf-8-bom' });
});

test('decodeBytes(utf-16le with BOM) strips the BOM', () => {
  assert.deepEqual(decodeBytes(cat([0xff, 0xfe], utf16le(SAMPLE))), { text: SAMPLE, encoding: 'utf-16le' });
});

test('decodeBytes(utf-16be with BOM) strips the BOM', () => {
  assert.deepEqual(decodeBytes(cat([0xfe, 0xff], utf16be(SAMPLE))), { text: SAMPLE, encoding: 'utf-16be' });
});

test('decodeBytes(utf-16le without BOM) is detected from NUL bytes', () => {
  assert.deepEqual(decodeBytes(utf16le(SAMPLE)), { text: SAMPLE, encoding: 'utf-16le' });
});

test('decodeBytes(utf-16be without BOM) is detected from NUL bytes', () => {
  assert.deepEqual(decodeBytes(utf16be(SAMPLE)), { text: SAMPLE, encoding: 'utf-16be' });
});

test('decodeBytes(gb18030) reads GB18030 Chinese text', () => {
  const bytes = new Uint8Array(Buffer.from(SAMPLE_GB18030_HEX, 'hex'));
  assert.deepEqual(decodeBytes(bytes), { text: SAMPLE, encoding: 'gb18030' });
});

test('decodeBytes(CRLF and lone CR) gives LF and keeps the line count', () => {
  assert.equal(decodeBytes(utf8('a\r\nb\r\n')).text, 'a\nb\n');
  assert.equal(decodeBytes(utf8('a\rb\r\rc')).text, 'a\nb\n\nc');
  assert.equal(decodeBytes(utf8('a\r\n\r\nb\n')).text, 'a\n\nb\n');
});

test('decodeBytes(ideographic and no-break spaces) gives ASCII spaces', () => {
  assert.equal(decodeBytes(utf8('预算\u3000单位\u00a0金额\u2003元\u202f。')).text, '预算 单位 金额 元 。');
});

test('normalizeText removes zero-width characters and keeps tabs and full-width symbols', () => {
  assert.equal(normalizeText('\ufeff指\u200b标\u200c值\u200d\u2060'), '指标值');
  assert.equal(normalizeText('（一）\t数量：≥95％　ＡＢ１'), '（一）\t数量：≥95％ ＡＢ１');
  assert.equal(normalizeText('x\u2002\u2005\u200a\u205fy'), 'x    y');
});

test('normalizeText reads radical forms as the ideographs a PDF font meant (pdfminer, MuPDF dumps)', () => {
  // Kangxi radicals (NFKC), CJK Radicals Supplement whole-character forms, a compatibility ideograph, U+2015.
  assert.equal(normalizeText('项\u2f6c\u2f40出绩效\u2f6c标表'), '项目支出绩效目标表');
  assert.equal(normalizeText('部\u2ed4 \u2ec5下表 \u2ed3期 \u2eda码'), '部门 见下表 长期 页码');
  assert.equal(normalizeText('\u2fa6额\uf900'), '金额\u8c48');
  assert.equal(normalizeText('（2024\u20152026年）'), '（2024\u20142026年）');
  // ⼾ U+2F3E: NFKC gives 戶, but a simplified-Chinese font draws it as 户 (pairs-a3-agriculture.mupdf.txt: "农⼾").
  assert.equal(normalizeText('受益农\u2f3e数'), '受益农户数');
  // Component forms (⺡ 氵, ⺘ 扌) stand for no whole character: kept.
  assert.equal(normalizeText('\u2ea1\u2e98'), '\u2ea1\u2e98');
});

test('decodeBytes(radical forms) says how many it replaced and on which line; extractText notes it as glyph-forms', () => {
  const text = '（四）预算绩效情况\r\n说明\r\n项\u2f6c\u2f40出绩效\u2f6c标表\n';
  const d = decodeBytes(utf8(text));
  assert.deepEqual(d.glyphForms, {count: 3, line: 3});
  assert.equal(decodeBytes(utf8('项目')).glyphForms, undefined);
  const note = extractText(text, {file: 'm.txt'}).diagnostics.find((x) => x.code === 'glyph-forms');
  assert.deepEqual([note?.line, note?.severity, note?.file], [3, 'info', 'm.txt']);
  assert.match(note?.message ?? '', /^3 个/);
});

test('decodeBytes(empty file) throws empty', () => {
  const err = decodeFails(new Uint8Array(0), 'empty');
  assert.match(err.message, /empty file/);
  assert.equal(err.messageZh, '文件为空，没有可读取的文本');
});

test('decodeBytes(whitespace-only file) throws empty', () => {
  decodeFails(utf8(' \r\n\t\u3000\n'), 'empty');
});

test('decodeBytes(BOM-only file) throws empty', () => {
  decodeFails(new Uint8Array([0xef, 0xbb, 0xbf]), 'empty');
  decodeFails(new Uint8Array([0xff, 0xfe]), 'empty');
  decodeFails(new Uint8Array([0xfe, 0xff]), 'empty');
});

test('decodeBytes(PDF bytes) throws binary naming a PDF', () => {
  const err = decodeFails(cat(utf8('%PDF-1.7\n'), randomBytes(2048, 7)), 'binary', 'PDF');
  assert.match(err.message, /PDF document/);
  assert.match(err.message, /pdftotext/);
  assert.match(err.messageZh, /PDF 文档/);
});

test('decodeBytes(PNG magic) throws binary naming a PNG image', () => {
  const err = decodeFails(cat([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], randomBytes(64, 1)), 'binary', 'PNG image');
  assert.match(err.message, /PNG image/);
  assert.match(err.messageZh, /PNG 图片/);
});

test('decodeBytes(ZIP magic) throws binary naming a ZIP archive or docx/xlsx', () => {
  const err = decodeFails(cat([0x50, 0x4b, 0x03, 0x04], utf8('word/document.xml')), 'binary', 'ZIP archive');
  assert.match(err.message, /ZIP archive \(or \.docx\/\.xlsx\)/);
  assert.match(err.messageZh, /ZIP 压缩包/);
});

test('decodeBytes(other magic) names JPEG, GIF, GZIP, 7z, RAR, OLE2 and ELF', () => {
  const cases: [number[], string][] = [
    [[0xff, 0xd8, 0xff, 0xe0], 'JPEG image'],
    [[...utf8('GIF89a')], 'GIF image'],
    [[0x1f, 0x8b, 0x08, 0x00], 'GZIP archive'],
    [[0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], '7z archive'],
    [[0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x00], 'RAR archive'],
    [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'OLE2 document'],
    [[0x7f, 0x45, 0x4c, 0x46, 0x02], 'ELF executable'],
  ];
  for (const [magic, kind] of cases) decodeFails(cat(magic, randomBytes(32, 3)), 'binary', kind);
});

test('decodeBytes(6 KB random binary) throws binary data', () => {
  const err = decodeFails(randomBytes(6 * 1024, 42), 'binary', 'binary data');
  assert.match(err.message, /binary file/);
  assert.match(err.messageZh, /二进制文件/);
});

test('decodeBytes(text with a NUL byte) throws binary', () => {
  decodeFails(utf8('预算单位\u0000金额\n'), 'binary', 'binary data');
});

test('decodeBytes(many control bytes) throws binary', () => {
  const bytes = utf8('abcdefgh\n'.repeat(10));
  for (let i = 0; i < bytes.length; i += 5) bytes[i] = 0x01;
  decodeFails(bytes, 'binary', 'binary data');
});

test('decodeBytes(neither UTF-8 nor GB18030) throws undecodable', () => {
  const err = decodeFails(cat(utf8('abc'), [0xff, 0xff], utf8('def')), 'undecodable');
  assert.match(err.message, /not UTF-8, UTF-16 or GB18030/);
  decodeFails(new Uint8Array([0x61, 0x81]), 'undecodable');
});

test('decodeBytes(bundled data file as utf-8) reads it as utf-8', () => {
  const { text, encoding } = decodeBytes(readFileSync(DATA_FILE));
  assert.equal(encoding, 'utf-8');
  assert.ok(text.includes('项目支出绩效目标表'));
});

test('decodeBytes(bundled data file as gb18030) gives the same text', { skip: !hasIconv() && 'iconv not found' }, () => {
  const input = readFileSync(DATA_FILE);
  const gb = execFileSync('iconv', ['-f', 'utf-8', '-t', 'gb18030'], { input, maxBuffer: 1 << 28 });
  const decoded = decodeBytes(gb);
  assert.equal(decoded.encoding, 'gb18030');
  assert.equal(decoded.text, decodeBytes(input).text);
});

test('decodeBytes(bundled data file as utf-16le with BOM) gives the same text', () => {
  const input = readFileSync(DATA_FILE);
  const text = decodeBytes(input).text;
  const decoded = decodeBytes(cat([0xff, 0xfe], utf16le(input.toString('utf8'))));
  assert.equal(decoded.encoding, 'utf-16le');
  assert.equal(decoded.text, text);
});
