// Rendered corpus builder: real PDF-to-text dumps of 绩效目标表 tables, with honest expected rows.
//
// What it does
//   The SPECS below are data written by hand (or copied from the hand-checked expected rows of the bundled
//   documents in test/fixtures/expected/), never extractor output. Each spec is a small document: a
//   "（四）预算绩效情况" paragraph, one or more tables (header block + indicator grid), a closing paragraph,
//   and a template (page size, font size, column widths, page footer, repeated header rows …).
//   For every spec the script
//     1. renders HTML (real <table>s, rowspan-merged 一级/二级 cells, borders, font "Noto Sans CJK SC",
//        @page size A4 portrait / A4 landscape / A3 / B5, narrow column widths so that cells wrap),
//     2. prints it to PDF with headless Chromium,
//     3. dumps the PDF with pdftotext -enc UTF-8 in three modes: default, -layout, -raw,
//     4. if LibreOffice is installed, also exports the HTML as text with soffice (txt, UTF-8),
//     5. if playwright-core (node_modules) and chromium are there, also loads the HTML in headless Chromium and
//        takes document.body.innerText: what the clipboard gets as text/plain when a person selects the page in a
//        browser and pastes it ("copy and paste from a web page": cells joined by a tab, rows by a newline, a
//        merged cell printed once in the first row it spans),
//   6. if pdfminer.six (pdf2txt) and MuPDF (mutool) are installed, also dumps the PDF with each,
//   and writes to test/fixtures/rendered/:
//     <spec>.default.txt  <spec>.layout.txt  <spec>.raw.txt  [<spec>.libreoffice.txt]  [<spec>.webcopy.txt]
//     [<spec>.pdfminer.txt]  [<spec>.mupdf.txt]  <spec>.markdown.txt  <spec>.mineru.txt (made from the spec, see
//     renderMarkdown and renderMinerU)
//     <spec>.expected.json   {tables:[{kind,year,unit,project,leader,budget_total,budget_fiscal,budget_other,
//                                       columns,indicators:[{level1 … evidence, extras}]}]}
//     README.md              what each spec exercises, tool versions
//   The expected JSON has the shape of test/fixtures/expected/*.json without `source` and `title_line`
//   (title lines differ per dump). It is computed from the spec data only (cells with whitespace removed,
//   weights as numbers, amounts in 万元), see expectedTable().
//
// How to run (developers only: NOT part of `npm test` or CI, it needs the tools below)
//   apt-get install -y chromium poppler-utils fonts-noto-cjk        # required
//   apt-get install -y --no-install-recommends libreoffice-writer-nogui   # optional: *.libreoffice.txt
//   apt-get install -y python3-pdfminer mupdf-tools                      # optional: *.pdfminer.txt, *.mupdf.txt
//   node --import tsx test/corpus/build.ts                 # rebuild every spec (stale outputs are removed)
//   node --import tsx test/corpus/build.ts narrow-wrap-b5  # rebuild some specs only
//   node --import tsx test/corpus/build.ts --keep          # keep the HTML/PDF in the temp dir (path printed)
//   node --import tsx test/corpus/build.ts --no-libreoffice --no-webcopy
//   node --import tsx test/corpus/build.ts --only-mode webcopy   # write only these dumps (repeatable; no PDF
//       unless a pdftotext mode is asked for, expected.json untouched, README.md rewritten)
//   node --import tsx test/corpus/build.ts --variant lh1.2  # the same specs re-rendered with another font size
//       or line height (VARIANTS below) into test/fixtures/rendered-variants/<variant>/ (the PDF dumps, pdfminer and
//       MuPDF included when installed; no LibreOffice or webcopy dump: neither text depends on them): other line
//       breaks and row heights for the same expected rows
// Outputs are deterministic for given tool versions; commit them together with this script.
import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {Browser} from 'playwright-core';

const ROOT = join(import.meta.dirname, '..', '..');
const RENDERED = join(ROOT, 'test', 'fixtures', 'rendered');
/** Re-renders of every spec with another font size (points added) or line height, for the same expected rows. */
interface Render {
  fontDelta: number;
  lineHeight: number;
  /** What prints the HTML to PDF: headless Chromium (default) or LibreOffice Writer (a PDF made like an office suite's). */
  producer?: 'chromium' | 'libreoffice';
}
const VARIANTS: Record<string, Render> = {
  'f+0.5': {fontDelta: 0.5, lineHeight: 1.35},
  'f-0.5': {fontDelta: -0.5, lineHeight: 1.35},
  'lh1.2': {fontDelta: 0, lineHeight: 1.2},
  'lh1.5': {fontDelta: 0, lineHeight: 1.5},
  'f+0.8-lh1.25': {fontDelta: 0.8, lineHeight: 1.25},
  'f-0.8-lh1.45': {fontDelta: -0.8, lineHeight: 1.45},
  // The same HTML printed to PDF by LibreOffice Writer instead of Chromium (its own table layout, wider cell padding,
  // its own line breaks, @page sizes not applied: A4 or Letter portrait), as office-suite PDFs are.
  'lo-pdf': {fontDelta: 0, lineHeight: 1.35, producer: 'libreoffice'},
};
/** The variant being rendered (the plain corpus: no change). */
let RENDER: Render = {fontDelta: 0, lineHeight: 1.35};
let OUT = RENDERED;
const BUNDLED = join(ROOT, 'test', 'fixtures', 'expected');

// ───────────────────────────── spec types ─────────────────────────────

/** Grid column keys. The first nine are the standard 项目支出绩效目标表 columns (FORMAT.md); the rest are
 *  template extras: 指标性质/度量单位 (joined into `target`), 自评表 全年实际值/得分/偏差原因, 长期 target. */
type Key =
  | 'level1' | 'level2' | 'level3' | 'target' | 'basis' | 'prior_year' | 'weight' | 'scoring_rule' | 'evidence'
  | 'target_nature' | 'target_unit' | 'actual' | 'score' | 'deviation' | 'target_long_term'
  // Columns outside the indicator: 序号 (row number), 指标解释 (what the indicator means), 备注 (remarks).
  | 'seq' | 'explanation' | 'remark'
  // Several projects in one flat table: per-project columns merged over each project's rows.
  | 'project' | 'project_budget' | 'project_goal';

interface Column {
  key: Key;
  /** Header label as printed (may carry a suffix such as "(必填)" or "（100分）"). */
  label: string;
  /** Name listed in the expected `columns`: the label without such a suffix. Defaults to `label`. */
  name?: string;
  /** Relative width (percent of the table) or, when the table sets widthUnit 'em', a width in em. */
  width: number;
  /** Group header printed above this column (two header rows), e.g. 长期目标 / 年度目标. */
  group?: string;
  left?: boolean;
  /** Physical columns the column's cells span (default 1): a grid sharing its table with a wider block above. */
  span?: number;
}

/** One cell of a header block or trailer row. */
interface Cell { t: string; cs?: number; rs?: number; left?: boolean }

/** A table's funding as printed: 'project' = 总额 / 财政拨款 / 其他资金 (also an overall 申报表's 金额合计 row);
 *  'overall' = 上级安排 / 本级安排 / 其他 (and maybe a total). */
type Money =
  | {kind: 'project'; unit: '万元' | '元'; total: string; fiscal: string; other: string}
  | {kind: 'overall'; unit: '万元'; upper: string; local: string; other: string; total?: string};

interface TableSpec {
  kind: 'project' | 'overall';
  title: string;
  /** Printed line under the title, e.g. "(2024 年)"; null when the year is in the title. */
  yearLine: string | null;
  /** A right-aligned line under the title and year line, e.g. "金额单位：万元". */
  unitLine?: string;
  year: number | null;
  unit: string;
  project: string | null;
  leader: string | null;
  /** Amounts exactly as printed; the expected budget (万元) is derived from them. */
  money: Money;
  /** Header block rows (预算单位, 项目名称 …) spanning the grid's columns. */
  block: Cell[][];
  columns: Column[];
  /** Indicator rows: printed cell text in column order, level1/level2 written on every row (the renderer merges). */
  rows: string[][];
  /** A first column holding one cell merged over the column header and every row ("年度绩效指标", as the Ministry
   *  of Finance 申报表 print it); not one of `columns`, so not in the expected `columns`. */
  gridLabel?: {label: string; width: number};
  /** Rows after the indicators that are not indicators (合计 …). */
  trailer?: Cell[][];
  widthUnit?: '%' | 'em';
  /** Column header row(s) in <thead> (repeated on each page), the header block in a table of its own above. */
  repeatHeader?: boolean;
  breakBefore?: boolean;
}

type Para = string | {h: string};

interface Spec {
  name: string;
  /** What the spec exercises (goes to README.md). */
  about: string;
  page: 'A4 portrait' | 'A4 landscape' | 'A3 portrait' | 'A3 landscape' | 'B5 portrait';
  fontPt: number;
  /** Page footer printed in the page margin: none, "- 3 -", "3", "第 3 页 共 4 页". */
  footer: 'none' | 'dash' | 'num' | 'cn';
  /** CSS word-break: break-all (numbers and Latin runs break anywhere, as in narrow PDF cells). */
  breakAll?: boolean;
  before: Para[];
  tables: TableSpec[];
  after: Para[];
}

// ───────────────────────────── spec helpers ─────────────────────────────

const c = (t: string, cs = 1, more: Partial<Cell> = {}): Cell => ({t, cs, ...more});
const L = (t: string, cs = 1, more: Partial<Cell> = {}): Cell => ({t, cs, left: true, ...more});

const STD9: Column[] = [
  {key: 'level1', label: '一级指标', width: 7},
  {key: 'level2', label: '二级指标', width: 8},
  {key: 'level3', label: '三级指标', width: 20, left: true},
  {key: 'target', label: '指标值', width: 11},
  {key: 'basis', label: '指标值设置依据', width: 9},
  {key: 'prior_year', label: '上年完成值', width: 10},
  {key: 'weight', label: '指标分值权重', width: 7},
  {key: 'scoring_rule', label: '指标赋分规则', width: 15},
  {key: 'evidence', label: '佐证资料', width: 13},
];

const OVERALL6: Column[] = [
  {key: 'level1', label: '一级指标', width: 11},
  {key: 'level2', label: '二级指标', width: 11},
  {key: 'level3', label: '三级指标', width: 28, left: true},
  {key: 'target', label: '指标值', width: 14},
  {key: 'basis', label: '指标设定依据', width: 26, left: true},
  {key: 'weight', label: '分值权重', width: 10},
];

interface ProjectLabels {
  unit: string; project: string; leader: string; funds: string; total: string; fiscal: string; other: string; goal: string;
}
const PROJECT_LABELS: ProjectLabels = {
  unit: '预算单位', project: '项目名称', leader: '项目负责人', funds: '项目资金（万元）', total: '年度预算总额',
  fiscal: '其中：财政拨款', other: '其他资金', goal: '项目总体目标',
};

/** The standard project header block (预算单位 / 项目名称+项目负责人 / 项目资金 row / 项目总体目标) on n ≥ 7 columns. */
function projectBlock(
  p: {unit: string; project: string; leader: string; money: Money; goal: string}, n: number, labels: Partial<ProjectLabels> = {},
): Cell[][] {
  const lb = {...PROJECT_LABELS, ...labels};
  if (p.money.kind !== 'project') throw new Error('projectBlock needs project money');
  const ls = n >= 8 ? 2 : 1;
  return [
    [c(lb.unit, ls), L(p.unit, n - ls)],
    [c(lb.project, ls), L(p.project, n - ls - 2), c(lb.leader), c(p.leader)],
    [c(lb.funds, ls), c(lb.total), c(p.money.total), c(lb.fiscal), c(p.money.fiscal), c(lb.other), c(p.money.other, n - ls - 5)],
    [c(lb.goal, ls), L(p.goal, n - ls)],
  ];
}

/** The standard overall header block on 6 columns (单位名称（盖章） … 年度预算（万元） 资金来源/资金总额). */
function overallBlock(
  p: {unit: string; leader: string; phone: string; goal: string; money: Money},
  o: {who: '部门' | '单位'; phoneLabel?: string},
): Cell[][] {
  if (p.money.kind !== 'overall') throw new Error('overallBlock needs overall money');
  const m = p.money;
  const rows: Cell[][] = [
    [c(`${o.who}名称（盖章）`), L(p.unit, 5)],
    [c(`${o.who}联系人`), c(p.leader, 2), c(o.phoneLabel ?? '联系电话'), c(p.phone, 2)],
    [c('年度绩效目标'), L(p.goal, 5)],
    [c('年度预算（万元）', 1, {rs: m.total ? 5 : 4}), c('资金来源', 2), c('资金总额（万元）', 3)],
    [c('财政资金（万元）', 1, {rs: 2}), c('上级安排'), c(m.upper, 3)],
    [c('本级安排'), c(m.local, 3)],
    [c('其他资金（万元）'), c('其他'), c(m.other, 3)],
  ];
  if (m.total) rows.push([c('合计', 2), c(m.total, 3)]);
  return rows;
}

// ───────────────────────────── bundled tables ─────────────────────────────

interface BundledTable {
  kind: 'project' | 'overall'; year: number; unit: string; project: string | null; leader: string;
  budget_total: number; budget_fiscal: number; budget_other: number; columns: string[];
  indicators: Array<Record<string, string | number | null>>;
}

function bundled(file: string, index: number): BundledTable {
  const doc = JSON.parse(readFileSync(join(BUNDLED, file), 'utf8')) as {tables: BundledTable[]};
  const t = doc.tables[index];
  if (!t) throw new Error(`${file} has no table ${index}`);
  return t;
}

/** Cells of the bundled expected rows, as printed in our rendering (weights as plain numbers). */
function bundledRows(t: BundledTable, keys: Key[]): string[][] {
  return t.indicators.map((r) => keys.map((k) => {
    const v = r[k];
    if (v === null || v === undefined) throw new Error(`bundled row lacks ${k}`);
    return String(v);
  }));
}

const KEYS9: Key[] = STD9.map((col) => col.key);
const KEYS6: Key[] = OVERALL6.map((col) => col.key);

