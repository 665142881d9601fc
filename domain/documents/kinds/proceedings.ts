// Review, notice, hearing and decision: 案件审核表, 法制审核意见书, 行政处罚告知书, 听证通知书, 听证笔录,
// 听证报告, 集体讨论记录, 行政处罚决定书, 不予行政处罚决定书, 送达回证.
import type { DocumentBlock } from '../../../schema/document.js';
import type { CollectiveDiscussion, DecisionOutcome, Proposal } from '../../../schema/decision.js';
import {
  appealNotice,
  body,
  caseRows,
  corrective,
  d,
  dateZh,
  EVIDENCE_ZH,
  METHOD_ZH,
  outcomeZh,
  partyPara,
  partyRows,
  periodZh,
  sentence,
  str,
  SURCHARGE_ZH,
} from '../common.js';
import { firstAfter, lastBefore, nameOf, officersOf, stepsOf, type CaseFacts, type Step } from '../facts.js';
import type { KindSpec } from '../spec.js';
import { DEFENCE, PAYMENT, PUBLIC_NOTICE_SERVICE } from '../../rules/periods.js';

/** The proposal a review round (or a notice) is about: the conclusion before it. */
const proposalBefore = (f: CaseFacts, seq: number) =>
  d<{ proposal?: Proposal; report: string; officers: string[] }>(
    lastBefore(f, seq, 'investigation.concluded'),
  );

function reviewForm(f: CaseFacts, s: Step, gate: 'case' | 'legal'): DocumentBlock[] {
  const x = d<{ round: number; opinion: string; gate?: string }>(s);
  const p = proposalBefore(f, s.seq).proposal;
  const approved = s.action !== 'review.returned';
  return [
    {
      type: 'fields' as const,
      rows: [
        ...caseRows(f),
        ...partyRows(f),
        ['审核轮次', `第${x.round ?? 1}轮`],
        ['拟处理意见', p ? outcomeZh(p.outcome) : ''],
        ['拟处罚依据', p?.legalBasis ?? ''],
      ],
    },
    {
      type: 'opinion' as const,
      label: gate === 'case' ? '审核意见' : '法制审核意见',
      text: `${approved ? '同意。' : '退回补充调查。'}${x.opinion}`,
      signer: nameOf(f, s.actorId),
      date: s.on,
    },
  ];
}

export const caseReviewForm: KindSpec = {
  kind: 'case_review_form',
  title: '案件审核表',
  series: '审核',
  anchors: (f) =>
    f.steps.filter(
      (s) => s.action === 'review.case_approved' || (s.action === 'review.returned' && d(s).gate === 'case'),
    ),
  build(f, s, number) {
    return body(f, this.kind, this.title, number, reviewForm(f, s, 'case'));
  },
};

export const legalReviewOpinion: KindSpec = {
  kind: 'legal_review_opinion',
  title: '法制审核意见书',
  series: '法审',
  anchors: (f) =>
    f.steps.filter(
      (s) =>
        s.action === 'review.legal_approved' || (s.action === 'review.returned' && d(s).gate === 'legal'),
    ),
  build(f, s, number) {
    const x = d<{ opinion: string }>(s);
    const approved = s.action !== 'review.returned';
    return body(
      f,
      this.kind,
      this.title,
      number,
      [
        {
          type: 'para',
          text: `你部门报送的${f.respondent.name}${f.summary}一案（案件编号${f.number}），经法制审核，意见如下：`,
        },
        {
          type: 'para',
          text: `${approved ? '主体适格，事实清楚，证据确凿，适用依据正确，程序合法，处理适当，同意。' : '退回补充调查。'}${x.opinion}`,
        },
        { type: 'para', text: `法制审核人员：${nameOf(f, s.actorId)}` },
      ],
      { addressee: '办案机构', signedOn: s.on },
    );
  },
};

/** The last approval of each review round whose proposal is a penalty: the notice is due. */
function approvedRounds(f: CaseFacts): Step[] {
  const last = new Map<number, Step>();
  for (const s of f.steps)
    if (s.action === 'review.case_approved' || s.action === 'review.legal_approved')
      last.set(Number(d(s).round ?? 1), s);
  return [...last.values()].filter((s) => {
    const p = proposalBefore(f, s.seq).proposal;
    const returned = f.steps.some(
      (r) => r.action === 'review.returned' && r.seq > s.seq && d(r).round === d(s).round,
    );
    return p?.outcome.kind === 'penalty' && !returned;
  });
}

