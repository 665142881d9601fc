// `npm run bench -- case-page`: the case page as the workbench reads it, `GET /api/cases/{n}` — the projection's
// row, deadlines and tasks from PostgreSQL and the live state from the case's workflow (a Query) — over N open
// cases (BENCH_CASES, default 200; half filed, so their investigation runs as a child workflow), by 1 and by 8
// clients at once. Real workflows with the real activities and PostgreSQL. By default as in production: the
// Temporal dev server, the worker as its own process (`tiean worker`), the API in this process
// (bench/engine.ts). BENCH_ENGINE=time-skipping runs the worker in this process with the API, on the
// time-skipping server, as the first measurements did. Reports p50/p99 and how many answers carried the live state
// (a Query that timed out gives none).
import type { Client } from '@temporalio/client';
import { chinaDateOf } from '../schema/values/dates.js';
import { buildApi } from '../api/server.js';
import { loadConfig } from '../platform/config.js';
import type { Db } from '../platform/db.js';
import { createLogger } from '../platform/log.js';
import { signIn } from '../test/helpers/api.js';
import { caseInput, head } from '../test/helpers/cases.js';
import { startCaseWorkflow } from '../test/helpers/case-client.js';
import { standaloneEngine } from '../test/helpers/standalone.js';
import * as M from '../workflows/case/messages.js';
import { benchEngine, patiently, pct } from './engine.js';

const N = Number(process.env.BENCH_CASES ?? 200);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);
const ENGINE = process.env.BENCH_ENGINE ?? 'dev';
if (ENGINE !== 'dev' && ENGINE !== 'time-skipping')
  throw new Error(`BENCH_ENGINE must be dev or time-skipping, not ${ENGINE}`);

interface Engine {
  db: Db;
  client: Client;
  taskQueue: string;
  now(): Promise<number>;
  run(f: () => Promise<void>): Promise<void>;
  stop(): Promise<void>;
}

async function engine(): Promise<Engine> {
  if (ENGINE === 'dev') {
    const e = await benchEngine({ name: 'case-page' });
    return {
      db: e.db,
      client: e.client,
      taskQueue: e.taskQueue,
      now: async () => Date.now(),
      run: (f) => f(),
      stop: () => e.stop(),
    };
  }
  const taskQueue = 'bench-case-page';
  const s = await standaloneEngine(taskQueue);
  return {
    db: s.db,
    client: s.env.client,
    taskQueue,
    now: () => s.env.currentTimeMs(),
    run: (f) => s.worker.runUntil(f),
    stop: () => s.stop(),
  };
}

const { db, client, taskQueue, now, run, stop } = await engine();
console.log(
  ENGINE === 'dev'
    ? 'engine: the Temporal dev server, the worker as its own process, the API in this process'
    : 'engine: the time-skipping server, the worker and the API in this process',
);

await run(async () => {
  const t0 = Date.now();
  const today = chinaDateOf(await now());
  const numbers: string[] = [];
  for (let i = 0; i < N; i++) {
    const n = `DC-2026-${String(50_000 + i)}`;
    const h = await startCaseWorkflow(client, {
      taskQueue,
      workflowId: n,
      args: [caseInput(n, today)],
    });
    if (i % 2 === 0)
      await patiently(() =>
        h.executeUpdate(M.decideFilingUpdate, {
          updateId: `filing-${n}`,
          args: [{ actor: head, command: { decision: 'file', reasons: '有违法事实，符合立案条件' } }],
        }),
      );
    numbers.push(n);
  }
  while ((await db.case.count({ where: { number: { in: numbers } } })) < N)
    await new Promise((r) => setTimeout(r, 200));
  console.log(
    `${N} open cases started (${N / 2} filed) and projected: ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );

  // The API as configured, but for the per-user rate limit on reads (a measurement reads faster than a person).
  const app = await buildApi({
    cfg: loadConfig({ TIEAN_RATE_READS: '10000000' }),
    db,
    temporal: client,
    log: createLogger('bench', { level: 'silent' }),
  });
  const { supervisor1: token } = await signIn(app, ['supervisor1'], '10.9.0');
  const read = async () => {
    const n = numbers[Math.floor(Math.random() * numbers.length)]!;
    const t = performance.now();
    const r = await app.inject({ url: `/api/cases/${n}`, headers: { authorization: `Bearer ${token}` } });
    const ms = performance.now() - t;
    if (r.statusCode !== 200) throw new Error(`${n}: ${r.statusCode} ${r.body}`);
    return { ms, live: r.json().live !== null };
  };
  for (let i = 0; i < 20; i++) await read(); // warm-up
  console.log('\nGET /api/cases/{n}          p50       p99   with live state');
  for (const clients of [1, 8]) {
    const results: { ms: number; live: boolean }[] = [];
    await Promise.all(
      Array.from({ length: clients }, async () => {
        for (let i = 0; i < REQUESTS / clients; i++) results.push(await read());
      }),
    );
    const ms = results.map((r) => r.ms);
    const live = results.filter((r) => r.live).length;
    console.log(
      `${String(clients).padStart(2)} client(s)          ${pct(ms, 50).toFixed(1).padStart(7)}ms ${pct(ms, 99).toFixed(1).padStart(7)}ms   ${live}/${results.length}`,
    );
  }
  await app.close();
});
await stop();