const round2 = (x: number): number => Math.round(x * 100) / 100;
const amount = (s: string): number => {
  const v = Number(s.replace(/,/g, ''));
  if (!Number.isFinite(v)) throw new Error(`bad amount ${s}`);
  return v;
};
const money2 = (x: number): string => x.toLocaleString('en-US', {minimumFractionDigits: 2, maximumFractionDigits: 2});

function bundledProject(
  file: string, index: number, o: {yearLine: string; goal: string; labels?: Partial<ProjectLabels>; columns?: Column[]; breakBefore?: boolean},
): TableSpec {
  const t = bundled(file, index);
  const money: Money = {kind: 'project', unit: '万元', total: money2(t.budget_total), fiscal: money2(t.budget_fiscal), other: money2(t.budget_other)};
  const columns = o.columns ?? STD9;
  return {
    kind: 'project', title: '项目支出绩效目标表', yearLine: o.yearLine, year: t.year, unit: t.unit, project: t.project,
    leader: t.leader, money, breakBefore: o.breakBefore,
    block: projectBlock({unit: t.unit, project: t.project!, leader: t.leader, money, goal: o.goal}, columns.length, o.labels),
    columns, rows: bundledRows(t, KEYS9),
  };
}

// ───────────────────────────── the specs ─────────────────────────────

const P4 = {h: '（四）预算绩效情况'};
const P5 = {h: '（五）其他需说明的事项'};

const t003 = bundled('003_e2de676d67b0a214.json', 0);

