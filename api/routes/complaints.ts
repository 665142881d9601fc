// Complaints (docs/rules.md, CRM): the list from the projection, a complaint page with the workflow's live state,
// and the handler's commands. Each command becomes a workflow Update; the Idempotency-Key header is the Update
// ID, so a retried request is applied once and returns the same result. The workflow's validator has the last
// word; the API answers early from the projection with the same guards.
import type { UpdateDefinition } from '@temporalio/client';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Db } from '../../platform/db.js';
import { CaseNumberParamsSchema, IdempotencyHeadersSchema, ProblemSchema } from '../../schema/api.js';
import {
  ComplaintDetailSchema,
  ComplaintDetailsSchema,
  ComplaintListQuerySchema,
  ComplaintListSchema,
  ComplaintViewSchema,
  DecideAcceptanceSchema,
  EndMediationSchema,
  PauseMediationSchema,
  RecordPartiesNotifiedSchema,
  ReportViolationSchema,
  ResumeMediationSchema,
  StartMediationSchema,
  TransferJurisdictionSchema,
  type ComplaintStage,
} from '../../schema/complaint.js';
import type { CommandResult } from '../../schema/common.js';
import type { Refusal } from '../../schema/errors.js';
import type { Actor } from '../../schema/roles.js';
import {
  checkDecideAcceptance,
  checkEndMediation,
  checkPauseMediation,
  checkRecordPartiesNotified,
  checkReportViolation,
  checkResumeMediation,
  checkStartMediation,
  checkTransfer,
  type ComplaintFacts,
} from '../../domain/complaint/guards.js';
import {
  complaintViewQuery,
  decideAcceptanceUpdate,
  endMediationUpdate,
  pauseMediationUpdate,
  recordPartiesNotifiedUpdate,
  reportViolationUpdate,
  resumeMediationUpdate,
  startMediationUpdate,
  transferJurisdictionUpdate,
  type Command,
} from '../../workflows/complaint/messages.js';
import { AppError } from '../errors.js';
import type { ApiDeps } from '../server.js';
import { listMatters, matterPage, sendUpdate, visibleMatter, type MatterRow } from '../services/matters.js';

/** Who may see which earlier submissions a complaint repeats (they may be reports: the link would tell who
 * reported a case): the intake role and administrators. Others see how many, not which. */
export const seesRepeatLinks = (actor: Actor) =>
  actor.roles.includes('complaint_handler') || actor.roles.includes('administrator');

export function hideRepeatLinks<T extends { repeat?: { count: number; earlier: unknown[] } } | null>(
  actor: Actor,
  v: T,
): T {
  return v?.repeat && !seesRepeatLinks(actor) ? { ...v, repeat: { count: v.repeat.count, earlier: [] } } : v;
}

function complaintSummary(c: MatterRow) {
  const details = ComplaintDetailsSchema.safeParse(c.details);
  return {
    number: c.number,
    unitId: c.unitId,
    stage: c.stage,
    status: c.status,
    respondent: c.respondent,
    subject: c.summary,
    receivedOn: c.discoveredOn,
    overdue: c.overdue,
    nextDueOn: c.nextDueOn,
    details: details.success ? details.data : null,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  } as z.infer<typeof ComplaintDetailSchema>['complaint'];
}

const visibleComplaint = (db: Db, actor: Actor, number: string) =>
  visibleMatter(db, actor, number, 'complaint', 'COMPLAINT_NOT_FOUND');

function factsOf(c: MatterRow): ComplaintFacts {
  const d = complaintSummary(c).details;
  return {
    stage: c.stage as ComplaintStage,
    unitId: c.unitId,
    mediationPaused: d?.mediation.status === 'paused',
    transferredFromUnitId: d?.transferredFrom?.unitId,
  };
}

type Guard<C> = (f: ComplaintFacts, actor: Actor, command: C) => Refusal | undefined;

/** Every complaint command the API serves, by path, with its body schema (the workbench's forms are checked
 * against it). */
export const COMPLAINT_COMMANDS = new Map<string, z.ZodType>();

