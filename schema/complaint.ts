// Commands and views of a complaint (投诉, docs/rules.md, 市场监督管理投诉举报处理暂行办法 CRM). These zod schemas are the
// single source of truth for the API's request and response types and for the arguments of workflow updates.
// Nothing here identifies the complainant: the workflow knows only the submission id (CRM 33).
import { z } from 'zod';
import { ClockViewSchema, RespondentSchema } from './case.js';
import { IsoDateSchema, listPageSchema, listQuerySchema, TaskRowSchema } from './common.js';
import { ActorSchema } from './roles.js';
import { ChannelSchema } from './submission.js';

/** Complaint numbers (workflow IDs): <unit code>-TS-<year>-<5 digits> (TS, 投诉). */
export const COMPLAINT_SERIES = 'TS';

export const ComplaintStageSchema = z.enum([
  'acceptance', // 受理审查: 7 WD to accept or reject (CRM 14)
  'accepted', // 已受理, mediation not (yet) agreed to by both parties
  'mediation', // 调解中 (CRM 16–21)
  'notification', // 终止调解, both parties to be told within 7 WD (CRM 21)
  'closed',
]);
export type ComplaintStage = z.infer<typeof ComplaintStageSchema>;

/** Why a complaint is not accepted (CRM 15, with the materials of CRM 9–10). */
export const RejectionGroundSchema = z.enum([
  'outside_duties', // 不属于市场监督管理部门职责，或者本行政机关不具有处理权限 (CRM 15(1))
  'handled_elsewhere', // 法院、仲裁机构、其他行政机关、消费者协会或者调解组织已经受理或者处理 (CRM 15(2))
  'not_consumer_dispute', // 不是为生活消费需要，或者不能证明存在消费者权益争议 (CRM 15(3))
  'time_barred', // 知道或者应当知道权益受到侵害之日起超过三年 (CRM 15(4))
  'materials_missing', // 未提供第九条第一款和第十条规定的材料 (CRM 15(5))
]);
export type RejectionGround = z.infer<typeof RejectionGroundSchema>;

/** What the complainant is told (CRM 14–15). */
export const REJECTION_GROUND_TITLES: Record<RejectionGround, { zh: string; en: string }> = {
  outside_duties: { zh: '不属于本部门职责或处理权限', en: 'outside our duties or jurisdiction' },
  handled_elsewhere: {
    zh: '法院、仲裁机构、其他行政机关、消费者协会或调解组织已受理或处理',
    en: 'already handled by a court, arbitration, another agency, a consumer association or a mediator',
  },
  not_consumer_dispute: {
    zh: '不是为生活消费需要，或不能证明存在消费者权益争议',
    en: 'not for personal consumption, or no consumer dispute shown',
  },
  time_barred: {
    zh: '知道或应当知道权益受到侵害之日起超过三年',
    en: 'more than 3 years since the complainant knew of the harm',
  },
  materials_missing: { zh: '未提供规定的材料', en: 'the required materials are missing' },
};

const note = z.string().trim().min(2).max(4000);

export const DecideAcceptanceSchema = z
  .object({
    accept: z.boolean(),
    /** Required when not accepting. */
    ground: RejectionGroundSchema.optional(),
    /** Required when not accepting: what the complainant is told. */
    explanation: note.optional(),
  })
  .strict()
  .refine((d) => d.accept || d.ground !== undefined, {
    message: '不予受理须说明理由类别 / not accepting needs a ground',
    path: ['ground'],
  })
  .refine((d) => d.accept || d.explanation !== undefined, {
    message: '不予受理须说明理由 / not accepting needs an explanation',
    path: ['explanation'],
  })
  .refine((d) => !d.accept || d.ground === undefined, {
    message: '受理时不得填写不予受理理由 / no rejection ground when accepting',
    path: ['ground'],
  });
export type DecideAcceptance = z.infer<typeof DecideAcceptanceSchema>;

/** 移送管辖: the complaint belongs to another office (CRM 12–13, 36–37). */
export const TransferJurisdictionSchema = z
  .object({ toUnitId: z.string().trim().min(1).max(40), reason: note })
  .strict();
export type TransferJurisdiction = z.infer<typeof TransferJurisdictionSchema>;

/** Mediation needs both parties' consent (CRM 16–21); a missing consent is refused, not ignored. */
export const StartMediationSchema = z
  .object({ complainantConsents: z.boolean(), respondentConsents: z.boolean(), note: note.optional() })
  .strict();
export type StartMediation = z.infer<typeof StartMediationSchema>;

/** 检定、检验、检测、鉴定: their time is not counted in the mediation period (CRM 16–21). */
export const MediationPauseReasonSchema = z.enum([
  'verification', // 检定
  'inspection', // 检验
  'testing', // 检测
  'appraisal', // 鉴定
]);
export const PauseMediationSchema = z
  .object({ reason: MediationPauseReasonSchema, note: note.optional() })
  .strict();
export type PauseMediation = z.infer<typeof PauseMediationSchema>;

export const ResumeMediationSchema = z.object({ note: note.optional() }).strict();
export type ResumeMediation = z.infer<typeof ResumeMediationSchema>;

/** How mediation ended (CRM 16–21). */
export const MediationOutcomeSchema = z.enum([
  'agreement', // 达成调解协议
  'withdrawn', // 投诉人撤回投诉或者双方自行和解
  'refused', // 一方拒绝调解
  'no_show', // 无正当理由不参加调解
  'no_agreement', // 无法达成调解协议, or 45 WD ran out
]);
export type MediationOutcome = z.infer<typeof MediationOutcomeSchema>;