const SPECS: Spec[] = [
  // a. tables from the bundled expected rows ───────────────────────────
  {
    name: 'bundled-001-long',
    about: '001 table 1 (34 rows, 9 columns) from the bundled expected rows; A4 portrait, standard header block with '
      + '"项目资金(万元)", long 项目总体目标; the grid breaks across pages (no repeated header, the 产出指标 span is not '
      + 'reprinted on page 2); footer "- N -" (dumped as "-1-").',
    page: 'A4 portrait', fontPt: 9.5, footer: 'dash',
    before: [
      '单位价值 50 万元以上大型设备 0 台，单位价值 100 万元以上大型设备 0 台。', P4,
      '2024 年，本单位预算绩效管理整体预算绩效目标 0 个，涉及金额 0.00 万元；当年财政拨款项目 1 个，涉及预算金额 99.00 万元；'
      + '当年非财政拨款项目 0 个，涉及预算金额 0.00 万元。具体情况见下表（按项目分别填报）：',
    ],
    tables: [bundledProject('001_911f9712737d8e1a.json', 0, {
      yearLine: '(2024 年)', labels: {funds: '项目资金(万元)'},
      goal: '2024 年单位每月按时足额缴纳辞去现职保留公职人员社保费；租赁 2 条社保网络专线，购买 1 项网络软硬件维护服务做好社保网络'
        + '系统维护工作；为社会保险经办工作提供保障；召开社会保险基金会议不少于 2 次，每次开会时间为 1 天，提升社会保险基金管理水平。',
    })],
    after: [P5, '本单位无其他需说明的事项。'],
  },
  {
    name: 'bundled-002-pair',
    about: '002 tables 1 and 2 (7 rows each) from the bundled expected rows, one after the other on A4 landscape; '
      + 'amounts with thousands separators ("1,982.45"); the second title and year line end page 1 (then the page number "1") '
      + 'while its header block and grid start page 2; footer "N".',
    page: 'A4 landscape', fontPt: 10, footer: 'num',
    before: [
      P4,
      '2025 年，本单位预算绩效管理整体预算绩效目标 0 个，涉及预算金额 0.00 万元；当年预算安排项目共 2 个，其中：财政拨款项目涉及预算金额'
      + ' 3,856.76 万元；非财政拨款项目涉及预算金额 0.00 万元。具体情况见下表：',
    ],
    tables: [
      bundledProject('002_cba2921d34774e9d.json', 0, {
        yearLine: '(2025 年)',
        goal: '根据《关于参加自治区城镇企业职工基本养老保险社会统筹的有关退休人员实施生活补贴的通知》（新政办发〔2010〕168 号）文件要求，'
          + '为保障退休人员中待遇水平不低于其他同类人员，为符合政策的企业退休人员于每月 25 日前发放 120 元/人/月的生活补助，'
          + '该项目的实施体现社会再分配的公平性，提高该类人员生活满意度，维护社会稳定。',
      }),
      bundledProject('002_cba2921d34774e9d.json', 1, {
        yearLine: '(2025 年)',
        goal: '补助资金到位后，按照社保统筹外补贴发放流程，以 120 元/人/月的标准，为符合政策的破产企业退休人员发放生活补助，'
          + '保证补助资金足额合规使用，提高补助发放对象对退休生活满意度。',
      }),
    ],
    after: [P5, '本单位转移支付项目绩效目标随转移支付预算另行公开，本部分不再列示。'],
  },
  {
    name: 'bundled-003-overall',
    about: '003 overall table (6 columns, 单位名称（盖章）/单位联系人/联系电话：/年度绩效目标, 资金来源 上级安排/本级安排/其他 with no '
      + 'total printed: budget_total = 52.18 + 492.34 + 0.00) followed by the 003 project table 社会保险经办审计经费 (14 rows, '
      + 'labels "项目资金 (万元)", "年度预算总额:", "其中: 财政拨款", "其他资金:"); A4 portrait.',
    page: 'A4 portrait', fontPt: 10, footer: 'none',
    before: [
      P4,
      '2024 年，本单位预算绩效管理整体预算绩效目标 1 个，涉及金额 544.52 万元；当年财政拨款项目 1 个，涉及预算金额 8.00 万元；'
      + '当年非财政拨款项目 0 个，涉及预算金额 0.00 万元。具体情况见下表（按项目分别填报）：',
    ],
    tables: [
      (() => {
        const money: Money = {kind: 'overall', unit: '万元', upper: '52.18', local: '492.34', other: '0.00'};
        const goal = '扎实开展精准扩面，确保符合条件的法定人员“应保尽保”。全州职工养老保险参保达到 12.26 万人，其中：机关事业单位养老保险参保'
          + ' 5.83 万人，企业养老保险参保 6.43 万人；城乡居民养老保险参保 26.10 万人，工伤保险参保 9.99 万人，失业保险参保 6.83 万人，'
          + '参保覆盖率达到 95%以上。';
        const spec: TableSpec = {
          kind: 'overall', title: '单位整体绩效目标表', yearLine: '(2024 年)', year: t003.year, unit: t003.unit, project: null,
          leader: t003.leader, money,
          block: overallBlock({unit: t003.unit, leader: t003.leader, phone: '18997699261', goal, money}, {who: '单位', phoneLabel: '联系电话：'}),
          columns: OVERALL6, rows: bundledRows(t003, KEYS6),
        };
        return spec;
      })(),
      bundledProject('003_e2de676d67b0a214.json', 1, {
        yearLine: '(2024年)',
        labels: {funds: '项目资金 (万元)', total: '年度预算总额:', fiscal: '其中: 财政拨款', other: '其他资金:'},
        goal: '通过审计,寻找和发现社会保险政策执行、基金管理、内部控制等基金管理风险,有针对性地提出加强风险防控、强化监督管理的措施,'
          + '推动完善政策制度,规范经办服务,提高精细化管理水平,维护社保基金安全,更好地保障社会保险事业健康持续发展。',
      }),
    ],
    after: [P5, '无。'],
  },

  // b. invented tables in other templates ───────────────────────────
  {
    name: 'shenbao-health',
    about: '项目支出绩效目标申报表 (health): 6 columns 一级指标|二级指标|指标内容|指标值|绩效标准|权重; 项目名称 before 预算单位; '
      + '项目资金 printed vertically (年度预算总额 / 其中：财政拨款 / 其他资金 on three rows); label 总体目标; no 成本 rows; '
      + 'qualitative targets; A4 portrait; weights sum 90.',
    page: 'A4 portrait', fontPt: 10.5, footer: 'num',
    before: [
      P4,
      '2025 年，本部门预算绩效管理整体预算绩效目标 0 个；当年财政拨款项目 1 个，涉及预算金额 1,286.40 万元；当年非财政拨款项目 0 个。'
      + '具体情况见下表：',
    ],
    tables: [(() => {
      const unit = '云溪县卫生健康局', project = '2025年基本公共卫生服务项目', leader = '陈立群';
      const money: Money = {kind: 'project', unit: '万元', total: '1,286.40', fiscal: '1,286.40', other: '0.00'};
      const spec: TableSpec = {
        kind: 'project', title: '项目支出绩效目标申报表', yearLine: '（2025年度）', year: 2025, unit, project, leader, money,
        block: [
          [c('项目名称'), L(project, 5)],
          [c('预算单位'), L(unit, 2), c('项目负责人'), c(leader, 2)],
          [c('项目资金（万元）', 1, {rs: 3}), c('年度预算总额', 2), c(money.total, 3)],
          [c('其中：财政拨款', 2), c(money.fiscal, 3)],
          [c('其他资金', 2), c(money.other, 3)],
          [c('总体目标'), L('按照国家基本公共卫生服务规范要求，为辖区常住居民免费提供居民健康档案管理、健康教育、预防接种、老年人及慢性病'
            + '患者健康管理等服务，人均基本公共卫生服务经费补助标准不低于 94 元，提高居民健康素养水平，逐步缩小城乡居民公共卫生服务差距。', 5)],
        ],
        columns: [
          {key: 'level1', label: '一级指标', width: 12},
          {key: 'level2', label: '二级指标', width: 14},
          {key: 'level3', label: '指标内容', width: 32, left: true},
          {key: 'target', label: '指标值', width: 17},
          {key: 'basis', label: '绩效标准', width: 14},
          {key: 'weight', label: '权重', width: 11},
        ],
        rows: [
          ['产出指标', '数量指标', '65岁及以上老年人健康管理人数', '≥1.2万人', '计划标准', '8'],
          ['产出指标', '数量指标', '0-6岁儿童健康管理率', '≥90%', '行业标准', '8'],
          ['产出指标', '数量指标', '高血压患者规范管理人数', '≥8500人', '计划标准', '8'],
          ['产出指标', '质量指标', '居民电子健康档案建档率', '≥90%', '行业标准', '8'],
          ['产出指标', '质量指标', '孕产妇系统管理率', '≥90%', '行业标准', '6'],
          ['产出指标', '时效指标', '资金拨付及时率', '=100%', '计划标准', '6'],
          ['产出指标', '时效指标', '年度考核完成时间', '2025年12月31日前', '计划标准', '6'],
          ['效益指标', '社会效益指标', '城乡居民公共卫生服务差距', '逐步缩小', '其他标准', '10'],
          ['效益指标', '社会效益指标', '居民健康素养水平', '≥30%', '历史标准', '10'],
          ['效益指标', '可持续影响指标', '基层医疗卫生机构服务能力', '持续提升', '其他标准', '10'],
          ['满意度指标', '服务对象满意度指标', '城乡居民对基本公共卫生服务满意度', '≥85%', '行业标准', '10'],
        ],
      };
      return spec;
    })()],
    after: [P5, '无。'],
  },
  {
    name: 'required-suffix-transport',
    about: 'plain "项目绩效目标表" (transport) on A3 portrait (wide cells, little wrapping); header labels with suffixes '
      + '"一级指标(必填)", "二级指标(必填)", "三级指标(必填)", "指标值(必填)", "分值（100分）" (expected columns drop the suffixes); '
      + 'four 一级 (产出/成本/效益/满意度) weighted 40/20/30/10 = 100 without a 预算执行率 row; 财政拨款 + 其他资金.',
    page: 'A3 portrait', fontPt: 11, footer: 'none',
    before: [
      P4,
      '2025 年，本部门预算绩效管理整体预算绩效目标 0 个，涉及金额 0.00 万元；当年预算安排项目 1 个，涉及预算金额 1,580.00 万元，'
      + '其中财政拨款 1,380.00 万元、其他资金 200.00 万元。具体情况见下表：',
    ],
    tables: [(() => {
      const unit = '清河县交通运输局', project = '农村公路养护及危桥改造工程', leader = '赵建国';
      const money: Money = {kind: 'project', unit: '万元', total: '1,580.00', fiscal: '1,380.00', other: '200.00'};
      const columns: Column[] = [
        {key: 'level1', label: '一级指标(必填)', name: '一级指标', width: 8},
        {key: 'level2', label: '二级指标(必填)', name: '二级指标', width: 9},
        {key: 'level3', label: '三级指标(必填)', name: '三级指标', width: 18, left: true},
        {key: 'target', label: '指标值(必填)', name: '指标值', width: 13},
        {key: 'basis', label: '指标值设置依据', width: 10},
        {key: 'prior_year', label: '上年完成值', width: 12},
        {key: 'weight', label: '分值（100分）', name: '分值', width: 7},
        {key: 'scoring_rule', label: '指标赋分规则', width: 13},
        {key: 'evidence', label: '佐证资料', width: 10},
      ];
      const spec: TableSpec = {
        kind: 'project', title: '项目绩效目标表', yearLine: '（2025年）', year: 2025, unit, project, leader, money,
        block: projectBlock({unit, project, leader, money, goal: '完成全县 1260 公里农村公路日常养护和 6 座危桥改造，农村公路优良中等路率'
          + '达到 85% 以上，改善沿线群众出行条件，保障农村公路安全畅通。'}, 9),
        columns,
        rows: [
          ['产出指标', '数量指标', '农村公路日常养护里程', '≥1260公里', '计划标准', '1248公里', '10', '按照完成比例赋分', '工作资料'],
          ['产出指标', '数量指标', '危桥改造座数', '=6座', '计划标准', '4座', '10', '按照完成比例赋分', '正式材料'],
          ['产出指标', '质量指标', '养护工程验收合格率', '=100%', '行业标准', '100%', '8', '按评判等级赋分', '工作资料'],
          ['产出指标', '质量指标', '农村公路优良中等路率', '≥85%', '行业标准', '83.6%', '6', '按照完成比例赋分', '工作资料'],
          ['产出指标', '时效指标', '危桥改造完工时间', '2025年10月31日前', '计划标准', '-', '6', '直接赋分', '说明材料'],
          ['成本指标', '经济成本指标', '日常养护单位成本', '≤7000元/公里/年', '预算支出标准', '6800元/公里/年', '10', '按照完成比例赋分', '原始凭证'],
          ['成本指标', '经济成本指标', '危桥改造平均造价', '≤85万元/座', '预算支出标准', '82万元/座', '10', '按照完成比例赋分', '原始凭证'],
          ['效益指标', '社会效益指标', '群众出行条件', '有效改善', '其他标准', '有效改善', '10', '按评判等级赋分', '说明材料'],
          ['效益指标', '社会效益指标', '公路安全事故发生率', '≤0.5%', '历史标准', '0.6%', '10', '按照完成比例赋分', '工作资料'],
          ['效益指标', '生态效益指标', '路域环境整治水平', '持续提升', '其他标准', '-', '5', '按评判等级赋分', '工作资料'],
          ['效益指标', '可持续影响指标', '农村公路设计使用年限', '≥15年', '行业标准', '15年', '5', '直接赋分', '说明材料'],
          ['满意度指标', '服务对象满意度指标', '沿线群众满意度', '≥90%', '计划标准', '92%', '10', '满意度赋分', '工作资料'],
        ],
      };
      return spec;
    })()],
    after: [P5, '其他资金 200.00 万元为上级交通运输部门补助的车辆购置税收入补助地方资金。'],
  },
  {
    name: 'split-target-education',
    about: '指标值 split into 指标性质 | 指标值 | 度量单位 (education, 9 columns, A4 landscape): expected target = 性质 + 值 + 单位 '
      + '("≥" "95" "%" → "≥95%"); for 指标性质 "定性" the target is the 指标值 alone ("明显改善"); an empty 度量单位 adds nothing; '
      + 'column 分值 for the weight; footer "- N -"; weights sum 90.',
    page: 'A4 landscape', fontPt: 10, footer: 'dash',
    before: [
      P4,
      '2025 年，本部门预算绩效管理整体预算绩效目标 0 个，涉及金额 0.00 万元；当年财政拨款项目 1 个，涉及预算金额 1,674.00 万元；'
      + '当年非财政拨款项目 0 个，涉及预算金额 0.00 万元。具体情况见下表：',
    ],
    tables: [(() => {
      const unit = '东安县教育局', project = '农村义务教育学生营养改善计划', leader = '蒋春华';
      const money: Money = {kind: 'project', unit: '万元', total: '1,674.00', fiscal: '1,674.00', other: '0.00'};
      const spec: TableSpec = {
        kind: 'project', title: '项目支出绩效目标表', yearLine: '(2025 年)', year: 2025, unit, project, leader, money,
        block: projectBlock({unit, project, leader, money, goal: '为全县 72 所农村义务教育学校 18600 名学生提供营养膳食补助，补助标准'
          + '每生每天 5 元，全年按 180 天计算，保障学生在校就餐安全，改善学生营养健康状况。'}, 9),
        columns: [
          {key: 'level1', label: '一级指标', width: 9},
          {key: 'level2', label: '二级指标', width: 11},
          {key: 'level3', label: '三级指标', width: 21, left: true},
          {key: 'target_nature', label: '指标性质', width: 7},
          {key: 'target', label: '指标值', width: 14},
          {key: 'target_unit', label: '度量单位', width: 8},
          {key: 'basis', label: '指标值设置依据', width: 10},
          {key: 'prior_year', label: '上年完成值', width: 12},
          {key: 'weight', label: '分值', width: 8},
        ],
        rows: [
          ['产出指标', '数量指标', '受益学生人数', '≥', '18600', '人', '计划标准', '18420人', '15'],
          ['产出指标', '数量指标', '覆盖学校数', '=', '72', '所', '计划标准', '72所', '10'],
          ['产出指标', '质量指标', '食品安全事故发生次数', '=', '0', '次', '行业标准', '0次', '10'],
          ['产出指标', '质量指标', '膳食补助标准落实率', '=', '100', '%', '计划标准', '100%', '5'],
          ['产出指标', '时效指标', '资金拨付及时率', '≥', '95', '%', '计划标准', '96%', '5'],
          ['成本指标', '经济成本指标', '生均膳食补助标准', '≤', '5', '元/生/天', '预算支出标准', '5元/生/天', '5'],
          ['效益指标', '社会效益指标', '学生营养健康状况', '定性', '明显改善', '', '其他标准', '有效改善', '15'],
          ['效益指标', '社会效益指标', '学生营养不良率', '≤', '3.5', '%', '历史标准', '4.1%', '10'],
          ['效益指标', '可持续影响指标', '营养改善长效机制', '定性', '逐步健全', '', '其他标准', '-', '5'],
          ['满意度指标', '服务对象满意度指标', '学生家长满意度', '≥', '90', '%', '计划标准', '93.5%', '10'],
        ],
      };
      return spec;
    })()],
    after: [P5, '无。'],
  },
  {
    name: 'ziping-health',
    about: '项目支出绩效自评表 (health, 2024年度, A4 landscape): grid 一级|二级|三级|年度指标值|全年实际值|分值|得分|偏差原因分析及改进措施. '
      + 'Expected: target = 年度指标值, weight = 分值, and extra fields actual (全年实际值, text), score (得分, number), '
      + 'deviation (偏差原因分析及改进措施, text; "" when empty); basis/prior_year/scoring_rule/evidence are null. An extra header '
      + 'row 预算执行情况 (全年执行数 341.76, 预算执行率 96.00%) and a trailing 合计 row (90 / 88.39) are not indicators.',
    page: 'A4 landscape', fontPt: 10, footer: 'none',
    before: [
      P4,
      '2024 年，本单位对 1 个项目开展绩效自评，涉及预算金额 356.00 万元，自评得分 88.39 分。具体情况见下表：',
    ],
    tables: [(() => {
      const unit = '柳林县卫生健康局', project = '家庭医生签约服务补助', leader = '郭文斌';
      const money: Money = {kind: 'project', unit: '万元', total: '356.00', fiscal: '320.00', other: '36.00'};
      const spec: TableSpec = {
        kind: 'project', title: '项目支出绩效自评表', yearLine: '（2024年度）', year: 2024, unit, project, leader, money,
        block: [
          ...projectBlock({unit, project, leader, money, goal: ''}, 8).slice(0, 3),
          [c('预算执行情况', 2), c('全年执行数'), c('341.76'), c('预算执行率'), c('96.00%'), c('', 2)],
          [c('年度总体目标完成情况', 2), L('全年完成重点人群家庭医生签约 4.62 万人，组建家庭医生团队 58 个，签约居民履约率 92.3%，基层就诊率'
            + ' 63.2%，签约居民满意度 94.1%，年度目标基本完成。', 6)],
        ],
        columns: [
          {key: 'level1', label: '一级指标', width: 9},
          {key: 'level2', label: '二级指标', width: 11},
          {key: 'level3', label: '三级指标', width: 19, left: true},
          {key: 'target', label: '年度指标值', width: 10},
          {key: 'actual', label: '全年实际值', width: 10},
          {key: 'weight', label: '分值', width: 6},
          {key: 'score', label: '得分', width: 6},
          {key: 'deviation', label: '偏差原因分析及改进措施', width: 29, left: true},
        ],
        rows: [
          ['产出指标', '数量指标', '重点人群家庭医生签约人数', '≥4.5万人', '4.62万人', '10', '10', ''],
          ['产出指标', '数量指标', '组建家庭医生团队数', '≥60个', '58个', '10', '9.67', '部分乡镇卫生院全科医生不足，下一年度通过县乡人员统筹补齐'],
          ['产出指标', '质量指标', '签约居民履约率', '≥90%', '92.3%', '10', '10', ''],
          ['产出指标', '质量指标', '重点人群签约覆盖率', '≥75%', '76.8%', '10', '10', ''],
          ['产出指标', '时效指标', '补助资金拨付及时率', '=100%', '100%', '10', '10', ''],
          ['效益指标', '社会效益指标', '居民就医获得感', '有效提升', '有效提升', '10', '10', ''],
          ['效益指标', '可持续影响指标', '分级诊疗制度', '逐步完善', '逐步完善', '10', '9', '基层首诊比例仍偏低，将加强政策宣传引导'],
          ['效益指标', '可持续影响指标', '基层就诊率', '≥65%', '63.2%', '10', '9.72', '县域外转诊患者增多，下一年度提升基层医疗服务能力'],
          ['满意度指标', '服务对象满意度指标', '签约居民满意度', '≥90%', '94.1%', '10', '10', ''],
        ],
        trailer: [[c('合计', 5), c('90'), c('88.39'), c('')]],
      };
      return spec;
    })()],
    after: [P5, '自评结果已报县财政局备案。'],
  },
  {
    name: 'yuan-pifu-transport',
    about: '项目支出绩效目标批复表 (transport, A4 portrait) with amounts in 元: "项目资金（元）" 年度预算总额 1,274,400 / 财政拨款 '
      + '1,074,400 / 其他资金 200,000 → expected 127.44 / 107.44 / 20 万元; targets in 元/台 and 台/条; footer "N".',
    page: 'A4 portrait', fontPt: 10, footer: 'num',
    before: [
      P4,
      '2025 年，本部门预算绩效管理整体预算绩效目标 0 个；当年预算安排项目 1 个，涉及预算金额 127.44 万元（其中财政拨款 107.44 万元，'
      + '其他资金 20.00 万元）。绩效目标批复情况见下表：',
    ],
    tables: [(() => {
      const unit = '永宁县交通运输局', project = '城乡公交运营补贴', leader = '黄志强';
      const money: Money = {kind: 'project', unit: '元', total: '1,274,400', fiscal: '1,074,400', other: '200,000'};
      const spec: TableSpec = {
        kind: 'project', title: '项目支出绩效目标批复表', yearLine: '（2025年度）', year: 2025, unit, project, leader, money,
        block: projectBlock({unit, project, leader, money, goal: '对全县 18 条城乡公交线路 96 台公交车辆给予运营补贴，保障城乡公交稳定'
          + '运营，城乡公交通达率达到 98% 以上，方便群众出行。'}, 9, {funds: '项目资金（元）'}),
        columns: STD9,
        rows: [
          ['产出指标', '数量指标', '补贴公交线路数', '=18条', '计划标准', '18条', '10', '按照完成比例赋分', '工作资料'],
          ['产出指标', '数量指标', '补贴公交车辆数', '≥96台', '计划标准', '94台', '10', '按照完成比例赋分', '工作资料'],
          ['产出指标', '质量指标', '公交车辆年检合格率', '=100%', '行业标准', '100%', '10', '直接赋分', '正式材料'],
          ['产出指标', '时效指标', '补贴资金发放时间', '2025年6月30日前', '计划标准', '2024年6月28日', '10', '直接赋分', '原始凭证'],
          ['成本指标', '经济成本指标', '单车年度运营补贴', '≤13275元/台', '预算支出标准', '13000元/台', '10', '按照完成比例赋分', '原始凭证'],
          ['效益指标', '社会效益指标', '城乡公交通达率', '≥98%', '行业标准', '97.5%', '15', '按照完成比例赋分', '工作资料'],
          ['效益指标', '可持续影响指标', '城乡公交服务持续运营', '长期', '其他标准', '长期', '15', '按评判等级赋分', '说明材料'],
          ['满意度指标', '满意度指标', '乘客满意度', '≥90%', '计划标准', '91%', '10', '满意度赋分', '工作资料'],
        ],
      };
      return spec;
    })()],
    after: [P5, '无。'],
  },
  {
    name: 'long-annual-health',
    about: 'separate 长期目标 / 年度目标 column groups (health, 7 columns, A4 landscape): two header rows, group headers 长期目标 and '
      + '年度目标 over 长期指标值 and 年度指标值; 总体目标 split into 长期目标（2024—2026年） and 年度目标（2025年） narratives. '
      + 'Expected: target = the 年度 value, extra field target_long_term = the 长期 value; columns list the leaf labels.',
    page: 'A4 landscape', fontPt: 10, footer: 'none',
    before: [
      P4,
      '2025 年，本部门预算绩效管理整体预算绩效目标 0 个；当年预算安排项目 1 个，涉及预算金额 480.00 万元，其中财政拨款 420.00 万元，'
      + '其他资金 60.00 万元。具体情况见下表：',
    ],
    tables: [(() => {
      const unit = '安平县卫生健康局', project = '县域医疗卫生共同体建设（2024—2026年）', leader = '孟庆华';
      const money: Money = {kind: 'project', unit: '万元', total: '480.00', fiscal: '420.00', other: '60.00'};
      const spec: TableSpec = {
        kind: 'project', title: '项目支出绩效目标表', yearLine: '（2025年）', year: 2025, unit, project, leader, money,
        block: [
          ...projectBlock({unit, project, leader, money, goal: ''}, 7).slice(0, 3),
          [c('总体目标', 1, {rs: 2}), c('长期目标（2024—2026年）', 3), c('年度目标（2025年）', 3)],
          [L('到 2026 年建成 2 个紧密型县域医共体，远程会诊覆盖全部 18 个乡镇卫生院，县域内就诊率达到 90% 以上，基本形成分级诊疗格局。', 3),
            L('2025 年完成医共体信息平台建设，远程会诊覆盖 12 个乡镇卫生院，县级医院下沉专家 600 人次，县域内就诊率达到 88%。', 3)],
        ],
        columns: [
          {key: 'level1', label: '一级指标', width: 10},
          {key: 'level2', label: '二级指标', width: 12},
          {key: 'level3', label: '三级指标', width: 26, left: true},
          {key: 'target_long_term', label: '长期指标值', group: '长期目标', width: 14},
          {key: 'target', label: '年度指标值', group: '年度目标', width: 14},
          {key: 'basis', label: '绩效标准', width: 14},
          {key: 'weight', label: '分值', width: 10},
        ],
        rows: [
          ['产出指标', '数量指标', '紧密型医共体建成数', '=2个', '=2个', '计划标准', '8'],
          ['产出指标', '数量指标', '远程会诊覆盖乡镇卫生院数', '≥18个', '≥12个', '计划标准', '8'],
          ['产出指标', '数量指标', '县级医院下沉专家人次', '≥1800人次', '≥600人次', '计划标准', '8'],
          ['产出指标', '质量指标', '医共体内检查结果互认率', '≥95%', '≥85%', '行业标准', '8'],
          ['产出指标', '质量指标', '医共体内转诊规范率', '≥98%', '≥95%', '行业标准', '6'],
          ['产出指标', '时效指标', '信息平台建设完成时间', '2026年12月', '2025年12月', '计划标准', '6'],
          ['成本指标', '经济成本指标', '远程会诊系统建设成本', '≤600万元', '≤220万元', '预算支出标准', '6'],
          ['效益指标', '社会效益指标', '县域内就诊率', '≥90%', '≥88%', '行业标准', '10'],
          ['效益指标', '社会效益指标', '基层诊疗量占比', '≥65%', '≥60%', '历史标准', '10'],
          ['效益指标', '可持续影响指标', '分级诊疗格局', '基本形成', '逐步形成', '其他标准', '10'],
          ['满意度指标', '服务对象满意度指标', '患者满意度', '≥92%', '≥90%', '计划标准', '10'],
        ],
      };
      return spec;
    })()],
    after: [P5, '其他资金 60.00 万元为医共体牵头医院自有资金。'],
  },
  {
    name: 'exec-rate-education',
    about: 'standard 9-column project table (education, A4 portrait) whose weights sum to 100 because it carries a 预算执行率 row '
      + '(产出指标/时效指标/预算执行率 ≥95%, weight 10); qualitative 持续完善; prior "-".',
    page: 'A4 portrait', fontPt: 10, footer: 'none',
    before: [
      P4,
      '2025 年，本部门预算绩效管理整体预算绩效目标 0 个，涉及金额 0.00 万元；当年财政拨款项目 1 个，涉及预算金额 862.50 万元；'
      + '当年非财政拨款项目 0 个，涉及预算金额 0.00 万元。具体情况见下表（按项目分别填报）：',
    ],
    tables: [(() => {
      const unit = '南溪县教育局', project = '学前教育发展专项资金', leader = '周雅琴';
      const money: Money = {kind: 'project', unit: '万元', total: '862.50', fiscal: '862.50', other: '0.00'};
      const spec: TableSpec = {
        kind: 'project', title: '项目支出绩效目标表', yearLine: '(2025 年)', year: 2025, unit, project, leader, money,
        block: projectBlock({unit, project, leader, money, goal: '支持 45 所普惠性幼儿园改善办园条件，培训幼儿教师 600 人次，落实生均公用'
          + '经费补助，学前三年毛入园率达到 92% 以上，普惠性幼儿园覆盖率达到 90% 以上。'}, 9),
        columns: STD9,
        rows: [
          ['产出指标', '数量指标', '普惠性幼儿园补助园数', '≥45所', '计划标准', '42所', '10', '按照完成比例赋分', '正式材料'],
          ['产出指标', '数量指标', '幼儿教师培训人次', '≥600人次', '计划标准', '560人次', '10', '按照完成比例赋分', '工作资料'],
          ['产出指标', '质量指标', '普惠性幼儿园覆盖率', '≥90%', '行业标准', '88.6%', '10', '按照完成比例赋分', '工作资料'],
          ['产出指标', '时效指标', '资金下达及时率', '=100%', '计划标准', '100%', '10', '直接赋分', '原始凭证'],
          ['产出指标', '时效指标', '预算执行率', '≥95%', '计划标准', '96.5%', '10', '按照完成比例赋分', '原始凭证'],
          ['成本指标', '经济成本指标', '生均公用经费补助标准', '≤600元/生/年', '预算支出标准', '600元/生/年', '10', '直接赋分', '正式材料'],
          ['效益指标', '社会效益指标', '学前三年毛入园率', '≥92%', '历史标准', '91.3%', '15', '按照完成比例赋分', '工作资料'],
          ['效益指标', '可持续影响指标', '普惠性学前教育保障机制', '持续完善', '其他标准', '-', '15', '按评判等级赋分', '说明材料'],
          ['满意度指标', '满意度指标', '幼儿家长满意度', '≥90%', '计划标准', '92%', '10', '满意度赋分', '工作资料'],
        ],
      };
      return spec;
    })()],
    after: [P5, '无。'],
  },
  {
    name: 'narrow-wrap-b5',
    about: 'page-size/wrap stress: B5 portrait, 9 columns only 2–4 characters wide (widths in em), word-break: break-all, so '
      + 'long 三级指标 wrap over 4–7 lines, 依据/赋分规则 over 2–3 lines, and targets/prior values break inside numbers '
      + '("≥1280" / "0人"); comma evidence lists; a row split across the page break; footer "N".',
    page: 'B5 portrait', fontPt: 10, footer: 'num', breakAll: true,
    before: [
      P4,
      '2025 年，本单位预算绩效管理整体预算绩效目标 0 个，涉及金额 0.00 万元；当年财政拨款项目 1 个，涉及预算金额 486.50 万元；'
      + '当年非财政拨款项目 0 个，涉及预算金额 0.00 万元。具体情况见下表：',
    ],
    tables: [(() => {
      const unit = '青山县医疗保障局', project = '困难群众医疗救助资金', leader = '马海燕';
      const money: Money = {kind: 'project', unit: '万元', total: '486.50', fiscal: '486.50', other: '0.00'};
      const w = [2.6, 2.6, 4.6, 4.0, 2.6, 4.0, 2.4, 3.6, 3.6];
      const spec: TableSpec = {
        kind: 'project', title: '项目支出绩效目标表', yearLine: '（2025 年）', year: 2025, unit, project, leader, money,
        block: projectBlock({unit, project, leader, money, goal: '资助特困人员、低保对象等困难群众参加城乡居民基本医疗保险，对其门诊和住院'
          + '自付费用给予医疗救助，防范因病致贫返贫。'}, 9),
        columns: STD9.map((col, i) => ({...col, width: w[i]})),
        widthUnit: 'em',
        rows: [
          ['产出指标', '数量指标', '资助特困人员和低保对象参加城乡居民基本医疗保险人数', '≥12800人', '计划标准', '12650人', '10', '按照完成比例赋分', '原始凭证，工作资料'],
          ['产出指标', '数量指标', '门诊和住院医疗救助人次（含重特大疾病救助）', '≥5600人次', '历史标准', '5420人次', '10', '按照完成比例赋分', '原始凭证'],
          ['产出指标', '质量指标', '符合条件的救助对象医疗救助政策落实率', '=100%', '行业标准', '100%', '10', '直接赋分', '说明材料'],
          ['产出指标', '时效指标', '医疗救助“一站式”即时结算办结时限', '≤7个工作日', '计划标准', '7个工作日', '10', '直接赋分', '工作资料'],
          ['成本指标', '经济成本指标', '资助参保个人缴费部分补助标准', '≤380元/人/年', '预算支出标准', '350元/人/年', '10', '按照完成比例赋分', '正式材料'],
          ['效益指标', '社会效益指标', '困难群众因病致贫返贫风险', '有效防范', '其他标准', '有效防范', '10', '按评判等级赋分', '说明材料'],
          ['效益指标', '社会效益指标', '救助对象政策范围内住院费用个人负担比例', '≤15%', '计划标准', '16.2%', '10', '按照完成比例赋分', '工作资料'],
          ['效益指标', '可持续影响指标', '医疗救助托底保障功能', '长期', '其他标准', '长期', '10', '按评判等级赋分', '说明材料'],
          ['满意度指标', '服务对象满意度指标', '医疗救助对象对救助工作的满意度', '≥90%', '计划标准', '95%', '10', '满意度赋分', '工作资料'],
        ],
      };
      return spec;
    })()],
    after: [P5, '无。'],
  },
  {
    name: 'repeated-header-overall-transport',
    about: '部门整体绩效目标表 (transport, A4 portrait, 22 rows over two pages): the column header row is a <thead> repeated on '
      + 'each page; page footer "第 N 页 共 M 页" in the page margin; free-text 指标设定依据 (《…》) wrapping over 2 lines; '
      + '一级 履职效能/管理效率/社会效应/服务对象满意度 with 二级 beyond the project vocabulary (预算管理, 资产管理 …); the budget '
      + 'block prints a 合计 row (3,286.45 = 1,020.00 + 2,186.45 + 80.00); weights sum 90.',
    page: 'A4 portrait', fontPt: 10.5, footer: 'cn',
    before: [
      P4,
      '2025 年，本部门预算绩效管理整体预算绩效目标 1 个，涉及金额 3,286.45 万元；当年财政拨款项目 0 个，涉及预算金额 0.00 万元。'
      + '具体情况见下表：',
    ],
    tables: [(() => {
      const unit = '梅岭县交通运输局', leader = '刘建华';
      const money: Money = {kind: 'overall', unit: '万元', upper: '1,020.00', local: '2,186.45', other: '80.00', total: '3,286.45'};
      const P = '《梅岭县2025年交通运输工作要点》', Y = '《梅岭县城乡交通运输一体化实施方案》', S = '《梅岭县安全生产专项整治三年行动方案》';
      const B = '《梅岭县县级部门预算绩效管理办法》', M = '满意度问卷调查';
      const spec: TableSpec = {
        kind: 'overall', title: '部门整体绩效目标表', yearLine: '（2025 年）', year: 2025, unit, project: null, leader, money,
        repeatHeader: true,
        block: overallBlock({unit, leader, phone: '0797-6623145', money, goal: '完成农村公路日常养护 1420 公里，新改建农村公路 86 公里，'
          + '改造危桥 8 座；推进城乡交通运输一体化，建制村通客车率保持 100%；强化道路运输安全监管，杜绝重大道路运输安全事故；'
          + '规范预算和资产管理，提升群众出行满意度。'}, {who: '部门'}),
        columns: OVERALL6,
        rows: [
          ['履职效能', '数量指标', '农村公路日常养护里程', '≥1420公里', P, '5'],
          ['履职效能', '数量指标', '新改建农村公路里程', '≥86公里', '《梅岭县“十四五”综合交通运输发展规划》', '5'],
          ['履职效能', '数量指标', '危桥改造数量', '≥8座', P, '4'],
          ['履职效能', '数量指标', '城乡公交线路开通数量', '≥22条', Y, '4'],
          ['履职效能', '数量指标', '建制村通客车率', '=100%', Y, '4'],
          ['履职效能', '数量指标', '道路运输企业安全检查次数', '≥48次', S, '4'],
          ['履职效能', '数量指标', '交通运输从业人员培训人次', '≥1200人次', '2025年度从业人员培训计划', '3'],
          ['履职效能', '质量指标', '农村公路优良中等路率', '≥85%', '交通运输部《农村公路养护管理办法》', '4'],
          ['履职效能', '质量指标', '新改建工程交工验收合格率', '=100%', '《公路工程质量检验评定标准》', '4'],
          ['履职效能', '质量指标', '重大道路运输安全事故发生起数', '=0起', S, '4'],
          ['履职效能', '质量指标', '货运车辆超限超载率', '≤2%', '《公路安全保护条例》', '3'],
          ['履职效能', '时效指标', '危桥改造工程完工时间', '2025年11月30日前', P, '3'],
          ['履职效能', '时效指标', '行政许可事项按时办结率', '=100%', '《梅岭县政务服务事项办理规范》', '3'],
          ['管理效率', '预算管理', '预算调整率', '≤10%', B, '5'],
          ['管理效率', '预算管理', '“三公”经费控制率', '≤100%', B, '3'],
          ['管理效率', '资产管理', '固定资产利用率', '≥90%', '《行政事业性国有资产管理条例》', '3'],
          ['管理效率', '制度建设', '内部控制制度健全性', '健全', '《行政事业单位内部控制规范（试行）》', '3'],
          ['社会效应', '社会效益', '群众出行条件', '有效改善', P, '6'],
          ['社会效应', '社会效益', '农村物流服务覆盖率', '≥90%', '《梅岭县农村物流体系建设方案》', '5'],
          ['社会效应', '可持续影响', '农村公路管护长效机制', '持续完善', '《梅岭县农村公路管理养护体制改革实施方案》', '5'],
          ['服务对象满意度', '满意度指标', '沿线群众满意度', '≥90%', M, '5'],
          ['服务对象满意度', '满意度指标', '道路运输经营者满意度', '≥90%', M, '5'],
        ],
      };
      return spec;
    })()],
    after: [P5, '本部门 2025 年项目支出绩效目标表另行公开。'],
  },
  {
    name: 'flat-projects-culture',
    about: 'several projects in one flat 项目支出绩效目标表 (culture, A4 landscape, 9.5pt): no per-project header block, only '
      + '单位名称 above the grid; columns 项目名称 | 项目资金（万元） | 年度绩效目标 | 一级 | 二级 | 三级 | 指标值 | 指标值设置依据 | 分值, '
      + 'the first three merged (rowspan) over each project\'s rows. Expected: one table per project (project = 项目名称, '
      + 'budget_total = 项目资金, fiscal/other null, leader null), columns without the three project columns; footer '
      + '"第 N 页 共 M 页"; weights sum 90 per project.',
    page: 'A4 landscape', fontPt: 9.5, footer: 'cn',
    before: [
      P4,
      '2025 年，本部门预算绩效管理整体预算绩效目标 0 个，涉及金额 0.00 万元；当年财政拨款项目 3 个，涉及预算金额 552.20 万元；'
      + '当年非财政拨款项目 0 个，涉及预算金额 0.00 万元。具体情况见下表：',
    ],
    tables: [(() => {
      const unit = '临江县文化广电和旅游局';
      const A = '公共文化服务体系建设补助资金', B = '文物保护修缮专项', C = '全域旅游宣传推广经费';
      const money: Money = {kind: 'project', unit: '万元', total: '552.20', fiscal: '552.20', other: '0.00'};
      const gA = '保障 12 个乡镇综合文化站免费开放，开展送戏下乡 120 场，提升基层公共文化服务效能。';
      const gB = '完成县级文物保护单位古戏台和祠堂 3 处修缮，消除文物安全隐患。';
      const gC = '举办乡村旅游节 2 场，在主流媒体投放宣传 6 期，带动游客接待量增长。';
      const a = [A, '186.40', gA], b = [B, '320.00', gB], cc = [C, '45.80', gC];
      const spec: TableSpec = {
        kind: 'project', title: '项目支出绩效目标表', yearLine: '（2025 年度）', year: 2025, unit, project: null, leader: null, money,
        block: [[c('单位名称'), L(unit, 8)]],
        columns: [
          {key: 'project', label: '项目名称', width: 10},
          {key: 'project_budget', label: '项目资金（万元）', name: '项目资金', width: 7},
          {key: 'project_goal', label: '年度绩效目标', width: 18, left: true},
          {key: 'level1', label: '一级指标', width: 6},
          {key: 'level2', label: '二级指标', width: 7},
          {key: 'level3', label: '三级指标', width: 15, left: true},
          {key: 'target', label: '指标值', width: 9},
          {key: 'basis', label: '指标值设置依据', width: 8},
          {key: 'weight', label: '分值', width: 5},
        ],
        rows: [
          [...a, '产出指标', '数量指标', '乡镇综合文化站免费开放个数', '≥12个', '计划标准', '15'],
          [...a, '产出指标', '数量指标', '送戏下乡演出场次', '≥120场', '计划标准', '15'],
          [...a, '产出指标', '质量指标', '文化站免费开放达标率', '≥95%', '行业标准', '10'],
          [...a, '产出指标', '时效指标', '补助资金拨付及时率', '=100%', '计划标准', '10'],
          [...a, '成本指标', '经济成本指标', '每场送戏下乡演出补助标准', '≤3000元/场', '预算支出标准', '10'],
          [...a, '效益指标', '社会效益指标', '群众文化活动参与人次', '≥8万人次', '历史标准', '20'],
          [...a, '满意度指标', '服务对象满意度指标', '群众对公共文化服务满意度', '≥90%', '计划标准', '10'],
          [...b, '产出指标', '数量指标', '文物修缮处数', '=3处', '计划标准', '20'],
          [...b, '产出指标', '质量指标', '修缮工程验收合格率', '=100%', '行业标准', '20'],
          [...b, '产出指标', '时效指标', '修缮工程完工时间', '2025年11月30日前', '计划标准', '10'],
          [...b, '效益指标', '社会效益指标', '文物安全隐患', '有效消除', '其他标准', '20'],
          [...b, '效益指标', '可持续影响指标', '文物保护长效机制', '持续完善', '其他标准', '10'],
          [...b, '满意度指标', '服务对象满意度指标', '周边群众满意度', '≥90%', '计划标准', '10'],
          [...cc, '产出指标', '数量指标', '举办乡村旅游节场次', '=2场', '计划标准', '20'],
          [...cc, '产出指标', '数量指标', '主流媒体宣传投放期数', '≥6期', '计划标准', '20'],
          [...cc, '成本指标', '经济成本指标', '单场旅游节举办成本', '≤12万元', '预算支出标准', '10'],
          [...cc, '效益指标', '经济效益指标', '游客接待量增长率', '≥8%', '历史标准', '20'],
          [...cc, '效益指标', '社会效益指标', '县域旅游品牌知名度', '明显提升', '其他标准', '10'],
          [...cc, '满意度指标', '服务对象满意度指标', '游客满意度', '≥92%', '计划标准', '10'],
        ],
      };
      return spec;
    })()],
    after: [P5, '无。'],
  },

  // c. templates the extractor was not tuned on (scored before any change to it) ───────────────────────────
  {
    name: 'mof-shenbao-water',
    about: 'the Ministry of Finance 项目支出绩效目标申报表 (财预〔2020〕10号 attachment; water conservancy, A4 portrait, 10.5pt): '
      + 'header rows 项目名称 / 主管部门及代码 … 实施单位 (the same unit) / 项目资金（万元） 年度资金总额, 其中：财政拨款, 其他资金 / '
      + '总体目标 with a 年度目标 sub-header; no 项目负责人 (leader null); the grid\'s first column is one cell "年度绩效指标" merged '
      + 'over the column header and every row, then 一级|二级|三级|指标值 only: no 依据, no prior year, no weights (weight null, '
      + 'expected columns without the merged label); 成本指标 as a 二级 of 产出指标; the grid breaks across pages; footer '
      + '"第 N 页 共 M 页".',
    page: 'A4 portrait', fontPt: 10.5, footer: 'cn',
    before: [
      {h: '（一）机关运行经费支出情况'},
      '2025 年本部门机关运行经费财政拨款预算 86.40 万元，比上年减少 3.20 万元，下降 3.57%，主要原因是严格落实过紧日子要求，压减'
      + '一般性支出。机关运行经费主要用于办公费、印刷费、邮电费、差旅费、会议费、培训费、公务接待费、公务用车运行维护费等。',
      {h: '（二）政府采购支出情况'},
      '2025 年本部门政府采购预算总额 1,236.00 万元，其中：政府采购货物预算 96.00 万元，政府采购工程预算 1,100.00 万元，政府采购'
      + '服务预算 40.00 万元。授予中小企业合同金额 1,020.00 万元，占政府采购项目预算金额的 82.52%。',
      {h: '（三）国有资产占有使用情况'},
      '截至 2024 年 12 月 31 日，本部门共有车辆 6 辆，其中：一般公务用车 2 辆，执法执勤用车 2 辆，特种专业技术用车 2 辆。2025 年部门预算'
      + '未安排车辆购置。单位价值 50 万元以上通用设备 1 台（套），单位价值 100 万元以上专用设备 0 台（套）。',
      P4,
      '2025 年，本部门实行绩效目标管理的项目 1 个，涉及一般公共预算当年财政拨款 1,600.00 万元，其他资金 260.00 万元。按照《项目支出绩效'
      + '评价管理办法》（财预〔2020〕10号）要求，填报项目支出绩效目标申报表如下。项目绩效目标以年度为单位设定，指标值以量化表述为主，'
      + '难以量化的以定性表述，并与年度预算资金相匹配。',
      '本部门严格执行预算绩效管理制度，项目支出绩效目标经部门审核、财政部门审定后随部门预算一并公开，接受社会监督。项目实施过程中'
      + '开展绩效运行监控，年度终了后开展绩效自评，自评结果作为以后年度预算安排的重要依据。',
    ],
    tables: [(() => {
      const unit = '清源县水利局', project = '2025年农村供水保障工程';
      const money: Money = {kind: 'project', unit: '万元', total: '1,860.00', fiscal: '1,600.00', other: '260.00'};
      const spec: TableSpec = {
        kind: 'project', title: '项目支出绩效目标申报表', yearLine: '（2025年度）', year: 2025, unit, project, leader: null, money,
        block: [
          [c('项目名称'), L(project, 4)],
          [c('主管部门及代码'), L(unit, 2), c('实施单位'), L(unit)],
          [c('项目资金（万元）', 1, {rs: 3}), c('年度资金总额', 2), c(money.total, 2)],
          [c('其中：财政拨款', 2), c(money.fiscal, 2)],
          [c('其他资金', 2), c(money.other, 2)],
          [c('总体目标', 1, {rs: 2}), c('年度目标', 4)],
          [L('目标1：新建改造农村供水工程 12 处，改造供水管网 85 公里，巩固提升 3.6 万农村人口供水保障水平。目标2：农村自来水'
            + '普及率达到 92%，农村供水水质达标率达到 95% 以上，工程良性运行。', 4)],
        ],
        gridLabel: {label: '年度绩效指标', width: 13},
        columns: [
          {key: 'level1', label: '一级指标', width: 14},
          {key: 'level2', label: '二级指标', width: 17},
          {key: 'level3', label: '三级指标', width: 34, left: true},
          {key: 'target', label: '指标值', width: 22},
        ],
        rows: [
          ['产出指标', '数量指标', '新建改造农村供水工程处数', '≥12处'],
          ['产出指标', '数量指标', '改造供水管网长度', '≥85公里'],
          ['产出指标', '数量指标', '受益农村人口', '≥3.6万人'],
          ['产出指标', '质量指标', '工程竣工验收合格率', '=100%'],
          ['产出指标', '质量指标', '农村供水水质达标率', '≥95%'],
          ['产出指标', '时效指标', '工程完工时间', '2025年11月30日前'],
          ['产出指标', '成本指标', '供水管网改造单位成本', '≤18万元/公里'],
          ['效益指标', '社会效益指标', '农村自来水普及率', '≥92%'],
          ['效益指标', '社会效益指标', '农村集中供水率', '≥90%'],
          ['效益指标', '生态效益指标', '饮用水水源地保护', '有效加强'],
          ['效益指标', '可持续影响指标', '工程设计使用年限', '≥20年'],
          ['满意度指标', '服务对象满意度指标', '受益群众满意度', '≥90%'],
        ],
      };
      return spec;
    })()],
    after: [P5, '本部门无需说明的其他事项。'],
  },
  {
    name: 'mof-overall-civil',
    about: 'the standard 部门（单位）整体支出绩效目标申报表 (civil affairs, A4 landscape, 10pt): 部门（单位）名称; a 年度主要任务 '
      + 'sub-table (任务名称 | 主要内容 | 预算金额（万元） 总额 / 财政拨款 / 其他资金, 4 task rows with amounts) and its 金额合计 row; '
      + '年度总体目标; then the grid 年度绩效指标 (one cell merged over the header and every row) | 一级 | 二级 | 三级 | 指标值 '
      + '(三级 and 指标值 each two physical columns wide under the task table). Expected: kind overall, budget = the 金额合计 row '
      + '(4,216.00 = 3,999.50 + 216.50), leader null, no weights; the task rows are no indicators and their amounts no weights; '
      + 'footer "- N -".',
    page: 'A4 landscape', fontPt: 10, footer: 'dash',
    before: [
      P4,
      '2025 年，本部门预算绩效管理整体预算绩效目标 1 个，涉及金额 4,216.00 万元；当年财政拨款项目绩效目标随项目预算另行公开。'
      + '具体情况见下表：',
    ],
    tables: [(() => {
      const unit = '和平县民政局';
      const tasks: Array<[string, string, string, string, string]> = [
        ['城乡低保和特困人员供养', '保障城乡低保对象 6800 人、特困人员 920 人基本生活，按月足额发放低保金和供养金', '3,120.00', '2,980.00', '140.00'],
        ['养老服务体系建设', '建设乡镇区域养老服务中心 3 个，为经济困难高龄老人提供居家养老服务', '586.50', '520.00', '66.50'],
        ['残疾人两项补贴', '按月发放困难残疾人生活补贴和重度残疾人护理补贴', '412.80', '412.80', '0.00'],
        ['社会事务管理', '婚姻登记、殡葬管理、区划地名和社会组织管理', '96.70', '86.70', '10.00'],
      ];
      const sum = (k: number): string => money2(round2(tasks.reduce((a, t) => a + amount(t[k]), 0)));
      const money: Money = {kind: 'project', unit: '万元', total: sum(2), fiscal: sum(3), other: sum(4)};
      const spec: TableSpec = {
        kind: 'overall', title: '部门（单位）整体支出绩效目标申报表', yearLine: '（2025年度）', year: 2025, unit, project: null,
        leader: null, money,
        block: [
          [c('部门（单位）名称'), L(unit, 6)],
          [c('年度主要任务', 1, {rs: 2 + tasks.length}), c('任务名称', 1, {rs: 2}), c('主要内容', 2, {rs: 2}), c('预算金额（万元）', 3)],
          [c('总额'), c('财政拨款'), c('其他资金')],
          ...tasks.map(([name, content, a, b, o]) => [c(name), L(content, 2), c(a), c(b), c(o)]),
          [c('金额合计', 4), c(money.total), c(money.fiscal), c(money.other)],
          [c('年度总体目标'), L('兜牢困难群众基本生活保障底线，城乡低保、特困供养、残疾人两项补贴等救助资金按时足额发放；推进居家和社区养老服务'
            + '体系建设，新建乡镇区域养老服务中心 3 个；规范婚姻登记、殡葬和区划地名管理，救助对象和服务对象满意度保持在 90% 以上。', 6)],
        ],
        gridLabel: {label: '年度绩效指标', width: 10},
        columns: [
          {key: 'level1', label: '一级指标', width: 11},
          {key: 'level2', label: '二级指标', width: 13},
          {key: 'level3', label: '三级指标', width: 36, left: true, span: 2},
          {key: 'target', label: '指标值', width: 30, span: 2},
        ],
        rows: [
          ['产出指标', '数量指标', '城乡低保保障人数', '≥6800人'],
          ['产出指标', '数量指标', '特困人员供养人数', '≥920人'],
          ['产出指标', '数量指标', '乡镇区域养老服务中心建设个数', '=3个'],
          ['产出指标', '数量指标', '残疾人两项补贴发放人次', '≥3.2万人次'],
          ['产出指标', '质量指标', '低保对象认定准确率', '≥98%'],
          ['产出指标', '质量指标', '补贴资金发放准确率', '=100%'],
          ['产出指标', '时效指标', '低保金按月发放及时率', '=100%'],
          ['产出指标', '成本指标', '城市低保月人均保障标准', '=680元/人/月'],
          ['效益指标', '社会效益指标', '困难群众基本生活', '有效保障'],
          ['效益指标', '社会效益指标', '经济困难高龄老人居家养老服务覆盖率', '≥85%'],
          ['效益指标', '可持续影响指标', '社会救助兜底保障机制', '持续完善'],
          ['满意度指标', '服务对象满意度指标', '救助对象满意度', '≥90%'],
          ['满意度指标', '服务对象满意度指标', '老年人养老服务满意度', '≥90%'],
        ],
      };
      return spec;
    })()],
    after: [P5, '本部门 2025 年项目支出绩效目标表另行公开。'],
  },
  {
    name: 'seq-notes-education',
    about: 'a project table with columns the extractor did not know (education, B5 portrait, 9.5pt): a leading 序号 column '
      + '(1, 2, 3 …), trailing 指标解释 and 备注 columns (free text, often empty; explanations holding numbers such as '
      + '"56人以上" and words such as "确保"), the weight labelled "权重(%)" (weights sum to 100 without a 预算执行率 row); '
      + 'title with the year inside ("2025年度项目支出绩效目标表", no year line) and a right-aligned "金额单位：万元" line under '
      + 'it; the grid breaks across pages; footer "N". Expected: the nine standard fields, and the extra fields explanation '
      + '(指标解释) and remark (备注), "" when empty; the 序号 is not kept.',
    page: 'B5 portrait', fontPt: 9.5, footer: 'num',
    before: [
      P4,
      '2025 年，本单位预算绩效管理整体预算绩效目标 0 个，涉及金额 0.00 万元；当年财政拨款项目 1 个，涉及预算金额 2,100.00 万元；'
      + '当年非财政拨款项目 1 个，涉及预算金额 245.60 万元。具体情况见下表：',
    ],
    tables: [(() => {
      const unit = '石门县教育局', project = '义务教育薄弱环节改善与能力提升', leader = '覃晓燕';
      const money: Money = {kind: 'project', unit: '万元', total: '2,345.60', fiscal: '2,100.00', other: '245.60'};
      const rows: string[][] = [
        ['产出指标', '数量指标', '改扩建校舍面积', '≥12000平方米', '计划标准', '10', '指年度内完成改扩建并投入使用的校舍建筑面积', ''],
        ['产出指标', '数量指标', '新增学位数', '≥1350个', '计划标准', '10', '指项目实施后新增的义务教育阶段学位数量', '含续建项目'],
        ['产出指标', '数量指标', '购置教学仪器设备套数', '≥86套', '计划标准', '5', '', ''],
        ['产出指标', '质量指标', '工程验收合格率', '=100%', '行业标准', '10', '验收合格的工程数量占完工工程数量的比例', '以竣工验收报告为准'],
        ['产出指标', '质量指标', '设备采购合格率', '=100%', '行业标准', '5', '', ''],
        ['产出指标', '时效指标', '项目完工时间', '2025年8月31日前', '计划标准', '10', '确保秋季学期开学前投入使用', ''],
        ['成本指标', '经济成本指标', '校舍改扩建单位造价', '≤3200元/平方米', '预算支出标准', '10', '按照工程结算价格计算', ''],
        ['效益指标', '社会效益指标', '大班额比例', '≤5%', '历史标准', '10', '56人以上班级数占班级总数的比例', '2024年为7.2%'],
        ['效益指标', '社会效益指标', '学校办学条件', '明显改善', '其他标准', '10', '', ''],
        ['效益指标', '可持续影响指标', '校舍设计使用年限', '≥50年', '行业标准', '10', '', ''],
        ['满意度指标', '服务对象满意度指标', '学生及家长满意度', '≥90%', '计划标准', '10', '通过问卷调查抽样测评', ''],
      ];
      const spec: TableSpec = {
        kind: 'project', title: '2025年度项目支出绩效目标表', yearLine: null, unitLine: '金额单位：万元', year: 2025, unit, project,
        leader, money,
        block: projectBlock({unit, project, leader, money, goal: '改扩建 6 所农村学校校舍 12000 平方米，新增学位 1350 个，购置教学仪器设备'
          + ' 86 套，基本消除 56 人以上大班额，改善农村义务教育学校办学条件。'}, 9),
        columns: [
          {key: 'seq', label: '序号', width: 4},
          {key: 'level1', label: '一级指标', width: 8},
          {key: 'level2', label: '二级指标', width: 9},
          {key: 'level3', label: '三级指标', width: 15, left: true},
          {key: 'target', label: '指标值', width: 11},
          {key: 'basis', label: '指标值设置依据', width: 9},
          {key: 'weight', label: '权重(%)', name: '权重', width: 6},
          {key: 'explanation', label: '指标解释', width: 22, left: true},
          {key: 'remark', label: '备注', width: 10, left: true},
        ],
        rows: rows.map((r, i) => [String(i + 1), ...r]),
      };
      return spec;
    })()],
    after: [P5, '其他资金 245.60 万元为县人民政府统筹的土地出让收益计提教育资金。'],
  },
  {
    name: 'pairs-a3-agriculture',
    about: 'a 项目支出绩效目标表 on A3 landscape (agriculture, 11pt, very wide cells) whose header block is two columns of '
      + '"label：value" pairs in one cell each (项目名称：… | 项目负责人：…, 预算单位：… | 联系电话：…, 年度预算总额（万元）：… | '
      + '财政拨款（万元）：…, 其他资金（万元）：… | 实施期限：… (a label the extractor does not know)), then 项目总体目标：…; '
      + '二级 names without the 指标 suffix (数量, 质量, 时效, 经济成本, 经济效益, 社会效益, 生态效益, 可持续影响, 服务对象满意度); '
      + 'a target without a unit ("≥0.58"); no footer; weights sum 90.',
    page: 'A3 landscape', fontPt: 11, footer: 'none',
    before: [
      P4,
      '2025 年，本部门预算绩效管理整体预算绩效目标 0 个；当年预算安排项目 1 个，涉及预算金额 2,860.00 万元，其中财政拨款 2,500.00 万元，'
      + '其他资金 360.00 万元。具体情况见下表：',
    ],
    tables: [(() => {
      const unit = '平川县农业农村局', project = '2025年高标准农田建设项目', leader = '王立新';
      const money: Money = {kind: 'project', unit: '万元', total: '2,860.00', fiscal: '2,500.00', other: '360.00'};
      const spec: TableSpec = {
        kind: 'project', title: '项目支出绩效目标表', yearLine: '（2025年）', year: 2025, unit, project, leader, money,
        block: [
          [L(`项目名称：${project}`, 5), L(`项目负责人：${leader}`, 4)],
          [L(`预算单位：${unit}`, 5), L('联系电话：0935-6612345', 4)],
          [L(`年度预算总额（万元）：${money.total}`, 5), L(`财政拨款（万元）：${money.fiscal}`, 4)],
          [L(`其他资金（万元）：${money.other}`, 5), L('实施期限：2025年1月—2025年12月', 4)],
          [L('项目总体目标：新建高标准农田 2.2 万亩，新建及改造灌排渠道 46 公里，项目区耕地质量等级提升 0.5 等以上，粮食亩均增产 50 公斤'
            + '以上，带动 8600 户农户增收，农田灌溉水有效利用系数达到 0.58。', 9)],
        ],
        columns: STD9,
        rows: [
          ['产出指标', '数量', '新建高标准农田面积', '≥2.2万亩', '计划标准', '2.0万亩', '10', '按照完成比例赋分', '工作资料'],
          ['产出指标', '数量', '新建及改造灌排渠道长度', '≥46公里', '计划标准', '41公里', '10', '按照完成比例赋分', '工作资料'],
          ['产出指标', '质量', '项目工程验收合格率', '=100%', '行业标准', '100%', '10', '按评判等级赋分', '正式材料'],
          ['产出指标', '质量', '耕地质量等级提升', '≥0.5等', '行业标准', '0.5等', '5', '按照完成比例赋分', '说明材料'],
          ['产出指标', '时效', '项目建设完成时间', '2025年12月31日前', '计划标准', '-', '5', '直接赋分', '工作资料'],
          ['成本指标', '经济成本', '亩均财政投入标准', '≤1300元/亩', '预算支出标准', '1250元/亩', '10', '按照完成比例赋分', '原始凭证'],
          ['效益指标', '经济效益', '项目区粮食亩均增产', '≥50公斤', '历史标准', '48公斤', '10', '按照完成比例赋分', '工作资料'],
          ['效益指标', '社会效益', '受益农户数', '≥8600户', '计划标准', '8200户', '10', '按照完成比例赋分', '工作资料'],
          ['效益指标', '生态效益', '农田灌溉水有效利用系数', '≥0.58', '行业标准', '0.56', '5', '按照完成比例赋分', '说明材料'],
          ['效益指标', '可持续影响', '工程设计使用年限', '≥15年', '行业标准', '15年', '5', '直接赋分', '说明材料'],
          ['满意度指标', '服务对象满意度', '项目区农户满意度', '≥90%', '计划标准', '92%', '10', '满意度赋分', '工作资料'],
        ],
      };
      return spec;
    })()],
    after: [P5, '其他资金 360.00 万元为项目区新型农业经营主体自筹资金。'],
  },
];

