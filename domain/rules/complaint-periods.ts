// Statutory periods of a complaint (投诉), each with its source. Every number here comes from
// shared/domain/RULES.md §1 (市场监督管理投诉举报处理暂行办法, CRM); the confidence mark is copied from there.
// Nothing else in the code writes these numbers.
import type { ClockDefinition } from '../clock/clock.js';

/** Decide whether to accept a complaint within 7 WD of receiving it, and tell the complainant.
 * RULES.md §1, CRM 14 [law]. */
export const ACCEPTANCE_DECISION: ClockDefinition = {
  name: 'acceptance',
  title: { zh: '投诉受理期限', en: 'acceptance decision period' },
  rule: '市场监督管理投诉举报处理暂行办法第十四条：收到投诉之日起七个工作日内作出受理或者不予受理的决定 — RULES.md §1 [law]',
  unit: 'WD',
  length: 7,
};

/** Mediation ends without agreement 45 WD after the complaint was accepted; testing, inspection and appraisal
 * time is not counted. RULES.md §1, CRM 16–21 [law]. */
export const MEDIATION: ClockDefinition = {
  name: 'mediation',
  title: { zh: '调解期限', en: 'mediation period' },
  rule: '市场监督管理投诉举报处理暂行办法第十六至二十一条：自投诉受理之日起四十五个工作日内未能达成调解协议的，终止调解；检定、检验、检测、鉴定时间不计入 — RULES.md §1 [law]',
  unit: 'WD',
  length: 45,
};

/** Both parties are told within 7 WD after mediation ended. RULES.md §1, CRM 16–21 [law]. */
export const PARTIES_NOTICE: ClockDefinition = {
  name: 'parties-notice',
  title: { zh: '终止调解告知期限', en: 'period to tell both parties mediation ended' },
  rule: '市场监督管理投诉举报处理暂行办法第十六至二十一条：终止调解之日起七个工作日内告知投诉人和被投诉人 — RULES.md §1 [law]',
  unit: 'WD',
  length: 7,
};
