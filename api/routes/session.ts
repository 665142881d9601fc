import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LoginSchema, ProblemSchema, SessionSchema } from '../../schema/api.js';
import { bearerToken, login, logout } from '../auth/sessions.js';
import type { ApiDeps } from '../server.js';

export function sessionRoutes(app: FastifyInstance, { db }: ApiDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/session',
    {
      schema: {
        tags: ['session'],
        summary: '登录 Sign in (bearer token)',
        body: LoginSchema,
        response: { 200: SessionSchema, 401: ProblemSchema },
      },
    },
    async (req) => {
      const s = await login(db, req.body.username, req.body.password);
      return { ...s, expiresAt: s.expiresAt.toISOString() };
    },
  );
  r.delete(
    '/api/session',
    { schema: { tags: ['session'], summary: '退出 Sign out', response: { 204: z.null() } } },
    async (req, reply) => {
      const token = bearerToken(req);
      if (token) await logout(db, token);
      return reply.status(204).send(null);
    },
  );
  r.get(
    '/api/me',
    { schema: { tags: ['session'], response: { 200: SessionSchema.shape.user, 401: ProblemSchema } } },
    async (req) => req.actor(),
  );
}
