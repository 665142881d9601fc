// Credit lists (docs/rules.md, "Credit lists"): an officer proposes a listing (its workflow starts), the head of
// the deciding unit lists it or not, the entity's removal application is recorded and decided; the list from the
// projection, a listing's page with the workflow's live state; and the public credit lists (no sign-in). Each
// command is a workflow Update with the Idempotency-Key as its ID; the workflow's validator has the last word,
// the API answers early from the projection with the same guards.
import { randomUUID } from 'node:crypto';
import type { UpdateDefinition } from '@temporalio/client';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  checkApplyRemoval,
  checkDecideListing,
  checkDecideRemoval,
  type ListingFacts,
} from '../../domain/credit/listing.js';
import {
  ABNORMAL_ESCALATION,
  ABNORMAL_REMOVAL_DECISION,
  SERIOUS_EARLY_REMOVAL,
  SERIOUS_LISTING_TERM,
  SERIOUS_REMOVAL_DECISION,
} from '../../domain/rules/periods.js';
import { CaseNumberParamsSchema, IdempotencyHeadersSchema, ProblemSchema } from '../../schema/api.js';
import type { CommandResult } from '../../schema/common.js';
import {
  ABNORMAL_REASON_TITLES,
  ApplyRemovalSchema,
  CREDIT_LIST_TITLES,
  DecideListingSchema,
  DecideRemovalSchema,
  ListingDetailSchema,
  ListingDetailsSchema,
  ListingListQuerySchema,
  ListingListSchema,
  ListingViewSchema,
  ProposeListingSchema,
  PublicListingsSchema,
  type ListingStage,
} from '../../schema/credit-list.js';
import type { Refusal } from '../../schema/errors.js';
import type { Actor } from '../../schema/roles.js';
import { chinaDateOf } from '../../schema/values/dates.js';
import {
  applyRemovalUpdate,
  decideListingUpdate,
  decideRemovalUpdate,
  listingViewQuery,
  type Command,
} from '../../workflows/listing/messages.js';
import { requireRole } from '../auth/sessions.js';
import { AppError } from '../errors.js';
import type { ApiDeps } from '../server.js';
import { listMatters, matterPage, sendUpdate, visibleMatter, type MatterRow } from '../services/matters.js';
import { startListing } from '../services/start-listing.js';

function listingSummary(m: MatterRow) {
  const details = ListingDetailsSchema.safeParse(m.details);
  return {
    number: m.number,
    unitId: m.unitId,
    stage: m.stage,
    status: m.status,
    entityName: (m.respondent as { name?: string }).name ?? '',
    summary: m.summary,
    foundOn: m.discoveredOn,
    overdue: m.overdue,
    nextDueOn: m.nextDueOn,
    details: details.success ? details.data : null,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
  };
}

/** The guards' facts from the projection (the workflow checks again with its own). */
async function factsOf(db: ApiDeps['db'], m: MatterRow): Promise<ListingFacts> {
  const d = ListingDetailsSchema.safeParse(m.details);
  const tasks = await db.task.findMany({
    where: { caseNumber: m.number, kind: 'decide-removal' },
    select: { status: true, dueOn: true },
  });
  const pending = tasks.some((t) => t.status === 'open');
  return {
    stage: m.stage as ListingStage,
    list: d.success ? d.data.list : 'abnormal',
    unitId: m.unitId,
    approvingUnitId: d.success ? d.data.approvingUnitId : m.unitId,
    foundOn: m.discoveredOn,
    listedOn: d.success ? d.data.listedOn : null,
    earliestRemovalOn: d.success ? d.data.earliestRemovalOn : null,
    // The application's own day is the workflow's to check: here only whether one is pending.
    pendingRemoval: pending ? { appliedOn: m.discoveredOn } : null,
    removals: tasks.length,
    today: chinaDateOf(Date.now()),
  };
}

type Guard<C> = (f: ListingFacts, actor: Actor, command: C) => Refusal | undefined;