// ───────────────────────────── expected rows ─────────────────────────────

const STANDARD: Key[] = ['level1', 'level2', 'level3', 'target', 'basis', 'prior_year', 'weight', 'scoring_rule', 'evidence'];
const EXTRAS: Key[] = ['actual', 'score', 'deviation', 'target_long_term', 'explanation', 'remark'];
const COMPARATOR = /^(≥|≤|>=|<=|≧|≦|>|<|=|＞|＜|＝|＞=|＜=)$/;

const squeeze = (s: string): string => s.replace(/\s+/g, '');
const num = (s: string): number | null => {
  if (s === '') return null;
  const v = Number(s);
  if (!Number.isFinite(v)) throw new Error(`bad number ${s}`);
  return v;
};

function expectedBudget(m: Money): {budget_total: number; budget_fiscal: number; budget_other: number} {
  if (m.kind === 'project') {
    const f = m.unit === '元' ? 10000 : 1;
    const r = {budget_total: round2(amount(m.total) / f), budget_fiscal: round2(amount(m.fiscal) / f), budget_other: round2(amount(m.other) / f)};
    if (round2(r.budget_fiscal + r.budget_other) !== r.budget_total) throw new Error(`budget does not add up: ${JSON.stringify(m)}`);
    return r;
  }
  const fiscal = round2(amount(m.upper) + amount(m.local));
  const other = amount(m.other);
  const total = m.total ? amount(m.total) : round2(fiscal + other);
  if (round2(fiscal + other) !== total) throw new Error(`budget does not add up: ${JSON.stringify(m)}`);
  return {budget_total: total, budget_fiscal: fiscal, budget_other: other};
}

