// Enforcement documents (执法文书): the structured document every renderer lays out (PDF for printing, .docx for
// editing before signature, the redacted public text), the API's requests and the register's entries.
import { z } from 'zod';
import { ServiceMethodSchema } from './decision.js';

/** The kinds of document, in the order a case reaches them (and the case file lists them). */
export const DOCUMENT_KINDS = [
  'case_source_register', // 案件来源登记表
  'filing_approval', // 立案审批表
  'no_filing_approval', // 不予立案审批表
  'on_the_spot_decision', // 当场行政处罚决定书
  'preservation_notice', // 先行登记保存证据通知书
  'seizure_decision', // 实施行政强制措施决定书（查封/扣押）
  'seizure_extension', // 延长行政强制措施期限决定书
  'seizure_release', // 解除行政强制措施决定书
  'testing_commission', // 检测（检验）委托书
  'testing_period_notice', // 检测（检验）期间告知书
  'transfer_to_police', // 涉嫌犯罪案件移送书
  'investigation_report', // 案件调查终结报告
  'case_review_form', // 案件审核表
  'legal_review_opinion', // 法制审核意见书
  'penalty_notice', // 行政处罚告知书
  'hearing_notice', // 听证通知书
  'hearing_record', // 听证笔录
  'hearing_report', // 听证报告
  'collective_discussion', // 集体讨论记录
  'penalty_decision', // 行政处罚决定书
  'no_penalty_decision', // 不予行政处罚决定书
  'service_receipt', // 送达回证
  'payment_arrangement_notice', // 延期（分期）缴纳罚款通知书
  'payment_demand', // 行政处罚决定履行催告书
  'enforcement_application', // 强制执行申请书
  'credit_repair_notice', // 信用修复告知书
  'closure_approval', // 结案审批表
] as const;
export const DocumentKindSchema = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof DocumentKindSchema>;

const text = (max: number) => z.string().max(max);

/** One block of a document's body. Every list and text has a limit: a document is at most a few pages. */
export const DocumentBlockSchema = z.discriminatedUnion('type', [
  /** A paragraph of running text (indented two characters). */
  z.object({ type: z.literal('para'), text: text(20_000) }),
  /** A heading inside the body (一、二、…). */
  z.object({ type: z.literal('heading'), text: text(200) }),
  /** A form's rows: a label and its value (审批表, 登记表). */
  z.object({
    type: z.literal('fields'),
    rows: z.array(z.tuple([text(100), text(8_000)])).max(60),
  }),
  /** A table with a header row (evidence lists, instalments, items). */
  z.object({
    type: z.literal('table'),
    head: z.array(text(100)).max(10),
    rows: z.array(z.array(text(2_000)).max(10)).max(500),
  }),
  /** An opinion box of a form: who gives it, the opinion, the signature line and date. */
  z.object({
    type: z.literal('opinion'),
    label: text(100),
    text: text(8_000),
    signer: text(200).optional(),
    date: text(20).optional(),
  }),
]);
export type DocumentBlock = z.infer<typeof DocumentBlockSchema>;

/** A document as rendered: what its PDF, its .docx and (for a decision) its public text are made of. */
export const DocumentBodySchema = z.object({
  kind: DocumentKindSchema,
  /** The issuing authority (the unit's full name). */
  authority: text(200),
  title: text(100),
  /** 文书编号. */
  number: text(100),
  /** To whom (当事人 or the body addressed), shown above the body. */
  addressee: text(500).optional(),
  blocks: z.array(DocumentBlockSchema).max(200),
  /** The day of the step the document records (YYYY-MM-DD): its date in the case file's contents. */
  recordedOn: text(10).optional(),
  /** The seal line at the end: the authority and the date (YYYY-MM-DD). */
  signedOn: text(10).optional(),
  /** Notes below the seal (rights notice, contact). */
  notes: z.array(text(2_000)).max(10).default([]),
});
export type DocumentBody = z.infer<typeof DocumentBodySchema>;

export const DocumentIdParamsSchema = z.object({
  number: z.string().min(1).max(64),
  documentId: z.string().min(1).max(200),
});

/** Issue a document of a kind for a step of the case (by default the latest step that calls for it). */
export const IssueDocumentSchema = z
  .object({
    kind: DocumentKindSchema,
    /** The step (audit sequence number) the document records; by default the latest one that calls for it. */
    step: z.number().int().min(1).max(1_000_000).optional(),
  })
  .strict();
export type IssueDocument = z.infer<typeof IssueDocumentSchema>;

/** A correction: a new version of an issued document, with its reason. */
export const ReissueDocumentSchema = z
  .object({ reason: z.string().trim().min(2, '请说明更正理由 / give the reason').max(1_000) })
  .strict();

/** The service of a document (送达): how, when and to whom. */
export const ServeDocumentSchema = z
  .object({
    method: ServiceMethodSchema,
    servedAt: z.iso.datetime({ offset: true }),
    receiver: z.string().trim().min(1).max(200),
    note: z.string().trim().max(1_000).optional(),
  })
  .strict();
export type ServeDocument = z.infer<typeof ServeDocumentSchema>;

export const DocumentVersionSchema = z.object({
  version: z.number(),
  issuedAt: z.string(),
  issuedBy: z.string(),
  reason: z.string().nullable(),
  sha256: z.string(),
});

export const DocumentServiceSchema = z.object({
  method: z.string(),
  at: z.string(),
  receiver: z.string(),
  /** Where it is recorded: the case's audit trail (a step of the procedure) or the documents register. */
  source: z.enum(['audit', 'register']),
  seq: z.number(),
});

export const DocumentSummarySchema = z.object({
  id: z.string(),
  kind: DocumentKindSchema,
  title: z.string(),
  number: z.string(),
  step: z.number(),
  versions: z.array(DocumentVersionSchema),
  services: z.array(DocumentServiceSchema),
});

export const AvailableDocumentSchema = z.object({
  kind: DocumentKindSchema,
  title: z.string(),
  step: z.number(),
  issued: z.boolean(),
});

export const DocumentListSchema = z.object({
  items: z.array(DocumentSummarySchema),
  /** What the case has reached and may be issued now (or has been). */
  available: z.array(AvailableDocumentSchema),
  /** The case file archived at closure, if it has been. */
  archivedCaseFile: z.object({ at: z.string(), sha256: z.string() }).nullable(),
});
