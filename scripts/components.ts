// The components of a Tie'an installation, each usable alone (`tiean worker`, `tiean api`) against external
// services, or all together (`npm start`) on the embedded defaults.
import type { Worker } from '@temporalio/worker';
import type { FastifyInstance } from 'fastify';
import { buildApi } from '../api/server.js';
import type { Config } from '../platform/config.js';
import { createDb, type Db } from '../platform/db.js';
import type { Logger } from '../platform/log.js';
import { createMailer, type Mailer } from '../platform/mailer.js';
import { registerSearchAttributes } from '../platform/search-attributes.js';
import { Connection } from '@temporalio/client';
import { loadCommandKey } from '../platform/command-auth.js';
import { connectClient, connectionOptions } from '../platform/temporal.js';
import { createWorker } from '../workers/worker.js';
import { startTracing } from '../platform/tracing.js';
import { flagStoppedMatters } from '../services/engine-health.js';

/** How often the API looks for matters whose workflow stopped while they are open. */
const ENGINE_CHECK_MS = 5 * 60_000;

export interface Running {
  name: string;
  stop(): Promise<void>;
}

export async function startWorkerComponent(
  cfg: Config,
  log: Logger,
  shared?: { db: Db; mailer: Mailer },
): Promise<Running & { worker: Worker }> {
  const db = shared?.db ?? createDb(cfg.database.url);
  const mailer = shared?.mailer ?? createMailer(cfg.smtp.url, cfg.smtp.from);
  // Off unless configured: then nothing of OpenTelemetry is loaded, neither here nor in the workflows.
  const tracing = await startTracing(cfg.tracing, 'worker', { log });
  // The worker's own client, for activities that send Updates to other workflows (the calendar recomputation).
  const temporal = await connectClient(cfg.temporal, loadCommandKey(cfg), tracing);
  const worker = await createWorker(cfg, { db, mailer, temporal }, tracing, { log });
  const running = worker.run().catch((err: unknown) => log.error({ err }, 'worker stopped with an error'));
  return {
    name: 'worker',
    worker,
    async stop() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
      await temporal.connection.close();
      await tracing?.shutdown();
      if (!shared) {
        mailer.close();
        await db.$disconnect();
      }
    },
  };
}

export async function startApiComponent(
  cfg: Config,
  log: Logger,
  shared?: { db: Db },
): Promise<Running & { app: FastifyInstance; url: string }> {
  const db = shared?.db ?? createDb(cfg.database.url);
  const tracing = await startTracing(cfg.tracing, 'api', { log });
  const temporal = await connectClient(cfg.temporal, loadCommandKey(cfg), tracing);
  const app = await buildApi({ cfg, db, temporal, log, tracing });
  await app.listen({ host: cfg.api.host, port: cfg.api.port });
  // Every few minutes: matters whose workflow stopped while open are flagged for the supervisors.
  const health = setInterval(() => {
    flagStoppedMatters(db, temporal).then(
      (found) => found.length && log.warn({ found }, 'workflows stopped while their matters are open'),
      (err: unknown) => log.warn({ err }, 'stopped-workflow check failed'),
    );
  }, ENGINE_CHECK_MS);
  health.unref();
  return {
    name: 'api',
    app,
    url: cfg.api.publicUrl,
    async stop() {
      clearInterval(health);
      await app.close();
      await temporal.connection.close();
      await tracing?.shutdown();
      if (!shared) await db.$disconnect();
    },
  };
}

/** The case search attributes on the namespace (the dev server gets them at start; a cluster may not have them). */
export async function ensureSearchAttributes(cfg: Config, say: (l: string) => void): Promise<void> {
  const connection = await Connection.connect(connectionOptions(cfg.temporal));
  try {
    const added = await registerSearchAttributes(connection, cfg.temporal.namespace);
    if (added.length) say(`  registered search attributes: ${added.join(', ')}`);
  } catch (err) {
    say(
      `  could not register search attributes (${String(err)}); register them with your cluster's operator tools`,
    );
  } finally {
    await connection.close();
  }
}
