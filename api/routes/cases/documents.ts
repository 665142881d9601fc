// Enforcement documents (执法文书): list what a case has issued and may issue, issue one, correct it (a new
// version), record its service, download it (PDF, the printable original; .docx to edit before signature), and
// the case file (案卷) as one PDF. Who may read: whoever sees the case; who may issue: its unit's officers, legal
// reviewers and heads.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { documentDocx as platformDocx } from '../../../platform/documents/docx.js';
import { FontsMissingError } from '../../../platform/documents/pdf.js';
import { CaseNumberParamsSchema, ProblemSchema } from '../../../schema/api.js';
import {
  DocumentKindSchema,
  DocumentListSchema,
  IssueDocumentSchema,
  ReissueDocumentSchema,
  ServeDocumentSchema,
} from '../../../schema/document.js';
import { AppError } from '../../../schema/errors.js';
import type { Actor } from '../../../schema/roles.js';
import { documentId } from '../../../domain/documents/catalogue.js';
import {
  caseFile,
  documentVersion,
  issueDocument,
  listDocuments,
  reissueDocument,
  serveDocument,
} from '../../../services/documents/register.js';
import { requireRole } from '../../auth/sessions.js';
import type { ApiDeps } from '../../server.js';
import { visibleMatter } from '../../services/matters.js';

const ISSUERS = ['case_officer', 'legal_reviewer', 'agency_head'] as const;
const DocParams = CaseNumberParamsSchema.extend({
  kind: DocumentKindSchema,
  step: z.coerce.number().int().min(1).max(1_000_000),
});
const VersionQuery = z.object({ version: z.coerce.number().int().min(1).max(1_000).optional() }).strict();
const IssuedSchema = z.object({
  id: z.string(),
  kind: DocumentKindSchema,
  number: z.string(),
  version: z.number(),
  sha256: z.string(),
});
const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const writeErrors = { ...errors, 409: ProblemSchema, 503: ProblemSchema };

/** Fonts missing on the server: said plainly (503), not a stack trace. */
async function rendering<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof FontsMissingError) throw new AppError('DOCUMENT_FONTS_MISSING', [], err.message);
    throw err;
  }
}

const asciiName = (s: string) => encodeURIComponent(s);

export function documentRoutes(app: FastifyInstance, { db }: ApiDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  /** The case, for a user who may issue its documents (its own unit). */
  async function issuable(actor: Actor, number: string) {
    requireRole(actor, ...ISSUERS);
    const c = await visibleMatter(db, actor, number, 'case');
    if (c.unitId !== actor.unitId) throw new AppError('FORBIDDEN_UNIT');
    return c;
  }

  r.get(
    '/api/cases/:number/documents',
    {
      schema: {
        tags: ['documents'],
        summary:
          '执法文书 The case’s documents: issued ones with versions and services, and what may be issued now',
        params: CaseNumberParamsSchema,
        response: { 200: DocumentListSchema, ...errors },
      },
    },
    async (req) => {
      const c = await visibleMatter(db, await req.actor(), req.params.number, 'case');
      return listDocuments(db, c.number);
    },
  );

  r.post(
    '/api/cases/:number/documents',
    {
      schema: {
        tags: ['documents'],
        summary: '制作文书 Issue a document for a step the case has reached (numbered once)',
        params: CaseNumberParamsSchema,
        body: IssueDocumentSchema,
        response: { 201: IssuedSchema, ...writeErrors },
      },
    },
    async (req, reply) => {
      const actor = await req.actor();
      const c = await issuable(actor, req.params.number);
      const issued = await rendering(() => issueDocument(db, actor, c.number, req.body));
      return reply.code(201).send(issued);
    },
  );

  r.post(
    '/api/cases/:number/documents/:kind/:step/versions',
    {
      schema: {
        tags: ['documents'],
        summary: '更正文书 Correct an issued document: a new version with the reason (the number stays)',
        params: DocParams,
        body: ReissueDocumentSchema,
        response: { 201: IssuedSchema, ...writeErrors },
      },
    },
    async (req, reply) => {
      const actor = await req.actor();
      const c = await issuable(actor, req.params.number);
      const id = documentId(c.number, req.params.kind, req.params.step);
      const issued = await rendering(() => reissueDocument(db, actor, c.number, id, req.body.reason));
      return reply.code(201).send(issued);
    },
  );

  r.post(
    '/api/cases/:number/documents/:kind/:step/services',
    {
      schema: {
        tags: ['documents'],
        summary:
          '送达 Record the service of a document the procedure does not serve itself (method, time, receiver)',
        params: DocParams,
        body: ServeDocumentSchema,
        response: { 201: z.object({ seq: z.number() }), ...writeErrors },
      },
    },
    async (req, reply) => {
      const actor = await req.actor();
      const c = await issuable(actor, req.params.number);
      const id = documentId(c.number, req.params.kind, req.params.step);
      return reply.code(201).send(await serveDocument(db, actor, c.number, id, req.body));
    },
  );

  for (const format of ['pdf', 'docx'] as const)
    r.get(
      `/api/cases/:number/documents/:kind/:step/${format}`,
      {
        schema: {
          tags: ['documents'],
          summary:
            format === 'pdf'
              ? '下载文书 (PDF) The printable original of a version (by default the latest)'
              : '下载文书 (.docx) A version to edit before signature',
          params: DocParams,
          querystring: VersionQuery,
          produces: [
            format === 'pdf'
              ? 'application/pdf'
              : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
            'application/problem+json',
          ],
          response: { 200: z.any().meta({ type: 'string', format: 'binary' }), ...errors },
        },
      },
      async (req, reply) => {
        const c = await visibleMatter(db, await req.actor(), req.params.number, 'case');
        const v = await documentVersion(
          db,
          c.number,
          documentId(c.number, req.params.kind, req.params.step),
          req.query.version,
        );
        const name = `${v.title}-${v.number}-v${v.version}.${format}`;
        reply
          .header('content-disposition', `attachment; filename*=UTF-8''${asciiName(name)}`)
          .header('x-content-sha256', format === 'pdf' ? v.sha256! : '');
        if (format === 'pdf') return reply.type('application/pdf').send(v.pdf);
        return reply
          .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
          .send(await platformDocx(v.content));
      },
    );

  r.get(
    '/api/cases/:number/case-file',
    {
      schema: {
        tags: ['documents'],
        summary: '案卷 The case file as one PDF: cover, contents, every document in order, the evidence list',
        params: CaseNumberParamsSchema,
        produces: ['application/pdf', 'application/problem+json'],
        response: { 200: z.any().meta({ type: 'string', format: 'binary' }), ...errors, 503: ProblemSchema },
      },
    },
    async (req, reply) => {
      const c = await visibleMatter(db, await req.actor(), req.params.number, 'case');
      const file = await rendering(() => caseFile(db, c.number));
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename*=UTF-8''${asciiName(`案卷-${c.number}.pdf`)}`)
        .header('x-content-sha256', file.sha256)
        .header('x-archived', String(file.archived))
        .send(file.pdf);
    },
  );
}
