// Shared record types of jixiao: what the extractor produces and what analysis, CSV and charts consume.
// Field names of Table and Indicator follow the public JSON contract (FORMAT.md); add fields, never rename.

/** Severity of a diagnostic: `error` means data was lost or is unusable, `warning` a doubt, `info` a note. */
export type Severity = 'error' | 'warning' | 'info';

/** A problem or note about the input, with where it is. Lines are 1-based and inclusive. */
export interface Diagnostic {
  /** Stable machine-readable code, e.g. `page-number`, `unplaced-text`. */
  code: string;
  severity: Severity;
  /** One sentence a person understands. */
  message: string;
  /** File name as given (basename). */
  file: string;
  /** First line concerned. */
  line: number;
  /** Last line concerned (equal to `line` for a single line). */
  endLine: number;
  /** The offending text, when there is one. */
  actual?: string;
}

/** Kind of a table: 项目支出绩效目标表 (`project`) or 部门/单位整体绩效目标表 (`overall`). */
export type TableKind = 'project' | 'overall';

/** Canonical grid columns, in their fixed printed order. */
export type ColumnKey =
  | 'seq' // 序号: the row's number, printed before everything else (read, not kept)
  // Several projects in one flat table: per-project columns before the indicators (lifted into each project's table).
  | 'project' // 项目名称
  | 'project_budget' // 项目资金 / 预算金额
  | 'project_goal' // 年度绩效目标 / 项目绩效目标
  | 'level1'
  | 'level2'
  | 'level3'
  | 'target_long' // 长期目标 / 长期指标值, beside the 年度 target
  | 'target_nature' // 指标性质 (≥, ≤, =, 定性 …) when 指标值 is split into 指标性质 | 指标值 | 度量单位
  | 'target'
  | 'target_unit' // 度量单位
  | 'basis'
  | 'prior_year'
  | 'weight'
  | 'actual' // 全年实际值 (self-evaluation tables)
  | 'score' // 得分 (self-evaluation tables)
  | 'deviation' // 偏差原因分析及改进措施 (self-evaluation tables)
  | 'scoring_rule'
  | 'evidence'
  | 'explanation' // 指标解释 / 指标说明: what the indicator means, free text after the standard columns
  | 'remark'; // 备注: free text, usually empty

/** One indicator row (一级/二级/三级指标 …) with its source lines. */
export interface Indicator {
  level1: string;
  level2: string;
  level3: string;
  target: string;
  /** null where the table has no 依据 column. */
  basis: string | null;
  /** null where the table has no 上年完成值 column. */
  prior_year: string | null;
  /** null where no weight is printed. */
  weight: number | null;
  scoring_rule: string | null;
  evidence: string | null;
  /** 1-based first and last source line of the row. */
  lines: [number, number];
  /** The weight cell as printed, when it is not a clean number (kept for the checks). */
  weight_raw?: string;
  /** 指标性质 when it is a word (定性, 正向 …) rather than a comparator joined into the target. */
  target_nature?: string;
  /** Self-evaluation tables (绩效自评表): 全年实际值 and 得分 as printed. */
  actual?: string;
  score?: number | null;
  deviation?: string;
  /** 长期目标 beside the 年度 target (tables with 长期/年度 column groups). */
  target_long_term?: string;
  /** 指标解释 / 指标说明 and 备注, in tables that print them ("" when the cell is empty). */
  explanation?: string;
  remark?: string;
}

/** One 绩效目标表 with its metadata and rows. */
export interface Table {
  kind: TableKind;
  /** The title as printed, whitespace removed. */
  title: string;
  title_line: number;
  lines: [number, number];
  year: number | null;
  unit: string | null;
  project: string | null;
  leader: string | null;
  /** 万元. */
  budget_total: number | null;
  budget_fiscal: number | null;
  budget_other: number | null;
  /** How budget_total was obtained: printed, or computed from its parts. */
  budget_total_source: 'printed' | 'computed' | null;
  /** Overall tables: 上级安排 and 本级安排 (万元), when printed. */
  budget_upper?: number | null;
  budget_local?: number | null;
  /** 项目总体目标 / 年度绩效目标 narrative, whitespace removed. */
  goal: string | null;
  /** 主管部门 (the Ministry of Finance 申报表's 主管部门及代码), when printed. */
  department?: string | null;
  /** Header names of the grid as the rows mean them. */
  columns: string[];
  /** Which layout the grid was read as. */
  layout: LayoutName;
  /** Which template the title and header name. */
  template: TemplateName;
  /** Share of rows whose cells all fit their column's grammar (0–1); low means the layout was not understood. */
  confidence: number;
  indicators: Indicator[];
  /** Line of each metadata field, for provenance. */
  meta_lines: Partial<Record<MetaField, number>>;
  /** Line accounting for the table region: seen = used + blank + diagnosed. */
  line_stats: LineStats;
  /** True when the region ended before the grid was complete (truncated document). */
  incomplete?: boolean;
}

/** Metadata fields of a table header. */
export type MetaField =
  | 'year'
  | 'unit'
  | 'project'
  | 'leader'
  | 'phone'
  | 'department'
  | 'budget_total'
  | 'budget_fiscal'
  | 'budget_other'
  | 'budget_upper'
  | 'budget_local'
  | 'goal';

/** Line accounting of a table region. */
export interface LineStats {
  /** Lines in the region, title to last line. */
  seen: number;
  /** Lines with text that went into the title, metadata, header or a cell. */
  used: number;
  /** Empty lines and separator rules ("---|---"). */
  blank: number;
  /** Lines whose text was not placed and is reported in a diagnostic. */
  diagnosed: number;
}

/** Grid layouts the extractor knows. */
export type LayoutName =
  | 'tabbed' // one row per line, cells split by tabs
  | 'wrapped' // cells, or runs of cells, one per line (reading-order dumps)
  | 'space-separated' // one row per line, cells split by spaces
  | 'columnar' // column-preserving dump (pdftotext -layout): cells at x positions, rows over several lines
  | 'unknown';

/** Which table template the header names: the standard 9/6-column tables or a variant. */
export type TemplateName =
  | 'project-standard' | 'overall-standard' | 'split-target' | 'long-annual' | 'self-evaluation'
  | 'multi-project' // several projects in one flat table (a 项目名称 column), split into one table each
  | 'other';

/** Result of extracting one document. */
export interface DocumentResult {
  source: string;
  encoding: string;
  tables: Table[];
  diagnostics: Diagnostic[];
}
