// Commands and state of a case from the hand-over to review until the decision is served (docs/rules.md:
// review gates, notice and defence, hearing, decision and service). Zod is the single source of truth for the
// API's request/response types and for the arguments of the workflow updates. Amounts are integer fen.
import { z } from 'zod';
import { IsoDateSchema } from './common.js';

const text = (max = 4000) => z.string().trim().min(2).max(max);
const userId = z.string().trim().min(1).max(64);
const officers = z
  .array(userId)
  .min(2)
  .max(10)
  .refine((a) => new Set(a).size === a.length, { message: '办案人员不能重复 / officers must be distinct' })
  .describe('执法人员（至少两名持证人员）/ officers: at least two distinct certified officers');
/** The day something happened (a notice received, a hearing held): clocks start at the event. */
const EventDate = IsoDateSchema.describe(
  '事件发生日（不得晚于今天）/ the day it happened, not in the future',
);

/** Shared with the commands after the decision (schema/execution.ts). */
export { text as boundedText, officers as OfficersSchema, EventDate as EventDateSchema };

/** An amount in fen (分): integers only, never floats; at most ¥1,000,000,000. */
export const FenSchema = z
  .number()
  .int({ message: '金额以分为单位的整数 / an amount in whole fen' })
  .min(1)
  .max(100_000_000_000)
  .describe('金额（分）/ amount in fen');

// ——— penalties (APL 9) ———

const plain = <K extends string>(kind: K) => z.object({ kind: z.literal(kind) }).strict();
const licence = <K extends string>(kind: K) =>
  z.object({ kind: z.literal(kind), licence: text(300) }).strict();

/** One penalty of a decision (行政处罚的种类, APL 9). */
export const PenaltySchema = z.discriminatedUnion('kind', [
  plain('warning'), // 警告
  plain('circulated_criticism'), // 通报批评
  z.object({ kind: z.literal('fine'), amountFen: FenSchema }).strict(), // 罚款
  z.object({ kind: z.literal('confiscate_gains'), amountFen: FenSchema }).strict(), // 没收违法所得
  z.object({ kind: z.literal('confiscate_property'), amountFen: FenSchema, items: text(1000) }).strict(), // 没收非法财物
  licence('licence_suspension'), // 暂扣许可证件
  licence('licence_downgrade'), // 降低资质等级
  licence('licence_revocation'), // 吊销许可证件
  plain('business_restriction'), // 限制开展生产经营活动
  plain('business_suspension'), // 责令停产停业
  plain('closure'), // 责令关闭
  z.object({ kind: z.literal('occupational_ban'), years: z.number().int().min(1).max(10) }).strict(), // 限制从业
]);
export type Penalty = z.infer<typeof PenaltySchema>;
export type PenaltyKind = Penalty['kind'];

export const PenaltiesSchema = z
  .array(PenaltySchema)
  .min(1)
  .max(8)
  .refine((a) => new Set(a.map((p) => p.kind)).size === a.length, {
    message: '同一种类的处罚只列一次 / each kind of penalty once',
  });

/** 不予行政处罚 grounds (APL 33): minor and corrected, a first violation with slight harm, no fault. */
export const NoPenaltyGroundSchema = z.enum(['minor_corrected', 'first_violation', 'no_fault']);
export type NoPenaltyGround = z.infer<typeof NoPenaltyGroundSchema>;

/** What a decision orders: penalties, or no penalty with its ground (the list item for the exemption grounds). */
export const DecisionOutcomeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('penalty'), penalties: PenaltiesSchema }).strict(),
  z
    .object({
      kind: z.literal('no_penalty'),
      ground: NoPenaltyGroundSchema,
      exemption: z
        .object({ listId: z.string().min(1).max(40), itemId: z.string().min(1).max(40) })
        .strict()
        .optional(),
    })
    .strict(),
]);
export type DecisionOutcome = z.infer<typeof DecisionOutcomeSchema>;

