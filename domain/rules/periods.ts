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

/** Beyond the head's 30 CD only a recorded collective discussion extends the case period, and it sets the
 * length (RULES.md §5, PR [sec]; collective discussion APL 57 [law]). */
export const CASE_EXTENSION_COLLECTIVE = {
  rule: '市场监督管理行政处罚程序规定 (PR)：经集体讨论决定延长，并确定具体期限 — RULES.md §5 [sec]',
} as const;

/** 先行登记保存: decide on the preserved items within 7 WD, otherwise the preservation lapses.
 * RULES.md §3, 行政处罚法第五十六条, 第八十五条 (WD) [law]. */
export const PRESERVATION_DECISION: ClockDefinition = {
  name: 'preservation',
  title: { zh: '先行登记保存处理期限', en: 'decision on preserved evidence' },
  rule: '行政处罚法第五十六条：七日内及时作出处理决定（第八十五条：工作日）— RULES.md §3 [law]',
  unit: 'WD',
  length: 7,
};

/** 查封扣押: up to 30 CD; one extension of at most 30 CD with written reasons; testing time not counted.
 * RULES.md §3, 行政强制法第二十五条 [law]. */
export const SEIZURE_PERIOD: ClockDefinition = {
  name: 'seizure',
  title: { zh: '查封扣押期限', en: 'seizure period' },
  rule: '行政强制法第二十五条：查封、扣押的期限不得超过三十日，检测期间不计入 — RULES.md §3 [law]',
  unit: 'CD',
  length: 30,
};
export const SEIZURE_EXTENSION = {
  maxDays: 30,
  maxTimes: 1,
  rule: '行政强制法第二十五条：情况复杂的，经负责人批准可以延长，但延长期限不得超过三十日 — RULES.md §3 [law]',
} as const;

/** Assistance request to another office: 15 WD. RULES.md §3 [sec]. */
export const ASSISTANCE_REPLY: ClockDefinition = {
  name: 'assistance',
  title: { zh: '协助调查回复期限', en: 'reply to an assistance request' },
  rule: '市场监督管理行政处罚程序规定 (PR)：协助调查十五个工作日 — RULES.md §3 [sec]',
  unit: 'WD',
  length: 15,
};

/** A real-name reporter is told of the filing or not-filing decision within 5 WD. RULES.md §1, CRM 29, 31–32 [law]. */
export const REPORT_FEEDBACK: ClockDefinition = {
  name: 'report-feedback',
  title: { zh: '举报处理结果告知期限', en: 'telling the reporter the filing decision' },
  rule: '市场监督管理投诉举报处理暂行办法第三十一条、第三十二条：五个工作日内告知实名举报人 — RULES.md §1 [law]',
  unit: 'WD',
  length: 5,
};

/** Limitation: no penalty for a violation undiscovered for 2 years, 5 where life, health or financial safety
 * was harmed; counted from the day it was committed or, if continuing, ended. RULES.md §2, 行政处罚法第三十六条 [law]. */
export const LIMITATION = {
  years: 2,
  yearsSeriousHarm: 5,
  rule: '行政处罚法第三十六条：二年内未被发现的不再给予行政处罚；涉及公民生命健康安全、金融安全且有危害后果的延长至五年 — RULES.md §2 [law]',
} as const;

// Transfer of a suspected crime (行刑衔接), RULES.md §14, 行政执法机关移送涉嫌犯罪案件的规定 (TR) [law]. The
// regulation says "3 日" without saying working days; these clocks count calendar days, the stricter reading
// for the office's own acts [?]. "24 小时" is kept at day granularity: the hand-over is due by the end of the day
// after the approval [?].
const TR = '行政执法机关移送涉嫌犯罪案件的规定';
const trClock = (name: string, zh: string, en: string, article: string, length: number): ClockDefinition => ({
  name,
  title: { zh, en },
  rule: `${TR}${article} — RULES.md §14 [law; 日历日 calendar days ?]`,
  unit: 'CD',
  length,
});
export const TRANSFER_HEAD_DECISION = trClock(
  'transfer-approval',
  '移送审批期限',
  'head decides on the transfer',
  '：正职负责人三日内作出批准移送或者不批准移送的决定',
  3,
);
export const TRANSFER_HANDOVER = trClock(
  'transfer-handover',
  '移送期限',
  'hand-over to the police',
  '：批准移送的，二十四小时内向公安机关移送（按日计）',
  1,
);
export const TRANSFER_POLICE_DECISION = trClock(
  'transfer-police',
  '公安机关立案审查期限',
  'police decision on the transfer',
  '：公安机关三日内作出立案或者不予立案的决定',
  3,
);
export const TRANSFER_RECONSIDERATION_REQUEST = trClock(
  'transfer-reconsideration-request',
  '提请复议期限',
  'request for reconsideration by the police',
  '：接到不予立案通知书后三日内提请复议',
  3,
);
export const TRANSFER_RECONSIDERATION_ANSWER = trClock(
  'transfer-reconsideration-answer',
  '公安机关复议期限',
  'police answer to the reconsideration',
  '：公安机关三日内作出复议决定',
  3,
);
export const TRANSFER_SUPERVISION_REQUEST = trClock(
  'transfer-supervision-request',
  '建议检察监督期限',
  'request for procuratorate supervision',
  '：对复议决定仍有异议的，三日内建议人民检察院依法进行立案监督',
  3,
);
