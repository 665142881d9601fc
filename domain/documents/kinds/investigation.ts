// Investigation: 先行登记保存证据通知书, 实施行政强制措施决定书 (查封/扣押) with its extension and release,
// 检测（检验）委托书 and 期间告知书, 涉嫌犯罪案件移送书, 案件调查终结报告.
import {
  body,
  caseRows,
  corrective,
  d,
  dateZh,
  EVIDENCE_ZH,
  numberZh,
  outcomeZh,
  partyRows,
  periodZh,
  sentence,
  str,
  TESTING_ZH,
} from '../common.js';
import { lastBefore, nameOf, officersOf, stepsOf, type CaseFacts, type Step } from '../facts.js';
import type { KindSpec } from '../spec.js';
import {
  LAWSUIT,
  PRESERVATION_DECISION,
  RECONSIDERATION,
  SEIZURE_EXTENSION,
  SEIZURE_PERIOD,
  TRANSFER_HANDOVER,
} from '../../rules/periods.js';
import type { Proposal } from '../../../schema/decision.js';

/** The application a measure was approved on (its items and reasons). */
function requestOf(f: CaseFacts, s: Step, action: string) {
  const id = str(d(s).measureId);
  const req = f.steps.find((x) => x.action === action && d(x).measureId === id);
  const x = d<{ items: number; itemList?: string[]; reasons: string; officers?: string[] }>(req);
  return {
    id,
    req,
    items: x.itemList ?? [],
    count: x.items ?? 0,
    reasons: str(x.reasons),
    officers: x.officers ?? [],
  };
}

const itemsTable = (items: string[], count: number) =>
  items.length
    ? [
        {
          type: 'table' as const,
          head: ['序号', '物品名称、规格、数量'],
          rows: items.map((t, i) => [String(i + 1), t]),
        },
      ]
    : [{ type: 'para' as const, text: `物品共${count}项，详见所附清单。` }];

export const preservationNotice: KindSpec = {
  kind: 'preservation_notice',
  title: '先行登记保存证据通知书',
  series: '先保',
  anchors: (f) => stepsOf(f, 'preservation.started'),
  build(f, s, number) {
    const r = requestOf(f, s, 'preservation.requested');
    const decideBy = str(d(s).decideBy);
    return body(
      f,
      this.kind,
      this.title,
      number,
      [
        {
          type: 'para',
          text: `因调查你（单位）涉嫌${f.summary}一案，在证据可能灭失或者以后难以取得的情况下，经本机关负责人批准，依据《中华人民共和国行政处罚法》第五十六条的规定，对下列物品予以先行登记保存：`,
        },
        ...itemsTable(r.items, r.count),
        { type: 'para', text: `理由：${r.reasons}` },
        {
          type: 'para',
          text: `先行登记保存期间，当事人或者有关人员不得损毁、销毁或者转移证据。本机关将在${periodZh(PRESERVATION_DECISION)}内（${dateZh(decideBy)}前）作出处理决定，逾期未作出处理决定的，先行登记保存措施自动解除。`,
        },
        { type: 'para', text: `执法人员：${officersOf(f, r.officers)}` },
      ],
      { addressee: f.respondent.name, signedOn: s.on },
    );
  },
};

export const seizureDecision: KindSpec = {
  kind: 'seizure_decision',
  title: '实施行政强制措施决定书',
  series: '强制',
  anchors: (f) => stepsOf(f, 'seizure.started'),
  build(f, s, number) {
    const r = requestOf(f, s, 'seizure.requested');
    const until = str(d(s).until);
    return body(
      f,
      this.kind,
      this.title,
      number,
      [
        { type: 'para', text: `经查，你（单位）涉嫌${f.summary}。${r.reasons}` },
        {
          type: 'para',
          text: `依据《中华人民共和国行政强制法》和《市场监督管理行政处罚程序规定》的有关规定，本机关决定对下列场所、设施或者财物实施查封（扣押），期限为${periodZh(SEIZURE_PERIOD)}，自${dateZh(s.on)}起至${dateZh(until)}止：`,
        },
        ...itemsTable(r.items, r.count),
        {
          type: 'para',
          text: `查封（扣押）期间，不得使用或者损毁查封的场所、设施或者财物，不得擅自转移、处置。情况复杂的，经本机关负责人批准，可以延长查封（扣押）期限，延长期限不超过${numberZh(SEIZURE_EXTENSION.maxDays)}日（《中华人民共和国行政强制法》第二十五条）。`,
        },
      ],
      {
        addressee: f.respondent.name,
        signedOn: s.on,
        notes: [
          `如不服本决定，可以在收到本决定书之日起${periodZh(RECONSIDERATION)}内申请行政复议，或者在${periodZh(LAWSUIT)}内依法向人民法院提起行政诉讼。`,
        ],
      },
    );
  },
};

