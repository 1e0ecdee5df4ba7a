// Bytes in, text out: the only place in jixiao where a file's raw bytes become a string.
// Detects UTF-8 (with/without BOM), UTF-16 LE/BE (with/without BOM) and GB18030, rejects empty and
// binary files with a DecodeError, and returns LF-only text with odd spaces normalised (normalizeText).

/**
 * Name of the encoding a file was read as.
 * @example
 * const enc: EncodingName = decodeBytes(bytes).encoding; // 'gb18030'
 */
export type EncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

/**
 * Result of {@link decodeBytes}: the normalised text and the encoding it was read as.
 * @example
 * const {text, encoding}: Decoded = decodeBytes(new TextEncoder().encode('a\r\nb'));
 * // text === 'a\nb', encoding === 'utf-8'
 */
export interface Decoded {
  text: string;
  encoding: EncodingName;
  /** Radical, compatibility and dash forms normalizeText replaced (absent when none). */
  glyphForms?: GlyphForms;
}

/**
 * Why bytes could not be read: `empty` (no text), `binary` (not a text file), `undecodable` (not a known encoding).
 * @example
 * if (err instanceof DecodeError && err.code === 'binary') console.error(err.kind);
 */
export type DecodeErrorCode = 'empty' | 'binary' | 'undecodable';

/**
 * Error thrown by {@link decodeBytes}, with an English `message` and a Chinese `messageZh`.
 * `kind` names what a binary file looks like, e.g. `PDF`, `PNG image`, `ZIP archive`.
 * @throws Never thrown by the constructor; {@link decodeBytes} throws it.
 * @example
 * try { decodeBytes(bytes); } catch (e) {
 *   if (e instanceof DecodeError) console.error(e.code, e.kind, e.messageZh);
 * }
 */
export class DecodeError extends Error {
  code: DecodeErrorCode;
  kind?: string;
  messageZh: string;

  constructor(code: DecodeErrorCode, message: string, messageZh: string, kind?: string) {
    super(message);
    this.name = 'DecodeError';
    this.code = code;
    this.messageZh = messageZh;
    if (kind !== undefined) this.kind = kind;
  }
}

/** How many leading bytes the sniffers look at. */
const SNIFF_BYTES = 8192;

/** A binary format recognised by its leading bytes. */
interface Magic {
  bytes: number[];
  kind: string;
  en: string;
  zh: string;
  hint?: string;
}

const MAGICS: Magic[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46], kind: 'PDF', en: 'a PDF document', zh: 'PDF 文档', hint: 'e.g. pdftotext' },
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], kind: 'PNG image', en: 'a PNG image', zh: 'PNG 图片', hint: 'e.g. OCR' },
  { bytes: [0xff, 0xd8, 0xff], kind: 'JPEG image', en: 'a JPEG image', zh: 'JPEG 图片', hint: 'e.g. OCR' },
  { bytes: [0x47, 0x49, 0x46, 0x38], kind: 'GIF image', en: 'a GIF image', zh: 'GIF 图片', hint: 'e.g. OCR' },
  ...[[0x03, 0x04], [0x05, 0x06], [0x07, 0x08]].map((tail) => ({
    bytes: [0x50, 0x4b, ...tail], kind: 'ZIP archive', en: 'a ZIP archive (or .docx/.xlsx)',
    zh: 'ZIP 压缩包（或 .docx/.xlsx）', hint: 'e.g. save as .txt',
  })),
  { bytes: [0x1f, 0x8b], kind: 'GZIP archive', en: 'a GZIP archive', zh: 'GZIP 压缩包', hint: 'e.g. gunzip' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], kind: '7z archive', en: 'a 7z archive', zh: '7z 压缩包' },
  { bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], kind: 'RAR archive', en: 'a RAR archive', zh: 'RAR 压缩包' },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], kind: 'OLE2 document',
    en: 'an OLE2 document (.doc/.xls)', zh: 'OLE2 文档（.doc/.xls）', hint: 'e.g. save as .txt',
  },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], kind: 'ELF executable', en: 'an ELF executable', zh: 'ELF 可执行文件' },
];

const UNKNOWN_BINARY: Magic = { bytes: [], kind: 'binary data', en: 'binary data', zh: '二进制数据' };

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function sniffMagic(bytes: Uint8Array): Magic | undefined {
  return MAGICS.find((m) => startsWith(bytes, m.bytes));
}

function binaryError(magic: Magic): DecodeError {
  const hint = magic.hint ? ` (${magic.hint})` : '';
  return new DecodeError(
    'binary',
    `binary file (looks like ${magic.en}), not text: convert it to text first${hint}`,
    `这是二进制文件（看起来是 ${magic.zh}），不是文本：请先转换为文本`,
    magic.kind,
  );
}

function emptyError(): DecodeError {
  return new DecodeError('empty', 'empty file: no text to read', '文件为空，没有可读取的文本');
}

