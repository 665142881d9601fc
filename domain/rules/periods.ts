// Statutory periods of a case, each with its length, unit, whether it moves off a holiday, whom it binds, its
// source (law and article) and how sure the number is. docs/rules.md explains them; nothing else in the code
// writes these numbers. Periods that bind a party roll over a holiday (民事诉讼法第八十五条, 民法典第二百零三条);
// an agency's maximum does not; hour periods run hour by hour (民法典第二百零一条第二款).
import type { ClockDefinition } from '../clock/clock.js';

/** How sure a number is: read in the law's text, only in secondary sources, or unverified (configurable). */
export type Confidence = 'law' | 'secondary' | 'unverified';

/** A statutory period: a clock definition plus what the catalogue and `tiean period` show. */
export interface PeriodRule extends ClockDefinition {
  /** The id operators use (`tiean period due <id> <start>`). */
  id: string;
  rollOver: boolean;
  binds: 'party' | 'agency';
  confidence: Confidence;
}

type Spec = Omit<PeriodRule, 'rollOver'>;
/** An agency's maximum: its last day stays where it falls. */
const agency = (p: Omit<Spec, 'binds'>): PeriodRule => ({ ...p, binds: 'agency', rollOver: false });
/** A party's period: a last day on a holiday moves to the next working day. */
const party = (p: Omit<Spec, 'binds'>): PeriodRule => ({ ...p, binds: 'party', rollOver: true });

const PR = '市场监督管理行政处罚程序规定';

// ── Filing (立案) ──────────────────────────────────────────────────────────────────────────────────────────────

/** 15 WD from discovering the clue or receiving the materials to decide on filing; the agency head decides. */
export const FILING_DECISION = agency({
  id: 'filing',
  name: 'filing',
  title: { zh: '核查立案期限', en: 'filing decision period' },
  rule: `${PR}：自发现线索或者收到材料之日起十五个工作日内决定是否立案`,
  unit: 'WD',
  length: 15,
  confidence: 'secondary',
});

/** The filing period may be extended once, by 15 WD, with the head's approval, before it runs out. */
export const FILING_EXTENSION = {
  days: 15,
  maxTimes: 1,
  rule: `${PR}：经负责人批准，可以延长十五个工作日`,
  period: agency({
    id: 'filing-extension',
    name: 'filing',
    title: { zh: '核查立案延长期限', en: 'filing period, extended' },
    rule: `${PR}：经负责人批准，可以延长十五个工作日（自原期满日起算）`,
    unit: 'WD',
    length: 15,
    confidence: 'secondary',
  }),
} as const;

// ── The case clock (办案期限) ───────────────────────────────────────────────────────────────────────────────────

/** Decide within 90 CD of filing: a maximum the agency must not exceed. */
export const CASE_DECISION = agency({
  id: 'case',
  name: 'case',
  title: { zh: '办案期限', en: 'case decision period' },
  rule: '行政处罚法第六十条：自立案之日起九十日内作出行政处罚决定',
  unit: 'CD',
  length: 90,
  confidence: 'law',
});

/** The head may extend the case period by 30 CD, before it runs out. */
export const CASE_EXTENSION_BY_HEAD = {
  days: 30,
  rule: `${PR}：经负责人批准可以延长三十日`,
  period: agency({
    id: 'case-extension',
    name: 'case',
    title: { zh: '办案期限（负责人延长）', en: 'case period, extended by the head' },
    rule: `${PR}：经负责人批准可以延长三十日（自原期满日起算）`,
    unit: 'CD',
    length: 30,
    confidence: 'secondary',
  }),
} as const;

/** Beyond the head's 30 CD only a recorded collective discussion extends the case period, and it sets the
 * length (行政处罚法第五十七条 for collective discussion). */
export const CASE_EXTENSION_COLLECTIVE = {
  rule: `${PR}：案情复杂不能在规定期限内作出处理决定的，经集体讨论决定可以继续延长，并确定具体期限`,
} as const;

// ── Investigation (调查取证) ──────────────────────────────────────────────────────────────────────────────────

/** 先行登记保存: decide on the preserved items within 7 WD, otherwise the preservation lapses. */
export const PRESERVATION_DECISION = agency({
  id: 'preservation',
  name: 'preservation',
  title: { zh: '先行登记保存处理期限', en: 'decision on preserved evidence' },
  rule: '行政处罚法第五十六条：七日内及时作出处理决定（第八十五条：工作日）',
  unit: 'WD',
  length: 7,
  confidence: 'law',
});

