import { Writable } from 'node:stream';
import { context, trace } from '@opentelemetry/api';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { startTracing, tracingSummary } from './tracing.js';

describe('tracing', () => {
  it('off: nothing starts', async () => {
    expect(await startTracing(loadConfig({}).tracing, 'api')).toBeUndefined();
    expect(tracingSummary(loadConfig({}).tracing)).toBeUndefined();
  });
  it('TIEAN_TRACING=console: each finished span is a line of the log, with its trace and parent', async () => {
    const lines: Record<string, unknown>[] = [];
    const log = pino(
      new Writable({
        write(chunk, _enc, done) {
          lines.push(JSON.parse(String(chunk)));
          done();
        },
      }),
    );
    const cfg = loadConfig({ TIEAN_TRACING: 'console' }).tracing;
    const tracing = (await startTracing(cfg, 'worker', { log }))!;
    expect(tracing.serviceName).toBe('tiean-worker');
    const parent = tracing.tracer.startSpan('parent');
    const { traceId, spanId } = parent.spanContext();
    tracing.tracer
      .startSpan(
        'child',
        { attributes: { 'tiean.case': 'DC-2026-00001' } },
        trace.setSpan(context.active(), parent),
      )
      .end();
    parent.end();
    tracing.tracer
      .startSpan('RunActivity:notify', { attributes: { temporalWorkflowId: 'DC-2026-00003:filing' } })
      .end();
    await tracing.shutdown();
    expect(lines.map((l) => l.msg)).toEqual(['span child', 'span parent', 'span RunActivity:notify']);
    expect(lines[2]).toMatchObject({ case: 'DC-2026-00003', span: 'RunActivity:notify' });
    expect(lines[0]).toMatchObject({
      case: 'DC-2026-00001',
      trace_id: traceId,
      parent_span_id: spanId,
      span: 'child',
      service: 'tiean-worker',
      attributes: { 'tiean.case': 'DC-2026-00001' },
    });
    expect(lines[1]).toMatchObject({ trace_id: traceId, span_id: spanId, level: 30 });
    expect(lines[1]).not.toHaveProperty('case');
    expect(tracingSummary(cfg, '/srv/tiean/logs')).toBe(
      "in the worker's and the API's logs in /srv/tiean/logs (TIEAN_TRACING=console); OpenTelemetry, service tiean-api and tiean-worker",
    );
    expect(
      tracingSummary(
        loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318', OTEL_SERVICE_NAME: 'tiean' })
          .tracing,
      ),
    ).toBe('http://127.0.0.1:4318/v1/traces (OTLP over HTTP); OpenTelemetry, service tiean');
  });
});
