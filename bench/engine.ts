// A whole engine for the benchmarks that need real time and a worker of its own: embedded PostgreSQL (migrated
// and seeded), an SMTP server on loopback, the Temporal dev server (the one `npm start` runs, on SQLite), and a
// worker as its own process (`tiean worker`, as in production), so that its memory is measured alone. The
// benchmark drives it with a client that signs its commands as the API does.
import {
  WorkflowNotFoundError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
  type Client,
} from '@temporalio/client';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { loadCommandKey } from '../platform/command-auth.js';
import { loadConfig, projectRoot, type Config } from '../platform/config.js';
import { createDb, type Db } from '../platform/db.js';
import { startProcess, type Managed } from '../platform/processes.js';
import { startSmtpServer } from '../platform/smtp-server.js';
import { startTemporalDevServer } from '../platform/temporal-server.js';
import { connectClient } from '../platform/temporal.js';
import { ensureTemporalCli } from '../scripts/bootstrap.js';
import { PhaseHandoverError } from '../services/matter-workflows.js';
import { seedDemo } from '../scripts/seed.js';
import { freePort } from '../test/helpers/ports.js';
import { startMigratedPostgres } from '../test/helpers/postgres.js';

export interface BenchEngine {
  cfg: Config;
  db: Db;
  client: Client;
  taskQueue: string;
  mailDir: string;
  /** The worker process's resident memory, in MiB (the process and its threads). */
  workerRssMiB(): number;
  /** A metric of the worker's Temporal SDK (Prometheus), summed over its labels. */
  workerMetric(name: string): Promise<number>;
  /** The pids of the worker and of the Temporal server (for their CPU time). */
  pids(): { worker: number; temporal: number };
  /** Stops the worker and starts it again with the same environment (its cache starts empty). */
  restartWorker(): Promise<void>;
  stop(): Promise<void>;
}

const printed = (prefix: string, line: string) => console.error(`[${prefix}] ${line}`);

export async function benchEngine(opts: {
  name: string;
  /** The worker's environment on top of the engine's (e.g. TIEAN_WORKER_CACHED_WORKFLOWS). */
  workerEnv?: Record<string, string>;
  /** Where the Temporal server's and the worker's errors go (default: printed, prefixed with their source). */
  onError?: (source: 'temporal' | 'worker', line: string) => void;
}): Promise<BenchEngine> {
  const quiet = (prefix: 'temporal' | 'worker') => (line: string) => {
    if (/error|panic|fatal/i.test(line) && !/SMTP_FAILED/.test(line)) (opts.onError ?? printed)(prefix, line);
  };
  const { pg, tmp, stop: stopPostgres } = await startMigratedPostgres(`tiean-bench-${opts.name}`, 'tiean');
  const db = createDb(pg.url);
  await seedDemo(db);
  const mailDir = path.join(tmp, 'mail');
  mkdirSync(mailDir, { recursive: true });
  const smtp = await startSmtpServer({ port: 0, mailDir });
  const metricsPort = await freePort();
  const env: Record<string, string> = {
    TIEAN_DATA_DIR: tmp,
    DATABASE_URL: pg.url,
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    TIEAN_TEMPORAL_PORT: String(await freePort()),
    TEMPORAL_TASK_QUEUE: `bench-${opts.name}`,
    TIEAN_WORKER_METRICS_ADDRESS: `127.0.0.1:${metricsPort}`,
    LOG_LEVEL: 'warn',
  };
  const cfg = loadConfig(env);
  const temporal = await startTemporalDevServer(await ensureTemporalCli(() => {}), cfg, quiet('temporal'));
  const key = loadCommandKey(cfg, { create: true });
  const client = await connectClient(cfg.temporal, key);

  let worker: Managed;
  const startWorker = async () => {
    let ready: () => void;
    const started = new Promise<void>((r) => (ready = r));
    worker = startProcess(
      'worker',
      process.execPath,
      // BENCH_WORKER_NODE_ARGS: e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile the worker.
      [
        ...(process.env.BENCH_WORKER_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
        path.join(projectRoot, 'bin', 'tiean.mjs'),
        'worker',
      ],
      {
        env: { ...process.env, ...env, ...opts.workerEnv },
        onLine: (l) => (/worker running on task queue/.test(l) ? ready() : quiet('worker')(l)),
      },
    );
    const early = worker.exited.then((code) => {
      throw new Error(`the worker exited (code ${code}) before it was ready`);
    });
    await Promise.race([started, early]);
    early.catch(() => undefined);
  };
  await startWorker();

  const rssKiB = (pid: number) =>
    Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);

  return {
    cfg,
    db,
    client,
    taskQueue: cfg.temporal.taskQueue,
    mailDir,
    pids: () => ({ worker: worker.child.pid!, temporal: temporal.child.pid! }),
    workerRssMiB: () => descendants(worker.child.pid!).reduce((s, p) => s + rssKiB(p), 0) / 1024,
    async workerMetric(name) {
      const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
      return text
        .split('\n')
        .filter((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `))
        .reduce((s, l) => s + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);
    },
    async restartWorker() {
      await worker.stop(30_000);
      await startWorker();
    },
    async stop() {
      await worker.stop(30_000);
      await client.connection.close();
      await temporal.stop();
      await db.$disconnect();
      await smtp.stop();
      await stopPostgres();
    },
  };
}

/** A process and its descendants (their pids). */
function descendants(pid: number): number[] {
  const children = readdirSync(`/proc/${pid}/task`).flatMap((t) => {
    try {
      return readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    } catch {
      return [];
    }
  });
  return [pid, ...children.flatMap((c) => descendants(Number(c)))];
}

/** CPU seconds a process and its descendants have used (user + system). */
export function cpuSeconds(pid: number): number {
  const ticks = 100; // USER_HZ on Linux
  return descendants(pid).reduce((sum, p) => {
    const f = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return sum + (Number(f[11]) + Number(f[12])) / ticks;
  }, 0);
}

/** The p-th percentile of a list of figures. */
export const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

/** Runs `f` over the items with at most `n` at once. */
export async function pool<T>(items: T[], n: number, f: (item: T, i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) {
        const i = next++;
        await f(items[i]!, i);
      }
    }),
  );
}

/** A command sent again while the case's first phase has not started yet, or when the server did not answer in
 * time (the API answers 503 then; a client retries with the same key: the same Update ID, so it applies once). */
export async function patiently<T>(f: () => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await f();
    } catch (err) {
      const retry =
        err instanceof WorkflowNotFoundError ||
        err instanceof WorkflowUpdateRPCTimeoutOrCancelledError ||
        err instanceof PhaseHandoverError;
      if (tries >= 30 || !retry) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
