// Request rate limits (per API instance, in memory: behind several instances each enforces its own share).
// The numbers are configuration (TIEAN_RATE_READS, TIEAN_RATE_WRITES, TIEAN_RATE_LOGINS; per minute).
import type { FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import type { Config } from '../platform/config.js';
import { sessionToken } from './auth/sessions.js';
import { AppError } from './errors.js';

export type RateLimits = Config['api']['rateLimits'];

const caller = (req: FastifyRequest) => {
  const token = sessionToken(req);
  return token ? `s:${createHash('sha256').update(token).digest('hex').slice(0, 32)}` : `ip:${req.ip}`;
};

const tooMany = (_req: FastifyRequest, ctx: { after: string }) =>
  new AppError('RATE_LIMITED', [], `retry in ${ctx.after}`);

/** Reads and writes per caller (session, or address when signed out) and minute. */
export const globalRateLimit = (limits: RateLimits) => ({
  global: true,
  max: (req: FastifyRequest) =>
    req.method === 'GET' || req.method === 'HEAD' ? limits.reads : limits.writes,
  timeWindow: '1 minute',
  keyGenerator: caller,
  allowList: (req: FastifyRequest) => req.url === '/healthz' || req.url === '/readyz',
  errorResponseBuilder: tooMany,
});

/** Login attempts per address and username and minute (the account lockout works across instances). */
export const loginRateLimit = (limits: RateLimits) => ({
  max: limits.logins,
  timeWindow: '1 minute',
  hook: 'preHandler' as const, // after the body is parsed, so the username is part of the key
  keyGenerator: (req: FastifyRequest) =>
    `login:${req.ip}:${String((req.body as { username?: unknown } | undefined)?.username ?? '')}`,
  errorResponseBuilder: tooMany,
});
