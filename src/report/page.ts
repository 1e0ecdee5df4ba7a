// The HTML report, pure: analysed documents + chart SVG strings + embedded font faces in, one self-contained page
// out (no external URL): a summary per document, the charts inline, a sortable and filterable findings table
// with file:line for each finding, and the indicator table of every project. Vanilla JS for sort and filter.
// A page for hundreds of documents stays readable and light: past PAGE_LIMITS it lists the errors and warnings
// first and opens the tables with the most findings, and says so; the CSV files beside it hold every row.
import type {AnalyzedDocument, AnalyzedIndicator, AnalyzedTable, Finding, WeightStatus} from '../analyze/types.ts';
import {docTag, tableLabels} from './chart-data.ts';
import {KIND_NAMES, PRIOR_NAMES, SEVERITY_NAMES, findingName} from './labels.ts';

/** A chart drawn as SVG, with its file name and Chinese title. */
export interface PageChart {
  name: string;
  title: string;
  svg: string;
}

/** An embedded font face: the TTF bytes as base64 and the CSS weight they serve. */
export interface PageFont {
  family: string;
  weight: number;
  base64: string;
}

/** Input of {@link buildPage}. */
export interface PageInput {
  docs: ReadonlyArray<AnalyzedDocument>;
  charts: ReadonlyArray<PageChart>;
  /** Faces for @font-face (default: none, the text then uses whatever font the machine has). */
  fonts?: ReadonlyArray<PageFont>;
  /** Page title (default: 绩效目标表检查报告). */
  title?: string;
  /** Most findings listed and most tables whose indicator rows are shown (default: PAGE_LIMITS). */
  limits?: Partial<typeof PAGE_LIMITS>;
}

/** Most findings the page lists and most tables it shows the indicator rows of; the CSV files hold them all. */
export const PAGE_LIMITS = {findings: 2000, tables: 200};

/** Escape text for HTML content and double-quoted attributes. */
export const esc = (s: string | number | null | undefined): string =>
  String(s ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const num = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : String(Math.round(n * 100) / 100));
const pct = (r: number | null): string => (r === null ? '—' : `${Math.round(r * 100)}%`);
const SEVERITY_RANK = {error: 0, warning: 1, info: 2} as const;
const WEIGHT_NAMES: Record<WeightStatus, string> = {ok: '100 分', 'reserved-10': '90 分（预留 10 分）', mismatch: '合计不符', missing: '无权重'};

/**
 * The whole report page.
 * @example buildPage({docs, charts: [{name: 'weights', title: '分值构成', svg}]}).startsWith('<!DOCTYPE html>') // => true
 */