/** The investigators' proposal with the investigation report (调查终结报告): what review checks, what the notice
 * tells the party, and the most the decision may impose. */
export const ProposalSchema = z
  .object({
    facts: text(8000),
    legalBasis: text(2000),
    outcome: DecisionOutcomeSchema,
    /** 责令改正: the corrective order that goes with the decision. */
    correctiveOrder: text(2000).optional(),
    /** 情节复杂 (several legal relationships) or a major violation: legal review and collective discussion. */
    complex: z.boolean().optional(),
    /** Concerns a major public interest (APL 58 ¶1 (1)): legal review. */
    majorPublicInterest: z.boolean().optional(),
  })
  .strict();
export type Proposal = z.infer<typeof ProposalSchema>;

// ——— commands ———

const Opinion = z
  .object({
    result: z.enum(['approve', 'return']),
    /** The reviewer's opinion: on return, what the investigators must do. */
    opinion: text(4000),
  })
  .strict();

/** 案件审核: the review office's opinion on the investigation (10 WD from receiving the materials). */
export const CaseReviewSchema = Opinion;
export type CaseReview = z.infer<typeof CaseReviewSchema>;
/** 法制审核 (APL 58): by a legal reviewer with the legal professional qualification who never investigated it. */
export const LegalReviewSchema = Opinion;
export type LegalReview = z.infer<typeof LegalReviewSchema>;
/** The head extends the case review once, before it runs out. */
export const ExtendCaseReviewSchema = z.object({ reason: text() }).strict();
export type ExtendCaseReview = z.infer<typeof ExtendCaseReviewSchema>;

/** How a document reached the party (送达方式). Service is recorded as it happened, never computed. */
export const ServiceMethodSchema = z.enum([
  'in_person', // 直接送达
  'left_at_address', // 留置送达
  'post', // 邮寄送达
  'electronic', // 电子送达 (only with the party's signed consent)
  'entrusted', // 委托送达
  'public_notice', // 公告送达: takes effect 30 CD after publication
]);
export type ServiceMethod = z.infer<typeof ServiceMethodSchema>;

export const ServiceEventSchema = z
  .object({
    method: ServiceMethodSchema,
    /** The day the party received it (for a public notice: the day it was published). */
    on: EventDate,
    /** Who received it (the party, an adult family member, an agent …; for a public notice, where published). */
    receiver: text(200),
  })
  .strict();

/** 行政处罚告知书 served: the party's 5 WD for statement, defence and a hearing request start at receipt. */
export const ServeNoticeSchema = z.object({ officers, service: ServiceEventSchema }).strict();
export type ServeNotice = z.infer<typeof ServeNoticeSchema>;

/** A statement or defence received, and the agency's answer to it (复核意见), in the record. */
export const RecordDefenceSchema = z
  .object({
    officers,
    receivedOn: EventDate,
    form: z.enum(['written', 'oral']),
    content: text(8000),
    answer: z
      .object({ verdict: z.enum(['accepted', 'partly_accepted', 'rejected']), reasons: text(4000) })
      .strict(),
  })
  .strict();
export type RecordDefence = z.infer<typeof RecordDefenceSchema>;

/** The party asked for a hearing within its 5 WD (where the notice gave it the right). */
export const RequestHearingSchema = z.object({ officers, requestedOn: EventDate }).strict();
export type RequestHearing = z.infer<typeof RequestHearingSchema>;

/** The party gave up its statement, defence and hearing in writing before the 5 WD ran out. */
export const WaiveDefenceSchema = z.object({ officers, on: EventDate, note: text(1000) }).strict();
export type WaiveDefence = z.infer<typeof WaiveDefenceSchema>;

/** The hearing notice served: the hearing is at least 7 WD after the notice reached the party (APL 64). */
export const ScheduleHearingSchema = z
  .object({
    officers,
    chairId: userId,
    hearingOn: IsoDateSchema,
    place: text(300),
    /** Heard in public unless it concerns state secrets, trade secrets or privacy (APL 64 ¶1 (3)). */
    public: z.boolean(),
    notice: ServiceEventSchema,
  })
  .strict();
