// POST /api/clues — an officer registers a clue; its case workflow starts (workflow ID = case number) and the
// 15-WD filing clock runs.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { chinaDateOf } from '../../../schema/values/dates.js';
import { IdempotencyHeadersSchema, ProblemSchema, RegisteredSchema } from '../../../schema/api.js';
import { RegisterClueSchema } from '../../../schema/case.js';
import { requireRole } from '../../auth/sessions.js';
import { AppError } from '../../errors.js';
import { markCase } from '../../metrics.js';
import type { ApiDeps } from '../../server.js';
import { startCase } from '../../services/start-case.js';

export function registerClueRoute(app: FastifyInstance, { db, temporal, cfg }: ApiDeps) {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/clues',
    {
      schema: {
        tags: ['cases'],
        summary: '登记案件线索 Register a clue',
        headers: IdempotencyHeadersSchema,
        body: RegisterClueSchema,
        response: {
          201: RegisteredSchema,
          400: ProblemSchema,
          401: ProblemSchema,
          403: ProblemSchema,
          422: ProblemSchema, // the Idempotency-Key was used for a different request
        },
      },
    },
    async (req, reply) => {
      const actor = await req.actor();
      requireRole(actor, 'case_officer', 'complaint_handler');
      const today = chinaDateOf(Date.now());
      if (req.body.discoveredOn > today)
        throw new AppError('DATE_IN_FUTURE', [{ path: 'body.discoveredOn', message: `> ${today}` }]);
      const { caseNumber, reused } = await startCase(
        { db, temporal, taskQueue: cfg.temporal.taskQueue },
        {
          idempotencyKey: `${actor.id}:${req.headers['idempotency-key'] ?? randomUUID()}`,
          actor,
          unitId: actor.unitId,
          clue: req.body,
          today,
        },
      );
      markCase(req, reply, caseNumber);
      return reply.status(201).send({ caseNumber, workflowId: caseNumber, reused });
    },
  );
}
