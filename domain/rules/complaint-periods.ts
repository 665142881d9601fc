// Statutory periods of a complaint (投诉), from 市场监督管理投诉举报处理暂行办法 (CRM). Each is an agency's period:
// none moves off a holiday (and, counted in working days, none ends on one). docs/rules.md explains them;
// nothing else in the code writes these numbers.
import type { PeriodRule } from './periods.js';

const CRM = '市场监督管理投诉举报处理暂行办法';

/** Decide whether to accept a complaint within 7 WD of receiving it, and tell the complainant (CRM 14). */
export const ACCEPTANCE_DECISION: PeriodRule = {
  id: 'complaint-acceptance',
  name: 'acceptance',
  title: { zh: '投诉受理期限', en: 'acceptance decision period' },
  rule: `${CRM}第十四条：收到投诉之日起七个工作日内作出受理或者不予受理的决定`,
  unit: 'WD',
  length: 7,
  rollOver: false,
  binds: 'agency',
  confidence: 'law',
};

/** Mediation ends without agreement 45 WD after the complaint was accepted; testing, inspection and appraisal
 * time is not counted (CRM 16–21). */
export const MEDIATION: PeriodRule = {
  id: 'mediation',
  name: 'mediation',
  title: { zh: '调解期限', en: 'mediation period' },
  rule: `${CRM}第十六至二十一条：自投诉受理之日起四十五个工作日内未能达成调解协议的，终止调解；检定、检验、检测、鉴定时间不计入`,
  unit: 'WD',
  length: 45,
  rollOver: false,
  binds: 'agency',
  confidence: 'law',
};

/** Both parties are told within 7 WD after mediation ended (CRM 16–21). */
export const PARTIES_NOTICE: PeriodRule = {
  id: 'mediation-end-notice',
  name: 'parties-notice',
  title: { zh: '终止调解告知期限', en: 'period to tell both parties mediation ended' },
  rule: `${CRM}第十六至二十一条：终止调解之日起七个工作日内告知投诉人和被投诉人`,
  unit: 'WD',
  length: 7,
  rollOver: false,
  binds: 'agency',
  confidence: 'law',
};
