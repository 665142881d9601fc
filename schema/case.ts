// Commands and views of a case. These zod schemas are the single source of truth for the API's request and
// response types and for the arguments of workflow updates.
import { z } from 'zod';
import { isValidUscc } from './values/uscc.js';
import { IsoDateSchema } from './common.js';
import { InvestigationViewSchema } from './investigation.js';
import { ProceedingsViewSchema } from './decision.js';
import { ExecutionViewSchema } from './execution.js';
import { ActorSchema } from './roles.js';
import { ResolvedRulePackSchema } from './rule-pack.js';
import { CalendarDataSchema } from './calendar.js';

export { IsoDateSchema };

/** Where a clue came from (docs/rules.md, case sources). */
export const CaseSourceSchema = z.enum([
  'own_inspection', // 自行检查
  'random_check', // 双随机抽查
  'complaint_report', // 投诉举报
  'transfer', // 其他部门移送
  'assignment', // 上级交办
  'media', // 媒体曝光
  'monitoring', // 电子监测
]);
export type CaseSource = z.infer<typeof CaseSourceSchema>;

/** 统一社会信用代码 (GB 32100-2015), checksum-validated. */
export const Uscc = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isValidUscc, { message: '统一社会信用代码无效 / invalid unified social credit code' });

export const RespondentSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('organisation'),
      name: z.string().trim().min(2).max(200),
      uscc: Uscc.optional(),
      address: z.string().trim().max(300).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('natural_person'),
      name: z.string().trim().min(1).max(100),
      address: z.string().trim().max(300).optional(),
    })
    .strict(),
  z
    .object({
      /** 个体工商户: registered with a credit code, but its thresholds are a natural person's unless the rule pack
       * says otherwise. */
      kind: z.literal('individual_business'),
      /** The registered trade name (字号), or the operator's name where it has none. */
      name: z.string().trim().min(1).max(200),
      /** The operator (经营者). */
      operator: z.string().trim().min(1).max(100).optional(),
      uscc: Uscc.optional(),
      address: z.string().trim().max(300).optional(),
    })
    .strict(),
]);
export type Respondent = z.infer<typeof RespondentSchema>;

export const RegisterClueSchema = z
  .object({
    source: CaseSourceSchema,
    respondent: RespondentSchema,
    summary: z.string().trim().min(5).max(4000),
    /** The day the clue was discovered or the materials received: the filing period starts after it. */
    discoveredOn: IsoDateSchema,
    /** The day the violation was committed or, if it continued, ended: the limitation period runs from it
     * (APL 36). Unknown at registration is allowed; the head then decides filing without the check. */
    violationEndedOn: IsoDateSchema.optional(),
    /** The violation harmed life, health or financial safety: the limitation period is 5 years, not 2. */
    seriousHarm: z.boolean().optional(),
  })
  .strict()
  .refine((c) => !c.violationEndedOn || c.violationEndedOn <= c.discoveredOn, {
    message: '违法行为终了日不能晚于发现日 / the violation cannot end after it was discovered',
    path: ['violationEndedOn'],
  });
export type RegisterClue = z.infer<typeof RegisterClueSchema>;

/** Why a clue is not filed; the exemption grounds cite an item of a list in the case's rule pack (APL 33). */
export const DeclineGroundSchema = z.enum([
  'no_violation', // 违法事实不成立
  'insufficient_evidence', // 证据不足
  'limitation_expired', // 超过追责时效 (APL 36)
  'no_jurisdiction', // 不属于本部门管辖
  'minor_corrected', // 轻微并及时改正，没有造成危害后果：不予处罚 (APL 33 ¶1)
  'first_violation', // 初次违法且危害后果轻微并及时改正：可以不予处罚 (APL 33 ¶1, 首违不罚)
  'no_fault', // 当事人有证据足以证明没有主观过错 (APL 33 ¶2)
  'other',
]);
export type DeclineGround = z.infer<typeof DeclineGroundSchema>;

export const DecideFilingSchema = z
  .object({
    decision: z.enum(['file', 'decline']),
    reasons: z.string().trim().min(2).max(4000),
    /** Required when declining. */
    ground: DeclineGroundSchema.optional(),
    /** Required for the grounds minor_corrected and first_violation: the list item that applies. */
    exemption: z
      .object({ listId: z.string().min(1).max(40), itemId: z.string().min(1).max(40) })
      .strict()
      .optional(),
    /** Filing a clue whose limitation period has expired needs the head's written reason (APL 36). */
    limitationOverride: z.string().trim().min(2).max(4000).optional(),
  })
  .strict()
  .refine((d) => d.decision === 'file' || d.ground !== undefined, {
    message: '不予立案须说明理由类别 / declining needs a ground',
    path: ['ground'],
  })
  .refine(
    (d) =>
      d.decision === 'file' ||
      !(d.ground === 'minor_corrected' || d.ground === 'first_violation') ||
      d.exemption !== undefined,
    { message: '须引用免罚清单条目 / cite the exemption-list item', path: ['exemption'] },
  );
export type DecideFiling = z.infer<typeof DecideFilingSchema>;

export const ExtendFilingSchema = z.object({ reason: z.string().trim().min(2).max(4000) }).strict();
export type ExtendFiling = z.infer<typeof ExtendFilingSchema>;

export const CaseStageSchema = z.enum([
  'filing', // 核查立案
  'investigation', // 调查取证
  'review', // 案件审核、法制审核
  'notice', // 告知：陈述申辩、听证申请
  'hearing', // 听证
  'decision', // 决定
  'service', // 送达
  'served', // 已送达：执行、救济、公示
  // 'closed' (结案): a decided case stays open to what follows its closure (publicity, repair, remedies, reward)
  'closed',
]);
export type CaseStage = z.infer<typeof CaseStageSchema>;

