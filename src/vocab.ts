// The domain's closed vocabularies as `as const` data with guards: table titles, 一级/二级 names, bases,
// scoring rules, evidence, grid-header aliases, metadata labels. Parsing builds on these, not on positions.
import type {ColumnKey, TableKind} from './types.ts';

/** 一级指标 of project tables, with the 二级 names each admits (older frameworks included). */
export const LEVEL1_CHILDREN = {
  产出指标: ['数量指标', '质量指标', '时效指标', '成本指标'],
  成本指标: ['经济成本指标', '社会成本指标', '生态环境成本指标', '成本指标'],
  效益指标: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标', '社会公众或服务对象满意度指标', '服务对象满意度指标', '满意度指标'],
  满意度指标: ['满意度指标', '服务对象满意度指标', '社会公众或服务对象满意度指标'],
  // Overall (部门/单位整体) tables.
  履职效能: ['数量指标', '质量指标', '时效指标', '成本指标', '效益指标', '经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'],
  管理效率: ['数量指标', '质量指标', '时效指标', '成本指标', '预算管理', '资产管理', '财务管理', '内部控制', '管理效率指标', '制度建设', '信息公开', '人员管理', '项目管理', '预算执行'],
  服务对象满意度: ['满意度指标', '服务对象满意度指标'],
  社会效应: ['社会效益指标', '经济效益指标', '生态效益指标', '可持续影响指标', '满意度指标'],
  // Other templates.
  项目完成指标: ['数量指标', '质量指标', '时效指标', '成本指标'],
  项目效益指标: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标', '服务对象满意度指标', '满意度指标'],
  产出: ['数量指标', '质量指标', '时效指标', '成本指标'],
  效益: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'],
  满意度: ['满意度指标', '服务对象满意度指标'],
} as const satisfies Record<string, readonly string[]>;

export type Level1 = keyof typeof LEVEL1_CHILDREN;
/** Length of the longest word of a vocabulary: a longer text is no word of it, and needs no lookup (the guards below). */
function longest(words: Iterable<string>): number {
  let n = 0;
  for (const w of words) n = Math.max(n, w.length);
  return n;
}

const LEVEL1_SET = new Set<string>(Object.keys(LEVEL1_CHILDREN));
/** Is `s` (whitespace removed) a known 一级指标? */
export const isLevel1 = (s: string): s is Level1 => s.length <= LEVEL1_LONGEST && LEVEL1_SET.has(s);
const LEVEL1_LONGEST = longest(LEVEL1_SET);

const LEVEL2_SET = new Set<string>(Object.values(LEVEL1_CHILDREN).flat());
/** Every 一级 and 二级 name, once each. */
export const LEVEL_NAMES: readonly string[] = [...new Set([...LEVEL1_SET, ...LEVEL2_SET])];
/**
 * 二级 names printed without their 指标 suffix ("社会效益", "可持续影响"), as some overall tables do, and some
 * provinces' project tables down to the shortest ("数量", "质量", "时效", "经济成本").
 */
export const SHORT_LEVEL2 = new Set<string>(
  Object.values(LEVEL1_CHILDREN).flat().map((n) => n.replace(/指标$/, '')).filter((n) => n.length >= 2 && !LEVEL2_SET.has(n)),
);
/** Is `s` (whitespace removed) a known 二级指标? */
export const isLevel2 = (s: string): boolean => s.length <= LEVEL2_LONGEST && LEVEL2_SET.has(s);
const LEVEL2_LONGEST = longest(LEVEL2_SET);

/** 二级 names that are first of all 一级 names: printed alone, they most likely mean the 一级. */
export const LEVEL1_FIRST = new Set<string>(['成本指标', '产出指标', '效益指标']);

/**
 * The 一级 names a 二级 name can sit under, most likely first.
 * @example parentsOf('社会效益指标') // => ['效益指标', '履职效能', '社会效应', '项目效益指标', '效益']
 */
export function parentsOf(level2: string): readonly Level1[] {
  return PARENTS.get(level2) ?? NO_PARENTS;
}

const NO_PARENTS: readonly Level1[] = Object.freeze([]);
/** parentsOf for every 二级 name of the vocabulary, made once (it is asked for every pair of labels a span tries). */
const PARENTS: ReadonlyMap<string, readonly Level1[]> = new Map(
  [...new Set(Object.values(LEVEL1_CHILDREN).flat() as string[])].map((level2) => {
    const out: Level1[] = [];
    for (const [parent, children] of Object.entries(LEVEL1_CHILDREN)) {
      if ((children as readonly string[]).includes(level2)) out.push(parent as Level1);
    }
    // 满意度指标 is its own 一级 in the current framework; the older one put it under 效益指标.
    const rank = (p: string): number => (p === level2 ? 0 : level2.includes('满意度') && p.includes('满意度') ? 1 : 2);
    return [level2, Object.freeze(out.sort((a, b) => rank(a) - rank(b)))] as const;
  }),
);

