// Commands and state of the investigation (调查取证, docs/rules.md), the case clock (§5), the transfer of a
// suspected crime (§14) and the simplified procedure (§4). Zod is the single source of truth for the API's
// request/response types and for the arguments of the workflow updates.
import { z } from 'zod';
import { IsoDateSchema } from './common.js';
import { ProposalSchema } from './decision.js';

const text = (max = 4000) => z.string().trim().min(2).max(max);
const userId = z.string().trim().min(1).max(64);

/** The officers who carry out a step: at least two distinct certified officers (APL 42), the actor among them. */
export const OfficersSchema = z
  .array(userId)
  .min(2)
  .max(10)
  .refine((a) => new Set(a).size === a.length, { message: '办案人员不能重复 / officers must be distinct' })
  .describe('执法人员（至少两名持证人员）/ officers: at least two distinct certified officers');

/** An officer as the API resolved them from the user directory; the workflow validator checks them again. */
export const OfficerRefSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  roles: z.array(z.string()),
  certificateNo: z.string().nullable(),
  /** Holds the legal professional qualification (法律职业资格): may do legal review (APL 58). */
  legalQualified: z.boolean().optional(),
});
export type OfficerRef = z.infer<typeof OfficerRefSchema>;

export const AttachmentSchema = z
  .object({
    name: z.string().trim().min(1).max(255),
    mediaType: z.string().trim().min(3).max(100),
    size: z
      .number()
      .int()
      .min(0)
      .max(10 * 1024 ** 3),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, { message: 'SHA-256 十六进制 / hex SHA-256' }),
  })
  .strict();

export const EvidenceTypeSchema = z.enum([
  'documentary', // 书证
  'physical', // 物证
  'audio_visual', // 视听资料
  'electronic', // 电子数据
  'witness', // 证人证言
  'party_statement', // 当事人的陈述
  'expert_opinion', // 鉴定意见
  'inspection_record', // 勘验笔录、现场笔录
]);

export const RecordEvidenceSchema = z
  .object({
    officers: OfficersSchema,
    type: EvidenceTypeSchema,
    description: text(),
    collectedAt: z.iso.datetime({ offset: true }),
    place: text(300),
    attachments: z.array(AttachmentSchema).max(50).default([]),
  })
  .strict();
export type RecordEvidence = z.infer<typeof RecordEvidenceSchema>;

/** 先行登记保存 (APL 56) or 查封扣押 (ACL 18–19): officers apply, the head approves. */
export const RequestMeasureSchema = z
  .object({
    officers: OfficersSchema,
    kind: z.enum(['preservation', 'seizure']),
    items: z.array(z.string().trim().min(1).max(300)).min(1).max(200),
    reasons: text(),
  })
  .strict();
export type RequestMeasure = z.infer<typeof RequestMeasureSchema>;

/** The decision on preserved items within 7 WD (APL 56); otherwise the preservation lapses. */
export const DecidePreservationSchema = z
  .object({
    officers: OfficersSchema,
    measureId: z.string(),
    disposal: z.enum(['returned', 'seized', 'sent_for_testing', 'forfeiture_proposed']),
    reasons: text(),
  })
  .strict();
export type DecidePreservation = z.infer<typeof DecidePreservationSchema>;

/** One extension of a seizure with written reasons; the head approves. Its statutory maximum (行政强制法第二十五条)
 * is checked by the domain's guard; the schema bounds the number only. */
export const ExtendSeizureSchema = z
  .object({
    officers: OfficersSchema,
    measureId: z.string(),
    days: z.number().int().min(1).max(365),
    reasons: text(),
  })
  .strict();
export type ExtendSeizure = z.infer<typeof ExtendSeizureSchema>;

export const ReleaseSeizureSchema = z
  .object({
    officers: OfficersSchema,
    measureId: z.string(),
    outcome: z.enum(['released', 'confiscation_proposed', 'transferred']),
    reasons: text(),
  })
  .strict();
export type ReleaseSeizure = z.infer<typeof ReleaseSeizureSchema>;