export function listingRoutes(app: FastifyInstance, { db, temporal, cfg }: ApiDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const errors = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
  const visible = (actor: Actor, number: string) =>
    visibleMatter(db, actor, number, 'listing', 'LISTING_NOT_FOUND');

  async function send<C>(
    req: FastifyRequest,
    number: string,
    update: UpdateDefinition<CommandResult, [Command<C>], string>,
    guard: Guard<C>,
    command: C,
  ) {
    const actor = await req.actor();
    const m = await visible(actor, number);
    const refusal = guard(await factsOf(db, m), actor, command);
    if (refusal) throw new AppError(refusal.code, [], refusal.detail);
    return sendUpdate(
      db,
      temporal,
      req,
      actor,
      { number: m.number, kind: 'listing' },
      update,
      { actor, command },
      listingViewQuery,
    );
  }

  const command = <B extends z.ZodType, C extends z.infer<B>>(
    path: string,
    summary: string,
    body: B,
    update: UpdateDefinition<CommandResult, [Command<C>], string>,
    guard: Guard<C>,
  ) =>
    r.post(
      `/api/listings/:number/${path}`,
      {
        schema: {
          tags: ['credit'],
          summary,
          params: CaseNumberParamsSchema,
          headers: IdempotencyHeadersSchema,
          body,
          response: {
            200: ListingViewSchema,
            400: ProblemSchema,
            ...errors,
            409: ProblemSchema,
            422: ProblemSchema,
          },
        },
      },
      (req) => send(req, req.params.number, update, guard, req.body as C),
    );

  r.post(
    '/api/listings',
    {
      schema: {
        tags: ['credit'],
        summary:
          '拟列入信用名单 Propose a listing: the abnormal operations list, or the serious violations list for a served penalty decision',
        headers: IdempotencyHeadersSchema,
        body: ProposeListingSchema,
        response: {
          201: z.object({ number: z.string(), workflowId: z.string(), reused: z.boolean() }),
          400: ProblemSchema,
          401: ProblemSchema,
          403: ProblemSchema,
          422: ProblemSchema,
        },
      },
    },
    async (req, reply) => {
      const actor = await req.actor();
      requireRole(actor, 'case_officer');
      const { number, reused } = await startListing(
        { db, temporal, taskQueue: cfg.temporal.taskQueue },
        {
          idempotencyKey: `${actor.id}:${req.headers['idempotency-key'] ?? randomUUID()}`,
          actor,
          proposal: req.body,
          today: chinaDateOf(Date.now()),
        },
      );
      return reply.status(201).send({ number, workflowId: number, reused });
    },
  );

  command(
    'decision',
    '列入决定 The head lists the entity or not (a serious listing of a county or city office: a head one level up, as the rule pack says); also the escalation to the serious list',
    DecideListingSchema,
    decideListingUpdate,
    checkDecideListing,
  );
  command(
    'removal-application',
    `移出申请 The entity applied for removal (the serious list: after ${SERIOUS_EARLY_REMOVAL.length} months on it)`,
    ApplyRemovalSchema,
    applyRemovalUpdate,
    checkApplyRemoval,
  );
  command(
    'removal-decision',
    `移出决定 The head decides the removal (${ABNORMAL_REMOVAL_DECISION.length} WD for the abnormal list, ${SERIOUS_REMOVAL_DECISION.length} WD for the serious list)`,
    DecideRemovalSchema,
    decideRemovalUpdate,
    checkDecideRemoval,
  );

  r.get(
    '/api/listings',
    {
      schema: {
        tags: ['credit'],
        summary: '信用名单 Credit listings of my units',
        querystring: ListingListQuerySchema,
        response: { 200: ListingListSchema, 400: ProblemSchema, ...errors },
      },
    },
    async (req) => {
      const { rows, ...page } = await listMatters(db, await req.actor(), 'listing', req.query);
      return { items: rows.map(listingSummary), ...page };
    },
  );

  r.get(
    '/api/listings/:number',
    {
      schema: {
        tags: ['credit'],
        summary: '信用名单详情 A listing: projection, live state, deadlines and tasks',
        params: CaseNumberParamsSchema,
        response: { 200: ListingDetailSchema, 400: ProblemSchema, ...errors },
      },
    },
    async (req) => {
      const m = await visible(await req.actor(), req.params.number);
      return { listing: listingSummary(m), ...(await matterPage(db, temporal, m, listingViewQuery)) };
    },
  );

  r.get(
    '/api/public/credit-lists',
    {
      schema: {
        tags: ['public'],
        summary: `经营异常名录、严重违法失信名单 The entities on the credit lists today (no sign-in; the abnormal list leads to the serious list after ${ABNORMAL_ESCALATION.length} months, a serious listing ends after ${SERIOUS_LISTING_TERM.length} months)`,
        security: [],
        querystring: z
          .object({
            list: z.enum(['abnormal', 'serious']).optional(),
            limit: z.coerce.number().int().min(1).max(100).default(20),
            offset: z.coerce.number().int().min(0).max(100_000).default(0),
          })
          .strict(),
        response: { 200: PublicListingsSchema, 400: ProblemSchema },
      },
    },
    async (req) => {
      const where = {
        kind: 'listing',
        status: 'open',
        stage: { in: ['listed', 'escalation'] },
        ...(req.query.list ? { details: { path: ['list'], equals: req.query.list } } : {}),
      };
      const [total, rows, units] = await Promise.all([
        db.case.count({ where }),
        db.case.findMany({
          where,
          orderBy: [{ discoveredOn: 'desc' }, { number: 'asc' }],
          skip: req.query.offset,
          take: req.query.limit,
        }),
        db.unit.findMany({ select: { id: true, name: true } }),
      ]);
      const unitName = new Map(units.map((u) => [u.id, u.name]));
      const items = rows.flatMap((m) => {
        const d = ListingDetailsSchema.safeParse(m.details);
        const listedOn = d.success ? d.data.listedOn : null;
        if (!d.success || !listedOn) return [];
        const x = d.data;
        return [
          {
            list: x.list,
            listTitle: CREDIT_LIST_TITLES[x.list].zh,
            entityName: x.entity.name,
            uscc: x.entity.uscc,
            reason:
              x.list === 'abnormal' && x.reason
                ? ABNORMAL_REASON_TITLES[x.reason].zh
                : m.summary.replace(/^[^：]*：/, ''),
            listedOn,
            endsOn: x.endsOn,
            decidedBy: unitName.get(x.list === 'serious' ? x.approvingUnitId : m.unitId) ?? '',
          },
        ];
      });
      return { total, items };
    },
  );
}
