// Filing commands: each becomes a workflow Update; the Idempotency-Key header is the Update ID, so a retried
// request is applied once and returns the same result. The workflow's validator has the last word.
import { randomUUID } from 'node:crypto';
import type { UpdateDefinition } from '@temporalio/client';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { checkDecideFiling } from '../../../domain/case/guards.js';
import { FILING_EXTENSION } from '../../../domain/rules/periods.js';
import { CaseNumberParamsSchema, IdempotencyHeadersSchema, ProblemSchema } from '../../../schema/api.js';
import {
  CaseViewSchema,
  DecideFilingSchema,
  ExtendFilingSchema,
  type CaseStage,
  type CaseView,
} from '../../../schema/case.js';
import { decideFilingUpdate, extendFilingUpdate, type Command } from '../../../workflows/case/messages.js';
import { AppError, fromTemporal } from '../../errors.js';
import type { ApiDeps } from '../../server.js';
import { visibleCase } from './read-cases.js';

type FilingUpdate<C> = UpdateDefinition<CaseView, [Command<C>], string>;

export function filingRoutes(app: FastifyInstance, { db, temporal }: ApiDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const responses = {
    200: CaseViewSchema,
    400: ProblemSchema,
    401: ProblemSchema,
    403: ProblemSchema,
    404: ProblemSchema,
    409: ProblemSchema,
  };

  async function send<C>(req: FastifyRequest, number: string, update: FilingUpdate<C>, command: C) {
    const actor = await req.actor();
    const c = await visibleCase(db, actor, number);
    // An early answer from the projection (role, unit, stage); the workflow validator checks again, and more.
    const refusal = checkDecideFiling(
      { stage: c.stage as CaseStage, unitId: c.unitId, filingExtensions: 0 },
      actor,
    );
    if (refusal) throw new AppError(refusal.code, [], refusal.detail);
    const key = req.headers['idempotency-key'];
    try {
      return await temporal.workflow.getHandle(c.number).executeUpdate(update, {
        args: [{ actor, command }],
        updateId: typeof key === 'string' ? `${actor.id}:${key}` : randomUUID(),
      });
    } catch (err) {
      throw fromTemporal(err) ?? err;
    }
  }

  r.post(
    '/api/cases/:number/filing-decision',
    {
      schema: {
        tags: ['filing'],
        summary: '立案审批 The head files the case or declines to',
        params: CaseNumberParamsSchema,
        headers: IdempotencyHeadersSchema,
        body: DecideFilingSchema,
        response: responses,
      },
    },
    (req) => send(req, req.params.number, decideFilingUpdate, req.body),
  );

  r.post(
    '/api/cases/:number/filing-extension',
    {
      schema: {
        tags: ['filing'],
        summary: `延长核查期限 The head extends the filing period (once, ${FILING_EXTENSION.days} WD)`,
        params: CaseNumberParamsSchema,
        headers: IdempotencyHeadersSchema,
        body: ExtendFilingSchema,
        response: responses,
      },
    },
    (req) => send(req, req.params.number, extendFilingUpdate, req.body),
  );
}