/** Emergency measures taken on the spot: the head's approval within 24 hours, hour by hour. */
export const EMERGENCY_APPROVAL = agency({
  id: 'emergency-approval',
  name: 'emergency-approval',
  title: { zh: '当场采取措施补办批准期限', en: 'approval of an emergency measure' },
  rule: '行政强制法第十九条：情况紧急当场实施的，二十四小时内向行政机关负责人报告并补办批准手续',
  unit: 'H',
  length: 24,
  confidence: 'secondary',
});

/** 查封扣押: up to 30 CD, a maximum that does not roll over; testing time is not counted. */
export const SEIZURE_PERIOD = agency({
  id: 'seizure',
  name: 'seizure',
  title: { zh: '查封扣押期限', en: 'seizure period' },
  rule: '行政强制法第二十五条：查封、扣押的期限不得超过三十日；检测、检验、检疫或者技术鉴定的期间不计入',
  unit: 'CD',
  length: 30,
  confidence: 'law',
});

/** One extension of the seizure of at most 30 CD, with written reasons, before the period runs out. */
export const SEIZURE_EXTENSION = {
  maxDays: 30,
  maxTimes: 1,
  rule: '行政强制法第二十五条：情况复杂的，经负责人批准可以延长，但延长期限不得超过三十日',
  period: agency({
    id: 'seizure-extension',
    name: 'seizure',
    title: { zh: '查封扣押延长期限', en: 'seizure period, extended' },
    rule: '行政强制法第二十五条：延长期限不得超过三十日（自原期满日起算）',
    unit: 'CD',
    length: 30,
    confidence: 'law',
  }),
} as const;

/** Assistance request to another office: 15 WD. */
export const ASSISTANCE_REPLY = agency({
  id: 'assistance',
  name: 'assistance',
  title: { zh: '协助调查回复期限', en: 'reply to an assistance request' },
  rule: `${PR}：协助调查应当在十五个工作日内完成`,
  unit: 'WD',
  length: 15,
  confidence: 'secondary',
});

/** A real-name reporter is told of the filing or not-filing decision within 5 WD. */
export const REPORT_FEEDBACK = agency({
  id: 'report-feedback',
  name: 'report-feedback',
  title: { zh: '举报处理结果告知期限', en: 'telling the reporter the filing decision' },
  rule: '市场监督管理投诉举报处理暂行办法第三十一条：自作出是否立案决定之日起五个工作日内告知实名举报人',
  unit: 'WD',
  length: 5,
  confidence: 'law',
});

/** Limitation: no penalty for a violation undiscovered for 2 years, 5 where life, health or financial safety
 * was harmed; counted from the day it was committed or, if continuing, ended. Never rolls over. */
export const LIMITATION = {
  years: 2,
  yearsSeriousHarm: 5,
  rule: '行政处罚法第三十六条：二年内未被发现的不再给予行政处罚；涉及公民生命健康安全、金融安全且有危害后果的延长至五年',
} as const;

// ── Transfer of a suspected crime (行刑衔接), 行政执法机关移送涉嫌犯罪案件的规定 ──────────────────────────────────
// The regulation says "3 日" without saying working or calendar days: these count calendar days, the stricter
// reading (unverified). Every one is an agency's period (the office's or the police's): none rolls over.
const TR = '行政执法机关移送涉嫌犯罪案件的规定';
const trPeriod = (id: string, name: string, zh: string, en: string, article: string) =>
  agency({
    id,
    name,
    title: { zh, en },
    rule: `${TR}${article}（“三日”按自然日计算）`,
    unit: 'CD',
    length: 3,
    confidence: 'unverified',
  });
