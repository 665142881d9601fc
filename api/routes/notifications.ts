// GET /api/notifications — the e-mail outbox, for operators and supervisors: what was sent, to whom, and
// what is still retrying.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NotificationSchema, ProblemSchema } from '../../schema/api.js';
import { requireRole } from '../auth/sessions.js';
import type { ApiDeps } from '../server.js';

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
      requireRole(await req.actor(), 'administrator', 'supervisor');
      const rows = await db.notification.findMany({
        where: req.query.caseNumber ? { caseNumber: req.query.caseNumber } : {},
        orderBy: { createdAt: 'desc' },
        take: req.query.limit,
      });
      return {
        items: rows.map((n) => ({
          ...n,
          createdAt: n.createdAt.toISOString(),
          sentAt: n.sentAt?.toISOString() ?? null,
        })),
      };
    },
  );
}
