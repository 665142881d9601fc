// The HTTP API (Fastify with zod schemas as the single source of request/response types and OpenAPI).
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { Client } from '@temporalio/client';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { Config } from '../platform/config.js';
import type { Db } from '../platform/db.js';
import { ProblemSchema } from '../schema/api.js';
import type { Actor } from '../schema/roles.js';
import { authenticate } from './auth/sessions.js';
import { registerErrorHandler } from './errors.js';
import { rejectUnstorableInput } from './input-guard.js';
import { globalRateLimit } from './limits.js';
import { recordRefusals, type TrackedRequest } from './refusals.js';
import { filingRoutes } from './routes/cases/filing.js';
import { investigationRoutes } from './routes/cases/investigation.js';
import { proceedingsRoutes } from './routes/cases/proceedings.js';
import { readCaseRoutes } from './routes/cases/read-cases.js';
import { registerClueRoute } from './routes/cases/register-clue.js';
import { adminRoutes } from './routes/admin.js';
import { healthRoutes } from './routes/health.js';
import { executionRoutes } from './routes/cases/execution.js';
import { documentRoutes } from './routes/cases/documents.js';
import { registerMetrics } from './metrics.js';
import { supervisionRoutes } from './routes/supervision.js';
import { stopLayout } from '../platform/documents/pdf.js';
import { notificationRoutes } from './routes/notifications.js';
import { sessionRoutes } from './routes/session.js';
import { submissionRoutes } from './routes/submissions.js';
import { complaintRoutes } from './routes/complaints.js';
import { listingRoutes } from './routes/listings.js';
import { serveWorkbench } from './web.js';
import type { Tracing } from '../platform/tracing.js';
import type { Span } from '@opentelemetry/api';

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated user (roles and unit from the database); rejects with 401 without a valid session. */
    actor(): Promise<Actor>;
    /** The request's span, when tracing is on (api/tracing.ts). */
    span?: Span | null;
  }
}

/** Headers on every response: no content sniffing, no framing, no referrer, and a content security policy that
 * allows only the API's own origin (the API documentation page loads its scripts and styles from it). */
export const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'content-security-policy':
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
};

function securityHeaders(app: FastifyInstance) {
  app.addHook('onSend', async (_req, reply) => {
    reply.headers(SECURITY_HEADERS);
  });
}

/** Every operation but the public ones (signing in and out, health, the API's description) authenticates before
 * its input is validated: a caller without a session learns nothing about the input an operation takes. */
function authenticateFirst(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    const url = req.routeOptions.url;
    if (!url?.startsWith('/api/') || url === '/api/openapi.json' || url.startsWith('/api/docs')) return;
    const security = (req.routeOptions.schema as { security?: unknown[] } | undefined)?.security;
    if (Array.isArray(security) && security.length === 0) return;
    await req.actor();
  });
}

export interface ApiDeps {
  cfg: Config;
  db: Db;
  temporal: Client;
  log: Logger;
  /** When tracing is on (platform/tracing.ts): a span per request, the parent of its Temporal calls' spans. */
  tracing?: Tracing;
}

export async function buildApi(deps: ApiDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    bodyLimit: 1_048_576,
    // Long path parameters reach the zod schemas (a 400 with the field) instead of a bare 414.
    maxParamLength: 2048,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // First, so the request's span covers every other hook, and its trace ID is on every log line.
  if (deps.tracing) (await import('./tracing.js')).traceRequests(app, deps.tracing.tracer);
  registerErrorHandler(app);
  rejectUnstorableInput(app);
  securityHeaders(app);
  // Responses any operation can give, declared once so the OpenAPI document lists them everywhere: invalid input
  // (where there is input), no session, rate limits, and Temporal or PostgreSQL unreachable.
  app.addHook('onRoute', (route) => {
    const schema = route.schema as { response?: Record<number, unknown>; hide?: boolean } | undefined;
    if (!schema?.response || schema.hide) return;
    const hasInput = ['body', 'querystring', 'params', 'headers'].some((k) => k in (schema as object));
    schema.response = {
      ...(hasInput ? { 400: ProblemSchema } : {}),
      ...(route.url === '/api/session' ? {} : { 401: ProblemSchema }),
      429: ProblemSchema,
      503: ProblemSchema,
      ...schema.response,
    };
  });
  registerMetrics(app, { token: deps.cfg.metrics?.token });
  await app.register(cookie);
  await app.register(rateLimit, globalRateLimit(deps.cfg.api.rateLimits));
  app.decorateRequest('actor', function (this: import('fastify').FastifyRequest) {
    const req = this as TrackedRequest;
    req.actorPromise ??= authenticate(deps.db, this);
    return req.actorPromise;
  });
  recordRefusals(app, deps.db);
  authenticateFirst(app);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: "Tie'an 铁案 API",
        version: '0.1.0',
        description:
          'Market-regulation enforcement cases: commands are workflow updates, reads come from the projection.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'tiean_session' },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: jsonSchemaTransform,
    // Registers the schemas named with .meta({ id }) (e.g. Problem) under components/schemas.
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  healthRoutes(app, deps);
  sessionRoutes(app, deps);
  registerClueRoute(app, deps);
  readCaseRoutes(app, deps);
  filingRoutes(app, deps);
  investigationRoutes(app, deps);
  proceedingsRoutes(app, deps);
  executionRoutes(app, deps);
  documentRoutes(app, deps);
  supervisionRoutes(app, deps);
  app.addHook('onClose', async () => stopLayout());
  notificationRoutes(app, deps);
  adminRoutes(app, deps);
  submissionRoutes(app, deps);
  complaintRoutes(app, deps);
  listingRoutes(app, deps);
  await serveWorkbench(app);
  return app;
}