export const TRANSFER_HEAD_DECISION = trPeriod(
  'transfer-decision',
  'transfer-approval',
  '移送审批期限',
  'the principal head decides on the transfer',
  '第五条：正职负责人或者主持工作的负责人应当自接到报告之日起三日内作出批准移送或者不批准移送的决定',
);
/** Approved transfers go to the police within 24 hours of the approval, hour by hour. */
export const TRANSFER_HANDOVER = agency({
  id: 'transfer-handover',
  name: 'transfer-handover',
  title: { zh: '移送期限', en: 'hand-over to the police' },
  rule: `${TR}第五条：决定批准的，应当在二十四小时内向同级公安机关移送`,
  unit: 'H',
  length: 24,
  confidence: 'law',
});
export const TRANSFER_POLICE_DECISION = trPeriod(
  'transfer-police',
  'transfer-police',
  '公安机关立案审查期限',
  'police decision on the transfer',
  '：公安机关应当自接受移送之日起三日内作出立案或者不予立案的决定',
);
export const TRANSFER_RECONSIDERATION_REQUEST = trPeriod(
  'transfer-reconsideration-request',
  'transfer-reconsideration-request',
  '提请复议期限',
  'request for reconsideration by the police',
  '第九条：接到不予立案通知书后三日内，可以提请作出不予立案决定的公安机关复议',
);
export const TRANSFER_RECONSIDERATION_ANSWER = trPeriod(
  'transfer-reconsideration-answer',
  'transfer-reconsideration-answer',
  '公安机关复议期限',
  'police answer to the reconsideration',
  '第九条：公安机关应当自收到提请复议的文件之日起三日内作出复议决定',
);
export const TRANSFER_SUPERVISION_REQUEST = trPeriod(
  'transfer-supervision-request',
  'transfer-supervision-request',
  '建议检察监督期限',
  'request for procuratorate supervision',
  '第九条：对公安机关不予立案决定或者复议决定仍有异议的，可以建议人民检察院依法进行立案监督',
);
/** After the police file the case, the items and materials go to them within 3 days of the filing notice. */
export const TRANSFER_ITEMS = trPeriod(
  'transfer-items',
  'transfer-items',
  '涉案物品移交期限',
  'hand-over of items after the police filed the case',
  '：公安机关立案后，应当自接到立案通知书之日起三日内将涉案物品以及与案件有关的其他材料移交公安机关',
);

// ── Later stages (review, notice and hearing, decision, payment, remedies, publicity, credit) ───────────────────
// Review, notice, hearing and service run in the case workflow; payment and what follows are still being built
// (`tiean period due` computes them already).

export const CASE_REVIEW = agency({
  id: 'case-review',
  name: 'case-review',
  title: { zh: '案件审核期限', en: 'case review' },
  rule: `${PR}：审核机构自收到审核材料之日起十个工作日内完成审核，经负责人批准可以延长`,
  unit: 'WD',
  length: 10,
  confidence: 'secondary',
});
/** The head may extend the case review; by how much is not in the sources read: once, by 10 WD, as a product
 * default (unverified). */
export const CASE_REVIEW_EXTENSION = {
  days: 10,
  maxTimes: 1,
  rule: `${PR}：审核期限经负责人批准可以延长（延长天数未见明文：本系统默认延长一次、十个工作日）`,
  period: agency({
    id: 'case-review-extension',
    name: 'case-review',
    title: { zh: '案件审核延长期限', en: 'case review, extended' },
    rule: `${PR}：经负责人批准延长审核期限（默认十个工作日，自原期满日起算）`,
    unit: 'WD',
    length: 10,
    confidence: 'unverified',
  }),
} as const;
export const DEFENCE = party({
  id: 'defence',
  name: 'defence',
  title: { zh: '陈述申辩、申请听证期限', en: 'defence or hearing request' },
  rule: '行政处罚法第六十四条：当事人要求听证的，应当在行政机关告知后五日内提出（第八十五条：工作日）',
  unit: 'WD',
  length: 5,
  confidence: 'law',
});
export const HEARING_NOTICE = agency({
  id: 'hearing-notice',
  name: 'hearing-notice',
  title: {
    zh: '听证通知期限（听证日前至少）',
    en: 'hearing notice (the earliest hearing day after serving it)',
  },
  rule: '行政处罚法第六十四条：行政机关应当在举行听证的七日前，通知当事人举行听证的时间、地点（第八十五条：工作日）',
  unit: 'WD',
  length: 7,
  confidence: 'law',
});
export const SERVICE = agency({
  id: 'service',
  name: 'service',
  title: { zh: '决定书送达期限（当事人不在场）', en: 'service of the decision when the party is absent' },
  rule: '行政处罚法第六十一条：当事人不在场的，行政机关应当在七日内依照民事诉讼法的有关规定送达（第八十五条：工作日）',
  unit: 'WD',
  length: 7,
  confidence: 'law',
});
export const PUBLIC_NOTICE_SERVICE = party({
  id: 'public-notice-service',
  name: 'public-notice-service',
  title: { zh: '公告送达期间', en: 'service by public notice takes effect' },
  rule: '民事诉讼法第九十五条：自发出公告之日起，经过三十日，即视为送达',
  unit: 'CD',
  length: 30,
  confidence: 'law',
});
export const PAYMENT = party({
  id: 'payment',
  name: 'payment',
  title: { zh: '罚款缴纳期限', en: 'paying the fine' },
  rule: '行政处罚法第六十七条：当事人应当自收到行政处罚决定书之日起十五日内，到指定的银行或者通过电子支付系统缴纳罚款',
  unit: 'CD',
  length: 15,
  confidence: 'law',
});
export const PAYMENT_DEMAND = agency({
  id: 'payment-demand',
  name: 'payment-demand',
  title: {
    zh: '申请强制执行（催告书送达满十个工作日后）',
    en: 'court enforcement: earliest application after the payment demand',
  },
  rule: '行政强制法第五十四条：催告书送达十日后当事人仍未履行义务的，可以向人民法院申请强制执行（第六十九条：工作日）',
  unit: 'WD',
  length: 10,
  confidence: 'law',
});
export const PAYMENT_DEMAND_LATEST = agency({
  id: 'enforcement-application',
  name: 'enforcement-application',
  title: { zh: '申请强制执行期限', en: 'court enforcement: latest application' },
  rule: '行政强制法第五十三条：自期限届满之日起三个月内，依照本章规定申请人民法院强制执行',
  unit: 'M',
  length: 3,
  confidence: 'law',
});
export const RECONSIDERATION = party({
  id: 'reconsideration',
  name: 'reconsideration',
  title: { zh: '申请行政复议期限', en: 'applying for reconsideration' },
  rule: '行政复议法第二十条：自知道或者应当知道该行政行为之日起六十日内提出行政复议申请',
  unit: 'CD',
  length: 60,
  confidence: 'law',
});
/** When the decision did not tell the party of its right to reconsideration, the body and the time: the window
 * counts from when the party learnt of them, but at most 1 year from knowing of the decision. */