export const seizureExtension: KindSpec = {
  kind: 'seizure_extension',
  title: '延长行政强制措施期限决定书',
  series: '强延',
  anchors: (f) => stepsOf(f, 'seizure.extended'),
  build(f, s, number) {
    const x = d<{ measureId: string; days: number; until: string }>(s);
    const started = f.steps.find((y) => y.action === 'seizure.started' && d(y).measureId === x.measureId);
    const req = lastBefore(f, s.seq, 'seizure.extension_requested');
    return body(
      f,
      this.kind,
      this.title,
      number,
      [
        {
          type: 'para',
          text: `本机关于${dateZh(started?.on)}对你（单位）的有关场所、设施或者财物实施了查封（扣押）。因情况复杂（${str(d(req).reasons)}），经本机关负责人批准，依据《中华人民共和国行政强制法》第二十五条的规定，决定将查封（扣押）期限延长${x.days}日，至${dateZh(x.until)}止。`,
        },
      ],
      { addressee: f.respondent.name, signedOn: s.on },
    );
  },
};

const RELEASE_ZH: Record<string, string> = {
  released: '解除查封（扣押），退还财物',
  confiscation_proposed: '解除查封（扣押），财物依法予以没收（拟作出处罚决定）',
  transferred: '解除查封（扣押），财物随案移送',
};

export const seizureRelease: KindSpec = {
  kind: 'seizure_release',
  title: '解除行政强制措施决定书',
  series: '强解',
  anchors: (f) => stepsOf(f, 'seizure.ended'),
  build(f, s, number) {
    const x = d<{ measureId: string; outcome: string; reasons: string; officers: string[] }>(s);
    const started = f.steps.find((y) => y.action === 'seizure.started' && d(y).measureId === x.measureId);
    return body(
      f,
      this.kind,
      this.title,
      number,
      [
        {
          type: 'para',
          text: `本机关于${dateZh(started?.on)}对你（单位）的有关场所、设施或者财物实施了查封（扣押）。${x.reasons}依据《中华人民共和国行政强制法》的有关规定，决定：${RELEASE_ZH[x.outcome] ?? x.outcome}。`,
        },
        { type: 'para', text: `执法人员：${officersOf(f, x.officers)}` },
      ],
      { addressee: f.respondent.name, signedOn: s.on },
    );
  },
};

export const testingCommission: KindSpec = {
  kind: 'testing_commission',
  title: '检测（检验）委托书',
  series: '检委',
  anchors: (f) => stepsOf(f, 'testing.started'),
  build(f, s, number) {
    const x = d<{ testingId: string; kind: string; description: string; on: string; officers: string[] }>(s);
    return body(
      f,
      this.kind,
      this.title,
      number,
      [
        {
          type: 'para',
          text: `因办理${f.summary}一案（案件编号${f.number}）的需要，依据《市场监督管理行政处罚程序规定》的有关规定，现委托你单位对下列事项进行${TESTING_ZH[x.kind] ?? x.kind}，请出具书面${TESTING_ZH[x.kind] ?? '检测'}报告，并载明依据、结论及检测人员资质。`,
        },
        {
          type: 'fields',
          rows: [
            ['委托事项', x.description],
            ['委托日期', dateZh(x.on)],
            ['联系人', officersOf(f, x.officers)],
          ],
        },
      ],
      { addressee: '受委托机构', signedOn: x.on },
    );
  },
};

