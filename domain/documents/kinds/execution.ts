// After the decision: 延期（分期）缴纳罚款通知书, 行政处罚决定履行催告书, 强制执行申请书, 信用修复告知书 (served
// with the decision, 双书送达), 结案审批表.
import type { DecisionOutcome } from '../../../schema/decision.js';
import { body, caseRows, d, dateZh, outcomeZh, partyRows, periodZh, rmb, str } from '../common.js';
import { lastBefore, nameOf, officersOf, stepsOf, type CaseFacts } from '../facts.js';
import type { KindSpec } from '../spec.js';
import { CREDIT_REPAIR_DECISION, PAYMENT_DEMAND } from '../../rules/periods.js';

interface Made {
  documentNumber: string;
  outcome: DecisionOutcome;
  publish?: boolean;
}
const madeBefore = (f: CaseFacts, seq: number) => d<Made>(lastBefore(f, seq, 'decision.made'));
const decisionRef = (f: CaseFacts, seq: number) => {
  const m = lastBefore(f, seq, 'decision.made');
  return `本机关于${dateZh(m?.on)}作出的${d<Made>(m).documentNumber}行政处罚决定书`;
};

/** What the party still owes as of a step: the fine and confiscation unpaid, and the surcharge accrued. */
function owed(f: CaseFacts, seq: number): { outstandingFen: number; surchargeFen: number } {
  const paid = lastBefore(f, seq, 'payment.recorded');
  if (paid) return d<{ outstandingFen: number; surchargeFen: number }>(paid);
  const o = madeBefore(f, seq).outcome;
  const total =
    o?.kind === 'penalty'
      ? o.penalties.reduce(
          (n, p) => n + (p.kind === 'fine' || p.kind === 'confiscate_gains' ? p.amountFen : 0),
          0,
        )
      : 0;
  return { outstandingFen: total, surchargeFen: 0 };
}

export const paymentArrangementNotice: KindSpec = {
  kind: 'payment_arrangement_notice',
  title: '延期（分期）缴纳罚款通知书',
  series: '缴延',
  anchors: (f) => stepsOf(f, 'payment.arrangement_decided'),
  build(f, s, number) {
    const x = d<{
      kind: 'deferral' | 'instalments';
      approved: boolean;
      appliedOn: string;
      instalments: number;
      lastDueOn: string | null;
    }>(s);
    const what = x.kind === 'deferral' ? '延期缴纳' : '分期缴纳';
    return body(
      f,
      this.kind,
      this.title,
      number,
      [
        {
          type: 'para',
          text: `你（单位）于${dateZh(x.appliedOn)}提出${what}罚款的申请。对${decisionRef(f, s.seq)}确定的罚款，依据《中华人民共和国行政处罚法》第六十六条的规定，经本机关负责人批准，${x.approved ? `同意你（单位）${what}${x.kind === 'instalments' ? `，共分${x.instalments}期` : ''}，最后一期应于${dateZh(x.lastDueOn)}前缴清。逾期未缴纳的，依法加处罚款。` : `不同意你（单位）${what}的申请，请按原决定缴纳。`}`,
        },
      ],
      { addressee: f.respondent.name, signedOn: s.on },
    );
  },
};

export const paymentDemand: KindSpec = {
  kind: 'payment_demand',
  title: '行政处罚决定履行催告书',
  series: '催告',
  anchors: (f) => stepsOf(f, 'payment_demand.served'),
  build(f, s, number) {
    const x = d<{ earliestApplicationAfter?: string | null; outstandingFen?: number; surchargeFen?: number }>(
      s,
    );
    // The sums as the demand's step recorded them (steps recorded before it did: the last payment's figures).
    const o =
      x.outstandingFen === undefined
        ? owed(f, s.seq)
        : { outstandingFen: x.outstandingFen, surchargeFen: x.surchargeFen ?? 0 };
    return body(
      f,
      this.kind,
      this.title,
      number,
      [
        {
          type: 'para',
          text: `${decisionRef(f, s.seq)}已依法送达，你（单位）在法定期限内未申请行政复议或者提起行政诉讼，又未履行该决定。`,
        },
        {
          type: 'para',
          text: `依据《中华人民共和国行政强制法》第五十四条的规定，现催告你（单位）自收到本催告书之日起${periodZh(PAYMENT_DEMAND, true)}内履行下列义务：缴纳罚没款${rmb(o.outstandingFen)}${o.surchargeFen ? `及加处罚款${rmb(o.surchargeFen)}` : ''}。`,
        },
        {
          type: 'para',
          text: `你（单位）有权进行陈述和申辩。逾期仍不履行的，本机关将依法申请人民法院强制执行${x.earliestApplicationAfter ? `（不早于${dateZh(x.earliestApplicationAfter)}之后）` : ''}。`,
        },
      ],
      { addressee: f.respondent.name, signedOn: s.on },
    );
  },
  servedBy: (_f, s) => [s],
};