export const RECONSIDERATION_RIGHTS_NOT_EXPLAINED = party({
  id: 'reconsideration-rights-not-explained',
  name: 'reconsideration',
  title: {
    zh: '申请行政复议期限（未告知复议权利）',
    en: 'applying for reconsideration (rights not explained)',
  },
  rule: '行政复议法第二十条：行政机关作出行政行为时，未告知申请行政复议的权利、行政复议机关和申请期限的，自知道或者应当知道行政行为内容之日起最长不得超过一年',
  unit: 'M',
  length: 12,
  confidence: 'secondary',
});
export const LAWSUIT = party({
  id: 'lawsuit',
  name: 'lawsuit',
  title: { zh: '提起行政诉讼期限', en: 'suing' },
  rule: '行政诉讼法第四十六条：应当自知道或者应当知道作出行政行为之日起六个月内提出',
  unit: 'M',
  length: 6,
  confidence: 'law',
});
export const LAWSUIT_AFTER_RECONSIDERATION = party({
  id: 'lawsuit-after-reconsideration',
  name: 'lawsuit',
  title: { zh: '复议后提起行政诉讼期限', en: 'suing after a reconsideration decision' },
  rule: '行政诉讼法第四十五条：可以在收到复议决定书之日起十五日内向人民法院提起诉讼',
  unit: 'CD',
  length: 15,
  confidence: 'law',
});
export const PUBLICITY = agency({
  id: 'publicity',
  name: 'publicity',
  title: { zh: '行政处罚信息公示期限', en: 'publishing the decision' },
  rule: '市场监督管理行政处罚信息公示规定第九条：自作出行政处罚决定之日起二十个工作日内公示',
  unit: 'WD',
  length: 20,
  confidence: 'law',
});
/** How long a published decision is shown under PUB 13 (the rule pack's `durations: 'pub13'`): 3 months for a
 * circulated criticism or a lower fine, otherwise 3 years (a longer restriction: its length). */
export const PUB13_SHOWN_MONTHS = {
  short: 3,
  long: 36,
  rule: '市场监督管理行政处罚信息公示规定第十三条',
} as const;

/** The last day a published decision is shown: `months` from publication, as the tier and its basis say; it
 * ends on that day, holiday or not. */
export const publicityShown = (months: number, basis: string): ClockDefinition => ({
  name: 'publicity-shown',
  title: { zh: '公示期', en: 'shown until' },
  rule: basis,
  unit: 'M',
  length: months,
  rollOver: false,
});

/** 暂缓或者分期缴纳 (APL 66 ¶2): the last day the head approved, counted in calendar days from the application; an
 * agreed day stays where it is. */
export const paymentArranged = (days: number): ClockDefinition => ({
  name: 'payment-arranged',
  title: { zh: '延期（分期）缴纳罚款期限', en: 'deferred or instalment payment' },
  rule: '行政处罚法第六十六条第二款：当事人确有经济困难，需要延期或者分期缴纳罚款的，经当事人申请和行政机关批准，可以暂缓或者分期缴纳',
  unit: 'CD',
  length: days,
  rollOver: false,
});