export function complaintRoutes(app: FastifyInstance, { db, temporal }: ApiDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const errors = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };

  async function send<C>(
    req: FastifyRequest,
    number: string,
    update: UpdateDefinition<CommandResult, [Command<C>], string>,
    guard: Guard<C>,
    command: C,
  ) {
    const actor = await req.actor();
    const c = await visibleComplaint(db, actor, number);
    const refusal = guard(factsOf(c), actor, command);
    if (refusal) throw new AppError(refusal.code, [], refusal.detail);
    const view = await sendUpdate(
      db,
      temporal,
      req,
      actor,
      { number: c.number, kind: 'complaint' },
      update,
      { actor, command },
      complaintViewQuery,
    );
    return hideRepeatLinks(actor, view);
  }

  const command = <B extends z.ZodType, C extends z.infer<B>>(
    path: string,
    summary: string,
    body: B,
    update: UpdateDefinition<CommandResult, [Command<C>], string>,
    guard: Guard<C>,
  ) => {
    COMPLAINT_COMMANDS.set(`/api/complaints/:number/${path}`, body);
    r.post(
      `/api/complaints/:number/${path}`,
      {
        schema: {
          tags: ['complaints'],
          summary,
          params: CaseNumberParamsSchema,
          headers: IdempotencyHeadersSchema,
          body,
          response: { 200: ComplaintViewSchema, 400: ProblemSchema, ...errors, 409: ProblemSchema },
        },
      },
      (req) => send(req, req.params.number, update, guard, req.body as C),
    );
  };
  command(
    'acceptance-decision',
    '受理决定 Accept the complaint, or not (with a ground), within 7 WD of receipt (CRM 14–15)',
    DecideAcceptanceSchema,
    decideAcceptanceUpdate,
    checkDecideAcceptance,
  );
  command(
    'transfer',
    '移送 Transfer the complaint to the competent office before acceptance (CRM 36–37)',
    TransferJurisdictionSchema,
    transferJurisdictionUpdate,
    checkTransfer,
  );
  command(
    'mediation',
    '组织调解 Start mediation, with both parties’ consent (CRM 16–21)',
    StartMediationSchema,
    startMediationUpdate,
    checkStartMediation,
  );
  command(
    'mediation/pause',
    '中止调解期限 Testing or appraisal: the mediation period is not counted (CRM 16–21)',
    PauseMediationSchema,
    pauseMediationUpdate,
    checkPauseMediation,
  );
  command(
    'mediation/resume',
    '恢复调解期限 Testing or appraisal done: the mediation period runs again',
    ResumeMediationSchema,
    resumeMediationUpdate,
    checkResumeMediation,
  );
  command(
    'mediation/end',
    '终止调解 End mediation: agreement, withdrawal, refusal, no-show or no agreement (CRM 16–21)',
    EndMediationSchema,
    endMediationUpdate,
    checkEndMediation,
  );
  command(
    'parties-notified',
    '告知双方 Both parties were told that mediation ended (within 7 WD, CRM 16–21)',
    RecordPartiesNotifiedSchema,
    recordPartiesNotifiedUpdate,
    checkRecordPartiesNotified,
  );
  command(
    'violations',
    '发现违法线索 A suspected violation found: it becomes a clue and a case (CRM 23)',
    ReportViolationSchema,
    reportViolationUpdate,
    checkReportViolation,
  );

  r.get(
    '/api/complaints',
    {
      schema: {
        tags: ['complaints'],
        summary: '投诉列表 Complaints of my units',
        querystring: ComplaintListQuerySchema,
        response: { 200: ComplaintListSchema, 400: ProblemSchema, ...errors },
      },
    },
    async (req) => {
      const { rows, ...page } = await listMatters(db, await req.actor(), 'complaint', req.query);
      const actor = await req.actor();
      return {
        items: rows.map(complaintSummary).map((s) => ({ ...s, details: hideRepeatLinks(actor, s.details) })),
        ...page,
      };
    },
  );

  r.get(
    '/api/complaints/:number',
    {
      schema: {
        tags: ['complaints'],
        summary: '投诉详情 A complaint: projection, live state, deadlines and tasks',
        params: CaseNumberParamsSchema,
        response: { 200: ComplaintDetailSchema, 400: ProblemSchema, ...errors },
      },
    },
    async (req) => {
      const actor = await req.actor();
      const c = await visibleComplaint(db, actor, req.params.number);
      const summary = complaintSummary(c);
      const page = await matterPage(db, temporal, c, complaintViewQuery);
      return {
        complaint: { ...summary, details: hideRepeatLinks(actor, summary.details) },
        ...page,
        live: hideRepeatLinks(actor, page.live),
      };
    },
  );
}
