// A case engine outside vitest, for the scripts that drive real workflows (the replay recorder, the history
// benchmark): embedded PostgreSQL migrated and seeded, an SMTP server on loopback, the time-skipping server,
// and a worker with the real activities on one task queue.
import { testDataConverter } from './command-key.js';
import { Worker } from '@temporalio/worker';
import path from 'node:path';
import { createActivities } from '../../activities/index.js';
import { createDb } from '../../platform/db.js';
import { createMailer } from '../../platform/mailer.js';
import { registerSearchAttributes } from '../../platform/search-attributes.js';
import { startSmtpServer } from '../../platform/smtp-server.js';
import { ensureTestServer } from '../../scripts/bootstrap.js';
import { seedDemo } from '../../scripts/seed.js';
import { bundlerOptions, withMailOutbox, workflowsPath } from '../../workers/worker.js';
import { startMigratedPostgres } from './postgres.js';
import { timeSkippingEnvOn } from './test-server.js';

export async function standaloneEngine(taskQueue: string) {
  const { pg, tmp, stop: stopPostgres } = await startMigratedPostgres(`tiean-${taskQueue}`, 'tiean');
  const db = createDb(pg.url);
  await seedDemo(db);
  const smtp = await startSmtpServer({ port: 0, mailDir: path.join(tmp, 'mail') });
  const mailer = createMailer(`smtp://127.0.0.1:${smtp.port}`, 'noreply@tiean.local');
  const env = await timeSkippingEnvOn(await ensureTestServer(() => {}));
  await registerSearchAttributes(env.connection, 'default');
  const worker = withMailOutbox(
    await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath,
      bundlerOptions,
      activities: createActivities({ db, mailer, temporal: env.client }),
      dataConverter: testDataConverter(),
    }),
    { db, mailer },
  );
  return {
    db,
    env,
    worker,
    async stop() {
      await env.teardown();
      mailer.close();
      await db.$disconnect();
      await smtp.stop();
      await stopPostgres();
    },
  };
}
