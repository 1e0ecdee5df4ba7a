// Vega-Lite spec → SVG (vega View, renderer 'none') → PNG (resvg, with the Noto Sans SC files from npm and no
// system fonts). Vega's text widths are replaced by the font's own advance widths (font.ts, measure.ts): without
// node-canvas it would guess Latin proportions and clip or overlap Chinese labels.
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {Resvg} from '@resvg/resvg-js';
import * as vega from 'vega';
import {compile, type TopLevelSpec} from 'vega-lite';
import {CHART_FONT} from './charts.ts';
import {readFontMetrics} from './font.ts';
import {fontMeasure, type Measure} from './measure.ts';
import {subsetFont} from './subset.ts';

/** The two faces the charts use, as files and bytes, and a Measure over their metrics. */
export interface ChartFonts {
  family: string;
  files: {regular: string; bold: string};
  regular: Uint8Array;
  bold: Uint8Array;
  measure: Measure;
}

/** Paths of the Noto Sans SC TTF files (regular 400, bold 700) inside @expo-google-fonts/noto-sans-sc. */
export function fontFiles(): {regular: string; bold: string} {
  const require = createRequire(import.meta.url);
  return {
    regular: require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
    bold: require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'),
  };
}

let fonts: Promise<ChartFonts> | undefined;

/**
 * Read the chart fonts once (about 20 MB) and build their Measure; later calls share the result.
 * @throws {Error} if the font package is not installed or its files are not TrueType fonts
 */
export function loadChartFonts(): Promise<ChartFonts> {
  fonts ??= (async () => {
    const files = fontFiles();
    const [regular, bold] = await Promise.all([readFile(files.regular), readFile(files.bold)]);
    const r = readFontMetrics(regular);
    if (r.family !== CHART_FONT) throw new Error(`expected the font family ${CHART_FONT}, got ${r.family}`);
    return {family: r.family, files, regular, bold, measure: fontMeasure(r, readFontMetrics(bold))};
  })().catch((e: unknown) => { fonts = undefined; throw e; });
  return fonts;
}

/** A text item as vega's scenegraph hands it to textMetrics.width. */
export interface TextItem {
  fontSize?: number;
  fontWeight?: string | number;
  limit?: number;
}

/** vega's text measurement hook: exported by vega(-scenegraph) at run time, absent from its type declarations. */
interface TextMetrics {
  width: (item: TextItem, text?: unknown) => number;
}
const textMetrics = (vega as unknown as {textMetrics: TextMetrics}).textMetrics;

/** The width vega uses for a text item now (after {@link useMeasure}: the font's). */
export const vegaTextWidth = (item: TextItem, text: string): number => textMetrics.width(item, text);

/**
 * Make vega measure text with `measure`. A label cut at `item.limit` is at most that wide, so the width is
 * capped there: vega's own truncation (which calls this for each candidate prefix) still works.
 */
export function useMeasure(measure: Measure): void {
  textMetrics.width = (item: TextItem, text?: unknown): number => {
    const s = text == null ? '' : String(text).trim();
    const size = item.fontSize ?? 11;
    const bold = item.fontWeight === 'bold' || Number(item.fontWeight) >= 600;
    const w = size <= 0 || s === '' ? 0 : measure(s, size, bold);
    return item.limit !== undefined && item.limit > 0 ? Math.min(w, item.limit) : w;
  };
}

/**
 * Draw a Vega-Lite spec as an SVG string, text measured with the chart fonts.
 * @example (await renderSvg(weightChart(docs))).startsWith('<svg') // => true
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  useMeasure((await loadChartFonts()).measure);
  const view = new vega.View(vega.parse(compile(spec).spec), {renderer: 'none'});
  try {
    return withTitles(await view.toSVG());
  } finally {
    view.finalize();
  }
}

/** A self-closed mark element of vega's SVG with an aria-label (its `description`). */
const LABELLED = /<(path|circle|rect|line|image)\b([^>]*?\baria-label="([^"]*)"[^>]*?)\/>/g;

/**
 * Give each data mark (role graphics-symbol) a <title> with its aria-label, which browsers show on hover:
 * the tooltip of a static SVG. The label is already escaped for an attribute, so it is valid text content.
 * @example withTitles('<path aria-label="分值：40" role="graphics-symbol" d="M0,0"/>')
 * // => '<path aria-label="分值：40" role="graphics-symbol" d="M0,0"><title>分值：40</title></path>'
 */
export function withTitles(svg: string): string {
  return svg.replace(LABELLED, (all, tag: string, attrs: string, label: string) =>
    (/\brole="graphics-symbol"/.test(attrs) ? `<${tag}${attrs}><title>${label}</title></${tag}>` : all));
}

/** Options of {@link renderPng}. */
export interface PngOptions {
  /** Pixels per SVG unit (default: 2, for sharp text). */
  scale?: number;
  /**
   * Hand resvg the font files cut down to the SVG's characters (default: true). The glyphs are the same; resvg
   * shapes each text element about 20 times faster than with the whole 10 MB files.
   */
  subset?: boolean;
}

/**
 * Rasterise an SVG with resvg, loading only the Noto Sans SC files (no system fonts, so the result is the same
 * on every machine and a missing glyph would show, not be silently replaced).
 * @example (await renderPng(svg)).subarray(1, 4).toString() // => 'PNG'
 */
export async function renderPng(svg: string, options: PngOptions = {}): Promise<Uint8Array> {
  const scale = options.scale ?? 2;
  if (!(scale > 0 && scale <= 8)) throw new RangeError(`invalid scale: ${scale} (0–8)`);
  const f = await loadChartFonts();
  if (options.subset === false) return rasterise(svg, [f.files.regular, f.files.bold], f.family, scale);
  const dir = await mkdtemp(join(tmpdir(), 'jixiao-font-'));
  try {
    const files = [join(dir, 'regular.ttf'), join(dir, 'bold.ttf')];
    await writeFile(files[0], subsetFont(f.regular, svg));
    await writeFile(files[1], subsetFont(f.bold, svg));
    return rasterise(svg, files, f.family, scale);
  } finally {
    await rm(dir, {recursive: true, force: true});
  }
}

function rasterise(svg: string, fontFiles: string[], family: string, scale: number): Uint8Array {
  const resvg = new Resvg(svg, {
    font: {fontFiles, loadSystemFonts: false, defaultFontFamily: family},
    fitTo: {mode: 'zoom', value: scale},
    background: 'white',
  });
  return resvg.render().asPng();
}
