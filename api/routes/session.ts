import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ChangePasswordSchema, LoginSchema, ProblemSchema, SessionSchema } from '../../schema/api.js';
import {
  changePassword,
  clearSessionCookie,
  login,
  logout,
  sessionToken,
  setSessionCookie,
} from '../auth/sessions.js';
import { loginRateLimit } from '../limits.js';
import type { ApiDeps } from '../server.js';

export function sessionRoutes(app: FastifyInstance, { db, cfg }: ApiDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const secureCookie = cfg.api.publicUrl.startsWith('https:');

  r.post(
    '/api/session',
    {
      config: { rateLimit: loginRateLimit(cfg.api.rateLimits) },
      schema: {
        tags: ['session'],
        summary: '登录 Sign in: a bearer token, and an HttpOnly session cookie for the web',
        security: [],
        body: LoginSchema,
        response: { 200: SessionSchema, 400: ProblemSchema, 401: ProblemSchema, 429: ProblemSchema },
      },
    },
    async (req, reply) => {
      const s = await login(db, req.body.username, req.body.password, req.ip);
      setSessionCookie(reply, s.token, s.expiresAt, secureCookie);
      return { ...s, expiresAt: s.expiresAt.toISOString() };
    },
  );

  r.delete(
    '/api/session',
    {
      schema: { tags: ['session'], summary: '退出 Sign out', security: [], response: { 204: z.null() } },
    },
    async (req, reply) => {
      const token = sessionToken(req);
      if (token) await logout(db, token);
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/me',
    { schema: { tags: ['session'], response: { 200: SessionSchema.shape.user, 401: ProblemSchema } } },
    async (req) => req.actor(),
  );

  r.post(
    '/api/me/password',
    {
      schema: {
        tags: ['session'],
        summary: '修改密码 Change my password (ends my other sessions)',
        body: ChangePasswordSchema,
        response: { 204: z.null(), 400: ProblemSchema, 401: ProblemSchema },
      },
    },
    async (req, reply) => {
      await changePassword(
        db,
        await req.actor(),
        req.body.currentPassword,
        req.body.newPassword,
        sessionToken(req),
      );
      return reply.status(204).send(null);
    },
  );
}