/** What the law does not count on the case clock (市场监督管理行政处罚程序规定: 中止、听证、公告和检测、检验、检疫、
 * 鉴定、权利人辨认或者鉴别、责令退还多收价款): testing and the like, rights-holder identification, a hearing, a public
 * notice, an ordered refund of overcharges. (Suspension has its own approval.) Testing kinds also pause the seizure
 * period of the items tested (行政强制法第二十五条). */
export const TESTING_KINDS = ['testing', 'inspection', 'quarantine', 'appraisal'] as const;
export const NOT_COUNTED_KINDS = [
  ...TESTING_KINDS,
  'rights_holder_identification',
  'hearing',
  'public_notice',
  'ordered_refund',
] as const;

/** The day an event happened (not the day it is recorded): not in the future, checked against the case. */
const EventDate = IsoDateSchema.describe(
  '事件发生之日（非录入之日），默认今天 the day it happened, default today',
);

export const StartTestingSchema = z
  .object({
    officers: OfficersSchema,
    kind: z.enum(NOT_COUNTED_KINDS),
    description: text(),
    /** Seizures whose items are being tested: their period pauses too (testing kinds only). */
    seizureIds: z.array(z.string()).max(20).default([]),
    /** The day it began (samples handed to the laboratory, the hearing held, the notice published). */
    on: EventDate.optional(),
  })
  .strict()
  .refine((t) => t.seizureIds.length === 0 || (TESTING_KINDS as readonly string[]).includes(t.kind), {
    path: ['seizureIds'],
    message: '只有检测、检验、检疫、鉴定期间不计入查封扣押期限 / only testing pauses a seizure period',
  });
export type StartTesting = z.infer<typeof StartTestingSchema>;

export const FinishTestingSchema = z
  .object({
    officers: OfficersSchema,
    testingId: z.string(),
    result: text(),
    /** The day it ended (the result received, the hearing closed). */
    on: EventDate.optional(),
  })
  .strict();
export type FinishTesting = z.infer<typeof FinishTestingSchema>;

/** 协助调查 to another office: 15 WD. */
export const RequestAssistanceSchema = z
  .object({ officers: OfficersSchema, office: text(200), matter: text() })
  .strict();
export type RequestAssistance = z.infer<typeof RequestAssistanceSchema>;

export const RecordAssistanceReplySchema = z
  .object({ officers: OfficersSchema, assistanceId: z.string(), summary: text() })
  .strict();
export type RecordAssistanceReply = z.infer<typeof RecordAssistanceReplySchema>;

/** 案件中止 grounds (docs/rules.md). */
export const SuspensionGroundSchema = z.enum([
  'awaiting_other_decision', // 须以其他案件结果为依据
  'awaiting_legal_interpretation', // 需要有权机关作出解释或确认
  'force_majeure', // 因不可抗力
  'party_missing', // 当事人下落不明
  'other_statutory', // 其他依法应当中止的情形
]);
export const RequestSuspensionSchema = z
  .object({ officers: OfficersSchema, ground: SuspensionGroundSchema, explanation: text() })
  .strict();
export type RequestSuspension = z.infer<typeof RequestSuspensionSchema>;

export const ResumeCaseSchema = z.object({ officers: OfficersSchema, explanation: text() }).strict();
export type ResumeCase = z.infer<typeof ResumeCaseSchema>;

/** 案件终止 grounds (docs/rules.md [?]). */
export const TerminationGroundSchema = z.enum([
  'person_died', // 当事人死亡，无遗产可供执行
  'entity_dissolved', // 法人或其他组织终止，无权利义务承受人
  'other_statutory',
]);
export const RequestTerminationSchema = z
  .object({ officers: OfficersSchema, ground: TerminationGroundSchema, explanation: text() })
  .strict();
export type RequestTermination = z.infer<typeof RequestTerminationSchema>;

/** The agency head approves or rejects what officers applied for. */
export const DecideApprovalSchema = z
  .object({ approvalId: z.string(), approve: z.boolean(), note: text() })
  .strict();
export type DecideApproval = z.infer<typeof DecideApprovalSchema>;