export function buildPage(input: PageInput): string {
  const title = input.title ?? '绩效目标表检查报告';
  const labels = tableLabels(input.docs);
  const limits = {...PAGE_LIMITS, ...input.limits};
  const shown = shownTables(input.docs, limits.tables);
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title>`,
    `<style>${fontFaces(input.fonts ?? [])}${CSS}</style></head>`,
    '<body>',
    header(title, input.docs),
    documentsSection(input.docs),
    chartsSection(input.charts),
    findingsSection(input.docs, labels, shown, limits.findings),
    indicatorsSection(input.docs, labels, shown),
    `<script>${SCRIPT}</script>`,
    '</body></html>',
  ].join('\n') + '\n';
}

/** @font-face rules of the embedded faces. */
function fontFaces(fonts: ReadonlyArray<PageFont>): string {
  return fonts.map((f) =>
    `@font-face{font-family:"${esc(f.family)}";font-style:normal;font-weight:${f.weight};font-display:swap;` +
    `src:url(data:font/ttf;base64,${f.base64}) format("truetype")}\n`).join('');
}

/** Title, totals and the table of contents. */
function header(title: string, docs: ReadonlyArray<AnalyzedDocument>): string {
  const tables = docs.reduce((n, d) => n + d.tables.length, 0);
  const rows = docs.reduce((n, d) => n + d.coverage.indicators, 0);
  const sev = {error: 0, warning: 0, info: 0};
  for (const d of docs) for (const k of Object.keys(sev) as Array<keyof typeof sev>) sev[k] += d.summary.by_severity[k];
  return `<header><h1>${esc(title)}</h1>
<p class="totals">${docs.length} 个文档，${tables} 张绩效目标表，${rows} 项指标；检查发现：<span class="sev-error">${sev.error} 个错误</span>、<span class="sev-warning">${sev.warning} 个警告</span>、<span class="sev-info">${sev.info} 个提示</span>。</p>
<nav><a href="#documents">各文档概况</a><a href="#charts">图表</a><a href="#findings">检查发现</a><a href="#indicators">指标明细</a></nav></header>`;
}

/** One row per document: tables, indicators, shares, weight statuses, findings, disclosure. */
function documentsSection(docs: ReadonlyArray<AnalyzedDocument>): string {
  const head = ['文件', '单位', '项目表', '整体表', '指标数', '定量占比', '有上年值', '权重合计', '错误', '警告', '提示', '预算绩效情况（公布 / 表中项目数）'];
  const rows = docs.map((d, i) => {
    const c = d.coverage;
    const cells = [
      d.tables[0]?.unit ?? '—',
      num(d.tables.filter((t) => t.kind === 'project').length), num(d.tables.filter((t) => t.kind === 'overall').length),
      num(c.indicators), pct(c.quantitative_share), pct(c.prior_share), weightStatuses(d.tables),
      num(d.summary.by_severity.error), num(d.summary.by_severity.warning), num(d.summary.by_severity.info), disclosureText(d),
    ];
    return `<tr><td><b>${esc(docTag(d.source, i))}</b> ${esc(d.source)}</td>${cells.map((x) => `<td>${esc(x)}</td>`).join('')}</tr>`;
  });
  return `<section id="documents"><h2>各文档概况</h2>
<table class="sortable summary"><thead><tr>${head.map(th).join('')}</tr></thead><tbody>
${rows.join('\n')}
</tbody></table></section>`;
}

/** A sortable column header. */
const th = (label: string): string => `<th scope="col"><button type="button">${esc(label)}</button></th>`;

/** "90 分（预留 10 分）× 14" per weight status present. */
function weightStatuses(tables: ReadonlyArray<AnalyzedTable>): string {
  const counts = new Map<WeightStatus, number>();
  for (const t of tables) counts.set(t.checks.weight_status, (counts.get(t.checks.weight_status) ?? 0) + 1);
  return [...counts].map(([s, n]) => `${WEIGHT_NAMES[s]} × ${n}`).join('；') || '—';
}

/** Projects announced in the (四) paragraph against project tables found. */
function disclosureText(d: AnalyzedDocument): string {
  const r = d.disclosure;
  if (!r?.disclosure) return '未找到段落';
  const x = r.disclosure;
  const parts = [x.fiscal_count, x.nonfiscal_count].filter((n): n is number => n !== null);
  const announced = x.project_count ?? (parts.length > 0 ? parts.reduce((a, b) => a + b, 0) : null);
  return `${num(announced)} / ${r.tables.project_count}`;
}

/** Every chart, inline. */
function chartsSection(charts: ReadonlyArray<PageChart>): string {
  const figures = charts.map((c) => `<figure class="chart" id="chart-${esc(c.name)}" aria-label="${esc(c.title)}">${c.svg}</figure>`);
  return `<section id="charts"><h2>图表</h2>\n${figures.join('\n')}\n</section>`;
}

/** A finding with the document and table it belongs to. */
interface Placed {
  doc: AnalyzedDocument;
  index: number;
  table: AnalyzedTable | null;
  finding: Finding;
}

/** Every finding of every document in source order: the document's own, then each table's. */
function placedFindings(docs: ReadonlyArray<AnalyzedDocument>): Placed[] {
  return docs.flatMap((doc, index) => [
    ...doc.findings.map((finding) => ({doc, index, table: null, finding})),
    ...doc.tables.flatMap((table) => table.checks.findings.map((finding) => ({doc, index, table, finding}))),
  ]);
}

/**
 * The findings listed: all, or past `max` the most severe (errors, then warnings, then notes; in source order
 * within each), kept in source order.
 */
function listedFindings(placed: ReadonlyArray<Placed>, max: number): Placed[] {
  if (placed.length <= max) return [...placed];
  const kept = new Set(placed.map((p, k) => ({p, k})).sort((a, b) => SEVERITY_RANK[a.p.finding.severity] - SEVERITY_RANK[b.p.finding.severity] || a.k - b.k)
    .slice(0, max).map((x) => x.p));
  return placed.filter((p) => kept.has(p));
}

/** The tables whose indicator rows the page shows: all, or past `max` those with the most severe findings. */
function shownTables(docs: ReadonlyArray<AnalyzedDocument>, max: number): Set<AnalyzedTable> {
  const all = docs.flatMap((d) => d.tables);
  if (all.length <= max) return new Set(all);
  const weight = (t: AnalyzedTable): number => t.checks.findings.reduce((n, f) => n + [1e6, 1e3, 1][SEVERITY_RANK[f.severity]], 0);
  return new Set(all.map((t, k) => ({t, k, w: weight(t)})).sort((a, b) => b.w - a.w || a.k - b.k).slice(0, max).map((x) => x.t));
}

/** The filter bar and the findings table. */
function findingsSection(docs: ReadonlyArray<AnalyzedDocument>, labels: Map<AnalyzedTable, string>, shown: ReadonlySet<AnalyzedTable>, max: number): string {
  const placed = placedFindings(docs);
  const listed = listedFindings(placed, max);
  const options = Object.entries(SEVERITY_NAMES).map(([k, v]) => `<option value="${k}">${v}</option>`).join('');
  const rows = listed.map((p) => findingRow(p, labels, shown));
  const note = listed.length < placed.length
    ? `<p class="note">共 ${placed.length} 条发现，本页列出 ${listed.length} 条（错误、警告在先）；全部见同一文件夹的 findings.csv。</p>\n` : '';
  return `<section id="findings"><h2>检查发现</h2>
${note}<div class="filters"><label>筛选 <input id="finding-filter" type="search" placeholder="输入文件名、检查项、代码或说明中的文字" autocomplete="off"></label>
<label>严重程度 <select id="severity-filter"><option value="">全部</option>${options}</select></label>
<span>显示 <output id="finding-count">${listed.length} / ${listed.length}</output> 条</span></div>
<table id="findings-table" class="sortable findings"><thead><tr>${['严重程度', '检查项', '位置（文件:行）', '所在表', '说明'].map(th).join('')}</tr></thead><tbody>
${rows.join('\n')}
</tbody></table></section>`;
}

function findingRow(p: Placed, labels: Map<AnalyzedTable, string>, shown: ReadonlySet<AnalyzedTable>): string {
  const f = p.finding;
  const where = `${p.doc.source}:${f.lines[0]}${f.lines[1] !== f.lines[0] ? `-${f.lines[1]}` : ''}`;
  const sortWhere = `${p.doc.source}:${String(f.lines[0]).padStart(7, '0')}`;
  const table = p.table === null ? '（文档）'
    : shown.has(p.table) ? `<a href="#${tableId(p.index, p.table)}">${esc(labels.get(p.table))}</a>` : esc(labels.get(p.table));
  return `<tr data-severity="${f.severity}"><td data-sort="${SEVERITY_RANK[f.severity]}"><span class="badge sev-${f.severity}">${SEVERITY_NAMES[f.severity]}</span></td>` +
    `<td>${esc(findingName(f.code))}<br><code>${esc(f.code)}</code></td><td data-sort="${esc(sortWhere)}"><code>${esc(where)}</code></td>` +
    `<td>${table}</td><td>${esc(f.message)}</td></tr>`;
}

/** Anchor of a table's indicator block. */
const tableId = (index: number, t: AnalyzedTable): string => `t${index + 1}-${t.title_line}`;

/** Per document, per table shown: a collapsible block with the table's metadata and indicator rows. */
function indicatorsSection(docs: ReadonlyArray<AnalyzedDocument>, labels: Map<AnalyzedTable, string>, shown: ReadonlySet<AnalyzedTable>): string {
  const total = docs.reduce((n, d) => n + d.tables.length, 0);
  const blocks = docs.flatMap((d, i) => {
    const tables = d.tables.filter((t) => shown.has(t));
    if (tables.length === 0) return [];
    return [`<h3>${esc(docTag(d.source, i))} ${esc(d.tables[0]?.unit ?? '')} <small>${esc(d.source)}</small></h3>\n` +
      tables.map((t) => tableBlock(i, d, t, labels)).join('\n')];
  });
  const note = shown.size < total
    ? `<p class="note">共 ${total} 张表，本页展开 ${shown.size} 张（发现最严重、最多的在先）；全部指标见同一文件夹的 indicators.csv。</p>\n` : '';
  return `<section id="indicators"><h2>指标明细（按项目）</h2>\n${note}${blocks.join('\n')}\n</section>`;
}

function tableBlock(index: number, d: AnalyzedDocument, t: AnalyzedTable, labels: Map<AnalyzedTable, string>): string {
  const meta = [
    `${t.indicators.length} 项指标`, `权重合计 ${num(t.checks.weight_sum)}`, `预算 ${num(t.budget_total)} 万元`,
    `${t.checks.findings.length} 条发现`, `${d.source}:${t.lines[0]}-${t.lines[1]}`,
  ];
  const head = ['行', '一级指标', '二级指标', '三级指标', '指标值', '类型', '上年完成值', '与上年相比', '权重'];
  return `<details id="${tableId(index, t)}"><summary><b>${esc(labels.get(t))}</b> <span class="meta">${esc(meta.join(' · '))}</span></summary>
<table class="sortable indicators"><thead><tr>${head.map(th).join('')}</tr></thead><tbody>
${t.indicators.map(indicatorRow).join('\n')}
</tbody></table></details>`;
}

function indicatorRow(i: AnalyzedIndicator): string {
  const lowered = i.prior_comparison.status === 'lowered';
  const cells = [
    `<td data-sort="${i.lines[0]}">${i.lines[0]}${i.lines[1] !== i.lines[0] ? `-${i.lines[1]}` : ''}</td>`,
    `<td>${esc(i.level1)}</td>`, `<td>${esc(i.level2)}</td>`, `<td>${esc(i.level3)}</td>`, `<td>${esc(i.target)}</td>`,
    `<td>${KIND_NAMES[i.target_parsed.kind]}</td>`, `<td>${esc(i.prior_year ?? '—')}</td>`,
    `<td>${PRIOR_NAMES[i.prior_comparison.status]}${i.prior_comparison.ratio !== undefined ? `（×${num(i.prior_comparison.ratio)}）` : ''}</td>`,
    `<td data-sort="${i.weight ?? -1}">${num(i.weight)}</td>`,
  ];
  return `<tr${lowered ? ' class="lowered"' : ''}>${cells.join('')}</tr>`;
}

const CSS = `
:root{--fg:#1d2430;--muted:#5b6575;--line:#d9dee6;--bg:#f6f7f9;--accent:#2f5d8a}
*{box-sizing:border-box}
body{margin:0;font-family:"Noto Sans SC",sans-serif;color:var(--fg);background:var(--bg);font-size:14px;line-height:1.6}
header,section{max-width:1280px;margin:0 auto;padding:16px 24px}
h1{font-size:24px;margin:8px 0}h2{font-size:19px;border-bottom:2px solid var(--accent);padding-bottom:4px;margin-top:28px}h3{font-size:16px;margin:20px 0 8px}
h3 small,.meta{color:var(--muted);font-weight:normal;font-size:12px}
nav a{margin-right:16px;color:var(--accent)}
table{border-collapse:collapse;width:100%;background:white;font-size:13px}
th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
th{background:#eef1f5;white-space:nowrap}
th button{all:unset;cursor:pointer;font-weight:bold}
th[aria-sort=ascending] button::after{content:" ▲"}th[aria-sort=descending] button::after{content:" ▼"}
tr[hidden]{display:none}
code{font-family:inherit;color:var(--muted);font-size:12px}
.chart{background:white;border:1px solid var(--line);margin:16px 0;padding:8px;overflow-x:auto}
.chart svg{max-width:100%;height:auto;display:block}
.filters{display:flex;gap:16px;flex-wrap:wrap;align-items:center;margin:8px 0}
.note{color:var(--muted);margin:8px 0}
.filters input{width:360px;max-width:100%;font:inherit;padding:4px 8px}
.filters select{font:inherit;padding:3px}
.badge{display:inline-block;padding:0 6px;border-radius:3px;color:white;font-size:12px;white-space:nowrap}
.badge.sev-error{background:#c62828}.badge.sev-warning{background:#ef8a17}.badge.sev-info{background:#4a7fb5}
.totals .sev-error{color:#c62828}.totals .sev-warning{color:#b8620a}.totals .sev-info{color:#2f5d8a}
details{background:white;border:1px solid var(--line);margin:6px 0;padding:4px 8px}
summary{cursor:pointer}
tr.lowered td{background:#fdecea}
.summary td:first-child,.summary td:nth-child(8),.findings td:nth-child(3){white-space:nowrap}
.findings td:nth-child(2){min-width:11em}
`;

const SCRIPT = `
(function () {
  'use strict';
  var table = document.getElementById('findings-table');
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var input = document.getElementById('finding-filter');
  var severity = document.getElementById('severity-filter');
  var count = document.getElementById('finding-count');
  function applyFilter() {
    var q = input.value.trim().toLowerCase();
    var s = severity.value;
    var shown = 0;
    rows.forEach(function (r) {
      var ok = (!q || r.textContent.toLowerCase().indexOf(q) >= 0) && (!s || r.getAttribute('data-severity') === s);
      r.hidden = !ok;
      if (ok) shown++;
    });
    count.textContent = shown + ' / ' + rows.length;
  }
  input.addEventListener('input', applyFilter);
  severity.addEventListener('change', applyFilter);
  function key(row, i) {
    var cell = row.cells[i];
    return cell ? (cell.getAttribute('data-sort') || cell.textContent.trim()) : '';
  }
  function compare(a, b) {
    var x = Number(a), y = Number(b);
    if (a !== '' && b !== '' && !isNaN(x) && !isNaN(y)) return x - y;
    return a.localeCompare(b, 'zh-CN');
  }
  function sortBy(t, th, i) {
    var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
    Array.prototype.forEach.call(t.tHead.rows[0].cells, function (h) { h.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
    var body = t.tBodies[0];
    var list = Array.prototype.slice.call(body.rows);
    list.sort(function (a, b) { return compare(key(a, i), key(b, i)) * dir; });
    list.forEach(function (r) { body.appendChild(r); });
  }
  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function (t) {
    Array.prototype.forEach.call(t.tHead.rows[0].cells, function (th, i) {
      th.querySelector('button').addEventListener('click', function () { sortBy(t, th, i); });
    });
  });
  function openTarget() {
    var el = location.hash && document.getElementById(location.hash.slice(1));
    if (el && el.tagName === 'DETAILS') el.open = true;
  }
  window.addEventListener('hashchange', openTarget);
  openTarget();
})();
`;
