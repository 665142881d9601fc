// Filing commands: each becomes a workflow Update; the Idempotency-Key header is the Update ID, so a retried
// request is applied once and returns the same result. The workflow's validator has the last word.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { checkDecideFiling, checkExtendFiling } from '../../../domain/case/guards.js';
import { CaseNumberParamsSchema, IdempotencyHeadersSchema, ProblemSchema } from '../../../schema/api.js';
import { CaseViewSchema, DecideFilingSchema, ExtendFilingSchema } from '../../../schema/case.js';
import { decideFilingUpdate, extendFilingUpdate } from '../../../workflows/case/messages.js';
import { AppError, fromTemporal } from '../../errors.js';
import type { ApiDeps } from '../../server.js';
import { visibleCase } from './read-cases.js';

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

  const run = async <C>(
    number: string,
    actorPromise: Promise<import('../../../schema/roles.js').Actor>,
    key: string | undefined,
    update: typeof decideFilingUpdate | typeof extendFilingUpdate,
    command: C,
    guard: typeof checkDecideFiling,
  ) => {
    const actor = await actorPromise;
    const c = await visibleCase(db, actor, number);
    // Early answer from the same guard the workflow runs (it checks again: defence in depth).
    const refusal = guard({ stage: c.stage as never, unitId: c.unitId, filingExtensions: 0 }, actor);
    if (refusal && refusal.code !== 'EXTENSION_USED') throw new AppError(refusal.code, [], refusal.detail);
    try {
      return await temporal.workflow.getHandle(c.number).executeUpdate(update as typeof decideFilingUpdate, {
        args: [{ actor, command: command as never }],
        updateId: key ? `${actor.id}:${key}` : randomUUID(),
      });
    } catch (err) {
      throw fromTemporal(err) ?? err;
    }
  };

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
    (req) =>
      run(
        req.params.number,
        req.actor(),
        req.headers['idempotency-key'],
        decideFilingUpdate,
        req.body,
        checkDecideFiling,
      ),
  );

  r.post(
    '/api/cases/:number/filing-extension',
    {
      schema: {
        tags: ['filing'],
        summary: '延长核查期限 The head extends the filing period (once, 15 WD)',
        params: CaseNumberParamsSchema,
        headers: IdempotencyHeadersSchema,
        body: ExtendFilingSchema,
        response: responses,
      },
    },
    (req) =>
      run(
        req.params.number,
        req.actor(),
        req.headers['idempotency-key'],
        extendFilingUpdate,
        req.body,
        checkExtendFiling,
      ),
  );
}
