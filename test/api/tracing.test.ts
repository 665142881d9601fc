// Tracing end to end (platform/tracing.ts), on real components: the API listening on loopback, a worker created as
// `tiean worker` creates it (its workflows bundled with the OpenTelemetry interceptors), the time-skipping test
// server, PostgreSQL and SMTP. Spans are kept in memory. An officer registers a clue and the head decides to file
// the case, over HTTP; then one trace runs from the head's request through the Temporal client's Update, the
// phase workflow's handler of that Update, to the activity it scheduled, each span the child of the one before.
// The command still verifies (headers are not signed, payloads are): the Update is applied. The phase's history,
// recorded with tracing, replays on a worker without it. And with an OTLP
// endpoint configured, the spans reach that endpoint (a collector of our own on loopback).
import http from 'node:http';
import { Writable } from 'node:stream';
import { Connection, type Client } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApi } from '../../api/server.js';
import { loadCommandKey } from '../../platform/command-auth.js';
import { loadConfig, type Config } from '../../platform/config.js';
import { registerSearchAttributes } from '../../platform/search-attributes.js';
import { connectClient } from '../../platform/temporal.js';
import { startTracing, type Tracing } from '../../platform/tracing.js';
import { chinaDateOf } from '../../schema/values/dates.js';
import { DEMO_PASSWORD } from '../../scripts/seed.js';
import { createWorker, workerOptions } from '../../workers/worker.js';
import { TEST_COMMAND_KEY } from '../helpers/command-key.js';
import { freshDb, type TestDb } from '../helpers/db.js';
import { eventually } from '../helpers/eventually.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';
import { startTestServer } from '../helpers/test-server.js';

let tdb: TestDb;
let smtp: TestSmtp;
let server: { address: string; stop(): Promise<void> };
let cfg: Config;
let apiTracing: Tracing;
let workerTracing: Tracing;
let worker: Worker;
let workerDone: Promise<void>;
let temporal: Client;
let app: FastifyInstance;
let base: string;
const spans = new InMemorySpanExporter();
const apiLog: Record<string, unknown>[] = [];

beforeAll(async () => {
  [tdb, smtp, server] = await Promise.all([
    freshDb(),
    startTestSmtp(),
    startTestServer(inject('testServer')),
  ]);
  const connection = await Connection.connect({ address: server.address });
  await registerSearchAttributes(connection, 'default');
  await connection.close();
  // The configuration a traced installation has (the console mode stands for "on"; the spans go to memory).
  cfg = loadConfig({
    TEMPORAL_ADDRESS: server.address,
    TEMPORAL_TASK_QUEUE: 'traced',
    DATABASE_URL: tdb.url,
    SMTP_URL: smtp.url,
    TIEAN_COMMAND_KEY: TEST_COMMAND_KEY.toString('base64'),
    TIEAN_TRACING: 'console',
  });
  workerTracing = (await startTracing(cfg.tracing, 'worker', { exporter: spans }))!;
  apiTracing = (await startTracing(cfg.tracing, 'api', { exporter: spans }))!;
  worker = await createWorker(cfg, { db: tdb.db, mailer: smtp.mailer }, workerTracing);
  workerDone = worker.run();
  temporal = await connectClient(cfg.temporal, loadCommandKey(cfg), apiTracing);
  const sink = new Writable({
    write(chunk, _enc, done) {
      apiLog.push(JSON.parse(String(chunk)));
      done();
    },
  });
  app = await buildApi({
    cfg,
    db: tdb.db,
    temporal,
    log: pino({ level: 'info' }, sink),
    tracing: apiTracing,
  });
  base = await app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await app?.close();
  worker?.shutdown();
  await workerDone;
  await temporal?.connection.close();
  await apiTracing?.shutdown();
  await workerTracing?.shutdown();
  await server?.stop();
  await tdb?.drop();
  await smtp?.stop();
});

