// Prometheus metrics of the API: requests by method, route (the route's pattern, never the raw URL: a bounded
// set of labels) and status; their latency; and the process's own (CPU, memory, event-loop lag). Served at
// /metrics to loopback, or elsewhere with `Authorization: Bearer $TIEAN_METRICS_TOKEN`. Each log line of a
// request about a matter carries its number (`case`).
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function tokenMatches(header: string | undefined, token: string | undefined): boolean {
  if (!token || !header?.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice('Bearer '.length));
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/** The span attribute naming the matter a request is about (when tracing is on, api/tracing.ts). */
export const CASE_ATTRIBUTE = 'tiean.case';

/** For a request that creates a matter (a clue's registration): its number, once known, on its remaining log
 * lines and, when tracing is on, on its span. */
export function markCase(req: FastifyRequest, reply: FastifyReply, number: string) {
  req.span?.setAttribute(CASE_ATTRIBUTE, number);
  req.log = req.log.child({ case: number });
  reply.log = reply.log.child({ case: number });
}

export function registerMetrics(app: FastifyInstance, opts: { token?: string }) {
  // One registry per server (tests run several in a process); the default metrics are collected at scrape.
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'tiean_api_' });
  const requests = new Counter({
    name: 'tiean_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'tiean_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method and route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  app.addHook('preHandler', async (req, reply) => {
    const number = (req.params as { number?: unknown } | undefined)?.number;
    if (typeof number !== 'string') return;
    // The request's own lines and its "request completed" line (written with the reply's logger).
    req.log = req.log.child({ case: number });
    reply.log = reply.log.child({ case: number });
  });
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    if (route === '/metrics') return;
    requests.inc({ method: req.method, route, status: String(reply.statusCode) });
    latency.observe({ method: req.method, route }, reply.elapsedTime / 1000);
  });
  app.get('/metrics', { schema: { hide: true } }, async (req, reply) => {
    // Not for the world: a scraper on this machine, or one with the token. Others are told nothing is here.
    if (!LOOPBACK.has(req.ip) && !tokenMatches(req.headers.authorization, opts.token))
      return reply.code(404).type('text/plain').send('Not Found');
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}
