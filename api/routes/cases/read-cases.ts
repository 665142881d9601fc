// Reads: lists from the PostgreSQL projection, a case page with the workflow's live state, its audit trail.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { verifyChain } from '../../../activities/persistence/audit-hash.js';
import type { Db } from '../../../platform/db.js';
import {
  AuditEntrySchema,
  AuditVerifySchema,
  CaseDetailSchema,
  CaseListQuerySchema,
  CaseListSchema,
  CaseNumberParamsSchema,
  ProblemSchema,
} from '../../../schema/api.js';
import { ClockViewSchema } from '../../../schema/case.js';
import type { Actor } from '../../../schema/roles.js';
import { caseViewQuery } from '../../../workflows/case/messages.js';
import { AppError } from '../../errors.js';
import { unitSubtree } from '../../services/units.js';
import type { ApiDeps } from '../../server.js';

const LIVE_QUERY_MS = 3000;

type CaseRow = NonNullable<Awaited<ReturnType<Db['case']['findUnique']>>>;

export function caseSummary(c: CaseRow) {
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
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  } as z.infer<typeof CaseDetailSchema>['case'];
}

/** The matter, if the actor may see it: their unit or a unit below it. With `kind`, only a matter of that
 * kind (a complaint is not a case; its audit trail is read through the same endpoints). */
export async function visibleCase(db: Db, actor: Actor, number: string, kind?: 'case'): Promise<CaseRow> {
  const c = await db.case.findUnique({ where: { number } });
  if (!c || (kind && c.kind !== kind)) throw new AppError('CASE_NOT_FOUND');
  if (!(await unitSubtree(db, actor.unitId)).includes(c.unitId)) throw new AppError('FORBIDDEN_UNIT');
  return c;
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
      const q = req.query;
      const visible = await unitSubtree(db, actor.unitId);
      if (q.unitId && !visible.includes(q.unitId)) throw new AppError('FORBIDDEN_UNIT');
      const where = {
        kind: 'case',
        unitId: { in: q.unitId ? [q.unitId] : visible },
        ...(q.stage ? { stage: q.stage } : {}),
        ...(q.status ? { status: q.status } : {}),
        ...(q.overdue ? { overdue: q.overdue === 'true' } : {}),
      };
      const [items, total] = await Promise.all([
        db.case.findMany({
          where,
          orderBy: [{ overdue: 'desc' }, { nextDueAt: { sort: 'asc', nulls: 'last' } }, { number: 'asc' }],
          skip: (q.page - 1) * q.pageSize,
          take: q.pageSize,
        }),
        db.case.count({ where }),
      ]);
      return { items: items.map(caseSummary), page: q.page, pageSize: q.pageSize, total };
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
      const c = await visibleCase(db, await req.actor(), req.params.number, 'case');
      const [deadlines, tasks, live] = await Promise.all([
        db.deadline.findMany({ where: { caseNumber: c.number }, orderBy: { id: 'asc' } }),
        db.task.findMany({ where: { caseNumber: c.number }, orderBy: { createdAt: 'asc' } }),
        // Live state needs a worker; without one the page still shows the projection (bounded wait).
        c.status === 'open'
          ? temporal
              .withDeadline(Date.now() + LIVE_QUERY_MS, () =>
                temporal.workflow.getHandle(c.number).query(caseViewQuery),
              )
              .catch(() => null)
          : Promise.resolve(null),
      ]);
      return {
        case: caseSummary(c),
        live,
        deadlines: deadlines.map((d) => ClockViewSchema.parse(d.explanation)),
        tasks: tasks.map((t) => ({ id: t.id, kind: t.kind, role: t.role, dueOn: t.dueOn, status: t.status })),
      };
    },
  );

  r.get(
    '/api/cases/:number/audit',
    {
      schema: {
        tags: ['audit'],
        summary: '审计记录 The case’s audit trail',
        params: CaseNumberParamsSchema,
        response: { 200: z.object({ items: z.array(AuditEntrySchema) }), ...errors },
      },
    },
    async (req) => {
      const c = await visibleCase(db, await req.actor(), req.params.number);
      const rows = await db.auditEntry.findMany({ where: { caseNumber: c.number }, orderBy: { seq: 'asc' } });
      return { items: rows.map((a) => ({ ...a, at: a.at.toISOString() })) };
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
      const c = await visibleCase(db, await req.actor(), req.params.number);
      const rows = await db.auditEntry.findMany({ where: { caseNumber: c.number }, orderBy: { seq: 'asc' } });
      return verifyChain(rows.map((a) => ({ ...a, at: a.at.toISOString() })));
    },
  );
}
