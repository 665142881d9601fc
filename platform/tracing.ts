// Tracing with OpenTelemetry, off unless configured (platform/config.ts: OTEL_EXPORTER_OTLP_ENDPOINT or
// TIEAN_TRACING). One trace follows a command: the API's span of the HTTP request, the Temporal client's span of
// the workflow start or Update (its context travels in the request's headers, never in the signed payloads), the
// workflow's span of the run or of the Update's handler, and the spans of the activities it schedules. The
// OpenTelemetry packages are loaded only when tracing is on; with tracing off nothing here runs, nothing is sent,
// and the workers' workflow bundle holds no tracing code (workers/worker.ts).
import { createRequire } from 'node:module';
import type { Tracer } from '@opentelemetry/api';
import type { ExportResult } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { WorkflowClientInterceptor } from '@temporalio/client';
import type { WorkerOptions } from '@temporalio/worker';
import type { Logger } from 'pino';
import type { TracingConfig } from './config.js';
import { matterOfWorkflow } from './log.js';

const require = createRequire(import.meta.url);

export type TracedComponent = 'api' | 'worker';

export interface Tracing {
  /** The service name on every span: tiean-api, tiean-worker, or OTEL_SERVICE_NAME. */
  serviceName: string;
  /** Where the spans go, for people: the OTLP URL, or "the logs". */
  destination: string;
  tracer: Tracer;
  /** The Temporal client's interceptor: a span per start, Update, query and signal, its context in the headers. */
  clientInterceptor: WorkflowClientInterceptor;
  /** The worker's options: the workflow interceptors' module (bundled into the workflows only when tracing is
   * on), the activities' interceptors, and the sink through which the workflows hand their spans out. */
  workerOptions: Required<Pick<WorkerOptions, 'interceptors' | 'sinks'>>;
  /** Sends what is still buffered and stops. */
  shutdown(): Promise<void>;
}

/** The service name of a component. */
export const serviceName = (cfg: TracingConfig, component: TracedComponent) =>
  cfg.serviceName ?? `tiean-${component}`;

/** Where the configured spans go and under which service names, for people (the start command's summary);
 * undefined when tracing is off. */
export function tracingSummary(cfg: TracingConfig, logDir?: string): string | undefined {
  if (cfg.mode === 'off') return undefined;
  const where =
    cfg.mode === 'otlp'
      ? `${cfg.url} (OTLP over HTTP)`
      : `in the ${logDir ? `worker's and the API's logs in ${logDir}` : 'logs'} (TIEAN_TRACING=console)`;
  const names = [...new Set([serviceName(cfg, 'api'), serviceName(cfg, 'worker')])];
  return `${where}; OpenTelemetry, service ${names.join(' and ')}`;
}

/** SpanStatusCode.ERROR (@opentelemetry/api is loaded only when tracing is on). */
const SPAN_STATUS_ERROR = 2;

/** Only attributes a log line can hold as they are (a workflow's span carries its whole workflow info). */
function plainAttributes(span: ReadableSpan) {
  return Object.fromEntries(
    Object.entries(span.attributes).filter(([, v]) => ['string', 'number', 'boolean'].includes(typeof v)),
  );
}

/** TIEAN_TRACING=console: each finished span is one line of the component's log. */
function logExporter(log: Logger, ok: ExportResult): SpanExporter {
  return {
    export(spans, done) {
      for (const s of spans) {
        const c = s.spanContext();
        const a = s.attributes;
        // The matter: the API's request names it; the Temporal spans name their workflow.
        const number = a['tiean.case'] || matterOfWorkflow(a.temporalWorkflowId ?? a.workflowId);
        log.info(
          {
            ...(number ? { case: number } : {}),
            trace_id: c.traceId,
            span_id: c.spanId,
            parent_span_id: s.parentSpanId,
            span: s.name,
            service: s.resource.attributes['service.name'],
            duration_ms: Math.round((s.duration[0] * 1e3 + s.duration[1] / 1e6) * 1000) / 1000,
            error: s.status.code === SPAN_STATUS_ERROR || undefined,
            attributes: plainAttributes(s),
          },
          `span ${s.name}`,
        );
      }
      done(ok);
    },
    shutdown: async () => undefined,
  };
}

