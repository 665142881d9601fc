// Request rate limits (per API instance, in memory: behind several instances each enforces its own share).
// The numbers are configuration (TIEAN_RATE_READS, TIEAN_RATE_WRITES, TIEAN_RATE_LOGINS; per minute).
import type { FastifyRequest } from 'fastify';
import type { Config } from '../platform/config.js';
import { sessionToken } from './auth/sessions.js';
import { AppError } from './errors.js';

export type RateLimits = Config['api']['rateLimits'];

/** Who a request counts against: the signed-in user (all their sessions together), otherwise the address (a
 * made-up token counts against the address it came from). */
const caller = async (req: FastifyRequest) => {
  if (!sessionToken(req)) return `ip:${req.ip}`;
  const actor = await req.actor().catch(() => undefined);
  return actor ? `u:${actor.id}` : `ip:${req.ip}`;
};

const tooMany = (_req: FastifyRequest, ctx: { after: string }) =>
  new AppError('RATE_LIMITED', [], `retry in ${ctx.after}`);

/** Reads and writes per caller (user, or address when not signed in) and minute. */
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
