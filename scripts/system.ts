// The whole system on one machine, once the bootstrap has installed and generated what it needs: PostgreSQL,
// the SMTP server and the Temporal dev server (unless DATABASE_URL / SMTP_URL / TEMPORAL_ADDRESS point
// elsewhere), migrations, the demo units and users, the worker and the API. Imported by `scripts/start.ts` only
// after the bootstrap, because it needs the generated Prisma client.
import { portOrFree } from '../platform/processes.js';
import path from 'node:path';
import { createDb, migrateDeploy } from '../platform/db.js';
import { createLogger, installTemporalLogging } from '../platform/log.js';
import { startEmbeddedPostgres } from '../platform/postgres.js';
import { startSmtpServer } from '../platform/smtp-server.js';
import { startTemporalDevServer } from '../platform/temporal-server.js';
import { waitForTemporal } from '../platform/temporal.js';
import type { Tools } from './bootstrap.js';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { ensureAppLogin } from '../platform/app-role.js';
import { loadConfig, projectRoot, type Config } from '../platform/config.js';
import { ensureSearchAttributes, type Running } from './components.js';
import { recordPid } from './leftovers.mjs';
import { loadCommandKey } from '../platform/command-auth.js';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from './seed.js';
import { supervise } from './supervise.js';
import { tracingSummary } from '../platform/tracing.js';

/** The watchdog (scripts/watchdog.mjs): stops what this process started if it is killed without stopping them. */
function startWatchdog(dataDir: string, logFile: string) {
  const out = openSync(logFile, 'a');
  const child = spawn(
    process.execPath,
    [path.join(projectRoot, 'scripts', 'watchdog.mjs'), String(process.pid), dataDir],
    { detached: true, stdio: ['ignore', out, out] },
  );
  closeSync(out);
  child.unref();
  return { name: 'watchdog', stop: async () => void child.kill('SIGTERM') };
}

const say = (l: string) => console.log(`[start] ${l}`);

