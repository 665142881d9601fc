// Commands and state of a case after the decision is served (docs/rules.md: payment and enforcement, remedies,
// publicity, credit repair, rewards, closure). Zod is the single source of truth for the API's request and
// response types and for the arguments of the workflow updates. Amounts are integer fen; the agency never handles
// the money (罚缴分离): it records what the bank reports.
import { z } from 'zod';
import { IsoDateSchema } from './common.js';
import {
  boundedText,
  DecisionOutcomeSchema,
  EventDateSchema,
  FenSchema,
  OfficersSchema,
  ServiceEventSchema,
} from './decision.js';

const text = boundedText;
const officers = OfficersSchema;
const EventDate = EventDateSchema;

/** At most this many of each kind of entry a served case collects (payments, remedies, repair applications). */
export const EXECUTION_LIMITS = {
  payments: 60,
  instalments: 12,
  remedies: 10,
  repairs: 5,
  /** New decisions ordered after an annulment, over the case's life. */
  redecisions: 3,
} as const;

// ——— payment and enforcement (APL 66–73, ACL 45, 53–54) ———

/** A payment the bank reports, toward the penalty (fines and confiscated gains) or the late surcharge. */
export const RecordPaymentSchema = z
  .object({
    paidOn: EventDate,
    amountFen: FenSchema,
    toward: z.enum(['penalty', 'surcharge']),
    /** The bank's or the e-payment system's reference (缴款凭证号). */
    bankReference: z.string().trim().min(4).max(100),
  })
  .strict();
export type RecordPayment = z.infer<typeof RecordPaymentSchema>;

const InstalmentSchema = z.object({ dueOn: IsoDateSchema, amountFen: FenSchema }).strict();

/** 延期或者分期缴纳罚款 (APL 66 ¶2): the party applied, the head approved (or refused) it. */
export const DecidePaymentArrangementSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('deferral'),
      appliedOn: EventDate,
      approved: z.boolean(),
      reasons: text(),
      /** The new last day to pay everything still unpaid. */
      deferUntil: IsoDateSchema,
    })
    .strict(),
  z
    .object({
      kind: z.literal('instalments'),
      appliedOn: EventDate,
      approved: z.boolean(),
      reasons: text(),
      /** The parts of what is still unpaid and their last days, in order (2–12). */
      instalments: z.array(InstalmentSchema).min(2).max(EXECUTION_LIMITS.instalments),
    })
    .strict(),
]);
export type DecidePaymentArrangement = z.infer<typeof DecidePaymentArrangementSchema>;

/** 履行催告书 served (ACL 54): the court may be asked 10 WD after it, if the party still has not paid. */
export const ServePaymentDemandSchema = z.object({ officers, service: ServiceEventSchema }).strict();
export type ServePaymentDemand = z.infer<typeof ServePaymentDemandSchema>;

/** 申请人民法院强制执行 (ACL 53): later than 10 WD after the demand, within 3 months of the periods' end. */
export const ApplyEnforcementSchema = z
  .object({ officers, appliedOn: EventDate, court: text(200), note: text(2000).optional() })
  .strict();
export type ApplyEnforcement = z.infer<typeof ApplyEnforcementSchema>;

// ——— remedies (ARL 20, ALL 45–46, PUB 11) ———

export const RemedyKindSchema = z.enum(['reconsideration', 'lawsuit']);
/** The party applied for reconsideration (行政复议) or sued (行政诉讼); the agency learnt of it. */
export const RecordRemedySchema = z
  .object({
    kind: RemedyKindSchema,
    filedOn: EventDate,
    /** The reconsideration body (the government at the same level) or the court. */
    body: text(200),
  })
  .strict();
export type RecordRemedy = z.infer<typeof RecordRemedySchema>;