function expectedIndicator(columns: Column[], row: string[]): Record<string, string | number | null> {
  if (row.length !== columns.length) throw new Error(`row has ${row.length} cells for ${columns.length} columns: ${row.join('|')}`);
  const cell = new Map<Key, string>(columns.map((col, i) => [col.key, squeeze(row[i])]));
  const out: Record<string, string | number | null> = {};
  for (const k of STANDARD) {
    const v = cell.get(k);
    if (k === 'target') {
      const nature = cell.get('target_nature');
      const unit = cell.get('target_unit') ?? '';
      // 指标性质 | 指标值 | 度量单位: a comparator joins the target ("≥"+"95"+"%"); a word (定性) does not.
      out.target = (nature !== undefined && COMPARATOR.test(nature) ? nature : '') + (v ?? '') + unit;
    } else if (k === 'weight') {
      out.weight = v === undefined ? null : num(v);
    } else {
      out[k] = v ?? null;
    }
  }
  for (const k of EXTRAS) {
    if (!cell.has(k)) continue;
    out[k] = k === 'score' ? num(cell.get(k)!) : cell.get(k)!;
  }
  return out;
}

const PROJECT_KEYS: Key[] = ['project', 'project_budget', 'project_goal'];

/**
 * The expected tables of a spec table: one, or for a flat table with a 项目名称 column one per project (its rows,
 * 项目名称 as the project, 项目资金 as the total in 万元, no fiscal/other split printed, the grid's other columns).
 */
