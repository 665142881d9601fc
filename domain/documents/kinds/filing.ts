// Registration and filing: 案件来源登记表, 立案审批表, 不予立案审批表, 当场行政处罚决定书.
import {
  body,
  caseRows,
  d,
  dateZh,
  DECLINE_ZH,
  partyPara,
  partyRows,
  periodZh,
  SOURCE_ZH,
  str,
  SURCHARGE_ZH,
} from '../common.js';
import { nameOf, officersOf, stepsOf } from '../facts.js';
import type { KindSpec } from '../spec.js';
import { FILING_DECISION, LAWSUIT, PAYMENT, RECONSIDERATION } from '../../rules/periods.js';

export const caseSourceRegister: KindSpec = {
  kind: 'case_source_register',
  title: '案件来源登记表',
  series: '案源',
  anchors: (f) => stepsOf(f, 'clue.registered'),
  build(f, s, number) {
    const x = d<{ source: string; discoveredOn: string; filingDueOn?: string | null }>(s);
    return body(f, this.kind, this.title, number, [
      {
        type: 'fields',
        rows: [
          ['案件来源', SOURCE_ZH[x.source] ?? x.source],
          ['发现（收到）日期', dateZh(x.discoveredOn)],
          ['登记日期', dateZh(s.on)],
          ...partyRows(f),
          ['主要内容', f.summary],
          [
            '核查期限',
            x.filingDueOn
              ? `应于${dateZh(x.filingDueOn)}前决定是否立案（${periodZh(FILING_DECISION)}）`
              : '（期限中止）',
          ],
          ['登记人', nameOf(f, s.actorId)],
        ],
      },
      { type: 'opinion', label: '负责人意见', text: '', date: '' },
    ]);
  },
};

/** The head's decision on filing: approved or declined. */
function filingForm(
  f: Parameters<KindSpec['build']>[0],
  s: Parameters<KindSpec['build']>[1],
  filed: boolean,
) {
  const x = d<{ reasons: string; ground?: string; limitationOverride?: string }>(s);
  const registered = stepsOf(f, 'clue.registered')[0];
  const rows: [string, string][] = [
    ...caseRows(f),
    ['案件来源', SOURCE_ZH[f.source] ?? f.source],
    ['发现日期', dateZh(f.discoveredOn)],
    ...partyRows(f),
    ['登记日期', dateZh(registered?.on)],
  ];
  if (!filed && x.ground) rows.push(['不予立案理由', DECLINE_ZH[x.ground] ?? x.ground]);
  if (x.limitationOverride) rows.push(['追责时效说明', x.limitationOverride]);
  return [
    { type: 'fields' as const, rows },
    {
      type: 'opinion' as const,
      label: '承办人意见',
      text: filed ? '建议立案调查。' : '建议不予立案。',
      signer: nameOf(f, registered?.actorId),
      date: registered?.on,
    },
    {
      type: 'opinion' as const,
      label: '负责人审批意见',
      text: `${filed ? '同意立案。' : '同意不予立案。'}${str(x.reasons)}`,
      signer: nameOf(f, s.actorId),
      date: s.on,
    },
  ];
}

export const filingApproval: KindSpec = {
  kind: 'filing_approval',
  title: '立案审批表',
  series: '立审',
  anchors: (f) => stepsOf(f, 'filing.approved'),
  build(f, s, number) {
    return body(f, this.kind, this.title, number, filingForm(f, s, true));
  },
};

export const noFilingApproval: KindSpec = {
  kind: 'no_filing_approval',
  title: '不予立案审批表',
  series: '不立',
  anchors: (f) => stepsOf(f, 'filing.declined'),
  build(f, s, number) {
    return body(f, this.kind, this.title, number, filingForm(f, s, false));
  },
};

export const onTheSpotDecision: KindSpec = {
  kind: 'on_the_spot_decision',
  title: '当场行政处罚决定书',
  series: '当罚',
  anchors: (f) => stepsOf(f, 'simplified.decided'),
  // The pre-printed form's number, which the officers recorded with the decision.
  fixedNumber: (_f, s) => str(d(s).formNumber) || undefined,
  build(f, s, number) {
    const x = d<{
      penalty: { kind: string; amount?: number };
      facts: string;
      legalBasis: string;
      officers: string[];
    }>(s);
    const penalty = x.penalty.kind === 'fine' ? `罚款人民币${x.penalty.amount}元` : '警告';
    return body(
      f,
      this.kind,
      this.title,
      number,
      [
        partyPara(f),
        { type: 'para', text: `违法事实：${x.facts}` },
        {
          type: 'para',
          text: `以上事实违反了${x.legalBasis}的规定。依据《中华人民共和国行政处罚法》关于简易程序的规定，当场作出如下行政处罚：${penalty}。`,
        },
        ...(x.penalty.kind === 'fine'
          ? [
              {
                type: 'para' as const,
                text: `罚款应当自收到本决定书之日起${periodZh(PAYMENT)}内缴至指定银行或者通过电子支付系统缴纳（《中华人民共和国行政处罚法》第六十七条）；符合当场收缴规定的，由执法人员当场收缴并出具专用票据。到期不缴纳的，每日按罚款数额的${SURCHARGE_ZH}加处罚款。`,
              },
            ]
          : []),
        { type: 'para', text: `执法人员：${officersOf(f, x.officers)}` },
        { type: 'para', text: '当事人签名：' },
      ],
      {
        signedOn: s.on,
        notes: [
          `如不服本决定，可以在收到本决定书之日起${periodZh(RECONSIDERATION)}内申请行政复议，也可以在${periodZh(LAWSUIT)}内依法向人民法院提起行政诉讼。`,
        ],
      },
    );
  },
};
