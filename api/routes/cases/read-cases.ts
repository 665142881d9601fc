// Reads: lists from the PostgreSQL projection, a case page with the workflow's live state, its audit trail.
import { seesRepeatLinks } from '../complaints.js';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { verifyChain } from '../../../services/audit-hash.js';
import { verifyDocumentChain } from '../../../services/documents/register.js';
import {
  AuditEntrySchema,
  AuditVerifySchema,
  CaseDetailSchema,
  DocumentEntryViewSchema,
  CaseListQuerySchema,
  CaseListSchema,
  CaseNumberParamsSchema,
  ProblemSchema,
} from '../../../schema/api.js';
import { caseViewQuery } from '../../../workflows/case/messages.js';
import { ProposalSchema, ReviewPackageSchema } from '../../../schema/decision.js';
import { chinaDateOf } from '../../../schema/values/dates.js';
import { AppError } from '../../errors.js';
import { flagStoppedMatters } from '../../../services/engine-health.js';
import type { ApiDeps } from '../../server.js';
import { listMatters, matterPage, visibleMatter, type MatterRow } from '../../services/matters.js';

export function caseSummary(c: MatterRow) {
  return {
    number: c.number,
    unitId: c.unitId,
    stage: c.stage,
    status: c.status,
    source: c.source,
    respondent: c.respondent,
    summary: c.summary,
    discoveredOn: c.discoveredOn,
    overdue: c.overdue,
    nextDueOn: c.nextDueOn,
    engineStatus: c.engineStatus,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  } as z.infer<typeof CaseDetailSchema>['case'];
}

export function readCaseRoutes(app: FastifyInstance, { db, temporal }: ApiDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const errors = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };

  r.get(
    '/api/cases',
    {
      schema: {
        tags: ['cases'],
        summary: '案件列表 Cases of my units',
        querystring: CaseListQuerySchema,
        response: { 200: CaseListSchema, 400: ProblemSchema, ...errors },
      },
    },
    async (req) => {
      const actor = await req.actor();
      // Asked for stopped cases: look for them now (one visibility query), not only at the periodic check.
      if (req.query.engine === 'stopped')
        await flagStoppedMatters(db, temporal).catch((err: unknown) =>
          req.log.warn({ err }, 'stopped-workflow check failed'),
        );
      const { rows, ...page } = await listMatters(db, actor, 'case', req.query);
      return { items: rows.map(caseSummary), ...page };
    },
  );

  r.get(
    '/api/cases/:number',
    {
      schema: {
        tags: ['cases'],
        summary: '案件详情 A case: projection, live state, deadlines and tasks',
        params: CaseNumberParamsSchema,
        response: { 200: CaseDetailSchema, ...errors },
      },
    },
    async (req) => {
      const c = await visibleMatter(db, await req.actor(), req.params.number, 'case');
      return { case: caseSummary(c), ...(await matterPage(db, temporal, c, caseViewQuery)) };
    },
  );

  r.get(
    '/api/cases/:number/audit',
    {
      schema: {
        tags: ['audit'],
        summary: '审计记录 The case’s audit trail',
        params: CaseNumberParamsSchema,
        response: {
          200: z.object({ items: z.array(AuditEntrySchema), documents: z.array(DocumentEntryViewSchema) }),
          ...errors,
        },
      },
    },
    async (req) => {
      const actor = await req.actor();
      const c = await visibleMatter(db, actor, req.params.number);
      const [rows, documents] = await Promise.all([
        db.auditEntry.findMany({ where: { caseNumber: c.number }, orderBy: { seq: 'asc' } }),
        // The documents register: each issued version with its PDF's SHA-256, services, the archived case file.
        db.documentEntry.findMany({
          where: { caseNumber: c.number },
          orderBy: { seq: 'asc' },
          omit: { pdf: true, content: true, caseNumber: true },
        }),
      ]);
      // Which earlier submissions a complaint repeats is for the intake role (the complaints page hides it too).
      const links = seesRepeatLinks(actor);
      return {
        items: rows.map((a) => ({
          ...a,
          at: a.at.toISOString(),
          details:
            !links && a.action === 'complaint.received'
              ? { ...(a.details as object), repeatOf: [] }
              : a.details,
        })),
        documents: documents.map((e) => ({ ...e, at: e.at.toISOString() })),
      };
    },
  );

  r.get(
    '/api/cases/:number/review-package',
    {
      schema: {
        tags: ['review'],
        summary: '审核材料 The review package: facts, evidence list, proposed penalty, investigation report',
        params: CaseNumberParamsSchema,
        response: { 200: ReviewPackageSchema, ...errors },
      },
    },
    async (req) => {
      const c = await visibleMatter(db, await req.actor(), req.params.number, 'case');
      const [concluded, opened, evidence] = await Promise.all([
        db.auditEntry.findFirst({
          where: { caseNumber: c.number, action: 'investigation.concluded' },
          orderBy: { seq: 'desc' },
        }),
        db.auditEntry.findFirst({
          where: { caseNumber: c.number, action: 'review.opened' },
          orderBy: { seq: 'desc' },
        }),
        db.evidence.findMany({ where: { caseNumber: c.number }, orderBy: { collectedAt: 'asc' } }),
      ]);
      const d = concluded?.details as
        | { officers: string[]; reviewerId: string; report: string; proposal?: unknown; round?: number }
        | undefined;
      if (!concluded || !d?.proposal) throw new AppError('NOT_FOUND', [], 'no review package yet');
      const round = d.round ?? 1;
      const o = opened?.details as { round: number; legalReview: string[]; collective: string[] } | undefined;
      const current = o?.round === round ? o : undefined;
      return {
        number: c.number,
        round,
        concludedOn: chinaDateOf(concluded.at.getTime()),
        officers: d.officers,
        reviewerId: d.reviewerId,
        report: d.report,
        proposal: ProposalSchema.parse(d.proposal),
        legalReview: current?.legalReview ?? null,
        collective: current?.collective ?? null,
        evidence: evidence.map((e) => ({
          id: e.id,
          type: e.type,
          description: e.description,
          collectedAt: e.collectedAt.toISOString(),
          place: e.place,
          collectedBy: e.collectedBy,
        })),
      };
    },
  );

  r.get(
    '/api/cases/:number/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: '校验审计链 Verify the hash chain',
        params: CaseNumberParamsSchema,
        response: { 200: AuditVerifySchema, ...errors },
      },
    },
    async (req) => {
      const c = await visibleMatter(db, await req.actor(), req.params.number);
      const rows = await db.auditEntry.findMany({ where: { caseNumber: c.number }, orderBy: { seq: 'asc' } });
      const trail = verifyChain(
        rows.map((a) => ({ ...a, at: a.at.toISOString() })),
        c.auditSeq,
      );
      const documents = await verifyDocumentChain(db, c.number);
      return { ...trail, ok: trail.ok && documents.ok, documents };
    },
  );
}