export const enforcementApplication: KindSpec = {
  kind: 'enforcement_application',
  title: '强制执行申请书',
  series: '强执',
  anchors: (f) => stepsOf(f, 'enforcement.applied'),
  build(f, s, number) {
    const x = d<{ appliedOn: string; court: string; officers: string[] }>(s);
    const demand = lastBefore(f, s.seq, 'payment_demand.served');
    const dx = d<{ outstandingFen?: number; surchargeFen?: number }>(demand);
    const o =
      dx.outstandingFen === undefined
        ? owed(f, s.seq)
        : { outstandingFen: dx.outstandingFen, surchargeFen: dx.surchargeFen ?? 0 };
    return body(
      f,
      this.kind,
      this.title,
      number,
      [
        {
          type: 'fields',
          rows: [['申请人', f.unit.name], ['被申请人', f.respondent.name], ...partyRows(f).slice(1)],
        },
        {
          type: 'para',
          text: `申请事项：请求人民法院强制执行${decisionRef(f, s.seq)}，被申请人应缴纳罚没款${rmb(o.outstandingFen)}${o.surchargeFen ? `及加处罚款${rmb(o.surchargeFen)}` : ''}。`,
        },
        {
          type: 'para',
          text: `事实和理由：被申请人在法定期限内未申请行政复议或者提起行政诉讼，又不履行行政处罚决定。本机关于${dateZh(demand?.on)}依法送达履行催告书，催告期满仍未履行。依据《中华人民共和国行政强制法》第五十三条、第五十四条的规定，特申请强制执行。`,
        },
        { type: 'para', text: `此致\n${x.court}` },
        {
          type: 'para',
          text: '附：行政处罚决定书及送达回证、履行催告书及送达回证、被申请人财产状况及其他必要材料。',
        },
      ],
      { signedOn: x.appliedOn },
    );
  },
};

export const creditRepairNotice: KindSpec = {
  kind: 'credit_repair_notice',
  title: '信用修复告知书',
  series: '信修',
  anchors: (f) => stepsOf(f, 'decision.made').filter((s) => d<Made>(s).publish),
  build(f, s, number) {
    const m = d<Made>(s);
    return body(
      f,
      this.kind,
      this.title,
      number,
      [
        {
          type: 'para',
          text: `本机关对你（单位）作出的${m.documentNumber}行政处罚决定书（${outcomeZh(m.outcome)}）的相关信息，将依法通过国家企业信用信息公示系统公示。`,
        },
        {
          type: 'para',
          text: `依据《市场监督管理信用修复管理办法》的规定，你（单位）在公示期满前，履行行政处罚决定规定的义务、纠正违法行为、消除不良影响并满足最短公示期等条件后，可以向本机关申请信用修复，提交信用修复申请书、守法信用承诺书及履行义务的材料。本机关自受理申请之日起${periodZh(CREDIT_REPAIR_DECISION)}内作出是否准予信用修复的决定。准予信用修复的，停止公示该行政处罚信息。`,
        },
        { type: 'para', text: '本告知书与行政处罚决定书一并送达（双书送达）。' },
      ],
      { addressee: f.respondent.name, signedOn: s.on },
    );
  },
  servedBy: (f, s) =>
    f.steps
      .filter((x) => x.seq > s.seq && x.action === 'decision.served' && d(x).creditRepairNotice)
      .slice(0, 1),
};

export const closureApproval: KindSpec = {
  kind: 'closure_approval',
  title: '结案审批表',
  series: '结案',
  anchors: (f) => stepsOf(f, 'case.closed'),
  build(f, s, number) {
    const x = d<{
      closedOn: string;
      documentNumber: string;
      settled: boolean;
      enforced: boolean;
      report?: string;
    }>(s);
    const m = madeBefore(f, s.seq);
    const filed = f.steps.find((y) => y.action === 'filing.approved');
    const concluded = lastBefore(f, s.seq, 'investigation.concluded');
    const published = lastBefore(f, s.seq, 'publicity.published');
    return body(f, this.kind, this.title, number, [
      {
        type: 'fields',
        rows: [
          ...caseRows(f),
          ...partyRows(f),
          ['立案日期', dateZh(filed?.on)],
          ['处罚决定书文号', x.documentNumber],
          ['处理结果', m.outcome ? outcomeZh(m.outcome) : ''],
          ['执行情况', x.settled ? '已履行完毕' : x.enforced ? '已申请人民法院强制执行' : '未履行完毕'],
          ['公示情况', published ? `${dateZh(str(d(published).publishedOn))}已公示` : '无需公示'],
          ['承办人', officersOf(f, d<{ officers?: string[] }>(concluded).officers ?? [])],
        ],
      },
      { type: 'opinion', label: '结案报告', text: x.report ?? '', date: x.closedOn },
      {
        type: 'opinion',
        label: '负责人审批意见',
        text: '同意结案。',
        signer: nameOf(f, s.actorId),
        date: x.closedOn,
      },
    ]);
  },
};