export const testingPeriodNotice: KindSpec = {
  kind: 'testing_period_notice',
  title: '检测（检验）期间告知书',
  series: '检告',
  anchors: (f) => stepsOf(f, 'testing.started'),
  build(f, s, number) {
    const x = d<{ testingId: string; kind: string; description: string; on: string }>(s);
    const done = f.steps.find((y) => y.action === 'testing.finished' && d(y).testingId === x.testingId);
    return body(
      f,
      this.kind,
      this.title,
      number,
      [
        {
          type: 'para',
          text: `本机关在办理你（单位）涉嫌${f.summary}一案中，需对${x.description}进行${TESTING_ZH[x.kind] ?? x.kind}，自${dateZh(x.on)}开始${done ? `，于${dateZh(str(d(done).on))}结束` : ''}。`,
        },
        {
          type: 'para',
          text: '依据《市场监督管理行政处罚程序规定》，检测、检验、检疫、鉴定等期间不计入办案期限，特此告知。',
        },
      ],
      { addressee: f.respondent.name, signedOn: x.on },
    );
  },
};

export const transferToPolice: KindSpec = {
  kind: 'transfer_to_police',
  title: '涉嫌犯罪案件移送书',
  series: '移送',
  anchors: (f) => stepsOf(f, 'transfer.approved'),
  build(f, s, number) {
    const p = d<{ suspectedOffence: string; facts: string; officers: string[] }>(
      lastBefore(f, s.seq, 'transfer.proposed'),
    );
    return body(
      f,
      this.kind,
      this.title,
      number,
      [
        {
          type: 'para',
          text: `本机关在查处${f.respondent.name}${f.summary}一案中，发现其涉嫌${p.suspectedOffence}。`,
        },
        { type: 'para', text: `涉嫌犯罪的主要事实：${p.facts}` },
        {
          type: 'para',
          text: `依据《中华人民共和国行政处罚法》和《行政执法机关移送涉嫌犯罪案件的规定》，经本机关正职负责人批准，现将该案移送你局，请依法审查。本机关将于${periodZh(TRANSFER_HANDOVER)}内移交案件材料；移送案件的涉案物品清单、检验报告或者鉴定意见及其他有关材料随案移送。`,
        },
        {
          type: 'para',
          text: '附件：1.涉嫌犯罪案件情况的调查报告；2.涉案物品清单；3.有关检验报告或者鉴定意见；4.其他有关材料。',
        },
      ],
      { addressee: '公安机关', signedOn: s.on },
    );
  },
};

export const investigationReport: KindSpec = {
  kind: 'investigation_report',
  title: '案件调查终结报告',
  series: '调终',
  anchors: (f) => stepsOf(f, 'investigation.concluded'),
  build(f, s, number) {
    const x = d<{ officers: string[]; reviewerId: string; report: string; proposal?: Proposal }>(s);
    const p = x.proposal;
    const filed = f.steps.find((y) => y.action === 'filing.approved');
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
            ['立案日期', dateZh(filed?.on)],
            ['调查终结日期', dateZh(s.on)],
            ['承办人', officersOf(f, x.officers)],
          ],
        },
        { type: 'heading', text: '一、调查经过及认定的违法事实' },
        { type: 'para', text: x.report },
        ...(p
          ? [
              { type: 'para' as const, text: sentence(p.facts) },
              { type: 'heading' as const, text: '二、证据' },
              {
                type: 'table' as const,
                head: ['序号', '证据种类', '证据内容', '收集时间'],
                rows: f.evidence.map((e, i) => [
                  String(i + 1),
                  EVIDENCE_ZH[e.type] ?? e.type,
                  e.description,
                  e.collectedAt.slice(0, 10),
                ]),
              },
              { type: 'heading' as const, text: '三、处理意见及依据' },
              {
                type: 'para' as const,
                text: `依据${p.legalBasis}，建议：${outcomeZh(p.outcome)}。${p.correctiveOrder ? `${corrective(p.correctiveOrder)}。` : ''}`,
              },
            ]
          : []),
        { type: 'para', text: `送审核机构审核（审核人员：${nameOf(f, x.reviewerId)}）。` },
      ],
      { signedOn: s.on },
    );
  },
};