/** The reconsideration body's or the court's decision, as the agency received it. */
export const RecordRemedyOutcomeSchema = z
  .object({
    remedyId: z.string().trim().min(1).max(20),
    /** The day the decision reached the party (a lawsuit after reconsideration counts 15 CD from it). */
    on: EventDate,
    result: z.enum(['upheld', 'changed', 'annulled', 'dismissed', 'withdrawn']),
    note: text(4000),
    /** What the decision now imposes, where it was changed. */
    changedOutcome: DecisionOutcomeSchema.optional(),
    /** 责令（判决）重新作出行政处罚决定: the annulment orders a new decision, by the day the body set (if it set
     * one). The case goes back to investigation for a new round once the record is off the public list. */
    newDecision: z.object({ dueOn: IsoDateSchema.optional() }).strict().optional(),
  })
  .strict()
  .refine((o) => (o.result === 'changed') === (o.changedOutcome !== undefined), {
    message:
      '变更时须写明变更后的处罚，其他结果不写 / a changed decision needs the changed outcome, others none',
    path: ['changedOutcome'],
  })
  .refine((o) => o.newDecision === undefined || o.result === 'annulled', {
    message: '只有撤销决定可以责令重新作出 / only an annulment orders a new decision',
    path: ['newDecision'],
  })
  .refine((o) => !o.newDecision?.dueOn || o.newDecision.dueOn > o.on, {
    message: '重新作出决定的期限应晚于撤销决定送达之日 / the new decision is due after the annulment',
    path: ['newDecision', 'dueOn'],
  });
export type RecordRemedyOutcome = z.infer<typeof RecordRemedyOutcomeSchema>;

// ——— publicity and credit repair (PUB 9–16, Order 107) ———

/** 公示录入: the officers enter the decision's publicity record (谁办案、谁录入、谁负责, PUB 16). */
export const PublishDecisionSchema = z.object({ officers, publishedOn: EventDate }).strict();
export type PublishDecision = z.infer<typeof PublishDecisionSchema>;

/** A changed or annulled decision's publicity withdrawn, or updated to the changed decision (PUB 11, 3 WD). */
export const WithdrawPublicitySchema = z
  .object({ officers, on: EventDate, action: z.enum(['withdraw', 'update']), note: text(1000) })
  .strict();
export type WithdrawPublicity = z.infer<typeof WithdrawPublicitySchema>;

/** 信用修复申请 (Order 107; PUB 14's early removal): the party applies to the deciding office. */
export const ApplyCreditRepairSchema = z
  .object({
    appliedOn: EventDate,
    /** What the party declares and the office checks: the harm remedied, no repeat, not on a credit list. */
    declarations: z
      .object({ harmRemedied: z.boolean(), noRepeat: z.boolean(), notOnCreditList: z.boolean() })
      .strict(),
    /** 信用承诺书. */
    commitment: text(4000),
  })
  .strict();
export type ApplyCreditRepair = z.infer<typeof ApplyCreditRepairSchema>;

/** The head grants or refuses the repair within 7 WD (Order 107). */
export const DecideCreditRepairSchema = z
  .object({
    repairId: z.string().trim().min(1).max(20),
    decision: z.enum(['grant', 'refuse']),
    reasons: text(),
  })
  .strict();
export type DecideCreditRepair = z.infer<typeof DecideCreditRepairSchema>;

// ——— closure and rewards ———

/** 结案审批: the head approves the closure report once the decision is carried out (or the court was asked),
 * the publicity is entered and any transfer settled. */
export const CloseCaseSchema = z.object({ closedOn: EventDate, report: text(8000) }).strict();
export type CloseCase = z.infer<typeof CloseCaseSchema>;

/** 举报奖励: the reporter's reward, decided after closure, or why there is none. */
export const DecideRewardSchema = z.discriminatedUnion('eligible', [
  z
    .object({
      eligible: z.literal(true),
      grade: z.union([z.literal(1), z.literal(2), z.literal(3)]),
      reasons: text(),
      /** 内部知情人员: an insider's reward may be raised above the grade's amount (never above the cap per case),
       * with the finance department's consent. */
      insider: z
        .object({
          amountFen: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
          financeConsent: z.literal(true),
        })
        .strict()
        .optional(),
    })
    .strict(),
  z
    .object({
      eligible: z.literal(false),
      ground: z.enum([
        'not_major',
        'not_natural_person',
        'staff',
        'victim',
        'perpetrator',
        'paid_informant',
        'other',
      ]),
      reasons: text(),
    })
    .strict(),
]);
export type DecideReward = z.infer<typeof DecideRewardSchema>;

// ——— state, as the case view shows it ———

export const PublicityTierSchema = z.enum(['minor', 'general', 'serious']);

