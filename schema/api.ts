// Request and response shapes of the HTTP API (besides the commands in case.ts). OpenAPI is generated from them.
import { z } from 'zod';
import {
  CaseSourceSchema,
  CaseStageSchema,
  CaseViewSchema,
  ClockViewSchema,
  RespondentSchema,
} from './case.js';
import { COMPLAINT_SERIES } from './complaint.js';
import { RoleSchema } from './roles.js';
import { listPageSchema, listQuerySchema, TaskRowSchema } from './common.js';

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

export const LoginSchema = z
  .object({ username: z.string().trim().min(1).max(100), password: z.string().min(1).max(200) })
  .strict();

export const ChangePasswordSchema = z
  .object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().min(1).max(200) })
  .strict();

export const SessionSchema = z.object({
  token: z.string(),
  expiresAt: z.string(),
  user: z.object({ id: z.string(), displayName: z.string(), roles: z.array(RoleSchema), unitId: z.string() }),
});

export const IdempotencyHeadersSchema = z.object({
  'idempotency-key': z
    .string()
    .min(8)
    .max(200)
    .regex(/^[\w.:-]+$/, '幂等键只能包含字母、数字和 . : _ - / letters, digits and . : _ - only')
    .optional()
    .describe('A retried request with the same key is applied once and returns the same result.'),
});

export const CaseNumberParamsSchema = z.object({ number: z.string().min(3).max(64) });

export const CaseSummarySchema = z.object({
  number: z.string(),
  unitId: z.string(),
  stage: z.string(),
  status: z.string(),
  source: CaseSourceSchema,
  respondent: RespondentSchema,
  summary: z.string(),
  discoveredOn: z.string(),
  overdue: z.boolean(),
  nextDueOn: z.string().nullable(),
  /** Set when the case's workflow has stopped while it is still open (terminated, failed …): see the README. */
  engineStatus: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const CaseListQuerySchema = listQuerySchema(CaseStageSchema);

export const CaseListSchema = listPageSchema(CaseSummarySchema);

export const RegisteredSchema = z.object({
  caseNumber: z.string(),
  workflowId: z.string(),
  reused: z.boolean(),
});

export const CaseDetailSchema = z.object({
  case: CaseSummarySchema,
  /** Live state from the workflow (null once the workflow has completed: then the projection is final). */
  live: CaseViewSchema.nullable(),
  deadlines: z.array(ClockViewSchema),
  tasks: z.array(TaskRowSchema),
});

export const AuditEntrySchema = z.object({
  seq: z.number(),
  at: z.string(),
  actorId: z.string(),
  action: z.string(),
  details: z.unknown(),
  prevHash: z.string(),
  hash: z.string(),
});

const ChainCheckSchema = z.object({
  ok: z.boolean(),
  entries: z.number(),
  brokenAt: z.number().optional(),
  reason: z.string().optional(),
});
export const AuditVerifySchema = ChainCheckSchema.extend({
  /** The documents register's own chain (issued versions with their PDFs' SHA-256, services, the archived file). */
  documents: ChainCheckSchema.optional(),
});

/** An entry of the documents register, as the audit trail shows it (never the PDF itself). */
export const DocumentEntryViewSchema = z.object({
  seq: z.number(),
  at: z.string(),
  actorId: z.string(),
  action: z.string(),
  documentId: z.string(),
  kind: z.string(),
  number: z.string().nullable(),
  version: z.number().nullable(),
  reason: z.string().nullable(),
  title: z.string(),
  sha256: z.string().nullable(),
  prevHash: z.string(),
  hash: z.string(),
});

export const NotificationSchema = z.object({
  key: z.string(),
  caseNumber: z.string().nullable(),
  kind: z.string(),
  recipients: z.array(z.string()),
  subject: z.string(),
  status: z.string(),
  attempts: z.number(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  /** A pending e-mail of the outbox: when it is next tried (after a failed attempt, the back-off). */
  nextAttemptAt: z.string().nullable(),
});

export const UserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  email: z.string(),
  roles: z.array(RoleSchema),
  unitId: z.string(),
  active: z.boolean(),
  lockedUntil: z.string().nullable(),
  /** 执法证号: a case officer takes part in investigation steps only with one (APL 42). */
  certificateNo: z.string().nullable(),
  /** 法律职业资格: may do legal review (APL 58). */
  legalQualified: z.boolean(),
});

/** 执法证号: the number of an officer's law-enforcement certificate; null when they hold none. */
const CertificateNoSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{4,40}$/, '执法证号 / certificate number')
  .nullable();

export const CreateUserSchema = z
  .object({
    username: z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9._-]{2,39}$/,
        '3–40 个小写字母、数字或 . _ - / 3–40 lower-case letters, digits, . _ -',
      ),
    displayName: z.string().trim().min(1).max(100),
    email: z.email(),
    roles: z.array(RoleSchema).min(1),
    unitId: z.string().min(1),
    password: z.string().min(1).max(200),
    certificateNo: CertificateNoSchema.optional(),
    legalQualified: z.boolean().optional(),
  })
  .strict();

export const UpdateUserSchema = z
  .object({
    displayName: z.string().trim().min(1).max(100).optional(),
    email: z.email().optional(),
    roles: z.array(RoleSchema).min(1).optional(),
    unitId: z.string().min(1).optional(),
    active: z.boolean().optional(),
    certificateNo: CertificateNoSchema.optional(),
    legalQualified: z.boolean().optional(),
  })
  .strict()
  .refine((u) => Object.keys(u).length > 0, { message: '没有要修改的内容 / nothing to change' });

export const UnitSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
});

export const CreateUnitSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/),
    code: z
      .string()
      .regex(/^[A-Z0-9][A-Z0-9-]{1,19}$/, '单位代码：大写字母、数字、- / upper-case letters, digits, -')
      // Complaint numbers are "<unit code>-TS-<year>-…": a unit code ending in it would repeat another unit's.
      .refine((c) => !c.endsWith(`-${COMPLAINT_SERIES}`), {
        message: `单位代码不能以 -${COMPLAINT_SERIES} 结尾 / a unit code cannot end in -${COMPLAINT_SERIES}`,
      }),
    name: z.string().trim().min(2).max(100),
    parentId: z.string().min(1),
  })
  .strict();