/** The head extends the case period by 30 CD (PR, docs/rules.md). */
export const ExtendCaseClockSchema = z.object({ reason: text() }).strict();
export type ExtendCaseClock = z.infer<typeof ExtendCaseClockSchema>;

/** 集体讨论: beyond the head's extension only a recorded collective discussion extends, and it sets the period. */
export const CollectiveExtensionSchema = z
  .object({
    participants: z
      .array(userId)
      .min(2)
      .max(20)
      .refine((a) => new Set(a).size === a.length, {
        message: '参加人不能重复 / participants must be distinct',
      }),
    heldOn: IsoDateSchema,
    days: z.number().int().min(1).max(365),
    minutes: text(10_000),
  })
  .strict();
export type CollectiveExtension = z.infer<typeof CollectiveExtensionSchema>;

/** 涉嫌犯罪案件移送 (TR, docs/rules.md): a team of at least two officers reports; the principal head decides. */
export const ProposeTransferSchema = z
  .object({ officers: OfficersSchema, suspectedOffence: text(300), facts: text() })
  .strict();
export type ProposeTransfer = z.infer<typeof ProposeTransferSchema>;

export const RecordTransferStepSchema = z.discriminatedUnion('step', [
  /** The file was handed to the police (within 24 h of approval). */
  z
    .object({
      step: z.literal('handed_over'),
      officers: OfficersSchema,
      policeOffice: text(200),
      note: text(),
      /** The day it happened: the file handed over, the police's notice received. */
      on: EventDate.optional(),
    })
    .strict(),
  /** The police decided on the transfer (within 3 days). */
  z
    .object({
      step: z.literal('police_decision'),
      officers: OfficersSchema,
      accepted: z.boolean(),
      note: text(),
      /** The day it happened: the file handed over, the police's notice received. */
      on: EventDate.optional(),
    })
    .strict(),
  /** The office asked the police to reconsider a refusal (within 3 days). */
  z
    .object({
      step: z.literal('reconsideration_requested'),
      officers: OfficersSchema,
      note: text(),
      on: EventDate.optional(),
    })
    .strict(),
  /** The police answered the reconsideration (within 3 days). */
  z
    .object({
      step: z.literal('reconsideration_answer'),
      officers: OfficersSchema,
      accepted: z.boolean(),
      note: text(),
      /** The day it happened: the file handed over, the police's notice received. */
      on: EventDate.optional(),
    })
    .strict(),
  /** The office asked the procuratorate to supervise: after the police's refusal, directly (TR art. 9), or after
   * the answer to a reconsideration (within 3 days). */
  z
    .object({
      step: z.literal('supervision_requested'),
      officers: OfficersSchema,
      note: text(),
      on: EventDate.optional(),
    })
    .strict(),
  /** The procuratorate's outcome: the police must file, or the case returns to administrative handling. */
  z
    .object({
      step: z.literal('supervision_outcome'),
      officers: OfficersSchema,
      policeMustFile: z.boolean(),
      note: text(),
      /** The day it happened: the file handed over, the police's notice received. */
      on: EventDate.optional(),
    })
    .strict(),
  /** The office accepts a refusal: the case returns to administrative handling. */
  z
    .object({
      step: z.literal('refusal_accepted'),
      officers: OfficersSchema,
      note: text(),
      on: EventDate.optional(),
    })
    .strict(),
  /** The items and materials went to the police after they filed the case (within 3 days of the notice). */
  z
    .object({
      step: z.literal('items_handed_over'),
      officers: OfficersSchema,
      note: text(),
      on: EventDate.optional(),
    })
    .strict(),
]);
export type RecordTransferStep = z.infer<typeof RecordTransferStepSchema>;

/** 简易程序 (APL 51): warning or a small fine decided on the spot, on a pre-numbered form; never published. */
export const OnTheSpotDecisionSchema = z
  .object({
    officers: OfficersSchema,
    formNumber: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{4,40}$/, { message: '决定书编号 / form number' }),
    penalty: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('warning') }).strict(),
      z.object({ kind: z.literal('fine'), amount: z.number().int().min(1).max(100_000_000) }).strict(),
    ]),
    facts: text(),
    legalBasis: text(1000),
  })
  .strict();