/** 重新作出行政处罚决定: the day the reconsideration body or the court set for the new decision, counted in
 * calendar days from the annulment; the set day stays where it is. */
export const newDecisionBy = (days: number): ClockDefinition => ({
  name: 'new-decision',
  title: { zh: '重新作出行政处罚决定期限', en: 'the new decision ordered after an annulment' },
  rule: '行政复议法第六十四条、行政诉讼法第七十条：撤销并责令（判决）在一定期限内重新作出行政行为',
  unit: 'CD',
  length: days,
  rollOver: false,
});

export const PUBLICITY_WITHDRAWAL = agency({
  id: 'publicity-withdrawal',
  name: 'publicity-withdrawal',
  title: { zh: '撤下公示信息期限', en: 'withdrawing a changed or annulled decision from publicity' },
  rule: '市场监督管理行政处罚信息公示规定第十一条：行政处罚决定被变更、撤销或者确认违法、无效的，应当在三个工作日内撤下或者更新公示信息',
  unit: 'WD',
  length: 3,
  confidence: 'law',
});
export const CREDIT_REPAIR_DECISION = agency({
  id: 'credit-repair-decision',
  name: 'credit-repair-decision',
  title: { zh: '信用修复决定期限', en: 'credit repair decision' },
  rule: '市场监督管理信用修复管理办法（国家市场监督管理总局令第107号）：七个工作日内作出是否准予信用修复的决定',
  unit: 'WD',
  length: 7,
  confidence: 'secondary',
});

// ── Credit lists (经营异常名录, 严重违法失信名单) ─────────────────────────────────────────────────────────────────

const EIP = '企业信息公示暂行条例';
const SV = '市场监督管理严重违法失信名单管理办法';

/** The head decides an application to leave the abnormal operations list within 5 WD of receiving it. */
export const ABNORMAL_REMOVAL_DECISION = agency({
  id: 'abnormal-removal-decision',
  name: 'removal-decision',
  title: { zh: '移出经营异常名录决定期限', en: 'deciding removal from the abnormal operations list' },
  rule: `${EIP}第十七条；经营异常名录管理办法：自收到申请之日起五个工作日内作出是否移出的决定`,
  unit: 'WD',
  length: 5,
  confidence: 'secondary',
});
/** Three years on the abnormal operations list without curing: the serious violations list. */
export const ABNORMAL_ESCALATION = agency({
  id: 'abnormal-escalation',
  name: 'abnormal-escalation',
  title: { zh: '列入经营异常名录届满三年', en: 'three years on the abnormal operations list' },
  rule: `${EIP}第十七条第二款：被列入经营异常名录届满3年仍未履行公示义务的，列入严重违法企业名单`,
  unit: 'M',
  length: 36,
  confidence: 'law',
});
/** A serious listing lasts 3 years and then ends by itself (its last day stays where it falls). */
export const SERIOUS_LISTING_TERM = agency({
  id: 'serious-listing-term',
  name: 'serious-listing-term',
  title: { zh: '严重违法失信名单列入期限', en: 'serious violations listing term' },
  rule: `${SV}：列入严重违法失信名单满三年的，移出`,
  unit: 'M',
  length: 36,
  confidence: 'secondary',
});
/** Early removal from the serious violations list may be applied for once the entity has been on it for at
 * least a year: the earliest day, set by the agency's rule, which stays where it falls (a threshold, not a
 * time limit for the party). */
export const SERIOUS_EARLY_REMOVAL = agency({
  id: 'serious-early-removal',
  name: 'serious-early-removal',
  title: { zh: '申请提前移出严重违法失信名单（最早）', en: 'earliest application for early removal' },
  rule: `${SV}：列入严重违法失信名单满一年，且符合信用修复条件的，可以申请提前移出`,
  unit: 'M',
  length: 12,
  confidence: 'secondary',
});
/** The decision on removal from the serious violations list: 7 WD under the 2025 credit-repair order. */
export const SERIOUS_REMOVAL_DECISION = agency({
  id: 'serious-removal-decision',
  name: 'removal-decision',
  title: { zh: '移出严重违法失信名单决定期限', en: 'deciding removal from the serious violations list' },
  rule: '市场监督管理信用修复管理办法（国家市场监督管理总局令第107号）：七个工作日内作出决定',
  unit: 'WD',
  length: 7,
  confidence: 'secondary',
});