function undecodableError(): DecodeError {
  return new DecodeError(
    'undecodable',
    'cannot decode file: not UTF-8, UTF-16 or GB18030 text',
    '无法解码文件：不是 UTF-8、UTF-16 或 GB18030 编码的文本',
  );
}

/** Decode strictly; undefined when the bytes are not valid in `label`. BOMs are left to the caller. */
function tryDecode(bytes: Uint8Array, label: string): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** True for C0 controls (and DEL) other than tab, LF, FF and CR. */
function isControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || code === 0x7f;
}

/** Share of control codes among `codes` (bytes or UTF-16 code units). */
function controlShare(codes: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < codes.length; i++) if (isControl(codes[i])) n++;
  return codes.length === 0 ? 0 : n / codes.length;
}

/** Share of control characters in the first SNIFF_BYTES/2 chars of decoded text. */
function textControlShare(text: string): number {
  const head = text.slice(0, SNIFF_BYTES / 2);
  return controlShare(Array.from(head, (c) => c.charCodeAt(0)));
}

/**
 * Guess BOM-less UTF-16 from NUL bytes: one parity must hold nearly all NULs, in at least 5% of the
 * code units (ASCII such as digits, tabs and newlines), and the strict decode must look like text.
 */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length % 2 !== 0) return undefined;
  const head = bytes.subarray(0, SNIFF_BYTES);
  let even = 0, odd = 0;
  for (let i = 0; i < head.length; i++) if (head[i] === 0) (i % 2 === 0 ? even++ : odd++);
  const units = head.length / 2;
  const [major, minor] = odd >= even ? [odd, even] : [even, odd];
  if (major < Math.max(2, units * 0.05) || minor * 8 > major) return undefined;
  const label = odd >= even ? 'utf-16le' : 'utf-16be';
  const text = tryDecode(bytes, label);
  return text !== undefined && textControlShare(text) <= 0.1 ? label : undefined;
}

/** Decode by BOM; undefined when there is no BOM. Throws when a UTF-16 BOM is followed by invalid data. */
function decodeWithBom(bytes: Uint8Array): Decoded | undefined {
  const boms: [number[], EncodingName, string][] = [
    [[0xef, 0xbb, 0xbf], 'utf-8-bom', 'utf-8'],
    [[0xff, 0xfe], 'utf-16le', 'utf-16le'],
    [[0xfe, 0xff], 'utf-16be', 'utf-16be'],
  ];
  const hit = boms.find(([bom]) => startsWith(bytes, bom));
  if (!hit) return undefined;
  const [bom, encoding, label] = hit;
  const text = tryDecode(bytes.subarray(bom.length), label);
  if (text === undefined) throw undecodableError();
  return { text, encoding };
}

/** Decode BOM-less 8-bit text: reject binary-looking bytes, then try UTF-8, then GB18030. */
function decodeEightBit(bytes: Uint8Array): Decoded {
  const head = bytes.subarray(0, SNIFF_BYTES);
  if (bytes.includes(0) || controlShare(head) > 0.1) throw binaryError(UNKNOWN_BINARY);
  const utf8 = tryDecode(bytes, 'utf-8');
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  const gb = tryDecode(bytes, 'gb18030');
  if (gb !== undefined) return { text: gb, encoding: 'gb18030' };
  throw undecodableError();
}

function decodeRaw(bytes: Uint8Array): Decoded {
  const magic = sniffMagic(bytes);
  if (magic) throw binaryError(magic);
  const byBom = decodeWithBom(bytes);
  if (byBom) return byBom;
  const utf16 = sniffUtf16(bytes);
  if (utf16) return { text: tryDecode(bytes, utf16) as string, encoding: utf16 };
  return decodeEightBit(bytes);
}

/**
 * Turn a file's bytes into normalised text (see {@link normalizeText}), detecting the encoding:
 * BOM (UTF-8, UTF-16 LE/BE), BOM-less UTF-16 by NUL pattern, then strict UTF-8, then strict GB18030.
 * @throws {DecodeError} `empty` when there is no non-whitespace text; `binary` when the bytes look like a
 *   binary file (`kind` names it, e.g. `PDF`); `undecodable` when no supported encoding fits.
 * @example
 * const {text, encoding} = decodeBytes(await fs.readFile('table.txt'));
 */
export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) throw emptyError();
  const { text, encoding } = decodeRaw(bytes);
  const {text: normalized, forms} = normalizeCounting(text);
  if (normalized.trim() === '') throw emptyError();
  return forms === null ? { text: normalized, encoding } : { text: normalized, encoding, glyphForms: forms };
}