function expectedTables(t: TableSpec): Array<Record<string, unknown>> {
  const ip = t.columns.findIndex((col) => col.key === 'project');
  if (ip < 0) return [expectedTable(t)];
  const ib = t.columns.findIndex((col) => col.key === 'project_budget');
  const keep = t.columns.map((col, i) => (PROJECT_KEYS.includes(col.key) ? -1 : i)).filter((i) => i >= 0);
  const names = [...new Set(t.rows.map((r) => r[ip]))];
  return names.map((name) => {
    const rows = t.rows.filter((r) => r[ip] === name);
    const sub: TableSpec = {...t, project: name, columns: keep.map((i) => t.columns[i]), rows: rows.map((r) => keep.map((i) => r[i]))};
    const total = ib < 0 ? null : round2(amount(rows[0][ib]) / (t.money.unit === '元' ? 10000 : 1));
    return {...expectedTable(sub), budget_total: total, budget_fiscal: null, budget_other: null};
  });
}

function expectedTable(t: TableSpec): Record<string, unknown> {
  // A table without a weight column (the Ministry of Finance 申报表) has weight null on every row; others add up.
  const iw = t.columns.findIndex((col) => col.key === 'weight');
  const sum = round2(t.rows.map((r) => Number(r[iw])).reduce((a, b) => a + b, 0));
  if (iw >= 0 && sum !== 90 && sum !== 100) throw new Error(`${t.title} ${t.project ?? t.unit}: weights sum to ${sum}`);
  return {
    kind: t.kind, year: t.year, unit: squeeze(t.unit), project: t.project === null ? null : squeeze(t.project),
    leader: t.leader === null ? null : squeeze(t.leader), ...expectedBudget(t.money),
    columns: t.columns.map((col) => squeeze(col.name ?? col.label)),
    indicators: t.rows.map((r) => expectedIndicator(t.columns, r)),
  };
}

// ───────────────────────────── HTML ─────────────────────────────

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function td(cell: Cell, tag = 'td'): string {
  const attrs = [cell.cs && cell.cs > 1 ? ` colspan="${cell.cs}"` : '', cell.rs && cell.rs > 1 ? ` rowspan="${cell.rs}"` : '',
    cell.left ? ' class="l"' : ''].join('');
  return `<${tag}${attrs}>${esc(cell.t)}</${tag}>`;
}

const tr = (cells: Cell[], tag = 'td'): string => `<tr>${cells.map((x) => td(x, tag)).join('')}</tr>`;

/** Rowspans for merged cells: the first row of a run of equal keys gets the run length, the others 0. */
function runSpans(keys: string[]): number[] {
  const spans = new Array<number>(keys.length).fill(0);
  for (let i = 0; i < keys.length;) {
    let j = i + 1;
    while (j < keys.length && keys[j] === keys[i]) j++;
    spans[i] = j - i;
    i = j;
  }
  return spans;
}

function checkBlockWidth(rows: Cell[][], n: number, what: string): void {
  // Occupancy check: every block row must fill exactly n columns, counting rowspans from above.
  const carry = new Array<number>(n).fill(0);
  rows.forEach((row, r) => {
    let col = 0;
    const next = carry.map((x) => Math.max(0, x - 1));
    for (const cell of row) {
      while (col < n && carry[col] > 0) col++;
      const cs = cell.cs ?? 1;
      for (let k = 0; k < cs; k++) {
        if (col + k >= n) throw new Error(`${what}: block row ${r} overflows ${n} columns`);
        if ((cell.rs ?? 1) > 1) next[col + k] = (cell.rs ?? 1) - 1;
      }
      col += cs;
    }
    while (col < n && carry[col] > 0) col++;
    if (col !== n) throw new Error(`${what}: block row ${r} fills ${col} of ${n} columns`);
    carry.splice(0, n, ...next);
  });
}

