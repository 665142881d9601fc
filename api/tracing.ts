// The API's span of each HTTP request (when tracing is on, platform/tracing.ts): named by method and route
// pattern (never the raw URL), with its status and, for a request about a matter, the matter's number
// (`tiean.case`). The route's handler runs inside the span, so the Temporal client's spans (the start of a
// workflow, an Update) are its children and carry the trace on to the workers. A caller's W3C `traceparent`
// (a proxy's, a load balancer's) is continued. Each log line of a traced request carries its `trace_id`.
import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Tracer,
} from '@opentelemetry/api';
import {
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
} from '@opentelemetry/semantic-conventions';
import { CASE_ATTRIBUTE } from './metrics.js';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';

/** Probes and scrapes: frequent and telling nothing. */
const UNTRACED = new Set(['/metrics', '/healthz', '/readyz']);

/** Loaded by the API only when tracing is on (api/server.ts). */
export function traceRequests(app: FastifyInstance, tracer: Tracer) {
  app.decorateRequest('span', null);
  app.addHook('onRequest', async (req, reply) => {
    const route = req.routeOptions.url;
    if (route && UNTRACED.has(route)) return;
    const span = tracer.startSpan(
      route ? `${req.method} ${route}` : req.method,
      {
        kind: SpanKind.SERVER,
        attributes: {
          [ATTR_HTTP_REQUEST_METHOD]: req.method,
          ...(route ? { [ATTR_HTTP_ROUTE]: route } : {}),
        },
      },
      propagation.extract(ROOT_CONTEXT, req.headers),
    );
    req.span = span;
    const number = (req.params as { number?: unknown } | undefined)?.number;
    if (typeof number === 'string' && number) span.setAttribute(CASE_ATTRIBUTE, number);
    const fields = { trace_id: span.spanContext().traceId };
    req.log = req.log.child(fields);
    reply.log = reply.log.child(fields);
  });
  // Each route's handler runs in its request's span (hooks before it may read the body from the socket, which
  // would lose an active context set earlier).
  app.addHook('onRoute', (route) => {
    const handler = route.handler as RouteHandlerMethod;
    route.handler = function (this: FastifyInstance, req: FastifyRequest, reply: FastifyReply) {
      const span = req.span;
      if (!span) return handler.call(this, req, reply);
      return context.with(trace.setSpan(context.active(), span), handler, this, req, reply);
    } as RouteHandlerMethod;
  });
  const end = (req: FastifyRequest, status?: number) => {
    const span = req.span;
    if (!span) return;
    req.span = null;
    if (status === undefined) span.setStatus({ code: SpanStatusCode.ERROR, message: 'request aborted' });
    else {
      span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, status);
      if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    }
    span.end();
  };
  app.addHook('onResponse', async (req, reply) => end(req, reply.statusCode));
  app.addHook('onRequestAbort', async (req) => end(req));
}
