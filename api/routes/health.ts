// Liveness and readiness. Readiness checks PostgreSQL and Temporal, each within a short time, and answers only
// which is unavailable: the reason goes to the log, never to an unauthenticated caller.
import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from '../server.js';

/** How long a readiness check may take before its dependency counts as unavailable. */
const CHECK_MS = 2_000;

function within<T>(ms: number, work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
  });
  return Promise.race([work(), timeout]).finally(() => clearTimeout(timer));
}

export function healthRoutes(app: FastifyInstance, { db, temporal }: ApiDeps) {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (req, reply) => {
    const check = (name: string, work: () => Promise<unknown>) =>
      within(CHECK_MS, work).then(
        () => [name, 'ok'] as const,
        (e: unknown) => {
          req.log.warn({ check: name, err: String(e) }, 'readiness check failed');
          return [name, 'unavailable'] as const;
        },
      );
    const checks = await Promise.all([
      check('database', () => db.$queryRawUnsafe('select 1')),
      check('temporal', () =>
        temporal.withDeadline(Date.now() + CHECK_MS, () => temporal.workflowService.getSystemInfo({})),
      ),
    ]);
    const ok = checks.every(([, s]) => s === 'ok');
    return reply
      .status(ok ? 200 : 503)
      .send({ status: ok ? 'ready' : 'not ready', checks: Object.fromEntries(checks) });
  });
}