let registered = false;

/**
 * Starts tracing for a component, or returns undefined when tracing is off. `exporter` replaces the configured
 * destination (the tests keep the spans in memory); spans are then handed over one by one, as they end.
 */
export async function startTracing(
  cfg: TracingConfig,
  component: TracedComponent,
  opts: { log?: Logger; exporter?: SpanExporter } = {},
): Promise<Tracing | undefined> {
  if (cfg.mode === 'off') return undefined;
  const [
    { diag, DiagLogLevel },
    { ExportResultCode },
    { Resource },
    { BatchSpanProcessor, SimpleSpanProcessor },
    { NodeTracerProvider },
    { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION },
    otelTemporal,
  ] = await Promise.all([
    import('@opentelemetry/api'),
    import('@opentelemetry/core'),
    import('@opentelemetry/resources'),
    import('@opentelemetry/sdk-trace-base'),
    import('@opentelemetry/sdk-trace-node'),
    import('@opentelemetry/semantic-conventions'),
    import('@temporalio/interceptors-opentelemetry'),
  ]);
  const { log } = opts;
  // OpenTelemetry's own complaints (a collector that does not answer) go to the log as warnings.
  if (log) {
    const warn = (message: string, ...args: unknown[]) =>
      log.warn({ svc: 'opentelemetry', details: args.map(String) }, message);
    const quiet = () => undefined;
    diag.setLogger(
      { error: warn, warn, info: quiet, debug: quiet, verbose: quiet },
      { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true },
    );
  }
  const name = serviceName(cfg, component);
  const resource = Resource.default().merge(
    new Resource({ [ATTR_SERVICE_NAME]: name, [ATTR_SERVICE_VERSION]: appVersion() }),
  );
  let processor: SpanProcessor;
  let destination: string;
  if (opts.exporter) {
    processor = new SimpleSpanProcessor(opts.exporter);
    destination = 'the given exporter';
  } else if (cfg.mode === 'otlp') {
    const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-http');
    processor = new BatchSpanProcessor(new OTLPTraceExporter({ url: cfg.url }));
    destination = cfg.url;
  } else {
    if (!log) throw new Error('TIEAN_TRACING=console needs the component’s logger');
    processor = new SimpleSpanProcessor(logExporter(log, { code: ExportResultCode.SUCCESS }));
    destination = 'the logs';
  }
  const provider = new NodeTracerProvider({ resource, spanProcessors: [processor] });
  // The context manager (AsyncLocalStorage) and the W3C trace-context propagator are the process's: set once
  // (a test runs the API and a worker in one process, each with its own provider and service name).
  if (!registered) {
    provider.register();
    registered = true;
  }
  const tracer = provider.getTracer('tiean');
  return {
    serviceName: name,
    destination,
    tracer,
    clientInterceptor: new otelTemporal.OpenTelemetryWorkflowClientInterceptor({ tracer }),
    workerOptions: {
      interceptors: {
        // Bundled into the workflows only here: every module of the bundle is instantiated again for each
        // workflow the worker keeps in its cache, so with tracing off the bundle carries none of OpenTelemetry.
        workflowModules: [
          require.resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors'),
        ],
        activity: [
          (ctx) => ({
            inbound: new otelTemporal.OpenTelemetryActivityInboundInterceptor(ctx, { tracer }),
            outbound: new otelTemporal.OpenTelemetryActivityOutboundInterceptor(ctx),
          }),
        ],
      },
      // Workflows cannot export: their spans come out through this sink (not on replay), to the same processor.
      sinks: { exporter: otelTemporal.makeWorkflowExporter(processor, resource) },
    },
    shutdown: () => provider.shutdown(),
  };
}

function appVersion(): string {
  try {
    return (require('../package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