/**
 * Normalise decoded text: CRLF and lone CR become LF (line count preserved); ideographic, no-break and
 * other typographic spaces (U+3000, U+00A0, U+2002–U+200A, U+202F, U+205F) become ASCII space;
 * zero-width characters (U+200B–U+200D, U+2060, U+FEFF) are removed; Kangxi radicals, CJK radical forms and
 * CJK compatibility ideographs that stand for an ideograph become that ideograph, U+2015 becomes U+2014 (see
 * GLYPH_FORMS).
 * Everything else is kept as is, including tabs, full-width letters/digits and punctuation such as （ ） ： ≥.
 * @throws Never throws (pure function).
 * @example
 * normalizeText('预算\u3000单位\r\n≥95%\r'); // '预算 单位\n≥95%\n'
 * normalizeText('项⽬⽀出'); // '项目支出' (U+2F6C, U+2F40: Kangxi radicals)
 */
export function normalizeText(text: string): string {
  return normalizeCounting(text).text;
}

/** Where normalizeText replaced radical, compatibility or dash forms (GLYPH_FORMS): how many, and the first one's line. */
export interface GlyphForms {
  count: number;
  /** 1-based line of the first. */
  line: number;
}

/** normalizeText, also saying how many radical, compatibility or dash forms it replaced (null when none). */
export function normalizeCounting(text: string): {text: string; forms: GlyphForms | null} {
  if (!NEEDS_NORMALIZING.test(text)) return {text, forms: null}; // one scan instead of four when there is nothing to change
  const spaced = text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u3000\u00a0\u2002-\u200a\u202f\u205f]/g, ' ')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '');
  let count = 0;
  let first = 0;
  const out = spaced.replace(GLYPH_FORMS, (form: string, at: number) => {
    const meant = glyphOf(form);
    if (meant !== form && count++ === 0) first = at;
    return meant;
  });
  if (count === 0) return {text: out, forms: null};
  let line = 1;
  for (let k = spaced.indexOf('\n'); k !== -1 && k < first; k = spaced.indexOf('\n', k + 1)) line++;
  return {text: out, forms: {count, line}};
}

/**
 * Code points that PDF converters write for a character when the font maps its glyph to a radical (pdfminer and
 * MuPDF print 项⽬ for 项目, 部⻔ for 部门, ⾦额 for 金额): the Kangxi radicals U+2F00–U+2FD5 and the CJK
 * compatibility ideographs U+F900–U+FAD9 (NFKC gives the ideograph), and the radical forms of CJK Radicals
 * Supplement that are whole characters (below; component forms such as ⺡ 氵 are left alone); and U+2015 HORIZONTAL
 * BAR, which some fonts and GB2312 tables give for the dash of "2024—2026" (GB18030 maps it to U+2014 EM DASH).
 */
const GLYPH_FORMS = /[\u2015\u2e80-\u2ef3\u2f00-\u2fd5\uf900-\ufad9]/g;
const RADICAL_SUPPLEMENT: Readonly<Record<string, string>> = {
  '\u2e9d': '月', '\u2e9f': '母', '\u2ea0': '民', '\u2ea9': '王', '\u2ebc': '月', '\u2ec4': '西', '\u2ec5': '见',
  '\u2ec6': '角', '\u2ec9': '贝', '\u2ecb': '车', '\u2ed1': '長', '\u2ed3': '长', '\u2ed4': '门', '\u2ed7': '雨',
  '\u2ed8': '青', '\u2eda': '页', '\u2edb': '风', '\u2edc': '飞', '\u2edd': '食', '\u2ee2': '马', '\u2ee3': '骨',
  '\u2ee4': '鬼', '\u2ee5': '鱼', '\u2ee6': '鸟', '\u2ee7': '卤', '\u2ee8': '麦', '\u2ee9': '黄', '\u2eea': '黾',
  '\u2eeb': '斉', '\u2eec': '齐', '\u2eed': '歯', '\u2eee': '齿', '\u2eef': '竜', '\u2ef0': '龙', '\u2ef1': '龜',
  '\u2ef2': '亀', '\u2ef3': '龟', '\u2015': '\u2014',
};

/**
 * Kangxi radicals whose glyph in a simplified-Chinese font is the simplified character, not the traditional one
 * NFKC gives (Noto Sans CJK SC draws ⼾ U+2F3E as 户, and Chromium's PDFs map 户 to it: MuPDF and pdfminer print
 * 农⼾ for 农户).
 */
const KANGXI_SIMPLIFIED: Readonly<Record<string, string>> = {'\u2f3e': '户'};

/** The character a radical, compatibility or dash form stands for (itself when it stands for none). */
function glyphOf(form: string): string {
  return form < '\u2f00' ? RADICAL_SUPPLEMENT[form] ?? form : KANGXI_SIMPLIFIED[form] ?? form.normalize('NFKC');
}

/** Any character normalizeText changes: a CR, an odd space, a zero-width character, a radical form. */
const NEEDS_NORMALIZING = /[\r\u3000\u00a0\u2002-\u200d\u2015\u202f\u205f\u2060\ufeff\u2e80-\u2ef3\u2f00-\u2fd5\uf900-\ufad9]/;
