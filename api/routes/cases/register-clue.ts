// POST /api/clues — an officer registers a clue; its case workflow starts (workflow ID = case number) and the
// 15-WD filing clock runs.
import { randomUUID } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { chinaDateOf, yearOf } from '../../../domain/calendar/dates.js';
import { DEFAULT_WARN_BEFORE_WD } from '../../../domain/rules/reminders.js';
import { IdempotencyHeadersSchema, ProblemSchema, RegisteredSchema } from '../../../schema/api.js';
import { RegisterClueSchema, type CaseInput } from '../../../schema/case.js';
import { CASE_WORKFLOW_TYPE } from '../../../workflows/case/messages.js';
import { CaseStageKey, CaseUnitKey, OverdueKey } from '../../../workflows/case/search-attributes.js';
import { requireRole } from '../../auth/sessions.js';
import { AppError } from '../../errors.js';
import { allocateCaseNumber, requestHash } from '../../services/case-numbers.js';
import type { ApiDeps } from '../../server.js';

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
      const key = `${actor.id}:${req.headers['idempotency-key'] ?? randomUUID()}`;
      const { caseNumber, reused } = await allocateCaseNumber(db, {
        idempotencyKey: key,
        unitId: actor.unitId,
        year: yearOf(today),
        requestHash: requestHash(req.body),
      });
      const input: CaseInput = {
        caseNumber,
        unitId: actor.unitId,
        clue: req.body,
        registeredBy: actor,
        warnBefore: [...DEFAULT_WARN_BEFORE_WD],
      };
      try {
        await temporal.workflow.start(CASE_WORKFLOW_TYPE, {
          workflowId: caseNumber,
          taskQueue: cfg.temporal.taskQueue,
          args: [input],
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
          typedSearchAttributes: [
            { key: CaseStageKey, value: 'filing' },
            { key: CaseUnitKey, value: actor.unitId },
            { key: OverdueKey, value: false },
          ],
        });
      } catch (err) {
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      }
      return reply.status(201).send({ caseNumber, workflowId: caseNumber, reused });
    },
  );
}
