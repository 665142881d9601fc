// Structured JSON logs (pino). Processes that print progress for people send the logs to a file instead.
import { DefaultLogger, Runtime, type LogLevel } from '@temporalio/worker';
import { pino, type Logger } from 'pino';

export function createLogger(name: string, opts: { level?: string; file?: string } = {}): Logger {
  const level = opts.level ?? process.env.LOG_LEVEL ?? 'info';
  const options = { name, level, timestamp: pino.stdTimeFunctions.isoTime };
  return opts.file
    ? pino(options, pino.destination({ dest: opts.file, mkdir: true, sync: false }))
    : pino(options);
}

/** The number of the matter a workflow works for: its ID is the number, or `<number>:<phase>`. */
export function matterOfWorkflow(workflowId: unknown): string | undefined {
  return (typeof workflowId === 'string' && workflowId.split(':')[0]) || undefined;
}

/** The fields of a line the Temporal SDK logs, with the number of the matter it is about (`case`), as the API's
 * lines have it: a workflow's or an activity's line names its workflow (the SDK's core says `workflow_id`). */
export function temporalLogFields(meta: Record<string, unknown> | undefined): Record<string, unknown> {
  const number = matterOfWorkflow(meta?.workflowId ?? meta?.workflow_id);
  return { ...meta, ...(number ? { case: number } : {}), svc: 'temporal-sdk' };
}

/** Routes the Temporal SDK's own logs into our logger (call once, before any worker or connection); with
 * `metricsAddress`, the SDK's runtime also serves its metrics for Prometheus there (task latency, the workflow
 * cache, activity failures, polls). */
export function installTemporalLogging(log: Logger, opts: { metricsAddress?: string } = {}) {
  const map: Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = {
    TRACE: 'trace',
    DEBUG: 'debug',
    INFO: 'info',
    WARN: 'warn',
    ERROR: 'error',
  };
  Runtime.install({
    logger: new DefaultLogger('INFO', (e) => log[map[e.level]](temporalLogFields(e.meta), e.message)),
    ...(opts.metricsAddress
      ? { telemetryOptions: { metrics: { prometheus: { bindAddress: opts.metricsAddress } } } }
      : {}),
  });
}

export type { Logger };
