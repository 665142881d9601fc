// A worker process: hosts the case workflows and every activity. Any number may run against one task queue.
import { Worker, type WorkerOptions } from '@temporalio/worker';
import { createRequire } from 'node:module';
import { createActivities, type ActivityDeps } from '../activities/index.js';
import { startMailOutbox, type OutboxOptions } from '../activities/notifications/outbox.js';
import type { Config } from '../platform/config.js';
import { loadCommandKey, verifyingCodec } from '../platform/command-auth.js';
import { connectWorkerConnection } from '../platform/temporal.js';
import type { Tracing } from '../platform/tracing.js';
import { preloadModules } from './shared-modules.js';

const require = createRequire(import.meta.url);

/** Our sources import each other with `.js` specifiers (ESM/NodeNext); the workflow bundler resolves them to .ts. */
export const bundlerOptions: WorkerOptions['bundlerOptions'] = {
  preloadModules,
  webpackConfigHook: (config) => {
    config.resolve = { ...config.resolve, extensionAlias: { '.js': ['.ts', '.js'] } };
    return config;
  },
};

export const workflowsPath = require.resolve('../workflows/index.ts');

/** The worker's options but its connection. With `tracing`, the workflows and activities are traced
 * (platform/tracing.ts): the OpenTelemetry workflow interceptors are bundled into the workflow code then, and only
 * then (every module of the bundle is instantiated again for each workflow the worker keeps in its cache). */
export function workerOptions(
  cfg: Config,
  deps: ActivityDeps,
  tracing?: Tracing,
): Omit<WorkerOptions, 'connection'> {
  return {
    ...tracing?.workerOptions,
    namespace: cfg.temporal.namespace,
    taskQueue: cfg.temporal.taskQueue,
    workflowsPath,
    bundlerOptions,
    activities: createActivities(deps),
    // Sized from measurements (README, "Sizing"): a case asleep between steps needs no memory once evicted.
    maxCachedWorkflows: cfg.worker.cachedWorkflows,
    // Commands are authenticated on the way in (platform/command-auth.ts).
    dataConverter: { payloadCodecs: [verifyingCodec(loadCommandKey(cfg))] },
  };
}

/** A worker with the mail outbox's sender (withMailOutbox). */
export async function createWorker(
  cfg: Config,
  deps: ActivityDeps,
  tracing?: Tracing,
  outbox: OutboxOptions = {},
): Promise<Worker> {
  const connection = await connectWorkerConnection(cfg.temporal);
  return withMailOutbox(
    await Worker.create({ ...workerOptions(cfg, deps, tracing), connection }),
    deps,
    outbox,
  );
}

/** Has the worker send the mail outbox while it runs (activities/notifications/outbox.ts): the sender starts with
 * `run()` (or `runUntil()`) and stops once the worker has stopped. Every worker process runs one; they share the
 * outbox's rows. */
export function withMailOutbox(
  worker: Worker,
  deps: Pick<ActivityDeps, 'db' | 'mailer'>,
  opts: OutboxOptions = {},
): Worker {
  const run = worker.run.bind(worker);
  worker.run = async () => {
    const outbox = startMailOutbox(deps.db, deps.mailer, opts);
    try {
      return await run();
    } finally {
      await outbox.stop();
    }
  };
  return worker;
}
