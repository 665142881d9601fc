// The timer storm's worker, as its own process (so that its CPU and memory are measured alone): the production
// worker's options (workers/worker.ts: the same bundler options and shared modules, every activity against the
// engine's PostgreSQL and SMTP, the mail outbox's sender, the workflow cache, the command codec), with the storm's workflow on its own task
// queue. Started by bench/timer-storm.ts with the engine's environment; stops on SIGTERM.
import { Worker } from '@temporalio/worker';
import { createRequire } from 'node:module';
import { loadConfig } from '../platform/config.js';
import { createDb } from '../platform/db.js';
import { createLogger, installTemporalLogging } from '../platform/log.js';
import { createMailer } from '../platform/mailer.js';
import { connectWorkerConnection } from '../platform/temporal.js';
import { withMailOutbox, workerOptions } from '../workers/worker.js';

const require = createRequire(import.meta.url);
const cfg = loadConfig(process.env);
const log = createLogger('storm-worker', { level: cfg.logLevel });
installTemporalLogging(log, { metricsAddress: cfg.metrics.workerAddress });
const db = createDb(cfg.database.url);
const mailer = createMailer(cfg.smtp.url, cfg.smtp.from);
const options = workerOptions(cfg, { db, mailer });
const worker = withMailOutbox(
  await Worker.create({
    ...options,
    // The floor's side effect (bench/storm-workflows.ts bareTimer): nothing.
    activities: { ...options.activities, stormNoop: async () => 0 },
    workflowsPath: require.resolve('./storm-workflows.ts'),
    connection: await connectWorkerConnection(cfg.temporal),
  }),
  { db, mailer },
  { log },
);
process.once('SIGTERM', () => worker.shutdown());
process.once('SIGINT', () => worker.shutdown());
console.log(`storm worker running on task queue ${cfg.temporal.taskQueue}`);
await worker.run();
mailer.close();
await db.$disconnect();
