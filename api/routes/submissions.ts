// Intake of complaints and reports (docs/rules.md, CRM): POST /api/submissions stores a submission and starts its
// tracks; GET /api/submissions/:id/submitter is the one way to read the confidential identity (CRM 33).
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { chinaDateOf } from '../../schema/values/dates.js';
import { IdempotencyHeadersSchema, ProblemSchema } from '../../schema/api.js';
import {
  CreateSubmissionSchema,
  SubmissionCreatedSchema,
  SubmissionIdParamsSchema,
  SubmitterReadQuerySchema,
  SubmitterViewSchema,
} from '../../schema/submission.js';
import { requireRole } from '../auth/sessions.js';
import { AppError } from '../errors.js';
import type { ApiDeps } from '../server.js';
import { createSubmission, readSubmitter } from '../services/submissions.js';

export function submissionRoutes(app: FastifyInstance, { db, temporal, cfg }: ApiDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/submissions',
    {
      schema: {
        tags: ['complaints'],
        summary: '登记投诉举报 Register a complaint, a report, or both (split into both tracks)',
        headers: IdempotencyHeadersSchema,
        body: CreateSubmissionSchema,
        response: {
          201: SubmissionCreatedSchema,
          400: ProblemSchema,
          401: ProblemSchema,
          403: ProblemSchema,
          422: ProblemSchema, // the Idempotency-Key was used for a different request
        },
      },
    },
    async (req, reply) => {
      const actor = await req.actor();
      requireRole(actor, 'complaint_handler');
      const today = chinaDateOf(Date.now());
      if (req.body.receivedOn > today)
        throw new AppError('DATE_IN_FUTURE', [{ path: 'body.receivedOn', message: `> ${today}` }]);
      const result = await createSubmission(
        { db, temporal, taskQueue: cfg.temporal.taskQueue },
        {
          actor,
          body: req.body,
          idempotencyKey: `${actor.id}:${req.headers['idempotency-key'] ?? randomUUID()}`,
          today,
        },
      );
      return reply.status(201).send(result);
    },
  );

  r.get(
    '/api/submissions/:id/submitter',
    {
      schema: {
        tags: ['complaints'],
        summary:
          '查阅投诉举报人身份 The submitter’s identity (intake and administrators only; every read is logged)',
        params: SubmissionIdParamsSchema,
        querystring: SubmitterReadQuerySchema,
        response: {
          200: SubmitterViewSchema,
          400: ProblemSchema,
          401: ProblemSchema,
          403: ProblemSchema,
          404: ProblemSchema,
        },
      },
    },
    async (req, reply) => {
      const person = await readSubmitter(db, await req.actor(), req.params.id, req.query.purpose);
      return reply.header('cache-control', 'no-store').send(person);
    },
  );
}
