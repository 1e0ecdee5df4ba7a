// The HTML report in a real browser: headless Debian Chromium via playwright-core opens report.html written from
// data/ into a temp folder. Skipped (not failed) when /usr/bin/chromium is missing. Set JIXIAO_KEEP_BROWSER_OUTPUT=1
// to keep the temp folder (report.html and the screenshots) for a look.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {writeReport} from '../../src/io/reports.ts';
import {CHARTS} from '../../src/report/charts.ts';
import {analyzedBundled} from '../helpers/analyzed.ts';

/** Debian's Chromium; JIXIAO_CHROMIUM overrides it (a missing path shows the skip). */
const CHROMIUM = process.env.JIXIAO_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is missing (apt-get install chromium): browser test skipped`;
if (skip) process.stderr.write(`browser.test.ts: ${skip}\n`);

test('report.html in headless Chromium: charts, filter, sort, embedded font, no console error', {skip, timeout: 120_000}, async (t) => {
  const {chromium} = await import('playwright-core');
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-report-'));
  const profile = mkdtempSync(join(tmpdir(), 'jixiao-chromium-'));
  const docs = analyzedBundled();
  await writeReport(dir, docs, {png: false});
  const context = await chromium.launchPersistentContext(profile, {executablePath: CHROMIUM, headless: true, args: ARGS, viewport: {width: 1400, height: 1000}});
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    const outside: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
      outside.push(url);
      return route.abort();
    });
    await page.goto(pathToFileURL(join(dir, 'report.html')).href);
    await page.evaluate(() => document.fonts.ready);

    await t.test('every chart is an inline SVG', async () => {
      assert.equal(await page.locator('figure.chart > svg').count(), CHARTS.length);
      assert.ok((await page.locator('figure.chart svg title').count()) > 100, 'bars carry <title> tooltips');
    });

    const rows = page.locator('#findings-table tbody tr:not([hidden])');
    const total = docs.reduce((n, d) => n + d.summary.total, 0);
    await t.test('typing in the filter box leaves fewer rows', async () => {
      assert.equal(await rows.count(), total);
      await page.fill('#finding-filter', 'target-below-prior');
      const shown = await rows.count();
      assert.ok(shown > 0 && shown < total, `${shown} of ${total}`);
      assert.equal(await page.textContent('#finding-count'), `${shown} / ${total}`);
      await page.locator('#findings').screenshot({path: join(dir, 'screenshot-findings.png')});
      await page.fill('#finding-filter', '003_e2de676d67b0a214.txt');
      assert.equal(await rows.count(), docs[3].summary.total);
      await page.fill('#finding-filter', '');
      await page.selectOption('#severity-filter', 'error');
      assert.equal(await rows.count(), docs.reduce((n, d) => n + d.summary.by_severity.error, 0));
      await page.selectOption('#severity-filter', '');
      assert.equal(await rows.count(), total);
    });

    await t.test('clicking a header sorts the findings, a second click reverses', async () => {
      const header = page.locator('#findings-table thead th').nth(0).locator('button');
      const first = () => page.locator('#findings-table tbody tr').first().getAttribute('data-severity');
      await header.click();
      assert.equal(await first(), 'error');
      assert.equal(await page.locator('#findings-table thead th').nth(0).getAttribute('aria-sort'), 'ascending');
      await header.click();
      assert.equal(await first(), 'info');
      await page.locator('#findings-table thead th').nth(2).locator('button').click();
      const places = await page.locator('#findings-table tbody tr td:nth-child(3)').allTextContents();
      assert.match(places[0], /^000_b3fa070b509c4b73\.txt:\d+/);
      assert.match(places[places.length - 1], /^004_ac8f4d225a7a92b5\.txt:\d+/);
    });

    await t.test('Chinese text is drawn with the embedded Noto Sans SC, not tofu', async () => {
      const r = await page.evaluate(async () => {
        await document.fonts.load('16px "Noto Sans SC"', '绩效目标表');
        const faces = [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'Noto Sans SC').map((f) => `${f.weight}:${f.status}`);
        const ctx = document.createElement('canvas').getContext('2d')!;
        ctx.canvas.width = 40; ctx.canvas.height = 40;
        ctx.font = '16px "Noto Sans SC", monospace';
        const cjk = ctx.measureText('绩效目标表').width;
        const latin = ctx.measureText('0123456789').width;
        ctx.font = '32px "Noto Sans SC"';
        ctx.fillText('绩', 2, 32);
        const ink = ctx.getImageData(0, 0, 40, 40).data.filter((v, i) => i % 4 === 3 && v > 0).length;
        return {faces, check: document.fonts.check('16px "Noto Sans SC"', '绩效目标表'), cjk, latin, ink, body: getComputedStyle(document.body).fontFamily};
      });
      assert.ok(r.faces.includes('400:loaded'), r.faces.join(', '));
      assert.equal(r.check, true);
      assert.ok(Math.abs(r.cjk - 80) < 0.01, `five CJK glyphs of 1 em each: ${r.cjk}`);
      // Noto Sans SC's digits are 555/1000 em (no kerning): 88.8 px at 16 px; a fallback (monospace 0.6 em) differs.
      assert.ok(Math.abs(r.latin - 88.8) < 0.1, `digits width ${r.latin}`);
      assert.ok(r.ink > 30, `绩 has ${r.ink} inked pixels`);
      assert.match(r.body, /Noto Sans SC/);
    });

    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({path: join(dir, 'screenshot-top.png')});
    t.diagnostic(`screenshots in ${dir}`);
    assert.deepEqual(errors, [], 'no console error');
    assert.deepEqual(outside, [], 'no request leaves the file');
  } finally {
    await context.close();
    rmSync(profile, {recursive: true, force: true});
    if (!process.env.JIXIAO_KEEP_BROWSER_OUTPUT) rmSync(dir, {recursive: true, force: true});
  }
});
