import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from '../server.js';

export function healthRoutes(app: FastifyInstance, { db, temporal }: ApiDeps) {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    const checks = await Promise.all([
      db.$queryRawUnsafe('select 1').then(
        () => ['database', 'ok'] as const,
        (e: unknown) => ['database', String(e)] as const,
      ),
      temporal.workflowService.getSystemInfo({}).then(
        () => ['temporal', 'ok'] as const,
        (e: unknown) => ['temporal', String(e)] as const,
      ),
    ]);
    const ok = checks.every(([, s]) => s === 'ok');
    return reply
      .status(ok ? 200 : 503)
      .send({ status: ok ? 'ready' : 'not ready', checks: Object.fromEntries(checks) });
  });
}