export type OnTheSpotDecision = z.infer<typeof OnTheSpotDecisionSchema>;

/** 调查终结: the investigators hand the case to review; the reviewer never investigated it (docs/rules.md). */
export const ConcludeInvestigationSchema = z
  .object({
    officers: OfficersSchema,
    reviewerId: userId,
    report: text(20_000),
    /** The facts, legal basis and proposed penalty the review checks and the notice tells the party. */
    proposal: ProposalSchema,
  })
  .strict();
export type ConcludeInvestigation = z.infer<typeof ConcludeInvestigationSchema>;

// ——— state, as the case view shows it ———

export const ApprovalViewSchema = z.object({
  id: z.string(),
  kind: z.enum([
    'preservation',
    'seizure',
    'seizure_extension',
    'suspension',
    'termination',
    'criminal_transfer',
  ]),
  subject: z.string().optional(),
  requestedBy: z.array(z.string()),
  requestedOn: z.string(),
  reasons: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
  decidedBy: z.string().optional(),
  decidedOn: z.string().optional(),
  note: z.string().optional(),
  payload: z.record(z.string(), z.unknown()),
});
export type ApprovalView = z.infer<typeof ApprovalViewSchema>;

export const MeasureViewSchema = z.object({
  id: z.string(),
  kind: z.enum(['preservation', 'seizure']),
  items: z.array(z.string()),
  status: z.enum(['requested', 'rejected', 'active', 'decided', 'lapsed', 'released']),
  approvalId: z.string(),
  clock: z.string().optional(),
  extended: z.boolean(),
  outcome: z.string().optional(),
});

export const TestingViewSchema = z.object({
  id: z.string(),
  kind: z.string(),
  description: z.string(),
  startedOn: z.string(),
  finishedOn: z.string().optional(),
  result: z.string().optional(),
  seizureIds: z.array(z.string()),
});

export const AssistanceViewSchema = z.object({
  id: z.string(),
  office: z.string(),
  matter: z.string(),
  requestedOn: z.string(),
  clock: z.string(),
  reply: z.string().optional(),
});

export const TransferStatusSchema = z.enum([
  'proposed', // awaiting the principal head (3 days)
  'approved', // to be handed over within 24 h
  'handed_over', // awaiting the police decision (3 days)
  'refused', // the office may request reconsideration (3 days)
  'reconsideration', // awaiting the answer (3 days)
  'refused_again', // the office may ask the procuratorate to supervise (3 days)
  'supervision', // awaiting the procuratorate
  'accepted', // the police filed: no administrative penalty for the same facts
  'returned', // back to administrative handling
  'rejected', // the head did not approve the transfer
]);
export type TransferStatus = z.infer<typeof TransferStatusSchema>;

export const TransferViewSchema = z.object({
  status: TransferStatusSchema,
  suspectedOffence: z.string(),
  approvalId: z.string(),
  history: z.array(z.object({ step: z.string(), on: z.string(), by: z.string(), note: z.string() })),
  /** The clock of the step now awaited (one at a time), if any. */
  clock: z.string().optional(),
  /** After the police filed the case: the items and materials are due within 3 days of the filing notice. */
  items: z.object({ dueOn: z.string().nullable(), handedOverOn: z.string().optional() }).optional(),
});

export type TransferView = z.infer<typeof TransferViewSchema>;

export const InvestigationViewSchema = z.object({
  investigators: z.array(z.string()),
  evidence: z.array(
    z.object({ id: z.string(), type: z.string(), description: z.string(), collectedAt: z.string() }),
  ),
  approvals: z.array(ApprovalViewSchema),
  measures: z.array(MeasureViewSchema),
  testing: z.array(TestingViewSchema),
  assistance: z.array(AssistanceViewSchema),
  suspension: z.object({ ground: z.string(), since: z.string(), explanation: z.string() }).nullable(),
  transfer: TransferViewSchema.nullable(),
  caseExtensions: z.object({ byHead: z.number(), collective: z.number() }),
  reviewerId: z.string().nullable(),
});
export type InvestigationView = z.infer<typeof InvestigationViewSchema>;