/** HTML attributes for the rules and padding of a table where CSS is not read (LibreOffice Writer's HTML import). */
const tableAttrs = (): string => (RENDER.producer === 'libreoffice' ? ' border="1" cellspacing="0" cellpadding="3"' : '');

/** The grid's column header: one row, or two when columns are grouped (长期目标 / 年度目标 over their leaves). */
function headRows(t: TableSpec): Cell[][] {
  const n = t.columns.length;
  if (!t.columns.some((col) => col.group)) {
    const label = t.gridLabel ? [c(t.gridLabel.label, 1, {rs: 1 + t.rows.length})] : [];
    return [[...label, ...t.columns.map((col) => c(col.label, col.span ?? 1))]];
  }
  const top: Cell[] = [];
  for (let i = 0; i < n;) {
    const g = t.columns[i].group;
    if (!g) { top.push(c(t.columns[i].label, 1, {rs: 2})); i++; continue; }
    let j = i;
    while (j < n && t.columns[j].group === g) j++;
    top.push(c(g, j - i));
    i = j;
  }
  return [top, t.columns.filter((col) => col.group).map((col) => c(col.label))];
}

/** The indicator rows as printed: 一级/二级 (and a flat table's project columns) merged over their runs of rows. */
function bodyRows(t: TableSpec): Cell[][] {
  const i1 = t.columns.findIndex((col) => col.key === 'level1');
  const i2 = t.columns.findIndex((col) => col.key === 'level2');
  const ip = t.columns.findIndex((col) => col.key === 'project');
  const owner = (r: string[]): string => (ip < 0 ? '' : r[ip]);
  const sp = runSpans(t.rows.map(owner));
  const s1 = runSpans(t.rows.map((r) => `${owner(r)}\u0000${r[i1]}`));
  const s2 = runSpans(t.rows.map((r) => `${owner(r)}\u0000${r[i1]}\u0000${r[i2]}`));
  return t.rows.map((r, ri) => r.flatMap((text, ci) => {
    const span = ci === i1 ? s1[ri] : ci === i2 ? s2[ri] : PROJECT_KEYS.includes(t.columns[ci].key) ? sp[ri] : 1;
    return span === 0 ? [] : [c(text, t.columns[ci].span ?? 1, {rs: span, left: t.columns[ci].left})];
  }));
}

/** Widths of the physical columns: the merged label column, then each grid column split over its span. */
function physicalWidths(t: TableSpec): number[] {
  const spread = t.columns.flatMap((col) => new Array<number>(col.span ?? 1).fill(col.width / (col.span ?? 1)));
  return t.gridLabel ? [t.gridLabel.width, ...spread] : spread;
}

function renderTable(t: TableSpec): string {
  const widths = physicalWidths(t);
  const n = widths.length;
  const what = `${t.title} ${t.project ?? t.unit}`;
  if (t.gridLabel && (t.repeatHeader || t.columns.some((col) => col.group))) throw new Error(`${what}: gridLabel with a repeated or grouped header`);
  checkBlockWidth(t.block, n, what);
  if (t.trailer) checkBlockWidth(t.trailer, n, what);
  const unitW = t.widthUnit ?? '%';
  const total = widths.reduce((a, w) => a + w, 0);
  const colgroup = `<colgroup>${widths.map((w) => `<col style="width:${
    unitW === '%' ? ((w / total) * 100).toFixed(2) + '%' : w + 'em'}">`).join('')}</colgroup>`;
  const tableStyle = unitW === 'em' ? ` style="width:${total}em"` : '';

  const head = headRows(t).map((row) => tr(row));
  const body = bodyRows(t).map((row) => tr(row));
  const trailer = (t.trailer ?? []).map((row) => tr(row));

  const title = `<h2 class="title"${t.breakBefore ? ' style="break-before:page"' : ''}>${esc(t.title)}</h2>`
    + (t.yearLine ? `<p class="year">${esc(t.yearLine)}</p>` : '')
    + (t.unitLine ? `<p class="unitline">${esc(t.unitLine)}</p>` : '');
  const blockRows = t.block.map((row) => tr(row)).join('\n');
  if (t.repeatHeader) {
    return `${title}
<table class="grid block"${tableStyle}${tableAttrs()}>${colgroup}<tbody>
${blockRows}
</tbody></table>
<table class="grid"${tableStyle}${tableAttrs()}>${colgroup}<thead>
${head.join('\n')}
</thead><tbody>
${body.join('\n')}
${trailer.join('\n')}
</tbody></table>`;
  }
  return `${title}
<table class="grid"${tableStyle}${tableAttrs()}>${colgroup}<tbody>
${blockRows}
${head.join('\n')}
${body.join('\n')}
${trailer.join('\n')}
</tbody></table>`;
}

const FOOTER: Record<Spec['footer'], string> = {
  none: '',
  dash: '"- " counter(page) " -"',
  num: 'counter(page)',
  cn: '"第 " counter(page) " 页 共 " counter(pages) " 页"',
};

const PAGE_SIZE: Record<Spec['page'], string> = {
  'A4 portrait': 'A4 portrait', 'A4 landscape': 'A4 landscape', 'A3 portrait': 'A3 portrait', 'A3 landscape': 'A3 landscape',
  'B5 portrait': 'B5 portrait',
};

function renderHtml(s: Spec): string {
  const para = (p: Para): string => typeof p === 'string' ? `<p class="text">${esc(p)}</p>` : `<p class="h">${esc(p.h)}</p>`;
  const footer = s.footer === 'none' ? ''
    : ` @bottom-center { content: ${FOOTER[s.footer]}; font-family: "Noto Sans CJK SC"; font-size: 9pt; }`;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(s.name)}</title>
<style>
@page { size: ${PAGE_SIZE[s.page]}; margin: 18mm 15mm 20mm 15mm;${footer} }
html, body { margin: 0; padding: 0; }
body { font-family: "Noto Sans CJK SC", sans-serif; font-size: ${s.fontPt + RENDER.fontDelta}pt; line-height: ${RENDER.lineHeight}; color: #000; }
p.h { font-weight: bold; margin: 8pt 0 4pt; }
p.text { text-indent: 2em; margin: 4pt 0; }
h2.title { text-align: center; font-size: ${s.fontPt + 5}pt; margin: 14pt 0 2pt; }
p.year { text-align: center; margin: 0 0 6pt; }
p.unitline { text-align: right; margin: 0 0 3pt; }
table.grid { border-collapse: collapse; table-layout: fixed; width: 100%; margin: 0; }
table.grid td { border: 0.75pt solid #000; padding: 2pt 1.5pt; text-align: center; vertical-align: middle;${
  s.breakAll ? ' word-break: break-all;' : ''} }
table.grid td.l { text-align: left; }
table.block { border-bottom: none; }
thead { display: table-header-group; }
</style></head>
<body>
${s.before.map(para).join('\n')}
${s.tables.map(renderTable).join('\n')}
${s.after.map(para).join('\n')}
</body></html>
`;
}

// ───────────────────────────── Markdown ─────────────────────────────

/**
 * The spec as a PDF-to-Markdown converter writes it (pymupdf4llm, marker and the like): paragraphs separated by
 * blank lines, a table title as a heading, each table as one pipe table whose first row is the header row (a
 * "|---|" rule under it), every row as wide as the table, a merged cell's text in its top-left position and the
 * positions it covers left empty.
 */
function renderMarkdown(s: Spec): string {
  const para = (p: Para): string => typeof p === 'string' ? p : `**${p.h}**`;
  const out: string[] = s.before.map(para);
  for (const t of s.tables) {
    out.push(`## ${t.title}`);
    if (t.yearLine) out.push(t.yearLine);
    const rows = tableCells(t);
    const line = (cells: string[]): string => `| ${cells.map((x) => x.replace(/\|/g, '\\|')).join(' | ')} |`;
    out.push([line(rows[0]), `|${rows[0].map(() => '---').join('|')}|`, ...rows.slice(1).map(line)].join('\n'));
  }
  for (const p of s.after) out.push(para(p));
  return out.join('\n\n') + '\n';
}

/**
 * The spec as MinerU writes it (Markdown with each table as HTML on one line, as it does for tables with merged
 * cells): paragraphs, the title as a heading, then "<table><tr><td rowspan="3">…</td>…</tr></table>" keeping the
 * rowspans and colspans and nothing else of the HTML (no classes, widths, thead or tbody).
 */
function renderMinerU(s: Spec): string {
  const para = (p: Para): string => typeof p === 'string' ? p : p.h;
  const out: string[] = s.before.map(para);
  for (const t of s.tables) {
    out.push(`# ${t.title}`);
    if (t.yearLine) out.push(t.yearLine);
    for (const table of renderTable(t).match(/<table[\s\S]*?<\/table>/g) ?? []) {
      out.push(table
        .replace(/<colgroup>[\s\S]*?<\/colgroup>|<\/?(?:thead|tbody)>/g, '')
        .replace(/<(table|tr|td|th)\b([^>]*)>/g, (_, tag: string, attrs: string) =>
          `<${tag}${(attrs.match(/\s(?:rowspan|colspan)="\d+"/g) ?? []).join('')}>`)
        .replace(/>\s+</g, '><'));
    }
  }
  for (const p of s.after) out.push(para(p));
  return out.join('\n\n') + '\n';
}

/** Every row of a table (header block, column header rows, indicator rows, trailer) n columns wide, spans resolved. */
function tableCells(t: TableSpec): string[][] {
  const n = physicalWidths(t).length;
  const grid: string[][] = [];
  const covered: boolean[][] = [];
  [...t.block, ...headRows(t), ...bodyRows(t), ...(t.trailer ?? [])].forEach((row, r) => {
    grid[r] ??= new Array<string>(n).fill('');
    covered[r] ??= new Array<boolean>(n).fill(false);
    let col = 0;
    for (const cell of row) {
      while (col < n && covered[r][col]) col++;
      for (let dr = 0; dr < (cell.rs ?? 1); dr++) {
        grid[r + dr] ??= new Array<string>(n).fill('');
        covered[r + dr] ??= new Array<boolean>(n).fill(false);
        for (let dc = 0; dc < (cell.cs ?? 1); dc++) covered[r + dr][col + dc] = true;
      }
      grid[r][col] = cell.t;
      col += cell.cs ?? 1;
    }
  });
  return grid;
}

// ───────────────────────────── tools ─────────────────────────────

function run(cmd: string, args: string[], timeoutMs = 120_000): {stdout: string; stderr: string} {
  const r = spawnSync(cmd, args, {encoding: 'utf8', timeout: timeoutMs});
  if (r.error) throw new Error(`${cmd}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}\n${r.stderr}`);
  return {stdout: r.stdout, stderr: r.stderr};
}

const have = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

function chromiumPdf(html: string, pdf: string, tmp: string): void {
  const profile = mkdtempSync(join(tmp, 'chromium-profile-'));
  run('chromium', [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, '--no-pdf-header-footer',
    `--print-to-pdf=${pdf}`, `file://${html}`,
  ]);
  rmSync(profile, {recursive: true, force: true});
  if (!existsSync(pdf)) throw new Error(`chromium wrote no ${pdf}`);
}

/** The HTML printed to PDF by LibreOffice Writer (soffice --convert-to pdf). */
function libreofficePdf(html: string, pdf: string, tmp: string): void {
  const outdir = mkdtempSync(join(tmp, 'lo-pdf-'));
  const profile = mkdtempSync(join(tmp, 'lo-profile-'));
  run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outdir, html], 180_000);
  const name = readdirSync(outdir).find((f) => f.endsWith('.pdf'));
  if (!name) throw new Error(`soffice wrote no PDF for ${html}`);
  writeFileSync(pdf, readFileSync(join(outdir, name)));
  rmSync(outdir, {recursive: true, force: true});
  rmSync(profile, {recursive: true, force: true});
}

function pdfPages(pdf: string): number {
  const m = /^Pages:\s+(\d+)/m.exec(run('pdfinfo', [pdf]).stdout);
  return m ? Number(m[1]) : NaN;
}

function pdftotext(pdf: string, mode: 'default' | 'layout' | 'raw'): string {
  const flags = mode === 'default' ? [] : [`-${mode}`];
  return run('pdftotext', [...flags, '-enc', 'UTF-8', pdf, '-']).stdout;
}

/**
 * pdfminer.six's `pdf2txt` with its default layout analysis (text boxes in its reading order, blank lines between
 * boxes; what pdfplumber and many Python pipelines build on). Like MuPDF, it writes the code points of the font's
 * ToUnicode map, so some characters come out as Kangxi radicals (⽬ U+2F6C for 目, ⻔ U+2ED4 for 门).
 */
function pdfminerText(pdf: string): string {
  return run('pdf2txt', ['-t', 'text', pdf]).stdout;
}

/** MuPDF's `mutool draw -F txt` (the text PyMuPDF's page.get_text() gives: one line per text line of a block). */
function mupdfText(pdf: string, tmp: string): string {
  const out = join(tmp, 'mupdf.txt');
  run('mutool', ['draw', '-q', '-F', 'txt', '-o', out, pdf]);
  return readFileSync(out, 'utf8');
}

function libreofficeText(html: string, tmp: string): string {
  const outdir = mkdtempSync(join(tmp, 'lo-out-'));
  const profile = mkdtempSync(join(tmp, 'lo-profile-'));
  run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'txt:Text (encoded):UTF8',
    '--outdir', outdir, html], 180_000);
  const name = readdirSync(outdir).find((f) => f.endsWith('.txt'));
  if (!name) throw new Error(`soffice wrote no text for ${html}`);
  const text = readFileSync(join(outdir, name), 'utf8');
  rmSync(outdir, {recursive: true, force: true});
  rmSync(profile, {recursive: true, force: true});
  return text;
}

/** Headless Chromium driven by playwright-core, or null when playwright-core or chromium is missing (the webcopy
 *  dumps are optional, like LibreOffice's). Never downloads a browser: it uses the system's /usr/bin/chromium. */