export type ScheduleHearing = z.infer<typeof ScheduleHearingSchema>;

/** The hearing moves to a new date, with a new notice served at least 7 WD before it. */
export const PostponeHearingSchema = z
  .object({
    officers,
    reason: text(1000),
    requestedBy: z.enum(['party', 'agency']),
    hearingOn: IsoDateSchema,
    notice: ServiceEventSchema,
  })
  .strict();
export type PostponeHearing = z.infer<typeof PostponeHearingSchema>;

/** The hearing held (its record, 听证笔录, and report), or the party did not come: a waiver (APL 64 ¶1 (8)). */
export const RecordHearingSchema = z.discriminatedUnion('outcome', [
  z
    .object({
      outcome: z.literal('held'),
      officers,
      heldOn: EventDate,
      /** 1–2 agents of the party (APL 64 ¶1 (5)). */
      partyAgents: z.array(text(100)).max(2),
      record: text(20_000),
      report: text(8000),
    })
    .strict(),
  z.object({ outcome: z.literal('no_show'), officers, on: EventDate, note: text(1000) }).strict(),
]);
export type RecordHearing = z.infer<typeof RecordHearingSchema>;

/** 集体讨论 (APL 57 ¶2): the heads who discussed, the minutes; its outcome is the decision it is recorded with. */
export const CollectiveDiscussionSchema = z
  .object({
    heldOn: EventDate,
    participants: z.array(userId).min(2).max(15),
    minutes: text(20_000),
  })
  .strict();
export type CollectiveDiscussion = z.infer<typeof CollectiveDiscussionSchema>;

/** 行政处罚决定 / 不予行政处罚决定: the head decides (or the heads, after collective discussion). */
export const DecideCaseSchema = z
  .object({
    outcome: DecisionOutcomeSchema,
    facts: text(8000),
    legalBasis: text(2000),
    correctiveOrder: text(2000).optional(),
    /** Required where collective discussion is (see the case's `proceedings.collective`). */
    collective: CollectiveDiscussionSchema.optional(),
  })
  .strict();
export type DecideCase = z.infer<typeof DecideCaseSchema>;

/** The party's signed consent to electronic service (the address it gave). */
export const EServiceConsentSchema = z.object({ officers, signedOn: EventDate, address: text(300) }).strict();
export type EServiceConsent = z.infer<typeof EServiceConsentSchema>;

/** The decision served (on pronouncement, or within 7 WD when the party was absent). */
export const ServeDecisionSchema = z
  .object({
    officers,
    service: ServiceEventSchema,
    /** 行政处罚、信用修复"双书"送达: a credit-repair notice (信用修复告知书) was served with the decision. */
    creditRepairNotice: z.boolean().optional(),
    /** The decision did not tell the party of its rights to reconsideration and to sue (where, and within
     * what time): the reconsideration window is then 1 year (行政复议法第二十条). Default: it did. */
    rightsExplained: z.boolean().optional(),
  })
  .strict();
export type ServeDecision = z.infer<typeof ServeDecisionSchema>;

// ——— state, as the case view shows it ———

const ReviewRecordSchema = z.object({
  by: z.string(),
  on: z.string(),
  result: z.enum(['approve', 'return']),
  opinion: z.string(),
});

const ServiceRecordSchema = z.object({
  method: ServiceMethodSchema,
  on: z.string(),
  receiver: z.string(),
  /** When service took effect: the day received, or 30 CD after a public notice (null until then). */
  effectiveOn: z.string().nullable(),
  recordedBy: z.array(z.string()),
  /** The decision was served together with a credit-repair notice (双书送达). */
  creditRepairNotice: z.boolean().optional(),
  /** False when the decision did not explain the party's rights to appeal. */
  rightsExplained: z.boolean().optional(),
});