export const penaltyNotice: KindSpec = {
  kind: 'penalty_notice',
  title: '行政处罚告知书',
  series: '罚告',
  anchors: approvedRounds,
  build(f, s, number) {
    const p = proposalBefore(f, s.seq).proposal!;
    const opened = lastBefore(f, s.seq, 'review.opened');
    const hearing = (d<{ legalReview?: string[] }>(opened).legalReview ?? []).includes('hearing_rights');
    return body(
      f,
      this.kind,
      this.title,
      number,
      [
        { type: 'para', text: `经查，${sentence(p.facts)}` },
        {
          type: 'para',
          text: `以上事实有${
            f.evidence
              .map((e) => EVIDENCE_ZH[e.type] ?? e.type)
              .filter((v, i, a) => a.indexOf(v) === i)
              .join('、') || '相关证据'
          }等为证。`,
        },
        {
          type: 'para',
          text: `你（单位）的上述行为违反了有关规定。依据${p.legalBasis}，本机关拟对你（单位）作出如下行政处罚：${outcomeZh(p.outcome)}。${p.correctiveOrder ? `${corrective(p.correctiveOrder)}。` : ''}`,
        },
        {
          type: 'para',
          text: `依据《中华人民共和国行政处罚法》第四十四条、第四十五条${hearing ? '、第六十三条、第六十四条' : ''}的规定，你（单位）有权进行陈述和申辩${hearing ? '，并有权要求举行听证' : ''}。你（单位）应当自收到本告知书之日起${periodZh(DEFENCE)}内向本机关提出陈述、申辩意见${hearing ? '或者听证申请' : ''}，逾期未提出的，视为放弃上述权利。本机关不因你（单位）的陈述、申辩而给予更重的处罚。`,
        },
      ],
      {
        addressee: f.respondent.name,
        signedOn: s.on,
        notes: [`（承办人：${officersOf(f, proposalBefore(f, s.seq).officers ?? [])}）`],
      },
    );
  },
  servedBy: (f, s) => [firstAfter(f, s.seq, 'notice.served')].filter((x): x is Step => !!x),
};

export const hearingNotice: KindSpec = {
  kind: 'hearing_notice',
  title: '听证通知书',
  series: '听通',
  anchors: (f) => stepsOf(f, 'hearing.scheduled', 'hearing.postponed'),
  build(f, s, number) {
    const x = d<{ chairId?: string; hearingOn: string; place?: string; public?: boolean; noticeOn: string }>(
      s,
    );
    const scheduled =
      s.action === 'hearing.scheduled' ? x : d<typeof x>(lastBefore(f, s.seq, 'hearing.scheduled'));
    return body(
      f,
      this.kind,
      this.title,
      number,
      [
        {
          type: 'para',
          text: `根据你（单位）的申请，本机关定于${dateZh(x.hearingOn)}在${scheduled.place ?? ''}就${f.summary}一案${scheduled.public === false ? '不公开' : '公开'}举行听证。`,
        },
        {
          type: 'para',
          text: `听证主持人：${nameOf(f, scheduled.chairId)}。你（单位）可以委托一至二人作为代理人参加听证；认为主持人与本案有直接利害关系的，有权申请回避。无正当理由拒不出席听证或者未经许可中途退出听证的，视为放弃听证权利（《中华人民共和国行政处罚法》第六十四条）。`,
        },
        ...(s.action === 'hearing.postponed'
          ? [{ type: 'para' as const, text: `原定听证日期变更。理由：${str(d(s).reason)}` }]
          : []),
      ],
      { addressee: f.respondent.name, signedOn: x.noticeOn },
    );
  },
};

export const hearingRecord: KindSpec = {
  kind: 'hearing_record',
  title: '听证笔录',
  series: '听录',
  anchors: (f) => stepsOf(f, 'hearing.held'),
  build(f, s, number) {
    const x = d<{
      heldOn: string;
      chairId: string;
      partyAgents: string[];
      record: string;
      officers: string[];
    }>(s);
    const sch = d<{ place?: string }>(lastBefore(f, s.seq, 'hearing.scheduled'));
    return body(f, this.kind, this.title, number, [
      {
        type: 'fields',
        rows: [
          ...caseRows(f),
          ['听证时间', dateZh(x.heldOn)],
          ['听证地点', sch.place ?? ''],
          ['听证主持人', nameOf(f, x.chairId)],
          ...partyRows(f),
          ['委托代理人', x.partyAgents.join('、') || '无'],
          ['案件调查人员', officersOf(f, x.officers)],
        ],
      },
      { type: 'heading', text: '听证记录' },
      { type: 'para', text: x.record },
      { type: 'para', text: '当事人（代理人）签名：          听证主持人签名：          记录人签名：' },
    ]);
  },
};

