// What many documents share: the party's rows, the words for codes, the rights notices, dates in Chinese.
import type { DocumentBlock, DocumentBody, DocumentKind } from '../../schema/document.js';
import type { DecisionOutcome } from '../../schema/decision.js';
import { penaltySummary } from '../case/redaction.js';
import { formatYuan, SURCHARGE_PERCENT_PER_DAY } from '../case/surcharge.js';
import { LAWSUIT, RECONSIDERATION, RECONSIDERATION_RIGHTS_NOT_EXPLAINED } from '../rules/periods.js';
import type { CaseFacts, Step } from './facts.js';

export const SOURCE_ZH: Record<string, string> = {
  own_inspection: '监督检查发现',
  random_check: '“双随机、一公开”抽查发现',
  complaint_report: '投诉、举报',
  transfer: '其他部门移送',
  assignment: '上级机关交办',
  media: '媒体曝光',
  monitoring: '电子监测',
};
export const METHOD_ZH: Record<string, string> = {
  in_person: '直接送达',
  left_at_address: '留置送达',
  post: '邮寄送达',
  electronic: '电子送达',
  entrusted: '委托送达',
  public_notice: '公告送达',
};
export const DECLINE_ZH: Record<string, string> = {
  no_violation: '违法事实不成立',
  insufficient_evidence: '违法事实证据不足',
  limitation_expired: '违法行为已超过追责时效（《中华人民共和国行政处罚法》第三十六条）',
  no_jurisdiction: '不属于本机关管辖',
  minor_corrected: '违法行为轻微并及时改正，没有造成危害后果（《中华人民共和国行政处罚法》第三十三条第一款）',
  first_violation: '初次违法且危害后果轻微并及时改正（《中华人民共和国行政处罚法》第三十三条第一款）',
  no_fault: '当事人有证据足以证明没有主观过错（《中华人民共和国行政处罚法》第三十三条第二款）',
  other: '其他依法不予立案的情形',
};
export const EVIDENCE_ZH: Record<string, string> = {
  documentary: '书证',
  physical: '物证',
  audio_visual: '视听资料',
  electronic: '电子数据',
  witness: '证人证言',
  party_statement: '当事人的陈述',
  expert_opinion: '鉴定意见',
  inspection_record: '勘验笔录、现场笔录',
};
export const TESTING_ZH: Record<string, string> = {
  testing: '检测',
  inspection: '检验',
  quarantine: '检疫',
  appraisal: '鉴定',
  rights_holder_identification: '权利人辨认或者鉴别',
  hearing: '听证',
  public_notice: '公告',
  ordered_refund: '责令退还',
};

/** A date in Chinese: 2026-03-05 → 2026年3月5日. */
export function dateZh(d: string | null | undefined): string {
  if (!d) return '';
  const [y, m, day] = d.split('-').map(Number);
  return `${y}年${m}月${day}日`;
}

export function partyName(f: CaseFacts): string {
  return f.respondent.name;
}

/** The party's rows on a form (name, code, operator, address). */
export function partyRows(f: CaseFacts): [string, string][] {
  const r = f.respondent;
  const rows: [string, string][] = [['当事人', r.name]];
  if (r.kind !== 'natural_person' && r.uscc) rows.push(['统一社会信用代码', r.uscc]);
  if (r.kind === 'individual_business' && r.operator) rows.push(['经营者', r.operator]);
  if (r.address) rows.push([r.kind === 'natural_person' ? '住址' : '住所（经营场所）', r.address]);
  return rows;
}

/** The party as a decision opens with it: one paragraph. */
export function partyPara(f: CaseFacts): DocumentBlock {
  return {
    type: 'para',
    text: partyRows(f)
      .map(([k, v]) => `${k}：${v}`)
      .join('\n'),
  };
}

export const caseRows = (f: CaseFacts): [string, string][] => [
  ['案件编号', f.number],
  ['案由', f.summary],
];

export function outcomeZh(o: DecisionOutcome): string {
  return penaltySummary(o);
}

/** 行政复议、行政诉讼的告知 (APL 44, 59; ARL 20; ALL 46). */
export function appealNotice(f: CaseFacts, yearLong = false): string {
  const body = f.unit.parentName ?? '上一级市场监督管理部门';
  return (
    `如不服本决定，可以在收到本决定书之日起${periodZh(yearLong ? RECONSIDERATION_RIGHTS_NOT_EXPLAINED : RECONSIDERATION)}内向${body}或者本级人民政府申请行政复议，` +
    `也可以在${periodZh(LAWSUIT)}内依法向人民法院提起行政诉讼。`
  );
}

export function body(
  f: CaseFacts,
  kind: DocumentKind,
  title: string,
  number: string,
  blocks: DocumentBlock[],
  more: Partial<DocumentBody> = {},
): DocumentBody {
  return { kind, authority: f.unit.name, title, number, blocks, notes: [], ...more };
}

/** The details of a step as a typed record (the audit trail's schemas: schema/events.ts). */
export const d = <T = Record<string, unknown>>(s: Step | undefined): T => (s?.details ?? {}) as T;
export const str = (v: unknown): string => (typeof v === 'string' ? v : v == null ? '' : String(v));

/** The corrective order as a sentence: "责令（你单位）…" unless it already says so. */
export const corrective = (order: string): string =>
  order.startsWith('责令') ? order : `责令你（单位）${order}`;

/** An amount as documents write it: 人民币5,000.00元. */
export const rmb = (fen: number): string => `人民币${formatYuan(fen).slice(1)}元`;

/** A text as a sentence: ends with Chinese full-stop punctuation (officers' texts often do not). */
export const sentence = (text: string): string => {
  const t = text.trim();
  return !t || /[。！？；：”）]$/.test(t) ? t : `${t}。`;
};

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 1–99 in Chinese numerals, as documents write a period: 5 → 五, 15 → 十五, 30 → 三十, 90 → 九十. */
export function numberZh(n: number): string {
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : DIGITS[tens]}十${DIGITS[n % 10]}`;
}

/** A statutory period in a document's words, from its rule (domain/rules/periods.ts): 5 WD → 五个工作日, 15 CD
 * → 十五日, 6 M → 六个月, 12 M → 一年, 24 H → 二十四小时. `asWritten`: working days as the statute writes them
 * (催告书: 十日, counted as working days by ACL 69). */
export function periodZh(p: { unit: 'WD' | 'CD' | 'M' | 'H'; length: number }, asWritten = false): string {
  switch (p.unit) {
    case 'WD':
      return asWritten ? `${numberZh(p.length)}日` : `${numberZh(p.length)}个工作日`;
    case 'CD':
      return `${numberZh(p.length)}日`;
    case 'M':
      return p.length === 12 ? '一年' : `${numberZh(p.length)}个月`;
    case 'H':
      return `${numberZh(p.length)}小时`;
  }
}

/** The late-payment surcharge as documents state it: 百分之三 (APL 72). */
export const SURCHARGE_ZH = `百分之${numberZh(SURCHARGE_PERCENT_PER_DAY)}`;
