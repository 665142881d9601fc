// Commands and views of a case. These zod schemas are the single source of truth for the API's request and
// response types and for the arguments of workflow updates.
import { z } from 'zod';
import { isIsoDate } from '../domain/calendar/dates.js';
import { isValidUscc } from '../domain/party/uscc.js';
import { ActorSchema } from './roles.js';

export const IsoDateSchema = z
  .string()
  .refine(isIsoDate, { message: '日期格式应为 YYYY-MM-DD / a date as YYYY-MM-DD' })
  .meta({ format: 'date', example: '2026-11-20' });

/** Where a clue came from (RULES.md §2, case sources). */
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

export const RespondentSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('organisation'),
      name: z.string().trim().min(2).max(200),
      /** 统一社会信用代码 (GB 32100-2015), checksum-validated. */
      uscc: z
        .string()
        .trim()
        .toUpperCase()
        .refine(isValidUscc, { message: '统一社会信用代码无效 / invalid unified social credit code' })
        .optional(),
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
]);
export type Respondent = z.infer<typeof RespondentSchema>;

export const RegisterClueSchema = z
  .object({
    source: CaseSourceSchema,
    respondent: RespondentSchema,
    summary: z.string().trim().min(5).max(4000),
    /** The day the clue was discovered or the materials received: the filing period starts after it. */
    discoveredOn: IsoDateSchema,
  })
  .strict();
export type RegisterClue = z.infer<typeof RegisterClueSchema>;

export const DecideFilingSchema = z
  .object({
    decision: z.enum(['file', 'decline']),
    reasons: z.string().trim().min(2).max(4000),
  })
  .strict();
export type DecideFiling = z.infer<typeof DecideFilingSchema>;

export const ExtendFilingSchema = z.object({ reason: z.string().trim().min(2).max(4000) }).strict();
export type ExtendFiling = z.infer<typeof ExtendFilingSchema>;

export const CaseStageSchema = z.enum(['filing', 'investigation', 'closed']);
export type CaseStage = z.infer<typeof CaseStageSchema>;

/** What a workflow starts with. */
export const CaseInputSchema = z.object({
  caseNumber: z.string(),
  unitId: z.string(),
  clue: RegisterClueSchema,
  registeredBy: ActorSchema,
  /** Warning offsets (WD before due) for this case's clocks. */
  warnBefore: z.array(z.number().int().positive()),
});
export type CaseInput = z.infer<typeof CaseInputSchema>;

export const ClockViewSchema = z.object({
  name: z.string(),
  title: z.object({ zh: z.string(), en: z.string() }),
  rule: z.string(),
  unit: z.enum(['WD', 'CD']),
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
  filing: z.object({
    extensions: z.number(),
    decision: z
      .object({ decision: z.enum(['file', 'decline']), reasons: z.string(), by: z.string(), on: z.string() })
      .nullable(),
  }),
  clocks: z.array(ClockViewSchema),
});
export type CaseView = z.infer<typeof CaseViewSchema>;