export const hearingReport: KindSpec = {
  kind: 'hearing_report',
  title: '听证报告',
  series: '听报',
  anchors: (f) => stepsOf(f, 'hearing.held'),
  build(f, s, number) {
    const x = d<{ heldOn: string; chairId: string; report: string }>(s);
    return body(
      f,
      this.kind,
      this.title,
      number,
      [
        {
          type: 'fields',
          rows: [
            ...caseRows(f),
            ...partyRows(f),
            ['听证时间', dateZh(x.heldOn)],
            ['听证主持人', nameOf(f, x.chairId)],
          ],
        },
        { type: 'heading', text: '听证情况及处理意见' },
        { type: 'para', text: x.report },
      ],
      { signedOn: s.on, notes: [`听证主持人：${nameOf(f, x.chairId)}`] },
    );
  },
};

export const collectiveDiscussion: KindSpec = {
  kind: 'collective_discussion',
  title: '集体讨论记录',
  series: '集讨',
  anchors: (f) =>
    [
      ...stepsOf(f, 'case.extended_collectively'),
      ...stepsOf(f, 'decision.made').filter((s) => d(s).collective),
    ].sort((a, b) => a.seq - b.seq),
  build(f, s, number) {
    const c =
      s.action === 'decision.made'
        ? d<{ collective: CollectiveDiscussion }>(s).collective
        : d<CollectiveDiscussion & { days: number }>(s);
    const topic =
      s.action === 'decision.made'
        ? `对${f.respondent.name}${f.summary}一案作出处理决定`
        : `${f.summary}一案延长办案期限${d(s).days}日`;
    return body(f, this.kind, this.title, number, [
      {
        type: 'fields',
        rows: [
          ...caseRows(f),
          ['讨论时间', dateZh(c.heldOn)],
          ['主持人', nameOf(f, s.actorId)],
          ['出席人员', c.participants.map((p) => nameOf(f, p)).join('、')],
          ['讨论事项', topic],
        ],
      },
      { type: 'heading', text: '讨论记录' },
      { type: 'para', text: c.minutes },
      { type: 'para', text: '出席人员签名：' },
    ]);
  },
};

interface Made {
  documentNumber: string;
  outcome: DecisionOutcome;
  legalBasis: string;
  facts?: string;
  correctiveOrder?: string;
  collective: CollectiveDiscussion | null;
}

/** The decision's facts and order as decided (or, for decisions recorded before they were, as proposed). */
function decided(f: CaseFacts, s: Step) {
  const m = d<Made>(s);
  const p = proposalBefore(f, s.seq).proposal;
  return { ...m, facts: m.facts ?? p?.facts ?? '', correctiveOrder: m.correctiveOrder ?? p?.correctiveOrder };
}

/** The procedure the decision followed, as the decision recites it. */
function procedure(f: CaseFacts, s: Step): string {
  const filed = f.steps.find((x) => x.action === 'filing.approved');
  const notice = lastBefore(f, s.seq, 'notice.served');
  const defence = lastBefore(f, s.seq, 'notice.defence_recorded');
  const held = lastBefore(f, s.seq, 'hearing.held');
  const parts = [`本机关于${dateZh(filed?.on)}对你（单位）${f.summary}一案立案调查`];
  if (notice) parts.push(`于${dateZh(str(d(notice).on))}向你（单位）送达了行政处罚告知书`);
  if (defence)
    parts.push(
      `你（单位）于${dateZh(str(d(defence).receivedOn))}提出了陈述、申辩意见，本机关经复核：${str(d<{ answer?: { reasons?: string } }>(defence).answer?.reasons)}`,
    );
  if (held) parts.push(`并于${dateZh(str(d(held).heldOn))}举行了听证`);
  return `${parts.join('，')}。`;
}