/**
 * Can a 二级 name sit under a 一级 name? Names outside the vocabularies (cut, misread, other templates) may.
 * @example [admitsChild('产出指标', '数量指标'), admitsChild('成本指标', '数量指标')] // => [true, false]
 */
export function admitsChild(level1: string, level2: string): boolean {
  if (!isLevel1(level1)) return true;
  const parents: readonly string[] = parentsOf(level2);
  return parents.length === 0 || parents.includes(level1);
}

/** 指标值设置依据 words. */
export const BASES = ['计划标准', '历史标准', '行业标准', '预算支出标准', '其他标准', '自定义', '自定义标准', '其他'] as const;
const BASIS_SET = new Set<string>(BASES);
export const isBasis = (s: string): boolean => s.length <= BASIS_LONGEST && BASIS_SET.has(s);
const BASIS_LONGEST = longest(BASIS_SET);

/** 指标赋分规则 words. */
export const SCORING_RULES = ['按照完成比例赋分', '按照正常比例赋分', '按完成比例赋分', '按评判等级赋分', '按照评判等级赋分', '直接赋分', '满意度赋分'] as const;
const RULE_SET = new Set<string>(SCORING_RULES);
export const isScoringRule = (s: string): boolean => s.length <= RULE_LONGEST && RULE_SET.has(s);
const RULE_LONGEST = longest(RULE_SET);

/** 佐证资料 words; a cell may list several, separated by ，、,; or spaces. */
export const EVIDENCE = ['原始凭证', '工作资料', '说明材料', '正式材料', '其他材料', '佐证材料'] as const;
const EVIDENCE_SET = new Set<string>(EVIDENCE);
/** The longest evidence word: a longer run between separators is no evidence word. */
const EVIDENCE_LONGEST = Math.max(...EVIDENCE.map((w) => w.length));
/** Does this UTF-16 code separate evidence words in a list (，,、;；/)? */
const isEvidenceSeparator = (code: number): boolean =>
  code === 0xff0c || code === 0x2c || code === 0x3001 || code === 0x3b || code === 0xff1b || code === 0x2f;
/** Is `s` one evidence word or a list of them (separated by ，,、;；/)? */
export function isEvidence(s: string): boolean {
  let words = 0;
  let from = 0;
  for (let k = 0; k <= s.length; k++) {
    if (k < s.length && !isEvidenceSeparator(s.charCodeAt(k))) {
      if (k - from >= EVIDENCE_LONGEST) return false; // the word would be too long
      continue;
    }
    if (k > from) {
      if (!EVIDENCE_SET.has(s.slice(from, k))) return false;
      words++;
    }
    from = k + 1;
  }
  return words > 0;
}

/** Placeholders for "no prior-year value". */
export const NO_VALUE = ['-', '--', '—', '——', '/', '无', '新增', '暂无', '不适用', '－', '\\'] as const;
const NO_VALUE_SET = new Set<string>(NO_VALUE);
export const isNoValue = (s: string): boolean => s.length <= NO_VALUE_LONGEST && NO_VALUE_SET.has(s);
const NO_VALUE_LONGEST = longest(NO_VALUE_SET);

/** Qualitative target words: phrases built from these read as a qualitative 指标值. */
export const QUALITATIVE_WORDS = [
  '有效', '持续', '逐步', '不断', '明显', '显著', '稳步', '进一步', '提高', '提升', '保障', '改善', '完善', '加强', '维护',
  '长期', '稳定', '达标', '合格', '良好', '优秀', '符合', '规范', '按时', '及时', '足额', '满意', '增强', '促进', '推进',
  '实现', '完成', '降低', '减少', '扩大', '巩固', '健全', '落实', '确保', '增加', '增长', '基本', '全面', '高效', '安全',
] as const;

/** Table kinds, with the title words that announce them. */
export const TABLE_TITLES: ReadonlyArray<{kind: TableKind; pattern: RegExp}> = [
  {kind: 'overall', pattern: /(部门|单位)?整体(支出)?绩效目标(申报|批复)?表/},
  {kind: 'project', pattern: /(项目支出|项目|专项资金|专项)?绩效(目标(申报|批复)?|自评)表/},
];