export async function runSystem(
  cfg: Config,
  tools: Partial<Tools>,
  t0: number,
  unlock: () => void,
): Promise<void> {
  const logDir = path.join(cfg.dataDir, 'logs');
  const log = createLogger('tiean', { level: cfg.logLevel, file: path.join(logDir, 'tiean.log') });
  installTemporalLogging(log);
  const running: Running[] = [];
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('stopping…');
    for (const r of running.reverse()) {
      try {
        await r.stop();
        say(`  stopped ${r.name}`);
      } catch (err) {
        say(`  ${r.name} did not stop cleanly: ${String(err)}`);
      }
    }
    unlock();
    log.flush();
    process.exit(code);
  };
  // Everything is stopped here, in reverse order (platform/postgres.ts removes the exit hook that would
  // otherwise end the process as soon as PostgreSQL is down).
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));

  try {
    mkdirSync(logDir, { recursive: true });
    running.push(startWatchdog(cfg.dataDir, path.join(logDir, 'watchdog.log')));
    if (cfg.database.embedded) {
      say(`PostgreSQL (embedded) on 127.0.0.1:${cfg.database.port}…`);
      const fileLog = createLogger('postgres', { file: path.join(logDir, 'postgres.log') });
      const pg = await startEmbeddedPostgres({
        dataDir: path.join(cfg.dataDir, 'postgres'),
        port: cfg.database.port,
        database: 'tiean',
        onLog: (l) => fileLog.info(l),
      });
      running.push({ name: 'postgres', stop: () => pg.stop() });
    }
    say('database migrations…');
    await migrateDeploy(cfg.database.migrationUrl, (l) => say(`  ${l}`));
    if (cfg.database.embedded) {
      // The worker and the API connect as the application's login, not as the tables' owner.
      await ensureAppLogin(cfg.database.migrationUrl, cfg.dataDir);
      cfg = loadConfig();
    }

    if (cfg.smtp.embedded) {
      const smtp = await startSmtpServer({ port: cfg.smtp.port, mailDir: path.join(cfg.dataDir, 'mail') });
      running.push({ name: 'smtp', stop: () => smtp.stop() });
      say(`SMTP (embedded) on 127.0.0.1:${smtp.port}, mail kept in ${smtp.mailDir}`);
    }

    if (cfg.temporal.embedded) {
      say(`Temporal dev server on ${cfg.temporal.address}…`);
      const tlog = createLogger('temporal', { file: path.join(logDir, 'temporal.log') });
      const server = await startTemporalDevServer(tools.temporalCli!, cfg, (l) => tlog.info(l));
      if (server.child.pid) recordPid(cfg.dataDir, 'temporal', server.child.pid);
      running.push({ name: 'temporal', stop: () => server.stop() });
    } else {
      say(`Temporal at ${cfg.temporal.address} (namespace ${cfg.temporal.namespace})…`);
      await waitForTemporal(cfg.temporal);
    }
    await ensureSearchAttributes(cfg, say);

    if (cfg.database.embedded || process.env.TIEAN_SEED_DEMO === 'true') {
      const db = createDb(cfg.database.migrationUrl);
      try {
        const seeded = await seedDemo(db);
        say(`demo units and users: ${seeded.units} units and ${seeded.users} users added`);
      } finally {
        await db.$disconnect();
      }
    }

    // The key that signs the API's commands to the workers (created once in the data folder).
    loadCommandKey(cfg, { create: true });
    // The worker and the API run as child processes of their own, started again if they die.
    // The worker serves the Temporal SDK's metrics on loopback (a worker run elsewhere: TIEAN_WORKER_METRICS_ADDRESS).
    // (Its port, or a free one when something else holds it: a busy port must not stop the worker.)
    const workerMetrics =
      cfg.metrics.workerAddress ?? `127.0.0.1:${await portOrFree(cfg.metrics.workerPort)}`;
    const child = (name: 'worker' | 'api', ready: RegExp) =>
      supervise({
        name,
        args: [name, '--log-file', path.join(logDir, `${name}.log`)],
        ...(name === 'worker'
          ? { env: { ...process.env, TIEAN_WORKER_METRICS_ADDRESS: workerMetrics } }
          : {}),
        dataDir: cfg.dataDir,
        ready,
        say: (l) => {
          say(l);
          log.warn({ component: name }, l);
        },
        onLine: (l) => log.info({ component: name }, l),
      });
    say('worker (bundling workflows)…');
    running.push(await child('worker', /^worker running/));
    say('API…');
    running.push(await child('api', /^API on /));
    const api = { url: cfg.api.publicUrl };

    const lines = [
      '',
      `Tie'an 铁案 is running (ready in ${((Date.now() - t0) / 1000).toFixed(1)} s). Ctrl-C stops everything.`,
      `  API            ${api.url}   (health ${api.url}/healthz, ready ${api.url}/readyz)`,
      `  Workbench      ${api.url}/   (the web app; sign in as a demo user below)`,
      `  API docs       ${api.url}/api/docs   (OpenAPI ${api.url}/api/openapi.json)`,
      cfg.temporal.embedded
        ? cfg.temporal.ui
          ? `  Temporal UI    http://127.0.0.1:${cfg.temporal.uiPort}   (frontend ${cfg.temporal.address}; no sign-in: keep it on this machine)`
          : `  Temporal       ${cfg.temporal.address} (loopback; web UI off, TIEAN_TEMPORAL_UI=on to serve it)`
        : `  Temporal       ${cfg.temporal.address} namespace ${cfg.temporal.namespace}`,
      `  PostgreSQL     ${cfg.database.url.replace(/:[^:@/]+@/, ':***@')}`,
      `  SMTP           ${cfg.smtp.url}${cfg.smtp.embedded ? `   (mail in ${path.join(cfg.dataDir, 'mail')}; npm run tiean -- mail inbox)` : ''}`,
      `  Metrics        ${api.url}/metrics (API), http://${workerMetrics}/metrics (worker, Temporal SDK) — Prometheus`,
      cfg.tracing.mode === 'off' ? '' : `  Traces         ${tracingSummary(cfg.tracing, logDir)}`,
      `  Logs           ${logDir}`,
      cfg.database.embedded
        ? `  Demo users     ${DEMO_USERS.map((u) => u.username).join(', ')} — password ${DEMO_PASSWORD}`
        : '',
      '',
    ];
    console.log(lines.filter((l) => l !== '').join('\n'));
  } catch (err) {
    console.error(`[start] failed: ${err instanceof Error ? err.message : String(err)}`);
    log.error({ err }, 'start failed');
    await stop(1);
  }
}
