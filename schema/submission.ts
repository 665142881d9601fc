// Intake of complaints (投诉) and reports (举报) (docs/rules.md, 市场监督管理投诉举报处理暂行办法 CRM): the request,
// its answer, and the confidential submitter identity. The identity goes only to the Person row; workflows,
// views, audit entries and staff e-mails carry the submission id instead (CRM 33).
import { z } from 'zod';
import { RespondentSchema } from './case.js';
import { IsoDateSchema } from './common.js';

/** A complaint (consumer dispute, mediation), a report (violation clue), or both, split into both tracks (CRM 7). */
export const SubmissionKindSchema = z.enum(['complaint', 'report', 'mixed']);
export type SubmissionKind = z.infer<typeof SubmissionKindSchema>;

export const ChannelSchema = z.enum([
  '12315', // 全国12315平台
  'walk_in', // 来访
  'phone', // 电话
  'letter', // 信函
  'online', // 其他网络渠道
]);
export type Channel = z.infer<typeof ChannelSchema>;

const text = (min: number, max: number, zh: string, en: string) =>
  z
    .string()
    .trim()
    .min(min, { message: `${zh}至少 ${min} 个字 / ${en}: at least ${min} characters` })
    .max(max, { message: `${zh}最多 ${max} 个字 / ${en}: at most ${max} characters` });

/** Who complains or reports. Confidential: stored in the Person row only. */
export const SubmitterSchema = z
  .object({
    name: text(1, 100, '姓名', 'name'),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9][0-9 ()-]{4,29}$/, { message: '电话号码无效 / invalid phone number' })
      .optional(),
    email: z.email({ message: '电子邮箱无效 / invalid e-mail address' }).optional(),
    /** 身份证件号码 (or another identity document's number). */
    idNumber: z
      .string()
      .trim()
      .regex(/^[0-9A-Za-z]{6,30}$/, { message: '证件号码无效 / invalid identity document number' })
      .optional(),
    address: text(2, 300, '地址', 'address').optional(),
    /** 实名: a real-name reporter is told the filing decision (CRM 29, 31–32). */
    realName: z.boolean(),
  })
  .strict();
export type Submitter = z.infer<typeof SubmitterSchema>;

export const CreateSubmissionSchema = z
  .object({
    kind: SubmissionKindSchema,
    channel: ChannelSchema,
    submitter: SubmitterSchema,
    respondent: RespondentSchema,
    /** The product or service concerned. */
    subject: text(2, 200, '投诉举报事项', 'subject'),
    /** What the complainant asks for (complaints and mixed submissions). */
    claim: text(2, 4000, '投诉请求', 'claim').optional(),
    /** The suspected violation (reports and mixed submissions): the case's clue. */
    allegation: text(5, 4000, '举报内容', 'allegation').optional(),
    purchaseDate: IsoDateSchema.optional(),
    /** The day the submission was received: the 7-WD acceptance period starts after it (CRM 14). */
    receivedOn: IsoDateSchema,
  })
  .strict()
  .refine((s) => s.kind === 'report' || s.claim !== undefined, {
    message: '投诉须写明投诉请求 / a complaint needs the claim',
    path: ['claim'],
  })
  .refine((s) => s.kind === 'complaint' || s.allegation !== undefined, {
    message: '举报须写明涉嫌违法行为 / a report needs the allegation',
    path: ['allegation'],
  })
  .refine((s) => !s.purchaseDate || s.purchaseDate <= s.receivedOn, {
    message: '购买日期不能晚于收到日期 / the purchase cannot be after the submission was received',
    path: ['purchaseDate'],
  });
export type CreateSubmission = z.infer<typeof CreateSubmissionSchema>;

export const SubmissionCreatedSchema = z.object({
  submissionId: z.string(),
  /** The complaint workflow's number (complaints and mixed submissions). */
  complaintNumber: z.string().optional(),
  /** The case started from the report (reports and mixed submissions). */
  caseNumber: z.string().optional(),
  /** Earlier submissions by the same submitter against the same respondent about the same subject, earliest
   * first: linked and flagged to the handler, never rejected. */
  repeatOf: z.array(z.string()),
});

export const SubmissionIdParamsSchema = z.object({ id: z.string().min(3).max(64) });

export const SubmitterReadQuerySchema = z
  .object({
    /** Why the identity is needed (logged with the read, CRM 33). */
    purpose: text(2, 500, '查阅目的', 'purpose'),
  })
  .strict();

export const SubmitterViewSchema = z.object({
  submissionId: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  idNumber: z.string().nullable(),
  address: z.string().nullable(),
  realName: z.boolean(),
});