async function webcopyBrowser(): Promise<Browser | null> {
  const executablePath = '/usr/bin/chromium';
  if (!existsSync(executablePath)) return null;
  try {
    const {chromium} = await import('playwright-core');
    return await chromium.launch({executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu']});
  } catch {
    return null;
  }
}

/** document.body.innerText of the HTML: the text/plain a browser puts on the clipboard for a full selection. */
async function webcopyText(browser: Browser, html: string): Promise<string> {
  const page = await browser.newPage({viewport: {width: 1280, height: 1024}, locale: 'zh-CN'});
  try {
    await page.goto(`file://${html}`, {waitUntil: 'load'});
    return await page.evaluate(() => document.body.innerText);
  } finally {
    await page.close();
  }
}

function versions(lo: boolean, webcopy: boolean): string[] {
  const first = (s: string): string => s.split('\n').map((x) => x.trim()).filter((x) => x && !x.startsWith('/'))[0] ?? '?';
  const v = [
    `chromium --version: ${first(run('chromium', ['--version']).stdout)}`,
    `pdftotext -v: ${first(spawnSync('pdftotext', ['-v'], {encoding: 'utf8'}).stderr)}`,
  ];
  const font = spawnSync('fc-match', ['Noto Sans CJK SC'], {encoding: 'utf8'}).stdout.trim();
  const pkg = spawnSync('dpkg-query', ['-W', '-f', '${Version}', 'fonts-noto-cjk'], {encoding: 'utf8'}).stdout.trim();
  v.push(`font: fc-match "Noto Sans CJK SC" → ${font || '?'}${pkg ? ` (fonts-noto-cjk ${pkg})` : ''}`);
  for (const [cmd, deb] of [['pdf2txt', 'python3-pdfminer'], ['mutool', 'mupdf-tools']]) {
    const version = spawnSync('dpkg-query', ['-W', '-f', '${Version}', deb], {encoding: 'utf8'}).stdout.trim();
    if (have(cmd)) v.push(`${cmd}: Debian ${deb} ${version || '?'}`);
  }
  if (lo) v.push(`soffice --version: ${first(run('soffice', ['--version']).stdout)}`);
  if (webcopy) {
    const pw = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'playwright-core', 'package.json'), 'utf8')) as {version: string};
    v.push(`playwright-core: ${pw.version} (webcopy: document.body.innerText in the chromium above)`);
  }
  return v;
}

// ───────────────────────────── README ─────────────────────────────

function readme(specs: Spec[], tools: string[], modes: string[]): string {
  const rows = specs.map((s) => `| \`${s.name}\` | ${s.page}, ${s.fontPt}pt | ${s.tables.length} | ${
    s.tables.reduce((a, t) => a + t.rows.length, 0)} | ${s.about.replace(/\|/g, '\\|')} |`);
  return `# Rendered corpus: real PDF-to-text dumps of 绩效目标表

Generated by \`node --import tsx test/corpus/build.ts\` (a developer script, not run by the tests or CI; it needs
chromium, poppler-utils, fonts-noto-cjk and optionally LibreOffice, python3-pdfminer and mupdf-tools). Do not edit these files by hand: change the
specs in \`test/corpus/build.ts\` and rebuild.

Each spec is a small document written as data in \`build.ts\` (a "（四）预算绩效情况" paragraph, one or more tables,
a "（五）其他需说明的事项" paragraph). It is rendered to HTML (real \`<table>\`s, rowspan-merged 一级/二级 cells,
borders, font "Noto Sans CJK SC", \`@page\` sizes, narrow columns so cells wrap), printed to PDF by headless
Chromium, and dumped:

| file | made with |
|---|---|
| \`<spec>.default.txt\` | \`pdftotext -enc UTF-8\` (reading order; cells of a row often end up on separate lines) |
| \`<spec>.layout.txt\` | \`pdftotext -layout -enc UTF-8\` (column-preserving: a wrapped row spans several lines at fixed x) |
| \`<spec>.raw.txt\` | \`pdftotext -raw -enc UTF-8\` (content-stream order, space-joined runs) |
${modes.includes('libreoffice') ? '| `<spec>.libreoffice.txt` | LibreOffice `soffice --headless --convert-to "txt:Text (encoded):UTF8"` from the same HTML (one cell per line, merged cells as empty lines; starts with a UTF-8 BOM) |\n' : ''}${modes.includes('webcopy') ? '| `<spec>.webcopy.txt` | copy and paste from a web page: the same HTML loaded in headless Chromium (playwright-core), `document.body.innerText` (what a full selection puts on the clipboard as text/plain: cells joined by a tab, rows by a newline, paragraphs by a blank line, a rowspan-merged cell only in the first row it spans, so later rows start with fewer cells) |\n' : ''}${modes.includes('pdfminer') ? '| `<spec>.pdfminer.txt` | pdfminer.six `pdf2txt -t text` (Debian python3-pdfminer; its default layout analysis: text boxes in its own reading order, so a column of several rows\' cells can come out as one block; ideographs the font maps to radicals come out as Kangxi radicals, ⽬ for 目) |\n' : ''}${modes.includes('markdown') ? '| `<spec>.markdown.txt` | Markdown as PDF-to-Markdown converters write it (pymupdf4llm, marker …), made from the spec by build.ts: each table one pipe table, its first row the header row, every row as wide as the table, a merged cell\'s text in its top-left position and the positions it covers empty |\n' : ''}${modes.includes('mineru') ? '| `<spec>.mineru.txt` | Markdown as MinerU writes it, made from the spec by build.ts: paragraphs, the title as a heading, each table as one line of HTML (`<table><tr><td rowspan="3">…`) with its rowspans and colspans |\n' : ''}${modes.includes('mupdf') ? '| `<spec>.mupdf.txt` | MuPDF `mutool draw -F txt` (Debian mupdf-tools; the text PyMuPDF\'s `page.get_text()` gives: each line of each cell on its own line, radical forms as in pdfminer) |\n' : ''}| \`<spec>.expected.json\` | the expected rows |

**The expected rows come from the specs, not from the extractor.** \`<spec>.expected.json\` has the shape of
\`test/fixtures/expected/*.json\` without \`source\` and \`title_line\` (title lines differ per dump):
\`{tables:[{kind, year, unit, project, leader, budget_total, budget_fiscal, budget_other, columns, indicators}]}\`.
Cells are the spec's characters with whitespace removed (≥ vs >= kept as written); level1/level2 filled down over
merged cells; a column the table does not have is \`null\`, an empty cell \`""\`; weights and 得分 are numbers;
amounts in 万元 (元 divided by 10,000; an overall table without a printed total sums 上级 + 本级 + 其他).
\`columns\` lists the grid's header labels without suffixes such as "(必填)" or "（100分）".
Template extras:
- 指标性质 | 指标值 | 度量单位: \`target\` is the three joined when 指标性质 is a comparator ("≥"+"95"+"%" → "≥95%"),
  the 指标值 (plus unit, if any) when it is a word such as 定性.
- 绩效自评表: \`actual\` (全年实际值, text), \`score\` (得分, number), \`deviation\` (偏差原因分析及改进措施, text).
- 长期 / 年度 groups: \`target\` is the 年度 value, \`target_long_term\` the 长期 value.
The first three specs reuse the hand-checked rows of the bundled documents (test/fixtures/expected/); header
narratives are copied (sometimes shortened) from data/. All other content is invented.

## Specs

| spec | page | tables | rows | exercises |
|---|---|---|---|---|
${rows.join('\n')}

## Tools

${tools.map((t) => `- ${t}`).join('\n')}
`;
}

// ───────────────────────────── main ─────────────────────────────

const MODES = ['default', 'layout', 'raw', 'libreoffice', 'webcopy', 'pdfminer', 'mupdf', 'markdown', 'mineru'] as const;
type Mode = typeof MODES[number];
const PDF_MODES: readonly Mode[] = ['default', 'layout', 'raw', 'pdfminer', 'mupdf'];
/** PDF converters other than pdftotext, each optional (its dumps are written when its command is installed). */
const OTHER_PDF_TOOLS: Partial<Record<Mode, {cmd: string; install: string}>> = {
  pdfminer: {cmd: 'pdf2txt', install: 'python3-pdfminer'},
  mupdf: {cmd: 'mutool', install: 'mupdf-tools'},
};

/** Values of a repeatable option (`--only-mode webcopy --only-mode raw`) and the argument indexes they use. */
function optionValues(args: string[], name: string): {values: string[]; used: Set<number>} {
  const values: string[] = [];
  const used = new Set<number>();
  args.forEach((a, k) => { if (a === name) { values.push(args[k + 1]); used.add(k + 1); } });
  return {values, used};
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const keep = args.includes('--keep');
  const variantOpt = optionValues(args, '--variant');
  const variant = variantOpt.values[0];
  if (variant !== undefined) {
    if (!VARIANTS[variant]) throw new Error(`unknown variant ${variant} (${Object.keys(VARIANTS).join(', ')})`);
    RENDER = VARIANTS[variant];
    OUT = join(ROOT, 'test', 'fixtures', 'rendered-variants', variant);
  }
  const onlyOpt = optionValues(args, '--only-mode');
  for (const m of onlyOpt.values) if (!MODES.includes(m as Mode)) throw new Error(`unknown mode ${m} (${MODES.join(', ')})`);
  const wanted = (m: Mode): boolean => !onlyOpt.values.length || onlyOpt.values.includes(m);
  const noLo = args.includes('--no-libreoffice') || variant !== undefined || !wanted('libreoffice');
  const noWebcopy = args.includes('--no-webcopy') || variant !== undefined || !wanted('webcopy');
  const only = args.filter((a, k) => !a.startsWith('--') && !variantOpt.used.has(k) && !onlyOpt.used.has(k));
  for (const name of only) if (!SPECS.some((s) => s.name === name)) throw new Error(`unknown spec ${name}`);
  const specs = only.length ? SPECS.filter((s) => only.includes(s.name)) : SPECS;

  for (const tool of ['chromium', 'pdftotext', 'pdfinfo']) {
    if (!have(tool)) throw new Error(`${tool} not found: apt-get install -y chromium poppler-utils fonts-noto-cjk`);
  }
  const lo = !noLo && have('soffice');
  if (!lo && wanted('libreoffice')) console.error('note: LibreOffice (soffice) not used: no *.libreoffice.txt written');
  const browser = noWebcopy ? null : await webcopyBrowser();
  if (!browser && !noWebcopy) console.error('note: playwright-core or /usr/bin/chromium missing: no *.webcopy.txt written');
  const tool = (m: Mode): boolean => {
    const t = OTHER_PDF_TOOLS[m];
    if (t === undefined || !wanted(m)) return t === undefined;
    if (!have(t.cmd)) console.error(`note: ${t.cmd} not found (apt-get install -y ${t.install}): no *.${m}.txt written`);
    return have(t.cmd);
  };
  const modes = MODES.filter((m) => PDF_MODES.includes(m) ? wanted(m) && tool(m)
    : m === 'libreoffice' ? lo : m === 'markdown' || m === 'mineru' ? wanted(m) && variant === undefined : browser !== null);
  const partial = onlyOpt.values.length > 0;

  mkdirSync(OUT, {recursive: true});
  if (!only.length) {
    // Remove outputs of specs that no longer exist (and stale dumps of a mode that is not used); with --only-mode,
    // only the dumps of the modes asked for.
    const stale = partial ? new RegExp(`\\.(${modes.join('|')})\\.txt$`) : new RegExp(`\\.(${MODES.join('|')})\\.txt$|\\.expected\\.json$`);
    for (const f of readdirSync(OUT)) if (stale.test(f)) rmSync(join(OUT, f));
  }
  const tmp = mkdtempSync(join(tmpdir(), 'jixiao-corpus-'));
  for (const s of specs) {
    const html = join(tmp, `${s.name}.html`);
    const pdf = join(tmp, `${s.name}.pdf`);
    const expected = {tables: s.tables.flatMap(expectedTables)};
    writeFileSync(html, renderHtml(s));
    const needPdf = modes.some((m) => PDF_MODES.includes(m));
    if (needPdf) (RENDER.producer === 'libreoffice' ? libreofficePdf : chromiumPdf)(html, pdf, tmp);
    const pages = needPdf ? pdfPages(pdf) : NaN;
    const sizes: string[] = [];
    for (const mode of modes) {
      const text = mode === 'markdown' ? renderMarkdown(s)
        : mode === 'mineru' ? renderMinerU(s)
        : mode === 'libreoffice' ? libreofficeText(html, tmp)
        : mode === 'webcopy' ? await webcopyText(browser!, html)
          : mode === 'pdfminer' ? pdfminerText(pdf)
            : mode === 'mupdf' ? mupdfText(pdf, tmp)
              : pdftotext(pdf, mode);
      const file = join(OUT, `${s.name}.${mode}.txt`);
      writeFileSync(file, text);
      sizes.push(`${mode} ${statSync(file).size}B`);
    }
    if (!partial) writeFileSync(join(OUT, `${s.name}.expected.json`), JSON.stringify(expected, null, 2) + '\n');
    console.error(`${s.name}: ${needPdf ? `${pages} page(s)` : 'no PDF'}; ${sizes.join(', ')}${pages > 4 ? '  WARNING: more than 4 pages' : ''}`);
  }
  await browser?.close();
  // The README lists every dump on disk (with --only-mode the other modes' dumps are kept as they were).
  const onDisk = MODES.filter((m) => readdirSync(OUT).some((f) => f.endsWith(`.${m}.txt`)));
  if (!only.length) writeFileSync(join(OUT, 'README.md'), readme(SPECS, versions(onDisk.includes('libreoffice') && have('soffice'), onDisk.includes('webcopy')), onDisk) + (variant === undefined ? ''
    : RENDER.producer === 'libreoffice' ? `\nVariant \`${variant}\`: every spec's HTML printed to PDF by LibreOffice Writer (\`soffice --convert-to pdf\`) instead of Chromium, then dumped as above (build.ts --variant ${variant}).\n`
      : `\nVariant \`${variant}\`: every spec re-rendered with font size ${RENDER.fontDelta >= 0 ? '+' : ''}${RENDER.fontDelta}pt and line height ${RENDER.lineHeight} (build.ts --variant ${variant}).\n`));
  if (keep) console.error(`HTML and PDF kept in ${tmp}`);
  else rmSync(tmp, {recursive: true, force: true});
}

await main();
