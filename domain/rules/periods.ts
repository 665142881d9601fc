// Statutory periods, each with its source. Every number here comes from shared/domain/RULES.md; the
// confidence mark ([law], [sec], [?]) is copied from there. Nothing else in the code writes these numbers.
import type { ClockDefinition } from '../clock/clock.js';

/** 15 WD from discovering the clue or receiving the materials to verify it and decide on filing; the agency
 * head decides. RULES.md §2, 市场监督管理行政处罚程序规定 (PR) [sec]. */
export const FILING_DECISION: ClockDefinition = {
  name: 'filing',
  title: { zh: '核查立案期限', en: 'filing decision period' },
  rule: '市场监督管理行政处罚程序规定 (PR)：15 个工作日内决定是否立案 — RULES.md §2 [sec]',
  unit: 'WD',
  length: 15,
};

/** The filing period may be extended once by 15 WD with the head's approval. RULES.md §2, PR [sec]. */
export const FILING_EXTENSION = {
  days: 15,
  maxTimes: 1,
  rule: '市场监督管理行政处罚程序规定 (PR)：经负责人批准可延长 15 个工作日 — RULES.md §2 [sec]',
} as const;

/** Decide within 90 CD of filing. RULES.md §5, 行政处罚法 (APL) art. 60 [law]. The case clock of the
 * investigation stage (next issue) runs on it. */
export const CASE_DECISION: ClockDefinition = {
  name: 'case',
  title: { zh: '办案期限', en: 'case decision period' },
  rule: '行政处罚法第六十条：自立案之日起九十日内作出处理决定 — RULES.md §5 [law]',
  unit: 'CD',
  length: 90,
};

/** The head may extend the case period by 30 CD; beyond that only collective discussion, which sets the period.
 * RULES.md §5, PR [sec]. */
export const CASE_EXTENSION_BY_HEAD = {
  days: 30,
  rule: '市场监督管理行政处罚程序规定 (PR)：经负责人批准可延长三十日 — RULES.md §5 [sec]',
} as const;