/** Grid header names and the canonical column each means; longest first when matching. */
export const COLUMN_ALIASES: ReadonlyArray<readonly [string, ColumnKey]> = [
  ['项目名称', 'project'],
  ['项目资金', 'project_budget'],
  ['项目金额', 'project_budget'],
  ['预算金额', 'project_budget'],
  ['预算资金', 'project_budget'],
  ['年度绩效目标', 'project_goal'],
  ['项目绩效目标', 'project_goal'],
  ['项目总体目标', 'project_goal'],
  ['绩效目标', 'project_goal'],
  ['一级指标', 'level1'],
  ['二级指标', 'level2'],
  ['三级指标', 'level3'],
  ['指标内容', 'level3'],
  ['指标名称', 'level3'],
  ['指标值设置依据', 'basis'],
  ['指标值设定依据', 'basis'],
  ['指标设定依据', 'basis'],
  ['指标设置依据', 'basis'],
  ['设置依据', 'basis'],
  ['绩效标准', 'basis'],
  ['长期目标', 'target_long'],
  ['长期指标值', 'target_long'],
  ['年度目标', 'target'],
  ['偏差原因分析及改进措施', 'deviation'],
  ['偏差原因分析', 'deviation'],
  ['偏差原因', 'deviation'],
  ['年度指标值', 'target'],
  ['年度目标值', 'target'],
  ['指标性质', 'target_nature'],
  ['度量单位', 'target_unit'],
  ['计量单位', 'target_unit'],
  ['全年实际值', 'actual'],
  ['实际完成值', 'actual'],
  ['实际值', 'actual'],
  ['得分', 'score'],
  ['自评得分', 'score'],
  ['指标值', 'target'],
  ['目标值', 'target'],
  ['上年完成值', 'prior_year'],
  ['上年实际值', 'prior_year'],
  ['上年指标值', 'prior_year'],
  ['指标分值权重', 'weight'],
  ['分值权重', 'weight'],
  ['权重', 'weight'],
  ['分值', 'weight'],
  ['指标赋分规则', 'scoring_rule'],
  ['赋分规则', 'scoring_rule'],
  ['评分规则', 'scoring_rule'],
  ['佐证资料', 'evidence'],
  ['佐证材料', 'evidence'],
  // Columns some provinces' templates add around the standard ones: a leading 序号, trailing 指标解释 (or 指标说明)
  // and 备注 (free text).
  ['序号', 'seq'],
  ['指标解释', 'explanation'],
  ['指标说明', 'explanation'],
  ['备注', 'remark'],
];

/**
 * Labels of a first grid column holding one cell merged over the column header and every row: the Ministry of
 * Finance 项目支出绩效目标申报表 and 部门（单位）整体支出绩效目标申报表 (财预〔2020〕10号) print "年度绩效指标" (older
 * versions "绩效指标") left of 一级指标. Not a column of the rows: part of the header.
 */
export const GRID_LABELS: readonly string[] = ['年度绩效指标', '绩效指标'];

/** The canonical header name printed for each column, by table kind. */
const EXTRA_NAMES: Partial<Record<ColumnKey, string>> = {
  project: '项目名称', project_budget: '项目资金', project_goal: '年度绩效目标',
  target_long: '长期指标值', target_nature: '指标性质', target_unit: '度量单位', actual: '全年实际值', score: '得分', deviation: '偏差原因分析及改进措施',
  seq: '序号', explanation: '指标解释', remark: '备注',
};
export const COLUMN_NAMES: Record<TableKind, Partial<Record<ColumnKey, string>>> = {
  project: {...EXTRA_NAMES,
    level1: '一级指标', level2: '二级指标', level3: '三级指标', target: '指标值', basis: '指标值设置依据',
    prior_year: '上年完成值', weight: '指标分值权重', scoring_rule: '指标赋分规则', evidence: '佐证资料',
  },
  overall: {...EXTRA_NAMES,
    level1: '一级指标', level2: '二级指标', level3: '三级指标', target: '指标值', basis: '指标设定依据',
    prior_year: '上年完成值', weight: '分值权重', scoring_rule: '指标赋分规则', evidence: '佐证资料',
  },
};

/** The per-project columns of a flat table listing several projects (lifted into each project's table). */
export const PROJECT_COLUMNS: ReadonlySet<ColumnKey> = new Set<ColumnKey>(['project', 'project_budget', 'project_goal']);

/** Every grid column in printed order. */
export const COLUMN_ORDER: readonly ColumnKey[] = [
  'seq', 'project', 'project_budget', 'project_goal', 'level1', 'level2', 'level3', 'target_long', 'target_nature', 'target', 'target_unit', 'basis', 'prior_year', 'weight', 'actual',
  'score', 'deviation', 'scoring_rule', 'evidence', 'explanation', 'remark',
];

/** Columns a table of each kind has when its header does not say otherwise. */
export const DEFAULT_COLUMNS: Record<TableKind, readonly ColumnKey[]> = {
  project: ['level1', 'level2', 'level3', 'target', 'basis', 'prior_year', 'weight', 'scoring_rule', 'evidence'],
  overall: ['level1', 'level2', 'level3', 'target', 'basis', 'weight'],
};