export const EndMediationSchema = z
  .object({ outcome: MediationOutcomeSchema, note: note.optional() })
  .strict();
export type EndMediation = z.infer<typeof EndMediationSchema>;

export const RecordPartiesNotifiedSchema = z
  .object({
    method: z.enum(['in_writing', 'in_person', 'phone', 'sms', 'email', 'online']),
    note: note.optional(),
  })
  .strict();
export type RecordPartiesNotified = z.infer<typeof RecordPartiesNotifiedSchema>;

/** A suspected violation found while handling the complaint becomes a clue (CRM 23). */
export const ReportViolationSchema = z.object({ summary: z.string().trim().min(5).max(4000) }).strict();
export type ReportViolation = z.infer<typeof ReportViolationSchema>;

/** Earlier submissions by the same submitter against the same respondent about the same subject. */
export const RepeatSchema = z.object({
  count: z.number().int(),
  earlier: z.array(
    z.object({
      submissionId: z.string(),
      receivedOn: z.string(),
      complaintNumber: z.string().nullable(),
      caseNumber: z.string().nullable(),
    }),
  ),
});
export type Repeat = z.infer<typeof RepeatSchema>;

/** What a complaint workflow starts with. */
export const ComplaintInputSchema = z.object({
  complaintNumber: z.string(),
  unitId: z.string(),
  /** The intake; the complainant's identity stays in its Person row. */
  submissionId: z.string(),
  channel: ChannelSchema,
  respondent: RespondentSchema,
  subject: z.string(),
  claim: z.string(),
  purchaseDate: IsoDateSchema.optional(),
  /** The day this office received it: the acceptance period starts after it (CRM 14). */
  receivedOn: IsoDateSchema,
  registeredBy: ActorSchema,
  warnBefore: z.array(z.number().int().positive()),
  /** The rule pack the reminders came from ("<id>@<version>"). */
  rulePack: z.string().optional(),
  repeat: RepeatSchema,
  /** A complaint another office transferred here. */
  transferredFrom: z.object({ number: z.string(), unitId: z.string() }).optional(),
  /** Steps a run writes before the complaint continues as new at its next stage (absent: when Temporal suggests it). */
  stepsPerRun: z.number().int().positive().optional(),
});
export type ComplaintInput = z.infer<typeof ComplaintInputSchema>;

export const ComplaintOutcomeSchema = z.union([
  z.literal('rejected'),
  z.literal('transferred'),
  MediationOutcomeSchema,
]);

const by = { by: z.string(), on: z.string() };

/** The complaint's facts as its workflow projects them to the Case row's `details` (no identity). */
export const ComplaintDetailsSchema = z.object({
  submissionId: z.string(),
  channel: ChannelSchema,
  claim: z.string(),
  purchaseDate: z.string().nullable(),
  repeat: RepeatSchema,
  acceptance: z
    .object({
      decision: z.enum(['accepted', 'rejected']),
      ground: RejectionGroundSchema.optional(),
      explanation: z.string().optional(),
      ...by,
    })
    .nullable(),
  transfer: z
    .object({ toUnitId: z.string(), reason: z.string(), toNumber: z.string().nullable(), ...by })
    .nullable(),
  transferredFrom: z.object({ number: z.string(), unitId: z.string() }).nullable(),
  mediation: z.object({
    status: z.enum(['not_started', 'in_progress', 'paused', 'ended']),
    startedOn: z.string().nullable(),
    endedOn: z.string().nullable(),
    outcome: MediationOutcomeSchema.nullable(),
    endedBy: z.string().nullable(),
    note: z.string().optional(),
  }),
  partiesNotified: z.object({ method: z.string(), note: z.string().optional(), ...by }).nullable(),
  /** Clues found while handling the complaint, each with the case it started (CRM 23). */
  violations: z.array(
    z.object({ n: z.number().int(), summary: z.string(), caseNumber: z.string().nullable(), ...by }),
  ),
  outcome: ComplaintOutcomeSchema.nullable(),
});
export type ComplaintDetails = z.infer<typeof ComplaintDetailsSchema>;

/** Live state of a complaint, as its workflow query returns it. */
export const ComplaintViewSchema = ComplaintDetailsSchema.extend({
  number: z.string(),
  unitId: z.string(),
  stage: ComplaintStageSchema,
  status: z.enum(['open', 'closed']),
  overdue: z.boolean(),
  respondent: RespondentSchema,
  subject: z.string(),
  receivedOn: z.string(),
  registeredBy: z.string(),
  clocks: z.array(ClockViewSchema),
});
export type ComplaintView = z.infer<typeof ComplaintViewSchema>;

export const ComplaintSummarySchema = z.object({
  number: z.string(),
  unitId: z.string(),
  stage: z.string(),
  status: z.string(),
  respondent: RespondentSchema,
  subject: z.string(),
  receivedOn: z.string(),
  overdue: z.boolean(),
  nextDueOn: z.string().nullable(),
  /** The projected facts (null if the row predates them). */
  details: ComplaintDetailsSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const ComplaintListQuerySchema = listQuerySchema(ComplaintStageSchema);

export const ComplaintListSchema = listPageSchema(ComplaintSummarySchema);

export const ComplaintDetailSchema = z.object({
  complaint: ComplaintSummarySchema,
  /** Live state from the workflow (null once it has completed or cannot be reached: then the projection). */
  live: ComplaintViewSchema.nullable(),
  deadlines: z.array(ClockViewSchema),
  tasks: z.array(TaskRowSchema),
});
