// Request rate limits (per API instance, in memory: behind several instances each enforces its own share).
import type { FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { sessionToken } from './auth/sessions.js';
import { AppError } from './errors.js';

/** Reads and writes per caller (session, or address when signed out) and minute. */
export const READS_PER_MINUTE = 600;
export const WRITES_PER_MINUTE = 120;
/** Login attempts per address and username and minute (the account lockout works across instances). */
export const LOGINS_PER_MINUTE = 10;

const caller = (req: FastifyRequest) => {
  const token = sessionToken(req);
  return token ? `s:${createHash('sha256').update(token).digest('hex').slice(0, 32)}` : `ip:${req.ip}`;
};

const tooMany = (_req: FastifyRequest, ctx: { after: string }) =>
  new AppError('RATE_LIMITED', [], `retry in ${ctx.after}`);

export const GLOBAL_RATE_LIMIT = {
  global: true,
  max: (req: FastifyRequest) =>
    req.method === 'GET' || req.method === 'HEAD' ? READS_PER_MINUTE : WRITES_PER_MINUTE,
  timeWindow: '1 minute',
  keyGenerator: caller,
  allowList: (req: FastifyRequest) => req.url === '/healthz' || req.url === '/readyz',
  errorResponseBuilder: tooMany,
};

export const LOGIN_RATE_LIMIT = {
  max: LOGINS_PER_MINUTE,
  timeWindow: '1 minute',
  hook: 'preHandler' as const, // after the body is parsed, so the username is part of the key
  keyGenerator: (req: FastifyRequest) =>
    `login:${req.ip}:${String((req.body as { username?: unknown })?.username ?? '')}`,
  errorResponseBuilder: tooMany,
};