export const penaltyDecision: KindSpec = {
  kind: 'penalty_decision',
  title: '行政处罚决定书',
  series: '处罚',
  anchors: (f) => stepsOf(f, 'decision.made').filter((s) => d<Made>(s).outcome.kind === 'penalty'),
  fixedNumber: (_f, s) => d<Made>(s).documentNumber || undefined,
  build(f, s, number) {
    const m = decided(f, s);
    const served = firstAfter(f, s.seq, 'decision.served');
    const yearLong = served ? d(served).rightsExplained === false : false;
    return body(
      f,
      this.kind,
      this.title,
      number,
      [
        partyPara(f),
        { type: 'para', text: procedure(f, s) },
        { type: 'para', text: `经查，${sentence(m.facts)}` },
        {
          type: 'para',
          text: `以上事实有${f.evidence.map((e, i) => `证据${i + 1}（${e.description}）`).join('、') || '相关证据'}等证据证实。`,
        },
        {
          type: 'para',
          text: `本机关认为，你（单位）的上述行为违反了有关规定。依据${m.legalBasis}，本机关决定：${outcomeZh(m.outcome)}。${m.correctiveOrder ? `${corrective(m.correctiveOrder)}。` : ''}`,
        },
        {
          type: 'para',
          text: `罚没款应当自收到本决定书之日起${periodZh(PAYMENT)}内缴至指定银行或者通过电子支付系统缴纳（《中华人民共和国行政处罚法》第六十七条）。到期不缴纳罚款的，本机关可以每日按罚款数额的${SURCHARGE_ZH}加处罚款，加处罚款的数额不超过罚款的数额（《中华人民共和国行政处罚法》第七十二条），并可以依法申请人民法院强制执行。`,
        },
        {
          type: 'para',
          text: `${appealNotice(f, yearLong)}申请行政复议或者提起行政诉讼的，行政处罚决定不停止执行，法律另有规定的除外（《中华人民共和国行政处罚法》第七十三条）。逾期不申请行政复议、不提起行政诉讼又不履行本决定的，本机关将依法申请人民法院强制执行。`,
        },
        ...(d<{ publish?: boolean }>(s).publish
          ? [{ type: 'para' as const, text: '本处罚决定将依法通过国家企业信用信息公示系统向社会公示。' }]
          : []),
      ],
      { signedOn: s.on },
    );
  },
  servedBy: (f, s) => [firstAfter(f, s.seq, 'decision.served')].filter((x): x is Step => !!x),
};

export const noPenaltyDecision: KindSpec = {
  kind: 'no_penalty_decision',
  title: '不予行政处罚决定书',
  series: '不罚',
  anchors: (f) => stepsOf(f, 'decision.made').filter((s) => d<Made>(s).outcome.kind === 'no_penalty'),
  fixedNumber: (_f, s) => d<Made>(s).documentNumber || undefined,
  build(f, s, number) {
    const m = decided(f, s);
    const ground = m.outcome.kind === 'no_penalty' ? m.outcome.ground : '';
    const why: Record<string, string> = {
      minor_corrected: '违法行为轻微并及时改正，没有造成危害后果',
      first_violation: '初次违法且危害后果轻微并及时改正',
      no_fault: '有证据足以证明没有主观过错',
    };
    return body(
      f,
      this.kind,
      this.title,
      number,
      [
        partyPara(f),
        { type: 'para', text: procedure(f, s) },
        { type: 'para', text: `经查，${sentence(m.facts)}` },
        {
          type: 'para',
          text: `本机关认为，你（单位）${why[ground] ?? ''}，依据《中华人民共和国行政处罚法》第三十三条${ground === 'no_fault' ? '第二款' : '第一款'}及${m.legalBasis}，决定不予行政处罚。${m.correctiveOrder ? `${corrective(m.correctiveOrder)}。` : ''}`,
        },
        { type: 'para', text: appealNotice(f) },
      ],
      { signedOn: s.on },
    );
  },
  servedBy: (f, s) => [firstAfter(f, s.seq, 'decision.served')].filter((x): x is Step => !!x),
};

const SERVED_DOC: Record<string, string> = {
  'notice.served': '行政处罚告知书',
  'decision.served': '行政处罚决定书',
  'payment_demand.served': '行政处罚决定履行催告书',
};

export const serviceReceipt: KindSpec = {
  kind: 'service_receipt',
  title: '送达回证',
  series: '送达',
  anchors: (f) => stepsOf(f, ...Object.keys(SERVED_DOC)),
  build(f, s, number) {
    const x = d<{
      method: string;
      on: string;
      receiver: string;
      officers: string[];
      creditRepairNotice?: boolean;
    }>(s);
    let doc = SERVED_DOC[s.action]!;
    const made = s.action === 'decision.served' ? lastBefore(f, s.seq, 'decision.made') : undefined;
    if (made)
      doc = `${d<Made>(made).outcome.kind === 'penalty' ? '行政处罚决定书' : '不予行政处罚决定书'}（${d<Made>(made).documentNumber}）`;
    if (x.creditRepairNotice) doc += '、信用修复告知书';
    return body(
      f,
      this.kind,
      this.title,
      number,
      [
        {
          type: 'fields',
          rows: [
            ['送达文书及文号', doc],
            ['受送达人', f.respondent.name],
            ['送达地点', f.respondent.address ?? ''],
            ['送达方式', METHOD_ZH[x.method] ?? x.method],
            ['送达时间', dateZh(x.on)],
            ['收件人签名', x.receiver],
            ['送达人', officersOf(f, x.officers ?? [])],
            [
              '备注',
              x.method === 'public_notice'
                ? `公告送达，自公告发布之日起经过${periodZh(PUBLIC_NOTICE_SERVICE)}视为送达`
                : '',
            ],
          ],
        },
      ],
      { signedOn: x.on },
    );
  },
};
