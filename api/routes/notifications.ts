// GET /api/notifications — the e-mail outbox, for operators and supervisors: what was sent, to whom, and
// what is still retrying. Scoped like cases: the e-mails of the matters of the user's unit and the units below
// it; e-mails about no matter only for the root unit (the installation's operators).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NotificationSchema, ProblemSchema } from '../../schema/api.js';
import { requireRole } from '../auth/sessions.js';
import { unitScope } from '../services/units.js';
import type { ApiDeps } from '../server.js';
import type { Notification } from '../../schema/generated/prisma/client.js';

export function notificationRoutes(app: FastifyInstance, { db }: ApiDeps) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/notifications',
    {
      schema: {
        tags: ['operations'],
        summary: '通知发件记录 Sent and pending e-mail',
        querystring: z
          .object({
            caseNumber: z.string().optional(),
            limit: z.coerce.number().int().min(1).max(500).default(100),
          })
          .strict(),
        response: {
          200: z.object({ items: z.array(NotificationSchema) }),
          401: ProblemSchema,
          403: ProblemSchema,
        },
      },
    },
    async (req) => {
      const actor = await req.actor();
      requireRole(actor, 'administrator', 'supervisor');
      const { units, root } = await unitScope(db, actor.unitId);
      const caseNumber = req.query.caseNumber ?? null;
      const rows = await db.$queryRaw<Notification[]>`
        SELECT n.* FROM "Notification" n LEFT JOIN "Case" c ON c."number" = n."caseNumber"
        WHERE (c."unitId" = ANY(${units}) OR (${root} AND c."number" IS NULL))
          AND (${caseNumber}::text IS NULL OR n."caseNumber" = ${caseNumber})
        ORDER BY n."createdAt" DESC
        LIMIT ${req.query.limit}`;
      return {
        items: rows.map((n) => ({
          key: n.key,
          caseNumber: n.caseNumber,
          kind: n.kind,
          recipients: n.recipients,
          subject: n.subject,
          status: n.status,
          attempts: n.attempts,
          lastError: n.lastError,
          createdAt: n.createdAt.toISOString(),
          sentAt: n.sentAt?.toISOString() ?? null,
          nextAttemptAt: (n.status === 'pending' && n.nextAttemptAt?.toISOString()) || null,
        })),
      };
    },
  );
}