/** What a workflow starts with. */
export const CaseInputSchema = z.object({
  caseNumber: z.string(),
  unitId: z.string(),
  clue: RegisterClueSchema,
  registeredBy: ActorSchema,
  /** Warning offsets (WD before due) for this case's clocks. */
  warnBefore: z.array(z.number().int().positive()),
  /** The rule pack the case runs under (absent in cases started before rule packs: national@1). */
  rulePack: ResolvedRulePackSchema.optional(),
  /** A case from a report (举报): a reference to the confidential reporter, never the identity itself. */
  report: z.object({ submissionId: z.string(), realName: z.boolean(), hasEmail: z.boolean() }).optional(),
  /** The calendar as it was when the case was registered (its first year and five after): the first phase counts
   * with it instead of loading it with an activity. Absent in cases registered before it was given, and in cases
   * started by another matter's workflow: the first phase loads it. */
  calendar: CalendarDataSchema.optional(),
  /** Steps a phase's workflow run writes before it continues as new (absent: when Temporal suggests it). */
  stepsPerRun: z.number().int().positive().optional(),
  /** The case's data budget (absent: CASE_DATA_BUDGET_BYTES, domain/case/limits.ts); smaller in tests. */
  dataBudgetBytes: z.number().int().positive().optional(),
});
export type CaseInput = z.infer<typeof CaseInputSchema>;

export const ClockViewSchema = z.object({
  name: z.string(),
  title: z.object({ zh: z.string(), en: z.string() }),
  rule: z.string(),
  unit: z.enum(['WD', 'CD', 'M', 'H']),
  length: z.number(),
  startedOn: z.string(),
  status: z.enum(['running', 'paused', 'overdue', 'stopped']),
  dueOn: z.string().nullable(),
  dueAt: z.string().nullable(),
  remaining: z.number(),
  provisional: z.boolean(),
  pauses: z.array(
    z.object({ from: z.string(), to: z.string().optional(), reason: z.string(), approvedBy: z.string() }),
  ),
  extensions: z.array(
    z.object({ days: z.number(), on: z.string(), approvedBy: z.string(), basis: z.string() }),
  ),
  explanation: z.array(z.string()),
});
export type ClockView = z.infer<typeof ClockViewSchema>;

/** How a case ended (so far, part 1 of the lifecycle). */
export const CaseOutcomeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('not_filed'), ground: DeclineGroundSchema.optional(), on: z.string() }),
  z.object({ kind: z.literal('terminated'), ground: z.string(), on: z.string() }),
  z.object({
    kind: z.literal('simplified_penalty'),
    formNumber: z.string(),
    penalty: z.object({ kind: z.enum(['warning', 'fine']), amount: z.number().optional() }),
    /** On-the-spot penalties are never published (PUB 2). */
    publish: z.literal(false),
    on: z.string(),
  }),
  z.object({ kind: z.literal('transferred_to_police'), on: z.string() }),
  /** Closed (结案) after a served decision: carried out, enforced by the court, or annulled. */
  z.object({
    kind: z.literal('decided'),
    documentNumber: z.string(),
    annulled: z.boolean(),
    on: z.string(),
  }),
]);
export type CaseOutcome = z.infer<typeof CaseOutcomeSchema>;

/** Live state of a case, as its workflow query returns it. */
export const CaseViewSchema = z.object({
  number: z.string(),
  unitId: z.string(),
  stage: CaseStageSchema,
  status: z.enum(['open', 'closed']),
  overdue: z.boolean(),
  source: CaseSourceSchema,
  respondent: RespondentSchema,
  summary: z.string(),
  discoveredOn: z.string(),
  registeredBy: z.string(),
  rulePack: z.string(),
  filing: z.object({
    extensions: z.number(),
    decision: z
      .object({
        decision: z.enum(['file', 'decline']),
        reasons: z.string(),
        ground: DeclineGroundSchema.optional(),
        exemption: z.object({ listId: z.string(), itemId: z.string() }).optional(),
        limitationOverride: z.string().optional(),
        by: z.string(),
        on: z.string(),
      })
      .nullable(),
    limitation: z
      .object({ expiresOn: z.string(), years: z.number(), expired: z.boolean(), rule: z.string() })
      .nullable()
      .optional(),
  }),
  investigation: InvestigationViewSchema,
  /** For a case from a report: whether and when the real-name reporter was told (CRM 31–32). */
  report: z
    .object({
      submissionId: z.string(),
      realName: z.boolean(),
      feedback: z.object({ on: z.string(), by: z.string(), channel: z.string() }).nullable(),
    })
    .nullable(),
  /** From the hand-over to review on: the review gates, notice and defence, hearing, decision and service. */
  proceedings: ProceedingsViewSchema.nullable(),
  /** From the served decision on: payment and enforcement, remedies, publicity, credit repair, closure, reward. */
  execution: ExecutionViewSchema.nullable(),
  outcome: CaseOutcomeSchema.nullable(),
  clocks: z.array(ClockViewSchema),
});
export type CaseView = z.infer<typeof CaseViewSchema>;

/** The intake office told a real-name reporter what became of the report (CRM 31–32). */
export const ReportFeedbackSchema = z
  .object({ channel: z.enum(['phone', 'letter', 'in_person']), note: z.string().trim().min(2).max(2000) })
  .strict();