export const ProceedingsViewSchema = z.object({
  /** Review rounds so far (a return to investigation starts a new one). */
  round: z.number().int(),
  proposal: ProposalSchema,
  receivedOn: z.string(),
  reviewerId: z.string(),
  caseReview: ReviewRecordSchema.nullable(),
  caseReviewExtended: z.boolean(),
  legalReview: z.object({
    required: z.boolean(),
    reasons: z.array(z.string()),
    record: ReviewRecordSchema.nullable(),
  }),
  collective: z.object({ required: z.boolean(), reasons: z.array(z.string()) }),
  /** Earlier rounds' returns, most recent last (at most 10). */
  returns: z.array(
    z.object({ round: z.number(), gate: z.enum(['case', 'legal']), on: z.string(), opinion: z.string() }),
  ),
  /** Earlier decisions annulled with a new decision ordered (absent before re-decisions existed). */
  annulledDecisions: z
    .array(
      z.object({
        round: z.number(),
        documentNumber: z.string(),
        decidedOn: z.string(),
        annulledOn: z.string(),
        remedyId: z.string(),
        newDecisionDueOn: z.string().nullable(),
      }),
    )
    .optional(),
  notice: z
    .object({
      service: ServiceRecordSchema,
      hearingRight: z.boolean(),
      hearingReasons: z.array(z.string()),
      defences: z.array(
        z.object({
          receivedOn: z.string(),
          form: z.string(),
          content: z.string(),
          answer: z.object({ verdict: z.string(), reasons: z.string() }),
        }),
      ),
      /** How the 5 WD ended: a hearing requested, a written waiver, or the period ran out (silence waives). */
      ended: z.enum(['hearing_requested', 'waived', 'period_ended']).nullable(),
    })
    .nullable(),
  hearing: z
    .object({
      requestedOn: z.string(),
      chairId: z.string().nullable(),
      hearingOn: z.string().nullable(),
      place: z.string().nullable(),
      public: z.boolean().nullable(),
      notices: z.array(ServiceRecordSchema),
      postponements: z.array(
        z.object({ from: z.string(), to: z.string(), reason: z.string(), requestedBy: z.string() }),
      ),
      outcome: z.enum(['held', 'no_show']).nullable(),
      heldOn: z.string().nullable(),
    })
    .nullable(),
  eServiceConsent: z.object({ signedOn: z.string(), address: z.string() }).nullable(),
  decision: z
    .object({
      outcome: DecisionOutcomeSchema,
      documentNumber: z.string(),
      facts: z.string(),
      legalBasis: z.string(),
      correctiveOrder: z.string().optional(),
      decidedBy: z.array(z.string()),
      on: z.string(),
      collective: z.object({ heldOn: z.string(), participants: z.array(z.string()) }).nullable(),
      /** The decision will be published (PUB): the party is told so in writing when it is served. */
      publish: z.boolean(),
    })
    .nullable(),
  service: ServiceRecordSchema.nullable(),
});
export type ProceedingsView = z.infer<typeof ProceedingsViewSchema>;

/** What a reviewer reads (案件审核 / 法制审核): the facts, the evidence list, the proposed penalty with its amounts
 * and legal basis, and the investigation report, from the latest hand-over to review. */
export const ReviewPackageSchema = z.object({
  number: z.string(),
  round: z.number().int(),
  concludedOn: z.string(),
  officers: z.array(z.string()),
  reviewerId: z.string(),
  report: z.string(),
  proposal: ProposalSchema,
  /** Why legal review and collective discussion are required (empty: not required), once review has opened. */
  legalReview: z.array(z.string()).nullable(),
  collective: z.array(z.string()).nullable(),
  evidence: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      description: z.string(),
      collectedAt: z.string(),
      place: z.string(),
      collectedBy: z.array(z.string()),
    }),
  ),
});
export type ReviewPackage = z.infer<typeof ReviewPackageSchema>;
