// Reading a TrueType/OpenType font (sfnt) from its bytes, pure: the table directory, code point → glyph (cmap),
// advance widths (hmtx), units per em, family and weight. Used to measure chart text with the font that draws it
// (render.ts) and to cut a subset for the HTML page (subset.ts).

/** One entry of the sfnt table directory. */
export interface SfntTable {
  tag: string;
  offset: number;
  length: number;
}

/** What text measurement needs from a font. */
export interface FontMetrics {
  /** Family name (name table, ID 16 or 1), e.g. "Noto Sans SC". */
  family: string;
  /** OS/2 usWeightClass: 400 regular, 700 bold. */
  weight: number;
  unitsPerEm: number;
  /** Code point → glyph id. */
  glyphOf: Map<number, number>;
  /** Advance width of each glyph, in font units. */
  advances: Uint16Array;
}

const view = (bytes: Uint8Array): DataView => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * The table directory of an sfnt font.
 * @throws {Error} if the bytes are not a TrueType/OpenType font (a collection .ttc is not supported)
 * @example tableDirectory(ttf).get('glyf') // => {tag: 'glyf', offset: 441580, length: 10117702}
 */
export function tableDirectory(bytes: Uint8Array): Map<string, SfntTable> {
  const v = view(bytes);
  const version = v.getUint32(0);
  if (version !== 0x00010000 && version !== 0x4f54544f && version !== 0x74727565) throw new Error('tableDirectory requires a TrueType/OpenType font');
  const dir = new Map<string, SfntTable>();
  for (let i = 0, n = v.getUint16(4); i < n; i++) {
    const at = 12 + 16 * i;
    const tag = String.fromCharCode(bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]);
    dir.set(tag, {tag, offset: v.getUint32(at + 8), length: v.getUint32(at + 12)});
  }
  return dir;
}

/** The table `tag`, or an error naming it. */
export function table(dir: Map<string, SfntTable>, tag: string): SfntTable {
  const t = dir.get(tag);
  if (!t) throw new Error(`font has no ${tag} table`);
  return t;
}

/**
 * Code point → glyph id from the best Unicode cmap subtable (format 12 preferred, else format 4).
 * @example readCmap(ttf, dir).get(0x7ee9) // => glyph id of 绩
 */
export function readCmap(bytes: Uint8Array, dir: Map<string, SfntTable>): Map<number, number> {
  const v = view(bytes);
  const {offset} = table(dir, 'cmap');
  let best = -1;
  let bestFormat = 0;
  for (let i = 0, n = v.getUint16(offset + 2); i < n; i++) {
    const rec = offset + 4 + 8 * i;
    const platform = v.getUint16(rec);
    const sub = offset + v.getUint32(rec + 4);
    const format = v.getUint16(sub);
    const unicode = platform === 0 || (platform === 3 && (v.getUint16(rec + 2) === 1 || v.getUint16(rec + 2) === 10));
    if (unicode && (format === 12 || (format === 4 && bestFormat !== 12))) { best = sub; bestFormat = format; }
  }
  if (best < 0) throw new Error('font has no Unicode cmap (format 4 or 12)');
  return bestFormat === 12 ? cmapFormat12(v, best) : cmapFormat4(v, best);
}

function cmapFormat12(v: DataView, at: number): Map<number, number> {
  const map = new Map<number, number>();
  for (let g = 0, n = v.getUint32(at + 12); g < n; g++) {
    const rec = at + 16 + 12 * g;
    const start = v.getUint32(rec);
    const end = v.getUint32(rec + 4);
    const glyph = v.getUint32(rec + 8);
    for (let c = start; c <= end; c++) map.set(c, glyph + c - start);
  }
  return map;
}

function cmapFormat4(v: DataView, at: number): Map<number, number> {
  const map = new Map<number, number>();
  const segs = v.getUint16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + 2 * segs + 2;
  const deltas = starts + 2 * segs;
  const ranges = deltas + 2 * segs;
  for (let s = 0; s < segs; s++) {
    const start = v.getUint16(starts + 2 * s);
    const end = v.getUint16(ends + 2 * s);
    const delta = v.getUint16(deltas + 2 * s);
    const range = v.getUint16(ranges + 2 * s);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      // idRangeOffset counts bytes from its own position to the glyph id array entry.
      const raw = range === 0 ? c : v.getUint16(ranges + 2 * s + range + 2 * (c - start));
      const glyph = range === 0 || raw !== 0 ? (raw + delta) & 0xffff : 0;
      if (glyph !== 0) map.set(c, glyph);
    }
  }
  return map;
}

/** Advance width of every glyph (hmtx; glyphs past numberOfHMetrics repeat the last advance). */
export function readAdvances(bytes: Uint8Array, dir: Map<string, SfntTable>): Uint16Array {
  const v = view(bytes);
  const glyphs = v.getUint16(table(dir, 'maxp').offset + 4);
  const metrics = v.getUint16(table(dir, 'hhea').offset + 34);
  const hmtx = table(dir, 'hmtx').offset;
  const out = new Uint16Array(glyphs);
  for (let g = 0; g < glyphs; g++) out[g] = v.getUint16(hmtx + 4 * Math.min(g, metrics - 1));
  return out;
}

/** Family name from the name table: typographic family (ID 16) if present, else family (ID 1); Windows English first. */
export function readFamily(bytes: Uint8Array, dir: Map<string, SfntTable>): string {
  const v = view(bytes);
  const {offset} = table(dir, 'name');
  const strings = offset + v.getUint16(offset + 4);
  const found = new Map<number, string>();
  for (let i = 0, n = v.getUint16(offset + 2); i < n; i++) {
    const rec = offset + 6 + 12 * i;
    const [platform, , language, id, length, at] = [0, 2, 4, 6, 8, 10].map((k) => v.getUint16(rec + k));
    if (platform !== 3 || language !== 0x409 || (id !== 1 && id !== 16)) continue;
    let s = '';
    for (let k = 0; k < length; k += 2) s += String.fromCharCode(v.getUint16(strings + at + k));
    found.set(id, s);
  }
  return found.get(16) ?? found.get(1) ?? '';
}

/**
 * Everything text measurement needs from a font file's bytes.
 * @throws {Error} if a required table (cmap, head, hhea, hmtx, maxp, name, OS/2) is missing
 * @example readFontMetrics(ttf).unitsPerEm // => 1000
 */
export function readFontMetrics(bytes: Uint8Array): FontMetrics {
  const dir = tableDirectory(bytes);
  const v = view(bytes);
  return {
    family: readFamily(bytes, dir),
    weight: v.getUint16(table(dir, 'OS/2').offset + 4),
    unitsPerEm: v.getUint16(table(dir, 'head').offset + 18),
    glyphOf: readCmap(bytes, dir),
    advances: readAdvances(bytes, dir),
  };
}