export const PublicityViewSchema = z.object({
  required: z.boolean(),
  /** The tier (2025 order) the record falls in: how long it is shown and when repair may be applied for. */
  tier: PublicityTierSchema.nullable(),
  status: z.enum(['not_required', 'due', 'published', 'ended', 'withdrawn', 'repaired']),
  record: z
    .object({
      publishedOn: z.string(),
      /** The last day it is shown. */
      endsOn: z.string(),
      months: z.number(),
      basis: z.string(),
      enteredBy: z.array(z.string()),
      respondentShown: z.string(),
      penaltySummary: z.string(),
      /** SHA-256 of the public text (the text itself is in the public list). */
      textSha256: z.string(),
    })
    .nullable(),
  withdrawal: z
    .object({ reason: z.string(), since: z.string(), done: z.enum(['withdraw', 'update']).nullable() })
    .nullable(),
  /** The number of writes to the public list so far (each write carries it, so none overwrites a later one). */
  version: z.number(),
  repairs: z.array(
    z.object({
      id: z.string(),
      appliedOn: z.string(),
      status: z.enum(['pending', 'granted', 'refused']),
      decidedOn: z.string().nullable(),
      reasons: z.string().nullable(),
    }),
  ),
});
export type PublicityView = z.infer<typeof PublicityViewSchema>;

export const ExecutionViewSchema = z.object({
  /** The day the decision took effect for the party (served): the payment and remedy periods start after it. */
  servedOn: z.string(),
  /** What the decision (or a changed decision) orders paid: fines and confiscated gains. */
  fineFen: z.number(),
  confiscationFen: z.number(),
  /** The parts due and their last days (one, unless instalments were approved). */
  instalments: z.array(z.object({ dueOn: z.string(), amountFen: z.number() })),
  arrangement: z
    .object({
      kind: z.enum(['deferral', 'instalments']),
      appliedOn: z.string(),
      approved: z.boolean(),
      decidedBy: z.string(),
      on: z.string(),
      reasons: z.string(),
    })
    .nullable(),
  payments: z.array(
    z.object({
      paidOn: z.string(),
      amountFen: z.number(),
      toward: z.enum(['penalty', 'surcharge']),
      bankReference: z.string(),
      recordedBy: z.string(),
    }),
  ),
  paidFen: z.number(),
  surchargePaidFen: z.number(),
  /** The party carried out the decision's payments (penalty and any surcharge), or nothing is to be paid. */
  settled: z.boolean(),
  demand: z
    .object({ method: z.string(), on: z.string(), receiver: z.string(), officers: z.array(z.string()) })
    .nullable(),
  enforcement: z
    .object({ appliedOn: z.string(), court: z.string(), officers: z.array(z.string()) })
    .nullable(),
  remedies: z.array(
    z.object({
      id: z.string(),
      kind: RemedyKindSchema,
      filedOn: z.string(),
      body: z.string(),
      /** Filed after its period had ended (the body decides whether to hear it). */
      late: z.boolean(),
      outcome: z.object({ result: z.string(), on: z.string(), note: z.string() }).nullable(),
    }),
  ),
  /** The decision as changed by a reconsideration or a court (null: unchanged). */
  changedOutcome: DecisionOutcomeSchema.nullable(),
  annulled: z.boolean(),
  /** The annulment ordered a new decision (absent in states from before re-decisions existed). */
  redecision: z
    .object({ remedyId: z.string(), orderedOn: z.string(), dueOn: z.string().nullable() })
    .nullable()
    .optional(),
  publicity: PublicityViewSchema,
  closure: z.object({ closedOn: z.string(), by: z.string(), report: z.string() }).nullable(),
  reward: z
    .object({
      eligible: z.boolean(),
      grade: z.number().nullable(),
      amountFen: z.number(),
      withFinance: z.boolean(),
      /** Raised for an insider, with the finance department's consent. */
      insider: z.boolean().optional(),
      decidedBy: z.string(),
      on: z.string(),
      reasons: z.string(),
    })
    .nullable(),
});
export type ExecutionView = z.infer<typeof ExecutionViewSchema>;

/** The late surcharge as of a day, with its day-by-day explanation (GET /api/cases/{n}/surcharge). */
export const SurchargeViewSchema = z.object({
  asOf: z.string(),
  fineFen: z.number(),
  surchargeFen: z.number(),
  surchargePaidFen: z.number(),
  capped: z.boolean(),
  explanation: z.array(z.string()),
});
export type SurchargeView = z.infer<typeof SurchargeViewSchema>;

/** One decision on the public list (no sign-in): what GSXT shows, with personal data redacted. */
export const PublicationSchema = z.object({
  documentNumber: z.string(),
  unitName: z.string(),
  respondent: z.string(),
  uscc: z.string().nullable(),
  penaltySummary: z.string(),
  decidedOn: z.string(),
  publishedOn: z.string(),
  endsOn: z.string(),
  text: z.string(),
});
export type Publication = z.infer<typeof PublicationSchema>;
