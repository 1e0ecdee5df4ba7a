// Record types of the analysis layer: what analyzeDocument() adds to the extracted tables, indicators and
// documents (FORMAT.md, "Analysis output"). Field names are a public contract: add fields, never rename.
import type {Comparator} from '../extract/grammar.ts';
import type {DocumentResult, Indicator, Severity, Table} from '../types.ts';

/** One thing a reviewer should look at, with the source lines it is about (1-based, inclusive). */
export interface Finding {
  /** Stable kebab-case code, e.g. `target-below-prior`. */
  code: string;
  severity: Severity;
  /** Chinese first, then " / " and English. */
  message: string;
  lines: [number, number];
  /** title_line of the table concerned; 0 for a document-level finding (e.g. the disclosure paragraph). */
  table_line: number;
}

/** Where a finding points: a row, a table or a paragraph. */
export interface At {
  lines: [number, number];
  table_line: number;
}

/**
 * A 指标值 or 上年完成值 read into its parts (grammar.parseValue, with the unit's full-width ％ normalised).
 * kind `none`: empty or a no-value placeholder; `text`: not readable as a value (see `problems`).
 */
export interface TargetParsed {
  comparator: Comparator | null;
  value: number | null;
  unit: string | null;
  kind: 'quantitative' | 'qualitative' | 'date' | 'none' | 'text';
  /** The cell as printed. */
  raw: string;
  /** Why a `text` cell could not be read (Chinese / English), absent otherwise. */
  problems?: string[];
}

/** Which way the indicator is better. */
export type Direction = 'higher' | 'lower' | 'exact' | 'unknown';

/** Target against last year's actual. */
export interface PriorComparison {
  /** raised / kept / lowered: the target's value is above / equal to / below the prior value (after unit scaling). */
  status: 'raised' | 'kept' | 'lowered' | 'not-comparable' | 'no-history';
  /** Why not comparable, or how the units were reconciled. */
  reason?: string;
  /** target value / prior value, in the same unit; absent when not computable. */
  ratio?: number;
}

/** Weight checks of one table. */
export type WeightStatus = 'ok' | 'reserved-10' | 'mismatch' | 'missing';

/** Counts and shares of one table or document. */
export interface Coverage {
  indicators: number;
  quantitative: number;
  qualitative: number;
  date: number;
  /** Targets empty or unreadable. */
  unparsed: number;
  /** quantitative / indicators (0 when there are no indicators). */
  quantitative_share: number;
  /** Indicators with a prior-year value (prior_parsed not null). */
  with_prior: number;
  /** with_prior / indicators; null when the table has no 上年完成值 column. */
  prior_share: number | null;
  /** Distinct 一级 / 二级 names, in order of appearance. */
  level1_present: string[];
  level2_present: string[];
  /** Distinct indicator types (产出-数量 …), in order of appearance. */
  types_present: string[];
}

/** What the analysis adds on each table (FORMAT.md: `checks`). */
export interface TableChecks {
  /** Sum of the printed weights (null weights skipped), rounded to 2 decimals; null when no weight is printed. */
  weight_sum: number | null;
  weight_status: WeightStatus;
  /** Weight per 一级 name as printed. */
  level1_shares: Record<string, number>;
  findings: Finding[];
  coverage: Coverage;
}

/** An indicator with its analysis. */
export interface AnalyzedIndicator extends Indicator {
  target_parsed: TargetParsed;
  /** null when the cell is empty, "-", "无", "新增" …, or the table has no 上年完成值 column. */
  prior_parsed: TargetParsed | null;
  /** level1 short name + "-" + level2 short name, e.g. "产出-数量"; "满意度" for satisfaction rows. */
  type: string;
  direction: Direction;
  prior_comparison: PriorComparison;
}

export interface AnalyzedTable extends Table {
  indicators: AnalyzedIndicator[];
  checks: TableChecks;
}

/** Counts of findings (table and document level together). */
export interface FindingSummary {
  total: number;
  by_severity: Record<Severity, number>;
  by_code: Record<string, number>;
}

/** What the "(四) 预算绩效情况" paragraph announces, and what "(五) 其他需说明的事项" explains. */
export interface Disclosure {
  /** Lines of the (四) paragraph, heading included. */
  lines: [number, number];
  year: number | null;
  overall_count: number | null;
  overall_amount: number | null;
  /** Projects announced in total ("当年预算安排项目共 9 个", "对 1 个项目开展绩效自评"), when printed. */
  project_count: number | null;
  /** Their amount, when printed for all projects together ("对 1 个项目开展绩效自评，涉及预算金额 356.00 万元"). */
  project_amount: number | null;
  fiscal_count: number | null;
  fiscal_amount: number | null;
  nonfiscal_count: number | null;
  nonfiscal_amount: number | null;
  /** The (五) paragraph, when found. */
  notes: DisclosureNotes | null;
}

export interface DisclosureNotes {
  lines: [number, number];
  /** Whitespace removed. */
  text: string;
  /** Transfer-payment projects not published as tables. */
  transfer_count: number | null;
  transfer_amount: number | null;
  /** 上年结转 / 上年结余 amounts merged into the tables, split by the sentence they stand in. */
  carryover_fiscal: number;
  carryover_nonfiscal: number;
  /** The notes mention 转移支付, 上年结转/结余 or 不公开. */
  explains: boolean;
}

/** Result of reconcileDisclosure(). */
export interface Reconciliation {
  disclosure: Disclosure | null;
  /** What the tables hold: counts and sums of budget_total / budget_fiscal / budget_other (万元). */
  tables: {
    overall_count: number;
    overall_amount: number;
    project_count: number;
    fiscal_count: number;
    nonfiscal_count: number;
    project_amount: number;
    fiscal_amount: number;
    nonfiscal_amount: number;
    /** Every project / overall table has a budget_total: amounts are compared only then. */
    project_amounts_known: boolean;
    overall_amounts_known: boolean;
  };
  findings: Finding[];
}

export interface AnalyzedDocument extends DocumentResult {
  tables: AnalyzedTable[];
  /** Document-level findings (disclosure reconciliation). Table findings are in each table's checks. */
  findings: Finding[];
  summary: FindingSummary;
  coverage: Coverage;
  /** Present when analyzeDocument() was given the document's lines. */
  disclosure?: Reconciliation;
}

/** Descriptive statistics of a list of numbers (simple-statistics); null fields for an empty list. */
export interface Distribution {
  count: number;
  mean: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
  q25: number | null;
  q75: number | null;
  stdev: number | null;
}

/** Weights across documents. */
export interface WeightSummary {
  tables: number;
  by_status: Record<WeightStatus, number>;
  weight_sum: Distribution;
  /** Every printed weight of every row. */
  weights: Distribution;
  /** Per 一级 group (产出/成本/效益/满意度/其他), the distribution of the table totals, project tables only. */
  group_shares: Record<string, Distribution>;
}

/** Target / prior ratios across documents. */
export interface RatioSummary {
  all: Distribution;
  /** By direction of the indicator. */
  by_direction: Record<Direction, Distribution>;
  raised: number;
  kept: number;
  lowered: number;
  not_comparable: number;
  no_history: number;
}
