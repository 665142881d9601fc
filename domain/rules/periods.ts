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