async function call(method: 'GET' | 'POST', url: string, token?: string, body?: object, key?: string) {
  const r = await fetch(`${base}${url}`, {
    method,
    headers: {
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
}
const signIn = async (username: string) =>
  (await call('POST', '/api/session', undefined, { username, password: DEMO_PASSWORD })).body.token as string;

const service = (s: ReadableSpan) => s.resource.attributes['service.name'];
const id = (s: ReadableSpan) => s.spanContext().spanId;
const trace = (s: ReadableSpan) => s.spanContext().traceId;
/** The one finished span with this name (and, if given, this parent). */
function span(name: string, parent?: ReadableSpan): ReadableSpan {
  const found = spans
    .getFinishedSpans()
    .filter((s) => s.name === name && (!parent || s.parentSpanId === id(parent)));
  expect(
    found.map((s) => s.name),
    `${name} under ${parent?.name ?? 'any'}`,
  ).toEqual([name]);
  return found[0]!;
}

describe('tracing: one trace from the HTTP request to the activity', () => {
  it('a filing decision: HTTP → StartWorkflowUpdate → HandleUpdate → StartActivity → RunActivity, one trace', async () => {
    // Off by default: nothing of OpenTelemetry in the worker's options, hence none in its workflow bundle.
    const plain = workerOptions(loadConfig({ TIEAN_COMMAND_KEY: cfg.commandKey }), {
      db: tdb.db,
      mailer: smtp.mailer,
    });
    expect(plain.interceptors).toBeUndefined();
    expect(plain.sinks).toBeUndefined();
    const traced = workerOptions(cfg, { db: tdb.db, mailer: smtp.mailer }, workerTracing);
    expect(traced.interceptors?.workflowModules).toEqual([
      expect.stringContaining('interceptors-opentelemetry'),
    ]);

    const officer = await signIn('officer1');
    const head = await signIn('head1');
    const clue = {
      source: 'complaint_report',
      respondent: { kind: 'organisation', name: '演示商贸有限公司', uscc: '91350100M000100Y43' },
      summary: '消费者举报该公司销售过期食品',
      discoveredOn: chinaDateOf(Date.now()),
    };
    const registered = await call('POST', '/api/clues', officer, clue, 'trace-clue-0001');
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    const number = registered.body.caseNumber as string;
    // The filing phase has opened (its first step is projected: the filing period's due date).
    await eventually(async () => {
      const r = await call('GET', '/api/cases?stage=filing', officer);
      const items = r.body.items as { number: string; nextDueOn: string | null }[];
      expect(items.find((c) => c.number === number)?.nextDueOn).toBeTruthy();
    }, 60_000);

    const decided = await call(
      'POST',
      `/api/cases/${number}/filing-decision`,
      head,
      { decision: 'file', reasons: '有违法事实，符合立案条件' },
      'trace-file-0001',
    );
    // Applied: the command's signature verified although the Update's headers now carry the trace context.
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body).toMatchObject({ stage: 'investigation' });

    // The head's request …
    const request = await eventually(async () => span('POST /api/cases/:number/filing-decision'));
    expect(service(request)).toBe('tiean-api');
    expect(request.attributes).toMatchObject({
      'tiean.case': number,
      'http.request.method': 'POST',
      'http.route': '/api/cases/:number/filing-decision',
      'http.response.status_code': 200,
    });
    // … the Temporal client's Update of the filing phase, its child …
    const update = span('StartWorkflowUpdate:decideFiling', request);
    expect(service(update)).toBe('tiean-api');
    expect(update.attributes).toMatchObject({ temporalWorkflowId: `${number}:filing` });
    // … the phase workflow's handler of that Update, on the worker, with the context from the Update's headers …
    const handled = await eventually(async () => span('HandleUpdate:decideFiling', update));
    expect(service(handled)).toBe('tiean-worker');
    // … the activity the handler scheduled (the step's projection), and the activity's run.
    const scheduled = await eventually(async () => {
      const found = spans
        .getFinishedSpans()
        .filter((s) => s.parentSpanId === id(handled) && s.name.startsWith('StartActivity:'));
      expect(found.length).toBeGreaterThan(0);
      return found[0]!;
    });
    const activityType = scheduled.name.slice('StartActivity:'.length);
    const ran = await eventually(async () => span(`RunActivity:${activityType}`, scheduled));
    expect(service(ran)).toBe('tiean-worker');
    expect(ran.attributes).toMatchObject({ temporalWorkflowId: `${number}:filing` });
    // One trace.
    expect(new Set([request, update, handled, scheduled, ran].map(trace)).size).toBe(1);
    expect(request.parentSpanId).toBeUndefined();

    // The clue's registration is a trace of its own: its request starts the case's workflow, which starts the
    // filing phase (a child workflow), whose run ended with the decision.
    const registration = span('POST /api/clues');
    expect(registration.attributes).toMatchObject({ 'tiean.case': number, 'http.response.status_code': 201 });
    const started = span('StartWorkflow:enforcementCase', registration);
    expect(started.attributes).toMatchObject({ temporalWorkflowId: number });
    const child = span('StartChildWorkflow:caseFiling');
    const filing = await eventually(async () => span('RunWorkflow:caseFiling', child));
    expect(service(filing)).toBe('tiean-worker');
    expect(new Set([registration, started, child, filing].map(trace)).size).toBe(1);
    expect(trace(registration)).not.toBe(trace(request));

    // A history recorded with tracing on replays on a worker without it (the shared bundle has no tracing).
    const history = await temporal.workflow.getHandle(`${number}:filing`).fetchHistory();
    await expect(
      Worker.runReplayHistory({ workflowBundle: { codePath: inject('workflowBundlePath') } }, history),
    ).resolves.toBeUndefined();

    // The API's log lines of the decision carry the trace ID and the case's number.
    const completed = apiLog.find(
      (l) => l.msg === 'request completed' && l.trace_id === trace(request) && l.case === number,
    );
    expect(completed, JSON.stringify(apiLog.slice(-5))).toBeDefined();
  });

  it('a caller’s W3C trace context is continued by the request’s span', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const r = await fetch(`${base}/api/cases`, {
      headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
    });
    expect(r.status).toBe(401);
    const s = await eventually(async () => {
      const found = spans.getFinishedSpans().filter((x) => trace(x) === traceId);
      expect(found.map((x) => x.name)).toEqual(['GET /api/cases']);
      return found[0]!;
    });
    expect(s.parentSpanId).toBe('00f067aa0ba902b7');
    expect(s.attributes['http.response.status_code']).toBe(401);
  });
});

describe('tracing to an OTLP endpoint', () => {
  it('sends the spans, under the service name, to OTEL_EXPORTER_OTLP_ENDPOINT over HTTP', async () => {
    const received: { path: string; body: string }[] = [];
    const collector = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({ path: req.url ?? '', body });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    const { port } = collector.address() as { port: number };
    try {
      const c = loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}` });
      expect(c.tracing).toEqual({ mode: 'otlp', url: `http://127.0.0.1:${port}/v1/traces` });
      const tracing = (await startTracing(c.tracing, 'api'))!;
      tracing.tracer.startSpan('an operation').end();
      await tracing.shutdown(); // sends what the batch holds
      expect(received.map((r) => r.path)).toEqual(['/v1/traces']);
      const sent = JSON.parse(received[0]!.body);
      const resource = sent.resourceSpans[0].resource.attributes as { key: string; value: object }[];
      expect(resource).toContainEqual({ key: 'service.name', value: { stringValue: 'tiean-api' } });
      expect(sent.resourceSpans[0].scopeSpans[0].spans[0].name).toBe('an operation');
    } finally {
      collector.close();
    }
  });
});
